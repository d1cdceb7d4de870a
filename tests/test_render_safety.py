"""Hostile document text through every format: nothing is injected, nothing reorders the page.

Document text (titles, provisions, quotes, outlets, notes, parameter values, URLs) is untrusted.
The property: whatever the text, the HTML has only the renderer's own elements and attributes,
links go only to anchors of the page or to the http(s) source URLs, the one script and the one
stylesheet are ours, and no control or bidi-override character reaches any output.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from render_fixtures import hostile_comparison
from test_render import assert_links_resolve, assert_redline_contract, changes_of, text_of

from peacediff._chars import NOT_TEXT_RE as _CONTROL_RE
from peacediff._jsontext import dumps
from peacediff.compare import Comparison, compare
from peacediff.model import Version
from peacediff.render import (
    build_view,
    expose_invisible,
    md_url,
    render_html,
    render_html_fragment,
    render_index_html,
    render_markdown,
    render_text,
    render_version_html,
    render_version_markdown,
    render_version_text,
    safe_url,
    visible_controls,
)
from peacediff.render._environment import page_assets as _assets

PAYLOADS = [
    "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "' onmouseover='alert(1)", "</style>",
    "</textarea>", "</script>", "<!--", "-->", "<![CDATA[", "\u202e", "\u2066", "\u2067", "\u2069", "\u202b",
    "&lt;", "&amp;", "&#x3c;", "{{ 7*7 }}", "{% if %}", "javascript:alert(1)", "[x](javascript:alert(1))",
    "![i](https://evil.example/x.png)", "<https://evil.example>", "https://evil.example", "www.evil.example",
    "a@evil.example", "\x1b[31m", "\x1b]8;;https://evil\x07", "\r", "\x7f", "\x85", "*", "**", "_", "~~", "`",
    "|", "\\", "# ", "\n# h", "\n- x", "\n1. x", "\n> q", "\n===", "<del>", "</ins>", "<b>", "\ufeff",
    "\ufffe", "Київ", "שלום", "\u200f",
]
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(PAYLOADS),
        st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=6),
    ),
    min_size=1,
    max_size=6,
).map("".join)

ALLOWED_TAGS = {
    "html", "head", "body", "meta", "link", "title", "style", "script", "div", "header", "main", "footer",
    "section", "nav", "article", "aside", "h1", "h2", "h3", "p", "span", "strong", "b", "small", "code", "a",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "del", "ins", "q",
    "button", "details", "summary", "br", "fragment",
}
ALLOWED_ATTRS = {
    "lang", "class", "id", "href", "rel", "title", "type", "hidden", "aria-pressed", "aria-label", "charset",
    "name", "content", "http-equiv", "data-pd-root", "data-kind", "data-old", "data-new", "data-old-label",
    "data-new-label", "value", "scope", "role", "open", "data-mark", "data-label", "aria-hidden", "colspan",
}

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def parse(html: str, fragment: bool = False) -> ET.Element:
    # Not strict: hostile text may hold characters the HTML5 spec calls parse errors (noncharacters
    # are shown, but e.g. lone combining marks are fine); structure is what is checked.
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    if fragment:
        root = ET.Element("fragment")
        root.extend(parser.parseFragment(html))
        return root
    return parser.parse(html)


def source_urls(text: str) -> list[str]:
    """The http(s) source URL hostile_comparison builds from ``text``, when it is a safe one."""
    url = safe_url(f"https://example.org/{text if text.strip() else text + 'x'}")
    return [url] if url else []


def assert_only_our_markup(root: ET.Element, text: str, also: tuple[str, ...] = ()) -> None:
    css, script, _ = _assets()
    allowed_urls = set(source_urls(text)) | set(also)
    scripts = list(root.iter("script"))
    assert len(scripts) <= 1
    for s in scripts:
        assert (s.text or "") == str(script)
    for s in root.iter("style"):
        assert (s.text or "") == str(css)
    for el in root.iter():
        assert el.tag in ALLOWED_TAGS, f"unexpected element <{el.tag}>"
        extra = set(el.attrib) - ALLOWED_ATTRS
        assert not extra, f"unexpected attributes {extra} on <{el.tag}>"
        href = el.get("href")
        if href is not None and el.tag == "a":
            assert href.startswith("#") or href in allowed_urls, href
        for value in el.attrib.values():
            assert not _CONTROL_RE.search(value)


def assert_no_controls(output: str, *, allow_ansi: bool = False) -> None:
    if allow_ansi:
        output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    assert not _CONTROL_RE.search(output), repr(_CONTROL_RE.search(output))


@SETTINGS
@given(hostile_text)
def test_html_page_carries_hostile_text_as_text(text: str) -> None:
    comparison = hostile_comparison(text)
    html = render_html(comparison)
    assert_no_controls(html)
    root = parse(html)
    assert_only_our_markup(root, text)
    assert len(changes_of(root)) == len(comparison.changes)
    assert_redline_contract(root, comparison)
    assert_links_resolve(root)
    title = text_of(next(root.iter("title")))
    assert title == visible_controls(f"Redline: {comparison.old.title} → {comparison.new.title}")
    assert sum(1 for _ in root.iter("h1")) == 1


@SETTINGS
@given(hostile_text)
def test_html_fragment_version_and_index_carry_hostile_text_as_text(text: str) -> None:
    comparison = hostile_comparison(text)
    for html, fragment in (
        (render_html_fragment(comparison), True),
        (render_version_html(comparison.old), True),
    ):
        assert_no_controls(html)
        assert_only_our_markup(parse(html, fragment=fragment), text)
    index = render_index_html([("a.html", comparison), (text, comparison)], title=text)
    assert_no_controls(index)
    # index hrefs come from the caller (file names), not from documents: relative paths and
    # http(s) URLs are linked, anything else is not
    relative = re.fullmatch(r"[A-Za-z0-9._~/-]+(#[A-Za-z0-9._-]*)?", text) and not text.startswith("//")
    linked = ("a.html",) + ((text,) if relative or safe_url(text) else ())
    assert_only_our_markup(parse(index), text, also=linked)


def md_parser():
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])


@SETTINGS
@given(hostile_text)
def test_markdown_carries_hostile_text_as_text(text: str) -> None:
    comparison = hostile_comparison(text)
    md = render_markdown(comparison)
    assert_no_controls(md)
    tokens = md_parser().parse(md)
    assert not [t for t in tokens if t.type == "html_block"]
    allowed = source_urls(text)
    headings = [t.tag for t in tokens if t.type == "heading_open"]
    shown = sum(1 for ch in comparison.changes if ch.kind != "unchanged" or ch.renumbered or ch.moved)
    view = build_view(comparison)
    # figures, disputed figures, kinds, parameters, dropped, not reported
    summary = 4 + bool(view.figures) + bool(view.disputed)
    assert headings == ["h1", "h2"] + ["h3"] * summary + ["h2"] + ["h3"] * shown
    for tok in tokens:
        if tok.type == "tr_open":
            continue
        for child in tok.children or ():
            assert child.type != "image"
            if child.type == "html_inline":
                assert child.content in ("<del>", "</del>", "<ins>", "</ins>"), child.content
            if child.type == "link_open":
                href = child.attrs["href"]
                normal = md_parser().normalizeLink
                assert any(href in (normal(u), normal(md_url(u).replace("\\&", "&"))) for u in allowed), href
    # tables keep their shape: no pipe or newline in text makes an extra cell
    rows, cells = [], 0
    for tok in tokens:
        if tok.type == "tr_open":
            cells = 0
        elif tok.type in ("th_open", "td_open"):
            cells += 1
        elif tok.type == "tr_close":
            rows.append(cells)
    assert set(rows) <= {2, 3, 4}
    assert_no_controls(render_version_markdown(comparison.old))


@SETTINGS
@given(hostile_text)
def test_text_shows_controls_and_sends_only_our_ansi_codes(text: str) -> None:
    comparison = hostile_comparison(text)
    plain = render_text(comparison)
    assert "\x1b" not in plain
    assert_no_controls(plain)
    coloured = render_text(comparison, color=True)
    assert set(re.findall(r"\x1b\[[0-9;]*m", coloured)) <= {"\x1b[31;9m", "\x1b[34;4m", "\x1b[1m", "\x1b[2m",
                                                           "\x1b[0m"}
    assert_no_controls(coloured, allow_ansi=True)
    assert_no_controls(render_version_text(comparison.old))


def test_known_attacks_are_inert() -> None:
    attack = "\"'><img src=x onerror=alert(1)></style><script>alert(2)</script>\u202e</textarea>"
    comparison = hostile_comparison(attack)
    html = render_html(comparison)
    assert "<img" not in html and "<script>alert" not in html and "\u202e" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "⟨U+202E⟩" in html
    assert 'href="javascript:' not in html
    md = render_markdown(comparison)
    assert not re.search(r"(?<!\\)<img", md) and "\\<img" in md
    text = render_text(comparison)
    assert "⟨U+202E⟩" in text


# --------------------------------------------------------------------------------------------
# Invisible changes are made visible; JSON escapes what could act on a terminal
# --------------------------------------------------------------------------------------------


def _pair(old_text: str, new_text: str) -> Comparison:
    old = Version.from_texts("a", [("1", old_text)])
    new = Version.from_texts("b", [("1", new_text)])
    return compare(old, new)


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff", "\u2063", "\u3164"])
def test_invisible_characters_are_shown_in_every_format(invisible: str) -> None:
    token = f"⟨U+{ord(invisible):04X}⟩"
    comparison = _pair("The parties agree.", f"The parties{invisible} agree.")
    assert comparison.changes[0].kind == "modified"
    for fmt, out in (("html", render_html(comparison)), ("md", render_markdown(comparison)),
                     ("text", render_text(comparison)), ("fragment", render_html_fragment(comparison))):
        assert invisible not in out, fmt
        assert token in out, f"{fmt}: a change made only of {token} looks like no change"


@pytest.mark.parametrize("old_text,new_text,token", [
    ("Forces withdraw.", "Forces\u00a0withdraw.", "⟨U+00A0⟩"),    # a no-break space for a space
    ("Forces withdraw.", "Forces withdraw\u200d.", "⟨U+200D⟩"),    # a joiner appended to a word
    ("The parties meet in Kyiv and agree.", "The parties meet in Ky\u200civ and agree.", "⟨U+200C⟩"),
    ("Forces withdraw.", "Forces withdraw\u00ad.", "⟨U+00AD⟩"),    # a soft hyphen
])
def test_changes_that_look_like_nothing_show_their_characters(old_text: str, new_text: str, token: str) -> None:
    comparison = _pair(old_text, new_text)
    assert comparison.changes[0].kind == "modified"
    root = parse(render_html(comparison))
    inserted = "".join(text_of(i) for i in root.iter("ins"))
    assert token in inserted, f"the insertion {inserted!r} looks like nothing"
    assert token in render_text(comparison)
    assert token in render_markdown(comparison)


def test_joiners_in_ordinary_text_are_left_alone() -> None:
    # Persian needs ZWNJ, emoji need ZWJ: where the change shows visibly, they stay as written.
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    comparison = _pair("The parties agree.", f"The parties agree {persian} {family}.")
    html = render_html(comparison)
    assert persian in html and family in html
    assert expose_invisible((("eq", "a\u200cb"),)) == (("eq", "a\u200cb"),)


def test_json_escapes_c1_controls_bidi_overrides_and_invisible_characters() -> None:
    hostile = "Київ\u202e\u0085\u009b2J\u200b\u2066\u2028x"
    out = dumps({"text": hostile, "list": [hostile]})
    assert json.loads(out) == {"text": hostile, "list": [hostile]}
    assert "Київ" in out, "letters stay readable"
    assert not re.search("[\x7f-\x9f\u200b\u2028\u202a-\u202e\u2066-\u2069]", out)
    for code in ("\\u202e", "\\u0085", "\\u009b", "\\u200b", "\\u2066", "\\u2028"):
        assert code in out


def test_cli_json_output_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from peacediff.cli import main

    for name, text in (("a.txt", "Forces withdraw within 30 days."),
                       ("b.txt", "Forces withdraw within 60 days.\u202e\u0085")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\u0085" not in out and "\\u202e" in out
    json.loads(out)
