"""The version-file format is declared once, on the model's fields: the JSON Schema, the format
page and the reader/writer must agree with it field for field."""

from __future__ import annotations

import json
import re
import tomllib
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from peacediff import model
from peacediff.model import (
    BOOLEAN,
    DATE,
    INTEGER,
    STRING,
    STRINGS,
    TABLE,
    TABLE_KEY,
    TABLES,
    VALUE,
    Claim,
    Evidence,
    FieldError,
    Parameter,
    Provision,
    Removal,
    Source,
    Variant,
    Version,
    file_fields,
    file_format,
)
from peacediff.store import check_evidence, dumps, load_version, loads

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "schema" / "version.json").read_text(encoding="utf-8"))
FORMAT_PAGE = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")

#: Model class -> its definition in the JSON Schema.
SCHEMA_DEFS = {Source: "source", Evidence: "evidence", Provision: "provision", Removal: "removal",
               Variant: "variant", Claim: "claim"}
CLASSES = (Version, Source, Evidence, Parameter, Provision, Removal, Claim, Variant)


def _table_fields(cls: type[Any]) -> list[attrs.Attribute[Any]]:
    return [a for a in file_fields(cls) if file_format(a).kind != TABLE_KEY]


def _validators(validator: Any) -> Iterator[Any]:
    """Every validator inside ``validator`` (attrs combines them in small attrs classes)."""
    if validator is None:
        return
    yield validator
    if attrs.has(type(validator)):
        for field in attrs.fields(type(validator)):
            inner = getattr(validator, field.name)
            for item in inner if isinstance(inner, tuple) else (inner,):
                if callable(item) and not isinstance(item, type):
                    yield from _validators(item)


def _allowed(a: attrs.Attribute[Any]) -> tuple[str, ...] | None:
    return next((tuple(v.options) for v in _validators(a.validator) if hasattr(v, "options")), None)


def _pattern(a: attrs.Attribute[Any]) -> str | None:
    return next((v.pattern.pattern for v in _validators(a.validator)
                 if isinstance(getattr(v, "pattern", None), re.Pattern)), None)


def _item_class(cls: type[Any], a: attrs.Attribute[Any]) -> type[Any]:
    hints = typing.get_type_hints(cls, vars(model))
    return typing.get_args(hints[a.name])[0]  # tuple[X, ...]


def _expected_schema(cls: type[Any], a: attrs.Attribute[Any]) -> dict[str, Any]:
    """What the JSON Schema must say of a field, from the model alone."""
    kind = file_format(a).kind
    pattern = _pattern(a)
    if kind == STRING:
        allowed = _allowed(a)
        if allowed is not None:
            return {"enum": list(allowed)}
        out: dict[str, Any] = {"type": "string"}
        if pattern:
            out["pattern"] = pattern
        if any(v is model._check_nonempty for v in _validators(a.validator)):
            out["minLength"] = 1
        return out
    if kind == DATE:
        return {"type": "string", "pattern": model._DATE_RE.pattern}
    if kind == INTEGER:
        return {"type": "integer", "minimum": 0}
    if kind == BOOLEAN:
        return {"type": "boolean"}
    if kind == STRINGS:
        items: dict[str, Any] = {"type": "string"}
        if pattern:
            items["pattern"] = pattern
        return {"type": "array", "items": items}
    if kind == VALUE:
        return {"anyOf": [{"type": "boolean"}, {"type": "integer"}, {"type": "number"}, {"type": "string"},
                          {"type": "array", "items": {"type": "string"}}]}
    if kind == TABLES:
        out = {"type": "array", "items": {"$ref": f"#/$defs/{SCHEMA_DEFS[_item_class(cls, a)]}"}}
        if cls is Variant:
            out["minItems"] = 2  # the model's claims check: a dispute has two sides
        return out
    assert kind == TABLE, kind
    return {"type": "object", "propertyNames": {"pattern": _pattern(attrs.fields(Parameter).name)},
            "additionalProperties": {"$ref": "#/$defs/parameter"}}


