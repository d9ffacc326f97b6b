"""Multi-source digests: duplicates grouped and credited, corroboration, story order."""

from __future__ import annotations

import itertools

import numpy as np

from summarize import SentenceRef, Summary, build_document, summarize
from summarize.text.features import tfidf
from summarize.text.merge import duplicate_groups, representative

from .conftest import SAMPLE, make_sentences

# Three invented reports of one invented event, sharing sentences with small edits.
A = """Bridge reopens after repairs

The Kelso river bridge reopened to traffic on Monday after eight months of repairs.
“We are glad to have our bridge back,” said mayor Ines Garde.
The repairs cost 12 million euros, more than planned.
Local shops had lost customers while the bridge was closed.
"""
B = """Kelso bridge open again

The Kelso river bridge reopened to traffic on Monday after eight months of repairs.
"We are glad to have our bridge back," said mayor Ines Garde.
Engineers replaced the steel cables and resurfaced the whole deck.
The repairs cost 12 million euros, more than the council had planned.
"""
C = """Traffic returns to Kelso

The Kelso river bridge opened to traffic on Monday after eight months of repairs.
Engineers replaced the steel cables and resurfaced the whole deck.
A festival on the bridge is planned for the summer.
"""


def cluster() -> list:
    return [build_document(text, name) for name, text in (("a", A), ("b", B), ("c", C))]


def test_near_duplicates_form_groups_and_different_sentences_do_not() -> None:
    sentences = [s for d in cluster() for s in d.sentences]
    labels = duplicate_groups(sentences, tfidf(sentences))
    groups: dict[int, list[str]] = {}
    for s, label in zip(sentences, labels, strict=True):
        groups.setdefault(int(label), []).append(f"{s.doc}{s.index}")
    found = sorted(sorted(g) for g in groups.values())
    assert found == sorted(
        [
            ["a0", "b0", "c0"],  # one word changed in c
            ["a1", "b1"],  # curly against straight quotes
            ["a2", "b3"],  # a clause added in b
            ["a3"],
            ["b2", "c1"],
            ["c2"],
        ]
    )


def test_merging_in_blocks_of_rows_finds_the_same_groups() -> None:
    sentences = [s for d in cluster() for s in d.sentences]
    whole = duplicate_groups(sentences, tfidf(sentences))  # one block, compared densely
    for block in (1, 2, 5):
        blocked = duplicate_groups(sentences, tfidf(sentences), block=block)
        same_whole = whole[:, None] == whole[None, :]
        assert np.array_equal(same_whole, blocked[:, None] == blocked[None, :])


def test_short_sentences_are_not_swallowed_by_long_ones() -> None:
    sentences = make_sentences(
        ["Prices rose.", "Prices rose sharply in March as fuel, food and rents all went up."]
    )
    labels = duplicate_groups(sentences, tfidf(sentences))
    assert labels[0] != labels[1]


def test_the_most_complete_wording_represents_a_group() -> None:
    members = make_sentences(
        [
            "The repairs cost 12 million euros, more than planned.",
            "The repairs cost 12 million euros, more than the council had planned.",
        ]
    )
    assert representative(members) == 1


def test_digest_credits_every_source_and_shows_each_fact_once() -> None:
    summary = summarize(cluster(), scorer="textrank", words=200)
    texts = [s.text for s in summary.sentences]
    assert len(texts) == 6  # every group once, the budget allows all
    reopened = next(s for s in summary.sentences if "reopened to traffic" in s.text)
    assert reopened.sources == (SentenceRef("a", 0), SentenceRef("b", 0), SentenceRef("c", 0))
    assert reopened.corroboration == 3
    cost = next(s for s in summary.sentences if "12 million" in s.text)
    assert cost.text.endswith("more than the council had planned.")
    assert cost.sources == (SentenceRef("a", 2), SentenceRef("b", 3))


def test_digest_follows_the_story_not_the_score() -> None:
    summary = summarize(cluster(), scorer="textrank", words=200)
    texts = [s.text for s in summary.sentences]
    # Each group stands at its earliest relative position in any source:
    # 0, 1/4, 1/3, 2/4, 2/3, 3/4.
    second_words = ["Kelso", "are", "replaced", "repairs", "festival", "shops"]
    assert [t.split()[1] for t in texts] == second_words
    by_score = summarize(cluster(), scorer="textrank", words=200, order="score")
    scores = [s.score for s in by_score.sentences]
    assert scores == sorted(scores, reverse=True)


def test_corroboration_raises_the_rank_of_shared_sentences() -> None:
    with_it = summarize(cluster(), scorer="lead", sentences=2, order="score")
    assert with_it.sentences[0].corroboration == 3
    flat = summarize(cluster(), scorer="lead", sentences=3, corroboration=0.0, duplicates=None)
    # Without merging, the same fact comes from three sources at the same lead score...
    assert len({s.text for s in flat.sentences}) == 3
    # ...but the redundancy check still keeps only one of the near-identical wordings.
    assert sum("to traffic on Monday" in s.text for s in flat.sentences) == 1


def test_candidates_account_for_every_sentence() -> None:
    summary = summarize(cluster(), scorer="textrank", sentences=2)
    counts = summary.source_counts()
    assert set(counts) == {"a", "b", "c"}
    for document in summary.documents:
        assert sum(counts[document.id].values()) == len(document.sentences)
    merged = [c for c in summary.candidates if c.status == "merged"]
    assert merged and all(c.reason.startswith("same as ") for c in merged)


def _sample_summary(**kwargs: object) -> Summary:
    documents = [
        build_document(p.read_text(encoding="utf-8"), p.stem) for p in sorted(SAMPLE.glob("*.txt"))
    ]
    return summarize(documents, **kwargs)


def test_sample_cluster_digest_is_clean_attributed_and_free_of_duplicates() -> None:
    for scorer in ("textrank", "lexrank", "lsa", "lead"):
        summary = _sample_summary(scorer=scorer, words=400)
        texts = [s.text for s in summary.sentences]
        for text in texts:
            assert "(2nd R)" not in text and "Loading" not in text
            assert not text.endswith(" reports.") and "Image" not in text
            assert len(text.split()) >= 6
        assert any(s.corroboration == 2 for s in summary.sentences)
        rows = tfidf(make_sentences(texts)).toarray()
        similarity = rows @ rows.T
        for i, j in itertools.combinations(range(len(texts)), 2):
            assert similarity[i, j] < 0.7, (texts[i], texts[j])
    assert summary.headline is not None


def test_sample_shared_sentences_are_attributed_to_both_articles() -> None:
    summary = _sample_summary(scorer="textrank", words=1000)
    shared = [s for s in summary.sentences if s.corroboration == 2]
    assert len(shared) >= 10
    for sentence in shared:
        assert {r.document for r in sentence.sources} == {
            "putin-considers-withdrawing-troops",
            "russia-begins-withdrawal-us-sceptical",
        }


def test_keep_boilerplate_turns_cleaning_off() -> None:
    cleaned = _sample_summary(scorer="textrank", words=100)
    raw = _sample_summary(scorer="textrank", words=100, keep_boilerplate=True)
    assert any(c.status == "dropped" for c in cleaned.candidates)
    assert not any(c.status == "dropped" for c in raw.candidates)
    assert np.isfinite([s.score for s in raw.sentences]).all()
