"""Writes from the edges: turn request references (NIPs, ids) into objects, then call one service.

References are looked up in the caller's government only, so another government's data is
"not found" exactly like data that does not exist. The operator check (V-39) comes first, so
that a caller who may not write learns nothing about which NIPs or ids exist; the service
checks it again.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, PermissionDenied, ValidationFailed
from sikerja.organization import services_people, services_positions
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Delegation, Employee, OrgUnit, Placement, Position
from sikerja.organization.rules import Viewer, may_change_organization
from sikerja.organization.services import pack_for

RULE_OPERATOR = "V-39"


def _require_operator(viewer: Viewer) -> None:
    """V-39: only BKPSDM changes placements and delegations (checked again by the service)."""
    if may_change_organization(viewer.actor, viewer.government.pk):
        return
    pack = pack_for(viewer.government)
    raise PermissionDenied(
        _(
            "Hanya operator BKPSDM atas nama Pejabat Pembina Kepegawaian yang dapat mengubah data ini."
        ),
        rule=RULE_OPERATOR if pack.citation_of(RULE_OPERATOR) else "",
        citation=pack.citation_of(RULE_OPERATOR),
    )


def _unknown(field: str) -> ValidationFailed:
    return ValidationFailed(
        code=OrgErrorCode.UNKNOWN_VALUE,
        message=_("Data yang dirujuk tidak ditemukan."),
        fields={field: _("Tidak ditemukan.")},
    )


def _employee(viewer: Viewer, nip: str, field: str) -> Employee:
    employee = (
        Employee.objects.select_related("government")
        .filter(government=viewer.government, nip=nip.strip())
        .first()
    )
    if employee is None:
        raise _unknown(field)
    return employee


def placement_create(
    *,
    viewer: Viewer,
    nip: str,
    position_id: int,
    kind: str,
    valid_from: dt.date,
    valid_to: dt.date | None,
    decision_number: str,
    decision_date: dt.date,
    decided_by: str,
    note: str,
    at: dt.datetime,
) -> Placement:
    """Place the employee with this NIP in a position of the caller's government."""
    _require_operator(viewer)
    employee = _employee(viewer, nip, "nip")
    position = (
        Position.objects.select_related("unit__agency")
        .filter(government=viewer.government, pk=position_id)
        .first()
    )
    if position is None:
        raise _unknown("position_id")
    return services_people.placement_create(
        actor=viewer.actor,
        employee=employee,
        position=position,
        kind=kind,
        valid_from=valid_from,
        valid_to=valid_to,
        decision_number=decision_number,
        decision_date=decision_date,
        decided_by=decided_by,
        note=note,
        at=at,
    )


def placement_end(
    *, viewer: Viewer, placement_id: int, valid_to: dt.date, at: dt.datetime
) -> Placement:
    """End a placement of the caller's government on a date (exclusive)."""
    _require_operator(viewer)
    placement = (
        Placement.objects.select_related("employee__government", "position__unit__agency")
        .filter(government=viewer.government, pk=placement_id)
        .first()
    )
    if placement is None:
        raise NotFound()
    return services_people.placement_end(
        actor=viewer.actor, placement=placement, valid_to=valid_to, at=at
    )


def delegation_create(
    *,
    viewer: Viewer,
    from_nip: str,
    to_nip: str,
    scope: str,
    grades: list[str],
    unit_id: int | None,
    valid_from: dt.date,
    valid_to: dt.date | None,
    legal_basis: str,
    at: dt.datetime,
) -> Delegation:
    """Record a delegation between two employees of the caller's government."""
    _require_operator(viewer)
    from_employee = _employee(viewer, from_nip, "from_nip")
    to_employee = _employee(viewer, to_nip, "to_nip")
    unit = None
    if unit_id is not None:
        unit = OrgUnit.objects.filter(government=viewer.government, pk=unit_id).first()
        if unit is None:
            raise _unknown("unit_id")
    return services_people.delegation_create(
        actor=viewer.actor,
        from_employee=from_employee,
        to_employee=to_employee,
        scope=scope,
        grades=grades,
        unit=unit,
        valid_from=valid_from,
        valid_to=valid_to,
        legal_basis=legal_basis,
        at=at,
    )


def position_field_unit_set(
    *, viewer: Viewer, position_id: int, field_unit_id: int | None, at: dt.datetime
) -> Position:
    """Record the field unit (Bagian) of a position, as BKPSDM (V-39; V-46)."""
    _require_operator(viewer)
    return services_positions.position_field_unit_set(
        actor=viewer.actor, position_id=position_id, field_unit_id=field_unit_id, at=at
    )
