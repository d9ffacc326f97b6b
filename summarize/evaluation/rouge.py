"""ROUGE equal to Chin-Yew Lin's ``ROUGE-1.5.5.pl``: ROUGE-N (N <= 4), ROUGE-L, ROUGE-W and
ROUGE-SU, for any system's output against one or more references.

Source: Lin, "ROUGE: A Package for Automatic Evaluation of Summaries" (2004), and the
behaviour of the script itself, checked against the values it printed for 304 cases
(``tests/test_rouge_golden.py``). :class:`RougeOptions` maps to the script's flags:

=========================  ==========================================================
option                     script flag
=========================  ==========================================================
``n=4``                    ``-n 4``: ROUGE-1 .. ROUGE-4
``lcs=True``               ROUGE-L (``-x`` turns it off)
``weight=1.2``             ``-w 1.2``: ROUGE-W-1.2 (None: not computed)
``skip=4``                 ``-2 4 -u``: ROUGE-SU4, skip bigrams with at most 4 tokens
                           between plus unigrams (None: not computed; -1: no limit)
``stem=True``              ``-m``: WordNet exception list, then Porter (Lin's variant)
``stopwords=True``         ``-s``: the SMART stop words removed
``words=N`` / ``bytes_=N``  ``-l N`` / ``-b N``: system and references cut first
``multi_ref="pool"``       ``-f A``: counts summed over the references
``multi_ref="max"``        ``-f B``: the reference with the best recall, per measure
``alpha=0.5``              ``-p 0.5``: F = R P / ((1 - alpha) P + alpha R)
``jackknife=True``         what NIST's DUC/TAC tables do around the script: with k
                           references, the mean of the k scores against k - 1 of them
``perl_compatible=True``   every quirk of the script, see below
=========================  ==========================================================

How the script reads a text is in :mod:`summarize.evaluation.rouge_text` (one unit per
line, ASCII tokens, its word and byte cuts) and how it stems in
:mod:`summarize.evaluation.stemming`. How it counts:

* **ROUGE-N**: n-grams run across lines (the script joins the lines); hits are clipped
  per n-gram, ``min(count in reference, count in system)``.
* **ROUGE-SU**: skip bigrams with at most ``skip`` tokens in between, plus the unigram of
  every token *but the last* (the script never counts the last one: a one-token summary
  has no SU units).
* **ROUGE-L**: for each reference line, the union of its LCS with every system line,
  traced back as the script does (diagonal on a match, else up when that keeps the
  length, else left); a reference token counts as a hit only while unmatched occurrences
  of it remain in both texts' unigram counts. Recall divides by the reference's tokens,
  precision by the system's.
* **ROUGE-W**: the weighted LCS (``f(k) = k ** weight``) with the same union and clipping.
  The script credits a run only at a clipped token followed by an unmarked one or ending
  the line (a marked token that fails the clip neither ends nor extends a run), and it
  weights the totals twice: the reference side is ``(sum of len(line) ** w) ** w``, the
  system side ``(tokens) ** w``. A system equal to its one reference gets R 0.54995.
* **-f B** keeps, per measure, the first reference of highest recall: for N and SU the
  recall rounded to 5 decimals, for L the exact one, for W ``(hit / sum len ** w) ** (1/w)``.

The script's own departures from the definitions are reproduced only with
``perl_compatible=True`` (then every figure equals the script's to 5 decimals):

1. R and P are rounded to 5 decimals and **F is computed from the rounded R and P**
   (by default all three are exact, F from exact R and P);
2. with ``-b``, the script's ROUGE-L/W units **never advance their byte count** (every
   line shorter than the limit, then the first longer one cut to it), while the clipping
   and the precision denominator use the true cut (by default the units are the true cut).

Everything else (tokens, the two W weightings, the SU last token, -f B's rounded recall,
the leading-whitespace word of ``-l``) is the script's definition of the figures and is
the same in both modes. Where the script dies (ROUGE-W with a reference without tokens)
we score 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from summarize.errors import SummarizeError
from summarize.evaluation.lcs import mark_lcs, mark_wlcs
from summarize.evaluation.rouge_text import (
    Prepared,
    Tokenizer,
    check_limits,
    cut,
    text_lines,
)
from summarize.evaluation.stemming import rouge_stem, stopword_set

MULTI_REF = ("pool", "max")
"""How several references combine: pooled counts (``-f A``) or the best reference (``-f B``)."""

MAX_N = 4


@dataclass(frozen=True)
class Score:
    """Precision, recall and their weighted harmonic mean (F) of one measure, in [0, 1]."""

    precision: float
    recall: float
    fmeasure: float


@dataclass(frozen=True)
class Counts:
    """What a score is made of: ``hit`` over ``model`` (reference side, recall) and
    ``peer`` (system side, precision), as the script's ``-t 2`` prints them."""

    hit: float
    model: float
    peer: float


