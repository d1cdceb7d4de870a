"""The output formats of every result, registered in one place (the façade's format registry).

``import peacediff`` runs this module: it fills :data:`peacediff._display.FORMATTERS`, which the
``to_*`` methods, notebook display and the command line all read.  The renderer itself (Jinja2
and the templates) is imported only when a view is first asked for, so that ``import
peacediff`` stays fast.

Example::

    >>> import peacediff
    >>> [f.name for f in peacediff.formats.FORMATS.values()]
    ['html', 'md', 'json', 'csv', 'text', 'docx']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from peacediff._display import BINARY_FORMATTERS, FORMATS, FORMATTERS, Format, register, register_binary

__all__ = ["BINARY_FORMATTERS", "FORMATS", "FORMATTERS", "Format", "register", "register_binary"]

for _format in (
    Format("html", (".html", ".htm"), "a self-contained HTML page"),
    Format("md", (".md", ".markdown"), "GitHub-flavoured Markdown"),
    Format("json", (".json",), "the result's to_dict() as JSON"),
    Format("csv", (".csv",), "one row per change, for a spreadsheet"),
    Format("text", (".txt", ".text"), "plain text for a terminal or a file"),
    Format("docx", (".docx",), "a Word document: tracked changes for a comparison, numbered paragraphs for a version",
           binary=True),
):
    FORMATS[_format.name] = _format


def _view(function: str) -> Callable[..., str]:
    """A renderer from :mod:`peacediff.render`, imported on first use (Jinja2 costs start-up time)."""

    def call(obj: Any, **options: Any) -> str:
        from peacediff import render

        result: str = getattr(render, function)(obj, **options)
        return result

    call.__name__ = call.__qualname__ = function
    return call


def _json(obj: Any, **options: Any) -> str:
    from peacediff._jsontext import dumps

    return dumps(obj.to_dict(), **options) + "\n"


def _csv(obj: Any, **_options: Any) -> str:
    import csv
    import io

    rows = obj.to_records()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["kind"], lineterminator="\n")
    writer.writeheader()
    writer.writerows({name: _cell(value) for name, value in row.items()} for row in rows)
    return out.getvalue()


def _cell(value: Any) -> Any:
    # Document text is untrusted: a cell a spreadsheet would read as a formula ("=HYPERLINK(…)",
    # "+1…", "@SUM…") is written with a leading apostrophe, as spreadsheets themselves do.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def _listing(kind: str) -> Callable[..., str]:
    def call(obj: Any, **_options: Any) -> str:
        from peacediff import listing

        result: str = getattr(listing, kind)(obj)
        return result

    return call


_VIEWS: dict[str, dict[str, Callable[..., str]]] = {
    "Comparison": {
        "html": _view("render_html"),
        "html-fragment": _view("render_html_fragment"),
        "md": _view("render_markdown"),
        "text": _view("render_text"),
        "json": _json,
        "csv": _csv,
    },
    "Version": {
        "html": _view("render_version_html"),
        "html-fragment": _view("render_version_html"),
        "md": _view("render_version_markdown"),
        "text": _view("render_version_text"),
        "json": _json,
    },
    "History": {
        "html": _view("render_history_html"),
        "html-fragment": _view("render_history_html"),
        "md": _view("render_history_markdown"),
        "text": _view("render_history_text"),
        "json": _json,
    },
    "ThreeWay": {
        "html": _view("render_threeway_html"),
        "html-fragment": _view("render_threeway_html_fragment"),
        "md": _view("render_threeway_markdown"),
        "text": _view("render_threeway_text"),
        "json": _json,
    },
    "Matrix": {
        "html": _view("render_matrix_html"),
        "html-fragment": _view("render_matrix_html_fragment"),
        "md": _view("render_matrix_markdown"),
        "text": _view("render_matrix_text"),
        "json": _json,
    },
    "LineageGraph": {
        "html-fragment": _view("render_lineage_html"),
        "md": _view("render_lineage_markdown"),
        "text": _view("render_lineage_text"),
        "json": _json,
    },
    "VersionList": {"html-fragment": _listing("versions_html"), "text": _listing("versions_text")},
    "VariantList": {"html-fragment": _listing("variants_html"), "text": _listing("variants_text")},
}

for _class, _formats in _VIEWS.items():
    for _name, _renderer in _formats.items():
        register(_class, _name, _renderer)


def _docx(function: str) -> Callable[..., bytes]:
    """A Word writer from :mod:`peacediff._docx_out`, imported on first use."""

    def call(obj: Any, **_options: Any) -> bytes:
        from peacediff import _docx_out

        result: bytes = getattr(_docx_out, function)(obj)
        return result

    call.__name__ = call.__qualname__ = function
    return call


register_binary("Comparison", "docx", _docx("comparison_docx"))
register_binary("Version", "docx", _docx("version_docx"))
