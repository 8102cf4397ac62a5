"""Command line: parse Dutch arguments, call one function per command, decide the exit code.

Exit codes, decided here and nowhere else:
  0  klaar, niets aan de hand
  1  het werk kon niet (helemaal) gedaan worden: bevindingen met ernst 'fout',
     een vastgestelde school met fouten, of een schrijver die faalde (LibreOffice,
     een Word-sjabloon of master.docx die niet te gebruiken is, een map zonder schrijfrecht)
  2  ongeldige invoer (beleid, zaakbestand, Markdown-sjablonen: met bestand en regel)
     of verkeerd gebruik van de opdracht
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from . import __version__
from .console import command, program_name, safe_console
from .errors import BuildFailed, InvalidInput, Problem, ToolMissing, display_path
from .paths import (
    ARCHIVE_OUTPUT,
    DEFAULT_LETTERS,
    DEFAULT_POLICY,
    DOCUMENTS_OUTPUT,
    IN_CHECKOUT,
    ROOT,
    SCHEMA_FILES,
    SCHEMA_FOLDER,
    SITE_OUTPUT,
)

# Each command imports what it runs on (the model, Jinja, python-docx, MkDocs, ...) when it runs:
# building the parser loads none of it, so `--help` and a rebuild with nothing to do start at once.
if TYPE_CHECKING:
    from .checks import Finding
    from .overrides import Override

T = TypeVar("T")

_ARGPARSE_ERRORS = (
    ("the following arguments are required: ", "deze argumenten ontbreken: "),
    ("unrecognized arguments: ", "onbekende argumenten: "),
    ("invalid choice: ", "ongeldige keuze: "),
    ("(choose from ", "(kies uit "),
    ("expected one argument", "hier hoort één waarde bij"),
    ("ignored explicit argument ", "deze optie neemt geen waarde: "),
    ("expected at least one argument", "hier hoort minstens één waarde bij"),
    ("invalid Path value: ", "ongeldige map: "),
    ("argument ", "argument "),
)


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


class _DutchHelp(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:  # noqa: E501
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch help and errors that raise instead of exiting."""

    def __init__(self, **options: object) -> None:
        super().__init__(add_help=False, formatter_class=_DutchHelp, **options)  # type: ignore[arg-type]
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for english, dutch in _ARGPARSE_ERRORS:
            message = message.replace(english, dutch)
        words = self.prog.split()[len(program_name().split()) :]  # the subcommand, if any
        raise UsageError(f"{message}\n  tip: {command([*words, '--help'])}")


def _add_policy(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--policy",
        type=Path,
        default=DEFAULT_POLICY,
        metavar="MAP",
        help="map met de YAML-bestanden (standaard: policy/ in de projectmap, of in de huidige map "
        "als schoolveiligheid geïnstalleerd is)",
    )


def _add_only(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--school",
        action="append",
        default=[],
        metavar="ID",
        help="alleen deze school (mag vaker); standaard alle scholen",
    )


VERSIONS_HELP = """\
voorbeelden:
  python generate.py verschil oud/vlinderboom.yaml policy/vlinderboom.yaml
  python generate.py verschil policy/vlinderboom.yaml@HEAD~1 policy/vlinderboom.yaml
  python generate.py verschil policy/vlinderboom.yaml --rev v2026 --uitvoer wijzigingen.md

Een VERSIE is een schoolbestand, eventueel met @REVISIE: het bestand zoals het in die git-revisie was
(een commit, tag of HEAD~1). Het bestuursbestand in dezelfde map doet mee, zoals bij bouw."""


def _add_verschil(commands: Any) -> None:
    verschil = commands.add_parser(
        "verschil",
        help="vat voor de MR samen wat er tussen twee versies van een schoolbestand veranderd is",
        description="Vergelijkt twee versies van het beleid van een school en schrijft in gewone taal wat er\n"
        "veranderd is: rollen en personen, contactgegevens, methoden, monitoring, termijnen en stappen.",
        epilog=VERSIONS_HELP,
    )
    verschil.add_argument(
        "versies", nargs="+", metavar="VERSIE", help="OUD en NIEUW: BESTAND of BESTAND@REVISIE"
    )
    verschil.add_argument(
        "--rev", metavar="REVISIE", help="vergelijk BESTAND in deze git-revisie met BESTAND zoals het nu is"
    )
    verschil.add_argument(
        "--uitvoer",
        type=Path,
        metavar="BESTAND",
        help="schrijf de samenvatting naar dit bestand (standaard: scherm)",
    )


