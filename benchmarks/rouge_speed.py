"""ROUGE speed: ``summarize.evaluation.rouge`` against Google's ``rouge-score`` and the Perl
script ROUGE-1.5.5.

Two sets of system outputs with their references:

- **golden**: the 304 cases of ``../shared/rouge/perl-golden.jsonl`` (generated texts, 1-4
  references each), scored with each case's own settings in perl-compatible mode, every
  measure the script printed (ROUGE-1..4, L, W-1.2 when set, SU4);
- **synthetic**: 5,000 summaries made here from a seeded generator (a made-up vocabulary
  of 3,000 words with Zipf frequencies; sentences of 8-30 words, one per line; the system
  and its reference about 100 words each; no text of any data set).

Each is scored by

- **ours, ROUGE-1/2/L**: :class:`~summarize.evaluation.rouge.RougeScorer` with ``-n 2 -m``
  and ROUGE-L, the measures ``rouge-score`` computes (it has no W or SU), in one process
  and over ``--jobs`` processes (:func:`~summarize.evaluation.compare.score_ids`, as
  ``summarize rouge`` runs);
- **ours, every measure**: ROUGE-1..4, L, W-1.2 and SU4 (``-n 4 -w 1.2 -2 4 -u -m``);
- **rouge-score** 0.1.2: ``RougeScorer(["rouge1", "rouge2", "rougeLsum"],
  use_stemmer=True)``, ``score_multi`` when there are several references, one process
  (it has no parallel mode of its own);
- **Perl ROUGE-1.5.5** where ``--rouge-dir`` names a ``RELEASE-1.5.5`` folder (its
  ``ROUGE-1.5.5.pl`` and ``data/``) and perl with XML::DOM runs: SPL files written to a
  scratch folder, one ``<EVAL>`` per summary, ``-e data -n 2 -m -a -c 95 -r 1000 -f A -p
  0.5``; the time includes the script's own reading and bootstrap. Not measured where the
  script is absent.

Times are the best of ``--repeat`` wall-clock runs (the machine is shared); *per second* is
summaries scored per second. ``ours ×`` is how many times faster than the row it names.

    python benchmarks/rouge_speed.py [--limit N] [--jobs 2] [--repeat 3]
        [--rouge-dir DIR] [--write]

``--write`` replaces the section "## ROUGE: speed against rouge-score and ROUGE-1.5.5" of
``benchmarks/RESULTS.md`` (created when missing), leaving the other sections alone.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from results import RESULTS, load_average, publish, run_line  # benchmarks/results.py

from summarize.evaluation.compare import score_ids
from summarize.evaluation.rouge import RougeOptions, RougeScorer

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT.parent / "shared" / "rouge" / "perl-golden.jsonl"
HEADING = "## ROUGE: speed against rouge-score and ROUGE-1.5.5"
SYNTHETIC = 5000
SEED = 17
BASIC = RougeOptions(n=2, lcs=True, skip=None)
EVERY = RougeOptions(n=4, lcs=True, weight=1.2, skip=4)

Case = tuple[str, tuple[str, ...]]  # system, references


@dataclass(frozen=True)
class Timing:
    set: str
    system: str
    summaries: int
    seconds: float | None
    note: str = ""

    @property
    def rate(self) -> float | None:
        return self.summaries / self.seconds if self.seconds else None


# -- data ---------------------------------------------------------------------------------------


def synthetic_cases(count: int, seed: int = SEED) -> list[Case]:
    """``count`` (system, (reference,)) pairs of about 100 words, one sentence per line."""
    rng = random.Random(seed)
    syllables = "ka lo mi ne ru ta shi po ver an dor el is ment ing ed tion s".split()
    vocabulary = [
        "".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))) for _ in range(3000)
    ]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]

    def text(words: int) -> str:
        lines = []
        while words > 0:
            size = min(words, rng.randint(8, 30))
            words -= size
            lines.append(" ".join(rng.choices(vocabulary, weights, k=size)).capitalize() + ".")
        return "\n".join(lines)

    return [(text(100), (text(100),)) for _ in range(count)]


def golden_cases() -> list[tuple[Case, RougeOptions]]:
    """The golden cases as Perl read them, with each case's settings."""
    if not GOLDEN.exists():
        return []
    cases = []
    with GOLDEN.open(encoding="utf-8") as handle:
        for line in handle:
            case = json.loads(line)
            settings = case["settings"]
            options = RougeOptions(
                n=settings["n"],
                lcs=settings["lcs"],
                weight=settings["w"],
                skip=4 if settings["su4"] else None,
                stem=settings["m"],
                stopwords=settings["stopwords"],
                words=settings["l"],
                bytes_=settings["b"],
                multi_ref="pool" if settings["f"] == "A" else "max",
                alpha=settings["p"],
                perl_compatible=True,
            )
            system = "".join(f"{x}\n" for x in case["system"])
            references = tuple("".join(f"{x}\n" for x in r) for r in case["references"])
            cases.append(((system, references), options))
    return cases


