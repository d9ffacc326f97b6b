"""Detectors of broken headlines, one pure function each (text in, True when broken): a
verb cut off from its object, a subordinate or participle phrase without its main clause,
a present-tense verb that does not agree with its subject. Trimming rejects the cuts they
flag (:func:`~summarize.headline.rules.trimming.trim`), and
``tests/test_headline_readability.py`` and ``benchmarks/headlines.py`` count them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarize.headline.grammar import has_verb, is_participle, plural_subject
from summarize.headline.inflect import (
    is_participle_of,
    is_past_of,
    known_noun,
    present_agrees,
    verb_lemma,
)
from summarize.headline.text import bare_word
from summarize.headline.words import (
    AUXILIARIES,
    CLAUSE_ONLY,
    CLAUSE_OPENERS,
    CLAUSE_WORDS,
    FUNCTION_OR_PRONOUN,
    FUNCTION_WORDS,
    PRONOUNS,
    SURE_PRESENT,
    word_set,
)

# Verbs news uses without an object: a headline may end on them ("Prices rise").
INTRANSITIVE = word_set(
    "arrive appear collapse come continue die disappear drop end emerge erupt escape "
    "explode fail fall flee go grow happen jump land live plunge quit recover remain resign "
    "retire return rise rule sink slide slip slump soar stay strike struggle surge survive "
    "vanish vote wait walk win lose work dip tumble climb rally sleep speak talk wed marry "
    "step leave crash split agree apologise apologize react respond testify play compete "
    "improve worsen stall halt close open shut begin start finish sing perform act"
)
_PRESENT_AUXILIARIES = word_set("has have had")
_BEFORE_AN_ACTIVE_VERB = _PRESENT_AUXILIARIES | PRONOUNS | CLAUSE_OPENERS
_BEFORE_A_NOUN = FUNCTION_WORDS - AUXILIARIES


def dangling_verb(text: str) -> bool:
    """The text ends on a verb that needs its object or complement, cut off: an active
    verb (after a pronoun, an auxiliary "has"/"had", inside a clause opened by "that",
    "who" and the like, or in a form that is no participle, "took") that news does not
    use alone (:data:`INTRANSITIVE`): ``"Minister denied claims that troops massacred"``,
    ``"Ostrel has signed"``, or a verb that takes a clause followed by the clause's subject
    alone (``"Inquiry says engineers"``). A participle after a noun is a passive headline
    ("Suspect arrested") and passes."""
    words = text.split()
    if len(words) < 2:
        return False
    if _clause_lost_its_verb(words):
        return True
    raw, last = words[-1], bare_word(words[-1])
    if not raw[:1].islower() or not raw[-1:].isalpha():
        return False
    lemma = verb_lemma(last)
    if lemma is None or lemma in INTRANSITIVE or lemma in ("be", "have", "do"):
        return False
    if known_noun(last) and not last.endswith("ed"):
        return False  # "court", "talks", "plans": a noun as likely as a verb
    previous = bare_word(words[-2])
    if previous in _BEFORE_AN_ACTIVE_VERB:
        return True  # "has signed", "they took", "who killed"
    if previous in _BEFORE_A_NOUN:
        return False  # "of the injured", "to the wounded": a noun
    participle = is_participle_of(last, lemma)
    if participle and previous in AUXILIARIES:
        return False  # "was arrested": a passive
    opened = any(bare_word(w) in CLAUSE_OPENERS for w in words[:-1])
    return opened or not participle  # "... that troops massacred", "Ostrel took"


_CLAUSE_VERBS = word_set(
    "say says said claim claims claimed believe believes believed think thinks thought "
    "argue argues argued insist insists insisted"
)


_OBJECTS = word_set("nothing something anything everything so yes no sorry goodbye")
_FUNCTION_BUT_THAT = FUNCTION_WORDS - word_set("that")


def _clause_lost_its_verb(words: Sequence[str]) -> bool:
    """A verb that takes a clause (``"says"``) followed by words without a verb: ``"Inquiry
    says engineers"`` lost the clause's verb."""
    for position, raw in enumerate(words[1:-1], start=1):
        if bare_word(raw) in _CLAUSE_VERBS and raw[:1].islower():
            rest = words[position + 1 :]
            opener = bare_word(rest[0])
            if opener in _FUNCTION_BUT_THAT or opener in _OBJECTS or raw[-1:] in ",;:":
                return False  # "says in a statement", "said, ..."
            return not has_verb(["", *rest])
    return False


def missing_main_clause(text: str) -> bool:
    """The text is a subordinate clause or a participle phrase without the main clause it
    hangs on: it opens with a subordinator (``"As talks stalled in Ostrel"``), or the only
    verbs it has come after the first comma in a phrase opened by a participle, a
    preposition or a clause word (``"Ostrel officials, citing security concerns"``)."""
    words = text.split()
    if not words:
        return False
    if bare_word(words[0]) in CLAUSE_ONLY:
        return True
    comma = next((i for i, w in enumerate(words[:-1]) if w[-1:] in ",;"), None)
    if comma is None or has_verb(words[: comma + 1]):
        return False
    following = words[comma + 1]
    bare = bare_word(following)
    opens_phrase = following[:1].islower() and (
        bare.endswith("ing") or is_participle(following) or bare in FUNCTION_WORDS
    )
    return opens_phrase and has_verb(words)


def agreement_broken(text: str) -> bool:
    """The first present-tense verb after a common-noun subject does not agree with it in
    number: ``"The official say"``, ``"Officials says"``. Only subjects whose head is a
    common noun are judged (a name may take either: "Brentford face"); a label before a
    colon is no subject; a verb after "to" or a modal, or one whose base is also its past
    ("put"), is not judged."""
    words = text.split()
    start = next((i + 1 for i, w in enumerate(words) if w.endswith(":")), 0)
    for position in range(start + 1, len(words)):
        raw = words[position]
        word = bare_word(raw)
        if words[position - 1][-1:] in ",;" or word in CLAUSE_WORDS:
            return False  # past the first phrase or into a clause: the subject is unclear
        if not raw[:1].islower():
            continue
        if word in FUNCTION_OR_PRONOUN:
            if word in AUXILIARIES or word == "to":
                return False  # the first verb is an auxiliary or no finite verb: not judged
            continue
        lemma = verb_lemma(word)
        if lemma is None:
            continue
        if word.endswith(("ing", "ed")) or is_past_of(word, lemma):
            return False  # a participle or a past form: no number to agree
        if not (word in SURE_PRESENT or lemma in _JUDGED or word == lemma):
            continue
        subject = words[start:position]
        head = _head(subject)
        if not head or (head[:1].isupper() and head != subject[0]):
            return False
        if word == lemma and known_noun(word) and word not in _JUDGED:
            return False  # "officials plan" or the noun "plan": not judged
        if not known_noun(bare_word(head)):
            return False
        return not present_agrees(word, plural_subject(subject))
    return False


_JUDGED = word_set("say tell see find give take make win lose hold keep leave meet seek")


def _head(subject: Sequence[str]) -> str:
    """The last word of the subject before a preposition or "of"."""
    head = ""
    for word in subject:
        if bare_word(word) in FUNCTION_WORDS and bare_word(word) not in ("than",):
            if head:
                break
            continue
        head = word
    return head


DETECTORS: tuple[Callable[[str], bool], ...] = (
    dangling_verb,
    missing_main_clause,
    agreement_broken,
)
"""The detectors of broken headlines, in order."""


def broken_cuts(text: str) -> list[str]:
    """The names of the detectors that flag ``text`` (empty when it reads as whole)."""
    return [detector.__name__ for detector in DETECTORS if detector(text)]
