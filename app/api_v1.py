"""/api/v1: each app mounts its own api/urls.py here."""

from django.urls import include, path

urlpatterns = [
    path("tasks/", include("app.tasks.api.urls")),
]
