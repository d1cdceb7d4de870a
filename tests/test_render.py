"""The redline renderers: HTML markup contract, anchors, summaries, Markdown, text, notebook display.

Most tests use hand-built comparisons (tests/render_fixtures.py) so they do not depend on the diff
engine; the last group renders the bundled comparisons when the engine and data are present.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable

import html5lib
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from render_fixtures import budget_comparison, hostile_comparison, large_comparison, sample_comparison

from peacediff.compare import Change, Comparison, compare
from peacediff.model import Provision, Removal, Version
from peacediff.render import (
    build_view,
    render_html,
    render_html_fragment,
    render_index_html,
    render_markdown,
    render_text,
    render_version_html,
    render_version_markdown,
    render_version_text,
    segments,
    visible_controls,
)

# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def parse(html: str, *, fragment: bool = False) -> ET.Element:
    """Parse with the HTML5 algorithm in strict mode: any parse error fails the test."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=True,
                                 namespaceHTMLElements=False)
    if fragment:
        root = ET.Element("fragment")
        root.extend(parser.parseFragment(html))
        return root
    return parser.parse(html)


def text_of(el: ET.Element, *, drop: str | None = None) -> str:
    """An element's text content, leaving out the content (not the tail) of ``drop`` elements."""
    parts = [el.text or ""]
    for child in el:
        if child.tag != drop:
            parts.append(text_of(child, drop=drop))
        parts.append(child.tail or "")
    return "".join(parts)


def changes_of(root: ET.Element) -> list[ET.Element]:
    """The top-level change elements (sub-point changes are nested inside them)."""
    return [el for el in root.iter("section") if el.get("data-kind") is not None]


def child_with_class(el: ET.Element, cls: str) -> ET.Element | None:
    for child in el:
        if cls in (child.get("class") or "").split():
            return child
    return None


def sub_elements(el: ET.Element) -> list[ET.Element]:
    subs = child_with_class(el, "subs")
    return [] if subs is None else [li for li in subs if li.get("data-kind") is not None]


def assert_change_element(el: ET.Element, ch: Change) -> None:
    """One change element (a provision or a sub-point): data attributes, and its redline rebuilds
    both texts: the whole text, or the provision's own text when its sub-points are drawn apart."""
    assert el.get("data-kind") == ch.kind
    assert el.get("data-old") == ",".join(ch.old_numbers)
    assert el.get("data-new") == ",".join(ch.new_numbers)
    redline = child_with_class(el, "redline")
    if ch.kind == "unknown":
        assert redline is None, "an unknown fate is not a deletion: no redline"
        assert not list(el.iter("del")), "an unknown fate is never struck through"
        return
    assert redline is not None
    subs = sub_elements(el)
    if ch.subchanges:
        old, new = "\n".join(p.text for p in ch.old), "\n".join(p.text for p in ch.new)
        assert len(subs) == len(ch.subchanges)
        for sub_el, sub in zip(subs, ch.subchanges, strict=True):
            assert_change_element(sub_el, sub)
    else:
        old, new = ch.old_text, ch.new_text
        assert not subs
    assert untoken(text_of(redline, drop="ins")) == untoken(visible_controls(old))
    assert untoken(text_of(redline, drop="del")) == untoken(visible_controls(new))


def untoken(text: str) -> str:
    """Text with each visible ``⟨U+200B⟩`` token read back as its character: a control character
    is always shown as a token, an invisible one only where a change consists of it."""
    return re.sub(r"⟨U\+([0-9A-F]{4,6})⟩", lambda m: chr(int(m.group(1), 16)), text)


def assert_redline_contract(root: ET.Element, comparison: Comparison) -> None:
    """Every change element: data attributes right, and the inline redline rebuilds both texts."""
    elements = changes_of(root)
    assert len(elements) == len(comparison.changes)
    for el, ch in zip(elements, comparison.changes, strict=True):
        assert_change_element(el, ch)


def ids_of(root: ET.Element) -> list[str]:
    return [el.get("id") for el in root.iter() if el.get("id") is not None]



def assert_links_resolve(root: ET.Element) -> None:
    ids = ids_of(root)
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    for a in root.iter("a"):
        href = a.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, f"link to missing anchor {href}"


@pytest.fixture(scope="module")
def sample() -> Comparison:
    return sample_comparison()


@pytest.fixture(scope="module")
def sample_html(sample: Comparison) -> str:
    return render_html(sample)


@pytest.fixture(scope="module")
def sample_root(sample_html: str) -> ET.Element:
    return parse(sample_html)


# --------------------------------------------------------------------------------------------
# segments
# --------------------------------------------------------------------------------------------


def test_segments_merge_runs_and_rebuild_both_texts(sample: Comparison) -> None:
    for ch in sample.changes:
        segs = segments(ch)
        assert all(text for _, text in segs)
        assert all(a[0] != b[0] for a, b in itertools.pairwise(segs))
        if ch.kind != "unknown":
            assert "".join(t for k, t in segs if k != "ins") == ch.old_text
            assert "".join(t for k, t in segs if k != "del") == ch.new_text


