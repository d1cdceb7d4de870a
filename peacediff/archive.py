"""A folder of version files: lookup by id, lineage, chronological order, validation.

Example::

    >>> from peacediff.archive import Archive
    >>> archive = Archive.bundled()
    >>> [v.id for v in archive.versions()][:1]
    ['us-russia-28']
    >>> archive.children("us-russia-28")  # doctest: +SKIP
    ('e3-counter-28', 'geneva-19', 'us-ua-20')
"""

from __future__ import annotations

import errno
import functools
import os
from collections.abc import Iterator
from pathlib import Path

from peacediff._files import FileProblem, read_document
from peacediff._resources import resource_path
from peacediff.model import Version
from peacediff.store import Problem, VersionFileError, _decode, check_evidence, loads
from peacediff.tomlpos import PositionIndex

__all__ = ["Archive", "validate_paths"]


class Archive:
    """The versions stored as ``*.toml`` files in one folder.

    Each file must be named after its version id (``us-russia-28.toml``) so
    that parents can be found by id.  Loading is strict: any problem in any
    file raises :class:`~peacediff.store.VersionFileError` listing them all.
    ``seeds`` is the folder that evidence quotes are checked against; by
    default ``<folder>/../seeds`` when it exists.

    >>> archive = Archive.bundled()
    >>> "us-ua-20" in archive, [v.id for v in archive.parents("us-ua-20")]
    (True, ['us-russia-28'])
    >>> Archive("versions").get("draft-2")  # doctest: +SKIP
    """

    def __init__(self, path: str | os.PathLike[str], *, seeds: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            if self.path.exists():
                raise FileProblem(f"{self.path} is a file, not a folder of version files",
                                  "give the folder that holds the *.toml files")
            raise FileNotFoundError(errno.ENOENT, "no such folder of version files", str(self.path))
        if seeds is None:
            sibling = self.path.parent / "seeds"
            self.seeds: Path | None = sibling if sibling.is_dir() else None
        else:
            self.seeds = Path(seeds)
        versions, problems = _load_folder(self.path, self.seeds)
        if problems:
            raise VersionFileError(problems)
        self._by_id = {v.id: v for v in versions}

    @classmethod
    def bundled(cls) -> Archive:
        """The versions shipped with peacediff (cached: loaded once per process)."""
        return _bundled()

    def __contains__(self, version_id: object) -> bool:
        return version_id in self._by_id

    def __iter__(self) -> Iterator[Version]:
        return iter(self.versions())

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, version_id: str) -> Version:
        """The version with this id; ``KeyError`` naming the known ids otherwise."""
        try:
            return self._by_id[version_id]
        except KeyError:
            known = ", ".join(sorted(self._by_id))
            raise KeyError(f"no version {version_id!r} in {self.path} (known: {known})") from None

    def versions(self) -> list[Version]:
        """All versions, oldest first (by date, then id; undated last)."""
        return sorted(self._by_id.values(), key=lambda v: (v.date is None, v.date or "", v.id))

    def parents(self, version_id: str) -> tuple[Version, ...]:
        """The versions ``version_id`` revises."""
        return tuple(self.get(p) for p in self.get(version_id).parents)

    def children(self, version_id: str) -> tuple[Version, ...]:
        """The versions that list ``version_id`` as a parent, oldest first."""
        self.get(version_id)
        return tuple(v for v in self.versions() if version_id in v.parents)

    def ancestors(self, version_id: str) -> tuple[Version, ...]:
        """Every version ``version_id`` descends from, nearest first, each once."""
        seen: list[str] = []
        queue = list(self.get(version_id).parents)
        while queue:
            current = queue.pop(0)
            if current not in seen:
                seen.append(current)
                queue.extend(self.get(current).parents)
        return tuple(self.get(v) for v in seen)

    def lineage_pairs(self) -> list[tuple[Version, Version]]:
        """Every (parent, child) pair, in the child's chronological order."""
        return [(self.get(p), v) for v in self.versions() for p in v.parents]

    def redline_pairs(self) -> list[tuple[Version, Version]]:
        """The pairs worth a redline, each once, as ``(older, newer)``.

        Every parent → child; every version against the root of its lineage; and every
        later version against its earlier-dated relatives (versions that descend from the
        same root), e.g. the December framework against the E3 counter-proposal.

        Example::

            >>> [(a.id, b.id) for a, b in Archive.bundled().redline_pairs()][:2]
            [('us-russia-28', 'e3-counter-28'), ('us-russia-28', 'geneva-19')]
        """
        pairs: list[tuple[Version, Version]] = []
        seen: set[tuple[str, str]] = set()

        def add(old: Version, new: Version) -> None:
            if (old.id, new.id) not in seen:
                seen.add((old.id, new.id))
                pairs.append((old, new))

        for parent, child in self.lineage_pairs():
            add(parent, child)
        ordered = self.versions()
        roots_of = {v.id: {a.id for a in self.ancestors(v.id) if not a.parents} for v in ordered}
        for version in ordered:
            for root in sorted(roots_of[version.id]):
                add(self.get(root), version)
        for version in ordered:
            for earlier in ordered:
                related = roots_of[earlier.id] & roots_of[version.id]
                if related and earlier.date and version.date and earlier.date < version.date:
                    add(earlier, version)
        return pairs


@functools.cache
def _bundled() -> Archive:
    return Archive(resource_path("versions"), seeds=resource_path("seeds"))


