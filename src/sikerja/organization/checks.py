"""Pack rule checks for placements, unit heads and delegations (no writes)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Employee, OrgUnit, Position
from sikerja.organization.resolver import code_matches
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema import GradeRule, PlacementTable
from sikerja.regulations.schema.rules import DelegationByGrade, PppkPositions

# The kinds of every position in a head's unit and the units below it, other than the head:
# asked only when a rule depends on them (Barut Pasal 17 ayat (4) huruf b).
KindsBelow = Callable[[], Collection[str]]


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


def check_position_placement(
    pack: LoadedPack, position: Position, head: Position | None, *, kinds_below: KindsBelow
) -> None:
    """T-KEDUDUKAN / T-PLACEMENT-GRADE / V-40: a JF or Pelaksana sits only under a superior
    the pack allows.

    `head` is the position heading the unit the JF or Pelaksana sits in (None when none exists);
    `kinds_below` gives the kinds of the other positions in that unit and the units below it.
    """
    placement = pack.data.placement
    if placement is None or position.is_head or head is None:
        return
    if position.kind not in {Position.Kind.FUNGSIONAL, Position.Kind.PELAKSANA}:
        return
    code = appraisee_code(position)
    table = _table(pack, position.unit)
    governed = _check_table(pack, table, position, head, code)
    _check_track(pack, table, position, head, code)
    if governed or _independent_head(pack, head):
        return
    _check_grade_rules(pack, position, head, code, kinds_below)


def _appraiser_type(head: Position) -> str:
    return "ROOT" if head.unit.depth == 0 else head.unit.unit_type


def _check_table(
    pack: LoadedPack, table: PlacementTable | None, position: Position, head: Position, code: str
) -> bool:
    """True when the table places the code under this head; a refusal when it places it
    elsewhere (or, for an exhaustive table, names no such head at all)."""
    if table is None or not table.rows:
        return False
    rows_for_code = [r for r in table.rows if code_matches(code, position.grade, r.appraisees)]
    if not rows_for_code:
        return False
    appraiser_type = _appraiser_type(head)
    if any(appraiser_type in r.appraiser for r in rows_for_code):
        # The placement table is the more specific rule: it governs over grade rules.
        return True
    named = {t for row in table.rows for t in row.appraiser}
    if appraiser_type in named or (table.exhaustive and not _in_work_unit(head.unit)):
        allowed = sorted({t for r in rows_for_code for t in r.appraiser})
        raise RuleViolation(
            code=OrgErrorCode.PLACEMENT_RULE,
            message=_(
                "Menurut tabel kedudukan %(table)s, %(code)s berkedudukan di bawah %(allowed)s, "
                "bukan di bawah pimpinan %(unit)s."
            )
            % {
                "table": table.id,
                "code": code,
                "allowed": ", ".join(allowed),
                "unit": head.unit.name,
            },
            rule="T-KEDUDUKAN",
            citation=pack.cite(table.citation),
            fields={"unit": _("Unit tidak sesuai tabel kedudukan.")},
        )
    return False


def _in_work_unit(unit: OrgUnit) -> bool:
    """Whether the unit is, or lies in, a work unit below the agency root (UPTD, Puskesmas)."""
    node: OrgUnit | None = unit
    while node is not None and node.depth > 0:
        if node.is_work_unit:
            return True
        node = node.parent
    return False


def _check_track(
    pack: LoadedPack, table: PlacementTable | None, position: Position, head: Position, code: str
) -> None:
    """The supporting / core-business split of JF (e.g. Surakarta Lampiran III 2.1)."""
    placement = pack.data.placement
    if placement is None or table is None or not position.track:
        return
    appraiser_type = _appraiser_type(head)
    for rule in placement.track_rules:
        if (
            rule.track != position.track
            or table.id not in rule.tables
            or not code_matches(code, position.grade, rule.appraisees)
            or not pack.binds(rule.rule)
            or appraiser_type in rule.superiors
        ):
            continue
        raise RuleViolation(
            code=OrgErrorCode.PLACEMENT_RULE,
            message=_(
                "JF %(track)s %(code)s berkedudukan di bawah pimpinan %(allowed)s, "
                "bukan di bawah pimpinan %(unit)s."
            )
            % {
                "track": position.get_track_display(),
                "code": code,
                "allowed": ", ".join(rule.superiors),
                "unit": head.unit.name,
            },
            rule=rule.rule,
            citation=pack.cite(rule.citation),
            fields={"track": _("Kedudukan tidak sesuai sifat jabatan fungsional.")},
        )


def _independent_head(pack: LoadedPack, head: Position) -> bool:
    """A JF leading an independent unit may supervise JF and Pelaksana, where the pack says so."""
    placement = pack.data.placement
    return (
        placement is not None
        and placement.independent_head is not None
        and head.kind == Position.Kind.FUNGSIONAL
        and head.unit.is_independent
    )


def _check_grade_rules(
    pack: LoadedPack, position: Position, head: Position, code: str, kinds_below: KindsBelow
) -> None:
    """V-40: the head's kind is one a grade row admits, exactly (one level up is one step)."""
    placement = pack.data.placement
    assert placement is not None  # noqa: S101 - checked by the caller
    rows = [
        row
        for row in placement.grade_rules
        if code_matches(code, position.grade, row.appraisees) and pack.binds(row.rule)
    ]
    if not rows:
        return
    present: set[str] | None = None
    conditional: list[GradeRule] = []
    for row in rows:
        if head.kind not in row.admitted_kinds():
            continue
        if not row.unless_unit_has:
            return
        present = set(kinds_below()) if present is None else present
        if not present & set(row.unless_unit_has):
            return
        conditional.append(row)
    raise _grade_refusal(pack, code, head, rows, conditional)


def _grade_refusal(
    pack: LoadedPack, code: str, head: Position, rows: list[GradeRule], conditional: list[GradeRule]
) -> RuleViolation:
    """Cite the row that admits the head's kind only under a condition, else every row."""
    fields = {"unit": _("Atasan tidak sesuai ketentuan kedudukan menurut jenjang.")}
    if conditional:
        row = conditional[0]
        return RuleViolation(
            code=OrgErrorCode.PLACEMENT_RULE,
            message=_(
                "%(code)s berkedudukan di bawah %(kind)s hanya bila unit tidak memiliki "
                "jabatan %(absent)s."
            )
            % {
                "code": code,
                "kind": head.get_kind_display(),
                "absent": ", ".join(row.unless_unit_has),
            },
            rule=row.rule,
            citation=pack.cite(row.citation),
            fields=fields,
        )
    allowed = sorted({kind for row in rows for kind in row.admitted_kinds()})
    return RuleViolation(
        code=OrgErrorCode.PLACEMENT_RULE,
        message=_("%(code)s berkedudukan di bawah %(allowed)s, bukan di bawah %(kind)s.")
        % {"code": code, "allowed": ", ".join(allowed), "kind": head.get_kind_display()},
        rule=rows[0].rule,
        citation="; ".join(dict.fromkeys(pack.cite(row.citation) for row in rows)),
        fields=fields,
    )


def _table(pack: LoadedPack, unit: OrgUnit) -> PlacementTable | None:
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
