"""Paired bootstrap statistics over evaluation units (clusters, documents, ids).

Shared by ``summarize eval`` (:mod:`summarize.evaluation.run`) and ``summarize rouge``
(:mod:`summarize.evaluation.compare`): resampled means with the same draw for every system,
percentile intervals, and the share of resamples in which one system's mean beats
another's. Randomness comes only from the ``numpy.random.Generator`` passed in.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from summarize.errors import SummarizeError


@dataclass(frozen=True)
class Interval:
    """A mean and its bootstrap confidence interval."""

    mean: float
    low: float
    high: float


def bootstrap_means(
    values: np.ndarray, rng: np.random.Generator, resamples: int = 1000
) -> np.ndarray:
    """Means of ``values`` (clusters along axis 0) over ``resamples`` bootstrap samples of
    the clusters, paired: every column is resampled with the same clusters. Returns an
    array of shape ``(resamples, *values.shape[1:])``."""
    values = np.asarray(values, dtype=np.float64)
    n = values.shape[0]
    if n == 0:
        raise SummarizeError("cannot bootstrap an empty set")
    # Drawing n clusters with replacement = multinomial counts of each cluster.
    counts = rng.multinomial(n, np.full(n, 1.0 / n), size=resamples).astype(np.float64)
    flat = values.reshape(n, -1)
    return (counts @ flat / n).reshape((resamples, *values.shape[1:]))


def interval(means: np.ndarray, confidence: float = 0.95) -> tuple[float, float]:
    """The central ``confidence`` share of resampled means (percentile method)."""
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return float(low), float(high)


def win_rates(resampled: np.ndarray) -> np.ndarray:
    """For resampled means of shape ``(resamples, scorers)``: the share of resamples in
    which scorer ``a``'s mean is strictly higher than ``b``'s, as a ``(scorers, scorers)``
    matrix ``[a, b]``."""
    higher = resampled[:, :, None] > resampled[:, None, :]
    return higher.mean(axis=0)
