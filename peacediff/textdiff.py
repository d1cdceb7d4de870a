"""How the wording of two aligned provisions changed, word by word.

The aligner (:mod:`peacediff.align`) decides which provision became which; this
module says how its wording changed; :mod:`peacediff.figures` and
:mod:`peacediff.modality` read what that does to its figures and modal verbs.

* :func:`word_ops` - diff-match-patch ops over *words*: every word, number,
  whitespace run and punctuation mark becomes one character (diff-match-patch's
  linesToChars trick on word tokens), the character strings are diffed (a
  minimal LCS diff, computed by rapidfuzz), diff-match-patch's semantic cleanup
  merges small equalities, and the ops are expanded back to the real text.  "600,000" → "800,000" is one replacement,
  "within 100 days" → "as soon as possible" another.
* :func:`diff_mode` / :data:`DIFF_CELL_BUDGET` - the work budget: what a pair
  costs to diff, and how it is diffed when that is too much.

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
from collections.abc import Sequence
from typing import Any

from diff_match_patch import diff_match_patch

from peacediff._cleanup import affixes as _affixes
from peacediff._cleanup import cleanup

__all__ = [
    "DIFF_CELL_BUDGET",
    "REWRITE_SIM",
    "Op",
    "diff_cost",
    "diff_mode",
    "diff_words",
    "invert_ops",
    "normalise_ops",
    "ops_similarity",
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


#: :data:`_TOKEN_RE` on ASCII text, where its classes are these ranges (its ``\s`` there also
#: holds the separators 0x1c-0x1f): a quarter faster than the Unicode classes, the same tokens.
_ASCII_TOKEN_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[A-Za-z0-9]+|[\t-\r\x1c- ]+|.", re.DOTALL)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into word, number, whitespace and punctuation tokens (joined they give ``text``).

    >>> tokenize("Cap: 600,000 troops.")
    ['Cap', ':', ' ', '600,000', ' ', 'troops', '.']
    """
    # isascii() is a flag of the string object: no scan.
    return (_ASCII_TOKEN_RE if text.isascii() else _TOKEN_RE).findall(text)


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


# The first few thousand of them, built once: most pairs need a few dozen.
_FIRST_CHARS = "".join(map(chr, range(_CHAR_BASE, _CHAR_BASE + 4096)))


def _token_chars(count: int) -> str:
    """The characters standing for the first ``count`` distinct tokens."""
    if count <= len(_FIRST_CHARS):
        return _FIRST_CHARS[:count]
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
    """The word diff of a pair (the cleaned-up token diff, back in real text).

    Most edits touch a few words of a long clause, so the common text at both ends is
    set aside at string level first and only the middle is tokenised and diffed
    (:func:`_ends`); the result is exactly that of diffing the whole token lists.
    """
    prefix, suffix = _ends(old, new)
    return _diff_middle(old, new, prefix, suffix)


# Where the texts may be cut untokenised: only a whitespace-run token holds an ASCII
# space or line break (a number's group separators are no-break and thin spaces), so
# right after one and before a character that is not whitespace, the tokens of the
# text end; the tokens after that point depend on the text after it only (the token
# pattern looks ahead, never behind).


def _boundary_before(text: str, limit: int) -> int:
    """The last cut ``0 < c <= limit`` right after an ASCII space or line break and before a
    character that is not whitespace: a token boundary (0 if there is none)."""
    at = limit
    while at > 0:
        k = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at))
        if k < 0:
            return 0
        if not text[k + 1].isspace():
            return k + 1
        at = k
    return 0


def _boundary_from(text: str, lowest: int) -> int:
    """The first such cut ``c >= lowest`` (``len(text)`` if there is none)."""
    at = max(lowest - 1, 0)
    while True:
        found = [k for k in (text.find(" ", at), text.find("\n", at)) if k >= 0]
        if not found:
            return len(text)
        k = min(found)
        if k + 1 < len(text) and not text[k + 1].isspace():
            return k + 1
        at = k + 1


