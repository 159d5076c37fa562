"""V-18, V-19, V-22 (Barut, as revised): the surat perintah of a voluntary application across units
is set by the head of the Perangkat Daerah (Pasal 20 ayat (4) huruf a), across Perangkat Daerah by
the Sekretaris Daerah (huruf b); the applicant's own appraiser approves the application
(Pasal 23 ayat (4)) but never signs the order. Each issuer may refuse it (V-70).
"""

from __future__ import annotations

import pytest

from sikerja.assignments.models import Assignment
from sikerja.organization.models import Employee
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import DocType, PenugasanDefinition
from tests.assignments import issuer
from tests.assignments.flow import decide, letters, party_ids, trail
from tests.organization.builders import Org, add_agency, build_org

PACK = "barut-2024"
PERBUP = "Perbup Barut 18/2024"
BARUT = {"other_arrangements": "Tidak ada"}


def _cross_unit(org: Org) -> tuple[Assignment, Employee]:
    """A JF of the Sekretariat applies to the Bidang of the same Dinas."""
    jf = org.staff("Budi Santoso", "sekretariat", "FUNGSIONAL", "AHLI_PERTAMA")
    data = {"mode": "VOLUNTARY", "owner_unit_id": org.units["bidang"].pk, **BARUT}
    return issuer.submit(jf, **data), org.people["dinas"]


def _cross_pd(org: Org) -> tuple[Assignment, Employee]:
    """A JF of the Dinas applies to a Bidang of the Bappeda."""
    add_agency(org, "BAPPEDA", "Badan Perencanaan")
    jf = org.staff("Budi Santoso", "bidang", "FUNGSIONAL", "AHLI_PERTAMA")
    data = {"mode": "VOLUNTARY", "owner_unit_id": org.units["BAPPEDA.bidang"].pk, **BARUT}
    return issuer.submit(jf, **data), org.people["setda"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "key", "own_appraiser", "target", "rule", "article"),
    [
        (_cross_unit, "WF-SUK-UO", "sekretariat", "bidang", "V-18", "Pasal 20 ayat (4) huruf a"),
        (_cross_pd, "WF-SUK-PD", "bidang", "BAPPEDA.bidang", "V-19", "Pasal 20 ayat (4) huruf b"),
    ],
    ids=["v18_kepala_pd_case", "v19_sekda_case"],
)
def test_v18_v19_pasal_20_ayat_4_barut_the_voluntary_order_is_set_by_the_kepala_pd_or_the_sekda(
    case, key, own_appraiser, target, rule, article
):
    org = build_org(PACK)
    assignment, issuing = case(org)
    appraiser = org.people[own_appraiser]

    for decision in ("approve", "approve", "approve", "acknowledge"):
        decide(assignment, decision)

    assert assignment.workflow_key == key
    assert [(step, actor) for step, actor, _ in trail(assignment)][1:4] == [
        ("own_approval", appraiser.pk),
        ("target_review", org.people[target].pk),
        ("order", issuing.pk),
    ]
    order = letters(assignment)[-1]
    assert order.doc_type == "ORDER_LETTER"
    assert party_ids([order.signer]) == [issuing.pk]
    assert appraiser.pk in party_ids(order.cc)
    assert order.citation == f"{PERBUP} {article}"
    spec = load_pack(PACK).data.workflows[key].step("order").documents["approve"][0]
    assert spec.signer_rule == rule


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("case", "key"),
    [(_cross_unit, "WF-SUK-UO"), (_cross_pd, "WF-SUK-PD")],
    ids=["kepala_pd_case", "sekda_case"],
)
def test_v70_pasal_20_ayat_4_barut_the_issuer_refuses_the_voluntary_order_with_a_reason(case, key):
    issuer.refuses(PACK, case, key, "order")


def test_v22_pasal_20_ayat_4_barut_the_applicants_appraiser_never_signs_an_order_across_units():
    pack = load_pack(PACK)

    signed_by_the_home_appraiser = [
        f"{key}.{step.id}"
        for key, definition in pack.data.workflows.items()
        if isinstance(definition, PenugasanDefinition) and definition.scope != "WITHIN_UNIT"
        for step in definition.steps
        for documents in step.documents.values()
        for document in documents
        if document.type == DocType.ORDER_LETTER and document.signer == "home.appraiser"
    ]

    assert signed_by_the_home_appraiser == []
    assert pack.cite_rule("V-22") == (
        f"{PERBUP} Pasal 23 ayat (5); {PERBUP} Pasal 20 ayat (4) huruf a dan huruf b; "
        f"{PERBUP} Pasal 21 ayat (4)"
    )
    assert pack.rule("V-22").params["setters"] == {
        "WITHIN_UNIT": "appraiser",
        "CROSS_UNIT": "kepala_perangkat_daerah",
        "CROSS_PD": "sekda",
    }
