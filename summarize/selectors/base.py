"""The selector interface and the registry that holds every selector by name.

A selector chooses sentences for a budget from a :class:`Pool`: the candidate sentences
(after cleaning and merging, one per group of near-duplicates), their scores from the
scorer, their unit-length tf-idf rows, and the documents that carry each. Selection is
separate from scoring, so any scorer works with any selector. Third-party packages add
selectors through the ``summarize.selectors`` entry-point group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np
import scipy.sparse as sp

from summarize.model import Budget, Sentence
from summarize.registry import Registry
from summarize.selectors.budget import Selection


@dataclass(frozen=True)
class Pool:
    """What a selector chooses from; every field has one entry (or row) per candidate.

    ``cosines``, when the ranking computed them, are the candidates' cosines with each
    other (``rows @ rows.T`` as a dense array); :meth:`similarity` reads them or computes
    them from ``rows``."""

    sentences: tuple[Sentence, ...]
    scores: np.ndarray
    rows: sp.csr_matrix
    sources: tuple[frozenset[str], ...]
    cosines: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.sentences)

    def similarity(self, keep: np.ndarray) -> np.ndarray:
        """The cosines between the candidates ``keep`` (positions), as a new dense array."""
        if self.cosines is not None:
            return self.cosines[np.ix_(keep, keep)]
        rows = self.rows[keep]
        return (rows @ rows.T).toarray()


@runtime_checkable
class Selector(Protocol):
    """Anything with ``select(pool, budget) -> Selection`` that never exceeds ``budget``
    (already resolved: ``sentences``, ``words`` or ``chars``)."""

    def select(self, pool: Pool, budget: Budget) -> Selection: ...


selectors: Registry[Selector] = Registry("selector", entry_point_group="summarize.selectors")
