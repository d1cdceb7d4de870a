"""A possible match says what its pair has in common (rival plans word one topic differently)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import peacediff
from peacediff import AlignConfig, Version, compare
from peacediff import _lexical as lexical
from peacediff._hints import CONCEPT_LABELS, readable_marks, with_labels
from peacediff.render import render_html, render_markdown, render_text

SCHEMA = json.loads((Path(__file__).parent.parent / "docs/schema/comparison.json").read_text(encoding="utf-8"))

# Two made-up water treaties for one river: no point is a mark-up of another.
_OLD = ["The river authority releases at least 40 cubic metres a second at the Kessel weir in summer.",
        "The armed forces of both states withdraw 20 kilometres from the Orvan valley.",
        "A joint commission meets every month to review the flow records.",
        "Disputes go to the Permanent Court of Arbitration.",
        "Fishing rights in the lower Orvan are shared equally between the two states."]
_NEW = ["Each state may station no more than 300 troops in the border districts.",
        "Flow at Kessel may not fall below 35 cubic metres a second between June and September.",
        "The states settle any disagreement by negotiation first, then by arbitration in The Hague.",
        "Licences to fish downstream of Marrow Bridge are issued by each state for its own bank.",
        "Both states publish their water records on a common website."]


def _rival() -> peacediff.Comparison:
    return compare(Version.from_texts("upstream", _OLD), Version.from_texts("downstream", _NEW))


def _hint_of(c: peacediff.Comparison, needle: str) -> peacediff.PossibleMatch:
    ch = next(ch for ch in c.changes if needle in (ch.old_text if ch.old else ch.new_text))
    assert ch.possible_match is not None, needle
    return ch.possible_match


def test_a_hint_names_the_words_both_provisions_use_as_the_text_writes_them():
    c = _rival()
    weir = _hint_of(c, "Kessel weir")
    assert weir.provision.full_text.startswith("Flow at Kessel")
    assert set(weir.shared) == {"Kessel", "cubic", "metres", "second"}  # as written: "Kessel", not "kessel"
    # Each side writes its own form of a shared stem.
    assert _hint_of(c, "Fishing rights").shared == ("Fishing",)
    assert _hint_of(c, "Licences to fish").shared == ("fish",)


def test_a_shared_concept_in_other_words_is_named():
    """"armed forces" and "troops" share no word; both express the armed forces."""
    c = _rival()
    assert _hint_of(c, "armed forces of both states").shared == ("armed forces",)
    assert _hint_of(c, "300 troops").shared == ("armed forces",)


def test_function_words_figures_and_common_words_are_not_evidence():
    for ch in _rival().changes:
        pm = ch.possible_match
        if pm is None:
            continue
        for word in pm.shared:
            assert word in CONCEPT_LABELS.values() or not (word.lower() in lexical.FUNCTION_WORDS or word[0].isdigit())
            assert word.lower() not in {"the", "states", "state", "of"}  # in most provisions of both


def test_the_evidence_survives_the_other_direction_and_json():
    c = _rival()
    assert compare(c.new, c.old) == c.inverse()
    data = c.to_dict()
    jsonschema.validate(data, SCHEMA)
    listed = [set(ch["possible_match"]["shared"]) for ch in data["changes"] if ch["possible_match"]]
    assert {"Kessel", "cubic", "metres", "second"} in listed
    assert {"armed forces"} in listed


def test_views_say_what_the_pair_has_in_common():
    c = _rival()
    md = render_markdown(c)
    assert re.search(r"Possible match: new point 2 \(score 0\.\d\d, similarity \d+%\), not linked; in common: "
                     r"[^\n]*Kessel", md)
    assert "in common: armed forces" in md
    text = render_text(c)
    assert "in common: armed forces" in text
    html = render_html(c)
    assert "In common: <q>armed forces</q>" in html
    assert re.search(r"its score 0\.\d\d is below the bar for linking \(similarity \d+%\)\. In common: .*<q>Kessel</q>",
                     html)


def test_a_hint_with_nothing_distinctive_in_common_names_nothing():
    c = compare(Version.from_texts("a", ["The parties shall meet in the spring.", "Fees are due on request."]),
                Version.from_texts("b", ["The parties shall report in the autumn.", "Audits take place yearly."]))
    for ch in c.changes:
        if ch.possible_match is not None:
            assert all(w.lower() not in {"the", "parties", "shall", "in"} for w in ch.possible_match.shared)
    assert "in common: the" not in render_markdown(c)


def test_readable_marks_keeps_the_order_given_and_the_first_spelling():
    text = "Sanctions on Moscow are eased; the sanctions committee (Sanctions Board) reports."
    stems = [lexical.stem(w) for w in ("sanctions", "moscow", "committee")]
    assert readable_marks(text, (stems[1], stems[0], "~sanction", "~lift")) == ("Moscow", "Sanctions", "lifting")
    assert readable_marks(text, ("zaporizhzhia", stems[2])) == ("committee",)  # a mark the text lacks is left out
    assert readable_marks(text, ()) == ()


@pytest.mark.parametrize("concept", sorted({p.concept.strip() for p in lexical._PHRASES}
                                           | set(lexical._CONCEPT_WORDS.values())))
def test_every_drafting_concept_has_a_label(concept):
    assert CONCEPT_LABELS.get(concept), f"add a reader's label for {concept} to peacediff/_hints.py"


def test_readable_marks_finds_a_word_that_lower_casing_splits():
    # "İ" lower-cases to "i" and a combining dot, which is no word character: the aligner reads
    # "İzmir" as the words "i" and "zmir".  The view still shows the word as written.
    stems = lexical.stem_counts(lexical.words("Talks resume in İzmir."))
    assert "zmir" in stems
    assert readable_marks("Talks resume in İzmir.", ("zmir",)) == ("İzmir",)


def test_hints_hold_in_unusual_scripts_and_marks():
    old = Version.from_texts("a", ["Переговоры в Стамбуле продолжаются.", "Der Waffenstillstand gilt ab Montag.",
                                   "L'accord entre en vigueur à la signature."])
    new = Version.from_texts("b", ["Стамбул: переговоры возобновлены.", "Ab Montag schweigen die Waffen.",
                                   "İzmir hosts the next round."])
    c = compare(old, new)
    assert compare(new, old) == c.inverse()
    for ch in c.changes:
        if ch.possible_match is not None:
            assert all(w in (ch.old_text if ch.old else ch.new_text) or w in CONCEPT_LABELS.values()
                       for w in ch.possible_match.shared)
    jsonschema.validate(c.to_dict(), SCHEMA)


def test_a_hint_that_shares_nothing_distinctive_is_not_offered():
    """A possible match resting on common words alone is noise: the 28 points' "NATO membership for
    Ukraine is ruled out" has nothing to do with the framework's "The framework runs for 10 years"."""
    versions = {v.id: v for v in peacediff.versions()}
    old, new = versions["us-russia-28"], versions["us-sg-framework"]
    kept = compare(old, new)
    offered = compare(old, new, config=AlignConfig(possible_min_shared=0))
    assert [ch.kind for ch in kept.changes] == [ch.kind for ch in offered.changes]  # hints only

    def nato(c: peacediff.Comparison) -> peacediff.Change:
        return next(ch for ch in c.changes if ch.old and ch.old[0].number == "7" and not ch.new)

    noise = nato(offered).possible_match
    assert noise is not None and noise.shared == () and noise.provision.full_text.startswith("The framework runs")
    assert nato(kept).possible_match is None
    assert all(ch.possible_match.shared for ch in kept.changes if ch.possible_match is not None)
    passes = kept.to_dict()["alignment"]["passes"]["possible-match"]
    assert passes == sum(1 for ch in kept.changes if ch.possible_match is not None) < sum(
        1 for ch in offered.changes if ch.possible_match is not None)


