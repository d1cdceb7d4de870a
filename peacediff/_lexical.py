"""Lexical features of provisions: the anchor normaliser, a light stemmer and IDF word vectors.

What the text aligner (:mod:`peacediff.align`) reads of a provision: :func:`normalise` for
exact anchors, :func:`stem_counts` for bags of stems, :class:`Vectors` for pair-local
IDF-weighted cosines, shared content words and coverage.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
import sys
from collections import Counter, _count_elements, defaultdict  # type: ignore[attr-defined]  # CPython's counting loop
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import NamedTuple, TypeVar

from peacediff._align_config import DEFAULT, AlignConfig
from peacediff._numberwords import NUMBER_WORDS

__all__ = [
    "CONCEPT_STEMS", "FUNCTION_WORDS", "WEAK_WORDS", "Vectors", "american", "concept_wordings", "concepts",
    "drafting_concepts", "merged", "normalise", "paraphrase_bag", "proper_names", "read_phrases", "sample_step",
    "stem", "stem_counts", "stem_set", "words",
]

#: What :func:`_kept_into` collects the stems into (a list, a set or a Counter).
_Bag = TypeVar("_Bag")

_WORD_RE = re.compile(r"[^\W_]+")


#: A byte table: ASCII letters lower-cased, digits kept, every other byte a space.  On
#: ASCII text (nearly every draft) it finds exactly the words ``_WORD_RE`` finds (there
#: ``\w`` is ``[A-Za-z0-9_]``), in one pass in C: three times as fast as the expression.
_ASCII_WORDS = bytes(
    (c | 0x20 if chr(c).isalpha() else c) if c < 128 and chr(c).isalnum() else 0x20 for c in range(256)
)


def words(text: str) -> list[str]:
    """The lower-case words of ``text``: runs of letters and digits, in order.

    >>> words("Ukraine's  forces: 600,000_x.")
    ['ukraine', 's', 'forces', '600', '000', 'x']
    """
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    return _WORD_RE.findall(text.lower())


def normalise(text: str) -> str:
    """The anchor form of a text: lower-case words joined by single spaces (punctuation dropped).

    >>> normalise("Ukraine's  forces: 600,000.")
    'ukraine s forces 600 000'
    """
    return " ".join(words(text))


#: A capitalised word after one of these (or at the start) opens a sentence or an item: no name.
_NAME_OPENERS = frozenset('.!?:;("\'\u201c\u2018[')
_CAPITALISED = re.compile(r"[^\W\d_][\w'\u2019-]*")


def proper_names(text: str) -> frozenset[str]:
    """The stems of the capitalised words of ``text`` that open no sentence, function words aside:
    the names a clause carries ("Kelmar", "Joint Monitoring Commission", "NATO"); a name that opens
    a sentence is missed, which only makes two texts look less apart.

    >>> sorted(proper_names("The Board meets in Kelmar with NATO. Members may attend."))
    ['board', 'kelmar', 'nato']
    """
    out = set()
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        k = match.start() - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        if k < 0 or text[k] in _NAME_OPENERS:
            continue
        stemmed = stem(word.lower())
        if stemmed not in FUNCTION_WORDS:
            out.add(stemmed)
    return frozenset(out)


#: Number words read as figures ("Sixteen-year-olds" / "lowered to 16"): drafts spell small
#: numbers either way.  Only the similarity vectors see this; anchors and diffs keep the text.
#: "one" stays a word: it is a pronoun as often as a number ("no one", "one of the parties").
_NUMBER_STEMS = {word: str(value) for word, value in NUMBER_WORDS.items() if value > 1}


def stem(word: str) -> str:
    """A light English stemmer: plural and common verb endings only (drafts change inflection freely).

    A final "e" goes too, so that "vote", "voted" and "voting" meet at "vot", and a
    consonant doubled before "-ed" / "-ing" is undoubled ("committed" -> "commit"),
    except the l, s and z that English keeps double ("fall", "pass").  British spellings
    are read as American ones first (:func:`american`): "authorised" and "authorized" meet.
    """
    # Not cached here: every hot path reaches it through _kept, whose cache holds the stem.
    return _NUMBER_STEMS.get(word) or _strip_ending(american(word))


#: British spellings and their American forms, word by word where no ending tells them apart
#: ("defence", "programme", "cancelled"): drafts of one text pass between British, European
#: and American negotiating teams, and a respelled word is the same word.
_AMERICAN_WORDS = {
    **{b: a for b, a in (
        ("defence", "defense"), ("defences", "defenses"), ("offence", "offense"), ("offences", "offenses"),
        ("licence", "license"), ("licences", "licenses"), ("pretence", "pretense"),
        ("programme", "program"), ("programmes", "programs"), ("judgement", "judgment"),
        ("judgements", "judgments"), ("acknowledgement", "acknowledgment"), ("ageing", "aging"),
        ("practise", "practice"), ("practised", "practiced"), ("practises", "practices"),
        ("practising", "practicing"), ("grey", "gray"), ("mould", "mold"), ("plough", "plow"),
        ("sceptical", "skeptical"), ("aluminium", "aluminum"), ("whilst", "while"), ("amongst", "among"),
        ("catalogue", "catalog"), ("catalogues", "catalogs"), ("dialogue", "dialog"), ("dialogues", "dialogs"),
        ("analogue", "analog"), ("enrol", "enroll"), ("enrols", "enrolls"), ("enrolment", "enrollment"),
        ("enrolments", "enrollments"), ("fulfil", "fulfill"), ("fulfils", "fulfills"),
        ("fulfilment", "fulfillment"), ("instalment", "installment"), ("instalments", "installments"),
        ("skilful", "skillful"), ("wilful", "willful"), ("jewellery", "jewelry"),
        ("manoeuvre", "maneuver"), ("manoeuvres", "maneuvers"), ("manoeuvred", "maneuvered"),
        ("paediatric", "pediatric"), ("anaesthetic", "anesthetic"), ("anaesthesia", "anesthesia"),
        ("haemorrhage", "hemorrhage"), ("orthopaedic", "orthopedic"), ("gynaecology", "gynecology"),
        ("diarrhoea", "diarrhea"), ("oesophagus", "esophagus"), ("foetus", "fetus"),
    )},
    # "-re" / "-er": only these words (not "are", "more", "where").
    **{b: b[:-2] + "er" for b in (
        "centre", "metre", "litre", "theatre", "fibre", "calibre", "spectre", "lustre", "sombre", "meagre",
        "sabre", "kilometre", "centimetre", "millimetre", "millilitre")},
    **{b + "s": b[:-2] + "ers" for b in (
        "centre", "metre", "litre", "theatre", "fibre", "kilometre", "centimetre", "millimetre", "millilitre")},
    "centred": "centered",
    # A doubled "l" before an ending ("cancelled", "travelling", "counsellor"): only these verbs.
    **{b + "l" + end: b + end for b in (
        "cancel", "travel", "label", "model", "fuel", "total", "counsel", "signal", "channel", "level",
        "equal", "marshal", "dial", "quarrel", "tunnel", "rival", "shovel", "annul")
       for end in ("ed", "ing", "er", "ers", "or", "ors")},
}
#: "-our" / "-or": these words and every word they begin ("labourer", "neighbouring", "favourable").
_OUR_BASES = (
    "labour", "honour", "favour", "neighbour", "harbour", "behaviour", "colour", "humour", "rumour", "vigour",
    "endeavour", "armour", "odour", "flavour", "vapour", "tumour", "valour", "parlour", "savour", "saviour",
    "clamour", "rigour",
)
#: "-ise" / "-ize" and "-yse" / "-yze" with their endings ("authorised", "organisation", "analysing"),
#: after at least three letters ("rise", "raising", "noise" and "arising" are not respelled).
_ISE = re.compile(r"(.{3,}?)(?:is|(y)s)(e|es|ed|ing|ings|er|ers|ation|ations|ational|able)")


def american(word: str) -> str:
    """The American spelling of a lower-case British one (the word itself when it has no other).

    >>> [american(w) for w in ("authorised", "organisation", "labourers", "defence", "cancelled", "raise")]
    ['authorized', 'organization', 'laborers', 'defense', 'canceled', 'raise']
    """
    out = _AMERICAN_WORDS.get(word)
    if out is not None:
        return out
    if "our" in word:
        for base in _OUR_BASES:
            if word.startswith(base):
                return base[:-2] + "r" + word[len(base):]
    if "s" in word:
        m = _ISE.fullmatch(word)
        if m is not None:
            return f"{m[1]}{'y' if m[2] else 'i'}z{m[3]}"
    return word


def _strip_ending(word: str) -> str:
    stem, suffix = word, False
    if len(word) > 4 and word.endswith("ies"):
        stem = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        stem, suffix = word[:-3], True
    elif len(word) > 4 and word.endswith("eed"):
        stem = word[:-1]  # "agreed" -> "agree", "freed" -> "free"
    elif len(word) > 4 and word.endswith("ed"):
        stem, suffix = word[:-2], True
    elif len(word) > 4 and word.endswith("es") and word[-3] in "sxz":
        stem = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        stem = word[:-1]
    if suffix and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeioulsz":
        stem = stem[:-1]
    if len(stem) > 3 and stem.endswith("e") and not stem.endswith("ee"):
        stem = stem[:-1]
    return stem


#: Words that are never evidence of a shared subject, however rare a small document makes
#: them: "as soon as possible" is one idiom, not three shared content words (two generated
#: points sharing only it were linked as a false move).  Held as stems.
FUNCTION_WORDS = frozenset(
    stem(word)
    for word in (
        "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "between", "both", "but", "by", "each", "for", "from", "has", "have", "if", "in", "into", "is", "it",
        "its", "no", "not", "of", "on", "or", "other", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "to", "under", "upon", "was", "were", "when", "where",
        "which", "who", "will", "with", "within", "without",
        # Modal verbs carry the obligation, never the subject (peacediff.modality compares them apart).
        "must", "shall", "should", "may", "might", "can", "could", "would",
    )
)


#: Words that name no subject, however rare a small document makes them, beyond the function
#: words every pass ignores: adverbs, particles, determiners and connectives ("carried out",
#: "every", "as follows", "once agreed", "non-nuclear").  Alone, they offered a rival plan's point
#: as the possible match of an unrelated one ("shares: out"); only the hints
#: (peacediff.align._hint_evidence) leave them out: the passes' evidence keeps them (dropped from
#: every pass, they cost redrafts-3 two true links and redrafts-4 five).
WEAK_WORDS = frozenset(stem(word) for word in (
    "also", "among", "every", "follow", "further", "hereby", "less", "more", "non", "off", "once", "only",
    "out", "over", "own", "per", "same", "thereof", "up", "via",
))


def stem_counts(words: list[str]) -> Counter[str]:
    """How often each stem occurs in ``words``, stems in order of first occurrence."""
    # Counting the stems in C (Counter over the cached stems, mapped in C) is several times as
    # fast as merging word counts by stem, or as a comprehension over the words; the dropped
    # words all count as "", deleted after (the other stems keep their order).
    counts = _kept_into(_counted, words)
    del counts[""]
    return counts


def _counted(stems: Iterator[str]) -> Counter[str]:
    """``Counter(stems)``: the same counting in C, without the constructor's checks in Python
    (one bag per provision of a long document)."""
    counts: Counter[str] = Counter()
    _count_elements(counts, stems)
    return counts


def merged(one: Counter[str], other: Counter[str]) -> Counter[str]:
    """``one + other`` for bags of positive counts (every bag of stems is one): the same stems in
    the same order with the same counts, without ``Counter.__add__``'s two loops in Python (the
    copy is in C, and only ``other`` is added one by one)."""
    out = Counter(one)
    out.update(other)
    return out


def stem_set(text: str) -> set[str]:
    """The stems of the kept words of ``text``."""
    # Every word looked up (a look-up in C costs what a set insertion does), not a set of the
    # words first: the same stems.
    out = _kept_into(set, words(text))
    out.discard("")
    return out


#: word -> its stem, or "" for a word no bag of stems keeps: single letters, digits aside,
#: are mostly the "s" of a possessive or a list label.
_KEPT: dict[str, str] = {}


def _kept_stems(words: Collection[str]) -> list[str]:
    """The stem of each word ("" for a dropped one), in order: all look-ups in C once the words are known."""
    return _kept_into(list, words)


def _kept_into(collect: Callable[[Iterator[str]], _Bag], words: Collection[str]) -> _Bag:
    """``collect`` (list, set, Counter) over the stem of each word ("" for a dropped one): every
    look-up in C while the words are in the cache, else through :func:`_kept`, which fills it."""
    try:
        return collect(map(_KEPT.__getitem__, words))
    except KeyError:  # a word not seen yet: stem the new words alone, then look all up in C again
        for word in set(words).difference(_KEPT):
            _kept(word)
    try:
        return collect(map(_KEPT.__getitem__, words))
    except KeyError:  # the cache is full
        return collect(map(_kept, words))


def _kept(word: str) -> str:
    out = _KEPT.get(word)
    if out is None:
        # Interned: the words of one stem ("voted", "voting") then share one string, and every
        # bag, vector and count keyed by it finds it by identity, without comparing the text.
        out = sys.intern(stem(word)) if len(word) > 1 or word.isdigit() else ""
        if len(_KEPT) < 200_000:
            _KEPT[word] = out
    return out


def evidence_pieces(one: Sequence[str], other: Sequence[str], shared: Collection[str], *, reach: int = 2) -> int:
    """How many pieces of evidence the ``shared`` stems of two word lists are: a run of them that
    stands together in both (each within ``reach`` words of the next, in the same order) is one
    piece, as a stock phrase or a name repeated ("as soon as possible", "joint commission") is one
    thing the two texts have in common, not two or three.  A run whose stems are all figures is no
    piece: a stock figure is not evidence (:meth:`Vectors.shared_stems` callers drop figures too).
    Only the stems of ``shared`` that both lists hold count."""
    one_stems, other_stems = _kept_stems(one), _kept_stems(other)
    wanted = frozenset(shared).intersection(one_stems).intersection(other_stems)
    if not wanted:
        return 0
    parent = {t: t for t in wanted}

    def root(t: str) -> str:
        while parent[t] != t:
            parent[t] = t = parent[parent[t]]
        return t

    def together(stems: list[str]) -> set[tuple[str, str]]:
        placed = [(i, t) for i, t in enumerate(stems) if t in wanted]
        return {(t, u) for (i, t), (k, u) in itertools.pairwise(placed) if k - i <= reach and t != u}

    for t, u in sorted(together(one_stems) & together(other_stems)):
        parent[root(t)] = root(u)
    pieces: dict[str, bool] = {}
    for t in wanted:
        r = root(t)
        pieces[r] = pieces.get(r, False) or not t[:1].isdigit()
    return sum(pieces.values())


def sample_step(count: int, most: int) -> int:
    """The step of an even sample of at most ``most`` of ``count`` items (1: all of them): what the
    document frequencies take of the linked provisions past ``AlignConfig.idf_sample``."""
    return -(-count // most) or 1


def _unit(counts: Counter[str], weights: list[float]) -> dict[str, float]:
    """Each stem of ``counts`` with its weight divided by the weights' length ({} for none)."""
    # The squares summed and the weights divided in C, in the same order as one by one.
    norm = math.sqrt(sum(map(operator.mul, weights, weights)))
    if norm == 0:
        return {}
    return dict(zip(counts, map(operator.truediv, weights, itertools.repeat(norm)), strict=True))


