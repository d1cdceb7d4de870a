"""Find where a value sits in TOML source, so errors can name a line and column.

``tomllib`` parses TOML but forgets positions.  This module re-reads the text
line by line and records, for every table header and key, the path it defines
(``("provisions", 5, "parameters", "armed_forces_cap")``) and its position.
It understands the subset of TOML that version files use - tables, arrays of
tables, dotted keys, multi-line strings and arrays - and falls back to the
nearest enclosing table for anything else.

Every scan here is a single left-to-right pass: the text is untrusted, and a
backtracking pattern over a line of thousands of spaces or brackets once took
minutes (``validate`` runs in CI on contributed files).  The only regular
expressions are single character classes, which cannot backtrack; table
headers are resolved through a tree.  The cost is linear in the size of the text.
"""

from __future__ import annotations

import re
from typing import Any

Path = tuple[str | int, ...]

# Single character classes: a match can only extend, never backtrack, so each is linear.
_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]*")
_BLANKS_RE = re.compile(r"[ \t]*")


def _skip_blanks(text: str, i: int) -> int:
    blanks = _BLANKS_RE.match(text, i)
    return blanks.end() if blanks is not None else i  # "*" always matches; the check is for the type


def _read_key(text: str, i: int) -> tuple[list[str], int] | None:
    """A dotted key starting at ``text[i]`` (blanks allowed around dots): its parts and end, or None."""
    parts: list[str] = []
    n = len(text)
    while True:
        i = _skip_blanks(text, i)
        if i < n and text[i] in "\"'":
            quote, j = text[i], i + 1
            while j < n and text[j] != quote:
                j += 2 if quote == '"' and text[j] == "\\" else 1
            if j >= n:
                return None
            parts.append(text[i + 1 : j])
            i = j + 1
        else:
            bare = _BARE_KEY_RE.match(text, i)
            j = bare.end() if bare is not None else i
            if j == i:
                return None
            parts.append(text[i:j])
            i = j
        i = _skip_blanks(text, i)
        if i < n and text[i] == ".":
            i += 1
            continue
        return parts, i


def _header(line: str) -> tuple[list[str], bool, int] | None:
    """``(names, is_array, column)`` for a ``[table]`` or ``[[array]]`` header line, else None."""
    start = _skip_blanks(line, 0)
    if not line.startswith("[", start):
        return None
    is_array = line.startswith("[[", start)
    opened = 2 if is_array else 1
    key = _read_key(line, start + opened)
    if key is None:
        return None
    names, i = key
    close = "]]" if is_array else "]"
    if not line.startswith(close, i):
        return None
    rest = line[_skip_blanks(line, i + len(close)) :]
    if rest and not rest.startswith("#"):
        return None
    return names, is_array, start + 1


def _key_line(line: str) -> tuple[list[str], int, int] | None:
    """``(names, column, end of '=')`` for a ``key = value`` line, else None."""
    key = _read_key(line, 0)
    if key is None:
        return None
    names, i = key
    if not line.startswith("=", i):
        return None
    return names, _skip_blanks(line, 0) + 1, i + 1


def _close_multiline(text: str, i: int, delim: str) -> int:
    """Index just past the closing ``delim`` of a multi-line string at or after ``i``, or -1.

    In a basic string (three double quotes) a backslash escapes the next character, so an
    escaped quote followed by two more is content, not the end.  Up to two extra quotes
    before the delimiter belong to the content (five quotes end a string whose text ends in two).
    """
    n = len(text)
    quote = delim[0]
    while i < n:
        ch = text[i]
        if ch == "\\" and quote == '"':
            i += 2
            continue
        if text.startswith(delim, i):
            i += 3
            extra = 0
            while i < n and text[i] == quote and extra < 2:
                i += 1
                extra += 1
            return i
        i += 1
    return -1


def _value_state(text: str, depth: int, in_ml: str | None) -> tuple[int, str | None]:
    """Scan a value fragment, returning bracket depth and any open multi-line string."""
    depth, in_ml, _peak = _value_scan(text, depth, in_ml)
    return depth, in_ml


