"""Input of the tim kerja pages: a decision on the open step of a team's formation (parsing only).

What is required or allowed (a reason, a lead among the candidates) is decided by the domain,
whose refusals are put back next to these fields.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.regulations.schema.workflows import Decision


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