# -- runners ------------------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def ours(cases: Sequence[Case], options: RougeOptions) -> None:
    scorer = RougeScorer(options)
    for system, references in cases:
        scorer.score(system, references)


def ours_parallel(cases: Sequence[Case], options: RougeOptions, jobs: int) -> None:
    items = [(str(i), refs, (system,)) for i, (system, refs) in enumerate(cases)]
    score_ids(items, options, jobs=jobs)


def ours_golden(cases: Sequence[tuple[Case, RougeOptions]]) -> None:
    scorers: dict[RougeOptions, RougeScorer] = {}
    for (system, references), options in cases:
        scorer = scorers.setdefault(options, RougeScorer(options))
        scorer.score(system, references)


def rouge_score(cases: Sequence[Case]) -> None:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    for system, references in cases:
        if len(references) == 1:
            scorer.score(references[0], system)
        else:
            scorer.score_multi(list(references), system)


def perl_available(rouge_dir: Path | None) -> str | None:
    """Why the Perl script cannot be timed, or None when it can."""
    if rouge_dir is None:
        return "no --rouge-dir given"
    if not (rouge_dir / "ROUGE-1.5.5.pl").exists():
        return f"no ROUGE-1.5.5.pl in {rouge_dir}"
    if shutil.which("perl") is None:
        return "no perl"
    probe = subprocess.run(["perl", "-MXML::DOM", "-e", "1"], capture_output=True)
    if probe.returncode != 0:
        return "perl lacks XML::DOM"
    return None


def perl(cases: Sequence[Case], rouge_dir: Path) -> float:
    """Seconds the script takes on ``cases`` (SPL files written first, not timed)."""
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        evals = []
        for number, (system, references) in enumerate(cases):
            (work / f"{number}.S").write_text(system, encoding="utf-8")
            models = []
            for r, reference in enumerate(references, start=1):
                (work / f"{number}.M{r}").write_text(reference, encoding="utf-8")
                models.append(f'<M ID="{r}">{number}.M{r}</M>')
            evals.append(
                f'<EVAL ID="{number}"><PEER-ROOT>{work}</PEER-ROOT><MODEL-ROOT>{work}'
                f'</MODEL-ROOT><INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS><P ID="S">'
                f"{number}.S</P></PEERS><MODELS>{''.join(models)}</MODELS></EVAL>"
            )
        config = work / "config.xml"
        config.write_text(
            '<ROUGE_EVAL version="1.5.5">' + "".join(evals) + "</ROUGE_EVAL>", encoding="utf-8"
        )
        command = [
            "perl",
            str(rouge_dir / "ROUGE-1.5.5.pl"),
            "-e",
            str(rouge_dir / "data"),
            "-n",
            "2",
            "-m",
            "-a",
            "-c",
            "95",
            "-r",
            "1000",
            "-f",
            "A",
            "-p",
            "0.5",
            str(config),
        ]
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - started


# -- report -------------------------------------------------------------------------------------


def code_state() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "not a git checkout"
    changed = git("status", "--porcelain", "--", "summarize").splitlines()
    return f"commit {commit}" + (
        f" with uncommitted changes to {len(changed)} files of `summarize/`" if changed else ""
    )


