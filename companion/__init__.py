"""Recovery Companion: a desktop companion for sore legs.

Kept import-light on purpose: ``recovery-companion --version`` and the command
line read this module before Qt, sqlite-utils or APScheduler are loaded.
"""

__version__ = "0.1.0"
APP_NAME = "Recovery Companion"
APP_ID = "recovery-companion"
