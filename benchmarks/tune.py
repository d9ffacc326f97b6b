"""Grid search for the parameters of the ``lexrank-lead`` scorer on the development sets.

    python benchmarks/tune.py [--weights 0.1,0.2,...] [--powers 0.5,1] [--jobs 2] [--write]

For each (weight, power) the full digest pipeline summarizes every cluster of
multinews-200 (230 words) and allsides-val (80 words); the output is scored with ROUGE-1/2 F1
(``summarize.evaluation.rouge``, ROUGE-1.5.5 conventions) against the references. The chosen
setting is the one with the best mean ROUGE-2 F1 over the two sets, where each set counts equally;
the table shows how flat the surface is around it. Only two parameters are searched so the
choice has little room to overfit. ``--write`` replaces the section "## Tuning: lexrank-lead"
of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import publish  # noqa: E402

from summarize import summarize  # noqa: E402
from summarize.evaluation.rouge import score_all  # noqa: E402
from summarize.inputs.clusters import Cluster, read_clusters  # noqa: E402
from summarize.scorers.lexrank_lead import LexRankLead  # noqa: E402

SETS = {"multinews-200": 230, "allsides-val": 80}
SECTION = "## Tuning: lexrank-lead"

_clusters: dict[str, list[Cluster]] = {}


def _load(eval_dir: Path) -> None:
    for name in SETS:
        _clusters[name] = list(read_clusters(eval_dir / f"{name}.jsonl"))


def evaluate(task: tuple[str, float, float]) -> tuple[str, float, float, float, float]:
    """Mean ROUGE-1 and ROUGE-2 F1 (percent) of one setting on one set."""
    name, weight, power = task
    words = SETS[name]
    scorer = LexRankLead(weight=weight, power=power)
    r1 = r2 = 0.0
    clusters = _clusters[name]
    for cluster in clusters:
        summary = summarize(cluster.documents, scorer=scorer, words=words)
        text = " ".join(s.text for s in summary.sentences)
        scores = score_all(text, cluster.summaries, words=words)
        r1 += scores["rouge1"].fmeasure
        r2 += scores["rouge2"].fmeasure
    return name, weight, power, 100 * r1 / len(clusters), 100 * r2 / len(clusters)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", default="0,0.1,0.2,0.3,0.4,0.5,0.6,0.8,1")
    parser.add_argument("--powers", default="0.5,1")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    if not args.eval_dir.is_dir():
        print(f"tune: no evaluation sets in {args.eval_dir}", file=sys.stderr)
        return 2
    weights = [float(w) for w in args.weights.split(",")]
    powers = [float(p) for p in args.powers.split(",")]
    tasks = [(s, w, p) for p, w, s in itertools.product(powers, weights, SETS)]
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs, initializer=_load, initargs=(args.eval_dir,)) as pool:
        results = list(pool.map(evaluate, tasks))
    seconds = time.perf_counter() - start

    table: dict[tuple[float, float], dict[str, tuple[float, float]]] = {}
    for name, weight, power, r1, r2 in results:
        table.setdefault((weight, power), {})[name] = (r1, r2)
    best = max(table, key=lambda k: sum(r2 for _, r2 in table[k].values()) / len(SETS))
    lines = [
        SECTION,
        "",
        f"Command: `python benchmarks/tune.py --weights {args.weights} --powers {args.powers}` "
        f"({time.strftime('%Y-%m-%d')}, {seconds:.0f} s on {args.jobs} processes).",
        "",
        "score = (1 - weight) * continuous LexRank + weight / (1 + position) ** power; "
        "ROUGE F1 in percent at each set's budget; the best mean R2 F1 over the two sets "
        "is in bold.",
        "",
        "| weight | power | multinews R1 F | multinews R2 F | allsides R1 F | allsides R2 F |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for key in sorted(table, key=lambda k: (k[1], k[0])):
        cells = [f"{v:.2f}" for name in SETS for v in table[key][name]]
        mark = "**" if key == best else ""
        lines.append(f"| {mark}{key[0]:g}{mark} | {key[1]:g} | " + " | ".join(cells) + " |")
    lines += ["", f"Best: weight={best[0]:g}, power={best[1]:g}.", ""]
    text = "\n".join(lines)
    publish(text, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
