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

__all__ = ["dumps"]

# C1 controls, zero-width and invisible format characters, bidi embeddings/overrides/isolates,
# line and paragraph separators (line breaks to JavaScript), BOM, noncharacters.  json already
# escapes C0 controls and DEL is harmless in a string literal, but is escaped too.
_ESCAPE_RE = re.compile("[\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                        "\u3164\ufdd0-\ufdef\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff]")


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
    return _ESCAPE_RE.sub(_escape, text)
