"""Site-wide pages and error handlers (JSON envelope under /api/, HTML elsewhere)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from app.core import context


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _error_response(request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(
            {
                "data": None,
                "error": {"code": code, "message": message, "details": {}},
                "meta": {"request_id": context.request_id.get()},
            },
            status=status,
        )
    return render(request, "core/error.html", {"status": status, "message": message}, status=status)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_response(request, 404, "not_found", "Not found.")


def server_error(request: HttpRequest) -> HttpResponse:
    return _error_response(request, 500, "server_error", "An internal error occurred.")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_response(request, 400, "bad_request", "Bad request.")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_response(request, 403, "permission_denied", "Permission denied.")
