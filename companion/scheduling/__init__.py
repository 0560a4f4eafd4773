"""Turning reminder rules into fired events (APScheduler adapter).

Reminder rules live in our own tables and are pure data in
``companion.domain``; this package feeds them to APScheduler at start and on
every edit. Jobs run on APScheduler's worker thread and only hand an event to
a callback; the UI layer marshals that callback onto the GUI thread. Nothing
here imports Qt (an import-linter contract and a test enforce it).
"""
