"""Bytes to clean text: the encoding found, line endings and control characters tidied.

The encoding is taken from the first of these that applies:

1. a byte-order mark (UTF-8, UTF-16 or UTF-32);
2. UTF-16 without a byte-order mark, recognised by NUL bytes at every other position;
3. a declared charset (an HTTP ``Content-Type`` header, or an HTML ``<meta>`` tag in the
   first few kilobytes) under which the bytes decode cleanly; ``iso-8859-1`` and ``ascii``
   are read as Windows-1252, as browsers do. When the bytes are valid UTF-8 with characters
   beyond ASCII but another charset is declared, the declaration is wrong (legacy text is
   practically never valid UTF-8 by chance): they are read as UTF-8, with a note;
4. UTF-8, when the bytes are valid UTF-8 (plain ASCII included), or when valid UTF-8
   characters beyond ASCII outnumber the invalid bytes (which are replaced by U+FFFD);
5. a guess from charset-normalizer's readings of the bytes around the first one that is not
   UTF-8, among encodings in wide use today (not old DOS, Mac or EBCDIC code pages): the
   reading that looks most like a language (its coherence less its chaos), Windows-1252,
   the commonest legacy encoding of Western text, winning ties;
6. UTF-8 with the invalid bytes replaced by U+FFFD.

Steps 2, 5 and 6 (and a declaration overruled in step 3) come with a note for the user,
and so does any replaced byte. Data that is not text is refused: the signature of a common
binary format (PDF, ZIP, gzip, PNG...), many control bytes, or mostly replacement
characters after decoding. Control characters other than tab and line feed are removed
from the text (NUL bytes and terminal colour codes included); ``\r\n`` and ``\r`` become
``\n``, a form feed a paragraph break.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# How much of the start of the data is inspected for binary content and a <meta> charset.
SNIFF_BYTES = 8192
# Control bytes (other than ordinary whitespace and escape) above this share of the
# inspected bytes mark binary data. NUL counts: a stray NUL in text is fine, many are not.
CONTROL_SHARE = 0.10
# Replacement characters above this share of the non-space characters after decoding mean
# the bytes are not text in any useful sense (rather than text with a few stray bytes).
REPLACED_SHARE = 0.25
# Bytes handed to charset-normalizer, from shortly before the first non-UTF-8 byte.
GUESS_BYTES = 65536

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of binary formats that can otherwise pass for text with odd bytes.
_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",
    b"SQLite format 3\x00",
    b"\x1a\x45\xdf\xa3",
    b"\x00asm",
)
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE
)
# Declared charsets that browsers read as Windows-1252.
_AS_WINDOWS_1252 = frozenset({"latin_1", "iso8859_1", "ascii", "cp1252"})
# Encodings in wide use today. charset-normalizer also weighs old DOS, Mac and EBCDIC code
# pages, which read short Western texts (and random bytes) about as well; they are not used.
_COMMON_ENCODING = re.compile(
    r"cp125\d|cp874|cp932|cp949|cp950|gb18030|gb2312|gbk|big5(?:hkscs)?|euc_(?:jp|kr)"
    r"|shift_jis|iso2022_\w+|koi8_[ru]|cp866|iso8859_\d+|utf_(?:8|16|32)\w*|latin_1|ascii|tis_620"
)
_NAMES = {
    "utf_8": "UTF-8",
    "utf_16": "UTF-16",
    "utf_16_le": "UTF-16LE",
    "utf_16_be": "UTF-16BE",
    "utf_32": "UTF-32",
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "latin_1": "Latin-1",
    "cp932": "Shift_JIS",
    "shift_jis": "Shift_JIS",
    "euc_jp": "EUC-JP",
    "euc_kr": "EUC-KR",
    "gb2312": "GB2312",
    "gb18030": "GB18030",
    "gbk": "GBK",
    "big5": "Big5",
    "koi8_r": "KOI8-R",
}

# Terminal colour and cursor codes, as in a captured log: removed whole.
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]")
# Every C0 and C1 control except tab and line feed is removed; form feed (a page break) and
# line tabulation become line breaks, and so does NEL. Carriage returns are gone by then.
_CONTROLS: dict[int, str | None] = {c: None for c in [*range(0x20), *range(0x7F, 0xA0)]}
_CONTROLS.update({0x09: "\t", 0x0A: "\n", 0x0B: "\n", 0x0C: "\n\n", 0x85: "\n"})


class NotText(Exception):
    """Data that cannot be read as text; the message says why (without naming the input)."""


@dataclass(frozen=True)
class Decoded:
    """Text read from bytes: ``encoding`` is the codec used, ``note`` a remark for the user
    when the encoding was guessed or bytes were replaced (None otherwise)."""

    text: str
    encoding: str
    note: str | None = None


def decode(data: bytes, *, declared: str | None = None, empty: str = "file is empty") -> Decoded:
    """Decode ``data`` (see the module docstring for the order of evidence) and clean it.

    ``declared`` is a charset the transport named (an HTTP header); ``empty`` the message
    for data without any visible character. Raises :class:`NotText`.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(Decoded(data.decode(encoding), encoding), empty)
            except UnicodeDecodeError:
                text = data.decode(encoding, errors="replace")
                return _finish(Decoded(text, encoding, "undecodable bytes were replaced"), empty)
    if not data.strip():
        raise NotText(empty)
    sample = data[:SNIFF_BYTES]
    wide = _utf16_without_bom(sample)
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            raise NotText("looks like a binary file, not text") from None
        if _looks_binary(text[: SNIFF_BYTES // 2]):
            raise NotText("looks like a binary file, not text")
        return _finish(Decoded(text, wide, f"no byte-order mark; read as {_name(wide)}"), empty)
    if data.startswith(_MAGIC) or _looks_binary(sample):
        raise NotText("looks like a binary file, not text")
    for charset in (declared, _meta_charset(sample)):
        found = _declared(data, charset)
        if found is None:
            continue
        if found.encoding != "utf_8" and not data.isascii():
            utf8 = _utf8(data)
            if utf8 is not None:
                shown = " ".join(str(charset).split()).strip("\"'")[:40]
                note = f"declared as {shown} but is valid UTF-8; read as UTF-8"
                return _finish(Decoded(utf8, "utf_8", note), empty)
        return _finish(found, empty)
    try:
        return _finish(Decoded(data.decode("utf-8"), "utf_8"), empty)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    if non_ascii > replaced:  # UTF-8 text with a few broken bytes, not another encoding
        return _finish(Decoded(text, "utf_8", "invalid UTF-8 bytes were replaced"), empty)
    return _finish(_guess(data, first_bad), empty)


def clean_text(text: str) -> str:
    """``text`` with ``\\n`` line endings and without control characters (but tab and line
    feed) or a leading byte-order mark."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        text = _ANSI_ESCAPE.sub("", text)
    return text.translate(_CONTROLS).lstrip("\ufeff")


def _finish(decoded: Decoded, empty: str) -> Decoded:
    text = clean_text(decoded.text)
    if not text.strip():
        raise NotText(empty)
    if "\ufffd" in text:
        visible = sum(1 for c in text if not c.isspace())
        if text.count("\ufffd") > REPLACED_SHARE * visible:
            raise NotText("looks like a binary file, not text")
    return Decoded(text, decoded.encoding, decoded.note)


def _declared(data: bytes, charset: str | None) -> Decoded | None:
    """``data`` decoded as the declared ``charset``, or None when the charset is unknown or
    does not fit the bytes."""
    if not charset:
        return None
    try:
        encoding = codecs.lookup(charset.strip().strip("\"'")).name.replace("-", "_")
    except (LookupError, ValueError):
        return None
    if encoding in _AS_WINDOWS_1252:
        encoding = "cp1252"
    if encoding.startswith(("utf_16", "utf_32")):
        return None  # without a byte-order mark these declarations are not trustworthy
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "cp1252":
            return None
        text = data.decode("latin_1")  # the five bytes Windows-1252 leaves undefined
    return Decoded(text, encoding)


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _meta_charset(sample: bytes) -> str | None:
    match = _META_CHARSET.search(sample[:4096])
    return match.group(1).decode("ascii") if match else None


def _guess(data: bytes, first_bad: int) -> Decoded:
    """Decode data that is not UTF-8 by charset-normalizer's best guess."""
    from charset_normalizer import from_bytes  # imported only for non-UTF-8 input

    start = max(0, first_bad - 1024)
    newline = data.find(b"\n", start, first_bad)
    if newline >= 0:
        start = newline + 1  # a line boundary never splits a multi-byte character
    matches = [
        m
        for m in from_bytes(data[start : start + GUESS_BYTES])
        if _COMMON_ENCODING.fullmatch(_codec(m.encoding))
    ]
    if not matches:
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, "utf_8", "invalid UTF-8 bytes were replaced")
    best = max(
        matches,
        key=lambda m: (round(m.coherence - m.chaos, 2), _codec(m.encoding) == "cp1252"),
    )
    encoding = _codec(best.encoding)
    if any(_codec(name) == "cp1252" for name in best.could_be_from_charset):
        encoding = "cp1252"  # the same text (the bytes read alike in both), by its usual name
    if encoding == "cp1252" and any(b in data for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)):
        encoding = "latin_1"  # bytes Windows-1252 leaves undefined
    text = data.decode(encoding, errors="replace")
    if encoding == "utf_8":
        return Decoded(text, encoding, "invalid UTF-8 bytes were replaced")
    return Decoded(text, encoding, f"not UTF-8; read as {_name(encoding)}")


def _codec(name: str) -> str:
    return codecs.lookup(name).name.replace("-", "_")


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes fall at every other position the way
    mostly-ASCII UTF-16 text has them; None otherwise."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.4 * pairs and even <= 0.05 * pairs:
        return "utf_16_le"
    if even >= 0.4 * pairs and odd <= 0.05 * pairs:
        return "utf_16_be"
    return None


def _looks_binary(sample: bytes | str) -> bool:
    """Control bytes (or characters) other than whitespace and escape above the share."""
    codes = sample if isinstance(sample, bytes) else map(ord, sample)
    controls = sum(1 for code in codes if (code < 32 or code == 127) and code not in _TEXT_CONTROLS)
    return controls > CONTROL_SHARE * len(sample)


def _name(encoding: str) -> str:
    return _NAMES.get(encoding, encoding.replace("_", "-").upper())
