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


@pytest.mark.parametrize("vid", ["us-russia-28", "us-sg-framework", "e3-counter-28", "geneva-19", "us-ua-20"])
def test_parameters_match_the_fact_sheet(research, loaded, vid):
    v = loaded[vid]
    for label, provision, params in _expected_points(research, vid, loaded):
        assert provision is not None, f"{vid}: point {label} with parameters is missing"
        for name, value in params.items():
            new_name = RENAMES.get(name, name)
            got = provision.parameter(new_name)
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
