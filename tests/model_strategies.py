"""Hypothesis strategies for arbitrary, valid model objects (foundation round-trip tests).

Text deliberately includes quotes, backslashes, newlines, HTML metacharacters,
bidi controls and non-Latin scripts: whatever a document may contain.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from peacediff.model import (
    CONFIDENCE_LEVELS,
    COVERAGE_LEVELS,
    STATUSES,
    Claim,
    Evidence,
    Parameter,
    Provision,
    Removal,
    Source,
    Variant,
    Version,
)

_TRICKY = ['"', "'", "\\", "\n", "\t", "\r", "<", ">", "&", "</style>", "<script>", "\u202e", "\u2066",
           "“", "”", "—", "€", "Київ", "\x7f", "\x1b", "#", "=", "[[x]]", '"""']
def piece_lists(pieces: Sequence[str], min_size: int = 0, max_size: int = 60) -> st.SearchStrategy[list[str]]:
    """Lists of ``pieces``, drawn as one string of private-use stand-in characters: one draw where a
    list of sampled pieces costs one a piece (ten times as much), and hypothesis still shrinks
    piece by piece, towards the first."""
    alphabet = "".join(chr(0xE000 + i) for i in range(len(pieces)))
    return st.text(alphabet, min_size=min_size, max_size=max_size).map(lambda s: [pieces[ord(c) - 0xE000] for c in s])


def _not_blank(s: str) -> str:
    # A blank draw (a fifth of them: hypothesis favours short strings of the first characters)
    # gets a letter rather than a retry, which a filter would cost.
    return s if s.strip() else s + "x"


# versions() draws a dozen texts: the tricky pieces come as one string draw (piece_lists).
texts = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1,
            max_size=40).map(_not_blank),
    piece_lists((*string.ascii_letters, " ", ",", ".", *_TRICKY), 1, 24).map(lambda p: _not_blank("".join(p))),
)
opt_texts = st.none() | texts
_ALNUM = string.ascii_lowercase + string.digits


def _ident(first: str, middle: str, last: str, max_middle: int) -> st.SearchStrategy[str]:
    """Strings of ``middle`` characters that start with one of ``first`` and end with one of ``last``.

    One string draw (from_regex is slow to generate, and three draws, the ends apart, cost three
    times one): an end character not allowed there becomes an allowed one.  Every valid string is
    drawn as itself; ``middle`` lists the simplest characters first, which shrinking prefers."""

    def ends(s: str) -> str:
        head = s[0] if s[0] in first else first[ord(s[0]) % len(first)]
        if len(s) == 1:
            return head
        return head + s[1:-1] + (s[-1] if s[-1] in last else last[ord(s[-1]) % len(last)])

    return st.text(middle, min_size=1, max_size=max_middle + 2).map(ends)


ids = _ident(_ALNUM, _ALNUM + "._-", _ALNUM, 8)
numbers = _ident(string.ascii_letters + string.digits, string.ascii_letters + string.digits + ".-",
                 string.ascii_letters + string.digits, 3)
dates = st.none() | st.dates().map(lambda d: d.isoformat()) | st.integers(1000, 9999).map(str)
param_names = _ident(string.ascii_lowercase, _ALNUM + "_", _ALNUM, 10)
values = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    texts,
    st.lists(texts, max_size=3).map(tuple),
)


_UNITS = ("personnel", "USD", "days", "percent", "years")
_units = st.none() | st.sampled_from(_UNITS)
_param_name_lists = st.lists(param_names, max_size=3, unique=True)


def _parameters(draw: st.DrawFn) -> tuple[Parameter, ...]:
    """Up to three parameters with distinct names.  The names are drawn as one list and the rest
    field by field: a list of ``builds(Parameter)`` unique by name cost twice as much a provision."""
    return tuple(Parameter(name=name, value=draw(values), unit=draw(_units), note=draw(opt_texts))
                 for name in draw(_param_name_lists))


_opt_ids = st.none() | ids
_opt_param_names = st.none() | param_names
_opt_personnel = st.none() | st.just("personnel")

# Strategies are built once, at import or once per drawn version (those that pick among its
# source ids), never once per drawn provision: building and validating a fresh strategy object
# cost more than drawing from it, and made versions() the slowest part of the property tests.


@attrs.frozen
class _Citing:
    """What a provision, removal or claim may cite, given the version's source ids."""

    source: st.SearchStrategy[str]
    sources: st.SearchStrategy[tuple[str, ...]]  # up to two, repeats allowed
    evidence: st.SearchStrategy[tuple[Evidence, ...]]  # up to two

    @classmethod
    def of(cls, source_ids: tuple[str, ...]) -> _Citing | None:
        if not source_ids:
            return None
        source = st.sampled_from(source_ids)
        return cls(source, st.lists(source, max_size=2).map(tuple),
                   st.lists(st.builds(Evidence, source=source, quote=texts, note=opt_texts), max_size=2).map(tuple))


#: A provision's small choices drawn at once: (keyed, category inferred, wording known, confidence,
#: coverage).  One draw instead of five: versions() draws a few dozen provisions' worth of them,
#: and hypothesis spends more per draw than per choice.  The first tuple is the simplest (shrinks
#: to it).
_FLAGS = tuple(itertools.product((False, True), (False, True), (True, False), CONFIDENCE_LEVELS, COVERAGE_LEVELS))
_flags = st.sampled_from(_FLAGS)


