"""Each kind of boilerplate, on lines written for the purpose, and story text left alone."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from summarize import build_document
from summarize.cli.app import main
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


def test_repetition_within_one_source_collapses_but_across_sources_is_kept() -> None:
    line = "The festival drew more than ten thousand visitors over the weekend."
    other = "Organisers said they would return next summer with a larger stage."
    one = build_document(f"{line}\n\n{other}\n\n{line}\n", "one")
    assert boilerplate([one]) == {one.sentences[2].ref: "repeated in its own source"}
    a = build_document(f"{line}\n\n{other}\n", "a")
    b = build_document(f"{line}\n", "b")
    assert boilerplate([a, b]) == {}


def test_a_paragraph_given_twice_keeps_its_first_copy() -> None:
    paragraph = (
        "The harbour board approved a new breakwater on Monday. "
        "Work on the sea wall starts in the spring and lasts two years."
    )
    document = build_document(f"{paragraph}\n\n{paragraph}\n", "twice")
    dropped = boilerplate([document])
    kept = [s.text for s in document.sentences if s.ref not in dropped]
    assert " ".join(kept) == paragraph


def test_a_paragraph_ending_with_a_photo_credit_is_a_caption() -> None:
    text = (
        "Volunteers sweep snow off the stadium seats before the derby on Nov. 28. "
        "(Jane Doe / Staff Photographer)\n\n"
        "The club thanked more than two hundred helpers who arrived before dawn.\n\n"
        "A crane lifts the new roof into place over the east stand (AP Photo/John Roe)\n\n"
        "The roof should be finished before the season ends, the club said.\n"
    )
    document = build_document(text, "page")
    dropped = boilerplate([document])
    kept = [s.text for s in document.sentences if s.ref not in dropped]
    assert kept == [
        "The club thanked more than two hundred helpers who arrived before dawn.",
        "The roof should be finished before the season ends, the club said.",
    ]
    assert dropped[document.sentences[1].ref] == "photo credit"


@pytest.mark.parametrize(
    "text",
    [
        "Copyright 2024 Valley Courier Media Group.",
        "\u00a9 2023 The Example Gazette, all rights reserved.",
        "This material may not be published. All rights reserved.",
        "Harbour Radio 2021. ALL RIGHTS RESERVED.",
        "Reproduced with the permission of the publisher; all Rights Reserved",
    ],
)
def test_copyright_lines_are_boilerplate(text: str) -> None:
    assert reason(text) == "copyright notice"


def test_prose_in_brackets_at_the_end_is_not_a_credit() -> None:
    text = (
        "The share of nurses rose to three in four of all staff (up from 1/2 of staff).\n\n"
        "The hospital said it would hire more next year.\n"
    )
    document = build_document(text, "page")
    assert boilerplate([document]) == {}


def test_a_sentence_about_copyright_is_story() -> None:
    assert reason("Copyright lawsuits against the studio were dropped in March.") is None
    assert reason("The court ruled on Tuesday in a case about photo rights (and fees).") is None


def test_headline_of_a_file_holding_one_paragraph_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraph = (
        "The harbour board approved a new breakwater for the fishing port on Monday. "
        "Work on the sea wall starts in the spring and lasts two years."
    )
    path = tmp_path / "twice.txt"
    path.write_text(f"{paragraph}\n\n{paragraph}\n", encoding="utf-8")
    code = main(["headline", str(path)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "breakwater" in captured.out


def test_a_caption_with_a_photo_credit_is_not_the_headline_or_the_digest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "Volunteers sweep snow off the stadium seats before the derby on Nov. 28. "
        "(Jane Doe / Staff Photographer)\n\n"
        "The city council voted on Monday to rebuild the old stadium roof by next autumn. "
        "The work will cost four million euros, the mayor said.\n",
        encoding="utf-8",
    )
    assert main([str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    shown = data["headline"] + " " + " ".join(s["text"] for s in data["sentences"])
    assert "Volunteers" not in shown and "Photographer" not in shown
