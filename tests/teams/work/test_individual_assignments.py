"""Reports on an approved individual penugasan (SPEC 4.12): opened for each period of the
pack's schedule by the daily command, due after the period with a reminder, routed to the head
of the unit that assigned the work (Kotim Pasal 12), and, on Blitar's flow for a special
assignment, citing Pasal 26 huruf a; two concurrent decisions: exactly one wins."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.utils import timezone

from sikerja.assignments.services import assignment_request_submit
from sikerja.core.errors import ValidationFailed
from sikerja.organization import services_people
from sikerja.organization.models import Employee
from sikerja.teams.models import IndividualReport
from sikerja.teams.services.individual_reports import (
    individual_report_create,
    individual_report_decide,
    individual_report_submit,
    individual_reports_open,
)
from sikerja.workflows.models import WorkflowStep
from tests.assignments.flow import NOW, ON, decide, request_input
from tests.organization.builders import build_org
from tests.teams.work.flow import PDF_UPLOAD
from tests.teams.work.test_concurrent_decisions import race

JANUARY_4 = dt.date(2027, 1, 4)
AT = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.UTC)


def approved_cross_unit(org):
    """Kotim: the Kepala Bidang has a JF of the Sekretariat appointed to the Bidang's work."""
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = assignment_request_submit(
        requester=org.people["bidang"], data=request_input(candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    for decision in ("approve", "approve", "approve", "acknowledge"):
        decide(assignment, decision)
    return assignment, jf


@pytest.mark.django_db
def test_the_daily_command_opens_each_begun_period_of_an_individual_penugasan(monkeypatch):
    org = build_org("kotim-2023")
    assignment, jf = approved_cross_unit(org)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: JANUARY_4)
    first, second = io.StringIO(), io.StringIO()

    call_command("team_reports_open", stdout=first)
    call_command("team_reports_open", stdout=second)

    reports = list(
        IndividualReport.objects.filter(assignment_id=assignment.pk).order_by("period_start")
    )
    assert [(r.author_id, r.basis, r.period_start, r.period_end, r.due_on) for r in reports] == [
        (jf.pk, "ASSIGNMENT", dt.date(2026, 12, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 5)),
        (jf.pk, "ASSIGNMENT", dt.date(2027, 1, 1), dt.date(2027, 1, 31), dt.date(2027, 2, 5)),
    ]
    due = WorkflowStep.objects.get(instance_id=reports[0].workflow_instance_id)
    assert (due.step_key, due.actor_id, due.status) == ("submit", jf.pk, "OPEN")
    assert due.due_at.date() == dt.date(2027, 1, 5)
    assert (first.getvalue().splitlines()[1], second.getvalue().splitlines()[1]) == (
        "2 laporan penugasan individu dibuka.",
        "0 laporan penugasan individu dibuka.",
    )


@pytest.mark.django_db
def test_kotim_pasal_12_the_assignee_reports_to_the_head_of_the_assigning_unit_directly():
    org = build_org("kotim-2023")
    assignment, jf = approved_cross_unit(org)
    (report,) = individual_reports_open(assignment_id=assignment.pk, at=AT, on=dt.date(2026, 12, 5))

    individual_report_submit(
        report_id=report.pk, by=jf, text="Draf kajian", uploads=[], at=AT, on=JANUARY_4
    )
    review = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")

    assert (report.unit_id, report.workflow_key) == (org.units["bidang"].pk, "WF-REPORT-INDIVIDUAL")
    assert (review.actor_id, review.citation) == (
        org.people["bidang"].pk,
        "Perbup Kotim 51/2023 Lampiran II.B.4 huruf a",
    )


@pytest.mark.django_db
def test_a_penugasan_not_approved_or_not_individual_opens_no_report():
    org = build_org("kotim-2023")
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    pending = assignment_request_submit(
        requester=org.people["bidang"], data=request_input(candidate_ids=[jf.pk]), at=NOW, on=ON
    )

    with pytest.raises(ValidationFailed) as refused:
        individual_reports_open(assignment_id=pending.pk, at=AT, on=JANUARY_4)

    assert refused.value.code == "not_an_individual_assignment"
    assert IndividualReport.objects.count() == 0


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_blitar_pasal_26a_unit_head_and_its_delegate_decide_at_once_exactly_one_wins():
    org = build_org("blitar-2023")
    author = org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    kabid = org.people["bidang"]
    deputy = org.people["subbidang"]
    services_people.delegation_create(
        actor=org.actor,
        from_employee=kabid,
        to_employee=deputy,
        scope="REPORT_RECEIPT",
        valid_from=ON,
        legal_basis="Surat Kuasa Kepala Bidang Nomor 800/3/2026",
        at=NOW,
    )
    report = individual_report_create(
        by=author, period_start=dt.date(2027, 1, 1), at=AT, on=JANUARY_4
    )
    individual_report_submit(
        report_id=report.pk, by=author, text="Kajian", uploads=[PDF_UPLOAD], at=AT, on=JANUARY_4
    )
    step = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")

    def by(person: Employee, decision: str, reason: str = "") -> Callable[[], object]:
        return lambda: individual_report_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=person.pk),
            decision=decision,
            reason=reason,
            at=AT,
            on=JANUARY_4,
        )

    outcomes = race([by(kabid, "acknowledge"), by(deputy, "return", "Lengkapi")])

    assert outcomes == ["stale", "won"]
    decided = WorkflowStep.objects.get(pk=step.pk)
    expected = {"acknowledge": "RECEIVED", "return": "RETURNED"}[decided.decision]
    assert IndividualReport.objects.get(pk=report.pk).status == expected
