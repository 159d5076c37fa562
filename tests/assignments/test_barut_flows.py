"""Barut (Perbup Barut 18/2024): every flow end to end, named after SPEC ids and articles.

The Barut Lampiran is missing from the seed (Appendix A1): the flows rest on Pasal 19-24, and the
steps the body does not give are product decisions (marked in the pack data).
"""

from __future__ import annotations

import pytest

from sikerja.assignments.models import Assignment
from sikerja.assignments.services import RequestInput, assignment_request_submit
from sikerja.audit.models import AuditEvent
from sikerja.core.errors import RuleViolation
from sikerja.organization.models import Employee, Government
from sikerja.regulations.loader import load_pack
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
    voluntary_application_abroad,
)
from tests.assignments.flow import external_government as flow_external_government
from tests.organization.builders import add_agency, build_org

PACK = "barut-2024"
PERBUP = "Perbup Barut 18/2024"


def request(**overrides) -> RequestInput:
    defaults = {
        "other_arrangements": "Tidak ada",
    }
    return request_input(**(defaults | overrides))


def external_government() -> tuple[Government, dict[str, Employee]]:
    return flow_external_government(kode="P62", province="Kalimantan Tengah")


@pytest.fixture
def org():
    return build_org(PACK)


# ---------------------------------------------------------------- WF-PEN-IN (SPEC 4.1)


