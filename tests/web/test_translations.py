"""The English catalogue: complete, and the committed .mo compiled from the committed .po."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "src" / "sikerja" / "locale" / "en" / "LC_MESSAGES"
EMPTY_MSGSTR = re.compile(r'^msgstr(?:\[\d\])? ""\n(?!")', re.MULTILINE)


def _entries() -> list[str]:
    return (LOCALE / "django.po").read_text(encoding="utf-8").split("\n\n")[1:]


def test_every_message_has_an_english_translation():
    untranslated = [entry for entry in _entries() if EMPTY_MSGSTR.search(entry + "\n")]

    assert untranslated == []


def test_no_translation_is_left_fuzzy():
    assert [entry for entry in _entries() if "#, fuzzy" in entry] == []


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext's msgfmt")
def test_the_committed_mo_is_compiled_from_the_committed_po(tmp_path):
    compiled = tmp_path / "django.mo"

    subprocess.run(  # noqa: S603 - fixed arguments
        [shutil.which("msgfmt"), "--check", "-o", str(compiled), str(LOCALE / "django.po")],
        check=True,
    )

    assert compiled.read_bytes() == (LOCALE / "django.mo").read_bytes()
