"""Forming a team on the pack's WF-TEAM flow: propose it, decide its steps, activate it.

The flow is the pack's (kind "team"): Surakarta's three candidates and the Sekda's choice,
Blitar's lead before members, the other packs' instrument by scope. The rules of SPEC §5.3 are
checked here when the team is proposed and by the hooks when a step is decided.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee, OrgUnit, Placement
from sikerja.regulations.loader import LoadedPack, load_pack
from sikerja.regulations.schema.workflows import TeamDefinition
from sikerja.teams import checks, membership, outside
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.hooks import SUBJECT_TYPE
from sikerja.teams.inputs import TeamInput
from sikerja.teams.models import LeadCandidate, Team, TeamMember
from sikerja.teams.parties import TeamParties
from sikerja.teams.services.common import audit_team
from sikerja.workflows import engine
from sikerja.workflows.actors import ActorContext
from sikerja.workflows.engine import justify
from sikerja.workflows.errors import WorkflowErrorCode
from sikerja.workflows.hooks import RuleWarning
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

TEAM_FLOW = "WF-TEAM"
INSTRUMENT_OF = {
    "DECREE": Team.Instrument.KEPUTUSAN,
    "ORDER_LETTER": Team.Instrument.SURAT_PERINTAH,
    "ASSIGNMENT_LETTER": Team.Instrument.SURAT_TUGAS,
}


def team_definition(pack: LoadedPack) -> TeamDefinition:
    """The pack's team formation flow. Raises RuleViolation when the pack has none."""
    definition = pack.data.workflows.get(TEAM_FLOW)
    if not isinstance(definition, TeamDefinition) or not definition.allowed:
        raise RuleViolation(
            code=WorkflowErrorCode.FLOW_NOT_PROVIDED,
            message=_("Pembentukan tim kerja tidak diatur dalam %(pack)s.") % {"pack": pack.short},
            citation=pack.short,
        )
    return definition


def uses_candidates(definition: TeamDefinition) -> bool:
    """Whether the lead is determined later from proposed candidates (a step checks V-36)."""
    return any("V-36" in step.rules for step in definition.steps)


def team_propose(
    *,
    requester: Employee,
    data: TeamInput,
    at: dt.datetime,
    on: dt.date,
    owner_unit_id: int | None = None,
) -> Team:
    """Propose a team and submit it as the first step of the pack's WF-TEAM flow.

    Implements: V-04/V-36 (lead's origin), V-05 (lead's position), V-06/V-64 (period), V-07
    (candidates), V-08 (workload), V-09/V-10 (sub-activities, naming), V-11/V-12/V-67
    (Pengendali), V-31 (lead required), V-33 (member kinds), V-34 (basis), V-65 (lead first),
    V-66 (activity PK). Raises RuleViolation, ValidationFailed.
    """
    pack = load_pack(requester.government.pack_id)
    definition = team_definition(pack)
    owner = owner_unit_of(pack, requester, owner_unit_id, on)
    texts_check(pack, data)
    period = checks.period_check(pack, data.starts_on, data.ends_on)
    lead, people, warnings = _people_check(pack, definition, owner, data, on)
    checks.workload_check(pack, data)
    checks.sub_activities_check(pack, data, on)
    checks.records_check(pack, data)
    pengendali = pengendali_of(pack, requester, data, on, owner)
    justifications = justify(warnings, data.justification)
    scope = membership.widest_scope(pack, owner, people)
    with transaction.atomic():
        team = _create(pack, definition, requester, owner, data, period, scope, lead, pengendali)
        Team.objects.filter(pk=team.pk).update(justifications=justifications)
        _name_people(team, data, lead)
        instance = _start(pack, team, requester, data, lead, at, on)
        first = instance.steps.get(status=WorkflowStep.Status.OPEN)
        engine.step_decide(step_id=first.pk, by=requester, decision="submit", at=at, on=on)
        audit_team(team, requester, "team.proposed", at, after={"scope": scope})
        outside.request_for_members(pack, team, requester, at, on)
    team.refresh_from_db()
    return team


def owner_unit_of(
    pack: LoadedPack, requester: Employee, owner_unit_id: int | None, on: dt.date
) -> OrgUnit:
    """The requester's own unit, or a unit under it they name as the team's owner."""
    own = checks.placement_of(pack, requester, on).position.unit
    if owner_unit_id is None:
        return own
    owner = OrgUnit.objects.filter(pk=owner_unit_id, government_id=requester.government_id).first()
    if owner is None or not checks.is_within(owner, own):
        raise ValidationFailed(
            code=TeamErrorCode.UNKNOWN_VALUE,
            message=_("Unit pemilik kinerja berada di bawah unit pengusul."),
            fields={"owner_unit_id": _("Tidak ditemukan di bawah unit Anda.")},
        )
    return owner


