from django.db import migrations
from django.utils import timezone

from patients import consent_default


def publish_default_consent(apps, schema_editor):
    """Publish consent version 1.0 unless the clinic has a consent already."""
    ConsentDocument = apps.get_model("patients", "ConsentDocument")
    if ConsentDocument.objects.exists():
        return
    ConsentDocument.objects.create(
        major=1,
        minor=0,
        title=consent_default.TITLE,
        introduction=consent_default.INTRODUCTION,
        sections=[dict(section) for section in consent_default.SECTIONS],
        change_note="Shipped with the portal",
        published_at=timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [("patients", "0003_consent_documents_and_signatures")]

    operations = [migrations.RunPython(publish_default_consent, migrations.RunPython.noop)]
