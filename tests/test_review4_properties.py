"""Laws of template lists named by figures or words, and of possible-match evidence (issue 17),
over made-up schedules and rival plans drawn by hypothesis."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacediff import Comparison, Version, compare
from peacediff._hints import CONCEPT_LABELS
from peacediff.model import Provision

_FRAMES = (
    "Within {d} days the operator shall close sector {s} and pay a levy of {l:,} euros.",
    "Sector {s}: heavy weapons are withdrawn {d} km from the line, watched by {l:,} observers.",
    "Zone {s} receives {l:,} tonnes of grain every {d} days.",
    "The quota for {w} stock is {l:,} tonnes, landed within {d} days.",
)
#: Stock names, and names of stocks new to the schedule (no stem shared with any other name).
_STOCKS = ("Haddock", "Saithe", "Whiting", "Plaice", "Turbot", "Brill", "Ling", "Hake", "Megrim",
           "Pollack", "Skate", "Flounder", "Gurnard", "Halibut", "Monkfish", "Redfish", "Tusk",
           "Sprat", "Herring", "Mackerel", "Anchovy", "Sardine", "Capelin", "Grenadier", "Wolffish",
           "Lumpfish", "Garfish", "Weever", "Dory", "Bream")
_FRESH = ("Arvo", "Bexil", "Corran", "Dulmet", "Epsar", "Fendik", "Golva", "Ilkam", "Jorvet", "Kestan")
_INTRO = "The parties agree to the following schedule of withdrawals and payments."
_OUTRO = "This schedule is reviewed by the joint commission every year."


@st.composite
def _schedules(draw: st.DrawFn) -> tuple[Version, Version, set[tuple[int, int]]]:
    """A schedule whose items a sector (or a stock) names, and its revision: every day count
    changes, some levies too; items dropped, new ones inserted, perhaps one moved within the
    list, perhaps renumbered.  The truth pairs each kept item with itself."""
    frame = draw(st.sampled_from(_FRAMES))
    n = draw(st.integers(6, len(_STOCKS)))
    # Even sectors: a run of consecutive figures from the same first value on both sides reads
    # as a count of the items ("Dataset 1" to "Dataset 8"), by design (see _numbering), and when
    # every other figure ties too ("Within 1 days ... sector 1 ... 950 euros" throughout), which
    # item of the count went is anybody's guess: not this law.
    sectors = [2 * v for v in draw(st.lists(st.integers(1, 499), min_size=n, max_size=n, unique=True))]
    if draw(st.booleans()):
        sectors.sort()
    stocks = draw(st.permutations(_STOCKS))[:n]
    levies = st.sampled_from([950, 1000, 2000, 5000, 7500, 12500])
    old_items = [{"w": stocks[k], "s": sectors[k], "d": draw(st.integers(1, 90)), "l": draw(levies)}
                 for k in range(n)]
    dropped = draw(st.sets(st.integers(0, n - 1), max_size=n // 5))
    inserted = draw(st.lists(st.integers(0, n - 1), max_size=len(_FRESH), unique=True))
    new_items: list[tuple[dict[str, object], int | None]] = []
    for k, item in enumerate(old_items):
        if k in inserted:
            fresh = _FRESH[inserted.index(k)]
            new_items.append(({"w": fresh, "s": 1000 + k, "d": draw(st.integers(1, 90)), "l": 333}, None))
        if k not in dropped:
            changed = {"d": item["d"] + draw(st.integers(1, 4)), "l": item["l"] + draw(st.sampled_from([0, 250, 500]))}
            new_items.append(({**item, **changed}, k))
    if len(new_items) > 3 and draw(st.booleans()):
        i = draw(st.integers(0, len(new_items) - 1))
        new_items.insert(draw(st.integers(0, len(new_items) - 1)), new_items.pop(i))
    renumber = draw(st.booleans())
    old_texts = [_INTRO, *(frame.format(**item) for item in old_items), _OUTRO]
    new_texts = [_INTRO, *(frame.format(**item) for item, _src in new_items), _OUTRO]
    old = Version(id="a", title="A", provisions=tuple(
        Provision(text=t, number=str(k)) for k, t in enumerate(old_texts, 1)))
    new = Version(id="b", title="B", provisions=tuple(
        Provision(text=t, number=str(k) if renumber else f"S{k}") for k, t in enumerate(new_texts, 1)))
    truth = {(src + 1, j + 1) for j, (_item, src) in enumerate(new_items) if src is not None}
    truth |= {(0, 0), (len(old_texts) - 1, len(new_texts) - 1)}
    return old, new, truth


def _links(c: Comparison, old: Version, new: Version) -> set[tuple[int, int]]:
    at_old = {id(p): i for i, p in enumerate(old.provisions)}
    at_new = {id(p): j for j, p in enumerate(new.provisions)}
    return {(at_old[id(a)], at_new[id(b)]) for ch in c.changes for a in ch.old for b in ch.new}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_schedules())
def test_a_named_schedule_links_every_kept_item_to_itself_and_nothing_else(case):
    old, new, truth = case
    forward = compare(old, new, align="text")
    assert _links(forward, old, new) == truth
    # Reversing old and new gives the inverse, name for name.
    assert compare(new, old, align="text") == forward.inverse()


_TOPICS = ("Zaporizhzhia", "Donbas", "Kherson", "NATO", "sanctions", "frozen assets", "prisoners",
           "elections", "the army", "troops", "amnesty", "security guarantees", "ceasefire")
_PHRASES = ("shall be settled by", "is to be reviewed under", "will be guaranteed with",
            "may be suspended after", "remains subject to")
_TAILS = ("a joint commission", "the parties", "international monitors", "a fund of 100 billion",
          "the Security Council", "a referendum", "one year", "the signature of both parties")


@st.composite
def _plans(draw: st.DrawFn) -> tuple[Version, Version]:
    """Two rival plans over shared topics, worded independently (few or no firm anchors)."""
    def point() -> str:
        topic, other = draw(st.sampled_from(_TOPICS)), draw(st.sampled_from(_TOPICS))
        return f"{topic.capitalize()} {draw(st.sampled_from(_PHRASES))} {draw(st.sampled_from(_TAILS))}, with {other}."

    def plan(vid: str) -> Version:
        points = draw(st.lists(st.builds(point), min_size=1, max_size=12))
        return Version(id=vid, title=vid.upper(), provisions=tuple(
            Provision(text=t, number=str(k)) for k, t in enumerate(points, 1)))

    return plan("a"), plan("b")


@settings(max_examples=80, deadline=None)
@given(_plans())
def test_possible_match_evidence_is_the_texts_own_and_survives_reversal(plans):
    old, new = plans
    forward = compare(old, new, align="text")
    assert compare(new, old, align="text") == forward.inverse()
    labels = set(CONCEPT_LABELS.values())
    for ch in forward.changes:
        hint = ch.possible_match
        if hint is None:
            continue
        (own,) = ch.old or ch.new
        assert hint.shared, "a hint is offered only with something in common"
        assert len(set(hint.shared)) == len(hint.shared)
        for mark in hint.shared:
            # A word exactly as the provision writes it, or a concept's label.
            assert mark in labels or mark in own.full_text
