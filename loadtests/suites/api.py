"""API and pages: the task list, a task's page, creating and updating tasks."""

from __future__ import annotations

import random
import uuid

from locust import constant_throughput, task

from loadtests.suites.session import LoggedInUser


class ApiUser(LoggedInUser):
    wait_time = constant_throughput(1)

    def on_start(self) -> None:
        super().on_start()
        self.rng = random.Random()
        self.ids = [t["id"] for t in self.my_tasks(100)]

    @task(5)
    def task_list(self) -> None:
        page = self.rng.randint(1, 4)
        with self.client.get(
            f"/api/v1/tasks/?page_size=25&page={page}", name="api list", catch_response=True
        ) as r:
            if r.status_code not in (200, 404):  # 404: a page past the end of a short list
                r.failure(f"status {r.status_code}")

    @task(3)
    def task_page(self) -> None:
        if self.ids:
            self.client.get(f"/tasks/{self.rng.choice(self.ids)}/", name="page /tasks/<id>/")

    @task(1)
    def create(self) -> None:
        with self.client.post(
            "/api/v1/tasks/",
            json={"title": f"Load test task {uuid.uuid4().hex[:8]}", "priority": 2},
            headers=self.api_headers(),
            name="api create",
            catch_response=True,
        ) as r:
            if r.status_code != 201:
                r.failure(f"status {r.status_code}")
            else:
                self.ids.append(r.json()["data"]["id"])

    @task(1)
    def update(self) -> None:
        if self.ids:
            status = self.rng.choice(["todo", "in_progress", "done"])
            with self.client.patch(
                f"/api/v1/tasks/{self.rng.choice(self.ids)}",
                json={"status": status},
                headers=self.api_headers(),
                name="api update",
                catch_response=True,
            ) as r:
                if r.status_code != 200:
                    r.failure(f"status {r.status_code}")
