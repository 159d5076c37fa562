"""Reports on individual (non-team) work in every pack (SPEC 4.12, "individual assignee reports
to"): the exact officials of each chain, V-46 (Surakarta: a Setda JF Ahli Madya reports through
the appraiser and the Kepala Bagian of its recorded field; refused while none is recorded),
V-29 evidence, the pack's schedule, the copy from the start (A3), V-72 (Blitar) and a return."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import NotFound, RuleViolation, StaleState, ValidationFailed
from sikerja.organization.models import Employee, Position
from sikerja.regulations.loader import load_pack
from sikerja.teams.models import IndividualEvidence, IndividualReport
from sikerja.teams.services.evidence import Upload
from sikerja.teams.services.individual_reports import (
    individual_report_create,
    individual_report_decide,
    individual_report_submit,
)
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from sikerja.workflows.selectors import inbox
from tests.organization.builders import build_org
from tests.teams.work.flow import AT, DAY, PDF_UPLOAD, chain

pytestmark = pytest.mark.django_db
JANUARY = dt.date(2027, 1, 1)
SURAKARTA = "Perwali Surakarta 32/2023"


def open_for(by, period_start=JANUARY):
    return individual_report_create(by=by, period_start=period_start, at=AT, on=DAY)


def submit(report, uploads=(PDF_UPLOAD,), text="Kajian kebijakan rujukan selesai"):
    return individual_report_submit(
        report_id=report.pk,
        by=Employee.objects.get(pk=report.author_id),
        text=text,
        uploads=list(uploads),
        at=AT,
        on=DAY,
    )


def receive_all(report) -> list[int]:
    """Pass the report up its chain as each node's official; the officials in order."""
    actors = []
    while True:
        step = WorkflowStep.objects.filter(
            instance_id=report.workflow_instance_id, status="OPEN"
        ).first()
        if step is None:
            return actors
        actors.append(step.actor_id)
        individual_report_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision="acknowledge",
            at=AT,
            on=DAY,
        )


def jf(org, unit="bidang", grade="AHLI_MUDA", name="Rina Kusuma"):
    return org.staff(name, unit, "FUNGSIONAL", grade)


# Who receives a Bidang JF Ahli Muda's report on individual work, in order, by pack.
RECEIVERS = {
    # the unit head directly (Pasal 12; Lampiran II.B.4.a)
    "kotim-2023": (["bidang"], "Kotim Lampiran II.B.4 huruf a"),
    # the unit head, or its delegate one level below (Pasal 26a; V-72 for regular work)
    "blitar-2023": (["bidang"], "Pasal 26 huruf a"),
    # through the appraiser to the unit head, the unit head copied from the start (A3)
    "surakarta-2023": (["bidang", "dinas"], "Lampiran VI angka 1 huruf a"),
    # the unit head directly (Pasal 11(1); Lampiran D.1)
    "cilegon-2023": (["bidang"], "Lampiran D angka 1"),
    # the appraiser / direct superior (Pasal 29)
    "barut-2024": (["bidang"], "Pasal 29"),
}


@pytest.mark.parametrize("pack_id", sorted(RECEIVERS))
def test_an_individual_report_goes_up_the_packs_chain_for_individuals_case(pack_id):
    org = build_org(pack_id)
    author = jf(org)
    receivers, article = RECEIVERS[pack_id]

    report = submit(open_for(author))
    steps = chain(report.workflow_instance_id)
    first = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")
    waiting = [e.subject.title for e in inbox(employee_id=first.actor_id, on=DAY)]
    officials = receive_all(report)

    assert [row[1] for row in steps[1:]] == [org.people[key].pk for key in receivers]
    assert officials == [org.people[key].pk for key in receivers]
    assert first.citation.endswith(article.removeprefix("Kotim "))
    assert f"Laporan individu {author.full_name}, periode 01/2027" in waiting
    report.refresh_from_db()
    assert (report.status, report.received_at, report.unit_id, report.basis) == (
        "RECEIVED",
        AT,
        org.units["bidang"].pk,
        "OWN_WORK",
    )
    assert IndividualEvidence.objects.get(report=report).original_name == "rekap.pdf"


def test_a3_surakarta_copies_the_unit_head_from_submission_and_forwards_through_the_appraiser():
    org = build_org("surakarta-2023")
    report = submit(open_for(jf(org)))

    first = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")
    individual_report_decide(
        step_id=first.pk, by=org.people["bidang"], decision="acknowledge", at=AT, on=DAY
    )

    assert list(report.copies.values_list("employee_id", flat=True)) == [org.people["dinas"].pk]
    assert IndividualReport.objects.get(pk=report.pk).status == "FORWARDED"


def test_no_copy_in_a_pack_that_names_none():
    org = build_org("kotim-2023")

    report = submit(open_for(jf(org)))

    assert report.copies.count() == 0


