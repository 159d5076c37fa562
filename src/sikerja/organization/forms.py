"""Input of the organisation pages: the day to show, the employee search, the import upload
(parsing only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class DayForm(forms.Form):
    """`?on=YYYY-MM-DD`: the day the organisation is shown on."""

    on = forms.DateField(
        label=_("Tanggal"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    @classmethod
    def from_query(cls, query: QueryDict, default: dt.date) -> DayForm:
        """Bound to the query, or to the default day when the query names none."""
        return cls({"on": query.get("on") or default.isoformat()})

    def day(self, default: dt.date) -> dt.date:
        """The valid day asked for, or the default (today) for an invalid one."""
        if self.is_valid() and self.cleaned_data["on"] is not None:
            day: dt.date = self.cleaned_data["on"]
            return day
        return default


class EmployeeSearchForm(forms.Form):
    """`?q=`: part of an employee's name."""

    q = forms.CharField(label=_("Cari nama"), required=False, max_length=100, strip=True)

    def query(self) -> str:
        """The cleaned search text ('' when none or invalid)."""
        if self.is_bound and self.is_valid():
            text: str = self.cleaned_data["q"]
            return text
        return ""


class UploadForm(forms.Form):
    """One XLSX workbook or one CSV sheet of the template."""

    file = forms.FileField(label=_("Berkas XLSX atau CSV"))

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Unggah berkas .xlsx atau .csv sesuai templat."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Berkas lebih besar dari 50 MB."))
        return upload


class FieldUnitForm(forms.Form):
    """The field unit (Bagian) of a position, chosen among its agency's Bagian (V-46)."""

    field_unit = forms.TypedChoiceField(
        label=_("Bagian bidang jabatan"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, units: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["field_unit"]
        assert isinstance(field, forms.TypedChoiceField)  # noqa: S101 (declared above)
        field.choices = [("", _("— belum dicatat —")), *units]
