"""Who may see and act on a team: the one answer, in STYLE §5's shapes.

- may: `may_form_team`, `may_see_team`, `may_decide_step`, `may_manage_team`, `may_fill_lead`;
  `may_propose_for_unit`, `may_decide_training` (training-need proposals, V-62);
- which: `teams_visible_to`, `teams_managed_by`; `training_proposals_visible_to`;
- who: `team_manager`, `lead_appointer`.

A team, its work, its evidence and its reports are seen by one rule, `teams_visible_to`: the
government's BKPSDM operators and auditors, its people (proposer, lead, members, candidates,
Pengendali), everyone asked to act on it (its formation, report and evaluation steps, its plan,
its obstacles, its rework, the lead's reports on members) and the officials its work names on
the day (the head of its owner unit, the own appraiser of anyone on it). It is managed (a member replaced, the lead's vacancy recorded,
dissolved) by the head of its owner unit on the day: the official who set it up
[product decision, SPEC 4.9.1 step 9]; a vacant lead is filled by the official the pack names
as the lead's appointer (V-32).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet, TextField
from django.db.models.functions import Cast

from sikerja.organization.models import (
    PATH_STEP,
    Delegation,
    Employee,
    OrgUnit,
    Placement,
    Position,
)
from sikerja.organization.resolver import Resolver
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.teamwork import TeamWork
from sikerja.teams.models import (
    EvidenceFile,
    LeadCandidate,
    MemberResult,
    Obstacle,
    Rework,
    Team,
    TeamEvaluation,
    TeamMember,
    TeamPlan,
    TeamReport,
)
from sikerja.teams.officials import person_of, primed, resolver_for, teams_officiated_by
from sikerja.teams.training_models import TrainingNeedProposal
from sikerja.workflows.engine import may_act
from sikerja.workflows.models import WorkflowStep

SUBJECT_TYPE = "teams.team"
WORK_SUBJECTS = ("teams.report", "teams.memberresult", "teams.evaluation")


def may_form_team(viewer: Viewer) -> bool:
    """Teams are proposed by employees (may); whether this one may is the service's check of
    the flow's first actor."""
    return viewer.employee_id is not None


def teams_visible_to(
    viewer: Viewer, on: dt.date | None = None, *, only: list[int] | None = None
) -> QuerySet[Team]:
    """Every team the viewer may open on the day (which): the one rule behind the team page,
    its work page, its evidence, its reports and evaluation, and the API (`on` defaults to the
    day the viewer was built for; `only` narrows the question to some teams).

    Seen by the government's BKPSDM operators and auditors; by its people (proposer, lead,
    members, lead candidates, Pengendali); by everyone a step of its formation, reports,
    member results or evaluation is addressed to, decided or recorded by; by whoever is to set
    or has set its plan, decides or is asked to collaborate on one of its obstacles, owns its
    rework, or receives the lead's report on a member; and by the officials its work names on
    the day: the head of its owner unit and the own appraiser of anyone on it
    (`officials.teams_officiated_by`). The query count does not grow with the teams.
    """
    queryset = Team.objects.filter(government_id=viewer.government.pk)
    if only is not None:
        queryset = queryset.filter(pk__in=only)
    if viewer.is_admin or viewer.is_auditor:
        return queryset
    employee_id = viewer.employee_id
    if employee_id is None:
        return queryset.none()
    day = on or viewer.on
    named = _named_on_team(employee_id) | _asked_to_act(employee_id)
    if day is not None:
        officiated = teams_officiated_by(viewer, day, queryset)
        if officiated:
            named |= Q(pk__in=officiated)
    return queryset.filter(named)


def _named_on_team(employee_id: int) -> Q:
    """The team's own people: its proposer, Pengendali, lead and members (past ones too) and
    its lead candidates."""
    return (
        Q(requester_id=employee_id)
        | Q(pengendali_id=employee_id)
        | Exists(TeamMember.objects.filter(team_id=OuterRef("pk"), employee_id=employee_id))
        | Exists(LeadCandidate.objects.filter(team_id=OuterRef("pk"), employee_id=employee_id))
    )