PLACES_HELP = """\
zo gebruik je een plaats in het beleidsbestand:
  eigen_teksten:
    - bestand: teksten/steungroep.md
      plaats: vervangt pestprotocol/curatieve-aanpak#steungroepaanpak   # een sectie vervangen
    - bestand: teksten/praatkaart.md
      plaats: na veiligheidsplan/aanpak-incidenten-en-pesten           # een nieuw hoofdstuk erna
    - bestand: teksten/crisismodel.md
      plaats: bijlage veiligheidsplan                                  # Bijlage A, B, ... achteraan

De plaatsen hangen af van de gegevens van de school (een hoofdstuk zonder gegevens ontbreekt)."""


def _add_brief(commands: Any) -> None:
    brief = commands.add_parser(
        "brief",
        help="maak een brief aan ouders uit een zaakbestand (schorsing, verwijdering, incident, ...)",
        description="Maakt een brief aan ouders op het briefpapier van de school. Het zaakbestand noemt de "
        "school, de soort brief en de feiten; voorbeelden staan in letters/voorbeelden/. Brieven bevatten "
        "persoonsgegevens en komen daarom in brieven/ (git negeert die map), nooit op de website.",
    )
    brief.add_argument("zaak", type=Path, metavar="ZAAK", help="het zaakbestand (YAML)")
    _add_policy(brief)
    brief.add_argument(
        "--uitvoer",
        type=Path,
        default=DEFAULT_LETTERS,
        metavar="MAP",
        help="map voor de brief (standaard: brieven/); nooit in een websitemap",
    )
    brief.add_argument(
        "--overschrijven",
        action="store_true",
        help="vervang een brief die al bestaat (standaard: weigeren, want die kan al verstuurd zijn)",
    )


def _add_nieuw(commands: Any) -> None:
    nieuw = commands.add_parser(
        "nieuw",
        help="maak een schoolbestand (en zo nodig een bestuursbestand) voor een echte school",
        description="Maakt een nieuw schoolbestand als concept, met alleen de gegevens van de school zelf; "
        "wat ontbreekt\nstelt het als vragen, of geef het mee als opties (voor scripts). Er wordt nooit "
        "een bestaand bestand overschreven.",
    )
    _add_policy(nieuw)
    from .nieuw import QUESTIONS  # noqa: PLC0415 - the command's module; light: it loads the model on use

    for _, question, flag in QUESTIONS:
        nieuw.add_argument(flag, metavar="WAARDE", default="", help=question[0].lower() + question[1:])
    nieuw.add_argument(
        "--geen-vragen",
        action="store_true",
        help="stel geen vragen; wat ontbreekt is een fout (voor scripts)",
    )


def _add_bekijk(commands: Any) -> None:
    bekijk = commands.add_parser(
        "bekijk",
        help="bekijk de website en documenten van één school in je browser, bijgewerkt bij elke opslag",
        description="Bouwt één school in een tijdelijke map (documenten/ en site/ blijven zoals ze zijn) en toont\n"
        "de website en de documenten op http://127.0.0.1:POORT/, alleen op deze computer. Bij elke opslag\n"
        "van een beleidsbestand of sjabloon wordt opnieuw gebouwd en laadt de pagina vanzelf opnieuw;\n"
        "een fout in de invoer staat dan in de pagina. Stoppen: Ctrl+C.",
    )
    _add_policy(bekijk)
    bekijk.add_argument("--school", required=True, metavar="ID", help="de school die je wilt bekijken")
    bekijk.add_argument(
        "--poort", type=int, default=8000, metavar="POORT", help="de poort op 127.0.0.1 (standaard: 8000)"
    )


