"""ROUGE-1/2 of every scorer, a lead baseline and the default digest on the dev sets.

For each cluster of each evaluation set (``../shared/eval/<set>.jsonl`` next to the
repository, or ``--eval-dir``) and each scorer, the documents are summarized with the
pipeline API, ``summarize(cluster.documents, scorer=name, words=N)``, at the set's own budget
(``"default"`` calls it without ``scorer=``, so it measures whatever the default digest is).
The chosen sentences are joined with spaces and scored against the cluster's reference
summaries with :mod:`summarize.evaluation.rouge`: ROUGE-1.5.5 conventions, Porter stemming of tokens
longer than three characters, no stop-word removal, system and references cut to the same
budget (``-m -l N`` for a words budget, ``-b N`` for a bytes budget), references pooled
(``-f A``). The figures are means over clusters of the per-cluster recall and F1, as
percentages.

``scorer@selector`` names a scorer with a selector other than the default greedy one (for
example ``lexrank-lead@ilp``); a ``+trim`` suffix runs it with sentence trimming
(``default+trim``: the default digest with ``trim=True``). Every scorer runs inside the
digest pipeline (cleaning, merging, corroboration, redundancy check). The baselines also run
*plain*, the way their own tools run them: ``plain:lead``
(first sentence of each article in turn, then the second ...) and ``plain:sumy-lexrank`` /
``plain:sumy-textrank`` (sumy's summarizers through our ``sumy-*`` adapters, with no
cleaning, merging, corroboration or redundancy check). A scorer that
refuses a cluster (``SummarizeError``: sumy's scorers have a size limit, which
``--sumy-max-sentences`` raises) counts as a failure and scores zero for it. Clusters are
spread over ``--jobs`` processes; the seconds shown are the summed time of the
``summarize()`` calls, not wall time. No text of the evaluation sets is stored anywhere.

    python benchmarks/quality.py [--sets multinews-200,allsides-val] [--scorers all|a,b,c]
        [--limit N] [--jobs N] [--eval-dir DIR] [--sumy-max-sentences N] [--write]

``--write`` replaces the section "## Quality: ROUGE on the dev sets" of
``benchmarks/RESULTS.md`` (created when missing), leaving the other sections alone.
"""

from __future__ import annotations

import argparse
import datetime
import multiprocessing
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean as mean

from results import RESULTS, load_average, publish, run_line  # benchmarks/results.py

from summarize import summarize
from summarize.errors import SummarizeError
from summarize.evaluation.rouge import rouge_n
from summarize.inputs.clusters import Cluster, read_clusters
from summarize.model import Budget
from summarize.scorers import scorers

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"
HEADING = "## Quality: ROUGE on the dev sets"

DEFAULT_SETS = ("multinews-200", "allsides-val")
DEFAULT = "default"  # summarize() without scorer=
PLAIN = "plain:"  # a scorer run the way its peers run: no cleaning, merging or corroboration
PLAIN_OPTIONS = {
    "keep_boilerplate": True,
    "duplicates": None,
    "corroboration": 0.0,
    "redundancy": None,
}
# what the default digest must beat: plain lead (first sentence of each article in turn, then
# the second ...) and sumy's LexRank as sumy runs it, plus both inside our digest pipeline
# (lead chosen greedily: with the default selector, lead is the default itself)
BASELINES = ("plain:lead", "plain:sumy-lexrank", "lead@greedy", "sumy-lexrank")
PLAIN_BASELINES = ("plain:lead", "plain:sumy-lexrank", "plain:sumy-textrank")
SELECTOR_MARK = "@"  # "lexrank-lead@ilp": a scorer with a selector other than the default
TRIM_MARK = "+trim"  # "default+trim": with sentence trimming (summarize(..., trim=True))
SELECTOR_VARIANTS = (
    "lead@greedy",
    "lexrank-lead@greedy",
    "lexrank-lead@ilp",
    "lead@ilp",
    "centroid@ilp",
)
METRICS = ("R1 R", "R1 F", "R2 R", "R2 F")


# --------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class Task:
    """One cluster to summarize with every scorer."""

    set_name: str
    cluster: Cluster
    scorers: tuple[str, ...]
    sumy_max_sentences: int | None = None


@dataclass(frozen=True)
class Outcome:
    """One scorer on one cluster: ROUGE figures (fractions), or a failure message."""

    set_name: str
    scorer: str
    cluster: str
    scores: tuple[float, float, float, float]  # R1 recall, R1 F1, R2 recall, R2 F1
    seconds: float
    failure: str | None = None
    resolved: str | None = None  # the scorer the default digest used


