from django.db import migrations

from clinic.accounts.roles import roles_sync_in_migration


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_roles_for_consent"),
        ("otp_totp", "0003_add_timestamps"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(roles_sync_in_migration, migrations.RunPython.noop)]