def report(timings: Sequence[Timing], command: str, header: str) -> str:
    lines = [
        HEADING,
        "",
        header,
        "",
        f"Command: `{command}`",
        "",
        "| set | scorer | summaries | seconds | per second | ours (1/2/L, 1 process) × |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for timing in timings:
        reference = next(
            (
                t
                for t in timings
                if t.set == timing.set and t.system.startswith("ours, ROUGE-1/2/L, 1 ")
            ),
            None,
        )
        ratio = (
            f"{timing.seconds / reference.seconds:.1f}"
            if timing.seconds and reference and reference.seconds and timing is not reference
            else ""
        )
        seconds = f"{timing.seconds:.2f}" if timing.seconds is not None else "not measured"
        rate = f"{timing.rate:,.0f}" if timing.rate else "–"
        system = timing.system + (f" ({timing.note})" if timing.note else "")
        lines.append(
            f"| {timing.set} | {system} | {timing.summaries:,} | {seconds} | {rate} | {ratio} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--limit", type=int, default=SYNTHETIC, help="synthetic summaries")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel row")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best kept)")
    parser.add_argument("--rouge-dir", type=Path, help="a RELEASE-1.5.5 folder of the script")
    parser.add_argument("--write", action="store_true", help=f"write the section into {RESULTS}")
    options = parser.parse_args(argv)
    started = datetime.datetime.now()
    load = load_average()
    wall = time.perf_counter()
    why_not_perl = perl_available(options.rouge_dir)
    sets = [("synthetic", synthetic_cases(options.limit))]
    golden = golden_cases()
    timings: list[Timing] = []
    if golden:
        plain = [case for case, _ in golden]
        timings.append(
            Timing(
                "golden",
                "ours, every measure, each case's settings",
                len(golden),
                best_of(options.repeat, lambda: ours_golden(golden)),
                "perl-compatible",
            )
        )
        sets.insert(0, ("golden", plain))
    for name, cases in sets:
        count = len(cases)
        print(f"{name}: {count} summaries", file=sys.stderr)
        timings.append(
            Timing(
                name,
                "ours, ROUGE-1/2/L, 1 process",
                count,
                best_of(options.repeat, lambda c=cases: ours(c, BASIC)),
            )
        )
        timings.append(
            Timing(
                name,
                f"ours, ROUGE-1/2/L, {options.jobs} processes",
                count,
                best_of(options.repeat, lambda c=cases: ours_parallel(c, BASIC, options.jobs)),
            )
        )
        timings.append(
            Timing(
                name,
                "ours, ROUGE-1..4/L/W-1.2/SU4, 1 process",
                count,
                best_of(options.repeat, lambda c=cases: ours(c, EVERY)),
            )
        )
        timings.append(
            Timing(
                name,
                "rouge-score 0.1.2, rouge1/2/Lsum",
                count,
                best_of(options.repeat, lambda c=cases: rouge_score(c)),
            )
        )
        if why_not_perl is None:
            assert options.rouge_dir is not None
            seconds = min(perl(cases, options.rouge_dir) for _ in range(options.repeat))
            timings.append(Timing(name, "Perl ROUGE-1.5.5, -n 2 -m", count, seconds))
        else:
            timings.append(Timing(name, "Perl ROUGE-1.5.5, -n 2 -m", count, None, why_not_perl))
    header = (
        f"{run_line(started, load)}, {code_state()}, in "
        f"{time.perf_counter() - wall:.0f} s wall time. Best of {options.repeat} runs per row. "
        f"The golden set is the {len(golden)} cases of `../shared/rouge/perl-golden.jsonl` (1-4 "
        f"references each); the synthetic one is {options.limit:,} generated summaries of about "
        "100 words with one reference of about 100 words (a made-up vocabulary, seeded). The last "
        "column is the row's time over the time of *ours, ROUGE-1/2/L, 1 process* on the "
        "same set: above 1 is slower than ours."
    )
    argv_text = " ".join(sys.argv[1:] if argv is None else argv)
    command = f"python benchmarks/rouge_speed.py {argv_text}".strip()
    publish(report(timings, command, header), options.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
