"""The hard shapes of issue 17, each on made-up documents: template lists, paraphrase in place,
short units, splits carried by their first part, rival plans, and a lone provision in place.

Every test also shows the rule it rests on: with that rule's threshold turned off by an
``AlignConfig``, the link is lost (so the test can fail).
"""

from __future__ import annotations

import re

import attrs
import pytest
from align_cases import GENERATED, index_links, numbered

import peacediff
from peacediff._align_config import DEFAULT
from peacediff.align import AlignConfig, align_text
from peacediff.compare import compare
from peacediff.model import Provision, Version


def P(text: str, number: str | None = None) -> Provision:
    return Provision(text=text, number=number)


# --------------------------------------------------------------------------- template lists

_ZONES = ("northern", "coastal", "eastern")


def _schedule(days: list[int], *, km: int, drop: int | None = None) -> list[Provision]:
    head = ["The parties withdraw their heavy artillery according to the following schedule.",
            "A joint verification team confirms each withdrawal in writing."]
    items = [f"Battery {k + 1} of the {_ZONES[k % 3]} zone withdraws {km + 3 * k} km within {d} days."
             for k, d in enumerate(days) if k != drop]
    return numbered([*head, *items, "Withdrawn artillery is stored at sites listed in Annex B."])


@pytest.mark.parametrize("drop", [None, 0, 7, 17])
def test_a_schedule_whose_every_figure_changed_aligns_by_order(drop):
    """Every distance and every deadline changed: the items tie with each other, order carries them."""
    old = _schedule([10 + k % 4 for k in range(18)], km=15)
    new = _schedule([20 + k % 6 for k in range(18)], km=25, drop=drop)
    result = align_text(old, new)
    shift = {k: k - (drop is not None and k > drop) for k in range(18) if k != drop}
    truth = {(0, 0), (1, 1), (20, len(new) - 1)} | {(2 + k, 2 + j) for k, j in shift.items()}
    assert index_links(result) == truth
    assert all(len(lk.old) == len(lk.new) == 1 for lk in result.links)
    assert result.moved == frozenset()


@pytest.mark.parametrize(("old_text", "new_text"), [
    ("1st and 3rd tiers: 31,000.", "2nd and 4th tiers: 33,900."),
    ("Annex 2bis, rows 4a to 9c: 12 posts.", "Annex 3bis, rows 5a to 8c: 15 posts."),
])
def test_a_template_item_scores_its_words_without_any_figure_or_ordinal(old_text, new_text):
    """Ordinals and lettered numbers ("1st", "2bis", "4a") are figures a template varies, as
    "31,000" is: the items share every other word, so their overlap is 1.0 (the early exit
    once counted only all-digit stems, and scored the first pair 0.33)."""
    from peacediff._align_lists import frame_overlap
    from peacediff.align import _exact_pass, _State

    old = [P(old_text, "1"), P("The closing words of the list stay here.", "2")]
    new = [P(new_text, "1"), P("Other closing words of another kind.", "2")]
    st = _State(old, new, DEFAULT)
    _exact_pass(st)
    assert st.scored()
    assert frame_overlap(st, 0, 0) == 1.0


def _withdrawals(seed: int, n: int, *, drop: int) -> tuple[list[Provision], list[Provision]]:
    """A schedule of nameless items, every figure redrawn, item ``drop`` dropped and the others
    keeping their printed numbers: only the numbering says which item went."""
    import random

    rng = random.Random(seed)

    def item() -> str:
        return f"Heavy weapons are withdrawn {rng.randint(5, 60)} km from the line within {rng.randint(2, 90)} days."

    old = [P(item(), str(k)) for k in range(1, n + 1)]
    # No new item repeats an old one word for word: such a chance twin is an exact anchor,
    # which cuts the list where it stands (decision 0001, template lists).
    texts, new = {p.text for p in old}, []
    for k in range(1, n + 1):
        text = item()
        while text in texts:
            text = item()
        if k != drop:
            new.append(P(text, str(k)))
    return old, new


@pytest.mark.parametrize(("seed", "n", "drop"), [(0, 39, 21), (5, 31, 9), (4, 12, 5), (7, 19, 15)])
def test_a_nameless_schedule_whose_figures_all_changed_follows_its_printed_numbers(seed, n, drop):
    old, new = _withdrawals(seed, n, drop=drop)
    truth = {(str(k), str(k)) for k in range(1, n + 1) if k != drop}

    def links(config: AlignConfig) -> set[tuple[str, str]]:
        return {(old[i].number, new[j].number) for i, j in index_links(align_text(old, new, config))}

    assert links(DEFAULT) == truth
    assert links(AlignConfig(template_number_weight=0.0)) != truth  # the rule the test rests on


_STOCKS = ["Cod", "Haddock", "Plaice", "Sole", "Saithe", "Hake", "Turbot", "Ling"]


