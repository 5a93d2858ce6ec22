from django.contrib import admin

from app.tasks import services
from app.tasks.caching import invalidate_task_on_commit
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

    # The admin writes the rows itself, past the services: each write invalidates what
    # services.py would, on commit (the old owner's pages too when the owner changes).
    def save_model(self, request, obj, form, change):
        old_owner = Task.all_objects.filter(pk=obj.pk).values_list("owner_id", flat=True).first()
        super().save_model(request, obj, form, change)
        for owner_id in {old_owner, obj.owner_id} - {None}:
            invalidate_task_on_commit(owner_id, obj.pk)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        invalidate_task_on_commit(obj.owner_id, obj.pk)

    def delete_queryset(self, request, queryset):
        written = list(queryset.values_list("owner_id", "pk"))
        super().delete_queryset(request, queryset)
        for owner_id, task_id in written:
            invalidate_task_on_commit(owner_id, task_id)


@admin.register(OverdueDigest)
class OverdueDigestAdmin(admin.ModelAdmin):
    list_display = ("user", "day", "task_count", "sent_at")
    list_select_related = ("user",)
