"""Results as formats: the format registry and the one notebook mixin every displayable result uses.

The data classes (:class:`~peacediff.model.Version`, :class:`~peacediff.compare.Comparison`,
:class:`~peacediff.timeline.History`, the listings) know no formats.  They inherit
:class:`Displayable`, whose ``to_html`` / ``to_markdown`` / ``to_text`` / ``to_json`` and
``_repr_mimebundle_`` look the renderer up in :data:`FORMATTERS`.  The façade
(:mod:`peacediff.formats`) fills the registry when ``peacediff`` is imported, so this module
imports nothing of peacediff's, and no module below the façade imports the renderer, not even
lazily.  Adding a format is one :func:`register` call there (and a :class:`Format` entry for the
command line).

Example::

    >>> import peacediff
    >>> c = peacediff.compare(peacediff.load("us-russia-28"), peacediff.load("us-ua-20"))
    >>> sorted(c._repr_mimebundle_(include={"text/plain"}))
    ['text/plain']
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any, ClassVar, NamedTuple, TypeVar

__all__ = ["BINARY_FORMATTERS", "FORMATS", "FORMATTERS", "Displayable", "Format", "format_for_suffix", "formats_of",
           "register", "register_binary", "render", "render_bytes"]


class Format(NamedTuple):
    """An output format as the command line knows it."""

    name: str  #: what ``--format`` takes: "html", "md", "text", "json"
    suffixes: tuple[str, ...]  #: file suffixes that ask for it (``-o redline.html``)
    description: str
    binary: bool = False  #: written as bytes (a .docx), through :func:`render_bytes`


#: Output formats by name, in the order the command line lists them.
FORMATS: dict[str, Format] = {}

#: ``(class name, format name) → renderer(obj, **options) -> str``; filled by :mod:`peacediff.formats`.
FORMATTERS: dict[tuple[str, str], Callable[..., str]] = {}


#: The same for formats written as bytes (``Format.binary``): ``renderer(obj, **options) -> bytes``.
BINARY_FORMATTERS: dict[tuple[str, str], Callable[..., bytes]] = {}


def register(class_name: str, fmt: str, renderer: Callable[..., str]) -> None:
    """Make ``renderer`` the way objects of class ``class_name`` (or a subclass) are written as ``fmt``."""
    FORMATTERS[(class_name, fmt)] = renderer


def register_binary(class_name: str, fmt: str, renderer: Callable[..., bytes]) -> None:
    """:func:`register` for a format written as bytes (a Word document)."""
    BINARY_FORMATTERS[(class_name, fmt)] = renderer


_R = TypeVar("_R")


def _lookup(registry: dict[tuple[str, str], Callable[..., _R]], obj: object, fmt: str) -> Callable[..., _R] | None:
    """The renderer ``registry`` holds for ``obj``'s class (or its nearest base) and ``fmt``."""
    for cls in type(obj).__mro__:
        found = registry.get((cls.__name__, fmt))
        if found is not None:
            return found
    return None


def _renderer(obj: object, fmt: str) -> Callable[..., str] | None:
    return _lookup(FORMATTERS, obj, fmt)


def formats_of(obj: object, *, binary: bool | None = None) -> list[str]:
    """The formats ``obj`` can be written as, sorted: text ones, binary ones, or (None) both."""
    registries = {None: (*FORMATTERS, *BINARY_FORMATTERS), False: tuple(FORMATTERS),
                  True: tuple(BINARY_FORMATTERS)}[binary]
    names = {cls.__name__ for cls in type(obj).__mro__}
    return sorted({f for (name, f) in registries if name in names})


def render(obj: object, fmt: str, **options: Any) -> str:
    """``obj`` written as ``fmt`` ("html", "html-fragment", "md", "text", "json").

    Raises ``ValueError`` naming the formats ``obj`` has when ``fmt`` is not one of them.
    """
    renderer = _renderer(obj, fmt)
    if renderer is None:
        have = formats_of(obj, binary=False)
        raise ValueError(f"a {type(obj).__name__} cannot be written as {fmt!r}; it can be: {', '.join(have)}")
    return renderer(obj, **options)


def render_bytes(obj: object, fmt: str, **options: Any) -> bytes:
    """``obj`` written as the binary format ``fmt`` ("docx").

    Raises ``ValueError`` naming the binary formats ``obj`` has when ``fmt`` is not one of them.
    """
    found = _lookup(BINARY_FORMATTERS, obj, fmt)
    if found is not None:
        return found(obj, **options)
    have = formats_of(obj, binary=True)
    raise ValueError(f"a {type(obj).__name__} cannot be written as {fmt!r}"
                     + (f"; its binary formats are: {', '.join(have)}" if have else ""))


def format_for_suffix(suffix: str) -> str | None:
    """The format a file suffix asks for (".html" → "html"), or None for a suffix no format claims."""
    suffix = suffix.lower()
    return next((f.name for f in FORMATS.values() if suffix in f.suffixes), None)


class Displayable:
    """Mixin: the ``to_*`` methods and the notebook display of a result, from the format registry.

    A notebook asks ``_repr_mimebundle_`` for what it can show; only the media types it asks for
    (``include``), less those it refuses (``exclude``), are rendered.
    """

    __slots__ = ()

    #: Media type → format, in the order a front end prefers them.
    MIME_FORMATS: ClassVar[tuple[tuple[str, str], ...]] = (("text/html", "html-fragment"), ("text/plain", "text"))

    def to_html(self, **options: Any) -> str:
        """The HTML view (a self-contained page for a comparison); options go to the renderer."""
        return render(self, "html", **options)

    def to_markdown(self, **options: Any) -> str:
        """The GitHub-flavoured Markdown view."""
        return render(self, "md", **options)

    def to_text(self, **options: Any) -> str:
        """The plain-text view (``color=True`` adds terminal colours where the view has them)."""
        return render(self, "text", **options)

    def to_json(self, **options: Any) -> str:
        """``to_dict()`` as JSON text: readable UTF-8, with invisible and control characters escaped."""
        return render(self, "json", **options)

    def _repr_mimebundle_(self, include: Container[str] | None = None,
                          exclude: Container[str] | None = None) -> dict[str, str]:
        bundle: dict[str, str] = {}
        for mime, fmt in self.MIME_FORMATS:
            if (include is not None and mime not in include) or (exclude is not None and mime in exclude):
                continue
            renderer = _renderer(self, fmt)
            if renderer is not None:
                bundle[mime] = renderer(self)
        return bundle
