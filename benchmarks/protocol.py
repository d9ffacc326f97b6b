"""The protocol that chooses the digest's default method: every candidate on every dev set,
at two budgets (three for single CNN/DailyMail articles), against lead, with
paired-bootstrap intervals.

    python benchmarks/protocol.py [--sets multinews-200,allsides-val] [--methods a,b]
                                  [--max-clusters 600] [--jobs 1] [--write]

A *method* is a scorer and a selector with their parameters (the grid of tuned parameters is
the list ``METHODS`` below: every value tried is a method of its own). Each method runs the
full digest pipeline (``summarize()``, no headline) on every cluster of the five dev sets,
each at its own budget and at a second, shorter one, and cnndm-summeval also at three
sentences, the held-out single articles' budget (``SETS``). The output, one sentence a
line, is scored with ``summarize.evaluation.rouge.score_all`` (ROUGE-1.5.5 conventions:
output and references cut to a words budget; a ratio or sentence budget cuts nothing).

*Score* of a cluster = the mean of ROUGE-1 F1 and ROUGE-2 F1. *Gain* = the method's mean
score minus lead's (``lead`` scorer, ``greedy`` selector, the pipeline's other defaults), in
points, with a 95% paired-bootstrap interval (1,000 resamples of the clusters, the same
draws for every method; ``summarize.evaluation.run.bootstrap_means``). A method *wins*
(*loses*) on a set and budget when its mean is above (below) lead's in at least 95% of the
resamples.

**The choice**: among the methods that lose on no set at any budget, the one with the
best mean gain over all eleven (set, budget) cells, each cell counting equally. Sets larger than
``--max-clusters`` (only BBC, 2,092 articles) are thinned to every k-th cluster, the same
clusters for every method. ``--write`` replaces the section "## Protocol: choosing the
default" of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import commit, load_average, publish, run_line  # noqa: E402

from summarize import summarize  # noqa: E402
from summarize.errors import SummarizeError  # noqa: E402
from summarize.evaluation.rouge import score_all  # noqa: E402
from summarize.evaluation.run import bootstrap_means, rouge_limits  # noqa: E402
from summarize.inputs.clusters import Cluster, read_clusters  # noqa: E402
from summarize.model import Budget  # noqa: E402
from summarize.scorers import scorers  # noqa: E402
from summarize.selectors import selectors  # noqa: E402

SECTION = "## Protocol: choosing the default"
BASELINE = "lead+greedy"
FORMER_DEFAULT = "auto+greedy"
COMMITS = "commits"  # the --cache file's record of the commit each cell was computed at
CONFIDENCE = 0.95
RESAMPLES = 1000

# Each set at its own budget (the references' length) and at a second, shorter one; single
# CNN/DailyMail articles also at three sentences, scored whole, as the held-out set of
# single articles is (#15: "3 sentences", against Lead-3).
SETS: dict[str, tuple[Budget, ...]] = {
    "multinews-200": (Budget(words=230), Budget(words=100)),
    "allsides-val": (Budget(words=80), Budget(words=40)),
    "bbc": (Budget(ratio=0.4), Budget(ratio=0.2)),
    "cnndm-summeval": (Budget(words=60), Budget(words=30), Budget(sentences=3)),
    "newsroom-60": (Budget(words=60), Budget(words=30)),
}


@dataclass(frozen=True)
class Method:
    """A scorer and a selector with their parameters; ``auto`` is the pipeline's own
    choice of scorer (lead on one article, lexrank-lead on several). With ``single``, an
    input of one article goes to that selector instead (as ``auto`` does for scorers); with
    ``trim``, sentences are trimmed before choosing (``summarize(..., trim=True)``)."""

    scorer: str
    selector: str
    scorer_params: Mapping[str, object] = field(default_factory=dict)
    selector_params: Mapping[str, object] = field(default_factory=dict)
    single: str | None = None  # another selector for a single article, with its defaults
    trim: bool = False

    @property
    def label(self) -> str:
        def part(name: str, params: Mapping[str, object]) -> str:
            inside = ",".join(f"{k}={v}" for k, v in sorted(params.items()))
            return f"{name}({inside})" if inside else name

        scorer = part(self.scorer, self.scorer_params)
        alone = f" ({self.single} for one article)" if self.single else ""
        trimmed = " with trimming" if self.trim else ""
        return f"{scorer}+{part(self.selector, self.selector_params)}{alone}{trimmed}"

    def run(self, cluster: Cluster, budget: Budget) -> str:
        scorer = (
            self.scorer
            if self.scorer == "auto"
            else scorers.create(self.scorer, **dict(self.scorer_params))
        )
        if self.single and len(cluster.documents) == 1:
            selector = selectors.create(self.single)
        else:
            selector = selectors.create(self.selector, **dict(self.selector_params))
        summary = summarize(
            cluster.documents,
            scorer=scorer,
            selector=selector,
            headline=False,
            trim=self.trim,
            **budget.as_dict(),
        )
        return "\n".join(s.text for s in summary.sentences)


# The candidates. The grids of tuned parameters are spelled out: the news scorer's
# ``weight`` (position against content) and ``quotes`` (1 = no down-weighting), the
# submodular selector's ``importance`` (0 = the paper's unweighted coverage; 2, its default,
# when not given), ICSISumm's pruning and its other differences for the ILP, and whether a
# single article keeps the greedy selector.
ICSISUMM = {"min_share": 0.3, "min_words": 10, "quotes": False}
# ICSISumm as published (#15): its pruning, every sentence a candidate, no cosine constraint,
# no tie-break by the scorer (so the scorer plays no part), solved to the optimum.
ICSISUMM_ALL = {**ICSISUMM, "max_candidates": None, "redundancy": None, "tie": 0.0, "gap": 0.0}
METHODS: tuple[Method, ...] = (
    Method("lead", "greedy"),
    Method("auto", "greedy"),  # the default before this protocol's choice
    Method("centroid", "submodular", {}, {"importance": 1.0}),
    Method("textrank", "ilp"),
    Method("lead", "ilp"),
    Method("lead", "ilp", {}, ICSISUMM),
    # what keeps our ILP from ICSISumm (#15), one difference at a time
    Method("lead", "ilp", {}, ICSISUMM_ALL),
    Method("lead", "ilp", {}, {"max_candidates": None}),
    Method("textrank", "ilp", {}, {"max_candidates": None}),
    Method("lead", "ilp", {}, {"redundancy": None}),
    Method("textrank", "ilp", {}, {"redundancy": None}),
    Method("lead", "ilp", {}, {"tie": 0.0}),
    Method("lead", "ilp", {}, {"gap": 0.0}),
    Method("lead", "ilp", single="greedy"),
    Method("lead", "submodular", {}, {"importance": 0.0}),  # Lin & Bilmes' coverage
    Method("lead", "submodular", {}, {"importance": 0.5}),
    Method("lead", "submodular", {}, {"importance": 1.0}),
    Method("lead", "submodular"),  # importance=2, the selector's default
    Method("lead", "submodular", {}, {"importance": 3.0}),
    Method("lead", "submodular", {}, {"importance": 4.0}),
    Method("lead", "submodular", {}, {"importance": 0.0}, single="greedy"),
    Method("auto", "submodular", {}, {"importance": 1.0}),
    Method("auto", "submodular"),  # lexrank-lead scores for several sources, importance 2
    Method("lead", "submodular", trim=True),  # the DUC systems trimmed (#15)
    Method("news", "greedy", {"weight": 0.3, "quotes": 1.0}),
    Method("news", "greedy", {"weight": 0.5, "quotes": 1.0}),
    Method("news", "greedy", {"weight": 0.3, "quotes": 0.7}),
    Method("news", "submodular", {"weight": 0.3, "quotes": 1.0}, {"importance": 1.0}),
    Method("news", "ilp", {"weight": 0.3, "quotes": 1.0}),
)


# -- running -----------------------------------------------------------------------------------


def load(eval_dir: Path, name: str, max_clusters: int) -> list[Cluster]:
    """The clusters of one set that have reference summaries, thinned to every k-th one when
    there are more than ``max_clusters`` (0: all)."""
    clusters = [c for c in read_clusters(eval_dir / f"{name}.jsonl") if c.summaries]
    if max_clusters and len(clusters) > max_clusters:
        step = -(-len(clusters) // max_clusters)
        clusters = clusters[::step]
    return clusters


def cluster_score(method: Method, cluster: Cluster, budget: Budget) -> tuple[float, float, float]:
    """ROUGE-1 F1, ROUGE-2 F1 (percent) and seconds of one method on one cluster."""
    started = time.perf_counter()
    try:
        text = method.run(cluster, budget)
    except SummarizeError:
        text = ""
    seconds = time.perf_counter() - started
    result = score_all(text, cluster.summaries, **rouge_limits(budget))
    return 100 * result["rouge1"].fmeasure, 100 * result["rouge2"].fmeasure, seconds


_loaded: dict[str, list[Cluster]] = {}


def _init(eval_dir: Path, names: Sequence[str], max_clusters: int) -> None:
    for name in names:
        _loaded[name] = load(eval_dir, name, max_clusters)


def run_cell(task: tuple[Method, str, int]) -> tuple[str, str, int, np.ndarray]:
    """Every cluster of one set at one of its budgets, for one method: an array of shape
    (clusters, 3) with R1 F1, R2 F1 and seconds."""
    method, name, which = task
    budget = SETS[name][which]
    rows = [cluster_score(method, c, budget) for c in _loaded[name]]
    return method.label, name, which, np.array(rows).reshape(-1, 3)


def split_labels(text: str) -> list[str]:
    """The method labels in a ``--methods`` list: split at the commas between labels, not at
    those inside a label's parentheses."""
    labels, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0 and not text.startswith(" ", i + 1):
            labels.append(text[start:i])
            start = i + 1
    labels.append(text[start:])
    return [label for label in labels if label]


