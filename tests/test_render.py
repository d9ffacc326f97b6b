"""Rendering digests in every format: badges, sources, explain, several digests."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from summarize import build_document, summarize
from summarize.errors import SummarizeError
from summarize.model import (
    CHOSEN,
    DROPPED,
    KEPT,
    MERGED,
    Budget,
    Candidate,
    SentenceRef,
    Summary,
    SummarySentence,
)
from summarize.options import describe_budget
from summarize.render.digest import (
    describe_badges,
    digest_data,
    render,
    render_digests,
    source_numbers,
    source_rows,
    to_json_line,
)
from summarize.render.formats import OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS

HARBOUR = (
    "Ferry line opens at the harbour\n\n"
    "The harbour opened a new ferry line on Tuesday. "
    "Boats will leave every hour from the north pier. "
    "Tickets cost the same as a bus ride across the city.\n\n"
    "Loading...\n\n"
    "The mayor (L) cuts the ribbon at the north pier on Tuesday.\n"
)
PIER = (
    "A new ferry line opened at the harbour on Tuesday. "
    "Boats will leave every hour from the north pier, officials said. "
    "The ferry company hired twelve new sailors for the route.\n"
)
MARKUP = (
    "A sign reading [bold] was painted on the river bridge by students. "
    "The council asked the students to paint the river bridge again. "
    "The students agreed to paint the bridge next month."
)
HEADLINE = "Ferry line opens at the harbour"


@pytest.fixture(scope="module")
def digest() -> Summary:
    """Two sources sharing two sentences; the first has a title, a stub and a caption."""
    harbour = build_document(HARBOUR, "harbour.txt", path="news/harbour.txt")
    pier = build_document(PIER, "pier.txt", path="news/pier.txt")
    return summarize([harbour, pier], sentences=3)


def hand_built(headline: str | None = "Big news", notes: tuple[str, ...] = ()) -> Summary:
    """A small digest with every status: a sentence carried by b and a, one dropped."""
    a = build_document("One thing happened. Then it rained.", "a", title="Title A", path="in/a.txt")
    b = build_document("One thing happened again.", "b", detect_title=False)
    return Summary(
        sentences=(
            SummarySentence("One thing happened.", 1.0, (SentenceRef("b", 0), SentenceRef("a", 0))),
        ),
        scorer="lead",
        budget=Budget(sentences=1),
        documents=(a, b),
        headline=headline,
        candidates=(
            Candidate(a.sentences[0], 1.0, CHOSEN),
            Candidate(a.sentences[1], 0.0, DROPPED, "fragment of fewer than 4 words"),
            Candidate(b.sentences[0], 0.9, MERGED, "same as a#0"),
        ),
        notes=notes,
    )


def show(summary: Summary, fmt: str, *, explain: bool = False, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=False)
    render(summary, fmt, console, explain=explain)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def show_many(digests: list[tuple[str, Summary]], fmt: str, *, explain: bool = False) -> str:
    console = Console(file=io.StringIO(), width=100, force_terminal=False)
    render_digests(digests, fmt, console, explain=explain)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_formats() -> None:
    assert OUTPUT_FORMAT_NAMES == ("rich", "text", "json", "markdown")
    assert tuple(OUTPUT_FORMATS) == OUTPUT_FORMAT_NAMES


# -- badges and sources -----------------------------------------------------------------------


def test_badges_number_sources_by_their_position() -> None:
    summary = hand_built()
    numbers = source_numbers(summary)
    assert numbers == {"a": 1, "b": 2}
    assert describe_badges(summary.sentences[0].sources, numbers) == "[1][2]"


def test_source_rows_count_what_became_of_each_source(digest: Summary) -> None:
    rows = source_rows(digest)
    assert [(row.number, row.id) for row in rows] == [(1, "harbour.txt"), (2, "pier.txt")]
    counts = digest.source_counts()
    for row in rows:
        tally = counts[row.id]
        assert row.kept == tally[CHOSEN] + tally[KEPT]
        assert row.dropped == tally[DROPPED]
        assert row.merged == tally[MERGED]
    assert rows[0].title == HEADLINE
    assert rows[0].path == "news/harbour.txt"
    assert rows[0].dropped == 2  # the stub and the caption


def test_sources_named_only_by_sentences_still_get_badges() -> None:
    bare = Summary(
        sentences=(SummarySentence("One.", 1.0, (SentenceRef("z", 0), SentenceRef("y", 2))),),
        scorer="lead",
        budget=Budget(sentences=1),
    )
    assert show(bare, "text") == "One. [1][2]\n\nSources:\n[1] z\n[2] y\n"


# -- json -------------------------------------------------------------------------------------


def test_json_is_as_dict_with_the_summary_text(digest: Summary) -> None:
    data = json.loads(show(digest, "json"))
    assert list(data)[:2] == ["headline", "summary"]
    assert data["summary"] == digest.text
    assert {k: v for k, v in data.items() if k != "summary"} == json.loads(
        json.dumps(digest.as_dict())
    )
    assert [s["id"] for s in data["sources"]] == ["harbour.txt", "pier.txt"]
    assert [s["corroboration"] for s in data["sentences"]] == [2, 2, 1]
    assert data["headline"] == HEADLINE
    assert "candidates" not in data


def test_one_json_shape_for_a_digest_everywhere(digest: Summary) -> None:
    # summarize batch's records are the JSON of --format json with the input's id first.
    data = digest_data(digest, id="ferry")
    assert list(data)[:3] == ["id", "headline", "summary"]
    assert data == {"id": "ferry", **digest_data(digest)}
    assert json.loads(to_json_line(digest, "ferry")) == json.loads(json.dumps(data))
    assert to_json_line(digest, "ferry").count("\n") == 1
    several = json.loads(show_many([("ferry", digest)], "json"))
    assert several == [json.loads(json.dumps(data))]


def test_json_explain_lists_candidates_with_status_and_reason(digest: Summary) -> None:
    data = json.loads(show(digest, "json", explain=True))
    candidates = data["candidates"]
    assert len(candidates) == len(digest.candidates)
    for candidate in candidates:
        assert set(candidate) == {"document", "index", "score", "status", "reason", "text"}
    by_text = {c["text"]: c for c in candidates}
    assert by_text["Loading..."]["status"] == "dropped"
    assert by_text["Loading..."]["reason"]
    caption = by_text["The mayor (L) cuts the ribbon at the north pier on Tuesday."]
    assert (caption["status"], caption["reason"]) == ("dropped", "picture caption")
    merged = by_text["The harbour opened a new ferry line on Tuesday."]
    assert merged["status"] == "merged"
    assert merged["reason"] == "same as pier.txt#0"
    chosen = {(c["document"], c["index"]) for c in candidates if c["status"] == "chosen"}
    assert len(chosen) == len(digest.sentences)


def test_json_is_not_wrapped_or_highlighted() -> None:
    long = Summary(
        sentences=(SummarySentence("word " * 60 + "[bold]end", 1.0, (SentenceRef("d", 0),)),),
        scorer="lead",
        budget=Budget(words=100),
    )
    output = show(long, "json", width=20)
    assert json.loads(output)["sentences"][0]["text"].endswith("[bold]end")
    assert "\x1b" not in output


# -- text -------------------------------------------------------------------------------------


def test_text_headline_sentences_with_badges_and_sources() -> None:
    assert show(hand_built(notes=("a note",)), "text") == (
        "Big news\n\nOne thing happened. [1][2]\n\nSources:\n[1] a — Title A\n[2] b\n"
    )


def test_text_of_a_real_digest(digest: Summary) -> None:
    output = show(digest, "text")
    assert output == (
        f"{HEADLINE}\n"
        "\n"
        "A new ferry line opened at the harbour on Tuesday. [1][2]\n"
        "Boats will leave every hour from the north pier, officials said. [1][2]\n"
        "The ferry company hired twelve new sailors for the route. [2]\n"
        "\n"
        f"Only in [1] ({HEADLINE}): Tickets cost the same as a bus ride across the city.\n"
        "\n"
        "Sources:\n"
        f"[1] harbour.txt — {HEADLINE}\n"
        "[2] pier.txt\n"
    )
    assert "\x1b" not in output


def test_text_without_headline() -> None:
    assert show(hand_built(headline=None), "text").startswith("One thing happened. [1][2]\n\n")


def test_text_explain_is_tab_separated(digest: Summary) -> None:
    output = show(digest, "text", explain=True)
    table = output.split("\n\n")[-1]
    rows = table.splitlines()
    assert rows[0] == "doc\tindex\tscore\tstatus\treason\ttext"
    cells = [row.split("\t") for row in rows[1:]]
    assert len(cells) == len(digest.candidates)
    assert all(len(row) == 6 for row in cells)
    assert sum(row[3] == "chosen" for row in cells) == len(digest.sentences)
    assert cells[3][:4] == ["harbour.txt", "3", "0.00", "dropped"]
    assert cells[3][4] and cells[3][5] == "Loading..."
    assert cells[4][3:] == [
        "dropped",
        "picture caption",
        "The mayor (L) cuts the ribbon at the north pier on Tuesday.",
    ]
    assert [(row[0], int(row[1])) for row in cells] == [
        (c.sentence.doc, c.sentence.index) for c in digest.candidates
    ]


# -- markdown ---------------------------------------------------------------------------------


def test_markdown_headline_bullets_notes_and_sources() -> None:
    assert show(hand_built(notes=("the budget was tight",)), "markdown") == (
        "# Big news\n\n"
        "- One thing happened. [1][2]\n\n"
        "> the budget was tight\n\n"
        "## Sources\n\n"
        "- [1] a — Title A\n"
        "- [2] b\n"
    )


def test_markdown_explain_table(digest: Summary) -> None:
    output = show(digest, "markdown", explain=True)
    assert "| doc | index | score | status | reason | text |" in output
    assert "| harbour.txt | 3 | 0.00 | dropped | standalone line" in output
    assert "| picture caption | The mayor (L) cuts" in output
    assert "- The ferry company hired twelve new sailors for the route. [2]" in output


# -- rich -------------------------------------------------------------------------------------


def test_rich_shows_headline_badges_and_sources(digest: Summary) -> None:
    output = show(digest, "rich", width=120)
    assert output.splitlines()[0].startswith(f"╭─ {HEADLINE} ─")
    assert "• A new ferry line opened at the harbour on Tuesday. [1][2]" in output
    assert "The ferry company hired twelve new sailors for the route. [2]" in output
    assert "lead · 3 sentences · 2 sources" in output
    sources = output.split("╯", 1)[1]
    assert "kept" in sources and "dropped" in sources and "merged" in sources
    first = next(line for line in sources.splitlines() if line.startswith("[1]"))
    assert first.split()[1:] == ["harbour.txt", "1", "2", "2"]  # kept, dropped, merged
    assert HEADLINE in sources
    assert "news/harbour.txt" in sources
    second = next(line for line in sources.splitlines() if line.startswith("[2]"))
    assert second.split()[1:] == ["pier.txt", "3", "0", "0"]
    assert "What became" not in output
    assert "\x1b" not in output


def test_rich_without_headline_and_with_notes() -> None:
    output = show(hand_built(headline=None, notes=("the budget was tight",)), "rich")
    assert output.splitlines()[0].startswith("╭─ Summary ─")
    assert "• One thing happened. [1][2]" in output
    assert "1 sentence" in output
    assert "the budget was tight" in output


def test_rich_explain_shows_status_and_reasons(digest: Summary) -> None:
    output = show(digest, "rich", explain=True, width=120)
    table = output.split("What became of each sentence", 1)[1]
    lines = table.splitlines()
    loading = next(n for n, line in enumerate(lines) if "Loading..." in line)
    assert "dropped" in lines[loading]
    assert "↳ standalone line" in lines[loading + 1]
    caption = next(n for n, line in enumerate(lines) if "The mayor (L)" in line)
    assert "↳ picture caption" in lines[caption + 1]
    merged = next(n for n, line in enumerate(lines) if "The harbour opened" in line)
    assert "merged" in lines[merged]
    assert "↳ same as [2] #0" in lines[merged + 1]
    assert sum(" chosen " in line for line in lines) == len(digest.sentences)
    # source order: the first document's sentences come before the second's
    assert table.index("The harbour opened") < table.index("The ferry company")


def test_rich_fits_narrow_terminals(digest: Summary) -> None:
    for width in (60, 80):
        output = show(digest, "rich", explain=True, width=width)
        assert all(len(line) <= width for line in output.splitlines())
        assert "…" in output.split("What became", 1)[1]


def test_rich_long_headline_moves_inside_the_panel() -> None:
    headline = "A headline far too long for the border of a narrow panel to hold in one piece"
    output = show(hand_built(headline=headline), "rich", width=40)
    assert output.splitlines()[0].startswith("╭─ Summary ")
    assert " ".join(line.strip("│ ") for line in output.splitlines()[2:6]).startswith(headline)


@pytest.mark.parametrize("fmt", OUTPUT_FORMAT_NAMES)
def test_brackets_are_printed_literally(fmt: str) -> None:
    summary = summarize([MARKUP], sentences=3)
    assert any("[bold]" in s.text for s in summary.sentences)
    output = show(summary, fmt, explain=True, width=200)
    assert "A sign reading [bold] was painted" in output


def test_unknown_format(digest: Summary) -> None:
    with pytest.raises(SummarizeError, match="unknown format"):
        show(digest, "html")


# -- several digests ----------------------------------------------------------------------------


def test_several_digests_in_text(digest: Summary) -> None:
    output = show_many([("ferry", digest), ("small", hand_built())], "text")
    sections = output.split("\n\n== ")
    assert len(sections) == 2
    assert sections[0].startswith(f"== ferry ==\n{HEADLINE}\n\n")
    assert sections[1].startswith("small ==\nBig news\n\nOne thing happened. [1][2]\n")


def test_several_digests_in_json(digest: Summary) -> None:
    data = json.loads(show_many([("ferry", digest), ("small", hand_built())], "json"))
    assert isinstance(data, list)
    assert [item["id"] for item in data] == ["ferry", "small"]
    assert {k: v for k, v in data[0].items() if k not in ("id", "summary")} == json.loads(
        json.dumps(digest.as_dict())
    )
    assert data[0]["summary"] == digest.text
    explained = json.loads(show_many([("ferry", digest)], "json", explain=True))
    assert len(explained) == 1 and explained[0]["candidates"]


def test_several_digests_in_markdown(digest: Summary) -> None:
    output = show_many([("ferry", digest), ("small", hand_built())], "markdown")
    headings = [line for line in output.splitlines() if line.startswith("#")]
    assert headings == [
        "# ferry",
        f"## {HEADLINE}",
        "### Sources",
        "# small",
        "## Big news",
        "### Sources",
    ]


def test_several_digests_in_rich(digest: Summary) -> None:
    output = show_many([("ferry", digest), ("small", hand_built())], "rich")
    titles = [line for line in output.splitlines() if line.startswith("╭")]
    assert len(titles) == 2
    assert titles[0].startswith(f"╭─  ferry  {HEADLINE} ─")
    assert titles[1].startswith("╭─  small  Big news ─")


# -- descriptions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget", "text"),
    [
        (Budget(words=100), "100 words"),
        (Budget(sentences=1), "1 sentence"),
        (Budget(sentences=3), "3 sentences"),
        (Budget(bytes=500), "500 bytes"),
        (Budget(ratio=0.2), "20% of the words"),
    ],
)
def test_describe_budget(budget: Budget, text: str) -> None:
    assert describe_budget(budget) == text
