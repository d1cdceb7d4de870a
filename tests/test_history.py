"""A provision followed through every version."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import peacediff
from peacediff.archive import Archive
from peacediff.cli import main
from peacediff.model import Parameter, Provision, Removal, Version
from peacediff.store import save
from peacediff.timeline import history


def fates(h):
    return [(e.version.id, e.fate, e.provision.label if e.provision else None) for e in h.entries]


def test_army_cap_through_the_versions() -> None:
    h = peacediff.history("army-cap")
    assert h.title == "Army cap"
    assert fates(h) == [("us-russia-28", "present", "6"), ("e3-counter-28", "present", "6"),
                        ("geneva-19", "present", "–"), ("us-ua-20", "present", "4")]
    caps = [e.provision.parameter("armed_forces_cap").value for e in h.entries]
    assert caps == [600000, 800000, 800000, 800000]
    assert h.parameter_names()[:2] == ("armed_forces_cap", "cap_scope")
    assert any(var.id == "army-cap-size" for _, var in h.variants)
    assert {v.id for v, _ in h.variants} >= {"us-russia-28"}


def test_removed_unknown_split_and_unrelated_versions() -> None:
    assert fates(history("amnesty"))[1:] == [("e3-counter-28", "removed", None), ("geneva-19", "removed", None),
                                             ("us-ua-20", "removed", None)]
    # E3 and Geneva are partial records: not listed there means not reported, never removed.
    strike = fates(history("us-guarantee.moscow-strike"))
    assert strike[1:3] == [("e3-counter-28", "unknown", None), ("geneva-19", "unknown", None)]
    recon = history("reconstruction")
    last = recon.entries[-1]
    assert last.version.id == "us-ua-20" and [p.label for p in last.parts] == ["9"]
    ids = {e.version.id for h in (recon, history("army-cap")) for e in h.entries}
    assert "eu-telegraph-24" not in ids and "us-sg-framework" not in ids


def test_unknown_key_says_how_to_fix() -> None:
    with pytest.raises(KeyError, match="fix: use one of the top-level keys: amnesty"):
        history("no-such-key")


def test_complete_and_partial_children_in_a_users_archive(tmp_path: Path) -> None:
    root = Version(id="a", title="A", date="2025-01-01", provisions=(
        Provision("Cap of 600,000.", "1", key="cap", parameters=(Parameter("cap", 600000),)),
        Provision("Amnesty.", "2", key="amnesty"), Provision("Fund.", "3", key="fund")))
    complete = Version(id="b", title="B", date="2025-02-01", parents=("a",),
                       provisions=(Provision("Cap of 800,000.", "1", key="cap"),))
    partial = Version(id="c", title="C", date="2025-03-01", parents=("a",), coverage="partial",
                      provisions=(Provision("Fund.", "9", key="fund"),), removed=(Removal("amnesty", note="gone"),))
    folder = tmp_path / "versions"
    for v in (root, complete, partial):
        save(v, folder / f"{v.id}.toml")
    archive = Archive(folder)
    assert fates(history("amnesty", archive)) == [("a", "present", "2"), ("b", "removed", None),
                                                 ("c", "removed", None)]
    assert history("amnesty", archive).entries[2].removal.note == "gone"
    assert fates(history("cap", archive)) == [("a", "present", "1"), ("b", "present", "1"), ("c", "unknown", None)]


def test_views_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    h = history("elections")
    text = h.to_text()
    assert "100 days" in text and "as soon as possible" in text
    md = h.to_markdown()
    assert md.startswith("## elections") and "| `us-ua-20` | 18 |" in md
    bundle = h._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"} and "<table>" in bundle["text/html"]
    assert main(["history", "elections", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["key"] == "elections" and data["entries"][0]["fate"] == "present"
    assert main(["history", "nope"]) == 2
    assert "fix: use one of the top-level keys" in capsys.readouterr().err


def test_history_html_escapes_document_text() -> None:
    v = Version(id="x", title="X", provisions=(Provision('<script>alert("x")</script>', "1", key="k"),))
    from peacediff.render import render_history_html
    from peacediff.timeline import History, HistoryEntry

    html = render_history_html(History("k", None, (HistoryEntry(v, "present", v.provisions[0]),)))
    assert "<script>alert" not in html and "&lt;script&gt;" in html
