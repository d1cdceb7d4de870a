"""The word diff's fast path (common ends set aside untokenised) gives exactly the plain token diff.

``_reference_diff_tokens`` is the word diff as it was before the fast path: tokenise both
texts whole, decide rewrite or word diff on the whole token lists, diff, clean up.  The
properties below compare :func:`peacediff.textdiff.diff_words` with it on random pairs and on
pairs built to hit the fast path's edges: edits at the very start or end, repeated tokens at
the cut, whitespace-only edits, non-ASCII text and numbers with group separators cut in the
middle.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from model_strategies import piece_lists

from peacediff import textdiff
from peacediff.textdiff import REWRITE_SIM, Op, invert_ops, normalise_ops, tokenize


def _reference_diff_tokens(old: str, new: str) -> list[Op]:
    old_tokens = tokenize(old)
    new_tokens = tokenize(new)
    indel = textdiff._indel()
    if indel.normalized_similarity(old_tokens, new_tokens) < REWRITE_SIM:
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
    distinct = dict.fromkeys(old_tokens)
    distinct.update(dict.fromkeys(new_tokens))
    index = dict(zip(distinct, textdiff._token_chars(len(distinct)), strict=True))
    chars_old = "".join(map(index.__getitem__, old_tokens))
    chars_new = "".join(map(index.__getitem__, new_tokens))
    back = dict(zip(map(ord, index.values()), index, strict=True))
    spaces = {c for t, c in index.items() if t.isspace()}
    diffs: list[Op] = []
    opcodes = indel.opcodes(chars_old, chars_new)
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
            diffs.append((-1, text))
            diffs.append((1, text))
        else:
            diffs.append((0, text))
    if len(diffs) > 4:
        textdiff._DMP.diff_cleanupMerge(diffs)
        textdiff._DMP.diff_cleanupSemantic(diffs)
    else:
        textdiff._DMP.diff_cleanupSemanticLossless(diffs)
    return [(op, chars.translate(back)) for op, chars in diffs]


def _reference(old: str, new: str) -> tuple[Op, ...]:
    if old == new:
        return ((0, old),) if old else ()
    if old <= new:
        return normalise_ops(_reference_diff_tokens(old, new))
    return invert_ops(_reference_diff_tokens(new, old))


def _same(old: str, new: str) -> None:
    assert textdiff.word_ops(old, new) == _reference(old, new)
    assert textdiff.word_ops(new, old) == _reference(new, old)


# Few distinct words, so that tokens repeat next to every cut; spaces, line breaks and the
# separators a number may hold ("600,000", "۶۰۰٬۰۰۰", "600 000" with no-break spaces).
_PIECES = ("a", "b", "the", "600", "000", ",", ".", " ", "  ", "\n", "\u00a0", "\u202f", "٬", "۶۰۰", "é", "Ω",
           "1", "2.5", "\t", " \n")  # fmt: skip


def _piece_runs(min_size: int = 0, max_size: int = 60) -> st.SearchStrategy[str]:
    """A run of pieces, drawn as one string (piece_lists)."""
    return piece_lists(_PIECES, min_size, max_size).map("".join)


_pieces = _piece_runs()


@st.composite
def _edited(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a copy with a few small edits anywhere (the start and the end included)."""
    text = draw(_pieces)
    edited = text
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(edited)))
        cut = draw(st.integers(0, min(4, len(edited) - at)))
        edited = edited[:at] + draw(st.sampled_from(_PIECES + ("",))) + edited[at + cut :]
    return text, edited


@st.composite
def _long_edited(draw: st.DrawFn) -> tuple[str, str]:
    """A long common text around a short changed middle: the fast path's own case."""
    head = draw(_piece_runs(max_size=80))
    tail = draw(_piece_runs(max_size=80))
    return head + draw(_pieces) + tail, head + draw(_pieces) + tail


@settings(max_examples=600)
@given(_edited())
@example(("a 600,000 b", "a 600,001 b"))
@example(("x 600\u00a0000 y z", "x 600\u00a0001 y z"))
@example(("a a a a a b", "a a a a b"))
@example(("a b a b", "a b a b a b"))
@example(("the the the x the the the", "the the the y the the the"))
@example(("a  b c d e f", "a b c d e f"))
@example(("start of a long text", "Start of a long text"))
@example(("a long text that ends", "a long text that ends."))
def test_small_edits_diff_as_the_plain_token_diff(pair: tuple[str, str]) -> None:
    _same(*pair)


@settings(max_examples=600)
@given(_long_edited())
def test_edits_inside_long_common_text_diff_as_the_plain_token_diff(pair: tuple[str, str]) -> None:
    _same(*pair)


@settings(max_examples=300)
@given(_pieces, _pieces)
def test_unrelated_texts_diff_as_the_plain_token_diff(old: str, new: str) -> None:
    _same(old, new)


@settings(max_examples=300)
@given(st.text(max_size=40), st.text(max_size=40), st.text(alphabet=" ab\n.", max_size=60))
def test_any_text_around_any_edit_diffs_as_the_plain_token_diff(x: str, y: str, common: str) -> None:
    _same(common + x + common, common + y + common)


def test_a_sentence_rewritten_in_a_long_clause() -> None:
    clause = "Each party shall withdraw its forces from the zone within 30 days of signature. " * 6
    new = clause.replace("within 30 days", "within sixty days", 1).replace("forces", "troops and militias", 4)
    _same(clause, new)
    _same(clause, "Entirely different wording. " + clause[:40])


@settings(max_examples=300)
@given(_pieces, _pieces, _piece_runs(min_size=1, max_size=6), _piece_runs(min_size=1, max_size=6), _pieces)
def test_short_common_ends_around_a_long_edit_diff_as_the_plain_token_diff(
    old: str, new: str, head: str, tail: str, middle: str
) -> None:
    # Ends too short to stand for the edits between them: their tokens join the diff.
    _same(head + " " + old + middle + new + " " + tail, head + " " + new + middle + old + " " + tail)


def test_edits_near_both_ends_of_a_clause() -> None:
    clause = "The parties shall withdraw all forces from the zone within 30 days of signature and report."
    _same("Both " + clause + " Done.", "All " + clause + " Finished.")
    _same("Les " + clause + " – fin.", "Des " + clause + " – finis.")


@settings(max_examples=300)
@given(st.text(max_size=30), st.text(max_size=30), st.text(max_size=30), st.text(max_size=30))
def test_common_start_and_end_lengths_are_diff_match_patchs(head: str, old: str, new: str, tail: str) -> None:
    prefix_length, suffix_length = textdiff._affixes()
    for x, y in ((head + old + tail, head + new + tail), (old, new), (old, old)):
        assert prefix_length(x, y) == textdiff._DMP.diff_commonPrefix(x, y)
        assert suffix_length(x, y) == textdiff._DMP.diff_commonSuffix(x, y)


def test_token_characters_are_distinct_above_ascii_and_skip_surrogates() -> None:
    for count in (0, 1, 4095, 4096, 4097, 0xD800 - 0x100, 0xD800 - 0x100 + 1, 60_000):
        chars = textdiff._token_chars(count)
        assert len(chars) == len(set(chars)) == count
        assert all(ord(c) >= 0x100 and not 0xD800 <= ord(c) < 0xE000 for c in chars)
        assert chars == textdiff._token_chars(count + 1)[:count]
