"""Version files on disk: strict loading, validation with positions, deterministic saving.

A version file is TOML (format described in ``docs/format.md``).  Loading
checks every field and collects *all* problems of a file before it reports;
each :class:`Problem` names the file, line and column, what is wrong and how
to fix it.  Saving writes a canonical layout (same version, same bytes)
through a temporary file and an atomic rename.

Example::

    >>> from peacediff.store import load_version, dumps
    >>> v = load_version("versions/us-russia-28.toml")  # doctest: +SKIP
    >>> dumps(v) == open("versions/us-russia-28.toml", encoding="utf-8").read()  # doctest: +SKIP
    True
"""

from __future__ import annotations

import datetime as _dt
import difflib
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from peacediff._files import MAX_DOCUMENT_BYTES, decode_utf8, iconv_hint, read_document

# Re-exported on purpose: the CLI writes its files through this name (and tests intercept it here).
from peacediff._files import atomic_write_text as atomic_write_text
from peacediff._messages import shown
from peacediff.model import (
    BOOLEAN,
    DATE,
    INTEGER,
    MAX_DEPTH,
    STRING,
    STRINGS,
    TABLE,
    TABLE_KEY,
    TABLES,
    Claim,
    Evidence,
    FieldError,
    FieldFormat,
    Parameter,
    Provision,
    Removal,
    Source,
    Variant,
    Version,
    file_fields,
    file_format,
)
from peacediff.tomlpos import PositionIndex, too_deep

__all__ = [
    "FORMAT_VERSION",
    "Problem",
    "VersionFileError",
    "check_evidence",
    "dumps",
    "load_version",
    "loads",
    "save",
]

#: The file format version written by this release (the ``format`` field).
FORMAT_VERSION = 1

#: A provision longer than this is almost certainly a whole document pasted
#: into one field; the largest real article we know of is well under 20,000.
MAX_TEXT_CHARS = 100_000

#: Arrays and inline tables nested deeper than this are refused before parsing: the
#: format needs two levels, and the TOML parser recurses once per level.
MAX_VALUE_NESTING = 32

#: Refuse files above this size before parsing (the limit every reader applies).
MAX_FILE_BYTES = MAX_DOCUMENT_BYTES


@attrs.frozen
class Problem:
    """One thing wrong with a version file, where it is, and how to fix it."""

    file: str
    line: int
    column: int
    message: str
    fix: str | None = None

    def __str__(self) -> str:
        # File and field names come from outside: escape sequences in them must not reach a terminal.
        text = f"{shown(self.file)}:{self.line}:{self.column}: {shown(self.message)}"
        return f"{text}\n    fix: {shown(self.fix)}" if self.fix else text


class VersionFileError(ValueError):
    """A version file (or folder) could not be loaded; ``problems`` lists every cause."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------- fields
# What each table of a file may hold comes from the model: the fields of its class in file
# order, each with its TOML kind and fix text (peacediff.model.FieldFormat); required exactly
# when the model gives no default.  The reader checks kinds here, then runs each value's own
# model validator so a refused value is reported at its line.


@attrs.frozen
class _Field:
    format: FieldFormat
    required: bool
    attribute: attrs.Attribute[Any] | None  # None: the file's own ``format`` field, not the model's


def _fields_of(cls: type[Any]) -> dict[str, _Field]:
    return {a.name: _Field(file_format(a), a.default is attrs.NOTHING, a)
            for a in file_fields(cls) if file_format(a).kind != TABLE_KEY}


# The keys each table of a file may hold, in file order.
_TABLES: dict[type[Any], dict[str, _Field]] = {
    cls: _fields_of(cls) for cls in (Source, Evidence, Parameter, Provision, Removal, Claim, Variant, Version)
}


_PARAMETER = attrs.fields(Parameter)
_VERSION_TABLE = {"format": _Field(FieldFormat(INTEGER), True, None), **_TABLES[Version]}
_GENERIC_FIX = "change the value as the message says (docs/format.md lists every field)"

# How a value of each kind is written, for the fix of a value of the wrong kind.
_EXAMPLES = {STRING: '{} = "..."', INTEGER: "{} = 28", BOOLEAN: "{} = true", STRINGS: '{} = ["...", "..."]',
             DATE: '{} = "2025-11-20"'}


class _Collector:
    """Accumulates problems for one file with positions from its text."""

    def __init__(self, file: str, text: str | None) -> None:
        self.file = file
        self.index = PositionIndex(text) if text is not None else None
        self.problems: list[Problem] = []

    def add(self, path: Sequence[str | int], message: str, fix: str | None = None) -> None:
        line, col = self.index.locate(tuple(path)) if self.index else (1, 1)
        self.problems.append(Problem(self.file, line, col, message, fix))


def _where(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "top level"


def _type_name(value: Any) -> str:
    return {
        str: "string",
        int: "integer",
        float: "float",
        bool: "boolean",
        list: "array",
        dict: "table",
    }.get(type(value), type(value).__name__)


def _check_fields(
    table: Mapping[str, Any],
    fields: Mapping[str, _Field],
    path: tuple[str | int, ...],
    out: _Collector,
    what: str,
) -> dict[str, Any]:
    """Check names, presence, kinds and each value's own validator; return the values that passed."""
    ok: dict[str, Any] = {}
    for name, value in table.items():
        if name not in fields:
            close = difflib.get_close_matches(name, list(fields), n=1, cutoff=0.6)
            fix = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(fields)}"
            out.add(path + (name,), f"unknown field '{name}' in {what}", fix)
            continue
        field = fields[name]
        coerced = _coerce(value, field.format.kind)
        if coerced is _BAD:
            example = _EXAMPLES.get(field.format.kind, "see docs/format.md for '{}'").format(name)
            out.add(path + (name,), f"'{name}' in {what} must be a {field.format.kind}, not {_type_name(value)}",
                    f"write it as {example}")
            continue
        if field.attribute is not None and field.format.kind not in (TABLE, TABLES):
            refused = _refused(field.attribute, coerced)
            if refused is not None:
                out.add(path + (name,), *refused)
                continue
        ok[name] = coerced
    for name, field in fields.items():
        if field.required and name not in table:
            out.add(path, f"{what} is missing the required field '{name}'", f"add {name} = ... to this table")
    return ok


