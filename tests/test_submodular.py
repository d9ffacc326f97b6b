"""The submodular selector's fast paths give what the plain computations give."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.linalg import eigh

from summarize.selectors.submodular import Submodular, leading_eigenpairs


def _similarities(m: int, seed: int) -> np.ndarray:
    """Cosines of ``m`` random sparse non-negative rows: a matrix like a cluster's."""
    rng = np.random.default_rng(seed)
    rows = rng.random((m, 400)) * (rng.random((m, 400)) < 0.03)
    rows[:, rng.integers(0, 400, size=5)] += rng.random((m, 5))  # a few shared topics
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    return np.clip(rows @ rows.T, 0.0, 1.0)


def _plain_greedy(
    selector: Submodular,
    similarity: np.ndarray,
    covering: np.ndarray,
    cap: np.ndarray,
    reward: np.ndarray,
    labels: np.ndarray,
    costs: np.ndarray,
    limit: float,
) -> list[int]:
    """Every ratio recomputed at every step: the algorithm as the paper states it."""
    covered = np.zeros(len(costs))
    per_cluster = np.zeros(labels.max() + 1)
    available = (costs <= limit) & (costs > 0)
    remaining, chosen = float(limit), []
    while available.any():
        gain = np.minimum(covered[:, None] + covering, cap[:, None]).sum(0)
        gain -= np.minimum(covered, cap).sum()
        current = per_cluster[labels]
        gain += selector.diversity * (np.sqrt(current + reward) - np.sqrt(current))
        ratio = np.where(available, gain / costs**selector.scale, -np.inf)
        k = int(np.argmax(ratio))
        if ratio[k] <= 1e-12:
            break
        chosen.append(k)
        available &= similarity[:, k] < selector.redundancy
        covered += covering[:, k]
        per_cluster[labels[k]] += reward[k]
        remaining -= costs[k]
        available[k] = False
        available &= costs <= remaining
    return chosen


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("importance", [0.0, 1.0])
def test_lazy_greedy_chooses_what_recomputing_every_ratio_chooses(
    seed: int, importance: float
) -> None:
    rng = np.random.default_rng(100 + seed)
    m = 150
    similarity = _similarities(m, seed)
    weight = rng.random(m) ** importance
    covering = similarity * weight[:, None]
    cap = min(1.0, 5.0 / m) * similarity.sum(axis=0) * weight
    reward = similarity.mean(axis=0) * rng.random(m)
    labels = rng.integers(0, 30, size=m)
    costs = rng.integers(5, 40, size=m).astype(np.float64)
    selector = Submodular(importance=importance)
    limit = 230.0
    chosen, alone = selector._greedy(similarity, covering, cap, reward, labels, costs, limit)
    assert len(chosen) > 3
    assert chosen == _plain_greedy(
        selector, similarity, covering, cap, reward, labels, costs, limit
    )
    assert np.allclose(alone, np.minimum(covering, cap[:, None]).sum(axis=0))


@pytest.mark.parametrize("m", [30, 300])
def test_leading_eigenpairs_are_close_to_the_exact_ones(m: int) -> None:
    matrix = _similarities(m, 7)
    values, vectors = leading_eigenpairs(matrix, 20, seed=0)
    exact_values, exact_vectors = eigh(matrix, subset_by_index=[m - 20, m - 1])
    exact_values, exact_vectors = exact_values[::-1], exact_vectors[:, ::-1]
    assert values.shape == (20,) and vectors.shape == (m, 20)
    assert np.all(np.diff(values) <= 1e-9)  # largest first
    # the leading eigenvalues within 2%, and the top five directions nearly the same
    assert np.allclose(values[:5], exact_values[:5], rtol=0.02)
    overlap = np.linalg.svd(exact_vectors[:, :5].T @ vectors, compute_uv=False)
    assert overlap.min() > 0.9
    # and deterministic for a seed
    again, _ = leading_eigenpairs(matrix, 20, seed=0)
    assert np.array_equal(values, again)


