"""Shared helpers for tests: sentences built without going through segmentation."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from summarize.model import Sentence
from summarize.text.tokens import analyzer, tokenize

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpus" / "russia-syria-withdrawal"
EVAL = ROOT.parent / "shared" / "eval"


def make_sentences(
    texts: Sequence[str], doc: str = "d", language: str = "english"
) -> list[Sentence]:
    """One Sentence per text, indexed in order, with real tokens and terms."""
    terms = analyzer(language).terms
    return [
        Sentence(doc=doc, index=i, text=t, tokens=tokenize(t), terms=terms(tokenize(t)))
        for i, t in enumerate(texts)
    ]


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE
