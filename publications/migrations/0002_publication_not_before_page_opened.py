"""A publication's date is not before its page opened: a rule across two tables, so the
database keeps it with triggers (one pair for PostgreSQL, one for SQLite)."""

from django.db import migrations

MESSAGE = "publication_not_before_page_opened"

POSTGRESQL_FORWARD = f"""
CREATE OR REPLACE FUNCTION publication_not_before_page_opened() RETURNS trigger AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM publications_resource r
        WHERE r.id = NEW.resource_id AND r.opened_on IS NOT NULL AND NEW.published_on < r.opened_on
    ) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER publication_not_before_page_opened
    BEFORE INSERT OR UPDATE OF published_on, resource_id ON publications_publication
    FOR EACH ROW EXECUTE FUNCTION publication_not_before_page_opened();

CREATE OR REPLACE FUNCTION resource_opened_not_after_publications() RETURNS trigger AS $$
BEGIN
    IF NEW.opened_on IS NOT NULL AND EXISTS (
        SELECT 1 FROM publications_publication p
        WHERE p.resource_id = NEW.id AND p.published_on < NEW.opened_on
    ) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER resource_opened_not_after_publications
    BEFORE UPDATE OF opened_on ON publications_resource
    FOR EACH ROW EXECUTE FUNCTION resource_opened_not_after_publications();
"""

POSTGRESQL_BACKWARD = """
DROP TRIGGER IF EXISTS publication_not_before_page_opened ON publications_publication;
DROP FUNCTION IF EXISTS publication_not_before_page_opened();
DROP TRIGGER IF EXISTS resource_opened_not_after_publications ON publications_resource;
DROP FUNCTION IF EXISTS resource_opened_not_after_publications();
"""

SQLITE_PUBLICATION_CHECK = f"""
BEGIN
    SELECT RAISE(ABORT, '{MESSAGE}')
    WHERE EXISTS (
        SELECT 1 FROM publications_resource r
        WHERE r.id = NEW.resource_id AND r.opened_on IS NOT NULL AND NEW.published_on < r.opened_on
    );
END;
"""

SQLITE_FORWARD = [
    "CREATE TRIGGER publication_not_before_page_opened_insert "
    "BEFORE INSERT ON publications_publication FOR EACH ROW " + SQLITE_PUBLICATION_CHECK,
    "CREATE TRIGGER publication_not_before_page_opened_update "
    "BEFORE UPDATE OF published_on, resource_id ON publications_publication FOR EACH ROW "
    + SQLITE_PUBLICATION_CHECK,
    f"""CREATE TRIGGER resource_opened_not_after_publications
    BEFORE UPDATE OF opened_on ON publications_resource FOR EACH ROW
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}')
        WHERE NEW.opened_on IS NOT NULL AND EXISTS (
            SELECT 1 FROM publications_publication p
            WHERE p.resource_id = NEW.id AND p.published_on < NEW.opened_on
        );
    END;""",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS publication_not_before_page_opened_insert",
    "DROP TRIGGER IF EXISTS publication_not_before_page_opened_update",
    "DROP TRIGGER IF EXISTS resource_opened_not_after_publications",
]


def _run(schema_editor, postgresql: str, sqlite: list[str]) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(postgresql)
    elif vendor == "sqlite":
        for statement in sqlite:
            schema_editor.execute(statement)
    else:
        raise RuntimeError(f"No trigger is written for the {vendor} database.")


def forward(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_FORWARD, SQLITE_FORWARD)


def backward(apps, schema_editor) -> None:
    _run(schema_editor, POSTGRESQL_BACKWARD, SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
