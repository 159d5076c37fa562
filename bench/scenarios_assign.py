"""Penugasan scenarios on a Surakarta-style demo: cross-unit requests (WF-PEN-UO), the inbox and
sent lists at two sizes, each step's decision alone and under a threaded load, letter PDFs.

The request: the head of the outsider persona's Perangkat Daerah asks for JFs of the persona
Dinas (where the kabid works). In Surakarta the Pimpinan Unit Organisasi is the head of the
Perangkat Daerah, so only a PD head can start a cross-unit request (a kabid's own request for
a JF of another PD is refused as not_first_actor); the kabid takes part as the recommender of the
JFs he appraises, and the kepala_dinas decides. Steps are driven by whoever the engine names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import zip_longest

from django.core.handlers.wsgi import WSGIHandler
from measure import Stat, load, once, queries_per_call, timed
from wsgi_client import Caller

from sikerja.accounts.tokens import api_token_create
from sikerja.assignments import selectors
from sikerja.assignments.services import (
    RequestInput,
    assignment_decide,
    assignment_recommend,
    assignment_request_submit,
)
from sikerja.core.errors import DomainError
from sikerja.documents.models import Letter
from sikerja.documents.render import letter_pdf
from sikerja.organization.demo import DemoResult, persona_key
from sikerja.organization.models import Employee, Placement
from sikerja.regulations.loader import load_pack
from sikerja.workflows.models import WorkflowInstance, WorkflowStep

SUBJECT = "assignments.assignment"
PDF_P95_MS = 500.0  # issue target: a letter PDF in at most 500 ms (p95)
CONTENT = {
    "mode": "APPOINTMENT",
    "subject": "INDIVIDUAL",
    "title": "Penyusunan kajian kebutuhan tenaga kesehatan",
    "purpose": "Menyusun kajian kebutuhan tenaga kesehatan tahun depan",
    "competencies": ["analisis kebijakan"],
    "expected_target": "Dokumen kajian selesai dan disahkan",
}


@dataclass(frozen=True)
class Cast:
    """Who takes part: the requester, the kepala_dinas and kabid personas, the candidates."""

    requester: Employee
    kepala_dinas: Employee
    kabid: Employee
    candidates: list[Employee]


def _agency_head(employee: Employee, on: dt.date) -> Employee:
    placements = Placement.objects.effective_on(on).select_related("position__unit")
    unit = placements.get(employee=employee, kind="DEFINITIVE").position.unit
    head = placements.filter(
        position__is_head=True,
        position__unit__agency_id=unit.agency_id,
        position__unit__parent__isnull=True,
        kind="DEFINITIVE",
    ).first()
    if head is None:
        raise RuntimeError(f"no definitive head in agency {unit.agency_id}")
    return Employee.objects.select_related("government", "user").get(pk=head.employee_id)


def _candidates(kabid: Employee, on: dt.date) -> list[Employee]:
    """JFs then Pelaksana of the kabid's PD, those below the kabid first."""
    placements = Placement.objects.effective_on(on).select_related("position__unit")
    unit = placements.filter(employee=kabid, position__is_head=True).first()
    if unit is None:
        raise RuntimeError("the kabid persona holds no head position")
    home = unit.position.unit
    rows = (
        placements.filter(
            position__unit__agency_id=home.agency_id,
            position__kind__in=["FUNGSIONAL", "PELAKSANA"],
            kind="DEFINITIVE",
        )
        .order_by("pk")
        .values_list("employee_id", "position__kind", "position__unit__path")
    )
    ordered = sorted(
        rows, key=lambda r: (r[1] != "FUNGSIONAL", not r[2].startswith(home.path), r[0])
    )
    ids = list(dict.fromkeys(employee_id for employee_id, _, _ in ordered))
    found = Employee.objects.select_related("government").in_bulk(ids)
    return [found[pk] for pk in ids]


def cast_for(result: DemoResult, on: dt.date) -> Cast:
    named = {persona_key(login): employee.pk for login, employee in result.personas.items()}
    people = Employee.objects.select_related("government", "user").in_bulk(named.values())
    kabid = people[named["kabid"]]
    return Cast(
        requester=_agency_head(people[named["outsider"]], on),
        kepala_dinas=people[named["kepala_dinas"]],
        kabid=kabid,
        candidates=_candidates(kabid, on),
    )


def submit(cast: Cast, count: int, at: dt.datetime, on: dt.date) -> tuple[list[int], Stat]:
    """`count` requests, one candidate each (candidates the pack refuses are skipped)."""
    made: list[int] = []
    samples: list[float] = []
    refused: dict[str, int] = defaultdict(int)
    for candidate in cast.candidates:
        if len(made) == count:
            break
        data = RequestInput(
            **CONTENT,  # type: ignore[arg-type]
            candidate_ids=[candidate.pk],
            starts_on=on + dt.timedelta(days=7),
            ends_on=on + dt.timedelta(days=97),
        )
        try:
            assignment, ms = once(
                lambda d=data: assignment_request_submit(
                    requester=cast.requester, data=d, at=at, on=on
                )
            )
        except DomainError as exc:
            refused[str(exc.code)] += 1
            continue
        made.append(assignment.pk)
        samples.append(ms)
    note = f"{len(made)} requests" + (f", refused {dict(refused)}" if refused else "")
    return made, Stat("penugasan", "assignment_request_submit", samples, note=note)


def _open_step(assignment_id: int) -> WorkflowStep | None:
    return (
        WorkflowStep.objects.filter(
            instance__subject_type=SUBJECT,
            instance__subject_id=assignment_id,
            status=WorkflowStep.Status.OPEN,
        )
        .select_related("instance")
        .first()
    )


