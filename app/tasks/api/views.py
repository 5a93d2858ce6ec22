"""/api/v1/tasks/: list (paginated, filtered), create, detail, update, delete, summary."""

from django.http import Http404
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from app.core.api.envelope import RenderedJSON, render_json
from app.core.api.pagination import EnvelopePageNumberPagination
from app.core.cache import READ_AHEAD
from app.tasks import selectors, services
from app.tasks.api import list_cache
from app.tasks.api.representations import represent_tasks
from app.tasks.api.serializers import TaskInputSerializer, TaskOutputSerializer
from app.tasks.caching import TASK_DETAIL, canonical_task_id
from app.users.auth import request_user


class TaskListCreateApi(APIView):
    def get(self, request: Request) -> Response:
        owner = request_user(request)

        def compute() -> list_cache.Page:
            filters = request.query_params.copy()
            for key in list_cache.PAGE_PARAMS:
                filters.pop(key, None)
            tasks = selectors.task_list(owner=owner, filters=filters)
            paginator = EnvelopePageNumberPagination()
            page = paginator.paginate_queryset(tasks, request, view=self)
            response = paginator.get_paginated_response(represent_tasks(page or []))
            return render_json(response.data), response.envelope_meta

        # Whole, from the cache, while none of the owner's tasks changed (list_cache.py).
        data, meta = list_cache.list_page(request, owner, compute)
        response = Response(RenderedJSON(data))
        response.envelope_meta = meta  # type: ignore[attr-defined]
        return response

    def post(self, request: Request) -> Response:
        serializer = TaskInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        task = services.task_create(owner=request_user(request), **serializer.validated_data)
        return Response(TaskOutputSerializer(task).data, status=status.HTTP_201_CREATED)


class TaskDetailApi(APIView):
    def cache_keys_with_user(self, user_id: object, task_id: str) -> list[str]:
        """Read with the signed-in user, in one round trip (app/users/api/authentication.py)."""
        canonical = canonical_task_id(task_id)
        if self.request.method != "GET" or canonical is None:
            return []
        return [TASK_DETAIL.key(user_id, canonical)]

    def get(self, request: Request, task_id: str) -> Response:
        canonical = canonical_task_id(task_id)
        if canonical is None:
            raise Http404("No such task")

        # Cache-aside on the serialized task; services invalidate it on every write.
        def load() -> dict:
            return dict(
                TaskOutputSerializer(
                    selectors.task_get(owner=request_user(request), task_id=task_id)
                ).data
            )

        return Response(
            TASK_DETAIL.get_or_set(
                request_user(request).pk,
                canonical,
                compute=load,
                read_ahead=getattr(request, READ_AHEAD, None),
            )
        )

    def patch(self, request: Request, task_id: str) -> Response:
        return self._update(request, task_id, partial=True)

    def put(self, request: Request, task_id: str) -> Response:
        return self._update(request, task_id, partial=False)

    def delete(self, request: Request, task_id: str) -> Response:
        task = selectors.task_get(owner=request_user(request), task_id=task_id)
        services.task_delete(task=task)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _update(self, request: Request, task_id: str, *, partial: bool) -> Response:
        task = selectors.task_get(owner=request_user(request), task_id=task_id)
        serializer = TaskInputSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        task = services.task_update(task=task, data=serializer.validated_data)
        return Response(TaskOutputSerializer(task).data)


class TaskSummaryApi(APIView):
    def get(self, request: Request) -> Response:
        return Response(selectors.task_summary(owner=request_user(request)))
