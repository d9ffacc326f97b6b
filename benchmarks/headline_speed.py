"""Time of the headline step on top of the digest, per cluster and by number of articles.

    python benchmarks/headline_speed.py [--set multinews-200] [--repeat 5] [--limit N]
        [--sizes 10,20,40,80] [--eval-dir DIR] [--write]

**What is timed.** The digest ranks its input once (:func:`summarize.ranking.rank`) and makes
its headline from that ranking (:func:`summarize.headline.headline_of`), so *the headline
step* is ``headline_of(ranked, 75)`` on the ranking the digest made for the cluster (the
options ``summarize()`` builds, with the cluster's own budget). Each cluster's step is run
``--repeat`` times and its best time kept (wall clock, ``time.perf_counter``; the CPU time
of the thread, ``time.thread_time``, beside it, which other processes on the machine disturb
less); the table gives the median, 95th percentile and maximum over clusters, in
milliseconds. As a check of that definition, the same best-of-``--repeat`` is taken of the
whole digest with and without its headline (``digest(documents, options)`` with
``headline=True`` and ``False``), and the median over clusters of the difference is given.

**By number of articles.** The set's clusters grouped by how many articles they have (the
headline step and the digest without headline, medians), and inputs made of the first
``--sizes`` articles of the set in order (several clusters pooled: more articles than any
cluster has), to show how each cost grows with the input: the headline's share of the
digest's time should not grow.

The issue's target (#16): at most 1.5 ms per Multi-News cluster (the median above, wall
clock), and no cost that grows with the number of articles faster than the digest's.
``--write`` replaces the section "## Headline speed" of ``benchmarks/RESULTS.md``. No text
of the evaluation sets is written anywhere.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's package, whatever is installed

from results import load_average, publish, run_line  # noqa: E402  (benchmarks/results.py)

from summarize.digest.pipeline import digest  # noqa: E402
from summarize.headline import DEFAULT_BYTES, headline_of  # noqa: E402
from summarize.inputs.clusters import Cluster, read_clusters  # noqa: E402
from summarize.model import Budget, Document  # noqa: E402
from summarize.options import DigestOptions  # noqa: E402
from summarize.ranking import Ranked, rank  # noqa: E402

EVAL_DIR = ROOT.parent / "shared" / "eval"
SECTION = "## Headline speed"
TARGET_MS = 1.5
DEFAULT_SIZES = (10, 20, 40, 80)
DEFAULT_WORDS = 230  # Multi-News's budget, for the pooled inputs


@dataclass(frozen=True)
class Timing:
    """Best-of-repeat times of one input, in milliseconds."""

    articles: int
    headline_wall: float
    headline_cpu: float
    digest_plain: float  # the digest without headline (wall)
    digest_with: float  # the digest with its headline (wall)


def best_of(repeat: int, call: Callable[[], object]) -> tuple[float, float]:
    """The best wall and best CPU time of ``repeat`` calls, in milliseconds."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.thread_time()
        call()
        cpu = min(cpu, time.thread_time() - started_cpu)
        wall = min(wall, time.perf_counter() - started)
    return 1000 * wall, 1000 * cpu


def time_input(documents: Sequence[Document], budget: Budget, repeat: int) -> Timing:
    options = DigestOptions(budget=budget)
    ranked: Ranked = rank(documents, options)
    headline_of(ranked, DEFAULT_BYTES)  # warm: lemminflect's tables, caches of word forms
    wall, cpu = best_of(repeat, lambda: headline_of(ranked, DEFAULT_BYTES))
    plain = replace(options, headline=False)
    digest_plain = best_of(repeat, lambda: digest(documents, plain))[0]
    digest_with = best_of(repeat, lambda: digest(documents, options))[0]
    return Timing(len(documents), wall, cpu, digest_plain, digest_with)


def stats(values: Sequence[float]) -> str:
    array = np.asarray(values)
    return " | ".join(f"{v:.2f}" for v in (np.median(array), np.percentile(array, 95), array.max()))


