"""Pack rule checks for placements, unit heads and delegations (no writes)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Employee, OrgUnit, Position
from sikerja.organization.resolver import code_matches
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.rules import DelegationByGrade, PppkPositions


def appraisee_code(position: Position) -> str:
    """The table code of a position: its JF grade, 'PLK', or its unit's type when it heads it."""
    if position.kind == Position.Kind.FUNGSIONAL:
        return position.grade
    if position.kind == Position.Kind.PELAKSANA:
        return "PLK"
    return position.unit.unit_type


def check_pppk_position(pack: LoadedPack, employee: Employee, position: Position) -> None:
    """V-47: where the pack says so, a PPPK may hold only the listed position kinds."""
    if not pack.binds("V-47") or employee.employment_type != Employee.EmploymentType.PPPK:
        return
    allowed = pack.rule_params("V-47", PppkPositions).allowed_kinds
    if position.kind not in allowed:
        raise RuleViolation(
            code=OrgErrorCode.PPPK_POSITION,
            message=_(
                "PPPK hanya dapat menduduki jabatan %(allowed)s; jabatan %(title)s adalah %(kind)s."
            )
            % {
                "allowed": ", ".join(allowed),
                "title": position.title,
                "kind": position.get_kind_display(),
            },
            rule="V-47",
            citation=pack.cite_rule("V-47"),
            fields={"position": _("Jabatan tidak dapat diduduki PPPK.")},
        )


def check_unit_head_kind(pack: LoadedPack, position: Position) -> None:
    """G30/V-48: only the kinds the pack lists may head a unit (JF only for an independent unit)."""
    placement = pack.data.placement
    if placement is None or not position.is_head:
        return
    allowed = {str(kind) for kind in placement.unit_head_kinds}
    ok = position.kind in allowed
    if position.kind == Position.Kind.FUNGSIONAL:
        ok = ok and position.unit.is_independent
    if position.unit.depth == 0 and position.kind in {"JPT_UTAMA", "JPT_MADYA"}:
        ok = True  # the Sekda heads the Sekretariat Daerah, not a unit in the G30 sense
    if not ok:
        raise RuleViolation(
            code=OrgErrorCode.UNIT_HEAD_KIND,
            message=_("Jabatan %(kind)s tidak dapat menjadi Pimpinan Unit Organisasi.")
            % {"kind": position.get_kind_display()},
            rule=placement.unit_head_rule,
            citation=pack.cite(placement.unit_head_citation),
            fields={"kind": _("Jenis jabatan tidak diizinkan memimpin unit.")},
        )


def check_position_placement(pack: LoadedPack, position: Position, head: Position | None) -> None:
    """T-KEDUDUKAN / V-40: a JF or Pelaksana sits only under a superior the pack allows.

    `head` is the position heading the unit the JF or Pelaksana sits in (None when none exists).
    """
    placement = pack.data.placement
    if placement is None or position.is_head or head is None:
        return
    if position.kind not in {Position.Kind.FUNGSIONAL, Position.Kind.PELAKSANA}:
        return
    code = appraisee_code(position)
    table = _table(pack, position.unit)
    appraiser_type = "ROOT" if head.unit.depth == 0 else head.unit.unit_type
    if table is not None and table.rows:
        named = {t for row in table.rows for t in row.appraiser}
        rows_for_code = [r for r in table.rows if code_matches(code, position.grade, r.appraisees)]
        if appraiser_type in named and rows_for_code:
            if any(appraiser_type in r.appraiser for r in rows_for_code):
                # The placement table is the more specific rule: it governs over grade rules.
                return
            raise _table_refusal(pack, table, code, rows_for_code, head)
    _check_grade_rules(pack, position, head, code)


def _table_refusal(pack, table, code, rows_for_code, head) -> RuleViolation:  # type: ignore[no-untyped-def]
    """A table row names where this code sits, and it is not under this head."""
    allowed = sorted({t for r in rows_for_code for t in r.appraiser})
    return RuleViolation(
        code=OrgErrorCode.PLACEMENT_RULE,
        message=_(
            "Menurut tabel kedudukan %(table)s, %(code)s berkedudukan di bawah %(allowed)s, "
            "bukan di bawah pimpinan %(unit)s."
        )
        % {"table": table.id, "code": code, "allowed": ", ".join(allowed), "unit": head.unit.name},
        rule="T-KEDUDUKAN",
        citation=pack.cite(table.citation),
        fields={"unit": _("Unit tidak sesuai tabel kedudukan.")},
    )


