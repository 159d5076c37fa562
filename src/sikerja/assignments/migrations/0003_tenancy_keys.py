"""Key the people named in a penugasan by government (docs/scaling.md).

`AssignmentCandidate.government` is added nullable, filled from its assignment in one UPDATE
(idempotent, the same on SQLite and PostgreSQL), then made NOT NULL; the unique constraint gets
the government in front (same meaning: an assignment belongs to one government).
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def governments_fill(apps, schema_editor):
    assignment = apps.get_model("assignments", "Assignment")
    candidates = apps.get_model("assignments", "AssignmentCandidate").objects
    government = assignment.objects.filter(pk=OuterRef("assignment_id")).values("government_id")
    candidates.filter(government__isnull=True).update(government_id=Subquery(government[:1]))


def _government(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="organization.government",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assignments", "0002_candidate_answer"),
        ("organization", "0004_access_stamp_employee_name"),
    ]

    operations = [
        migrations.AddField("assignmentcandidate", "government", _government(null=True)),
        migrations.RunPython(governments_fill, migrations.RunPython.noop),
        migrations.AlterField("assignmentcandidate", "government", _government(null=False)),
        migrations.RemoveConstraint("assignmentcandidate", "assignment_candidate_unique"),
        migrations.AddConstraint(
            model_name="assignmentcandidate",
            constraint=models.UniqueConstraint(
                fields=("government", "assignment", "employee"),
                name="assignment_candidate_unique",
            ),
        ),
    ]
