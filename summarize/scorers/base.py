"""The scorer interface and the registry that holds every scorer by name.

A scorer gives one float per sentence, higher meaning more worth including; it never
chooses sentences itself (selection is shared, see :mod:`summarize.selectors.budget`). Scorers are
small frozen dataclasses whose parameters are their fields, so construction does no work.

Third-party packages add scorers through the ``summarize.scorers`` entry-point group::

    [project.entry-points."summarize.scorers"]
    my-scorer = "my_package.scoring:MyScorer"
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from summarize.model import Sentence
from summarize.registry import Registry


@runtime_checkable
class Scorer(Protocol):
    """Anything with ``scores(sentences) -> array`` of one finite float per sentence."""

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray: ...


scorers: Registry[Scorer] = Registry("scorer", entry_point_group="summarize.scorers")
