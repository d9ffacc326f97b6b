"""Grouping sentences that say the same thing, across sources and within one.

Two sentences are near-duplicates when the cosine of their tf-idf vectors reaches
``threshold`` (small edits: quotes, a changed word) or when nearly all the terms of one are in
the other (``containment``, for a clause added), provided the shorter has at least
``MIN_CONTAINED_TERMS`` terms so that short sentences are not swallowed by long ones. Groups
are the connected components of that relation. Each group is shown once, in the words of
its most complete member, and credited to every source that carries it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from .features import term_counts, thresholded_similarity
from .model import Sentence

MIN_CONTAINED_TERMS = 5
CONTAINMENT = 0.85


def duplicate_groups(
    sentences: Sequence[Sentence],
    rows: sp.csr_matrix,
    threshold: float = 0.7,
    containment: float = CONTAINMENT,
) -> np.ndarray:
    """A group label per sentence: equal labels mark near-duplicates.

    ``rows`` are the unit-length tf-idf rows of ``sentences``.
    """
    n = len(sentences)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    similar = thresholded_similarity(rows, threshold)
    binary = term_counts(sentences)
    binary.data[:] = 1.0
    sizes = np.asarray(binary.sum(axis=1)).ravel()
    shared = sp.csr_matrix(binary @ binary.T).tocoo()
    smaller = np.minimum(sizes[shared.row], sizes[shared.col])
    contained = (
        (shared.row != shared.col)
        & (smaller >= MIN_CONTAINED_TERMS)
        & (shared.data >= containment * np.maximum(smaller, 1))
    )
    edges = sp.coo_matrix(
        (np.ones(int(contained.sum())), (shared.row[contained], shared.col[contained])),
        shape=(n, n),
    )
    graph = sp.csr_matrix(similar + edges)
    _, labels = connected_components(graph, directed=False)
    return labels


def representative(members: Sequence[Sentence]) -> int:
    """Position in ``members`` of the most complete wording: most distinct terms, then most
    words, then the earliest."""
    best = max(
        range(len(members)),
        key=lambda i: (len(set(members[i].terms)), len(members[i].tokens), -i),
    )
    return best
