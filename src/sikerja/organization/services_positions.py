"""Edits of a position (jabatan) by BKPSDM: the field unit (Bagian) a Setda JF Madya's work
belongs to (V-46).

[keputusan produk] A JF Ahli Madya of the Sekretariat Daerah sits under the Asisten, so the
Bagian of its field cannot be read from the unit tree; its report goes through the Kepala Bagian
of that field (Surakarta Lampiran VI angka 1 huruf b). BKPSDM records the field on the position:
a unit of the same Perangkat Daerah whose type is the one the pack's V-46 names (Bagian).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, ValidationFailed
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import OrgUnit, Position
from sikerja.organization.rules import Actor
from sikerja.organization.services import _audit, _require_operator, pack_for
from sikerja.regulations.loader import LoadedPack, UnknownRule
from sikerja.regulations.schema.appraisal import SetdaMadyaConsideration
from sikerja.regulations.schema.enums import UnitType

V46 = "V-46"


def field_unit_type(pack: LoadedPack) -> str:
    """The unit type a recorded field unit has: the one the pack's V-46 names, else Bagian."""
    try:
        return str(pack.rule_params(V46, SetdaMadyaConsideration).consideration_by)
    except UnknownRule:
        return str(UnitType.BAGIAN)


def field_units_for(position: Position, pack: LoadedPack) -> list[OrgUnit]:
    """The units a position's field may be: of its agency and of the pack's field unit type."""
    return list(
        OrgUnit.objects.filter(
            agency_id=position.unit.agency_id, unit_type=field_unit_type(pack)
        ).order_by("path")
    )


def _refused(message: str) -> ValidationFailed:
    return ValidationFailed(
        code=OrgErrorCode.UNKNOWN_VALUE,
        message=message,
        fields={"field_unit": message},
    )


@transaction.atomic(durable=True)
def position_field_unit_set(
    *, actor: Actor, position_id: int, field_unit_id: int | None, at: dt.datetime
) -> Position:
    """Record (or clear, with None) the field unit of a position: a unit of its own
    Perangkat Daerah of the pack's field unit type (V-46). One audit event.

    Raises PermissionDenied (not BKPSDM, V-39), NotFound (another government's position),
    ValidationFailed (another agency's unit, or not a Bagian).
    """
    position = (
        Position.objects.select_for_update()
        .select_related("government", "unit")
        .filter(pk=position_id, government_id=actor.government_id)
        .first()
    )
    if position is None:
        raise NotFound()
    pack = pack_for(position.government)
    _require_operator(actor, position.government)
    unit = None
    if field_unit_id is not None:
        unit = OrgUnit.objects.filter(
            pk=field_unit_id, agency__government=position.government
        ).first()
        if unit is None or unit.agency_id != position.unit.agency_id:
            raise _refused(_("Bagian bidang harus unit pada Perangkat Daerah jabatan ini."))
        if unit.unit_type != field_unit_type(pack):
            raise _refused(_("Bidang jabatan harus unit bertipe Bagian."))
    before = position.field_unit_id
    Position.objects.filter(pk=position.pk).update(field_unit=unit)
    position.field_unit = unit
    _audit(
        actor,
        "position.field_unit_set",
        position,
        at,
        before={"field_unit": before},
        after={"field_unit": field_unit_id},
        rule=V46 if pack.has_rule(V46) else "",
        citation=pack.citation_of(V46),
    )
    return position
