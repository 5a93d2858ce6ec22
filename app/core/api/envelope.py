"""The one /api/v1 response shape: {"data", "error", "meta"}.

Views return plain data; this renderer wraps it. Errors arrive already shaped by
`envelope_exception_handler`; pagination adds its meta through `response.envelope_meta`.

A view may return data it already rendered (`RenderedJSON`, e.g. a cached representation): it
goes into the envelope as it is, rather than decoded and encoded again (on a cached list page
that was a fifth of the request's CPU, loadtests/profiling), with the same bytes DRF's renderer
would write around it.
"""

import json
from typing import Any

from rest_framework.renderers import JSONRenderer

from app.core import context


class RenderedJSON(bytes):
    """Data already rendered by `render_json`."""


def render_json(data: Any) -> bytes:
    """`data` as the envelope's renderer writes it (plain bytes, to keep in a cache)."""
    return JSONRenderer().render(data)


def envelope_meta(response: Any) -> dict[str, Any]:
    meta = {"request_id": context.request_id.get()}
    meta.update(getattr(response, "envelope_meta", None) or {})
    return meta


class EnvelopeJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if isinstance(data, RenderedJSON):
            if (
                response is not None
                and response.status_code < 300
                and self._spliceable(accepted_media_type, renderer_context)
            ):
                meta = super().render(
                    envelope_meta(response), accepted_media_type, renderer_context
                )
                return b'{"data":' + data + b',"error":null,"meta":' + meta + b"}"
            data = json.loads(data)  # indented, or an unusual response: rendered as usual
        if response is None:
            return super().render(data, accepted_media_type, renderer_context)
        if response.status_code >= 400:
            body = {"data": None, "error": data, "meta": envelope_meta(response)}
        elif response.status_code == 204:
            return b""
        else:
            body = {"data": data, "error": None, "meta": envelope_meta(response)}
        return super().render(body, accepted_media_type, renderer_context)

    def _spliceable(self, accepted_media_type: Any, renderer_context: Any) -> bool:
        """Whether this response is rendered as `render_json` rendered its data: compact,
        not indented."""
        return self.compact and self.get_indent(accepted_media_type, renderer_context or {}) is None
