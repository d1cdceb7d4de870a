"""Made-up redrafts of seven kinds of document for the paraphrase hunt (issue 17): clauses
reworded in place among firm anchors, short one-sentence units reworded, and true removals
and additions on near topics (a new clause on the subject of a dropped one, in the same place,
must not link).

Each document is a list of rows: ``("=", text)`` kept, ``("e", old, new)`` lightly edited,
``("p", old, new)`` paraphrased in place (a true link the words alone may not show), ``("-", old)``
dropped, ``("+", new)`` added.  :func:`pair` builds the two versions and the true links;
:func:`isolated` builds one pair per paraphrase with every other row kept as it was, the
paraphrase's firm neighbours intact.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from peacediff._align_config import DEFAULT, AlignConfig
from peacediff.align import align_text
from peacediff.model import Provision

Row = tuple[str, ...]

LEASE: list[Row] = [
    ("=", "This lease is made between the Landlord, Harbourview Properties Ltd, and the Tenant named in Schedule 1."),
    ("=", "The premises are the ground-floor unit at 14 Quay Street together with one parking space."),
    ("p", "The term of the lease is three years starting on 1 March 2027.",
     "The lease runs for three years from 1 March 2027."),
    ("e", "The Tenant shall pay rent of EUR 1,800 per month in advance on the first day of each month.",
     "The Tenant shall pay rent of EUR 1,950 per month in advance on the first day of each month."),
    ("p", "The Tenant shall pay a deposit equal to two months' rent before moving in.",
     "Before taking possession, the Tenant hands over a security sum worth two months of rent."),
    ("=", "The deposit is held in a protected account and returned within 30 days after the end of the lease, "
          "less any lawful deductions."),
    ("-", "The Landlord shall insure the building against fire and flood."),
    ("+", "The Tenant shall take out insurance covering its own furniture and belongings."),
    ("=", "The Tenant shall not sublet the premises or any part of them."),
    ("p", "The Landlord is responsible for repairs to the roof, walls and structure of the building.",
     "Structural repairs, including the roof and outside walls, fall to the Landlord."),
    ("p", "The Tenant shall keep the interior in good and clean condition, fair wear and tear excepted.",
     "Inside the unit, the Tenant must look after the decoration and fittings, allowing for normal wear."),
    ("=", "The Landlord may enter the premises to inspect them on giving at least 48 hours' notice."),
    ("p", "Either party may end the lease at the end of the second year by giving three months' written notice.",
     "After two years, the lease can be brought to an end by either side with three months' notice in writing."),
    ("=", "If the Tenant fails to pay rent for two consecutive months, the Landlord may terminate the lease."),
    ("-", "The Tenant shall pay for water, electricity and gas used at the premises."),
    ("+", "Council tax for the premises is payable by the Tenant."),
    ("=", "The Tenant shall return all keys on the last day of the term."),
    ("p", "Any notice under this lease must be in writing and delivered by hand or by registered post.",
     "Notices are to be written and either handed over in person or sent by recorded delivery."),
    ("=", "This lease is governed by the law of Ireland."),
    ("p", "Smoking is forbidden inside the building.", "No one may smoke anywhere indoors."),
]

DATA_ADDENDUM: list[Row] = [
    ("=", "This addendum forms part of the services agreement between the Customer and the Processor."),
    ("p", "The Processor shall process personal data only on documented instructions from the Customer.",
     "Personal data may be handled by the Processor solely as the Customer instructs in writing."),
    ("=", "The categories of data subjects and personal data are listed in Annex A."),
    ("p", "The Processor shall ensure that persons authorised to process the personal data have committed "
          "themselves to confidentiality.",
     "Everyone the Processor lets work with the personal data must be bound by a duty of secrecy."),
    ("e", "The Processor shall implement appropriate technical and organisational measures to protect personal data.",
     "The Processor shall implement appropriate technical and organisational measures, including encryption at "
     "rest, to protect personal data."),
    ("p", "The Processor shall not engage another processor without prior specific or general written "
          "authorisation of the Customer.",
     "Sub-processors may be appointed only with the Customer's written approval, given case by case or in general."),
    ("=", "Where general authorisation is given, the Processor shall inform the Customer of any intended changes "
          "concerning sub-processors."),
    ("p", "The Processor shall notify the Customer without undue delay after becoming aware of a personal data breach.",
     "If personal data is compromised, the Processor must tell the Customer as soon as it finds out."),
    ("-", "The Processor shall assist the Customer in carrying out data protection impact assessments."),
    ("+", "The Processor shall assist the Customer in responding to requests from data subjects exercising "
          "their rights."),
    ("p", "At the choice of the Customer, the Processor shall delete or return all personal data after the end "
          "of the services.",
     "When the services finish, the Processor erases the personal data or hands it back, as the Customer decides."),
    ("=", "The Processor shall make available to the Customer all information necessary to demonstrate "
          "compliance with this addendum."),
    ("p", "The Processor shall allow for and contribute to audits, including inspections, conducted by the "
          "Customer or an auditor it mandates.",
     "The Customer, or an auditor acting for it, may examine the Processor's facilities and records, and the "
     "Processor shall cooperate."),
    ("=", "The Processor shall not transfer personal data outside the European Economic Area without "
          "appropriate safeguards."),
    ("p", "The Processor shall keep a record of all processing activities.",
     "A written log of every processing activity is maintained by the Processor."),
    ("=", "The Processor's liability under this addendum is subject to the limits in the services agreement."),
    ("p", "This addendum remains in force for as long as the Processor processes personal data for the Customer.",
     "The addendum stays effective while any processing of the Customer's personal data continues."),
    ("=", "In case of conflict, this addendum prevails over the services agreement."),
]

ARMS_ANNEX: list[Row] = [
    ("=", "This Annex sets out the procedures for the reduction of conventional armaments under Article IV "
          "of the Treaty."),
    ("=", "Each State Party shall reduce its battle tanks, armoured combat vehicles and artillery to the "
          "ceilings in Table 1."),
    ("p", "Reductions shall be completed within 40 months after entry into force of the Treaty.",
     "Each State Party must finish cutting its holdings no later than 40 months from the day the Treaty "
     "takes effect."),
    ("p", "Reduction shall be carried out by destruction, conversion for non-military purposes, or static display.",
     "Equipment may be disposed of by destroying it, converting it to civilian use, or placing it on static "
     "display."),
    ("=", "Battle tanks shall be destroyed by cutting the hull into two parts and removing the turret."),
    ("-", "Artillery pieces may be converted into training equipment."),
    ("+", "Armoured combat vehicles may be converted into ambulances or fire-fighting vehicles."),
    ("p", "Each State Party shall notify all other States Parties at least 15 days before starting each reduction.",
     "Fifteen days' advance notice of every reduction shall be given to the other States Parties."),
    ("=", "The notification shall specify the location of the reduction site and the number and types of "
          "items to be reduced."),
    ("p", "Inspectors of other States Parties have the right to observe the reduction process at any "
          "reduction site.",
     "Any State Party may send inspectors to watch reductions at the declared sites."),
    ("=", "Inspection teams shall consist of no more than nine inspectors."),
    ("p", "The inspected State Party bears the costs of the escort team.",
     "Escort costs are paid by the State Party being inspected."),
    ("=", "Each inspection shall last no longer than 48 hours."),
    ("-", "Disputes about the completion of reductions shall be referred to the Joint Consultative Group."),
    ("+", "The Joint Consultative Group shall meet at least twice a year in Vienna."),
    ("p", "Items exceeding the ceilings at the end of the reduction period shall be deemed a violation of "
          "the Treaty.",
     "Holding more equipment than Table 1 allows once the reduction period ends breaches the Treaty."),
    ("=", "This Annex is an integral part of the Treaty."),
]

BYLAW: list[Row] = [
    ("=", "This bylaw may be cited as the Riverside Noise and Nuisance Bylaw."),
    ("=", "In this bylaw, 'council' means the Municipal Council of Riverside."),
    ("p", "No person shall operate power tools outdoors between 9 p.m. and 7 a.m.",
     "Outdoor use of power tools is banned from 9 p.m. until 7 a.m."),
    ("p", "Construction work on Sundays and public holidays is prohibited.",
     "Building sites must stay silent on Sundays and bank holidays."),
    ("=", "Amplified music in a public park requires a permit from the council."),
    ("-", "Dogs must be kept on a leash in all public parks."),
    ("+", "Dog owners shall remove their dog's waste from any public place."),
    ("p", "A person who breaches this bylaw is liable to a fine of up to 500 dollars.",
     "Breaking any rule in this bylaw can cost the offender a penalty of as much as 500 dollars."),
    ("=", "Bylaw officers may issue a written warning before imposing a fine."),
    ("p", "Garbage bins may be placed at the curb no earlier than 6 p.m. on the day before collection.",
     "Bins go out to the kerb from 6 p.m. the evening before pickup, not sooner."),
    ("=", "Burning of leaves or household waste in the open air is not allowed."),
    ("p", "Residents shall clear snow from the sidewalk in front of their property within 24 hours after "
          "a snowfall.",
     "Homeowners have 24 hours after snow stops falling to shovel the pavement outside their home."),
    ("-", "Vehicles may not be parked on a lawn."),
    ("+", "Vehicles may not be left idling for more than five minutes."),
    ("=", "The council may grant an exemption from this bylaw for a community event."),
    ("p", "This bylaw comes into force on the day it is adopted by the council.",
     "The bylaw takes effect upon its adoption by the council."),
    ("=", "The Noise Bylaw of 1998 is repealed."),
]

CONSORTIUM: list[Row] = [
    ("=", "The Parties form a consortium to carry out the project described in Annex 1."),
    ("p", "The Coordinator is the intermediary between the Parties and the Funding Agency.",
     "All communication with the Funding Agency goes through the Coordinator on behalf of the Parties."),
    ("=", "The General Assembly is the decision-making body of the consortium and consists of one "
          "representative per Party."),
    ("p", "The General Assembly shall meet at least once a year.",
     "A General Assembly meeting is held annually at a minimum."),
    ("p", "Decisions of the General Assembly require a two-thirds majority of the votes cast.",
     "The General Assembly decides by two thirds of the votes cast."),
    ("=", "Each Party shall carry out the tasks assigned to it in the work plan."),
    ("p", "Results are owned by the Party that generates them.", "Whoever produces a result holds title to it."),
    ("=", "Where several Parties jointly generate results, they own them jointly and shall agree on their "
          "allocation and exploitation."),
    ("-", "Each Party grants the other Parties royalty-free access rights to its background needed to carry "
          "out the project."),
    ("+", "Access rights to background for exploiting the results are granted on fair and reasonable conditions."),
    ("p", "A Party may publish its own results provided that it gives the other Parties 30 days' prior notice.",
     "Before any publication of its results, a Party must warn the others 30 days ahead."),
    ("=", "Another Party may object to a publication within 30 days if its legitimate interests would be harmed."),
    ("p", "Each Party is liable only for damage caused by its gross negligence or wilful misconduct.",
     "No Party is responsible for losses unless it acted with gross negligence or intent."),
    ("=", "No Party shall be liable for indirect or consequential damage such as loss of profits."),
    ("p", "A Party may leave the consortium only with the consent of the General Assembly.",
     "Withdrawal of a Party requires the General Assembly's approval."),
    ("=", "This agreement is governed by the laws of Belgium."),
    ("p", "The agreement ends when all obligations of the Parties under the grant agreement have been fulfilled.",
     "It terminates once every Party has met its duties under the grant agreement."),
]

EMPLOYMENT: list[Row] = [
    ("=", "The Employer employs the Employee as Senior Analyst from 1 September 2027."),
    ("p", "The Employee's place of work is the Employer's office in Leeds.",
     "The Employee will be based at the Leeds office."),
    ("p", "The first six months of employment are a probationary period.",
     "Employment starts with a six-month trial period."),
    ("=", "During the probationary period, either party may end the employment with one week's notice."),
    ("e", "The Employee's gross annual salary is GBP 48,000, paid monthly in arrears.",
     "The Employee's gross annual salary is GBP 52,000, paid monthly in arrears."),
    ("p", "Normal working hours are 37.5 hours a week, Monday to Friday.",
     "The Employee is expected to work 37.5 hours each week on weekdays."),
    ("-", "The Employee may work from home up to two days a week."),
    ("+", "The Employee shall be available for on-call duty one weekend a month."),
    ("p", "The Employee is entitled to 25 days of paid holiday per year in addition to public holidays.",
     "On top of bank holidays, the Employee gets 25 days' paid leave each year."),
    ("=", "Holiday dates must be agreed with the line manager in advance."),
    ("p", "If the Employee is unable to work due to illness, he must inform his manager before 10 a.m. on "
          "the first day of absence.",
     "An Employee who is too ill to work shall tell the line manager by 10 a.m. on the first day off sick."),
    ("=", "Statutory sick pay is payable in accordance with the regulations in force."),
    ("p", "The Employee shall not disclose any confidential information of the Employer during or after "
          "employment.",
     "Both while employed and afterwards, the Employee must keep the Employer's business secrets to himself."),
    ("=", "The Employer may carry out disciplinary action in accordance with the staff handbook."),
    ("-", "After probation, either party may terminate the employment by giving one month's written notice."),
    ("+", "After probation, the notice period increases by one week for each full year of service."),
    ("p", "The Employee must return all company property on leaving.",
     "When the employment ends, laptops, keys and all other property of the Employer are to be handed back."),
    ("=", "This contract is governed by the law of England and Wales."),
]

TRADE_CHAPTER: list[Row] = [
    ("=", "Objective: this Chapter aims to facilitate trade in goods between the Parties by reducing "
          "technical barriers."),
    ("=", "Scope: this Chapter applies to technical regulations and conformity assessment procedures that "
          "may affect trade in goods."),
    ("p", "Each Party shall use relevant international standards as a basis for its technical regulations.",
     "Technical regulations of a Party are to be built on the applicable international standards."),
    ("p", "Each Party shall give positive consideration to accepting technical regulations of the other "
          "Party as equivalent.",
     "A Party will look favourably on treating the other Party's technical regulations as equivalent to its own."),
    ("=", "Each Party shall accept the results of conformity assessment procedures performed in the territory "
          "of the other Party."),
    ("-", "A Party shall allow at least 60 days for comments on proposed technical regulations."),
    ("+", "A Party shall publish proposed technical regulations in a single official journal."),
    ("p", "A Party shall allow a reasonable interval of not less than six months between publication and "
          "entry into force of a technical regulation.",
     "At least six months must pass between a technical regulation's publication and the date it takes effect."),
    ("=", "Each Party shall designate a contact point for matters arising under this Chapter."),
    ("p", "The Parties shall exchange information on market surveillance activities.",
     "Information about market surveillance is to be shared between the Parties."),
    ("p", "Labelling requirements shall not be more trade-restrictive than necessary.",
     "No marking or labelling rule may restrict trade more than it needs to."),
    ("=", "A Party may require that labelling information be provided in its official language."),
    ("p", "The Committee on Technical Barriers to Trade shall meet within one year after entry into force of "
          "this Agreement and annually thereafter.",
     "The TBT Committee holds its first meeting during the Agreement's first year in force and then convenes "
     "every year."),
    ("=", "The Committee may establish working groups on specific sectors."),
    ("p", "Disputes under this Chapter are subject to Chapter 21 (Dispute Settlement).",
     "Chapter 21 on Dispute Settlement applies to any disagreement under this Chapter."),
]

DOCUMENTS: dict[str, list[Row]] = {
    "lease": LEASE, "data-addendum": DATA_ADDENDUM, "arms-annex": ARMS_ANNEX, "bylaw": BYLAW,
    "consortium": CONSORTIUM, "employment": EMPLOYMENT, "trade-chapter": TRADE_CHAPTER,
}

Pair = tuple[list[Provision], list[Provision], set[tuple[int, int]], set[tuple[int, int]]]


def pair(rows: Sequence[Row]) -> Pair:
    """The old and new versions of ``rows`` (numbered 1, 2, 3 … on each side), every true link
    (old index, new index), and the paraphrased ones among them."""
    old: list[str] = []
    new: list[str] = []
    truth: set[tuple[int, int]] = set()
    para: set[tuple[int, int]] = set()
    for row in rows:
        kind = row[0]
        if kind == "-":
            old.append(row[1])
        elif kind == "+":
            new.append(row[1])
        else:
            a, b = (row[1], row[1]) if kind == "=" else (row[1], row[2])
            truth.add((len(old), len(new)))
            if kind == "p":
                para.add((len(old), len(new)))
            old.append(a)
            new.append(b)
    return _numbered(old), _numbered(new), truth, para


def isolated(rows: Sequence[Row]) -> list[Pair]:
    """One pair per paraphrase of ``rows``: that clause reworded, every other row as it was in the
    old version (removals and additions undone), so its neighbours are firm anchors."""
    out = []
    for k, row in enumerate(rows):
        if row[0] != "p":
            continue
        before = [("=", r[1]) for r in rows[:k] if r[0] != "+"]
        after = [("=", r[1]) for r in rows[k + 1:] if r[0] != "+"]
        out.append(pair([*before, row, *after]))
    return out


def _numbered(texts: list[str]) -> list[Provision]:
    return [Provision(text=t, number=str(k)) for k, t in enumerate(texts, start=1)]


def links(old: Sequence[Provision], new: Sequence[Provision], config: AlignConfig = DEFAULT) -> set[tuple[int, int]]:
    """Every (old index, new index) the text alignment links."""
    return {(i, j) for lk in align_text(old, new, config).links for i in lk.old for j in lk.new}


_NEW_FIRST = "Definitions: words defined in the main text have the same meaning in this document."


def shifted(p: Pair) -> Pair:
    """``p`` with a new first clause in the new version: every new number moves up by one."""
    old, new, truth, para = p
    texts = [_NEW_FIRST, *(x.text for x in new)]
    return old, _numbered(texts), {(i, j + 1) for i, j in truth}, {(i, j + 1) for i, j in para}


def last_to_last(rows: Sequence[Row]) -> list[Pair]:
    """One pair per paraphrase of ``rows``, moved last on both sides, the rest kept as in the old
    version but for a new first clause (the last numbers differ)."""
    kept = [("=", r[1]) for r in rows if r[0] not in "+p"]
    return [shifted(pair([*kept, row])) for row in rows if row[0] == "p"]


def traps_last(rows: Sequence[Row]) -> list[Pair]:
    """One pair per dropped clause of ``rows`` followed by an added one (a clause replaced by another
    on its subject): the two put last on their sides, the rest kept, a new first clause (the last
    numbers differ).  No true link joins the two."""
    kept = [("=", r[1]) for r in rows if r[0] not in "+-p"]
    out = []
    for k in range(len(rows) - 1):
        if rows[k][0] == "-" and rows[k + 1][0] == "+":
            out.append(shifted(pair([*kept, rows[k], rows[k + 1]])))
    return out


def traps_in_place(rows: Sequence[Row]) -> list[Pair]:
    """:func:`traps_last` with the two left where they stand between kept clauses (no shift)."""
    out = []
    for k in range(len(rows) - 1):
        if rows[k][0] == "-" and rows[k + 1][0] == "+":
            before = [("=", r[1]) for r in rows[:k] if r[0] not in "+-p"]
            after = [("=", r[1]) for r in rows[k + 2:] if r[0] not in "+-p"]
            out.append(shifted(pair([*before, rows[k], rows[k + 1], *after])))
    return out


#: Clauses replaced by another on their subject that names the dropped clause's concept in other
#: words ("reviewed annually" / "paid yearly"): (document, dropped, added).  No true link.
RENAMED_TRAPS: list[tuple[str, str, str]] = [
    ("lease", "Either party may terminate the lease on three months' written notice.",
     "The lease ends automatically if the Tenant becomes insolvent."),
    ("lease", "The Tenant shall notify the Landlord of any damage to the premises.",
     "The Landlord shall tell the Tenant of any planned building works a week in advance."),
    ("data-addendum", "The Processor shall delete all copies of personal data at the end of the services.",
     "Backups are erased on a rolling 90-day cycle."),
    ("data-addendum", "The Processor shall not engage a sub-processor without the Customer's prior consent.",
     "Transfers outside the Economic Area need the Customer's approval."),
    ("consortium", "Each Party is liable for damage it causes to another Party.",
     "The Coordinator is responsible for distributing the funding among the Parties."),
    ("consortium", "The General Assembly shall meet at least once a year.",
     "The Executive Board convenes every quarter."),
    ("employment", "The Employer may dismiss the Employee for gross misconduct without notice.",
     "Redundancies are handled under the collective agreement."),
    ("employment", "The Employee's salary is reviewed annually.",
     "The bonus is paid yearly in March."),
    ("bylaw", "This bylaw comes into force on the day it is adopted by the council.",
     "Parking rules take effect on 1 January."),
    ("bylaw", "Bylaw officers may inspect any premises where a breach is suspected.",
     "The council shall audit compliance with this bylaw every two years."),
    ("arms-annex", "Each State Party shall notify the others of every reduction 15 days in advance.",
     "Each State Party shall inform the others of the location of its storage sites."),
    ("arms-annex", "Disputes shall be referred to the Joint Consultative Group.",
     "Inspectors may ask the Joint Consultative Group to arbitrate disagreements about access."),
    ("trade-chapter", "A Party shall allow 60 days for comments on proposed technical regulations.",
     "A Party shall publish its final technical regulations in the official journal."),
    ("trade-chapter", "The Committee shall meet annually.",
     "Working groups shall convene when the Committee asks them to."),
]


def renamed_trap(doc: str, dropped: str, added: str, place: str) -> tuple[Pair, tuple[int, int]]:
    """A pair of the document's kept clauses with ``dropped`` / ``added`` put ``place``: "last" (behind
    a new first clause: the last numbers differ), "middle" (between kept clauses, under one
    number) or "middle-shifted"; and the (old, new) indices of the two, which no true link joins."""
    kept: list[Row] = [("=", r[1]) for r in DOCUMENTS[doc] if r[0] == "="]
    m = len(kept) if place == "last" else len(kept) // 2
    built = pair([*kept[:m], ("-", dropped), ("+", added), *kept[m:]])
    if place == "middle":
        return built, (m, m)
    return shifted(built), (m, m + 1)


#: Light edits of a short unit: (words, replacement), the first that occurs is made.
_EDITS = (("shall", "must"), ("within", "no later than"), ("30", "45"), ("two", "three"), ("any", "every"),
          ("the Parties", "both Parties"), ("written", "prior written"), ("may", "can"))


def short_unit_redraft(seed: int, name: str) -> tuple[list[Provision], list[Provision], set[tuple[int, int]]]:
    """A random redraft of document ``name``'s one-sentence units (``seed``): a tenth dropped, some
    new units inserted (the document's added clauses and a few of other documents' kept ones), half
    the paraphrases reworded, a quarter of the rest lightly edited; the two versions and the true
    links."""
    rnd = random.Random(seed)
    rows = DOCUMENTS[name]
    inserts = [r[1] for r in rows if r[0] == "+"] + [
        r[1] for other, kept in DOCUMENTS.items() if other != name for r in kept if r[0] == "=" and rnd.random() < 0.05]
    old: list[str] = []
    new: list[str] = []
    truth: set[tuple[int, int]] = set()
    for row in rows:
        if row[0] not in "=pe":
            continue
        x = rnd.random()
        if x < 0.1:
            old.append(row[1])
            continue
        if x < 0.15 and inserts:
            new.append(inserts.pop(rnd.randrange(len(inserts))))
        if row[0] == "p" and rnd.random() < 0.5:
            text = row[2]
        elif rnd.random() < 0.25:
            text = _edited(row[1], rnd)
        else:
            text = row[1]
        truth.add((len(old), len(new)))
        old.append(row[1])
        new.append(text)
    return _numbered(old), _numbered(new), truth


def _edited(text: str, rnd: random.Random) -> str:
    found = [(a, b) for a, b in _EDITS if f" {a} " in f" {text} "]
    if not found:
        return text.rstrip(".") + ", unless agreed otherwise."
    a, b = rnd.choice(found)
    return f" {text} ".replace(f" {a} ", f" {b} ", 1).strip()