def _add_new_year(commands: Any) -> None:
    new_year = commands.add_parser(
        "nieuw-schooljaar",
        help="zet het beleid van een school (of van alle scholen) over naar het volgende schooljaar",
        description="Zet een schoolbestand over naar het volgende schooljaar: schooljaar +1, een nieuwe hoofdversie\n"
        "(2.1 wordt 3.0), status concept, de datums van instemming en vaststelling eruit, de evaluatiedatum\n"
        "een jaar later en een open punt om de evaluatie te verwerken. Alleen die regels veranderen;\n"
        "opmerkingen en volgorde blijven. Naast elk schoolbestand komt <school>-wijzigingen-<schooljaar>.md\n"
        "voor de MR. Het bestuursbestand verandert niet.",
    )
    _add_policy(new_year)
    new_year.add_argument(
        "--school",
        action="append",
        default=[],
        metavar="ID",
        help="alleen deze school (mag vaker); standaard alle scholen in de map",
    )
    new_year.add_argument(
        "--ook-concept",
        action="store_true",
        help="zet ook een school over waarvan het beleid nog een concept is",
    )


def parser() -> argparse.ArgumentParser:
    """The command line, in Dutch."""
    main = _Parser(
        prog=program_name(),
        description="Maakt van het veiligheidsbeleid in YAML alle documenten en de website van een school.",
        epilog=f"Zonder opdracht voert {program_name()} 'bouw' uit.",
    )
    main.add_argument(
        "--version",
        action="version",
        version=f"schoolveiligheid {__version__}",
        help="toon de versie en stop",
    )
    commands = main.add_subparsers(
        dest="opdracht", title="opdrachten", metavar="OPDRACHT", parser_class=_Parser
    )
    bouw = commands.add_parser("bouw", help="maak Word-bestanden en website voor elke school (standaard)")
    _add_policy(bouw)
    bouw.add_argument(
        "--uitvoer",
        type=Path,
        metavar="MAP",
        help="map waaronder documenten/ en site/ komen (standaard: de projectmap)",
    )
    bouw.add_argument("--pdf", action="store_true", help="maak ook PDF's (met LibreOffice)")
    bouw.add_argument(
        "--pdfa",
        action="store_true",
        help="maak de PDF's ook als PDF/A, om te archiveren (met --pdf; --pdfa alleen doet --pdf er vanzelf bij)",
    )
    bouw.add_argument(
        "--soffice",
        metavar="PAD",
        help="het programma soffice van LibreOffice, als het niet op de gewone plek staat "
        "(of zet SCHOOLVEILIGHEID_SOFFICE)",
    )
    bouw.add_argument("--zonder-website", action="store_true", help="maak alleen de Word-bestanden")
    bouw.add_argument(
        "--archief",
        action="store_true",
        help="maak ook van elke website een zip om te uploaden: archief/<school>.zip",
    )
    bouw.add_argument(
        "--bronnen",
        type=Path,
        metavar="MAP",
        help="zet ook de Markdown-bronnen van elke website in MAP/<school>/ (om met Zensical te bouwen)",
    )
    bouw.add_argument(
        "--opnieuw",
        action="store_true",
        help="bouw elke school opnieuw, ook als er sinds de vorige bouw niets veranderd is",
    )
    bouw.add_argument(
        "--werkers",
        type=_positive,
        metavar="N",
        default=os.environ.get(WORKERS_VARIABLE),  # a string default goes through _positive as well
        help="bouw N scholen tegelijk, elk in een eigen proces (standaard: het aantal processorkernen, "
        f"of {WORKERS_VARIABLE} als die is gezet; 1: alles in dit proces)",
    )
    bouw.add_argument(
        "--dask",
        metavar="ADRES",
        help="laat de scholen bouwen door een Dask-cluster (bijvoorbeeld tcp://192.168.1.10:8786); "
        "vraagt om de extra 'dask'",
    )
    _add_only(bouw)
    controleer = commands.add_parser(
        "controleer", help="controleer wet en volledigheid; maakt niets aan (behalve met --rapport)"
    )
    _add_policy(controleer)
    _add_only(controleer)
    controleer.add_argument(
        "--rapport",
        type=Path,
        metavar="BESTAND",
        help="schrijf ook een overzicht voor het bestuur: .html (één pagina), .csv of .xlsx; intern, "
        "nooit in een uitvoermap van de website",
    )
    _add_verschil(commands)
    _add_brief(commands)
    _add_nieuw(commands)
    _add_bekijk(commands)
    _add_new_year(commands)
    _add_sjabloon(commands)
    plaatsen = commands.add_parser(
        "plaatsen",
        help="toon de hoofdstukken en secties van elk document, met de plaatsnamen voor eigen teksten",
        description="Toont per school en per document de hoofdstukken en secties (## koppen) met hun naam,\n"
        "zoals je ze gebruikt in eigen_teksten: plaats.",
        epilog=PLACES_HELP,
    )
    _add_policy(plaatsen)
    _add_only(plaatsen)
    schema = commands.add_parser("schema", help="toon het JSON-schema van de beleidsbestanden")
    schema.add_argument(
        "--soort",
        choices=[*sorted(SCHEMA_FILES), "zaak"],
        default="school",
        help="school (standaard), bestuur of zaak (een zaakbestand voor een brief)",
    )
    schema.add_argument(
        "--schrijf", action="store_true", help="schrijf alle schema's naar schema/ (voor beheerders)"
    )
    return main


