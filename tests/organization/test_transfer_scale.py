"""organization import at scale: constant queries whatever the row count, and visible progress."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.organization.models import Employee, Placement
from sikerja.organization.transfer import import_file
from tests.organization.builders import NOW, build_org
from tests.organization.test_transfer_support import placement_row, xlsx

ON = dt.date(2026, 11, 23)
# With the new access stamp of the government; the audit event takes no savepoint of its own.
IMPORT_QUERIES = 14


def bulk_nips(count: int, offset: int = 0) -> list[str]:
    """Distinct valid NIPs: a birth date per row, sequence numbers once the dates run out."""
    first = dt.date(1970, 1, 1)
    nips = []
    for index in range(offset, offset + count):
        born = first + dt.timedelta(days=index % 7000)
        nips.append(f"{born:%Y%m%d}201003{1 + index % 2}{index // 7000 + 1:03d}")
    return nips


def employees_file(count: int, offset: int = 0) -> bytes:
    rows = [
        placement_row(
            nip,
            f"Pegawai {index}",
            "DINKES",
            "Bidang Pelayanan Kesehatan",
            "Pengadministrasi Perkantoran",
        )
        for index, nip in enumerate(bulk_nips(count, offset))
    ]
    return xlsx(employee=rows)


@pytest.fixture
def org():
    org = build_org("surakarta-2023")
    org.position("bidang", "Pengadministrasi Perkantoran", "PELAKSANA")
    return org


@pytest.mark.django_db
def test_importing_2000_rows_takes_as_many_queries_as_500(org):
    small, large = employees_file(500), employees_file(2000, offset=500)
    stored = Employee.objects.filter(government=org.government).count()

    with CaptureQueriesContext(connection) as small_queries:
        import_file(
            actor=org.actor, government=org.government, data=small, filename="a.xlsx", at=NOW, on=ON
        )
    with CaptureQueriesContext(connection) as large_queries:
        import_file(
            actor=org.actor, government=org.government, data=large, filename="b.xlsx", at=NOW, on=ON
        )

    assert len(small_queries) == len(large_queries) == IMPORT_QUERIES
    assert Employee.objects.filter(government=org.government).count() == stored + 2500
    assert (
        Placement.objects.filter(
            government=org.government, position__title="Pengadministrasi Perkantoran"
        ).count()
        == 2500
    )


@pytest.mark.django_db
def test_progress_is_reported_during_the_import_and_ends_at_the_row_total(org):
    calls: list[tuple[int, int]] = []

    import_file(
        actor=org.actor,
        government=org.government,
        data=employees_file(2500),
        filename="c.xlsx",
        at=NOW,
        on=ON,
        progress=lambda done, total: calls.append((done, total)),
    )

    assert calls[-1] == (2500, 2500)
    assert {total for _done, total in calls} == {2500}
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)
    assert calls[0][0] < 2500
    assert len(calls) >= 3
