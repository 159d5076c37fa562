"""Every pack validates, holds every SPEC rule, and cites its own instrument."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sikerja.regulations.loader import PACKS_DIR, UnknownPack, check_all, load_pack
from sikerja.regulations.schema import AGENCY_TYPES, Citation, Strength
from tests.regulations.conftest import REGIONAL

V_IDS = {
    *(f"V-{n:02d}" for n in range(1, 65)),
    "V-70",
    "V-71",
    "V-16a",
    "V-27a",
    "V-30a",
    "V-69",
}
GLOSSARY_IDS = {"G04", "G05", "G30", "G32", "G34", "G39", "G49"}
TABLE_IDS = {"T-KEDUDUKAN", "T-PLACEMENT-GRADE", "T-INSTRUMENTS"}
PACK_ONLY_IDS = {
    # V-68 binds Kotim alone; elsewhere the letter layout is a product decision, no rule.
    # V-65 to V-67 bind only where the seed states them (team order, activity PK, Pengendali).
    "kotim-2023": {"T-KOTIM-URUSAN", "V-68", "V-66"},
    "blitar-2023": {"T-BLITAR-MEKANISME", "V-65", "V-72"},
    "surakarta-2023": {"T-SURAKARTA-ALUR", "V-66", "V-67"},
    "cilegon-2023": set(),
    "barut-2024": set(),
}


def workflow_rule_count(pack_id):
    """Rules a pack's workflow file adds (e.g. the rule that forbids a flow)."""
    return sum(rule.id.startswith("WF-") for rule in load_pack(pack_id).data.rules)


# Rules of each pack besides its workflow file's. Each regional performance part file states
# P-SKP-APPROVAL; Blitar and Surakarta add one of their own (P-EXPECTATION, P-APPRAISAL-PERIODS).
# Each objection part file states P-OBJECTION-DECISION; the national one P-OBJECTION.
# Blitar's report part file states V-72 (regular individual work on the Pasal 26a chain).
BASE_RULE_COUNTS = {
    "barut-2024": 84,
    "blitar-2023": 88,
    "cilegon-2023": 84,
    "kotim-2023": 87,
    "national": 12,
    "surakarta-2023": 88,
}


def test_every_pack_file_validates_with_its_rule_count():
    results = {result.pack_id: (result.ok, result.rules, result.error) for result in check_all()}

    assert results == {
        pack_id: (True, count + workflow_rule_count(pack_id), "")
        for pack_id, count in BASE_RULE_COUNTS.items()
    }


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_spec_sections_3_and_5_every_rule_once_per_regional_pack(pack, pack_id):
    rules = pack(pack_id).data.rules
    ids = [rule.id for rule in rules if not rule.id.startswith(("WF-", "P-"))]

    assert len(ids) == len(set(ids))
    assert set(ids) == V_IDS | GLOSSARY_IDS | TABLE_IDS | PACK_ONLY_IDS[pack_id]


IDENTITIES = {
    # pack id: (short, region kind, head title, enacted and promulgated on, gazette)
    "kotim-2023": (
        "Perbup Kotim 51/2023",
        "kabupaten",
        "Bupati",
        dt.date(2023, 12, 29),
        "Berita Daerah Kabupaten Kotawaringin Timur Tahun 2023 Nomor 51",
    ),
    "blitar-2023": (
        "Perwali Blitar 6/2023",
        "kota",
        "Walikota",
        dt.date(2023, 1, 17),
        "Berita Daerah Kota Blitar Tahun 2023 Nomor 6",
    ),
    "surakarta-2023": (
        "Perwali Surakarta 32/2023",
        "kota",
        "Wali Kota",
        dt.date(2023, 12, 6),
        "Berita Daerah Kota Surakarta Tahun 2023 Nomor 56",
    ),
    "cilegon-2023": (
        "Perwali Cilegon 17/2023",
        "kota",
        "Wali Kota",
        dt.date(2023, 6, 5),
        "Berita Daerah Kota Cilegon Tahun 2023 Nomor 17",
    ),
    "barut-2024": ("Perbup Barut 18/2024", "kabupaten", "Bupati", dt.date(2024, 9, 2), ""),
}


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_spec_0_1_pack_identity(pack, pack_id):
    identity = pack(pack_id).data.pack
    short, region_kind, head, enacted, gazette = IDENTITIES[pack_id]

    assert (identity.short, identity.region_kind, identity.regional_head_title) == (
        short,
        region_kind,
        head,
    )
    assert (identity.enacted_on, identity.promulgated_on, identity.gazette) == (
        enacted,
        enacted,
        gazette,
    )
    assert identity.lampiran_present is (pack_id != "barut-2024")


def test_spec_0_1_pasal_15_ayat_5_citation_format_names_the_instrument(pack):
    surakarta = pack("surakarta-2023")

    assert surakarta.cite(Citation(article="Pasal 15 ayat (5)")) == (
        "Perwali Surakarta 32/2023 Pasal 15 ayat (5)"
    )
    assert surakarta.cite(surakarta.rule("V-04").citations[0]) == (
        "Perwali Surakarta 32/2023 Pasal 15 ayat (5)"
    )
    assert pack("blitar-2023").cite_rule("V-47") == "Perwali Blitar 6/2023 Pasal 15 ayat (1)"


