"""The rule for who said it: ``"..., officials said"``, ``"according to X"``, and
``"X said it will ..."`` becoming ``"X will ..."``."""

from __future__ import annotations

import re

from summarize.headline.rules.clauses import subject_appositive
from summarize.headline.text import bare_word, first_word, rest_or_same, tidy
from summarize.headline.words import (
    AUXILIARIES,
    DETERMINERS,
    MIN_HEADLINE_WORDS,
    POSSESSIVES,
    PREPOSITIONS,
    PRONOUNS,
    SAY,
    SPEAKERS,
)

# Trailing: ", officials said." / ", said a spokesman." / ", according to the BBC."
_ATTRIBUTION_END = re.compile(
    r"(?:[,;]|(?<=[,?!])[\"'\u201d\u2019])\s+"
    r"(?:according\s+to\b[^,;]*"
    rf"|(?!(?:has|have|had|and|but)\b)[^,;\"\u201c\u201d]{{1,60}}?\s{SAY}(?:\s+[^,;\"\u201c\u201d\s]+){{0,4}}"
    rf"|{SAY}\s+(?!(?:he|she|it|they|we|that)\b)[^,;\"\u201c\u201d]{{1,60}})[.!]?$"
)  # not ", says it will ...": a clause follows, not a speaker
# Inside: "X, officials said, will ..."
_ATTRIBUTION_INSIDE = re.compile(
    rf",\s+(?:according\s+to\b[^,;]{{1,60}}|[^,;]{{1,40}}\s{SAY}(?:\s+on\s+\w+)?),\s+"
)
# Leading: "Officials said (on Monday) (that) ...", "The ministry told reporters that ...",
# "According to the police, ..."
_ATTRIBUTION_START = re.compile(
    r"^(?:(?P<subject>[^,;\"\u201c]{1,60}?)\s(?:has\s+|have\s+|had\s+)?"
    r"(?:(?:said|says)(?:\s+(?:on|last|this)\s+\w+)?(?:\s+that)?"
    r"|(?:announced|reported|confirmed|stated|told\s+[^,;]{1,40}?)(?:\s+(?:on|last|this)\s+\w+)?"
    r"\s+that)\s+"
    r"|According\s+to\s+[^,;]{1,60},\s+)"
)
# "X (has) said he/she/it/they ...": the speaker is the subject of what was said
_ATTRIBUTION_PRONOUN = re.compile(
    r"^(?P<subject>[^,;\"\u201c]{1,60}?)\s(?:has\s+|have\s+|had\s+)?"
    r"(?:said|says|believes|believe|insisted|insists|claimed|claims|confirmed|confirms"
    r"|warned|warns|announced|announces)(?:\s+that)?\s+(?P<pronoun>he|she|it|they)\s+(?P<rest>\S.*)$"
)
# "it was vital for ...", "it is likely that ...": an "it" that stands for no one
_COPULA = re.compile(
    r"^(?:is|was|would\s+be|will\s+be)\s+(?!\w+(?:ing|ed)\b)"
    rf"(?!(?:not|{'|'.join(sorted(PREPOSITIONS))})\b)"
)
_POSSESSOR = re.compile(r"\w['\u2019]s?(?:\s|$)")
_PRONOUN_OR_POSSESSIVE = PRONOUNS | POSSESSIVES


def _speaker_is_subject(match: re.Match[str]) -> bool:
    """In ``"X said he/it/they ..."``, whether the pronoun can be X: a subject without a
    verb, "it" not after a plural and not the empty "it" of "it was vital for ..."."""
    subject = match.group("subject")
    if not _plain_subject(subject) or _POSSESSOR.search(subject):
        return False  # "Flight's association said he ...": "he" may be the possessor
    words = subject.split()
    head = words[-1]
    plural = (
        (head[:1].islower() or len(words) == 1)
        and head.endswith("s")
        and not head.endswith(("ss", "us", "is"))
    )
    if match.group("pronoun") == "it":
        return not plural and _COPULA.match(match.group("rest")) is None
    return not (plural and match.group("pronoun") in ("he", "she"))


def drop_attribution(text: str) -> str:
    """Drop who said it: ``"..., officials said."``, ``"..., according to X."``,
    ``"X, police said, was ..."``, a leading ``"Officials said (that) ..."``; and in
    ``"X has said it will ..."`` the speaker becomes the subject: ``"X will ..."``."""
    out = _ATTRIBUTION_END.sub("", text)
    if out.count(",") >= 2:  # it is set off by two commas
        out = _ATTRIBUTION_INSIDE.sub(" ", out)
    match = _ATTRIBUTION_START.match(out)
    pronoun = _ATTRIBUTION_PRONOUN.match(subject_appositive(out))
    if pronoun is not None and _speaker_is_subject(pronoun):
        out = f"{pronoun.group('subject')} {pronoun.group('rest')}"
    elif (
        match is not None
        and first_word(out[match.end() :]) not in _PRONOUN_OR_POSSESSIVE
        and _generic(match.group("subject"))
    ):
        out = rest_or_same(out, match)
    if out == text or len(out.split()) < MIN_HEADLINE_WORDS:
        return text
    return tidy(out)


def _generic(subject: str | None) -> bool:
    """A speaker without a name: "Officials", "the ministry", "a report", "figures". A named
    speaker ("Computer giant IBM", "Juninho's agent", "Cameroon") stays in the headline."""
    if subject is None:
        return True
    words = subject.split()
    if any(word[:1].isupper() for word in words[1:]):
        return False
    first = words[0].lower()
    return first in DETERMINERS or first in SPEAKERS or words[0][:1].islower()


def _plain_subject(subject: str) -> bool:
    """A subject without a verb of its own ("Marlowe has denied claims that he ...": the
    "claims" is a noun, and "has denied" is the verb)."""
    return not any(
        bare_word(w) in AUXILIARIES or (w[:1].islower() and bare_word(w).endswith("ed"))
        for w in subject.split()
    )
