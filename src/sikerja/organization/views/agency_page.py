"""The organisation browser of one agency, on a chosen day, in a constant number of queries:
the chosen unit with the path above it and the units right below it, a search for a unit by
name, and one page of the JF and Pelaksana below it under their appraiser (kedudukan).

The page is built and rendered once per change of the government's access stamp and kept
(`agency_view`): the root unit of a large agency costs some 30 ms to build and render, which
every view repeated before.

The JF and Pelaksana below each child of the chosen unit are counted on the page itself when
the whole subtree fits one page of members (its rows are on the page); a larger subtree's counts
read every placement below it (25,000 under the root of a large Dinas), so the page leaves them
out and loads them right after it (`agency_counts_view`, an htmx request kept under the same
stamp, with a plain link for a browser without scripts): the page answers in the same time at
any size, the counts a moment later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from sikerja.core.errors import NotFound
from sikerja.organization.access import stamped, stamped_page
from sikerja.organization.display import KIND_LABELS, MAX_INDENT, PersonCard, grade_label, shown_nip
from sikerja.organization.models import PATH_STEP, Agency, OrgUnit, Placement, Position
from sikerja.organization.rules import Viewer
from sikerja.organization.selectors import agency_get, resolver_for, unit_list
from sikerja.organization.snapshot import (
    PLACEMENT_DEFERRED,
    UNIT_DEFERRED,
    AgencySnapshot,
    Member,
)

MEMBER_KINDS = (Position.Kind.FUNGSIONAL, Position.Kind.PELAKSANA)
KIND_ORDER: dict[str, int] = {Position.Kind.FUNGSIONAL: 0, Position.Kind.PELAKSANA: 1}
GRADE_ORDER = {grade: index for index, grade in enumerate(Position.Grade.values)}
LAST = "~"  # sorts after every materialised path


MEMBER_LIMIT = 100  # rows of the kedudukan table on one page; larger subtrees pick a unit
FOUND_LIMIT = 20  # units listed for a name search
CHILD_LIMIT = 50  # units listed below the chosen one (a Dinas Pendidikan has ~900 schools)
SEGMENT = PATH_STEP + 1  # one unit of a materialised path: its zero-padded id and a "."


@dataclass(frozen=True)
class UnitRow:
    """One unit of the tree with the holders of its head position (definitive first)."""

    unit_id: int
    name: str
    depth: int
    indent: int
    holders: list[PersonCard]
    members: int = 0

    @property
    def is_vacant(self) -> bool:
        return not self.holders


@dataclass(frozen=True)
class MemberRow:
    """A JF or Pelaksana, with the rule and citation that make their appraiser."""

    employee_id: int
    name: str
    nip: str
    position_title: str
    grade_label: str
    unit_name: str
    acting_label: str
    rule: str
    citation: str
    notes: tuple[str, ...]


@dataclass(frozen=True)
class AppraiserGroup:
    """An appraiser (None: nobody on that day) and the people they appraise."""

    appraiser: PersonCard | None
    rows: list[MemberRow]


@dataclass(frozen=True)
class AgencyPage:
    """The agency page on one day: the chosen unit with the path above it and the units right
    below it (each with the JF and Pelaksana of its subtree), and one page of kedudukan."""

    agency: Agency
    on: dt.date
    path: list[UnitRow]
    children: list[UnitRow]
    groups: list[AppraiserGroup]
    selected: OrgUnit | None = None
    in_view: int = 0  # when not `counted`: MEMBER_LIMIT + 1, "more than one page"
    direct: int = 0
    whole: bool = True
    counted: bool = True  # the children's counts are on the page, else loaded after it
    chosen: bool = False  # the unit was asked for (?unit=), not the viewer's top unit
    more_children: bool = False  # more than CHILD_LIMIT units below: the search finds them
    query: str = ""
    found: list[OrgUnit] = field(default_factory=list)

    @property
    def member_count(self) -> int:
        return sum(len(group.rows) for group in self.groups)

    @property
    def member_limit(self) -> int:
        return MEMBER_LIMIT

    @property
    def truncated(self) -> bool:
        """Fewer people are listed than the view holds: only those placed in the chosen unit
        itself (`whole` false, told apart), or only the first MEMBER_LIMIT of them."""
        return self.whole and self.member_count < self.in_view


def _unit_row(
    viewer: Viewer, snapshot: AgencySnapshot, unit: OrgUnit, level: int, members: int
) -> UnitRow:
    return UnitRow(
        unit_id=unit.pk,
        name=unit.name,
        depth=unit.depth,
        indent=min(level, MAX_INDENT),
        holders=[PersonCard.of_placement(viewer, p) for p in snapshot.heads_of(unit.pk)],
        members=members,
    )


def _member_row(viewer: Viewer, snapshot: AgencySnapshot, member: Member) -> MemberRow:
    placement, answer = member.placement, member.appraiser
    employee, position = placement.employee, placement.position
    return MemberRow(
        employee_id=employee.pk,
        name=employee.full_name,
        nip=shown_nip(viewer, employee.pk, employee.nip),
        position_title=position.title,
        grade_label=grade_label(position),
        unit_name=snapshot.units[position.unit_id].name,
        acting_label=str(KIND_LABELS[placement.kind]) if placement.kind != "DEFINITIVE" else "",
        rule=answer.rule,
        citation=answer.citation,
        notes=tuple(str(note) for note in answer.notes),
    )


def _member_key(snapshot: AgencySnapshot, member: Member) -> tuple[str, int, int, str]:
    position = member.placement.position
    return (
        snapshot.units[position.unit_id].path,
        KIND_ORDER.get(position.kind, 9),
        GRADE_ORDER.get(position.grade, 99),
        member.placement.employee.name,
    )


def _appraiser_key(snapshot: AgencySnapshot, member: Member) -> tuple[str, str, int]:
    person = member.appraiser.person
    if person is None:
        return (LAST, LAST, 0)
    unit = snapshot.units.get(person.unit_id) if person.unit_id is not None else None
    return (unit.path if unit else LAST, person.name, person.employee_id)


def _groups(
    viewer: Viewer, snapshot: AgencySnapshot, members: list[Member]
) -> list[AppraiserGroup]:
    members = sorted(members, key=lambda m: (_appraiser_key(snapshot, m), _member_key(snapshot, m)))
    groups: list[AppraiserGroup] = []
    current_key: tuple[str, str, int] | None = None
    for member in members:
        key = _appraiser_key(snapshot, member)
        if key != current_key:
            person = member.appraiser.person
            groups.append(AppraiserGroup(PersonCard.of(viewer, person) if person else None, []))
            current_key = key
        groups[-1].rows.append(_member_row(viewer, snapshot, member))
    return groups


def _members(on: dt.date, agency: Agency) -> QuerySet[Placement]:
    """The JF and Pelaksana placed in the agency on the day."""
    return Placement.objects.effective_on(on).filter(
        position__unit__agency=agency, position__kind__in=MEMBER_KINDS, position__is_head=False
    )


def _within(bases: list[OrgUnit]) -> Q:
    condition = Q(pk__in=[])
    for base in bases:
        condition |= Q(position__unit__path__startswith=base.path)
    return condition


def _subtree_counts(
    members: QuerySet[Placement], selected: OrgUnit | None, children: list[OrgUnit]
) -> dict[int, int]:
    """JF and Pelaksana under each child (its whole subtree) and, under the selected unit's own
    id, those placed in it directly: one grouped query."""
    if selected is None:
        totals = members.aggregate(
            **{str(u.pk): Count("pk", filter=_within([u])) for u in children}
        )
        return {int(pk): n for pk, n in totals.items()}
    rows = (
        members.filter(position__unit__path__startswith=selected.path)
        .annotate(prefix=Substr("position__unit__path", 1, len(selected.path) + SEGMENT))
        .values("prefix")
        .annotate(n=Count("pk"))
        .values_list("prefix", "n")
    )
    return {_ancestor_ids(prefix)[-1]: n for prefix, n in rows}


def _counts(
    viewer: Viewer, agency: Agency, on: dt.date, selected: OrgUnit, children: list[OrgUnit]
) -> dict[int, int]:
    """The subtree counts, kept per process under the government's access stamp (every
    placement or unit change gives a new one): counting a 25,000-person subtree is the one
    read that grows with the agency, so it is made once per change, not per view, and after
    the page (`agency_counts_view`), not in it."""
    return stamped(
        viewer.government,
        ("unit_member_counts", selected.pk, on),
        lambda: _subtree_counts(_members(on, agency), selected, children),
    )


def _bounded_count(members: QuerySet[Placement], selected: OrgUnit) -> int:
    """The JF and Pelaksana below the unit, counted up to MEMBER_LIMIT + 1 (one query that stops
    there): whether the whole subtree fits one page, at the same cost at any size."""
    below = members.filter(position__unit__path__startswith=selected.path)
    return below[: MEMBER_LIMIT + 1].count()


def _page_counts(page: list[Placement], selected: OrgUnit) -> dict[int, int]:
    """The subtree counts from a page that holds every member below the unit (no query): each
    child's id under its own, the unit's own members under the unit's id."""
    counts: dict[int, int] = {}
    cut = len(selected.path) + SEGMENT
    for placement in page:
        path = placement.position.unit.path
        unit_id = selected.pk if path == selected.path else _ancestor_ids(path[:cut])[-1]
        counts[unit_id] = counts.get(unit_id, 0) + 1
    return counts


