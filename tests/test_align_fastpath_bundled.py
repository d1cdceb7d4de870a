"""The fast paths the rival-plan (bundled) comparisons take give exactly what the plain code gave.

Each ``_reference_*`` is the routine as it was before it was rewritten for speed; the properties
compare the fast path with it on random texts and bags of words drawn from a small pool, so that
phrases, figures and shared words occur often.
"""

from __future__ import annotations

import re

from hypothesis import given
from model_strategies import piece_lists

from peacediff._lexical import (
    _PHRASE_CONCEPTS,
    _PHRASE_KEYS,
    _phrase_concept,
    _read_phrases,
    concepts,
    drafting_concepts,
    normalise,
    paraphrase_bag,
    stem_counts,
)

#: The phrase patterns as the one alternation every text was scanned with before.
_ALL_PHRASES = re.compile("|".join(f"(?P<p{k}>{pattern.pattern})" for k, (pattern, _c) in enumerate(_PHRASE_CONCEPTS)))

_PHRASE_POOL = ["enters into force", "come into effect", "takes effect", "is in force", "becomes effective",
                "restrictive measures", "armed forces", "in stages", "step by step", "in phases",
                "cessation of hostilities", "hostilities shall cease", "end all hostilities", "stop the fighting",
                "cease fire", "ceasefire", "pull back", "written off", "all of its members agree",
                "right, title and interest", "remains theirs", "they still own", "once a month",
                "every three months", "each quarter", "every year", "made public", "forces", "force", "into",
                "the", "effect", "members", "agreement", "months", "year", "sanctions", "lifted", "troops",
                "12", "600,000", "within", "days", "own", "public", "fire", "step", "."]
_TEXTS = piece_lists(_PHRASE_POOL, 0, 14)


def _reference_read(padded: str) -> str | None:
    """The phrase reading as it was: any key, then the scan of every pattern at once."""
    if not any(key in padded for key in _PHRASE_KEYS):
        return None
    return _ALL_PHRASES.sub(_phrase_concept, padded)


@given(_TEXTS)
def test_phrases_read_by_the_patterns_whose_keys_the_text_holds_are_those_of_the_full_scan(
        parts: list[str]) -> None:
    padded = " " + normalise(" ".join(parts)) + " "
    assert _read_phrases(padded) == _reference_read(padded)


@given(_TEXTS)
def test_concepts_bags_and_drafting_concepts_are_those_of_the_full_scan(parts: list[str]) -> None:
    text = " ".join(parts)
    norm = normalise(text)
    padded = " " + norm + " "
    full = _ALL_PHRASES.sub(_phrase_concept, padded)
    # concepts() reads every phrase the full scan reads, whatever the text holds.
    assert {t for t in concepts(text) if t.startswith("~")} >= {t for t in full.split() if t.startswith("~")}
    stems = stem_counts(norm.split()).keys()
    assert paraphrase_bag(norm, stems) == paraphrase_bag(norm)
    assert drafting_concepts(text, norm, stems) == drafting_concepts(text)