def _schema_of(cls: type[Any]) -> dict[str, Any]:
    if cls is Version:
        return {k: v for k, v in SCHEMA.items() if k in ("properties", "required", "additionalProperties", "type")}
    if cls is Parameter:
        table: dict[str, Any] = SCHEMA["$defs"]["parameter"]["anyOf"][1]  # the { value, unit, note } form
        return table
    schema: dict[str, Any] = SCHEMA["$defs"][SCHEMA_DEFS[cls]]
    return schema


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_json_schema_and_model_agree_field_for_field(cls: type[Any]) -> None:
    schema = _schema_of(cls)
    fields = _table_fields(cls)
    names = [a.name for a in fields]
    required = {a.name for a in fields if a.default is attrs.NOTHING}
    properties = dict(schema["properties"])
    if cls is Version:  # the file's own format number is no model field
        assert properties.pop("format") == {"const": 1}
        assert "format" in schema["required"]
        required.add("format")
    assert sorted(properties) == sorted(names), "fields named in the schema and in the model"
    assert set(schema["required"]) == required, "required in the schema = no default in the model"
    assert schema["additionalProperties"] is False
    for a in fields:
        assert properties[a.name] == _expected_schema(cls, a), f"{cls.__name__}.{a.name}"


def test_bare_parameter_values_and_names_match_the_schema() -> None:
    bare = SCHEMA["$defs"]["parameter"]["anyOf"][0]
    assert bare == _expected_schema(Parameter, attrs.fields(Parameter).value)
    assert _pattern(attrs.fields(Parameter).name) == model._PARAM_NAME_RE.pattern


def test_the_schema_check_can_fail() -> None:
    """A field added to the model only, or a changed closed set, is caught."""
    extra = attrs.make_class("Extra", {"id": attrs.field(validator=model._ID, metadata=model._fmt_id()),
                                       "colour": attrs.field(default=None, metadata=model._fmt(STRING))})
    fields = [a.name for a in attrs.fields(extra)]
    assert sorted(fields) != sorted(_schema_of(Source)["properties"])
    status = attrs.fields(Version).status
    assert _expected_schema(Version, status) == {"enum": list(model.STATUSES)}
    assert {"enum": [*model.STATUSES, "withdrawn"]} != _expected_schema(Version, status)


# --------------------------------------------------------------------------- docs/format.md


def _example() -> str:
    match = re.search(r"## Full example\s+```toml\n(.*?)```", FORMAT_PAGE, re.S)
    assert match, "docs/format.md has a full example"
    return match.group(1)


def _keys_used(table: dict[str, Any], cls: type[Any], seen: dict[type[Any], set[str]]) -> None:
    seen.setdefault(cls, set()).update(table)
    for a in _table_fields(cls):
        kind = file_format(a).kind
        if kind == TABLES:
            for item in table.get(a.name, []):
                _keys_used(item, _item_class(cls, a), seen)
        elif kind == TABLE:
            for value in table.get(a.name, {}).values():
                if isinstance(value, dict):
                    _keys_used(value, Parameter, seen)


def test_format_page_example_is_a_valid_file_using_every_field() -> None:
    text = _example()
    version = loads(text, "docs/format.md")
    seen: dict[type[Any], set[str]] = {}
    _keys_used(tomllib.loads(text), Version, seen)
    for cls in CLASSES:
        missing = [a.name for a in _table_fields(cls) if a.name not in seen.get(cls, set())]
        assert not missing, f"docs/format.md's example never shows {cls.__name__} fields {missing}"
    assert version.provisions[0].parameters
    assert check_evidence(version, ROOT / "seeds", "docs/format.md") == []  # its quotes are real


def test_format_page_lists_every_closed_set_and_required_field() -> None:
    for cls in CLASSES:
        for a in _table_fields(cls):
            allowed = _allowed(a)
            if allowed is not None:
                assert " | ".join(allowed) in FORMAT_PAGE, f"{cls.__name__}.{a.name}: {allowed}"
            if a.default is attrs.NOTHING:
                assert f"`{a.name}`" in FORMAT_PAGE.split("## Rules", 1)[1], f"required {a.name} in the Rules"


# --------------------------------------------------------------------------- reader and writer follow the fields


@pytest.mark.parametrize("path", sorted((ROOT / "versions").glob("*.toml")), ids=lambda p: p.name)
def test_bundled_version_round_trips_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    version = load_version(path)
    assert dumps(version) == text
    assert loads(dumps(version)) == version


