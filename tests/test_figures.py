"""Figures read right: number words, digits of any script, units, split and merge groups, labels."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacediff
from peacediff import modality, textdiff
from peacediff._labels import humanize
from peacediff._numberwords import read_number
from peacediff.compare import ParameterChange, compare
from peacediff.figures import duration_days, figure_changes, find_figures
from peacediff.model import Parameter, Provision, Version


def _values(text: str) -> list[tuple[str, float]]:
    return [(f.kind, f.value) for f in find_figures(text)]


def _both_ways(old: str, new: str) -> list[tuple[str, str | None, str | None]]:
    """figure_changes(old, new), checked to be the mirror of figure_changes(new, old)."""
    forward = figure_changes(old, new)
    assert figure_changes(new, old) == [(k, b, a) for k, a, b in forward]
    return forward


# --------------------------------------------------------------------------- number words


@pytest.mark.parametrize(
    ("words", "digits"),
    [
        ("within twenty-five days", "within 25 days"),
        ("within twenty five days", "within 25 days"),
        ("one hundred and twenty days", "120 days"),
        ("one hundred twenty days", "120 days"),
        ("a hundred days", "100 days"),
        ("two hundred days", "200 days"),
        ("two thousand troops", "2,000 troops"),
        ("two thousand and five troops", "2,005 troops"),
        ("six hundred thousand personnel", "600,000 personnel"),
        ("a million people", "1,000,000 people"),
        ("1.5 million people", "1,500,000 people"),
        ("two thousand", "2000"),
        ("seven and a half years", "7.5 years"),
        ("twenty-five per cent", "25%"),
        ("half of the assets", "50% of the assets"),
        ("half the assets", "50% of the assets"),
        ("a third of the territory", "one third of the territory"),
        ("three quarters of the funds", "75% of the funds"),
        ("two-thirds majority", "two thirds majority"),
        ("the thirtieth day", "the 30th day"),
        ("by the twenty-first day", "by the 21st day"),
        ("five hundred million dollars", "USD 500 million"),
        ("twelve km", "12 km"),
    ],
)
def test_numbers_in_words_read_as_the_digits(words: str, digits: str) -> None:
    assert find_figures(words), words
    assert _values(words) == _values(digits)
    assert _both_ways(words, digits) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("within twenty-five days", "within five days", [("duration", "twenty-five days", "five days")]),
        ("two hundred days", "one hundred days", [("duration", "two hundred days", "one hundred days")]),
        ("two hundred days", "100 days", [("duration", "two hundred days", "100 days")]),
        ("a hundred troops", "a thousand troops", [("number", "a hundred troops", "a thousand troops")]),
        ("half of the assets", "a third of the assets", [("percentage", "half", "a third")]),
        ("three quarters of", "two thirds of", [("percentage", "three quarters", "two thirds")]),
        ("on the thirtieth day", "on the sixtieth day", [("duration", "thirtieth day", "sixtieth day")]),
        ("1.5 million people", "2 million people", [("number", "1.5 million people", "2 million people")]),
    ],
)
def test_changed_number_words_are_figure_changes_both_ways(old, new, expected) -> None:
    assert _both_ways(old, new) == expected


def test_a_compound_edit_is_a_modification_with_its_figure_change() -> None:
    a = Version.from_texts("a", ["Forces withdraw within twenty-five days of signing."])
    b = Version.from_texts("b", ["Forces withdraw within five days of signing."])
    for c in (compare(a, b), compare(b, a)):
        (change,) = c.changes
        assert change.kind == "modified"
        (pc,) = change.parameter_changes
        assert pc.name == "duration" and pc.origin == "text"
    assert compare(a, b).changes[0].parameter_changes[0].display() == "Duration: twenty-five days → five days"


@pytest.mark.parametrize(
    "text",
    ["a third party", "the first phase", "one of the parties", "no one shall", "someone", "the second reading",
     "on behalf of", "a quarter", "twenty twelve", "in the second half of the year", "the first quarter of the year",
     "each quarter of the financial year"],
)
def test_words_that_count_nothing_are_no_figures(text: str) -> None:
    assert find_figures(text) == [] or text == "twenty twelve"
    assert _both_ways(text, text.replace("a", "the", 1)) == []


def test_a_lone_small_number_word_only_cancels_its_digits() -> None:
    # "one of the parties" added is no figure change, but "5 parties" → "five parties" is no change either.
    assert _both_ways("The parties agree.", "One of the parties agrees.") == []
    assert _both_ways("The 5 parties agree.", "The five parties agree.") == []
    assert _both_ways("The 5 parties agree.", "The parties agree.") == [("number", "5 parties", None)]



def test_a_number_word_that_counts_members_or_troops_is_a_figure() -> None:
    """"six members" -> "eight members" is a parameter a draft sets, as "6 members" -> "8 members" is;
    "one of the parties" and "the two sides" stay prose."""
    old = "The commission has six members, three appointed by each Party."
    new = "The commission has eight members, four appointed by each Party."
    assert _both_ways(old, new) == [("number", "six members", "eight members")]
    assert _both_ways("Six members sit.", "The members sit.") == [("number", "Six members", None)]
    assert _both_ways("One of the parties agrees.", "The two parties agree.") == []


def test_twenty_twelve_is_not_thirty_two() -> None:
    assert read_number("twenty twelve", 0).value == 20
    assert read_number("two three", 0).value == 2
    assert read_number("ten thousand million", 0).value == 10_000  # scales must fall


# --------------------------------------------------------------------------- digits of every script

_SCRIPTS = {
    "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
    "persian": "۰۱۲۳۴۵۶۷۸۹",
    "devanagari": "०१२३४५६७८९",
    "bengali": "০১২৩৪৫৬৭৮৯",
    "full-width": "０１２３４５６７８９",
}


def _in_script(number: str, digits: str) -> str:
    return number.translate(str.maketrans("0123456789", digits))


@pytest.mark.parametrize("script", sorted(_SCRIPTS))
def test_digits_of_other_scripts_are_the_numbers_they_are(script: str) -> None:
    digits = _SCRIPTS[script]
    for ascii_text in ("within 30 days", "capped at 600000 troops", "a zone of 12 km", "USD 100 billion", "50%"):
        text = _in_script(ascii_text, digits)
        assert _values(text) == _values(ascii_text), text
        assert _both_ways(text, ascii_text) == []
    assert _both_ways(_in_script("within 30 days", digits), "within 45 days") == [
        ("duration", _in_script("30 days", digits), "45 days")
    ]


def test_arabic_separators_and_signs() -> None:
    assert _values("۶۰۰٬۰۰۰ troops") == _values("600,000 troops")
    assert _values("٢٫٥ km") == _values("2.5 km")
    assert _values("٥٠٪") == _values("50%")
    assert _values("１２％") == _values("12%")
    assert _values("600\u202f000 troops") == _values("600,000 troops")
    assert textdiff.tokenize("cap ۶۰۰٬۰۰۰ troops")[2] == "۶۰۰٬۰۰۰"


def test_a_redline_of_non_ascii_digits_renders_in_every_format() -> None:
    a = Version.from_texts("a", ["Forces withdraw within ٣٠ days.", "A cap of ۶۰۰٬۰۰۰ troops.", "१२ km zone."])
    b = Version.from_texts("b", ["Forces withdraw within ٤٥ days.", "A cap of ۸۰۰٬۰۰۰ troops.", "१५ km zone."])
    c = compare(a, b)
    shown = [pc.display() for ch in c.changes for pc in ch.parameter_changes]
    assert shown == ["Duration: ٣٠ days → ٤٥ days", "Number: ۶۰۰٬۰۰۰ troops → ۸۰۰٬۰۰۰ troops",
                     "Distance: १२ km → १५ km"]
    for out in (c.to_text(), c.to_markdown(), c.to_html()):
        assert "۸۰۰٬۰۰۰" in out


_ANY_TEXT = st.lists(
    st.one_of(
        st.characters(whitelist_categories=("Nd", "No", "Zs", "Po", "Sc", "Ll", "Lu")),
        st.sampled_from(list(",.-%٫٬٪， ") + ["twenty", "-five", " hundred", " and ", "a ", "half", " of ", "days",
                                             " km", " million", "first", "USD", "$", "€", " per cent"]),
    ),
    max_size=40,
).map("".join)


#: Words of the figures read from words and periods around them, in any order.
_SAID_TEXT = st.lists(
    st.sampled_from(["midnight", "12", "noon", "twelve", "time", "and", "a", "half", "double", "twice", "the",
                     "year", "four", "day", "30", "00.00", "hours", "5.30", "p.m.", "quarter", "of", "an", "hour",
                     "half-hour", "third", "contract", "school", "years", "more", "further", "working", "days",
                     "thirty", ",", "twenty-one", "weeks", "three", "2026", "month", "Day", "Year", "-", "per cent"]),
    max_size=25,
).map(" ".join)


@given(_SAID_TEXT, _SAID_TEXT)
def test_figures_read_from_words_never_overlap_and_change_symmetrically(old: str, new: str) -> None:
    # "12 month 12" read the second 12 as "month 12", inside the first figure "12 month".
    for text in (old, new):
        spans = [(f.start, f.start + len(f.text)) for f in find_figures(text, include_weak=True)]
        assert all(text[a:b] for a, b in spans)
        assert all(b <= c for (_a, b), (c, _d) in itertools.pairwise(spans)), (text, spans)
    _both_ways(old, new)  # the mirror of the changes read the other way round
    assert figure_changes(old, old) == []


@given(_ANY_TEXT, _ANY_TEXT)
def test_reading_never_raises_on_any_text(old: str, new: str) -> None:
    find_figures(old, include_weak=True)
    ops = textdiff.word_ops(old, new)
    assert figure_changes(old, new, ops=ops) == figure_changes(old, new)
    modality.modality_shifts(old, new, ops=ops)
    a = Version.from_texts("a", [f"Preamble. {old}", "The parties agree."])
    b = Version.from_texts("b", [f"Preamble. {new}", "The parties agree."])
    c = compare(a, b)
    assert c.inverse() == compare(b, a)
    c.to_text()


# --------------------------------------------------------------------------- words and digits agree

_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_WORDS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int, hyphen: bool, use_and: bool, article: bool) -> list[str]:
    """Words for 1..999; ``article`` writes "a hundred" for 100 (only where it opens the number)."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += ["a" if article and hundreds == 1 else _ONES[hundreds], "hundred"]
        if rest and use_and:
            words.append("and")
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        if ones:
            words.append(f"{_TENS_WORDS[tens]}{'-' if hyphen else ' '}{_ONES[ones]}")
        else:
            words.append(_TENS_WORDS[tens])
    elif rest:
        words.append(_ONES[rest])
    return words


