"""The government's kop surat, one row per version; a version is never updated (a trigger
refuses it on SQLite and PostgreSQL: letters record the version they were issued under)."""

import django.db.models.deletion
from django.db import migrations, models

MESSAGE = "a kop surat version is never changed; set a new one"
FORWARD = {
    "sqlite": [
        f"""
        CREATE TRIGGER documents_letterhead_no_update BEFORE UPDATE ON documents_letterhead
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
        """
    ],
    "postgresql": [
        f"""
        CREATE FUNCTION documents_letterhead_refuse_update() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
        END;
        $$
        """,
        """
        CREATE TRIGGER documents_letterhead_no_update BEFORE UPDATE ON documents_letterhead
        FOR EACH ROW EXECUTE FUNCTION documents_letterhead_refuse_update()
        """,
    ],
}
REVERSE = {
    "sqlite": ["DROP TRIGGER IF EXISTS documents_letterhead_no_update"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS documents_letterhead_no_update ON documents_letterhead",
        "DROP FUNCTION IF EXISTS documents_letterhead_refuse_update()",
    ],
}


def _run(schema_editor, statements):
    for statement in statements[schema_editor.connection.vendor]:
        schema_editor.execute(statement)


def guard_create(apps, schema_editor):
    _run(schema_editor, FORWARD)


def guard_drop(apps, schema_editor):
    _run(schema_editor, REVERSE)


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0005_tenancy_keys'),
        ('organization', '0005_import_job'),
    ]

    operations = [
        migrations.CreateModel(
            name='Letterhead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('lines', models.TextField()),
                ('address', models.CharField(blank=True, max_length=300)),
                ('telephone', models.CharField(blank=True, max_length=60)),
                ('email', models.CharField(blank=True, max_length=120)),
                ('website', models.CharField(blank=True, max_length=200)),
                ('lambang_name', models.CharField(blank=True, max_length=200)),
                ('lambang_sha256', models.CharField(blank=True, max_length=64)),
                ('lambang_type', models.CharField(blank=True, max_length=20)),
                ('created_at', models.DateTimeField()),
                ('created_by', models.CharField(max_length=150)),
                ('government', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organization.government')),
            ],
            options={
                'indexes': [models.Index(fields=['government', '-id'], name='letterhead_government_latest')],
                'constraints': [models.CheckConstraint(condition=models.Q(('lines', ''), _negated=True), name='letterhead_lines_required')],
            },
        ),
        migrations.RunPython(guard_create, guard_drop),
    ]
