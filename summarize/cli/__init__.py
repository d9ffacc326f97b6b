"""The command line: ``app`` dispatches the first argument to a command registered in
:data:`~summarize.cli.app.SUBCOMMANDS` (one module per command: ``batch``, ``evaluate``,
``headline``) or runs the default command; ``common`` holds what the commands share."""

from summarize.cli.app import main

__all__ = ["main"]
