"""`manage.py org_import_jobs [--loop SECONDS]`: run the organisation imports uploaded in the
browser, for deployments that run them in a separate worker (SIKERJA_IMPORT_WORKER=command)."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from sikerja.organization.models import ImportJob
from sikerja.organization.transfer.jobs import import_job_fail_stale
from sikerja.organization.transfer.worker import job_run_next


class Command(BaseCommand):
    """Run every waiting import job, oldest first, then exit (or, with --loop, wait for more).

    Running jobs whose progress stopped over 15 minutes ago (their process was stopped) are
    marked failed first. Prints one line per job: its id, file, status and rows.
    """

    help = "Run the organisation imports uploaded in the browser (waiting import jobs)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--loop",
            type=float,
            default=0,
            metavar="SECONDS",
            help="Keep running: look for new jobs every SECONDS (0: run what waits, then exit).",
        )

    def handle(self, *args: Any, loop: float, **options: Any) -> None:
        while True:
            stale = import_job_fail_stale(at=timezone.now())
            if stale:
                self.stdout.write(f"impor terhenti ditandai gagal: {stale}")
            while (job := job_run_next()) is not None:
                self._report(job)
            if loop <= 0:
                return
            time.sleep(loop)

    def _report(self, job: ImportJob) -> None:
        line = f"impor #{job.pk} {job.filename}: {job.status} ({job.processed}/{job.total} baris)"
        if job.status == ImportJob.Status.DONE:
            self.stdout.write(self.style.SUCCESS(line))
        else:
            self.stdout.write(self.style.ERROR(line))
