"""What both edges do before a report or evaluation service call: find the caller's employee
record, read the uploads within the size limit, turn NIPs into ids; then one service call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile

from sikerja.core.errors import NotFound
from sikerja.organization.rules import Viewer
from sikerja.teams.commands import employee_of, ids_of, one_id
from sikerja.teams.models import IndividualEvidence, IndividualReport, TeamEvaluation, TeamReport
from sikerja.teams.services import evaluation as evaluation_services
from sikerja.teams.services import individual_reports as individual_services
from sikerja.teams.services import individual_reroute
from sikerja.teams.services import report_demand as report_demand_services
from sikerja.teams.services import reports as report_services
from sikerja.teams.work_commands import upload_of
from sikerja.workflows.models import WorkflowStep


def report_submit(
    viewer: Viewer,
    report_id: int,
    *,
    text: str,
    files: Iterable[UploadedFile[bytes]],
    member_results: dict[int, str],
    evidence_ids: list[int],
    at: dt.datetime,
    on: dt.date,
) -> TeamReport:
    """Submit one of my reports with its evidence and, for a lead, the notes on members."""
    return report_services.team_report_submit(
        report_id=report_id,
        by=employee_of(viewer),
        text=text,
        uploads=[upload_of(file) for file in files],
        evidence_ids=evidence_ids,
        member_results=member_results,
        at=at,
        on=on,
    )


def report_decide(
    viewer: Viewer, step_id: int, *, decision: str, reason: str, at: dt.datetime, on: dt.date
) -> WorkflowStep:
    """Receive (acknowledge) or return a report at my step of its chain."""
    return report_services.team_report_decide(
        step_id=step_id, by=employee_of(viewer), decision=decision, reason=reason, at=at, on=on
    )


def results_submit(
    viewer: Viewer,
    team_id: int,
    *,
    results: str,
    files: Iterable[UploadedFile[bytes]],
    evidence_ids: list[int],
    at: dt.datetime,
    on: dt.date,
) -> TeamEvaluation:
    """Submit the team's results for evaluation as its lead."""
    return evaluation_services.team_evaluation_submit(
        team_id=team_id,
        by=employee_of(viewer),
        results=results,
        uploads=[upload_of(file) for file in files],
        evidence_ids=evidence_ids,
        at=at,
        on=on,
    )


def evaluation_decide(
    viewer: Viewer,
    step_id: int,
    *,
    decision: str,
    reason: str,
    on_target: bool,
    results: str,
    at: dt.datetime,
    on: dt.date,
) -> TeamEvaluation:
    """Decide my step of the evaluation (approve on target, return, or resubmit)."""
    return evaluation_services.team_evaluation_decide(
        step_id=step_id,
        by=employee_of(viewer),
        decision=decision,
        reason=reason,
        on_target=on_target,
        results=results,
        at=at,
        on=on,
    )


def notes_by_id(viewer: Viewer, notes: Iterable[tuple[str, str]]) -> dict[int, str]:
    """The lead's notes on members keyed by employee id (members named by NIP)."""
    pairs = list(notes)
    ids = ids_of(viewer, [nip for nip, _text in pairs], field="member_results")
    by_nip = dict(
        zip(dict.fromkeys(nip.strip() for nip, _text in pairs if nip.strip()), ids, strict=True)
    )
    return {by_nip[nip.strip()]: text for nip, text in pairs if nip.strip() in by_nip}


def report_demand(
    viewer: Viewer, team_id: int, nip: str, *, at: dt.datetime, on: dt.date
) -> TeamReport:
    """Demand a report of the team's lead or member (named by NIP) now, as its unit head."""
    author_id = one_id(viewer, nip, field="nip")
    if author_id is None:
        raise NotFound()
    return report_demand_services.team_report_demand(
        team_id=team_id, by=employee_of(viewer), author_id=author_id, at=at, on=on
    )


def individual_create(
    viewer: Viewer, *, period_start: dt.date, at: dt.datetime, on: dt.date
) -> IndividualReport:
    """Open my report on my own individual work for a period of the pack's schedule."""
    return individual_services.individual_report_create(
        by=employee_of(viewer), period_start=period_start, at=at, on=on
    )


def individual_submit(
    viewer: Viewer,
    report_id: int,
    *,
    text: str,
    files: Iterable[UploadedFile[bytes]],
    at: dt.datetime,
    on: dt.date,
) -> IndividualReport:
    """Submit my individual report with new evidence files."""
    return individual_services.individual_report_submit(
        report_id=report_id,
        by=employee_of(viewer),
        text=text,
        uploads=[upload_of(file) for file in files],
        at=at,
        on=on,
    )


def individual_decide(
    viewer: Viewer, step_id: int, *, decision: str, reason: str, at: dt.datetime, on: dt.date
) -> WorkflowStep:
    """Pass on (acknowledge) or return an individual report at my step of its chain."""
    return individual_services.individual_report_decide(
        step_id=step_id, by=employee_of(viewer), decision=decision, reason=reason, at=at, on=on
    )


def individual_reroute_step(
    viewer: Viewer, report_id: int, *, at: dt.datetime, on: dt.date
) -> tuple[int, int] | None:
    """Move my (or my unit's) individual report's waiting step to whoever holds its post."""
    return individual_reroute.individual_report_reroute(
        report_id=report_id, by=employee_of(viewer), at=at, on=on
    )


def individual_evidence_upload(
    viewer: Viewer, report_id: int, file: UploadedFile[bytes], *, at: dt.datetime
) -> IndividualEvidence:
    """Keep one evidence file on my due individual report."""
    return individual_services.individual_evidence_upload(
        report_id=report_id, by=employee_of(viewer), upload=upload_of(file), at=at
    )
