"""Throughput and memory of ``summarize batch``, and where the time of one cluster goes.

Runs the real command line (``python -m summarize batch INPUT -o OUTPUT --jobs N``) in a
subprocess over:

* ``../shared/eval/multinews-200.jsonl`` (200 Multi-News clusters, read only to time; no
  text of it is stored), JSONL out, the default digest at each cluster's own budget;
* a folder of synthetic documents generated deterministically into a temporary folder
  outside the repository (``--documents``, default 10,000; and its first tenth, to show
  that memory does not grow with the number of inputs), text files out.

Each with ``--jobs 1`` (in one process) and ``--jobs 2`` (two worker processes). For each
run: inputs per second (from the command's own report, i.e. from planning the first input
to writing the last, worker start-up included; process start-up and imports are not), the
CPU time of every process of the run per input, and peak resident memory of the main
process and of the largest worker, sampled with psutil every 50 ms when psutil is
installed (else the peak of the largest waited-for process from ``getrusage``).

Then a profile of one cluster's time on Multi-News, in this process: JSON parsing,
segmentation (title detection, sentence splitting, tokenizing, stemming) and the stages of
``summarize()`` (cleaning, scoring, tf-idf rows, merging, selection, headline,
bookkeeping), each timed by wrapping the function the pipeline calls and reading the CPU
time (``time.process_time``: no profiler overhead, and time lost to other programs on a
busy machine is not counted).

    python benchmarks/batch.py [--documents 10000] [--repeats 3] [--write]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module, metadata
from pathlib import Path
from random import Random
from typing import Any

import numpy as np
from results import RESULTS, publish  # benchmarks/results.py

ROOT = Path(__file__).resolve().parent.parent
MULTINEWS = ROOT.parent / "shared" / "eval" / "multinews-200.jsonl"
HEADING = "## Batch throughput"

TARGET_RATE = 200.0  # clusters per second on 2 cores, default digest, Multi-News clusters
SAMPLE_SECONDS = 0.05


# -- synthetic documents ---------------------------------------------------------------------

FUNCTION_WORDS = (
    "the of and to in a that is was for on with as by at from it his her their said "
    "has have had been will would after before over about more than this which who"
).split()
ONSETS = ["b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ou"]
CODAS = ["", "n", "r", "s", "t", "l", "nd", "ck"]


def vocabulary(size: int, rng: Random) -> list[str]:
    """``size`` distinct made-up content words of two or three syllables."""
    words: set[str] = set()
    while len(words) < size:
        syllables = rng.choice((2, 2, 3))
        words.add(
            "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
            + rng.choice(CODAS)
        )
    return sorted(words)


def synthetic_document(rng: Random, words: Sequence[str], weights: Sequence[float]) -> str:
    """A news-like text: a title line, then paragraphs of 2-4 sentences, 8-26 words each,
    content words drawn with Zipf-like frequencies (about 350 words in all)."""
    topic = rng.choices(words, weights, k=6)

    def sentence() -> str:
        length = rng.randint(8, 26)
        out = []
        for _ in range(length):
            roll = rng.random()
            if roll < 0.4:
                out.append(rng.choice(FUNCTION_WORDS))
            elif roll < 0.6:
                out.append(rng.choice(topic))
            else:
                out.append(rng.choices(words, weights)[0])
        out[0] = out[0].capitalize()
        return " ".join(out) + "."

    title = " ".join(w.capitalize() for w in rng.sample(topic, 4))
    paragraphs = [" ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(6)]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> tuple[int, int]:
    """``count`` documents in sub-folders of 500 (``NNN/doc-NNNNN.txt``); the same seed gives
    the same files, and the first ``k`` files do not depend on ``count``. Returns the number
    of words and bytes written."""
    rng = Random(seed)
    words = vocabulary(4000, rng)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    total_words = total_bytes = 0
    for n in range(count):
        text = synthetic_document(Random(seed * 1_000_003 + n), words, weights)
        path = folder / f"{n // 500:03d}" / f"doc-{n:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total_words += len(text.split())
        total_bytes += len(data)
    return total_words, total_bytes


# -- running the command ---------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    label: str
    jobs: int
    inputs: int
    done: int
    failed: int
    seconds: float  # the command's own run time (from its report)
    wall: float  # the subprocess from start to exit
    cpu: float  # CPU seconds of every process of the run
    cpu_main: float | None  # CPU seconds of the main process (None without psutil)
    peak_main: int  # bytes
    peak_worker: int | None  # bytes; None with one job
    sampled: bool  # psutil sampling (else getrusage)

    @property
    def rate(self) -> float:
        return (self.done + self.failed) / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.cpu / max(1, self.done + self.failed)


REPORT_LINE = re.compile(r"^([\d,]+) done, ([\d,]+) skipped, ([\d,]+) failed in ([\d,.]+) s")
# The report's rate is worked out from the unrounded run time (its seconds are rounded to
# a tenth, too coarse for a run of about one second), so the run time is taken back from it.
REPORT_RATE = re.compile(r"\(([\d,.]+) inputs/s\)")


def run_batch(
    label: str, source: Path, output: Path, jobs: int, inputs: int, code: Path = ROOT
) -> Run:
    """Run the command once, from scratch (``--force``), and measure it. The package run is
    the one in ``code`` (this checkout, or one of another commit): it comes first on the
    path, and the command runs in the output's folder, so no other checkout is imported."""
    command = [sys.executable, "-m", "summarize", "batch", str(source), "-o", str(output)]
    command += ["--jobs", str(jobs), "--force"]
    env = {**os.environ, "PYTHONPATH": str(code)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=output.resolve().parent,
    )
    peaks, cpus, sampled = _watch(process)
    cpu = sum(cpus.values())
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    text = stdout.decode("utf-8", "replace")
    match = REPORT_LINE.match(text)
    if process.returncode not in (0, 1) or match is None:
        raise SystemExit(f"{' '.join(command)} failed:\n{text}{stderr.decode(errors='replace')}")
    done, _, failed, seconds = (float(g.replace(",", "")) for g in match.groups())
    rate = REPORT_RATE.search(text.splitlines()[0])
    if rate is not None and float(rate.group(1).replace(",", "")) > 0:
        seconds = (done + failed) / float(rate.group(1).replace(",", ""))
    if not sampled:
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        peaks = {process.pid: after.ru_maxrss * 1024}
    main = peaks.pop(process.pid, 0)
    return Run(
        label=label,
        jobs=jobs,
        inputs=inputs,
        done=int(done),
        failed=int(failed),
        seconds=seconds,
        wall=wall,
        cpu=cpu,
        cpu_main=cpus.get(process.pid) if sampled else None,
        peak_main=main,
        peak_worker=max(peaks.values()) if peaks and jobs > 1 else None,
        sampled=sampled,
    )


