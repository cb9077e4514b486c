"""Production settings refuse to start without their secrets and addresses."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = {
    "SECRET_KEY": "a-long-production-secret-for-this-test-only-0123456789",
    "ALLOWED_HOSTS": "monitoring.example.kz",
    "DATABASE_URL": "sqlite:////tmp/production-settings-test.sqlite3",
}


def _import_production(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED and k != "DEBUG"}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_refuses_to_start_without(missing):
    result = _import_production({k: v for k, v in REQUIRED.items() if k != missing})
    assert result.returncode != 0
    assert f"environment variable {missing}" in result.stderr


def test_production_starts_with_all_three():
    result = _import_production(REQUIRED)
    assert result.returncode == 0, result.stderr
