"""Demo data for trying the portal: locations, chairs, one user per role, a few patients.

Each installed app whose AppConfig has a `seed_demo(stdout=...)` adds its own part, in
INSTALLED_APPS order (accounts first, then locations, patients, screening), so this command
imports none of them. Idempotent: running it again changes nothing but resetting the demo
passwords, so README's passwords stay true. Never run it on a production database.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from clinic.accounts.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Create demo locations, chairs and users (idempotent). Not for production."

    @transaction.atomic
    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            if hasattr(config, "seed_demo"):
                config.seed_demo(stdout=self.stdout)
        self.stdout.write(f"Every demo user's password: {DEMO_PASSWORD}")
