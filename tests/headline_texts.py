"""Invented sentences shared by the headline tests."""

from __future__ import annotations

from summarize.headline.rules.verbs import use_present_tense
from summarize.text.tokens import tokenize

SENTENCES = [
    "MOSCOW (Reuters) - The minister, who flew in on Monday, resigned over the scandal, "
    "officials said.",
    "President Vladimir Putin has ordered the withdrawal of a significant part of Russia's "
    "military in Syria, after saying the problem of Daesh in Syria has been solved "
    '"spectacularly."',
    "Yearly sales at Dutch toy maker Speelgoed rose 41% to $2.06bn (£1.1bn) in the twelve "
    "months to June, from $1.46bn a year earlier.",
    "The shareholders of struggling Peruvian tin producer Andamina plan to press the new owner "
    "of its old refinery to repay a $640m (£340m) debt.",
    "Über-popular café chain Crème & Co has opened 40 new cafés across Europe this year, its "
    "chief executive said on Tuesday.",
]


def words_from(source: set[str]) -> set[str]:
    """The words a compression of a text with the words ``source`` may hold: those, the
    headline "to", and the present forms :func:`use_present_tense` gives the verbs."""
    allowed = source | {"to"}
    for word in source:
        for subject in ("Acme", "The firms"):
            for auxiliary in ("", "has ", "have "):
                allowed |= set(tokenize(use_present_tense(f"{subject} {auxiliary}{word} it")))
    return allowed
