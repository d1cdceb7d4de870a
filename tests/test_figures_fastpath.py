"""The figure reader's candidate scan gives exactly the figures of the single scan it replaced.

:meth:`peacediff.figures._FigureReader.starts` finds digit runs and signs, and letter starts,
in two scans led by a character class, and skips a currency code or a month that no number
follows.  ``_reference_starts`` is the single scan as it was (every kind of start in one
pattern, every code and month a candidate); the properties read random texts built from the
pieces a figure is made of, and the words that only look like one ("European", the modal
"may", "someone", "US$" glued to a word), with both scans and compare the figures.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from model_strategies import piece_lists

from peacediff import figures
from peacediff.figures import Figure

_REFERENCE_START = (
    r"\d[\d,.]*|[$€£₴₽]"
    rf"|(?<!\w)(?=[{''.join(sorted({w[0] for w in [*figures._START_WORDS, *figures._START_OTHERS, 'a']}))}])"
    rf"(?:(?P<word>{figures._trie(figures._START_WORDS)}|a(?=[ \t\u00a0\n]+(?:{figures._SCALE_WORDS})\b)"
    rf"|an?(?=[ \t\u00a0\n]+(?:{figures._DURATION})\b))"
    rf"|{figures._trie(figures._START_OTHERS)})"
)
_PLAIN = re.compile(_REFERENCE_START)
_FOLDED = re.compile(_REFERENCE_START, re.IGNORECASE)


class _ReferenceReader(figures._FigureReader):
    def starts(self) -> list[tuple[int, bool]]:
        pattern, subject = (_PLAIN, self.lowered) if self.lowered is not None else (_FOLDED, self.text)
        return [(m.start(), m.start("word") >= 0) for m in pattern.finditer(subject)]


def _reference_figures(text: str, include_weak: bool) -> list[Figure]:
    return figures._read_figures(_ReferenceReader(text), include_weak)


def _same(text: str) -> None:
    for weak in (False, True):
        assert figures.find_figures(text, include_weak=weak) == _reference_figures(text, weak)


_PIECES = (
    "5", "600", ",000", ".5", "2026", "1st", " ", "  ", "\n", "-", ",", ".", "(", ")", "%", "$", "€", "£", "₴", "₽",
    "USD", "usd", "US$", "us$", "EUR", "eur", "European", "Europe", "GBP", "uah", "RUB", "rub", "roubles",
    "May", "may", "March", "march", "June", "Decembers", "one", "One", "twenty", "-five", "ten", "tenth", "tenant",
    "someone", "half", "a", "thousand", "million", "bn", "days", "years", "km", "per cent", "of", "the", "x",
    "_", "é", "İ", "\u00a0", "\u202f", "٣", "۶۰۰", "Article", "point",
)  # fmt: skip


@settings(max_examples=800)
@given(piece_lists(_PIECES, 0, 40).map("".join))
@example("European Union: USD 5 billion in May 2026, may rise by one half")
@example("us$5 and US$ 7, eur5, EURO 5, Europe 5")
@example("one-European twenty-five days; x5,one; $one; us$ one; maybe 5")
@example("İstanbul may 3 — Mayıs 5, £ 10 000")
@example("May")
@example("from May  2026 or June\n 5, USD\t5")
@example("5 may 2026 and march 3rd")
def test_the_two_scans_read_the_figures_of_the_single_scan(text: str) -> None:
    _same(text)


@settings(max_examples=300)
@given(st.text(max_size=60))
@example("A YEAR")  # found at random: the reference lacked the one-period start ("within a year")
def test_any_text_reads_the_figures_of_the_single_scan(text: str) -> None:
    _same(text)


def test_a_code_or_month_before_no_number_is_no_candidate() -> None:
    reader = figures._FigureReader("European rules may apply from May 2026 at EUR 5")
    starts = [reader.text[s : s + 3] for s, _word in reader.starts()]
    assert starts == ["May", "202", "EUR", "5"]


# --------------------------------------------------------------------------- elided units


def _reference_without_elided_units(old: list[Figure], new: list[Figure], old_all: list[Figure],
                                    new_all: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """The pairing as first written: each bare number scans every figure of the other side."""
    def in_unit_before(bare: Figure, side: list[Figure]) -> tuple[str, str, float] | None:
        before = [f for f in side if f.start < bare.start and f.kind not in ("number", "date", "time") and f.raw]
        if not before:
            return None
        return before[-1].kind, before[-1].unit, round(bare.raw * before[-1].value / before[-1].raw, 6)

    dropped_old: set[int] = set()
    dropped_new: set[int] = set()
    for bare_side, unit_side, bare_dropped, unit_dropped, bare_all in ((old, new, dropped_old, dropped_new, old_all),
                                                                       (new, old, dropped_new, dropped_old, new_all)):
        for k, f in enumerate(bare_side):
            if k in bare_dropped or not figures._is_bare(f):
                continue
            implied = in_unit_before(f, bare_all)
            for m, g in enumerate(unit_side):
                if (m not in unit_dropped and g.kind != "number"
                        and (g.raw == f.raw or implied == (g.kind, g.unit, round(g.value, 6)))
                        and not any(h.kind == g.kind for h in bare_side)):
                    bare_dropped.add(k)
                    unit_dropped.add(m)
                    break
    return ([f for k, f in enumerate(old) if k not in dropped_old],
            [f for m, f in enumerate(new) if m not in dropped_new])


_ELIDED = st.lists(st.sampled_from(["30 days", "thirty days", "21", "twenty-one", "three weeks", "3 weeks", "16",
                                    "sixteen-year-olds", "100 working days", "100", "another 100", "5 years", "7",
                                    "7 years", "15 units", "5", "2 km", "2,000 metres", "2", "2 hours", "120 minutes",
                                    "1 April", "10:00", "50%", "50", "of which", "then", "and"]),
                   max_size=16).map(", ".join)


@given(_ELIDED, _ELIDED)
@settings(max_examples=300, deadline=None)
def test_the_indexed_pairing_of_elided_units_pairs_as_the_scan_did(old_text: str, new_text: str) -> None:
    old_all = figures.find_figures(old_text, include_weak=True)
    new_all = figures.find_figures(new_text, include_weak=True)
    old, new = [f for f in old_all if not f.weak], [f for f in new_all if not f.weak]
    assert figures._without_elided_units(old, new, old_all, new_all) == _reference_without_elided_units(
        old, new, old_all, new_all)


def test_six_thousand_bare_numbers_pair_with_their_periods() -> None:
    # Each bare number takes its period (indexed by value; the scan tried every pair: 3 s here).
    old = " ".join(str(n) for n in range(3000, 9000))
    new = "30 days " + " ".join(f"{n} weeks" for n in range(3000, 9000))
    assert figures.figure_changes(old, new) == [("duration", None, "30 days")]