def _quotas(names: list[str], base: int) -> list[Provision]:
    return numbered([f"{name}: total allowable catch {base + 700 * k:,} tonnes, shared {40 + k}% Ostmark "
                      f"and {60 - k}% Vellund." for k, name in enumerate(names)])


def test_a_list_item_replaced_by_a_newly_named_one_is_removed_and_added():
    """Every figure changed, a stock added at the top (so every line is renumbered) and Saithe's
    line replaced by Whiting's in the same place: the words of the two lines tie with every other
    pair's, but Saithe's name left the document and Whiting's is new to it, so one stock replaced
    another.  A renamed stock whose old name the new version still mentions stays linked."""
    def stocks(old, new):
        return {(old[i].text.split(":")[0], new[j].text.split(":")[0]) for i, j in index_links(align_text(old, new))}

    old = _quotas(_STOCKS, 9000)
    names = ["Mackerel", *_STOCKS]
    names[5] = "Whiting"
    assert stocks(old, _quotas(names, 12000)) == {(n, n) for n in _STOCKS if n != "Saithe"}
    names[5] = "Pollock"
    new = [*_quotas(names, 12000), P("Pollock was called Saithe in the previous agreement.", "10")]
    assert ("Saithe", "Pollock") in stocks(old, new)


# --------------------------------------------------------------------------- paraphrase in place

_STATUTE = ["This Act establishes a regional council for water management.",
            "The council adopts a river basin plan every six years.",
            "The council publishes an annual report on water quality.",
            "Each municipality pays a levy in proportion to its population.",
            "Disputes about the levy go to the administrative court.",
            "The council may borrow for flood defence works."]


@pytest.mark.parametrize(("clause", "reworded"), [
    ("Membership of the council is open to every municipality of the basin.",
     "Any municipality in the basin may join the council."),
    ("Ukrainian elections take place within one hundred days.",
     "Ukraine goes to the polls as soon as possible once the deal is done."),
    ("This Act comes into force twelve months after its publication.",
     "This Act takes effect on 1 July."),
])
def test_a_clause_reworded_beside_a_rewritten_neighbour_is_a_paraphrase(clause, reworded):
    """No firm neighbour (the next point was rewritten too), no shared rare word, a new number:
    the one drafting concept the slot's two clauses alone share links them, and says it is unsure."""
    old = Version.from_texts("a", [*_STATUTE[:3], clause, *_STATUTE[3:]])
    rewritten_next = "Each municipality contributes to the council's budget according to its population."
    new = Version.from_texts("b", [*_STATUTE[:3], reworded, rewritten_next, *_STATUTE[4:]])
    change = next(ch for ch in compare(old, new, align="text").changes if ch.old and ch.old[0].text == clause)
    assert [p.text for p in change.new] == [reworded]
    assert (change.rule, change.kind) == ("paraphrase", "modified")
    assert change.link_score is not None and change.link_score < DEFAULT.sim_min
    # Without the pass (and without concept-match, which takes a pair alone in its place on a
    # shared concept too) the clause is removed and the new one added.
    off = compare(old, new, align="text",
                  config=AlignConfig(paraphrase_unique_max=0, concept_min_sim=1.0, concept_slot_min_sim=1.0))
    assert all(not ch.new for ch in off.changes if ch.old and ch.old[0].text == clause)


def test_a_replaced_clause_or_a_shared_topic_word_is_no_paraphrase():
    old = Version.from_texts("a", [*_STATUTE[:3], "The levy enters into force on 1 January.", *_STATUTE[3:]])
    replaced = Version.from_texts("b", [*_STATUTE[:3], "Fishing permits are issued by the council.", *_STATUTE[3:]])
    assert all(ch.rule != "paraphrase" for ch in compare(old, replaced, align="text").changes)
    # Two new clauses of the slot take effect: which one answers the old one is not said.
    two = Version.from_texts("b", [*_STATUTE[:3], "The levy takes effect in January.",
                                   "The borrowing limit takes effect in March.", *_STATUTE[3:]])
    assert all(ch.rule != "paraphrase" for ch in compare(old, two, align="text").changes)


# --------------------------------------------------------------------------- short units

_RULES_OLD = ["Rent is due on the first day of each month.", "The deposit equals two months of rent.",
              "Tenants keep the stairwell free of bicycles and prams.", "Rubbish bins are emptied on Tuesdays.",
              "Laundry may be dried in the attic on weekdays only.", "The garden closes at sunset.",
              "Barbecues are permitted on the lower terrace until nine in the evening.",
              "Guests may stay for at most two weeks a year.", "Parking spaces are allocated by seniority.",
              "Radiators must not be covered.", "The caretaker holds a spare key for every flat.",
              "Repairs under fifty euros are borne by the tenant.", "Pets need the landlord's written consent.",
              "Smoking is prohibited in all shared rooms.", "Window boxes must be fixed with brackets.",
              "The lift is serviced every quarter.", "Quiet hours run from ten at night to seven in the morning.",
              "Satellite dishes may not be mounted on the facade.", "Storage lockers in the cellar are numbered.",
              "The residents' meeting is held every spring.", "Notices are posted on the board in the hall.",
              "Complaints go to the managing agent in writing."]
