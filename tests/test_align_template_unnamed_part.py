"""The unnamed half of a template item split in two joins it beside its named half.

Made-up document: a withdrawal schedule whose steps share one frame ("Step N, ... : completed by
DATE; verified by the observers.").  "Step 3, tanks and howitzers leave the coastal towns" is split
into "Step 3, tanks leave the coastal towns" and "Step 4, howitzers leave the coastal towns", most
dates change and the later steps are renumbered.  The template pass links the old step to the
howitzers half (its name, "howitzers", no other step holds); the tanks half holds no name of its
own ("tanks" is another step's too, "coastal towns" the other half's), so the attach pass, which joins a part to a
template item only by a name the part holds, left it added.  It now joins beside its linked half
when it holds nothing but the item's words and brings one the linked half lacks
(``template_part_brings``).
"""

from __future__ import annotations

import attrs
from align_cases import change_of, numbered_version

from peacediff._align_config import DEFAULT

_HEAD = [
    "The parties carry out the withdrawal in the steps below.",
    "The observer mission verifies each step and reports to both parties.",
    "A step counts as done only once the observers confirm it in writing.",
]
_TAIL = [
    "A party that falls behind a step informs the observers at once.",
    "The observers have free access to every place named in this schedule.",
    "Withdrawn weapons are kept in depots sealed by the observers.",
    "The schedule may be extended once by agreement of both parties.",
]
_STEPS = [
    "snipers leave the old town", "detainees in the border camps are released",
    "tanks and howitzers leave the coastal towns", "fortifications at the pass are dismantled",
    "tanks pull back from the bridges", "heavy mortars leave the villages", "drones are grounded along the line",
    "roadblocks on the main highway are removed", "armed patrols stop in the buffer zone",
]
_OLD_DATES = ["9 March", "17 April", "3 April", "5 May", "17 April", "24 April", "2 March", "3 April", "2 March"]
_NEW_STEPS = [*_STEPS[:2], "tanks leave the coastal towns", "howitzers leave the coastal towns", *_STEPS[3:]]
_NEW_DATES = ["2 March", "19 May", "3 April", "3 April", "5 May", "9 March", "2 March", "2 March", "3 April",
              "9 March"]


def _schedule(vid: str, steps: list[str], dates: list[str]) -> list[str]:
    return [f"Step {k}, {s}: completed by {d}; verified by the observers."
            for k, (s, d) in enumerate(zip(steps, dates, strict=True), start=1)]


OLD = numbered_version("old", [*_HEAD, *_schedule("old", _STEPS, _OLD_DATES), *_TAIL])
NEW = numbered_version("new", [*_HEAD, *_schedule("new", _NEW_STEPS, _NEW_DATES), *_TAIL])


def _step_3(config=DEFAULT):
    return change_of(OLD, NEW, "tanks and howitzers", config)


def test_both_halves_of_the_split_step_join_it() -> None:
    ch = _step_3()
    assert ch.kind == "split"
    assert [q.text.split(":")[0] for q in ch.new] == ["Step 3, tanks leave the coastal towns",
                                                      "Step 4, howitzers leave the coastal towns"]


def test_with_the_rule_off_the_tanks_half_is_left_added() -> None:
    ch = _step_3(attrs.evolve(DEFAULT, template_part_brings=0))
    assert [q.text.split(":")[0] for q in ch.new] == ["Step 4, howitzers leave the coastal towns"]


def test_an_inserted_step_on_the_same_words_but_bringing_nothing_new_stays_apart() -> None:
    # A new step that repeats the linked half's words only ("howitzers leave the coastal towns"
    # again, as a second wave) brings the old step nothing its linked half lacks.
    steps = [*_STEPS[:2], "howitzers leave the coastal towns", "howitzers leave the coastal towns", *_STEPS[3:]]
    new = numbered_version("new", [*_HEAD, *_schedule("new", steps, _NEW_DATES), *_TAIL])
    ch = change_of(OLD, new, "tanks and howitzers")
    assert len(ch.new) == 1


# The same split in a schedule whose dates all moved: the halves say "24 April" where the old step
# said "2 June".  Months stand in several steps (values of the list), so they need not be the old
# step's (``template_part_df``).
_STEPS_B = [
    "tanks pull back from the bridges", "tanks and howitzers leave the coastal towns",
    "heavy mortars leave the villages", "armed patrols stop in the buffer zone",
    "air defence units on the hills are stood down", "fortifications at the pass are dismantled",
    "mines on the coastal road are cleared", "roadblocks on the main highway are removed",
]
_NEW_STEPS_B = [_STEPS_B[0], "tanks leave the coastal towns", "howitzers leave the coastal towns", *_STEPS_B[2:]]
OLD_B = numbered_version("old", [*_HEAD, *_schedule("old", _STEPS_B, [
    "19 May", "2 June", "17 April", "2 March", "2 June", "2 March", "9 March", "5 May"]), *_TAIL])
NEW_B = numbered_version("new", [*_HEAD, *_schedule("new", _NEW_STEPS_B, [
    "2 March", "24 April", "24 April", "17 April", "9 March", "2 June", "3 April", "16 March", "19 May"]), *_TAIL])


def _split_b(config=DEFAULT):
    return change_of(OLD_B, NEW_B, "tanks and howitzers", config)


def test_a_half_whose_date_moved_to_another_month_still_joins() -> None:
    assert _split_b().kind == "split"
    assert len(_split_b(attrs.evolve(DEFAULT, template_part_df=10_000)).new) == 1
