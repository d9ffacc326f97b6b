"""LexRank (Erkan & Radev, 2004): eigenvector centrality in the graph of idf-cosine similarity.

With a ``threshold`` (0.1 by default, as in the paper) edges are the sentence pairs whose
tf-idf cosine reaches it, unweighted; with ``threshold=None`` it is continuous LexRank over
the full weighted graph, computed without building it. Beyond ``exact_limit`` sentences the
thresholded graph keeps each sentence's ``neighbours`` most similar ones (and the links naming
it), so its size grows with the input, not with its square, even when most pairs of
sentences reach the threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from summarize.model import Sentence
from summarize.scorers.base import scorers
from summarize.scorers.graph import pagerank_implicit, pagerank_matrix
from summarize.text.features import tfidf, thresholded_similarity


@scorers.register("lexrank")
@dataclass(frozen=True)
class LexRank:
    """Centrality of each sentence; ``damping`` 0.85 mixes in the uniform jump."""

    threshold: float | None = 0.1
    damping: float = 0.85
    tol: float = 1e-8
    max_iter: int = 200
    neighbours: int = 100
    exact_limit: int = 2000

    def scores(
        self, sentences: Sequence[Sentence], rows: sp.csr_matrix | None = None
    ) -> np.ndarray:
        """``rows``: the sentences' tf-idf rows when already computed (see
        :func:`~summarize.text.features.tfidf`)."""
        rows = tfidf(sentences) if rows is None else rows
        if self.threshold is None:
            return pagerank_implicit(rows, self.damping, self.tol, self.max_iter)
        top = self.neighbours if rows.shape[0] > self.exact_limit else None
        graph = thresholded_similarity(rows, self.threshold, top=top)
        graph.data[:] = 1.0
        return pagerank_matrix(graph, self.damping, self.tol, self.max_iter)
