"""Storage for files that must never be served as public URLs (ID photos, signed PDFs).

Files live under MEDIA_ROOT/private and have no URL: a view that checks who is asking
streams them.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import LazyObject


class PrivateFileSystemStorage(FileSystemStorage):
    """A file system storage without URLs (FileSystemStorage would fall back on MEDIA_URL)."""

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL; a view that checks access serves them.")


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = PrivateFileSystemStorage(
            location=settings.MEDIA_ROOT / "private", file_permissions_mode=0o600
        )


private_storage = _PrivateStorage()


def private_storage_callable():
    return private_storage
