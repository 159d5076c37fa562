"""Every refusal of assignment_request_submit, in Blitar's pack (decisions: test_refusals_decide).

Each test asserts the stable code, the rule and citation where the refusal has one, and that
nothing was written: no assignment, candidate, workflow instance or step, audit event or letter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from sikerja.accounts.models import Account
from sikerja.assignments.services import RequestInput
from sikerja.core.errors import Official, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee, Government, OrgUnit
from sikerja.regulations.loader import load_pack
from tests.assignments.flow import ON, external_government
from tests.assignments.refusals import PACK, PERWALI, nothing_written, request, submit
from tests.documents.users import login_for
from tests.organization.builders import Org, build_org
from tests.organization.reread import reread, reread_org

pytestmark = pytest.mark.django_db


@dataclass
class Staffed:
    org: Org
    lead: Employee  # JF Ahli Muda in the Bidang
    pelaksana: Employee  # Pelaksana in the Bidang


def _staffed() -> Staffed:
    org = build_org(PACK)
    return Staffed(
        org=org,
        lead=org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA"),
        pelaksana=org.staff("Agus Salim", "bidang", "PELAKSANA"),
    )


@pytest.fixture(scope="module")
def _built(module_db) -> tuple[Staffed, Government, dict[str, Employee]]:
    """Built once for the module: the Blitar pemda and another government (a province on the
    national pack) with a Bappeda and its staff."""
    return module_db(lambda: (_staffed(), *external_government(kode="P35", province="Jawa Timur")))


@pytest.fixture
def staffed(_built, db) -> Staffed:
    built = _built[0]
    return Staffed(
        org=reread_org(built.org), lead=reread(built.lead), pelaksana=reread(built.pelaksana)
    )


@pytest.fixture
def province(_built, db) -> tuple[Government, dict[str, Employee]]:
    _, government, people = _built
    return reread(government), {key: reread(person) for key, person in people.items()}


def _refused(error: type[Exception], requester: Employee, data: RequestInput):
    with nothing_written(), pytest.raises(error) as refused:
        submit(requester, data)
    return refused.value


# ---------------------------------------------------------------- submitting a request


def test_an_unknown_kind_of_assignment_is_refused(staffed):
    refused = _refused(
        ValidationFailed,
        staffed.lead,
        request(mode="SECONDMENT", candidate_ids=[staffed.pelaksana.pk]),
    )

    assert (refused.code, refused.rule, refused.citation) == ("unknown_value", "", "")
    assert list(refused.fields) == ["mode"]


def test_a_request_without_a_title_is_refused(staffed):
    refused = _refused(
        ValidationFailed,
        staffed.lead,
        request(title="  ", candidate_ids=[staffed.pelaksana.pk]),
    )

    assert (refused.code, refused.fields) == ("request_fields_missing", {"title": "Wajib diisi."})


def _operator(staffed: Staffed) -> Official:
    """A BKPSDM operator's login, linked to a Pelaksana of the Bidang; as a refusal names them."""
    operator = staffed.org.staff("Sri Wahyuni", "bidang", "PELAKSANA")
    login_for(operator, government=staffed.org.government, role="BKPSDM_ADMIN")
    return Official(name=operator.full_name, position="Pengadministrasi Perkantoran")


def test_v44_pasal_14_ayat_1_blitar_a_requester_without_a_placement_is_refused(staffed):
    unplaced = staffed.org.person("Tanpa Kedudukan")
    operator = _operator(staffed)

    refused = _refused(RuleViolation, unplaced, request(candidate_ids=[staffed.pelaksana.pk]))

    assert (refused.code, refused.rule, refused.citation) == (
        "no_placement",
        "V-44",
        f"{PERWALI} Pasal 14 ayat (1)",
    )
    assert (refused.instead, refused.next_step) == (
        (operator,),
        "Minta operator BKPSDM mencatat kedudukan Tanpa Kedudukan terlebih dahulu.",
    )


def test_v44_pasal_14_ayat_1_blitar_a_candidate_without_a_placement_is_refused(staffed):
    unplaced = staffed.org.person("Tanpa Kedudukan")
    operator = _operator(staffed)

    refused = _refused(RuleViolation, staffed.lead, request(candidate_ids=[unplaced.pk]))

    assert (refused.code, refused.rule, refused.citation) == (
        "no_placement",
        "V-44",
        f"{PERWALI} Pasal 14 ayat (1)",
    )
    assert refused.instead == (operator,)


