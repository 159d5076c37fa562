"""org_import and org_export commands: progress, counts, every error line, non-zero exit."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sikerja.organization.models import Employee
from sikerja.organization.transfer import ImportRejected
from tests.organization.builders import build_org, make_nip
from tests.organization.test_transfer_support import counts, placement_row, xlsx


@pytest.fixture
def org():
    org = build_org("surakarta-2023")
    org.position("bidang", "Pengadministrasi Perkantoran", "PELAKSANA")
    return org


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_org_import_prints_progress_and_the_counts(org, tmp_path):
    path = tmp_path / "pegawai.xlsx"
    nip = make_nip()
    path.write_bytes(
        xlsx(
            employee=[
                placement_row(
                    nip,
                    "Rahmat Hidayat",
                    "DINKES",
                    "Bidang Pelayanan Kesehatan",
                    "Pengadministrasi Perkantoran",
                )
            ]
        )
    )

    output = run("org_import", "--government", org.government.kode, str(path))

    lines = output.splitlines()
    assert lines[0].startswith("membaca pegawai.xlsx (")
    assert lines[1] == "kemajuan: 100% (1/1 baris)"
    assert "employees_created: 1" in lines
    assert "placements_created: 1" in lines
    assert Employee.objects.get(government=org.government, nip=nip).name == "Rahmat Hidayat"


@pytest.mark.django_db
def test_org_import_prints_every_error_line_and_fails(org, tmp_path):
    path = tmp_path / "pegawai.xlsx"
    path.write_bytes(
        xlsx(
            employee=[
                {"nip": "12345", "name": "Salah", "employment_type": "PNS"},
                {"nip": make_nip(), "name": "", "employment_type": "PNS"},
            ]
        )
    )
    out = io.StringIO()
    before = counts()

    with pytest.raises(CommandError) as failed:
        call_command("org_import", "--government", org.government.kode, str(path), stdout=out)

    errors = [line for line in out.getvalue().splitlines() if line.startswith("Baris")]
    assert errors[0].startswith("Baris 2 (employee, nip): NIP harus 18 digit")
    assert errors[1] == "Baris 3 (employee, name): Wajib diisi."
    assert isinstance(failed.value.__cause__, ImportRejected)
    assert counts() == before


@pytest.mark.django_db
def test_org_export_writes_a_workbook_and_csv_files_that_import_back(org, tmp_path):
    workbook = tmp_path / "org.xlsx"
    folder = tmp_path / "csv"

    run(
        "org_export",
        "--government",
        org.government.kode,
        "--format",
        "xlsx",
        "--out",
        str(workbook),
    )
    run("org_export", "--government", org.government.kode, "--format", "csv", "--out", str(folder))

    assert workbook.read_bytes()[:2] == b"PK"
    assert sorted(path.name for path in folder.iterdir()) == [
        "jabatan.csv",
        "pegawai.csv",
        "unit.csv",
    ]
    output = run("org_import", "--government", org.government.kode, str(workbook))
    assert "employees_created: 0" in output.splitlines()


@pytest.mark.django_db
def test_org_import_refuses_an_unknown_government(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("nip\n")

    with pytest.raises(CommandError):
        run("org_import", "--government", "TIDAKADA", str(path))


@pytest.mark.django_db
def test_org_import_as_an_operator_records_the_operator_in_the_audit_event(
    world, user_of, tmp_path
):
    from sikerja.audit.models import AuditEvent
    from sikerja.organization.models import Government

    government = Government.objects.get(pk=world.government_id)
    path = tmp_path / "pegawai.csv"
    # Sequence 999: the demo numbers its NIPs from 001 per birth date and TMT.
    path.write_bytes(b"nip,name,employment_type\r\n196104152010031999,Sri Wahyuni,PNS\r\n")

    run("org_import", "--government", government.kode, str(path), "--as", "bkpsdm")

    event = AuditEvent.objects.get(government_id=government.pk, action="organization.imported")
    assert (event.actor_user_id, event.actor_label) == (user_of("bkpsdm").pk, "bkpsdm")


@pytest.mark.django_db
def test_org_import_as_an_employee_is_refused(world, tmp_path):
    from sikerja.organization.models import Government

    government = Government.objects.get(pk=world.government_id)
    path = tmp_path / "pegawai.csv"
    path.write_bytes(b"nip,name,employment_type\r\n196104152010031998,Sri Wahyuni,PNS\r\n")
    before = counts()

    with pytest.raises(CommandError):
        run("org_import", "--government", government.kode, str(path), "--as", "pelaksana")

    assert counts() == before
