"""Everything the first Quick start command does before serving, in one process (one Django
start-up instead of three): migrate, create the admin once, load demo data once."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Migrate, ensure the admin account and load demo data (each step idempotent)."

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        # By name, so core does not import the apps that own these commands.
        call_command("ensure_admin", stdout=self.stdout)
        call_command("seed_demo", stdout=self.stdout)
