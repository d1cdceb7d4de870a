"""Reading whatever a user names: a bundled id, a version file or a document (behind :func:`peacediff.load`).

Below the façade, so that views reading several versions (:mod:`peacediff.versionmatrix`) resolve
ids and paths the way ``peacediff.load`` does without importing the package's entry point.
"""

from __future__ import annotations

import os

from peacediff.model import Version

__all__ = ["load_ref"]


def load_ref(ref: str | os.PathLike[str], *, encoding: str | None = None) -> Version:
    """See :func:`peacediff.load`."""
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
