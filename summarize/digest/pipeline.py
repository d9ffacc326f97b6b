"""``summarize()``: documents in, one digest (a :class:`~summarize.model.Summary`) out.

Segmentation -> the ranking step (:func:`summarize.ranking.rank`: boilerplate dropped,
scoring by any registered scorer, near-duplicates grouped, corroboration rewarded) ->
selection (shared budget and redundancy rules) -> ordering (the story's order) -> the
headline, made from the same ranking (:func:`summarize.headline.headline_of`). Scores in
the result are scaled so the best sentence scores 1.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from summarize.digest.only_in import exclusive_facts
from summarize.digest.trim import Trimmed, trim
from summarize.errors import SummarizeError
from summarize.headline import DEFAULT_BYTES as HEADLINE_BYTES
from summarize.headline import headline_of
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
    DEFAULT_SCORER,
    DEFAULT_SELECTOR,
    DigestOptions,
    make_budget,
)
from summarize.ranking import Ranked, rank
from summarize.scorers import Scorer, scorers
from summarize.selectors import Pool, Selector, selectors
from summarize.selectors.budget import resolve
from summarize.selectors.greedy import Greedy
from summarize.text.documents import as_documents

# "auto" picks by measurement (benchmarks/RESULTS.md): position wins on single articles,
# LexRank centrality with a lead prior on clusters of several sources (see
# summarize.options). (Switching single articles to the latter when the summary is a large
# share of the article was tried: it helps on BBC, whose summaries are 40% of the article,
# but loses to lead on the short articles of Newsroom and CNN/DailyMail at the same share.)


def summarize(
    inputs: str | Document | Iterable[str | Document],
    scorer: str | Scorer = DEFAULT_SCORER,
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
    trim: bool = False,
    only_in: bool = True,
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
    - ``trim``: cut datelines, asides, appositives, time phrases and attribution tails from
      the sentences before choosing, so the budget holds more (:mod:`summarize.digest.trim`).
    - ``only_in``: for several documents, an important fact that only one of them reports
      is given apart in ``Summary.exclusives`` (:mod:`summarize.digest.only_in`).
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
        trim=trim,
        only_in=only_in,
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
    ranked = rank(documents, options, scorer=scorer)
    if not ranked.pool:
        raise SummarizeError("nothing to summarize: the input has no sentences")
    kept, groups, heads, group_scores = (
        ranked.kept,
        ranked.groups,
        ranked.heads,
        ranked.group_scores,
    )

    # trimming comes before selection: a candidate costs what its trimmed text costs
    trims = {h: trim(kept[h].text) for h in heads} if options.trim else {}
    candidates = Pool(
        sentences=tuple(_trimmed(kept[h], trims.get(h)) for h in heads),
        scores=group_scores,
        rows=ranked.rows[list(heads)],
        sources=ranked.sources,
        cosines=None if ranked.cosines is None else ranked.cosines[np.ix_(heads, heads)],
    )
    selector_name, chooser = _selector(
        selector if selector is not None else options.selector, options.redundancy
    )
    pool = list(ranked.pool)
    chosen = chooser.select(candidates, resolve(budget, pool))
    if not chosen.indices:  # nothing whole fits: the greedy rule cuts the best sentence
        chosen = Greedy(options.redundancy).select(candidates, resolve(budget, pool))
    picked_groups = list(chosen.indices)
    if options.order == "source":
        story = _story_positions(kept)
        picked_groups.sort(key=lambda g: (min(story[m] for m in groups[g]), heads[g]))
    else:  # best first, whatever order the selector chose them in
        picked_groups.sort(key=lambda g: -group_scores[g])
    picked = []
    for g in picked_groups:
        head = candidates.sentences[g]
        text = chosen.truncated if chosen.truncated is not None else head.text
        refs = tuple(kept[m].ref for m in sorted(groups[g]))
        picked.append(SummarySentence(text=text, score=float(group_scores[g]), sources=refs))

    exclusives = (
        exclusive_facts(ranked, chosen.indices, lambda g: candidates.sentences[g].text)
        if options.only_in
        else ()
    )
    notes = list(ranked.notes)
    headline_text = _headline(ranked, notes) if options.headline else None
    return Summary(
        sentences=tuple(picked),
        scorer=ranked.scorer,
        selector=selector_name,
        budget=budget,
        documents=documents,
        headline=headline_text,
        candidates=_candidates(ranked, set(picked_groups), trims),
        notes=tuple(notes) + chosen.notes,
        exclusives=exclusives,
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


def _story_positions(kept: Sequence[Sentence]) -> list[float]:
    """Each kept sentence's place in its document's story, from 0 (first) to below 1."""
    totals: dict[str, int] = {}
    for sentence in kept:
        totals[sentence.doc] = totals.get(sentence.doc, 0) + 1
    seen: dict[str, int] = {}
    positions = []
    for sentence in kept:
        place = seen.get(sentence.doc, 0)
        seen[sentence.doc] = place + 1
        positions.append(place / totals[sentence.doc])
    return positions


def _headline(ranked: Ranked, notes: list[str]) -> str | None:
    """The digest's headline, made from the digest's own ranking (see
    :func:`summarize.headline.headline_of`); None, with a note, when no headline fits: a
    digest never fails for want of one."""
    try:
        return headline_of(ranked, HEADLINE_BYTES).text
    except SummarizeError as exc:
        notes.append(f"no headline: {exc}")
        return None


def _trimmed(sentence: Sentence, trimmed: Trimmed | None) -> Sentence:
    """``sentence`` with its trimmed text, when trimming cut anything."""
    if trimmed is None or not trimmed.cuts:
        return sentence
    return replace(sentence, text=trimmed.text)


def _candidates(
    ranked: Ranked, picked: set[int], trims: Mapping[int, Trimmed]
) -> tuple[Candidate, ...]:
    """What became of every input sentence, in input order (a group head with the cuts
    trimming made)."""
    kept, scores = ranked.kept, ranked.scores
    fate: dict[SentenceRef, Candidate] = {}
    for g, members in enumerate(ranked.groups):
        head = kept[ranked.heads[g]]
        for m in members:
            sentence = kept[m]
            if m == ranked.heads[g]:
                trimmed = trims.get(m)
                fate[sentence.ref] = Candidate(
                    sentence,
                    float(scores[m]),
                    CHOSEN if g in picked else KEPT,
                    cuts=trimmed.cuts if trimmed is not None else (),
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
        fate.get(s.ref) or Candidate(s, 0.0, DROPPED, ranked.dropped.get(s.ref, ""))
        for s in ranked.pool
    )
