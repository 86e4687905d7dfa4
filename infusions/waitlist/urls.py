"""The waitlist pages' addresses."""

urlpatterns: list = []
