"""A deliberately slowed endpoint, for proving the load-test gate can fail.

Only app/settings/dev.py and app/settings/test.py add this middleware and read LOADTEST_SLOW_MS;
production settings never do. With LOADTEST_SLOW_MS > 0, requests whose path starts with
LOADTEST_SLOW_PATH sleep that many milliseconds before being served.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse


class LoadtestSlowdownMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.delay = getattr(settings, "LOADTEST_SLOW_MS", 0) / 1000
        self.path = getattr(settings, "LOADTEST_SLOW_PATH", "/healthz")
        if self.delay <= 0:
            raise MiddlewareNotUsed

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(self.path):
            time.sleep(self.delay)
        return self.get_response(request)
