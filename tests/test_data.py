"""Checks on the bundled version files in versions/ (the data, not the code).

Every evidence quote must occur verbatim in its seed article, every source id
must resolve, a lineage key must mean the same provision in every version, and
the figures of the 28-point plan must match the research fact sheet
(plan-versions.yaml) when that file is available.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

import peacediff
from peacediff.model import Provision, Version

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
VERSIONS = ROOT / "versions"

IDS = sorted(p.stem for p in VERSIONS.glob("*.toml"))
EXPECTED_IDS = {
    "us-russia-28",
    "us-sg-framework",
    "e3-counter-28",
    "eu-telegraph-24",
    "geneva-19",
    "us-ua-20",
}

CATEGORIES = {
    "Peace in Ukraine",
    "Security guarantees",
    "Security in Europe",
    "Future U.S. relations with Russia and Ukraine",
}


def _research_yaml() -> Path | None:
    candidates = [
        os.environ.get("PEACEDIFF_RESEARCH_YAML"),
        ROOT / "docs" / "research" / "plan-versions.yaml",
        ROOT.parent / "shared" / "research" / "plan-versions.yaml",  # CI: shared/ beside the clone
    ]
    for c in candidates:
        if c and Path(c).is_file():
            return Path(c)
    return None


@pytest.fixture(scope="module")
def loaded() -> dict[str, Version]:
    return {vid: peacediff.load(vid) for vid in IDS}


@pytest.fixture(scope="module")
def research() -> dict:
    path = _research_yaml()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("plan-versions.yaml not found beside the clone (../shared/research) in CI")
        pytest.skip("plan-versions.yaml not found (set PEACEDIFF_RESEARCH_YAML)")
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def walk(v: Version) -> Iterator[Provision]:
    return Version.walk_all(v.provisions)


def used_source_ids(v: Version) -> set[str]:
    used: set[str] = set()
    for p in walk(v):
        used |= set(p.sources) | {e.source for e in p.evidence}
    for r in v.removed:
        used |= set(r.sources) | {e.source for e in r.evidence}
    for var in v.variants:
        for c in var.claims:
            used |= set(c.sources) | {e.source for e in c.evidence}
    return used


def all_evidence(v: Version):
    for p in walk(v):
        for e in p.evidence:
            yield f"provision {p.key}", e
    for r in v.removed:
        for e in r.evidence:
            yield f"removal {r.key}", e
    for var in v.variants:
        for c in var.claims:
            for e in c.evidence:
                yield f"variant {var.id}", e


# --- files, sources, evidence -------------------------------------------------


def test_the_six_versions_are_bundled(loaded):
    assert set(IDS) == EXPECTED_IDS
    assert {v.id for v in peacediff.versions()} >= EXPECTED_IDS
    for vid, v in loaded.items():
        assert v.id == vid, "file name and id must agree"


@pytest.mark.parametrize("vid", IDS)
def test_every_source_id_resolves(loaded, vid):
    v = loaded[vid]
    declared = {s.id for s in v.sources}
    missing = used_source_ids(v) - declared
    assert not missing, f"{vid}: undeclared source ids {sorted(missing)}"


@pytest.mark.parametrize("vid", IDS)
def test_seed_sources_name_existing_seed_files(loaded, vid):
    for s in loaded[vid].sources:
        if s.seed is not None:
            assert (SEEDS / s.seed).is_file(), f"{vid}: {s.id} names missing seed {s.seed}"
            assert re.fullmatch(r"seed-00\d", s.id), (
                f"{vid}: seed source ids are seed-000 ... seed-004, not {s.id}"
            )


@pytest.mark.parametrize("vid", IDS)
def test_evidence_quotes_occur_verbatim_in_their_seed(loaded, vid):
    v = loaded[vid]
    for where, e in all_evidence(v):
        src = v.source(e.source)
        assert src is not None, f"{vid} {where}: unknown source {e.source}"
        assert src.seed is not None, f"{vid} {where}: evidence must cite a seed article, not {e.source}"
        text = (SEEDS / src.seed).read_text(encoding="utf-8")
        assert e.quote in text, f"{vid} {where}: quote not found verbatim in {src.seed}: {e.quote!r}"
        assert len(e.quote.split()) <= 27, f"{vid} {where}: quote should be short: {e.quote!r}"


@pytest.mark.parametrize("vid", IDS)
def test_a_seed_is_cited_only_with_a_quote_from_it(loaded, vid):
    v = loaded[vid]
    seeds = {s.id for s in v.sources if s.seed is not None}
    items = [(f"provision {p.key}", p.sources, p.evidence) for p in walk(v)]
    items += [(f"removal {r.key}", r.sources, r.evidence) for r in v.removed]
    items += [(f"variant {var.id}", c.sources, c.evidence) for var in v.variants for c in var.claims]
    for where, sources, evidence in items:
        unquoted = (set(sources) & seeds) - {e.source for e in evidence}
        assert not unquoted, f"{vid} {where}: cites {sorted(unquoted)} without a quote"


def test_there_is_evidence_for_most_28_point_provisions(loaded):
    v = loaded["us-russia-28"]
    with_evidence = [p for p in v.provisions if any(True for q in p.walk() for _ in q.evidence)]
    assert len(with_evidence) >= 24


# --- lineage ------------------------------------------------------------------


def test_same_key_means_same_lineage(loaded):
    titles: dict[str, set[str | None]] = defaultdict(set)
    categories: dict[str, set[str | None]] = defaultdict(set)
    for v in loaded.values():
        for p in walk(v):
            assert p.key is not None, f"{v.id}: every bundled provision has a lineage key"
            titles[p.key].add(p.title)
            categories[p.key].add(p.category)
    for key, t in titles.items():
        assert len(t) == 1, f"key {key!r} has different titles across versions: {t}"
        assert None not in t, f"key {key!r} lacks a title"
    for key, c in categories.items():
        assert len(c) == 1, f"key {key!r} has different categories across versions: {c}"


def test_sub_point_keys_extend_their_parent_key(loaded):
    for v in loaded.values():
        for p in walk(v):
            for s in p.subpoints:
                assert s.key.startswith(p.key + "."), f"{v.id}: sub-point {s.key} of {p.key}"
        for p in v.provisions:
            assert "." not in p.key, f"{v.id}: top-level key {p.key} looks like a sub-point key"


def test_categories_are_the_four_axios_categories_and_inferred(loaded):
    for v in loaded.values():
        for p in walk(v):
            if p.category is not None:
                assert p.category in CATEGORIES, f"{v.id} {p.key}: {p.category}"
                assert p.category_inferred, f"{v.id} {p.key}: every category is the editor's inference"


def test_parents_exist_and_lineage_has_no_cycles(loaded):
    for v in loaded.values():
        for parent in v.parents:
            assert parent in loaded, f"{v.id}: unknown parent {parent}"

    def ancestors(vid: str, seen: tuple[str, ...] = ()) -> None:
        assert vid not in seen, f"lineage cycle: {' -> '.join((*seen, vid))}"
        for parent in loaded[vid].parents:
            ancestors(parent, (*seen, vid))

    for vid in loaded:
        ancestors(vid)


def test_removed_keys_and_origins_exist_in_a_parent(loaded):
    for v in loaded.values():
        parent_keys = set().union(*(loaded[p].keys for p in v.parents)) if v.parents else set()
        for r in v.removed:
            assert r.key in parent_keys, f"{v.id}: removed key {r.key} is not in a parent"
            assert r.sources, f"{v.id}: removal of {r.key} needs sources"
        for p in walk(v):
            for o in p.origins:
                assert o in parent_keys, f"{v.id}: origin {o} of {p.key} is not in a parent"


def test_companion_and_independent_plans_have_no_parent(loaded):
    assert loaded["us-sg-framework"].parents == ()
    assert loaded["eu-telegraph-24"].parents == ()
    assert all(p.key.startswith("eu24-") for p in loaded["eu-telegraph-24"].provisions)
    assert all(p.key.startswith("sg-") for p in loaded["us-sg-framework"].provisions)


# --- counts and structure per version -------------------------------------------


def test_28_point_plan_has_28_points_with_sub_points(loaded):
    v = loaded["us-russia-28"]
    assert (v.status, v.coverage, v.declared_count, v.parents) == ("leaked", "complete", 28, ())
    assert [p.number for p in v.provisions] == [str(n) for n in range(1, 29)]
    letters = {p.number: [s.number for s in p.subpoints] for p in v.provisions if p.subpoints}
    assert letters == {
        "10": list("abcd"),
        "12": list("abcdef"),
        "13": list("abc"),
        "20": list("abc"),
        "21": list("abcd"),
        "24": list("abcd"),
    }


def test_e3_counter_proposal_has_28_slots_with_point_3_deleted(loaded):
    v = loaded["e3-counter-28"]
    base = loaded["us-russia-28"]
    assert (v.status, v.coverage, v.declared_count, v.parents) == (
        "published",
        "partial",
        28,
        ("us-russia-28",),
    )
    numbers = {int(p.number) for p in v.provisions}
    assert 3 not in numbers
    unknown = {15, 17, 22, 23, 27, 28}
    assert numbers.isdisjoint(unknown)
    removed_numbers = {int(base.provision(r.key).number) for r in v.removed if "." not in r.key}
    assert removed_numbers == {3, 26}
    assert numbers | removed_numbers | unknown == set(range(1, 29))
    for p in v.provisions:  # numbering follows the U.S. text
        assert base.provision(p.number).key == p.key
    assert v.removal("no-expansion") is not None
    assert v.removal("amnesty").confidence == "single-source"
    assert v.provision("army-cap").parameter("armed_forces_cap").value == 800000
    assert v.provision("army-cap").parameter("cap_scope").value == "peacetime"
    elections = v.provision("elections")
    assert elections.parameter("elections_deadline") is None
    assert elections.parameter("elections_timing").value == "as soon as possible after signing"
    assert v.provision("territory").parameter("territorial_baseline").value == "Line of Contact"


def test_geneva_19_reports_only_what_was_reported(loaded):
    v = loaded["geneva-19"]
    assert (v.status, v.coverage, v.declared_count, v.parents) == (
        "reported",
        "partial",
        19,
        ("us-russia-28",),
    )
    assert all(p.number is None for p in v.provisions), "numbering inside the 19-point text is unknown"
    assert {p.key for p in v.provisions} == {
        "security-guarantees",
        "army-cap",
        "no-nato-troops",
        "us-guarantee",
        "territory",
    }
    assert {r.key for r in v.removed} == {"russia-reintegration", "frozen-assets", "amnesty"}
    assert v.provision("army-cap").confidence == "reported"
    for key in ("security-guarantees", "us-guarantee", "no-nato-troops", "territory"):
        assert v.provision(key).wording_known is False


def test_20_point_framework_is_renumbered_from_the_28_points(loaded):
    v = loaded["us-ua-20"]
    base = loaded["us-russia-28"]
    assert (v.status, v.coverage, v.declared_count) == ("reported", "complete", 20)
    assert [p.number for p in v.provisions] == [str(n) for n in range(1, 21)]
    old_of_new = {1: 1, 2: 2, 3: 5, 4: 6, 5: 10, 6: 16, 7: 11, 8: 12, 11: 18, 12: 19, 13: 20,
                  14: 21, 15: 22, 16: 23, 17: 24, 18: 25, 19: 27, 20: 28}  # fmt: skip
    for new, old in old_of_new.items():
        assert v.provision(str(new)).key == base.provision(str(old)).key, (
            f"20-pt {new} should carry old {old}"
        )
    split = v.provision("9")
    assert split.origins == ("reconstruction",)
    assert split.parameter("recovery_funding_target").value == 800_000_000_000
    assert split.parameter("recovery_funding_target").unit == "USD"
    added = v.provision("10")
    assert added.origins == () and added.key not in base.keys
    removed_old = {3, 4, 7, 8, 9, 13, 14, 15, 17, 26}
    assert {r.key for r in v.removed if "." not in r.key} == {base.provision(str(n)).key for n in removed_old}
    for r in v.removed:
        assert r.confidence == "reported"
    # complete coverage: every top-level 28-point key is either kept or explicitly removed
    kept = {p.key for p in v.provisions}
    for p in base.provisions:
        assert p.key in kept or v.removal(p.key) is not None, p.key
    assert v.provision("army-cap").parameter("armed_forces_cap").value == 800000


def test_telegraph_plan_numbers_and_unnumbered_reports(loaded):
    v = loaded["eu-telegraph-24"]
    assert (v.status, v.coverage, v.declared_count) == ("published", "partial", 24)
    numbered = [p for p in v.provisions if p.number is not None]
    assert [p.number for p in numbered] == [str(n) for n in range(1, 13)]
    unnumbered = [p for p in v.provisions if p.number is None]
    assert len(unnumbered) == 6
    assert all(p.confidence == "reported" for p in unnumbered)


def test_security_guarantee_framework_labels(loaded):
    v = loaded["us-sg-framework"]
    assert [p.number for p in v.provisions] == [f"SG-{n}" for n in range(1, 8)]
    assert v.provision("SG-6").parameter("validity").value == 10


def test_28_point_variants_cover_the_named_conflicts(loaded):
    v = loaded["us-russia-28"]
    ids = {var.id for var in v.variants}
    assert ids >= {
        "army-cap-size",
        "drafters",
        "putin-endorsement-date",
        "weapon-limits",
        "us-aid-rollback",
        "language-church",
        "guarantee-payer",
        "council-name",
        "arms-control-treaty",
        "frozen-assets-amount",
    }
    army = next(var for var in v.variants if var.id == "army-cap-size")
    values = {c.value for c in army.claims}
    assert {600000, 400000, 50} <= values
    assert "counter-proposal-authors" in {var.id for var in loaded["e3-counter-28"].variants}
    for ver in loaded.values():
        for var in ver.variants:
            if var.key is not None:
                assert ver.provision(var.key) is not None, f"{ver.id}: variant {var.id} names unknown key"
            if var.parameter is not None:
                assert ver.provision(var.key).parameter(var.parameter) is not None, f"{ver.id}: {var.id}"
            assert var.verdict, f"{ver.id}: variant {var.id} needs a verdict"


# --- figures --------------------------------------------------------------------

_NOT_FIGURES = re.compile(r"Article 5|G8|START I")


def figures(text: str) -> list[float]:
    """Numbers in a text, with 'billion'/'million' applied; names like 'Article 5' and 'G8' are skipped."""
    text = _NOT_FIGURES.sub(" ", text)
    out = []
    for m in re.finditer(r"\d[\d,]*(?:\s+(?:billion|million))?", text):
        start = m.start()
        if start and (text[start - 1].isalpha()):
            continue
        raw = m.group(0)
        scale = 1e9 if raw.endswith("billion") else 1e6 if raw.endswith("million") else 1
        num = float(raw.split()[0].replace(",", "")) * scale
        out.append(num)
    return out


def _param_matches(num: float, provision: Provision) -> bool:
    for p in provision.iter_parameters():
        values = p.value if isinstance(p.value, tuple) else (p.value,)
        for value in values:
            if isinstance(value, bool):
                continue
            if isinstance(value, (int, float)) and float(value) == num:
                return True
            if isinstance(value, str) and re.search(rf"(?<!\d){int(num)}(?!\d)", value):
                return True
    return False


@pytest.mark.parametrize("vid", IDS)
def test_every_figure_in_a_text_is_a_parameter(loaded, vid):
    for p in loaded[vid].provisions:
        for num in figures(p.full_text):
            assert _param_matches(num, p), f"{vid} {p.key}: figure {num:g} in the text has no parameter"


def test_every_28_point_number_appears_in_its_text(loaded):
    for p in loaded["us-russia-28"].provisions:
        text = p.full_text
        for par in p.iter_parameters():
            v = par.value
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                continue
            shown = {
                "USD": f"USD {v / 1e9:g} billion",
                "percent": f"{v}%",
                "days": f"{v} days",
                "years": f"{v} years",
                "personnel": f"{v:,}",
            }.get(par.unit, str(v))
            assert shown in text, f"{p.key}: {par.name} = {v} should read {shown!r} in the text"


# --- agreement with the research fact sheet ---------------------------------------

#: Parameter names of the fact sheet that the version files spell differently.
#: Unit suffixes (_usd, _pct, _days, _years) become a unit instead.
RENAMES = {
    "ambiguities_lookback_years": "ambiguities_lookback",
    "frozen_russian_assets_to_us_led_reconstruction_usd": "frozen_assets_to_reconstruction",
    "us_profit_share_pct": "us_profit_share",
    "european_addition_usd": "european_addition",
    "elections_deadline_days": "elections_deadline",
    "recovery_funding_target_usd": "recovery_funding_target",
    "referendum_deadline_days": "referendum_deadline",
    "validity_years": "validity",
    "status": "agreement_status",
    "guarantors": "guarantor",
    "de_facto_contact_line_regions": "frozen_on_contact_line",
}
SUFFIX_UNITS = {"_usd": "USD", "_pct": "percent", "_days": "days", "_years": "years"}
NAME_UNITS = {"armed_forces_cap": "personnel"}
VARIANT_NOTE = re.compile(r"^(.*) \(variant: [^)]*\)$")


def _expected_points(research: dict, vid: str, loaded: dict[str, Version]):
    """(provision, yaml point) pairs for one version of the fact sheet."""
    entry = next(v for v in research["versions"] if v["id"] == vid)
    v = loaded[vid]
    base = loaded["us-russia-28"]
    for point in entry.get("points", []):
        params = point.get("parameters") or {}
        if not params:
            continue
        label = point.get("number") or point.get("label")
        if label is not None:
            provision = v.provision(str(label))
        else:  # unnumbered version: find the provision by the 28-point item it maps to
            (old,) = point["maps_to"]
            provision = v.provision(base.provision(str(old)).key)
        yield label or point["maps_to"], provision, params


#: Fact-sheet parameters the record leaves out, and why: the point's change is unknown in the
#: fact sheet and its value there paraphrases the parent's ("phased" for "staged, case-by-case"),
#: so recording it would report a change no source reports. The provision's note must say so.
WITHHELD = {
    ("e3-counter-28", 13, "sanctions_relief"): "unknown",
}

#: Parameters recorded although the fact sheet's parameter column lacks them, each with the
#: words of the fact sheet's paraphrase or change column for that point that state it.
DERIVED = {
    ("us-ua-20", 5, "void_if"): "clause replaced by a general 'unprovoked fire on Russian territory' clause",
    ("us-ua-20", 19, "legally_binding"): "The agreement is legally binding",
}

#: Parameters of the parent that a child drops without a fact-sheet null, each with the words of
#: the fact sheet's change column for that point that report them replaced or dropped.
REPLACED = {
    ("e3-counter-28", 14): (
        {"frozen_assets_to_reconstruction", "us_profit_share", "european_addition", "remainder",
         "frozen_european_funds"},
        "Replaces the USD 100 bn U.S.-led fund",
    ),
    ("e3-counter-28", 21): (
        {"de_facto_russian", "frozen_on_contact_line", "ukrainian_withdrawal", "buffer_zone"},
        "the Ukrainian withdrawal from Donetsk (21a-d) are replaced",
    ),
    ("us-ua-20", 12): (
        {"znpp_supervision", "znpp_output_split"},
        "IAEA restart with 50:50 Russia/Ukraine split replaced",
    ),
    ("us-ua-20", 14): (
        {"de_facto_russian", "ukrainian_withdrawal", "buffer_zone"},
        "the Ukrainian withdrawal from Donetsk (21a, 21d) not in the reported text",
    ),
}  # fmt: skip


def _fact_sheet_point(research: dict, vid: str, number: int) -> dict:
    entry = next(v for v in research["versions"] if v["id"] == vid)
    return next(p for p in entry["points"] if p.get("number") == number)


@pytest.mark.parametrize("vid", ["us-russia-28", "us-sg-framework", "e3-counter-28", "geneva-19", "us-ua-20"])
def test_parameters_match_the_fact_sheet(research, loaded, vid):
    v = loaded[vid]
    for label, provision, params in _expected_points(research, vid, loaded):
        assert provision is not None, f"{vid}: point {label} with parameters is missing"
        for name, value in params.items():
            new_name = RENAMES.get(name, name)
            got = provision.parameter(new_name)
            if isinstance(label, int) and (vid, label, name) in WITHHELD:
                assert got is None, f"{vid} {label}: {new_name} is withheld, see WITHHELD"
                assert _fact_sheet_point(research, vid, label)["change"] == WITHHELD[(vid, label, name)]
                assert new_name in (provision.note or ""), f"{vid} {label}: the note must say why {new_name} is absent"
                continue
            if value is None:
                assert got is None, f"{vid} {label}: {new_name} should be absent"
                continue
            assert got is not None, f"{vid} {label}: parameter {new_name} (fact sheet: {name}) missing"
            if isinstance(value, str) and VARIANT_NOTE.match(value):
                value = VARIANT_NOTE.match(value).group(1)
                assert any(var.parameter == new_name for var in v.variants), (
                    f"{vid}: no variant for {new_name}"
                )
            expected = tuple(value) if isinstance(value, list) else value
            assert got.value == expected, (
                f"{vid} {label}: {new_name} = {got.value!r}, fact sheet {expected!r}"
            )
            assert type(got.value) is type(expected), f"{vid} {label}: {new_name} type"
            unit = next((u for s, u in SUFFIX_UNITS.items() if name.endswith(s)), NAME_UNITS.get(name))
            if unit is not None:
                assert got.unit == unit, f"{vid} {label}: {new_name} unit {got.unit!r}, expected {unit!r}"


def test_28_point_confidence_matches_the_fact_sheet(research, loaded):
    mapping = {
        "confirmed_text": "published",
        "confirmed_summary": "summary",
        "reported": "reported",
        "reported_weak": "single-source",
        "unknown": "unknown",
        "inference": "inferred",
    }
    entry = next(v for v in research["versions"] if v["id"] == "us-russia-28")
    v = loaded["us-russia-28"]
    for point in entry["points"]:
        p = v.provision(str(point["number"]))
        assert p.confidence == mapping[point["confidence"]], point["number"]
        assert set(point["sources"]) <= set(p.sources), point["number"]


def _fact_sheet_parameter_names(point: dict) -> set[str]:
    return {RENAMES.get(k, k) for k, value in (point.get("parameters") or {}).items() if value is not None}


@pytest.mark.parametrize("vid", ["us-russia-28", "us-sg-framework", "e3-counter-28", "us-ua-20"])
def test_every_recorded_parameter_is_in_the_fact_sheet(research, loaded, vid):
    """The reverse of the test above: no parameter that the fact sheet does not give for that point."""
    entry = next(v for v in research["versions"] if v["id"] == vid)
    for point in entry["points"]:
        label = point.get("number") or point.get("label")
        if label is None:
            continue
        provision = loaded[vid].provision(str(label))
        if provision is None:
            continue
        expected = _fact_sheet_parameter_names(point)
        for prm in provision.iter_parameters():
            if prm.name in expected:
                continue
            words = DERIVED.get((vid, label, prm.name))
            assert words is not None, (
                f"{vid} {label}: parameter {prm.name} is not in the fact sheet; drop it or justify it in DERIVED"
            )
            stated = f"{point.get('paraphrase') or ''} {point.get('change_detail') or ''}"
            assert words in stated, f"{vid} {label}: DERIVED words for {prm.name} not found in the fact sheet"


def test_geneva_records_only_the_reported_parameters(research, loaded):
    entry = next(v for v in research["versions"] if v["id"] == "geneva-19")
    base = loaded["us-russia-28"]
    for point in entry["points"]:
        provision = loaded["geneva-19"].provision(base.provision(str(point["maps_to"][0])).key)
        if provision is not None:
            assert {p.name for p in provision.iter_parameters()} <= _fact_sheet_parameter_names(point)


def _walk_changes(changes):
    for ch in changes:
        yield ch
        yield from _walk_changes(ch.subchanges)


def _child_points(research: dict, vid: str, base: Version) -> dict[str, dict]:
    """Fact-sheet points of a revision, by the lineage key of the 28-point item they map to."""
    entry = next(v for v in research["versions"] if v["id"] == vid)
    out = {}
    for point in entry["points"]:
        if len(point.get("maps_to") or ()) == 1 and point.get("change") != "removed":
            out[base.provision(str(point["maps_to"][0])).key] = point
    return out


@pytest.mark.parametrize("vid", ["e3-counter-28", "geneva-19", "us-ua-20"])
def test_a_comparison_with_the_parent_removes_only_what_sources_report(research, loaded, vid):
    """Every removal the redline shows is a [[removed]] record, a fact-sheet null or a reported replacement."""
    base, child = loaded["us-russia-28"], loaded[vid]
    points = _child_points(research, vid, base)
    c = peacediff.compare(base, child)
    for ch in _walk_changes(c.changes):
        if ch.kind == "removed":
            (old,) = ch.old
            assert child.removal(old.key) is not None, f"{vid}: {old.key} reads as removed but no source reports it"
            continue
        if not ch.new:
            continue
        key = ch.new[0].key
        for pc in ch.parameter_changes:
            if pc.origin != "parameter" or pc.new is not None:
                continue
            point = points.get(key, {})
            nulls = {RENAMES.get(k, k) for k, value in (point.get("parameters") or {}).items() if value is None}
            replaced, words = REPLACED.get((vid, point.get("number")), (set(), None))
            assert pc.name in nulls | replaced, f"{vid} {key}: {pc.name} reads as dropped but no source reports it"
            if pc.name in replaced:
                assert words in (point.get("change_detail") or ""), f"{vid} {key}: REPLACED words not in the fact sheet"


@pytest.mark.parametrize("vid", ["e3-counter-28", "us-ua-20"])
def test_no_parameter_change_where_the_fact_sheet_reports_none(research, loaded, vid):
    base, child = loaded["us-russia-28"], loaded[vid]
    points = _child_points(research, vid, base)
    c = peacediff.compare(base, child)
    for ch in c.changes:
        if not ch.new or points.get(ch.new[0].key, {}).get("change") not in ("unchanged", "unknown", "renumbered"):
            continue
        declared = [pc.name for pc in ch.parameter_changes if pc.origin == "parameter"]
        assert not declared, f"{vid} {ch.new[0].key}: the fact sheet reports no change, the redline shows {declared}"
        assert not [s for s in _walk_changes(ch.subchanges) if s.kind == "removed"], ch.new[0].key


#: 20-point items whose fact-sheet change names something "not reported" that is not a clause of
#: their own text: sub-points (partial coverage covers them) or another provision.
NOT_REPORTED_ELSEWHERE = {9: "the frozen-asset scheme of old point 14", 13: "sub-points a-c of old 20"}


def test_a_clause_the_summary_leaves_out_is_said_to_be_unreported(research, loaded):
    """A 20-point text states what the summary left open, so the word diff does not read as a removal."""
    entry = next(v for v in research["versions"] if v["id"] == "us-ua-20")
    for point in entry["points"]:
        if point.get("number") is None or "not reported" not in (point.get("change_detail") or ""):
            continue
        provision = loaded["us-ua-20"].provision(str(point["number"]))
        if point["number"] in NOT_REPORTED_ELSEWHERE:
            assert provision.is_partial or provision.note, point["number"]
            continue
        assert "was not reported" in provision.full_text, f"us-ua-20 {point['number']}: say what was not reported"


# --- fact-sheet conflicts ---------------------------------------------------------

#: Where each conflict of the fact sheet is recorded: (version, variant id), or "notes" for the
#: reliability flag that no variant fits (checked below).
CONFLICTS = {
    "C-ARMY-CAP": ("us-russia-28", "army-cap-size"),
    "C-DRISCOLL": ("us-russia-28", "driscoll-name"),
    "C-WEAPONS": ("us-russia-28", "weapon-limits"),
    "C-US-AID": ("us-russia-28", "us-aid-rollback"),
    "C-LANG-CHURCH": ("us-russia-28", "language-church"),
    "C-COMP-PAYER": ("us-russia-28", "guarantee-payer"),
    "C-TERR-CRIMEA": ("us-russia-28", "territory-framing"),
    "C-PUTIN-DATE": ("us-russia-28", "putin-endorsement-date"),
    "C-KALLAS-WORDING": ("us-russia-28", "kallas-wording"),
    "C-CATEGORIES": ("us-russia-28", "category-names"),
    "C-DELIVERY": ("geneva-19", "delivery-to-russia"),
    "C-EU-VS-E3": ("e3-counter-28", "counter-proposal-authors"),
    "C-FINAL-28": ("geneva-19", "post-geneva-count"),
    "C-SG-CONFLATION": ("us-russia-28", "sg-conflation"),
    "C-ECON-CONFLATION": ("us-russia-28", "economic-structure"),
    "C-COUNCIL-NAME": ("us-russia-28", "council-name"),
    "C-ARTEFACT": "notes",
}
SOURCE_CONFLICTS = {
    "Point 14 amount": ("us-russia-28", "frozen-assets-amount"),
    "Point 17 treaty name": ("us-russia-28", "arms-control-treaty"),
    "E3 point 9 jet owner": ("e3-counter-28", "e3-jet-owner"),
    "E3 army figure in Open.kg intro": ("e3-counter-28", "e3-army-cap-figure"),
    "Army size at Geneva": ("geneva-19", "geneva-army-cap"),
    "Post-Geneva point count": ("geneva-19", "post-geneva-count"),
    "Date of 20-point briefing": ("us-ua-20", "briefing-date"),
    "E3 point count": ("e3-counter-28", "e3-point-count"),
}
ARTEFACT = "[prompt context]"


def test_every_fact_sheet_conflict_is_recorded(research, loaded):
    assert set(research["conflicts"]) == set(CONFLICTS), "a conflict of the fact sheet is not mapped"
    assert {c["topic"] for c in research["source_conflicts"]} == set(SOURCE_CONFLICTS)
    for where in (*CONFLICTS.values(), *SOURCE_CONFLICTS.values()):
        if where == "notes":
            continue
        vid, variant_id = where
        variant = next((var for var in loaded[vid].variants if var.id == variant_id), None)
        assert variant is not None, f"{vid}: variant {variant_id} missing"
        assert len({repr(c.value) for c in variant.claims}) >= 2, f"{vid} {variant_id}: claims must differ"


def test_seed_claims_of_each_conflict_cite_their_seed(research, loaded):
    """A conflict whose seed claims name seeds 000-004 has a claim citing each of those seeds."""
    for cid, where in CONFLICTS.items():
        if where == "notes":
            continue
        vid, variant_id = where
        variant = next(var for var in loaded[vid].variants if var.id == variant_id)
        cited = {s for c in variant.claims for s in c.sources}
        for claim in research["conflicts"][cid]["seed_claims"]:
            seed = re.match(r"'?(00\d)", claim)
            if seed:
                assert f"seed-{seed.group(1)}" in cited, f"{cid}: no claim cites seed {seed.group(1)}"


def test_evidence_from_the_seed_with_artefacts_carries_the_flag(loaded):
    text = (SEEDS / "002_90c684f3911e1bde.txt").read_text(encoding="utf-8")
    assert ARTEFACT in text
    seen = 0
    for v in loaded.values():
        for where, e in all_evidence(v):
            if e.source == "seed-002":
                seen += 1
                assert ARTEFACT in (e.note or ""), f"{v.id} {where}: evidence from seed 002 must flag its artefacts"
    assert seen


def test_a_seed_cited_for_a_list_of_names_contains_every_name(loaded):
    for v in loaded.values():
        for var in v.variants:
            for c in var.claims:
                if not isinstance(c.value, tuple):
                    continue
                for sid in c.sources:
                    src = v.source(sid)
                    if src is None or src.seed is None:
                        continue
                    text = (SEEDS / src.seed).read_text(encoding="utf-8").lower()
                    for name in c.value:
                        assert name.lower() in text, f"{v.id} {var.id}: {src.seed} does not name {name!r}"


# --- the docs state what the data records ------------------------------------------

README = ROOT / "README.md"
DATA_DOC = ROOT / "docs" / "data.md"


def _and_list(items) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _table_cells(path: Path) -> dict[str, list[str]]:
    """Rows of the Markdown tables in a doc whose first cell is a `code` id, by that id."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `([^`]+)` \|(.*)\|$", line)
        if m:
            rows.setdefault(m.group(1), [c.strip() for c in m.group(2).split("|")])
    return rows


