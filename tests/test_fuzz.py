"""Property-based and fuzz tests: hostile input may be refused, but only with a clear message.

Whatever goes in — arbitrary Unicode, arbitrary bytes in a file of any extension, very long
lines, lines of punctuation, a single 100,000-character "sentence", right-to-left and CJK
text, emoji, markup fragments, control characters — the library returns a summary within its
budget or raises :class:`SummarizeError` with a one-line message, and the command line exits
with 0 or 2 (never 1, an internal error) with nothing but one-line messages on stderr.

The runs are reproducible (``derandomize=True``, no example database) and sized to a few
thousand cases in all, which takes a minute or two on a CI machine; set
``SUMMARIZE_FUZZ_SCALE`` (a multiplier, e.g. 20) for a longer hunt.
"""

from __future__ import annotations

import io
import json
import math
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from summarize import summarize
from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.inputs.decoding import NotText, decode
from summarize.inputs.formats import html_text, markdown_text, sniff_format
from summarize.model import Budget, Summary

SCALE = float(os.environ.get("SUMMARIZE_FUZZ_SCALE", "1"))


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing read here may reach the network (a page's links are never followed)."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while fuzzing")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# -- strategies ---------------------------------------------------------------------------------

WORDS = (
    "the harbour ferry council said on Tuesday Mr. Dr. U.S. e.g. No. 5 3.5bn don't "
    "well-known (L) Reuters AP — – … « » “ ” ‘ ’ \" ' -- ... ?! ; : , Loading... Photo:"
).split()
CJK = "港口周二开通了一条新的渡轮航线東京で新しいフェリーが運航を開始しました항구는화요일에。！？、"
RTL = "هذا نص عربي طويل مكتوب للاختبار שלום עולם זהו טקסט בעברית ،؟.\u200f\u202b\u202e"
EMOJI = "😀🎉🚢⛴️🇫🇷👩‍👩‍👧‍👦🏳️‍🌈✨🔥💬🧵 "
PUNCTUATION = "!?.,;:-—–…\"'()[]{}*#>|`~_=+/\\@&%^$<"
MARKUP = [
    "<p>", "</p>", "<div>", "<br>", "<html>", "<body>", "<script>var a=1;</script>", "<!--", "-->",
    "# ", "## ", "- ", "* ", "1. ", "> ", "```", "`", "[link](http://x.example)", "![i](a.png)",
    "---\ntitle: t\n---\n", "Title\n=====\n", "&amp;", "&#0;", "&#xD800;", "<meta charset=x>",
    "\r\n", "\r", "\x00", "\x0c", "\x1b[31m", "\ufeff", "\u00ad", "\u200b", "\u2028", "\u2029",
]  # fmt: skip


def runs() -> st.SearchStrategy[str]:
    """Long runs of one piece: a 20,000-character line, 20,000 sentence ends, ... Runs of
    whole sentences stay shorter: thousands of near-identical sentences make the
    near-duplicate graph dense (memory grows with the square of their number)."""
    piece = st.sampled_from(["a", "word ", ". ", "!", "x.", "\n", "。", "😀", "# ", "\u200f"])
    lines = st.sampled_from(["- item\n", "The boat left. ", "ERROR 42: disk full\n"])
    return st.builds(lambda p, n: p * n, piece, st.integers(200, 20000)) | st.builds(
        lambda p, n: p * n, lines, st.integers(2, 400)
    )


def pieces() -> st.SearchStrategy[str]:
    sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)
    return st.one_of(
        sentence,
        sentence.map(lambda s: s + "."),
        st.text(max_size=120),  # any Unicode but lone surrogates
        st.text(alphabet=PUNCTUATION + " ", max_size=120),
        st.text(alphabet=CJK, max_size=200),
        st.text(alphabet=RTL, max_size=200),
        st.text(alphabet=EMOJI, max_size=60),
        st.sampled_from(MARKUP),
        runs(),
    )


def documents() -> st.SearchStrategy[str]:
    separator = st.sampled_from([" ", "\n", "\n\n", "", "\t"])
    return st.lists(st.tuples(pieces(), separator), max_size=12).map(
        lambda parts: "".join(p + s for p, s in parts)
    )


