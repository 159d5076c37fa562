"""The team proposal form page: the fields the pack requires (each with the rule that requires
it), the person pickers, the route the proposal will run, and every refusal next to its field.

A view calls `proposal_page` once; what is required or refused is the domain's answer
(`services.proposal_shape`, `services.proposal_route`, `commands.team_propose_checked`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.forms import BoundField, Form
from django.http import QueryDict
from django.urls import reverse

from sikerja.core.errors import DomainError
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.teams import commands, selectors, services
from sikerja.teams.errors import Refusals
from sikerja.teams.forms import TeamProposalForm
from sikerja.teams.selectors import PickedPerson
from sikerja.teams.services.proposal import ProposalRoute, ProposalShape

INDENT = "\u2003"  # an em space per level of the unit tree
# The pickers of the form: the field chosen, its search box, and whether several are chosen.
PICKERS = {
    "lead_id": ("lead_query", False),
    "candidate_ids": ("candidate_query", True),
    "member_ids": ("member_query", True),
    "pengendali_id": ("pengendali_query", False),
}


@dataclass(frozen=True)
class FormField:
    """A form field with the rule that makes it required in the pack ('' when none)."""

    field: BoundField
    required: bool
    rule: str
    citation: str


@dataclass(frozen=True)
class PickerItem:
    person: PickedPerson
    chosen: bool


@dataclass(frozen=True)
class Picker:
    """A searchable person picker: the people chosen (kept checked) and the matches."""

    name: str
    field: FormField
    query: BoundField
    multiple: bool
    items: list[PickerItem]
    searched: bool
    url: str


@dataclass(frozen=True)
class Problem:
    """One refusal in the summary above the form: its message and the article it cites."""

    message: str
    rule: str
    citation: str


@dataclass(frozen=True)
class ProposalPage:
    """The proposal form ready to show."""

    form: TeamProposalForm
    fields: dict[str, FormField]
    pickers: dict[str, Picker]
    shape: ProposalShape
    route: ProposalRoute | None
    pack_short: str
    error: DomainError | None
    problems: list[Problem]
    warned_citations: list[str]
    members_later_citation: str
    pengendali_link_citation: str


def _chosen(form: Form, name: str) -> list[int]:
    data = form.data
    values = data.getlist(name) if isinstance(data, QueryDict) else []
    return list(dict.fromkeys(int(value) for value in values if str(value).isdigit()))


def _text(form: Form, name: str) -> str:
    return str(form.data.get(name, "") if form.is_bound else "").strip()


def picker(
    viewer: Viewer,
    form: Form,
    name: str,
    field: FormField,
    on: dt.date,
    *,
    url: str,
    query_name: str,
    multiple: bool,
) -> Picker:
    """A person picker of a team form: the people chosen in the posted form and the matches of
    its search box."""
    query = _text(form, query_name)
    chosen, found = selectors.people_for_picker(
        viewer=viewer, query=query, chosen=_chosen(form, name), on=on
    )
    return Picker(
        name=name,
        field=field,
        query=form[query_name],
        multiple=multiple,
        items=[PickerItem(p, True) for p in chosen] + [PickerItem(p, False) for p in found],
        searched=bool(query),
        url=url,
    )


def _fields(form: TeamProposalForm, pack: LoadedPack, shape: ProposalShape) -> dict[str, FormField]:
    return {
        name: FormField(
            field=form[name],
            required=name in shape.required,
            rule=shape.required.get(name, ""),
            citation=pack.citation_of(shape.required.get(name, "")),
        )
        for name in form.fields
    }


def bind_error(
    form: Form, error: DomainError, aliases: dict[str, str] | None = None
) -> list[Problem]:
    """Put every refusal next to its field (or the field the pack asks instead), each with its
    rule and article."""
    errors = error.errors if isinstance(error, Refusals) else (error,)
    problems = []
    for each in errors:
        cited = f" ({each.citation})" if each.citation else ""
        for field_name, message in each.fields.items():
            name = (aliases or {}).get(field_name, field_name)
            target = name if name in form.fields else None
            form.add_error(target, f"{message}{cited}")
        if not each.fields:
            form.add_error(None, f"{each.message}{cited}")
        problems.append(Problem(str(each.message), each.rule, each.citation))
    return problems


def _unit_choices(viewer: Viewer, on: dt.date) -> list[tuple[int | str, str]]:
    units = selectors.owner_units_for(viewer=viewer, on=on)
    top = units[0].depth if units else 0
    return [(unit.pk, f"{INDENT * (unit.depth - top)}{unit.name}") for unit in units]


def _route(viewer: Viewer, form: TeamProposalForm, on: dt.date) -> ProposalRoute | None:
    if viewer.employee_id is None:
        return None
    data = TeamProposalForm(form.data) if form.is_bound else TeamProposalForm({})
    if not data.is_valid():
        return None
    return services.proposal_route(
        requester=commands.employee_of(viewer),
        data=data.team_input(),
        owner_unit_id=data.cleaned_data["owner_unit_id"],
        on=on,
    )


def proposal_page(
    viewer: Viewer, form: TeamProposalForm, on: dt.date, error: DomainError | None = None
) -> ProposalPage:
    """The proposal form with the pack's requirements, the pickers and the route. Raises
    RuleViolation when the pack has no team flow."""
    pack = load_pack(viewer.government.pack_id)
    shape = services.proposal_shape(pack)
    route = _route(viewer, form, on)
    aliases = {"lead_id": "candidate_ids"} if shape.uses_candidates else {}
    problems = bind_error(form, error, aliases) if error is not None else []
    form.fields["owner_unit_id"].widget.choices = _unit_choices(viewer, on)
    fields = _fields(form, pack, shape)
    wanted = ["candidate_ids" if shape.uses_candidates else "lead_id", "member_ids"]
    if shape.has_pengendali:
        wanted.append("pengendali_id")
    return ProposalPage(
        form=form,
        fields=fields,
        pickers={
            name: picker(
                viewer,
                form,
                name,
                fields[name],
                on,
                url=reverse("web:team-create"),
                query_name=PICKERS[name][0],
                multiple=PICKERS[name][1],
            )
            for name in wanted
        },
        shape=shape,
        route=route,
        pack_short=pack.short,
        error=error,
        problems=problems,
        warned_citations=[pack.cite_rule(rule) for rule in shape.warned_rules],
        members_later_citation=pack.citation_of("V-65"),
        pengendali_link_citation=pack.citation_of(shape.pengendali_link_rule),
    )
