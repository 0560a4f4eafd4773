"""The IPC protocol is declared once: senders use it, and versions explain themselves."""

from __future__ import annotations

import ast
from pathlib import Path

from companion.services.commands import (
    PROTOCOL,
    Command,
    explain_reply,
    message,
    unknown_command,
)

PACKAGE = Path(__file__).resolve().parents[2] / "companion"


def test_a_message_names_its_command_and_protocol():
    assert message(Command.LOG_WATER, ml=250) == {
        "command": "log-water",
        "protocol": PROTOCOL,
        "ml": 250,
    }


def _literal_commands(path: Path) -> list[str]:
    """Dict literals with a "command" key: a message built by hand instead of message()."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Dict):
            for key in node.keys:
                if isinstance(key, ast.Constant) and key.value == "command":
                    found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_sender_builds_a_message_by_hand():
    offenders = [
        where
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "commands.py"
        for where in _literal_commands(path)
    ]
    assert offenders == []


def test_the_check_catches_a_hand_built_message(tmp_path):
    bad = tmp_path / "cli_bad.py"
    bad.write_text('SENT = {"command": "show"}\n')
    assert _literal_commands(bad) == ["cli_bad.py:1"]


def test_every_sent_command_is_declared():
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "Command"
            ):
                used.add(node.attr)
    declared = {c.name for c in Command}
    assert used - declared == set()
    # Each command has a sender somewhere (the app's own table aside).
    senders: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "message"
                and node.args
                and isinstance(node.args[0], ast.Attribute)
            ):
                senders.add(node.args[0].attr)
    assert declared - senders <= {"QUIT"}, declared - senders  # quit: packaging's smoke test


def test_a_newer_command_line_is_told_to_restart_the_app():
    reply = unknown_command({"command": "import-runs", "protocol": PROTOCOL + 1})
    assert reply["ok"] is False
    assert "newer than the Recovery Companion that is running" in reply["error"]
    assert "Quit the app and start it again" in reply["error"]
    assert unknown_command({"command": "nope"})["error"] == "unknown command 'nope'"


def test_an_older_app_is_named_as_older():
    old_reply = {"ok": False, "error": "unknown command 'timer'"}  # protocol 1: no version
    explained = explain_reply(message(Command.TIMER, kind="ice"), old_reply)
    assert "older than this command line" in explained["error"]
    assert "'timer'" in explained["error"]
    ok = {"ok": True, "protocol": PROTOCOL}
    assert explain_reply(message(Command.PING), ok) == ok
    refused = {"ok": False, "error": "Ice pack is not available now.", "protocol": PROTOCOL}
    assert explain_reply(message(Command.TIMER), refused) == refused