def _refused(attribute: attrs.Attribute[Any], value: Any) -> tuple[str, str] | None:
    """(message, fix) when the model's validator of ``attribute`` refuses ``value``, else None.

    Runs without an instance: the model keeps each value field's validator to that one field
    (its checks across fields run after construction, and :func:`_build` reports those).
    """
    if attribute.converter is not None:
        value = attribute.converter(value)  # type: ignore[operator]  # the model's converters are functions
    if attribute.validator is None:
        return None
    try:
        attribute.validator(None, attribute, value)
    except (TypeError, ValueError) as exc:
        return _worded(exc, attribute)
    return None


def _worded(exc: Exception, attribute: attrs.Attribute[Any]) -> tuple[str, str]:
    """The model's sentence for a refused value, and the field's fix (with a did-you-mean for closed sets)."""
    fix = (exc.fix if isinstance(exc, FieldError) else None) or file_format(attribute).fix or _GENERIC_FIX
    if isinstance(exc, FieldError) and exc.allowed:
        close = difflib.get_close_matches(str(exc.value), [str(a) for a in exc.allowed], n=1, cutoff=0.5)
        fix = (f"did you mean '{close[0]}'? " if close else "") + fix
    return str(exc), fix


_BAD = object()


def _coerce(value: Any, kind: str) -> Any:
    if kind == STRING:
        return value if isinstance(value, str) else _BAD
    if kind == INTEGER:
        return value if isinstance(value, int) and not isinstance(value, bool) else _BAD
    if kind == BOOLEAN:
        return value if isinstance(value, bool) else _BAD
    if kind == STRINGS:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return _BAD
    if kind == DATE:
        if isinstance(value, str):
            return value
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value.isoformat()  # an unquoted TOML date is read as the same ISO text
        return _BAD
    if kind == TABLE:
        return value if isinstance(value, dict) else _BAD
    if kind == TABLES:
        return value if isinstance(value, list) and all(isinstance(v, dict) for v in value) else _BAD
    return value  # VALUE: checked by the model


_T = TypeVar("_T")


def _build(out: _Collector, path: tuple[str | int, ...], factory: Callable[..., _T], **kwargs: Any) -> _T | None:
    """Construct a model object, turning its validation errors into problems at the field they name."""
    try:
        return factory(**kwargs)
    except FieldError as exc:  # a check across fields: reported at the value it names, a list of tables at its head
        where = path if file_format(exc.field).kind in (TABLE, TABLES) else path + (exc.field.name,)
        out.add(where, *_worded(exc, exc.field))
    except (TypeError, ValueError) as exc:
        out.add(path, str(exc), _GENERIC_FIX)
    return None