def test_segments_without_ops_show_whole_sides(sample: Comparison) -> None:
    removed = next(ch for ch in sample.changes if ch.kind == "removed")
    added = next(ch for ch in sample.changes if ch.kind == "added")
    unknown = next(ch for ch in sample.changes if ch.kind == "unknown")
    bare = Change(kind="removed", old=removed.old)
    assert segments(bare) == (("del", removed.old_text),)
    assert segments(Change(kind="added", new=added.new)) == (("ins", added.new_text),)
    assert segments(unknown) == (("eq", unknown.old_text),)
    modified = next(ch for ch in sample.changes if ch.kind == "modified")
    whole = Change(kind="modified", old=modified.old, new=modified.new)
    assert segments(whole) == (("del", modified.old_text), ("ins", modified.new_text))


def test_visible_controls_shows_bidi_and_c0_but_keeps_newlines_and_tabs() -> None:
    assert visible_controls("a\u202eb\u2066c\x1bd\te\nf") == "a⟨U+202E⟩b⟨U+2066⟩c⟨U+001B⟩d\te\nf"
    assert visible_controls("Київ \u200f") == "Київ \u200f"


# --------------------------------------------------------------------------------------------
# HTML page
# --------------------------------------------------------------------------------------------


def test_html_is_valid_html5_with_lang_and_unique_ids(sample_html: str, sample_root: ET.Element) -> None:
    assert sample_html.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    assert sample_root.get("lang") == "en"
    assert_links_resolve(sample_root)


def test_html_markup_contract_holds_for_every_change(sample_root: ET.Element, sample: Comparison) -> None:
    assert_redline_contract(sample_root, sample)


def test_html_deletions_and_insertions_are_del_and_ins(sample_root: ET.Element) -> None:
    modified = next(el for el in changes_of(sample_root) if el.get("data-kind") == "modified")
    redline = child_with_class(modified, "redline")
    assert [text_of(d) for d in redline.iter("del")] == ["shall", "600"]
    assert [text_of(i) for i in redline.iter("ins")] == ["may", "800", " in peacetime"]


def test_html_headings_are_in_order(sample_root: ET.Element) -> None:
    levels = [int(el.tag[1]) for el in sample_root.iter() if re.fullmatch(r"h[1-6]", str(el.tag))]
    assert levels[0] == 1 and levels.count(1) == 1
    for a, b in itertools.pairwise(levels):
        assert b <= a + 1, f"heading level jumps from h{a} to h{b}"


def test_html_stable_anchors_from_numbers(sample_root: ET.Element) -> None:
    ids = set(ids_of(sample_root))
    # new numbers, the second part of a split, removed and unknown old numbers, the move stub
    assert {"p-1", "p-2", "p-3", "p-4", "p-5", "p-6", "p-7", "p-8", "p-9"} <= ids
    assert {"old-3", "old-8", "old-4"} <= ids
    section = next(el for el in changes_of(sample_root) if el.get("data-kind") == "split")
    assert section.get("id") == "p-4"
    assert [s.get("id") for s in section.iter("span") if s.get("class") == "anchor"] == ["p-5", "old-5"]


def test_html_moves_are_linked_both_ways(sample_root: ET.Element) -> None:
    stub = next(el for el in sample_root.iter() if el.get("id") == "old-4")
    assert "stub" in stub.get("class")
    assert [a.get("href") for a in stub.iter("a")] == ["#p-7"]
    moved = next(el for el in sample_root.iter() if el.get("id") == "p-7")
    assert "is-moved" in moved.get("class")
    assert "#old-4" in [a.get("href") for a in moved.iter("a")]
    # the stub stands where the point stood: before old point 5 (now 4, 5)
    order = [el.get("id") for el in sample_root.iter() if el.get("id") in ("old-4", "p-4", "p-3")]
    assert order.index("p-3") < order.index("old-4") < order.index("p-4")


def test_html_summary_counts_parameters_dropped_and_unreported(sample_root: ET.Element) -> None:
    text = " ".join(text_of(sample_root).split())
    rows = [[" ".join(text_of(td).split()) for td in tr] for tr in sample_root.iter("tr")]
    # Grouped by provision: a heading row per provision, then one row per parameter, old and new apart.
    group = rows.index(["2 Army cap"])
    assert rows[group + 1] == ["Armed forces cap", "600,000 personnel", "800,000 personnel disputed"]
    assert "Figures that changed 2 Armed forces cap: 600,000 → 800,000 personnel disputed" in text
    assert "Points dropped 3 → ∅ No enlargement" in text
    assert "Fate not reported 8 → ? Amnesty" in text
    assert "3 modified" in text and "1 not reported" in text and "1 moved" in text
    assert "partial record" in text


def test_html_kinds_have_text_badges_not_colour_only(sample_root: ET.Element, sample: Comparison) -> None:
    for el, ch in zip(changes_of(sample_root), sample.changes, strict=True):
        badges = [text_of(b) for b in el.iter("span") if "badge" in (b.get("class") or "")]
        assert badges[0] == {"unknown": "not reported"}.get(ch.kind, ch.kind)
        if ch.moved:
            assert "moved" in badges


def test_html_unknown_fate_says_not_reported_and_is_not_struck(sample_root: ET.Element) -> None:
    el = next(el for el in changes_of(sample_root) if el.get("data-kind") == "unknown")
    assert "Not reported." in text_of(el)
    assert list(el.iter("del")) == []


