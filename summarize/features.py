"""Sparse sentence-by-term matrices shared by the scorers and by selection.

Rows are sentences, columns are terms (stemmed content words). Everything downstream works
on these matrices with numpy/scipy, so cost grows with the number of non-zero entries, not
with the square of the number of sentences, wherever the method allows it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from .model import Sentence


def term_counts(sentences: Sequence[Sentence]) -> sp.csr_matrix:
    """A CSR matrix of term counts, one row per sentence (columns in first-seen order)."""
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for sentence in sentences:
        for term in sentence.terms:
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    matrix = sp.csr_matrix(
        (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
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
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def tfidf(sentences: Sequence[Sentence]) -> sp.csr_matrix:
    """Unit-length tf-idf rows (sub-linear tf), the usual input to cosine similarity."""
    counts = term_counts(sentences)
    if counts.nnz == 0:
        return counts
    weighted = counts.copy()
    weighted.data = 1.0 + np.log(weighted.data)
    weighted = sp.csr_matrix(weighted @ sp.diags(idf(counts)))
    return normalize_rows(weighted)


def cosine_rows(unit_rows: sp.csr_matrix, rows: Sequence[int], others: Sequence[int]) -> np.ndarray:
    """Cosine similarities between the ``rows`` and the ``others`` of a unit-row matrix."""
    if len(rows) == 0 or len(others) == 0:
        return np.zeros((len(rows), len(others)))
    block = unit_rows[list(rows)] @ unit_rows[list(others)].T
    return np.asarray(block.todense())


def thresholded_similarity(
    unit_rows: sp.csr_matrix, threshold: float, block: int = 1024
) -> sp.csr_matrix:
    """The sparse cosine-similarity graph keeping entries >= ``threshold``, no self-loops.

    Computed in row blocks so memory stays bounded by ``block * n`` for any input size.
    """
    n = unit_rows.shape[0]
    transposed = unit_rows.T.tocsc()
    parts = []
    for start in range(0, n, block):
        stop = min(start + block, n)
        sims = sp.csr_matrix(unit_rows[start:stop] @ transposed)
        row_of_entry = start + np.repeat(np.arange(stop - start), np.diff(sims.indptr))
        # weak links go, and so does each sentence's link to itself
        sims.data[(sims.data < threshold) | (sims.indices == row_of_entry)] = 0.0
        sims.eliminate_zeros()
        parts.append(sims)
    if not parts:
        return sp.csr_matrix((0, 0))
    return sp.csr_matrix(sp.vstack(parts))
