"""Delegations of appraisal where the pack ties a grade's appraiser to a delegation (Blitar
V-41): the head of the agency hands the appraisal of the JF grades in each Bidang to its Kepala
Bidang, by a Keputusan, checked by `checks.check_delegation` like the service does.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.organization import checks
from sikerja.organization.demo.appointments import Staffing
from sikerja.organization.demo.catalog_jf import KEAHLIAN, KETERAMPILAN
from sikerja.organization.demo.errors import DemoErrorCode
from sikerja.organization.demo.tree import Blueprint, Node
from sikerja.organization.demo.units import Context
from sikerja.organization.models import Delegation
from sikerja.organization.resolver import code_matches
from sikerja.regulations.schema import GradeRule

GRADE_ORDER = (*reversed(KEAHLIAN), *reversed(KETERAMPILAN))


def _delegated_rules(ctx: Context) -> list[GradeRule]:
    pack = ctx.plan.pack
    return [
        rule
        for rule in ctx.plan.placement.grade_rules
        if rule.requires_delegation and pack.binds(rule.rule)
    ]


def _grades(node: Node, rules: list[GradeRule]) -> list[str]:
    grades = {
        staff.position.grade
        for staff in node.staff
        if staff.position.kind == "FUNGSIONAL"
        and any(
            code_matches(staff.position.grade, staff.position.grade, r.appraisees) for r in rules
        )
    }
    return [grade for grade in GRADE_ORDER if grade in grades]


def delegations(
    ctx: Context, blueprint: Blueprint, staffing: Staffing, on: dt.date
) -> list[Delegation]:
    """APPRAISAL delegations from each JPT Pratama agency head to the Kepala Bidang.

    Raises ValidationFailed when `checks.check_delegation` refuses one.
    """
    rules = _delegated_rules(ctx)
    roles = ctx.plan.pack.data.roles
    if not rules or roles is None:
        return []
    result = []
    for plan in blueprint.agencies:
        root = plan.root
        if (
            id(root) in staffing.head_of
            and root.head is not None
            and root.head.kind == "JPT_PRATAMA"
        ):
            result.extend(_from_head(ctx, root, staffing, rules, on, roles.delegation.rule))
    return result


def _from_head(
    ctx: Context, root: Node, staffing: Staffing, rules: list[GradeRule], on: dt.date, rule_id: str
) -> list[Delegation]:
    """One agency head's delegations, one per Bidang with delegable JF grades."""
    assert root.head is not None  # noqa: S101 - checked by the caller
    giver = staffing.head_of[id(root)]
    result = []
    for node in root.children:
        receiver = staffing.head_of.get(id(node))
        grades = _grades(node, rules)
        if node.unit.unit_type != "BIDANG" or receiver is None or not grades:
            continue
        _check(ctx, grades, node)
        start = max(staffing.started[id(giver)], staffing.started[id(receiver)])
        valid_from = min(on, start + dt.timedelta(days=ctx.rng.randint(7, 60)))
        number = f"800/{ctx.rng.randint(100, 999)}/{valid_from.year}"
        result.append(
            Delegation(
                from_employee=giver,
                to_employee=receiver,
                scope=Delegation.Scope.APPRAISAL,
                grades=f",{','.join(grades)},",
                unit=node.unit,
                valid_from=valid_from,
                legal_basis=f"Keputusan {root.head.title} Nomor {number}",
                rule_id=rule_id,
            )
        )
    return result


def _check(ctx: Context, grades: list[str], node: Node) -> None:
    try:
        checks.check_delegation(ctx.plan.pack, grades=grades, to_position=node.head)
    except RuleViolation as exc:
        raise ValidationFailed(
            code=DemoErrorCode.CHECK_REFUSED,
            message=_("Pendelegasian demo ke %(unit)s ditolak: %(reason)s")
            % {"unit": node.unit.name, "reason": exc.message},
            rule=exc.rule,
            citation=exc.citation,
        ) from exc
