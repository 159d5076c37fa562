"""A pack's files are parsed and validated once per process for the same contents (start-up
runs the pack checks, `packs --check` and `load_pack`), and read afresh when they change."""

from __future__ import annotations

import shutil
from pathlib import Path

from sikerja.regulations import loader


def _copy_pack(directory: Path, pack_id: str = "kotim-2023") -> Path:
    for suffix in (".toml", loader.WORKFLOWS_SUFFIX):
        shutil.copy(loader.PACKS_DIR / f"{pack_id}{suffix}", directory / f"{pack_id}{suffix}")
    return directory / f"{pack_id}.toml"


def test_the_same_contents_are_validated_once(tmp_path):
    _copy_pack(tmp_path)
    first = loader.check_all(tmp_path)
    misses = loader._parse.cache_info().misses

    again = loader.check_all(tmp_path)

    assert [(c.pack_id, c.ok) for c in again] == [(c.pack_id, c.ok) for c in first]
    assert [(c.pack_id, c.ok) for c in again] == [("kotim-2023", True)]
    assert loader._parse.cache_info().misses == misses


def test_an_edited_file_is_read_afresh(tmp_path):
    path = _copy_pack(tmp_path)
    assert [c.ok for c in loader.check_all(tmp_path)] == [True]

    path.write_text(path.read_text().replace('id = "kotim-2023"', 'id = "kotim-2099"', 1))
    checks = loader.check_all(tmp_path)

    assert [c.ok for c in checks] == [False]
    assert "does not match file name" in checks[0].error


def test_a_part_file_adds_its_rules_to_its_pack(tmp_path):
    path = _copy_pack(tmp_path)
    base = loader._read(path)
    (tmp_path / "kotim-2023.extra.toml").write_text(
        '[[rules]]\nid = "V-999"\nstrength = "MUST"\ntitle = "Uji"\ntitle_en = "Test"\n'
        'citations = [{ article = "Pasal 1" }]\n'
    )

    pack = loader._read(path)
    checks = loader.check_all(tmp_path)

    assert sorted(r.id for r in pack.rules) == sorted([r.id for r in base.rules] + ["V-999"])
    assert [(c.pack_id, c.ok, c.rules) for c in checks] == [
        ("kotim-2023", True, len(base.rules) + 1)
    ]
