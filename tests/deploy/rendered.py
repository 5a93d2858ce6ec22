"""The Ansible roles' templates as the roles render them, without touching a host.

One ansible-playbook run (local connection, no facts) against a made-up inventory of two web
hosts, a worker and a proxy: it loads the app and proxy roles' defaults, sets `app_services`
with the role's own rule (`app_host_services`) and renders every unit, env file and nginx file
the roles would write, per variant (VARIANTS), with lookup('template') in debug tasks (they run
on the controller: no module forked per host), read back from the json callback.
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


# Rendered side by side in one run (each ansible-playbook start costs seconds): the defaults,
# and a deployment without the web-asgi server.
VARIANTS: dict[str, dict[str, object]] = {"on": {}, "off": {"app_asgi_enabled": False}}


def show(name: str, text: str, task_vars: dict[str, object], **more: object) -> dict:
    """A debug task: runs on the controller (no module forked per host), its msg is the text."""
    return {"name": name, "ansible.builtin.debug": {"msg": text}, "vars": task_vars, **more}


def playbook() -> list[dict]:
    proxy, app = f"{ROLES}/proxy/templates", f"{ROLES}/app/templates"
    proxy_tasks, app_tasks = [], []
    for name, extra in VARIANTS.items():
        drained = {**extra, "proxy_drained": ["web1"]}
        proxy_tasks += [
            show(
                f"{name} site.conf", f"{{{{ lookup('template', '{proxy}/site.conf.j2') }}}}", extra
            ),
            show(
                f"{name} upstreams.conf",
                f"{{{{ lookup('template', '{proxy}/upstreams.conf.j2') }}}}",
                extra,
            ),
            show(
                f"{name} upstreams-web1-drained.conf",
                f"{{{{ lookup('template', '{proxy}/upstreams.conf.j2') }}}}",
                drained,
            ),
        ]
        app_tasks += [
            {
                "ansible.builtin.set_fact": {
                    "app_services": "{{ app_host_services | default([]) }}"
                },
                "vars": extra,
            },
            show(f"{name} services.json", "{{ app_services | to_json }}", extra),
            show(f"{name} app.env", f"{{{{ lookup('template', '{app}/app.env.j2') }}}}", extra),
            show(
                f"{name} unit",
                f"{{{{ lookup('template', '{app}/' ~ item ~ '.service.j2') }}}}",
                extra,
                loop="{{ app_services }}",
            ),
        ]
    return [
        {
            "hosts": "proxy",
            "gather_facts": False,
            "vars_files": [str(ROLES / "proxy" / "defaults" / "main.yml")],
            "tasks": proxy_tasks,
        },
        {
            "hosts": "app",
            "gather_facts": False,
            "vars_files": [str(ROLES / "app" / "defaults" / "main.yml")],
            "tasks": app_tasks,
        },
    ]


@dataclass
class Rendered:
    files: dict[str, str]  # "proxy/site.conf", "web1/web-asgi.service", "web1/app.env", ...

    def text(self, relative: str) -> str:
        return self.files[relative]

    def services(self, host: str) -> list[str]:
        return json.loads(self.text(f"{host}/services.json"))


def collect(report: dict) -> dict[str, Rendered]:
    """Reads the json callback's report: task name '<variant> <file>', one msg per host."""
    found: dict[str, dict[str, str]] = {variant: {} for variant in VARIANTS}
    for play in report["plays"]:
        for task in play["tasks"]:
            variant, _, file = task["task"]["name"].partition(" ")
            if variant not in found:
                continue
            for host, result in task["hosts"].items():
                folder = "proxy" if host.startswith("proxy") else host
                for one in result.get("results", [result]):
                    name = f"{one['item']}.service" if "item" in one else file
                    found[variant][f"{folder}/{name}"] = one["msg"]
    return {variant: Rendered(files) for variant, files in found.items()}


def render(out: Path) -> dict[str, Rendered]:
    """Renders every variant (VARIANTS); `out` holds the inventory and the playbook."""
    if not PLAYBOOK_BIN.exists():
        if os.environ.get("QS_REQUIRE_ANSIBLE"):
            raise RuntimeError(f"ansible-playbook not found at {PLAYBOOK_BIN}")
        pytest.skip("Ansible not installed (uv sync --group deploy)")
    (out / "inventory.json").write_text(json.dumps(INVENTORY))
    (out / "render.json").write_text(json.dumps(playbook()))
    env = {
        **os.environ,
        "ANSIBLE_CONFIG": str(ROOT / "ansible" / "ansible.cfg"),
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_STDOUT_CALLBACK": "ansible.posix.json",
        "ANSIBLE_CALLBACKS_ENABLED": "ansible.posix.json",
    }
    args = [str(PLAYBOOK_BIN), "-i", str(out / "inventory.json"), str(out / "render.json")]
    proc = subprocess.run(
        args, cwd=ROOT / "ansible", env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    return collect(json.loads(proc.stdout))
