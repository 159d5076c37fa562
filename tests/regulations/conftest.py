"""Fixtures for the pure pack tests: the installed packs, loaded once."""

from __future__ import annotations

import pytest

from sikerja.regulations.loader import LoadedPack, load_pack

REGIONAL = ("kotim-2023", "blitar-2023", "surakarta-2023", "cilegon-2023", "barut-2024")


@pytest.fixture
def pack():
    """pack("surakarta-2023") -> the validated LoadedPack."""

    def get(pack_id: str) -> LoadedPack:
        return load_pack(pack_id)

    return get