def _evidence_list(raw: Any, path: tuple[str | int, ...], out: _Collector) -> tuple[Evidence, ...]:
    items: list[Evidence] = []
    for i, table in enumerate(raw or []):
        p = path + (i,)
        f = _check_fields(table, _TABLES[Evidence], p, out, "evidence")
        if "source" in f and "quote" in f:
            ev = _build(out, p, Evidence, source=f["source"], quote=f["quote"], note=f.get("note"))
            if ev:
                items.append(ev)
    return tuple(items)


def _parameters(raw: Mapping[str, Any], path: tuple[str | int, ...], out: _Collector) -> tuple[Parameter, ...]:
    params: list[Parameter] = []
    for name, value in raw.items():
        p = path + (name,)
        if _refused(_PARAMETER.name, name) is not None:
            name_format = file_format(_PARAMETER.name)
            out.add(p, f"parameter name {name!r} {name_format.problem}", name_format.fix or _GENERIC_FIX)
            continue
        if isinstance(value, dict):
            f = _check_fields(value, _TABLES[Parameter], p, out, f"parameter '{name}'")
            if "value" not in f:
                continue
        elif (refused := _refused(_PARAMETER.value, value)) is not None:
            out.add(p, *refused)
            continue
        else:
            f = {"value": value}
        param = _build(out, p, Parameter, name=name, **f)
        if param:
            params.append(param)
    return tuple(params)


def _provision(table: Mapping[str, Any], path: tuple[str | int, ...], out: _Collector,
               depth: int = 0) -> Provision | None:
    f = _check_fields(table, _TABLES[Provision], path, out, "provision")
    params = _parameters(f.pop("parameters", {}), path + ("parameters",), out)
    evidence = _evidence_list(f.pop("evidence", None), path + ("evidence",), out)
    subs: list[Provision] = []
    raw_subs = f.pop("subpoints", None) or []
    if raw_subs and depth >= MAX_DEPTH:
        out.add(path + ("subpoints",), f"sub-points are nested more than {MAX_DEPTH} levels deep (the limit)",
                _DEPTH_FIX)
        return None
    for i, sub in enumerate(raw_subs):
        built = _provision(sub, path + ("subpoints", i), out, depth + 1)
        if built:
            subs.append(built)
    if "text" not in f:
        return None
    if len(f["text"]) > MAX_TEXT_CHARS:
        out.add(
            path + ("text",),
            f"text is {len(f['text']):,} characters, over the limit of {MAX_TEXT_CHARS:,}",
            "split the provision into sub-points or several provisions",
        )
        return None
    return _build(out, path, Provision, parameters=params, evidence=evidence, subpoints=subs, **f)


def _removal(table: Mapping[str, Any], path: tuple[str | int, ...], out: _Collector) -> Removal | None:
    f = _check_fields(table, _TABLES[Removal], path, out, "removed entry")
    evidence = _evidence_list(f.pop("evidence", None), path + ("evidence",), out)
    if "key" not in f:
        return None
    return _build(out, path, Removal, evidence=evidence, **f)


def _variant(table: Mapping[str, Any], path: tuple[str | int, ...], out: _Collector) -> Variant | None:
    f = _check_fields(table, _TABLES[Variant], path, out, "variant")
    claims: list[Claim] = []
    for i, raw in enumerate(f.pop("claims", None) or []):
        p = path + ("claims", i)
        c = _check_fields(raw, _TABLES[Claim], p, out, "claim")
        evidence = _evidence_list(c.pop("evidence", None), p + ("evidence",), out)
        if "value" in c and "sources" in c:
            claim = _build(out, p, Claim, evidence=evidence, **c)
            if claim:
                claims.append(claim)
    if "id" not in f or "topic" not in f:
        return None
    return _build(out, path, Variant, claims=claims, **f)