def spell(n: int, hyphen: bool = True, use_and: bool = True, article: bool = False) -> str:
    """``n`` in English words, in one of the ways drafts write it."""
    words: list[str] = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        count, n = divmod(n, scale)
        if count:
            words += _below_thousand(count, hyphen, use_and, article and not words) + [name]
    if n:
        if words and n < 100 and use_and:
            words.append("and")
        words += _below_thousand(n, hyphen, use_and, article and not words)
    return " ".join(words)


_UNITS_AFTER = ("days", "years", "troops", "km", "per cent", "")


@given(
    st.integers(1, 999_999_999),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.sampled_from(_UNITS_AFTER),
)
def test_numbers_written_as_words_and_as_digits_read_the_same(n, hyphen, use_and, article, unit) -> None:
    words = f"within {spell(n, hyphen, use_and, article)} {unit}".rstrip()
    digits = f"within {n:,} {unit}".rstrip()
    # A lone small number word is a weak figure (see Figure.weak): compare with weak ones included.
    def read(text: str) -> list[tuple[str, float]]:
        return [(f.kind, f.value) for f in find_figures(text, include_weak=True)]

    assert read(words) == read(digits), (words, digits)
    assert figure_changes(words, digits) == []


@given(st.integers(1, 99_999), st.integers(1, 99_999))
def test_a_changed_number_in_words_is_always_caught(a: int, b: int) -> None:
    old, new = f"within {spell(a)} days", f"within {spell(b)} days"
    changes = _both_ways(old, new)
    assert (changes == []) == (a == b)


