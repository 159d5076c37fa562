"""The kop surat form of the BKPSDM operator's page (input only; the service checks it)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.documents.lambang import MAX_BYTES
from sikerja.documents.letterheads import LetterheadInput
from sikerja.documents.models import Letterhead


class LetterheadForm(forms.Form):
    lines = forms.CharField(
        label=_("Nama pemerintah daerah (satu baris per baris kop)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=600,
    )
    address = forms.CharField(label=_("Alamat"), required=False, max_length=300)
    telephone = forms.CharField(label=_("Telepon"), required=False, max_length=60)
    email = forms.CharField(label=_("Pos-el"), required=False, max_length=120)
    website = forms.CharField(label=_("Laman"), required=False, max_length=200)
    lambang = forms.FileField(
        label=_("Lambang (PNG atau JPEG, paling besar 512 KB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )

    @classmethod
    def of(cls, letterhead: Letterhead | None) -> LetterheadForm:
        """The form filled with the current kop (empty before the first one)."""
        if letterhead is None:
            return cls()
        fields = ("lines", "address", "telephone", "email", "website")
        return cls(initial={name: getattr(letterhead, name) for name in fields})

    def values(self) -> LetterheadInput:
        data = self.cleaned_data
        upload = data.get("lambang")
        return LetterheadInput(
            lines=data["lines"],
            address=data["address"],
            telephone=data["telephone"],
            email=data["email"],
            website=data["website"],
            # One byte over the limit is enough for the service to refuse a file too large.
            lambang=upload.read(MAX_BYTES + 1) if upload else None,
        )
