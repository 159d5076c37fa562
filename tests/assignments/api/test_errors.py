"""Refusals of the penugasan API: the shared error shape with the pack's rule and citation, and
nothing written."""

from __future__ import annotations

from sikerja.assignments.models import Assignment
from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from sikerja.organization.models import Government, OrgUnit, Placement
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import load_pack
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.assignments.api.test_support import (
    ERROR_KEYS,
    HELP_KEYS,
    PERWALI,
    agency_head_of,
    client_for,
    cross_request,
    open_step,
    request_body,
    within_request,
)
from tests.documents.users import login_for

V03_CITATION = (
    f"{PERWALI} Lampiran IV 3.1.b.2); {PERWALI} Lampiran IV 3.1.c.3); "
    f"{PERWALI} Lampiran IV 3.1.2 angka 2 huruf e (pelibatan dari unit organisasi lain); "
    f"{PERWALI} Lampiran IV 3.2.2 huruf e"
)


def _written() -> tuple[int, int, int, int]:
    return (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        Letter.objects.count(),
        AuditEvent.objects.count(),
    )


def _decide_path(assignment_id: int, step_id: int) -> str:
    return f"/assignments/{assignment_id}/steps/{step_id}/decide"


def test_someone_other_than_the_actor_gets_the_same_404_as_for_a_missing_step(
    session_as, persona, now, today
):
    assignment = within_request(persona, now, today)
    step = open_step(assignment)
    before = _written()
    approve = {"decision": "approve"}

    missing = session_as("kepala_dinas").post(_decide_path(assignment.pk, 0), approve)
    as_requester = session_as("kabid").post(_decide_path(assignment.pk, step.pk), approve)
    as_candidate = session_as("jf_ahli_muda").post(_decide_path(assignment.pk, step.pk), approve)
    as_operator = session_as("bkpsdm").post(_decide_path(assignment.pk, step.pk), approve)

    assert missing.status_code == 404
    assert missing.json() == {
        "code": "not_found",
        "message": "Tidak ditemukan.",
        "rule": "",
        "citation": "",
        "fields": {},
    }
    for response in (as_requester, as_candidate, as_operator):
        assert (response.status_code, response.content) == (404, missing.content)
    assert WorkflowStep.objects.get(pk=step.pk).status == WorkflowStep.Status.OPEN
    assert _written() == before


def test_a_step_named_under_another_assignment_is_not_found(session_as, persona, now, today):
    assignment = within_request(persona, now, today)
    other = cross_request(persona, now, today)

    response = session_as("kepala_dinas").post(
        _decide_path(other.pk, open_step(assignment).pk), {"decision": "approve"}
    )

    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    assert WorkflowStep.objects.get(pk=open_step(assignment).pk).decision == ""


def test_v03_a_rejection_without_a_reason_is_refused_with_the_rule_and_its_citation(
    session_as, persona, now, today
):
    assignment = cross_request(persona, now, today)
    step = open_step(assignment)
    before = _written()

    response = session_as("kepala_dinas").post(
        _decide_path(assignment.pk, step.pk), {"decision": "reject", "reason": "   "}
    )

    assert response.status_code == 400
    body = response.json()
    assert (body["code"], body["rule"], body["citation"]) == (
        "reason_required",
        "V-03",
        V03_CITATION,
    )
    assert body["fields"] == {"reason": "Wajib diisi."}
    assert WorkflowStep.objects.get(pk=step.pk).status == WorkflowStep.Status.OPEN
    assert _written() == before


def test_v23_the_reply_waits_for_the_appraisers_recommendation(session_as, persona, now, today):
    assignment = cross_request(persona, now, today)
    step = open_step(assignment)

    response = session_as("kepala_dinas").post(
        _decide_path(assignment.pk, step.pk), {"decision": "approve"}
    )

    body = response.json()
    recommender = step.recommender
    assert (response.status_code, body["code"], body["rule"], body["citation"]) == (
        400,
        "recommendation_required",
        "V-23",
        f"{PERWALI} Lampiran IV 3.1.2 angka 2 huruf b (pelibatan dari unit organisasi lain)",
    )
    assert body["instead"] == [
        {"name": recommender.full_name, "position": _position_of(recommender, today)}
    ]


