"""Import jobs: an upload waits, runs, ends done (everything written) or failed (every bad row,
nothing written); its progress is kept on the row; one job per government at a time."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import DomainError, PermissionDenied
from sikerja.organization.models import Employee, Government, ImportJob
from sikerja.organization.rules import Actor
from sikerja.organization.transfer import Sheet, template_csv
from sikerja.organization.transfer.jobs import (
    JobProgress,
    import_job_claim,
    import_job_queue,
    import_job_run,
)
from tests.organization.builders import make_nip
from tests.organization.test_transfer_support import xlsx

V39 = "Perwali Surakarta 32/2023 Pasal 12 ayat (3); Perwali Surakarta 32/2023 Lampiran III 2.1"


def employee_csv(rows: list[str]) -> bytes:
    header = template_csv(Sheet.EMPLOYEE).splitlines()[0]
    return ("\n".join([header, *rows]) + "\n").encode()


def new_people(count: int) -> list[str]:
    """Rows of new employees without a placement, with valid NIPs of their own."""
    return [
        f"19{70 + index // 999}0115200503{1}{index % 999 + 1:03d},Pegawai Baru {index},,,PNS"
        for index in range(count)
    ]


def queue(operator, data: bytes, now, today, filename: str = "pegawai.csv", start=None):
    government = Government.objects.get(pk=operator.government_id)
    return import_job_queue(
        actor=operator,
        government=government,
        data=data,
        filename=filename,
        language="id",
        on=today,
        at=now,
        start=start,
    )


def run(job_id: int, now):
    job = import_job_claim(at=now, job_id=job_id)
    assert job is not None
    return import_job_run(job=job, at=now, clock=lambda: now)


def employees(operator) -> int:
    return Employee.objects.filter(government_id=operator.government_id).count()


def test_an_upload_waits_with_its_file_and_starts_its_worker_after_commit(
    world, operator, now, today, django_capture_on_commit_callbacks
):
    started: list[int] = []
    data = employee_csv(new_people(2))

    with django_capture_on_commit_callbacks(execute=True):
        job = queue(operator, data, now, today, start=started.append)

    job.refresh_from_db()
    assert (job.status, job.total, job.processed, bytes(job.data)) == ("QUEUED", 0, 0, data)
    assert started == [job.pk]
    event = AuditEvent.objects.get(action="import_job.queued")
    assert (event.object_id, event.actor_label) == (str(job.pk), "bkpsdm")


def test_a_good_file_runs_to_done_writes_every_row_and_drops_the_file(world, operator, now, today):
    before = employees(operator)
    job = queue(operator, employee_csv(new_people(3)), now, today)

    job = run(job.pk, now)

    assert (job.status, job.processed, job.total, job.percent) == ("DONE", 3, 3, 100)
    assert job.written["employees_created"] == 3
    assert (job.errors, job.refusal, bytes(job.data)) == ([], {}, b"")
    assert (job.started_at, job.finished_at) == (now, now)
    assert employees(operator) == before + 3
    assert AuditEvent.objects.filter(action="organization.imported").count() == 1


def test_a_bad_file_fails_with_every_bad_row_and_writes_nothing(world, operator, now, today):
    before = employees(operator)
    good = new_people(2)
    bad_nip = "19851315201003100X,Nama Salah,,,PNS"
    no_decision = (
        f"{make_nip()},Tanpa Keputusan,,,PNS,,SETDA,Sekretariat Daerah,Sekretaris Daerah,,"
        "2025-01-02,,,,"
    )
    job = queue(operator, employee_csv([*good, bad_nip, no_decision]), now, today)

    job = run(job.pk, now)

    assert job.status == "FAILED"
    assert job.refusal["code"] == "import_rejected"
    assert [(e["sheet"], e["row"], e["column"], e["code"]) for e in job.errors] == [
        ("pegawai", 4, "nip", "invalid_nip"),
        ("pegawai", 5, "nomor_sk", "decision_required"),
        ("pegawai", 5, "tanggal_sk", "decision_required"),
        ("pegawai", 5, "pejabat_penetap", "decision_required"),
    ]
    assert {(e["rule"], e["citation"]) for e in job.errors[1:]} == {("V-39", V39)}
    assert employees(operator) == before
    assert not AuditEvent.objects.filter(action="organization.imported").exists()


def test_progress_is_written_as_the_file_is_read_and_complete_when_done(
    world, operator, now, today
):
    job = queue(operator, employee_csv(new_people(3100)), now, today)
    seen: list[tuple[int, int]] = []

    def clock() -> dt.datetime:
        seen.append(ImportJob.objects.values_list("processed", "total").get(pk=job.pk))
        return now

    claimed = import_job_claim(at=now, job_id=job.pk)
    job = import_job_run(job=claimed, at=now, clock=clock)

    assert (job.status, job.processed, job.total) == ("DONE", 3100, 3100)
    assert list(dict.fromkeys(seen)) == [(0, 0), (1000, 3100)]


def test_a_workbook_shows_progress_while_it_is_read(world, operator, now, today):
    rows = [
        {"nip": row.split(",")[0], "name": row.split(",")[1], "employment_type": "PNS"}
        for row in new_people(4500)
    ]
    data = xlsx(indonesian=True, employee=rows)
    job = queue(operator, data, now, today, filename="pegawai.xlsx")
    seen: list[tuple[int, int]] = []

    def clock() -> dt.datetime:
        seen.append(ImportJob.objects.values_list("processed", "total").get(pk=job.pk))
        return now

    done = import_job_run(job=import_job_claim(at=now, job_id=job.pk), at=now, clock=clock)

    assert (done.status, done.processed, done.total) == ("DONE", 4500, 4500)
    # 1000 of about 4501 rows (the workbook's own count) while reading, 2000 of 4500 typed.
    assert list(dict.fromkeys(seen)) == [(0, 0), (1000, 4501), (2000, 4500)]


def test_progress_inside_the_import_transaction_does_not_write_through_its_connection(
    world, operator, now, today
):
    job = queue(operator, employee_csv([]), now, today)
    progress = JobProgress(job.pk, lambda: now)

    progress(10, 40)
    with transaction.atomic():
        progress(20, 40)
    progress.close()

    job.refresh_from_db()
    assert (job.processed, job.total, job.percent, job.heartbeat_at) == (10, 40, 25, now)


def test_a_second_import_of_the_government_is_refused_while_one_waits(world, operator, now, today):
    first = queue(operator, employee_csv(new_people(1)), now, today, filename="satu.csv")
    events = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        queue(operator, employee_csv(new_people(1)), now, today, filename="dua.csv")

    assert (refused.value.code, refused.value.status) == ("import_running", 409)
    assert "satu.csv" in refused.value.message
    assert list(ImportJob.objects.values_list("pk", flat=True)) == [first.pk]
    assert AuditEvent.objects.count() == events


def test_a_second_import_is_refused_while_one_runs_and_accepted_after_it(
    world, operator, now, today
):
    first = queue(operator, employee_csv(new_people(1)), now, today)
    import_job_claim(at=now, job_id=first.pk)

    with pytest.raises(DomainError) as refused:
        queue(operator, employee_csv(new_people(1)), now, today)
    run_first = import_job_run(job=ImportJob.objects.get(pk=first.pk), at=now, clock=lambda: now)
    second = queue(operator, employee_csv(new_people(1)), now, today)

    assert refused.value.code == "import_running"
    assert (run_first.status, second.status) == ("DONE", "QUEUED")


def test_the_database_holds_one_open_job_per_government(world, operator, now, today):
    first = queue(operator, employee_csv([]), now, today)

    with pytest.raises(IntegrityError), transaction.atomic():
        ImportJob.objects.create(
            government_id=first.government_id,
            requested_label="x",
            filename="x.csv",
            sha256="0" * 64,
            on=today,
            queued_at=now,
            status=ImportJob.Status.RUNNING,
        )


def test_a_running_job_whose_progress_stopped_is_failed_and_a_new_upload_goes_in(
    world, operator, now, today
):
    stale = queue(operator, employee_csv([]), now, today)
    import_job_claim(at=now, job_id=stale.pk)
    later = now + dt.timedelta(minutes=16)

    fresh = queue(operator, employee_csv([]), later, today)

    stale.refresh_from_db()
    assert (stale.status, stale.refusal["code"], stale.finished_at) == (
        "FAILED",
        "import_interrupted",
        later,
    )
    assert fresh.status == "QUEUED"


def test_a_job_that_waited_too_long_without_starting_gives_way_to_a_new_upload(
    world, operator, now, today
):
    abandoned = queue(operator, employee_csv([]), now, today)

    fresh = queue(operator, employee_csv([]), now + dt.timedelta(minutes=16), today)

    abandoned.refresh_from_db()
    assert (abandoned.status, abandoned.refusal["code"], fresh.status) == (
        "FAILED",
        "import_interrupted",
        "QUEUED",
    )


def test_the_worker_runs_a_job_that_waited_while_no_worker_ran(world, operator, now, today):
    job = queue(operator, employee_csv(new_people(1)), now - dt.timedelta(hours=2), today)

    call_command("org_import_jobs", stdout=io.StringIO())

    job.refresh_from_db()
    assert job.status == "DONE"


def test_a_job_is_claimed_once(world, operator, now, today):
    job = queue(operator, employee_csv([]), now, today)

    first = import_job_claim(at=now)
    second = import_job_claim(at=now)

    assert (first.pk, first.status, second) == (job.pk, "RUNNING", None)


def test_only_an_operator_may_upload(world, persona, now, today):
    kadis = persona("kepala_dinas")
    actor = Actor(user_id=kadis.user_id, label="kadis", government_id=kadis.government_id)

    with pytest.raises(PermissionDenied) as refused:
        queue(actor, employee_csv([]), now, today)

    assert (refused.value.rule, refused.value.citation) == (
        "V-39",
        V39,
    )
    assert not ImportJob.objects.exists()
    assert not AuditEvent.objects.filter(action="import_job.queued").exists()


def test_an_operator_who_lost_the_role_before_the_run_is_refused_by_v39(
    world, operator, now, today, user_of
):
    from sikerja.accounts.models import Account

    job = queue(operator, employee_csv(new_people(1)), now, today)
    Account.objects.filter(user=user_of("bkpsdm")).update(role=Account.Role.EMPLOYEE)

    job = run(job.pk, now)

    assert (job.status, job.refusal["code"], job.refusal["rule"]) == (
        "FAILED",
        "permission_denied",
        "V-39",
    )


def test_the_worker_command_runs_every_waiting_job(world, operator, now, today):
    job = queue(operator, employee_csv(new_people(2)), now, today, filename="dua.csv")
    out = io.StringIO()

    call_command("org_import_jobs", stdout=out)

    job.refresh_from_db()
    assert job.status == "DONE"
    assert out.getvalue() == f"impor #{job.pk} dua.csv: DONE (2/2 baris)\n"
