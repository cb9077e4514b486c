"""A publication's date is not before its page opened: a rule across two tables, which the
database keeps with triggers (one set for PostgreSQL, one for SQLite).

They are dropped before `migrate` and made again after it, because SQLite rebuilds a table to
alter it, which drops the table's triggers and trips over triggers naming it.
"""

from django.db import connection

MESSAGE = "publication_not_before_page_opened"

POSTGRESQL_CREATE = f"""
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

POSTGRESQL_DROP = """
DROP TRIGGER IF EXISTS publication_not_before_page_opened ON publications_publication;
DROP TRIGGER IF EXISTS resource_opened_not_after_publications ON publications_resource;
"""

_SQLITE_PUBLICATION_CHECK = f"""
BEGIN
    SELECT RAISE(ABORT, '{MESSAGE}')
    WHERE EXISTS (
        SELECT 1 FROM publications_resource r
        WHERE r.id = NEW.resource_id AND r.opened_on IS NOT NULL AND NEW.published_on < r.opened_on
    );
END"""

SQLITE_CREATE = [
    "CREATE TRIGGER publication_not_before_page_opened_insert "
    "BEFORE INSERT ON publications_publication FOR EACH ROW" + _SQLITE_PUBLICATION_CHECK,
    "CREATE TRIGGER publication_not_before_page_opened_update "
    "BEFORE UPDATE OF published_on, resource_id ON publications_publication FOR EACH ROW"
    + _SQLITE_PUBLICATION_CHECK,
    f"""CREATE TRIGGER resource_opened_not_after_publications
    BEFORE UPDATE OF opened_on ON publications_resource FOR EACH ROW
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}')
        WHERE NEW.opened_on IS NOT NULL AND EXISTS (
            SELECT 1 FROM publications_publication p
            WHERE p.resource_id = NEW.id AND p.published_on < NEW.opened_on
        );
    END""",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS publication_not_before_page_opened_insert",
    "DROP TRIGGER IF EXISTS publication_not_before_page_opened_update",
    "DROP TRIGGER IF EXISTS resource_opened_not_after_publications",
]


def _tables_exist(db) -> bool:
    tables = set(db.introspection.table_names())
    return {"publications_publication", "publications_resource"} <= tables


def triggers_drop(*, using: str = "default", **kwargs) -> None:
    """Drop the triggers (before migrate)."""
    _execute(using, POSTGRESQL_DROP, SQLITE_DROP)


def triggers_create(*, using: str = "default", **kwargs) -> None:
    """Make the triggers afresh (after migrate)."""
    _execute(using, POSTGRESQL_DROP, SQLITE_DROP)
    _execute(using, POSTGRESQL_CREATE, SQLITE_CREATE)


def _execute(using: str, postgresql: str, sqlite: list[str]) -> None:
    from django.db import connections

    db = connections[using] if using else connection
    if not _tables_exist(db):
        return
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(postgresql)
        elif db.vendor == "sqlite":
            for statement in sqlite:
                cursor.execute(statement)
        else:
            raise RuntimeError(f"No trigger is written for the {db.vendor} database.")
