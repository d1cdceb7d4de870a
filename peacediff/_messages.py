"""Untrusted text inside error messages: file names, field names, ids read from a document.

A terminal obeys escape sequences, so a file named ``"\\x1b]0;pwned\\x07.toml"`` printed raw
would retitle the window or clear the screen.  :func:`shown` replaces every control, C1 and
bidi-override character with the same visible ``⟨U+XXXX⟩`` token the redlines use.
"""

from __future__ import annotations

import re

__all__ = ["shown"]

# C0 controls (tab and newline too: a file name with a newline would forge a message line),
# DEL, C1 controls (U+009B is a one-character CSI), bidi embeddings, overrides and isolates.
_SUSPECT_RE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: object) -> str:
    """``text`` with control and bidi characters made visible.

    Example::

        >>> shown("a\\x1b[2Jb.toml")
        'a⟨U+001B⟩[2Jb.toml'
    """
    value = str(text)
    if not _SUSPECT_RE.search(value):
        return value
    return _SUSPECT_RE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", value)
