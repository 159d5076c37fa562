"""Who may see and act on performance records: the one answer, in STYLE §5's shapes.

- may: `may_see_skp`, `may_edit_skp`, `may_rate`, `may_set_pk`, `feedback_giver`,
  `may_acknowledge_feedback`, `may_add_evidence`;
- which: `skps_visible_to`, `skps_to_approve`, `rhks_led_by`, `feedback_visible_to`;
- who: `appraiser_of_record`, `unit_head_of`.

An SKP and its ratings are personal: they are seen by their employee, the officials who head a
unit above the employee's (their superiors), the appraiser named on the SKP and that appraiser's
delegates for performance management or appraisal, and the government's BKPSDM operators and
auditor. A rating is given by the appraiser of record on the day (the resolver's answer, with its
rule and article, a delegate for appraisal included) or one acting for that official under a
delegation of performance management.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from sikerja.organization.models import Agency, Delegation, OrgUnit
from sikerja.organization.resolver import Resolver, RoleAnswer
from sikerja.organization.rules import Viewer
from sikerja.performance.models import Objection, Rating, Rhk, RhkFeedback, RhkProposal, Skp
from sikerja.regulations.loader import load_pack
from sikerja.regulations.performance import StatedRule, stated_rule
from sikerja.regulations.schema.feedback import FeedbackRules
from sikerja.teams.models import Team
from sikerja.workflows.models import WorkflowStep

SKP_SUBJECT = "performance.skp"
OBJECTION_SUBJECT = "performance.objection"

DELEGATED_SCOPES = (Delegation.Scope.APPRAISAL, Delegation.Scope.PERF_MGMT)


def _delegators_of(employee_id: int, on: dt.date, scopes: tuple[str, ...]) -> QuerySet[Delegation]:
    return Delegation.objects.effective_on(on).filter(to_employee_id=employee_id, scope__in=scopes)


def skps_visible_to(viewer: Viewer, on: dt.date) -> QuerySet[Skp]:
    """Every SKP the viewer may open on the day (which)."""
    queryset = Skp.objects.filter(government_id=viewer.government.pk)
    if viewer.sees_government:
        return queryset
    employee_id = viewer.employee_id
    if employee_id is None:
        return queryset.none()
    delegators = _delegators_of(employee_id, on, DELEGATED_SCOPES).values("from_employee_id")
    condition = (
        Q(employee_id=employee_id)
        | Q(appraiser_id=employee_id)
        | Q(appraiser_id__in=delegators)
        | Q(unit__agency_id__in=list(viewer.agency_ids))
    )
    for path in viewer.unit_paths:
        condition |= Q(unit__path__startswith=path)
    return queryset.filter(condition)


def may_see_skp(viewer: Viewer, skp: Skp, on: dt.date) -> bool:
    """Whether the viewer may open the SKP (may)."""
    return skps_visible_to(viewer, on).filter(pk=skp.pk).exists()


def may_edit_skp(employee_id: int, skp: Skp) -> bool:
    """An SKP is drawn up by its own employee, while it is a draft (may)."""
    return skp.employee_id == employee_id and skp.status == Skp.Status.DRAFT


def appraiser_of_record(skp: Skp, on: dt.date) -> RoleAnswer:
    """The employee's Pejabat Penilai Kinerja on the day, with its rule and article (who)."""
    return Resolver(load_pack(skp.government.pack_id)).appraiser(skp.employee_id, on)


def may_rate(employee_id: int, skp: Skp, on: dt.date) -> tuple[bool, RoleAnswer]:
    """Whether the employee may rate the SKP on the day (may): its appraiser of record (the
    resolver names a delegate for appraisal in the appraiser's place), or one who acts for that
    official under a delegation of performance management, as on the SKP's approval step.
    Returns the resolver's answer too, for the refusal's rule and article."""
    answer = appraiser_of_record(skp, on)
    appraiser_id = answer.person.employee_id if answer.person else None
    if appraiser_id is None:
        return False, answer
    if appraiser_id == employee_id:
        return True, answer
    delegated = (
        _delegators_of(employee_id, on, (Delegation.Scope.PERF_MGMT,))
        .filter(from_employee_id=appraiser_id)
        .exists()
    )
    return delegated, answer


def unit_head_of(unit_id: int, pack_id: str, on: dt.date) -> RoleAnswer:
    """The head of a unit on the day (who sets its PK), with its rule and article."""
    return Resolver(load_pack(pack_id)).head_of_unit(unit_id, on)


def level_setter(unit_id: int, pack_id: str, on: dt.date) -> RoleAnswer:
    """Who sets a unit's organisational level (who): the leader one level up, the appraiser of
    the unit's head on the day (P-ORG-PERFORMANCE)."""
    resolver = Resolver(load_pack(pack_id))
    head = resolver.head_of_unit(unit_id, on, "own_unit")
    if head.person is None:
        return head
    return resolver.appraiser(head.person.employee_id, on)