def _progress(items: Sequence[T], label: str) -> Iterable[T]:
    """A progress bar per stage on stderr, only when more than one school is built."""
    from tqdm import tqdm  # noqa: PLC0415 - only a build that has work to do shows progress

    bar: Iterable[T] = tqdm(
        items, desc=label, unit="school", file=sys.stderr, disable=len(items) < 2, leave=False
    )
    return bar


def _print_findings(findings: Sequence[Finding], out: Callable[[str], None]) -> None:
    for finding in findings:
        out(str(finding))


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _decimal(number: float) -> str:
    """One decimal, with a decimal comma: 14,2."""
    return f"{number:.1f}".replace(".", ",")


def _policy_words(args: argparse.Namespace) -> list[str]:
    """`--policy MAP` as given, for a tip that must read the same policy folder; nothing for the default."""
    chosen: Path = args.policy
    return [] if chosen == DEFAULT_POLICY else ["--policy", display_path(chosen)]


def _school_words(args: argparse.Namespace) -> list[str]:
    return [word for school_id in args.school for word in ("--school", school_id)]


# A computer's own default for --werkers (e.g. 1 on a shared server, or in a test run).
WORKERS_VARIABLE = "SCHOOLVEILIGHEID_WERKERS"


def _positive(text: str) -> int:
    """`--werkers N`: a whole number of at least 1."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal van 1 of meer")
    return int(text)


def run_build(args: argparse.Namespace) -> int:
    """`bouw`: every document and website."""
    from . import build as building  # noqa: PLC0415 - each command loads what it runs on

    if args.soffice:  # read by writers/pdf.py, like the variable a user can set once
        from .writers.pdf import SOFFICE_VARIABLE  # noqa: PLC0415 - LibreOffice is only needed with --pdf

        os.environ[SOFFICE_VARIABLE] = args.soffice
    options = building.BuildOptions(
        policy=args.policy,
        output_root=args.uitvoer,
        pdf=args.pdf or args.pdfa,
        pdfa=args.pdfa,
        website=not args.zonder_website,
        only=tuple(args.school),
        sources=args.bronnen,
        archive=args.archief,
        full=args.opnieuw,
        workers=args.werkers or building.default_workers(),
        dask=args.dask,
    )
    report = building.build(options, progress=_progress)
    if report.skipped:
        print(
            f"ongewijzigd sinds de vorige bouw, overgeslagen: {', '.join(report.skipped)}"
            " (alles opnieuw bouwen: voeg --opnieuw toe)"
        )
    errors = [f for f in report.findings if f.severity == "fout"]
    for school_id in report.refused:
        count = sum(1 for f in errors if f.school_id == school_id)
        print(
            f"fout: {school_id} is vastgesteld maar heeft {_count(count, 'fout', 'fouten')}; er zijn geen documenten gemaakt "
            "en de vorige blijven staan\n  tip: "
            + command(["controleer", *_policy_words(args), "--school", school_id]),
            file=sys.stderr,
        )
    for school_id in report.built:
        print(f"{school_id}: {display_path(building.output_root(options) / DOCUMENTS_OUTPUT / school_id)}")
    if report.pdf_documents:
        print(
            f"PDF: {_count(report.pdf_documents, 'document', 'documenten')} in {_decimal(report.pdf_seconds)} s "
            f"({_decimal(report.seconds_per_pdf)} s per document)"
        )
    if report.sites:
        print(f"website: {display_path(building.output_root(options) / SITE_OUTPUT)}")
        if options.archive:
            print(f"archief: {display_path(building.output_root(options) / ARCHIVE_OUTPUT)}")
    if report.findings and not report.refused:
        print(
            f"{_count(len(report.findings), 'bevinding', 'bevindingen')}; zie: "
            + command(["controleer", *_policy_words(args), *_school_words(args)])
        )
    return 0 if report.ok else 1


def run_check(args: argparse.Namespace) -> int:
    """`controleer`: findings only; with --rapport also the board report, nothing else written."""
    from . import build as building  # noqa: PLC0415 - each command loads what it runs on
    from .checks import by_severity  # noqa: PLC0415
    from .clock import today  # noqa: PLC0415
    from .model import load_schools  # noqa: PLC0415
    from .writers import report as reporting  # noqa: PLC0415

    if args.rapport is not None:
        reporting.check_report_path(args.rapport)
    schools = building.select(load_schools(args.policy), args.school)
    findings = building.check_all(schools)
    if args.rapport is not None:
        reporting.write(reporting.gather(schools, findings, today()), args.rapport)
    for school in schools:
        own = [finding for finding in findings if finding.school_id == school.id]
        school_errors, school_warnings = by_severity(own)
        counts = f"{_count(school_errors, 'fout', 'fouten')}, {_count(school_warnings, 'waarschuwing', 'waarschuwingen')}"
        print(f"== {school.policy.school.name} ({school.id}): {counts}")
        _print_findings(own, print)
    errors, warnings = by_severity(findings)
    print(
        f"{_count(len(schools), 'school', 'scholen')} gecontroleerd: "
        f"{_count(errors, 'fout', 'fouten')}, {_count(warnings, 'waarschuwing', 'waarschuwingen')}"
    )
    if args.rapport is not None:
        print(f"rapport: {display_path(args.rapport)}")
    return 1 if errors else 0


def run_compare(args: argparse.Namespace) -> int:
    """`verschil`: a Dutch summary of what changed between two versions of a school's policy."""
    from . import verschil as comparing  # noqa: PLC0415 - each command loads what it runs on

    specs = list(args.versies)
    if args.rev:
        if len(specs) != 1:
            raise UsageError(
                "met --rev hoort er precies één bestand bij\n  tip: python generate.py verschil BESTAND --rev HEAD~1"
            )
        specs = [f"{specs[0]}@{args.rev}", specs[0]]
    elif len(specs) != 2:
        raise UsageError("geef twee versies: OUD en NIEUW\n  tip: python generate.py verschil --help")
    if args.uitvoer is not None:
        comparing.check_summary_target(args.uitvoer, specs)
    if args.uitvoer is None:
        sys.stdout.write(comparing.compare(specs[0], specs[1]))
        return 0
    comparing.write_summary(comparing.compare(specs[0], specs[1], markdown=True), args.uitvoer)
    print(f"geschreven: {display_path(args.uitvoer)}")
    return 0


