"""Static: one hashed asset (its URL read from the login page, as a browser finds it)."""

from __future__ import annotations

from locust import task

from loadtests.suites.pacing import poisson_throughput
from loadtests.suites.session import LoggedInUser


class StaticUser(LoggedInUser):
    wait_time = poisson_throughput(1)

    @task
    def asset(self) -> None:
        if not self.static_url:
            return
        with self.client.get(self.static_url, name="static asset", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code} for {self.static_url}")
            elif "immutable" not in (r.headers.get("Cache-Control") or ""):
                r.failure(f"{self.static_url} is not served as an immutable hashed file")