def may_set_pk(employee_id: int, unit_id: int, pack_id: str, on: dt.date) -> bool:
    """A unit's PK is set by its head on the day (may)."""
    head = unit_head_of(unit_id, pack_id, on).person
    return head is not None and head.employee_id == employee_id


def skps_waiting_on(viewer: Viewer, on: dt.date) -> QuerySet[Skp]:
    """Submitted SKPs whose open approval step the viewer may decide on the day: as its actor,
    or as a delegate for performance management of its actor (which)."""
    employee_id = viewer.employee_id
    if employee_id is None:
        return Skp.objects.none()
    principals = [
        employee_id,
        *_delegators_of(employee_id, on, (Delegation.Scope.PERF_MGMT,)).values_list(
            "from_employee_id", flat=True
        ),
    ]
    steps = WorkflowStep.objects.filter(
        instance__subject_type=SKP_SUBJECT,
        status=WorkflowStep.Status.OPEN,
        actor_id__in=principals,
    ).values("instance__subject_id")
    return Skp.objects.filter(
        government_id=viewer.government.pk, status=Skp.Status.SUBMITTED, pk__in=steps
    )


def may_decide_skp(viewer: Viewer, skp: Skp, on: dt.date) -> bool:
    """Whether the viewer may approve or return the submitted SKP on the day (may): the open
    step's actor, or one acting for them under a delegation of performance management."""
    if viewer.employee_id is None or skp.status != Skp.Status.SUBMITTED:
        return False
    return skps_waiting_on(viewer, on).filter(pk=skp.pk).exists()


def may_record_dialogue(employee_id: int, skp: Skp, on: dt.date) -> tuple[bool, RoleAnswer]:
    """A dialogue on an SKP is recorded by its employee or its appraiser of record on the day
    (may), with the resolver's answer naming the appraiser."""
    answer = appraiser_of_record(skp, on)
    appraiser_id = answer.person.employee_id if answer.person else None
    return appraiser_id is not None and employee_id in {skp.employee_id, appraiser_id}, answer


def may_set_level(employee_id: int, unit_id: int, pack_id: str, on: dt.date) -> bool:
    """Whether the employee sets the unit's organisational level on the day (may)."""
    setter = level_setter(unit_id, pack_id, on).person
    return setter is not None and setter.employee_id == employee_id


def may_object(employee_id: int, rating: Rating) -> bool:
    """A signed rating is objected to by its own employee only (may; P-OBJECTION)."""
    return rating.skp.employee_id == employee_id and rating.status == Rating.Status.SIGNED


def _objection_principals(employee_id: int, on: dt.date) -> list[int]:
    return [
        employee_id,
        *_delegators_of(employee_id, on, (Delegation.Scope.PERF_MGMT,)).values_list(
            "from_employee_id", flat=True
        ),
    ]


def objections_waiting_on(viewer: Viewer, on: dt.date) -> QuerySet[Objection]:
    """Open objections whose decision step the viewer may decide on the day: as its actor (the
    appraiser's superior) or acting for them under a delegation of performance management
    (which)."""
    employee_id = viewer.employee_id
    if employee_id is None:
        return Objection.objects.none()
    steps = WorkflowStep.objects.filter(
        instance__subject_type=OBJECTION_SUBJECT,
        status=WorkflowStep.Status.OPEN,
        actor_id__in=_objection_principals(employee_id, on),
    ).values("instance__subject_id")
    return Objection.objects.filter(
        government_id=viewer.government.pk, status=Objection.Status.OPEN, pk__in=steps
    )


def objections_visible_to(viewer: Viewer, on: dt.date) -> QuerySet[Objection]:
    """Objections the viewer may open (which): those on the ratings of the SKPs they see, those
    waiting on them, and those they decided."""
    queryset = Objection.objects.filter(government_id=viewer.government.pk)
    if viewer.sees_government:
        return queryset
    condition = Q(rating__skp__in=skps_visible_to(viewer, on)) | Q(
        pk__in=objections_waiting_on(viewer, on).values("pk")
    )
    if viewer.employee_id is not None:
        condition |= Q(decided_by_id=viewer.employee_id)
    return queryset.filter(condition)


def may_decide_objection(viewer: Viewer, objection: Objection, on: dt.date) -> bool:
    """Whether the viewer decides the open objection on the day (may)."""
    if objection.status != Objection.Status.OPEN:
        return False
    return objections_waiting_on(viewer, on).filter(pk=objection.pk).exists()


