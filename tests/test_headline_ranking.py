"""Choosing the headline candidates from the ranked pool."""

from __future__ import annotations

import pytest

from summarize import build_document
from summarize.headline import (
    HeadlineCandidate,
    headline,
    rank_candidates,
)
from summarize.model import Document
from summarize.options import DigestOptions
from summarize.ranking import rank


def candidates(documents: list[Document], sentences: int | None = 5) -> list[HeadlineCandidate]:
    """The candidates of ``documents`` as a headline on its own ranks them (``lead``)."""
    return rank_candidates(rank(documents, DigestOptions(scorer="lead")), sentences)


def test_ranking_gives_reasons_for_sentences_that_cannot_be_headlines() -> None:
    document = build_document(
        '"We will fight on," the leader said in a speech.\n\n'
        "Will the plan work in the end?\n\n"
        "He left the hall early on Monday.\n\n"
        "This is the end of the line for the depot.\n\n"
        "This year's harvest of apples broke every record in the valley.\n\n"
        "Rebels seized the northern city of Kidal after a week of fighting.",
        "a",
    )
    reasons = {c.original: c.reason for c in candidates([document], sentences=None)}
    assert reasons['"We will fight on," the leader said in a speech.'] == "a quotation"
    assert reasons["Will the plan work in the end?"] == "a question"
    assert reasons["He left the hall early on Monday."] == "opens with a pronoun"
    assert reasons["This is the end of the line for the depot."] == "opens with a pronoun"
    # "This" before a noun is a determiner, not a pronoun
    assert reasons["This year's harvest of apples broke every record in the valley."] == ""
    assert reasons["Rebels seized the northern city of Kidal after a week of fighting."] == ""


def test_only_the_first_sentences_of_each_document_are_candidates() -> None:
    text = " ".join(f"Sentence number {n} of the story has a verb." for n in range(1, 11))
    ranked = candidates([build_document(text, "a")], sentences=3)
    assert [c.source.index for c in ranked if c.source] == [0, 1, 2]
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)


def test_candidates_ranked_below_the_one_that_fits_are_not_compressed() -> None:
    result = headline(
        "The council approved the budget for the new library on Monday. "
        "The library will open in the spring of next year after two years of building."
    )
    assert result.text == "Council approved budget for new library"
    second = result.candidates[1]
    assert second.reason == "ranked lower than the one chosen"
    assert second.steps == () and not second.fits and second.text == second.original


def test_corroboration_raises_a_sentence_that_other_documents_carry() -> None:
    carried = "Rebels seized the northern city of Kidal after a week of heavy fighting."
    documents = [
        build_document(f"Aid workers left the region in a hurry. {carried}", "a"),
        build_document(f"{carried} The army said it would respond.", "b"),
    ]
    ranked = candidates(documents)
    # b's lead is carried by both documents: it outranks a's lead
    assert ranked[0].original == carried and ranked[0].document == "b"
    assert ranked[0].score == 1.0


def test_title_support_groups_as_the_sparse_duplicate_groups_do() -> None:
    from summarize.headline.ranking import duplicate_labels, title_sentence
    from summarize.text.features import tfidf
    from summarize.text.merge import duplicate_groups

    texts = [
        "Ostrel council approves budget for new library",
        "The Ostrel council approved the budget for the new library on Monday.",
        "Councillors in Ostrel voted on Monday to approve the library budget.",
        "Rain is expected across the valley for the rest of the week.",
        "Rain is expected across the valley for the rest of the week.",  # the same terms
        "Library budget approved",
        "",  # no terms at all
        "The new library will open next spring after two years of building work in Ostrel.",
    ]
    pool = [
        title_sentence(build_document(text or "x", str(i), title=text))
        for i, text in enumerate(texts)
    ]

    def partition(labels: object) -> list[int]:
        first: dict[int, int] = {}
        return [first.setdefault(int(label), len(first)) for label in labels]  # type: ignore[attr-defined]

    for threshold in (0.3, 0.5, 0.7, 1.0):
        dense = partition(duplicate_labels(pool, threshold))
        assert dense == partition(duplicate_groups(pool, tfidf(pool), threshold))
    assert partition(duplicate_labels(pool, 0.5))[3] == partition(duplicate_labels(pool, 0.5))[4]


def test_duplicate_labels_count_terms_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarize.headline import ranking
    from summarize.headline.ranking import duplicate_labels, title_sentence

    texts = [
        "Ostrel council approves budget for new library",
        "The Ostrel council approved the budget for the new library on Monday.",
        "Library budget approved, library budget approved",  # terms counted twice
        "Rain is expected across the valley for the rest of the week.",
        "",
    ]
    pool = [title_sentence(build_document(t or "x", str(i), title=t)) for i, t in enumerate(texts)]
    counted = [duplicate_labels(pool, threshold).tolist() for threshold in (0.3, 0.5, 0.9)]
    monkeypatch.setattr(ranking, "DENSE_ENTRIES", 0)  # sorted, by np.unique
    assert [duplicate_labels(pool, threshold).tolist() for threshold in (0.3, 0.5, 0.9)] == counted


def test_first_and_second_person_only_as_words_of_their_own() -> None:
    from summarize.headline.ranking import _not_a_candidate

    person = "speaks in the first or second person"
    assert _not_a_candidate("Ostrel officials said I'm not leaving the town hall.") == person
    assert _not_a_candidate("The mayor told reporters we will rebuild the bridge.") == person
    assert _not_a_candidate("Our town has reopened the bridge after the floods.") == person
    assert _not_a_candidate("The council gave your details to the Ostrel police.") == person
    # inside other words, hyphenated, after an apostrophe, or a title's capital: not a person
    assert _not_a_candidate("The US-led mission used weary troops in Myra and Youngstown.") == ""
    assert _not_a_candidate("The show My Family returned to screens in Ostrel on Monday.") == ""
    assert _not_a_candidate("Rock'n'roll band Kiwi-Our toured Ostrel for a week of shows.") == ""


def test_with_reason_is_replace_of_the_reason() -> None:
    from dataclasses import replace

    from summarize.headline.ranking import _with_reason
    from summarize.headline.values import HeadlineCandidate
    from summarize.model import SentenceRef

    candidate = HeadlineCandidate(
        original="Ostrel council approves the new library budget.",
        origin="sentence",
        document="a",
        source=SentenceRef("a", 0),
        score=0.5,
        text="Ostrel council approves library budget",
        weight=3.2,
        steps=("drop_articles",),
        fits=True,
        rest=("on", "Monday"),
    )
    changed = _with_reason(candidate, "ranked lower than the one chosen")
    assert changed == replace(candidate, reason="ranked lower than the one chosen")
