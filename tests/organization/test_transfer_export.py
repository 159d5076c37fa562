"""organization export and template: the same columns, so an export or a blank template imports."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from sikerja.organization import services, services_people
from sikerja.organization.models import Placement
from sikerja.organization.rules import Actor
from sikerja.organization.transfer import (
    Sheet,
    Written,
    export_csv,
    export_xlsx,
    import_file,
    template_csv,
    template_xlsx,
)
from sikerja.organization.transfer.export import sheet_rows
from tests.organization.builders import NOW, build_org, make_nip

ON = dt.date(2026, 11, 23)
NOTHING = Written()


def fresh_government(pack_id: str = "surakarta-2023"):
    government = services.government_create(
        kode=f"X{make_nip()[-6:]}", name="Pemerintah Tujuan", kind="KOTA", pack_id=pack_id, at=NOW
    )
    return government, Actor.system(government.pk)


def contents(government) -> dict[Sheet, list[tuple]]:
    """Every exported row, sorted (ids differ between governments, content must not)."""
    return {
        sheet: sorted(
            tuple("" if cell is None else str(cell) for cell in row)
            for row in sheet_rows(government, sheet)
        )
        for sheet in Sheet
    }


@pytest.fixture
def org():
    """The builder's pemda plus a unit without positions, an employee without a placement, and
    an employee whose placement history has an ended placement and a current one."""
    org = build_org("surakarta-2023")
    services.unit_create(
        actor=org.actor,
        parent=org.units["dinas"],
        name="UPTD Puskesmas Kota",
        unit_type="UPTD",
        is_work_unit=True,
        at=NOW,
    )
    org.person("Oki Setiawan")
    mover = org.staff("Nur Hidayah", "bidang", "PELAKSANA")
    first = Placement.objects.get(employee=mover)
    services_people.placement_end(
        actor=org.actor, placement=first, valid_to=dt.date(2026, 1, 1), at=NOW
    )
    analyst = org.position("bidang", "Analis Kebijakan Ahli Muda", "FUNGSIONAL", "AHLI_MUDA")
    org.place(mover, analyst, start=dt.date(2026, 1, 1))
    return org


@pytest.mark.django_db
def test_an_export_imports_into_an_empty_government_as_the_same_organisation(org):
    target, actor = fresh_government()

    result = import_file(
        actor=actor,
        government=target,
        data=export_xlsx(government=org.government),
        filename="export.xlsx",
        at=NOW,
        on=ON,
    )

    assert contents(target) == contents(org.government)
    assert (
        result.written.placements_created
        == Placement.objects.filter(government=org.government).count()
    )


@pytest.mark.django_db
def test_an_export_imported_into_its_own_government_changes_nothing(org):
    before = contents(org.government)

    result = import_file(
        actor=org.actor,
        government=org.government,
        data=export_xlsx(government=org.government),
        filename="export.xlsx",
        at=NOW,
        on=ON,
    )

    assert result.written == NOTHING
    assert contents(org.government) == before


@pytest.mark.django_db
def test_csv_exports_import_sheet_by_sheet_into_an_empty_government(org):
    target, actor = fresh_government()

    for sheet in Sheet:
        data = export_csv(government=org.government, sheet=sheet).encode("utf-8-sig")
        import_file(
            actor=actor, government=target, data=data, filename=f"{sheet}.csv", at=NOW, on=ON
        )

    assert contents(target) == contents(org.government)


@pytest.mark.django_db
def test_the_employee_export_has_a_row_per_placement_and_one_for_the_unplaced(org):
    text = export_csv(government=org.government, sheet="employee")

    lines = text.splitlines()
    assert lines[0].startswith(
        "nip,nama,gelar_depan,gelar_belakang,jenis_kepegawaian,surel,kode_pd"
    )
    assert len(lines) == 1 + Placement.objects.filter(government=org.government).count() + 1
    assert sum(",Oki Setiawan," in line for line in lines) == 1


@pytest.mark.django_db
def test_export_queries_do_not_grow_with_the_data(org):
    with CaptureQueriesContext(connection) as small:
        export_xlsx(government=org.government)
    for index in range(30):
        org.person(f"Pegawai Tambahan {index}")
    org.staff("Putri Ayu", "bidang", "FUNGSIONAL", "AHLI_MUDA")

    with CaptureQueriesContext(connection) as large:
        export_xlsx(government=org.government)

    assert len(small) == len(large) == 3


@pytest.mark.django_db
def test_the_blank_xlsx_template_documents_every_column_and_imports_as_empty(org):
    data = template_xlsx()

    workbook = load_workbook(io.BytesIO(data), read_only=True)
    assert workbook.sheetnames == ["petunjuk", "unit", "jabatan", "pegawai"]
    guide = [
        row for row in workbook["petunjuk"].iter_rows(values_only=True) if len(row) > 1 and row[1]
    ]
    for sheet in Sheet:
        headers = [cell.value for cell in next(workbook[sheet.label].iter_rows(max_row=1))]
        assert [row[1] for row in guide if row[0] == sheet.label] == headers
        assert all(row[3] for row in guide if row[0] == sheet.label)
    result = import_file(
        actor=org.actor,
        government=org.government,
        data=data,
        filename="templat.xlsx",
        at=NOW,
        on=ON,
    )
    assert (result.written, result.rows) == (NOTHING, {"unit": 0, "position": 0, "employee": 0})


@pytest.mark.django_db
@pytest.mark.parametrize("sheet", list(Sheet), ids=lambda sheet: f"{sheet}_case")
def test_the_blank_csv_template_of_each_sheet_imports_as_empty(org, sheet):
    text = template_csv(sheet)

    result = import_file(
        actor=org.actor,
        government=org.government,
        data=text.encode(),
        filename=f"{sheet}.csv",
        at=NOW,
        on=ON,
    )

    assert result.written == NOTHING
    assert result.rows[sheet.value] == 0
