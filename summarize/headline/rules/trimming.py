"""Trimming to the budget: cut at a phrase boundary, and drop up to
:data:`MAX_INNER_DROPS` optional pieces inside, keeping the most weight."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from summarize.headline.grammar import (
    has_verb,
    is_participle,
    last_clause_has_verb,
    last_is_content,
    verbish,
)
from summarize.headline.rules.clauses import (
    descriptor_spans,
    subject_spans,
)
from summarize.headline.rules.guards import dangling_verb, missing_main_clause
from summarize.headline.text import balanced, bare_word, first_word, fits_in
from summarize.headline.topic import WordWeight
from summarize.headline.words import (
    ADJUNCT_PREPOSITIONS,
    AUXILIARIES,
    BOUNDARY_WORDS,
    CLAUSE_ONLY,
    CONJUNCTIONS,
    FUNCTION_OR_PRONOUN,
    FUNCTION_WORDS,
    IRREGULAR_PARTICIPLES,
    MAX_SUBJECT_WORDS,
    MIN_HEADLINE_WORDS,
    OF_NOUNS,
    PARTICLES,
    PREPOSITIONS,
    QUANTIFIERS,
    SUBORDINATORS,
    word_set,
)

MAX_INNER_DROPS = 3  # pieces dropped from inside the text by drop_inner_phrases, at most


def drop_trailing_detail(text: str, bytes: int, weight: WordWeight | None = None) -> str:
    """Cut the text at a phrase boundary where it fits in ``bytes`` (UTF-8 bytes): before a
    preposition, subordinator, conjunction, participle, ``to`` or ``that``, or after a
    comma. The part kept must have a verb, at least :data:`MIN_HEADLINE_WORDS` words, and
    must not end on a function word. Of the cuts that qualify, the one keeping the most
    ``weight`` wins (by default every content word weighs 1), then the longest. Returns the
    text unchanged when it fits or no cut qualifies."""
    return trim(text, bytes, weight, max_drops=0)[0]


def drop_inner_phrases(text: str, bytes: int, weight: WordWeight | None = None) -> str:
    """Like :func:`drop_trailing_detail`, but up to :data:`MAX_INNER_DROPS` optional pieces
    may also go from inside the text so that what follows them fits: prepositional phrases
    of place and time (``"praise given to it by two readers' clubs"`` -> ``"praise given
    by two readers' clubs"``), descriptors before names (``"at US media giant
    Globecast"`` -> ``"at Globecast"``, see :func:`drop_name_descriptors`) and a clause
    between the subject and its verb (see :func:`drop_restrictive_clauses`)."""
    return trim(text, bytes, weight, max_drops=MAX_INNER_DROPS)[0]


def trim(
    text: str,
    bytes: int,
    weight: WordWeight | None,
    max_drops: int,
    free: frozenset[int] = frozenset(),
) -> tuple[str, int, int]:
    """The best trimmed text, how many inner pieces it drops, and how many of the text's
    words it runs to (the text itself, 0 and all of them when it fits or nothing
    qualifies).

    The text is kept up to a phrase boundary, less up to ``max_drops`` optional pieces
    inside it (adjunct phrases, descriptors before names, a clause or a phrase between the
    subject and its verb); a cut that leaves a verb without its object or a phrase without
    its main clause (:mod:`summarize.headline.rules.guards`) does not qualify; the choice
    keeping the most weight wins, then the one with fewer
    drops, then the longest. The words at the positions ``free`` (see :data:`HEADLINESE`)
    are left out of the result but are there for the tests of grammar (a verb, a clause's
    verb)."""
    words = text.split()
    if free:
        whole = " ".join(w for i, w in enumerate(words) if i not in free)
        if fits_in(whole, bytes):
            return whole, 0, len(words)
    elif fits_in(text, bytes):
        return text, 0, len(words)
    weigh = weight or _content_weight
    values: list[float] = []  # the words' weights, found as far as the cuts tried need them
    sizes = [0 if i in free else len(w.encode("utf-8")) + 1 for i, w in enumerate(words)]
    known: dict[int, bool] = {}  # phrase boundaries found so far, for this text

    def boundary(i: int) -> bool:
        found = known.get(i)
        if found is None:
            found = known[i] = _is_boundary(words, i)
        return found

    optional = sorted(
        _adjunct_spans(words, boundary) + descriptor_spans(words) + subject_spans(words)
    )
    # every choice that fits, with its key: the weight it keeps, fewer drops, the longest
    choices: list[tuple[tuple[float, int, int], int, int, tuple[tuple[int, int], ...]]] = []
    for end in range(MIN_HEADLINE_WORDS, len(words) + 1):  # keep words[:end]; cut the tail
        if (end < len(words) and not boundary(end)) or _lone_end(words, end):
            continue
        inner = [span for span in optional if span[1] < end]
        prefix_size = sum(sizes[:end]) - 1
        # what drops could save at most, counting spans that run on past the cut only up
        # to it: that grows no faster than the prefix, so no later cut can fit either
        reach = sorted((sum(sizes[a : min(b, end)]) for a, b in optional if a < end), reverse=True)
        if prefix_size - sum(reach[:max_drops]) > bytes:
            break
        values += [weigh(w) for w in words[len(values) : end]]
        prefix_value = sum(values[:end])
        for count in range(0, min(max_drops, len(inner)) + 1):
            for dropped in _combinations(inner, count):
                size = prefix_size - sum(sum(sizes[a:b]) for a, b in dropped)
                if size > bytes:
                    continue
                value = prefix_value - sum(sum(values[a:b]) for a, b in dropped)
                choices.append(((value, -count, size), -len(choices), end, dropped))
    # the best key wins (the first of equals): the tests of grammar, the costly part, are
    # asked of the choices best first, until one passes
    for key, _, end, dropped in sorted(choices, reverse=True):
        skip = {i for a, b in dropped for i in range(a, b)}
        kept_words = [w for i, w in enumerate(words[:end]) if i not in skip]
        kept = " ".join(kept_words)
        shown = " ".join(w for i, w in enumerate(words[:end]) if i not in skip | free)
        if (
            fits_in(shown, bytes)
            and len(shown.split()) >= MIN_HEADLINE_WORDS
            and last_is_content(kept)
            and has_verb(kept_words)
            and last_clause_has_verb(kept_words)
            and first_word(kept) not in CLAUSE_ONLY
            and balanced(kept)
            and not dangling_verb(kept)
            and not missing_main_clause(kept)
        ):
            return shown, -key[1], end
    if free:
        return " ".join(w for i, w in enumerate(words) if i not in free), 0, len(words)
    return text, 0, len(words)


def _combinations(
    spans: Sequence[tuple[int, int]], count: int
) -> Iterable[tuple[tuple[int, int], ...]]:
    """Sets of ``count`` spans (sorted by start) that do not overlap."""
    if count == 0:
        yield ()
        return
    for position, span in enumerate(spans):
        for rest in _combinations(spans[position + 1 :], count - 1):
            if not rest or rest[0][0] >= span[1]:
                yield (span, *rest)


_NEEDS_ITS_PHRASE = AUXILIARIES | PARTICLES
_PREPOSITIONS_BUT_OF = PREPOSITIONS - word_set("of")


def _adjunct_spans(
    words: Sequence[str], boundary: Callable[[int], bool] | None = None
) -> list[tuple[int, int]]:
    """Word spans of prepositional phrases that may go from inside the text: opened by an
    adjunct preposition (not after a comma), running to the next phrase boundary with the
    ``of`` phrases that hang on it, without a verb inside, and followed by another
    prepositional phrase (which attaches as freely as the dropped one did). ``boundary``
    says whether the text may be cut before a word (:func:`_is_boundary` by default; trimming
    passes its own, which remembers)."""
    if boundary is None:
        boundary = lambda i: _is_boundary(words, i)  # noqa: E731
    spans = []
    for start in range(1, len(words)):
        if bare_word(words[start]) not in ADJUNCT_PREPOSITIONS or words[start - 1][-1] in ",;:":
            continue
        if bare_word(words[start - 1]) in _NEEDS_ITS_PHRASE or is_participle(words[start - 1]):
            continue  # "is at its lowest level", "aimed at", "backing down in": it is needed
        end = start + 1
        while end < len(words) and (not boundary(end) or bare_word(words[end]) == "of"):
            end += 1
        if end >= len(words) or words[end - 1][-1] in ",;:":
            continue
        if bare_word(words[start]) in SUBORDINATORS:
            stop = min(len(words), end + MAX_SUBJECT_WORDS)
            clause = next((i for i in range(end, stop) if words[i][-1] in ",;:"), stop)
            if has_verb(["", *words[end : clause + 1]]):
                continue  # "after beer sales in Europe fell": a clause, not a phrase
        if (
            end - start >= 2  # "plough on with": a lone particle is no phrase
            and bare_word(words[end]) in _PREPOSITIONS_BUT_OF
            and not has_verb(["", *words[start:end]])
        ):
            spans.append((start, end))
    return spans


def _lone_end(words: Sequence[str], end: int) -> bool:
    """Whether ``words[:end]`` ends in a lone word after a comma (``"..., part"``) or a
    lone lower-case word after a conjunction (``"... and comes"``)."""
    if end >= 2 and words[end - 2][-1] in ",;:":
        return True
    return end >= 3 and bare_word(words[end - 2]) in CONJUNCTIONS and words[end - 1][:1].islower()


def _content_weight(word: str) -> float:
    return 0.0 if bare_word(word) in FUNCTION_OR_PRONOUN else 1.0


_AFTER_A_PARTICIPLE = PREPOSITIONS | word_set("to by as")
_BOUNDARY_OPENERS = PREPOSITIONS | SUBORDINATORS | CONJUNCTIONS | BOUNDARY_WORDS


def _is_boundary(words: Sequence[str], i: int) -> bool:
    """May the text be cut before ``words[i]``?"""
    previous, word = bare_word(words[i - 1]), bare_word(words[i])
    if words[i - 1][-1] in ",;:" or word in ("\u2013", "\u2014", "--", "-"):
        return True
    if word == "of":  # "Bank of England" is a name, "the withdrawal of troops" a phrase
        if previous in QUANTIFIERS or previous in OF_NOUNS:
            return False  # "one of ...", "millions of ...": the quantity needs its noun
        return not (
            words[i - 1][:1].isupper() and words[i + 1 : i + 2] and words[i + 1][:1].isupper()
        )
    if word == "to" and previous in ("up", "due", "according", "close", "next", "prior"):
        return False
    if word in ("to", "that") and verbish(words[i - 1]):
        return False  # "plans to ...", "concluded that ...": the verb needs what follows
    if (
        word in ("by", "as")
        and (previous.endswith("ed") or previous in IRREGULAR_PARTICIPLES)
        and i >= 2
        and bare_word(words[i - 2]) not in AUXILIARIES
    ):
        return False  # "a film produced by ...", "a budget flagged as ...": it needs them
    following = bare_word(words[i + 1]) if i + 1 < len(words) else ""
    if (word in ("less", "more", "fewer") and following == "than") or (
        word == "such" and following == "as"
    ):
        return True
    if (
        words[i][:1].islower()
        and len(word) > 4
        and previous not in FUNCTION_WORDS
        and (word.endswith("ing") or (word.endswith("ed") and following in _AFTER_A_PARTICIPLE))
    ):  # a participle after a noun: "cars equipped with ...", "a vote urging ..."
        return True
    return word in _BOUNDARY_OPENERS