def _watch(process: subprocess.Popen[bytes]) -> tuple[dict[int, int], dict[int, float], bool]:
    """Peak RSS and CPU seconds of every process of the run by pid, sampled until the run
    ends (empty without psutil)."""
    try:
        import psutil
    except ImportError:
        process.wait()
        return {}, {}, False
    peaks: dict[int, int] = defaultdict(int)
    cpu: dict[int, float] = {}
    root = psutil.Process(process.pid)
    while process.poll() is None:
        with contextlib.suppress(psutil.Error):
            for proc in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error), proc.oneshot():
                    peaks[proc.pid] = max(peaks[proc.pid], proc.memory_info().rss)
                    times = proc.cpu_times()
                    cpu[proc.pid] = times.user + times.system
        time.sleep(SAMPLE_SECONDS)
    return dict(peaks), cpu, True


def write_copies(source: Path, target: Path, copies: int) -> None:
    """``copies`` copies of every cluster of ``source``, ids suffixed ``#k``, one at a time."""
    with target.open("w", encoding="utf-8") as out:
        for k in range(copies):
            with source.open(encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        data = json.loads(line)
                        data["id"] = f"{data['id']}#{k}"
                        out.write(json.dumps(data, ensure_ascii=False) + "\n")


THIS = "this checkout"


def against(
    revisions: Sequence[str], source: Path, inputs: int, work: Path, turns: int
) -> dict[str, list[Run]]:
    """``source`` summarized with ``--jobs 2`` at each of ``revisions`` (checked out into
    temporary git worktrees, removed afterwards) and at this checkout, in turn, ``turns``
    times over: interleaved, so a change in the machine's load touches every one alike."""
    trees: dict[str, Path] = {}
    runs: dict[str, list[Run]] = {revision: [] for revision in revisions}
    runs[THIS] = []
    try:
        for revision in revisions:
            folder = work / f"at-{revision}"
            made = subprocess.run(
                ["git", "worktree", "add", "--detach", str(folder), revision],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            if made.returncode != 0:
                raise SystemExit(f"cannot check out {revision}: {made.stderr.strip()}")
            trees[revision] = folder
        for _ in range(turns):
            for label, code in [*trees.items(), (THIS, ROOT)]:
                output = work / f"against-{label.replace(' ', '-')}.jsonl"
                runs[label].append(run_batch(label, source, output, 2, inputs, code))
                _say(runs[label][-1])
    finally:
        for folder in trees.values():
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(folder)],
                cwd=ROOT,
                capture_output=True,
            )
    return runs


