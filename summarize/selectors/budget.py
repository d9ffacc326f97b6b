"""Choosing sentences under a budget, shared by every scorer.

Greedy by score: the best-scored sentence that still fits the budget and is not a near
duplicate of one already chosen goes in, until nothing else fits. Ties keep input order, so
the result is deterministic. A sentence whose cosine similarity (tf-idf) with a chosen one
reaches ``redundancy`` is never chosen as well.

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
import scipy.sparse as sp

from summarize.errors import SummarizeError
from summarize.model import Budget, Sentence
from summarize.options import ORDERS, describe_budget

ELLIPSIS = "\u2026"
DENSE_ROWS = 2000  # sentences; their similarity matrix takes 32 MB
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


def resolve(budget: Budget, sentences: Sequence[Sentence]) -> Budget:
    """Turn a ``ratio`` budget into a ``words`` budget for these sentences."""
    if budget.ratio is None:
        return budget
    total = sum(s.word_count for s in sentences)
    return Budget(words=max(1, math.ceil(budget.ratio * total)))


def select(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    budget: Budget,
    rows: sp.csr_matrix | None = None,
    *,
    redundancy: float | None = 0.5,
    order: str = "source",
) -> Selection:
    """Pick sentences for ``budget``.

    ``rows`` are unit-length term vectors of the sentences (for the redundancy check, which
    is skipped when ``rows`` or ``redundancy`` is None).
    """
    if order not in ORDERS:
        raise SummarizeError(f"unknown order {order!r}; available: {', '.join(ORDERS)}")
    n = len(sentences)
    if n == 0:
        return Selection(())
    budget = resolve(budget, sentences)
    limit = budget.sentences or budget.words or budget.bytes or budget.chars or 0
    candidates = [int(i) for i in np.lexsort((np.arange(n), -scores))]
    costs = np.array([cost(s, budget) for s in sentences])
    check = redundancy is not None and rows is not None and rows.shape[0] == n

    chosen: list[int] = []
    rows_checked = rows if check else None
    # The highest similarity of every sentence to any chosen one, updated with one row of
    # the similarity matrix per chosen sentence, so checking a candidate costs nothing. A
    # few thousand sentences get the whole matrix at once; more, one sparse product a row.
    gram = (
        (rows_checked @ rows_checked.T).toarray()
        if rows_checked is not None and n <= DENSE_ROWS
        else None
    )
    closest = np.zeros(n)
    remaining = limit
    cheapest = int(costs.min())
    for i in candidates:
        if remaining < cheapest:
            break
        if costs[i] > remaining or costs[i] == 0:
            continue
        if check and closest[i] >= redundancy:
            continue
        chosen.append(int(i))
        if gram is not None:
            np.maximum(closest, gram[i], out=closest)
        elif rows_checked is not None:
            similarity = rows_checked @ rows_checked[i].T
            closest = np.maximum(closest, similarity.toarray().ravel())
        remaining -= int(costs[i])

    if not chosen:
        if not candidates:
            return Selection(())
        return _cut(sentences[candidates[0]], candidates[0], budget)
    if order == "source":
        chosen.sort()
    return Selection(tuple(chosen))


def _cut(sentence: Sentence, position: int, budget: Budget) -> Selection:
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
