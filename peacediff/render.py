"""Redlines: a :class:`~peacediff.compare.Comparison` or a Version as HTML, Markdown or terminal text.

This module turns the comparison's data into view data (anchors, text segments
from ``Change.ops``, footnotes, summary rows) and hands it to the Jinja2
templates in ``templates/``.  It never diffs and never aligns: everything it
shows is already in the Comparison.

Document text is untrusted.  HTML templates autoescape every value and no
document text is ever marked safe; Markdown escapes its metacharacters; text
output shows control characters visibly.  In every format, C0/C1 control
characters, Unicode bidi embedding/override/isolate controls (U+202A-E,
U+2066-9, the "Trojan Source" set) and characters that draw nothing (zero-width
space, word joiner, BOM, tag characters) are replaced by a visible ``⟨U+202E⟩``
token, so no text can reorder or recolour what is around it; a deletion or
insertion made only of other invisible characters (joiners, no-break spaces) is
shown the same way (:func:`expose_invisible`).

What was never reported is never drawn as removed: an ``unknown`` change, at any
depth, is shown as it stood, with no deletion markup in any format.  A
provision's own wording comes from ``Change.text_ops`` and each sub-point is
drawn through its own sub-change.

Example::

    >>> import peacediff
    >>> from peacediff.render import render_text
    >>> old = peacediff.Version.from_texts("a", ["Forces are capped at 600,000."])
    >>> new = peacediff.Version.from_texts("b", ["Forces are capped at 800,000."])
    >>> print(render_text(peacediff.compare(old, new)))  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
import unicodedata
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup, escape

from peacediff._labels import humanize
from peacediff._resources import resource_path
from peacediff.compare import CHANGE_KINDS, Change, Comparison, ParameterChange
from peacediff.lineagegraph import LineageGraph
from peacediff.model import Provision, Variant, Version, format_value
from peacediff.threeway import ThreeWay, ThreeWayEntry
from peacediff.timeline import History
from peacediff.versionmatrix import Matrix

if TYPE_CHECKING:
    from peacediff.archive import Archive

__all__ = [
    "KIND_LABELS",
    "LEGEND",
    "expose_invisible",
    "own_segments",
    "render_html",
    "render_html_fragment",
    "render_index_html",
    "render_markdown",
    "render_text",
    "render_version_html",
    "render_version_markdown",
    "render_version_text",
    "segments",
    "visible_controls",
]

#: What each change kind is called in views ("unknown" is a fate nobody reported, not a removal).
KIND_LABELS: dict[str, str] = {
    "unchanged": "unchanged",
    "modified": "modified",
    "added": "added",
    "removed": "removed",
    "split": "split",
    "merged": "merged",
    "unknown": "not reported",
}

#: Every mark a redline may use, in the order its legend lists them: ``(mark, shown as, meaning)``.
#: Each view lists the marks it uses (:attr:`RedlineView.legend`).
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("del", "struck through", "words deleted (red, struck through)"),
    ("ins", "underlined", "words inserted (blue, underlined)"),
    ("unchanged", "unchanged", "the provision reads the same in both versions"),
    ("modified", "modified", "its wording or its figures changed"),
    ("added", "added", "new in the newer version"),
    ("removed", "removed", "dropped: the newer version is complete here, or a report says it was dropped"),
    ("split", "split", "one old point became several new ones, shown together"),
    ("merged", "merged", "several old points became one, shown together"),
    ("unknown", "not reported", "no report says what became of it: not known to be dropped, so its text "
                                "is shown as it stood, never struck through"),
    ("renumbered", "renumbered", "the same provision under another number"),
    ("moved", "moved", "the same provision at another place in the order"),
    ("disputed", "disputed", "reports differ on this figure; the note lists each claim and its source"),
    ("arrow", "→", "old number → new number; old value → new value"),
    ("none", "∅", "no such point on that side: nothing before an added point, nothing after a removed one"),
    ("unknown-mark", "?", "the point's fate was not reported"),
    ("no-number", "–", "the point's number is not known, or the sub-point is not numbered"),
    ("text-figure", "figure in the text", "a figure read from the wording, not a recorded parameter"),
)

#: Titles longer than this are cut in lists and headings: a provision's first words name it well
#: enough, and the full text is one click away.
TITLE_CHARS = 72

# C0 controls except tab and newline, DEL, C1 controls, the bidi embedding, override and
# isolate controls.  Bidi marks (LRM/RLM/ALM) stay: right-to-left text needs them and they
# cannot reorder text beyond their own neighbourhood.
# Noncharacters (U+FDD0-FDEF and the last two code points of every plane) are not text either and
# make an HTML document invalid.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}"
                                            for p in range(17))
# Characters that draw nothing and have no use in running text: zero-width space, word joiner,
# invisible operators, deprecated format controls, BOM, interlinear annotation, line/paragraph
# separators, Hangul fillers.  A change made of them would look like no change at all.
_INVISIBLE = ("\u115f\u1160\u180e\u200b\u2028\u2029\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0"
              "\ufff9-\ufffb")
_CONTROL_RE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069{_INVISIBLE}{_NONCHARACTERS}]")

# ANSI styles for render_text(color=True): red + strike-through for deletions, blue + underline
# for insertions, so the marks survive a colour-blind reader and a monochrome terminal.
_ANSI = {"del": "\x1b[31;9m", "ins": "\x1b[34;4m", "head": "\x1b[1m", "dim": "\x1b[2m"}
_ANSI_RESET = "\x1b[0m"
_PLAIN_MARKS = {"del": ("[-", "-]"), "ins": ("{+", "+}"), "eq": ("", "")}

_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_SAFE_URL_SCHEMES = frozenset({"http", "https"})
_SPACE_RE = re.compile(r"\s")


# The same set, fast: Python's regex engine scans a class of scattered astral code points slowly
# (9 ms over a 100 KB page), a plain range quickly; astral matches are then sorted by hand.
_SUSPECT_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff"
                         + _INVISIBLE + "\U00010000-\U0010ffff]")


def _show(match: re.Match[str]) -> str:
    c = match.group()
    code = ord(c)
    # An ordinary astral character (emoji, CJK ext.) stays; tag characters (U+E0000-E007F) carry
    # hidden ASCII text and are shown.
    if code > 0xFFFF and code & 0xFFFE != 0xFFFE and not 0xE0000 <= code <= 0xE007F:
        return c
    return f"⟨U+{code:04X}⟩"


def visible_controls(text: str) -> str:
    """Replace control, bidi-override and never-visible characters with a ``⟨U+XXXX⟩`` token.

    Example::

        >>> visible_controls("abc\\u202edef")
        'abc⟨U+202E⟩def'
    """
    if not _SUSPECT_RE.search(text):
        return text
    return _SUSPECT_RE.sub(_show, text)


def segments(change: Change) -> tuple[tuple[str, str], ...]:
    """The change's text as ``("eq" | "del" | "ins", text)`` runs, adjacent runs of a kind merged.

    Built from ``Change.ops``; a change without ops shows its whole sides: removed text
    deleted, added text inserted, unchanged text as it stands.  An ``unknown`` change is
    always its text as it stands: nobody reported it gone, so nothing of it is deleted.
    Concatenating the ``eq`` and ``del`` runs gives the old text, ``eq`` and ``ins`` the new
    (for an unknown change, the one side it has).

    Example::

        >>> from peacediff.compare import Change
        >>> segments(Change("modified", ops=((0, "cap of "), (-1, "600"), (1, "800"))))
        (('eq', 'cap of '), ('del', '600'), ('ins', '800'))
    """
    if change.kind == "unknown":
        text = change.old_text or change.new_text
        return (("eq", text),) if text else ()
    return _op_runs(change.ops) if change.ops else _whole_sides(change)


def _op_runs(ops: Sequence[tuple[int, str]]) -> tuple[tuple[str, str], ...]:
    if ops:
        names = {-1: "del", 0: "eq", 1: "ins"}
        runs: list[list[str]] = []
        for op, text in ops:
            if not text:
                continue
            name = names[op]
            if runs and runs[-1][0] == name:
                runs[-1][1] += text
            else:
                runs.append([name, text])
        return tuple((name, text) for name, text in runs)
    return ()


def _whole_sides(change: Change, old: str | None = None, new: str | None = None) -> tuple[tuple[str, str], ...]:
    old = change.old_text if old is None else old
    new = change.new_text if new is None else new
    if change.kind == "removed":
        return (("del", old),) if old else ()
    if change.kind == "added":
        return (("ins", new),) if new else ()
    if old == new:
        return (("eq", old),) if old else ()
    return tuple(run for run in (("del", old), ("ins", new)) if run[1])


def own_segments(change: Change) -> tuple[tuple[str, str], ...]:
    """The provision's own text as runs, without its sub-points, when it has sub-changes.

    Built from ``Change.text_ops``; each sub-point is drawn through its own sub-change.
    A change without sub-changes gives :func:`segments`.
    """
    if not change.subchanges or change.kind == "unknown":
        return segments(change)
    if change.text_ops:
        return _op_runs(change.text_ops)
    # A change built by hand, without text_ops: the provisions' own texts as they stand or replaced whole.
    old = "\n".join(p.text for p in change.old)
    new = "\n".join(p.text for p in change.new)
    return _whole_sides(change, old, new)


# Characters a reader cannot see, beyond _INVISIBLE (which is always shown): joiners, direction
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
    return "".join(f"⟨U+{ord(c):04X}⟩" if _hidden(c) else c for c in text)


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


# --------------------------------------------------------------------------------------------
# View data: what the templates receive
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class SourceRef:
    """A source as a view shows it: outlet, date and a link only when the URL is http(s)."""

    id: str
    outlet: str
    date: str | None = None
    url: str | None = None
    seed: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Note:
    """One footnote of a change: an evidence quote, a reported removal or a reported variant."""

    number: int
    kind: str  # "evidence" | "removal" | "variant"
    side: str  # "old" | "new"
    quote: str | None = None
    text: str | None = None
    sources: tuple[SourceRef, ...] = ()
    variant: Variant | None = None
    claims: tuple[tuple[str, tuple[SourceRef, ...], str | None], ...] = ()


@dataclass(frozen=True, slots=True, eq=False)
class LinkRef:
    """A link to another place in the redline: ``anchor`` is an element id or None."""

    label: str
    anchor: str | None
    title: str = ""


@dataclass(frozen=True, slots=True, eq=False)
class ChangeView:
    """One change as the templates draw it."""

    change: Change
    index: int
    anchor: str
    extra_anchors: tuple[str, ...]
    label: str
    kind_label: str
    title: str
    segments: tuple[tuple[str, str], ...]
    is_redline: bool
    moved_from: LinkRef | None
    possible: LinkRef | None
    possible_pct: int | None
    wording_unknown: tuple[str, ...]
    notes: tuple[Note, ...]
    sources: tuple[SourceRef, ...]
    confidence: tuple[str, ...]
    params: tuple[ParamView, ...] = ()
    subs: tuple[SubView, ...] = ()
    match_note: str | None = None
    #: Figures that reports dispute and that did not change here: ``(name, value, note numbers, how)``,
    #: ``how`` being "unchanged" for a linked pair, "as recorded" for a point on one side only.
    disputed_values: tuple[tuple[str, str, tuple[int, ...], str], ...] = ()
    is_stub = False

    @property
    def is_disputed(self) -> bool:
        return bool(self.disputed_values) or any(pv.disputed for pv in self.params)

    @property
    def kind(self) -> str:
        return self.change.kind

    @property
    def shown_notes(self) -> tuple[Note, ...]:
        """Removal reports and disputed figures: what a reader of the redline must see."""
        return tuple(n for n in self.notes if n.kind != "evidence")

    @property
    def evidence_notes(self) -> tuple[Note, ...]:
        """Evidence quotes: folded away with the sources until asked for (and when printing)."""
        return tuple(n for n in self.notes if n.kind == "evidence")

    @property
    def is_quiet(self) -> bool:
        """Unchanged, in place, under the same number and with no disputed figure: summaries list
        it instead of showing it."""
        ch = self.change
        return ch.kind == "unchanged" and not ch.renumbered and not ch.moved and not self.disputed_values

    @property
    def data_old(self) -> str:
        return ",".join(self.change.old_numbers)

    @property
    def data_new(self) -> str:
        return ",".join(self.change.new_numbers)


@dataclass(frozen=True, slots=True, eq=False)
class MoveStub:
    """Where a moved provision stood in the old version, linking to where it is now."""

    anchor: str
    old_label: str
    target: LinkRef
    is_stub = True


@dataclass(frozen=True, slots=True, eq=False)
class ParamView:
    """A parameter change as views show it: its name, both values with their units, and the
    numbers of the notes saying that reports of this figure differ."""

    parameter_change: ParameterChange
    name: str
    old: str
    new: str
    disputed: tuple[int, ...] = ()
    change_text: str = ""

    @property
    def origin(self) -> str:
        return self.parameter_change.origin

    @property
    def is_figure(self) -> bool:
        """A quantity (a number, an amount, a duration) on at least one side: what readers look for first."""
        pc = self.parameter_change
        return any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (pc.old, pc.new))

    @property
    def disputed_label(self) -> str:
        """``'disputed: reports differ, see note 7'``, or "" when no report disputes it."""
        if not self.disputed:
            return ""
        numbers = ", ".join(str(n) for n in self.disputed)
        return f"disputed: reports differ, see note{'s' if len(self.disputed) > 1 else ''} {numbers}"


@dataclass(frozen=True, slots=True, eq=False)
class SubView:
    """A sub-point's change as the templates draw it, nested under its provision's change."""

    change: Change
    label: str
    kind_label: str
    segments: tuple[tuple[str, str], ...]
    params: tuple[ParamView, ...]
    subs: tuple[SubView, ...]

    @property
    def kind(self) -> str:
        return self.change.kind

    @property
    def is_redline(self) -> bool:
        return self.change.kind != "unknown"

    @property
    def text(self) -> str:
        """The sub-point's text as it stands (what an unknown sub-point shows)."""
        return "".join(t for _, t in self.segments)

    @property
    def data_old(self) -> str:
        return ",".join(self.change.old_numbers)

    @property
    def data_new(self) -> str:
        return ",".join(self.change.new_numbers)


