"""Rendering a summary in every format."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from summarize import summarize
from summarize.model import Budget, SentenceRef, Summary, SummarySentence
from summarize.render import FORMATS, describe_budget, render

RIVER = (
    "The city council voted to clean the river on Monday. "
    "Volunteers will remove rubbish from the river banks every weekend. "
    "The council said the river cleaning will cost little because volunteers do the work. "
    "Fish numbers in the river have fallen for years."
)
MARKUP = (
    "A sign reading [bold] was painted on the river bridge by students. "
    "The council asked the students to paint the river bridge again. "
    "The students agreed to paint the bridge next month."
)


@pytest.fixture(scope="module")
def summary() -> Summary:
    return summarize([RIVER, MARKUP], words=60)


def show(summary: Summary, fmt: str, *, explain: bool = False, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=False)
    render(summary, fmt, console, explain=explain)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_formats() -> None:
    assert FORMATS == ("rich", "text", "json", "markdown")


def test_json_has_the_schema(summary: Summary) -> None:
    data = json.loads(show(summary, "json"))
    assert set(data) >= {"headline", "sentences", "scorer", "budget"}
    assert data["scorer"] == "textrank"
    assert data["budget"] == {"words": 60}
    assert data["sentences"]
    for sentence in data["sentences"]:
        assert set(sentence) == {"text", "score", "sources"}
        assert isinstance(sentence["score"], float)
        for source in sentence["sources"]:
            assert set(source) == {"document", "index"}
    assert "candidates" not in data
    assert data == json.loads(json.dumps(summary.as_dict()))


def test_json_explain_lists_candidates(summary: Summary) -> None:
    data = json.loads(show(summary, "json", explain=True))
    assert len(data["candidates"]) == len(summary.candidates)
    first = data["candidates"][0]
    assert {"document", "index", "score", "text"} <= set(first)
    chosen = {(c["document"], c["index"]) for c in data["candidates"] if c["chosen"]}
    expected = {(r.document, r.index) for s in summary.sentences for r in s.sources}
    assert chosen == expected


def test_json_is_not_wrapped_or_highlighted() -> None:
    long = Summary(
        sentences=(SummarySentence("word " * 60 + "[bold]end", 1.0, (SentenceRef("d", 0),)),),
        scorer="lead",
        budget=Budget(words=100),
    )
    output = show(long, "json", width=20)
    assert json.loads(output)["sentences"][0]["text"].endswith("[bold]end")
    assert "\x1b" not in output


def test_text_is_one_sentence_per_line(summary: Summary) -> None:
    output = show(summary, "text")
    assert output.splitlines() == [s.text for s in summary.sentences]
    assert "\x1b" not in output


def test_text_with_headline() -> None:
    titled = Summary(
        sentences=(SummarySentence("One.", 1.0, (SentenceRef("a", 0),)),),
        scorer="lead",
        budget=Budget(sentences=1),
        headline="Big news",
        notes=("a note",),
    )
    assert show(titled, "text") == "Big news\n\nOne.\n"


def test_text_explain_is_tab_separated(summary: Summary) -> None:
    output = show(summary, "text", explain=True)
    head, table = output.split("\n\n", 1)
    assert head.splitlines() == [s.text for s in summary.sentences]
    rows = table.splitlines()
    assert rows[0] == "doc\tindex\tscore\tchosen\ttext"
    assert len(rows) - 1 == len(summary.candidates)
    cells = [row.split("\t") for row in rows[1:]]
    assert all(len(row) == 5 for row in cells)
    assert sum(row[3] == "yes" for row in cells) == len(summary.sentences)
    assert [(row[0], int(row[1])) for row in cells] == [
        (s.doc, s.index) for s, _ in summary.candidates
    ]


def test_markdown_bullets_with_sources(summary: Summary) -> None:
    output = show(summary, "markdown")
    bullets = [line for line in output.splitlines() if line.startswith("- ")]
    assert len(bullets) == len(summary.sentences)
    for bullet, sentence in zip(bullets, summary.sentences, strict=True):
        ref = sentence.sources[0]
        assert bullet == f"- {sentence.text} [{ref.document}#{ref.index}]"


def test_markdown_headline_and_notes() -> None:
    titled = Summary(
        sentences=(SummarySentence("One.", 1.0, (SentenceRef("a", 0),)),),
        scorer="lead",
        budget=Budget(sentences=1),
        headline="Big news",
        notes=("the budget was tight",),
    )
    assert show(titled, "markdown") == "# Big news\n\n- One. [a#0]\n\n> the budget was tight\n"


def test_rich_shows_sentences_sources_scorer_and_budget(summary: Summary) -> None:
    output = show(summary, "rich", width=200)
    assert "Summary" in output
    for sentence in summary.sentences:
        assert sentence.text in output
        ref = sentence.sources[0]
        assert f"{ref.document}#{ref.index}" in output
        assert f"score {sentence.score:.2f}" in output
    assert "textrank" in output
    assert "60 words" in output
    assert "\x1b" not in output


def test_rich_title_and_notes() -> None:
    titled = Summary(
        sentences=(SummarySentence("One thing happened.", 0.5, (SentenceRef("a", 3),)),),
        scorer="lead",
        budget=Budget(chars=300),
        headline="Big [red]news",
        notes=("the budget was tight",),
    )
    output = show(titled, "rich")
    assert "Big [red]news" in output
    assert "a#3" in output
    assert "score 0.50" in output
    assert "300 bytes" in output
    assert output.rstrip().endswith("the budget was tight")


def test_rich_explain_lists_every_candidate(summary: Summary) -> None:
    output = show(summary, "rich", explain=True, width=120)
    table = output.split("Candidate sentences", 1)[1]
    rows = [line for line in table.splitlines() if "│" in line]  # one line per candidate
    assert len(rows) == len(summary.candidates)
    assert table.count("✓") == len(summary.sentences) + 1  # plus the column header
    for sentence, score in summary.candidates:
        assert f"{score:.2f}" in table
        assert sentence.text[:20] in table
    # source order: the first document's sentences come before the second's
    assert table.index("The city council") < table.index("A sign reading")


def test_rich_explain_truncates_long_text(summary: Summary) -> None:
    output = show(summary, "rich", explain=True, width=60)
    table = output.split("Candidate sentences", 1)[1]
    assert all(len(line) <= 60 for line in table.splitlines())
    assert "…" in table


@pytest.mark.parametrize("fmt", FORMATS)
def test_brackets_are_printed_literally(fmt: str) -> None:
    summary = summarize([MARKUP], sentences=3)
    assert any("[bold]" in s.text for s in summary.sentences)
    output = show(summary, fmt, explain=True, width=200)
    assert "A sign reading [bold] was painted" in output


def test_unknown_format(summary: Summary) -> None:
    from summarize.errors import SummarizeError

    with pytest.raises(SummarizeError, match="unknown format"):
        show(summary, "html")


@pytest.mark.parametrize(
    ("budget", "text"),
    [
        (Budget(words=100), "100 words"),
        (Budget(sentences=1), "1 sentence"),
        (Budget(sentences=3), "3 sentences"),
        (Budget(chars=500), "500 bytes"),
        (Budget(ratio=0.2), "20% of the words"),
    ],
)
def test_describe_budget(budget: Budget, text: str) -> None:
    assert describe_budget(budget) == text


def test_rich_long_headline_moves_inside_the_panel() -> None:
    headline = "A headline far too long for the border of a narrow panel to hold in one piece"
    titled = Summary(
        sentences=(SummarySentence("One thing happened.", 0.5, (SentenceRef("a", 0),)),),
        scorer="lead",
        budget=Budget(words=10),
        headline=headline,
    )
    output = show(titled, "rich", width=40)
    assert output.splitlines()[0].startswith("╭─ Summary ")
    assert " ".join(line.strip("│ ") for line in output.splitlines()[2:6]).startswith(headline)
