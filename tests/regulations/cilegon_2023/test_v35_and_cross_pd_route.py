"""Cilegon (Perwali Cilegon 17/2023): V-35 is PREFERRED, and a request between two Perangkat
Daerah goes through both heads of Perangkat Daerah (SPEC 4.0, pack option cross_pd_route).

V-35: Pasal 8 ayat (3) says cross-unit and cross-agency work "dapat" be done in a team. A direct
appointment without its team needs a written justification at submission, recorded with the
request; a voluntary application, an individual's own (Lampiran B.2.b), never needs one.
"""

from __future__ import annotations

import pytest

from sikerja.assignments.services import assignment_request_submit
from sikerja.core.errors import ValidationFailed
from sikerja.organization.models import Employee
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
)
from tests.assignments.regional_head import regional_head
from tests.assignments.side_effects import nothing_written
from tests.organization.builders import Org, add_agency, build_org

PACK = "cilegon-2023"
PERWALI = "Perwali Cilegon 17/2023"
JUSTIFICATION = "Hanya satu analis yang dibutuhkan selama dua bulan; tidak perlu tim kerja."


@pytest.fixture
def org() -> Org:
    return build_org(PACK)


def _jf(org: Org) -> Employee:
    return org.staff("Dewi Lestari", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")


def _cross_unit(org: Org, jf: Employee, **fields: object):
    data = request_input(candidate_ids=[jf.pk], **fields)
    return assignment_request_submit(requester=org.people["bidang"], data=data, at=NOW, on=ON)


# ---------------------------------------------------------------- V-35 PREFERRED


def test_v35_pasal_8_ayat_3_cilegon_the_team_form_is_preferred_not_required():
    pack = load_pack(PACK)

    assert (pack.binds("V-35"), pack.warns("V-35")) == (False, True)
    assert pack.cite_rule("V-35") == f"{PERWALI} Pasal 8 ayat (3)"


@pytest.mark.django_db
def test_v35_pasal_8_ayat_3_cilegon_an_individual_cross_unit_appointment_needs_a_written_justification(
    org,
):
    jf = _jf(org)

    with nothing_written(), pytest.raises(ValidationFailed) as warned:
        _cross_unit(org, jf)

    assert (warned.value.code, warned.value.rule, warned.value.citation) == (
        "justification_required",
        "V-35",
        f"{PERWALI} Pasal 8 ayat (3)",
    )
    assert list(warned.value.fields) == ["justification"]


@pytest.mark.django_db
def test_v35_pasal_8_ayat_3_cilegon_the_justification_is_recorded_with_the_request(org):
    assignment = _cross_unit(org, _jf(org), justification=f"  {JUSTIFICATION} ")

    submitted = instance_of(assignment).steps.get(step_key="request")
    assert (assignment.workflow_key, submitted.decision) == ("WF-PEN-UO", "submit")
    assert submitted.data["justifications"] == [
        {
            "rule": "V-35",
            "citation": f"{PERWALI} Pasal 8 ayat (3)",
            "message": (
                "Pelaksanaan tugas lintas unit organisasi dan lintas instansi diutamakan dalam tim "
                "kerja; sebutkan timnya atau tuliskan alasan penugasan secara individu."
            ),
            "justification": JUSTIFICATION,
        }
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [{"team_name": "Tim Kajian Tenaga Kesehatan"}, {"subject": "TEAM"}],
    ids=["named_team_case", "team_request_case"],
)
def test_v35_pasal_8_ayat_3_cilegon_work_in_a_team_needs_no_justification(org, fields):
    assignment = _cross_unit(org, _jf(org), **fields)

    submitted = instance_of(assignment).steps.get(step_key="request")
    assert submitted.data["justifications"] == []


@pytest.mark.django_db
def test_v35_lampiran_b_2_b_cilegon_a_voluntary_application_across_units_is_never_asked_for_a_team(
    org,
):
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    data = request_input(mode="VOLUNTARY", owner_unit_id=org.units["bidang"].pk)

    assignment = assignment_request_submit(requester=jf, data=data, at=NOW, on=ON)

    submitted = instance_of(assignment).steps.get(step_key="apply")
    assert (assignment.workflow_key, submitted.data["justifications"]) == ("WF-SUK-UO", [])
    definition = load_pack(PACK).data.workflows["WF-SUK-UO"]
    assert "V-35" not in definition.step("apply").rules


# ---------------------------------------------------------------- cross-PD route


def test_sec_4_0_cilegon_the_cross_pd_route_is_a_pack_option():
    parameters = load_pack(PACK).parameters

    assert parameters.scope_aliases == {"CROSS_PD": "CROSS_PD"}
    assert parameters.cross_pd_route == (
        "own_authorized_official",
        "target_authorized_official",
        "target_appraiser",
    )


@pytest.mark.django_db
def test_sec_4_0_lampiran_b_1_c_cilegon_a_cross_pd_request_goes_through_both_heads_of_pd(org):
    heads = add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    kabid, kadis = org.people["bidang"], org.people["dinas"]
    kaban, kabid_bappeda = heads["BAPPEDA.root"], heads["BAPPEDA.bidang"]
    assignment = assignment_request_submit(
        requester=kabid,
        data=request_input(candidate_ids=[jf.pk], team_name="Tim Kajian"),
        at=NOW,
        on=ON,
    )

    for decision in ("forward", "approve", "approve", "approve", "approve", "acknowledge"):
        decide(assignment, decision)

    assert (assignment.scope, assignment.workflow_key) == ("CROSS_PD", "WF-PEN-PD")
    assert trail(assignment) == [
        ("request", kabid.pk, "submit"),
        ("own_authorization", kadis.pk, "forward"),
        ("target_authorization", kaban.pk, "approve"),
        ("availability", kabid_bappeda.pk, "approve"),
        ("reply_approval", kaban.pk, "approve"),
        ("letter", kabid_bappeda.pk, "approve"),
        ("receive", jf.pk, "acknowledge"),
    ]
    issued = letters(assignment)
    assert [(letter.doc_type, party_ids(letter.addressees)) for letter in issued] == [
        ("INVOLVEMENT_REQUEST", [kadis.pk]),
        ("INVOLVEMENT_REQUEST", [kaban.pk]),
        ("INSTRUCTION", [kabid_bappeda.pk]),
        ("STAFF_LIST", [kaban.pk]),
        ("INVOLVEMENT_REPLY", [kadis.pk]),
        ("ASSIGNMENT_LETTER", [jf.pk]),
    ]
    # V-26 (Lampiran B.1.c.5)c)): the target's head, the appraiser concerned (here the signer)
    # and the requesting head of Perangkat Daerah.
    assert party_ids(issued[-1].cc) == [kaban.pk, kadis.pk]
    assert instance_of(assignment).status == WorkflowInstance.Status.APPROVED


@pytest.mark.django_db
def test_sec_4_0_pasal_9_ayat_2_cilegon_a_cross_pd_team_is_set_by_keputusan_wali_kota_first(org):
    wali_kota = regional_head(org)
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Rudi Hartono", "BAPPEDA.bidang", "FUNGSIONAL", "AHLI_MUDA")
    assignment = assignment_request_submit(
        requester=org.people["bidang"],
        data=request_input(subject="TEAM", candidate_ids=[jf.pk]),
        at=NOW,
        on=ON,
    )

    for decision in ("forward", "approve", "approve", "approve", "approve", "approve"):
        decide(assignment, decision)

    assert assignment.workflow_key == "WF-PEN-PD-TEAM"
    assert [step for step, _, _ in trail(assignment)][-4:] == [
        "reply_approval",
        "decree",
        "letter",
        "receive",
    ]
    assert trail(assignment)[-3] == ("decree", wali_kota.pk, "approve")
    decree, letter = letters(assignment)[-2:]
    assert (decree.doc_type, letter.doc_type) == ("DECREE", "ASSIGNMENT_LETTER")
    assert decree.title.startswith("Keputusan Wali Kota Cilegon")
    assert party_ids([decree.signer]) == [wali_kota.pk]
    assert decree.pk < letter.pk  # the constitutive Keputusan before the letter