@dataclass(frozen=True)
class Row:
    """Mean figures of one scorer on one set."""

    set_name: str
    scorer: str
    means: tuple[float, float, float, float]
    clusters: int
    failures: int
    seconds: float


# --------------------------------------------------------------------------------------------
# Evaluating


def summary_keywords(budget: Budget | None) -> dict[str, int | float]:
    """The budget keyword for ``summarize()``: ``{"words": 230}``; none for no budget."""
    return dict(budget.as_dict()) if budget is not None else {}


def rouge_limits(budget: Budget | None) -> dict[str, int]:
    """ROUGE's cut for a budget: ``words`` (``-l``) or ``bytes_`` (``-b``); none otherwise."""
    if budget is not None and budget.words is not None:
        return {"words": budget.words}
    if budget is not None and budget.chars is not None:
        return {"bytes_": budget.chars}
    return {}


def evaluate_cluster(task: Task) -> list[Outcome]:
    """Summarize one cluster with each scorer and score each summary."""
    warnings.simplefilter("ignore")  # sumy's LSA warns about inputs with few distinct words
    cluster = task.cluster
    keywords = summary_keywords(cluster.budget)
    limits = rouge_limits(cluster.budget)
    outcomes = []
    for name in task.scorers:
        options: dict[str, object] = dict(keywords)
        base = name.removesuffix(TRIM_MARK)
        if base != name:
            options["trim"] = True
        scorer, _, selector = base.removeprefix(PLAIN).partition(SELECTOR_MARK)
        if base.startswith(PLAIN):
            options.update(PLAIN_OPTIONS)
        if base != DEFAULT:
            options["scorer"] = scorer
        if selector:
            options["selector"] = selector
        if scorer.startswith("sumy-") and task.sumy_max_sentences is not None:
            options["scorer_params"] = {"max_sentences": task.sumy_max_sentences}
        started = time.perf_counter()
        failure = resolved = None
        try:
            summary = summarize(cluster.documents, **options)
            system = " ".join(s.text for s in summary.sentences)
            resolved = summary.scorer
        except SummarizeError as exc:
            system, failure = "", str(exc)
        seconds = time.perf_counter() - started
        r1 = rouge_n(system, cluster.summaries, 1, **limits)
        r2 = rouge_n(system, cluster.summaries, 2, **limits)
        outcomes.append(
            Outcome(
                set_name=task.set_name,
                scorer=name,
                cluster=cluster.id,
                scores=(r1.recall, r1.fmeasure, r2.recall, r2.fmeasure),
                seconds=seconds,
                failure=failure,
                resolved=resolved,
            )
        )
    return outcomes


def run_tasks(tasks: Sequence[Task], jobs: int, quiet: bool = False) -> list[Outcome]:
    """Every task's outcomes, on ``jobs`` processes (in this process when ``jobs`` is 1)."""
    outcomes: list[Outcome] = []
    if jobs <= 1:
        results: Iterable[list[Outcome]] = map(evaluate_cluster, tasks)
        return collect(results, len(tasks), outcomes, quiet)
    with multiprocessing.Pool(jobs) as pool:
        results = pool.imap_unordered(evaluate_cluster, tasks, chunksize=1)
        return collect(results, len(tasks), outcomes, quiet)


def collect(
    results: Iterable[list[Outcome]], total: int, into: list[Outcome], quiet: bool
) -> list[Outcome]:
    for done, outcomes in enumerate(results, start=1):
        into.extend(outcomes)
        if not quiet and (done % 25 == 0 or done == total):
            print(f"  {done}/{total} clusters", file=sys.stderr, flush=True)
    return into


def summarize_rows(outcomes: Sequence[Outcome], order: Sequence[str]) -> list[Row]:
    """Mean figures per (set, scorer), sets and scorers in the order given."""
    groups: dict[tuple[str, str], list[Outcome]] = {}
    for outcome in outcomes:
        groups.setdefault((outcome.set_name, outcome.scorer), []).append(outcome)
    sets = list(dict.fromkeys(o.set_name for o in outcomes))
    rows = []
    for set_name in sets:
        for scorer in order:
            group = groups.get((set_name, scorer))
            if not group:
                continue
            columns = [[o.scores[k] for o in group] for k in range(4)]
            means = (mean(columns[0]), mean(columns[1]), mean(columns[2]), mean(columns[3]))
            rows.append(
                Row(
                    set_name=set_name,
                    scorer=scorer,
                    means=means,
                    clusters=len(group),
                    failures=sum(o.failure is not None for o in group),
                    seconds=sum(o.seconds for o in group),
                )
            )
    return rows


