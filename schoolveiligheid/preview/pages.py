"""The preview's own HTML: the reload script and bar, the error page, and the document previews.

Only the preview server sends these; nothing here is ever written into a built
site. Every value from the policy or an error message is escaped. The pages
load nothing from anywhere but the preview server itself.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from schoolveiligheid.documents import RenderedDocument
from schoolveiligheid.writers.markup import to_html

PREFIX = "/_voorbeeld/"  # never a page of a site: site names are lower-case letters, digits and '-'
VERSION_PATH = PREFIX + "versie"
DOCUMENTS_PATH = PREFIX  # the overview of the documents

# Poll the version on the same origin; reload when a rebuild finished (successful or not).
_RELOAD = """<script>
(function () {{
  var shown = {version};
  function poll() {{
    fetch("{version_path}", {{cache: "no-store"}})
      .then(function (answer) {{ return answer.json(); }})
      .then(function (data) {{
        if (data.versie !== shown) {{ location.reload(); }} else {{ setTimeout(poll, 400); }}
      }})
      .catch(function () {{ setTimeout(poll, 1500); }});
  }}
  setTimeout(poll, 400);
}})();
</script>"""

_BAR = (
    '<div id="schoolveiligheid-voorbeeld" role="status" style="position:fixed;right:.5rem;bottom:.5rem;'
    "z-index:10000;background:#1a1a1a;color:#fff;font:14px/1.4 sans-serif;padding:.3rem .6rem;"
    'border-radius:.3rem;opacity:.92">Voorbeeld, bijgewerkt {time} · '
    '<a style="color:#fff" href="/">website</a> · <a style="color:#fff" href="{documents}">documenten</a>'
    "</div>"
)


@dataclass(frozen=True, slots=True)
class Notice:
    """One problem to show in the page: where, what, and what to do."""

    place: str  # "policy/vlinderboom.yaml:12: school.naam", or "" when no file is concerned
    message: str
    hint: str = ""


def reload_snippet(version: int, built_at: str) -> str:
    """The bar and the script that every page the preview serves gets before </body>."""
    bar = _BAR.format(time=html.escape(built_at), documents=DOCUMENTS_PATH)
    return bar + _RELOAD.format(version=version, version_path=VERSION_PATH)


def inject(page: bytes, snippet: str) -> bytes:
    """The page with the snippet before its last </body> (or at the end when there is none)."""
    added = snippet.encode("utf-8")
    at = page.lower().rfind(b"</body>")
    return page + added if at < 0 else page[:at] + added + page[at:]


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font:16px/1.5 sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem 4rem}"
        "pre{white-space:pre-wrap}li{margin-bottom:.8rem}.plaats{font-family:monospace}"
        ".tip{color:#3a3a3a}.omslag{border-bottom:1px solid #999;margin-bottom:2rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .4rem}</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def error_page(notices: Sequence[Notice], school_id: str) -> str:
    """What every page of the preview shows while the input has errors."""
    items = "\n".join(
        "<li>"
        + (f'<span class="plaats">{html.escape(notice.place)}</span>: ' if notice.place else "")
        + html.escape(notice.message)
        + (f'<br><span class="tip">tip: {html.escape(notice.hint)}</span>' if notice.hint else "")
        + "</li>"
        for notice in notices
    )
    count = "1 fout" if len(notices) == 1 else f"{len(notices)} fouten"
    body = (
        f"<h1>Het voorbeeld van {html.escape(school_id)} kan niet worden bijgewerkt</h1>\n"
        f"<p>In de invoer staat {count}. Herstel het en sla het bestand op: deze pagina laadt dan "
        "vanzelf opnieuw. De gewone uitvoer (documenten/ en site/) is niet aangeraakt.</p>\n"
        f'<ol id="fouten">\n{items}\n</ol>'
    )
    return _page("Fout in de invoer – voorbeeld", body)


def documents_page(
    documents: Sequence[RenderedDocument], downloads: Sequence[str], findings: Sequence[str]
) -> str:
    """The overview: every document as a preview page and as its download, and the findings."""
    school = html.escape(documents[0].meta.school_name) if documents else ""
    rows = "\n".join(
        f'<li><a href="{PREFIX}{document.file_stem}.html">{html.escape(document.title)}</a>'
        + (
            f' · <a href="/downloads/{html.escape(document.docx_name)}">Word-bestand</a>'
            if document.docx_name in downloads
            else ""
        )
        + "</li>"
        for document in documents
    )
    others = [name for name in downloads if name not in {d.docx_name for d in documents}]
    more = "".join(
        f'<li><a href="/downloads/{html.escape(name)}">{html.escape(name)}</a></li>' for name in others
    )
    shown = (
        "<ul>" + "".join(f"<li><pre>{html.escape(finding)}</pre></li>" for finding in findings) + "</ul>"
        if findings
        else "<p>Geen bevindingen.</p>"
    )
    body = (
        f"<h1>Documenten van {school}</h1>\n<p>Elk document zoals het in Word staat, als één pagina "
        'uit dezelfde tekst. <a href="/">Naar de website</a>.</p>\n'
        f"<ul>\n{rows}\n{more}\n</ul>\n<h2>Bevindingen</h2>\n{shown}"
    )
    return _page(f"Documenten – {documents[0].meta.school_name if documents else ''}", body)


def not_found_page(path: str) -> str:
    """A page that the built site does not have."""
    body = (
        f"<h1>Deze pagina bestaat niet</h1>\n<p>{html.escape(path)} staat niet in de website van deze "
        'school.</p>\n<p><a href="/">Naar de startpagina</a> · '
        f'<a href="{DOCUMENTS_PATH}">Naar de documenten</a></p>'
    )
    return _page("Niet gevonden – voorbeeld", body)


def document_page(document: RenderedDocument) -> str:
    """One document on one page, with a cover like the Word file's, from the same Markdown."""
    meta = document.meta
    adopted = f"vastgesteld op {meta.adopted_on}" if meta.adopted_on else "concept, nog niet vastgesteld"
    cover = (
        f'<div class="omslag"><p><a href="{DOCUMENTS_PATH}">Alle documenten</a></p>'
        f"<p>{html.escape(meta.school_name)}</p>"
        f"<p>{html.escape(document.title)} · schooljaar {html.escape(meta.school_year)} · "
        f"versie {html.escape(meta.version)} · {html.escape(adopted)}</p></div>"
    )
    return _page(f"{document.title} – {meta.school_name}", cover + "\n" + to_html(document.markdown))


__all__ = [
    "DOCUMENTS_PATH",
    "Notice",
    "PREFIX",
    "VERSION_PATH",
    "document_page",
    "documents_page",
    "error_page",
    "inject",
    "not_found_page",
    "reload_snippet",
]