def pooled(clusters: Sequence[Cluster], size: int) -> list[Document]:
    """The first ``size`` articles of the set, in order, with ids of their own."""
    documents = [d for cluster in clusters for d in cluster.documents][:size]
    return [
        replace(d, id=str(i), sentences=tuple(replace(s, doc=str(i)) for s in d.sentences))
        for i, d in enumerate(documents)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="multinews-200")
    parser.add_argument("--repeat", type=int, default=5, help="runs per input, best kept")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="numbers of articles of the pooled inputs ('' for none)",
    )
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    path = args.eval_dir / f"{args.set}.jsonl"
    if not path.exists():
        print(f"headline_speed: {path} not found", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started, load = datetime.datetime.now(), load_average()
    every = list(read_clusters(path))
    clusters = every[: args.limit]
    timings = [
        time_input(c.documents, c.budget or Budget(words=DEFAULT_WORDS), args.repeat)
        for c in clusters
    ]
    scale = [
        time_input(pooled(every, size), Budget(words=DEFAULT_WORDS), max(1, args.repeat // 2))
        for size in sizes
    ]
    seconds = (datetime.datetime.now() - started).total_seconds()
    end_load = load_average()

    wall = [t.headline_wall for t in timings]
    added = [t.digest_with - t.digest_plain for t in timings]
    median = float(np.median(wall))
    lines = [
        SECTION,
        "",
        run_line(started, load)
        + (f", load average {end_load:.1f} at the end" if end_load is not None else "")
        + f"; {seconds:.0f} s wall time.",
        "",
        f"Command: `python benchmarks/headline_speed.py --set {args.set} --repeat {args.repeat}"
        + (f" --limit {args.limit}" if args.limit else "")
        + "`",
        "",
        "The headline step is `headline_of(ranked, 75)` on the ranking the digest made for the "
        "input (`summarize.ranking.rank` with the options `summarize()` builds); each input's "
        f"best of {args.repeat} runs, in milliseconds (wall clock; CPU time of the thread "
        "beside it). *digest* is `digest(documents, options)` without its headline; *added* is "
        "the digest with its headline minus the digest without (best of "
        f"{args.repeat} each), a check of the definition. Medians, 95th percentiles and maxima "
        "over inputs; the load of another process on the machine makes them noisy.",
        "",
        "| inputs | clusters | headline median | p95 | max | headline CPU median | p95 | max "
        "| digest median | added median |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {args.set} | {len(timings)} | {stats(wall)} "
        f"| {stats([t.headline_cpu for t in timings])} "
        f"| {np.median([t.digest_plain for t in timings]):.2f} | {np.median(added):.2f} |",
        "",
        "By number of articles: the set's clusters by how many articles they have, then inputs "
        "pooling the set's first articles in order (best of "
        f"{max(1, args.repeat // 2)}); *share* is the headline's time over the digest's.",
        "",
        "| articles | inputs | headline ms | digest ms | share | headline ms per article |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for count in sorted({t.articles for t in timings}):
        group = [t for t in timings if t.articles == count]
        head = float(np.median([t.headline_wall for t in group]))
        whole = float(np.median([t.digest_plain for t in group]))
        lines.append(
            f"| {count} | {len(group)} | {head:.2f} | {whole:.2f} | {head / whole:.0%} "
            f"| {head / count:.3f} |"
        )
    for t in scale:
        lines.append(
            f"| {t.articles} (pooled) | 1 | {t.headline_wall:.2f} | {t.digest_plain:.2f} "
            f"| {t.headline_wall / t.digest_plain:.0%} | {t.headline_wall / t.articles:.3f} |"
        )
    met = median <= TARGET_MS
    shares = [t.headline_wall / t.digest_plain for t in scale]
    grows = len(shares) > 1 and shares[-1] > shares[0] * 1.25
    lines += [
        "",
        f"Target (#16): the headline step at most {TARGET_MS} ms per Multi-News cluster "
        f"(median): {median:.2f} ms, **{'met' if met else 'not met'}**"
        + (
            f"; its share of the digest's time from {shares[0]:.0%} at {scale[0].articles} "
            f"articles to {shares[-1]:.0%} at {scale[-1].articles}: "
            f"**{'grows faster than the digest' if grows else 'no faster than the digest'}**"
            if len(shares) > 1
            else ""
        )
        + ".",
        "",
    ]
    publish("\n".join(lines), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
