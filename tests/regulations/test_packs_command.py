"""`manage.py packs`: list the packs, or check them and fail on an invalid one."""

from __future__ import annotations

import io
import shutil

import pytest
from django.core.management.base import CommandError

from sikerja.packs.management.commands.packs import Command
from sikerja.regulations.loader import PACKS_DIR
from tests.regulations.test_packs import BASE_RULE_COUNTS, workflow_rule_count


def _run(**options):
    out = io.StringIO()
    Command(stdout=out).handle(**options)
    return out.getvalue().splitlines()


def test_check_prints_one_ok_line_per_pack():
    lines = _run(check=True, dir=PACKS_DIR)

    assert lines == [
        f"{pack_id}  ok  {count + workflow_rule_count(pack_id)} rules"
        for pack_id, count in BASE_RULE_COUNTS.items()
    ]


def test_list_prints_each_pack_with_its_instrument():
    lines = _run(check=False, dir=PACKS_DIR)

    assert lines[0] == (
        "barut-2024  Peraturan Bupati Barito Utara Nomor 18 Tahun 2024 tentang Sistem Kerja "
        "Aparatur Sipil Negara"
    )
    assert lines[4] == "national  Peraturan Menteri PANRB Nomor 7 Tahun 2022"
    assert len(lines) == 6


def test_check_reports_an_invalid_pack_and_fails(tmp_path):
    shutil.copy(PACKS_DIR / "kotim-2023.toml", tmp_path / "kotim-2023.toml")
    (tmp_path / "broken-2023.toml").write_text("[pack\n", encoding="utf-8")
    out = io.StringIO()

    with pytest.raises(CommandError) as raised:
        Command(stdout=out).handle(check=True, dir=tmp_path)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("broken-2023  INVALID  TOML: ")
    assert lines[1] == "kotim-2023  ok  81 rules"
    assert str(raised.value) == "1 invalid pack(s): broken-2023"


def test_check_fails_on_a_typo_in_a_rule_parameter_naming_the_rule_and_field(tmp_path):
    text = (PACKS_DIR / "blitar-2023.toml").read_text(encoding="utf-8")
    typo = text.replace(
        'AHLI_MUDA = { to = ["ADMINISTRATOR"]', 'AHLI_MUDA = { to = ["ADMINSTRATOR"]'
    )
    (tmp_path / "blitar-2023.toml").write_text(typo, encoding="utf-8")
    out = io.StringIO()

    with pytest.raises(CommandError) as raised:
        Command(stdout=out).handle(check=True, dir=tmp_path)

    line = out.getvalue().splitlines()[0]
    assert line.startswith("blitar-2023  INVALID  rules.")
    assert "rule V-41: params.delegable.AHLI_MUDA.to.0: Input should be 'JPT_UTAMA'" in line
    assert str(raised.value) == "1 invalid pack(s): blitar-2023"


def test_check_fails_on_an_unknown_pack_parameter(tmp_path):
    text = (PACKS_DIR / "kotim-2023.toml").read_text(encoding="utf-8")
    typo = text.replace("\nsilent_unit_types = [", "\nsilent_unit_type = [")
    (tmp_path / "kotim-2023.toml").write_text(typo, encoding="utf-8")
    out = io.StringIO()

    with pytest.raises(CommandError):
        Command(stdout=out).handle(check=True, dir=tmp_path)

    assert out.getvalue().splitlines() == [
        "kotim-2023  INVALID  parameters.silent_unit_type: Extra inputs are not permitted"
    ]
