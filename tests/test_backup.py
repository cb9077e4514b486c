"""`make backup` and `make restore`: a backup restored into an empty database has every table's
rows, checksum for checksum. Runs against this machine's PostgreSQL whatever database the rest
of the suite uses."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BACKUP_TEST_SERVER", "postgres://postgres@127.0.0.1:5432")


def _admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def _tables(url: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and a checksum of all its rows."""
    with psycopg.connect(url) as connection:
        names = [row[0] for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )]  # fmt: skip
        return {
            name: connection.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f'FROM "{name}" t'
            ).fetchone()
            for name in names
        }


def _run(*args: str, url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)


@pytest.fixture
def databases():
    suffix = uuid.uuid4().hex[:8]
    source, target = f"backup_source_{suffix}", f"backup_target_{suffix}"
    for name in (source, target):
        _admin(f"CREATE DATABASE {name}")
    yield f"{SERVER}/{source}", f"{SERVER}/{target}"
    for name in (source, target):
        _admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_backup_restores_into_an_empty_database_row_for_row(databases, tmp_path):
    source, target = databases
    _run(sys.executable, "manage.py", "migrate", "-v0", url=source)
    _run(sys.executable, "manage.py", "load_abai", "--demo-users", url=source)
    _run("make", "--no-print-directory", "backup", f"BACKUP_DIR={tmp_path}", url=source)
    (dump,) = tmp_path.glob("*.dump")
    _run("make", "--no-print-directory", "restore", f"BACKUP={dump}", url=target)
    before, after = _tables(source), _tables(target)
    assert before == after
    assert before["publications_tally"][0] == 31
    assert len(before) > 20
