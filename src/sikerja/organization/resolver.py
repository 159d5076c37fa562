"""Role resolution for a day: appraiser, unit head, performance owner, authorised official,
Sekda and the chain above a unit — each answer with the pack rule and article it rests on.

Every answer costs exactly one query (see resolver_sql); the pack's rules are applied in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext as _

from sikerja.organization import resolver_sql as sql
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema import (
    KEAHLIAN_GRADES,
    KETERAMPILAN_GRADES,
    PlacementTable,
    RoleRule,
)

ACTING_ORDER = {"DEFINITIVE": 0, "PLT": 1, "PLH": 2}
APPRAISER_KINDS = {"JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS"}
JPT_KINDS = {"JPT_UTAMA", "JPT_MADYA", "JPT_PRATAMA"}


@dataclass(frozen=True)
class Person:
    """Who holds a role: the employee and the position through which they hold it."""

    employee_id: int
    nip: str
    name: str
    position_id: int | None
    position_title: str
    position_kind: str
    unit_id: int | None
    unit_name: str
    acting: str = "DEFINITIVE"
    # The agency of `unit_id` where the resolver's query gave it (None: not known here); not
    # part of who the person is, so not compared.
    agency_id: int | None = field(default=None, compare=False)

    @property
    def display_name(self) -> str:
        return self.name

    @property
    def acting_label(self) -> str:
        return {"PLT": "Plt.", "PLH": "Plh."}.get(self.acting, "")


@dataclass(frozen=True)
class RoleAnswer:
    """A resolved role: the person (or None), the pack rule and its full citation."""

    role: str
    person: Person | None
    rule: str
    citation: str
    notes: tuple[str, ...] = field(default=())
    delegation_id: int | None = None


@dataclass(frozen=True)
class _Head:
    """One ancestor-or-self unit with one holder of its head position (a row of the query)."""

    unit_id: int
    depth: int
    unit_type: str
    is_work_unit: bool
    is_independent: bool
    unit_name: str
    position_id: int | None
    position_title: str
    position_kind: str
    holder: Person | None
    delegation_id: int | None
    delegate: Person | None
    delegation_basis: str
    delegation_rule: str


@dataclass(frozen=True)
class _Subject:
    employee_id: int | None
    position_id: int | None
    pos_kind: str
    grade: str
    is_head: bool
    unit_id: int
    unit_name: str
    depth: int
    agency_id: int
    agency_type: str
    placement_table: str
    code: str


def _name(nip: str, name: str, front: str, back: str) -> str:
    del nip
    return f"{front + ' ' if front else ''}{name}{', ' + back if back else ''}"


def _parse(rows: Sequence[Sequence[object]]) -> tuple[_Subject | None, list[_Head]]:
    if not rows:
        return None, []
    first = rows[0]
    subject = _Subject(
        employee_id=first[0],  # type: ignore[arg-type]
        position_id=first[1],  # type: ignore[arg-type]
        pos_kind=str(first[3] or ""),
        grade=str(first[4] or ""),
        is_head=bool(first[5]),
        unit_id=int(first[7]),  # type: ignore[call-overload]
        unit_name=str(first[8]),
        depth=int(first[9]),  # type: ignore[call-overload]
        agency_id=int(first[10]),  # type: ignore[call-overload]
        agency_type=str(first[11]),
        placement_table=str(first[12] or ""),
        code=str(first[13] or ""),
    )
    heads = []
    for row in rows:
        if row[14] is None:
            continue
        unit_id, depth, unit_type, is_work, is_independent, unit_name = row[14:20]
        position_id, position_title, position_kind = row[20:23]
        holder = None
        if row[23] is not None:
            holder = Person(
                employee_id=int(row[23]),  # type: ignore[call-overload]
                nip=str(row[25]),
                name=_name(str(row[25]), str(row[26]), str(row[27]), str(row[28])),
                position_id=position_id,  # type: ignore[arg-type]
                position_title=str(position_title),
                position_kind=str(position_kind),
                unit_id=unit_id,  # type: ignore[arg-type]
                unit_name=str(unit_name),
                acting=str(row[24]),
                agency_id=row[37],  # type: ignore[arg-type]
            )
        delegate = None
        if row[29] is not None:
            delegate = Person(
                employee_id=int(row[30]),  # type: ignore[call-overload]
                nip=str(row[33]),
                name=_name(str(row[33]), str(row[34]), str(row[35]), str(row[36])),
                position_id=None,
                position_title="",
                position_kind="",
                unit_id=None,
                unit_name="",
            )
        heads.append(
            _Head(
                unit_id=int(unit_id),  # type: ignore[call-overload]
                # The Setda root joined for an agency head comes from another agency: depth -1.
                depth=int(depth) if row[37] == subject.agency_id else -1,  # type: ignore[call-overload]
                unit_type=str(unit_type),
                is_work_unit=bool(is_work),
                is_independent=bool(is_independent),
                unit_name=str(unit_name),
                position_id=position_id,  # type: ignore[arg-type]
                position_title=str(position_title or ""),
                position_kind=str(position_kind or ""),
                holder=holder,
                delegation_id=row[29],  # type: ignore[arg-type]
                delegate=delegate,
                delegation_basis=str(row[31] or ""),
                delegation_rule=str(row[32] or ""),
            )
        )
    return subject, heads


def _fetch(cte: str, cte_params: list[object], on: dt.date) -> tuple[_Subject | None, list[_Head]]:
    with connection.cursor() as cursor:
        cursor.execute(cte + sql.ANCESTOR_HEADS, sql.ancestor_heads_params(cte_params, on))  # type: ignore[arg-type]  # params are dates/ints
        return _parse(cursor.fetchall())


def fetch_subject(employee_id: int, on: dt.date) -> tuple[_Subject | None, list[_Head]]:
    """The one query behind an employee's answers."""
    return _fetch(sql.SUBJECT_CTE, [employee_id, on, on], on)


