"""The ``summarize`` command line: the top-level dispatch and the default command.

``main()`` returns the exit status: 0 on success, 2 for a problem with the input or the
options (one ``summarize: error:`` line on stderr), 1 for an internal error, 130 when
interrupted. A first argument naming a command in :data:`SUBCOMMANDS` is dispatched to it;
anything else is the default command, which summarizes the paths it is given. Every command
is built over the public helpers of :mod:`summarize.cli.common`.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from importlib import import_module

from summarize import __version__
from summarize.cli.common import (
    DEBUG_ENV,
    PROG,
    Parser,
    SafeConsole,
    UsageError,
    add_input_options,
    add_summary_options,
    error,
    input_options,
    os_message,
    parse,
    say,
    silence_stdout,
    summary_options,
    warn,
)
from summarize.digest.pipeline import check_scorer, digest
from summarize.errors import SummarizeError
from summarize.inputs.read import DocumentSet, read_inputs
from summarize.model import Summary
from summarize.options import DigestOptions
from summarize.render.digest import render, render_digests
from summarize.render.formats import OUTPUT_FORMAT_NAMES
from summarize.scorers import scorers
from summarize.selectors import selectors
from summarize.text.tokens import check_language

# Commands by name -> the module (under summarize.cli) whose ``run(argv) -> int`` takes the
# remaining arguments and returns an exit status; imported only when used. Errors they
# raise are reported like the default command's. The one place commands are registered:
# ``summarize --help`` lists these. A module's ``HELP`` (else the first line of its
# docstring, after the ``summarize name``: part) is its one-line help.
SUBCOMMANDS: dict[str, str] = {
    "headline": "headline",
    "eval": "evaluate",
    "batch": "batch",
}

EXAMPLES = (
    "examples:\n"
    "  summarize article.txt\n"
    "  summarize corpus/story/ --sentences 3 --format markdown\n"
    "  summarize corpus/story/ --explain\n"
    "  summarize monday/ tuesday/ --format json\n"
    "  summarize clusters.jsonl --format text\n"
    "  cat article.txt | summarize - --scorer lexrank --words 60\n"
    "  summarize https://example.org/news/story.html notes.md\n"
    "\n"
    f"Set {DEBUG_ENV}=1 to see a traceback on internal errors."
)


def command_help(name: str) -> str:
    """The one-line help of the command ``name`` of :data:`SUBCOMMANDS`."""
    module = import_module(f"summarize.cli.{SUBCOMMANDS[name]}")
    text = getattr(module, "HELP", None) or (module.__doc__ or "").strip().split("\n")[0]
    if text.startswith("``") and "``:" in text:
        text = text.split("``:", 1)[1]
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:]


def commands_text() -> str:
    """The ``commands:`` section of ``summarize --help``: every command with its help."""
    width = max(len(name) for name in SUBCOMMANDS)
    lines = [f"  {PROG} {name:<{width}}  {command_help(name)}" for name in sorted(SUBCOMMANDS)]
    return "\n".join(["commands (run one with --help for its options):", *lines])


class _MainParser(Parser):
    """The default command's parser; its help lists every command (the command modules are
    imported only when the help is shown)."""

    def format_help(self) -> str:
        self.epilog = f"{commands_text()}\n\n{EXAMPLES}"
        return super().format_help()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            if args and args[0] in SUBCOMMANDS:
                module = import_module(f"summarize.cli.{SUBCOMMANDS[args[0]]}")
                return int(module.run(args[1:]))
            return run_summarize(args)
        finally:
            sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except SummarizeError as exc:
        error(str(exc))
        return 2
    except OSError as exc:
        error(os_message(exc))
        return 2
    except Exception as exc:
        if os.environ.get(DEBUG_ENV) == "1":
            traceback.print_exc()
        message = str(exc) or type(exc).__name__
        say("internal error", f"{type(exc).__name__}: {message}")
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The default command's options."""
    parser = _MainParser(
        prog=PROG,
        description=(
            "Summarize news offline by picking the most informative sentences.\n"
            "Files, one folder, or a mix of files and folders make one digest of all the\n"
            "sources together: boilerplate is dropped, sentences that several sources\n"
            "carry are shown once and favoured, and each digest sentence names its\n"
            "sources. Two or more folders make one digest per folder; a .jsonl file of\n"
            "clusters (one JSON object per line) makes one digest per line."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a text, Markdown or HTML file, an http(s):// URL, a folder (its files, not "
        "sub-folders), a .jsonl file of clusters, "
        "or - for standard input",
    )
    add_summary_options(parser)
    add_input_options(parser)
    parser.add_argument(
        "--format",
        choices=OUTPUT_FORMAT_NAMES,
        help="output format (default: rich on a terminal, text otherwise)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also show what became of every sentence: its score, and whether it was chosen, "
        "kept, merged as a duplicate or dropped as boilerplate, and why",
    )
    parser.add_argument(
        "--list-scorers", action="store_true", help="print the available scorers and exit"
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="show the version"
    )
    return parser


def run_summarize(argv: list[str]) -> int:
    """The default command: summarize the given paths."""
    options = parse(build_parser(), argv)
    if isinstance(options, int):
        return options
    if options.list_scorers:
        sys.stdout.write("".join(f"{name}\n" for name in scorers.names()))
        return 0
    if not options.paths:
        raise UsageError("no input given; name a file, a folder, or - for standard input")
    # Check the cheap options before reading anything.
    check_scorer(options.scorer)
    selectors.get(options.selector)
    language = check_language(options.language)

    sets, warnings = read_inputs(options.paths, language=language, **input_options(options))
    for warning in warnings:
        warn(warning)
    # Every digest is made before any is shown, so a problem leaves no partial output.
    settings = summary_options(options)
    digests = [(s, _digest(s, settings)) for s in sets]
    console = SafeConsole()
    fmt = options.format or ("rich" if console.is_terminal else "text")
    if fmt == "text":  # the other formats show the notes themselves
        for s, summary in digests:
            for note in summary.notes:
                warn(note if s.id is None else f"{s.id}: {note}")
    if len(digests) == 1 and digests[0][0].id is None:
        render(digests[0][1], fmt, console, explain=options.explain)
    else:
        named = [(s.id or s.origin, summary) for s, summary in digests]
        render_digests(named, fmt, console, explain=options.explain)
    return 0


def _digest(documents: DocumentSet, options: DigestOptions) -> Summary:
    """One digest of a set of documents, with the options' budget or else the set's own."""
    try:
        return digest(documents.documents, options.for_cluster(documents.budget))
    except SummarizeError as exc:
        if documents.id is None:
            raise
        raise SummarizeError(f"{documents.origin}: {exc}") from None