def against_section(compared: dict[str, list[Run]], label: str) -> list[str]:
    """The table comparing this checkout with earlier commits (medians of the turns)."""
    if not compared:
        return []
    turns = len(compared[THIS])
    out = [
        "### Against earlier commits",
        "",
        f"{label} with `--jobs 2`, at each commit named by `--against` (a temporary git "
        f"worktree, its package first on the path) and at this checkout, one after another, "
        f"{turns} times over; medians of the {turns} runs. *CPU per input* is the CPU time "
        "of every process of the run over the inputs, start-up included: on a shared "
        "machine it moves far less with the load than the rate does.",
        "",
    ]
    mine = compared[THIS]
    rate = float(np.median([run.rate for run in mine]))
    cpu = float(np.median([run.cpu_ms for run in mine]))
    rows = []
    for name, runs in compared.items():
        their_rate = float(np.median([run.rate for run in runs]))
        their_cpu = float(np.median([run.cpu_ms for run in runs]))
        rows.append(
            [
                name if name == THIS else f"`{name}`",
                ", ".join(f"{run.rate:,.1f}" for run in runs),
                f"{their_rate:,.1f}",
                f"{their_cpu:,.1f} ms",
                "–" if name == THIS else f"{100 * (rate / their_rate - 1):+.0f}%",
                "–" if name == THIS else f"{100 * (cpu / their_cpu - 1):+.0f}%",
            ]
        )
    out += table(
        [
            "code",
            "inputs/s, each run",
            "inputs/s",
            "CPU per input",
            "this checkout's rate",
            "this checkout's CPU",
        ],
        rows,
    )
    out.append("")
    return out


def best_of(runs: Sequence[Run]) -> Run:
    """The fastest of repeated runs: on a shared machine the others lost time to other work."""
    return max(runs, key=lambda run: run.rate)


# -- where the time of one cluster goes ----------------------------------------------------------


class Stopwatch:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] += time.process_time() - started

        return timed