def _provision(draw: st.DrawFn, citing: _Citing | None, depth: int, key_prefix: str, number: str | None) -> Provision:
    n_subs = draw(st.integers(0, 2 if depth < 3 else 0))
    sub_numbers = draw(st.lists(numbers, min_size=n_subs, max_size=n_subs, unique=True))
    subs = tuple(_provision(draw, citing, depth + 1, f"{key_prefix}.{i}", num if draw(st.booleans()) else None)
                 for i, num in enumerate(sub_numbers))
    keyed, category_inferred, wording_known, confidence, coverage = draw(_flags)
    return Provision(
        text=draw(texts),
        number=number,
        key=key_prefix if keyed else None,
        title=draw(opt_texts),
        category=draw(opt_texts),
        category_inferred=category_inferred,
        confidence=confidence,
        wording_known=wording_known,
        coverage=coverage,
        origins=tuple(draw(st.lists(ids, max_size=2, unique=True))),
        parameters=_parameters(draw),
        sources=draw(citing.sources) if citing else (),
        evidence=draw(citing.evidence) if citing else (),
        subpoints=subs,
        note=draw(opt_texts),
    )


@st.composite
def provisions(draw: st.DrawFn, source_ids: tuple[str, ...] = (), key_prefix: str = "k") -> Provision:
    """A provision with up to three levels of sub-points (numbered or not), citing ``source_ids``."""
    return _provision(draw, _Citing.of(tuple(source_ids)), 0, key_prefix, None)


@st.composite
def versions(draw: st.DrawFn, provisions_only: bool = False) -> Version:
    """A valid version of any shape.  ``provisions_only``: its provisions (and removals) as varied
    as ever, with no sources, variants or other metadata, a third cheaper to draw — for laws that
    read none of them (the comparison reads variants only to attach disputes)."""
    if provisions_only:
        return _bare_version(draw)
    source_ids = tuple(draw(st.lists(ids, max_size=3, unique=True)))
    citing = _Citing.of(source_ids)
    sources = tuple(Source(id=i, outlet=draw(texts), date=draw(dates), url=draw(opt_texts), seed=None,
                           note=draw(opt_texts)) for i in source_ids)
    provs, removed_keys = _provisions_and_removed_keys(draw, citing)
    cite = st.lists(citing.source, max_size=1).map(tuple) if citing else st.just(())
    removed = tuple(Removal(key=k, confidence=draw(st.sampled_from(CONFIDENCE_LEVELS)), sources=draw(cite),
                            note=draw(opt_texts)) for k in removed_keys)
    variants = ()
    if citing:
        one_evidence = st.lists(st.builds(Evidence, source=citing.source, quote=texts, note=opt_texts),
                                max_size=1).map(tuple)
        variants = tuple(
            Variant(id=f"v{i}", topic=draw(texts), key=draw(_opt_ids), parameter=draw(_opt_param_names),
                    verdict=draw(opt_texts),
                    claims=tuple(Claim(value=draw(values), sources=(draw(citing.source),),
                                       unit=draw(_opt_personnel), note=draw(opt_texts),
                                       evidence=draw(one_evidence))
                                 for _ in range(draw(st.integers(2, 3)))))
            for i in range(draw(st.integers(0, 2)))
        )
    vid = draw(ids)
    return Version(
        id=vid,
        title=draw(texts),
        provisions=provs,
        date=draw(dates),
        date_note=draw(opt_texts),
        proposer=draw(opt_texts),
        drafters=tuple(draw(st.lists(texts, max_size=2))),
        status=draw(st.sampled_from(STATUSES)),
        coverage=draw(st.sampled_from(COVERAGE_LEVELS)),
        declared_count=draw(st.none() | st.integers(0, 500)),
        parents=tuple(draw(st.lists(ids.filter(lambda x: x != vid), max_size=2, unique=True))),
        sources=sources,
        removed=removed,
        variants=variants,
        summary=draw(opt_texts),
        note=draw(opt_texts),
    )


def _provisions_and_removed_keys(draw: st.DrawFn, citing: _Citing | None) -> tuple[tuple[Provision, ...], list[str]]:
    """Up to three top-level provisions (sub-points below) and up to two keys recorded as removed,
    none of them a key a provision holds."""
    count = draw(st.integers(0, 3))
    numbers_ = draw(st.lists(numbers, min_size=count, max_size=count, unique=True))
    provs = tuple(_provision(draw, citing, 0, f"p{i}", num if draw(st.booleans()) else None)
                  for i, num in enumerate(numbers_))
    present = {q.key for p in provs for q in p.walk() if q.key}
    return provs, draw(st.lists(ids.filter(lambda k: k not in present), max_size=2, unique=True))


def _bare_version(draw: st.DrawFn) -> Version:
    provs, removed_keys = _provisions_and_removed_keys(draw, None)
    return Version(
        id=draw(ids),
        title="Draft",
        provisions=provs,
        coverage=draw(st.sampled_from(COVERAGE_LEVELS)),
        removed=tuple(Removal(key=k, confidence=draw(st.sampled_from(CONFIDENCE_LEVELS))) for k in removed_keys),
    )
