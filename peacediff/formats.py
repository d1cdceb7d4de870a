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
from types import ModuleType
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


# The modules behind the views, imported on first use: Jinja2 and the Word writer cost start-up
# time that ``import peacediff`` must not pay.  Plain imports, so that the import graph (and the
# test that walks it for cycles) sees these edges.
def _render() -> ModuleType:
    from peacediff import render

    return render


def _listing_module() -> ModuleType:
    from peacediff import listing

    return listing


def _docx_module() -> ModuleType:
    from peacediff import _docx_out

    return _docx_out


def _lazy(module: Callable[[], ModuleType], function: str, *, options: bool = True) -> Callable[..., Any]:
    """``function`` of the module ``module()`` loads, looked up on its first call."""

    def call(obj: Any, **kwargs: Any) -> Any:
        target = getattr(module(), function)
        return target(obj, **kwargs) if options else target(obj)

    call.__name__ = call.__qualname__ = function
    return call


def _view(function: str) -> Callable[..., str]:
    return _lazy(_render, function)


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
    return _lazy(_listing_module, kind, options=False)


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


register_binary("Comparison", "docx", _lazy(_docx_module, "comparison_docx", options=False))
register_binary("Version", "docx", _lazy(_docx_module, "version_docx", options=False))
