"""V-68: the layout of decrees and letters is pack data (`[letters]`), checked when a pack loads.

Kotim binds it (000 Lampiran II.B.2 fourth bullet); the other packs take Sikerja's own layout
as a product decision.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sikerja.regulations.loader import PACKS_DIR, pack_raw
from sikerja.regulations.schema import Pack
from sikerja.regulations.schema.letters import LetterLayouts
from tests.regulations.conftest import REGIONAL


def test_v68_lampiran_ii_b_2_fourth_bullet_kotim_lays_out_its_letters_by_its_own_rules(pack):
    letters = pack("kotim-2023").data.letters

    assert (letters.version, letters.rule, letters.place, letters.font_size_pt) == (
        "kotim-tnd-1",
        "V-68",
        "Sampit",
        12,
    )
    assert letters.citation is not None
    assert letters.citation.article == "Lampiran II.B.2 (butir keempat)"
    assert letters.ORDER_LETTER.sections == ("menimbang", "dasar")
    assert letters.ASSIGNMENT_LETTER.sections == ("menimbang", "dasar")
    assert letters.DECREE.sections == ("menimbang", "mengingat")
    assert pack("kotim-2023").rule("V-68").strength == "MUST"


@pytest.mark.parametrize("pack_id", [p for p in REGIONAL if p != "kotim-2023"])
def test_v68_other_packs_take_the_product_layout_without_a_rule(pack, pack_id):
    letters = pack(pack_id).data.letters

    assert letters == LetterLayouts()
    assert (letters.version, letters.rule, letters.place) == ("sikerja-1", "", "")
    assert not pack(pack_id).has_rule("V-68")


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(
            {"ORDER_LETTER": {"sections": ["dasar", "dasar"], "command": "X"}}, id="repeat_case"
        ),
        pytest.param(
            {"ORDER_LETTER": {"sections": ["kepada"], "command": "X"}}, id="unknown_section_case"
        ),
        pytest.param({"DECREE": {"sections": []}}, id="empty_case"),
        pytest.param({"font": "Comic Sans"}, id="font_case"),
        pytest.param(
            {"margins_cm": {"top": 0, "right": 2, "bottom": 2, "left": 2}}, id="margin_case"
        ),
        pytest.param({"version": "Versi 1"}, id="version_case"),
        pytest.param({"signature": "left"}, id="unknown_key_case"),
    ],
)
def test_v68_a_layout_the_schema_does_not_know_is_refused_at_load(raw):
    with pytest.raises(ValidationError):
        LetterLayouts.model_validate(raw)


def test_v68_a_pack_naming_a_rule_it_lacks_is_refused():
    raw = pack_raw(PACKS_DIR / "blitar-2023.toml")
    raw["letters"] = {"rule": "V-68"}

    with pytest.raises(ValidationError, match="rules referenced but not defined: V-68"):
        Pack.model_validate(raw)
