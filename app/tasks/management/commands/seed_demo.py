"""Load demo data: a realistic to-do list for one user. Safe to run again."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from app.tasks import services
from app.tasks.models import Task
from app.users.models import User

DEMO_TASKS = [
    (
        "Send the overdue invoice reminders",
        "Accounts receivable: three clients are past 30 days.",
        "todo",
        4,
        -3,
    ),
    (
        "Renew the TLS certificate for the API",
        "Expires soon; rotate the key too.",
        "in_progress",
        3,
        2,
    ),
    ("Write the Q3 planning notes", "Goals, risks and staffing for next quarter.", "todo", 2, 10),
    (
        "Review pull request for search ranking",
        "Check BM25 parameters and the tests.",
        "todo",
        3,
        1,
    ),
    ("Back up the production database", "Verify the restore on staging afterwards.", "done", 4, -1),
    ("Book travel for the team offsite", "Flights and a hotel near the venue.", "todo", 1, 21),
    ("Update the onboarding checklist", "Add the new laptop setup steps.", "in_progress", 2, None),
    ("Fix flaky login rate-limit test", "It fails when the cache is cold.", "todo", 3, -7),
]


class Command(BaseCommand):
    help = "Give a user (default: the admin) a sample to-do list, unless they have tasks already."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="admin@example.com")

    @transaction.atomic
    def handle(self, *args, email: str, **options):
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user with email {email!r}; run ensure_admin first.")
        if Task.all_objects.filter(owner=user).exists():
            self.stdout.write("Demo data already loaded.")
            return
        today = timezone.localdate()
        for title, description, status, priority, due_in in DEMO_TASKS:
            services.task_create(
                owner=user,
                title=title,
                description=description,
                status=status,
                priority=priority,
                due_date=today + datetime.timedelta(days=due_in) if due_in is not None else None,
            )
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(DEMO_TASKS)} demo tasks for {email}."))
