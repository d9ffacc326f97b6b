"""Every sumy summarizer as a scorer (``sumy-lsa``, ``sumy-edmundson``, ...).

sumy's RandomSummarizer is left out: it draws from the global random state, and every
scorer here is deterministic.

sumy's summarizers pick sentences but do not return their ratings, and sumy's own tokenizer
needs downloaded data. The adapter builds sumy's document model from our sentences, with our
terms (already stemmed, stop words removed) as the words, so sumy sees exactly our
tokenization; it then records the rating sumy computes for every sentence. sumy keys ratings
by sentence text, so two sentences with the same text get the same score — which is the same
answer they would get from any text-based scorer.

sumy is imported only when one of these scorers is used.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any

import numpy as np

from summarize.errors import SummarizeError
from summarize.model import Sentence
from summarize.scorers.base import scorers

# name -> (module, class) inside sumy.summarizers, and the most sentences accepted by
# default: sumy's pure-Python loops are quadratic (KL: cubic) in the number of sentences,
# so beyond these sizes (about ten seconds here) the scorer refuses instead of hanging.
SUMY_SUMMARIZERS = {
    "edmundson": ("edmundson", "EdmundsonSummarizer", 20_000),
    "kl": ("kl", "KLSummarizer", 200),
    "lexrank": ("lex_rank", "LexRankSummarizer", 1_000),
    "lsa": ("lsa", "LsaSummarizer", 2_000),
    "luhn": ("luhn", "LuhnSummarizer", 5_000),
    "reduction": ("reduction", "ReductionSummarizer", 1_000),
    "sumbasic": ("sum_basic", "SumBasicSummarizer", 2_000),
    "textrank": ("text_rank", "TextRankSummarizer", 1_500),
}

# Edmundson's cue method needs stigma words: hedges and negations, stemmed like our terms.
_STIGMA = ("hardli", "imposs", "perhap", "unlik", "allegedli", "reportedli", "rumour", "rumor")


class _TermTokenizer:
    """What sumy asks of a tokenizer: words for a sentence text (here: our terms)."""

    language = "english"

    def __init__(self, terms_by_text: dict[str, tuple[str, ...]]) -> None:
        self._terms = terms_by_text

    def to_words(self, text: str) -> tuple[str, ...]:
        return self._terms.get(text.strip(), ())

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return (paragraph,)


@dataclass(frozen=True)
class SumyScorer:
    """Scores from the sumy summarizer ``method`` (a key of ``SUMY_SUMMARIZERS``).

    ``max_sentences`` (default: the method's limit above) guards against inputs that would
    take sumy minutes or hours; raise it to wait longer.
    """

    method: str = "lexrank"
    max_sentences: int | None = None

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
        if not sentences:
            return np.zeros(0)
        limit = self.max_sentences or SUMY_SUMMARIZERS[self.method][2]
        if len(sentences) > limit:
            raise SummarizeError(
                f"sumy-{self.method} takes at most {limit:,} sentences (got {len(sentences):,}): "
                "its cost grows with the square of the input; use one of our own scorers"
            )
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        tokenizer = _TermTokenizer({s.text.strip(): s.terms for s in sentences})
        paragraphs: list[list[Any]] = []
        last: tuple[str, int] | None = None
        for s in sentences:
            if (s.doc, s.paragraph) != last:
                paragraphs.append([])
                last = (s.doc, s.paragraph)
            paragraphs[-1].append(SumySentence(s.text, tokenizer))
        document = ObjectDocumentModel([Paragraph(p) for p in paragraphs])
        summarizer = self._build(sentences)

        captured: dict[str, Any] = {}

        def record(all_sentences, count, rating, *args, **kwargs):
            captured["sentences"] = all_sentences
            captured["rate"] = (
                rating.__getitem__
                if isinstance(rating, dict)
                else lambda s: rating(s, *args, **kwargs)
            )
            return ()

        summarizer._get_best_sentences = record
        summarizer(document, len(sentences))
        rate = captured["rate"]
        values = np.array([float(rate(s)) for s in document.sentences], dtype=np.float64)
        return np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0)

    def _build(self, sentences: Sequence[Sentence]) -> Any:
        module, name, _ = SUMY_SUMMARIZERS[self.method]
        summarizer = getattr(import_module(f"sumy.summarizers.{module}"), name)()
        if hasattr(type(summarizer), "stop_words"):
            summarizer.stop_words = ()
        if self.method == "edmundson":
            frequent = Counter(t for s in sentences for t in s.terms).most_common(10)
            summarizer.bonus_words = [t for t, _ in frequent] or ["_"]
            summarizer.stigma_words = _STIGMA
            summarizer.null_words = ["_"]
        return summarizer


def _factory(method: str):
    def make(**params: Any) -> SumyScorer:
        return SumyScorer(method=method, **params)

    make.__doc__ = f"sumy's {SUMY_SUMMARIZERS[method][1]} as a scorer."
    return make


for _method in SUMY_SUMMARIZERS:
    scorers.add(f"sumy-{_method}", _factory(_method))
