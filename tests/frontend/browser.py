"""Real-browser test plumbing: Debian's Chromium driven by Playwright (never a downloaded
browser), the app served by Granian's ASGI interface (HTTP and WebSockets) on the test
database, and screenshots kept under .ci-artifacts/browser/."""

import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from app.serving import granian_command
from tests.integration.processes import ROOT, free_port, process_env

ARTIFACTS = ROOT / ".ci-artifacts" / "browser"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Debian's chromium is not installed ({CHROMIUM}): apt-get install -y chromium"
    return None


class AsgiServer:
    def __init__(self, mail_dir: Path, **env_extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.mail_dir = mail_dir
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.log_path = ARTIFACTS / "granian.log"
        env = process_env(
            DJANGO_SETTINGS_MODULE="tests.frontend.server_settings",
            BROWSER_TEST_MAIL_DIR=str(mail_dir),
        )
        env.update(env_extra)  # another settings module, say, and its variables
        # The web-asgi role (app/serving), one worker: HTTP and WebSockets.
        cmd = granian_command("web-asgi", host="127.0.0.1", port=self.port, workers=1)
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(
            f"Granian did not start; see {self.log_path}:\n{self.log_path.read_text()[-2000:]}"
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def mails(self) -> list[str]:
        return [p.read_text() for p in sorted(self.mail_dir.glob("*.log"))]