def _structure(doc: Mapping[str, Any], out: _Collector) -> Version | None:
    """Turn a parsed TOML document into a Version, recording every problem."""
    f = _check_fields(doc, _VERSION_TABLE, (), out, "the version")
    if "format" in f and f["format"] != FORMAT_VERSION:
        out.add(
            ("format",),
            f"format {f['format']} is not supported by this peacediff (it reads format {FORMAT_VERSION})",
            f"set format = {FORMAT_VERSION}, or upgrade peacediff",
        )
    f.pop("format", None)

    sources = []
    for i, raw in enumerate(f.pop("sources", None) or []):
        sf = _check_fields(raw, _TABLES[Source], ("sources", i), out, "source")
        if "id" in sf and "outlet" in sf:
            s = _build(out, ("sources", i), Source, **sf)
            if s:
                sources.append(s)
    provisions = [
        p for i, raw in enumerate(f.pop("provisions", None) or []) if (p := _provision(raw, ("provisions", i), out))
    ]
    removed = [r for i, raw in enumerate(f.pop("removed", None) or []) if (r := _removal(raw, ("removed", i), out))]
    variants = [v for i, raw in enumerate(f.pop("variants", None) or []) if (v := _variant(raw, ("variants", i), out))]

    _check_uniqueness(provisions, sources, removed, variants, out)
    _check_references(provisions, sources, removed, variants, out)
    if out.problems or "id" not in f or "title" not in f:
        return None
    return _build(
        out, (), Version, sources=sources, provisions=provisions, removed=removed, variants=variants, **f
    )


def _check_uniqueness(
    provisions: list[Provision],
    sources: list[Source],
    removed: list[Removal],
    variants: list[Variant],
    out: _Collector,
) -> None:
    def dupes(values: Iterable[tuple[str | None, tuple[str | int, ...]]], what: str, fix: str) -> None:
        first: dict[str, tuple[str | int, ...]] = {}
        for value, path in values:
            if value is None:
                continue
            if value in first:
                out.add(path, f"duplicate {what} {value!r} (first used at {_where(first[value])})", fix)
            else:
                first[value] = path

    def walk(items: list[Provision], path: tuple[str | int, ...]) -> Iterable[tuple[Provision, tuple[str | int, ...]]]:
        for i, p in enumerate(items):
            yield p, path + (i,)
            yield from walk(list(p.subpoints), path + (i, "subpoints"))

    dupes(((p.number, path + ("number",)) for p, path in ((p, ("provisions", i)) for i, p in enumerate(provisions))),
          "provision number", "give each provision its own number, or omit number where it is not known")
    dupes(((p.key, path + ("key",)) for p, path in walk(provisions, ("provisions",))),
          "key", "a key names one provision lineage: give the second provision its own key")
    dupes(((s.id, ("sources", i, "id")) for i, s in enumerate(sources)), "source id", "rename or merge the two sources")
    dupes(((r.key, ("removed", i, "key")) for i, r in enumerate(removed)), "removed key", "list each key once")
    dupes(((v.id, ("variants", i, "id")) for i, v in enumerate(variants)), "variant id", "rename one variant")
    present = {p.key: path for p, path in walk(provisions, ("provisions",)) if p.key}
    for i, r in enumerate(removed):
        if r.key in present:
            out.add(("removed", i, "key"), f"key {r.key!r} is listed as removed but is still a provision here "
                    f"({_where(present[r.key])})", "delete the [[removed]] entry or the provision")


def _check_references(
    provisions: list[Provision],
    sources: list[Source],
    removed: list[Removal],
    variants: list[Variant],
    out: _Collector,
) -> None:
    known = {s.id for s in sources}

    def check(ids: Iterable[str], path: tuple[str | int, ...]) -> None:
        for source_id in ids:
            if source_id not in known:
                close = difflib.get_close_matches(source_id, sorted(known), n=1, cutoff=0.6)
                fix = (f"did you mean '{close[0]}'? " if close else "") + (
                    f"declare it in a [[sources]] table with id = \"{source_id}\""
                )
                out.add(path, f"source id {source_id!r} is not declared in this file's [[sources]]", fix)

    def walk(items: list[Provision], path: tuple[str | int, ...]) -> None:
        for i, p in enumerate(items):
            here = path + (i,)
            check(p.sources, here + ("sources",))
            for j, e in enumerate(p.evidence):
                check([e.source], here + ("evidence", j, "source"))
            walk(list(p.subpoints), here + ("subpoints",))

    walk(provisions, ("provisions",))
    for i, r in enumerate(removed):
        check(r.sources, ("removed", i, "sources"))
        for j, e in enumerate(r.evidence):
            check([e.source], ("removed", i, "evidence", j, "source"))
    for i, v in enumerate(variants):
        for j, c in enumerate(v.claims):
            check(c.sources, ("variants", i, "claims", j, "sources"))
            for k, e in enumerate(c.evidence):
                check([e.source], ("variants", i, "claims", j, "evidence", k, "source"))


# --------------------------------------------------------------------------- loading

def _decode(data: bytes, file: str) -> str:
    text, bad = decode_utf8(data)
    if bad is not None:
        _offset, line, col, reason = bad
        raise VersionFileError([Problem(file, line, col, reason, iconv_hint(reason))])
    assert text is not None
    return text


