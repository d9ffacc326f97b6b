"""Each kind of boilerplate, on lines written for the purpose, and story text left alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from summarize import build_document
from summarize.text.clean import boilerplate, why_boilerplate

from .conftest import make_sentences


def reason(text: str) -> str | None:
    return why_boilerplate(make_sentences([text])[0])


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Image: harbour cranes at dawn on the first day of the strike.", "picture caption"),
        (
            "The mayor (C) and two engineers (L) inspect the new bridge in Lisbon, May 2, 2019.",
            "picture caption",
        ),
        ("Firefighters (2nd L) carry hoses past the market hall on Tuesday.", "picture caption"),
        ("Photo shows the flooded square after the storm.", "picture caption"),
        ("File photo: a tram crosses the bridge in winter.", "picture caption"),
        ("Harbour Radio's Anna Berg reports.", "reporter credit"),
        ("City Desk's science and health correspondent, Tom Reyes reports.", "reporter credit"),
        ("Reporting by Mia Chen; Editing by Paul Ross.", "reporter credit"),
        ("By Laura Diaz and Omar Haddad", "reporter credit"),
        ("Sign up for our newsletter and never miss a story by email.", "web-page notice"),
        ("These crawls are archived daily as web captures of each page.", "web-page notice"),
        ("Click here to share this video with your friends on Facebook.", "web-page notice"),
        ("Two killed.", "fragment"),
        ("Page 6.", "fragment"),
    ],
)
def test_each_kind_of_boilerplate(line: str, kind: str) -> None:
    found = reason(line)
    assert found is not None and kind in found


def test_a_line_of_its_own_is_chrome() -> None:
    line = replace(make_sentences(["Council approves the new harbour plan"])[0], standalone=True)
    assert "standalone line" in (why_boilerplate(line) or "")


@pytest.mark.parametrize(
    "line",
    [
        "The council will vote on the harbour plan by Friday, officials said.",
        "By Monday, the river had risen to its highest level since 1998.",
        "Shares of the company fell 4% after it reported weaker sales in Asia.",
        "Police said the driver was taken to hospital with minor injuries.",
        "The report, which the ministry published online, lists 40 projects.",
        "She told reporters the decision would be announced on Twitter.",
    ],
)
def test_story_sentences_are_kept(line: str) -> None:
    assert reason(line) is None


STORY = """Flood closes river crossing

Heavy rain closed the main river crossing in the town of Amberley on Sunday evening.

Loading...

Residents (R) look at the flooded road near the bridge, June 4, 2023.
Harbour Press

Engineers said the bridge would stay shut until the water level falls below the warning mark.

Residents (R) look at the flooded road near the bridge, June 4, 2023.

Town bakery wins regional prize

Radio North's Ben Adler reports.

The town council opened two shelters at the school and the sports hall on Sunday night.

Route 9
"""


def test_a_page_with_every_kind_of_chrome() -> None:
    document = build_document(STORY, "page")
    dropped = boilerplate([document])
    kept = [s.text for s in document.sentences if s.ref not in dropped]
    assert kept == [
        "Heavy rain closed the main river crossing in the town of Amberley on Sunday evening.",
        "Engineers said the bridge would stay shut until the water level falls below the "
        "warning mark.",
        "The town council opened two shelters at the school and the sports hall on Sunday night.",
    ]
    reasons = sorted(set(dropped.values()))
    assert any("caption" in r for r in reasons)
    assert any("credit" in r for r in reasons)
    assert any("standalone line" in r for r in reasons)


def test_repetition_within_one_source_is_chrome_but_across_sources_is_not() -> None:
    line = "The festival drew more than ten thousand visitors over the weekend."
    other = "Organisers said they would return next summer with a larger stage."
    one = build_document(f"{line}\n\n{other}\n\n{line}\n", "one")
    assert len(boilerplate([one])) == 2
    a = build_document(f"{line}\n\n{other}\n", "a")
    b = build_document(f"{line}\n", "b")
    assert boilerplate([a, b]) == {}
