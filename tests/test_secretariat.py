"""An organisation's secretariat goes wherever the organisation goes, not only with a complaints committee.

Here the external vertrouwenspersoon is an organisation (a GGD) reached through its youth-health secretariat:
the plan, the schoolgids, the site and the internal contact list all name that secretariat.
"""

from __future__ import annotations

import re
from pathlib import Path

from letters_support import docx_text
from policies import BOARD, SCHOOL, policy_tree

from schoolveiligheid.context import build_context
from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers.forms import FormWriter

GGD = """\
  - id: org-ggd
    soort: ggd_jgz
    naam: GGD Testregio
    telefoon: 030 100 2000
    website: https://www.ggd-testregio.example
    secretariaat:
      naam: Jeugdgezondheidszorg
      functie: voor de externe vertrouwenspersoon
      telefoon: 030 100 2010
      email: evp@ggd-testregio.example
"""
BOARD_WITH_GGD = (
    BOARD.replace("organisaties:\n", "organisaties:\n" + GGD)
    .replace(
        "  externe_vertrouwenspersoon: {personen: [p-evp]}\n",
        "  externe_vertrouwenspersoon: {organisatie: org-ggd}\n",
    )
    .replace("    email: vera@vertrouwen.example\n    publiceer: {email: true}\n", "")
)
SHOWN = "secretariaat: Jeugdgezondheidszorg (voor de externe vertrouwenspersoon)"


def _texts(tmp_path: Path) -> dict[str, str]:
    (school,) = load_schools(policy_tree(tmp_path, SCHOOL, BOARD_WITH_GGD))
    result = Renderer().render_school(build_context(school), school.template_dirs)
    texts = {document.kind: document.markdown for document in result.documents}
    texts["site"] = "\n".join(page.markdown for page in result.site_pages)
    # the form as written: the template words the secretariat, the context holds only its values
    (form,) = [
        path
        for path in FormWriter().write(forms_context(school), tmp_path / "formulieren", school.template_dirs)
        if path.stem == "sociale-kaart-en-bereikbaarheidslijst"
    ]
    texts["formulier"] = docx_text(form)
    return texts


def test_the_secretariat_of_the_external_confidant_is_in_every_output_that_names_the_ggd(
    tmp_path: Path,
) -> None:
    texts = _texts(tmp_path)
    for kind in ("veiligheidsplan", "schoolgids", "site"):
        assert SHOWN in texts[kind], kind
        assert "[030 100 2010](tel:" in texts[kind], kind
    # the role's row and the organisation's row of the internal contact list
    assert (
        len(re.findall(re.escape(SHOWN + ", 030 100 2010, evp@ggd-testregio.example"), texts["formulier"]))
        == 2
    )


def test_no_secretariat_no_words_about_one(tmp_path: Path) -> None:
    (school,) = load_schools(
        policy_tree(tmp_path, SCHOOL, BOARD_WITH_GGD.replace(GGD[GGD.index("    secretariaat:") :], ""))
    )
    result = Renderer().render_school(build_context(school), school.template_dirs)
    assert all("secretariaat:" not in document.markdown.lower() for document in result.documents)
    assert any("GGD Testregio" in document.markdown for document in result.documents)