BUDGETS = st.one_of(
    st.builds(lambda n: {"words": n}, st.integers(1, 120)),
    st.builds(lambda n: {"bytes": n}, st.integers(1, 600)),
    st.builds(lambda n: {"sentences": n}, st.integers(1, 6)),
    st.builds(lambda r: {"ratio": r}, st.floats(0.01, 1.0)),
)

SINGLE_SENTENCE = " ".join(f"word{i % 997}" for i in range(14_000)) + "."  # ~100,000 chars


# -- checks -------------------------------------------------------------------------------------


def assert_one_line(message: str) -> None:
    assert message.strip(), "empty message"
    assert "\n" not in message and "\r" not in message, message
    assert "Traceback" not in message


def assert_within_budget(summary: Summary, budget: dict[str, float]) -> None:
    chosen = summary.sentences
    if "words" in budget:
        assert sum(len(s.text.split()) for s in chosen) <= budget["words"]
    elif "bytes" in budget:
        assert sum(len(s.text.encode("utf-8")) for s in chosen) <= budget["bytes"]
    elif "sentences" in budget:
        assert len(chosen) <= budget["sentences"]
    else:
        total = sum(len(s.text.split()) for d in summary.documents for s in d.sentences)
        allowed = max(1, math.ceil(budget["ratio"] * total))
        assert sum(len(s.text.split()) for s in chosen) <= allowed


def summarize_or_refuse(texts: list[str], budget: dict[str, float], **options: object) -> None:
    try:
        summary = summarize(texts, **budget, **options)  # type: ignore[arg-type]
    except SummarizeError as exc:
        assert_one_line(str(exc))
        event(f"refused: {str(exc)[:40]}")
        return
    event("summary" + (" (cut)" if summary.notes else ""))
    assert isinstance(summary.budget, Budget)
    assert_within_budget(summary, budget)
    json.dumps(summary.as_dict())  # serialisable, whatever the text


# -- the library --------------------------------------------------------------------------------


@fuzz(900)
@given(texts=st.lists(documents(), min_size=1, max_size=3), budget=BUDGETS)
@example(texts=[SINGLE_SENTENCE], budget={"words": 100})
@example(texts=[SINGLE_SENTENCE], budget={"bytes": 300})
@example(texts=["x" * 100_000], budget={"bytes": 50})
@example(texts=[". " * 50_000], budget={"words": 100})
@example(texts=["\n".join(["!!!...???,,,;;;"] * 3000)], budget={"sentences": 3})
@example(texts=["هذا نص عربي. " * 2000, "שלום עולם. " * 2000], budget={"words": 40})
@example(texts=["港口周二开通了一条新的渡轮航线。" * 3000], budget={"bytes": 100})
@example(texts=["😀🎉 " * 10_000], budget={"ratio": 0.5})
@example(texts=["The harbour \ud800 opened a line. Boats leave hourly."], budget={"bytes": 100})
def test_summarize_returns_a_budgeted_summary_or_a_clear_refusal(
    texts: list[str], budget: dict[str, float]
) -> None:
    summarize_or_refuse(texts, budget)


@fuzz(300)
@given(
    text=documents(),
    budget=BUDGETS,
    scorer=st.sampled_from(["lead", "textrank", "lexrank", "lsa", "sumy-luhn"]),
    order=st.sampled_from(["source", "score"]),
    keep=st.booleans(),
)
def test_every_option_survives_hostile_text(
    text: str, budget: dict[str, float], scorer: str, order: str, keep: bool
) -> None:
    summarize_or_refuse(
        [text], budget, scorer=scorer, order=order, keep_boilerplate=keep, redundancy=None
    )


# -- decoding and formats -----------------------------------------------------------------------


@fuzz(1000)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        documents().map(lambda t: t.encode("utf-8")),
        st.tuples(documents(), st.sampled_from(["utf-16", "utf-16-le", "utf-32", "cp1252"])).map(
            lambda pair: pair[0].encode(pair[1], errors="replace")
        ),
    )
)
@example(data=b"\xff\xfe" + b"\x00\xd8" * 10)  # UTF-16 with a lone surrogate
@example(data=b"\x00" * 3 + b"text")
def test_decoding_yields_clean_text_or_refuses(data: bytes) -> None:
    try:
        decoded = decode(data)
    except NotText as exc:
        assert_one_line(str(exc))
        event(f"refused: {exc}")
        return
    event(f"decoded as {decoded.encoding}")
    assert decoded.text.strip()
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 for c in decoded.text)
    assert "\r" not in decoded.text
    decoded.text.encode("utf-8")  # no lone surrogates


