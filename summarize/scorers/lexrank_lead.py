"""LexRank with a lead prior: centrality in the story, tempered by position in the source.

News puts the main facts first, so position is strong evidence of importance, but taking
only the first sentences ignores what the sources agree on. This scorer mixes continuous
LexRank centrality (scaled so the most central sentence scores 1) with the position prior
``1 / (1 + position) ** power``, position counted within each document:

    score = (1 - weight) * centrality + weight * prior

The two parameters were chosen by the grid search in ``benchmarks/tune.py`` on the
development sets; the result is flat over a wide range of ``weight`` (see
``benchmarks/RESULTS.md``), which is why one middle value serves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from summarize.model import Sentence
from summarize.scorers.base import scorers
from summarize.scorers.lead import Lead
from summarize.scorers.lexrank import LexRank


@scorers.register("lexrank-lead")
@dataclass(frozen=True)
class LexRankLead:
    """Continuous LexRank mixed with a position prior; ``weight`` 0 is pure LexRank."""

    weight: float = 0.2
    power: float = 0.5

    def scores(
        self, sentences: Sequence[Sentence], rows: sp.csr_matrix | None = None
    ) -> np.ndarray:
        """``rows``: the sentences' tf-idf rows when already computed."""
        centrality = LexRank(threshold=None).scores(sentences, rows)
        top = centrality.max() if centrality.size else 0.0
        if top > 0:
            centrality = centrality / top
        prior = Lead().scores(sentences) ** self.power
        return (1.0 - self.weight) * centrality + self.weight * prior
