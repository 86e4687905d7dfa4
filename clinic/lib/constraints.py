"""An exclusion constraint that PostgreSQL enforces and SQLite leaves to the code.

Django emits `EXCLUDE USING gist` for `ExclusionConstraint` on every database, so a plain one
breaks `migrate` on SQLite. This one writes no SQL off PostgreSQL; there the service that
writes the rows runs its own overlap query inside a transaction that holds SQLite's write
lock (`transaction_mode = "IMMEDIATE"` in settings), so two writers queue for it.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.db import connections


class PostgreSQLExclusionConstraint(ExclusionConstraint):
    def _on_postgresql(self, schema_editor) -> bool:
        return schema_editor.connection.vendor == "postgresql"

    def constraint_sql(self, model, schema_editor):
        return (
            super().constraint_sql(model, schema_editor)
            if self._on_postgresql(schema_editor)
            else None
        )

    def create_sql(self, model, schema_editor):
        return (
            super().create_sql(model, schema_editor) if self._on_postgresql(schema_editor) else None
        )

    def remove_sql(self, model, schema_editor):
        return (
            super().remove_sql(model, schema_editor) if self._on_postgresql(schema_editor) else None
        )

    def validate(self, model, instance, exclude=None, using="default"):
        if connections[using].vendor == "postgresql":
            super().validate(model, instance, exclude=exclude, using=using)
