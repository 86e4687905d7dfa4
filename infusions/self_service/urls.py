"""The self_service pages' addresses."""

urlpatterns: list = []
