"""Sentence scorers: the interface, the registry and the built-in scorers."""

from summarize.scorers import baselines as baselines  # random and oracle
from summarize.scorers import (  # noqa: F401
    centroid,
    lead,
    lexrank,
    lexrank_lead,
    lsa,
    news,
    sumy_adapter,
    textrank,
)
from summarize.scorers.base import Scorer, scorers

__all__ = ["Scorer", "scorers"]
