"""Blitar (Perwali Blitar 6/2023): every flow end to end, named after SPEC ids and articles.

Without a delegation a JF in a Dinas answers to the JPT Pratama (Pasal 14 ayat (2)), so the
appraiser of the staff is the Kepala Dinas while the unit head is the Kepala Bidang / Sekretaris.
"""

from __future__ import annotations

import pytest

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import (
    RequestInput,
    assignment_decide,
    assignment_request_submit,
)
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import RuleViolation
from sikerja.organization import services_people
from sikerja.organization.models import Employee, Government, OrgUnit
from sikerja.regulations.loader import load_pack
from sikerja.workflows.models import WorkflowInstance
from tests.assignments.flow import (
    NOW,
    ON,
    decide,
    instance_of,
    letters,
    open_step,
    party_ids,
    request_input,
    trail,
)
from tests.assignments.flow import external_government as flow_external_government
from tests.assignments.regional_head import regional_head
from tests.organization.builders import START, add_agency, build_org

PACK = "blitar-2023"
PERWALI = "Perwali Blitar 6/2023"


def request(**overrides) -> RequestInput:
    defaults = {
        "title": "Pendataan sarana kesehatan",
        "purpose": "Memutakhirkan data sarana kesehatan 2027",
        "task_description": "Mengumpulkan dan memverifikasi data sarana kesehatan",
        "individual_target": "Data 40 sarana kesehatan terverifikasi",
    }
    return request_input(**(defaults | overrides))


def external_government() -> tuple[Government, dict[str, Employee]]:
    return flow_external_government(kode="P35", province="Jawa Timur")


@pytest.fixture
def org():
    return build_org(PACK)


# ---------------------------------------------------------------- WF-PEN-IN (SPEC 4.1)