def _ask(question: str, default: str) -> str:
    shown = f" [{default}]" if default else ""
    return input(f"{question}{shown}: ")


def run_new(args: argparse.Namespace) -> int:
    """`nieuw`: a concept school file (and board file) from answers or options."""
    from . import nieuw as creating  # noqa: PLC0415 - each command loads what it runs on

    given = creating.Answers(
        **{field: getattr(args, flag.lstrip("-").replace("-", "_")) for field, _, flag in creating.QUESTIONS}
    )
    interactive = not args.geen_vragen and sys.stdin is not None and sys.stdin.isatty()
    try:
        answers = creating.complete(given, args.policy, _ask if interactive else None)
    except EOFError:
        raise UsageError("de vragen zijn niet beantwoord; geef de gegevens als opties mee") from None
    args.policy.mkdir(parents=True, exist_ok=True)
    created = creating.create(answers, args.policy)
    for line in creating.describe(created, command, _policy_words(args)):
        print(line)
    return 0


def run_letter(args: argparse.Namespace) -> int:
    """`brief`: one letter from a case file; prints where it is and what to do next, never a name."""
    from . import brief as lettering  # noqa: PLC0415 - each command loads what it runs on

    result = lettering.write_letter(args.zaak, args.policy, args.uitvoer, overwrite=args.overschrijven)
    for line in lettering.describe(result):
        print(line)
    return 0


