"""The forms of training-need proposals (V-62): the unit head's proposal and BKPSDM's decision."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

TEXT = 2000


class ProposalForm(forms.Form):
    """A proposal for one person; the competencies are the checked gaps (`getlist`)."""

    employee_id = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Alasan usulan"),
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DecisionForm(forms.Form):
    """BKPSDM's decision: scheduled (date and programme) or declined (reason)."""

    decision = forms.ChoiceField(
        choices=[("schedule", _("Jadwalkan")), ("decline", _("Tidak dijadwalkan"))]
    )
    scheduled_on = forms.DateField(
        label=_("Tanggal pelatihan"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    programme = forms.CharField(label=_("Program pelatihan"), max_length=300, required=False)
    reason = forms.CharField(
        label=_("Alasan tidak dijadwalkan"),
        max_length=TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
