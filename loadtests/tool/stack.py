"""The production-like stack `just loadtest` starts when given no target.

Granian WSGI tuned as `just serve` runs it, a Celery worker, production settings (TLS redirects
and secure cookies off for plain HTTP on 127.0.0.1), on this machine's PostgreSQL, Valkey/Redis
and RabbitMQ — a database, cache db and vhost of its own, so nothing else's data is touched.
"""

from __future__ import annotations

import functools
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from app import serving
from app.serving.static import static_is_current
from loadtests.tool.budgets import Profile

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PASSWORD = "quickscale-loadtest-accounts-only"  # noqa: S105  (seeded load-test accounts)


class StackError(RuntimeError):
    pass


def _default(var: str, port_var: str, port: int, template: str) -> str:
    return os.environ.get(var) or template.format(port=os.environ.get(port_var, port))


def server_shape() -> tuple[str, str]:
    """Granian's (workers, blocking threads): `just serve`'s 2 x 2 unless LOADTEST_WORKERS /
    LOADTEST_THREADS override them (to compare shapes)."""
    shape = []
    for var, default in (("LOADTEST_WORKERS", "2"), ("LOADTEST_THREADS", "2")):
        value = os.environ.get(var, default)
        if not value.isdigit() or int(value) < 1:
            raise StackError(f"{var} must be a whole number of at least 1, not {value!r}")
        shape.append(value)
    return shape[0], shape[1]


def granian_command(app: str, port: int) -> list[str]:
    """Granian as `just serve` runs it (app/serving: the one definition), in the shape the run
    measures (server_shape()); `app` is the kit's or the anchor's."""
    workers, threads = server_shape()
    return serving.granian_command(
        "web", host="127.0.0.1", port=port, workers=int(workers), threads=int(threads), app=app
    )