@pytest.mark.django_db
@pytest.mark.parametrize("subject", ["INDIVIDUAL", "TEAM"])
def test_wf_pen_in_pasal_20_ayat_1_barut_appraiser_sets_the_surat_perintah(org, subject):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid = org.people["bidang"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(subject=subject, candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("WITHIN_UNIT", "WF-PEN-IN")
    assert trail(assignment) == [("order", kabid.pk, "submit"), ("receive", jf.pk, "acknowledge")]
    (order,) = letters(assignment)
    assert (order.doc_type, order.title) == ("ORDER_LETTER", "Surat Perintah")
    assert party_ids([order.signer]) == [kabid.pk]
    assert party_ids(order.addressees) == [jf.pk]
    assert order.body["other_arrangements"] == "Tidak ada"
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_v02_pasal_20_ayat_2_barut_surat_perintah_states_its_four_items_and_nothing_is_written(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    before = (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    )

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["bidang"],
            data=request(candidate_ids=[jf.pk], other_arrangements="", expected_target=""),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-02"
    assert refused.value.citation == f"{PERBUP} Pasal 20 ayat (2); {PERBUP} Pasal 21 ayat (1)"
    assert set(refused.value.fields) == {"other_arrangements", "expected_target"}
    assert (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    ) == before


@pytest.mark.django_db
def test_v22_pasal_23_ayat_5_barut_only_the_appraiser_sets_a_within_unit_assignment(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["dinas"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
        )

    assert refused.value.code == "not_first_actor"
    assert refused.value.citation == f"{PERBUP} Pasal 20 ayat (1)"


# ---------------------------------------------------------------- WF-PEN-UO (SPEC 4.2.3)


@pytest.mark.django_db
def test_wf_pen_uo_pasal_20_ayat_4_a_barut_head_of_pd_sets_the_surat_perintah_after_the_written_reply(
    org,
):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris, kadis = org.people["bidang"], org.people["sekretariat"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-PEN-UO")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("reply", sekretaris.pk, "approve"),
        ("order", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    request_letter, reply, order = letters(assignment)
    assert [request_letter.doc_type, reply.doc_type, order.doc_type] == [
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REPLY",
        "ORDER_LETTER",
    ]
    assert party_ids(request_letter.addressees) == [sekretaris.pk]
    assert party_ids([reply.signer]) == [sekretaris.pk]
    assert party_ids(reply.addressees) == [kabid.pk]
    assert party_ids([order.signer]) == [kadis.pk]
    assert party_ids(order.addressees) == [jf.pk]
    assert party_ids(order.cc) == [kabid.pk, sekretaris.pk]


@pytest.mark.django_db
def test_wf_pen_uo_team_pasal_21_barut_team_surat_perintah_by_head_of_pd_is_a_product_decision(org):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris, kadis = org.people["bidang"], org.people["sekretariat"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(subject="TEAM", candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    definition = load_pack(PACK).data.workflows["WF-PEN-UO-TEAM"]
    assert assignment.workflow_key == "WF-PEN-UO-TEAM"
    assert definition.step("order").product_decision is True
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("reply", sekretaris.pk, "approve"),
        ("order", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    order = letters(assignment)[-1]
    assert (order.doc_type, order.title) == (
        "ORDER_LETTER",
        "Surat Perintah Penugasan Tim Kerja Lintas Unit Organisasi",
    )
    assert party_ids([order.signer]) == [kadis.pk]


@pytest.mark.django_db
def test_v03_pasal_21_ayat_3_barut_written_rejection_carries_a_reason_by_product_decision(org):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris = org.people["bidang"], org.people["sekretariat"]
    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject")
    decide(assignment, "reject", reason="Pegawai sedang menyusun laporan keuangan akhir tahun.")

    assert refused.value.rule == "V-03"
    assert refused.value.citation == f"{PERBUP} Pasal 21 ayat (3)"
    assert load_pack(PACK).rule("V-03").product_decision is True
    reply = letters(assignment)[-1]
    assert reply.doc_type == "INVOLVEMENT_REPLY"
    assert party_ids([reply.signer]) == [sekretaris.pk]
    assert party_ids(reply.addressees) == [kabid.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


@pytest.mark.django_db
def test_v01_pasal_20_ayat_3_barut_cross_unit_request_names_the_four_items(org):
    jf = org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["bidang"],
            data=request(candidate_ids=[jf.pk], competencies=[]),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-01"
    assert refused.value.citation == f"{PERBUP} Pasal 20 ayat (3); {PERBUP} Pasal 21 ayat (2)"
    assert set(refused.value.fields) == {"competencies"}


# ---------------------------------------------------------------- WF-PEN-PD (SPEC 4.3.2)


@pytest.mark.django_db
@pytest.mark.parametrize("subject", ["INDIVIDUAL", "TEAM"])
def test_wf_pen_pd_pasal_20_ayat_4_b_barut_sekda_sets_the_surat_perintah(org, subject):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    kabid, kadis, sekda = org.people["bidang"], org.people["dinas"], org.people["setda"]
    kaban, kabid_bappeda = heads["BAPPEDA.root"], heads["BAPPEDA.bidang"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(subject=subject, candidate_ids=[jf.pk]), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_PD", "WF-PEN-PD")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("reply", kabid_bappeda.pk, "approve"),
        ("order", sekda.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    request_letter, reply, order = letters(assignment)
    assert party_ids(request_letter.addressees) == [kabid_bappeda.pk]
    assert party_ids(request_letter.cc) == [kaban.pk]
    assert party_ids(reply.addressees) == [kabid.pk]
    assert party_ids(reply.cc) == [kadis.pk]
    assert order.doc_type == "ORDER_LETTER"
    assert party_ids([order.signer]) == [sekda.pk]
    assert party_ids(order.addressees) == [jf.pk]
    assert party_ids(order.cc) == [kabid.pk, kabid_bappeda.pk]


# ---------------------------------------------------------------- WF-PEN-INST (SPEC 4.4.4)


@pytest.mark.django_db
def test_wf_pen_inst_pasal_19_ayat_2_barut_uses_the_cilegon_machine_not_specified_by_the_pack(org):
    external, province = external_government()
    kabid, kadis = org.people["bidang"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(candidate_ids=[province["jf"].pk], external_government_id=external.pk),
        at=NOW,
        on=ON,
    )
    for decision in ("forward", "approve", "approve", "record"):
        decide(assignment, decision)

    definition = load_pack(PACK).data.workflows["WF-PEN-INST"]
    assert definition.not_specified_by_pack is True
    assert all(step.product_decision for step in definition.steps)
    assert (assignment.scope, assignment.workflow_key) == ("CROSS_INSTANSI", "WF-PEN-INST")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("own_authorization", kadis.pk, "forward"),
        ("target_authorization", None, "approve"),
        ("availability", None, "approve"),
        ("letter", None, "record"),
    ]
    issued = letters(assignment)
    assert [letter.doc_type for letter in issued] == [
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REQUEST",
        "INSTRUCTION",
        "STAFF_LIST",
        "ASSIGNMENT_LETTER",
    ]
    assert party_ids(issued[1].addressees) == [province["kaban"].pk]
    assert party_ids(issued[4].addressees) == [province["jf"].pk]
    assert party_ids(issued[4].cc) == [province["kabid"].pk, kadis.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


# ---------------------------------------------------------------- WF-SUK-IN (SPEC 4.5)


@pytest.mark.django_db
def test_wf_suk_in_pasal_23_ayat_5_barut_appraiser_sets_the_voluntary_assignment(org):
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid = org.people["bidang"]

    assignment = assignment_request_submit(
        requester=jf, data=request(mode="VOLUNTARY"), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert load_pack(PACK).data.workflows["WF-SUK-IN"].not_specified_by_pack is True
    assert (assignment.scope, assignment.workflow_key) == ("WITHIN_UNIT", "WF-SUK-IN")
    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("decide", kabid.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    application, order = letters(assignment)
    assert [application.doc_type, order.doc_type] == ["VOLUNTARY_APPLICATION", "ORDER_LETTER"]
    assert party_ids(application.addressees) == [kabid.pk]
    assert party_ids([order.signer]) == [kabid.pk]


# ---------------------------------------------------------------- WF-SUK-UO / WF-SUK-PD (SPEC 4.6.3)


@pytest.mark.django_db
def test_wf_suk_uo_pasal_23_ayat_4_pasal_20_ayat_4_a_barut_own_appraiser_approves_kepala_pd_sets_it(
    org,
):
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, sekretaris, kadis = org.people["bidang"], org.people["sekretariat"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["bidang"].pk),
        at=NOW,
        on=ON,
    )
    for decision in ("approve", "approve", "approve", "acknowledge"):
        decide(assignment, decision)

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-SUK-UO")
    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("own_approval", sekretaris.pk, "approve"),
        ("target_review", kabid.pk, "approve"),
        ("order", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    application, order = letters(assignment)
    assert application.doc_type == "VOLUNTARY_APPLICATION"
    assert party_ids(application.addressees) == [kabid.pk]
    assert party_ids(application.cc) == [sekretaris.pk]
    assert order.doc_type == "ORDER_LETTER"
    assert party_ids([order.signer]) == [kadis.pk]
    assert party_ids(order.cc) == [kabid.pk, sekretaris.pk]


@pytest.mark.django_db
def test_wf_suk_pd_pasal_23_ayat_4_barut_voluntary_application_across_pd_is_allowed(org):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, kabid_bappeda, sekda = org.people["bidang"], heads["BAPPEDA.bidang"], org.people["setda"]

    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["BAPPEDA.bidang"].pk),
        at=NOW,
        on=ON,
    )
    for decision in ("approve", "approve", "approve", "acknowledge"):
        decide(assignment, decision)

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_PD", "WF-SUK-PD")
    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("own_approval", kabid.pk, "approve"),
        ("target_review", kabid_bappeda.pk, "approve"),
        ("order", sekda.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    assert [letter.doc_type for letter in letters(assignment)] == [
        "VOLUNTARY_APPLICATION",
        "ORDER_LETTER",
    ]


@pytest.mark.django_db
def test_v03_product_decision_pasal_23_ayat_4_barut_target_refusal_carries_a_reason(org):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["BAPPEDA.bidang"].pk),
        at=NOW,
        on=ON,
    )
    decide(assignment, "approve")

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject")
    decide(assignment, "reject", reason="Tim sudah lengkap.")

    assert refused.value.rule == "V-03"
    reply = letters(assignment)[-1]
    assert reply.doc_type == "INVOLVEMENT_REPLY"
    assert party_ids([reply.signer]) == [heads["BAPPEDA.bidang"].pk]
    assert party_ids(reply.addressees) == [jf.pk]
    assert party_ids(reply.cc) == [org.people["bidang"].pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


@pytest.mark.django_db
def test_v16_silent_pasal_23_ayat_4_barut_does_not_require_a_written_cross_unit_application(org):
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")

    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["bidang"].pk, channel="ORAL"),
        at=NOW,
        on=ON,
    )

    assert (assignment.workflow_key, assignment.channel) == ("WF-SUK-UO", "ORAL")


@pytest.mark.django_db
def test_v14_pasal_23_ayat_4_barut_voluntary_application_across_agencies_is_refused(org):
    refusal = voluntary_application_abroad(org)

    assert refusal.rule == "V-14"
    assert refusal.citation == f"{PERBUP} Pasal 23 ayat (4)"
    assert not Assignment.objects.filter(government=org.government).exists()


# ---------------------------------------------------------------- Tugas insidental (Pasal 24)


@pytest.mark.django_db
def test_wf_tugas_insidental_pasal_24_barut_incidental_task_by_surat_perintah_of_the_appraiser(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid = org.people["bidang"]

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(subject="TEAM", candidate_ids=[jf.pk], additional_task=True),
        at=NOW,
        on=ON,
    )
    decide(assignment, "acknowledge")

    assert assignment.workflow_key == "WF-TUGAS-INSIDENTAL"
    assert trail(assignment) == [("order", kabid.pk, "submit"), ("receive", jf.pk, "acknowledge")]
    (order,) = letters(assignment)
    assert (order.doc_type, order.title) == ("ORDER_LETTER", "Surat Perintah Tugas Insidental")
    assert party_ids([order.signer]) == [kabid.pk]


@pytest.mark.django_db
def test_v02_pasal_24_barut_incidental_task_order_states_the_four_items(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["bidang"],
            data=request(candidate_ids=[jf.pk], additional_task=True, other_arrangements=""),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-02"
    assert set(refused.value.fields) == {"other_arrangements"}
