"""Headlines: one short line that states the main event of an article or a cluster.

The method is extractive and compressive, in the spirit of Hedge Trimmer (Dorr, Zajic and
Schwartz, "Hedge Trimmer: A Parse-and-Trim Approach to Headline Generation", HLT-NAACL
2003 Text Summarization Workshop): take the sentence that best states the main event and
trim it until it fits, keeping its subject, main verb and object. Choosing and compressing
are separate:

1. **Choosing** (:func:`rank_candidates`). Every document's title (when it has one) and
   every story sentence (boilerplate dropped by :func:`~summarize.clean.boilerplate`) is a
   candidate, except quotations, questions, fragments and sentences that open with a
   pronoun or speak in the first person. A candidate's *score* comes from a registered
   scorer (``lead`` by default: news states the main event first; a title counts as the
   first sentence of its document), raised by corroboration: a candidate that ``k``
   documents carry (near-duplicates found by :func:`~summarize.merge.duplicate_groups`)
   is multiplied by ``1 + corroboration * (k - 1)``. Every title, and sentences best score
   first until :data:`COMPARED` of them fit, are compressed (a title that fits stays as
   its author wrote it). A title that fits wins over any sentence, since it was written as
   a headline; among titles, or among sentences when no title fits, the one with the
   largest score times *weight* wins, the weight being the centrality of what its
   compression keeps: the sum over its words of ``log(1 + n)``, ``n`` the occurrences of
   the word's term in the whole input (:class:`Topic`).
2. **Compressing** (:func:`compress`), by rules over words and punctuation: no parser or
   tagger is available offline, so clauses and phrases are found from commas, dashes,
   brackets, capitalisation and closed lists of function words (prepositions,
   subordinators, relative pronouns, auxiliaries, reporting verbs, time words). Each rule
   is a pure function of the text:

   - :data:`ALWAYS`, what never belongs in a headline: bylines and datelines,
     parentheticals, attributions ("..., officials said"; "X said he would ..." becomes
     "X would ..."), leading time and place phrases and linking adverbs, other time
     expressions, leading subordinate clauses, appositives, non-restrictive relative
     clauses;
   - :data:`STYLE`, headline style: no articles or filler adverbs, "is to" / "will" become
     "to", a "has" before a past participle in -ed goes, and a full name becomes the
     surname the story uses on its own (:func:`shorten_names`);
   - then, only when the text is still longer than the budget, :func:`drop_inner_phrases`:
     the text is cut after a phrase boundary (before a preposition, conjunction,
     participle, ``to`` or ``that``, or after a comma or dash) and up to
     :data:`MAX_INNER_DROPS` optional pieces inside it may go (prepositional phrases of
     place and time, descriptors before names, a clause between the subject and its
     verb); of the cuts that fit, keep a verb and do not end on a function word, the one
     keeping the most weight wins. A headline is never cut mid-word, and one that cannot
     be made to fit is passed over for the next candidate.

Headlines keep the source's casing (the first letter is raised after a cut) and have no
final period. When no candidate fits, :func:`headline` raises
:class:`~summarize.errors.SummarizeError`. Where this departs from Hedge Trimmer: no parse
tree (the rules above stand in for its parse-tree trimming), the sentence is chosen among
the first few by position, corroboration and centrality rather than always being the
first one, and titles are candidates. English only for now: the word lists are English.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from .clean import boilerplate
from .documents import as_documents
from .errors import SummarizeError
from .features import tfidf
from .merge import duplicate_groups
from .model import Document, Sentence, SentenceRef
from .scorers import Scorer, scorers
from .text import analyzer, check_language, tokenize

__all__ = [
    "ALWAYS",
    "DEFAULT_CHARS",
    "STYLE",
    "Compression",
    "Headline",
    "HeadlineCandidate",
    "Topic",
    "compress",
    "drop_appositives",
    "drop_articles",
    "drop_attribution",
    "drop_byline",
    "drop_dateline",
    "drop_filler_adverbs",
    "drop_inner_phrases",
    "drop_leading_phrase",
    "drop_name_descriptors",
    "drop_parentheticals",
    "drop_relative_clauses",
    "drop_restrictive_clauses",
    "drop_subordinate_clauses",
    "drop_time_expressions",
    "drop_trailing_detail",
    "headline",
    "rank_candidates",
    "shorten_names",
    "use_headline_verbs",
]

DEFAULT_CHARS = 75
"""The budget in bytes: the length convention of published headline work (DUC 2003-2004)."""
DEFAULT_SCORER = "lead"
COMPARED = 3  # candidates that fit, compared by score times weight
DEFAULT_CORROBORATION = 0.5
DEFAULT_DUPLICATES = 0.5
MIN_WORDS = 5  # a story sentence shorter than this is not a candidate
MIN_HEADLINE_WORDS = 3  # a compression shorter than this does not count as a headline

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
    input's topic its compression carries; the chosen candidate has the largest product.
    ``steps`` names the compression rules applied, ``fits`` says whether the compression
    is a headline within the budget, and ``reason`` why a candidate was passed over
    (empty for the one chosen).
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
    "forgave forbade overcame upheld withheld"
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
    Every title, and the sentences in the order of :func:`rank_candidates` until
    :data:`COMPARED` of them fit, are compressed; a title that fits wins, else the
    candidate with the largest score times weight (see the module's description).
    Raises :class:`SummarizeError` when the input has no sentence or title, or when no
    candidate can be compressed into ``chars`` bytes."""
    if isinstance(chars, bool) or not isinstance(chars, int) or chars < 1:
        raise SummarizeError(f"chars must be a whole number of at least 1, got {chars!r}")
    documents = list(as_documents(inputs, check_language(language), purpose="make a headline of"))
    ranked = rank_candidates(
        documents, scorer=scorer, corroboration=corroboration, keep_boilerplate=keep_boilerplate
    )
    if not ranked:
        raise SummarizeError("nothing to make a headline of: the input has no sentences")
    topic = Topic.of(documents)
    tried: list[HeadlineCandidate] = []
    fitting = 0
    seen: set[str] = set()
    for candidate in ranked:
        if fitting >= COMPARED and candidate.origin != TITLE:
            continue  # every title is tried
        if candidate.reason:  # not a candidate: listed with the reason
            tried.append(candidate)
            continue
        result = _compress_candidate(candidate, chars, topic)
        fits = _is_headline(result.text, chars) and result.text.lower() not in seen
        reason = ""
        if not fits:
            reason = (
                "same as a better candidate"
                if result.text.lower() in seen
                else (f"does not fit in {chars} bytes")
            )
        seen.add(result.text.lower())
        fitting += fits
        tried.append(
            replace(
                candidate,
                text=result.text,
                weight=sum(topic.weight(word) for word in result.text.split()),
                steps=result.steps,
                fits=fits,
                reason=reason,
            )
        )
    best = max(
        (c for c in tried if c.fits),
        key=lambda c: (c.origin == TITLE, c.score * c.weight),
        default=None,
    )
    if best is None:
        raise SummarizeError(f"no headline fits in {chars} bytes")
    candidates = tuple(
        c if c is best or not c.fits else replace(c, reason=_passed_over(c, best)) for c in tried
    )
    return Headline(
        text=best.text,
        document=best.document,
        source=best.source,
        chars=chars,
        candidates=candidates,
    )


