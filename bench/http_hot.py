"""The hot paths through the HTTP stage: gunicorn on PostgreSQL, loaded by wrk, next to the
Django hello served the same way (bench/http_stage.py, bench/http_run.py).

    .venv/bin/python scripts/with_postgres.py -- .venv/bin/python bench/http_hot.py

One mix per hot path, each alone: roles as the operator and as the demo's Kepala Dinas (the
same NIPs, of the Kepala Dinas's agency), the Kepala Dinas's penugasan inbox page, the
organisation page with the largest agency's root unit chosen, and the letter PDF download (the
letters of a few driven penugasan, typeset and stored when issued). Writes
bench/results-http-hot.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from http_run import build, environment  # noqa: E402 - after the path above
from http_stage import DJANGO_HELLO, SIKERJA, Result, measure  # noqa: E402


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--employees", type=int, default=8_000)
    add("--pack", default="surakarta-2023")
    add("--seed", type=int, default=1)
    add("--workers", type=int, default=4)
    add("--connections", type=int, default=32)
    add("--seconds", type=int, default=10)
    add("--letters", type=int, default=4)
    add("--output", type=Path, default=BENCH_DIR / "results-http-hot.json")
    return parser.parse_args()


def _line(path: str, kind: str, credential: str) -> str:
    return "\t".join(["GET", path, kind, credential, ""])


def _mixes(built: dict[str, Any], letters: int) -> dict[str, list[str]]:
    from django.db import connections
    from django.test import Client
    from scenarios_assign import SUBJECT, cast_for, drive, submit
    from scenarios_org import largest_agency

    from sikerja.accounts.tokens import api_token_create
    from sikerja.documents.models import Letter
    from sikerja.organization.demo import persona_key
    from sikerja.organization.models import Employee, OrgUnit, Placement
    from sikerja.workflows.models import WorkflowInstance

    demo, at, on = built["demo"], built["at"], built["on"]
    named = {persona_key(login): e for login, e in demo.personas.items()}
    users = {key: Employee.objects.get(pk=e.pk).user for key, e in named.items()}

    def cookie(key: str) -> str:
        browser = Client()
        browser.force_login(users[key])
        return f"sessionid={browser.cookies['sessionid'].value}"

    operator = api_token_create(user=users["bkpsdm"], label="bench-http-hot", at=at)
    head = api_token_create(user=users["kepala_dinas"], label="bench-http-hot", at=at)
    agency = (
        Placement.objects.effective_on(on)
        .filter(employee=named["kepala_dinas"], position__is_head=True)
        .values_list("position__unit__agency_id", flat=True)
        .first()
    )
    nips = list(
        Placement.objects.effective_on(on)
        .filter(position__unit__agency_id=agency)
        .values_list("employee__nip", flat=True)
    )
    nips = random.Random(1).sample(nips, min(200, len(nips)))
    largest, _ = largest_agency(demo.government, on)
    root = OrgUnit.objects.get(agency_id=largest, depth=0).pk
    ids, _ = submit(cast_for(demo, on), letters, at, on)
    for pk in ids:
        drive(pk, at, on, lambda _name, fn: fn())
    instances = WorkflowInstance.objects.filter(subject_type=SUBJECT, subject_id__in=ids)
    letter_ids = Letter.objects.filter(
        workflow_instance_id__in=list(instances.values_list("pk", flat=True))
    ).values_list("pk", flat=True)
    operator_cookie, head_cookie = cookie("bkpsdm"), cookie("kepala_dinas")
    connections.close_all()
    return {
        "hello": [_line("/hello/", "-", "")],
        "roles_operator": [_line(f"/api/v1/employees/{n}/roles", "bearer", operator) for n in nips],
        "roles_head": [_line(f"/api/v1/employees/{n}/roles", "bearer", head) for n in nips],
        "inbox_head": [_line("/penugasan/", "cookie", head_cookie)],
        "org_root": [_line(f"/organisasi/{largest}/?unit={root}", "cookie", operator_cookie)],
        "letter_pdf": [_line(f"/surat/{pk}/pdf/", "cookie", operator_cookie) for pk in letter_ids],
    }


def main() -> int:
    args = _parse()
    env = environment()
    started = dt.datetime.now(dt.UTC)
    built = build(args)
    files = {}
    for name, lines in _mixes(built, args.letters).items():
        files[name] = BENCH_DIR.parent / "var" / f"bench-http-hot-{name}.txt"
        files[name].parent.mkdir(exist_ok=True)
        files[name].write_text("\n".join(lines) + "\n")
    results: list[Result] = []
    for name, path in files.items():
        target = DJANGO_HELLO if name == "hello" else SIKERJA
        print(f"  {name} …", file=sys.stderr, flush=True)
        results.append(
            measure(
                target,
                name,
                path,
                workers=args.workers,
                connections=args.connections,
                seconds=args.seconds,
                env=env,
            )
        )
    hello = results[0]
    rows = []
    for r in results:
        ratio = hello.rps / r.rps if r.rps else float("inf")
        rows.append({**r.as_json(), "x_hello_cost": round(ratio, 1)})
        print(
            f"{r.mix:<16}{r.rps:>9,.0f} req/s  p50 {r.p50_ms:8.2f}  p95 {r.p95_ms:8.2f}  "
            f"p99 {r.p99_ms:8.2f}  errors {r.errors}  x{ratio:6.1f} hello"
        )
    body = {
        "command": " ".join(sys.argv),
        "started": started.isoformat(timespec="seconds"),
        "loadavg_end": os.getloadavg(),
        "cpus": os.cpu_count(),
        "args": {k: str(v) for k, v in vars(args).items()},
        "results": rows,
    }
    args.output.write_text(json.dumps(body, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
