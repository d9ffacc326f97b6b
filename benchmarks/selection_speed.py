"""Time of selection alone, per cluster, for every selector, on one core.

    python benchmarks/selection_speed.py [--set multinews-200] [--min-documents 5] [--write]

Each cluster of the set runs through the digest pipeline (cleaning, scoring with the default
scorer, merging); the pool handed to the selector is captured and each selector (with its
default parameters) is then timed on it alone, best of three, in this one process, and so
is trimming every candidate, which ``--trim`` does before selection. The issue's target
is selection under 50 ms for a cluster of ten articles; Multi-News clusters have two to ten,
so the table reports all clusters and those with at least ``--min-documents`` articles.
``--write`` replaces the section "## Selection speed" of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from results import load_average, publish, run_line  # noqa: E402

from summarize import summarize  # noqa: E402
from summarize.digest.trim import trim  # noqa: E402
from summarize.inputs.clusters import read_clusters  # noqa: E402
from summarize.model import Budget  # noqa: E402
from summarize.selectors import Pool, selectors  # noqa: E402
from summarize.selectors.budget import Selection, resolve  # noqa: E402

SECTION = "## Selection speed"


class Capture:
    """A selector that keeps the pool and budget it is given and chooses nothing itself."""

    def __init__(self) -> None:
        self.pools: list[tuple[Pool, Budget, int]] = []

    def select(self, pool: Pool, budget: Budget) -> Selection:
        documents = len({d for sources in pool.sources for d in sources})
        self.pools.append((pool, budget, documents))
        return selectors.create("greedy").select(pool, budget)


def _trim_all(pool: Pool, budget: Budget) -> object:
    """What ``--trim`` adds before selection: every candidate trimmed."""
    return [trim(sentence.text) for sentence in pool.sentences]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default="multinews-200")
    parser.add_argument("--min-documents", type=int, default=5)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    path = args.eval_dir / f"{args.set}.jsonl"
    if not path.exists():
        print(f"selection_speed: {path} not found", file=sys.stderr)
        return 2
    capture = Capture()
    for cluster in read_clusters(path):
        budget = cluster.budget or Budget(words=230)
        summarize(cluster.documents, selector=capture, **budget.as_dict())
    lines = [
        SECTION,
        "",
        f"Command: `python benchmarks/selection_speed.py --set {args.set} "
        f"--min-documents {args.min_documents}` ({time.strftime('%Y-%m-%d')}; one process). "
        f"{run_line(datetime.datetime.now(), load_average())}. "
        "Milliseconds per cluster for the selector alone (best of 3 runs per cluster).",
        "",
        "| selector | clusters | median | p95 | max | clusters with "
        f">= {args.min_documents} articles: median | p95 | max |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows: list[tuple[str, Callable[[Pool, Budget], object]]] = [
        (name, selectors.create(name).select) for name in selectors.names()
    ]
    rows.append(("trimming every candidate (--trim)", _trim_all))
    for name, run in rows:
        times, documents = [], []
        for pool, budget, count in capture.pools:
            resolved = resolve(budget, pool.sentences)
            best = np.inf
            for _ in range(3):
                start = time.perf_counter()
                run(pool, resolved)
                best = min(best, time.perf_counter() - start)
            times.append(1000 * best)
            documents.append(count)
        all_times = np.array(times)
        large = all_times[np.array(documents) >= args.min_documents]

        def stats(values: np.ndarray) -> str:
            if not values.size:
                return "– | – | –"
            return " | ".join(
                f"{v:.1f}" for v in (np.median(values), np.percentile(values, 95), values.max())
            )

        lines.append(f"| {name} | {all_times.size} | {stats(all_times)} | {stats(large)} |")
    lines.append("")
    text = "\n".join(lines)
    publish(text, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