def _passed_over(candidate: HeadlineCandidate, best: HeadlineCandidate) -> str:
    if best.origin == TITLE and candidate.origin != TITLE:
        return "a source title fits"
    return "lower score \u00d7 weight"


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
) -> list[HeadlineCandidate]:
    """Every title and story sentence of ``documents`` as an uncompressed candidate, best
    score first (then in input order). A sentence that cannot be a headline (a quotation,
    a question, a fragment, one opening with a pronoun) carries the reason.

    The score is the ``scorer``'s (a title counts as the first sentence of its document),
    multiplied by ``1 + corroboration * (k - 1)`` for a candidate that ``k`` documents carry
    (near-duplicates at tf-idf cosine ``duplicates``), scaled so the best scores 1."""
    dropped = {} if keep_boilerplate else boilerplate(documents)
    pool: list[Sentence] = []
    titles: set[int] = set()
    for document in documents:
        if document.title and document.title.strip():
            titles.add(len(pool))
            pool.append(_title_sentence(document))
        pool.extend(s for s in document.sentences if s.ref not in dropped)
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
    (``counts``), the short form of full names (``names``: "Bernie Ebbers" -> "Ebbers" when
    the story also says "Ebbers" alone), and the language. Build one with :meth:`of`; the
    empty topic weighs every content word 1 and knows no names."""

    counts: Mapping[str, int] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)
    language: str = "english"

    @classmethod
    def of(cls, documents: Sequence[Document]) -> Topic:
        """The topic of ``documents``: term counts over their sentences, and the names."""
        counts: dict[str, int] = {}
        language = documents[0].language if documents else "english"
        lower: set[str] = set()
        alone: set[str] = set()
        runs: set[tuple[str, ...]] = set()
        for document in documents:
            for sentence in document.sentences:
                for term in sentence.terms:
                    counts[term] = counts.get(term, 0) + 1
                words = sentence.text.split()
                lower.update(_bare(w) for w in words if w[:1].islower())
                alone.update(_standing_alone(words))
                runs.update(_capitalised_runs(words))
        names = {
            " ".join(run): run[-1]
            for run in runs
            if run[-1] in alone and not any(w.lower() in lower for w in run)
        }
        return cls(counts=counts, names=names, language=language)

    def weight(self, word: str) -> float:
        """A word's worth in the headline: ``log(1 + n)`` for a content word whose term
        occurs ``n`` times in the input (1 with no counts), :data:`STOP_WEIGHT` for a stop
        word."""
        found = analyzer(self.language).terms(tokenize(word))
        if not found:
            return STOP_WEIGHT
        if not self.counts:
            return 1.0
        return sum(math.log1p(self.counts.get(term, 0)) for term in found)


_HONORIFICS = _words("Mr Mrs Ms Miss Dr Sir Lord Lady Dame Prof Mr. Mrs. Ms. Dr. Prof.")
_REPORTING = _words("said says told added admitted insisted")


def _standing_alone(words: Sequence[str]) -> Iterable[str]:
    """Surnames used on their own: a capitalised word after an honorific ("Mr Ebbers") or
    right before or after a reporting verb ("Ebbers said", "said Ebbers")."""
    for position in range(1, len(words)):
        word = _strip_possessive(words[position].strip(_PUNCTUATION))
        if len(word) < 3 or not word[:1].isupper() or not word.isalpha():
            continue
        before = words[position - 1]
        after = _bare(words[position + 1]) if position + 1 < len(words) else ""
        reporting = after in _REPORTING or (
            _bare(before) in _REPORTING and before == before.strip(",")
        )
        if before in _HONORIFICS or (not before[:1].isupper() and reporting):
            yield word


def _capitalised_runs(words: Sequence[str]) -> Iterable[tuple[str, ...]]:
    """Runs of two or three capitalised alphabetic words, not across punctuation; a
    possessive ends a run ("Sir Clive Woodward's")."""
    run: list[str] = []
    for raw in words:
        core = raw.strip(_PUNCTUATION)
        word = _strip_possessive(core)
        name_like = len(word) > 1 and word[:1].isupper() and word.replace("-", "").isalpha()
        if name_like:
            run.append(word)
        if not name_like or word != core or raw != core:  # the run ends here
            if 2 <= len(run) <= 3:
                yield tuple(run)
            run = []
    if 2 <= len(run) <= 3:
        yield tuple(run)


def _strip_possessive(word: str) -> str:
    return re.sub(r"['\u2019]s?$", "", word)


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


def _support(pool: Sequence[Sentence], threshold: float) -> np.ndarray:
    """For each sentence, how many documents carry it or a near-duplicate of it."""
    labels = duplicate_groups(pool, tfidf(pool), threshold)
    documents: dict[int, set[str]] = {}
    for sentence, label in zip(pool, labels, strict=True):
        documents.setdefault(int(label), set()).add(sentence.doc)
    return np.array([len(documents[int(label)]) for label in labels], dtype=np.float64)


_OPENING_PRONOUN = _PRONOUNS | _words("this these those such")
_OPENING_QUOTE = re.compile(r"^[\"'\u201c\u2018\u00ab\u201e`]")
# first and second person: "I" anywhere, the others in lower case or opening the sentence
# (a capitalised "My" inside is a title: "My Family")
_FIRST_PERSON = re.compile(
    r"(?<![\w\-'\u2019])(?:I|I'm|I've|I'd|we|we're|we've|my|our|us|you|your|you're)(?![\w\-])"
    r"|^(?:We|My|Our|You|Your)\b"
)


def _not_a_candidate(text: str) -> str:
    """Why a story sentence cannot be a headline ("" when it can)."""
    if len(text.split()) < MIN_WORDS:
        return "too short to state an event"
    if _OPENING_QUOTE.match(text) or len(_unquoted(text)) < len(text) / 2:
        return "a quotation"
    first = text.split(None, 1)[0].strip("\"'\u201c\u2018(")
    if first.lower() in _OPENING_PRONOUN and not first.isupper():  # "US" is no pronoun
        return "opens with a pronoun"
    if text.rstrip("\"'\u201d\u2019)").endswith("?"):
        return "a question"
    if _FIRST_PERSON.search(_unquoted(text)):
        return "speaks in the first or second person"
    return ""


def _unquoted(text: str) -> str:
    """``text`` without the passages inside double quotes."""
    return re.sub(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]", " ", text)


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
    rf"|{_SAY}\s+[^,;\"\u201c\u201d]{{1,60}})[.!]?$"
)
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
    r"|warned|warns|announced|announces)(?:\s+that)?\s+(?:he|she|it|they)\s+(?P<rest>\S.*)$"
)


def drop_attribution(text: str) -> str:
    """Drop who said it: ``"..., officials said."``, ``"..., according to X."``,
    ``"X, police said, was ..."``, a leading ``"Officials said (that) ..."``; and in
    ``"X has said it will ..."`` the speaker becomes the subject: ``"X will ..."``."""
    out = _ATTRIBUTION_END.sub("", text)
    out = _ATTRIBUTION_INSIDE.sub(" ", out)
    match = _ATTRIBUTION_START.match(out)
    pronoun = _ATTRIBUTION_PRONOUN.match(out)
    if pronoun is not None and _plain_subject(pronoun.group("subject")):
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
    """A subject without a verb of its own ("Ebbers has denied claims that he ...": the
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


def drop_leading_phrase(text: str) -> str:
    """Drop a leading time or place phrase or a linking adverb: ``"On Monday, ..."``,
    ``"In a statement, ..."``, ``"Earlier this week, ..."``, ``"However, ..."``, ``"But ..."``."""
    first = _first_word(text)
    if first in _CONJUNCTIONS | {"however", "meanwhile", "also", "still", "now"}:
        rest = re.sub(r"^\S+,?\s+", "", text, count=1)
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
        return in_title or bool(_RATE.search(before))

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
_HAS = re.compile(r"(?<=[\w')\u2019])\s+(?:has|have)(?:\s+been)?\s+(?=[a-z]+ed\b)")


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


# ", the Russian president," / ", 45," / ", a former minister," before the verb
_APPOSITIVE = re.compile(
    r"(?<=[\w)'\u2019]),\s+(?:(?:aged\s+)?\d{1,3}|(?:the|a|an|its|his|her|their|former|then)"
    r"\s[^;:\"\u201c\u201d()]{1,150}?),\s+(?!(?:and|or|but|nor)\b)(?=[a-z])"
)


def drop_appositives(text: str) -> str:
    """Drop an appositive or age between commas before the verb: ``"Putin, the Russian
    president, said"`` -> ``"Putin said"``; ``"Jane Doe, 45, was"`` -> ``"Jane Doe was"``."""
    out = _APPOSITIVE.sub(" ", text)
    return _tidy(out) if out != text else text


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


def _restrictive_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """The span of the clause :func:`drop_restrictive_clauses` drops (none or one)."""
    verb = None
    for i, word in enumerate(words):
        if word[-1:] in ",;:":
            break
        bare = _bare(word)
        following = words[i + 1] if i + 1 < len(words) else ""
        headline_to = bare == "to" and following[:1].islower()  # "devices to have ..."
        if i >= 3 and word[:1].islower() and (bare in _AUXILIARIES or headline_to):
            verb = i - 1 if _bare(words[i - 1]) in ("set", "due", "poised") else i
            break
    if verb is None:
        return []
    for start in range(1, verb - 1):
        if _has_verb(["", *words[1:start]]):
            return []  # past the subject: "dismissed fears that his plans are ..."
        word, previous = _bare(words[start]), _bare(words[start - 1])
        if not words[start][:1].islower() or previous in _FUNCTION_WORDS | _PRONOUNS:
            continue
        if word in ("who", "which", "that") or (
            len(word) > 4
            and (
                word.endswith("ing")
                or (word.endswith("ed") and _bare(words[start + 1]) in _PREPOSITIONS | {"to", "by"})
            )
        ):
            return [(start, verb)]
    return []


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
    """Drop descriptions right before names: ``"Former Cabinet minister Clare Short has
    criticised US media giant TimeWarner"`` -> ``"Clare Short has criticised
    TimeWarner"``. A descriptor is up to six content words (no article, preposition or
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
    of place and time (``"praise heaped on it by two critics' groups"`` -> ``"praise heaped
    by two critics' groups"``), descriptors before names (``"at US media giant
    TimeWarner"`` -> ``"at TimeWarner"``, see :func:`drop_name_descriptors`) and a clause
    between the subject and its verb (see :func:`drop_restrictive_clauses`)."""
    return _trim(text, chars, weight, max_drops=MAX_INNER_DROPS)[0]


def _trim(
    text: str, chars: int, weight: WordWeight | None, max_drops: int
) -> tuple[str, int, bool]:
    """The best trimmed text, how many inner pieces it drops, and whether its tail was cut
    (the text itself, 0 and False when it fits or nothing qualifies).

    The text is kept up to a phrase boundary, less up to ``max_drops`` optional pieces
    inside it (adjunct phrases, descriptors before names, a clause between the subject and
    its verb); the choice keeping the most weight wins, then the one with fewer drops, then
    the longest."""
    if _fits(text, chars):
        return text, 0, False
    words = text.split()
    weigh = weight or _content_weight
    values = [weigh(w) for w in words]
    sizes = [len(w.encode("utf-8")) + 1 for w in words]  # with the space after it
    ends = [i for i in range(MIN_HEADLINE_WORDS, len(words)) if _is_boundary(words, i)]
    ends.append(len(words))
    optional = sorted(_adjunct_spans(words) + _descriptor_spans(words) + _restrictive_spans(words))
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
                kept = _tidy(" ".join(w for i, w in enumerate(words[:end]) if i not in skip))
                kept_words = kept.split()
                if (
                    _fits(kept, chars)
                    and len(kept_words) >= MIN_HEADLINE_WORDS
                    and _last_is_content(kept)
                    and _has_verb(kept_words)
                    and _last_clause_has_verb(kept_words)
                    and _first_word(kept) not in _CLAUSE_ONLY
                    and _balanced(kept)
                ):
                    best, best_text, best_drops, best_end = key, kept, count, end
    return best_text, best_drops, best_end < len(words)


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
        if _bare(words[start - 1]) in _AUXILIARIES:
            continue  # "is at its lowest level": the phrase is the predicate
        end = start + 1
        while end < len(words) and (not _is_boundary(words, end) or _bare(words[end]) == "of"):
            end += 1
        if end >= len(words) or words[end - 1][-1] in ",;:":
            continue
        if (
            end - start >= 2  # "plough on with": a lone particle is no phrase
            and _bare(words[end]) in _PREPOSITIONS - {"of"}
            and not _has_verb(["", *words[start:end]])
        ):
            spans.append((start, end))
    return spans


def _descriptor_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """Word spans of descriptors right before a name: ``"US media giant"`` in ``"at US
    media giant TimeWarner"``, ``"Chelsea defender"`` in ``"signing Chelsea defender
    Celestine Babayaro"``: up to six content words, one to three of them lower-case, the
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
            start += 1  # "to supply French car maker Peugeot": "supply" is a verb
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
        return not (
            words[i - 1][:1].isupper() and words[i + 1 : i + 2] and words[i + 1][:1].isupper()
        )
    if word == "to" and previous in ("up", "due", "according", "close", "next", "prior"):
        return False
    if word in ("to", "that") and _verbish(words[i - 1]):
        return False  # "plans to ...", "concluded that ...": the verb needs what follows
    if (
        word == "by"
        and previous.endswith("ed")
        and i >= 2
        and _bare(words[i - 2]) not in _AUXILIARIES
    ):
        return False  # "a film produced by ...": the participle needs its agent
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
        bare in _AUXILIARIES | _IRREGULAR_PAST | _COMPLEMENT_VERBS
        or bool(re.fullmatch(_SAY, bare))
        or (len(bare) > 3 and bare.endswith("ed"))
    )


def _has_verb(words: Sequence[str]) -> bool:
    """A rough test for a finite verb: an auxiliary, a reporting verb, a common irregular
    past form, a word ending in "-ed", the headline "to" before a verb, or a lower-case
    "-s" word right after a capitalised word (``"Dollar gains"``). Without a tagger this
    over-accepts; it guards against cuts that leave only a noun phrase."""
    for position, raw in enumerate(words):
        word = _bare(raw)
        if not position or not raw[:1].islower():
            continue
        if word in _AUXILIARIES or word in _IRREGULAR_PAST or re.fullmatch(_SAY, word):
            return True
        if word == "to" and position and words[position + 1 : position + 2]:
            following = words[position + 1]
            if following[:1].islower() and _bare(following) not in _FUNCTION_WORDS:
                return True  # headline "to" for the future: "BMW to recall cars"
        if position and len(word) > 3 and word.endswith("ed"):
            return True
        if (
            len(word) > 2
            and word.endswith("s")
            and not word.endswith(("ss", "us", "is", "'s"))
            and words[position - 1][:1].isupper()
            and words[position - 1][-1:].isalnum()
        ):
            return True
    return False


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
    if last in _FUNCTION_WORDS | _PRONOUNS or re.search(r"['\u2019]s?$", words[-1]):
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
    :meth:`Topic.of`): ``"Bernie Ebbers denies fraud"`` -> ``"Ebbers denies fraud"``."""
    out = text
    for full in sorted(names, key=len, reverse=True):
        out = re.sub(rf"(?<![\w\-]){re.escape(full)}(?![\w\-])", names[full], out)
    return out if len(out.split()) >= MIN_HEADLINE_WORDS else text


# --------------------------------------------------------------------------------------------
# Compressing


ALWAYS: tuple[Callable[[str], str], ...] = (
    drop_byline,
    drop_dateline,
    drop_parentheticals,
    drop_attribution,
    drop_leading_phrase,
    drop_time_expressions,
    drop_subordinate_clauses,
    drop_appositives,
    drop_relative_clauses,
)
"""Rules applied to every candidate, in order: what they drop never belongs in a headline."""

STYLE: tuple[Callable[[str], str], ...] = (drop_articles, drop_filler_adverbs, use_headline_verbs)
"""Headline style, applied last (the other rules read the articles and verbs)."""


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
    apply(lambda t: shorten_names(t, topic.names), "shorten_names")
    out = _finish(out)
    trimmed, drops, cut = _trim(out, chars, topic.weight, MAX_INNER_DROPS)
    if drops:
        steps.append("drop_inner_phrases")
    if cut:
        steps.append("drop_trailing_detail")
    return Compression(_finish(trimmed), tuple(steps))


def _fits(text: str, chars: int) -> bool:
    return len(text.encode("utf-8")) <= chars


def _finish(text: str) -> str:
    """Headline form: one line, no final period or dangling punctuation, quotes balanced."""
    out = _tidy(text)
    out = re.sub(r"[\s,;:\-\u2013\u2014]+$", "", out)
    if out.endswith(".") and not out.endswith("..") and not _ends_with_abbreviation(out):
        out = out[:-1].rstrip()
    if not _balanced(out):
        out = _tidy(re.sub(r"[\"\u201c\u201d()]", "", out))
    return _capitalise(out)


_FINAL_ABBREVIATIONS = _words("Inc. Co. Corp. Ltd. Jr. Sr. St. Bros.")


def _ends_with_abbreviation(text: str) -> bool:
    """ "U.S." or "Inc." at the end keeps its period."""
    last = text.rsplit(" ", 1)[-1]
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}", last)) or last in _FINAL_ABBREVIATIONS


# --------------------------------------------------------------------------------------------
# Text helpers


def _tidy(text: str) -> str:
    """Collapse spaces; no space before punctuation; no doubled or leading commas."""
    out = " ".join(text.split())
    out = re.sub(r"\s+([,;:.!?%)\]])", r"\1", out)
    out = re.sub(r"([(\[])\s+", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out)
    out = re.sub(r"^[\s,;:\u2013\u2014-]+", "", out)
    return out


def _capitalise(text: str) -> str:
    text = text.lstrip()
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def _first_word(text: str) -> str:
    match = re.match(r"\W*(\w+)", text)
    return match.group(1).lower() if match else ""


_PUNCTUATION = ".,;:!?\"'()[]{}\u201c\u201d\u2018\u2019"


def _bare(word: str) -> str:
    """A word without the punctuation around it, lower-cased unless it is an acronym
    ("US" is not "us")."""
    bare = word.strip(_PUNCTUATION)
    return bare if len(bare) > 1 and bare.isupper() else bare.lower()
