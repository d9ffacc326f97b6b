"""Every command is registered once, listed by ``summarize --help``, has help text and is
documented in the README (as sqlite-utils checks its commands)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarize.cli.app import SUBCOMMANDS, command_help, main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = out.split("commands", 1)[1]
    for name in SUBCOMMANDS:
        assert re.search(rf"^  summarize {re.escape(name)} +\S", listed, re.MULTILINE), name


@pytest.mark.parametrize("name", sorted(SUBCOMMANDS))
def test_every_command_has_help_and_a_readme_mention(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert len(command_help(name)) > 10
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: summarize {name}")
    assert f"summarize {name}" in README, f"the README does not mention summarize {name}"


def test_commands_use_only_public_helpers() -> None:
    # Command modules reach the shared helpers through summarize.cli.common's public names.
    for path in sorted((ROOT / "summarize" / "cli").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bcli\._[a-z_A-Z]", text), path.name
        assert "._actions" not in text or path.name == "common.py", path.name
