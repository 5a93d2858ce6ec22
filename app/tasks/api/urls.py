from django.urls import path

from app.tasks.api import views

urlpatterns = [
    path("", views.TaskListCreateApi.as_view(), name="api-task-list"),
    path("summary", views.TaskSummaryApi.as_view(), name="api-task-summary"),
    path("<str:task_id>", views.TaskDetailApi.as_view(), name="api-task-detail"),
]
