"""Checks on raw JSON bytes before they are parsed, and the JSON path of a byte offset.

The checks run at C speed on bytes (``count``, ``replace``, ``translate``,
``find`` and one regular expression) instead of walking the parsed values in
Python, and return quickly on typical input:

* :func:`too_deep` — do arrays and objects nest deeper than a limit? Counting
  brackets decides most inputs; otherwise the brackets outside strings are kept
  and innermost pairs removed, one level per pass, at most ``limit`` passes.
* :func:`long_string_runs` — where could a string longer than a limit be? A
  string of more than ``n`` characters spans more than ``n`` bytes without an
  unescaped quote, so only such runs are looked at, and they are rare.
* :func:`lone_surrogate` — an escape such as ``\\ud800`` without its pair,
  which no UTF-8 text can hold.
* :func:`records_in_document` — how many values the ``records`` array of the
  top-level object holds, counted on the brackets and commas outside strings,
  so that a document with too many records is refused before any is built.

When a check finds something, :class:`Walker` tokenizes the text up to that
offset in Python to name the JSON path there: slow, but only on the error path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

__all__ = [
    "Walker",
    "lone_surrogate",
    "long_string_runs",
    "records_in_document",
    "too_deep",
    "without_escapes",
]

# Only brackets and quotes survive; braces become brackets, since in well-formed
# JSON every bracket and brace is closed by its own kind and only depth matters here.
_STRUCTURE = bytes.maketrans(b"{}", b"[]")
_NOT_STRUCTURE = bytes(set(range(256)) - set(b'[]{}"'))
# Read left to right, as JSON reads escapes: "\\\"" is a backslash, then a quote.
_QUOTING_ESCAPE = re.compile(rb'\\[\\"]')
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
# A string (possibly cut off by the end of the text) or one structural character, in
# text without quoting escapes (see without_escapes): every quote left opens or closes a
# string, so a string is one run without a quote, read with no backtracking and in
# memory that does not grow with the number of escapes it holds.
_TOKEN = re.compile(rb'"[^"]*"?|[\[\]{},:]')


def without_escapes(data: bytes) -> bytes:
    r"""``data`` with ``\\`` and ``\"`` replaced by two underscores, offsets unchanged.

    What is left of every quote then opens or closes a string, and a string of
    ``n`` characters still spans at least ``n`` bytes.
    """
    if b"\\" not in data:
        return data
    return _QUOTING_ESCAPE.sub(b"__", data)


def too_deep(escaped: bytes, limit: int) -> bool:
    """True when arrays and objects may nest deeper than ``limit`` in ``escaped`` JSON text.

    ``escaped`` is the text as :func:`without_escapes` gives it.

    Exact for well-formed JSON; for text with unmatched brackets it may answer
    true, and :meth:`Walker.first_too_deep` then has the last word. Each pass
    removes one level; a run of opening brackets longer than the levels left
    ends it early, so deeply nested input is refused at once.
    """
    skeleton = escaped.translate(_STRUCTURE, _NOT_STRUCTURE)
    if skeleton.count(b"[") <= limit:  # fewer brackets than the limit: most lines of a stream
        return False
    skeleton = skeleton.replace(b'""', b"")
    if b'"' in skeleton:  # brackets inside strings: keep only those outside
        skeleton = b"".join(skeleton.split(b'"')[::2])
    removed = 0  # levels of innermost pairs removed so far
    while True:
        if b"[" * (limit - removed + 1) in skeleton:  # that many opened in a row
            return True
        shorter = skeleton.replace(b"[]", b"")
        if len(shorter) == len(skeleton):
            # Nothing left to pair: within the limit, unless brackets are unmatched,
            # when the opening ones left over may nest deeper.
            return skeleton.count(b"[") > limit - removed
        skeleton = shorter
        removed += 1


def long_string_runs(escaped: bytes, limit: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each run of more than ``limit`` bytes without a quote.

    Any string longer than ``limit`` characters lies in one of them (the bytes
    just before and after a run are quotes, or the ends of the text). Probes
    one byte range a block: a run that long covers at least one whole block.
    """
    if len(escaped) <= limit + 1:
        return
    block = (limit + 2) // 2
    start = 0
    end_of_text = len(escaped)
    while start < end_of_text:
        if escaped.find(b'"', start, start + block) != -1:
            start += block
            continue
        left = escaped.rfind(b'"', 0, start) + 1
        right = escaped.find(b'"', start + block)
        right = end_of_text if right == -1 else right
        if right - left > limit:
            yield left, right
        start = right + 1


