"""Time our sentence scorers against sumy's LexRank, TextRank and LSA on the same inputs.

Inputs are built once from the sample cluster in ``corpus/russia-syria-withdrawal`` and
repeated to about 50, 500 and 5,000 sentences (copy ``k`` of a document gets the id
``"<id>#k"``, so every sentence keeps a unique identity). Because repetition keeps the
vocabulary tiny, one more input of about as many *distinct* sentences is timed too: the
first documents of ``../shared/eval/multinews-200.jsonl`` when that file is present (read
only to time; none of its text is stored), otherwise deterministic synthetic text.

Timed on the very same :class:`~summarize.model.Sentence` list:

* our scorers ``lead``, ``textrank``, ``lexrank`` and ``lsa``;
* sumy's summarizers through our adapter (``sumy-textrank`` ...), which feed sumy our terms;
* sumy "natively": its own document model, tokenizing, stemming and stop words, the way a
  sumy user would call it (minus its punkt-based parser, which needs downloaded data),
  picking 5 sentences — to show the adapter is not what makes sumy slow.

Plus the end-to-end ``summarize()`` from raw text with the default scorer, split into
segmentation (``build_document``), scoring and the rest (selection), and the peak memory
(tracemalloc) of our scorers at the largest size.

Measurements report the median of several runs (at least ``--repeats``, more while the
total is under a quarter second), after one warm-up run; a sumy run over a second (for our
scorers and pipeline stages: over ten seconds) is run once and reported as it is. sumy's
loops are quadratic in pure Python, so before each sumy run its time is estimated from a
smaller input of the same kind (quadratic scaling) and the run is skipped when the estimate
exceeds ``--max-seconds``.

    python benchmarks/speed.py [--sizes 50,500,5000] [--repeats 5] [--skip-slow] [--write]
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime
import gc
import json
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module, metadata
from pathlib import Path
from typing import Any

import numpy as np
from results import RESULTS, publish  # benchmarks/results.py

from summarize.digest.pipeline import summarize
from summarize.model import Document, Sentence
from summarize.options import AUTO as DEFAULT_SCORER
from summarize.options import MULTI_DOCUMENT_SCORER
from summarize.scorers import scorers
from summarize.text.documents import build_document

# Every input is several documents, for which the default scorer stands for this one.
PIPELINE_SCORER = MULTI_DOCUMENT_SCORER
PIPELINE_LABEL = f"{DEFAULT_SCORER}: {PIPELINE_SCORER}"

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = ROOT / "corpus" / "russia-syria-withdrawal"
MULTINEWS = ROOT.parent / "shared" / "eval" / "multinews-200.jsonl"
HEADING = "## Speed: our scorers vs sumy"

OURS = ("lead", "textrank", "lexrank", "lsa")
SUMY = ("textrank", "lexrank", "lsa")  # compared with our scorer of the same name
NATIVE_CLASSES = {
    "textrank": ("text_rank", "TextRankSummarizer"),
    "lexrank": ("lex_rank", "LexRankSummarizer"),
    "lsa": ("lsa", "LsaSummarizer"),
}
NATIVE_COUNT = 5  # sentences a native sumy call picks

TARGET_SPEEDUP = 50.0  # vs sumy TextRank and LexRank at ~500 sentences
TARGET_SPEEDUP_SIZE = 500
TARGET_SECONDS = 2.0  # each of our scorers at ~5,000 sentences
TARGET_SECONDS_SIZE = 5000

SLOW = 1.0  # a first sumy run longer than this is not repeated
OURS_SLOW = 10.0  # the same for our scorers and pipeline stages (the targets rest on them)
MIN_TOTAL = 0.25  # keep repeating fast measurements until this much time was spent ...
MAX_RUNS = 200  # ... but never more runs than this
LONG_RUN = 10.0  # single runs at least this long show the machine's load beside the time
SKIP_SLOW_SECONDS = 10.0  # --skip-slow means --max-seconds 10
PILOT = 500  # sentences timed to estimate a sumy run when no smaller input was timed


# --------------------------------------------------------------------------------------------
# Inputs


@dataclass
class Input:
    """One benchmark input: the sentences every scorer gets, and the raw texts behind them."""

    family: str  # "repeated" or "distinct"
    requested: int
    sentences: list[Sentence]
    texts: list[str]  # raw texts whose segmentation gives (about) these sentences
    label: str = ""
    load: float | None = None  # 1-minute load average when its measurements began

    @property
    def n(self) -> int:
        return len(self.sentences)

    @property
    def key(self) -> str:
        return f"{self.family} {self.n:,}"


def load_cluster() -> tuple[list[Document], list[str]]:
    paths = sorted(CLUSTER.glob("*.txt"))
    if not paths:
        sys.exit(f"no sample articles in {CLUSTER}")
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return [build_document(t, p.name) for p, t in zip(paths, texts, strict=True)], texts


def copy_document(document: Document, copy: int) -> Document:
    """Copy ``copy`` of a document: same text, id ``"<id>#<copy>"``, sentences re-attributed."""
    new_id = f"{document.id}#{copy}"
    sentences = tuple(dataclasses.replace(s, doc=new_id) for s in document.sentences)
    return dataclasses.replace(document, id=new_id, sentences=sentences)


def repeated_input(docs: list[Document], texts: list[str], size: int) -> Input:
    per_cluster = sum(len(d.sentences) for d in docs)
    copies = max(1, round(size / per_cluster))
    copied = [copy_document(d, k) for k in range(copies) for d in docs]
    return Input(
        family="repeated",
        requested=size,
        sentences=[s for d in copied for s in d.sentences],
        texts=[t for _ in range(copies) for t in texts],
        label=f"sample cluster x{copies}",
    )


def multinews_texts() -> list[tuple[str, str]]:
    """(id, text) of every article in the Multi-News subset, in file order (timing only)."""
    out = []
    with MULTINEWS.open(encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            for doc in cluster["documents"]:
                out.append((f"{cluster['id']}/{doc['id']}", doc["text"]))
    return out


_CONSONANTS = "bcdfghjklmnprstvz"
_VOWELS = "aeiou"


def synthetic_texts(size: int, seed: int = 20240501) -> list[tuple[str, str]]:
    """Deterministic articles of pseudo-words with a Zipfian vocabulary (no real text).

    Sentence lengths follow the sample cluster's; 40 sentences per article, 4 per paragraph.
    """
    rng = np.random.default_rng(seed)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < 30_000:
        syllables = rng.integers(2, 5)
        word = "".join(
            _CONSONANTS[rng.integers(len(_CONSONANTS))] + _VOWELS[rng.integers(len(_VOWELS))]
            for _ in range(syllables)
        )
        if word not in seen:
            seen.add(word)
            words.append(word)
    weights = 1.0 / (np.arange(len(words)) + 2.7)
    weights /= weights.sum()
    docs, _ = load_cluster()
    lengths = np.array([len(s.tokens) for d in docs for s in d.sentences if s.tokens])
    texts = []
    made = 0
    while made < size:
        paragraphs = []
        for _ in range(10):
            sentences = []
            for _ in range(4):
                picked = rng.choice(len(words), size=int(rng.choice(lengths)), p=weights)
                sentence = " ".join(words[i] for i in picked)
                sentences.append(sentence[:1].upper() + sentence[1:] + ".")
            paragraphs.append(" ".join(sentences))
        texts.append((f"synthetic-{len(texts)}", "\n\n".join(paragraphs)))
        made += 40
    return texts


def distinct_input(size: int, source: str) -> Input:
    """Whole documents in order until at least ``size`` sentences (every sentence distinct)."""
    if source == "multinews":
        pool = multinews_texts()
        label = "Multi-News articles (first ones in file order)"
    else:
        pool = synthetic_texts(size)
        label = "synthetic pseudo-word articles (seeded)"
    sentences: list[Sentence] = []
    texts: list[str] = []
    for doc_id, text in pool:
        document = build_document(text, doc_id)
        sentences.extend(document.sentences)
        texts.append(text)
        if len(sentences) >= size:
            break
    return Input("distinct", size, sentences, texts, label=label)


# --------------------------------------------------------------------------------------------
# Timing


@dataclass
class Timing:
    seconds: float | None = None
    runs: int = 0
    note: str = ""  # why there is no figure ("skipped (estimated 900 s)")
    load: float | None = None  # for a long single run: the load average over it

    @property
    def single(self) -> bool:
        return self.runs == 1


def measure(fn: Callable[[], object], repeats: int, slow: float = SLOW) -> Timing:
    """Median wall time of ``fn``; a first run over ``slow`` seconds is the only run."""
    gc.collect()
    start = time.perf_counter()
    fn()
    first = time.perf_counter() - start
    if first > slow:
        load = None
        if first >= LONG_RUN and hasattr(os, "getloadavg"):
            load = os.getloadavg()[0 if first < 300 else 1]  # the 1- or 5-minute average
        return Timing(first, 1, load=load)
    times: list[float] = []  # the first run only warmed up
    total = 0.0
    while True:
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        total += elapsed
        if len(times) >= repeats and (total >= MIN_TOTAL or len(times) >= MAX_RUNS):
            break
    return Timing(statistics.median(times), len(times))


def peak_memory(fn: Callable[[], object]) -> int:
    """Peak bytes allocated (Python and numpy, via tracemalloc) while ``fn`` runs."""
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# --------------------------------------------------------------------------------------------
# sumy, natively


class WordTokenizer:
    """The two methods sumy asks of a tokenizer, with a plain regular expression."""

    language = "english"
    _word = re.compile(r"\w+(?:['’]\w+)*")

    def to_words(self, text: str) -> list[str]:
        return self._word.findall(text)

    def to_sentences(self, paragraph: str) -> list[str]:
        return [paragraph]


def native_document(sentences: Sequence[Sentence]) -> Any:
    """sumy's own document model of these sentences (one paragraph per source paragraph)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = WordTokenizer()
    paragraphs: list[list[Any]] = []
    last: tuple[str, int] | None = None
    for s in sentences:
        if (s.doc, s.paragraph) != last:
            paragraphs.append([])
            last = (s.doc, s.paragraph)
        paragraphs[-1].append(SumySentence(s.text, tokenizer))
    return ObjectDocumentModel([Paragraph(p) for p in paragraphs])


