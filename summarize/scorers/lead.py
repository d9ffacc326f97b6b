"""Lead: position in the source as the score, the strongest simple baseline for news.

The first sentence of every document scores 1, the second 1/2, and so on, so with several
documents selection takes the first sentence of each document in turn, then the second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarize.model import Sentence
from summarize.scorers.base import scorers


@scorers.register("lead")
@dataclass(frozen=True)
class Lead:
    """Score ``1 / (1 + position)``, the position counted within each document."""

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
        seen: dict[str, int] = {}
        positions = np.empty(len(sentences))
        for i, sentence in enumerate(sentences):
            positions[i] = seen.get(sentence.doc, 0)
            seen[sentence.doc] = int(positions[i]) + 1
        return 1.0 / (1.0 + positions)