# For records_in_document: the records key becomes one byte, \x01, and only it and the
# structure outside strings are kept.
_RECORDS_KEY = re.compile(rb'"records"[ \t\r\n]*:')
_KEEP_COUNTED = bytes(set(range(256)) - set(b'[]{}",\x01'))
_STRING = re.compile(rb'"[^"]*+"')
# An array or object holding no other, except records arrays already reduced to commas;
# records arrays themselves are kept (hence the look-behind).
_REDUCIBLE = re.compile(
    rb"(?<!\x01)[\[{][^\[\]{}\x01]*+(?:\x01\[[^\[\]{}\x01]*+\][^\[\]{}\x01]*+)*+[\]}]"
)
_REDUCED_DOCUMENT = re.compile(rb"\{[^\[\]{}\x01]*+(?:\x01\[[^\[\]{}\x01]*+\][^\[\]{}\x01]*+)*+\}")
_REDUCED_ARRAY = re.compile(rb"\[[^\[\]{}\x01]*+\]")
_RECORDS = re.compile(rb"\x01\[([^\[\]{}\x01]*+)\]")


def records_in_document(escaped: bytes, at_most: int) -> int:
    """The values of the top-level ``records`` array (or of a top-level array), or fewer.

    ``escaped`` is the text as :func:`without_escapes` gives it, nested no deeper
    than the limit already checked. Returns at most ``at_most`` unless the
    top-level object's ``records`` array holds more values (then the number of
    them); on text that is not such an object it may answer 0, and the parser
    has the last word. Runs at C speed: a count of commas answers most texts;
    otherwise only the structure outside strings is kept, and arrays and objects
    inside the records are removed, one level per pass.
    """
    if escaped.count(b",") < at_most:  # an array holds at most one value more than commas
        return 0
    marked = _in_pieces(_RECORDS_KEY, b"\x01", escaped, _before_bracket)
    skeleton = _in_pieces(_STRING, b"", marked.translate(None, _KEEP_COUNTED), _outside_string)
    del marked
    while _REDUCED_DOCUMENT.fullmatch(skeleton) is None:
        if _REDUCED_ARRAY.fullmatch(skeleton) is not None:  # a top-level array of records
            return skeleton.count(b",") + 1
        shorter = skeleton.replace(b"{}", b"").replace(b"[]", b"")  # many at C speed
        if len(shorter) == len(skeleton):
            shorter = _in_pieces(_REDUCIBLE, b"", skeleton, _before_bracket)
        if len(shorter) == len(skeleton):
            return 0  # not a well-formed object: the parser will say why
        skeleton = shorter
    return max((found.group(1).count(b",") + 1 for found in _RECORDS.finditer(skeleton)), default=0)


#: The most text a regular expression substitutes at once: ``re.sub`` keeps an object
#: per match until it joins them, which would cost many times the text itself.
_PIECE = 1 << 16


def _in_pieces(
    pattern: re.Pattern[bytes],
    replacement: bytes,
    text: bytes,
    cut: Callable[[bytes, int, int], int],
) -> bytes:
    """``pattern.sub(replacement, text)``, a piece at a time, cut where no match can span."""
    if len(text) <= _PIECE:
        return pattern.sub(replacement, text)
    result = bytearray()
    start = 0
    while start < len(text):
        end = cut(text, start, start + _PIECE)
        result += pattern.sub(replacement, text[start:end])
        start = end
    return bytes(result)


def _before_bracket(text: bytes, start: int, at: int) -> int:
    """The first offset from ``at`` just before an opening bracket or brace not after \\x01.

    No match of the patterns cut this way holds one, so none spans the cut.
    """
    while at < len(text):
        window = at + _PIECE  # each stretch of text is looked at once
        found = [i for i in (text.find(b"{", at, window), text.find(b"[", at, window)) if i != -1]
        if not found:
            at = window
            continue
        at = min(found)
        if text[at - 1 : at] != b"\x01":
            return at
        at += 1
    return len(text)


