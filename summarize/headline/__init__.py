"""Headlines: one short line for an article or a cluster (see :mod:`summarize.headline.api`).

Modules by concern: :mod:`~summarize.headline.api` (:func:`headline`, :func:`headline_of`),
:mod:`~summarize.headline.values` (the value types), :mod:`~summarize.headline.ranking`
(choosing candidates from the ranked pool), :mod:`~summarize.headline.compress` and
:mod:`~summarize.headline.rules` (compression), :mod:`~summarize.headline.words` (the word
lists), :mod:`~summarize.headline.topic` (what words are worth), and the helpers in
:mod:`~summarize.headline.text` and :mod:`~summarize.headline.grammar`.
"""

from summarize.headline.api import (
    ALWAYS,
    CANDIDATE_SENTENCES,
    DEFAULT_BYTES,
    DEFAULT_SCORER,
    HEADLINESE,
    STYLE,
    Compression,
    Headline,
    HeadlineCandidate,
    Topic,
    compress,
    headline,
    headline_of,
    rank_candidates,
)

__all__ = [
    "ALWAYS",
    "CANDIDATE_SENTENCES",
    "DEFAULT_BYTES",
    "DEFAULT_SCORER",
    "HEADLINESE",
    "STYLE",
    "Compression",
    "Headline",
    "HeadlineCandidate",
    "Topic",
    "compress",
    "headline",
    "headline_of",
    "rank_candidates",
]
