"""A NUL character in an imported cell is a row error, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

import pytest

from sikerja.organization.transfer import ImportRejected, import_file
from tests.organization.builders import NOW, build_org, make_nip
from tests.organization.test_transfer_support import counts, csv_text

ON = dt.date(2026, 11, 23)


@pytest.mark.django_db
@pytest.mark.parametrize("column", ["name", "email"])
def test_a_nul_in_an_imported_cell_rejects_the_file_and_writes_nothing(column):
    org = build_org("surakarta-2023")
    row = {"nip": make_nip(), "name": "Gita Purnama", "employment_type": "PNS"}
    data = csv_text("employee", [{**row, column: "gita\x00@pemda.go.id"}])
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        import_file(
            actor=org.actor,
            government=org.government,
            data=data,
            filename="pegawai.csv",
            at=NOW,
            on=ON,
        )

    assert [(e.row, e.column, e.code) for e in rejected.value.errors] == [
        (2, column, "invalid_format")
    ]
    assert counts() == before