def run_places(args: argparse.Namespace) -> int:
    """`plaatsen`: the chapter and section ids an own text may name, per school and document."""
    from . import build as building  # noqa: PLC0415 - each command loads what it runs on
    from .context import build_context  # noqa: PLC0415
    from .documents import DOCUMENT_KINDS  # noqa: PLC0415
    from .model import load_schools  # noqa: PLC0415
    from .render import Renderer  # noqa: PLC0415

    schools = building.select(load_schools(args.policy), args.school)
    renderer = Renderer()
    titles = {kind.kind: kind.title for kind in DOCUMENT_KINDS}
    for school in schools:
        # The standard places: a wrong place in the school's own texts must not hide the list.
        context = dataclasses.replace(build_context(school), own_texts=())
        rendered = renderer.render_school(context, school.template_dirs)
        print(f"== {school.policy.school.name} ({school.id})")
        for kind, places in rendered.places.items():
            print(f"{titles[kind]}  (bijlagen: bijlage {kind})")
            for identifier, title in places:
                indent = "    " if "#" in identifier else "  "
                print(f"{indent}{kind}/{identifier}  ({_plain_title(title)})")
    return 0


def _plain_title(title: str) -> str:
    return re.sub(r"\\(.)", r"\1", title)


def run_schema(args: argparse.Namespace) -> int:
    """`schema`: print (or write) the JSON Schema."""
    from .brief import schema as case_schema  # noqa: PLC0415 - each command loads what it runs on
    from .model.schema import schema_text, write_schemas  # noqa: PLC0415

    if args.schrijf:
        # Installed, the bundled schema is part of the package: write a copy in the working directory.
        folder = SCHEMA_FOLDER if IN_CHECKOUT else ROOT / "schema"
        for path in [*write_schemas(folder), case_schema.write_case_schema(folder)]:
            print(f"geschreven: {display_path(path)}")
        return 0
    sys.stdout.write(case_schema.case_schema_text() if args.soort == "zaak" else schema_text(args.soort))
    return 0


def run_new_year(args: argparse.Namespace) -> int:
    """`nieuw-schooljaar`: roll schools to the next year, with a summary of the changes for the MR."""
    from . import rollover as rolling  # noqa: PLC0415 - each command loads what it runs on
    from . import verschil as comparing  # noqa: PLC0415
    from .clock import today  # noqa: PLC0415

    rollovers = rolling.plan(args.policy, args.school, today(), include_concepts=args.ook_concept)
    summaries = [
        comparing.summary(
            comparing.Side(f"{display_path(rollover.source)} vóór de overgang", rollover.old),
            comparing.Side(f"{display_path(rollover.source)} na de overgang", rollover.new),
            markdown=True,
        )
        for rollover in rollovers
    ]  # every summary before anything is written
    for rollover, text in zip(rollovers, summaries, strict=True):
        rolling.write(rollover, text)
        old, new = rollover.old.policy.document, rollover.new.policy.document
        print(
            f"{rollover.school_id}: schooljaar {old.school_year} wordt {new.school_year}, "
            f"versie {old.version or '-'} wordt {new.version or '-'}, status {new.status}"
        )
        print(f"  bestand: {display_path(rollover.source)}")
        print(f"  voor de MR: {display_path(rollover.summary)}")
    if rollovers:
        print(
            "werk het beleid bij, laat de MR instemmen en zet dan status: vastgesteld met de datums; tip: "
            + command(["controleer", *_policy_words(args), *_school_words(args)])
        )
    return 0


def run_preview(args: argparse.Namespace) -> int:
    """`bekijk`: build one school privately, serve it on 127.0.0.1 and rebuild on every save."""
    from . import preview as previewing  # the web server is only needed here

    if not 0 <= args.poort <= 65535:
        raise UsageError(f"poort {args.poort} bestaat niet\n  tip: kies een poort tussen 1024 en 65535")
    running = previewing.Preview(args.policy, args.school, args.poort)
    # A stop from outside (kill, a closing terminal on some systems) tidies up like Ctrl+C.
    terminate = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        running.start()
        print(f"bekijk {args.school} op {running.url}  (alleen op deze computer; stoppen: Ctrl+C)")
        running.watch()
    except KeyboardInterrupt:
        pass  # the way to stop it
    finally:
        running.close()
        signal.signal(signal.SIGTERM, terminate)
    print("gestopt; de tijdelijke bestanden zijn opgeruimd")
    return 0


