"""One mapping from exceptions to the envelope's error object: {code, message, details}."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

logger = logging.getLogger(__name__)

_MESSAGES = {
    "not_found": "Not found.",
    "validation_error": "The request has invalid fields.",
}


def _error(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"code": code, "message": message, "details": details or {}}


def envelope_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    if isinstance(exc, DjangoValidationError):
        # Services raise Django's ValidationError; present it like DRF's.
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        exc = exceptions.ValidationError(detail=detail)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = exception_handler(exc, context)
    if response is None:
        # Anything unexpected: log it with the traceback, tell the client nothing internal.
        logger.exception("Unhandled API error")
        response = Response(status=status.HTTP_500_INTERNAL_SERVER_ERROR)
        response.data = _error("server_error", "An internal error occurred.")
        response.exception = True
        return response

    if isinstance(exc, exceptions.ValidationError):
        details = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = _error("validation_error", _MESSAGES["validation_error"], details)
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
        response.data = _error(str(code), str(exc.detail))
    return response
