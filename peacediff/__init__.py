"""peacediff: version negotiated texts provision by provision.

Quick start::

    import peacediff
    peacediff.versions()                        # bundled versions, oldest first
    peacediff.history("army-cap")               # one provision through every version
    old = peacediff.load("us-russia-28")        # a bundled id, a .toml file or a numbered text file
    new = peacediff.load("us-ua-20")
    c = peacediff.compare(old, new)             # align="auto" | "keys" | "text"
    for ch in c.changes:
        print(ch.kind, ch.label, [pc.display() for pc in ch.parameter_changes])
    html = c.to_html()                          # self-contained redline page

Versions built in code::

    v = peacediff.Version.from_texts("v2", [("1", "A ceasefire."), ("2", "Elections.")], title="Draft 2")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from peacediff._align_config import AlignConfig
from peacediff.compare import Change, Comparison, ModalityShift, ParameterChange, PossibleMatch, compare
from peacediff.model import Claim, Evidence, Parameter, Provision, Removal, Source, Variant, Version

if TYPE_CHECKING:
    from peacediff.archive import Archive
    from peacediff.store import Problem, VersionFileError, dumps, load_version, save
    from peacediff.timeline import History, history

# File handling is imported on first use so that `import peacediff` and
# `peacediff --help` stay fast; the names still live in this namespace.
_LAZY = {
    "Archive": "peacediff.archive",
    "History": "peacediff.timeline",
    "history": "peacediff.timeline",
    "Problem": "peacediff.store",
    "VersionFileError": "peacediff.store",
    "dumps": "peacediff.store",
    "load_version": "peacediff.store",
    "save": "peacediff.store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'peacediff' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value

__all__ = [
    "AlignConfig",
    "Archive",
    "Change",
    "Claim",
    "Comparison",
    "Evidence",
    "History",
    "ModalityShift",
    "Parameter",
    "ParameterChange",
    "PossibleMatch",
    "Problem",
    "Provision",
    "Removal",
    "Source",
    "Variant",
    "Version",
    "VersionFileError",
    "__version__",
    "compare",
    "dumps",
    "history",
    "load",
    "load_version",
    "save",
    "variants",
    "versions",
]

__version__ = "0.1.0"


def versions() -> list[Version]:
    """The bundled versions, oldest first.

    Example::

        >>> [v.id for v in versions()][0]
        'us-russia-28'
    """
    from peacediff.archive import Archive

    return Archive.bundled().versions()


def load(ref: str | os.PathLike[str]) -> Version:
    """Load a version by bundled id, version-file path (``.toml``) or numbered plain-text path.

    Raises ``LookupError`` when ``ref`` is neither a bundled id nor an
    existing file, and :class:`VersionFileError` for a malformed file.

    Example::

        >>> load("us-russia-28").declared_count
        28
    """
    from pathlib import Path  # here, not at module level: it costs `import peacediff` ~8 ms

    text = os.fspath(ref)
    path = Path(text)
    from peacediff.archive import Archive
    from peacediff.store import load_version

    if not path.suffix and os.sep not in text and "/" not in text:
        archive = Archive.bundled()
        if text in archive:
            return archive.get(text)
    if path.is_file():
        if path.suffix.lower() == ".toml":
            return load_version(path)
        from peacediff.plaintext import load_text

        return load_text(path)
    known = ", ".join(v.id for v in versions())
    raise LookupError(
        f"{text!r} is neither a bundled version nor an existing file\n"
        f"    fix: use one of the bundled ids ({known}) or the path of a .toml or numbered .txt file"
    )


def variants(ref: str | None = None) -> list[tuple[Version, Variant]]:
    """Reported variants (points on which sources disagree) with the version recording each.

    ``ref`` limits the list to one bundled version or provision key.

    Example::

        >>> any(v.parameter == "armed_forces_cap" for _, v in variants())
        True
    """
    out = []
    for version in versions():
        for variant in version.variants:
            if ref is None or ref in (version.id, variant.key, variant.id):
                out.append((version, variant))
    return out
