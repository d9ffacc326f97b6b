"""summarize: fast, offline extractive summarization of news, single or multi-source.

>>> from summarize import summarize
>>> summary = summarize(["text of one article ...", "text of another ..."], words=100)
"""

from summarize.digest.pipeline import digest, summarize
from summarize.errors import SummarizeError
from summarize.headline.api import Headline, headline
from summarize.model import Budget, Document, Sentence, SentenceRef, Summary, SummarySentence
from summarize.options import DigestOptions
from summarize.scorers import Scorer, scorers
from summarize.text.documents import build_document
from summarize.version import __version__

__all__ = [
    "Budget",
    "DigestOptions",
    "Document",
    "Headline",
    "Scorer",
    "Sentence",
    "SentenceRef",
    "SummarizeError",
    "Summary",
    "SummarySentence",
    "__version__",
    "build_document",
    "digest",
    "headline",
    "scorers",
    "summarize",
]