class _LogScale(dict[int, float]):
    """``1.0 + log(c)`` by count ``c``, each computed once (the same float): the bags of a long
    document hold tens of thousands of repeated stems."""

    def __missing__(self, count: int) -> float:
        out = self[count] = 1.0 + math.log(count)
        return out


class Vectors:
    """Pair-local IDF-weighted, length-normalised word vectors of the provisions still unlinked."""

    def __init__(
        self,
        old_counts: list[Counter[str]],
        new_counts: list[Counter[str]],
        linked_texts: Sequence[str] = (),
        config: AlignConfig = DEFAULT,
    ) -> None:
        """``linked_texts``: texts already linked exactly (each on both sides), sampled for document frequency."""
        # One count a side in C (the candidate search reads each side's alone), merged into the
        # count over both: the same keys in the same order as one count over bag after bag.
        self.old_df = Counter(itertools.chain.from_iterable(old_counts))
        self.new_df = Counter(itertools.chain.from_iterable(new_counts))
        df = Counter(self.old_df)
        df.update(self.new_df)
        total = len(old_counts) + len(new_counts)
        if linked_texts:
            # Pair-local IDF over both whole versions; past config.idf_sample linked provisions, an even sample.
            step = sample_step(len(linked_texts), config.idf_sample)
            sample: Counter[str] = Counter(itertools.chain.from_iterable(map(stem_set, linked_texts[::step])))
            for t, d in sample.items():
                df[t] += 2 * step * d
            total += 2 * len(linked_texts)
        # log(N / df) without smoothing: a word in every provision ("the", "shall") weighs ~0.
        self.idf = {t: math.log((total + 1) / d) for t, d in df.items()}
        self.df = df
        self.total = total  # provisions the document frequencies count (the linked ones twice)
        self.common_idf = config.common_idf
        self.tiny_doc_df = config.tiny_doc_df
        self.old_counts = old_counts
        self.new_counts = new_counts
        self._scale = _LogScale()
        self.old = [self.vector(c) for c in old_counts]
        self.new = [self.vector(c) for c in new_counts]
        self._evidence_sets: tuple[frozenset[str], frozenset[str]] | None = None

    def vector(self, counts: Counter[str]) -> dict[str, float]:
        """The unit vector of a bag of stems: log-scaled counts times IDF, in the bag's order."""
        idf, scale = self.idf, self._scale
        return _unit(counts, [idf[t] if c == 1 else scale[c] * idf[t] for t, c in counts.items()])

    def outside_vector(self, counts: Counter[str]) -> dict[str, float]:
        """:meth:`vector` of a provision these vectors do not hold (one linked already), to weigh a
        pair against the rest of the document; a stem the document frequencies never met (a linked
        text outside the sample) weighs as a stem of one provision."""
        idf, scale, rarest = self.idf, self._scale, math.log(self.total + 1)
        return _unit(counts, [idf.get(t, rarest) * (1.0 if c == 1 else scale[c]) for t, c in counts.items()])

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        # Iterate the smaller dict in insertion order: the float sum must not depend on hashing.
        # Words missing from ``b`` would add 0.0, which leaves the sum as it is: skip them.
        if len(a) > len(b):
            a, b = b, a
        return sum([w * b[t] for t, w in a.items() if t in b], 0.0)

    def shared(self, a: int, b: int, *, rare_only: bool = False) -> int:
        """Words (stems) old provision ``a`` and new provision ``b`` share that are not in most provisions.

        ``rare_only``: only words at ``common_idf``, without the allowance for tiny documents
        (where every word is in two provisions or fewer and so would count).
        """
        return self.shared_words(self.old_counts[a], self.new_counts[b], rare_only=rare_only)

    def shared_words(self, one: Counter[str], other: Counter[str], *, rare_only: bool = False) -> int:
        """:meth:`shared` for any two bags of words (a group of parts and its partner)."""
        return len(self.shared_stems(one, other, rare_only=rare_only))

    def shared_stems(self, one: Collection[str], other: Collection[str], *, rare_only: bool = False) -> frozenset[str]:
        """The stems :meth:`shared_words` counts: the words themselves, for a caller that weighs or shows them."""
        rare, wide = self._evidence()
        # One argument at a time: with several, intersection() would first copy the whole set.
        return (rare if rare_only else wide).intersection(one).intersection(other)

    def _evidence(self) -> tuple[frozenset[str], frozenset[str]]:
        """The stems :meth:`shared_words` counts: rare ones (at ``common_idf``), and those with the
        tiny-document allowance (``tiny_doc_df``) as well; function words never.  Built once, so
        that counting the shared ones is two set intersections in C."""
        held = self._evidence_sets
        if held is None:
            common, tiny = self.common_idf, self.tiny_doc_df
            rare = frozenset([t for t, w in self.idf.items() if w >= common]) - FUNCTION_WORDS
            small = frozenset([t for t, d in self.df.items() if d <= tiny]) - FUNCTION_WORDS
            held = self._evidence_sets = (rare, rare | small)
        return held

    def coverage(self, part: Counter[str], whole: Counter[str]) -> float:
        """Share of ``part``'s IDF weight carried by words that also occur in ``whole``."""
        weight = self.idf.__getitem__
        # Looked up and summed in C, in the bag's order (as one by one: the same float sums).
        total = sum(map(weight, part))
        if total == 0:
            return 0.0
        return sum(map(weight, filter(whole.__contains__, part))) / total


