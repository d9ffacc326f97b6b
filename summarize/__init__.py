"""summarize: fast, offline extractive summarization of news, single or multi-source.

>>> from summarize import summarize
>>> summary = summarize(["text of one article ...", "text of another ..."], words=100)
"""

from .documents import build_document
from .errors import SummarizeError
from .headline import Headline, headline
from .model import Budget, Document, Sentence, SentenceRef, Summary, SummarySentence
from .pipeline import summarize
from .scorers import Scorer, scorers

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
