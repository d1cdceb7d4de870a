"""Find where a value sits in TOML source, so errors can name a line and column.

``tomllib`` parses TOML but forgets positions.  This module re-reads the text
line by line and records, for every table header and key, the path it defines
(``("provisions", 5, "parameters", "armed_forces_cap")``) and its position.
It understands the subset of TOML that version files use - tables, arrays of
tables, dotted keys, multi-line strings and arrays - and falls back to the
nearest enclosing table for anything else.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*(\]\]?)\s*(?:#.*)?$")
_KEY_RE = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(dotted: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return [p[1:-1] if p[:1] in "\"'" else p for p in parts]


def _value_state(text: str, depth: int, in_ml: str | None) -> tuple[int, str | None]:
    """Scan a value fragment, returning bracket depth and any open multi-line string."""
    i = 0
    n = len(text)
    while i < n:
        if in_ml:
            end = text.find(in_ml, i)
            if end < 0:
                return depth, in_ml
            i = end + 3
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
        elif ch in "]}":
            depth -= 1
        i += 1
    return depth, in_ml


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
        counters: dict[tuple[str | int, ...], int] = {}
        current: Path = ()
        depth = 0
        in_ml: str | None = None
        for lineno, line in enumerate(text.splitlines(), start=1):
            if in_ml or depth > 0:
                depth, in_ml = _value_state(line, depth, in_ml)
                continue
            header = _HEADER_RE.match(line)
            if header and header.group(1) == header.group(3)[::-1].replace("]", "["):
                names = _split_key(header.group(2))
                is_array = header.group(1) == "[["
                current = self._resolve(names, counters, is_array)
                self._positions.setdefault(current, (lineno, line.index("[") + 1))
                continue
            key = _KEY_RE.match(line)
            if key:
                path = current + tuple(_split_key(key.group(1)))
                self._positions.setdefault(path, (lineno, len(line) - len(line.lstrip()) + 1))
                depth, in_ml = _value_state(line[key.end() :], 0, None)
        return self._positions

    def _resolve(self, names: list[str], counters: dict[Path, int], is_array: bool) -> Path:
        # Each name in a header refers to the *last* element of any array of
        # tables already opened at that prefix; this mirrors TOML's own rule.
        path: list[str | int] = []
        for i, name in enumerate(names):
            path.append(name)
            prefix = tuple(path)
            last = i == len(names) - 1
            if last and is_array:
                index = counters.get(prefix, -1) + 1
                counters[prefix] = index
                # A fresh element: forget counters of arrays nested in the old one.
                for stale in [k for k in counters if len(k) > len(prefix) and k[: len(prefix)] == prefix]:
                    del counters[stale]
                path.append(index)
            elif prefix in counters:
                path.append(counters[prefix])
        return tuple(path)

    def locate(self, path: Path) -> tuple[int, int]:
        """Position of ``path``, or of its nearest recorded ancestor; (1, 1) if none."""
        positions = self._positions if self._positions is not None else self._scan(self._text)
        probe = tuple(path)
        while probe:
            if probe in positions:
                return positions[probe]
            probe = probe[:-1]
        return (1, 1)
