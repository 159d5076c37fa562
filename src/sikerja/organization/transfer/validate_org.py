"""Checks of the unit and position sheets; builds the new agencies, units and positions in memory.

Stored agencies, units and positions are matched by key and never changed by an import: a row
that describes them differently is an error, so nobody believes a rename or move took effect.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError, RuleViolation
from sikerja.organization import checks
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import PATH_STEP, Agency, OrgUnit, Position
from sikerja.organization.services import suggested_placement_table
from sikerja.organization.transfer.parse import SheetRow
from sikerja.organization.transfer.problems import Problems
from sikerja.organization.transfer.state import AgencyNode, Org, PositionNode, UnitNode, name_key
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema import AGENCY_TYPES, UnitType

MAX_DEPTH = 255 // (PATH_STEP + 1) - 1  # OrgUnit.path holds this many levels below the root
UNIT_TYPES = frozenset(UnitType.__members__)
POSITION_KINDS = frozenset(Position.Kind.values)
GRADES = frozenset(Position.Grade.values)
TRACKS = frozenset(Position.Track.values)


class Checker:
    """Shared helpers: required cells and value lists, reported once per cell."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems

    def required(self, row: SheetRow, *keys: str) -> bool:
        """True when every key has a value; reports each blank one (not those already invalid)."""
        ok = True
        for key in keys:
            if row.values.get(key) in (None, ""):
                ok = False
                if key not in row.invalid:
                    self.report(row, key, OrgErrorCode.UNKNOWN_VALUE, _("Wajib diisi."))
        return ok

    def one_of(self, row: SheetRow, key: str, allowed: frozenset[str]) -> bool:
        value = row.text(key)
        if not value or value in allowed:
            return True
        message = _("Nilai %(value)s tidak dikenal; pilih salah satu: %(allowed)s.")
        self.report(
            row,
            key,
            OrgErrorCode.UNKNOWN_VALUE,
            message % {"value": value, "allowed": ", ".join(sorted(allowed))},
        )
        return False

    def report(self, row: SheetRow, column: str, code: str, message: str) -> None:
        self.problems.add(row.sheet, row.number, column, code, message)

    def refused(self, row: SheetRow, column: str, error: DomainError) -> None:
        self.problems.add_error(row.sheet, row.number, column, error)

    def differs(self, row: SheetRow, column: str, given: object, stored: object) -> None:
        """Report a cell that contradicts stored data (imports do not change stored org data)."""
        if given is None or given == "" or given == stored:
            return
        if (
            isinstance(given, str)
            and isinstance(stored, str)
            and name_key(given) == name_key(stored)
        ):
            return
        message = _(
            "Berbeda dengan data tersimpan (%(stored)s); impor tidak mengubah data yang sudah ada."
        )
        shown = stored if stored not in (None, "") else "-"
        self.report(row, column, OrgErrorCode.UNKNOWN_VALUE, message % {"stored": shown})


def units_check(org: Org, rows: list[SheetRow], pack: LoadedPack, problems: Problems) -> None:
    """Check the unit sheet and add its new agencies and units to `org`."""
    checker = Checker(problems)
    for row in rows:
        if row.values.get("parent_unit_name") is None and "parent_unit_name" not in row.invalid:
            _root_row(org, row, pack, checker)
    for row in rows:
        if row.values.get("parent_unit_name") is not None:
            _child_row(org, row, checker)
    for node in org.new_units:
        if node.row is not None and node.parent_key:
            _parent_link(node, checker)
    _depths(org.new_units, checker)


def _root_row(org: Org, row: SheetRow, pack: LoadedPack, checker: Checker) -> None:
    if not checker.required(row, "agency_code", "unit_name"):
        return
    code, name = row.text("agency_code"), row.text("unit_name")
    node = org.agencies.get(code)
    if node is not None and node.row is None:
        _stored_root_row(node, row, checker)
        return
    if node is not None and node.row is not None:
        message = _("Perangkat Daerah %(code)s sudah memiliki baris induk pada baris %(row)d.")
        checker.report(
            row,
            "parent_unit_name",
            OrgErrorCode.DUPLICATE_CODE,
            message % {"code": code, "row": node.row.number},
        )
        return
    checker.required(row, "agency_name", "agency_type")
    checker.one_of(row, "agency_type", AGENCY_TYPES)
    agency_type = row.text("agency_type")
    unit_type = row.text("unit_type") or agency_type
    checker.one_of(row, "unit_type", UNIT_TYPES)
    affairs, table, reason = _agency_placement(pack, row, checker, agency_type)
    agency = Agency(
        government=org.government,
        code=code,
        name=row.text("agency_name"),
        agency_type=agency_type,
        affairs=affairs,
        placement_table=table,
        placement_override_reason=reason,
    )
    node = AgencyNode(agency, row=row)
    root = OrgUnit(
        government=org.government,
        agency=agency,
        parent=None,
        name=name,
        unit_type=unit_type,
        path="",
        depth=0,
        is_work_unit=row.flag("is_work_unit") is not False,
        is_independent=row.flag("is_independent") is True,
    )
    node.root = UnitNode(root, node, row=row, depth=0)
    node.add_unit(node.root)
    org.agencies[code] = node
    org.new_agencies.append(node)
    org.new_units.append(node.root)