@dataclass(frozen=True)
class RougeOptions:
    """What to compute and how; see the module's table for the matching script flags."""

    n: int = 2
    lcs: bool = True
    weight: float | None = None
    skip: int | None = 4
    stem: bool = True
    stopwords: bool = False
    words: int | None = None
    bytes_: int | None = None
    multi_ref: str = "pool"
    alpha: float = 0.5
    jackknife: bool = False
    perl_compatible: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.n, bool) or not isinstance(self.n, int) or not 0 <= self.n <= MAX_N:
            raise SummarizeError(f"ROUGE-N needs n from 0 to {MAX_N}, got {self.n!r}")
        check_limits(self.words, self.bytes_)
        check_multi_ref(self.multi_ref)
        if not 0 <= self.alpha <= 1:
            raise SummarizeError(f"alpha must be between 0 and 1, got {self.alpha}")
        if self.weight is not None and not self.weight > 1:
            raise SummarizeError(f"the ROUGE-W weight must be above 1, got {self.weight}")
        if self.skip is not None and (isinstance(self.skip, bool) or self.skip < -1):
            raise SummarizeError(f"skip must be -1 (no limit) or at least 0, got {self.skip}")
        if not self.metrics:
            raise SummarizeError("no ROUGE measure to compute")

    @property
    def metrics(self) -> tuple[str, ...]:
        """The measures computed, named as the script prints them."""
        names = [f"ROUGE-{k}" for k in range(1, self.n + 1)]
        if self.lcs:
            names.append("ROUGE-L")
        if self.weight is not None:
            names.append(f"ROUGE-W-{self.weight:g}")
        if self.skip is not None:
            names.append(f"ROUGE-SU{self.skip if self.skip >= 0 else '*'}")
        return tuple(names)

    def flags(self) -> str:
        """The script's command-line flags for these options."""
        parts = [f"-n {self.n}"] if self.n else []
        if self.skip is not None:
            parts.append(f"-2 {self.skip} -u")
        if self.weight is not None:
            parts.append(f"-w {self.weight:g}")
        if not self.lcs:
            parts.append("-x")
        if self.stem:
            parts.append("-m")
        if self.stopwords:
            parts.append("-s")
        if self.words is not None:
            parts.append(f"-l {self.words}")
        if self.bytes_ is not None:
            parts.append(f"-b {self.bytes_}")
        parts.append(f"-f {'A' if self.multi_ref == 'pool' else 'B'} -p {self.alpha:g}")
        return " ".join(parts)


@dataclass(frozen=True)
class RougeScores:
    """Every measure's score for one system output, and the counts behind it (over all
    references; with jackknifing the scores are the mean over the left-out subsets)."""

    scores: Mapping[str, Score]
    counts: Mapping[str, Counts] = field(default_factory=dict)

    def __getitem__(self, metric: str) -> Score:
        return self.scores[metric]


@dataclass(frozen=True)
class _PerReference:
    """One measure against one reference: the counts and the -f B selection value."""

    hit: float
    model: float
    peer: float
    select: float


