"""HTML written directly where a long redline repeats it per change: plain changes and the contents list.

Most of a long redline is plain changes: no move, split or merger, no figures, sub-points,
notes or sources (``ChangeView.extras`` is false).  Drawing each through the Jinja macro costs
a few dozen attribute lookups and a dozen escapes; on a 20,000-point page that is a third of
the render.  :func:`plain_change_html` writes the same bytes with one escape per value.  The
macro stays the reference (it draws every change, plain or not) and tests/test_render_plainhtml.py
holds the two to the same output on made-up views, metacharacters included.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from peacediff.render._redline import ChangeView

_MARKS = {"del": ("<del>", "</del>"), "ins": ("<ins>", "</ins>")}


def _e(value: str) -> str:
    """``value`` escaped exactly as markupsafe (and so the templates) escape it."""
    if type(value) is str:
        # markupsafe's own replacements, without wrapping each result in a Markup object.
        return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
                .replace("'", "&#39;").replace('"', "&#34;"))
    return str(escape(value))  # Markup and other objects: by their __html__, as the templates do


def plain_change_html(v: ChangeView) -> Markup:
    """``v`` as the ``change`` macro of templates/_macros.html.j2 draws it; ``v.extras`` must be false."""
    if v.extras:
        raise ValueError("plain_change_html draws plain changes only (ChangeView.extras is set)")
    kind = _e(v.kind)
    data_old, data_new = _e(v.data_old), _e(v.data_new)
    parts = [f'<section class="change" id="{_e(v.anchor)}" data-kind="{kind}" data-old="{data_old}"'
             f' data-new="{data_new}">\n']
    parts.extend(f'<span class="anchor" id="{_e(a)}"></span>\n' for a in v.extra_anchors)
    parts.append(f'<h3><span class="num">{_e(v.label)}</span> <span class="badge k-{kind}">{_e(v.kind_label)}</span>')
    if v.change.renumbered:
        parts.append(' <span class="badge k-renumbered">renumbered</span>')
    if v.title:
        parts.append(f' <span class="title">{_e(v.title)}</span>')
    parts.append(f'</h3>\n<div class="redline" data-old-label="Old · {data_old or "—"}"'
                 f' data-new-label="New · {data_new or "—"}">')
    for mark, text in v.segments:
        opening, closing = _MARKS.get(mark, ("", ""))
        parts.append(f"{opening}{_e(text)}{closing}")
    parts.append("</div>\n")
    if v.match_note or v.confidence or v.category:
        parts.append('<p class="meta">')
        if v.match_note:
            parts.append(f"{_e(v.match_note)} ")
        if v.category:
            parts.append(f"Category: {_e(v.category)}{' (inferred)' if v.category_inferred else ''}. ")
        if v.confidence:
            parts.append(f"Confidence: {', '.join(_e(c) for c in v.confidence)}.")
        parts.append("</p>\n")
    parts.append("</section>\n")
    return Markup("".join(parts))


def nav_rows_html(views: Sequence[ChangeView]) -> Markup:
    """The redline's contents list: one ``<li>`` per change (label, kind badge, "moved", title)."""
    parts = []
    for v in views:
        moved = ' <span class="badge k-moved">moved</span>' if v.change.moved else ""
        parts.append(f'<li><a href="#{_e(v.anchor)}"><span class="num">{_e(v.label)}</span></a>'
                     f' <span class="badge k-{_e(v.kind)}">{_e(v.kind_label)}</span>{moved} {_e(v.title)}</li>\n')
    return Markup("".join(parts))
