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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from peacediff._files import MAX_DOCUMENT_BYTES, decode_utf8, iconv_hint, read_document

# Re-exported on purpose: the CLI writes its files through this name (and tests intercept it here).
from peacediff._files import atomic_write_text as atomic_write_text
from peacediff._messages import shown
from peacediff.model import (
    _DATE_RE,
    _ID_RE,
    _NUMBER_RE,
    CONFIDENCE_LEVELS,
    COVERAGE_LEVELS,
    MAX_DEPTH,
    STATUSES,
    Claim,
    Evidence,
    Parameter,
    Provision,
    Removal,
    Source,
    Variant,
    Version,
    date_problem,
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
# Each table type lists its fields: name -> (kind, required).  Kinds are
# checked by _coerce; tables and arrays of tables are handled by their own
# structuring functions.

_STR, _INT, _BOOL, _STRLIST, _DATE, _ANY = "string", "integer", "boolean", "list of strings", "date", "value"

_VERSION_FIELDS: dict[str, tuple[str, bool]] = {
    "format": (_INT, True),
    "id": (_STR, True),
    "title": (_STR, True),
    "date": (_DATE, False),
    "date_note": (_STR, False),
    "proposer": (_STR, False),
    "drafters": (_STRLIST, False),
    "status": (_STR, False),
    "coverage": (_STR, False),
    "declared_count": (_INT, False),
    "parents": (_STRLIST, False),
    "summary": (_STR, False),
    "note": (_STR, False),
    "sources": ("array of tables", False),
    "provisions": ("array of tables", False),
    "removed": ("array of tables", False),
    "variants": ("array of tables", False),
}
_SOURCE_FIELDS = {
    "id": (_STR, True),
    "outlet": (_STR, True),
    "date": (_DATE, False),
    "url": (_STR, False),
    "seed": (_STR, False),
    "note": (_STR, False),
}
_EVIDENCE_FIELDS = {"source": (_STR, True), "quote": (_STR, True), "note": (_STR, False)}
_PROVISION_FIELDS: dict[str, tuple[str, bool]] = {
    "number": (_STR, False),
    "key": (_STR, False),
    "title": (_STR, False),
    "category": (_STR, False),
    "category_inferred": (_BOOL, False),
    "confidence": (_STR, False),
    "wording_known": (_BOOL, False),
    "coverage": (_STR, False),
    "origins": (_STRLIST, False),
    "sources": (_STRLIST, False),
    "text": (_STR, True),
    "note": (_STR, False),
    "parameters": ("table", False),
    "evidence": ("array of tables", False),
    "subpoints": ("array of tables", False),
}
_REMOVAL_FIELDS = {
    "key": (_STR, True),
    "confidence": (_STR, False),
    "sources": (_STRLIST, False),
    "note": (_STR, False),
    "evidence": ("array of tables", False),
}
_VARIANT_FIELDS = {
    "id": (_STR, True),
    "topic": (_STR, True),
    "key": (_STR, False),
    "parameter": (_STR, False),
    "verdict": (_STR, False),
    "claims": ("array of tables", True),
}
_CLAIM_FIELDS = {
    "value": (_ANY, True),
    "unit": (_STR, False),
    "sources": (_STRLIST, True),
    "note": (_STR, False),
    "evidence": ("array of tables", False),
}
_PARAMETER_TABLE_FIELDS = {"value": (_ANY, True), "unit": (_STR, False), "note": (_STR, False)}

_ID_FIX = ("is not a valid identifier (lower-case letters, digits, '.', '_', '-'; starting and ending "
           "with a letter or digit)", "write it like 'army-cap' or 'us-russia-28'")
# Field name -> (pattern, what is wrong, how to fix): checked before the model
# so the error points at the field's own line.
_SYNTAX: dict[str, tuple[re.Pattern[str], str, str]] = {
    "id": (_ID_RE, *_ID_FIX),
    "key": (_ID_RE, *_ID_FIX),
    "source": (_ID_RE, *_ID_FIX),
    "parents": (_ID_RE, *_ID_FIX),
    "origins": (_ID_RE, *_ID_FIX),
    "date": (_DATE_RE, "is not an ISO date", 'write it as "2025-11-20", "2025-11" or "2025"'),
    "number": (_NUMBER_RE, "is not a printed number label (no spaces)", 'write it like "6", "12", "a" or "SG-1"'),
}

_ENUMS: dict[str, tuple[str, ...]] = {
    "status": STATUSES,
    "coverage": COVERAGE_LEVELS,
    "confidence": CONFIDENCE_LEVELS,
}


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
    fields: Mapping[str, tuple[str, bool]],
    path: tuple[str | int, ...],
    out: _Collector,
    what: str,
) -> dict[str, Any]:
    """Check names, presence and scalar types; return the scalar values that passed."""
    ok: dict[str, Any] = {}
    for name, value in table.items():
        if name not in fields:
            close = difflib.get_close_matches(name, list(fields), n=1, cutoff=0.6)
            fix = f"did you mean '{close[0]}'?" if close else f"allowed fields: {', '.join(fields)}"
            out.add(path + (name,), f"unknown field '{name}' in {what}", fix)
            continue
        kind = fields[name][0]
        coerced = _coerce(value, kind)
        if coerced is _BAD:
            example = {
                _STR: f'{name} = "..."',
                _INT: f"{name} = 28",
                _BOOL: f"{name} = true",
                _STRLIST: f'{name} = ["...", "..."]',
                _DATE: f'{name} = "2025-11-20"',
            }.get(kind, f"see docs/format.md for '{name}'")
            out.add(
                path + (name,),
                f"'{name}' in {what} must be a {kind}, not {_type_name(value)}",
                f"write it as {example}",
            )
            continue
        syntax = _SYNTAX.get(name)
        if syntax is not None:
            items = coerced if isinstance(coerced, tuple) else (coerced,)
            bad = next((item for item in items if not syntax[0].match(item)), None)
            if bad is not None:
                out.add(path + (name,), f"'{name}' value {bad!r} {syntax[1]}", syntax[2])
                continue
        if kind == _DATE and (problem := date_problem(coerced)) is not None:
            out.add(path + (name,), f"'{name}' value {coerced!r} {problem}", 'write a real date, e.g. "2025-11-20"')
            continue
        if name in _ENUMS and coerced not in _ENUMS[name]:
            close = difflib.get_close_matches(str(coerced), list(_ENUMS[name]), n=1, cutoff=0.5)
            hint = f"did you mean '{close[0]}'? " if close else ""
            out.add(
                path + (name,),
                f"'{name}' is {coerced!r}, which is not one of: {', '.join(_ENUMS[name])}",
                f"{hint}use one of the listed values",
            )
            continue
        ok[name] = coerced
    for name, (_kind, required) in fields.items():
        if required and name not in table:
            out.add(path, f"{what} is missing the required field '{name}'", f"add {name} = ... to this table")
    return ok


