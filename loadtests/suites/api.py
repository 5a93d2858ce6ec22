"""API and pages: the task list, a task's page, creating and updating tasks."""

from __future__ import annotations

import uuid

from locust import task

from loadtests.suites.pacing import poisson_throughput
from loadtests.suites.session import LoggedInUser


class ApiUser(LoggedInUser):
    wait_time = poisson_throughput(1)
    ids_wanted = 100

    @task(5)
    def task_list(self) -> None:
        page = self.rng.randint(1, 4)
        self.send("GET", f"/api/v1/tasks/?page_size=25&page={page}", "api list")

    @task(3)
    def task_page(self) -> None:
        if self.ids:
            self.client.get(f"/tasks/{self.rng.choice(self.ids)}/", name="page /tasks/<id>/")

    @task(1)
    def create(self) -> None:
        title = f"Load test task {uuid.uuid4().hex[:8]}"
        data = self.send("POST", "/api/v1/tasks/", "api create", 201, json={"title": title})
        if data:
            self.ids.append(data["id"])

    @task(1)
    def update(self) -> None:
        if self.ids:
            status = self.rng.choice(["todo", "in_progress", "done"])
            url = f"/api/v1/tasks/{self.rng.choice(self.ids)}"
            self.send("PATCH", url, "api update", json={"status": status})
