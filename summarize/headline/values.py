"""The headline's value types: :class:`Headline`, :class:`HeadlineCandidate` and
:class:`Compression`."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from summarize.model import SentenceRef

DEFAULT_BYTES = 75
"""The budget in bytes: the length convention of published headline work (DUC 2003-2004)."""
TITLE, SENTENCE = "title", "sentence"


@dataclass(frozen=True)
class Compression:
    """A compressed wording and the names of the rules that changed it, in order."""

    text: str
    steps: tuple[str, ...] = ()
    rest: tuple[str, ...] = ()  # the words trimming cut after the text, in order


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
    for the one chosen). ``rest`` holds the words trimming cut after the compression (the
    lede's next phrase may fill the budget from them).
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
    rest: tuple[str, ...] = ()

    @property
    def compressed(self) -> bool:
        """Whether compression changed the wording."""
        return bool(self.steps)


@dataclass(frozen=True)
class Headline:
    """The headline of an input, with the candidates considered (best ranked first).

    ``document`` and ``source`` say where it came from: the document id, and the sentence
    (None when it is the document's title). ``bytes`` is the budget (UTF-8 bytes).
    """

    text: str
    document: str
    source: SentenceRef | None
    bytes: int
    candidates: tuple[HeadlineCandidate, ...] = ()

    @property
    def origin(self) -> str:
        return TITLE if self.source is None else SENTENCE

    @property
    def chars(self) -> int:
        """The budget in bytes, by its old name (deprecated: use :attr:`bytes`)."""
        warnings.warn(
            "Headline.chars is the budget in bytes and is deprecated: use Headline.bytes",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.bytes

    def as_dict(self, *, explain: bool = False) -> dict[str, object]:
        """The JSON shape: ``headline``, ``source`` (document, and index or ``title``),
        ``bytes`` (the budget) and, with ``explain``, the candidates."""
        data: dict[str, object] = {
            "headline": self.text,
            "source": _source_dict(self.document, self.source),
            "bytes": self.bytes,
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