def _outside_string(text: bytes, start: int, at: int) -> int:
    """The first offset from ``at`` outside any string (in text without escapes).

    ``start``, where the piece begins, is outside any string.
    """
    if not text.count(b'"', start, at) % 2:
        return at
    closing = text.find(b'"', at)
    return len(text) if closing == -1 else closing + 1


def lone_surrogate(data: bytes, escaped: bytes) -> int | None:
    r"""The offset of the first ``\uD800``-``\uDFFF`` escape without its pair, if any."""
    if b"\\" not in data:
        return None
    waiting: int | None = None  # where a high surrogate waits for its low one
    for found in _SURROGATE.finditer(escaped):
        start = found.start()
        low = found.group()[3:4] in b"cdefCDEF"
        if low and waiting is not None and start == waiting + 6:
            waiting = None
        elif waiting is not None or low:
            return waiting if waiting is not None else start
        else:
            waiting = start
    return waiting


class Walker:
    """Reads JSON tokens from the start, keeping the path to where it stands.

    Tolerant of broken text: it only ever names a path, never judges the text.
    ``escaped`` is ``data`` as :func:`without_escapes` gives it, when already made.
    """

    def __init__(self, data: bytes, escaped: bytes | None = None) -> None:
        self.data = data
        self._escaped = without_escapes(data) if escaped is None else escaped
        self._tokens = _TOKEN.finditer(self._escaped)
        # One frame per open array or object: [is_object, key or index, expecting a key]
        self.frames: list[list[object]] = []
        self._pending: re.Match[bytes] | None = None

    def location(self) -> tuple[str | int, ...]:
        """The path of the value where the walker stands (of the object, where a key is due)."""
        steps: list[str | int] = []
        for is_object, step, expecting_key in self.frames:
            if is_object and expecting_key:
                break
            steps.append(step)  # type: ignore[arg-type]
        return tuple(steps)

    def at_key(self) -> bool:
        """True when what comes next is an object's key."""
        return bool(self.frames) and bool(self.frames[-1][0]) and bool(self.frames[-1][2])

    def advance(self, offset: int, *, depth_limit: int | None = None) -> re.Match[bytes] | None:
        """Read every token that starts before ``offset``; return the one that starts there.

        With ``depth_limit``, stop instead at the first array or object that
        would open deeper than it, and return that bracket's token.
        """
        while True:
            token = self._pending or next(self._tokens, None)
            self._pending = None
            if token is None:
                return None
            if token.start() >= offset:
                self._pending = token
                return token if token.start() == offset else None
            char = self._escaped[token.start() : token.start() + 1]
            if depth_limit is not None and char in b"[{" and len(self.frames) >= depth_limit:
                self._pending = token
                return token
            self._take(token, char)

    def text(self, token: re.Match[bytes]) -> bytes:
        """The original bytes of ``token`` (tokens are read in the text without escapes)."""
        return self.data[token.start() : token.end()]

    def first_too_deep(self, limit: int) -> re.Match[bytes] | None:
        """The bracket that opens the first array or object nested deeper than ``limit``."""
        return self.advance(len(self.data) + 1, depth_limit=limit)

    def _take(self, token: re.Match[bytes], char: bytes) -> None:
        frames = self.frames
        if char == b'"':
            if frames and frames[-1][0] and frames[-1][2]:
                frames[-1][1] = decode_string(self.text(token))
                frames[-1][2] = False
        elif char in b"[{":
            frames.append([char == b"{", None if char == b"{" else 0, True])
        elif char in b"]}":
            if frames:
                frames.pop()
        elif char == b"," and frames:
            top = frames[-1]
            if top[0]:
                top[2] = True
            elif type(top[1]) is int:
                top[1] += 1


def decode_string(token: bytes) -> str:
    """The text of a JSON string token, as well as it can be read."""
    try:
        text = json.loads(token)
    except ValueError:
        text = None
    if type(text) is str:
        return text
    return token.strip(b'"').decode("utf-8", errors="replace")
