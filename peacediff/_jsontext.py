"""JSON text for people and programs: readable UTF-8, but nothing that can act on a terminal.

``json.dumps(..., ensure_ascii=False)`` keeps Cyrillic and Arabic readable but passes C1 controls
(U+0080-9F: some terminals read U+009B as an escape sequence), bidi overrides (which reorder what a
reviewer sees) and invisible characters through as they are.  :func:`dumps` writes those as
``\\uXXXX`` escapes, which every JSON parser reads back to the same string.
"""

from __future__ import annotations

import json
import re
from typing import Any

from peacediff._chars import JSON_ESCAPED_RE

__all__ = ["dumps"]


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """``data`` as JSON text, non-ASCII letters kept, invisible and control characters escaped.

    Example::

        >>> dumps({"text": "Ки\\u202eїв"}, indent=None)
        '{"text": "Ки\\\\u202eїв"}'
    """
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    # Every such character sits inside a string literal (JSON's own syntax is ASCII), where a
    # \\uXXXX escape means the same character.
    return JSON_ESCAPED_RE.sub(_escape, text)
