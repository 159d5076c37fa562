"""Input of the web pages: the day to show and the employee search (parsing only)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _


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