@dataclass(frozen=True, slots=True, eq=False)
class ParameterRow:
    """A row of the summary's parameter-change table."""

    view: ChangeView
    name: str
    parameter_change: ParameterChange
    param: ParamView | None = None


@dataclass(frozen=True, slots=True, eq=False)
class ParameterGroup:
    """The parameter changes of one provision, for the summary's table."""

    view: ChangeView
    params: tuple[ParamView, ...]


@dataclass(frozen=True, slots=True, eq=False)
class VersionView:
    """A version's header block."""

    version: Version
    sources: tuple[SourceRef, ...]

    @property
    def recorded(self) -> int:
        return self.version.count


@dataclass(frozen=True, slots=True, eq=False)
class RedlineView:
    """Everything a redline template needs, in reading order."""

    comparison: Comparison
    title: str
    old: VersionView
    new: VersionView
    items: tuple[ChangeView | MoveStub, ...]
    changes: tuple[ChangeView, ...]
    counts: tuple[tuple[str, str, int], ...]
    renumbered: int
    moved: int
    parameter_rows: tuple[ParameterRow, ...]
    dropped: tuple[ChangeView, ...]
    not_reported: tuple[ChangeView, ...]
    possible: tuple[ChangeView, ...]
    id_prefix: str
    parameter_groups: tuple[ParameterGroup, ...] = ()
    figures: tuple[ParameterRow, ...] = ()
    legend: tuple[tuple[str, str, str], ...] = ()
    index_href: str | None = None
    #: ``(label, relative href)`` of the pages beside this one in a site (its versions, the
    #: previous and next redline); empty for a page on its own.
    nav: tuple[tuple[str, str], ...] = ()
    unreported_subs: tuple[tuple[ChangeView, str], ...] = ()
    dropped_subs: tuple[tuple[ChangeView, str], ...] = ()
    #: Changes carrying a disputed figure that did not change (changed ones are in ``figures``).
    disputed: tuple[ChangeView, ...] = ()


# Words that parameter names spell in lower case but readers expect in their usual form.
def provision_title(p: Provision) -> str:
    """A provision's short name: its title, or its text's first words."""
    if p.title:
        return p.title
    text = " ".join(p.text.split())
    if len(text) <= TITLE_CHARS:
        return text
    cut = text[:TITLE_CHARS].rsplit(" ", 1)[0] or text[:TITLE_CHARS]
    return cut.rstrip(",;:.") + "…"


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL without whitespace or controls, else None."""
    if not url or _CONTROL_RE.search(url) or _SPACE_RE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_URL_SCHEMES or not parts.netloc:
        return None
    return url


def _source_ref(version: Version, source_id: str) -> SourceRef:
    return _source_table(version).get(source_id) or SourceRef(id=source_id, outlet=source_id)


# Source tables by version identity (hashing a Version hashes all its provisions: too slow).  Each
# entry holds its version weakly and leaves with it, so rendering keeps no version alive and an id
# is never reused while its entry stands.
_SOURCE_TABLES: dict[int, tuple[weakref.ref[Version], dict[str, SourceRef]]] = {}


def _source_table(version: Version) -> dict[str, SourceRef]:
    entry = _SOURCE_TABLES.get(id(version))
    if entry is None or entry[0]() is not version:
        table = {
            s.id: SourceRef(id=s.id, outlet=s.outlet, date=s.date, url=safe_url(s.url), seed=s.seed)
            for s in version.sources
        }
        key = id(version)
        entry = _SOURCE_TABLES[key] = (weakref.ref(version, lambda _ref: _SOURCE_TABLES.pop(key, None)), table)
    return entry[1]


def _anchor_part(p: Provision, position: int) -> str:
    if p.number is not None:
        raw = p.number
    elif p.key is not None:
        raw = "k-" + p.key
    else:
        raw = f"n{position}"
    return re.sub(r"[^A-Za-z0-9._-]", "_", raw)


class _Anchors:
    """Unique, stable element ids: ``p-<new number>``, ``old-<old number>``, suffixed on clashes."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.used: set[str] = set()

    def make(self, base: str) -> str:
        anchor = self.prefix + base
        if anchor in self.used:
            n = 2
            while f"{anchor}-{n}" in self.used:
                n += 1
            anchor = f"{anchor}-{n}"
        self.used.add(anchor)
        return anchor