_RULES_NEW = ["Rent is due on the third day of each month.", "The deposit equals one month of rent.",
              "Tenants keep the stairwell free of bicycles and prams.", "Rubbish bins are emptied on Tuesdays.",
              "Drying laundry in the attic is allowed from Monday to Friday.", "The garden closes at sunset.",
              "Grilling on the lower terrace is allowed until ten at night, with charcoal only.",
              "Visitors can stay up to three weeks in total per year.", "Parking spaces are allocated by seniority.",
              "Radiators must not be covered.", "Electric scooters may not be charged inside the building.",
              "Repairs under eighty euros are borne by the tenant.", "Pets need the landlord's written consent.",
              "Smoking is prohibited in all shared rooms and on balconies.",
              "Window boxes must be fixed with brackets.", "The lift is serviced every quarter.",
              "Quiet hours run from ten at night to seven in the morning.",
              "Satellite dishes may not be mounted on the facade.", "Storage lockers in the cellar are numbered.",
              "The residents' meeting is held every spring.", "Notices are posted on the board in the hall.",
              "Complaints go to the managing agent in writing or by email."]


@pytest.mark.parametrize("numbered", [True, False])
def test_short_units_link_their_rewrites_and_nothing_else(numbered):
    """A house-rules list of one-line points: in-place rewrites link, the replaced point does not."""
    old = [P(t, str(k) if numbered else None) for k, t in enumerate(_RULES_OLD, 1)]
    new = [P(t, str(k) if numbered else None) for k, t in enumerate(_RULES_NEW, 1)]
    found = index_links(align_text(old, new))
    # Point 11 (the caretaker's spare key) was replaced by a rule on scooters.
    assert found == {(k, k) for k in range(22) if k != 10}


_LEASE = ["The Tenant shall pay the rent monthly in advance.", "Rent is due on the first day of each month.",
          "The Landlord may increase the rent once a year.", "Any increase requires two months' written notice.",
          "The Tenant shall keep the premises clean.", "The Tenant shall not keep animals without consent.",
          "Consent shall not be unreasonably withheld.", "The Landlord shall repair the roof and outside walls.",
          "The Tenant shall report defects promptly.", "The Landlord may enter to inspect on 24 hours' notice.",
          "In an emergency no notice is required.", "The Tenant shall not sublet the premises.",
          "The Tenant may assign the lease with consent.", "The deposit equals one month's rent.",
          "The deposit is held in an approved scheme.", "The deposit is returned within 10 days of the end.",
          "Deductions require an itemised statement.", "The Tenant shall insure the contents.",
          "The Landlord shall insure the building.", "Smoking is prohibited inside the premises.",
          "Gardens shall be kept tidy by the Tenant.", "Rubbish shall be placed in the bins provided.",
          "The Tenant shall not alter the structure.", "Decoration requires the Landlord's approval.",
          "Either party may end the lease on two months' notice.", "Notice must be given in writing.",
          "Notices may be sent by email.", "The lease is governed by the law of Scotland.",
          "Disputes go first to mediation.", "Mediation costs are shared equally."]


def test_a_number_word_is_no_word_two_short_units_share():
    """"one" is a number (or a pronoun), not a word of a topic.  A lease of one-line clauses, a few
    reworded ("the Tenant" becomes "the Occupier"), whose deposit clause is replaced in place by a
    parking rule: the two share only "one" ("one month's rent" / "one car"), which, read as a rare
    word, carried the pair over the assignment's margin (cosine 0.21, nothing else near)."""
    new_texts = [t.replace("The Tenant shall keep the premises", "The Occupier shall keep the property")
                  .replace("The Tenant shall insure", "The Occupier must insure")
                  .replace("Rubbish shall", "Rubbish must")
                  .replace("The Tenant shall not alter", "The Occupier shall not alter") for t in _LEASE]
    new_texts[13] = "Parking is limited to one car."
    old, new = [P(t, None) for t in _LEASE], [P(t, None) for t in new_texts]
    assert index_links(align_text(old, new)) == {(k, k) for k in range(30) if k != 13}


# --------------------------------------------------------------------------- a split carried by its first part

