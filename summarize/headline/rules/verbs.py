"""Headline verbs: "is to" / "will" become "to", "has" before a participle goes, and past
events are told in the present for common irregular verbs."""

from __future__ import annotations

import re

from summarize.headline.grammar import plural_subject, verbish
from summarize.headline.inflect import is_participle_of, is_past_of, present, verb_lemma
from summarize.headline.text import bare_word
from summarize.headline.words import (
    IRREGULAR_BASES,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    MODALS,
    NO_SUBJECT,
    NOT_AN_OBJECT,
    PAST_PARTICIPLES,
    PRESENT_VERBS,
    PRONOUNS,
    RELATIVES,
    word_set,
)

# "is to"/"are set to" -> "to"/"set to"; "will" -> "to"; "has/have (been)" before a
# participle that is also the past tense -> dropped
_BE_TO = re.compile(r"(?<=\S)\s+(?:is|are)\s+(?=(?:set\s+|due\s+|poised\s+)?to\s+[a-z])")
_IS_TO = re.compile(r"(?:is|are)\s+(?:set\s+|due\s+|poised\s+)?to\s+[a-z]")  # in every _BE_TO
_WILL = re.compile(r"(?<=[\w')\u2019])\s+will\s+(?=(?!not\b)[a-z])")
_HAS = re.compile(
    r"(?<=[\w')\u2019])\s+(?:has|have)(?:\s+been)?\s+"
    rf"(?=(?:[a-z]+(?:-[a-z]+)*ed|{'|'.join(sorted(PAST_PARTICIPLES))})(?![\w-]))"
)


_KEEPS_ITS_VERB = PRONOUNS | RELATIVES | MODALS | word_set("that to")  # the verb after these
_IRREGULAR_FORMS = IRREGULAR_PAST | IRREGULAR_PARTICIPLES | word_set("said")


def use_headline_verbs(text: str) -> str:
    """Headline style for verbs: ``"BMW is to recall"`` -> ``"BMW to recall"``, ``"prices
    will rise"`` -> ``"prices to rise"``, ``"the firm has warned"`` -> ``"the firm
    warned"``. After a pronoun or a relative pronoun the verb stays as it is."""
    out = text
    if _IS_TO.search(out):  # the searches before each: what its pattern needs, found quickly
        out = _replace_unless_pronoun(_BE_TO, " ", out)
    if "will" in out:
        out = _replace_unless_pronoun(_WILL, " to ", out)
    if "has" in out or "have" in out:
        out = _replace_unless_pronoun(_HAS, " ", out)
    return out


def _replace_unless_pronoun(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        before = text[: match.start()].rsplit(None, 1)
        if before and bare_word(before[-1]) in _KEEPS_ITS_VERB:
            return match.group()
        return replacement

    return pattern.sub(replace, text)


def use_present_tense(text: str) -> str:
    """Headline style tells past events in the present, for the main verb when it is a
    common irregular one (:data:`~summarize.headline.words.IRREGULAR_BASES`; its forms come
    from ``lemminflect``): ``"Veldt Motors has won the contract"`` -> ``"Veldt Motors wins
    the contract"``, ``"The miners have taken"`` -> ``"The miners take"``, ``"Prices rose
    sharply"`` -> ``"Prices rise sharply"``. The verb must be the first verb of the text
    and follow a noun (not a pronoun, an auxiliary or "to"); a form that is also a
    participle (``"held"``, ``"won"``) changes only before its object, so ``"A suspect held
    in jail"`` stays. After ``has``/``have`` (not "been") the auxiliary gives the number;
    otherwise the subject decides (:func:`plural_subject`), and the verb agrees with it.
    Regular verbs stay in "-ed", which headline readers take the same way."""
    words = text.split()
    for position, raw in enumerate(words):
        word = bare_word(raw)
        if position == 0 or not raw[:1].islower():
            continue
        previous = bare_word(words[position - 1])
        if word in ("has", "have") and position + 1 < len(words):
            base = _irregular_base(words[position + 1], participle=True)
            if base is None or previous in _KEEPS_ITS_VERB:
                return text
            verb = present(base, plural=word == "have")
            return " ".join([*words[:position], verb, *words[position + 2 :]])
        base = _irregular_base(word, participle=False) if raw == word else None
        if base is not None:
            following = bare_word(words[position + 1]) if position + 1 < len(words) else ""
            ambiguous = is_participle_of(word, base)
            if (
                previous in NO_SUBJECT
                or not words[position - 1][-1:].isalnum()
                or (ambiguous and (not following or following in NOT_AN_OBJECT))
            ):
                return text
            verb = present(base, plural=plural_subject(words[:position]))
            return " ".join([*words[:position], verb, *words[position + 1 :]])
        if verbish(raw) or word in PRESENT_VERBS:
            return text  # the first verb is another one: it stays as it is
    return text


def _irregular_base(word: str, participle: bool) -> str | None:
    """The verb of :data:`IRREGULAR_BASES` whose simple past (or past participle) ``word``
    is, by ``lemminflect``; None for any other word."""
    if word not in _IRREGULAR_FORMS:
        return None  # a quick test before the lexicon
    base = verb_lemma(word)
    if base is None or base not in IRREGULAR_BASES:
        return None
    found = is_participle_of(word, base) if participle else is_past_of(word, base)
    return base if found else None