def test_the_next_candidate_with_something_in_common_is_offered_instead():
    """The 28 points' point 3 (Russia shall not invade its neighbours) is closest by cosine to a
    European point it shares only common words with; the hint goes to the best candidate that
    has a content word in common."""
    versions = {v.id: v for v in peacediff.versions()}
    old, new = versions["us-russia-28"], versions["eu-telegraph-24"]

    def hint(config: AlignConfig) -> peacediff.PossibleMatch:
        ch = next(ch for ch in compare(old, new, config=config).changes
                  if ch.old and ch.old[0].number == "3" and not ch.new)
        assert ch.possible_match is not None
        return ch.possible_match

    bare, kept = hint(AlignConfig(possible_min_shared=0)), hint(AlignConfig())
    assert bare.shared == () and kept.shared
    assert kept.provision is not bare.provision
    assert kept.link_score is not None and bare.link_score is not None and kept.link_score <= bare.link_score


def test_a_hint_on_a_concept_alone_shows_no_zero_score():
    """A union's demand and an employer's offer on pay share no word, only a concept ("rise" /
    "increase"): the hint is offered on it, and the views do not print "score 0.00"."""
    union = Version.from_texts("union", ["All staff receive a pay rise of 6% from 1 January.",
                                         "The working week is cut to 35 hours without loss of pay.",
                                         "Overtime is paid at double time on weekends."])
    employer = Version.from_texts("employer", ["Wages increase by 3% in April and a further 2% next year.",
                                               "Weekly hours stay at 37.5, with a pilot of a four-day week.",
                                               "Weekend shifts attract a supplement of 50%."])
    c = compare(union, employer)
    pay = next(ch for ch in c.changes if ch.old and "pay rise" in ch.old_text)
    assert pay.possible_match is not None and pay.possible_match.provision.full_text.startswith("Wages")
    assert "increase" in pay.possible_match.shared
    for out in (render_markdown(c), render_text(c), render_html(c)):
        assert "score 0.00" not in out and "in common: increase" in out.replace("In common: <q>increase</q>",
                                                                                 "in common: increase")


def _reference_marks(text: str, marks: tuple[str, ...]) -> tuple[str, ...]:
    """readable_marks the slow way: each written word, lower-cased and split as the aligner reads it."""
    written: dict[str, str] = {}
    for match in re.finditer(r"[^\W_]+", text):
        for piece in lexical.words(match.group()):
            written.setdefault(lexical.stem(piece) if len(piece) > 1 or piece.isdigit() else "", match.group())
    return with_labels([written[m] for m in marks if not m.startswith("~") and m in written], marks)


@given(st.lists(st.sampled_from(["Kessel", "weir", "WEIRS", "İzmir", "Straße", "ﬁsh", "Fishing", "fish", "Ǆemal",
                                 "troops", "600,000", "army", "Sanctions", "eased", "x", "ΣΟΦΊΑ", "σοφία"]),
                min_size=1, max_size=12),
       st.data())
def test_readable_marks_agrees_with_reading_word_by_word(words, data):
    text = " ".join(words) + "."
    stems = sorted(set(lexical.stem_counts(lexical.words(text))))
    marks = tuple(data.draw(st.lists(st.sampled_from([*stems, "~forces", "~sanction", "absent"]), unique=True)))
    assert readable_marks(text, marks) == _reference_marks(text, marks)