def test_html_wording_not_known_possible_match_chips_subpoints(sample_root: ET.Element) -> None:
    by_id = {el.get("id"): el for el in changes_of(sample_root)}
    assert "Wording not known." in text_of(by_id["p-9"])
    assert "100 days → as soon as possible" in text_of(by_id["p-9"])
    hint = text_of(by_id["p-3"])
    assert "Possible match: old point 3 (similarity 34%), not linked" in hint
    assert "#old-3" in [a.get("href") for a in by_id["p-3"].iter("a")]
    chips = [" ".join(text_of(li).split()) for li in by_id["p-2"].iter("li")
             if "chip" in (li.get("class") or "")]
    assert chips == ["Armed forces cap: 600,000 → 800,000 personnel disputed (reports differ, see note 1)",
                     "Obligation: “shall” → “may”"]
    subs = [el for el in by_id["p-8"].iter("li") if el.get("data-kind")]
    heads = [" ".join(text_of(child_with_class(li, "sub-head")).split()) for li in subs]
    assert heads == ["(a) modified", "(b) → ∅ removed"]
    assert [li.get("data-old") for li in subs] == ["a", "b"]


def test_html_footnotes_carry_evidence_variants_and_sources(sample_root: ET.Element) -> None:
    by_id = {el.get("id"): el for el in changes_of(sample_root)}
    army = " ".join(text_of(by_id["p-2"]).split())
    assert "limited to 600,000 personnel — Seed article [old version]" in army
    assert "Reports differ: Size of the armed-forces cap" in army
    assert "400,000 personnel — Example Paper, 2025-11-21 (one report only)" in army
    assert "https://example.org/plan?id=28&lang=en" in [a.get("href") for a in by_id["p-2"].iter("a")]
    dropped = " ".join(text_of(by_id["old-3"]).split())
    assert "Reported dropped: Deleted in the counter-proposal." in dropped
    numbers = [li.get("value") for li in sample_root.iter("li") if li.get("value")]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)], "footnotes are numbered once, in order"


def test_html_split_and_merge_are_one_unit(sample_root: ET.Element) -> None:
    split = next(el for el in changes_of(sample_root) if el.get("data-kind") == "split")
    merged = next(el for el in changes_of(sample_root) if el.get("data-kind") == "merged")
    assert (split.get("data-old"), split.get("data-new")) == ("5", "4,5")
    assert (merged.get("data-old"), merged.get("data-new")) == ("6,7", "6")
    assert "old point 5 became points 4, 5" in text_of(split)


def test_html_side_by_side_toggle_is_a_button_and_print_css_hides_it(sample_html: str,
                                                                     sample_root: ET.Element) -> None:
    buttons = list(sample_root.iter("button"))
    assert len(buttons) == 1 and buttons[0].get("type") == "button"
    assert buttons[0].get("aria-pressed") == "false"
    assert "@media print" in sample_html and "break-inside:avoid" in sample_html
    assert ":focus-visible" in sample_html


def test_html_is_self_contained_with_csp(sample_root: ET.Element, sample_html: str) -> None:
    for el in sample_root.iter():
        for attr in ("src", "srcset", "action", "data", "poster"):
            assert el.get(attr) is None
        if el.tag == "link":
            assert el.get("href") == "data:,"
    csp = next(m.get("content") for m in sample_root.iter("meta") if m.get("http-equiv"))
    assert csp.startswith("default-src 'none'")
    assert "@import" not in sample_html and "url(" not in sample_html


def test_html_is_deterministic(sample: Comparison, sample_html: str) -> None:
    assert render_html(sample_comparison()) == sample_html
    assert render_html(sample) == sample_html


def test_html_budget_exhausted_warning() -> None:
    root = parse(render_html(budget_comparison()))
    text = " ".join(text_of(root).split())
    assert "Incomplete comparison." in text and "text diff budget exhausted at point 2" in text
    assert "Incomplete comparison" not in render_html(sample_comparison())


def test_html_title_option(sample: Comparison) -> None:
    root = parse(render_html(sample, title="My <title>"))
    assert text_of(next(root.iter("title"))) == "Redline: My <title>"


def test_html_empty_comparison_renders() -> None:
    old, new = Version(id="a", title="A"), Version(id="b", title="B")
    root = parse(render_html(Comparison(old=old, new=new, changes=())))
    assert changes_of(root) == []


def test_html_provisions_without_numbers_get_unique_anchors() -> None:
    from peacediff.model import Provision

    old = Version(id="a", title="A", provisions=(Provision(text="One.", key="one"), Provision(text="Two.")))
    new = Version(id="b", title="B", provisions=(Provision(text="One.", key="one"), Provision(text="Three.")))
    changes = (Change("unchanged", old=old.provisions[:1], new=new.provisions[:1], ops=((0, "One."),)),
               Change("removed", old=old.provisions[1:]),
               Change("added", new=new.provisions[1:]))
    root = parse(render_html(Comparison(old=old, new=new, changes=changes)))
    assert_links_resolve(root)
    assert [el.get("id") for el in changes_of(root)] == ["p-k-one", "old-n1", "p-n1"]


# --------------------------------------------------------------------------------------------
# notebook fragment and display
# --------------------------------------------------------------------------------------------


def test_fragment_is_scoped_and_prefixed(sample: Comparison) -> None:
    html = render_html_fragment(sample)
    assert not re.search(r"<(html|head|body)[\s>]", html)
    root = parse(html, fragment=True)
    assert_redline_contract(root, sample)
    assert_links_resolve(root)
    assert all(i.startswith("pd-plan-a--plan-b-") for i in ids_of(root))
    css = text_of(next(root.iter("style")))
    for rule in re.sub(r"@media[^{]*\{", "", css).split("}"):
        selectors = rule.split("{")[0].strip()
        if selectors:
            for selector in selectors.split(","):
                assert selector.strip().startswith(".pd"), f"unscoped selector {selector!r}"
    assert "@page" not in css