class _Phrase(NamedTuple):
    """A drafting paraphrase read as one concept, and what lets a text skip its scan.

    ``keys``: pieces of text one of which every match holds once the normalised text is padded
    with a space each side (its words are single-space separated).  A key is as much of the
    phrase as every match holds ("armed forces", not "force"; "written off", not "writ"), and
    spaces make it a whole word where the bare word is common inside others ("fire" in
    "ceasefire", "month" in "months"), so that a clause that merely says "forces" or "written"
    skips the scan.  ``words``: words one of which every match holds as a whole word (the
    pattern starts and ends at a word boundary, and the normalised text is words of letters and
    digits joined by single spaces); one set lookup per word of a text rules out most texts
    before any key is searched for.  tests/test_fast_paths.py checks each pattern against both.
    """

    pattern: re.Pattern[str]
    concept: str
    keys: tuple[str, ...]
    words: tuple[str, ...]


#: Drafting paraphrases read as one concept, for the in-place paraphrase pass only (the
#: similarity vectors never see them): phrases first, on the normalised text, then words by
#: stem.  Kept small and literal - each entry is a rewording seen in negotiated texts, not
#: a thesaurus: a concept shared with a clause that sits in the same place between firm
#: neighbours is evidence, a concept shared anywhere else is not.
_PHRASES = (
    _Phrase(re.compile(r"\b(?:enter|enters|entered|entering|come|comes|came|coming) into (?:force|effect)\b"),
            " ~inforce ", keys=("into force", "into effect"), words=("into",)),
    _Phrase(re.compile(r"\b(?:take|takes|took|taking) effect\b"),
            " ~inforce ", keys=("take effect", "takes effect", "took effect", "taking effect"), words=("effect",)),
    _Phrase(re.compile(r"\b(?:remain|remains|stay|stays|is|are) in force\b"),
            " ~inforce ", keys=(" in force",), words=("force",)),
    _Phrase(re.compile(r"\bbecomes? effective\b"),
            " ~inforce ", keys=("become effective", "becomes effective"), words=("effective",)),
    # A duration clause in any agreement: "remains in force while ..." / "stays effective while ...".
    _Phrase(re.compile(r"\b(?:remain|remains|stay|stays|continue|continues) (?:effective|in effect)\b"),
            " ~inforce ", keys=(" effective ", " in effect "), words=("effective", "effect")),
    _Phrase(re.compile(r"\bcontinues? in force\b"),
            " ~inforce ", keys=("continue in force", "continues in force"), words=("force",)),
    _Phrase(re.compile(r"\brestrictive measures\b"),
            " ~sanction ", keys=("restrictive measures",), words=("restrictive",)),
    _Phrase(re.compile(r"\barmed forces\b"),
            " ~forces ", keys=("armed forces",), words=("armed",)),
    _Phrase(re.compile(r"\b(?:in stages|step by step|in phases)\b"),
            " ~gradual ", keys=("in stages", "step by step", "in phases"), words=("stages", "step", "phases")),
    _Phrase(re.compile(r"\bcessation of hostilities\b"),
            " ~ceasefire ", keys=("cessation of hostilities",), words=("cessation",)),
    _Phrase(re.compile(r"\bhostilities (?:shall |will |must |are to )?(?:cease|ceases|end|ends|stop|stops)\b"),
            " ~ceasefire ", keys=("hostilities",), words=("hostilities",)),
    _Phrase(re.compile(r"\b(?:cease|ceases|end|ends|stop|stops|halt|halts) (?:all )?hostilities\b"),
            " ~ceasefire ", keys=("hostilities",), words=("hostilities",)),
    _Phrase(re.compile(r"\b(?:stop|stops|halt|halts|cease|ceases) (?:the )?(?:shooting|firing|fighting|fire)\b"),
            " ~ceasefire ", keys=("shooting", "firing", "fighting", " fire "),
            words=("shooting", "firing", "fighting", "fire")),
    _Phrase(re.compile(r"\bpull(?:s|ed|ing)? back\b"),
            " ~withdraw ", keys=("pull",), words=("back",)),
    _Phrase(re.compile(r"\bwrit(?:e|es|ten|ing)? off\b"),
            " ~cancel ", keys=("writ off", "write off", "writes off", "written off", "writing off"), words=("off",)),
    _Phrase(re.compile(r"\b(?:all|every|each)(?: of)?(?: its| the| their)? members? agrees?\b"),
            " ~consensus ", keys=("member agree", "members agree"), words=("agree", "agrees")),
    _Phrase(re.compile(r"\bright,? title and interest\b"),
            " ~own ", keys=("title and interest",), words=("title",)),
    _Phrase(re.compile(r"\b(?:stay|stays|remain|remains) (?:yours|ours|theirs)\b"),
            " ~own ", keys=(" yours ", " ours ", " theirs "), words=("yours", "ours", "theirs")),
    _Phrase(re.compile(r"\b(?:you|we|they) (?:still )?own\b"),
            " ~own ", keys=("you own", "we own", "they own", "still own"), words=("own",)),
    _Phrase(re.compile(r"\b(?:once a|every|each) month\b"),
            " ~monthly ", keys=(" month ",), words=("month",)),
    _Phrase(re.compile(r"\b(?:every three months|each quarter|every quarter)\b"),
            " ~quarterly ", keys=("three months", " quarter "), words=("months", "quarter")),
    _Phrase(re.compile(r"\b(?:once a|every|each) year\b"),
            " ~annual ", keys=("a year", "every year", "each year"), words=("year",)),
    _Phrase(re.compile(r"\b(?:make|makes|made|making) public\b"),
            " ~disclose ", keys=("make public", "makes public", "made public", "making public"), words=("public",)),
)
#: The patterns and their concepts, in table order.
_PHRASE_CONCEPTS = tuple((phrase.pattern, phrase.concept) for phrase in _PHRASES)
#: Words (not stems: the table is stemmed below, so that no entry can name a stem no word has)
#: and the concept each is read as.
_CONCEPT_WORDS = {
    # Not "signatories": they are the parties, not the act of signing.
    "signature": "~sign", "sign": "~sign",
    "sanction": "~sanction", "embargo": "~sanction",
    "lift": "~lift", "ease": "~lift", "remove": "~lift", "relax": "~lift", "relief": "~lift",
    "gradual": "~gradual", "gradually": "~gradual", "phase": "~gradual", "staged": "~gradual",
    "truce": "~ceasefire", "ceasefire": "~ceasefire", "armistice": "~ceasefire",
    "withdraw": "~withdraw", "withdrawal": "~withdraw", "retreat": "~withdraw",
    "terminate": "~end", "expire": "~end", "expiry": "~end", "cease": "~end", "end": "~end",
    "detainee": "~prisoner", "prisoner": "~prisoner", "captive": "~prisoner", "hostage": "~prisoner",
    "election": "~election", "poll": "~election", "ballot": "~election", "vote": "~election",
    "guarantee": "~guarantee", "assurance": "~guarantee",
    "troop": "~forces", "soldier": "~forces", "army": "~forces", "military": "~forces",
    "compensation": "~pay", "reimburse": "~pay", "pay": "~pay", "paid": "~pay", "payment": "~pay",
    "cancel": "~cancel", "annul": "~cancel", "void": "~cancel", "revoke": "~cancel",
    "membership": "~join", "member": "~join", "join": "~join", "accession": "~join", "accede": "~join",
    "frozen": "~freeze", "freeze": "~freeze", "immobilise": "~freeze", "immobilize": "~freeze",
    "increase": "~raise", "raise": "~raise", "rise": "~raise",
    "amnesty": "~amnesty", "pardon": "~amnesty",
    # Not "own" alone: "bears its own costs" is no ownership.
    "ownership": "~own", "owner": "~own",
    "consensus": "~consensus", "unanimous": "~consensus", "unanimously": "~consensus", "unanimity": "~consensus",
    "exchange": "~exchange", "swap": "~exchange",
    "reduce": "~reduce", "reduction": "~reduce", "decrease": "~reduce", "lower": "~reduce",
    # A confidentiality clause is written either way round: "keep confidential" / "may not reveal".
    "confidential": "~secret", "confidentiality": "~secret", "secret": "~secret", "secrecy": "~secret",
    "reveal": "~secret", "divulge": "~secret",
}
_WORD_CONCEPTS = {stem(word): concept for word, concept in _CONCEPT_WORDS.items()}


