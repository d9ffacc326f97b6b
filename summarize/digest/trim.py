"""Sentence trimming for digests: cut what a reader of the digest does not need (wire
datelines, asides in brackets or between dashes, appositives, leading time and linking
phrases, time expressions, attribution tails) so a budget holds more of the news.

:func:`trim` is pure: text in, a :class:`Trimmed` (the text left and what was cut) out.
It applies a fixed list of the headline's compression rules (:data:`RULES`), none of the
headline-only ones (articles, tense, auxiliaries): a digest sentence stays a sentence. Each
rule's result must pass the safety checks or the rule is skipped: at least
:data:`MIN_WORDS` words, a verb kept when there was one, brackets and quotes balanced, the
same final punctuation, a capital first letter when there was one, every quoted passage
word for word (a quotation is never edited). The attribution rule is skipped for a sentence
with a quotation (a quote keeps its speaker), and a time expression with a figure in it
(``"in March 2011"``) stays: a date is news, ``"on Monday"`` is not.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from summarize.headline.grammar import has_verb
from summarize.headline.rules import (
    drop_appositives,
    drop_attribution,
    drop_byline,
    drop_dateline,
    drop_leading_phrase,
    drop_parentheticals,
    drop_time_expressions,
)
from summarize.headline.text import balanced, capitalise, tidy

MIN_WORDS = 6
"""A trimmed sentence keeps at least this many words."""

Rule = Callable[[str], str]

RULES: tuple[tuple[str, Rule], ...] = (
    ("byline", drop_byline),
    ("dateline", drop_dateline),
    ("parentheticals", drop_parentheticals),
    ("appositives", drop_appositives),
    ("leading phrase", drop_leading_phrase),
    ("time expressions", drop_time_expressions),
    ("attribution", drop_attribution),
)
"""The rules a digest sentence goes through, in order, by name."""

# the sentence's final punctuation, with any closing quotes or brackets after it
_ENDING = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*$")
_QUOTE = re.compile(r"[\"\u201c\u201d]|(?:^|\s)['\u2018]\w")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


@dataclass(frozen=True)
class Trimmed:
    """A sentence after trimming: its ``text`` and the passages cut from it, in order (none
    when nothing was cut, and then ``text`` is the sentence as it was)."""

    text: str
    cuts: tuple[str, ...] = ()


def trim(text: str) -> Trimmed:
    """``text`` with the safe cuts of :data:`RULES` made, each kept only when the result
    passes the safety checks (see the module docstring)."""
    original = " ".join(text.split())
    ending_match = _ENDING.search(original)
    ending = ending_match.group() if ending_match else ""
    body = original[: len(original) - len(ending)].rstrip()
    quoted = _QUOTE.search(original) is not None
    for name, rule in RULES:
        if name == "attribution" and quoted:
            continue
        try:
            candidate = rule(body)
        except (IndexError, ValueError):  # a rule meeting text it was not made for
            continue
        if candidate == body:  # the rule found nothing to cut
            continue
        candidate = _tidy_body(candidate, body)
        if candidate == body or not _safe(candidate + ending, original):
            continue
        if name == "attribution" and not body.startswith(candidate):
            continue  # only a tail goes: "Officials said ..." opening a sentence stays
        if name == "time expressions" and any(
            c.isdigit() for cut in _cuts(body, candidate) for c in cut
        ):
            continue
        body = candidate
    trimmed = body + ending
    if trimmed == original:
        return Trimmed(text)
    return Trimmed(trimmed, _cuts(original, trimmed))


def _tidy_body(candidate: str, before: str) -> str:
    """A rule's result as a sentence body: spaces tidied, no trailing comma or dash, the
    first letter a capital when it was."""
    out = tidy(candidate).rstrip(" ,;:-\u2013\u2014")
    if before[:1].isupper():
        out = capitalise(out)
    return out


def _safe(candidate: str, original: str) -> bool:
    """The safety checks: enough words, a verb kept, balanced, same ending and capital."""
    words = candidate.split()
    if len(words) < MIN_WORDS:
        return False
    if has_verb(original.split()) and not has_verb(words):
        return False
    if balanced(original) and not balanced(candidate):
        return False
    ending, before = _ENDING.search(candidate), _ENDING.search(original)
    if (ending.group() if ending else "") != (before.group() if before else ""):
        return False
    if original[:1].isupper() and not candidate[:1].isupper():
        return False
    return _QUOTED.findall(candidate) == _QUOTED.findall(original)


def _cuts(original: str, trimmed: str) -> tuple[str, ...]:
    """The runs of words of ``original`` that are not in ``trimmed``, in order (a word
    whose punctuation or capital changed counts as kept)."""
    before, after = original.split(), trimmed.split()
    matcher = difflib.SequenceMatcher(
        a=[_key(w) for w in before], b=[_key(w) for w in after], autojunk=False
    )
    cuts = []
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op in ("delete", "replace") and i2 > i1:
            cut = " ".join(before[i1:i2]).strip(" ,;:")
            if i2 == len(before):  # the sentence's own final stop is not part of the cut
                cut = cut.rstrip(".!?").rstrip(" ,;:")
            if cut:
                cuts.append(cut)
    return tuple(cuts)


def _key(word: str) -> str:
    return word.strip(".,;:!?\"'\u201c\u201d\u2018\u2019()[]").lower()
