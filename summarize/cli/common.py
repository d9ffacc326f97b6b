"""What every command of the command line shares: the parser class, parsing, messages on
standard error, the console, option types and the option bundles (summary options, input
options) with the functions that read them back.

Command modules (:mod:`summarize.cli.app`, :mod:`summarize.cli.batch`, ...) use these public
names only.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable
from typing import NoReturn, TypedDict

from rich.console import Console

from summarize.errors import SummarizeError
from summarize.inputs.formats import INPUT_FORMATS
from summarize.inputs.read import DEFAULT_MAX_CHARS
from summarize.options import (
    AUTO,
    CHARS_DEPRECATED,
    DEFAULT_CORROBORATION,
    DEFAULT_DUPLICATES,
    DEFAULT_REDUNDANCY,
    DEFAULT_SCORER,
    DEFAULT_SELECTOR,
    DEFAULT_WORDS,
    MULTI_DOCUMENT_SCORER,
    ORDERS,
    SINGLE_DOCUMENT_SCORER,
    DigestOptions,
    budget_of,
)
from summarize.text.tokens import check_language

PROG = "summarize"
DEBUG_ENV = "SUMMARIZE_DEBUG"
BUDGET_OPTIONS = ("sentences", "words", "bytes", "chars", "ratio")


class UsageError(SummarizeError):
    """A bad command line, reported like any other error (one line, exit status 2)."""


class SafeConsole(Console):
    """A console that lets a closed pipe reach :func:`summarize.cli.app.main` (rich would
    exit with status 1)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are exceptions rather than a usage block and exit."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """Parsed options, or the exit status when argparse finished the job (--help, --version)."""
    try:
        return parser.parse_intermixed_args(argv)  # options and positionals may mix
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0


def add_summary_options(
    parser: argparse.ArgumentParser,
    *,
    scorer_default: str = DEFAULT_SCORER,
    scorer_help: str | None = None,
    scorer_metavar: str = "NAME",
) -> None:
    """The options every command that makes digests shares: scorer, budget, order,
    redundancy, cleaning, merging, corroboration, headline and language. Read them back
    with :func:`summary_options`. A command whose ``--scorer`` means more (several scorers
    to compare, say) gives its own default, help and metavar."""
    parser.add_argument(
        "--scorer",
        default=scorer_default,
        metavar=scorer_metavar,
        help=scorer_help
        or f"how sentences are scored (default: {DEFAULT_SCORER}; {AUTO}: "
        f"{SINGLE_DOCUMENT_SCORER} for one document, {MULTI_DOCUMENT_SCORER} for several; "
        "see --list-scorers)",
    )
    budget = parser.add_argument_group(
        "length of the summary",
        f"Give at most one; the default is --words {DEFAULT_WORDS}, or a .jsonl cluster's "
        "own budget.",
    ).add_mutually_exclusive_group()
    budget.add_argument("--sentences", type=positive_int, metavar="N", help="at most N sentences")
    budget.add_argument("--words", type=positive_int, metavar="N", help="at most N words")
    budget.add_argument(
        "--bytes", type=positive_int, metavar="N", help="at most N bytes of UTF-8 text"
    )
    budget.add_argument(
        "--chars",
        type=positive_int,
        metavar="N",
        help="deprecated: still counts bytes in this release, as --bytes does",
    )
    budget.add_argument(
        "--ratio",
        type=fraction("ratio"),
        metavar="R",
        help="at most this fraction of the input's words, in (0, 1]",
    )
    parser.add_argument(
        "--selector",
        default=DEFAULT_SELECTOR,
        metavar="NAME",
        help="how sentences are chosen within the budget: submodular (coverage of the "
        "input with diversity, weighted by the scores), greedy (best score first, skipping "
        f"repeats) or ilp (concept coverage) (default: {DEFAULT_SELECTOR})",
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
        type=fraction("redundancy"),
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
        type=fraction("duplicates"),
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
        type=non_negative,
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
    digest.add_argument(
        "--trim",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="cut datelines, asides, appositives, time phrases and attribution tails from "
        "sentences before choosing them, so the budget holds more (--explain shows the cuts; "
        "default: off)",
    )
    digest.add_argument(
        "--no-only-in",
        dest="only_in",
        action="store_false",
        help="do not add the line 'Only in [k]: ...' (an important fact only one source "
        "reports) under a digest of several sources",
    )
    parser.add_argument(
        "--language",
        default="english",
        metavar="LANG",
        help="language of the inputs, for stop words and stemming (default: english)",
    )


def summary_options(options: argparse.Namespace) -> DigestOptions:
    """The :class:`DigestOptions` of parsed summary options (see
    :func:`add_summary_options`); a deprecated ``--chars`` is read as ``--bytes`` with a
    warning."""
    limits = {name: getattr(options, name, None) for name in BUDGET_OPTIONS}
    if limits["chars"] is not None:
        warn(CHARS_DEPRECATED.replace("'chars'", "--chars").replace("'bytes'", "--bytes"))
        limits["bytes"], limits["chars"] = limits["chars"], None
    given = {name: value for name, value in limits.items() if value is not None}
    return DigestOptions(
        budget=budget_of(**given) if given else None,
        scorer=options.scorer,
        selector=options.selector,
        order=options.order,
        redundancy=options.redundancy,
        duplicates=options.duplicates,
        corroboration=options.corroboration,
        keep_boilerplate=options.keep_boilerplate,
        headline=options.headline,
        language=check_language(options.language),
        trim=getattr(options, "trim", False),
        only_in=getattr(options, "only_in", True),
    )


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """How inputs are read: their format, the size limit, links out of folders. Read them
    back with :func:`input_options`."""
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
        type=positive_int,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse an input longer than N characters (default: {DEFAULT_MAX_CHARS})",
    )
    group.add_argument(
        "--follow-links",
        action="store_true",
        help="read a folder's symbolic links to files outside it (by default they are "
        "skipped with a warning)",
    )


class InputOptions(TypedDict):
    """Keyword arguments of :func:`summarize.inputs.read.read_inputs` for reading inputs."""

    input_format: str
    max_chars: int
    follow_links: bool


def input_options(options: argparse.Namespace) -> InputOptions:
    """Keyword arguments for :func:`summarize.inputs.read.read_inputs` and ``read_documents``
    from parsed input options."""
    return {
        "input_format": options.input_format,
        "max_chars": options.max_chars,
        "follow_links": options.follow_links,
    }


def add_statistics_options(
    parser: argparse.ArgumentParser, *, seed_help: str, baseline_help: str
) -> argparse._ArgumentGroup:
    """The bootstrap's options shared by ``eval`` and ``rouge``: ``--resamples``, ``--seed``
    and ``--baseline``, in a group "statistics" the caller may add to."""
    stats = parser.add_argument_group("statistics")
    stats.add_argument(
        "--resamples",
        type=positive_int,
        default=1000,
        metavar="N",
        help="bootstrap resamples (default: 1000)",
    )
    stats.add_argument("--seed", type=int, default=0, metavar="N", help=seed_help)
    stats.add_argument("--baseline", metavar="NAME", help=baseline_help)
    return stats


# -- option types ------------------------------------------------------------------------------


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}")
    return number


def jobs_count(value: str) -> int:
    """``--jobs`` of ``batch`` and ``eval``: a whole number of processes, 0 for one per CPU."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of at least 0 (0: one per CPU), got {value!r}"
        )
    return number


def fraction(name: str) -> Callable[[str], float]:
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


def non_negative(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 <= number < math.inf:  # also rejects nan
        raise argparse.ArgumentTypeError(f"expected a number of at least 0, got {value!r}")
    return number


# -- messages ----------------------------------------------------------------------------------


def say(kind: str, message: str) -> None:
    line = " ".join(message.split()) or "unknown problem"
    sys.stderr.write(f"{PROG}: {kind}: {line}\n")
    sys.stderr.flush()


def error(message: str) -> None:
    say("error", message)


def warn(message: str) -> None:
    say("warning", message)


def os_message(exc: OSError) -> str:
    reason = exc.strerror or str(exc) or type(exc).__name__
    reason = reason[:1].lower() + reason[1:]
    return f"{exc.filename}: {reason}" if exc.filename else reason


def silence_stdout() -> None:
    """After the reader of a pipe went away, point stdout at /dev/null so the interpreter's
    final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
