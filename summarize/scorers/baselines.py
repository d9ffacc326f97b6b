"""Baselines for evaluation: ``random`` (the floor) and ``oracle`` (the ceiling of extraction).

``random`` scores sentences with draws from a seeded ``numpy.random.Generator``: the same
seed and the same input always give the same scores, and a text carried by two sources gets
one draw, so both copies score alike (as with every scorer). The generator is seeded with
the seed *and* a digest of the input's texts, so each input gets its own order: a generator
seeded alike for every input would give the first sentence the same draw everywhere, which
is a position bias, not chance.

``oracle`` needs the reference summaries, which a scorer never sees through the pipeline:
give them to its constructor. It picks sentences greedily, each time the one that adds most
ROUGE-1 plus ROUGE-2 *recall* against the references (pooled, tokens as
:mod:`summarize.evaluation.rouge` makes them), among those that still fit the budget, until no
sentence adds anything; the first pick scores 1, the next a little less, and every sentence
not picked scores 0. It is the usual greedy approximation of the best extract (the way
Nallapati, Zhai and Zhou, "SummaRuNNer", AAAI 2017, label sentences for training). Where it
departs from that:

* it maximises recall rather than F1: every scorer's summary fills the same budget, and at
  equal length the summary with more recall has more F1 too; an F1 objective would stop
  early on inputs without a length cut (a ``ratio`` budget), and the pipeline would fill
  the rest of the budget with sentences the oracle never chose;
* bigrams are counted within sentences (the join between two chosen sentences is ignored);
* a sentence whose text another sentence repeats exactly shares that sentence's score.

The budget is the one the pipeline selects under: ``words`` or ``bytes`` (of UTF-8
text), each sentence judged on its text cut to that limit (what ROUGE sees when the
summary is cut to the budget), or ``sentences`` — with ``words`` or ``bytes`` as well, the
count is the budget and the limit only the cut, which is how a headline is scored (one
sentence, its first 75 bytes). References are used as given: cut them to the budget
first when ROUGE does.

    >>> from summarize import summarize
    >>> oracle = Oracle(references=("Two villages were evacuated.",), words=20)
    >>> summarize(texts, scorer=oracle, words=20)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from summarize.errors import SummarizeError
from summarize.evaluation.rouge import cut_lines, ngrams, tokens
from summarize.evaluation.rouge_text import Tokenizer
from summarize.model import Sentence
from summarize.scorers.base import scorers

Gram = tuple[str, ...]


@scorers.register("random")
@dataclass(frozen=True)
class Random:
    """Uniform random scores in [0, 1), reproducible from ``seed`` and the input."""

    seed: int = 0

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
        texts = [s.text for s in sentences]
        distinct = list(dict.fromkeys(texts))
        digest = hashlib.blake2b("\x00".join(distinct).encode("utf-8"), digest_size=8)
        rng = np.random.default_rng([self.seed, int.from_bytes(digest.digest(), "big")])
        draws = dict(zip(distinct, rng.random(len(distinct)), strict=True))
        return np.array([draws[t] for t in texts], dtype=np.float64)


@scorers.register("oracle")
@dataclass(frozen=True)
class Oracle:
    """Greedy ROUGE-1 + ROUGE-2 recall against ``references``: the picked sentences score
    from 1 down (first pick highest), all others 0. See the module docstring."""

    needs_references: ClassVar[bool] = True

    references: tuple[str, ...] = ()
    words: int | None = None
    bytes: int | None = None
    sentences: int | None = None
    stem: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.references, str):
            object.__setattr__(self, "references", (self.references,))
        else:
            object.__setattr__(self, "references", tuple(self.references))
        if self.words is not None and self.bytes is not None:
            raise SummarizeError("the oracle takes a limit in words or in bytes, not both")

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
        if not any(r.strip() for r in self.references):
            raise SummarizeError(
                "the oracle scorer needs the reference summaries: use it through "
                "`summarize eval`, or give scorer_params={'references': [...]}"
            )
        picks = self.picks(sentences)
        values = np.zeros(len(sentences))
        by_text: dict[str, float] = {}
        for rank, i in enumerate(picks):
            by_text.setdefault(sentences[i].text, (len(picks) - rank) / len(picks))
        for i, sentence in enumerate(sentences):
            values[i] = by_text.get(sentence.text, 0.0)
        return values

    def picks(self, sentences: Sequence[Sentence]) -> list[int]:
        """Positions of the greedily chosen sentences, in the order they were chosen."""
        tokenizer = Tokenizer(stem=self.stem)  # one stem cache for the whole pick
        references = [tokens(r, tokenizer=tokenizer) for r in self.references]
        targets = [_Target(references, n) for n in (1, 2)]
        grams = [self._grams(s, targets, tokenizer) for s in sentences]
        costs = [self._cost(s) for s in sentences]
        limit = self.sentences or self.words or self.bytes
        system: list[Counter[Gram]] = [Counter(), Counter()]

        def gain(i: int) -> float:
            return sum(t.gain(system[k], grams[i][k]) for k, t in enumerate(targets))

        # Lazy greedy: a sentence's gain only shrinks as the summary grows (coverage with
        # clipped counts is submodular), so a stale gain is an upper bound.
        heap = [(-gain(i), i) for i in range(len(sentences)) if costs[i] > 0]
        heapq.heapify(heap)
        picks: list[int] = []
        used = 0
        while heap:
            _, i = heapq.heappop(heap)
            if limit is not None and used + costs[i] > limit:
                continue  # it will never fit again
            current = gain(i)
            if heap and current < -heap[0][0]:
                heapq.heappush(heap, (-current, i))
                continue
            if current <= 0:
                break
            picks.append(i)
            used += costs[i]
            for k in range(2):
                system[k].update(grams[i][k])
        if not picks and limit is not None and self.sentences is None:
            picks = self._best_cut(sentences, costs, grams, targets)
        return picks

    def _cost(self, sentence: Sentence) -> int:
        if self.sentences is not None:
            return 1 if sentence.text.strip() else 0
        if self.bytes is not None:
            return sentence.byte_count
        return sentence.word_count

    def _grams(
        self, sentence: Sentence, targets: list[_Target], tokenizer: Tokenizer
    ) -> list[Counter[Gram]]:
        """The sentence's n-grams that some reference has, its text cut to the limit."""
        lines = cut_lines(sentence.text, words=self.words, bytes_=self.bytes)
        found = tokens(" ".join(lines), tokenizer=tokenizer)
        return [t.relevant(ngrams(found, t.n)) for t in targets]

    def _best_cut(
        self,
        sentences: Sequence[Sentence],
        costs: list[int],
        grams: list[list[Counter[Gram]]],
        targets: list[_Target],
    ) -> list[int]:
        """When no whole sentence fits, the pipeline cuts its best one: pick the sentence
        whose cut text gains most."""
        empty: Counter[Gram] = Counter()
        best, best_gain = None, 0.0
        for i in range(len(sentences)):
            value = sum(t.gain(empty, grams[i][k]) for k, t in enumerate(targets))
            if costs[i] > 0 and value > best_gain:
                best, best_gain = i, value
        return [] if best is None else [best]


class _Target:
    """The n-grams of every reference, for the recall gained by adding n-grams."""

    def __init__(self, references: list[list[str]], n: int) -> None:
        self.n = n
        self.counts = [ngrams(r, n) for r in references]
        self.total = sum(sum(c.values()) for c in self.counts)
        self.known = set().union(*self.counts) if self.counts else set()

    def relevant(self, grams: Counter[Gram]) -> Counter[Gram]:
        return Counter({g: c for g, c in grams.items() if g in self.known})

    def gain(self, system: Counter[Gram], added: Counter[Gram]) -> float:
        """Pooled recall added by ``added`` to a summary with n-gram counts ``system``."""
        if not self.total or not added:
            return 0.0
        hits = 0
        for gram, count in added.items():
            have = system.get(gram, 0)
            for reference in self.counts:
                wanted = reference.get(gram, 0)
                if wanted > have:
                    hits += min(wanted, have + count) - have
        return hits / self.total