#: General legal and diplomatic paraphrases, as words (stemmed once, here) per concept: the same
#: act named by another word in a redraft ("termination" / "ends", "notify" / "inform",
#: "tribunal" / "arbitration", "observers" / "verification").  Each group is a rewording that
#: holds across subjects, not a thesaurus of one corpus.  Only the concept-match pass reads them
#: (:func:`paraphrase_bag`), weighted by how rare they are in the pair of versions: the in-place
#: paraphrase pass links on one concept alone, and there "fees" / "contribute ... £250,000" made a
#: false link on benchmarks/redrafts-2 (a payment of another kind).
_CONCEPT_WORD_GROUPS = {
    "~end": ("termination", "terminate", "expiry", "expiration", "ends", "ended"),
    "~oblige": ("obligation", "obliged", "required", "requirement", "duty", "duties"),
    "~notify": ("notify", "notified", "notification", "inform", "informed", "tell", "told"),
    "~own": ("ownership", "own", "owner", "owned"),
    "~pay": ("fee", "fees", "remuneration", "wage", "wages", "salary", "salaries", "paying"),
    "~dispute": ("dispute", "disputes", "disagreement", "disagreements", "disagree", "controversy"),
    "~tribunal": ("court", "courts", "tribunal", "arbitration", "arbitral", "arbitrator", "arbitrators"),
    "~monitor": ("monitor", "monitoring", "observe", "observer", "observers", "observation", "verify",
                 "verification", "inspect", "inspection", "inspectors", "supervise", "supervision"),
    "~amend": ("amend", "amendment", "modify", "modification", "change", "changes", "revise", "revision", "alter",
               "alteration"),
    "~prohibit": ("prohibit", "prohibited", "prohibition", "ban", "banned", "forbid", "forbidden"),
    "~delete": ("delete", "deleted", "deletion", "erase", "erasure", "destroy", "destroyed"),
    "~liable": ("liable", "liability", "responsible", "responsibility"),
    "~start": ("begin", "begins", "commence", "commences", "commencement", "start", "starts"),
    "~worker": ("employee", "employees", "worker", "workers", "staff"),
    "~release": ("release", "released", "freed", "liberate", "liberated", "liberation"),
    "~return": ("return", "returned", "repatriate", "repatriated", "repatriation"),
    "~rebuild": ("reconstruction", "reconstruct", "rebuild", "rebuilt", "rebuilding", "recovery"),
    "~harm": ("damage", "damages", "harm", "harms", "loss", "losses", "injury"),
    "~breach": ("breach", "breaches", "violation", "violations", "violate", "infringement"),
    "~assess": ("assess", "assessment", "evaluate", "evaluation", "evaluations", "audit", "audits", "review"),
    "~disclose": ("disclose", "disclosure", "publish", "published", "publication", "report", "reports"),
    "~consent": ("consent", "approval", "approve", "approved", "authorise", "authorize", "authorisation",
                 "authorization", "permission"),
    "~dismiss": ("dismiss", "dismissal", "dismissed", "redundancy", "redundancies", "layoff", "layoffs"),
    "~hire": ("hire", "hired", "recruit", "recruitment", "employ", "employment"),
    "~repair": ("repair", "repairs", "maintain", "maintenance", "fix"),
    "~meet": ("meet", "meeting", "meetings", "convene", "session", "sessions"),
    "~border": ("border", "borders", "frontier", "boundary", "boundaries"),
    "~penalty": ("penalty", "penalties", "fine", "fines"),  # "sanctioned" reads as ~sanction
    "~risk": ("risk", "risks", "hazard", "hazards", "danger", "dangerous"),
    "~immediate": ("immediately", "forthwith", "promptly"),
    "~annual": ("annual", "annually", "yearly"),
    "~rent": ("rent", "rents", "rental", "lease", "leases", "tenancy", "tenancies"),
    "~evict": ("evict", "eviction", "evictions", "repossession"),
    "~cost": ("cost", "costs", "expense", "expenses", "expenditure", "expenditures"),
    "~weapon": ("weapon", "weapons", "arms", "armament", "armaments", "artillery", "munitions"),
    "~move": ("movement", "movements", "travel", "travels", "moving"),
    "~establish": ("establish", "established", "establishment", "create", "created", "creation"),
    "~transfer": ("transfer", "transfers", "transferred", "hand", "handed"),
    "~monthly": ("monthly",),
    "~quarterly": ("quarterly",),
    "~record": ("record", "recorded", "records", "log", "logged", "logbook", "register", "registered"),
    # "What this agreement means" is its interpretation.  A definition ("X means Y") holds the word
    # too, but a document's definitions are many, and a concept many provisions hold links none.
    "~interpret": ("interpret", "interpretation", "meaning", "means"),
    "~allow": ("allow", "allowed", "permit", "permitted"),
    "~document": ("document", "documents", "papers"),
}
_WIDE_CONCEPTS = dict(_WORD_CONCEPTS)
for _concept, _group in _CONCEPT_WORD_GROUPS.items():
    for _word in _group:
        _WIDE_CONCEPTS.setdefault(stem(_word), _concept)