def _read(path: Path) -> tuple[Version | None, str | None, list[Problem]]:
    try:
        text = _decode(read_document(path), str(path))
        return loads(text, str(path)), text, []
    except VersionFileError as exc:
        return None, None, list(exc.problems)
    except FileProblem as exc:  # the same size limit as `diff`, reported like any other problem
        return None, None, [Problem(str(path), 1, 1, exc.args[0], exc.fix)]


def _load_folder(folder: Path, seeds: Path | None) -> tuple[list[Version], list[Problem]]:
    files = sorted(folder.glob("*.toml"))
    problems: list[Problem] = []
    loaded: list[tuple[Path, Version, str]] = []
    for path in files:
        version, text, found = _read(path)
        problems += found
        if version is not None and text is not None:
            loaded.append((path, version, text))
    if not files:
        problems.append(Problem(str(folder), 1, 1, "the folder holds no *.toml version files",
                                "add a version file (see docs/format.md) or point to another folder"))
    problems += _check_lineage(loaded, seeds)
    return [v for _p, v, _t in loaded], problems


def _check_lineage(loaded: list[tuple[Path, Version, str]], seeds: Path | None) -> list[Problem]:
    problems: list[Problem] = []
    by_id: dict[str, Version] = {}
    where: dict[str, tuple[Path, PositionIndex]] = {}
    for path, version, text in loaded:
        index = PositionIndex(text)
        if version.id in by_id:
            line, col = index.locate(("id",))
            problems.append(Problem(str(path), line, col, f"version id {version.id!r} is also used by "
                                    f"{where[version.id][0]}", "give each version its own id"))
            continue
        if version.id != path.stem:
            line, col = index.locate(("id",))
            problems.append(Problem(str(path), line, col, f"the file declares id {version.id!r} but is named "
                                    f"{path.name}", f"rename the file to {version.id}.toml or change the id"))
        by_id[version.id] = version
        where[version.id] = (path, index)
        if seeds is not None:
            problems += check_evidence(version, seeds, str(path), text)

    def ancestors(vid: str) -> set[str]:
        seen: set[str] = set()
        stack = [p for p in by_id[vid].parents if p in by_id]
        while stack:
            cur = stack.pop()
            if cur not in seen:
                seen.add(cur)
                stack.extend(p for p in by_id[cur].parents if p in by_id)
        return seen

    for vid, version in by_id.items():
        path, index = where[vid]
        for i, parent in enumerate(version.parents):
            if parent not in by_id:
                line, col = index.locate(("parents",))
                known = ", ".join(sorted(by_id)) or "none"
                problems.append(Problem(str(path), line, col, f"parent {parent!r} (parents[{i}]) is not a version "
                                        f"in this folder", f"use one of: {known}, or add {parent}.toml"))
        if vid in ancestors(vid):
            line, col = index.locate(("parents",))
            problems.append(Problem(str(path), line, col, f"lineage cycle: {vid!r} is its own ancestor",
                                    "remove one of the parents entries that closes the loop"))
            continue
        inherited: set[str] = set()
        for anc in ancestors(vid):
            inherited |= by_id[anc].keys
        if not version.parents:
            continue
        for i, r in enumerate(version.removed):
            if r.key not in inherited:
                line, col = index.locate(("removed", i, "key"))
                problems.append(Problem(str(path), line, col, f"removed key {r.key!r} is not a key of any ancestor "
                                        "version", "use the key the provision has in the parent version"))
        for i, p in enumerate(version.provisions):
            for origin in p.origins:
                if origin not in inherited:
                    line, col = index.locate(("provisions", i, "origins"))
                    problems.append(Problem(str(path), line, col, f"origin {origin!r} is not a key of any ancestor "
                                            "version", "use the key the provision has in the parent version"))
    return problems


def validate_paths(paths: list[str]) -> tuple[int, list[Problem]]:
    """Validate version files and folders; return (files checked, every problem).

    A folder is validated as an archive (lineage, ids, evidence).  A single file
    is validated exactly as it would be inside its folder: its parents, removed
    keys and origins are checked against the other version files there, and its
    evidence against ``<its folder>/../seeds`` when present; only the file's own
    problems are reported.
    """
    problems: list[Problem] = []
    checked = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            checked += len(list(path.glob("*.toml")))
            seeds = path.parent / "seeds"
            problems += _load_folder(path, seeds if seeds.is_dir() else None)[1]
        elif path.is_file():
            checked += 1
            problems += _validate_file(path)
        elif path.exists():
            problems.append(Problem(str(path), 1, 1, "is not a regular file or folder",
                                    "give a version file or folder"))
        else:
            problems.append(Problem(str(path), 1, 1, "no such file or folder", "check the path"))
    return checked, problems


def _validate_file(path: Path) -> list[Problem]:
    """The problems of one file, lineage included, as validating its folder would find them."""
    version, _text, found = _read(path)
    if version is None:
        return found
    seeds = path.parent.parent / "seeds"
    siblings = [p for p in sorted(path.parent.glob("*.toml")) if p.name != path.name]
    loaded = [(path, version, _text or "")]
    for sibling in siblings:
        other, other_text, _problems = _read(sibling)  # a broken sibling is its own file's problem
        if other is not None and other_text is not None:
            loaded.append((sibling, other, other_text))
    mine = str(path)
    return [p for p in _check_lineage(loaded, seeds if seeds.is_dir() else None) if p.file == mine]
