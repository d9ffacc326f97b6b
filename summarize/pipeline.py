"""``summarize()``: documents in, a :class:`~summarize.model.Summary` out.

Segmentation -> scoring (any registered scorer) -> selection (shared budget, redundancy and
ordering rules). Scores in the result are scaled so the best sentence scores 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

from .documents import build_document
from .errors import SummarizeError
from .features import tfidf
from .model import Budget, Document, Sentence, Summary, SummarySentence
from .scorers import Scorer, scorers
from .select import select

DEFAULT_SCORER = "textrank"
DEFAULT_WORDS = 100


def make_budget(
    sentences: int | None = None,
    words: int | None = None,
    chars: int | None = None,
    ratio: float | None = None,
) -> Budget:
    """A :class:`Budget` from keyword limits; ``words=100`` when none is given."""
    if sentences is None and words is None and chars is None and ratio is None:
        words = DEFAULT_WORDS
    try:
        return Budget(sentences=sentences, words=words, chars=chars, ratio=ratio)
    except ValueError as exc:
        raise SummarizeError(str(exc)) from None


def as_documents(
    inputs: str | Document | Iterable[str | Document], language: str = "english"
) -> tuple[Document, ...]:
    """Texts become documents with ids "1", "2", ...; documents pass through."""
    items = [inputs] if isinstance(inputs, (str, Document)) else list(inputs)
    documents = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, str):
            documents.append(build_document(item, str(number), language=language))
        else:
            raise SummarizeError(
                f"cannot summarize a {type(item).__name__}; give text or Documents"
            )
    ids = [d.id for d in documents]
    if len(set(ids)) != len(ids):
        raise SummarizeError("document ids must be unique")
    return tuple(documents)


def summarize(
    inputs: str | Document | Iterable[str | Document],
    scorer: str | Scorer = DEFAULT_SCORER,
    *,
    sentences: int | None = None,
    words: int | None = None,
    chars: int | None = None,
    ratio: float | None = None,
    order: str = "source",
    redundancy: float | None = 0.5,
    language: str = "english",
    scorer_params: Mapping[str, object] | None = None,
) -> Summary:
    """Summarize one text, a document, or several together.

    >>> summary = summarize(["First text ...", "Second text ..."], scorer="lexrank", words=60)
    >>> [s.text for s in summary.sentences]  # doctest: +SKIP

    Exactly one budget may be given (``words=100`` when none is). ``redundancy`` is the
    cosine similarity at which a sentence counts as a near-duplicate of a chosen one
    (None turns the check off); ``order`` is "source" or "score".
    """
    budget = make_budget(sentences, words, chars, ratio)
    documents = as_documents(inputs, language)
    pool = [s for d in documents for s in d.sentences]
    if not pool:
        raise SummarizeError("nothing to summarize: the input has no sentences")
    if isinstance(scorer, str):
        name = scorer
        model = scorers.create(scorer, **dict(scorer_params or {}))
    else:
        name = getattr(scorer, "name", type(scorer).__name__.lower())
        model = scorer
    raw = np.asarray(model.scores(pool), dtype=np.float64)
    if raw.shape != (len(pool),) or not np.all(np.isfinite(raw)):
        raise SummarizeError(f"scorer {name!r} did not return one finite score per sentence")
    scores = _scaled(raw)
    eligible = _prose(pool)
    chosen = select(
        pool, scores, budget, tfidf(pool), redundancy=redundancy, order=order, eligible=eligible
    )
    picked = []
    for i in chosen.indices:
        text = chosen.truncated if chosen.truncated is not None else pool[i].text
        picked.append(SummarySentence(text=text, score=float(scores[i]), sources=(pool[i].ref,)))
    return Summary(
        sentences=tuple(picked),
        scorer=name,
        budget=budget,
        documents=documents,
        candidates=tuple(zip(pool, (float(x) for x in scores), strict=True)),
        notes=chosen.notes,
    )


def _scaled(scores: np.ndarray) -> np.ndarray:
    top = np.max(np.abs(scores)) if scores.size else 0.0
    return scores / top if top > 0 else scores


def _prose(pool: list[Sentence]) -> np.ndarray:
    """Running-prose sentences may be chosen; standalone lines only when there is nothing else."""
    mask = np.array([not s.standalone for s in pool])
    return mask if mask.any() else np.ones(len(pool), dtype=bool)
