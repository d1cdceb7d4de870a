"""Value types for negotiated texts: provisions, versions, sources and evidence.

The model is plain, frozen data.  It knows nothing about files, alignment or
HTML: :mod:`peacediff.store` reads and writes it, :mod:`peacediff.compare`
compares it, :mod:`peacediff.render` draws it.

Every class validates at construction, so an object that exists is a valid
object, and every class has a ``to_dict()`` whose key order is fixed: equal
objects serialise to identical bytes.

Example::

    >>> from peacediff.model import Provision, Version
    >>> v = Version.from_texts("draft-1", [("1", "Sovereignty is reaffirmed."),
    ...                                    ("2", "Forces are capped at 600,000.")])
    >>> [p.number for p in v.provisions]
    ['1', '2']
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar, TypeVar, cast

import attrs

from peacediff._display import Displayable
from peacediff._units import CURRENCY_UNITS

__all__ = [
    "CONFIDENCE_LEVELS",
    "COVERAGE_LEVELS",
    "MAX_DEPTH",
    "STATUSES",
    "Claim",
    "Evidence",
    "FieldError",
    "FieldFormat",
    "Parameter",
    "ParameterValue",
    "Provision",
    "Removal",
    "Source",
    "Variant",
    "Version",
    "file_fields",
    "file_format",
]

#: How sure the record is that a provision says what its text says, most sure first.
CONFIDENCE_LEVELS: tuple[str, ...] = (
    "published",  # wording reproduced consistently from a published or leaked text
    "summary",  # content confirmed in summary or quoted form; exact wording not seen
    "reported",  # described by media, no text seen
    "single-source",  # one secondary or indirect report only
    "inferred",  # the editor's inference, not stated by any source
    "unknown",  # nothing found
)

#: What kind of document a version is.
STATUSES: tuple[str, ...] = ("published", "leaked", "reported", "draft", "adopted")

#: Whether a version's provision list is the whole version ("complete") or only
#: what was reported of it ("partial").  In a partial version, a provision of a
#: parent that is neither present nor explicitly removed has an unknown fate.
COVERAGE_LEVELS: tuple[str, ...] = ("complete", "partial")

#: How deep sub-points may nest below a provision.  Statutes go deepest: a U.S. Code
#: section has subsection (a) > paragraph (1) > subparagraph (A) > clause (i) >
#: subclause (I) > item (aa), six levels; 16 leaves room and keeps every renderer,
#: every recursive walk and the file reader far from Python's recursion limit.
MAX_DEPTH = 16

#: A typed fact: a count, an amount, a flag, a name or a list of names.
ParameterValue = bool | int | float | str | tuple[str, ...]

# Keys and ids are identifiers that survive renumbering and appear in URLs and
# HTML anchors, so they are restricted to a portable alphabet.
_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")
# Printed numbers: "6", "10", "a", "iv", "12.3", "SG-1" - no whitespace.
_NUMBER_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.()\-]*[A-Za-z0-9)])?$")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_PARAM_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


#: Longest text a one-line repr quotes before it clips with "…".
REPR_TEXT = 48


def short_text(text: str | None, limit: int = REPR_TEXT) -> str:
    """``text`` on one line, clipped to ``limit`` characters, quoted for a repr.

    Example::

        >>> print(short_text("Ukraine's armed forces are capped at 600,000 personnel.", 30))
        "Ukraine's armed forces are ca…"
    """
    flat = " ".join((text or "").split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return '"' + flat.replace('"', "'") + '"'


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --------------------------------------------------------------------------- the file format, field by field
# Each field of the classes below carries, as attrs metadata, how it is written in a version file
# (docs/format.md): the reader (peacediff.store), the writer (peacediff.store.dumps), the JSON Schema
# test and the format page test all read it from here, so a field is declared once.

#: The TOML shapes a field takes in a version file.  ``table key`` is a value named by its key
#: in an enclosing table (a parameter's name), not a key of its own.
STRING, INTEGER, BOOLEAN, STRINGS, DATE, VALUE = "string", "integer", "boolean", "list of strings", "date", "value"
TABLE, TABLES, TABLE_KEY = "table", "array of tables", "table key"

_FORMAT = "peacediff.format"  # the metadata key, namespaced as attrs asks of libraries


@attrs.frozen
class FieldFormat:
    """How one model field is written in a version file; kept on the field as attrs metadata.

    ``kind`` is its TOML shape (:data:`STRING`, :data:`TABLES` ...); ``problem`` says in words
    what a value refused by the field's validator is, ``fix`` how to write it instead: a file's
    reader reports both at the value's line.  A field is required in a file exactly when it has
    no default, and a value equal to the default is left out of the files peacediff writes.

    Example::

        >>> file_format(attrs.fields(Provision).key).fix
        "write it like 'army-cap' or 'us-russia-28'"
    """

    kind: str
    problem: str | None = None
    fix: str | None = None


def _fmt(kind: str, problem: str | None = None, fix: str | None = None) -> dict[str, FieldFormat]:
    return {_FORMAT: FieldFormat(kind, problem, fix)}


def file_format(attribute: attrs.Attribute[Any]) -> FieldFormat:
    """The :class:`FieldFormat` of a field of one of this module's classes."""
    fmt: FieldFormat = attribute.metadata[_FORMAT]
    return fmt


