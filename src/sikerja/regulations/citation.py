"""A citation of an article: shared by the pack schema and the workflow schema."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Citation(BaseModel):
    """Where a rule comes from: an article of the pack's own instrument (or another one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    article: str = Field(min_length=1, description="e.g. 'Pasal 15 ayat (5)' or 'Lampiran III.c'")
    instrument: str = Field(default="", description="empty = the pack's own instrument")
