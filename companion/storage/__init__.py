"""The app's one SQLite file: opening it safely, migrations, repositories."""

from companion.storage.database import (
    Database,
    DatabaseError,
    DatabaseTooNewError,
    OpenedDatabase,
    open_database,
)

__all__ = ["Database", "DatabaseError", "DatabaseTooNewError", "OpenedDatabase", "open_database"]
