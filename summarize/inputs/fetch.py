"""Fetching the ``http://`` and ``https://`` URLs a user names as inputs.

One GET per URL with the standard library's ``urllib`` (proxies from the usual environment
variables, at most ten redirects, never to another scheme), bounded three ways: a hard
wall-clock deadline over the whole exchange (connecting, the headers, the body: a watchdog
shuts the connection when it passes, so a server sending one byte at a time cannot hold a
read open; only the host name lookup is outside it), a size limit checked against
``Content-Length`` before anything is read and again while reading, and a refusal of media
types that are not text. Every problem is a :class:`FetchError` with a one-line reason;
nothing is printed and nothing is cached.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import IO, Any

from summarize.version import __version__

DEFAULT_TIMEOUT = 30.0
"""Seconds allowed for the whole exchange: connecting, the headers and the body."""
TIMEOUT_ENV = "SUMMARIZE_FETCH_TIMEOUT"
"""An environment variable that replaces :data:`DEFAULT_TIMEOUT` (seconds), for tests."""
MAX_REDIRECTS = 10
_LOOP = "redirect loop: "

USER_AGENT = f"summarize/{__version__} (offline news summarizer; fetches only the URLs given)"
CHUNK_BYTES = 65536
SCHEMES = ("http://", "https://")
# Media types read as text besides text/*; anything else (PDF, images...) is refused.
TEXT_MEDIA_TYPES = frozenset(
    {"application/xhtml+xml", "application/xml", "application/octet-stream", ""}
)


class FetchError(Exception):
    """A URL that could not be fetched; the message says why, without the URL."""


class TooLarge(FetchError):
    """The response is bigger than the size limit."""


@dataclass(frozen=True)
class Page:
    """A fetched response: the URL it finally came from, its body, and the media type and
    charset its ``Content-Type`` header named (None when it named none)."""

    url: str
    data: bytes
    media_type: str | None
    charset: str | None


def is_url(path: str) -> bool:
    """Whether an input names an ``http(s)://`` URL rather than a path."""
    return path[:8].lower().startswith(SCHEMES)


def default_timeout() -> float:
    """The deadline of a fetch in seconds: ``$SUMMARIZE_FETCH_TIMEOUT`` when it holds a
    positive number, else :data:`DEFAULT_TIMEOUT`."""
    try:
        seconds = float(os.environ.get(TIMEOUT_ENV, ""))
    except ValueError:
        return DEFAULT_TIMEOUT
    return seconds if 0 < seconds < float("inf") else DEFAULT_TIMEOUT


