"""Subcommands of the ``summarize`` command line, one module each, loaded when used."""
