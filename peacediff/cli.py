"""The ``peacediff`` command line: list, show, diff, redline, validate.

Exit codes: 0 success, 1 differences found (``diff --exit-code`` only, as in
``git diff``), 2 usage or input error.  A user mistake prints a message with
the fix, never a traceback.  Heavy modules are imported inside commands so
``peacediff --help`` starts fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peacediff.compare import Comparison
    from peacediff.model import Version

EXIT_OK, EXIT_DIFFERENT, EXIT_ERROR = 0, 1, 2

_EPILOG = """\
examples:
  peacediff list
  peacediff show us-russia-28
  peacediff history army-cap
  peacediff diff us-russia-28 e3-counter-28 -o redline.html
  peacediff diff old.txt new.txt --format md --align text
  peacediff diff us-russia-28 us-ua-20 --format json --exit-code
  peacediff redline --out redlines
  peacediff validate versions/

REF, OLD and NEW are a bundled version id (see 'peacediff list'), a version
file (.toml, see docs/format.md) or a numbered plain-text file.
exit codes: 0 ok, 1 differences found (with --exit-code), 2 usage or input error
"""


class _UserError(Exception):
    """A mistake in the command or its input: reported as a message, exit 2."""


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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("list", help="bundled versions: id, date, proposer, points, status",
                       description="List the bundled versions, oldest first.")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("show", help="one version with its provisions, parameters and evidence",
                       description="Show a version: provisions, sub-points, parameters, evidence, variants.",
                       epilog="example: peacediff show us-russia-28 --format md")
    p.add_argument("ref", metavar="REF", help="bundled id, version file or numbered text file")
    p.add_argument("--format", choices=["text", "md", "json"], default="text")

    p = sub.add_parser("history", help="one provision (by lineage key) through every bundled version",
                       description="Follow one provision through the versions: its text, number and "
                       "parameters in each, where it was removed or not reported, and the disputes about it.",
                       epilog="example: peacediff history army-cap --format md")
    p.add_argument("key", metavar="KEY", help="lineage key, e.g. army-cap (see 'peacediff show REF --format json')")
    p.add_argument("--format", choices=["text", "md", "json"], default="text")
    p.add_argument("--versions", metavar="DIR", help="use this folder of version files instead of the bundled ones")

    p = sub.add_parser("diff", help="compare two versions and render the redline",
                       description="Compare OLD with NEW provision by provision and render the redline.",
                       epilog="example: peacediff diff us-russia-28 us-ua-20 --format html -o redline.html")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--format", choices=["html", "md", "text", "json"], default=None,
                   help="output format (default: from the -o suffix, else text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    p.add_argument("--align", choices=["auto", "keys", "text"], default="auto",
                   help="auto: lineage keys when both versions have them; text: ignore keys")
    p.add_argument("--exit-code", action="store_true", help="exit 1 when the versions differ, as git diff does")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour text output (auto: when writing to a terminal and NO_COLOR is unset)")

    p = sub.add_parser("redline", help="render every lineage pair and an index page (the main job)",
                       description="Render HTML redlines of every parent → child pair of the bundled versions, "
                       "plus the counter-proposal and the 20-point framework against the original, "
                       "and an index.html linking them.")
    p.add_argument("--out", default="redlines", metavar="DIR", help="output folder (default: redlines)")
    p.add_argument("--versions", metavar="DIR", help="use this folder of version files instead of the bundled ones")

    p = sub.add_parser("validate", help="check version files; report every problem with file:line and fix",
                       description="Validate version files or folders (default: the bundled versions).")
    p.add_argument("paths", nargs="*", metavar="PATH")
    _add_batch_parser(sub)
    return parser


def _version() -> str:
    from peacediff import __version__

    return __version__


def _load(ref: str) -> Version:
    from peacediff import load

    return load(ref)


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    from peacediff.store import atomic_write_text

    atomic_write_text(output, text)
    print(f"wrote {output}", file=sys.stderr)


def _cmd_list(args: argparse.Namespace) -> int:
    from peacediff import versions

    rows = versions()
    if args.format == "json":
        data = [{"id": v.id, "title": v.title, "date": v.date, "proposer": v.proposer, "status": v.status,
                 "coverage": v.coverage, "declared_count": v.declared_count, "recorded": v.count,
                 "parents": list(v.parents)} for v in rows]
        _write(json.dumps(data, indent=2, ensure_ascii=False), None)
        return EXIT_OK
    table = [("ID", "DATE", "PROPOSER", "POINTS", "STATUS", "TITLE")]
    for v in rows:
        points = str(v.declared_count) if v.declared_count is not None else "?"
        if v.count != v.declared_count:
            points += f" ({v.count} recorded)"
        status = v.status + (", partial" if v.coverage == "partial" else "")
        table.append((v.id, v.date or "?", v.proposer or "?", points, status, v.title))
    widths = [max(len(r[i]) for r in table) for i in range(5)]
    for r in table:
        print("  ".join(c.ljust(w) for c, w in zip(r[:5], widths, strict=True)) + "  " + r[5])
    return EXIT_OK


def _cmd_show(args: argparse.Namespace) -> int:
    version = _load(args.ref)
    if args.format == "json":
        _write(json.dumps(version.to_dict(), indent=2, ensure_ascii=False), None)
        return EXIT_OK
    from peacediff import render

    lineage = _lineage(version)
    if args.format == "md":
        _write(render.render_version_markdown(version, lineage=lineage), None)
    else:
        _write(render.render_version_text(version, lineage=lineage), None)
    return EXIT_OK


def _lineage(version: Version) -> list[Comparison]:
    """Comparisons against the bundled parents, so the view can say which points are known."""
    from peacediff import Archive, compare

    archive = Archive.bundled()
    if version.id not in archive or archive.get(version.id) != version:
        return []
    return [compare(parent, version) for parent in archive.parents(version.id)]


def _add_batch_parser(sub: Any) -> None:
    p = sub.add_parser("batch", help="compare many version pairs on Dask into Parquet data (docs/batch.md)",
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
    p.add_argument("--align", choices=["auto", "keys", "text"], default="auto",
                   help="auto: lineage keys when both versions have them; text: ignore keys")
    p.add_argument("--html", action="store_true", help="also write a redline per pair to DIR/html/")
    p.add_argument("--chunk-size", type=int, metavar="K", help="pairs per task (default: from the batch size)")
    # Registered here, with its parser, so that the whole command is this one block.
    _COMMANDS["batch"] = _cmd_batch


def _cmd_batch(args: argparse.Namespace) -> int:
    """Run a batch; every mistake in the command, the manifest or the cluster is one message, exit 2."""
    def fail(message: str) -> int:
        print(f"peacediff: {message}", file=sys.stderr)
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
    print(f"{result.pairs} pairs in {result.chunks} chunks: {len(result.computed)} computed, "
          f"{len(result.skipped)} already done; {result.errors} pair(s) failed (see the error column "
          f"of pairs.parquet); wrote {result.out}/", file=sys.stderr)
    return EXIT_OK


def _cmd_history(args: argparse.Namespace) -> int:
    from peacediff import Archive
    from peacediff.timeline import history

    archive = Archive(args.versions) if args.versions else Archive.bundled()
    h = history(args.key, archive)
    if args.format == "json":
        _write(json.dumps(h.to_dict(), indent=2, ensure_ascii=False), None)
    elif args.format == "md":
        _write(h.to_markdown(), None)
    else:
        _write(h.to_text(), None)
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    from peacediff import compare

    old, new = _load(args.old), _load(args.new)
    comparison = compare(old, new, align=args.align)
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower() if args.output else ""
        fmt = {".html": "html", ".htm": "html", ".md": "md", ".json": "json"}.get(suffix, "text")
    if fmt == "html":
        text = comparison.to_html()
    elif fmt == "md":
        text = comparison.to_markdown()
    elif fmt == "json":
        text = json.dumps(comparison.to_dict(), indent=2, ensure_ascii=False) + "\n"
    else:
        color = args.color == "always" or (
            args.color == "auto" and args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
        )
        text = comparison.to_text(color=color)
    _write(text, args.output)
    if args.exit_code and comparison.has_differences:
        return EXIT_DIFFERENT
    return EXIT_OK


def redline_pairs(archive: Any) -> list[tuple[Version, Version]]:
    """The pairs worth a redline: every parent → child, every version against the root of
    its lineage, and every later version against its earlier-dated relatives (versions that
    descend from the same root), e.g. the December framework against the E3 counter-proposal."""
    pairs: list[tuple[Version, Version]] = []
    seen: set[tuple[str, str]] = set()

    def add(old: Version, new: Version) -> None:
        if (old.id, new.id) not in seen:
            seen.add((old.id, new.id))
            pairs.append((old, new))

    for parent, child in archive.lineage_pairs():
        add(parent, child)
    roots_of = {v.id: {a.id for a in archive.ancestors(v.id) if not a.parents} for v in archive.versions()}
    for version in archive.versions():
        for root in sorted(roots_of[version.id]):
            add(archive.get(root), version)
    for version in archive.versions():
        for earlier in archive.versions():
            related = roots_of[earlier.id] & roots_of[version.id]
            if related and earlier.date and version.date and earlier.date < version.date:
                add(earlier, version)
    return pairs


def _cmd_redline(args: argparse.Namespace) -> int:
    from peacediff import Archive, compare
    from peacediff.render import render_index_html
    from peacediff.store import atomic_write_text

    archive = Archive(args.versions) if args.versions else Archive.bundled()
    out = Path(args.out)
    entries = []
    for old, new in redline_pairs(archive):
        comparison = compare(old, new)
        name = f"{old.id}__{new.id}.html"
        atomic_write_text(out / name, comparison.to_html())
        entries.append((name, comparison))
    atomic_write_text(out / "index.html", render_index_html(entries))
    print(f"wrote {len(entries)} redlines and index.html to {out}/", file=sys.stderr)
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from peacediff._resources import resource_path
    from peacediff.archive import validate_paths

    paths = args.paths or [str(resource_path("versions"))]
    checked, problems = validate_paths(paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {checked} file"
              f"{'s' if checked != 1 else ''}", file=sys.stderr)
        return EXIT_ERROR
    print(f"ok: {checked} version file{'s' if checked != 1 else ''} valid")
    return EXIT_OK


_COMMANDS = {
    "list": _cmd_list,
    "show": _cmd_show,
    "history": _cmd_history,
    "diff": _cmd_diff,
    "redline": _cmd_redline,
    "validate": _cmd_validate,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    from peacediff.plaintext import PlainTextError
    from peacediff.store import VersionFileError

    try:
        return _COMMANDS[args.command](args)
    except (VersionFileError, PlainTextError, LookupError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        print(f"peacediff: {message}", file=sys.stderr)
        return EXIT_ERROR
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        print(f"peacediff: {exc.filename or ''}: {exc.strerror}\n    fix: check the path", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.
        sys.stderr.close()
        return EXIT_OK
