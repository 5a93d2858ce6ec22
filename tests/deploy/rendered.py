"""The Ansible roles' templates as the roles render them, without touching a host.

One ansible-playbook run (local connection, no facts) against a made-up inventory of two web
hosts, a worker and a proxy: it loads the app and proxy roles' defaults, sets `app_services`
with the role's own rule (`app_host_services`) and writes every unit, env file and nginx file
the roles would write into a folder the tests read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROLES = ROOT / "ansible" / "roles"
PLAYBOOK_BIN = Path(sys.executable).parent / "ansible-playbook"

INVENTORY = {
    "all": {
        "vars": {
            "ansible_connection": "local",
            "ansible_python_interpreter": sys.executable,
            "project_name": "quickscale",
            "deploy_environment": "test",
            "app_domain": "quickscale.test",
            "private_network_cidrs": ["10.0.0.0/8"],
            "vault_django_secret_key": "k" * 60,
            "vault_postgres_app_password": "pg-password-0123456789",
            "vault_valkey_password": "valkey-password-0123456789",
            "vault_rabbitmq_app_password": "rabbit-password-0123456789",
        },
        "children": {
            "proxy": {"hosts": {"proxy1": {"private_address": "10.0.0.10"}}},
            "web": {
                "hosts": {
                    "web1": {"private_address": "10.0.0.11"},
                    "web2": {"private_address": "10.0.0.12"},
                }
            },
            "worker": {"hosts": {"worker1": {"private_address": "10.0.0.13"}}},
            "beat": {"hosts": {"worker1": {}}},
            "db": {"hosts": {"worker1": {}}},
            "cache": {"hosts": {"worker1": {}}},
            "broker": {"hosts": {"worker1": {}}},
            "app": {"children": {"web": {}, "worker": {}, "beat": {}}},
        },
    }
}


def playbook(out: Path) -> list[dict]:
    def template(src: str, dest: str, **extra: object) -> dict:
        task: dict = {"ansible.builtin.template": {"src": src, "dest": f"{out}/{dest}"}}
        if extra:
            task["vars"] = extra
        return task

    return [
        {
            "hosts": "proxy",
            "gather_facts": False,
            "vars_files": [str(ROLES / "proxy" / "defaults" / "main.yml")],
            "tasks": [
                template(f"{ROLES}/proxy/templates/site.conf.j2", "proxy/site.conf"),
                template(f"{ROLES}/proxy/templates/upstreams.conf.j2", "proxy/upstreams.conf"),
                template(
                    f"{ROLES}/proxy/templates/upstreams.conf.j2",
                    "proxy/upstreams-web1-drained.conf",
                    proxy_drained=["web1"],
                ),
            ],
        },
        {
            "hosts": "app",
            "gather_facts": False,
            "vars_files": [str(ROLES / "app" / "defaults" / "main.yml")],
            "tasks": [
                {"ansible.builtin.set_fact": {"app_services": "{{ app_host_services }}"}},
                {
                    "ansible.builtin.copy": {
                        "content": "{{ app_services | to_json }}",
                        "dest": f"{out}/{{{{ inventory_hostname }}}}/services.json",
                    }
                },
                {
                    "ansible.builtin.template": {
                        "src": f"{ROLES}/app/templates/{{{{ item }}}}.service.j2",
                        "dest": f"{out}/{{{{ inventory_hostname }}}}/{{{{ item }}}}.service",
                    },
                    "loop": "{{ app_services }}",
                },
                {
                    "ansible.builtin.template": {
                        "src": f"{ROLES}/app/templates/app.env.j2",
                        "dest": f"{out}/{{{{ inventory_hostname }}}}/app.env",
                    }
                },
            ],
        },
    ]


@dataclass
class Rendered:
    root: Path

    def text(self, relative: str) -> str:
        return (self.root / relative).read_text()

    def services(self, host: str) -> list[str]:
        return json.loads(self.text(f"{host}/services.json"))


def render(out: Path, **extra_vars: object) -> Rendered:
    """Renders into `out`; extra_vars are passed as -e (a JSON object), like an inventory's."""
    if not PLAYBOOK_BIN.exists():
        if os.environ.get("QS_REQUIRE_ANSIBLE"):
            raise RuntimeError(f"ansible-playbook not found at {PLAYBOOK_BIN}")
        pytest.skip("Ansible not installed (uv sync --group deploy)")
    for folder in ("proxy", *INVENTORY["all"]["children"]["web"]["hosts"], "worker1"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    (out / "inventory.json").write_text(json.dumps(INVENTORY))
    (out / "render.json").write_text(json.dumps(playbook(out)))
    env = {
        **os.environ,
        "ANSIBLE_CONFIG": str(ROOT / "ansible" / "ansible.cfg"),
        "ANSIBLE_NOCOLOR": "1",
    }
    args = [str(PLAYBOOK_BIN), "-i", str(out / "inventory.json"), str(out / "render.json")]
    if extra_vars:
        args += ["-e", json.dumps(extra_vars)]
    proc = subprocess.run(
        args, cwd=ROOT / "ansible", env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return Rendered(out)
