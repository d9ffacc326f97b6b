"""Choosing the headline from the ranked pool (:class:`summarize.ranking.Ranked`): which
titles and sentences are candidates, their scores, and which compression wins.

The candidates are every document's title and its first :data:`CANDIDATE_SENTENCES` kept
sentences (boilerplate was dropped by the ranking step), except quotations, questions,
fragments and sentences that open with a pronoun or speak in the first person. A
sentence's score is its score in the ranking times its group's corroboration factor
(``1 + corroboration * (k - 1)`` for a fact ``k`` documents carry, groups as the digest
merges them); a title counts as its document's first sentence, raised by the documents
whose title or candidate sentences repeat it (near-duplicates at :data:`TITLE_MATCH`, or
none when merging is off). Scores are scaled so the best is 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from summarize.headline.compress import compress
from summarize.headline.grammar import verbish
from summarize.headline.text import bare_word, finish, fits_in, unquoted
from summarize.headline.topic import Topic
from summarize.headline.values import SENTENCE, TITLE, Compression, HeadlineCandidate
from summarize.headline.words import (
    DEMONSTRATIVES,
    FUNCTION_WORDS,
    MIN_HEADLINE_WORDS,
    MODALS,
    OPENING_PRONOUN,
)
from summarize.model import Document, Sentence
from summarize.ranking import Ranked
from summarize.text.features import tfidf
from summarize.text.merge import CONTAINMENT, MIN_CONTAINED_TERMS, duplicate_groups
from summarize.text.tokens import analyzer, tokenize

TITLE_MATCH = 0.5
"""The cosine at which a title counts as restating another document's title or sentence.
Lower than the digest's ``duplicates`` (0.7) on purpose: a title is a compressed restatement,
so it rarely reaches 0.7 against the sentence it restates (at 0.7 the AllSides headlines
lose 0.16 ROUGE-1 recall, ``benchmarks/headlines.py``)."""

CANDIDATE_SENTENCES = 5  # story sentences of each document that are candidates
MIN_WORDS = 5  # a story sentence shorter than this is not a candidate


def rank_candidates(
    ranked: Ranked, sentences: int | None = CANDIDATE_SENTENCES
) -> list[HeadlineCandidate]:
    """Every title and the first ``sentences`` kept sentences of each document (all of them
    with None; a sentence repeated in its document counts once) as uncompressed candidates,
    best score first (then in input order). A sentence that cannot be a headline (a
    quotation, a question, a fragment, one opening with a pronoun) carries the reason.
    Scores: see the module's description."""
    positions: dict[str, list[int]] = {}
    for i, sentence in enumerate(ranked.kept):
        positions.setdefault(sentence.doc, []).append(i)
    group_of: list[int] = ranked.group_of.tolist()
    ranked_scores: list[float] = ranked.scores.tolist()
    pool: list[Sentence] = []
    raw: list[float] = []
    titles: list[int] = []
    for document in ranked.documents:
        mine = positions.get(document.id, [])
        if document.title and document.title.strip():
            titles.append(len(pool))
            pool.append(title_sentence(document))
            raw.append(ranked_scores[mine[0]] if mine else 1.0)
        story: list[int] = []
        seen: set[int] = set()  # a sentence repeated in its document counts once
        for i in mine:
            if sentences is not None and len(story) >= sentences:
                break
            if group_of[i] not in seen:
                seen.add(group_of[i])
                story.append(i)
        for i in story:
            pool.append(ranked.kept[i])
            raw.append(ranked_scores[i] * ranked.boost(group_of[i]))
    if not pool:
        return []
    scores = np.array(raw)
    if titles:
        support = _support(pool, None if ranked.duplicates is None else TITLE_MATCH)
        scores[titles] *= 1.0 + ranked.corroboration * (support[titles] - 1)
    top = float(np.max(scores))
    if top > 0:
        scores = scores / top

    candidates: list[tuple[int, HeadlineCandidate]] = []
    title_set = set(titles)
    for position, sentence in enumerate(pool):
        is_title = position in title_set
        candidates.append(
            (
                position,
                HeadlineCandidate(
                    original=sentence.text,
                    origin=TITLE if is_title else SENTENCE,
                    document=sentence.doc,
                    source=None if is_title else sentence.ref,
                    score=float(scores[position]),
                    text=sentence.text,
                    reason="" if is_title else _not_a_candidate(sentence.text),
                ),
            )
        )
    candidates.sort(key=lambda item: (-item[1].score, item[0]))
    return [candidate for _, candidate in candidates]