_BAD = object()


def _coerce(value: Any, kind: str) -> Any:
    if kind == _STR:
        return value if isinstance(value, str) else _BAD
    if kind == _INT:
        return value if isinstance(value, int) and not isinstance(value, bool) else _BAD
    if kind == _BOOL:
        return value if isinstance(value, bool) else _BAD
    if kind == _STRLIST:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        return _BAD
    if kind == _DATE:
        if isinstance(value, str):
            return value
        if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
            return value.isoformat()  # an unquoted TOML date is read as the same ISO text
        return _BAD
    if kind == "table":
        return value if isinstance(value, dict) else _BAD
    if kind == "array of tables":
        return value if isinstance(value, list) and all(isinstance(v, dict) for v in value) else _BAD
    return value  # _ANY: checked by the model


_T = TypeVar("_T")


def _build(out: _Collector, path: tuple[str | int, ...], factory: Callable[..., _T], **kwargs: Any) -> _T | None:
    """Construct a model object, turning its validation errors into problems."""
    try:
        return factory(**kwargs)
    except (TypeError, ValueError) as exc:
        out.add(path, str(exc), "change the value as the message says (docs/format.md lists every field)")
        return None


def _evidence_list(raw: Any, path: tuple[str | int, ...], out: _Collector) -> tuple[Evidence, ...]:
    items: list[Evidence] = []
    for i, table in enumerate(raw or []):
        p = path + (i,)
        f = _check_fields(table, _EVIDENCE_FIELDS, p, out, "evidence")
        if "source" in f and "quote" in f:
            ev = _build(out, p, Evidence, source=f["source"], quote=f["quote"], note=f.get("note"))
            if ev:
                items.append(ev)
    return tuple(items)


def _parameters(raw: Mapping[str, Any], path: tuple[str | int, ...], out: _Collector) -> tuple[Parameter, ...]:
    params: list[Parameter] = []
    for name, value in raw.items():
        p = path + (name,)
        unit = note = None
        if isinstance(value, dict):
            f = _check_fields(value, _PARAMETER_TABLE_FIELDS, p, out, f"parameter '{name}'")
            if "value" not in f:
                continue
            value, unit, note = f["value"], f.get("unit"), f.get("note")
        param = _build(out, p, Parameter, name=name, value=value, unit=unit, note=note)
        if param:
            params.append(param)
    return tuple(params)


def _provision(table: Mapping[str, Any], path: tuple[str | int, ...], out: _Collector,
               depth: int = 0) -> Provision | None:
    f = _check_fields(table, _PROVISION_FIELDS, path, out, "provision")
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
    f = _check_fields(table, _REMOVAL_FIELDS, path, out, "removed entry")
    evidence = _evidence_list(f.pop("evidence", None), path + ("evidence",), out)
    if "key" not in f:
        return None
    return _build(out, path, Removal, evidence=evidence, **f)


