"""Scope the organisation's unique constraints by government (docs/scaling.md).

"One root unit per agency" and "one head position per unit" get the government in front, as a
distributed PostgreSQL enforces a unique constraint only within a shard. They mean the same: an
agency and a unit belong to one government.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("organization", "0005_import_job"),
    ]

    operations = [
        migrations.RemoveConstraint("orgunit", "orgunit_one_root"),
        migrations.AddConstraint(
            model_name="orgunit",
            constraint=models.UniqueConstraint(
                condition=models.Q(("parent__isnull", True)),
                fields=("government", "agency"),
                name="orgunit_one_root",
            ),
        ),
        migrations.RemoveConstraint("position", "position_one_head_per_unit"),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_head", True)),
                fields=("government", "unit"),
                name="position_one_head_per_unit",
            ),
        ),
    ]
