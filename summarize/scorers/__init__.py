"""Sentence scorers: the interface, the registry and the built-in scorers."""

from summarize.scorers import baselines as baselines  # random and oracle
from summarize.scorers import centroid, lead, lexrank, lexrank_lead, lsa, sumy_adapter, textrank  # noqa: F401
from summarize.scorers.base import Scorer, scorers

__all__ = ["Scorer", "scorers"]
