"""``summarize eval`` on every development set, for every scorer of ours and the baselines.

For each ``*.jsonl`` in the evaluation folder (``../shared/eval/`` next to the repository,
or ``--eval-dir``) this runs the command line exactly as a user would::

    summarize eval SET.jsonl --scorer <all> --jobs 2 --output <table>.md

(through :func:`summarize.cli.app.main`, in this process), at each set's own budget and against
its reference summaries; with ``--headlines``, sets that have reference headlines are also
run with ``--target headlines``. The scorers are the default (``lexrank-lead``), every other
registered scorer that is not a ``sumy-*`` adapter, then the baselines ``lead``, ``random``
and ``oracle``; ``--sumy`` adds sumy adapters (slow; ``sumy-kl`` refuses inputs over 200
sentences, which count as failures). Each set's wall time is measured around its command.

    python benchmarks/evaluate_all.py [--eval-dir DIR] [--sets a,b] [--sumy sumy-lexrank]
        [--jobs 2] [--headlines] [--write]

``--write`` replaces the section "## Evaluation: summarize eval on every dev set" of
``benchmarks/RESULTS.md`` (appending it when missing) and leaves the rest alone. No text of
the evaluation sets is written anywhere: the tables hold figures and cluster counts only.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from results import RESULTS, load_average, publish, run_line  # benchmarks/results.py

from summarize.cli.app import main as summarize_main
from summarize.scorers import scorers

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = ROOT.parent / "shared" / "eval"
HEADING = "## Evaluation: summarize eval on every dev set"
DEFAULT = "lexrank-lead"
BASELINES = ("lead", "random", "oracle")


def our_scorers(sumy: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The default first, our other scorers, any sumy adapters asked for, the baselines."""
    ours = [
        name
        for name in scorers.names()
        if name != DEFAULT and name not in BASELINES and not name.startswith("sumy-")
    ]
    return (DEFAULT, *ours, *sumy, *BASELINES)


def has_headlines(path: Path) -> bool:
    """Whether any line of the set has a non-empty "headlines" list (read as JSON)."""
    import json

    with path.open(encoding="utf-8") as handle:
        return any(json.loads(line).get("headlines") for line in handle if line.strip())


def run_one(path: Path, names: tuple[str, ...], jobs: int, target: str) -> tuple[str, float, float]:
    """Run ``summarize eval`` on one set; return its Markdown table, the wall time and the
    CPU time (all processes)."""
    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "table.md"
        argv = [
            "eval",
            str(path),
            "--scorer",
            ",".join(names),
            "--jobs",
            str(jobs),
            "--target",
            target,
            "--output",
            str(table),
        ]
        started, cpu = time.perf_counter(), cpu_seconds()
        with contextlib.redirect_stdout(io.StringIO()):
            status = summarize_main(argv)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        if status != 0:
            raise SystemExit(f"summarize eval failed on {path} (exit status {status})")
        return table.read_text(encoding="utf-8"), seconds, cpu


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def section(
    runs: list[tuple[str, str, float, float, str]],
    names: tuple[str, ...],
    command: str,
    started: datetime.datetime,
    wall: float,
    jobs: int,
    load: float | None,
) -> str:
    out = [HEADING, ""]
    out.append(run_line(started, load) + f": {wall:.0f} s wall time in all.")
    out.append("")
    out.append(f"Command: `{command}`, which runs for each set")
    out.append("")
    out.append(
        f"    summarize eval SET.jsonl --scorer {','.join(names)} --jobs {jobs} --output T.md"
    )
    out.append("")
    out.append(
        "Each cluster is summarized at its set's own budget and scored with ROUGE-1.5.5 "
        "conventions (`summarize.evaluation.rouge`): stemmed, output and references cut to a words "
        "budget, references pooled; BBC's ratio budget cuts nothing. Figures are means over "
        "clusters in percent (R = recall, F = F1) with the 95% paired-bootstrap interval in "
        "brackets. *oracle* is the greedy extract that maximises ROUGE-1 + ROUGE-2 recall "
        "against the references: the ceiling for picking sentences, shown but never "
        "counted as the best. The rest of the marks are explained under each table. "
        "For headlines the output is the digest's headline, else its one sentence: where "
        "the sources have titles (AllSides) the headline is the best source title whatever "
        "the scorer, so every scorer scores alike there, while the oracle is held to "
        "picking a sentence."
    )
    out.append("")
    out.append(
        "Wall time is what a user waits for with two processes on this machine, which other "
        "work shared (see the load average); CPU time adds up all processes and depends "
        "much less on that."
    )
    out.append("")
    out.append("| set | target | clusters | wall time | CPU time |")
    out.append("|---|---|---:|---:|---:|")
    for name, target, seconds, cpu, table in runs:
        clusters = re.search(r"mean over ([\d,]+) clusters", table)
        count = clusters.group(1) if clusters else "?"
        out.append(f"| {name} | {target} | {count} | {seconds:.0f} s | {cpu:.0f} s |")
    out.append("")
    for _, _, _, _, table in runs:
        out.append(table.rstrip("\n"))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR, help=f"default {EVAL_DIR}")
    parser.add_argument("--sets", help="comma-separated set names (default: every *.jsonl)")
    parser.add_argument("--sumy", default="", help="comma-separated sumy-* scorers to add")
    parser.add_argument("--jobs", type=int, default=2, help="processes per set (default 2)")
    parser.add_argument(
        "--headlines", action="store_true", help="also --target headlines where there are any"
    )
    parser.add_argument("--write", action="store_true", help=f"write the section into {RESULTS}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python benchmarks/evaluate_all.py" + "".join(
        " " + a for a in (sys.argv[1:] if argv is None else argv)
    )
    paths = sorted(args.eval_dir.glob("*.jsonl"))
    if args.sets:
        wanted = {n.strip().removesuffix(".jsonl") for n in args.sets.split(",") if n.strip()}
        paths = [p for p in paths if p.stem in wanted]
    if not paths:
        print(f"no evaluation sets found in {args.eval_dir}", file=sys.stderr)
        return 2
    sumy = tuple(n.strip() for n in args.sumy.split(",") if n.strip())
    names = our_scorers(sumy)
    started = datetime.datetime.now()
    load = load_average()
    clock = time.perf_counter()
    runs = []
    for path in paths:
        targets = ["summaries"]
        if args.headlines and has_headlines(path):
            targets.append("headlines")
        for target in targets:
            print(f"{path.stem} ({target}) ...", file=sys.stderr, flush=True)
            table, seconds, cpu = run_one(path, names, args.jobs, target)
            print(f"  {seconds:.0f} s (CPU {cpu:.0f} s)", file=sys.stderr, flush=True)
            runs.append((path.stem, target, seconds, cpu, table))
    wall = time.perf_counter() - clock
    text = section(runs, names, command, started, wall, args.jobs, load)
    publish(text, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
