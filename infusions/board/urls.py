"""The board pages' addresses."""

urlpatterns: list = []