def _asked_to_act(employee_id: int) -> Q:
    """Everyone asked to act on the team: the actors, deciders and recorders of its formation
    steps (and those of its reports, member results and evaluation), its plan's approver and
    decider, the targets, collaborators and decider of its obstacles, the owner of its rework,
    and the appraiser a member result is addressed to."""
    me = Q(actor_id=employee_id) | Q(decided_by_id=employee_id) | Q(recorder_id=employee_id)
    formation = WorkflowStep.objects.filter(
        me, instance__subject_type=SUBJECT_TYPE, instance__subject_id=OuterRef("pk")
    )
    work = WorkflowStep.objects.filter(me, instance__subject_type__in=WORK_SUBJECTS).values(
        "instance_id"
    )
    plan = TeamPlan.objects.filter(Q(approver_id=employee_id) | Q(decided_by_id=employee_id))
    rework = Rework.objects.filter(owner_id=employee_id)
    result = MemberResult.objects.filter(appraiser_id=employee_id)
    return (
        Exists(formation)
        | Exists(TeamReport.objects.filter(team_id=OuterRef("pk"), workflow_instance_id__in=work))
        | Exists(MemberResult.objects.filter(team_id=OuterRef("pk"), workflow_instance_id__in=work))
        | Exists(
            TeamEvaluation.objects.filter(team_id=OuterRef("pk"), workflow_instance_id__in=work)
        )
        | Exists(plan.filter(team_id=OuterRef("pk")))
        | Exists(_obstacles_naming(employee_id).filter(team_id=OuterRef("pk")))
        | Exists(rework.filter(team_id=OuterRef("pk")))
        | Exists(result.filter(team_id=OuterRef("pk")))
    )


def _obstacles_naming(employee_id: int) -> QuerySet[Obstacle]:
    """Obstacles the person decided or is asked to decide or collaborate on. Their targets and
    collaborators are JSON lists of employee ids ("[12, 34]" as text on both databases): the
    id is matched as a whole number in that text."""
    number = rf"[^0-9]{int(employee_id)}[^0-9]"
    return Obstacle.objects.annotate(
        target_ids=Cast("targets", TextField()),
        collaborator_ids=Cast("collaborators", TextField()),
    ).filter(
        Q(decided_by_id=employee_id)
        | Q(target_ids__regex=number)
        | Q(collaborator_ids__regex=number)
    )


def may_see_team(viewer: Viewer, team: Team, on: dt.date | None = None) -> bool:
    """Whether the viewer may open the team on the day (may): `teams_visible_to`'s answer."""
    return teams_visible_to(viewer, on, only=[team.pk]).exists()


def team_manager(team: Team, on: dt.date) -> int | None:
    """The employee who manages the team on the day: its owner unit's head (who); the one a
    read primed on the instance (`officials.officials_prime`), else resolved (1 query)."""
    officials = primed(team, on)
    if officials is not None:
        return officials.manager
    return person_of(resolver_for(team).head_of_unit(team.owner_unit_id, on))


def lead_appointer(team: Team, on: dt.date) -> int | None:
    """Who fills a vacant lead (who): the Sekda where the pack makes them the appointer
    (V-32), else the team's manager."""
    pack = load_pack(team.government.pack_id)
    appointer = pack.rule("V-32").params.get("appointer") if pack.has_rule("V-32") else None
    if appointer == "sekda":
        answer = Resolver(pack).regional_secretary(team.government_id, on)
        return answer.person.employee_id if answer.person else None
    return team_manager(team, on)


def may_manage_team(viewer: Viewer, team: Team, on: dt.date) -> bool:
    """Whether the viewer may amend, vacate the lead of, or dissolve the team (may)."""
    return (
        viewer.employee_id is not None
        and team.government_id == viewer.government.pk
        and team_manager(team, on) == viewer.employee_id
    )


def may_fill_lead(viewer: Viewer, team: Team, on: dt.date) -> bool:
    """Whether the viewer may appoint the lead of a team whose lead is vacant (may)."""
    return (
        viewer.employee_id is not None
        and team.government_id == viewer.government.pk
        and lead_appointer(team, on) == viewer.employee_id
    )


