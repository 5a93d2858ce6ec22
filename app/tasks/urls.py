from django.urls import path

from app.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.task_list, name="list"),
    path("new/", views.task_create, name="create"),
    path("<str:task_id>/", views.task_detail, name="detail"),
    path("<str:task_id>/edit/", views.task_edit, name="edit"),
    path("<str:task_id>/delete/", views.task_delete, name="delete"),
    path("<str:task_id>/status/", views.task_set_status, name="set-status"),
]
