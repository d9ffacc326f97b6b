"""Greedy selection by score with a redundancy check: what every peer tool does."""

from __future__ import annotations

from dataclasses import dataclass

from summarize.model import Budget
from summarize.selectors.base import Pool, selectors
from summarize.selectors.budget import Selection, select


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
        )