class FieldError(ValueError):
    """A value a model field refuses, said in one sentence (``str(error)``).

    ``field`` is the attrs field, ``value`` the value or list item refused, ``allowed`` the
    closed set it had to come from (empty if none), ``fix`` how to put it right when the check
    knows better than the field's own fix (:attr:`FieldFormat.fix`).  The version-file reader
    reports it at the value's line with that fix.

    Example::

        >>> try:
        ...     Provision(text="A ceasefire.", coverage="partly")
        ... except FieldError as error:
        ...     print(error, "|", error.field.name, error.allowed)
        'coverage' is 'partly', which is not one of: complete, partial | coverage ('complete', 'partial')
    """

    def __init__(self, message: str, field: attrs.Attribute[Any], value: Any, allowed: tuple[Any, ...] = (),
                 fix: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value
        self.allowed = allowed
        self.fix = fix


@attrs.frozen
class _Worded:
    """An attrs validator whose refusal reads as a sentence, not as attrs' (message, field, ...) tuple."""

    check: Any

    def __call__(self, inst: object, attr: attrs.Attribute[Any], value: Any) -> None:
        try:
            self.check(inst, attr, value)
        except TypeError as exc:  # instance_of: (message, field, expected type, value)
            bad = exc.args[3] if len(exc.args) > 3 else value
            expected = getattr(exc.args[2], "__name__", "other") if len(exc.args) > 2 else "other"
            expected = {"str": "string", "bool": "boolean (true or false)"}.get(expected, expected)
            raise TypeError(f"'{attr.name}' value {bad!r} is not a {expected}") from None
        except ValueError as exc:  # in_ and matches_re: (message, field, options or pattern, value)
            bad = exc.args[3] if len(exc.args) > 3 else value
            expected = exc.args[2] if len(exc.args) > 2 else None
            problem = attr.metadata[_FORMAT].problem if _FORMAT in attr.metadata else None
            if isinstance(expected, (tuple, list)):
                raise FieldError(f"'{attr.name}' is {bad!r}, which is not one of: {', '.join(map(str, expected))}",
                                 attr, bad, tuple(expected)) from None
            raise FieldError(f"'{attr.name}' value {bad!r} {problem}" if problem else str(exc.args[0]),
                             attr, bad) from None


_ID_PROBLEM = ("is not a valid identifier (lower-case letters, digits, '.', '_', '-'; starting and ending "
               "with a letter or digit)")
_ID_FIX = "write it like 'army-cap' or 'us-russia-28'"
_ENUM_FIX = "use one of the listed values"
_DATE_FIX = 'write a real date as "2025-11-20", "2025-11" or "2025"'


def _fmt_id() -> dict[str, FieldFormat]:
    return _fmt(STRING, _ID_PROBLEM, _ID_FIX)


def _fmt_ids() -> dict[str, FieldFormat]:
    return _fmt(STRINGS, _ID_PROBLEM, _ID_FIX)


def _validate_text(name: str, value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, not {type(value).__name__}")
    if "\x00" in value:
        raise ValueError(f"{name} contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name} contains a lone surrogate, which cannot be stored as UTF-8") from None


def _check_text(_inst: object, attr: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        try:
            _validate_text(attr.name, value)
        except ValueError as exc:
            raise FieldError(str(exc), attr, value, fix="delete the invisible character (retype the text if "
                             "unsure); a file holds only text that is valid UTF-8 without NUL") from None


def _check_nonempty(_inst: object, attr: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise FieldError(f"{attr.name} must not be empty", attr, value, fix=f"give the {attr.name} some text")


def date_problem(value: str) -> str | None:
    """Why ``value`` is not an ISO date ("YYYY", "YYYY-MM" or "YYYY-MM-DD" on the calendar), or None.

    Example::

        >>> date_problem("2025-13-45")
        'is not a real date: month 13 does not exist'
        >>> date_problem("2024-02-29") is None
        True
    """
    if not _DATE_RE.match(value):
        return "is not an ISO date: YYYY, YYYY-MM or YYYY-MM-DD"
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return f"is not a real date: month {parts[1]} does not exist"
    if len(parts) > 2:
        try:
            datetime.date(*parts)
        except ValueError:
            return f"is not a real date: day {parts[2]} does not exist in {value[:7]}"
    return None


def _check_date(_inst: object, attr: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"{attr.name} must be a string, not {type(value).__name__}")
    problem = date_problem(value)
    if problem is not None:
        raise FieldError(f"'{attr.name}' value {value!r} {problem}", attr, value)


def _tuple_of_str(value: Iterable[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _check_str_item(_inst: object, attr: attrs.Attribute[Any], item: Any) -> None:
    if not isinstance(item, str):
        raise TypeError(f"{attr.name} must hold strings, not {type(item).__name__}")
    _check_text(_inst, attr, item)  # a NUL or lone surrogate in a list is as unsavable as in a field


_v = attrs.validators
#: A lineage key or an id: portable in URLs and HTML anchors.
_ID = _Worded(_v.and_(_v.instance_of(str), _v.matches_re(_ID_RE)))
_OPTIONAL_ID = _v.optional(_ID)
_IDS = _v.deep_iterable(_ID, _v.instance_of(tuple))
_TEXTS = _v.deep_iterable(_check_str_item, _v.instance_of(tuple))
_REQUIRED_TEXT = _v.and_(_check_text, _check_nonempty)
_FLAG = _Worded(_v.instance_of(bool))


def _one_of(allowed: tuple[str, ...]) -> _Worded:
    return _Worded(_v.in_(allowed))


def _items(cls: type) -> Any:
    """A validator for a tuple of ``cls`` objects."""
    return _v.deep_iterable(_Worded(_v.instance_of(cls)), _v.instance_of(tuple))


def _normalise_value(value: Any) -> ParameterValue:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    scalar: ParameterValue = value  # the validator checks the kind
    return scalar


def _check_value(_inst: object, _attr: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, tuple):
        if not all(isinstance(v, str) for v in value):
            raise TypeError("a list-valued parameter must hold strings only")
        for v in value:
            _validate_text("value", v)
        return
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**63:
        raise ValueError("an integer parameter value must fit in 64 bits (TOML's limit)")
    if isinstance(value, str):
        _validate_text("value", value)
    if isinstance(value, float) and value != value:  # NaN never equals itself: no round trip
        raise ValueError("a parameter value must not be NaN")
    if not isinstance(value, (bool, int, float, str)):
        raise TypeError(
            f"a parameter value must be a number, string, boolean or list of strings, not {type(value).__name__}"
        )


class _Record:
    """What every class of the file format shares: ``to_dict()`` in its documented key order."""

    __slots__ = ()

    #: Field names in the documented order: the key order of ``to_dict()`` and of docs/format.md.
    FIELD_ORDER: ClassVar[tuple[str, ...]] = ()
    #: Field names in the order a version file writes them, when that is not simply
    #: :attr:`FIELD_ORDER` with the tables last.
    FILE_ORDER: ClassVar[tuple[str, ...] | None] = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict with a fixed key order."""
        out: dict[str, Any] = {}
        for name in self.FIELD_ORDER:
            value = getattr(self, name)
            if isinstance(value, tuple):  # tuples hold strings or records, never tuples
                value = [v.to_dict() if isinstance(v, _Record) else v for v in value]
            out[name] = value
        return out


_R = TypeVar("_R", bound=type[_Record])


def _record(cls: _R) -> _R:
    """Check, once at import, that a class's orders name each of its fields exactly once; note its file order."""
    by_name = {a.name: a for a in attrs.fields(cast(Any, cls))}
    for order in (cls.FIELD_ORDER, cls.FILE_ORDER or cls.FIELD_ORDER):
        if sorted(order) != sorted(by_name):
            raise TypeError(f"{cls.__name__}: field orders must name each of {sorted(by_name)} once, not {order}")
    if cls.FILE_ORDER is not None:
        in_file = [by_name[name] for name in cls.FILE_ORDER]
    else:  # values first, then tables: a TOML table runs to the next header
        in_file = sorted((by_name[name] for name in cls.FIELD_ORDER),
                         key=lambda a: file_format(a).kind in (TABLE, TABLES))
    _FILE_FIELDS[cls] = tuple(in_file)
    return cls


_FILE_FIELDS: dict[type[_Record], tuple[attrs.Attribute[Any], ...]] = {}


def file_fields(cls: type[_Record]) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of a model class in the order a version file writes them.

    Example::

        >>> [a.name for a in file_fields(Removal)]
        ['key', 'confidence', 'sources', 'note', 'evidence']
    """
    return _FILE_FIELDS[cls]


@_record
@attrs.frozen
class Source(_Record):
    """Where a claim comes from: an outlet's report, a published text or a seed file.

    ``seed`` names a file under ``seeds/`` whose text is the verbatim evidence
    base; evidence quotes citing this source are checked against it.
    """

    FIELD_ORDER = ("id", "outlet", "date", "url", "seed", "note")

    id: str = attrs.field(validator=_ID, metadata=_fmt_id())
    outlet: str = attrs.field(validator=_REQUIRED_TEXT, metadata=_fmt(STRING))
    date: str | None = attrs.field(default=None, validator=_check_date, metadata=_fmt(DATE, fix=_DATE_FIX))
    url: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    seed: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    note: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))


@_record
@attrs.frozen
class Evidence(_Record):
    """A short verbatim quote from a source supporting a provision or claim."""

    FIELD_ORDER = ("source", "quote", "note")

    source: str = attrs.field(validator=_ID, metadata=_fmt_id())
    quote: str = attrs.field(validator=_REQUIRED_TEXT, metadata=_fmt(STRING))
    note: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))


@_record
@attrs.frozen
class Parameter(_Record):
    """A typed fact carried by a provision, e.g. ``armed_forces_cap = 600000``.

    ``unit`` says how to read a number ("personnel", "USD", "days", "percent").

    >>> Parameter("armed_forces_cap", 600000, unit="personnel").display()
    '600,000 personnel'
    """

    FIELD_ORDER = ("name", "value", "unit", "note")

    name: str = attrs.field(
        validator=_Worded(_v.and_(_v.instance_of(str), _v.matches_re(_PARAM_NAME_RE))),
        metadata=_fmt(TABLE_KEY, "must be snake_case: a lower-case letter, then letters, digits or '_' "
                      "(e.g. 'armed_forces_cap')", "rename it in snake_case, e.g. 'armed_forces_cap'"),
    )
    value: ParameterValue = attrs.field(
        converter=_normalise_value, validator=_check_value,
        metadata=_fmt(VALUE, fix="write a number, a string, true/false or a list of strings"),
    )
    unit: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    note: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))

    def display(self) -> str:
        """Human-readable value with thousands separators and unit: ``600,000 personnel``."""
        return format_value(self.value, self.unit)


def format_value(value: ParameterValue | None, unit: str | None = None) -> str:
    """Format a parameter value for people: ``format_value(600000, "personnel")`` is ``'600,000 personnel'``."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, int):
        text = f"{value:,}"
    elif isinstance(value, float):
        text = f"{value:,.10g}" if abs(value) < 1e16 else repr(value)
    elif isinstance(value, tuple):
        text = ", ".join(value)
    else:
        text = value
    if not unit or isinstance(value, bool) or not isinstance(value, (int, float)):
        return text  # a unit qualifies a quantity: "as soon as possible" is not a number of days
    if unit in CURRENCY_UNITS:
        # Amounts are written the way negotiators and reporters say them: "USD 100 billion".
        for scale, word in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
            if abs(value) >= scale and (value * 1000) % scale == 0:
                return f"{unit} {value / scale:,.10g} {word}"
        return f"{unit} {text}"
    if unit == "percent":
        return f"{text}%"
    return f"{text} {unit}"


def _provision_tuple(value: Iterable[Provision] | None) -> tuple[Provision, ...]:
    return () if value is None else tuple(value)


# One named converter per item type, not ``converter=tuple``: type checkers read a converter's
# parameter as the field's constructor type, and ``tuple``'s is an unsolvable ``Iterable[_T_co]``.
def _parameter_tuple(value: Iterable[Parameter]) -> tuple[Parameter, ...]:
    return tuple(value)


def _evidence_tuple(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


def _claim_tuple(value: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(value)


def _source_tuple(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _removal_tuple(value: Iterable[Removal]) -> tuple[Removal, ...]:
    return tuple(value)


def _variant_tuple(value: Iterable[Variant]) -> tuple[Variant, ...]:
    return tuple(value)


def _check_parameter_names(_inst: object, _attr: attrs.Attribute[Any], value: tuple[Parameter, ...]) -> None:
    names = [p.name for p in value]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"parameter {dupes[0]!r} is given twice; keep one value per name")


@_record
@attrs.frozen(repr=False)
class Provision(_Record):
    """One point of a version, with its sub-points.

    ``number`` is the label as printed in that version ("6", "a"; ``None`` when
    the version's numbering is not known).  ``key`` is a lineage id shared by
    the same provision across versions, surviving renumbering.  ``origins``
    names keys of earlier provisions this one was split from or merged out of.

    ``text`` is a paraphrase of the provision.  When only the fact of a change
    was reported, not the new wording, ``wording_known`` is False and ``text``
    describes what was reported.  ``coverage`` is "partial" when the record of
    this provision is incomplete: sub-points and parameters of an earlier
    version that are absent here then have an unknown fate, not a removed one
    (a provision whose wording is not known is always treated as partial).
    """

    FIELD_ORDER = ("number", "key", "title", "text", "category", "category_inferred", "confidence",
                   "wording_known", "coverage", "origins", "parameters", "sources", "evidence", "subpoints", "note")
    # The file puts the short labels first and the text with its note after them, as the
    # bundled files have always been laid out (they stay byte-identical).
    FILE_ORDER = ("number", "key", "title", "category", "category_inferred", "confidence", "wording_known",
                  "coverage", "origins", "sources", "text", "note", "parameters", "evidence", "subpoints")

    text: str = attrs.field(validator=_REQUIRED_TEXT, metadata=_fmt(STRING))
    number: str | None = attrs.field(
        default=None, validator=_v.optional(_Worded(_v.and_(_v.instance_of(str), _v.matches_re(_NUMBER_RE)))),
        metadata=_fmt(STRING, "is not a printed number label (no spaces)", 'write it like "6", "12", "a" or "SG-1"'),
    )
    key: str | None = attrs.field(default=None, validator=_OPTIONAL_ID, metadata=_fmt_id())
    title: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    category: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    category_inferred: bool = attrs.field(default=False, validator=_FLAG, metadata=_fmt(BOOLEAN))
    confidence: str = attrs.field(default="published", validator=_one_of(CONFIDENCE_LEVELS),
                                  metadata=_fmt(STRING, fix=_ENUM_FIX))
    wording_known: bool = attrs.field(default=True, validator=_FLAG, metadata=_fmt(BOOLEAN))
    coverage: str = attrs.field(default="complete", validator=_one_of(COVERAGE_LEVELS),
                                metadata=_fmt(STRING, fix=_ENUM_FIX))
    origins: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_IDS, metadata=_fmt_ids())
    parameters: tuple[Parameter, ...] = attrs.field(
        default=(), converter=_parameter_tuple, validator=_v.and_(_items(Parameter), _check_parameter_names),
        metadata=_fmt(TABLE),
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_IDS, metadata=_fmt_ids())
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_evidence_tuple, validator=_items(Evidence), metadata=_fmt(TABLES)
    )
    subpoints: tuple[Provision, ...] = attrs.field(default=(), converter=_provision_tuple, metadata=_fmt(TABLES))
    note: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))

    @subpoints.validator  # a method: the class does not exist yet when its fields are declared
    def _check_subpoints(self, _attr: attrs.Attribute[Any], value: tuple[Provision, ...]) -> None:
        for sub in value:
            if not isinstance(sub, Provision):
                raise TypeError(f"subpoints must hold Provision objects, not {type(sub).__name__}")
        _check_unique((s.number for s in value), "sub-point number")
        _check_unique((s.key for s in value), "sub-point key")

    def __repr__(self) -> str:
        # One line whatever the provision holds: a list of provisions stays readable.
        parts = [f"<Provision {self.label}"]
        if self.key:
            parts.append(f"key={self.key}")
        parts.append(short_text(self.title or self.text))
        if self.subpoints:
            parts.append(f"+{_plural(len(self.subpoints), 'sub-point')}")
        if self.is_partial:
            parts.append("(partial)")
        return " ".join(parts) + ">"

    @property
    def is_partial(self) -> bool:
        """True when absent sub-points or parameters of this provision have an unknown fate."""
        return self.coverage == "partial" or not self.wording_known

    @property
    def label(self) -> str:
        """The printed number, or a dash when the numbering is not known."""
        return self.number if self.number is not None else "–"

    @property
    def full_text(self) -> str:
        """The text with its sub-points, one per line, as ``"(a) ..."``: what diffs compare."""
        if not self.subpoints:  # most provisions: the aligner reads thousands of them
            return self.text
        lines = [self.text]
        for sub in self.subpoints:
            head = f"({sub.number}) " if sub.number is not None else "• "
            lines.append(head + sub.full_text.replace("\n", "\n  "))
        return "\n".join(lines)

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called ``name`` here or in a sub-point, or None."""
        for p in self.iter_parameters():
            if p.name == name:
                return p
        return None

    def iter_parameters(self) -> Iterator[Parameter]:
        """This provision's parameters, then its sub-points', depth first."""
        yield from self.parameters
        for sub in self.subpoints:
            yield from sub.iter_parameters()

    def walk(self) -> Iterator[Provision]:
        """This provision and all its sub-points, depth first."""
        yield self
        for sub in self.subpoints:
            yield from sub.walk()

@_record
@attrs.frozen
class Removal(_Record):
    """An explicit report that a parent's provision was dropped in this version."""

    FIELD_ORDER = ("key", "confidence", "sources", "evidence", "note")

    key: str = attrs.field(validator=_ID, metadata=_fmt_id())
    confidence: str = attrs.field(default="reported", validator=_one_of(CONFIDENCE_LEVELS),
                                  metadata=_fmt(STRING, fix=_ENUM_FIX))
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_IDS, metadata=_fmt_ids())
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_evidence_tuple, validator=_items(Evidence), metadata=_fmt(TABLES)
    )
    note: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))


