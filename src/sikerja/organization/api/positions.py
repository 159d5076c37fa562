"""API v1 edit of a position (BKPSDM only, V-39): the field unit (Bagian) a Setda JF Madya's
report goes through (V-46). One call through `organization.commands`; the time taken here."""

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router

from sikerja.core.schemas import write_answers
from sikerja.organization import commands
from sikerja.organization.http import viewer_of
from sikerja.organization.models import Position
from sikerja.organization.schemas import FieldUnitIn, PositionFieldOut

router = Router(tags=["kepegawaian"])


@router.post(
    "/positions/{position_id}/field-unit",
    response=write_answers(200, PositionFieldOut),
    summary="Catat Bagian bidang suatu jabatan (JF Ahli Madya Sekretariat Daerah, V-46)",
)
def position_field_unit(request: HttpRequest, position_id: int, payload: FieldUnitIn) -> Position:
    return commands.position_field_unit_set(
        viewer=viewer_of(request),
        position_id=position_id,
        field_unit_id=payload.field_unit_id,
        at=timezone.now(),
    )
