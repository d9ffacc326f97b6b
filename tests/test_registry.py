"""The scorer registry: decorator registration, entry-point plug-ins, clear errors."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import EntryPoint

import numpy as np
import pytest

import summarize.registry as registry_module
from summarize import summarize
from summarize.errors import SummarizeError
from summarize.registry import Registry


@dataclass(frozen=True)
class Longest:
    """A plug-in style scorer: longer sentences score higher."""

    def scores(self, sentences):
        return np.array([float(len(s.text)) for s in sentences])


def test_register_and_create_with_parameters() -> None:
    registry: Registry = Registry("thing")

    @registry.register("pair")
    @dataclass(frozen=True)
    class Pair:
        left: int = 1
        right: int = 2

    assert registry.create("pair", right=5) == Pair(1, 5)
    assert registry.names() == ["pair"]
    assert "pair" in registry and "other" not in registry


def test_double_registration_is_refused() -> None:
    registry: Registry = Registry("thing")
    registry.add("a", int)
    with pytest.raises(ValueError, match="already registered"):
        registry.add("a", float)


def test_unknown_name_lists_available_names() -> None:
    registry: Registry = Registry("thing")
    registry.add("alpha", int)
    registry.add("beta", int)
    with pytest.raises(SummarizeError, match="unknown thing 'gamma'; available: alpha, beta"):
        registry.create("gamma")


def _fake_entry_points(monkeypatch: pytest.MonkeyPatch, *points: EntryPoint) -> list[str]:
    groups: list[str] = []

    def entry_points(group: str) -> tuple[EntryPoint, ...]:
        groups.append(group)
        return tuple(p for p in points if p.group == group)

    monkeypatch.setattr(registry_module, "entry_points", entry_points)
    return groups


def test_entry_points_load_lazily_on_first_miss(monkeypatch: pytest.MonkeyPatch) -> None:
    point = EntryPoint("longest", f"{__name__}:Longest", "test.scorers")
    groups = _fake_entry_points(monkeypatch, point)
    registry: Registry = Registry("scorer", entry_point_group="test.scorers")
    registry.add("builtin", int)
    assert registry.create("builtin") == 0
    assert groups == []  # a known name scans nothing
    assert isinstance(registry.create("longest"), Longest)
    assert groups == ["test.scorers"]
    registry.create("longest")
    assert groups == ["test.scorers"]  # scanned once


def test_broken_plugin_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    point = EntryPoint("broken", "no_such_module_xyz:Thing", "test.scorers")
    _fake_entry_points(monkeypatch, point)
    registry: Registry = Registry("scorer", entry_point_group="test.scorers")
    with pytest.raises(SummarizeError, match="scorer 'broken' could not be loaded"):
        registry.create("broken")


def test_a_scorer_object_plugs_into_summarize() -> None:
    texts = [
        "Short one here.",
        "This sentence is clearly the longest of the three given.",
        "Mid size text.",
    ]
    summary = summarize(texts, scorer=Longest(), sentences=1)
    assert [s.text for s in summary.sentences] == [texts[1]]
