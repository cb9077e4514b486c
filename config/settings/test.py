"""The test suite: SQLite unless DATABASE_URL points at PostgreSQL (as CI does)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-key-only-for-the-test-suite"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
ALLOW_DEMO_USERS = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / ".test-media")  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