def _provision_ids(provisions: Sequence[Provision]) -> dict[tuple[str | None, str | None], int]:
    return {(p.number, p.key): i for i, p in enumerate(provisions)}


def _notes_for(change: Change, comparison: Comparison, counter: list[int]) -> tuple[Note, ...]:
    """A change's footnotes, numbered on from ``counter``: removal reports and disputed figures first
    (the views show them), then evidence quotes (the views fold them away)."""
    notes: list[Note] = []

    def add(**fields: Any) -> None:
        counter[0] += 1
        notes.append(Note(number=counter[0], **fields))

    if change.kind in ("removed", "unknown"):
        for p in Version.walk_all(change.old):
            removal = comparison.new.removal(p.key) if p.key else None
            if removal is None:
                continue
            # The engine may copy the removal's note onto the change: say it once.
            add(kind="removal", side="new", text=None if removal.note == change.note else removal.note,
                sources=tuple(_source_ref(comparison.new, s) for s in removal.sources))
            for ev in removal.evidence:
                add(kind="evidence", side="new", quote=ev.quote, text=ev.note,
                    sources=(_source_ref(comparison.new, ev.source),))
    keys = {p.key for p in Version.walk_all(change.new + change.old) if p.key}
    if keys:
        seen_variants: set[str] = set()
        for side, version in (("new", comparison.new), ("old", comparison.old)):
            for variant in version.variants:
                if variant.key in keys and variant.id not in seen_variants:
                    seen_variants.add(variant.id)
                    claims = tuple(
                        (claim.display(), tuple(_source_ref(version, s) for s in claim.sources), claim.note)
                        for claim in variant.claims
                    )
                    add(kind="variant", side=side, variant=variant, claims=claims, text=variant.verdict)
    seen: set[tuple[str, str]] = set()
    for side, provisions, version in (("new", change.new, comparison.new), ("old", change.old, comparison.old)):
        for p in Version.walk_all(provisions):
            for ev in p.evidence:
                if (ev.source, ev.quote) not in seen:
                    seen.add((ev.source, ev.quote))
                    add(kind="evidence", side=side, quote=ev.quote, text=ev.note,
                        sources=(_source_ref(version, ev.source),))
    shown = [n for n in notes if n.kind != "evidence"]
    return tuple(shown + [n for n in notes if n.kind == "evidence"])


def _change_sources(change: Change, comparison: Comparison) -> tuple[SourceRef, ...]:
    # The side that exists now says who reported it; removed and unknown points cite the old side.
    side, version = (change.new, comparison.new) if change.new else (change.old, comparison.old)
    ids: dict[str, None] = {}
    for p in side:
        ids.update(dict.fromkeys(p.sources))
    return tuple(_source_ref(version, s) for s in ids)


_Ident = tuple[str | None, str | None]
_Primary = list[tuple[str, tuple[str, ...]]]


def _change_anchors(comparison: Comparison, anchors: _Anchors, old_pos: dict[_Ident, int],
                    new_pos: dict[_Ident, int]
                    ) -> tuple[dict[_Ident, str], dict[_Ident, str], list[tuple[int, Change, str]], _Primary]:
    """First pass of :func:`build_view`: ids.  Every provision gets one anchor; a moved provision's
    old anchor sits on a stub where it used to stand, so the move is linked both ways."""
    old_anchor: dict[_Ident, str] = {}
    new_anchor: dict[_Ident, str] = {}
    stubs: list[tuple[int, Change, str]] = []
    primary: _Primary = []
    for ch in comparison.changes:
        own: list[str] = []
        for p in ch.new:
            ident = (p.number, p.key)
            new_anchor[ident] = anchors.make("p-" + _anchor_part(p, new_pos.get(ident, 0)))
            own.append(new_anchor[ident])
        for p in ch.old:
            ident = (p.number, p.key)
            old_anchor[ident] = anchors.make("old-" + _anchor_part(p, old_pos.get(ident, 0)))
            if ch.moved and ch.new:
                stubs.append((old_pos.get(ident, len(old_pos)), ch, old_anchor[ident]))
            else:
                own.append(old_anchor[ident])
        if not own:
            own.append(anchors.make(f"change-{len(primary) + 1}"))
        primary.append((own[0], tuple(own[1:])))
    return new_anchor, old_anchor, stubs, primary


def redline_anchors(comparison: Comparison) -> dict[tuple[str | None, str | None], str]:
    """The element id of each provision of the new version on the comparison's redline page,
    by ``(number, key)``."""
    return _change_anchors(comparison, _Anchors(""), _provision_ids(comparison.old.provisions),
                           _provision_ids(comparison.new.provisions))[0]


def build_view(comparison: Comparison, *, title: str | None = None, id_prefix: str = "",
               index_href: str | None = None, nav: Sequence[tuple[str, str]] = ()) -> RedlineView:
    """The view data the redline templates receive (no diffing: a reshaping of the Comparison)."""
    anchors = _Anchors(id_prefix)
    old_pos = _provision_ids(comparison.old.provisions)
    new_pos = _provision_ids(comparison.new.provisions)
    new_anchor, old_anchor, stubs, primary = _change_anchors(comparison, anchors, old_pos, new_pos)

    counter = [0]
    views: list[ChangeView] = []
    for index, (ch, (anchor, extra)) in enumerate(zip(comparison.changes, primary, strict=True), start=1):
        moved_from = None
        if ch.moved and ch.old and ch.new:
            p = ch.old[0]
            moved_from = LinkRef(label=p.label, anchor=old_anchor.get((p.number, p.key)))
        possible = possible_pct = None
        if ch.possible_match is not None:
            p = ch.possible_match.provision
            # An added point's candidate is an old provision; a removed point's is a new one.
            table = old_anchor if ch.new and not ch.old else new_anchor
            side = "old" if table is old_anchor else "new"
            possible = LinkRef(label=p.label, anchor=table.get((p.number, p.key)), title=f"{side} point")
            possible_pct = round(ch.possible_match.similarity * 100)
        wording_unknown = tuple(p.label for p in Version.walk_all(ch.new) if not p.wording_known)
        shown = ch.new or ch.old
        confidence = tuple(sorted({p.confidence for p in shown if p.confidence != "published"}))
        notes = _notes_for(ch, comparison, counter)
        disputes = _disputes(notes)
        views.append(ChangeView(
            change=ch,
            index=index,
            anchor=anchor,
            extra_anchors=extra,
            label=_label(ch),
            kind_label=KIND_LABELS.get(ch.kind, ch.kind),
            title=" + ".join(provision_title(p) for p in shown) if shown else "",
            segments=expose_invisible(own_segments(ch)),
            is_redline=ch.kind != "unknown",
            moved_from=moved_from,
            possible=possible,
            possible_pct=possible_pct,
            wording_unknown=wording_unknown,
            notes=notes,
            sources=_change_sources(ch, comparison),
            confidence=confidence,
            params=tuple(_param_view(pc, disputes) for pc in ch.parameter_changes),
            subs=_sub_views(ch.subchanges, disputes),
            match_note=_match_note(ch),
            disputed_values=_disputed_values(ch, disputes),
        ))

    items = _place_stubs(views, stubs, old_pos, new_anchor)
    counts = tuple((kind, KIND_LABELS[kind], n) for kind, n in comparison.counts.items() if n)
    rows = tuple(
        ParameterRow(view=v, name=pv.name, parameter_change=pv.parameter_change, param=pv)
        for v in views for pv in v.params
    )
    # Declared parameters first within a provision: they are the curated facts; figures read
    # from the wording follow.
    groups = tuple(
        ParameterGroup(v, tuple(sorted(v.params, key=lambda pv: pv.origin != "parameter")))
        for v in views if v.params
    )
    old_title, new_title = comparison.old.title, comparison.new.title
    return RedlineView(
        parameter_groups=groups,
        figures=tuple(row for row in rows if row.param is not None and row.param.is_figure),
        legend=_legend(views, groups),
        index_href=index_href,
        nav=tuple((label, href) for label, raw in nav if (href := _safe_href(raw)) is not None),
        unreported_subs=tuple((v, labels) for v in views if (labels := _sub_labels(v.subs, "unknown"))),
        dropped_subs=tuple((v, labels) for v in views if (labels := _sub_labels(v.subs, "removed"))),
        disputed=tuple(v for v in views if v.disputed_values),
        comparison=comparison,
        title=title or f"{old_title} → {new_title}",
        old=_version_view(comparison.old),
        new=_version_view(comparison.new),
        items=items,
        changes=tuple(views),
        counts=counts,
        renumbered=sum(1 for ch in comparison.changes if ch.renumbered),
        moved=sum(1 for ch in comparison.changes if ch.moved),
        parameter_rows=rows,
        dropped=tuple(v for v in views if v.kind == "removed"),
        not_reported=tuple(v for v in views if v.kind == "unknown"),
        possible=tuple(v for v in views if v.possible is not None),
        id_prefix=id_prefix,
    )