def test_comparison_and_version_mimebundles(sample: Comparison) -> None:
    bundle = sample._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert "<del>" in bundle["text/html"] and "<ins>" in bundle["text/html"]
    assert "[-shall-]{+may+}" in bundle["text/plain"]
    vbundle = sample.old._repr_mimebundle_()
    root = parse(vbundle["text/html"], fragment=True)
    assert "Sovereignty is reaffirmed." in text_of(root)
    assert "(a)" in text_of(root)
    assert vbundle["text/plain"].startswith("Draft plan A (plan-a)")


# --------------------------------------------------------------------------------------------
# index page
# --------------------------------------------------------------------------------------------


def test_index_page_links_redlines_and_refuses_unsafe_hrefs(sample: Comparison) -> None:
    html = render_index_html([("plan-a__plan-b.html", sample), ("javascript:alert(1)", budget_comparison())])
    root = parse(html)
    hrefs = [a.get("href") for a in root.iter("a")]
    assert hrefs == ["plan-a__plan-b.html"]
    text = " ".join(text_of(root).split())
    assert "plan-a → plan-b" in text and "x → y" in text and "3 modified" in text


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def markdown_tokens(md: str) -> list:
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return parser.parse(md)


def inline_children(tokens: list) -> list:
    return [child for tok in tokens if tok.type == "inline" for child in tok.children or ()]


def test_markdown_structure_summary_and_parameter_tables(sample: Comparison) -> None:
    md = render_markdown(sample)
    assert md.startswith("# Redline: Draft plan A → Counter-proposal B\n")
    assert "| modified | 3 |" in md
    assert ("| **2** Army cap | Armed forces cap | 600,000 personnel | 800,000 personnel (**disputed**, see note 1) |"
            in md)
    assert "- **2** Armed forces cap: 600,000 → 800,000 personnel (**disputed**: reports differ, see note 1)" in md
    assert "- **3 → ∅** No enlargement" in md
    assert "- **8 → ?** Amnesty" in md
    tokens = markdown_tokens(md)
    assert sum(1 for t in tokens if t.type == "table_open") == 3
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    kinds = [c.type for c in inline_children(tokens)]
    assert "s_open" in kinds and "strong_open" in kinds


def test_markdown_redline_rebuilds_old_and_new_text(sample: Comparison) -> None:
    """In each change's redline paragraph, dropping **…** gives the old text and ~~…~~ the new."""
    tokens = markdown_tokens(render_markdown(sample))
    paragraphs: dict[str, list] = {}
    heading = None
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.tag == "h3":
            heading = tokens[i + 1].content
        elif tok.type == "paragraph_open" and heading and heading not in paragraphs:
            children = tokens[i + 1].children
            if children[0].type != "em_open":  # notices are in italics; the redline is not
                paragraphs[heading] = children
    checked = 0
    for ch in sample.changes:
        if ch.kind in ("unknown",) or (ch.kind == "unchanged" and not ch.moved and not ch.renumbered):
            continue
        key = next(h for h in paragraphs if h.startswith(ch.label + " ·"))

        def rebuild(children: list, drop: str) -> str:
            out, skipping = [], False
            tags = {"strong": ("<ins>", "</ins>"), "s": ("<del>", "</del>")}[drop]
            for c in children:
                if c.type == f"{drop}_open" or (c.type == "html_inline" and c.content == tags[0]):
                    skipping = True
                elif c.type == f"{drop}_close" or (c.type == "html_inline" and c.content == tags[1]):
                    skipping = False
                elif not skipping and c.type == "text":
                    out.append(c.content)
                elif not skipping and c.type in ("softbreak", "hardbreak"):
                    out.append("\n")
            return "".join(out)

        def norm(s: str) -> str:
            # GFM ignores ** and ~~ next to inner whitespace, so the renderer moves such whitespace
            # outside the marks; that can leave a space before punctuation on one side.
            return re.sub(r" ([.,;:])", r"\1", " ".join(s.split()))

        # A provision with sub-points: its own text here, each sub-point in the list below it.
        old = "\n".join(p.text for p in ch.old) if ch.subchanges else ch.old_text
        new = "\n".join(p.text for p in ch.new) if ch.subchanges else ch.new_text
        assert norm(rebuild(paragraphs[key], "strong")) == norm(old)
        assert norm(rebuild(paragraphs[key], "s")) == norm(new)
        checked += 1
    assert checked >= 7


def test_markdown_escapes_document_text() -> None:
    md = render_markdown(hostile_comparison("<b>x</b> [link](https://evil.example) *em* `code` | pipe"))
    assert "<b>" not in md and "[link](" not in md
    tokens = markdown_tokens(md)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    links = [c.attrs.get("href") for c in inline_children(tokens) if c.type == "link_open"]
    assert all(h.startswith("https://example.org/") for h in links)
    texts = "".join(c.content for c in inline_children(tokens) if c.type == "text")
    assert "*em*" in texts and "`code`" in texts and "<b>x</b>" in texts


def test_markdown_unchanged_points_are_listed_not_repeated(sample: Comparison) -> None:
    md = render_markdown(sample)
    assert "Unchanged and not shown: 1." in md
    assert "### 1 ·" not in md
    assert "### 4 → 7 · unchanged · renumbered · moved · Dialogue" in md