def _variant(table: Mapping[str, Any], path: tuple[str | int, ...], out: _Collector) -> Variant | None:
    f = _check_fields(table, _VARIANT_FIELDS, path, out, "variant")
    claims: list[Claim] = []
    for i, raw in enumerate(f.pop("claims", None) or []):
        p = path + ("claims", i)
        c = _check_fields(raw, _CLAIM_FIELDS, p, out, "claim")
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
    f = _check_fields(doc, _VERSION_FIELDS, (), out, "the version")
    if "format" in f and f["format"] != FORMAT_VERSION:
        out.add(
            ("format",),
            f"format {f['format']} is not supported by this peacediff (it reads format {FORMAT_VERSION})",
            f"set format = {FORMAT_VERSION}, or upgrade peacediff",
        )
    f.pop("format", None)

    sources = []
    for i, raw in enumerate(f.pop("sources", None) or []):
        sf = _check_fields(raw, _SOURCE_FIELDS, ("sources", i), out, "source")
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


def _scalars(lines: list[str], pairs: Iterable[tuple[str, Any, Any]]) -> None:
    """Emit ``name = value`` for each (name, value, default) whose value is not the default."""
    for name, value, default in pairs:
        if value == default:
            continue
        lines.append(f"{name} = {_toml_value(value)}")


def _emit_evidence(lines: list[str], items: Sequence[Evidence], header: str) -> None:
    for e in items:
        lines += ["", f"[[{header}]]"]
        _scalars(lines, [("source", e.source, None), ("quote", e.quote, None), ("note", e.note, None)])


def _emit_provision(lines: list[str], p: Provision, header: str) -> None:
    lines += ["", f"[[{header}]]"]
    _scalars(lines, [
        ("number", p.number, None),
        ("key", p.key, None),
        ("title", p.title, None),
        ("category", p.category, None),
        ("category_inferred", p.category_inferred, False),
        ("confidence", p.confidence, "published"),
        ("wording_known", p.wording_known, True),
        ("coverage", p.coverage, "complete"),
        ("origins", p.origins, ()),
        ("sources", p.sources, ()),
        ("text", p.text, None),
        ("note", p.note, None),
    ])
    if p.parameters:
        lines += ["", f"[{header}.parameters]"]
        for param in p.parameters:
            if param.unit is None and param.note is None:
                lines.append(f"{_toml_key(param.name)} = {_toml_value(param.value)}")
            else:
                parts = [f"value = {_toml_value(param.value)}"]
                if param.unit is not None:
                    parts.append(f"unit = {_toml_str(param.unit)}")
                if param.note is not None:
                    parts.append(f"note = {_toml_str(param.note)}")
                lines.append(f"{_toml_key(param.name)} = {{ {', '.join(parts)} }}")
    _emit_evidence(lines, p.evidence, f"{header}.evidence")
    for sub in p.subpoints:
        _emit_provision(lines, sub, f"{header}.subpoints")


def dumps(version: Version) -> str:
    """The canonical file text of ``version``: same version, same bytes.

    Fields equal to their defaults are left out; order follows docs/format.md.

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
    _scalars(lines, [
        ("id", version.id, None),
        ("title", version.title, None),
        ("date", version.date, None),
        ("date_note", version.date_note, None),
        ("proposer", version.proposer, None),
        ("drafters", version.drafters, ()),
        ("status", version.status, "draft"),
        ("coverage", version.coverage, "complete"),
        ("declared_count", version.declared_count, None),
        ("parents", version.parents, ()),
        ("summary", version.summary, None),
        ("note", version.note, None),
    ])
    for s in version.sources:
        lines += ["", "[[sources]]"]
        _scalars(lines, [("id", s.id, None), ("outlet", s.outlet, None), ("date", s.date, None),
                         ("url", s.url, None), ("seed", s.seed, None), ("note", s.note, None)])
    for p in version.provisions:
        _emit_provision(lines, p, "provisions")
    for r in version.removed:
        lines += ["", "[[removed]]"]
        _scalars(lines, [("key", r.key, None), ("confidence", r.confidence, "reported"),
                         ("sources", r.sources, ()), ("note", r.note, None)])
        _emit_evidence(lines, r.evidence, "removed.evidence")
    for v in version.variants:
        lines += ["", "[[variants]]"]
        _scalars(lines, [("id", v.id, None), ("topic", v.topic, None), ("key", v.key, None),
                         ("parameter", v.parameter, None), ("verdict", v.verdict, None)])
        for c in v.claims:
            lines += ["", "[[variants.claims]]"]
            lines.append(f"value = {_toml_value(c.value)}")
            _scalars(lines, [("unit", c.unit, None), ("sources", c.sources, None), ("note", c.note, None)])
            _emit_evidence(lines, c.evidence, "variants.claims.evidence")
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
