"""English number words that drafts write instead of figures ("sixteen", "ninety days")."""

from __future__ import annotations

_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

#: Each word and its value; "zero" is left out (no draft counts with it, "zero tolerance" is no figure).
NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_UNITS) if value},
    **{word: 10 * value for value, word in enumerate(_TENS, start=2)},
    "hundred": 100,
}

#: The words longest first, for regular-expression alternations ("sixteen" before "six").
NUMBER_WORD_PATTERN = "|".join(sorted(NUMBER_WORDS, key=lambda w: (-len(w), w)))
