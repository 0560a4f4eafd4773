"""Reminders and timers: the Reminders page and its editor, the reminder center's
prompts and desktop notifications, pausing, and the therapy timer window."""
