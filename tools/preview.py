"""Render the Markdown of every document for a policy folder, without Word or website.

Run: python tools/preview.py [policy-folder] [output-folder]
Writes <output>/<school>/<document>.md and the site pages; prints problems in Dutch.
For template writers: a fast way to read what a school's documents will say.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from schoolveiligheid.context import build_context  # noqa: E402
from schoolveiligheid.errors import InvalidInput  # noqa: E402
from schoolveiligheid.model import load_schools  # noqa: E402
from schoolveiligheid.render import Renderer  # noqa: E402


def main() -> int:
    policy = Path(sys.argv[1] if len(sys.argv) > 1 else "policy")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/preview")
    renderer = Renderer()
    try:
        for school in load_schools(policy):
            rendered = renderer.render_school(build_context(school), school.template_dirs)
            folder = out / school.id
            folder.mkdir(parents=True, exist_ok=True)
            for document in rendered.documents:
                (folder / f"{document.kind}.md").write_text(document.markdown, encoding="utf-8")
            for page in rendered.site_pages:
                (folder / f"site-{page.slug}.md").write_text(page.markdown, encoding="utf-8")
            print(
                f"{school.id}: {len(rendered.documents)} documenten, {len(rendered.site_pages)} pagina's -> {folder}"
            )
    except InvalidInput as error:
        print(error.report(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
