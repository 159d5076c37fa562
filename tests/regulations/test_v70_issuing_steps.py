"""V-70 in every pack's flows: no step that issues (menetapkan) a Keputusan or surat perintah, or
that sets the assignment (V-22), is approve-only. Its official may refuse, with a reason, and the
refusal ends the request.

The first step of a flow is the requester's own submission: where the requesting official issues
their own order there (Barut's appraiser, Pasal 20 ayat (1)), they refuse it by not submitting.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Decision, DocType, FlowCore, StepSpec
from tests.regulations.conftest import REGIONAL

ISSUED = {DocType.DECREE, DocType.ORDER_LETTER}
SETTER_RULE = "V-22"
V70 = {
    "kotim-2023": "Perbup Kotim 51/2023 Lampiran II.B.2 (butir pertama dan butir kedua)",
    "blitar-2023": "Perwali Blitar 6/2023 Pasal 21 ayat (1) huruf a sampai c; "
    "Perwali Blitar 6/2023 Pasal 22",
    "surakarta-2023": "Perwali Surakarta 32/2023 Pasal 14 ayat (3); Perwali Surakarta 32/2023 "
    "Pasal 15 ayat (4); Perwali Surakarta 32/2023 Pasal 16 ayat (4); Perwali Surakarta 32/2023 "
    "Pasal 24 ayat (5)",
    "cilegon-2023": "Perwali Cilegon 17/2023 Pasal 6 ayat (4); Perwali Cilegon 17/2023 Pasal 9 "
    "ayat (1) dan ayat (2)",
    "barut-2024": "Perbup Barut 18/2024 Pasal 20 ayat (1); Perbup Barut 18/2024 Pasal 20 ayat (4) "
    "huruf a dan huruf b; Perbup Barut 18/2024 Pasal 21 ayat (4)",
}


def _issues(step: StepSpec) -> bool:
    documents = {document.type for docs in step.documents.values() for document in docs}
    return bool(documents & ISSUED) or SETTER_RULE in step.rules


def _steps(pack_id: str) -> Iterator[tuple[str, FlowCore, StepSpec]]:
    for key, definition in load_pack(pack_id).data.workflows.items():
        for step in definition.steps:
            yield key, definition, step


def issuing_steps(pack_id: str) -> list[tuple[str, StepSpec]]:
    """Every step, after the first, whose official issues a Keputusan or surat perintah."""
    return [
        (key, step)
        for key, definition, step in _steps(pack_id)
        if step.id != definition.start and _issues(step)
    ]


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_v70_every_pack_binds_the_issuers_refusal_with_its_articles(pack_id):
    pack = load_pack(pack_id)

    assert (pack.binds("V-70"), pack.cite_rule("V-70")) == (True, V70[pack_id])


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_v70_no_issuing_step_is_approve_only(pack_id):
    approve_only = [
        f"{key}.{step.id}"
        for key, step in issuing_steps(pack_id)
        if Decision.REJECT not in step.decisions
    ]

    assert issuing_steps(pack_id) != []
    assert approve_only == []


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_v70_a_refusal_at_an_issuing_step_needs_a_reason_and_ends_the_request(pack_id):
    pack = load_pack(pack_id)

    wrong = [
        f"{key}.{step.id}"
        for key, step in issuing_steps(pack_id)
        if step.next.get(Decision.REJECT) != "@rejected"
        or Decision.REJECT not in step.reason_required
        or not pack.citation_of(step.reason_rule)
    ]

    assert wrong == []


@pytest.mark.parametrize("pack_id", REGIONAL)
def test_v70_a_first_step_that_issues_is_the_issuing_officials_own_submission(pack_id):
    own = [
        (
            f"{key}.{step.id}",
            step.actor,
            {d.signer for docs in step.documents.values() for d in docs},
        )
        for key, definition, step in _steps(pack_id)
        if step.id == definition.start and _issues(step)
    ]

    assert [name for name, actor, signers in own if not signers <= {actor}] == []
    first = [step for key, definition, step in _steps(pack_id) if step.id == definition.start]
    assert {step.decisions for step in first} == {(Decision.SUBMIT,)}
