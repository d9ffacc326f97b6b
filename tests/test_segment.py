"""Sentence segmentation: paragraphs, wrapped lines, standalone lines, Punkt edge cases, titles."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from summarize.text.segment import Unit, segment, split_title

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "russia-syria-withdrawal"


def texts(text: str) -> list[str]:
    return [unit.text for unit in segment(text)]


# --- paragraphs and whitespace ----------------------------------------------------------------


def test_empty_and_blank_text_give_no_units() -> None:
    assert segment("") == []
    assert segment("   \n\n \t \r\n\u00a0\n") == []


def test_paragraphs_are_numbered_in_order() -> None:
    text = "First one. Second one.\n\n\n  \nThird one.\n \t\nFourth one."
    assert segment(text) == [
        Unit("First one.", 0, False),
        Unit("Second one.", 0, False),
        Unit("Third one.", 1, False),
        Unit("Fourth one.", 2, False),
    ]


def test_paragraph_numbers_skip_paragraphs_without_words() -> None:
    assert segment("* * *\n\nReal text here.\n\n...\n\nMore text.") == [
        Unit("Real text here.", 0, False),
        Unit("More text.", 1, False),
    ]


def test_crlf_and_lone_cr_line_endings() -> None:
    text = (
        "Title line\r\n\r\nThe talks ended\r\nlate on Monday.\r\rA second paragraph.\rIt goes on."
    )
    assert segment(text) == [
        Unit("Title line", 0, True),
        Unit("The talks ended late on Monday.", 1, False),
        Unit("A second paragraph.", 2, False),
        Unit("It goes on.", 2, False),
    ]


def test_whitespace_is_normalised_and_nbsp_is_a_space() -> None:
    text = "  The\u00a0talks \t ended\u00a0\u00a0on   Monday.\u00a0 They\u00a0resume today. \u00a0"
    assert texts(text) == ["The talks ended on Monday.", "They resume today."]


def test_punctuation_only_units_are_dropped() -> None:
    assert texts("It ended. ... !!! He left.\n\n***\n\n--") == ["It ended.", "He left."]


# --- line joining and standalone lines ----------------------------------------------------------

WIRE = (
    "MOSCOW, Dec 11 (Reuters) - Russian troops will leave Syria, President\n"
    "Vladimir Putin said on Monday during a visit to the Khmeimim base,\n"
    "saying the task of fighting militants there had been largely\n"
    "accomplished. Officials at the Pentagon and in the U.S.\n"
    "Army said they doubted the move, and Gen. Joseph Votel said\n"
    "it was too early to judge. Moscow first sent warplanes to the\n"
    "region in September 2015.\n"
)


def test_hard_wrapped_wire_copy_is_joined() -> None:
    assert segment(WIRE) == [
        Unit(
            "MOSCOW, Dec 11 (Reuters) - Russian troops will leave Syria, President Vladimir "
            "Putin said on Monday during a visit to the Khmeimim base, saying the task of "
            "fighting militants there had been largely accomplished.",
            0,
            False,
        ),
        Unit(
            "Officials at the Pentagon and in the U.S. Army said they doubted the move, and "
            "Gen. Joseph Votel said it was too early to judge.",
            0,
            False,
        ),
        Unit("Moscow first sent warplanes to the region in September 2015.", 0, False),
    ]


def test_title_line_above_wire_copy_stays_standalone() -> None:
    units = segment("PUTIN ORDERS SYRIA PULLOUT\n" + WIRE)
    assert units[0] == Unit("PUTIN ORDERS SYRIA PULLOUT", 0, True)
    assert units[1].text.startswith("MOSCOW, Dec 11 (Reuters) - Russian troops will leave Syria")
    assert not units[1].standalone
    assert len(units) == 4


def test_line_ending_in_abbreviation_continues() -> None:
    text = "The report was sent to Gen.\nJoseph Votel and Mr.\nSmith on Monday."
    assert texts(text) == ["The report was sent to Gen. Joseph Votel and Mr. Smith on Monday."]


def test_short_line_ending_in_period_ends_there() -> None:
    text = "TRT World's reporter files.\nLoading...\nThe visit was his first trip."
    assert segment(text) == [
        Unit("TRT World's reporter files.", 0, False),
        Unit("Loading...", 0, True),
        Unit("The visit was his first trip.", 0, False),
    ]


def test_next_line_starting_lower_case_continues() -> None:
    assert texts("He said the talks, which began in\nGeneva, had failed.") == [
        "He said the talks, which began in Geneva, had failed."
    ]
    assert texts("Putin visited the base\nand spoke to troops.") == [
        "Putin visited the base and spoke to troops."
    ]


def test_hyphenated_line_end_is_joined_without_space() -> None:
    assert texts("It was a well-\nknown plan to kick-\nstart the talks.") == [
        "It was a well-known plan to kick-start the talks."
    ]


def test_caption_and_credit_lines_stay_separate() -> None:
    text = (
        "Putin and Assad meet servicemen at the Khmeimim air base in Latakia, Syria.\n"
        "Reuters\n\n"
        "Photo: Vladimir Putin\n"
        "Putin spoke to the troops at the base on Monday."
    )
    assert segment(text) == [
        Unit(
            "Putin and Assad meet servicemen at the Khmeimim air base in Latakia, Syria.", 0, False
        ),
        Unit("Reuters", 0, True),
        Unit("Photo: Vladimir Putin", 1, True),
        Unit("Putin spoke to the troops at the base on Monday.", 1, False),
    ]


def test_short_lines_without_punctuation_are_not_run_together() -> None:
    text = (
        "Putin visits Syria base in a surprise trip on Monday\n"
        "Trump says Russian comments do not match troop cuts\n"
        "Syrian peace process"
    )
    assert segment(text) == [
        Unit("Putin visits Syria base in a surprise trip on Monday", 0, True),
        Unit("Trump says Russian comments do not match troop cuts", 0, True),
        Unit("Syrian peace process", 0, True),
    ]


@pytest.mark.parametrize(
    "line",
    ["Loading...", "Route 6", "Syrian peace process", "Image: Vladimir Putin", "'Task solved'"],
)
def test_single_short_line_paragraph_is_standalone(line: str) -> None:
    assert segment(f"The base was busy.\n\n{line}\n\nPutin left.") == [
        Unit("The base was busy.", 0, False),
        Unit(line, 1, True),
        Unit("Putin left.", 2, False),
    ]


def test_single_line_full_sentence_is_not_standalone() -> None:
    assert segment("TRT World's Philip Owira reports.") == [
        Unit("TRT World's Philip Owira reports.", 0, False)
    ]
    assert segment("Why did he go?") == [Unit("Why did he go?", 0, False)]


def test_long_line_without_final_punctuation_is_prose() -> None:
    line = " ".join(["word"] * 40)
    assert segment(line) == [Unit(line, 0, False)]


def test_bulleted_lines_are_not_joined() -> None:
    assert texts("Key points:\n- troops leave\n- bases stay\n* talks resume") == [
        "Key points:",
        "- troops leave",
        "- bases stay",
        "* talks resume",
    ]


# --- Punkt edge cases ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Mrs. Jones and Dr. Brown. They talked.",
            ["Mr. Smith met Mrs. Jones and Dr. Brown.", "They talked."],
        ),
        (
            "Gen. Mattis and Lt. Col. Hill spoke to Sen. Will Smith. He agreed.",
            ["Gen. Mattis and Lt. Col. Hill spoke to Sen. Will Smith.", "He agreed."],
        ),
        (
            "The U.S. economy grew. The U.K. and the U.N. did not.",
            ["The U.S. economy grew.", "The U.K. and the U.N. did not."],
        ),
        (
            "He moved to the U.S. The weather was bad.",
            ["He moved to the U.S.", "The weather was bad."],
        ),
        ("The U.S. Army left.", ["The U.S. Army left."]),
        (
            "Talks began on Sep. 5 and ended Oct. 2. A deal followed in Jan. The end.",
            ["Talks began on Sep. 5 and ended Oct. 2.", "A deal followed in Jan.", "The end."],
        ),
        (
            "Acme Inc. and Widget Corp. merged, e.g. in Europe. Smith vs. Jones failed.",
            ["Acme Inc. and Widget Corp. merged, e.g. in Europe.", "Smith vs. Jones failed."],
        ),
        (
            "It starts at 5 p.m. on Monday. Fruit, nuts, etc. are sold.",
            ["It starts at 5 p.m. on Monday.", "Fruit, nuts, etc. are sold."],
        ),
        (
            "He lives at No. 10 in St. Petersburg. The answer was no. He left.",
            ["He lives at No. 10 in St. Petersburg.", "The answer was no.", "He left."],
        ),
        (
            "Martin Luther King Jr. was born in 1929. He died in 1968.",
            ["Martin Luther King Jr. was born in 1929.", "He died in 1968."],
        ),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_title_abbreviations_never_end_a_sentence() -> None:
    # Punkt alone would break before "Who" and "The", common sentence starters.
    assert texts("Dr. Who visited. Papers, e.g. The Times, agreed.") == [
        "Dr. Who visited.",
        "Papers, e.g. The Times, agreed.",
    ]


def test_initials() -> None:
    assert texts("J. R. R. Tolkien wrote it. George W. Bush read it. Plan B. The end.") == [
        "J. R. R. Tolkien wrote it.",
        "George W. Bush read it.",
        "Plan B.",
        "The end.",
    ]


def test_decimals_and_money() -> None:
    text = "Revenue rose to $10.9bn, up 3.5% on the year. Shares gained 2.75 per cent to 14.20."
    assert texts(text) == [
        "Revenue rose to $10.9bn, up 3.5% on the year.",
        "Shares gained 2.75 per cent to 14.20.",
    ]


def test_quote_endings() -> None:
    assert texts('"It is over," he said. "I won." He left.') == [
        '"It is over," he said.',
        '"I won."',
        "He left.",
    ]
    assert texts("\u201cI won.\u201d He left. \u201cI congratulate you!\u201d he said.") == [
        "\u201cI won.\u201d",
        "He left.",
        "\u201cI congratulate you!\u201d he said.",
    ]
    assert texts('"Stop." he shouted. Nobody did.') == ['"Stop." he shouted.', "Nobody did."]


def test_wire_style_backtick_quotes() -> None:
    assert texts("``It is over,'' he said. ``We lost.'' Then he left.") == [
        "``It is over,'' he said.",
        "``We lost.''",
        "Then he left.",
    ]


def test_sentence_ending_in_bracket() -> None:
    assert texts("He spoke (in private). (The talks failed.) Then he left.") == [
        "He spoke (in private).",
        "(The talks failed.)",
        "Then he left.",
    ]


def test_ellipses() -> None:
    assert texts("He paused... and went on. He stopped... Then he left.") == [
        "He paused... and went on.",
        "He stopped...",
        "Then he left.",
    ]
    assert texts("He paused\u2026 and went on. He stopped\u2026 Then he left.") == [
        "He paused\u2026 and went on.",
        "He stopped\u2026",
        "Then he left.",
    ]


def test_question_and_exclamation_marks() -> None:
    assert texts('Why? Nobody knows! "Really?" she asked. It is odd!!! Yes.') == [
        "Why?",
        "Nobody knows!",
        '"Really?" she asked.',
        "It is odd!!!",
        "Yes.",
    ]


def test_other_languages_use_the_same_rules() -> None:
    assert texts("Mr. Smith left. He came back.") == [
        u.text for u in segment("Mr. Smith left. He came back.", "german")
    ]


# --- split_title ------------------------------------------------------------------------------


def test_split_title_headline_followed_by_blank_line() -> None:
    text = "Vladimir Putin considers withdrawing troops\n\nPutin spoke on Monday.\n"
    assert split_title(text) == (
        "Vladimir Putin considers withdrawing troops",
        "\nPutin spoke on Monday.\n",
    )


def test_split_title_directly_above_body() -> None:
    text = "PUTIN ORDERS SYRIA PULLOUT\n" + WIRE
    assert split_title(text) == ("PUTIN ORDERS SYRIA PULLOUT", WIRE)


def test_split_title_skips_leading_blank_lines_and_handles_crlf() -> None:
    text = "\r\n  \r\n  Russia begins   withdrawal\u00a0 \r\n\r\nBody text here.\r\n"
    assert split_title(text) == ("Russia begins withdrawal", "\r\n  \r\n\r\nBody text here.\r\n")


def test_split_title_short_question_is_a_headline() -> None:
    assert split_title("Is Putin leaving Syria?\n\nMaybe.") == (
        "Is Putin leaving Syria?",
        "\nMaybe.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        "President Vladimir Putin has ordered the withdrawal of a significant part of "
        "Russia's military in Syria.\n\nMore text.",
        "Putin left Syria.\n\nMore text.",
        "Loading...\n\nMore text.",
        "Will the withdrawal of Russian troops from Syria really change anything on the "
        "ground for the civilians there?\n\nMore text.",
        " ".join(["word"] * 25) + "\n\nMore text.",
        "Putin said the talks, which began in\nGeneva, had failed.",
        "Key points:\n\n- troops leave",
        "A headline with no body",
        "Headline\n\n***",
    ],
)
def test_split_title_negative(text: str) -> None:
    assert split_title(text) == (None, text)


# --- sample articles ----------------------------------------------------------------------------


def test_sample_titles_and_standalone_lines() -> None:
    putin = (SAMPLES / "putin-considers-withdrawing-troops.txt").read_text(encoding="utf-8")
    russia = (SAMPLES / "russia-begins-withdrawal-us-sceptical.txt").read_text(encoding="utf-8")
    assert split_title(putin)[0] == "Vladimir Putin considers withdrawing Russian troops from Syria"
    assert split_title(russia)[0] == (
        "Russia says it has begun a military withdrawal from Syria, US sceptical"
    )

    units = segment(split_title(russia)[1])
    loading = [u for u in units if u.text == "Loading..."]
    assert len(loading) == 3
    assert all(u.standalone for u in loading)
    assert Unit("Reuters", 1, True) in units
    assert units[-1].text == "Route 6" and units[-1].standalone


def test_sample_units_are_clean() -> None:
    for path in sorted(SAMPLES.glob("*.txt")):
        units = segment(path.read_text(encoding="utf-8"))
        assert units
        paragraphs = [u.paragraph for u in units]
        assert paragraphs == sorted(paragraphs)
        for unit in units:
            assert unit.text == " ".join(unit.text.split())
            assert "\u00a0" not in unit.text
            assert any(ch.isalnum() for ch in unit.text)
            if not unit.standalone:
                assert unit.text[-1] in ".!?\"'\u201d\u2019)", unit.text


# --- robustness ---------------------------------------------------------------------------------


def test_huge_line_without_punctuation_is_fast() -> None:
    line = ("word " * 20_000).strip()
    assert len(line) >= 99_999
    start = time.perf_counter()
    units = segment(line)
    assert time.perf_counter() - start < 2.0
    assert units == [Unit(line, 0, False)]


def test_huge_unbroken_string_is_fast() -> None:
    start = time.perf_counter()
    assert texts("x" * 100_000) == ["x" * 100_000]
    assert texts("." * 100_000) == []
    assert split_title("x" * 100_000) == (None, "x" * 100_000)
    assert time.perf_counter() - start < 2.0


def test_many_paragraphs_are_fast() -> None:
    paragraph = (
        "Mr. Putin ordered troops home from Syria on Monday, the Kremlin said.\n"
        "The U.S. was sceptical. \u201cWe will see,\u201d an official said.\n\n"
    )
    text = paragraph * 4_000  # about 100,000 words
    start = time.perf_counter()
    units = segment(text)
    assert time.perf_counter() - start < 5.0
    assert len(units) == 12_000


# --- quotes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'She asked "What does a tidy harbour look like?"This is what a tidy harbour '
            "looks like.",
            [
                'She asked "What does a tidy harbour look like?"',
                "This is what a tidy harbour looks like.",
            ],
        ),
        (
            "He wrote \u201cWhere did the ferry go?\u201d)Nobody on the pier could say.",
            ["He wrote \u201cWhere did the ferry go?\u201d)", "Nobody on the pier could say."],
        ),
    ],
)
def test_no_sentence_starts_with_the_quote_closing_the_one_before(
    text: str, expected: list[str]
) -> None:
    assert texts(text) == expected


def test_a_quote_opening_a_sentence_stays_with_it() -> None:
    assert texts('The mayor said "It is over." "We won," she added.') == [
        'The mayor said "It is over."',
        '"We won," she added.',
    ]


def test_invisible_characters_leave_no_trace_in_the_sentences() -> None:
    text = (
        "The \u00adbridge reopened on Monday after repairs.\u200b It carries "
        "two lanes.\n\n\ufeffTraffic was light in the morning."
    )
    assert [unit.text for unit in segment(text)] == [
        "The bridge reopened on Monday after repairs.",
        "It carries two lanes.",
        "Traffic was light in the morning.",
    ]
