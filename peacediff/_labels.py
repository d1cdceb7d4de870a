"""How parameter names read on a page: ``"ua_proposal"`` → ``"Ukraine's proposal"``.

Names in version files are snake_case keys, chosen to be stable, not to be read.
:func:`humanize` turns one into the label a person would write, from the packaged
table ``peacediff/labels.toml`` (decision 0004):

1. a whole-name label from its ``[names]`` table, where reading word by word
   cannot say it ("Ukraine's proposal", "Parties to the non-aggression pact");
2. otherwise word by word: ``[words]`` spells abbreviations and proper adjectives
   ("us" → "U.S.", "znpp" → "ZNPP"), a prefix such as "non" or "co" joins the next
   word with a hyphen ("non_aggression" → "non-aggression"), a trailing "like" joins
   the word before ("article5_like" → "Article 5-like"), and the first letter is
   capitalised.

:func:`figure_label` names a figure found in the text by its kind ("Duration").
The table is read once, on first use, so ``import peacediff`` stays fast.

Example::

    >>> humanize("armed_forces_cap"), humanize("ua_proposal"), humanize("non_aggression_zone")
    ('Armed forces cap', "Ukraine's proposal", 'Non-aggression zone')
"""

from __future__ import annotations

import functools
import pathlib
import tomllib
from typing import NamedTuple

__all__ = ["figure_label", "humanize"]

_TABLE_FILE = pathlib.Path(__file__).resolve().with_name("labels.toml")

# Prefixes written joined to the next word with a hyphen.
_HYPHEN_PREFIXES = frozenset({"non", "co", "anti", "pre", "post", "self", "cross", "inter", "ex"})
# Suffix words written joined to the word before with a hyphen ("Article 5-like").
_HYPHEN_SUFFIXES = frozenset({"like", "based", "led", "free", "wide"})


class _Table(NamedTuple):
    words: dict[str, str]
    names: dict[str, str]
    figures: dict[str, str]


@functools.cache
def _table() -> _Table:
    with _TABLE_FILE.open("rb") as f:
        data = tomllib.load(f)
    return _Table(dict(data.get("words", {})), dict(data.get("names", {})), dict(data.get("figures", {})))


def humanize(name: str) -> str:
    """The label a person would write for the parameter ``name``.

    >>> humanize("us_profit_share"), humanize("article5_like")
    ('U.S. profit share', 'Article 5-like guarantee')
    """
    table = _table()
    label = table.names.get(name)
    if label is not None:
        return label
    words: list[str] = []
    for word in (w for w in name.split("_") if w):
        shown = table.words.get(word, word)
        if words and (words[-1].lower() in _HYPHEN_PREFIXES or word in _HYPHEN_SUFFIXES):
            words[-1] = f"{words[-1]}-{shown}"
        else:
            words.append(shown)
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def figure_label(kind: str) -> str:
    """The label of a figure found in the text, by its kind: ``"duration"`` → ``"Duration"``."""
    return _table().figures.get(kind) or humanize(kind)
