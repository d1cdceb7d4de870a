"""Accept or reject every tracked change of Word files in LibreOffice, and save each as UTF-8 text.

Run by the system Python that has LibreOffice's UNO bridge (Debian's python3-uno), not by the
test environment's:  python3 tests/lo_resolve.py PROFILE_DIR accept|reject IN.docx OUT.txt [IN OUT ...]

LibreOffice is started once, headless, with its own profile, on a private pipe; every file is
loaded hidden, all its changes accepted or rejected through Writer's own commands, and stored
with the "Text (encoded)" filter.  Exit status 0 when every file was written.
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


def main(argv: list[str]) -> int:
    profile, mode, files = Path(argv[0]), argv[1], argv[2:]
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
        command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
        for source, target in zip(files[::2], files[1::2], strict=True):
            doc = desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0, _props(Hidden=True))
            if doc is None:
                raise SystemExit(f"LibreOffice could not open {source}")
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            doc.storeToURL(Path(target).resolve().as_uri(),
                           _props(FilterName="Text (encoded)", FilterOptions="UTF8,LF"))
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
