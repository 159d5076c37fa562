"""Input of the team-work pages (parsing only): the lead's plan, its decision, progress with
evidence files, feedback, monitoring and obstacles. What is allowed is the domain's to say;
its refusals are put back next to these fields."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

TEXT = 4000
LINE = 250
ACTIVITY_ROWS = 3


def _area(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class ActivityForm(forms.Form):
    """One activity row of the plan (an empty row is skipped)."""

    name = forms.CharField(label=_("Kegiatan"), max_length=LINE, required=False)
    output = forms.CharField(label=_("Keluaran"), max_length=LINE, required=False)
    target = forms.CharField(label=_("Target"), max_length=LINE, required=False)
    starts_on = forms.DateField(
        label=_("Mulai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Selesai"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    budget = forms.DecimalField(
        label=_("Anggaran (Rp)"), required=False, min_value=0, max_digits=16, decimal_places=2
    )
    assignee_nip = forms.ChoiceField(label=_("Pelaksana"), required=False, choices=[])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("name") and not (data.get("starts_on") and data.get("ends_on")):
            raise forms.ValidationError(_("Isi jadwal kegiatan."))
        return data


ActivityFormSet = forms.formset_factory(ActivityForm, extra=ACTIVITY_ROWS, max_num=20)


class PlanForm(forms.Form):
    """The lead's plan: the strategy and the expected target (the activities are a formset)."""

    strategy = forms.CharField(label=_("Strategi"), max_length=TEXT, required=False, widget=_area())
    expected_target = forms.CharField(
        label=_("Target yang diharapkan"), max_length=TEXT, required=False, widget=_area(2)
    )


class PlanDecisionForm(forms.Form):
    """The approver sets the plan or returns it with a reason."""

    decision = forms.ChoiceField(
        choices=[("approve", _("Tetapkan")), ("return", _("Kembalikan"))], widget=forms.HiddenInput
    )
    note = forms.CharField(label=_("Catatan"), max_length=TEXT, required=False, widget=_area(2))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ProgressForm(forms.Form):
    """A progress entry with its evidence files."""

    summary = forms.CharField(label=_("Uraian kemajuan"), max_length=TEXT, widget=_area())
    percent_complete = forms.IntegerField(label=_("Persentase selesai"), min_value=0, max_value=100)
    activity_id = forms.TypedChoiceField(
        label=_("Kegiatan"), required=False, coerce=int, empty_value=None, choices=[]
    )
    evidence = MultipleFileField(label=_("Berkas bukti (data dukung)"), required=False)


class FeedbackForm(forms.Form):
    """Feedback on a member's work."""

    about_nip = forms.ChoiceField(label=_("Anggota"), choices=[])
    text = forms.CharField(label=_("Umpan balik"), max_length=TEXT, widget=_area())


class MonitoringForm(forms.Form):
    """A monitoring and evaluation of the team's work."""

    held_on = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    findings = forms.CharField(label=_("Hasil pemantauan"), max_length=TEXT, widget=_area())
    direction = forms.CharField(label=_("Arahan"), max_length=TEXT, required=False, widget=_area(2))


class ObstacleForm(forms.Form):
    """A problem with its alternative recommendations, one per line."""

    problem = forms.CharField(label=_("Permasalahan"), max_length=TEXT, widget=_area())
    recommendations = forms.CharField(
        label=_("Alternatif rekomendasi (satu per baris)"),
        max_length=TEXT,
        required=False,
        widget=_area(),
    )


class ObstacleDecisionForm(forms.Form):
    """A decision on an obstacle, or passing it on for collaboration."""

    obstacle_id = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.CharField(label=_("Keputusan"), max_length=TEXT, widget=_area(2))
    collaborate = forms.BooleanField(
        label=_("Teruskan ke pimpinan unit tempat anggota berada"), required=False
    )


class RoleForm(forms.Form):
    """The role the lead gives a member by competence (K2)."""

    member_nip = forms.ChoiceField(label=_("Anggota"), choices=[])
    role = forms.CharField(label=_("Peran"), max_length=LINE)


class WorkPlanForm(forms.Form):
    """A member's individual work plan (A1)."""

    content = forms.CharField(label=_("Rencana kerja individu"), max_length=TEXT, widget=_area())
    target = forms.CharField(label=_("Target"), max_length=LINE)


class DialogueForm(forms.Form):
    """The expectations set with a member in a performance dialogue (V-59)."""

    member_nip = forms.ChoiceField(label=_("Anggota"), choices=[])
    held_on = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    expectations = forms.CharField(label=_("Ekspektasi"), max_length=TEXT, widget=_area())


class FollowUpForm(forms.Form):
    """A follow-up of an obstacle, and whether it closes it."""

    obstacle_id = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(label=_("Tindak lanjut"), max_length=TEXT, widget=_area(2))
    close = forms.BooleanField(label=_("Permasalahan selesai"), required=False)


class ReworkForm(forms.Form):
    """Off-target work sent back for improvement (V-58)."""

    reason = forms.CharField(label=_("Alasan perbaikan"), max_length=TEXT, widget=_area(2))


class ReworkCloseForm(forms.Form):
    """How the owner improved the work."""

    rework_id = forms.IntegerField(widget=forms.HiddenInput)
    resolution = forms.CharField(label=_("Hasil perbaikan"), max_length=TEXT, widget=_area(2))


class AcknowledgeForm(forms.Form):
    """The lead acknowledges a member's work plan (named by NIP)."""

    member_nip = forms.CharField(max_length=18)