def _stored_root_row(node: AgencyNode, row: SheetRow, checker: Checker) -> None:
    checker.differs(row, "agency_name", row.text("agency_name"), node.agency.name)
    checker.differs(row, "agency_type", row.text("agency_type"), node.agency.agency_type)
    if node.root is not None:
        checker.differs(row, "unit_name", row.text("unit_name"), node.root.unit.name)
        _stored_unit_attributes(row, node.root.unit, checker)


def _stored_unit_attributes(row: SheetRow, unit: OrgUnit, checker: Checker) -> None:
    checker.differs(row, "unit_type", row.text("unit_type"), unit.unit_type)
    checker.differs(row, "is_work_unit", row.flag("is_work_unit"), unit.is_work_unit)
    checker.differs(row, "is_independent", row.flag("is_independent"), unit.is_independent)


def agency_of(org: Org, row: SheetRow, checker: Checker) -> AgencyNode | None:
    """The agency a row names in agency_code; reports an unknown code."""
    code = row.text("agency_code")
    node = org.agencies.get(code)
    if node is None:
        message = _(
            "Perangkat Daerah %(code)s tidak dikenal (tidak tersimpan dan tidak ada baris induknya pada lembar unit)."
        )
        checker.report(row, "agency_code", OrgErrorCode.UNKNOWN_VALUE, message % {"code": code})
    return node


def unit_of(agency: AgencyNode, row: SheetRow, column: str, checker: Checker) -> UnitNode | None:
    """The unit named in `column` within the agency; reports unknown and ambiguous names."""
    name = row.text(column)
    nodes = agency.units.get(name_key(name), [])
    if len(nodes) == 1:
        return nodes[0]
    if nodes:
        message = _(
            "Nama unit %(name)s dipakai lebih dari satu unit tersimpan pada %(code)s; ganti namanya lebih dulu."
        )
    else:
        message = _("Unit %(name)s tidak ditemukan pada Perangkat Daerah %(code)s.")
    checker.report(
        row,
        column,
        OrgErrorCode.UNKNOWN_VALUE,
        message % {"name": name, "code": agency.agency.code},
    )
    return None


def _child_row(org: Org, row: SheetRow, checker: Checker) -> None:
    if not checker.required(row, "agency_code", "unit_name", "unit_type"):
        return
    agency = agency_of(org, row, checker)
    if agency is None:
        return
    checker.differs(row, "agency_name", row.text("agency_name"), agency.agency.name)
    checker.differs(row, "agency_type", row.text("agency_type"), agency.agency.agency_type)
    checker.one_of(row, "unit_type", UNIT_TYPES)
    name = row.text("unit_name")
    existing = agency.units.get(name_key(name), [])
    new_twin = next((node for node in existing if node.row is not None), None)
    if new_twin is not None and new_twin.row is not None:
        message = _(
            "Unit %(name)s sudah ada pada baris %(row)d; nama unit harus unik dalam satu Perangkat Daerah."
        )
        checker.report(
            row,
            "unit_name",
            OrgErrorCode.DUPLICATE_CODE,
            message % {"name": name, "row": new_twin.row.number},
        )
        return
    if existing:
        _stored_child_row(existing[0], row, checker)
        return
    unit = OrgUnit(
        government=org.government,
        agency=agency.agency,
        name=name,
        unit_type=row.text("unit_type"),
        path="",
        is_work_unit=row.flag("is_work_unit") is True,
        is_independent=row.flag("is_independent") is True,
    )
    node = UnitNode(unit, agency, row=row, parent_key=name_key(row.text("parent_unit_name")))
    agency.add_unit(node)
    org.new_units.append(node)


