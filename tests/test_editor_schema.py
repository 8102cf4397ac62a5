"""Editor help: the schema and the tool agree, and yaml-language-server (a real client over stdio) shows it.

The schema's patterns are compared with the tool's own parsers on many values; then the
language server checks the example files (no diagnostics), a set of wrong edits (Dutch
diagnostics, each also refused by the tool) and edits the tool accepts but an editor used to
mark red (no diagnostics, each also accepted by the tool), and completes catalogue ids with
their titles.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel
from support import require_program

from schoolveiligheid.brief.schema import CASE_SCHEMA_FILE, case_schema, case_schema_text
from schoolveiligheid.errors import InvalidInput
from schoolveiligheid.model import load_schools
from schoolveiligheid.model.patterns import BOOLEAN_TEXT, INTEGER_TEXT, date_pattern, school_year_pattern
from schoolveiligheid.model.schema import json_schema
from schoolveiligheid.model.values import Email, Phone, Postcode, SchoolYear, Url, parse_date

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
CASES = sorted((ROOT / "letters" / "voorbeelden").glob("*.yaml"))


def _accepts(parse: Any, text: str) -> bool:
    try:
        parse(text)
    except Exception:  # noqa: BLE001 - any refusal is a refusal
        return False
    return True


def _schema_pattern(kind: type) -> str:
    schema = kind.__get_pydantic_json_schema__(None, None)  # type: ignore[attr-defined]
    text = next(branch for branch in schema.get("anyOf", [schema]) if branch.get("type") == "string")
    assert text["patternErrorMessage"].startswith("ongeldig"), "a Dutch message for the pattern"
    return str(text["pattern"])


PHONES = [
    "020 123 4567", "0201234567", "06 1234 5678", "06-12345678", "(020) 123 45 67", "+31 20 123 4567",
    "0031 20 123 4567", "+31 (0)20 123 4567", "0800 2000", "0900-8844", "0800 1234567", "0800 12345678",
    "06-123", "06 1234 567", "020 123 45678", "123", "0101234567", "00 20 123 4567", "+32 20 123 4567",
    "0800 123", "0123 456 710", "06 2000 3344", "020/1234567", "020 123 4567 ", " 020.123.4567",
    "+3120123456", "0909 12345", "0906 1234567", "0901 1234",
]  # fmt: skip
DATES = [
    "2026-09-14", "2026-9-4", "14-09-2026", "4-9-2026", "21-09-2026", "2028-02-29", "2026-02-30",
    "2026-04-31", "2026-13-01", "31-12-2026", "32-12-2026", "2026/09/14", "14-09-26", "2026-09-14x",
    "2026-00-10", "2026-10-00", "2026-11-30", "30-11-2026", "31-11-2026",
]  # fmt: skip
EMAILS = ["info@school.nl", "Info@School.NL", "naam@school", "na am@school.nl", "a.b+c@x-y.example", "@x.nl"]
POSTCODES = ["1234 AB", "1234AB", "1234 ab", "0123 AB", "123 AB", "1234  AB", "1234 ABC"]
URLS = [
    "https://www.school.nl",
    "http://x.nl/pad?q=1",
    "HTTPS://www.school.nl",
    "www.school.nl",
    "https://localhost",
]
URLS += ["https://www.school.nl/met spatie", "ftp://school.nl", "https://school.nl/"]


@pytest.mark.parametrize(
    ("kind", "parse", "values"),
    [
        (Phone, Phone.parse, PHONES),
        (Email, Email.parse, EMAILS),
        (Postcode, Postcode.parse, POSTCODES),
        (Url, Url.parse, URLS),
    ],
    ids=["telefoon", "email", "postcode", "url"],
)
def test_each_pattern_accepts_exactly_what_the_tool_accepts(
    kind: type, parse: Any, values: list[str]
) -> None:
    pattern = re.compile(_schema_pattern(kind))
    disagree = [
        value for value in values if bool(pattern.search(value.strip())) != _accepts(parse, value.strip())
    ]
    assert not disagree
    assert not pattern.search("06-123"), "the issue's example"


def test_school_years_and_dates_agree_with_the_tool() -> None:
    years = re.compile(school_year_pattern())
    pairs = [
        f"{first}{sep}{first + step}"
        for first in range(1999, 2131)
        for step in (-1, 0, 1, 2, 10, 11)
        for sep in "-/"
    ]
    assert [pair for pair in pairs if bool(years.search(pair)) != _accepts(SchoolYear.parse, pair)] == []
    dates = re.compile(date_pattern())
    assert [value for value in DATES if bool(dates.search(value)) != _accepts(parse_date, value)] == []
    # The one thing a pattern cannot see (model/patterns.py): 29 February outside a leap year.
    assert dates.search("2026-02-29") and not _accepts(parse_date, "2026-02-29")


def test_numbers_and_booleans_as_text_read_as_the_tool_reads_them() -> None:
    class Values(BaseModel):
        number: int

    for text in ("3", " 3 ", "+3", "3.0", "007"):
        assert re.search(INTEGER_TEXT, text) and Values(number=text).number  # type: ignore[arg-type]
    for text in ("3,0", "drie", "3.5", ""):
        assert not re.search(INTEGER_TEXT, text)
    for word in ("true", "false", "True", "FALSE"):
        assert re.search(BOOLEAN_TEXT, word)
    for word in ("yes", "no", "ja", "nee", "on", "off", "1", "0", "y"):
        assert not re.search(BOOLEAN_TEXT, word)


def _properties(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{path}.{key}", value
        for key, value in node.items():
            if key != "if":  # a condition names a key, it does not describe one
                yield from _properties(value, f"{path}/{key}" if key != "properties" else path)
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item, path)


GENERIC = {"één regel tekst", "tekst", "gewone tekst", "id", "naam"}


@pytest.mark.parametrize("kind", ["school", "bestuur", "zaak"])
def test_every_property_has_its_own_dutch_description(kind: str) -> None:
    schema = case_schema() if kind == "zaak" else json_schema(kind)  # type: ignore[arg-type]
    found = list(_properties(schema))
    assert len(found) > 40
    missing = [path for path, value in found if not value.get("description")]
    generic = [path for path, value in found if value.get("description") in GENERIC]
    assert missing == [] and generic == []
    assert "één regel tekst" not in json.dumps(schema, ensure_ascii=False), "no generic hover text anywhere"


def test_catalogue_ids_are_choices_with_titles() -> None:
    schema = json_schema("school")
    for definition, key, example, title in [
        ("MethodChoice", "id", "kiva", "KiVa"),
        ("InstrumentChoice", "instrument", "vensters", None),
        ("Organisation", "soort", "veilig_thuis", None),
    ]:
        standard, own = schema["$defs"][definition]["properties"][key]["anyOf"]
        assert example in standard["enum"] and len(standard["enumDescriptions"]) == len(standard["enum"])
        if title:
            assert standard["enumDescriptions"][standard["enum"].index(example)] == title
        assert own["pattern"], "a school's own catalogue may add ids"


class _Yaml12Loader(yaml.SafeLoader):
    """YAML as an editor reads it (1.2 core): dates stay text, yes/no stay text."""


_Yaml12Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)
_Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_case_schema_is_committed_and_named_by_every_example() -> None:
    assert (ROOT / "schema" / CASE_SCHEMA_FILE).read_text(encoding="utf-8") == case_schema_text(), (
        "schema/ is verouderd: draai python generate.py schema --schrijf"
    )
    schema = case_schema()
    for path in CASES:
        text = path.read_text(encoding="utf-8")
        assert f"# yaml-language-server: $schema=../../schema/{CASE_SCHEMA_FILE}" in text.splitlines()
        jsonschema.validate(yaml.load(text, Loader=_Yaml12Loader), schema)  # noqa: S506 - a SafeLoader subclass


# --- yaml-language-server, as an editor runs it --------------------------------------------------


class LanguageServer:
    """A minimal LSP client: JSON-RPC with Content-Length headers over the server's stdin and stdout."""

    def __init__(self, node: str) -> None:
        self.process = subprocess.Popen(
            [node, str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.next_id = 0
        self.versions: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if not line:
                return
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _handle(self, message: dict[str, Any]) -> None:
        if message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            self.diagnostics[params["uri"]] = params["diagnostics"]
        elif "method" in message and "id" in message:  # the server asks: settings, registrations
            wanted = message.get("params", {}).get("items", [])
            result: Any = [self.settings.get(item.get("section", "")) for item in wanted] if wanted else None
            self.send({"id": message["id"], "result": result})

    settings: dict[str, Any] = {
        "yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}},
        "[yaml]": {},
        "editor": {"tabSize": 2},
    }

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        while True:
            message = self.messages.get(timeout=60)
            if message.get("id") == wanted and "method" not in message:
                assert "error" not in message, message
                return message.get("result")
            self._handle(message)

    def diagnose(self, uri: str, text: str) -> list[dict[str, Any]]:
        """Open (or change) a document and wait for the diagnostics of exactly this version."""
        self.diagnostics.pop(uri, None)
        version = self.versions.get(uri, 0) + 1
        self.versions[uri] = version
        if version == 1:
            document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
            self.send({"method": "textDocument/didOpen", "params": {"textDocument": document}})
        else:
            self.send(
                {
                    "method": "textDocument/didChange",
                    "params": {
                        "textDocument": {"uri": uri, "version": version},
                        "contentChanges": [{"text": text}],
                    },
                }
            )
        while uri not in self.diagnostics:
            self._handle(self.messages.get(timeout=60))
        return self.diagnostics[uri]

    def diagnose_all(self, documents: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
        """Open several documents at once and wait for the diagnostics of each: the server waits
        200 ms (its validationDelayMs) before it validates a document, once for all of them here."""
        for uri, text in documents.items():
            self.diagnostics.pop(uri, None)
            self.versions[uri] = 1
            document = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
            self.send({"method": "textDocument/didOpen", "params": {"textDocument": document}})
        while any(uri not in self.diagnostics for uri in documents):
            self._handle(self.messages.get(timeout=60))
        return {uri: self.diagnostics[uri] for uri in documents}

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.send({"method": "exit"})
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()


@pytest.fixture(scope="module")
def server() -> Iterator[LanguageServer]:
    node = require_program("node", "nodejs")
    if not SERVER.is_file():
        require_program(str(SERVER))  # skips on a laptop without `npm ci`, fails in CI
    client = LanguageServer(node)
    try:
        client.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": ROOT.as_uri(),
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "completion": {"completionItem": {"documentationFormat": ["plaintext"]}}
                    },
                },
            },
        )
        client.send({"method": "initialized", "params": {}})
        client.send({"method": "workspace/didChangeConfiguration", "params": {"settings": client.settings}})
        yield client
    finally:
        client.close()


