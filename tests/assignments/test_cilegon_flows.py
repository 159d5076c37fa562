"""Cilegon (Perwali Cilegon 17/2023): every flow end to end, named after SPEC ids and articles.

Cross-unit and cross-agency work is done in a team (Pasal 8 ayat (3), V-35), so those requests name
their team. The appraiser and the unit head of a unit are the same official in this pack's test
organisation (own-unit scope), so copies to them are dropped where they sign or receive a letter.
"""

from __future__ import annotations

import pytest

from sikerja.assignments.flow_choice import definition_for
from sikerja.assignments.models import Assignment
from sikerja.assignments.services import (
    RequestInput,
    assignment_decide,
    assignment_request_submit,
)
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.organization.models import Employee, Government, OrgUnit
from sikerja.regulations.loader import load_pack
from sikerja.workflows.models import WorkflowInstance
from tests.assignments.flow import (
    NOW,
    ON,
    decide,
    decide_members,
    family_letters,
    instance_of,
    letters,
    open_step,
    party_ids,
    request_input,
    trail,
)
from tests.assignments.flow import external_government as flow_external_government
from tests.assignments.regional_head import regional_head
from tests.organization.builders import add_agency, build_org

PACK = "cilegon-2023"
PERWALI = "Perwali Cilegon 17/2023"
SKILL = "analisis kebijakan"
TEAM = "Tim Penyusunan Kajian Kebutuhan Tenaga Kesehatan"


def request(**overrides) -> RequestInput:
    defaults = {
        "competencies": [SKILL],
    }
    return request_input(**(defaults | overrides))


def skilled(employee: Employee, competencies: tuple[str, ...] = (SKILL,)) -> Employee:
    """Set the employee's competences (V-24 compares them with the request's criteria)."""
    Employee.objects.filter(pk=employee.pk).update(competencies=list(competencies))
    return employee


def external_government() -> tuple[Government, dict[str, Employee]]:
    return flow_external_government(kode="P36", province="Banten")


@pytest.fixture
def org():
    return build_org(PACK)


# ---------------------------------------------------------------- WF-PEN-IN (SPEC 4.1)


