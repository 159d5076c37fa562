"""Make issued letters and their revocations immutable in the database itself.

Same approach as sikerja.audit's 0002_append_only_triggers: RunPython picks the statements for
the connection's vendor, and any other vendor fails loudly rather than leave letters unguarded.

UPDATE is always refused. DELETE must stay possible for Django's flush (transactional tests,
`manage.py flush`):
- PostgreSQL flushes with TRUNCATE, which fires no row trigger, so DELETE is refused outright.
- SQLite flushes with plain DELETEs in no fixed order. Every issued letter has an audit event
  ("letter.issued") in its government's audit chain, so a letter's DELETE is refused while that
  chain is live, i.e. while the government's audit chain head exists. sikerja.audit's `flush`
  command deletes the chain heads first, in the same transaction, so the letter DELETEs then
  pass; an ordinary DELETE of a letter, by the ORM or by hand, still meets a live head and
  aborts. No change to the flush command is needed.

SQLite caveat: when a later migration alters one of these tables, Django's SQLite schema editor
rebuilds it and the triggers go with the old table. Such a migration must re-create them (the
immutability tests fail if it does not).
"""

from django.db import migrations

MESSAGE = "issued letters are immutable"

SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER documents_letter_no_update
    BEFORE UPDATE ON documents_letter
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}');
    END
    """,
    f"""
    CREATE TRIGGER documents_letter_no_delete
    BEFORE DELETE ON documents_letter
    WHEN EXISTS (
        SELECT 1 FROM audit_auditchainhead h WHERE h.government_id = OLD.government_id
    )
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}');
    END
    """,
    f"""
    CREATE TRIGGER documents_letterrevocation_no_update
    BEFORE UPDATE ON documents_letterrevocation
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}');
    END
    """,
    f"""
    CREATE TRIGGER documents_letterrevocation_no_delete
    BEFORE DELETE ON documents_letterrevocation
    WHEN EXISTS (
        SELECT 1 FROM documents_letter l
        JOIN audit_auditchainhead h ON h.government_id = l.government_id
        WHERE l.id = OLD.letter_id
    )
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}');
    END
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS documents_letterrevocation_no_delete",
    "DROP TRIGGER IF EXISTS documents_letterrevocation_no_update",
    "DROP TRIGGER IF EXISTS documents_letter_no_delete",
    "DROP TRIGGER IF EXISTS documents_letter_no_update",
]

# SQLSTATE 23000 makes the refusal an IntegrityError, as on SQLite.
POSTGRESQL_FORWARD = [
    f"""
    CREATE FUNCTION documents_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
    END;
    $$
    """,
    """
    CREATE TRIGGER documents_letter_immutable
    BEFORE UPDATE OR DELETE ON documents_letter
    FOR EACH ROW EXECUTE FUNCTION documents_refuse_change()
    """,
    """
    CREATE TRIGGER documents_letterrevocation_immutable
    BEFORE UPDATE OR DELETE ON documents_letterrevocation
    FOR EACH ROW EXECUTE FUNCTION documents_refuse_change()
    """,
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS documents_letterrevocation_immutable ON documents_letterrevocation",
    "DROP TRIGGER IF EXISTS documents_letter_immutable ON documents_letter",
    "DROP FUNCTION IF EXISTS documents_refuse_change()",
]


def _run(schema_editor, statements_by_vendor):
    vendor = schema_editor.connection.vendor
    if vendor not in statements_by_vendor:
        raise NotImplementedError(f"no immutability triggers for database vendor {vendor!r}")
    for statement in statements_by_vendor[vendor]:
        schema_editor.execute(statement)


def triggers_create(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD})


def triggers_drop(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE})


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
        # The SQLite DELETE guard reads the audit chain heads.
        ("audit", "0002_append_only_triggers"),
    ]

    operations = [
        migrations.RunPython(triggers_create, triggers_drop),
    ]
