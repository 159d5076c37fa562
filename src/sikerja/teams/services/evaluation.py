"""Evaluating a team's results up the pack's chain for its unit type until the official the
pack names declares the work complete and on target (WF-MECH 4.10, WF-EVAL 4.14, V-57).

The chain is pack data on the engine: each reviewer passes on only results on target (V-57),
or returns them with a reason (to the lead, or in Surakarta to the unit head for rework, V-58);
the last official's approval is the declaration, which makes the team's work read-only.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import NotFound, PermissionDenied, StaleState, ValidationFailed
from sikerja.organization.models import Employee, OrgUnit
from sikerja.regulations.loader import load_pack
from sikerja.teams import rules
from sikerja.teams.completion import team_open_check
from sikerja.teams.errors import TeamErrorCode
from sikerja.teams.models import Rework, Team, TeamEvaluation, TeamReport
from sikerja.teams.services.common import audit_team
from sikerja.teams.services.evidence import Upload, evidence_files_kept
from sikerja.teams.services.report_evidence import OWNER_EVALUATION, evidence_attach
from sikerja.teams.services.reports import REPORTING, evidence_check, reporting_of, work_parties
from sikerja.teams.services.work_common import teamwork
from sikerja.teams.work_hooks import EVALUATION_SUBJECT
from sikerja.workflows import engine
from sikerja.workflows.engine import definition_of
from sikerja.workflows.lifecycle import instances_close_open
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

ON_TARGET = "sesuai dengan target yang diharapkan"
"""The statement a declaration of completion records (SPEC 4.14)."""


def team_evaluation_submit(
    *,
    team_id: int,
    by: Employee,
    results: str,
    at: dt.datetime,
    on: dt.date,
    evidence_ids: list[int] | None = None,
    uploads: list[Upload] | None = None,
) -> TeamEvaluation:
    """The lead (or, for a team without one, its manager) submits the team's results to the
    first reviewer of the pack's evaluation chain for the owner's unit type.

    Implements: V-29 (evidence), V-57 (the chain to the declaring official).
    Raises NotFound, PermissionDenied, StaleState (an evaluation is open),
    RuleViolation (V-29; declared complete), ValidationFailed.
    """
    team = (
        Team.objects.select_related("government", "owner_unit__agency")
        .filter(pk=team_id, government_id=by.government_id)
        .first()
    )
    if team is None:
        raise NotFound()
    team_open_check(team)
    _evaluable_check(team, by, on)
    pack = load_pack(team.government.pack_id)
    evidence_check(pack, len(set(evidence_ids or [])) + len(uploads or []))
    if not results.strip():
        raise ValidationFailed(
            code=TeamErrorCode.MISSING_FIELDS,
            message=_("Uraikan hasil kerja tim."),
            fields={"results": _("Wajib diisi.")},
        )
    key = reporting_of(pack).evaluation_flow(
        team.owner_unit.agency.agency_type, _unit_types_up(team.owner_unit)
    )
    with evidence_files_kept() as written, transaction.atomic():
        Team.objects.select_for_update().get(pk=team.pk)
        if (
            TeamEvaluation.objects.filter(team=team)
            .exclude(status=TeamEvaluation.Status.DECLARED_COMPLETE)
            .exists()
        ):
            raise StaleState(_("Hasil kerja tim ini sedang dievaluasi."))
        evaluation = TeamEvaluation.objects.create(
            government_id=team.government_id,
            team=team,
            submitted_by=by,
            workflow_key=key,
            results=results.strip(),
            submitted_at=at,
        )
        evidence = evidence_attach(
            team=team,
            by=by,
            owner_kind=OWNER_EVALUATION,
            owner_id=evaluation.pk,
            evidence_ids=list(evidence_ids or []),
            uploads=list(uploads or []),
            at=at,
            written=written,
        )
        instance = engine.instance_start(
            government_id=team.government_id,
            pack=pack,
            key=key,
            subject_type=EVALUATION_SUBJECT,
            subject_id=evaluation.pk,
            parties=work_parties(team, by.pk),
            requester_id=by.pk,
            at=at,
            on=on,
        )
        TeamEvaluation.objects.filter(pk=evaluation.pk).update(
            workflow_instance_id=instance.pk, evidence=evidence
        )
        first = instance.steps.get(status=WorkflowStep.Status.OPEN)
        engine.step_decide(
            step_id=first.pk, by=by, decision="submit", at=at, on=on, data={"evidence": evidence}
        )
        audit_team(team, by, "team.results_submitted", at, after={"evaluation": evaluation.pk})
    evaluation.refresh_from_db()
    return evaluation


def _unit_types_up(unit: OrgUnit) -> list[str]:
    """The types of the owner unit and of every unit above it, nearest first (one query)."""
    ids = [int(segment) for segment in unit.path.split(".") if segment]
    types = dict(OrgUnit.objects.filter(pk__in=ids).values_list("pk", "unit_type"))
    return [types[pk] for pk in reversed(ids) if pk in types]


def _evaluable_check(team: Team, by: Employee, on: dt.date) -> None:
    if team.status not in REPORTING:
        raise ValidationFailed(
            code=TeamErrorCode.NOT_EVALUATING,
            message=_("Hanya tim yang aktif atau telah berakhir yang hasil kerjanya dievaluasi."),
        )
    if not rules.may_submit_results(by.pk, team, on):
        raise PermissionDenied(
            _("Hasil kerja tim disampaikan oleh ketua tim (tanpa ketua: pimpinan unitnya).")
        )


def team_evaluation_decide(
    *,
    step_id: int,
    by: Employee,
    decision: str,
    at: dt.datetime,
    on: dt.date,
    reason: str = "",
    on_target: bool = False,
    results: str = "",
) -> TeamEvaluation:
    """Decide an open step of the evaluation: a reviewer approves on-target results (the last
    one declares the work complete), or returns them with a reason; after a return the lead
    (Surakarta: the unit head, V-58) submits the improved results again.

    Implements: V-57, V-58. Raises NotFound, StaleState, RuleViolation, ValidationFailed.
    """
    step = (
        WorkflowStep.objects.select_related("instance")
        .filter(pk=step_id, instance__subject_type=EVALUATION_SUBJECT)
        .first()
    )
    if step is None or step.instance.government_id != by.government_id:
        raise NotFound()
    evaluation = TeamEvaluation.objects.select_related("team").get(pk=step.instance.subject_id)
    team_open_check(evaluation.team)
    with transaction.atomic():
        decided = engine.step_decide(
            step_id=step_id,
            by=by,
            decision=decision,
            at=at,
            on=on,
            reason=reason,
            data={"on_target": on_target},
        )
        instance = WorkflowInstance.objects.get(pk=step.instance_id)
        if instance.status == WorkflowInstance.Status.APPROVED:
            _declare(evaluation, by, decided, at, on)
        else:
            _follow(evaluation, by, decision, reason, results, at)
            _rework_follow(evaluation, instance, by, decision, reason or results, at)
    evaluation.refresh_from_db()
    return evaluation


def _rework_follow(
    evaluation: TeamEvaluation,
    instance: WorkflowInstance,
    by: Employee,
    decision: str,
    text: str,
    at: dt.datetime,
) -> None:
    """V-58: a return that lands on the pack's rework step opens the Rework its actor owns,
    linked to the evaluation; resubmitting from that step closes it."""
    if decision == "submit":
        Rework.objects.filter(evaluation=evaluation, status=Rework.Status.OPEN).update(
            status=Rework.Status.DONE, resolution=text.strip(), closed_at=at
        )
        return
    if decision != "return":
        return
    opened = instance.steps.filter(status=WorkflowStep.Status.OPEN).first()
    pack = load_pack(instance.pack_id)
    spec = definition_of(pack, instance.definition_key).step(opened.step_key) if opened else None
    if opened is None or spec is None or "V-58" not in spec.rules or opened.actor_id is None:
        return
    rework = Rework.objects.create(
        government_id=evaluation.team.government_id,
        team_id=evaluation.team_id,
        evaluation=evaluation,
        owner_id=opened.actor_id,
        owner_role=teamwork(pack).rework.owner,
        reason=text.strip(),
        opened_by=by,
        opened_at=at,
    )
    audit_team(
        evaluation.team,
        by,
        "team.rework_opened",
        at,
        after={"rework": rework.pk, "owner": opened.actor_id, "evaluation": evaluation.pk},
        rule="V-58",
        citation=pack.citation_of("V-58"),
    )


def evaluation_rework_done(
    *, rework: Rework, by: Employee, resolution: str, at: dt.datetime, on: dt.date
) -> None:
    """The owner's rework of returned results is done: the evaluation resumes, the improved
    results going up the review chain again (V-58). Call inside the caller's transaction.
    Raises NotFound (not the rework step's actor), StaleState."""
    evaluation = rework.evaluation
    step = (
        WorkflowStep.objects.filter(
            instance_id=evaluation.workflow_instance_id, status=WorkflowStep.Status.OPEN
        ).first()
        if evaluation is not None
        else None
    )
    if evaluation is None or step is None:
        raise StaleState(_("Evaluasi hasil kerja ini tidak menunggu perbaikan."))
    engine.step_decide(
        step_id=step.pk,
        by=by,
        decision="submit",
        at=at,
        on=on,
        data={"rework": rework.pk, "resolution": resolution},
    )
    _follow(evaluation, by, "submit", "", "", at)


def _declare(
    evaluation: TeamEvaluation, by: Employee, step: WorkflowStep, at: dt.datetime, on: dt.date
) -> None:
    """The last official of the chain declares the work complete: the team becomes read-only."""
    TeamEvaluation.objects.filter(pk=evaluation.pk).update(
        status=TeamEvaluation.Status.DECLARED_COMPLETE,
        declared_by=by,
        declared_at=at,
        statement=ON_TARGET,
    )
    updated = Team.objects.filter(pk=evaluation.team_id, status__in=REPORTING).update(
        status=Team.Status.COMPLETED, completed_on=on
    )
    if updated != 1:
        raise StaleState(_("Keadaan tim ini sudah berubah; muat ulang halaman."))
    pack_id = evaluation.team.government.pack_id
    citation = load_pack(pack_id).citation_of("V-57")
    pending = TeamReport.objects.filter(team_id=evaluation.team_id).exclude(
        status=TeamReport.Status.RECEIVED
    )
    instances_close_open(
        instance_ids=[pk for pk in pending.values_list("workflow_instance_id", flat=True) if pk],
        at=at,
        reason="team.declared_complete",
        citation=citation,
    )
    audit_team(
        evaluation.team,
        by,
        "team.declared_complete",
        at,
        after={"evaluation": evaluation.pk, "statement": ON_TARGET, "step": step.pk},
        rule="V-57",
        citation=citation,
    )


def _follow(
    evaluation: TeamEvaluation,
    by: Employee,
    decision: str,
    reason: str,
    results: str,
    at: dt.datetime,
) -> None:
    """A return sends the results back; a resubmission puts them under review again."""
    if decision == "return":
        status, action = TeamEvaluation.Status.RETURNED, "team.results_returned"
    elif decision == "submit":
        status, action = TeamEvaluation.Status.UNDER_REVIEW, "team.results_resubmitted"
    else:
        return
    changes: dict[str, object] = {"status": status}
    if decision == "submit" and results.strip():
        changes["results"] = results.strip()
    TeamEvaluation.objects.filter(pk=evaluation.pk).update(**changes)
    audit_team(
        evaluation.team,
        by,
        action,
        at,
        after={"evaluation": evaluation.pk, "reason": reason.strip()},
        rule="V-58" if decision == "return" else "",
    )
