"""A page of `/api/v1/tasks/`, kept whole in the cache while none of the owner's tasks changed.

A list page cost ~40x a bare Django view's CPU per request (loadtests/profiling): the count and
page queries, 25 model instances, the cached representations. What a page holds depends only on
the owner's tasks (their write generation: a page is stored beside the generation it was made in
and used only while that is still current, core.cache), the day (`is_overdue`), the serializer's
declaration and the page's own URL (the pagination links are absolute: the host is part of
them, and ALLOWED_HOSTS bounds it). A filtered list is made for its request alone: filter
values are unbounded, and so would be the keys.
"""

from collections.abc import Callable
from typing import Any

from django.utils import timezone
from rest_framework.request import Request

from app.core.cache import CacheKind, fingerprint
from app.tasks.api.representations import serializer_fingerprint
from app.tasks.caching import FRAGMENT_TTL, OWNER_TASKS
from app.users.models import User

TASK_LIST_PAGE = CacheKind("task-list-api", ttl=FRAGMENT_TTL, version=1)
PAGE_PARAMS = frozenset({"page", "page_size"})
_LONGEST_NUMBER = 6

Page = tuple[bytes, dict[str, Any]]  # the data (render_json) and the envelope's meta


def cacheable(request: Request) -> bool:
    """Only the page number and size, once each, as plain numbers."""
    params = request.query_params
    return all(
        name in PAGE_PARAMS
        and len(values := params.getlist(name)) == 1
        and values[0].isdigit()
        and len(values[0]) <= _LONGEST_NUMBER
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