def teams_managed_by(viewer: Viewer, on: dt.date) -> list[Team]:
    """The teams the viewer manages on the day (which), among those they may see: their owner
    units' heads resolved in bulk."""
    teams = list(teams_visible_to(viewer, on).select_related("government"))
    if viewer.employee_id is None or not teams:
        return []
    resolver = Resolver(load_pack(viewer.government.pack_id))
    heads = resolver.heads_of_units([team.owner_unit_id for team in teams], on)
    return [t for t in teams if person_of(heads[t.owner_unit_id]) == viewer.employee_id]


def may_decide_step(viewer: Viewer, step: WorkflowStep, on: dt.date) -> bool:
    """Whether the viewer may decide a step of a team's formation on the day (may): the
    engine's answer (the step's actor or recorder, or their delegate)."""
    return (
        viewer.employee_id is not None
        and step.instance.government_id == viewer.government.pk
        and may_act(step, viewer.employee_id, on)
    )


def may_submit_results(employee_id: int, team: Team, on: dt.date) -> bool:
    """Whether the employee submits the team's results for evaluation (may): its lead, or the
    team's manager while it has none (SPEC 4.10: "the individual or team lead submits")."""
    if team.lead_id is not None:
        return team.lead_id == employee_id
    return team_manager(team, on) == employee_id


def reports_visible_to(
    viewer: Viewer, on: dt.date | None = None, *, only: list[int] | None = None
) -> QuerySet[TeamReport]:
    """The reports the viewer may open (which): those of the teams they may see (of the teams
    `only` names, when given)."""
    return TeamReport.objects.filter(team__in=teams_visible_to(viewer, on, only=only))


def may_see_report(viewer: Viewer, report: TeamReport) -> bool:
    """Whether the viewer may open a report (may)."""
    return reports_visible_to(viewer, only=[report.team_id]).filter(pk=report.pk).exists()


# Team work (planning and execution): seeing a team's work (plan, progress, obstacles,
# evidence) is seeing the team; whoever may not see it gets "not found" for all of it.

LEAD = TeamMember.Role.LEAD
MEMBER = TeamMember.Role.MEMBER


def work_role(team: Team, employee_id: int | None) -> str | None:
    """LEAD or MEMBER for a person currently on the team, else None (who)."""
    if employee_id is None:
        return None
    cache = getattr(team, "_prefetched_objects_cache", {})
    if "memberships" in cache:  # a read prefetched the team's people
        return next(
            (
                m.role
                for m in cache["memberships"]
                if m.employee_id == employee_id and m.status == TeamMember.Status.ACTIVE
            ),
            None,
        )
    return (
        TeamMember.objects.filter(
            team=team, employee_id=employee_id, status=TeamMember.Status.ACTIVE
        )
        .values_list("role", flat=True)
        .first()
    )


def appraiser_of(team: Team, employee_id: int, on: dt.date) -> int | None:
    """The member's own (home) appraiser on the day (who): the one a read primed on the
    instance for everyone on the team (`officials.officials_prime`), else resolved (1 query)."""
    officials = primed(team, on)
    if officials is not None and employee_id in officials.appraisers:
        return officials.appraisers[employee_id]
    return person_of(resolver_for(team).appraiser(employee_id, on))


def may_add_evidence(team: Team, employee_id: int | None, on: dt.date) -> bool:
    """Evidence is added to an active team's work by the people on it, its Pengendali and
    the head of its owner unit (may)."""
    if employee_id is None or team.status != Team.Status.ACTIVE:
        return False
    return (
        work_role(team, employee_id) is not None
        or team.pengendali_id == employee_id
        or team_manager(team, on) == employee_id
    )


def may_see_evidence(viewer: Viewer, evidence: EvidenceFile, on: dt.date) -> bool:
    """Evidence is seen by exactly those who may see its team's work (may)."""
    return evidence.government_id == viewer.government.pk and may_see_team_work(
        viewer, evidence.team, on
    )


# Reports and evaluation: a report is seen by those who may see its team; it is submitted by
# its author, and each step of its chain (or of the evaluation's) decided by its actor.