def test_readme_counts_match_the_data(loaded):
    cells = {vid: row[-1] for vid, row in _table_cells(README).items() if vid in EXPECTED_IDS}
    assert set(cells) == EXPECTED_IDS
    assert cells["us-russia-28"] == str(len(loaded["us-russia-28"].provisions))
    assert cells["us-ua-20"] == str(len(loaded["us-ua-20"].provisions))
    assert cells["us-sg-framework"] == f"{len(loaded['us-sg-framework'].provisions)} clauses"
    e3, base = loaded["e3-counter-28"], loaded["us-russia-28"]
    gone = {r.confidence: base.provision(r.key).number for r in e3.removed if "." not in r.key}
    missing = len(base.provisions) - len(e3.provisions) - len(gone)
    assert cells["e3-counter-28"] == (
        f"{e3.declared_count} slots: {len(e3.provisions)} recorded, {gone['published']} deleted, "
        f"{gone['single-source']} dropped on a weak report, {missing} not retrieved"
    )
    tel = loaded["eu-telegraph-24"]
    numbered = [p for p in tel.provisions if p.number is not None]
    assert cells["eu-telegraph-24"] == (
        f"{tel.declared_count} declared: 1–{len(numbered)} by number, "
        f"{len(tel.provisions) - len(numbered)} more without (= {len(tel.provisions)} recorded)"
    )
    gen = loaded["geneva-19"]
    assert cells["geneva-19"] == (
        f"{gen.declared_count} declared: {len(gen.provisions)} changes and {len(gen.removed)} removals reported"
    )