def test_writer_leaves_out_exactly_the_model_defaults() -> None:
    removal = Removal("amnesty")
    provision = Provision("A ceasefire.", "1", confidence="reported")
    version = Version("v", "V", provisions=(provision,), removed=(removal,))
    text = dumps(attrs.evolve(version, sources=()))
    assert 'confidence = "reported"' in text.split("[[removed]]")[0]  # not the provision default
    assert "confidence" not in text.split("[[removed]]")[1]  # the removal default
    for cls in CLASSES:
        for a in _table_fields(cls):
            if a.default is not attrs.NOTHING:
                assert f"{a.name} = {a.default!r}" not in text


def test_value_refused_by_the_model_is_reported_at_its_line_with_the_field_fix() -> None:
    text = 'format = 1\nid = "v"\ntitle = "V"\n\n[[provisions]]\nnumber = "1"\ntext = "T"\nwording_known = true\n' \
           'coverage = "partly"\n'
    with pytest.raises(Exception) as info:
        loads(text, "v.toml")
    (problem,) = info.value.problems  # type: ignore[attr-defined]
    assert (problem.line, problem.message) == (9, "'coverage' is 'partly', which is not one of: complete, partial")
    assert problem.fix == "did you mean 'partial'? use one of the listed values"
    with pytest.raises(FieldError) as model_error:
        Provision("T", coverage="partly")
    assert str(model_error.value) == problem.message  # one sentence, said once, by the model
    assert model_error.value.field is attrs.fields(Provision).coverage


def test_a_check_across_fields_is_reported_at_the_field_it_names() -> None:
    text = 'format = 1\nid = "v"\ntitle = "V"\nparents = ["v"]\n'
    with pytest.raises(Exception) as info:
        loads(text, "v.toml")
    (problem,) = info.value.problems  # type: ignore[attr-defined]
    assert (problem.line, problem.message) == (4, "version 'v' lists itself as a parent")


_HEAD = 'format = 1\nid = "v"\ntitle = "V"\n'
_SOURCE = '\n[[sources]]\nid = "s"\noutlet = "O"\n'


@pytest.mark.parametrize(("text", "line", "message", "fix"), [
    ('format = 1\nid = "v"\ntitle = "V\\u0000"\n', 3, "title contains a NUL character", "invisible character"),
    ('format = 1\nid = "v"\ntitle = "  "\n', 3, "title must not be empty", "give the title some text"),
    (_HEAD + 'parents = ["v"]\n', 4, "version 'v' lists itself as a parent", "remove 'v' from parents"),
    (_HEAD + "declared_count = -3\n", 4, "non-negative integer", "write a count like 28"),
    (_HEAD + '\n[[provisions]]\ntext = "T"\norigins = ["x y"]\n', 7, "'origins' value 'x y' is not a valid identifier",
     "write it like 'army-cap'"),
    (_HEAD + '\n[[provisions]]\ntext = "T"\n\n[provisions.parameters]\ncap = nan\n', 9, "must not be NaN",
     "write a number"),
    (_HEAD + _SOURCE + '\n[[provisions]]\ntext = "T"\n\n[[provisions.evidence]]\nsource = "s"\nquote = ""\n', 14,
     "quote must not be empty", "give the quote some text"),
    (_HEAD + _SOURCE + '\n[[variants]]\nid = "x"\ntopic = "t"\n\n[[variants.claims]]\nvalue = 1\nsources = ["s"]\n', 9,
     "variant 'x' needs at least two claims", "add the other side's [[variants.claims]]"),
    (_HEAD + '\n[[removed]]\nkey = "k"\nconfidence = "rumored"\n', 7, "'confidence' is 'rumored', which is not one of",
     "did you mean 'inferred'?"),
])
def test_each_refused_value_is_reported_at_its_line_with_a_specific_fix(text: str, line: int, message: str,
                                                                        fix: str) -> None:
    from peacediff.store import VersionFileError

    with pytest.raises(VersionFileError) as info:
        loads(text, "v.toml")
    (problem,) = info.value.problems
    assert problem.line == line and message in problem.message
    assert problem.fix is not None and fix in problem.fix
