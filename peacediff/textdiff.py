"""What changed inside two aligned provisions: word-level ops, figures and modal verbs.

The aligner (:mod:`peacediff.align`) decides which provision became which; this
module says how its wording changed:

* :func:`word_ops` - diff-match-patch ops over *words*: every word, number,
  whitespace run and punctuation mark becomes one character (diff-match-patch's
  linesToChars trick on word tokens), the character strings are diffed (a
  minimal LCS diff, computed by rapidfuzz), diff-match-patch's semantic cleanup
  merges small equalities, and the ops are expanded back to the real text.  "600,000" → "800,000" is one replacement,
  "within 100 days" → "as soon as possible" another.
* :func:`find_figures` / :func:`figure_changes` - numbers, money, percentages
  and durations found in the text.
* :func:`modality_shifts` - "shall" → "may" and friends.

Every function here is antisymmetric: swapping the two texts gives exactly the
inverted result.  That is what makes ``compare(b, a) == compare(a, b).inverse()``
hold (see docs/decisions/0003-compare-symmetry.md).

Example::

    >>> word_ops("capped at 600,000 personnel", "capped at 800,000 personnel")
    ((0, 'capped at '), (-1, '600,000'), (1, '800,000'), (0, ' personnel'))
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TypeAlias

from diff_match_patch import diff_match_patch

from peacediff._numberwords import NUMBER_WORD_PATTERN, read_number
from peacediff._units import COUNTED, MEASURE_KINDS, MEASURES

__all__ = [
    "CHANGE_CONTEXT",
    "DIFF_CELL_BUDGET",
    "FIGURE_REACH",
    "REWRITE_SIM",
    "ChangeWindows",
    "Figure",
    "Op",
    "changed_windows",
    "diff_cost",
    "diff_mode",
    "figure_changes",
    "find_figures",
    "invert_ops",
    "modality_shifts",
    "modals",
    "normalise_ops",
    "ops_similarity",
    "over_budget",
    "tokenize",
    "word_ops",
]

Op = tuple[int, str]

#: Most token comparisons a word diff may make: the changed middle of the pair (what
#: is left once the common tokens at both ends are set aside), old tokens × new
#: tokens.  That product is what the LCS costs in time and memory (rapidfuzz keeps
#: one bit per comparison to trace the diff back: 10⁹ comparisons are ~125 MB and
#: ~0.3 s here; see benchmarks/bench_longtext.py).  A one-word edit in a
#: 100,000-character provision has a middle of one token and is always diffed; two
#: texts rewritten throughout trip it at about 31,600 tokens (~110,000 characters)
#: each.  Above it the pair is one deletion plus one insertion and the comparison's
#: budget note says so and where.
DIFF_CELL_BUDGET = 1_000_000_000

#: Token-level similarity (shared tokens in order, 2·LCS / total) below which a
#: pair is shown as a rewrite: common words at both ends kept, the middle
#: replaced, no word-by-word diff.  On the bundled drafts every pair below 0.5
#: came out of semantic cleanup as (nearly) one replacement anyway (at most 29 %
#: of the text kept as equal), at ten times the cost.
REWRITE_SIM = 0.5

# A number keeps its thousands separators and decimals ("600,000", "2.5", Arabic
# "۶۰۰٬۰۰۰", "600 000" with a narrow no-break space) so that a changed figure is one
# token; words are letter/digit runs; whitespace runs and every other character are
# tokens of their own.
_TOKEN_RE = re.compile(
    r"\d+(?:[.,\u066b\u066c\uff0c\uff0e]\d+|[\u00a0\u2009\u202f]\d{3}(?!\d))*|[^\W_]+|\s+|.", re.DOTALL
)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into word, number, whitespace and punctuation tokens (joined they give ``text``).

    >>> tokenize("Cap: 600,000 troops.")
    ['Cap', ':', ' ', '600,000', ' ', 'troops', '.']
    """
    return _TOKEN_RE.findall(text)


class _WordDiffer(diff_match_patch):  # type: ignore[misc]  # the library ships no types
    """diff-match-patch working on token characters.

    Semantic *lossless* cleanup scores boundaries by character class
    (letter, space, line break).  On token characters those classes are
    arbitrary, so it is switched off: the token boundaries already are the
    natural ones.
    """

    def diff_cleanupSemanticLossless(self, diffs: list[Op]) -> None:
        return None


_DMP = _WordDiffer()
_DMP.Diff_Timeout = 0  # never a wall-clock limit: CI and laptops must agree
_DMP.Diff_EditCost = 4

# Token characters start above ASCII and skip the surrogate block.
_CHAR_BASE = 0x100
_SURROGATES = range(0xD800, 0xE000)


def _token_chars(count: int) -> str:
    """The characters standing for the first ``count`` distinct tokens."""
    stop = _CHAR_BASE + count
    if stop <= _SURROGATES.start:
        return "".join(map(chr, range(_CHAR_BASE, stop)))
    below = range(_CHAR_BASE, _SURROGATES.start)
    above = range(_SURROGATES.stop, stop + len(_SURROGATES))
    return "".join(map(chr, itertools.chain(below, above)))