def _ends(old: str, new: str) -> tuple[int, int]:
    """Characters at the start and at the end of both texts that can be set aside untokenised.

    Each cut is a token boundary in both texts (see the comment above) with the same text
    beyond it on both sides, so the same tokens; the characters on both sides of a cut
    are common to the two texts, and the end cut lies after all the common text at the start.
    """
    prefix_length, suffix_length = _affixes()
    head = prefix_length(old, new)
    prefix = _boundary_before(old, head - 1) if head > 1 else 0
    tail = suffix_length(old, new)
    # The suffix stays clear of the whole common prefix: the token diff takes the common
    # tokens at the start first, and only then those at the end.
    reach = min(tail - 1, min(len(old), len(new)) - head)
    if reach < 1:
        return prefix, 0
    cut = _boundary_from(old, len(old) - reach)
    return prefix, len(old) - cut


def _token_floor(text: str) -> int:
    """A lower bound on the number of tokens of ``text`` (cheap: no tokenising).

    In ASCII text whitespace only ever forms whitespace-run tokens, so its blank-separated
    runs and the blanks between them are distinct tokens; other text gets 0 here (a
    number's group separator may be a no-break space inside one token).
    """
    if not text.isascii():
        return 0
    runs = len(text.split())
    return 2 * runs - 1 if runs else min(len(text), 1)


def _holds_more(text: str, start: int, end: int, tokens: int) -> bool:
    """Whether ``text[start:end]`` certainly holds more than ``tokens`` tokens (:func:`_token_floor`
    of its end first: a stretch holds at least as many tokens as any part of it)."""
    if tokens < 0:
        return True
    if end - start > 16 * (tokens + 1) and _token_floor(text[end - 16 * (tokens + 1) : end]) > tokens:
        return True
    return _token_floor(text[start:end]) > tokens


def _diff_middle(old: str, new: str, prefix: int, suffix: int) -> list[Op]:
    """The token diff of the pair with ``prefix`` / ``suffix`` characters set aside at the ends.

    A set-aside end joins the common tokens next to it and stands in the diff as one
    placeholder character.  That changes nothing as long as every edit is shorter than
    that end (cleanup then never compares their contents, and it never merges away the
    first or the last equality); when an end is too short to be sure, that end is
    tokenised and diffed with the rest, as a plain token diff would see it.
    """
    old_mid = tokenize(old[prefix : len(old) - suffix])
    new_mid = tokenize(new[prefix : len(new) - suffix])
    start, end = _common_ends(old_mid, new_mid)
    old_left, new_left = len(old_mid) - start - end, len(new_mid) - start - end
    longest = max(old_left, new_left)
    if prefix and not _holds_more(old, 0, prefix, longest - start):
        # The cut is a token boundary and the end is common to both texts: its tokens
        # join both token lists as they are, and all of them are common.
        head_tokens = tokenize(old[:prefix])
        old_mid = head_tokens + old_mid
        new_mid = head_tokens + new_mid
        start += len(head_tokens)
        prefix = 0
    if suffix and not _holds_more(old, len(old) - suffix, len(old), longest - end):
        tail_tokens = tokenize(old[len(old) - suffix :])
        old_mid += tail_tokens
        new_mid += tail_tokens
        end += len(tail_tokens)
        suffix = 0
    dropped = _indel().distance(old_mid[start : len(old_mid) - end], new_mid[start : len(new_mid) - end])
    if _is_rewrite(dropped, old_left + new_left, old, prefix, suffix, start + end):
        # A rewrite: keep the common words at both ends, replace the middle.
        return [
            (0, old[:prefix] + "".join(old_mid[:start])),
            (-1, "".join(old_mid[start : len(old_mid) - end])),
            (1, "".join(new_mid[start : len(new_mid) - end])),
            (0, "".join(old_mid[len(old_mid) - end :]) + old[len(old) - suffix :]),
        ]
    # A set-aside end becomes one placeholder; otherwise the common tokens stay in the diff.
    head = old[:prefix] + "".join(old_mid[:start]) if prefix else ""
    tail = "".join(old_mid[len(old_mid) - end :]) + old[len(old) - suffix :] if suffix else ""
    old_core = old_mid[start if prefix else 0 : len(old_mid) - (end if suffix else 0)]
    new_core = new_mid[start if prefix else 0 : len(new_mid) - (end if suffix else 0)]
    return _cleaned_diff(old_core, new_core, head, tail)


