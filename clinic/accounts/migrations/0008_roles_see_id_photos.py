from django.db import migrations

from clinic.accounts.roles import roles_sync_in_migration


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0007_roles_for_two_step_sign_in"),
        ("patients", "0005_patient_id_photo_uploaded_at"),
    ]

    operations = [migrations.RunPython(roles_sync_in_migration, migrations.RunPython.noop)]
