"""Centroid (Radev et al., 2004, the centroid value of MEAD).

The centroid of the input is the mean of its sentences' tf-idf rows, cut to its ``top``
heaviest terms (the words that say what the whole input is about); a sentence scores the
sum of the centroid weights of the terms it contains. MEAD's other features (position,
overlap with the first sentence) are left to the position-aware scorers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from summarize.model import Sentence
from summarize.scorers.base import scorers
from summarize.text.features import tfidf


@scorers.register("centroid")
@dataclass(frozen=True)
class Centroid:
    """Sum of the centroid weights of each sentence's terms."""

    top: int = 30

    def scores(
        self, sentences: Sequence[Sentence], rows: sp.csr_matrix | None = None
    ) -> np.ndarray:
        """``rows``: the sentences' tf-idf rows when already computed (see
        :func:`~summarize.text.features.tfidf`)."""
        rows = tfidf(sentences) if rows is None else rows
        if rows.shape[0] == 0 or rows.nnz == 0:
            return np.zeros(rows.shape[0])
        centroid = np.asarray(rows.mean(axis=0)).ravel()
        if centroid.size > self.top:
            cut = np.partition(centroid, -self.top)[-self.top]
            centroid = np.where(centroid >= cut, centroid, 0.0)
        present = rows.copy()
        present.data[:] = 1.0
        return np.asarray(present @ centroid).ravel()
