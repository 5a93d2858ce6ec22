"""Filters shared by the task list page and the API (django-filter validates the values)."""

import django_filters

from app.tasks.models import Task


class TaskFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="Title")
    status = django_filters.ChoiceFilter(choices=Task.Status.choices)
    # ChoiceFilter (not Typed…) so the form offers an empty "any" choice instead of preselecting.
    priority = django_filters.ChoiceFilter(choices=Task.Priority.choices)
    due_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")
    due_after = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    ordering = django_filters.OrderingFilter(
        fields=(("created_at", "created"), ("due_date", "due"), ("priority", "priority"))
    )

    class Meta:
        model = Task
        fields = ["q", "status", "priority", "due_before", "due_after"]