def setda_madya(org):
    return jf(org, unit="asisten", grade="AHLI_MADYA", name="Hendra Wijaya")


def test_v46_surakarta_lampiran_vi_1_b_setda_jf_madya_reports_through_appraiser_and_kabag():
    org = build_org("surakarta-2023")
    madya = setda_madya(org)
    Position.objects.filter(placements__employee=madya).update(field_unit=org.units["bagian"])

    report = submit(open_for(madya))
    steps = chain(report.workflow_instance_id)
    kabag = WorkflowStep.objects.get(
        instance_id=report.workflow_instance_id, actor_id=org.people["bagian"].pk
    )
    officials = receive_all(report)

    assert [(key, actor) for key, actor, _status, _d in steps] == [
        ("submit", madya.pk),
        ("review_setda", org.people["asisten"].pk),
        ("review_setda", org.people["bagian"].pk),
        ("review_setda", org.people["setda"].pk),
    ]
    assert officials == [org.people[k].pk for k in ("asisten", "bagian", "setda")]
    assert (kabag.actor_rule, kabag.citation) == (
        "V-46",
        f"{SURAKARTA} Lampiran VI angka 1 huruf b",
    )


def test_v46_surakarta_refuses_a_setda_jf_madya_report_while_the_field_is_not_recorded():
    org = build_org("surakarta-2023")
    report = open_for(setda_madya(org))
    events = AuditEvent.objects.count()

    with pytest.raises(RuleViolation) as refused:
        submit(report)

    error = refused.value
    assert (error.code, error.rule) == ("field_unit_not_recorded", "V-46")
    assert (
        error.citation == f"{SURAKARTA} Pasal 28 ayat (3); {SURAKARTA} Lampiran VI angka 1 huruf b"
    )
    assert "BKPSDM" in str(error.message)
    assert error.next_step
    report.refresh_from_db()
    assert (report.status, report.files.count(), AuditEvent.objects.count()) == ("DUE", 0, events)
    assert [row[2] for row in chain(report.workflow_instance_id)] == ["OPEN"]


def test_v46_a_setda_jf_muda_reports_on_the_ordinary_chain():
    org = build_org("surakarta-2023")

    report = submit(open_for(jf(org, unit="bagian")))

    assert {row[0] for row in chain(report.workflow_instance_id)} == {"submit", "review"}


def test_v46_kotim_has_no_kabag_route_for_a_setda_jf_madya():
    org = build_org("kotim-2023")
    madya = jf(org, unit="bagian", grade="AHLI_MADYA", name="Hendra Wijaya")

    report = submit(open_for(madya))

    assert [row[:2] for row in chain(report.workflow_instance_id)] == [
        ("submit", madya.pk),
        ("review", org.people["bagian"].pk),
    ]


def test_v29_surakarta_pasal_26_ayat_1_refuses_a_report_without_evidence():
    org = build_org("surakarta-2023")
    report = open_for(jf(org))
    events = AuditEvent.objects.count()

    with pytest.raises(RuleViolation) as refused:
        submit(report, uploads=())

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "report_evidence_required",
        "V-29",
        f"{SURAKARTA} Pasal 26 ayat (1)",
    )
    report.refresh_from_db()
    assert (report.status, AuditEvent.objects.count()) == ("DUE", events)


@pytest.mark.parametrize("pack_id", ["kotim-2023", "blitar-2023", "cilegon-2023", "barut-2024"])
def test_v29_is_silent_elsewhere_a_report_without_evidence_is_accepted_case(pack_id):
    org = build_org(pack_id)

    report = submit(open_for(jf(org)), uploads=())

    assert report.status == "SUBMITTED"


def test_a_refused_file_keeps_nothing(evidence_root):
    org = build_org("surakarta-2023")
    report = open_for(jf(org))

    with pytest.raises(ValidationFailed) as refused:
        submit(report, uploads=(PDF_UPLOAD, Upload(name="../../x.pdf", content=b"MZ\x90")))

    assert refused.value.code == "evidence_type_refused"
    assert IndividualEvidence.objects.count() == 0
    # The first file was written before the second was refused: it is removed again.
    assert [p for p in evidence_root.rglob("*") if p.is_file()] == []


def test_v72_blitar_regular_work_runs_on_the_own_work_flow_citing_the_product_decision():
    org = build_org("blitar-2023")

    report = submit(open_for(jf(org)))
    review = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")
    instance = WorkflowInstance.objects.get(pk=report.workflow_instance_id)

    assert (report.workflow_key, instance.definition_key) == ("WF-REPORT-INDIVIDUAL-OWN",) * 2
    assert review.actor_id == org.people["bidang"].pk
    assert review.citation == "Perwali Blitar 6/2023 Pasal 26 huruf a"
    pack = load_pack("blitar-2023")
    assert pack.data.workflows[report.workflow_key].step("review").rules == ("V-54", "V-72")
    assert pack.rule("V-72").product_decision


