"""Sources as views cite them: one :class:`SourceRef` per source of a version, and a version's header.

A source's URL is kept only when it is a safe http(s) link (:func:`safe_url`).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from peacediff.compare import Change, Comparison
from peacediff.model import Version
from peacediff.render._safetext import safe_url


@dataclass(frozen=True, slots=True, eq=False)
class SourceRef:
    """A source as a view shows it: outlet, date and a link only when the URL is http(s)."""

    id: str
    outlet: str
    date: str | None = None
    url: str | None = None
    seed: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class VersionView:
    """A version's header block."""

    version: Version
    sources: tuple[SourceRef, ...]

    @property
    def recorded(self) -> int:
        return self.version.count


def source_ref(version: Version, source_id: str) -> SourceRef:
    return _source_table(version).get(source_id) or SourceRef(id=source_id, outlet=source_id)


# Source tables by version identity (hashing a Version hashes all its provisions: too slow).  Each
# entry holds its version weakly and leaves with it, so rendering keeps no version alive and an id
# is never reused while its entry stands.
_SOURCE_TABLES: dict[int, tuple[weakref.ref[Version], dict[str, SourceRef]]] = {}


def _source_table(version: Version) -> dict[str, SourceRef]:
    entry = _SOURCE_TABLES.get(id(version))
    if entry is None or entry[0]() is not version:
        table = {
            s.id: SourceRef(id=s.id, outlet=s.outlet, date=s.date, url=safe_url(s.url), seed=s.seed)
            for s in version.sources
        }
        key = id(version)
        entry = _SOURCE_TABLES[key] = (weakref.ref(version, lambda _ref: _SOURCE_TABLES.pop(key, None)), table)
    return entry[1]


def change_sources(change: Change, comparison: Comparison) -> tuple[SourceRef, ...]:
    # The side that exists now says who reported it; removed and unknown points cite the old side.
    side, version = (change.new, comparison.new) if change.new else (change.old, comparison.old)
    ids: dict[str, None] = {}
    for p in side:
        ids.update(dict.fromkeys(p.sources))
    return tuple(source_ref(version, s) for s in ids)


def version_view(version: Version) -> VersionView:
    return VersionView(version=version, sources=tuple(source_ref(version, s.id) for s in version.sources))
