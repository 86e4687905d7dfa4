from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "clinic.content"
    label = "content"
    verbose_name = "Public content"