def unit_ratings_visible_to(viewer: Viewer) -> QuerySet[OrgUnit]:
    """The units whose ratings board (the curve and its simulator) the viewer may open (which):
    a unit they head or one below it, every unit of an agency they head, every unit for the
    Sekda, the BKPSDM operators and the auditor."""
    queryset = OrgUnit.objects.filter(government_id=viewer.government.pk)
    if viewer.sees_government:
        return queryset
    condition = Q(agency_id__in=list(viewer.agency_ids))
    for path in viewer.unit_paths:
        condition |= Q(path__startswith=path)
    return queryset.filter(condition)


def performance_agencies_visible_to(viewer: Viewer) -> QuerySet[Agency]:
    """The agencies whose performance dashboard the viewer may open (which): the one they head
    (head of the Perangkat Daerah); every agency for the Sekda, BKPSDM and the auditor."""
    queryset = Agency.objects.filter(government_id=viewer.government.pk)
    if viewer.sees_government:
        return queryset
    return queryset.filter(pk__in=list(viewer.agency_ids))


FEEDBACK_RULE = "P-FEEDBACK"


@dataclass(frozen=True)
class FeedbackGiver:
    """Who may give feedback on an RHK on a day: the role they give it in (`APPRAISER`,
    `DELEGATE`, `TEAM_LEAD`; "" for no one), and P-FEEDBACK as the pack states it."""

    role: str
    rule: StatedRule[FeedbackRules]


def feedback_rule(pack_id: str) -> StatedRule[FeedbackRules]:
    """P-FEEDBACK as the government's pack states it, else as the national baseline does."""
    return stated_rule(load_pack(pack_id), FEEDBACK_RULE, FeedbackRules)


def rhks_led_by(employee_id: int, government_id: int) -> QuerySet[Rhk]:
    """The RHK a team the employee leads fed into its members' SKPs (which): the lead gives
    feedback on them (P-FEEDBACK `team_lead`), never on an RHK of their own."""
    teams = Team.objects.filter(government_id=government_id, lead_id=employee_id).values("pk")
    fed = RhkProposal.objects.filter(
        government_id=government_id,
        source=RhkProposal.Source.TEAM,
        status=RhkProposal.Status.ACCEPTED,
        source_id__in=teams,
    ).values("rhk_id")
    return Rhk.objects.filter(government_id=government_id, pk__in=fed).exclude(
        skp__employee_id=employee_id
    )


def feedback_giver(employee_id: int, skp: Skp, rhk: Rhk, on: dt.date) -> FeedbackGiver:
    """In which role, if any, the employee gives feedback on the SKP's RHK on the day (may):
    the appraiser of record (`may_rate`: a delegate for appraisal in the appraiser's place, or
    one acting under a delegation of performance management) and, for an RHK a team fed, that
    team's lead, as far as the pack's P-FEEDBACK names them. Never the employee themself."""
    stated = feedback_rule(skp.government.pack_id)
    if employee_id == skp.employee_id:
        return FeedbackGiver("", stated)
    if "appraiser" in stated.params.by:
        allowed, answer = may_rate(employee_id, skp, on)
        if allowed and answer.person is not None:
            own = answer.person.employee_id == employee_id and answer.delegation_id is None
            return FeedbackGiver(
                RhkFeedback.GiverRole.APPRAISER if own else RhkFeedback.GiverRole.DELEGATE, stated
            )
    if "team_lead" in stated.params.by and (
        rhks_led_by(employee_id, skp.government_id).filter(pk=rhk.pk).exists()
    ):
        return FeedbackGiver(RhkFeedback.GiverRole.TEAM_LEAD, stated)
    return FeedbackGiver("", stated)


def feedback_visible_to(viewer: Viewer, on: dt.date) -> QuerySet[RhkFeedback]:
    """Feedback the viewer may read (which): on the SKPs they may see, and what they gave
    themself (a team lead sees their own feedback, not the member's SKP)."""
    queryset = RhkFeedback.objects.filter(government_id=viewer.government.pk)
    condition = Q(skp__in=skps_visible_to(viewer, on))
    if viewer.employee_id is not None:
        condition |= Q(given_by_id=viewer.employee_id)
    return queryset.filter(condition)


def may_acknowledge_feedback(employee_id: int, feedback: RhkFeedback) -> bool:
    """Feedback is acknowledged (and answered) once, by the employee whose RHK it is (may)."""
    return feedback.skp.employee_id == employee_id and feedback.acknowledged_at is None


def may_add_evidence(employee_id: int, skp: Skp, on: dt.date) -> bool:
    """Evidence of an RHK is attached by the SKP's employee or by the one who may rate the SKP
    on the day (`may_rate`) (may)."""
    return employee_id == skp.employee_id or may_rate(employee_id, skp, on)[0]
