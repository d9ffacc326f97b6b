"""Headlines: one short line that states the main event of an article or a cluster.

The method is extractive and compressive, in the spirit of Hedge Trimmer (Dorr, Zajic and
Schwartz, "Hedge Trimmer: A Parse-and-Trim Approach to Headline Generation", HLT-NAACL
2003 Text Summarization Workshop): take the sentence that best states the main event and
trim it until it fits, keeping its subject, main verb and object. Choosing and compressing
are separate:

1. **Choosing** (:func:`rank_candidates`). Every document's title (when it has one) and
   its first :data:`CANDIDATE_SENTENCES` story sentences (boilerplate dropped by
   :func:`~summarize.text.clean.boilerplate`) are candidates, except quotations, questions,
   fragments and sentences that open with a pronoun or speak in the first person. A
   candidate's *score* comes from a registered scorer (``lead`` by default: news states
   the main event first; a title counts as the first sentence of its document), raised by
   corroboration: a candidate that ``k`` documents carry (near-duplicates among the
   candidates, as :func:`~summarize.text.merge.duplicate_groups` defines them) is multiplied by
   ``1 + corroboration * (k - 1)``. A title that fits (kept as its author wrote it) wins
   over any sentence, since it was written as a headline. Otherwise sentences are
   compressed best score first until one fits; position and corroboration decide, and
   the *weight* of what a compression keeps only decides between candidates of equal
   score (the leads of several documents): the sum over its words of ``log(1 + n)``,
   ``n`` the occurrences of the word's term in the whole input (:class:`Topic`).
   Candidates ranked below the one that fits are not compressed at all.
2. **Compressing** (:func:`compress`), by rules over words and punctuation: no parser or
   tagger is available offline, so clauses and phrases are found from commas, dashes,
   brackets, capitalisation and closed lists of function words (prepositions,
   subordinators, relative pronouns, auxiliaries, reporting verbs, time words, common
   verbs of news). Each rule is a pure function of the text:

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

Headlines keep the source's casing (the first letter is raised after a cut) and have no
final period. When no candidate fits, :func:`headline` raises
:class:`~summarize.errors.SummarizeError`. Where this departs from Hedge Trimmer: no parse
tree (the rules above stand in for its parse-tree trimming), the sentence is chosen among
the first few of every document by position and corroboration (centrality breaking ties)
rather than always being the first one, and titles are candidates. English only for now:
the word lists are English.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain

import numpy as np

from summarize.errors import SummarizeError
from summarize.model import Document, Sentence, SentenceRef
from summarize.scorers import Scorer, scorers
from summarize.text.clean import boilerplate
from summarize.text.documents import as_documents
from summarize.text.merge import CONTAINMENT, MIN_CONTAINED_TERMS
from summarize.text.tokens import analyzer, check_language, tokenize

__all__ = [
    "ALWAYS",
    "CANDIDATE_SENTENCES",
    "DEFAULT_CHARS",
    "HEADLINESE",
    "STYLE",
    "Compression",
    "Headline",
    "HeadlineCandidate",
    "Topic",
    "compress",
    "drop_appositives",
    "drop_articles",
    "drop_attribution",
    "drop_auxiliaries",
    "drop_byline",
    "drop_complementisers",
    "drop_dateline",
    "drop_filler_adverbs",
    "drop_inner_phrases",
    "drop_leading_phrase",
    "drop_name_descriptors",
    "drop_parentheticals",
    "drop_possessive_determiners",
    "drop_relative_clauses",
    "drop_restrictive_clauses",
    "drop_subject_phrases",
    "drop_subordinate_clauses",
    "drop_time_expressions",
    "drop_trailing_detail",
    "headline",
    "rank_candidates",
    "shorten_names",
    "use_headline_verbs",
    "use_present_tense",
]

DEFAULT_CHARS = 75
"""The budget in bytes: the length convention of published headline work (DUC 2003-2004)."""
DEFAULT_SCORER = "lead"
CANDIDATE_SENTENCES = 5  # story sentences of each document that are candidates
DEFAULT_CORROBORATION = 0.5
DEFAULT_DUPLICATES = 0.5
MIN_WORDS = 5  # a story sentence shorter than this is not a candidate
MIN_HEADLINE_WORDS = 3  # a compression shorter than this does not count as a headline
MAX_SUBJECT_WORDS = 30  # a subject (with its clause) is sought among this many first words

TITLE, SENTENCE = "title", "sentence"


# --------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class Compression:
    """A compressed wording and the names of the rules that changed it, in order."""

    text: str
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeadlineCandidate:
    """A sentence or title considered for the headline.

    ``original`` is the source wording and ``text`` its compression (the original when it
    was not compressed); ``origin`` is ``"title"`` or ``"sentence"``; ``source`` is the
    sentence's identity (None for a title). ``score`` is how well it states the main
    event by position and corroboration (1 for the best), ``weight`` how much of the
    input's topic its compression carries (0 when it was not compressed); the chosen
    candidate has the best score, then the largest weight. ``steps`` names the compression
    rules applied, ``fits`` says whether the compression is a headline within the budget
    (False when it was not tried), and ``reason`` why a candidate was passed over (empty
    for the one chosen).
    """

    original: str
    origin: str
    document: str
    source: SentenceRef | None
    score: float
    text: str = ""
    weight: float = 0.0
    steps: tuple[str, ...] = ()
    fits: bool = False
    reason: str = ""

    @property
    def compressed(self) -> bool:
        """Whether compression changed the wording."""
        return bool(self.steps)


@dataclass(frozen=True)
class Headline:
    """The headline of an input, with the candidates considered (best ranked first).

    ``document`` and ``source`` say where it came from: the document id, and the sentence
    (None when it is the document's title). ``chars`` is the budget in bytes.
    """

    text: str
    document: str
    source: SentenceRef | None
    chars: int
    candidates: tuple[HeadlineCandidate, ...] = ()

    @property
    def origin(self) -> str:
        return TITLE if self.source is None else SENTENCE

    def as_dict(self, *, explain: bool = False) -> dict[str, object]:
        """The JSON shape: ``headline``, ``source`` (document, and index or ``title``),
        ``chars`` and, with ``explain``, the candidates."""
        data: dict[str, object] = {
            "headline": self.text,
            "source": _source_dict(self.document, self.source),
            "chars": self.chars,
        }
        if explain:
            data["candidates"] = [
                {
                    "text": c.text,
                    "original": c.original,
                    "source": _source_dict(c.document, c.source),
                    "score": round(float(c.score), 6),
                    "weight": round(float(c.weight), 6),
                    "steps": list(c.steps),
                    "fits": c.fits,
                    "reason": c.reason,
                }
                for c in self.candidates
            ]
        return data


def _source_dict(document: str, source: SentenceRef | None) -> dict[str, object]:
    if source is None:
        return {"document": document, "title": True}
    return {"document": document, "index": source.index}


# --------------------------------------------------------------------------------------------
# Word lists (grammar, not content)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PUNCTUATION = ".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019"


_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
_MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_ARTICLES = _words("a an the")
_DETERMINERS = _ARTICLES | _words(
    "this that these those his her its their our your my some any each every no another"
)
_PREPOSITIONS = _words(
    "in on at for with from by about against among amid amidst across after before behind "
    "below beneath beside besides between beyond during despite except following inside "
    "into near off onto outside over past per since than through throughout toward towards "
    "under underneath unlike until upon via within without"
)
_SUBORDINATORS = _words(
    "after although as because before if once since though unless until when whenever where "
    "whereas while whilst"
)
_CONJUNCTIONS = _words("and but or nor so yet")
_RELATIVES = _words("who whom whose which where")
_AUXILIARIES = _words(
    "is are was were be been being am has have had having do does did will would shall "
    "should can could may might must"
)
_PRONOUNS = _words("he she it they we i you him them us me")
_MODALS = _words("will would shall should can could may might must")
_POSSESSIVES = _words("his her its their our my your")
_PARTICLES = _words("up down out off back away")
# Irregular past forms common in news, for the rough verb test of a cut.
_IRREGULAR_PAST = _words(
    "rose fell hit won lost made took gave got went came saw told found left kept held led "
    "met paid put set cut quit sold bought brought thought fought sought caught taught began "
    "begun ran spent sent built struck stood grew drew threw flew knew became broke chose "
    "drove froze rode spoke stole woke wrote ate swore tore wore shot split spread sank shrank "
    "sprang sang rang swam bid beat dealt dug fed felt fled hung hid lay laid lit meant slid "
    "stuck swept swung sped sat shut shed bent lent understood withdrew overtook undertook "
    "forgave forbade overcame upheld withheld clung flung slung stung spun wound let"
)
# Verbs that take a "to" or "that" complement: a cut right after one leaves it hanging.
_COMPLEMENT_VERBS = _words(
    "want wants plan plans hope hopes try tries seek seeks aim aims expect expects need needs "
    "continue continues agree agrees refuse refuses fail fails decide decides vow vows "
    "threaten threatens promise promises intend intends ask asks urge urges allow allows "
    "conclude concludes believe believes think thinks say says warn warns claim claims"
)
_FUNCTION_WORDS = (
    _DETERMINERS
    | _PREPOSITIONS
    | _SUBORDINATORS
    | _CONJUNCTIONS
    | _RELATIVES
    | _AUXILIARIES
    | _words("of to not that than also just very more most less least such whether")
)
_DAY = rf"(?:{_WEEKDAYS.replace(' ', '|')})"
_MONTH = rf"(?:{_MONTHS.replace(' ', '|')})\.?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))"
_PERIOD = r"(?:week|weekend|month|year|morning|afternoon|evening|night|season|summer|winter|spring|autumn)"  # noqa: E501
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}})"  # noqa: E501
# Reporting verbs for attributions; "say" forms are the common case.
_SAY = (
    r"(?:said|says|say|told|tells|reported|reports|added|adds|announced|announces|stated"
    r"|states|confirmed|confirms|claimed|claims|insisted|insists|explained|explains|wrote"
    r"|writes|noted|notes|show|shows|showed|suggest|suggests|suggested|indicate|indicates"
    r"|indicated|warned|warns|argued|argues|admitted|admits|revealed|reveals|predicted"
    r"|predicts|acknowledged|acknowledges)"
)


_SAYING = re.compile(_SAY)

# --------------------------------------------------------------------------------------------
# The headline


def headline(
    inputs: str | Document | Iterable[str | Document],
    *,
    chars: int = DEFAULT_CHARS,
    language: str = "english",
    scorer: str | Scorer = DEFAULT_SCORER,
    corroboration: float = DEFAULT_CORROBORATION,
    keep_boilerplate: bool = False,
) -> Headline:
    """One headline of at most ``chars`` bytes (UTF-8) for all the inputs together.

    >>> headline("MOSCOW (Reuters) - The minister, who flew in on Monday, "
    ...          "resigned over the scandal, officials said.").text
    'Minister resigned over scandal'

    Takes what :func:`summarize.summarize` takes: a text, a document, or a list of either.
    Titles are tried first: if one fits, the fitting title with the best score wins (then
    the largest weight). Otherwise sentences are compressed in the order of
    :func:`rank_candidates` until one fits; candidates of the same score are compressed too
    and the largest weight among them wins (see the module's description). Candidates that
    cannot win are listed uncompressed, with the reason.
    Raises :class:`SummarizeError` when the input has no sentence or title, or when no
    candidate can be compressed into ``chars`` bytes."""
    if isinstance(chars, bool) or not isinstance(chars, int) or chars < 1:
        raise SummarizeError(f"chars must be a whole number of at least 1, got {chars!r}")
    documents = list(as_documents(inputs, check_language(language), purpose="make a headline of"))

    def ranking(sentences: int | None) -> list[HeadlineCandidate]:
        return rank_candidates(
            documents,
            scorer=scorer,
            corroboration=corroboration,
            keep_boilerplate=keep_boilerplate,
            sentences=sentences,
        )

    ranked = ranking(CANDIDATE_SENTENCES)
    if not ranked:
        raise SummarizeError("nothing to make a headline of: the input has no sentences")
    topic = Topic.of(documents)
    chosen = _choose(ranked, chars, topic)
    if chosen is None and any(len(d.sentences) > CANDIDATE_SENTENCES for d in documents):
        chosen = _choose(ranking(None), chars, topic)  # every sentence is a candidate
    if chosen is None:
        raise SummarizeError(f"no headline fits in {chars} bytes")
    best, candidates = chosen
    return Headline(
        text=best.text,
        document=best.document,
        source=best.source,
        chars=chars,
        candidates=candidates,
    )


def _choose(
    ranked: Sequence[HeadlineCandidate], chars: int, topic: Topic
) -> tuple[HeadlineCandidate, tuple[HeadlineCandidate, ...]] | None:
    """The candidate chosen, and every candidate with what became of it; None when none
    fits. Titles first; then sentences in rank order until one fits, and those of the same
    score (see :func:`headline`)."""
    tried: dict[int, HeadlineCandidate] = {}
    seen: set[str] = set()

    def attempt(position: int) -> HeadlineCandidate:
        candidate = ranked[position]
        if candidate.reason:  # not a candidate: listed with the reason
            tried[position] = candidate
            return candidate
        result = _compress_candidate(candidate, chars, topic)
        key = result.text.lower()
        fits = _is_headline(result.text, chars) and key not in seen
        reason = ""
        if not fits:
            reason = (
                "same as a better candidate" if key in seen else f"does not fit in {chars} bytes"
            )
        seen.add(key)
        tried[position] = replace(
            candidate,
            text=result.text,
            weight=sum(topic.weight(word) for word in result.text.split()),
            steps=result.steps,
            fits=fits,
            reason=reason,
        )
        return tried[position]

    titles = [i for i, c in enumerate(ranked) if c.origin == TITLE]
    fitting = [c for c in map(attempt, titles) if c.fits]
    if not fitting:
        for position, candidate in enumerate(ranked):
            if position in tried:
                continue
            if fitting and candidate.score < fitting[0].score - _TIE:
                break  # ranked lower than a candidate that fits: it cannot win
            if attempt(position).fits:
                fitting.append(tried[position])
    if not fitting:
        return None
    best = max(fitting, key=lambda c: (c.score, c.weight))  # the first of equals
    return best, tuple(
        _passed_over(tried.get(position, candidate), best)
        for position, candidate in enumerate(ranked)
    )


_TIE = 1e-9  # scores closer than this are equal


def _passed_over(candidate: HeadlineCandidate, best: HeadlineCandidate) -> HeadlineCandidate:
    """The candidate with the reason it was not chosen (unchanged when it has one, or when it
    is the one chosen)."""
    if candidate is best or candidate.reason:
        return candidate
    if best.origin == TITLE and candidate.origin != TITLE:
        return replace(candidate, reason="a source title fits")
    if candidate.score < best.score - _TIE:
        return replace(candidate, reason="ranked lower than the one chosen")
    return replace(candidate, reason="less weight than the one chosen")


def _compress_candidate(candidate: HeadlineCandidate, chars: int, topic: Topic) -> Compression:
    """A title that fits stays as its author wrote it (less a final period); anything else
    is compressed."""
    if candidate.origin == TITLE:
        as_written = _finish(candidate.original)
        if _is_headline(as_written, chars):
            return Compression(as_written)
    return compress(candidate.original, chars, topic)


def _is_headline(text: str, chars: int) -> bool:
    return len(text.split()) >= MIN_HEADLINE_WORDS and len(text.encode("utf-8")) <= chars


# --------------------------------------------------------------------------------------------
# Choosing


def rank_candidates(
    documents: Sequence[Document],
    *,
    scorer: str | Scorer = DEFAULT_SCORER,
    corroboration: float = DEFAULT_CORROBORATION,
    duplicates: float = DEFAULT_DUPLICATES,
    keep_boilerplate: bool = False,
    sentences: int | None = CANDIDATE_SENTENCES,
) -> list[HeadlineCandidate]:
    """Every title and the first ``sentences`` story sentences of each document (all of
    them with None) as uncompressed candidates, best score first (then in input order). A
    sentence that cannot be a headline (a quotation, a question, a fragment, one opening
    with a pronoun) carries the reason.

    The score is the ``scorer``'s over the candidates (a title counts as the first sentence
    of its document), multiplied by ``1 + corroboration * (k - 1)`` for a candidate that
    ``k`` documents carry (near-duplicates among the candidates at tf-idf cosine
    ``duplicates``), scaled so the best scores 1."""
    pool: list[Sentence] = []
    titles: set[int] = set()
    for document in documents:
        if document.title and document.title.strip():
            titles.add(len(pool))
            pool.append(_title_sentence(document))
        pool.extend(_story_sentences(document, sentences, keep_boilerplate))
    if not pool:
        return []
    model = scorers.create(scorer) if isinstance(scorer, str) else scorer
    raw = np.asarray(model.scores(pool), dtype=np.float64)
    if raw.shape != (len(pool),) or not np.all(np.isfinite(raw)):
        raise SummarizeError("the scorer did not return one finite score per sentence")
    top = float(np.max(np.abs(raw))) if raw.size else 0.0
    scores = raw / top if top > 0 else raw
    support = _support(pool, duplicates)
    scores = scores * (1.0 + corroboration * (support - 1))
    top = float(np.max(scores)) if scores.size else 0.0
    if top > 0:
        scores = scores / top

    ranked: list[tuple[int, HeadlineCandidate]] = []
    for position, sentence in enumerate(pool):
        is_title = position in titles
        reason = "" if is_title else _not_a_candidate(sentence.text)
        ranked.append(
            (
                position,
                HeadlineCandidate(
                    original=sentence.text,
                    origin=TITLE if is_title else SENTENCE,
                    document=sentence.doc,
                    source=None if is_title else sentence.ref,
                    score=float(scores[position]),
                    text=sentence.text,
                    reason=reason,
                ),
            )
        )
    ranked.sort(key=lambda item: (-item[1].score, item[0]))
    return [candidate for _, candidate in ranked]


STOP_WEIGHT = 0.0


@dataclass(frozen=True)
class Topic:
    """What compression knows about the input as a whole: how often each term occurs
    (``counts``), and the text of its sentences, one a line (``text``), where
    :meth:`names_in` looks up which full names the story also calls by the surname alone.
    Build one with :meth:`of`; the empty topic weighs every content word 1 and knows no
    names."""

    counts: Mapping[str, int] = field(default_factory=dict)
    text: str = ""
    language: str = "english"
    _weights: dict[str, float] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )  # caches of weight() and of _short_form()
    _short: dict[tuple[str, ...], str | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @classmethod
    def of(cls, documents: Sequence[Document]) -> Topic:
        """The topic of ``documents``: term counts over their sentences, and their text."""
        language = documents[0].language if documents else "english"
        sentences = [s for document in documents for s in document.sentences]
        counts = Counter(chain.from_iterable(s.terms for s in sentences))
        text = "\n".join(s.text.replace("\n", " ") for s in sentences)
        return cls(counts=dict(counts), text=text, language=language)

    def weight(self, word: str) -> float:
        """A word's worth in the headline: ``log(1 + n)`` for a content word whose term
        occurs ``n`` times in the input (1 with no counts), :data:`STOP_WEIGHT` for a stop
        word."""
        cached = self._weights.get(word)
        if cached is not None:
            return cached
        found = analyzer(self.language).terms(tokenize(word))
        if not found:
            value = STOP_WEIGHT
        elif not self.counts:
            value = 1.0
        else:
            value = sum(math.log1p(self.counts.get(term, 0)) for term in found)
        self._weights[word] = value
        return value

    def names_in(self, text: str) -> dict[str, str]:
        """The full names in ``text`` that the input also calls by the surname alone, with
        that surname: ``{"Bernie Ebbers": "Ebbers"}`` when the story says "Mr Ebbers",
        "Ebbers said" or "said Ebbers" somewhere. A full name is the last three or the last
        two words of a run of capitalised words (the longer when both qualify), none of
        which the input also uses in lower case."""
        names = {}
        for run in _name_runs(text.split()):
            for full in (run[-3:], run[-2:]) if len(run) > 2 else (run,):
                if full not in self._short:
                    self._short[full] = self._short_form(full)
                short = self._short[full]
                if short is not None:
                    names[" ".join(full)] = short
                    break
        return names

    def _short_form(self, run: tuple[str, ...]) -> str | None:
        surname = run[-1]
        if len(surname) < 3 or not surname.isalpha() or not _stands_alone(self.text, surname):
            return None
        if any(_in_lower_case(self.text, word.lower()) for word in run):
            return None
        return surname


_HONORIFICS = _words("Mr Mrs Ms Miss Dr Sir Lord Lady Dame Prof Mr. Mrs. Ms. Dr. Prof.")
_REPORTING = _words("said says told added admitted insisted")


def _occurrences(text: str, word: str) -> Iterable[tuple[str, str, str]]:
    """Every occurrence of ``word`` as a word of its own in ``text`` (punctuation and a
    possessive may follow it): the word before it on its line ("" at the start), the whole
    word as written, and the word after it."""
    start = 0
    while (i := text.find(word, start)) >= 0:
        start = end = i + len(word)
        if i and not text[i - 1].isspace():
            continue
        while end < len(text) and not text[end].isspace():
            end += 1
        rest = text[start:end]
        for possessive in ("'s", "\u2019s", "'", "\u2019"):
            rest = rest.removeprefix(possessive)
        if rest.strip(_PUNCTUATION):
            continue  # "Ebbersson"
        line = text.rfind("\n", 0, i) + 1
        before = text[line:i].rsplit(None, 1)[-1:]
        stop = text.find("\n", end)
        after = text[end : stop if stop >= 0 else len(text)].split(None, 1)[:1]
        yield (before[0] if before else ""), text[i:end], (after[0] if after else "")


def _stands_alone(text: str, surname: str) -> bool:
    """Whether ``text`` uses the surname on its own: after an honorific ("Mr Ebbers"), or
    after a word in lower case and right before or after a reporting verb ("chief Ebbers
    said", "said Ebbers")."""
    for before, _, after in _occurrences(text, surname):
        if before in _HONORIFICS:
            return True
        if not before or before[:1].isupper():
            continue
        if _bare(after) in _REPORTING or (
            _bare(before) in _REPORTING and before == before.strip(",")
        ):
            return True
    return False


def _in_lower_case(text: str, word: str) -> bool:
    """Whether ``text`` has the word (in lower case) as a word of its own."""
    return next(iter(_occurrences(text, word)), None) is not None


def _name_runs(words: Sequence[str]) -> Iterable[tuple[str, ...]]:
    """Runs of two or more capitalised alphabetic words, not across punctuation; a
    possessive ends a run ("Sir Clive Woodward's")."""
    run: list[str] = []
    for raw in words:
        core = raw.strip(_PUNCTUATION)
        word = _strip_possessive(core)
        name_like = len(word) > 1 and word[:1].isupper() and word.replace("-", "").isalpha()
        if name_like:
            run.append(word)
        if not name_like or word != core or raw != core:  # the run ends here
            if len(run) >= 2:
                yield tuple(run)
            run = []
    if len(run) >= 2:
        yield tuple(run)


def _strip_possessive(word: str) -> str:
    if word.endswith(("'s", "\u2019s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "\u2019")) else word


def _title_sentence(document: Document) -> Sentence:
    """A document's title as a sentence standing before its first (index -1)."""
    text = " ".join((document.title or "").split())
    tokens = tokenize(text)
    return Sentence(
        doc=document.id,
        index=-1,
        text=text,
        tokens=tokens,
        terms=analyzer(document.language).terms(tokens),
    )


def _story_sentences(
    document: Document, count: int | None, keep_boilerplate: bool
) -> list[Sentence]:
    """The first ``count`` sentences of the document (all with None) that are not
    boilerplate (judged on the sentences up to them, see
    :func:`~summarize.text.clean.boilerplate`)."""
    if keep_boilerplate:
        return list(document.sentences[:count])
    size = len(document.sentences) if count is None else 2 * count
    while True:
        head = document.sentences[:size]
        dropped = boilerplate([replace(document, sentences=head)])
        story = [s for s in head if s.ref not in dropped]
        if count is None or len(story) >= count or size >= len(document.sentences):
            return story[:count]
        size *= 2


def _support(pool: Sequence[Sentence], threshold: float) -> np.ndarray:
    """For each sentence, how many documents carry it or a near-duplicate of it.

    Near-duplicates as :func:`~summarize.text.merge.duplicate_groups` finds them (tf-idf cosine
    at least ``threshold``, or the terms of the shorter nearly all in the longer), grouped
    into connected components; computed densely, since the candidates are few."""
    n = len(pool)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for i, sentence in enumerate(pool):
        for term in sentence.terms:
            rows.append(i)
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
    counts = np.zeros((n, max(len(vocabulary), 1)))
    np.add.at(counts, (rows, columns), 1.0)
    present = counts > 0
    idf = np.log((1.0 + n) / (1.0 + present.sum(axis=0))) + 1.0
    weighted = np.where(present, 1.0 + np.log(np.where(present, counts, 1.0)), 0.0) * idf
    norms = np.linalg.norm(weighted, axis=1)
    unit = weighted / np.where(norms > 0, norms, 1.0)[:, None]
    binary = present.astype(np.float64)
    # einsum rather than a matrix product: for matrices this small, waking BLAS threads
    # costs more CPU than the product itself
    shared = np.einsum("ik,jk->ij", binary, binary)
    sizes = binary.sum(axis=1)
    smaller = np.minimum.outer(sizes, sizes)
    linked = (np.einsum("ik,jk->ij", unit, unit) >= threshold - 1e-12) | (
        (smaller >= MIN_CONTAINED_TERMS) & (shared >= CONTAINMENT * np.maximum(smaller, 1))
    )
    group = list(range(n))  # union-find over the links

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(linked, 1)), strict=True):
        group[root(int(i))] = root(int(j))
    documents: dict[int, set[str]] = {}
    for i, sentence in enumerate(pool):
        documents.setdefault(root(i), set()).add(sentence.doc)
    return np.array([len(documents[root(i)]) for i in range(n)], dtype=np.float64)


_OPENING_PRONOUN = _PRONOUNS | _words("this these those such")
_OPENING_QUOTE = re.compile(r"^[\"'\u201c\u2018\u00ab\u201e`]")
# first and second person: "I" anywhere, the others in lower case or opening the sentence
# (a capitalised "My" inside is a title: "My Family")
_FIRST_PERSON = re.compile(
    r"(?<![\w\-'\u2019])(?:I|I'm|I've|I'd|we|we're|we've|my|our|us|you|your|you're)(?![\w\-])"
    r"|^(?:We|My|Our|You|Your)\b"
)


_DEMONSTRATIVES = _words("this these those")


def _opens_noun_phrase(word: str) -> bool:
    """After "This" or "These": a word that makes it a determiner (``"This year's
    budget"``, ``"These third-quarter figures"``), not a verb or a function word."""
    bare = _bare(word)
    if bare.endswith(("'s", "\u2019s")):
        return True
    return bool(bare) and not (
        "'" in bare or "\u2019" in bare or bare in _FUNCTION_WORDS | _MODALS or _verbish(word)
    )


def _not_a_candidate(text: str) -> str:
    """Why a story sentence cannot be a headline ("" when it can)."""
    if len(text.split()) < MIN_WORDS:
        return "too short to state an event"
    if _OPENING_QUOTE.match(text) or len(_unquoted(text)) < len(text) / 2:
        return "a quotation"
    first, *rest = text.split(None, 2)
    first = first.strip("\"'\u201c\u2018(")
    determiner = first.lower() in _DEMONSTRATIVES and rest and _opens_noun_phrase(rest[0])
    if first.lower() in _OPENING_PRONOUN and not first.isupper() and not determiner:
        return "opens with a pronoun"  # ("US" is no pronoun)
    if text.rstrip("\"'\u201d\u2019)").endswith("?"):
        return "a question"
    if _FIRST_PERSON.search(_unquoted(text)):
        return "speaks in the first or second person"
    return ""


_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")


def _unquoted(text: str) -> str:
    """``text`` without the passages inside double quotes."""
    return _QUOTED.sub(" ", text)


# --------------------------------------------------------------------------------------------
# Compression rules: pure functions from text to text; each returns its input unchanged
# when it does not apply.

# "WASHINGTON (Reuters) - ", "LONDON, Dec 11 (AP) — ", "BEIJING -- ", "(CNN) -- "
_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Z.'\-]+(?:[ ,/]+[A-Z][A-Za-z.'\-]+){0,3})"
    rf"(?:,\s*(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}))?"
    r"\s*)?(?P<agency>\([^()]{1,40}\)\s*)?(?:--|[-\u2013\u2014:])\s+"
)
# "By John Smith, Reuters - ", "By JANE DOE | Associated Press" (a byline run into the text)
_BYLINE = re.compile(
    r"^By\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}"
    r"(?:\s*,\s*[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})?\s*(?:--|[-\u2013\u2014|:])\s*"
)


