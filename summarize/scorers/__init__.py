"""Sentence scorers: the interface, the registry and the built-in scorers."""

from . import lead, lexrank, lsa, sumy_adapter, textrank  # noqa: F401  (registers them)
from .base import Scorer, scorers

__all__ = ["Scorer", "scorers"]
