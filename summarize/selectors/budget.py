"""What a budget allows, shared by every selector: the :class:`Selection` they return, what
one sentence costs (:func:`cost`), a ``ratio`` resolved to words (:func:`resolve`), and the
best sentence cut to fit when nothing whole does (:func:`cut`).

When no whole sentence fits a ``words`` or ``chars`` budget, the best sentence is cut at a
word boundary and ends with an ellipsis, and the selection says so in a note; a single word
longer than the whole budget is cut inside the word.

A ``words`` budget also bounds the size of the text, whatever its tokens: a sentence costs
its words or its UTF-8 bytes divided by :data:`BYTES_PER_WORD` (rounded up), whichever is
more, so ``N`` words of budget never give more than ``30 N`` bytes. Ordinary prose (five or
six bytes a word) is counted in words exactly as before; a sentence of URLs or of one
two-million-character "word" is counted by its size.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from summarize.errors import SummarizeError
from summarize.model import Budget, Sentence
from summarize.options import describe_budget

ELLIPSIS = "\u2026"
BYTES_PER_WORD = 30
"""Bytes of text one word of a ``words`` budget allows, on average over the output."""


@dataclass(frozen=True)
class Selection:
    """Chosen sentence positions (into the input sequence) in output order.

    ``truncated`` is set when the budget forced the only chosen sentence to be cut: it is
    the text to show in place of that sentence.
    """

    indices: tuple[int, ...]
    truncated: str | None = None
    notes: tuple[str, ...] = ()


def cost(sentence: Sentence, budget: Budget) -> int:
    """What one sentence uses of ``budget`` (after ``ratio`` was resolved to words)."""
    if budget.sentences is not None:
        return 1
    if budget.bytes is not None:
        return sentence.byte_count
    if budget.chars is not None:
        return len(sentence.text)
    return max(sentence.word_count, -(-sentence.byte_count // BYTES_PER_WORD))


def costs(sentences: Sequence[Sentence], budget: Budget) -> np.ndarray:
    """:func:`cost` of every sentence, as floats."""
    return np.array([cost(s, budget) for s in sentences], dtype=np.float64)


def resolve(budget: Budget, sentences: Sequence[Sentence]) -> Budget:
    """Turn a ``ratio`` budget into a ``words`` budget for these sentences."""
    if budget.ratio is None:
        return budget
    total = sum(s.word_count for s in sentences)
    return Budget(words=max(1, math.ceil(budget.ratio * total)))


def cut(sentence: Sentence, position: int, budget: Budget) -> Selection:
    """The sentence cut at a word boundary to fit ``budget``, ending with an ellipsis (inside
    the first word when even that is too long)."""
    words = sentence.text.split()
    if budget.words is not None:
        words = words[: budget.words]
        limit = budget.words * BYTES_PER_WORD
        size: Callable[[str], int] = _byte_length
    else:
        size = _char_length if budget.chars is not None else _byte_length
        limit = budget.bytes or budget.chars or 0
    room = limit - size(ELLIPSIS)
    kept: list[str] = []
    used = -1  # the first word needs no joining space
    for word in words:
        used += 1 + size(word)
        if used > room:
            break
        kept.append(word)
    where = "at a word boundary"
    if not kept and words:
        first = _prefix(words[0], max(0, room), characters=size is _char_length)
        kept = [first] if first else []
        where = "inside its first word, which alone is longer than the budget"
    if not kept:
        raise SummarizeError(
            f"cannot meet a budget of {describe_budget(budget)}: it is too small for any text"
        )
    text = " ".join(kept).rstrip(",;:-") + ELLIPSIS
    note = (
        f"no whole sentence fits a budget of {describe_budget(budget)}; "
        f"the best sentence was cut {where}"
    )
    return Selection((position,), truncated=text, notes=(note,))


def _prefix(word: str, room: int, *, characters: bool) -> str:
    """The longest start of ``word`` within ``room`` characters (or UTF-8 bytes)."""
    if characters:
        return word[:room]
    return word.encode("utf-8")[:room].decode("utf-8", errors="ignore")


def _char_length(text: str) -> int:
    return len(text)


def _byte_length(text: str) -> int:
    return len(text.encode("utf-8"))