def normalise_ops(ops: Sequence[Op]) -> tuple[Op, ...]:
    """Canonical ops: no empty ops, equal runs merged, between two equalities one delete then one insert."""
    out: list[Op] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append((-1, "".join(deleted)))
            deleted.clear()
        if inserted:
            out.append((1, "".join(inserted)))
            inserted.clear()

    for op, text in ops:
        if not text:
            continue
        if op == 0:
            flush()
            if out and out[-1][0] == 0:
                out[-1] = (0, out[-1][1] + text)
            else:
                out.append((0, text))
        elif op < 0:
            deleted.append(text)
        else:
            inserted.append(text)
    flush()
    return tuple(out)


def invert_ops(ops: Sequence[Op]) -> tuple[Op, ...]:
    """The ops that turn the new text back into the old one (signs flipped, canonical order)."""
    return normalise_ops([(-op, text) for op, text in ops])


def _diff_tokens(old: str, new: str) -> list[Op]:
    old_tokens = tokenize(old)
    new_tokens = tokenize(new)
    # The token-level LCS comes from rapidfuzz (C++, bit-parallel): diff-match-patch's
    # pure-Python bisection takes 10-20 ms on one heavily rewritten provision with
    # sub-points.  Its result is a minimal diff like Myers'; diff-match-patch then
    # does what it is best at, the semantic cleanup (decision 0004).
    Indel = _indel()
    if Indel.normalized_similarity(old_tokens, new_tokens) < REWRITE_SIM:
        # A rewrite: keep the common words at both ends, replace the middle.
        start = 0
        limit = min(len(old_tokens), len(new_tokens))
        while start < limit and old_tokens[start] == new_tokens[start]:
            start += 1
        end = 0
        while end < limit - start and old_tokens[-1 - end] == new_tokens[-1 - end]:
            end += 1
        parts = [
            (0, old_tokens[:start]),
            (-1, old_tokens[start : len(old_tokens) - end]),
            (1, new_tokens[start : len(new_tokens) - end]),
            (0, old_tokens[len(old_tokens) - end :]),
        ]
        return [(op, "".join(tokens)) for op, tokens in parts]
    # Each distinct token becomes one character, numbered in order of first appearance:
    # diff-match-patch's cleanup works on strings.
    distinct = dict.fromkeys(old_tokens)
    distinct.update(dict.fromkeys(new_tokens))
    index = dict(zip(distinct, _token_chars(len(distinct)), strict=True))
    chars_old = "".join(map(index.__getitem__, old_tokens))
    chars_new = "".join(map(index.__getitem__, new_tokens))
    back = dict(zip(map(ord, index.values()), index, strict=True))
    spaces = {c for t, c in index.items() if t.isspace()}
    diffs: list[Op] = []
    opcodes = Indel.opcodes(chars_old, chars_new)
    last = len(opcodes) - 1
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag != "equal":
            if i2 > i1:
                diffs.append((-1, chars_old[i1:i2]))
            if j2 > j1:
                diffs.append((1, chars_new[j1:j2]))
            continue
        text = chars_old[i1:i2]
        if 0 < k < last and text in spaces:
            # A lone whitespace token between two edits joins them.  Semantic cleanup
            # would mostly fold it in (it is no longer than either edit); folding it
            # first spares that cleanup most of its work on a rewritten text.
            diffs.append((-1, text))
            diffs.append((1, text))
        else:
            diffs.append((0, text))
    if len(diffs) > 4:
        _DMP.diff_cleanupMerge(diffs)
        _DMP.diff_cleanupSemantic(diffs)
    else:
        # At most one edit between two equalities: there is no short equality to
        # merge away, only the edit's boundary to place, which is the cheap half.
        _DMP.diff_cleanupSemanticLossless(diffs)
    return [(op, chars.translate(back)) for op, chars in diffs]


_INDEL: Any = None


def _indel() -> Any:
    """rapidfuzz's Indel distance, imported on first use (the import takes ~45 ms)."""
    global _INDEL
    if _INDEL is None:
        from rapidfuzz.distance import Indel

        _INDEL = Indel
    return _INDEL


def word_ops(old: str, new: str, budget: int | None = None) -> tuple[Op, ...]:
    """Word-level diff-match-patch ops turning ``old`` into ``new``.

    Equal and delete ops rebuild ``old``; equal and insert ops rebuild ``new``.
    The result is canonical and antisymmetric:
    ``word_ops(b, a) == invert_ops(word_ops(a, b))``.  A pair whose word diff
    would cost more than ``budget`` token comparisons (default
    :data:`DIFF_CELL_BUDGET`) is diffed sentence by sentence first, and above
    that shown whole, as one deletion and one insertion (see :func:`diff_mode`).

    >>> word_ops("within 100 days", "as soon as possible")
    ((-1, 'within 100 days'), (1, 'as soon as possible'))
    """
    if old == new:
        return ((0, old),) if old else ()
    # diff-match-patch breaks ties by direction; always diff the same way round.
    if old <= new:
        return normalise_ops(_ops(old, new, budget))
    return invert_ops(_ops(new, old, budget))


def _ops(old: str, new: str, budget: int | None) -> list[Op]:
    mode = diff_mode(old, new, budget)
    if mode == "words":
        return _diff_tokens(old, new)
    if mode == "sentences":
        return _diff_sentences(old, new, DIFF_CELL_BUDGET if budget is None else budget)
    return [(-1, old), (1, new)]