#: Each concept of the wide table and the stems read as it: a concept is about as frequent in a
#: document as its words together (what the concept-match pass weighs it by).
CONCEPT_STEMS: dict[str, tuple[str, ...]] = {}
for _stem, _concept in sorted(_WIDE_CONCEPTS.items()):
    CONCEPT_STEMS[_concept] = (*CONCEPT_STEMS.get(_concept, ()), _stem)


#: Each pattern's keys and words (:class:`_Phrase`), in table order.
_PATTERN_KEYS = tuple(phrase.keys for phrase in _PHRASES)
#: Every key of every pattern.
_PHRASE_KEYS = tuple(dict.fromkeys(key for keys in _PATTERN_KEYS for key in keys))
_PATTERN_WORDS = tuple(phrase.words for phrase in _PHRASES)
#: Each of those words and the patterns (by number, ascending) that need it.
_PATTERNS_OF_WORD: dict[str, tuple[int, ...]] = {}
for _k, _words_of_pattern in enumerate(_PATTERN_WORDS):
    for _word in _words_of_pattern:
        _PATTERNS_OF_WORD[_word] = (*_PATTERNS_OF_WORD.get(_word, ()), _k)
_PHRASE_WORDS = frozenset(_PATTERNS_OF_WORD)


@functools.lru_cache(maxsize=256)
def _phrases(present: tuple[int, ...]) -> re.Pattern[str]:
    """The patterns numbered ``present`` (ascending) as one alternation, in table order (one scan of
    the text instead of one per phrase), each a group named after its number in the table."""
    return re.compile("|".join(f"(?P<p{k}>{_PHRASE_CONCEPTS[k][0].pattern})" for k in present))


