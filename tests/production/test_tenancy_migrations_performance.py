"""performance/0005_tenancy_children fills each performance child table's government from its
parent (a PK's indicators and activities from the PK, an SKP's RHK and expectations from the
SKP, an RHK's indicators from the RHK), the same on SQLite and PostgreSQL: the demo's PKs and
SKPs of both governments, migrated back to before the keys and forward again, come back keyed by their parents'
governments."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sikerja.organization.models import Government
from sikerja.performance.models import (
    Expectation,
    PerformanceAgreement,
    PkActivity,
    PkIndicator,
    Rhk,
    RhkIndicator,
)

# Each keyed child table the demo fills and the path to the row its government comes from.
CHILDREN = {
    PkIndicator: "agreement",
    PkActivity: "agreement",
    Rhk: "skp",
    RhkIndicator: "rhk",
    Expectation: "skp",
}


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_the_migration_keys_existing_performance_rows_by_their_parents_government(
    world_committed,
):
    # PKs, SKPs with RHK, indicators and expectations, in both governments
    for pk in (world_committed.government_id, world_committed.other_government_id):
        call_command("demo_performance", government=Government.objects.get(pk=pk).kode)
    # The demo's PKs are unit PKs without activities: one activity on each government's PK.
    for agreement in PerformanceAgreement.objects.order_by("government_id", "pk"):
        if not PkActivity.objects.filter(government_id=agreement.government_id).exists():
            PkActivity.objects.create(
                government_id=agreement.government_id,
                agreement=agreement,
                seq=1,
                name="Pembinaan sekolah",
                assignment_type=PkActivity.AssignmentType.TEAM,
            )
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()

    _migrate([("performance", "0004_feed")])
    _migrate(leaves)

    found = {
        model.__name__: model.objects.values_list("government_id", f"{parent}__government_id")
        for model, parent in CHILDREN.items()
    }
    assert {name: [r for r in rows if r[0] != r[1]] for name, rows in found.items()} == {
        name: [] for name in found
    }
    assert {name: len({own for own, _ in rows}) for name, rows in found.items()} == dict.fromkeys(
        found, 2
    )
