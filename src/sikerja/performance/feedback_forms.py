"""Input of the feedback and evidence of an RHK from the pages (parsing only)."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

PERIOD = re.compile(r"^(MONTHLY|QUARTERLY|SEMESTER|ANNUAL):(\d{1,2})$")
BACK_CHOICES = [("skp", "skp"), ("rating", "rating"), ("lead", "lead")]


class PeriodField(forms.CharField):
    """ "" (the year) or `<KIND>:<index>`, parsed into (kind, index) or None."""

    def to_python(self, value: object) -> tuple[str, int] | None:  # type: ignore[override]
        text = str(super().to_python(value) or "")
        if not text:
            return None
        match = PERIOD.match(text)
        if match is None:
            raise forms.ValidationError(_("Pilih periode yang tersedia."))
        return match.group(1), int(match.group(2))


class NoteForm(forms.Form):
    """Where a note on an RHK is about, and which page to go back to."""

    period = PeriodField(label=_("Tentang periode"), required=False)
    back = forms.ChoiceField(choices=BACK_CHOICES, required=False)


class FeedbackForm(NoteForm):
    """Feedback on an RHK."""

    text = forms.CharField(
        label=_("Umpan balik"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AcknowledgeForm(forms.Form):
    """The employee's acknowledgement of feedback, with an optional reply."""

    reply = forms.CharField(
        label=_("Tanggapan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class EvidenceForm(NoteForm):
    """An evidence file of an RHK (its kind and size are the domain's to check)."""

    file = forms.FileField(label=_("Berkas bukti dukung"), allow_empty_file=True)