def texts_check(pack: LoadedPack, data: TeamInput) -> None:
    missing = {
        name: _("Wajib diisi.")
        for name, value in (("name", checks.team_name(pack, data)), ("purpose", data.purpose))
        if not value.strip()
    }
    if missing:
        raise ValidationFailed(
            code=TeamErrorCode.MISSING_FIELDS,
            message=_("Nama dan tujuan tim kerja wajib diisi."),
            fields=missing,
        )


def _people_check(
    pack: LoadedPack, definition: TeamDefinition, owner: OrgUnit, data: TeamInput, on: dt.date
) -> tuple[Employee | None, list[Placement], list[RuleWarning]]:
    """The lead (or candidates) and the members, each placed and admitted by the pack."""
    government_id = owner.government_id
    candidates = uses_candidates(definition)
    if (candidates and data.lead_id is not None) or (not candidates and data.candidate_ids):
        field = "lead_id" if candidates else "candidate_ids"
        raise ValidationFailed(
            code=TeamErrorCode.UNKNOWN_VALUE,
            message=_("Ketua tim ditetapkan dari calon yang diusulkan menurut %(pack)s.")
            % {"pack": pack.short}
            if candidates
            else _("%(pack)s tidak mengatur calon ketua tim.") % {"pack": pack.short},
            fields={field: _("Isian ini tidak berlaku.")},
        )
    checks.lead_required_check(pack, data)
    if candidates:
        checks.candidates_check(pack, data)
    if definition.lead_first and data.lead_id is not None:
        checks.lead_first_check(pack, data)
    lead_ids = [data.lead_id] if data.lead_id is not None else list(data.candidate_ids)
    leads = [
        checks.placement_of(pack, e, on)
        for e in membership.people(government_id, lead_ids, "lead_id")
    ]
    checks.lead_kind_check(pack, leads)
    member_ids = [pk for pk in dict.fromkeys(data.member_ids) if pk != data.lead_id]
    members = [
        checks.placement_of(pack, e, on)
        for e in membership.people(government_id, member_ids, "member_ids")
    ]
    checks.member_kind_check(pack, members)
    lead = leads[0] if data.lead_id is not None else None
    people = [*([lead] if lead else []), *members]
    scope = membership.widest_scope(pack, owner, people)
    warnings = checks.lead_origin_warnings(pack, owner, lead, scope) if lead else []
    return (lead.employee if lead else None), people, warnings


def pengendali_of(
    pack: LoadedPack, requester: Employee, data: TeamInput, on: dt.date, owner: OrgUnit
) -> Employee | None:
    if data.pengendali_id is None:
        return None
    (person,) = membership.people(requester.government_id, [data.pengendali_id], "pengendali_id")
    placement = checks.placement_of(pack, person, on)
    checks.pengendali_check(pack, data, placement, owner.agency)
    return person


def _create(
    pack: LoadedPack,
    definition: TeamDefinition,
    requester: Employee,
    owner: OrgUnit,
    data: TeamInput,
    period: tuple[dt.date, dt.date],
    scope: str,
    lead: Employee | None,
    pengendali: Employee | None,
) -> Team:
    return Team.objects.create(
        government_id=requester.government_id,
        owner_unit=owner,
        requester=requester,
        workflow_key=TEAM_FLOW,
        instrument=definition.instrument,
        scope=scope,
        name=checks.team_name(pack, data),
        purpose=data.purpose.strip(),
        activity_ref=data.activity_ref.strip(),
        sub_activities=[{"name": a.name, "holder_id": a.holder_id} for a in data.sub_activities],
        cascaded_from=data.cascaded_from.strip(),
        agency_type=owner.agency.agency_type,
        composition_basis=data.composition_basis.strip(),
        competencies=[c.strip() for c in data.competencies if c.strip()],
        expected_target=data.expected_target.strip(),
        appraiser_consideration=data.appraiser_consideration.strip(),
        lead_role_abk=data.lead_role_abk,
        abk_reference=data.abk_reference.strip(),
        starts_on=period[0],
        ends_on=period[1],
        lead=lead,
        pengendali=pengendali,
        pengendali_activity=data.pengendali_activity.strip(),
    )


def _name_people(team: Team, data: TeamInput, lead: Employee | None) -> None:
    LeadCandidate.objects.bulk_create(
        LeadCandidate(government_id=team.government_id, team=team, employee_id=pk, order=order)
        for order, pk in enumerate(dict.fromkeys(data.candidate_ids))
    )
    if lead is not None:
        membership.join(team, [lead.pk], role=TeamMember.Role.LEAD)
    member_ids = [pk for pk in dict.fromkeys(data.member_ids) if pk != data.lead_id]
    links = membership.join(team, member_ids, role=TeamMember.Role.MEMBER)
    for link in links:
        text = data.responsibilities.get(link.employee_id, "")
        if text:
            TeamMember.objects.filter(pk=link.pk).update(responsibility=text.strip())


