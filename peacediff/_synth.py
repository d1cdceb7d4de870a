"""Synthetic negotiated texts and their revisions, with the true links (private).

One mutation engine serves both :mod:`peacediff.strategies` (hypothesis draws
the mutation list, so failures shrink) and ``benchmarks/generate.py`` (a seeded
``random.Random`` draws it, so documents of 30,000 provisions are cheap).

A mutation is a tuple ``(kind, x, y)``: ``kind`` from :data:`MUTATIONS`, ``x``
and ``y`` non-negative integers read modulo whatever they index (a position,
a word, a vocabulary entry).  :func:`revise` applies a list of them and
returns the new provision list with, for each new provision, the indices of
the old provisions it came from.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence

import attrs

from peacediff.model import Provision, Version

#: Every mutation kind :func:`revise` understands.
MUTATIONS: tuple[str, ...] = (
    "edit",  # replace, insert or delete a word or two
    "figure",  # change a number, amount, percentage or duration
    "move",  # take a provision out and put it elsewhere
    "split",  # cut a provision at a sentence boundary into two
    "merge",  # join a provision with the next
    "drop",  # remove a provision
    "insert",  # add a new provision
    "duplicate",  # add a near-identical copy of a provision (one word differs)
    "renumber",  # change the numbering scheme (offset)
)

SUBJECTS = (
    "Ukraine", "Russia", "The United States", "The European Union", "NATO", "The parties",
    "The Board of Peace", "The joint commission", "The monitoring mission", "Both parties",
    "The Government", "Europe", "The Security Council", "The signatories",
)  # fmt: skip
MODALS = ("shall", "will", "may", "should", "must", "agrees to", "is to", "undertakes to")
VERBS = (
    "withdraw", "establish", "guarantee", "limit", "recognise", "monitor", "lift", "restore",
    "hold", "review", "fund", "deploy", "reduce", "exchange", "return", "protect", "support",
    "implement", "negotiate", "transfer", "suspend", "demilitarise", "rebuild", "verify",
)  # fmt: skip
ADJECTIVES = (
    "all", "military", "civilian", "economic", "territorial", "humanitarian", "nuclear", "joint",
    "temporary", "permanent", "international", "frozen", "sovereign", "regional", "national",
)  # fmt: skip
NOUNS = (
    "forces", "sanctions", "assets", "elections", "guarantees", "prisoners", "infrastructure",
    "territory", "zones", "reconstruction", "assistance", "agreements", "commitments", "obligations",
    "facilities", "corridors", "ports", "borders", "troops", "weapons", "funds", "courts", "schools",
)  # fmt: skip
QUALIFIERS = (
    "within {n} days", "by {year}", "up to {k},000 personnel", "of USD {n} billion",
    "at {p}% of the total", "for {n} years", "under international supervision",
    "in accordance with this agreement", "subject to review by {rare}", "after the ceasefire",
    "as soon as possible", "before the elections", "in {rare} and {rare2}",
)  # fmt: skip
_CONSONANTS = "bdfghklmnprstvz"
_VOWELS = "aeiou"
_ENDINGS = ("sk", "vka", "ovo", "ets", "ino", "ar", "ivka", "an", "opil", "or")


def rare_word(index: int) -> str:
    """A made-up proper name, different for every index (a place, a body, a programme)."""
    letters = []
    n = index
    for _ in range(3):
        letters.append(_CONSONANTS[n % len(_CONSONANTS)] + _VOWELS[(n // len(_CONSONANTS)) % len(_VOWELS)])
        n //= len(_CONSONANTS) * len(_VOWELS)
    word = "".join(letters) + _ENDINGS[index % len(_ENDINGS)]
    return word.capitalize()


def sentence(rng: random.Random, n_rare: int) -> str:
    """One provision-like sentence; ``n_rare`` is the size of the proper-name pool."""

    def rare() -> str:
        return rare_word(rng.randrange(n_rare))

    qualifier = rng.choice(QUALIFIERS).format(
        n=rng.choice((30, 60, 90, 100, 120, 180, 5, 10, 25)),
        year=rng.choice((2026, 2027, 2028, 2030)),
        k=rng.choice((400, 600, 800)),
        p=rng.choice((10, 25, 50, 75)),
        rare=rare(),
        rare2=rare(),
    )
    obj = rng.choice(
        (
            f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} of {rare()}",
            f"the {rng.choice(NOUNS)} in {rare()}",
            f"{rng.choice(NOUNS)} for {rare()} and {rare()}",
        )
    )
    return f"{rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} {obj} {qualifier}."


#: Sentences a provision has, drawn uniformly from this tuple: one to three (about 22 words).
SHORT = (1, 1, 2, 2, 3)
#: Six to eight sentences (about 85 words): the long clauses of a treaty or a bill.
LONG = (6, 7, 7, 8)


def provision_text(rng: random.Random, n_rare: int, sentences: Sequence[int] = SHORT) -> str:
    """One provision: a number of sentences drawn from ``sentences``."""
    count = rng.choice(sentences)
    return " ".join(sentence(rng, n_rare) for _ in range(count))


def document(n: int, seed: int = 0, sentences: Sequence[int] = SHORT) -> list[str]:
    """``n`` provision texts, deterministic in ``seed``."""
    rng = random.Random(seed)
    n_rare = max(200, n)
    return [provision_text(rng, n_rare, sentences) for _ in range(n)]


@attrs.frozen
class Item:
    """A provision of the revision being built: its text and the old indices it came from."""

    text: str
    src: tuple[int, ...]


_FIGURE_RE = re.compile(r"\d+")
_WORD_RE = re.compile(r"[A-Za-z]+")
_REPLACEMENTS = ("additional", "relevant", "agreed", "remaining", "occupied", "future", "existing", "phased")


def _edit(text: str, x: int, y: int) -> str:
    words = list(_WORD_RE.finditer(text))
    if not words:
        return text + " " + _REPLACEMENTS[y % len(_REPLACEMENTS)]
    m = words[x % len(words)]
    action = y % 3
    word = _REPLACEMENTS[(y // 3) % len(_REPLACEMENTS)]
    if action == 0 and word.lower() != m.group(0).lower():  # replace
        return text[: m.start()] + word + text[m.end() :]
    if action == 1:  # insert before
        return text[: m.start()] + word + " " + text[m.start() :]
    if len(words) > 3:  # delete the word and the space after it
        end = m.end() + 1 if text[m.end() : m.end() + 1] == " " else m.end()
        return text[: m.start()] + text[end:]
    return text[: m.start()] + word + " " + text[m.start() :]


def _figure(text: str, x: int, y: int) -> str:
    figures = list(_FIGURE_RE.finditer(text))
    if not figures:
        return text.rstrip(".") + f" within {10 + y % 90} days."
    m = figures[x % len(figures)]
    value = int(m.group(0))
    new = value + 1 + y % 50
    return text[: m.start()] + str(new) + text[m.end() :]


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=\.) (?=[A-Z])", text) if s]


def revise(
    old_texts: Sequence[str], mutations: Iterable[tuple[str, int, int]], n_rare: int = 200, seed: int = 0,
    sentences: Sequence[int] = SHORT,
) -> tuple[list[Item], int]:
    """Apply ``mutations`` to ``old_texts``.

    Returns the new items (text + source indices) and the numbering offset
    set by a ``renumber`` mutation (0 when none).  ``seed``, ``n_rare`` and
    ``sentences`` drive the text of inserted provisions.
    """
    items = [Item(t, (i,)) for i, t in enumerate(old_texts)]
    existing = set(old_texts)  # every text seen, so that an insertion never repeats one
    parts_of: dict[int, int] = dict.fromkeys(range(len(old_texts)), 1)  # old index -> items holding it
    rng = random.Random(seed)
    offset = 0
    touched: set[int] = set()  # old indices edited or duplicated: never both (the truth would be ambiguous)
    duplicated: set[int] = set()
    for kind, x, y in mutations:
        if kind == "renumber":
            offset = 1 + x % 5
            continue
        if kind == "insert":
            pos = x % (len(items) + 1)
            text = provision_text(rng, n_rare, sentences)
            for _ in range(20):  # an insertion that repeats an existing point would make the truth ambiguous
                if text not in existing:
                    break
                text = provision_text(rng, n_rare, sentences)
            else:
                continue
            items.insert(pos, Item(text, ()))
            existing.add(text)
            continue
        if not items:
            continue
        k = x % len(items)
        item = items[k]
        if kind in ("edit", "figure", "split", "merge", "drop") and duplicated & set(item.src):
            continue  # changing a duplicated original would make the truth ambiguous
        if kind == "edit":
            items[k] = Item(_edit(item.text, y, y // 7), item.src)
            touched.update(item.src)
        elif kind == "figure":
            items[k] = Item(_figure(item.text, y, y // 3), item.src)
            touched.update(item.src)
        elif kind == "move":
            moved = items.pop(k)
            items.insert(y % (len(items) + 1), moved)
        elif kind == "split":
            parts = _sentences(item.text)
            if len(parts) < 2 or len(item.src) != 1:
                continue
            cut = 1 + y % (len(parts) - 1)
            items[k : k + 1] = [Item(" ".join(parts[:cut]), item.src), Item(" ".join(parts[cut:]), item.src)]
            parts_of[item.src[0]] += 1
        elif kind == "merge":
            if k + 1 >= len(items):
                continue
            nxt = items[k + 1]
            if not item.src or not nxt.src or duplicated & set(nxt.src):
                continue
            if any(parts_of[i] > 1 for i in (*item.src, *nxt.src)):  # would make a many-to-many lineage
                continue
            items[k : k + 2] = [Item(item.text + " " + nxt.text, tuple(sorted(item.src + nxt.src)))]
        elif kind == "drop":
            items.pop(k)
        elif kind == "duplicate":
            if len(item.src) != 1 or touched & set(item.src):
                continue
            copy = _edit(item.text, y, 3 * (y // 3))  # one word replaced
            if copy == item.text:
                continue
            touched.update(item.src)
            duplicated.update(item.src)
            items.insert(k + 1, Item(copy, ()))
    return items, offset


def links_of(items: Sequence[Item]) -> frozenset[tuple[int, int]]:
    """The true (old index, new index) links of a revision."""
    return frozenset((i, j) for j, item in enumerate(items) for i in item.src)


def versions_of(
    old_texts: Sequence[str],
    items: Sequence[Item],
    offset: int = 0,
    *,
    keyed: bool = False,
    new_coverage: str = "complete",
) -> tuple[Version, Version]:
    """Build the two :class:`Version` objects; with ``keyed``, lineage keys and origins follow the sources."""
    old = [Provision(text=t, number=str(i + 1), key=f"p{i}" if keyed else None) for i, t in enumerate(old_texts)]
    new = []
    used: set[int] = set()
    for j, item in enumerate(items):
        key = origins = None
        if keyed:
            first = item.src[0] if item.src else None
            if first is not None and first not in used:
                key = f"p{first}"
                used.add(first)
                origins = tuple(f"p{i}" for i in item.src[1:])
            else:
                key = f"n{j}"
                origins = tuple(f"p{i}" for i in item.src)
        new.append(Provision(text=item.text, number=str(j + 1 + offset), key=key, origins=origins or ()))
    return (
        Version(id="old", title="Old draft", provisions=tuple(old)),
        Version(id="new", title="New draft", provisions=tuple(new), coverage=new_coverage),
    )


def random_mutations(n: int, rng: random.Random, rates: dict[str, float]) -> list[tuple[str, int, int]]:
    """A mutation list for an ``n``-provision document: each kind about ``rates[kind] * n`` times."""
    out: list[tuple[str, int, int]] = []
    for kind in MUTATIONS:
        count = round(rates.get(kind, 0.0) * n)
        out.extend((kind, rng.randrange(1 << 30), rng.randrange(1 << 30)) for _ in range(count))
    rng.shuffle(out)
    return out
