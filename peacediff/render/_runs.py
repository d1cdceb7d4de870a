"""Text runs: a change's wording as ``("eq" | "del" | "ins", text)`` runs, built from ``Change.ops``.

Every format draws a redline from these runs; nothing here diffs (the runs are a reshaping of
the ops the comparison already holds).
"""

from __future__ import annotations

from collections.abc import Sequence

from peacediff.compare import Change


def segments(change: Change) -> tuple[tuple[str, str], ...]:
    """The change's text as ``("eq" | "del" | "ins", text)`` runs, adjacent runs of a kind merged.

    Built from ``Change.ops``; a change without ops shows its whole sides: removed text
    deleted, added text inserted, unchanged text as it stands.  An ``unknown`` change is
    always its text as it stands: nobody reported it gone, so nothing of it is deleted.
    Concatenating the ``eq`` and ``del`` runs gives the old text, ``eq`` and ``ins`` the new
    (for an unknown change, the one side it has).

    Example::

        >>> from peacediff.compare import Change
        >>> segments(Change("modified", ops=((0, "cap of "), (-1, "600"), (1, "800"))))
        (('eq', 'cap of '), ('del', '600'), ('ins', '800'))
    """
    if change.kind == "unknown":
        text = change.old_text or change.new_text
        return (("eq", text),) if text else ()
    return _op_runs(change.ops) if change.ops else _whole_sides(change)


_RUN_NAMES = {-1: "del", 0: "eq", 1: "ins"}


def _op_runs(ops: Sequence[tuple[int, str]]) -> tuple[tuple[str, str], ...]:
    if len(ops) == 1:  # an unchanged provision: most of a long document
        op, text = ops[0]
        return ((_RUN_NAMES[op], text),) if text else ()
    if ops:
        names = _RUN_NAMES
        runs: list[list[str]] = []
        for op, text in ops:
            if not text:
                continue
            name = names[op]
            if runs and runs[-1][0] == name:
                runs[-1][1] += text
            else:
                runs.append([name, text])
        return tuple((name, text) for name, text in runs)
    return ()


def _whole_sides(change: Change, old: str | None = None, new: str | None = None) -> tuple[tuple[str, str], ...]:
    old = change.old_text if old is None else old
    new = change.new_text if new is None else new
    if change.kind == "removed":
        return (("del", old),) if old else ()
    if change.kind == "added":
        return (("ins", new),) if new else ()
    if old == new:
        return (("eq", old),) if old else ()
    return tuple(run for run in (("del", old), ("ins", new)) if run[1])


def own_segments(change: Change) -> tuple[tuple[str, str], ...]:
    """The provision's own text as runs, without its sub-points, when it has sub-changes.

    Built from ``Change.text_ops``; each sub-point is drawn through its own sub-change.
    A change without sub-changes gives :func:`segments`.
    """
    if not change.subchanges or change.kind == "unknown":
        return segments(change)
    if change.text_ops:
        return _op_runs(change.text_ops)
    # A change built by hand, without text_ops: the provisions' own texts as they stand or replaced whole.
    old = "\n".join(p.text for p in change.old)
    new = "\n".join(p.text for p in change.new)
    return _whole_sides(change, old, new)
