"""Large inputs: the sparse paths give what the dense ones give, without n-by-n arrays."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from summarize.model import Sentence
from summarize.text import merge
from summarize.text.features import tfidf
from summarize.text.merge import duplicate_groups


def _sentences(count: int, seed: int, vocabulary: int = 60) -> list[Sentence]:
    """Random term sets, with edited copies (a term dropped, changed or added) mixed in so
    that both rules (cosine and containment) link some pairs and miss others."""
    rng = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    weights = 1.0 / (np.arange(vocabulary) + 2.0)
    weights /= weights.sum()
    made: list[tuple[str, ...]] = []
    for _ in range(count):
        if made and rng.random() < 0.5:
            terms = list(made[rng.integers(len(made))])
            edit = rng.integers(3)
            if edit == 0 and len(terms) > 1:
                terms.pop(int(rng.integers(len(terms))))
            elif edit == 1:
                terms[int(rng.integers(len(terms)))] = words[rng.integers(vocabulary)]
            else:
                terms.extend(rng.choice(words, size=int(rng.integers(1, 6))).tolist())
        else:
            size = int(rng.integers(1, 12))
            terms = rng.choice(words, size=size, p=weights).tolist()
        made.append(tuple(terms))
    return [
        Sentence(doc=str(i % 7), index=i, text=" ".join(t), terms=t) for i, t in enumerate(made)
    ]


def _same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.array_equal(a[:, None] == a[None, :], b[:, None] == b[None, :]))


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("threshold", [0.3, 0.7, 0.95])
def test_candidate_pairs_find_the_dense_groups(seed: int, threshold: float) -> None:
    sentences = _sentences(300, seed)
    rows = tfidf(sentences)
    dense = duplicate_groups(sentences, rows, threshold)  # under DENSE_LIMIT: all pairs
    assert len(set(dense.tolist())) < len(sentences)  # some groups to find
    for block in (1000,) if seed else (7, 1000):
        sparse = duplicate_groups(sentences, rows, threshold, block=block)
        assert _same_partition(dense, sparse)


def test_containment_off_and_cosine_zero_are_exact_too() -> None:
    sentences = _sentences(120, 3)
    rows = tfidf(sentences)
    for threshold, containment in [(0.0, 0.85), (0.7, 0.0), (1.01, 1.0)]:
        dense = duplicate_groups(sentences, rows, threshold, containment)
        sparse = duplicate_groups(sentences, rows, threshold, containment, block=50)
        assert _same_partition(dense, sparse)


def test_many_sentences_are_grouped_without_a_square_matrix() -> None:
    # 20,000 sentences: an n-by-n array of floats would take 3.2 GB; numpy reports its
    # allocations to tracemalloc, so the peak shows that none was made.
    sentences = _sentences(20_000, 11, vocabulary=3000)
    rows = tfidf(sentences)
    tracemalloc.start()
    try:
        labels = duplicate_groups(sentences, rows)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 300_000_000
    assert labels.shape == (20_000,)
    assert len(set(labels.tolist())) < 20_000  # the edited copies were found
    # on its first 400 sentences (same rows), the large run links what the dense
    # comparison links
    assert merge.DENSE_LIMIT >= 400
    small = duplicate_groups(sentences[:400], rows[:400])
    inside = labels[:400]
    linked_small = small[:, None] == small[None, :]
    assert np.all((inside[:, None] == inside[None, :])[linked_small])


def test_small_linear_algebra_runs_on_one_blas_thread() -> None:
    from threadpoolctl import threadpool_info

    from summarize.threads import one_blas_thread

    before = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    with one_blas_thread():
        assert all(i["num_threads"] == 1 for i in threadpool_info() if i["user_api"] == "blas")
    assert [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"] == before


def test_the_similarity_graph_keeps_a_bounded_number_of_neighbours() -> None:
    from summarize.text.features import thresholded_similarity

    sentences = _sentences(300, 5, vocabulary=20)  # few words: most pairs are linked
    rows = tfidf(sentences)
    full = thresholded_similarity(rows, 0.1, block=64)
    assert np.array_equal(
        thresholded_similarity(rows, 0.1, block=64, top=300).toarray(), full.toarray()
    )
    kept = thresholded_similarity(rows, 0.1, block=64, top=10)
    assert (kept != kept.T).nnz == 0
    assert kept.nnz <= 2 * 10 * 300 < full.nnz
    dense = full.toarray()
    for i in range(0, 300, 37):  # each row's ten strongest links are there
        strongest = np.argsort(-dense[i], kind="stable")[:10]
        assert np.all(kept[i, strongest].toarray() == dense[i, strongest])


def test_lexrank_beyond_its_exact_limit_keeps_the_scores_when_nothing_is_cut() -> None:
    from summarize.scorers.lexrank import LexRank

    sentences = _sentences(200, 9)
    exact = LexRank().scores(sentences)
    bounded = LexRank(exact_limit=10, neighbours=200).scores(sentences)
    assert np.allclose(exact, bounded)
    capped = LexRank(exact_limit=10, neighbours=5).scores(sentences)
    assert capped.shape == (200,) and np.all(np.isfinite(capped))
