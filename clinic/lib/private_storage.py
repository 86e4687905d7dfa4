"""Storage for files that must never be served as public URLs (ID photos, signed PDFs).

The files have no URL: a view that checks who is asking streams them. Where they live is
settings' STORAGES["private"]: this server's disk (MEDIA_ROOT/private) by default, or an
S3-compatible bucket when more than one web node serves the portal (README, production).
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import LazyObject, cached_property
from storages.backends.s3 import S3Storage


class NoURLs:
    """Refuses the one thing a storage would otherwise hand out: an address for a file."""

    def url(self, name, *args, **kwargs):
        raise ValueError("Private files have no URL; a view that checks access serves them.")


class PrivateFileSystemStorage(NoURLs, FileSystemStorage):
    """MEDIA_ROOT/private unless given a location, readable by the server's user alone."""

    def __init__(self, location=None, file_permissions_mode=0o600, **kwargs):
        super().__init__(location=location, file_permissions_mode=file_permissions_mode, **kwargs)

    @cached_property
    def base_location(self):
        # Follows MEDIA_ROOT when it changes (the mixin forgets this cached value then).
        return self._value_or_setting(self._location, Path(settings.MEDIA_ROOT) / "private")

    @property
    def base_url(self):
        return None


class PrivateS3Storage(NoURLs, S3Storage):
    """An S3-compatible bucket: never public, never overwriting, encrypted at rest where the
    server supports it (settings)."""

    def get_default_settings(self):
        return {
            **super().get_default_settings(),
            "default_acl": None,  # the bucket's own policy, which must not be public
            "file_overwrite": False,  # a signed consent's PDF is written once
        }


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


private_storage = _PrivateStorage()


def private_storage_callable():
    return private_storage
