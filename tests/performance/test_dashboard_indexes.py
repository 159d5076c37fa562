"""The agency dashboard's counts of ratings and SKPs read only columns their indexes of
performance 0007 hold (`rating_period_unit_counts`, `skp_year_unit_status`), so PostgreSQL can
answer them with index-only scans (bench/README.md, kinerja section): a filter or grouping on
another column, or counting a column the index lacks, would send the count back to the table."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sikerja.performance.models import Rating, Skp
from tests.clients import session_as
from tests.performance.test_dashboard import PERIOD, _api, rated

__all__ = ["rated", "session_as"]


def _columns(model, index_name: str) -> set[str]:
    (index,) = [i for i in model._meta.indexes if i.name == index_name]
    return {model._meta.get_field(name).column for name in index.fields}


def _read(sql: str, table: str) -> set[str]:
    return set(re.findall(rf'"{table}"\."(\w+)"', sql))


def test_the_dashboard_counts_read_only_the_columns_of_their_indexes(rated, persona, session_as):
    with CaptureQueriesContext(connection) as captured:
        answered = session_as("kepala_dinas").get(_api(persona), **PERIOD)
    counts = [q["sql"] for q in captured.captured_queries if "GROUP BY" in q["sql"]]
    ratings = [sql for sql in counts if 'FROM "performance_rating"' in sql]
    skps = [sql for sql in counts if 'FROM "performance_skp"' in sql]

    assert answered.status_code == 200
    assert (len(ratings), len(skps)) == (2, 2)  # the unit's subtree, then its shown children
    assert _columns(Rating, "rating_period_unit_counts") == {
        "government_id",
        "year",
        "period_kind",
        "period_index",
        "unit_id",
        "predikat",
        "status",
    }
    for sql in ratings:
        assert _read(sql, "performance_rating") <= _columns(Rating, "rating_period_unit_counts")
        assert "COUNT(*)" in sql
    for sql in skps:
        assert _read(sql, "performance_skp") <= _columns(Skp, "skp_year_unit_status")
        assert "COUNT(*)" in sql
