"""The catalogue data in templates/catalogus/: shape, wording rules and own words.

These tests read the YAML directly (as plain data, not through the loader), so they guard the data even
while the catalogue loader changes; one test also runs the real loader.
"""

from __future__ import annotations

import re
from pathlib import Path

from support import load_yaml

from schoolveiligheid.model.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "templates" / "catalogus"
FILES = {
    "programmas.yaml": "programma",
    "aanpakken.yaml": "aanpak",
    "instrumenten.yaml": "instrument",
    "partners.yaml": "partner",
}

REQUIRED_IDS = {
    "programma": set(
        [
            "vreedzame_school",
            "kiva",
            "kanjertraining",
            "pbs",
            "leefstijl",
            "pad",
            "rots_en_water",
            "marietje_kessels",
            "gouden_weken",
            "week_tegen_pesten",
            "mediawijsheid",
            "kriebels_in_je_buik",
            "leerling_mediatoren",
            "groepsvergadering",
        ]
    ),
    "aanpak": set(
        [
            "opa",
            "no_blame",
            "vijfsporenaanpak",
            "herstelgesprekken",
            "zinvol_straffen",
            "praat_uit",
            "stop_loop_praat",
        ]
    ),
    "instrument": set(
        [
            "vensters",
            "zien",
            "kijk",
            "scol",
            "wmk",
            "kanvas",
            "kiva_monitor",
            "viseon",
            "sociogram",
            "leerlingtevredenheidspeiling",
            "oudertevredenheidspeiling",
            "medewerkerstevredenheidspeiling",
        ]
    ),
    "partner": set(
        [
            "ggd_jgz",
            "veilig_thuis",
            "politie",
            "leerplicht",
            "schoolmaatschappelijk_werk",
            "wijkteam",
            "cjg",
            "samenwerkingsverband",
            "schoolbegeleidingsdienst",
            "klachtencommissie",
            "externe_vertrouwenspersonen",
            "inspectie",
            "vertrouwensinspecteur",
            "onderwijsconsulenten",
            "geschillencommissie_passend_onderwijs",
            "jeugdhulp",
            "kinderopvang",
            "overig",
        ]
    ),
}
RESPONDENTS = {"leerlingen", "leerkrachten", "ouders", "medewerkers"}
COMMON_KEYS = {"id", "soort", "titel", "website", "doelgroep", "tekst"}
EXTRA_KEYS = {
    "programma": set(),
    "aanpak": {"stappen"},
    "instrument": {"respondenten", "vorm", "wettelijke_monitor"},
    "partner": {"standaard"},
}
RESIDUE = ("todo", "xxx", "<", "....", "…", "groep x", "{{", "}}")
# Names of programmes that happen to contain 'je'; they are not forms of address.
PROPER_NAMES = ("kriebels in je buik",)


def load(name: str) -> list[dict]:
    data = load_yaml((CATALOGUE / name).read_text(encoding="utf-8"))
    assert isinstance(data, list), f"{name} moet een lijst van items zijn"
    return data


ENTRIES = [(name, entry) for name in FILES for entry in load(name)]


def by_kind(kind: str) -> list[dict]:
    return [entry for name, entry in ENTRIES if FILES[name] == kind]


def texts(entry: dict) -> list[str]:
    """All prose a document may print for this entry."""
    return [entry.get("titel", ""), entry.get("tekst", ""), *entry.get("stappen", [])]


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if part]


def test_every_file_is_a_nonempty_list_of_mappings() -> None:
    for name in FILES:
        data = load(name)
        assert data, f"{name} is leeg"
        assert all(isinstance(entry, dict) for entry in data), name


def test_ids_are_unique_across_files_and_snake_case() -> None:
    ids = [entry["id"] for _, entry in ENTRIES]
    duplicates = sorted({entry_id for entry_id in ids if ids.count(entry_id) > 1})
    assert not duplicates
    for entry_id in ids:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", entry_id), entry_id


def test_soort_matches_file() -> None:
    for name, entry in ENTRIES:
        assert entry.get("soort") == FILES[name], f"{name}: {entry['id']}"


def test_only_known_keys_per_kind() -> None:
    for name, entry in ENTRIES:
        allowed = COMMON_KEYS | EXTRA_KEYS[FILES[name]]
        assert set(entry) <= allowed, f"{entry['id']}: onbekende sleutels {set(entry) - allowed}"


def test_required_ids_are_present() -> None:
    for kind, required in REQUIRED_IDS.items():
        present = {entry["id"] for entry in by_kind(kind)}
        assert required <= present, f"{kind}: ontbreekt {sorted(required - present)}"


def test_enough_methods_and_instruments() -> None:
    counted = [entry for _, entry in ENTRIES if entry["soort"] in {"programma", "aanpak", "instrument"}]
    assert len(counted) >= 15
    assert len(by_kind("programma")) >= 14


