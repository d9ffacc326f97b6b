"""Time and peak memory of the digest on large inputs (issue #14: bounded on any input).

Inputs are synthetic news-like text from a seeded word generator (no real text):

* a folder of ``N`` files of two short sentences each (1k, 4k, 20k, 100k files), digested
  as ONE digest of the folder: ``summarize DIR``;
* one file of 1, 4 and 9 MB of dense text (paragraphs of such sentences, little
  vocabulary): ``summarize FILE``.

Each is run as a real subprocess with the default options; its peak resident memory comes
from ``resource.getrusage(RUSAGE_CHILDREN)`` of a fresh wrapper process, so one run's figure
is not hidden by a larger earlier one. Also timed: ``summarize()`` in-process on 8,000
sentences from 216 articles, headline on and off, each on one BLAS thread.

    python benchmarks/scale.py [--sizes 1000,4000,20000,100000] [--megabytes 1,4,9]
                               [--timeout 600] [--write]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from results import load_average, publish, run_line  # benchmarks/results.py

SEED = 20261129
ROOT = Path(__file__).resolve().parent.parent

_CONSONANTS = "bcdfghjklmnprstvz"
_VOWELS = "aeiou"
_FUNCTION = "the the the a a of of in in to to and on for with at by from after over as".split()
_VERBS = (
    "said says announced reported warned confirmed denied approved rejected signed "
    "launched opened closed raised cut plans agreed refused promised called urged "
    "expects faces won lost killed arrested charged released blamed backed criticised"
).split()
_TIMES = (
    "on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday|"
    "last week|this year|late on Sunday|earlier this month|in a statement|overnight"
).split("|")


class Words:
    """A seeded generator of news-like sentences over a Zipfian pseudo-word vocabulary."""

    def __init__(self, seed: int = SEED, vocabulary: int = 5000) -> None:
        self.rng = np.random.default_rng(seed)
        words: list[str] = []
        seen: set[str] = set()
        while len(words) < vocabulary:
            syllables = int(self.rng.integers(2, 4))
            word = "".join(
                _CONSONANTS[self.rng.integers(len(_CONSONANTS))]
                + _VOWELS[self.rng.integers(len(_VOWELS))]
                for _ in range(syllables)
            )
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        weights = 1.0 / (np.arange(len(words)) + 2.7)
        self.cumulative = np.cumsum(weights / weights.sum())
        self.drawn: list[int] = []
        self.next = 0

    def _content(self, k: int) -> list[str]:
        if self.next + k > len(self.drawn):  # draw in bulk: one call per word is slow
            uniform = self.rng.random(100_000)
            found = np.searchsorted(self.cumulative, uniform * self.cumulative[-1])
            self.drawn = np.minimum(found, len(self.words) - 1).tolist()
            self.next = 0
        picked = self.drawn[self.next : self.next + k]
        self.next += k
        return [self.words[i] for i in picked]

    def sentence(self, short: bool = False) -> str:
        """``<Name> <noun> <verb> <the> <noun...> <prep> <noun> <time>.``"""
        rng = self.rng
        subject = self._content(int(rng.integers(1, 3)))
        subject[0] = subject[0].capitalize()
        parts = [*subject, _VERBS[rng.integers(len(_VERBS))]]
        for _ in range(int(rng.integers(1, 2 if short else 4))):
            parts.append(_FUNCTION[rng.integers(len(_FUNCTION))])
            parts.extend(self._content(int(rng.integers(1, 3 if short else 4))))
        parts.append(_TIMES[rng.integers(len(_TIMES))])
        return " ".join(parts) + "."

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(sentences))


def make_folder(path: Path, files: int, seed: int = SEED) -> Path:
    """``files`` files of two short sentences each (about 60 bytes a file)."""
    words = Words(seed)
    path.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        text = words.sentence(short=True) + " " + words.sentence(short=True) + "\n"
        (path / f"{i:06d}.txt").write_text(text, encoding="utf-8")
    return path


def make_dense(path: Path, megabytes: float, seed: int = SEED) -> Path:
    """About ``megabytes`` MB of paragraphs of four sentences, blank lines between them."""
    words = Words(seed)
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < target:
        paragraph = words.paragraph()
        parts.append(paragraph)
        size += len(paragraph) + 2
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def make_articles(count: int, sentences: int, seed: int = SEED) -> list[str]:
    """``count`` articles of ``sentences`` sentences in paragraphs of four; one sentence in
    ten is a lightly edited copy of one from an earlier article (what syndicated wire copy
    looks like), so merging has groups to find."""
    words = Words(seed)
    rng = np.random.default_rng(seed + 1)
    made: list[str] = []
    articles = []
    for _ in range(count):
        own = []
        for _ in range(sentences):
            if made and rng.random() < 0.1:
                copy = made[int(rng.integers(len(made)))].rstrip(".").split()
                copy.insert(int(rng.integers(1, len(copy))), "reportedly")
                own.append(" ".join(copy) + ".")
            else:
                own.append(words.sentence())
        made.extend(own)
        paragraphs = [" ".join(own[k : k + 4]) for k in range(0, len(own), 4)]
        articles.append("\n\n".join(paragraphs))
    return articles


_WRAPPER = """
import json, resource, subprocess, sys, time
limit = int(sys.argv[1])
timeout = float(sys.argv[2])