def drop_byline(text: str) -> str:
    """Drop a byline run into the start of the text: ``"By Jane Doe, Reuters - The ..."``."""
    return _rest_or_same(text, _BYLINE.match(text))


def drop_dateline(text: str) -> str:
    """Drop a wire dateline: ``"WASHINGTON (Reuters) - "``, ``"LONDON, Dec 11 (AP) — "``,
    ``"(CNN) -- "``. A place counts only in capitals or with an agency in brackets."""
    match = _DATELINE.match(text)
    if match is None:
        return text
    place, agency = match.group("place"), match.group("agency")
    if agency is None and (place is None or not _is_upper_word(place.split()[0])):
        return text
    return _rest_or_same(text, match)


def _is_upper_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _rest_or_same(text: str, match: re.Match[str] | None) -> str:
    if match is None:
        return text
    rest = text[match.end() :]
    return _capitalise(rest) if len(rest.split()) >= MIN_HEADLINE_WORDS else text


_BRACKETS = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_DASH_PAIR = re.compile(
    r"\s+(?:--|-|\u2013|\u2014)\s+[^\u2013\u2014]*?\s+(?:--|-|\u2013|\u2014)\s+"
)


def drop_parentheticals(text: str) -> str:
    """Drop passages in brackets, ``"(AP)"``, ``"[sic]"``, and between a pair of dashes,
    ``"the plan — first floated in May — was"``."""
    out = _BRACKETS.sub("", text)
    out = _DASH_PAIR.sub(" ", out)
    return _tidy(out) if out != text and out.strip() else text