def _start(
    pack: LoadedPack,
    team: Team,
    requester: Employee,
    data: TeamInput,
    lead: Employee | None,
    at: dt.datetime,
    on: dt.date,
) -> WorkflowInstance:
    parties = parties_of(requester, team.owner_unit_id, data, lead)
    first_actor_check(pack, requester, parties, on)
    return engine.instance_start(
        government_id=requester.government_id,
        pack=pack,
        key=TEAM_FLOW,
        subject_type=SUBJECT_TYPE,
        subject_id=team.pk,
        parties=parties,
        requester_id=requester.pk,
        at=at,
        on=on,
    )


def parties_of(
    requester: Employee, owner_unit_id: int, data: TeamInput, lead: Employee | None
) -> TeamParties:
    """The sides of the proposal's formation: the lead once named, the candidates, the members."""
    return TeamParties(
        requester=requester.pk,
        owner_unit=owner_unit_id,
        lead=lead.pk if lead else None,
        candidates=list(dict.fromkeys(data.candidate_ids)),
        members=[pk for pk in dict.fromkeys(data.member_ids) if pk != data.lead_id],
    )


def first_actor_check(
    pack: LoadedPack, requester: Employee, parties: TeamParties, on: dt.date
) -> None:
    """The proposer is the actor of the flow's first step (V-32). Raises RuleViolation."""
    definition = team_definition(pack)
    ctx = ActorContext(pack, definition.kind, parties, requester.government_id, on)
    first = ctx.resolve(definition.step(definition.start).actor)
    if first.employee_id != requester.pk:
        raise RuleViolation(
            code=TeamErrorCode.NOT_FIRST_ACTOR,
            message=_("Tim kerja diusulkan oleh %(actor)s.")
            % {"actor": first.person.name if first.person else definition.start},
            rule=first.rule or "V-32",
            citation=pack.cite(definition.step(definition.start).citation),
        )


def team_decide(
    *,
    step_id: int,
    by: Employee,
    decision: str,
    at: dt.datetime,
    on: dt.date,
    reason: str = "",
    lead_id: int | None = None,
    member_ids: list[int] | None = None,
    lead_input: str = "",
    justification: str = "",
) -> Team:
    """Decide an open step of a team's formation; the last approval activates the team.

    Implements: V-32 and V-36 (the Sekda's choice of lead), V-65 (members on the lead's input),
    V-70 (each issuer may refuse, with a reason). Raises NotFound, StaleState, RuleViolation.
    """
    step = WorkflowStep.objects.filter(pk=step_id, instance__subject_type=SUBJECT_TYPE).first()
    if step is None:
        raise NotFound()
    data: dict[str, Any] = {"lead_input": lead_input.strip()}
    if lead_id is not None:
        data["lead_id"] = lead_id
    if member_ids is not None:
        data["member_ids"] = [int(pk) for pk in member_ids]
    with transaction.atomic():
        decided = engine.step_decide(
            step_id=step_id,
            by=by,
            decision=decision,
            at=at,
            on=on,
            reason=reason,
            justification=justification,
            data=data,
        )
        instance = WorkflowInstance.objects.get(pk=decided.instance_id)
        team = Team.objects.select_for_update().get(pk=instance.subject_id)
        pack = load_pack(instance.pack_id)
        outside.request_for_members(pack, team, team.requester, at, on)
        if instance.status == WorkflowInstance.Status.APPROVED:
            _activate(team, instance, by, at, on)
        elif instance.status == WorkflowInstance.Status.REJECTED:
            Team.objects.filter(pk=team.pk).update(status=Team.Status.REJECTED, end_reason=reason)
            audit_team(team, by, "team.rejected", at, after={"reason": reason.strip()})
    team.refresh_from_db()
    return team


def _activate(
    team: Team, instance: WorkflowInstance, by: Employee, at: dt.datetime, on: dt.date
) -> None:
    """The instrument is issued: the team and everyone named on it are active from today."""
    from sikerja.documents.models import Letter

    doc_type = (
        Letter.objects.filter(workflow_instance_id=instance.pk)
        .order_by("-pk")
        .values_list("doc_type", flat=True)
        .first()
    )
    instrument = INSTRUMENT_OF.get(doc_type or "", team.instrument)
    Team.objects.filter(pk=team.pk, status=Team.Status.FORMING).update(
        status=Team.Status.ACTIVE, set_on=on, instrument=instrument
    )
    TeamMember.objects.filter(team=team, status=TeamMember.Status.PROPOSED).update(
        status=TeamMember.Status.ACTIVE
    )
    audit_team(team, by, "team.activated", at, after={"instrument": instrument})
