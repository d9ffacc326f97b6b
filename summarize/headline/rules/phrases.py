"""Rules for phrases that never belong in a headline: leading time and place phrases,
linking adverbs and hedges, and time expressions anywhere."""

from __future__ import annotations

import re

from summarize.headline.text import bare_word, capitalise, first_word, rest_or_same, tidy
from summarize.headline.words import (
    AUXILIARIES,
    CONJUNCTIONS,
    DATE,
    DAY,
    DETERMINERS,
    LEADING_ADVERBS,
    MIN_HEADLINE_WORDS,
    PART_OF_DAY,
    PERIOD,
    PREPOSITIONS,
    PRONOUNS,
    word_set,
)

_LEADING_PHRASE = re.compile(r"^(?P<phrase>[^,;:\"\u201c]{1,80}?),\s+")
# "There is no doubt that ...", "It is understood that ...": the clause is the news
_HEDGE = re.compile(
    r"^(?:there\s+(?:is|was|can\s+be)\s+(?:no|little)\s+doubt"
    r"|it\s+(?:is|was|has\s+been)\s+(?:understood|thought|believed|reported|claimed|clear"
    r"|expected|feared|likely|known))\s+that\s+",
    re.IGNORECASE,
)
_LEADING_WORD = re.compile(r"^\S+,?\s+")
_LINKING = CONJUNCTIONS | word_set("however meanwhile also still now")
_OPENS_A_PHRASE = PREPOSITIONS | LEADING_ADVERBS | word_set("last this next early late")


def drop_leading_phrase(text: str) -> str:
    """Drop a leading time or place phrase, a linking adverb or a hedge: ``"On Monday,
    ..."``, ``"In a statement, ..."``, ``"Earlier this week, ..."``, ``"However, ..."``,
    ``"But ..."``, ``"There is no doubt that ..."``, ``"It is understood that ..."``."""
    hedge = _HEDGE.match(text)
    if hedge is not None:
        text = rest_or_same(text, hedge)
    first = first_word(text)
    if first in _LINKING:
        rest = _LEADING_WORD.sub("", text, count=1)
        if len(rest.split()) >= MIN_HEADLINE_WORDS:
            return drop_leading_phrase(capitalise(rest))
    match = _LEADING_PHRASE.match(text)
    if match is None:
        return text
    words = match.group("phrase").split()
    if first not in _OPENS_A_PHRASE:
        return text
    if len(words) > 12 or any(w.lower() in AUXILIARIES for w in words):
        return text
    return rest_or_same(text, match)


_TIME_EXPRESSION = re.compile(
    r"(?P<before>,\s*)?\b(?:"
    rf"(?:on\s+|last\s+|next\s+|this\s+|early\s+|late\s+)?{DAY}{PART_OF_DAY}?(?:,\s+{DATE})?(?!['\u2019]s)"
    rf"|(?:on|in|by|since|until|from|as\s+of)\s+{DATE}"
    rf"|(?:earlier|later)\s+(?:this|that|last|in\s+the|on)\s+{PERIOD}"
    rf"|(?:last|this|next)\s+{PERIOD}(?!['\u2019]s)"
    r"|(?:yesterday|today|tonight|tomorrow)(?!['\u2019]s)"
    r")\b(?P<after>\s*,)?"
)


def drop_time_expressions(text: str) -> str:
    """Drop time expressions anywhere: ``"on Monday"``, ``"last week"``, ``"on December
    11, 2017"``, ``"earlier this month"``, ``"yesterday"`` (not ``"this week's"``)."""

    def replace(match: re.Match[str]) -> str:
        before, after = match.group("before"), match.group("after")
        previous = text[: match.start()].rsplit(None, 1)
        if previous and bare_word(previous[-1]) in ("of", "the"):  # "the end of next month"
            return match.group()
        if before and after:
            return ", " if _clause_follows(text, match.end()) else " "
        return (before or "") + (after or "") or " "

    out = _TIME_EXPRESSION.sub(replace, text)
    if out == text:
        return text
    out = tidy(out)
    return out if out != tidy(text) and len(out.split()) >= MIN_HEADLINE_WORDS else text


def _clause_follows(text: str, position: int) -> bool:
    """Whether the words after ``position`` start a new clause (a subject and a verb) rather
    than continuing the one interrupted: kept simple, a determiner or pronoun starts one."""
    word = first_word(text[position:])
    return word in DETERMINERS or word in PRONOUNS
