"""The one /api/v1 response shape: {"data", "error", "meta"}.

Views return plain data; this renderer wraps it. Errors arrive already shaped by
`envelope_exception_handler`; pagination adds its meta through `response.envelope_meta`.
"""

from typing import Any

from rest_framework.renderers import JSONRenderer

from app.core import context


def envelope_meta(response: Any) -> dict[str, Any]:
    meta = {"request_id": context.request_id.get()}
    meta.update(getattr(response, "envelope_meta", None) or {})
    return meta


class EnvelopeJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if response is None:
            return super().render(data, accepted_media_type, renderer_context)
        if response.status_code >= 400:
            body = {"data": None, "error": data, "meta": envelope_meta(response)}
        elif response.status_code == 204:
            return b""
        else:
            body = {"data": data, "error": None, "meta": envelope_meta(response)}
        return super().render(body, accepted_media_type, renderer_context)
