"""The portal as it runs on a server, for fault and load tests: a PostgreSQL database of its
own (or a throwaway PostgreSQL cluster), gunicorn with production settings (DEBUG off) on
127.0.0.1, and a client that signs in as a demo user."""

from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent.parent
SERVER = os.environ.get("FAULTS_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
PG_BIN = next(Path("/usr/lib/postgresql").glob("*/bin"), Path("/usr/bin"))
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args: str, database_url: str, timeout: int = 600) -> str:
    """`manage.py` with local settings (demo users allowed) on the given database."""
    env = {**os.environ, "DATABASE_URL": database_url,
           "DJANGO_SETTINGS_MODULE": "config.settings.local"}  # fmt: skip
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=timeout)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@contextmanager
def database(server: str = SERVER, *, publications: int = 0):
    """A new database with the Abai records and demo users (and demo publications)."""
    name = f"live_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    url = f"{server}/{name}"
    try:
        manage("migrate", "-v0", database_url=url)
        manage("load_abai", "--demo-users", database_url=url)
        if publications:
            manage("generate_demo_data", "--publications", str(publications), database_url=url)
        yield url
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def pg_cluster():
    """A throwaway PostgreSQL cluster (its own port and files), to be stopped and started."""
    home = Path(tempfile.mkdtemp(prefix="pgfault-"))
    os.chmod(home, 0o777)
    data, port = home / "data", free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*as_postgres, str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U",
                    "postgres"], check=True, capture_output=True)  # fmt: skip
    cluster = Cluster(data, port, as_postgres)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


class Cluster:
    def __init__(self, data: Path, port: int, as_postgres: list[str]) -> None:
        self.data, self.port, self.as_postgres = data, port, as_postgres
        self.url = f"postgres://postgres@127.0.0.1:{port}"

    def _ctl(self, *args: str) -> None:
        subprocess.run([*self.as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-w",
                        *args], check=True, capture_output=True)  # fmt: skip

    def start(self) -> None:
        self._ctl("-o", f"-p {self.port} -k /tmp -c listen_addresses=127.0.0.1", "-l",
                  str(self.data.parent / "log"), "start")  # fmt: skip

    def stop(self) -> None:
        subprocess.run([*self.as_postgres, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m",
                        "fast", "stop"], capture_output=True)  # fmt: skip


_STATIC_READY = False


def collect_static() -> None:
    global _STATIC_READY
    if not _STATIC_READY:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production",
               "SECRET_KEY": "collectstatic-only", "ALLOWED_HOSTS": "x",
               "DATABASE_URL": "sqlite:////tmp/collectstatic.sqlite3"}  # fmt: skip
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                       cwd=ROOT, env=env, check=True)  # fmt: skip
        _STATIC_READY = True


class Gunicorn:
    """gunicorn serving the portal with production settings on 127.0.0.1."""

    def __init__(self, database_url: str, *, workers: int = 2, timeout: int = 30) -> None:
        collect_static()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.media = tempfile.mkdtemp(prefix="media-")
        env = {
            **os.environ,
            # production settings, but the demo users may sign in (tests/faults/settings.py)
            "DJANGO_SETTINGS_MODULE": "tests.faults.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url,
            "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{self.port}",
            "MEDIA_ROOT": self.media,
            "CONN_MAX_AGE": "60",
        }
        self.log = open(Path(self.media) / "gunicorn.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [str(GUNICORN), "config.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--timeout", str(timeout), "--graceful-timeout", "5"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                requests.get(f"{self.url}/login/", timeout=2,
                             headers={"X-Forwarded-Proto": "https"})  # fmt: skip
                return
            except (requests.ConnectionError, requests.Timeout):  # booting on a busy machine
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start: {self.read_log()}")

    def read_log(self) -> str:
        return (Path(self.media) / "gunicorn.log").read_text()[-3000:]

    def workers(self) -> list[int]:
        out = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True,
                             text=True).stdout  # fmt: skip
        return [int(pid) for pid in out.split()]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def __enter__(self) -> Gunicorn:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class Browser:
    """A signed-in client. Production cookies are Secure and `__Host-`: the client keeps them
    itself and says it came over HTTPS (as the reverse proxy would)."""

    def __init__(self, server: Gunicorn, username: str, password: str = "kasipodaq-demo") -> None:
        self.server = server
        self.cookies: dict[str, str] = {}
        page = self.get("/login/")
        response = self.post("/login/", {"username": username, "password": password,
                                         "csrfmiddlewaretoken": self.token(page.text)})  # fmt: skip
        assert response.status_code == 302, response.status_code

    def _headers(self) -> dict:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {"X-Forwarded-Proto": "https", "Cookie": cookie,
                "Referer": f"https://127.0.0.1:{self.server.port}/"}  # fmt: skip

    def _keep(self, response: requests.Response) -> requests.Response:
        for name, value in response.cookies.items():
            self.cookies[name] = value
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        return self._keep(requests.get(self.server.url + path, headers=self._headers(),
                                       allow_redirects=False, timeout=120, **kwargs))  # fmt: skip

    def post(self, path: str, data: dict, files: dict | None = None) -> requests.Response:
        data = {"csrfmiddlewaretoken": self.cookies.get("__Host-csrftoken", ""), **data}
        return self._keep(requests.post(self.server.url + path, data=data, files=files,
                                        headers=self._headers(), allow_redirects=False,
                                        timeout=120))  # fmt: skip

    @staticmethod
    def token(html: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    @property
    def session_cookie(self) -> str:
        return f"__Host-sessionid={self.cookies['__Host-sessionid']}"
