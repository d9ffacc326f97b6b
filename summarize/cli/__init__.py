"""The command line: ``app`` parses the top-level command and dispatches to one module per
command (``batch``, ``evaluate``, ``headline``)."""

from summarize.cli.app import main

__all__ = ["main"]