@_record
@attrs.frozen(repr=False)
class Claim(_Record):
    """One source's version of a disputed fact."""

    FIELD_ORDER = ("value", "unit", "sources", "evidence", "note")

    value: ParameterValue = attrs.field(
        converter=_normalise_value, validator=_check_value,
        metadata=_fmt(VALUE, fix="write a number, a string, true/false or a list of strings"),
    )
    sources: tuple[str, ...] = attrs.field(converter=_tuple_of_str, validator=_IDS, metadata=_fmt_ids())
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=_evidence_tuple, validator=_items(Evidence), metadata=_fmt(TABLES)
    )
    unit: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    note: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))

    def __repr__(self) -> str:
        return f"<Claim {short_text(self.display())} from {', '.join(self.sources)}>"

    def display(self) -> str:
        """Human-readable value: ``600,000 personnel``."""
        return format_value(self.value, self.unit)


@_record
@attrs.frozen(repr=False)
class Variant(_Record):
    """A point on which reports disagree, with every claim and its source.

    ``key`` and ``parameter`` tie the dispute to a provision and one of its
    parameters when it has one; ``verdict`` says which claim the record
    accepts and why.
    """

    FIELD_ORDER = ("id", "topic", "key", "parameter", "claims", "verdict")

    id: str = attrs.field(validator=_ID, metadata=_fmt_id())
    topic: str = attrs.field(validator=_REQUIRED_TEXT, metadata=_fmt(STRING))
    claims: tuple[Claim, ...] = attrs.field(converter=_claim_tuple, validator=_items(Claim), metadata=_fmt(TABLES))
    key: str | None = attrs.field(default=None, validator=_OPTIONAL_ID, metadata=_fmt_id())
    parameter: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    verdict: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))

    def __repr__(self) -> str:
        values = " vs ".join(short_text(c.display(), 24) for c in self.claims)
        return f"<Variant {self.id} {short_text(self.topic)}: {values}>"

    @claims.validator  # a method: the message names the variant
    def _check_claims(self, _attr: attrs.Attribute[Any], value: tuple[Claim, ...]) -> None:
        if len(value) < 2:
            raise FieldError(f"variant {self.id!r} needs at least two claims: a dispute has two sides", _attr, value,
                             fix="add the other side's [[variants.claims]], or drop the variant if no report disagrees")


