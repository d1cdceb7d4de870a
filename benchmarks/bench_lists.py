"""Link quality of the text aligner on generated template lists: the shapes where a list's items
tie on their words and the aligner must read order, numbering and names.

Each shape is a made-up schedule of 20-30 items in one frame ("Within 30 days the operator shall
close sector 17 and pay a levy of 2,000 euros"), revised with every day count and amount changed,
over ten seeds and (where it matters) three frames:

- ``figure-named``: items named by a figure ("sector 17"); three dropped, two inserted;
  renumbered, or keeping their printed numbers; or sectors 1-30 printed as points 1-30 whose
  first sector is dropped;
- ``word-named``: items named by a word ("the Hazel plot"), with or without the list's numbering
  in the text ("Measure 8: ..."), three dropped, two inserted, renumbered;
- ``reordered``: three items moved within the list, named by a word or by a figure;
- ``nameless``: nothing names the items, the printed numbers are kept, one item dropped: the
  numbering is the only evidence.

- lists of siblings (``list_revision``): made-up schedules of 5-9 items that share a frame
  without being templated ("Dataset 4, noise complaints logged by the helpline: updated weekly;
  retained for 3 years."; fish stocks, coalition portfolios held by parties of two or three
  words, withdrawal steps, bus routes), every value revised at random: a new item inserted beside
  a renumbered one (at the start, middle or end, often with another item dropped), and the two
  true splits beside it that a rule against siblings must keep - an item naming two things split
  into two items, and the clause after the list split into two sentences.  Over 1,500 revisions
  each, with the false links by the rule (pass) that made them.

It prints false and missed links per shape (the true links are known by construction).

    python benchmarks/bench_lists.py
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from typing import Any

import peacediff
from peacediff import Version
from peacediff.model import Provision

Item = tuple[int, str, int]  # (days, name, amount)
Link = tuple[int, int]

FRAMES = (
    "Within {days} days the operator shall close sector {name} and pay a levy of {amount:,} euros.",
    "A levy of {amount:,} euros is due within {days} days for sector {name}.",
    "Sector {name}: heavy weapons are withdrawn {days} km from the line, watched by {amount:,} observers.",
)
WORD_FRAME = "The {name} plot is cleared within {days} days and replanted with {amount:,} saplings."
TREES = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ivy", "Juniper", "Larch", "Maple",
         "Nettle", "Oak", "Pine", "Quince", "Rowan", "Spruce", "Teak", "Umbrella", "Viburnum", "Willow", "Yew",
         "Zelkova", "Ash", "Beech", "Chestnut", "Damson", "Eucalyptus", "Fig"]


def _revise(rnd: random.Random, items: list[Item], drops: int, inserts: int,
            new_name: Callable[[int], str]) -> list[tuple[Item, int | None]]:
    """Every count and amount changed; ``drops`` items dropped and ``inserts`` new ones inserted."""
    dropped, inserted = set(rnd.sample(range(len(items)), drops)), set(rnd.sample(range(len(items)), inserts))
    out: list[tuple[Item, int | None]] = []
    for k, (days, name, amount) in enumerate(items):
        if k in inserted:
            out.append(((rnd.choice([11, 13]), new_name(k), 333), None))
        if k not in dropped:
            out.append(((days + rnd.choice([1, 2, 3, 5]), name, amount + rnd.choice([250, 500])), k))
    return out


def _score(old: Version, new: Version, truth: set[Link]) -> tuple[int, int, int]:
    c = peacediff.compare(old, new, align="text")
    at_old = {id(p): i for i, p in enumerate(old.provisions)}
    at_new = {id(p): j for j, p in enumerate(new.provisions)}
    found = {(at_old[id(a)], at_new[id(b)]) for ch in c.changes for a in ch.old for b in ch.new}
    return len(found - truth), len(truth - found), len(truth)


def _version(vid: str, texts: list[str], numbers: list[str] | None = None) -> Version:
    numbers = numbers or [str(k) for k in range(1, len(texts) + 1)]
    return Version(id=vid, title=vid, provisions=tuple(
        Provision(text=t, number=n) for t, n in zip(texts, numbers, strict=True)))


def figure_named(seed: int, frame: str, renumber: bool) -> tuple[int, int, int]:
    rnd = random.Random(seed)
    items = [(rnd.choice([10, 14, 21, 30, 45, 60, 90]), str(s), rnd.choice([950, 1000, 2000, 5000, 7500]))
             for s in range(1, 31)]
    revised = _revise(rnd, items, 3, 2, lambda k: str(100 + k))
    old = _version("a", [frame.format(days=d, name=n, amount=a) for d, n, a in items])
    numbers = None if renumber else [str(src + 1) if src is not None else f"{k}A" for k, (_i, src) in
                                     enumerate(revised, 1)]
    new = _version("b", [frame.format(days=d, name=n, amount=a) for (d, n, a), _src in revised], numbers)
    return _score(old, new, {(src, j) for j, (_item, src) in enumerate(revised) if src is not None})


def first_dropped(seed: int) -> tuple[int, int, int]:
    """Sectors 1-30 printed as points 1-30; the first sector dropped and the points renumbered."""
    rnd = random.Random(seed)
    frame = FRAMES[0]
    items = [(rnd.choice([10, 14, 21, 30]), str(s), rnd.choice([1000, 2000, 5000])) for s in range(1, 31)]
    old = _version("a", [frame.format(days=d, name=n, amount=a) for d, n, a in items])
    new = _version("b", [frame.format(days=d + 2, name=n, amount=a + 250) for d, n, a in items[1:]])
    return _score(old, new, {(k + 1, k) for k in range(29)})


def word_named(seed: int, ordinal: bool) -> tuple[int, int, int]:
    rnd = random.Random(seed)
    items = [(rnd.choice([10, 14, 21, 30]), name, rnd.choice([100, 200, 300])) for name in TREES]
    revised = _revise(rnd, items, 3, 2, lambda k: "Newtree" + "abcdefghij"[k % 10])

    def texts(entries: list[Item]) -> list[str]:
        return [(f"Measure {k}: " if ordinal else "") + WORD_FRAME.format(days=d, name=n, amount=a)
                for k, (d, n, a) in enumerate(entries, 1)]

    old, new = _version("a", texts(items)), _version("b", texts([item for item, _src in revised]))
    return _score(old, new, {(src, j) for j, (_item, src) in enumerate(revised) if src is not None})


def reordered(seed: int, by_word: bool) -> tuple[int, int, int]:
    rnd = random.Random(seed)
    names = TREES[:20] if by_word else [str(k) for k in range(1, 21)]
    frame = WORD_FRAME if by_word else FRAMES[0]
    items = [(rnd.choice([10, 14, 21, 30]), name, rnd.choice([100, 200, 300])) for name in names]
    order = list(range(20))
    for _ in range(3):
        order.insert(rnd.randrange(20), order.pop(rnd.randrange(20)))
    old = _version("a", [frame.format(days=d, name=n, amount=a) for d, n, a in items])
    new = _version("b", [frame.format(days=items[k][0] + 3, name=items[k][1], amount=items[k][2] + 50)
                         for k in order])
    return _score(old, new, {(k, j) for j, k in enumerate(order)})


def nameless(seed: int) -> tuple[int, int, int]:
    rnd = random.Random(seed)
    frame = "Heavy weapons are withdrawn {days} km from the line within {amount} hours."
    items = [(rnd.choice([10, 15, 20, 25, 30]), "", rnd.choice([24, 48, 72])) for _ in range(30)]
    drop = rnd.randrange(30)
    kept = [k for k in range(30) if k != drop]
    old = _version("a", [frame.format(days=d, amount=a) for d, _n, a in items])
    new = _version("b", [frame.format(days=items[k][0] + 5, amount=items[k][2] + 12) for k in kept],
                   [str(k + 1) for k in kept])
    return _score(old, new, {(k, j) for j, k in enumerate(kept)})


# --------------------------------------------------------------------------- lists of siblings

#: Lists whose items share a frame without being templated: the frame, its values, the items'
#: topics, the clauses around the list, items naming two things and the two items each becomes.
LIST_DOMAINS: dict[str, dict[str, Any]] = {
    "datasets": dict(
        frame="Dataset {n}, {topic}: updated {v}; retained for {y} years.",
        values=["daily", "weekly", "monthly", "quarterly", "yearly", "hourly"],
        topics=["noise complaints logged by the helpline", "bicycle-share trips between docks",
                "street lighting faults reported online", "household waste collected per round",
                "air quality readings from roadside sensors", "tree planting in public parks",
                "housing repairs requested by tenants", "emergency call-outs aggregated by district",
                "museum visits by ticket type", "swimming pool admissions by age band",
                "graffiti removal requests by ward", "potholes repaired on main roads"],
        head=["This Agreement governs the sharing of open data between the City Council and the Transport Authority.",
              "Each dataset listed below is published under the open licence of the Council.",
              "A data steward of each party answers questions about the datasets."],
        tail=["Personal data is removed from every dataset before it is published.",
              "The parties review the list of datasets every year and may add to it by letter.",
              "Either party may suspend a dataset that proves inaccurate until it is corrected.",
              "This Agreement ends three months after either party gives written notice."],
        pairs=[("bus and tram boardings by stop", "bus boardings by stop", "tram boardings by stop"),
               ("burglaries and car thefts reported to the police", "burglaries reported to the police",
                "car thefts reported to the police")]),
    "stocks": dict(
        frame="Stock {n}, {topic}: quota {v} tonnes.",
        values=["1,200", "3,400", "9,800", "15,000", "2,250", "640", "7,700", "21,000", "480", "5,150"],
        topics=["cod of the northern banks, trawled", "hake along the shelf edge, longlines only",
                "herring spawning in the fjords", "anchovy of the southern bay, purse seines",
                "monkfish in deep water, gillnets", "mackerel on the migration route",
                "sardine of the coastal shallows", "lobster taken in pots around the islands",
                "skate from the muddy grounds", "whiting off the headland",
                "brill over the sandbanks, beam trawls", "eel in the river mouths, fyke nets"],
        head=["The neighbouring states share the fishing opportunities set out below for the next season.",
              "Each vessel reports its catch daily through the electronic logbook.",
              "The scientific committee publishes its advice before the quotas are fixed."],
        tail=["A vessel that exhausts its quota returns to port within two days.",
              "Inspectors of each state may board any vessel fishing in the joint zone.",
              "Quota left unused at the end of the season lapses.",
              "Disputes over catches go to the joint fisheries commission."],
        pairs=[("cod and haddock of the outer grounds, trawled", "cod of the outer grounds, trawled",
                "haddock of the outer grounds, trawled"),
               ("plaice and sole on the inner flats", "plaice on the inner flats", "sole on the inner flats")]),
    "portfolios": dict(
        frame="Portfolio {n}, {topic}: {v}.",
        values=["Social Democrats", "Centre Party", "Green Alliance", "Green Liberal Party", "Farmers' Union",
                "Christian People's Party"],
        topics=["finance and budget", "foreign affairs and development", "education and research",
                "health and social care", "transport and infrastructure", "agriculture and food",
                "defence and veterans", "culture, media and sport", "energy and climate",
                "labour and pensions", "housing and local government", "science and digital affairs"],
        head=["The parties below form a coalition government for the coming term of parliament.",
              "The Prime Minister comes from the largest party of the coalition.",
              "Ministers are appointed to the portfolios as allotted in this agreement."],
        tail=["A party that leaves the coalition gives a month's notice to its partners.",
              "The coalition partners vote together on the budget.",
              "The leaders of the parties meet every week while parliament sits.",
              "This agreement is reviewed after two years."],
        pairs=[("justice and home affairs", "justice", "home affairs"),
               ("trade and industry", "trade", "industry")]),
    "steps": dict(
        frame="Step {n}, {topic}: completed by {v}; verified by the observers.",
        values=["2 March", "9 March", "16 March", "3 April", "17 April", "24 April", "5 May", "19 May",
                "2 June", "16 June"],
        topics=["tanks pull back from the bridges", "artillery withdraws beyond the river",
                "mines on the coastal road are cleared", "roadblocks on the main highway are removed",
                "detainees in the border camps are released", "snipers leave the old town",
                "air defence units on the hills are stood down", "armed patrols stop in the buffer zone",
                "heavy mortars leave the villages", "fortifications at the pass are dismantled",
                "drones are grounded along the line", "militias hand in their rifles"],
        head=["The parties carry out the withdrawal in the steps below.",
              "The observer mission verifies each step and reports to both parties.",
              "A step counts as done only once the observers confirm it in writing."],
        tail=["A party that falls behind a step informs the observers at once.",
              "The observers have free access to every place named in this schedule.",
              "Withdrawn weapons are kept in depots sealed by the observers.",
              "The schedule may be extended once by agreement of both parties."],
        pairs=[("tanks and howitzers leave the coastal towns", "tanks leave the coastal towns",
                "howitzers leave the coastal towns"),
               ("mortars and rocket launchers withdraw from the ridge", "mortars withdraw from the ridge",
                "rocket launchers withdraw from the ridge")]),
    "routes": dict(
        frame="Route {n}, {topic}: a bus every {v} minutes.",
        values=["5", "8", "10", "12", "15", "20", "30"],
        topics=["from the station to the hospital", "around the university campus",
                "between the harbour and the airport", "through the northern estates",
                "along the river to the stadium", "from the market square to the industrial park",
                "over the hill to the villages", "past the schools on the east side",
                "to the retail park by the ring road", "night service through the centre",
                "between the two bus stations", "out to the crematorium and the garden centre"],
        head=["The operator runs the bus routes listed below under this contract.",
              "Fares on every route follow the tariff set by the Transport Authority.",
              "Buses on every route are low-floor and carry two wheelchair spaces."],
        tail=["The operator publishes timetables four weeks before any change.",
              "A route may be suspended for roadworks on seven days' notice.",
              "Punctuality is reported to the Authority each month.",
              "This contract runs for eight years from the first day of service."],
        pairs=[("to the zoo and the botanic garden", "to the zoo", "to the botanic garden"),
               ("through the northern and western estates", "through the northern estates",
                "through the western estates")]),
}
#: The first clause after each list with a second half, and that half as a sentence of its own.
SPLIT_CLAUSES: dict[str, tuple[str, str]] = {
    "datasets": ("Personal data is removed from every dataset before it is published, and a dataset that "
                 "reveals a person by mistake is withdrawn within a day.",
                 "A dataset that reveals a person by mistake is withdrawn from publication within one day."),
    "stocks": ("A vessel that exhausts its quota returns to port within two days, and its skipper reports the "
               "last haul to the inspectors.",
               "Its skipper declares the final haul to the inspectors on arrival."),
    "portfolios": ("A party that leaves the coalition gives a month's notice to its partners, and its ministers "
                   "resign on the day the notice ends.",
                   "Its ministers resign from the government on the day that notice ends."),
    "steps": ("A party that falls behind a step informs the observers at once and offers a new date within "
              "five days.",
              "It then proposes, within five days, a fresh date for the late step."),
    "routes": ("The operator publishes timetables four weeks before any change, and displays them at every "
               "stop of the route.",
               "Every stop on the route shows the new timetable."),
}




def _list_texts(domain: dict[str, Any], entries: list[tuple[str, str]], years: dict[str, int]) -> list[str]:
    return [domain["frame"].format(n=n, topic=t, v=v, y=years[t]) for n, (t, v) in enumerate(entries, 1)]


def list_revision(seed: int, shape: str) -> tuple[list[str], list[str], set[Link]]:
    """One made-up list of 5-9 items between its clauses, revised (values changed at random) as
    ``shape`` says, and its true links.

    ``inserted``: a new item at the start, middle or end, and in half the revisions another
    item dropped (never the one whose place the new item takes: that is a replacement); the new
    item carries the old value of the item whose number it takes, or any value.  ``item-split``:
    an item naming two things becomes two items.  ``clause-split``: the clause after the list
    loses its second half to a sentence of its own.
    """
    rnd = random.Random(seed)
    name = rnd.choice(sorted(LIST_DOMAINS))
    domain = LIST_DOMAINS[name]
    values: list[str] = domain["values"]
    size = rnd.randint(5, 9)
    topics = rnd.sample(domain["topics"], size + 1)
    topics, fresh = topics[:size], topics[size]
    years = {t: rnd.randint(2, 9) for t in [*domain["topics"], *(t for pair in domain["pairs"] for t in pair)]}
    old_entries = [(t, rnd.choice(values)) for t in topics]
    new_entries = [(t, v if rnd.random() < 0.3 else rnd.choice(values)) for t, v in old_entries]
    head, tail = domain["head"], domain["tail"]
    new_tail = list(tail)
    source: list[int | None] = list(range(size))
    if shape == "inserted":
        drop = rnd.randrange(size) if rnd.random() < 0.5 else None
        if drop is not None:
            del new_entries[drop], source[drop]
        where = rnd.choice([k for k in range(len(new_entries) + 1) if k != drop])
        taken = old_entries[min(where, size - 1)][1]
        new_entries.insert(where, (fresh, taken if rnd.random() < 0.6 else rnd.choice(values)))
        source.insert(where, None)
    elif shape == "item-split":
        at = rnd.randrange(size)
        whole, first, second = rnd.choice(domain["pairs"])
        years[first] = years[second] = years[whole]
        old_entries[at] = (whole, old_entries[at][1])
        value = new_entries[at][1]
        new_entries[at: at + 1] = [(first, value), (second, value)]
        source.insert(at + 1, at)
    else:
        whole, second = SPLIT_CLAUSES[name]
        tail = [whole, *tail[1:]]
        new_tail = [domain["tail"][0], second, *domain["tail"][1:]]
    h, t_old, t_new = len(head), len(head) + size, len(head) + len(new_entries)
    truth = {(k, k) for k in range(h)} | {(h + s, h + j) for j, s in enumerate(source) if s is not None}
    if shape == "clause-split":
        truth |= {(t_old, t_new), (t_old, t_new + 1)} | {(t_old + k, t_new + k + 1) for k in range(1, len(tail))}
    else:
        truth |= {(t_old + k, t_new + k) for k in range(len(tail))}
    old = [*head, *_list_texts(domain, old_entries, years), *tail]
    new = [*head, *_list_texts(domain, new_entries, years), *new_tail]
    return old, new, truth


def list_shape(shape: str, revisions: int = 1500) -> tuple[int, int, int, Counter[str]]:
    """False, missed and true links of ``revisions`` made-up lists of ``shape``, and the false by rule."""
    false = missed = true = 0
    by_rule: Counter[str] = Counter()
    for seed in range(revisions):
        old_texts, new_texts, truth = list_revision(seed, shape)
        old, new = _version("a", old_texts), _version("b", new_texts)
        c = peacediff.compare(old, new, align="text")
        at_old = {id(p): i for i, p in enumerate(old.provisions)}
        at_new = {id(p): j for j, p in enumerate(new.provisions)}
        found = {(at_old[id(a)], at_new[id(b)]): ch.rule or "?" for ch in c.changes for a in ch.old for b in ch.new}
        by_rule.update(found[link] for link in set(found) - truth)
        false, missed, true = false + len(set(found) - truth), missed + len(truth - set(found)), true + len(truth)
    return false, missed, true, by_rule


#: The rows of lists of siblings: (label, shape of list_revision).
LIST_SHAPES = (
    ("list item inserted beside a renumbered one", "inserted"),
    ("guard: a list item split into two items", "item-split"),
    ("guard: a clause after a list split in two", "clause-split"),
)


def main() -> None:
    shapes: list[tuple[str, Callable[[int], tuple[int, int, int]]]] = []
    for f, frame in enumerate(FRAMES):
        shapes.append((f"figure-named, frame {f + 1}, renumbered", lambda s, fr=frame: figure_named(s, fr, True)))
        shapes.append((f"figure-named, frame {f + 1}, numbers kept", lambda s, fr=frame: figure_named(s, fr, False)))
    shapes.append(("figure-named, first item dropped", first_dropped))
    shapes.append(("word-named, renumbered", lambda s: word_named(s, False)))
    shapes.append(("word-named, 'Measure N:' in the text", lambda s: word_named(s, True)))
    shapes.append(("reordered, named by words", lambda s: reordered(s, True)))
    shapes.append(("reordered, named by figures", lambda s: reordered(s, False)))
    shapes.append(("nameless, numbers kept", nameless))
    print(f"{'shape':44} {'false':>6} {'missed':>7} {'true':>6}   (ten seeds each)")
    for label, run in shapes:
        results = [run(seed) for seed in range(10)]
        false, missed, true = (sum(r[i] for r in results) for i in range(3))
        print(f"{label:44} {false:>6} {missed:>7} {true:>6}")
    print(f"\n{'shape (lists of siblings)':44} {'false':>6} {'missed':>7} {'true':>6}   (1,500 revisions each)")
    for label, shape in LIST_SHAPES:
        false, missed, true, by_rule = list_shape(shape)
        print(f"{label:44} {false:>6} {missed:>7} {true:>6}")
        print(f"{'':4}false by rule: {', '.join(f'{rule} {n}' for rule, n in sorted(by_rule.items())) or '-'}")


if __name__ == "__main__":
    main()