def test_v14_a_voluntary_application_to_another_government_is_a_forbidden_flow(
    session_as, persona, world, today
):
    other = Government.objects.get(pk=world.other_government_id)
    target = OrgUnit.objects.filter(government=other, parent__isnull=False).order_by("pk").first()
    before = _written()

    response = session_as("jf_ahli_muda").post(
        "/assignments",
        request_body(
            mode="VOLUNTARY", owner_unit_id=target.pk, external_government_kode=other.kode
        ),
    )

    assert response.status_code == 400
    body = response.json()
    head = Resolver(load_pack(other.pack_id)).head_of_unit(target.pk, today).person
    assert set(body) == ERROR_KEYS | HELP_KEYS
    assert body["instead"] == [{"name": head.name, "position": f"Plt. {head.position_title}"}]
    assert body["next_step"] == (
        f"Sampaikan minat Anda kepada {head.name}: Pimpinan {target.name} dapat menunjuk Anda "
        "melalui Penunjukan lintas instansi pemerintah."
    )
    assert (body["code"], body["rule"], body["citation"]) == (
        "flow_forbidden",
        "V-14",
        f"{PERWALI} Pasal 18 ayat (1); {PERWALI} Lampiran IV 3.2",
    )
    assert _written() == before


def test_v01_a_cross_unit_request_without_the_four_items_writes_nothing(persona, today):
    owner = client_for(agency_head_of(persona("outsider"), today))
    before = _written()

    response = owner.post(
        "/assignments",
        request_body(persona("jf_ahli_muda").nip, competencies=[], ends_on=None),
    )

    body = response.json()
    assert (response.status_code, body["code"], body["rule"]) == (
        400,
        "request_fields_missing",
        "V-01",
    )
    assert body["citation"] == (
        f"{PERWALI} Pasal 17 ayat (6); {PERWALI} Lampiran IV 3.1 (isi surat permohonan pelibatan)"
    )
    assert set(body["fields"]) == {"competencies", "starts_on", "ends_on"}
    assert _written() == before


def test_an_unknown_nip_or_one_of_another_government_is_invalid_input(
    session_as, persona, world, other_tenant_user
):
    stranger = other_tenant_user.employee.nip
    before = _written()

    response = session_as("kabid").post(
        "/assignments", request_body(persona("jf_ahli_muda").nip, "199901012020011999", stranger)
    )

    assert response.status_code == 400
    assert response.json() == {
        "code": "invalid_input",
        "message": "Data yang dirujuk tidak ditemukan.",
        "rule": "",
        "citation": "",
        "fields": {"candidate_nips": f"NIP tidak ditemukan: 199901012020011999, {stranger}."},
    }
    assert _written() == before


def test_an_unknown_government_kode_is_invalid_input(session_as, persona):
    response = session_as("kabid").post(
        "/assignments",
        request_body(persona("jf_ahli_muda").nip, external_government_kode="XYZ"),
    )

    assert (response.status_code, response.json()["fields"]) == (
        400,
        {"external_government_kode": "Tidak ditemukan."},
    )


def test_the_actor_naming_an_unknown_assignee_changes_nothing(session_as, persona, now, today):
    assignment = within_request(persona, now, today)
    step = open_step(assignment)
    before = _written()

    response = session_as("kepala_dinas").post(
        _decide_path(assignment.pk, step.pk),
        {"decision": "approve", "assignee_nips": ["199901012020011999"]},
    )

    assert (response.status_code, response.json()["fields"]) == (
        400,
        {"assignee_nips": "NIP tidak ditemukan: 199901012020011999."},
    )
    assert _written() == before


def test_a_login_without_an_employee_record_may_not_submit(persona, world, today):
    from django.test import Client

    from tests.clients import ApiClient

    government = Government.objects.get(pk=world.government_id)
    client = Client()
    client.force_login(login_for(None, government=government, role="BKPSDM_ADMIN"))

    response = ApiClient(client).post("/assignments", request_body(persona("jf_ahli_muda").nip))

    body = response.json()
    operator = persona("bkpsdm")
    assert (response.status_code, body["code"]) == (403, "permission_denied")
    assert body["instead"] == [
        {"name": operator.full_name, "position": _position_of(operator, today)}
    ]
    assert body["next_step"] == "Minta operator BKPSDM menghubungkan akun ini ke data pegawai Anda."
    assert not Assignment.objects.filter(government=government).exists()


def test_a_body_that_breaks_the_schema_is_invalid_input_per_field(session_as):
    response = session_as("kabid").post(
        "/assignments", {"mode": "SOMETIMES", "title": "x", "starts_on": "kemarin"}
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_input"
    assert set(body["fields"]) == {"mode", "starts_on"}


def _position_of(employee, today) -> str:
    """The title of the position the employee holds today (Plt./Plh. when acting)."""
    placement = Placement.objects.effective_on(today).filter(employee=employee).get()
    acting = {"PLT": "Plt. ", "PLH": "Plh. "}.get(placement.kind, "")
    return f"{acting}{placement.position.title}"
