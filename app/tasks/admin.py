from django.contrib import admin

from app.tasks import services
from app.tasks.models import OverdueDigest, Task


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("title", "owner", "status", "priority", "due_date", "deleted_at")
    list_filter = ("status", "priority", "deleted_at")
    search_fields = ("title", "description", "owner__email")
    list_select_related = ("owner",)
    raw_id_fields = ("owner",)
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        # Admins see soft-deleted tasks too, so they can restore them.
        return Task.all_objects.select_related("owner")

    @admin.action(description="Restore selected tasks")
    def restore(self, request, queryset):
        # Through the service, so caches and search indexes follow.
        for task in queryset.filter(deleted_at__isnull=False):
            services.task_restore(task=task)

    actions = ["restore"]


@admin.register(OverdueDigest)
class OverdueDigestAdmin(admin.ModelAdmin):
    list_display = ("user", "day", "task_count", "sent_at")
    list_select_related = ("user",)
