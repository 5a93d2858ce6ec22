"""Anchor: the bare Django view every run measures first (loadtests/anchor/), as one user."""

from __future__ import annotations

from locust import FastHttpUser, task

from loadtests.suites.pacing import poisson_throughput


class AnchorUser(FastHttpUser):
    wait_time = poisson_throughput(1)

    @task
    def anchor(self) -> None:
        self.client.get("/anchor", name="anchor")
