"""A named registry of factories that third-party packages extend through entry points.

Built-in entries register with the ``@scorers.register("name")`` decorator. A name that is
not registered triggers one lazy scan of the registry's entry-point group (for scorers,
``summarize.scorers``) before an error listing every available name is raised. Nothing is
scanned at import time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from typing import Generic, TypeVar

from summarize.errors import SummarizeError

T = TypeVar("T")


class Registry(Generic[T]):
    """Maps names to factories; ``create(name, **params)`` builds an instance."""

    def __init__(self, kind: str, entry_point_group: str | None = None) -> None:
        self.kind = kind
        self.entry_point_group = entry_point_group
        self._factories: dict[str, Callable[..., T]] = {}
        self._scanned = False

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        """Decorator that registers a factory (usually a class) under ``name``."""

        def decorate(factory: Callable[..., T]) -> Callable[..., T]:
            self.add(name, factory)
            return factory

        return decorate

    def add(self, name: str, factory: Callable[..., T]) -> None:
        if name in self._factories and self._factories[name] is not factory:
            raise ValueError(f"{self.kind} {name!r} is already registered")
        self._factories[name] = factory

    def get(self, name: str) -> Callable[..., T]:
        if name not in self._factories:
            self._load_entry_points()
        try:
            return self._factories[name]
        except KeyError:
            available = ", ".join(self.names()) or "none"
            raise SummarizeError(f"unknown {self.kind} {name!r}; available: {available}") from None

    def create(self, name: str, **params: object) -> T:
        factory = self.get(name)
        try:
            return factory(**params)
        except TypeError as exc:  # construction does no work: this is a bad parameter
            raise SummarizeError(f"{self.kind} {name!r}: bad parameters {params}: {exc}") from None

    def names(self) -> list[str]:
        self._load_entry_points()
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        if name not in self._factories:
            self._load_entry_points()
        return name in self._factories

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def _load_entry_points(self) -> None:
        if self._scanned or self.entry_point_group is None:
            return
        self._scanned = True
        for ep in entry_points(group=self.entry_point_group):
            if ep.name in self._factories:
                continue
            try:
                self._factories[ep.name] = ep.load()
            except Exception as exc:  # a broken plug-in must not break the tool
                self._factories[ep.name] = _broken(self.kind, ep.name, exc)  # type: ignore[assignment]  # raises when called, never returns a T


def _broken(kind: str, name: str, exc: Exception) -> Callable[..., object]:
    def fail(**_: object) -> object:
        raise SummarizeError(f"{kind} {name!r} could not be loaded: {exc}")

    return fail
