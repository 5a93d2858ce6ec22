"""process-compose.yaml, run for real on this machine's binaries.

process-compose itself cannot be installed here (it comes with the nix shell), so this test does
what it does with the file: start the processes in dependency order, wait for readiness probes
and one-shot completions, then stop them with their shutdown settings. The services are real
(PostgreSQL, Valkey or Redis, RabbitMQ), on free ports, with their state in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "process-compose.yaml"
CONDITIONS = {"process_completed_successfully", "process_healthy", "process_started"}


def _postgres_bin() -> Path | None:
    """Where nix/process.sh finds PostgreSQL: beside postgres on PATH, or Debian's bin dir."""
    if found := shutil.which("postgres"):
        for d in (Path(found).parent, Path(found).resolve().parent):
            if (d / "pg_config").exists():
                return d
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return candidates[-1].parent if candidates else None


MISSING = [
    name
    for name, present in {
        "initdb (PostgreSQL)": _postgres_bin() is not None,
        "valkey-server or redis-server": bool(
            shutil.which("valkey-server") or shutil.which("redis-server")
        ),
        "rabbitmq-server": bool(shutil.which("rabbitmq-server")),
    }.items()
    if not present
]
needs_binaries = pytest.mark.skipif(
    bool(MISSING), reason=f"service binaries not installed: {', '.join(MISSING)}"
)


def _free_port() -> int:
    # RabbitMQ's distribution port is AMQP port + 20000, so stay well below 45536.
    for _ in range(100):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port < 45000 and _port_free(port + 20000):
            return port
    raise RuntimeError("no free port below 45000")


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def load_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load(CONFIG.read_text())
    return config


def start_order(processes: dict[str, Any]) -> list[str]:
    """Dependencies first; fails on an unknown dependency or a cycle."""
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in order:
            return
        assert name not in visiting, f"dependency cycle through {name}"
        visiting.add(name)
        for dep in processes[name].get("depends_on", {}):
            assert dep in processes, f"{name} depends on unknown process {dep}"
            visit(dep)
        order.append(name)

    for name in processes:
        visit(name)
    return order


# PostgreSQL refuses to run as root, and a developer never is: when the tests run as root (CI
# here), every command runs as an unprivileged user instead.
AS_USER: dict[str, Any] = (
    {"user": "nobody", "group": "nogroup", "extra_groups": []} if os.geteuid() == 0 else {}
)


class Runner:
    """The part of process-compose this file relies on."""

    def __init__(self, processes: dict[str, Any], env: dict[str, str]) -> None:
        self.processes = processes
        self.env = env
        self.running: dict[str, subprocess.Popen[str]] = {}
        self.healthy: set[str] = set()
        self.outputs: dict[str, str] = {}

    def _spawn(self, command: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            ["bash", "-c", command],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
            **AS_USER,
        )

    def _probe(self, name: str, probe: dict[str, Any]) -> None:
        proc = self.running[name]
        time.sleep(probe.get("initial_delay_seconds", 0))
        for _ in range(probe.get("failure_threshold", 3)):
            if proc.poll() is not None:
                out = proc.communicate()[0]
                pytest.fail(f"{name} exited ({proc.returncode}) before ready:\n{out}")
            check = subprocess.run(
                ["bash", "-c", probe["exec"]["command"]],
                cwd=ROOT,
                env=self.env,
                capture_output=True,
                timeout=probe.get("timeout_seconds", 1) + 5,
                check=False,
                **AS_USER,
            )
            if check.returncode == 0:
                self.healthy.add(name)
                return
            time.sleep(probe.get("period_seconds", 10))
        pytest.fail(f"{name} never passed its readiness probe")

    def start(self, name: str) -> None:
        spec = self.processes[name]
        for dep, rule in spec.get("depends_on", {}).items():
            condition = rule["condition"]
            assert condition in CONDITIONS, f"{name}: unknown condition {condition}"
            if condition == "process_completed_successfully":
                assert self.outputs.get(dep) is not None, f"{dep} has not completed"
            elif condition == "process_healthy":
                assert dep in self.healthy, f"{dep} is not healthy"
        proc = self._spawn(spec["command"])
        self.running[name] = proc
        if spec.get("availability", {}).get("restart") == "no":  # a one-shot
            out, _ = proc.communicate(timeout=120)
            assert proc.returncode == 0, f"{name} failed ({proc.returncode}):\n{out}"
            self.outputs[name] = out
            del self.running[name]
        elif "readiness_probe" in spec:
            self._probe(name, spec["readiness_probe"])

    def stop_all(self) -> dict[str, int]:
        """Stops in reverse start order the way process-compose does; returns exit codes."""
        codes: dict[str, int] = {}
        for name in reversed(list(self.running)):
            proc = self.running[name]
            shutdown = self.processes[name].get("shutdown", {})
            timeout = shutdown.get("timeout_seconds", 10)
            if "command" in shutdown:
                subprocess.run(
                    ["bash", "-c", shutdown["command"]],
                    cwd=ROOT,
                    env=self.env,
                    capture_output=True,
                    timeout=timeout + 5,
                    check=False,
                    **AS_USER,
                )
            else:
                os.killpg(proc.pid, shutdown.get("signal", signal.SIGTERM))
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                codes[name] = -9
                continue
            codes[name] = proc.returncode
        self.running.clear()
        return codes