def _common_ends(old: Sequence[str], new: Sequence[str]) -> tuple[int, int]:
    """How many tokens the two lists share at the start, and then at the end."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return start, end


def _cleaned_diff(old_tokens: list[str], new_tokens: list[str], head: str, tail: str) -> list[Op]:
    """diff-match-patch's cleaned-up diff of two token lists, each token one character, with
    ``head`` and ``tail`` (when not empty) as one common placeholder character at the ends."""
    # Each distinct token becomes one character, numbered in order of first appearance:
    # diff-match-patch's cleanup works on strings.
    distinct = dict.fromkeys(old_tokens + new_tokens)
    chars = _token_chars(len(distinct) + 2)
    index = dict(zip(distinct, chars, strict=False))
    chars_old = "".join(map(index.__getitem__, old_tokens))
    chars_new = "".join(map(index.__getitem__, new_tokens))
    if len(chars) <= len(_FIRST_CHARS):  # the usual case: the characters are one run from _CHAR_BASE
        back: dict[int, str] = dict(zip(range(_CHAR_BASE, _CHAR_BASE + len(distinct)), distinct, strict=True))
    else:
        back = dict(zip(map(ord, index.values()), index, strict=True))
    back[ord(chars[-2])] = head
    back[ord(chars[-1])] = tail
    spaces = {index[t] for t in filter(str.isspace, distinct)}
    diffs: list[Op] = [(0, chars[-2])] if head else []
    # The token-level LCS comes from rapidfuzz (C++, bit-parallel): diff-match-patch's
    # pure-Python bisection takes 10-20 ms on one heavily rewritten provision with
    # sub-points.  Its result is a minimal diff like Myers'; diff-match-patch then
    # does what it is best at, the semantic cleanup (decision 0004).
    opcodes = _indel().opcodes(chars_old, chars_new)
    # The edits between two equalities go in as one deletion and one insertion (the old
    # and the new text between them), which is what cleanup's merge makes of them first:
    # it concatenates them in order.  ``ops`` counts the diffs before that, which decides
    # how much cleanup the diff gets (a lower bound, made exact when it matters).
    ops = len(diffs) + (1 if tail else 0)
    kept_old = kept_new = 0  # where the last equality kept as one ends
    seen_old = seen_new = 0  # where the last common block ends
    old_length, new_length = len(chars_old), len(chars_new)
    for a, b, size in opcodes.as_matching_blocks():
        if not size:
            continue
        ops += (a > seen_old) + (b > seen_new)
        seen_old, seen_new = a + size, b + size
        # A block at either end of the whole diff is the common text there.
        if (size == 1 and chars_old[a] in spaces and (a or b or head)
                and (seen_old < old_length or seen_new < new_length or tail)):
            # A lone whitespace token between two edits joins them.  Semantic cleanup
            # would mostly fold it in (it is no longer than either edit); folding it
            # first spares that cleanup most of its work on a rewritten text.
            ops += 2
            continue
        if kept_old < a:
            diffs.append((-1, chars_old[kept_old:a]))
        if kept_new < b:
            diffs.append((1, chars_new[kept_new:b]))
        diffs.append((0, chars_old[a:seen_old]))
        ops += 1
        kept_old, kept_new = seen_old, seen_new
    ops += (len(chars_old) > seen_old) + (len(chars_new) > seen_new)
    _add_edits(diffs, chars_old[kept_old:], chars_new[kept_new:])
    if ops <= 4:
        ops = _diff_count(opcodes, chars_old, spaces, bool(head), bool(tail))
    if tail:
        diffs.append((0, chars[-1]))
    if ops > 4:
        # diff-match-patch's merge and semantic cleanup, the same result in one pass (_cleanup).
        diffs = cleanup(diffs)
    else:
        # At most one edit between two equalities: there is no short equality to
        # merge away, only the edit's boundary to place, which is the cheap half.
        _DMP.diff_cleanupSemanticLossless(diffs)
    return [(op, text.translate(back)) for op, text in diffs]


def _add_edits(diffs: list[Op], gone: str, came: str) -> None:
    if gone:
        diffs.append((-1, gone))
    if came:
        diffs.append((1, came))


def _diff_count(opcodes: Any, chars_old: str, spaces: set[str], head: bool, tail: bool) -> int:
    """How many diffs the opcodes make one by one (a replacement two, a folded space two)."""
    count = head + tail
    last = len(opcodes) - 1
    for k, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            folded = (k > 0 or head) and (k < last or tail) and chars_old[i1:i2] in spaces
            count += 2 if folded else 1
        else:
            count += (i2 > i1) + (j2 > j1)
    return count


def _is_rewrite(dropped: int, middle: int, old: str, prefix: int, suffix: int, common: int) -> bool:
    """Whether the whole pair's token similarity (2·LCS / total tokens) is below :data:`REWRITE_SIM`.

    ``dropped`` of the ``middle`` tokens (both sides) are outside their LCS; every common
    token at the ends (``common`` of them tokenised, the rest set aside) counts on both
    sides.  ``similarity < REWRITE_SIM`` is ``dropped > (1 - REWRITE_SIM) · total``: exact
    in floating point at 1/2, where rapidfuzz computes ``1 - dropped / total``.
    """
    if dropped <= (1 - REWRITE_SIM) * (middle + 2 * common):
        return False  # the common tokens in the middle are enough
    ends = old[:prefix], old[len(old) - suffix :]
    if dropped <= (1 - REWRITE_SIM) * (middle + 2 * (common + sum(map(_token_floor, ends)))):
        return False  # even the fewest tokens the set-aside ends can hold make it a word diff
    return dropped > (1 - REWRITE_SIM) * (middle + 2 * (common + sum(len(tokenize(t)) for t in ends)))


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
    return diff_words(old, new, budget)[0]


def diff_words(old: str, new: str, budget: int | None = None) -> tuple[tuple[Op, ...], str]:
    """:func:`word_ops` and the :func:`diff_mode` it used, computed once (the budget check
    tokenises both texts, so a caller that reports the mode should not ask twice).

    >>> diff_words("a b c", "a x c")
    (((0, 'a '), (-1, 'b'), (1, 'x'), (0, ' c')), 'words')
    """
    if old == new:
        return (((0, old),) if old else ()), "words"
    # diff-match-patch breaks ties by direction; always diff the same way round.
    if old <= new:
        ops, mode = _ops(old, new, budget)
        return normalise_ops(ops), mode
    ops, mode = _ops(new, old, budget)
    return invert_ops(ops), mode


def _ops(old: str, new: str, budget: int | None) -> tuple[list[Op], str]:
    mode = diff_mode(old, new, budget)
    if mode == "words":
        return _diff_tokens(old, new), mode
    if mode == "sentences":
        return _diff_sentences(old, new, DIFF_CELL_BUDGET if budget is None else budget), mode
    return [(-1, old), (1, new)], mode


def diff_cost(old: str, new: str) -> int:
    """Token comparisons a word diff of the pair makes: old × new tokens of the changed middle.

    The common tokens at both ends cost nothing (they are set aside before the
    LCS), so a one-word edit in a long text costs next to nothing.

    >>> diff_cost("a b c d", "a b x d"), diff_cost("a b", "c d")
    (1, 9)
    """
    return _middle_cost(tokenize(old), tokenize(new))


def _middle_cost(old: Sequence[str], new: Sequence[str]) -> int:
    start, end = _common_ends(old, new)
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
    equal = deleted = inserted = 0
    for op, text in ops:  # one pass: a pair has a handful of ops, and every linked pair asks
        if op == 0:
            equal += len(text)
        elif op < 0:
            deleted += len(text)
        else:
            inserted += len(text)
    total = 2 * equal + deleted + inserted
    if total == 0:
        return 1.0
    return 2 * equal / total
