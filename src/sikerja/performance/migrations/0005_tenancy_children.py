"""Key the performance app's child tables by government, and lead their unique constraints with
it (docs/scaling.md: every tenant table is keyed by government).

A PK's indicators and activities, an SKP's RHK and expectations, an RHK's indicators and a
lead's or Pengendali's PK's indicators get a `government`: added nullable, filled from the parent
row (the PK, the SKP, the RHK, the role PK) in one UPDATE per table, idempotent, the same on
SQLite and PostgreSQL, then made NOT NULL. The one unique constraint among them (an SKP's
expectation per core value) gets the government in front; it means the same, as an SKP and its
rows belong to one government. None of them declares an index.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

# (model, parent model, parent column), parents first.
CHILDREN = (
    ("pkindicator", "performanceagreement", "agreement_id"),
    ("pkactivity", "performanceagreement", "agreement_id"),
    ("rhk", "skp", "skp_id"),
    ("rhkindicator", "rhk", "rhk_id"),
    ("expectation", "skp", "skp_id"),
    ("roleagreementindicator", "roleagreement", "agreement_id"),
)


def governments_fill(apps, schema_editor):
    for name, parent_name, column in CHILDREN:
        model = apps.get_model("performance", name)
        parent = apps.get_model("performance", parent_name)
        government = parent.objects.filter(pk=OuterRef(column)).values("government_id")[:1]
        model.objects.filter(government__isnull=True).update(government_id=Subquery(government))


def _government(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="organization.government",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("organization", "0006_tenancy_unique"),
        ("performance", "0004_feed"),
    ]

    operations = [
        *(migrations.AddField(name, "government", _government(null=True)) for name, _, _ in CHILDREN),
        migrations.RunPython(governments_fill, migrations.RunPython.noop),
        *(
            migrations.AlterField(name, "government", _government(null=False))
            for name, _, _ in CHILDREN
        ),
        migrations.RemoveConstraint(model_name="expectation", name="expectation_one_per_value"),
        migrations.AddConstraint(
            model_name="expectation",
            constraint=models.UniqueConstraint(
                fields=["government", "skp", "core_value"], name="expectation_one_per_value"
            ),
        ),
    ]
