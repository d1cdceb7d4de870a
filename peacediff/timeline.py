"""One provision followed through every version of an archive: its history.

A :class:`History` lists, oldest version first, what each version says about
one lineage key: the provision as it stands there (with its printed number
and parameters), that it was removed, that its fate was not reported, or the
provisions it was split into.  Versions unrelated to the key are left out.

Example::

    >>> import peacediff
    >>> h = peacediff.history("army-cap")
    >>> [(e.version.id, e.fate) for e in h.entries][:2]
    [('us-russia-28', 'present'), ('e3-counter-28', 'present')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from peacediff._display import Displayable
from peacediff.model import Provision, Removal, Variant, Version

if TYPE_CHECKING:
    from peacediff.archive import Archive

__all__ = ["FATES", "History", "HistoryEntry", "history"]

#: What a version says about the key: the provision is there, it was reported removed
#: (or is absent from a complete version that descends from one that had it), its fate
#: is not reported (a partial record), or only provisions split off from it remain.
FATES: tuple[str, ...] = ("present", "removed", "unknown", "split")


@attrs.frozen(repr=False)
class HistoryEntry:
    """What one version says about the key."""

    version: Version
    fate: str
    provision: Provision | None = None
    parts: tuple[Provision, ...] = ()
    removal: Removal | None = None

    def __repr__(self) -> str:
        where = self.provision.label if self.provision is not None else ", ".join(p.label for p in self.parts)
        return f"<HistoryEntry {self.version.id}: {self.fate}{' as ' + where if where else ''}>"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "version": self.version.id,
            "date": self.version.date,
            "fate": self.fate,
            "provision": None if self.provision is None else self.provision.to_dict(),
            "parts": [p.to_dict() for p in self.parts],
            "removal": None if self.removal is None else self.removal.to_dict(),
        }


@attrs.frozen(repr=False)
class History(Displayable):
    """A lineage key followed through the versions, oldest first, with the disputes about it.

    Built by :func:`history`; ``str()`` is the plain-text timeline, ``to_html()``,
    ``to_markdown()`` and ``to_dict()`` the other views.

    >>> h = history("army-cap")
    >>> [(e.version.id, e.fate) for e in h.entries][:2]
    [('us-russia-28', 'present'), ('e3-counter-28', 'present')]
    >>> h.parameter_names()
    ('armed_forces_cap', 'cap_scope')
    """

    key: str
    title: str | None
    entries: tuple[HistoryEntry, ...]
    variants: tuple[tuple[Version, Variant], ...] = ()

    def __repr__(self) -> str:
        disputes = f", {len(self.variants)} dispute(s)" if self.variants else ""
        return f"<History {self.key}: {len(self.entries)} version(s){disputes}>"

    def __str__(self) -> str:
        """The plain-text timeline."""
        return self.to_text()

    def parameter_names(self) -> tuple[str, ...]:
        """Every parameter name any version gives this provision, in first-seen order."""
        names: dict[str, None] = {}
        for entry in self.entries:
            for p in (entry.provision, *entry.parts):
                if p is not None:
                    names.update((param.name, None) for param in p.parameters)
        return tuple(names)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        return {
            "key": self.key,
            "title": self.title,
            "entries": [e.to_dict() for e in self.entries],
            "variants": [{"version": v.id, **var.to_dict()} for v, var in self.variants],
        }


def _find(version: Version, key: str) -> Provision | None:
    return next((p for p in Version.walk_all(version.provisions) if p.key == key), None)


def _holder(version: Version, key: str) -> str | None:
    """Key of the provision whose sub-point ``key`` is in ``version``, if any."""
    for p in Version.walk_all(version.provisions):
        if any(s.key == key for s in p.subpoints):
            return p.key
    return None


def history(key: str, archive: Archive | None = None) -> History:
    """Follow the provision with lineage ``key`` through ``archive`` (default: the bundled versions).

    Raises ``KeyError`` when no version uses the key.

    Example::

        >>> h = history("army-cap")
        >>> h.title, h.entries[0]
        ('Army cap', <HistoryEntry us-russia-28: present as 6>)
        >>> [(p.name, p.value) for p in h.entries[0].provision.parameters][0]
        ('armed_forces_cap', 600000)
        >>> print(h)  # doctest: +ELLIPSIS
        army-cap — Army cap
            2025-11-20  us-russia-28  point 6
              Ukraine's military may have no more than 600,000 personnel.
        ...
        >>> from peacediff.archive import Archive
        >>> history("army-cap", Archive("my-versions"))  # doctest: +SKIP
    """
    if archive is None:
        from peacediff.archive import Archive

        archive = Archive.bundled()
    versions = archive.versions()
    had_key = {v.id for v in versions if key in v.keys}
    if not had_key:
        known = sorted({k for v in versions for k in v.keys if "." not in k})
        raise KeyError(f"no version uses the key {key!r}\n    fix: use one of the top-level keys: {', '.join(known)}")
    entries = []
    title = None
    for version in versions:
        provision = _find(version, key)
        parts = tuple(p for p in Version.walk_all(version.provisions) if key in p.origins and p.key != key)
        ancestors = {a.id for a in archive.ancestors(version.id)}
        if provision is not None:
            title = title or provision.title
            entries.append(HistoryEntry(version, "present", provision, parts))
        elif parts:
            entries.append(HistoryEntry(version, "split", None, parts))
        elif version.removal(key) is not None:
            entries.append(HistoryEntry(version, "removed", removal=version.removal(key)))
        elif ancestors & had_key:
            # The key is inherited; absence means removal only in a complete record, and for a
            # sub-point only when the provision holding it is itself completely recorded.
            holders = {h for a in ancestors & had_key if (h := _holder(archive.get(a), key)) is not None}
            holding = next((p for h in sorted(holders) if (p := _find(version, h)) is not None), None)
            partial = version.coverage == "partial" or (holding is not None and holding.is_partial)
            entries.append(HistoryEntry(version, "unknown" if partial else "removed"))
    variants = tuple((v, var) for v in versions for var in v.variants if var.key == key)
    return History(key=key, title=title, entries=tuple(entries), variants=variants)
