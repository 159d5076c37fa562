"""Input of the tim kerja pages: a team's proposal, a decision on the open step of its formation
(parsing only).

What is required or allowed (a reason, a lead among the candidates) is decided by the domain,
whose refusals are put back next to these fields.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from sikerja.assignments.forms import IdListField
from sikerja.regulations.schema.workflows import Decision
from sikerja.teams.inputs import SubActivity, TeamInput

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class TeamDecisionForm(forms.Form):
    """A decision on the open step the page showed (its id travels with the form)."""

    step_id = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Keputusan"), choices=[(d.value, d.value) for d in Decision]
    )
    reason = forms.CharField(
        label=_("Alasan"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    # The candidates are the page's to list (widget choices); whether the one chosen is a
    # candidate is the domain's to say (V-32).
    lead_id = forms.IntegerField(label=_("Ketua tim"), required=False, widget=forms.Select)
    justification = forms.CharField(
        label=_("Justifikasi"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


DATE_FORMAT = "%Y-%m-%d"


def _date(label: StrOrPromise) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    )


def _text(label: StrOrPromise, *, rows: int = 3, help_text: StrOrPromise = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=4000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _line(label: StrOrPromise, *, help_text: StrOrPromise = "") -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=250, help_text=help_text)


def _search(label: StrOrPromise) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


# Choosing the owner unit re-renders the form (htmx): the flow the team will run and who decides.
LIVE = {
    "hx-post": reverse_lazy("web:team-create"),
    "hx-trigger": "change",
    "hx-vals": '{"action": "refresh"}',
    "hx-target": "#team-form",
    "hx-select": "#team-form",
    "hx-swap": "outerHTML",
}


class TeamProposalForm(forms.Form):
    """A team's proposal (parsing only): which fields the pack requires, and whether the people
    named may take their part, is the domain's to say, next to these fields."""

    owner_unit_id = forms.IntegerField(
        label=_("Unit pemilik kinerja"), required=False, widget=forms.Select(attrs=LIVE)
    )
    name = _line(_("Nama tim kerja"))
    purpose = _text(_("Tujuan tim kerja"))
    activity_ref = _line(
        _("Kegiatan pada Perjanjian Kinerja unit"),
        help_text=_("Kegiatan bertipe tim yang dilayani tim ini."),
    )
    sub_activities = _text(_("Sub kegiatan"), help_text=_("Satu sub kegiatan per baris."))
    cascaded_from = _line(_("Kinerja yang di-cascade ke tim"))
    starts_on = _date(_("Tanggal mulai"))
    ends_on = _date(_("Tanggal selesai"))
    lead_query = _search(_("Cari ketua tim (nama atau NIP)"))
    lead_id = forms.IntegerField(label=_("Ketua tim"), required=False)
    candidate_query = _search(_("Cari calon ketua tim (nama atau NIP)"))
    candidate_ids = IdListField(label=_("Calon ketua tim"), required=False)
    appraiser_consideration = _text(_("Pertimbangan Pejabat Penilai Kinerja"))
    member_query = _search(_("Cari anggota (nama atau NIP)"))
    member_ids = IdListField(label=_("Anggota tim"), required=False)
    pengendali_query = _search(_("Cari Pengendali (nama atau NIP)"))
    pengendali_id = forms.IntegerField(label=_("Pengendali"), required=False)
    pengendali_activity = _line(_("Kegiatan atau program yang dikoordinasikan Pengendali"))
    lead_role_abk = forms.DecimalField(
        label=_("Analisa beban kerja peran ketua tim"),
        required=False,
        min_value=Decimal(0),
        max_value=Decimal(99),
        decimal_places=2,
    )
    abk_reference = _line(_("Rujukan dokumen ABK"))
    composition_basis = _text(
        _("Dasar komposisi tim"), help_text=_("Target kinerja, beban kerja, kompetensi pegawai.")
    )
    competencies = _line(
        _("Kompetensi yang dibutuhkan"),
        help_text=_("Pisahkan dengan koma. Diminta bila ada orang dari unit lain."),
    )
    expected_target = _text(
        _("Target yang diharapkan"),
        help_text=_("Diminta bila ada orang dari unit lain."),
    )
    justification = _text(
        _("Justifikasi"),
        help_text=_("Wajib bila usulan menyimpang dari ketentuan yang diutamakan."),
    )

    def team_input(self) -> TeamInput:
        """The valid form as the domain's input."""
        data = self.cleaned_data
        return TeamInput(
            name=data["name"],
            purpose=data["purpose"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            lead_id=data["lead_id"],
            candidate_ids=data["candidate_ids"],
            member_ids=data["member_ids"],
            activity_ref=data["activity_ref"],
            sub_activities=[
                SubActivity(name=line.strip())
                for line in data["sub_activities"].splitlines()
                if line.strip()
            ],
            cascaded_from=data["cascaded_from"],
            composition_basis=data["composition_basis"],
            competencies=[c.strip() for c in data["competencies"].split(",") if c.strip()],
            expected_target=data["expected_target"],
            appraiser_consideration=data["appraiser_consideration"],
            lead_role_abk=data["lead_role_abk"],
            abk_reference=data["abk_reference"],
            pengendali_id=data["pengendali_id"],
            pengendali_activity=data["pengendali_activity"],
            justification=data["justification"],
        )


def _person(label: StrOrPromise) -> forms.IntegerField:
    return forms.IntegerField(label=label, error_messages={"required": _("Pilih satu orang.")})


class ReplaceMemberForm(forms.Form):
    """Replace a member of an active team, with the reason."""

    old_employee_id = forms.IntegerField(
        label=_("Anggota yang diganti"),
        widget=forms.Select,
        error_messages={"required": _("Pilih satu orang.")},
    )
    new_query = _search(_("Cari pengganti (nama atau NIP)"))
    new_employee_id = _person(_("Anggota pengganti"))
    reason = _text(_("Alasan"))


class VacateLeadForm(forms.Form):
    """Record that the lead's post fell vacant on a day, with the reason."""

    vacant_on = forms.DateField(
        label=_("Kosong sejak"),
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    )
    reason = _text(_("Alasan"))


class FillLeadForm(forms.Form):
    """Appoint the lead of a team whose lead is vacant (a justification where a PREFERRED rule
    is not met)."""

    lead_query = _search(_("Cari ketua tim (nama atau NIP)"))
    lead_id = _person(_("Ketua tim baru"))
    justification = _text(_("Justifikasi"))


class DissolveForm(forms.Form):
    """Dissolve an active team, with the reason."""

    reason = _text(_("Alasan"))


class LeadInputForm(forms.Form):
    """The lead's input on the members (V-65): who, and why."""

    member_query = _search(_("Cari anggota (nama atau NIP)"))
    member_ids = IdListField(label=_("Anggota tim"), required=False)
    lead_input = _text(_("Masukan ketua tim tentang anggota"))
