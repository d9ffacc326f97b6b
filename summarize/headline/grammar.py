"""Rough tests of grammar over words, without a tagger: is a word probably a verb, a
participle, a plural; does a run of words have a finite verb; does a cut end well."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.headline.inflect import is_plural_noun, known_noun
from summarize.headline.text import bare_word
from summarize.headline.words import (
    AUXILIARIES,
    AUXILIARY_OR_TO,
    CLAUSE_OPENERS,
    FUNCTION_OR_PRONOUN,
    FUNCTION_WORDS,
    IRREGULAR_PARTICIPLES,
    IRREGULAR_PAST,
    NOT_PAST,
    PLURAL_WORDS,
    PREPOSITIONS,
    PRESENT_VERBS,
    SAYING,
    SURE_PRESENT,
    VERBISH_WORDS,
    VERBS,
)


def plural_subject(subject: Sequence[str]) -> bool:
    """Whether the words before a verb make a plural subject: an "and" before the first
    preposition, or a plural head noun, the last word before the first preposition or
    comma (``"Shares in Acme"``, ``"More than ten million fans"``, not ``"Price of
    shares"``, ``"The rebels' leader"``). A capitalised word inside is a name
    (``"Fenwick Mills"``): singular. Nouns are looked up in ``lemminflect``; a word it
    does not know counts as plural when it ends in "-s"."""
    head = ""
    head_position = 0
    for position, word in enumerate(subject):
        bare = bare_word(word)
        if (bare in PREPOSITIONS and bare != "than") or bare == "of":  # "more than 14 million"
            break
        if bare == "and":
            return True
        head, head_position = word, position
        if word[-1:] in ",;:":
            break
    bare = bare_word(head)
    if not bare or head.endswith(("'", "\u2019", "'s", "\u2019s")):
        return False
    if bare in PLURAL_WORDS:
        return True
    if head_position > 0 and head[:1].isupper():
        return False  # a name ("Barclays", "Fenwick Mills")
    return _plural_noun(bare)


def _plural_noun(bare: str) -> bool:
    if is_plural_noun(bare):
        return True
    return looks_plural(bare) and not known_noun(bare)


def _in_ed(bare: str) -> bool:
    """A regular past form: "-ed", not "exceed" or "need" (but "agreed", "guaranteed"),
    not "hundred"."""
    return (
        len(bare) > 3
        and bare.endswith("ed")
        and (not bare.endswith("eed") or bare.endswith(("reed", "teed")))
        and bare not in NOT_PAST
    )


def is_participle(word: str) -> bool:
    bare = bare_word(word)
    return word[:1].islower() and (
        _in_ed(bare) or bare in IRREGULAR_PAST or bare in IRREGULAR_PARTICIPLES
    )


def verbish(word: str) -> bool:
    """A lower-case word that is probably a verb: an auxiliary, a reporting or complement
    verb, a common irregular past form, or a word in "-ed"."""
    bare = bare_word(word)
    return word[:1].islower() and (
        bare in VERBISH_WORDS or bool(SAYING.fullmatch(bare)) or _in_ed(bare)
    )


def has_verb(words: Sequence[str]) -> bool:
    """A rough test for a finite verb: an auxiliary, a reporting verb, a common irregular
    past form, a word ending in "-ed", the headline "to" before a verb, a lower-case "-s"
    word between a capitalised word and more text (``"Dollar gains on ..."``), or a common
    verb of news (:data:`VERBS`) after a noun: in "-s" after any (``"the internet raises
    questions"``), bare after a plural or a name (``"Brentford face a tie"``). Without a
    tagger this over-accepts; it guards against cuts that leave only a noun phrase."""
    last = len(words) - 1
    return any(
        _verb_at(words, position, words[position + 1] if position < last else "")
        for position in range(1, len(words))
    )


def verb_prefix(words: Sequence[str]) -> int:
    """How many first words hold a verb: :func:`has_verb` accepts ``words[:n]`` exactly
    when ``n`` is at least this (``len(words) + 1`` when it accepts none). One pass, where
    asking :func:`has_verb` of every prefix in turn costs the square of the length: a word
    is a verb in a prefix that ends on it by its own tests, or once the prefix holds the
    word after it by those that read that word, so the first word that passes either way
    decides."""
    last = len(words) - 1
    for position in range(1, len(words)):
        if _verb_at(words, position, ""):
            return position + 1
        if position < last and _verb_at(words, position, words[position + 1]):
            return position + 2
    return len(words) + 1


def _verb_at(words: Sequence[str], position: int, following_word: str) -> bool:
    """Whether ``words[position]`` is a finite verb by the tests of :func:`has_verb`, with
    ``following_word`` as the word after it, as written ("" when there is none)."""
    raw = words[position]
    if not position or not raw[:1].islower():
        return False
    word = bare_word(raw)
    if word in AUXILIARIES or word in IRREGULAR_PAST or SAYING.fullmatch(word):
        return True
    if word in SURE_PRESENT:
        return True  # "Tickets for the festival sell out"
    if (
        word == "to"
        and following_word
        and following_word[:1].islower()
        and bare_word(following_word) not in FUNCTION_WORDS
    ):
        return True  # headline "to" for the future: "BMW to recall cars"
    if _in_ed(word):
        return True
    previous = words[position - 1]
    if not previous[-1:].isalnum() or bare_word(previous) in FUNCTION_OR_PRONOUN:
        return False
    following = bare_word(following_word) if following_word else ""
    if (
        len(word) > 2
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s"))
        and previous[:1].isupper()
        and following  # "Boerse investors" at the end is a noun phrase
        and following not in AUXILIARY_OR_TO  # "Society members are to"
    ):
        return True
    return word in PRESENT_VERBS or (
        word in VERBS
        and (
            previous[:1].isupper() or bare_word(previous) in PLURAL_WORDS or looks_plural(previous)
        )
    )  # "the internet raises questions", "Brentford face a tie"


def looks_plural(word: str) -> bool:
    bare = bare_word(word)
    return len(bare) > 3 and bare.endswith("s") and not bare.endswith(("ss", "us", "is"))


def last_clause_has_verb(words: Sequence[str]) -> bool:
    """A clause opened inside the text ("... said that elements") has a verb of its own."""
    opener = max((i for i, w in enumerate(words) if bare_word(w) in CLAUSE_OPENERS), default=None)
    return opener is None or has_verb(words[opener:])


def last_is_content(text: str) -> bool:
    """The text ends on a content word: not a function word or pronoun, not a possessive
    ("Russia's"), not a gerund or participle in "-ing" that needs an object ("over video
    claiming"; "are gathering" is fine)."""
    words = text.split()
    if not words:
        return False
    last = bare_word(words[-1])
    if last in FUNCTION_OR_PRONOUN or words[-1].endswith(("'", "\u2019", "'s", "\u2019s")):
        return False
    previous = bare_word(words[-2]) if len(words) > 1 else ""
    return not (words[-1][:1].islower() and last.endswith("ing") and previous not in AUXILIARIES)
