from django.db import migrations

from clinic.accounts.roles import roles_sync_in_migration


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_roles_for_intake"),
        ("screening", "0004_seed_questionnaire"),
        ("infusions", "0001_infusion_appointments"),
        ("audit", "0001_access_log"),
    ]

    operations = [migrations.RunPython(roles_sync_in_migration, migrations.RunPython.noop)]