# Trailing: ", officials said." / ", said a spokesman." / ", according to the BBC."
_ATTRIBUTION_END = re.compile(
    r"(?:[,;]|(?<=[,?!])[\"'\u201d\u2019])\s+"
    r"(?:according\s+to\b[^,;]*"
    rf"|(?!(?:has|have|had|and|but)\b)[^,;\"\u201c\u201d]{{1,60}}?\s{_SAY}(?:\s+[^,;\"\u201c\u201d\s]+){{0,4}}"
    rf"|{_SAY}\s+(?!(?:he|she|it|they|we|that)\b)[^,;\"\u201c\u201d]{{1,60}})[.!]?$"
)  # not ", says it will ...": a clause follows, not a speaker
# Inside: "X, officials said, will ..."
_ATTRIBUTION_INSIDE = re.compile(
    rf",\s+(?:according\s+to\b[^,;]{{1,60}}|[^,;]{{1,40}}\s{_SAY}(?:\s+on\s+\w+)?),\s+"
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
    rf"(?!(?:not|{'|'.join(sorted(_PREPOSITIONS))})\b)"
)


_POSSESSOR = re.compile(r"\w['\u2019]s?(?:\s|$)")


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
    out = _ATTRIBUTION_INSIDE.sub(" ", out)
    match = _ATTRIBUTION_START.match(out)
    pronoun = _ATTRIBUTION_PRONOUN.match(_subject_appositive(out))
    if pronoun is not None and _speaker_is_subject(pronoun):
        out = f"{pronoun.group('subject')} {pronoun.group('rest')}"
    elif (
        match is not None
        and _first_word(out[match.end() :]) not in _PRONOUNS | _POSSESSIVES
        and _generic(match.group("subject"))
    ):
        out = _rest_or_same(out, match)
    if out == text or len(out.split()) < MIN_HEADLINE_WORDS:
        return text
    return _tidy(out)