def test_v44_an_operator_whose_login_ended_is_not_named(staffed):
    unplaced = staffed.org.person("Tanpa Kedudukan")
    _operator(staffed)
    Account.objects.filter(role="BKPSDM_ADMIN").update(access_until=ON)

    refused = _refused(RuleViolation, unplaced, request(candidate_ids=[staffed.pelaksana.pk]))

    assert (refused.code, refused.instead) == ("no_placement", ())


def test_a_structural_official_as_candidate_is_refused(staffed):
    kasubbid = staffed.org.people["subbidang"]

    refused = _refused(RuleViolation, staffed.lead, request(candidate_ids=[kasubbid.pk]))

    assert refused.code == "candidate_kind"
    assert refused.message == (
        "Penugasan ditujukan kepada Pejabat Fungsional atau Pelaksana; "
        "Pejabat subbidang menduduki Kepala Sub Bidang Rujukan."
    )


def test_a_structural_official_as_candidate_is_refused_under_a_rule_of_the_pack(staffed):
    pack = load_pack(PACK)

    with pytest.raises(RuleViolation) as refused:
        submit(staffed.lead, request(candidate_ids=[staffed.org.people["subbidang"].pk]))

    assert refused.value.citation == pack.citation_of(refused.value.rule)
    assert refused.value.citation != pack.short
    assert (refused.value.rule, refused.value.citation) == ("G34", f"{PERWALI} Pasal 1 angka 18")


def test_a_period_that_ends_before_it_starts_is_refused(staffed):
    data = request(
        candidate_ids=[staffed.pelaksana.pk],
        starts_on=dt.date(2027, 1, 2),
        ends_on=dt.date(2027, 1, 1),
    )

    refused = _refused(ValidationFailed, staffed.lead, data)

    assert (refused.code, refused.rule, refused.citation, refused.fields) == (
        "period_invalid",
        "",
        "",
        {"ends_on": "Sebelum tanggal mulai."},
    )


def test_a_candidate_of_another_government_is_not_found(staffed, province):
    _, people = province

    refused = _refused(ValidationFailed, staffed.lead, request(candidate_ids=[people["jf"].pk]))

    assert (refused.code, refused.fields) == (
        "unknown_value",
        {"candidate_ids": "Tidak ditemukan."},
    )


def test_an_unknown_candidate_is_not_found(staffed):
    missing = Employee.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1

    refused = _refused(ValidationFailed, staffed.lead, request(candidate_ids=[missing]))

    assert (refused.code, refused.fields) == (
        "unknown_value",
        {"candidate_ids": "Tidak ditemukan."},
    )


def test_a_home_unit_of_another_government_is_not_found(staffed, province):
    government, _ = province
    unit = OrgUnit.objects.get(government=government, parent__isnull=False)

    refused = _refused(
        ValidationFailed,
        staffed.org.people["bidang"],
        request(home_unit_id=unit.pk),
    )

    assert (refused.code, refused.fields) == ("unknown_value", {"home_unit_id": "Tidak ditemukan."})


def test_a_voluntary_application_to_a_unit_of_another_government_without_naming_it_is_not_found(
    staffed, province
):
    government, _ = province
    unit = OrgUnit.objects.get(government=government, parent__isnull=False)

    refused = _refused(
        ValidationFailed,
        staffed.lead,
        request(mode="VOLUNTARY", owner_unit_id=unit.pk),
    )

    assert (refused.code, refused.fields) == (
        "unknown_value",
        {"owner_unit_id": "Tidak ditemukan."},
    )


def test_the_own_government_as_the_other_instansi_is_not_found(staffed):
    data = request(
        candidate_ids=[staffed.pelaksana.pk], external_government_id=staffed.org.government.pk
    )

    refused = _refused(ValidationFailed, staffed.org.people["bidang"], data)

    assert (refused.code, refused.fields) == (
        "unknown_value",
        {"external_government_id": "Tidak ditemukan."},
    )


def test_a_flow_the_pack_does_not_provide_is_refused(province):
    _, people = province  # the national baseline defines no penugasan flow

    refused = _refused(
        RuleViolation,
        people["kabid"],
        request(candidate_ids=[people["jf"].pk]),
    )

    assert (refused.code, refused.rule, refused.citation) == (
        "flow_not_provided",
        "",
        "PermenPANRB 7/2022",
    )


def test_g30_pasal_1_angka_15_blitar_a_step_nobody_holds_cannot_open():
    org = build_org(PACK, fill_heads=False)  # every head's post is vacant
    lead = org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    pelaksana = org.staff("Agus Salim", "bidang", "PELAKSANA")

    refused = _refused(RuleViolation, lead, request(candidate_ids=[pelaksana.pk]))

    assert (refused.code, refused.rule, refused.citation) == (
        "no_actor",
        "G30",
        f"{PERWALI} Pasal 1 angka 15",
    )
