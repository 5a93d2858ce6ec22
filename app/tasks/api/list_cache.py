"""A page of `/api/v1/tasks/`, kept whole in the cache while none of the owner's tasks changed.

A list page cost ~40x a bare Django view's CPU per request (loadtests/profiling): the count and
page queries, 25 model instances, the cached representations. What a page holds depends only on
the owner's tasks (their write generation: a page is stored beside the generation it was made in
and used only while that is still current, core.cache), the day (`is_overdue`), the serializer's
declaration and the page's own URL (the pagination links are absolute: the host is part of
them, and ALLOWED_HOSTS bounds it). A filtered list is made for its request alone: filter
values are unbounded, and so would be the keys.
"""

import re
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from rest_framework.request import Request

from app.core.api.pagination import EnvelopePageNumberPagination
from app.core.cache import CacheKind, fingerprint
from app.tasks.api.representations import serializer_fingerprint
from app.tasks.caching import FRAGMENT_TTL, OWNER_TASKS
from app.users.models import User

TASK_LIST_PAGE = CacheKind("task-list-api", ttl=FRAGMENT_TTL, version=1)
PAGE_PARAMS = frozenset({"page", "page_size"})
# Only canonical values are cached (other spellings and out-of-range values are clamped to the
# same pages): keys stay bounded, so one user cannot fill the cache.
_CANONICAL = re.compile(r"[1-9][0-9]*")
_LONGEST_PAGE_NUMBER = 3

Page = tuple[bytes, dict[str, Any]]  # the data (render_json) and the envelope's meta


def _canonical(name: str, value: str) -> bool:
    if not _CANONICAL.fullmatch(value):
        return False
    if name == "page":
        return len(value) <= _LONGEST_PAGE_NUMBER
    max_size = EnvelopePageNumberPagination.max_page_size or 0
    return len(value) <= len(str(max_size)) and int(value) <= max_size


def cacheable(request: Request) -> bool:
    """Only the page number (at most 3 digits) and size (within the paginator's maximum), once
    each, as canonical numbers."""
    params = request.query_params
    return all(
        name in PAGE_PARAMS
        and len(values := params.getlist(name)) == 1
        and _canonical(name, values[0])
        for name in params
    )


def list_page(request: Request, owner: User, compute: Callable[[], Page]) -> Page:
    if not cacheable(request):
        return compute()
    return TASK_LIST_PAGE.get_or_set_in_generation(
        OWNER_TASKS,
        owner.pk,
        timezone.localdate(),
        serializer_fingerprint(),
        fingerprint(request.build_absolute_uri()),
        compute=compute,
    )