def _label(ch: Change) -> str:
    # "∅" says a point is gone; an unknown fate is not known to be gone.
    if ch.kind == "unknown":
        return f"{', '.join(ch.old_numbers or ch.new_numbers)} → ?" if ch.old else f"? → {', '.join(ch.new_numbers)}"
    return ch.label


def _sub_label(ch: Change) -> str:
    """``'(a)'``, ``'(b) → ∅'``, ``'(c) → ?'``: sub-point letters as the documents print them."""
    def side(numbers: Sequence[str], empty: str) -> str:
        return ", ".join(n if n == "–" else f"({n})" for n in numbers) or empty

    old = side(ch.old_numbers, "?" if ch.kind == "unknown" else "∅")
    new = side(ch.new_numbers, "?" if ch.kind == "unknown" else "∅")
    return old if old == new else f"{old} → {new}"


def _disputes(notes: Sequence[Note]) -> dict[str, tuple[int, ...]]:
    """Note numbers of the reported variants about each parameter name."""
    out: dict[str, tuple[int, ...]] = {}
    for n in notes:
        if n.kind == "variant" and n.variant is not None and n.variant.parameter:
            out[n.variant.parameter] = (*out.get(n.variant.parameter, ()), n.number)
    return out


def _param_view(pc: ParameterChange, disputes: dict[str, tuple[int, ...]]) -> ParamView:
    return ParamView(
        parameter_change=pc,
        name=pc.label,
        old=format_value(pc.old, pc.unit),
        new=format_value(pc.new, pc.unit),
        disputed=disputes.get(pc.name, ()),
        change_text=pc.display(label=False),
    )


def _disputed_values(ch: Change, disputes: dict[str, tuple[int, ...]]
                     ) -> tuple[tuple[str, str, tuple[int, ...], str], ...]:
    """The disputed figures this change carries unchanged (a changed one is marked on its ParamView)."""
    changed = {pc.name for pc in ch.parameter_changes}
    changed.update(pc.name for sub in _walk_changes(ch.subchanges) for pc in sub.parameter_changes)
    out = []
    how = "unchanged" if ch.old and ch.new else "as recorded"
    for name, numbers in disputes.items():
        if name in changed:
            continue
        for p in ch.new or ch.old:
            prm = p.parameter(name)
            if prm is not None:
                out.append((humanize(name), prm.display(), numbers, how))
                break
    return tuple(out)


def _walk_changes(changes: Sequence[Change]) -> Iterator[Change]:
    for ch in changes:
        yield ch
        yield from _walk_changes(ch.subchanges)


def _sub_views(subchanges: Sequence[Change], disputes: dict[str, tuple[int, ...]]) -> tuple[SubView, ...]:
    return tuple(
        SubView(
            change=sub,
            label=_sub_label(sub),
            kind_label=KIND_LABELS.get(sub.kind, sub.kind),
            segments=expose_invisible(own_segments(sub)),
            params=tuple(_param_view(pc, disputes) for pc in sub.parameter_changes),
            subs=_sub_views(sub.subchanges, disputes),
        )
        for sub in subchanges
    )


def _sub_labels(subs: Sequence[SubView], kind: str) -> str:
    """``'sub-points a, b'``, ``'2 unnumbered sub-points'``: the sub-points (at any depth) with
    changes of ``kind``, or "" when there are none."""
    numbers = [n for sv in _walk_subs(subs) if sv.kind == kind
               for n in (sv.change.old_numbers or sv.change.new_numbers)]
    named = [n for n in numbers if n != "–"]
    unnamed = len(numbers) - len(named)
    parts = []
    if named:
        parts.append(f"sub-point{'s' if len(named) > 1 else ''} {', '.join(named)}")
    if unnamed:
        parts.append(f"{unnamed} unnumbered sub-point{'s' if unnamed > 1 else ''}")
    return " and ".join(parts)


def _walk_subs(subs: Sequence[SubView]) -> Iterator[SubView]:
    for sv in subs:
        yield sv
        yield from _walk_subs(sv.subs)


def _match_note(ch: Change) -> str | None:
    """How the pair was linked, in words, with the share of words kept where it informs."""
    rule = ch.matched_by
    if rule is None:
        return None
    kept = None
    if not all(p.wording_known for p in (*ch.old, *ch.new)):
        # A text that only describes what was reported shares few words with the wording it
        # replaces: a share of words kept would read as a rewrite nobody reported.
        kept = "the wording on one side is not known"
    elif ch.similarity is not None and ch.kind != "unchanged":
        pct = round(ch.similarity * 100)
        kept = "reworded throughout, no words kept" if pct == 0 else f"{pct}% of the words kept"
    how = {
        "key": "Same provision (lineage key)",
        "exact": "Same text",
        "number": "Same number and similar wording",
        "similarity": "Linked by similar wording",
        "split": "Linked as a split",
        "merge": "Linked as a merger",
    }.get(rule, f"Linked by {rule}")
    return f"{how}: {kept}." if kept else f"{how}."


def _legend(views: Sequence[ChangeView], groups: Sequence[ParameterGroup]) -> tuple[tuple[str, str, str], ...]:
    """The legend entries for the marks the page uses."""
    used: set[str] = set()
    labels: list[str] = []

    def visit(kind: str, segs: Sequence[tuple[str, str]], label: str, params: Sequence[ParamView]) -> None:
        used.add(kind)
        used.update(k for k, _ in segs if k != "eq")
        labels.append(label)
        for pv in params:
            used.add("arrow")
            if pv.disputed:
                used.add("disputed")
            if pv.origin == "text":
                used.add("text-figure")

    def visit_subs(subs: Sequence[SubView]) -> None:
        for sv in subs:
            visit(sv.kind, sv.segments, sv.label, sv.params)
            visit_subs(sv.subs)

    for v in views:
        visit(v.kind, v.segments if v.is_redline else (), v.label, v.params)
        visit_subs(v.subs)
        if v.disputed_values:
            used.add("disputed")
        if v.change.renumbered:
            used.add("renumbered")
        if v.change.moved:
            used.add("moved")
    text = " ".join(labels)
    for mark, char in (("arrow", "→"), ("none", "∅"), ("unknown-mark", "?"), ("no-number", "–")):
        if char in text:
            used.add(mark)
    return tuple(entry for entry in LEGEND if entry[0] in used)


def _place_stubs(
    views: list[ChangeView],
    stubs: list[tuple[int, Change, str]],
    old_pos: dict[tuple[str | None, str | None], int],
    new_anchor: dict[tuple[str | None, str | None], str],
) -> tuple[ChangeView | MoveStub, ...]:
    """Put each move stub before the first unmoved change that stood after it in the old version."""
    if not stubs:
        return tuple(views)
    before: dict[int, list[MoveStub]] = {}
    trailing: list[MoveStub] = []
    for position, ch, anchor in sorted(stubs, key=lambda s: s[0]):
        target = ch.new[0]
        stub = MoveStub(
            anchor=anchor,
            old_label=ch.old[0].label,
            target=LinkRef(label=", ".join(ch.new_numbers), title=provision_title(target),
                           anchor=new_anchor.get((target.number, target.key))),
        )
        for i, view in enumerate(views):
            ch2 = view.change
            if ch2.moved or not ch2.old:
                continue
            if min(old_pos.get((p.number, p.key), -1) for p in ch2.old) > position:
                before.setdefault(i, []).append(stub)
                break
        else:
            trailing.append(stub)
    items: list[ChangeView | MoveStub] = []
    for i, view in enumerate(views):
        items.extend(before.get(i, ()))
        items.append(view)
    items.extend(trailing)
    return tuple(items)


def _version_view(version: Version) -> VersionView:
    return VersionView(version=version, sources=tuple(_source_ref(version, s.id) for s in version.sources))


