"""Fast paths (the aligner's helpers, the redline's stub placement) give what their plain definitions give.

Each routine below was rewritten for speed; these laws pin it to a slow, obvious version
(exact equality, floats included: a last-bit difference could flip a link).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from peacediff._lexical import (
    _PATTERN_KEYS,
    _PATTERN_WORDS,
    _PHRASE_CONCEPTS,
    _PHRASE_KEYS,
    _WORD_RE,
    Vectors,
    concepts,
    drafting_concepts,
    stem,
    stem_counts,
    stem_set,
    words,
)
from peacediff._matching import rank as _rank
from peacediff._order import _chain_lengths, increasing_chain

_WORDS = st.lists(st.sampled_from(["the", "forces", "force", "s", "5", "withdraw", "withdrawing", "a", "zones",
                                   "zone", "voted", "voting", "x", "elections", "twelve", "12"]), max_size=40)


@given(st.lists(st.integers(0, 30), max_size=60))
def test_chain_lengths_are_the_longest_increasing_chains_ending_at_each_element(ranks: list[int]) -> None:
    expected: list[int] = []
    for k, rank in enumerate(ranks):
        expected.append(1 + max((expected[i] for i in range(k) if ranks[i] < rank), default=0))
    assert _chain_lengths(ranks) == expected


def test_chain_lengths_of_a_document_in_order_and_of_one_reversed() -> None:
    assert _chain_lengths(list(range(6))) == [1, 2, 3, 4, 5, 6]
    assert _chain_lengths([5, 4, 3, 2, 1, 0]) == [1] * 6
    assert increasing_chain([(0, 0), (1, 5), (2, 1), (3, 2), (4, 6)]) == [0, 2, 3, 4]


@given(_WORDS)
def test_stem_counts_count_the_stems_of_the_kept_words_in_order_of_first_occurrence(words: list[str]) -> None:
    expected: Counter[str] = Counter()
    for word, count in Counter(words).items():  # the plain definition: merge word counts by stem
        if len(word) > 1 or word.isdigit():
            expected[stem(word)] += count
    got = stem_counts(words)
    assert got == expected
    assert list(got) == list(expected)  # the order feeds float sums downstream


@given(st.text(st.characters(max_codepoint=127), max_size=60) | st.text(max_size=30))
def test_words_are_what_the_unicode_word_expression_finds_in_the_lower_cased_text(text: str) -> None:
    # The ASCII byte-table path must split exactly where the expression does ("_", digits, any punctuation).
    assert words(text) == _WORD_RE.findall(text.lower())


def test_words_split_at_underscores_and_keep_digits_and_non_ascii_letters() -> None:
    assert words("Art_5 (b): 12,000 TROOPS") == ["art", "5", "b", "12", "000", "troops"]
    assert words("Zone É-3 is demilitarised") == ["zone", "é", "3", "is", "demilitarised"]


@given(st.lists(st.tuples(st.sampled_from([0.0, -0.0, 0.25, 0.5, 1.0, -0.125, 0.1 + 0.2]), st.integers(0, 40)),
                max_size=50))
def test_rank_orders_by_score_descending_then_index_ascending(pairs: list[tuple[float, int]]) -> None:
    got = list(pairs)
    _rank(got)
    assert got == sorted(pairs, key=lambda x: (-x[0], x[1]))


@given(st.lists(st.sampled_from(["The", "forces", "s", "5", "Withdrawing", "a", "zone", "voted", "x", "twelve", "ß"])
                | st.text(max_size=8), max_size=20))
def test_stem_set_is_the_set_of_stems_of_the_kept_words(parts: list[str]) -> None:
    text = " ".join(parts) + "."
    expected = {stem(w) for w in _WORD_RE.findall(text.lower()) if len(w) > 1 or w.isdigit()}
    assert stem_set(text) == expected


_CLAUSES = st.sampled_from([
    "The treaty enters into force", "takes effect", "Elections", "troops", "restrictive measures", "are in force",
    "the", "a", "s", "5", "Sanctions", "lifted", "pulled back", "armed forces", "in phases", "x", "Vote", "ß",
])


@given(st.lists(_CLAUSES | st.text(max_size=6), max_size=12))
def test_drafting_concepts_are_the_tilde_concepts(parts: list[str]) -> None:
    text = " ".join(parts)
    assert drafting_concepts(text) == frozenset(t for t in concepts(text) if t.startswith("~"))


@given(st.data())
def test_every_phrase_match_holds_one_of_its_patterns_keys(data: st.DataObject) -> None:
    # The phrase scan leaves out each pattern none of whose keys the text holds (and skips a text
    # holding no key at all): no match of a pattern may lack one of its own keys.
    k = data.draw(st.integers(0, len(_PHRASE_CONCEPTS) - 1))
    pattern, _concept = _PHRASE_CONCEPTS[k]
    match = data.draw(st.from_regex(pattern, fullmatch=True))
    padded = f" {match} "  # as the normalised text pads every word
    assert any(key in padded for key in _PATTERN_KEYS[k])
    assert all(key in _PHRASE_KEYS for key in _PATTERN_KEYS[k])


@given(st.data())
def test_every_phrase_match_holds_one_of_its_patterns_words_as_a_word(data: st.DataObject) -> None:
    # The phrase scan leaves out each pattern none of whose words the text holds as a word.
    k = data.draw(st.integers(0, len(_PHRASE_CONCEPTS) - 1))
    pattern, _concept = _PHRASE_CONCEPTS[k]
    match = data.draw(st.from_regex(pattern, fullmatch=True))
    assert any(word in match.split() for word in _PATTERN_WORDS[k])


def test_every_phrase_pattern_has_its_keys_and_words_and_starts_and_ends_at_a_word_boundary() -> None:
    assert len(_PATTERN_KEYS) == len(_PHRASE_CONCEPTS) == len(_PATTERN_WORDS)
    assert all(_PATTERN_KEYS) and all(_PATTERN_WORDS)
    # Whole words only: what lets a pattern's word be looked up among the text's words.
    assert all(p.pattern.startswith(r"\b") and p.pattern.endswith(r"\b") for p, _c in _PHRASE_CONCEPTS)


@given(st.lists(_WORDS, min_size=2, max_size=6), st.data())
def test_cosine_is_the_plain_dot_product_to_the_last_bit(docs: list[list[str]], data: st.DataObject) -> None:
    counts = [stem_counts(d) for d in docs]
    half = len(counts) // 2
    vec = Vectors(counts[:half], counts[half:])
    a = data.draw(st.sampled_from(vec.old))
    b = data.draw(st.sampled_from(vec.new))
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    plain = sum([w * large.get(t, 0.0) for t, w in small.items()])  # every word, absent ones as 0.0
    got = Vectors.cosine(a, b)
    assert got == plain and isinstance(got, float)
    if len(a) != len(b):  # the smaller side leads whichever way round; equal sizes sum in the first one's order
        assert Vectors.cosine(b, a) == got


@given(st.lists(st.tuples(st.booleans(), st.lists(st.integers(-1, 40), max_size=3)), max_size=25),
       st.lists(st.integers(-1, 45), max_size=8))
def test_move_stubs_go_before_the_first_unmoved_change_that_stood_after_them(
        views_spec: list[tuple[bool, list[int]]], stub_positions: list[int]) -> None:
    from types import SimpleNamespace

    from peacediff.model import Provision
    from peacediff.render._redline import _place_stubs

    old_pos: dict[tuple[str | None, str | None], int] = {}
    views = []
    for i, (moved, positions) in enumerate(views_spec):
        olds = []
        for j, pos in enumerate(positions):
            p = Provision(text=f"view {i} part {j}", number=f"{i}.{j}")
            olds.append(p)
            if pos >= 0:  # -1: a provision the position table does not know
                old_pos[(p.number, p.key)] = pos
        views.append(SimpleNamespace(change=SimpleNamespace(moved=moved, old=tuple(olds))))
    target = Provision(text="moved here", number="9")
    stubs = [(pos, SimpleNamespace(old=(Provision(text="was here", number=f"s{k}"),), new=(target,),
                                   new_numbers=("9",)), f"stub-{k}")
             for k, pos in enumerate(stub_positions)]

    # The plain definition: scan the views for each stub.
    expected_before: dict[int, list[str]] = {}
    expected_trailing: list[str] = []
    for position, _ch, anchor in sorted(stubs, key=lambda s: s[0]):
        for i, view in enumerate(views):
            ch2 = view.change
            if not ch2.moved and ch2.old and min(old_pos.get((p.number, p.key), -1) for p in ch2.old) > position:
                expected_before.setdefault(i, []).append(anchor)
                break
        else:
            expected_trailing.append(anchor)
    expected: list[object] = []
    for i, view in enumerate(views):
        expected.extend(expected_before.get(i, ()))
        expected.append(view)
    expected.extend(expected_trailing)

    placed = _place_stubs(views, stubs, old_pos, {})  # type: ignore[arg-type]
    assert [getattr(item, "anchor", item) for item in placed] == expected
