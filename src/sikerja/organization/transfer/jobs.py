"""Import jobs: an uploaded file imported in the background, with its progress and its outcome.

`import_job_queue` keeps the upload (one waiting or running job per government, so a second
upload is refused while one runs) and, in the web process, starts a worker thread once the
upload is committed (`transfer.worker`); `manage.py org_import_jobs` runs waiting jobs instead
where a separate worker is preferred. `import_job_claim` takes a waiting job (check-and-set),
`import_job_run` imports its file with `import_file` (all or nothing, as ever) and records the
progress, then every bad row or what was written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from functools import partial
from typing import Any

from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.db.models import F, Q
from django.utils import translation
from django.utils.translation import gettext as _

from sikerja.core.errors import DomainError
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Government, ImportJob
from sikerja.organization.rules import Actor, Viewer, may_transfer
from sikerja.organization.selectors import viewer_for
from sikerja.organization.services import _audit, _require_operator, pack_for
from sikerja.organization.transfer.problems import ImportRejected
from sikerja.organization.transfer.service import import_file

OPEN = (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)
# A running job whose progress has not moved for this long lost its worker (a stopped process).
STALE_AFTER = dt.timedelta(minutes=15)
Clock = Callable[[], dt.datetime]
Starter = Callable[[int], object]


def import_job_queue(
    *,
    actor: Actor,
    government: Government,
    data: bytes,
    filename: str,
    language: str,
    on: dt.date,
    at: dt.datetime,
    start: Starter | None = None,
) -> ImportJob:
    """Keep an uploaded file as a waiting import job; `start(job_id)` runs after commit.

    Raises PermissionDenied (V-39: only BKPSDM operators), DomainError `import_running` while
    another import of the government waits or runs (a stale one is failed first).
    """
    _require_operator(actor, government, pack_for(government))
    with transaction.atomic():
        import_job_fail_stale(government=government, at=at, waiting_too=True)
        waiting = ImportJob.objects.filter(government=government, status__in=OPEN).first()
        if waiting is not None:
            raise _running(waiting)
        try:
            with transaction.atomic():
                job = ImportJob.objects.create(
                    government=government,
                    requested_by_id=actor.user_id,
                    requested_label=actor.label,
                    filename=filename,
                    sha256=hashlib.sha256(data).hexdigest(),
                    data=data,
                    language=language,
                    on=on,
                    queued_at=at,
                )
        except IntegrityError as exc:  # another upload won the race for the one open job
            raise _running(None) from exc
        _audit(
            actor, "import_job.queued", job, at, after={"filename": filename, "sha256": job.sha256}
        )
        if start is not None:
            transaction.on_commit(partial(start, job.pk))
    return job


def _running(job: ImportJob | None) -> DomainError:
    message = _(
        "Impor lain untuk pemerintah daerah ini masih berjalan (%(filename)s); tunggu sampai "
        "selesai, lalu unggah lagi."
    ) % {"filename": job.filename if job is not None else "-"}
    return DomainError(code=OrgErrorCode.IMPORT_RUNNING, message=message, status=409)


def import_job_fail_stale(
    *, at: dt.datetime, government: Government | None = None, waiting_too: bool = False
) -> int:
    """Mark running jobs whose progress stopped over STALE_AFTER ago as failed; how many.

    `waiting_too` (a new upload of the government): also a job that has waited that long without
    starting (its process stopped before starting it, or no worker runs), which the new upload
    replaces.
    """
    since = at - STALE_AFTER
    condition = Q(status=ImportJob.Status.RUNNING, heartbeat_at__lt=since)
    if waiting_too:
        condition |= Q(status=ImportJob.Status.QUEUED, queued_at__lt=since)
    stale = ImportJob.objects.filter(condition)
    if government is not None:
        stale = stale.filter(government=government)
    refusal = {
        "code": OrgErrorCode.IMPORT_INTERRUPTED.value,
        "message": _(
            "Impor terhenti sebelum selesai (proses dihentikan); tidak ada yang disimpan."
        ),
    }
    return stale.update(status=ImportJob.Status.FAILED, finished_at=at, refusal=refusal, data=b"")


def import_job_claim(*, at: dt.datetime, job_id: int | None = None) -> ImportJob | None:
    """Take a waiting job (this one, or the oldest) to run it: QUEUED → RUNNING, check-and-set,
    so two workers never run the same job. None when there is none left to take."""
    waiting = ImportJob.objects.filter(status=ImportJob.Status.QUEUED)
    if job_id is not None:
        waiting = waiting.filter(pk=job_id)
    for pk in waiting.order_by("queued_at", "pk").values_list("pk", flat=True)[:10]:
        taken = ImportJob.objects.filter(pk=pk, status=ImportJob.Status.QUEUED).update(
            status=ImportJob.Status.RUNNING, started_at=at, heartbeat_at=at
        )
        if taken:
            return ImportJob.objects.select_related("government").get(pk=pk)
    return None


def import_job_run(*, job: ImportJob, at: dt.datetime, clock: Clock) -> ImportJob:
    """Import a claimed job's file as its uploader (all or nothing), then mark it DONE with what
    was written or FAILED with every bad row or the refusal. `at` is the import's time; `clock`
    stamps progress and the end."""
    progress = JobProgress(job.pk, clock)
    try:
        with translation.override(job.language or None):
            result = import_file(
                actor=_actor_of(job),
                government=job.government,
                data=bytes(job.data),
                filename=job.filename,
                at=at,
                on=job.on,
                progress=progress,
            )
    except ImportRejected as rejected:
        errors = [error.as_dict() for error in rejected.errors]
        return import_job_finish(job=job, at=clock(), errors=errors, refusal=_shape(rejected))
    except DomainError as error:
        return import_job_finish(job=job, at=clock(), refusal=_shape(error))
    finally:
        progress.close()
    return import_job_finish(job=job, at=clock(), written=result.counts())


def import_job_finish(
    *,
    job: ImportJob,
    at: dt.datetime,
    errors: list[dict[str, Any]] | None = None,
    refusal: dict[str, Any] | None = None,
    written: dict[str, int] | None = None,
) -> ImportJob:
    """End a running job: DONE with `written`, else FAILED; the file itself is not kept."""
    done = written is not None
    # Done is every row: the last report may have come inside the import's transaction.
    processed = F("total") if done else F("processed")
    ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING).update(
        status=ImportJob.Status.DONE if done else ImportJob.Status.FAILED,
        processed=processed,
        finished_at=at,
        heartbeat_at=at,
        errors=errors or [],
        refusal=refusal or {},
        written=written or {},
        data=b"",
    )
    job.refresh_from_db()
    return job


def _shape(error: DomainError) -> dict[str, Any]:
    return {
        "code": str(error.code),
        "message": str(error.message),
        "rule": error.rule,
        "citation": error.citation,
    }


def _actor_of(job: ImportJob) -> Actor:
    """The uploader as they are now: an operator who lost the role is refused (V-39)."""
    if job.requested_by is None:
        return Actor.system(job.government_id, label=job.requested_label)
    viewer = viewer_for(job.requested_by, job.on)
    if viewer is not None and viewer.government.pk == job.government_id:
        return viewer.actor
    return Actor(user_id=job.requested_by_id, label=job.requested_label, government_id=0)


class JobProgress:
    """Writes an import's progress to its job row, where the page polling it reads it.

    Before the import's transaction (reading the file) the worker's own connection writes it.
    The checks and writes run in one transaction: inside it a second connection writes the row
    on PostgreSQL, where it does not wait for the import; SQLite has one writer at a time, so
    there the row keeps the last value written before the transaction until the import ends.
    """

    def __init__(self, job_id: int, clock: Clock) -> None:
        self.job_id, self.clock = job_id, clock
        self.depth = len(connection.atomic_blocks)
        self.side: Any = None

    def __call__(self, done: int, total: int) -> None:
        at = self.clock()
        if len(connection.atomic_blocks) <= self.depth:
            ImportJob.objects.filter(pk=self.job_id).update(
                processed=done, total=total, heartbeat_at=at
            )
        elif connection.vendor == "postgresql":
            self._side_write(done, total, at)

    def _side_write(self, done: int, total: int, at: dt.datetime) -> None:
        if self.side is None:
            self.side = connections.create_connection(DEFAULT_DB_ALIAS)
        table = self.side.ops.quote_name(ImportJob._meta.db_table)
        with self.side.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET processed = %s, total = %s, heartbeat_at = %s WHERE id = %s",  # noqa: S608 - the table name is the model's
                [done, total, at, self.job_id],
            )

    def close(self) -> None:
        if self.side is not None:
            self.side.close()


def import_job_for(viewer: Viewer, job_id: int | None = None) -> ImportJob | None:
    """The viewer's government's job (this one, or the latest); None for anyone but BKPSDM
    operators, and for another government's job."""
    if not may_transfer(viewer):
        return None
    jobs = ImportJob.objects.filter(government=viewer.government).defer("data")
    if job_id is not None:
        return jobs.filter(pk=job_id).first()
    return jobs.order_by("-queued_at", "-pk").first()
