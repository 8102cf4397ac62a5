"""From a policy folder to validated, resolved school models: the contract for every later stage.

`load_schools()` reads every file, merges each school over its board, validates
everything and resolves references (who holds which role, the national data of
standard organisations). All problems of all files are raised together.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ..confine import OutsideFolder, is_inside, resolve_inside
from ..errors import InvalidInput, Problem
from ..load import MarkedDict, MarkedList, PolicyFiles, read_policy_folder
from .base import GENERIC_ACTORS
from .catalogue import Catalogue, load_catalogue
from .inherit import limit_problems, merge
from .parts import Organisation, Person, default_groups
from .policy import BoardFile, Policy
from .resolve import ResolvedRole, resolve_board, resolve_organisations, resolve_people, resolve_roles
from .validate import problems_from
from .values import suggest

DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True, slots=True)
class SchoolModel:
    """A validated school policy with its board values inherited and references resolved."""

    policy: Policy
    catalogue: Catalogue
    source: Path
    board_source: Path | None
    template_dirs: tuple[Path, ...]
    logo: Path | None
    roles: Mapping[str, ResolvedRole]
    people: Mapping[str, Person]
    organisations: Mapping[str, Organisation]
    raw: MarkedDict

    @property
    def id(self) -> str:
        """The school's id, also the name of its output folders."""
        return self.policy.school.id

    @property
    def law(self) -> Literal["WPO", "WEC"]:
        """The law that governs the school: WEC for special education, else WPO."""
        return "WEC" if self.policy.school.type in {"so", "vso"} else "WPO"

    def role(self, role_id: str) -> ResolvedRole | None:
        """The resolved role, or None when the school has not filled it."""
        return self.roles.get(role_id)


