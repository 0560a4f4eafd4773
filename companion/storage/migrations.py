"""Numbered forward migrations.

The schema version lives in ``PRAGMA user_version``. At start every
migration above it runs, in order, inside one transaction together with the
version bump, so a failure leaves the file exactly as it was. Migrations are
append-only: never edit one that has shipped; add the next number instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "settings",
        (
            """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL,        -- JSON
                updated_at TEXT NOT NULL    -- ISO 8601 with offset
            )
            """,
        ),
    ),
)


def latest_version(migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    return max((m.version for m in migrations), default=0)


def check_sequence(migrations: tuple[Migration, ...]) -> None:
    """Versions must run 1, 2, 3... with no gap or repeat."""
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migration versions must be 1..n in order, got {versions}")
