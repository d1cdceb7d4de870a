"""Word-level ops, figures and modal verbs (peacediff.textdiff)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from model_strategies import piece_lists

from peacediff import _screen, figures, modality, textdiff
from peacediff.figures import figure_changes, find_figures
from peacediff.modality import modality_shifts, modals
from peacediff.textdiff import (
    invert_ops,
    normalise_ops,
    ops_similarity,
    tokenize,
    word_ops,
)


def _rebuild(ops, side):
    return "".join(t for op, t in ops if op == 0 or op == side)


def test_a_changed_figure_is_one_replacement():
    assert word_ops("capped at 600,000 personnel", "capped at 800,000 personnel") == (
        (0, "capped at "),
        (-1, "600,000"),
        (1, "800,000"),
        (0, " personnel"),
    )


def test_a_rewritten_phrase_reads_as_one_replacement():
    ops = word_ops("Elections within 100 days of signing.", "Elections as soon as possible after signing.")
    assert ops == (
        (0, "Elections "),
        (-1, "within 100 days of"),
        (1, "as soon as possible after"),
        (0, " signing."),
    )


def test_ops_are_whole_words():
    ops = word_ops("The quick brown fox jumps", "The quick red fox leaped")
    assert (-1, "brown") in ops and (1, "red") in ops
    assert (-1, "jumps") in ops and (1, "leaped") in ops


def test_equal_and_empty_texts():
    assert word_ops("same", "same") == ((0, "same"),)
    assert word_ops("", "") == ()
    assert word_ops("", "new") == ((1, "new"),)
    assert word_ops("old", "") == ((-1, "old"),)


def test_tokenize_keeps_numbers_whole_and_loses_nothing():
    assert tokenize("Cap: 600,000 troops; 2.5%.") == [
        "Cap",
        ":",
        " ",
        "600,000",
        " ",
        "troops",
        ";",
        " ",
        "2.5",
        "%",
        ".",
    ]
    text = "Ünïcode — “quotes”\n\ttabs and 1,000,000.50"
    assert "".join(tokenize(text)) == text


def test_over_budget_pairs_are_one_replacement():
    old = "a " * 30
    new = "b " * 30
    assert textdiff.diff_cost(old, new) == 59 * 59  # 60 tokens a side; the final space is common to both
    assert word_ops(old, new, budget=10) == ((-1, old), (1, new))
    assert textdiff.diff_mode(old, new, 10) != "words"
    assert textdiff.diff_mode("a", "b", 10) == "words"


def test_the_budget_counts_the_changed_middle_only():
    # A one-word edit in a very long text costs one comparison, however long the text.
    filler = "The parties shall meet in good faith and report on progress. " * 2000
    old = filler + "Forces withdraw within 30 days. " + filler
    new = filler + "Forces withdraw within 45 days. " + filler
    assert len(old) > 200_000
    assert textdiff.diff_cost(old, new) == 1
    assert textdiff.diff_mode(old, new, budget=10) == "words"
    ops = word_ops(old, new, budget=10)
    assert [op for op in ops if op[0]] == [(-1, "30"), (1, "45")]
    # Two texts rewritten throughout cost old × new tokens and trip a small budget.
    assert textdiff.diff_mode(old, new.upper(), budget=10) != "words"


def test_normalise_ops_merges_and_orders():
    ops = [(1, "x"), (-1, "a"), (0, ""), (-1, "b"), (0, "c"), (0, "d")]
    assert normalise_ops(ops) == ((-1, "ab"), (1, "x"), (0, "cd"))


def test_ops_similarity():
    assert ops_similarity(()) == 1.0
    assert ops_similarity(((0, "ab"), (-1, "cd"), (1, "ef"))) == 0.5


texts = st.text(alphabet=st.sampled_from("ab ,.1€\n"), max_size=40) | st.text(max_size=30)


@given(texts, texts)
def test_word_ops_rebuild_both_sides(a, b):
    ops = word_ops(a, b)
    assert _rebuild(ops, -1) == a
    assert _rebuild(ops, 1) == b
    assert all(t for _, t in ops)


@given(texts, texts)
def test_word_ops_are_antisymmetric(a, b):
    assert word_ops(b, a) == invert_ops(word_ops(a, b))


def test_find_figures_kinds():
    found = find_figures("USD 100 billion within 100 days, 50% of 600,000, $100 billion, €140 billion for 10 years")
    assert [(f.kind, f.text) for f in found] == [
        ("amount", "USD 100 billion"),
        ("duration", "100 days"),
        ("percentage", "50%"),
        ("number", "600,000"),
        ("amount", "$100 billion"),
        ("amount", "€140 billion"),
        ("duration", "10 years"),
    ]
    usd = [f for f in found if f.kind == "amount"]
    assert usd[0].value == usd[1].value == 100e9 and usd[0].unit == usd[1].unit == "USD"
    assert usd[2].unit == "EUR"


def test_spelled_out_durations_are_figures():
    found = find_figures("within seventeen days, sixteen weeks and eighty years; no one waits")
    assert [(f.text, f.value) for f in found] == [
        ("seventeen days", 17.0), ("sixteen weeks", 112.0), ("eighty years", 80 * 365.0),
    ]


def test_figure_changes_pair_same_kind_in_order():
    assert figure_changes("within 100 days", "within 60 days") == [("duration", "100 days", "60 days")]
    assert figure_changes("within 100 days", "as soon as possible") == [("duration", "100 days", None)]
    assert figure_changes("USD 100 billion", "$100 billion") == []  # same amount, written differently
    assert figure_changes("capped at 600,000", "capped at 800,000") == [("number", "600,000", "800,000")]


def test_figure_changes_leave_out_covered_values():
    assert figure_changes("capped at 600,000", "capped at 800,000", frozenset({600000.0, 800000.0})) == []
    assert figure_changes("for 30 years", "forever", frozenset({30.0})) == []
    assert figure_changes("shares 33/33/33", "shares 50/50", covered_text=("33/33/33 split",)) == [
        ("number", None, "50"),
        ("number", None, "50"),
    ]


def test_figure_changes_skip_when_ops_touch_no_figure():
    old, new = "Forces of 600,000 stay.", "Forces of 600,000 remain."
    assert figure_changes(old, new, ops=word_ops(old, new)) == []


def test_modals():
    assert modals("Russia shall not invade; Ukraine is to hold elections and may join.") == [
        "shall not",
        "is to",
        "may",
    ]
    assert modals("It won't, it cannot, it can't, it is required to.") == [
        "will not",
        "cannot",
        "cannot",
        "is required to",
    ]
    assert modals("Elections in May 2026.") == []


def test_modality_shifts():
    assert modality_shifts("Ukraine shall hold elections.", "Ukraine may hold elections.") == [("shall", "may")]
    assert modality_shifts("Ukraine shall hold.", "Ukraine shall not hold.") == [("shall", "shall not")]
    assert modality_shifts("A must act. B will pay.", "A must act. B should pay.") == [("will", "should")]
    assert modality_shifts("same", "same") == []


@given(texts, texts)
def test_modality_shifts_are_antisymmetric(a, b):
    assert modality_shifts(b, a) == [(y, x) for x, y in modality_shifts(a, b)]


def test_numbers_that_name_things_are_not_figures() -> None:

    assert find_figures("a guarantee mirroring Article 5 and point 12") == []
    assert figure_changes("a guarantee", "a guarantee mirroring NATO's Article 5") == []
    assert [f.text for f in find_figures("Article 5 covers 600,000 troops")] == ["600,000 troops"]


_FIGURE_ALPHABET = "0123456789 ,.$€£USDEURGBPusdone twotenfifteen years days%-percent billion km of a ٣۴"


def _scan_every_position(text: str, include_weak: bool = False) -> list[str]:
    """The figures a reading tried at every position finds (what the candidate starts must equal)."""
    reader = figures._FigureReader(text)
    found, end = [], 0
    for pos in range(len(text)):
        if pos < end:
            continue
        if pos and text[pos].isalpha() and (text[pos - 1].isalnum() or text[pos - 1] == "_"):
            continue  # a reading starts at a word's start, never inside it
        figure, stop = reader.at(pos)
        end = stop or end
        if figure is not None and (include_weak or not figure.weak):
            found.append(figure.text)
    return found


@given(st.text(alphabet=_FIGURE_ALPHABET, max_size=60))
def test_figure_scan_from_candidate_starts_equals_a_full_scan(text: str) -> None:
    assert [f.text for f in figures.find_figures(text)] == _scan_every_position(text)
    assert [f.text for f in figures.find_figures(text, include_weak=True)] == _scan_every_position(text, True)


def test_sub_point_labels_are_not_figures():
    # full_text writes sub-points as "(1) ...": dropping one must not read as "number 3 removed".
    old = "Head text\n(1) alpha rule\n(2) beta rule\n(3) gamma rule"
    new = "Head text\n(1) beta rule\n(2) gamma rule"
    assert figure_changes(old, new) == []
    assert [f.text for f in find_figures("capped (600) and a (3) b\n(4) c")] == ["600", "3"]


# Drafting vocabulary dense in figures, labels and modal verbs, so that random edits
# land next to them, inside them and far from them.
_WORDS = (
    "shall", "will", "may", "May", "must", "should", "can", "cannot", "won't", "not", "is", "are", "to",
    "required", "obliged", "Ukraine", "the", "forces", "capped", "at", "600,000", "800,000", "100", "days",
    "years", "three", "USD", "$", "billion", "50%", "percent", "Article", "5", "point", "(3)", "within",
    "\n(2)", "\n", ",", ".", "İ", "2026", "month", "per", "cent", "EUR", "one",
    "January", "April", "june", "1", "31", "1st", "of", "2027-01-31", "2027-02-30",
    "twenty-five", "twenty", "five", "hundred", "and", "thousand", "million", "a", "half", "third", "quarters",
    "first", "day", "km", "m", "troops", "۶۰۰٬۰۰۰", "٣٠", "seventy-seven", "seven",
)  # fmt: skip
_VOCABULARY = ("and", "the", "parties", "agree", "of", "in", "for") * 3 + _WORDS
_text_words = piece_lists(_VOCABULARY, min_size=80, max_size=200)


@st.composite
def _edited_pair(draw):
    """A text and a copy with a few single-word edits (replace, insert, delete), some far apart."""
    words = draw(_text_words)
    edited = list(words)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(edited)))
        action = draw(st.sampled_from(("replace", "insert", "delete")))
        word = draw(st.sampled_from(_WORDS))
        if action == "insert" or at == len(edited):
            edited.insert(at, word)
        elif action == "replace":
            edited[at] = word
        else:
            del edited[at]
    return " ".join(words), " ".join(edited)


@given(_edited_pair())
def test_the_change_window_screen_gives_the_full_scan_result(pair):
    old, new = pair
    ops = word_ops(old, new)
    assert figure_changes(old, new, ops=ops) == figure_changes(old, new)
    assert modality_shifts(old, new, ops=ops) == modality_shifts(old, new)
    windows = _screen.changed_windows(old, new, ops)
    assert figure_changes(old, new, windows=windows) == figure_changes(old, new)


def test_the_screen_sees_a_changed_label_before_an_unchanged_number():
    filler = " The parties agree to meet in good faith." * 8
    old = filler + " Forces act under Article 5 of the treaty." + filler
    new = filler + " Forces act under forces 5 of the treaty." + filler
    ops = word_ops(old, new)
    assert not _screen.changed_windows(old, new, ops).whole
    assert figure_changes(old, new, ops=ops) == figure_changes(old, new) == [("number", None, "5")]


def test_change_windows_reject_ops_of_another_pair():
    import pytest

    with pytest.raises(ValueError, match="ops do not turn"):
        _screen.changed_windows("abc", "abd", word_ops("a longer text", "xyz"))


_MODAL_ALPHABET = "shallwilmaycnotiremusdbqMSW'\n 5"


@given(st.text(alphabet=_MODAL_ALPHABET, max_size=60))
def test_modal_scan_from_candidate_starts_equals_a_full_scan(text: str) -> None:
    pattern = modality._MODAL_RE.on(text, None)[0]  # case-insensitive, every position
    full_scan = [m.group(0).lower() for m in pattern.finditer(text)
                 if not (m.group("modal") and text[m.start():m.end("modal")] == "May" and m.start() > 0)]
    found = modals(text)
    assert len(found) == len(full_scan)
    assert [" ".join(f.split()) for f in found] == [_canon(m) for m in full_scan]


def _canon(match: str) -> str:
    words = match.split()
    canon = {"won't": "will not", "can't": "cannot", "shan't": "shall not", "mustn't": "must not",
             "shouldn't": "should not"}  # fmt: skip
    head = canon.get(words[0], words[0])
    if words[0] in ("is", "are"):
        return " ".join(words)
    if len(words) > 1:  # "<modal> not"
        return "cannot" if head == "can" else (head if " not" in head else head + " not")
    return head


def test_scans_agree_on_text_whose_lower_case_is_longer():
    # "İ" lower-cases to two characters: the scans fall back to case-insensitive patterns.
    text = "İ: Ukraine SHALL keep 600,000 troops for THREE years; it may not."
    assert [f.text for f in find_figures(text)] == ["600,000 troops", "THREE years"]
    assert modals(text) == ["shall", "may not"]


def test_dates_are_figures_of_their_own():
    found = find_figures("From 1 January 2025 to 31 December 2027, by April 2026, on May 5, 2026, "
                         "by 2026-04-01 and on the 1st of June.")
    assert [(f.kind, f.text, f.value) for f in found] == [
        ("date", "1 January 2025", 20250101), ("date", "31 December 2027", 20271231),
        ("date", "April 2026", 20260400), ("date", "May 5, 2026", 20260505),
        ("date", "2026-04-01", 20260401), ("date", "1st of June", 601),
    ]
    # A deadline moved by a month is a change even though no number in it changed.
    assert figure_changes("It enters into force on 1 January 2025.", "It enters into force on 1 April 2025.") == [
        ("date", "1 January 2025", "1 April 2025")
    ]
    # The same date however written is no change.
    assert figure_changes("by 1 April 2026", "by April 1, 2026") == []


def test_a_month_name_needs_its_capital_and_a_real_day():
    # "may" the verb, and days no calendar has: the numbers in them stay numbers.
    assert [(f.kind, f.text) for f in find_figures("Paragraph 1 may be amended; the parties may 2 times.")] == [
        ("number", "2")
    ]
    assert [(f.kind, f.text) for f in find_figures("31 February 2026 and 2026-13-01")][:2] == [
        ("number", "31"), ("date", "February 2026")
    ]


def test_over_the_budget_sentences_are_matched_first_then_words_inside_them():
    sentences = [f"Clause {k} binds the parties for {k} years." for k in range(40)]
    old = " ".join(sentences)
    edited = list(sentences)
    edited[3] = "Clause 3 binds the parties for 9 years."
    edited[30] = "Clause 30 frees the parties at once."
    new = " ".join(edited)
    budget = 1000  # far below the word diff's cost (~450² tokens), above the sentence diff's (28²)
    assert textdiff.diff_cost(old, new) > budget
    assert textdiff.diff_mode(old, new, budget) == "sentences"
    ops = word_ops(old, new, budget=budget)
    assert _rebuild(ops, -1) == old and _rebuild(ops, 1) == new
    assert (-1, "3") in ops and (1, "9") in ops  # a word diff inside the changed sentence
    assert word_ops(new, old, budget=budget) == invert_ops(ops)
    assert textdiff.diff_mode(old, new.upper(), budget=1) == "whole"
    assert word_ops(old, new.upper(), budget=1) == ((-1, old), (1, new.upper()))


def test_a_tripped_budget_is_noted_plainly_with_the_point(monkeypatch):
    from peacediff import compare
    from peacediff.model import Version

    monkeypatch.setattr(textdiff, "DIFF_CELL_BUDGET", 300)
    sentences = [f"Clause {k} binds the parties for {k} years." for k in range(20)]
    edited = " ".join(sentences).replace("for 2 years", "for 3 years").replace("for 17 years", "for 18 years")
    old = Version.from_texts("a", ["Preamble.", " ".join(sentences)])
    new = Version.from_texts("b", ["Preamble.", edited])
    c = compare(old, new)
    assert c.budget_exhausted
    (note,) = c.budget_notes
    assert note.startswith("word diff: 1 provision was rewritten too widely") and note.endswith("point 2")
    assert "sentences were matched first" in note
    assert [pc.display() for pc in c.changes[1].parameter_changes] == [
        "Duration: 2 years → 3 years", "Duration: 17 years → 18 years"]
    assert (-1, "2") in c.changes[1].ops and (1, "18") in c.changes[1].ops


@given(_edited_pair(), st.integers(1, 3000))
def test_any_budget_keeps_ops_exact_and_antisymmetric(pair, budget):
    old, new = pair
    old, new = old.replace(" and ", ". And "), new.replace(" and ", ". And ")  # sentences to match
    ops = word_ops(old, new, budget=budget)
    assert _rebuild(ops, -1) == old and _rebuild(ops, 1) == new
    assert word_ops(new, old, budget=budget) == invert_ops(ops)


def test_a_change_beside_an_unchanged_figure_or_modal_reports_nothing():
    filler = " The parties agree to meet in good faith." * 8
    old = filler + " Forces of 600,000 shall withdraw within 30 days." + filler
    new = filler + " Forces of 600,000 must withdraw within 30 days." + filler
    windows = _screen.changed_windows(old, new, word_ops(old, new))
    assert not windows.whole
    assert figure_changes(old, new, windows=windows) == figure_changes(old, new) == []
    assert modality_shifts(old, new, windows=windows) == modality_shifts(old, new) == [("shall", "must")]
    new = filler + " Troops of 600,000 shall withdraw within 30 days." + filler
    windows = _screen.changed_windows(old, new, word_ops(old, new))
    assert modality_shifts(old, new, windows=windows) == modality_shifts(old, new) == []


def test_figures_near_a_change_that_differ_are_compared_over_the_whole_texts():
    # The changed figure's value recurs far away: pairing still follows the full texts.
    filler = " The parties agree to meet in good faith." * 8
    old = "Zone A spans 5 km." + filler + " Zone B spans 10 km." + filler
    new = "Zone A spans 10 km." + filler + " Zone B spans 10 km." + filler
    windows = _screen.changed_windows(old, new, word_ops(old, new))
    assert not windows.whole
    assert figure_changes(old, new, windows=windows) == figure_changes(old, new) == [("distance", "5 km", "10 km")]