def _phrase_concept(match: re.Match[str]) -> str:
    return _PHRASE_CONCEPTS[int(match.lastgroup[1:])][1]  # type: ignore[index]


def read_phrases(padded: str) -> str | None:
    """``padded`` (a normalised text with a space each side) with each paraphrase phrase replaced by
    its concept, or None when no pattern can match in it (none has both a word and a key there).

    Only the patterns that can match are scanned for: a pattern lacking its word or its key in
    the text matches nowhere in it, so leaving it out of the alternation changes no match, and
    the scan of a clause that merely says "forces" tries none of them.
    """
    present = _present_patterns(padded)
    if not present:
        return None
    return _phrases(present).sub(_phrase_concept, padded)


def _present_patterns(padded: str) -> tuple[int, ...]:
    """The numbers (ascending) of the paraphrase patterns that can match in ``padded``: those with
    a word and a key in it (any other matches nowhere in it)."""
    hit = _PHRASE_WORDS.intersection(padded.split())
    if not hit:
        return ()
    candidates = {k for word in hit for k in _PATTERNS_OF_WORD[word]}
    return tuple([k for k in sorted(candidates) if any(key in padded for key in _PATTERN_KEYS[k])])


def concepts(text: str) -> set[str]:
    """The stems of ``text`` with drafting paraphrases read as one concept (``~inforce``, ``~sign`` …)."""
    padded = " " + normalise(text) + " "
    norm = read_phrases(padded) or padded
    out = set()
    for word in norm.split():
        if word.startswith("~"):
            out.add(word)
        elif len(word) > 1 or word.isdigit():
            s = stem(word)
            out.add(_WORD_CONCEPTS.get(s, s))
    return out - FUNCTION_WORDS