# Ids per statement of the bulk answers: well under the bound parameters SQLite accepts.
BULK_IDS = 5000
EMPLOYEE_COLUMN, UNIT_COLUMN = 0, 7  # where a row of ANCESTOR_HEADS names its subject


def _fetch_many(
    ids: Sequence[int], on: dt.date, *, units: bool
) -> dict[int, tuple[_Subject | None, list[_Head]]]:
    """The rows of several subjects (employees, or units) in one query per BULK_IDS ids, split
    by subject; a subject without rows (not placed on the day) answers (None, [])."""
    wanted = sorted(set(ids))
    rows: dict[int, list[Sequence[object]]] = {pk: [] for pk in wanted}
    column = UNIT_COLUMN if units else EMPLOYEE_COLUMN
    for start in range(0, len(wanted), BULK_IDS):
        chunk = wanted[start : start + BULK_IDS]
        cte = (sql.UNITS_CTE if units else sql.SUBJECTS_CTE).format(
            ids=sql.placeholders(len(chunk))
        )
        params: list[object] = [*chunk] if units else [*chunk, on, on]
        with connection.cursor() as cursor:
            cursor.execute(cte + sql.ANCESTOR_HEADS, sql.ancestor_heads_params(params, on))  # type: ignore[arg-type]  # params are dates/ints
            for row in cursor.fetchall():
                rows[int(row[column])].append(row)
    return {pk: _parse(found) for pk, found in rows.items()}


def _ordered_units(subject: _Subject, heads: list[_Head]) -> list[list[_Head]]:
    """Group rows by unit, nearest unit first; the Setda row (other agency) comes last."""
    by_unit: dict[int, list[_Head]] = {}
    for head in heads:
        by_unit.setdefault(head.unit_id, []).append(head)
    groups = list(by_unit.values())

    def sort_key(group: list[_Head]) -> tuple[int, int]:
        first = group[0]
        other_agency = 1 if first.depth == -1 else 0
        return (other_agency, -first.depth)

    del subject
    return sorted(groups, key=sort_key)


def _best_holder(group: list[_Head], exclude: int | None) -> _Head | None:
    candidates = [h for h in group if h.holder is not None and h.holder.employee_id != exclude]
    if not candidates:
        return None
    return min(candidates, key=lambda h: ACTING_ORDER.get(h.holder.acting if h.holder else "", 9))


def code_matches(code: str, grade: str, patterns: Sequence[str]) -> bool:
    """Whether an appraisee code (JF grade, 'PLK', or a unit type) matches table codes."""
    if code == "PLK":
        return "PLK" in patterns
    if grade in KEAHLIAN_GRADES:
        return f"JFK:{grade}" in patterns or "JFK:*" in patterns
    if grade in KETERAMPILAN_GRADES:
        return "JFT:*" in patterns
    return code in patterns


# Keeps an answer under a key (`organization.access.stamped`, bound to a government): a read
# request's resolver passes one so the agency heads and the Sekda, the same for every person, are
# read once per change of the government's placements rather than on every call.
Memo = Callable[
    [tuple[Hashable, ...], Callable[[], "tuple[Person | None]"]], "tuple[Person | None]"
]