# --------------------------------------------------------------------------------------------
# plain text
# --------------------------------------------------------------------------------------------


def test_text_plain_markers_and_summary(sample: Comparison) -> None:
    text = render_text(sample)
    assert "\x1b" not in text
    assert "The armed forces [-shall-]{+may+} be limited to [-600-]{+800+},000 personnel" in text
    assert "Summary: 2 unchanged, 3 modified, 1 added, 1 removed, 1 split, 1 merged, 1 not reported" in text
    assert "Armed forces cap: 600,000 → 800,000 personnel [DISPUTED: reports differ, see note 1]" in text
    assert "── 8 → ? · not reported · Amnesty" in text
    # The dispute itself, with each claim: text readers see what HTML readers see.
    assert "[1] Reports differ: Size of the armed-forces cap" in text
    # Sub-points nested under their provision, each with its own redline.
    assert "  - (a) · modified\n      The guarantor is paid{+ in full+}." in text
    assert "  - (b) → ∅ · removed\n      [-It lapses on attack.-]" in text


def test_sub_points_whose_fate_was_not_reported_are_unknown_in_every_format() -> None:
    old = Version(id="old", title="Old", provisions=(Provision(
        number="1", key="g", text="A guarantee is given.",
        subpoints=(Provision(number="a", key="g.a", text="The guarantor is paid."),
                   Provision(number="b", key="g.b", text="Nazi ideology is banned."))),))
    new = Version(id="new", title="New", provisions=(Provision(
        number="1", key="g", text="A guarantee is given by all.", coverage="partial",
        subpoints=(Provision(number="a", key="g.a", text="The guarantor is paid."),)),))
    comparison = compare(old, new)
    sub = comparison.changes[0].subchanges[1]
    assert sub.kind == "unknown"
    html = render_html(comparison)
    root = parse(html)
    (li,) = [el for el in root.iter("li") if el.get("data-kind") == "unknown"]
    assert li.get("data-old") == "b" and not list(li.iter("del"))
    assert " ".join(text_of(li).split()) == "(b) → ? not reported ?Nazi ideology is banned."
    assert "Nazi" not in "".join(text_of(d) for d in root.iter("del"))
    md = render_markdown(comparison)
    assert "- **\\(b\\) → ?** · *not reported*, shown as it stood: Nazi ideology is banned." in md
    assert "~~Nazi" not in md and "<del>Nazi" not in md
    assert "- **1** A guarantee is given by all.: sub-point b" in md.replace("… ", "")
    text = render_text(comparison)
    assert "  - (b) → ? · not reported\n      ? Nazi ideology is banned." in text
    assert "[-Nazi" not in text
    assert "\x1b[31;9mNazi" not in render_text(comparison, color=True)


def test_linked_pairs_say_how_they_were_linked_without_alarm() -> None:
    old = Version(id="old", title="Old", provisions=(Provision(number="1", key="k", text="Forces withdraw"),))
    new = Version(id="new", title="New", provisions=(Provision(number="1", key="k", text="Elections follow"),))
    comparison = compare(old, new)
    assert comparison.changes[0].matched_by == "key"
    for out in (render_html(comparison), render_markdown(comparison), render_text(comparison)):
        assert "0% similar" not in out and "0 % similar" not in out
        assert "Same provision (lineage key)" in out.replace("\\(", "(").replace("\\)", ")")
        assert "reworded throughout, no words kept" in out


def test_text_ops_hold_the_own_text_and_flip_with_inverse() -> None:
    old = Version(id="old", title="Old", provisions=(Provision(
        number="1", key="g", text="A guarantee is given.",
        subpoints=(Provision(number="a", key="g.a", text="It lapses."),)),))
    new = Version(id="new", title="New", provisions=(Provision(
        number="1", key="g", text="A guarantee is offered.",
        subpoints=(Provision(number="a", key="g.a", text="It lapses at once."),)),))
    ch = compare(old, new).changes[0]
    assert "".join(t for op, t in ch.text_ops if op <= 0) == "A guarantee is given."
    assert "".join(t for op, t in ch.text_ops if op >= 0) == "A guarantee is offered."
    assert compare(new, old).changes[0].text_ops == ch.inverse().text_ops
    assert ch.to_dict()["text_ops"] == [[op, t] for op, t in ch.text_ops]
    assert ch.subchanges[0].text_ops == ()  # no sub-points of its own


def test_redline_page_links_back_to_the_index_when_asked(sample: Comparison) -> None:
    root = parse(render_html(sample, index_href="index.html"))
    assert "index.html" in [a.get("href") for a in root.iter("a")]
    assert "index.html" not in render_html(sample)
    assert 'href="javascript' not in render_html(sample, index_href="javascript:alert(1)")


def test_legend_explains_every_mark_the_sample_uses(sample: Comparison) -> None:
    view = build_view(sample)
    marks = [mark for mark, _, _ in view.legend]
    for mark in ("del", "ins", "modified", "removed", "unknown", "moved", "disputed", "none", "unknown-mark"):
        assert mark in marks
    root = parse(render_html(sample))
    listed = [el.get("data-mark") for el in root.iter("div") if el.get("data-mark")]
    assert listed == marks


def test_text_colour_uses_ansi_red_and_blue(sample: Comparison) -> None:
    text = render_text(sample, color=True)
    assert "\x1b[31;9mshall\x1b[0m" in text and "\x1b[34;4mmay\x1b[0m" in text
    assert "[-" not in text.split("Summary")[1].split("──", 1)[1][:200]
    codes = set(re.findall(r"\x1b\[[0-9;]*m", text))
    assert codes <= {"\x1b[31;9m", "\x1b[34;4m", "\x1b[1m", "\x1b[2m", "\x1b[0m"}