# --------------------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("a buffer of 10 km", "a buffer of 12 km", [("distance", "10 km", "12 km")]),
        ("within 3,000 m of the line", "within 5,000 m of the line", [("distance", "3,000 m", "5,000 m")]),
        ("an area of 200 square kilometres", "an area of 250 km²", [("area", "200 square kilometres", "250 km²")]),
        ("USD 800 billion", "USD 900 billion", [("amount", "USD 800 billion", "USD 900 billion")]),
        ("$100bn", "$120bn", [("amount", "$100bn", "$120bn")]),
        ("€200 billion", "EUR 250 billion", [("amount", "€200 billion", "EUR 250 billion")]),
        ("50% of profits", "40 per cent of profits", [("percentage", "50%", "40 per cent")]),
        ("within 100 days", "within 6 months", [("duration", "100 days", "6 months")]),
        ("capped at 600,000 troops", "capped at 800,000 troops", [("number", "600,000 troops", "800,000 troops")]),
        ("5 GW of power", "7 GW of power", [("power", "5 GW", "7 GW")]),
    ],
)
def test_units_stay_with_their_figures(old, new, expected) -> None:
    assert _both_ways(old, new) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("a zone of 3 km", "a zone of 3,000 m"),
        ("USD 800 billion", "$800bn"),
        ("1.5 million", "1,500,000"),
        ("600,000 troops", "600,000 personnel"),  # a change of wording the word diff shows, not of figure
        ("10 hectares", "0.1 km²"),
    ],
)
def test_one_quantity_written_two_ways_is_no_change(a: str, b: str) -> None:
    assert _both_ways(a, b) == []


def test_different_units_of_one_number_are_a_change() -> None:
    assert _both_ways("a zone of 10 km", "a zone of 10 miles") == [("distance", "10 km", "10 miles")]


def test_a_figure_change_reads_alone_with_its_unit() -> None:
    a = Version.from_texts("a", ["A demilitarised zone of 10 km is set up."])
    b = Version.from_texts("b", ["A demilitarised zone of 12 km is set up."])
    (pc,) = compare(a, b).changes[0].parameter_changes
    assert pc.display() == "Distance: 10 km → 12 km"
    assert pc.to_dict()["label"] == "Distance"


# --------------------------------------------------------------------------- split and merge groups


def _p(text: str, number: str, key: str, origins=(), params=(), subpoints=()) -> Provision:
    return Provision(
        number=number, key=key, text=text, origins=origins, subpoints=subpoints,
        parameters=tuple(Parameter(name, value, unit=unit) for name, value, unit in params),
    )


def _v(vid: str, provisions) -> Version:
    return Version(id=vid, title=vid, provisions=tuple(provisions))


def _rows(c) -> list[str]:
    return [pc.display() for ch in c.changes for pc in ch.parameter_changes]


def test_a_split_compares_parameters_across_the_group() -> None:
    whole = _p("Forces withdraw within 21 days and elections follow within 100 days.", "5", "forces",
               params=[("withdrawal_deadline", 21, "days"), ("elections_deadline", 100, "days")])
    troops = _p("Forces withdraw within 21 days.", "5", "forces", params=[("withdrawal_deadline", 21, "days")])
    polls = _p("Elections follow within 100 days.", "6", "elections", origins=("forces",),
               params=[("elections_deadline", 100, "days")])
    old, new = _v("a", [whole]), _v("b", [troops, polls])
    for mode in ("keys", "text"):
        c = compare(old, new, align=mode)
        assert [ch.kind for ch in c.changes] == ["split"]
        assert _rows(c) == []
        assert _rows(compare(new, old, align=mode)) == []


def test_a_figure_declared_only_where_it_moved_is_no_change() -> None:
    # The whole states "21 days" in its text; one part declares it as a parameter.
    whole = _p("Forces withdraw within 21 days and elections follow.", "5", "forces")
    troops = _p("Forces withdraw within 21 days.", "5", "forces", params=[("withdrawal_deadline", 21, "days")])
    polls = _p("Elections follow.", "6", "elections", origins=("forces",))
    c = compare(_v("a", [whole]), _v("b", [troops, polls]))
    assert c.changes[0].kind == "split"
    assert _rows(c) == [] and _rows(c.inverse()) == []


