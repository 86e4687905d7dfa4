"""The outcomes pages' addresses."""

urlpatterns = []