class Resolver:
    """Resolve the roles of one government's people under its pack."""

    def __init__(self, pack: LoadedPack, memo: Memo | None = None) -> None:
        self.pack = pack
        self.memo = memo
        if pack.data.roles is None or pack.data.placement is None:
            raise ValueError(f"pack {pack.id} has no placement or role rules")
        self.roles = pack.data.roles
        self.placement = pack.data.placement

    # ---- public answers -------------------------------------------------------------------

    def appraiser(self, employee_id: int, on: dt.date) -> RoleAnswer:
        """Pejabat Penilai Kinerja of the employee on the day (one query)."""
        subject, heads = fetch_subject(employee_id, on)
        return self.appraiser_from(subject, heads)

    def appraisers(self, employee_ids: Sequence[int], on: dt.date) -> dict[int, RoleAnswer]:
        """`appraiser` of several employees at once, by employee id (one query per 5,000
        employees, none for none)."""
        found = _fetch_many(employee_ids, on, units=False)
        return {pk: self.appraiser_from(*answer) for pk, answer in found.items()}

    def unit_head(self, employee_id: int, on: dt.date) -> RoleAnswer:
        """Pimpinan Unit Organisasi of the employee on the day (one query)."""
        subject, heads = fetch_subject(employee_id, on)
        return self.scoped_head_from("unit_head", subject, heads)

    def performance_owner(self, employee_id: int, on: dt.date) -> RoleAnswer:
        """Pemilik Kinerja of the employee's work on the day (one query)."""
        subject, heads = fetch_subject(employee_id, on)
        return self.scoped_head_from("performance_owner", subject, heads)

    def roles_for(self, employee_id: int, on: dt.date) -> list[RoleAnswer]:
        """Appraiser, unit head, performance owner and authorised official (2 queries)."""
        subject, heads = fetch_subject(employee_id, on)
        answers = [
            self.appraiser_from(subject, heads),
            self.scoped_head_from("unit_head", subject, heads),
            self.scoped_head_from("performance_owner", subject, heads),
        ]
        if subject is not None:
            answers.append(self.authorized_official(subject.agency_id, on))
        return answers

    def authorized_official(self, agency_id: int, on: dt.date) -> RoleAnswer:
        """Pejabat yang Berwenang of an agency: its head on the day (one query)."""
        rule = self.roles.authorized_official
        person = self._top_holder("agency_head", sql.AGENCY_HEAD, agency_id, on)
        return self._answer("authorized_official", person, rule.rule, rule.citation, ())

    def regional_secretary(self, government_id: int, on: dt.date) -> RoleAnswer:
        """The Sekretaris Daerah on the day (one query)."""
        rule = self.roles.regional_secretary
        person = self._top_holder(
            "government_secretary", sql.GOVERNMENT_SECRETARY, government_id, on
        )
        return self._answer("regional_secretary", person, rule.rule, rule.citation, ())

    def chain_above_unit(self, unit_id: int, on: dt.date) -> list[RoleAnswer]:
        """Heads of the unit and every unit above it, nearest first (one query)."""
        subject, heads = _fetch(sql.UNIT_CTE, [unit_id], on)
        if subject is None:
            return []
        answers = []
        rule = self.roles.unit_head
        for group in _ordered_units(subject, heads):
            best = _best_holder(group, exclude=None)
            notes = (
                ()
                if best
                else (_("Jabatan pimpinan %(unit)s lowong.") % {"unit": group[0].unit_name},)
            )
            person = best.holder if best else None
            answers.append(self._answer("unit_head", person, rule.rule, rule.citation, notes))
        return answers

    def chain_ids(self, employee_id: int, on: dt.date) -> list[int]:
        """Employee ids of every head above the employee, nearest first (one query)."""
        subject, heads = fetch_subject(employee_id, on)
        if subject is None:
            return []
        ids: list[int] = []
        for group in _ordered_units(subject, heads):
            for head in group:
                holder = head.holder
                if holder is not None and holder.employee_id not in {*ids, employee_id}:
                    ids.append(holder.employee_id)
        return ids

    # ---- rule application ----------------------------------------------------------------

    def appraiser_from(self, subject: _Subject | None, heads: list[_Head]) -> RoleAnswer:
        """Apply the pack's placement rules to the rows of the subject's query."""
        role = self.roles.appraiser
        if subject is None:
            return self._no_placement("appraiser", role.rule, role.citation)
        notes: list[str] = []
        groups = _ordered_units(subject, heads)
        if subject.is_head:
            groups = [g for g in groups if g[0].unit_id != subject.unit_id]
        nearest_depth = groups[0][0].depth if groups else None
        chosen: _Head | None = None
        for group in groups:
            if not self._may_appraise(group[0]):
                continue
            chosen = _best_holder(group, exclude=subject.employee_id)
            if chosen is not None:
                break
        if chosen is None or chosen.holder is None:
            notes.append(_("Tidak ada pejabat yang menduduki jabatan atasan pada tanggal ini."))
            return self._answer("appraiser", None, role.rule, role.citation, tuple(notes))
        if chosen.depth != nearest_depth:
            notes.append(
                _("Jabatan atasan langsung lowong; diteruskan ke satu tingkat di atasnya.")
            )
        delegated = self._delegation_from(chosen, groups, subject)
        if delegated is not None:
            return delegated
        if subject.is_head:
            rule = self.roles.structural_appraiser
            return self._answer("appraiser", chosen.holder, rule.rule, rule.citation, tuple(notes))
        return self._placement_answer(subject, chosen, groups, notes)

    def scoped_head_from(
        self, role_name: str, subject: _Subject | None, heads: list[_Head], scope: str = ""
    ) -> RoleAnswer:
        """Unit head or performance owner, by the scope the pack gives the role (or `scope`)."""
        role = getattr(self.roles, role_name)
        if subject is None:
            return self._no_placement(role_name, role.rule, role.citation)
        if role_name == "unit_head" and not scope:
            role = self._unit_head_rule(subject, heads)
        scope = scope or role.scope
        groups = [g for g in _ordered_units(subject, heads) if g[0].depth >= 0]
        if scope == "work_unit":
            groups = [g for g in groups if g[0].is_work_unit or g[0].depth == 0]
        elif scope == "agency":
            groups = [g for g in groups if g[0].depth == 0]
        notes: list[str] = []
        for index, group in enumerate(groups):
            best = _best_holder(group, exclude=None)
            if best is not None:
                if index:
                    notes.append(
                        _("Jabatan pimpinan unit lowong; diteruskan ke satu tingkat di atasnya.")
                    )
                return self._answer(role_name, best.holder, role.rule, role.citation, tuple(notes))
        notes.append(_("Jabatan pimpinan unit lowong."))
        return self._answer(role_name, None, role.rule, role.citation, tuple(notes))

    def _unit_head_rule(self, subject: _Subject, heads: list[_Head]) -> RoleRule:
        """The unit-head rule of the subject's placement table, else the pack's (Blitar M1)."""
        table = self._table_for(subject, _ordered_units(subject, heads))
        if table is not None and table.unit_head is not None:
            return table.unit_head
        return self.roles.unit_head

    def head_of_unit(self, unit_id: int, on: dt.date, scope: str = "") -> RoleAnswer:
        """The unit head of a unit (pack scope unless `scope` says own_unit/work_unit/agency)."""
        subject, heads = _fetch(sql.UNIT_CTE, [unit_id], on)
        return self.scoped_head_from("unit_head", subject, heads, scope)

    def heads_of_units(
        self, unit_ids: Sequence[int], on: dt.date, scope: str = ""
    ) -> dict[int, RoleAnswer]:
        """`head_of_unit` of several units at once, by unit id (one query per 5,000 units,
        none for none)."""
        found = _fetch_many(unit_ids, on, units=True)
        return {
            pk: self.scoped_head_from("unit_head", subject, heads, scope)
            for pk, (subject, heads) in found.items()
        }

    def _may_appraise(self, head: _Head) -> bool:
        """V-37: at least a Pengawas, or a JF heading an independent unit."""
        if head.position_kind in APPRAISER_KINDS:
            return True
        return head.position_kind == "FUNGSIONAL" and head.is_independent

    def _delegation_from(
        self, chosen: _Head, groups: list[list[_Head]], subject: _Subject
    ) -> RoleAnswer | None:
        """An APPRAISAL delegation given by the chosen head, or given to the chosen head."""
        assert chosen.holder is not None  # noqa: S101 - guaranteed by the caller
        rule = self.roles.delegation
        for group in groups:
            for head in group:
                if head.delegate is None or head.holder is None:
                    continue
                gives_away = head.holder.employee_id == chosen.holder.employee_id
                received = head.delegate.employee_id == chosen.holder.employee_id
                if gives_away or received:
                    person = head.delegate if gives_away else chosen.holder
                    note = _("Berdasarkan pendelegasian: %(basis)s") % {
                        "basis": head.delegation_basis
                    }
                    return RoleAnswer(
                        role="appraiser",
                        person=person,
                        rule=head.delegation_rule or rule.rule,
                        citation=self.pack.cite(rule.citation),
                        notes=(note,),
                        delegation_id=head.delegation_id,
                    )
        del subject
        return None

    def _placement_answer(
        self, subject: _Subject, chosen: _Head, groups: list[list[_Head]], notes: list[str]
    ) -> RoleAnswer:
        """Cite the most specific placement rule: the table row, the grade rule, or the generic."""
        rows = [
            g
            for g in self.placement.grade_rules
            if code_matches(subject.code, subject.grade, g.appraisees)
        ]
        # Of several rows for one code (Barut Pasal 17 ayat (4) huruf a and b), the one that
        # admits the chosen head's kind is the article the answer rests on.
        grade_rule = next(
            (g for g in rows if chosen.position_kind in g.admitted_kinds()),
            rows[0] if rows else None,
        )
        if (
            grade_rule is not None
            and grade_rule.requires_delegation
            and chosen.position_kind not in JPT_KINDS
        ):
            # Without a recorded delegation the JF answers to the JPT Pratama (e.g. Blitar Pasal 14(2)).
            top = self._jpt_head(groups, subject)
            if top is not None and top.holder is not None:
                notes.append(_("Belum ada pendelegasian penilaian kinerja dari JPT Pratama."))
                citation = self.pack.cite(grade_rule.citation)
                return RoleAnswer("appraiser", top.holder, grade_rule.rule, citation, tuple(notes))
        table = self._table_for(subject, groups)
        appraiser_type = "ROOT" if chosen.depth == 0 else chosen.unit_type
        for row in table.rows if table is not None else ():
            if appraiser_type in row.appraiser and code_matches(
                subject.code, subject.grade, row.appraisees
            ):
                assert table is not None  # noqa: S101 - loop runs only with a table
                citation = self.pack.cite(table.citation)
                return RoleAnswer("appraiser", chosen.holder, "T-KEDUDUKAN", citation, tuple(notes))
        if grade_rule is not None:
            citation = self.pack.cite(grade_rule.citation)
            return RoleAnswer("appraiser", chosen.holder, grade_rule.rule, citation, tuple(notes))
        citation = self.pack.cite(self.placement.generic_citation)
        return RoleAnswer(
            "appraiser", chosen.holder, self.placement.generic_rule, citation, tuple(notes)
        )

    def _jpt_head(self, groups: list[list[_Head]], subject: _Subject) -> _Head | None:
        for group in groups:
            if group[0].position_kind in JPT_KINDS and group[0].depth >= 0:
                return _best_holder(group, exclude=subject.employee_id)
        return None

    def _table_for(self, subject: _Subject, groups: list[list[_Head]]) -> PlacementTable | None:
        tables = {table.id: table for table in self.placement.tables}
        for group in groups:
            unit_type = group[0].unit_type
            if group[0].depth <= 0:
                break
            for table in self.placement.tables:
                if unit_type in table.agency_types:
                    return table
        if subject.placement_table in tables:
            return tables[subject.placement_table]
        default = self.placement.default_tables.get(subject.agency_type)  # type: ignore[call-overload]
        return tables.get(default) if default else None

    def _top_holder(self, name: str, query: str, key: int, on: dt.date) -> Person | None:
        """The holder of a top position, through the memo when the resolver has one (held in
        a 1-tuple, so that a vacant position is kept too)."""
        if self.memo is None:
            return _top_holder(query, key, on)
        return self.memo(("top_holder", name, key, on), lambda: (_top_holder(query, key, on),))[0]

    def _answer(
        self, role: str, person: Person | None, rule: str, citation: object, notes: tuple[str, ...]
    ) -> RoleAnswer:
        return RoleAnswer(role, person, rule, self.pack.cite(citation), notes)  # type: ignore[arg-type]

    def _no_placement(self, role: str, rule: str, citation: object) -> RoleAnswer:
        note = _("Pegawai belum memiliki kedudukan (penempatan) aktif pada tanggal ini.")
        return self._answer(role, None, rule, citation, (note,))


def _top_holder(query: str, key: int, on: dt.date) -> Person | None:
    with connection.cursor() as cursor:
        cursor.execute(query, [True, on, on, key])
        row = cursor.fetchone()
    if row is None:
        return None
    return Person(
        employee_id=int(row[0]),
        nip=str(row[2]),
        name=_name(str(row[2]), str(row[3]), str(row[4]), str(row[5])),
        position_id=int(row[6]),
        position_title=str(row[7]),
        position_kind=str(row[8]),
        unit_id=int(row[9]),
        unit_name=str(row[10]),
        acting=str(row[1]),
        agency_id=int(row[11]),
    )


def agency_head(agency_id: int, on: dt.date) -> Person | None:
    """The holder of an agency's head position on the day, whatever the pack (one query)."""
    return _top_holder(sql.AGENCY_HEAD, agency_id, on)