# --------------------------------------------------------------------------------------------
# Jinja2 environment and filters
# --------------------------------------------------------------------------------------------


class _Styled(str):
    """Text the renderer already made safe for its format (ANSI codes, escaped Markdown)."""

    __slots__ = ()


def _finalize_terminal(value: Any) -> Any:
    # Terminal output cannot be post-processed as a whole (its ANSI codes are control characters),
    # so every {{ expression }} of document text has its controls shown here; text the filters
    # already styled passes untouched.
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, _Styled):
        return visible_controls(value)
    return value


def _finalize(value: Any) -> Any:
    return "" if value is None else value


# Inline metacharacters: emphasis, code, links, raw HTML, entities, strike-through, table pipes.
_MD_ESCAPES = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()#!|~&"})
# Block starters that could interrupt a paragraph at the start of a line (lists, quotes, setext).
_MD_LINE_START_RE = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)
# GFM extended autolinks: "scheme://", "www." and e-mail addresses become links unless broken up.
_MD_AUTOLINK_RE = re.compile(r"(?i)(:)(?=//)|(?<=www)(\.)|(@)")


def md_escape(text: Any) -> _Styled:
    """Escape Markdown metacharacters so document text stays text (no links, HTML, emphasis).

    Example::

        >>> str(md_escape("<b>[x](y)</b>"))
        '\\\\<b\\\\>\\\\[x\\\\]\\\\(y\\\\)\\\\</b\\\\>'
    """
    text = visible_controls(str(text)).translate(_MD_ESCAPES)
    if ":" in text or "@" in text or "www" in text.lower():
        text = _MD_AUTOLINK_RE.sub(lambda m: "\\" + m.group(), text)
    if "\n" in text or text[:1] in "-+=> \t0123456789":
        text = _MD_LINE_START_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _Styled(text)


def md_cell(text: Any) -> _Styled:
    """Escape text for a Markdown table cell (one line, pipes escaped)."""
    return md_escape(" ".join(str(text).split()))


@functools.lru_cache(maxsize=1024)
def md_url(url: str | None) -> str | None:
    """A safe URL percent-encoded for a Markdown link destination, or None."""
    url = safe_url(url)
    if url is None:
        return None
    # Percent-encode what could end the destination; "&" stays (query strings) but is backslash-
    # escaped, or Markdown would decode an entity such as "&lt;" inside the URL.
    return quote(url, safe=":/?#@!$&'*+,;=%-._~[]").replace("&", "\\&")


def _md_punct(c: str) -> bool:
    return c in _ASCII_PUNCT or unicodedata.category(c)[0] in "PS"


def _md_can_open(prev: str, first: str) -> bool:
    # CommonMark left-flanking run: not before whitespace; before punctuation only after
    # whitespace or punctuation ("" is a line edge).
    return not first.isspace() and (not _md_punct(first) or not prev or prev.isspace() or _md_punct(prev))


def _md_can_close(last: str, nxt: str) -> bool:
    return not last.isspace() and (not _md_punct(last) or not nxt or nxt.isspace() or _md_punct(nxt))


def md_redline(segs: Sequence[tuple[str, str]]) -> _Styled:
    """Segments as Markdown: deletions ``~~…~~``, insertions ``**…**``, one delimiter pair per line.

    Whitespace stays outside the delimiters (GFM ignores ``~~ x~~``).  Where the delimiters
    still could not open or close (``word~~.~~``: a run between a letter and punctuation),
    the change is written as ``<del>…</del>`` / ``<ins>…</ins>``, which GitHub renders the
    same way; the text inside is escaped either way.  A line break inside a provision is a
    hard break (``\\`` at line end) so sub-points stay on their own lines.
    """
    marks = {"del": "~~", "ins": "**"}
    lines: list[list[list[str]]] = [[]]  # per line: [kind, lead, escaped body, trail]
    for kind, text in segs:
        for i, part in enumerate(text.split("\n")):
            if i:
                lines.append([])
            if not part:
                continue
            stripped = part.strip()
            if kind == "eq" or not stripped:
                lines[-1].append(["eq", "", md_escape(part), ""])
                continue
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()):]
            lines[-1].append([kind, lead, md_escape(stripped), trail])
    out = []
    for pieces in lines:
        rendered: list[str] = []
        for n, (kind, lead, body, trail) in enumerate(pieces):
            if kind == "eq":
                rendered.append(body)
                continue
            prev = lead[-1:] or (rendered[-1][-1:] if rendered else "")
            following = pieces[n + 1] if n + 1 < len(pieces) else None
            if trail:
                nxt = trail[0]
            elif following is None:
                nxt = ""
            elif following[0] != "eq" and not following[1]:
                nxt = "~" if following[0] == "del" else "*"
            else:
                nxt = (following[1] or following[2])[:1]
            if _md_can_open(prev, body[0]) and _md_can_close(body[-1], nxt):
                mark = marks[kind]
                rendered.append(f"{lead}{mark}{body}{mark}{trail}")
            else:
                rendered.append(f"{lead}<{kind}>{body}</{kind}>{trail}")
        out.append("".join(rendered).rstrip())
    return _Styled("\\\n".join(line for line in out if line))


def _wrap_runs(runs: Sequence[tuple[str, str]], width: int, indent: str, color: bool,
               first: str | None = None) -> str:
    """Wrap styled runs to ``width`` columns, counting only visible characters.

    Every line starts with ``indent`` except the first, which starts with ``first`` when given.
    """
    pieces: list[tuple[str, str]] = []  # (style, text) with line breaks as ("nl", "")
    for style, text in runs:
        text = visible_controls(text)
        if not color:
            start, end = _PLAIN_MARKS.get(style, ("", ""))
            text = f"{start}{text}{end}" if start else text
        for i, part in enumerate(text.split("\n")):
            if i:
                pieces.append(("nl", ""))
            pieces.extend((style, tok) for tok in re.findall(r"\s+|\S+", part))
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    avail = max(20, width - len(indent))
    for style, tok in pieces:
        if style == "nl":
            lines.append([])
            used = 0
            continue
        if tok.isspace():
            if used == 0:
                continue
            lines[-1].append((style, tok))
            used += len(tok)
            continue
        if used and used + len(tok) > avail:
            while lines[-1] and lines[-1][-1][1].isspace() and lines[-1][-1][0] == "eq":
                lines[-1].pop()
            lines.append([])
            used = 0
        lines[-1].append((style, tok))
        used += len(tok)
    out = []
    for number, line in enumerate(lines):
        merged: list[list[str]] = []
        for style, tok in line:
            if merged and merged[-1][0] == style:
                merged[-1][1] += tok
            else:
                merged.append([style, tok])
        text = "".join(
            f"{_ANSI[style]}{tok}{_ANSI_RESET}" if color and style in _ANSI else tok for style, tok in merged
        )
        lead = first if number == 0 and first is not None else indent
        out.append((lead + text).rstrip() if not color else lead + text)
    return "\n".join(out)


def _text_redline(segs: Sequence[tuple[str, str]], width: int = 100, indent: str = "",
                  color: bool = False) -> _Styled:
    return _Styled(_wrap_runs(segs, width, indent, color))


def _text_wrap(text: Any, width: int = 100, indent: str = "", first: str | None = None) -> _Styled:
    return _Styled(_wrap_runs((("eq", str(text)),), width, indent, False, first))


def _style(text: Any, style: str, color: bool) -> _Styled:
    text = visible_controls(str(text))
    return _Styled(f"{_ANSI[style]}{text}{_ANSI_RESET}" if color else text)


def _pct(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100)}%"


_USE_TEMPLATE_CACHE = False


def use_template_cache(enabled: bool = True) -> None:
    """Keep compiled templates between runs (the CLI turns this on; a library call never writes a cache).

    See :mod:`peacediff._template_cache` for why the cache can be trusted.
    """
    global _USE_TEMPLATE_CACHE
    if enabled != _USE_TEMPLATE_CACHE:
        _USE_TEMPLATE_CACHE = enabled
        _environment.cache_clear()


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """The CLI's signed, private template cache, or None (library use, PEACEDIFF_NO_CACHE=1)."""
    if not _USE_TEMPLATE_CACHE:
        return None
    from peacediff._template_cache import template_cache

    return template_cache()


