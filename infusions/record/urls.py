"""The record pages' addresses."""

urlpatterns = []
