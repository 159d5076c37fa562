"""A move: an employee's open definitive placement ends on a day and a new one starts that day,
in one write, as a row of the import does (V-38)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import ValidationFailed
from sikerja.organization import checks
from sikerja.organization.access import access_changed
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Employee, Placement, Position
from sikerja.organization.rules import Actor
from sikerja.organization.services import _audit, _require_operator, pack_for
from sikerja.organization.services_people import (
    _check_overlaps,
    _check_placement_input,
    check_decision_date,
)

DEFINITIVE = Placement.Kind.DEFINITIVE


@transaction.atomic
def placement_move(
    *,
    actor: Actor,
    employee: Employee,
    position: Position,
    valid_from: dt.date,
    decision_number: str,
    decision_date: dt.date,
    decided_by: str,
    on: dt.date,
    at: dt.datetime,
) -> Placement:
    """Move an employee to another position (in the same or another unit) from `valid_from`:
    the open definitive placement ends that day (exclusive) and the new one starts.

    Raises PermissionDenied (V-39: BKPSDM operators), ValidationFailed (no open definitive
    placement, the same position, dates, the decision V-39 requires, an occupied head
    position), RuleViolation (V-47 PPPK positions, V-38 another definitive placement ahead).
    Implements: V-38, V-39, V-47.
    """
    pack = pack_for(employee.government)
    _require_operator(actor, employee.government, pack)
    _check_placement_input(
        pack, employee, position, DEFINITIVE, valid_from, None, decision_number, decided_by
    )
    check_decision_date(decision_date, on)
    checks.check_pppk_position(pack, employee, position)
    # Lock the employee row so that two concurrent moves cannot both end the same placement.
    Employee.objects.select_for_update().get(pk=employee.pk)
    current = _open_definitive(employee, position, valid_from)
    Placement.objects.filter(pk=current.pk).update(valid_to=valid_from)
    _check_overlaps(pack, employee, position, DEFINITIVE, valid_from, None)
    placement = Placement.objects.create(
        government=employee.government,
        employee=employee,
        position=position,
        kind=DEFINITIVE,
        valid_from=valid_from,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        decided_by=decided_by.strip(),
    )
    access_changed(government_id=employee.government_id)
    _audit(
        actor,
        "placement.moved",
        placement,
        at,
        before={"placement": current.pk, "position": current.position_id, "valid_to": None},
        after={
            "employee": employee.nip,
            "position": position.pk,
            "valid_from": valid_from.isoformat(),
            "decision": decision_number,
        },
        rule="V-38" if pack.citation_of("V-38") else "",
        citation=pack.citation_of("V-38"),
    )
    return placement


def _open_definitive(employee: Employee, position: Position, valid_from: dt.date) -> Placement:
    """The definitive placement the move ends: open, and started before the move's day."""
    current = Placement.objects.filter(
        employee=employee, kind=DEFINITIVE, valid_to__isnull=True, valid_from__lt=valid_from
    ).first()
    if current is None:
        raise ValidationFailed(
            code=OrgErrorCode.NO_CURRENT_PLACEMENT,
            message=_(
                "Pegawai tidak memiliki kedudukan definitif yang terbuka sebelum tanggal itu; "
                "gunakan Mulai kedudukan."
            ),
            fields={"valid_from": _("Tidak ada kedudukan yang dapat diakhiri.")},
        )
    if current.position_id == position.pk:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Pegawai sudah menduduki jabatan ini."),
            fields={"position": _("Pilih jabatan lain.")},
        )
    return current