_LABOUR_OLD = ["This agreement covers all employees of the municipal transport company.",
               "The standard working week is 38 hours.",
               "Work on public holidays attracts a supplement of 100% of the basic hourly rate, and night work "
               "between 22:00 and 06:00 a supplement of 25% of the basic hourly rate; supplements are paid "
               "with the following month's salary and appear separately on the payslip.",
               "Employees working on Sundays receive a supplement of 50% on top of their salary.",
               "Drivers receive a meal allowance of 12 euros per shift longer than eight hours.",
               "Annual leave is 28 working days.",
               "The company provides two uniforms a year.",
               "Training hours count as working time.",
               "Disputes are referred to the joint committee.",
               "Employees may buy a discounted annual pass for their family.",
               "Sick pay is paid from the first day of absence.",
               "The company funds an occupational pension at 4% of salary.",
               "Shift rosters are published four weeks in advance.",
               "Overtime is compensated by time off or paid at 125%.",
               "A works council represents the employees.",
               "Parental leave may be taken in blocks of at least one month.",
               "The company reimburses the cost of a driving licence renewal.",
               "Mobile phones may not be used while driving.",
               "Drivers rest at least eleven hours between shifts.",
               "This agreement runs until 31 December 2027."]


def _labour_new() -> list[str]:
    new = list(_LABOUR_OLD)
    new[2] = ("Supplements on the basic hourly rate: public holidays 100%, night work between 22:00 and 06:00 "
              "30%, and Sundays 40%; supplements are paid with the following month's salary and appear "
              "separately on the payslip.")
    del new[3]
    new[3] = "Drivers receive a meal allowance of 14 euros per shift longer than eight hours."
    return new


def test_a_point_folded_into_a_larger_one_joins_it_on_a_clear_lead():
    """Old 4 (Sundays) is folded into old 3's supplements table: the table is carried by old 3, so
    adding old 4 barely moves its cosine, but old 4 chooses it clearly, beside old 3."""
    old, new = numbered(_LABOUR_OLD), numbered(_labour_new())
    result = align_text(old, new)
    assert ((2, 3), (2,), "merge") in {(lk.old, lk.new, lk.matched_by) for lk in result.links}
    assert index_links(result) == {(k, k) for k in range(3)} | {(k, k - 1) for k in range(3, 20)}
    strict = align_text(old, new, AlignConfig(attach_lead_min_sim=1.0))
    assert (3, 2) not in index_links(strict)


def test_a_dropped_point_beside_a_linked_one_is_no_part_of_it():
    """Without the second part's words in the partner, a clear lead is not there: dropped, not merged."""
    new = _labour_new()
    new[2] = ("Work on public holidays attracts a supplement of 100% of the basic hourly rate, and night work "
              "between 22:00 and 06:00 a supplement of 30%; supplements are paid with the following month's "
              "salary and appear separately on the payslip.")
    result = align_text(numbered(_LABOUR_OLD), numbered(new))
    assert all(3 not in lk.old for lk in result.links)


# --------------------------------------------------------------------------- rival plans


_TOPICS = {"army size": r"600,000|army|armed forces", "NATO": r"NATO", "Zaporizhzhia": r"Zaporizhzhia",
           "security guarantees": r"guarantee", "frozen assets": r"assets"}


def _assert_each_topic_linked_or_offered(c) -> None:
    for topic, pattern in _TOPICS.items():
        def about(text: str, pattern: str = pattern) -> bool:
            return re.search(pattern, text, re.IGNORECASE) is not None

        linked = [ch for ch in c.changes if ch.old and ch.new and about(ch.old_text) and about(ch.new_text)]
        offered = [ch for ch in c.changes if ch.possible_match is not None
                   and about(ch.old_text if ch.old else ch.new_text)
                   and about(ch.possible_match.provision.full_text)]
        assert linked or offered, topic
        assert all(ch.possible_match is not None and ch.possible_match.link_score is not None for ch in offered)


def test_rival_plans_link_or_offer_a_scored_match_on_each_shared_topic():
    """The 28 points against the European counter-proposal: not a mark-up, few anchors, other words.
    Each topic both plans treat is linked, or offered as a scored possible match, between provisions
    that both treat it."""
    versions = {v.id: v for v in peacediff.versions()}
    old, new = versions["us-russia-28"].without_keys(), versions["eu-telegraph-24"].without_keys()
    _assert_each_topic_linked_or_offered(compare(old, new, align="text"))


def test_rival_plans_keyed_each_in_its_own_family_are_compared_by_text_by_default():
    """As bundled, the two plans are keyed in families of their own (``eu24-…``): keys would link
    nothing, so the default alignment reads their wording, and each shared topic shows."""
    versions = {v.id: v for v in peacediff.versions()}
    c = compare(versions["us-russia-28"], versions["eu-telegraph-24"])
    assert c.align == "text"
    _assert_each_topic_linked_or_offered(c)
    assert compare(versions["us-russia-28"], versions["us-ua-20"]).align == "keys"