REPORTING_STATUSES = (Team.Status.ACTIVE, Team.Status.EXPIRED)


def may_submit_report(viewer: Viewer, report: TeamReport) -> bool:
    """Whether the viewer submits the report now (may): its author, while it is due or
    returned and the team's work is not declared complete."""
    return (
        viewer.employee_id is not None
        and report.government_id == viewer.government.pk
        and report.author_id == viewer.employee_id
        and report.status in (TeamReport.Status.DUE, TeamReport.Status.RETURNED)
    )


def may_submit_team_results(viewer: Viewer, team: Team, on: dt.date) -> bool:
    """Whether the viewer submits the team's results for evaluation (may)."""
    return (
        viewer.employee_id is not None
        and team.government_id == viewer.government.pk
        and team.status in REPORTING_STATUSES
        and may_submit_results(viewer.employee_id, team, on)
    )


def work_steps_for(viewer: Viewer) -> QuerySet[WorkflowStep]:
    """The open steps of teams' reports and evaluations the viewer decides (which): their
    snapshotted actor (a delegate acts from the report's page), reports due excepted."""
    if viewer.employee_id is None:
        return WorkflowStep.objects.none()
    # A report's own "submit" step is its author's report due, listed apart.
    return WorkflowStep.objects.filter(
        actor_id=viewer.employee_id,
        status=WorkflowStep.Status.OPEN,
        instance__government_id=viewer.government.pk,
        instance__subject_type__in=WORK_SUBJECTS,
    ).exclude(instance__subject_type="teams.report", step_key="submit")


def may_demand_report(viewer: Viewer, team: Team, on: dt.date) -> bool:
    """Whether the viewer may demand a report of the team's people at any time (may): its
    manager, where the pack grants the power (V-53; checked again by the service)."""
    return team.status in REPORTING_STATUSES and may_manage_team(viewer, team, on)


def teamwork_of(team: Team) -> TeamWork | None:
    """The pack's planning and execution settings for the team's government (None: the pack
    does not describe team work)."""
    return load_pack(team.government.pack_id).data.teamwork


def work_official(team: Team, role: str, on: dt.date, *, about: int | None = None) -> int | None:
    """The employee who holds a work role of the pack (`WorkActor`) for the team on the day:
    the head of its owner unit, its lead, its Pengendali, or the appraiser of `about` (the
    lead when no one is named) (who)."""
    if role == "unit_head":
        return team_manager(team, on)
    if role == "team_lead":
        return team.lead_id
    if role == "pengendali":
        return team.pengendali_id
    subject = about if about is not None else team.lead_id
    return appraiser_of(team, subject, on) if subject is not None else None


def work_role_of(
    team: Team,
    roles: tuple[str, ...],
    employee_id: int | None,
    on: dt.date,
    *,
    about: int | None = None,
) -> str | None:
    """The first of the pack's `roles` the person holds for the team on the day (which)."""
    if employee_id is None:
        return None
    for role in roles:
        if work_official(team, role, on, about=about) == employee_id:
            return role
    return None


def may_plan(team: Team, employee_id: int | None) -> bool:
    """The lead draws up the detailed plan of an active team (K1) (may)."""
    return team.status == Team.Status.ACTIVE and work_role(team, employee_id) == LEAD


def may_report_progress(team: Team, employee_id: int | None) -> bool:
    """The lead and members report their work on an active team (A3, E3) (may)."""
    return team.status == Team.Status.ACTIVE and work_role(team, employee_id) is not None


def may_give_feedback(team: Team, employee_id: int | None, about: int, on: dt.date) -> bool:
    """Feedback on a member's work comes from the officials the pack names (may)."""
    work = teamwork_of(team)
    return (
        work is not None
        and team.status == Team.Status.ACTIVE
        and employee_id != about
        and work_role_of(team, work.feedback.by, employee_id, on, about=about) is not None
    )


def may_monitor(team: Team, employee_id: int | None, on: dt.date) -> bool:
    """The team's work is monitored by the officials the pack names (V-30, V-30a) (may)."""
    work = teamwork_of(team)
    return (
        work is not None
        and team.status == Team.Status.ACTIVE
        and work_role_of(team, work.monitoring.by, employee_id, on) is not None
    )