def _check_grade_rules(pack: LoadedPack, position: Position, head: Position, code: str) -> None:
    placement = pack.data.placement
    assert placement is not None  # noqa: S101 - checked by the caller
    for grade_rule in placement.grade_rules:
        if not code_matches(code, position.grade, grade_rule.appraisees):
            continue
        if not pack.binds(grade_rule.rule):
            return
        allowed = {str(kind) for kind in grade_rule.superior_kinds}
        if head.kind in allowed or grade_rule.one_level_up:
            return
        raise RuleViolation(
            code=OrgErrorCode.PLACEMENT_RULE,
            message=_("%(code)s berkedudukan di bawah %(allowed)s, bukan di bawah %(kind)s.")
            % {
                "code": code,
                "allowed": ", ".join(sorted(allowed)),
                "kind": head.get_kind_display(),
            },
            rule=grade_rule.rule,
            citation=pack.cite(grade_rule.citation),
            fields={"unit": _("Atasan tidak sesuai ketentuan kedudukan menurut jenjang.")},
        )


def _table(pack: LoadedPack, unit: OrgUnit):  # type: ignore[no-untyped-def]
    placement = pack.data.placement
    assert placement is not None  # noqa: S101
    tables = {table.id: table for table in placement.tables}
    node: OrgUnit | None = unit
    while node is not None and node.depth > 0:
        for table in placement.tables:
            if node.unit_type in table.agency_types:
                return table
        node = node.parent
    agency = unit.agency
    if agency.placement_table in tables:
        return tables[agency.placement_table]
    default = placement.default_tables.get(agency.agency_type)  # type: ignore[call-overload]
    return tables.get(default) if default else None


def check_delegation(pack: LoadedPack, *, grades: list[str], to_position: Position | None) -> None:
    """V-41: where the pack sets delegation by grade, the delegate's kind must match exactly."""
    if not pack.binds("V-41") or to_position is None:
        return
    params = pack.rule_params("V-41", DelegationByGrade)
    if not grades and params.not_delegable:
        # A delegation without grades covers every grade, those the pack keeps back included.
        raise RuleViolation(
            code=OrgErrorCode.DELEGATION_RULE,
            message=_(
                "Sebutkan jenjang JF yang didelegasikan; pengelolaan kinerja JF %(grades)s "
                "tidak dapat didelegasikan."
            )
            % {"grades": ", ".join(params.not_delegable)},
            rule="V-41",
            citation=pack.cite_rule("V-41"),
            fields={"grades": _("Wajib diisi.")},
        )
    for grade in grades:
        if grade in params.not_delegable:
            raise RuleViolation(
                code=OrgErrorCode.DELEGATION_RULE,
                message=_("Pengelolaan kinerja JF %(grade)s tidak dapat didelegasikan.")
                % {"grade": grade},
                rule="V-41",
                citation=pack.cite_rule("V-41"),
                fields={"grades": _("Jenjang tidak dapat didelegasikan.")},
            )
        _check_delegate(pack, params, grade, to_position)


def _check_delegate(
    pack: LoadedPack, params: DelegationByGrade, grade: str, to_position: Position
) -> None:
    delegates = params.delegates_for(grade)
    if delegates is None:
        return
    allowed = delegates.admitted_kinds()
    if to_position.kind in allowed:
        return
    raise RuleViolation(
        code=OrgErrorCode.DELEGATION_RULE,
        message=_(
            "Pengelolaan kinerja JF %(grade)s hanya dapat didelegasikan kepada %(allowed)s, "
            "bukan kepada %(kind)s."
        )
        % {
            "grade": grade,
            "allowed": ", ".join(sorted(allowed)),
            "kind": to_position.get_kind_display(),
        },
        rule="V-41",
        citation=pack.cite(delegates.citation),
        fields={"to_employee": _("Penerima delegasi tidak sesuai jenjang.")},
    )
