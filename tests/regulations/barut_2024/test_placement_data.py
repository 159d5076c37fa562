"""Perbup Barut 18/2024: placement by grade (V-40, Pasal 17), with the Lampiran missing."""

from __future__ import annotations

import pytest

PACK = "barut-2024"


@pytest.fixture
def barut(pack):
    return pack(PACK)


def _grade_rule(loaded, code):
    return next(g for g in loaded.data.placement.grade_rules if code in g.appraisees)


def test_v40_pasal_17_ayat_3_huruf_a_ahli_utama_and_madya_under_jpt_pratama(barut):
    rule = _grade_rule(barut, "JFK:AHLI_UTAMA")

    assert rule.appraisees == ("JFK:AHLI_UTAMA", "JFK:AHLI_MADYA")
    assert (rule.superior_kinds, rule.one_level_up) == (("JPT_PRATAMA",), False)
    assert barut.cite(rule.citation) == "Perbup Barut 18/2024 Pasal 17 ayat (3) huruf a"


def test_v40_pasal_17_ayat_3_huruf_b_ahli_muda_under_administrator_or_one_up(barut):
    rule = _grade_rule(barut, "JFK:AHLI_MUDA")

    assert (rule.superior_kinds, rule.one_level_up) == (("ADMINISTRATOR",), True)
    assert rule.admitted_kinds() == {"ADMINISTRATOR", "JPT_PRATAMA"}
    assert rule.citation.article == "Pasal 17 ayat (3) huruf b"


def test_v40_pasal_17_ayat_3_huruf_c_ahli_pertama_and_keterampilan_under_pengawas(barut):
    rule = _grade_rule(barut, "JFT:*")

    assert rule.appraisees == ("JFK:AHLI_PERTAMA", "JFT:*")
    assert (rule.superior_kinds, rule.one_level_up) == (("PENGAWAS",), True)
    assert rule.admitted_kinds() == {"PENGAWAS", "ADMINISTRATOR"}
    assert rule.citation.article == "Pasal 17 ayat (3) huruf c"


def test_v40_pasal_17_ayat_4_pelaksana_under_pengawas_else_administrator(barut):
    rules = [
        (g.superior_kinds, g.one_level_up, g.unless_unit_has, g.citation.article)
        for g in barut.data.placement.grade_rules
        if "PLK" in g.appraisees
    ]

    assert rules == [
        (("PENGAWAS",), False, (), "Pasal 17 ayat (4) huruf a"),
        (("ADMINISTRATOR",), False, ("PENGAWAS",), "Pasal 17 ayat (4) huruf b"),
    ]


def test_v40_pasal_17_ayat_5_a_jf_leading_an_independent_unit_supervises(barut):
    head = barut.data.placement.independent_head

    assert (head.rule, barut.cite(head.citation)) == (
        "V-40",
        "Perbup Barut 18/2024 Pasal 17 ayat (5)",
    )


def test_pasal_18_lampiran_missing_so_no_tables_and_details_to_be_supplied(barut):
    placement = barut.data.placement

    assert (placement.mode, placement.tables) == ("grade", ())
    assert barut.data.pack.lampiran_present is False
    assert barut.parameters.lampiran_details == "to_be_supplied"
    assert barut.rule("T-KEDUDUKAN").product_decision is True


def test_pasal_29_individual_reports_go_to_the_appraiser(barut):
    assert barut.parameters.report_chain.individual == ("appraiser",)


def test_v14_pasal_23_ayat_4_voluntary_application_may_cross_perangkat_daerah(barut):
    assert barut.rule("V-14").params["scopes"] == ["WITHIN_UNIT", "CROSS_UNIT", "CROSS_PD"]


def test_v02_pasal_20_ayat_2_order_letter_fields(barut):
    rule = barut.rule("V-02")

    assert rule.strength == "MUST"
    assert rule.params["fields"] == ["purpose", "expected_target", "duration", "other_arrangements"]


def test_v03_pasal_21_ayat_3_written_reply_without_a_required_reason(barut):
    rule = barut.rule("V-03")

    assert rule.strength == "SILENT"
    assert rule.params["written_reply_required"] is True
    assert (barut.parameters.reply.written, barut.parameters.reply.reason_required) == (True, False)
