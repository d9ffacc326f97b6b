"""The evaluation baselines: ``random`` (seeded, reproducible) and ``oracle`` (greedy ROUGE
recall against the references), with hand-computed picks on tiny inputs."""

from __future__ import annotations

import numpy as np
import pytest

from summarize import summarize
from summarize.errors import SummarizeError
from summarize.scorers import scorers
from summarize.scorers.baselines import Oracle, Random

from .conftest import make_sentences

TEXTS = [
    "Police arrested two people.",
    "Two men were seen.",
    "The weather was mild.",
    "Police arrested two men on Friday.",
]

# --------------------------------------------------------------------------------------------
# random


def test_random_is_registered_and_reproducible() -> None:
    sentences = make_sentences(TEXTS)
    first = scorers.create("random").scores(sentences)
    assert first.shape == (4,)
    assert np.all((first >= 0) & (first < 1))
    np.testing.assert_array_equal(first, Random(seed=0).scores(sentences))
    assert not np.array_equal(first, Random(seed=1).scores(sentences))


def test_random_gives_one_draw_per_text() -> None:
    values = Random().scores(make_sentences([TEXTS[0], TEXTS[1], TEXTS[0]]))
    assert values[0] == values[2]
    assert values[0] != values[1]


def test_random_order_differs_from_input_to_input() -> None:
    # Seeded alike for every input, the first sentence would always get the same draw and
    # so the same rank among the first few: a position bias. Each input gets its own order.
    firsts = set()
    for story in range(20):
        texts = [f"Story {story} sentence {i} about topic {i * story}." for i in range(5)]
        firsts.add(int(np.argmax(Random().scores(make_sentences(texts)))))
    assert len(firsts) >= 3


# --------------------------------------------------------------------------------------------
# oracle: golden picks
#
# Reference "police arrested two men": unigrams police, arrested, two, men (4); bigrams
# police-arrested, arrested-two, two-men (3). Gain = added unigram recall + bigram recall.
#   "Police arrested two people."         1: 3/4 + 2/3 = 17/12
#   "Two men were seen."                  2: 2/4 + 1/3 = 10/12
#   "The weather was mild."               3: 0
#   "Police arrested two men on Friday."  4: 4/4 + 3/3 = 24/12   <- first pick, everything
# After sentence 4 nothing adds anything, so it is the only pick.

REFERENCE = ("Police arrested two men",)


def test_oracle_picks_the_sentence_that_covers_the_reference() -> None:
    values = Oracle(references=REFERENCE).scores(make_sentences(TEXTS))
    np.testing.assert_array_equal(values, [0.0, 0.0, 0.0, 1.0])


def test_oracle_greedy_order_and_descending_scores() -> None:
    # Without sentence 4: first pick sentence 1 (17/12 > 10/12); then sentence 2 still adds
    # "men" (1/4) and "two-men" (1/3), so it is picked second; sentence 3 adds nothing.
    sentences = make_sentences(TEXTS[:3])
    oracle = Oracle(references=REFERENCE)
    assert oracle.picks(sentences) == [0, 1]
    np.testing.assert_array_equal(oracle.scores(sentences), [1.0, 0.5, 0.0])


def test_oracle_keeps_to_the_budget() -> None:
    sentences = make_sentences(TEXTS[:3])
    # 4 words: sentence 1 (4 words) fits, then sentence 2 (4 more) does not
    assert Oracle(references=REFERENCE, words=4).picks(sentences) == [0]
    assert Oracle(references=REFERENCE, sentences=1).picks(sentences) == [0]
    # 26 bytes: "Police arrested two people." is 27 bytes, "Two men were seen." 18
    assert Oracle(references=REFERENCE, bytes=26).picks(sentences) == [1]


def test_oracle_cuts_a_sentence_when_nothing_fits() -> None:
    # No sentence fits 2 words; cut to 2 words, "Police arrested" gains 2/4 + 1/3 and
    # "Two men" 2/4 + 1/3 too: the first of equals.
    sentences = make_sentences([TEXTS[1], TEXTS[0]])
    assert Oracle(references=REFERENCE, words=2).picks(sentences) == [0]


def test_oracle_judges_sentences_cut_to_the_limit_with_a_sentence_count() -> None:
    # A headline: one sentence, scored on its first 16 bytes. Whole, the long sentence has
    # the reference in full (4/4 + 3/3); cut to "On Friday in the" it has nothing, and
    # "Two men." (2/4 + 1/3) wins.
    sentences = make_sentences(["Two men.", "On Friday in the city, police arrested two men."])
    assert Oracle(references=REFERENCE, sentences=1).picks(sentences) == [1]
    assert Oracle(references=REFERENCE, bytes=16, sentences=1).picks(sentences) == [0]


def test_oracle_stems_like_rouge() -> None:
    sentences = make_sentences(["The dogs barked all night.", "It rained."])
    assert Oracle(references=("A dog was barking",)).picks(sentences) == [0]
    assert Oracle(references=("A dog was barking",), stem=False).picks(sentences) == []


def test_oracle_gives_repeated_text_the_same_score() -> None:
    a = make_sentences([TEXTS[3], TEXTS[2]], doc="a")
    b = make_sentences([TEXTS[3]], doc="b")
    values = Oracle(references=REFERENCE).scores(a + b)
    np.testing.assert_array_equal(values, [1.0, 0.0, 1.0])


def test_oracle_pools_several_references() -> None:
    references = ("police arrested two men", "the weather was mild")
    picks = Oracle(references=references).picks(make_sentences(TEXTS))
    assert sorted(picks) == [2, 3]


def test_oracle_needs_references() -> None:
    with pytest.raises(SummarizeError, match="needs the reference summaries"):
        scorers.create("oracle").scores(make_sentences(TEXTS))
    with pytest.raises(SummarizeError, match="needs the reference summaries"):
        summarize(" ".join(TEXTS), scorer="oracle")
    with pytest.raises(SummarizeError, match="words or in bytes"):
        Oracle(references=REFERENCE, words=3, bytes=10)


def test_oracle_through_the_pipeline() -> None:
    text = " ".join(TEXTS)
    summary = summarize(text, scorer=Oracle(references=REFERENCE, words=8), words=8)
    assert [s.text for s in summary.sentences] == [TEXTS[3]]
    by_name = summarize(
        text, scorer="oracle", scorer_params={"references": list(REFERENCE), "words": 8}, words=8
    )
    assert [s.text for s in by_name.sentences] == [TEXTS[3]]


def test_oracle_on_many_sentences_is_quick() -> None:
    texts = [f"Sentence {i} mentions item{i % 500} and item{i % 7}." for i in range(5000)]
    oracle = Oracle(references=("item3 item4 and item5 were mentioned",))
    values = oracle.scores(make_sentences(texts))
    assert values.shape == (5000,)
    assert values.max() == 1.0
