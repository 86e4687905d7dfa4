from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "clinic.content"
    label = "content"
    verbose_name = "Public content"
    # What public pages show: a change to these tables refreshes the cached pages.
    public_content_models = ("Page", "FAQEntry", "FAQCategory")
