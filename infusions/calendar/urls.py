"""The calendar pages' addresses."""

urlpatterns: list = []
