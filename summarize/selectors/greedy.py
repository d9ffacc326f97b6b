"""Greedy selection by score with a redundancy check: what every peer tool does.

The best-scored sentence that still fits the budget and is not a near duplicate of one
already chosen goes in, until nothing else fits. Ties keep input order, so the result is
deterministic. A sentence whose cosine similarity (tf-idf) with a chosen one reaches
``redundancy`` is never chosen as well. When nothing whole fits, the best sentence is cut
(:func:`summarize.selectors.budget.cut`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from summarize.errors import SummarizeError
from summarize.model import Budget, Sentence
from summarize.options import ORDERS
from summarize.selectors.base import Pool, selectors
from summarize.selectors.budget import Selection, cut, resolve
from summarize.selectors.budget import costs as costs_of

DENSE_ROWS = 2000  # sentences; their similarity matrix takes 32 MB


@selectors.register("greedy")
@dataclass(frozen=True)
class Greedy:
    """Best score first while it fits; skip a sentence whose cosine with a chosen one
    reaches ``redundancy`` (None: no check)."""

    redundancy: float | None = 0.5

    def select(self, pool: Pool, budget: Budget) -> Selection:
        return select(
            pool.sentences,
            pool.scores,
            budget,
            pool.rows,
            redundancy=self.redundancy,
            order="score",
            cosines=pool.cosines,
        )


def select(
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    budget: Budget,
    rows: sp.csr_matrix | None = None,
    *,
    redundancy: float | None = 0.5,
    order: str = "source",
    cosines: np.ndarray | None = None,
) -> Selection:
    """Pick sentences for ``budget``.

    ``rows`` are unit-length term vectors of the sentences (for the redundancy check, which
    is skipped when ``rows`` or ``redundancy`` is None); ``cosines``, when the caller has
    them, are their products (every pair's cosine), read instead of computed again.
    """
    if order not in ORDERS:
        raise SummarizeError(f"unknown order {order!r}; available: {', '.join(ORDERS)}")
    n = len(sentences)
    if n == 0:
        return Selection(())
    budget = resolve(budget, sentences)
    limit = budget.sentences or budget.words or budget.bytes or budget.chars or 0
    candidates = [int(i) for i in np.lexsort((np.arange(n), -scores))]
    costs = costs_of(sentences, budget)
    check = redundancy is not None and rows is not None and rows.shape[0] == n

    chosen: list[int] = []
    rows_checked = rows if check else None
    # The highest similarity of every sentence to any chosen one, updated with one row of
    # the similarity matrix per chosen sentence, so checking a candidate costs nothing. A
    # few thousand sentences get the whole matrix at once; more, one sparse product a row.
    gram = None
    if rows_checked is not None and cosines is not None:
        gram = cosines
    elif rows_checked is not None and n <= DENSE_ROWS:
        gram = (rows_checked @ rows_checked.T).toarray()
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
        return cut(sentences[candidates[0]], candidates[0], budget)
    if order == "source":
        chosen.sort()
    return Selection(tuple(chosen))