def _member_page(
    members: QuerySet[Placement], selected: OrgUnit | None, children: list[OrgUnit], in_view: int
) -> list[Placement]:
    """One page of members: everyone below the chosen unit when they fit one page (in unit
    order), else only those placed in the unit itself, so the page never sorts a large subtree
    (the children's counts lead further down)."""
    if selected is not None and in_view > MEMBER_LIMIT:
        chosen = members.filter(position__unit=selected)
    else:
        chosen = members.filter(_within([selected] if selected is not None else children))
    return list(
        chosen.select_related("employee", "position__unit")
        .defer(*PLACEMENT_DEFERRED, *(f"position__unit__{name}" for name in UNIT_DEFERRED))
        .order_by("position__unit__path", "employee__name", "employee_id")[:MEMBER_LIMIT]
    )


def _top_units(viewer: Viewer, agency: Agency) -> list[OrgUnit]:
    """The highest units of the agency the viewer sees: its root for an agency's viewers, the
    units they head (none inside another) for a unit head (one query)."""
    units = unit_list(viewer, agency)
    if viewer.sees_government or agency.pk in viewer.agency_ids:
        return list(units.filter(parent__isnull=True))
    heads = list(units.filter(path__in=viewer.unit_paths))
    return [u for u in heads if not any(u.path.startswith(o.path) and u != o for o in heads)]


