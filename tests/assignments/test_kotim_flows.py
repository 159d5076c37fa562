"""Kotim (Perbup Kotim 51/2023): every flow end to end, named after SPEC ids and articles."""

from __future__ import annotations

import pytest

from sikerja.assignments.services import RequestInput, assignment_request_submit
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import RuleViolation
from sikerja.workflows.models import WorkflowInstance
from tests.assignments.flow import (
    NOW,
    ON,
    decide,
    instance_of,
    letters,
    party_ids,
    request_input,
    trail,
)
from tests.organization.builders import add_agency, build_org

PACK = "kotim-2023"


def request(**overrides) -> RequestInput:
    return request_input(**overrides)


@pytest.fixture
def org():
    return build_org(PACK)


@pytest.mark.django_db
def test_wf_pen_uo_lampiran_ii_b_2_a_2_cross_unit_appointment_runs_to_the_decree(org):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris, kadis = org.people["bidang"], org.people["sekretariat"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert assignment.scope == "CROSS_UNIT"
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("review", sekretaris.pk, "approve"),
        ("decree", kadis.pk, "approve"),
        ("letter", sekretaris.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    issued = letters(assignment)
    # The Keputusan is the constitutive act; the letter that carries it out follows it.
    assert [letter.doc_type for letter in issued] == [
        "INVOLVEMENT_REQUEST",
        "DECREE",
        "ASSIGNMENT_LETTER",
    ]
    assert party_ids([issued[0].signer]) == [kabid.pk]
    assert party_ids(issued[0].addressees) == [sekretaris.pk]
    assert party_ids([issued[1].signer]) == [kadis.pk]
    assert party_ids([issued[2].signer]) == [sekretaris.pk]
    assert party_ids(issued[2].addressees) == [jf.pk]
    assert party_ids(issued[2].cc) == [kabid.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_v23_lampiran_ii_b_2_a_2_c_approval_waits_for_the_unit_head_recommendation(org):
    from sikerja.assignments.services import assignment_decide
    from sikerja.organization.models import Employee
    from tests.assignments.flow import open_step

    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = assignment_request_submit(
        requester=org.people["bidang"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    step = open_step(assignment)
    events = AuditEvent.objects.count()

    with pytest.raises(RuleViolation) as refused:
        assignment_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision="approve",
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-23"
    assert (
        refused.value.citation
        == "Perbup Kotim 51/2023 Lampiran II.B.2.a.2)c); Perbup Kotim 51/2023 Lampiran II.B.2.a.3)d)"
    )
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_v03_lampiran_ii_b_2_a_2_d_rejection_needs_a_reason_and_sends_the_reply(org):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid = org.people["bidang"]
    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject", reason="  ")
    decide(
        assignment, "reject", reason="Pegawai sedang menyelesaikan laporan keuangan akhir tahun."
    )

    assert refused.value.rule == "V-03"
    assert "Lampiran II.B.2.a.2)d)" in refused.value.citation
    reply = letters(assignment)[-1]
    assert reply.doc_type == "INVOLVEMENT_REPLY"
    assert party_ids(reply.addressees) == [kabid.pk]
    assert reply.body["reason"] == "Pegawai sedang menyelesaikan laporan keuangan akhir tahun."
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


@pytest.mark.django_db
def test_v01_lampiran_ii_b_2_a_cross_unit_request_needs_the_four_items_and_nothing_is_written(org):
    from sikerja.assignments.models import Assignment

    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    before = (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    )

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["bidang"],
            data=request(candidate_ids=[jf.pk], competencies=[], expected_target=""),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-01"
    assert set(refused.value.fields) == {"competencies", "expected_target"}
    assert (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    ) == before


@pytest.mark.django_db
def test_wf_pen_pd_lampiran_ii_b_2_a_3_cross_pd_appointment_goes_through_both_authorised_officials(
    org,
):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    kabid, kadis, sekda = org.people["bidang"], org.people["dinas"], org.people["setda"]
    kaban, kabid_bappeda = heads["BAPPEDA.root"], heads["BAPPEDA.bidang"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    decide(assignment, "forward")
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert assignment.scope == "CROSS_PD"
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("own_authorization", kadis.pk, "forward"),
        ("target_authorization", kaban.pk, "approve"),
        ("availability", kabid_bappeda.pk, "approve"),
        ("reply_approval", kaban.pk, "approve"),
        ("decree", sekda.pk, "approve"),
        ("letter", kabid_bappeda.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    issued = letters(assignment)
    assert [letter.doc_type for letter in issued] == [
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REQUEST",
        "INSTRUCTION",
        "STAFF_LIST",
        "INVOLVEMENT_REPLY",
        "DECREE",
        "ASSIGNMENT_LETTER",
    ]
    assignment_letter = issued[6]
    assert party_ids([assignment_letter.signer]) == [kabid_bappeda.pk]
    assert party_ids(assignment_letter.cc) == [kaban.pk, kadis.pk]
    assert party_ids([issued[5].signer]) == [sekda.pk]


@pytest.mark.django_db
def test_wf_pen_in_lampiran_ii_b_2_a_1_unit_head_appoints_directly(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid = org.people["bidang"]

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(candidate_ids=[jf.pk], competencies=[], expected_target=""),
        at=NOW,
        on=ON,
    )
    decide(assignment, "acknowledge")

    assert assignment.scope == "WITHIN_UNIT"
    assert trail(assignment) == [("appoint", kabid.pk, "submit"), ("receive", jf.pk, "acknowledge")]
    assert [letter.doc_type for letter in letters(assignment)] == ["ASSIGNMENT_LETTER"]


@pytest.mark.django_db
def test_wf_suk_uo_lampiran_ii_b_2_b_2_voluntary_cross_unit_application(org):
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris, kadis = org.people["bidang"], org.people["sekretariat"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["bidang"].pk, expected_target=""),
        at=NOW,
        on=ON,
    )
    decide(assignment, "approve")
    decide(assignment, "forward")
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("target_review", kabid.pk, "approve"),
        ("forward", jf.pk, "forward"),
        ("own_review", sekretaris.pk, "approve"),
        ("letter", sekretaris.pk, "approve"),
        ("decree", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    application = letters(assignment)[0]
    assert application.doc_type == "VOLUNTARY_APPLICATION"
    assert party_ids(application.cc) == [sekretaris.pk]


@pytest.mark.django_db
def test_v14_lampiran_ii_b_2_b_voluntary_application_across_pd_is_refused(org):
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=jf,
            data=request(mode="VOLUNTARY", owner_unit_id=org.units["BAPPEDA.bidang"].pk),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-14"
    assert refused.value.citation == "Perbup Kotim 51/2023 Lampiran II.B.2.b"


@pytest.mark.django_db
def test_v16_lampiran_ii_b_2_b_2_a_cross_unit_application_cannot_be_oral(org):
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=jf,
            data=request(mode="VOLUNTARY", owner_unit_id=org.units["bidang"].pk, channel="ORAL"),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-16"


@pytest.mark.django_db
def test_v22_pasal_10_ayat_4_only_the_owner_unit_head_submits_an_appointment(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    other = org.staff("Tono", "bidang", "FUNGSIONAL", "AHLI_MUDA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=other, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
        )

    assert refused.value.code == "not_first_actor"
    assert WorkflowInstance.objects.filter(government=org.government).count() == 0


@pytest.mark.django_db
def test_v24_lampiran_ii_b_2_a_2_c_staff_outside_the_criteria_need_a_written_justification(org):
    from sikerja.core.errors import ValidationFailed

    jf = org.staff(
        "Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA", competencies=("kearsipan",)
    )
    assignment = assignment_request_submit(
        requester=org.people["bidang"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )

    with pytest.raises(ValidationFailed) as warned:
        decide(assignment, "approve")
    step = decide(
        assignment, "approve", justification="Satu-satunya pegawai yang tersedia bulan ini."
    )

    assert warned.value.code == "justification_required"
    assert warned.value.rule == "V-24"
    assert step.data["justifications"] == [
        {
            "rule": "V-24",
            "citation": warned.value.citation,
            "message": "Kompetensi Dewi Lestari belum memenuhi kriteria permohonan (analisis kebijakan).",
            "justification": "Satu-satunya pegawai yang tersedia bulan ini.",
        }
    ]