EXAMPLES = [*sorted((ROOT / "policy").glob("*.yaml")), *CASES]


def test_the_examples_have_no_diagnostics(server: LanguageServer) -> None:
    diagnostics = server.diagnose_all({path.as_uri(): path.read_text(encoding="utf-8") for path in EXAMPLES})
    found = {path.name: diagnostics[path.as_uri()] for path in EXAMPLES}
    assert {name: diagnostics for name, diagnostics in found.items() if diagnostics} == {}
    assert len(found) == len(EXAMPLES) >= 13


SCHOOL = ROOT / "policy" / "vlinderboom.yaml"
BOARD = ROOT / "policy" / "bestuur.yaml"
CASE = ROOT / "letters" / "voorbeelden" / "schorsing.yaml"

# (file, text as it is, text after the edit, the Dutch message the editor must show)
WRONG = [
    (SCHOOL, "  telefoon: 0123 456 710\n  email", "  telefoon: 06-123\n  email", "ongeldig telefoonnummer"),
    (SCHOOL, "vastgesteld_op: 2026-09-21", "vastgesteld_op: 2026-13-21", "ongeldige datum"),
    (SCHOOL, "schooljaar: 2026-2027", "schooljaar: 2026-2028", "ongeldig schooljaar"),
    (SCHOOL, "  email: info@devlinderboom.example", "  email: info@devlinderboom", "ongeldig e-mailadres"),
    (SCHOOL, "status: vastgesteld", "status: vastgesteldd", "kies een van: concept, vastgesteld"),
    (
        SCHOOL,
        "protocol_bij_aanmelding: true",
        "protocol_bij_aanmelding: yes",
        "schrijf true (ja) of false (nee)",
    ),
    (SCHOOL, "max_schooldagen: 3", 'max_schooldagen: "drie"', "verwacht een geheel getal"),
    (CASE, "datum_brief:", "datum_brief: 30-02-2026\nx_datum:", "ongeldige datum"),
]
# Edits the tool accepts, which an editor marked red before (issue 14).
RIGHT = [
    (SCHOOL, "vastgesteld_op: 2026-09-21", "vastgesteld_op: 21-09-2026"),
    (SCHOOL, 'versie: "2.1"', "versie: 2.1"),
    (SCHOOL, "max_schooldagen: 3", 'max_schooldagen: "3"'),
    (SCHOOL, "  telefoon: 0123 456 710\n  email", "  telefoon: 0123456710\n  email"),
    (SCHOOL, "protocol_bij_aanmelding: true", 'protocol_bij_aanmelding: "true"'),
]


