"""The request form: the pack's required fields, the staff of a unit, submit, and refusals."""

from __future__ import annotations

import re

import pytest

from sikerja.assignments.models import Assignment
from sikerja.audit.models import AuditEvent
from sikerja.documents.models import Letter
from sikerja.notifications.models import Notification
from sikerja.organization.models import Agency, OrgUnit
from sikerja.organization.nip import format_nip
from sikerja.workflows.models import WorkflowInstance
from tests.assignments.web.test_world import PERWALI, instance_of, request_form
from tests.web.helpers import text

CREATE = "/penugasan/baru/"


@pytest.fixture
def form_data(persona, today):
    return request_form(persona, today)


def _counts() -> tuple[int, int, int, int, int]:
    return (
        Assignment.objects.count(),
        WorkflowInstance.objects.count(),
        Letter.objects.count(),
        AuditEvent.objects.count(),
        Notification.objects.count(),
    )


def test_the_form_marks_the_fields_the_packs_allowed_flows_require(client_of):
    response = client_of("kepala_dinas").get(CREATE)

    fields = response.context["page"].fields
    required = {name for name, item in fields.items() if item.required_by}

    assert response.status_code == 200
    assert required == {"purpose", "competencies", "expected_target", "starts_on", "ends_on"}
    assert fields["purpose"].required_by.startswith("Penunjukan di dalam unit organisasi; ")
    assert "scope" not in response.context["page"].form.fields


def test_asking_for_the_staff_of_a_unit_lists_its_jf_and_pelaksana_and_keeps_the_input(
    client_of, persona, form_data
):
    outsider = persona("outsider")

    response = client_of("kepala_dinas").post(CREATE, {**form_data, "action": "candidates"})

    page = response.context["page"]
    choices = dict(page.form.fields["candidate_ids"].widget.choices)
    assert response.status_code == 200
    assert page.candidate_unit == "Sekretariat Dewan Perwakilan Rakyat Daerah"
    assert choices[outsider.pk].startswith(f"{outsider.full_name} — ")
    assert page.form["title"].value() == form_data["title"]
    assert Assignment.objects.count() == 0


def test_the_kepala_dinas_submits_a_cross_unit_request_and_lands_on_its_page(
    client_of, persona, form_data
):
    kepala_dinas, outsider = persona("kepala_dinas"), persona("outsider")

    response = client_of("kepala_dinas").post(CREATE, form_data, follow=True)

    assignment = Assignment.objects.get()
    assert response.redirect_chain == [(f"/penugasan/{assignment.pk}/", 302)]
    assert (assignment.requester_id, assignment.scope, assignment.workflow_key) == (
        kepala_dinas.pk,
        "CROSS_UNIT",
        "WF-PEN-UO",
    )
    assert list(assignment.candidates.values_list("pk", flat=True)) == [outsider.pk]
    assert assignment.competencies == ["analisis jabatan", "analisis beban kerja"]
    assert [str(m) for m in response.context["messages"]] == ["Permohonan terkirim."]
    assert instance_of(assignment).current_step == "review"


def test_candidates_may_be_named_by_nip(client_of, persona, form_data):
    outsider = persona("outsider")
    data = {**form_data, "candidate_ids": [], "candidate_nips": format_nip(outsider.nip)}

    response = client_of("kepala_dinas").post(CREATE, data)

    assert response.status_code == 302
    assert list(Assignment.objects.get().candidates.values_list("pk", flat=True)) == [outsider.pk]


def test_an_unknown_nip_is_refused_next_to_its_field_and_nothing_is_written(client_of, form_data):
    before = _counts()

    response = client_of("kepala_dinas").post(
        CREATE, {**form_data, "candidate_nips": "199001012020121001"}
    )

    form = response.context["page"].form
    assert response.status_code == 400
    assert form.errors["candidate_nips"] == ["NIP tidak ditemukan: 199001012020121001."]
    assert _counts() == before


def test_a_missing_required_field_shows_the_rule_and_citation_and_keeps_the_form(
    client_of, form_data
):
    before = _counts()

    response = client_of("kepala_dinas").post(CREATE, {**form_data, "purpose": ""})

    page = response.context["page"]
    html = response.content.decode()
    assert response.status_code == 400
    assert (page.error.code, page.error.rule) == ("request_fields_missing", "V-01")
    assert page.error.citation.startswith(f"{PERWALI} Pasal 17 ayat (6)")
    assert page.form.errors["purpose"] == ["Wajib diisi."]
    assert 'data-testid="refusal-rule"' not in html
    assert f'data-testid="refusal-citation">{page.error.citation}<' in html
    assert (
        '<p data-testid="refusal-next">Yang perlu dilakukan: perbaiki isian yang ditandai di '
        "bawah, lalu kirim lagi.</p>"
    ) in html
    assert page.form["title"].value() == form_data["title"]
    assert page.form["competencies"].value() == form_data["competencies"]
    assert _counts() == before


def test_an_oral_cross_unit_request_is_refused_under_v16(client_of, form_data):
    before = _counts()

    response = client_of("kepala_dinas").post(CREATE, {**form_data, "channel": "ORAL"})

    page = response.context["page"]
    assert response.status_code == 400
    assert (page.error.code, page.error.rule) == ("oral_not_allowed", "V-16")
    assert page.error.citation == (
        f"{PERWALI} Pasal 18 ayat (2) huruf a; {PERWALI} Pasal 18 ayat (3) huruf a"
    )
    assert page.form.errors["channel"] == ["Pilih tertulis."]
    assert page.form["channel"].value() == "ORAL"
    assert _counts() == before


def test_only_the_unit_head_may_ask_so_a_jf_is_refused_with_the_article(client_of, form_data):
    response = client_of("jf_ahli_muda").post(CREATE, form_data)

    page = response.context["page"]
    assert response.status_code == 400
    assert page.error.code == "not_first_actor"
    assert page.error.citation == f"{PERWALI} Lampiran IV 3.1.b.1)"
    assert Assignment.objects.count() == 0


def test_malformed_input_is_refused_by_the_form_without_calling_the_domain(client_of, form_data):
    response = client_of("kepala_dinas").post(
        CREATE, {**form_data, "starts_on": "1-12-2026", "candidate_nips": "12345"}
    )

    form = response.context["page"].form
    assert response.status_code == 400
    assert set(form.errors) == {"starts_on", "candidate_nips"}
    assert text(str(form.errors["candidate_nips"])) == "NIP terdiri atas 18 angka: 12345"
    assert Assignment.objects.count() == 0


def test_the_unit_select_groups_every_unit_of_the_government_by_agency(client_of, world):
    agencies = Agency.objects.filter(government_id=world.government_id).order_by("name", "pk")
    units = OrgUnit.objects.filter(government_id=world.government_id)

    response = client_of("kepala_dinas").get(CREATE)

    html = response.content.decode()
    assert re.findall(r'<optgroup label="([^"]+)">', html) == [a.name for a in agencies]
    assert set(map(int, re.findall(r'<option value="(\d+)"', html))) == set(
        units.values_list("pk", flat=True)
    )
