"""teams/0007_tenancy_children fills each teams child table's government from its parent (a
plan's activities from the plan), the same on SQLite
and PostgreSQL: the demo's teams in every state, migrated back to before the keys and forward
again, come back keyed by their teams' governments."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sikerja.organization.models import Government
from sikerja.teams.demo import demo_teams
from sikerja.teams.models import (
    LeadCandidate,
    Obstacle,
    PlanActivity,
    ProgressEntry,
    TeamMember,
    TeamPlan,
)
from tests.conftest import NOW, TODAY

# Each keyed child table the demo fills and the path to the row its government comes from.
CHILDREN = {
    TeamMember: "team",
    LeadCandidate: "team",
    TeamPlan: "team",
    PlanActivity: "plan",
    ProgressEntry: "team",
    Obstacle: "team",
}


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.transaction
@pytest.mark.django_db(transaction=True)
def test_the_migration_keys_existing_team_rows_by_their_parents_government(
    world_committed, settings, tmp_path
):
    settings.SIKERJA_EVIDENCE_ROOT = tmp_path / "evidence"
    for pk in (world_committed.government_id, world_committed.other_government_id):
        demo_teams(government=Government.objects.get(pk=pk), at=NOW, on=TODAY)
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()

    _migrate([("teams", "0006_tenancy_keys")])
    _migrate(leaves)

    found = {
        model.__name__: model.objects.values_list("government_id", f"{parent}__government_id")
        for model, parent in CHILDREN.items()
    }
    assert {name: [r for r in rows if r[0] != r[1]] for name, rows in found.items()} == {
        name: [] for name in found
    }
    # Both governments' rows (Cilegon proposes no lead candidates: its unit head names the lead).
    assert {name: len({own for own, _ in rows}) for name, rows in found.items()} == {
        **dict.fromkeys(found, 2),
        "LeadCandidate": 1,
    }
