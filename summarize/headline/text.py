"""Text helpers of the headline rules: tidying spaces and punctuation, the headline form
(:func:`finish`), words without their punctuation (:func:`bare_word`), byte budgets."""

from __future__ import annotations

import re
from functools import lru_cache

from summarize.headline.words import FINAL_ABBREVIATIONS, MIN_HEADLINE_WORDS, PUNCTUATION

_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def unquoted(text: str) -> str:
    """``text`` without the passages inside double quotes."""
    if '"' not in text and "\u201c" not in text:
        return text  # no passage opens
    return _QUOTED.sub(" ", text)


def is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def rest_or_same(text: str, match: re.Match[str] | None) -> str:
    if match is None:
        return text
    rest = text[match.end() :]
    return capitalise(rest) if len(rest.split()) >= MIN_HEADLINE_WORDS else text


def balanced(text: str) -> bool:
    """No bracket or double quote left open."""
    return (
        text.count("(") == text.count(")")
        and text.count("\u201c") == text.count("\u201d")
        and text.count('"') % 2 == 0
    )


def fits_in(text: str, bytes: int) -> bool:
    return len(text.encode("utf-8")) <= bytes


def finish(text: str) -> str:
    """Headline form: one line, no final period or dangling punctuation, quotes balanced."""
    out = tidy(text)
    out = _TRAILING_PUNCTUATION.sub("", out)
    if out.endswith(".") and not out.endswith("..") and not _ends_with_abbreviation(out):
        out = out[:-1].rstrip()
    if not balanced(out):
        out = tidy(_QUOTES_AND_BRACKETS.sub("", out))
    return capitalise(out)


def _ends_with_abbreviation(text: str) -> bool:
    """ "U.S." or "Inc." at the end keeps its period."""
    last = text.rsplit(" ", 1)[-1]
    return bool(_INITIALS.fullmatch(last)) or last in FINAL_ABBREVIATIONS


_SPACE_BEFORE = re.compile(r"\s+([,;:.!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[])\s+")
_DOUBLED = re.compile(r"([,;:])(?:\s*[,;:])+")
_LEADING_PUNCTUATION = re.compile(r"^[\s,;:\u2013\u2014-]+")
_TRAILING_PUNCTUATION = re.compile(r"[\s,;:\-\u2013\u2014]+$")
_QUOTES_AND_BRACKETS = re.compile(r"[\"\u201c\u201d()]")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_OPENING_WORD = re.compile(r"\W*(\w+)")
# Once spaces are collapsed, :data:`_SPACE_BEFORE` can only match a single space before the
# mark, and :data:`_DOUBLED` (after it) two marks side by side: these find that much at a
# fraction of the cost of a substitution that has nothing to do.
_SPACED_MARK = re.compile(r" [,;:.!?%)\]]")
_MARKS_TOGETHER = re.compile(r"[,;:][,;:]")


def tidy(text: str) -> str:
    """Collapse spaces; no space before punctuation; no doubled or leading commas."""
    out = " ".join(text.split())
    if _SPACED_MARK.search(out):
        out = _SPACE_BEFORE.sub(r"\1", out)
    if "( " in out or "[ " in out:
        out = _SPACE_AFTER.sub(r"\1", out)
    if _MARKS_TOGETHER.search(out):
        out = _DOUBLED.sub(r"\1", out)
    return _LEADING_PUNCTUATION.sub("", out)


def capitalise(text: str) -> str:
    text = text.lstrip()
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def first_word(text: str) -> str:
    match = _OPENING_WORD.match(text)
    return match.group(1).lower() if match else ""


@lru_cache(maxsize=16384)
def bare_word(word: str) -> str:
    """A word without the punctuation around it, lower-cased unless it is an acronym
    ("US" is not "us"). Cached: the rules ask it of the same words many times."""
    bare = word.strip(PUNCTUATION)
    return bare if len(bare) > 1 and bare.isupper() else bare.lower()
