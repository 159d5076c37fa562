"""Run Python in a clean environment, as a fresh server would start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_python(
    args: list[str], tmp_path: Path, **extra_env: str
) -> subprocess.CompletedProcess[str]:
    """Run Python with no DJANGO_* or SIKERJA_* variable but those given (var/ in tmp_path)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SIKERJA_", "DJANGO_"))
    }
    env.update(SIKERJA_VAR_DIR=str(tmp_path), PYTHONPATH=str(ROOT / "src"), **extra_env)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own entry points
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
