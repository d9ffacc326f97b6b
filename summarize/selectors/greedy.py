"""Greedy selection by score with a redundancy check: what every peer tool does."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Budget
from ..select import Selection, select
from .base import Pool, selectors


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
