"""A change's footnotes: reported removals, reported variants (disputed figures) and evidence quotes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from peacediff.compare import Change, Comparison
from peacediff.model import Variant, Version
from peacediff.render._sources import SourceRef, source_ref


@dataclass(frozen=True, slots=True, eq=False)
class Note:
    """One footnote of a change: an evidence quote, a reported removal or a reported variant."""

    number: int
    kind: str  # "evidence" | "removal" | "variant"
    side: str  # "old" | "new"
    quote: str | None = None
    text: str | None = None
    sources: tuple[SourceRef, ...] = ()
    variant: Variant | None = None
    claims: tuple[tuple[str, tuple[SourceRef, ...], str | None], ...] = ()


def notes_for(change: Change, comparison: Comparison, counter: list[int]) -> tuple[Note, ...]:
    """A change's footnotes, numbered on from ``counter``: removal reports and disputed figures first
    (the views show them), then evidence quotes (the views fold them away)."""
    if _noteless(change):
        return ()
    notes: list[Note] = []

    def add(**fields: Any) -> None:
        counter[0] += 1
        notes.append(Note(number=counter[0], **fields))

    if change.kind in ("removed", "unknown"):
        for p in Version.walk_all(change.old):
            removal = comparison.new.removal(p.key) if p.key else None
            if removal is None:
                continue
            # The engine may copy the removal's note onto the change: say it once.
            add(kind="removal", side="new", text=None if removal.note == change.note else removal.note,
                sources=tuple(source_ref(comparison.new, s) for s in removal.sources))
            for ev in removal.evidence:
                add(kind="evidence", side="new", quote=ev.quote, text=ev.note,
                    sources=(source_ref(comparison.new, ev.source),))
    # The comparison says which reported variants bear on the change and its sub-points; the
    # notes list them newer side first, each version's in its file's order, a variant both
    # versions record once.
    bearing = {(d.version, d.variant.id) for ch in walk_changes((change,)) for d in ch.disputes}
    if bearing:
        seen_variants: set[str] = set()
        for side, version in (("new", comparison.new), ("old", comparison.old)):
            for variant in version.variants:
                if (version.id, variant.id) in bearing and variant.id not in seen_variants:
                    seen_variants.add(variant.id)
                    claims = tuple(
                        (claim.display(), tuple(source_ref(version, s) for s in claim.sources), claim.note)
                        for claim in variant.claims
                    )
                    add(kind="variant", side=side, variant=variant, claims=claims, text=variant.verdict)
    seen: set[tuple[str, str]] = set()
    for side, provisions, version in (("new", change.new, comparison.new), ("old", change.old, comparison.old)):
        for p in Version.walk_all(provisions):
            for ev in p.evidence:
                if (ev.source, ev.quote) not in seen:
                    seen.add((ev.source, ev.quote))
                    add(kind="evidence", side=side, quote=ev.quote, text=ev.note,
                        sources=(source_ref(version, ev.source),))
    shown = [n for n in notes if n.kind != "evidence"]
    return tuple(shown + [n for n in notes if n.kind == "evidence"])


def _noteless(change: Change) -> bool:
    """True when the change certainly has no footnote: linked or added, no sub-changes and no
    reported variants, on provisions without sub-points or evidence (most changes of a long
    document; the walks below would find nothing)."""
    if change.kind in ("removed", "unknown") or change.subchanges or change.disputes:
        return False
    return not any(p.evidence or p.subpoints for p in change.new) and not any(
        p.evidence or p.subpoints for p in change.old
    )


def walk_changes(changes: Sequence[Change]) -> Iterator[Change]:
    """Each change, then its sub-changes at every depth, in reading order."""
    for ch in changes:
        yield ch
        yield from walk_changes(ch.subchanges)
