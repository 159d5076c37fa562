"""The last gate before writing: every position and PPPK placement passes the pack checks the
services run (G30/V-48 unit heads, T-KEDUDUKAN/V-40 placement, V-47 PPPK). A refusal here is a
fault of the demo blueprint and stops the generation.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.organization import checks
from sikerja.organization.demo.appointments import Staffing
from sikerja.organization.demo.errors import DemoErrorCode
from sikerja.organization.demo.plan import kinds_below
from sikerja.organization.demo.tree import Blueprint
from sikerja.organization.models import Employee, Position
from sikerja.regulations.loader import LoadedPack


def _guard(position: Position, check: Callable[..., None], *args: Any) -> None:
    try:
        check(*args)
    except RuleViolation as exc:
        raise ValidationFailed(
            code=DemoErrorCode.CHECK_REFUSED,
            message=_("Jabatan demo %(title)s di %(unit)s ditolak: %(reason)s")
            % {"title": position.title, "unit": position.unit.name, "reason": exc.message},
            rule=exc.rule,
            citation=exc.citation,
        ) from exc


def verify(pack: LoadedPack, blueprint: Blueprint, staffing: Staffing) -> None:
    """Raise ValidationFailed (demo_check_refused) for the first position a check refuses."""
    for node in blueprint.nodes():
        head = node.head
        assert head is not None  # noqa: S101
        _guard(head, checks.check_unit_head_kind, pack, head)
        for staff in node.staff:
            _guard(
                staff.position,
                partial(checks.check_position_placement, kinds_below=kinds_below(node)),
                pack,
                staff.position,
                head,
            )
    for placement in staffing.placements:
        if placement.employee.employment_type == Employee.EmploymentType.PPPK:
            position = placement.position
            _guard(position, checks.check_pppk_position, pack, placement.employee, position)
