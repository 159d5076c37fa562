"""Input of the penugasan pages: the request, a decision, a recommendation (parsing only).

The forms check types and formats; what is required, allowed or consistent is decided by the
domain (the pack's rules), whose refusals are put back next to these fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import RequestInput
from sikerja.regulations.schema.workflows import Decision

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

NIP_SEPARATORS = re.compile(r"[,;\n]+")
NIP_DIGITS = re.compile(r"^\d{18}$")
TABS = ("kotak-masuk", "terkirim", "semua")
MAP_LANGUAGES = ("id", "en")
DATE_FORMAT = "%Y-%m-%d"
# Where the domain's field names show up on the request form.
REQUEST_FIELDS = {
    "owner_unit_id": "unit",
    "home_unit_id": "unit",
    "duration": "starts_on",
}
# The request's own fields, passed to the domain as they are.
PLAIN_FIELDS = (
    "mode",
    "subject",
    "title",
    "purpose",
    "competencies",
    "expected_target",
    "task_description",
    "individual_target",
    "other_arrangements",
    "team_name",
    "starts_on",
    "ends_on",
    "channel",
    "additional_task",
)


def _date_field(label: StrOrPromise) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=[DATE_FORMAT],
        widget=forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT),
    )


def _text(label: StrOrPromise, *, rows: int = 3, max_length: int = 4000) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


# Choosing the kind, the unit or "additional task" re-renders the form (htmx): the staff of the
# unit and the flow the request will run, with the fields it requires.
LIVE = {
    "hx-post": reverse_lazy("web:assignment-create"),
    "hx-trigger": "change",
    "hx-vals": '{"action": "candidates"}',
    "hx-target": "#request-form",
    "hx-select": "#request-form",
    "hx-swap": "outerHTML",
}


class IdListField(forms.Field):
    """Several ids from a multiple select; which ids exist is the domain's question."""

    widget = forms.SelectMultiple

    def to_python(self, value: Any) -> list[int]:
        if not value:
            return []
        items = value if isinstance(value, list | tuple) else [value]
        try:
            return list(dict.fromkeys(int(item) for item in items if str(item).strip()))
        except (TypeError, ValueError) as exc:
            raise ValidationError(_("Pilihan tidak dikenal."), code="invalid") from exc