@pytest.mark.parametrize(
    ("pack_id", "start"),
    [
        ("kotim-2023", dt.date(2027, 1, 15)),  # monthly: not the first of a month
        ("surakarta-2023", dt.date(2027, 2, 1)),  # quarterly: not the first of a quarter
        ("kotim-2023", dt.date(2027, 2, 1)),  # not begun on 4 January
    ],
)
def test_a_period_off_the_packs_schedule_is_refused_case(pack_id, start):
    org = build_org(pack_id)

    with pytest.raises(ValidationFailed) as refused:
        open_for(jf(org), period_start=start)

    assert refused.value.code == "report_period_off_schedule"
    assert IndividualReport.objects.count() == 0


def test_the_pack_schedule_sets_the_period_and_due_date():
    org = build_org("surakarta-2023")

    report = open_for(jf(org))
    due = WorkflowStep.objects.get(instance_id=report.workflow_instance_id)

    assert (report.period_start, report.period_end, report.due_on) == (
        JANUARY,
        dt.date(2027, 3, 31),
        dt.date(2027, 4, 5),
    )
    assert (due.step_key, due.actor_id, due.due_at.date()) == (
        "submit",
        report.author_id,
        report.due_on,
    )


def test_opening_twice_gives_the_same_report():
    org = build_org("kotim-2023")
    author = jf(org)

    assert open_for(author).pk == open_for(author).pk


def test_a_returned_report_is_resubmitted_on_its_instance_and_not_twice():
    org = build_org("cilegon-2023")
    author = jf(org)
    report = submit(open_for(author))
    step = WorkflowStep.objects.get(instance_id=report.workflow_instance_id, status="OPEN")

    with pytest.raises(RuleViolation) as no_reason:
        individual_report_decide(
            step_id=step.pk, by=org.people["bidang"], decision="return", at=AT, on=DAY
        )
    individual_report_decide(
        step_id=step.pk,
        by=org.people["bidang"],
        decision="return",
        reason="Lengkapi data",
        at=AT,
        on=DAY,
    )
    returned = IndividualReport.objects.get(pk=report.pk).status
    again = submit(report, text="Kajian dilengkapi")
    with pytest.raises(StaleState):
        submit(report)

    assert no_reason.value.rule == "V-03"
    assert (returned, again.status, again.text) == ("RETURNED", "SUBMITTED", "Kajian dilengkapi")
    assert [(row[0], row[1], row[3]) for row in chain(report.workflow_instance_id)] == [
        ("submit", author.pk, "submit"),
        ("review", org.people["bidang"].pk, "return"),
        ("submit", author.pk, "submit"),
        ("review", org.people["bidang"].pk, ""),
    ]


def test_only_the_author_submits_and_only_the_official_decides():
    org = build_org("kotim-2023")
    report = open_for(jf(org))
    other = jf(org, name="Dewi Lestari")

    with pytest.raises(NotFound):
        individual_report_submit(report_id=report.pk, by=other, text="x", uploads=[], at=AT, on=DAY)
    submitted = submit(report)
    step = WorkflowStep.objects.get(instance_id=submitted.workflow_instance_id, status="OPEN")
    with pytest.raises(NotFound):
        individual_report_decide(step_id=step.pk, by=other, decision="acknowledge", at=AT, on=DAY)


def test_v46_the_process_map_draws_the_setda_madya_route_from_the_same_definition():
    from sikerja.workflows.maps import bpmn_xml, swimlane_svg

    pack = load_pack("surakarta-2023")
    definition = pack.data.workflows["WF-REPORT-INDIVIDUAL"]

    svg = swimlane_svg(definition, cite=pack.cite, lang="id", chains=pack.data.chains)
    bpmn = bpmn_xml(definition, cite=pack.cite, lang="en", chains=pack.data.chains)

    assert "JF Ahli Madya Sekretariat Daerah" in svg
    assert "Kepala Bagian bidangnya" in svg
    assert f"{SURAKARTA} Lampiran VI angka 1 huruf b" in svg
    assert "a Setda JF Ahli Madya" in bpmn


@pytest.mark.parametrize("key", ["WF-REPORT-INDIVIDUAL", "WF-REPORT-LEAD"])
def test_the_peta_proses_page_draws_a_report_flow_with_its_chain_case(client_of, key):
    from django.urls import reverse

    client = client_of("jf_ahli_muda")
    listed = client.get(reverse("web:process-maps")).content.decode()
    page = client.get(reverse("web:process-map", args=[key]))
    bpmn = client.get(reverse("web:process-map-bpmn", args=[key]), {"lang": "en"})

    assert reverse("web:process-map", args=[key]) in listed
    assert (page.status_code, bpmn.status_code) == (200, 200)
    assert load_pack("surakarta-2023").data.workflows[key].label in page.content.decode()
