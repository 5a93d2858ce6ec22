"""Probe: /healthz only. The gate tests use it (with the deliberately slowed endpoint)."""

from __future__ import annotations

from locust import FastHttpUser, task

from loadtests.suites.pacing import poisson_throughput


class ProbeUser(FastHttpUser):
    wait_time = poisson_throughput(1)

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name="healthz")