def test_a_declared_figure_the_other_side_states_differently_is_a_change() -> None:
    whole = _p("Forces withdraw within 30 days and elections follow.", "5", "forces")
    troops = _p("Forces withdraw within 21 days.", "5", "forces", params=[("withdrawal_deadline", 21, "days")])
    polls = _p("Elections follow.", "6", "elections", origins=("forces",))
    c = compare(_v("a", [whole]), _v("b", [troops, polls]))
    # The part declares 21 days; the figure the whole stated is gone from the text.
    assert _rows(c) == ["Withdrawal deadline: (none) → 21 days", "Duration: 30 days → (none)"]
    assert c.inverse() == compare(_v("b", [troops, polls]), _v("a", [whole]))


def test_a_merge_whose_parts_disagree_shows_both_values() -> None:
    first = _p("Troops withdraw within 21 days.", "5", "troops", params=[("deadline", 21, "days")])
    second = _p("Heavy arms withdraw within 30 days.", "6", "arms", params=[("deadline", 30, "days")])
    merged = _p("Troops and heavy arms withdraw within 21 days.", "5", "troops", origins=("arms",),
                params=[("deadline", 21, "days")])
    c = compare(_v("a", [first, second]), _v("b", [merged]))
    assert c.changes[0].kind == "merged"
    assert _rows(c) == ["Deadline: 21 days; 30 days → 21 days"]


def test_a_figure_moved_between_the_sub_points_of_a_split_is_no_change() -> None:
    whole = _p("Security and politics:", "5", "sec", subpoints=(
        _p("Troops withdraw within 21 days.", "a", None), _p("Elections within 100 days.", "b", None)))
    security = _p("Security:", "5", "sec", subpoints=(_p("Troops withdraw within 21 days.", "a", None),))
    politics = _p("Politics:", "6", "pol", origins=("sec",), subpoints=(_p("Elections within 100 days.", "a", None),))
    c = compare(_v("a", [whole]), _v("b", [security, politics]))
    assert c.changes[0].kind == "split"
    assert _rows(c) == []
    assert all(not s.parameter_changes for s in c.changes[0].subchanges)


# --------------------------------------------------------------------------- labels


def test_labels_read_as_a_person_writes_them() -> None:
    assert humanize("ua_proposal") == "Ukraine's proposal"
    assert humanize("non_aggression_parties") == "Parties to the non-aggression pact"
    assert humanize("article5_like") == "Article 5-like guarantee"
    assert humanize("us_profit_share") == "U.S. profit share"
    assert humanize("znpp_output_split") == "ZNPP output split"
    # The generic rules, for names not in the table:
    assert humanize("non_aggression_zone") == "Non-aggression zone"
    assert humanize("nato_like_clause") == "NATO-like clause"
    assert humanize("co_chair") == "Co-chair"


def test_a_parameter_change_read_alone_names_its_parameter() -> None:
    pc = ParameterChange("ua_proposal", None, "US-Ukraine JV 50/50")
    assert pc.display() == "Ukraine's proposal: (none) → US-Ukraine JV 50/50"
    assert pc.display(label=False) == "(none) → US-Ukraine JV 50/50"
    assert pc.to_dict()["label"] == "Ukraine's proposal"
    assert pc.inverse().label == pc.label


# Short words a label may hold; any other word of one or two letters is an abbreviation left unspelt ("Ua").
_SHORT_WORDS = {"of", "in", "to", "by", "on", "as", "at", "or", "if", "no", "an", "a", "is", "be", "up", "EU", "UN",
                "UK", "AI", "G7", "G8", "%", "de"}


def test_every_bundled_parameter_name_reads_well() -> None:
    names = {prm.name for v in peacediff.versions() for p in v.provisions for prm in p.iter_parameters()}
    names |= {v.parameter for v in peacediff.variants() if getattr(v, "parameter", None)}
    assert names
    for name in sorted(names):
        label = humanize(name)
        assert "_" not in label and label[:1].isupper(), (name, label)
        odd = [w for w in label.replace("-", " ").split()
               if len(w) <= 2 and w not in _SHORT_WORDS and not w.isdigit()]
        assert not odd, (name, label, odd)


# --------------------------------------------------------------------------- signs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vaccines are stored below −5 degrees.", [("number", -5.0)]),  # U+2212
        ("Output may change by -2% a year.", [("percentage", -2.0)]),
        ("a balance of (-5)", [("number", -5.0)]),
        ("a deficit of −$5 million", [("amount", -5_000_000.0)]),
        ("between 5 and -5", [("number", 5.0), ("number", -5.0)]),
        # Not signs: a range, names holding a number, a range spaced unevenly, a list dash.
        ("sectors 5-10", [("number", 5.0), ("number", 10.0)]),
        ("the COVID-19 rules", [("number", 19.0)]),
        ("Zone-5 closes", [("number", 5.0)]),
        ("pages 3 -5", [("number", 3.0), ("number", 5.0)]),
        ("- 5 km from the line", [("distance", 5000.0)]),
        # Durations and dates take no sign.
        ("T-30 days", [("duration", 30.0)]),
        ("on 2026-05-01", [("date", 20260501.0)]),
    ],
)
def test_a_minus_sign_is_part_of_its_figure(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize("minus", ["\u2212", "-"])
def test_a_sign_dropped_or_added_is_a_figure_change(minus: str) -> None:
    """"below −5 degrees" -> "below 5 degrees" inverts a storage rule: it is reported, both ways."""
    old, new = f"Storage below {minus}5 degrees is required.", "Storage below 5 degrees is required."
    assert _both_ways(old, new) == [("number", f"{minus}5", "5")]
    # The two ways of writing the minus are one figure.
    assert _both_ways("Storage below \u22125 degrees.", "Storage below -5 degrees.") == []
    c = compare(Version.from_texts("a", [old]), Version.from_texts("b", [new]), align="text")
    (ch,) = c.changes
    assert ch.kind == "modified"
    assert [(p.old, p.new) for p in ch.parameter_changes] == [(f"{minus}5", "5")]


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["\u2212", "-"]),
       st.sampled_from(["", " ", "(", "at "]))
