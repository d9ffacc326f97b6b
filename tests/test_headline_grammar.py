"""The rough tests of grammar the headline rules share."""

from __future__ import annotations

import pytest

from summarize.headline.grammar import has_verb, verb_prefix

from .headline_texts import SENTENCES

INVENTED = [
    *SENTENCES,
    "Ostrel council to approve budget for library",  # the headline "to" needs its verb
    "Boerse investors",  # an "-s" word at the end is a noun
    "Dollar gains on hopes of a rate cut",  # ... and a verb with more text after it
    "Tickets for the festival sell out",
    "Shares in Acme fell sharply",
    "The new bridge over the river Ost",  # no verb at all
    "Society members are to vote on Monday",
]


@pytest.mark.parametrize("text", INVENTED)
def test_verb_prefix_is_where_has_verb_starts_to_hold(text: str) -> None:
    for words in (text.split(), ["", *text.split()[1:]]):
        first = verb_prefix(words)
        assert [has_verb(words[:n]) for n in range(len(words) + 1)] == [
            n >= first for n in range(len(words) + 1)
        ]


@pytest.mark.parametrize("text", INVENTED)
def test_verb_prefix_of_a_prefix_is_the_least_of_the_whole_ones_and_its_length_plus_one(
    text: str,
) -> None:
    words = text.split()
    for n in range(len(words) + 1):
        assert verb_prefix(words[:n]) == min(verb_prefix(words), n + 1)


def test_verb_prefix_counts_the_word_after_a_headline_to() -> None:
    words = "Ostrel council to approve budget".split()
    assert not has_verb(words[:3]) and has_verb(words[:4])
    assert verb_prefix(words) == 4
    assert verb_prefix("The new bridge over the river".split()) == 7  # none: length + 1
