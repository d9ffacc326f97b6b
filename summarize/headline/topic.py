"""What compression knows about the input as a whole (:class:`Topic`): how much each word
is worth keeping, and which full names the story also calls by the surname alone."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from summarize.headline.text import bare_word
from summarize.headline.words import (
    ADDRESSES,
    FUNCTION_WORDS,
    PUNCTUATION,
    REPORTING,
    is_honorific,
)
from summarize.model import Document
from summarize.text.segment import TITLES
from summarize.text.tokens import analyzer, tokenize

STOP_WEIGHT = 0.0
MAX_LABELS = 5  # topic labels looked up, at most
MAX_LABEL_WORDS = 2  # words of a topic label (the last ones of a longer name)
MIN_LABEL_COUNT = 2  # a topic label is a name the story uses at least this often


@dataclass(frozen=True)
class Topic:
    """What compression knows about the input as a whole: how often each term occurs
    (``counts``), and the text of its sentences, one a line (``text``), where
    :meth:`names_in` looks up which full names the story also calls by the surname alone.
    Build one with :meth:`of`; the empty topic weighs every content word 1 and knows no
    names."""

    counts: Mapping[str, int] = field(default_factory=dict)
    text: str = ""
    language: str = "english"
    _weights: dict[str, float] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )  # caches of weight() and of _short_form()
    _short: dict[tuple[str, ...], str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _labels: list[tuple[str, ...]] = field(
        default_factory=list, init=False, repr=False, compare=False
    )  # cache of labels()

    @classmethod
    def of(cls, documents: Sequence[Document]) -> Topic:
        """The topic of ``documents``: term counts over their sentences, and their text."""
        language = documents[0].language if documents else "english"
        sentences = [s for document in documents for s in document.sentences]
        counts = Counter(chain.from_iterable(s.terms for s in sentences))
        text = "\n".join([s.text for s in sentences])
        if text.count("\n") >= len(sentences):  # a sentence holds a line break
            text = "\n".join(s.text.replace("\n", " ") for s in sentences)
        return cls(counts=counts, text=text, language=language)

    def weight(self, word: str) -> float:
        """A word's worth in the headline: ``log(1 + n)`` for a content word whose term
        occurs ``n`` times in the input (1 with no counts), :data:`STOP_WEIGHT` for a stop
        word."""
        cached = self._weights.get(word)
        if cached is not None:
            return cached
        found = _terms(word, self.language)
        if not found:
            value = STOP_WEIGHT
        elif not self.counts:
            value = 1.0
        else:
            value = sum(math.log1p(self.counts.get(term, 0)) for term in found)
        self._weights[word] = value
        return value

    def names_in(self, text: str) -> dict[str, str]:
        """The full names in ``text`` that the input also calls by the surname alone, with
        that surname: ``{"Bernie Ebbers": "Ebbers"}`` when the story says "Mr Ebbers",
        "Ebbers said" or "said Ebbers" somewhere. A full name is the last three or the last
        two words of a run of capitalised words (the longer when both qualify), none of
        which the input also uses in lower case."""
        names = {}
        for run in _name_runs(text.split()):
            for full in (run[-3:], run[-2:]) if len(run) > 2 else (run,):
                if full not in self._short:
                    self._short[full] = self._short_form(full)
                short = self._short[full]
                if short is not None:
                    names[" ".join(full)] = short
                    break
        return names

    def labels(self, limit: int = MAX_LABELS) -> tuple[str, ...]:
        """The names the story repeats most, best first, as topic labels for the headline
        (:func:`~summarize.headline.rules.filling.add_topic_label`): runs of capitalised
        words inside sentences (not the first word, not days or months, not a word the
        input also writes in lower case), at most :data:`MAX_LABEL_WORDS` words (the last
        ones), met at least :data:`MIN_LABEL_COUNT` times; the first met wins ties."""
        if not self._labels:
            self._labels.append(tuple(self._find_labels(limit)))
        return self._labels[0]

    def _find_labels(self, limit: int) -> list[str]:
        counts: dict[str, int] = {}  # (a plain dict: a Counter's missing keys cost a call)
        # each distinct run once, with its count (first met first, so ties stay in order)
        for found, times in Counter(_CAPITALISED_RUN.findall(self.text)).items():
            if " " not in found:  # one word, as most are
                if found not in _PARTS_EXACT and found.lower() not in _PARTS_LOWER:
                    counts[found] = counts.get(found, 0) + times
                continue
            for run in _label_runs(found.split(" ")):
                label = " ".join(run[-MAX_LABEL_WORDS:])
                counts[label] = counts.get(label, 0) + times
        out: list[str] = []
        # most common first, the first met first among equals (as Counter.most_common)
        often = [(label, count) for label, count in counts.items() if count >= MIN_LABEL_COUNT]
        for label, _ in sorted(often, key=itemgetter(1), reverse=True):
            if len(out) >= limit:
                break
            if len(label.split()) == 1 and _in_lower_case(self.text, label.lower()):
                continue  # "Mobile" is a word here, not a name
            out.append(label)
        return out

    def _short_form(self, run: tuple[str, ...]) -> str | None:
        surname = run[-1]
        if len(surname) < 3 or not surname.isalpha() or not _stands_alone(self.text, surname):
            return None
        if any(_in_lower_case(self.text, word.lower()) for word in run):
            return None
        return surname


@lru_cache(maxsize=16384)
def _terms(word: str, language: str) -> tuple[str, ...]:
    """The terms of one word (its stem, none for a stop word), as the input's are counted;
    cached across inputs, since the same words come back."""
    return analyzer(language).terms(tokenize(word))


def _occurrences(text: str, word: str) -> Iterable[tuple[int, int]]:
    """Every occurrence of ``word`` as a word of its own in ``text`` (punctuation and a
    possessive may follow it): where it starts, and where the whole word as written ends
    (:func:`_word_before` and :func:`_word_after` read its neighbours)."""
    start = 0
    while (i := text.find(word, start)) >= 0:
        start = end = i + len(word)
        if i and not text[i - 1].isspace():
            continue
        while end < len(text) and not text[end].isspace():
            end += 1
        if end > start:  # something follows it: a possessive, punctuation, other letters
            rest = text[start:end]
            for possessive in ("'s", "\u2019s", "'", "\u2019"):
                rest = rest.removeprefix(possessive)
            if rest.strip(PUNCTUATION):
                continue  # "Ebbersson"
        yield i, end


def _word_before(text: str, i: int) -> str:
    """The word before position ``i`` on its line ("" at the start of the line)."""
    before = text[text.rfind("\n", 0, i) + 1 : i].rsplit(None, 1)[-1:]
    return before[0] if before else ""


def _word_after(text: str, end: int) -> str:
    """The word after position ``end`` on its line ("" at the end of the line)."""
    stop = text.find("\n", end)
    after = text[end : stop if stop >= 0 else len(text)].split(None, 1)[:1]
    return after[0] if after else ""


def _stands_alone(text: str, surname: str) -> bool:
    """Whether ``text`` uses the surname on its own: after an honorific ("Mr Ebbers"), or
    after a word in lower case and right before or after a reporting verb ("chief Ebbers
    said", "said Ebbers")."""
    for i, end in _occurrences(text, surname):
        before = _word_before(text, i)
        if is_honorific(before):
            return True
        if not before or before[:1].isupper():
            continue
        if bare_word(_word_after(text, end)) in REPORTING or (
            bare_word(before) in REPORTING and before == before.strip(",")
        ):
            return True
    return False


def _in_lower_case(text: str, word: str) -> bool:
    """Whether ``text`` has the word (in lower case) as a word of its own."""
    return next(iter(_occurrences(text, word)), None) is not None


def _name_runs(words: Sequence[str]) -> Iterable[tuple[str, ...]]:
    """Runs of two or more capitalised alphabetic words, not across punctuation; a
    possessive ends a run ("Sir Clive Woodward's")."""
    run: list[str] = []
    for raw in words:
        core = raw.strip(PUNCTUATION)
        word = _strip_possessive(core)
        name_like = len(word) > 1 and word[:1].isupper() and word.replace("-", "").isalpha()
        if name_like:
            run.append(word)
        if not name_like or word != core or raw != core:  # the run ends here
            if len(run) >= 2:
                yield tuple(run)
            run = []
    if len(run) >= 2:
        yield tuple(run)


# Runs of capitalised words inside a line (a line is a sentence: its first word is not
# taken), not across punctuation; a possessive ends a run ("Putin's"). (The capital comes
# before the look behind at what precedes it, so that the search skips ahead to capitals.)
_CAPITALISED_RUN = re.compile(
    r"[A-Z](?<=[ \t\"(\u201c][A-Z])[A-Za-z-]*[A-Za-z](?: [A-Z][A-Za-z-]*[A-Za-z])*"
    r"(?=['\u2019]s\b|[^\w'\u2019-]|$)"
)


def _label_runs(words: Sequence[str]) -> Iterable[tuple[str, ...]]:
    """The parts of a run of capitalised words (as :data:`_CAPITALISED_RUN` finds them:
    letters and hyphens) between honorifics, days, months and function words ("The",
    "Of")."""
    run: list[str] = []
    for word in words:
        if word in _PARTS_EXACT or word.lower() in _PARTS_LOWER:
            if run:
                yield tuple(run)
            run = []
        else:
            run.append(word)
    if run:
        yield tuple(run)


_NOT_LABELS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Mr Mrs Ms Dr".split()
)
# What parts a run of capitalised words, as one test of a word and of its lower case:
# honorifics (:func:`~summarize.headline.words.is_honorific` of a capitalised word without
# a period), days and months, function words.
_PARTS_EXACT = ADDRESSES | _NOT_LABELS
_PARTS_LOWER = TITLES | FUNCTION_WORDS


def _strip_possessive(word: str) -> str:
    if word.endswith(("'s", "\u2019s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "\u2019")) else word


WordWeight = Callable[[str], float]
"""How much a word is worth keeping in a headline (see :meth:`Topic.weight`)."""