def native_sumy(method: str, sentences: Sequence[Sentence]) -> tuple[Any, ...]:
    """What a sumy user runs: stemmer and stop words from sumy, pick ``NATIVE_COUNT``."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words

    module, name = NATIVE_CLASSES[method]
    summarizer = getattr(import_module(f"sumy.summarizers.{module}"), name)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    # The document is built inside the timed call: sumy caches each sentence's words.
    return summarizer(native_document(sentences), NATIVE_COUNT)


# --------------------------------------------------------------------------------------------
# The benchmark


@dataclass
class Results:
    inputs: list[Input] = field(default_factory=list)
    # (row name, input key) -> Timing
    scoring: dict[tuple[str, str], Timing] = field(default_factory=dict)
    # input key -> {"segmentation", "scoring", "pipeline"} -> Timing
    pipeline: dict[str, dict[str, Timing]] = field(default_factory=dict)
    code: str = ""  # the commit and the uncommitted changes measured
    # input key -> (callee of summarize(), profiled seconds), at the largest inputs
    profiles: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    # (scorer, input key) -> peak bytes
    memory: dict[tuple[str, str], int] = field(default_factory=dict)
    # input key -> scorer (or "pipeline") -> seconds, measured with BLAS on one thread
    one_thread: dict[str, dict[str, float | None]] = field(default_factory=dict)


def ours(name: str) -> str:
    return name


def adapter(method: str) -> str:
    return f"sumy-{method} (adapter)"


def native(method: str) -> str:
    return f"sumy {NATIVE_CLASSES[method][1]} (native)"


class SumyGuard:
    """Estimates a sumy run from a smaller one of the same kind and skips it when too slow."""

    def __init__(self, max_seconds: float, repeats: int, log: Callable[[str], None]) -> None:
        self.max_seconds = max_seconds
        self.repeats = repeats
        self.log = log
        self.known: dict[tuple[str, str], tuple[int, float]] = {}  # (row, family) -> (n, s)

    def run(self, row: str, data: Input, fn: Callable[[Sequence[Sentence]], object]) -> Timing:
        base = self.known.get((row, data.family))
        if base is None and data.n > 2 * PILOT:
            pilot = data.sentences[:PILOT]
            timing = measure(lambda: fn(pilot), 1)
            base = (len(pilot), timing.seconds or 0.0)
            self.log(f"    pilot {row} on {len(pilot)} sentences: {timing.seconds:.2f} s")
        if base is not None and data.n > base[0]:
            estimate = base[1] * (data.n / base[0]) ** 2
            if estimate > self.max_seconds:
                return Timing(note=f"skipped (estimated {estimate:,.0f} s)")
        timing = measure(lambda: fn(data.sentences), self.repeats)
        self.known[(row, data.family)] = (data.n, timing.seconds or 0.0)
        return timing


def load_average() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def build_inputs(args: argparse.Namespace) -> list[Input]:
    inputs = []
    if args.family in (None, "repeated"):
        docs, texts = load_cluster()
        inputs += [repeated_input(docs, texts, size) for size in args.sizes]
    if args.distinct != "none" and args.family in (None, "distinct"):
        for size in args.sizes:
            if size >= TARGET_SPEEDUP_SIZE or args.family == "distinct":
                inputs.append(distinct_input(size, args.distinct))
    return inputs


def profile_pipeline(texts: list[str]) -> list[tuple[str, float]]:
    """Seconds (under cProfile) of one ``summarize()`` call, by the functions it calls.

    Only the direct callees of ``summarize`` are listed, with the time spent in them from
    there (their callees included); the rest of the call is ``summarize()`` itself.
    """
    profiler = cProfile.Profile()
    profiler.enable()
    summarize(texts)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    top = next(f for f in stats if f[2] == "summarize" and f[0].endswith("pipeline.py"))
    total = stats[top][3]
    parts = []
    for (filename, _, function), (*_, callers) in stats.items():
        if top in callers:
            module = Path(filename).stem if filename.startswith(("/", ".")) else filename
            parts.append((f"{module}.{function}", callers[top][3]))
    parts.sort(key=lambda part: -part[1])
    inside = total - sum(seconds for _, seconds in parts)
    return [("summarize() end to end", total), *parts, ("summarize() itself", inside)]


def time_ours(data: Input, repeats: int, log: Callable[[str], None]) -> dict[str, Timing]:
    """Our scorers and the stages of ``summarize()`` on one input."""
    out: dict[str, Timing] = {}
    for name in OURS:
        scorer = scorers.create(name)
        out[name] = measure(lambda s=scorer, x=data.sentences: s.scores(x), repeats, OURS_SLOW)
        log(f"  {name}: {describe(out[name])}")

    default = scorers.create(PIPELINE_SCORER)

    def build() -> list[Document]:
        return [build_document(t, str(i)) for i, t in enumerate(data.texts, start=1)]

    pool = [s for doc in build() for s in doc.sentences]
    out["segmentation"] = measure(build, repeats, OURS_SLOW)
    out["scoring"] = measure(lambda: default.scores(pool), repeats, OURS_SLOW)
    out["pipeline"] = measure(lambda: summarize(data.texts), repeats, OURS_SLOW)
    log(f"  summarize() from raw text ({len(pool):,} sentences): {describe(out['pipeline'])}")
    return out


def run(args: argparse.Namespace) -> Results:
    def log(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    results = Results(inputs=build_inputs(args), code=code_state())

    # Warm up: imports, the stemmer's cache, numpy/scipy code paths.
    warm = results.inputs[0].sentences[:50]
    for name in OURS:
        scorers.create(name).scores(warm)
    if not args.ours_only:
        for method in SUMY:
            scorers.create(f"sumy-{method}", max_sentences=10**6).scores(warm)
            native_sumy(method, warm)
    summarize(results.inputs[0].texts[:2])

    one_thread = (
        not args.ours_only and args.blas_compare and os.environ.get("OPENBLAS_NUM_THREADS") != "1"
    )
    guard = SumyGuard(args.max_seconds, args.repeats, log)
    for data in results.inputs:
        data.load = load_average()
        log(f"{data.key} sentences ({data.label})")
        timings = time_ours(data, args.repeats, log)
        for name in OURS:
            results.scoring[(ours(name), data.key)] = timings[name]
        results.pipeline[data.key] = {k: v for k, v in timings.items() if k not in OURS}
        if one_thread:  # right after, so both see about the same load
            log("  (our scorers again with BLAS on one thread, in a subprocess)")
            results.one_thread.update(one_thread_timings(args, data))
        if args.ours_only:
            continue
        for method in SUMY:
            scorer = scorers.create(f"sumy-{method}", max_sentences=10**6)
            timing = guard.run(adapter(method), data, scorer.scores)
            results.scoring[(adapter(method), data.key)] = timing
            log(f"  {adapter(method)}: {describe(timing)}")
        if data.family == "repeated" or args.native_distinct:
            for method in SUMY:
                timing = guard.run(native(method), data, lambda x, m=method: native_sumy(m, x))
                results.scoring[(native(method), data.key)] = timing
                log(f"  {native(method)}: {describe(timing)}")

    if args.ours_only:
        return results
    largest = {}
    for data in results.inputs:
        if data.family not in largest or data.n > largest[data.family].n:
            largest[data.family] = data
    for data in largest.values():
        for name in OURS:
            scorer = scorers.create(name)
            results.memory[(name, data.key)] = peak_memory(
                lambda s=scorer, x=data.sentences: s.scores(x)
            )
        results.memory[(f"summarize() end to end ({PIPELINE_LABEL})", data.key)] = peak_memory(
            lambda d=data: summarize(d.texts)
        )
        results.profiles[data.key] = profile_pipeline(data.texts)
    return results


BLAS_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_thread_timings(args: argparse.Namespace, data: Input) -> dict[str, dict[str, float | None]]:
    """Our scorers and the pipeline on ``data``, in a subprocess whose BLAS uses one thread."""
    env = dict(os.environ, **dict.fromkeys(BLAS_VARIABLES, "1"))
    command = [
        sys.executable, str(Path(__file__).resolve()), "--ours-only", "--quiet",
        "--sizes", str(data.requested), "--family", data.family,
        "--repeats", str(args.repeats), "--distinct", args.distinct,
    ]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"one-thread run failed:\n{done.stderr}", file=sys.stderr)
        return {}
    return json.loads(done.stdout)


def ours_json(results: Results) -> str:
    out: dict[str, dict[str, float | None]] = {}
    for data in results.inputs:
        row = {name: results.scoring[(ours(name), data.key)].seconds for name in OURS}
        row["pipeline"] = results.pipeline[data.key]["pipeline"].seconds
        row["load"] = data.load
        out[data.key] = row
    return json.dumps(out)


def blas_threads() -> str:
    given = [f"{v}={os.environ[v]}" for v in BLAS_VARIABLES if v in os.environ]
    return ", ".join(given) if given else f"BLAS threads: library default ({os.cpu_count()})"


# --------------------------------------------------------------------------------------------
# Reporting


def format_seconds(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1.0:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds:.3g} s"


def describe(timing: Timing | None) -> str:
    if timing is None:
        return "–"
    if timing.seconds is None:
        return timing.note or "–"
    mark = " †" if timing.single else ""
    if timing.load is not None:
        mark += f" (load {timing.load:.1f})"
    return format_seconds(timing.seconds) + mark


def speedup(theirs: Timing | None, our: Timing | None) -> float | None:
    if theirs is None or our is None or theirs.seconds is None or not our.seconds:
        return None
    return theirs.seconds / our.seconds


def format_ratio(ratio: float | None, theirs: Timing | None = None) -> str:
    if ratio is None:
        if theirs is not None and theirs.note:
            return f"sumy {theirs.note}"
        return "–"
    return f"{ratio:,.0f}x" if ratio >= 10 else f"{ratio:.1f}x"


def nearest(inputs: Sequence[Input], family: str, size: int) -> Input | None:
    """The input of ``family`` requested at ``size``, if one was run."""
    for data in inputs:
        if data.family == family and data.requested == size:
            return data
    return None


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine(load_before: tuple[float, float, float] | None = None) -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        before = "" if load_before is None else f"{load_before[0]:.2f} at the start, "
        load = f", 1-minute load average {before}{os.getloadavg()[0]:.2f} at the end"
    return (
        f"{os.cpu_count()} cores, {model}{load}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, numpy {version('numpy')}, scipy {version('scipy')}, "
        f"sumy {version('sumy')}, nltk {version('nltk')}; {blas_threads()}"
    )


def code_state() -> str:
    """The commit measured, and the files of the package changed since (uncommitted)."""

    def git(*command: str) -> str:
        done = subprocess.run(
            ["git", *command], cwd=ROOT, capture_output=True, text=True, check=False
        )
        return done.stdout.rstrip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"summarize {version('summarize')} (not a git checkout)"
    changed = [line[3:] for line in git("status", "--porcelain", "--", "summarize").splitlines()]
    state = f"commit {commit}"
    if changed:
        state += " plus uncommitted changes to " + ", ".join(f"`{c}`" for c in changed)
    return state


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: int = 1) -> list[str]:
    """A Markdown table; columns from ``right`` on are right-aligned."""
    align = ["---" if i < right else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def report(
    results: Results,
    command: str,
    started: datetime.datetime,
    wall: float,
    load_before: tuple[float, float, float] | None = None,
) -> str:
    inputs = results.inputs
    keys = [d.key for d in inputs]
    out = [HEADING, ""]
    out.append(
        f"Measured {started:%Y-%m-%d %H:%M} (local time) in {wall / 60:.1f} min on: "
        f"{machine(load_before)}."
    )
    out.append("")
    out.append(f"Command: `{command}`")
    out.append("")
    out.append(f"Code measured: {results.code}.")
    out.append("")
    out.append("Inputs (every scorer gets the same `Sentence` list):")
    out.append("")
    for data in inputs:
        out.append(
            f"- **{data.key}**: {data.label}, {len(data.texts):,} documents, "
            f"{sum(len(s.terms) for s in data.sentences):,} terms, "
            f"{len({t for s in data.sentences for t in s.terms}):,} distinct terms"
            + ("" if data.load is None else f" (1-minute load {data.load:.2f} when timed)")
        )
    out.append("")
    out.append(
        "Repetition keeps the vocabulary at the sample cluster's few hundred terms and makes "
        "every sentence similar to its copies, so the *distinct* inputs show the behaviour on "
        "real (or realistic) text of the same size."
    )
    out.append("")

    out.append("### Scoring time")
    out.append("")
    out.append(
        "Wall time of one call that scores every sentence. Median of several runs after a "
        "warm-up; † = a single run (sumy runs over a second; ours over ten seconds). "
        "*adapter* = our `sumy-*` scorers (sumy's code on our terms); *native* = sumy used "
        "as a sumy user would (its document "
        f"model, regex words, its Snowball stemmer and stop words, picking {NATIVE_COUNT} "
        "sentences; sumy's punkt-based parser is not used because it needs downloaded data). "
        "Skipped sumy runs give the quadratic estimate from the next smaller input of the "
        "same kind. Runs of 10 s or more show the machine's load average over them (1-minute, "
        "5-minute past 5 min): on 2 cores, a load well above 2 means other work took turns "
        "with the benchmark and stretched its wall time."
    )
    out.append("")
    rows_names = [ours(n) for n in OURS]
    rows_names += [adapter(m) for m in SUMY]
    rows_names += [native(m) for m in SUMY]
    rows = []
    for name in rows_names:
        cells = [describe(results.scoring.get((name, k))) for k in keys]
        if all(c == "–" for c in cells):
            continue
        rows.append([name, *cells])
    out += table(["scorer", *keys], rows)
    out.append("")

    out.append("### Speed-up (sumy time / our time)")
    out.append("")
    rows = []
    for method in SUMY:
        our = [results.scoring.get((ours(method), k)) for k in keys]
        for row in (adapter(method), native(method)):
            theirs = [results.scoring.get((row, k)) for k in keys]
            if all(t is None for t in theirs):
                continue
            cells = [format_ratio(speedup(t, o), t) for t, o in zip(theirs, our, strict=True)]
            rows.append([f"`{method}` vs {row}", *cells])
    out += table(["comparison", *keys], rows)
    out.append("")

    out.append("### Targets")
    out.append("")
    rows = []
    at500 = nearest(inputs, "repeated", TARGET_SPEEDUP_SIZE)
    for method in ("textrank", "lexrank"):
        goal = f"`{method}` ≥ {TARGET_SPEEDUP:.0f}x faster than sumy's at ~500 sentences"
        if at500 is None:
            rows.append([goal, "not measured (size 500 not run)", "–"])
            continue
        ratio = speedup(
            results.scoring.get((adapter(method), at500.key)),
            results.scoring.get((ours(method), at500.key)),
        )
        ratio_native = speedup(
            results.scoring.get((native(method), at500.key)),
            results.scoring.get((ours(method), at500.key)),
        )
        if ratio is None:
            rows.append([goal, "sumy not measured", "–"])
            continue
        measured = f"{format_ratio(ratio)} vs adapter"
        if ratio_native is not None:
            measured += f", {format_ratio(ratio_native)} vs native ({at500.key})"
        met = ratio >= TARGET_SPEEDUP and (ratio_native is None or ratio_native >= TARGET_SPEEDUP)
        rows.append([goal, measured, "**yes**" if met else "**NO**"])
    for family in ("repeated", "distinct"):
        data = nearest(inputs, family, TARGET_SECONDS_SIZE)
        if data is None:
            if family == "repeated":
                rows.append(
                    [
                        f"each scorer under {TARGET_SECONDS:g} s at ~5,000 sentences",
                        "not measured",
                        "–",
                    ]
                )
            continue
        for name in OURS:
            timing = results.scoring.get((ours(name), data.key))
            goal = f"`{name}` under {TARGET_SECONDS:g} s at {data.key} sentences"
            if timing is None or timing.seconds is None:
                rows.append([goal, "not measured", "–"])
                continue
            met = timing.seconds < TARGET_SECONDS
            rows.append([goal, describe(timing), "**yes**" if met else "**NO**"])
        stages = results.pipeline.get(data.key)
        if stages:
            timing = stages["pipeline"]
            met = timing.seconds is not None and timing.seconds < TARGET_SECONDS
            rows.append(
                [
                    f"(not a target) `summarize()` from raw text at {data.key} sentences",
                    describe(timing),
                    "yes" if met else "no",
                ]
            )
    out += table(["target", "measured", "met"], rows, right=3)
    out.append("")

    out.append(f"### Where the time goes: `summarize()` from raw text ({PIPELINE_LABEL})")
    out.append("")
    out.append(
        "Stages timed on their own: segmentation = `build_document` on every raw text "
        "(sentence splitting, tokens, stemmed terms; the stemmer's cache is warm after the "
        "first run, as in a long-lived process); scoring = the default scorer "
        f"({PIPELINE_LABEL}) on those sentences; the rest = end to end minus both "
        "(boilerplate filtering, duplicate grouping, selection, ...; noise can make it "
        "negative)."
    )
    out.append("")
    rows = []
    for data in inputs:
        stages = results.pipeline.get(data.key)
        if not stages:
            continue
        parts = [stages["segmentation"], stages["scoring"]]
        total = stages["pipeline"]
        other = "–"
        if total.seconds is not None and all(t.seconds is not None for t in parts):
            rest = total.seconds - sum(t.seconds for t in parts)  # type: ignore[misc]
            other = ("−" if rest < 0 else "") + format_seconds(abs(rest))
        rows.append([data.key, *map(describe, parts), other, describe(total)])
    out += table(["input", "segmentation", "scoring", "the rest", "end to end"], rows)
    out.append("")
    if results.profiles:
        out.append(
            "One `summarize()` call under cProfile at the largest inputs, split by the "
            "functions it calls (each with everything below it). cProfile slows Python code "
            "more than numpy/scipy code, so read the shares, not the seconds."
        )
        out.append("")
        prof_keys = [k for k in keys if k in results.profiles]
        names = list(dict.fromkeys(name for k in prof_keys for name, _ in results.profiles[k]))
        rows = []
        for name in names:
            cells = []
            for k in prof_keys:
                found = dict(results.profiles[k])
                total = results.profiles[k][0][1]
                if name not in found:
                    cells.append("–")
                else:
                    cells.append(f"{format_seconds(found[name])} ({found[name] / total:.0%})")
            if name != names[0] and all(
                dict(results.profiles[k]).get(name, 0.0) < 0.005 * results.profiles[k][0][1]
                for k in prof_keys
            ):
                continue  # under half a percent everywhere
            rows.append([f"`{name}`", *cells])
        out += table(["function", *prof_keys], rows)
        out.append("")

    if results.one_thread:
        out.append("### Our scorers with BLAS on one thread")
        out.append("")
        out.append(
            "The same measurements of our scorers, repeated in a subprocess with "
            "`OPENBLAS_NUM_THREADS=OMP_NUM_THREADS=MKL_NUM_THREADS=1` right after the "
            "measurements above for each input: on a machine whose cores "
            "are busy with other work, multi-threaded BLAS calls (LSA's SVD above all) can be "
            "many times slower than single-threaded ones."
        )
        out.append("")
        one_keys = [k for k in keys if k in results.one_thread]
        rows = []
        loads = [results.one_thread[k].get("load") for k in one_keys]
        for name in [*OURS, "pipeline"]:
            label = f"`{name}`" if name in OURS else f"`summarize()` end to end ({PIPELINE_LABEL})"
            cells = []
            for k in one_keys:
                value = results.one_thread[k].get(name)
                cells.append("–" if value is None else format_seconds(value))
            rows.append([label, *cells])
        rows.append(["(1-minute load when timed)", *(f"{x:.2f}" if x else "–" for x in loads)])
        out += table(["scorer", *one_keys], rows)
        out.append("")

    if results.memory:
        out.append("### Peak memory at the largest inputs")
        out.append("")
        out.append(
            "Peak of the memory allocated during one call (tracemalloc, which also sees "
            "numpy's buffers), the input sentences excluded."
        )
        out.append("")
        mem_keys = sorted({k for _, k in results.memory}, key=keys.index)
        names = list(dict.fromkeys(n for n, _ in results.memory))
        rows = []
        for name in names:
            cells = []
            for k in mem_keys:
                value = results.memory.get((name, k))
                cells.append("–" if value is None else f"{value / 2**20:,.1f} MiB")
            rows.append([f"`{name}`" if name in OURS else name, *cells])
        out += table(["scorer", *mem_keys], rows)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------------------------
# Command line


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes must be whole numbers, got {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=parse_sizes, default=[50, 500, 5000],
        help="approximate input sizes in sentences, comma-separated (default 50,500,5000)",
    )  # fmt: skip
    parser.add_argument(
        "--repeats", type=int, default=5, help="least runs for a fast measurement (default 5)"
    )
    parser.add_argument(
        "--max-seconds", type=float, default=300.0,
        help="skip a sumy run estimated to take longer than this (default 300)",
    )  # fmt: skip
    parser.add_argument(
        "--skip-slow", action="store_true",
        help=f"skip every sumy run estimated over {SKIP_SLOW_SECONDS:g} s (--max-seconds "
        f"{SKIP_SLOW_SECONDS:g})",
    )  # fmt: skip
    parser.add_argument(
        "--distinct", choices=("auto", "multinews", "synthetic", "none"), default="auto",
        help="source of the distinct-sentence inputs at sizes >= 500 (default: Multi-News "
        "if ../shared/eval/multinews-200.jsonl exists, else synthetic)",
    )  # fmt: skip
    parser.add_argument(
        "--native-distinct", action="store_true",
        help="also time native sumy on the distinct inputs (default: repeated inputs only)",
    )  # fmt: skip
    parser.add_argument(
        "--write", action="store_true", help=f"write the section {HEADING!r} into {RESULTS}"
    )
    parser.add_argument(
        "--no-blas-compare", dest="blas_compare", action="store_false",
        help="do not time our scorers a second time with BLAS on one thread",
    )  # fmt: skip
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("--ours-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--family", choices=("repeated", "distinct"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.skip_slow:
        args.max_seconds = min(args.max_seconds, SKIP_SLOW_SECONDS)
    if args.distinct == "multinews" and not MULTINEWS.is_file():
        parser.error(f"{MULTINEWS} not found")
    if args.distinct == "auto":
        args.distinct = "multinews" if MULTINEWS.is_file() else "synthetic"

    command = "python benchmarks/speed.py" + "".join(
        " " + a for a in (sys.argv[1:] if argv is None else argv)
    )
    started = datetime.datetime.now()
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    clock = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sumy's LSA warns when there are few distinct words
        results = run(args)
    if args.ours_only:  # the one-thread subprocess: machine-readable timings only
        print(ours_json(results))
        return 0
    section = report(results, command, started, time.perf_counter() - clock, load_before)
    publish(section, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
