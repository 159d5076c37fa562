"""Key the letters' child tables by government, and scope their unique constraints by it.

Number registers, letter parties, revocations and stored files get a `government`
(docs/scaling.md: every tenant table is keyed by government): added nullable, filled from the
parent row (a register's agency, the others' letter) in one UPDATE per table, idempotent, the
same on SQLite and PostgreSQL, then made NOT NULL. The unique constraints get the government in
front; they mean the same, as an agency and a letter belong to one government.

The immutability triggers (migration 0002) refuse the UPDATE that fills the revocations, and on
SQLite the table rebuilds drop them: they are dropped first and created again at the end.
"""

from importlib import import_module

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

_guard = import_module("sikerja.documents.migrations.0002_immutable_triggers")

CHILDREN = {
    "numberregister": ("Agency", "organization", "agency_id"),
    "letterparty": ("Letter", "documents", "letter_id"),
    "letterrevocation": ("Letter", "documents", "letter_id"),
    "letterfile": ("Letter", "documents", "letter_id"),
}


def governments_fill(apps, schema_editor):
    for child, (parent, app, column) in CHILDREN.items():
        rows = apps.get_model("documents", child).objects.filter(government__isnull=True)
        parents = apps.get_model(app, parent).objects.filter(pk=OuterRef(column))
        rows.update(government_id=Subquery(parents.values("government_id")[:1]))


def _government(null):
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to="organization.government",
    )


def _unique(model, name, fields):
    return [
        migrations.RemoveConstraint(model, name),
        migrations.AddConstraint(
            model_name=model,
            constraint=models.UniqueConstraint(fields=("government", *fields), name=name),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_letter_file"),
        ("organization", "0004_access_stamp_employee_name"),
    ]

    operations = [
        migrations.RunPython(_guard.triggers_drop, _guard.triggers_create),
        *[migrations.AddField(child, "government", _government(null=True)) for child in CHILDREN],
        migrations.RunPython(governments_fill, migrations.RunPython.noop),
        *[migrations.AlterField(child, "government", _government(null=False)) for child in CHILDREN],
        *_unique("numberregister", "numberregister_agency_year", ("agency", "year")),
        *_unique("letter", "letter_number_unique", ("agency", "year", "sequence")),
        *_unique("letterparty", "letterparty_unique", ("letter", "employee", "role")),
        *_unique("letterfile", "letterfile_one_per_url", ("letter", "base_url")),
        migrations.RunPython(_guard.triggers_create, _guard.triggers_drop),
    ]