_PLAN_US = ["All hostilities cease along the line of contact within 72 hours of signature.",
            "Ukraine's armed forces are capped at 600,000 personnel.",
            "Ukraine renounces membership of NATO and the alliance halts its enlargement.",
            "The Zaporizhzhia nuclear plant is restarted under IAEA supervision and its output shared equally.",
            "The United States provides a security guarantee modelled on Article 5.",
            "Sanctions on Russia are lifted in stages.",
            "100 billion dollars of frozen Russian assets fund reconstruction led by the United States.",
            "Elections are held within 100 days.",
            "A Peace Council chaired by the US President oversees implementation.",
            "Full amnesty is granted for acts committed during the war."]
_PLAN_EU = ["A complete and unconditional ceasefire in the air, at sea and on land takes effect immediately.",
            "Ukraine's peacetime army may number up to 800,000 troops.",
            "Ukraine's path to the Euro-Atlantic alliance depends on consensus among its members.",
            "The Zaporizhzhia power station returns to Ukrainian control with the help of the United States.",
            "Ukraine receives robust guarantees from the US and European states, mirroring the alliance's "
            "mutual defence clause.",
            "Restrictive measures against Moscow may be eased gradually and reinstated if the deal is breached.",
            "Ukraine is compensated from immobilised Russian funds, which stay blocked until Russia pays "
            "for the damage.",
            "Prisoners are exchanged all for all and deported children returned.",
            "Territorial questions are negotiated starting from the current line of contact."]


@pytest.mark.parametrize(("topic", "pattern"), [
    ("ceasefire", r"ceasefire|hostilities"), ("army size", r"army|armed forces"), ("NATO", r"NATO|alliance"),
    ("Zaporizhzhia", r"Zaporizhzhia"), ("security guarantees", r"guarantee"),
    ("sanctions", r"sanction|restrictive"), ("frozen assets", r"assets|funds"),
])
def test_made_up_rival_plans_link_or_offer_each_shared_topic(topic, pattern):
    """Two made-up plans in their own words: each topic both treat is linked, or offered as a scored
    possible match between the two points that treat it ("Zaporizhzhia" alone in two different
    sentences is a hint; "all hostilities cease" reads as a ceasefire)."""
    c = compare(Version.from_texts("us", _PLAN_US), Version.from_texts("eu", _PLAN_EU))

    def about(text: str) -> bool:
        return re.search(pattern, text, re.IGNORECASE) is not None

    linked = [ch for ch in c.changes if ch.old and ch.new and about(ch.old_text) and about(ch.new_text)]
    offered = [ch for ch in c.changes if ch.possible_match is not None
               and about(ch.old_text if ch.old else ch.new_text) and about(ch.possible_match.provision.full_text)]
    assert linked or offered


def _keyed(id: str, keyed: list[tuple[str, str, tuple[str, ...]]]) -> Version:
    v = Version.from_texts(id, [text for _key, text, _origins in keyed])
    return attrs.evolve(v, provisions=tuple(attrs.evolve(p, key=key, origins=origins)
                                            for p, (key, _text, origins) in zip(v.provisions, keyed, strict=True)))


_PLAN_A = [("a-cease", "A ceasefire takes effect on signature.", ()),
           ("a-army", "Ukraine's armed forces are capped at 600,000 personnel.", ()),
           ("a-assets", "Frozen Russian assets fund reconstruction.", ())]


@pytest.mark.parametrize(("plan_b", "mode"), [
    ([("b-army", "Ukraine's army is capped at 800,000 troops in peacetime.", ()),
      ("b-cease", "A ceasefire takes effect on signature.", ())], "text"),
    ([("a-army", "Ukraine's army is capped at 800,000 troops in peacetime.", ()),
      ("b-cease", "A ceasefire takes effect on signature.", ())], "keys"),
    ([("b-army", "Ukraine's army is capped at 800,000 troops in peacetime.", ("a-army",)),
      ("b-cease", "A ceasefire takes effect on signature.", ())], "keys"),
])
def test_auto_uses_keys_only_when_the_two_versions_share_a_key_or_an_origin(plan_b, mode):
    old, new = _keyed("a", _PLAN_A), _keyed("b", plan_b)
    c, back = compare(old, new), compare(new, old)
    assert c.align == back.align == mode
    assert back == c.inverse()
    army = next(ch for ch in c.changes if ch.old and "600,000" in ch.old_text)
    partner = army.new or ((army.possible_match.provision,) if army.possible_match else ())
    assert [p.key for p in partner] == [plan_b[0][0]]  # by key, by origin, or by wording
    assert (mode == "keys") == bool(army.new and army.matched_by in ("key", "split", "merge"))
    assert compare(old, new, align="keys").align == "keys"  # asked for, keys are kept


# --------------------------------------------------------------------------- a lone provision in place


