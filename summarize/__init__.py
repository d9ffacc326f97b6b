"""summarize: fast, offline extractive summarization of news, single or multi-source.

>>> from summarize import summarize
>>> summary = summarize(["text of one article ...", "text of another ..."], words=100)
"""

from summarize.digest.pipeline import summarize
from summarize.errors import SummarizeError
from summarize.headline.api import Headline, headline
from summarize.model import Budget, Document, Sentence, SentenceRef, Summary, SummarySentence
from summarize.scorers import Scorer, scorers
from summarize.text.documents import build_document

__all__ = [
    "Budget",
    "Document",
    "Headline",
    "Scorer",
    "Sentence",
    "SentenceRef",
    "SummarizeError",
    "Summary",
    "SummarySentence",
    "build_document",
    "headline",
    "scorers",
    "summarize",
]
__version__ = "0.1.0"
