"""How a digest is made: one frozen :class:`DigestOptions` that the command line, batch, the
evaluation harness and the Python API all build and pass down.

The budget rules live here once: the budget keys of the JSONL cluster format and of
``--budget`` (``words``, ``bytes``, ``chars``, ``sentences``, ``ratio``), the default of
100 words, and "a cluster's own budget unless an option sets one".
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from summarize.errors import SummarizeError
from summarize.model import Budget

DEFAULT_SCORER = "lead"
DEFAULT_SELECTOR = "submodular"
"""The default method, lead scores chosen by position-aware coverage (the submodular
selector's own default ``importance=2``): the choice of ``benchmarks/protocol.py``, the
best mean gain over lead across the five dev sets at two budgets each (and CNN/DailyMail
at three sentences), with no set significantly worse (``benchmarks/RESULTS.md``, "Protocol:
choosing the default")."""
AUTO = "auto"
"""A scorer chosen by the input, the default before the protocol's choice: see
:data:`SINGLE_DOCUMENT_SCORER` and :data:`MULTI_DOCUMENT_SCORER`."""
SINGLE_DOCUMENT_SCORER = "lead"
MULTI_DOCUMENT_SCORER = "lexrank-lead"
DEFAULT_WORDS = 100
DEFAULT_REDUNDANCY = 0.5
DEFAULT_DUPLICATES = 0.7
DEFAULT_CORROBORATION = 0.5
ORDERS = ("source", "score")

BUDGET_KEYS = ("words", "bytes", "chars", "sentences", "ratio")
"""The kinds of budget, as the JSONL format, ``--budget KIND=N`` and :class:`Budget` name
them: ``bytes`` counts UTF-8 bytes, ``chars`` characters."""


@dataclass(frozen=True)
class DigestOptions:
    """Everything that shapes one digest besides its documents.

    - ``budget``: None means the cluster's own (see :meth:`for_cluster`), else 100 words.
    - ``scorer``: a registered scorer's name or ``auto``; ``scorer_params`` go to its
      constructor. ``selector``: a registered selector's name.
    - ``redundancy``: the cosine at which a sentence repeats a chosen one (None: no check).
    - ``duplicates``: the similarity at which sentences merge into one fact (None: none do);
      ``corroboration``: a fact carried by k sources has its score times 1 + X(k - 1).
    - ``keep_boilerplate``: keep captions, credits and the like; ``headline``: put one on
      top; ``language``: stop words and stemming.
    - ``trim``: cut datelines, asides, appositives, time phrases and attribution tails from
      sentences before selection (see :mod:`summarize.digest.trim`); ``only_in``: under a
      digest of several documents, an important fact only one of them reports.
    """

    budget: Budget | None = None
    scorer: str = DEFAULT_SCORER
    selector: str = DEFAULT_SELECTOR
    order: str = "source"
    redundancy: float | None = DEFAULT_REDUNDANCY
    duplicates: float | None = DEFAULT_DUPLICATES
    corroboration: float = DEFAULT_CORROBORATION
    keep_boilerplate: bool = False
    headline: bool = True
    language: str = "english"
    scorer_params: Mapping[str, object] = field(default_factory=dict)
    trim: bool = False
    only_in: bool = True

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise SummarizeError(f"unknown order {self.order!r}; available: {', '.join(ORDERS)}")
        for name in ("redundancy", "duplicates"):
            value = getattr(self, name)
            if value is not None and not 0 < value <= 1:
                raise SummarizeError(f"{name} must be in (0, 1], got {value}")
        if self.corroboration < 0:
            raise SummarizeError(f"corroboration must be at least 0, got {self.corroboration}")

    @property
    def resolved_budget(self) -> Budget:
        """The budget to summarize with: the one set, else :data:`DEFAULT_WORDS` words."""
        return self.budget if self.budget is not None else Budget(words=DEFAULT_WORDS)

    def for_cluster(self, own: Budget | None) -> DigestOptions:
        """These options for a cluster that carries its ``own`` budget: it applies unless
        an option set one."""
        if self.budget is not None or own is None:
            return self
        return replace(self, budget=own)

    def scorer_for(self, documents: int) -> str:
        """The scorer's name for an input of this many documents (``auto`` resolved)."""
        if self.scorer != AUTO:
            return self.scorer
        return SINGLE_DOCUMENT_SCORER if documents == 1 else MULTI_DOCUMENT_SCORER


def make_budget(
    sentences: int | None = None,
    words: int | None = None,
    bytes: int | None = None,
    chars: int | None = None,
    ratio: float | None = None,
) -> Budget | None:
    """A :class:`Budget` from keyword limits (at most one), None when none is given.

    ``chars`` still counts bytes in this release, as it always did, with a
    :class:`DeprecationWarning`: use ``bytes`` for bytes. (Character budgets are
    ``Budget(chars=N)``.)
    """
    if chars is not None:
        warnings.warn(CHARS_DEPRECATED, DeprecationWarning, stacklevel=3)
        if bytes is None:
            bytes, chars = chars, None
    if sentences is None and words is None and bytes is None and chars is None and ratio is None:
        return None
    return budget_of(sentences=sentences, words=words, bytes=bytes, chars=chars, ratio=ratio)


CHARS_DEPRECATED = (
    "'chars' counts bytes and is deprecated: use 'bytes' (in the next release 'chars' will "
    "count characters)"
)


def budget_of(**limits: int | float | None) -> Budget:
    """``Budget(**limits)`` with a bad value reported as a :class:`SummarizeError`."""
    try:
        return Budget(**limits)  # type: ignore[arg-type]  # keys are checked by Budget
    except (TypeError, ValueError) as exc:
        raise SummarizeError(str(exc)) from None


def parse_budget(kind: str, amount: object) -> Budget:
    """A budget from one of :data:`BUDGET_KEYS` and its amount (a JSON number or the text
    after ``=`` in ``--budget words=230``); a :class:`SummarizeError` says what is wrong."""
    key = kind.strip().lower()
    if key not in BUDGET_KEYS:
        raise SummarizeError(f"a budget is one of {', '.join(BUDGET_KEYS)}, got {kind!r}")
    value: int | float
    if isinstance(amount, str):
        try:
            value = float(amount) if key == "ratio" else int(amount)
        except ValueError:
            wanted = "a number in (0, 1]" if key == "ratio" else "a whole number"
            raise SummarizeError(f"{key} must be {wanted}, got {amount!r}") from None
    elif isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise SummarizeError(f"{key} must be a number, got {type(amount).__name__}")
    else:
        value = amount
    return budget_of(**{key: value})


def describe_budget(budget: Budget) -> str:
    """``"100 words"``, ``"3 sentences"``, ``"665 bytes"``, ``"500 characters"`` or
    ``"20% of the words"``: how every view and message names a budget."""
    kind, value = next(iter(budget.as_dict().items()))
    if kind == "ratio":
        return f"{value:.0%} of the words"
    unit = {"chars": "characters"}.get(kind, kind)
    return f"{value} {unit.removesuffix('s') if value == 1 else unit}"
