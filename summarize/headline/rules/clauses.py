"""Rules for clauses and phrases around the subject: appositives, relative and
subordinate clauses, clauses and phrases between the subject and its verb, descriptors
before names. Each is one pure function; the ``*_spans`` functions give the optional
pieces that trimming (:mod:`summarize.headline.rules.trimming`) may drop."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.headline.grammar import (
    has_verb,
    is_participle,
    looks_plural,
    verb_prefix,
    verbish,
)
from summarize.headline.text import bare_word, capitalise, first_word, rest_or_same, tidy
from summarize.headline.words import (
    AUXILIARIES,
    AUXILIARY_OR_TO,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    FUNCTION_OR_PRONOUN,
    FUNCTION_WORDS,
    LEADING_ADVERBS,
    LEADING_SUBORDINATORS,
    MAX_SUBJECT_WORDS,
    MIN_HEADLINE_WORDS,
    PARTICLES,
    PREDICATIVE,
    PREPOSITIONS,
    PRESENT_VERBS,
    PRONOUNS,
    RELATIVES,
    SUBORDINATORS,
    VERBS,
    word_set,
)

# ", the Russian president," / ", 45," / ", a former minister," before the verb
_APPOSITIVE = re.compile(
    r"(?<=[\w)'\u2019]),\s+(?:(?:aged\s+)?\d{1,3}|(?:the|a|an|its|his|her|their|former|then)"
    r"\s[^;:\"\u201c\u201d()]{1,150}?),\s+"
    rf"(?!(?:{'|'.join(sorted(CONJUNCTIONS | PREPOSITIONS | SUBORDINATORS))})\b)(?=[a-z])"
)


def drop_appositives(text: str) -> str:
    """Drop an appositive or age between commas before the verb: ``"Putin, the Russian
    president, said"`` -> ``"Putin said"``; ``"Jane Doe, 45, was"`` -> ``"Jane Doe was"``;
    ``"Brannock Steel, one of the largest metal makers, could cut"`` -> ``"Brannock Steel
    could cut"``. When the subject is a description and the appositive a name, the name
    stays: ``"The biggest toy maker, Speelgoed Group, has reported"`` -> ``"Speelgoed Group
    has reported"``."""
    out = _APPOSITIVE.sub(_before_a_verb, text)
    out = subject_appositive(out)
    return tidy(out) if out != text else text


def _before_a_verb(match: re.Match[str]) -> str:
    """The appositive goes when a verb or participle follows it ("Putin, the president,
    said"), not an adjective ("The republic, a small, mountainous state")."""
    following = match.string[match.end() :].split(None, 1)[:1]
    verb = bool(following) and (
        verbish(following[0])
        or is_participle(following[0])
        or bare_word(following[0]) in PRESENT_VERBS
    )
    return " " if verb else match.group()


_APPOSITIVE_SUBJECT = re.compile(
    r"^(?P<subject>[^,;:\"\u201c\u201d()]{2,80}),\s+(?P<inner>[^,;:\"\u201c\u201d()]{2,120}),\s+"
    r"(?P<verb>[a-z][\w'\u2019-]*)"
)
_OPENS_NO_SUBJECT = PREPOSITIONS | SUBORDINATORS | LEADING_ADVERBS
_OPENS_NO_APPOSITIVE = CONJUNCTIONS | PRONOUNS
_NAME = re.compile(r"(?:(?:[A-Z][\w.'\u2019&-]*|&|of|and|de|van|von|\d[\w.]*)(?:\s+|$))+")


def subject_appositive(text: str) -> str:
    """``"Subject, appositive, verb ..."`` without the appositive (a noun phrase without a
    verb), or ``"Description, Name, verb ..."`` as ``"Name verb ..."``: the subject opens
    the text and has no verb of its own, and the word after the second comma is a verb."""
    match = _APPOSITIVE_SUBJECT.match(text)
    if match is None or not verbish(match.group("verb")):
        return text
    subject, inner = match.group("subject").split(), match.group("inner").split()
    if (
        len(subject) > 8
        or not subject[0][:1].isupper()
        or bare_word(subject[0]) in _OPENS_NO_SUBJECT
        or any(verbish(w) or bare_word(w) in RELATIVES for w in subject + inner)
        or bare_word(inner[0]) in _OPENS_NO_APPOSITIVE
    ):
        return text
    rest = text[match.start("verb") :]
    name = _NAME.fullmatch(match.group("inner") + " ") is not None and inner[0][:1].isupper()
    if name and any(w[:1].islower() for w in subject):  # "The biggest firm, Speelgoed, has"
        return f"{match.group('inner')} {rest}"
    if name or len(inner) > 14:
        return text  # "Kerry, Iowa, said": a place, or a list of names
    return f"{match.group('subject')} {rest}"


_RELATIVE = re.compile(
    r",\s+(?:(?:who|whom|whose|which|where)\b[^,;:\u2013\u2014]*(?P<end>,\s+|[.;:!?]?$)"
    r"|[a-z]+(?:ed|en)\s+(?:by|in|at|for|from|with|as|to)\b[^,;:\u2013\u2014]*(?P<reduced>,\s+)(?=[a-z]))"
)


def drop_relative_clauses(text: str) -> str:
    """Drop non-restrictive relative clauses (set off by a comma): ``"The bank, which
    was founded in 1850, closed"`` -> ``"The bank closed"`` (one at the end goes to the
    end), and reduced ones between commas: ``"The firm, owned by Suez, is ..."``. A comma
    followed by a capitalised word is inside the clause, in a list of names, not its end
    (``"The producer, who worked with the Larks, Ada Brook and the Ostrel Singers, has
    died"``): the clause runs on to the first comma followed by a word in lower case, and
    stays when there is none (where it ends is not known)."""
    kept: list[str] = []
    position = 0
    while (match := _RELATIVE.search(text, position)) is not None:
        end = _relative_clause_end(text, match)
        if end is None:  # its end is not known: it stays
            kept.append(text[position : match.end()])
        else:
            closing = match.group("end") or match.group("reduced") or ""
            kept.append(text[position : match.start()] + (" " if closing.startswith(",") else ""))
        position = match.end() if end is None else end
    out = "".join(kept) + text[position:]
    if out == text or len(out.split()) < MIN_HEADLINE_WORDS:
        return text
    return tidy(out)


def _relative_clause_end(text: str, match: re.Match[str]) -> int | None:
    """Where the relative clause that ``match`` opens ends: after its closing comma, or
    after the list of names it runs into (see :func:`drop_relative_clauses`); None when
    that list runs on to no comma followed by a word in lower case."""
    if match.group("reduced") or not match.group("end").startswith(","):
        return match.end()  # a reduced clause (a word in lower case follows), or at the end
    if not text[match.end() : match.end() + 1].isupper():
        return match.end()
    rest = _LIST_OF_NAMES.match(text, match.end())
    return rest.end() if rest is not None else None


# the rest of a list of names inside a clause: capitalised items, up to a comma before a
# word in lower case (the main clause's verb)
_LIST_OF_NAMES = re.compile(
    r"[^,;:\u2013\u2014]*(?:,\s+(?![a-z])[^,;:\u2013\u2014]*)*?,\s+(?=[a-z])"
)


def drop_restrictive_clauses(text: str) -> str:
    """Drop a relative or participial clause that stands between the subject and its verb
    without commas: ``"Investors who lost money in the scandal are to get ..."`` ->
    ``"Investors are to get ..."``, ``"A claim accusing the firms of lying has been thrown
    out"`` -> ``"A claim has been thrown out"``. The verb is found as the first auxiliary
    before any comma. :func:`compress` drops such a clause only when that keeps more weight
    (through :func:`drop_inner_phrases`)."""
    words = text.split()
    spans = restrictive_spans(words)
    if not spans:
        return text
    start, end = spans[0]
    return capitalise(" ".join(words[:start] + words[end:]))


_FUNCTION_OR_PARTICLE = FUNCTION_WORDS | PARTICLES


def _auxiliary_verbs(words: Sequence[str]) -> list[int]:
    """Positions before any comma where a finite verb group opens with an auxiliary or a
    headline "to" ("devices to have ..."; "set to" counts from "set"), one per group."""
    verbs = []
    for i, word in enumerate(words):
        if word[-1:] in ",;:":
            break
        bare = bare_word(word)
        following = words[i + 1] if i + 1 < len(words) else ""
        headline_to = (
            bare == "to"
            and following[:1].islower()
            and bare_word(words[i - 1]) not in _FUNCTION_OR_PARTICLE  # "through to call"
        )
        if i >= 3 and word[:1].islower() and (bare in AUXILIARIES or headline_to):
            if bare_word(words[i - 1]) in AUXILIARY_OR_TO:
                continue  # "could be", "to have": the same verb, or no finite one
            if (
                headline_to
                and verbish(words[i - 1])
                and bare_word(words[i - 1]) not in ("set", "due", "poised")
            ):
                continue  # "asked to see": the verb is "asked"
            verbs.append(i - 1 if bare_word(words[i - 1]) in ("set", "due", "poised") else i)
    return verbs


_BEFORE_AN_AGENT = PREPOSITIONS | PARTICLES | word_set("to by")


def subject_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """The spans of :func:`restrictive_spans` and of :func:`subject_phrase_spans` together
    (trimming may drop either), finding the verbs both read once."""
    verbs = _auxiliary_verbs(words)
    verb_end = _verb_end(words)
    return _restrictive_spans(words, verbs, verb_end) + _subject_phrase_spans(
        words, verbs, verb_end
    )


def _verb_end(words: Sequence[str]) -> int:
    """:func:`~summarize.headline.grammar.verb_prefix` of the words after the first (the
    first read as ""): ``has_verb(["", *words[1:start]])`` holds from ``start`` on, and
    ``verb_prefix(["", *words[1:n]])`` is the least of it and ``n + 1``."""
    return verb_prefix(["", *words[1:]])


def restrictive_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """The span of the clause :func:`drop_restrictive_clauses` drops (none or one): from a
    relative pronoun, or a participle after a common noun, to the subject's verb (an
    auxiliary or a headline "to" before any comma; a relative clause must have a verb of
    its own first, so that its auxiliary is not taken for the subject's)."""
    return _restrictive_spans(words, _auxiliary_verbs(words), _verb_end(words))


def _restrictive_spans(
    words: Sequence[str], verbs: Sequence[int], verb_end: int
) -> list[tuple[int, int]]:
    """:func:`restrictive_spans`, with the text's :func:`_auxiliary_verbs` and
    :func:`_verb_end`."""
    stop = min((verbs[-1] if verbs else len(words)) - 1, MAX_SUBJECT_WORDS)
    # has_verb(["", *words[1:start]]) holds from this start on
    past_verb = min(verb_end, stop + 1)
    for start in range(1, stop):
        if start >= past_verb:
            return []  # past the subject: "dismissed fears that his plans are ..."
        word, previous = bare_word(words[start]), bare_word(words[start - 1])
        if not words[start][:1].islower() or previous in FUNCTION_OR_PRONOUN:
            continue
        later = [verb for verb in verbs if verb > start + 1]
        if word in ("who", "which", "that"):
            if not later:
                return []
            if len(later) > 1:  # the clause has a verb of its own first
                later = [verb for verb in later if has_verb(["", *words[start + 1 : verb]])]
            past = (
                later
                and any(  # "websites that help people swap films forced ..."
                    is_participle(words[i])
                    and (looks_plural(words[i - 1]) or words[i - 1][:1].isupper())
                    for i in range(start + 2, later[0])
                )
            )
            return [(start, later[0])] if later and not past else []
        if (
            (
                len(word) > 4
                and word.endswith("ing")
                and bare_word(words[start + 1]) not in PREPOSITIONS  # "the shooting in X": a noun
            )
            or (
                is_participle(words[start])
                and words[start - 1][:1].islower()  # "Ajax refused to": a name's verb
                and bare_word(words[start + 1]) in _BEFORE_AN_AGENT
            )
        ):
            finite = [verb for verb in later if bare_word(words[verb]) in AUXILIARIES]
            if finite:  # "areas getting help to fight crime will be named"
                later = finite[:1]
            elif len(later) > 1:
                return []  # "to fight ... to be named": which is the subject's?
            if not later:  # "A film produced by Sam Raimi topped ...": a verb after a name
                clause = next(
                    (i for i in range(start, len(words)) if words[i][-1] in ",;:"), len(words)
                )
                later = [
                    i
                    for i in range(start + 2, min(clause + 1, len(words)))
                    if is_participle(words[i]) and words[i - 1][:1].isupper()
                ][:1]
            return [(start, later[0])] if later else []
    return []


def drop_subject_phrases(text: str) -> str:
    """Drop a prepositional phrase inside the subject, from its preposition (not "of") to
    the subject's verb: ``"Hundreds of library books for the village school have
    disappeared"`` -> ``"Hundreds of library books have disappeared"``. :func:`compress`
    drops one only when that keeps more weight (through :func:`drop_inner_phrases`)."""
    words = text.split()
    spans = subject_phrase_spans(words)
    if not spans:
        return text
    start, end = spans[0]
    return " ".join(words[:start] + words[end:])


_NOT_IN_A_SUBJECT = CLAUSE_WORDS | CONJUNCTIONS | PRONOUNS
_NOT_BEFORE_A_PHRASE = FUNCTION_WORDS | PRONOUNS | PREDICATIVE


def subject_phrase_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """The span :func:`drop_subject_phrases` drops (none or one)."""
    return _subject_phrase_spans(words, _auxiliary_verbs(words), _verb_end(words))


