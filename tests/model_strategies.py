"""Hypothesis strategies for arbitrary, valid model objects (foundation round-trip tests).

Text deliberately includes quotes, backslashes, newlines, HTML metacharacters,
bidi controls and non-Latin scripts: whatever a document may contain.
"""

from __future__ import annotations

import string

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
texts = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40),
    st.lists(st.sampled_from(_TRICKY) | st.text(string.ascii_letters + " ,.", min_size=1, max_size=8),
             min_size=1, max_size=8).map("".join),
).filter(lambda s: s.strip() != "")
opt_texts = st.none() | texts
_ALNUM = string.ascii_lowercase + string.digits


def _ident(first: str, middle: str, last: str, max_middle: int) -> st.SearchStrategy[str]:
    # Built piecewise rather than with from_regex, which is slow to generate.
    return st.builds(lambda a, b, c: a + b + c if b else a, st.sampled_from(first),
                     st.text(middle, max_size=max_middle), st.sampled_from(last))


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


@st.composite
def parameters(draw: st.DrawFn) -> tuple[Parameter, ...]:
    names = draw(st.lists(param_names, max_size=3, unique=True))
    return tuple(Parameter(name=n, value=draw(values), unit=draw(st.none() | st.sampled_from(
        ["personnel", "USD", "days", "percent", "years"])), note=draw(st.none() | texts)) for n in names)


def evidence(source_ids: list[str]) -> st.SearchStrategy[Evidence]:
    return st.builds(Evidence, source=st.sampled_from(source_ids), quote=texts, note=opt_texts)


@st.composite
def provisions(draw: st.DrawFn, source_ids: list[str], depth: int = 0, key_prefix: str = "k") -> Provision:
    n_subs = draw(st.integers(0, 2 if depth < 3 else 0))
    sub_numbers = draw(st.lists(numbers, min_size=n_subs, max_size=n_subs, unique=True))
    subs = tuple(draw(provisions(source_ids, depth + 1, f"{key_prefix}.{i}")) for i in range(n_subs))
    subs = tuple(
        Provision(**{**_fields(s), "number": num if draw(st.booleans()) else None})
        for s, num in zip(subs, sub_numbers, strict=True)
    )
    has_sources = bool(source_ids)
    return Provision(
        text=draw(texts),
        number=None,
        key=key_prefix if draw(st.booleans()) else None,
        title=draw(opt_texts),
        category=draw(opt_texts),
        category_inferred=draw(st.booleans()),
        confidence=draw(st.sampled_from(CONFIDENCE_LEVELS)),
        wording_known=draw(st.booleans()),
        coverage=draw(st.sampled_from(COVERAGE_LEVELS)),
        origins=tuple(draw(st.lists(ids, max_size=2, unique=True))),
        parameters=draw(parameters()),
        sources=tuple(draw(st.lists(st.sampled_from(source_ids), max_size=2))) if has_sources else (),
        evidence=tuple(draw(st.lists(evidence(source_ids), max_size=2))) if has_sources else (),
        subpoints=subs,
        note=draw(opt_texts),
    )


def _fields(p: Provision) -> dict:
    import attrs

    return attrs.asdict(p, recurse=False)


@st.composite
def versions(draw: st.DrawFn) -> Version:
    source_ids = draw(st.lists(ids, max_size=3, unique=True))
    sources = tuple(Source(id=i, outlet=draw(texts), date=draw(dates), url=draw(opt_texts), seed=None,
                           note=draw(opt_texts)) for i in source_ids)
    count = draw(st.integers(0, 3))
    numbers_ = draw(st.lists(numbers, min_size=count, max_size=count, unique=True))
    provs = []
    for i in range(count):
        p = draw(provisions(source_ids, key_prefix=f"p{i}"))
        provs.append(Provision(**{**_fields(p), "number": numbers_[i] if draw(st.booleans()) else None}))
    present = {q.key for p in provs for q in p.walk() if q.key}
    removed_keys = draw(st.lists(ids.filter(lambda k: k not in present), max_size=2, unique=True))
    cite = st.lists(st.sampled_from(source_ids), max_size=1).map(tuple) if source_ids else st.just(())
    removed = tuple(Removal(key=k, confidence=draw(st.sampled_from(CONFIDENCE_LEVELS)), sources=draw(cite),
                            note=draw(opt_texts)) for k in removed_keys)
    variants = ()
    if source_ids:
        variants = tuple(
            Variant(id=f"v{i}", topic=draw(texts), key=draw(st.none() | ids), parameter=draw(st.none() | param_names),
                    verdict=draw(opt_texts),
                    claims=tuple(Claim(value=draw(values), sources=(draw(st.sampled_from(source_ids)),),
                                       unit=draw(st.none() | st.just("personnel")), note=draw(opt_texts),
                                       evidence=tuple(draw(st.lists(evidence(source_ids), max_size=1))))
                                 for _ in range(draw(st.integers(2, 3)))))
            for i in range(draw(st.integers(0, 2)))
        )
    vid = draw(ids)
    return Version(
        id=vid,
        title=draw(texts),
        provisions=tuple(provs),
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
