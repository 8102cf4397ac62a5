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
from typing import Any, NoReturn, TypeVar

from tqdm import tqdm

from . import __version__
from . import brief as lettering
from . import build as building
from . import nieuw as creating
from . import verschil as comparing
from .brief import schema as case_schema
from .checks import Finding, by_severity
from .clock import today
from .console import command, program_name, safe_console
from .context import build_context
from .documents import DOCUMENT_KINDS
from .errors import BuildFailed, InvalidInput, ToolMissing, display_path
from .model import load_schools
from .model.schema import SCHEMA_FILES, schema_text, write_schemas
from .paths import DEFAULT_POLICY, DOCUMENTS_OUTPUT, IN_CHECKOUT, ROOT, SCHEMA_FOLDER, SITE_OUTPUT
from .render import Renderer
from .writers import pdf
from .writers import report as reporting

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
        default=lettering.DEFAULT_OUTPUT,
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
    for _, question, flag in creating.QUESTIONS:
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
        "--soffice",
        metavar="PAD",
        help="het programma soffice van LibreOffice, als het niet op de gewone plek staat "
        "(of zet SCHOOLVEILIGHEID_SOFFICE)",
    )
    bouw.add_argument("--zonder-website", action="store_true", help="maak alleen de Word-bestanden")
    bouw.add_argument(
        "--bronnen",
        type=Path,
        metavar="MAP",
        help="zet ook de Markdown-bronnen van elke website in MAP/<school>/ (om met Zensical te bouwen)",
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
    bar: Iterable[T] = tqdm(
        items, desc=label, unit="school", file=sys.stderr, disable=len(items) < 2, leave=False
    )
    return bar


def _print_findings(findings: Sequence[Finding], out: Callable[[str], None]) -> None:
    for finding in findings:
        out(str(finding))


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _policy_words(args: argparse.Namespace) -> list[str]:
    """`--policy MAP` as given, for a tip that must read the same policy folder; nothing for the default."""
    chosen: Path = args.policy
    return [] if chosen == DEFAULT_POLICY else ["--policy", display_path(chosen)]


def _school_words(args: argparse.Namespace) -> list[str]:
    return [word for school_id in args.school for word in ("--school", school_id)]


def run_build(args: argparse.Namespace) -> int:
    """`bouw`: every document and website."""
    if args.soffice:  # read by writers/pdf.py, like the variable a user can set once
        os.environ[pdf.SOFFICE_VARIABLE] = args.soffice
    options = building.BuildOptions(
        policy=args.policy,
        output_root=args.uitvoer,
        pdf=args.pdf,
        website=not args.zonder_website,
        only=tuple(args.school),
        sources=args.bronnen,
    )
    report = building.build(options, progress=_progress)
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
    if report.sites:
        print(f"website: {display_path(building.output_root(options) / SITE_OUTPUT)}")
    if report.findings and not report.refused:
        print(
            f"{_count(len(report.findings), 'bevinding', 'bevindingen')}; zie: "
            + command(["controleer", *_policy_words(args), *_school_words(args)])
        )
    return 0 if report.ok else 1


def run_check(args: argparse.Namespace) -> int:
    """`controleer`: findings only; with --rapport also the board report, nothing else written."""
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
    result = lettering.write_letter(args.zaak, args.policy, args.uitvoer, overwrite=args.overschrijven)
    for line in lettering.describe(result):
        print(line)
    return 0


def run_places(args: argparse.Namespace) -> int:
    """`plaatsen`: the chapter and section ids an own text may name, per school and document."""
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
    if args.schrijf:
        # Installed, the bundled schema is part of the package: write a copy in the working directory.
        folder = SCHEMA_FOLDER if IN_CHECKOUT else ROOT / "schema"
        for path in [*write_schemas(folder), case_schema.write_case_schema(folder)]:
            print(f"geschreven: {display_path(path)}")
        return 0
    sys.stdout.write(case_schema.case_schema_text() if args.soort == "zaak" else schema_text(args.soort))
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


RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "bouw": run_build,
    "controleer": run_check,
    "verschil": run_compare,
    "brief": run_letter,
    "nieuw": run_new,
    "plaatsen": run_places,
    "schema": run_schema,
    "bekijk": run_preview,
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
