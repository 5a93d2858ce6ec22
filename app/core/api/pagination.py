"""Page-number pagination whose page facts go to the envelope's meta, not the data."""

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class EnvelopePageNumberPagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_paginated_response(self, data):
        assert self.page is not None and self.request is not None  # set by paginate_queryset
        response = Response(data)
        response.envelope_meta = {  # type: ignore[attr-defined]
            "pagination": {
                "count": self.page.paginator.count,
                "page": self.page.number,
                "pages": self.page.paginator.num_pages,
                "page_size": self.get_page_size(self.request),
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
            }
        }
        return response