TEMPLATES_HELP = """\
voorbeelden:
  python generate.py sjabloon kopieer veiligheidsplan/02-visie.md.j2 --school vlinderboom
  python generate.py sjabloon kopieer brieven/_gedeeld/ondertekening.txt.j2 --bestuur
  python generate.py sjabloon lijst --verschil
  python generate.py sjabloon bevestig veiligheidsplan/02-visie.md.j2 --school vlinderboom

Een gekopieerd sjabloon onthoudt van welke standaard het gemaakt is. Verandert die standaard later,
dan waarschuwt 'controleer' en toont wat er veranderd is."""


def _add_sjabloon(commands: Any) -> None:
    sjabloon = commands.add_parser(
        "sjabloon",
        help="eigen versies van standaardsjablonen: kopiëren, bijhouden en een overzicht",
        description="Kopieert een standaardsjabloon naar de sjablonenmap van een school of bestuur en houdt bij\n"
        "van welke versie van de standaard het gemaakt is.",
        epilog=TEMPLATES_HELP,
    )
    actions = sjabloon.add_subparsers(
        dest="actie", title="acties", metavar="ACTIE", parser_class=_Parser, required=True
    )
    kopieer = actions.add_parser(
        "kopieer", help="kopieer een standaardsjabloon naar de sjablonenmap van een school of bestuur"
    )
    kopieer.add_argument(
        "naam",
        metavar="NAAM",
        help="het sjabloon vanaf templates/, bijvoorbeeld veiligheidsplan/02-visie.md.j2",
    )
    bevestig = actions.add_parser(
        "bevestig",
        help="noteer dat een eigen sjabloon de standaard van nu volgt (nadat je de wijzigingen bekeken hebt)",
    )
    bevestig.add_argument(
        "naam",
        metavar="NAAM",
        help="het eigen sjabloon vanaf de sjablonenmap, bijvoorbeeld veiligheidsplan/02-visie.md.j2",
    )
    for action in (kopieer, bevestig):
        _add_policy(action)
        action.add_argument("--school", metavar="ID", help="de sjablonenmap van deze school")
        action.add_argument(
            "--bestuur",
            action="store_true",
            help="de sjablonenmap van het bestuur (van de school met --school, anders het enige bestuur)",
        )
    lijst = actions.add_parser(
        "lijst", help="toon elk eigen sjabloon met zijn stand: actueel, verouderd of onbekend"
    )
    _add_policy(lijst)
    _add_only(lijst)
    lijst.add_argument("--verschil", action="store_true", help="toon ook wat er in de standaard veranderd is")


def _no_folder(file: Path, whose: str, example: str) -> InvalidInput:
    return InvalidInput(
        [
            Problem(
                str(file),
                None,
                "sjablonen",
                f"{whose} heeft geen eigen sjablonenmap",
                f"maak de map {example} naast {display_path(file)} en zet in dat bestand 'sjablonen: {example}'",
            )
        ]
    )


def _template_folder(args: argparse.Namespace) -> Path:
    """The school's or board's own template folder the command works in."""
    from . import build as building  # noqa: PLC0415 - each command loads what it runs on
    from .model import load_schools  # noqa: PLC0415

    schools = load_schools(args.policy)
    if args.school is None and not args.bestuur:
        raise UsageError("zeg in welke sjablonenmap: --school ID of --bestuur")
    chosen = building.select(schools, [args.school]) if args.school is not None else schools
    if not args.bestuur:
        school = chosen[0]
        own = [folder for folder in school.template_dirs if folder != school.board_templates]
        if not own:
            raise _no_folder(school.source, "deze school", f"sjablonen/{school.id}")
        return own[0]
    boards = {school.board_templates for school in chosen if school.board_templates is not None}
    if len(boards) > 1:
        raise UsageError("er is meer dan één bestuur met een sjablonenmap; kies met --school ID de school")
    if boards:
        return boards.pop()
    board_file = next((school.board_source for school in chosen if school.board_source is not None), None)
    if board_file is None:
        raise UsageError("deze school heeft geen bestuursbestand; gebruik --school ID zonder --bestuur")
    raise _no_folder(board_file, "het bestuur", "sjablonen/bestuur")


