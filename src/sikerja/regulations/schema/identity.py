"""Identity of a pack: region, instrument, number, year."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field


class PackIdentity(BaseModel):
    """Which regulation this pack is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]+(-\d{4})?$")
    region: str
    region_kind: str = Field(pattern=r"^(kabupaten|kota|nasional)$")
    instrument: str = Field(min_length=1, description="full name of the instrument")
    short: str = Field(
        min_length=1, description="short citation prefix, e.g. 'Perwali Surakarta 32/2023'"
    )
    number: int
    year: int
    title: str
    enacted_on: dt.date | None = None
    promulgated_on: dt.date | None = None
    gazette: str = ""
    seed_file: str = ""
    signed_by: str = ""
    regional_head_title: str = Field(description="'Bupati', 'Wali Kota', 'Walikota'")
    legal_basis: tuple[str, ...] = ()
    lampiran_present: bool = True
