"""Coverage with diversity (Lin & Bilmes, 2011), maximised greedily under a length budget.

The objective for a set ``S`` of sentences is ``F(S) = L(S) + diversity * R(S)``:

- coverage ``L(S) = sum_i min(C_i(S), alpha * C_i(V))`` where ``C_i(S)`` is the summed cosine
  similarity of sentence ``i`` to the sentences of ``S``: every sentence of the input wants to
  be represented, but only up to a saturation point, so covering one part of the story ever
  more thoroughly stops paying; ``alpha = coverage / N``.
- diversity ``R(S) = sum_k sqrt(sum_{j in S and cluster k} r_j)``: the candidates are
  clustered (k-means, ``clusters * N`` clusters, on the leading eigenvectors of their
  similarity matrix rather than on the raw tf-idf rows: the same geometry, far fewer
  dimensions) and the square root
  rewards taking from a cluster not yet used. The singleton reward ``r_j`` is the sentence's
  mean similarity to the input (as in the paper) times its score from the scorer relative
  to the mean score, so position or centrality priors from the scorer carry through.

With ``importance`` above 0 the coverage is position-aware: sentence ``i`` counts
``w_i = (score_i / mean score) ** importance`` in ``L`` (``sum_i w_i min(C_i(S), alpha
C_i(V))``), so covering what the scorer ranks high, the ledes with a position-aware scorer,
is worth more than covering the tail of an article; 0 is the paper's unweighted coverage.

Both terms are monotone submodular. The cost-scaled greedy algorithm adds, while anything
fits, the sentence with the best ratio ``gain / cost ** scale``; the better of that set and
the best single sentence is returned, which gives the paper's constant-factor guarantee
(``(1 - 1/e) / 2`` with ``scale = 1``).

Departures: a candidate whose cosine with a chosen sentence reaches ``redundancy`` is not
considered again (the objective already discourages it; this makes it a rule, as for every
selector). For inputs of more than ``max_candidates`` sentences, only the best-scored
``max_candidates`` are considered (as candidates and as the sentences to cover), which
keeps the similarity matrix and each greedy step bounded.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.cluster.vq import kmeans2
from scipy.linalg import eigh
from scipy.spatial.distance import cdist

from summarize.model import Budget
from summarize.selectors.base import Pool, selectors
from summarize.selectors.budget import Selection, cost
from summarize.threads import one_blas_thread

_TOPICS = 20


@selectors.register("submodular")
@dataclass(frozen=True)
class Submodular:
    """Greedy maximisation of coverage plus diversity; see the module docstring."""

    coverage: float = 5.0
    diversity: float = 6.0
    clusters: float = 0.2
    scale: float = 0.3
    importance: float = 0.0
    max_candidates: int = 1500
    seed: int = 0
    redundancy: float | None = 0.5

    def select(self, pool: Pool, budget: Budget) -> Selection:
        with one_blas_thread():
            return self._select(pool, budget)

    def _select(self, pool: Pool, budget: Budget) -> Selection:
        n = len(pool)
        if n == 0:
            return Selection(())
        keep = np.argsort(-pool.scores, kind="stable")[: self.max_candidates]
        keep.sort()
        rows = pool.rows[keep]
        similarity = (rows @ rows.T).toarray()
        np.clip(similarity, 0.0, 1.0, out=similarity)
        m = len(keep)
        limit = budget.sentences or budget.words or budget.bytes or budget.chars or 0
        costs = np.array([cost(pool.sentences[i], budget) for i in keep], dtype=np.float64)
        scores = np.maximum(pool.scores[keep], 0.0)
        relative = scores / scores.mean() if scores.mean() > 0 else np.ones(m)
        reward = similarity.mean(axis=0) * relative
        labels = self._clusters(similarity, m)
        cap = min(1.0, self.coverage / m) * similarity.sum(axis=0)
        # Position-aware coverage: sentence i counts w_i = relative score ** importance
        # (min(w x, w c) = w min(x, c), so scaling its row and cap weights it exactly).
        weight = relative**self.importance if self.importance else np.ones(m)
        covering = similarity * weight[:, None]
        cap = cap * weight

        chosen = self._greedy(similarity, covering, cap, reward, labels, costs, limit)
        # (a single sentence is never redundant, so the guarantee's fallback needs no check)
        fits = np.flatnonzero((costs <= limit) & (costs > 0))
        if fits.size:
            # a single sentence's value: its own coverage plus its cluster's sqrt(reward)
            singles = np.minimum(covering[:, fits], cap[:, None]).sum(axis=0)
            singles += self.diversity * np.sqrt(reward[fits])
            best = int(fits[int(np.argmax(singles))])
            if self._value(covering, cap, reward, labels, [best]) > self._value(
                covering, cap, reward, labels, chosen
            ):
                chosen = [best]
        return Selection(tuple(int(keep[k]) for k in chosen))

    def _clusters(self, similarity: np.ndarray, m: int) -> np.ndarray:
        """k-means labels in the space of the similarity matrix's leading eigenvectors
        (the sentences' latent topics), which is small whatever the vocabulary."""
        k = max(1, round(self.clusters * m))
        if k == 1:
            return np.zeros(m, dtype=np.int64)
        if m <= k:
            return np.arange(m)
        # Only the leading eigenpairs: a full decomposition costs ten times more.
        values, vectors = eigh(similarity, subset_by_index=[max(0, m - _TOPICS), m - 1])
        top = np.argsort(values)[::-1]
        points = vectors[:, top] * np.sqrt(np.clip(values[top], 0.0, None))
        seeds = _plus_plus(points, k, np.random.default_rng(self.seed))
        _, labels = kmeans2(points, seeds, minit="matrix")
        return labels

    def _greedy(
        self,
        similarity: np.ndarray,
        covering: np.ndarray,
        cap: np.ndarray,
        reward: np.ndarray,
        labels: np.ndarray,
        costs: np.ndarray,
        limit: float,
    ) -> list[int]:
        m = similarity.shape[0]
        covered = np.zeros(m)
        per_cluster = np.zeros(int(labels.max()) + 1)
        available = (costs <= limit) & (costs > 0)
        remaining = float(limit)
        chosen: list[int] = []
        scaled_costs = costs**self.scale
        while available.any():
            base = np.minimum(covered, cap).sum()
            coverage_gain = np.minimum(covered[:, None] + covering, cap[:, None]).sum(0) - base
            current = per_cluster[labels]
            diversity_gain = np.sqrt(current + reward) - np.sqrt(current)
            ratio = (coverage_gain + self.diversity * diversity_gain) / np.where(
                scaled_costs > 0, scaled_costs, 1.0
            )
            ratio[~available] = -np.inf
            k = int(np.argmax(ratio))
            if not np.isfinite(ratio[k]) or ratio[k] <= 0:
                break
            chosen.append(k)
            if self.redundancy is not None:
                available &= similarity[:, k] < self.redundancy
            covered += covering[:, k]
            per_cluster[labels[k]] += reward[k]
            remaining -= costs[k]
            available[k] = False
            available &= costs <= remaining
        return chosen

    def _value(
        self,
        covering: np.ndarray,
        cap: np.ndarray,
        reward: np.ndarray,
        labels: np.ndarray,
        chosen: list[int],
    ) -> float:
        if not chosen:
            return 0.0
        covered = covering[:, chosen].sum(axis=1)
        per_cluster = np.bincount(labels[chosen], weights=reward[chosen])
        return float(np.minimum(covered, cap).sum() + self.diversity * np.sqrt(per_cluster).sum())


def _plus_plus(points: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ seeds, drawn exactly as ``kmeans2(minit="++")`` draws them (the same
    random numbers, the same seeds), but keeping each point's distance to its nearest seed
    up to date instead of measuring it to every seed again at each step: ``k`` times fewer
    distances, which made the seeding the slowest part of selection on large clusters."""
    n = points.shape[0]
    seeds = np.empty((k, points.shape[1]))
    seeds[0] = points[int(rng.integers(0, n, dtype="int64"))]
    nearest = cdist(seeds[:1], points, metric="sqeuclidean")[0]
    for i in range(1, k):
        chances = (nearest / nearest.sum()).cumsum()
        seeds[i] = points[int(np.searchsorted(chances, rng.uniform()))]
        np.minimum(nearest, cdist(seeds[i : i + 1], points, metric="sqeuclidean")[0], out=nearest)
    return seeds