def test_a_one_provision_document_links_its_provision():
    """The whole document is one provision on each side: the strongest positional evidence there is."""
    old, new = [P("Forces are capped at 600,000.")], [P("Forces are capped at 800,000 in peacetime.")]
    assert [(lk.old, lk.new, lk.rule) for lk in align_text(old, new).links] == [((0,), (0,), "slot")]
    assert [(lk.old, lk.new) for lk in align_text(new, old).links] == [((0,), (0,))]
    # Unrelated clauses stay apart even so.
    assert align_text([P("Bravo point on sanctions.")], [P("Zulu point on prisoners.")]).links == ()


def test_a_lone_last_provision_under_its_number_links_in_place():
    head = ["The parties agree a ceasefire along the current line of contact.",
            "Monitors of the mission patrol the line every day.",
            "Prisoners are exchanged all for all within a month."]
    old = numbered([*head, "Forces are capped at 600,000."])
    new = numbered([*head, "Forces are capped at 800,000 in peacetime."])
    # Only the slot pass (the assignment and the number passes are off): the last point kept its
    # number at the same end.
    slot_only = AlignConfig(sim_link=1.0, sim_min=1.0, number_min_sim=1.0, number_in_step_min_sim=1.0)
    assert (3, 3) in index_links(align_text(old, new, slot_only))
    # Under another number at the end, a dropped point and an appended one: no rare word, no link.
    renumbered = [*new[:3], P(new[3].text, "7")]
    assert (3, 3) not in index_links(align_text(old, renumbered, slot_only))


def test_a_renumbered_one_point_document_links_only_what_it_carries():
    """A one-point document under a new number: a lightly edited point still links, an unrelated one
    that shares only the drafting boilerplate does not (the precision property at 1,000 examples)."""
    old = [P("The Government should verify the border crossings of Velmora in accordance with this agreement.", "1")]
    replaced = [P("The Government should fund two new schools for refugees in Ostrava in accordance with this "
                  "agreement. Teachers are paid from the reconstruction fund.", "4")]
    assert align_text(old, replaced).links == ()
    assert align_text(replaced, old).links == ()
    edited = [P("The Government should verify the border crossings of Velmora and Ostrava in accordance with "
                "this agreement.", "4")]
    assert index_links(align_text(old, edited)) == {(0, 0)}
    # Under one number the point is answered in place, whatever it says (the number pass).
    assert index_links(align_text(old, [P(replaced[0].text, "1")])) == {(0, 0)}


# --------------------------------------------------------------------------- a look-alike beside a split

_VALLEY = ["The valley council meets on the first Monday of every month.",
           "Members of the council serve for four years.",
           "The council keeps a register of common land in Ashby and Brennmoor.",
           "The ministry reviews the grazing permits of the Alder valley by 2028. Farmers may return unused "
           "pastures in Brennmoor for a refund of 5 euros. The warden will guard the forests of Corrow and "
           "Dunhill under the supervision of the council.",
           "Hunting is prohibited in the nature reserve of Elmstead.",
           "The council publishes its accounts every year.",
           "Disputes about grazing rights go to the land tribunal."]
_KEPT = ("The ministry reviews the grazing permits of the Alder valley by 2028. Farmers may return unused pastures "
         "in Brennmoor for a refund of 5 euros.")


def test_an_inserted_look_alike_beside_a_shortened_point_is_no_part_of_it():
    """Point 4 lost its last sentence (the warden) while a new point about the warden's footpaths was
    inserted after it.  In seven points the neighbour's partner is every part's first choice, so
    adjacency is no evidence: the new point must carry split_cover of the old one's words to join it."""
    look_alike = "The warden shall mark the footpaths of Dunhill along the river and repair the bridges of Corrow."
    old, new = numbered(_VALLEY), numbered([*_VALLEY[:3], _KEPT, look_alike, *_VALLEY[4:]])
    assert (3, 4) not in index_links(align_text(old, new))
    assert (4, 3) not in index_links(align_text(new, old))
    # The allowance for adjacency, granted in documents of any size, absorbs it (the rule is needed).
    assert (3, 4) in index_links(align_text(old, new, AlignConfig(attach_beside_min_provisions=0)))


def test_the_dropped_sentence_rewritten_as_its_own_point_still_joins_its_split():
    rewritten = "The warden guards the forests of Corrow and Dunhill, supervised by the council."
    old, new = numbered(_VALLEY), numbered([*_VALLEY[:3], _KEPT, rewritten, *_VALLEY[4:]])
    assert ((3,), (3, 4), "split") in {(lk.old, lk.new, lk.matched_by) for lk in align_text(old, new).links}


# --------------------------------------------------------------------------- a list whose kept items are anchors


def _guns(values: list[tuple[int, int]]) -> list[Provision]:
    """An unnumbered withdrawal schedule: items that differ only in figures and one of four sectors."""
    sectors = ("northern", "coastal", "eastern", "southern")
    items = [f"Heavy guns in the {sectors[k % 4]} sector withdraw {km} km within {days} days."
             for k, (km, days) in enumerate(values)]
    return [P(t) for t in ["The parties withdraw their heavy guns according to the following schedule.",
                           "A joint verification team confirms each withdrawal in writing.", *items,
                           "Withdrawn guns are stored at sites listed in Annex B."]]