def diff_cost(old: str, new: str) -> int:
    """Token comparisons a word diff of the pair makes: old × new tokens of the changed middle.

    The common tokens at both ends cost nothing (they are set aside before the
    LCS), so a one-word edit in a long text costs next to nothing.

    >>> diff_cost("a b c d", "a b x d"), diff_cost("a b", "c d")
    (1, 9)
    """
    return _middle_cost(tokenize(old), tokenize(new))


def _middle_cost(old: Sequence[str], new: Sequence[str]) -> int:
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return (len(old) - start - end) * (len(new) - start - end)


# A sentence (or clause) ends at ".", ";", "!" or "?" followed by whitespace, or at a
# line break; "2.5" and "U.S." inside a sentence do not end it.  Linear: the repeated
# group's two branches never match the same character.
_SENTENCE_RE = re.compile(r"(?:[^\n.;!?]|[.;!?](?!\s))*(?:[.;!?]+|\n)?\s*")


def _sentences(text: str) -> list[str]:
    return [m.group() for m in _SENTENCE_RE.finditer(text) if m.group()]


def diff_mode(old: str, new: str, budget: int | None = None) -> str:
    """How a pair is diffed under the budget (deterministic, no clock):

    * ``"words"``: word by word, when :func:`diff_cost` is within ``budget``
      (default :data:`DIFF_CELL_BUDGET`);
    * ``"sentences"``: above it, sentence by sentence first, then word by word
      inside each changed stretch that is itself within the budget (shown whole
      otherwise), when the sentence-level diff is within the budget;
    * ``"whole"``: one deletion and one insertion.

    >>> diff_mode("a b c", "a x c", budget=10), diff_mode("a b. c d.", "e f. c d.", budget=3)
    ('words', 'sentences')
    """
    if budget is None:
        budget = DIFF_CELL_BUDGET
    if len(old) * len(new) <= budget:  # a token is at least one character
        return "words"
    if _middle_cost(tokenize(old), tokenize(new)) <= budget:
        return "words"
    if _middle_cost(_sentences(old), _sentences(new)) <= budget:
        return "sentences"
    return "whole"


def over_budget(old: str, new: str, budget: int | None = None) -> bool:
    """True when the pair is not diffed word by word in one pass (see :func:`diff_mode`)."""
    return diff_mode(old, new, budget) != "words"


def _diff_sentences(old: str, new: str, budget: int) -> list[Op]:
    """Sentence-level diff (sentences as tokens), then a word diff inside each replaced stretch."""
    old_parts = _sentences(old)
    new_parts = _sentences(new)
    distinct = dict.fromkeys(old_parts)
    distinct.update(dict.fromkeys(new_parts))
    index = dict(zip(distinct, _token_chars(len(distinct)), strict=True))
    chars_old = "".join(map(index.__getitem__, old_parts))
    chars_new = "".join(map(index.__getitem__, new_parts))
    out: list[Op] = []
    gone: list[str] = []
    came: list[str] = []

    def flush() -> None:
        # Deleted and inserted sentences between two equal ones form one changed stretch.
        old_block, new_block = "".join(gone), "".join(came)
        if old_block and new_block and diff_cost(old_block, new_block) <= budget:
            out.extend(_diff_tokens(old_block, new_block))
        else:
            out.extend(((-1, old_block), (1, new_block)))
        gone.clear()
        came.clear()

    for tag, i1, i2, j1, j2 in _indel().opcodes(chars_old, chars_new):
        if tag == "equal":
            flush()
            out.append((0, "".join(old_parts[i1:i2])))
        else:
            gone.extend(old_parts[i1:i2])
            came.extend(new_parts[j1:j2])
    flush()
    return out


def ops_similarity(ops: Sequence[Op]) -> float:
    """Share of text kept: 2·equal / (old length + new length); 1.0 for two empty texts."""
    equal = sum(len(t) for op, t in ops if op == 0)
    old = equal + sum(len(t) for op, t in ops if op < 0)
    new = equal + sum(len(t) for op, t in ops if op > 0)
    if old + new == 0:
        return 1.0
    return 2 * equal / (old + new)


class _LazyPattern:
    """A case-insensitive regular expression compiled on first use (keeps ``import peacediff`` fast).

    Python's ``re`` runs a case-insensitive alternation about twice as slowly as
    a case-sensitive one, so the scans run the pattern without the flag over the
    lower-cased text (:func:`_lowered`) and fall back to the flag only when
    lower-casing would move positions (a few non-ASCII letters lower to two
    characters).  The patterns' own letters are lower case.
    """

    def __init__(self, pattern: str) -> None:
        self._pattern = pattern
        self._folded: re.Pattern[str] | None = None
        self._plain: re.Pattern[str] | None = None

    def on(self, text: str, lowered: str | None) -> tuple[re.Pattern[str], str]:
        """The compiled pattern and the string to run it on: ``lowered`` when given, else ``text``."""
        if lowered is not None:
            if self._plain is None:
                self._plain = re.compile(self._pattern)
            return self._plain, lowered
        if self._folded is None:
            self._folded = re.compile(self._pattern, re.IGNORECASE)
        return self._folded, text