@pytest.mark.parametrize("width", [40, 72, 100])
def test_text_wraps_to_width(width: int) -> None:
    text = render_text(large_comparison(30), width=width)
    for line in text.splitlines():
        longest_word = max((len(w) for w in line.split()), default=0)
        assert len(line) <= width or longest_word > width - 8, line


def test_version_text_and_markdown(sample: Comparison) -> None:
    text = render_version_text(sample.old)
    assert "1. Sovereignty. Sovereignty is reaffirmed." in text
    assert "    (a) The guarantor is paid." in text
    md = render_version_markdown(sample.old)
    assert md.startswith("## Draft plan A\n")
    assert "  - **a** The guarantor is paid." in md
    assert render_version_html(sample.old).startswith('<div class="pd" lang="en">')


# --------------------------------------------------------------------------------------------
# packaging and import cost
# --------------------------------------------------------------------------------------------


def test_import_peacediff_does_not_import_jinja2() -> None:
    out = subprocess.run(
        [sys.executable, "-c", "import sys, peacediff; print('jinja2' in sys.modules)"],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.strip() == "False"


def test_large_comparison_renders_in_every_format() -> None:
    big = large_comparison(600)
    root = parse(render_html(big))
    assert_redline_contract(root, big)
    assert_links_resolve(root)
    shown = sum(1 for ch in big.changes if ch.kind != "unchanged" or ch.renumbered or ch.moved)
    assert render_markdown(big).count("\n### ") == shown + 4  # and four summary headings
    assert render_text(big)


# --------------------------------------------------------------------------------------------
# the bundled comparisons (need the engine and the data)
# --------------------------------------------------------------------------------------------


def bundled_pairs() -> list[tuple[str, str]]:
    """The pairs `peacediff redline` renders (empty while the data or the engine is missing)."""
    try:
        from peacediff.archive import Archive

        return [(old.id, new.id) for old, new in Archive.bundled().redline_pairs()]
    except Exception:
        return []


@pytest.mark.parametrize("old_id,new_id", bundled_pairs() or [pytest.param("", "", marks=pytest.mark.skip(
    reason="bundled versions not available"))])
def test_bundled_redlines_are_valid_and_keep_the_contract(old_id: str, new_id: str) -> None:
    import peacediff

    comparison = peacediff.compare(peacediff.load(old_id), peacediff.load(new_id))
    root = parse(render_html(comparison))
    assert_redline_contract(root, comparison)
    assert_links_resolve(root)
    assert markdown_tokens(render_markdown(comparison))
    assert render_text(comparison, color=True)


# --------------------------------------------------------------------------------------------
# Unknown is never drawn as removed: a property over generated partial versions
# --------------------------------------------------------------------------------------------

_WORDS = ("forces", "shall", "withdraw", "within", "days", "parties", "agree", "monitoring", "sanctions", "the")


@st.composite
def partial_pairs(draw: st.DrawFn) -> tuple[Version, Version]:
    """An old version with sub-points and a newer record of it that drops, edits, keeps and leaves
    out provisions and sub-points, some provisions or the whole record known only in part.

    Every provision's text starts with its own marker word (``zq3x``), so a rendered deletion
    can be traced to the provision it came from."""
    serial = itertools.count()

    def text() -> str:
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=5))
        return f"zq{next(serial)}x " + " ".join(words) + "."

    def tree(key: str, number: str, depth: int) -> Provision:
        n_subs = draw(st.integers(0, 3 if depth == 0 else 1 if depth == 1 else 0))
        subs = tuple(tree(f"{key}-{j}", "abcd"[j] if depth == 0 else "iv"[j], depth + 1) for j in range(n_subs))
        return Provision(text=text(), number=number, key=key, subpoints=subs)

    def revise(p: Provision) -> Provision | None:
        fate = draw(st.sampled_from(("keep", "edit", "drop", "partial")))
        if fate == "drop":
            return None
        partial = fate == "partial"
        subs = tuple(s for s in (revise(s) for s in p.subpoints) if s is not None)
        if not partial and p.subpoints and draw(st.booleans()):
            subs = subs[:1]  # a complete provision whose other sub-points were dropped
        return Provision(
            text=p.text if fate == "keep" else p.text.replace(".", " " + draw(st.sampled_from(_WORDS)) + "."),
            number=p.number,
            key=p.key,
            coverage="partial" if partial else "complete",
            wording_known=not partial or draw(st.booleans()),
            subpoints=subs,
        )

    old_provisions = tuple(tree(f"k{i}", str(i + 1), 0) for i in range(draw(st.integers(1, 4))))
    new_provisions = tuple(p for p in (revise(p) for p in old_provisions) if p is not None)
    kept = {q.key for p in new_provisions for q in p.walk()}
    gone = [q.key for p in old_provisions for q in p.walk() if q.key not in kept]
    reported = tuple(Removal(key=k) for k in gone if draw(st.booleans()))
    old = Version(id="old", title="Old", provisions=old_provisions)
    new = Version(id="new", title="New", provisions=new_provisions, removed=reported,
                  coverage=draw(st.sampled_from(("complete", "partial"))))
    return old, new


