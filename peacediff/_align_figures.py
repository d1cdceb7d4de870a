"""The shared-figure pass: a clause reworded past recognition that keeps a figure only it states.

A heavy paraphrase ("Monitors shall enjoy full freedom of movement ... within 6 hours of a
request" / "Monitoring teams may travel anywhere ... no later than six hours after the
request") shares few words with its old wording, often too few for the similarity passes, but
drafters keep the figures: a period, a sum, a share, a year.  A figure that one provision
states on each side, and no other provision of either version, names the clause.  After every
other linking pass, two provisions still unlinked link when

- they state a figure (kind, unit and value: "six hours" is "6 hours", "one day" is "24
  hours") that no other unlinked provision of either side states, and no linked one either (a
  stock period, "within 30 days", names nothing);
- their words agree at least a little (IDF-weighted cosine ``AlignConfig.shared_figure_min_sim``),
  and among the pairs that do, each is the other's only partner by such figures;
- they lie in the same gap between the exact anchors, as the assignment's in-gap pairs do: a
  figure is no word for a move across them (a dropped point and one inserted elsewhere may share
  a stock phrase with its figure);
- the versions have ``AlignConfig.shared_figure_min_provisions`` provisions a side or more: among
  a handful every figure and every word is rare, and a figure names nothing.

Bare numbers under 100 are no names (counts, labels, days of a month).  docs/decisions/0001
gives the measurements.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from peacediff._align_state import AlignState
from peacediff._numberwords import number_words, ordinal_words
from peacediff._units import MEASURE_KINDS, MEASURES
from peacediff.figures import DURATION_DAYS, Figure, duration_days

_Key = tuple[str, str, float]


_Pair = tuple[int, int]


def figure_keys(found: Iterable[Figure]) -> frozenset[_Key]:
    """The figures among ``found`` that can name a clause, as (kind, unit, value): every figure the
    reader finds ("a week" too, which is 7 days) but a bare number under 100."""
    return frozenset((f.kind, f.unit, f.value) for f in found if f.kind != "number" or f.value >= 100)


def shared_figure_pass(st: AlignState) -> None:
    """Link the unlinked pairs that are each other's only partner by a figure no other provision states."""
    if min(len(st.old), len(st.new)) < st.config.shared_figure_min_provisions or not st.scored():
        return
    near = _near(st)
    if near is None:
        return
    near_old, near_new = near
    by_pair = _named_pairs(st, near_old, near_new)
    partners_a = Counter(a for a, _b in by_pair)
    partners_b = Counter(b for _a, b in by_pair)
    for a, b in sorted(by_pair):
        # Within a gap of the anchor chain only: a figure is no word for a move (decision 0001),
        # and a dropped point and one inserted elsewhere may share a stock phrase with its figure
        # ("up to 400,000 personnel").
        if partners_a[a] == 1 and partners_b[b] == 1 and st.gap_old[a] == st.gap_new[b]:
            st.link(a, b, "similarity", st.cosine(a, b))


def restated_figure(st: AlignState, a: int, b: int) -> bool:
    """Old ``a`` and new ``b`` (local) state one figure in different words ("48 hours' notice" /
    "warned two days ahead") that no other provision of either version states: a redraft that
    restates a figure in other units or in words keeps the clause, where a dropped and an
    inserted clause that share a stock phrase write its figure the same way."""
    i, j = st.rest_old[a], st.rest_new[b]
    old_found = {(f.kind, f.unit, f.value): f.text.lower() for f in st.figures(i, old_side=True)}
    restated = {key for f in st.figures(j, old_side=False)
                if (key := (f.kind, f.unit, f.value)) in old_found and old_found[key] != f.text.lower()}
    keys = restated & figure_keys(st.figures(i, old_side=True))
    return bool(keys) and not _stated_elsewhere(st, keys, {i}, {j}).issuperset(keys)


def _near(st: AlignState) -> tuple[set[int], set[int]] | None:
    """The unlinked provisions (local indices, old and new) whose figures are read: the two of each
    unlinked pair at the floor within one gap (only such a pair can link), and the other
    candidates at the floor of those two (only they can be its rivals); None for no such pair."""
    floor = st.config.shared_figure_min_sim
    open_a = {a for a, i in enumerate(st.rest_old) if i not in st.link_old}
    open_b = {b for b, j in enumerate(st.rest_new) if j not in st.link_new}
    in_gap = [(a, b) for a in sorted(open_a) for s, b in st.by_old.get(a, ())
              if s >= floor and b in open_b and st.gap_old[a] == st.gap_new[b]]
    if not in_gap:
        return None
    ends_old, ends_new = {a for a, _b in in_gap}, {b for _a, b in in_gap}
    near_old = ends_old | {a for b in ends_new for s, a in st.by_new.get(b, ()) if s >= floor and a in open_a}
    near_new = ends_new | {b for a in ends_old for s, b in st.by_old.get(a, ()) if s >= floor and b in open_b}
    return near_old, near_new