def _edited(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


@pytest.fixture(scope="module")
def policy_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("editor") / "policy"
    shutil.copytree(ROOT / "policy", folder)
    return folder


def _tool_accepts(folder: Path, path: Path, text: str) -> bool:
    """Whether the tool loads the example policy with this one file changed."""
    target = folder / path.name
    original = target.read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    try:
        load_schools(folder)
    except InvalidInput:
        return False
    finally:
        target.write_text(original, encoding="utf-8")
    return True


def _wrong_uri(index: int) -> str:
    path = WRONG[index][0]
    return path.with_name(f"bewerkt-{index}-{path.name}").as_uri()


def _right_uri(index: int) -> str:
    path = RIGHT[index][0]
    return path.with_name(f"goed-{index}-{path.name}").as_uri()


@pytest.fixture(scope="module")
def edits(server: LanguageServer) -> dict[str, list[dict[str, Any]]]:
    """The diagnostics of every edit in WRONG and RIGHT, each its own document, asked for at once:
    the server waits 200 ms before it validates a document, here once for all of them."""
    documents = {_wrong_uri(index): _edited(*WRONG[index][:3]) for index in range(len(WRONG))}
    documents |= {_right_uri(index): _edited(*RIGHT[index]) for index in range(len(RIGHT))}
    return server.diagnose_all(documents)


@pytest.mark.parametrize("index", range(len(WRONG)), ids=[w[3] for w in WRONG])
def test_a_wrong_edit_gets_a_dutch_diagnostic(
    edits: dict[str, list[dict[str, Any]]], policy_copy: Path, index: int
) -> None:
    path, old, new, message = WRONG[index]
    text = _edited(path, old, new)
    if path.parent.name != "voorbeelden":
        assert not _tool_accepts(policy_copy, path, text), "the tool refuses it too"
    diagnostics = edits[_wrong_uri(index)]
    messages = [diagnostic["message"] for diagnostic in diagnostics]
    assert any(message in shown for shown in messages), messages
    line = next(number for number, content in enumerate(text.splitlines()) if new.splitlines()[-1] in content)
    assert any(diagnostic["range"]["start"]["line"] in (line, line - 1) for diagnostic in diagnostics)


@pytest.mark.parametrize("index", range(len(RIGHT)), ids=[r[2] for r in RIGHT])
def test_what_the_tool_accepts_the_editor_accepts(
    edits: dict[str, list[dict[str, Any]]], policy_copy: Path, index: int
) -> None:
    path, old, new = RIGHT[index]
    assert _tool_accepts(policy_copy, path, _edited(path, old, new))
    assert edits[_right_uri(index)] == []


def _complete(server: LanguageServer, path: Path, text: str, marker: str) -> list[dict[str, Any]]:
    """Completion items at the place of `marker` (removed from the text)."""
    before = text[: text.index(marker)]
    uri = path.with_name(f"aanvullen-{marker.strip('<>')}-{path.name}").as_uri()
    server.diagnose(uri, text.replace(marker, "", 1))
    position = {"line": before.count("\n"), "character": len(before.rsplit("\n", 1)[-1])}
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position})
    return list(result["items"] if isinstance(result, dict) else result)