@pytest.mark.django_db
def test_wf_pen_in_lampiran_b_1_a_cilegon_unit_head_proposes_and_appraiser_issues_surat_perintah_tugas(
    org,
):
    jf = org.staff("Sari Indah", "subbidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, kasubbid = org.people["bidang"], org.people["subbidang"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("WITHIN_UNIT", "WF-PEN-IN")
    assert trail(assignment) == [
        ("propose", kabid.pk, "submit"),
        ("assign", kasubbid.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    (order,) = letters(assignment)
    assert (order.doc_type, order.title) == ("ORDER_LETTER", "Surat Perintah Tugas")
    assert party_ids([order.signer]) == [kasubbid.pk]
    assert party_ids(order.addressees) == [jf.pk]
    assert party_ids(order.cc) == [kabid.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_wf_pen_in_team_pasal_9_ayat_1_cilegon_owner_unit_head_sets_the_team_by_keputusan(org):
    first = org.staff("Sari Indah", "subbidang", "FUNGSIONAL", "AHLI_PERTAMA")
    second = org.staff("Tono Wibowo", "subbidang", "PELAKSANA")
    kabid, kasubbid = org.people["bidang"], org.people["subbidang"]

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(subject="TEAM", candidate_ids=[first.pk, second.pk], team_name=TEAM),
        at=NOW,
        on=ON,
    )
    assigned = decide_members(assignment, "approve")
    received = decide_members(assignment, "acknowledge")

    assert assignment.workflow_key == "WF-PEN-IN-TEAM"
    assert trail(assignment) == [
        ("propose", kabid.pk, "submit"),
        ("assign", None, "approve"),
        ("receive", None, "acknowledge"),
    ]
    assert [(s.step_key, s.decided_by_id) for s in assigned] == [
        ("assign", kasubbid.pk),
        ("assign", kasubbid.pk),
    ]
    assert [(s.step_key, s.decided_by_id) for s in received] == [
        ("receive", first.pk),
        ("receive", second.pk),
    ]
    decree, *orders = family_letters(assignment)
    assert [decree.doc_type, *(o.doc_type for o in orders)] == [
        "DECREE",
        "ORDER_LETTER",
        "ORDER_LETTER",
    ]
    assert party_ids([decree.signer]) == [kabid.pk]
    assert [person["name"] for person in decree.body["assignees"]] == ["Sari Indah", "Tono Wibowo"]
    assert party_ids(decree.addressees) == [first.pk, second.pk]
    assert party_ids(decree.cc) == [kasubbid.pk]
    assert [(party_ids([o.signer]), party_ids(o.addressees)) for o in orders] == [
        ([kasubbid.pk], [first.pk]),
        ([kasubbid.pk], [second.pk]),
    ]


# ---------------------------------------------------------------- WF-PEN-UO (SPEC 4.2.1)


@pytest.mark.django_db
def test_wf_pen_uo_lampiran_b_1_b_cilegon_target_appraiser_drafts_the_letter_on_the_unit_head_recommendation(
    org,
):
    jf = skilled(org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA"))
    kabid, sekretaris = org.people["bidang"], org.people["sekretariat"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk], team_name=TEAM), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-PEN-UO")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("review", sekretaris.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    review = instance_of(assignment).steps.get(step_key="review")
    assert review.recommender_id == sekretaris.pk
    assert review.recommendations.count() == 1
    request_letter, assignment_letter = letters(assignment)
    assert [request_letter.doc_type, assignment_letter.doc_type] == [
        "INVOLVEMENT_REQUEST",
        "ASSIGNMENT_LETTER",
    ]
    assert party_ids([request_letter.signer]) == [kabid.pk]
    assert party_ids(request_letter.addressees) == [sekretaris.pk]
    # Appendix A25: both appraisers are copied; here they sign and receive the letter themselves.
    spec = load_pack(PACK).data.workflows["WF-PEN-UO"].step("request").documents["submit"][0]
    assert spec.cc == ("owner.appraiser", "home.appraiser")
    assert request_letter.cc == []
    assert party_ids([assignment_letter.signer]) == [sekretaris.pk]
    assert party_ids(assignment_letter.addressees) == [jf.pk]
    assert party_ids(assignment_letter.cc) == [kabid.pk]
    assert assignment_letter.body["team_name"] == TEAM


@pytest.mark.django_db
def test_wf_pen_uo_team_pasal_9_ayat_1_cilegon_cross_unit_team_set_by_keputusan_of_the_owner_unit_head(
    org,
):
    jf = skilled(org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA"))
    kabid, sekretaris = org.people["bidang"], org.people["sekretariat"]

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(subject="TEAM", candidate_ids=[jf.pk], team_name=TEAM),
        at=NOW,
        on=ON,
    )
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert assignment.workflow_key == "WF-PEN-UO-TEAM"
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("review", sekretaris.pk, "approve"),
        ("decree", kabid.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    assert [letter.doc_type for letter in letters(assignment)] == [
        "INVOLVEMENT_REQUEST",
        "ASSIGNMENT_LETTER",
        "DECREE",
    ]
    decree = letters(assignment)[-1]
    assert party_ids([decree.signer]) == [kabid.pk]
    assert party_ids(decree.cc) == [sekretaris.pk]


@pytest.mark.django_db
def test_sec_4_0_cilegon_request_to_another_perangkat_daerah_goes_to_its_own_kepala_pd_first(org):
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = skilled(org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA"))

    assignment = assignment_request_submit(
        requester=org.people["bidang"],
        data=request(candidate_ids=[jf.pk], team_name=TEAM),
        at=NOW,
        on=ON,
    )

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_PD", "WF-PEN-PD")
    assert open_step(assignment).actor_id == org.people["dinas"].pk


@pytest.mark.django_db
def test_v23_lampiran_b_1_b_3_cilegon_approval_waits_for_the_unit_head_recommendation(org):
    jf = skilled(org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA"))
    assignment = assignment_request_submit(
        requester=org.people["bidang"],
        data=request(candidate_ids=[jf.pk], team_name=TEAM),
        at=NOW,
        on=ON,
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
    assert refused.value.citation == f"{PERWALI} Lampiran B.1.b.3); {PERWALI} Lampiran B.1.c.4)"
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_v03_lampiran_b_1_b_4_cilegon_rejection_needs_a_reason_and_sends_the_reply(org):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris = org.people["bidang"], org.people["sekretariat"]
    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk], team_name=TEAM), at=NOW, on=ON
    )

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject", reason="")
    decide(assignment, "reject", reason="Pegawai sedang menyusun laporan keuangan akhir tahun.")

    assert refused.value.rule == "V-03"
    assert refused.value.citation == f"{PERWALI} Lampiran B.1.b.4)"
    reply = letters(assignment)[-1]
    assert reply.doc_type == "INVOLVEMENT_REPLY"
    assert party_ids([reply.signer]) == [sekretaris.pk]
    assert party_ids(reply.addressees) == [kabid.pk]
    assert reply.body["reason"] == "Pegawai sedang menyusun laporan keuangan akhir tahun."
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


@pytest.mark.django_db
def test_v01_lampiran_b_1_cilegon_cross_unit_request_needs_the_four_items_and_nothing_is_written(
    org,
):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    before = (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    )

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["bidang"],
            data=request(candidate_ids=[jf.pk], team_name=TEAM, purpose="", expected_target=""),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-01"
    assert refused.value.citation == f"{PERWALI} Lampiran B.1 (isi surat permohonan pelibatan)"
    assert set(refused.value.fields) == {"purpose", "expected_target"}
    assert (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    ) == before


@pytest.mark.django_db
def test_v35_pasal_8_ayat_3_cilegon_cross_unit_work_without_a_team_needs_a_justification(org):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(ValidationFailed) as warned:
        assignment_request_submit(
            requester=org.people["bidang"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
        )

    assert warned.value.rule == "V-35"
    assert warned.value.citation == f"{PERWALI} Pasal 8 ayat (3)"
    assert set(warned.value.fields) == {"justification"}


@pytest.mark.django_db
def test_v24_lampiran_b_1_b_3_cilegon_staff_outside_the_criteria_need_a_justification(org):
    jf = skilled(
        org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA"),
        competencies=("statistik",),
    )
    assignment = assignment_request_submit(
        requester=org.people["bidang"],
        data=request(candidate_ids=[jf.pk], team_name=TEAM),
        at=NOW,
        on=ON,
    )

    with pytest.raises(ValidationFailed) as warned:
        decide(assignment, "approve")
    decide(
        assignment, "approve", justification="Satu-satunya analis yang tersedia pada triwulan ini."
    )

    assert warned.value.rule == "V-24"
    assert (
        warned.value.citation == f"{PERWALI} Lampiran B.1.b.3); {PERWALI} Lampiran B.1.c.3) dan 4)"
    )
    review = instance_of(assignment).steps.get(step_key="review")
    assert review.data["justifications"][0]["rule"] == "V-24"


# ---------------------------------------------------------------- WF-PEN-INST (SPEC 4.4.1)


@pytest.mark.django_db
def test_wf_pen_inst_lampiran_b_1_c_cilegon_through_both_authorised_officials_with_three_copies(
    org,
):
    external, province = external_government()
    kabid, kadis = org.people["bidang"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(
            candidate_ids=[province["jf"].pk], external_government_id=external.pk, team_name=TEAM
        ),
        at=NOW,
        on=ON,
    )
    decide(assignment, "forward")
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "record", external_number="800/117/Bappeda/2026")

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_INSTANSI", "WF-PEN-INST")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("own_authorization", kadis.pk, "forward"),
        ("target_authorization", None, "approve"),
        ("availability", None, "approve"),
        ("letter", None, "record"),
    ]
    external_steps = instance_of(assignment).steps.filter(actor_id__isnull=True)
    assert {step.recorder_id for step in external_steps} == {kadis.pk}
    issued = letters(assignment)
    assert [letter.doc_type for letter in issued] == [
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REQUEST",
        "INSTRUCTION",
        "STAFF_LIST",
        "ASSIGNMENT_LETTER",
    ]
    first, forwarded, instruction, staff_list, assignment_letter = issued
    assert party_ids([first.signer]) == [kabid.pk]
    assert party_ids(first.addressees) == [kadis.pk]
    assert party_ids([forwarded.signer]) == [kadis.pk]
    assert party_ids(forwarded.addressees) == [province["kaban"].pk]
    assert party_ids(instruction.addressees) == [province["kabid"].pk]
    assert party_ids(staff_list.addressees) == [kadis.pk]
    assert [letter.is_external for letter in issued] == [False, False, True, True, True]
    assert party_ids(assignment_letter.addressees) == [province["jf"].pk]
    assert assignment_letter.number == "800/117/Bappeda/2026"
    # V-26: the target agency's authorised official (here also the recorded signer), the appraiser
    # concerned, and the requesting agency's authorised official.
    spec = load_pack(PACK).data.workflows["WF-PEN-INST"].step("letter").documents["record"][0]
    assert spec.cc == ("home.authorized_official", "home.appraiser", "owner.authorized_official")
    assert party_ids(assignment_letter.cc) == [province["kabid"].pk, kadis.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_wf_pen_inst_team_pasal_9_ayat_2_cilegon_team_set_by_keputusan_wali_kota(org):
    external, province = external_government()
    kabid, kadis = org.people["bidang"], org.people["dinas"]
    wali_kota = regional_head(org)

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(
            subject="TEAM",
            candidate_ids=[province["jf"].pk],
            external_government_id=external.pk,
            team_name=TEAM,
        ),
        at=NOW,
        on=ON,
    )
    for decision in ("forward", "approve", "approve", "record", "approve"):
        decide(assignment, decision)

    assert assignment.workflow_key == "WF-PEN-INST-TEAM"
    assert [key for key, _, _ in trail(assignment)] == [
        "request",
        "own_authorization",
        "target_authorization",
        "availability",
        "letter",
        "decree",
    ]
    assert trail(assignment)[-1] == ("decree", wali_kota.pk, "approve")
    decree = letters(assignment)[-1]
    assert (decree.doc_type, decree.is_external) == ("DECREE", False)
    assert decree.title.startswith("Keputusan Wali Kota Cilegon")
    assert decree.signer["expression"] == "government.regional_head"
    assert party_ids([decree.signer]) == [wali_kota.pk]
    assert party_ids(decree.cc) == [kadis.pk, province["kaban"].pk]


@pytest.mark.django_db
def test_product_decision_lampiran_b_1_c_4_cilegon_staff_not_available_is_a_reasoned_rejection(org):
    external, province = external_government()
    kabid, kadis = org.people["bidang"], org.people["dinas"]
    assignment = assignment_request_submit(
        requester=kabid,
        data=request(
            candidate_ids=[province["jf"].pk], external_government_id=external.pk, team_name=TEAM
        ),
        at=NOW,
        on=ON,
    )
    decide(assignment, "forward")
    decide(assignment, "approve")

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject")
    decide(assignment, "reject", reason="Tidak tersedia pegawai dengan kompetensi yang diminta.")

    assert refused.value.rule == "V-03"
    reply = letters(assignment)[-1]
    assert (reply.doc_type, reply.is_external) == ("INVOLVEMENT_REPLY", True)
    assert party_ids(reply.addressees) == [kadis.pk]
    assert party_ids(reply.cc) == [kabid.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


# ---------------------------------------------------------------- WF-SUK-IN (SPEC 4.5)


@pytest.mark.django_db
def test_wf_suk_in_lampiran_b_2_a_cilegon_oral_application_and_surat_perintah_tugas(org):
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid = org.people["bidang"]

    assignment = assignment_request_submit(
        requester=jf, data=request(mode="VOLUNTARY", channel="ORAL"), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("WITHIN_UNIT", "WF-SUK-IN")
    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("decide", kabid.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    record, order = letters(assignment)
    assert [record.doc_type, order.doc_type] == ["ORAL_REQUEST_RECORD", "ORDER_LETTER"]
    assert party_ids(record.addressees) == [kabid.pk]
    assert party_ids([order.signer]) == [kabid.pk]
    assert party_ids(order.addressees) == [jf.pk]


# ---------------------------------------------------------------- WF-SUK-UO (SPEC 4.6.1)


@pytest.mark.django_db
def test_wf_suk_uo_lampiran_b_2_b_cilegon_own_appraiser_drafts_the_assignment_letter(org):
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris = org.people["bidang"], org.people["sekretariat"]

    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["bidang"].pk, team_name=TEAM),
        at=NOW,
        on=ON,
    )
    decide(assignment, "approve")
    decide(assignment, "forward")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-SUK-UO")
    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("target_review", kabid.pk, "approve"),
        ("forward", jf.pk, "forward"),
        ("own_review", sekretaris.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    application, forwarded, letter = letters(assignment)
    assert [application.doc_type, forwarded.doc_type, letter.doc_type] == [
        "VOLUNTARY_APPLICATION",
        "VOLUNTARY_APPROVAL_FORWARD",
        "ASSIGNMENT_LETTER",
    ]
    assert party_ids(application.addressees) == [kabid.pk]
    assert party_ids(application.cc) == [sekretaris.pk]
    assert party_ids(forwarded.addressees) == [sekretaris.pk]
    assert party_ids([letter.signer]) == [sekretaris.pk]
    assert party_ids(letter.addressees) == [jf.pk]
    assert party_ids(letter.cc) == [kabid.pk]


@pytest.mark.django_db
def test_v03_product_decision_lampiran_b_2_b_2_cilegon_target_refusal_carries_a_reason(org):
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["bidang"].pk, team_name=TEAM),
        at=NOW,
        on=ON,
    )

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject")
    decide(assignment, "reject", reason="Tim sudah lengkap.")

    assert refused.value.rule == "V-03"
    reply = letters(assignment)[-1]
    assert reply.doc_type == "INVOLVEMENT_REPLY"
    assert party_ids(reply.addressees) == [jf.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


@pytest.mark.django_db
def test_v16_lampiran_b_2_b_1_cilegon_cross_unit_application_cannot_be_oral(org):
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=jf,
            data=request(
                mode="VOLUNTARY",
                owner_unit_id=org.units["bidang"].pk,
                team_name=TEAM,
                channel="ORAL",
            ),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-16"
    assert refused.value.citation == f"{PERWALI} Lampiran B.2.a.1); {PERWALI} Lampiran B.2.b.1)"


@pytest.mark.django_db
def test_wf_suk_inst_lampiran_b_2_cilegon_voluntary_application_across_agencies_is_not_offered(org):
    external, _ = external_government()
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    target = OrgUnit.objects.get(government=external, parent__isnull=False)

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=jf,
            data=request(
                mode="VOLUNTARY",
                owner_unit_id=target.pk,
                external_government_id=external.pk,
                team_name=TEAM,
            ),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "WF-SUK-INST"
    assert (
        refused.value.citation
        == f"{PERWALI} Lampiran B.2 (mekanisme hanya di dalam dan lintas Unit Organisasi)"
    )
    assert not Assignment.objects.filter(government=org.government).exists()


def test_wf_suk_pd_lampiran_b_2_cilegon_voluntary_application_across_pd_is_not_offered():
    with pytest.raises(RuleViolation) as refused:
        definition_for(load_pack(PACK), "WF-SUK-PD", "INDIVIDUAL")

    assert refused.value.code == "flow_forbidden"
    assert refused.value.rule == "WF-SUK-PD"
    assert (
        refused.value.citation
        == f"{PERWALI} Lampiran B.2 (mekanisme hanya di dalam dan lintas Unit Organisasi)"
    )