class _TimedAnalyzer:
    """An analyzer whose ``terms`` is timed; everything else passes through."""

    def __init__(self, inner: Any, watch: Stopwatch) -> None:
        self._inner = inner
        self.terms = watch.wrap("segmentation: stemming, stop words", inner.terms)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class _TimedMethod:
    """An object whose method ``name`` is timed under ``label``."""

    def __init__(self, inner: Any, name: str, label: str, watch: Stopwatch) -> None:
        self._inner = inner
        setattr(self, name, watch.wrap(label, getattr(inner, name)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextlib.contextmanager
def timed_stages(watch: Stopwatch) -> Iterator[None]:
    """Wrap the functions the pipeline calls by name (those that exist in this version)."""
    documents = import_module("summarize.text.documents")
    pipeline = import_module("summarize.digest.pipeline")
    patches: list[tuple[Any, str, Any]] = []

    def patch(module: Any, name: str, make: Callable[[Any], Any]) -> None:
        if hasattr(module, name):
            original = getattr(module, name)
            patches.append((module, name, original))
            setattr(module, name, make(original))

    patch(documents, "split_title", lambda f: watch.wrap("segmentation: title detection", f))
    patch(documents, "segment", lambda f: watch.wrap("segmentation: sentence splitting", f))
    patch(documents, "tokenize", lambda f: watch.wrap("segmentation: tokenizing", f))
    patch(documents, "analyzer", lambda f: lambda *a, **k: _TimedAnalyzer(f(*a, **k), watch))
    ranking = import_module("summarize.ranking")
    for module in (ranking, pipeline):  # the ranking step moved out of the pipeline in #13
        patch(module, "boilerplate", lambda f: watch.wrap("summarize: cleaning (boilerplate)", f))
        patch(module, "tfidf", lambda f: watch.wrap("summarize: tf-idf rows", f))
        patch(module, "duplicate_groups", lambda f: watch.wrap("summarize: merging", f))
    patch(ranking, "_scores", lambda f: watch.wrap("summarize: scoring", f))
    patch(pipeline, "exclusive_facts", lambda f: watch.wrap("summarize: only-in facts", f))
    patch(pipeline, "_best_title", lambda f: watch.wrap("summarize: headline", f))
    patch(pipeline, "_headline", lambda f: watch.wrap("summarize: headline", f))
    patch(pipeline, "_candidates", lambda f: watch.wrap("summarize: bookkeeping", f))
    patch(pipeline, "select", lambda f: watch.wrap("summarize: selection", f))

    def scorer(f: Callable[..., Any]) -> Callable[..., Any]:
        def make(*args: Any, **kwargs: Any) -> Any:
            name, model = f(*args, **kwargs)
            return name, _TimedMethod(model, "scores", "summarize: scoring", watch)

        return make

    def selector(f: Callable[..., Any]) -> Callable[..., Any]:
        def make(*args: Any, **kwargs: Any) -> Any:
            name, model = f(*args, **kwargs)
            return name, _TimedMethod(model, "select", "summarize: selection", watch)

        return make

    patch(pipeline, "_scorer", scorer)
    patch(pipeline, "_selector", selector)
    try:
        yield
    finally:
        for module, name, original in reversed(patches):
            setattr(module, name, original)


def profile(path: Path, rounds: int) -> tuple[list[tuple[str, float]], int]:
    """Mean seconds per cluster of each stage of the batch worker's job on ``path`` (the best
    of ``rounds`` rounds over every cluster, after a warm-up), and the cluster count."""
    from summarize.digest.pipeline import summarize
    from summarize.inputs.clusters import parse_budget, parse_documents
    from summarize.render.digest import to_json_line

    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def one_round(watch: Stopwatch) -> None:
        for line in lines:
            started = time.process_time()
            data = json.loads(line)
            watch.seconds["JSON parsing"] += time.process_time() - started
            started = time.process_time()
            documents = parse_documents(data["documents"])
            watch.seconds["(segmentation, whole)"] += time.process_time() - started
            budget = parse_budget(data.get("budget"))
            options = budget.as_dict() if budget else {}
            started = time.process_time()
            summary = summarize(documents, **options)
            watch.seconds["(summarize, whole)"] += time.process_time() - started
            started = time.process_time()
            to_json_line(summary, data["id"])
            watch.seconds["rendering the JSON line"] += time.process_time() - started

    one_round(Stopwatch())  # warm-up: caches, lazy imports
    best: dict[str, float] | None = None
    for _ in range(rounds):
        watch = Stopwatch()
        with timed_stages(watch):
            one_round(watch)
        total = watch.seconds["(segmentation, whole)"] + watch.seconds["(summarize, whole)"]
        if best is None or total < best["(segmentation, whole)"] + best["(summarize, whole)"]:
            best = dict(watch.seconds)
    assert best is not None
    stages: list[tuple[str, float]] = []
    for whole, prefix in (
        ("(segmentation, whole)", "segmentation:"),
        ("(summarize, whole)", "summarize:"),
    ):
        parts = sorted(
            ((k, v) for k, v in best.items() if k.startswith(prefix)), key=lambda kv: -kv[1]
        )
        stages += parts
        stages.append((f"{prefix} the rest", best[whole] - sum(v for _, v in parts)))
    stages += [(k, best[k]) for k in ("JSON parsing", "rendering the JSON line")]
    return [(k, v / len(lines)) for k, v in stages], len(lines)


# -- the report -----------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    parts = [f"{os.cpu_count()} cores, {cpu}"]
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("summarize", "numpy", "scipy", "nltk")
    )
    parts.append(f"Python {platform.python_version()}, {versions}")
    return "; ".join(parts)


def code_state() -> str:
    """The commit measured and the package's files changed since, if in a git checkout."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "not a git checkout"
    changed = [line[3:] for line in git("status", "--porcelain", "--", "summarize").splitlines()]
    return f"commit {commit}" + (
        f" with uncommitted changes to {len(changed)} files of `summarize/`" if changed else ""
    )


def mib(value: int | None) -> str:
    return "–" if value is None else f"{value / 2**20:,.0f} MiB"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: int = 1) -> list[str]:
    align = ["---" if i < right else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def section(
    runs: Sequence[Run],
    stages: list[tuple[str, float]],
    clusters: int,
    fixed: dict[int, Run],
    context: dict[str, str],
    compared: dict[str, list[Run]] | None = None,
) -> str:
    out = [HEADING, ""]
    out.append(
        f"Measured {context['started']} in {context['minutes']} min on: {context['machine']}. "
        f"1-minute load average {context['load_start']} at the start, {context['load_end']} "
        "at the end (a load above 2 means programs waiting for one of the 2 cores). On a "
        "shared machine the rates below are lower than an idle machine gives, and a second "
        "job gains less than it would: Linux shares the cores between sessions (autogroup "
        "scheduling), not between processes, so a run's workers together get the share of "
        "one session. The CPU times are much less affected."
    )
    out += ["", f"Command: `{context['command']}`; code measured: {context['code']}.", ""]
    out.append(
        "Each run is the real command line in a subprocess, from scratch (`--force`): "
        "`python -m summarize batch INPUT -o OUTPUT --jobs N`. *inputs/s* counts inputs "
        "summarized per second of the command's own run time (planning, worker start-up, "
        "summarizing and writing; not the interpreter's start-up and imports); best of the "
        "repeats for multinews-200. *CPU per input* is the CPU time of every process of the "
        "run, less that of a run over two tiny inputs with the same `--jobs` (interpreter "
        "start-up, imports and the workers starting), per input; *of it main* is the "
        "part of the main process with several jobs, which plans, hands out and writes while "
        "the workers summarize: the batch machinery's own cost. Peak memory is "
        "the resident set (RSS) of the main process and of the largest worker (pages shared "
        "with the main process, from which the workers are forked, counted in each)."
    )
    out += ["", f"Inputs: {context['inputs']}", ""]
    rows = []
    for run in runs:
        base = fixed.get(run.jobs)
        cpu = run.cpu_ms
        main = "–"
        if base is not None and run.inputs > base.inputs:
            cpu = 1000 * (run.cpu - base.cpu) / (run.inputs - base.inputs)
            if run.jobs > 1 and run.cpu_main is not None and base.cpu_main is not None:
                spent = 1000 * (run.cpu_main - base.cpu_main) / (run.inputs - base.inputs)
                # below the tiny run's own: lost in how much starting up varies
                main = f"{spent:,.2f} ms" if spent >= 0 else "≈ 0 ms"
        rows.append(
            [
                run.label,
                f"{run.inputs:,}",
                str(run.jobs),
                f"{run.rate:,.1f}",
                f"{run.seconds:,.1f} s",
                f"{cpu:,.1f} ms",
                main,
                mib(run.peak_main),
                mib(run.peak_worker),
            ]
        )
    header = ["input", "inputs", "jobs", "inputs/s", "run time", "CPU per input", "of it main"]
    out += table([*header, "peak RSS main", "peak RSS worker"], rows)
    out.append("")
    if fixed:
        costs = "; ".join(
            f"`--jobs {jobs}`: {run.seconds:.2f} s of run time, {run.cpu:.1f} s of CPU"
            for jobs, run in sorted(fixed.items())
        )
        out.append(f"Fixed cost of a run (two tiny inputs, whole processes for the CPU): {costs}.")
        out.append("")
    by_label = {(run.label, run.jobs): run for run in runs}
    two = by_label.get(("multinews-200 ×5", 2)) or by_label.get(("multinews-200", 2))
    if two is not None:
        met = "**met**" if two.rate >= TARGET_RATE else "**not met**"
        out.append("### Target")
        out.append("")
        text = (
            f"At least {TARGET_RATE:.0f} clusters/s on 2 cores for the default digest of "
            f"Multi-News-size clusters: measured {two.rate:,.1f} clusters/s with `--jobs 2` "
            f"on {two.label} — {met}."
        )
        plain = by_label.get(("multinews-200", 2))
        if plain is not None and plain is not two:
            text += (
                f" On multinews-200 itself, where starting up and the first, slower inputs "
                f"weigh more: {plain.rate:,.1f} clusters/s."
            )
        if stages:
            per_cluster = sum(seconds for _, seconds in stages)
            allowed = 2 / TARGET_RATE
            text += (
                f" The work itself takes {1000 * per_cluster:.1f} ms of CPU per cluster (the "
                f"profile below), so two idle cores could do at most about "
                f"{2 / per_cluster:,.0f} clusters/s whatever the batch machinery does; the "
                f"target allows {1000 * allowed:.0f} ms"
                + (
                    f", {100 * (1 - per_cluster / allowed):.0f}% more than the work takes."
                    if per_cluster <= allowed
                    else f": {per_cluster / allowed:.1f} times less than now."
                )
            )
        out += [text, ""]
    out += against_section(compared or {}, "multinews-200 ×5")
    folder = {(run.inputs, run.jobs): run for run in runs if run.label.startswith("synthetic")}
    sizes = sorted({inputs for inputs, _ in folder})
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        out.append("### Memory against the number of inputs")
        out.append("")
        rows = []
        for jobs in sorted({j for _, j in folder}):
            a, b = folder.get((small, jobs)), folder.get((large, jobs))
            if a is None or b is None:
                continue
            rows.append(
                [
                    str(jobs),
                    f"{mib(a.peak_main)} → {mib(b.peak_main)}",
                    f"{mib(a.peak_worker)} → {mib(b.peak_worker)}",
                ]
            )
        out += table(
            ["jobs", f"main, {small:,} → {large:,} inputs", f"worker, {small:,} → {large:,}"],
            rows,
        )
        out.append("")
        out.append(
            "Inputs are planned one at a time, at most `jobs × 4` chunks of 8 are in flight "
            "and each output is written as soon as the inputs before it are: nothing is kept "
            "per input of a folder (a JSONL input keeps the ids it has seen, a few dozen "
            "bytes each, to catch duplicates and to resume)."
        )
        out.append("")
    if stages:
        total = sum(seconds for _, seconds in stages)
        out.append("### Where the time of one cluster goes")
        out.append("")
        out.append(
            f"The batch worker's job on each of the {clusters} Multi-News clusters (about "
            "1,800 words in 2.85 articles each), in one process, the default digest at the "
            "cluster's budget (230 words); each stage's CPU time measured by wrapping the "
            "function the pipeline calls; mean per cluster, best of the rounds."
        )
        out.append("")
        rows = [
            [name, f"{1000 * seconds:,.2f} ms", f"{100 * seconds / total:.0f}%"]
            for name, seconds in stages
        ]
        rows.append(["**total**", f"**{1000 * total:,.2f} ms**", "100%"])
        out += table(["stage", "per cluster", "share"], rows)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--documents", type=int, default=10_000, help="synthetic documents (default 10,000)"
    )
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs of each Multi-News measurement (default 3)"
    )
    parser.add_argument(
        "--jobs", default="1,2", help="values of --jobs to measure, comma-separated (default 1,2)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="profile rounds (default 3)")
    parser.add_argument(
        "--against",
        default="",
        help="commits to compare with, comma-separated: multinews-200 x5 with --jobs 2 at "
        "each and at this checkout in turn (needs git and ../shared/eval)",
    )
    parser.add_argument(
        "--turns", type=int, default=3, help="runs of each in the comparison (default 3)"
    )
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument(
        "--write", action="store_true", help=f"write the section {HEADING!r} into {RESULTS}"
    )
    args = parser.parse_args(argv)
    if args.turns < 1:
        parser.error("--turns must be at least 1")
    jobs = [int(j) for j in args.jobs.split(",")]
    started = datetime.datetime.now()
    clock = time.perf_counter()
    context = {
        "started": f"{started:%Y-%m-%d %H:%M} (local time)",
        "machine": machine(),
        "code": code_state(),
        "load_start": f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "?",
        "command": "python benchmarks/batch.py " + " ".join(sys.argv[1:] if argv is None else argv),
    }
    runs: list[Run] = []
    compared: dict[str, list[Run]] = {}
    fixed: dict[int, Run] = {}
    described = []
    with tempfile.TemporaryDirectory(prefix="summarize-batch-bench-") as scratch:
        work = Path(scratch)
        tiny = work / "tiny"
        write_corpus(tiny, 2)
        for j in jobs:
            fixed[j] = min(
                (run_batch("tiny", tiny, work / f"tiny-{j}", j, 2) for _ in range(3)),
                key=lambda run: run.cpu,
            )
        if MULTINEWS.is_file():
            count = sum(1 for line in MULTINEWS.open(encoding="utf-8") if line.strip())
            copies = work / "multinews-x5.jsonl"
            write_copies(MULTINEWS, copies, 5)
            described.append(
                f"**multinews-200**: {count} clusters, JSONL in and out; **multinews-200 ×5**: "
                "the same clusters five times over (ids made unique), in a temporary file, "
                "to show the rate once start-up costs are spread thin"
            )
            for j in jobs:
                repeats = [
                    run_batch("multinews-200", MULTINEWS, work / f"mn-{j}.jsonl", j, count)
                    for _ in range(args.repeats)
                ]
                runs.append(best_of(repeats))
                _say(runs[-1])
            for j in jobs:
                label = "multinews-200 ×5"
                runs.append(run_batch(label, copies, work / f"mn5-{j}.jsonl", j, 5 * count))
                _say(runs[-1])
            revisions = [r.strip() for r in args.against.split(",") if r.strip()]
            if revisions:
                compared = against(revisions, copies, 5 * count, work, args.turns)
        else:
            print(f"{MULTINEWS} not found: Multi-News runs skipped", file=sys.stderr)
        small_count = max(1, args.documents // 10)
        small, large = work / "small", work / "large"
        write_corpus(small, small_count)
        words, size = write_corpus(large, args.documents)
        described.append(
            f"**synthetic**: {args.documents:,} made-up news-like documents "
            f"({words / args.documents:,.0f} words, {size / args.documents / 1024:.1f} KiB each "
            f"on average) in folders of 500, and the first {small_count:,} of them; text "
            "files out"
        )
        for folder, count in ((small, small_count), (large, args.documents)):
            for j in jobs:
                label = f"synthetic {count:,}"
                runs.append(run_batch(label, folder, work / f"out-{count}-{j}", j, count))
                _say(runs[-1])
    stages: list[tuple[str, float]] = []
    clusters = 0
    if args.profile and MULTINEWS.is_file():
        stages, clusters = profile(MULTINEWS, args.rounds)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    context.update(
        minutes=f"{(time.perf_counter() - clock) / 60:.1f}",
        load_end=f"{load:.2f}",
        inputs="; ".join(described) + ".",
    )
    text = section(runs, stages, clusters, fixed, context, compared)
    publish(text, args.write)
    return 0


def _say(run: Run) -> None:
    print(
        f"{run.label} --jobs {run.jobs}: {run.rate:,.1f} inputs/s, {run.cpu_ms:,.1f} ms CPU "
        f"per input, peak RSS main {mib(run.peak_main)}, worker {mib(run.peak_worker)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    sys.exit(main())