@pytest.mark.django_db
def test_wf_pen_in_pasal_24_ayat_2_blitar_request_to_the_unit_head_who_issues_the_surat_tugas(org):
    lead = org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    pelaksana = org.staff("Agus Salim", "bidang", "PELAKSANA")
    kabid = org.people["bidang"]

    assignment = assignment_request_submit(
        requester=lead, data=request(candidate_ids=[pelaksana.pk]), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("WITHIN_UNIT", "WF-PEN-IN")
    assert trail(assignment) == [
        ("request", lead.pk, "submit"),
        ("decide", kabid.pk, "approve"),
        ("receive", pelaksana.pk, "acknowledge"),
    ]
    request_letter, order = letters(assignment)
    assert [request_letter.doc_type, order.doc_type] == ["INVOLVEMENT_REQUEST", "ORDER_LETTER"]
    assert party_ids([request_letter.signer]) == [lead.pk]
    assert party_ids(request_letter.addressees) == [kabid.pk]
    assert (
        request_letter.body["task_description"]
        == "Mengumpulkan dan memverifikasi data sarana kesehatan"
    )
    assert request_letter.body["individual_target"] == "Data 40 sarana kesehatan terverifikasi"
    assert (order.title, party_ids([order.signer])) == ("Surat Tugas", [kabid.pk])
    assert party_ids(order.addressees) == [pelaksana.pk]
    assert party_ids(order.cc) == [lead.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_wf_pen_in_pasal_22_a_blitar_the_official_holding_the_delegation_decides(org):
    lead = org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    pelaksana = org.staff("Agus Salim", "bidang", "PELAKSANA")
    kabid, kasubbid = org.people["bidang"], org.people["subbidang"]
    services_people.delegation_create(
        actor=org.actor,
        from_employee=kabid,
        to_employee=kasubbid,
        scope="APPOINTMENT",
        valid_from=START,
        legal_basis="Surat Perintah Kepala Bidang Nomor 800/12/2026",
        at=NOW,
    )
    assignment = assignment_request_submit(
        requester=lead, data=request(candidate_ids=[pelaksana.pk]), at=NOW, on=ON
    )

    assignment_decide(
        step_id=open_step(assignment).pk, by=kasubbid, decision="approve", at=NOW, on=ON
    )

    decided = instance_of(assignment).steps.get(step_key="decide")
    assert (decided.actor_id, decided.decided_by_id) == (kabid.pk, kasubbid.pk)
    assert letters(assignment)[-1].doc_type == "ORDER_LETTER"


@pytest.mark.django_db
def test_v01_pasal_24_ayat_3_blitar_request_names_task_description_and_individual_target(org):
    lead = org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    pelaksana = org.staff("Agus Salim", "bidang", "PELAKSANA")
    before = (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    )

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=lead,
            data=request(candidate_ids=[pelaksana.pk], task_description="", individual_target=""),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-01"
    assert refused.value.citation == f"{PERWALI} Pasal 24 ayat (3)"
    assert set(refused.value.fields) == {"task_description", "individual_target"}
    assert (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    ) == before


@pytest.mark.django_db
def test_v03_product_decision_pasal_24_ayat_2_blitar_refusal_carries_a_reason(org):
    lead = org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    pelaksana = org.staff("Agus Salim", "bidang", "PELAKSANA")
    assignment = assignment_request_submit(
        requester=lead, data=request(candidate_ids=[pelaksana.pk]), at=NOW, on=ON
    )

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject")
    decide(assignment, "reject", reason="Pelaksana sedang menyelesaikan pendataan lain.")

    assert refused.value.rule == "V-03"
    assert refused.value.citation == f"{PERWALI} Pasal 24 ayat (2)"
    reply = letters(assignment)[-1]
    assert reply.doc_type == "INVOLVEMENT_REPLY"
    assert party_ids(reply.addressees) == [lead.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


# ---------------------------------------------------------------- WF-PEN-UO (SPEC 4.2.4)


@pytest.mark.django_db
def test_wf_pen_uo_lampiran_b_mekanisme_1_a_blitar_reuses_the_4_2_1_machine_not_specified_by_the_pack(
    org,
):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris, kadis = org.people["bidang"], org.people["sekretariat"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert load_pack(PACK).data.workflows["WF-PEN-UO"].not_specified_by_pack is True
    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-PEN-UO")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("review", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    assert instance_of(assignment).steps.get(step_key="review").recommender_id == sekretaris.pk
    request_letter, order = letters(assignment)
    assert party_ids(request_letter.addressees) == [kadis.pk]
    assert (order.doc_type, order.title) == ("ORDER_LETTER", "Surat Tugas")
    assert party_ids([order.signer]) == [kadis.pk]
    assert party_ids(order.cc) == [kabid.pk, sekretaris.pk]


@pytest.mark.django_db
def test_v23_product_decision_blitar_cross_unit_approval_waits_for_the_unit_head_recommendation(
    org,
):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = assignment_request_submit(
        requester=org.people["bidang"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    step = open_step(assignment)

    with pytest.raises(RuleViolation) as refused:
        assignment_decide(
            step_id=step.pk,
            by=Employee.objects.get(pk=step.actor_id),
            decision="approve",
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-23"
    assert refused.value.citation == f"{PERWALI} Pasal 24 ayat (2)"


# ---------------------------------------------------------------- WF-PEN-PD (SPEC 4.3.3)


@pytest.mark.django_db
def test_wf_pen_pd_pasal_21_ayat_1_b_blitar_cross_pd_team_needs_the_sekdas_surat_perintah(org):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    kabid, kadis, sekda = org.people["bidang"], org.people["dinas"], org.people["setda"]
    kaban, kabid_bappeda = heads["BAPPEDA.root"], heads["BAPPEDA.bidang"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(subject="TEAM", candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    for decision in (
        "forward",
        "approve",
        "approve",
        "approve",
        "approve",
        "approve",
        "acknowledge",
    ):
        decide(assignment, decision)

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_PD", "WF-PEN-PD")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("own_authorization", kadis.pk, "forward"),
        ("target_authorization", kaban.pk, "approve"),
        ("availability", kaban.pk, "approve"),
        ("reply_approval", kaban.pk, "approve"),
        ("lead_order", sekda.pk, "approve"),
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
        "ORDER_LETTER",
        "ORDER_LETTER",
    ]
    # The Sekda's surat perintah comes before the members' (SPEC 4.3.3 as revised, Pasal 21(1)b).
    sekda_order, surat_tugas = issued[5], issued[6]
    assert party_ids([surat_tugas.signer]) == [kabid_bappeda.pk]
    assert party_ids(surat_tugas.cc) == [kaban.pk, kadis.pk]
    assert party_ids([sekda_order.signer]) == [sekda.pk]
    assert party_ids(sekda_order.addressees) == [jf.pk]
    assert party_ids(sekda_order.cc) == [kadis.pk, kaban.pk]
    assert "DECREE" not in {letter.doc_type for letter in issued}


@pytest.mark.django_db
def test_sec_4_3_3_pasal_20_ayat_1_c_blitar_cross_pd_appointment_is_team_level_only(org):
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["bidang"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
        )

    assert refused.value.code == "subject_not_allowed"
    assert refused.value.citation == (
        f"{PERWALI} Pasal 20 ayat (1) huruf c; {PERWALI} Pasal 21 ayat (1) huruf b; {PERWALI} Pasal 22 huruf b"
    )


# ---------------------------------------------------------------- WF-PEN-INST (SPEC 4.4.3)


@pytest.mark.django_db
def test_wf_pen_inst_pasal_21_ayat_1_c_blitar_cross_region_team_by_keputusan_walikota(org):
    external, province = external_government()
    kabid, kadis = org.people["bidang"], org.people["dinas"]
    walikota = regional_head(org)

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(
            subject="TEAM", candidate_ids=[province["jf"].pk], external_government_id=external.pk
        ),
        at=NOW,
        on=ON,
    )
    for decision in ("forward", "approve", "approve"):
        decide(assignment, decision)

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_INSTANSI", "WF-PEN-INST")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("own_authorization", kadis.pk, "forward"),
        ("external_reply", None, "approve"),
        ("decree", walikota.pk, "approve"),
    ]
    issued = letters(assignment)
    assert [letter.doc_type for letter in issued] == [
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REPLY",
        "DECREE",
    ]
    assert party_ids(issued[1].addressees) == [province["kaban"].pk]
    assert issued[2].is_external
    assert party_ids(issued[2].addressees) == [kadis.pk]
    decree = issued[3]
    assert (
        decree.title
        == "Keputusan Walikota Blitar tentang Tim Kerja Antar Instansi dan Ketua Tim Kerja"
    )
    assert decree.signer["expression"] == "government.regional_head"
    assert party_ids([decree.signer]) == [walikota.pk]
    assert party_ids(decree.addressees) == [province["jf"].pk]
    assert party_ids(decree.cc) == [kadis.pk, province["kaban"].pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


# ---------------------------------------------------------------- WF-SUK-* (SPEC 4.5, 4.6.3, 4.7)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "scope", "key"),
    [
        ("bidang", "WITHIN_UNIT", "WF-SUK-IN"),
        ("sekretariat", "CROSS_UNIT", "WF-SUK-UO"),
        ("BAPPEDA.bidang", "CROSS_PD", "WF-SUK-PD"),
    ],
)
def test_wf_suk_pasal_24_ayat_4_blitar_application_to_the_target_unit_head(org, target, scope, key):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    target_head = {"bidang": org.people["bidang"], "sekretariat": org.people["sekretariat"]}.get(
        target, heads["BAPPEDA.bidang"]
    )

    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units[target].pk),
        at=NOW,
        on=ON,
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert load_pack(PACK).data.workflows[key].not_specified_by_pack is True
    assert (assignment.scope, assignment.workflow_key) == (scope, key)
    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("decide", target_head.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    application, order = letters(assignment)
    assert [application.doc_type, order.doc_type] == ["VOLUNTARY_APPLICATION", "ORDER_LETTER"]
    assert party_ids(application.addressees) == [target_head.pk]
    assert party_ids([order.signer]) == [target_head.pk]
    assert party_ids(order.addressees) == [jf.pk]


@pytest.mark.django_db
def test_wf_suk_inst_pasal_24_ayat_4_blitar_voluntary_application_across_agencies_is_not_offered(
    org,
):
    external, _ = external_government()
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    target = OrgUnit.objects.get(government=external, parent__isnull=False)

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=jf,
            data=request(
                mode="VOLUNTARY", owner_unit_id=target.pk, external_government_id=external.pk
            ),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "WF-SUK-INST"
    assert refused.value.citation == (
        f"{PERWALI} Pasal 24 ayat (4) (pengajuan kepada pimpinan unit organisasi yang dituju)"
    )
    assert not Assignment.objects.filter(government=org.government).exists()