_SPEAKERS = _words(
    "officials official police experts analysts reports report sources witnesses residents "
    "doctors scientists researchers investigators authorities prosecutors critics "
    "campaigners economists observers diplomats aides insiders figures data statistics "
    "studies polls surveys"
)


def _generic(subject: str | None) -> bool:
    """A speaker without a name: "Officials", "the ministry", "a report", "figures". A named
    speaker ("Computer giant IBM", "Juninho's agent", "Cameroon") stays in the headline."""
    if subject is None:
        return True
    words = subject.split()
    if any(word[:1].isupper() for word in words[1:]):
        return False
    first = words[0].lower()
    return first in _DETERMINERS or first in _SPEAKERS or words[0][:1].islower()


def _plain_subject(subject: str) -> bool:
    """A subject without a verb of its own ("Marlowe has denied claims that he ...": the
    "claims" is a noun, and "has denied" is the verb)."""
    return not any(
        _bare(w) in _AUXILIARIES or (w[:1].islower() and _bare(w).endswith("ed"))
        for w in subject.split()
    )


_LEADING_ADVERBS = _words(
    "however meanwhile also but and so still yet now then separately elsewhere instead "
    "earlier later today yesterday overnight already indeed moreover furthermore "
    "nevertheless nonetheless additionally finally initially previously recently currently"
)
_LEADING_PHRASE = re.compile(r"^(?P<phrase>[^,;:\"\u201c]{1,80}?),\s+")


# "There is no doubt that ...", "It is understood that ...": the clause is the news
_HEDGE = re.compile(
    r"^(?:there\s+(?:is|was|can\s+be)\s+(?:no|little)\s+doubt"
    r"|it\s+(?:is|was|has\s+been)\s+(?:understood|thought|believed|reported|claimed|clear"
    r"|expected|feared|likely|known))\s+that\s+",
    re.IGNORECASE,
)


_LEADING_WORD = re.compile(r"^\S+,?\s+")


def drop_leading_phrase(text: str) -> str:
    """Drop a leading time or place phrase, a linking adverb or a hedge: ``"On Monday,
    ..."``, ``"In a statement, ..."``, ``"Earlier this week, ..."``, ``"However, ..."``,
    ``"But ..."``, ``"There is no doubt that ..."``, ``"It is understood that ..."``."""
    hedge = _HEDGE.match(text)
    if hedge is not None:
        text = _rest_or_same(text, hedge)
    first = _first_word(text)
    if first in _CONJUNCTIONS | {"however", "meanwhile", "also", "still", "now"}:
        rest = _LEADING_WORD.sub("", text, count=1)
        if len(rest.split()) >= MIN_HEADLINE_WORDS:
            return drop_leading_phrase(_capitalise(rest))
    match = _LEADING_PHRASE.match(text)
    if match is None:
        return text
    words = match.group("phrase").split()
    if first not in _PREPOSITIONS | _LEADING_ADVERBS | {"last", "this", "next", "early", "late"}:
        return text
    if len(words) > 12 or any(w.lower() in _AUXILIARIES for w in words):
        return text
    return _rest_or_same(text, match)


_TIME_EXPRESSION = re.compile(
    r"(?P<before>,\s*)?\b(?:"
    rf"(?:on\s+|last\s+|next\s+|this\s+|early\s+|late\s+)?{_DAY}{_PART_OF_DAY}?(?:,\s+{_DATE})?(?!['\u2019]s)"
    rf"|(?:on|in|by|since|until|from|as\s+of)\s+{_DATE}"
    rf"|(?:earlier|later)\s+(?:this|that|last|in\s+the|on)\s+{_PERIOD}"
    rf"|(?:last|this|next)\s+{_PERIOD}(?!['\u2019]s)"
    r"|(?:yesterday|today|tonight|tomorrow)(?!['\u2019]s)"
    r")\b(?P<after>\s*,)?"
)


def drop_time_expressions(text: str) -> str:
    """Drop time expressions anywhere: ``"on Monday"``, ``"last week"``, ``"on December
    11, 2017"``, ``"earlier this month"``, ``"yesterday"`` (not ``"this week's"``)."""

    def replace(match: re.Match[str]) -> str:
        before, after = match.group("before"), match.group("after")
        previous = text[: match.start()].rsplit(None, 1)
        if previous and _bare(previous[-1]) in ("of", "the"):  # "the end of next month"
            return match.group()
        if before and after:
            return ", " if _clause_follows(text, match.end()) else " "
        return (before or "") + (after or "") or " "

    out = _TIME_EXPRESSION.sub(replace, text)
    out = _tidy(out)
    return out if out != _tidy(text) and len(out.split()) >= MIN_HEADLINE_WORDS else text


def _clause_follows(text: str, position: int) -> bool:
    """Whether the words after ``position`` start a new clause (a subject and a verb) rather
    than continuing the one interrupted: kept simple, a determiner or pronoun starts one."""
    word = _first_word(text[position:])
    return word in _DETERMINERS or word in _PRONOUNS


_INITIAL_ARTICLE = re.compile(r"^(?:The|A|An)\s+(?=\S)")
_INNER_ARTICLE = re.compile(r"(?<=\s)(?:the|a|an)\s+(?=\S)")
_RATE = re.compile(r"(?:\d\S*|once|twice)\s+$")  # "$47 a barrel", "twice a week"


def drop_articles(text: str) -> str:
    """Headline style: drop the articles ``a``, ``an`` and ``the``. A capitalised inner
    "The" is part of a name and stays, and so do an article between two capitalised words
    (a title: "About a Boy") and the "a" of a rate ("$47 a barrel")."""
    start = _INITIAL_ARTICLE.sub("", text)

    def keep(match: re.Match[str]) -> bool:
        before, after = start[: match.start()], start[match.end() :]
        previous = before.split()[-1:]
        in_title = bool(previous) and previous[0][:1].isupper() and after[:1].isupper()
        rate = match.group().startswith("a") and bool(_RATE.search(before))
        return in_title or rate

    out = _INNER_ARTICLE.sub(lambda m: m.group() if keep(m) else "", start)
    if len(out.split()) < MIN_HEADLINE_WORDS:
        return text
    return _capitalise(out) if out != text else text


_FILLER_ADVERBS = _words(
    "also already still just now reportedly allegedly apparently currently recently "
    "officially formally finally eventually effectively initially previously subsequently "
    "actually really even"
)
_FILLER = re.compile(rf"(?<=\S)\s+(?:{'|'.join(sorted(_FILLER_ADVERBS))})(?=\s+[\w\u00a3$\u20ac])")


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
    out = _ADVERB_AFTER_AUXILIARY.sub(r"\g<auxiliary>", out)
    return out if len(out.split()) >= MIN_HEADLINE_WORDS else text