def test_a_signed_figure_reads_as_its_negative(n: int, minus: str, before: str) -> None:
    (figure,) = find_figures(f"{before}{minus}{n}")
    assert figure.value == -n and figure.text == f"{minus}{n}"


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vessels of 12 to under 18 metres", [("distance", 12.0), ("distance", 18.0)]),
        ("between 100 and 200 metres", [("distance", 100.0), ("distance", 200.0)]),
        ("a corridor of 12-18 km", [("distance", 12000.0), ("distance", 18000.0)]),
        ("within two to three years", [("duration", 730.0), ("duration", 1095.0)]),
        ("10 to 20 % of the quota", [("percentage", 10.0), ("percentage", 20.0)]),
        ("5 or 10 years", [("duration", 1825.0), ("duration", 3650.0)]),
        # A scale word of the closing bound counts for both.
        ("10 to 20 million hectares", [("area", 1e5), ("area", 2e5)]),
        # Counted things and sums keep their own reading: the bare number is already the figure.
        ("from 600,000 to 800,000 troops", [("number", 600000.0), ("number", 800000.0)]),
        # No range: a label and a period in other words.
        ("Route 3: a bus every 10 minutes", [("number", 3.0), ("duration", duration_days(10, "minutes"))]),
        ("point 3, within 40 days", [("duration", 40.0)]),
    ],
)
def test_a_bare_number_opening_a_range_takes_the_closing_unit(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(text) == expected


def test_the_opening_bound_keeps_its_text_as_written() -> None:
    first, second = find_figures("vessels of 12 to under 18 metres")
    assert (first.text, first.unit, first.raw) == ("12", "m", 12.0)
    assert (second.text, second.unit) == ("18 metres", "m")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Vessels of 12 to under 18 metres pay a fee of 40 euros a year.",
         "Vessels from 12 metres up to but not including 18 metres pay a fee of 40 euros a year."),
        ("Leave of two to three years is granted.", "Leave of two years to three years is granted."),
        ("Between 100 and 200 metres from the line.", "From 100 metres to 200 metres from the line."),
    ],
)
def test_a_reworded_range_is_no_figure_change(old: str, new: str) -> None:
    # The start code read "12" as a bare number and "12 metres" as a distance: a number
    # dropped and a distance added, though the range is the same.
    assert _both_ways(old, new) == []
    change = compare(Version.from_texts("a", [old]), Version.from_texts("b", [new])).changes[0]
    assert change.kind == "modified"
    assert change.parameter_changes == ()


def test_a_changed_range_bound_is_a_change_of_its_measure() -> None:
    assert _both_ways("vessels of 12 to under 18 metres", "vessels of 15 to under 18 metres") == [
        ("distance", "12", "15")
    ]
    # Only the near-change screen reads the text, up to the last change: the closing bound
    # past it still gives the opening one its unit.
    long_tail = " and the rest of the clause runs on without any figure in it at all"
    assert figure_changes("from 12 to 18 km" + long_tail, "from 12 to 18 km" + long_tail.replace("rest", "remainder"),
                          ops=textdiff.diff_words("from 12 to 18 km" + long_tail,
                                                  "from 12 to 18 km" + long_tail.replace("rest", "remainder"))[0]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 31-hectare stacking yard", [("area", 0.31)]),
        ("a 12-metre vessel", [("distance", 12.0)]),
        ("a 10-km exclusion zone", [("distance", 10000.0)]),
        ("a five-kilometre buffer", [("distance", 5000.0)]),
        ("a 600-megawatt plant", [("power", 600.0)]),
        ("a 100-metre-wide strip", [("distance", 100.0)]),
    ],
)
def test_a_measure_joined_to_its_number_by_a_hyphen(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(text) == expected


def test_a_measure_turned_into_a_compound_adjective_is_no_figure_change() -> None:
    # The start code read "31-hectare" as the bare number 31: "Area: 31 hectares → (none)" and
    # "Number: (none) → 31", though the yard is as large as before.
    old = "The lease covers the stacking yard of 31 hectares next to berth 4."
    new = "The lease covers the 31-hectare stacking yard next to berth 4."
    assert _both_ways(old, new) == []
    assert _both_ways(old, new.replace("31-hectare", "35-hectare")) == [("area", "31 hectares", "35-hectare")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 20 working days", [("duration", 20.0, "working days")]),
        ("5 business days in advance", [("duration", 5.0, "working days")]),
        ("on the fifth Business Day after closing", [("duration", 5.0, "working days")]),
        ("within 10 calendar days", [("duration", 10.0, "days")]),
        ("for 12 consecutive hours", [("duration", 0.5, "days")]),
        ("within thirty (30) days", [("duration", 30.0, "days")]),
        # The start code read these as calendar days and as the number "four school".
        ("within 20 further working days", [("duration", 20.0, "working days")]),
        ("lasts four school years", [("duration", duration_days(4, "years"), "days")]),
        ("for two more school years", [("duration", duration_days(2, "years"), "days")]),
        ("by the third contract year", [("duration", duration_days(3, "years"), "days")]),
        ("within three (3) business days", [("duration", 3.0, "working days")]),
        ("ten (10) per cent", [("percentage", 10.0, "percent")]),
        ("updated every 15 minutes", [("duration", duration_days(15, "minutes"), "days")]),
    ],
)
def test_periods_as_contracts_write_them(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.kind, f.value, f.unit) for f in find_figures(text)] == expected


