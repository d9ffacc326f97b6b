"""The contract every registered scorer keeps, built-in, sumy-backed or plug-in."""

from __future__ import annotations

import numpy as np
import pytest

from summarize.errors import SummarizeError
from summarize.scorers import Scorer, scorers

from .conftest import make_sentences

NAMES = scorers.names()

NEWS = [
    "The council approved the new budget for the city parks on Tuesday.",
    "Parks will get more money for trees, benches and paths under the budget.",
    "The mayor said the budget was the largest investment in parks in a decade.",
    "Opponents argued the money should go to road repairs instead.",
    "A vote on road repairs is expected next month.",
    "Residents at the meeting applauded the decision on the parks.",
]


def create(name: str) -> Scorer:
    """The scorer ``name`` with no parameters, except that one declaring
    ``needs_references`` (the oracle) gets a reference summary."""
    if getattr(scorers.get(name), "needs_references", False):
        return scorers.create(name, references=(NEWS[1],))
    return scorers.create(name)


def _check(values: np.ndarray, n: int) -> None:
    assert isinstance(values, np.ndarray)
    assert values.shape == (n,)
    assert np.all(np.isfinite(values))


def test_builtin_scorers_are_registered() -> None:
    for name in (
        "lead",
        "textrank",
        "lsa",
        "lexrank",
        "sumy-lsa",
        "sumy-lexrank",
        "sumy-textrank",
        "sumy-edmundson",
        "sumy-luhn",
    ):
        assert name in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_empty_input(name: str) -> None:
    _check(create(name).scores([]), 0)


@pytest.mark.parametrize("name", NAMES)
def test_one_sentence(name: str) -> None:
    _check(create(name).scores(make_sentences(NEWS[:1])), 1)


@pytest.mark.parametrize("name", NAMES)
def test_realistic_input_and_determinism(name: str) -> None:
    sentences = make_sentences(NEWS)
    first = create(name).scores(sentences)
    _check(first, len(NEWS))
    np.testing.assert_array_equal(first, create(name).scores(sentences))


@pytest.mark.parametrize("name", NAMES)
def test_same_sentence_from_two_sources(name: str) -> None:
    a = make_sentences(NEWS[:3], doc="a")
    b = make_sentences([NEWS[0], NEWS[3], NEWS[4]], doc="b")
    values = create(name).scores(a + b)
    _check(values, 6)
    # Two sentences, one text: each keeps its own score, and they agree.
    assert values[0] == pytest.approx(values[3])


@pytest.mark.parametrize("name", NAMES)
def test_sentences_without_terms(name: str) -> None:
    sentences = make_sentences(["...", "It is.", NEWS[0]])
    _check(create(name).scores(sentences), 3)


@pytest.mark.parametrize("name", NAMES)
def test_non_english_letters(name: str) -> None:
    texts = [
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.",
        "Правительство объявило о новых мерах для экономики.",
        "Le gouvernement a annoncé des mesures économiques à Besançon.",
        "東京で新しい経済対策が発表された。",
        "Die Regierung kündigte neue Maßnahmen für die Wirtschaft an.",
    ]
    _check(create(name).scores(make_sentences(texts)), len(texts))


@pytest.fixture(scope="module")
def ten_thousand() -> list:
    rng = np.random.default_rng(0)
    vocabulary = [f"word{i}" for i in range(3000)]
    texts = [
        " ".join(rng.choice(vocabulary, size=rng.integers(5, 25))) + "." for _ in range(10_000)
    ]
    return make_sentences(texts)


@pytest.mark.parametrize("name", NAMES)
def test_ten_thousand_sentences(name: str, ten_thousand: list) -> None:
    """Scores for every sentence, or a clear refusal; never a hang (speed: see benchmarks/)."""
    scorer = create(name)
    try:
        values = scorer.scores(ten_thousand)
    except SummarizeError as exc:
        assert "sentences" in str(exc)
        return
    _check(values, len(ten_thousand))


def test_unknown_scorer_lists_the_available_ones() -> None:
    with pytest.raises(SummarizeError, match=r"available: .*lexrank.*textrank"):
        scorers.create("no-such-scorer")
