"""The server-rendered search page: a form and highlighted results."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from app.search import selectors
from app.search.api.params import parse_filters
from app.search.backends import SearchTimeout
from app.search.query import QueryError
from app.users.auth import request_user

PAGE_SIZE = 20


@login_required
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "")
    context: dict = {"q": q, "results": [], "error": None, "next_cursor": None}
    status = 200
    if q.strip():
        try:
            spec = selectors.get_spec()
            page = selectors.search_page(
                spec=spec,
                q=q,
                scope=request_user(request),
                filters=parse_filters(spec, request.GET),
                limit=PAGE_SIZE,
                cursor=request.GET.get("cursor"),
            )
            context.update(results=page["results"], next_cursor=page["next_cursor"])
        except QueryError as exc:
            context["error"], status = str(exc), 400
        except SearchTimeout:
            context["error"], status = "The search took too long; try fewer or rarer words.", 503
    return render(request, "search/search.html", context, status=status)
