"""Headline style: no articles, filler adverbs, auxiliaries before participles, possessive
determiners or "that" after a verb, and short names."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from summarize.headline.grammar import is_participle, verbish
from summarize.headline.text import bare_word, capitalise
from summarize.headline.words import (
    BE,
    FILLER_ADVERBS,
    FUNCTION_WORDS,
    MIN_HEADLINE_WORDS,
    NOT_PROGRESSIVE,
    PRONOUNS,
    QUANTIFIERS,
    RELATIVES,
)
from summarize.text.segment import word_set

_INITIAL_ARTICLE = re.compile(r"^(?:The|A|An)\s+(?=\S)")
_INNER_ARTICLE = re.compile(r"(?<=\s)(?:the|a|an)\s+(?=\S)")
_RATE = re.compile(r"(?:\d\S*|once|twice)\s+$")  # "$47 a barrel", "twice a week"


def drop_articles(text: str) -> str:
    """Headline style: drop the articles ``a``, ``an`` and ``the``. A capitalised inner
    "The" is part of a name and stays, and so do an article between two capitalised words
    (a title: "About a Boy") and the "a" of a rate ("$47 a barrel")."""
    start = _INITIAL_ARTICLE.sub("", text)

    def keep(match: re.Match[str]) -> bool:
        # the word before the article (it follows a space): a rate's number ends it
        previous = start[: match.start()].rsplit(None, 1)[-1:]
        after = start[match.end() : match.end() + 1]
        in_title = bool(previous) and previous[0][:1].isupper() and after.isupper()
        rate = match.group().startswith("a") and bool(previous and _RATE.search(previous[0] + " "))
        return in_title or rate

    out = _INNER_ARTICLE.sub(lambda m: m.group() if keep(m) else "", start)
    if len(out.split()) < MIN_HEADLINE_WORDS:
        return text
    return capitalise(out) if out != text else text


_FILLER = re.compile(rf"(?<=\S)\s+(?:{'|'.join(sorted(FILLER_ADVERBS))})(?=\s+[\w\u00a3$\u20ac])")
# after a modal or "has": "should personally make", "has recently won" (after "is" an -ly
# word is as often an adjective: "is likely", "is costly")
_ADVERB_AFTER_AUXILIARY = re.compile(
    r"\b(?P<auxiliary>will|would|should|could|can|may|might|must|has|have|had)"
    r"\s+(?!(?:un)?likely\b|only\b)[a-z]{3,}ly(?=\s+[a-z])"
)


def drop_filler_adverbs(text: str) -> str:
    """Headline style: drop adverbs that add nothing to a headline: ``"also"``,
    ``"already"``, ``"reportedly"``, ``"now"`` ... (not at the start, not before
    punctuation), and an ``-ly`` adverb right after an auxiliary (``"should personally
    make"`` -> ``"should make"``)."""
    out = _FILLER.sub("", text)
    if "ly" in out:
        out = _ADVERB_AFTER_AUXILIARY.sub(r"\g<auxiliary>", out)
    return out if len(out.split()) >= MIN_HEADLINE_WORDS else text


_SUBJECT_OF_AN_AUXILIARY = PRONOUNS | RELATIVES | word_set("that there what this these those")


def auxiliary_positions(words: Sequence[str]) -> set[int]:
    """Positions of the auxiliaries headline style drops: a form of "be" before a past
    participle or a verb in "-ing", and "has been" before a participle ("were killed",
    "is recalling", "has been sent"; not after a pronoun or relative pronoun)."""
    found: set[int] = set()
    for i in range(1, len(words) - 1):
        word = words[i]
        if word not in BE and word not in ("has", "have", "had"):
            continue
        previous = words[i - 1]
        if previous[-1] in ",;:" or bare_word(previous) in _SUBJECT_OF_AN_AUXILIARY:
            continue
        drop = [i]
        if word in BE:
            if words[i + 1] == "being":
                drop.append(i + 1)
        elif words[i + 1] == "been":
            drop.append(i + 1)
        else:
            continue
        after = drop[-1] + 1
        if after + 1 < len(words) and len(words[after]) > 4 and words[after].endswith("ly"):
            after += 1  # "are increasingly making"
        following = words[after] if after < len(words) else ""
        bare = bare_word(following)
        progressive = (
            word in BE and len(bare) > 4 and bare.endswith("ing") and bare not in NOT_PROGRESSIVE
        )
        if (
            following[:1].islower()
            and following.isalpha()
            and (is_participle(following) or (progressive and len(drop) == 1))
        ):
            found.update(drop)
    return found


def drop_auxiliaries(text: str) -> str:
    """Headline style: no auxiliary before a participle, ``"Ten people were killed"`` ->
    ``"Ten people killed"``, ``"GM is recalling cars"`` -> ``"GM recalling cars"``,
    ``"The writer has been sent to prison"`` -> ``"The writer sent to prison"``."""
    return _without(text, auxiliary_positions)


_NOT_A_POSSESSION = FUNCTION_WORDS | PRONOUNS | word_set("own")


def possessive_positions(words: Sequence[str]) -> set[int]:
    """Positions of "its", "their" and "his" before a noun phrase (not after "all of" and
    the like, not before "own")."""
    found: set[int] = set()
    for i in range(1, len(words) - 1):
        if words[i] not in ("its", "their", "his") or words[i - 1][-1] in ",;:":
            continue
        following = bare_word(words[i + 1])
        if not following or following in _NOT_A_POSSESSION:
            continue
        if words[i - 1] == "of" and i >= 2 and bare_word(words[i - 2]) in QUANTIFIERS:
            continue  # "one of its": the quantifier needs it
        found.add(i)
    return found


def drop_possessive_determiners(text: str) -> str:
    """Headline style: no possessive determiner, ``"The firm cut its forecast"`` -> ``"The
    firm cut forecast"`` (not in ``"one of its"``, ``"their own"``, nor "her", which is
    also an object)."""
    return _without(text, possessive_positions)


def complementiser_positions(words: Sequence[str]) -> set[int]:
    """Positions of "that" opening a clause after a verb ("warned that ...")."""
    return {
        i
        for i in range(1, len(words) - 1)
        if words[i] == "that"
        and words[i - 1][-1:].isalpha()
        and verbish(words[i - 1])
        and bare_word(words[i + 1]) not in FUNCTION_WORDS  # "exceed that of the US"
    }


def drop_complementisers(text: str) -> str:
    """Headline style: no "that" after a verb, ``"Greenspan warned that deficits could
    hurt"`` -> ``"Greenspan warned deficits could hurt"``."""
    return _without(text, complementiser_positions)


def _without(text: str, positions: Callable[[Sequence[str]], set[int]]) -> str:
    words = text.split()
    found = positions(words)
    if not found or len(words) - len(found) < MIN_HEADLINE_WORDS:
        return text
    return " ".join(w for i, w in enumerate(words) if i not in found)


def shorten_names(text: str, names: Mapping[str, str]) -> str:
    """Headline style: full names become the short form the story uses (``names``, see
    :meth:`Topic.names_in`): ``"Bernie Ebbers denies fraud"`` -> ``"Ebbers denies fraud"``."""
    out = text
    for full in sorted(names, key=len, reverse=True):
        out = _replace_word(out, full, names[full])
    return out if len(out.split()) >= MIN_HEADLINE_WORDS else text


def _replace_word(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced by ``new`` where it stands as whole words (no letter,
    digit or hyphen right before or after it)."""
    parts = []
    start = 0
    while (i := text.find(old, start)) >= 0:
        end = i + len(old)
        before, after = text[i - 1 : i], text[end : end + 1]
        if (before and (before.isalnum() or before in "_-")) or (
            after and (after.isalnum() or after in "_-")
        ):
            parts.append(text[start:end])
        else:
            parts.append(text[start:i] + new)
        start = end
    parts.append(text[start:])
    return "".join(parts)
