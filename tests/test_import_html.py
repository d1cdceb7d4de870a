"""Web pages in: ordered lists as the browser numbers them, nested lists, headings; page furniture left out."""

from __future__ import annotations

from pathlib import Path

import peacediff
from peacediff.importers.html_in import html_to_text

_PAGE = """<!DOCTYPE html><html><head><title>River Treaty – Draft 2</title>
<style>p { color: red }</style><script>var fake = "1. not a point";</script></head><body>
<nav><ul><li>Home</li><li>About</li></ul></nav>
<header>Site header</header>
<h1>River Treaty</h1>
<p>The parties have agreed as follows:</p>
<h2>Part I &amp; General</h2>
<ol start="3">
  <li>Ceasefire holds:
    <ol type="a"><li>on land;</li><li>at sea.</li></ol>
  </li>
  <li value="7"><p>Prisoners are exchanged.</p></li>
  <li>Elections follow.</li>
</ol>
<h2>Part II</h2>
<ol start="9"><li>Monitoring by:<ol type="i"><li>the UN;</li><li>the OSCE.</li></ol></li></ol>
<div style="display: none">hidden text</div>
<footer>© the site</footer>
</body></html>"""


def _shape(v) -> list:
    return [(p.number, p.text, p.category, [(s.number, s.text) for s in p.subpoints]) for p in v.provisions]


def test_lists_headings_and_page_furniture(tmp_path: Path) -> None:
    path = tmp_path / "river.html"
    path.write_text(_PAGE, encoding="utf-8")
    v = peacediff.load(path)
    assert _shape(v) == [
        (None, "The parties have agreed as follows:", None, []),
        ("3", "Ceasefire holds:", "River Treaty — Part I & General", [("a", "on land;"), ("b", "at sea.")]),
        ("7", "Prisoners are exchanged.", "River Treaty — Part I & General", []),
        ("8", "Elections follow.", "River Treaty — Part I & General", []),
        ("9", "Monitoring by:", "River Treaty — Part II", [("i", "the UN;"), ("ii", "the OSCE.")]),
    ]
    assert v.title == "River Treaty – Draft 2" and v.id == "river"
    text = html_to_text(_PAGE)[0]
    for furniture in ("not a point", "Home", "Site header", "hidden text", "the site", "color"):
        assert furniture not in text


def test_nested_numbered_lists_reversed_lists_and_tables() -> None:
    text, _, title = html_to_text(
        "<ol reversed start='3'><li>Three<ol><li>nested one</li></ol></li><li>Two</li></ol>"
        "<ul><li>a bullet</li></ul><table><tr><th>Year</th><th>Cap</th></tr>"
        "<tr><td>2026</td><td>600,000</td></tr></table>"
    )
    assert [line for line in text.splitlines() if line] == [
        "3. Three", "3.1. nested one", "2. Two", "- a bullet", "Year | Cap", "2026 | 600,000",
    ]
    assert title is None


def test_a_utf16_page_with_a_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(_PAGE.encode("utf-16"))
    assert [p.number for p in peacediff.load(path).provisions] == [None, "3", "7", "8", "9"]


def test_a_list_nested_past_the_depth_a_version_holds_reads_at_the_last_level(tmp_path: Path) -> None:
    """2,000 nested <ol> (a hostile page) used to overflow the stack; the items past the limit are
    read as siblings at the deepest level a version holds, and the notes say so."""
    from peacediff.model import MAX_DEPTH

    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<ol><li>Level item" * 2000 + "</li></ol>" * 2000 + "</body></html>",
                    encoding="utf-8")
    v = peacediff.load(page)
    depth, node = 0, v.provisions[0]
    while node.subpoints:
        node, depth = node.subpoints[0], depth + 1
    assert depth == MAX_DEPTH
    assert f"deeper than {MAX_DEPTH} levels" in (v.note or "")


def test_a_long_reversed_list_counts_down_from_its_length(tmp_path: Path) -> None:
    page = tmp_path / "countdown.html"
    page.write_text("<html><body><ol reversed>" + "".join(f"<li>Step {k}.</li>" for k in range(1, 601))
                    + "</ol></body></html>", encoding="utf-8")
    v = peacediff.load(page)
    assert [(p.number, p.text) for p in v.provisions] == [(str(601 - k), f"Step {k}.") for k in range(1, 601)]


def test_a_superscript_left_open_loses_no_text() -> None:
    text, _notes, _title = html_to_text("<p>1. Basin<sup>2</p><p>2. The parties agree.</p><p>3. More.</p>")
    assert "2. The parties agree." in text and "3. More." in text
    closed, _notes, _title = html_to_text("<p>1. Basin.<sup>1</sup></p><p>2. The parties agree.</p>")
    assert "<sup>" not in closed and "Basin.1" not in closed