def _stored_child_row(node: UnitNode, row: SheetRow, checker: Checker) -> None:
    stored_parent = node.parent.unit.name if node.parent is not None else ""
    if name_key(row.text("parent_unit_name")) != name_key(stored_parent):
        message = _(
            "Unit %(name)s sudah ada di bawah %(parent)s; impor tidak memindahkan unit (gunakan menu Pindah Unit)."
        )
        checker.report(
            row,
            "parent_unit_name",
            OrgErrorCode.UNIT_CYCLE,
            message % {"name": node.unit.name, "parent": stored_parent or "-"},
        )
    _stored_unit_attributes(row, node.unit, checker)


def _parent_link(node: UnitNode, checker: Checker) -> None:
    assert node.row is not None  # noqa: S101 - only rows of the file are linked
    parent = unit_of(node.agency, node.row, "parent_unit_name", checker)
    if parent is not None:
        node.parent = parent
        node.unit.parent = parent.unit


def _depths(nodes: list[UnitNode], checker: Checker) -> None:
    """Give every new unit its depth; report each unit of a cycle and each unit too deep."""
    failed: set[int] = set()
    for node in nodes:
        path: list[UnitNode] = []
        on_path: set[int] = set()
        current: UnitNode | None = node
        while (
            current is not None
            and current.depth is None
            and id(current) not in on_path
            and id(current) not in failed
        ):
            on_path.add(id(current))
            path.append(current)
            current = current.parent
        if current is None or id(current) in failed:
            failed |= on_path
        elif id(current) in on_path:
            _cycle_report(path[path.index(current) :], checker)
            failed |= on_path
        else:
            _depth_assign(path, current.depth or 0, checker)


def _cycle_report(cycle: list[UnitNode], checker: Checker) -> None:
    names = " → ".join([node.unit.name for node in cycle] + [cycle[0].unit.name])
    for node in cycle:
        assert node.row is not None  # noqa: S101 - stored units cannot form a cycle
        message = _("Unit %(name)s membentuk siklus pada pohon organisasi: %(cycle)s.")
        checker.report(
            node.row,
            "parent_unit_name",
            OrgErrorCode.UNIT_CYCLE,
            message % {"name": node.unit.name, "cycle": names},
        )


def _depth_assign(path: list[UnitNode], base: int, checker: Checker) -> None:
    depth = base
    for node in reversed(path):
        depth += 1
        node.depth = node.unit.depth = depth
        if depth > MAX_DEPTH and node.row is not None:
            message = _(
                "Unit terlalu dalam (tingkat %(depth)d; paling banyak %(max)d di bawah unit tertinggi)."
            )
            checker.report(
                node.row,
                "parent_unit_name",
                OrgErrorCode.UNKNOWN_VALUE,
                message % {"depth": depth, "max": MAX_DEPTH},
            )


def positions_check(org: Org, rows: list[SheetRow], pack: LoadedPack, problems: Problems) -> None:
    """Check the position sheet and add its new positions to `org`."""
    checker = Checker(problems)
    for row in rows:
        _position_row(org, row, checker)
    for node in org.new_positions:
        if node.is_valid and node.unit.depth is not None and node.row is not None:
            _position_rules(pack, node, node.row, checker)


def _position_row(org: Org, row: SheetRow, checker: Checker) -> None:
    if not checker.required(row, "agency_code", "unit_name", "title", "kind"):
        return
    agency = agency_of(org, row, checker)
    unit = unit_of(agency, row, "unit_name", checker) if agency is not None else None
    kind_ok = checker.one_of(row, "kind", POSITION_KINDS)
    grade_ok = kind_ok and _grade_check(row, checker)
    track_ok = checker.one_of(row, "track", TRACKS)
    if unit is None:
        return
    title, is_head = row.text("title"), row.flag("is_head") is True
    existing = unit.positions.get(name_key(title), [])
    if existing:
        _existing_position_row(existing[0], row, checker)
        return
    position = Position(
        government=org.government,
        unit=unit.unit,
        title=title,
        kind=row.text("kind"),
        grade=row.text("grade"),
        jf_name=row.text("jf_name"),
        track=row.text("track"),
        is_head=is_head,
    )
    node = PositionNode(position, unit, row=row, is_valid=kind_ok and grade_ok and track_ok)
    unit.positions[name_key(title)] = [node]
    org.new_positions.append(node)
    if is_head and unit.head is not None:
        other = unit.head.row.number if unit.head.row is not None else None
        message = _("Unit %(unit)s sudah memiliki jabatan pimpinan: %(title)s%(where)s.") % {
            "unit": unit.unit.name,
            "title": unit.head.position.title,
            "where": _(" (baris %(row)d)") % {"row": other} if other else "",
        }
        checker.report(row, "is_head", OrgErrorCode.POSITION_OCCUPIED, message)
    elif is_head:
        unit.head = node


