"""Shorthands for building workflow definitions in map tests, and citation formatters."""

from __future__ import annotations

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import (
    Decision,
    DocType,
    DocumentSpec,
    StepSpec,
)

KOTIM = "Perbup Kotim 51/2023"
SURAKARTA = "Perwali Surakarta 32/2023"

APPROVE, REJECT, RETURN = Decision.APPROVE, Decision.REJECT, Decision.RETURN
SUBMIT, FORWARD, ACKNOWLEDGE, RECORD = (
    Decision.SUBMIT,
    Decision.FORWARD,
    Decision.ACKNOWLEDGE,
    Decision.RECORD,
)


def cite_kotim(citation: Citation) -> str:
    """Formats like LoadedPack.cite for the Kotim pack."""
    return f"{citation.instrument or KOTIM} {citation.article}"


def cite_surakarta(citation: Citation) -> str:
    return f"{citation.instrument or SURAKARTA} {citation.article}"


def at(article: str) -> Citation:
    return Citation(article=article)


def doc(
    kind: DocType, title: str, signer: str, to: tuple[str, ...], article: str, **extra: object
) -> DocumentSpec:
    return DocumentSpec.model_validate(
        {
            "type": kind,
            "title": title,
            "signer": signer,
            "to": to,
            "citation": at(article),
            **extra,
        }
    )


def step(step_id: str, label: str, actor: str, article: str, **fields: object) -> StepSpec:
    return StepSpec.model_validate(
        {
            "id": step_id,
            "label": label,
            "label_en": label,
            "actor": actor,
            "citation": at(article),
            **fields,
        }
    )
