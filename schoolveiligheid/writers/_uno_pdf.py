"""Convert .docx files to PDF in a running LibreOffice, with every table of contents filled.

Runs under the Python that has LibreOffice's `uno` module (Debian: /usr/bin/python3
with python3-uno), not the project's virtual environment, so it imports nothing
from the package. `soffice --convert-to pdf` would print the TOC field as it was
cached; updating the document indexes first fills it with real page numbers.

The PDF is tagged (PDF/UA: structure, language, title, alt text of images); with --pdfa it is
also PDF/A-2b, for archiving.

Usage: python3 _uno_pdf.py PIPE_NAME [--pdfa] < PAIRS
PAIRS is one JSON array ["SOURCE.docx", "TARGET.pdf"] per line on standard input (not the command
line: a run converts every document of every school, far more than a Windows command line holds).
Prints one JSON line per source: {"source": ..., "pdf": ..., "toc": [[entry, page], ...]} or
{"source": ..., "error": ...}; "toc" holds every entry of the filled tables of contents with its page.
Exit codes: 0 all converted, 1 some failed, 3 no uno module, 4 LibreOffice not reachable.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path

try:
    import uno  # type: ignore[import-not-found, unused-ignore]
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found, unused-ignore]
    from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found, unused-ignore]
except ImportError as missing:
    print(json.dumps({"fatal": f"geen uno-module: {missing}"}), flush=True)
    sys.exit(3)

CONNECT_SECONDS = 60
DOCX_FILTER = "MS Word 2007 XML"  # never let LibreOffice guess: a broken file must fail, not open as text


def properties(**values: object) -> tuple[PropertyValue, ...]:
    result = []
    for name, value in values.items():
        item = PropertyValue()
        item.Name = name
        item.Value = value
        result.append(item)
    return tuple(result)


def connect(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def export_options(pdfa: bool) -> tuple[PropertyValue, ...]:
    """writer_pdf_Export settings: tagged PDF/UA with bookmarks; PDF/A-2b on request."""
    data = properties(
        UseTaggedPDF=True,
        PDFUACompliance=True,
        ExportBookmarks=True,
        ExportFormFields=False,
        SelectPdfVersion=2 if pdfa else 0,
    )
    return properties(
        FilterName="writer_pdf_Export",
        FilterData=uno.Any("[]com.sun.star.beans.PropertyValue", data),
    )


def toc_entries(text: str) -> list[list[object]]:
    """[[entry, page], ...] from the text of a filled table of contents ('entry<TAB>page' per line)."""
    entries: list[list[object]] = []
    for line in text.replace("\r", "\n").split("\n"):
        entry, tab, page = line.rpartition("\t")
        if tab and page.strip().isdigit():
            entries.append([entry.strip(), int(page)])
    return entries


def convert(desktop: object, source: Path, target: Path, pdfa: bool = False) -> list[list[object]]:
    document = desktop.loadComponentFromURL(  # type: ignore[attr-defined]
        uno.systemPathToFileUrl(str(source.resolve())),
        "_blank",
        0,
        properties(Hidden=True, ReadOnly=True, FilterName=DOCX_FILTER, MacroExecutionMode=0),
    )
    if document is None or not hasattr(document, "getDocumentIndexes"):
        if document is not None:
            document.close(True)
        raise RuntimeError("LibreOffice kon het bestand niet als Word-document openen")
    try:
        indexes = document.getDocumentIndexes()
        for index in range(indexes.getCount()):
            indexes.getByIndex(index).update()
        document.getTextFields().refresh()
        document.refresh()
        entries = []
        for index in range(indexes.getCount()):
            entries += toc_entries(indexes.getByIndex(index).getAnchor().getString())
        document.storeToURL(uno.systemPathToFileUrl(str(target.resolve())), export_options(pdfa))
        return entries
    finally:
        document.close(True)


def read_pairs(lines: list[str]) -> list[tuple[Path, Path]]:
    """The (source, target) pairs: one JSON array of two paths per line."""
    pairs = []
    for line in lines:
        if line.strip():
            source, target = json.loads(line)
            pairs.append((Path(source), Path(target)))
    return pairs


def main(arguments: list[str]) -> int:
    # arguments: the pipe name, --pdfa or not; the pairs of source .docx and target .pdf on stdin
    pipe, rest = arguments[0], arguments[1:]
    pdfa = "--pdfa" in rest
    pairs = read_pairs(sys.stdin.read().splitlines())
    try:
        context = connect(pipe)
    except Exception as exc:  # noqa: BLE001 - reported to the caller, which raises BuildFailed
        print(json.dumps({"fatal": f"LibreOffice niet bereikbaar: {exc}"}), flush=True)
        return 4
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)  # type: ignore[attr-defined]
    failed = False
    try:
        for source, target in pairs:
            try:
                entries = convert(desktop, source, target, pdfa)
                print(json.dumps({"source": str(source), "pdf": str(target), "toc": entries}), flush=True)
            except Exception as exc:  # noqa: BLE001 - one broken file must not hide the others
                failed = True
                message = getattr(exc, "Message", "") or str(exc) or type(exc).__name__
                print(json.dumps({"source": str(source), "error": message}), flush=True)
    finally:
        with contextlib.suppress(Exception):  # the bridge drops while LibreOffice exits
            desktop.terminate()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