def test_working_days_and_calendar_days_are_two_figures() -> None:
    assert _both_ways("decide within 30 days", "decide within 20 working days") == [
        ("duration", "30 days", "20 working days")
    ]
    assert _both_ways("pay within 10 days", "pay within 10 business days") == [
        ("duration", "10 days", "10 business days")
    ]
    # The start code read "seven (7) days" as two numbers and "3 working days" as a number.
    assert _both_ways("released seven (7) days after receipt", "released 3 working days after receipt") == [
        ("duration", "seven (7) days", "3 working days")
    ]


@pytest.mark.parametrize(
    "text",
    ["Sections 23 and 24 apply.", "Articles 5, 6 and 9 apply.", "clauses 4 to 7 apply.",
     "Section 21(b) or 22(c) applies."],
)
def test_later_numbers_of_a_list_of_labels_are_labels(text: str) -> None:
    assert find_figures(text) == []


def test_a_list_of_labels_does_not_swallow_a_quantity() -> None:
    assert _values("Article 5 and 600,000 troops") == [("number", 600000.0)]
    assert _values("Articles 5 and 12 members") == [("number", 12.0)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A repeated figure loses its unit the second time.
        ("Full pay for the first 100 working days and half pay for the following 100 working days.",
         "Full pay for up to 100 working days and then half pay for up to another 100."),
        # The unit moves into a compound.
        ("The voting age will be lowered to 16.", "Sixteen-year-olds will be allowed to vote."),
    ],
)
def test_a_figure_whose_unit_is_left_out_is_the_same_figure(old: str, new: str) -> None:
    assert _both_ways(old, new) == []


def test_a_bare_number_does_not_hide_a_change_of_its_own_kind() -> None:
    # "5" (minutes, new) shares its digits with "5 years" (old), whose partner is "7 years".
    assert _both_ways("Readings: every 15 units; kept for 5 years.", "Readings: every 5 units; kept for 7 years.") == [
        ("duration", "5 years", "7 years"),
        ("number", "15", "5"),
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("issue its findings within 7 days of the report", "reach its conclusions within a week"),
        ("export the data for a period of 30 days", "you will have a month to download your data"),
        ("report any accident within 24 hours", "report any accident within a day"),
        ("respond within one hour", "answer within an hour"),
        ("renewed for successive periods of one year", "then rolls over a year at a time"),
    ],
)
def test_one_period_written_with_an_article_is_that_period(old: str, new: str) -> None:
    # The start code read no figure in "within a week": "Duration: 7 days → (none)".
    assert _both_ways(old, new) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("royalties rise from the fourth year of the term", "From year four onwards, royalties rise"),
        ("enters into force on the thirtieth day after ratification", "enters into force on day 30 after ratification"),
        ("reviewed in the second month", "reviewed in Month 2"),
        ("the first year is free", "year one is free"),
        ("electric by the end of the third contract year", "electric by the close of year three"),
        ("cut by the end of the second financial year", "cut by the end of year 2"),
    ],
)
def test_a_period_numbered_after_its_word_is_the_ordinal_period(old: str, new: str) -> None:
    # The start code read "year four" as a bare 4 and reported "Duration: fourth year → (none)".
    assert _both_ways(old, new) == []


def test_a_numbered_period_that_changes_is_a_period_change() -> None:
    assert _both_ways("from year four onwards", "from year six onwards") == [("duration", "year four", "year six")]
    assert _both_ways("by the thirtieth day", "by day 45") == [("duration", "thirtieth day", "day 45")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the budget for year 2026", [("number", 2026.0)]),  # a calendar year, not 2,026 years
        ("fiscal year 1999 accounts", [("number", 1999.0)]),
        ("on day 2.5 of the trial", [("number", 2.5)]),  # no period is numbered in halves
        ("the 30 years after day 4", [("duration", duration_days(30, "years")), ("duration", 4.0)]),
    ],
)
def test_only_a_whole_count_after_a_period_word_numbers_it(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("each period of fifteen minutes or part thereof", "every quarter of an hour, or part of one"),
        ("paid as overtime at one and a half times the pro rata rate", "is paid at time and a half"),
        ("remunerated at twice the basic hourly rate", "paid at double time"),
        ("thirty days of leave, of which at least twenty-one in the summer recess",
         "thirty days off, and at least three weeks of them in the summer break"),
    ],
)
def test_a_rate_or_period_reworded_as_people_say_it_is_the_same_figure(old: str, new: str) -> None:
    # The start code read "Duration: fifteen minutes → (none)", "Number: one and a half → (none)",
    # "Number: (none) → double time" and "Number: twenty-one → (none)" in a redrafted orchestra
    # agreement and a nurses' agreement.
    assert _both_ways(old, new) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("respond within 3 days", "respond within 72 hrs"),
        ("a term of 36 months", "a term of 3 yrs"),
        ("a break of a quarter of an hour", "a 15 mins break"),
        ("a cap of 600,000 troops", "a cap of 600 000 troops"),
        ("EUR 1,200,000 a year", "EUR 1 200 000 a year"),
        ("by a two-thirds majority", "by a 2/3 majority"),
        ("a third of the territory", "1/3 of the territory"),
        ("an army of up to 600,000 troops", "an army of up to 600k troops"),
        ("a grant of USD 600,000", "a grant of $600k"),
        ("a cut of 10 per cent", "a cut of 10 pct"),
    ],
)
def test_a_figure_written_as_schedules_and_european_drafts_write_it_is_that_figure(old: str, new: str) -> None:
    # The start code read "72 hrs" as the number 72, "600 000 troops" as 600 and "000 troops" (0),
    # and "2/3" as the numbers 2 and 3.
    assert _both_ways(old, new) == []


