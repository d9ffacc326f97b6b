"""``summarize headline PATH...``: one headline for an article or a cluster.

Parses the options, reads the inputs with :func:`summarize.inputs.read.read_inputs`, calls
:func:`summarize.headline.api.headline` and hands the result to the renderers
(:mod:`summarize.render.headline`). Everything given together gets one headline; two or
more folders, or a ``.jsonl`` file of clusters, get one headline each, shown under their ids.
"""

from __future__ import annotations

import argparse

from summarize.cli import common as cli
from summarize.errors import SummarizeError
from summarize.headline.api import DEFAULT_BYTES, Headline, headline
from summarize.inputs.read import DocumentSet, read_inputs
from summarize.options import DigestOptions
from summarize.render.formats import OUTPUT_FORMAT_NAMES
from summarize.render.headline import render_headline, render_headlines
from summarize.scorers import scorers
from summarize.text.tokens import check_language

PROG = f"{cli.PROG} headline"
CHARS_DEPRECATED = "--chars counts bytes and is deprecated: use --bytes"


def build_parser() -> argparse.ArgumentParser:
    """The options of ``summarize headline``."""
    parser = cli.Parser(
        prog=PROG,
        description=(
            "Make one headline for an article or a cluster of articles about one event:\n"
            "the sentence or source title that best states the main event (early, central,\n"
            "carried by several sources), compressed to fit the budget by dropping\n"
            "datelines, attributions, time phrases, appositives, clauses and trailing\n"
            "detail, never cutting a word. Two or more folders, or a .jsonl file of\n"
            "clusters, get one headline each."
        ),
        epilog=(
            "examples:\n"
            "  summarize headline article.txt\n"
            "  summarize headline corpus/story/ --bytes 60\n"
            "  summarize headline corpus/story/ --explain\n"
            "  cat article.txt | summarize headline - --format json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a text file, a folder (its files, not sub-folders), a .jsonl file of clusters, "
        "or - for standard input",
    )
    parser.add_argument(
        "--bytes",
        type=cli.positive_int,
        metavar="N",
        help=f"at most N bytes of UTF-8 text (default: {DEFAULT_BYTES})",
    )
    parser.add_argument(
        "--chars",
        type=cli.positive_int,
        metavar="N",
        help="deprecated: the old name of --bytes (it counts bytes)",
    )
    parser.add_argument(
        "--scorer",
        default="lead",
        metavar="NAME",
        help="how candidates are ranked before their compressions are compared (default: "
        "lead; see summarize --list-scorers)",
    )
    parser.add_argument(
        "--keep-boilerplate",
        action="store_true",
        help="let captions, credits, stubs and the like be candidates too",
    )
    parser.add_argument(
        "--language",
        default="english",
        metavar="LANG",
        help="language of the inputs, for stop words and stemming (default: english)",
    )
    parser.add_argument(
        "--format",
        choices=OUTPUT_FORMAT_NAMES,
        help="output format (default: rich on a terminal, text otherwise)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also show the candidates: score, weight, the compression steps applied, "
        "whether they fit, and why they were passed over",
    )
    cli.add_input_options(parser)
    return parser


def run(argv: list[str]) -> int:
    """Run ``summarize headline`` with ``argv``; return the exit status."""
    options = cli.parse(build_parser(), argv)
    if isinstance(options, int):
        return options
    if not options.paths:
        raise cli.UsageError("no input given; name a file, a folder, or - for standard input")
    scorers.get(options.scorer)  # check the cheap options before reading anything
    language = check_language(options.language)
    if options.chars is not None:
        cli.warn(CHARS_DEPRECATED)
        if options.bytes is None:
            options.bytes = options.chars
    sets, warnings = read_inputs(options.paths, language=language, **cli.input_options(options))
    for warning in warnings:
        cli.warn(warning)
    # Every headline is made before any is shown, so a problem leaves no partial output.
    results = [(s, _headline(s, options, language)) for s in sets]
    console = cli.SafeConsole()
    fmt = options.format or ("rich" if console.is_terminal else "text")
    if len(results) == 1 and results[0][0].id is None:
        render_headline(results[0][1], fmt, console, explain=options.explain)
    else:
        named = [(s.id or s.origin, result) for s, result in results]
        render_headlines(named, fmt, console, explain=options.explain)
    return 0


def _headline(documents: DocumentSet, options: argparse.Namespace, language: str) -> Headline:
    try:
        return headline(
            documents.documents,
            bytes=options.bytes if options.bytes is not None else DEFAULT_BYTES,
            options=DigestOptions(
                scorer=options.scorer,
                keep_boilerplate=options.keep_boilerplate,
                language=language,
            ),
        )
    except SummarizeError as exc:
        if documents.id is None:
            raise
        raise SummarizeError(f"{documents.origin}: {exc}") from None