def fetch(url: str, *, max_bytes: int, timeout: float | None = None) -> Page:
    """GET ``url`` and return its body, at most ``max_bytes`` long, within ``timeout``
    seconds of wall-clock time (default :func:`default_timeout`).

    Raises :class:`TooLarge` beyond ``max_bytes`` and :class:`FetchError` for everything
    else: a malformed URL, a host that cannot be reached, an HTTP error status, a timeout,
    a media type that is not text.
    """
    try:
        quoted = _quoted(url)
    except ValueError as exc:  # urllib's parser refuses it (an unclosed "[", a bad port)
        raise FetchError(f"not a valid URL ({_reason(exc)})") from None
    request = urllib.request.Request(
        quoted,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, identity", "Accept": "*/*"},
    )
    if timeout is None:
        timeout = default_timeout()
    timed_out = f"timed out after {timeout:g} seconds"
    deadline = _Deadline(timeout)
    try:
        with deadline, _opener(deadline).open(request, timeout=timeout) as response:
            media_type = response.headers.get_content_type() if _has_type(response) else None
            charset = response.headers.get_content_charset()
            _check_media_type(media_type)
            length = response.headers.get("Content-Length", "")
            if length.strip().isdigit() and int(length) > max_bytes:
                raise TooLarge(f"larger than {max_bytes} bytes")
            data = _read(response, max_bytes, deadline)
            final_url = response.geturl() or url
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
    except Exception as exc:
        # Whatever the watchdog's closing of the connection looked like to urllib (an empty
        # status line, a short body), the deadline is the reason.
        if deadline.expired or _is_timeout(exc):
            raise FetchError(timed_out) from None
        raise _failure(exc) from None
    if deadline.expired:  # the body ended because the watchdog closed the connection
        raise FetchError(timed_out)
    if encoding in ("gzip", "x-gzip", "deflate"):
        data = _decompress(data, encoding, max_bytes)
    elif encoding not in ("", "identity"):
        raise FetchError(f"the server sent an unsupported content encoding ({encoding})")
    return Page(url=final_url, data=data, media_type=media_type, charset=charset)


def _failure(exc: Exception) -> FetchError:
    """The one-line :class:`FetchError` for what went wrong while fetching."""
    if isinstance(exc, FetchError):
        return exc
    if isinstance(exc, urllib.error.HTTPError):
        if str(exc.reason or "").startswith(_LOOP):
            return FetchError("the redirects go round in a loop")
        reason = " ".join(str(exc.reason or "").split())
        return FetchError(f"HTTP error {exc.code} {reason}".rstrip())
    if isinstance(exc, urllib.error.URLError):
        return FetchError(f"cannot reach the server: {_reason(exc.reason)}")
    if isinstance(exc, http.client.InvalidURL):
        return FetchError(f"not a valid URL ({_reason(exc)})")
    if isinstance(exc, (http.client.HTTPException, OSError)):
        return FetchError(f"the connection failed: {_reason(exc)}")
    if isinstance(exc, UnicodeError):
        return FetchError("not a valid URL (bad host name)")
    if isinstance(exc, ValueError):
        return FetchError(f"not a valid URL ({_reason(exc)})")
    raise exc


def _is_timeout(exc: BaseException) -> bool:
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        return isinstance(exc.reason, TimeoutError)
    return isinstance(exc, TimeoutError)


class _Deadline:
    """A wall-clock limit on one fetch. Every socket the fetch opens is registered here;
    when the time is up a watchdog timer shuts them down, so a blocked read returns at once
    however slowly the server sends. Used as a context manager around the exchange."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        """Seconds left; raises :class:`TimeoutError` when none are."""
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            raise TimeoutError("timed out")
        return left

    def create_connection(
        self,
        address: tuple[str, int],
        timeout: float | None = None,
        source_address: tuple[str, int] | None = None,
    ) -> socket.socket:
        """``socket.create_connection`` within the deadline, the socket registered."""
        left = self.remaining()
        sock = socket.create_connection(
            address, left if timeout is None else min(timeout, left), source_address
        )
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)
        return sock

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    """Shut a socket down for reading and writing (the plain socket's call, also for a TLS
    socket, whose own ``shutdown`` would drop its TLS state under a reading thread)."""
    with contextlib.suppress(OSError):  # already closed
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _DeadlineHTTPHandler(urllib.request.HTTPHandler):
    """Opens ``http`` connections through the deadline's ``create_connection``."""

    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
        return super().do_open(_connections(http_class, self._deadline), req, **kwargs)


class _DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    """Opens ``https`` connections through the deadline's ``create_connection``."""

    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
        return super().do_open(_connections(http_class, self._deadline), req, **kwargs)


def _connections(http_class: Any, deadline: _Deadline) -> Any:
    """A factory of ``http_class`` connections that connect within ``deadline``."""

    def connection(host: str, **kwargs: Any) -> http.client.HTTPConnection:
        conn = http_class(host, **kwargs)
        conn._create_connection = deadline.create_connection
        return conn

    return connection


class _SameSchemesRedirect(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to ``http`` and ``https`` URLs (urllib also allows ``ftp``),
    at most :data:`MAX_REDIRECTS` in a row."""

    max_redirections = MAX_REDIRECTS
    inf_msg = _LOOP  # urllib's "would lead to an infinite loop", recognised in _failure

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        visited = getattr(req, "redirect_dict", {})
        if len(visited) >= self.max_redirections and ("location" in headers or "uri" in headers):
            fp.close()
            raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise FetchError(f"redirected to a URL that is not http(s): {newurl[:100]}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = [
        _SameSchemesRedirect(),
        _DeadlineHTTPHandler(deadline),
    ]
    if hasattr(urllib.request, "HTTPSHandler"):  # Python built with ssl
        handlers.append(_DeadlineHTTPSHandler(deadline))
    return urllib.request.build_opener(*handlers)


def _quoted(url: str) -> str:
    """``url`` with a host in IDNA form and any non-ASCII or space in the rest %-escaped
    (urllib sends the URL as given and would fail on them)."""
    if any(ord(c) < 33 or ord(c) > 126 for c in url):
        parts = urllib.parse.urlsplit(url.strip())
        try:
            host = (parts.hostname or "").encode("idna").decode("ascii")
            port = f":{parts.port}" if parts.port is not None else ""
        except (UnicodeError, ValueError):
            raise FetchError("not a valid URL (bad host name or port)") from None
        if ":" in host:
            host = f"[{host}]"  # an IPv6 address
        user = parts.netloc.rpartition("@")[0]
        netloc = f"{urllib.parse.quote(user, safe=':%')}@{host}{port}" if user else host + port
        safe = "/:?#[]@!$&'()*+,;=%~"
        url = urllib.parse.urlunsplit(
            (
                parts.scheme,
                netloc,
                urllib.parse.quote(parts.path, safe=safe),
                urllib.parse.quote(parts.query, safe=safe),
                urllib.parse.quote(parts.fragment, safe=safe),
            )
        )
    if not urllib.parse.urlsplit(url).hostname:
        raise FetchError("not a valid URL (no host name)")
    return url


def _has_type(response: http.client.HTTPResponse) -> bool:
    return response.headers.get("Content-Type") is not None


def _check_media_type(media_type: str | None) -> None:
    if media_type is None or media_type.startswith("text/") or media_type in TEXT_MEDIA_TYPES:
        return
    raise FetchError(f"not a text or HTML page ({media_type})")


def _read(response: http.client.HTTPResponse, max_bytes: int, deadline: _Deadline) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        deadline.remaining()  # raises TimeoutError once it has passed
        chunk = response.read(min(CHUNK_BYTES, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(f"larger than {max_bytes} bytes")


def _decompress(data: bytes, encoding: str, max_bytes: int) -> bytes:
    """Decompress a gzip or deflate body without letting it grow beyond ``max_bytes``."""
    wbits = 31 if "gzip" in encoding else 15
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        try:  # "deflate" is sometimes sent without its zlib header
            inflater = zlib.decompressobj(-15)
            out = inflater.decompress(data, max_bytes + 1)
        except zlib.error:
            raise FetchError(f"the body is not valid {encoding} data") from None
    if len(out) > max_bytes:
        raise TooLarge(f"larger than {max_bytes} bytes")
    return out


def _reason(reason: object) -> str:
    """A short lower-case reason: an OS error's text without its number."""
    if isinstance(reason, OSError) and reason.strerror:
        text = reason.strerror
    elif isinstance(reason, TimeoutError):
        text = "timed out"
    else:
        text = str(reason) or type(reason).__name__
    text = " ".join(text.split())
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]  # "URL" stays