def title_sentence(document: Document) -> Sentence:
    """A document's title as a sentence standing before its first (index -1)."""
    text = " ".join((document.title or "").split())
    tokens = tokenize(text)
    return Sentence(
        doc=document.id,
        index=-1,
        text=text,
        tokens=tokens,
        terms=analyzer(document.language).terms(tokens),
    )


def _support(pool: Sequence[Sentence], threshold: float | None) -> np.ndarray:
    """For each candidate, how many documents carry it or a near-duplicate of it among the
    candidates (the titles are not in the ranked pool, so they are compared here): the
    groups of :func:`~summarize.text.merge.duplicate_groups` on the candidates' own tf-idf
    rows, computed densely by :func:`duplicate_labels` when the pool is small (it is: a
    title and a few sentences per document). Each alone when merging is off."""
    if threshold is None:
        return np.ones(len(pool))
    if len(pool) <= DENSE_POOL:
        labels = duplicate_labels(pool, threshold)
    else:
        labels = duplicate_groups(pool, tfidf(pool), threshold)
    documents: dict[int, set[str]] = {}
    for label, sentence in zip(labels.tolist(), pool, strict=True):
        documents.setdefault(label, set()).add(sentence.doc)
    return np.array([len(documents[label]) for label in labels.tolist()], dtype=np.float64)


DENSE_POOL = 512
"""Pools up to this size (a title and five sentences of each of 85 documents) are grouped by
:func:`duplicate_labels`, with square arrays of the pairs; larger ones by the sparse
:func:`~summarize.text.merge.duplicate_groups`, whose memory grows with the pool rather
than with its square."""


DENSE_ENTRIES = 1 << 16
"""Up to this many (sentence, term) pairs, :func:`duplicate_labels` counts each sentence's
terms in an array of every pair rather than by sorting its entries."""


