from django.db import migrations
from django.utils import timezone

from clinic.content.default_content import FAQ, PAGES


def add_default_content(apps, schema_editor):
    """Publish the pages and questions a new clinic starts with; existing ones are left alone."""
    Page = apps.get_model("content", "Page")
    FAQCategory = apps.get_model("content", "FAQCategory")
    FAQEntry = apps.get_model("content", "FAQEntry")
    now = timezone.now()
    for page in PAGES:
        Page.objects.get_or_create(
            slug=page["slug"],
            defaults={
                "title": page["title"],
                "summary": page["summary"],
                "body": page["body"],
                "nav_order": page["nav_order"],
                "published_title": page["title"],
                "published_summary": page["summary"],
                "published_body": page["body"],
                "published_at": now,
            },
        )
    for category_order, group in enumerate(FAQ, start=1):
        category, _ = FAQCategory.objects.get_or_create(
            name=group["category"], defaults={"order": category_order * 10}
        )
        for entry_order, entry in enumerate(group["entries"], start=1):
            FAQEntry.objects.get_or_create(
                category=category,
                question=entry["question"],
                defaults={"answer": entry["answer"], "order": entry_order * 10, "is_published": True},
            )


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(add_default_content, migrations.RunPython.noop)]
