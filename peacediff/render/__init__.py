"""Redlines: a :class:`~peacediff.compare.Comparison` or a Version as HTML, Markdown or terminal text.

This package turns the comparison's data into view data (anchors, text segments
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

The package's rooms, one job each (this module only names what they offer):

* ``_safetext``: characters no output carries as they are, invisible changes, safe links;
* ``_runs``: a change's wording as ``eq`` / ``del`` / ``ins`` runs from its ops;
* ``_sources``, ``_notes``, ``_anchors``: cited sources, footnotes, element ids of a page;
* ``_redline``: the redline's view model (:func:`build_view`), which knows no output format;
* ``_views``: view data of a version, a three-way comparison and a matrix;
* ``_markdown``, ``_terminal``: Markdown escaping and redlines; wrapping and colour for a terminal;
* ``_environment``: the Jinja2 environment, its filters, the page assets and their CSP hashes;
* ``_pages``: each result through its template; ``_lineage``: the lineage graph drawn;
  ``_site``: the browsable site of ``peacediff redline --out``.

Example::

    >>> import peacediff
    >>> from peacediff.render import render_text
    >>> old = peacediff.Version.from_texts("a", ["Forces are capped at 600,000."])
    >>> new = peacediff.Version.from_texts("b", ["Forces are capped at 800,000."])
    >>> print(render_text(peacediff.compare(old, new)))  # doctest: +SKIP
"""

from __future__ import annotations

from peacediff.render._anchors import redline_anchors
from peacediff.render._environment import use_template_cache
from peacediff.render._lineage import (
    lineage_svg,
    render_lineage_html,
    render_lineage_markdown,
    render_lineage_text,
)
from peacediff.render._markdown import md_cell, md_escape, md_redline, md_url
from peacediff.render._notes import Note
from peacediff.render._pages import (
    MATRIX_BADGES,
    render_history_html,
    render_history_markdown,
    render_history_text,
    render_html,
    render_html_fragment,
    render_index_html,
    render_markdown,
    render_matrix_html,
    render_matrix_html_fragment,
    render_matrix_markdown,
    render_matrix_text,
    render_text,
    render_threeway_html,
    render_threeway_html_fragment,
    render_threeway_markdown,
    render_threeway_text,
    render_version_html,
    render_version_markdown,
    render_version_text,
)
from peacediff.render._redline import (
    KIND_LABELS,
    LEGEND,
    TITLE_CHARS,
    ChangeView,
    LinkRef,
    MoveStub,
    ParameterGroup,
    ParameterRow,
    ParamView,
    RedlineView,
    SubView,
    build_view,
    provision_title,
)
from peacediff.render._runs import own_segments, segments
from peacediff.render._safetext import expose_invisible, safe_url, visible_controls
from peacediff.render._site import render_site, site_name
from peacediff.render._sources import SourceRef, VersionView
from peacediff.render._views import (
    THREEWAY_LABELS,
    THREEWAY_OUTCOMES,
    FateGroup,
    LineageView,
    ProvisionRow,
    ThreeWaySide,
)

__all__ = [
    "KIND_LABELS",
    "LEGEND",
    "MATRIX_BADGES",
    "THREEWAY_LABELS",
    "THREEWAY_OUTCOMES",
    "TITLE_CHARS",
    "ChangeView",
    "FateGroup",
    "LineageView",
    "LinkRef",
    "MoveStub",
    "Note",
    "ParamView",
    "ParameterGroup",
    "ParameterRow",
    "ProvisionRow",
    "RedlineView",
    "SourceRef",
    "SubView",
    "ThreeWaySide",
    "VersionView",
    "build_view",
    "expose_invisible",
    "lineage_svg",
    "md_cell",
    "md_escape",
    "md_redline",
    "md_url",
    "own_segments",
    "peacediff",
    "provision_title",
    "redline_anchors",
    "render_history_html",
    "render_history_markdown",
    "render_history_text",
    "render_html",
    "render_html_fragment",
    "render_index_html",
    "render_lineage_html",
    "render_lineage_markdown",
    "render_lineage_text",
    "render_markdown",
    "render_matrix_html",
    "render_matrix_html_fragment",
    "render_matrix_markdown",
    "render_matrix_text",
    "render_site",
    "render_text",
    "render_threeway_html",
    "render_threeway_html_fragment",
    "render_threeway_markdown",
    "render_threeway_text",
    "render_version_html",
    "render_version_markdown",
    "render_version_text",
    "safe_url",
    "segments",
    "site_name",
    "use_template_cache",
    "visible_controls",
]
