"""Grouping sentences that say the same thing, across sources and within one.

Two sentences are near-duplicates when the cosine of their tf-idf vectors reaches
``threshold`` (small edits: quotes, a changed word) or when nearly all the terms of one are in
the other (``containment``, for a clause added), provided the shorter has at least
``MIN_CONTAINED_TERMS`` terms so that short sentences are not swallowed by long ones. Groups
are the connected components of that relation. Each group is shown once, in the words of
its most complete member, and credited to every source that carries it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from summarize.model import Sentence

MIN_CONTAINED_TERMS = 5
CONTAINMENT = 0.85
DENSE_LIMIT = 512  # distinct sentences compared all at once
PAIRS_PER_BATCH = 1 << 17  # candidate pairs compared at a time beyond that
MAX_PARTNERS = 200  # sentences one sentence is compared with through one of its terms


def duplicate_groups(
    sentences: Sequence[Sentence],
    rows: sp.csr_matrix,
    threshold: float = 0.7,
    containment: float = CONTAINMENT,
    block: int | None = None,
    cosines: np.ndarray | None = None,
) -> np.ndarray:
    """A group label per sentence: equal labels mark near-duplicates.

    ``rows`` are the unit-length tf-idf rows of ``sentences``. Sentences with identical
    terms are grouped first, so only distinct ones are compared. Up to
    :data:`DENSE_LIMIT` distinct sentences are compared all at once, as dense arrays. More
    (or any number when ``block`` is given) are compared only in the pairs that can be linked
    (see :func:`_candidate_pairs`), ``block`` pairs at a time (default
    :data:`PAIRS_PER_BATCH`), so time and memory grow with the input rather than with its
    square; the groups are the same as the dense comparison's unless some term of a
    sentence's rarest few is carried by more than :data:`MAX_PARTNERS` sentences, in which
    case that term links it only to the sentences nearest it in the input. ``cosines``,
    when the caller has them, are the products of ``rows`` (every pair's cosine), read in
    place of computing them again.
    """
    n = len(sentences)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    first: dict[tuple[str, ...], int] = {}
    same = np.array([first.setdefault(s.terms, i) for i, s in enumerate(sentences)])
    distinct = np.unique(same)
    unit = sp.csr_matrix(rows[distinct])
    unit.sort_indices()
    binary = unit.copy()  # which terms each sentence has: where its tf-idf weight is not 0
    binary.data = np.ones_like(binary.data)
    sizes = np.asarray(binary.sum(axis=1)).ravel()
    m = len(distinct)
    if block is None and m <= DENSE_LIMIT:
        similar = (
            cosines[np.ix_(distinct, distinct)]
            if cosines is not None
            else (unit @ unit.T).toarray()
        )
        shared = (binary @ binary.T).toarray()
        linked = (similar >= threshold) | _contained(
            shared, sizes[:, None], sizes[None, :], containment
        )
        labels = _components(m, *np.nonzero(linked))
    else:
        labels = _sparse_labels(unit, sizes, threshold, containment, block or PAIRS_PER_BATCH)
    position = np.searchsorted(distinct, same)
    return labels[position]


def _sparse_labels(
    unit: sp.csr_matrix, sizes: np.ndarray, threshold: float, containment: float, batch: int
) -> np.ndarray:
    """Component labels of the near-duplicate links among the rows of ``unit``, comparing
    only candidate pairs, ``batch`` at a time, and folding the links into the components
    found so far whenever they pile up (so memory stays linear in the rows)."""
    m = unit.shape[0]
    labels = np.arange(m)
    if threshold <= 0:  # every pair reaches a cosine of 0: one group
        return np.zeros(m, dtype=np.int64)
    if containment <= 0:  # every pair of long enough sentences is "contained"
        long = np.flatnonzero(sizes >= MIN_CONTAINED_TERMS)
        labels[long] = long[0] if long.size else 0
    tails: list[np.ndarray] = [np.arange(m)]
    heads: list[np.ndarray] = [labels]
    pending = 0
    for a, b in _candidate_pairs(unit, sizes, threshold, containment, batch):
        product = sp.csr_matrix(unit[a].multiply(unit[b]))
        similar = np.asarray(product.sum(axis=1)).ravel()
        shared = np.diff(product.indptr)  # weights are positive: the terms both have
        linked = (similar >= threshold) | _contained(shared, sizes[a], sizes[b], containment)
        tails.append(a[linked])
        heads.append(b[linked])
        pending += int(linked.sum())
        if pending > 4 * m + batch:
            labels = _components(m, np.concatenate(tails), np.concatenate(heads))
            anchors = np.unique(labels, return_index=True)[1][labels]
            tails, heads, pending = [np.arange(m)], [anchors], 0
    return _components(m, np.concatenate(tails), np.concatenate(heads))


def _candidate_pairs(
    unit: sp.csr_matrix, sizes: np.ndarray, threshold: float, containment: float, batch: int
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Batches of row pairs ``(a, b)`` that include every pair the near-duplicate rules
    could link (prefix filtering, as in Bayardo et al., 2007, "Scaling up all pairs
    similarity search").

    Terms are put in one order, rarest first. Cosine: a row's *prefix* is its shortest run of
    first terms such that the remaining weights cannot add up to ``threshold`` (their norm,
    by Cauchy-Schwarz, and the sum of each times the largest weight of its term, are
    below it); two rows that share no term of both their prefixes have a cosine below
    ``threshold`` (the first term they share is outside one's prefix, so all of their shared
    terms are). Containment: a row of ``s`` terms in
    another has at most ``s - ceil(containment * s)`` terms outside it, so one of its first
    ``s - ceil(containment * s) + 1`` terms is in the other. Partners through one term are
    capped at :data:`MAX_PARTNERS`, the nearest rows in input order.
    """
    m = unit.shape[0]
    entry_row = np.repeat(np.arange(m), np.diff(unit.indptr))
    columns = unit.indices
    frequency = np.bincount(columns, minlength=unit.shape[1])
    rank = np.empty(unit.shape[1], dtype=np.int64)
    rank[np.lexsort((np.arange(unit.shape[1]), frequency))] = np.arange(unit.shape[1])
    # entries row by row, rarest term first
    order = np.lexsort((rank[columns], entry_row))
    row, term, weight = entry_row[order], columns[order], unit.data[order]
    start = unit.indptr[:-1][row]
    place = np.arange(row.size) - start  # position of the entry in its row, from 0
    # Bounds on what an entry and all after it in its row can add to a cosine: their norm,
    # and the sum of each weight times the largest weight of its term in any row. (From
    # running sums, so with a tolerance that only makes prefixes longer.)
    squares = np.cumsum(weight**2)
    remaining = squares[unit.indptr[1:] - 1][row] - squares + weight**2
    heaviest = np.zeros(unit.shape[1])
    np.maximum.at(heaviest, term, weight)
    products = np.cumsum(weight * heaviest[term])
    reach = products[unit.indptr[1:] - 1][row] - products + weight * heaviest[term]
    in_prefix = (remaining >= threshold**2 - 1e-6) & (reach >= threshold - 1e-6)
    size = sizes[row]
    needed = np.ceil(containment * size - 1e-9)
    probes = (size >= MIN_CONTAINED_TERMS) & (place < size - needed + 1)

    # cosine: prefix entries against prefix entries; containment: probes against every
    # entry of a row at least as long (and long enough)
    long = size >= MIN_CONTAINED_TERMS
    yield from _partners(row[in_prefix], term[in_prefix], row[in_prefix], term[in_prefix], batch)
    yield from _partners(row[probes], term[probes], row[long], term[long], batch, sizes)


def _partners(
    probe_row: np.ndarray,
    probe_term: np.ndarray,
    index_row: np.ndarray,
    index_term: np.ndarray,
    batch: int,
    sizes: np.ndarray | None = None,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Pairs (probe row, index row) of different rows sharing a term, at most
    :data:`MAX_PARTNERS` index rows per probe entry (those around it in row order), in
    batches of about ``batch`` pairs; with ``sizes``, only index rows at least as large as
    the probe row."""
    if probe_row.size == 0 or index_row.size == 0:
        return
    key = index_term.astype(np.int64) * (int(index_row.max()) + 1) + index_row
    order = np.argsort(key, kind="stable")
    index_row, key = index_row[order], key[order]
    stride = int(index_row.max()) + 1
    first = np.searchsorted(key, probe_term.astype(np.int64) * stride)
    last = np.searchsorted(key, (probe_term.astype(np.int64) + 1) * stride)
    here = np.searchsorted(key, probe_term.astype(np.int64) * stride + probe_row)
    low = np.clip(here - MAX_PARTNERS // 2, first, np.maximum(last - MAX_PARTNERS, first))
    count = np.minimum(last - first, MAX_PARTNERS)
    keep = count > 1
    probe_row, low, count = probe_row[keep], low[keep], count[keep]
    ends = np.cumsum(count)
    begin = 0
    while begin < count.size:
        stop = int(np.searchsorted(ends, (ends[begin - 1] if begin else 0) + batch, "right"))
        stop = max(stop, begin + 1)
        counts = count[begin:stop]
        total = int(counts.sum())
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        a = np.repeat(probe_row[begin:stop], counts)
        b = index_row[np.repeat(low[begin:stop], counts) + offsets]
        different = a != b
        if sizes is not None:
            different &= sizes[b] >= sizes[a]
        a, b = np.minimum(a, b)[different], np.maximum(a, b)[different]
        code = np.sort(a * stride + b)  # (np.unique hashes, far slower on these)
        code = code[np.concatenate([[True], code[1:] != code[:-1]])] if code.size else code
        yield code // stride, code % stride
        begin = stop


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
    if len(members) == 1:
        return 0
    best = max(
        range(len(members)),
        key=lambda i: (len(set(members[i].terms)), len(members[i].tokens), -i),
    )
    return best