def _check_depth(provisions: tuple[Provision, ...]) -> None:
    """Refuse sub-points nested deeper than :data:`MAX_DEPTH` (checked without recursion)."""
    stack = [(p, 0) for p in provisions]
    while stack:
        p, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValueError(f"sub-points are nested more than {MAX_DEPTH} levels deep (the limit); "
                             "flatten the deepest levels into their parent's text")
        stack.extend((s, depth + 1) for s in p.subpoints)


def _check_unique(values: Iterable[str | None], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value is None:
            continue
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}: each must be unique within its list")
        seen.add(value)


def _check_count(_inst: object, attr: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**63):
        raise FieldError(f"declared_count must be a non-negative integer below 2**63 (TOML's limit), not {value!r}",
                         attr, value)


@_record
@attrs.frozen(repr=False)
class Version(Displayable, _Record):
    """One draft, report or published text of a negotiated document.

    ``coverage`` is "complete" when ``provisions`` is the whole document and
    "partial" when it is only what was reported: in a partial version, a
    parent's provision that is neither present nor listed in ``removed`` has
    an unknown fate, never a removed one.

    Example (:meth:`from_texts` is shorter when there are no keys or parameters)::

        >>> cap = Parameter("armed_forces_cap", 600000, unit="personnel")
        >>> v = Version(
        ...     id="draft-1",
        ...     title="Draft 1",
        ...     date="2025-11-20",
        ...     provisions=[Provision(text="Forces capped at 600,000.", number="6", key="army-cap", parameters=[cap])],
        ... )
        >>> v
        <Version draft-1 2025-11-20 "Draft 1": 1 provision, draft>
        >>> v.provision("army-cap").parameters[0].value
        600000
    """

    FIELD_ORDER = ("id", "title", "date", "date_note", "proposer", "drafters", "status", "coverage", "declared_count",
                   "parents", "summary", "note", "sources", "provisions", "removed", "variants")

    id: str = attrs.field(validator=_ID, metadata=_fmt_id())
    title: str = attrs.field(validator=_REQUIRED_TEXT, metadata=_fmt(STRING))
    provisions: tuple[Provision, ...] = attrs.field(default=(), converter=_provision_tuple, metadata=_fmt(TABLES))
    date: str | None = attrs.field(default=None, validator=_check_date, metadata=_fmt(DATE, fix=_DATE_FIX))
    date_note: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    proposer: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    drafters: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_TEXTS,
                                            metadata=_fmt(STRINGS))
    status: str = attrs.field(default="draft", validator=_one_of(STATUSES), metadata=_fmt(STRING, fix=_ENUM_FIX))
    coverage: str = attrs.field(default="complete", validator=_one_of(COVERAGE_LEVELS),
                                metadata=_fmt(STRING, fix=_ENUM_FIX))
    declared_count: int | None = attrs.field(
        default=None, validator=_check_count,
        metadata=_fmt(INTEGER, fix="write a count like 28"),
    )
    parents: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, validator=_IDS, metadata=_fmt_ids())
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_source_tuple, validator=_items(Source),
                                              metadata=_fmt(TABLES))
    removed: tuple[Removal, ...] = attrs.field(default=(), converter=_removal_tuple, validator=_items(Removal),
                                               metadata=_fmt(TABLES))
    variants: tuple[Variant, ...] = attrs.field(default=(), converter=_variant_tuple, validator=_items(Variant),
                                                metadata=_fmt(TABLES))
    summary: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))
    note: str | None = attrs.field(default=None, validator=_check_text, metadata=_fmt(STRING))

    def __attrs_post_init__(self) -> None:
        # Checks across fields run here, so that each field's own validator reads that field alone
        # (the file reader runs those one by one, at each value's line).
        if self.id in self.parents:
            raise FieldError(f"version {self.id!r} lists itself as a parent", attrs.fields(Version).parents, self.id,
                             fix=f"remove {self.id!r} from parents: parents are the versions this one revises")

    @provisions.validator
    def _check_provisions(self, _attr: attrs.Attribute[Any], value: tuple[Provision, ...]) -> None:
        for p in value:
            if not isinstance(p, Provision):
                raise TypeError(f"provisions must hold Provision objects, not {type(p).__name__}")
        _check_depth(value)
        _check_unique((p.number for p in value), "provision number")
        _check_unique((p.key for p in self.walk_all(value)), "key")

    @sources.validator
    def _check_sources(self, _attr: attrs.Attribute[Any], value: tuple[Source, ...]) -> None:
        _check_unique((s.id for s in value), "source id")

    @removed.validator
    def _check_removed(self, _attr: attrs.Attribute[Any], value: tuple[Removal, ...]) -> None:
        _check_unique((r.key for r in value), "removed key")
        present = {p.key for p in self.walk_all(self.provisions) if p.key}
        for r in value:
            if r.key in present:
                raise ValueError(f"key {r.key!r} is listed as removed but is still a provision of this version")

    @variants.validator
    def _check_variants(self, _attr: attrs.Attribute[Any], value: tuple[Variant, ...]) -> None:
        _check_unique((v.id for v in value), "variant id")

    @staticmethod
    def walk_all(provisions: Iterable[Provision]) -> Iterator[Provision]:
        """Every provision and sub-point in ``provisions``, depth first."""
        for p in provisions:
            yield from p.walk()

    @classmethod
    def from_texts(
        cls,
        id: str,
        points: Iterable[tuple[str | None, str] | str],
        *,
        title: str | None = None,
        **metadata: Any,
    ) -> Version:
        """Build a version in code from ``(number, text)`` pairs or bare texts.

        Bare texts are numbered 1, 2, 3 ...  Provisions built this way carry no
        lineage keys, so comparisons align them by text.  ``metadata`` takes
        any other :class:`Version` field (``date``, ``proposer``, ``status`` ...).

        Example::

            >>> v = Version.from_texts("v2", [("1", "A ceasefire."), ("2", "Elections.")], title="Draft 2")
            >>> v.provisions[1].text
            'Elections.'
        """
        provisions = []
        number: str | None
        for index, point in enumerate(points, start=1):
            if isinstance(point, str):
                number, text = str(index), point
            else:
                number, text = point
            provisions.append(Provision(text=text, number=number))
        return cls(id=id, title=title or id, provisions=tuple(provisions), **metadata)

    @property
    def count(self) -> int:
        """How many top-level provisions the record holds (may be fewer than declared)."""
        return len(self.provisions)

    @property
    def keys(self) -> frozenset[str]:
        """Every lineage key used in this version, sub-points included."""
        return frozenset(p.key for p in self.walk_all(self.provisions) if p.key)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or None."""
        for s in self.sources:
            if s.id == source_id:
                return s
        return None

    def provision(self, ref: str) -> Provision | None:
        """Find a top-level provision by printed number, then by key anywhere."""
        for p in self.provisions:
            if p.number == ref:
                return p
        for p in self.walk_all(self.provisions):
            if p.key == ref:
                return p
        return None

    def removal(self, key: str) -> Removal | None:
        """The explicit removal record for ``key``, or None."""
        for r in self.removed:
            if r.key == key:
                return r
        return None

    def with_provisions(self, provisions: Sequence[Provision]) -> Version:
        """A copy holding ``provisions`` instead (removal records of present keys dropped)."""
        present = {p.key for p in self.walk_all(provisions) if p.key}
        removed = tuple(r for r in self.removed if r.key not in present)
        return attrs.evolve(self, provisions=tuple(provisions), removed=removed)

    def without_keys(self) -> Version:
        """A copy with every lineage key and origin stripped: forces text alignment."""

        def strip(p: Provision) -> Provision:
            return attrs.evolve(p, key=None, origins=(), subpoints=tuple(strip(s) for s in p.subpoints))

        return attrs.evolve(self, provisions=tuple(strip(p) for p in self.provisions), removed=())

    def to_document(self, fmt: str, path: str | os.PathLike[str] | None = None) -> bytes:
        """The version as a plain document that peacediff's readers read back as the same provisions.

        ``fmt`` is "text" (numbered text), "md" (Markdown), "html" or "docx": the title, then
        each provision's number and text, sub-points nested under their parent; no parameters,
        keys or evidence.  Written (atomically) to ``path`` if given.  Same bytes for the same
        version.  Raises ValueError for another ``fmt`` or a text with a control character.
        What reads back unchanged, and what cannot: docs/documents.md.
        """
        from peacediff._document_out import document_bytes
        from peacediff._files import atomic_write_bytes

        data = document_bytes(self, fmt)
        if path is not None:
            atomic_write_bytes(path, data)
        return data

    def __repr__(self) -> str:
        # One line, whatever the version holds (a list of versions stays readable).
        coverage = ", partial" if self.coverage == "partial" else ""
        return (f"<Version {self.id} {self.date or '?'} {short_text(self.title)}: "
                f"{_plural(self.count, 'provision')}, {self.status}{coverage}>")
