"""Time `make run` to its first page, against the product's own runserver alone as the floor.

    .venv/bin/python bench/startup.py [--rounds 3] [--output bench/results-startup.json]
        [--venv PATH]

Each round runs in a fresh directory given as SIKERJA_VAR_DIR (so nothing of the checkout's
var/ is touched): `make run` on an empty database (migrations and the demo pemda are built),
`make run` again on that prepared database, `manage.py runserver` alone on it (the floor: what
serving costs with no set-up at all), and the two processes `make run` ran before `run_demo`
(`setup_demo`, then `runserver --noreload --skip-checks`), for comparison. The clock stops at
the first answer of `/masuk/` (the login page). The virtualenv must be ready: `make` is told
to take its install stamp as done (`-o`), so no round installs anything. `--venv` names
another ready virtualenv (a worktree without its own; give the checkout's `src` first on
PYTHONPATH). The rounds run without PYTHONDONTWRITEBYTECODE, as a user's checkout keeps its
bytecode.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1:8765"
FIRST_PAGE = f"http://{HOST}/masuk/"
TIMEOUT = 300.0


def _two_commands(python: Path) -> list[str]:
    """What `make run` ran before `manage.py run_demo`, for comparison on the prepared database."""
    return [
        "sh",
        "-c",
        f"{python} manage.py setup_demo --pack surakarta-2023 --employees 1500"
        f" && exec {python} manage.py runserver --noreload --skip-checks {HOST}",
    ]


def _first_page(command: list[str], env: dict[str, str]) -> float:
    """Seconds from starting the command to the first HTTP answer of FIRST_PAGE."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while time.perf_counter() - started < TIMEOUT:
            if process.poll() is not None:
                raise RuntimeError(f"{command} exited with {process.returncode}")
            try:
                with urllib.request.urlopen(FIRST_PAGE, timeout=5) as response:
                    response.read()
                return time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        raise RuntimeError(f"no answer from {FIRST_PAGE} in {TIMEOUT} s")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _round(var_dir: Path, venv: Path) -> dict[str, float]:
    env = {**os.environ, "SIKERJA_VAR_DIR": str(var_dir)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    python = venv / "bin/python"
    make = ["make", "run", f"HOST={HOST}", f"VENV={venv}", "-o", str(venv / ".installed")]
    runserver = [str(python), "manage.py", "runserver", HOST, "--noreload"]
    fresh = _first_page(make, env)
    prepared = _first_page(make, env)
    floor_env = {**env, "DJANGO_SETTINGS_MODULE": "sikerja.config.settings.dev"}
    floor = _first_page(runserver, floor_env)
    before = _first_page(_two_commands(python), floor_env)
    return {
        "make_run_fresh_s": fresh,
        "make_run_prepared_s": prepared,
        "two_processes_prepared_s": before,
        "runserver_alone_s": floor,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path, default=ROOT / "bench/results-startup.json")
    parser.add_argument("--venv", type=Path, default=ROOT / ".venv", help="a ready virtualenv")
    args = parser.parse_args()
    rounds = []
    for number in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="sikerja-startup-") as var_dir:
            rounds.append(_round(Path(var_dir), args.venv))
        print(f"round {number + 1}: {rounds[-1]}", file=sys.stderr)
    keys = rounds[0].keys()
    summary = {key: statistics.median(r[key] for r in rounds) for key in keys}
    summary["ratio_prepared_to_floor"] = (
        summary["make_run_prepared_s"] / summary["runserver_alone_s"]
    )
    result = {
        "command": " ".join(sys.argv),
        "rounds": rounds,
        "median": summary,
        "loadavg": os.getloadavg(),
    }
    args.output.write_text(json.dumps(result, indent=2) + "\n")
    for key, value in summary.items():
        print(f"{key:28} {value:8.2f}")


if __name__ == "__main__":
    main()
