"""Immutable values that flow through the pipeline.

A :class:`Sentence` is identified by ``(doc, index)`` — the id of the document it came from
and its position among that document's sentences — never by its text: two sources carrying
the same sentence are two sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Sentence:
    """One sentence of one document.

    ``tokens`` are the lower-cased word tokens of ``text``; ``terms`` are the stemmed content
    words (stop words removed) that scorers compare. ``paragraph`` is the 0-based paragraph
    of the document the sentence stands in; ``standalone`` marks a unit that was a line of its
    own in the source (a title, caption or other short line) rather than running prose.
    """

    doc: str
    index: int
    text: str
    tokens: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    paragraph: int = 0
    standalone: bool = False

    # computed once per sentence: the pipeline asks for them many times (cached_property
    # writes to the instance's __dict__, which a frozen dataclass allows; fields are unchanged)
    @cached_property
    def ref(self) -> SentenceRef:
        return SentenceRef(self.doc, self.index)

    @cached_property
    def word_count(self) -> int:
        return len(self.text.split())

    @cached_property
    def byte_count(self) -> int:
        return len(self.text.encode("utf-8"))


@dataclass(frozen=True, order=True)
class SentenceRef:
    """The identity of a sentence: its document id and its index in that document."""

    document: str
    index: int


@dataclass(frozen=True)
class Document:
    """A source text split into sentences. ``path`` is where it was read from, if anywhere."""

    id: str
    text: str
    sentences: tuple[Sentence, ...]
    title: str | None = None
    path: str | None = None
    language: str = "english"
    date: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Budget:
    """How long a summary may be. Exactly one of the limits is set.

    ``bytes`` counts bytes of UTF-8 text, ``chars`` characters (code points); ``ratio`` is a
    fraction of the input's words.
    """

    sentences: int | None = None
    words: int | None = None
    bytes: int | None = None
    chars: int | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        given = [
            (name, value)
            for name, value in (
                ("sentences", self.sentences),
                ("words", self.words),
                ("bytes", self.bytes),
                ("chars", self.chars),
                ("ratio", self.ratio),
            )
            if value is not None
        ]
        if len(given) != 1:
            raise ValueError(
                "a budget takes exactly one of sentences, words, bytes, chars or ratio"
            )
        name, value = given[0]
        if name == "ratio":
            if not 0 < value <= 1:
                raise ValueError(f"ratio must be in (0, 1], got {value}")
        elif isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a whole number of at least 1, got {value!r}")

    @property
    def kind(self) -> str:
        return self.as_dict().popitem()[0]

    def as_dict(self) -> dict[str, int | float]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class SummarySentence:
    """A sentence chosen for the summary, with every source sentence it stands for."""

    text: str
    score: float
    sources: tuple[SentenceRef, ...]

    @property
    def corroboration(self) -> int:
        """How many distinct documents carry this sentence."""
        return len({ref.document for ref in self.sources})


CHOSEN, KEPT, MERGED, DROPPED = "chosen", "kept", "merged", "dropped"


@dataclass(frozen=True)
class Candidate:
    """What became of one input sentence: ``status`` is one of

    - ``chosen``: in the summary (as the wording of its group),
    - ``kept``: story text, not chosen,
    - ``merged``: a near-duplicate of the sentence ``same_as``, shown through it,
    - ``dropped``: boilerplate, ``reason`` says which kind.

    ``cuts`` are the passages trimming cut from the sentence (see
    :mod:`summarize.digest.trim`), none when it was not trimmed.
    """

    sentence: Sentence
    score: float
    status: str
    reason: str = ""
    same_as: SentenceRef | None = None
    cuts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Summary:
    """The result of summarization: what the JSON output and every renderer show.

    ``candidates`` holds what became of every input sentence (for ``--explain``);
    ``notes`` are human-readable remarks about the result (for example that the budget
    forced a sentence to be cut). ``exclusives`` are facts of a multi-source digest that only
    one source reports, shown apart from the digest ("Only in [2]: ...").
    """

    sentences: tuple[SummarySentence, ...]
    scorer: str
    budget: Budget
    documents: tuple[Document, ...] = ()
    headline: str | None = None
    selector: str = "greedy"
    candidates: tuple[Candidate, ...] = field(default=(), repr=False)
    notes: tuple[str, ...] = ()
    exclusives: tuple[SummarySentence, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def source_counts(self) -> dict[str, dict[str, int]]:
        """Per document id: how many of its sentences were chosen, kept, merged, dropped."""
        statuses = (CHOSEN, KEPT, MERGED, DROPPED)
        counts = {d.id: dict.fromkeys(statuses, 0) for d in self.documents}
        for candidate in self.candidates:
            counts[candidate.sentence.doc][candidate.status] += 1
        return counts

    def as_dict(self) -> dict[str, object]:
        """The JSON shape: headline, sentences (text, score, corroboration, sources), for a
        digest of several documents ``only_in`` (the :attr:`exclusives`, shaped as the
        sentences), scorer, budget, the source documents and notes."""
        data: dict[str, object] = {
            "headline": self.headline,
            "sentences": [_sentence_data(s) for s in self.sentences],
        }
        if len(self.documents) > 1 or self.exclusives:
            data["only_in"] = [_sentence_data(s) for s in self.exclusives]
        return data | {
            "scorer": self.scorer,
            "selector": self.selector,
            "budget": self.budget.as_dict(),
            "sources": [
                {"id": d.id, "title": d.title, "path": d.path, "author": d.author, "date": d.date}
                for d in self.documents
            ],
            "notes": list(self.notes),
        }


def _sentence_data(sentence: SummarySentence) -> dict[str, object]:
    return {
        "text": sentence.text,
        "score": round(float(sentence.score), 6),
        "corroboration": sentence.corroboration,
        "sources": [{"document": r.document, "index": r.index} for r in sentence.sources],
    }
