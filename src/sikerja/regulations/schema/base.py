"""The base of every rule's typed parameters."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class RuleParams(BaseModel):
    """Base of the typed parameters of one rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)
