"""How far headlines chosen and compressed from the input can go on a set: ceilings.

`headlines.py` scores our headline against the baseline "first 75 bytes of the article";
this script asks how much better any headline made *our way* (a sentence of the input,
compressed by the rules of :mod:`summarize.headline`) could score, to tell a weak method
from a target that the method cannot reach. On one evaluation set (``bbc`` by default),
with the same scoring as `headlines.py` (ROUGE-1 recall of the first 75 bytes, mean over
clusters, in percent), it scores:

- **ours** and the **baseline**, as in `headlines.py`;
- **lead, compressed**: :func:`summarize.headline.compress` of the first story sentence of
  the first document alone (empty when it cannot be made to fit), position and nothing else;
- **lead, rules then cut anywhere**: the first sentence after the rules that always apply
  (:data:`ALWAYS`, :data:`STYLE`, :data:`HEADLINESE`), then cut after the last whole word
  that fits, whatever the grammar: what filling the budget is worth;
- choosing among the compressions of the first ``--sentences`` candidate sentences (those
  :func:`~summarize.headline.rank_candidates` does not rule out) that fit:
  **most topic weight** (the weight :func:`headline` uses to break ties), **most central**
  (cosine of the compression's terms to the term counts of the whole article) and the
  **oracle**, the one with the best recall against the reference: the ceiling of any way of
  choosing among them without a trained model.

The oracle reads the reference, so it is a ceiling, not a system. Figures are means over
clusters; Δ is against the baseline. No text of the evaluation sets is stored anywhere.

    python benchmarks/headline_ceilings.py [--set bbc] [--sentences 5] [--limit N]
        [--eval-dir DIR] [--write]

``--write`` replaces the section "## Headlines: ceilings of choosing and compressing" of
``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from headlines import BYTES, EVAL_DIR, first_bytes, load_sets  # benchmarks/headlines.py
from results import publish  # benchmarks/results.py

from summarize import SummarizeError, __version__, headline
from summarize.evaluation.rouge import rouge_n
from summarize.headline import (
    ALWAYS,
    DEFAULT_SCORER,
    HEADLINESE,
    STYLE,
    Topic,
    compress,
    rank_candidates,
)
from summarize.inputs.clusters import Cluster
from summarize.options import DigestOptions
from summarize.ranking import rank
from summarize.text.tokens import analyzer, tokenize

HEADING = "## Headlines: ceilings of choosing and compressing"

OURS = "ours"
BASELINE = "baseline: first 75 bytes"
LEAD = "lead, compressed"
CUT = "lead, rules then cut anywhere (ungrammatical)"
WEIGHT = "choose by most topic weight"
CENTRAL = "choose by most central"
ORACLE = "choose by reference (oracle)"
SYSTEMS = (OURS, BASELINE, LEAD, CUT, WEIGHT, CENTRAL, ORACLE)


def recall(text: str, cluster: Cluster) -> float:
    return rouge_n(text, cluster.headlines, 1, bytes_=BYTES).recall


def fits(text: str) -> bool:
    return len(text.split()) >= 3 and len(text.encode("utf-8")) <= BYTES


def cut_anywhere(text: str) -> str:
    """``text`` after the rules that always apply, cut after the last whole word that fits."""
    out = text
    for rule in (*ALWAYS, *STYLE, *(drop for drop, _ in HEADLINESE)):
        out = rule(out)
    kept: list[str] = []
    for word in out.split():
        if len(" ".join([*kept, word]).encode("utf-8")) > BYTES:
            break
        kept.append(word)
    return " ".join(kept).rstrip(".,;:")


def central(text: str, counts: Counter[str], norm: float) -> float:
    """Cosine of the text's terms (each once) to the article's term counts."""
    terms = set(analyzer("english").terms(tokenize(text)))
    if not terms or not norm:
        return 0.0
    return sum(counts[t] for t in terms) / (math.sqrt(len(terms)) * norm)


def score_cluster(cluster: Cluster, sentences: int) -> dict[str, float]:
    """Each system's recall on one cluster (0 for a system that gives no headline)."""
    documents = cluster.documents
    out: dict[str, float] = {}
    try:
        out[OURS] = recall(headline(documents).text, cluster)
    except SummarizeError:
        out[OURS] = 0.0
    out[BASELINE] = recall(first_bytes(documents[0].text), cluster)
    topic = Topic.of(documents)
    lead = documents[0].sentences[0].text if documents[0].sentences else ""
    compressed = compress(lead, BYTES, topic).text if lead else ""
    out[LEAD] = recall(compressed, cluster) if fits(compressed) else 0.0
    out[CUT] = recall(cut_anywhere(lead), cluster) if lead else 0.0

    counts = Counter(t for s in documents[0].sentences for t in s.terms)
    norm = math.sqrt(sum(n * n for n in counts.values()))
    options = []
    ranked = rank(documents, DigestOptions(scorer=DEFAULT_SCORER))
    for candidate in rank_candidates(ranked, sentences):
        if candidate.reason:
            continue
        text = compress(candidate.original, BYTES, topic).text
        if fits(text):
            weight = sum(topic.weight(word) for word in text.split())
            options.append((text, weight, central(text, counts, norm)))
    choosers: dict[str, Callable[[tuple[str, float, float]], float]] = {
        WEIGHT: lambda option: option[1],
        CENTRAL: lambda option: option[2],
        ORACLE: lambda option: recall(option[0], cluster),
    }
    for name, key in choosers.items():
        out[name] = recall(max(options, key=key)[0], cluster) if options else 0.0
    return out


