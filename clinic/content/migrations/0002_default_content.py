from django.db import migrations
from django.utils import timezone

from clinic.content.default_content import FAQ, PAGES
from clinic.lib.history import record_first_history

SHIPPED = "Shipped with the portal"


def add_default_content(apps, schema_editor):
    """Publish the pages and questions a new clinic starts with; existing ones are left alone."""
    Page = apps.get_model("content", "Page")
    FAQCategory = apps.get_model("content", "FAQCategory")
    FAQEntry = apps.get_model("content", "FAQEntry")
    now = timezone.now()
    history = {
        model: apps.get_model("content", f"Historical{model.__name__}")
        for model in (Page, FAQCategory, FAQEntry)
    }
    for page in PAGES:
        obj, created = Page.objects.get_or_create(
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
        if created:
            record_first_history(history[Page], obj, when=now, reason=SHIPPED)
    for category_order, group in enumerate(FAQ, start=1):
        category, created = FAQCategory.objects.get_or_create(
            name=group["category"], defaults={"order": category_order * 10}
        )
        if created:
            record_first_history(history[FAQCategory], category, when=now, reason=SHIPPED)
        for entry_order, entry in enumerate(group["entries"], start=1):
            obj, created = FAQEntry.objects.get_or_create(
                category=category,
                question=entry["question"],
                defaults={"answer": entry["answer"], "order": entry_order * 10, "is_published": True},
            )
            if created:
                record_first_history(history[FAQEntry], obj, when=now, reason=SHIPPED)


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(add_default_content, migrations.RunPython.noop)]
