"""Input formats (plain text, Markdown, HTML, JSONL), encodings and the size limit.

The fixtures in ``tests/fixtures/`` were written for these tests (see its README).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from summarize import summarize
from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.inputs.decoding import NotText, clean_text, decode
from summarize.inputs.formats import detect_format, html_text, markdown_text, sniff_format
from summarize.inputs.read import read_documents, read_inputs

FIXTURES = Path(__file__).parent / "fixtures"


def texts(path: Path | str, **options: object) -> tuple[list[str], tuple[str, ...]]:
    """The sentences of the one document at ``path`` and the warnings."""
    [document], warnings = read_documents([str(path)], **options)  # type: ignore[arg-type]
    return [s.text for s in document.sentences], warnings


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- encodings ----------------------------------------------------------------------------------


def test_plain_utf8_text_with_a_headline() -> None:
    [document], warnings = read_documents([str(FIXTURES / "plain.txt")])
    assert warnings == ()
    assert document.title == "Fishermen report a record catch of herring"
    assert len(document.sentences) == 3


def test_utf16_with_a_byte_order_mark_reads_silently() -> None:
    sentences, warnings = texts(FIXTURES / "utf16-bom.txt")
    assert warnings == ()
    assert sentences == [
        "The library opened a reading room for children on Saturday.",
        "Volunteers will read stories aloud every weekend morning.",
    ]


@pytest.mark.parametrize("codec, name", [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
def test_utf16_without_a_byte_order_mark_is_recognised(
    tmp_path: Path, codec: str, name: str
) -> None:
    text = (FIXTURES / "utf16-bom.txt").read_bytes().decode("utf-16")
    path = tmp_path / "wide.txt"
    path.write_bytes(text.encode(codec))
    sentences, warnings = texts(path)
    assert warnings == (f"{path}: no byte-order mark; read as {name}",)
    assert sentences[0] == "The library opened a reading room for children on Saturday."


def test_latin1_french_is_read_as_windows_1252() -> None:
    path = FIXTURES / "latin1.txt"
    sentences, warnings = texts(path)
    assert warnings == (f"{path}: not UTF-8; read as Windows-1252",)
    assert sentences[0].startswith("Le président du club de voile a annoncé mercredi")
    assert "\ufffd" not in " ".join(sentences)


def test_windows_1252_quotes_and_dashes() -> None:
    sentences, warnings = texts(FIXTURES / "cp1252.txt")
    assert len(warnings) == 1 and warnings[0].endswith("read as Windows-1252")
    assert sentences[0] == (
        "\u201cThe bridge will reopen on Thursday,\u201d the engineer said \u2013 "
        "a week earlier than planned."
    )
    assert "café" in sentences[1]


def test_central_european_text_is_not_forced_into_windows_1252(tmp_path: Path) -> None:
    text = (
        "Vláda ve středu schválila nový zákon o školství. Ministr řekl, že změny začnou v září.\n"
    )
    path = tmp_path / "zpravy.txt"
    path.write_bytes(text.encode("cp1250"))
    sentences, warnings = texts(path)
    assert warnings == (f"{path}: not UTF-8; read as Windows-1250",)
    assert " ".join(sentences) == text.strip()


def test_shift_jis_is_detected() -> None:
    path = FIXTURES / "shift-jis.txt"
    sentences, warnings = texts(path)
    assert warnings == (f"{path}: not UTF-8; read as Shift_JIS",)
    assert sentences == ["港に新しいフェリーが就航した。毎時一便が北の桟橋から出る。"]


def test_windows_line_endings() -> None:
    [document], warnings = read_documents([str(FIXTURES / "crlf.txt")])
    assert warnings == ()
    assert "\r" not in document.text
    assert document.title == "Market day moves to Wednesday"
    assert len(document.sentences) == 2


def test_nul_bytes_and_control_characters_are_removed() -> None:
    [document], warnings = read_documents([str(FIXTURES / "nul-and-controls.txt")])
    assert warnings == ()
    assert not any(ord(c) < 32 and c not in "\n\t" for c in document.text)
    assert [s.text for s in document.sentences] == [
        "The museum extends its opening hours in the summer.",
        "Visitors can stay until nine in the evening.",
        "A new café opens in the garden.",
    ]


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    data = "Le café est ouvert le dimanche. Über alles.\n".encode() * 2 + b"Broken \xff byte.\n"
    decoded = decode(data)
    assert decoded.encoding == "utf_8"
    assert decoded.note == "invalid UTF-8 bytes were replaced"
    assert "café" in decoded.text and "Broken \ufffd byte." in decoded.text


def test_declared_charset_is_used_without_a_warning() -> None:
    page = b'<html><head><meta charset="iso-8859-1"></head><body>Caf\xe9 \x93ok\x94</body></html>'
    decoded = decode(page)
    assert decoded.note is None
    assert "Café \u201cok\u201d" in decoded.text
    assert decode("Grüße".encode("cp1252"), declared="windows-1252").note is None


def test_a_meta_charset_that_valid_utf8_contradicts_is_overruled_with_a_note() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body>Caf\u00e9 cr\u00e8me</body>'
    decoded = decode(page.encode("utf-8"))
    assert decoded.encoding == "utf_8"
    assert decoded.note == "declared as windows-1252 but is valid UTF-8; read as UTF-8"
    assert "Caf\u00e9 cr\u00e8me" in decoded.text
    ascii_only = decode(b"Plain words only.", declared="iso-8859-1")
    assert ascii_only.note is None  # ASCII reads the same either way


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00story.txt",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
        bytes(range(256)) * 4,
        bytes(300),
    ],
    ids=["pdf", "zip", "gzip", "all-bytes", "zeros"],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(NotText, match="looks like a binary file"):
        decode(data)


def test_clean_text() -> None:
    assert clean_text("\ufeffa\r\nb\rc\x00d\x07e\tf\x0cg\x1b[31mred\x1b[0m\x85h") == (
        "a\nb\ncd" + "e\tf\n\ngred\nh"
    )


# -- format detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<!DOCTYPE html><html><body><p>Hi.</p></body></html>", "html"),
        ("  <!-- saved page -->\n<html lang='en'>", "html"),
        ("<p>A fragment of a page.</p>", "html"),
        ("# Notes\n\nSome text.", "markdown"),
        ("Notes\n=====\n\nSome text.", "markdown"),
        ("---\ntitle: Notes\n---\nSome text.", "markdown"),
        ("Text with code:\n\n```\nx = 1\n```\n", "markdown"),
        ("See [one](https://a.example) and [two](https://b.example).", "markdown"),
        ("The council met on Monday. It agreed.\n", "text"),
        ("#MeToo marches drew crowds on Sunday.\n", "text"),
        ("Prices fell 3 < 4 points and rose > 2.\n", "text"),
        ("- one list item\n- another\n", "text"),
    ],
)
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text) == expected


def test_detect_format_precedence() -> None:
    page = "<html><body><p>Hi.</p></body></html>"
    assert detect_format(page, name="page.txt") == "text"  # a known extension wins
    assert detect_format(page, name="page") == "html"  # else the content decides
    assert detect_format("# x", name="notes.MD") == "markdown"
    assert detect_format("plain", name="a.txt", content_type="text/html; charset=utf-8") == "html"
    assert detect_format("# x", name="page.html", content_type="text/plain") == "html"
    assert detect_format(page, name="page.html", chosen="text") == "text"


# -- Markdown -----------------------------------------------------------------------------------


def test_markdown_fixture() -> None:
    [document], warnings = read_documents([str(FIXTURES / "notes.md")])
    assert warnings == ()
    assert document.title == "Council budget notes"
    assert document.author == "Ines Alvarez"
    assert document.date == "2024-02-20"
    sentences = [s.text for s in document.sentences]
    assert sentences == [
        "The council approved its budget for next year on Monday evening after a long debate.",
        "Spending on public libraries rises by a tenth, while the road repair fund stays the "
        "same as this year.",
        "What changes",
        "Libraries open on Sunday afternoons from March.",
        "Street lights on the river path are replaced with brighter ones.",
        "The swimming pool gets a new roof before the summer.",
        "Run to see the raw table:",
        "The mayor said the budget was fair to every district and that the vote was a relief.",
    ]
    heading = document.sentences[2]
    assert heading.standalone
    joined = " ".join(sentences)
    for gone in ("https://", "reminder", "item,amount", "chart", "budget --year", "|", "*"):
        assert gone not in joined


def test_markdown_first_h1_is_the_title_and_later_ones_stay() -> None:
    extracted = markdown_text("# First\n\nBody one.\n\n# Second\n\nBody two.\n")
    assert extracted.title == "First"
    assert extracted.text == "Body one.\n\nSecond\n\nBody two."


def test_markdown_list_items_are_never_run_together() -> None:
    extracted = markdown_text("Plan:\n\n* buy the boat\n* paint it\n  blue\n1. sail\n")
    assert extracted.text.split("\n\n") == ["Plan:", "buy the boat", "paint it blue", "sail"]


def test_markdown_links_keep_their_text_and_autolinks_go() -> None:
    extracted = markdown_text(
        "Read [the report][r] or <https://x.example>.\n\n[r]: https://r.example\n"
    )
    assert extracted.text == "Read the report or ."


def test_markdown_without_a_heading_has_no_title_but_detection_may_find_one() -> None:
    extracted = markdown_text("Just a paragraph. With two sentences.\n")
    assert extracted.title is None
    assert extracted.text == "Just a paragraph. With two sentences."


# -- HTML ---------------------------------------------------------------------------------------


def test_html_fixture_keeps_the_article_and_its_metadata() -> None:
    [document], warnings = read_documents([str(FIXTURES / "article.html")])
    assert warnings == ()
    assert document.title == "Night ferry returns to the island"
    assert document.author == "Mara Lindqvist"
    assert document.date == "2024-05-14"
    sentences = [s.text for s in document.sentences]
    assert sentences[0].startswith("The night ferry to the island will sail again from June")
    assert "Boats leave the north pier at 23:00 and 01:00 on weekdays." in sentences
    assert "On Saturdays a third boat leaves at 03:00." in sentences
    joined = " ".join(sentences)
    for chrome in (
        "Home",
        "Sport",
        "Most read",
        "Storm closes",
        "Cookie",
        "Copyright",
        "timetable.load",
    ):
        assert chrome not in joined
    assert "analytics" not in joined and "font-family" not in joined


def test_html_metadata_reaches_the_json_sources() -> None:
    [digest], _ = read_inputs([str(FIXTURES / "article.html"), str(FIXTURES / "plain.txt")])
    data = summarize(digest.documents, words=60).as_dict()
    sources = data["sources"]
    assert isinstance(sources, list)
    assert sources[0]["author"] == "Mara Lindqvist"
    assert sources[0]["date"] == "2024-05-14"
    assert sources[1]["author"] is None


STORY_HTML = (
    "<p>The river ferry will stop running at the end of the month, the harbour office said "
    "on Tuesday. Passengers will be offered a bus instead.</p>"
    "<p>Officials said the decision followed a long review of costs and of safety.</p>"
)


def test_a_year_in_a_copyright_line_is_not_a_date(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Ferry ends</title></head><body><article>"
        f"{STORY_HTML}<p>Copyright 2024 Harbour Weekly. All rights reserved.</p>"
        "</article></body></html>"
    )
    assert html_text(page).date is None
    dated = page.replace("<article>", "<article><p>Published 5 March 2024</p>")
    assert html_text(dated).date == "2024-03-05"
    new_year = page.replace("<article>", "<article><p>Published January 1, 2024</p>")
    assert html_text(new_year).date == "2024-01-01"
    path = tmp_path / "ferry.html"
    path.write_text(page, encoding="utf-8")
    [digest], _ = read_inputs([str(path)])
    data = summarize(digest.documents, words=100).as_dict()
    assert data["sources"][0]["date"] is None  # type: ignore[index]
    assert "Copyright" not in json.dumps(data["sentences"])


@pytest.mark.parametrize("depth", [200, 300, 1000, 3000])
def test_deeply_nested_pages_keep_their_text(depth: int) -> None:
    page = f"<html><body>{'<div>' * depth}{STORY_HTML}{'</div>' * depth}</body></html>"
    text = html_text(page).text
    assert "The river ferry will stop running" in text
    assert "long review of costs and of safety." in text


def test_html_fragment_and_a_page_without_main_text() -> None:
    assert html_text("<p>Fragment of a page. It has two sentences.</p>").text == (
        "Fragment of a page. It has two sentences."
    )
    empty = html_text("<html><head><script>var a = 1;</script></head><body></body></html>")
    assert empty.text == ""


def test_html_extraction_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while reading HTML")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = (FIXTURES / "article.html").read_text(encoding="utf-8")
    assert html_text(page, url="https://news.example/2024/05/14/ferry").title
    assert html_text("https://news.example/only-a-url").text == "https://news.example/only-a-url"


def test_html_read_from_stdin_by_its_content() -> None:
    data = (FIXTURES / "article.html").read_bytes()
    [document], _ = read_documents(["-"], stdin=io.BytesIO(data))
    assert document.id == "stdin"
    assert document.title == "Night ferry returns to the island"


def test_input_format_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<html><body><p>A page saved as text. It has markup.</p></body></html>")
    as_text, _ = texts(path)
    assert as_text[0].startswith("<html>")
    as_html, _ = texts(path, input_format="html")
    assert as_html == ["A page saved as text.", "It has markup."]
    with pytest.raises(SummarizeError, match="unknown input format 'pdf'"):
        read_documents([str(path)], input_format="pdf")


def test_a_folder_of_mixed_formats(tmp_path: Path) -> None:
    for name in ("article.html", "notes.md", "latin1.txt"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    documents, warnings = read_documents([str(tmp_path)])
    assert [d.id for d in documents] == ["article.html", "latin1.txt", "notes.md"]
    assert [d.title for d in documents] == [
        "Night ferry returns to the island",
        None,
        "Council budget notes",
    ]
    assert warnings == (f"{tmp_path / 'latin1.txt'}: not UTF-8; read as Windows-1252",)


# -- JSONL --------------------------------------------------------------------------------------


def cluster(cluster_id: str) -> str:
    text = (FIXTURES / "plain.txt").read_text(encoding="utf-8")
    return json.dumps(
        {"id": cluster_id, "documents": [{"text": text}], "summaries": [], "headlines": []}
    )


def test_input_format_jsonl_reads_any_file_as_clusters(tmp_path: Path) -> None:
    path = tmp_path / "clusters.txt"
    path.write_text(cluster("a") + "\n" + cluster("b") + "\n")
    [one], _ = read_inputs([str(path)])
    assert one.id is None  # by its extension, one text document
    sets, _ = read_inputs([str(path)], input_format="jsonl")
    assert [s.id for s in sets] == ["a", "b"]
    with pytest.raises(SummarizeError, match=r"^-: --input-format jsonl needs files of clusters$"):
        read_inputs([str(path), "-"], input_format="jsonl")


# -- the size limit -----------------------------------------------------------------------------


def test_max_chars_counts_characters(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Thirty characters of text ok.\n")
    assert texts(path, max_chars=30)[0]
    with pytest.raises(SummarizeError) as caught:
        read_documents([str(path)], max_chars=29)
    assert str(caught.value) == f"{path}: larger than --max-chars 29 characters"


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.log"
    with open(path, "wb") as handle:
        handle.truncate(2 * 1024**3)  # 2 GiB, sparse: nothing is written
    with pytest.raises(SummarizeError) as caught:
        read_documents([str(path)])
    assert str(caught.value) == f"{path}: larger than --max-chars 10000000 characters"


def test_max_chars_in_a_folder_skips_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A short story about a boat. It floats.\n")
    (tmp_path / "b.txt").write_text("A longer story about a boat. " * 20)
    documents, warnings = read_documents([str(tmp_path)], max_chars=100)
    assert [d.id for d in documents] == ["a.txt"]
    assert warnings == (f"{tmp_path / 'b.txt'}: skipped, larger than --max-chars 100 characters",)


def test_max_chars_on_stdin() -> None:
    with pytest.raises(SummarizeError, match=r"^stdin: larger than --max-chars 5 characters$"):
        read_documents(["-"], stdin=io.BytesIO(b"x" * 1000), max_chars=5)
    with pytest.raises(SummarizeError, match="max_chars must be a whole number"):
        read_documents(["-"], stdin=io.BytesIO(b"x"), max_chars=0)


# -- the command line ---------------------------------------------------------------------------


def test_cli_max_chars(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "plain.txt"
    code, out, err = run(capsys, str(path), "--max-chars", "10")
    assert (code, out) == (2, "")
    assert err == f"summarize: error: {path}: larger than --max-chars 10 characters\n"
    code, _, err = run(capsys, str(path), "--max-chars", "0")
    assert code == 2 and "--max-chars" in err and len(err.splitlines()) == 1


def test_cli_input_format(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    markdown = b"# Dock news\n\n- The **new** dock opens on Monday morning.\n- It cost `2m`.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(markdown)))
    code, out, err = run(capsys, "-", "--input-format", "markdown", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["sources"][0]["title"] == "Dock news"
    assert data["sentences"][0]["text"] == "The new dock opens on Monday morning."
    code, _, err = run(capsys, "-", "--input-format", "rtf")
    assert code == 2 and "--input-format" in err


def test_cli_html_and_markdown_together(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, str(FIXTURES / "article.html"), str(FIXTURES / "notes.md"), "--format", "json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert [s["id"] for s in data["sources"]] == ["article.html", "notes.md"]
    assert [s["author"] for s in data["sources"]] == ["Mara Lindqvist", "Ines Alvarez"]
