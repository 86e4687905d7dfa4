"""The plans pages' addresses."""

urlpatterns: list = []