def concept_wordings(norm: str, stems: Collection[str]) -> dict[str, frozenset[frozenset[str]]]:
    """How a :func:`normalise`-d text names each concept of its paraphrase bag: the stems of each
    phrase read as it (``{"take", "effect"}``) and each concept word it uses (``{"termin"}``).

    Two texts name a shared concept in other words when these are disjoint ("comes into force" /
    "takes effect", "sanctions" / "restrictive measures"); a concept both name the same way is a
    word they share, which the plain cosine already sees.  ``stems``: the text's kept stems.
    """
    out: dict[str, set[frozenset[str]]] = defaultdict(set)
    padded = " " + norm + " "
    for k in _present_patterns(padded):
        pattern, concept = _PHRASE_CONCEPTS[k]
        for match in pattern.finditer(padded):
            out[concept.strip()].add(frozenset(stem(word) for word in match.group().split()))
    for s in stems:
        read_as = _WIDE_CONCEPTS.get(s)
        if read_as is not None:
            out[read_as].add(frozenset((s,)))
    return {concept: frozenset(held) for concept, held in out.items()}


def paraphrase_bag(norm: str, stems: Collection[str] | None = None,
                   read: Callable[[str], str | None] = read_phrases) -> frozenset[str]:
    """The content stems of a :func:`normalise`-d text with every drafting paraphrase read as one
    concept, the wide table included (``"termination of the lease"`` and ``"when the lease ends"``
    share ``~end``).

    ``stems``: the text's kept stems when the caller holds them (``stem_counts(norm.split())``),
    which spares tokenising the text again unless it holds a paraphrase phrase.  ``read``:
    :func:`read_phrases`, or a caller's memo of it (the aligner reads each provision's phrases
    once for its bag and its drafting concepts).

    >>> sorted(paraphrase_bag(normalise("The observers notify the tribunal.")))
    ['~monitor', '~notify', '~tribunal']
    """
    padded = " " + norm + " "
    held: set[str] = set()
    wide = _WIDE_CONCEPTS.get
    phrased = read(padded)
    if stems is not None and phrased is None:
        # No phrase to read: the bag is the text's stems (as stem_counts keeps them), renamed.
        return frozenset([wide(s, s) for s in stems]) - FUNCTION_WORDS
    if phrased is not None:
        tokens = phrased.split()
        held = {word for word in tokens if word.startswith("~")}
        if held:
            tokens = [word for word in tokens if not word.startswith("~")]
    else:
        tokens = padded.split()
    held.update([wide(s, s) for s in _kept_stems(tokens) if s])
    return frozenset(held - FUNCTION_WORDS)


def drafting_concepts(text: str, norm: str | None = None, stems: Collection[str] | None = None,
                      read: Callable[[str], str | None] = read_phrases) -> frozenset[str]:
    """The drafting concepts of ``text`` alone: ``{t for t in concepts(text) if t.startswith("~")}``.

    Only the paraphrase phrases and the concept words can give one, so the other words
    are looked up in C (their cached stems), never stemmed and tested one by one.
    ``norm``: ``normalise(text)`` when the caller holds it; ``stems``: its kept stems
    (``stem_counts(norm.split())``), which spare tokenising it unless it holds a phrase;
    ``read``: :func:`read_phrases` or a caller's memo of it.
    """
    padded = " " + (normalise(text) if norm is None else norm) + " "
    phrased = read(padded)
    if phrased is not None:
        padded = phrased
    elif stems is not None:  # no phrase: the concept words among the stems in hand
        return frozenset(filter(None, map(_WORD_CONCEPTS.get, stems)))
    tokens = padded.split()
    held = {word for word in tokens if word.startswith("~")}
    plain = [word for word in tokens if not word.startswith("~")] if held else tokens
    held.update(filter(None, map(_WORD_CONCEPTS.get, _kept_stems(plain))))
    return frozenset(held)

