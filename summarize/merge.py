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

from .features import term_counts
from .model import Sentence

MIN_CONTAINED_TERMS = 5
CONTAINMENT = 0.85


def duplicate_groups(
    sentences: Sequence[Sentence],
    rows: sp.csr_matrix,
    threshold: float = 0.7,
    containment: float = CONTAINMENT,
    block: int = 512,
) -> np.ndarray:
    """A group label per sentence: equal labels mark near-duplicates.

    ``rows`` are the unit-length tf-idf rows of ``sentences``. Sentences with identical
    terms are grouped first, so only distinct ones are compared; the comparison runs in
    blocks of rows and folds each block's links into the components found so far, so memory
    stays bounded even when thousands of sentences are all alike (a log repeating a line).
    """
    n = len(sentences)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    first: dict[tuple[str, ...], int] = {}
    same = np.array([first.setdefault(s.terms, i) for i, s in enumerate(sentences)])
    distinct = np.unique(same)
    unit = rows[distinct]
    binary = term_counts([sentences[i] for i in distinct])
    binary.data[:] = 1.0
    sizes = np.asarray(binary.sum(axis=1)).ravel()
    unit_t = unit.T.tocsc()
    binary_t = binary.T.tocsc()
    m = len(distinct)
    labels = np.arange(m)
    for start in range(0, m, block):
        stop = min(start + block, m)
        similar = sp.coo_matrix(unit[start:stop] @ unit_t)
        linked = similar.data >= threshold
        shared = sp.coo_matrix(binary[start:stop] @ binary_t)
        smaller = np.minimum(sizes[start + shared.row], sizes[shared.col])
        contained = (smaller >= MIN_CONTAINED_TERMS) & (
            shared.data >= containment * np.maximum(smaller, 1)
        )
        tails = np.concatenate([similar.row[linked], shared.row[contained]]) + start
        heads = np.concatenate([similar.col[linked], shared.col[contained]])
        # the components so far (each node linked to its label) plus this block's links
        graph = sp.coo_matrix(
            (
                np.ones(m + tails.size),
                (np.concatenate([np.arange(m), tails]), np.concatenate([labels, heads])),
            ),
            shape=(m, m),
        )
        _, labels = connected_components(graph, directed=False)
    position = np.searchsorted(distinct, same)
    return labels[position]


def representative(members: Sequence[Sentence]) -> int:
    """Position in ``members`` of the most complete wording: most distinct terms, then most
    words, then the earliest."""
    best = max(
        range(len(members)),
        key=lambda i: (len(set(members[i].terms)), len(members[i].tokens), -i),
    )
    return best