#: A table header nested past the sub-point limit.  Headers of n levels are n times longer, so a
#: deep file is quadratic in size and costly to parse and position: refuse it before parsing.
_DEEP_HEADER_RE = re.compile(rf"^[ \t]*\[\[[ \t]*provisions(?:[ \t]*\.[ \t]*subpoints){{{MAX_DEPTH + 1}}}", re.M)
_DEPTH_FIX = "flatten the deepest levels into their parent's text (docs/format.md, Rules)"


def _too_deep_header(text: str) -> int | None:
    """The line of the first ``[[provisions.subpoints...]]`` header past :data:`MAX_DEPTH`, else None."""
    match = _DEEP_HEADER_RE.search(text)
    return None if match is None else text.count("\n", 0, match.start()) + 1


def loads(text: str, file: str = "<string>") -> Version:
    """Parse version-file text (the inverse of :func:`dumps`); raise :class:`VersionFileError` listing every problem.

    Example::

        >>> from peacediff.model import Version
        >>> v = Version.from_texts("draft", ["A ceasefire."])
        >>> loads(dumps(v)) == v
        True
    """
    if not text.strip():
        raise VersionFileError([Problem(file, 1, 1, "the file is empty",
                                        "start from the example in docs/format.md")])
    deep = _too_deep_header(text)
    if deep is not None:
        raise VersionFileError([Problem(file, deep, 1, f"sub-points are nested more than {MAX_DEPTH} levels deep "
                                        "(the limit)", _DEPTH_FIX)])
    deep = too_deep(text, MAX_VALUE_NESTING)
    if deep is not None:
        raise VersionFileError([Problem(file, deep, 1, f"arrays or inline tables nested more than "
                                        f"{MAX_VALUE_NESTING} levels deep", "version files need at most two "
                                        "levels (a list of strings, an inline parameter table)")])
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's TOMLDecodeError carries the position only in its message.
        pos = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(pos.group(1)), int(pos.group(2))) if pos else (1, 1)
        message = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", str(exc))
        raise VersionFileError([Problem(file, line, col, f"TOML syntax error: {message}",
                                        "check quotes, brackets and '=' on this line (docs/format.md)")]) from None
    except RecursionError:  # nesting too_deep() could not see (it reads only the shapes version files use)
        raise VersionFileError([Problem(file, 1, 1, "values are nested too deeply to read",
                                        "version files need at most two levels of nesting")]) from None
    out = _Collector(file, text)
    version = _structure(doc, out)
    if out.problems or version is None:
        raise VersionFileError(out.problems or [Problem(file, 1, 1, "could not build the version")])
    return version


# load_version also raises FileProblem (an OSError, from peacediff._files.read_document) for a
# folder, a special file or a file over MAX_FILE_BYTES.
def load_version(path: str | os.PathLike[str]) -> Version:
    """Load one version file (TOML) strictly: the reader behind :func:`peacediff.load` for ``.toml`` paths.

    Use :func:`peacediff.load` for anything a user names (a bundled id, a version file or a
    document to import); use this when the input must be a version file and nothing else,
    e.g. to validate a contributed file.  :func:`loads` reads the same format from a string.

    Raises :class:`VersionFileError` (a ``ValueError``) naming every problem,
    or ``FileNotFoundError`` if the file does not exist.

    Example::

        >>> from peacediff._resources import resource_path
        >>> load_version(resource_path("versions") / "us-russia-28.toml").count
        28
    """
    return loads(_decode(read_document(path), os.fspath(path)), os.fspath(path))