# "is to"/"are set to" -> "to"/"set to"; "will" -> "to"; "has/have (been)" before a
# participle that is also the past tense -> dropped
_BE_TO = re.compile(r"(?<=\S)\s+(?:is|are)\s+(?=(?:set\s+|due\s+|poised\s+)?to\s+[a-z])")
_WILL = re.compile(r"(?<=[\w')\u2019])\s+will\s+(?=(?!not\b)[a-z])")
# irregular past forms that are also the participle ("has won" -> "won")
_PAST_PARTICIPLES = _IRREGULAR_PAST - _words(
    "rose fell took gave went came saw began ran became grew drew threw flew knew broke chose "
    "drove froze rode spoke stole woke wrote ate swore tore wore sank shrank sprang sang rang "
    "swam lay withdrew overtook undertook forgave forbade overcame beat begun hid"
) | _words("said")
_HAS = re.compile(
    r"(?<=[\w')\u2019])\s+(?:has|have)(?:\s+been)?\s+"
    rf"(?=(?:[a-z]+(?:-[a-z]+)*ed|{'|'.join(sorted(_PAST_PARTICIPLES))})(?![\w-]))"
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
        if before and _bare(before[-1]) in _PRONOUNS | _RELATIVES | _MODALS | {"that", "to"}:
            return match.group()
        return replacement

    return pattern.sub(replace, text)


# Irregular verbs of news: the base, the past form and the participle. Those whose present
# forms are common nouns too ("job cuts", "a bid", "sets", "hits") are left out: they stay
# in the past.
_IRREGULAR_VERBS = (
    "beat beat beat|become became become|begin began begun|break broke broken|"
    "bring brought brought|build built built|buy bought bought|catch caught caught|"
    "choose chose chosen|come came come|fall fell fallen|feel felt felt|fight fought fought|"
    "find found found|flee fled fled|fly flew flown|get got got|give gave given|go went gone|"
    "grow grew grown|hold held held|keep kept kept|know knew known|lead led led|"
    "leave left left|lose lost lost|make made made|meet met met|pay paid paid|quit quit quit|"
    "rise rose risen|say said said|see saw seen|seek sought sought|sell sold sold|"
    "send sent sent|speak spoke spoken|spend spent spent|stand stood stood|"
    "strike struck struck|sweep swept swept|take took taken|tell told told|"
    "think thought thought|throw threw thrown|win won won|withdraw withdrew withdrawn|"
    "write wrote written"
)
_FORMS = [forms.split() for forms in _IRREGULAR_VERBS.split("|")]
_PAST_TO_BASE = {past: base for base, past, _ in _FORMS}
_PARTICIPLE_TO_BASE = {participle: base for base, _, participle in _FORMS}
# a past form that is also the participle is a finite verb only before its object
_AMBIGUOUS_PAST = frozenset(_PAST_TO_BASE) & frozenset(_PARTICIPLE_TO_BASE)
_NOT_AN_OBJECT = _PREPOSITIONS | _PARTICLES | _words("by as and or but to")
_NO_SUBJECT = _FUNCTION_WORDS | _PRONOUNS | _RELATIVES  # a verb after these keeps its tense


def _third_person(base: str) -> str:
    if base == "go":
        return "goes"
    if base.endswith("y") and base[-2:-1] not in ("a", "e", "i", "o", "u"):
        return base[:-1] + "ies"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base + "es"
    return base + "s"


def _plural_subject(subject: Sequence[str]) -> bool:
    """Whether the words before a verb look like a plural subject: an "and", or a plural
    common noun before the first preposition (``"Shares in Acme"``, not ``"Price of
    shares"``)."""
    for position, word in enumerate(subject):
        bare = _bare(word)
        if bare in _PREPOSITIONS and bare != "than":  # "more than 14 million people"
            return False
        common = position == 0 or word[:1].islower()  # not a name ("Barclays")
        if bare == "and" or bare in _PLURAL_WORDS or (common and _plural(word)):
            return True
    return False


def use_present_tense(text: str) -> str:
    """Headline style tells past events in the present, for the main verb when it is a
    common irregular one: ``"Veldt Motors has won the contract"`` -> ``"Veldt Motors wins
    the contract"``, ``"The miners have taken"`` -> ``"The miners take"``, ``"Prices rose
    sharply"`` -> ``"Prices rise sharply"``. The verb must be the first verb of the text
    and follow a noun (not a pronoun, an auxiliary or "to"); a form that is also a
    participle (``"held"``, ``"won"``) changes only before its object, so ``"A suspect held
    in jail"`` stays. After ``has``/``have`` (not "been") the auxiliary gives the number;
    otherwise the subject decides (:func:`_plural_subject`). Regular verbs stay
    in "-ed", which headline readers take the same way."""
    words = text.split()
    for position, raw in enumerate(words):
        word = _bare(raw)
        if position == 0 or not raw[:1].islower():
            continue
        previous = _bare(words[position - 1])
        if word in ("has", "have") and position + 1 < len(words):
            base = _PARTICIPLE_TO_BASE.get(words[position + 1])
            if base is None or previous in _PRONOUNS | _RELATIVES | _MODALS | {"that", "to"}:
                return text
            verb = _third_person(base) if word == "has" else base
            return " ".join([*words[:position], verb, *words[position + 2 :]])
        if word in _PAST_TO_BASE and raw == word:
            following = _bare(words[position + 1]) if position + 1 < len(words) else ""
            if (
                previous in _NO_SUBJECT
                or not words[position - 1][-1:].isalnum()
                or (word in _AMBIGUOUS_PAST and (not following or following in _NOT_AN_OBJECT))
            ):
                return text
            plural = _plural_subject(words[:position])
            base = _PAST_TO_BASE[word]
            verb = base if plural else _third_person(base)
            return " ".join([*words[:position], verb, *words[position + 1 :]])
        if _verbish(raw) or word in _PRESENT_VERBS:
            return text  # the first verb is another one: it stays as it is
    return text


# ", the Russian president," / ", 45," / ", a former minister," before the verb
_APPOSITIVE = re.compile(
    r"(?<=[\w)'\u2019]),\s+(?:(?:aged\s+)?\d{1,3}|(?:the|a|an|its|his|her|their|former|then)"
    r"\s[^;:\"\u201c\u201d()]{1,150}?),\s+"
    rf"(?!(?:{'|'.join(sorted(_CONJUNCTIONS | _PREPOSITIONS | _SUBORDINATORS))})\b)(?=[a-z])"
)


def drop_appositives(text: str) -> str:
    """Drop an appositive or age between commas before the verb: ``"Putin, the Russian
    president, said"`` -> ``"Putin said"``; ``"Jane Doe, 45, was"`` -> ``"Jane Doe was"``;
    ``"Brannock Steel, one of the largest metal makers, could cut"`` -> ``"Brannock Steel
    could cut"``. When the subject is a description and the appositive a name, the name
    stays: ``"The biggest toy maker, Speelgoed Group, has reported"`` -> ``"Speelgoed Group
    has reported"``."""
    out = _APPOSITIVE.sub(_before_a_verb, text)
    out = _subject_appositive(out)
    return _tidy(out) if out != text else text


def _before_a_verb(match: re.Match[str]) -> str:
    """The appositive goes when a verb or participle follows it ("Putin, the president,
    said"), not an adjective ("The republic, a small, mountainous state")."""
    following = match.string[match.end() :].split(None, 1)[:1]
    verb = bool(following) and (
        _verbish(following[0]) or _participle(following[0]) or _bare(following[0]) in _PRESENT_VERBS
    )
    return " " if verb else match.group()


_APPOSITIVE_SUBJECT = re.compile(
    r"^(?P<subject>[^,;:\"\u201c\u201d()]{2,80}),\s+(?P<inner>[^,;:\"\u201c\u201d()]{2,120}),\s+"
    r"(?P<verb>[a-z][\w'\u2019-]*)"
)
_NAME = re.compile(r"(?:(?:[A-Z][\w.'\u2019&-]*|&|of|and|de|van|von|\d[\w.]*)(?:\s+|$))+")


def _subject_appositive(text: str) -> str:
    """``"Subject, appositive, verb ..."`` without the appositive (a noun phrase without a
    verb), or ``"Description, Name, verb ..."`` as ``"Name verb ..."``: the subject opens
    the text and has no verb of its own, and the word after the second comma is a verb."""
    match = _APPOSITIVE_SUBJECT.match(text)
    if match is None or not _verbish(match.group("verb")):
        return text
    subject, inner = match.group("subject").split(), match.group("inner").split()
    if (
        len(subject) > 8
        or not subject[0][:1].isupper()
        or _bare(subject[0]) in _PREPOSITIONS | _SUBORDINATORS | _LEADING_ADVERBS
        or any(_verbish(w) or _bare(w) in _RELATIVES for w in subject + inner)
        or _bare(inner[0]) in _CONJUNCTIONS | _PRONOUNS
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
    end), and reduced ones between commas: ``"The firm, owned by Suez, is ..."``."""

    def replace(match: re.Match[str]) -> str:
        end = match.group("end") or match.group("reduced") or ""
        return " " if end.startswith(",") else ""

    out = _RELATIVE.sub(replace, text)
    if out == text or len(out.split()) < MIN_HEADLINE_WORDS:
        return text
    return _tidy(out)


_BE = _words("is are was were")
# past participles that are not also past forms in "-ed" or in _IRREGULAR_PAST
_IRREGULAR_PARTICIPLES = _words(
    "arisen awoken beaten become begun bitten blown born borne broken chosen done drawn "
    "driven eaten fallen flown forbidden forgiven forgotten frozen given gone grown hidden "
    "known overtaken ridden risen seen shaken shown shrunk spoken stolen sworn taken thrown "
    "torn withdrawn woken worn written"
)
# words in "-ing" that are no verb after "is": "is willing", "is something"
_NOT_PROGRESSIVE = _words(
    "being willing unwilling something nothing anything everything thing king ceiling "
    "evening morning spring string sterling interesting outstanding"
)
_QUANTIFIERS = _words("all some one most many much half none each both any several few part")
# nouns that need their "of" phrase: quantities ("millions of"), and parts ("the end of")
_OF_NOUNS = _words(
    "dozens hundreds thousands millions billions tens scores lots number numbers majority "
    "minority rest age end start beginning middle heart centre center top bottom edge verge "
    "brink side"
)


def _in_ed(bare: str) -> bool:
    """A regular past form: "-ed", not "exceed" or "need" (but "agreed", "guaranteed"),
    not "hundred"."""
    return (
        len(bare) > 3
        and bare.endswith("ed")
        and (not bare.endswith("eed") or bare.endswith(("reed", "teed")))
        and bare not in _NOT_PAST
    )


_NOT_PAST = _words("hundred indeed naked wicked sacred kindred")


def _participle(word: str) -> bool:
    bare = _bare(word)
    return word[:1].islower() and (
        _in_ed(bare) or bare in _IRREGULAR_PAST or bare in _IRREGULAR_PARTICIPLES
    )


def _auxiliary_positions(words: Sequence[str]) -> set[int]:
    """Positions of the auxiliaries headline style drops: a form of "be" before a past
    participle or a verb in "-ing", and "has been" before a participle ("were killed",
    "is recalling", "has been sent"; not after a pronoun or relative pronoun)."""
    found: set[int] = set()
    for i in range(1, len(words) - 1):
        word = words[i]
        if word not in _BE and word not in ("has", "have", "had"):
            continue
        previous = words[i - 1]
        if previous[-1] in ",;:" or _bare(previous) in _PRONOUNS | _RELATIVES | _words(
            "that there what this these those"
        ):
            continue
        drop = [i]
        if word in _BE:
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
        bare = _bare(following)
        progressive = (
            word in _BE and len(bare) > 4 and bare.endswith("ing") and bare not in _NOT_PROGRESSIVE
        )
        if (
            following[:1].islower()
            and following.isalpha()
            and (_participle(following) or (progressive and len(drop) == 1))
        ):
            found.update(drop)
    return found


def drop_auxiliaries(text: str) -> str:
    """Headline style: no auxiliary before a participle, ``"Ten people were killed"`` ->
    ``"Ten people killed"``, ``"GM is recalling cars"`` -> ``"GM recalling cars"``,
    ``"The writer has been sent to prison"`` -> ``"The writer sent to prison"``."""
    return _without(text, _auxiliary_positions)


def _possessive_positions(words: Sequence[str]) -> set[int]:
    """Positions of "its", "their" and "his" before a noun phrase (not after "all of" and
    the like, not before "own")."""
    found: set[int] = set()
    for i in range(1, len(words) - 1):
        if words[i] not in ("its", "their", "his") or words[i - 1][-1] in ",;:":
            continue
        following = _bare(words[i + 1])
        if not following or following in _FUNCTION_WORDS | _PRONOUNS | {"own"}:
            continue
        if words[i - 1] == "of" and i >= 2 and _bare(words[i - 2]) in _QUANTIFIERS:
            continue  # "one of its": the quantifier needs it
        found.add(i)
    return found


def drop_possessive_determiners(text: str) -> str:
    """Headline style: no possessive determiner, ``"The firm cut its forecast"`` -> ``"The
    firm cut forecast"`` (not in ``"one of its"``, ``"their own"``, nor "her", which is
    also an object)."""
    return _without(text, _possessive_positions)


def _complementiser_positions(words: Sequence[str]) -> set[int]:
    """Positions of "that" opening a clause after a verb ("warned that ...")."""
    return {
        i
        for i in range(1, len(words) - 1)
        if words[i] == "that"
        and words[i - 1][-1:].isalpha()
        and _verbish(words[i - 1])
        and _bare(words[i + 1]) not in _FUNCTION_WORDS  # "exceed that of the US"
    }


def drop_complementisers(text: str) -> str:
    """Headline style: no "that" after a verb, ``"Greenspan warned that deficits could
    hurt"`` -> ``"Greenspan warned deficits could hurt"``."""
    return _without(text, _complementiser_positions)


