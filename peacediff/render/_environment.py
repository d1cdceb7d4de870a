"""The Jinja2 environment: templates, filters, the page assets (CSS, script, CSP hashes) and the template cache.

HTML templates autoescape every value and no document text is ever marked safe; every
rendered document then has its control characters shown in one pass (:func:`render_template`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from peacediff._chars import NOT_TEXT_RE
from peacediff._labels import humanize
from peacediff._resources import resource_path
from peacediff.compare import CHANGE_KINDS
from peacediff.render._markdown import md_cell, md_escape, md_redline, md_url
from peacediff.render._plainhtml import nav_rows_html, plain_change_html
from peacediff.render._redline import KIND_LABELS, provision_title
from peacediff.render._safetext import Styled, safe_url, visible_controls
from peacediff.render._sources import SourceRef
from peacediff.render._terminal import styled, text_redline, text_wrap


def _finalize_terminal(value: Any) -> Any:
    # Terminal output cannot be post-processed as a whole (its ANSI codes are control characters),
    # so every {{ expression }} of document text has its controls shown here; text the filters
    # already styled passes untouched.
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Styled):
        return visible_controls(value)
    return value


def _finalize(value: Any) -> Any:
    return "" if value is None else value


def _pct(value: float | None) -> str:
    return "" if value is None else f"{round(value * 100)}%"


_USE_TEMPLATE_CACHE = False


def use_template_cache(enabled: bool = True) -> None:
    """Keep compiled templates between runs (the CLI turns this on; a library call never writes a cache).

    See :mod:`peacediff._template_cache` for why the cache can be trusted.
    """
    global _USE_TEMPLATE_CACHE
    if enabled != _USE_TEMPLATE_CACHE:
        _USE_TEMPLATE_CACHE = enabled
        _environment.cache_clear()


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """The CLI's signed, private template cache, or None (library use, PEACEDIFF_NO_CACHE=1)."""
    if not _USE_TEMPLATE_CACHE:
        return None
    from peacediff._template_cache import template_cache

    return template_cache()


@functools.cache
def _environment(terminal: bool = False) -> jinja2.Environment:
    """The Jinja2 environment: autoescape on for ``*.html.j2``, strict undefined, shared filters.

    HTML and Markdown output has its control characters shown in one pass over the finished
    document (:func:`render_template`); the ``terminal`` environment does it per value instead.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(resource_path("templates"))),
        autoescape=lambda name: name is not None and name.endswith(".html.j2"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize_terminal if terminal else _finalize,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters.update(
        md=md_escape,
        md_cell=md_cell,
        md_url=md_url,
        md_redline=md_redline,
        text_redline=text_redline,
        text_wrap=text_wrap,
        style=styled,
        humanize=humanize,
        pct=_pct,
        provision_title=provision_title,
        safe_url=safe_url,
        sources_html=_sources_html,
        plain_change_html=plain_change_html,
        nav_rows_html=nav_rows_html,
    )
    env.globals.update(KIND_LABELS=KIND_LABELS, CHANGE_KINDS=CHANGE_KINDS)
    return env


# Rendered source lists by the identity of their SourceRef objects (the views share one object per
# cited source, and a dict key keeps them alive, so identities are not reused while cached).
_SOURCE_LISTS: dict[tuple[SourceRef, ...], Markup] = {}


def _sources_html(sources: Sequence[SourceRef]) -> Markup:
    """The ``sources_inline`` macro's output, memoised: a redline cites the same sources dozens of times."""
    key = tuple(sources)
    html = _SOURCE_LISTS.get(key)
    if html is None:
        if len(_SOURCE_LISTS) >= 4096:
            _SOURCE_LISTS.clear()
        macro = _environment().get_template("_macros.html.j2").module.sources_inline  # type: ignore[attr-defined]
        html = _SOURCE_LISTS[key] = macro(key)
    return html


@functools.cache
def page_assets() -> tuple[Markup, Markup, str]:
    """The inline stylesheet and script (no document data in them) and the page's CSP header value."""
    env = _environment()
    css = env.get_template("_style.css.j2").render().strip()
    script = env.get_template("_script.js.j2").render().strip()

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    # No network at all; only our own style and script (by hash) may run, so even text that
    # slipped past escaping could neither load anything nor execute.
    csp = (f"default-src 'none'; style-src {digest(css)}; script-src {digest(script)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    if NOT_TEXT_RE.search(css + script):  # render_template's final pass must leave them (and their hashes) alone
        raise AssertionError("the stylesheet or script contains a control character")
    return Markup(css), Markup(script), csp


def render_template(template: str, **context: Any) -> str:
    """Render an HTML or Markdown template, then show every control character in the result.

    One pass over the finished document is both faster and safer than one per value: the
    tokens it writes (``⟨U+202E⟩``) need no escaping, and no value can slip past it.
    """
    return visible_controls(_environment().get_template(template).render(**context))


def render_terminal_template(template: str, **context: Any) -> str:
    return _environment(terminal=True).get_template(template).render(**context)


_INLINE_RE = re.compile(r"<(style|script)>(.*?)</\1>", re.DOTALL)


def csp_for(page: str) -> str:
    """A CSP allowing exactly the inline styles and scripts of ``page`` (by hash), nothing from the network."""
    hashes: dict[str, dict[str, None]] = {"style": {}, "script": {}}
    for kind, body in _INLINE_RE.findall(page):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        hashes[kind][f"'sha256-{digest}'"] = None
    styles = " ".join(hashes["style"]) or "'none'"
    scripts = " ".join(hashes["script"]) or "'none'"
    return (f"default-src 'none'; style-src {styles}; script-src {scripts}; img-src data:; "
            "base-uri 'none'; form-action 'none'")
