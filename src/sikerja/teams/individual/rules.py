"""Who may see an individual report and its evidence (which, may): its author, every official
on its chain (a delegate of one of them under the flow's delegation scope), the officials copied
on it (A3), and those who see the whole government (BKPSDM, the Inspektorat's auditor). Anyone
else gets "not found", exactly as for a missing report."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from sikerja.organization.models import Delegation
from sikerja.organization.resolver import Resolver
from sikerja.organization.rules import Viewer
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import IndividualReport, IndividualReportCopy
from sikerja.workflows.lifecycle import step_needs_reroute
from sikerja.workflows.models import WorkflowStep

INDIVIDUAL_SUBJECT = "teams.individualreport"
DELEGATION_SCOPE = "REPORT_RECEIPT"


def individual_reports_visible_to(viewer: Viewer, on: dt.date) -> QuerySet[IndividualReport]:
    """The individual reports the viewer may open (which)."""
    reports = IndividualReport.objects.filter(government_id=viewer.government.pk)
    if viewer.sees_government:
        return reports
    me = viewer.employee_id
    if me is None:
        return reports.none()
    principals = Delegation.objects.effective_on(on).filter(
        to_employee_id=me, scope=DELEGATION_SCOPE
    )
    on_chain = WorkflowStep.objects.filter(
        instance__subject_type=INDIVIDUAL_SUBJECT,
        instance__government_id=viewer.government.pk,
    ).filter(Q(actor_id=me) | Q(actor_id__in=principals.values("from_employee_id")))
    copied = IndividualReportCopy.objects.filter(government_id=viewer.government.pk, employee_id=me)
    return reports.filter(
        Q(author_id=me)
        | Q(workflow_instance_id__in=on_chain.values("instance_id"))
        | Q(pk__in=copied.values("report_id"))
    )


def may_see_individual_report(viewer: Viewer, report_id: int, on: dt.date) -> bool:
    """Whether the viewer may open one individual report (may)."""
    return individual_reports_visible_to(viewer, on).filter(pk=report_id).exists()


def may_submit_individual_report(viewer: Viewer, report: IndividualReport) -> bool:
    """Whether the viewer submits the report now (may): its author, while it is due or
    returned."""
    return (
        viewer.employee_id is not None
        and report.author_id == viewer.employee_id
        and report.status in {IndividualReport.Status.DUE, IndividualReport.Status.RETURNED}
    )


def may_report_individual_work(viewer: Viewer) -> bool:
    """Whether the viewer opens a report on their own individual work (may): any employee."""
    return viewer.employee_id is not None


def individual_report_rerouters(
    report: IndividualReport, step: WorkflowStep, on: dt.date
) -> set[int]:
    """Who moves the report's open step after a placement change (who): its author, the
    official who holds the step's post on the day, and the head of the report's unit."""
    fresh = step_needs_reroute(step, on)
    head = Resolver(load_pack(report.government.pack_id)).head_of_unit(report.unit_id, on)
    found = {
        report.author_id,
        fresh.employee_id if fresh else None,
        head.person.employee_id if head.person else None,
    }
    return {pk for pk in found if pk is not None}


def may_reroute_individual_report(
    viewer: Viewer, report: IndividualReport, step: WorkflowStep, on: dt.date
) -> bool:
    """Whether the viewer re-routes the report's open step (may)."""
    return viewer.employee_id in individual_report_rerouters(report, step, on)
