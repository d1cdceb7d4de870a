"""`peacediff import`, `load()` on every format, and text encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

import peacediff
from peacediff.cli import main
from peacediff.importers import DocumentError, read_document

_TEXT = "Article 1\nThe parties agree on a ceasefire.\nArticle 2\nElections are held within 100 days.\n"


def test_utf8_with_and_without_bom_and_utf16_with_bom_read_alike(tmp_path: Path) -> None:
    texts = {}
    for name, data in {
        "plain.txt": _TEXT.encode("utf-8"),
        "bom.txt": _TEXT.encode("utf-8-sig"),
        "le.txt": _TEXT.encode("utf-16"),  # with its BOM
        "be.txt": b"\xfe\xff" + _TEXT.encode("utf-16-be"),
    }.items():
        (tmp_path / name).write_bytes(data)
        texts[name] = [(p.number, p.text) for p in peacediff.load(tmp_path / name).provisions]
    assert len({tuple(t) for t in texts.values()}) == 1
    assert texts["le.txt"][1] == ("2", "Elections are held within 100 days.")


def test_another_encoding_is_an_error_naming_the_byte_and_the_option(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("1. The café opens.\n2. Straße.\n".encode("cp1252"))
    with pytest.raises(DocumentError, match=r"latin\.txt:1:11: the file is not valid UTF-8 \(byte 0xe9 at offset 10\); "
                       "it looks like Windows-1252") as err:
        peacediff.load(path)
    assert "--encoding" in str(err.value) and "encoding=" in str(err.value)
    assert peacediff.load(path, encoding="cp1252").provisions[1].text == "Straße."
    with pytest.raises(DocumentError, match="unknown encoding 'nope'"):
        peacediff.load(path, encoding="nope")


def test_import_writes_a_version_file_to_curate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "Draft 3.txt"
    source.write_text(_TEXT, encoding="utf-8")
    out = tmp_path / "versions" / "draft-3.toml"
    code = main(["import", str(source), "--id", "draft-3", "--title", "Draft three", "--date", "2026-03-03",
                 "--parent", "draft-1", "--parent", "draft-2", "-o", str(out)])
    assert code == 0
    v = peacediff.load(out)
    assert (v.id, v.title, v.date, v.parents) == ("draft-3", "Draft three", "2026-03-03", ("draft-1", "draft-2"))
    assert [p.number for p in v.provisions] == ["1", "2"]
    # validate checks a lone file's lineage too: its parents are not in that folder yet.
    assert main(["validate", str(out)]) == 2
    assert "draft-1" in capsys.readouterr().err
    capsys.readouterr()
    assert main(["import", str(source)]) == 0  # to stdout, id from the file name
    assert 'id = "draft-3"' in capsys.readouterr().out


def test_import_and_diff_report_bad_input_in_one_line_with_a_fix(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "d.txt"
    source.write_text(_TEXT, encoding="utf-8")
    assert main(["import", str(source), "--date", "March"]) == 2
    err = capsys.readouterr().err
    assert "not an ISO date" in err and "fix:" in err and "Traceback" not in err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("1. café\n".encode("cp1252"))
    assert main(["import", str(latin)]) == 2
    assert "--encoding" in capsys.readouterr().err
    assert main(["import", str(latin), "--encoding", "cp1252"]) == 0
    assert main(["import", str(tmp_path / "missing.docx")]) == 2
    assert main(["diff", str(source), str(tmp_path / "scan.pdf")]) == 2


def test_diff_takes_html_directly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.txt"
    old.write_text("1. Ceasefire now.\n2. Elections within 100 days.\n", encoding="utf-8")
    new = tmp_path / "new.html"
    new.write_text("<html><body><ol><li>Ceasefire now.</li><li>Elections within 200 days.</li></ol></body></html>",
                   encoding="utf-8")
    assert main(["diff", str(old), str(new), "--format", "json"]) == 0
    assert '"modified"' in capsys.readouterr().out


def test_sniffing_refuses_formats_it_cannot_read(tmp_path: Path) -> None:
    rtf = tmp_path / "draft.txt"
    rtf.write_bytes(b"{\\rtf1\\ansi Article 1}")
    with pytest.raises(DocumentError, match=r"draft\.txt: this is an RTF file"):
        read_document(rtf)
    html_as_text = tmp_path / "page.txt"
    html_as_text.write_text("<!DOCTYPE html><html><body><ol><li>One.</li></ol></body></html>", encoding="utf-8")
    assert [p.text for p in peacediff.load(html_as_text).provisions] == ["One."]
