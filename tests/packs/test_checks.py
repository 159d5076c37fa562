"""A broken regulation pack stops `manage.py check` (and so start-up) naming the pack and field."""

from __future__ import annotations

import shutil

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from sikerja.regulations.loader import PACKS_DIR


def _pack_with(tmp_path, old: str, new: str) -> None:
    text = (PACKS_DIR / "blitar-2023.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    (tmp_path / "blitar-2023.toml").write_text(text.replace(old, new), encoding="utf-8")
    shutil.copy(PACKS_DIR / "blitar-2023.workflows.toml", tmp_path / "blitar-2023.workflows.toml")


def test_installed_packs_pass_the_check():
    call_command("check", "--tag", "packs")


def test_a_typo_in_a_rule_parameter_fails_the_check_naming_the_pack_rule_and_field(tmp_path):
    _pack_with(tmp_path, 'allowed_kinds = ["FUNGSIONAL"', 'alowed_kinds = ["FUNGSIONAL"')

    with override_settings(SIKERJA_PACKS_DIR=tmp_path), pytest.raises(SystemCheckError) as failed:
        call_command("check", "--tag", "packs")

    message = str(failed.value)
    assert "packs.E001" in message
    assert "Regulation pack blitar-2023.toml (blitar-2023) is invalid" in message
    assert "rule V-47: params.allowed_kinds: Field required" in message
    assert "params.alowed_kinds: Extra inputs are not permitted" in message


def test_a_typo_in_a_pack_parameter_fails_the_check_naming_the_field(tmp_path):
    _pack_with(tmp_path, "pppk_positions = [", "pppk_position = [")

    with override_settings(SIKERJA_PACKS_DIR=tmp_path), pytest.raises(SystemCheckError) as failed:
        call_command("check")

    assert "parameters.pppk_position: Extra inputs are not permitted" in str(failed.value)