def _without(text: str, positions: Callable[[Sequence[str]], set[int]]) -> str:
    words = text.split()
    found = positions(words)
    if not found or len(words) - len(found) < MIN_HEADLINE_WORDS:
        return text
    return " ".join(w for i, w in enumerate(words) if i not in found)


def drop_restrictive_clauses(text: str) -> str:
    """Drop a relative or participial clause that stands between the subject and its verb
    without commas: ``"Investors who lost money in the scandal are to get ..."`` ->
    ``"Investors are to get ..."``, ``"A claim accusing the firms of lying has been thrown
    out"`` -> ``"A claim has been thrown out"``. The verb is found as the first auxiliary
    before any comma. :func:`compress` drops such a clause only when that keeps more weight
    (through :func:`drop_inner_phrases`)."""
    words = text.split()
    spans = _restrictive_spans(words)
    if not spans:
        return text
    start, end = spans[0]
    return _capitalise(" ".join(words[:start] + words[end:]))


def _auxiliary_verbs(words: Sequence[str]) -> list[int]:
    """Positions before any comma where a finite verb group opens with an auxiliary or a
    headline "to" ("devices to have ..."; "set to" counts from "set"), one per group."""
    verbs = []
    for i, word in enumerate(words):
        if word[-1:] in ",;:":
            break
        bare = _bare(word)
        following = words[i + 1] if i + 1 < len(words) else ""
        headline_to = (
            bare == "to"
            and following[:1].islower()
            and _bare(words[i - 1]) not in _FUNCTION_WORDS | _PARTICLES  # "through to call"
        )
        if i >= 3 and word[:1].islower() and (bare in _AUXILIARIES or headline_to):
            if _bare(words[i - 1]) in _AUXILIARIES | {"to"}:
                continue  # "could be", "to have": the same verb, or no finite one
            if (
                headline_to
                and _verbish(words[i - 1])
                and _bare(words[i - 1]) not in ("set", "due", "poised")
            ):
                continue  # "asked to see": the verb is "asked"
            verbs.append(i - 1 if _bare(words[i - 1]) in ("set", "due", "poised") else i)
    return verbs


def _restrictive_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """The span of the clause :func:`drop_restrictive_clauses` drops (none or one): from a
    relative pronoun, or a participle after a common noun, to the subject's verb (an
    auxiliary or a headline "to" before any comma; a relative clause must have a verb of
    its own first, so that its auxiliary is not taken for the subject's)."""
    verbs = _auxiliary_verbs(words)
    for start in range(1, min((verbs[-1] if verbs else len(words)) - 1, MAX_SUBJECT_WORDS)):
        if _has_verb(["", *words[1:start]]):
            return []  # past the subject: "dismissed fears that his plans are ..."
        word, previous = _bare(words[start]), _bare(words[start - 1])
        if not words[start][:1].islower() or previous in _FUNCTION_WORDS | _PRONOUNS:
            continue
        later = [verb for verb in verbs if verb > start + 1]
        if word in ("who", "which", "that"):
            if not later:
                return []
            if len(later) > 1:  # the clause has a verb of its own first
                later = [verb for verb in later if _has_verb(["", *words[start + 1 : verb]])]
            past = (
                later
                and any(  # "websites that help people swap films forced ..."
                    _participle(words[i]) and (_plural(words[i - 1]) or words[i - 1][:1].isupper())
                    for i in range(start + 2, later[0])
                )
            )
            return [(start, later[0])] if later and not past else []
        if (
            (
                len(word) > 4
                and word.endswith("ing")
                and _bare(words[start + 1]) not in _PREPOSITIONS  # "the shooting in X": a noun
            )
            or (
                _participle(words[start])
                and words[start - 1][:1].islower()  # "Ajax refused to": a name's verb
                and _bare(words[start + 1]) in _PREPOSITIONS | _PARTICLES | {"to", "by"}
            )
        ):
            finite = [verb for verb in later if _bare(words[verb]) in _AUXILIARIES]
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
                    if _participle(words[i]) and words[i - 1][:1].isupper()
                ][:1]
            return [(start, later[0])] if later else []
    return []


def drop_subject_phrases(text: str) -> str:
    """Drop a prepositional phrase inside the subject, from its preposition (not "of") to
    the subject's verb: ``"Hundreds of library books for the village school have
    disappeared"`` -> ``"Hundreds of library books have disappeared"``. :func:`compress`
    drops one only when that keeps more weight (through :func:`drop_inner_phrases`)."""
    words = text.split()
    spans = _subject_phrase_spans(words)
    if not spans:
        return text
    start, end = spans[0]
    return " ".join(words[:start] + words[end:])


def _subject_phrase_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """The span :func:`drop_subject_phrases` drops (none or one)."""
    verb = _subject_verb(words)
    if (
        verb is None
        or verb > MAX_SUBJECT_WORDS
        or any(_bare(w) in _CLAUSE_WORDS | _CONJUNCTIONS | _PRONOUNS for w in words[1:verb])
    ):
        return []  # "Shops that flout rules on how ...": the verb may be the clause's
    for start in range(2, verb - 1):
        if words[start - 1][-1] in ",;:" or _has_verb(["", *words[1:start]]):
            return []  # past the subject: "Robots are learning lessons on ..."
        previous = _bare(words[start - 1])
        if (
            words[start] in _PREPOSITIONS
            and words[start] != "of"
            and previous not in _FUNCTION_WORDS | _PRONOUNS | _PREDICATIVE
            and not _participle(words[start - 1])
        ):
            return [] if _has_verb(["", *words[start:verb]]) else [(start, verb)]
    return []


_CLAUSE_WORDS = _RELATIVES | _SUBORDINATORS | _words("that how what why whether")
# adjectives whose phrase is their complement ("unhappy with the bid"), not a noun's
_PREDICATIVE = _words(
    "unhappy happy angry keen ready aware critical responsible concerned worried able unable "
    "close due similar free open subject opposed committed eligible liable likely unlikely "
    "interested involved confident afraid sure"
)


def _subject_verb(words: Sequence[str]) -> int | None:
    """Where the verb of a text that opens with its subject probably is: the first
    auxiliary or headline "to" (see :func:`_auxiliary_verbs`), else the first past form or
    common verb (see :data:`_VERBS`) after a word that is not a function word, before any
    comma; None when there is none."""
    verbs = _auxiliary_verbs(words)
    for i in range(2, verbs[0] if verbs else len(words)):
        word, previous = words[i], words[i - 1]
        if previous[-1] in ",;:":
            return None
        bare = _bare(word)
        if not word[:1].islower() or _bare(previous) in _FUNCTION_WORDS | _PRONOUNS:
            continue
        if (
            _participle(word)
            or bare in _PRESENT_VERBS
            or (bare in _VERBS and (_plural(previous) or previous[:1].isupper()))
        ):
            return i
    return verbs[0] if verbs else None


_LEADING_CLAUSE = re.compile(r"^(?P<clause>[^,;:\"\u201c]{1,200}?),\s+")
_LEADING_SUBORDINATORS = _SUBORDINATORS | _words("despite amid following given")


def drop_subordinate_clauses(text: str) -> str:
    """Drop a leading subordinate clause: ``"When the market collapsed in 2000, the funds
    lost value"`` -> ``"The funds lost value"``. (A trailing one, ``"..., after talks
    failed"``, is trailing detail: :func:`drop_trailing_detail` cuts it when needed.)"""
    match = _LEADING_CLAUSE.match(text)
    if match is None or _first_word(text) not in _LEADING_SUBORDINATORS:
        return text
    return _rest_or_same(text, match)


