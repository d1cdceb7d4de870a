"""Lists that read as tables: what ``peacediff.versions()`` and ``peacediff.variants()`` return.

They are ordinary lists (index them, loop over them, compare them with lists) that a notebook
shows as an HTML table and ``print()`` shows as a plain-text table, instead of the raw text of
every object they hold.

Example::

    >>> import peacediff
    >>> print(peacediff.versions())            # doctest: +ELLIPSIS
    ID               DATE        PROPOSER ...
    us-russia-28     2025-11-20  ...
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from peacediff._display import Displayable
from peacediff.model import Variant, Version

__all__ = ["VariantList", "VersionList", "variants_html", "variants_text", "version_rows", "versions_html",
           "versions_text"]

_HEADER_VERSIONS = ("ID", "DATE", "PROPOSER", "POINTS", "STATUS", "TITLE")
_HEADER_VARIANTS = ("VERSION", "VARIANT", "POINT", "TOPIC", "CLAIMS")


def version_rows(versions: Sequence[Version]) -> list[tuple[str, ...]]:
    """One row per version: id, date, proposer, points ("19 (5 recorded)"), status, title."""
    rows: list[tuple[str, ...]] = []
    for v in versions:
        points = str(v.declared_count) if v.declared_count is not None else "?"
        if v.count != v.declared_count:
            points += f" ({v.count} recorded)"
        status = v.status + (", partial" if v.coverage == "partial" else "")
        rows.append((v.id, v.date or "?", v.proposer or "?", points, status, v.title))
    return rows


def _claims(variant: Variant) -> str:
    return "; ".join(f"{c.display()} ({', '.join(c.sources)})" for c in variant.claims)


def _variant_rows(items: Sequence[tuple[Version, Variant]]) -> list[tuple[str, ...]]:
    return [(version.id, variant.id, variant.key or "–", variant.topic, _claims(variant))
            for version, variant in items]


def _flat(text: str) -> str:
    # Table cells are one line: a newline or control character in document text would
    # break the grid (and a terminal escape must never reach the terminal).
    return "".join(c if c.isprintable() else " " for c in " ".join(text.split()))


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], *, last_free: bool = True) -> str:
    """Columns padded to their widest cell; the last column is left unpadded (it may be long)."""
    table = [tuple(header), *(tuple(_flat(c) for c in r) for r in rows)]
    fixed = len(header) - 1 if last_free else len(header)
    widths = [max(len(r[i]) for r in table) for i in range(fixed)]
    lines = []
    for r in table:
        cells = [c.ljust(w) for c, w in zip(r[:fixed], widths, strict=True)] + list(r[fixed:])
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def html_table(header: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
    """A plain, escaped HTML table for a notebook cell (the notebook supplies the styling)."""
    head = "".join(f"<th>{html.escape(h.capitalize())}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_flat(c))}</td>" for c in r) + "</tr>" for r in rows
    )
    return (f'<table class="peacediff-list"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def versions_text(versions: Sequence[Version]) -> str:
    """Versions as a plain-text table: id, date, proposer, points, status, title."""
    return text_table(_HEADER_VERSIONS, version_rows(versions))


def versions_html(versions: Sequence[Version]) -> str:
    """Versions as an HTML table for a notebook cell."""
    return html_table(_HEADER_VERSIONS, version_rows(versions), f"{len(versions)} version(s), oldest first")


def variants_text(items: Sequence[tuple[Version, Variant]]) -> str:
    """Reported variants as a plain-text table, every claim with its sources."""
    return text_table(_HEADER_VARIANTS, _variant_rows(items))


def variants_html(items: Sequence[tuple[Version, Variant]]) -> str:
    """Reported variants as an HTML table for a notebook cell."""
    return html_table(_HEADER_VARIANTS, _variant_rows(items), f"{len(items)} point(s) on which reports disagree")


class VersionList(Displayable, list[Version]):
    """Versions, displayed as a table (``peacediff.versions()``)."""

    def __str__(self) -> str:
        return self.to_text()


class VariantList(Displayable, list[tuple[Version, Variant]]):
    """Reported variants with the version recording each, displayed as a table (``peacediff.variants()``)."""

    def __str__(self) -> str:
        return self.to_text()

    def __repr__(self) -> str:
        # The default would repeat each version's repr beside its variant.
        return "[" + ", ".join(f"({v.id}, {variant!r})" for v, variant in self) + "]"
