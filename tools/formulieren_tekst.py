"""The blank forms: their texts and tables, pre-filled from the forms context.

Values come from schoolveiligheid/context/forms.py. Table rows repeat with
docxtpl's {%tr for %} tags; `blank_rows` gives every register its empty lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.shared import Cm

Builder = Callable[[Callable[..., Any], Callable[..., None], Callable[..., bytes]], bytes]


def _table(
    document: Any, headers: Sequence[str], row: Sequence[str], loop: str, widths: Sequence[float]
) -> None:
    """A table with a bold header row and one row that docxtpl repeats for each item of `loop`."""
    table = document.add_table(rows=4, cols=len(headers))
    table.style = document.styles["Table Grid"]
    for index, text in enumerate(headers):
        cell = table.rows[0].cells[index]
        cell.paragraphs[0].add_run(text).bold = True
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for " + loop + " %}")
    for index, text in enumerate(row):
        table.rows[2].cells[index].paragraphs[0].add_run(text)
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    table.autofit = False
    for index, column in enumerate(table.columns):
        column.width = Cm(widths[index])
    table.rows[2].height = Cm(0.9)  # the repeated row: room to write by hand
    for row_cells in table.rows:
        for index, cell in enumerate(row_cells.cells):
            cell.width = Cm(widths[index])
            for paragraph in cell.paragraphs:
                paragraph.style = document.styles["Klein"]


def _fields(document: Any, labels: Sequence[str], widths: tuple[float, float] = (5.5, 11.1)) -> None:
    """A two-column table of labels with room to write."""
    table = document.add_table(rows=len(labels), cols=2)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for row, label in zip(table.rows, labels, strict=True):
        row.cells[0].paragraphs[0].add_run(label).bold = True
        row.cells[0].width, row.cells[1].width = Cm(widths[0]), Cm(widths[1])
        if label.endswith("?") or label.startswith("Wat"):
            row.cells[1].add_paragraph()
            row.cells[1].add_paragraph()
            row.cells[1].add_paragraph()


def _landscape(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)


INCIDENT_INTRO = """\
# Incidentregistratieformulier
Vul dit formulier in bij elk incident dat de sociale veiligheid raakt: pesten, geweld, bedreiging, discriminatie, \
seksueel grensoverschrijdend gedrag of vernieling.{% if incidents.system %} Leg het incident vast in \
**{{ incidents.system }}**{% if incidents.within_days %} binnen {{ incidents.within_days }} \
schooldagen{% endif %}.{% endif %}{% if incidents.responsible %} Verantwoordelijk voor de registratie: \
{{ incidents.responsible }}.{% endif %}
% if incidents.analysis
De incidenten worden {{ incidents.analysis }} geanalyseerd.
% endif
"""

INCIDENT_KINDS = """\
# Soort incident
☐ pesten   ☐ online pesten   ☐ fysiek geweld   ☐ bedreiging of intimidatie   ☐ discriminatie
☐ seksueel grensoverschrijdend gedrag   ☐ vernieling of diefstal   ☐ anders: …………………………
"""

INCIDENT_AFTER = """\
# Gemeld aan
☐ ouders, op ……………… door ………………   ☐ bevoegd gezag   ☐ leerplichtambtenaar   ☐ politie   ☐ Veilig Thuis
% if physical
# Fysiek ingrijpen
Alleen medewerkers die de training {{ physical }} hebben gevolgd, grijpen fysiek in. Beschrijf hieronder hoe de \
leerling is begrensd, welke technieken zijn gebruikt en of er letsel of schade was.
~
~
% endif
% if incidents.storage
~
**Bewaren:** {{ incidents.storage }}
% endif
"""

REGISTER_INTRO = """\
# Overzicht incidenten {{ school_year }}
Eén regel per incident; het formulier hoort als bijlage bij de regel.
"""


def incidentregistratie(
    new_document: Callable[..., Any], add_lines: Callable[..., None], save: Callable[..., bytes]
) -> bytes:
    document = new_document("Incidentregistratie · {{ head.name }}")
    add_lines(document, INCIDENT_INTRO)
    _fields(document, ("Datum en tijd van het incident", "Plek", "Ingevuld door", "Datum van invullen"))
    add_lines(document, INCIDENT_KINDS)
    _fields(
        document,
        (
            "Betrokken leerlingen (met groep)",
            "Betrokken medewerkers",
            "Wie meldde het?",
            "Wat gebeurde er? Beschrijf wat je zag en hoorde, zonder oordeel",
            "Wat is er direct gedaan?",
            "Welke afspraken zijn gemaakt, en door wie?",
        ),
    )
    add_lines(document, INCIDENT_AFTER)
    document.add_page_break()
    add_lines(document, REGISTER_INTRO)
    _table(
        document,
        ("Datum", "Plek", "Wat gebeurde er", "Melder en betrokkenen", "Bijlage"),
        ("", "", "", "", ""),
        "row in blank_rows",
        (2.2, 2.6, 6.0, 4.0, 1.8),
    )
    return save(document, "Incidentregistratieformulier")


SIGNALS_INTRO = """\
# Logboek signalen
Noteer hier signalen over een leerling die u zorgen baren. Schrijf op wat u ziet en hoort, met de woorden van het \
kind, en niet wat u denkt dat er aan de hand is. Het logboek hoort bij de meldcode huiselijk geweld en \
kindermishandeling.
% if meldcode
Bespreek uw zorgen altijd met {{ meldcode.name }} ({{ meldcode.function }}): {{ meldcode.phone }}, \
{{ meldcode.email }}.
% endif
"""


def logboek_signalen(
    new_document: Callable[..., Any], add_lines: Callable[..., None], save: Callable[..., bytes]
) -> bytes:
    document = new_document("Logboek signalen · vertrouwelijk")
    _landscape(document)
    add_lines(document, SIGNALS_INTRO)
    _fields(document, ("Leerling", "Groep", "Logboek bijgehouden door"), (6.0, 19.0))
    add_lines(document, "~")
    _table(
        document,
        (
            "Datum",
            "Tijd",
            "Plek",
            "Gezien door",
            "Wat gebeurde er: wie waren erbij, wat zag en hoorde u, wat deed u, wat is afgesproken",
        ),
        ("", "", "", "", ""),
        "row in blank_rows",
        (2.4, 1.6, 3.0, 3.6, 14.6),
    )
    return save(document, "Logboek signalen")


KAART_INTRO = """\
# Sociale kaart en bereikbaarheidslijst
Voor intern gebruik: deze lijst bevat ook telefoonnummers die niet openbaar zijn. Hang hem niet op een plek waar \
ouders of leerlingen hem kunnen lezen, en zet hem niet op de website.
# Op school
"""

KAART_ORGANISATIONS = """\
~
# Organisaties
"""


def sociale_kaart(
    new_document: Callable[..., Any], add_lines: Callable[..., None], save: Callable[..., bytes]
) -> bytes:
    document = new_document("Sociale kaart · intern · {{ head.name }}")
    _landscape(document)
    add_lines(document, KAART_INTRO)
    _table(
        document,
        ("Rol", "Naam", "Telefoon", "E-mail", "Bereikbaar"),
        ("{{ r.role }}", "{{ r.name }}", "{{ r.phone }}", "{{ r.email }}", "{{ r.availability }}"),
        "r in roles",
        (5.0, 5.0, 3.6, 6.6, 5.0),
    )
    add_lines(document, KAART_ORGANISATIONS)
    _table(
        document,
        ("Organisatie", "Contactpersoon", "Telefoon", "E-mail en website", "Bereikbaar, spreekuur en adres"),
        ("{{ o.name }}", "{{ o.contact }}", "{{ o.phone }}", "{{ o.online }}", "{{ o.reach }}"),
        "o in organisations",
        (5.6, 4.4, 3.4, 6.0, 5.8),
    )
    add_lines(document, "~\nLijst bijgewerkt op: ……………………  door: ……………………")
    return save(document, "Sociale kaart en bereikbaarheidslijst")


FORMS: dict[str, Builder] = {
    "incidentregistratieformulier": incidentregistratie,
    "logboek-signalen": logboek_signalen,
    "sociale-kaart-en-bereikbaarheidslijst": sociale_kaart,
}
