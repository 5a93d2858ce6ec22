"""Turbo-aware answers for the task pages: streams for requests made inside a frame,
ordinary redirects and pages otherwise (so everything works without JavaScript)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from app.tasks.models import Task
from app.tasks.producer.live import stream_context

STREAM_TYPE = "text/vnd.turbo-stream.html"


def wants_stream(request: HttpRequest) -> bool:
    """A form submitted from inside a Turbo frame that accepts a stream back."""
    return bool(request.headers.get("Turbo-Frame")) and STREAM_TYPE in request.headers.get(
        "Accept", ""
    )


def invalid_status(request: HttpRequest) -> int:
    # Turbo renders a failed submission only on 4xx; 422 is its convention. Plain posts keep 400.
    return 422 if request.headers.get("Turbo-Frame") else 400


def saved_stream(request: HttpRequest, task: Task, action: str, toast: str = "") -> HttpResponse:
    context = {**stream_context(task, action), "toast": toast}
    return render(request, "tasks/streams/saved.html", context, content_type=STREAM_TYPE)