def test_spaced_groups_and_digit_shares_that_change_are_changes() -> None:
    assert _both_ways("a cap of 600 000 troops", "a cap of 800 000 troops") == [
        ("number", "600 000 troops", "800 000 troops")
    ]
    assert _both_ways("by a 2/3 majority", "by a 3/4 majority") == [("percentage", "2/3", "3/4")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the codes 1 2 3", [("number", 1.0), ("number", 2.0), ("number", 3.0)]),  # no groups of three
        ("signed on 2/3/2026", [("number", 2.0), ("number", 3.0), ("number", 2026.0)]),  # a date, no share
        ("a 24/7 service", [("number", 24.0), ("number", 7.0)]),
        ("in 2026 100 000 troops", [("number", 2026.0), ("number", 100000.0)]),  # a year groups nothing
    ],
)
def test_what_looks_like_a_group_or_a_share_and_is_none(text: str, expected: list[tuple[str, float]]) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("a force of 500,000 troops", "a force of half a million troops"),
        ("1.5 million people", "one and a half million people"),
        ("EUR 2.5 billion", "two and a half billion euros"),
        ("250,000 tonnes", "a quarter of a million tonnes"),
        ("1,500,000 people", "one million and a half people"),
    ],
)
def test_a_part_of_a_scale_in_words_is_that_number(old: str, new: str) -> None:
    # The start code read "half a million" as a million, "one and a half million" as 1.5 and
    # "two and a half billion euros" as the number 2.5.
    assert _both_ways(old, new) == []


def test_a_decimal_is_read_whole_or_not_at_all() -> None:
    # The start code read "a 1.5m wall" and "1.5m people" as the number 1; "m" glued to a number
    # is metres or millions, so neither is read, but "bn" is a scale.
    assert _values("a 1.5m wall") == []
    assert _values("1.5m people") == []
    assert _values("1.5bn euros") == [("amount", 1.5e9)]
    assert _values("2.5 bn people") == [("number", 2.5e9)]
    assert _values("USD 1.5m") == [("amount", 1.5e6)]
    assert _values("a 1.5 m wall") == [("distance", 1.5)]


def test_a_count_of_times_in_words_only_cancels_its_digits() -> None:
    # The start code read "Number: 2 → (none)" in a redrafted framework agreement.
    assert _both_ways("may be extended by the Authority for up to 2 further periods of 12 months each",
                      "The Buyer may extend it twice, by twelve months at a time.") == []
    (twice,) = find_figures("may extend it twice", include_weak=True)
    assert (twice.value, twice.weak) == (2.0, True)
    assert find_figures("may extend it twice") == []  # never reported alone


def test_an_overtime_rate_that_changes_is_a_figure_change() -> None:
    assert _both_ways("paid at time and a half", "paid at double time") == [
        ("number", "time and a half", "double time")
    ]
    assert _both_ways("paid at twice the hourly rate", "paid at time and a half") == [
        ("number", "twice", "time and a half")
    ]


@pytest.mark.parametrize(
    "text", ["audited twice a year", "in each quarter of the financial year", "the Old Quarter", "full-time staff"]
)
def test_words_near_a_rate_or_a_part_that_state_none_are_no_figures(text: str) -> None:
    assert find_figures(text, include_weak=True) == []


def test_a_bare_number_takes_the_unit_before_it_only_to_cancel_its_equal() -> None:
    # Twenty-one days are not two weeks: both stay, as they were.
    assert _both_ways("thirty days of leave, of which twenty-one in summer",
                      "thirty days of leave, of which two weeks in summer") == [
        ("duration", None, "two weeks"),
        ("number", "twenty-one", None),
    ]


@pytest.mark.parametrize("text", ["audited once a year", "three times a week", "staffed 24 hours a day",
                                  "a fee per year", "a weekly report"])
def test_a_frequency_is_no_period(text: str) -> None:
    assert not [f for f in find_figures(text, include_weak=True) if f.text.lower().startswith(("a ", "an "))]


def test_one_period_is_weak_it_cancels_but_is_never_reported_alone() -> None:
    (week,) = find_figures("within a week", include_weak=True)
    assert (week.kind, week.value, week.weak) == ("duration", 7, True)
    assert find_figures("within a week") == []
    assert _both_ways("within 14 days", "within a week") == [("duration", "14 days", None)]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("take effect at 06:00 hours local time", 360.0),
        ("order cut-off 15:00.", 900.0),
        ("at 10:00 a.m. local time", 600.0),
        ("by 6 p.m. on Friday", 1080.0),
        ("the crossing opens at 14h30", 870.0),
        ("at 12 a.m.", 0.0),
        # The start code read "00.00 hours" as a period of no hours and "midnight" as nothing.
        ("shall take effect at 00.00 hours on", 0.0),
        ("closes at 5.30 p.m. daily", 1050.0),
        ("from 18.30 hrs", 1110.0),
        ("from midnight at the start of the day", 0.0),
        ("opens at 12 noon", 720.0),
        ("until midday on Friday", 720.0),
    ],
)
def test_a_time_of_day_is_one_figure(text: str, minutes: float) -> None:
    # The start code read "06:00 hours" as the number 6 and a period of "00 hours".
    (figure,) = find_figures(text)
    assert (figure.kind, figure.value) == ("time", minutes)


