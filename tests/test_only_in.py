"""The line "Only in [k]": the important fact of a multi-source digest that a single source reports,
in the summary, JSON and every view. The reports are invented."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from summarize import build_document, summarize
from summarize.cli.app import main
from summarize.digest.only_in import is_bare, is_quote, needs_context
from summarize.inputs.read import read_documents
from summarize.model import Summary
from summarize.render.digest import render

from .conftest import SAMPLE

A = """Harbour ferry resumes service

The Tallin Bay ferry resumed its crossings on Tuesday after a three-week strike by its crews.
The strike ended when the operator agreed to raise wages by six percent over two years.
Passengers queued at the terminal from early morning to board the first boat.
"We are glad the boats are running again," said one of the passengers.
"""
B = """Ferry crossings restart after strike

The Tallin Bay ferry resumed its crossings on Tuesday after a three-week strike by its crews.
A second ferry company has filed for bankruptcy, leaving forty islanders without work.
The strike ended when the operator agreed to raise wages by six percent over two years.
Passengers queued at the terminal from early morning to board the first boat.
"""
EXCLUSIVE = "A second ferry company has filed for bankruptcy, leaving forty islanders without work."


def ferry_digest(second: str = B, **options: object) -> Summary:
    """The two ferry reports (``second`` as the second), lead scores chosen best first (the
    greedy selector leaves the exclusive fact out of the digest), 45 words."""
    documents = [build_document(A, "a.txt"), build_document(second, "b.txt")]
    return summarize(documents, scorer="lead", selector="greedy", words=45, **options)


@pytest.fixture(scope="module")
def digest() -> Summary:
    return ferry_digest()


def show(summary: Summary, fmt: str) -> str:
    console = Console(file=io.StringIO(), width=200, force_terminal=False)
    render(summary, fmt, console)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_a_fact_only_one_source_reports_is_given_apart(digest: Summary) -> None:
    assert EXCLUSIVE not in digest.text
    assert len(digest.exclusives) == 1
    fact = digest.exclusives[0]
    assert fact.text == EXCLUSIVE
    assert {ref.document for ref in fact.sources} == {"b.txt"}
    assert fact.corroboration == 1


def test_in_json_as_its_own_list(digest: Summary) -> None:
    data = json.loads(show(digest, "json"))
    assert [f["text"] for f in data["only_in"]] == [EXCLUSIVE]
    assert data["only_in"][0]["sources"] == [{"document": "b.txt", "index": 1}]
    assert list(data).index("only_in") == list(data).index("sentences") + 1


def test_in_the_text_markdown_and_rich_views(digest: Summary) -> None:
    line = f"Only in [2] (Ferry crossings restart after strike): {EXCLUSIVE}"
    text = show(digest, "text")
    assert f"[1][2]\n\n{line}\n\nSources:" in text
    assert f"*Only in [2] (Ferry crossings restart after strike):* {EXCLUSIVE}" in show(
        digest, "markdown"
    )
    rich = " ".join(show(digest, "rich").split())
    assert "Only in [2] (Ferry crossings restart after strike): A second ferry company" in rich


def test_a_single_source_has_none() -> None:
    summary = summarize(build_document(B, "b.txt"), scorer="lead", selector="greedy", words=20)
    assert summary.exclusives == ()
    assert "only_in" not in summary.as_dict()
    assert "Only in" not in show(summary, "text")


def test_it_can_be_turned_off() -> None:
    summary = ferry_digest(only_in=False)
    assert summary.exclusives == ()
    assert summary.as_dict()["only_in"] == []
    assert "Only in" not in show(summary, "text")


def test_a_fact_the_digest_already_holds_in_other_words_is_not_only_in() -> None:
    # most of its words are in a chosen sentence: no new fact
    other = B.replace(
        EXCLUSIVE, "The operator agreed to a six percent raise in wages, ending the strike."
    )
    summary = ferry_digest(other)
    assert summary.exclusives == ()


def test_a_fact_the_other_source_reports_in_other_words_is_not_only_in() -> None:
    other = B.replace(
        EXCLUSIVE, "Crews of the Tallin Bay ferry ended a three-week strike on Tuesday."
    )
    summary = ferry_digest(other)
    assert all("strike" not in f.text for f in summary.exclusives)


def test_quotes_and_bare_attributions_are_not_facts() -> None:
    assert is_quote('"We will not sail until the wages rise," said one of the crew.')
    assert is_quote('One sailor said the strike was "a fight for every family on the islands".')
    assert not is_quote('The operator called the deal "fair" and ended the strike on Tuesday.')
    assert is_quote("We will not sail until the wages rise, one of the crew said.")
    assert not is_quote("The US operator raised the wages of its crews by six percent.")
    assert needs_context("They ended the strike after the operator raised the wages.")
    assert needs_context("There's a reason the crews went on strike for three weeks.")
    assert not needs_context(EXCLUSIVE)
    assert is_bare("The ferry company said so.")
    assert is_bare("Harbour officials told reporters on Tuesday.")
    assert not is_bare(EXCLUSIVE)


def test_the_fact_must_be_worth_it() -> None:
    # at the bottom of its source, the fact scores under half the lowest chosen score
    quotes = "".join(f'"We waited {n} weeks for this boat," said a passenger.\n' for n in (2, 3, 4))
    late = B.replace(EXCLUSIVE + "\n", "") + quotes + EXCLUSIVE + "\n"
    summary = ferry_digest(late)
    assert summary.exclusives == ()


def test_the_command_line_can_leave_it_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in (("a.txt", A), ("b.txt", B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = [str(tmp_path), "--scorer", "lead", "--selector", "greedy", "--words", "45"]
    args += ["--format", "text"]
    assert main(args) == 0
    assert f"Only in [2] (Ferry crossings restart after strike): {EXCLUSIVE}" in (
        capsys.readouterr().out
    )
    assert main([*args, "--no-only-in"]) == 0
    assert "Only in" not in capsys.readouterr().out


def assert_the_us_scepticism_is_only_in_the_second_report(summary: Summary) -> None:
    """The sample cluster's "only in" fact: Washington's scepticism, trimmed of its opening
    "But", attributed to the one outlet that reports it, and shown under the digest."""
    assert [f.text for f in summary.exclusives] == [
        "Washington has already expressed scepticsm about Russia's statement."
    ]
    (source,) = {ref.document for ref in summary.exclusives[0].sources}
    assert source == "russia-begins-withdrawal-us-sceptical.txt"
    assert "Only in [2] (Russia says it has begun a military withdrawal from Syria, US " in (
        show(summary, "text")
    )


def test_the_sample_cluster_default_digest_opens_with_the_order_and_carries_the_scepticism() -> (
    None
):
    # Checked by reading: the default digest (lead scores, position-aware coverage) at 100
    # words opens with the lede (the withdrawal announced during the surprise visit), then
    # the order itself; Washington's scepticism, which only the second outlet reports, is
    # the "only in" fact, attributed to it and trimmed of its opening "But".
    documents, _ = read_documents([str(SAMPLE)])
    summary = summarize(documents, words=100)
    texts = [s.text for s in summary.sentences]
    assert texts[0].startswith("President Vladimir Putin has considered a partial withdrawal")
    assert "surprise visit" in texts[0]
    assert texts[1].startswith("President Vladimir Putin on Monday ordered the withdrawal")
    assert_the_us_scepticism_is_only_in_the_second_report(summary)


def test_the_sample_cluster_with_greedy_lead_carries_the_us_scepticism_apart() -> None:
    # Only one outlet reports Washington's scepticism. Best-scored-first selection leaves it
    # out (both ledes and the order come first); it is then found, attributed, and trimmed
    # of its opening "But" as the "only in" fact. (Under the former default scorer,
    # LexRank centrality favoured what both outlets say, and it scored too low.)
    documents, _ = read_documents([str(SAMPLE)])
    summary = summarize(documents, scorer="lead", selector="greedy", words=100)
    assert_the_us_scepticism_is_only_in_the_second_report(summary)
