"""The task list's rows, each rendered once per version of its task and kept in the cache.

Rendering 25 rows through Django's templates was most of the /tasks/ page's cost (about 17 of
its 22 ms of CPU, loadtests/README.md). A row's HTML depends only on its task (keyed by
`updated_at`, which every save moves), the day (the overdue badge), the language and the row
templates themselves, so after a write only the changed row is rendered again; the others come
back in one round trip (get_many).

The rows hold forms, and a form needs the request's CSRF token: a cached row carries a
placeholder, replaced on the way out by this request's token (cached_pages.py).
"""

from collections.abc import Sequence
from functools import cache as once

from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.safestring import SafeString, mark_safe

from app.core.cache import CacheKind, fingerprint
from app.tasks.models import Task

TASK_ROW = CacheKind("task-row-html", ttl=3600, version=1)
ROW_TEMPLATE = "tasks/_item.html"
# Every template a row is made of: a change to any of them must not serve old HTML.
ROW_TEMPLATES = (ROW_TEMPLATE, "tasks/_row.html", "tasks/_status_form.html")


@once
def csrf_placeholder() -> str:
    """Derived from SECRET_KEY: no task's text can contain it (and be replaced by the token),
    and every process of one deployment renders and replaces the same one."""
    return "qs-csrf-" + salted_hmac("app.tasks.rows", "csrf placeholder").hexdigest()[:24]


@once
def templates_fingerprint() -> str:
    return fingerprint(*(get_template(name).template.source for name in ROW_TEMPLATES))  # type: ignore[attr-defined]


def row_version(today: object) -> tuple:
    """What every row of this request shares: the day, the language, the templates (and the
    placeholder, which moves with SECRET_KEY)."""
    return (today, translation.get_language(), templates_fingerprint(), csrf_placeholder())


def render_row(task: Task, *, list_url: str) -> str:
    context = {"task": task, "list_url": list_url, "csrf_token": csrf_placeholder()}
    return render_to_string(ROW_TEMPLATE, context)


def task_rows(tasks: Sequence[Task]) -> SafeString:
    """The rows' HTML, in order, with the CSRF placeholder in every form: the page they go in
    replaces it with its request's token (cached_pages.py)."""
    version, list_url = row_version(timezone.localdate()), reverse("tasks:list")
    rows = TASK_ROW.get_or_set_per_row(
        tasks,
        version=version,
        compute=lambda missing: [render_row(task, list_url=list_url) for task in missing],
    )
    return mark_safe("".join(rows))  # noqa: S308  (escaped by the row templates)