def test_data_doc_versions_table_matches_the_data(loaded):
    rows = _table_cells(DATA_DOC)
    for vid, v in loaded.items():
        date, status, coverage, declared, parents = rows[vid][-5:]
        assert (date, status, coverage) == (v.date, v.status, v.coverage), vid
        assert declared == (str(v.declared_count) if v.declared_count else "–"), vid
        assert [p.strip("`") for p in re.findall(r"`[^`]+`", parents)] == list(v.parents), vid


def test_data_doc_lists_what_each_version_records(loaded):
    doc = " ".join(DATA_DOC.read_text(encoding="utf-8").split())
    e3, ua, base = loaded["e3-counter-28"], loaded["us-ua-20"], loaded["us-russia-28"]
    partial = [_and_list(p.number for p in v.provisions if p.coverage == "partial") for v in (e3, ua)]
    assert f"E3 points {partial[0]}, and 20-point items {partial[1]}" in doc
    unretrieved = sorted(int(p.number) for p in base.provisions if p.key not in e3.keys and e3.removal(p.key) is None)
    assert f"Points {_and_list(unretrieved)} were not retrieved" in doc
    removed_old = sorted(int(base.provision(r.key).number) for r in ua.removed if "." not in r.key)
    assert f"Old {_and_list(removed_old)} are `[[removed]]`" in doc
    assert f"{len(base.variants)} `[[variants]]`" in doc
    tel = loaded["eu-telegraph-24"]
    assert f"{sum(p.number is None for p in tel.provisions)} further reported items" in doc


