"""OpenID Connect SSO comes only from environment variables; without them the app still boots."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import django, json; django.setup(); "
    "from django.conf import settings; "
    "print(json.dumps(settings.SOCIALACCOUNT_PROVIDERS))"
)


def run_probe(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OIDC_")}
    env.update({"DJANGO_SETTINGS_MODULE": "app.settings.test", **extra_env})
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_provider_is_configured_without_the_variables():
    result = run_probe({})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {}


def test_the_provider_comes_from_the_environment():
    result = run_probe(
        {
            "OIDC_CLIENT_ID": "quickscale-web",
            "OIDC_CLIENT_SECRET": "s3cret",
            "OIDC_SERVER_URL": "https://idp.example.com/realms/acme",
            "OIDC_PROVIDER_ID": "acme",
            "OIDC_PROVIDER_NAME": "Acme SSO",
        }
    )
    assert result.returncode == 0, result.stderr
    app = json.loads(result.stdout.strip().splitlines()[-1])["openid_connect"]["APPS"][0]
    assert app["provider_id"] == "acme" and app["client_id"] == "quickscale-web"
    assert app["settings"]["server_url"] == "https://idp.example.com/realms/acme"


def test_a_client_id_without_a_server_url_is_refused_by_name():
    result = run_probe({"OIDC_CLIENT_ID": "quickscale-web"})
    assert result.returncode != 0
    assert "OIDC_SERVER_URL must be set" in result.stderr
