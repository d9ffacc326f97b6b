"""LSA (Steinberger & Ježek, 2004): sentence salience in the latent topics of an SVD.

The sentence-by-term tf-idf matrix is factored as ``U S V^T``; a sentence scores
``sqrt(sum_k s_k^2 u_ik^2)`` over the topics whose singular value is at least
``min_ratio`` times the largest (at most ``max_topics``), so sentences strong in the main
topics win. Up to a few thousand sentences the factors come from the eigenvectors of the
sentence Gram matrix; larger inputs use a truncated sparse SVD.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

from summarize.model import Sentence
from summarize.scorers.base import scorers
from summarize.text.features import tfidf
from summarize.threads import one_blas_thread

_GRAM_LIMIT = 1500


@scorers.register("lsa")
@dataclass(frozen=True)
class LSA:
    """Length of each sentence's vector in the space of the strongest topics."""

    max_topics: int = 10
    min_ratio: float = 0.5

    def scores(
        self, sentences: Sequence[Sentence], rows: sp.csr_matrix | None = None
    ) -> np.ndarray:
        """``rows``: the sentences' tf-idf rows when already computed (see
        :func:`~summarize.text.features.tfidf`)."""
        with one_blas_thread():
            return self._scores(sentences, tfidf(sentences) if rows is None else rows)

    def _scores(self, sentences: Sequence[Sentence], rows: sp.csr_matrix) -> np.ndarray:
        n, m = rows.shape
        if n == 0 or rows.nnz == 0:
            return np.zeros(n)
        k = min(self.max_topics, n, m)
        if n <= _GRAM_LIMIT:
            # The left singular vectors of X are the eigenvectors of the small n-by-n Gram
            # matrix X X^T, and the singular values the roots of its eigenvalues.
            values, vectors = np.linalg.eigh((rows @ rows.T).toarray())
            order = np.argsort(values)[::-1][:k]
            u, s = vectors[:, order], np.sqrt(np.clip(values[order], 0.0, None))
        else:
            v0 = np.full(min(n, m), 1.0 / np.sqrt(min(n, m)))
            u, s, _ = svds(rows, k=min(k, min(n, m) - 1), v0=v0, solver="arpack")
            order = np.argsort(s)[::-1]
            u, s = u[:, order], s[order]
        if s[0] <= 0:
            return np.zeros(n)
        keep = s >= self.min_ratio * s[0]
        weighted = u[:, keep] * s[keep]
        return np.sqrt((weighted**2).sum(axis=1))