def report(
    set_name: str, scores: dict[str, np.ndarray], command: str, started: datetime.datetime
) -> str:
    base = scores[BASELINE]
    out = [HEADING, ""]
    out.append(f"Run {started:%Y-%m-%d %H:%M} with summarize {__version__}. Command: `{command}`")
    out.append("")
    out.append(
        f"Set {set_name} ({len(base)} clusters). ROUGE-1 recall of the first 75 bytes, mean "
        "over clusters, in percent, and the difference to the baseline (see the script's "
        "docstring for each row). The rows below *lead, compressed* are not systems: one "
        "ignores grammar and the oracle reads the reference; they bound what cutting and "
        "choosing can add."
    )
    out.append("")
    out.append("| system | R1 R | Δ vs baseline |")
    out.append("|---|---:|---:|")
    for name in SYSTEMS:
        values = scores[name]
        out.append(f"| {name} | {100 * values.mean():.2f} | {100 * (values - base).mean():+.2f} |")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ceilings of headline choosing/compressing.")
    parser.add_argument("--set", default="bbc", help="set name in the eval folder (default bbc)")
    parser.add_argument("--sentences", type=int, default=5, help="candidate sentences (5)")
    parser.add_argument("--limit", type=int, help="only the first N clusters")
    parser.add_argument("--eval-dir", type=Path, default=EVAL_DIR, help=f"default {EVAL_DIR}")
    parser.add_argument("--write", action="store_true", help="write the section into RESULTS")
    args = parser.parse_args(argv)
    if args.sentences < 1 or (args.limit is not None and args.limit < 1):
        parser.error("--sentences and --limit must be at least 1")
    command = "python benchmarks/headline_ceilings.py" + "".join(
        " " + a for a in (sys.argv[1:] if argv is None else argv)
    )
    started = datetime.datetime.now()
    clock = time.perf_counter()
    try:
        clusters = load_sets(args.eval_dir, [args.set], args.limit)[args.set]
    except SummarizeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = [score_cluster(cluster, args.sentences) for cluster in clusters]
    scores = {name: np.array([row[name] for row in rows]) for name in SYSTEMS}
    print(f"{len(rows)} clusters in {time.perf_counter() - clock:.0f} s", file=sys.stderr)
    publish(report(args.set, scores, command, started), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
