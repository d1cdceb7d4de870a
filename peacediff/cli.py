"""The ``peacediff`` command line, one sub-command per job.

Commands: list, show, history, diff, redline (the site), validate, import,
export, matrix, compare3, lineage, batch.

Exit codes: 0 success, 1 differences found (``diff --exit-code`` only, as in
``git diff``), 2 usage or input error, 3 internal error (a bug in peacediff).
A user mistake prints a message with the fix, never a traceback; an internal
error prints one line saying so and how to report it, and the traceback only
under ``--debug``.  No failure ever exits 1, which ``--exit-code`` keeps for
"the drafts differ".  Heavy modules are imported inside commands so
``peacediff --help`` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peacediff._display import FORMATS, format_for_suffix, render
from peacediff._jsontext import dumps as _json_text

if TYPE_CHECKING:
    from peacediff.compare import Comparison
    from peacediff.model import Version

EXIT_OK, EXIT_DIFFERENT, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


_EPILOG = """\
examples:
  peacediff list
  peacediff show us-russia-28
  peacediff history army-cap
  peacediff diff us-russia-28 e3-counter-28 -o redline.html
  peacediff diff old.txt new.txt --format md --align text
  peacediff diff draft-2.docx draft-3.docx -o redline.docx   (Word, tracked changes)
  peacediff diff us-russia-28 us-ua-20 --format json --exit-code
  peacediff export us-ua-20 -o draft.md   (the version as a plain document)
  peacediff redline --out redlines
  peacediff validate versions/

REF, OLD and NEW are a bundled version id (see 'peacediff list'), a version
file (.toml, see docs/format.md) or a numbered plain-text file.

exit codes:
  0    ok
  1    differences found (only with diff --exit-code; never used for a failure)
  2    usage or input error: the message names the file, the line and the fix
  3    internal error (a bug in peacediff): one line says so; --debug shows the traceback
  130  interrupted (Ctrl-C)
"""


class _UserError(Exception):
    """A mistake in the command or its input: reported as a message, exit 2."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(f"{message}\n    fix: {fix}")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse exits 2 as well; keep its message and add the fix
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n    fix: see '{self.prog} --help'\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="peacediff",
        description="Version negotiated texts provision by provision: list, show, compare and redline drafts.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"peacediff {_version()}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # --debug is accepted after the command too; SUPPRESS keeps the top-level value when absent.
    common = _Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the traceback of an internal error")
    for add in (_add_list_parser, _add_show_parser, _add_history_parser, _add_diff_parser, _add_compare3_parser,
                _add_matrix_parser, _add_lineage_parser, _add_redline_parser, _add_import_parser,
                _add_validate_parser, _add_batch_parser, _add_export_parser):
        add(sub, common)
    return parser


def _add_output_options(p: argparse.ArgumentParser, suffixes: str) -> None:
    """--format and -o, shared by the commands that render one result."""
    p.add_argument("--format", choices=list(FORMATS), default=None,
                   help="output format (default: from the -o suffix, else text)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help=f"write to FILE (atomically) instead of stdout; {suffixes}")


def _add_align_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--align", choices=["auto", "keys", "text"], default="auto",
                   help="auto: lineage keys when both versions have them and share one; keys: keys only; "
                        "text: ignore keys")


def _add_encoding_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--encoding", metavar="CODEC",
                   help="encoding of text and HTML documents, e.g. cp1252 or latin-1 "
                   "(default: UTF-8, or UTF-16 with a byte-order mark)")


def _add_color_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour text output (auto: when writing to a terminal and NO_COLOR is unset)")


def _add_list_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("list", parents=[common], help="bundled versions: id, date, proposer, points, status",
                       description="List the bundled versions, oldest first.")
    p.add_argument("--format", choices=["text", "json"], default="text")


def _add_show_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("show", parents=[common], help="one version with its provisions, parameters and evidence",
                       description="Show a version: provisions, sub-points, parameters, evidence, variants.",
                       epilog="example: peacediff show us-russia-28 --format md")
    p.add_argument("ref", metavar="REF", help="bundled id, version file or document (.txt .md .docx .html .pdf)")
    p.add_argument("--format", choices=_SHOW_FORMATS, default=None,
                   help="output format (default: from the -o suffix, else text); docx: the provisions as a "
                   "Word document that imports back unchanged")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    _add_encoding_option(p)


_SHOW_FORMATS = ["text", "md", "json", "docx"]


