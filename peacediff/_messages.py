"""Untrusted text inside error messages: file names, field names, ids read from a document.

A terminal obeys escape sequences, so a file named ``"\\x1b]0;pwned\\x07.toml"`` printed raw
would retitle the window or clear the screen.  :func:`shown` replaces every control, C1 and
bidi-override character with the same visible ``⟨U+XXXX⟩`` token the redlines use.
"""

from __future__ import annotations

from peacediff._chars import TERMINAL_UNSAFE_RE, token

__all__ = ["shown"]


def shown(text: object) -> str:
    """``text`` with control and bidi characters made visible.

    Example::

        >>> shown("a\\x1b[2Jb.toml")
        'a⟨U+001B⟩[2Jb.toml'
    """
    value = str(text)
    if not TERMINAL_UNSAFE_RE.search(value):
        return value
    return TERMINAL_UNSAFE_RE.sub(lambda m: token(m.group()), value)