def _template_folders(schools: Sequence[Any]) -> dict[Path, str]:
    """Every own template folder of these schools, once, with whose it is."""
    found: dict[Path, str] = {}
    for school in schools:
        for folder in school.template_dirs:
            if folder == school.board_templates:
                found.setdefault(
                    folder, f"het bestuur ({display_path(school.board_source or school.source)})"
                )
            else:
                found.setdefault(folder, f"{school.policy.school.name} ({school.id})")
    return found


def run_templates(args: argparse.Namespace) -> int:
    """`sjabloon`: copy a standard template with its base recorded, confirm one, or list them all."""
    from . import build as building  # noqa: PLC0415 - each command loads what it runs on
    from . import overrides as own_templates  # noqa: PLC0415
    from .model import load_schools  # noqa: PLC0415

    if args.actie == "kopieer":
        folder = _template_folder(args)
        target = own_templates.copy_standard(args.naam, folder)
        name = target.relative_to(folder).as_posix()
        print(f"gekopieerd: {display_path(target)}")
        print(
            f"  van de standaard {name}; die staat zoals hij nu is in {display_path(folder / own_templates.BASE_FOLDER / name)}"
        )
        print("  pas het bestand aan; 'controleer' waarschuwt als de standaard later verandert")
        return 0
    if args.actie == "bevestig":
        override = own_templates.confirm(args.naam, _template_folder(args))
        print(
            f"bijgewerkt: {display_path(override.path)} volgt nu de standaard {override.standard} zoals die nu is"
        )
        return 0
    schools = building.select(load_schools(args.policy), args.school)
    counts = {"actueel": 0, "verouderd": 0, "onbekend": 0}
    for folder, whose in _template_folders(schools).items():
        print(f"== {whose}: {display_path(folder)}")
        found = own_templates.overrides(folder)
        if not found:
            print("  geen eigen versies van standaardsjablonen")
        for override in found:
            counts[override.status] += 1
            print(f"  {override.status:<9}  {override.name}{_template_note(override)}")
            if args.verschil and override.status == "verouderd":
                what, lines = own_templates.difference(override)
                print(f"      {what}" + (":" if lines else ""))
                for line in lines:
                    print(f"      {line}")
    print(", ".join(_count(number, status, status) for status, number in counts.items()))
    if counts["verouderd"] or counts["onbekend"]:
        print(
            "  tip: bekijk wat er veranderd is ("
            + command(["sjabloon", "lijst", *_policy_words(args), "--verschil"])
            + "), neem over wat voor de school geldt en noteer dat met 'sjabloon bevestig NAAM'"
        )
    return 0


def _template_note(override: Override) -> str:
    if override.status == "onbekend":
        return f"  (niet vastgelegd van welke versie van {override.standard} het gemaakt is)"
    if override.standard_path is None:
        return f"  (de standaard {override.standard} bestaat niet meer)"
    if override.name != override.standard or override.status == "verouderd":
        return f"  (gemaakt van {override.standard}" + (
            ", die sindsdien veranderd is)" if override.status == "verouderd" else ")"
        )
    return ""


RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "bouw": run_build,
    "controleer": run_check,
    "verschil": run_compare,
    "brief": run_letter,
    "nieuw": run_new,
    "plaatsen": run_places,
    "schema": run_schema,
    "bekijk": run_preview,
    "nieuw-schooljaar": run_new_year,
    "sjabloon": run_templates,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    safe_console()
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not any(argument in RUNNERS or argument in {"-h", "--help", "--version"} for argument in arguments):
        arguments.insert(0, "bouw")
    try:
        args = parser().parse_args(arguments)
        return RUNNERS[args.opdracht](args)
    except UsageError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    except InvalidInput as error:
        print(error.report(), file=sys.stderr)
        return 2
    except (ToolMissing, BuildFailed) as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("afgebroken; eerder gemaakte bestanden zijn ongewijzigd", file=sys.stderr)
        return 130
