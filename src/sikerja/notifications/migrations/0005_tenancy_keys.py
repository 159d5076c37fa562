"""Key notifications and step reminders by government (docs/scaling.md).

`government` is added nullable, filled from the parent row (a notification's recipient, a
reminder's step) in one UPDATE per table, idempotent, the same on SQLite and PostgreSQL, then
made NOT NULL; the reminders' unique constraint gets the government in front (same meaning: a
step belongs to one government).
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

CHILDREN = {
    "notification": ("organization", "Employee", "recipient_id"),
    "stepreminder": ("workflows", "WorkflowStep", "step_id"),
}


def governments_fill(apps, schema_editor):
    for child, (app, parent, column) in CHILDREN.items():
        rows = apps.get_model("notifications", child).objects.filter(government__isnull=True)
        parents = apps.get_model(app, parent).objects.filter(pk=OuterRef(column))
        rows.update(government_id=Subquery(parents.values("government_id")[:1]))


def _government(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="organization.government",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0004_notification_params_from_text"),
        ("organization", "0004_access_stamp_employee_name"),
        # The reminders' steps are keyed first.
        ("workflows", "0003_tenancy_keys"),
    ]

    operations = [
        *[migrations.AddField(child, "government", _government(null=True)) for child in CHILDREN],
        migrations.RunPython(governments_fill, migrations.RunPython.noop),
        *[migrations.AlterField(child, "government", _government(null=False)) for child in CHILDREN],
        migrations.RemoveConstraint("stepreminder", "stepreminder_once_per_kind"),
        migrations.AddConstraint(
            model_name="stepreminder",
            constraint=models.UniqueConstraint(
                fields=("government", "step", "kind"), name="stepreminder_once_per_kind"
            ),
        ),
    ]