def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

started = time.perf_counter()
try:
    done = subprocess.run(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          timeout=timeout, preexec_fn=cap)
    status, error = done.returncode, done.stderr.decode(errors="replace").strip()[-300:]
except subprocess.TimeoutExpired:
    status, error = None, "timeout"
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"status": status, "seconds": seconds, "peak": peak, "error": error}))
"""


def run_digest(arguments: list[str], timeout: float, memory: int) -> dict[str, object]:
    """``summarize ARGUMENTS`` in a fresh process (through a wrapper that measures only it):
    exit status (None on timeout), wall seconds and peak resident bytes."""
    command = [sys.executable, "-m", "summarize", *arguments]
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(memory), str(timeout), *command],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(out.stdout)


_IN_PROCESS = """
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
from threadpoolctl import threadpool_limits
from scale import make_articles
from summarize.digest.pipeline import summarize
from summarize.text.documents import build_document

articles = make_articles(int(sys.argv[2]), int(sys.argv[3]))
documents = [build_document(text, f"a{i}") for i, text in enumerate(articles)]
count = sum(len(d.sentences) for d in documents)
out = {"sentences": count}
with threadpool_limits(1):
    for headline in (False, True):
        summarize(documents[:20], headline=headline)  # warm-up
        times = []
        for _ in range(int(sys.argv[4])):
            started = time.perf_counter()
            summarize(documents, headline=headline)
            times.append(time.perf_counter() - started)
        out["headline" if headline else "no headline"] = times
print(json.dumps(out))
"""


def run_in_process(articles: int, sentences: int, repeats: int) -> dict[str, object]:
    """``summarize()`` on documents already built, on one core and one BLAS thread."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            _IN_PROCESS,
            str(Path(__file__).resolve().parent),
            str(articles),
            str(sentences),
            str(repeats),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(out.stdout)


def _lsa_line() -> str:
    """LSA at 500 sentences, ten runs with the BLAS threads as they come (lsa limits them
    itself), to show the spread."""
    code = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from scale import make_articles
from summarize.scorers.lsa import LSA
from summarize.text.documents import build_document
articles = make_articles(20, 30)
sentences = [s for i, t in enumerate(articles) for s in build_document(t, str(i)).sentences]
sentences = sentences[:500]
LSA().scores(sentences)
times = []
for _ in range(10):
    started = time.perf_counter()
    LSA().scores(sentences)
    times.append(time.perf_counter() - started)
