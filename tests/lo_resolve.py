"""Open Word files in LibreOffice: accept or reject every tracked change, or convert to PDF or text.

Run by the system Python that has LibreOffice's UNO bridge (Debian's python3-uno), not by the
test environment's:  python3 tests/lo_resolve.py PROFILE_DIR MODE IN.docx OUT [MODE IN OUT ...]
where MODE is accept or reject (all changes, then saved as UTF-8 text), text, or pdf.

LibreOffice is started once, headless, with its own profile, on a private pipe, for every job:
starting it costs more than the jobs.  Every file is loaded hidden, its changes accepted or
rejected through Writer's own commands, and stored with the "Text (encoded)" filter; text and
pdf store the document as it was opened, with the filters ``soffice --convert-to txt`` and
``--convert-to pdf`` use.  Exit status 0 when every file was written.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def _props(**values: object) -> tuple[PropertyValue, ...]:
    out = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        out.append(prop)
    return tuple(out)


def _connect(pipe: str, process: subprocess.Popen[bytes]) -> object:
    context = uno.getComponentContext()
    resolver = context.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", context)
    for _ in range(600):
        if process.poll() is not None:
            raise SystemExit(f"soffice exited early with status {process.returncode}")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise SystemExit("soffice did not answer within 60 s")


#: mode -> (the Writer command run first, the filter and its options for the output file)
MODES: dict[str, tuple[str | None, str, str]] = {
    "accept": (".uno:AcceptAllTrackedChanges", "Text (encoded)", "UTF8,LF"),
    "reject": (".uno:RejectAllTrackedChanges", "Text (encoded)", "UTF8,LF"),
    "text": (None, "Text (encoded)", "UTF8"),
    "pdf": (None, "writer_pdf_Export", ""),
}


def main(argv: list[str]) -> int:
    profile, jobs = Path(argv[0]), argv[1:]
    if len(jobs) % 3 or any(mode not in MODES for mode in jobs[::3]):
        raise SystemExit(f"usage: lo_resolve.py PROFILE_DIR {'|'.join(MODES)} IN OUT [MODE IN OUT ...]")
    pipe = f"peacediff-lo-{os.getpid()}"
    process = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo", "--nodefault", "--invisible",
         f"-env:UserInstallation={profile.resolve().as_uri()}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = _connect(pipe, process)
        smgr = context.ServiceManager  # type: ignore[attr-defined]
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        for mode, source, target in zip(jobs[::3], jobs[1::3], jobs[2::3], strict=True):
            command, filter_name, options = MODES[mode]
            doc = desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0, _props(Hidden=True))
            if doc is None:
                raise SystemExit(f"LibreOffice could not open {source}")
            if command:
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            doc.storeToURL(Path(target).resolve().as_uri(), _props(FilterName=filter_name, FilterOptions=options))
            doc.close(True)
        with contextlib.suppress(Exception):  # the bridge goes away as soffice quits
            desktop.terminate()
    finally:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
