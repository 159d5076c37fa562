"""Surakarta (Perwali Surakarta 32/2023): every flow end to end, named after SPEC ids and articles.

In this pack the "Pimpinan Unit Organisasi" is the head of the Perangkat Daerah (work-unit scope),
so within the Dinas every request is WITHIN_UNIT and a request to another Perangkat Daerah runs the
cross-unit flow (SPEC §4.0 interpretation, §4.3.4).
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
from sikerja.organization.models import Employee, Government
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
    voluntary_application_abroad,
)
from tests.assignments.flow import external_government as flow_external_government
from tests.assignments.regional_head import regional_head
from tests.organization.builders import add_agency, build_org

PACK = "surakarta-2023"
PERWALI = "Perwali Surakarta 32/2023"


def request(**overrides) -> RequestInput:
    return request_input(**overrides)


def external_government() -> tuple[Government, dict[str, Employee]]:
    return flow_external_government(kode="P33", province="Jawa Tengah")


@pytest.fixture
def org():
    return build_org(PACK)


# ---------------------------------------------------------------- WF-PEN-IN (SPEC 4.1)


@pytest.mark.django_db
def test_wf_pen_in_pasal_17_ayat_2_surakarta_appraiser_proposes_and_unit_head_appoints(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, kadis = org.people["bidang"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=kabid,
        data=request(candidate_ids=[jf.pk], competencies=[], expected_target=""),
        at=NOW,
        on=ON,
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("WITHIN_UNIT", "WF-PEN-IN")
    assert trail(assignment) == [
        ("propose", kabid.pk, "submit"),
        ("appoint", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    issued = letters(assignment)
    assert [letter.doc_type for letter in issued] == ["ASSIGNMENT_LETTER"]
    assert party_ids([issued[0].signer]) == [kadis.pk]
    assert party_ids(issued[0].addressees) == [jf.pk]
    assert party_ids(issued[0].cc) == [kabid.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_v22_pasal_17_ayat_2_surakarta_only_the_candidates_appraiser_proposes(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["sekretariat"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
        )

    assert refused.value.code == "not_first_actor"
    assert refused.value.citation == f"{PERWALI} Pasal 17 ayat (2)"
    assert WorkflowInstance.objects.filter(government=org.government).count() == 0


# ---------------------------------------------------------------- WF-PEN-UO (SPEC 4.2.2)


@pytest.mark.django_db
def test_wf_pen_uo_lampiran_iv_3_1_b_surakarta_partner_unit_head_replies_with_names(org):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    asked = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    named = org.staff("Wulan Sari", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    kadis = org.people["dinas"]
    kaban, kabid_bappeda = heads["BAPPEDA.root"], heads["BAPPEDA.bidang"]

    assignment = assignment_request_submit(
        requester=kadis, data=request(candidate_ids=[asked.pk]), at=NOW, on=ON
    )
    decide(assignment, "approve", assignee_ids=[named.pk])
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-PEN-UO")
    assert trail(assignment) == [
        ("request", kadis.pk, "submit"),
        ("review", kaban.pk, "approve"),
        ("letter", kaban.pk, "approve"),
        ("receive", named.pk, "acknowledge"),
    ]
    assert instance_of(assignment).steps.get(step_key="review").recommender_id == kabid_bappeda.pk
    request_letter, reply, assignment_letter = letters(assignment)
    assert [request_letter.doc_type, reply.doc_type, assignment_letter.doc_type] == [
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REPLY",
        "ASSIGNMENT_LETTER",
    ]
    assert party_ids([request_letter.signer]) == [kadis.pk]
    assert party_ids(request_letter.addressees) == [kaban.pk]
    assert party_ids(request_letter.cc) == [kabid_bappeda.pk]
    assert party_ids([reply.signer]) == [kaban.pk]
    assert party_ids(reply.addressees) == [kadis.pk]
    assert [person["name"] for person in reply.body["assignees"]] == ["Wulan Sari"]
    assert party_ids([assignment_letter.signer]) == [kaban.pk]
    assert party_ids(assignment_letter.addressees) == [named.pk]
    assert party_ids(assignment_letter.cc) == [kadis.pk, kabid_bappeda.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_v23_lampiran_iv_3_1_2_angka_2_b_surakarta_reply_waits_for_the_appraisers_recommendation(
    org,
):
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    assignment = assignment_request_submit(
        requester=org.people["dinas"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
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
    assert refused.value.citation == (
        f"{PERWALI} Lampiran IV 3.1.2 angka 2 huruf b (pelibatan dari unit organisasi lain)"
    )
    assert AuditEvent.objects.count() == events


@pytest.mark.django_db
def test_v03_lampiran_iv_3_1_b_2_surakarta_partner_rejection_needs_a_reason_and_sends_the_reply(
    org,
):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    kadis = org.people["dinas"]
    assignment = assignment_request_submit(
        requester=kadis, data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
    )

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject", reason=" ")
    decide(assignment, "reject", reason="Pegawai sedang menyusun RKPD 2027.")

    assert refused.value.rule == "V-03"
    assert refused.value.citation.startswith(f"{PERWALI} Lampiran IV 3.1.b.2);")
    reply = letters(assignment)[-1]
    assert reply.doc_type == "INVOLVEMENT_REPLY"
    assert party_ids([reply.signer]) == [heads["BAPPEDA.root"].pk]
    assert party_ids(reply.addressees) == [kadis.pk]
    assert reply.body["reason"] == "Pegawai sedang menyusun RKPD 2027."
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


@pytest.mark.django_db
def test_v01_pasal_17_ayat_6_surakarta_cross_unit_request_needs_the_four_items_and_nothing_is_written(
    org,
):
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    before = (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    )

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["dinas"],
            data=request(candidate_ids=[jf.pk], competencies=[], ends_on=None),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-01"
    assert refused.value.citation == (
        f"{PERWALI} Pasal 17 ayat (6); {PERWALI} Lampiran IV 3.1 (isi surat permohonan pelibatan)"
    )
    assert set(refused.value.fields) == {"competencies", "starts_on", "ends_on"}
    assert (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        AuditEvent.objects.count(),
    ) == before


@pytest.mark.django_db
def test_pasal_17_ayat_3_surakarta_cross_unit_request_comes_from_the_owner_unit_head(org):
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["bidang"], data=request(candidate_ids=[jf.pk]), at=NOW, on=ON
        )

    assert refused.value.code == "not_first_actor"
    assert refused.value.citation == f"{PERWALI} Lampiran IV 3.1.b.1)"


# ---------------------------------------------------------------- WF-PEN-INST (SPEC 4.4.2)


@pytest.mark.django_db
def test_wf_pen_inst_lampiran_iv_3_1_c_surakarta_request_via_wali_kota_up_sekda_sent_an_wali_kota(
    org,
):
    external, province = external_government()
    kadis, sekda = org.people["dinas"], org.people["setda"]
    wali_kota = regional_head(org)

    assignment = assignment_request_submit(
        requester=kadis,
        data=request(candidate_ids=[province["jf"].pk], external_government_id=external.pk),
        at=NOW,
        on=ON,
    )
    decide(assignment, "forward")
    decide(assignment, "approve")
    decide(assignment, "record")

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_INSTANSI", "WF-PEN-INST")
    assert trail(assignment) == [
        ("request", kadis.pk, "submit"),
        ("forward", sekda.pk, "forward"),
        ("external_reply", None, "approve"),
        ("record_assignment", None, "record"),
    ]
    recorded = instance_of(assignment).steps.filter(
        step_key__in=["external_reply", "record_assignment"]
    )
    assert {step.recorder_id for step in recorded} == {kadis.pk}
    issued = letters(assignment)
    assert [letter.doc_type for letter in issued] == [
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REQUEST",
        "INVOLVEMENT_REPLY",
        "ASSIGNMENT_LETTER",
    ]
    to_wali_kota, from_sekda, reply, recorded_letter = issued
    assert party_ids([to_wali_kota.signer]) == [kadis.pk]
    assert party_ids(to_wali_kota.addressees) == [wali_kota.pk]
    assert to_wali_kota.addressees[0]["expression"] == "government.regional_head"
    assert party_ids([from_sekda.signer]) == [sekda.pk]
    assert from_sekda.on_behalf_of == "a.n. Wali Kota Surakarta"
    assert party_ids(from_sekda.addressees) == [province["kaban"].pk]
    assert reply.is_external
    assert party_ids(reply.addressees) == [wali_kota.pk]
    assert recorded_letter.is_external
    assert party_ids(recorded_letter.addressees) == [province["jf"].pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_wf_pen_inst_team_pasal_14_ayat_3_surakarta_owner_unit_head_sets_the_team_by_decree(org):
    external, province = external_government()
    kadis, sekda = org.people["dinas"], org.people["setda"]

    assignment = assignment_request_submit(
        requester=kadis,
        data=request(
            subject="TEAM", candidate_ids=[province["jf"].pk], external_government_id=external.pk
        ),
        at=NOW,
        on=ON,
    )
    decide(assignment, "forward")
    decide(assignment, "approve")
    decide(assignment, "record")
    decide(assignment, "approve")

    assert assignment.workflow_key == "WF-PEN-INST-TEAM"
    assert trail(assignment) == [
        ("request", kadis.pk, "submit"),
        ("forward", sekda.pk, "forward"),
        ("external_reply", None, "approve"),
        ("record_assignment", None, "record"),
        ("decree", kadis.pk, "approve"),
    ]
    decree = letters(assignment)[-1]
    assert decree.doc_type == "DECREE"
    assert party_ids([decree.signer]) == [kadis.pk]
    assert party_ids(decree.cc) == [province["kaban"].pk]


@pytest.mark.django_db
def test_v03_lampiran_iv_3_1_c_3_surakarta_other_agency_rejects_with_reasons(org):
    external, province = external_government()
    kadis = org.people["dinas"]
    wali_kota = regional_head(org)
    assignment = assignment_request_submit(
        requester=kadis,
        data=request(candidate_ids=[province["jf"].pk], external_government_id=external.pk),
        at=NOW,
        on=ON,
    )
    decide(assignment, "forward")

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject")
    decide(assignment, "reject", reason="Pegawai dibutuhkan untuk penyusunan RPJMD Provinsi.")

    assert refused.value.rule == "V-03"
    assert f"{PERWALI} Lampiran IV 3.1.c.3)" in refused.value.citation
    reply = letters(assignment)[-1]
    assert (reply.doc_type, reply.is_external) == ("INVOLVEMENT_REPLY", True)
    assert party_ids(reply.addressees) == [wali_kota.pk]
    assert party_ids(reply.cc) == [kadis.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


# ---------------------------------------------------------------- WF-SUK-IN (SPEC 4.5)


@pytest.mark.django_db
def test_wf_suk_in_pasal_18_ayat_2_surakarta_oral_application_within_the_unit(org):
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, kadis = org.people["bidang"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["sekretariat"].pk, channel="ORAL"),
        at=NOW,
        on=ON,
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("WITHIN_UNIT", "WF-SUK-IN")
    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("decide", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    record, letter = letters(assignment)
    assert record.doc_type == "ORAL_REQUEST_RECORD"
    assert party_ids(record.addressees) == [kadis.pk]
    assert party_ids(record.cc) == [kabid.pk]
    assert letter.doc_type == "ASSIGNMENT_LETTER"
    assert party_ids([letter.signer]) == [kadis.pk]
    assert party_ids(letter.addressees) == [jf.pk]


@pytest.mark.django_db
def test_v03_product_decision_surakarta_refusing_an_oral_application_needs_a_reason(org):
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    assignment = assignment_request_submit(
        requester=jf, data=request(mode="VOLUNTARY", channel="ORAL"), at=NOW, on=ON
    )

    with pytest.raises(RuleViolation) as refused:
        decide(assignment, "reject")
    decide(assignment, "reject", reason="Kegiatan sudah lengkap personelnya.")

    assert refused.value.rule == "V-03"
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


# ---------------------------------------------------------------- WF-SUK-UO (SPEC 4.6.2)


@pytest.mark.django_db
def test_wf_suk_uo_lampiran_iv_3_2_2_surakarta_prior_approval_then_target_then_own_unit_head_signs(
    org,
):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, kadis, kaban = org.people["bidang"], org.people["dinas"], heads["BAPPEDA.root"]

    assignment = assignment_request_submit(
        requester=jf,
        data=request(mode="VOLUNTARY", owner_unit_id=org.units["BAPPEDA.bidang"].pk),
        at=NOW,
        on=ON,
    )
    decide(assignment, "approve")
    decide(assignment, "approve")
    decide(assignment, "forward")
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_UNIT", "WF-SUK-UO")
    assert trail(assignment) == [
        ("apply", jf.pk, "submit"),
        ("pre_approval", kadis.pk, "approve"),
        ("target_review", kaban.pk, "approve"),
        ("forward", jf.pk, "forward"),
        ("own_review", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    application, forwarded, letter = letters(assignment)
    assert [application.doc_type, forwarded.doc_type, letter.doc_type] == [
        "VOLUNTARY_APPLICATION",
        "VOLUNTARY_APPROVAL_FORWARD",
        "ASSIGNMENT_LETTER",
    ]
    assert party_ids([application.signer]) == [jf.pk]
    assert party_ids(application.addressees) == [kaban.pk]
    assert party_ids(application.cc) == [kabid.pk]
    assert party_ids(forwarded.addressees) == [kadis.pk]
    assert party_ids([letter.signer]) == [kadis.pk]
    assert party_ids(letter.addressees) == [kaban.pk]
    assert party_ids(letter.cc) == [jf.pk, kabid.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_v03_lampiran_iv_3_2_2_e_surakarta_target_refuses_in_writing_with_a_reason(org):
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
    decide(assignment, "reject", reason="Kompetensi yang dibutuhkan adalah perencana.")

    assert refused.value.rule == "V-03"
    assert f"{PERWALI} Lampiran IV 3.2.2 huruf e" in refused.value.citation
    refusal = letters(assignment)[-1]
    assert refusal.doc_type == "INVOLVEMENT_REPLY"
    assert party_ids([refusal.signer]) == [heads["BAPPEDA.root"].pk]
    assert party_ids(refusal.addressees) == [jf.pk]
    assert party_ids(refusal.cc) == [org.people["dinas"].pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.REJECTED


@pytest.mark.django_db
def test_v16_pasal_18_ayat_3_a_surakarta_cross_unit_application_cannot_be_oral(org):
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=jf,
            data=request(
                mode="VOLUNTARY", owner_unit_id=org.units["BAPPEDA.bidang"].pk, channel="ORAL"
            ),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "V-16"
    assert (
        refused.value.citation
        == f"{PERWALI} Pasal 18 ayat (2) huruf a; {PERWALI} Pasal 18 ayat (3) huruf a"
    )


@pytest.mark.django_db
def test_v14_pasal_18_ayat_1_surakarta_voluntary_application_across_agencies_is_refused(org):
    refusal = voluntary_application_abroad(org)

    assert refusal.rule == "V-14"
    assert refusal.citation == f"{PERWALI} Pasal 18 ayat (1); {PERWALI} Lampiran IV 3.2"
    assert not Assignment.objects.filter(government=org.government).exists()


def test_sec_4_3_4_surakarta_defines_no_cross_pd_flows():
    workflows = load_pack(PACK).data.workflows

    assert "WF-PEN-PD" not in workflows
    assert "WF-SUK-PD" not in workflows
    assert workflows["WF-SUK-INST"].allowed is False


# ---------------------------------------------------------------- Tugas tambahan (Pasal 13(6))


@pytest.mark.django_db
def test_wf_tugas_tambahan_pasal_13_ayat_6_surakarta_additional_task_is_set_by_the_unit_head(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    kabid, kadis = org.people["bidang"], org.people["dinas"]

    assignment = assignment_request_submit(
        requester=kabid, data=request(candidate_ids=[jf.pk], additional_task=True), at=NOW, on=ON
    )
    decide(assignment, "approve")
    decide(assignment, "acknowledge")

    assert assignment.workflow_key == "WF-TUGAS-TAMBAHAN"
    assert trail(assignment) == [
        ("propose", kabid.pk, "submit"),
        ("appoint", kadis.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    (letter,) = letters(assignment)
    assert (letter.doc_type, letter.title) == (
        "ASSIGNMENT_LETTER",
        "Surat Penugasan Tugas Tambahan",
    )
    assert party_ids([letter.signer]) == [kadis.pk]


@pytest.mark.django_db
def test_wf_tugas_tambahan_pasal_13_ayat_6_surakarta_additional_task_names_the_competence(org):
    jf = org.staff("Sari Indah", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")

    with pytest.raises(RuleViolation) as refused:
        assignment_request_submit(
            requester=org.people["bidang"],
            data=request(candidate_ids=[jf.pk], additional_task=True, competencies=[]),
            at=NOW,
            on=ON,
        )

    assert refused.value.rule == "WF-TUGAS-TAMBAHAN"
    assert refused.value.citation == f"{PERWALI} Pasal 13 ayat (6)"
