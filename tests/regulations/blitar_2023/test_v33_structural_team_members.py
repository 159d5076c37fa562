"""V-33 (Blitar, as revised): a team "dapat terdiri dari pejabat administrator, pejabat pengawas,
pejabat fungsional, dan pelaksana" (Pasal 19). Administrators and Pengawas are accepted as team
members, outside the JF/Pelaksana checks. An individual penugasan stays addressed to JF and
Pelaksana (Pasal 1 angka 18, G34), and any other kind is refused under that rule of the pack.
"""

from __future__ import annotations

import pytest

from sikerja.core.errors import RuleViolation
from sikerja.regulations.loader import load_pack
from tests.assignments.flow import decide, letters, open_step, party_ids
from tests.assignments.refusals import PACK, PERWALI, request, submit
from tests.assignments.side_effects import nothing_written
from tests.organization.builders import Org, build_org


@pytest.fixture
def org() -> Org:
    return build_org(PACK)


def test_v33_pasal_19_blitar_admits_administrators_and_pengawas_as_team_members():
    pack = load_pack(PACK)

    assert pack.parameters.team_members_may_include == (
        "ADMINISTRATOR",
        "PENGAWAS",
        "FUNGSIONAL",
        "PELAKSANA",
    )
    assert (pack.strength("V-33"), pack.cite_rule("V-33")) == (
        "MAY",
        f"{PERWALI} Pasal 19 (butir ketiga)",
    )
    assert pack.cite_rule("G34") == f"{PERWALI} Pasal 1 angka 18"


@pytest.mark.django_db
def test_v33_pasal_19_blitar_a_pengawas_and_a_jf_form_a_team_and_each_is_addressed(org):
    jf = org.staff("Rina Kusuma", "bidang", "FUNGSIONAL", "AHLI_MUDA")
    kasubbid, kabid = org.people["subbidang"], org.people["bidang"]

    assignment = submit(kabid, request(subject="TEAM", candidate_ids=[kasubbid.pk, jf.pk]))
    decide(assignment, "approve")

    assert (assignment.workflow_key, assignment.subject) == ("WF-PEN-IN", "TEAM")
    order = letters(assignment)[-1]
    assert order.doc_type == "ORDER_LETTER"
    assert [person["employee_id"] for person in order.body["assignees"]] == [kasubbid.pk, jf.pk]
    assert sorted(party_ids(order.addressees)) == sorted([kasubbid.pk, jf.pk])


@pytest.mark.django_db
def test_v33_pasal_19_blitar_an_administrator_may_be_named_at_the_decision_on_a_team(org):
    kabid, sekretaris = org.people["bidang"], org.people["sekretariat"]
    assignment = submit(kabid, request(subject="TEAM", home_unit_id=org.units["sekretariat"].pk))
    assert open_step(assignment).step_key == "review"

    decide(assignment, "approve", assignee_ids=[sekretaris.pk])

    assert list(assignment.candidates.values_list("pk", flat=True)) == [sekretaris.pk]
    order = letters(assignment)[-1]
    assert (order.doc_type, party_ids(order.addressees)) == ("ORDER_LETTER", [sekretaris.pk])


@pytest.mark.django_db
def test_g34_pasal_1_angka_18_blitar_an_individual_penugasan_of_a_pengawas_is_refused(org):
    kasubbid = org.people["subbidang"]

    with nothing_written(), pytest.raises(RuleViolation) as refused:
        submit(org.people["bidang"], request(candidate_ids=[kasubbid.pk]))

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "candidate_kind",
        "G34",
        f"{PERWALI} Pasal 1 angka 18",
    )


@pytest.mark.django_db
def test_g34_pasal_1_angka_18_blitar_a_jpt_pratama_is_not_a_team_member(org):
    kadis = org.people["dinas"]

    with nothing_written(), pytest.raises(RuleViolation) as refused:
        submit(org.people["bidang"], request(subject="TEAM", candidate_ids=[kadis.pk]))

    assert (refused.value.rule, refused.value.citation) == ("G34", f"{PERWALI} Pasal 1 angka 18")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("pack_id", "citation"),
    [
        ("kotim-2023", "Perbup Kotim 51/2023 Pasal 1 angka 29"),
        ("surakarta-2023", "Perwali Surakarta 32/2023 Pasal 1 angka 27"),
        ("cilegon-2023", "Perwali Cilegon 17/2023 Pasal 1 angka 17"),
        ("barut-2024", "Perbup Barut 18/2024 Pasal 1 angka 23"),
    ],
)
def test_g34_pasal_1_elsewhere_a_pengawas_is_not_a_team_member(pack_id, citation):
    other = build_org(pack_id)
    kasubbid = other.people["subbidang"]
    data = request(subject="TEAM", candidate_ids=[kasubbid.pk], other_arrangements="Tidak ada")

    with nothing_written(), pytest.raises(RuleViolation) as refused:
        submit(other.people["bidang"], data)

    assert (refused.value.rule, refused.value.citation) == ("G34", citation)