@pytest.mark.parametrize("every", [2, 3])
def test_items_of_a_list_between_kept_items_link_in_order(every):
    """Every second (third) item of an unnumbered schedule changed both figures; the kept items are
    anchors, so each changed item sits alone between two of them.  Its text ties with its siblings
    (the frame weighs nothing by IDF and shares its sector with three others): its place in the list
    carries the link."""
    old_values = [(15 + 3 * k, 10 + k % 4) for k in range(16)]
    new_values = [(25 + 5 * k, 20 + k % 6) if k % every == 0 else v for k, v in enumerate(old_values)]
    result = align_text(_guns(old_values), _guns(new_values))
    assert index_links(result) == {(k, k) for k in range(19)}
    assert {lk.rule for lk in result.links if lk.old[0] - 2 in range(0, 16, every)} == {"template"}
    # With the template rule off (no two items share enough words), the changed items are lost.
    off = align_text(_guns(old_values), _guns(new_values), AlignConfig(template_overlap=1.0))
    assert len(index_links(off)) < 19


def test_a_replaced_item_between_kept_items_stays_apart():
    old_values = [(15 + 3 * k, 10 + k % 4) for k in range(8)]
    old, new = _guns(old_values), _guns(old_values)
    new[5] = P("Mine clearance teams in the coastal sector are funded by the donor conference.")
    assert (5, 5) not in index_links(align_text(old, new))


# --------------------------------------------------------------------------- a chapter rewritten in place

_CHARTER = ["The library is open to every resident of the district.",
            "Opening hours are posted at the entrance and online.",
            "Children under twelve borrow with a parent's card.",
            "Reference works stay in the reading room.",
            "Lost items are replaced at the reader's expense.",
            "The reading room is silent after six in the evening."]
_LENDING = ["Borrowing periods: library items may be borrowed for three weeks and renewed twice at the desk, "
            "subject to reservations by other readers.",
            "Overdue charges: readers returning library items after the due date pay a charge for each day of "
            "delay, up to the replacement value.",
            "Damaged materials: readers reimburse the library for any damage to items beyond ordinary wear."]
_PLAIN = ["How long you can keep things. Three weeks, and you can ask for more time twice unless someone is waiting.",
          "Late returns. Every day late adds a small charge, never more than a new copy.",
          "If something gets damaged. Beyond normal wear, you pay us back for the damage."]


def test_a_chapter_rewritten_in_place_links_clause_by_clause_in_order():
    """A lending chapter rewritten in plain language between two kept points: each clause scores
    0.16-0.35 with its rewrite and shares two or three words with it.  The k-th clause of the slot
    on both sides holds the same place, which lets it link from slot_min_sim, as a lone slot does."""
    old = [P(t) for t in [*_CHARTER[:3], *_LENDING, *_CHARTER[3:]]]
    new = [P(t) for t in [*_CHARTER[:3], *_PLAIN, *_CHARTER[3:]]]
    result = align_text(old, new)
    assert index_links(result) == {(k, k) for k in range(9)}
    # Without the lower bar for a place held in step, only the closest rewrite links.
    strict = align_text(old, new, AlignConfig(slot_min_sim=DEFAULT.slot_gap_min_sim))
    assert {(3, 3), (4, 4)} - index_links(strict) == {(3, 3), (4, 4)}


@pytest.mark.parametrize("order", [(1, 0, 2), (2, 1, 0)])
def test_a_reordered_rewritten_chapter_keeps_only_its_clearindex_links(order):
    """Reordered, the clauses no longer hold the same places: position is no evidence there."""
    old = [P(t) for t in [*_CHARTER[:3], *_LENDING, *_CHARTER[3:]]]
    new = [P(t) for t in [*_CHARTER[:3], *(_PLAIN[k] for k in order), *_CHARTER[3:]]]
    found = index_links(align_text(old, new))
    assert {(3 + k, 3 + order.index(k)) for k in (0, 1)} & found == set()


def test_a_clause_linked_in_place_takes_its_other_part():
    """A clause linked by its place (slot) was split in two: its first part joins it afterwards."""
    split = ["Loans last three weeks from the day you borrow.",
             "You can ask for more time twice at the desk, unless other readers have reserved it.",
             *_PLAIN[1:]]
    more = ["The reading room is silent after six in the evening.", "Group visits are booked two weeks ahead.",
            "The library board meets four times a year.", "Donations of books are accepted at the front desk.",
            "Printing costs ten cents a page.", "This charter is reviewed every five years."]
    old = [P(t) for t in [*_CHARTER, *_LENDING, *more]]
    new = [P(t) for t in [*_CHARTER, *split, *more]]
    links = {(lk.old, lk.new, lk.matched_by, lk.rule) for lk in align_text(old, new).links}
    assert ((6,), (6, 7), "split", "attach-after-slot") in links


