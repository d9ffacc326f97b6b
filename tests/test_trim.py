"""Sentence trimming inside digests: the safe rules, the safety checks, the budget gained,
and what ``--explain`` shows. Every sentence here is invented."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from summarize import build_document, summarize
from summarize.cli.app import main
from summarize.digest.trim import MIN_WORDS, RULES, Trimmed, trim
from summarize.render.digest import render


@pytest.mark.parametrize(
    ("text", "trimmed", "cuts"),
    [
        (  # a wire dateline
            "KELSO (Wire) - The river bridge reopened to traffic after eight months of work.",
            "The river bridge reopened to traffic after eight months of work.",
            ("KELSO (Wire) -",),
        ),
        (  # an attribution tail with its time
            "The council approved the new budget for the harbour, officials said Friday.",
            "The council approved the new budget for the harbour.",
            ("officials said Friday",),
        ),
        (  # a leading time phrase
            "On Tuesday, the ferry company hired twelve new sailors for the route.",
            "The ferry company hired twelve new sailors for the route.",
            ("On Tuesday",),
        ),
        (  # brackets and a pair of dashes
            "The mayor (a former sailor) opened the line at the north pier of the harbour.",
            "The mayor opened the line at the north pier of the harbour.",
            ("(a former sailor)",),
        ),
        (
            "The plan — first floated in May — was approved by the board of governors.",
            "The plan was approved by the board of governors.",
            ("— first floated in May —",),
        ),
        (  # an appositive before the verb
            "Ines Garde, the mayor of Kelso, cut the ribbon at the north pier.",
            "Ines Garde cut the ribbon at the north pier.",
            ("the mayor of Kelso",),
        ),
        (  # a linking word that leaves the sentence hanging on another
            "However, the bridge will stay closed to lorries until the spring.",
            "The bridge will stay closed to lorries until the spring.",
            ("However",),
        ),
        (  # several rules in turn
            "KELSO (Wire) - On Monday, Ines Garde, the mayor of Kelso, opened the new bridge "
            "over the river, officials said.",
            "Ines Garde opened the new bridge over the river.",
            ("KELSO (Wire) - On Monday", "the mayor of Kelso", "officials said"),
        ),
    ],
)
def test_rules_cut_what_a_digest_does_not_need(text: str, trimmed: str, cuts: tuple) -> None:
    assert trim(text) == Trimmed(trimmed, cuts)


def test_nothing_to_cut_leaves_the_sentence_as_it_was() -> None:
    text = "Engineers replaced the steel cables and resurfaced the whole deck."
    assert trim(text) == Trimmed(text, ())


def test_only_digest_safe_rules_are_used() -> None:
    names = {name for name, _ in RULES}
    assert "attribution" in names and "dateline" in names
    assert not names & {"articles", "present tense", "headline verbs", "auxiliaries"}
    # no headline style: articles, tense and the final stop stay
    out = trim("The councils have approved the plan for the harbour, officials said.")
    assert out.text == "The councils have approved the plan for the harbour."


def test_a_cut_leaving_too_few_words_is_skipped() -> None:
    text = "Prices rose sharply, the office said."
    assert len("Prices rose sharply.".split()) < MIN_WORDS
    assert trim(text) == Trimmed(text, ())


def test_a_cut_losing_the_verb_is_skipped() -> None:
    # the dashes hold the only verb: without them no verb is left
    text = "A new bridge for the town of Kelso — the council approved it — after years of delay."
    assert trim(text).text == text


def test_the_final_punctuation_and_capital_stay() -> None:
    out = trim("Yesterday, the new ferry line carried more than four thousand passengers!")
    assert out.text == "The new ferry line carried more than four thousand passengers!"
    question = trim("Will the new bridge over the river open on Monday?")
    assert question.text.endswith("?") and question.text[0].isupper()


def test_quotations_are_never_edited_or_left_without_their_speaker() -> None:
    quote = '"We are glad to have our bridge back, after all these months," said mayor Ines Garde.'
    assert trim(quote).text == quote
    inner = '"The bridge, a gift to the town, was opened on Monday," the mayor told reporters.'
    assert "a gift to the town" in trim(inner).text
    assert "the mayor told reporters" in trim(inner).text


def test_a_sentence_opening_with_who_said_it_keeps_the_speaker() -> None:
    text = "The operator said timetables would return to normal by the weekend."
    assert trim(text).text == text


def test_dates_stay_relative_times_go() -> None:
    dated = "The company first opened the ferry line in March 2011 after a long wait."
    assert trim(dated).text == dated
    out = trim("The company closed the old ferry line last week after a long wait.")
    assert out == Trimmed(
        "The company closed the old ferry line after a long wait.", ("last week",)
    )


# -- in the digest ----------------------------------------------------------------------------

REPORT = """Bridge reopens in Kelso