def _scan(starts: re.Pattern[str], pattern: re.Pattern[str], subject: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` a scan of every position would find, tried only where
    ``starts`` finds a candidate (a candidate inside the last match is skipped, as a scan would)."""
    end = 0
    for start in starts.finditer(subject):
        if start.start() < end:
            continue
        m = pattern.match(subject, start.start())
        if m is not None:
            end = m.end()
            yield m


def _lowered(text: str) -> str | None:
    """``text`` lower-cased, or None when that would change its length (so positions stay valid)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


# --------------------------------------------------------------------------- figures


class Figure(NamedTuple):
    """A figure found in text: ``kind`` (one of :data:`FIGURE_KINDS`), the text as
    written (with its unit: "10 km", "600,000 troops"), and a normalised value used
    to decide whether two figures are the same ("3 km" and "3,000 m" are).

    ``weak`` marks a lone number word with nothing after it that makes it a quantity
    ("one of the parties", "the two sides"): it cancels the same number written in
    digits on the other side, but is never reported by itself.
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
    rf"|\d{{1,3}}(?:[{_SPACE_GROUP}]\d{{3}})+(?![\d{_SPACE_GROUP}])(?:[{_DECIMAL}]\d+)?"
    rf"|\d+(?:[{_DECIMAL}]\d+)?"
)
_NUMBER_CLEAN = str.maketrans({**dict.fromkeys(_GROUP + _SPACE_GROUP, None), "\u066b": ".", "\uff0e": "."})
_SCALE = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_CURRENCY = {
    "usd": "USD", "us$": "USD", "$": "USD", "dollars": "USD", "dollar": "USD", "u.s. dollars": "USD",
    "eur": "EUR", "€": "EUR", "euros": "EUR", "euro": "EUR",
    "gbp": "GBP", "£": "GBP", "pounds": "GBP",
    "uah": "UAH", "₴": "UAH", "hryvnias": "UAH", "rub": "RUB", "₽": "RUB", "roubles": "RUB", "rubles": "RUB",
}  # fmt: skip
_CURRENCY_BEFORE = r"usd|us\$|eur|gbp|uah|rub|\$|€|£|₴|₽"
_CURRENCY_AFTER = r"usd|eur|gbp|uah|rub|u\.s\. dollars|dollars|euros|pounds|hryvnias|roubles|rubles"
_PERCENT = r"%|\u066a|\uff05|percent\b|per cent\b"
_DURATION_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
_DURATION = r"hour|day|week|month|year"


def _alternation(forms: Iterable[str]) -> str:
    """Forms as a regex alternation, longest first (so "km²" is tried before "km")."""
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=lambda f: (-len(f), f)))


# "m" and "t" read as metres and tonnes only after a space ("5m" is five million).
_SPACED_UNITS = frozenset({"m", "t"})
_MEASURE_UNITS = _alternation(set(MEASURES) - _SPACED_UNITS)
_MEASURE_SPACED = _alternation(_SPACED_UNITS)
_COUNTED_UNITS = _alternation(COUNTED)
_UNIT_AFTER = (
    rf"(?:\s*(?P<measure>{_MEASURE_UNITS})|\s+(?P<measure_spaced>{_MEASURE_SPACED})"
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
_DATE_ALTERNATIVES = (
    rf"(?<![\w.,])(?P<day1>{_DAY})\s+(?:of\s+)?(?P<month1>{_MONTH})\b(?:,?\s+(?P<year1>\d{{4}})\b)?"
    rf"|\b(?P<month2>{_MONTH})\s+(?:(?P<day2>{_DAY})\b(?:,?\s+(?P<year2>\d{{4}})\b)?|(?P<year3>\d{{4}})\b)"
    r"|(?<![\w.,-])(?P<year4>\d{4})-(?P<month4>[01]\d)-(?P<day4>[0-3]\d)(?![\w-])"
)
_QUANTITY_ALTERNATIVES = (
    rf"(?<![\w$€£₴₽])(?P<cur1>{_CURRENCY_BEFORE})\s?(?P<num1>{_NUM})"
    r"(?:\s*(?P<scale1>thousand|million|billion|trillion|bn|mn|m)\b)?"
    rf"|(?<![\w.,])(?P<num2>{_NUM})(?:\s*(?P<scale2>thousand|million|billion|trillion|bn|mn))?\s*"
    rf"(?P<cur2>{_CURRENCY_AFTER})\b"
    rf"|(?<![\w.,])(?P<num3>{_NUM})\s?(?:{_PERCENT})"
    rf"|(?<![\w.,])(?P<num4>{_NUM})[\s-]+(?P<unit4>{_DURATION})s?\b"
    rf"|(?<![\w.,])(?P<num6>\d+)(?:st|nd|rd|th)\s+(?P<unit6>{_DURATION})\b"
    rf"|(?<![\w.,])(?P<num5>{_NUM})(?:\s*(?P<scale5>thousand|million|billion|trillion)\b)?"
    rf"(?:{_UNIT_AFTER})?(?![\w])"
)
_FIGURE_RE = _LazyPattern(f"{_DATE_ALTERNATIVES}|{_QUANTITY_ALTERNATIVES}")
# Where a date match is no date ("the parties may 2", "31 February"), the same position
# is read again without the date alternatives.
_QUANTITY_RE = _LazyPattern(_QUANTITY_ALTERNATIVES)
# What can follow a number written in words and make it a quantity.
_AFTER_WORDS = _LazyPattern(
    rf"\s?(?P<percent>{_PERCENT})"
    rf"|[\s-]+(?P<duration>{_DURATION})s?\b"
    rf"|\s+(?P<currency>{_CURRENCY_AFTER})\b"
    rf"|{_UNIT_AFTER}"
)
# A singular fraction is a figure only when it takes a share of something ("a third of
# the territory", "half the forces"), not in "a third party" or "the first half".
_SHARE_AFTER = _LazyPattern(r"\s+(?:of|the)\b")
_PART_OF_TIME = _LazyPattern(r"\b(?:first|second|third|fourth|last|latter|final|other)[ \t\u00a0\n]+$")
_ORDINAL_UNIT = _LazyPattern(rf"[\s-]+(?P<unit>{_DURATION})\b")
_SCALE_WORDS = (
    "hundred|thousand|million|billion|trillion|half|quarter|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
)
# Where a figure can start: a digit run, a currency sign or code, a month, a number word.
# Trying the full readings only there gives the same figures as trying every position
# (each reading begins with one of these, and its look-behinds still see the text before),
# at a fifth of the cost.


#: A prefix tree of letters; the key "" marks the end of a word.
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


_START_WORDS = NUMBER_WORD_PATTERN.split("|")
_START_OTHERS = ["usd", "us$", "eur", "gbp", "uah", "rub", *_MONTHS]
# A letter start needs no word character before it; the class of first letters up
# front lets the regex engine skip every other position quickly.
_FIGURE_START = _LazyPattern(
    r"\d[\d,.]*|[$€£₴₽]"
    rf"|(?<!\w)(?=[{''.join(sorted({w[0] for w in [*_START_WORDS, *_START_OTHERS, 'a']}))}])"
    rf"(?:(?P<word>{_trie(_START_WORDS)}|a(?=[ \t\u00a0\n]+(?:{_SCALE_WORDS})\b))|{_trie(_START_OTHERS)})"
)
_LETTER_START = re.compile(r"[a-zA-Z]")
# The longest number phrase read in words ("seven hundred and seventy-seven thousand seven
# hundred and seventy-seven" is 79 characters).
_PHRASE_REACH = 160
_WORD_CHAR = re.compile(r"\w")
# A bare number right after one of these words names something (a treaty article, a
# point of the plan) rather than counting it, so it is no figure to report.
_LABEL_BEFORE = _LazyPattern(
    r"\b(?:article|art\.|articles|point|points|section|clause|paragraph|chapter|annex|resolution|no\.|number|"
    r"item|sub-point|phase|stage)\s*$",
)


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
    reader = _FigureReader(text)
    found: list[Figure] = []
    end = 0
    for start, word in reader.starts():
        if start < end:
            continue
        figure, stop = reader.at(start, word)
        if stop:
            end = stop
        if figure is not None and (include_weak or not figure.weak):
            found.append(figure)
    return found


class _FigureReader:
    """Reads the figure at a position of one text (see :func:`find_figures`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = _lowered(text)
        self.figure_re, self.subject = _FIGURE_RE.on(text, self.lowered)
        self.label_re = _LABEL_BEFORE.on(text, self.lowered)[0]

    def starts(self) -> Iterator[tuple[int, bool]]:
        """Positions where a figure can start, in order, and whether a number word starts there."""
        starts, subject = _FIGURE_START.on(self.text, self.lowered)
        return ((m.start(), m.start("word") >= 0) for m in starts.finditer(subject))

    def at(self, pos: int, word: bool | None = None) -> tuple[Figure | None, int]:
        """The figure starting at ``pos`` (or None), and where the scan goes on from (0: the next start).

        ``word`` says whether a number word starts there, when the caller knows (no
        reading in digits begins with one: the figure patterns start with a digit, a
        currency or a month).
        """
        if word is None:
            word = _LETTER_START.match(self.text, pos) is not None and self.figure_re.match(self.subject, pos) is None
        if word:
            if pos and _WORD_CHAR.match(self.text, pos - 1):
                return None, 0  # inside a word: "someone" holds no "one"
            return self._words(pos)
        return self._digits(pos)

    def _digits(self, pos: int) -> tuple[Figure | None, int]:
        text, subject = self.text, self.subject
        m = self.figure_re.match(subject, pos)
        date = _date(m, text) if m is not None else None
        if date is not None and date[0] == 0:
            m, date = _QUANTITY_RE.on(text, self.lowered)[0].match(subject, pos), None
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
                return Figure("amount", written, value, _CURRENCY[groups[cur].lower()], pos, raw), m.end()
        if groups["num3"] is not None:
            raw = _number(groups["num3"])
            return Figure("percentage", written, raw, "percent", pos, raw), m.end()
        for num, unit in (("num4", "unit4"), ("num6", "unit6")):
            if groups[num] is not None:
                raw = _number(groups[num])
                days = raw * _DURATION_DAYS[groups[unit].lower()]
                return Figure("duration", written, days, "days", pos, raw), m.end()
        if self.label_re.search(subject[max(0, pos - 16) : pos]):
            return None, m.end()  # "Article 5", "point 12": a name, not a quantity
        if _is_list_label(subject, pos, m.end()):
            return None, m.end()  # "(3) ..." opening a line: a sub-point's label
        raw = _number(groups["num5"])
        value = raw * _SCALE.get((groups["scale5"] or "").lower(), 1.0)
        return _quantity(written, value, raw, pos, groups), m.end()

    def _words(self, pos: int) -> tuple[Figure | None, int]:
        text = self.text
        # Number words are ASCII: lower-casing the stretch keeps their positions even where
        # lower-casing the whole text would not.
        stretch = text[pos : pos + _PHRASE_REACH].lower()
        phrase = read_number(stretch, 0)
        if phrase is None:
            return None, 0
        end = pos + phrase.end
        if phrase.kind == "ordinal":
            unit = _ORDINAL_UNIT.on(text, self.lowered)[0].match(self.subject, end)
            if unit is None:
                return None, 0  # "the first point", "a third party": an order, not a quantity
            days = phrase.value * _DURATION_DAYS[unit.group("unit").lower()]
            return Figure("duration", text[pos : unit.end()], days, "days", pos, phrase.value), unit.end()
        if phrase.kind == "fraction":
            if not stretch[: phrase.end].endswith("s") and not _SHARE_AFTER.on(text, self.lowered)[0].match(
                self.subject, end
            ):
                return None, 0
            if _PART_OF_TIME.on(text, self.lowered)[0].search(self.subject, max(0, pos - 16), pos):
                return None, 0  # "the second half of 2026", "the first quarter of": a period, not a share
            # A share is a proportion: "half" is the same figure as "50%".
            return Figure("percentage", text[pos:end], phrase.value * 100, "percent", pos, phrase.value), end
        m = _AFTER_WORDS.on(text, self.lowered)[0].match(self.subject, end)
        groups = m.groupdict() if m is not None else {}
        written = text[pos : m.end()] if m is not None else text[pos:end]
        stop = m.end() if m is not None else end
        value = phrase.value
        if groups.get("percent"):
            return Figure("percentage", written, value, "percent", pos, value), stop
        if groups.get("duration"):
            days = value * _DURATION_DAYS[groups["duration"].lower()]
            return Figure("duration", written, days, "days", pos, value), stop
        if groups.get("currency"):
            return Figure("amount", written, value, _CURRENCY[groups["currency"].lower()], pos, value), stop
        figure = _quantity(written, value, value, pos, groups)
        if figure.kind == "number" and phrase.words == 1:
            # "one of the parties", "the two sides": too common in prose to report alone.
            figure = figure._replace(weak=True)
        return figure, stop


def _quantity(written: str, value: float, raw: float, pos: int, groups: dict[str, str | None]) -> Figure:
    """A plain number, or a measure when a unit of measure follows it."""
    unit = groups.get("measure") or groups.get("measure_spaced")
    if unit:
        measure = MEASURES[" ".join(unit.lower().split())]
        return Figure(measure.kind, written, value * measure.factor, measure.base, pos, raw)
    return Figure("number", written, value, "", pos, raw)


def _date(m: re.Match[str], text: str) -> tuple[float, float] | None:
    """``(yyyymmdd value, year or day as written)`` of a date match (0 for a part not
    written: "April 2026" is 20260400, "1 April" 401), None for another figure.  The
    value is 0 when it is no date: a day no calendar has, or a month name not written
    with a capital ("paragraph 1 may be amended", "the parties may 2").
    """
    groups = m.groupdict()
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
        y = int(groups[year]) if groups[year] is not None else 0
        valid = 1 <= month_no <= 12 and (day is None or 1 <= d <= _MONTH_DAYS[month_no - 1])
        return ((y * 10000 + month_no * 100 + d) if valid else 0.0), float(y or d)
    return None


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


#: Characters of context read around every change by the figure and modal screens
#: (:func:`changed_windows`).  A figure or modal expression is at most ~40 characters
#: long, and what decides whether text is one lies within 16 characters before it (a
#: one-character look-behind, a label such as "Article" before a number) or in the
#: whitespace and character after it.  The windows hold every expression that reach
#: touches, whole and in the same context as in the full text.
CHANGE_CONTEXT = 64

#: How far before a figure a change can alter it: a label word ("Article 5") or a
#: currency sign before the number.
FIGURE_REACH = 17


class ChangeWindows(NamedTuple):
    """The text around every change of a pair, per side (windows joined by NUL), and
    the changed stretches, as ``(start, end)`` offsets into those strings (an empty
    stretch marks where the other side's text was inserted or deleted).  ``whole``
    when the windows are the full texts."""

    old: str
    new: str
    old_changes: tuple[tuple[int, int], ...]
    new_changes: tuple[tuple[int, int], ...]
    whole: bool


def changed_windows(old_text: str, new_text: str, ops: Sequence[Op]) -> ChangeWindows:
    """The text around every change of ``ops`` (see :class:`ChangeWindows`).

    Each deleted or inserted stretch, widened by :data:`CHANGE_CONTEXT` characters
    on both sides, marks a window on both texts (an insertion marks its point in
    the old text, a deletion its point in the new one).  A figure or modal
    expression that no change comes near stands, identical and in the same
    context, on both sides: so when no expression found in the windows lies near
    a change, the two texts cannot differ in them.  When the windows would cover
    more than half of the texts, they are the texts themselves (``whole``): a
    screen would then cost as much as the full scan it is meant to spare.

    >>> old = "Forces are capped at 600,000." + " Other terms stay as agreed." * 10
    >>> new = old.replace("600,000", "800,000")
    >>> windows = changed_windows(old, new, word_ops(old, new))
    >>> len(old), len(windows.old), windows.new[:40], windows.new_changes
    (309, 92, 'Forces are capped at 800,000. Other term', ((21, 21), (21, 28)))
    """
    old_spans: list[tuple[int, int]] = []
    new_spans: list[tuple[int, int]] = []
    at_old = at_new = 0
    for op, text in ops:
        if op == 0:
            at_old += len(text)
            at_new += len(text)
        elif op < 0:
            old_spans.append((at_old, at_old + len(text)))
            new_spans.append((at_new, at_new))
            at_old += len(text)
        else:
            new_spans.append((at_new, at_new + len(text)))
            old_spans.append((at_old, at_old))
            at_new += len(text)
    if at_old != len(old_text) or at_new != len(new_text):
        raise ValueError("ops do not turn old_text into new_text: pass the word ops of this very pair")
    old_windows, old_changes, old_covered = _windows(old_text, old_spans)
    new_windows, new_changes, new_covered = _windows(new_text, new_spans)
    if 2 * (old_covered + new_covered) > len(old_text) + len(new_text):
        return ChangeWindows(old_text, new_text, tuple(old_spans), tuple(new_spans), True)
    return ChangeWindows(old_windows, new_windows, old_changes, new_changes, False)


def _windows(text: str, spans: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...], int]:
    """The windows around ``spans`` joined by NUL, the spans in that string, the characters covered."""
    parts: list[str] = []
    moved: list[tuple[int, int]] = []
    length = 0  # of the joined windows so far
    start = end = -1
    for lo, hi in spans:
        wlo = max(0, lo - CHANGE_CONTEXT)
        whi = min(len(text), hi + CHANGE_CONTEXT)
        if end < 0 or wlo > end:
            if end >= 0:
                parts.append(text[start:end])
                length += end - start + 1
            start, end = wlo, whi
        else:
            end = max(end, whi)
        moved.append((length + lo - start, length + hi - start))
    if end >= 0:
        parts.append(text[start:end])
        length += end - start + 1
    return "\x00".join(parts), tuple(moved), max(0, length - len(parts))


def _near(changes: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """True when a changed stretch touches ``[start, end]`` (an insertion point on its edge included)."""
    return any(lo <= end and start <= hi for lo, hi in changes)


def _figure_near_change(windows: ChangeWindows) -> bool:
    def reach(text: str) -> Iterator[tuple[int, int]]:
        for f in find_figures(text):
            yield f.start - FIGURE_REACH, f.start + len(f.text) + 1

    return _touched(windows, reach)


def _modal_near_change(windows: ChangeWindows) -> bool:
    def reach(text: str) -> Iterator[tuple[int, int]]:
        for start, end, _modal in _modal_matches(text):
            # After the expression, a change can reach it through the look-ahead for a number.
            tail = text[end : end + CHANGE_CONTEXT]
            yield start - 1, end + len(tail) - len(tail.lstrip()) + 1

    return _touched(windows, reach)


def _touched(windows: ChangeWindows, reach: Callable[[str], Iterator[tuple[int, int]]]) -> bool:
    """True when a change of either side touches the reach of an expression found there."""
    for text, changes in ((windows.old, windows.old_changes), (windows.new, windows.new_changes)):
        if any(_near(changes, start, end) for start, end in reach(text)):
            return True
    return False


#: Order in which figure kinds are reported.
FIGURE_KINDS: tuple[str, ...] = ("amount", "percentage", "duration", "date", *MEASURE_KINDS, "number")


def figure_changes(
    old_text: str,
    new_text: str,
    covered: frozenset[float] = frozenset(),
    ops: Sequence[Op] | None = None,
    covered_text: Sequence[str] = (),
    windows: ChangeWindows | None = None,
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
    figure near a change; the result is the same.

    >>> figure_changes("within 100 days", "within 60 days")
    [('duration', '100 days', '60 days')]
    """
    if old_text == new_text:
        return []
    if windows is None and ops is not None:
        windows = changed_windows(old_text, new_text, ops)
    if windows is not None and not windows.whole and not _figure_near_change(windows):
        return []  # no figure near any change
    old = find_figures(old_text, include_weak=True)
    new = find_figures(new_text, include_weak=True)
    old_strong = [f for f in old if not f.weak]
    new_strong = [f for f in new if not f.weak]
    # Figures cancel figures first; a weak one ("five parties") only cancels what is left
    # ("5 parties"), so that it never takes the place of a figure written the same way.
    old_left = _without_common(_without_common(old_strong, new_strong), [f for f in new if f.weak])
    new_left = _without_common(_without_common(new_strong, old_strong), [f for f in old if f.weak])
    result: list[tuple[str, str | None, str | None]] = []
    for kind in FIGURE_KINDS:
        gone = [f for f in old_left if f.kind == kind and not _is_covered(f, covered, covered_text)]
        came = [f for f in new_left if f.kind == kind and not _is_covered(f, covered, covered_text)]
        for index in range(max(len(gone), len(came))):
            a = gone[index].text if index < len(gone) else None
            b = came[index].text if index < len(came) else None
            result.append((kind, a, b))
    return result


def _is_covered(figure: Figure, covered: frozenset[float], covered_text: Sequence[str]) -> bool:
    if figure.value in covered or figure.raw in covered:
        return True
    if figure.kind == "percentage" and figure.value / 100 in covered:
        return True
    text = figure.text.lower()
    return any(text in c for c in covered_text)


def _without_common(side: list[Figure], other: list[Figure]) -> list[Figure]:
    pool: dict[tuple[str, str, float], int] = {}
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


# --------------------------------------------------------------------------- modality

_MODAL_RE = _LazyPattern(
    r"\b(?:(?P<be>is|are)\s+(?P<be_not>not\s+)?(?P<be_how>required\s+to|obliged\s+to|expected\s+to|to)"
    r"|(?P<modal>won't|cannot|can't|shan't|mustn't|shouldn't|shall|will|may|should|must|can)"
    r"(?P<not>\s+not)?)\b(?!\s+\d)",
)
# Every modal expression begins with one of these letter runs.  A pattern of plain
# literals lets the regex engine skip ahead to the next candidate; the full pattern
# is then tried only there (same matches as a scan of every position: a candidate
# inside an earlier one follows a letter, so its leading word boundary fails anyway).
_MODAL_START = _LazyPattern(r"is|are|won|can|sha|mus|sho|wil|may")
_MODAL_CANON = {"won't": "will not", "cannot": "cannot", "can't": "cannot", "shan't": "shall not",
                "mustn't": "must not", "shouldn't": "should not"}  # fmt: skip


def modals(text: str) -> list[str]:
    """Modal expressions in ``text``, lower-cased and canonical ("won't" → "will not").

    >>> modals("Russia shall not invade; Ukraine is to hold elections and may join.")
    ['shall not', 'is to', 'may']
    """
    return [canon for _start, _end, canon in _modal_matches(text)]


def _modal_matches(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, canonical form)`` of every modal expression in ``text``."""
    out: list[tuple[int, int, str]] = []
    lowered = _lowered(text)
    starts, subject = _MODAL_START.on(text, lowered)
    for m in _scan(starts, _MODAL_RE.on(text, lowered)[0], subject):
        if m.group("modal"):
            if text[m.start() : m.end("modal")] == "May" and m.start() > 0:  # the month, mid-sentence
                continue
            word = m.group("modal").lower()
            canon = _MODAL_CANON.get(word, word)
            if m.group("not") and canon == "can":
                canon = "cannot"
            elif m.group("not") and " not" not in canon:
                canon += " not"
        else:
            how = " ".join(m.group("be_how").lower().split())
            canon = f"{m.group('be').lower()} {'not ' if m.group('be_not') else ''}{how}"
        out.append((m.start(), m.end(), canon))
    return out


def modality_shifts(
    old_text: str,
    new_text: str,
    ops: Sequence[Op] | None = None,
    windows: ChangeWindows | None = None,
) -> list[tuple[str, str]]:
    """Pairs ``(old modal, new modal)`` where the obligation wording changed.

    The modal sequences of both texts are aligned (longest common subsequence);
    within each replaced stretch the n-th old modal pairs with the n-th new one.
    ``ops`` (the pair's word ops), or ``windows`` (their :func:`changed_windows`,
    when already at hand), let it skip pairs with no modal expression near a
    change; the result is the same.

    >>> modality_shifts("Ukraine shall hold elections.", "Ukraine may hold elections.")
    [('shall', 'may')]
    """
    if old_text == new_text:
        return []
    if windows is None and ops is not None:
        windows = changed_windows(old_text, new_text, ops)
    if windows is not None and not windows.whole and not _modal_near_change(windows):
        return []  # no modal expression near any change
    a = modals(old_text)
    b = modals(new_text)
    if a == b:
        return []
    if a <= b:
        return _modal_pairs(a, b)
    return [(y, x) for x, y in _modal_pairs(b, a)]


def _modal_pairs(a: list[str], b: list[str]) -> list[tuple[str, str]]:
    # LCS table: modal lists are short (a handful per provision).
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    pairs: list[tuple[str, str]] = []
    gone: list[str] = []
    came: list[str] = []

    def flush() -> None:
        pairs.extend(zip(gone, came, strict=False))
        gone.clear()
        came.clear()

    i = j = 0
    while i < n or j < m:
        if i < n and j < m and a[i] == b[j]:
            flush()
            i += 1
            j += 1
        elif j >= m or (i < n and table[i + 1][j] >= table[i][j + 1]):
            gone.append(a[i])
            i += 1
        else:
            came.append(b[j])
            j += 1
    flush()
    return pairs
