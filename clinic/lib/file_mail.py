"""Django's file mailer, with a file of its own for every connection in every process.

Django names the file by the second and the backend object's id; the processes a Celery
worker forks can hold an object at the same id, and in the same second two of them append
to one file. The process id and a random part keep them apart."""

import datetime
import os
import uuid

from django.core.mail.backends.filebased import EmailBackend as DjangoFileBackend


class EmailBackend(DjangoFileBackend):
    def _get_filename(self):
        if self._fname is None:
            timestamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
            name = f"{timestamp}-{os.getpid()}-{uuid.uuid4().hex[:12]}.log"
            self._fname = os.path.join(self.file_path, name)
        return self._fname
