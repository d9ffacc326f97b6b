"""``summarize eval``: ROUGE of scorers on evaluation sets, with confidence intervals.

Parses the options, calls :func:`summarize.evaluation.run.evaluate` and hands the result to
:mod:`summarize.render.evaluation` (tables), :mod:`summarize.render.files` (``--output``) and
:mod:`summarize.render.plot` (``--plot``).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace

from summarize.cli import common as cli
from summarize.digest.pipeline import check_scorer
from summarize.errors import SummarizeError
from summarize.evaluation.results import TARGETS, EvalSettings
from summarize.evaluation.rouge import MULTI_REF
from summarize.evaluation.run import evaluate
from summarize.model import Budget
from summarize.options import AUTO, parse_budget
from summarize.render.evaluation import render_evaluation
from summarize.render.files import check_evaluation_output, write_evaluation
from summarize.render.plot import check_plotting, plot_evaluation
from summarize.render.progress import progress_bar

HELP = "ROUGE of scorers on evaluation sets, with confidence intervals and significance marks"
PROG = "summarize eval"
DEFAULT_SCORERS = "lexrank-lead,lead,random,oracle"
DEFAULT_BASELINE = "lead"


def build_parser() -> argparse.ArgumentParser:
    """The options of ``summarize eval``."""
    parser = cli.Parser(
        prog=PROG,
        description=(
            "Summarize every cluster of evaluation sets (JSONL, one cluster per line) with\n"
            "each scorer and score the output against the references with ROUGE-1, ROUGE-2\n"
            "and ROUGE-L (ROUGE-1.5.5 conventions): a table per set with each mean's\n"
            "confidence interval (paired bootstrap over clusters) and significance marks.\n"
            "Baselines: lead, random (seeded) and oracle (greedy ROUGE against the\n"
            "references: the ceiling for picking sentences)."
        ),
        epilog=(
            "examples:\n"
            "  summarize eval ../shared/eval/allsides-val.jsonl\n"
            "  summarize eval set.jsonl --scorer lexrank-lead,textrank,lead --jobs 2\n"
            "  summarize eval set.jsonl --budget words=100 --output results.md\n"
            "  summarize eval set.jsonl --target headlines --budget bytes=75\n"
            "  summarize eval a.jsonl b.jsonl --plot scores.png --output results.json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("sets", nargs="+", metavar="SET", help="a .jsonl evaluation set")
    cli.add_summary_options(
        parser,
        scorer_default=DEFAULT_SCORERS,
        scorer_help=f"the scorers to compare, comma-separated (default: {DEFAULT_SCORERS}; "
        "see summarize --list-scorers)",
        scorer_metavar="A,B,...",
    )
    scoring = parser.add_argument_group("what is scored")
    scoring.add_argument(
        "--budget",
        type=_budget,
        metavar="KIND=N",
        help="the budget of every output, instead of each cluster's own: words=N, bytes=N, "
        "sentences=N or ratio=R; ROUGE cuts output and references to a words or bytes budget",
    )
    scoring.add_argument(
        "--target",
        choices=TARGETS,
        default="summaries",
        help="score the digests against the reference summaries (default), or the headline "
        "(else the first sentence) against the reference headlines, cut to 75 bytes unless "
        "--budget says otherwise",
    )
    scoring.add_argument(
        "--no-stem",
        dest="stem",
        action="store_false",
        help="compare words as they are (default: Porter stems of words longer than 3 letters)",
    )
    scoring.add_argument(
        "--multi-ref",
        choices=MULTI_REF,
        default="pool",
        help="several references: pool their counts (default, ROUGE-1.5.5 -f A) or take the "
        "best-matching one (-f B)",
    )
    cli.add_statistics_options(
        parser,
        seed_help="seed of the bootstrap and of random",
        baseline_help=f"mark scorers better or worse than this one (default: {DEFAULT_BASELINE}, "
        "when evaluated)",
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--output",
        metavar="FILE",
        help="also write the results to FILE: .json, .csv or .md, by its name",
    )
    output.add_argument(
        "--per-cluster", action="store_true", help="also show every cluster's scores"
    )
    output.add_argument(
        "--plot",
        metavar="FILE.png",
        help="draw a bar chart of the scorers with their intervals (needs matplotlib: "
        "pip install 'summarize[plot]')",
    )
    output.add_argument(
        "--jobs",
        type=cli.jobs_count,
        default=1,
        metavar="N",
        help="processes to spread the clusters over (default: 1; 0: one per CPU)",
    )
    return parser


def run(argv: list[str]) -> int:
    """Run ``summarize eval`` with ``argv``; return the exit status."""
    options = cli.parse(build_parser(), argv)
    if isinstance(options, int):
        return options
    names = tuple(dict.fromkeys(n.strip() for n in options.scorer.split(",") if n.strip()))
    if not names:
        raise cli.UsageError("--scorer needs at least one scorer name")
    for name in names:
        check_scorer(name)
    budget = _chosen_budget(options)
    settings = EvalSettings(
        scorers=names,
        budget=budget,
        target=options.target,
        stem=options.stem,
        multi_ref=options.multi_ref,
        options=replace(cli.summary_options(options), scorer=AUTO, budget=None),
        resamples=options.resamples,
        seed=options.seed,
        language=options.language,
    )
    baseline = options.baseline
    if baseline is None:
        baseline = DEFAULT_BASELINE if DEFAULT_BASELINE in names else None
    elif baseline not in names:
        raise cli.UsageError(f"--baseline {baseline!r} is not among the scorers evaluated")
    if options.output:
        check_evaluation_output(options.output)
    if options.plot:
        check_plotting()
    for path in options.sets:
        if not os.path.isfile(path):
            raise cli.UsageError(f"{path}: no such file")

    with progress_bar(cli.SafeConsole(stderr=True), "evaluating") as bar:
        progress = None if bar is None else bar.done_of
        evaluation = evaluate(options.sets, settings, jobs=options.jobs, progress=progress)
    render_evaluation(
        evaluation, cli.SafeConsole(), baseline=baseline, per_cluster=options.per_cluster
    )
    for note in evaluation.notes:
        cli.warn(note)
    if options.output:
        write_evaluation(
            evaluation, options.output, baseline=baseline, per_cluster=options.per_cluster
        )
    if options.plot:
        plot_evaluation(evaluation, options.plot)
    return 0


def _chosen_budget(options: argparse.Namespace) -> Budget | None:
    """--budget, or one of the option bundle's --words/--bytes/--sentences/--ratio."""
    given = [name for name in cli.BUDGET_OPTIONS if getattr(options, name) is not None]
    if options.budget is not None and given:
        raise cli.UsageError("give the budget once: --budget or --" + given[0])
    if options.budget is not None:
        return options.budget
    return cli.summary_options(options).budget


def _budget(text: str) -> Budget:
    """``words=230``, ``bytes=665``, ``sentences=3`` or ``ratio=0.4`` as a :class:`Budget`."""
    kind, _, amount = text.partition("=")
    if not amount.strip():
        raise argparse.ArgumentTypeError(
            f"expected words=N, bytes=N, sentences=N or ratio=R, got {text!r}"
        )
    try:
        return parse_budget(kind, amount.strip())
    except SummarizeError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
