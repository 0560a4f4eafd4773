"""Widgets, tray and notifications. The UI talks to domain and storage, never the reverse."""
