"""Key the engine's child tables by government, and scope its unique constraints by it.

Steps and recommendations get a `government` (docs/scaling.md: every tenant table is keyed by
government): added nullable, filled from the parent row (an instance's steps, a step's
recommendations) in one UPDATE per table, idempotent, the same on SQLite and PostgreSQL, then
made NOT NULL. The unique constraints scoped by a global id (the subject, the instance) get the
government in front; they mean the same, as an instance and its steps belong to one government.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def _fill(model, parent, parent_column):
    rows = model.objects.filter(government__isnull=True)
    government = parent.objects.filter(pk=OuterRef(parent_column)).values("government_id")[:1]
    rows.update(government_id=Subquery(government))


def governments_fill(apps, schema_editor):
    instance = apps.get_model("workflows", "WorkflowInstance")
    step = apps.get_model("workflows", "WorkflowStep")
    _fill(step, instance, "instance_id")
    _fill(apps.get_model("workflows", "Recommendation"), step, "step_id")


def _government(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="organization.government",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organization", "0004_access_stamp_employee_name"),
        ("workflows", "0002_engine_v2"),
    ]

    operations = [
        migrations.AddField("workflowstep", "government", _government(null=True)),
        migrations.AddField("recommendation", "government", _government(null=True)),
        migrations.RunPython(governments_fill, migrations.RunPython.noop),
        migrations.AlterField("workflowstep", "government", _government(null=False)),
        migrations.AlterField("recommendation", "government", _government(null=False)),
        migrations.RemoveConstraint("workflowinstance", "wfinstance_one_open_per_subject"),
        migrations.AddConstraint(
            model_name="workflowinstance",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "OPEN")),
                fields=("government", "subject_type", "subject_id", "party_key"),
                name="wfinstance_one_open_per_subject",
            ),
        ),
        migrations.RemoveConstraint("workflowstep", "wfstep_one_open_per_instance"),
        migrations.AddConstraint(
            model_name="workflowstep",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "OPEN")),
                fields=("government", "instance"),
                name="wfstep_one_open_per_instance",
            ),
        ),
        migrations.RemoveConstraint("workflowstep", "wfstep_seq_unique"),
        migrations.AddConstraint(
            model_name="workflowstep",
            constraint=models.UniqueConstraint(
                fields=("government", "instance", "seq"), name="wfstep_seq_unique"
            ),
        ),
    ]
