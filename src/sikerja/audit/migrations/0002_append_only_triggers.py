"""Make audit events append-only in the database itself.

RunSQL cannot choose SQL by database vendor, so RunPython picks the statements for the
connection at hand. Any other vendor fails loudly rather than leave the log unguarded.

SQLite caveat: when a later migration alters `audit_auditevent`, Django's SQLite schema editor
rebuilds the table and the triggers go with the old one. Such a migration must re-create them
(the append-only tests fail if it does not).
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE TRIGGER audit_auditevent_no_update
    BEFORE UPDATE ON audit_auditevent
    BEGIN
        SELECT RAISE(ABORT, 'audit events are append-only');
    END
    """,
    # DELETE is refused while the event's chain is live, i.e. while its government's chain
    # head exists. Django's flush (transactional tests, `manage.py flush`) empties the tables
    # with plain DELETEs in no fixed order; sikerja.audit's `flush` command therefore deletes
    # the chain heads first, in the same transaction, and the event DELETEs then pass. An
    # ordinary DELETE of events, by the ORM or by hand, still meets a live head and aborts.
    """
    CREATE TRIGGER audit_auditevent_no_delete
    BEFORE DELETE ON audit_auditevent
    WHEN EXISTS (
        SELECT 1 FROM audit_auditchainhead h WHERE h.government_id = OLD.government_id
    )
    BEGIN
        SELECT RAISE(ABORT, 'audit events are append-only');
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_delete",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_update",
]

# PostgreSQL's flush uses TRUNCATE, which fires no row trigger, so both triggers are
# unconditional. SQLSTATE 23000 makes the refusal an IntegrityError, as on SQLite.
POSTGRESQL_FORWARD = [
    """
    CREATE FUNCTION audit_auditevent_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'audit events are append-only'
            USING ERRCODE = 'integrity_constraint_violation';
    END;
    $$
    """,
    """
    CREATE TRIGGER audit_auditevent_no_update
    BEFORE UPDATE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse_change()
    """,
    """
    CREATE TRIGGER audit_auditevent_no_delete
    BEFORE DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_auditevent_refuse_change()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_delete ON audit_auditevent",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_update ON audit_auditevent",
    "DROP FUNCTION IF EXISTS audit_auditevent_refuse_change()",
]


def _run(schema_editor, statements_by_vendor):
    vendor = schema_editor.connection.vendor
    if vendor not in statements_by_vendor:
        raise NotImplementedError(f"no append-only triggers for database vendor {vendor!r}")
    for statement in statements_by_vendor[vendor]:
        schema_editor.execute(statement)


def triggers_create(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD})


def triggers_drop(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE})


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(triggers_create, triggers_drop),
    ]
