"""The rules of recovery, in plain Python.

No Qt, no files, no database: everything here takes data and a ``now`` and
returns data, so every rule is tested without a QApplication or a clock.
"""