def _value_scan(text: str, depth: int, in_ml: str | None) -> tuple[int, str | None, int]:
    """:func:`_value_state` and the deepest bracket nesting reached on the way."""
    peak = depth
    i = 0
    n = len(text)
    while i < n:
        if in_ml:
            end = _close_multiline(text, i, in_ml)
            if end < 0:
                return depth, in_ml, peak
            i = end
            in_ml = None
            continue
        ch = text[i]
        if text.startswith('"""', i) or text.startswith("'''", i):
            in_ml = text[i : i + 3]
            i += 3
            continue
        if ch == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
            continue
        if ch == "'":
            end = text.find("'", i + 1)
            i = n if end < 0 else end + 1
            continue
        if ch == "#":
            break
        if ch in "[{":
            depth += 1
            peak = max(peak, depth)
        elif ch in "]}":
            depth -= 1
        i += 1
    return depth, in_ml, peak


def too_deep(text: str, limit: int) -> int | None:
    """The first line where arrays or inline tables nest deeper than ``limit``, else None.

    ``tomllib`` parses nested values recursively, so a value like ``[[[[...]]]]`` a few
    thousand levels deep exhausts the interpreter's stack; this finds it first, in one pass.
    """
    depth = 0
    in_ml: str | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if in_ml or depth > 0:
            depth, in_ml, peak = _value_scan(line, depth, in_ml)
        elif _header(line) is not None:
            continue
        elif (key := _key_line(line)) is not None:
            value = line[key[2] :]
            if "[" not in value and "{" not in value and '"""' not in value and "'''" not in value:
                continue  # no bracket opens and no multi-line string starts: nothing to follow (most lines)
            depth, in_ml, peak = _value_scan(value, 0, None)
        else:
            continue
        if peak > limit:
            return lineno
    return None


#: The tables opened so far, as a tree: name -> ("table", subtree) or ("array", [subtree, ...]).
_Tables = dict[str, tuple[str, Any]]


def _opened(kind: str, subtree: Any) -> tuple[str, Any]:
    """A new entry of the tree; typed as the tree's entries so a walk can reuse one variable."""
    return kind, subtree


def _resolve(tables: _Tables, names: list[str], is_array: bool) -> Path:
    """The path a header opens, e.g. ``("provisions", 5, "subpoints", 0)``.

    Each name refers to the *last* element of an array of tables opened at that place, as in
    TOML itself.  Walking a tree makes this linear in the header's length (a table of counters
    keyed by every prefix was cubic in the nesting depth).
    """
    node = tables
    path: list[str | int] = []
    for i, name in enumerate(names):
        path.append(name)
        entry = node.get(name)
        if i == len(names) - 1 and is_array:
            if entry is None or entry[0] != "array":
                entry = node[name] = _opened("array", [])
            entry[1].append({})
        elif entry is None:
            entry = node[name] = _opened("table", {})
        if entry[0] == "array":
            path.append(len(entry[1]) - 1)
            node = entry[1][-1]
        else:
            node = entry[1]
    return tuple(path)


class PositionIndex:
    """Positions (1-based line, column) of tables and keys in one TOML text.

    The text is scanned on the first :meth:`locate` only: valid files, the
    common case, never need a position and never pay for the scan.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._positions: dict[Path, tuple[int, int]] | None = None

    def _scan(self, text: str) -> dict[Path, tuple[int, int]]:
        self._positions = {}
        tables: _Tables = {}
        current: Path = ()
        depth = 0
        in_ml: str | None = None
        for lineno, line in enumerate(text.splitlines(), start=1):
            if in_ml or depth > 0:
                depth, in_ml = _value_state(line, depth, in_ml)
                continue
            header = _header(line)
            if header is not None:
                names, is_array, column = header
                current = _resolve(tables, names, is_array)
                self._positions.setdefault(current, (lineno, column))
                continue
            key = _key_line(line)
            if key is not None:
                names, column, end = key
                self._positions.setdefault(current + tuple(names), (lineno, column))
                depth, in_ml = _value_state(line[end:], 0, None)
        return self._positions

    def locate(self, path: Path) -> tuple[int, int]:
        """Position of ``path``, or of its nearest recorded ancestor; (1, 1) if none."""
        positions = self._positions if self._positions is not None else self._scan(self._text)
        probe = tuple(path)
        while probe:
            if probe in positions:
                return positions[probe]
            probe = probe[:-1]
        return (1, 1)