def _ancestor_ids(path: str) -> list[int]:
    return [int(path[i : i + PATH_STEP]) for i in range(0, len(path), SEGMENT)]


def _around(
    viewer: Viewer, agency: Agency, unit_id: int | None
) -> tuple[OrgUnit | None, list[OrgUnit], list[OrgUnit]]:
    """The selected unit, the visible units on its path (top first, itself last) and its first
    CHILD_LIMIT + 1 visible children by name; with no unit asked for, the viewer's single top
    unit is selected, or, when they see several, none is and those are the children (two
    queries)."""
    units = unit_list(viewer, agency)
    if unit_id is None:
        tops = _top_units(viewer, agency)
        if len(tops) != 1:
            return None, [], tops
        selected = tops[0]
    else:
        asked = units.filter(pk=unit_id).first()
        if asked is None:
            raise NotFound()
        selected = asked
    ancestors = _ancestor_ids(selected.path)
    around = list(
        units.filter(Q(pk__in=ancestors) | Q(parent=selected))
        .defer(*UNIT_DEFERRED)
        .order_by("depth", "name", "pk")[: len(ancestors) + CHILD_LIMIT + 1]
    )
    path = [u for u in around if u.depth <= selected.depth]
    return selected, path, [u for u in around if u.parent_id == selected.pk]


def _found(viewer: Viewer, agency: Agency, query: str) -> list[OrgUnit]:
    """Visible units of the agency whose name holds the search text (one page, one query)."""
    if not query:
        return []
    return list(unit_list(viewer, agency).filter(name__icontains=query)[:FOUND_LIMIT])