@pytest.mark.parametrize("seed", range(5))
def test_k_means_stopping_when_the_labels_repeat_gives_kmeans2s_labels(seed: int) -> None:
    from scipy.cluster.vq import kmeans2

    from summarize.selectors.submodular import _lloyd, _plus_plus

    points = np.random.default_rng(seed).normal(size=(120, 6))
    seeds = _plus_plus(points, 24, np.random.default_rng(seed))
    _, expected = kmeans2(points, seeds, minit="matrix")
    assert np.array_equal(_lloyd(points, seeds), expected)


@pytest.mark.parametrize("seed", range(5))
def test_k_means_plus_plus_seeding_and_iterations_give_kmeans2s_labels(seed: int) -> None:
    from scipy.cluster.vq import kmeans2

    from summarize.selectors.submodular import _lloyd, _plus_plus

    points = np.random.default_rng(seed + 10).normal(size=(90, 5))
    _, expected = kmeans2(points, 18, minit="++", rng=np.random.default_rng(seed))
    seeds = _plus_plus(points, 18, np.random.default_rng(seed))
    assert np.array_equal(_lloyd(points, seeds), expected)


def test_k_means_gives_kmeans2s_labels_on_the_points_of_a_real_cluster() -> None:
    """Points as selection makes them: scaled leading eigenvectors of a similarity matrix,
    so the squared distance of two points is ``2 - 2 * cosine``; sentences sharing no term
    put a point at exactly the same distance from two others, and which centre wins such a
    tie depends on the last bits: they must be computed as kmeans2 computes them."""
    from scipy.cluster.vq import kmeans2

    from summarize.selectors.submodular import _lloyd, _plus_plus

    rng = np.random.default_rng(3)
    differences = 0
    for m in range(8, 40):
        terms = (rng.random((m, 60)) < 0.04) * rng.random((m, 60))
        terms[np.arange(m), rng.integers(0, 60, size=m)] = 1.0  # no empty row
        terms /= np.linalg.norm(terms, axis=1, keepdims=True)
        similarity = np.clip(terms @ terms.T, 0.0, 1.0)
        values, vectors = leading_eigenpairs(similarity, 20, seed=0)
        points = vectors * np.sqrt(np.clip(values, 0.0, None))
        k = max(2, round(0.2 * m))
        seeds = _plus_plus(points, k, np.random.default_rng(0))
        _, expected = kmeans2(points, seeds, minit="matrix")
        differences += not np.array_equal(_lloyd(points, seeds), expected)
    assert differences == 0


def test_a_pool_with_the_rankings_cosines_selects_as_one_without() -> None:
    from summarize.model import Budget
    from summarize.options import DigestOptions
    from summarize.ranking import rank
    from summarize.selectors import Pool
    from summarize.selectors.greedy import Greedy
    from summarize.text.documents import as_documents

    documents = [
        "The council approved the new harbour budget on Monday after a long debate. "
        "The budget adds two ferries and repairs the north pier. "
        "Fishermen said the repairs were overdue. "
        "The harbour master welcomed the vote.",
        "Two new ferries will join the harbour fleet, the council decided on Monday. "
        "The north pier, closed since the storm, will be repaired. "
        "Opposition members called the budget too small for the town.",
    ]
    ranked = rank(as_documents(documents, "english"), DigestOptions())
    assert ranked.cosines is not None
    assert np.array_equal(ranked.cosines, (ranked.rows @ ranked.rows.T).toarray())
    heads = list(ranked.heads)
    without = Pool(
        sentences=tuple(ranked.kept[h] for h in heads),
        scores=ranked.group_scores,
        rows=ranked.rows[heads],
        sources=ranked.sources,
    )
    with_cosines = Pool(
        without.sentences,
        without.scores,
        without.rows,
        without.sources,
        cosines=ranked.cosines[np.ix_(heads, heads)],
    )
    everyone = np.arange(len(heads))
    assert np.array_equal(with_cosines.similarity(everyone), without.similarity(everyone))
    budget = Budget(words=25)
    for selector in (Submodular(), Greedy()):
        chosen = selector.select(with_cosines, budget)
        assert chosen.indices and chosen == selector.select(without, budget)
