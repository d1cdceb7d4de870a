"""Each result as a document: its view data through its template, as HTML, Markdown or text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from peacediff.compare import Comparison
from peacediff.model import Version
from peacediff.render._environment import page_assets, render_template, render_terminal_template
from peacediff.render._redline import KIND_LABELS, LEGEND, build_view
from peacediff.render._safetext import safe_href
from peacediff.render._views import (
    matrix_text_cell,
    threeway_context,
    version_context,
)
from peacediff.threeway import ThreeWay
from peacediff.timeline import History
from peacediff.versionmatrix import Matrix


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
    css, script, csp = page_assets()
    view = build_view(comparison, title=title, index_href=safe_href(index_href) if index_href else None, nav=nav)
    return render_template("redline.html.j2", view=view, standalone=True, css=css, script=script, csp=csp)


def render_html_fragment(comparison: Comparison) -> str:
    """The redline as an HTML fragment for notebooks: styles scoped under ``.pd``, ids prefixed."""
    css, script, _ = page_assets()
    prefix = f"pd-{comparison.old.id}--{comparison.new.id}-"
    view = build_view(comparison, id_prefix=prefix)
    return render_template("redline.html.j2", view=view, standalone=False, css=css, script=script, csp="")


def render_markdown(comparison: Comparison) -> str:
    """GitHub-flavoured Markdown: summary tables, then each changed provision as a redline."""
    return render_template("redline.md.j2", view=build_view(comparison))


def render_text(comparison: Comparison, *, color: bool = False, width: int = 100) -> str:
    """A terminal redline: ``[-deleted-]{+inserted+}``, or red/blue ANSI styles when ``color``."""
    return render_terminal_template("redline.txt.j2", view=build_view(comparison), color=color, width=width)


def render_version_html(version: Version, *, lineage: Sequence[Comparison] = ()) -> str:
    """A version as a scoped HTML fragment (header and a table of provisions), for notebooks."""
    css, _, _ = page_assets()
    return render_template("version.html.j2", **version_context(version, lineage), css=css)


def render_version_markdown(version: Version, *, lineage: Sequence[Comparison] = ()) -> str:
    """A version as Markdown: header, provisions with parameters and evidence, removals, variants.

    ``lineage`` holds comparisons against the version's parents; each adds a section saying
    which of the parent's points were carried over, removed, or not reported.
    """
    return render_template("version.md.j2", **version_context(version, lineage))


def render_version_text(version: Version, *, lineage: Sequence[Comparison] = ()) -> str:
    """A version as plain text: header, numbered provisions with parameters and evidence,
    removals, variants, and (with ``lineage``) the fate of each parent's points."""
    return render_terminal_template("version.txt.j2", **version_context(version, lineage))


def render_history_text(history: History, *, width: int = 100) -> str:
    """A provision's history as a plain-text timeline, with the disputes about it."""
    return render_terminal_template("history.txt.j2", history=history, width=width)


def render_history_markdown(history: History) -> str:
    """A provision's history as a Markdown table, one row per version, one column per parameter."""
    return render_template("history.md.j2", history=history)


def render_history_html(history: History) -> str:
    """A provision's history as a scoped HTML fragment (notebooks)."""
    return render_template("history.html.j2", history=history)


def render_index_html(entries: Iterable[tuple[str, Comparison]], *, title: str = "peacediff redlines",
                      site: dict[str, Any] | None = None) -> str:
    """An index page linking redline files: ``entries`` are ``(href, comparison)`` pairs.

    ``href`` should be a relative file name such as ``"us-russia-28__e3-counter-28.html"``;
    anything that is not a plain relative path or an http(s) URL is shown without a link.
    """
    css, script, csp = page_assets()
    rows = []
    kinds: set[str] = set()
    for href, comparison in entries:
        kinds.update(kind for kind, n in comparison.counts.items() if n)
        rows.append({
            "href": safe_href(href),
            "comparison": comparison,
            "counts": tuple((kind, KIND_LABELS[kind], n) for kind, n in comparison.counts.items() if n),
            "parameters": len(comparison.parameter_changes),
        })
    legend = tuple(entry for entry in LEGEND if entry[0] in kinds)
    return render_template("index.html.j2", title=title, rows=rows, legend=legend, css=css, script=script, csp=csp,
                           site=site)


def render_threeway_text(threeway: ThreeWay, *, color: bool = False, width: int = 100) -> str:
    """A three-way comparison as plain text: counts, then each entry with both sides' redlines."""
    return render_terminal_template("threeway.txt.j2", color=color, width=width, **threeway_context(threeway))


def render_threeway_markdown(threeway: ThreeWay) -> str:
    """A three-way comparison as Markdown: a summary table, then conflicts and changes side by side."""
    return render_template("threeway.md.j2", **threeway_context(threeway))


def render_threeway_html(threeway: ThreeWay, *, index_href: str | None = None) -> str:
    """A three-way comparison as a self-contained HTML page (inline CSS, no network)."""
    css, _script, csp = page_assets()
    return render_template("threeway.html.j2", standalone=True, css=css, csp=csp,
                           index_href=safe_href(index_href) if index_href else None, **threeway_context(threeway))


def render_threeway_html_fragment(threeway: ThreeWay) -> str:
    """A three-way comparison as an HTML fragment for notebooks (styles scoped under ``.pd``)."""
    css = page_assets()[0]
    return render_template("threeway.html.j2", standalone=False, css=css, csp="", index_href=None,
                           **threeway_context(threeway))


#: Badge class for each matrix cell kind (existing colours; the words carry the meaning).
MATRIX_BADGES: dict[str, str] = {
    "same": "unchanged", "modified": "modified", "renumbered": "moved", "moved": "moved", "split": "split",
    "merged": "merged", "removed": "removed", "not reported": "unknown", "new": "added",
    "not yet introduced": "unchanged", "absent": "unchanged",
}


def render_matrix_text(matrix: Matrix, *, width: int = 100) -> str:
    """The matrix as plain text: a legend, then one block per lineage with one line per version."""
    return render_terminal_template("matrix.txt.j2", m=matrix, width=width, cell_text=matrix_text_cell)


def render_matrix_markdown(matrix: Matrix) -> str:
    """The matrix as a Markdown table: one row per lineage, one column per version."""
    return render_template("matrix.md.j2", m=matrix, cell_text=matrix_text_cell)


def render_matrix_html(matrix: Matrix, *, index_href: str | None = None, history_href: str | None = None,
                       cell_links: Sequence[Sequence[str | None]] | None = None) -> str:
    """The matrix as a self-contained HTML page.

    ``history_href`` (e.g. ``"history-{key}.html"``) links each keyed row to its history page;
    ``cell_links[row][column]`` (relative hrefs or None) links cells, e.g. to a redline anchor.
    """
    css, _script, csp = page_assets()
    links = cell_links or [[None] * len(matrix.versions) for _ in matrix.rows]
    return render_template("matrix.html.j2", m=matrix, standalone=True, css=css, csp=csp, badges=MATRIX_BADGES,
                           index_href=safe_href(index_href) if index_href else None, history_href=history_href,
                           links=links)


def render_matrix_html_fragment(matrix: Matrix) -> str:
    """The matrix as an HTML fragment for notebooks (styles scoped under ``.pd``)."""
    css = page_assets()[0]
    links = [[None] * len(matrix.versions) for _ in matrix.rows]
    return render_template("matrix.html.j2", m=matrix, standalone=False, css=css, csp="", badges=MATRIX_BADGES,
                           index_href=None, history_href=None, links=links)
