"""Input of the single placement edits on an employee's page (parsing only): move, end, start,
acting (Plt/Plh). The choices are the viewer's government's positions and the employee's
current placements; the services check every rule."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sikerja.organization.models import Placement, Position

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PositionChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A position shown with its unit and Perangkat Daerah."""

    def label_from_instance(self, obj: Position) -> str:
        return f"{obj.title} — {obj.unit.name} ({obj.unit.agency.code})"


class DecisionForm(forms.Form):
    """The decision (SK) every placement change cites (V-39)."""

    decision_number = forms.CharField(label=_("Nomor keputusan (SK)"), max_length=120)
    decision_date = forms.DateField(label=_("Tanggal keputusan"), widget=DATE)
    decided_by = forms.CharField(label=_("Pejabat yang menetapkan"), max_length=200)


class MoveForm(DecisionForm):
    """Move to another position (and unit) from a day."""

    position = PositionChoice(queryset=Position.objects.none(), label=_("Jabatan tujuan"))
    valid_from = forms.DateField(label=_("Mulai (TMT)"), widget=DATE)
    field_order = ["position", "valid_from"]

    def __init__(self, *args: object, positions: QuerySet[Position], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["position"].queryset = positions  # type: ignore[attr-defined]


class StartForm(MoveForm):
    """Start a definitive placement (for someone without one)."""


class ActingForm(MoveForm):
    """Set a Plt or Plh in a head position, for a period."""

    kind = forms.ChoiceField(
        label=_("Jenis"),
        choices=[
            (Placement.Kind.PLT, Placement.Kind.PLT.label),
            (Placement.Kind.PLH, Placement.Kind.PLH.label),
        ],
    )
    valid_to = forms.DateField(label=_("Sampai (tidak termasuk)"), widget=DATE, required=False)
    field_order = ["kind", "position", "valid_from", "valid_to"]


class EndForm(forms.Form):
    """End one of the employee's current placements on a day (exclusive)."""

    placement = forms.ModelChoiceField(
        queryset=Placement.objects.none(), label=_("Kedudukan"), empty_label=None
    )
    valid_to = forms.DateField(
        label=_("Berakhir pada (hari itu sudah tidak menjabat)"), widget=DATE
    )

    def __init__(self, *args: object, placements: QuerySet[Placement], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["placement"]
        field.queryset = placements  # type: ignore[attr-defined]
        field.label_from_instance = _placement_label  # type: ignore[attr-defined]


def _placement_label(placement: Placement) -> str:
    return f"{placement.position.title} ({placement.get_kind_display()}, {placement.valid_from})"