def _unknown_markers(changes: Iterable[Change]) -> set[str]:
    """The markers of the points whose fate is unknown, less those a removed change holds too: a
    point that text alignment does not link to its rewrite (a parent reworded while the partial
    version dropped its sub-points) reads as two changes that share its marker, one of them removed
    (rightly drawn deleted) and the other unknown."""
    unknown: set[str] = set()
    removed: set[str] = set()

    def walk(level: Iterable[Change]) -> None:
        for ch in level:
            if ch.kind in ("unknown", "removed"):
                (unknown if ch.kind == "unknown" else removed).update(
                    re.findall(r"zq\d+x", ch.old_text + "\n" + ch.new_text))
            walk(ch.subchanges)

    walk(changes)
    return unknown - removed


def _assert_never_deleted(markers: set[str], deleted: Iterable[str], fmt: str) -> None:
    for run in deleted:
        found = markers & set(re.findall(r"zq\d+x", run))
        assert not found, f"{fmt}: text of a point whose fate was not reported is drawn as deleted: {run!r}"


def _reworded_parent_without_its_subpoints() -> tuple[Version, Version]:
    """Found by the property: a partial version keeps a parent, reworded, without its sub-points; by
    text alone the two parents do not link, so one reads as removed and the other as unknown."""
    def point(text: str, number: str, key: str, *subs: Provision) -> Provision:
        return Provision(text=text, number=number, key=key, subpoints=subs)

    old = Version(id="old", title="Old", provisions=(
        point("zq2x forces.", "1", "k0", point("zq0x forces.", "a", "k0-0"), point("zq1x forces.", "b", "k0-1")),
        point("zq3x withdraw.", "2", "k1"),
        point("zq9x within.", "3", "k2",
              point("zq5x forces.", "a", "k2-0", point("zq4x forces.", "i", "k2-0-0")),
              point("zq7x forces.", "b", "k2-1", point("zq6x forces.", "i", "k2-1-0")),
              point("zq8x forces.", "c", "k2-2")),
    ))
    new = Version(id="new", title="New", coverage="partial", provisions=(
        point("zq2x forces.", "1", "k0", point("zq0x forces.", "a", "k0-0"), point("zq1x forces forces.", "b", "k0-1")),
        point("zq3x withdraw withdraw.", "2", "k1"),
        point("zq9x within shall.", "3", "k2"),
    ))
    return old, new


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(partial_pairs(), st.sampled_from(("keys", "text")), st.booleans())
@example(_reworded_parent_without_its_subpoints(), "text", True)
@example(_reworded_parent_without_its_subpoints(), "text", False)
def test_nothing_unknown_is_drawn_as_deleted_in_any_format(pair: tuple[Version, Version], align: str,
                                                           inverse: bool) -> None:
    old, new = pair
    comparison = compare(new, old, align=align) if inverse else compare(old, new, align=align)
    markers = _unknown_markers(comparison.changes)
    for fmt, html in (("html", render_html(comparison)), ("fragment", render_html_fragment(comparison))):
        root = parse(html, fragment=fmt == "fragment")
        _assert_never_deleted(markers, (text_of(d) for d in root.iter("del")), fmt)
        for el in root.iter():
            if el.get("data-kind") == "unknown":
                assert not list(el.iter("del")), f"{fmt}: an unknown change holds deletion markup"
    md = render_markdown(comparison)
    _assert_never_deleted(markers, [a or b for a, b in re.findall(r"~~(.*?)~~|<del>(.*?)</del>", md, re.S)],
                          "markdown")
    _assert_never_deleted(markers, re.findall(r"\[-(.*?)-\]", render_text(comparison), re.S), "text")
    coloured = render_text(comparison, color=True)
    _assert_never_deleted(markers, re.findall(r"\x1b\[31;9m(.*?)\x1b\[0m", coloured, re.S), "text (colour)")


def test_an_unchanged_disputed_figure_is_marked_in_every_format() -> None:
    from peacediff.model import Claim, Parameter, Source, Variant

    def version(vid: str, variants: tuple[Variant, ...] = ()) -> Version:
        cap = Provision(number="4", key="army-cap", text="The army is kept at 800,000 personnel.",
                        parameters=(Parameter("armed_forces_cap", 800000, unit="personnel"),))
        return Version(id=vid, title=vid.upper(), provisions=(cap,), variants=variants,
                       sources=(Source(id="ft", outlet="FT"), Source(id="abc", outlet="ABC")))

    dispute = Variant(id="cap", topic="Army cap after the talks", key="army-cap", parameter="armed_forces_cap",
                      claims=(Claim(800000, sources=("ft",), unit="personnel"),
                              Claim("no strict cap", sources=("abc",))))
    comparison = compare(version("old", (dispute,)), version("new"))
    assert comparison.changes[0].kind == "unchanged"
    text = render_text(comparison)
    assert "Armed forces cap: 800,000 personnel [DISPUTED, unchanged: reports differ, see note 1]" in text
    assert "[1] Reports differ: Army cap after the talks [old version]" in text
    assert "Unchanged:" not in text  # a disputed figure is shown, not folded into the unchanged list
    md = render_markdown(comparison)
    assert "Armed forces cap: 800,000 personnel (**disputed**, unchanged: reports differ, see note 1)" in md
    root = parse(render_html(comparison))
    chips = [" ".join(text_of(li).split()) for li in root.iter("li") if "disputed" in (li.get("class") or "")]
    assert chips == ["Armed forces cap: 800,000 personnel disputed (unchanged; reports differ, see note 1)"]


