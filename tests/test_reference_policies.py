"""The reference policies in voorbeelden/: real school documents expressed in YAML, element by element.

Each folder voorbeelden/referentie-NNN/ is a policy folder (a board and its schools) that expresses one
reference document with fictional people and places. Its controle/elementen.yaml lists every
substantive element of the document with the documents it belongs in and a `bewijs`: a phrase from the
folder's data that must reach each of those documents (or a list of phrases that must all be there, or
per document one of these). Elements that wait for a feature (`wacht_op`)
are counted and shown, not asserted; elements left out on purpose (`weg`) must say why.

Besides the four documents, an element may name a letter (`brief:<soort>`, e.g. brief:schorsing) or a
form (`formulier:<naam>`, e.g. formulier:logboek-signalen). Forms are made for every school; letters
for the fictional case files in the folder's brieven/*.yaml, each for its own school. A letter or form
element is checked in every school that has that letter or form (or in the schools it names).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from functools import cache
from pathlib import Path

import pytest
from letters_support import docx_text
from support import load_yaml

from schoolveiligheid.brief import write_letter
from schoolveiligheid.context import build_context
from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers.forms import FORMS, FormWriter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "voorbeelden"
FOLDERS = sorted(path for path in EXAMPLES.glob("referentie-*") if path.is_dir())
DOCUMENTS = {"veiligheidsplan", "pestprotocol", "schoolgids", "site"}
LETTER, FORM = "brief:", "formulier:"
WORD = re.compile(r"[0-9a-zà-ÿ]+")


def _normal(text: str) -> str:
    """Text as compared: no Markdown escapes or emphasis, one space between words, lower case."""
    text = text.replace("\\", "").replace("*", "").replace("’", "'")
    return re.sub(r"\s+", " ", text).lower()


@cache
def rendered(folder: Path) -> dict[str, dict[str, str]]:
    """Every document and the site pages of every school in the folder: school id -> kind -> text."""
    texts: dict[str, dict[str, str]] = {}
    renderer = Renderer()
    for school in load_schools(folder):  # raises InvalidInput when the folder does not validate
        result = renderer.render_school(build_context(school), school.template_dirs)
        kinds = {document.kind: _normal(document.markdown) for document in result.documents}
        kinds["site"] = _normal("\n".join(page.markdown for page in result.site_pages))
        texts[school.id] = kinds
    with tempfile.TemporaryDirectory(prefix="formulieren-") as forms_dir:
        writer = FormWriter()
        for school in load_schools(folder):
            for path in writer.write(
                forms_context(school), Path(forms_dir) / school.id, school.template_dirs
            ):
                texts[school.id][FORM + path.stem] = _normal(docx_text(path))
    with tempfile.TemporaryDirectory(prefix="brieven-") as letters_dir:  # never beside the forms: refused
        for case in sorted((folder / "brieven").glob("*.yaml")):
            data = load_yaml(case.read_text(encoding="utf-8"))
            written = write_letter(case, folder, Path(letters_dir) / case.stem).paths
            text = _normal("\n".join(docx_text(path) for path in written))
            key = LETTER + str(data["brief"])
            previous = texts[str(data["school"])].get(key)
            texts[str(data["school"])][key] = text if previous is None else previous + "\n" + text
    return texts


def known_document(document: str, folder: Path) -> bool:
    """One of the four documents, a form every school gets, or a letter with a case in brieven/."""
    if document.startswith(FORM):
        return document.removeprefix(FORM) in FORMS
    if document.startswith(LETTER):
        kinds = {
            str(load_yaml(case.read_text(encoding="utf-8")).get("brief"))
            for case in (folder / "brieven").glob("*.yaml")
        }
        return document.removeprefix(LETTER) in kinds
    return document in DOCUMENTS


def elements(folder: Path) -> list[dict[str, object]]:
    data = load_yaml((folder / "controle" / "elementen.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, f"{folder.name}: controle/elementen.yaml is leeg"
    return data


def status(element: dict[str, object]) -> str:
    found = [key for key in ("bewijs", "wacht_op", "weg") if key in element]
    assert len(found) == 1, f"{element.get('id')}: geef precies één van bewijs, wacht_op of weg ({found})"
    return found[0]


def test_there_are_reference_folders() -> None:
    assert {"referentie-001", "referentie-002", "referentie-004"} <= {folder.name for folder in FOLDERS}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda path: path.name)
def test_element_list_is_well_formed(folder: Path) -> None:
    seen: set[str] = set()
    for element in elements(folder):
        identifier = element.get("id")
        assert isinstance(identifier, str) and identifier not in seen, f"dubbel of leeg id: {identifier}"
        seen.add(identifier)
        assert isinstance(element.get("wat"), str) and element["wat"], f"{identifier}: wat ontbreekt"
        kind = status(element)
        value = element[kind]
        if kind == "weg":
            assert isinstance(value, str) and len(value.split()) >= 3, f"{identifier}: weg zonder reden"
            continue
        documents = element.get("documenten")
        assert isinstance(documents, list), f"{identifier}: documenten ontbreekt"
        unknown = [document for document in documents if not known_document(str(document), folder)]
        assert not unknown, f"{identifier}: onbekend document (of brief zonder zaak in brieven/) {unknown}"
        if kind == "wacht_op":
            assert isinstance(value, str) and value, f"{identifier}: wacht_op zonder functie"
        else:
            assert documents, f"{identifier}: een bewijs hoort bij minstens één document"
            if isinstance(value, dict):
                assert set(value) == set(documents), (
                    f"{identifier}: bewijs per document moet elk document noemen"
                )


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda path: path.name)
def test_every_element_reaches_its_documents(folder: Path) -> None:
    texts = rendered(folder)
    missing: list[str] = []
    counts = {"bewijs": 0, "wacht_op": 0, "weg": 0}
    waiting: dict[str, int] = {}
    for element in elements(folder):
        kind = status(element)
        counts[kind] += 1
        if kind == "wacht_op":
            feature = str(element["wacht_op"])
            waiting[feature] = waiting.get(feature, 0) + 1
        if kind != "bewijs":
            continue
        proof = element["bewijs"]
        for document in element["documenten"]:  # type: ignore[attr-defined]
            found = proof[document] if isinstance(proof, dict) else proof
            phrases = found if isinstance(found, list) else [found]  # a list: every phrase must be there
            schools = element.get("scholen") or [school for school in texts if document in texts[school]]
            if not schools:
                missing.append(f"{element['id']}: geen school heeft {document}")
            for school in schools:  # type: ignore[attr-defined]
                for phrase in phrases:
                    if _normal(str(phrase)) not in texts[school].get(document, ""):
                        missing.append(f"{element['id']}: '{phrase}' staat niet in {document} van {school}")
    print(f"\n{folder.name}: {counts['bewijs']} getoetst, {counts['wacht_op']} wacht_op, {counts['weg']} weg")
    for feature, number in sorted(waiting.items(), key=lambda item: -item[1]):
        print(f"  wacht_op {feature}: {number}")
    assert not missing, "\n".join(missing)


def _forbidden_hashes() -> set[str]:
    lines = (EXAMPLES / "namen-uit-referenties.sha256").read_text(encoding="utf-8").splitlines()
    hashes = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    assert len(hashes) >= 20 and all(re.fullmatch(r"[0-9a-f]{64}", value) for value in hashes)
    return hashes


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda path: path.name)
def test_no_real_name_from_the_references(folder: Path) -> None:
    """No name of a person, school, board or place from the reference documents is in the folder.

    The names are stored as sha256 of their lower-case words, so they are not in the repository either.
    """
    forbidden = _forbidden_hashes()
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        words = WORD.findall(path.read_text(encoding="utf-8").lower())
        for size in range(1, 5):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                digest = hashlib.sha256(phrase.encode()).hexdigest()
                assert digest not in forbidden, f"{path.relative_to(ROOT)}: een echte naam uit een referentie"


def test_reference_folders_are_not_built_by_default() -> None:
    """The default `generate.py` builds policy/ only: these folders are for the tests."""
    assert all(not folder.resolve().is_relative_to((ROOT / "policy").resolve()) for folder in FOLDERS)
