"""PageRank over sentence-similarity graphs, shared by TextRank and LexRank.

Two forms: over an explicit sparse weight matrix, and matrix-free over the implicit graph
``W = X X^T - diag`` of a sentence-by-term matrix ``X``, which never builds the n-by-n
matrix, so one iteration costs as much as reading ``X`` once. Graphs of up to
``DENSE_LIMIT`` sentences (a few articles) are iterated as dense arrays instead: there a
sparse product costs more in bookkeeping than the arithmetic it saves.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from summarize.threads import one_blas_thread

# Sentences. Measured on Multi-News clusters (about 90 sentences) and larger inputs: dense
# iteration saves a fifth of the scoring time up to here; beyond a few hundred sentences the
# dense products cost more than the sparse ones, and multi-threaded BLAS makes them far
# slower still when other processes busy the cores.
DENSE_LIMIT = 200


def pagerank_matrix(
    weights: sp.csr_matrix, damping: float, tol: float, max_iter: int
) -> np.ndarray:
    """PageRank of a symmetric, non-negative sparse weight matrix."""
    degree = np.asarray(weights.sum(axis=1)).ravel()
    if weights.shape[0] > DENSE_LIMIT:
        return _iterate(lambda v: weights @ v, degree, damping, tol, max_iter)
    matrix = weights.toarray()
    with one_blas_thread():
        return _iterate(lambda v: matrix @ v, degree, damping, tol, max_iter)


def pagerank_implicit(rows: sp.csr_matrix, damping: float, tol: float, max_iter: int) -> np.ndarray:
    """PageRank of the graph whose edge weights are the dot products of ``rows``."""
    if rows.shape[0] <= DENSE_LIMIT:
        weights = (rows @ rows.T).toarray()
        np.fill_diagonal(weights, 0.0)
        with one_blas_thread():
            return _iterate(lambda v: weights @ v, weights.sum(axis=1), damping, tol, max_iter)
    transposed = rows.T.tocsr()
    self_weight = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()

    def multiply(v: np.ndarray) -> np.ndarray:
        return rows @ (transposed @ v) - self_weight * v

    degree = multiply(np.ones(rows.shape[0]))
    return _iterate(multiply, degree, damping, tol, max_iter)


def _iterate(multiply, degree: np.ndarray, damping: float, tol: float, max_iter: int) -> np.ndarray:
    n = degree.shape[0]
    if n == 0:
        return np.zeros(0)
    scale = np.max(degree) if degree.size else 0.0
    dangling = degree <= 1e-12 * max(scale, 1.0)
    inverse = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, degree))
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        spread = multiply(rank * inverse) + rank[dangling].sum() / n
        new = (1.0 - damping) / n + damping * spread
        new = np.maximum(new, 0.0)
        new /= new.sum()
        done = np.abs(new - rank).sum() < tol
        rank = new
        if done:
            break
    return rank