def test_the_notes_list_exactly_the_disputes_the_comparison_carries() -> None:
    # One source of truth: a change's reported-variant notes are the disputes it carries (its own
    # and its sub-changes'), the ones its JSON lists, so no view marks a figure disputed that the
    # data does not, or misses one it does.
    import attrs

    def carried(ch: Change) -> set[str]:
        return {d.variant.id for d in ch.disputes} | {v for sub in ch.subchanges for v in carried(sub)}

    def without_disputes(ch: Change) -> Change:
        return attrs.evolve(ch, disputes=(), subchanges=tuple(without_disputes(s) for s in ch.subchanges))

    from peacediff.model import Claim, Source, Variant

    def version(vid: str, cap: str, variants: tuple[Variant, ...] = ()) -> Version:
        return Version(id=vid, title=vid.upper(), variants=variants, sources=(Source(id="ft", outlet="FT"),),
                       provisions=(Provision(number="1", key="army-cap", text=f"The army is capped at {cap}.",
                                             subpoints=(Provision(number="a", key="army-cap.a", text="Reserves."),)),
                                   Provision(number="2", key="vote", text="Elections follow.")))

    dispute = Variant(id="sub", topic="Reserves", key="army-cap.a", claims=(Claim("yes", sources=("ft",)),
                                                                              Claim("no", sources=("ft",))))
    old, new = version("old", "600,000", (dispute,)), version("new", "800,000")
    for comparison in (sample_comparison(), hostile_comparison("x"), compare(old, new)):
        view = build_view(comparison)
        for cv in view.changes:
            assert {n.variant.id for n in cv.notes if n.kind == "variant" and n.variant} == carried(cv.change)
        assert any(carried(ch) for ch in comparison.changes)
        stripped = attrs.evolve(comparison, changes=tuple(without_disputes(ch) for ch in comparison.changes))
        assert not [n for cv in build_view(stripped).changes for n in cv.notes if n.kind == "variant"]
        assert "disputed" not in render_text(stripped).lower()


def test_a_link_made_by_place_says_so_and_that_it_is_less_sure() -> None:
    """A clause reworded in place is linked on its position, not its words: the redline says so in
    every format, instead of "Linked by similar wording"."""
    from peacediff.compare import compare
    from peacediff.model import Provision, Version

    frame = ["The parties agree to an immediate ceasefire along the current line of contact.",
             "Both sides withdraw heavy weapons 30 kilometres from the line.",
             "A joint commission monitors compliance and reports monthly."]
    old = Version(id="a", title="A", provisions=[Provision(text=t, number=str(k)) for k, t in enumerate(
        [*frame, "This agreement enters into force upon signature by both parties."], 1)])
    new = Version(id="b", title="B", provisions=[Provision(text=t, number=str(k)) for k, t in enumerate(
        [*frame, "It takes effect once both parties have signed it."], 1)])
    c = compare(old, new, align="text")
    assert [ch.rule for ch in c.changes][-1] == "paraphrase"
    for fmt, out in (("text", c.to_text()), ("md", c.to_markdown()), ("html", c.to_html())):
        out = " ".join(out.split())
        assert "Linked by its place, as a clause reworded between the same neighbours" in out, fmt
        assert "less sure than a link by wording" in out, fmt


def test_a_link_on_a_few_rare_words_does_not_claim_similar_wording() -> None:
    """Rival drafts of one clause share its names ("Zaporizhzhia", "IAEA") and little else: the word
    diff keeps 1 % of the text, and "Linked by similar wording" would be untrue.  The note says what
    the link rests on, the aligner's score, and that it is less sure than a link by wording."""
    from peacediff.compare import compare
    from peacediff.model import Provision, Version

    frame = ["The parties agree to an immediate ceasefire along the current line of contact.",
             "Both sides withdraw heavy weapons 30 kilometres from the line.",
             "A joint commission monitors compliance and reports monthly."]
    old_text = ("Electricity generated at the Zaporizhzhia nuclear plant is shared equally between "
                "Ukraine and Russia under IAEA oversight.")
    new_text = ("Under supervision by the IAEA, Russia and Ukraine each receive half of what the "
                "Zaporizhzhia nuclear plant generates.")
    old = Version(id="a", title="A", provisions=[Provision(text=t, number=str(k))
                                                 for k, t in enumerate([*frame, old_text], 1)])
    new = Version(id="b", title="B", provisions=[Provision(text=t, number=str(k))
                                                 for k, t in enumerate([*frame, new_text], 1)])
    c = compare(old, new, align="text")
    last = c.changes[-1]
    assert last.kind == "modified" and last.matched_by == "number"
    assert last.similarity is not None and last.similarity < 0.05 and last.link_score is not None
    for fmt, out in (("text", c.to_text()), ("md", c.to_markdown()), ("html", c.to_html())):
        out = " ".join(out.split()).replace("\\(", "(").replace("\\)", ")")
        assert "Same number and similar wording" not in out, fmt
        assert (f"Same number, linked on a few shared rare words, the wording rewritten "
                f"(aligner score {last.link_score:.2f}; less sure than a link by wording)") in out, fmt
    # A pair that keeps most of its words still reads as linked by its wording.
    kept = compare(old, Version(id="c", title="C", provisions=[
        *new.provisions[:3], Provision(text=old_text.replace("equally", "evenly"), number="4")]), align="text")
    assert "Same number and similar wording" in kept.to_text()