def _locate(v: Version, key: str) -> tuple[Provision, Provision | None] | None:
    def rec(provisions, parent):
        for p in provisions:
            if p.key == key:
                return p, parent
            found = rec(p.subpoints, p)
            if found:
                return found
        return None

    return rec(v.provisions, None)


def _fate(v: Version, key: str, kinds: dict[str, str]) -> str:
    """How the lineage-key table of docs/data.md describes ``key`` in ``v``."""
    found = _locate(v, key)
    if found is not None:
        p, parent = found
        if parent is None:
            return p.number or "yes (unnumbered)"
        return f"{parent.label}{p.number}" if p.number else f"{parent.label} (sub-point)"
    if v.removal(key) is not None:
        return "removed"
    if "." in key and v.removal(key.rsplit(".", 1)[0]) is not None:
        return "removed with its point"
    return "absent (= removed)" if kinds.get(key) == "removed" else "unknown"


def test_data_doc_lineage_table_matches_what_comparisons_show(loaded):
    base = loaded["us-russia-28"]
    children = [loaded[vid] for vid in ("e3-counter-28", "geneva-19", "us-ua-20")]
    kinds = []
    for child in children:
        seen: dict[str, str] = {}
        for ch in _walk_changes(peacediff.compare(base, child).changes):
            for p in ch.old:
                seen.setdefault(p.key, ch.kind)
        kinds.append(seen)
    expected = {}
    for p in walk(base):
        fates = [_fate(c, p.key, k) for c, k in zip(children, kinds, strict=True)]
        expected[p.key] = [p.title, _fate(base, p.key, {}), *fates]
    for child in children:
        for p in walk(child):
            if p.key not in base.keys:
                fates = [_fate(v, p.key, {}) if p.key in v.keys else "—" for v in (base, *children)]
                expected[p.key] = [p.title, *fates]
    got = {k: row for k, row in _table_cells(DATA_DOC).items() if len(row) == 5}
    assert got == expected
    assert "absent (= removed)" not in str(expected), "nothing reads as removed without a source"


def test_data_doc_key_tables_of_the_independent_plans_match_the_data(loaded):
    rows = {k: row for k, row in _table_cells(DATA_DOC).items() if len(row) == 2}
    expected = {
        p.key: [p.title, p.number or "unnumbered"]
        for vid in ("us-sg-framework", "eu-telegraph-24")
        for p in loaded[vid].provisions
    }
    assert rows == expected


def test_seeds_are_the_collected_articles_byte_for_byte():
    # The articles are evidence: nothing is added to, dropped from or changed in seeds/.
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        if os.environ.get("CI"):
            pytest.fail("../shared/seeds not found beside the clone in CI")
        pytest.skip("../shared/seeds is not beside this checkout")
    ours = {p.name: p.read_bytes() for p in (ROOT / "seeds").iterdir()}
    theirs = {p.name: p.read_bytes() for p in shared.iterdir()}
    assert ours == theirs
