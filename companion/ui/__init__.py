"""Widgets, tray and notifications. The UI talks to domain and storage, never the reverse."""

from companion.pyside_guard import protect_singletons, skip_source_scans

protect_singletons()  # before any PySide6 call: see companion/pyside_guard.py
skip_source_scans()  # start-up time: see companion/pyside_guard.py
