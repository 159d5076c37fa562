"""SPEC §5: each rule's strength per pack, column K / Bl / S / C / Ba, transcribed row by row.

A dash in the SPEC column is SILENT here. Descriptive cells are read as follows: "MUST (derived)",
"MUST (record)", "MUST (team lead)", "(tables imply it)", "(quarterly)" and "(via the chain)" as
MUST; "(mechanisms only)" as MAY (a product decision); "(preference only)" as PREFERRED;
"MAY (silent)" as MAY (a product decision); V-48 "not allowed" as MUST (the unit-head definition
binds) and Blitar's "allowed" as MAY.
"""

from __future__ import annotations

import pytest

from tests.regulations.conftest import REGIONAL

MATRIX = """
V-01  MUST      MUST    MUST    MUST      MUST
V-02  SILENT    SILENT  SILENT  SILENT    MUST
V-03  MUST      SILENT  MUST    MUST      SILENT
V-04  PREFERRED MUST    MUST    PREFERRED PREFERRED
V-05  MUST      MUST    MUST    MUST      MUST
V-06  SILENT    SILENT  MUST    SILENT    SILENT
V-07  SILENT    SILENT  MUST    SILENT    SILENT
V-08  SILENT    SILENT  MUST    SILENT    SILENT
V-09  SILENT    SILENT  MUST    SILENT    SILENT
V-10  SILENT    SILENT  MUST    SILENT    SILENT
V-11  SILENT    SILENT  MUST    SILENT    SILENT
V-12  SILENT    SILENT  MUST    SILENT    SILENT
V-13  SILENT    SILENT  MUST    SILENT    SILENT
V-14  ONLY      SILENT  ONLY    MAY       MAY
V-15  MUST      SILENT  MUST    MUST      MUST
V-16  MUST      SILENT  MUST    MUST      SILENT
V-16a MUST      SILENT  MUST    MUST      SILENT
V-17  MUST      MUST    MUST    MUST      MUST
V-18  MUST      SILENT  SILENT  SILENT    MUST
V-19  MUST      MUST    SILENT  SILENT    MUST
V-20  SILENT    MUST    MUST    MUST      SILENT
V-21  SILENT    SILENT  MUST    MUST      SILENT
V-22  MUST      MUST    MUST    MUST      MUST
V-23  MUST      SILENT  MUST    MUST      SILENT
V-24  PREFERRED SILENT  SILENT  PREFERRED SILENT
V-25  MUST      SILENT  MUST    MUST      SILENT
V-26  MUST      SILENT  MUST    MUST      SILENT
V-27  MAY       SILENT  MAY     MAY       MAY
V-27a SILENT    SILENT  MUST    SILENT    SILENT
V-28  SILENT    SILENT  MUST    SILENT    SILENT
V-29  SILENT    SILENT  MUST    SILENT    SILENT
V-30  SILENT    SILENT  MUST    SILENT    SILENT
V-30a MUST      MUST    MUST    MUST      MUST
V-31  MAY       MAY     MUST    MAY       MUST
V-32  MUST      MUST    MUST    MUST      SILENT
V-33  SILENT    MAY     SILENT  SILENT    MAY
V-34  SILENT    MUST    SILENT  SILENT    MUST
V-35  SILENT    SILENT  SILENT  PREFERRED SILENT
V-36  SILENT    SILENT  MUST    SILENT    SILENT
V-37  MUST      MUST    MUST    MUST      MUST
V-38  MUST      MUST    MUST    MUST      MUST
V-39  MUST      MUST    MUST    SILENT    SILENT
V-40  SILENT    SILENT  MUST    SILENT    MUST
V-41  SILENT    MUST    SILENT  SILENT    SILENT
V-42  MUST      SILENT  SILENT  SILENT    SILENT
V-43  SILENT    SILENT  MUST    SILENT    SILENT
V-44  MUST      SILENT  MUST    SILENT    SILENT
V-45  SILENT    MUST    MUST    SILENT    SILENT
V-46  SILENT    SILENT  MUST    SILENT    SILENT
V-47  SILENT    MUST    SILENT  SILENT    SILENT
V-48  MUST      MAY     MUST    MUST      MUST
V-49  MUST      SILENT  MUST    SILENT    SILENT
V-50  MUST      SILENT  MUST    SILENT    SILENT
V-51  MUST      SILENT  MUST    SILENT    SILENT
V-52  MUST      MUST    MUST    MUST      MUST
V-53  MAY       MAY     SILENT  MAY       MAY
V-54  MUST      MUST    MUST    MUST      MUST
V-55  MUST      SILENT  MUST    MUST      SILENT
V-56  MUST      SILENT  MUST    MUST      SILENT
V-57  MUST      MUST    MUST    SILENT    SILENT
V-58  SILENT    SILENT  MUST    SILENT    SILENT
V-59  MAY       SILENT  MUST    SILENT    SILENT
V-60  SILENT    SILENT  MUST    SILENT    SILENT
V-61  SILENT    MUST    SILENT  SILENT    SILENT
V-62  SILENT    MUST    SILENT  SILENT    SILENT
V-63  MUST      MUST    MUST    MUST      PREFERRED
V-64  MUST      MUST    MUST    MUST      MUST
V-70  MUST      MUST    MUST    MUST      MUST
V-71  SILENT    MUST    MUST    MUST      SILENT
"""

CASES = [
    pytest.param(rule_id, pack_id, strength, id=f"{rule_id}_{pack_id}_case")
    for rule_id, *strengths in (line.split() for line in MATRIX.strip().splitlines())
    for pack_id, strength in zip(REGIONAL, strengths, strict=True)
]


@pytest.mark.parametrize(("rule_id", "pack_id", "strength"), CASES)
def test_spec_5_strength_column(pack, rule_id, pack_id, strength):
    assert pack(pack_id).rule(rule_id).strength == strength


def test_spec_5_matrix_covers_every_validation_rule():
    assert len(CASES) == 69 * 5


@pytest.mark.parametrize(
    ("rule_id", "pack_id"),
    [
        pytest.param("V-14", "cilegon-2023", id="v14_cilegon_mechanisms_only_case"),
        pytest.param("V-27", "kotim-2023", id="v27_kotim_may_silent_case"),
        pytest.param("V-26", "cilegon-2023", id="v26_cilegon_cc_both_appraisers_case"),
        pytest.param("V-61", "blitar-2023", id="v61_blitar_threshold_case"),
        pytest.param("V-18", "barut-2024", id="v18_barut_team_signer_case"),
        pytest.param("G49", "blitar-2023", id="g49_blitar_authorised_official_case"),
        pytest.param("G49", "barut-2024", id="g49_barut_authorised_official_case"),
    ],
)
def test_spec_product_decisions_are_marked(pack, rule_id, pack_id):
    assert pack(pack_id).rule(rule_id).product_decision is True
