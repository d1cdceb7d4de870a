"""peacediff: version negotiated texts provision by provision.

Quick start::

    import peacediff
    peacediff.versions()                        # bundled versions, oldest first
    peacediff.history("army-cap")               # one provision through every version
    peacediff.matrix(parameter="armed_forces_cap")  # every lineage through every version
    old = peacediff.load("us-russia-28")        # a bundled id, a .toml file or a numbered text file
    new = peacediff.load("us-ua-20")
    c = peacediff.compare(old, new)             # align="auto" | "keys" | "text"
    for ch in c.changes:
        print(ch.kind, ch.label, [pc.display() for pc in ch.parameter_changes])
    html = c.to_html()                          # self-contained redline page
    t = peacediff.compare3(old, peacediff.load("e3-counter-28"), new)  # agreements and conflicts

Versions built in code::

    v = peacediff.Version.from_texts("v2", [("1", "A ceasefire."), ("2", "Elections.")], title="Draft 2")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# Registers every result's formats (the renderer itself loads on first use).
from peacediff import formats
from peacediff._align_config import AlignConfig
from peacediff.compare import Change, Comparison, Dispute, ModalityShift, ParameterChange, PossibleMatch, compare
from peacediff.model import Claim, Evidence, Parameter, Provision, Removal, Source, Variant, Version

if TYPE_CHECKING:
    from peacediff.archive import Archive
    from peacediff.lineagegraph import LineageGraph, lineage_graph
    from peacediff.listing import VariantList, VersionList
    from peacediff.plaintext import PlainTextError
    from peacediff.store import Problem, VersionFileError, dumps, load_version, loads, save
    from peacediff.threeway import ThreeWay, compare3
    from peacediff.timeline import History, history
    from peacediff.versionmatrix import Matrix, matrix

# File handling is imported on first use so that `import peacediff` and
# `peacediff --help` stay fast; the names still live in this namespace.
_LAZY = {
    "Archive": "peacediff.archive",
    "History": "peacediff.timeline",
    "history": "peacediff.timeline",
    "PlainTextError": "peacediff.plaintext",
    "Problem": "peacediff.store",
    "VersionFileError": "peacediff.store",
    "dumps": "peacediff.store",
    "load_version": "peacediff.store",
    "loads": "peacediff.store",
    "save": "peacediff.store",
    "ThreeWay": "peacediff.threeway",
    "LineageGraph": "peacediff.lineagegraph",
    "lineage_graph": "peacediff.lineagegraph",
    "Matrix": "peacediff.versionmatrix",
    "matrix": "peacediff.versionmatrix",
    "compare3": "peacediff.threeway",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'peacediff' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The lazily imported names are part of the namespace: tab completion and dir() show them.
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "AlignConfig",
    "Archive",
    "Change",
    "Claim",
    "Comparison",
    "Dispute",
    "Evidence",
    "History",
    "LineageGraph",
    "Matrix",
    "ModalityShift",
    "Parameter",
    "ParameterChange",
    "PlainTextError",
    "PossibleMatch",
    "Problem",
    "Provision",
    "Removal",
    "Source",
    "ThreeWay",
    "Variant",
    "Version",
    "VersionFileError",
    "__version__",
    "compare",
    "compare3",
    "dumps",
    "formats",
    "history",
    "lineage_graph",
    "load",
    "load_version",
    "loads",
    "matrix",
    "save",
    "variants",
    "versions",
]

__version__ = "0.1.0"


def versions() -> VersionList:
    """The bundled versions, oldest first: a list that displays as a table.

    Example::

        >>> [v.id for v in versions()][0]
        'us-russia-28'
    """
    from peacediff.archive import Archive
    from peacediff.listing import VersionList

    return VersionList(Archive.bundled().versions())


def load(ref: str | os.PathLike[str], *, encoding: str | None = None) -> Version:
    """Load a version by bundled id, version-file path (``.toml``) or document path.

    Documents are numbered plain text or Markdown, Word (``.docx``, the
    ``docx`` extra), web pages (``.html``) and PDF (the ``pdf`` extra), told
    apart by their content as well as their suffix.  Text is read as UTF-8
    (with or without BOM) or UTF-16 with a BOM unless ``encoding`` is given.

    Raises ``LookupError`` when ``ref`` is neither a bundled id nor an
    existing file, :class:`VersionFileError` for a malformed version file and
    ``PlainTextError`` (a ``ValueError``) for a document that cannot be read.

    Example::

        >>> load("us-russia-28").declared_count
        28
        >>> load("versions/draft-3.toml")            # a version file  # doctest: +SKIP
        >>> load("draft-3.docx")                     # Word, needs the docx extra  # doctest: +SKIP
        >>> load("notes.txt", encoding="cp1251")     # numbered plain text  # doctest: +SKIP
    """
    from peacediff._loading import load_ref

    return load_ref(ref, encoding=encoding)


def variants(ref: str | None = None) -> VariantList:
    """Reported variants (points on which sources disagree) with the version recording each.

    The result is a list of ``(version, variant)`` pairs that displays as a table.

    ``ref`` limits the list to one bundled version or provision key.

    Example::

        >>> any(v.parameter == "armed_forces_cap" for _, v in variants())
        True
    """
    from peacediff.listing import VariantList

    out = VariantList()
    for version in versions():
        for variant in version.variants:
            if ref is None or ref in (version.id, variant.key, variant.id):
                out.append((version, variant))
    return out
