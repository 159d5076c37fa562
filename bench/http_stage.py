"""The HTTP stage's machinery: gunicorn started on a free port for one application, and wrk
driving a request mix through it (bench/http_mixed.lua), parsed into a result.

Extend it by adding targets (`Target`) or mixes (files of requests, one per line, in the format
http_mixed.lua reads); `http_run.py` decides what runs.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
LUA = BENCH_DIR / "http_mixed.lua"
LOG_DIR = ROOT / "var"  # each server's stderr (JSON logs): var/bench-http-<target>-x<N>.log


@dataclass(frozen=True)
class Target:
    """One application served by gunicorn: its WSGI path and settings module (or none)."""

    name: str
    app: str
    settings: str | None


BARE_WSGI = Target("wsgi_hello", "hello_wsgi:application", None)
DJANGO_HELLO = Target("django_hello", "sikerja.config.wsgi:application", "hello_settings")
SIKERJA = Target("sikerja", "sikerja.config.wsgi:application", "sikerja.config.settings.prod")


@dataclass
class Result:
    """What wrk measured for one target, mix, worker count and concurrency."""

    target: str
    mix: str
    workers: int
    connections: int
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[str, int]
    socket_errors: int
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status.startswith("5"))

    @property
    def refused(self) -> int:
        return sum(n for status, n in self.statuses.items() if status.startswith("4"))

    @property
    def errors(self) -> int:
        """Server errors (5xx) and connections that failed or timed out."""
        return self.server_errors + self.socket_errors

    def as_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "mix": self.mix,
            "workers": self.workers,
            "connections": self.connections,
            "requests": self.requests,
            "seconds": round(self.seconds, 2),
            "rps": round(self.rps, 1),
            "p50_ms": self.p50_ms,
            "p95_ms": self.p95_ms,
            "p99_ms": self.p99_ms,
            "max_ms": self.max_ms,
            "statuses": self.statuses,
            "refused_4xx": self.refused,
            "errors": self.errors,
            **self.extra,
        }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5):  # noqa: S310 - local
                return
        except urllib.error.HTTPError:
            return  # answering (the bare WSGI floor has no /healthz)
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer within 60 s")


@contextmanager
def served(target: Target, workers: int, env: dict[str, str]) -> Iterator[str]:
    """gunicorn serving the target with `workers` sync workers; yields the base URL."""
    port = free_port()
    server_env = {**env, "PYTHONPATH": os.pathsep.join([str(BENCH_DIR), str(ROOT / "src")])}
    if target.settings:
        server_env["DJANGO_SETTINGS_MODULE"] = target.settings
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--backlog",
        "2048",
        "--log-level",
        "warning",
        "--no-control-socket",
        target.app,
    ]
    log = LOG_DIR / f"bench-http-{target.name}-x{workers}.log"
    LOG_DIR.mkdir(exist_ok=True)
    with log.open("wb") as stderr:
        server = subprocess.Popen(command, cwd=ROOT, env=server_env, stderr=stderr)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, server)
            yield base
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found is None:
        sys.exit("wrk not found: apt-get install wrk")
    return found


def run_wrk(
    base: str, mix_file: Path, *, connections: int, seconds: int, threads: int = 2
) -> dict[str, Any]:
    """wrk with the mix for `seconds`; the JSON line http_mixed.lua prints."""
    command = [
        wrk_path(),
        f"--threads={min(threads, connections)}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={LUA}",
        base,
        "--",
        str(mix_file),
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("WRK_JSON "))
    return dict(json.loads(line.removeprefix("WRK_JSON ")))


def measure(
    target: Target,
    mix: str,
    mix_file: Path,
    *,
    workers: int,
    connections: int,
    seconds: int,
    env: dict[str, str],
    warmup_s: int = 3,
) -> Result:
    """Serve the target, warm it up (untimed), then measure the mix."""
    with served(target, workers, env) as base:
        run_wrk(base, mix_file, connections=connections, seconds=warmup_s)
        raw = run_wrk(base, mix_file, connections=connections, seconds=seconds)
    return Result(
        target=target.name,
        mix=mix,
        workers=workers,
        connections=connections,
        requests=raw["requests"],
        seconds=raw["duration_us"] / 1e6,
        p50_ms=raw["p50_us"] / 1000,
        p95_ms=raw["p95_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        statuses={str(k): v for k, v in raw["statuses"].items()},
        socket_errors=sum(raw[k] for k in ("connect_errors", "read_errors", "write_errors"))
        + raw["timeouts"],
    )