# -- the choice --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One method on one set at one budget, against lead."""

    r1: float
    r2: float
    gain: float
    low: float
    high: float
    win: bool
    loss: bool
    seconds: float


def compare(
    values: dict[str, np.ndarray], seed: int = 0, baseline: str = BASELINE
) -> dict[str, Cell]:
    """Each method's cell for one (set, budget) against ``baseline``: ``values[label]`` is
    (clusters, 3)."""
    labels = list(values)
    score = np.stack([values[m][:, :2].mean(axis=1) for m in labels], axis=1)
    rng = np.random.default_rng(seed)
    resampled = bootstrap_means(score, rng, RESAMPLES)
    base = labels.index(baseline)
    cells = {}
    for i, label in enumerate(labels):
        diff = resampled[:, i] - resampled[:, base]
        tail = (1 - CONFIDENCE) / 2
        low, high = np.quantile(diff, [tail, 1 - tail])
        cells[label] = Cell(
            r1=float(values[label][:, 0].mean()),
            r2=float(values[label][:, 1].mean()),
            gain=float(score[:, i].mean() - score[:, base].mean()),
            low=float(low),
            high=float(high),
            win=i != base and low > 0,
            loss=i != base and high < 0,
            seconds=float(values[label][:, 2].mean()),
        )
    return cells


