"""Selectors: the interface, the registry and the built-in selection methods."""

from summarize.selectors import greedy, ilp, submodular  # noqa: F401  (registers them)
from summarize.selectors.base import Pool, Selector, selectors

__all__ = ["Pool", "Selector", "selectors"]
