"""Budgeted selection: never over budget, no near-duplicates, deterministic order."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.model import Budget
from summarize.selectors.budget import BYTES_PER_WORD, ELLIPSIS, cost, resolve
from summarize.selectors.greedy import select
from summarize.text.features import tfidf

from .conftest import make_sentences

TEXTS = [
    "The river flooded the lower town after three days of rain.",  # 11 words
    "Rescue teams moved two hundred families to the school gym.",  # 10 words
    "The river flooded the lower town after three long days of rain.",  # near-duplicate of 0
    "Officials expect the water to fall by Friday.",  # 8 words
    "Schools stay closed.",  # 3 words
]


def _pick(budget: Budget, scores: list[float], **kwargs: object) -> tuple[int, ...]:
    sentences = make_sentences(TEXTS)
    return select(sentences, np.array(scores), budget, tfidf(sentences), **kwargs).indices


def test_sentence_budget_takes_the_best_in_source_order() -> None:
    assert _pick(Budget(sentences=2), [0.1, 0.9, 0.2, 0.8, 0.3]) == (1, 3)


def test_score_order_on_request() -> None:
    assert _pick(Budget(sentences=2), [0.1, 0.8, 0.2, 0.9, 0.3], order="score") == (3, 1)
    assert _pick(Budget(sentences=2), [0.1, 0.8, 0.2, 0.9, 0.3]) == (1, 3)


def test_near_duplicates_are_never_both_chosen() -> None:
    chosen = _pick(Budget(sentences=3), [1.0, 0.1, 0.99, 0.2, 0.3])
    assert 0 in chosen and 2 not in chosen
    # Without the redundancy check both would be taken.
    assert 2 in _pick(Budget(sentences=3), [1.0, 0.1, 0.99, 0.2, 0.3], redundancy=None)


def test_word_budget_skips_what_does_not_fit_and_fills_with_shorter() -> None:
    # 14 words: the 11-word best does not leave room for 10 or 8, but the 3-word one fits.
    assert _pick(Budget(words=14), [1.0, 0.9, 0.0, 0.8, 0.1]) == (0, 4)


@pytest.mark.parametrize("limit", range(3, 60, 4))
def test_words_and_chars_budgets_are_never_exceeded(limit: int) -> None:
    sentences = make_sentences(TEXTS)
    rng = np.random.default_rng(limit)
    for budget in (Budget(words=limit), Budget(bytes=limit * 6)):
        picked = select(sentences, rng.random(len(TEXTS)), budget, tfidf(sentences))
        if picked.truncated is not None:
            texts = [picked.truncated]
        else:
            texts = [sentences[i].text for i in picked.indices]
        if budget.words:
            assert sum(len(t.split()) for t in texts) <= limit
        else:
            assert sum(len(t.encode()) for t in texts) <= limit * 6


def test_ties_break_by_input_order() -> None:
    assert _pick(Budget(sentences=2), [0.5] * 5) == (0, 1)


def test_chars_budget_below_every_sentence_cuts_the_best_at_a_word() -> None:
    sentences = make_sentences(TEXTS)
    picked = select(sentences, np.array([0.1, 0.9, 0.2, 0.3, 0.0]), Budget(bytes=20), None)
    # The shortest sentence (20 bytes) fits, so no cut is needed for 20.
    assert picked.indices == (4,) and picked.truncated is None
    picked = select(sentences, np.array([0.1, 0.9, 0.2, 0.3, 0.0]), Budget(bytes=18), None)
    assert picked.indices == (1,)
    assert picked.truncated == "Rescue teams" + ELLIPSIS  # 12 bytes + 3 for the ellipsis
    assert len(picked.truncated.encode()) <= 18
    assert picked.notes and "cut at a word boundary" in picked.notes[0]


def test_word_budget_below_every_sentence_cuts_to_that_many_words() -> None:
    sentences = make_sentences(TEXTS[:2])
    picked = select(sentences, np.array([1.0, 0.5]), Budget(words=4), None)
    assert picked.truncated == "The river flooded the" + ELLIPSIS


def test_a_chars_budget_counts_characters_not_bytes() -> None:
    sentences = make_sentences(["Ça va très bien.", "Élan vital, déjà vu."])
    # 16 and 20 characters, 19 and 23 bytes: both fit 36 characters, not 36 bytes.
    picked = select(sentences, np.array([1.0, 0.9]), Budget(chars=36), None)
    assert picked.indices == (0, 1)
    picked = select(sentences, np.array([1.0, 0.9]), Budget(bytes=36), None)
    assert picked.indices == (0,)


def test_a_cut_to_a_chars_budget_counts_characters() -> None:
    sentences = make_sentences(["Éléphants écoutèrent régulièrement leurs aînés ici."])
    picked = select(sentences, np.array([1.0]), Budget(chars=25), None)
    assert picked.truncated == "Éléphants écoutèrent…"  # 21 characters, 27 bytes
    assert "25 characters" in picked.notes[0]


def test_impossible_budget_is_a_clear_error() -> None:
    sentences = make_sentences(["Unquestionably, everything changed."])
    with pytest.raises(SummarizeError, match="cannot meet a budget of 3 bytes"):
        select(sentences, np.array([1.0]), Budget(bytes=3), None)


def test_a_first_word_longer_than_the_budget_is_cut_inside() -> None:
    sentences = make_sentences(["Unquestionably, everything changed."])
    picked = select(sentences, np.array([1.0]), Budget(bytes=5), None)
    assert picked.truncated == "Un" + ELLIPSIS
    assert "inside its first word" in picked.notes[0]


def test_a_words_budget_bounds_the_bytes_of_one_giant_word() -> None:
    sentences = make_sentences(["z" * 2_000_000])
    picked = select(sentences, np.array([1.0]), Budget(words=100), None)
    assert picked.truncated is not None
    assert len(picked.truncated.encode()) <= 100 * BYTES_PER_WORD


def test_a_words_budget_bounds_the_bytes_of_long_tokens() -> None:
    long_words = " ".join(["https://example.org/" + "x" * 80] * 10) + "."
    sentences = make_sentences([long_words, long_words.replace("x", "y"), TEXTS[0]])
    picked = select(sentences, np.array([1.0, 0.9, 0.1]), Budget(words=40), None)
    chosen = [sentences[i] for i in picked.indices]
    assert sum(s.byte_count for s in chosen) <= 40 * BYTES_PER_WORD
    assert sum(s.word_count for s in chosen) <= 40
    # ordinary prose is counted in words, as before
    assert cost(sentences[2], Budget(words=40)) == sentences[2].word_count


def test_the_cli_output_of_a_giant_word_is_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "giant.txt"
    path.write_text("q" * 2_000_000 + "\n", encoding="utf-8")
    for selector in ("greedy", "submodular", "ilp"):
        assert main([str(path), "--words", "100", "--selector", selector, "--format", "text"]) == 0
        out = capsys.readouterr().out
        assert 0 < len(out.encode()) <= 100 * BYTES_PER_WORD + 200, selector


def test_ratio_is_a_share_of_the_input_words() -> None:
    sentences = make_sentences(TEXTS)  # 11 + 10 + 12 + 8 + 3 = 44 words
    assert resolve(Budget(ratio=0.25), sentences) == Budget(words=11)


def test_empty_input_selects_nothing() -> None:
    assert select([], np.zeros(0), Budget(words=10), None).indices == ()


@pytest.mark.parametrize(
    "kwargs", [{}, {"words": 0}, {"sentences": -1}, {"ratio": 1.5}, {"words": 5, "chars": 9}]
)
def test_bad_budgets_are_rejected(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        Budget(**kwargs)
