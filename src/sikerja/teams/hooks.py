"""The teams app's part in the workflow engine: guards, the Sekda's choice of lead (V-32,
V-36), the lead's input on the members (V-65), letter bodies and inbox titles."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.core.errors import ValidationFailed
from sikerja.organization.models import Employee
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Decision, StepSpec
from sikerja.teams import checks, membership
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import LeadCandidate, Team, TeamMember
from sikerja.teams.parties import TEAM, TeamParties
from sikerja.workflows.actors import Parties
from sikerja.workflows.hooks import RuleWarning, SubjectHooks, SubjectRef
from sikerja.workflows.models import WorkflowInstance

SUBJECT_TYPE = "teams.team"
CROSS = {"cross_unit": ("CROSS_UNIT",), "cross_pd": ("CROSS_PD",)}


def condition_holds(condition: str, *, scope: str, has_lead: bool) -> bool:
    """A guard of the team kind's closed vocabulary, for a team of this scope and lead."""
    if condition == "has_lead":
        return has_lead
    if condition in CROSS:
        return scope in CROSS[condition]
    raise KeyError(condition)


class TeamHooks(SubjectHooks):
    """Team formation's part in the engine."""

    kind = TEAM
    subject_type = SUBJECT_TYPE
    conditions = frozenset({"cross_unit", "cross_pd", "has_lead"})
    condition_labels = {
        "cross_unit": ("lintas unit", "across units"),
        "cross_pd": ("lintas PD", "across agencies"),
        "has_lead": ("ada ketua", "with a lead"),
        "!has_lead": ("tanpa ketua", "without a lead"),
    }

    def parties_from_json(self, data: dict[str, Any]) -> Parties:
        return TeamParties.from_json(data)

    def evaluate(
        self, condition: str, *, instance: WorkflowInstance, data: dict[str, Any], on: dt.date
    ) -> bool:
        if condition == "has_lead":
            return condition_holds(condition, scope="", has_lead=bool(instance.parties.get("lead")))
        scope = Team.objects.values_list("scope", flat=True).get(pk=instance.subject_id)
        return condition_holds(condition, scope=scope, has_lead=False)

    def check_decision(
        self,
        *,
        instance: WorkflowInstance,
        step: StepSpec,
        decision: str,
        data: dict[str, Any],
        on: dt.date,
    ) -> list[RuleWarning]:
        team = Team.objects.select_related("owner_unit").get(pk=instance.subject_id)
        pack = load_pack(instance.pack_id)
        if decision == Decision.APPROVE and "V-36" in step.rules:
            lead = _chosen_lead(team, data)
            checks.transfer_check(pack, team.owner_unit, checks.placement_of(pack, lead, on))
        if decision == Decision.SUBMIT and "V-65" in step.rules and step.actor == "lead":
            membership.members_check(pack, team, [int(pk) for pk in data["member_ids"]], on)
        return []

    def apply_decision(
        self, *, instance: WorkflowInstance, step: StepSpec, decision: str, data: dict[str, Any]
    ) -> None:
        """The Sekda's chosen lead, or the members on the lead's input, join the team."""
        team = Team.objects.get(pk=instance.subject_id)
        parties = TeamParties.from_json(instance.parties)
        if decision == Decision.APPROVE and "V-36" in step.rules:
            lead = _chosen_lead(team, data)
            LeadCandidate.objects.filter(team=team, employee=lead).update(is_chosen=True)
            Team.objects.filter(pk=team.pk).update(lead=lead)
            membership.join(team, [lead.pk], role=TeamMember.Role.LEAD)
            parties.lead = lead.pk
        elif decision == Decision.SUBMIT and step.actor == "lead":
            ids = [int(pk) for pk in data["member_ids"]]
            Team.objects.filter(pk=team.pk).update(lead_input=str(data.get("lead_input", "")))
            membership.join(team, ids, role=TeamMember.Role.MEMBER)
            parties.members = [*parties.members, *ids]
        else:
            return
        instance.parties = parties.as_json()
        WorkflowInstance.objects.filter(pk=instance.pk).update(parties=instance.parties)

    def document_body(self, *, instance: WorkflowInstance) -> dict[str, Any]:
        team = Team.objects.select_related("owner_unit__agency").get(pk=instance.subject_id)
        return membership.letter_body(team)

    def describe(self, instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
        """Title and page of each instance's team (one query)."""
        names = dict(
            Team.objects.filter(pk__in={i.subject_id for i in instances}).values_list("pk", "name")
        )
        return {
            instance.pk: SubjectRef(
                title=names.get(instance.subject_id, ""),
                url=reverse("web:team-detail", args=[instance.subject_id]),
            )
            for instance in instances
        }


def _chosen_lead(team: Team, data: dict[str, Any]) -> Employee:
    """V-32: the Sekda determines the lead from the unit head's candidates."""
    lead_id = data.get("lead_id")
    chosen = (
        Employee.objects.filter(
            pk=lead_id, pk__in=team.candidate_links.values("employee_id")
        ).first()
        if lead_id is not None
        else None
    )
    if chosen is None:
        raise ValidationFailed(
            code=TeamErrorCode.LEAD_NOT_CANDIDATE,
            message=_("Pilih ketua tim dari calon yang diusulkan."),
            fields={"lead_id": _("Bukan calon yang diusulkan.")},
        )
    return chosen
