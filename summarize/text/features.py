"""Sparse sentence-by-term matrices shared by the scorers and by selection.

Rows are sentences, columns are terms (stemmed content words). Everything downstream works
on these matrices with numpy/scipy, so cost grows with the number of non-zero entries, not
with the square of the number of sentences, wherever the method allows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from summarize.model import Sentence


def term_counts(sentences: Sequence[Sentence]) -> sp.csr_matrix:
    """A CSR matrix of term counts, one row per sentence (columns in first-seen order)."""
    vocabulary: dict[str, int] = {}
    number = vocabulary.setdefault
    indices = [number(term, len(vocabulary)) for s in sentences for term in s.terms]
    indptr = np.zeros(len(sentences) + 1, dtype=np.int64)
    np.cumsum([len(s.terms) for s in sentences], out=indptr[1:])
    matrix = sp.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(sentences), len(vocabulary)),
    )
    matrix.sum_duplicates()  # repeated terms in one sentence add up
    return matrix


def idf(counts: sp.csr_matrix) -> np.ndarray:
    """Smoothed inverse sentence frequency of every column: ``log((1 + n) / (1 + df)) + 1``."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def normalize_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """Scale every row to unit L2 norm (empty rows stay empty)."""
    out = sp.csr_matrix(matrix, dtype=np.float64, copy=True)
    out.sum_duplicates()
    squares = np.bincount(_row_of_entry(out), weights=out.data**2, minlength=out.shape[0])
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    out.data /= np.repeat(norms, np.diff(out.indptr))
    return out


def tfidf(sentences: Sequence[Sentence]) -> sp.csr_matrix:
    """Unit-length tf-idf rows (sub-linear tf), the usual input to cosine similarity.

    Nothing is cached: the ranking step (:func:`summarize.ranking.rank`) computes the rows
    once and hands them to the scorers that take ``rows`` and to merging.
    """
    counts = term_counts(sentences)
    if counts.nnz == 0:
        return counts
    weighted = counts.copy()
    weighted.data = (1.0 + np.log(weighted.data)) * idf(counts)[weighted.indices]
    return normalize_rows(weighted)


def _row_of_entry(matrix: sp.csr_matrix) -> np.ndarray:
    """The row of every stored entry of a CSR matrix."""
    return np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))


def cosine_rows(unit_rows: sp.csr_matrix, rows: Sequence[int], others: Sequence[int]) -> np.ndarray:
    """Cosine similarities between the ``rows`` and the ``others`` of a unit-row matrix."""
    if len(rows) == 0 or len(others) == 0:
        return np.zeros((len(rows), len(others)))
    block = unit_rows[list(rows)] @ unit_rows[list(others)].T
    return np.asarray(block.todense())


def thresholded_similarity(
    unit_rows: sp.csr_matrix, threshold: float, block: int = 1024, top: int | None = None
) -> sp.csr_matrix:
    """The sparse cosine-similarity graph keeping entries >= ``threshold``, no self-loops.

    Computed in row blocks so the working memory stays bounded by ``block * n`` for any
    input size. With ``top``, each sentence keeps only its ``top`` strongest links (and the
    links that name it among theirs, so the graph stays symmetric): the graph then has at
    most ``2 * top * n`` entries however alike the sentences are.
    """
    n = unit_rows.shape[0]
    transposed = unit_rows.T.tocsc()
    parts = []
    for start in range(0, n, block):
        stop = min(start + block, n)
        sims = sp.csr_matrix(unit_rows[start:stop] @ transposed)
        # weak links go, and so does each sentence's link to itself
        itself = sims.indices == start + _row_of_entry(sims)
        sims.data[(sims.data < threshold) | itself] = 0.0
        sims.eliminate_zeros()
        if top is not None:
            sims = _strongest(sims, top)
        parts.append(sims)
    if not parts:
        return sp.csr_matrix((0, 0))
    graph = sp.csr_matrix(sp.vstack(parts))
    return graph.maximum(graph.T).tocsr() if top is not None else graph


def _strongest(matrix: sp.csr_matrix, top: int) -> sp.csr_matrix:
    """``matrix`` with only the ``top`` largest entries of each row (ties: lower column)."""
    rows = _row_of_entry(matrix)
    order = np.lexsort((matrix.indices, -matrix.data, rows))
    rank = np.arange(order.size) - matrix.indptr[rows[order]]
    keep = np.sort(order[rank < top])
    return sp.csr_matrix(
        (matrix.data[keep], (rows[keep], matrix.indices[keep])), shape=matrix.shape
    )
