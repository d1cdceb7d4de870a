"""Batch manifests: which version pairs a batch compares (private; see docs/batch.md).

A manifest is either a CSV file with the columns ``old``, ``new`` and optional
``id`` (other columns are ignored, so a corpus table can carry its own metadata),
or a folder holding one sub-folder per document with that document's versions.
Relative paths resolve against the manifest's own folder, so a manifest and its
files can move together.  Only the standard library is used here: reading a
manifest must not need the batch extra.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from peacediff.model import Version

#: File suffixes taken as versions inside a folder manifest: version files, numbered plain-text
#: or Markdown drafts, and the documents ``peacediff.load`` imports (Word, web pages, PDF);
#: anything else (notes, spreadsheets) is left alone.
VERSION_SUFFIXES: frozenset[str] = frozenset({".toml", ".txt", ".md", ".docx", ".html", ".htm", ".pdf"})

Ref = str | Version


class ManifestError(ValueError):
    """A manifest the batch cannot use: the message names the file, the line and the fix."""


@attrs.frozen
class Pair:
    """One comparison of a batch.

    ``old`` and ``new`` are as the manifest wrote them (they go into the output);
    ``old_ref`` and ``new_ref`` are what the worker loads: a bundled id, an absolute
    path, or a :class:`Version` built in code.
    """

    pair_id: str
    old: str
    new: str
    old_ref: Ref = attrs.field(eq=False, repr=False)
    new_ref: Ref = attrs.field(eq=False, repr=False)


def read_manifest(path: str | os.PathLike[str]) -> tuple[Pair, ...]:
    """The pairs of a CSV manifest or a folder manifest, in manifest order."""
    p = Path(path)
    if p.is_dir():
        return _read_folder(p)
    if not p.is_file():
        raise ManifestError(f"{p}: no such file or folder\n    fix: give a CSV file (old,new[,id]) or a folder "
                            "holding one sub-folder of versions per document")
    return _read_csv(p)


def _looks_like_id(value: str) -> bool:
    return "/" not in value and os.sep not in value and not Path(value).suffix


def resolve_ref(value: str, base: Path) -> str:
    """A bundled id stays as it is; a path becomes absolute, relative ones against ``base``."""
    # "~/corpus" is the user's home; "~bob" or "~0" stay names (looking up other users can fail)
    p = Path(value).expanduser() if value == "~" or value.startswith("~/") else Path(value)
    if p.is_absolute():
        return str(p)
    candidate = base / p
    if _looks_like_id(value) and not candidate.exists():
        return value
    return os.path.abspath(candidate)


def _read_csv(path: Path) -> tuple[Pair, ...]:
    base = path.parent
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return _csv_pairs(csv.reader(fh), path, base)
    except UnicodeDecodeError as exc:
        raise ManifestError(f"{path}: not UTF-8 text ({exc.reason})\n    fix: save the manifest as UTF-8 CSV") from None
    except csv.Error as exc:
        raise ManifestError(f"{path}: not a readable CSV file ({exc})\n"
                            "    fix: one pair per line: old,new[,id]") from None


def _csv_pairs(reader: Any, path: Path, base: Path) -> tuple[Pair, ...]:
    header: list[str] | None = None
    pairs: list[Pair] = []
    seen: dict[str, int] = {}
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        line = reader.line_num
        if header is None:
            header = [cell.strip().lower() for cell in row]
            missing = [name for name in ("old", "new") if name not in header]
            if missing:
                raise ManifestError(
                    f"{path}:{line}: the header lacks the column(s) {', '.join(missing)}\n"
                    "    fix: start the file with the header line 'old,new' or 'old,new,id'"
                )
            continue
        cells = {name: (row[k].strip() if k < len(row) else "") for k, name in enumerate(header)}
        for name in ("old", "new"):
            if not cells[name]:
                raise ManifestError(f"{path}:{line}: the '{name}' cell is empty\n"
                                    "    fix: give a bundled version id or a version file path in every row")
        pair_id = cells.get("id") or f"line-{line}"
        if pair_id in seen:
            raise ManifestError(f"{path}:{line}: id {pair_id!r} is already used on line {seen[pair_id]}\n"
                                "    fix: give every pair its own id (or leave the id column empty)")
        seen[pair_id] = line
        pairs.append(Pair(pair_id, cells["old"], cells["new"],
                          resolve_ref(cells["old"], base), resolve_ref(cells["new"], base)))
    if not pairs:
        raise ManifestError(f"{path}: no pairs\n    fix: add one line per pair under the header 'old,new[,id]'")
    return tuple(pairs)


_DIGITS = re.compile(r"(\d+)")


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key reading digit runs as numbers, so ``v2`` comes before ``v10``."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(name) if part)


def _is_version_file(p: Path) -> bool:
    return p.is_file() and not p.name.startswith(".") and p.suffix.lower() in VERSION_SUFFIXES


def _read_folder(root: Path) -> tuple[Pair, ...]:
    loose = sorted(p.name for p in root.iterdir() if _is_version_file(p))
    if loose:
        raise ManifestError(
            f"{root / loose[0]}: a version file directly in the manifest folder\n"
            "    fix: put each document's versions in a sub-folder of its own (one sub-folder per document)"
        )
    pairs: list[Pair] = []
    documents = sorted((d for d in root.iterdir() if d.is_dir() and not d.name.startswith(".")),
                       key=lambda d: natural_key(d.name))
    for doc in documents:
        files = sorted((f for f in doc.iterdir() if _is_version_file(f)), key=lambda f: natural_key(f.name))
        for a, b in itertools.pairwise(files):
            pairs.append(Pair(f"{doc.name}/{a.stem}..{b.stem}", f"{doc.name}/{a.name}", f"{doc.name}/{b.name}",
                              os.path.abspath(a), os.path.abspath(b)))
    if not pairs:
        raise ManifestError(
            f"{root}: no document sub-folder holds two or more versions (.toml, .txt, .md, .docx, .html, .pdf)\n"
            "    fix: one sub-folder per document, its versions named so that they sort in order (v1.toml, v2.toml)"
        )
    return tuple(pairs)


def pairs_of(items: Iterable[Any]) -> tuple[Pair, ...]:
    """Pairs given in code: :class:`Pair` objects or ``(old, new)`` / ``(old, new, id)`` tuples.

    ``old`` and ``new`` are bundled ids, paths (relative to the working folder) or
    :class:`Version` objects; the default id is the pair's position (``"pair-1"``, ...).
    """
    out: list[Pair] = []
    seen: set[str] = set()
    for n, item in enumerate(items, start=1):
        if isinstance(item, Pair):
            pair = item
        else:
            try:
                old, new, *rest = item
            except (TypeError, ValueError):
                raise ManifestError(f"pair {n}: {item!r} is not (old, new) or (old, new, id)") from None
            if len(rest) > 1:
                raise ManifestError(f"pair {n}: {item!r} has more than three items; expected (old, new[, id])")
            pair_id = str(rest[0]) if rest and rest[0] is not None else f"pair-{n}"
            pair = Pair(pair_id, _label(old), _label(new), _ref(old), _ref(new))
        if pair.pair_id in seen:
            raise ManifestError(f"pair {n}: id {pair.pair_id!r} is used twice; give every pair its own id")
        seen.add(pair.pair_id)
        out.append(pair)
    if not out:
        raise ManifestError("no pairs to compare")
    return tuple(out)


def _label(ref: Any) -> str:
    return ref.id if isinstance(ref, Version) else os.fspath(ref)


def _ref(ref: Any) -> Ref:
    if isinstance(ref, Version):
        return ref
    return resolve_ref(os.fspath(ref), Path.cwd())


def fingerprint(pairs: Iterable[Pair], **settings: Any) -> str:
    """A digest of the pairs and the settings that shape the output (chunking, alignment, HTML)."""
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for pair in pairs:
        for ref in (pair.old_ref, pair.new_ref):
            text = json.dumps(ref.to_dict(), sort_keys=True) if isinstance(ref, Version) else ref
            digest.update(b"\0" + text.encode())
        digest.update(b"\1" + pair.pair_id.encode() + b"\1" + pair.old.encode() + b"\1" + pair.new.encode())
    return digest.hexdigest()
