"""Pages of one owner's tasks (the list, a task), made once per version of the owner's tasks
and kept in the cache whole.

Rendering the /tasks/ page (the layout, the summary and filter fragments, 25 cached rows) and
the two queries behind it cost ~50x a bare Django view's CPU per request, a task's page ~25x
(loadtests/profiling). What such a page shows depends only on:

- the owner's tasks: every write bumps the owner's generation (services.py), and the page is
  stored beside the generation it was made in and used only while that is still current
  (CacheKind.get_or_set_in_generation: the counter and the page come in one round trip);
- which page it is (the template, the page number, the task), the day (overdue badges), the
  language and the user's own row (the header shows the email, the admin link);
- the release: the project's templates, the built assets' names, the settings that change the
  layout (release_fingerprint).

Anything else makes the page this request's alone, rendered and not stored: a query string the
page does not know (a filter: unbounded values), or a message waiting to be shown. The page
holds forms, so it is rendered with a CSRF placeholder, replaced on the way out by this
request's token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache as once
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.template.loader import render_to_string
from django.utils import timezone, translation

from app.core.cache import CacheKind, fingerprint
from app.tasks.caching import FRAGMENT_TTL, OWNER_TASKS
from app.tasks.rows import csrf_placeholder
from app.users.models import User

OWNER_PAGE = CacheKind("task-page-html", ttl=FRAGMENT_TTL, version=1)
# A canonical page number of at most 3 digits: any other spelling or a larger number (clamped to
# the last page anyway) is rendered for its request alone, so one user cannot fill the cache.
CACHED_PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,2}")


@once
def release_fingerprint() -> str:
    """The project's own templates, the asset manifests and the layout's settings: a release
    that changes any of them never serves a page an older one made."""
    app_dir = str(Path(settings.BASE_DIR) / "app")
    sources = [f"live={getattr(settings, 'LIVE_UPDATES', None)}"]
    for folder in engines["django"].template_dirs:
        if str(folder).startswith(app_dir):
            sources += [p.read_text() for p in sorted(Path(folder).rglob("*.html"))]
    manifests = [
        Path(settings.DJANGO_VITE["default"]["manifest_path"]),
        Path(settings.STATIC_ROOT) / "staticfiles.json",
    ]
    sources += [p.read_text() for p in manifests if p.exists()]
    return fingerprint(*sources)


def user_fingerprint(user: User) -> str:
    return fingerprint(*(repr(getattr(user, f.attname)) for f in User._meta.concrete_fields))


def page_number(request: HttpRequest) -> int | None:
    """The list's page number, or None when the query string holds more (a filter)."""
    page = request.GET.get("page", "1")
    if any(name != "page" for name in request.GET) or not CACHED_PAGE_NUMBER.fullmatch(page):
        return None
    return int(page)


def owner_page(
    request: HttpRequest,
    user: User,
    template: str,
    context: Callable[[], dict],
    which: tuple | None,
) -> HttpResponse:
    """The page `which` (None: this request's alone) of `user`'s tasks, from the cache when it
    may be, else rendered (and stored when it may be); either way with this request's CSRF
    token. `context` is called only to render."""

    def render() -> str:
        return render_to_string(
            template, {**context(), "csrf_token": csrf_placeholder()}, request=request
        )

    if which is None or len(get_messages(request)):  # counted without marking them shown
        html = render()
    else:
        html = OWNER_PAGE.get_or_set_in_generation(
            OWNER_TASKS,
            user.pk,
            template,
            *which,
            timezone.localdate(),
            translation.get_language(),
            release_fingerprint(),
            user_fingerprint(user),
            # It moves with SECRET_KEY: a page made before a rotation holds a placeholder the
            # processes after it no longer replace (every form would be refused).
            fingerprint(csrf_placeholder()),
            compute=render,
        )
    return HttpResponse(html.replace(csrf_placeholder(), get_token(request)))
