"""Reading whatever a user names: a bundled id, a version file or a document (behind :func:`peacediff.load`).

Below the façade, so that views reading several versions (:mod:`peacediff.versionmatrix`, the
CLI's ``matrix``) resolve ids and paths the way ``peacediff.load`` does, through
:func:`load_versions`, without importing the package's entry point.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from peacediff.model import Version

if TYPE_CHECKING:
    from peacediff.archive import Archive

__all__ = ["load_ref", "load_versions"]


def _is_id(text: str) -> bool:
    """True when ``text`` names a version by id rather than by path (no suffix, no folder)."""
    return not os.path.splitext(text)[1] and os.sep not in text and "/" not in text


def load_versions(refs: Iterable[Version | str | os.PathLike[str]], archive: Archive | None = None, *,
                  encoding: str | None = None) -> tuple[Version, ...]:
    """The versions ``refs`` name, in the order given, each once.

    A :class:`Version` is taken as it is; an id comes from ``archive`` when one is given
    (``KeyError`` naming its ids if it has none such), else from the bundled versions; a path
    is loaded as :func:`peacediff.load` loads it.  Two refs that give the same version id are a
    ``ValueError``: a view of several versions shows each once.

    Example::

        >>> [v.id for v in load_versions(["us-ua-20", "us-russia-28"])]
        ['us-ua-20', 'us-russia-28']
    """
    loaded: list[Version] = []
    for ref in refs:
        if isinstance(ref, Version):
            loaded.append(ref)
        elif not isinstance(ref, (str, os.PathLike)):
            raise TypeError(f"expected versions or version ids (or paths); got a {type(ref).__name__}")
        elif archive is not None and (ref in archive or _is_id(os.fspath(ref))):
            loaded.append(archive.get(os.fspath(ref)))
        else:
            loaded.append(load_ref(ref, encoding=encoding))
    ids = [v.id for v in loaded]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ValueError(f"the version {repeated[0]!r} is given twice; give each version once")
    return tuple(loaded)


def load_ref(ref: str | os.PathLike[str], *, encoding: str | None = None) -> Version:
    """See :func:`peacediff.load`."""
    from pathlib import Path  # here, not at module level: it costs `import peacediff` ~8 ms

    text = os.fspath(ref)
    path = Path(text)
    from peacediff.archive import Archive
    from peacediff.store import load_version

    if _is_id(text):
        archive = Archive.bundled()
        if text in archive:
            return archive.get(text)
    if path.is_file():
        if path.suffix.lower() == ".toml":
            return load_version(path)
        from peacediff.importers import read_document

        return read_document(path, encoding=encoding)
    if path.exists() and not path.is_dir():
        raise LookupError(f"{text!r} is not a regular file (a device, FIFO or socket)\n    fix: save the draft "
                          "to a file and give its path")
    if path.is_dir():
        raise LookupError(f"{text!r} is a folder, not a version file\n    fix: give one .toml file or document "
                          "in it ('peacediff validate' and '--versions' take folders)")
    import difflib

    ids = [v.id for v in Archive.bundled().versions()]
    close = difflib.get_close_matches(text, ids, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    raise LookupError(
        f"{text!r} is neither a bundled version nor an existing file\n"
        f"    fix: {hint}use one of the bundled ids ({', '.join(ids)}) or the path of a .toml, .txt, .md, "
        ".docx, .html or .pdf file"
    )
