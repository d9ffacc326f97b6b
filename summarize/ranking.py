"""The ranking step shared by the digest and the headline: score, check, scale, corroborate,
group duplicates.

:func:`rank` takes the documents and the :class:`~summarize.options.DigestOptions` and
returns one frozen :class:`Ranked` value:

1. boilerplate (captions, credits, stubs ...) is dropped unless ``keep_boilerplate`` (when
   every sentence looks like boilerplate, none is dropped, with a note);
2. the tf-idf rows of the kept sentences are computed once, here, and handed to the scorer
   when it takes them (a ``rows`` argument of ``scores``; any other scorer is called as
   ``scores(sentences)``) and to merging; so are, for up to :data:`DENSE_COSINES` kept
   sentences, the cosines of every pair (one product that merging, selection and the
   only-in facts all read, instead of each computing its part);
3. the scorer's scores are checked (one finite float per sentence) and scaled so the best
   is 1;
4. near-duplicates (tf-idf cosine at least ``duplicates``, or one containing nearly all
   the terms of another, see :func:`~summarize.text.merge.duplicate_groups`) form groups,
   each shown by its most complete member (its *head*);
5. a group carried by ``k`` documents scores its best member's score times
   ``1 + corroboration * (k - 1)``, scaled so the best group scores 1.

The digest (:mod:`summarize.digest.pipeline`) selects among the groups; the headline
(:mod:`summarize.headline`) chooses its candidates from the same ranking.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from summarize.errors import SummarizeError
from summarize.model import Document, Sentence, SentenceRef
from summarize.options import DigestOptions
from summarize.scorers import Scorer, scorers
from summarize.text.clean import boilerplate
from summarize.text.features import tfidf
from summarize.text.merge import duplicate_groups, representative

__all__ = ["Ranked", "rank", "scaled"]

ALL_BOILERPLATE = "every sentence looked like boilerplate, so none was dropped"
DENSE_COSINES = 512
"""Up to this many kept sentences, the cosines of every pair are computed at once (2 MiB at
most); beyond it, each step computes only the pairs it needs from the sparse rows."""


@dataclass(frozen=True)
class Ranked:
    """The documents' sentences scored, checked, scaled, corroborated and grouped.

    - ``pool``: every input sentence, in input order; ``kept``: those left after dropping
      boilerplate (``dropped`` maps each dropped one to the reason).
    - ``scores``: the scorer's score of each kept sentence, scaled so the best is 1.
    - ``rows``: the unit tf-idf rows of the kept sentences (read-only); ``cosines``: their
      products, the cosine of every pair of kept sentences as a dense read-only array, for
      at most :data:`DENSE_COSINES` of them (else None).
    - ``groups``: positions in ``kept`` of each group of near-duplicates, sorted;
      ``group_of[i]``: the group of ``kept[i]``; ``heads``: the position in ``kept`` of each
      group's most complete member; ``sources``: the documents carrying each group;
      ``group_scores``: each group's score raised by corroboration, the best scaled to 1.
    - ``corroboration`` and ``duplicates``: the options they were made with.
    - ``scorer``: the scorer's name; ``notes``: what the caller should tell the user.
    """

    documents: tuple[Document, ...]
    scorer: str
    pool: tuple[Sentence, ...]
    kept: tuple[Sentence, ...]
    dropped: Mapping[SentenceRef, str]
    scores: np.ndarray
    rows: sp.csr_matrix
    groups: tuple[tuple[int, ...], ...]
    group_of: np.ndarray
    heads: tuple[int, ...]
    group_scores: np.ndarray
    sources: tuple[frozenset[str], ...]
    corroboration: float
    duplicates: float | None
    notes: tuple[str, ...] = ()
    cosines: np.ndarray | None = None

    def boost(self, group: int) -> float:
        """The corroboration factor of a group: ``1 + corroboration * (k - 1)``."""
        return 1.0 + self.corroboration * (len(self.sources[group]) - 1)


def rank(
    documents: Sequence[Document],
    options: DigestOptions | None = None,
    *,
    scorer: Scorer | None = None,
) -> Ranked:
    """The ranking of ``documents`` as ``options`` say (see the module's description);
    ``scorer``, when given, is used in place of the named one. An input without sentences
    gives an empty ranking (the scorer is not even made): the caller says what it needed."""
    documents = tuple(documents)
    options = options or DigestOptions()
    pool = tuple(s for d in documents for s in d.sentences)
    if scorer is None:
        name = options.scorer_for(len(documents))
    else:
        name = getattr(scorer, "name", type(scorer).__name__.lower())
    if not pool:
        return _empty(documents, name, options)
    model = scorer if scorer is not None else scorers.create(name, **dict(options.scorer_params))

    notes: list[str] = []
    dropped = {} if options.keep_boilerplate else boilerplate(documents)
    if len(dropped) == len(pool):
        dropped = {}
        notes.append(ALL_BOILERPLATE)
    kept = tuple(s for s in pool if s.ref not in dropped)

    rows = _read_only(tfidf(kept))
    raw = np.asarray(_scores(model, kept, rows), dtype=np.float64)
    if raw.shape != (len(kept),) or not np.all(np.isfinite(raw)):
        raise SummarizeError(f"scorer {name!r} did not return one finite score per sentence")
    scores = scaled(raw)
    cosines = (rows @ rows.T).toarray() if len(kept) <= DENSE_COSINES else None
    groups = _groups(kept, rows, options.duplicates, cosines)
    group_of = np.empty(len(kept), dtype=np.int64)
    for g, members in enumerate(groups):
        group_of[list(members)] = g
    heads = tuple(members[representative([kept[m] for m in members])] for members in groups)
    sources = tuple(frozenset(kept[m].doc for m in g) for g in groups)
    boosts = np.array([1.0 + options.corroboration * (len(docs) - 1) for docs in sources])
    best = np.full(len(groups), -np.inf)
    np.maximum.at(best, group_of, scores)  # each group's best member
    group_scores = scaled(best * boosts)
    for array in (scores, group_scores, group_of, cosines):
        if array is not None:
            array.flags.writeable = False
    return Ranked(
        documents=documents,
        scorer=name,
        pool=pool,
        kept=kept,
        dropped=dropped,
        scores=scores,
        rows=rows,
        groups=groups,
        group_of=group_of,
        heads=heads,
        group_scores=group_scores,
        sources=sources,
        corroboration=options.corroboration,
        duplicates=options.duplicates,
        notes=tuple(notes),
        cosines=cosines,
    )


def scaled(scores: np.ndarray) -> np.ndarray:
    """``scores`` divided by the largest absolute score (unchanged when all are 0)."""
    top = np.max(np.abs(scores)) if scores.size else 0.0
    return scores / top if top > 0 else scores


def _scores(model: Scorer, kept: Sequence[Sentence], rows: sp.csr_matrix) -> np.ndarray:
    """The scorer's scores, given the tf-idf rows when its ``scores`` takes ``rows``."""
    try:
        takes_rows = "rows" in inspect.signature(model.scores).parameters
    except (TypeError, ValueError):  # a callable without a signature Python can read
        takes_rows = False
    if takes_rows:
        return model.scores(kept, rows=rows)  # type: ignore[call-arg]  # checked above
    return model.scores(kept)


def _groups(
    kept: Sequence[Sentence],
    rows: sp.csr_matrix,
    threshold: float | None,
    cosines: np.ndarray | None,
) -> tuple[tuple[int, ...], ...]:
    """Positions in ``kept`` grouped by near-duplication (each sentence alone when off)."""
    if threshold is None:
        return tuple((i,) for i in range(len(kept)))
    labels = duplicate_groups(kept, rows, threshold, cosines=cosines)
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    return tuple(tuple(m) for m in sorted(members.values()))


def _read_only(rows: sp.csr_matrix) -> sp.csr_matrix:
    """The rows with their arrays made read-only: the scorer and merging share them."""
    for array in (rows.data, rows.indices, rows.indptr):
        array.flags.writeable = False
    return rows


def _empty(documents: tuple[Document, ...], name: str, options: DigestOptions) -> Ranked:
    nothing = np.zeros(0)
    return Ranked(
        documents=documents,
        scorer=name,
        pool=(),
        kept=(),
        dropped={},
        scores=nothing,
        rows=sp.csr_matrix((0, 0)),
        groups=(),
        group_of=np.zeros(0, dtype=np.int64),
        heads=(),
        group_scores=nothing,
        sources=(),
        corroboration=options.corroboration,
        duplicates=options.duplicates,
    )
