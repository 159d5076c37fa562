"""The active team's change pages: replace a member, record and fill a vacant lead (with its due
date, V-13), dissolve, and the lead's input on the members (V-65). Each is offered to the person
who may do it and is "not found" for everyone else; the service decides the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.forms import Form
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sikerja.core.errors import DomainError, NotFound
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Decision, StepSpec
from sikerja.teams import rules, selectors
from sikerja.teams.forms import (
    DissolveForm,
    FillLeadForm,
    LeadInputForm,
    ReplaceMemberForm,
    VacateLeadForm,
)
from sikerja.teams.models import Team, TeamMember
from sikerja.teams.views.proposal_page import FormField, Picker, Problem, bind_error, picker
from sikerja.workflows.models import WorkflowStep

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# slug -> (the change, its form, its title, the picker it has: field, search box, several?)
CHANGES: dict[str, tuple[str, type[Form], StrOrPromise, tuple[str, str, bool] | None]] = {
    "ganti-anggota": (
        "replace",
        ReplaceMemberForm,
        _("Ganti anggota tim"),
        ("new_employee_id", "new_query", False),
    ),
    "kosongkan-ketua": ("vacate", VacateLeadForm, _("Catat kekosongan ketua tim"), None),
    "isi-ketua": ("fill", FillLeadForm, _("Tunjuk ketua tim"), ("lead_id", "lead_query", False)),
    "bubarkan": ("dissolve", DissolveForm, _("Bubarkan tim kerja"), None),
    "masukan-anggota": (
        "lead_input",
        LeadInputForm,
        _("Masukan ketua tim tentang anggota"),
        ("member_ids", "member_query", True),
    ),
}


@dataclass(frozen=True)
class ChangeLink:
    slug: str
    title: str


@dataclass(frozen=True)
class ChangePage:
    """One change form for one team, with what the viewer needs to fill it in."""

    team: Team
    slug: str
    change: str
    title: str
    form: Form
    picker: Picker | None
    error: DomainError | None
    problems: list[Problem]
    lead_overdue: bool
    justification_citations: list[str]


def is_lead_input_step(spec: StepSpec) -> bool:
    """The lead's input on the members (V-65): the lead submits the list of members."""
    return spec.actor == "lead" and Decision.SUBMIT in spec.decisions


def _lead_input_step(viewer: Viewer, team: Team, on: dt.date) -> WorkflowStep | None:
    """The open step where the viewer, as lead, gives their input on the members (V-65)."""
    trail = selectors.formation_of(team)
    step = next((s for s in trail.steps if s.status == WorkflowStep.Status.OPEN), None)
    if trail.instance is None or step is None or not rules.may_decide_step(viewer, step, on):
        return None
    definition = load_pack(trail.instance.pack_id).data.workflows[trail.instance.definition_key]
    return step if is_lead_input_step(definition.step(step.step_key)) else None


def team_changes(viewer: Viewer, team: Team, on: dt.date) -> list[ChangeLink]:
    """The changes the viewer may make to the team today, in the order the page lists them."""
    slugs: list[str] = []
    if team.status == Team.Status.ACTIVE and rules.may_manage_team(viewer, team, on):
        has_members = any(m.role == TeamMember.Role.MEMBER for m in _current(team))
        slugs += ["ganti-anggota"] if has_members else []
        slugs += ["kosongkan-ketua"] if team.lead_id is not None else []
        slugs.append("bubarkan")
    vacant = team.status == Team.Status.ACTIVE and team.lead_id is None
    if vacant and team.lead_vacant_since and rules.may_fill_lead(viewer, team, on):
        slugs.append("isi-ketua")
    if team.status == Team.Status.FORMING and _lead_input_step(viewer, team, on):
        slugs.append("masukan-anggota")
    return [ChangeLink(slug, str(CHANGES[slug][2])) for slug in slugs]


def _current(team: Team) -> list[TeamMember]:
    return [m for m in team.memberships.all() if m.status != TeamMember.Status.ENDED]


def change_form(slug: str, data: Mapping[str, Any] | None = None) -> Form:
    """The change's form, bound to the posted data when given. Raises NotFound for an unknown
    change."""
    if slug not in CHANGES:
        raise NotFound()
    form_class = CHANGES[slug][1]
    return form_class(data) if data is not None else form_class()


def change_page(
    viewer: Viewer,
    team_id: int,
    slug: str,
    form: Form,
    on: dt.date,
    error: DomainError | None = None,
) -> ChangePage:
    """The change form of a team the viewer may change that way. Raises NotFound otherwise."""
    team = selectors.team_get_for_viewer(viewer=viewer, team_id=team_id)
    if slug not in {link.slug for link in team_changes(viewer, team, on)}:
        raise NotFound()
    change, _form_class, title, picked = CHANGES[slug]
    problems = bind_error(form, error) if error is not None else []
    if "old_employee_id" in form.fields:
        form.fields["old_employee_id"].widget.choices = [
            ("", "—"),
            *(
                (m.employee_id, m.employee.full_name)
                for m in _current(team)
                if m.role == TeamMember.Role.MEMBER
            ),
        ]
    pack = load_pack(team.government.pack_id)
    return ChangePage(
        team=team,
        slug=slug,
        change=change,
        title=str(title),
        form=form,
        picker=_picker(viewer, team, slug, form, picked, on) if picked else None,
        error=error,
        problems=problems,
        lead_overdue=selectors.is_lead_overdue(team, on),
        justification_citations=[pack.cite_rule("V-04")] if pack.warns("V-04") else [],
    )


def _picker(
    viewer: Viewer,
    team: Team,
    slug: str,
    form: Form,
    picked: tuple[str, str, bool],
    on: dt.date,
) -> Picker:
    name, query_name, multiple = picked
    return picker(
        viewer,
        form,
        name,
        FormField(form[name], required=True, rule="", citation=""),
        on,
        url=reverse("web:team-change", args=[team.pk, slug]),
        query_name=query_name,
        multiple=multiple,
    )


@dataclass(frozen=True)
class TeamExtras:
    """What the team page adds for the viewer: the changes they may make, the citations of the
    PREFERRED rules their open decision checks (a justification is then asked), the map of the
    team's flow."""

    changes: list[ChangeLink]
    warned_citations: list[str]
    map_key: str


def team_extras(viewer: Viewer, team_id: int, on: dt.date) -> TeamExtras:
    """The team page's additions for the viewer. Raises NotFound (hidden or missing team)."""
    team = selectors.team_get_for_viewer(viewer=viewer, team_id=team_id)
    pack = load_pack(team.government.pack_id)
    trail = selectors.formation_of(team)
    step = next((s for s in trail.steps if s.status == WorkflowStep.Status.OPEN), None)
    warned: list[str] = []
    if trail.instance and step and rules.may_decide_step(viewer, step, on):
        spec = pack.data.workflows[trail.instance.definition_key].step(step.step_key)
        warned = [pack.cite_rule(rule) for rule in spec.rules if pack.warns(rule)]
    return TeamExtras(
        changes=team_changes(viewer, team, on), warned_citations=warned, map_key=team.workflow_key
    )