def _named_pairs(st: AlignState, near_old: set[int], near_new: set[int]) -> dict[_Pair, list[_Key]]:
    """The pairs of ``near_old`` and ``near_new`` at the floor that share a figure no other
    provision of either version states, with those figures, as far as they can bear on a pair
    within one gap (the pairs that share a provision with one)."""
    held_old = _holders(st, sorted(near_old), old_side=True)
    held_new = _holders(st, sorted(near_new), old_side=False)
    by_pair: dict[_Pair, list[_Key]] = defaultdict(list)
    for key, olds in held_old.items():
        news = held_new.get(key)
        if len(olds) == 1 and news is not None and len(news) == 1:
            by_pair[(olds[0], news[0])].append(key)
    floor = st.config.shared_figure_min_sim
    by_pair = {pair: keys for pair, keys in by_pair.items() if st.cosine(*pair) >= floor}
    in_gap = [(a, b) for a, b in by_pair if st.gap_old[a] == st.gap_new[b]]
    if not in_gap:
        return {}
    ends_old, ends_new = {a for a, _b in in_gap}, {b for _a, b in in_gap}
    by_pair = {(a, b): keys for (a, b), keys in by_pair.items() if a in ends_old or b in ends_new}
    # Only now, for the few figures left, is every other provision asked for its figures.
    stock = _stated_elsewhere(st, {k for keys in by_pair.values() for k in keys},
                              {st.rest_old[a] for a in near_old}, {st.rest_new[b] for b in near_new})
    return {pair: keys for pair, keys in by_pair.items() if not stock.issuperset(keys)}


def _holders(st: AlignState, local: list[int], *, old_side: bool) -> dict[_Key, list[int]]:
    """Each figure key of the ``local`` provisions of one side and the provisions stating it."""
    rest = st.rest_old if old_side else st.rest_new
    held: dict[_Key, list[int]] = defaultdict(list)
    for k in local:
        for key in sorted(figure_keys(st.figures(rest[k], old_side=old_side))):
            held[key].append(k)
    return held


def _stated_elsewhere(st: AlignState, keys: set[_Key], read_old: set[int], read_new: set[int]) -> set[_Key]:
    """The ``keys`` some provision of either version states, besides those already read
    (``read_old``, ``read_new``: indices).  A text is read for figures only where the number of
    one of them stands in it, in digits or in words (a cheap search)."""
    written = _written_numbers(keys)
    found: set[_Key] = set()
    for old_side, texts, read in ((True, st.old_texts, read_old), (False, st.new_texts, read_new)):
        for i, text in enumerate(texts):
            # A text in another script (digits in Arabic-Indic, words in another language) is read.
            if i not in read and (not text.isascii() or written.search(text)):
                found.update(keys.intersection(figure_keys(st.figures(i, old_side=old_side))))
                if found == keys:
                    return found
    return found


#: The scales a sum or a count is written in ("USD 2 billion" is 2,000,000,000).
_SCALES = (1e3, 1e6, 1e9, 1e12)


def _written_numbers(keys: Iterable[_Key]) -> re.Pattern[str]:
    """A search for the numbers of ``keys`` as a text may write them: digits with or without
    thousands separators, words (cardinal and ordinal), a sum in thousands to trillions, a period
    in any unit ("one day", "24 hours", "a week"), a measure in its own units ("12 km" is 12,000
    m), a date by its day or year, a time of day by its hour.  It may find more than the figure
    (the text is then read); it must not miss a way of writing it."""
    digits: set[str] = set()
    words: set[str] = set()
    for kind, _unit, value in keys:
        if not math.isfinite(value):
            continue
        values = {value, *(value / scale for scale in _SCALES)}
        if kind == "duration":
            values.update(value / days for days in DURATION_DAYS.values())
            words.update(rf"an?\s+{unit}" for unit in DURATION_DAYS if duration_days(1, unit) == value)
        elif kind in MEASURE_KINDS:
            values.update(value / m.factor for m in MEASURES.values() if m.kind == kind)
        elif kind == "date":
            values.update((value // 10000, value % 100))
        elif kind == "time":
            hour = int(value // 60)
            digits.update((str(hour), f"{hour:02d}", str(hour % 12 or 12)))
        for v in values:
            if v <= 0 or v != round(v, 6):
                continue
            if v != int(v):
                digits.update((re.escape(f"{v:.15g}"), re.escape(f"{v:,}")))
                continue
            n = int(v)
            digits.update((str(n), re.escape(f"{n:,}")))
            words.update(re.escape(w) for w in (*number_words(n), *ordinal_words(n)))
            if n >= 100:  # "two hundred", "USD 2 billion"
                words.update(("hundred", "thousand", "million", "billion", "trillion"))
    alternatives = [f"(?<![\\d.,])(?:{'|'.join(sorted(digits, key=lambda f: (-len(f), f)))})(?!\\d|[.,]\\d)"]
    if words:
        alternatives.append(rf"\b(?:{'|'.join(sorted(words, key=lambda f: (-len(f), f)))})\b")
    return re.compile("|".join(alternatives), re.IGNORECASE)