def _add_history_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("history", parents=[common], help="one provision (by lineage key) through every bundled version",
                       description="Follow one provision through the versions: its text, number and "
                       "parameters in each, where it was removed or not reported, and the disputes about it.",
                       epilog="example: peacediff history army-cap --format md")
    p.add_argument("key", metavar="KEY", help="lineage key, e.g. army-cap (see 'peacediff show REF --format json')")
    p.add_argument("--format", choices=["text", "md", "json"], default="text")
    p.add_argument("--versions", metavar="DIR", help="use this folder of version files instead of the bundled ones")


def _add_diff_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("diff", parents=[common], help="compare two versions and render the redline",
                       description="Compare OLD with NEW provision by provision and render the redline "
                       "(--format docx: a Word document with tracked changes).",
                       epilog="example: peacediff diff us-russia-28 us-ua-20 --format html -o redline.html")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    _add_output_options(p, "the suffix .html, .md, .json, .csv, .txt or .docx chooses the format unless "
                        "--format is given")
    _add_align_option(p)
    _add_encoding_option(p)
    p.add_argument("--exit-code", action="store_true", help="exit 1 when the versions differ, as git diff does")
    _add_color_option(p)


def _add_compare3_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("compare3", parents=[common], help="two proposals against one base: agreements and conflicts",
                       description="Compare LEFT and RIGHT against BASE: where they agree, where they conflict, "
                       "and where a side's record is silent (not reported, never a conflict).",
                       epilog="example: peacediff compare3 us-russia-28 e3-counter-28 us-ua-20 -o three-way.html")
    p.add_argument("base", metavar="BASE")
    p.add_argument("left", metavar="LEFT")
    p.add_argument("right", metavar="RIGHT")
    _add_output_options(p, "the suffix chooses the format")
    _add_align_option(p)
    _add_color_option(p)


def _add_matrix_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("matrix", parents=[common], help="every provision lineage through every version, as a table",
                       description="Rows are provision lineages, columns versions in date order; each cell says "
                       "what the provision is there (same, modified, moved, removed, not reported, new ...) "
                       "with its number, or with --parameter that parameter's value and its reported variants.",
                       epilog="example: peacediff matrix --parameter armed_forces_cap --format md")
    p.add_argument("versions", metavar="VERSION", nargs="*",
                   help="bundled ids or version files (default: every version)")
    p.add_argument("--parameter", metavar="NAME", help="show this parameter's values, e.g. armed_forces_cap")
    _add_output_options(p, "the suffix chooses the format")
    p.add_argument("--versions-dir", metavar="DIR", dest="versions_dir",
                   help="use this folder of version files instead of the bundled ones")


def _add_lineage_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("lineage", parents=[common], help="how the versions descend from each other, as a tree",
                       description="Print the versions as a tree: each under the version it revises "
                       "(its parents), oldest first; a version with two parents is listed under both.",
                       epilog="example: peacediff lineage --format md")
    p.add_argument("--format", choices=["text", "md", "json"], default="text")
    p.add_argument("--versions", metavar="DIR", help="use this folder of version files instead of the bundled ones")


def _add_redline_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("redline", parents=[common], help="render every lineage pair and an index page (the main job)",
                       description="Render HTML redlines of every parent → child pair of the bundled versions, "
                       "plus the counter-proposal and the 20-point framework against the original, "
                       "and an index.html linking them.")
    p.add_argument("--out", default="redlines", metavar="DIR",
                   help="output folder (default: redlines); replaced whole, so it never mixes old and new pages")
    p.add_argument("--versions", metavar="DIR", help="use this folder of version files instead of the bundled ones")