def test_every_entry_has_title_and_text() -> None:
    for _, entry in ENTRIES:
        assert isinstance(entry.get("titel"), str) and entry["titel"].strip(), entry["id"]
        assert "\n" not in entry["titel"].strip(), entry["id"]
        assert isinstance(entry.get("tekst"), str) and entry["tekst"].strip(), entry["id"]


def test_text_length_fits_the_reader() -> None:
    for _, entry in ENTRIES:
        count = len(sentences(entry["tekst"]))
        low, high = (1, 2) if entry["soort"] == "partner" else (2, 5)
        assert low <= count <= high, f"{entry['id']}: {count} zinnen, verwacht {low}-{high}"
        # A school's own text may be at most 1500 characters; ours stays well below.
        assert len(entry["tekst"]) <= 1000, entry["id"]


def test_aanpak_has_three_to_six_single_line_steps_without_numbers() -> None:
    for entry in by_kind("aanpak"):
        steps = entry.get("stappen")
        assert isinstance(steps, list) and 3 <= len(steps) <= 6, entry["id"]
        for step in steps:
            assert isinstance(step, str) and step.strip() and "\n" not in step, entry["id"]
            # Group sizes and terms are set per school, never in the standard text.
            assert not re.search(r"\d", step), f"{entry['id']}: {step}"
    assert all("stappen" not in entry for _, entry in ENTRIES if entry["soort"] != "aanpak")


def test_instruments_declare_respondents_form_and_legal_monitor() -> None:
    for entry in by_kind("instrument"):
        assert entry.get("respondenten") in RESPONDENTS, entry["id"]
        assert entry.get("vorm") in {"vragenlijst", "observatie", "sociogram"}, entry["id"]
        assert isinstance(entry.get("wettelijke_monitor"), bool), entry["id"]
        if entry["wettelijke_monitor"]:
            # The legal monitor asks pupils themselves how safe they feel.
            assert (entry["respondenten"], entry["vorm"]) == ("leerlingen", "vragenlijst"), entry["id"]
    observed = {entry["id"]: entry for entry in by_kind("instrument")}
    assert observed["zien"]["respondenten"] == observed["kijk"]["respondenten"] == "leerkrachten"
    assert any(entry["wettelijke_monitor"] for entry in observed.values())


def test_standard_contacts_are_sourced_and_well_formed() -> None:
    standards = {entry["id"]: entry["standaard"] for entry in by_kind("partner") if "standaard" in entry}
    assert {"veilig_thuis", "vertrouwensinspecteur", "inspectie", "onderwijsconsulenten"} <= set(standards)
    for entry_id, standard in standards.items():
        assert set(standard) <= {"telefoon", "website", "bron"}, entry_id
        assert str(standard.get("bron", "")).startswith("https://"), entry_id
        if "website" in standard:
            assert standard["website"].startswith("https://"), entry_id
        if "telefoon" in standard:
            assert isinstance(standard["telefoon"], str), f"{entry_id}: telefoon tussen aanhalingstekens"
            digits = re.sub(r"\s", "", standard["telefoon"])
            assert re.fullmatch(r"0[1-9]\d{8}|0(800|900)\d{4,7}", digits), entry_id
    assert standards["veilig_thuis"]["telefoon"] == "0800 2000"
    assert standards["vertrouwensinspecteur"]["telefoon"] == "0900 111 3 111"


def test_websites_are_https_addresses() -> None:
    for _, entry in ENTRIES:
        if "website" in entry:
            assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?", entry["website"]), entry["id"]


def test_no_placeholder_residue() -> None:
    for _, entry in ENTRIES:
        for text in texts(entry):
            lowered = text.lower()
            for residue in RESIDUE:
                assert residue not in lowered, f"{entry['id']}: '{residue}' in {text!r}"


def test_no_text_ends_a_sentence_with_a_question_mark() -> None:
    for _, entry in ENTRIES:
        for text in texts(entry):
            assert not re.search(r"\?(\s|$)", text), f"{entry['id']}: {text!r}"


def test_texts_have_no_headings_or_links() -> None:
    for _, entry in ENTRIES:
        assert not re.search(r"(?m)^\s{0,3}#", entry["tekst"]), entry["id"]
        assert not re.search(r"https?://|www\.|\]\(", entry["tekst"]), entry["id"]


def test_texts_are_neutral_third_person() -> None:
    for _, entry in ENTRIES:
        for text in texts(entry):
            lowered = text.lower()
            for name in PROPER_NAMES:
                lowered = lowered.replace(name, "")
            found = re.findall(r"\b(je|jij|jou|jouw|jullie|u|uw)\b", lowered)
            assert not found, f"{entry['id']}: {found} in {text!r}"


def test_the_real_catalogue_loader_accepts_every_entry() -> None:
    catalogue = load_catalogue([CATALOGUE])
    for kind in REQUIRED_IDS:
        assert REQUIRED_IDS[kind] <= catalogue.ids(kind)
    assert catalogue["no_blame"].steps
    assert catalogue["veilig_thuis"].standard is not None
