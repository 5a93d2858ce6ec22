"""GET /api/v1/search?q=...&limit=...&cursor=...[&status=...]: ranked results in the envelope."""

from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from app.search import selectors
from app.search.api.params import parse_filters, parse_limit
from app.search.backends import SearchTimeout, backend_name
from app.search.query import QueryError


class SearchUnavailable(exceptions.APIException):
    status_code = 503
    default_code = "search_timeout"
    default_detail = "The search took too long; try fewer or rarer words."


class SearchApi(APIView):
    def get(self, request: Request) -> Response:
        params = request.query_params
        try:
            spec = selectors.get_spec(params.get("index") or None)
            q = params.get("q")
            if q is None or not q.strip():
                raise QueryError("q", "is required and may not be blank")
            page = selectors.search_page(
                spec=spec,
                q=q,
                scope=request.user,
                filters=parse_filters(spec, params),
                limit=parse_limit(params.get("limit")),
                cursor=params.get("cursor"),
            )
        except QueryError as exc:
            raise exceptions.ValidationError({exc.param: [exc.message]}) from exc
        except SearchTimeout as exc:
            raise SearchUnavailable from exc
        response = Response(page["results"])
        response.envelope_meta = {  # type: ignore[attr-defined]
            "search": {
                "next_cursor": page["next_cursor"],
                "query": page["query"],
                "backend": backend_name(),
            }
        }
        return response
