"""Every deployment carries a sending configuration: compose.yaml, the Ansible app role's
environment file, the inventories and the vault example (before, none of them named one)."""

from pathlib import Path

import jinja2
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ANSIBLE = ROOT / "ansible"
MAIL_VARIABLES = ("EMAIL_URL", "EMAIL_API_KEY", "DEFAULT_FROM_EMAIL")


def test_compose_passes_the_mail_settings_to_every_app_container():
    compose = yaml.safe_load((ROOT / "containers" / "compose.yaml").read_text())
    app_env = compose["x-app"]["environment"]
    for name in MAIL_VARIABLES:
        assert app_env[name] == f"${{{name}:-}}"


def render_env_file(**variables: object) -> dict[str, str]:
    environment = jinja2.Environment(undefined=jinja2.ChainableUndefined, autoescape=False)  # noqa: S701
    environment.filters["bool"] = lambda value: str(value).lower() in ("1", "true", "yes")
    template = environment.from_string(
        (ANSIBLE / "roles" / "app" / "templates" / "app.env.j2").read_text()
    )
    lines = template.render(app_extra_env={}, app_allowed_hosts=[], **variables).splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
    return {key: value.strip('"') for key, value in pairs}


def test_the_app_role_writes_the_mail_settings_into_the_environment_file():
    env = render_env_file(
        app_email_url="postmark://",
        app_email_api_key="pm-key",
        app_default_from_email="QuickScale <noreply@app.example.com>",
    )
    assert env["EMAIL_URL"] == "postmark://" and env["EMAIL_API_KEY"] == "pm-key"
    assert env["DEFAULT_FROM_EMAIL"] == "QuickScale <noreply@app.example.com>"
    without_key = render_env_file(app_email_url="smtp://h", app_email_api_key="")
    assert "EMAIL_API_KEY" not in without_key


def test_the_app_role_takes_the_mail_url_and_key_from_the_vault():
    defaults = yaml.safe_load((ANSIBLE / "roles" / "app" / "defaults" / "main.yml").read_text())
    assert "vault_email_url" in defaults["app_email_url"]
    assert "vault_email_api_key" in defaults["app_email_api_key"]
    assert defaults["app_default_from_email"]


@pytest.mark.parametrize("inventory", ["prod", "staging"])
def test_each_real_inventory_names_a_sender_and_its_vault_example_a_mail_url(inventory):
    group_vars = ANSIBLE / "inventories" / inventory / "group_vars" / "all"
    plain = yaml.safe_load((group_vars / "main.yml").read_text())
    vault = yaml.safe_load((group_vars / "vault.yml.example").read_text())
    assert "@" in plain["app_default_from_email"]
    assert vault["vault_email_url"].startswith("smtp+tls://") and "vault_email_api_key" in vault


def test_the_local_test_hosts_have_a_mail_url():
    local = yaml.safe_load(
        (ANSIBLE / "inventories" / "local" / "group_vars" / "all" / "main.yml").read_text()
    )
    assert local["app_email_url"].startswith("smtp://")
