"""The reports pages' addresses."""

urlpatterns = []
