"""Hand-built Comparisons for the renderer tests: every change kind, independent of the diff engine.

``sample_comparison()`` covers unchanged, modified (parameter and modality changes), removed (with a
removal report), added (with a possible match), split, merged, moved, unknown, sub-point changes,
wording-not-known, evidence and reported variants.  ``hostile_comparison(text)`` puts ``text`` into
every free-text field a view shows.  ``word_ops`` is a stand-in for the engine's word diff.
"""

from __future__ import annotations

import difflib
import re

from peacediff.compare import Change, Comparison, Dispute, ModalityShift, ParameterChange, PossibleMatch
from peacediff.model import Claim, Evidence, Parameter, Provision, Removal, Source, Variant, Version

_TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def word_ops(old: str, new: str) -> tuple[tuple[int, str], ...]:
    """Word-level diff-match-patch style ops: equal+delete rebuild ``old``, equal+insert ``new``."""
    a, b = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    assert "".join(a) == old and "".join(b) == new
    ops: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append((0, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append((-1, "".join(a[i1:i2])))
        if j2 > j1:
            ops.append((1, "".join(b[j1:j2])))
    return tuple(ops)


def _pair(kind: str, old: tuple[Provision, ...], new: tuple[Provision, ...], **fields: object) -> Change:
    old_text = "\n".join(p.full_text for p in old)
    new_text = "\n".join(p.full_text for p in new)
    return Change(kind=kind, old=old, new=new, ops=word_ops(old_text, new_text), **fields)  # type: ignore[arg-type]


SOURCES = (
    Source(id="wire", outlet="Example Wire", date="2025-11-20", url="https://example.org/plan?id=28&lang=en"),
    Source(id="paper", outlet="Example Paper", date="2025-11-21", url="http://example.net/story"),
    Source(id="seed-000", outlet="Seed article", seed="000_example.txt"),
)


def sample_versions() -> tuple[Version, Version]:
    """An old complete version of ten points and a partial new revision of it."""
    old = Version(
        id="plan-a",
        title="Draft plan A",
        date="2025-11-20",
        proposer="Mediator",
        drafters=("Envoy One", "Envoy Two"),
        status="leaked",
        declared_count=10,
        sources=SOURCES,
        summary="The first leaked draft.",
        provisions=(
            Provision(number="1", key="sovereignty", title="Sovereignty", text="Sovereignty is reaffirmed.",
                      sources=("wire",)),
            Provision(number="2", key="army-cap", title="Army cap",
                      text="The armed forces shall be limited to 600,000 personnel.",
                      parameters=(Parameter("armed_forces_cap", 600000, unit="personnel"),),
                      evidence=(Evidence(source="seed-000", quote="limited to 600,000 personnel"),),
                      sources=("wire", "paper"), category="Security", category_inferred=True),
            Provision(number="3", key="enlargement", title="No enlargement",
                      text="The alliance will not enlarge further.", sources=("wire",)),
            Provision(number="4", key="dialogue", title="Dialogue",
                      text="A dialogue settles security issues."),
            Provision(number="5", key="rebuild", title="Rebuilding",
                      text="A fund rebuilds the cities. A bank finances the power grid."),
            Provision(number="6", key="prisoners", title="Prisoners", text="All prisoners are exchanged."),
            Provision(number="7", key="families", title="Families", text="Families are reunited."),
            Provision(number="8", key="amnesty", title="Amnesty", text="A full amnesty is granted."),
            Provision(number="9", key="guarantee", title="Guarantee", text="A guarantee is given.",
                      subpoints=(
                          Provision(number="a", key="guarantee.pay", text="The guarantor is paid."),
                          Provision(number="b", key="guarantee.void", text="It lapses on attack."),
                      )),
            Provision(number="10", key="elections", title="Elections",
                      text="Elections are held within 100 days.",
                      parameters=(Parameter("elections_deadline_days", 100, unit="days"),)),
        ),
        variants=(
            Variant(id="army-cap-size", topic="Size of the armed-forces cap", key="army-cap",
                    parameter="armed_forces_cap",
                    claims=(Claim(600000, sources=("wire",), unit="personnel"),
                            Claim(400000, sources=("paper",), unit="personnel", note="one report only")),
                    verdict="The published text says 600,000."),
        ),
    )
    new = Version(
        id="plan-b",
        title="Counter-proposal B",
        date="2025-11-23",
        proposer="Allies",
        status="published",
        coverage="partial",
        declared_count=10,
        parents=("plan-a",),
        sources=SOURCES[:2],
        provisions=(
            Provision(number="1", key="sovereignty", title="Sovereignty", text="Sovereignty is reaffirmed.",
                      sources=("wire",)),
            Provision(number="2", key="army-cap", title="Army cap",
                      text="The armed forces may be limited to 800,000 personnel in peacetime.",
                      parameters=(Parameter("armed_forces_cap", 800000, unit="personnel"),),
                      sources=("paper",)),
            Provision(number="3", key="monitoring", title="Monitoring",
                      text="The alliance monitors the ceasefire.", confidence="reported"),
            Provision(number="4", key="rebuild.fund", origins=("rebuild",),
                      text="A fund rebuilds the cities."),
            Provision(number="5", key="rebuild.grid", origins=("rebuild",),
                      text="A bank finances the power grid."),
            Provision(number="6", key="humanitarian", origins=("prisoners", "families"), title="Humanitarian",
                      text="All prisoners are exchanged and families are reunited."),
            Provision(number="7", key="dialogue", title="Dialogue",
                      text="A dialogue settles security issues."),
            Provision(number="8", key="guarantee", title="Guarantee", text="A guarantee is given.",
                      subpoints=(
                          Provision(number="a", key="guarantee.pay", text="The guarantor is paid in full."),
                      )),
            Provision(number="9", key="elections", title="Elections", wording_known=False,
                      text="Reported: elections are held as soon as possible.", confidence="reported",
                      parameters=(Parameter("elections_deadline_days", "as soon as possible"),)),
        ),
        removed=(
            Removal(key="enlargement", sources=("paper",), note="Deleted in the counter-proposal.",
                    evidence=(Evidence(source="paper", quote="point 3 is deleted"),)),
        ),
    )
    return old, new


def sample_comparison() -> Comparison:
    """Every change kind, in reading order, with ops consistent with the texts."""
    old, new = sample_versions()
    o = {p.number: p for p in old.provisions}
    n = {p.number: p for p in new.provisions}
    changes = (
        _pair("unchanged", (o["1"],), (n["1"],), matched_by="key", similarity=1.0),
        _pair("modified", (o["2"],), (n["2"],), matched_by="key", similarity=0.71,
              parameter_changes=(ParameterChange("armed_forces_cap", 600000, 800000, unit="personnel"),),
              modality_shifts=(ModalityShift("shall", "may"),),
              disputes=tuple(Dispute(old.id, v) for v in old.variants if v.key == "army-cap")),
        _pair("removed", (o["3"],), ()),
        _pair("added", (), (n["3"],), possible_match=PossibleMatch(provision=o["3"], similarity=0.34)),
        _pair("split", (o["5"],), (n["4"], n["5"]), matched_by="split", similarity=0.97, renumbered=True),
        _pair("merged", (o["6"], o["7"]), (n["6"],), matched_by="merge", similarity=0.9, renumbered=True),
        Change(kind="unknown", old=(o["8"],)),
        _pair("unchanged", (o["4"],), (n["7"],), matched_by="key", similarity=1.0, renumbered=True,
              moved=True),
        _pair("modified", (o["9"],), (n["8"],), matched_by="key", similarity=0.8, renumbered=True,
              subchanges=(
                  _pair("modified", (o["9"].subpoints[0],), (n["8"].subpoints[0],), matched_by="key"),
                  _pair("removed", (o["9"].subpoints[1],), ()),
              )),
        _pair("modified", (o["10"],), (n["9"],), matched_by="key", similarity=0.5, renumbered=True,
              parameter_changes=(ParameterChange("elections_deadline_days", 100, "as soon as possible",
                                                 unit="days"),),
              note="Only the fact of the change was reported."),
    )
    return Comparison(old=old, new=new, changes=changes, align="keys")


def budget_comparison() -> Comparison:
    """A small comparison whose work budget tripped."""
    old = Version.from_texts("x", ["One.", "Two."], title="X")
    new = Version.from_texts("y", ["One.", "Two and three."], title="Y")
    changes = (
        _pair("unchanged", (old.provisions[0],), (new.provisions[0],), matched_by="exact", similarity=1.0),
        _pair("modified", (old.provisions[1],), (new.provisions[1],), matched_by="number", similarity=0.6),
    )
    return Comparison(old=old, new=new, changes=changes, align="text", budget_exhausted=True,
                      budget_notes=("text diff budget exhausted at point 2",))


def hostile_comparison(text: str) -> Comparison:
    """A comparison carrying ``text`` in every free-text field the views show."""
    t = text if text.strip() else text + "x"
    src = Source(id="evil", outlet=t, date="2025-01-01", url=f"https://example.org/{t}", note=t)
    bad_url = Source(id="js", outlet=t, url="javascript:alert(1)")
    old = Version(
        id="old", title=t, date="2025", date_note=t, proposer=t, drafters=(t, t + "2"), summary=t, note=t,
        sources=(src, bad_url),
        provisions=(
            Provision(number="1", key="k1", title=t, text=t + " kept", category=t, note=t,
                      evidence=(Evidence(source="evil", quote=t, note=t),), sources=("evil", "js")),
            Provision(number="2", key="k2", text="old " + t, parameters=(Parameter("p_name", t, unit=t),),
                      subpoints=(Provision(number="a", key="k2.a", text=t),)),
            Provision(number="3", key="k3", text=t + " gone"),
            Provision(number="4", key="k4", text=t + " unknown"),
        ),
        variants=(Variant(id="v1", topic=t, key="k2", claims=(Claim(t, sources=("evil",), note=t),
                                                               Claim(t + "!", sources=("js",))),
                          verdict=t),),
    )
    new = Version(
        id="new", title=t + " new", proposer=t, coverage="partial", sources=(src,),
        provisions=(
            Provision(number="1", key="k1", title=t, text=t + " kept", sources=("evil",)),
            Provision(number="2", key="k2", text="new " + t + " " + t, wording_known=False,
                      parameters=(Parameter("p_name", t + "?"),),
                      subpoints=(Provision(number="a", key="k2.a", text=t + t),)),
            Provision(number="3", key="k5", text=t + " added"),
        ),
        removed=(Removal(key="k3", note=t, sources=("evil",), evidence=(Evidence(source="evil", quote=t),)),),
    )
    o, n = old.provisions, new.provisions
    changes = (
        _pair("unchanged", (o[0],), (n[0],), matched_by="key", note=t),
        _pair("modified", (o[1],), (n[1],), matched_by="key", similarity=0.5,
              parameter_changes=(ParameterChange("p_name", t, t + "?", unit=t, origin="text"),),
              modality_shifts=(ModalityShift(t, t + "x"),),
              subchanges=(_pair("modified", (o[1].subpoints[0],), (n[1].subpoints[0],)),),
              disputes=(Dispute(old.id, old.variants[0]),)),
        _pair("removed", (o[2],), ()),
        Change(kind="unknown", old=(o[3],)),
        _pair("added", (), (n[2],), possible_match=PossibleMatch(provision=o[2], similarity=0.3)),
    )
    return Comparison(old=old, new=new, changes=changes, budget_exhausted=True, budget_notes=(t,))


def large_comparison(n: int) -> Comparison:
    """``n`` provisions, one in ten modified, one in fifty removed: for benchmarks without the engine."""
    old_points, new_points, changes = [], [], []
    for i in range(1, n + 1):
        text = f"Provision {i}: the parties shall cooperate on matter {i} within {i % 90 + 10} days."
        op = Provision(number=str(i), key=f"k{i}", text=text)
        old_points.append(op)
        if i % 50 == 0:
            changes.append(_pair("removed", (op,), ()))
            continue
        new_text = text.replace("shall", "may").replace("days", "weeks") if i % 10 == 0 else text
        np_ = Provision(number=str(len(new_points) + 1), key=f"k{i}", text=new_text)
        new_points.append(np_)
        kind = "modified" if new_text != text else "unchanged"
        changes.append(_pair(kind, (op,), (np_,), matched_by="key", renumbered=np_.number != op.number))
    old = Version(id="big-old", title="Long bill", provisions=tuple(old_points))
    new = Version(id="big-new", title="Long bill, amended", provisions=tuple(new_points))
    return Comparison(old=old, new=new, changes=tuple(changes))
