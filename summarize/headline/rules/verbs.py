"""Headline verbs: "is to" / "will" become "to", "has" before a participle goes, and past
events are told in the present for common irregular verbs."""

from __future__ import annotations

import re

from summarize.headline.grammar import plural_subject, verbish
from summarize.headline.text import bare_word
from summarize.headline.words import (
    AMBIGUOUS_PAST,
    MODALS,
    NO_SUBJECT,
    NOT_AN_OBJECT,
    PARTICIPLE_TO_BASE,
    PAST_PARTICIPLES,
    PAST_TO_BASE,
    PRESENT_VERBS,
    PRONOUNS,
    RELATIVES,
    third_person,
)

# "is to"/"are set to" -> "to"/"set to"; "will" -> "to"; "has/have (been)" before a
# participle that is also the past tense -> dropped
_BE_TO = re.compile(r"(?<=\S)\s+(?:is|are)\s+(?=(?:set\s+|due\s+|poised\s+)?to\s+[a-z])")
_WILL = re.compile(r"(?<=[\w')\u2019])\s+will\s+(?=(?!not\b)[a-z])")
_HAS = re.compile(
    r"(?<=[\w')\u2019])\s+(?:has|have)(?:\s+been)?\s+"
    rf"(?=(?:[a-z]+(?:-[a-z]+)*ed|{'|'.join(sorted(PAST_PARTICIPLES))})(?![\w-]))"
)


def use_headline_verbs(text: str) -> str:
    """Headline style for verbs: ``"BMW is to recall"`` -> ``"BMW to recall"``, ``"prices
    will rise"`` -> ``"prices to rise"``, ``"the firm has warned"`` -> ``"the firm
    warned"``. After a pronoun or a relative pronoun the verb stays as it is."""
    out = text
    for pattern, replacement in ((_BE_TO, " "), (_WILL, " to "), (_HAS, " ")):
        out = _replace_unless_pronoun(pattern, replacement, out)
    return out


def _replace_unless_pronoun(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        before = text[: match.start()].rsplit(None, 1)
        if before and bare_word(before[-1]) in PRONOUNS | RELATIVES | MODALS | {"that", "to"}:
            return match.group()
        return replacement

    return pattern.sub(replace, text)


def use_present_tense(text: str) -> str:
    """Headline style tells past events in the present, for the main verb when it is a
    common irregular one: ``"Veldt Motors has won the contract"`` -> ``"Veldt Motors wins
    the contract"``, ``"The miners have taken"`` -> ``"The miners take"``, ``"Prices rose
    sharply"`` -> ``"Prices rise sharply"``. The verb must be the first verb of the text
    and follow a noun (not a pronoun, an auxiliary or "to"); a form that is also a
    participle (``"held"``, ``"won"``) changes only before its object, so ``"A suspect held
    in jail"`` stays. After ``has``/``have`` (not "been") the auxiliary gives the number;
    otherwise the subject decides (:func:`plural_subject`). Regular verbs stay
    in "-ed", which headline readers take the same way."""
    words = text.split()
    for position, raw in enumerate(words):
        word = bare_word(raw)
        if position == 0 or not raw[:1].islower():
            continue
        previous = bare_word(words[position - 1])
        if word in ("has", "have") and position + 1 < len(words):
            base = PARTICIPLE_TO_BASE.get(words[position + 1])
            if base is None or previous in PRONOUNS | RELATIVES | MODALS | {"that", "to"}:
                return text
            verb = third_person(base) if word == "has" else base
            return " ".join([*words[:position], verb, *words[position + 2 :]])
        if word in PAST_TO_BASE and raw == word:
            following = bare_word(words[position + 1]) if position + 1 < len(words) else ""
            if (
                previous in NO_SUBJECT
                or not words[position - 1][-1:].isalnum()
                or (word in AMBIGUOUS_PAST and (not following or following in NOT_AN_OBJECT))
            ):
                return text
            plural = plural_subject(words[:position])
            base = PAST_TO_BASE[word]
            verb = base if plural else third_person(base)
            return " ".join([*words[:position], verb, *words[position + 1 :]])
        if verbish(raw) or word in PRESENT_VERBS:
            return text  # the first verb is another one: it stays as it is
    return text
