from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand

from clinic.accounts.roles import ROLE_PERMISSIONS, roles_sync


class Command(BaseCommand):
    help = "Create the role groups and give each exactly the permissions the code names."

    def handle(self, *args, **options):
        roles_sync(group_model=Group, permission_model=Permission)
        for role, perms in ROLE_PERMISSIONS.items():
            self.stdout.write(f"{role.value}: {len(perms)} permission(s)")