def drop_name_descriptors(text: str) -> str:
    """Drop descriptions right before names: ``"Former Cabinet minister Ada Brook has
    criticised US media giant Globecast"`` -> ``"Ada Brook has criticised
    Globecast"``. A descriptor is up to six content words (no article, preposition or
    verb form), the last one lower-case, right before a capitalised word. :func:`compress`
    drops one only when that keeps more weight (through :func:`drop_inner_phrases`)."""
    words = text.split()
    spans = _descriptor_spans(words)
    if not spans:
        return text
    skip = {i for start, end in spans for i in range(start, end)}
    return _capitalise(" ".join(w for i, w in enumerate(words) if i not in skip))


WordWeight = Callable[[str], float]
"""How much a word is worth keeping in a headline (see :meth:`Topic.weight`)."""

MAX_INNER_DROPS = 3  # pieces dropped from inside the text by drop_inner_phrases, at most


def drop_trailing_detail(text: str, chars: int, weight: WordWeight | None = None) -> str:
    """Cut the text at a phrase boundary where it fits in ``chars`` bytes: before a
    preposition, subordinator, conjunction, participle, ``to`` or ``that``, or after a
    comma. The part kept must have a verb, at least :data:`MIN_HEADLINE_WORDS` words, and
    must not end on a function word. Of the cuts that qualify, the one keeping the most
    ``weight`` wins (by default every content word weighs 1), then the longest. Returns the
    text unchanged when it fits or no cut qualifies."""
    return _trim(text, chars, weight, max_drops=0)[0]


def drop_inner_phrases(text: str, chars: int, weight: WordWeight | None = None) -> str:
    """Like :func:`drop_trailing_detail`, but up to :data:`MAX_INNER_DROPS` optional pieces
    may also go from inside the text so that what follows them fits: prepositional phrases
    of place and time (``"praise given to it by two readers' clubs"`` -> ``"praise given
    by two readers' clubs"``), descriptors before names (``"at US media giant
    Globecast"`` -> ``"at Globecast"``, see :func:`drop_name_descriptors`) and a clause
    between the subject and its verb (see :func:`drop_restrictive_clauses`)."""
    return _trim(text, chars, weight, max_drops=MAX_INNER_DROPS)[0]


def _trim(
    text: str,
    chars: int,
    weight: WordWeight | None,
    max_drops: int,
    free: frozenset[int] = frozenset(),
) -> tuple[str, int, int]:
    """The best trimmed text, how many inner pieces it drops, and how many of the text's
    words it runs to (the text itself, 0 and all of them when it fits or nothing
    qualifies).

    The text is kept up to a phrase boundary, less up to ``max_drops`` optional pieces
    inside it (adjunct phrases, descriptors before names, a clause or a phrase between the
    subject and its verb); the choice keeping the most weight wins, then the one with fewer
    drops, then the longest. The words at the positions ``free`` (see :data:`HEADLINESE`)
    are left out of the result but are there for the tests of grammar (a verb, a clause's
    verb)."""
    words = text.split()
    if free:
        whole = " ".join(w for i, w in enumerate(words) if i not in free)
        if _fits(whole, chars):
            return whole, 0, len(words)
    elif _fits(text, chars):
        return text, 0, len(words)
    weigh = weight or _content_weight
    values = [weigh(w) for w in words]
    sizes = [0 if i in free else len(w.encode("utf-8")) + 1 for i, w in enumerate(words)]
    ends = [i for i in range(MIN_HEADLINE_WORDS, len(words)) if _is_boundary(words, i)]
    ends.append(len(words))
    optional = sorted(
        _adjunct_spans(words)
        + _descriptor_spans(words)
        + _restrictive_spans(words)
        + _subject_phrase_spans(words)
    )
    best: tuple[float, int, int] | None = None
    best_text, best_drops, best_end = text, 0, len(words)
    for end in ends:  # keep words[:end]; the tail after it is cut
        if _lone_end(words, end):
            continue
        inner = [span for span in optional if span[1] < end]
        prefix_size = sum(sizes[:end]) - 1
        # what drops could save at most, counting spans that run on past the cut only up
        # to it: that grows no faster than the prefix, so no later cut can fit either
        reach = sorted((sum(sizes[a : min(b, end)]) for a, b in optional if a < end), reverse=True)
        if prefix_size - sum(reach[:max_drops]) > chars:
            break
        prefix_value = sum(values[:end])
        for count in range(0, min(max_drops, len(inner)) + 1):
            for dropped in _combinations(inner, count):
                size = prefix_size - sum(sum(sizes[a:b]) for a, b in dropped)
                if size > chars:
                    continue
                value = prefix_value - sum(sum(values[a:b]) for a, b in dropped)
                key = (value, -count, size)
                if best is not None and key <= best:
                    continue
                skip = {i for a, b in dropped for i in range(a, b)}
                kept_words = [w for i, w in enumerate(words[:end]) if i not in skip]
                kept = " ".join(kept_words)
                shown = " ".join(w for i, w in enumerate(words[:end]) if i not in skip | free)
                if (
                    _fits(shown, chars)
                    and len(shown.split()) >= MIN_HEADLINE_WORDS
                    and _last_is_content(kept)
                    and _has_verb(kept_words)
                    and _last_clause_has_verb(kept_words)
                    and _first_word(kept) not in _CLAUSE_ONLY
                    and _balanced(kept)
                ):
                    best, best_text, best_drops, best_end = key, shown, count, end
    if best is None and free:
        best_text = " ".join(w for i, w in enumerate(words) if i not in free)
    return best_text, best_drops, best_end


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


def _adjunct_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """Word spans of prepositional phrases that may go from inside the text: opened by an
    adjunct preposition (not after a comma), running to the next phrase boundary with the
    ``of`` phrases that hang on it, without a verb inside, and followed by another
    prepositional phrase (which attaches as freely as the dropped one did)."""
    spans = []
    for start in range(1, len(words)):
        if _bare(words[start]) not in _ADJUNCT_PREPOSITIONS or words[start - 1][-1] in ",;:":
            continue
        if _bare(words[start - 1]) in _AUXILIARIES | _PARTICLES or _participle(words[start - 1]):
            continue  # "is at its lowest level", "aimed at", "backing down in": it is needed
        end = start + 1
        while end < len(words) and (not _is_boundary(words, end) or _bare(words[end]) == "of"):
            end += 1
        if end >= len(words) or words[end - 1][-1] in ",;:":
            continue
        if _bare(words[start]) in _SUBORDINATORS:
            stop = min(len(words), end + MAX_SUBJECT_WORDS)
            clause = next((i for i in range(end, stop) if words[i][-1] in ",;:"), stop)
            if _has_verb(["", *words[end : clause + 1]]):
                continue  # "after beer sales in Europe fell": a clause, not a phrase
        if (
            end - start >= 2  # "plough on with": a lone particle is no phrase
            and _bare(words[end]) in _PREPOSITIONS - {"of"}
            and not _has_verb(["", *words[start:end]])
        ):
            spans.append((start, end))
    return spans


def _descriptor_spans(words: Sequence[str]) -> list[tuple[int, int]]:
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
        if start > 0 and _bare(words[start - 1]) in _AUXILIARIES | {"to"}:
            start += 1  # "to supply Swedish truck maker Volvex": "supply" is a verb
        if start > 1 and _bare(words[start - 1]) in _CONJUNCTIONS and words[start - 2].islower():
            continue  # "the club and former champion Dortmund": both describe one name
        if start >= name or not words[name - 1][:1].islower():
            continue
        lower = sum(1 for w in words[start:name] if w[:1].islower())
        if lower <= 3 and name - start < len(words) - MIN_HEADLINE_WORDS:
            spans.append((start, name))
    return spans


def _is_descriptor_word(word: str) -> bool:
    bare = _bare(word)
    return (
        bool(bare)
        and (word[-1:].isalnum() or word[-1:] in "'\u2019")
        and bare not in _FUNCTION_WORDS | _PRONOUNS | _PARTICLES
        and not (word[:1].islower() and (bare.endswith("ing") or _verbish(word)))
    )


def _lone_end(words: Sequence[str], end: int) -> bool:
    """Whether ``words[:end]`` ends in a lone word after a comma (``"..., part"``) or a
    lone lower-case word after a conjunction (``"... and comes"``)."""
    if end >= 2 and words[end - 2][-1] in ",;:":
        return True
    return end >= 3 and _bare(words[end - 2]) in _CONJUNCTIONS and words[end - 1][:1].islower()


def _content_weight(word: str) -> float:
    return 0.0 if _bare(word) in _FUNCTION_WORDS | _PRONOUNS else 1.0


def _is_boundary(words: Sequence[str], i: int) -> bool:
    """May the text be cut before ``words[i]``?"""
    previous, word = _bare(words[i - 1]), _bare(words[i])
    if words[i - 1][-1] in ",;:" or word in ("\u2013", "\u2014", "--", "-"):
        return True
    if word == "of":  # "Bank of England" is a name, "the withdrawal of troops" a phrase
        if previous in _QUANTIFIERS or previous in _OF_NOUNS:
            return False  # "one of ...", "millions of ...": the quantity needs its noun
        return not (
            words[i - 1][:1].isupper() and words[i + 1 : i + 2] and words[i + 1][:1].isupper()
        )
    if word == "to" and previous in ("up", "due", "according", "close", "next", "prior"):
        return False
    if word in ("to", "that") and _verbish(words[i - 1]):
        return False  # "plans to ...", "concluded that ...": the verb needs what follows
    if (
        word in ("by", "as")
        and (previous.endswith("ed") or previous in _IRREGULAR_PARTICIPLES)
        and i >= 2
        and _bare(words[i - 2]) not in _AUXILIARIES
    ):
        return False  # "a film produced by ...", "a budget flagged as ...": it needs them
    following = _bare(words[i + 1]) if i + 1 < len(words) else ""
    if (word in ("less", "more", "fewer") and following == "than") or (
        word == "such" and following == "as"
    ):
        return True
    if (
        words[i][:1].islower()
        and len(word) > 4
        and previous not in _FUNCTION_WORDS
        and (
            word.endswith("ing")
            or (word.endswith("ed") and following in _PREPOSITIONS | {"to", "by", "as"})
        )
    ):  # a participle after a noun: "cars equipped with ...", "a vote urging ..."
        return True
    return word in _PREPOSITIONS | _SUBORDINATORS | _CONJUNCTIONS | _BOUNDARY_WORDS


