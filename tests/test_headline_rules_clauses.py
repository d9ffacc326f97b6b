"""Headline rules for clauses: appositives, relative, restrictive and subordinate
clauses, phrases inside the subject, descriptors before names."""

from __future__ import annotations

import pytest

from summarize.headline.rules.clauses import (
    drop_appositives,
    drop_name_descriptors,
    drop_relative_clauses,
    drop_restrictive_clauses,
    drop_subject_phrases,
    drop_subordinate_clauses,
    restrictive_spans,
    subject_phrase_spans,
    subject_spans,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin, the Russian president, said the war was over.", "Putin said the war was over."),
        ("Jane Doe, 45, was arrested at the scene.", "Jane Doe was arrested at the scene."),
        # a list is not an appositive
        ("They sold apples, a pear, and plums.", "They sold apples, a pear, and plums."),
        # any noun phrase between the subject and its verb
        (
            "Brannock Steel, one of the region's largest metal makers, could cut 3,000 jobs.",
            "Brannock Steel could cut 3,000 jobs.",
        ),
        (
            "Tomas Quill, drummer and singer for the group, vanished in 1988.",
            "Tomas Quill vanished in 1988.",
        ),
        # a description as the subject and the name as the appositive: the name stays
        (
            "The world's biggest toy maker, Speelgoed Group, has reported a rise in profits.",
            "Speelgoed Group has reported a rise in profits.",
        ),
        ("Lyon, France, has won the bid.", "Lyon, France, has won the bid."),  # a place
        # no verb after the second comma: a list of adjectives, not an appositive
        ("The republic, a small, mountainous state, is using ink.", None),
        # a phrase after the second comma: the first part was no subject
        (
            "In the Baltic, the fleet's admiral delayed a visit to Gdansk, Poland, for a frigate.",
            None,
        ),
    ],
)
def test_drop_appositives(text: str, expected: str | None) -> None:
    assert drop_appositives(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank, which was founded in 1850, closed its doors.", "The bank closed its doors."),
        ("The aide quit over a scandal, which broke in May.", "The aide quit over a scandal"),
        ("The firm, owned by Suez, is in talks.", "The firm is in talks."),
        # a comma before a capitalised word is inside the clause: a list of names
        (
            "Record producer Tom Fennick, who was behind hits by the Larks, Ada Brook and "
            "the Ostrel Singers, has died aged 70.",
            "Record producer Tom Fennick has died aged 70.",
        ),
        # ... and where a list runs on to no verb, the clause's end is not known: it stays
        (
            "Fans of the Larks, who toured with Ada Brook, Tom Fennick and the Ostrel Singers.",
            "Fans of the Larks, who toured with Ada Brook, Tom Fennick and the Ostrel Singers.",
        ),
    ],
)  # fmt: skip
def test_drop_relative_clauses(text: str, expected: str) -> None:
    assert drop_relative_clauses(text) == expected


RESTRICTIVE = [
    ("Investors who lost money in the scandal are to get £5m.", "Investors are to get £5m."),
    (
        "A claim accusing the firms of lying has been thrown out.",
        "A claim has been thrown out.",
    ),
    # the clause's own auxiliary is not taken for the subject's verb
    (
        "Shops that flout rules on how tickets are sold could be closed down.",
        "Shops could be closed down.",
    ),
    # a participle with its agent, then a verb in the past tense after a name
    (
        "A horror film produced by director Sam Raimi topped the box office.",
        "A horror film topped the box office.",
    ),
    (
        "Reporters covering the trial in California asked to see the files.",
        "Reporters asked to see the files.",
    ),
    # a verb in the past tense right after a name is the name's own
    ("Ajax refused to reveal whether Jol is on the list.", None),
    # the subject has a verb in the past tense ("films forced"): the clause ends early
    (
        "Attacks on sites that help people swap films forced a change that could last.",
        None,
    ),
    # two infinitives and no auxiliary: which one is the subject's verb is unclear
    ("Areas getting help to fight crime to be named.", None),
    # a noun in "-ing" with its phrase is no participle clause
    ("The mass shooting in the town was filmed.", None),
]


@pytest.mark.parametrize(("text", "expected"), RESTRICTIVE)
def test_drop_restrictive_clauses(text: str, expected: str | None) -> None:
    assert drop_restrictive_clauses(text) == (text if expected is None else expected)


SUBJECT_PHRASES = [
    (
        "Hundreds of library books for the village school have disappeared.",
        "Hundreds of library books have disappeared.",
    ),
    ("The trial date for the steroid case postponed", "The trial date postponed"),
    # an adjective's complement, not a phrase of the subject
    ("Investors unhappy with the bid will have no chance to vote.", None),
    # the verb found may be a relative clause's: nothing goes
    ("Shops that flout rules on how tickets are sold could be closed down.", None),
    # "of" phrases make the subject ("Value of the stock") and stay
    ("The value of the housing stock reached a record.", None),
    # past the subject's verb ("are learning"), a phrase is no longer the subject's
    ("Robots are learning lessons on manners so they can mix better.", None),
]


@pytest.mark.parametrize(("text", "expected"), SUBJECT_PHRASES)
def test_drop_subject_phrases(text: str, expected: str | None) -> None:
    assert drop_subject_phrases(text) == (text if expected is None else expected)


@pytest.mark.parametrize("text", [text for text, _ in RESTRICTIVE + SUBJECT_PHRASES])
def test_subject_spans_are_the_restrictive_and_subject_phrase_spans(text: str) -> None:
    words = text.split()
    assert subject_spans(words) == restrictive_spans(words) + subject_phrase_spans(words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When the market collapsed in 2000, the funds lost value.", "The funds lost value."),
        ("Although talks went on all night, no deal was reached.", "No deal was reached."),
    ],
)
def test_drop_subordinate_clauses(text: str, expected: str) -> None:
    assert drop_subordinate_clauses(text) == expected


def test_drop_name_descriptors() -> None:
    text = "Former Cabinet minister Ada Brook has criticised US media giant Globecast."
    assert drop_name_descriptors(text) == "Ada Brook has criticised Globecast."
    # after "and": dropped between two names, kept when both conjuncts describe one name
    text = "A row between the Chilean State and water firm Aguas Claras grew."
    assert drop_name_descriptors(text) == "A row between the Chilean State and Aguas Claras grew."
    text = "The German football club and former champion Borussia Dortmund warned of losses."
    assert drop_name_descriptors(text) == text
    # a verb before a name is no descriptor
    text = "Fans can download Band Aid from the store."
    assert drop_name_descriptors(text) == text
