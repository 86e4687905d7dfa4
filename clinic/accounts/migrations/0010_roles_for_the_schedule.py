from django.db import migrations

from clinic.accounts.roles import roles_sync_in_migration


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_roles_unlock_sign_ins"),
        ("infusions", "0004_appointments_hold_their_times"),
    ]

    operations = [migrations.RunPython(roles_sync_in_migration, migrations.RunPython.noop)]
