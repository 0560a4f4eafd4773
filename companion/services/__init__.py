"""Use cases, each written once and used by the window, IPC and the command line.

No Qt here (an import-linter contract and tests/test_layering.py say so): a
service takes the database, the clock and the content, and answers in plain
data. ``safety`` is the one gate every action asks before it happens.
"""
