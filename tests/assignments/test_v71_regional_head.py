"""V-71 / V-20 (Blitar, Surakarta, Cilegon): a Keputusan of the regional head is decided and
signed by the regional head in person, a Pejabat Negara with a login (ADR 0008); the Sekda signs
"a.n." only where the pack allows it (Surakarta's outgoing cross-agency request).
"""

from __future__ import annotations

import pytest

from sikerja.assignments.parties import PENUGASAN, AssignmentParties
from sikerja.assignments.services import assignment_decide, assignment_request_submit
from sikerja.core.errors import NotFound, Official, RuleViolation
from sikerja.notifications.models import Notification
from sikerja.organization.models import Employee, Government
from sikerja.regulations.loader import load_pack
from sikerja.workflows.actors import ActorContext
from sikerja.workflows.models import WorkflowInstance, WorkflowStep
from tests.assignments.flow import (
    NOW,
    ON,
    decide,
    external_government,
    instance_of,
    letters,
    open_step,
    party_ids,
    request_input,
    trail,
)
from tests.assignments.regional_head import regional_head
from tests.assignments.side_effects import nothing_written
from tests.documents.users import login_for
from tests.organization.builders import Org, build_org

BLITAR_TASK = {
    "task_description": "Menyusun kajian bersama antar instansi",
    "individual_target": "1 dokumen kajian",
}


def _cross_agency_team(org: Org, province: dict[str, Employee], **extra: object):
    external = province["jf"].government
    return assignment_request_submit(
        requester=org.people["bidang"],
        data=request_input(
            subject="TEAM",
            candidate_ids=[province["jf"].pk],
            external_government_id=external.pk,
            team_name="Tim Kajian Lintas Instansi",
            **extra,
        ),
        at=NOW,
        on=ON,
    )


@pytest.mark.django_db
def test_v71_pasal_21_ayat_1_c_blitar_the_walikota_in_person_decides_and_signs_the_keputusan(
    django_capture_on_commit_callbacks,
):
    org = build_org("blitar-2023")
    walikota = regional_head(org)
    _, province = external_government(kode="P35", province="Jawa Timur")
    assignment = _cross_agency_team(org, province, **BLITAR_TASK)
    decide(assignment, "forward")

    with django_capture_on_commit_callbacks(execute=True):
        decide(assignment, "approve")
    step = open_step(assignment)
    decide(assignment, "approve")

    assert (step.step_key, step.actor_id, step.actor_name, step.actor_position) == (
        "decree",
        walikota.pk,
        "Hendra Wijaya",
        "Walikota Blitar",
    )
    assert (step.actor_rule, step.actor_citation) == (
        "G04",
        "Perwali Blitar 6/2023 Pasal 1 angka 3",
    )
    assert Notification.objects.filter(recipient=walikota, kind="step_opened").count() == 1
    assert trail(assignment)[-1] == ("decree", walikota.pk, "approve")
    decree = letters(assignment)[-1]
    assert decree.doc_type == "DECREE"
    assert (decree.signer["employee_id"], decree.signer["nip"], decree.on_behalf_of) == (
        walikota.pk,
        "",
        "",
    )
    assert decree.signer["position"] == "Walikota Blitar"
    assert decree.agency_id == org.setda.pk  # numbered in the Sekretariat Daerah's register


@pytest.mark.django_db
def test_v71_g04_blitar_without_a_recorded_walikota_the_keputusan_is_not_handed_to_the_sekda():
    org = build_org("blitar-2023")
    _, province = external_government(kode="P35", province="Jawa Timur")
    assignment = _cross_agency_team(org, province, **BLITAR_TASK)
    decide(assignment, "forward")
    reply = open_step(assignment)
    operator = org.staff("Sri Wahyuni", "bidang", "PELAKSANA")
    login_for(operator, government=org.government, role="BKPSDM_ADMIN")

    with nothing_written(), pytest.raises(RuleViolation) as refused:
        decide(assignment, "approve")

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "no_actor",
        "G04",
        "Perwali Blitar 6/2023 Pasal 1 angka 3",
    )
    assert refused.value.instead == (
        Official(name=operator.full_name, position="Pengadministrasi Perkantoran"),
    )
    assert refused.value.next_step == (
        "Minta operator BKPSDM menetapkan Plt. atau Plh. pada jabatan itu, lalu coba lagi."
    )
    assert WorkflowStep.objects.get(pk=reply.pk).status == WorkflowStep.Status.OPEN


@pytest.mark.django_db
def test_v71_pasal_9_ayat_2_cilegon_the_sekda_cannot_decide_the_keputusan_wali_kota():
    org = build_org("cilegon-2023")
    wali_kota = regional_head(org, name="Siti Rahmawati")
    _, province = external_government(kode="P36", province="Banten")
    assignment = _cross_agency_team(org, province)
    for decision in ("forward", "approve", "approve", "record"):
        decide(assignment, decision)
    step = open_step(assignment)

    with nothing_written(), pytest.raises(NotFound):
        assignment_decide(
            step_id=step.pk, by=org.people["setda"], decision="approve", at=NOW, on=ON
        )
    assignment_decide(step_id=step.pk, by=wali_kota, decision="approve", at=NOW, on=ON)

    assert (step.step_key, step.actor_id, step.actor_position) == (
        "decree",
        wali_kota.pk,
        "Wali Kota Cilegon",
    )
    decree = letters(assignment)[-1]
    assert decree.title.startswith("Keputusan Wali Kota Cilegon")
    assert (party_ids([decree.signer]), decree.on_behalf_of) == ([wali_kota.pk], "")
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_v71_v20_lampiran_iv_3_1_c_surakarta_to_the_wali_kota_sent_on_by_the_sekda_a_n_wali_kota():
    org = build_org("surakarta-2023")
    wali_kota = regional_head(org, name="Bambang Sutrisno")
    external, province = external_government(kode="P33", province="Jawa Tengah")
    kadis, sekda = org.people["dinas"], org.people["setda"]
    assignment = assignment_request_submit(
        requester=kadis,
        data=request_input(candidate_ids=[province["jf"].pk], external_government_id=external.pk),
        at=NOW,
        on=ON,
    )

    decide(assignment, "forward")

    to_wali_kota, from_sekda = letters(assignment)
    assert party_ids(to_wali_kota.addressees) == [wali_kota.pk]
    assert to_wali_kota.addressees[0]["position"] == "Wali Kota Surakarta"
    assert trail(assignment)[1] == ("forward", sekda.pk, "forward")
    assert (party_ids([from_sekda.signer]), from_sekda.on_behalf_of) == (
        [sekda.pk],
        "a.n. Wali Kota Surakarta",
    )


def test_v71_the_demo_pemda_has_its_wali_kota_who_logs_in_as_kepala_daerah(world, persona, today):
    head, kabid = persona("kepala_daerah"), persona("kabid")
    government = Government.objects.get(pk=world.government_id)
    unit = kabid.placements.get().position.unit_id
    parties = AssignmentParties(requester=kabid.pk, owner_unit=unit)
    ctx = ActorContext(load_pack(government.pack_id), PENUGASAN, parties, government.pk, today)

    resolved = ctx.resolve("government.regional_head")

    assert government.regional_head_id == head.pk
    assert (head.employment_type, head.user.username) == ("PN", "kepala_daerah")
    assert (resolved.employee_id, resolved.rule, resolved.citation) == (
        head.pk,
        "G04",
        "Perwali Surakarta 32/2023 Pasal 1 angka 4",
    )
    assert resolved.person.position_title == "Wali Kota Surakarta"
