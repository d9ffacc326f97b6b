"""Sentence scorers: the interface, the registry and the built-in scorers."""

from . import baselines as baselines  # random and oracle
from . import centroid, lead, lexrank, lexrank_lead, lsa, sumy_adapter, textrank  # noqa: F401
from .base import Scorer, scorers

__all__ = ["Scorer", "scorers"]
