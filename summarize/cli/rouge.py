"""``summarize rouge``: ROUGE-1.5.5 figures for any systems' outputs against references.

Parses the options, reads the systems and references, calls
:func:`summarize.evaluation.compare.compare` and hands the result to
:mod:`summarize.render.rouge`.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable

from summarize.cli import common as cli
from summarize.evaluation.compare import TARGETS, compare, read_references, read_system
from summarize.evaluation.rouge import MAX_N, MULTI_REF, RougeOptions
from summarize.render.progress import progress_bar
from summarize.render.rouge import (
    COMPARISON_FORMATS,
    output_format,
    render_comparison,
    write_comparison,
)

HELP = "ROUGE of any systems' outputs against references, equal to the ROUGE-1.5.5 script"
PROG = "summarize rouge"


def build_parser() -> argparse.ArgumentParser:
    """The options of ``summarize rouge``."""
    parser = cli.Parser(
        prog=PROG,
        description=(
            "Score systems' outputs against references with ROUGE equal to the official\n"
            "ROUGE-1.5.5 Perl script: ROUGE-N, ROUGE-L, ROUGE-W and ROUGE-SU, a table with\n"
            "each mean's confidence interval (paired bootstrap over ids) and significance\n"
            'marks between systems. A SYSTEM is a JSONL file of {"id", "summary"} objects\n'
            "or a folder with one file per id (the id is the name up to its first dot)."
        ),
        epilog=(
            "examples:\n"
            "  summarize rouge model.jsonl --references ../shared/eval/allsides-val.jsonl\n"
            "  summarize rouge a.jsonl b.jsonl lead.jsonl --references set.jsonl "
            "--baseline lead\n"
            "  summarize rouge peers/ --references models/ --words 100 --jackknife\n"
            "  summarize rouge a.jsonl --references set.jsonl -n 4 --weight 1.2 "
            "--perl-compatible --per-id --output scores.csv\n"
            "\n"
            "Script flags: -n N = -n N, --weight W = -w W, --skip N = -2 N -u, --no-lcs = -x,\n"
            "stemming (default) = -m, --stopwords = -s, --words N = -l N, --bytes N = -b N,\n"
            "--multi-ref pool|max = -f A|B, --alpha A = -p A."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("systems", nargs="+", metavar="SYSTEM", help="a .jsonl file or a folder")
    parser.add_argument(
        "--references",
        required=True,
        metavar="REFS",
        help="an evaluation set (.jsonl, one cluster per line) or a folder of reference "
        "files named id.* (several per id)",
    )
    parser.add_argument(
        "--target",
        choices=TARGETS,
        default="summaries",
        help="which references of an evaluation set: summaries (default) or headlines",
    )
    rouge = parser.add_argument_group("ROUGE (the script's flags in brackets)")
    rouge.add_argument(
        "-n",
        type=_n,
        default=2,
        metavar="N",
        help=f"ROUGE-1 to ROUGE-N, N up to {MAX_N}; 0 for none (-n N; default: 2)",
    )
    rouge.add_argument("--no-lcs", dest="lcs", action="store_false", help="no ROUGE-L (-x)")
    rouge.add_argument(
        "--weight",
        type=_weight,
        metavar="W",
        help="also ROUGE-W with this weight, usually 1.2 (-w W)",
    )
    skip = rouge.add_mutually_exclusive_group()
    skip.add_argument(
        "--skip",
        type=int,
        default=4,
        metavar="N",
        help="ROUGE-SU: skip bigrams with at most N tokens between, plus unigrams; -1 for any "
        "distance (-2 N -u; default: 4, ROUGE-SU4)",
    )
    skip.add_argument("--no-su", dest="skip", action="store_const", const=None, help="no ROUGE-SU")
    rouge.add_argument(
        "--no-stem",
        dest="stem",
        action="store_false",
        help="compare words as they are (default: the script's -m: WordNet exceptions, then "
        "Porter, for words longer than 3 characters)",
    )
    rouge.add_argument(
        "--stopwords", action="store_true", help="remove the SMART stop words first (-s)"
    )
    limit = rouge.add_mutually_exclusive_group()
    limit.add_argument(
        "--words",
        type=cli.positive_int,
        metavar="N",
        help="cut outputs and references to N words (-l N)",
    )
    limit.add_argument(
        "--bytes",
        dest="bytes_",
        type=cli.positive_int,
        metavar="N",
        help="cut outputs and references to N bytes (-b N)",
    )
    rouge.add_argument(
        "--multi-ref",
        choices=MULTI_REF,
        default="pool",
        help="several references: pool their counts (default, -f A) or take the one with the "
        "best recall (-f B)",
    )
    rouge.add_argument(
        "--alpha",
        type=_alpha,
        default=0.5,
        metavar="A",
        help="F = RP / ((1 - A) P + A R); 0.5 is F1 (-p A; default: 0.5)",
    )
    rouge.add_argument(
        "--jackknife",
        action="store_true",
        help="with k references, the mean of the k scores against k - 1 of them (as NIST's "
        "DUC/TAC tables)",
    )
    rouge.add_argument(
        "--perl-compatible",
        action="store_true",
        help="reproduce the script's quirks too: R and P rounded to 5 decimals and F from "
        "them, and its -b ROUGE-L byte count (default: corrected)",
    )
    stats = cli.add_statistics_options(
        parser,
        seed_help="bootstrap seed",
        baseline_help="mark systems better or worse than this one",
    )
    stats.add_argument(
        "--confidence",
        type=_confidence,
        default=0.95,
        metavar="C",
        help="confidence of the intervals and marks (default: 0.95)",
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--format",
        choices=COMPARISON_FORMATS,
        default="table",
        help="what to print (default: table)",
    )
    output.add_argument(
        "--output", metavar="FILE", help="also write every figure to FILE: .json, .csv or .md"
    )
    output.add_argument("--per-id", action="store_true", help="also show every id's scores")
    output.add_argument(
        "--jobs",
        type=cli.jobs_count,
        default=1,
        metavar="N",
        help="processes to spread the ids over (default: 1; 0: one per CPU)",
    )
    return parser


def run(argv: list[str]) -> int:
    """Run ``summarize rouge`` with ``argv``; return the exit status."""
    options = cli.parse(build_parser(), argv)
    if isinstance(options, int):
        return options
    rouge = RougeOptions(
        n=options.n,
        lcs=options.lcs,
        weight=options.weight,
        skip=options.skip,
        stem=options.stem,
        stopwords=options.stopwords,
        words=options.words,
        bytes_=options.bytes_,
        multi_ref=options.multi_ref,
        alpha=options.alpha,
        jackknife=options.jackknife,
        perl_compatible=options.perl_compatible,
    )
    if options.output:
        output_format(options.output)
    systems = [read_system(path) for path in options.systems]
    names = [s.name for s in systems]
    if options.baseline is not None and options.baseline not in names:
        raise cli.UsageError(
            f"--baseline {options.baseline!r} is not among the systems ({', '.join(names)})"
        )
    references = read_references(options.references, options.target)
    with progress_bar(cli.SafeConsole(stderr=True), "scoring") as bar:
        progress = None if bar is None else bar.done_of
        comparison = compare(
            systems,
            references,
            rouge,
            resamples=options.resamples,
            confidence=options.confidence,
            seed=options.seed,
            jobs=options.jobs,
            progress=progress,
            references_name=options.references,
        )
    render_comparison(
        comparison,
        cli.SafeConsole(),
        options.format,
        baseline=options.baseline,
        per_id=options.per_id,
    )
    for note in comparison.notes:
        cli.warn(note)
    if options.output:
        write_comparison(
            comparison, options.output, baseline=options.baseline, per_id=options.per_id
        )
    return 0


def _n(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if not 0 <= number <= MAX_N:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 to {MAX_N}, got {text!r}")
    return number


def _number(low: float, high: float, *, closed: bool, wanted: str) -> Callable[[str], float]:
    """A parser of a number in ``[low, high]`` (``closed``) or ``(low, high)``."""

    def parse(text: str) -> float:
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        inside = low <= number <= high if closed else low < number < high
        if not inside:
            raise argparse.ArgumentTypeError(f"expected {wanted}, got {text!r}")
        return number

    return parse


_weight = _number(1, math.inf, closed=False, wanted="a number above 1")
_alpha = _number(0, 1, closed=True, wanted="a number from 0 to 1")
_confidence = _number(0, 1, closed=False, wanted="a number between 0 and 1")
