"""Command line: parse Dutch arguments, call one function per command, decide the exit code.

Exit codes, decided here and nowhere else:
  0  klaar, niets aan de hand
  1  het werk kon niet (helemaal) gedaan worden: bevindingen met ernst 'fout',
     een vastgestelde school met fouten, of een schrijver die faalde
  2  ongeldige invoer (YAML, sjablonen) of verkeerd gebruik van de opdracht
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import NoReturn, TypeVar

from tqdm import tqdm

from . import build as building
from .checks import Finding
from .errors import BuildFailed, InvalidInput, ToolMissing, display_path
from .model import load_schools
from .model.schema import SCHEMA_FILES, schema_text, write_schemas

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ("bouw", "controleer", "schema")
T = TypeVar("T")

_ARGPARSE_ERRORS = (
    ("the following arguments are required: ", "deze argumenten ontbreken: "),
    ("unrecognized arguments: ", "onbekende argumenten: "),
    ("invalid choice: ", "ongeldige keuze: "),
    ("(choose from ", "(kies uit "),
    ("expected one argument", "hier hoort één waarde bij"),
    ("argument ", "argument "),
)


class UsageError(Exception):
    """The command line itself is wrong (exit code 2)."""


class _DutchHelp(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:  # noqa: E501
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
        raise UsageError(f"{message}\n  tip: python {self.prog} --help")


def _add_policy(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--policy", type=Path, default=ROOT / "policy", metavar="MAP", help="map met de YAML-bestanden (standaard: policy/)"
    )


def _add_only(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--school", action="append", default=[], metavar="ID", help="alleen deze school (mag vaker); standaard alle scholen"
    )


def parser() -> argparse.ArgumentParser:
    """The command line, in Dutch."""
    main = _Parser(
        prog="generate.py",
        description="Maakt van het veiligheidsbeleid in YAML alle documenten en de website van een school.",
        epilog="Zonder opdracht voert generate.py 'bouw' uit.",
    )
    commands = main.add_subparsers(dest="opdracht", title="opdrachten", metavar="OPDRACHT", parser_class=_Parser)
    bouw = commands.add_parser("bouw", help="maak Word-bestanden en website voor elke school (standaard)")
    _add_policy(bouw)
    bouw.add_argument(
        "--uitvoer",
        type=Path,
        default=ROOT,
        metavar="MAP",
        help="map waaronder documenten/ en site/ komen (standaard: de projectmap)",
    )
    bouw.add_argument("--pdf", action="store_true", help="maak ook PDF's (met LibreOffice)")
    bouw.add_argument("--zonder-website", action="store_true", help="maak alleen de Word-bestanden")
    _add_only(bouw)
    controleer = commands.add_parser("controleer", help="controleer wet en volledigheid; maakt niets aan")
    _add_policy(controleer)
    _add_only(controleer)
    schema = commands.add_parser("schema", help="toon het JSON-schema van de beleidsbestanden")
    schema.add_argument("--soort", choices=sorted(SCHEMA_FILES), default="school", help="school (standaard) of bestuur")
    schema.add_argument("--schrijf", action="store_true", help="schrijf beide schema's naar schema/ (voor beheerders)")
    return main


def _progress(schools: Sequence[T]) -> Iterable[T]:
    return tqdm(schools, desc="Scholen", unit="school", file=sys.stderr, disable=len(schools) < 2, leave=False)


def _print_findings(findings: Sequence[Finding], out: Callable[[str], None]) -> None:
    for finding in findings:
        out(str(finding))


def run_build(args: argparse.Namespace) -> int:
    """`bouw`: every document and website."""
    options = building.BuildOptions(
        policy=args.policy,
        output_root=args.uitvoer,
        pdf=args.pdf,
        website=not args.zonder_website,
        only=tuple(args.school),
    )
    report = building.build(options, progress=_progress)
    errors = [f for f in report.findings if f.severity == "fout"]
    for school_id in report.refused:
        count = sum(1 for f in errors if f.school_id == school_id)
        print(
            f"fout: {school_id} is vastgesteld maar heeft {count} fout(en); er zijn geen documenten gemaakt "
            "en de vorige blijven staan\n  tip: python generate.py controleer --school " + school_id,
            file=sys.stderr,
        )
    for school_id in report.built:
        print(f"{school_id}: {display_path(options.output_root / building.DOCUMENTS_FOLDER / school_id)}")
    if report.sites:
        print(f"website: {display_path(options.output_root / building.SITE_FOLDER)}")
    if report.findings and not report.refused:
        print(f"{len(report.findings)} bevinding(en); zie: python generate.py controleer")
    return 0 if report.ok else 1


def run_check(args: argparse.Namespace) -> int:
    """`controleer`: findings only, nothing written."""
    schools = building.select(load_schools(args.policy), args.school)
    findings = [finding for school in schools for finding in building.check_school(school, building.today())]
    _print_findings(findings, print)
    errors = sum(1 for f in findings if f.severity == "fout")
    warnings = len(findings) - errors
    print(f"{len(schools)} school/scholen gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en)")
    return 1 if errors else 0


def run_schema(args: argparse.Namespace) -> int:
    """`schema`: print (or write) the JSON Schema."""
    if args.schrijf:
        for path in write_schemas(ROOT / "schema"):
            print(f"geschreven: {display_path(path)}")
        return 0
    sys.stdout.write(schema_text(args.soort))
    return 0


RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "bouw": run_build,
    "controleer": run_check,
    "schema": run_schema,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not any(argument in RUNNERS or argument in {"-h", "--help"} for argument in arguments):
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
    except KeyError as error:  # an unknown --school id
        print(f"fout: onbekende school: {error.args[0]}\n  tip: kijk welke id's in policy/ staan", file=sys.stderr)
        return 2
    except (ToolMissing, BuildFailed) as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("afgebroken; eerder gemaakte bestanden zijn ongewijzigd", file=sys.stderr)
        return 130
