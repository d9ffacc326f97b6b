"""News: importance that knows how news is written.

Four signals, each cheap and each known to hold on newswire:

- **position**: the lede carries the story; ``prior = 1 / (1 + position)``, the position
  counted within each article (as :class:`~summarize.scorers.lead.Lead` does);
- **corroboration**: a term that several sources use is part of the story, one that a
  single source uses is its colour. A term's *spread* is the share of the input's
  documents that carry it (with one document: the share of its sentences, relative to the
  most repeated term);
- **background**: a word common everywhere ("year", "people", "said") says little about
  this story. A term's *specificity* is ``1 - zipf / 9``, ``zipf`` the word's English
  Zipf frequency from the ``wordfreq`` package (0 for a word it does not know, such as
  most names; 1 for the commonest words); languages other than English, or an install
  without ``wordfreq``, count every word as specific;
- **form**: a direct quote (most of its words inside quotation marks) and a sentence that
  only attributes ("The police said on Monday.") report reactions, not facts; their score
  is multiplied by ``quotes``.

The content score of a sentence is the mean of ``w_t = spread * specificity`` over its
distinct terms ``t``: how much of what it says is this story, whatever its length (the
budget already charges for length; on the dev sets the mean beat the sum and the sum over
the square root of the length). Scaled so the best sentence has 1, it is mixed with the
prior:

    score = ((1 - weight) * content + weight * prior) * (quotes if quote or attribution else 1)

``weight`` and ``quotes`` are the only tuned parameters; the defaults are the best of the
grid in ``benchmarks/protocol.py`` (``benchmarks/RESULTS.md``): weight 0.3, and ``quotes``
1, i.e. no down-weighting, since 0.7 did worse there (Multi-News editors quote sources).
Its large gains are on BBC, whose references pick content-bearing sentences; it loses to
lead on Newsroom and Multi-News at short budgets, so the protocol did not choose it as the
default.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import numpy as np
import scipy.sparse as sp

from summarize.model import Sentence
from summarize.scorers.base import scorers
from summarize.scorers.lead import Lead
from summarize.text.features import term_counts
from summarize.text.tokens import analyzer, stop_words

# ISO codes of the languages whose background frequencies wordfreq ships.
_WORDFREQ = {"english": "en"}
_MAX_ZIPF = 9.0  # a frequency of 1 (every word) has Zipf value 9

# Quotations: straight or curly double quotes, and the ``...'' of tokenized newswire.
_QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]|``(.+?)''")
_OPENS_QUOTE = re.compile(r"^\s*(?:[\"“]|``|['‘](?=\w))")
_REPORTING = frozenset(
    "said says say told tells according added adds announced announces stated states "
    "reported reports confirmed confirms explained wrote writes noted notes".split()
)
# Words that do not make an attribution say something: when, and in what capacity.
_FRAME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight "
    "week weekend month year statement interview spokesman spokeswoman spokesperson "
    "official officials news conference press release email".split()
)
_ATTRIBUTION_TERMS = 3  # at most this many other content words: "the minister said Monday"


@scorers.register("news")
@dataclass(frozen=True)
class News:
    """Position, corroboration across sources and background specificity, with quotes and
    bare attributions down-weighted; see the module docstring."""

    weight: float = 0.3
    quotes: float = 1.0
    language: str = "english"

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
        n = len(sentences)
        if n == 0:
            return np.zeros(0)
        content = self._content(sentences)
        top = content.max()
        if top > 0:
            content = content / top
        prior = Lead().scores(sentences)
        form = np.array([self.quotes if reports(s, self.language) else 1.0 for s in sentences])
        return ((1.0 - self.weight) * content + self.weight * prior) * form

    def _content(self, sentences: Sequence[Sentence]) -> np.ndarray:
        counts = term_counts(sentences)
        if counts.nnz == 0:
            return np.zeros(len(sentences))
        present = counts.copy()
        present.data[:] = 1.0
        docs = {d: i for i, d in enumerate(dict.fromkeys(s.doc for s in sentences))}
        if len(docs) > 1:
            owner = sp.csr_matrix(
                (
                    np.ones(len(sentences)),
                    [docs[s.doc] for s in sentences],
                    np.arange(len(sentences) + 1),
                ),
                shape=(len(sentences), len(docs)),
            )
            spread = np.asarray(((present.T @ owner) > 0).sum(axis=1)).ravel() / len(docs)
        else:
            frequency = np.asarray(present.sum(axis=0)).ravel()
            spread = frequency / frequency.max()
        weights = spread * self._specificity(sentences, counts.shape[1])
        sizes = np.diff(present.indptr)
        return np.asarray(present @ weights).ravel() / np.maximum(sizes, 1)

    def _specificity(self, sentences: Sequence[Sentence], size: int) -> np.ndarray:
        """Specificity of every term (columns in first-seen order, as ``term_counts``),
        from the first surface word seen with that stem."""
        stem = analyzer(self.language).terms
        column = {t: i for i, t in enumerate(dict.fromkeys(t for s in sentences for t in s.terms))}
        words = [""] * size
        for token in dict.fromkeys(t for s in sentences for t in s.tokens):
            stems = stem((token,))
            if stems and stems[0] in column and not words[column[stems[0]]]:
                words[column[stems[0]]] = token
        return specificity(words, self.language)


def specificity(words: Sequence[str], language: str = "english") -> np.ndarray:
    """``1 - zipf / 9`` for each word: 1 for a word the background does not know, near 0
    for the commonest; all 1 when there is no background for ``language``."""
    table = background(language)
    if not table:
        return np.ones(len(words))
    frequency = np.array([table.get(w, 0.0) for w in words])
    zipf = np.where(frequency > 0, np.log10(np.maximum(frequency, 1e-30)) + _MAX_ZIPF, 0.0)
    return np.clip(1.0 - zipf / _MAX_ZIPF, 0.0, 1.0)


@cache
def background(language: str = "english") -> Mapping[str, float]:
    """Word frequencies of ``language`` from ``wordfreq`` (read once, about a second), or
    an empty mapping when it has none or the package is missing."""
    code = _WORDFREQ.get(language)
    if code is None:
        return MappingProxyType({})
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - an install without the dependency
        return MappingProxyType({})
    return MappingProxyType(get_frequency_dict(code))


def reports(sentence: Sentence, language: str = "english") -> bool:
    """Whether the sentence is a direct quote or (in English) only an attribution."""
    if is_quote(sentence.text):
        return True
    return language == "english" and is_attribution(sentence.tokens)


def is_quote(text: str) -> bool:
    """Most of the words are inside quotation marks, or the sentence opens a quote."""
    if _OPENS_QUOTE.match(text):
        return True
    words = len(text.split())
    if words == 0:
        return False
    quoted = sum(len((a or b).split()) for a, b in _QUOTED.findall(text))
    return quoted >= 0.5 * words


def is_attribution(tokens: Sequence[str]) -> bool:
    """A reporting verb and hardly anything else: who said it and when, not what."""
    if _REPORTING.isdisjoint(tokens):
        return False
    words = [t for t in tokens if any(c.isalpha() for c in t)]
    stops = stop_words("english")
    rest = [t for t in words if t not in _REPORTING and t not in _FRAME and t not in stops]
    return len(rest) <= _ATTRIBUTION_TERMS
