from django.db import migrations
from django.utils import timezone

from screening.questions import DEFAULT_QUESTIONS


def seed_questionnaire(apps, schema_editor):
    """Publish version 1 of the questionnaire unless a version exists already."""
    QuestionnaireVersion = apps.get_model("screening", "QuestionnaireVersion")
    Question = apps.get_model("screening", "Question")
    if QuestionnaireVersion.objects.exists():
        return
    version = QuestionnaireVersion.objects.create(
        number=1, change_note="Shipped with the portal", published_at=timezone.now()
    )
    Question.objects.bulk_create(
        Question(
            version=version,
            position=position,
            code=spec.code,
            section=spec.section,
            kind=spec.kind,
            text=spec.text,
            help_text=spec.help_text,
            flag_severity=spec.flag_severity,
            flag_reason=spec.flag_reason,
        )
        for position, spec in enumerate(DEFAULT_QUESTIONS, start=1)
    )


class Migration(migrations.Migration):
    dependencies = [("screening", "0003_questionnaire_and_review")]

    operations = [migrations.RunPython(seed_questionnaire, migrations.RunPython.noop)]
