"""One place names the characters untrusted text may not carry: each output's set is composed from
it, and each output treats every such character exactly as it did when each had its own copy."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacediff import _chars
from peacediff._jsontext import dumps
from peacediff._messages import shown
from peacediff.render import visible_controls
from peacediff.render._safetext import safe_url

#: Every code point that can stand in a Python string of text (no surrogates).
ALL = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))

# The sets as each module wrote them before they shared one source, kept here as the reference.
_OLD_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}"
                                                for p in range(17))
_OLD_INVISIBLE = "\u115f\u1160\u180e\u200b\u2028\u2029\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
OLD = {
    "messages": re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"),
    "json": re.compile("[\x7f-\x9f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                       "\u3164\ufdd0-\ufdef\ufeff\uffa0\ufff9-\ufffb\ufffe\uffff]"),
    # and the tag characters since a URL holding one passed safe_url and then had it shown as a
    # token inside its href: a link to somewhere else
    "not-text": re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{_OLD_INVISIBLE}"
                           f"{_OLD_NONCHARACTERS}\U000e0000-\U000e007f]"),
    "scan": re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff"
                       + _OLD_INVISIBLE + "\U00010000-\U0010ffff]"),
}
NEW = {
    "messages": _chars.TERMINAL_UNSAFE_RE,
    "json": _chars.JSON_ESCAPED_RE,
    "not-text": _chars.NOT_TEXT_RE,
    "scan": _chars.SUSPECT_SCAN_RE,
}


@pytest.mark.parametrize("use", sorted(OLD))
def test_each_use_matches_the_same_code_points_as_before(use):
    assert NEW[use].findall(ALL) == OLD[use].findall(ALL)


def _old_visible(text: str) -> str:
    def show(m: re.Match[str]) -> str:
        code = ord(m.group())
        if code > 0xFFFF and code & 0xFFFE != 0xFFFE and not 0xE0000 <= code <= 0xE007F:
            return m.group()
        return f"⟨U+{code:04X}⟩"

    return OLD["scan"].sub(show, text)


def test_the_redlines_show_every_code_point_as_before():
    assert visible_controls(ALL) == _old_visible(ALL)


def test_messages_and_json_treat_every_code_point_as_before():
    assert shown(ALL) == OLD["messages"].sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", ALL)
    old_json = OLD["json"].sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(ALL, ensure_ascii=False))
    assert dumps(ALL) == old_json


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u2069", "\x9b", "\x7f"])
def test_every_output_guards_the_reordering_and_terminal_controls(char):
    # The characters every output must neutralise: bidi overrides and isolates, C1, DEL.
    text = f"a{char}b"
    assert char not in shown(text)
    assert char not in visible_controls(text)
    assert char not in dumps(text)
    assert _chars.NOT_TEXT_RE.search(text)


@given(st.text())
def test_guarded_text_reads_back_and_shows_no_scan_match(text):
    # JSON escapes are lossless; the redline form leaves nothing a scan would flag but ordinary
    # astral characters.
    assert json.loads(dumps(text)) == text
    shown_text = visible_controls(text)
    assert all(ord(c) > 0xFFFF and not _chars.is_shown_astral(ord(c))
               for c in _chars.SUSPECT_SCAN_RE.findall(shown_text))


def test_the_token_is_one_form_everywhere():
    assert _chars.token("\u202e") == "⟨U+202E⟩" == shown("\u202e") == visible_controls("\u202e")
    assert _chars.token("\U000e0041") == visible_controls("\U000e0041") == "⟨U+E0041⟩"


def test_a_url_holds_no_character_a_redline_shows_as_a_token():
    # A link goes where its text says or is not a link: a character the page writes as a token
    # inside the href would send the reader somewhere else.  Every code point the redline shows as a
    # token: the BMP's, the tag characters and the astral noncharacters (is_shown_astral).
    astral = [*range(0xE0000, 0xE0080), *(p * 0x10000 + end for p in range(1, 17) for end in (0xFFFE, 0xFFFF))]
    shown_as_tokens = [c for c in map(chr, [*range(0x10000), *astral]) if c not in "\t\n" and visible_controls(c) != c]
    assert len(shown_as_tokens) > 100
    kept = [f"U+{ord(c):04X}" for c in shown_as_tokens if safe_url(f"https://example.org/a{c}b") is not None]
    assert kept == []
