"""The line "Only in [k]": the important fact of a multi-source digest that a single source reports.

A digest of several sources favours what they agree on (corroboration, centrality), so a
fact only one outlet reports rarely makes it in, however much it matters (a government's
denial, a death toll, a rival's scepticism). :func:`exclusive_facts` picks, after selection,
at most :data:`MAX_FACTS` such facts to show apart, attributed to their source:

- a group of sentences carried by exactly one document, not chosen, in a digest of at least
  two documents;
- not carried by the other sources in other words either: its tf-idf cosine with every
  sentence of the other documents stays below :data:`OTHER_SOURCES`, and with every chosen
  sentence below :data:`CHOSEN_SIMILARITY`; and no such sentence holds :data:`CONTAINED` of
  its distinct terms;
- worth it: its score (a single source's fact has no corroboration) is at least
  :data:`SCORE_FACTOR` times the ``k``-th best score before corroboration, ``k`` the number
  of chosen sentences: the lowest score of a digest of the best-scored facts, which does
  not depend on what the selector took for coverage (with a half, Washington's scepticism
  in ``corpus/russia-syria-withdrawal`` is found under ``--scorer lead --selector greedy``,
  where it scores 0.33 against 0.5);
- a statement that stands alone: not a quote or speech in the first person
  (:func:`is_quote`), not a bare attribution (:func:`is_bare`), not opening with a pronoun
  or demonstrative that points outside it (:func:`needs_context`: "They said ...").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from summarize.digest.trim import trim
from summarize.headline.words import SAYING
from summarize.model import SummarySentence
from summarize.ranking import Ranked

MAX_FACTS = 1
OTHER_SOURCES = 0.3
"""A sentence this similar (tf-idf cosine) to one of another source is not only in its own."""
CHOSEN_SIMILARITY = 0.3
"""A sentence this similar to a chosen one repeats the digest."""
SCORE_FACTOR = 0.5
"""An exclusive fact scores at least this times the k-th best score, k the number chosen
(uncorroborated)."""
CONTAINED = 0.5
"""A sentence holding this share of a fact's distinct terms already says it."""
MIN_WORDS = 6
QUOTED_SHARE = 0.4
"""A sentence with at least this share of its words inside quotation marks is a quote."""

_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]*)[\"\u201d]")
_WORD = re.compile(r"[\w'\u2019-]+")
_FIRST_PERSON = re.compile(
    r"\b(?:I|I['\u2019](?:m|ve|d|ll)|[Ww]e|[Ww]e['\u2019](?:re|ve|d|ll)|[Oo]ur|[Mm]y|me|us)\b"
)
_POINTERS = frozenset(
    "he she it they this these those that his her its their such there them him".split()
)


def is_quote(text: str) -> bool:
    """A direct quotation: it opens with a quotation mark, or at least
    :data:`QUOTED_SHARE` of its words are quoted (an open quote runs to the end)."""
    stripped = text.lstrip()
    if stripped[:1] in ('"', "\u201c", "'", "\u2018"):
        return True
    words = len(_WORD.findall(text))
    quoted = sum(len(_WORD.findall(m.group(1))) for m in _QUOTED.finditer(text))
    rest = _QUOTED.sub(" ", text)
    for mark in ('"', "\u201c"):
        if mark in rest:  # a quotation left open runs to the end of the sentence
            quoted += len(_WORD.findall(rest[rest.index(mark) :]))
            break
    if words and quoted / words >= QUOTED_SHARE:
        return True
    return _FIRST_PERSON.search(rest) is not None  # speech without its quotation marks


def needs_context(text: str) -> bool:
    """The sentence opens with a pronoun or demonstrative ("They", "These Americans") whose
    meaning lies in the sentences around it."""
    first = _WORD.search(text)
    if first is None:
        return False
    return re.split("['\u2019]", first.group().lower())[0] in _POINTERS  # "There's"


def is_bare(text: str) -> bool:
    """Too short to be a fact (under :data:`MIN_WORDS` words), or who said it and little
    else: a short sentence with a verb of saying (``"Reuters reported the news."``)."""
    words = text.split()
    if len(words) < MIN_WORDS:
        return True
    return len(words) < 9 and any(SAYING.fullmatch(w.strip(".,;:!?").lower()) for w in words)


def exclusive_facts(
    ranked: Ranked,
    picked: Sequence[int],
    wording: Callable[[int], str] | None = None,
) -> tuple[SummarySentence, ...]:
    """The facts of ``ranked`` only one document reports, best first (see the module
    docstring); ``picked`` are the chosen groups, ``wording(group)`` the text to show for a
    group (its head's text when not given). A fact stands alone under the digest, so it is
    always trimmed (:func:`summarize.digest.trim.trim`: no "But" or dateline opening it)."""
    if len(ranked.documents) < 2 or not picked:
        return ()
    kept, rows, scores = ranked.kept, ranked.rows, ranked.group_scores
    # The k-th best uncorroborated score, k the number chosen: what a digest of the best
    # facts would end on, whatever the selector chose for coverage.
    alone = sorted((float(scores[g]) / ranked.boost(g) for g in range(len(scores))), reverse=True)
    floor = SCORE_FACTOR * alone[min(len(picked), len(alone)) - 1]
    chosen_heads = [ranked.heads[g] for g in picked]
    dense = ranked.cosines
    columns = rows.T.tocsc() if dense is None else None
    docs = np.array([s.doc for s in kept], dtype=object)
    facts: list[SummarySentence] = []
    chosen = set(picked)
    chosen_terms = [kept[ranked.heads[c]].terms for c in picked]
    # What the other sources say, per document: found once, not once per candidate.
    other_mask: dict[str, np.ndarray] = {}
    other_terms: dict[str, list[tuple[str, ...]]] = {}
    for g in sorted(range(len(ranked.groups)), key=lambda g: (-float(scores[g]), g)):
        if len(facts) >= MAX_FACTS or float(scores[g]) < floor:
            break
        if g in chosen or len(ranked.sources[g]) != 1:
            continue
        head = kept[ranked.heads[g]]
        text = wording(g) if wording is not None else head.text
        if is_quote(text) or is_bare(text) or needs_context(text):
            continue
        members = list(ranked.groups[g])
        if head.doc not in other_mask:
            other_mask[head.doc] = docs != head.doc
            other_terms[head.doc] = [kept[i].terms for i in np.flatnonzero(docs != head.doc)]
        # The members' cosines with every kept sentence: the ranking's, or one product.
        cosines = dense[members] if dense is not None else (rows[members] @ columns).toarray()
        mask = other_mask[head.doc]
        if mask.any() and cosines[:, mask].max() >= OTHER_SOURCES:
            continue
        if cosines[:, chosen_heads].max() >= CHOSEN_SIMILARITY:
            continue
        if _contained(head.terms, other_terms[head.doc] + chosen_terms):
            continue
        refs = tuple(kept[m].ref for m in members)
        shown = trim(text).text
        facts.append(SummarySentence(text=shown, score=float(scores[g]), sources=refs))
    return tuple(facts)


def _contained(terms: Sequence[str], elsewhere: Sequence[Sequence[str]]) -> bool:
    """Whether one of ``elsewhere`` holds :data:`CONTAINED` of the distinct ``terms``."""
    own = set(terms)
    return bool(own) and any(len(own.intersection(t)) >= CONTAINED * len(own) for t in elsewhere)
