"""Readability: the broken-cut detectors (summarize.headline.rules.guards) over invented
headlines, whole ones and broken ones, and over what the headline makes of invented
stories (``benchmarks/headlines.py`` counts them on 100 real headlines)."""

from __future__ import annotations

import pytest

from summarize import SummarizeError, headline
from summarize.headline.rules.guards import (
    agreement_broken,
    broken_cuts,
    dangling_verb,
    missing_main_clause,
)

WHOLE = [
    "Suspect arrested after Ostrel raid",
    "Prices rise for third month",
    "Minister quits over scandal in Ostrel",
    "Police arrest 12 after riot",
    "Veldt Motors wins contract",
    "Ostrel: Leaders agree deal",
    "Firm says profits doubled",
    "Brentford face a tie in Lisbon",
    "Two held after raid on Tarvo port",
    "Tarvo voters reject pay plan",
    "Officials say talks failed",
    "Tarvo mayor says in statement that dam is safe",
    "Inquiry says nothing",
    "Mayor disbands councils as traders flee",
    "The official says talks failed",
    "Shares in Dunmore fall",
    "Rebels seized",
    "BMW to recall 50,000 cars",
    "Harbour workers, angry at pay offer, strike",
]

BROKEN = [
    ("Minister denied claims that troops massacred", dangling_verb),
    ("Ostrel has signed", dangling_verb),
    ("Tarvo rebels took", dangling_verb),
    ("Mayor who killed", dangling_verb),
    ("Firm denies", dangling_verb),
    ("Dam inquiry says engineers", dangling_verb),
    ("Dam inquiry says that the engineers", dangling_verb),
    ("Ostrel officials, citing security concerns", missing_main_clause),
    ("As talks stalled in Ostrel", missing_main_clause),
    ("Because prices rose in Tarvo", missing_main_clause),
    ("Harbour workers, angered by the pay offer of bosses", missing_main_clause),
    ("The official say talks failed", agreement_broken),
    ("Officials says talks failed", agreement_broken),
    ("Ostrel: the official say talks failed", agreement_broken),
]


@pytest.mark.parametrize("text", WHOLE)
def test_whole_headlines_are_not_flagged(text: str) -> None:
    assert broken_cuts(text) == []


@pytest.mark.parametrize(("text", "detector"), BROKEN)
def test_broken_headlines_are_flagged(text: str, detector: object) -> None:
    assert detector in (dangling_verb, missing_main_clause, agreement_broken)
    assert getattr(detector, "__name__", "") in broken_cuts(text)


STORIES = [
    "OSTREL (Wire) - The port authority of Ostrel, which runs the busiest harbour on the "
    "coast, denied on Monday claims that its guards had beaten striking dockers during a "
    "protest over pay, officials said. The dockers walked out last week.",
    "Tarvo Mills, the biggest weaving firm in the valley, has sold its cotton arm to a rival "
    "for 40 million crowns, citing falling demand for its cloth in export markets across the "
    "region. The sale ends a century of cotton weaving in Tarvo.",
    "As talks between the unions and the rail operator stalled for a third week, commuters "
    "in Ostrel faced another day of cancelled trains on Tuesday, the operator said.",
    "The official in charge of the Tarvo dam inquiry said the engineers who built it ignored "
    "warnings about cracks in the wall for years before the flood.",
]


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("bytes", [50, 75])
def test_headlines_of_invented_stories_have_no_broken_cut(story: str, bytes: int) -> None:
    try:
        text = headline(story, bytes=bytes).text
    except SummarizeError:
        return  # no headline fits: nothing broken either
    assert broken_cuts(text) == [], text
