"""English numbers written in words, read where they stand ("twenty-five", "one hundred and twenty").

Drafts write figures both ways, and a redline must read "within twenty-five days"
as 25 days, not as 5, and "two hundred" as 200, not as 100.  :func:`read_number`
reads the longest well-formed number phrase at a position of lower-case text and
says where it ends, so that the figure scan can keep the text as written.

What it reads (decision 0004 says why it is hand-written and not a library):

* cardinals: "five", "twenty-five" / "twenty five", "one hundred and twenty",
  "a hundred", "two thousand and five", "six hundred thousand", "a million",
  "one and a half" (1.5);
* fractions: "half", "a third", "two thirds", "three quarters", "one-fifth"
  (kind ``"fraction"``; whether a singular one is a figure depends on what
  follows: "a third of" is one, "a third party" is not, which the caller decides);
* ordinals: "first", "twenty-fifth", "thirtieth", "hundredth" (kind ``"ordinal"``;
  the caller counts them only before a unit of time: "the thirtieth day").

"zero" and "nought" are not read: no draft counts with them, and "zero tolerance" is no figure.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["NUMBER_WORDS", "NUMBER_WORD_PATTERN", "NumberPhrase", "list_number", "number_words", "ordinal_words",
           "read_number", "roman", "roman_value"]

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

# Each cardinal word below a hundred and its value ("zero" left out, see the module docstring).
_BELOW_HUNDRED: dict[str, int] = {
    **{word: value for value, word in enumerate(_UNITS) if value},
    **{word: 10 * value for value, word in enumerate(_TENS, start=2)},
}

#: Each number word that is a figure on its own, and its value (the aligner reads these as digits).
NUMBER_WORDS: dict[str, int] = {**_BELOW_HUNDRED, "hundred": 100}


def number_words(value: int) -> tuple[str, ...]:
    """How ``value`` (1 to 99) is written in words, lower case, each spelling a draft uses
    ("forty-five", "forty five"); () for another value.

    >>> number_words(45), number_words(7), number_words(100)
    (('forty-five', 'forty five'), ('seven',), ())
    """
    if not 0 < value < 100:
        return ()
    if value < 20:
        return (_UNITS[value],)
    tens, units = divmod(value, 10)
    if not units:
        return (_TENS[tens - 2],)
    return (f"{_TENS[tens - 2]}-{_UNITS[units]}", f"{_TENS[tens - 2]} {_UNITS[units]}")


_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip


def ordinal_words(value: int) -> tuple[str, ...]:
    """The ordinal word for ``value`` where there is one of a single word ("fifth", "thirtieth"),
    else ().

    >>> ordinal_words(5), ordinal_words(21)
    (('fifth',), ())
    """
    return tuple(word for word, n in _ORDINALS.items() if n == value)


# Denominators: "half" and "quarter" besides the ordinals from "third" up.  A plural
# ("thirds", "quarters", "halves") is always a fraction; a singular needs a numerator of one.
_FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "quarter": 4, "quarters": 4,
    **{word: value for word, value in _ORDINALS.items() if 3 <= value <= 10},
    **{word + "s": value for word, value in _ORDINALS.items() if 3 <= value <= 10},
}  # fmt: skip

#: Every word that can open a number phrase, longest first (for regular-expression
#: alternations: "sixteen" before "six").  "a" opens one only before a scale or a
#: fraction word ("a hundred", "a third"); the figure scan spells that case out.
NUMBER_WORD_PATTERN = "|".join(sorted({*_BELOW_HUNDRED, *_ORDINALS, "half", "quarter"}, key=lambda w: (-len(w), w)))

# Words are ASCII letter runs; between two words of one number a hyphen or spaces
# ("twenty-five", "twenty five"), optionally "and" ("one hundred and twenty").
_WORD = re.compile(r"[a-z]+")
_GAP = re.compile(r"-|[ \t\u00a0\n]+(?:and[ \t\u00a0\n]+)?")
_AND_A_HALF = re.compile(r"[ \t\u00a0\n]+and[ \t\u00a0\n]+a[ \t\u00a0\n]+half\b")
_SCALE_WORDS = "|".join(_SCALES)
# "... and a half billion": the scale after the half counts for the whole number.
_SCALE_AFTER = re.compile(rf"[ \t\u00a0\n]+({_SCALE_WORDS})\b")
# "half a million", "a quarter of a million": a part of one scale.
_PART_OF_SCALE = re.compile(
    rf"(?:(half)|(?:a[ \t\u00a0\n]+)?(quarter)[ \t\u00a0\n]+of)[ \t\u00a0\n]+an?[ \t\u00a0\n]+({_SCALE_WORDS})\b"
)


class NumberPhrase(NamedTuple):
    """A number read from words: where it ends, its value, and its kind
    ("cardinal", "fraction", "ordinal"); ``words`` counts the number words read."""

    end: int
    value: float
    kind: str
    words: int


class _Reader:
    """State of one left-to-right reading: ``total`` of closed scale groups, ``group`` below a thousand."""

    def __init__(self) -> None:
        self.total = 0
        self.group = 0
        # The class of the last word read: "" (none yet), "a", "unit" (1-9), "teen" (10-19),
        # "tens", "hundred", "scale".
        self.last = ""
        self.scale = 10**15  # scales must fall: "two million three thousand", never "two thousand million"
        self.words = 0

    @property
    def value(self) -> int:
        return self.total + self.group

    def take(self, word: str, after_and: bool) -> bool:
        """Add ``word`` to the number if it can follow what was read; False when it cannot."""
        small = _BELOW_HUNDRED.get(word)
        if small is not None:
            return self._small(small, after_and)
        if word == "hundred":
            if self.last not in ("unit", "teen", "a") or after_and or self.group >= 100:
                return False
            self.group *= 100
            self.last = "hundred"
            return True
        scale = _SCALES.get(word)
        if scale is None or self.last in ("", "scale") or after_and or scale >= self.scale:
            return False
        self.total += self.group * scale
        self.group = 0
        self.scale = scale
        self.last = "scale"
        return True

    def _small(self, value: int, after_and: bool) -> bool:
        if self.last == "tens":
            if value >= 10 or after_and:  # "twenty-five", "twenty five"; never "twenty twelve"
                return False
        elif self.last in ("unit", "teen", "a") or (after_and and self.last not in ("hundred", "scale")):
            return False
        self.group += value
        self.last = "tens" if value >= 20 else ("teen" if value >= 10 else "unit")
        return True


_SPACE = re.compile(r"[ \t\u00a0\n]+")


def read_number(text: str, pos: int) -> NumberPhrase | None:
    """The number written in words at ``pos`` of lower-case ``text``, or None.

    ``pos`` must be where a word starts.

    >>> read_number("within twenty-five days", 7)
    NumberPhrase(end=18, value=25.0, kind='cardinal', words=2)
    >>> read_number("one hundred and twenty days", 0).value
    120.0
    >>> read_number("three quarters of", 0)
    NumberPhrase(end=14, value=0.75, kind='fraction', words=2)
    """
    reader = _Reader()
    at = pos
    first = _WORD.match(text, at)
    if first is None:
        return None
    if first.group() in ("half", "a", "quarter"):
        part = _PART_OF_SCALE.match(text, pos)
        if part is not None:  # "half a million" is 500,000, not "a million" after a stray "half"
            share = 0.5 if part.group(1) else 0.25
            return NumberPhrase(part.end(), share * _SCALES[part.group(3)], "cardinal", 2)
    if first.group() == "a":
        # "a hundred", "a million", "a third": "a" stands for one before a scale or a denominator.
        gap = _SPACE.match(text, first.end())
        nxt = _WORD.match(text, gap.end()) if gap is not None else None
        if gap is None or nxt is None or not (
            nxt.group() in _SCALES or nxt.group() == "hundred" or nxt.group() in _FRACTIONS
        ):
            return None
        reader.group, reader.last, reader.words = 1, "a", 1
        at = gap.end()
    end = pos
    after_and = False
    while True:
        m = _WORD.match(text, at)
        if m is None or (m.end() < len(text) and text[m.end()].isalnum()):
            break
        word = m.group()
        ending = _ending(reader, word, after_and)
        if ending is not None:
            return NumberPhrase(m.end(), ending[0], ending[1], reader.words + 1)
        if not reader.take(word, after_and):
            break
        reader.words += 1
        end = m.end()
        half = _AND_A_HALF.match(text, end)
        if half is not None:
            if reader.last == "scale":  # "one million and a half": half of the last scale
                return NumberPhrase(half.end(), reader.value + 0.5 * reader.scale, "cardinal", reader.words + 1)
            scale = _SCALE_AFTER.match(text, half.end())
            if scale is not None and _SCALES[scale.group(1)] < reader.scale:  # "two and a half billion"
                value = (reader.value + 0.5) * _SCALES[scale.group(1)]
                return NumberPhrase(scale.end(), value, "cardinal", reader.words + 2)
            return NumberPhrase(half.end(), reader.value + 0.5, "cardinal", reader.words + 1)
        gap = _GAP.match(text, end)
        if gap is None:
            break
        after_and = "and" in gap.group()
        at = gap.end()
    if reader.words == 0:
        return None
    return NumberPhrase(end, float(reader.value), "cardinal", reader.words)


def _ending(reader: _Reader, word: str, after_and: bool) -> tuple[float, str] | None:
    """A fraction or an ordinal closing the phrase at ``word``: ``(value, kind)``, or None."""
    if after_and and reader.last not in ("hundred", "scale"):
        return None
    denominator = _FRACTIONS.get(word)
    if denominator is not None:
        plural = word.endswith("s")
        if reader.last == "" and word in ("half", "quarter"):
            return 1 / denominator, "fraction"  # "half the forces", "every quarter of an hour"
        if reader.last == "a" and not plural:
            return 1 / denominator, "fraction"  # "a third", "a half", "a quarter"
        if reader.last in ("unit", "teen", "tens") and reader.total == 0:
            if plural and reader.group > 1:
                return reader.group / denominator, "fraction"  # "two thirds", "three quarters"
            if not plural and reader.group == 1:
                return 1 / denominator, "fraction"  # "one third", "one-fifth"
    ordinal = _ORDINALS.get(word)
    if ordinal is None:
        return None
    if reader.last == "":
        return float(ordinal), "ordinal"  # "first", "thirtieth", "hundredth"
    if reader.last == "tens" and ordinal < 10:
        return float(reader.value + ordinal), "ordinal"  # "twenty-fifth"
    if reader.last in ("hundred", "scale") and ordinal < 100:
        return float(reader.value + ordinal), "ordinal"  # "one hundred and first"
    return None


_ROMAN_PARTS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(value: int) -> str:
    """``value`` as a capital roman numeral written the usual way (14 -> "XIV")."""
    out = ""
    for amount, digits in _ROMAN_PARTS:
        while value >= amount:
            out, value = out + digits, value - amount
    return out


def roman_value(label: str) -> int | None:
    """The value of a roman numeral written the usual way, in capitals or in small letters
    ("XIV" or "xiv" -> 14), else None ("IIII", "IC", "Xiv" and "" are not numerals)."""
    if not (label.isupper() or label.islower()):
        return None
    value, rest = 0, label.upper()
    for amount, digits in _ROMAN_PARTS:
        while rest.startswith(digits):
            value, rest = value + amount, rest[len(digits):]
    return value if not rest and value and roman(value) == label.upper() else None


def list_number(value: int, fmt: str) -> str:
    """The label a numbered list shows for its ``value``-th item in the numbering format ``fmt``
    (Word's names, which web pages' list types map onto): ``decimal`` 3, ``lowerLetter`` c (then
    y, z, aa, bb as Word counts on), ``upperLetter`` C, ``lowerRoman`` iii, ``upperRoman`` III,
    ``decimalZero`` 03, ``ordinal`` 3rd; any other format reads as decimal.

    >>> [list_number(28, f) for f in ("lowerLetter", "upperRoman", "ordinal")]
    ['bb', 'XXVIII', '28th']
    """
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        numeral = roman(value)
        return numeral.lower() if fmt == "lowerRoman" else numeral
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    return str(value)
