"""Input of the single placement edits on an employee's page (parsing only): move, end, start,
acting (Plt/Plh). A position is posted by id from the searchable position picker and looked up
in the viewer's government only (one query, never a list of every position); the employee's
current placements are the end form's choices; the services check every rule."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from sikerja.organization.models import Government, Placement, Position

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def position_label(position: Position) -> str:
    """A position shown with its unit and Perangkat Daerah."""
    return f"{position.title} — {position.unit.name} ({position.unit.agency.code})"


class PositionField(forms.Field):
    """The id of one position of the government (only a head position where `heads_only`),
    as the position picker posts it; anything else is a field error, never a silent choice."""

    default_error_messages = {
        "invalid": _("Pilih jabatan dari hasil pencarian."),
        "unknown": _("Jabatan itu tidak ada di pemerintah daerah Anda. Cari dan pilih lagi."),
        "not_head": _("Plt./Plh. hanya untuk jabatan kepala unit. Pilih jabatan kepala."),
    }

    def __init__(self, **kwargs: object) -> None:
        super().__init__(widget=forms.HiddenInput, **kwargs)  # type: ignore[arg-type]
        self.government: Government | None = None
        self.heads_only = False

    def to_python(self, value: object) -> Position | None:
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if not text.isdigit() or len(text) > 18:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        position = (
            Position.objects.select_related("unit__agency")
            .filter(government=self.government, pk=int(text))
            .first()
        )
        if position is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        if self.heads_only and not position.is_head:
            raise forms.ValidationError(self.error_messages["not_head"], code="not_head")
        return position


class DecisionForm(forms.Form):
    """The decision (SK) every placement change cites (V-39)."""

    decision_number = forms.CharField(label=_("Nomor keputusan (SK)"), max_length=120)
    decision_date = forms.DateField(label=_("Tanggal keputusan"), widget=DATE)
    decided_by = forms.CharField(label=_("Pejabat yang menetapkan"), max_length=200)


class MoveForm(DecisionForm):
    """Move to another position (and unit) from a day."""

    position = PositionField(label=_("Jabatan tujuan"))
    valid_from = forms.DateField(label=_("Mulai (TMT)"), widget=DATE)
    field_order = ["position", "valid_from"]
    heads_only = False

    def __init__(self, *args: object, government: Government, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["position"]
        if isinstance(field, PositionField):
            field.government, field.heads_only = government, self.heads_only

    def chosen_position(self) -> Position | None:
        """The position the picker posted, once found (shown checked when the form comes back)."""
        cleaned = getattr(self, "cleaned_data", {})
        position = cleaned.get("position")
        return position if isinstance(position, Position) else None


class StartForm(MoveForm):
    """Start a definitive placement (for someone without one)."""


class ActingForm(MoveForm):
    """Set a Plt or Plh in a head position, for a period."""

    heads_only = True

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