def _ids(raw: Any, key: str) -> set[str]:
    items = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        return set()
    return {str(item["id"]) for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _validation_context(raw: MarkedDict, catalogue: Catalogue) -> dict[str, Any]:
    roles = raw.get("rollen")
    filled = (
        {str(key) for key, value in roles.items() if value is not None} if isinstance(roles, dict) else set()
    )
    school = raw.get("school")
    groups = school.get("groepen") if isinstance(school, dict) else None
    organisations = _ids(raw, "organisaties")
    actors = filled | set(GENERIC_ACTORS)
    context: dict[str, Any] = {
        "personen": _ids(raw, "personen"),
        "organisaties": organisations,
        "documenten": _ids(raw, "documenten"),
        "actoren": actors,
        "stappen": actors | organisations,
        "groepen": [str(group) for group in groups]
        if isinstance(groups, list) and groups
        else list(default_groups()),
    }
    for kind in ("programma", "aanpak", "instrument", "partner"):
        context[f"catalogus_{kind}"] = catalogue.ids(kind)
    return context


def _duplicate_ids(raw: MarkedDict) -> list[Problem]:
    problems = []
    for key in ("personen", "organisaties", "documenten"):
        items = raw.get(key)
        if not isinstance(items, MarkedList):
            continue
        seen: dict[str, int] = {}
        for item in items:
            if (
                not isinstance(item, MarkedDict)
                or not isinstance(item.get("id"), str)
                or "id" not in item.marks
            ):
                continue
            mark = item.marks["id"]
            if item["id"] in seen and seen[item["id"]] != mark.line:
                problems.append(
                    Problem(
                        mark.file,
                        mark.line,
                        mark.key,
                        f"id '{item['id']}' komt twee keer voor in {key}",
                        "geef elk item een eigen id; een school vervangt een item van het bestuur met dezelfde id",
                    )
                )
            seen.setdefault(item["id"], mark.line)
    return problems


def _folder_of(raw: MarkedDict) -> Path:
    return Path(raw.mark.file).parent


def _template_dirs(
    school_raw: MarkedDict, board_raw: MarkedDict | None
) -> tuple[tuple[Path, ...], list[Problem]]:
    """The school's and the board's own template folders, each inside the folder of its file."""
    dirs: list[Path] = []
    problems: list[Problem] = []
    for raw in (school_raw, board_raw):
        if raw is not None and isinstance(raw.get("sjablonen"), str):
            folder, wrong = _template_dir(raw)
            problems += wrong
            if folder is not None:
                dirs.append(folder)
    return tuple(dirs), problems


# How many files and folders of one template folder are checked for links to elsewhere.
TEMPLATE_FOLDER_MAX_ENTRIES = 5_000


def _template_dir(raw: MarkedDict) -> tuple[Path | None, list[Problem]]:
    value = raw["sjablonen"]
    mark = raw.marks["sjablonen"]

    def problem(message: str, hint: str) -> list[Problem]:
        return [Problem(mark.file, mark.line, "sjablonen", message, hint)]

    try:
        folder = resolve_inside(_folder_of(raw), value)
    except OutsideFolder as error:
        return None, problem(
            f"deze sjablonenmap kan niet worden gebruikt: {error}",
            "zet de sjablonen in een map naast dit bestand, bijvoorbeeld sjablonen/<school>, "
            "en schrijf het pad vanaf dit bestand (zonder ../ en zonder / aan het begin)",
        )
    try:
        exists = folder.is_dir()
    except OSError:
        exists = False
    if not exists:
        return None, problem(f"de map '{value}' bestaat niet", "maak de map of pas het pad aan")
    outside = _links_out_of(folder)
    if outside is None:
        return None, problem(
            f"de sjablonenmap '{value}' bevat meer dan {TEMPLATE_FOLDER_MAX_ENTRIES} bestanden en mappen",
            "geef een map met alleen de eigen sjablonen van de school of het bestuur",
        )
    if outside:
        return None, problem(
            f"in de sjablonenmap verwijst '{outside[0]}' naar een plek buiten die map"
            + (f" (en nog {len(outside) - 1})" if len(outside) > 1 else ""),
            "zet het bestand zelf in de sjablonenmap, niet een (symbolische) link naar elders",
        )
    return folder, []


def _links_out_of(folder: Path) -> list[str] | None:
    """Names (relative to folder) of links that lead out of it; None when the folder is too big to check."""
    outside: list[str] = []
    count = 0
    for current, dirs, files in os.walk(folder):
        for name in (*dirs, *files):
            count += 1
            if count > TEMPLATE_FOLDER_MAX_ENTRIES:
                return None
            path = Path(current) / name
            if path.is_symlink() and not is_inside(path, folder):
                outside.append(path.relative_to(folder).as_posix())
    return sorted(outside)


@cache
def _catalogue(dirs: tuple[Path, ...]) -> Catalogue:
    folders = [DEFAULT_TEMPLATES / "catalogus", *(d / "catalogus" for d in reversed(dirs))]
    return load_catalogue(folders)


def _logo(policy: Policy, raw: MarkedDict) -> tuple[Path | None, list[Problem]]:
    if policy.school.logo is None:
        return None, []
    mark = raw["school"].marks["logo"]
    try:
        path = resolve_inside(_folder_of(raw), policy.school.logo)
    except OutsideFolder as error:
        return None, [
            Problem(
                mark.file,
                mark.line,
                mark.key,
                f"dit logo kan niet worden gebruikt: {error}",
                "zet het logo in de map van dit bestand of een map daaronder, bijvoorbeeld logo/school.png",
            )
        ]
    if not path.is_file():
        return None, [
            Problem(
                mark.file,
                mark.line,
                mark.key,
                f"logo '{policy.school.logo}' bestaat niet",
                "controleer het pad vanaf dit bestand",
            )
        ]
    if path.suffix.lower() not in {".png", ".jpg", ".jpeg"} or not _looks_like_image(path):
        return None, [
            Problem(
                mark.file,
                mark.line,
                mark.key,
                "het logo moet een PNG- of JPG-bestand zijn",
                "exporteer het logo als PNG",
            )
        ]
    return path, []


def _looks_like_image(path: Path) -> bool:
    """A PNG or JPEG by its first bytes: a renamed text file would break every Word file with a letterhead."""
    with path.open("rb") as file:
        head = file.read(8)
    return head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"))


def _board_for(
    school_raw: MarkedDict, boards: Mapping[str, MarkedDict]
) -> tuple[MarkedDict | None, list[Problem]]:
    school = school_raw.get("school")
    board_id = school.get("bestuur") if isinstance(school, MarkedDict) else None
    if board_id is not None and not isinstance(board_id, str):
        return None, []  # not an id: validation reports school.bestuur with its line
    if board_id is None:
        if "bestuur" in school_raw:
            return None, []
        mark = school_raw.marks.get("school", school_raw.mark)
        return None, [
            Problem(
                mark.file,
                mark.line,
                "school.bestuur",
                "de school noemt geen bestuur",
                "zet bestuur: <id> onder school en maak een bestuursbestand, of zet een blok bestuur: in dit bestand",
            )
        ]
    if board_id in boards:
        if "bestuur" in school_raw:
            mark = school_raw.marks["bestuur"]
            return boards[board_id], [
                Problem(
                    mark.file,
                    mark.line,
                    "bestuur",
                    f"de bestuursgegevens staan al in het bestuursbestand van '{board_id}'",
                    "haal dit blok weg; de school erft de gegevens van het bestuur",
                )
            ]
        return boards[board_id], []
    assert isinstance(school, MarkedDict)  # board_id came from it
    mark = school.marks["bestuur"]
    return None, [
        Problem(
            mark.file,
            mark.line,
            "school.bestuur",
            f'bestuur "{board_id}" bestaat niet in deze map',
            "; ".join(
                filter(
                    None, [_suggest_board(board_id, boards), "maak een bestuursbestand met bestuur: id: …"]
                )
            ),
        )
    ]


def _suggest_board(board_id: str, boards: Mapping[str, MarkedDict]) -> str:
    return suggest(str(board_id), boards) if boards else ""


def _validate_board(raw: MarkedDict) -> list[Problem]:
    """Check a board file's structure on its own, so its mistakes are reported once, at its lines."""
    try:
        BoardFile.model_validate(raw, context={})
    except ValidationError as error:
        return problems_from(error, raw, BoardFile)
    return []


def _school_model(
    school_raw: MarkedDict, board_raw: MarkedDict | None
) -> tuple[SchoolModel | None, list[Problem]]:
    dirs, problems = _template_dirs(school_raw, board_raw)
    try:
        catalogue = _catalogue(dirs)
    except InvalidInput as error:
        return None, [*problems, *error.problems]
    merged = merge(board_raw, school_raw) if board_raw is not None else school_raw
    if board_raw is not None:
        problems += limit_problems(board_raw, school_raw)
    problems += _duplicate_ids(merged)
    try:
        policy = Policy.model_validate(merged, context=_validation_context(merged, catalogue))
    except ValidationError as error:
        return None, problems + problems_from(error, merged, Policy)
    logo, wrong = _logo(policy, school_raw)
    problems += wrong
    policy = policy.model_copy(update={"board": resolve_board(policy)})  # publication settled, like others
    organisations = resolve_organisations(policy, catalogue)
    people = resolve_people(policy, organisations)
    roles, wrong = resolve_roles(policy, people, organisations, merged)
    problems += wrong
    model = SchoolModel(
        policy=policy,
        catalogue=catalogue,
        source=Path(school_raw.mark.file),
        board_source=Path(board_raw.mark.file) if board_raw is not None else None,
        template_dirs=dirs,
        logo=logo,
        roles=roles,
        people=people,
        organisations=organisations,
        raw=merged,
    )
    return model, problems


def _boards_by_id(files: PolicyFiles) -> tuple[dict[str, MarkedDict], list[Problem]]:
    boards: dict[str, MarkedDict] = {}
    problems: list[Problem] = []
    for raw in files.boards:
        problems += _validate_board(raw)
        board = raw.get("bestuur")
        board_id = board.get("id") if isinstance(board, MarkedDict) else None
        if not isinstance(board_id, str):
            continue
        if board_id in boards and isinstance(board, MarkedDict):
            mark = board.marks["id"]
            problems.append(
                Problem(
                    mark.file,
                    mark.line,
                    "bestuur.id",
                    f"bestuur '{board_id}' staat in twee bestanden",
                    "geef elk bestuur één bestand",
                )
            )
        boards[board_id] = raw
    return boards, problems


def load_schools(folder: Path) -> list[SchoolModel]:
    """Every school in a policy folder, validated and resolved; raises InvalidInput with all problems."""
    files = read_policy_folder(folder)
    boards, problems = _boards_by_id(files)
    schools: list[SchoolModel] = []
    seen: dict[str, str] = {}
    for school_raw in files.schools:
        board_raw, wrong = _board_for(school_raw, boards)
        problems += wrong
        model, wrong = _school_model(school_raw, board_raw)
        problems += wrong
        if model is None:
            continue
        if model.id in seen:
            mark = school_raw["school"].marks["id"]
            problems.append(
                Problem(
                    mark.file,
                    mark.line,
                    "school.id",
                    f"school-id '{model.id}' komt ook voor in {seen[model.id]}",
                    "geef elke school een eigen id",
                )
            )
        seen.setdefault(model.id, school_raw.mark.file)
        schools.append(model)
    if problems:
        raise InvalidInput(dict.fromkeys(problems))
    return schools
