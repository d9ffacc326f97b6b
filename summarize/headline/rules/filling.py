"""Using the budget: after the headline is chosen and compressed, the bytes it leaves may
carry what the story is about and the headline lacks (TOPIARY's gain over a compressed lead,
Zajic, Dorr and Schwartz, DUC 2004). Pure functions: the text, the budget and what to add in,
the filled text out (the text unchanged when nothing fits)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from summarize.headline.grammar import has_verb, last_is_content
from summarize.headline.text import bare_word, fits_in, tidy
from summarize.headline.words import (
    CLAUSE_WORDS,
    FUNCTION_WORDS,
    MIN_HEADLINE_WORDS,
    PREPOSITIONS,
)

LABEL_SEPARATOR = ": "


def add_topic_label(text: str, bytes: int, labels: Iterable[str]) -> str:
    """``"Label: text"`` with the first label (best first) that fits in ``bytes`` and that
    the text does not already name (none of its words is in the text, nor a word that one
    of them begins: "Syria" names "Syrian"): ``"Kosovo: Leaders agree deal"``. The text
    unchanged when none fits or it already has a label. ``labels`` are read only when a
    label of one letter would fit (they may be found as they are read)."""
    if not text or LABEL_SEPARATOR.strip() in text.split(None, 1)[0]:
        return text  # "Kosovo: ..." already
    if not fits_in(f"L{LABEL_SEPARATOR}{text}", bytes):
        return text  # no room for any label
    have = [bare_word(w) for w in text.split()]
    for label in labels:
        if any(_names(word, bare_word(part)) for part in label.split() for word in have):
            continue
        filled = f"{label}{LABEL_SEPARATOR}{text}"
        if fits_in(filled, bytes):
            return filled
    return text


def _names(word: str, other: str) -> bool:
    """The same word, or one begins the other ("Syria", "Syrian"; 4 letters at least)."""
    if word == other:
        return True
    short, long = sorted((word, other), key=len)
    return len(short) >= 4 and long.startswith(short)


def append_next_phrase(text: str, bytes: int, following: Sequence[str]) -> str:
    """The text with the longest run of the ``following`` words (the lede's words after
    what the headline kept) that fits in ``bytes``, when they open with a preposition
    (``"Minister resigns over scandal"`` + ``"in Kosovo on Monday"`` -> ``"Minister resigns
    over scandal in Kosovo"``). The run ends where a phrase ends: before a function word or
    after a comma, or at the end of the sentence, on a content word; it holds no clause (a
    subordinator, a relative pronoun, "that") and no verb. The text unchanged otherwise."""
    if not following or bare_word(following[0]) not in PREPOSITIONS:
        return text
    for end in range(len(following), 1, -1):
        run = following[:end]
        after = bare_word(following[end]) if end < len(following) else ""
        if after and after not in FUNCTION_WORDS and run[-1][-1:] not in ",;:":
            continue  # "after week of renewed [tension]": the phrase goes on
        words = [w.rstrip(",;:") for w in run]
        if not last_is_content(" ".join(words)) or any(bare_word(w) in CLAUSE_WORDS for w in words):
            continue
        if has_verb(["", *words]):
            continue
        filled = tidy(text + " " + " ".join(words)).rstrip(".")
        if fits_in(filled, bytes) and len(filled.split()) >= MIN_HEADLINE_WORDS:
            return filled
    return text