def _subject_phrase_spans(
    words: Sequence[str], verbs: Sequence[int], verb_end: int
) -> list[tuple[int, int]]:
    """:func:`subject_phrase_spans`, with the text's :func:`_auxiliary_verbs` and
    :func:`_verb_end`."""
    verb = _subject_verb(words, verbs)
    if (
        verb is None
        or verb > MAX_SUBJECT_WORDS
        or any(bare_word(w) in _NOT_IN_A_SUBJECT for w in words[1:verb])
    ):
        return []  # "Shops that flout rules on how ...": the verb may be the clause's
    past_verb = min(verb_end, verb)  # has_verb(["", *words[1:start]]) from this start on
    for start in range(2, verb - 1):
        if words[start - 1][-1] in ",;:" or start >= past_verb:
            return []  # past the subject: "Robots are learning lessons on ..."
        previous = bare_word(words[start - 1])
        if (
            words[start] in PREPOSITIONS
            and words[start] != "of"
            and previous not in _NOT_BEFORE_A_PHRASE
            and not is_participle(words[start - 1])
        ):
            return [] if has_verb(["", *words[start:verb]]) else [(start, verb)]
    return []


def _subject_verb(words: Sequence[str], verbs: Sequence[int]) -> int | None:
    """Where the verb of a text that opens with its subject probably is: the first
    auxiliary or headline "to" (``verbs``, its :func:`_auxiliary_verbs`), else the first
    past form or common verb (see :data:`VERBS`) after a word that is not a function word,
    before any comma; None when there is none."""
    for i in range(2, verbs[0] if verbs else len(words)):
        word, previous = words[i], words[i - 1]
        if previous[-1] in ",;:":
            return None
        bare = bare_word(word)
        if not word[:1].islower() or bare_word(previous) in FUNCTION_OR_PRONOUN:
            continue
        if (
            is_participle(word)
            or bare in PRESENT_VERBS
            or (bare in VERBS and (looks_plural(previous) or previous[:1].isupper()))
        ):
            return i
    return verbs[0] if verbs else None


_LEADING_CLAUSE = re.compile(r"^(?P<clause>[^,;:\"\u201c]{1,200}?),\s+")


def drop_subordinate_clauses(text: str) -> str:
    """Drop a leading subordinate clause: ``"When the market collapsed in 2000, the funds
    lost value"`` -> ``"The funds lost value"``. (A trailing one, ``"..., after talks
    failed"``, is trailing detail: :func:`drop_trailing_detail` cuts it when needed.)"""
    match = _LEADING_CLAUSE.match(text)
    if match is None or first_word(text) not in LEADING_SUBORDINATORS:
        return text
    return rest_or_same(text, match)


def drop_name_descriptors(text: str) -> str:
    """Drop descriptions right before names: ``"Former Cabinet minister Ada Brook has
    criticised US media giant Globecast"`` -> ``"Ada Brook has criticised
    Globecast"``. A descriptor is up to six content words (no article, preposition or
    verb form), the last one lower-case, right before a capitalised word. :func:`compress`
    drops one only when that keeps more weight (through :func:`drop_inner_phrases`)."""
    words = text.split()
    spans = descriptor_spans(words)
    if not spans:
        return text
    skip = {i for start, end in spans for i in range(start, end)}
    return capitalise(" ".join(w for i, w in enumerate(words) if i not in skip))


def descriptor_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """Word spans of descriptors right before a name: ``"US media giant"`` in ``"at US
    media giant Globecast"``, ``"Rovers defender"`` in ``"signing Rovers defender
    Sam Okafor"``: up to six content words, one to three of them lower-case, the
    last one lower-case, before a capitalised word."""
    spans = []
    for name in range(1, len(words)):
        if not words[name][:1].isupper() or not _is_descriptor_word(words[name - 1]):
            continue
        if not words[name - 1][:1].islower():
            continue
        start = name - 1
        while start > 0 and _is_descriptor_word(words[start - 1]) and name - start < 6:
            start -= 1
        if start > 0 and bare_word(words[start - 1]) in AUXILIARY_OR_TO:
            start += 1  # "to supply Swedish truck maker Volvex": "supply" is a verb
        if start > 1 and bare_word(words[start - 1]) in CONJUNCTIONS and words[start - 2].islower():
            continue  # "the club and former champion Dortmund": both describe one name
        if start >= name or not words[name - 1][:1].islower():
            continue
        lower = sum(1 for w in words[start:name] if w[:1].islower())
        if lower <= 3 and name - start < len(words) - MIN_HEADLINE_WORDS:
            spans.append((start, name))
    return spans


_NOT_DESCRIPTORS = FUNCTION_WORDS | PRONOUNS | PARTICLES


def _is_descriptor_word(word: str) -> bool:
    bare = bare_word(word)
    return (
        bool(bare)
        and (word[-1:].isalnum() or word[-1:] in "'\u2019")
        and bare not in _NOT_DESCRIPTORS
        and not (word[:1].islower() and (bare.endswith("ing") or verbish(word)))
    )
