"""Cache paths: the fragment-cached /tasks/ page, cached API reads (hits), and the
miss-then-hit sequence after a write (which must also show the write: no stale cache)."""

from __future__ import annotations

import uuid

from locust import task

from loadtests.suites.pacing import poisson_throughput
from loadtests.suites.session import LoggedInUser


class CacheUser(LoggedInUser):
    wait_time = poisson_throughput(1)
    ids_wanted = 50

    @task(3)
    def tasks_page(self) -> None:
        self.client.get("/tasks/", name="page /tasks/ (cached summary)")

    @task(3)
    def summary(self) -> None:
        self.client.get("/api/v1/tasks/summary", name="api summary (cached)")

    @task(6)
    def detail(self) -> None:
        if self.ids:
            # A small hot set per user, so reads are cache hits after the first.
            task_id = self.ids[self.rng.randrange(min(10, len(self.ids)))]
            self.client.get(f"/api/v1/tasks/{task_id}", name="api detail (cached)")

    @task(1)
    def write_then_read(self) -> None:
        if not self.ids:
            return
        url = f"/api/v1/tasks/{self.rng.choice(self.ids)}"
        title = f"Updated under load {uuid.uuid4().hex[:8]}"
        if self.send("PATCH", url, "api update", json={"title": title}) is None:
            return
        for name in ("api detail (miss after write)", "api detail (hit after write)"):
            with self.client.get(url, name=name, catch_response=True) as r:
                if r.status_code != 200:
                    r.failure(f"status {r.status_code}")
                elif r.json()["data"]["title"] != title:
                    r.failure("stale read: the cache did not show the write")