@functools.cache
def _environment(terminal: bool = False) -> jinja2.Environment:
    """The Jinja2 environment: autoescape on for ``*.html.j2``, strict undefined, shared filters.

    HTML and Markdown output has its control characters shown in one pass over the finished
    document (:func:`_render`); the ``terminal`` environment does it per value instead.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=lambda name: name is not None and name.endswith(".html.j2"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize_terminal if terminal else _finalize,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(
        md=md_escape,
        md_cell=md_cell,
        md_url=md_url,
        md_redline=md_redline,
        text_redline=_text_redline,
        text_wrap=_text_wrap,
        style=_style,
        humanize=humanize,
        pct=_pct,
        provision_title=provision_title,
        safe_url=safe_url,
        sources_html=_sources_html,
    )
    env.globals.update(KIND_LABELS=KIND_LABELS, CHANGE_KINDS=CHANGE_KINDS)
    return env


# Rendered source lists by the identity of their SourceRef objects (the views share one object per
# cited source, and a dict key keeps them alive, so identities are not reused while cached).
_SOURCE_LISTS: dict[tuple[SourceRef, ...], Markup] = {}


def _sources_html(sources: Sequence[SourceRef]) -> Markup:
    """The ``sources_inline`` macro's output, memoised: a redline cites the same sources dozens of times."""
    key = tuple(sources)
    html = _SOURCE_LISTS.get(key)
    if html is None:
        if len(_SOURCE_LISTS) >= 4096:
            _SOURCE_LISTS.clear()
        macro = _environment().get_template("_macros.html.j2").module.sources_inline  # type: ignore[attr-defined]
        html = _SOURCE_LISTS[key] = macro(key)
    return html


