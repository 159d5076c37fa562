"""A rule of a pack: SPEC id, strength, citations and parameters."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.enums import Strength


class Rule(BaseModel):
    """One rule of the pack: SPEC id, strength, citation, and its parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^(V-\d+[a-z]?|WF-[A-Z0-9-]+|T-[A-Z0-9-]+|G\d+|P-[A-Z0-9-]+)$")
    strength: Strength
    title: str = Field(min_length=1, description="Indonesian summary shown to users")
    title_en: str = Field(min_length=1)
    citations: tuple[Citation, ...] = Field(min_length=1)
    product_decision: bool = False
    params: dict[str, Any] = Field(default_factory=dict)