def _grade_check(row: SheetRow, checker: Checker) -> bool:
    kind, grade = row.text("kind"), row.text("grade")
    if not checker.one_of(row, "grade", GRADES):
        return False
    if (kind == Position.Kind.FUNGSIONAL) != bool(grade):
        message = _(
            "Jenjang wajib diisi untuk Jabatan Fungsional dan hanya untuk JF (diterima: %(grade)s)."
        )
        checker.report(row, "grade", OrgErrorCode.UNKNOWN_VALUE, message % {"grade": grade or "-"})
        return False
    return True


def _existing_position_row(node: PositionNode, row: SheetRow, checker: Checker) -> None:
    if node.row is not None:
        message = _("Jabatan %(title)s sudah ada pada baris %(row)d untuk unit yang sama.")
        checker.report(
            row,
            "title",
            OrgErrorCode.DUPLICATE_CODE,
            message % {"title": node.position.title, "row": node.row.number},
        )
        return
    stored = node.position
    checker.differs(row, "kind", row.text("kind"), stored.kind)
    checker.differs(row, "grade", row.text("grade"), stored.grade)
    checker.differs(row, "jf_name", row.text("jf_name"), stored.jf_name)
    checker.differs(row, "track", row.text("track"), stored.track)
    checker.differs(row, "is_head", row.flag("is_head"), stored.is_head)


def _position_rules(pack: LoadedPack, node: PositionNode, row: SheetRow, checker: Checker) -> None:
    """G30/V-48 and T-KEDUDUKAN/V-40, as position_create checks them."""
    position = node.position
    try:
        checks.check_unit_head_kind(pack, position)
    except DomainError as error:
        checker.refused(row, "kind", error)
    head = node.unit.head
    try:
        checks.check_position_placement(
            pack,
            position,
            None if head is None else head.position,
            kinds_below=_kinds_below(node.unit),
        )
    except DomainError as error:
        checker.refused(row, "unit_name", error)


def _kinds_below(unit: UnitNode) -> checks.KindsBelow:
    """Kinds of the positions, stored or new, in the unit and below it, other than its head."""

    def within(node: UnitNode) -> bool:
        current: UnitNode | None = node
        seen: set[int] = set()  # a file may hold a cycle of units (reported elsewhere)
        while current is not None and current is not unit and id(current) not in seen:
            seen.add(id(current))
            current = current.parent
        return current is unit

    def kinds() -> set[str]:
        found: set[str] = set()
        for nodes in unit.agency.units.values():
            for node in nodes:
                if not within(node):
                    continue
                for positions in node.positions.values():
                    found |= {p.position.kind for p in positions if p is not unit.head}
        return found

    return kinds


def _agency_placement(
    pack: LoadedPack, row: SheetRow, checker: Checker, agency_type: str
) -> tuple[list[str], str, str]:
    """Urusan, placement table and override reason of a new agency (V-42), as the services do."""
    affairs = [a.strip() for a in (row.text("affairs") or "").split(",") if a.strip()]
    placement = pack.data.placement
    known_affairs = set(placement.affairs) if placement else set()
    tables = {t.id for t in placement.tables} if placement else set()
    unknown = [a for a in affairs if a not in known_affairs]
    if unknown:
        message = _("Urusan pemerintahan tidak dikenal dalam paket %(pack)s: %(list)s")
        checker.report(
            row,
            "affairs",
            OrgErrorCode.UNKNOWN_VALUE,
            message % {"pack": pack.id, "list": ", ".join(unknown)},
        )
        affairs = [a for a in affairs if a in known_affairs]
    suggested = suggested_placement_table(pack, agency_type, affairs)
    table = row.text("placement_table") or suggested
    reason = row.text("placement_override_reason") or ""
    if table and table not in tables:
        message = _("Pola/tabel kedudukan %(table)s tidak ada dalam paket %(pack)s.")
        checker.report(
            row,
            "placement_table",
            OrgErrorCode.UNKNOWN_VALUE,
            message % {"table": table, "pack": pack.id},
        )
        return affairs, suggested, ""
    if suggested and table != suggested and not reason.strip() and pack.binds("V-42"):
        message = _(
            "Pola kedudukan menurut urusan adalah %(suggested)s; alasan penyimpangan wajib diisi."
        )
        checker.refused(
            row,
            "placement_override_reason",
            RuleViolation(
                code=OrgErrorCode.PLACEMENT_RULE,
                message=message % {"suggested": suggested},
                rule="V-42",
                citation=pack.cite_rule("V-42"),
            ),
        )
    return affairs, table, reason if table != suggested else ""