@functools.cache
def _assets() -> tuple[Markup, Markup, str]:
    """The inline stylesheet and script (no document data in them) and the page's CSP header value."""
    env = _environment()
    css = env.get_template("_style.css.j2").render().strip()
    script = env.get_template("_script.js.j2").render().strip()

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    # No network at all; only our own style and script (by hash) may run, so even text that
    # slipped past escaping could neither load anything nor execute.
    csp = (f"default-src 'none'; style-src {digest(css)}; script-src {digest(script)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    if _CONTROL_RE.search(css + script):  # _render's final pass must leave them (and their hashes) alone
        raise AssertionError("the stylesheet or script contains a control character")
    return Markup(css), Markup(script), csp


def _render(template: str, **context: Any) -> str:
    """Render an HTML or Markdown template, then show every control character in the result.

    One pass over the finished document is both faster and safer than one per value: the
    tokens it writes (``⟨U+202E⟩``) need no escaping, and no value can slip past it.
    """
    return visible_controls(_environment().get_template(template).render(**context))


def _render_terminal(template: str, **context: Any) -> str:
    return _environment(terminal=True).get_template(template).render(**context)


# --------------------------------------------------------------------------------------------
# Public rendering functions
# --------------------------------------------------------------------------------------------


def render_html(comparison: Comparison, *, title: str | None = None, index_href: str | None = None,
                nav: Sequence[tuple[str, str]] = ()) -> str:
    """The whole self-contained HTML redline page (inline CSS and script, no network).

    ``index_href`` (a relative file name such as ``"index.html"``) adds a link back to the
    index page of a set of redlines at the top of the page.

    Example::

        >>> html = render_html(comparison)  # doctest: +SKIP
        >>> html.startswith("<!DOCTYPE html>")  # doctest: +SKIP
        True
    """
    css, script, csp = _assets()
    view = build_view(comparison, title=title, index_href=_safe_href(index_href) if index_href else None, nav=nav)
    return _render("redline.html.j2", view=view, standalone=True, css=css, script=script, csp=csp)


def render_html_fragment(comparison: Comparison) -> str:
    """The redline as an HTML fragment for notebooks: styles scoped under ``.pd``, ids prefixed."""
    css, script, _ = _assets()
    prefix = f"pd-{comparison.old.id}--{comparison.new.id}-"
    view = build_view(comparison, id_prefix=prefix)
    return _render("redline.html.j2", view=view, standalone=False, css=css, script=script, csp="")


def render_markdown(comparison: Comparison) -> str:
    """GitHub-flavoured Markdown: summary tables, then each changed provision as a redline."""
    return _render("redline.md.j2", view=build_view(comparison))


def render_text(comparison: Comparison, *, color: bool = False, width: int = 100) -> str:
    """A terminal redline: ``[-deleted-]{+inserted+}``, or red/blue ANSI styles when ``color``."""
    return _render_terminal("redline.txt.j2", view=build_view(comparison), color=color, width=width)


def render_version_html(version: Version, *, lineage: Sequence[Comparison] = ()) -> str:
    """A version as a scoped HTML fragment (header and a table of provisions), for notebooks."""
    css, _, _ = _assets()
    return _render("version.html.j2", **_version_context(version, lineage), css=css)


def render_version_markdown(version: Version, *, lineage: Sequence[Comparison] = ()) -> str:
    """A version as Markdown: header, provisions with parameters and evidence, removals, variants.

    ``lineage`` holds comparisons against the version's parents; each adds a section saying
    which of the parent's points were carried over, removed, or not reported.
    """
    return _render("version.md.j2", **_version_context(version, lineage))


def render_version_text(version: Version, *, lineage: Sequence[Comparison] = ()) -> str:
    """A version as plain text: header, numbered provisions with parameters and evidence,
    removals, variants, and (with ``lineage``) the fate of each parent's points."""
    return _render_terminal("version.txt.j2", **_version_context(version, lineage))


@dataclass(frozen=True, slots=True, eq=False)
class FateGroup:
    """Points of a parent version sharing one fate in a child version."""

    label: str
    points: tuple[str, ...]


@dataclass(frozen=True, slots=True, eq=False)
class LineageView:
    """How a version treats the points of one parent."""

    parent: Version
    groups: tuple[FateGroup, ...]


def _point_name(p: Provision) -> str:
    return f"{p.label} {p.title}" if p.title else p.label


def _lineage_view(comparison: Comparison) -> LineageView:
    carried: list[str] = []
    removed: list[str] = []
    unknown: list[str] = []
    for ch in comparison.changes:
        target = {"removed": removed, "unknown": unknown, "added": None}.get(ch.kind, carried)
        if target is not None:
            target.extend(_point_name(p) for p in ch.old)
    groups = (FateGroup("carried over (same or revised)", tuple(carried)),
              FateGroup("removed", tuple(removed)),
              FateGroup("fate not reported", tuple(unknown)))
    return LineageView(comparison.old, tuple(g for g in groups if g.points))


def _version_context(version: Version, lineage: Sequence[Comparison]) -> dict[str, Any]:
    return {
        "version": _version_view(version),
        "provisions": _version_rows(version),
        "removed": tuple((r, tuple(_source_ref(version, s) for s in r.sources)) for r in version.removed),
        "variants": tuple((v, tuple(tuple(_source_ref(version, s) for s in c.sources) for c in v.claims))
                          for v in version.variants),
        "lineage": tuple(_lineage_view(c) for c in lineage),
    }


def render_history_text(history: History, *, width: int = 100) -> str:
    """A provision's history as a plain-text timeline, with the disputes about it."""
    return _render_terminal("history.txt.j2", history=history, width=width)


def render_history_markdown(history: History) -> str:
    """A provision's history as a Markdown table, one row per version, one column per parameter."""
    return _render("history.md.j2", history=history)


def render_history_html(history: History) -> str:
    """A provision's history as a scoped HTML fragment (notebooks)."""
    return _render("history.html.j2", history=history)


def render_index_html(entries: Iterable[tuple[str, Comparison]], *, title: str = "peacediff redlines",
                      site: dict[str, Any] | None = None) -> str:
    """An index page linking redline files: ``entries`` are ``(href, comparison)`` pairs.

    ``href`` should be a relative file name such as ``"us-russia-28__e3-counter-28.html"``;
    anything that is not a plain relative path or an http(s) URL is shown without a link.
    """
    css, script, csp = _assets()
    rows = []
    kinds: set[str] = set()
    for href, comparison in entries:
        kinds.update(kind for kind, n in comparison.counts.items() if n)
        rows.append({
            "href": _safe_href(href),
            "comparison": comparison,
            "counts": tuple((kind, KIND_LABELS[kind], n) for kind, n in comparison.counts.items() if n),
            "parameters": len(comparison.parameter_changes),
        })
    legend = tuple(entry for entry in LEGEND if entry[0] in kinds)
    return _render("index.html.j2", title=title, rows=rows, legend=legend, css=css, script=script, csp=csp,
                   site=site)


_RELATIVE_HREF_RE = re.compile(r"^[A-Za-z0-9._~/-]+(?:#[A-Za-z0-9._-]*)?$")


def _safe_href(href: str) -> str | None:
    if _RELATIVE_HREF_RE.match(href) and not href.startswith("//"):
        return href
    return safe_url(href)


@dataclass(frozen=True, slots=True, eq=False)
class ProvisionRow:
    """A provision of a version view, flattened with its depth for nested display."""

    provision: Provision
    depth: int
    sources: tuple[SourceRef, ...]


def _version_rows(version: Version) -> tuple[ProvisionRow, ...]:
    rows: list[ProvisionRow] = []

    def add(p: Provision, depth: int) -> None:
        rows.append(ProvisionRow(p, depth, tuple(_source_ref(version, s) for s in p.sources)))
        for sub in p.subpoints:
            add(sub, depth + 1)

    for p in version.provisions:
        add(p, 0)
    return tuple(rows)


# --------------------------------------------------------------------------------------------
# Three-way comparisons
# --------------------------------------------------------------------------------------------

#: How each three-way status reads in the views (the badge text; colour is never the only cue).
THREEWAY_LABELS: dict[str, str] = {
    "conflict": "conflict",
    "agreement": "agreement",
    "left": "left only",
    "right": "right only",
    "unknown": "not reported",
    "unchanged": "unchanged",
}


#: How each side's outcome reads in the views.
THREEWAY_OUTCOMES: dict[str, str] = {
    "unchanged": "unchanged", "changed": "changed", "removed": "removed", "added": "added",
    "unknown": "not reported", "absent": "nothing added",
}


@dataclass(frozen=True, slots=True, eq=False)
class ThreeWaySide:
    """One side of a three-way entry as the templates draw it."""

    name: str
    version: Version
    outcome: str
    numbers: str
    segments: tuple[tuple[str, str], ...]


def _side_segments(changes: Sequence[Change]) -> tuple[tuple[str, str], ...]:
    runs: list[tuple[str, str]] = []
    for i, ch in enumerate(changes):
        if i:
            runs.append(("eq", "\n"))
        runs.extend(segments(ch))
    return tuple(runs)


def _threeway_sides(threeway: ThreeWay, entry: ThreeWayEntry) -> tuple[ThreeWaySide, ThreeWaySide]:
    return tuple(  # type: ignore[return-value]
        ThreeWaySide(name, getattr(threeway, name), getattr(entry, f"{name}_outcome"),
                     ", ".join(p.label for p in entry.new_provisions(name)) or "–",
                     _side_segments(getattr(entry, name)))
        for name in ("left", "right")
    )


def _threeway_context(threeway: ThreeWay) -> dict[str, Any]:
    rows = [{"entry": e, "sides": _threeway_sides(threeway, e), "anchor": f"e{i + 1}",
             "changed_parameters": tuple(t for t in e.parameters if t.status != "unchanged")}
            for i, e in enumerate(threeway.entries)]
    return {"tw": threeway, "rows": rows, "labels": THREEWAY_LABELS, "outcomes": THREEWAY_OUTCOMES}


def render_threeway_text(threeway: ThreeWay, *, color: bool = False, width: int = 100) -> str:
    """A three-way comparison as plain text: counts, then each entry with both sides' redlines."""
    return _render_terminal("threeway.txt.j2", color=color, width=width, **_threeway_context(threeway))


def render_threeway_markdown(threeway: ThreeWay) -> str:
    """A three-way comparison as Markdown: a summary table, then conflicts and changes side by side."""
    return _render("threeway.md.j2", **_threeway_context(threeway))


def render_threeway_html(threeway: ThreeWay, *, index_href: str | None = None) -> str:
    """A three-way comparison as a self-contained HTML page (inline CSS, no network)."""
    css, _script, csp = _assets()
    return _render("threeway.html.j2", standalone=True, css=css, csp=csp,
                   index_href=_safe_href(index_href) if index_href else None, **_threeway_context(threeway))


def render_threeway_html_fragment(threeway: ThreeWay) -> str:
    """A three-way comparison as an HTML fragment for notebooks (styles scoped under ``.pd``)."""
    css = _assets()[0]
    return _render("threeway.html.j2", standalone=False, css=css, csp="", index_href=None,
                   **_threeway_context(threeway))


# --------------------------------------------------------------------------------------------
# Version matrix
# --------------------------------------------------------------------------------------------

#: Badge class for each matrix cell kind (existing colours; the words carry the meaning).
MATRIX_BADGES: dict[str, str] = {
    "same": "unchanged", "modified": "modified", "renumbered": "moved", "moved": "moved", "split": "split",
    "merged": "merged", "removed": "removed", "not reported": "unknown", "new": "added",
    "not yet introduced": "unchanged", "absent": "unchanged",
}


def _matrix_text_cell(cell: Any) -> str:
    if cell.kind in ("not yet introduced", "absent") and cell.value is None:
        return "·" if cell.kind == "not yet introduced" else "–"
    shown: str = cell.display()
    return shown


def render_matrix_text(matrix: Matrix, *, width: int = 100) -> str:
    """The matrix as plain text: a legend, then one block per lineage with one line per version."""
    return _render_terminal("matrix.txt.j2", m=matrix, width=width, cell_text=_matrix_text_cell)


def render_matrix_markdown(matrix: Matrix) -> str:
    """The matrix as a Markdown table: one row per lineage, one column per version."""
    return _render("matrix.md.j2", m=matrix, cell_text=_matrix_text_cell)


def render_matrix_html(matrix: Matrix, *, index_href: str | None = None, history_href: str | None = None,
                       cell_links: Sequence[Sequence[str | None]] | None = None) -> str:
    """The matrix as a self-contained HTML page.

    ``history_href`` (e.g. ``"history-{key}.html"``) links each keyed row to its history page;
    ``cell_links[row][column]`` (relative hrefs or None) links cells, e.g. to a redline anchor.
    """
    css, _script, csp = _assets()
    links = cell_links or [[None] * len(matrix.versions) for _ in matrix.rows]
    return _render("matrix.html.j2", m=matrix, standalone=True, css=css, csp=csp, badges=MATRIX_BADGES,
                   index_href=_safe_href(index_href) if index_href else None, history_href=history_href,
                   links=links)


def render_matrix_html_fragment(matrix: Matrix) -> str:
    """The matrix as an HTML fragment for notebooks (styles scoped under ``.pd``)."""
    css = _assets()[0]
    return _render("matrix.html.j2", m=matrix, standalone=False, css=css, csp="", badges=MATRIX_BADGES,
                   index_href=None, history_href=None, links=[[None] * len(matrix.versions) for _ in matrix.rows])


# --------------------------------------------------------------------------------------------
# Lineage graph
# --------------------------------------------------------------------------------------------


def render_lineage_text(graph: LineageGraph, *, width: int = 100, **_options: Any) -> str:
    """The versions as a text tree: each version under the one it revises, oldest first."""
    lines: list[str] = []
    shown: set[str] = set()

    def visit(v: Version, lead: str, branch: str) -> None:
        if v.id in shown:
            lines.append(f"{lead}{branch}{v.id}  (also listed above)")
            return
        shown.add(v.id)
        facts = "  ".join(x for x in (v.date or "undated", v.title) if x)
        partial = ", partial record" if v.coverage == "partial" else ""
        lines.append(f"{lead}{branch}{v.id}  {facts}{partial}")
        children = graph.children(v.id)
        below = lead + ("│   " if branch == "├── " else "    " if branch else "")
        for i, child in enumerate(children):
            visit(child, below, "└── " if i == len(children) - 1 else "├── ")

    for root in graph.roots:
        visit(root, "", "")
    for v in graph.versions:  # versions caught in a cycle have no root
        if v.id not in shown:
            visit(v, "", "")
    return visible_controls("\n".join(lines)) + "\n"


def render_lineage_markdown(graph: LineageGraph) -> str:
    """The versions as a nested Markdown list."""
    lines = []
    for indent, v, first in graph.tree():
        facts = f" ({md_escape(v.date)})" if v.date else ""
        tail = f" {md_escape(v.title)}" if first else " *(also listed above)*"
        lines.append(f"{'  ' * indent}- `{v.id}`{facts}{tail}")
    return visible_controls("\n".join(lines) + "\n")


_NODE_W, _NODE_H, _COL_W, _ROW_H = 200, 46, 250, 62


def lineage_svg(graph: LineageGraph, *, node_href: str | None = "version-{id}.html",
                edge_href: str | None = "{parent}__{child}.html") -> Markup:
    """The lineage as inline SVG: a box per version (id, date), an arrow per parent link.

    Black on white with text labels, so it reads without colour; a partial record has a
    dashed box.  ``node_href`` / ``edge_href`` (``{id}``, ``{parent}``, ``{child}``
    placeholders; None for no links) make each box link its version page and each arrow
    its redline.  No external asset, no style attribute (the pages' CSP allows none).
    """
    place: dict[str, tuple[int, int]] = {}
    for row, (_, v, _first) in enumerate(r for r in graph.tree() if r[2]):
        place[v.id] = (graph.depth(v.id) * _COL_W + 10, row * _ROW_H + 10)
    width = max((x for x, _ in place.values()), default=0) + _NODE_W + 20
    height = max((y for _, y in place.values()), default=0) + _NODE_H + 20
    parts = [f'<svg class="lineage" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'width="100%" role="img" aria-labelledby="lineage-title">'
             '<title id="lineage-title">How the versions descend from each other: '
             'each arrow runs from a version to the one that revises it.</title>'
             '<defs><marker id="lineage-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
             'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1c1c1c"/></marker>'
             '</defs>']
    for parent, child in graph.edges:
        (px, py), (cx, cy) = place[parent], place[child]
        x1, y1, x2, y2 = px + _NODE_W, py + _NODE_H // 2, cx - 2, cy + _NODE_H // 2
        mid = (x1 + x2) // 2
        d = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
        label = escape(f"redline: {parent} → {child}")
        path = (f'<path d="{d}" fill="none" stroke="#1c1c1c" stroke-width="1.5" marker-end="url(#lineage-arrow)"/>'
                f'<path d="{d}" fill="none" stroke="#000" stroke-opacity="0" stroke-width="12"/>')
        if edge_href:
            href = escape(edge_href.format(parent=parent, child=child))
            parts.append(f'<a href="{href}" aria-label="{label}"><title>{label}</title>{path}</a>')
        else:
            parts.append(f"<g><title>{label}</title>{path}</g>")
    for v in graph.versions:
        x, y = place[v.id]
        dash = ' stroke-dasharray="6 4"' if v.coverage == "partial" else ""
        note = " · partial" if v.coverage == "partial" else ""
        label = escape(f"{v.id}: {v.title}")
        box = (f'<rect x="{x}" y="{y}" width="{_NODE_W}" height="{_NODE_H}" rx="6" fill="#fff" stroke="#1c1c1c" '
               f'stroke-width="1.5"{dash}/>'
               f'<text x="{x + 10}" y="{y + 19}" font-size="14" font-weight="700" fill="#1c1c1c">'
               f'{escape(_clip(v.id, 24))}</text>'
               f'<text x="{x + 10}" y="{y + 37}" font-size="12" fill="#1c1c1c">'
               f'{escape((v.date or "undated") + note)}</text>')
        if node_href:
            href = escape(node_href.format(id=v.id))
            parts.append(f'<a href="{href}" aria-label="{label}"><title>{label}</title>{box}</a>')
        else:
            parts.append(f"<g><title>{label}</title>{box}</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def render_lineage_html(graph: LineageGraph) -> str:
    """The lineage graph as an HTML fragment (the SVG without links, for notebooks)."""
    return visible_controls(f'<div class="pd-lineage">{lineage_svg(graph, node_href=None, edge_href=None)}</div>')


# --------------------------------------------------------------------------------------------
# The browsable site of `peacediff redline --out`
# --------------------------------------------------------------------------------------------

_INLINE_RE = re.compile(r"<(style|script)>(.*?)</\1>", re.DOTALL)


def _csp_for(page: str) -> str:
    """A CSP allowing exactly the inline styles and scripts of ``page`` (by hash), nothing from the network."""
    hashes: dict[str, dict[str, None]] = {"style": {}, "script": {}}
    for kind, body in _INLINE_RE.findall(page):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        hashes[kind][f"'sha256-{digest}'"] = None
    styles = " ".join(hashes["style"]) or "'none'"
    scripts = " ".join(hashes["script"]) or "'none'"
    return (f"default-src 'none'; style-src {styles}; script-src {scripts}; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _wrap_page(title: str, body: str, *, neighbours: Sequence[tuple[str, str]] = (),
               related: Sequence[tuple[str, str]] = (), inside: bool = False) -> str:
    """A site page around a rendered fragment; ``inside`` puts it in the page's own styled frame
    (for fragments that bring no frame of their own)."""
    css = _assets()[0]
    page = _render("page.html.j2", title=title, body=Markup(body), css=css, neighbours=neighbours, related=related,
                   inside=inside)
    return page.replace("__PEACEDIFF_CSP__", _csp_for(page), 1)


def _neighbours(names: Sequence[str], labels: Sequence[str], i: int) -> tuple[tuple[str, str], ...]:
    out = []
    if i > 0:
        out.append((f"← {labels[i - 1]}", names[i - 1]))
    if i + 1 < len(names):
        out.append((f"{labels[i + 1]} →", names[i + 1]))
    return tuple(out)


def site_name(kind: str, *ids: str) -> str:
    """The file name of a site page: ``site_name("version", "us-ua-20")`` is ``'version-us-ua-20.html'``."""
    if kind == "redline":
        return f"{ids[0]}__{ids[1]}.html"
    if kind == "threeway":
        return "threeway-" + "--".join(ids) + ".html"
    return f"{kind}-{ids[0]}.html"


def _matrix_links(grid: Matrix, comparisons: dict[tuple[str, str], Comparison]) -> list[list[str | None]]:
    """Each cell holding a provision links its place on the redline of its column (when the site has it)."""
    anchors = {pair: redline_anchors(c) for pair, c in comparisons.items()}
    links: list[list[str | None]] = []
    for row in grid.rows:
        line: list[str | None] = []
        for version, ref, cell in zip(grid.versions, grid.references, row.cells, strict=True):
            pair = (ref, version.id) if ref is not None else None
            anchor = None
            if pair in anchors and cell.provisions:
                p = cell.provisions[0]
                anchor = anchors[pair].get((p.number, p.key))
            line.append(f"{site_name('redline', *pair)}#{anchor}" if anchor and pair else None)
        links.append(line)
    return links


def _sibling_triples(graph: LineageGraph) -> list[tuple[Version, Version, Version]]:
    """Every two versions revising one base, the earlier on the left."""
    triples: list[tuple[Version, Version, Version]] = []
    for base in graph.versions:
        children = graph.children(base.id)
        for i, left in enumerate(children):
            triples.extend((base, left, right) for right in children[i + 1:])
    return triples


def render_site(archive: Archive, pairs: Sequence[tuple[Version, Version]]) -> dict[str, str]:
    """Every page of the browsable site, by file name: the index (lineage graph, matrix link, redlines,
    three-way pages, versions, histories), a redline per pair, the matrix, a three-way page per two
    sibling proposals, a page per version and per provision history.  Links are relative file names."""
    from peacediff.compare import compare
    from peacediff.lineagegraph import lineage_graph
    from peacediff.threeway import compare3
    from peacediff.timeline import history
    from peacediff.versionmatrix import matrix

    pages: dict[str, str] = {}
    graph = lineage_graph(archive)
    comparisons = {(old.id, new.id): compare(old, new) for old, new in pairs}
    entries = []
    redline_names = [site_name("redline", old_id, new_id) for old_id, new_id in comparisons]
    for i, ((old_id, new_id), comparison) in enumerate(comparisons.items()):
        name = redline_names[i]
        nav = [(f"Version {old_id}", site_name("version", old_id)), (f"Version {new_id}", site_name("version", new_id))]
        if i > 0:
            nav.append(("← Previous redline", redline_names[i - 1]))
        if i + 1 < len(redline_names):
            nav.append(("Next redline →", redline_names[i + 1]))
        pages[name] = comparison.to_html(index_href="index.html", nav=nav)
        entries.append((name, comparison))
    grid = matrix(archive=archive, comparisons=comparisons)
    pages["matrix.html"] = render_matrix_html(grid, index_href="index.html", history_href="history-{key}.html",
                                              cell_links=_matrix_links(grid, comparisons))
    threeways = []
    for base, left, right in _sibling_triples(graph):
        name = site_name("threeway", base.id, left.id, right.id)
        tw = compare3(base, left, right, comparisons=comparisons)
        pages[name] = render_threeway_html(tw, index_href="index.html")
        threeways.append((name, tw))
    versions = graph.versions
    version_names = [site_name("version", v.id) for v in versions]
    for i, v in enumerate(versions):
        lineage = [comparisons.get((p.id, v.id)) or compare(p, v) for p in graph.parents(v.id)]
        related = [(f"Redline {old} → {new}", site_name("redline", old, new))
                   for old, new in comparisons if v.id in (old, new)]
        pages[version_names[i]] = _wrap_page(f"Version: {v.id}", render_version_html(v, lineage=lineage),
                                             neighbours=_neighbours(version_names, [x.id for x in versions], i),
                                             related=related)
    keys = sorted({p.key for v in versions for p in v.provisions if p.key})
    history_names = [site_name("history", k) for k in keys]
    for i, key in enumerate(keys):
        h = history(key, archive)
        related = [(f"Version {e.version.id}", site_name("version", e.version.id)) for e in h.entries]
        pages[history_names[i]] = _wrap_page(f"History: {key}", render_history_html(h),
                                             neighbours=_neighbours(history_names, keys, i), related=related,
                                             inside=True)
    site = {
        "lineage": lineage_svg(graph),
        "matrix": "matrix.html",
        "threeways": threeways,
        "labels": THREEWAY_LABELS,
        "versions": list(zip(version_names, versions, strict=True)),
        "histories": list(zip(history_names, keys, strict=True)),
    }
    pages["index.html"] = render_index_html(entries, site=site)
    return pages
