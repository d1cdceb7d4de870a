"""Figures in a provision's text: numbers, money, percentages, durations, dates and measures, and what changed.

:func:`find_figures` reads every figure a reader would see ("600,000 personnel",
"USD 100 billion", "within twenty-five days", "١٢٠ يوما", "10 km"), whatever the script of its
digits and whether it is written in digits or words; :func:`figure_changes` says which changed
between two texts ("25 days → 5 days"), looking only near the changes of the pair's word ops
(:mod:`peacediff._screen`).  Antisymmetric, like the word diff: swapping the texts swaps the result.

Example::

    >>> [(f.kind, f.text) for f in find_figures("Elections within twenty-five days.")]
    [('duration', 'twenty-five days')]
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, TypeAlias

from peacediff._numberwords import NUMBER_WORD_PATTERN, read_number
from peacediff._screen import (
    ChangeWindows,
    LazyPattern,
    ascii_plain,
    changed_windows,
    lower_same_length,
    reached,
)
from peacediff._units import COUNTED, MEASURE_KINDS, MEASURES

__all__ = ["DURATION_DAYS", "FIGURE_KINDS", "FIGURE_REACH", "MINUS_SIGN", "Figure", "duration_days", "figure_changes",
           "find_figures", "measures"]

Op = tuple[int, str]
_Key: TypeAlias = tuple[str, str, float]  # what makes two figures the same figure: kind, unit, value


class Figure(NamedTuple):
    """A figure found in text: ``kind`` (one of :data:`FIGURE_KINDS`), the text as
    written (with its unit: "10 km", "600,000 troops"), and a normalised value used
    to decide whether two figures are the same ("3 km" and "3,000 m" are).

    ``weak`` marks a lone number word that does not count a quantity ("one of the
    parties", "the two sides", "three appointed by each"; "six members" does): it cancels
    the same number written in digits on the other side, but is never reported by itself.
    """

    kind: str
    text: str
    value: float
    unit: str
    start: int
    raw: float  # the number as written ("30" in "30 years", "100" in "USD 100 billion")
    weak: bool = False


# Digits are any Unicode decimal digits (Arabic-Indic, Persian, Devanagari, full-width...):
# Python's \d and float() read them all.  Thousands separators: the comma, the Arabic
# thousands separator, the full-width comma, and (grouping by three only) the narrow and
# no-break spaces of French and SI style.  Decimal marks: the point, the Arabic decimal
# separator, the full-width point.
_GROUP = ",\u066c\uff0c"
_SPACE_GROUP = "\u00a0\u2009\u202f"
_DECIMAL = ".\u066b\uff0e"
_NUM = (
    rf"\d{{1,3}}(?:[{_GROUP}]\d{{3}})+(?:[{_DECIMAL}]\d+)?"
    # A plain space groups by three as well ("50 000 troops" read as 50 and "000 troops", 0), where
    # no digit follows the last group, even after a space ("1 2 3" is no number).
    # At most four groups (up to 999 trillion): a longer run of groups is no figure, and an open
    # count made a run of thousands of "000" groups cost quadratic time.
    rf"|\d{{1,3}}(?:[ {_SPACE_GROUP}]\d{{3}}){{1,4}}(?![\d{_SPACE_GROUP}]| \d)(?:[{_DECIMAL}]\d+)?"
    rf"|\d+(?:[{_DECIMAL}]\d+)?"
)
_NUMBER_CLEAN = str.maketrans({**dict.fromkeys(_GROUP + _SPACE_GROUP + " ", None), "\u066b": ".", "\uff0e": "."})
_SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_CURRENCY = {
    "usd": "USD", "us$": "USD", "$": "USD", "dollars": "USD", "dollar": "USD", "u.s. dollars": "USD",
    "eur": "EUR", "€": "EUR", "euros": "EUR", "euro": "EUR",
    "gbp": "GBP", "£": "GBP", "pounds": "GBP",
    "uah": "UAH", "₴": "UAH", "hryvnias": "UAH", "rub": "RUB", "₽": "RUB", "roubles": "RUB", "rubles": "RUB",
}  # fmt: skip
_CURRENCY_BEFORE = r"usd|us\$|eur|gbp|uah|rub|\$|€|£|₴|₽"
_CURRENCY_AFTER = r"usd|eur|gbp|uah|rub|u\.s\. dollars|dollars|euros|pounds|hryvnias|roubles|rubles"
_PERCENT = r"%|\u066a|\uff05|percent\b|per cent\b|pct\b"
DURATION_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365,
                 "decade": 3650}
_DURATION = r"minute|min|hour|hr|day|week|wk|fortnight|month|year|yr|decade"
#: The short forms of period words a schedule writes ("72 hrs", "3 yrs", "15 mins", "2 wks").
_PERIOD_SHORT = {"min": "minute", "hr": "hour", "wk": "week", "yr": "year"}
#: What kind of days (or years) a period counts ("20 working days", "the fifth Business Day", "10
#: clear days", "the third contract year", "two financial years").
_DAY_KIND = (
    r"working|business|calendar|clear|consecutive|paid|unpaid|full|whole"
    r"|contract|financial|fiscal|operating|academic|school|tax"
)


def _period_kind(group: str, space: str = r"[\s-]+") -> str:
    """The words between a count and its period: "more" and its kin, then a kind of day or year
    captured as ``group`` ("two more school years", "20 further working days")."""
    return rf"(?:(?:additional|further|extra|more){space})?(?:(?P<{group}>{_DAY_KIND}){space})?"


_KIND4, _KIND6, _KIND = _period_kind("kind4"), _period_kind("kind6", r"\s+"), _period_kind("kind")
#: Working and business days are other days than calendar ones: "20 days" and "20 working
#: days" are two figures, so a period that changes from one to the other is reported.
_WORKING_DAYS = frozenset(("working", "business"))


def _alternation(forms: Iterable[str]) -> str:
    """Forms as a regex alternation, longest first (so "km²" is tried before "km")."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=lambda f: (-len(f), f)))


# "m" and "t" read as metres and tonnes only after a space ("5m" is five million).
_SPACED_UNITS = frozenset({"m", "t"})
_MEASURE_UNITS = _alternation(set(MEASURES) - _SPACED_UNITS)
_MEASURE_SPACED = _alternation(_SPACED_UNITS)
_COUNTED_UNITS = _alternation(COUNTED)
# A hyphen joins a measure to its number in a compound adjective ("the 31-hectare yard", "a
# 12-metre vessel"), as it does a period ("a 30-day notice").
_UNIT_AFTER = (
    rf"(?:(?:\s*|-)(?P<measure>{_MEASURE_UNITS})|\s+(?P<measure_spaced>{_MEASURE_SPACED})"
    rf"|\s+(?P<counted>{_COUNTED_UNITS}))(?![\w²])"
)
_MONTHS = {
    name: k
    for k, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"),
        start=1,
    )
}
_MONTH = "|".join(_MONTHS)
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"

