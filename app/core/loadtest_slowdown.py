"""A deliberately slowed or heavier endpoint, for proving the performance gates can fail.

Only app/settings/dev.py and app/settings/test.py add this middleware and read its settings;
production settings never do. Requests whose path starts with LOADTEST_SLOW_PATH
- sleep LOADTEST_SLOW_MS milliseconds (the load-test gate: latency grows, CPU does not), and
- run LOADTEST_BURN_LOOPS iterations of a Python loop (the instruction-count gate,
  loadtests/instructions/: the request costs more instructions, as a heavier view would).
With both at 0 (the default) the middleware removes itself.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpRequest, HttpResponse


def burn(loops: int) -> int:
    """Interpreter work proportional to loops (a loop CPython cannot skip)."""
    total = 0
    for i in range(loops):
        total += i
    return total


class LoadtestSlowdownMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.delay = getattr(settings, "LOADTEST_SLOW_MS", 0) / 1000
        self.loops = getattr(settings, "LOADTEST_BURN_LOOPS", 0)
        self.path = getattr(settings, "LOADTEST_SLOW_PATH", "/healthz")
        if self.delay <= 0 and self.loops <= 0:
            raise MiddlewareNotUsed

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(self.path):
            if self.delay > 0:
                time.sleep(self.delay)
            if self.loops > 0:
                burn(self.loops)
        return self.get_response(request)