@pytest.mark.parametrize(
    ("old", "new", "expected", "title"),
    [
        ("  - id: vreedzame_school", "  - id: <hier>", "kiva", "KiVa"),
        ("    soort: ggd_jgz", "    soort: <hier>", "veilig_thuis", None),
        ("  - instrument: vensters", "  - instrument: <hier>", "zien", None),
    ],
    ids=["programma", "partner", "instrument"],
)
def test_catalogue_ids_are_completed_with_their_titles(
    server: LanguageServer, old: str, new: str, expected: str, title: str | None
) -> None:
    items = _complete(server, SCHOOL, _edited(SCHOOL, old, new), "<hier>")
    offered = {item["label"]: item.get("documentation") for item in items}
    assert expected in offered, sorted(offered)
    assert all(offered.values()), "every choice shows its title"
    if title:
        documentation = offered[expected]
        assert title == (documentation["value"] if isinstance(documentation, dict) else documentation)


def test_keys_are_completed_with_dutch_descriptions(server: LanguageServer) -> None:
    items = _complete(
        server, SCHOOL, _edited(SCHOOL, '  versie: "2.1"\n', '  versie: "2.1"\n  <hier>\n'), "<hier>"
    )
    offered = {item["label"]: item.get("documentation") for item in items}
    assert "open_punten" in offered, sorted(offered)
    shown = json.dumps(offered["open_punten"], ensure_ascii=False)
    assert "wat nog besloten moet worden" in shown
