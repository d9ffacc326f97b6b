"""The ``summarize`` command: parse options, call the library, hand the result to the renderer.

``main()`` returns the exit status: 0 on success, 2 for a problem with the input or the
options (one ``summarize: error:`` line on stderr), 1 for an internal error, 130 when
interrupted. A first argument naming a subcommand in :data:`SUBCOMMANDS` is dispatched to it;
anything else is the default command, which summarizes the paths it is given.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import NoReturn

from rich.console import Console

from summarize import __version__
from summarize.digest.pipeline import (
    AUTO,
    DEFAULT_CORROBORATION,
    DEFAULT_DUPLICATES,
    DEFAULT_REDUNDANCY,
    DEFAULT_SCORER,
    DEFAULT_SELECTOR,
    DEFAULT_WORDS,
    MULTI_DOCUMENT_SCORER,
    SINGLE_DOCUMENT_SCORER,
    check_scorer,
    summarize,
)
from summarize.errors import SummarizeError
from summarize.inputs.formats import FORMATS as INPUT_FORMATS
from summarize.inputs.read import DEFAULT_MAX_CHARS, DocumentSet, read_inputs
from summarize.model import Budget, Summary
from summarize.render.views import FORMATS, render, render_digests
from summarize.scorers import scorers
from summarize.selectors import selectors
from summarize.selectors.budget import ORDERS
from summarize.text.tokens import check_language

PROG = "summarize"
DEBUG_ENV = "SUMMARIZE_DEBUG"
BUDGET_OPTIONS = ("sentences", "words", "chars", "ratio")

# Subcommands by name -> the module (under summarize.cli) whose ``run(argv) -> int``
# takes the remaining arguments and returns an exit status; imported only when used. Errors
# they raise are reported like the default command's.
SUBCOMMANDS: dict[str, str] = {
    "headline": "headline",
    "eval": "evaluate",
    "batch": "batch",
    "rouge": "rouge",
}


class UsageError(SummarizeError):
    """A bad command line, reported like any other error (one line, exit status 2)."""


class _Console(Console):
    """A console that lets a closed pipe reach :func:`main` (rich would exit with status 1)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are exceptions rather than a usage block and exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


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
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except SummarizeError as exc:
        _error(str(exc))
        return 2
    except OSError as exc:
        _error(_os_message(exc))
        return 2
    except Exception as exc:
        if os.environ.get(DEBUG_ENV) == "1":
            traceback.print_exc()
        message = str(exc) or type(exc).__name__
        _say("internal error", f"{type(exc).__name__}: {message}")
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The default command's options."""
    parser = _Parser(
        prog=PROG,
        description=(
            "Summarize news offline by picking the most informative sentences.\n"
            "Files, one folder, or a mix of files and folders make one digest of all the\n"
            "sources together: boilerplate is dropped, sentences that several sources\n"
            "carry are shown once and favoured, and each digest sentence names its\n"
            "sources. Two or more folders make one digest per folder; a .jsonl file of\n"
            "clusters (one JSON object per line) makes one digest per line."
        ),
        epilog=(
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
        choices=FORMATS,
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


def add_summary_options(parser: argparse.ArgumentParser) -> None:
    """The options every command that makes digests shares: scorer, budget, order,
    redundancy, cleaning, merging, corroboration, headline and language. Read them back
    with :func:`summary_options`."""
    parser.add_argument(
        "--scorer",
        default=DEFAULT_SCORER,
        metavar="NAME",
        help=f"how sentences are scored (default: {AUTO}: {SINGLE_DOCUMENT_SCORER} for one "
        f"document, {MULTI_DOCUMENT_SCORER} for several; see --list-scorers)",
    )
    budget = parser.add_argument_group(
        "length of the summary",
        f"Give at most one; the default is --words {DEFAULT_WORDS}, or a .jsonl cluster's "
        "own budget.",
    ).add_mutually_exclusive_group()
    budget.add_argument("--sentences", type=_positive_int, metavar="N", help="at most N sentences")
    budget.add_argument("--words", type=_positive_int, metavar="N", help="at most N words")
    budget.add_argument(
        "--chars", type=_positive_int, metavar="N", help="at most N bytes of UTF-8 text"
    )
    budget.add_argument(
        "--ratio",
        type=_fraction("ratio"),
        metavar="R",
        help="at most this fraction of the input's words, in (0, 1]",
    )
    parser.add_argument(
        "--selector",
        default=DEFAULT_SELECTOR,
        metavar="NAME",
        help="how sentences are chosen within the budget: greedy (best score first, "
        "skipping repeats), submodular (coverage with diversity) or ilp (concept coverage) "
        f"(default: {DEFAULT_SELECTOR})",
    )
    parser.add_argument(
        "--order",
        choices=ORDERS,
        default="source",
        help="order of the chosen sentences: as in the sources, or best first (default: source)",
    )
    redundancy = parser.add_mutually_exclusive_group()
    redundancy.add_argument(
        "--redundancy",
        type=_fraction("redundancy"),
        default=DEFAULT_REDUNDANCY,
        metavar="X",
        help="skip a sentence whose similarity to a chosen one reaches X, in (0, 1] "
        f"(default: {DEFAULT_REDUNDANCY})",
    )
    redundancy.add_argument(
        "--no-redundancy",
        dest="redundancy",
        action="store_const",
        const=None,
        help="keep near-duplicate sentences",
    )
    digest = parser.add_argument_group("multi-source digests")
    digest.add_argument(
        "--keep-boilerplate",
        action="store_true",
        help="keep captions, credits, stubs, teasers and web notices instead of dropping them",
    )
    merging = digest.add_mutually_exclusive_group()
    merging.add_argument(
        "--duplicates",
        type=_fraction("duplicates"),
        default=DEFAULT_DUPLICATES,
        metavar="X",
        help="show sentences whose similarity reaches X once, credited to every source "
        f"carrying them, X in (0, 1] (default: {DEFAULT_DUPLICATES})",
    )
    merging.add_argument(
        "--no-merge",
        dest="duplicates",
        action="store_const",
        const=None,
        help="do not merge near-duplicate sentences",
    )
    digest.add_argument(
        "--corroboration",
        type=_non_negative,
        default=DEFAULT_CORROBORATION,
        metavar="X",
        help="favour sentences that several sources carry: the score of one that k sources "
        f"carry is multiplied by 1 + X(k - 1); 0 turns this off (default: {DEFAULT_CORROBORATION})",
    )
    digest.add_argument(
        "--no-headline",
        dest="headline",
        action="store_false",
        help="do not put a generated headline above the digest",
    )
    parser.add_argument(
        "--language",
        default="english",
        metavar="LANG",
        help="language of the inputs, for stop words and stemming (default: english)",
    )


def summary_options(options: argparse.Namespace, budget: Budget | None = None) -> dict[str, object]:
    """Keyword arguments for :func:`summarize.summarize` from parsed summary options; the
    ``budget`` (a cluster's own) applies when no budget option was given."""
    limits = {name: getattr(options, name) for name in BUDGET_OPTIONS}
    if all(value is None for value in limits.values()) and budget is not None:
        limits.update(budget.as_dict())
    return {
        "scorer": options.scorer,
        "selector": options.selector,
        **limits,
        "order": options.order,
        "redundancy": options.redundancy,
        "duplicates": options.duplicates,
        "corroboration": options.corroboration,
        "keep_boilerplate": options.keep_boilerplate,
        "headline": options.headline,
        "language": check_language(options.language),
    }


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """How inputs are read: their format and the size limit. Read them back with
    :func:`input_options`."""
    group = parser.add_argument_group("inputs")
    group.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        default="auto",
        help="read every input as this format (default: auto, from the web server's media "
        "type, the file extension and the content)",
    )
    group.add_argument(
        "--max-chars",
        type=_positive_int,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse an input longer than N characters (default: {DEFAULT_MAX_CHARS})",
    )


def input_options(options: argparse.Namespace) -> dict[str, object]:
    """Keyword arguments for :func:`summarize.inputs.read.read_inputs` and ``read_documents``
    from parsed input options."""
    return {"input_format": options.input_format, "max_chars": options.max_chars}


def run_summarize(argv: list[str]) -> int:
    """The default command: summarize the given paths."""
    options = _parse(build_parser(), argv)
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
        _warn(warning)
    # Every digest is made before any is shown, so a problem leaves no partial output.
    digests = [(s, _digest(s, options, language)) for s in sets]
    console = _Console()
    fmt = options.format or ("rich" if console.is_terminal else "text")
    if fmt == "text":  # the other formats show the notes themselves
        for s, summary in digests:
            for note in summary.notes:
                _warn(note if s.id is None else f"{s.id}: {note}")
    if len(digests) == 1 and digests[0][0].id is None:
        render(digests[0][1], fmt, console, explain=options.explain)
    else:
        named = [(s.id or s.origin, summary) for s, summary in digests]
        render_digests(named, fmt, console, explain=options.explain)
    return 0


def _digest(documents: DocumentSet, options: argparse.Namespace, language: str) -> Summary:
    """One digest of a set of documents, with the options' budget or else the set's own."""
    try:
        return summarize(documents.documents, **summary_options(options, documents.budget))
    except SummarizeError as exc:
        if documents.id is None:
            raise
        raise SummarizeError(f"{documents.origin}: {exc}") from None


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """Parsed options, or the exit status when argparse finished the job (--help, --version)."""
    try:
        return parser.parse_intermixed_args(argv)  # paths may follow options
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0


# -- option types ------------------------------------------------------------------------------


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def _fraction(name: str) -> Callable[[str], float]:
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not 0 < number <= 1:  # also rejects nan
            raise argparse.ArgumentTypeError(
                f"expected a number greater than 0 and at most 1, got {value!r}"
            )
        return number

    parse.__name__ = name
    return parse


def _non_negative(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number < math.inf:  # also rejects nan
        raise argparse.ArgumentTypeError(f"expected a number of at least 0, got {value!r}")
    return number


# -- messages ----------------------------------------------------------------------------------


def _say(kind: str, message: str) -> None:
    line = " ".join(message.split()) or "unknown problem"
    sys.stderr.write(f"{PROG}: {kind}: {line}\n")
    sys.stderr.flush()


def _error(message: str) -> None:
    _say("error", message)


def _warn(message: str) -> None:
    _say("warning", message)


def _os_message(exc: OSError) -> str:
    reason = exc.strerror or str(exc) or type(exc).__name__
    reason = reason[:1].lower() + reason[1:]
    return f"{exc.filename}: {reason}" if exc.filename else reason


def _silence_stdout() -> None:
    """After the reader of a pipe went away, point stdout at /dev/null so the interpreter's
    final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
