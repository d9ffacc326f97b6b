"""``summarize()``: documents in, one digest (a :class:`~summarize.model.Summary`) out.

Segmentation -> cleaning (boilerplate dropped) -> scoring (any registered scorer) ->
merging (near-duplicates grouped, corroboration rewarded) -> selection (shared budget and
redundancy rules) -> ordering (the story's order). Scores in the result are scaled so the
best sentence scores 1.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import scipy.sparse as sp

from summarize.errors import SummarizeError
from summarize.headline.api import DEFAULT_CHARS as HEADLINE_CHARS
from summarize.headline.api import headline as make_headline
from summarize.model import (
    CHOSEN,
    DROPPED,
    KEPT,
    MERGED,
    Candidate,
    Document,
    Sentence,
    SentenceRef,
    Summary,
    SummarySentence,
)
from summarize.options import (
    AUTO,
    DEFAULT_CORROBORATION,
    DEFAULT_DUPLICATES,
    DEFAULT_REDUNDANCY,
    DEFAULT_SELECTOR,
    DigestOptions,
    make_budget,
)
from summarize.scorers import Scorer, scorers
from summarize.selectors import Pool, Selector, selectors
from summarize.selectors.budget import resolve
from summarize.selectors.greedy import Greedy
from summarize.text.clean import boilerplate
from summarize.text.documents import as_documents
from summarize.text.features import tfidf
from summarize.text.merge import duplicate_groups, representative

# "auto" picks by measurement (benchmarks/RESULTS.md): position wins on single articles,
# LexRank centrality with a lead prior on clusters of several sources (see
# summarize.options). (Switching single articles to the latter when the summary is a large
# share of the article was tried: it helps on BBC, whose summaries are 40% of the article,
# but loses to lead on the short articles of Newsroom and CNN/DailyMail at the same share.)


def summarize(
    inputs: str | Document | Iterable[str | Document],
    scorer: str | Scorer = AUTO,
    *,
    sentences: int | None = None,
    words: int | None = None,
    bytes: int | None = None,
    chars: int | None = None,
    ratio: float | None = None,
    order: str = "source",
    selector: str | Selector = DEFAULT_SELECTOR,
    redundancy: float | None = DEFAULT_REDUNDANCY,
    duplicates: float | None = DEFAULT_DUPLICATES,
    corroboration: float = DEFAULT_CORROBORATION,
    keep_boilerplate: bool = False,
    headline: bool = True,
    language: str = "english",
    scorer_params: Mapping[str, object] | None = None,
) -> Summary:
    """Summarize one text, a document, or several together into one digest.

    >>> summary = summarize(["First text ...", "Second text ..."], scorer="lexrank", words=60)
    >>> [s.text for s in summary.sentences]  # doctest: +SKIP

    The keywords build a :class:`~summarize.options.DigestOptions` (see it for each one);
    :func:`digest` takes one directly.

    - At most one budget may be given (``words=100`` when none is): ``bytes`` counts UTF-8
      bytes; ``chars`` still means bytes in this release, with a deprecation warning.
    - Boilerplate (captions, credits, stubs, teasers, web notices) is dropped before scoring
      unless ``keep_boilerplate``.
    - Sentences whose tf-idf cosine reaches ``duplicates`` (or that nearly contain one
      another) form one group, shown once and credited to all its sources (None: no merging).
    - A group carried by ``k`` documents has its score multiplied by
      ``1 + corroboration * (k - 1)``.
    - ``selector`` chooses within the budget: ``greedy`` (best score first, skipping a
      sentence whose cosine with a chosen one reaches ``redundancy``; None turns that check
      off), ``submodular`` (coverage with diversity) or ``ilp`` (concept coverage), or any
      registered or given :class:`~summarize.selectors.Selector`.
    - ``order="source"`` follows the story (earliest relative position across sources,
      then source order); ``order="score"`` puts the best first.
    - ``headline``: a headline of at most 75 bytes on top (see :func:`summarize.headline`);
      when none fits, the summary has none and a note says why.
    """
    options = DigestOptions(
        budget=make_budget(sentences, words, bytes, chars, ratio),
        scorer=scorer if isinstance(scorer, str) else AUTO,
        selector=selector if isinstance(selector, str) else DEFAULT_SELECTOR,
        order=order,
        redundancy=redundancy,
        duplicates=duplicates,
        corroboration=corroboration,
        keep_boilerplate=keep_boilerplate,
        headline=headline,
        language=language,
        scorer_params=dict(scorer_params or {}),
    )
    return digest(
        as_documents(inputs, language),
        options,
        scorer=None if isinstance(scorer, str) else scorer,
        selector=None if isinstance(selector, str) else selector,
    )


def digest(
    documents: Sequence[Document],
    options: DigestOptions | None = None,
    *,
    scorer: Scorer | None = None,
    selector: Selector | None = None,
) -> Summary:
    """The digest of ``documents`` made as ``options`` say; ``scorer`` and ``selector``,
    when given, are objects used in place of the named ones."""
    documents = tuple(documents)
    options = options or DigestOptions()
    budget = options.resolved_budget
    pool = [s for d in documents for s in d.sentences]
    if not pool:
        raise SummarizeError("nothing to summarize: the input has no sentences")
    if scorer is None:
        name, model = _scorer(options.scorer_for(len(documents)), options.scorer_params)
    else:
        name, model = _scorer(scorer, None)
    keep_boilerplate, corroboration, order = (
        options.keep_boilerplate,
        options.corroboration,
        options.order,
    )

    notes: list[str] = []
    dropped = {} if keep_boilerplate else boilerplate(documents)
    if len(dropped) == len(pool):
        dropped = {}
        notes.append("every sentence looked like boilerplate, so none was dropped")
    kept = [s for s in pool if s.ref not in dropped]

    raw = np.asarray(model.scores(kept), dtype=np.float64)
    if raw.shape != (len(kept),) or not np.all(np.isfinite(raw)):
        raise SummarizeError(f"scorer {name!r} did not return one finite score per sentence")
    scores = _scaled(raw)
    rows = tfidf(kept)
    groups = _groups(kept, rows, options.duplicates)
    heads = [members[representative([kept[m] for m in members])] for members in groups]
    boosts = np.array([1.0 + corroboration * (len({kept[m].doc for m in g}) - 1) for g in groups])
    group_scores = _scaled(np.array([scores[g].max() for g in groups]) * boosts)

    candidates = Pool(
        sentences=tuple(kept[h] for h in heads),
        scores=group_scores,
        rows=rows[heads],
        sources=tuple(frozenset(kept[m].doc for m in g) for g in groups),
    )
    selector_name, chooser = _selector(
        selector if selector is not None else options.selector, options.redundancy
    )
    chosen = chooser.select(candidates, resolve(budget, pool))
    if not chosen.indices:  # nothing whole fits: the greedy rule cuts the best sentence
        chosen = Greedy(options.redundancy).select(candidates, resolve(budget, pool))
    picked_groups = list(chosen.indices)
    if order == "source":
        story = _story_positions(documents, kept)
        picked_groups.sort(key=lambda g: (min(story[m] for m in groups[g]), heads[g]))
    picked = []
    for g in picked_groups:
        head = kept[heads[g]]
        text = chosen.truncated if chosen.truncated is not None else head.text
        refs = tuple(kept[m].ref for m in sorted(groups[g]))
        picked.append(SummarySentence(text=text, score=float(group_scores[g]), sources=refs))

    headline_text = _headline(documents, keep_boilerplate, notes) if options.headline else None
    return Summary(
        sentences=tuple(picked),
        scorer=name,
        selector=selector_name,
        budget=budget,
        documents=documents,
        headline=headline_text,
        candidates=_candidates(pool, kept, scores, dropped, groups, heads, set(picked_groups)),
        notes=tuple(notes) + chosen.notes,
    )


def check_scorer(name: str) -> None:
    """Raise a :class:`SummarizeError` listing the choices unless ``name`` is ``auto`` or a
    registered scorer."""
    if name != AUTO:
        scorers.get(name)


def _selector(selector: str | Selector, redundancy: float | None) -> tuple[str, Selector]:
    if not isinstance(selector, str):
        return getattr(selector, "name", type(selector).__name__.lower()), selector
    factory = selectors.get(selector)
    takes_redundancy = "redundancy" in inspect.signature(factory).parameters
    return selector, selectors.create(
        selector, **({"redundancy": redundancy} if takes_redundancy else {})
    )


def _scorer(scorer: str | Scorer, params: Mapping[str, object] | None) -> tuple[str, Scorer]:
    if isinstance(scorer, str):
        return scorer, scorers.create(scorer, **dict(params or {}))
    return getattr(scorer, "name", type(scorer).__name__.lower()), scorer


def _scaled(scores: np.ndarray) -> np.ndarray:
    top = np.max(np.abs(scores)) if scores.size else 0.0
    return scores / top if top > 0 else scores


def _groups(kept: list[Sentence], rows: sp.csr_matrix, threshold: float | None) -> list[list[int]]:
    """Positions in ``kept`` grouped by near-duplication (each sentence alone when off)."""
    if threshold is None:
        return [[i] for i in range(len(kept))]
    labels = duplicate_groups(kept, rows, threshold)
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    return sorted(members.values())


def _story_positions(documents: tuple[Document, ...], kept: list[Sentence]) -> list[float]:
    """Each kept sentence's place in its document's story, from 0 (first) to below 1."""
    totals: dict[str, int] = {}
    for sentence in kept:
        totals[sentence.doc] = totals.get(sentence.doc, 0) + 1
    seen: dict[str, int] = {}
    positions = []
    for sentence in kept:
        rank = seen.get(sentence.doc, 0)
        seen[sentence.doc] = rank + 1
        positions.append(rank / totals[sentence.doc])
    return positions


def _headline(
    documents: tuple[Document, ...], keep_boilerplate: bool, notes: list[str]
) -> str | None:
    """The digest's headline (see :mod:`summarize.headline.api`); None, with a note, when no
    headline fits: a digest never fails for want of one."""
    try:
        return make_headline(
            documents, chars=HEADLINE_CHARS, keep_boilerplate=keep_boilerplate
        ).text
    except SummarizeError as exc:
        notes.append(f"no headline: {exc}")
        return None


def _candidates(
    pool: list[Sentence],
    kept: list[Sentence],
    scores: np.ndarray,
    dropped: dict[SentenceRef, str],
    groups: list[list[int]],
    heads: list[int],
    picked: set[int],
) -> tuple[Candidate, ...]:
    """What became of every input sentence, in input order."""
    fate: dict[SentenceRef, Candidate] = {}
    for g, members in enumerate(groups):
        head = kept[heads[g]]
        for m in members:
            sentence = kept[m]
            if m == heads[g]:
                fate[sentence.ref] = Candidate(
                    sentence, float(scores[m]), CHOSEN if g in picked else KEPT
                )
            else:
                fate[sentence.ref] = Candidate(
                    sentence,
                    float(scores[m]),
                    MERGED,
                    f"same as {head.doc}#{head.index}",
                    same_as=head.ref,
                )
    return tuple(
        fate.get(s.ref) or Candidate(s, 0.0, DROPPED, dropped.get(s.ref, "")) for s in pool
    )