def _decision(step: WorkflowStep) -> str:
    instance = step.instance
    spec = load_pack(instance.pack_id).data.workflows[instance.definition_key].step(step.step_key)
    return next(d for d in ("approve", "acknowledge", "submit") if d in spec.next)


Record = Callable[[str, Callable[[], object]], None]


def drive(assignment_id: int, at: dt.datetime, on: dt.date, record: Record) -> None:
    """Take one request through every open step as the engine's actor, timing each call."""
    while (step := _open_step(assignment_id)) is not None:
        decision = _decision(step)
        if decision == "approve" and step.recommender_id and not step.recommendations.exists():
            recommender = Employee.objects.get(pk=step.recommender_id)
            record(
                "assignment_recommend",
                lambda s=step, by=recommender: assignment_recommend(
                    step_id=s.pk, by=by, text="Direkomendasikan.", at=at
                ),
            )
        actor = Employee.objects.get(pk=step.actor_id or step.recorder_id)
        record(
            f"assignment_decide {step.step_key}/{decision}",
            lambda s=step, by=actor, d=decision: assignment_decide(
                step_id=s.pk, by=by, decision=d, at=at, on=on
            ),
        )


def decisions(
    assignment_ids: list[int], at: dt.datetime, on: dt.date, *, threads: int, alone: int
) -> list[Stat]:
    """The first `alone` requests driven one after another, the rest by `threads` threads."""
    stats = []
    for label, ids in (("", assignment_ids[:alone]), (f" x{threads}", assignment_ids[alone:])):
        if not ids:
            continue
        times: dict[str, list[float]] = defaultdict(list)

        def record(name: str, fn: Callable[[], object], times=times) -> None:
            times[name].append(once(fn)[1])

        result = load(
            lambda pk, r=record: drive(pk, at, on, r),
            ids,
            threads=threads if label else 1,
            warm=False,
        )
        errors = f"; {result.errors} errors ({result.first_error})" if result.errors else ""
        for name, samples in times.items():  # in the order the flow reached them
            stats.append(
                Stat(
                    "penugasan-load" if label else "penugasan",
                    name + label,
                    samples,
                    floor="raw_sql_pk",
                    note=f"{len(ids)} requests, {result.wall_s:.1f} s wall{errors}",
                )
            )
    return stats


def boxes(cast: Cast, on: dt.date, at: dt.datetime, size: str, *, n: int) -> list[Stat]:
    """Inbox (kepala_dinas, kabid), sent (requester), and the API inbox: time and queries."""
    handler = WSGIHandler()
    reads: list[tuple[str, Callable[[object], object], int]] = []
    for who, person in (("kepala_dinas", cast.kepala_dinas), ("kabid", cast.kabid)):
        items = len(selectors.inbox(employee_id=person.pk, on=on))
        reads.append(
            (
                f"selectors.inbox {who}",
                lambda _, pk=person.pk: selectors.inbox(employee_id=pk, on=on),
                items,
            )
        )
        if person.user is not None:
            token = api_token_create(user=person.user, label="bench", at=at)
            api = Caller(handler, {"Authorization": f"Bearer {token}"})
            reads.append(
                (
                    f"GET /api/v1/assignments?box=inbox {who}",
                    lambda _, c=api: c("/api/v1/assignments?box=inbox"),
                    items,
                )
            )
    sent = len(selectors.sent(employee_id=cast.requester.pk))
    reads.append(
        (
            "selectors.sent requester",
            lambda _: list(selectors.sent(employee_id=cast.requester.pk)),
            sent,
        )
    )
    return [
        Stat(
            "penugasan-lists",
            f"{name} @{size}",
            timed(fn, range(n)),
            queries=queries_per_call(fn, range(3)),
            floor="django_hello" if name.startswith("GET") else "raw_sql_pk",
            note=f"{items} items",
            extra={"items": items, "size": size},
        )
        for name, fn, items in reads
    ]


def constant_queries(small: list[Stat], big: list[Stat]) -> None:
    """Mark each big-size list ok when it makes as many queries as at the small size."""
    counts = {stat.name.rsplit(" @", 1)[0]: stat.queries for stat in small}
    for stat in big:
        before = counts.get(stat.name.rsplit(" @", 1)[0])
        stat.target = f"queries = {before[0] if before else '?'} (as small)"
        stat.ok = before is not None and before == stat.queries and before[0] == before[1]


def letter_pdfs(assignment_ids: list[int], *, n: int) -> Stat:
    """letter_pdf on issued letters of the driven requests (the first render warms up)."""
    instances = WorkflowInstance.objects.filter(
        subject_type=SUBJECT, subject_id__in=assignment_ids
    ).values_list("pk", flat=True)
    issued = Letter.objects.filter(workflow_instance_id__in=list(instances))
    by_type: dict[str, list[Letter]] = defaultdict(list)
    for letter in issued.select_related("government", "agency").order_by("pk"):
        by_type[letter.doc_type].append(letter)
    mixed = [letter for group in zip_longest(*by_type.values()) for letter in group if letter]
    letters = mixed[: n + 1]  # every kind of letter in turn
    if not letters:
        return Stat("penugasan", "documents.letter_pdf", [], note="no letters issued")
    _, first_ms = once(lambda: letter_pdf(letters[0]))
    samples = timed(letter_pdf, letters[1:] or letters, warmup=0)
    kinds = sorted({letter.doc_type for letter in letters})
    stat = Stat(
        "penugasan",
        "documents.letter_pdf",
        samples,
        target="p95 <= 500 ms",
        note=f"{len(samples)} letters {'/'.join(kinds)}; first render {first_ms:.0f} ms",
        extra={"first_render_ms": first_ms},
    )
    stat.ok = stat.pct(95) <= PDF_P95_MS
    return stat
