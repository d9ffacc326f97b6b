"""TextRank (Mihalcea & Tarau, 2004): PageRank over a sentence graph weighted by word overlap.

Departure from the paper: the edge weight is the cosine of the sentences' binary term
vectors (overlap divided by the geometric mean of their lengths) instead of overlap divided
by the sum of log lengths. The cosine factorises, so the graph is never built: each PageRank
iteration costs one pass over the sentence-term matrix, and 10,000 sentences take well under
a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarize.model import Sentence
from summarize.scorers.base import scorers
from summarize.scorers.graph import pagerank_implicit
from summarize.text.features import normalize_rows, term_counts


@scorers.register("textrank")
@dataclass(frozen=True)
class TextRank:
    """PageRank score of each sentence; ``damping`` is the usual 0.85."""

    damping: float = 0.85
    tol: float = 1e-8
    max_iter: int = 200

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
        counts = term_counts(sentences)
        counts.data[:] = 1.0
        return pagerank_implicit(normalize_rows(counts), self.damping, self.tol, self.max_iter)
