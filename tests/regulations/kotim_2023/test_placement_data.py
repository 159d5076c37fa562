"""Perbup Kotim 51/2023: placement patterns by urusan (T-KOTIM-URUSAN, V-42) and roles."""

from __future__ import annotations

import pytest

PACK = "kotim-2023"


@pytest.fixture
def kotim(pack):
    return pack(PACK)


def test_t_kotim_urusan_lampiran_ii_b_1_maps_38_affairs(kotim):
    affairs = kotim.data.placement.affairs

    assert len(affairs) == 38
    assert affairs["perhubungan"] == "KTM-PD-A"
    assert affairs["trantibum_linmas"] == "KTM-PD-A"
    assert affairs["pendidikan"] == "KTM-PD-B"
    assert affairs["keuangan"] == "KTM-PD-B"
    assert affairs["pariwisata"] == "KTM-PD-C"
    assert affairs["pengawasan"] == "KTM-INSP"
    assert affairs["penanggulangan_bencana"] == "KTM-BPBD"
    assert affairs["kesbangpol"] == "KTM-KESBANGPOL"


def test_t_kotim_urusan_lampiran_ii_b_1_c_3_group_c_has_31_affairs(kotim):
    affairs = kotim.data.placement.affairs

    assert sum(1 for table_id in affairs.values() if table_id == "KTM-PD-C") == 31


def test_t_kotim_urusan_each_pattern_lists_exactly_its_mapped_affairs(kotim):
    placement = kotim.data.placement

    for table in placement.tables:
        mapped = {code for code, table_id in placement.affairs.items() if table_id == table.id}
        assert set(table.affairs) == mapped, table.id


def test_t_kotim_urusan_labels_cover_every_affair(kotim):
    labels = kotim.parameters.urusan

    assert set(labels) == set(kotim.data.placement.affairs)
    assert labels["trantibum_linmas"] == (
        "ketenteraman dan ketertiban umum serta perlindungan masyarakat"
    )


def test_t_kedudukan_lampiran_ii_b_1_patterns_and_citations(kotim):
    tables = {table.id: table for table in kotim.data.placement.tables}

    assert {table_id: kotim.cite(table.citation) for table_id, table in tables.items()} == {
        "KTM-SETDA": "Perbup Kotim 51/2023 Lampiran II.B.1.a",
        "KTM-SETWAN": "Perbup Kotim 51/2023 Lampiran II.B.1.b",
        "KTM-PD-A": "Perbup Kotim 51/2023 Lampiran II.B.1.c.1)",
        "KTM-PD-B": "Perbup Kotim 51/2023 Lampiran II.B.1.c.2)",
        "KTM-PD-C": "Perbup Kotim 51/2023 Lampiran II.B.1.c.3)",
        "KTM-INSP": "Perbup Kotim 51/2023 Lampiran II.B.1.c (paragraf terakhir)",
        "KTM-BPBD": "Perbup Kotim 51/2023 Lampiran II.B.1.d",
        "KTM-KESBANGPOL": "Perbup Kotim 51/2023 Lampiran II.B.1.e",
    }


def test_lampiran_ii_b_1_a_setda_chain_sekda_asisten_kepala_bagian(kotim):
    table = next(t for t in kotim.data.placement.tables if t.id == "KTM-SETDA")

    assert [(row.appraiser, row.appraisees) for row in table.rows] == [
        (("ROOT",), ("ASISTEN",)),
        (("ASISTEN",), ("BAGIAN",)),
        (("BAGIAN",), ("JFK:*", "JFT:*", "PLK")),
    ]


def test_lampiran_ii_b_1_c_3_pattern_c_jf_under_kepala_bidang_or_sekretaris(kotim):
    table = next(t for t in kotim.data.placement.tables if t.id == "KTM-PD-C")

    assert table.agency_types == ("DINAS", "BADAN")
    assert table.rows[-1].appraiser == ("BIDANG", "SEKRETARIAT")
    assert table.rows[-1].appraisees == ("JFK:*", "JFT:*", "PLK")


def test_lampiran_ii_b_1_c_inspektorat_follows_other_legislation(kotim):
    table = next(t for t in kotim.data.placement.tables if t.id == "KTM-INSP")

    assert table.follows_other_legislation is True
    assert table.rows == ()


def test_default_tables_by_agency_type(kotim):
    assert dict(kotim.data.placement.default_tables) == {
        "SETDA": "KTM-SETDA",
        "SETWAN": "KTM-SETWAN",
        "INSPEKTORAT": "KTM-INSP",
        "BPBD": "KTM-BPBD",
        "KESBANGPOL": "KTM-KESBANGPOL",
        "DINAS": "KTM-PD-C",
        "BADAN": "KTM-PD-C",
        "SATUAN": "KTM-PD-A",
    }


def test_v42_override_of_the_urusan_pattern_needs_a_reason(kotim):
    rule = kotim.rule("V-42")

    assert rule.strength == "MUST"
    assert rule.params["override_requires_reason"] is True


def test_g30_pasal_1_angka_27_unit_head_kinds_leave_out_jpt_madya(kotim):
    placement = kotim.data.placement

    assert placement.unit_head_kinds == ("JPT_PRATAMA", "ADMINISTRATOR", "PENGAWAS", "FUNGSIONAL")
    assert kotim.cite(placement.unit_head_citation) == "Perbup Kotim 51/2023 Pasal 1 angka 27"
    assert kotim.rule("V-48").params["jpt_madya_may_head_unit"] is False


def test_g49_lampiran_ii_b_2_a_3_authorised_official_is_the_agency_head(kotim):
    role = kotim.data.roles.authorized_official

    assert (role.rule, role.scope) == ("G49", "agency")
    assert kotim.cite(role.citation) == "Perbup Kotim 51/2023 Lampiran II.B.2.a.3)"


def test_lampiran_ii_b_3_appraiser_strategic_unit_head_operational(kotim):
    assert kotim.parameters.responsibility_lists == {"appraiser": "S", "unit_head": "O"}
    assert kotim.parameters.responsibility_items["appraiser"][0] == (
        "menyusun dan menetapkan roadmap dan rencana kerja organisasi"
    )


def test_v14_lampiran_ii_b_2_b_voluntary_only_within_own_perangkat_daerah(kotim):
    rule = kotim.rule("V-14")

    assert rule.strength == "ONLY"
    assert rule.params == {"scopes": ["WITHIN_UNIT", "CROSS_UNIT"], "same": "perangkat_daerah"}
