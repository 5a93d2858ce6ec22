"""Login: a user signs out and in again through the form (the password hash is the cost)."""

from __future__ import annotations

from locust import constant_throughput, task

from loadtests.suites.session import LoggedInUser


class LoginUser(LoggedInUser):
    wait_time = constant_throughput(1)
    form_login = True

    @task
    def relogin(self) -> None:
        self.login()