KELSO (Wire) - On Monday, the Kelso river bridge reopened to traffic after eight months \
of repairs, officials said.
The repairs, paid for by the regional council, cost twelve million euros in all.
Engineers replaced the steel cables and resurfaced the whole deck of the bridge.
Local shops had lost many customers while the bridge was closed to traffic.
"""


def test_trimming_comes_before_selection_so_the_budget_holds_more() -> None:
    document = build_document(REPORT, "kelso")
    plain = summarize(document, scorer="lead", words=30)
    trimmed = summarize(document, scorer="lead", words=30, trim=True)
    assert len(trimmed.sentences) > len(plain.sentences)
    assert sum(len(s.text.split()) for s in trimmed.sentences) <= 30
    first = trimmed.sentences[0].text
    assert first == "The Kelso river bridge reopened to traffic after eight months of repairs."


def test_untrimmed_digests_are_unchanged_by_default() -> None:
    document = build_document(REPORT, "kelso")
    assert summarize(document, scorer="lead", words=30) == summarize(
        document, scorer="lead", words=30, trim=False
    )
    data = summarize(document, scorer="lead", words=30).as_dict()
    assert "only_in" not in data


def test_explain_shows_the_cuts() -> None:
    summary = summarize(build_document(REPORT, "kelso"), scorer="lead", words=30, trim=True)
    cut = {c.sentence.index: c.cuts for c in summary.candidates if c.cuts}
    assert cut[0] == ("KELSO (Wire) - On Monday", "officials said")
    console = Console(file=io.StringIO(), width=200, force_terminal=False)
    render(summary, "text", console, explain=True)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert 'cut "KELSO (Wire) - On Monday", "officials said"' in text
    console = Console(file=io.StringIO(), width=200, force_terminal=False)
    render(summary, "json", console, explain=True)
    candidates = json.loads(console.file.getvalue())["candidates"]  # type: ignore[attr-defined]
    assert candidates[0]["cuts"] == ["KELSO (Wire) - On Monday", "officials said"]
    assert all("cuts" not in c for c in candidates if c["index"] == 2)
    console = Console(file=io.StringIO(), width=200, force_terminal=False)
    render(summary, "rich", console, explain=True)
    assert "officials said" in console.file.getvalue()  # type: ignore[attr-defined]


def test_the_command_line_turns_trimming_on_and_shows_the_cuts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kelso.txt"
    path.write_text(REPORT, encoding="utf-8")
    args = [str(path), "--scorer", "lead", "--words", "30", "--format", "json", "--explain"]
    assert main(args) == 0
    plain = json.loads(capsys.readouterr().out)
    assert main([*args, "--trim"]) == 0
    trimmed = json.loads(capsys.readouterr().out)
    assert main([*args, "--trim", "--no-trim"]) == 0
    assert json.loads(capsys.readouterr().out) == plain
    assert len(trimmed["sentences"]) > len(plain["sentences"])
    assert trimmed["candidates"][0]["cuts"] == ["KELSO (Wire) - On Monday", "officials said"]
    assert all("cuts" not in c for c in plain["candidates"])