# One pass, alternatives in priority order (date, money, percentage, duration, ordinal
# day, plain number): at each position the first alternative that matches wins, and
# the scan moves on.  Numbers written in words are read by _word_figure.
# A time of day: "06:00", "15:00 hours", "10:00 a.m.", "14h30", "6 p.m.", "0600 hours".  An
# hour of one digit with minutes ("1:10") is a time only with "a.m.", "p.m." or "hours" after it,
# or "at", "from", "until" ... before it (_TIME_BEFORE): without them it is a ratio or a scale
# ("1:4 nurses", "1:50,000").
_TIME_ALTERNATIVES = (
    r"(?<![\w.,:])(?P<hour1>[01]?\d|2[0-3]|24(?=[:h]00))[:h](?P<minute1>[0-5]\d)(?![\d:]|[.,]\d)"
    r"(?:\s*(?P<half1>[ap])\.?m\.?(?!\w)|(?P<hours1>\s+(?:hours|hrs)\b))?"
    r"|(?<![\w.,:])(?P<hour2>1[0-2]|0?[1-9])\s?(?P<half2>[ap])\.?m\.?(?!\w)"
    r"|(?<![\w.,:])(?P<hour3>0\d)(?P<minute3>[0-5]\d)\s+hours\b"
    # "00.00 hours", "5.30 p.m.": a point between hour and minutes only where "hours" or a.m./p.m.
    # says it is a time ("at 18.30" alone may be a sum or a measure).
    r"|(?<![\w.,:])(?P<hour4>[01]?\d|2[0-3]|24(?=\.00))\.(?P<minute4>[0-5]\d)"
    r"(?:\s*(?P<half4>[ap])\.?m\.?(?!\w)|\s+(?:hours|hrs)\b)"
)
_TIME_BEFORE = LazyPattern(r"\b(?:at|from|until|till|to|by|before|after|between|and)\s+$")
_TIME_RE = LazyPattern(_TIME_ALTERNATIVES)
_DATE_ALTERNATIVES = (
    rf"(?<![\w.,])(?P<day1>{_DAY})\s+(?:of\s+)?(?P<month1>{_MONTH})\b(?:,?\s+(?P<year1>\d{{4}})\b)?"
    rf"|\b(?P<month2>{_MONTH})\s+(?:(?P<day2>{_DAY})\b(?:,?\s+(?P<year2>\d{{4}})\b)?|(?P<year3>\d{{4}})\b)"
    r"|(?<![\w.,-])(?P<year4>\d{4})-(?P<month4>[01]\d)-(?P<day4>[0-3]\d)(?![\w-])"
)
_QUANTITY_ALTERNATIVES = (
    rf"(?<![\w$€£₴₽])(?P<cur1>{_CURRENCY_BEFORE})\s?(?P<num1>{_NUM})"
    r"(?:\s*(?P<scale1>thousand|million|billion|trillion|bn|mn|m|k)\b)?"
    rf"|(?<![\w.,])(?P<num2>{_NUM})(?:\s*(?P<scale2>thousand|million|billion|trillion|bn|mn))?\s*"
    rf"(?P<cur2>{_CURRENCY_AFTER})\b"
    rf"|(?<![\w.,])(?P<num3>{_NUM})\s?(?:{_PERCENT})"
    rf"|(?<![\w.,])(?P<num4>{_NUM})[\s-]+{_KIND4}(?P<unit4>{_DURATION})s?\b"
    rf"|(?<![\w.,])(?P<num6>\d+)(?:st|nd|rd|th)\s+{_KIND6}(?P<unit6>{_DURATION})\b"
    # A decimal is read whole or not at all ("1.5m" was read as "1": "m" glued to a number is
    # metres or millions, so that is read as neither); "1.5bn" is a scale, as after a currency.
    rf"|(?<![\w.,])(?P<num5>{_NUM})(?![{_DECIMAL}]\d)"
    rf"(?:\s*(?P<scale5>thousand|million|billion|trillion|bn|mn)\b|(?P<kilo>k)\b)?"
    rf"(?:{_UNIT_AFTER})?(?![\w])"
)
_FIGURE_RE = LazyPattern(f"{_DATE_ALTERNATIVES}|{_QUANTITY_ALTERNATIVES}")
# Where a date match is no date ("the parties may 2", "31 February"), the same position
# is read again without the date alternatives.
_QUANTITY_RE = LazyPattern(_QUANTITY_ALTERNATIVES)
# What can follow a number written in words and make it a quantity.
# Contracts repeat a number in digits after its words ("thirty (30) days", "three (3)
# business days"): the digits belong to the figure the words start.
_AFTER_NUMBER_WORDS = (
    rf"(?:\s?(?P<percent>{_PERCENT})"
    rf"|[\s-]+{_KIND}(?P<duration>{_DURATION})s?\b"
    rf"|\s+(?P<currency>{_CURRENCY_AFTER})\b"
    rf"|{_UNIT_AFTER})?"
)
_AFTER_WORDS = LazyPattern(rf"(?:\s*\(\s*(?P<echo>{_NUM})\s*\))?{_AFTER_NUMBER_WORDS}")
# The same without the digits: where they say another number than the words ("thirty (45)
# days"), they are a figure of their own and the words stand alone.
_AFTER_WORDS_ALONE = LazyPattern(_AFTER_NUMBER_WORDS)
# A singular fraction is a figure only when it takes a share of something ("a third of
# the territory", "half the forces"), not in "a third party" or "the first half".
_SHARE_AFTER = LazyPattern(r"\s+(?:of|the)\b")
_PART_OF_TIME = LazyPattern(r"\b(?:first|second|third|fourth|last|latter|final|other)[ \t\u00a0\n]+$")
_ORDINAL_UNIT = LazyPattern(rf"[\s-]+{_KIND}(?P<unit>{_DURATION})\b")
_SCALE_WORDS = (
    "hundred|thousand|million|billion|trillion|half|quarter|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
)
# Where a figure can start: a digit run, a currency sign or code, a month, a number word.
# Trying the full readings only there gives the same figures as trying every position
# (each reading begins with one of these, and its look-behinds still see the text before),
# at a fifth of the cost.  A currency code or a month starts a figure only before a
# number ("USD 5", "May 2026", "1 May" starts at its digit), so "European" and the modal
# "may" are no candidates.


_TrieNode: TypeAlias = dict[str, "_TrieNode"]


