"""What a file that is not an activity, or cannot be read, is said to be."""

from __future__ import annotations


class ActivityFileError(ValueError):
    """A file gave no activity; ``str(error)`` is the reason in plain words."""


class DamagedFileError(ActivityFileError):
    """The file is broken: cut short, a wrong checksum, not the format its name says,
    or refused (a zip bomb, a name that points outside its archive)."""


class NotAnActivityError(ActivityFileError):
    """A sound file that holds no activity: a watch's settings, a route without times."""
