"""Reading files, folders and standard input into documents."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.inputs.read import (
    NotRegularFile,
    check_regular_file,
    is_inside,
    read_documents,
    read_inputs,
)
from summarize.model import Budget

GOOD = (
    "The harbour opened a new ferry line on Tuesday. "
    "Boats will leave every hour from the north pier. "
    "Tickets cost the same as the bus.\n"
)
OTHER = (
    "A small bakery won the regional bread prize. "
    "The owner said the recipe came from her grandmother.\n"
)


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_reads_a_file_with_its_name_as_id(tmp_path: Path) -> None:
    path = write(tmp_path / "ferry.txt", GOOD)
    documents, warnings = read_documents([str(path)])
    assert warnings == ()
    [document] = documents
    assert document.id == "ferry.txt"
    assert document.path == str(path)
    assert document.sentences[0].text == "The harbour opened a new ferry line on Tuesday."
    assert len(document.sentences) == 3


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nothing-here.txt")
    with pytest.raises(SummarizeError) as caught:
        read_documents([missing])
    assert str(caught.value) == f"{missing}: no such file or directory"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "empty.txt", content)
    with pytest.raises(SummarizeError) as caught:
        read_documents([str(path)])
    assert str(caught.value) == f"{path}: file is empty"


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(SummarizeError) as caught:
        read_documents([str(path)])
    assert str(caught.value) == f"{path}: looks like a binary file, not text"


def test_binary_file_with_many_control_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "data.bin", bytes([1, 2, 3, 4, 5, 6, 65, 66]) * 50)
    with pytest.raises(SummarizeError, match="looks like a binary file"):
        read_documents([str(path)])


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", GOOD)
    path.chmod(0)
    try:
        with pytest.raises(SummarizeError) as caught:
            read_documents([str(path)])
    finally:
        path.chmod(0o644)
    assert str(caught.value).startswith(f"{path}: cannot read: ")
    assert "\n" not in str(caught.value)


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "locked.txt", GOOD)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(SummarizeError) as caught:
        read_documents([str(path)])
    assert str(caught.value) == f"{path}: cannot read: permission denied"


def test_latin1_is_detected_with_a_warning(tmp_path: Path) -> None:
    data = "The café served soup on Monday. It was warm.\n".encode("latin-1")
    path = write(tmp_path / "cafe.txt", data)
    documents, warnings = read_documents([str(path)])
    assert warnings == (f"{path}: not UTF-8; read as Windows-1252",)
    assert "café served soup" in documents[0].text


def test_undecodable_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    good = "The café served soup on Monday. It was warm. " * 3
    path = write(tmp_path / "cafe.txt", b"\xef\xbb\xbf" + good.encode("utf-8") + b"\xff\xfe\xfd.\n")
    documents, warnings = read_documents([str(path)])
    assert warnings == (f"{path}: undecodable bytes were replaced",)
    assert "café served soup" in documents[0].text
    assert "\ufffd" in documents[0].text


def test_byte_order_mark_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    [document], warnings = read_documents([str(path)])
    assert warnings == ()
    assert not document.text.startswith("\ufeff")
    assert document.sentences[0].text.startswith("The harbour")


def test_utf16_with_byte_order_mark_is_text(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", GOOD.encode("utf-16"))
    [document], _ = read_documents([str(path)])
    assert document.sentences[0].text.startswith("The harbour")


def test_crlf_line_endings(tmp_path: Path) -> None:
    path = write(tmp_path / "dos.txt", GOOD.replace("\n", "\r\n").encode("utf-8"))
    [document], _ = read_documents([str(path)])
    assert "\r" not in document.text
    assert len(document.sentences) == 3


def test_folder_reads_files_sorted_and_skips_hidden_ones(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "b-bakery.txt", OTHER)
    write(folder / "a-ferry.txt", GOOD)
    write(folder / ".hidden.txt", GOOD)
    write(folder / "nested" / "deeper.txt", GOOD)
    documents, warnings = read_documents([str(folder)])
    assert warnings == ()
    assert [d.id for d in documents] == ["a-ferry.txt", "b-bakery.txt"]
    assert documents[0].path == os.path.join(str(folder), "a-ferry.txt")


def test_folder_skips_a_bad_file_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    write(folder / "good.txt", GOOD)
    write(folder / "bad.dat", b"\x00\x01\x02binary\x00")
    write(folder / "blank.txt", "\n\n")
    documents, warnings = read_documents([str(folder)])
    assert [d.id for d in documents] == ["good.txt"]
    bad = os.path.join(str(folder), "bad.dat")
    blank = os.path.join(str(folder), "blank.txt")
    assert warnings == (
        f"{bad}: skipped, looks like a binary file, not text",
        f"{blank}: skipped, file is empty",
    )


def test_folder_with_nothing_usable(tmp_path: Path) -> None:
    folder = tmp_path / "junk"
    write(folder / "zeros.bin", bytes(64))
    write(folder / ".notes.txt", GOOD)
    with pytest.raises(SummarizeError) as caught:
        read_documents([str(folder)])
    assert str(caught.value) == f"{folder}: no text files found"


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
@pytest.mark.parametrize("name", ["news.txt", "clusters.jsonl"])
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path, name: str) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)  # nobody ever writes to it: reading it would block for ever
    done = subprocess.run(
        [sys.executable, "-m", "summarize", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"summarize: error: {fifo}: not a regular file (a named pipe); "
        "give - to read standard input\n"
    )


@needs_fifo
def test_check_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFile) as caught:
        check_regular_file(str(fifo))
    assert caught.value.reason.startswith("not a regular file (a named pipe)")
    check_regular_file(str(write(tmp_path / "a.txt", GOOD)))
    check_regular_file(str(tmp_path))
    check_regular_file(str(tmp_path / "missing.txt"))  # opening it will say so


def test_a_link_out_of_a_folder_is_not_followed(tmp_path: Path) -> None:
    secret = write(tmp_path / "private" / "secret.txt", OTHER)
    folder = tmp_path / "news"
    write(folder / "a-ferry.txt", GOOD)
    (folder / "b-link.txt").symlink_to(secret)
    (folder / "c-alias.txt").symlink_to(folder / "a-ferry.txt")  # inside: read (once)
    documents, warnings = read_documents([str(folder)])
    link = os.path.join(str(folder), "b-link.txt")
    alias = os.path.join(str(folder), "c-alias.txt")
    assert [d.id for d in documents] == ["a-ferry.txt"]
    assert warnings == (
        f"{link}: skipped, a symbolic link to a file outside the folder (--follow-links reads it)",
        f"{alias}: given more than once; read only once",
    )
    followed, _ = read_documents([str(folder)], follow_links=True)
    assert [d.id for d in followed] == ["a-ferry.txt", "b-link.txt"]
    assert is_inside(str(folder), alias) and not is_inside(str(folder), link)
    assert not is_inside(str(folder), str(tmp_path / "news-other" / "x.txt"))


def test_follow_links_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    write(folder / "a-ferry.txt", GOOD)
    (folder / "b-link.txt").symlink_to(write(tmp_path / "elsewhere.txt", OTHER))
    assert main([str(folder), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert [s["id"] for s in json.loads(captured.out)["sources"]] == ["a-ferry.txt"]
    assert "b-link.txt: skipped, a symbolic link to a file outside the folder" in captured.err
    assert main([str(folder), "--format", "json", "--follow-links"]) == 0
    captured = capsys.readouterr()
    assert [s["id"] for s in json.loads(captured.out)["sources"]] == [
        "a-ferry.txt",
        "b-link.txt",
    ]
    assert captured.err == ""


def test_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "void"
    folder.mkdir()
    with pytest.raises(SummarizeError, match="no text files found"):
        read_documents([str(folder)])


def test_stdin_from_bytes() -> None:
    documents, warnings = read_documents(["-"], stdin=io.BytesIO(GOOD.encode("utf-8")))
    assert warnings == ()
    [document] = documents
    assert document.id == "stdin"
    assert document.path is None
    assert len(document.sentences) == 3


def test_stdin_given_twice() -> None:
    with pytest.raises(SummarizeError, match="more than once"):
        read_documents(["-", "-"], stdin=io.BytesIO(GOOD.encode("utf-8")))


def test_empty_stdin() -> None:
    with pytest.raises(SummarizeError, match=r"^stdin: input is empty$"):
        read_documents(["-"], stdin=io.BytesIO(b""))


def test_stdin_with_files(tmp_path: Path) -> None:
    path = write(tmp_path / "bakery.txt", OTHER)
    documents, _ = read_documents([str(path), "-"], stdin=io.BytesIO(GOOD.encode("utf-8")))
    assert [d.id for d in documents] == ["bakery.txt", "stdin"]


def test_same_name_in_two_folders_gives_path_ids(tmp_path: Path) -> None:
    first = write(tmp_path / "monday" / "report.txt", GOOD)
    second = write(tmp_path / "tuesday" / "report.txt", OTHER)
    unique = write(tmp_path / "tuesday" / "extra.txt", GOOD)
    documents, _ = read_documents([str(first), str(tmp_path / "tuesday")])
    ids = [d.id for d in documents]
    assert ids == [
        str(first),
        "extra.txt",  # no clash: keeps its file name
        os.path.join(str(tmp_path / "tuesday"), "report.txt"),
    ]
    assert len(set(ids)) == 3
    assert os.path.samefile(documents[2].path or "", second)
    assert os.path.samefile(documents[1].path or "", unique)


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "ferry.txt", GOOD)
    documents, warnings = read_documents([str(path), str(path)])
    assert len(documents) == 1
    assert warnings == (f"{path}: given more than once; read only once",)


def test_file_without_sentences_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "dots.txt", "...\n")
    documents, _ = read_documents([str(path)])
    assert len(documents) == 1


def test_no_paths() -> None:
    with pytest.raises(SummarizeError, match="no input given"):
        read_documents([])


def test_bad_language(tmp_path: Path) -> None:
    path = write(tmp_path / "ferry.txt", GOOD)
    with pytest.raises(SummarizeError, match="unsupported language"):
        read_documents([str(path)], language="klingon")


# -- how inputs are grouped into digests ---------------------------------------------------------


def test_files_make_one_unnamed_set(tmp_path: Path) -> None:
    ferry = write(tmp_path / "ferry.txt", GOOD)
    bakery = write(tmp_path / "bakery.txt", OTHER)
    [one], warnings = read_inputs([str(ferry), str(bakery)])
    assert warnings == ()
    assert one.id is None
    assert one.budget is None
    assert [d.id for d in one.documents] == ["ferry.txt", "bakery.txt"]


def test_one_folder_or_a_mix_makes_one_set(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "a.txt", GOOD)
    other = write(tmp_path / "other" / "b.txt", OTHER)
    [alone], _ = read_inputs([str(folder)])
    assert alone.id is None
    [mixed], _ = read_inputs([str(folder), str(other)])
    assert mixed.id is None
    assert [d.id for d in mixed.documents] == ["a.txt", "b.txt"]
    [with_stdin], _ = read_inputs([str(folder), "-"], stdin=io.BytesIO(OTHER.encode()))
    assert [d.id for d in with_stdin.documents] == ["a.txt", "stdin"]


def test_several_folders_make_one_set_each(tmp_path: Path) -> None:
    write(tmp_path / "ferry" / "one.txt", GOOD)
    write(tmp_path / "ferry" / "two.txt", OTHER)
    write(tmp_path / "bakery" / "one.txt", OTHER)
    sets, warnings = read_inputs([str(tmp_path / "ferry"), str(tmp_path / "bakery") + "/"])
    assert warnings == ()
    assert [s.id for s in sets] == ["ferry", "bakery"]
    assert [[d.id for d in s.documents] for s in sets] == [["one.txt", "two.txt"], ["one.txt"]]
    assert sets[0].origin == str(tmp_path / "ferry")


def test_folders_sharing_a_name_are_told_apart_by_path(tmp_path: Path) -> None:
    first = tmp_path / "monday" / "news"
    second = tmp_path / "tuesday" / "news"
    write(first / "a.txt", GOOD)
    write(second / "a.txt", OTHER)
    sets, _ = read_inputs([str(first), str(second)])
    assert [s.id for s in sets] == [str(first), str(second)]


def test_a_folder_given_twice_is_read_once(tmp_path: Path) -> None:
    write(tmp_path / "ferry" / "one.txt", GOOD)
    write(tmp_path / "bakery" / "one.txt", OTHER)
    ferry = str(tmp_path / "ferry")
    sets, warnings = read_inputs([ferry, str(tmp_path / "bakery"), ferry])
    assert [s.id for s in sets] == ["ferry", "bakery"]
    assert warnings == (f"{ferry}: given more than once; read only once",)


def test_a_bad_file_in_one_of_several_folders_warns(tmp_path: Path) -> None:
    write(tmp_path / "ferry" / "one.txt", GOOD)
    write(tmp_path / "bakery" / "one.txt", OTHER)
    blank = write(tmp_path / "bakery" / "blank.txt", "\n")
    sets, warnings = read_inputs([str(tmp_path / "ferry"), str(tmp_path / "bakery")])
    assert len(sets) == 2
    assert warnings == (f"{blank}: skipped, file is empty",)


def cluster_line(cluster_id: str, budget: dict[str, float] | None = None) -> str:
    record = {
        "id": cluster_id,
        "documents": [{"id": "x", "title": "Ferry news", "text": GOOD}, {"text": OTHER}],
        "summaries": [],
        "headlines": [],
        "budget": budget,
    }
    return json.dumps(record) + "\n"


def test_jsonl_makes_one_set_per_cluster(tmp_path: Path) -> None:
    path = write(tmp_path / "set.jsonl", cluster_line("c1", {"bytes": 300}) + cluster_line("c2"))
    sets, warnings = read_inputs([str(path)])
    assert warnings == ()
    assert [s.id for s in sets] == ["c1", "c2"]
    assert sets[0].budget == Budget(bytes=300)
    assert sets[1].budget is None
    assert [d.id for d in sets[0].documents] == ["x", "1"]
    assert sets[0].documents[0].title == "Ferry news"
    assert str(path) in sets[0].origin and "c1" in sets[0].origin


def test_jsonl_files_cannot_be_mixed_with_other_inputs(tmp_path: Path) -> None:
    path = write(tmp_path / "set.jsonl", cluster_line("c1"))
    other = write(tmp_path / "ferry.txt", GOOD)
    with pytest.raises(SummarizeError, match="cannot be mixed"):
        read_inputs([str(path), str(other)])
    two = write(tmp_path / "more.jsonl", cluster_line("c2"))
    sets, _ = read_inputs([str(path), str(two)])
    assert [s.id for s in sets] == ["c1", "c2"]


def test_jsonl_errors_name_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.jsonl", cluster_line("c1") + "[1, 2]\n")
    with pytest.raises(SummarizeError) as caught:
        read_inputs([str(path)])
    assert str(caught.value).startswith(f"{path}, line 2: ")
    missing = tmp_path / "none.jsonl"
    with pytest.raises(SummarizeError) as caught:
        read_inputs([str(missing)])
    assert str(caught.value) == f"{missing}: no such file or directory"


def test_a_folder_named_like_jsonl_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "odd.jsonl"
    write(folder / "a.txt", GOOD)
    [one], _ = read_inputs([str(folder)])
    assert one.id is None
    assert [d.id for d in one.documents] == ["a.txt"]


def test_read_inputs_without_paths() -> None:
    with pytest.raises(SummarizeError, match="no input given"):
        read_inputs([])