def wait_until_ready(url: str, procs: list[subprocess.Popen], logs: str, timeout: float = 60):
    """Until url answers 200; a process that exits meanwhile, or the timeout, is a StackError."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for proc in procs:
            if proc.poll() is not None:
                raise StackError(f"{proc.args[0]} exited with {proc.returncode}; see {logs}")
        try:
            with urllib.request.urlopen(url, timeout=3) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise StackError(f"{url} did not answer 200 within {timeout:.0f} s")


@dataclass
class Stack:
    port: int = int(os.environ.get("LOADTEST_PORT", "8765"))
    database_url: str = _default(
        "LOADTEST_DATABASE_URL",
        "QS_PG_PORT",
        5432,
        "postgres://postgres@127.0.0.1:{port}/qs_loadtest",
    )
    valkey_url: str = _default(
        "LOADTEST_VALKEY_URL", "QS_VALKEY_PORT", 6379, "redis://127.0.0.1:{port}/14"
    )
    broker_host: str = _default(
        "LOADTEST_BROKER_URL", "QS_AMQP_PORT", 5672, "amqp://guest:guest@127.0.0.1:{port}"
    )
    log_dir: Path = ROOT / "loadtests" / "results"
    procs: list[subprocess.Popen] = field(default_factory=list)
    broker_url: str = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        # Bytecode is written (as a deployed image has it compiled): recompiling every module
        # in every process start costs seconds of CPU each time on 2 busy cores.
        skip = ("DJANGO_", "DEBUG", "PYTHONDONTWRITEBYTECODE")
        env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
        env.update(
            DJANGO_SETTINGS_MODULE="app.settings.production",
            SECRET_KEY=self._secret,
            JWT_PRIVATE_KEY=self._jwt_key,  # API tokens on, as a deployment has them
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=self.database_url,
            VALKEY_URL=self.valkey_url,
            CELERY_BROKER_URL=self.broker_url or self.broker_host + "/",
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
            SECURE_HSTS_SECONDS="0",
            # Production asks for a sending configuration; the load test sends no mail (its
            # accounts are seeded verified), so a local SMTP address that nothing uses.
            EMAIL_URL=os.environ.get("LOADTEST_EMAIL_URL", "smtp://127.0.0.1:2525"),
            DEFAULT_FROM_EMAIL="loadtest@example.com",
            LOG_LEVEL=os.environ.get("LOADTEST_LOG_LEVEL", "WARNING"),
        )
        return env

    # One of each per stack: every process it starts must sign with the same ones.
    @functools.cached_property
    def _secret(self) -> str:
        return secrets.token_urlsafe(50)

    @functools.cached_property
    def _jwt_key(self) -> str:
        from app.settings.parts.api_tokens import new_private_key

        return new_private_key()

    # --- before any load: everything that can be wrong is found here --------------------------
    def preflight(self) -> None:
        server_shape()
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                raise StackError(
                    f"port {self.port} on 127.0.0.1 is already in use; stop what "
                    f"uses it or set LOADTEST_PORT"
                )
        for name, url in (
            ("PostgreSQL", self.database_url),
            ("Valkey/Redis", self.valkey_url),
            ("RabbitMQ", self.broker_host),
        ):
            parts = urllib.parse.urlsplit(url)
            host, port = parts.hostname or "127.0.0.1", parts.port
            if host not in ("127.0.0.1", "localhost"):
                raise StackError(
                    f"{name} must be on 127.0.0.1 for the stack loadtest starts: {url}"
                )
            with socket.socket() as sock:
                sock.settimeout(2)
                if sock.connect_ex((host, port or 0)) != 0:
                    raise StackError(
                        f"{name} is not answering at {host}:{port}; start it "
                        f"(`just services`) or set LOADTEST_* URLs"
                    )

    # --- data ---------------------------------------------------------------------------------
    def prepare(self, profile: Profile, sessions: Path, signed_in: int) -> None:
        self._create_database()
        self.broker_url = self._vhost()
        self._flush_cache()
        self.manage("migrate", "--noinput", "-v", "0")
        # Side by side with the corpus: the frontend build (skipped when current) and then
        # collectstatic (hashing and compressing; skipped when current).
        static = threading.Thread(target=self._static_files)
        static.start()
        self.manage(
            "seed_loadtest",
            "--reset",
            "--users",
            str(profile.accounts),
            "--tasks-per-user",
            str(profile.tasks_per_user),
            "--password",
            PASSWORD,
            "--sessions-out",
            f"{signed_in}:{sessions}",
        )
        static.join()
        if self._static_error:
            raise self._static_error
        if (ROOT / "app" / "search" / "management" / "commands" / "search_index.py").exists():
            # A bulk load, then the index built in one pass (and made exact even where the
            # database held tasks from before the search app was installed).
            self.manage("search_index", "rebuild")

    _static_error: StackError | None = None

    def _static_files(self) -> None:
        try:
            if (ROOT / "frontend" / "package.json").exists():
                # The Quick start's own build step: npm ci when needed, vite build when the
                # sources changed since the last build.
                build = subprocess.run(
                    [sys.executable, "-c", "import quickstart; quickstart.build_frontend()"],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                )
                if build.returncode != 0:
                    raise StackError(
                        f"the frontend build failed:\n{build.stdout[-2000:]}{build.stderr[-2000:]}"
                    )
            if not static_is_current(ROOT):
                self.manage("collectstatic", "--noinput", "-v", "0")
        except StackError as exc:
            self._static_error = exc

    def manage(self, *args: str) -> None:
        self._finish_manage(self._start_manage(*args))

    def _start_manage(self, *args: str) -> subprocess.Popen:
        proc = subprocess.Popen(
            [BIN / "python", "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        proc.started = time.monotonic()  # type: ignore[attr-defined]
        return proc

    def _finish_manage(self, proc: subprocess.Popen) -> None:
        out, err = proc.communicate()
        command = " ".join(map(str, proc.args[2:]))  # type: ignore[index]
        if proc.returncode != 0:
            raise StackError(f"manage.py {command} failed:\n{err[-3000:]}")
        took = time.monotonic() - proc.started  # type: ignore[attr-defined]
        print(f"    manage.py {proc.args[2]} ({took:.0f} s) {out.strip()}", flush=True)

    def _create_database(self) -> None:
        import psycopg

        parts = urllib.parse.urlsplit(self.database_url)
        name = parts.path.lstrip("/")
        admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')

    def _vhost(self) -> str:
        """A vhost of its own when rabbitmqctl can make one, else the default vhost."""
        try:
            have = subprocess.run(
                ["rabbitmqctl", "-q", "list_vhosts"], capture_output=True, text=True, timeout=30
            )
            if have.returncode == 0 and "qs_loadtest" not in have.stdout.split():
                subprocess.run(
                    ["rabbitmqctl", "-q", "add_vhost", "qs_loadtest"],
                    check=True,
                    capture_output=True,
                    timeout=30,
                )
                subprocess.run(
                    [
                        "rabbitmqctl",
                        "-q",
                        "set_permissions",
                        "-p",
                        "qs_loadtest",
                        "guest",
                        ".*",
                        ".*",
                        ".*",
                    ],
                    check=True,
                    capture_output=True,
                    timeout=30,
                )
            if have.returncode == 0:
                return self.broker_host + "/qs_loadtest"
        except (OSError, subprocess.SubprocessError):
            pass
        return self.broker_host + "/"

    def _flush_cache(self) -> None:
        import redis

        redis.Redis.from_url(self.valkey_url).flushdb()  # its own db number: a cold cache

    # --- processes ----------------------------------------------------------------------------
    def start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self._spawn("granian", granian_command(serving.WSGI_APP, self.port))
        self._spawn(
            "celery",
            [
                BIN / "celery",
                "-A",
                "app",
                "worker",
                "-Q",
                "default,interactive,reports",
                "--concurrency",
                "1",
                "--loglevel",
                "WARNING",
            ],
        )
        wait_until_ready(f"{self.url}/readyz", self.procs, f"{self.log_dir}/*.log")

    def _spawn(self, name: str, cmd: list) -> None:
        log = (self.log_dir / f"{name}.log").open("w")
        self.procs.append(
            subprocess.Popen(
                [str(c) for c in cmd],
                cwd=ROOT,
                env=self.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )

    def cpu_seconds(self) -> float:
        """CPU used so far by the server (Granian, its workers), the Celery worker and the
        PostgreSQL backends of this database (tool/proc_cpu.py)."""
        from loadtests.tool.proc_cpu import CpuAccount, stack_cpu

        if not hasattr(self, "_cpu"):
            self._cpu = CpuAccount()
        database = urllib.parse.urlsplit(self.database_url).path.lstrip("/")
        return self._cpu.add(stack_cpu([p.pid for p in self.procs], database))

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        self.procs.clear()