def agency_page(
    viewer: Viewer, agency_id: int, on: dt.date, unit_id: int | None = None, query: str = ""
) -> AgencyPage:
    """The chosen unit of a visible agency with its path, its children and their member counts
    (when the subtree fits one page, else `unit_counts` after the page), and the first page of
    kedudukan below it, in a constant number of queries that do not grow with the agency (the
    page is cut in the database).

    Only units the viewer sees are shown, and only the people placed in them. Raises NotFound
    for missing and hidden agencies and units alike.
    """
    agency = agency_get(viewer, agency_id)
    selected, path, below = _around(viewer, agency, unit_id)
    children = below[:CHILD_LIMIT]
    members = _members(on, agency)
    counts: dict[int, int] = {}
    if selected is None:  # a unit head's several top units: small subtrees, counted each time
        counts = _subtree_counts(members, None, children)
        in_view = sum(counts.values())
    else:
        in_view = _bounded_count(members, selected)
    page = _member_page(members, selected, children, in_view)
    counted = selected is None or in_view <= MEMBER_LIMIT
    if selected is not None and counted:  # every member below is on the page
        counts = _page_counts(page, selected)
    needed = {pk for p in page for pk in _ancestor_ids(p.position.unit.path)}
    snapshot = AgencySnapshot(
        agency,
        on,
        resolver_for(viewer.government),
        unit_ids=needed | {u.pk for u in path} | {u.pk for u in children},
        given_members=page,
    )
    return AgencyPage(
        agency=agency,
        on=on,
        path=[_unit_row(viewer, snapshot, u, level, 0) for level, u in enumerate(path)],
        children=[_unit_row(viewer, snapshot, u, len(path), counts.get(u.pk, 0)) for u in children],
        more_children=len(below) > len(children),
        groups=_groups(viewer, snapshot, snapshot.members_with_appraisers()),
        selected=selected,
        in_view=in_view,
        direct=counts.get(selected.pk, 0) if selected is not None else 0,
        whole=counted,
        counted=counted,
        chosen=unit_id is not None,
        query=query,
        found=_found(viewer, agency, query),
    )


@dataclass(frozen=True)
class AgencyView:
    """The agency page and its rendered view (everything below the day form)."""

    page: AgencyPage
    html: SafeString


def agency_view(
    viewer: Viewer, agency_id: int, on: dt.date, unit_id: int | None = None, query: str = ""
) -> AgencyView:
    """`agency_page` rendered, kept under the government's access stamp (`stamped_page`).

    The page shows agencies, units, positions, employees, placements and delegations, and the
    pack's rules: every service that changes those rows gives the government a new stamp, so a
    kept page is never stale. What else it depends on is in the key: the whole viewer (their
    permissions and who they are: a NIP is shown in full to operators and to its owner), the
    day, the language and the page's arguments. A hidden agency or unit raises NotFound and
    keeps nothing.
    """
    key = ("agency_view", viewer, agency_id, on, unit_id, query, get_language())
    return stamped_page(
        viewer.government,
        key,
        lambda: _rendered(agency_page(viewer, agency_id, on, unit_id, query)),
    )


def _rendered(page: AgencyPage) -> AgencyView:
    html = render_to_string("organization/includes/organisation_view.html", {"page": page})
    return AgencyView(page, mark_safe(html))  # noqa: S308 - the template's own escaped output


@dataclass(frozen=True)
class UnitCounts:
    """The JF and Pelaksana below a chosen unit: under each of its first children (their whole
    subtrees), placed in the unit itself, and in all (loaded after the page)."""

    agency: Agency
    on: dt.date
    selected: OrgUnit
    children: list[tuple[OrgUnit, int]]
    direct: int
    total: int


@dataclass(frozen=True)
class CountsView:
    counts: UnitCounts
    html: SafeString


def unit_counts(viewer: Viewer, agency_id: int, on: dt.date, unit_id: int) -> UnitCounts:
    """The counts the page leaves out for a subtree larger than a page of members: the same
    visible unit and children as the page (`_around`), and the counts in one grouped query kept
    under the access stamp. Raises NotFound for missing and hidden agencies and units alike."""
    agency = agency_get(viewer, agency_id)
    selected, _, below = _around(viewer, agency, unit_id)
    if selected is None:  # a unit id is always asked for: never reached
        raise NotFound()
    children = below[:CHILD_LIMIT]
    counts = _counts(viewer, agency, on, selected, children)
    return UnitCounts(
        agency=agency,
        on=on,
        selected=selected,
        children=[(child, counts.get(child.pk, 0)) for child in children],
        direct=counts.get(selected.pk, 0),
        total=sum(counts.values()),
    )


def agency_counts_view(viewer: Viewer, agency_id: int, on: dt.date, unit_id: int) -> CountsView:
    """`unit_counts` rendered, kept like the page it completes (`agency_view`)."""
    key = ("agency_counts", viewer, agency_id, on, unit_id, get_language())

    def build() -> CountsView:
        counts = unit_counts(viewer, agency_id, on, unit_id)
        html = render_to_string("organization/includes/unit_counts.html", {"counts": counts})
        return CountsView(counts, mark_safe(html))  # noqa: S308 - the template's escaped output

    return stamped_page(viewer.government, key, build)
