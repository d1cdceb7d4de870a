"""The characters untrusted text may not carry as they are, each set named once by what it is.

Three outputs guard against them, each in its own way: error messages show them as a
``⟨U+XXXX⟩`` token (:mod:`peacediff._messages`), JSON writes them as ``\\uXXXX`` escapes
(:mod:`peacediff._jsontext`), and the redlines show them as the same token (``peacediff.render``).
The sets differ by what each output must allow (a redline keeps its line breaks; JSON already
escapes C0 itself), so each output composes its class from the named parts below, and a
character that belongs to one purpose is written in one place only.

Each constant is the inside of a regular-expression character class (ranges allowed).

Example::

    >>> TERMINAL_UNSAFE_RE.sub(lambda m: token(m.group()), "a\\x1b[2Jb")
    'a⟨U+001B⟩[2Jb'
"""

from __future__ import annotations

import re

__all__ = [
    "BIDI_CONTROLS",
    "BIDI_MARKS",
    "C0",
    "C0_EXCEPT_LAYOUT",
    "DEL_C1",
    "INVISIBLE",
    "JOINERS",
    "JSON_ESCAPED_RE",
    "NONCHARACTERS",
    "NONCHARACTERS_BMP",
    "NOT_TEXT_RE",
    "RESERVED_FORMAT",
    "SOFT_HYPHEN",
    "SUSPECT_SCAN_RE",
    "TERMINAL_UNSAFE_RE",
    "is_shown_astral",
    "token",
]

#: C0 controls, tab and newline included: in a one-line message a newline would forge a line.
C0 = "\x00-\x1f"
#: C0 controls except tab and newline, which lay out running text.
C0_EXCEPT_LAYOUT = "\x00-\x08\x0b-\x1f"
#: DEL and the C1 controls (U+009B is a one-character CSI to some terminals).
DEL_C1 = "\x7f-\x9f"
#: Bidi embeddings, overrides (U+202A-E) and isolates (U+2066-9): the "Trojan Source" set, which
#: reorders text beyond its own neighbourhood.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
#: Bidi marks (ALM, LRM, RLM): right-to-left text needs them, and they reorder only their
#: neighbourhood, so the redlines keep them; a one-line message or JSON does not.
BIDI_MARKS = "\u061c\u200e\u200f"
#: Zero-width non-joiner and joiner: Persian needs ZWNJ, emoji need ZWJ.
JOINERS = "\u200c\u200d"
#: The soft hyphen: drawn only at a line break.
SOFT_HYPHEN = "\u00ad"
#: Characters that draw nothing and have no use in running text: Hangul fillers, Mongolian vowel
#: separator, zero-width space, line and paragraph separators, word joiner and invisible operators,
#: deprecated format controls, BOM, half-width Hangul filler, interlinear annotation.  A change
#: made of them would look like no change at all.
INVISIBLE = "\u115f\u1160\u180e\u200b\u2028\u2029\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
#: U+2065, unassigned but reserved as an invisible format control among the bidi isolates.
RESERVED_FORMAT = "\u2065"
#: Noncharacters of the Basic Multilingual Plane: U+FDD0-FDEF, U+FFFE, U+FFFF.
NONCHARACTERS_BMP = "\ufdd0-\ufdef\ufffe\uffff"
#: Every noncharacter: those of the BMP and the last two code points of every other plane.
#: Not text, and they make an HTML document invalid.
NONCHARACTERS = NONCHARACTERS_BMP + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}"
                                            for p in range(1, 17))
_TAG_FIRST, _TAG_LAST = 0xE0000, 0xE007F
#: Tag characters (U+E0000-E007F): they draw nothing and spell hidden ASCII text.
TAGS = f"{chr(_TAG_FIRST)}-{chr(_TAG_LAST)}"
_ASTRAL = "\U00010000-\U0010ffff"

#: What a one-line terminal message shows as a token (:func:`peacediff._messages.shown`).
TERMINAL_UNSAFE_RE = re.compile(f"[{C0}{DEL_C1}{BIDI_MARKS}{BIDI_CONTROLS}]")

#: What JSON text writes as ``\\uXXXX``: json escapes C0 itself; DEL is harmless in a string literal
#: but goes with C1; line and paragraph separators are line breaks to JavaScript.
JSON_ESCAPED_RE = re.compile(
    f"[{DEL_C1}{SOFT_HYPHEN}{BIDI_MARKS}{JOINERS}{INVISIBLE}{BIDI_CONTROLS}{RESERVED_FORMAT}{NONCHARACTERS_BMP}]"
)

#: Characters that are not text at all: no URL may hold one, and no asset of ours does.
NOT_TEXT_RE = re.compile(f"[{C0_EXCEPT_LAYOUT}{DEL_C1}{BIDI_CONTROLS}{INVISIBLE}{NONCHARACTERS}{TAGS}]")

#: What a redline shows as a token, scanned fast: Python's regex engine scans a class of scattered
#: astral code points slowly (9 ms over a 100 KB page), a plain range quickly, so every astral
#: character matches and :func:`is_shown_astral` sorts them.
SUSPECT_SCAN_RE = re.compile(f"[{C0_EXCEPT_LAYOUT}{DEL_C1}{BIDI_CONTROLS}{NONCHARACTERS_BMP}{INVISIBLE}{_ASTRAL}]")


def is_shown_astral(code: int) -> bool:
    """Whether an astral code point is shown as a token: a noncharacter, or a tag character
    (U+E0000-E007F, which spell hidden ASCII text).  An ordinary astral character (emoji, CJK
    extensions) stays as it is."""
    return code & 0xFFFE == 0xFFFE or _TAG_FIRST <= code <= _TAG_LAST


def token(char: str) -> str:
    """The visible stand-in for a character no output carries as it is: ``⟨U+202E⟩``.

    Example::

        >>> token("\\u202e")
        '⟨U+202E⟩'
    """
    return f"⟨U+{ord(char):04X}⟩"
