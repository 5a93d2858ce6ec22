"""Login: a user signs out and in again through the form (the password hash is the cost)."""

from __future__ import annotations

from locust import task

from loadtests.suites.pacing import poisson_throughput
from loadtests.suites.session import LoggedInUser


class LoginUser(LoggedInUser):
    wait_time = poisson_throughput(1)
    form_login = True

    @task
    def relogin(self) -> None:
        self.login()
