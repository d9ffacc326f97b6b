"""Global selection methods on tiny clusters where the right answer is clear."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
import scipy.sparse as sp

from summarize import Budget, summarize
from summarize.selectors import Pool, selectors
from summarize.selectors.ilp import ConceptILP, _merge_concepts
from summarize.text.features import tfidf

from .conftest import make_sentences

NAMES = selectors.names()


def pool_of(texts: list[str], scores: list[float], docs: list[set[str]] | None = None) -> Pool:
    sentences = make_sentences(texts)
    return Pool(
        sentences=tuple(sentences),
        scores=np.array(scores, dtype=float),
        rows=tfidf(sentences),
        sources=tuple(frozenset(d) for d in (docs or [{"a"}] * len(texts))),
    )


REDUNDANT = [
    "The storm cut power to forty thousand homes across the northern valley.",
    "The storm cut power to forty thousand homes across the valley in the north.",
    "Schools in three towns will stay closed until the roads are cleared.",
    "Volunteers handed out blankets and hot meals at the town hall.",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_redundant_pair_is_not_both_chosen(name: str) -> None:
    pool = pool_of(REDUNDANT, [1.0, 0.95, 0.5, 0.4], [{"a", "b"}, {"b", "c"}, {"a"}, {"c"}])
    chosen = selectors.create(name).select(pool, Budget(words=36)).indices
    assert not {0, 1} <= set(chosen)
    assert len(chosen) >= 2


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("limit", [5, 12, 20, 33, 50])
def test_the_budget_is_never_exceeded(name: str, limit: int) -> None:
    pool = pool_of(REDUNDANT, [1.0, 0.9, 0.8, 0.7], [{"a"}, {"b"}, {"a", "b"}, {"b"}])
    for budget in (Budget(words=limit), Budget(bytes=limit * 6), Budget(sentences=1 + limit // 20)):
        selection = selectors.create(name).select(pool, budget)
        if selection.truncated is not None:  # nothing whole fits: the best one, cut
            texts = [selection.truncated]
        else:
            texts = [pool.sentences[i].text for i in selection.indices]
        if budget.words:
            assert sum(len(t.split()) for t in texts) <= limit
        elif budget.bytes:
            assert sum(len(t.encode()) for t in texts) <= limit * 6
        else:
            assert len(texts) <= budget.sentences


@pytest.mark.parametrize("name", NAMES)
def test_empty_pool(name: str) -> None:
    assert selectors.create(name).select(pool_of([], []), Budget(words=10)).indices == ()


def test_ilp_covers_a_concept_that_only_one_sentence_carries_when_the_budget_allows() -> None:
    texts = [
        "Rail strike halts trains across the country on Monday.",  # 9 words, scored best
        "Rail strike halts trains across the country, unions say.",  # same concepts
        "Ferry services also stopped at the main harbour.",  # the only sentence on ferries
    ]
    docs = [{"a"}, {"b"}, {"a", "b"}]
    pool = pool_of(texts, [1.0, 0.9, 0.1], docs)
    chosen = ConceptILP().select(pool, Budget(words=18)).indices
    assert 2 in chosen and not {0, 1} <= set(chosen)


def test_ilp_maximises_weight_not_score() -> None:
    # "central bank" is carried by three sources, "river festival" by one only.
    texts = [
        "The central bank raised rates again.",
        "A river festival opened downtown.",
    ]
    pool = pool_of(texts, [0.1, 1.0], [{"a", "b", "c"}, {"a"}])
    chosen = ConceptILP(min_documents=1).select(pool, Budget(words=6)).indices
    assert chosen == (0,)


def test_ilp_without_shared_concepts_falls_back_to_greedy_and_says_so() -> None:
    pool = pool_of(["Cats sleep a lot.", "Dogs bark loudly."], [0.2, 1.0], [{"a"}, {"b"}])
    selection = ConceptILP().select(pool, Budget(sentences=1))
    assert selection.indices == (1,)
    assert any("greedy" in note for note in selection.notes)


@pytest.mark.parametrize("name", NAMES)
def test_every_selector_makes_a_digest_of_the_sample(name: str) -> None:
    from .test_digest import _sample_summary

    summary = _sample_summary(selector=name, words=120)
    assert summary.sentences and summary.selector == name
    assert sum(len(s.text.split()) for s in summary.sentences) <= 120


def test_unknown_selector_lists_the_available_ones() -> None:
    with pytest.raises(Exception, match="available: greedy, ilp, submodular"):
        summarize("One sentence here is enough for this.", selector="nope")


def test_auto_scorer_depends_on_the_number_of_documents() -> None:
    one = summarize(
        "The plant will close in May. Workers were told on Friday.", scorer="auto", sentences=1
    )
    two = summarize(
        ["The plant will close in May, the owners said.", "Workers were told on Friday."],
        scorer="auto",
        sentences=1,
    )
    assert (one.scorer, two.scorer) == ("lead", "lexrank-lead")


def test_ilp_min_share_drops_concepts_few_of_many_sources_carry() -> None:
    # Ten sources: "harbour crane" is in two of them, below 30% of ten (ICSISumm's df >= 3).
    texts = ["The harbour crane collapsed.", "The harbour crane fell over."]
    pool = pool_of(texts, [1.0, 0.5], [{"a", "b"}, set("cdefghij")])
    kept = ConceptILP(min_share=0.3)._concepts(pool)[1]
    assert ConceptILP()._concepts(pool)[1].size > kept.size


def test_ilp_min_words_and_quotes_hold_candidates_like_icsisumm() -> None:
    texts = [
        "Strike ends.",
        '"The strike at the port ends today after nine long weeks," a union leader said.',
        "The strike at the port ended today after nine weeks of talks with the owners.",
    ]
    pool = pool_of(texts, [1.0, 0.9, 0.8], [{"a", "b"}] * 3)
    eligible = ConceptILP(min_words=10, quotes=False)._eligible(pool)
    assert eligible.tolist() == [False, False, True]
    assert ConceptILP(min_words=100)._eligible(pool).all()  # none would be: all are


def test_ilp_merges_concepts_that_occur_in_the_same_sentences() -> None:
    # columns 0 and 2 occur in sentences {0, 1}, column 1 in {1}, column 3 in {0, 1} too
    occurrence = sp.csc_matrix(np.array([[1, 0, 1, 1], [1, 1, 1, 1], [0, 0, 0, 0]], dtype=float))
    matrix, weights = _merge_concepts(occurrence, np.array([2.0, 3.0, 4.0, 5.0]))
    assert matrix.shape == (3, 2)
    assert sorted(weights.tolist()) == [3.0, 11.0]
    column = {w: matrix[:, i].toarray().ravel().tolist() for i, w in enumerate(weights)}
    assert column == {11.0: [1.0, 1.0, 0.0], 3.0: [0.0, 1.0, 0.0]}


ELECTION = [
    "Voters in the capital queued for hours at polling stations on Sunday.",
    "Polling stations in the capital stayed open late as voters queued.",
    "The ruling party claimed victory before the count was finished.",
    "Turnout was the highest in two decades, the election commission said.",
    "The election commission said turnout passed seventy percent.",
    "Opposition leaders said the ruling party bought votes in rural areas.",
    "Observers from the regional bloc said the vote was largely orderly.",
    "Results are expected from the election commission on Tuesday.",
]
ELECTION_SOURCES = [{"a", "b"}, {"b", "c"}, {"a", "c"}, {"a"}, {"b", "c"}, {"c"}, {"a", "b"}, {"b"}]


@pytest.mark.parametrize("words", [12, 20, 25, 40])
def test_ilp_finds_the_best_coverage_that_any_subset_within_the_budget_has(words: int) -> None:
    pool = pool_of(ELECTION, [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3], ELECTION_SOURCES)
    selector = ConceptILP(gap=0.0, redundancy=None, max_candidates=None)
    concepts, weights = selector._concepts(pool)

    def covered(subset: tuple[int, ...]) -> float:
        present = np.asarray(concepts[list(subset)].sum(axis=0)).ravel() > 0
        return float(weights[present].sum())

    sizes = [s.word_count for s in pool.sentences]
    best = max(
        covered(subset)
        for r in range(1, len(pool) + 1)
        for subset in combinations(range(len(pool)), r)
        if sum(sizes[i] for i in subset) <= words
    )
    chosen = selector.select(pool, Budget(words=words)).indices
    assert sum(sizes[i] for i in chosen) <= words
    assert covered(chosen) == pytest.approx(best)


def test_ilp_without_a_candidate_limit_considers_the_lowest_scored_sentence() -> None:
    # the only sentence on the bridge, carried by both sources, is scored last
    texts = [
        "Heavy rain fell over the city overnight.",
        "Some residents stayed indoors.",
        "The old river bridge was closed after the river rose.",
    ]
    pool = pool_of(texts, [1.0, 0.9, 0.1], [{"a"}, {"b"}, {"a", "b"}])
    assert 2 in ConceptILP(max_candidates=None).select(pool, Budget(words=10)).indices
    assert 2 not in ConceptILP(max_candidates=2).select(pool, Budget(words=10)).indices


def test_submodular_position_aware_coverage_prefers_what_the_scorer_ranks_high() -> None:
    from summarize.selectors.submodular import Submodular

    texts = [
        "The dam burst after days of rain and flooded the valley towns.",
        "Rescue teams reached the flooded valley towns by boat.",
        "A local bakery gave free bread to the rescue teams.",
        "The bakery has been run by one family for a century.",
    ]
    pool = pool_of(texts, [1.0, 0.5, 0.1, 0.05])
    chosen = Submodular(importance=2.0).select(pool, Budget(words=12)).indices
    assert chosen == (0,)