# Prepositions that open adjuncts (where, when, in what way) rather than complements of a
# verb or noun ("hoping for", "charged with", "hit by"): their phrases may go from inside.
_ADJUNCT_PREPOSITIONS = _words(
    "in on at during after before since amid amidst despite following across near outside "
    "inside within throughout over under"
)
_BOUNDARY_WORDS = _words("to that including like which who whose where whether")


def _verbish(word: str) -> bool:
    """A lower-case word that is probably a verb: an auxiliary, a reporting or complement
    verb, a common irregular past form, or a word in "-ed"."""
    bare = _bare(word)
    return word[:1].islower() and (
        bare in _VERBISH_WORDS or bool(_SAYING.fullmatch(bare)) or _in_ed(bare)
    )


def _has_verb(words: Sequence[str]) -> bool:
    """A rough test for a finite verb: an auxiliary, a reporting verb, a common irregular
    past form, a word ending in "-ed", the headline "to" before a verb, a lower-case "-s"
    word between a capitalised word and more text (``"Dollar gains on ..."``), or a common
    verb of news (:data:`_VERBS`) after a noun: in "-s" after any (``"the internet raises
    questions"``), bare after a plural or a name (``"Brentford face a tie"``). Without a
    tagger this over-accepts; it guards against cuts that leave only a noun phrase."""
    for position, raw in enumerate(words):
        word = _bare(raw)
        if not position or not raw[:1].islower():
            continue
        if word in _AUXILIARIES or word in _IRREGULAR_PAST or _SAYING.fullmatch(word):
            return True
        if word in _SURE_PRESENT:
            return True  # "Tickets for the festival sell out"
        if word == "to" and position and words[position + 1 : position + 2]:
            following = words[position + 1]
            if following[:1].islower() and _bare(following) not in _FUNCTION_WORDS:
                return True  # headline "to" for the future: "BMW to recall cars"
        if position and _in_ed(word):
            return True
        previous = words[position - 1]
        if not previous[-1:].isalnum() or _bare(previous) in _FUNCTION_WORDS | _PRONOUNS:
            continue
        following = _bare(words[position + 1]) if position + 1 < len(words) else ""
        if (
            len(word) > 2
            and word.endswith("s")
            and not word.endswith(("ss", "us", "is", "'s"))
            and previous[:1].isupper()
            and following  # "Boerse investors" at the end is a noun phrase
            and following not in _AUXILIARIES | {"to"}  # "Society members are to"
        ):
            return True
        if word in _PRESENT_VERBS or (
            word in _VERBS
            and (previous[:1].isupper() or _bare(previous) in _PLURAL_WORDS or _plural(previous))
        ):
            return True  # "the internet raises questions", "Brentford face a tie"
    return False


# Common verbs of news that are seldom nouns: after a noun, their present forms are verbs.
_VERBS = _words(
    "accept accuse admit agree allow announce approve argue arrive ask become begin believe "
    "blame block boost bring build buy close complain confirm consider continue criticise "
    "criticize decide defend deliver deny describe earn ease enter expand expect face fail "
    "find give go grow halt help hire hold improve include insist introduce invest join keep "
    "kill launch leave lift look lose make meet predict prepare propose prove provide publish "
    "push quit raise reach receive reduce refuse reject remain remove replace reveal save "
    "see seek sell send shut slash slip slow soar spend spark stand stay struggle suffer "
    "suspend take tell threaten turn unveil urge want welcome withdraw worry"
) | (  # the present forms use_present_tense writes, less those that are common nouns too
    frozenset(_PAST_TO_BASE.values())
)
_PRESENT_VERBS = frozenset(
    verb[:-1] + "ies"
    if verb.endswith("y") and verb[-2] not in "aeiou"
    else verb + "es"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o"))
    else verb + "s"
    for verb in _VERBS
)
# present forms of irregular verbs (as use_present_tense writes them) that are verbs wherever
# they stand: every third person, and the base of those that are seldom nouns
_SURE_PRESENT = frozenset(_third_person(base) for base in _PAST_TO_BASE.values()) | _words(
    "become begin bring buy choose come find give go grow know sell send tell"
)
_VERBISH_WORDS = _AUXILIARIES | _IRREGULAR_PAST | _COMPLEMENT_VERBS | _SURE_PRESENT
_PLURAL_WORDS = _words("people police men women children both all")


def _plural(word: str) -> bool:
    bare = _bare(word)
    return len(bare) > 3 and bare.endswith("s") and not bare.endswith(("ss", "us", "is"))


# a text opening with one of these is a subordinate clause without its main clause
_CLAUSE_ONLY = _words("as although though because while whilst when if since unless whereas")
_CLAUSE_OPENERS = _words("that whether who which because although though while if when unless")


def _last_clause_has_verb(words: Sequence[str]) -> bool:
    """A clause opened inside the text ("... said that elements") has a verb of its own."""
    opener = max((i for i, w in enumerate(words) if _bare(w) in _CLAUSE_OPENERS), default=None)
    return opener is None or _has_verb(words[opener:])


def _last_is_content(text: str) -> bool:
    """The text ends on a content word: not a function word or pronoun, not a possessive
    ("Russia's"), not a gerund or participle in "-ing" that needs an object ("over video
    claiming"; "are gathering" is fine)."""
    words = text.split()
    if not words:
        return False
    last = _bare(words[-1])
    if last in _FUNCTION_WORDS | _PRONOUNS or words[-1].endswith(("'", "\u2019", "'s", "\u2019s")):
        return False
    previous = _bare(words[-2]) if len(words) > 1 else ""
    return not (words[-1][:1].islower() and last.endswith("ing") and previous not in _AUXILIARIES)


def _balanced(text: str) -> bool:
    """No bracket or double quote left open."""
    return (
        text.count("(") == text.count(")")
        and text.count("\u201c") == text.count("\u201d")
        and text.count('"') % 2 == 0
    )


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


# --------------------------------------------------------------------------------------------
# Compressing


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
    (drop_auxiliaries, _auxiliary_positions),
    (drop_possessive_determiners, _possessive_positions),
    (drop_complementisers, _complementiser_positions),
)
"""Words headline style leaves out, with the positions each rule finds in a list of words:
:func:`compress` leaves them out only after trimming, whose tests of grammar need them."""


def compress(text: str, chars: int = DEFAULT_CHARS, topic: Topic | None = None) -> Compression:
    """``text`` compressed into a headline of at most ``chars`` bytes if the rules can; the
    result may still be longer (then it is not a headline). Steps are the rule names.

    ``topic`` (see :meth:`Topic.of`) says how much each word is worth keeping when phrases
    must go, and which names may be shortened; without it every content word weighs 1."""
    topic = topic or Topic()
    steps: list[str] = []
    out = _tidy(text)

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
    out = _finish(out)
    words = out.split()
    found = [(rule.__name__, positions(words)) for rule, positions in HEADLINESE]
    free = frozenset().union(*(positions for _, positions in found))
    trimmed, drops, end = _trim(out, chars, topic.weight, MAX_INNER_DROPS, free)
    steps += [name for name, positions in found if any(p < end for p in positions)]
    if drops:
        steps.append("drop_inner_phrases")
    if end < len(words):
        steps.append("drop_trailing_detail")
    return Compression(_finish(trimmed), tuple(steps))


def _fits(text: str, chars: int) -> bool:
    return len(text.encode("utf-8")) <= chars


def _finish(text: str) -> str:
    """Headline form: one line, no final period or dangling punctuation, quotes balanced."""
    out = _tidy(text)
    out = _TRAILING_PUNCTUATION.sub("", out)
    if out.endswith(".") and not out.endswith("..") and not _ends_with_abbreviation(out):
        out = out[:-1].rstrip()
    if not _balanced(out):
        out = _tidy(_QUOTES_AND_BRACKETS.sub("", out))
    return _capitalise(out)


_FINAL_ABBREVIATIONS = _words("Inc. Co. Corp. Ltd. Jr. Sr. St. Bros.")


def _ends_with_abbreviation(text: str) -> bool:
    """ "U.S." or "Inc." at the end keeps its period."""
    last = text.rsplit(" ", 1)[-1]
    return bool(_INITIALS.fullmatch(last)) or last in _FINAL_ABBREVIATIONS


# --------------------------------------------------------------------------------------------
# Text helpers

_SPACE_BEFORE = re.compile(r"\s+([,;:.!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[])\s+")
_DOUBLED = re.compile(r"([,;:])(?:\s*[,;:])+")
_LEADING_PUNCTUATION = re.compile(r"^[\s,;:\u2013\u2014-]+")
_TRAILING_PUNCTUATION = re.compile(r"[\s,;:\-\u2013\u2014]+$")
_QUOTES_AND_BRACKETS = re.compile(r"[\"\u201c\u201d()]")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_OPENING_WORD = re.compile(r"\W*(\w+)")


def _tidy(text: str) -> str:
    """Collapse spaces; no space before punctuation; no doubled or leading commas."""
    out = " ".join(text.split())
    out = _SPACE_BEFORE.sub(r"\1", out)
    out = _SPACE_AFTER.sub(r"\1", out)
    out = _DOUBLED.sub(r"\1", out)
    out = _LEADING_PUNCTUATION.sub("", out)
    return out


def _capitalise(text: str) -> str:
    text = text.lstrip()
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _first_word(text: str) -> str:
    match = _OPENING_WORD.match(text)
    return match.group(1).lower() if match else ""


def _bare(word: str) -> str:
    """A word without the punctuation around it, lower-cased unless it is an acronym
    ("US" is not "us")."""
    bare = word.strip(_PUNCTUATION)
    return bare if len(bare) > 1 and bare.isupper() else bare.lower()
