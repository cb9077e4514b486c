"""WSGI entry point for gunicorn (`config.wsgi:application`).

Before serving, the security checks run (they are not run by a WSGI server otherwise): a worker
refuses to start while a demo account keeps its published password, so gunicorn stops."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()


def _refuse_unsafe_start() -> None:
    from django.core import checks

    errors = [e for e in checks.run_checks(tags=[checks.Tags.security]) if e.is_serious()]
    if errors:
        raise ImproperlyConfigured("; ".join(str(error) for error in errors))


_refuse_unsafe_start()