print(json.dumps(times))
"""
    out = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).resolve().parent)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    times = json.loads(out.stdout)
    return (
        f"`lsa` on 500 sentences, 10 runs (BLAS limited to one thread inside the scorer): "
        f"min {min(times):.3f} s, median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s."
    )


def _cell(result: dict[str, object], limit_gb: float) -> tuple[str, str]:
    if result["status"] == 0:
        return f"{result['seconds']:.1f}", f"{result['peak'] / 1e9:.2f}"
    if result["status"] is None:
        return f"> {result['seconds']:.0f} (timeout)", f"≥ {result['peak'] / 1e9:.2f}"
    error = str(result["error"]).splitlines()[-1:] or [""]
    if "MemoryError" in error[0] or result["peak"] >= 0.9 * limit_gb * 1e9:
        return f"{result['seconds']:.1f} (failed)", f"> {limit_gb:g} (memory limit)"
    return f"{result['seconds']:.1f} (exit {result['status']}: {error[0][:60]})", "-"


_BEFORE = """\
Before the candidate-pair merging (commit 85f40e8, measured by hand with /usr/bin/time and
cProfile at load average 4-5): with `--no-headline`, 20,000 files spent 50 s in merging
alone (every sentence against every other, in blocks); with the headline on, 1,000 files
took 34 s and 0.35 GB, 2,000 files 185 s and 0.91 GB (the tester: 20,000 files killed at
24 GB, a 9 MB file past 550 s). The headline's
near-duplicate count (a dense sentences x terms matrix in the old headline module) was
where the default runs spent their time and memory; since the headline is made from the
digest's own ranking (commit e3dff58) it costs about what the digest costs."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,20000,100000")
    parser.add_argument("--megabytes", default="1,4,9")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument(
        "--headline-timeout",
        type=float,
        default=120.0,
        help="seconds per run with the headline on (its ranking is still quadratic here)",
    )
    parser.add_argument("--memory", type=float, default=6.0, help="GB allowed per run")
    parser.add_argument("--data", type=Path, help="where to keep the generated inputs")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    started = datetime.datetime.now(datetime.timezone.utc)
    load = load_average()
    data = args.data or Path(tempfile.mkdtemp(prefix="summarize-scale-"))
    memory = int(args.memory * 1e9)
    inputs: list[tuple[str, Path]] = []
    for size in [int(x) for x in args.sizes.split(",") if x]:
        folder = data / f"files-{size}"
        if not folder.is_dir():
            make_folder(folder.with_suffix(".tmp"), size).rename(folder)
        inputs.append((f"{size:,} files of 2 sentences ({_size(folder)})", folder))
    for megabytes in [float(x) for x in args.megabytes.split(",") if x]:
        path = data / f"dense-{megabytes:g}MB.txt"
        if not path.is_file():
            make_dense(path, megabytes)
        inputs.append((f"{megabytes:g} MB of dense text, one file", path))

    lines = [
        "## Scale: time and peak memory of the digest on large inputs",
        "",
        run_line(started, load) + ". Produced by `python benchmarks/scale.py --write`.",
        "",
        "Synthetic news-like sentences from a seeded pseudo-word generator (no real text). "
        "Each input is ONE digest (`summarize DIR` / `summarize FILE`), run as a subprocess "
        "with the default options and again with `--no-headline`; wall time and peak "
        f"resident memory of that process (getrusage of a wrapper), at most "
        f"{args.memory:g} GB each (a run over it fails with a MemoryError). The 2 cores "
        "are shared with other work: times under load are longer, not shorter, than on an "
        "idle machine.",
        "",
        *_BEFORE.splitlines(),
        "",
        "| input | default: s | default: GB | --no-headline: s | --no-headline: GB | load |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, path in inputs:
        cells = []
        for extra, timeout in (([], args.headline_timeout), (["--no-headline"], args.timeout)):
            result = run_digest([*extra, str(path)], timeout, memory)
            cells.extend(_cell(result, args.memory))
            print(label, extra, result, file=sys.stderr)
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {load_average() or 0:.1f} |")

    articles, per_article = 216, 37
    result = run_in_process(articles, per_article, args.repeats)
    lines += [
        "",
        f"`summarize()` in-process on {result['sentences']:,} sentences from {articles} "
        f"articles (documents already built), one core (CPU affinity) and one BLAS thread, "
        f"default options, median of {args.repeats} (load average {load_average() or 0:.1f}):",
        "",
        "| headline | median s | min s | max s |",
        "|---|---:|---:|---:|",
    ]
    for key in ("no headline", "headline"):
        times = result[key]
        lines.append(
            f"| {'on' if key == 'headline' else 'off'} | {statistics.median(times):.2f} | "
            f"{min(times):.2f} | {max(times):.2f} |"
        )
    lines += ["", _lsa_line()]
    if args.data is None:
        shutil.rmtree(data, ignore_errors=True)
    publish("\n".join(lines) + "\n", args.write)
    return 0


def _size(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.iterdir())
    return f"{total / 1e6:.1f} MB"


if __name__ == "__main__":
    sys.exit(main())