@fuzz(400)
@given(text=documents())
@example(text="[" * 50_000)
@example(text="*a" * 20_000)
@example(text="> " * 5_000 + "deep")
@example(text="- " * 5_000 + "deep")
@example(text="`" * 30_000)
def test_markdown_never_fails(text: str) -> None:
    extracted = markdown_text(text)
    assert isinstance(extracted.text, str)
    sniff_format(text)


@fuzz(250)
@given(text=documents())
@example(text="<div>" * 5_000 + "deep text." + "</div>" * 5_000)
@example(text="<p>" + "x" * 100_000 + "</p>")
@example(text="<html><body>" + "<table><tr><td>" * 2_000 + "</body></html>")
@example(text="<!--" * 10_000)
def test_html_never_fails(text: str) -> None:
    extracted = html_text(text)
    assert isinstance(extracted.text, str)


# -- the command line ---------------------------------------------------------------------------


def check_cli(
    code: int, out: str, err: str, budget: dict[str, float], fmt: str = "json", shown: str = ""
) -> None:
    assert code in (0, 2), f"exit status {code}: {err}"
    lines = err.splitlines()
    last = lines[-1].replace(shown, "PATH") if lines and shown else (lines or [""])[-1]
    event(f"exit {code}" + (f": {last[18:60]}" if code else ""))
    assert all(line.startswith("summarize: ") for line in lines), err
    assert "Traceback" not in err
    if code == 2:
        assert out == ""
        assert [line for line in lines if line.startswith("summarize: error: ")] == lines[-1:]
    elif fmt == "json":
        data = json.loads(out)
        sentences = data["sentences"]
        if "words" in budget:
            assert sum(len(s["text"].split()) for s in sentences) <= budget["words"]
        elif "bytes" in budget:
            assert sum(len(s["text"].encode()) for s in sentences) <= budget["bytes"]
        elif "sentences" in budget:
            assert len(sentences) <= budget["sentences"]


def budget_args(budget: dict[str, float]) -> list[str]:
    [(kind, value)] = budget.items()
    return [f"--{kind}", str(value)]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@fuzz(400)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        documents().map(lambda t: t.encode("utf-8")),
        documents().map(lambda t: t.encode("utf-16")),
        documents().map(lambda t: t.encode("cp1252", errors="ignore")),
    ),
    suffix=st.sampled_from([".txt", ".md", ".html", ".htm", "", ".jsonl", ".dat"]),
    input_format=st.sampled_from(["auto", "auto", "auto", "text", "markdown", "html", "jsonl"]),
    budget=BUDGETS,
    max_chars=st.sampled_from([None, None, 50, 5000]),
    fmt=st.sampled_from(["json", "json", "text", "markdown", "rich"]),
    explain=st.booleans(),
)
@example(
    data=SINGLE_SENTENCE.encode(),
    suffix=".txt",
    input_format="auto",
    budget={"words": 100},
    max_chars=None,
    fmt="json",
    explain=False,
)
def test_cli_exits_with_0_or_2_and_one_line_messages(
    scratch: Path,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    suffix: str,
    input_format: str,
    budget: dict[str, float],
    max_chars: int | None,
    fmt: str,
    explain: bool,
) -> None:
    path = scratch / f"input{suffix}"
    path.write_bytes(data)
    args = [str(path), "--format", fmt, "--input-format", input_format, *budget_args(budget)]
    if max_chars is not None:
        args += ["--max-chars", str(max_chars)]
    if explain:
        args.append("--explain")
    code = main(args)
    captured = capsys.readouterr()
    check_cli(code, captured.out, captured.err, budget, fmt, shown=str(path))


@fuzz(150)
@given(data=st.binary(max_size=300) | documents().map(str.encode), budget=BUDGETS)
def test_cli_on_standard_input(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: bytes,
    budget: dict[str, float],
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = main(["-", "--format", "json", *budget_args(budget)])
    captured = capsys.readouterr()
    check_cli(code, captured.out, captured.err, budget)