def check_evidence(version: Version, seeds_dir: Path, file: str, text: str | None = None) -> list[Problem]:
    """Problems with evidence quotes of ``version`` that cite seed files in ``seeds_dir``.

    A quote citing a source with a ``seed`` must occur verbatim in that file.
    """
    out = _Collector(file, text)
    seeds: dict[str, str | None] = {}

    def seed_text(name: str) -> str | None:
        if name not in seeds:
            path = seeds_dir / name
            seeds[name] = path.read_text(encoding="utf-8") if path.is_file() else None
        return seeds[name]

    by_id = {s.id: s for s in version.sources}
    for i, s in enumerate(version.sources):
        if s.seed is not None and seed_text(s.seed) is None:
            out.add(("sources", i, "seed"), f"seed file {s.seed!r} does not exist in {seeds_dir}",
                    "copy the article into seeds/ or correct the file name")

    def check(items: Iterable[Evidence], path: tuple[str | int, ...]) -> None:
        for j, e in enumerate(items):
            src = by_id.get(e.source)
            if src is None or src.seed is None:
                continue
            body = seed_text(src.seed)
            if body is not None and e.quote not in body:
                out.add(path + (j, "quote"), f"quote not found verbatim in seed {src.seed}: {e.quote[:60]!r}",
                        "copy the quote character for character from the seed (curly quotes and dashes included)")

    def walk(items: Sequence[Provision], path: tuple[str | int, ...]) -> None:
        for i, p in enumerate(items):
            check(p.evidence, path + (i, "evidence"))
            walk(p.subpoints, path + (i, "subpoints"))

    walk(version.provisions, ("provisions",))
    for i, r in enumerate(version.removed):
        check(r.evidence, ("removed", i, "evidence"))
    for i, v in enumerate(version.variants):
        for j, c in enumerate(v.claims):
            check(c.evidence, ("variants", i, "claims", j, "evidence"))
    return out.problems


# --------------------------------------------------------------------------- saving

def _toml_str(s: str) -> str:
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_key(name: str) -> str:
    if name and all(c.isascii() and (c.isalnum() or c in "_-") for c in name):
        return name
    return _toml_str(name)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        text = repr(value)
        return text if any(c in text for c in ".eE") else text + ".0"
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _written(obj: Any) -> Iterator[tuple[attrs.Attribute[Any], Any]]:
    """The fields of ``obj`` a file writes, in file order: required ones always, others unless at their default."""
    for a in file_fields(type(obj)):
        value = getattr(obj, a.name)
        if file_format(a).kind != TABLE_KEY and (a.default is attrs.NOTHING or value != a.default):
            yield a, value


def _emit_fields(lines: list[str], obj: Any, header: str) -> None:
    """``name = value`` lines, then the tables, of one model object under ``[header]``."""
    for a, value in _written(obj):
        kind = file_format(a).kind
        name = f"{header}.{a.name}" if header else a.name
        if kind == TABLES:
            for item in value:
                lines += ["", f"[[{name}]]"]
                _emit_fields(lines, item, name)
        elif kind == TABLE:
            _emit_parameters(lines, value, name)
        else:
            lines.append(f"{a.name} = {_toml_value(value)}")


def _emit_parameters(lines: list[str], parameters: Sequence[Parameter], header: str) -> None:
    # A parameter with only its value is written bare; one with a unit or note as an inline
    # table, so that one fact stays on one line.
    lines += ["", f"[{header}]"]
    for param in parameters:
        parts = [f"{a.name} = {_toml_value(value)}" for a, value in _written(param)]
        value = parts[0].partition(" = ")[2] if len(parts) == 1 else f"{{ {', '.join(parts)} }}"
        lines.append(f"{_toml_key(param.name)} = {value}")


def dumps(version: Version) -> str:
    """The canonical file text of ``version``: same version, same bytes.

    Fields equal to their defaults are left out; the order is the model's file order (docs/format.md).

    >>> from peacediff.model import Version
    >>> print(dumps(Version.from_texts("draft", ["A ceasefire."], title="Draft")), end="")
    # peacediff version file (format 1); see docs/format.md
    <BLANKLINE>
    format = 1
    id = "draft"
    title = "Draft"
    <BLANKLINE>
    [[provisions]]
    number = "1"
    text = "A ceasefire."
    """
    lines = [f"# peacediff version file (format {FORMAT_VERSION}); see docs/format.md", ""]
    lines.append(f"format = {FORMAT_VERSION}")
    _emit_fields(lines, version, "")
    return "\n".join(lines) + "\n"


def save(version: Version, path: str | os.PathLike[str]) -> Path:
    """Write ``version`` to ``path`` atomically in canonical form; return the path.

    Never writes a file :func:`load_version` would refuse: the text is read back first,
    and any problem (a text over :data:`MAX_TEXT_CHARS`, a source id not declared in
    ``sources``) raises :class:`VersionFileError` naming it, with the file left as it was.

    >>> from peacediff.model import Version
    >>> save(Version.from_texts("draft", ["A ceasefire."]), "versions/draft.toml")  # doctest: +SKIP
    PosixPath('versions/draft.toml')
    """
    text = dumps(version)
    try:
        loads(text, os.fspath(path))
    except VersionFileError as exc:
        raise VersionFileError([attrs.evolve(p, message=f"not saved: {p.message}") for p in exc.problems]) from None
    atomic_write_text(path, text)
    return Path(path)