class TextStats:
    """A prepared text and its n-gram tables, built once and shared by every comparison."""

    def __init__(self, prepared: Prepared, skip: int | None) -> None:
        self.prepared = prepared
        self.skip = skip

    @cached_property
    def unigrams(self) -> Counter[str]:
        return Counter(self.prepared.tokens)

    def ngrams(self, n: int) -> Counter[tuple[str, ...]]:
        return self._ngrams[n - 1]

    @cached_property
    def _ngrams(self) -> list[Counter[tuple[str, ...]]]:
        tokens = self.prepared.tokens
        return [ngrams(tokens, n) for n in range(1, MAX_N + 1)]

    @cached_property
    def skip_grams(self) -> Counter[tuple[str, ...]]:
        return skip_bigrams(self.prepared.tokens, -1 if self.skip is None else self.skip)

    @cached_property
    def unit_tuples(self) -> tuple[tuple[str, ...], ...]:
        return self.prepared.units


class RougeScorer:
    """Scores system outputs against references with fixed :class:`RougeOptions`.

    Keeps a cache of stems; build one per process (it is cheap)."""

    def __init__(self, options: RougeOptions | None = None) -> None:
        self.options = options or RougeOptions()
        self.tokenizer = Tokenizer(
            stem=self.options.stem,
            stopwords=stopword_set() if self.options.stopwords else frozenset(),
        )

    def prepare(self, text: str) -> TextStats:
        """``text`` cut, tokenized and ready to compare."""
        options = self.options
        prepared = self.tokenizer.prepare(
            text,
            words=options.words,
            bytes_=options.bytes_,
            perl_lcs_bytes=options.perl_compatible,
        )
        return TextStats(prepared, options.skip)

    def score(self, system: str, references: Sequence[str] | str) -> RougeScores:
        """Every measure of ``system`` against ``references`` (one string: one reference)."""
        refs = [references] if isinstance(references, str) else list(references)
        return self.score_stats(self.prepare(system), [self.prepare(r) for r in refs])

    def score_stats(self, system: TextStats, references: Sequence[TextStats]) -> RougeScores:
        """Like :meth:`score` on prepared texts (prepare each reference once to score many
        systems against it)."""
        options = self.options
        per_metric = {
            metric: [self._against(metric, system, ref) for ref in references]
            for metric in options.metrics
        }
        weight = options.weight
        scores: dict[str, Score] = {}
        counts: dict[str, Counts] = {}
        for metric, rows in per_metric.items():
            power = weight if metric.startswith("ROUGE-W") else None
            counts[metric] = _combine(rows, options.multi_ref)
            if options.jackknife and len(rows) > 1:
                subsets = [rows[:i] + rows[i + 1 :] for i in range(len(rows))]
                parts = [_finish(_combine(s, options.multi_ref), power, options) for s in subsets]
                scores[metric] = Score(
                    precision=sum(p.precision for p in parts) / len(parts),
                    recall=sum(p.recall for p in parts) / len(parts),
                    fmeasure=sum(p.fmeasure for p in parts) / len(parts),
                )
            else:
                scores[metric] = _finish(counts[metric], power, options)
        return RougeScores(scores=scores, counts=counts)

    def _against(self, metric: str, system: TextStats, ref: TextStats) -> _PerReference:
        if metric == "ROUGE-L":
            return _lcs_counts(system, ref)
        if metric.startswith("ROUGE-W"):
            assert self.options.weight is not None
            return _wlcs_counts(system, ref, self.options.weight)
        if metric.startswith("ROUGE-SU"):
            return _gram_counts(system.skip_grams, ref.skip_grams)
        n = int(metric.split("-")[1])
        return _gram_counts(system.ngrams(n), ref.ngrams(n))


# -- counting ----------------------------------------------------------------------------------


def ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams (tuples of ``n`` consecutive tokens) of ``words``."""
    if n == 1:
        return Counter((w,) for w in words)
    return Counter(zip(*(words[i:] for i in range(n)), strict=False))


def skip_bigrams(words: Sequence[str], skip: int) -> Counter[tuple[str, ...]]:
    """The script's ``-2 skip -u`` units: each token but the last as a unigram, and every
    ordered pair with at most ``skip`` tokens between (``-1``: any distance)."""
    grams: Counter[tuple[str, ...]] = Counter(zip(words[:-1]))
    farthest = len(words) - 1 if skip < 0 else min(skip + 1, len(words) - 1)
    for distance in range(1, farthest + 1):
        grams.update(zip(words, words[distance:], strict=False))
    return grams


def _round5(value: float) -> float:
    """``sprintf("%7.5f")`` read back as a number, as the script does."""
    return float(f"{value:.5f}")


def _gram_counts(
    system: Counter[tuple[str, ...]], reference: Counter[tuple[str, ...]]
) -> _PerReference:
    small, large = (system, reference) if len(system) < len(reference) else (reference, system)
    hit = sum(min(count, large[gram]) for gram, count in small.items() if gram in large)
    model = sum(reference.values())
    recall = _round5(hit / model) if model else 0.0
    return _PerReference(hit, model, sum(system.values()), recall)


def _lcs_counts(system: TextStats, ref: TextStats) -> _PerReference:
    model_left = Counter(ref.unigrams)
    peer_left = Counter(system.unigrams)
    peer_units = [u for u in system.unit_tuples if u]
    hit = 0
    base = 0
    for unit in ref.unit_tuples:
        base += len(unit)
        if not unit:
            continue
        marked = [False] * len(unit)
        present = set(unit)
        for peer in peer_units:
            if not present.isdisjoint(peer):
                mark_lcs(unit, peer, marked)
        for token, on in zip(unit, marked, strict=True):
            if on and model_left[token] > 0 and peer_left[token] > 0:
                hit += 1
                model_left[token] -= 1
                peer_left[token] -= 1
    return _PerReference(hit, base, len(system.prepared.tokens), hit / base if base else 0.0)


def _wlcs_counts(system: TextStats, ref: TextStats, weight: float) -> _PerReference:
    model_left = Counter(ref.unigrams)
    peer_left = Counter(system.unigrams)
    peer_units = [u for u in system.unit_tuples if u]
    hit = 0.0
    base = 0.0
    for unit in ref.unit_tuples:
        size = len(unit)
        base += size**weight
        if not unit:
            continue
        marked = [False] * size
        present = set(unit)
        for peer in peer_units:
            if not present.isdisjoint(peer):
                mark_wlcs(unit, peer, marked, weight)
        run = 0
        for j, token in enumerate(unit):
            if marked[j] and model_left[token] > 0 and peer_left[token] > 0:
                run += 1
                if (j + 1 < size and not marked[j + 1]) or j + 1 == size:
                    hit += run**weight
                    run = 0
                model_left[token] -= 1
                peer_left[token] -= 1
    select = (hit / base) ** (1 / weight) if base else 0.0
    peer_length = len(system.prepared.tokens)
    return _PerReference(hit, base**weight, peer_length**weight, select)


def _combine(rows: Sequence[_PerReference], multi_ref: str) -> Counts:
    """Counts over the references: summed (``pool``), or the first reference of highest
    selection value (``max``)."""
    if multi_ref == "max":
        best: _PerReference | None = None
        for row in rows:
            if best is None or row.select > best.select:
                best = row
        return Counts(best.hit, best.model, best.peer) if best else Counts(0, 0, 0)
    return Counts(sum(r.hit for r in rows), sum(r.model for r in rows), sum(r.peer for r in rows))


def _finish(counts: Counts, power: float | None, options: RougeOptions) -> Score:
    recall = counts.hit / counts.model if counts.model else 0.0
    precision = counts.hit / counts.peer if counts.peer else 0.0
    if power is not None:
        recall **= 1 / power
        precision **= 1 / power
    if options.perl_compatible:
        recall, precision = _round5(recall), _round5(precision)
    alpha = options.alpha
    denominator = (1 - alpha) * precision + alpha * recall
    fmeasure = precision * recall / denominator if denominator > 0 else 0.0
    if options.perl_compatible:
        fmeasure = _round5(fmeasure)
    return Score(precision=precision, recall=recall, fmeasure=fmeasure)


# -- the interface the rest of the toolkit uses ------------------------------------------------


def check_multi_ref(multi_ref: str) -> None:
    """Raise :class:`SummarizeError` unless ``multi_ref`` is one of :data:`MULTI_REF`."""
    if multi_ref not in MULTI_REF:
        raise SummarizeError(
            f"unknown way to combine references {multi_ref!r}; available: {', '.join(MULTI_REF)}"
        )


def stem_token(token: str) -> str:
    """The ROUGE stem of one lower-case token (tokens of three characters or fewer stay)."""
    return rouge_stem(token)


def tokens(text: str, stem: bool = True, *, tokenizer: Tokenizer | None = None) -> list[str]:
    """The ROUGE tokens of ``text`` (every line, no limit), maybe stemmed; pass a
    ``tokenizer`` to reuse its stems over many calls (its own ``stem`` setting then holds)."""
    return list((tokenizer or Tokenizer(stem=stem)).prepare(text).tokens)


def line_tokens(
    text: str, *, stem: bool = True, words: int | None = None, bytes_: int | None = None
) -> list[list[str]]:
    """The tokens of each ROUGE-L unit (line) of ``text`` cut to the limit, empty units
    included."""
    check_limits(words, bytes_)
    prepared = Tokenizer(stem=stem).prepare(text, words=words, bytes_=bytes_)
    return [list(unit) for unit in prepared.units]


def cut_lines(text: str, *, words: int | None = None, bytes_: int | None = None) -> list[str]:
    """The non-empty lines of ``text`` that fit a length limit, the last one shortened, as
    the script cuts them (``words``: ``-l``, ``bytes_``: ``-b``; a character cut in two is
    dropped). No limit keeps every line."""
    check_limits(words, bytes_)
    kept = cut(text_lines(text), words, bytes_)
    return [line.decode("utf-8", errors="ignore") for line in kept]


def _options(
    metrics: Iterable[str], *, stem: bool, words: int | None, bytes_: int | None, multi_ref: str
) -> RougeOptions:
    wanted = set(metrics)
    n = max((int(m[1:]) for m in wanted if m[1:].isdigit()), default=0)
    return RougeOptions(
        n=n,
        lcs="L" in wanted,
        skip=None,
        stem=stem,
        words=words,
        bytes_=bytes_,
        multi_ref=multi_ref,
    )


def rouge_n(
    system: str,
    references: Sequence[str] | str,
    n: int,
    *,
    stem: bool = True,
    words: int | None = None,
    bytes_: int | None = None,
    multi_ref: str = "pool",
) -> Score:
    """ROUGE-N of ``system`` against ``references`` (exact values, F1)."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_N:
        raise SummarizeError(f"ROUGE-N needs n from 1 to {MAX_N}, got {n!r}")
    options = _options([f"N{n}"], stem=stem, words=words, bytes_=bytes_, multi_ref=multi_ref)
    return RougeScorer(options).score(system, references)[f"ROUGE-{n}"]


def rouge_l(
    system: str,
    references: Sequence[str] | str,
    *,
    stem: bool = True,
    words: int | None = None,
    bytes_: int | None = None,
    multi_ref: str = "pool",
) -> Score:
    """Summary-level ROUGE-L (union LCS over lines) of ``system`` against ``references``."""
    options = _options(["L"], stem=stem, words=words, bytes_=bytes_, multi_ref=multi_ref)
    return RougeScorer(options).score(system, references)["ROUGE-L"]


def score_all(
    system: str,
    references: Sequence[str] | str,
    *,
    words: int | None = None,
    bytes_: int | None = None,
    stem: bool = True,
    multi_ref: str = "pool",
) -> dict[str, Score]:
    """ROUGE-1, ROUGE-2 and ROUGE-L (keys "rouge1", "rouge2", "rougeL"), tokenizing once:
    what ``summarize eval`` reports."""
    options = _options(
        ["N1", "N2", "L"], stem=stem, words=words, bytes_=bytes_, multi_ref=multi_ref
    )
    result = RougeScorer(options).score(system, references)
    return {
        "rouge1": result["ROUGE-1"],
        "rouge2": result["ROUGE-2"],
        "rougeL": result["ROUGE-L"],
    }
