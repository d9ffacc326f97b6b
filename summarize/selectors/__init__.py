"""Selectors: the interface, the registry and the built-in selection methods."""

from . import greedy, ilp, submodular  # noqa: F401  (registers them)
from .base import Pool, Selector, selectors

__all__ = ["Pool", "Selector", "selectors"]
