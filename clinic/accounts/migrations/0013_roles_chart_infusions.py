from django.db import migrations

from clinic.accounts.roles import roles_sync_in_migration


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0012_roles_see_reminders"),
        ("infusions", "0012_infusion_record"),
    ]

    operations = [migrations.RunPython(roles_sync_in_migration, migrations.RunPython.noop)]