# --------------------------------------------------------------------------------------------
# Reporting


def format_table(rows: Sequence[Row], default_label: str) -> list[str]:
    """The Markdown table: one line per (set, scorer)."""
    out = [
        "| set | scorer | " + " | ".join(METRICS) + " | clusters | failures | seconds |",
        "|---|---|" + "---:|" * (len(METRICS) + 3),
    ]
    for row in rows:
        label = default_label if row.scorer == DEFAULT else row.scorer
        figures = " | ".join(f"{100 * m:.2f}" for m in row.means)
        out.append(
            f"| {row.set_name} | {label} | {figures} | {row.clusters} | {row.failures} | "
            f"{row.seconds:.1f} |"
        )
    return out


def verdicts(rows: Sequence[Row]) -> list[str]:
    """Whether the default beats each baseline on R1 F1 and R2 F1, set by set."""
    by_key = {(r.set_name, r.scorer): r for r in rows}
    out = []
    for set_name in dict.fromkeys(r.set_name for r in rows):
        default = by_key.get((set_name, DEFAULT))
        if default is None:
            continue
        parts = []
        for baseline in BASELINES:
            other = by_key.get((set_name, baseline))
            if other is None:
                parts.append(f"{baseline}: not run")
                continue
            r1 = beats(default.means[1], other.means[1])
            r2 = beats(default.means[3], other.means[3])
            parts.append(
                f"vs {baseline}: R1 F {100 * default.means[1]:.2f} vs {100 * other.means[1]:.2f} "
                f"{r1}, R2 F {100 * default.means[3]:.2f} vs {100 * other.means[3]:.2f} {r2}"
            )
        out.append(f"- **{set_name}**: " + "; ".join(parts))
    return out


def beats(ours: float, theirs: float) -> str:
    return "**beats**" if ours > theirs else "**does not beat**"


def budgets_line(clusters: dict[str, list[Cluster]]) -> str:
    parts = []
    for name, items in clusters.items():
        kinds = sorted({json_budget(c.budget) for c in items})
        parts.append(f"{name}: {', '.join(kinds)} ({len(items)} clusters)")
    return "; ".join(parts)


def json_budget(budget: Budget | None) -> str:
    if budget is None:
        return "no budget (pipeline default)"
    ((key, value),) = budget.as_dict().items()
    return f"{value} {'bytes' if key == 'chars' else key}"


def report(
    rows: Sequence[Row],
    outcomes: Sequence[Outcome],
    clusters: dict[str, list[Cluster]],
    command: str,
    started: datetime.datetime,
    wall: float,
    load: float | None = None,
) -> str:
    resolved = sorted({o.resolved for o in outcomes if o.scorer == DEFAULT and o.resolved})
    default_label = f"default ({', '.join(resolved)})" if resolved else DEFAULT
    out = [HEADING, ""]
    out.append(run_line(started, load) + f", in {wall:.0f} s wall time.")
    out.append("")
    out.append(f"Command: `{command}`")
    out.append("")
    out.append(
        "Each cluster is summarized with `summarize(cluster.documents, scorer=name, "
        "words=N)` at the set's budget — "
        f"{budgets_line(clusters)}; *default* is `summarize()` without `scorer=`, *lead* "
        "takes the first sentence of each article in turn. The chosen sentences, joined "
        "with spaces, are scored against the reference summaries with "
        "`summarize.evaluation.rouge`, "
        "which follows ROUGE-1.5.5 (`-m -l N -f A`): lower-cased ASCII alphanumeric tokens, "
        "Porter stemming (the script's variant) of tokens longer than 3 characters, no "
        "stop-word removal, system and references cut to the same N words, references "
        "pooled. Figures are means over clusters of per-cluster ROUGE, in percent "
        "(R = recall, F = F1). A failure is a cluster the scorer refused (sumy's size "
        "limits), scored as an empty summary. *seconds* is the summed time of the "
        "`summarize()` calls over all clusters (not wall time)."
    )
    out.append("")
    out.extend(format_table(rows, default_label))
    out.append("")
    failures = failure_notes(outcomes)
    if failures:
        out.append("Failures:")
        out.append("")
        out.extend(failures)
        out.append("")
    out.append(
        "Target: the default digest beats the lead baseline and sumy's LexRank on both sets "
        "(R1 F and R2 F):"
    )
    out.append("")
    out.extend(verdicts(rows) or ["- the default was not run"])
    return "\n".join(out).rstrip() + "\n"


