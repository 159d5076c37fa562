"""Forms of the report and evaluation pages: what each POST carries, validated at the edge."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

REPORT_DECISIONS = [("acknowledge", _("Terima")), ("return", _("Kembalikan"))]
EVALUATION_DECISIONS = [
    ("approve", _("Sesuai target: teruskan / nyatakan selesai")),
    ("return", _("Kembalikan untuk diperbaiki")),
    ("submit", _("Sampaikan lagi")),
]


class ReportSubmitForm(forms.Form):
    """A report's text (the evidence files and notes on members come as their own fields)."""

    text = forms.CharField(label=_("Isi laporan"), widget=forms.Textarea(attrs={"rows": 5}))


class ReportDecisionForm(forms.Form):
    """A receiver's decision on a report at their step."""

    step_id = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=REPORT_DECISIONS)
    reason = forms.CharField(
        label=_("Alasan (wajib bila dikembalikan)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ResultsSubmitForm(forms.Form):
    """The team's results, submitted for evaluation."""

    results = forms.CharField(label=_("Hasil kerja tim"), widget=forms.Textarea(attrs={"rows": 4}))


class EvaluationDecisionForm(forms.Form):
    """A reviewer's decision (or the resubmission after a return) at their step."""

    step_id = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=EVALUATION_DECISIONS)
    on_target = forms.BooleanField(
        label=_("Hasil sesuai dengan target yang diharapkan"), required=False
    )
    reason = forms.CharField(
        label=_("Alasan (wajib bila dikembalikan)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    results = forms.CharField(
        label=_("Hasil yang diperbaiki (bila menyampaikan lagi)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class IndividualCreateForm(forms.Form):
    """The first day of the period of my own work's report (a month, or a quarter where the
    pack reports quarterly)."""

    period_start = forms.DateField(
        label=_("Awal periode laporan"), widget=forms.DateInput(attrs={"type": "date"})
    )
