"""Audit events record the id of the HTTP request that wrote them (empty for a command).

Existing events get an empty request id; the hash leaves an empty request id out of the hashed
fields (sikerja.audit.hashing), so they verify unchanged and nothing is re-hashed. On SQLite
adding the column rebuilds the table, which drops the append-only triggers (migration 0002):
they are dropped first and created again afterwards, on both databases alike.
"""

from importlib import import_module

from django.db import migrations, models

_guard = import_module("sikerja.audit.migrations.0002_append_only_triggers")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_keyed_chain"),
    ]

    operations = [
        migrations.RunPython(_guard.triggers_drop, _guard.triggers_create),
        migrations.AddField(
            model_name="auditevent",
            name="request_id",
            field=models.CharField(blank=True, default="", max_length=128),
        ),
        migrations.RunPython(_guard.triggers_create, _guard.triggers_drop),
    ]