def test_a_place_in_step_is_no_evidence_for_a_pair_that_prefers_others():
    """In the European plan against the E3 mark-up, "Russia's place in the global economy is
    restored" and the Zaporizhzhia clause hold the same place in a crowded slot and share "get" and
    "return" (cosine 0.14), but each scores better with another provision: no link."""
    versions = {v.id: v for v in peacediff.versions()}
    old, new = versions["e3-counter-28"].without_keys(), versions["eu-telegraph-24"].without_keys()
    for ch in compare(old, new, align="text").changes:
        if ch.old and ch.new:
            assert not (ch.old[0].text.startswith("Russia's place") and "Zaporizhzhia" in ch.new[0].text)


def test_in_a_handful_of_points_the_rest_of_a_split_beside_its_part_still_joins():
    """Sub-points are a tiny document: "then on banks" became "then on shipping" and "finally on
    banks".  The second new point carries all the old one holds beyond the first (banks), so it
    joins beside it, where a look-alike of the frame would not."""
    old = [P("first on energy;", "a"), P("then on banks.", "b")]
    new = [P("first on energy;", "a"), P("then on shipping;", "b"), P("finally on banks.", "c")]
    assert ((1,), (1, 2), "split") in {(lk.old, lk.new, lk.matched_by) for lk in align_text(old, new).links}


# --------------------------------------------------------------------------- the concept tables


def test_every_word_of_the_concept_tables_reads_as_its_concept():
    """The tables list words and are stemmed once, so no entry can name a stem no word has
    ("truce", "ceasefire", "armistice", "captive", "assurance" and "staged" were written as
    stems the stemmer never gives, and silently read as nothing)."""
    from peacediff._lexical import _CONCEPT_WORD_GROUPS, _CONCEPT_WORDS, drafting_concepts, normalise, paraphrase_bag

    for word, concept in _CONCEPT_WORDS.items():
        assert drafting_concepts(f"The {word} here.") == {concept}, word
    assert not drafting_concepts("Each Party bears its own costs.")  # "own" alone is no ownership
    for concept, group in _CONCEPT_WORD_GROUPS.items():
        for word in group:
            held = paraphrase_bag(normalise(f"The {word} here."))
            assert held & {concept, *_CONCEPT_WORDS.values()}, word


@pytest.mark.parametrize(("old_text", "new_text"), [
    ("Decisions of the Commission shall be taken by consensus.",
     "The Commission acts only when all of its members agree."),
    ("Russia and Ukraine agree to a full and unconditional ceasefire along the contact line.",
     "Both countries stop shooting everywhere along the front, with no conditions attached."),
    ("The Parties agree to an armistice along the current line.",
     "A truce holds along the current line from signature."),
    ("As between the parties, the Customer retains all right, title and interest in the Customer Data.",
     "You own your data."),
    ("The Member retains ownership of any photograph it submits.", "Your photos stay yours."),
])
def test_a_clause_reworded_in_place_with_a_drafting_synonym_links_in_place(old_text, new_text):
    frame = ["An international mission monitors the line with drones and ground patrols.",
             "All prisoners of war are exchanged on an all-for-all basis within 30 days.",
             "Elections are held within 100 days of the signing of this agreement."]
    for k in (0, 2):  # first and in the middle between two kept points
        old = numbered([*frame[:k], old_text, *frame[k:]])
        new = numbered([*frame[:k], new_text, *frame[k:]])
        assert (k, k) in index_links(align_text(old, new)), k


def test_an_inserted_point_sharing_a_dropped_sentences_frame_is_no_part_of_its_split():
    """From a stress run: point 1 lost its first sentence, and a new point inserted before it
    shares that sentence's frame ("Both parties must implement ...") but none of its names.
    In seven points the inserted one used to join point 1 as the other part of a split."""
    kept = [GENERATED["sc"],
            GENERATED["mon"],
            GENERATED["terr"],
            GENERATED["nato"],
            GENERATED["ukr"],
            "Russia is to establish all ports of Vababaets up to 400,000 personnel. The monitoring mission will "
            "negotiate nuclear sanctions of Zababaino after the ceasefire."]
    second = "The joint commission must establish the obligations in Kebabask before the elections."
    old = numbered([f"Both parties must implement joint agreements of Mibabaan in Rebabaar and Hebabaor. {second}",
                    *kept])
    inserted = ("The Security Council may implement regional assistance of Bebabaar within 60 days. Both parties "
                "must return borders for Vababaets and Nibabaopil in accordance with this agreement. The Security "
                "Council may recognise corridors for Hababaino and Kababaar by 2028.")
    new = numbered([inserted, second, *kept])
    links = index_links(align_text(old, new))
    assert (0, 1) in links
    assert (0, 0) not in links
