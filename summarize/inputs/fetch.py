"""Fetching the ``http://`` and ``https://`` URLs a user names as inputs.

One GET per URL with the standard library's ``urllib`` (proxies from the usual environment
variables, at most ten redirects, never to another scheme), bounded three ways: a timeout
for the whole exchange, a size limit checked against ``Content-Length`` before anything is
read and again while reading, and a refusal of media types that are not text. Every problem
is a :class:`FetchError` with a one-line reason; nothing is printed and nothing is cached.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from typing import IO

from summarize.version import __version__

DEFAULT_TIMEOUT = 30.0
"""Seconds allowed for connecting, each read, and the whole download."""

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


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT) -> Page:
    """GET ``url`` and return its body, at most ``max_bytes`` long.

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
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as response:
            media_type = response.headers.get_content_type() if _has_type(response) else None
            charset = response.headers.get_content_charset()
            _check_media_type(media_type)
            length = response.headers.get("Content-Length", "")
            if length.strip().isdigit() and int(length) > max_bytes:
                raise TooLarge(f"larger than {max_bytes} bytes")
            data = _read(response, max_bytes, deadline, timeout)
            final_url = response.geturl() or url
            encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        reason = " ".join(str(exc.reason or "").split())
        raise FetchError(f"HTTP error {exc.code} {reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise FetchError(f"cannot reach the server: {_reason(exc.reason)}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} seconds") from None
    except http.client.InvalidURL as exc:
        raise FetchError(f"not a valid URL ({_reason(exc)})") from None
    except (http.client.HTTPException, OSError) as exc:
        raise FetchError(f"the connection failed: {_reason(exc)}") from None
    except UnicodeError:
        raise FetchError("not a valid URL (bad host name)") from None
    except ValueError as exc:
        raise FetchError(f"not a valid URL ({_reason(exc)})") from None
    if encoding in ("gzip", "x-gzip", "deflate"):
        data = _decompress(data, encoding, max_bytes)
    elif encoding not in ("", "identity"):
        raise FetchError(f"the server sent an unsupported content encoding ({encoding})")
    return Page(url=final_url, data=data, media_type=media_type, charset=charset)


class _SameSchemesRedirect(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to ``http`` and ``https`` URLs (urllib also allows ``ftp``)."""

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


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_SameSchemesRedirect())


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


def _read(
    response: http.client.HTTPResponse, max_bytes: int, deadline: float, timeout: float
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g} seconds")
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