def may_raise_obstacle(team: Team, employee_id: int | None, on: dt.date) -> bool:
    """Teams escalate through the people the pack (or the product) names: the lead (may)."""
    work = teamwork_of(team)
    return (
        work is not None
        and team.status == Team.Status.ACTIVE
        and work_role_of(team, work.issues.raised_by, employee_id, on) is not None
    )


def may_decide_obstacle(obstacle: Obstacle, employee_id: int | None) -> bool:
    """An obstacle is decided by one of its first targets, snapshotted when raised (may)."""
    return (
        obstacle.status == Obstacle.Status.UNDER_DECISION
        and employee_id is not None
        and employee_id in obstacle.targets
    )


def may_follow_up_obstacle(obstacle: Obstacle, employee_id: int | None) -> bool:
    """A follow-up is recorded by the decider's side, a collaborating head or the raiser
    while the obstacle is open (may)."""
    return (
        obstacle.status in {Obstacle.Status.DECIDED, Obstacle.Status.COLLABORATION}
        and employee_id is not None
        and (
            employee_id in obstacle.targets
            or employee_id in obstacle.collaborators
            or employee_id == obstacle.raised_by_id
        )
    )


def may_open_rework(team: Team, employee_id: int | None, on: dt.date) -> bool:
    """Off-target work is sent to rework by the head of the owner unit (may)."""
    return team.status == Team.Status.ACTIVE and team_manager(team, on) == employee_id


def may_decide_plan(plan: TeamPlan, employee_id: int | None) -> bool:
    """A submitted plan is set or returned by its approver, snapshotted at submission (may)."""
    return plan.status == TeamPlan.Status.SUBMITTED and plan.approver_id == employee_id


def may_record_dialogue(
    team: Team, employee_id: int | None, about: int, with_roles: tuple[str, ...], on: dt.date
) -> bool:
    """An expectation dialogue (V-59) is recorded by the unit head or the member's appraiser,
    as the pack names them, for someone on the team (may)."""
    return (
        work_role(team, about) is not None
        and work_role_of(team, with_roles, employee_id, on, about=about) is not None
    )


def may_close_rework(rework: Rework, employee_id: int | None) -> bool:
    """Rework is recorded done by its owner (may)."""
    return rework.status == Rework.Status.OPEN and rework.owner_id == employee_id


def may_see_team_work(viewer: Viewer, team: Team, on: dt.date) -> bool:
    """A team's work (plan, progress, evidence, obstacles) is seen by exactly those who may
    see the team on the day (`teams_visible_to`) (may)."""
    return team.government_id == viewer.government.pk and may_see_team(viewer, team, on)


DIALOGUE_WITH = ("unit_head", "appraiser")


def dialogue_roles(team: Team) -> tuple[str, ...]:
    """Who holds a member's expectation dialogue (V-59's `with`, by default the unit head or
    the appraiser) (who)."""
    pack = load_pack(team.government.pack_id)
    if not pack.has_rule("V-59"):
        return DIALOGUE_WITH
    return tuple(pack.rule("V-59").params.get("with", DIALOGUE_WITH))


# Training-need proposals (V-62): proposed by the head of the unit, of a unit above it or of its
# agency on the day, or by the person such a head delegated performance management to; decided
# by the HR agency, the government's BKPSDM operators (`Account.Role.BKPSDM_ADMIN`); seen by
# BKPSDM, the auditor and the Sekda (the whole government), the proposer, the person proposed
# for and the heads of the proposal's unit or of the units above it.


def unit_and_above(unit: OrgUnit) -> list[str]:
    """The materialised paths of the unit and of every unit above it in its agency (a path is
    each unit's id in PATH_STEP digits, each followed by a dot: "00000002.00000006.")."""
    step = PATH_STEP + 1
    return [unit.path[:end] for end in range(step, len(unit.path) + 1, step)]


def _proposing_heads(unit: OrgUnit, on: dt.date) -> QuerySet[Placement]:
    """The placements of the heads of the unit, of the units above it and of its agency."""
    return Placement.objects.effective_on(on).filter(
        government_id=unit.government_id,
        position__is_head=True,
        position__unit__path__in=unit_and_above(unit),
    )


