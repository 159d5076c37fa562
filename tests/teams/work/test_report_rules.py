"""Report rules by SPEC id and article: V-29 evidence, V-52 the schedule, V-54 the chain and
members' results to their home appraiser. Each refusal cites its article and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, RuleViolation, StaleState, ValidationFailed
from sikerja.organization.models import Agency
from sikerja.teams.models import EvidenceFile, MemberResult, TeamReport
from sikerja.teams.selectors_reports import member_reports_for
from sikerja.teams.services import team_propose
from sikerja.teams.services.evidence import Upload, evidence_upload
from sikerja.teams.services.reports import team_report_decide, team_reports_open
from sikerja.workflows.models import WorkflowStep
from tests.organization.builders import build_org
from tests.teams.work.flow import (
    AT,
    DAY,
    PDF_UPLOAD,
    chain,
    open_reports,
    receive_all,
    report_of,
    submit,
)
from tests.teams.work.samples import png
from tests.teams.world import NOW, ON, decide, staff, team_input

SKA = "Perwali Surakarta 32/2023"


def kotim_team(*, ends_on=dt.date(2026, 12, 31), pelaksana_unit="bidang"):
    org = build_org("kotim-2023")
    people = staff(org, pelaksana_unit=pelaksana_unit)
    team = team_propose(
        requester=org.people["bidang"],
        data=team_input(
            lead_id=people["ahli_muda"].pk, member_ids=[people["pelaksana"].pk], ends_on=ends_on
        ),
        at=NOW,
        on=ON,
    )
    return org, people, decide(team, "approve")


def surakarta_team():
    org = build_org("surakarta-2023")
    people = staff(org)
    Agency.objects.filter(pk=org.dinas.pk).update(admin_positions_equalized=True)
    team = team_propose(
        requester=org.people["dinas"],
        data=team_input(
            candidate_ids=[people["ahli_muda"].pk],
            member_ids=[people["pelaksana"].pk],
            appraiser_consideration="Kompeten",
        ),
        owner_unit_id=org.units["bidang"].pk,
        at=NOW,
        on=ON,
    )
    decide(team, "approve", lead_id=people["ahli_muda"].pk)
    return org, people, decide(team, "approve")


def written():
    return (
        AuditEvent.objects.count(),
        list(TeamReport.objects.values_list("status", flat=True)),
        MemberResult.objects.count(),
        WorkflowStep.objects.filter(status=WorkflowStep.Status.OPEN).count(),
    )


@pytest.mark.django_db
def test_v29_pasal_26_ayat_1_surakarta_refuses_a_report_without_evidence():
    _org, people, team = surakarta_team()
    open_reports(team)
    report = report_of(team, people["pelaksana"])
    before = written()

    with pytest.raises(RuleViolation) as refused:
        submit(report, uploads=[])

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "report_evidence_required",
        "V-29",
        f"{SKA} Pasal 26 ayat (1)",
    )
    assert (written(), EvidenceFile.objects.count()) == (before, 0)


@pytest.mark.django_db
def test_v29_evidence_uploaded_before_or_with_the_report_is_attached_to_it():
    _org, people, team = surakarta_team()
    member = people["pelaksana"]
    open_reports(team)
    report = report_of(team, member)
    earlier = evidence_upload(
        team_id=team.pk, by=member, upload=Upload("foto.png", png()), at=AT, on=ON
    )

    submitted = submit(report, evidence_ids=[earlier.pk], uploads=[PDF_UPLOAD])

    files = list(
        EvidenceFile.objects.filter(owner_kind="team_report", owner_id=report.pk)
        .order_by("pk")
        .values_list("pk", "original_name", "content_type")
    )
    assert submitted.evidence == [pk for pk, _name, _type in files]
    assert [(name, kind) for _pk, name, kind in files] == [
        ("foto.png", "image/png"),
        ("rekap.pdf", "application/pdf"),
    ]


@pytest.mark.django_db
def test_v29_a_file_of_another_team_or_already_attached_is_refused_and_nothing_is_kept():
    _org, people, team = surakarta_team()
    open_reports(team)
    report = report_of(team, people["pelaksana"])
    before = written()

    with pytest.raises(ValidationFailed) as refused:
        submit(report, evidence_ids=[999_999], uploads=[PDF_UPLOAD])

    assert (refused.value.code, list(refused.value.fields)) == ("unknown_value", ["evidence_ids"])
    assert (written(), EvidenceFile.objects.count()) == (before, 0)


@pytest.mark.django_db
def test_v29_is_silent_in_kotim_a_report_goes_up_without_evidence():
    _org, people, team = kotim_team()
    open_reports(team)

    report = submit(report_of(team, people["pelaksana"]), uploads=[])

    assert (report.status, report.evidence) == ("SUBMITTED", [])


@pytest.mark.django_db
def test_v52_pasal_13_ayat_2_kotim_opens_one_report_a_month_due_five_days_after_it():
    _org, people, team = kotim_team(ends_on=dt.date(2027, 2, 28))
    lead = people["ahli_muda"]

    opened = team_reports_open(team_id=team.pk, at=AT, on=dt.date(2027, 2, 1))
    again = team_reports_open(team_id=team.pk, at=AT, on=dt.date(2027, 2, 1))

    leads = [r for r in opened if r.kind == "LEAD"]
    assert [
        (r.period_start.isoformat(), r.period_end.isoformat(), r.due_on.isoformat()) for r in leads
    ] == [
        ("2026-12-01", "2026-12-31", "2027-01-05"),
        ("2027-01-01", "2027-01-31", "2027-02-05"),
        ("2027-02-01", "2027-02-28", "2027-03-05"),
    ]
    assert again == []
    first = WorkflowStep.objects.get(instance_id=leads[0].workflow_instance_id)
    assert (first.actor_id, first.due_at.isoformat()) == (lead.pk, "2027-01-05T09:00:00+00:00")
    event = AuditEvent.objects.get(action="team.reports_opened", object_id=str(team.pk))
    assert (event.rule, event.citation) == ("V-52", "Perbup Kotim 51/2023 Pasal 13 ayat (2)")


@pytest.mark.django_db
def test_v52_surakarta_reports_by_quarter():
    _org, _people, team = surakarta_team()

    opened = open_reports(team)

    assert sorted(
        (r.kind, r.period_start.isoformat(), r.period_end.isoformat()) for r in opened
    ) == [
        ("LEAD", "2026-12-01", "2026-12-31"),
        ("MEMBER", "2026-12-01", "2026-12-31"),
    ]


@pytest.mark.django_db
def test_v54_lampiran_ii_b_3_c_5_the_leads_report_on_a_member_goes_to_their_own_appraiser():
    org, people, team = kotim_team(pelaksana_unit="subbidang")
    lead, member = people["ahli_muda"], people["pelaksana"]
    kasubbid = org.people["subbidang"]  # the member's own appraiser, not the owner's Kabid
    open_reports(team)

    submit(report_of(team, lead), member_results={member.pk: "Analisis data tuntas"})
    result = MemberResult.objects.get(member=member)
    receivers = receive_all(result.workflow_instance_id)

    assert receivers == [kasubbid.pk]
    assert (result.appraiser_id, result.appraiser_rule) == (kasubbid.pk, "G32")
    assert list(
        member_reports_for(member, (dt.date(2026, 12, 1), dt.date(2026, 12, 31))).values_list(
            "text", "team_id", "appraiser_id"
        )
    ) == [("Analisis data tuntas", team.pk, kasubbid.pk)]
    assert list(member_reports_for(member, (dt.date(2027, 1, 1), dt.date(2027, 3, 31)))) == []


@pytest.mark.django_db
def test_v54_the_leads_report_needs_a_note_on_every_member():
    _org, people, team = kotim_team()
    open_reports(team)
    before = written()

    with pytest.raises(ValidationFailed) as refused:
        submit(report_of(team, people["ahli_muda"]), member_results={})

    assert (refused.value.code, list(refused.value.fields)) == (
        "member_results_missing",
        ["member_results"],
    )
    assert written() == before


@pytest.mark.django_db
def test_v54_a_receiver_returns_a_report_with_a_reason_and_its_author_submits_it_again():
    _org, people, team = kotim_team()
    lead, member = people["ahli_muda"], people["pelaksana"]
    open_reports(team)
    report = submit(report_of(team, member))
    step = WorkflowStep.objects.get(
        instance_id=report.workflow_instance_id, status=WorkflowStep.Status.OPEN
    )

    with pytest.raises(RuleViolation) as no_reason:
        team_report_decide(step_id=step.pk, by=lead, decision="return", at=AT, on=DAY)
    team_report_decide(
        step_id=step.pk, by=lead, decision="return", reason="Lengkapi rekap", at=AT, on=DAY
    )
    returned = TeamReport.objects.get(pk=report.pk)
    again = submit(returned, text="Rekap lengkap")

    assert (no_reason.value.code, no_reason.value.rule) == ("reason_required", "V-03")
    assert returned.status == "RETURNED"
    assert again.status == "SUBMITTED"
    assert chain(report.workflow_instance_id) == [
        ("submit", member.pk, "DECIDED", "submit"),
        ("review", lead.pk, "DECIDED", "return"),
        ("submit", member.pk, "DECIDED", "submit"),
        ("review", lead.pk, "OPEN", ""),
    ]


@pytest.mark.django_db
def test_only_the_author_submits_and_only_once():
    _org, people, team = kotim_team()
    open_reports(team)
    report = report_of(team, people["pelaksana"])

    with pytest.raises(NotFound):
        _submit_as(report, people["ahli_muda"])
    submit(report)
    with pytest.raises(StaleState):
        submit(TeamReport.objects.get(pk=report.pk))


def _submit_as(report, person):
    from sikerja.teams.services.reports import team_report_submit

    return team_report_submit(report_id=report.pk, by=person, text="x", at=AT, on=DAY)


@pytest.mark.django_db
def test_v52_a_report_due_is_reminded_to_its_author_before_and_after_its_due_date():
    from sikerja.notifications.models import Notification
    from sikerja.notifications.reminders import reminders_due, step_reminder_send

    _org, people, team = kotim_team()
    open_reports(team)
    lead = people["ahli_muda"]
    report = report_of(team, lead)
    step = WorkflowStep.objects.get(instance_id=report.workflow_instance_id)
    before = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.UTC)
    after = dt.datetime(2027, 1, 6, 9, 0, tzinfo=dt.UTC)

    soon = [d for d in reminders_due(at=before) if d.step.pk == step.pk]
    for due in soon:
        step_reminder_send(due=due, at=before)
    late = [d for d in reminders_due(at=after) if d.step.pk == step.pk]

    assert [(d.kind, d.step.actor_id) for d in soon] == [("DUE_SOON", lead.pk)]
    assert [d.kind for d in late] == ["OVERDUE"]
    assert list(
        Notification.objects.filter(recipient_id=lead.pk).values_list("kind", flat=True)
    ) == ["step_due_soon"]


@pytest.mark.django_db
def test_v54_surakarta_while_the_lead_post_is_vacant_members_report_to_their_appraiser():
    from sikerja.teams.services.changes import team_lead_vacate

    org, people, team = surakarta_team()
    member = people["pelaksana"]
    team_lead_vacate(
        team_id=team.pk,
        by=org.people["dinas"],
        vacant_on=dt.date(2026, 12, 1),
        reason="Ketua tim mutasi",
        at=NOW,
        on=ON,
    )

    opened = open_reports(team)
    submit(report_of(team, member))
    receivers = receive_all(report_of(team, member).workflow_instance_id)

    assert [(r.kind, r.author_id) for r in opened] == [("MEMBER", member.pk)]
    assert receivers == [org.people["bidang"].pk]


@pytest.mark.django_db
def test_v54_kotim_members_do_not_report_while_the_team_has_no_lead():
    from sikerja.teams.services.changes import team_lead_vacate

    org, _people, team = kotim_team()
    team_lead_vacate(
        team_id=team.pk,
        by=org.people["bidang"],
        vacant_on=dt.date(2026, 12, 1),
        reason="Ketua tim mutasi",
        at=NOW,
        on=ON,
    )

    assert open_reports(team) == []


@pytest.mark.django_db
def test_v53_pasal_13_ayat_4_the_kotim_unit_head_demands_a_report_at_any_time():
    from sikerja.teams.services.report_demand import team_report_demand

    org, people, team = kotim_team()
    kabid, member = org.people["bidang"], people["pelaksana"]

    report = team_report_demand(team_id=team.pk, by=kabid, author_id=member.pk, at=AT, on=DAY)

    step = WorkflowStep.objects.get(instance_id=report.workflow_instance_id)
    assert (report.kind, report.period_start, report.period_end, report.due_on) == (
        "MEMBER",
        DAY,
        DAY,
        DAY + dt.timedelta(days=5),
    )
    assert (step.step_key, step.actor_id) == ("submit", member.pk)
    event = AuditEvent.objects.get(action="team.report_demanded")
    assert (event.rule, event.citation) == ("V-53", "Perbup Kotim 51/2023 Pasal 13 ayat (4)")


@pytest.mark.django_db
def test_v53_surakarta_has_no_report_on_demand_and_others_may_not_demand_one():
    from sikerja.core.errors import PermissionDenied
    from sikerja.teams.services.report_demand import team_report_demand

    ska_org, ska_people, ska_team = surakarta_team()
    _org, people, team = kotim_team()
    before = written()

    with pytest.raises(RuleViolation) as silent:
        team_report_demand(
            team_id=ska_team.pk,
            by=ska_org.people["dinas"],
            author_id=ska_people["pelaksana"].pk,
            at=AT,
            on=DAY,
        )
    with pytest.raises(PermissionDenied):
        team_report_demand(
            team_id=team.pk,
            by=people["ahli_muda"],
            author_id=people["pelaksana"].pk,
            at=AT,
            on=DAY,
        )

    assert (silent.value.rule, silent.value.citation) == ("V-53", f"{SKA} Pasal 26 ayat (3)")
    assert written() == before
