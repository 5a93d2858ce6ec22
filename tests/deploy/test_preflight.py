"""The Ansible playbooks refuse bad input before they touch a host.

Runs the real ansible-playbook against the committed prod/staging inventories, whose
example hosts (192.0.2.0/24, a documentation range) must never be contacted: every
failure here has to come from the preflight plays, which make no connection.
Needs the `deploy` dependency group (uv sync --group deploy); .ci/steps/ansible.sh sets
QS_REQUIRE_ANSIBLE=1 so that a missing Ansible fails instead of skipping.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE = ROOT / "ansible"
PLAYBOOK_BIN = Path(sys.executable).parent / "ansible-playbook"

if not PLAYBOOK_BIN.exists():
    if os.environ.get("QS_REQUIRE_ANSIBLE"):
        raise RuntimeError(f"ansible-playbook not found at {PLAYBOOK_BIN}")
    pytest.skip("Ansible not installed (uv sync --group deploy)", allow_module_level=True)

GOOD_SECRETS = [
    "-e",
    "vault_django_secret_key=" + "k3Y-" * 16,
    "-e",
    "vault_postgres_app_password=pg-password-0123456789",
    "-e",
    "vault_valkey_password=valkey-password-0123456789",
    "-e",
    "vault_rabbitmq_app_password=rabbit-password-0123456789",
]


def run(inventory: str, playbook: str, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANSIBLE_CONFIG": str(ANSIBLE / "ansible.cfg"), "ANSIBLE_NOCOLOR": "1"}
    env.pop("ANSIBLE_VAULT_PASSWORD_FILE", None)
    return subprocess.run(
        [str(PLAYBOOK_BIN), "-i", inventory, playbook, *extra],
        cwd=ANSIBLE,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def assert_refused_before_hosts(proc: subprocess.CompletedProcess[str], message: str) -> None:
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0, out
    assert message in out, out
    # no later play started and no host was contacted
    assert "PLAY [Base]" not in out and "PLAY [Build the release" not in out, out
    assert "UNREACHABLE" not in out and "Gathering Facts" not in out, out


@pytest.mark.parametrize("playbook", ["site.yml", "deploy.yml", "rollback.yml"])
def test_playbooks_parse(playbook: str) -> None:
    proc = run("inventories/prod", playbook, "--syntax-check")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("inventory", ["prod", "staging"])
def test_missing_vault_secrets_are_named(inventory: str) -> None:
    proc = run(f"inventories/{inventory}", "site.yml")
    assert_refused_before_hosts(proc, "Secret 'vault_django_secret_key' is missing")


def test_short_secret_key_is_refused() -> None:
    secrets = [
        a if not a.startswith("vault_django") else "vault_django_secret_key=" + "x1" * 10
        for a in GOOD_SECRETS
    ]
    proc = run("inventories/prod", "deploy.yml", *secrets)
    assert_refused_before_hosts(proc, "vault_django_secret_key must be at least 50 characters")


def test_secret_with_a_quote_is_refused() -> None:
    proc = run(
        "inventories/prod",
        "site.yml",
        *GOOD_SECRETS,
        "-e",
        '{"vault_valkey_password": "abc$def\\"ghijklmnopq"}',
    )
    assert_refused_before_hosts(proc, "Secret 'vault_valkey_password'")


def test_unknown_search_backend_is_refused() -> None:
    proc = run(
        "inventories/prod", "site.yml", *GOOD_SECRETS, "-e", "postgres_search_backend=elastic"
    )
    assert_refused_before_hosts(proc, "postgres_search_backend must be 'paradedb' or 'plain'")


def test_two_beat_hosts_are_refused(tmp_path: Path) -> None:
    inv = tmp_path / "two-beats"
    shutil.copytree(ANSIBLE / "inventories" / "prod", inv)
    hosts = (inv / "hosts.yml").read_text()
    hosts = hosts.replace(
        "        prod-worker1:\n    db:", "        prod-worker1:\n        prod-web1:\n    db:"
    )
    (inv / "hosts.yml").write_text(hosts)
    proc = run(str(inv), "rollback.yml", *GOOD_SECRETS)
    assert_refused_before_hosts(proc, "Group 'beat' must have exactly one host")


def test_unknown_inventory_is_refused() -> None:
    proc = subprocess.run(
        ["bash", str(ANSIBLE / "bin" / "playbook.sh"), "nope", "site.yml"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "unknown inventory 'nope'" in proc.stderr and "prod" in proc.stderr


def test_empty_inventory_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yml"
    empty.write_text("all: {}\n")
    proc = run(str(empty), "site.yml")
    assert proc.returncode != 0
    assert "has no hosts" in proc.stdout + proc.stderr
