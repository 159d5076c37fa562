"""The edge that runs import jobs: a thread of the web process started after the upload commits,
or `manage.py org_import_jobs` (docs/production.md). It reads the clock and hands it in."""

from __future__ import annotations

import logging
import threading

from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from sikerja.organization.models import ImportJob
from sikerja.organization.transfer.jobs import import_job_claim, import_job_finish, import_job_run

logger = logging.getLogger(__name__)


def job_thread_start(job_id: int) -> threading.Thread:
    """Run one waiting job in a thread of this process (called after the upload's commit)."""
    thread = threading.Thread(
        target=_work, kwargs={"job_id": job_id}, name=f"import-job-{job_id}", daemon=False
    )
    thread.start()
    return thread


def _work(*, job_id: int) -> None:
    try:
        job_run_next(job_id=job_id)
    finally:
        connections.close_all()  # a thread's connections are its own; Django will not close them


def job_run_next(*, job_id: int | None = None) -> ImportJob | None:
    """Claim and run a waiting job (this one, or the oldest); None when none is waiting.

    A failure of the code itself ends the job as FAILED (nothing was written: the import is one
    transaction) and is logged, so the job never stays running.
    """
    job = import_job_claim(at=timezone.now(), job_id=job_id)
    if job is None:
        return None
    try:
        return import_job_run(job=job, at=timezone.now(), clock=timezone.now)
    except Exception:
        logger.exception("import job %s crashed", job.pk)
        refusal = {
            "code": "import_crashed",
            "message": _("Impor gagal karena kesalahan sistem; tidak ada yang disimpan."),
        }
        return import_job_finish(job=job, at=timezone.now(), refusal=refusal)
