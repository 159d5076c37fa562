"""A server does not start on a broken pack: the start-up guard names the pack and field."""

from __future__ import annotations

import shutil

import pytest
from django.core.exceptions import ImproperlyConfigured

from sikerja.packs.startup import verify_packs
from sikerja.regulations.loader import PACKS_DIR


def test_the_installed_packs_let_the_server_start():
    verify_packs()


def test_a_broken_pack_stops_the_server_naming_the_pack_and_the_field(tmp_path, settings):
    shutil.copy(PACKS_DIR / "kotim-2023.toml", tmp_path / "kotim-2023.toml")
    text = (tmp_path / "kotim-2023.toml").read_text(encoding="utf-8")
    (tmp_path / "kotim-2023.toml").write_text(
        text.replace('region_kind = "kabupaten"', 'region_kind = "kecamatan"', 1),
        encoding="utf-8",
    )
    settings.SIKERJA_PACKS_DIR = str(tmp_path)

    with pytest.raises(ImproperlyConfigured) as stopped:
        verify_packs()

    assert "kotim-2023.toml (kotim-2023) is invalid: pack.region_kind" in str(stopped.value)
