"""/api/v1: each app mounts its own api/urls.py here."""

from django.urls import include, path

from app.search.api.views import SearchApi

urlpatterns = [
    path("tasks/", include("app.tasks.api.urls")),
    path("search", SearchApi.as_view(), name="api-search"),
]
