"""Input of the feed's page: the home appraiser's decision on a proposed RHK (parsing only)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ProposalDecisionForm(forms.Form):
    """Accept a proposed RHK into the SKP, or decline it with a reason."""

    decision = forms.ChoiceField(
        label=_("Keputusan"), choices=[("accept", _("Terima")), ("decline", _("Tolak"))]
    )
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