@pytest.fixture
def service_env() -> Iterator[dict[str, str]]:
    state = Path(tempfile.mkdtemp(prefix="qs-services-"))
    state.chmod(0o755)
    if AS_USER:
        shutil.chown(state, AS_USER["user"], AS_USER["group"])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QS_", "RABBITMQ_"))}
    # Debian's /usr/sbin/rabbitmq* wrappers insist on user rabbitmq; the scripts behind them
    # (what the nix shell has on PATH) do not.
    if Path("/usr/lib/rabbitmq/bin/rabbitmq-server").exists():
        env["PATH"] = f"/usr/lib/rabbitmq/bin:{env['PATH']}"
    env.update(
        QS_STATE_DIR=str(state / "services"),
        QS_PG_PORT=str(_free_port()),
        QS_VALKEY_PORT=str(_free_port()),
        QS_AMQP_PORT=str(_free_port()),
        QS_RABBIT_NODENAME=f"qs-test-{os.getpid()}@localhost",
    )
    yield env
    shutil.rmtree(state, ignore_errors=True)


def test_config_is_well_formed() -> None:
    processes = load_config()["processes"]
    order = start_order(processes)
    assert order.index("postgres-init") < order.index("postgres") < order.index("postgres-setup")
    for name, spec in processes.items():
        assert "$" not in spec["command"], f"{name}: process-compose would expand '$' itself"
        for dep, rule in spec.get("depends_on", {}).items():
            assert rule["condition"] in CONDITIONS, f"{name}: bad condition for {dep}"
            if rule["condition"] == "process_healthy":
                assert "readiness_probe" in processes[dep], f"{dep} has no readiness probe"


@needs_binaries
@pytest.mark.slow
def test_services_start_answer_and_stop(service_env: dict[str, str]) -> None:
    config = load_config()
    runner = Runner(config["processes"], service_env)
    wait = ["nix/process.sh", "wait"]
    early = subprocess.run(
        wait,
        cwd=ROOT,
        env={**service_env, "QS_WAIT_SECONDS": "1"},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        **AS_USER,
    )
    assert early.returncode != 0
    assert "not ready after 1s: postgres valkey rabbitmq" in early.stderr, early.stderr
    try:
        for name in start_order(config["processes"]):
            runner.start(name)
        # what `just pc-up` waits for before printing the URLs
        subprocess.run(wait, cwd=ROOT, env=service_env, check=True, timeout=150, **AS_USER)
        assert runner.healthy == {"postgres", "valkey", "rabbitmq"}
        assert "database quickscale ready" in runner.outputs["postgres-setup"]

        pg = _postgres_bin()
        assert pg is not None
        port = service_env["QS_PG_PORT"]
        psql = [str(pg / "psql"), "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-qAt"]
        assert (
            subprocess.check_output([*psql, "-d", "quickscale", "-c", "SELECT 40 + 2"]).strip()
            == b"42"
        )

        import redis
        from kombu import Connection

        assert redis.Redis(port=int(service_env["QS_VALKEY_PORT"])).ping()
        with Connection(f"amqp://guest:guest@127.0.0.1:{service_env['QS_AMQP_PORT']}//") as conn:
            conn.ensure_connection(max_retries=3)
            with conn.SimpleQueue("qs-process-compose-test") as queue:
                queue.put({"hello": "nix"})
                assert queue.get(timeout=10).payload == {"hello": "nix"}
        # just/services.sh finds Valkey by this pid file
        assert (Path(service_env["QS_STATE_DIR"]) / "valkey.pid").exists()
    finally:
        codes = runner.stop_all()
    assert codes == {"rabbitmq": 0, "valkey": 0, "postgres": 0}, codes


@needs_binaries
def test_pg_search_required_in_nix_shell_fails_naming_it(service_env: dict[str, str]) -> None:
    pg = _postgres_bin()
    assert pg is not None
    if list(
        Path(
            subprocess.check_output([str(pg / "pg_config"), "--pkglibdir"], text=True).strip()
        ).glob("pg_search.*")
    ):
        pytest.skip("pg_search is installed here; this checks the message when it is missing")
    env = {**service_env, "QS_PG_SEARCH": "1"}
    subprocess.run(
        ["nix/process.sh", "pg-init"], cwd=ROOT, env=env, check=True, capture_output=True, **AS_USER
    )
    result = subprocess.run(
        ["nix/process.sh", "postgres"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        **AS_USER,
    )
    assert result.returncode != 0
    assert "pg_search" in result.stderr, result.stderr
