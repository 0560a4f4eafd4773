"""Routines: the Routines page, the user's own routines and their editor, the guided
player and its pose drawings."""