@pytest.mark.parametrize("text", ["a ratio of 1:4 nurses to patients", "see Article 3:2", "a fee of 18.30"])
def test_a_ratio_or_a_reference_is_no_time(text: str) -> None:
    assert all(f.kind != "time" for f in find_figures(text))


def test_a_ceasefire_hour_said_in_words_is_the_same_hour() -> None:
    assert _both_ways("A ceasefire takes effect at 00.00 hours on the third day after signature.",
                      "From midnight at the start of the third day following signature, a ceasefire holds.") == []
    assert _both_ways("opens from 06:00 to 12:00", "opens from 6 a.m. until noon") == []
    assert _both_ways("at 00:00 hours", "at noon") == [("time", "00:00 hours", "noon")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("an unpaid meal break of 30 minutes", "a half-hour meal break, which is unpaid"),
        ("two paid rest breaks of 15 minutes each", "two paid breaks of a quarter-hour each"),
        ("a session of twelve hours", "a half-day session"),
    ],
)
def test_a_period_written_as_a_compound_fraction_is_that_period(old: str, new: str) -> None:
    assert _both_ways(old, new) == []


def test_a_changed_opening_time_is_reported_as_a_time() -> None:
    assert _both_ways("order cut-off 15:00.", "order cut-off 11:00 and 16:00.") == [
        ("time", "15:00", "11:00"),
        ("time", None, "16:00"),
    ]
    assert _both_ways("Hostilities cease at 00:00 local time.", "Hostilities cease at 06:00 hours local time.") == [
        ("time", "00:00", "06:00 hours")
    ]


def test_periods_in_other_units_are_the_same_period() -> None:
    # A sixtieth and a twenty-fourth have no exact float: the start of this round read "1 hour"
    # and "60 minutes" as two periods.
    assert _both_ways("within 1 hour", "within 60 minutes") == []
    assert _both_ways("within 48 hours", "within 2,880 minutes") == []
    assert _both_ways("30 minutes", "0.5 hours") == []
    assert _both_ways("within half a day", "within one day") == [("duration", "half a day", "one day")]


def test_a_weak_period_meets_its_like_before_it_cancels_a_figure() -> None:
    assert _both_ways("within a month of signature, with 30 days' notice",
                      "within a month of signature, with 45 days' notice") == [("duration", "30 days", "45 days")]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # "and" / "or" join two figures as often as two bounds: a year never opens a range.
        ("40 per cent by 2030 and 60 per cent by 2040", "40 per cent by 2032 and 60 per cent by 2040",
         [("number", "2030", "2032")]),
        # A falling pair joined by "and" is two figures.
        ("cap of 30 and 20 days", "cap of 30 and 25 days", [("duration", "20 days", "25 days")]),
    ],
)
def test_what_is_no_range(old: str, new: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _both_ways(old, new) == expected


@pytest.mark.parametrize("text", ["a ratio of 1:10", "a map at a scale of 1:50,000", "24:59"])
def test_a_ratio_a_scale_or_no_hour_is_no_time(text: str) -> None:
    assert all(f.kind != "time" for f in find_figures(text))


def test_one_digit_times_need_a_word_that_says_so() -> None:
    assert [f.kind for f in find_figures("at 6:30")] == ["time"]
    assert [f.kind for f in find_figures("6:30 a.m.")] == ["time"]
    assert _both_ways("from 9 a.m. to 5 p.m.", "from 9 to 5 p.m.") == []
    # Upper case where lower-casing changes the text's length ("İ"): the same reading.
    assert _both_ways("at 6 PM in İstanbul", "at 6 PM in Istanbul") == []


def test_digits_after_number_words_count() -> None:
    assert _both_ways("a Commission of seven (7)", "a Commission of nine (9)") == [("number", "seven (7)", "nine (9)")]
    # Digits that say another number are a figure of their own.
    assert _both_ways("within thirty (30) days", "within thirty (45) days") == [
        ("duration", "thirty (30) days", None), ("number", None, "45")]


def test_a_number_after_a_label_is_a_label_only_within_the_list() -> None:
    assert _both_ways("raise the limit in paragraph 2 to 500", "raise the limit in paragraph 2 to 600") == [
        ("number", "500", "600")]


@pytest.mark.parametrize(
    ("text", "days"),
    [("thirty paid days off", 30.0), ("extended by two further months", 60.0), ("for 10 more years", 3650.0),
     ("three additional weeks", 21.0)],
)
def test_a_word_between_a_number_and_its_period_keeps_the_period(text: str, days: float) -> None:
    # The start code read "two further months" as the bare number 2.
    assert [(f.kind, f.value) for f in find_figures(text)] == [("duration", days)]


def test_twelve_months_are_a_year() -> None:
    # A month counts 30 days ("within 30 days" / "within a month"), so twelve of them made 360
    # days: "Duration: 12 months → one year" in a redrafted water treaty.
    assert _both_ways("for a term of 12 months", "for a term of one year") == []
    assert _both_ways("within twenty-four months", "within two years") == []
    assert _both_ways("within 30 days", "within a month") == []
    assert _both_ways("within 6 months", "within one year") == [("duration", "6 months", "one year")]


def test_a_fortnight_and_a_decade_are_periods() -> None:
    assert _both_ways("within 14 days of the request", "within a fortnight of the request") == []
    assert _both_ways("for 10 years", "for a decade") == []
    assert _both_ways("within two fortnights", "within three weeks") == [("duration", "two fortnights", "three weeks")]
    # A frequency is none.
    assert find_figures("reports every fortnight", include_weak=True) == []