def _trie(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored by common prefixes ("s(?:ix|even)...").

    Python's ``re`` tries the branches of a plain alternation one by one at every
    position; factored, a position fails at its first letter.
    """
    root: _TrieNode = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _TrieNode) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


#: Words that start a figure said in words (:data:`_SAID`), scanned with the number words.
_SAID_STARTS = ("twice", "thrice", "double", "triple", "midnight", "noon", "midday", "time")
_START_WORDS = [*NUMBER_WORD_PATTERN.split("|"), *_SAID_STARTS]
_START_OTHERS = ["usd", "us$", "eur", "gbp", "uah", "rub", *_MONTHS]
# Digit runs and currency signs, and letter starts, are found by two scans, each led by one
# character class: the regex engine then skips every character outside it at C speed (a
# pattern led by alternatives or a look-behind tries every position).  A digit run is one
# start ("600,000"); a sign is a start of its own.
_DIGIT_START = LazyPattern(r"[\d$€£₴₽](?:(?<=\d)[\d,.]*)?")
# A letter start needs no word character before it: the scan reads that character as
# part of the match (so a start is one past the match's start), and the text's first
# character is tried on its own.  The class of first letters then skips the rest quickly.
_WORD_BODY = (
    rf"(?=[{''.join(sorted({w[0] for w in [*_START_WORDS, *_START_OTHERS, 'a']}))}])"
    rf"(?:(?P<word>{_trie(_START_WORDS)}|a(?=[ \t\u00a0\n]+(?:{_SCALE_WORDS})\b)"
    rf"|an?(?=[ \t\u00a0\n]+(?:{_DURATION})\b))|{_trie(_START_OTHERS)}(?=\s*\d))"
)
_WORD_START = LazyPattern(rf"\W{_WORD_BODY}")
_FIRST_WORD = LazyPattern(_WORD_BODY)
_LETTER_START = re.compile(r"[a-zA-Z]")
# The longest number phrase read in words ("seven hundred and seventy-seven thousand seven
# hundred and seventy-seven" is 79 characters).
_PHRASE_REACH = 160
_WORD_CHAR = re.compile(r"\w")
#: The names a list of provisions is referred to by, singular and plural ("Article 5", "Sections
#: 23 and 24", "clauses 4 to 7").
_LIST_LABEL_NAMES = (
    r"articles?|points?|sections?|clauses?|paragraphs?|chapters?|annex(?:es)?|items?|sub-points?|subsections?"
    r"|schedules?|appendix|appendices|parts?|rules?|regulations?"
)
# A bare number right after one of these words names something (a treaty article, a
# point of the plan) rather than counting it, so it is no figure to report.
_LABEL_BEFORE = LazyPattern(rf"\b(?:{_LIST_LABEL_NAMES}|art\.|resolution|no\.|number|phase|stage)\s*$")
#: A bare number later in a list of labels: "Articles 5 and 6", "Sections 23, 24 or 27", "clauses
#: 4 to 7".  How far back the list may start.
_LABEL_LIST_REACH = 80
#: What a text holds when one of _LIST_LABEL_NAMES stands in it (lower case): a screen in C
#: before the list's expression is tried.
_LABEL_WORDS = ("article", "point", "section", "clause", "paragraph", "chapter", "annex", "item", "schedule", "appendi",
                "part", "rule", "regulation")
_LABEL_LIST = LazyPattern(
    rf"\b(?:{_LIST_LABEL_NAMES})"
    r"(?P<labels>\s*\d+[a-z]?(?:\([a-z0-9]+\))*"
    r"(?:\s*(?:,\s*and|,\s*or|,|and|or|to|through|-|–)\s*\d+[a-z]?(?:\([a-z0-9]+\))*)*)"
    r"\s*(?P<joint>,\s*and|,\s*or|,|and|or|to|through|-|–)\s*\Z",
)
_LAST_LABEL = re.compile(r"\d+(?=\D*\Z)")


def _number(text: str) -> float:
    """The value of a number written in digits of any script, with its separators."""
    return float(text.translate(_NUMBER_CLEAN))


def find_figures(text: str, include_weak: bool = False) -> list[Figure]:
    """Money, percentages, durations, measures, dates and other numbers in ``text``, in order.

    Numbers written in words count as the same figures ("twenty-five days" is
    "25 days"); digits of any script are read as the numbers they are.  Weak
    figures (see :class:`Figure`) are left out unless ``include_weak``.

    >>> [(f.kind, f.text) for f in find_figures("USD 100 billion within 100 days, 50% and 600,000")]
    [('amount', 'USD 100 billion'), ('duration', '100 days'), ('percentage', '50%'), ('number', '600,000')]
    >>> [(f.kind, f.value) for f in find_figures("within twenty-five days, a buffer of 3 km")]
    [('duration', 25.0), ('distance', 3000.0)]
    """
    return _read_figures(_FigureReader(text), include_weak)


#: What joins the two bounds of a range: "18 to under 24 metres", "200 metres up to 300 metres",
#: "between 2 and 3 years", "12-18 km".
_RANGE_TO = re.compile(
    r"\s*(?:-|–|—|to|up to|to under|to less than|to below|through|and|but under|or)\s*", re.IGNORECASE
)
_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
#: A bare whole number in this span reads as a year ("by 2030 or 5 years"), never as a bound.
_YEAR_LIKE = (1900, 2100)
#: The kinds whose unit a bare number opening a range takes from the bound that closes it:
#: "12 to under 18 metres" states 12 metres, "two to three years" two years, "10-20 %" 10 %.
_RANGE_KINDS = frozenset(("duration", "percentage", *MEASURE_KINDS))


def measures(found: Iterable[Figure]) -> frozenset[float]:
    """The values of the measures among ``found`` (lengths, areas, weights, volumes, power,
    energy: figures with a unit of measure, :data:`MEASURE_KINDS`); a bare number that opens a
    range ending in a measure is read as one (:func:`_range_bounds`).  Rates, sums, dates,
    periods and bare numbers (an item's printed label, "Route 3") are none.

    >>> sorted(measures(find_figures("vessels of 18 to under 24 metres: 10 per cent of trips")))
    [18.0, 24.0]
    >>> measures(find_figures("Route 3: a bus every 10 minutes"))
    frozenset()
    """
    return frozenset(f.value for f in found if f.kind in MEASURE_KINDS)


def _read_figures(reader: _FigureReader, include_weak: bool, until: int | None = None) -> list[Figure]:
    """The figures ``reader`` finds from its candidate starts, in order, none inside another;
    only those starting at ``until`` or before, when given.  A bare number opening a range takes
    the unit of the bound that closes it (:func:`_range_bounds`), so the first figure past
    ``until`` is read too, for the last one's sake."""
    found: list[Figure] = []
    end = 0
    for start, word in reader.starts():
        if start < end:
            continue
        figure, stop = reader.at(start, word, end)
        if stop:
            end = stop
        if figure is not None:
            if figure.kind == "time" and found and _is_twelve_before(reader.text, found[-1], figure):
                figure = figure._replace(text=reader.text[found[-1].start : figure.start] + figure.text,
                                         start=found.pop().start)  # "12 noon", "twelve midnight"
            found.append(figure)
            if until is not None and start > until:
                break
    found = _range_bounds(reader.text, found)
    return [f for f in found if (include_weak or not f.weak) and (until is None or f.start <= until)]


def _is_twelve_before(text: str, before: Figure, said: Figure) -> bool:
    """``before`` is a bare twelve right before the hour ``said`` in words ("12 noon")."""
    return (before.kind == "number" and before.raw == 12 and before.value == 12
            and not text[before.start + len(before.text) : said.start].strip())


def _range_bounds(text: str, found: list[Figure]) -> list[Figure]:
    """``found`` with each bare number that opens a range ("12 to under 18 metres", "two to three
    years", "10-20 %") read in the unit of the bound that closes it: without it "12" and "12
    metres" were two figures, and rewording a range ("from 12 metres up to 18 metres") read as
    a number dropped and a distance added.  The number keeps its text as written; a scale word
    of the closing bound counts for both ("10 to 20 million hectares")."""
    out = found
    for index, (f, g) in enumerate(itertools.pairwise(found)):
        if (
            f.kind == "number"
            and f.value == f.raw
            and not _YEAR_LIKE[0] <= f.raw <= _YEAR_LIKE[1]
            and g.kind in _RANGE_KINDS
            and g.raw
            and (joint := _RANGE_TO.fullmatch(text, f.start + len(f.text), g.start)) is not None
            # "and" / "or" join two figures as often as they join two bounds ("60 per cent by
            # 2040 and 70 per cent ..."): only a rising pair ("5 or 10 years") or one after
            # "between" ("between twenty and five minutes before") is a range there.
            and (f.raw <= g.raw or joint.group().strip().lower() not in ("and", "or")
                 or _BETWEEN.search(text, max(0, f.start - 9), f.start) is not None)
        ):
            if out is found:
                out = list(found)
            value = f.raw * (g.value / g.raw)
            if g.kind == "duration":  # in the closing bound's own unit, as duration_days reads it
                value = next((duration_days(f.raw, u) for u in DURATION_DAYS if duration_days(g.raw, u) == g.value),
                             value)
            out[index] = Figure(g.kind, f.text, value, g.unit, f.start, f.raw)
    return out


class _FigureReader:
    """Reads the figure at a position of one text (see :func:`find_figures`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = lower_same_length(text)
        self.ascii = ascii_plain(self.lowered)
        self.figure_re, self.subject = _FIGURE_RE.on(text, self.lowered, self.ascii)
        self.label_re = _LABEL_BEFORE.on(text, self.lowered, self.ascii)[0]
        self._labelled: bool | None = None

    def labelled(self) -> bool:
        """Whether a label word ("Article", "Sections") stands anywhere in the text: most provisions
        name none, and then no later number of a list of labels need be looked for."""
        if self._labelled is None:
            lowered = self.lowered if self.lowered is not None else self.text.lower()
            self._labelled = any(word in lowered for word in _LABEL_WORDS)
        return self._labelled

    def starts(self) -> list[tuple[int, bool]]:
        """Positions where a figure can start, in order, and whether a number word starts there.

        The same figures as a single scan of all three kinds of start: the scans consume
        the same text (a letter start takes letters only, or a currency code and a sign
        before a number), except a sign inside "US$" before a number, which a single scan
        skips and which starts nothing (a word character stands before it).
        """
        lowered = self.lowered
        digits, subject = _DIGIT_START.on(self.text, lowered, self.ascii)
        found = [(m.start(), False) for m in digits.finditer(subject)]
        first = _FIRST_WORD.on(self.text, lowered, self.ascii)[0].match(subject)
        words = _WORD_START.on(self.text, lowered, self.ascii)[0].finditer(subject, first.end() if first else 0)
        letters = [(m.start() + 1, m.start("word") >= 0) for m in words]
        if first is not None:
            letters.insert(0, (0, first.start("word") >= 0))
        if not letters:
            return found
        found.extend(letters)
        found.sort()
        return found

    def at(self, pos: int, word: bool | None = None, after: int = 0) -> tuple[Figure | None, int]:
        """The figure starting at ``pos`` (or None), and where the scan goes on from (0: the next start).

        ``word`` says whether a number word starts there, when the caller knows (no
        reading in digits begins with one: the figure patterns start with a digit, a
        currency or a month).  ``after``: where the figure read before it ends (a period
        word before that is that figure's, not this one's: :meth:`_numbered_period`).
        """
        if word is None:
            word = _LETTER_START.match(self.text, pos) is not None and self.figure_re.match(self.subject, pos) is None
        if word:
            if pos and _WORD_CHAR.match(self.text, pos - 1):
                return None, 0  # inside a word: "someone" holds no "one"
            figure, stop = self._words(pos)
        else:
            figure, stop = self._digits(pos)
        if figure is not None and figure.kind == "number" and figure.value == figure.raw:
            return self._numbered_period(figure, after), stop
        return figure, stop

    def _numbered_period(self, figure: Figure, after: int) -> Figure:
        """``figure``, or the period it numbers when a period word stands right before it: "year
        four" and "day 30" are the same figures as "the fourth year" and "the thirtieth day"
        (:data:`_ORDINAL_UNIT`), so a redraft that swaps the two forms changes no figure.  A
        calendar year ("year 2026") and a count that is not whole stay numbers, and so does a number
        whose period word ends a figure read before it (``after``: where that one ends, "12 month 12")."""
        pos = figure.start
        if not self.subject[max(0, pos - _PERIOD_BEFORE_REACH) : pos].rstrip().lower().endswith(_PERIOD_WORDS):
            return figure  # most numbers: no period word before them, and no search
        before = _PERIOD_BEFORE.on(self.text, self.lowered, self.ascii)[0]
        m = before.search(self.subject, max(after, pos - _PERIOD_BEFORE_REACH), pos)
        raw = figure.raw
        if m is None or raw <= 0 or raw != int(raw) or raw >= _YEAR_LIKE[0] // 2:  # "year 1999": a date
            return figure
        days = duration_days(raw, m.group("unit"))
        return Figure("duration", self.text[m.start() : pos] + figure.text, days, "days", m.start(), raw)

    def _digits(self, pos: int) -> tuple[Figure | None, int]:
        text, subject = self.text, self.subject
        # A time of day has a colon or an "h" right after its hour, "a.m." / "pm" soon after it, or
        # a point and then "a.m." / "hours" ("5.30 p.m."): only then is its own expression tried
        # (it is rare, and its groups cost every match).
        ahead = subject[pos + 1 : pos + 7].lower()
        if ":" in ahead[:2] or "h" in ahead or "m" in ahead or ("." in ahead[:3] and ("a" in ahead or "p" in ahead)):
            t = _TIME_RE.on(text, self.lowered, self.ascii)[0].match(subject, pos)
            if t is not None and self._is_time(t):
                minutes, hour = _time(t.groupdict())
                return Figure("time", text[t.start() : t.end()].rstrip(), minutes, "time", pos, hour), t.end()
        if subject[pos + 1 : pos + 2] == "/":
            share = _DIGIT_SHARE.on(text, self.lowered, self.ascii)[0].match(subject, pos)
            if share is not None and int(share.group("n")) < int(share.group("d")):
                value = int(share.group("n")) / int(share.group("d"))
                return Figure("percentage", text[pos : share.end()], value * 100, "percent", pos, value), share.end()
        m = self.figure_re.match(subject, pos)
        if m is None:
            return None, 0
        groups = m.groupdict()
        date = _date(m, groups, text)
        if date is not None and date[0] == 0:
            m, date = _QUANTITY_RE.on(text, self.lowered, self.ascii)[0].match(subject, pos), None
            if m is None:
                return None, 0
            groups = m.groupdict()
        written = text[m.start() : m.end()]
        if date is not None:
            return Figure("date", written, date[0], "date", pos, date[1]), m.end()
        for num, scale, cur in (("num1", "scale1", "cur1"), ("num2", "scale2", "cur2")):
            if groups[num] is not None:
                raw = _number(groups[num])
                value = raw * _SCALE.get((groups[scale] or "").lower(), 1.0)
                figure = Figure("amount", written, value, _CURRENCY[groups[cur].lower()], pos, raw)
                return _signed(text, figure), m.end()
        if groups["num3"] is not None:
            raw = _number(groups["num3"])
            return _signed(text, Figure("percentage", written, raw, "percent", pos, raw)), m.end()
        for num, unit, kind in (("num4", "unit4", "kind4"), ("num6", "unit6", "kind6")):
            if groups[num] is not None:
                raw = _number(groups[num])
                days = duration_days(raw, groups[unit])
                return Figure("duration", written, days, _day_unit(groups[kind]), pos, raw), m.end()
        if self.label_re.search(subject[max(0, pos - 16) : pos]):
            return None, m.end()  # "Article 5", "point 12": a name, not a quantity
        if _is_bare_label(groups) and self.labelled() and self._later_label(pos, int(groups["num5"] or 0)):
            return None, m.end()  # "Articles 5 and 6", "Sections 23, 24 or 27": the later names too
        if _is_list_label(subject, pos, m.end()):
            return None, m.end()  # "(3) ..." opening a line: a sub-point's label
        raw = _number(groups["num5"])
        value = raw * _SCALE.get((groups["scale5"] or groups["kilo"] or "").lower(), 1.0)
        return _signed(text, _quantity(written, value, raw, pos, groups)), m.end()

    def _said(self, pos: int) -> tuple[Figure, int] | None:
        """The figure said in words starting at ``pos`` (:data:`_SAID`) and its end, if any."""
        said = _SAID.on(self.text, self.lowered, self.ascii)[0].match(self.subject, pos)
        if said is None or (pos and _WORD_CHAR.match(self.text, pos - 1)):
            return None
        kind, value, raw, weak = _SAID_VALUES[said.lastgroup or "half"]
        unit = "time" if kind == "time" else ""
        return Figure(kind, self.text[pos : said.end()], value, unit, pos, raw, weak), said.end()

    def _one_period(self, pos: int) -> tuple[Figure | None, int]:
        """The weak period "a week" / "an hour" starting at ``pos`` (:data:`_ONE_PERIOD`), if any."""
        m = _ONE_PERIOD.on(self.text, self.lowered, self.ascii)[0].match(self.subject, pos)
        if m is None or _RATE_BEFORE.on(self.text, self.lowered, self.ascii)[0].search(
            self.subject, max(0, pos - 12), pos
        ):
            return None, 0
        days = duration_days(1.0, m.group("unit"))
        return Figure("duration", self.text[pos : m.end()], days, "days", pos, 1.0, weak=True), m.end()

    def _later_label(self, pos: int, number: int) -> bool:
        """Whether the bare ``number`` at ``pos`` continues a list of labels ("Articles 5 and 6",
        "clauses 4 to 7"): it follows one within a hundred, and after "to" or a dash it is the
        higher one ("paragraph 2 to 500" raises a limit)."""
        found = _LABEL_LIST.on(self.text, self.lowered, self.ascii)[0].search(
            self.subject, max(0, pos - _LABEL_LIST_REACH), pos
        )
        if found is None:
            return False
        last = _LAST_LABEL.search(found.group("labels"))
        if last is None:
            return False
        previous = int(last.group())
        upto = found.group("joint").strip().lower() in ("to", "through", "-", "–")
        return (previous < number if upto else True) and number <= previous + 100

    def _is_time(self, t: re.Match[str]) -> bool:
        """Whether a match of :data:`_TIME_ALTERNATIVES` is a time of day, not a ratio ("1:10")."""
        hour = t.group("hour1")
        if hour is None or len(hour) == 2 or t.group("half1") or t.group("hours1"):
            return True
        start = t.start()
        before = _TIME_BEFORE.on(self.text, self.lowered, self.ascii)[0]
        return before.search(self.subject, max(0, start - 9), start) is not None

    def _words(self, pos: int) -> tuple[Figure | None, int]:
        text = self.text
        # Number words are ASCII: lower-casing the stretch keeps their positions even where
        # lower-casing the whole text would not.
        stretch = text[pos : pos + _PHRASE_REACH].lower()
        phrase = read_number(stretch, 0)
        if phrase is None:
            return self._said(pos) or self._one_period(pos)
        end = pos + phrase.end
        if phrase.kind == "ordinal":
            unit = _ORDINAL_UNIT.on(text, self.lowered, self.ascii)[0].match(self.subject, end)
            if unit is None:
                return None, 0  # "the first point", "a third party": an order, not a quantity
            days = duration_days(phrase.value, unit.group("unit"))
            figure = Figure("duration", text[pos : unit.end()], days, _day_unit(unit.group("kind")), pos, phrase.value)
            return figure, unit.end()
        if phrase.kind == "fraction":
            period = _ONE_PERIOD_AFTER.on(text, self.lowered, self.ascii)[0].match(self.subject, end)
            if period is not None:  # "half a day", "a quarter of an hour": a part of one period
                days = duration_days(phrase.value, period.group("unit"))
                return Figure("duration", text[pos : period.end()], days, "days", pos, phrase.value), period.end()
            if stretch.startswith("quarter"):
                return None, 0  # "each quarter of the year", "the old quarter": a period or a place, no share
            if not stretch[: phrase.end].endswith("s") and not _SHARE_AFTER.on(text, self.lowered, self.ascii)[0].match(
                self.subject, end
            ):
                return None, 0
            if _PART_OF_TIME.on(text, self.lowered, self.ascii)[0].search(self.subject, max(0, pos - 16), pos):
                return None, 0  # "the second half of 2026", "the first quarter of": a period, not a share
            # A share is a proportion: "half" is the same figure as "50%".
            return Figure("percentage", text[pos:end], phrase.value * 100, "percent", pos, phrase.value), end
        m = _AFTER_WORDS.on(text, self.lowered, self.ascii)[0].match(self.subject, end)
        echo = m.group("echo") if m is not None else None
        if echo is not None and _number(echo) != phrase.value:
            m, echo = _AFTER_WORDS_ALONE.on(text, self.lowered, self.ascii)[0].match(self.subject, end), None
        groups = m.groupdict() if m is not None else {}
        written = text[pos : m.end()] if m is not None else text[pos:end]
        stop = m.end() if m is not None else end
        value = phrase.value
        if groups.get("percent"):
            return Figure("percentage", written, value, "percent", pos, value), stop
        if groups.get("duration"):
            days = duration_days(value, groups["duration"])
            return Figure("duration", written, days, _day_unit(groups.get("kind")), pos, value), stop
        if groups.get("currency"):
            return Figure("amount", written, value, _CURRENCY[groups["currency"].lower()], pos, value), stop
        figure = _quantity(written, value, value, pos, groups)
        if figure.kind == "number" and phrase.words == 1 and not (groups.get("counted") and value >= 3) and not echo:
            # "one of the parties", "the two sides": too common in prose to report alone; "six
            # members" counts something a draft sets, as "6 members" does, and so does "seven (7)".
            figure = figure._replace(weak=True)
        return figure, stop


#: "a week", "an hour", "a year": one period, weak (a figure that only cancels "7 days" or "1
#: week" on the other side, never reported alone).  Not after a count or a rate word: "twice a
#: year", "three times a week", "24 hours a day", "per year" are frequencies.
_SPACE = r"[ \t\u00a0\n]+"
_ONE_PERIOD = LazyPattern(rf"an?[ \t\u00a0\n]+(?P<unit>{_DURATION})\b(?!s)")
# ... "half a day", "a half-hour", but not "half a month's rent" (a sum).
_ONE_PERIOD_AFTER = LazyPattern(
    rf"(?:{_SPACE}(?:of{_SPACE})?an?{_SPACE}|[ \t\u00a0\n-])(?P<unit>{_DURATION})\b(?!s|['\u2019]s)"
)
#: Figures said in words that no number word starts, read where a word of :data:`_SAID_STARTS`
#: begins: an overtime rate ("paid at time and a half" is "one and a half times the rate", 1.5;
#: "double time" and "twice the hourly rate" are 2), a count of times ("may extend it twice": a
#: weak 2, which only cancels "2 further periods"; "twice a year" is a frequency, no figure), and
#: the hours named by a word ("at midnight" is 00:00, "noon" 12:00).
_NO_FREQUENCY = rf"(?!{_SPACE}(?:a|an|per|each|every|daily|weekly|monthly|yearly|annually)\b)"
_SAID = LazyPattern(
    rf"(?:time{_SPACE}and{_SPACE}a{_SPACE}(?P<half>half)|(?P<double>double)[ \t\u00a0\n-]+time"
    rf"|(?P<triple>triple)[ \t\u00a0\n-]+time|(?P<twice>twice)(?={_SPACE}the\b)"
    rf"|(?P<two_times>twice){_NO_FREQUENCY}|(?P<three_times>thrice){_NO_FREQUENCY}"
    rf"|(?P<midnight>midnight)|(?P<noon>noon|midday))\b"
)
#: (kind, value, the number as written, weak) of each reading of :data:`_SAID`: a count of times is
#: weak, as "two" alone is.
_SAID_VALUES = {
    "half": ("number", 1.5, 1.5, False),
    "double": ("number", 2.0, 2.0, False),
    "triple": ("number", 3.0, 3.0, False),
    "twice": ("number", 2.0, 2.0, False),
    "two_times": ("number", 2.0, 2.0, True),
    "three_times": ("number", 3.0, 3.0, True),
    "midnight": ("time", 0.0, 0.0, False),
    "noon": ("time", 720.0, 12.0, False),
}
#: A share written in digits: "a 2/3 majority" is "a two-thirds majority", "1/3 of the territory" a
#: third of it (one digit over a denominator up to ten; a date "2/3/2026", a reference "24/7" or
#: "9/11" is none).
_DIGIT_SHARE = LazyPattern(r"(?<![\w./])(?P<n>[1-9])/(?P<d>[2-9]|10)(?![\w/]|[.,]\d)")
#: A period word that numbers the figure right after it: "year four", "Day 30", "month 6".
_PERIOD_BEFORE = LazyPattern(rf"(?<![\w-])(?P<unit>{_DURATION})[ \t\u00a0]+$")
_PERIOD_BEFORE_REACH = 12
_PERIOD_WORDS = tuple(_DURATION.split("|"))
_RATE_BEFORE = LazyPattern(rf"(?:\b(?:once|twice|thrice|times|per|every)|\d|\b(?:{_DURATION})s?)\s+$")


#: A minus sign right before a figure's digits (a regex, for every reader of figures): "−5 °C"
#: (U+2212), or a hyphen-minus that no letter or digit stands before ("-2%", "(-5)"), since
#: "5-10" is a range and "COVID-19" and "Zone-5" are names, nor a digit and a space ("3 -5" is a
#: range spaced unevenly).
MINUS_SIGN = r"(?:\u2212|(?<![^\W_])(?<!\d\s)-)"
_MINUS = re.compile(MINUS_SIGN)


def _signed(text: str, figure: Figure) -> Figure:
    """``figure`` made negative when a :data:`MINUS_SIGN` stands right before it.  Without the sign
    "below −5 degrees" and "below 5 degrees" held the same figure: no change reported.
    Durations and dates take no sign (no draft counts negative days)."""
    at = figure.start
    if at == 0 or not _MINUS.match(text, at - 1, at):  # the look-behinds still see the text before
        return figure
    return figure._replace(text=text[at - 1] + figure.text, value=-figure.value, start=at - 1, raw=-figure.raw)


def _is_bare_label(groups: dict[str, str | None]) -> bool:
    """Whether a plain number can be a label: a few digits with nothing after them ("6", not
    "600,000", "12 members" or "5 km")."""
    num = groups["num5"] or ""
    return (
        num.isdigit()
        and len(num) <= 4
        and not (groups["scale5"] or groups["kilo"] or groups.get("measure") or groups.get("measure_spaced")
                 or groups.get("counted"))
    )


def duration_days(count: float, unit: str) -> float:
    """``count`` periods of ``unit`` ("hour", "Weeks") in days, rounded to nine places: a sixtieth
    and a twenty-fourth have no exact float, and "1 hour" must be "60 minutes".  Whole years
    counted in months are years.

    >>> duration_days(1, "hour") == duration_days(60, "minutes")
    True
    >>> duration_days(24, "months") == duration_days(2, "years")
    True
    >>> duration_days(72, "hrs") == duration_days(3, "days")
    True
    """
    unit = unit.lower().removesuffix("s")
    unit = _PERIOD_SHORT.get(unit, unit)
    if unit == "month" and count and count % 12 == 0:
        unit, count = "year", count / 12  # "12 months" is "a year", as "30 days" is "a month"
    return round(count * DURATION_DAYS[unit], 9)


def _day_unit(kind: str | None) -> str:
    """The unit of a period's value: calendar days, or working days (:data:`_WORKING_DAYS`)."""
    return "working days" if kind is not None and kind.lower() in _WORKING_DAYS else "days"


def _quantity(written: str, value: float, raw: float, pos: int, groups: dict[str, str | None]) -> Figure:
    """A plain number, or a measure when a unit of measure follows it."""
    unit = groups.get("measure") or groups.get("measure_spaced")
    if unit:
        measure = MEASURES[" ".join(unit.lower().split())]
        return Figure(measure.kind, written, value * measure.factor, measure.base, pos, raw)
    return Figure("number", written, value, "", pos, raw)


def _date(m: re.Match[str], groups: dict[str, str | None], text: str) -> tuple[float, float] | None:
    """``(yyyymmdd value, year or day as written)`` of a date match (0 for a part not
    written: "April 2026" is 20260400, "1 April" 401), None for another figure.  The
    value is 0 when it is no date: a day no calendar has, or a month name not written
    with a capital ("paragraph 1 may be amended", "the parties may 2").
    """
    for day, month, year in (("day1", "month1", "year1"), ("day2", "month2", "year2"),
                             (None, "month2", "year3"), ("day4", "month4", "year4")):
        if groups[month] is None or (day is not None and groups[day] is None) or (
            day is None and groups[year] is None
        ):
            continue
        named = groups[month] or ""
        if named.isdigit():
            month_no = int(named)
        else:
            month_no = _MONTHS[named.lower()]
            if not text[m.start(month)].isupper():
                return 0.0, 0.0
        d = int((groups[day] or "0").rstrip("stndrh")) if day is not None else 0
        written_year = groups[year]
        y = int(written_year) if written_year is not None else 0
        valid = 1 <= month_no <= 12 and (day is None or 1 <= d <= _MONTH_DAYS[month_no - 1])
        return ((y * 10000 + month_no * 100 + d) if valid else 0.0), float(y or d)
    return None


def _time(groups: dict[str, str | None]) -> tuple[float, float]:
    """Minutes after midnight of a time-of-day match (:data:`_TIME_ALTERNATIVES`), and its hour as
    written (a figure's ``raw``)."""
    for hour, minute, half in (("hour1", "minute1", "half1"), ("hour2", None, "half2"), ("hour3", "minute3", None),
                               ("hour4", "minute4", "half4")):
        written = groups.get(hour)
        if written is None:
            continue
        h = int(written)
        m = int(groups[minute] or 0) if minute is not None else 0
        noon = groups.get(half) if half is not None else None
        if noon is not None and h <= 12:
            h = h % 12 + (12 if noon.lower() == "p" else 0)
        return float(h * 60 + m), float(written)
    raise ValueError("not a time of day")  # the callers pass a match of _TIME_ALTERNATIVES only


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_list_label(text: str, start: int, end: int) -> bool:
    """True for a number written "(3)" at the start of a line: how full_text labels sub-points."""
    if start == 0 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    reach = max(0, start - 9)
    line_start = text.rfind("\n", reach, start - 1) + 1
    if line_start == 0 and reach > 0:
        return False
    return not text[line_start : start - 1].strip(" \t")


#: How far before a figure a change can alter it: a label word ("Article 5") or a
#: currency sign before the number.
FIGURE_REACH = 17


def _figures_near_changes(windows: ChangeWindows) -> tuple[list[_Key], list[_Key]]:
    """The figures a change can reach (:data:`FIGURE_REACH`), old side and new side, as sorted keys."""
    old, new = reached(windows, _figure_reaches)
    return sorted(old), sorted(new)


def _figure_reaches(text: str, last: int) -> Iterator[tuple[int, int, _Key]]:
    # A figure starting more than FIGURE_REACH past the end of the last change reaches none: the
    # figures after it are not read (a change's tail of context holds a third of a window's).
    for f in _read_figures(_FigureReader(text), False, until=last + FIGURE_REACH):
        yield f.start - FIGURE_REACH, f.start + len(f.text) + 1, (f.kind, f.unit, f.value)


#: Order in which figure kinds are reported.
FIGURE_KINDS: tuple[str, ...] = ("amount", "percentage", "duration", "date", "time", *MEASURE_KINDS, "number")


def figure_changes(
    old_text: str,
    new_text: str,
    covered: frozenset[float] = frozenset(),
    ops: Sequence[Op] | None = None,
    covered_text: Sequence[str] = (),
    windows: ChangeWindows | None = None,
    known: dict[str, list[Figure]] | None = None,
) -> list[tuple[str, str | None, str | None]]:
    """Figures that differ between two texts: ``(kind, old as written, new as written)``.

    A figure present on both sides (same kind, unit and value, however written)
    is no change.  Per kind, the n-th vanished figure pairs with the n-th new
    one ("changed"); the rest are removed (new None) or added (old None).
    Figures whose value is in ``covered`` (numeric values of declared
    parameters that changed), or whose text occurs in one of ``covered_text``
    (their string values, lower-cased), are left out: the structured change
    already reports them.
    ``ops`` (the word ops of the pair), or ``windows`` (their
    :func:`changed_windows`, when already at hand), let it skip pairs with no
    figure near a change; the result is the same.  ``known`` holds the figures
    already read from texts of the pair (``find_figures(text, include_weak=True)``,
    by text): a caller that read one of the two texts whole passes what it found,
    and the texts read here are added to it.

    >>> figure_changes("within 100 days", "within 60 days")
    [('duration', '100 days', '60 days')]
    """
    if old_text == new_text:
        return []
    if windows is None and ops is not None:
        windows = changed_windows(old_text, new_text, ops)
    if windows is not None and not windows.whole:
        near_old, near_new = _figures_near_changes(windows)
        if near_old == near_new:
            return []  # no figure near any change, or the same ones on both sides
    old = _read_whole(old_text, known)
    new = _read_whole(new_text, known)
    old_strong = [f for f in old if not f.weak]
    new_strong = [f for f in new if not f.weak]
    # Figures cancel figures first; a weak one ("five parties", "within a month") only cancels
    # what is left ("5 parties", "30 days"), and only once it has not met its like on the other
    # side, so that it never takes the place of a figure written the same way.
    old_weak = [f for f in old if f.weak]
    new_weak = [f for f in new if f.weak]
    old_weak, new_weak = _without_common(old_weak, new_weak), _without_common(new_weak, old_weak)
    old_left = _without_common(_without_common(old_strong, new_strong), new_weak)
    new_left = _without_common(_without_common(new_strong, old_strong), old_weak)
    result: list[tuple[str, str | None, str | None]] = []
    if not (old_left or new_left):
        return result  # every figure near a change is on both sides: the common case
    old_left, new_left = _without_elided_units(old_left, new_left, old, new)
    for kind in FIGURE_KINDS:
        gone = [f for f in old_left if f.kind == kind and not _is_covered(f, covered, covered_text)]
        came = [f for f in new_left if f.kind == kind and not _is_covered(f, covered, covered_text)]
        for index in range(max(len(gone), len(came))):
            a = gone[index].text if index < len(gone) else None
            b = came[index].text if index < len(came) else None
            result.append((kind, a, b))
    return result


def _read_whole(text: str, known: dict[str, list[Figure]] | None) -> list[Figure]:
    """Every figure of ``text``, weak ones included: from ``known`` when it was read before."""
    if known is None:
        return find_figures(text, include_weak=True)
    found = known.get(text)
    if found is None:
        found = known[text] = find_figures(text, include_weak=True)
    return found


def _is_covered(figure: Figure, covered: frozenset[float], covered_text: Sequence[str]) -> bool:
    if figure.value in covered or figure.raw in covered:
        return True
    if figure.kind == "percentage" and figure.value / 100 in covered:
        return True
    text = figure.text.lower()
    return any(text in c for c in covered_text)


def _is_bare(figure: Figure) -> bool:
    """A plain number with nothing after it ("100", "sixteen"): no unit, scale or counted noun."""
    return (
        figure.kind == "number"
        and figure.value == figure.raw
        and figure.text.rsplit(None, 1)[-1].lower() not in COUNTED
    )


def _without_elided_units(
    old: list[Figure], new: list[Figure], old_all: Sequence[Figure] = (), new_all: Sequence[Figure] = ()
) -> tuple[list[Figure], list[Figure]]:
    """Both sides without the pairs of a bare number and a figure of the same number with a unit
    on the other side: a draft that repeats a figure leaves its unit out ("full pay for 100
    working days, then half pay for another 100"), or moves it into a compound ("the voting age
    is 16" / "sixteen-year-olds"), and the figure is the same.  A bare number also reads in the
    unit of the figure before it on its side (``old_all`` / ``new_all``: every figure of that
    text): "thirty days of leave, of which twenty-one in summer" states 21 days, as "three weeks"
    does.  Each bare number, in order, takes the first figure left on the other side that it
    matches.  What is left is reported."""
    if not (old and new) or not (any(map(_is_bare, old)) or any(map(_is_bare, new))):
        return old, new
    dropped_old: set[int] = set()
    dropped_new: set[int] = set()
    for bare_side, unit_side, bare_dropped, unit_dropped, bare_all in ((old, new, dropped_old, dropped_new, old_all),
                                                                       (new, old, dropped_new, dropped_old, new_all)):
        bare = [k for k, f in enumerate(bare_side) if k not in bare_dropped and _is_bare(f)]
        if not bare:
            continue
        # Only a figure left without a partner of its own kind: "every 15 minutes; 5 years" /
        # "every 5 minutes; 7 years" changed the years, whatever the bare 5.
        taken_kinds = {h.kind for h in bare_side}
        by_raw: dict[float, deque[int]] = defaultdict(deque)
        by_value: dict[tuple[str, str, float], deque[int]] = defaultdict(deque)
        for m, g in enumerate(unit_side):
            if m not in unit_dropped and g.kind != "number" and g.kind not in taken_kinds:
                by_raw[g.raw].append(m)
                by_value[(g.kind, g.unit, round(g.value, 6))].append(m)
        units_before = _Units(bare_all)
        for k in bare:
            f = bare_side[k]
            queues = [by_raw.get(f.raw)]
            implied = units_before.read(f)
            if implied is not None:
                queues.append(by_value.get(implied))
            firsts = [x for x in (_first_left(q, unit_dropped) for q in queues if q) if x is not None]
            if firsts:
                bare_dropped.add(k)
                unit_dropped.add(min(firsts))
    return ([f for k, f in enumerate(old) if k not in dropped_old],
            [f for m, f in enumerate(new) if m not in dropped_new])


def _first_left(queue: deque[int], dropped: set[int]) -> int | None:
    """The first index of ``queue`` not in ``dropped`` (those before it leave the queue for good)."""
    while queue and queue[0] in dropped:
        queue.popleft()
    return queue[0] if queue else None


class _Units:
    """The figures with a unit of one text, to read a bare number in the unit of the one before it."""

    def __init__(self, figures: Sequence[Figure]) -> None:
        self.figures = [f for f in figures if f.kind not in ("number", "date", "time") and f.raw]
        self.starts = [f.start for f in self.figures]

    def read(self, bare: Figure) -> tuple[str, str, float] | None:
        """``bare`` in the unit of the nearest figure before it, as (kind, unit, value rounded to six
        places); None where none stands before it."""
        k = bisect_left(self.starts, bare.start)
        if k == 0:
            return None
        unit = self.figures[k - 1]
        return unit.kind, unit.unit, round(bare.raw * unit.value / unit.raw, 6)


def _without_common(side: list[Figure], other: list[Figure]) -> list[Figure]:
    pool: dict[_Key, int] = {}
    for f in other:
        key = (f.kind, f.unit, f.value)
        pool[key] = pool.get(key, 0) + 1
    left = []
    for f in side:
        key = (f.kind, f.unit, f.value)
        if pool.get(key, 0) > 0:
            pool[key] -= 1
        else:
            left.append(f)
    return left