def choose(table: dict[tuple[str, int], dict[str, Cell]], labels: Sequence[str]) -> str | None:
    """The method with the best mean gain over every cell among those that lose nowhere."""
    safe = [m for m in labels if not any(cells[m].loss for cells in table.values())]
    if not safe:
        return None
    return max(safe, key=lambda m: np.mean([cells[m].gain for cells in table.values()]))


# -- report ------------------------------------------------------------------------------------


def describe(budget: Budget) -> str:
    kind, value = next(iter(budget.as_dict().items()))
    return f"ratio {value:g}" if kind == "ratio" else f"{value} {kind}"


def report(
    table: dict[tuple[str, int], dict[str, Cell]],
    labels: Sequence[str],
    chosen: str | None,
    against_former: Mapping[tuple[str, int], Cell],
    sizes: Mapping[str, int],
    command: str,
    header: str,
) -> str:
    keys = sorted(table, key=lambda k: (list(SETS).index(k[0]), k[1]))
    lines = [
        SECTION,
        "",
        header,
        "",
        f"Command: `{command}`",
        "",
        "Score = mean of ROUGE-1 F1 and ROUGE-2 F1 (percent, ROUGE-1.5.5 conventions, output "
        "and references cut to a words budget; a ratio or sentence budget cuts nothing). "
        "Gain = method minus lead+greedy in points, "
        f"with its {CONFIDENCE:.0%} paired-bootstrap interval ({RESAMPLES} resamples of the "
        "clusters); **+** = the interval is above 0 (significantly better than lead), **−** = "
        "below 0. The "
        "choice: the best mean gain over all cells among the methods with no **−**.",
        "",
        "Sets: "
        + "; ".join(
            f"{n} ({sizes[n]} clusters, "
            + ", ".join(describe(budget) for budget in SETS[n][:-1])
            + f" and {describe(SETS[n][-1])})"
            for n in SETS
            if n in sizes
        )
        + ".",
        "",
        "### Summary",
        "",
        "| method | mean gain | cells won | cells lost | ms / cluster |",
        "|---|---:|---:|---:|---:|",
    ]
    order = sorted(labels, key=lambda m: -np.mean([table[k][m].gain for k in keys]))
    for m in order:
        gain = np.mean([table[k][m].gain for k in keys])
        won = sum(table[k][m].win for k in keys)
        lost = sum(table[k][m].loss for k in keys)
        ms = 1000 * np.mean([table[k][m].seconds for k in keys])
        name = f"**{m}**" if m == chosen else m
        lines.append(f"| {name} | {gain:+.2f} | {won} | {lost} | {ms:.1f} |")
    lines += [
        "",
        f"**Choice: {chosen}**" if chosen else "**No method avoids a significant loss.**",
        "",
    ]
    if against_former:
        lines += [
            f"The choice against the former default, {FORMER_DEFAULT} (gain [interval], the "
            "same bootstrap):",
            "",
            "| " + " | ".join(f"{n} {describe(SETS[n][w])}" for n, w in keys) + " |",
            "|" + "---:|" * len(keys),
            "| "
            + " | ".join(
                f"{c.gain:+.2f} [{c.low:+.2f}, {c.high:+.2f}]"
                + (" **+**" if c.win else " **−**" if c.loss else "")
                for c in (against_former[k] for k in keys)
            )
            + " |",
            "",
        ]
    lines += [
        "### Every cell: R1 F1 / R2 F1, gain [interval]",
        "",
        "| method | " + " | ".join(f"{n} {describe(SETS[n][w])}" for n, w in keys) + " |",
        "|---|" + "---:|" * len(keys),
    ]
    for m in order:
        cells = []
        for k in keys:
            c = table[k][m]
            mark = " **+**" if c.win else " **−**" if c.loss else ""
            if m == BASELINE:
                cells.append(f"{c.r1:.2f} / {c.r2:.2f}")
            else:
                cells.append(
                    f"{c.r1:.2f} / {c.r2:.2f}, {c.gain:+.2f} [{c.low:+.2f}, {c.high:+.2f}]{mark}"
                )
        lines.append(f"| {m} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--methods", default="", help="labels to run (default: all)")
    parser.add_argument("--max-clusters", type=int, default=600)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--cache", type=Path, help="reuse and save per-cluster figures (dev)")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"protocol: no evaluation sets in {args.eval_dir}", file=sys.stderr)
        return 2
    names = [n for n in args.sets.split(",") if n]
    wanted = set(split_labels(args.methods))
    methods = [m for m in METHODS if not wanted or m.label in wanted or m.label == BASELINE]
    started = datetime.datetime.now(datetime.timezone.utc)
    load_now = load_average()
    revision = commit()
    clock = time.perf_counter()

    cache: dict[str, list[list[float]]] = {}
    made_at: dict[str, str] = {}  # the commit each cell was computed at, kept beside them
    if args.cache and args.cache.exists():
        saved = json.loads(args.cache.read_text())
        made_at = saved.pop(COMMITS, {})
        cache = saved
    tasks = [
        (m, n, w)
        for n in names
        for w in range(len(SETS[n]))
        for m in methods
        if f"{m.label}|{n}|{w}" not in cache
    ]
    if args.jobs > 1:
        with ProcessPoolExecutor(
            args.jobs, initializer=_init, initargs=(args.eval_dir, names, args.max_clusters)
        ) as pool:
            done = list(pool.map(run_cell, tasks))
    else:
        _init(args.eval_dir, names, args.max_clusters)
        done = []
        for task in tasks:
            done.append(run_cell(task))
            print(f"  {task[0].label} {task[1]} {task[2]}", file=sys.stderr, flush=True)
            if args.cache:  # saved as it goes, so an interrupted run loses one cell
                label, n, w, values = done[-1]
                cache[f"{label}|{n}|{w}"] = values.tolist()
                made_at[f"{label}|{n}|{w}"] = revision
                args.cache.write_text(json.dumps({**cache, COMMITS: made_at}))
    for label, n, w, values in done:
        cache[f"{label}|{n}|{w}"] = values.tolist()
        made_at[f"{label}|{n}|{w}"] = revision
    if args.cache:
        args.cache.write_text(json.dumps({**cache, COMMITS: made_at}))

    labels = [m.label for m in methods]
    table = {
        (n, w): compare({m: np.array(cache[f"{m}|{n}|{w}"]).reshape(-1, 3) for m in labels})
        for n in names
        for w in range(len(SETS[n]))
    }
    sizes = {n: len(cache[f"{BASELINE}|{n}|0"]) for n in names}
    chosen = choose(table, labels)
    against_former = (
        {
            (n, w): compare(
                {
                    m: np.array(cache[f"{m}|{n}|{w}"]).reshape(-1, 3)
                    for m in (chosen, FORMER_DEFAULT)
                },
                baseline=FORMER_DEFAULT,
            )[chosen]
            for n in names
            for w in range(len(SETS[n]))
        }
        if chosen and chosen != FORMER_DEFAULT and FORMER_DEFAULT in labels
        else {}
    )
    command = "python benchmarks/protocol.py" + (" --write" if args.write else "")
    if args.sets != ",".join(SETS):
        command += f" --sets {args.sets}"
    if args.max_clusters != 600:
        command += f" --max-clusters {args.max_clusters}"
    if args.cache:
        command += f" --cache {args.cache}"
    used = [f"{m}|{n}|{w}" for m in labels for n in names for w in range(len(SETS[n]))]
    counts: dict[str, int] = {}
    for key in used:
        counts[made_at.get(key, "unknown")] = counts.get(made_at.get(key, "unknown"), 0) + 1
    header = (
        run_line(started, load_now, revision)
        + f", in {time.perf_counter() - clock:.0f} s wall time on {args.jobs} process(es)"
        + (
            f"; {len(used) - len(tasks)} of the "
            f"{len(used)} cells were reused from the --cache of earlier runs "
            "of this command; cells by the commit they were computed at: "
            + ", ".join(f"{k} at {c}" for c, k in sorted(counts.items()))
            + "."
            if len(tasks) < len(used)
            else "."
        )
    )
    publish(report(table, labels, chosen, against_former, sizes, command, header), args.write)
    print(f"protocol: chose {chosen}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
