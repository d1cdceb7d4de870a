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
from collections.abc import Iterable, Sequence

from peacediff._align_state import AlignState
from peacediff._numberwords import number_words, ordinal_words
from peacediff._units import MEASURE_KINDS, MEASURES
from peacediff.figures import DURATION_DAYS, duration_days, find_figures

_Key = tuple[str, str, float]


def figure_keys(text: str) -> frozenset[_Key]:
    """The figures of ``text`` that can name a clause, as (kind, unit, value): every figure the
    reader finds ("a week" too, which is 7 days) but a bare number under 100."""
    return frozenset(
        (f.kind, f.unit, f.value) for f in find_figures(text, include_weak=True) if f.kind != "number" or f.value >= 100
    )


def shared_figure_pass(st: AlignState) -> None:
    """Link the unlinked pairs that are each other's only partner by a figure no other provision states."""
    if min(len(st.old), len(st.new)) < st.config.shared_figure_min_provisions or not st.scored():
        return
    old_open = [a for a, i in enumerate(st.rest_old) if i not in st.link_old]
    new_open = [b for b, j in enumerate(st.rest_new) if j not in st.link_new]
    if not old_open or not new_open:
        return
    floor = st.config.shared_figure_min_sim
    # Only an unlinked pair at the floor within one gap can link, and only the other candidates
    # of its two provisions can be its rivals: their figures are read; every other provision is
    # asked only whether it states a figure a pair shares.
    open_a, open_b = set(old_open), set(new_open)
    in_gap = [(a, b) for a in old_open for s, b in st.by_old.get(a, ())
              if s >= floor and b in open_b and st.gap_old[a] == st.gap_new[b]]
    if not in_gap:
        return
    near_old = {a for a, _b in in_gap}
    near_new = {b for _a, b in in_gap}
    near_old.update(a for b in {b for _a, b in in_gap} for s, a in st.by_new.get(b, ()) if s >= floor and a in open_a)
    near_new.update(b for a in {a for a, _b in in_gap} for s, b in st.by_old.get(a, ()) if s >= floor and b in open_b)
    held_old = _holders(sorted(near_old), st.old_texts, st.rest_old)
    held_new = _holders(sorted(near_new), st.new_texts, st.rest_new)
    by_pair: dict[tuple[int, int], list[_Key]] = defaultdict(list)
    for key, olds in held_old.items():
        news = held_new.get(key)
        if len(olds) == 1 and news is not None and len(news) == 1:
            by_pair[(olds[0], news[0])].append(key)
    by_pair = {pair: keys for pair, keys in by_pair.items() if st.cosine(*pair) >= floor}
    if not by_pair:
        return
    # Only the pairs that share a provision with one within a gap can count against it as
    # rivals: only their figures need be sought in the other provisions.
    in_gap = [(a, b) for a, b in by_pair if st.gap_old[a] == st.gap_new[b]]
    if not in_gap:
        return
    ends_old, ends_new = {a for a, _b in in_gap}, {b for _a, b in in_gap}
    by_pair = {(a, b): keys for (a, b), keys in by_pair.items() if a in ends_old or b in ends_new}
    # Only now, for the few figures left, is every other provision asked for its figures.
    read_old = {st.rest_old[a] for a in near_old}
    read_new = {st.rest_new[b] for b in near_new}
    stock = _stated_elsewhere(st, {k for keys in by_pair.values() for k in keys}, read_old, read_new)
    named = sorted(pair for pair, keys in by_pair.items() if not stock.issuperset(keys))
    partners_a = Counter(a for a, _b in named)
    partners_b = Counter(b for _a, b in named)
    mutual = [(a, b) for a, b in named if partners_a[a] == 1 and partners_b[b] == 1]
    # Within a gap of the anchor chain only: a figure is no word for a move (decision 0001), and a
    # dropped point and one inserted elsewhere may share a stock phrase with its figure ("up to
    # 400,000 personnel").
    for a, b in mutual:
        if st.gap_old[a] == st.gap_new[b]:
            st.link(a, b, "similarity", st.cosine(a, b))


def _holders(open_local: list[int], texts: Sequence[str], rest: list[int]) -> dict[_Key, list[int]]:
    """Each figure key of the open provisions and the (local) provisions stating it."""
    held: dict[_Key, list[int]] = defaultdict(list)
    for k in open_local:
        for key in sorted(figure_keys(texts[rest[k]])):
            held[key].append(k)
    return held


def _stated_elsewhere(st: AlignState, keys: set[_Key], read_old: set[int], read_new: set[int]) -> set[_Key]:
    """The ``keys`` some provision of either version states, besides those already read
    (``read_old``, ``read_new``: indices).  A text is read for figures only where the number of
    one of them stands in it, in digits or in words (a cheap search)."""
    written = _written_numbers(keys)
    found: set[_Key] = set()
    for texts, read in ((st.old_texts, read_old), (st.new_texts, read_new)):
        for i, text in enumerate(texts):
            # A text in another script (digits in Arabic-Indic, words in another language) is read.
            if i not in read and (not text.isascii() or written.search(text)):
                found.update(keys.intersection(figure_keys(text)))
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
