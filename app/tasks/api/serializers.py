"""Input and output shapes of the tasks API, kept apart as the styleguide recommends."""

from rest_framework import serializers

from app.tasks.models import Task


class TaskOutputSerializer(serializers.ModelSerializer):
    owner = serializers.UUIDField(source="owner.public_id", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Task
        fields = [
            "id",
            "title",
            "description",
            "status",
            "priority",
            "due_date",
            "owner",
            "is_overdue",
            "completed_at",
            "created_at",
            "updated_at",
        ]


class TaskInputSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=Task.Status.choices, required=False)
    priority = serializers.ChoiceField(choices=Task.Priority.choices, required=False)
    due_date = serializers.DateField(required=False, allow_null=True)

    def validate_title(self, value: str) -> str:
        value = value.strip()
        if not value:
            raise serializers.ValidationError("This field may not be blank.")
        return value
