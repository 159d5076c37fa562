"""Perwali Blitar 6/2023 Lampiran B Mekanisme 1, SPEC T-BLITAR-MEKANISME (3.4.4 revised): the
unit head of an M1 Perangkat Daerah is a pack option of its placement table (`unit_head`):
the JPT Pratama ('agency'), or the Administrator heading the person's Bidang ('own_unit')."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import PACKS_DIR, LoadedPack, pack_raw
from sikerja.regulations.schema import Pack
from tests.organization.builders import build_org

PACK = "blitar-2023"
ON = dt.date(2026, 11, 23)
CITATION = "Lampiran B, Mekanisme 1; Pasal 19, Pasal 22 huruf a, Pasal 26 huruf a dan huruf c"


def _blitar_with_m1_unit_head(scope: str) -> LoadedPack:
    path = PACKS_DIR / f"{PACK}.toml"
    raw = pack_raw(path)
    table = next(t for t in raw["placement"]["tables"] if t["id"] == "BLT-M1-PTP")
    table["unit_head"] = {
        "rule": "T-BLITAR-MEKANISME",
        "scope": scope,
        "citation": {"article": CITATION},
    }
    return LoadedPack(Pack.model_validate(raw), path)


@pytest.fixture
def org():
    return build_org(PACK)


@pytest.mark.django_db
def test_t_blitar_mekanisme_1_the_jpt_pratama_heads_an_m1_unit_organisasi(org):
    jf = org.staff("Agus Prasetyo", "bidang", "FUNGSIONAL", "AHLI_MUDA")

    answer = Resolver(_blitar_with_m1_unit_head("agency")).unit_head(jf.pk, ON)

    assert (answer.person.employee_id, answer.rule, answer.citation) == (
        org.people["dinas"].pk,
        "T-BLITAR-MEKANISME",
        f"Perwali Blitar 6/2023 {CITATION}",
    )


@pytest.mark.django_db
def test_t_blitar_mekanisme_1_option_own_unit_makes_the_administrator_the_unit_head(org):
    jf = org.staff("Agus Prasetyo", "bidang", "FUNGSIONAL", "AHLI_MUDA")

    answer = Resolver(_blitar_with_m1_unit_head("own_unit")).unit_head(jf.pk, ON)

    assert (answer.person.employee_id, answer.rule) == (
        org.people["bidang"].pk,
        "T-BLITAR-MEKANISME",
    )


@pytest.mark.django_db
def test_t_blitar_mekanisme_5_the_setda_keeps_the_kepala_bagian_as_unit_head(org):
    jf = org.staff("Rina Kusuma", "bagian", "FUNGSIONAL", "AHLI_MUDA")

    answer = Resolver(_blitar_with_m1_unit_head("agency")).unit_head(jf.pk, ON)

    assert (answer.person.employee_id, answer.rule) == (org.people["bagian"].pk, "G30")