def failure_notes(outcomes: Sequence[Outcome]) -> list[str]:
    """One line per (set, scorer) with failures: how many, and the first message."""
    first: dict[tuple[str, str], tuple[int, str]] = {}
    for o in outcomes:
        if o.failure is not None:
            count, message = first.get((o.set_name, o.scorer), (0, o.failure))
            first[(o.set_name, o.scorer)] = (count + 1, message)
    return [
        f"- {scorer} on {set_name}: {count} cluster(s), e.g. “{message}”"
        for (set_name, scorer), (count, message) in first.items()
    ]


# --------------------------------------------------------------------------------------------
# Command line


def scorer_names(text: str) -> tuple[str, ...]:
    """``all`` -> the default, then every registered scorer; else the names given."""
    available = scorers.names()
    if text.strip() == "all":
        usable = [n for n in available if not getattr(scorers.get(n), "needs_references", False)]
        return (DEFAULT, *PLAIN_BASELINES, *usable, *SELECTOR_VARIANTS)
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",") if n.strip()))
    unknown = [
        n
        for n in names
        if (base := n.removesuffix(TRIM_MARK)) != DEFAULT
        and base.removeprefix(PLAIN).partition(SELECTOR_MARK)[0] not in available
    ]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown scorer(s) {', '.join(unknown) or '(none given)'}; "
            f"available: {DEFAULT}, {', '.join(available)}"
        )
    return names


def set_names(text: str) -> tuple[str, ...]:
    names = tuple(n.strip().removesuffix(".jsonl") for n in text.split(",") if n.strip())
    if not names:
        raise argparse.ArgumentTypeError("give at least one set")
    return names


def load_sets(eval_dir: Path, names: Sequence[str], limit: int | None) -> dict[str, list[Cluster]]:
    """The clusters (with at least one reference summary) of each set, maybe the first N."""
    loaded = {}
    for name in names:
        path = eval_dir / f"{name}.jsonl"
        if not path.is_file():
            raise SummarizeError(f"{path} not found (see --eval-dir)")
        loaded[name] = list(first(read_clusters(path), limit))
        loaded[name] = [c for c in loaded[name] if c.summaries]
    return loaded


def first(items: Iterator[Cluster], limit: int | None) -> Iterator[Cluster]:
    for count, item in enumerate(items):
        if limit is not None and count >= limit:
            return
        yield item


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="ROUGE-1/2 of every scorer on the dev sets (see the module docstring)."
    )
    parser.add_argument(
        "--sets", type=set_names, default=DEFAULT_SETS,
        help=f"comma-separated set names in the eval folder (default: {','.join(DEFAULT_SETS)})",
    )  # fmt: skip
    parser.add_argument(
        "--scorers", type=scorer_names, default="all",
        help="'all' (default, every registered scorer) or a comma-separated list; "
        f"'{DEFAULT}' is summarize() without scorer=; a '{TRIM_MARK}' suffix adds trimming",
    )  # fmt: skip
    parser.add_argument("--limit", type=int, help="only the first N clusters of each set")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR, help=f"default {EVAL_DIR}")
    parser.add_argument(
        "--sumy-max-sentences", type=int,
        help="raise (or lower) the size limit of the sumy-* scorers",
    )  # fmt: skip
    parser.add_argument(
        "--write", action="store_true", help=f"write the section {HEADING!r} into {RESULTS}"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    if isinstance(args.scorers, str):
        args.scorers = scorer_names(args.scorers)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python benchmarks/quality.py" + "".join(
        " " + a for a in (sys.argv[1:] if argv is None else argv)
    )
    started = datetime.datetime.now()
    load = load_average()
    clock = time.perf_counter()
    try:
        clusters = load_sets(args.eval_dir, args.sets, args.limit)
    except SummarizeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    tasks = [
        Task(name, cluster, args.scorers, args.sumy_max_sentences)
        for name, items in clusters.items()
        for cluster in items
    ]
    if not args.quiet:
        print(
            f"{len(tasks)} clusters x {len(args.scorers)} scorers on {args.jobs} process(es)",
            file=sys.stderr,
        )
    outcomes = run_tasks(tasks, args.jobs, args.quiet)
    rows = summarize_rows(outcomes, args.scorers)
    wall = time.perf_counter() - clock
    section = report(rows, outcomes, clusters, command, started, wall, load)
    publish(section, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
