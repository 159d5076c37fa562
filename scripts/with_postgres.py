"""Run a command against a throwaway PostgreSQL server started from the installed binaries.

Usage: python scripts/with_postgres.py -- <command...>

The server lives in a temporary directory, listens only on a Unix socket there, and is stopped
and removed when the command ends. initdb refuses to run as root, so as root the cluster is
created and started as the `postgres` system user (which the Debian package creates).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _bindir() -> Path:
    for candidate in (os.environ.get("PG_BINDIR", ""),):
        if candidate and Path(candidate, "initdb").exists():
            return Path(candidate)
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
        path = Path(out.stdout.strip())
        if (path / "initdb").exists():
            return path
    for path in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (path / "initdb").exists():
            return path
    sys.exit("PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql")


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1 :]
    if not argv:
        sys.exit(__doc__)
    bindir = _bindir()
    base = Path(tempfile.mkdtemp(prefix="sikerja-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, user="postgres")
    data, port = base / "data", str(54000 + os.getpid() % 1000)
    subprocess.run(
        _as_server_user(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    options = f"-p {port} -k {base} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(base / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    env = dict(
        os.environ, SIKERJA_DATABASE_URL=f"postgresql://postgres@/postgres?host={base}&port={port}"
    )
    try:
        return subprocess.run(argv, env=env, check=False).returncode
    finally:
        subprocess.run(
            _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
