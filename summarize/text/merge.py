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

from summarize.model import Sentence

MIN_CONTAINED_TERMS = 5
CONTAINMENT = 0.85
DENSE_LIMIT = 512  # distinct sentences compared all at once
BLOCK_ROWS = 128  # rows per block beyond that: memory grows with BLOCK_ROWS × sentences


def duplicate_groups(
    sentences: Sequence[Sentence],
    rows: sp.csr_matrix,
    threshold: float = 0.7,
    containment: float = CONTAINMENT,
    block: int | None = None,
) -> np.ndarray:
    """A group label per sentence: equal labels mark near-duplicates.

    ``rows`` are the unit-length tf-idf rows of ``sentences``. Sentences with identical
    terms are grouped first, so only distinct ones are compared; the comparison runs in
    blocks of ``block`` rows and folds each block's links into the components found so far,
    so memory stays bounded even when thousands of sentences are all alike (a log repeating
    a line). By default, up to :data:`DENSE_LIMIT` distinct sentences are compared all at
    once, as dense arrays, and more in blocks of :data:`BLOCK_ROWS`.
    """
    n = len(sentences)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    first: dict[tuple[str, ...], int] = {}
    same = np.array([first.setdefault(s.terms, i) for i, s in enumerate(sentences)])
    distinct = np.unique(same)
    unit = rows[distinct]
    binary = unit.copy()  # which terms each sentence has: where its tf-idf weight is not 0
    binary.data = np.ones_like(binary.data)
    sizes = np.asarray(binary.sum(axis=1)).ravel()
    m = len(distinct)
    if block is None and m <= DENSE_LIMIT:
        similar = (unit @ unit.T).toarray()
        shared = (binary @ binary.T).toarray()
        linked = (similar >= threshold) | _contained(
            shared, sizes[:, None], sizes[None, :], containment
        )
        labels = _components(m, *np.nonzero(linked))
    else:
        block = block or BLOCK_ROWS
        unit_t = unit.T.tocsc()
        binary_t = binary.T.tocsc()
        labels = np.arange(m)
        for start in range(0, m, block):
            stop = min(start + block, m)
            similar = sp.coo_matrix(unit[start:stop] @ unit_t)
            linked = similar.data >= threshold
            shared = sp.coo_matrix(binary[start:stop] @ binary_t)
            contained = _contained(
                shared.data, sizes[start + shared.row], sizes[shared.col], containment
            )
            tails = np.concatenate([similar.row[linked], shared.row[contained]]) + start
            heads = np.concatenate([similar.col[linked], shared.col[contained]])
            # the components so far (each node linked to the first node of its component)
            # plus this block's links
            anchors = np.unique(labels, return_index=True)[1][labels]
            labels = _components(
                m, np.concatenate([np.arange(m), tails]), np.concatenate([anchors, heads])
            )
    position = np.searchsorted(distinct, same)
    return labels[position]


def _contained(
    shared: np.ndarray, sizes: np.ndarray, others: np.ndarray, containment: float
) -> np.ndarray:
    """Nearly all the terms of the shorter of two sentences (``containment`` of them) are
    in the other, and the shorter is long enough to tell."""
    smaller = np.minimum(sizes, others)
    return (smaller >= MIN_CONTAINED_TERMS) & (shared >= containment * np.maximum(smaller, 1))


def _components(m: int, tails: np.ndarray, heads: np.ndarray) -> np.ndarray:
    """Connected-component labels of ``m`` nodes joined by the links ``tails -> heads``."""
    graph = sp.coo_matrix((np.ones(tails.size), (tails, heads)), shape=(m, m))
    return connected_components(graph, directed=False)[1]


def representative(members: Sequence[Sentence]) -> int:
    """Position in ``members`` of the most complete wording: most distinct terms, then most
    words, then the earliest."""
    best = max(
        range(len(members)),
        key=lambda i: (len(set(members[i].terms)), len(members[i].tokens), -i),
    )
    return best
