"""live.W001: live updates on, but the deployment serves no ASGI server for /ws/."""

from django.core.checks import Warning, run_checks
from django.core.management import call_command
from django.test import override_settings

from tests.core.test_production_settings import GOOD_ENV, manage


def live_warnings() -> list[Warning]:
    return [m for m in run_checks() if m.id == "live.W001"]


def test_warns_when_live_updates_are_on_and_no_asgi_server_is_configured():
    with override_settings(LIVE_UPDATES=True, ASGI_SERVER_CONFIGURED=False):
        warnings = live_warnings()
    assert len(warnings) == 1
    assert isinstance(warnings[0], Warning)
    assert "ASGI_SERVER_CONFIGURED" in (warnings[0].hint or "")
    assert "LIVE_UPDATES" in (warnings[0].hint or "")


def test_silent_when_an_asgi_server_is_configured():
    with override_settings(LIVE_UPDATES=True, ASGI_SERVER_CONFIGURED=True):
        assert live_warnings() == []


def test_silent_when_live_updates_are_off():
    with override_settings(LIVE_UPDATES=False, ASGI_SERVER_CONFIGURED=False):
        assert live_warnings() == []


def test_manage_check_reports_it_by_id(capsys):
    with override_settings(LIVE_UPDATES=True, ASGI_SERVER_CONFIGURED=False):
        call_command("check")
    assert "live.W001" in capsys.readouterr().err


def test_production_warns_until_the_deployment_declares_its_asgi_server():
    undeclared = manage("check", "--deploy", "--fail-level", "WARNING", env=GOOD_ENV)
    assert undeclared.returncode != 0
    assert "live.W001" in undeclared.stderr and "Traceback" not in undeclared.stderr
    declared = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**GOOD_ENV, "ASGI_SERVER_CONFIGURED": "true"},
    )
    assert declared.returncode == 0, declared.stderr
    live_off = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**GOOD_ENV, "LIVE_UPDATES": "false"}
    )
    assert live_off.returncode == 0, live_off.stderr
