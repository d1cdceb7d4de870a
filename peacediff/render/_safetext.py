"""Safe text: the characters no output may carry as they are, and the links a page may follow.

Document text is untrusted.  :func:`visible_controls` replaces control, bidi-override and
never-visible characters with a visible ``⟨U+XXXX⟩`` token in every format;
:func:`expose_invisible` shows the invisible characters a change consists of; :func:`safe_url`
and :func:`safe_href` keep only links that cannot run script or leave the page's own site.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from peacediff._chars import NOT_TEXT_RE, SUSPECT_SCAN_RE, is_shown_astral, token

# NOT_TEXT_RE is what no redline carries as it is (peacediff._chars names each part): C0 controls but tab and
# newline, DEL and C1, the bidi embedding, override and isolate controls, characters that draw
# nothing, noncharacters, tag characters.  Bidi marks (LRM/RLM/ALM) stay: right-to-left text needs them and they
# cannot reorder text beyond their own neighbourhood.  No URL may hold one either.

_SAFE_URL_SCHEMES = frozenset({"http", "https"})
_SPACE_RE = re.compile(r"\s")


def _show(match: re.Match[str]) -> str:
    c = match.group()
    code = ord(c)
    return c if code > 0xFFFF and not is_shown_astral(code) else token(c)


def visible_controls(text: str) -> str:
    """Replace control, bidi-override and never-visible characters with a ``⟨U+XXXX⟩`` token.

    Example::

        >>> visible_controls("abc\\u202edef")
        'abc⟨U+202E⟩def'
    """
    if not SUSPECT_SCAN_RE.search(text):
        return text
    return SUSPECT_SCAN_RE.sub(_show, text)


# Characters a reader cannot see, beyond _chars.INVISIBLE (which is always shown): joiners, direction
# marks, soft hyphen, variation selectors, spaces other than the plain one.  They belong in some
# text (Persian needs ZWNJ, emoji need ZWJ), so they are shown only where a change consists of
# them, or where they are all that tells a deletion from the insertion beside it.
# A quick test for text that may hold such a character (a superset: every Cf, Zs, Zl and Zp
# character of Unicode 15 and the variation selectors); _hidden decides exactly.
_HIDDEN_RE = re.compile("[\u00a0\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u1680\u180b-\u180f"
                        "\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
                        "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                        "\U000e0001-\U000e007f\U000e0100-\U000e01ef]")


def _hidden(c: str) -> bool:
    if c in " \n\t":
        return False
    category = unicodedata.category(c)
    if category in ("Cf", "Zs", "Zl", "Zp"):
        return True
    return category == "Mn" and "VARIATION SELECTOR" in unicodedata.name(c, "")


def _visible_form(text: str) -> str:
    # What the reader sees: zero-width characters vanish, every kind of space is a space.
    drawn = "".join((" " if unicodedata.category(c)[0] == "Z" else "") if _hidden(c) else c for c in text)
    return " ".join(drawn.split())


def _show_hidden(text: str) -> str:
    return "".join(token(c) if _hidden(c) else c for c in text)


def expose_invisible(segs: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Runs with invisible changes made visible: a deletion or insertion that shows nothing
    (``"\u200d"``, a no-break space), or a deletion and the insertion beside it that look
    alike (``"Kyiv"`` → ``"Kyi\u200bv"``), has its invisible characters written as ``⟨U+200D⟩``.

    Example::

        >>> expose_invisible((("eq", "a"), ("ins", "\u00a0"), ("eq", "b")))
        (('eq', 'a'), ('ins', '⟨U+00A0⟩'), ('eq', 'b'))
    """
    out = list(segs)
    for i, (kind, text) in enumerate(segs):
        if kind == "eq" or not _HIDDEN_RE.search(text):
            continue
        seen = _visible_form(text)
        twins = [j for j in (i - 1, i + 1) if 0 <= j < len(segs) and segs[j][0] not in ("eq", kind)]
        if not seen.strip() or any(_visible_form(segs[j][1]) == seen for j in twins):
            out[i] = (kind, _show_hidden(text))
            for j in twins:
                out[j] = (segs[j][0], _show_hidden(segs[j][1]))
    return tuple(out)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL without whitespace or controls, else None."""
    if not url or NOT_TEXT_RE.search(url) or _SPACE_RE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_URL_SCHEMES or not parts.netloc:
        return None
    return url


class Styled(str):
    """Text the renderer already made safe for its format (ANSI codes, escaped Markdown)."""

    __slots__ = ()


_RELATIVE_HREF_RE = re.compile(r"^[A-Za-z0-9._~/-]+(?:#[A-Za-z0-9._-]*)?$")


def safe_href(href: str) -> str | None:
    if _RELATIVE_HREF_RE.match(href) and not href.startswith("//"):
        return href
    return safe_url(href)