def test_citation_of_another_instrument_names_that_instrument(pack):
    national = pack("national")

    assert national.cite_rule("P-PENYESUAIAN") == (
        "PermenPANRB 7/2022 Pasal 25; Perwali Blitar 6/2023 Menimbang huruf a"
    )


def test_unknown_pack_id_raises_unknown_pack_naming_the_available_packs():
    with pytest.raises(UnknownPack) as raised:
        load_pack("atlantis-2023")

    assert str(raised.value) == (
        "unknown pack 'atlantis-2023'; available: barut-2024, blitar-2023, cilegon-2023, "
        "kotim-2023, national, surakarta-2023"
    )


def _copy_pack(tmp_path: Path, pack_id: str) -> Path:
    target = tmp_path / f"{pack_id}.toml"
    shutil.copy(PACKS_DIR / f"{pack_id}.toml", target)
    return target


def test_broken_pack_with_unknown_strength_is_reported_invalid_with_the_field(tmp_path):
    target = _copy_pack(tmp_path, "barut-2024")
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('strength = "MUST"', 'strength = "SHOULD"', 1), encoding="utf-8")

    (result,) = check_all(tmp_path)

    assert (result.pack_id, result.ok, result.rules) == ("barut-2024", False, 0)
    assert result.error.startswith("rules.0.strength: Input should be 'MUST'")


def test_broken_pack_without_the_rule_its_roles_cite_is_reported_invalid(tmp_path):
    target = _copy_pack(tmp_path, "cilegon-2023")
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('id = "G49"', 'id = "G48"'), encoding="utf-8")

    (result,) = check_all(tmp_path)

    assert result.ok is False
    # The loader prefixes model-level errors with an empty location (": Value error, ...").
    assert result.error.endswith("Value error, rules referenced but not defined: G49")


def test_pack_file_named_after_another_id_is_reported_invalid(tmp_path):
    shutil.copy(PACKS_DIR / "kotim-2023.toml", tmp_path / "kotim-2024.toml")

    (result,) = check_all(tmp_path)

    assert (result.pack_id, result.ok) == ("kotim-2024", False)
    assert result.error == "pack id 'kotim-2023' does not match file name 'kotim-2024.toml'"


def test_pack_file_that_is_not_toml_is_reported_invalid(tmp_path):
    (tmp_path / "broken-2023.toml").write_text("[pack\nid = 1\n", encoding="utf-8")

    (result,) = check_all(tmp_path)

    assert (result.pack_id, result.ok) == ("broken-2023", False)
    assert result.error.startswith("TOML: ")


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_placement_and_roles_cite_rules_of_the_pack_and_known_agency_types(pack, pack_id):
    loaded = pack(pack_id)
    placement = loaded.data.placement
    roles = loaded.data.roles

    assert placement is not None
    assert roles is not None
    table_ids = [table.id for table in placement.tables]
    assert len(table_ids) == len(set(table_ids))
    assert set(placement.default_tables) <= AGENCY_TYPES
    assert roles.unit_head.rule == "G30"
    assert roles.appraiser.rule == "G32"
    assert roles.performance_owner.rule == "G39"
    assert roles.authorized_official.rule == "G49"
    assert roles.regional_secretary.rule == "G05"
    assert roles.structural_appraiser.rule == "V-45"


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_v03_product_decision_reason_on_every_rejection(pack, pack_id):
    rule = pack(pack_id).rule("V-03")

    assert rule.product_decision is True
    assert rule.params["product_rule_all_rejections"] is True


def test_v03_flows_needing_a_reason_by_pack(pack):
    flows = {pack_id: pack(pack_id).rule("V-03").params["flows"] for pack_id in REGIONAL}

    assert flows == {
        "kotim-2023": ["CROSS_UNIT_APPOINTMENT"],
        "blitar-2023": [],
        "surakarta-2023": [
            "CROSS_UNIT_APPOINTMENT",
            "CROSS_INSTANSI_APPOINTMENT",
            "VOLUNTARY_CROSS_UNIT",
        ],
        "cilegon-2023": ["CROSS_UNIT_APPOINTMENT"],
        "barut-2024": [],
    }


def test_national_pack_holds_the_performance_rules_without_placement(pack):
    national = pack("national")
    matrix = national.rule("P-PREDIKAT").params["matrix"]

    assert national.data.pack.region_kind == "nasional"
    assert (national.data.placement, national.data.roles) == (None, None)
    assert matrix["DI_ATAS_EKSPEKTASI"]["DI_ATAS_EKSPEKTASI"] == "SANGAT_BAIK"
    assert matrix["SESUAI_EKSPEKTASI"]["DI_BAWAH_EKSPEKTASI"] == "KURANG"
    assert matrix["DI_BAWAH_EKSPEKTASI"]["SESUAI_EKSPEKTASI"] == "BUTUH_PERBAIKAN"
    assert national.rule("P-ANGKA-KREDIT").params["percent"] == {
        "SANGAT_BAIK": 150,
        "BAIK": 100,
        "BUTUH_PERBAIKAN": 75,
        "KURANG": 50,
        "SANGAT_KURANG": 25,
    }


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_silent_rules_still_cite_an_article_of_the_seed(pack, pack_id):
    silent = [rule for rule in pack(pack_id).data.rules if rule.strength == Strength.SILENT]

    assert silent
    assert all(c.article and not c.instrument for rule in silent for c in rule.citations)