class RequestForm(forms.Form):
    """A penugasan request or a voluntary application. The scope is never asked: it is derived."""

    mode = forms.ChoiceField(
        label=_("Jenis"),
        choices=Assignment.Mode.choices,
        initial=Assignment.Mode.APPOINTMENT,
        widget=forms.RadioSelect(attrs=LIVE),
    )
    subject = forms.ChoiceField(
        label=_("Penugasan untuk"),
        choices=Assignment.Subject.choices,
        initial=Assignment.Subject.INDIVIDUAL,
        widget=forms.RadioSelect(attrs=LIVE),
    )
    title = forms.CharField(label=_("Hal"), required=False, max_length=250)
    unit = forms.IntegerField(
        label=_("Unit organisasi tujuan"),
        required=False,
        # With htmx, choosing a unit lists its staff below and names the flow; without it, a
        # button does.
        widget=forms.Select(attrs=LIVE),
    )
    candidate_query = forms.CharField(
        label=_("Cari pegawai (nama atau NIP)"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "hx-post": reverse_lazy("web:assignment-create"),
                "hx-trigger": "input changed delay:300ms, search",
                "hx-vals": '{"action": "candidates"}',
                "hx-target": "#candidate-field",
                "hx-select": "#candidate-field",
                "hx-swap": "outerHTML",
            }
        ),
    )
    candidate_ids = IdListField(
        label=_("Pegawai yang diusulkan"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "person-choice"}),
    )
    candidate_nips = forms.CharField(
        label=_("atau NIP pegawai"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Satu NIP per baris atau dipisah koma."),
    )
    purpose = _text(_("Maksud dan tujuan"))
    competencies = forms.CharField(
        label=_("Kompetensi yang dibutuhkan"),
        required=False,
        max_length=1000,
        help_text=_("Pisahkan dengan koma."),
    )
    expected_target = _text(_("Target yang diharapkan"))
    task_description = _text(_("Uraian tugas"))
    individual_target = _text(_("Target individu"))
    other_arrangements = _text(_("Pengaturan lain"))
    team_name = forms.CharField(label=_("Nama tim kerja"), required=False, max_length=250)
    starts_on = _date_field(_("Tanggal mulai"))
    ends_on = _date_field(_("Tanggal selesai"))
    channel = forms.ChoiceField(
        label=_("Disampaikan"),
        choices=Assignment.Channel.choices,
        initial=Assignment.Channel.WRITTEN,
        widget=forms.RadioSelect,
    )
    additional_task = forms.BooleanField(
        label=_("Tugas tambahan"), required=False, widget=forms.CheckboxInput(attrs=LIVE)
    )

    def clean_candidate_nips(self) -> list[str]:
        text: str = self.cleaned_data.get("candidate_nips") or ""
        nips = [re.sub(r"\s+", "", item) for item in NIP_SEPARATORS.split(text)]
        nips = [nip for nip in nips if nip]
        wrong = [nip for nip in nips if not NIP_DIGITS.match(nip)]
        if wrong:
            raise ValidationError(
                _("NIP terdiri atas 18 angka: %(wrong)s"),
                code="invalid",
                params={"wrong": ", ".join(wrong)},
            )
        return list(dict.fromkeys(nips))

    def clean_competencies(self) -> list[str]:
        text: str = self.cleaned_data.get("competencies") or ""
        return [item.strip() for item in text.split(",") if item.strip()]

    def request_input(self) -> RequestInput:
        """The valid form as the domain's input: the unit is the target of an appointment, or
        the unit applied to in a voluntary application."""
        data = self.cleaned_data
        voluntary = data["mode"] == Assignment.Mode.VOLUNTARY
        return RequestInput(
            **{name: data[name] for name in PLAIN_FIELDS},
            owner_unit_id=data["unit"] if voluntary else None,
            home_unit_id=None if voluntary else data["unit"],
            candidate_ids=data["candidate_ids"],
        )


class DecisionForm(forms.Form):
    """A decision on the open step the page showed (its id travels with the form)."""

    step_id = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Keputusan"), choices=[(d.value, d.value) for d in Decision]
    )
    reason = _text(_("Alasan"))
    justification = _text(_("Justifikasi"))
    assignee_ids = IdListField(
        label=_("Pegawai yang ditugaskan"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "person-choice"}),
    )
    external_number = forms.CharField(
        label=_("Nomor surat instansi lain"), required=False, max_length=100
    )


class StepForm(forms.Form):
    """An action on the open step the page showed (remind its recommender)."""

    step_id = forms.IntegerField(widget=forms.HiddenInput)


class RecommendationForm(forms.Form):
    """The recommendation a step waits for, with the people recommended (optional)."""

    step_id = forms.IntegerField(widget=forms.HiddenInput)
    text = _text(_("Isi rekomendasi"), rows=4)
    recommended_ids = IdListField(
        label=_("Pegawai yang direkomendasikan"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "person-choice"}),
    )


def initial_of(query: Mapping[str, str]) -> dict[str, str]:
    """The request form's starting values from the address (`?mode=VOLUNTARY` from the home
    page's "Ajukan diri"); unknown values are ignored."""
    mode = query.get("mode", "")
    return {"mode": mode} if mode in Assignment.Mode.values else {}


def tab_of(value: str | None) -> str:
    """The list tab asked for (`?tab=`), the inbox by default."""
    return value if value in TABS else TABS[0]


def map_language(value: str | None, active: str) -> str:
    """`?lang=` if it names a map language, else the page's language (Indonesian by default)."""
    if value in MAP_LANGUAGES:
        return value
    return "en" if active.startswith("en") else "id"