def duplicate_labels(pool: Sequence[Sentence], threshold: float) -> np.ndarray:
    """The near-duplicate groups of :func:`~summarize.text.merge.duplicate_groups` with the
    pool's own tf-idf rows (:func:`~summarize.text.features.tfidf`: sub-linear tf,
    smoothed idf, unit rows), for a small pool: sentences with the same terms are one group;
    two others are linked when their cosine reaches ``threshold`` or nearly all the terms of
    the shorter are in the other (:data:`~summarize.text.merge.CONTAINMENT`, at least
    :data:`~summarize.text.merge.MIN_CONTAINED_TERMS` terms); groups are the connected
    components. The cosines and shared terms of every pair come from the pairs of entries
    that share a term (a few per sentence), summed with ``bincount`` into square arrays,
    which for a few dozen sentences costs a fraction of sparse or dense matrix products.
    Equal labels mark a group (the labels themselves differ)."""
    n = len(pool)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    first: dict[tuple[str, ...], int] = {}
    same = np.array([first.setdefault(s.terms, i) for i, s in enumerate(pool)])
    distinct = np.fromiter(first.values(), dtype=np.int64)  # in increasing order
    m = distinct.size
    vocabulary: dict[str, int] = {}
    number = vocabulary.setdefault
    columns = np.array(
        [number(term, len(vocabulary)) for s in pool for term in s.terms], dtype=np.int64
    )
    rows = np.repeat(np.arange(n), [len(s.terms) for s in pool])
    size = max(len(vocabulary), 1)
    # one entry per (sentence, term), in row then column order, with its count (what
    # np.unique(..., return_counts=True) gives, without its sort while the square is small)
    if n * size <= DENSE_ENTRIES:
        every = np.bincount(rows * size + columns, minlength=n * size)
        codes = np.flatnonzero(every)
        counts = every[codes]
    else:
        codes, counts = np.unique(rows * size + columns, return_counts=True)
    row, column = codes // size, codes % size
    idf = np.log((1.0 + n) / (1.0 + np.bincount(column, minlength=size))) + 1.0
    weight = (1.0 + np.log(counts)) * idf[column]
    norms = np.sqrt(np.bincount(row, weights=weight**2, minlength=n))
    index = np.full(n, -1)
    index[distinct] = np.arange(m)
    keep = index[row] >= 0  # the distinct sentences' entries
    row, column = index[row[keep]], column[keep]
    unit = (weight / norms[codes // size])[keep]
    # every pair of entries in one column (a sentence with itself too), by column
    order = np.argsort(column, kind="stable")
    row, column, unit = row[order], column[order], unit[order]
    per_column = np.bincount(column, minlength=size)
    starts = np.cumsum(per_column) - per_column
    repeats = per_column[column]
    left = np.repeat(np.arange(row.size), repeats)
    right = (
        starts[column][left]
        + np.arange(left.size)
        - np.repeat(np.cumsum(repeats) - repeats, repeats)
    )
    pair = row[left] * m + row[right]
    similar = np.bincount(pair, weights=unit[left] * unit[right], minlength=m * m).reshape(m, m)
    shared = np.bincount(pair, minlength=m * m).reshape(m, m)
    sizes = np.bincount(row, minlength=m)
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    linked = (similar >= threshold) | (
        (smaller >= MIN_CONTAINED_TERMS) & (shared >= CONTAINMENT * np.maximum(smaller, 1))
    )
    labels = np.arange(m)
    while True:  # each takes the least label of its links until none changes: components
        lowest = np.minimum(np.where(linked, labels[None, :], m).min(axis=1), labels)
        if np.array_equal(lowest, labels):
            break
        labels = lowest
    return labels[np.searchsorted(distinct, same)]


def choose(
    ranked: Sequence[HeadlineCandidate], bytes: int, topic: Topic
) -> tuple[HeadlineCandidate, tuple[HeadlineCandidate, ...]] | None:
    """The candidate chosen, and every candidate with what became of it; None when none
    fits. Titles first: a title that fits wins, the best score then the largest weight;
    then sentences in rank order until one fits, and those of the same score, the largest
    weight winning (see :func:`summarize.headline.headline`)."""
    tried: dict[int, HeadlineCandidate] = {}
    seen: set[str] = set()

    def attempt(position: int) -> HeadlineCandidate:
        candidate = ranked[position]
        if candidate.reason:  # not a candidate: listed with the reason
            tried[position] = candidate
            return candidate
        result = _compress_candidate(candidate, bytes, topic)
        key = result.text.lower()
        fits = is_headline(result.text, bytes) and key not in seen
        reason = "" if fits else _why_not(result.text, bytes, key in seen)
        seen.add(key)
        tried[position] = HeadlineCandidate(  # not dataclasses.replace: many times slower
            original=candidate.original,
            origin=candidate.origin,
            document=candidate.document,
            source=candidate.source,
            score=candidate.score,
            text=result.text,
            weight=sum(topic.weight(word) for word in result.text.split()),
            steps=result.steps,
            fits=fits,
            reason=reason,
            rest=result.rest,
        )
        return tried[position]

    titles = [i for i, c in enumerate(ranked) if c.origin == TITLE]
    fitting = [c for c in map(attempt, titles) if c.fits]
    if not fitting:
        for position, candidate in enumerate(ranked):
            if position in tried:
                continue
            if fitting and candidate.score < fitting[0].score - _TIE:
                break  # ranked lower than a candidate that fits: it cannot win
            if attempt(position).fits:
                fitting.append(tried[position])
    if not fitting:
        return None
    best = max(fitting, key=lambda c: (c.score, c.weight))  # the first of equals
    return best, tuple(
        _passed_over(tried.get(position, candidate), best)
        for position, candidate in enumerate(ranked)
    )


_TIE = 1e-9  # scores closer than this are equal


def is_headline(text: str, bytes: int) -> bool:
    """At least :data:`~summarize.headline.words.MIN_HEADLINE_WORDS` words within ``bytes``."""
    return len(text.split()) >= MIN_HEADLINE_WORDS and fits_in(text, bytes)


def _why_not(text: str, bytes: int, repeated: bool) -> str:
    """Why a compression is not a headline: the real reason, the length in bytes only when
    that is it."""
    if repeated:
        return "same as a better candidate"
    if not fits_in(text, bytes):
        return f"does not fit in {bytes} bytes"
    return f"too short for a headline: fewer than {MIN_HEADLINE_WORDS} words"


def _passed_over(candidate: HeadlineCandidate, best: HeadlineCandidate) -> HeadlineCandidate:
    """The candidate with the reason it was not chosen (unchanged when it has one, or when it
    is the one chosen)."""
    if candidate is best or candidate.reason:
        return candidate
    if best.origin == TITLE and candidate.origin != TITLE:
        return _with_reason(candidate, "a source title fits")
    if candidate.score < best.score - _TIE:
        return _with_reason(candidate, "ranked lower than the one chosen")
    return _with_reason(candidate, "less weight than the one chosen")


def _with_reason(candidate: HeadlineCandidate, reason: str) -> HeadlineCandidate:
    """The candidate with ``reason`` (``dataclasses.replace`` does the same, many times
    slower)."""
    return HeadlineCandidate(
        original=candidate.original,
        origin=candidate.origin,
        document=candidate.document,
        source=candidate.source,
        score=candidate.score,
        text=candidate.text,
        weight=candidate.weight,
        steps=candidate.steps,
        fits=candidate.fits,
        reason=reason,
        rest=candidate.rest,
    )


def _compress_candidate(candidate: HeadlineCandidate, bytes: int, topic: Topic) -> Compression:
    """A title that fits stays as its author wrote it (less a final period); anything else
    is compressed."""
    if candidate.origin == TITLE:
        as_written = finish(candidate.original)
        if is_headline(as_written, bytes):
            return Compression(as_written)
    return compress(candidate.original, bytes, topic)


_OPENING_QUOTE = re.compile(r"^[\"'\u201c\u2018\u00ab\u201e`]")
# first and second person: "I" anywhere, the others in lower case or opening the sentence
# (a capitalised "My" inside is a title: "My Family"). A word of its own: no letter, digit,
# hyphen or apostrophe before it, no letter, digit or hyphen after it ("I'm" and "we're"
# are met at "I" and "we"). Each word comes before the look behind at what precedes it, so
# that the search skips ahead to the words' first letters.
_NOT_BEFORE = r"[\w\-'\u2019]"
_FIRST_PERSON = re.compile(
    "(?:"
    + "|".join(f"{word}(?<!{_NOT_BEFORE}{word})" for word in "I we my our us you your".split())
    + r")(?![\w\-])"
)
_OPENING_FIRST_PERSON = re.compile(r"(?:We|My|Our|You|Your)\b")
_FUNCTION_OR_MODAL = FUNCTION_WORDS | MODALS


def _opens_noun_phrase(word: str) -> bool:
    """After "This" or "These": a word that makes it a determiner (``"This year's
    budget"``, ``"These third-quarter figures"``), not a verb or a function word."""
    bare = bare_word(word)
    if bare.endswith(("'s", "\u2019s")):
        return True
    return bool(bare) and not (
        "'" in bare or "\u2019" in bare or bare in _FUNCTION_OR_MODAL or verbish(word)
    )


def _not_a_candidate(text: str) -> str:
    """Why a story sentence cannot be a headline ("" when it can)."""
    if len(text.split(None, MIN_WORDS)) < MIN_WORDS:
        return "too short to state an event"
    plain = unquoted(text)
    if _OPENING_QUOTE.match(text) or len(plain) < len(text) / 2:
        return "a quotation"
    first, *rest = text.split(None, 2)
    first = first.strip("\"'\u201c\u2018(")
    determiner = first.lower() in DEMONSTRATIVES and rest and _opens_noun_phrase(rest[0])
    if first.lower() in OPENING_PRONOUN and not first.isupper() and not determiner:
        return "opens with a pronoun"  # ("US" is no pronoun)
    if text.rstrip("\"'\u201d\u2019)").endswith("?"):
        return "a question"
    if _FIRST_PERSON.search(plain) or _OPENING_FIRST_PERSON.match(plain):
        return "speaks in the first or second person"
    return ""
