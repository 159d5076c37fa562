"""Input of the objection pages (parsing only; what is allowed is the domain's to say)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.performance.models import Rating


class ObjectionFileForm(forms.Form):
    """The employee's objection to a signed rating, with its reasons."""

    reason = forms.CharField(
        label=_("Alasan keberatan"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ObjectionDecisionForm(forms.Form):
    """The deciding official's answer: the predikat upheld, or changed to another."""

    decision = forms.ChoiceField(
        label=_("Keputusan"),
        choices=[("uphold", _("Predikat tetap")), ("change", _("Ubah predikat"))],
    )
    predikat = forms.ChoiceField(
        label=_("Predikat baru"),
        required=False,
        choices=[("", "—"), *Rating.Predikat.choices],
    )
    reason = forms.CharField(
        label=_("Alasan keputusan"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
