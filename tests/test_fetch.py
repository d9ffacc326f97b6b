"""URLs as inputs, fetched from a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.inputs.fetch import FetchError, TooLarge, fetch, is_url
from summarize.inputs.read import read_documents

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = (FIXTURES / "article.html").read_bytes()
NOTES = (FIXTURES / "notes.md").read_bytes()
PLAIN = (FIXTURES / "plain.txt").read_bytes()
SLOW_SECONDS = 2.0
DRIP_SECONDS = 0.25  # between two bytes of a drip: far less than any deadline below
DEADLINE = 1.5  # seconds, for the deadline tests
MARGIN = 3.0  # seconds allowed beyond the deadline


class Handler(http.server.BaseHTTPRequestHandler):
    """Canned responses by path."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/article.html":
            self.reply(200, "text/html; charset=utf-8", ARTICLE)
        elif path == "/story":  # no extension: the media type decides
            self.reply(200, "text/html", ARTICLE)
        elif path == "/notes":
            self.reply(200, "text/markdown; charset=utf-8", NOTES)
        elif path == "/raw/notes.md":  # a Markdown file served as plain text
            self.reply(200, "text/plain", NOTES)
        elif path == "/plain":
            self.reply(200, "text/plain", PLAIN)
        elif path == "/latin1":
            body = "Le caf\u00e9 du port rouvre mardi. Les p\u00eacheurs sont contents.\n"
            self.reply(200, "text/plain; charset=ISO-8859-1", body.encode("latin-1"))
        elif path == "/mislabelled":  # UTF-8 said to be Latin-1
            body = "Le caf\u00e9 du port rouvre mardi. Les p\u00eacheurs sont contents.\n"
            self.reply(200, "text/plain; charset=iso-8859-1", body.encode("utf-8"))
        elif path == "/gzip":
            self.reply(200, "text/plain", gzip.compress(PLAIN), encoding="gzip")
        elif path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/file.txt")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()  # sends no body: the client must refuse from the header
        elif path == "/big-streamed":  # no Content-Length; more bytes than allowed
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"word " * 2000)
            except OSError:
                pass  # the client hung up, as it should
            self.close_connection = True
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.reply(200, "text/plain", PLAIN)
        elif path.startswith("/drip-"):  # one byte at a time, for ?seconds= (default 10)
            self.drip(path == "/drip-headers", float(self.query().get("seconds", "10")))
        elif path.startswith("/hops/"):  # /hops/N redirects N times, then the text
            hops = int(path.rsplit("/", 1)[1])
            if hops == 0:
                self.reply(200, "text/plain", PLAIN)
            else:
                self.send_response(302)
                self.send_header("Location", f"/hops/{hops - 1}")
                self.send_header("Content-Length", "0")
                self.end_headers()
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/pdf":
            self.reply(200, "application/pdf", b"%PDF-1.7\n")
        elif path == "/empty":
            self.reply(200, "text/html", b"")
        elif path == "/binary":
            self.reply(200, "application/octet-stream", bytes(range(256)) * 8)
        else:
            self.reply(404, "text/plain", b"not here")

    def query(self) -> dict[str, str]:
        query = self.path.partition("?")[2]
        return dict(part.partition("=")[::2] for part in query.split("&") if part)

    def drip(self, in_headers: bool, seconds: float) -> None:
        """A response sent a byte every DRIP_SECONDS for ``seconds``, in the headers (a
        header value) or in the body (after complete headers)."""
        count = int(seconds / DRIP_SECONDS)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
        try:
            if in_headers:
                self.wfile.write(head + b"X-Slow: ")
            else:
                self.wfile.write(head + f"Content-Length: {count}\r\n\r\n".encode())
            for _ in range(count):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(DRIP_SECONDS)
            if in_headers:
                self.wfile.write(b"\r\nContent-Length: 0\r\n\r\n")
        except OSError:
            pass  # the client hung up, as it should
        self.close_connection = True

    def reply(self, status: int, content_type: str, body: bytes, encoding: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (the timeout test)
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output clean


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Requests go straight to 127.0.0.1, whatever proxy the environment names."""
    for name in (
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_is_url() -> None:
    assert is_url("http://a.example/x") and is_url("HTTPS://a.example")
    assert not is_url("httpdocs/page.html") and not is_url("ftp://a.example") and not is_url("-")


def test_an_html_url(server: str) -> None:
    url = f"{server}/article.html"
    [document], warnings = read_documents([url])
    assert warnings == ()
    assert document.id == url and document.path == url
    assert document.title == "Night ferry returns to the island"
    assert document.author == "Mara Lindqvist"
    assert "Boats leave the north pier at 23:00 and 01:00 on weekdays." in [
        s.text for s in document.sentences
    ]


def test_the_media_type_and_the_url_extension_name_the_format(server: str) -> None:
    [page, notes, raw, plain], _ = read_documents(
        [f"{server}/story", f"{server}/notes", f"{server}/raw/notes.md", f"{server}/plain"]
    )
    assert page.title == "Night ferry returns to the island"
    assert notes.title == raw.title == "Council budget notes"
    assert plain.title == "Fishermen report a record catch of herring"


def test_the_charset_header_is_used(server: str) -> None:
    [document], warnings = read_documents([f"{server}/latin1"])
    assert warnings == ()
    assert document.sentences[0].text == "Le caf\u00e9 du port rouvre mardi."


def test_valid_utf8_wins_over_a_wrong_charset_with_a_warning(server: str) -> None:
    url = f"{server}/mislabelled"
    [document], warnings = read_documents([url])
    assert document.sentences[0].text == "Le caf\u00e9 du port rouvre mardi."
    assert warnings == (f"{url}: declared as iso-8859-1 but is valid UTF-8; read as UTF-8",)


def test_gzip_and_redirects(server: str) -> None:
    page = fetch(f"{server}/gzip", max_bytes=10_000)
    assert page.data == PLAIN
    moved = fetch(f"{server}/redirect", max_bytes=100_000)
    assert moved.url.endswith("/article.html") and moved.data == ARTICLE


def test_a_redirect_to_another_scheme_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="redirected to a URL that is not http"):
        fetch(f"{server}/to-ftp", max_bytes=1000)


def test_size_limit_from_the_header_and_while_reading(server: str) -> None:
    with pytest.raises(TooLarge):
        fetch(f"{server}/big-declared", max_bytes=1_000_000)
    with pytest.raises(TooLarge):
        fetch(f"{server}/big-streamed", max_bytes=50_000)
    with pytest.raises(SummarizeError) as caught:
        read_documents([f"{server}/big-streamed"], max_chars=1000)
    assert str(caught.value) == f"{server}/big-streamed: larger than --max-chars 1000 characters"


def test_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0\.5 seconds"):
        fetch(f"{server}/slow", max_bytes=10_000, timeout=0.5)
    assert time.monotonic() - started < SLOW_SECONDS


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_the_deadline_holds_against_a_server_that_sends_a_byte_at_a_time(
    server: str, path: str
) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^timed out after 1\.5 seconds$"):
        fetch(f"{server}{path}", max_bytes=10_000, timeout=DEADLINE)
    assert time.monotonic() - started <= DEADLINE + MARGIN


def test_the_default_deadline_comes_from_the_environment(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZE_FETCH_TIMEOUT", str(DEADLINE))
    started = time.monotonic()
    with pytest.raises(SummarizeError) as caught:
        read_documents([f"{server}/drip-body"])
    assert str(caught.value) == f"{server}/drip-body: cannot fetch: timed out after 1.5 seconds"
    assert time.monotonic() - started <= DEADLINE + MARGIN


def test_cli_process_ends_at_the_deadline_with_one_line(server: str) -> None:
    url = f"{server}/drip-headers?seconds=30"
    env = {**os.environ, "SUMMARIZE_FETCH_TIMEOUT": str(DEADLINE), "NO_PROXY": "*"}
    env.pop("http_proxy", None)
    env.pop("HTTP_PROXY", None)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "summarize", url],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"summarize: error: {url}: cannot fetch: timed out after 1.5 seconds\n"
    assert elapsed <= DEADLINE + 10  # the interpreter's start-up included; the drip lasts 30


def test_ten_redirects_are_followed_and_the_eleventh_is_refused(server: str) -> None:
    assert fetch(f"{server}/hops/10", max_bytes=100_000).data == PLAIN
    with pytest.raises(FetchError) as caught:
        fetch(f"{server}/hops/11", max_bytes=100_000)
    assert str(caught.value) == "too many redirects (more than 10)"
    with pytest.raises(FetchError) as caught:
        fetch(f"{server}/loop", max_bytes=100_000)
    assert str(caught.value) == "the redirects go round in a loop"


@pytest.mark.parametrize(
    "path, message",
    [
        ("/missing", "cannot fetch: HTTP error 404 Not Found"),
        ("/pdf", "cannot fetch: not a text or HTML page (application/pdf)"),
        ("/empty", "the page is empty"),
        ("/binary", "looks like a binary file, not text"),
    ],
)
def test_bad_responses_are_one_line_errors(server: str, path: str, message: str) -> None:
    with pytest.raises(SummarizeError) as caught:
        read_documents([f"{server}{path}"])
    assert str(caught.value) == f"{server}{path}: {message}"


def test_an_unreachable_server() -> None:
    url = f"http://127.0.0.1:{closed_port()}/story"
    with pytest.raises(SummarizeError) as caught:
        read_documents([url])
    assert str(caught.value) == f"{url}: cannot fetch: cannot reach the server: connection refused"


@pytest.mark.parametrize(
    "url", ["http://", "http:///path", "https://[::1/x", "http://127.0.0.1:99999/"]
)
def test_malformed_urls(url: str) -> None:
    with pytest.raises(SummarizeError) as caught:
        read_documents([url])
    message = str(caught.value)
    assert message.startswith(f"{url}: cannot fetch: ")
    assert "\n" not in message


def test_non_ascii_urls_are_escaped(server: str) -> None:
    with pytest.raises(SummarizeError, match="HTTP error 404"):
        read_documents([f"{server}/caf\u00e9 page"])


def test_the_same_url_twice_is_read_once(server: str) -> None:
    url = f"{server}/plain"
    documents, warnings = read_documents([url, url])
    assert len(documents) == 1
    assert warnings == (f"{url}: given more than once; read only once",)


def test_cli_with_a_url_and_a_file(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"{server}/article.html"
    code = main([url, str(FIXTURES / "plain.txt"), "--format", "json", "--words", "50"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    data = json.loads(captured.out)
    assert [s["id"] for s in data["sources"]] == [url, "plain.txt"]
    assert data["sources"][0]["path"] == url


def test_cli_unreachable_url_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    code = main([url])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert captured.err == (
        f"summarize: error: {url}: cannot fetch: cannot reach the server: connection refused\n"
    )
