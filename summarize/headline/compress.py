"""Compression as a whole: the rules in order (:data:`ALWAYS`, :data:`STYLE`,
:data:`HEADLINESE`), then trimming to the budget (:func:`compress`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarize.headline.rules.attribution import drop_attribution
from summarize.headline.rules.clauses import (
    drop_appositives,
    drop_relative_clauses,
    drop_subordinate_clauses,
)
from summarize.headline.rules.phrases import drop_leading_phrase, drop_time_expressions
from summarize.headline.rules.style import (
    auxiliary_positions,
    complementiser_positions,
    drop_articles,
    drop_auxiliaries,
    drop_complementisers,
    drop_filler_adverbs,
    drop_possessive_determiners,
    possessive_positions,
    shorten_names,
)
from summarize.headline.rules.trimming import MAX_INNER_DROPS, trim
from summarize.headline.rules.verbs import use_headline_verbs, use_present_tense
from summarize.headline.rules.wire import drop_byline, drop_dateline, drop_parentheticals
from summarize.headline.text import finish, tidy
from summarize.headline.topic import Topic
from summarize.headline.values import DEFAULT_BYTES, Compression

ALWAYS: tuple[Callable[[str], str], ...] = (
    drop_byline,
    drop_dateline,
    drop_parentheticals,
    drop_attribution,
    drop_appositives,
    drop_leading_phrase,
    drop_time_expressions,
    drop_subordinate_clauses,
    drop_relative_clauses,
)
"""Rules applied to every candidate, in order: what they drop never belongs in a headline."""
STYLE: tuple[Callable[[str], str], ...] = (
    drop_articles,
    drop_filler_adverbs,
    use_present_tense,
    use_headline_verbs,
)
"""Headline style, applied last (the other rules read the articles and verbs)."""
HEADLINESE: tuple[tuple[Callable[[str], str], Callable[[Sequence[str]], set[int]]], ...] = (
    (drop_auxiliaries, auxiliary_positions),
    (drop_possessive_determiners, possessive_positions),
    (drop_complementisers, complementiser_positions),
)
"""Words headline style leaves out, with the positions each rule finds in a list of words:
:func:`compress` leaves them out only after trimming, whose tests of grammar need them."""


def compress(text: str, bytes: int = DEFAULT_BYTES, topic: Topic | None = None) -> Compression:
    """``text`` compressed into a headline of at most ``bytes`` (UTF-8 bytes) if the rules can; the
    result may still be longer (then it is not a headline). Steps are the rule names.

    ``topic`` (see :meth:`Topic.of`) says how much each word is worth keeping when phrases
    must go, and which names may be shortened; without it every content word weighs 1."""
    topic = topic or Topic()
    steps: list[str] = []
    out = tidy(text)

    def apply(rule: Callable[[str], str], name: str) -> None:
        nonlocal out
        changed = rule(out)
        if changed != out:
            steps.append(name)
            out = changed

    for rule in ALWAYS:
        apply(rule, rule.__name__)
    for rule in STYLE:
        apply(rule, rule.__name__)
    apply(lambda t: shorten_names(t, topic.names_in(t)), "shorten_names")
    out = finish(out)
    words = out.split()
    found = [(rule.__name__, positions(words)) for rule, positions in HEADLINESE]
    free = frozenset().union(*(positions for _, positions in found))
    trimmed, drops, end = trim(out, bytes, topic.weight, MAX_INNER_DROPS, free)
    steps += [name for name, positions in found if any(p < end for p in positions)]
    if drops:
        steps.append("drop_inner_phrases")
    if end < len(words):
        steps.append("drop_trailing_detail")
    rest = tuple(w for i, w in enumerate(words) if i >= end and i not in free)
    return Compression(finish(trimmed), tuple(steps), rest)
