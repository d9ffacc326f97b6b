"""Rules for what the wire puts around a story: bylines, datelines and asides in brackets
or between dashes."""

from __future__ import annotations

import re

from summarize.headline.text import is_upper_word, rest_or_same, tidy
from summarize.headline.words import MONTH

# "WASHINGTON (Reuters) - ", "LONDON, Dec 11 (AP) — ", "BEIJING -- ", "(CNN) -- "
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'\-]+(?:[ ,/]+[A-Z][A-Za-z.'\-]+){0,3})"
    rf"(?:,\s*(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}))?"
    r"\s*)?(?P<agency>\([^()]{1,40}\)\s*)?(?:--|[-\u2013\u2014:])\s+"
)
# "By John Smith, Reuters - ", "By JANE DOE | Associated Press" (a byline run into the text)
_BYLINE = re.compile(
    r"^By\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}"
    r"(?:\s*,\s*[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})?\s*(?:--|[-\u2013\u2014|:])\s*"
)


def drop_byline(text: str) -> str:
    """Drop a byline run into the start of the text: ``"By Jane Doe, Reuters - The ..."``."""
    return rest_or_same(text, _BYLINE.match(text))


def drop_dateline(text: str) -> str:
    """Drop a wire dateline: ``"WASHINGTON (Reuters) - "``, ``"LONDON, Dec 11 (AP) — "``,
    ``"(CNN) -- "``. A place counts only in capitals or with an agency in brackets."""
    match = _DATELINE.match(text)
    if match is None:
        return text
    place, agency = match.group("place"), match.group("agency")
    if agency is None and (place is None or not is_upper_word(place.split()[0])):
        return text
    return rest_or_same(text, match)


_BRACKETS = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_DASH_PAIR = re.compile(
    r"\s+(?:--|-|\u2013|\u2014)\s+[^\u2013\u2014]*?\s+(?:--|-|\u2013|\u2014)\s+"
)


def drop_parentheticals(text: str) -> str:
    """Drop passages in brackets, ``"(AP)"``, ``"[sic]"``, and between a pair of dashes,
    ``"the plan — first floated in May — was"``."""
    out = _BRACKETS.sub("", text) if "(" in text or "[" in text else text
    if "-" in out or "\u2013" in out or "\u2014" in out:
        out = _DASH_PAIR.sub(" ", out)
    return tidy(out) if out != text and out.strip() else text
