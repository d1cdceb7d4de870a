"""Comparisons as Word documents with tracked changes: the laws, the package, and two independent engines.

* accept-all gives the new version and reject-all the old one, provision by provision, read by
  a small reader of ``w:ins`` / ``w:del`` / ``w:moveFrom`` / ``w:moveTo`` here (hypothesis);
* the same laws checked by LibreOffice itself (Writer's "accept all" / "reject all" driven
  through its UNO bridge, tests/lo_resolve.py) and by jubarte-redlines' own revision engine,
  on every bundled pair and on made-up cases;
* every bundled pair converts to PDF and text in LibreOffice without error;
* the package is well formed (content types, relationships, styles) and byte-identical run to run.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peacediff
from peacediff._display import render_bytes
from peacediff.compare import Change, Comparison, compare
from peacediff.model import Provision, Version
from peacediff.strategies import revisions

etree = pytest.importorskip("lxml.etree")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HERE = Path(__file__).resolve().parent
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FLAG = "[not reported in "


# --------------------------------------------------------------------------- what each side should read


def _label(number: str | None, depth: int) -> str:
    if number is None:
        return "•\t" if depth else ""
    return f"{number}.\t" if depth == 0 else f"({number})\t"


def _flat(provisions: tuple[Provision, ...], skip: set[int], depth: int = 0) -> list[str]:
    out: list[str] = []
    for p in provisions:
        if id(p) in skip:
            continue
        text = FORBIDDEN.sub("", p.text).replace("\r\n", "\n").replace("\r", "\n")
        out.append(_label(p.number, depth) + text)
        out.extend(_flat(p.subpoints, skip, depth + 1))
    return out


def _unknown(changes: tuple[Change, ...]) -> set[int]:
    """Provisions whose fate is not reported: shown as they are in both readings."""
    out: set[int] = set()
    for ch in changes:
        if ch.kind == "unknown":
            out.update(id(p) for p in (*ch.old, *ch.new))
        out |= _unknown(ch.subchanges)
    return out


def expected(c: Comparison) -> tuple[list[str], list[str]]:
    """The paragraphs accept-all and reject-all must give, unreported provisions left out."""
    skip = _unknown(c.changes)
    return _flat(c.new.provisions, skip), _flat(c.old.provisions, skip)


# --------------------------------------------------------------------------- a small reader of the markup


def _text(element, view: str) -> str:
    """The text of a paragraph's content as it reads with every change accepted or rejected."""
    out: list[str] = []
    for child in element:
        tag = child.tag
        if tag in (W + "ins", W + "moveTo"):
            if view == "accept":
                out.append(_text(child, view))
        elif tag in (W + "del", W + "moveFrom"):
            if view == "reject":
                out.append(_text(child, view))
        elif tag == W + "r":
            out.append(_text(child, view))
        elif tag in (W + "t", W + "delText"):
            out.append(child.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag == W + "br":
            out.append("\n")
    return "".join(out)


def read_view(data: bytes, view: str) -> list[str]:
    """Provision paragraphs of a .docx as they read after accept-all or reject-all (flagged ones dropped)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    paragraphs: list[str] = []
    pending = ""
    keeps = {"accept": (W + "ins", W + "moveTo"), "reject": (W + "del", W + "moveFrom")}[view]
    drops = {"accept": (W + "del", W + "moveFrom"), "reject": (W + "ins", W + "moveTo")}[view]
    for p in root.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or not style.get(W + "val", "").startswith("Provision"):
            continue
        mark = p.find(f"{W}pPr/{W}rPr")
        marks = {m.tag for m in mark} if mark is not None else set()
        pending += _text(p, view)
        if marks & set(drops):
            continue  # the mark goes: what is left joins the next paragraph
        assert not marks - set(keeps) - set(drops)
        paragraphs.append(pending)
        pending = ""
    assert pending == "", "a paragraph's removed mark had nothing after it to join"
    return [p for p in paragraphs if FLAG not in p]


def assert_laws(c: Comparison) -> bytes:
    data = c.to_docx()
    new, old = expected(c)
    assert read_view(data, "accept") == new
    assert read_view(data, "reject") == old
    return data


# --------------------------------------------------------------------------- the laws (hypothesis)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(revisions(coverage=None, keyed=False), st.sampled_from(("auto", "text")))
def test_accept_all_is_new_and_reject_all_is_old(case, align):
    old, new, _links = case
    assert_laws(compare(old, new, align=align))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(revisions(coverage=None, keyed=True))
def test_laws_hold_for_keyed_revisions(case):
    old, new, _links = case
    assert_laws(compare(old, new))


def _model_versions():
    from model_strategies import versions

    return versions()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_model_versions(), _model_versions())
def test_laws_hold_for_any_two_versions_with_subpoints_and_tricky_text(a, b):
    # Arbitrary text (controls, quotes, bidi marks, newlines, tabs), sub-points three deep, keys,
    # partial coverage: whatever two versions hold, both readings come back.
    c = compare(a, b)
    data = assert_laws(c)
    assert_laws(c.inverse())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                etree.fromstring(z.read(name))  # well-formed whatever the text held
    try:
        import jubarte_redlines
    except ImportError:
        return
    findings = jubarte_redlines.Document.from_bytes(data).validate()
    assert not [f for f in findings if f.severity == "error" or f.word_fatal], findings


# --------------------------------------------------------------------------- made-up cases


def _v(vid: str, points, coverage: str = "complete", date: str | None = "2026-03-01") -> Version:
    provisions = []
    for number, text, *subs in points:
        provisions.append(Provision(text=text, number=number,
                                    subpoints=[Provision(text=s, number=n) for n, s in (subs[0] if subs else [])]))
    return Version(id=vid, title=f"Draft {vid}", provisions=provisions, coverage=coverage, date=date)


OLD = _v("d1", [("1", "The parties agree to a ceasefire within 30 days."),
                ("2", "Sanctions are lifted in stages.", [("a", "first on energy;"), ("b", "then on banks.")]),
                ("3", "A joint commission monitors compliance."),
                ("4", "Prisoners are exchanged all for all."),
                ("5", "Elections are held within 100 days.")])
NEW = _v("d2", [("1", "Prisoners are exchanged all for all."),
                ("2", "The parties agree to a ceasefire within 60 days."),
                ("3", "Sanctions are lifted in stages.", [("a", "first on energy;"), ("b", "then on shipping;"),
                                                      ("c", "finally on banks.")]),
                ("4", "Elections are held as soon as possible."),
                ("5", "A reconstruction fund of USD 800 billion is set up.")], date="2026-04-02")


def _xml(data: bytes, name: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode("utf-8")


def test_word_level_changes_moves_and_whole_paragraphs_are_native_revisions():
    c = compare(OLD, NEW, align="text")
    data = assert_laws(c)
    xml = _xml(data)
    assert '<w:delText xml:space="preserve">30</w:delText>' in xml
    assert '<w:t xml:space="preserve">60</w:t>' in xml
    # the prisoners point moved to the top: a named move, from and to, with range markers
    assert re.search(r'<w:moveFromRangeStart w:id="\d+" w:author="peacediff" w:date="2026-04-02T00:00:00Z" '
                     r'w:name="move1"/>', xml)
    assert re.search(r'<w:moveToRangeStart w:id="\d+" w:author="peacediff" [^>]*w:name="move1"/>', xml)
    for end in ("moveFrom", "moveTo"):
        start = re.search(rf'<w:{end}RangeStart w:id="(\d+)"', xml)
        assert start and f'<w:{end}RangeEnd w:id="{start.group(1)}"/>' in xml
    # the removed commission point: its paragraph mark is deleted too, so accepting removes the paragraph
    removed = re.search(r"<w:p>(?:(?!</w:p>).)*A joint commission(?:(?!</w:p>).)*</w:p>", xml)
    assert removed and "<w:rPr><w:del " in removed.group(0)
    added = re.search(r"<w:p>(?:(?!</w:p>).)*reconstruction fund(?:(?!</w:p>).)*</w:p>", xml)
    assert added and "<w:rPr><w:ins " in added.group(0)
    # every revision: author peacediff, the new version's date, ids unique
    ids = re.findall(r'<w:(?:ins|del|moveFrom|moveTo|moveFromRangeStart|moveToRangeStart) w:id="(\d+)"', xml)
    assert len(ids) == len(set(ids)) > 5
    assert set(re.findall(r'w:author="([^"]*)"', xml)) == {"peacediff"}
    assert set(re.findall(r'w:date="([^"]*)"', xml)) == {"2026-04-02T00:00:00Z"}


def _keyed(vid: str, points: list[tuple[str, str, str]]) -> Version:
    return Version(id=vid, title=vid, provisions=[Provision(text=t, number=n, key=k) for n, k, t in points])


K_OLD = _keyed("k1", [("1", "ceasefire", "A ceasefire within 30 days."), ("2", "sanctions", "Sanctions go."),
                      ("3", "prisoners", "Prisoners are exchanged all for all.")])
K_NEW = _keyed("k2", [("1", "prisoners", "Prisoners and detainees are exchanged, all for all."),
                      ("2", "ceasefire", "A ceasefire within 30 days."), ("3", "sanctions", "Sanctions go.")])


def test_a_moved_and_edited_provision_shows_each_sides_edit_inside_its_move_range():
    c = compare(K_OLD, K_NEW)
    assert [ch.moved for ch in c.changes] == [True, False, False]
    xml = _xml(assert_laws(c))
    move_from = re.search(r"<w:moveFromRangeStart .*?</w:p>", xml).group(0)
    move_to = re.search(r"<w:moveToRangeStart .*?</w:p>", xml).group(0)
    assert re.search(r'<w:ins [^>]*><w:r><w:t xml:space="preserve">and detainees </w:t>', move_to)
    assert re.search(r'<w:moveTo [^>]*><w:r><w:t xml:space="preserve">Prisoners </w:t>', move_to)
    # the old number goes at the old end (the new one is inserted at the new end); the kept words move
    assert re.search(r'<w:del [^>]*><w:r><w:delText xml:space="preserve">3.</w:delText><w:tab/>', move_from)
    assert re.search(r'<w:ins [^>]*><w:r><w:t xml:space="preserve">1.</w:t><w:tab/>', move_to)
    assert "detainees" not in move_from
    assert re.search(r'<w:moveFrom [^>]*><w:r><w:t xml:space="preserve">Prisoners </w:t>', move_from)


def test_renumbered_provision_shows_the_old_number_deleted_and_the_new_inserted():
    c = compare(_v("a", [("6", "Forces are capped at 600,000.")]), _v("b", [("4", "Forces are capped at 600,000.")]))
    xml = _xml(assert_laws(c))
    assert '<w:delText xml:space="preserve">6.</w:delText>' in xml
    assert '<w:t xml:space="preserve">4.</w:t>' in xml


def test_unreported_provisions_are_shown_as_they_are_and_flagged_not_deleted():
    old = _v("full", [("1", "A ceasefire."), ("2", "An amnesty for all."), ("3", "Elections.")])
    new = _v("partial", [("1", "A ceasefire."), ("3", "Elections soon.")], coverage="partial")
    c = compare(old, new)
    assert [ch.kind for ch in c.changes].count("unknown") == 1
    data = assert_laws(c)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    amnesty = next(p for p in root.iter(W + "p") if "amnesty" in "".join(p.itertext()))
    assert amnesty.find(f".//{W}del") is None and amnesty.find(f".//{W}ins") is None
    assert "[not reported in partial]" in "".join(amnesty.itertext())
    # it reads in both versions: not drawn as removed
    assert any("amnesty" in p for p in _all_paragraphs(data, "accept"))


def _all_paragraphs(data: bytes, view: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [_text(p, view) for p in root.iter(W + "p")]


def test_summary_comes_first_with_counts_and_parameter_changes():
    c = compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20"))
    paragraphs = _all_paragraphs(c.to_docx(), "accept")
    assert paragraphs[0] == "U.S. 28-point draft peace plan → 20-point framework presented by Zelensky"
    summary, provisions = paragraphs.index("Summary"), paragraphs.index("Provisions")
    assert summary < provisions
    block = paragraphs[summary:provisions]
    assert any(line.startswith("Provisions: ") and "modified" in line for line in block)
    assert any("Armed forces cap: 600,000 personnel → 800,000 personnel" in line for line in block)


def test_text_is_escaped_and_forbidden_characters_are_dropped_and_said():
    old = _v("x", [("1", "Ceasefire <b>&amp; \"now\"</b>\x01 ]]> done")])
    new = _v("y", [("1", "Ceasefire <script>alert(1)</script>\x0b\ufffe and more")])
    c = compare(old, new)
    data = assert_laws(c)
    xml = _xml(data)
    etree.fromstring(xml.encode("utf-8"))
    assert "<script>" not in xml and "&lt;script&gt;" in xml
    assert "3 characters that a Word document cannot hold" in " ".join(_all_paragraphs(data, "accept"))


def test_export_is_byte_identical_and_has_fixed_timestamps():
    c = compare(peacediff.load("us-russia-28"), peacediff.load("e3-counter-28"))
    first, second = c.to_docx(), compare(peacediff.load("us-russia-28"), peacediff.load("e3-counter-28")).to_docx()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {info.date_time for info in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"


def test_package_parts_are_declared_and_related():
    data = compare(OLD, NEW).to_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        types = etree.fromstring(z.read("[Content_Types].xml"))
        overrides = {o.get("PartName").lstrip("/") for o in types if o.get("PartName")}
        defaults = {o.get("Extension") for o in types if o.get("Extension")}
        assert overrides <= names
        assert all(n in overrides or n.rsplit(".", 1)[-1] in defaults for n in names)
        assert {"word/document.xml", "word/styles.xml", "word/settings.xml", "docProps/core.xml"} <= overrides
        for rels_name, base in (("_rels/.rels", ""), ("word/_rels/document.xml.rels", "word/")):
            for rel in etree.fromstring(z.read(rels_name)):
                assert base + rel.get("Target") in names
        styles = etree.fromstring(z.read("word/styles.xml"))
        defined = {s.get(W + "styleId") for s in styles.iter(W + "style")}
        used = {s.get(W + "val") for s in etree.fromstring(z.read("word/document.xml")).iter(W + "pStyle")}
        assert used <= defined
        # the nested list: every numId a style uses is defined, with an abstract definition per level used
        numbering = etree.fromstring(z.read("word/numbering.xml"))
        nums = {n.get(W + "numId"): n.find(W + "abstractNumId").get(W + "val") for n in numbering.iter(W + "num")}
        abstract = {a.get(W + "abstractNumId"): {lvl.get(W + "ilvl") for lvl in a.iter(W + "lvl")}
                    for a in numbering.iter(W + "abstractNum")}
        for numpr in styles.iter(W + "numPr"):
            num_id, ilvl = numpr.find(W + "numId").get(W + "val"), numpr.find(W + "ilvl").get(W + "val")
            assert ilvl in abstract[nums[num_id]]


def test_to_docx_writes_the_file_atomically(tmp_path):
    out = tmp_path / "redline.docx"
    data = compare(OLD, NEW).to_docx(out)
    assert out.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["redline.docx"]


def _bare(p: Provision) -> Provision:
    # Parameters, keys and evidence are curated data that no document carries.
    return Provision(text=p.text, number=p.number, subpoints=[_bare(s) for s in p.subpoints])


def _numbered(v: Version) -> Version:
    return Version(id=v.id, title=v.title, provisions=[_bare(p) for p in v.provisions])


@pytest.mark.parametrize("vid", ["us-russia-28", "us-ua-20", "e3-counter-28"])
def test_a_bundled_version_as_docx_imports_back_unchanged(vid, tmp_path):
    from peacediff.importers import read_document

    v = peacediff.load(vid)
    path = tmp_path / f"{v.id}.docx"
    path.write_bytes(render_bytes(v, "docx"))
    back = read_document(path)
    assert back.title == v.title
    c = compare(_numbered(v), back, align="text")
    assert not c.has_differences, c.to_text()


_WORDS = st.sampled_from(["the", "parties", "agree", "within", "100 days", "600,000", "shall", "NATO", "<b>", "&",
                          "café", "Київ", "“quoted”", "a\ttab", "sanctions;", "Article 5 of", "Russia."])
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=12).map(lambda ws: "The " + " ".join(ws))


@st.composite
def _numbered_versions(draw) -> Version:
    provisions = []
    for n in range(1, draw(st.integers(1, 10)) + 1):
        subs = draw(st.lists(_SENTENCE, max_size=3))
        lettered = draw(st.booleans())
        provisions.append(Provision(text=draw(_SENTENCE), number=str(n), subpoints=[
            Provision(text=s, number=chr(96 + k) if lettered else None) for k, s in enumerate(subs, start=1)]))
    return Version(id="v", title=draw(_SENTENCE), provisions=provisions)


@settings(max_examples=30, deadline=None)
@given(_numbered_versions())
def test_any_numbered_version_as_docx_imports_back_unchanged(v):
    import tempfile

    from peacediff.importers import read_document

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v.docx"
        path.write_bytes(render_bytes(v, "docx"))
        back = read_document(path)
    expected_shape = [(p.number, " ".join(p.text.split()), [(s.number, " ".join(s.text.split())) for s in p.subpoints])
                      for p in v.provisions]
    assert [(p.number, p.text, [(s.number, s.text) for s in p.subpoints]) for p in back.provisions] == expected_shape


# --------------------------------------------------------------------------- independent engines


def _bundled_comparisons() -> list[Comparison]:
    archive = peacediff.Archive.bundled()
    return [compare(old, new) for old, new in archive.redline_pairs()]


def _made_up_comparisons() -> list[Comparison]:
    partial = _v("partial", [("1", "A ceasefire."), ("3", "Elections soon.")], coverage="partial")
    full = _v("full", [("1", "A ceasefire."), ("2", "An amnesty for all."), ("3", "Elections.")])
    return [compare(OLD, NEW, align="text"), compare(NEW, OLD, align="text"), compare(full, partial),
            compare(K_OLD, K_NEW), compare(K_NEW, K_OLD)]


def _lo_text(text: str) -> list[str]:
    """The provision paragraphs of a LibreOffice text export: after the "Provisions" heading, flagged ones out."""
    lines = text.lstrip("\ufeff").split("\n")
    body = lines[lines.index("Provisions") + 1:]
    # LibreOffice indents a list item's line by its level: the nesting, not the text.
    return [line.lstrip(" ") for line in body if line.strip() and FLAG not in line]


def _as_lines(paragraphs: list[str]) -> list[str]:
    # A line break inside a provision is a line of its own in a text export.
    return [line for p in paragraphs for line in p.split("\n") if line.strip() and FLAG not in line]


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui python3-uno")
    return found


def _uno_python() -> str:
    probe = subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True, check=False) \
        if Path("/usr/bin/python3").exists() else None
    if probe is None or probe.returncode != 0:
        pytest.skip("LibreOffice's Python bridge is missing: apt-get install python3-uno")
    return "/usr/bin/python3"


@pytest.fixture(scope="module")
def libreoffice(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Comparison], int]:
    """Every case as .docx, opened in one LibreOffice session (lo_resolve.py): each accepted and
    rejected as text, each bundled pair (the first ``n_bundled`` cases) also converted to PDF and text.

    One session for all: starting LibreOffice costs more than every conversion together.
    """
    python = _uno_python()
    folder = tmp_path_factory.mktemp("libreoffice")
    bundled = _bundled_comparisons()
    cases = bundled + _made_up_comparisons()
    jobs: list[str] = []
    for k, c in enumerate(cases):
        path = folder / f"case{k}.docx"
        c.to_docx(path)
        for view in ("accept", "reject"):
            jobs += [view, str(path), str(folder / f"case{k}.{view}.txt")]
        if k < len(bundled):
            jobs += ["pdf", str(path), str(path.with_suffix(".pdf")), "text", str(path), str(path.with_suffix(".txt"))]
    run = subprocess.run([python, str(HERE / "lo_resolve.py"), str(folder / "profile"), *jobs],
                         capture_output=True, text=True, timeout=900, check=False)
    assert run.returncode == 0, run.stderr
    return folder, cases, len(bundled)


def test_libreoffice_converts_every_bundled_pair_to_pdf_and_text(libreoffice):
    folder, _cases, n_bundled = libreoffice
    assert n_bundled >= 5
    for k in range(n_bundled):
        pdf, txt = folder / f"case{k}.pdf", folder / f"case{k}.txt"
        assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 2000
        assert "Provisions" in txt.read_text(encoding="utf-8")


def test_libreoffice_accept_all_and_reject_all_give_new_and_old(libreoffice):
    folder, cases, _n_bundled = libreoffice
    for k, c in enumerate(cases):
        new, old = expected(c)
        accepted = (folder / f"case{k}.accept.txt").read_text(encoding="utf-8")
        rejected = (folder / f"case{k}.reject.txt").read_text(encoding="utf-8")
        assert _lo_text(accepted) == _as_lines(new), (c.old.id, c.new.id)
        assert _lo_text(rejected) == _as_lines(old), (c.old.id, c.new.id)


def _jubarte_paragraphs(data: bytes) -> list[str]:
    """The provision paragraphs of a .docx as jubarte reads them (its Markdown view, one paragraph a block)."""
    import jubarte_redlines

    snapshot = jubarte_redlines.Document.from_bytes(data).inspect()
    texts = [p.text for p in snapshot.paragraphs]
    return [t for t in texts[texts.index("Provisions") + 1:] if t.strip() and FLAG not in t]


def test_jubarte_finds_nothing_word_would_repair_and_accept_reject_give_new_and_old():
    jubarte = pytest.importorskip("jubarte_redlines")
    for c in _bundled_comparisons() + _made_up_comparisons():
        data = c.to_docx()
        revisions_found = jubarte.get_revisions(data)
        assert revisions_found and {r["author"] for r in revisions_found} == {"peacediff"}
        findings = jubarte.Document.from_bytes(data).validate()
        assert not [f for f in findings if f.severity == "error" or f.word_fatal], findings
        new, old = expected(c)
        assert _jubarte_paragraphs(jubarte.accept_revisions(data)) == _squash(new), (c.old.id, c.new.id)
        assert _jubarte_paragraphs(jubarte.reject_revisions(data)) == _squash(old), (c.old.id, c.new.id)


def _squash(paragraphs: list[str]) -> list[str]:
    return [p for p in paragraphs if p.strip()]
