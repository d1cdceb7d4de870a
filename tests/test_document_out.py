"""A version written as a plain document (numbered text, Markdown, HTML, Word) reads back as the same provisions.

The law: ``read_document(write(v))`` has v's title, numbers, texts and nesting, and
``compare`` finds no change.  Documents carry no keys, parameters or evidence, so the
original is compared without them; texts are compared with runs of white space as one
space (every reader gives text back that way).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacediff
from peacediff import compare
from peacediff.cli import main
from peacediff.importers import read_document
from peacediff.model import Provision, Version

SUFFIXES = {"text": ".txt", "md": ".md", "html": ".html", "docx": ".docx"}


def _bare(p: Provision) -> Provision:
    return Provision(text=" ".join(p.text.split()), number=p.number, subpoints=[_bare(s) for s in p.subpoints])


def _plain(v: Version) -> Version:
    """What a document carries: the title, numbers, texts and nesting."""
    return Version(id=v.id, title=" ".join(v.title.split()), provisions=[_bare(p) for p in v.provisions])


def _shape(provisions) -> list:
    return [(p.number, " ".join(p.text.split()), _shape(p.subpoints)) for p in provisions]


def _read_back(v: Version, fmt: str) -> Version:
    if fmt == "docx":
        pytest.importorskip("lxml")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"draft{SUFFIXES[fmt]}"
        path.write_bytes(v.to_document(fmt))
        return read_document(path, v.id)


def _assert_round_trip(v: Version, fmt: str) -> None:
    back = _read_back(v, fmt)
    assert back.title == " ".join(v.title.split())
    assert _shape(back.provisions) == _shape(v.provisions)
    c = compare(_plain(v), back, align="text")
    assert not c.has_differences, c.to_text()


# --------------------------------------------------------------------------- generated versions
#
# Restricted to what a document can carry and its reader can tell apart:
# - no control characters (no format holds them; the writers refuse them), no line breaks
#   inside a text (a document's line is where the reader starts looking for a number);
# - no "*", "_", "#", "`" (Markdown emphasis and headings, which the text reader strips);
# - every text opens with a word, never with something shaped like a number or a heading
#   ("2. The", "Article 5", "(a) ...", "- "), which the reader takes for a new provision;
# - numbers the reader recognises: top-level points 1..n, or prefixed "SG-1".."SG-n" through the
#   whole document (a prefix used once, on a number other than 1, reads as a word); below them
#   (a)/(i), (a)/(1) or (1)/(a), three levels in all; any provision at
#   any depth may be unnumbered instead (written as a bullet item, read back as one), and a
#   version may have no numbers at all.  Deeper than three levels the Word writer flattens
#   (it has four paragraph styles, the last shared);
# - a title that does not end like a sentence (".", ";", ",", ":"), which the reader would
#   take for a preamble.

_LETTERS = st.characters(whitelist_categories=("Ll", "Lu", "Lo"), max_codepoint=0x4FF)
_WORD = st.one_of(
    st.text(_LETTERS, min_size=1, max_size=8),
    st.sampled_from(["<b>", "</p>", "&amp;", "&", "<script>alert(1)</script>", '"quoted"', "“quoted”", "'s",
                     "100 days", "600,000", "50%", "USD 1.5 billion", "Article 5 of", "Київ", "café", "a\ttab",
                     "sanctions;", "guarantee,", "Russia.", "(a)", "2.", "e.g.", "€", "—", "<!-- x -->"]),
)
_SENTENCE = st.lists(_WORD, min_size=1, max_size=12).map(lambda ws: "The " + " ".join(ws))
_TITLE = st.lists(st.text(_LETTERS, min_size=1, max_size=8), min_size=1, max_size=6).map(
    lambda ws: "Draft " + " ".join(ws))


_SCHEMES = {  # how each level below the top is numbered: (a)/(i), (a)/(1), (1)/(a)
    "ai": [lambda n: chr(96 + n), lambda n: ["i", "ii", "iii", "iv", "v", "vi"][n - 1]],
    "a1": [lambda n: chr(96 + n), str],
    "1a": [str, lambda n: chr(96 + n)],
}


@st.composite
def _level(draw: st.DrawFn, depth: int, prefix: str, scheme: str, max_size: int) -> list[Provision]:
    """The provisions of one level: numbered in step (with unnumbered ones anywhere) or all unnumbered."""
    numbered = draw(st.booleans()) if depth else prefix != "none"
    out: list[Provision] = []
    n = 0
    for _ in range(draw(st.integers(0 if depth else 1, max_size))):
        subs = draw(_level(depth + 1, prefix, scheme, 3)) if depth < 2 and draw(st.booleans()) else []
        if numbered and draw(st.integers(0, 3)):  # most numbered; some unnumbered between them
            n += 1
            number = f"{prefix}{n}" if depth == 0 else _SCHEMES[scheme][depth - 1](n)
        else:
            number = None
        out.append(Provision(text=draw(_SENTENCE), number=number, subpoints=subs))
    return out


@st.composite
def documents(draw: st.DrawFn) -> Version:
    prefix = draw(st.sampled_from(["", "", "SG-", "none"]))
    scheme = draw(st.sampled_from(sorted(_SCHEMES)))
    return Version(id="draft", title=draw(_TITLE), provisions=draw(_level(0, prefix, scheme, 8)))


@pytest.mark.parametrize("fmt", ["text", "md", "html", "docx"])
@settings(max_examples=40, deadline=None)
@given(v=documents())
def test_any_version_a_document_can_carry_reads_back_unchanged(fmt: str, v: Version) -> None:
    _assert_round_trip(v, fmt)


@settings(max_examples=20, deadline=None)
@given(v=documents())
def test_the_bytes_are_the_same_for_the_same_version(v: Version) -> None:
    for fmt in ("text", "md", "html"):
        assert v.to_document(fmt) == v.to_document(fmt)


# --------------------------------------------------------------------------- the bundled versions

# Every bundled version, whatever its shape: unnumbered points after numbered ones (eu-telegraph-24),
# no numbers at all (geneva-19), prefixed numbers (us-sg-framework), unnumbered sub-points (us-ua-20).
@pytest.mark.parametrize("fmt", ["text", "md", "html", "docx"])
@pytest.mark.parametrize("vid", ["us-russia-28", "e3-counter-28", "us-ua-20", "eu-telegraph-24", "us-sg-framework",
                                 "geneva-19"])
def test_a_bundled_version_reads_back_unchanged(vid: str, fmt: str) -> None:
    _assert_round_trip(peacediff.load(vid), fmt)


def test_a_document_holds_the_draft_not_the_report() -> None:
    v = peacediff.load("us-russia-28")
    text = v.to_document("text").decode()
    assert text.startswith("# " + v.title + "\n\n1. ")
    assert "600,000" in text and "evidence" not in text.lower()
    assert "\n   (a) " in text  # sub-points nested under their parent


# --------------------------------------------------------------------------- escaping and refusals

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> &lt;kept&gt; \'q\''


def test_html_escapes_every_text_and_reads_it_back_literally() -> None:
    v = Version(id="h", title="Draft <script>alert(1)</script> & co", provisions=[
        Provision(text="Preamble " + HOSTILE),
        Provision(text="The " + HOSTILE, number="1", subpoints=[Provision(text="The <b>sub</b>", number="a")]),
    ])
    page = v.to_document("html").decode()
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "&amp;lt;kept&amp;gt;" in page
    _assert_round_trip(v, "html")


def test_numbers_a_list_cannot_show_are_written_as_numbered_paragraphs() -> None:
    v = Version(id="p", title="Draft articles", provisions=[
        Provision(text="The first <article>", number="1"),
        Provision(text="The inserted article", number="1a", subpoints=[Provision(text="The part", number="a")]),
        Provision(text="The second", number="2"),
    ])
    page = v.to_document("html").decode()
    assert "<ol" not in page and "1a. The inserted article" in page and "&lt;article&gt;" in page


def test_control_characters_and_unknown_formats_are_refused() -> None:
    v = Version.from_texts("c", [("1", "A bell\x07 here.")])
    with pytest.raises(ValueError, match="U\\+0007"):
        v.to_document("md")
    with pytest.raises(ValueError, match="choose one of text, md, html, docx"):
        Version.from_texts("c", [("1", "Fine.")]).to_document("pdf")



def test_word_refuses_control_characters_like_every_other_format() -> None:
    pytest.importorskip("lxml")
    v = Version.from_texts("c", [("1", "A bell\x07 here.")])
    for fmt in ("text", "md", "html", "docx"):
        with pytest.raises(ValueError, match="U\\+0007"):
            v.to_document(fmt)

def test_to_document_writes_the_file_atomically(tmp_path: Path) -> None:
    out = tmp_path / "draft.md"
    data = peacediff.load("us-ua-20").to_document("md", out)
    assert out.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]


# --------------------------------------------------------------------------- the command


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
def test_export_picks_the_format_from_the_suffix_and_reads_back(suffix: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    if suffix == ".docx":
        pytest.importorskip("lxml")
    out = tmp_path / f"draft{suffix}"
    assert main(["export", "us-ua-20", "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().err
    v = peacediff.load("us-ua-20")
    assert out.read_bytes() == v.to_document({".txt": "text", ".md": "md", ".html": "html", ".docx": "docx"}[suffix])
    back = read_document(out, "us-ua-20")
    assert not compare(_plain(v), back, align="text").has_differences


def test_export_writes_text_to_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "e3-counter-28", "--format", "md"]) == 0
    assert capsys.readouterr().out == peacediff.load("e3-counter-28").to_document("md").decode()


@pytest.mark.parametrize("name", ["draft.pdf", "draft"])
def test_export_refuses_an_unknown_suffix_with_the_fix(name: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "us-ua-20", "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("peacediff: -o ") and "export writes .txt, .md, .html or .docx" in err
    assert "fix: name the file e.g. draft.md, or give --format" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
