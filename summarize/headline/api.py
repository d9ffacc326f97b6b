"""Headlines: one short line that states the main event of an article or a cluster.

The method is extractive and compressive, in the spirit of Hedge Trimmer (Dorr, Zajic and
Schwartz, "Hedge Trimmer: A Parse-and-Trim Approach to Headline Generation", HLT-NAACL
2003 Text Summarization Workshop): take the sentence that best states the main event and
trim it until it fits, keeping its subject, main verb and object. Choosing and compressing
are separate:

1. **Choosing** (:mod:`summarize.headline.ranking`), from the ranking step the digest uses
   (:func:`summarize.ranking.rank`: boilerplate dropped, scored, near-duplicates grouped,
   corroboration). Every document's title (when it has one) and its first
   :data:`CANDIDATE_SENTENCES` kept sentences are candidates, except quotations, questions,
   fragments and sentences that open with a pronoun or speak in the first person. A
   candidate's *score* is its score in the ranking (the digest's scorer; ``lead`` for a
   headline on its own: news states the main event first; a title counts as the first
   sentence of its document), raised by corroboration: a candidate that ``k`` documents
   carry (near-duplicates, as the digest groups them) is multiplied by
   ``1 + corroboration * (k - 1)``. A title that fits (kept as its author wrote it) wins
   over any sentence, since it was written as a headline. Otherwise sentences are
   compressed best score first until one fits; position and corroboration decide, and
   the *weight* of what a compression keeps only decides between candidates of equal
   score (the leads of several documents): the sum over its words of ``log(1 + n)``,
   ``n`` the occurrences of the word's term in the whole input (:class:`Topic`).
   Candidates ranked below the one that fits are not compressed at all.
2. **Compressing** (:func:`~summarize.headline.compress.compress`; the rules are in
   :mod:`summarize.headline.rules`, the word lists in :mod:`summarize.headline.words`), by
   rules over words and punctuation: no parser or tagger is available offline, so clauses
   and phrases are found from commas, dashes, brackets, capitalisation and closed lists of
   function words (prepositions, subordinators, relative pronouns, auxiliaries, reporting
   verbs, time words, common verbs of news). Each rule is a pure function of the text:

   - :data:`ALWAYS`, what never belongs in a headline: bylines and datelines,
     parentheticals, attributions ("..., officials said"; "X said he would ..." becomes
     "X would ..."), appositives ("Brannock Steel, one of the largest metal makers, could
     cut" becomes "Brannock Steel could cut"; "The biggest toy maker, Speelgoed, has"
     becomes "Speelgoed has"), leading time and place phrases and linking adverbs, other time
     expressions, leading subordinate clauses, non-restrictive relative clauses;
   - :data:`STYLE`, headline style: no articles or filler adverbs, past events told in
     the present when the main verb is a common irregular one ("has won" / "won" ->
     "wins", :func:`use_present_tense`), "is to" / "will" become "to", any other "has"
     before a past participle ("has warned") goes, and a full name becomes the surname
     the story uses on its own (:func:`shorten_names`);
   - :data:`HEADLINESE`, headline style that goes only after trimming, whose tests of
     grammar need the words: auxiliaries before participles ("were killed" -> "killed",
     "is recalling" -> "recalling"), possessive determiners ("cut its forecast" -> "cut
     forecast") and "that" after a verb;
   - then, only when the text is still longer than the budget, :func:`drop_inner_phrases`:
     the text is cut after a phrase boundary (before a preposition, conjunction,
     participle, ``to`` or ``that``, or after a comma or dash) and up to
     :data:`MAX_INNER_DROPS` optional pieces inside it may go (prepositional phrases of
     place and time, descriptors before names, a clause or a prepositional phrase between
     the subject and its verb); of the cuts that fit, keep a verb and do not end on a
     function word, the one keeping the most weight wins. A headline is never cut
     mid-word, and one that cannot be made to fit is passed over for the next candidate.

3. **Filling** (:func:`fill`; the rules in :mod:`summarize.headline.rules.filling`): the
   bytes a compressed headline leaves carry what the story is about and it lacks, as
   TOPIARY (Zajic, Dorr and Schwartz, DUC 2004) did: first the lede's next phrase when it is
   a prepositional phrase that fits and ends where a phrase ends ("... over scandal in
   Kosovo"), then a topic label before a colon, the name the input repeats most that the
   headline lacks and that fits ("Kosovo: Leaders agree deal"; :meth:`Topic.labels`). An
   outlet's title kept as written stays as it is.

Headlines keep the source's casing (the first letter is raised after a cut) and have no
final period. When no candidate fits, :func:`headline` raises
:class:`~summarize.errors.SummarizeError`. Where this departs from Hedge Trimmer: no parse
tree (the rules above stand in for its parse-tree trimming), the sentence is chosen among
the first few of every document by the ranking's scorer and corroboration (the weight
breaking ties) rather than always being the first one, and titles are candidates. English
only for now: the word lists are English.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator

from summarize.errors import SummarizeError
from summarize.headline.compress import ALWAYS, HEADLINESE, STYLE, compress
from summarize.headline.ranking import CANDIDATE_SENTENCES, choose, rank_candidates
from summarize.headline.rules.filling import add_topic_label, append_next_phrase
from summarize.headline.topic import Topic
from summarize.headline.values import (
    DEFAULT_BYTES,
    TITLE,
    Compression,
    Headline,
    HeadlineCandidate,
)
from summarize.model import Document
from summarize.options import AUTO, DEFAULT_CORROBORATION, DEFAULT_SCORER, DigestOptions
from summarize.ranking import Ranked, rank
from summarize.scorers import Scorer
from summarize.text.documents import as_documents
from summarize.text.tokens import check_language

__all__ = [
    "ALWAYS",
    "CANDIDATE_SENTENCES",
    "DEFAULT_BYTES",
    "DEFAULT_SCORER",
    "HEADLINESE",
    "STYLE",
    "Compression",
    "Headline",
    "HeadlineCandidate",
    "Topic",
    "compress",
    "headline",
    "headline_of",
    "rank_candidates",
]


CHARS_DEPRECATED = (
    "headline(chars=) counts bytes and is deprecated: use headline(bytes=) (it will be "
    "removed in the next release)"
)


def headline(
    inputs: str | Document | Iterable[str | Document],
    *,
    bytes: int | None = None,
    chars: int | None = None,
    language: str = "english",
    scorer: str | Scorer = DEFAULT_SCORER,
    corroboration: float = DEFAULT_CORROBORATION,
    keep_boilerplate: bool = False,
    options: DigestOptions | None = None,
) -> Headline:
    """One headline of at most ``bytes`` bytes of UTF-8 (default :data:`DEFAULT_BYTES`) for
    all the inputs together.

    >>> headline("MOSCOW (Reuters) - The minister, who flew in on Monday, "
    ...          "resigned over the scandal, officials said.").text
    'Minister resigned over scandal'

    Takes what :func:`summarize.summarize` takes: a text, a document, or a list of either.
    The candidates are ranked by the ranking step the digest uses (:func:`summarize.ranking.rank`)
    with ``options`` (scorer, duplicates, corroboration, boilerplate, language); without
    ``options`` they are built from ``scorer`` (``lead`` by default), ``corroboration``,
    ``keep_boilerplate`` and ``language``. A ``scorer`` object is used in place of the named
    one. ``chars`` is the old name of ``bytes`` (deprecated, with a warning).

    Titles are tried first: if one fits, the fitting title with the best score wins (then
    the largest weight). Otherwise sentences are compressed in the order of
    :func:`rank_candidates` until one fits; candidates of the same score are compressed too
    and the largest weight among them wins (see the module's description). Candidates that
    cannot win are listed uncompressed, with the reason.
    Raises :class:`SummarizeError` when the input has no sentence or title, or when no
    candidate can be compressed into ``bytes`` bytes."""
    if chars is not None:
        warnings.warn(CHARS_DEPRECATED, DeprecationWarning, stacklevel=2)
        if bytes is None:
            bytes = chars
    budget = DEFAULT_BYTES if bytes is None else bytes
    _check_budget(budget)
    if options is None:
        options = DigestOptions(
            scorer=scorer if isinstance(scorer, str) else AUTO,
            corroboration=corroboration,
            keep_boilerplate=keep_boilerplate,
            language=check_language(language),
        )
    documents = as_documents(inputs, check_language(options.language), purpose="make a headline of")
    ranked = rank(documents, options, scorer=None if isinstance(scorer, str) else scorer)
    return headline_of(ranked, budget)


def headline_of(ranked: Ranked, bytes: int = DEFAULT_BYTES) -> Headline:
    """The headline of an input already ranked (the digest's own ranking: the digest's
    scorer, duplicates and corroboration); see :func:`headline`."""
    _check_budget(bytes)
    candidates = rank_candidates(ranked, CANDIDATE_SENTENCES)
    if not candidates:
        raise SummarizeError("nothing to make a headline of: the input has no sentences")
    topic = Topic.of(ranked.documents)
    chosen = choose(candidates, bytes, topic)
    if chosen is None and any(len(d.sentences) > CANDIDATE_SENTENCES for d in ranked.documents):
        chosen = choose(rank_candidates(ranked, None), bytes, topic)  # every sentence
    if chosen is None:
        raise SummarizeError(f"no headline fits in {bytes} bytes")
    best, considered = chosen
    text = fill(best, bytes, topic)
    return Headline(
        text=text,
        document=best.document,
        source=best.source,
        bytes=bytes,
        candidates=considered,
    )


FILL = "both"
"""How the bytes the headline leaves are used: ``"label"`` (a topic label before a colon,
:func:`add_topic_label`), ``"phrase"`` (the lede's next phrase, :func:`append_next_phrase`),
``"both"`` (the phrase, then a label in what is left; the best measured,
``benchmarks/headlines.py``) or ``""`` (left)."""


def fill(best: HeadlineCandidate, bytes: int, topic: Topic) -> str:
    """The chosen headline with the bytes it leaves used as :data:`FILL` says; an outlet's
    title as its author wrote it stays as it is."""
    text = best.text
    if best.origin == TITLE and not best.steps:
        return text
    if FILL in ("phrase", "both"):
        text = append_next_phrase(text, bytes, best.rest)
    if FILL in ("label", "both"):
        text = add_topic_label(text, bytes, _labels(topic))
    return text


def _labels(topic: Topic) -> Iterator[str]:
    """The topic's labels, found only when they are read (:func:`add_topic_label` reads none
    when the headline leaves no room for one)."""
    yield from topic.labels()


def _check_budget(bytes: object) -> None:
    if isinstance(bytes, bool) or not isinstance(bytes, int) or bytes < 1:
        raise SummarizeError(f"bytes must be a whole number of at least 1, got {bytes!r}")
