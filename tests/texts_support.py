"""Every text a reader gets from the example policy and the reference folders, for the text checks.

One policy folder gives, per school: the documents (veiligheidsplan, pestprotocol, schoolgids) and the
site pages as Markdown, the forms as the lines of their Word files; and the letters of the folder's case
files (letters/voorbeelden for the example policy, brieven/ in a reference folder). Also the school's own
names (people, organisations, places, streets, systems, method titles), collected from the model, and
the names in the case files, so the spelling test knows them without a hand-made list.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from letters_support import docx_text
from pydantic import BaseModel
from support import load_yaml

from schoolveiligheid.brief import write_letter
from schoolveiligheid.context import build_context
from schoolveiligheid.context.forms import forms_context
from schoolveiligheid.model import load_schools
from schoolveiligheid.render import Renderer
from schoolveiligheid.writers.forms import FormWriter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_POLICY = ROOT / "policy"
POLICY_FOLDERS = (
    EXAMPLE_POLICY,
    *sorted(path for path in (ROOT / "voorbeelden").glob("referentie-*") if path.is_dir()),
)

# Fields of the model that hold a name rather than prose (person, organisation, street, place, system).
NAME_FIELDS = frozenset(
    {"name", "short_name", "title", "street", "place", "department", "system", "registration", "groups"}
)
# Keys of a case file that hold a name (the child, the recipients, a place of a meeting).
CASE_NAME_KEYS = frozenset({"voornaam", "achternaam", "naam", "straat", "plaats"})


@dataclass
class Text:
    """One document, page, form or letter: where it comes from, its kind and its text."""

    where: str  # e.g. "policy/vlinderboom/veiligheidsplan"
    kind: str  # veiligheidsplan, pestprotocol, schoolgids, site, formulier, brief
    school: str
    text: str
    markdown: bool


@dataclass
class Folder:
    texts: list[Text] = field(default_factory=list)
    names: dict[str, set[str]] = field(default_factory=dict)  # school id -> own names (and case names)


def _name_strings(node: object, key: str, found: set[str], depth: int = 0) -> None:
    if depth > 16:
        return
    if isinstance(node, str):
        if key in NAME_FIELDS:
            found.add(node)
        return
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            _name_strings(getattr(node, name), name, found, depth + 1)
    elif dataclasses.is_dataclass(node) and not isinstance(node, type):
        for item in dataclasses.fields(node):
            _name_strings(getattr(node, item.name), item.name, found, depth + 1)
    elif isinstance(node, dict):
        for value in node.values():
            _name_strings(value, key, found, depth + 1)
    elif isinstance(node, (list, tuple, set, frozenset)):
        for value in node:
            _name_strings(value, key, found, depth + 1)


def _case_names(node: object, key: str, found: set[str]) -> None:
    if isinstance(node, dict):
        for name, value in node.items():
            _case_names(value, str(name), found)
    elif isinstance(node, list):
        for value in node:
            _case_names(value, key, found)
    elif isinstance(node, str) and key in CASE_NAME_KEYS:
        found.add(node)


@cache
def folder_texts(folder: Path) -> Folder:
    """All texts of one policy folder (cached: the spelling and text-quality tests share them)."""
    result = Folder()
    renderer = Renderer()
    schools = load_schools(folder)
    tag = folder.name
    for school in schools:
        names: set[str] = set()
        _name_strings(school, "", names)
        result.names[school.id] = names
        rendered = renderer.render_school(build_context(school), school.template_dirs)
        for document in rendered.documents:
            where = f"{tag}/{school.id}/{document.kind}"
            result.texts.append(Text(where, document.kind, school.id, document.markdown, True))
        for number, page in enumerate(rendered.site_pages):
            where = f"{tag}/{school.id}/site-{number}"
            result.texts.append(Text(where, "site", school.id, page.markdown, True))
        with tempfile.TemporaryDirectory(prefix="formulieren-") as forms_dir:
            for path in FormWriter().write(
                forms_context(school), Path(forms_dir) / school.id, school.template_dirs
            ):
                where = f"{tag}/{school.id}/formulier:{path.stem}"
                result.texts.append(Text(where, "formulier", school.id, docx_text(path), False))
    cases = (ROOT / "letters" / "voorbeelden" if folder == EXAMPLE_POLICY else folder / "brieven").glob(
        "*.yaml"
    )
    with tempfile.TemporaryDirectory(prefix="brieven-") as letters_dir:
        for case in sorted(cases):
            data = load_yaml(case.read_text(encoding="utf-8"))
            school_id = str(data["school"])
            _case_names(data, "", result.names.setdefault(school_id, set()))
            for path in write_letter(case, folder, Path(letters_dir) / case.stem).paths:
                where = f"{tag}/brief:{path.stem}"
                result.texts.append(Text(where, "brief", school_id, docx_text(path), False))
    return result


def rendered_documents(folder: Path) -> dict[str, dict[str, str]]:
    """The Markdown of every document of every school of a policy folder: school id -> kind -> text."""
    renderer = Renderer()
    return {
        school.id: {
            document.kind: document.markdown
            for document in renderer.render_school(build_context(school), school.template_dirs).documents
        }
        for school in load_schools(folder)
    }


def all_texts() -> list[Text]:
    return [text for folder in POLICY_FOLDERS for text in folder_texts(folder).texts]


_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_ANGLE = re.compile(r"<[^>\n]*>")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w.-]+\.(?:example|nl|com|md|docx|pdf|svg)\b")
_ATTRIBUTES = re.compile(r"\{[#:.][^}]*\}")
_ADMONITION = re.compile(r"(?m)^(?:!!!|\?\?\?\+?) \w+")
_CODE = re.compile(r"`[^`]*`")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_ENTITY = re.compile(r"&#?\w+;")
_POSTCODE = re.compile(r"\b\d{4} ?[A-Z]{2}\b")


def plain(text: Text) -> str:
    """The words a reader sees: no link targets, HTML, Markdown codes or escapes; a web or e-mail
    address reads "adres" and a code "code", so the sentence around them stays whole."""
    value = text.text
    if text.markdown:
        value = _FRONT_MATTER.sub("", value)
        value = _CODE.sub("code", value)
        value = _LINK_TARGET.sub("]", value).replace("![", "[")
        value = _ANGLE.sub(lambda match: "adres" if re.search("[:@]", match.group()) else " ", value)
        value = _ATTRIBUTES.sub(" ", value)
        value = _ADMONITION.sub(" ", value)
        value = _ENTITY.sub(" ", value)
        value = value.replace("\\", "")
    value = _URL.sub("adres", value)
    value = _POSTCODE.sub(" ", value)
    return value
