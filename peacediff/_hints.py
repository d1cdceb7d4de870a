"""What a possible match has in common with the provision it is offered for, in readers' words.

The aligner hands over topic marks - stems and drafting concepts (``~forces``) - that both
provisions of a hint hold; a view wants the words as the text writes them ("Zaporizhzhia",
not "zaporizhzhia") and a concept by name ("armed forces", which one plan calls "army" and
the other "troops").
"""

from __future__ import annotations

#: Each drafting concept (:func:`peacediff._lexical.drafting_concepts`) as a reader names it.
CONCEPT_LABELS: dict[str, str] = {
    "~amnesty": "amnesty",
    "~annual": "yearly timing",
    "~cancel": "cancellation",
    "~ceasefire": "ceasefire",
    "~consensus": "consensus",
    "~disclose": "disclosure",
    "~election": "elections",
    "~end": "ending",
    "~exchange": "exchange",
    "~forces": "armed forces",
    "~freeze": "freezing",
    "~gradual": "phasing",
    "~guarantee": "guarantees",
    "~inforce": "entry into force",
    "~join": "membership",
    "~lift": "lifting",
    "~monthly": "monthly timing",
    "~own": "ownership",
    "~pay": "payment",
    "~prisoner": "prisoners",
    "~quarterly": "quarterly timing",
    "~raise": "increase",
    "~reduce": "reduction",
    "~sanction": "sanctions",
    "~secret": "confidentiality",
    "~sign": "signature",
    "~withdraw": "withdrawal",
}


#: A byte table: ASCII letters and digits kept as they are, every other byte a space (the
#: case-keeping twin of :func:`peacediff._lexical.words`' table).
_ASCII_WRITTEN = bytes(c if c < 128 and chr(c).isalnum() else 0x20 for c in range(256))


def _written_words(text: str) -> list[str]:
    """The words of ``text`` as :func:`peacediff._lexical.words` finds them, in their own case."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WRITTEN).decode("ascii").split()
    from peacediff._lexical import _WORD_RE

    return _WORD_RE.findall(text)


def readable_marks(text: str, marks: tuple[str, ...]) -> tuple[str, ...]:
    """``marks`` (stems, then ``~concepts``) as words of ``text`` and concept labels, in that order.

    A stem reads as the first word of ``text`` that has it, as written; a concept as its
    label, unless a word already shown says the same.  Marks ``text`` does not hold are
    left out (a mark is always one of the text's own, so none is in practice).

    >>> readable_marks("Zaporizhzhia NPP restarts; troops leave.", ("zaporizhzhia", "~forces"))
    ('Zaporizhzhia', 'armed forces')
    """
    # Imported here: the lexical tables cost 2 ms, which `import peacediff` need not pay (a
    # comparison by keys alone never reads them).
    from peacediff._lexical import _WORD_RE, _kept, _kept_into, words

    wanted = [m for m in marks if not m.startswith("~")]
    written: dict[str, str] = {}
    if wanted:
        lowered = text.lower()
        if len(lowered) == len(text):
            # The aligner's words are those of the lower-cased text (words()); at the same
            # length, the text writes the k-th of them as its own k-th word.
            stems = _kept_into(list, words(text))
            as_written: list[str] = []
            for t in wanted:
                if t in stems:
                    as_written = as_written or _written_words(text)
                    written[t] = as_written[stems.index(t)]
        else:
            for match in _WORD_RE.finditer(text):
                word = match.group()
                # Lower-casing changed the length: it may split a word ("İ" lower-cases to "i"
                # and a combining dot), so each piece of each written word is looked up.
                for piece in words(word):
                    found = _kept(piece)
                    if found in wanted and found not in written:
                        written[found] = word
    return with_labels([written[m] for m in marks if m in written], marks)


def with_labels(words: list[str], marks: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` (the stems of ``marks`` as written), then the label of each concept of ``marks``
    that no word shown already says."""
    out = list(words)
    shown = {w.casefold() for w in out}
    for m in marks:
        label = CONCEPT_LABELS.get(m)
        if label is not None and label.casefold() not in shown:
            out.append(label)
            shown.add(label.casefold())
    return tuple(out)