def _add_import_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[common],
                       help="turn a .txt, .md, .docx, .html or .pdf document into a version file",
                       description="Read a document (numbered text, Markdown, Word, web page or PDF) and write "
                       "it as a version file to curate: add lineage keys, parameters and evidence.",
                       epilog="example: peacediff import draft-3.docx --id draft-3 --date 2026-03-03 "
                       "--parent draft-2 -o versions/draft-3.toml")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--id", dest="version_id", metavar="ID", help="version id (default: from the file name)")
    p.add_argument("--title", help="version title (default: the file name, or a web page's <title>)")
    p.add_argument("--date", help="date of the version: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--parent", action="append", default=[], metavar="ID",
                   help="id of a version this one revises (repeat for several)")
    _add_encoding_option(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write the version file (atomically) instead of stdout")


def _add_validate_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("validate", parents=[common],
                       help="check version files; report every problem with file:line and fix",
                       description="Validate version files or folders (default: the bundled versions).")
    p.add_argument("paths", nargs="*", metavar="PATH")


def _version() -> str:
    from peacediff import __version__

    return __version__


def _load(ref: str, encoding: str | None = None) -> Version:
    from peacediff import load

    return load(ref, encoding=encoding)


def _emit(obj: object, fmt: str, output: str | None, **options: Any) -> None:
    """Write ``obj`` as ``fmt`` to ``output`` (stdout when None): text, or bytes for a binary format."""
    from peacediff._display import formats_of

    binary = FORMATS[fmt].binary
    if fmt not in formats_of(obj, binary=binary):
        have = [f for f in formats_of(obj) if f in FORMATS]
        raise _UserError(f"this command's result cannot be written as {fmt}",
                         f"choose one of: {', '.join(have)}")
    if not binary:
        _write(render(obj, fmt, **options), output)
        return
    from peacediff._display import render_bytes

    _write_bytes(render_bytes(obj, fmt), output, fmt)


def _write_bytes(data: bytes, output: str | None, fmt: str) -> None:
    """Write a binary file's ``data`` to ``output``, or to stdout when it is not a terminal."""
    if output is None:
        if sys.stdout.isatty():
            raise _UserError(f"a .{fmt} file is binary and standard output is a terminal",
                             f"write it to a file with -o FILE.{fmt}, or redirect the output")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from peacediff._files import atomic_write_bytes

    atomic_write_bytes(output, data)
    _say(f"wrote {output}")


def _write(text: str, output: str | None) -> None:
    if not text.endswith("\n"):
        text += "\n"
    if output is None:
        _check_encodable(text, sys.stdout)
        sys.stdout.write(text)
        sys.stdout.flush()  # a closed pipe is reported here, inside main's handler
        return
    from peacediff.store import atomic_write_text

    atomic_write_text(output, text)
    _say(f"wrote {output}")


def _check_encodable(text: str, stream: Any) -> None:
    """Refuse, before writing a byte, output the stream's encoding cannot carry."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        line = exc.object.count("\n", 0, exc.start) + 1
        raise _UserError(
            f"standard output uses the {encoding} encoding, which cannot carry {char!r} (U+{ord(char):04X}, "
            f"line {line} of the output)",
            "set PYTHONIOENCODING=utf-8 (or use a UTF-8 locale), or write to a file with -o FILE",
        ) from None
    except LookupError:
        pass  # an encoding Python does not know: let the stream decide


def _say(message: str) -> None:
    """Print a message to stderr, escape sequences in names made visible, line breaks kept."""
    from peacediff._messages import shown

    print("\n".join(shown(line) for line in message.split("\n")), file=sys.stderr)


def _cmd_list(args: argparse.Namespace) -> int:
    from peacediff import versions

    rows = versions()
    if args.format == "json":
        data = [{"id": v.id, "title": v.title, "date": v.date, "proposer": v.proposer, "status": v.status,
                 "coverage": v.coverage, "declared_count": v.declared_count, "recorded": v.count,
                 "parents": list(v.parents)} for v in rows]
        _write(_json_text(data), None)
        return EXIT_OK
    _write(rows.to_text(), None)
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    fmt = args.format or _format_for(args.output)
    if fmt not in _SHOW_FORMATS:
        raise _UserError(f"show writes {', '.join(_SHOW_FORMATS)}, not {fmt}",
                         "name the file .txt, .md, .json or .docx, or give --format")
    version = _load(args.ref, args.encoding)
    options = {"lineage": _lineage(version)} if fmt in ("text", "md") else {}
    _emit(version, fmt, args.output, **options)
    return EXIT_OK


def _lineage(version: Version) -> list[Comparison]:
    """Comparisons against the bundled parents, so the view can say which points are known."""
    from peacediff import Archive, compare

    archive = Archive.bundled()
    if version.id not in archive or archive.get(version.id) != version:
        return []
    return [compare(parent, version) for parent in archive.parents(version.id)]


def _add_batch_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("batch", parents=[common],
                       help="compare many version pairs on Dask into Parquet data (docs/batch.md)",
                       description="Compare every pair of MANIFEST on a Dask cluster (a local one by default)\n"
                       "and write DIR/changes.parquet, DIR/pairs.parquet and DIR/timings.parquet.\n"
                       "Run it again with the same --out to finish an interrupted batch.\n"
                       "Needs: pip install 'peacediff[batch]'. Details: docs/batch.md.",
                       epilog="MANIFEST is a CSV file (columns old,new[,id]; paths relative to the CSV) or a\n"
                       "folder with one sub-folder of versions per document (file names in natural order:\n"
                       "v1, v2, v10; consecutive versions are compared).\n"
                       "example: peacediff batch corpus.csv --out results --html",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("manifest", metavar="MANIFEST", help="CSV file (old,new[,id]) or folder of document folders")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (new, empty, or an earlier run's)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="use a running Dask cluster, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: one per core)")
    _add_align_option(p)
    p.add_argument("--html", action="store_true", help="also write a redline per pair to DIR/html/")
    p.add_argument("--chunk-size", type=int, metavar="K", help="pairs per task (default: from the batch size)")
    # Registered here, with its parser, so that the whole command is this one block.
    _COMMANDS["batch"] = _cmd_batch


def _cmd_batch(args: argparse.Namespace) -> int:
    """Run a batch; every mistake in the command, the manifest or the cluster is one message, exit 2."""
    def fail(message: str) -> int:
        _say(f"peacediff: {message}")  # names from the manifest are untrusted: shown escaped
        return EXIT_ERROR

    if args.scheduler and args.workers is not None:
        return fail("--workers sizes a local cluster; a --scheduler cluster has its own workers\n"
                    "    fix: drop --workers, or drop --scheduler to run locally")
    for name in ("workers", "chunk_size"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            return fail(f"--{name.replace('_', '-')} must be at least 1\n    fix: give a positive number")
    try:
        from peacediff import batch
    except ImportError as exc:
        return fail(str(exc))
    try:
        pairs = batch.read_manifest(args.manifest)  # a bad manifest is reported before any cluster starts
        client = batch.connect(args.scheduler) if args.scheduler else None
        try:
            result = batch.compare_many(pairs, args.out, client, align=args.align, html=args.html,
                                        workers=args.workers, chunk_size=args.chunk_size)
        finally:
            if client is not None:
                client.close()
    except (batch.ManifestError, batch.BatchError) as exc:
        return fail(str(exc))
    _say(f"{result.pairs} pairs in {result.chunks} chunks: {len(result.computed)} computed, "
         f"{len(result.skipped)} already done; {result.errors} pair(s) failed (see the error column "
         f"of pairs.parquet); wrote {result.out}/")
    return EXIT_OK


def _cmd_history(args: argparse.Namespace) -> int:
    from peacediff import Archive
    from peacediff.timeline import history

    archive = Archive(args.versions) if args.versions else Archive.bundled()
    _write(render(history(args.key, archive), args.format), None)
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from peacediff import compare

    fmt = args.format or _format_for(args.output)
    old, new = _load(args.old, args.encoding), _load(args.new, args.encoding)
    comparison = compare(old, new, align=args.align)
    options: dict[str, Any] = {"color": _color(args)} if fmt == "text" else {}
    _emit(comparison, fmt, args.output, **options)
    if args.exit_code and comparison.has_differences:
        return EXIT_DIFFERENT
    return EXIT_OK


def _color(args: argparse.Namespace) -> bool:
    """Terminal colours: asked for, or "auto" on a terminal with no -o and no NO_COLOR."""
    return bool(args.color == "always" or (
        args.color == "auto" and args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    ))


def _cmd_compare3(args: argparse.Namespace) -> int:
    from peacediff.threeway import compare3

    fmt = args.format or _format_for(args.output)
    threeway = compare3(_load(args.base), _load(args.left), _load(args.right), align=args.align)
    options: dict[str, Any] = {"color": _color(args)} if fmt == "text" else {}
    _emit(threeway, fmt, args.output, **options)
    return EXIT_OK


def _cmd_matrix(args: argparse.Namespace) -> int:
    from peacediff import Archive
    from peacediff.versionmatrix import matrix

    fmt = args.format or _format_for(args.output)
    archive = Archive(args.versions_dir) if args.versions_dir else None
    versions = None
    if args.versions:
        from peacediff._loading import load_versions

        try:
            versions = load_versions(args.versions, archive)
        except ValueError as exc:  # two names for one version (an id and its file)
            raise _UserError(str(exc).split(";")[0], "name each version once") from None
    _emit(matrix(versions, parameter=args.parameter, archive=archive), fmt, args.output)
    return EXIT_OK


def _cmd_lineage(args: argparse.Namespace) -> int:
    from peacediff import Archive
    from peacediff.lineagegraph import lineage_graph

    archive = Archive(args.versions) if args.versions else Archive.bundled()
    _write(render(lineage_graph(archive), args.format), None)
    return EXIT_OK


def _format_for(output: str | None) -> str:
    """The format an ``-o`` name asks for; an unknown suffix is refused, not written as text."""
    if output is None:
        return "text"
    if output == "":
        raise _UserError("-o was given an empty file name", "name the file, e.g. -o redline.html, or leave out -o")
    suffix = Path(output).suffix.lower()
    fmt = format_for_suffix(suffix) if suffix else "text"
    if fmt is None:
        raise _UserError(
            f"cannot tell the output format from the suffix {suffix!r} of {output!r} "
            f"(peacediff writes {', '.join(FORMATS)})",
            f"name the file {', '.join(f.suffixes[0] for f in FORMATS.values())}, or give --format "
            f"(e.g. --format html -o {output})",
        )
    return fmt


def _cmd_redline(args: argparse.Namespace) -> int:
    from peacediff import Archive
    from peacediff._files import staged_folder
    from peacediff.render import render_site
    from peacediff.store import atomic_write_text

    out = Path(args.out)
    _check_redline_folder(out)
    archive = Archive(args.versions) if args.versions else Archive.bundled()
    pairs = archive.redline_pairs()
    pages = render_site(archive, pairs)
    # Every page is built in a fresh folder that replaces `out` whole at the end: a reader (or a
    # crash) never sees this run's pages next to the last run's.
    with staged_folder(out) as stage:
        for name, html in pages.items():
            atomic_write_text(stage / name, html)
    _say(f"wrote {len(pairs)} redlines, {len(pages) - len(pairs) - 1} other pages and index.html to {out}/")
    return EXIT_OK


def _check_redline_folder(out: Path) -> None:
    """``--out`` is replaced whole, so it may only hold pages a redline run wrote."""
    if str(out) in ("", "."):
        raise _UserError("--out must name a folder of its own (it is replaced whole)", "e.g. --out redlines")
    if not out.exists():
        return
    if not out.is_dir():
        raise _UserError(f"--out {out} is a file, not a folder", "give a folder name, e.g. --out redlines")
    foreign = sorted(e.name for e in os.scandir(out) if not (e.is_file() and e.name.endswith(".html")))
    if foreign:
        raise _UserError(
            f"--out {out} holds files redline did not write ({', '.join(foreign[:3])}"
            f"{', ...' if len(foreign) > 3 else ''}), and the folder is replaced whole",
            "give a new or empty folder, or one that only holds earlier redlines",
        )


def _cmd_import(args: argparse.Namespace) -> int:
    from peacediff.importers import read_document
    from peacediff.plaintext import PlainTextError
    from peacediff.store import dumps

    metadata: dict[str, Any] = {"title": args.title, "date": args.date, "parents": tuple(args.parent)}
    try:
        version = read_document(args.file, args.version_id, encoding=args.encoding,
                                **{k: v for k, v in metadata.items() if v})
    except PlainTextError:
        raise
    except ValueError as exc:  # a bad --id, --date or --parent, refused by the Version it would make
        raise _UserError(f"{args.file}: {exc}", "check --id, --date and --parent") from None
    _write(dumps(version), args.output)
    return EXIT_OK


def _add_export_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common],
                       help="write a version as a plain document (.txt .md .html .docx) that imports back unchanged",
                       description="Write a version as the draft itself: the title, then each provision's number "
                       "and text, sub-points nested. No parameters or evidence (see `show` for the report).",
                       epilog="example: peacediff export us-ua-20 -o draft.md")
    p.add_argument("ref", metavar="REF", help="bundled id, version file or document (.txt .md .docx .html .pdf)")
    p.add_argument("--format", choices=_EXPORT_FORMATS, default=None,
                   help="document format (default: from the -o suffix, else text)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE (atomically) instead of stdout; .txt .md .html .docx pick the format")
    _add_encoding_option(p)


_EXPORT_FORMATS = ["text", "md", "html", "docx"]


def _export_format(args: argparse.Namespace) -> str:
    """The format asked for: --format, else the -o suffix (an unknown one refused), else text."""
    from peacediff._document_out import document_format

    if args.format:
        return str(args.format)
    if args.output is None:
        return "text"
    if args.output == "":
        raise _UserError("-o was given an empty file name", "name the file, e.g. -o draft.md, or leave out -o")
    found = document_format(Path(args.output).suffix)
    if found is None:
        raise _UserError(f"-o {args.output}: export writes .txt, .md, .html or .docx, not "
                         f"{Path(args.output).suffix or 'a file without a suffix'}",
                         f"name the file e.g. {Path(args.output).stem or 'draft'}.md, or give --format")
    return found


def _cmd_export(args: argparse.Namespace) -> int:
    fmt = _export_format(args)
    version = _load(args.ref, args.encoding)
    try:
        data = version.to_document(fmt)
    except ValueError as exc:  # a control character no document can carry
        raise _UserError(f"{args.ref}: {exc}", "remove the character from the version, then export again") from None
    if args.output is None and fmt != "docx":
        _write(data.decode("utf-8"), None)  # a text document to the terminal, as any text output
    else:
        _write_bytes(data, args.output, fmt)  # the file's own bytes, whatever the format
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from peacediff._resources import resource_path
    from peacediff.archive import validate_paths

    paths = args.paths or [str(resource_path("versions"))]
    checked, problems = validate_paths(paths)
    for problem in problems:
        _say(str(problem))
    if problems:
        _say(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {checked} file"
             f"{'s' if checked != 1 else ''}")
        return EXIT_ERROR
    _write(f"ok: {checked} version file{'s' if checked != 1 else ''} valid", None)
    return EXIT_OK


_COMMANDS = {
    "list": _cmd_list,
    "show": _cmd_show,
    "history": _cmd_history,
    "diff": _cmd_diff,
    "compare3": _cmd_compare3,
    "matrix": _cmd_matrix,
    "lineage": _cmd_lineage,
    "redline": _cmd_redline,
    "validate": _cmd_validate,
    "import": _cmd_import,
    "export": _cmd_export,
}


#: Commands that render templates, and so use the compiled-template cache.
_RENDERING = frozenset({"show", "history", "diff", "compare3", "matrix", "redline"})


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    Never raises: a user mistake returns 2 with a message, a bug returns 3 (see the module doc).
    """
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    # A run allocates many small objects and no reference cycles worth collecting: the cyclic
    # collector finds nothing but costs ~15 % on a 30,000-provision pair.  The command owns its
    # process, so it pauses the collector for the run (and restores it for in-process callers).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.  Point stdout at devnull so
        # the interpreter's final flush does not fail again.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        _say("peacediff: interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:  # the one place every unexpected failure ends up
        return _internal_error(exc, getattr(args, "debug", False))
    finally:
        if collecting:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    """The command, with every user mistake turned into a message and exit 2."""
    from peacediff._files import FileProblem
    from peacediff.plaintext import PlainTextError
    from peacediff.store import VersionFileError

    if args.command in _RENDERING:
        from peacediff.render import use_template_cache

        use_template_cache()
    try:
        return _COMMANDS[args.command](args)
    except (VersionFileError, PlainTextError, FileProblem, _UserError) as exc:
        _say(f"peacediff: {exc}")
    except LookupError as exc:
        message = exc.args[0] if exc.args else None
        # peacediff's own lookups (load, Archive.get, history) explain themselves in a sentence;
        # a bare KeyError('x') or an IndexError is a bug and goes to the internal-error handler.
        if isinstance(exc, IndexError) or not (isinstance(message, str) and " " in message):
            raise
        _say(f"peacediff: {message}")
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except OSError as exc:
        _say(f"peacediff: {_os_message(exc)}")
    return EXIT_ERROR


def _os_message(exc: OSError) -> str:
    """``path: reason`` and a fix for a file the system refused (never ``: None``)."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    where = f"{exc.filename}: " if exc.filename else ""
    fixes = {
        errno.ENOENT: "check the path",
        errno.EISDIR: "give a file, not a folder",
        errno.ENOTDIR: "a part of the path is a file, not a folder: check the path",
        errno.EACCES: "check the permissions, or choose another path",
        errno.EPERM: "check the permissions, or choose another path",
        errno.ENOSPC: "free some disk space and run again",
        errno.EROFS: "choose a writable location",
    }
    return f"{where}{reason}\n    fix: {fixes.get(exc.errno or 0, 'check the path and try again')}"


def _internal_error(exc: BaseException, debug: bool) -> int:
    """One line for a bug (the traceback only with --debug): it is ours, not the user's."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    detail = str(exc).split("\n", 1)[0][:200]
    _say(
        f"peacediff: internal error ({type(exc).__name__}{': ' + detail if detail else ''}); this is a bug in "
        f"peacediff {_version()}, not in your input. Please report it on the peacediff issue tracker with the "
        "command you ran and the input files" + ("" if debug else ", adding --debug to show the traceback")
    )
    return EXIT_INTERNAL
