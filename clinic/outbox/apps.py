from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "clinic.outbox"
    label = "outbox"
    verbose_name = "E-mail outbox"