def _proposing_delegations(employee_id: int, unit: OrgUnit, on: dt.date) -> QuerySet[Delegation]:
    """The delegations of performance management in force on the day from such a head to the
    employee."""
    return Delegation.objects.effective_on(on).filter(
        government_id=unit.government_id,
        to_employee_id=employee_id,
        scope=Delegation.Scope.PERF_MGMT,
        from_employee_id__in=_proposing_heads(unit, on).values("employee_id"),
    )


def may_propose_for_unit(employee_id: int | None, unit: OrgUnit, on: dt.date) -> bool:
    """V-62 (may): the head of the unit, of a unit above it or of its agency on the day
    proposes training for the unit's people, or the person to whom such a head delegated
    performance management (in force on the day). Resolved fresh: 1 query."""
    if employee_id is None:
        return False
    heads = _proposing_heads(unit, on)
    delegated = _proposing_delegations(employee_id, unit, on)
    return (
        Employee.objects.filter(pk=employee_id, government_id=unit.government_id)
        .filter(Exists(heads.filter(employee_id=OuterRef("pk"))) | Exists(delegated))
        .exists()
    )


def _appraisee_code(position: Position) -> str:
    """A position's code as a delegation's grades name it: its JF grade, 'PLK', or its kind."""
    if position.kind == Position.Kind.FUNGSIONAL:
        return position.grade
    if position.kind == Position.Kind.PELAKSANA:
        return "PLK"
    return str(position.kind)


def delegation_covers(delegation: Delegation, placement: Placement) -> bool:
    """Whether a delegation reaches the person of a placement, within the limits it carries
    as the resolver applies them to an appraisal delegation: the grades it names (Blitar V-41,
    by grade), the unit it is limited to (and the units below), never the delegate themself."""
    if placement.employee_id == delegation.to_employee_id:
        return False
    code = _appraisee_code(placement.position)
    if delegation.grades and f",{code}," not in delegation.grades:
        return False
    unit = delegation.unit
    return unit is None or placement.position.unit.path.startswith(unit.path)


def proposal_delegation_limit(
    employee_id: int, unit: OrgUnit, person_id: int, on: dt.date
) -> Delegation | None:
    """V-62 for one person (may): None when the employee may propose for the person placed in
    the unit, as a head of it or above it, or under a delegation of performance management
    whose limits reach the person; else the delegation whose limits keep them out (to cite)."""
    if _proposing_heads(unit, on).filter(employee_id=employee_id).exists():
        return None
    delegations = list(_proposing_delegations(employee_id, unit, on).select_related("unit"))
    placements = list(
        Placement.objects.effective_on(on)
        .filter(employee_id=person_id, position__unit__path__startswith=unit.path)
        .select_related("position__unit")
    )
    covered = any(delegation_covers(d, p) for d in delegations for p in placements)
    return None if covered or not delegations else delegations[0]


def may_decide_training(viewer: Viewer) -> bool:
    """The HR agency decides (may): the government's BKPSDM operators (`Account.Role
    .BKPSDM_ADMIN`), never the auditor, who sees and changes nothing."""
    return viewer.is_admin


def may_see_training(viewer: Viewer) -> bool:
    """Whether the viewer may open the proposals list at all: everyone with an account sees
    the proposals that concern them (none, for most)."""
    return viewer.user_id is not None


def training_proposals_visible_to(viewer: Viewer) -> QuerySet[TrainingNeedProposal]:
    """Every proposal the viewer may see (which)."""
    queryset = TrainingNeedProposal.objects.filter(government_id=viewer.government.pk)
    if viewer.is_admin or viewer.is_auditor or viewer.sees_government:
        return queryset
    if viewer.employee_id is None:
        return queryset.none()
    mine = Q(proposed_by_id=viewer.employee_id) | Q(employee_id=viewer.employee_id)
    mine |= Q(unit__agency_id__in=list(viewer.agency_ids))
    for path in viewer.unit_paths:
        mine |= Q(unit__path__startswith=path)
    return queryset.filter(mine)
