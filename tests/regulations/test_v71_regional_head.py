"""V-71 and G04 in every pack's data: who the regional head is, who decides and signs a Keputusan
of the regional head, and where the Sekda may sign "a.n." (atas nama) the regional head."""

from __future__ import annotations

import pytest

from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import DocType
from tests.regulations.conftest import REGIONAL

# Pack -> the Pasal 1 definition of its regional head (SPEC glossary G04).
HEADS = {
    "kotim-2023": ("Bupati", "Pasal 1 angka 4"),
    "blitar-2023": ("Walikota", "Pasal 1 angka 3"),
    "surakarta-2023": ("Wali Kota", "Pasal 1 angka 4"),
    "cilegon-2023": ("Wali Kota", "Pasal 1 angka 3"),
    "barut-2024": ("Bupati", "Pasal 1 angka 4"),
}


def _documents(pack_id: str):
    """(workflow key, step, document) of every letter a pack's flows issue."""
    for key, definition in load_pack(pack_id).data.workflows.items():
        for step in definition.steps:
            for documents in step.documents.values():
                for document in documents:
                    yield key, step, document


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_g04_pasal_1_every_pack_names_its_regional_head(pack_id):
    pack = load_pack(pack_id)
    title, article = HEADS[pack_id]

    assert pack.data.pack.regional_head_title == title
    assert (pack.binds("G04"), pack.cite_rule("G04")) == (True, f"{pack.short} {article}")


@pytest.mark.parametrize(
    ("pack_id", "citation"),
    [
        ("blitar-2023", "Perwali Blitar 6/2023 Pasal 21 ayat (1) huruf c"),
        (
            "surakarta-2023",
            "Perwali Surakarta 32/2023 Pasal 21 ayat (4); Perwali Surakarta 32/2023 Pasal 25 "
            "ayat (2); Perwali Surakarta 32/2023 Lampiran IV 3.1.c.2)",
        ),
        ("cilegon-2023", "Perwali Cilegon 17/2023 Pasal 9 ayat (2)"),
    ],
)
def test_v71_binds_where_the_seed_has_a_keputusan_of_the_regional_head(pack_id, citation):
    assert (load_pack(pack_id).binds("V-71"), load_pack(pack_id).cite_rule("V-71")) == (
        True,
        citation,
    )


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_v71_a_keputusan_of_the_regional_head_is_decided_and_signed_by_the_regional_head(pack_id):
    title = f"Keputusan {HEADS[pack_id][0]} "

    found = [
        (key, step.id, step.actor, document.signer, document.on_behalf_of)
        for key, step, document in _documents(pack_id)
        if document.type == DocType.DECREE and document.title.startswith(title)
    ]

    expected = "government.regional_head"
    assert found == [(key, step, expected, expected, "") for key, step, *_ in found]
    assert bool(found) is (pack_id in {"blitar-2023", "cilegon-2023"})


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_v71_the_sekda_signs_a_n_the_regional_head_only_where_the_pack_allows_it(pack_id):
    pack = load_pack(pack_id)
    allowed = set(pack.rule("V-71").params.get("on_behalf_of", ()))

    signed_for = {
        f"{key}.{step.id}": (document.signer, document.on_behalf_of)
        for key, step, document in _documents(pack_id)
        if document.on_behalf_of
    }

    assert set(signed_for) == allowed
    head = pack.data.pack.regional_head_title
    region = pack.data.pack.region.split(" ", 1)[-1]
    assert set(signed_for.values()) <= {("government.regional_secretary", f"a.n. {head} {region}")}
