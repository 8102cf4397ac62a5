"""The texts of the letters to parents, in the line format of tools/maak_brieven.py.

Written by the toolkit authors. Every value comes from the letter context
(schoolveiligheid/context/letter.py); legal sentences come from law.py through
`law.*`. There are no instructions for the writer in here: whatever is optional is
a condition on the case's data, so nothing editorial can reach a parent.
"""

from __future__ import annotations

OPENING = """\
% for line in addressee
> {{ line }}
% endfor
~
{{ place_date }}
% if registered
Aangetekend verzonden
% endif
"""

SALUTATION_FORMAL = "{% if salutation %}{{ salutation }}{% else %}Geachte ouders of verzorgers van {{ pupil.first_name }}{% endif %},"
SALUTATION_PERSONAL = "{% if salutation %}{{ salutation }}{% else %}Beste ouders of verzorgers van {{ pupil.first_name }}{% endif %},"
SALUTATION_GROUP = "Beste ouders en verzorgers,"

QUESTIONS = """\
Hebt u vragen over deze brief? Neem dan contact op met {{ contact.name }}, {{ contact.function }}, via \
{{ contact.phone }} of {{ contact.email }}.
"""

SIGNATURE = """\
Met vriendelijke groet,
% if signature.board
namens het bevoegd gezag ({{ signature.board }}),
% endif
~
~
{{ signature.name }}
{{ signature.function }}, {{ head.name }}
"""

COPIES = """\
% if copies
~
**Afschrift aan:**
% for copy in copies
> {{ copy }}
% endfor
% endif
"""

OBJECTION_ADDRESS = """\
% for line in objection_address
> {{ line }}
% endfor
~
"""

INVITATION = """\
% if invitation
# Een gesprek
Wij nodigen u uit voor een gesprek op {{ invitation.date }} om {{ invitation.time }}{% if invitation.place %}, in \
{{ invitation.place }}{% endif %}.{% if invitation.participants %} Namens de school praten mee: \
{{ invitation.participants }}.{% endif %} Kunt u dan niet, laat het ons dan weten; dan zoeken we samen een ander moment.
% endif
"""


def personal(subject: str, body: str, salutation: str = SALUTATION_PERSONAL) -> str:
    """A letter to the parents of one pupil."""
    return f"{OPENING}~\n**Betreft: {subject}**\n~\n{salutation}\n{body}{QUESTIONS}~\n{SIGNATURE}{COPIES}"


def to_group(subject: str, body: str) -> str:
    """A letter to all parents of one or more groups: no pupil's name anywhere."""
    return f"{OPENING}~\n**Betreft: {subject}**\n~\n{SALUTATION_GROUP}\n{body}{QUESTIONS}~\n{SIGNATURE}"


SCHORSING = personal(
    "schorsing van {{ pupil.full_name }}, {{ pupil.group }}",
    """\
% if talked_on
Op {{ talked_on }} hebben wij met u gesproken over wat er is gebeurd en over de maatregel die wij nemen. In deze \
brief staat het besluit zoals het genomen is.
% endif
Het bevoegd gezag van onze school heeft besloten {{ pupil.child }} te schorsen voor \
{{ suspension.days_text }}: {% if suspension.days == 1 %}op {{ suspension.first_day }}{% else %}van \
{{ suspension.first_day }} tot en met {{ suspension.last_day }}{% endif %}. In die tijd komt {{ pupil.first_name }} \
niet naar school. Op {{ suspension.back_on }} is {{ pupil.first_name }} weer welkom in {{ pupil.group }}.
# Waarom wij dit besluit nemen
% for reason in reasons
- {{ reason }}
% endfor
# Onderwijs tijdens de schorsing
{{ pupil.first_name }} blijft ook tijdens de schorsing leren. Dit hebben wij geregeld:
% for measure in measures
- {{ measure }}
% endfor
"""
    + INVITATION
    + """\
# Wat de wet zegt
{{ law.suspension_rule }}{% if law.suspension_article %} Dit staat in {{ law.suspension_article }}.{% endif %} \
{{ law.education_rule }} {{ law.leerplicht_rule }}
% if suspension.inspectie
Deze schorsing duurt langer dan één dag. Daarom melden wij haar, met de redenen, bij de Inspectie van het Onderwijs.
% endif
# Bezwaar maken
Bent u het niet eens met dit besluit? {{ law.suspension_objection_rule }} Uw bezwaarschrift moet uiterlijk op \
**{{ law.objection_deadline }}** binnen zijn, op dit adres:
"""
    + OBJECTION_ADDRESS
    + """\
Zet in uw brief uw naam en adres, de datum, om welk besluit het gaat en waarom u het er niet mee eens bent, en \
onderteken hem. U mag zich laten bijstaan door iemand die u vertrouwt.
""",
    SALUTATION_FORMAL,
)

VOORNEMEN = personal(
    "voornemen tot verwijdering van {{ pupil.full_name }}, {{ pupil.group }}",
    """\
Met deze brief laten wij u weten dat het bevoegd gezag van onze school van plan is {{ pupil.child }} van \
school te verwijderen. Dat is een zwaar besluit, en het is nog niet genomen. Eerst willen wij u uitleggen waarom wij \
dit overwegen, en het bevoegd gezag wil eerst uw kant van de zaak horen.
% if talked_on
Op {{ talked_on }} hebben wij hier al met u over gesproken.
% endif
Wij hebben overlegd met {{ teacher.name }}, {{ teacher_word }} van {{ pupil.first_name }}{% if heard_teacher %}, op \
{{ heard_teacher }}{% endif %}.
# Waarom wij dit overwegen
% for reason in reasons
- {{ reason }}
% endfor
% if measures
# Wat wij tot nu toe hebben gedaan
% for measure in measures
- {{ measure }}
% endfor
% endif
# Een andere school
Samen met u zoeken wij een andere school die bereid is {{ pupil.first_name }} toe te laten{% if law.special %}, in \
het speciaal onderwijs of daarbuiten{% endif %}. Zolang het bevoegd gezag niet heeft besloten, blijft \
{{ pupil.first_name }} leerling van onze school.
{{ law.removal_rule }}
# Uw kant van de zaak
Wij nodigen u uit voor een gesprek waarin het bevoegd gezag u hoort: op {{ hearing.date }} om {{ hearing.time }}\
{% if hearing.place %}, in {{ hearing.place }}{% endif %}.{% if hearing.participants %} Namens de school zijn erbij: \
{{ hearing.participants }}.{% endif %} U kunt daar vertellen hoe u de situatie ziet. U mag iemand meenemen die u \
vertrouwt. Kunt u op dat moment niet, bel dan met {{ contact.name }} ({{ contact.phone }}) voor een andere afspraak.
% if law.decision_rule
{{ law.decision_rule }} Dit staat in {{ law.decision_article }}.
% endif
Besluit het bevoegd gezag daarna om {{ pupil.first_name }} te verwijderen, dan krijgt u dat besluit op papier, met \
de redenen. In dat besluit staat ook hoe u bezwaar kunt maken. {{ law.objection_rule }}
""",
    SALUTATION_FORMAL,
)

DEFINITIEF = personal(
    "besluit tot verwijdering van {{ pupil.full_name }}, {{ pupil.group }}",
    """\
In onze brief van {{ earlier_date }} schreven wij u dat het bevoegd gezag van plan was {{ pupil.child }} van \
school te verwijderen. Het bevoegd gezag heeft nu besloten: {{ pupil.first_name }} wordt met ingang van \
**{{ effective_on }}** van onze school verwijderd.
# Wie er gehoord zijn
Voordat dit besluit werd genomen, zijn gehoord:
- {{ teacher.name }}, {{ teacher_word }} van {{ pupil.first_name }}, op {{ heard_teacher }};
- u, als ouders of verzorgers, op {{ heard_parents }}{% if not heard_pupil %}.{% else %};{% endif %}
% if heard_pupil
- {{ pupil.first_name }} zelf, op {{ heard_pupil }}.
% endif
# Waarom dit besluit
% for reason in reasons
- {{ reason }}
% endfor
% if measures
# Wat er eerder is gedaan
% for measure in measures
- {{ measure }}
% endfor
% endif
# De nieuwe school
{{ other_school }} is bereid {{ pupil.first_name }} toe te laten. Wij zorgen dat de nieuwe school krijgt wat nodig \
is voor een goede overstap{% if educational_report %}, ook een onderwijskundig rapport{% endif %}.
# Wat de wet zegt
{{ law.removal_rule }}{% if law.decision_rule %} {{ law.decision_rule }} Dit staat in \
{{ law.decision_article }}.{% endif %}
# Bezwaar maken
Bent u het niet eens met dit besluit? Dan kunt u binnen {{ law.objection_weeks }} schriftelijk bezwaar maken bij het \
bevoegd gezag.{% if law.objection_article %} Dat is geregeld in {{ law.objection_article }}.{% endif %} Uw \
bezwaarschrift moet uiterlijk op **{{ law.objection_deadline }}** binnen zijn, op dit adres:
"""
    + OBJECTION_ADDRESS
    + """\
% if law.decision_deadline
Het bevoegd gezag beslist uiterlijk op **{{ law.decision_deadline }}** op uw bezwaar.
% endif
% if not law.decision_deadline
Het bevoegd gezag hoort u en beslist binnen {{ law.decision_weeks }} nadat het uw bezwaarschrift heeft ontvangen.
% endif
{{ law.dossier_rule }} {% if law.court %}Bent u het na de beslissing op uw bezwaar nog steeds niet eens, dan kunt u\
 naar {{ law.court }}.\
{% else %}{{ law.court_rule }}{% endif %} {{ law.disputes_rule }}
""",
    SALUTATION_FORMAL,
)

CALM = """\
% if incident.kept_home
Het kind om wie het gaat, blijft op ons verzoek een paar dagen thuis. Zo is er tijd om rustig te bespreken hoe het \
verder gaat.
% endif
% if incident.parents_ask_calm
Ook de ouders van de kinderen die erbij betrokken waren, vragen om rust, zodat de kinderen weer gewoon naar school \
kunnen.
% endif
% if experts
Wij werken samen met {{ experts }}. Zij denken met ons mee over wat de kinderen nu nodig hebben.
% endif
"""

INCIDENT_EIGEN_GROEP = to_group(
    "een ernstig incident in {{ group }}",
    """\
Op {{ incident.date }}{% if incident.time %} rond {{ incident.time }}{% endif %} is er in {{ group }} iets ernstigs \
gebeurd. U hoort dat liever van ons dan via anderen, daarom schrijven wij u.
% for text in incident.paragraphs
{{ text }}
% endfor
% if incident.discussed
# In de groep
% for text in incident.discussed
{{ text }}
% endfor
% endif
"""
    + CALM
    + """\
# Wat wij u vragen
Begint uw kind erover, luister dan vooral en geef een eerlijk en rustig antwoord. Noem geen namen en deel geen \
berichten of beelden, ook niet online: ieder kind heeft recht op bescherming, ook nu. Wij laten u weten welke \
stappen wij verder zetten.
""",
)

INCIDENT_OVERIGE_GROEPEN = to_group(
    "een incident in {{ group }}",
    """\
Op {{ incident.date }} is er in {{ group }} een incident geweest. Misschien heeft uw kind er al iets over gehoord. \
Daarom vertellen wij u kort wat er is gebeurd.
% for text in incident.paragraphs
{{ text }}
% endfor
De ouders van {{ group }} hebben hierover een eigen brief gekregen.
"""
    + CALM
    + """\
# Wat wij u vragen
Praat er thuis rustig over als uw kind ernaar vraagt, en maak het niet groter dan het is. Noem geen namen en deel \
geen berichten of beelden, ook niet online.
""",
)

INCIDENT_JONGE_KINDEREN = to_group(
    "wat er in {{ group }} is gebeurd",
    """\
% if incident.reported_on
Op {{ incident.reported_on }} vertelden ouders van een van onze leerlingen ons wat hun kind op school had \
meegemaakt. Wij hebben dat meteen serieus genomen.
% endif
% for text in incident.paragraphs
{{ text }}
% endfor
# In de groep
Op {{ group_talk.date }} heeft {{ group_talk.by }} met de kinderen van de groep gepraat. Dit kwam aan bod:
% for text in group_talk.paragraphs
{{ text }}
% endfor
# Jonge kinderen en grenzen
Jonge kinderen zijn nieuwsgierig naar hun eigen lichaam en dat van anderen; dat hoort bij hun ontwikkeling. Ze \
leren ook waar de grens ligt: wat je wel en niet doet bij een ander, en dat je altijd 'stop' mag zeggen. Het gedrag \
waar deze brief over gaat, ging over zo'n grens.
"""
    + CALM
    + """\
# Wat u thuis kunt doen
Vraagt uw kind ernaar, geef dan een kort en eerlijk antwoord. Vertel dat je 'nee' of 'stop' mag zeggen, en dat je \
het altijd aan een volwassene mag vertellen als iets niet goed voelt.
""",
)

APPROACH = """\
# Onze aanpak
Wij gebruiken hiervoor deze aanpak: {{ approach.title }}.
% for text in approach.paragraphs
{{ text }}
% endfor
# Wat wij nu doen
% for action in actions
- {{ action }}
% endfor
% if follow_up
Rond {{ follow_up }} praten wij opnieuw met {{ pupil.first_name }} over hoe het gaat. Daarna hoort u van ons.
% endif
"""

PESTEN_GEPESTE = personal(
    "pesten: hoe wij {{ pupil.first_name }} helpen",
    """\
% if incident
Op {{ incident.date }} hoorden wij dat {{ pupil.child }} gepest wordt.
% for text in incident.paragraphs
{{ text }}
% endfor
% else
Wij weten dat {{ pupil.child }} gepest wordt.
% endif
Wij nemen dit serieus. Niemand hoort op school gepest te worden, en het is onze taak om het pesten te laten stoppen.
"""
    + APPROACH
    + """\
# Wat u kunt doen
Zeg tegen {{ pupil.first_name }} dat het goed is dat het pesten nu bekend is. Spreek het andere kind of diens \
ouders niet zelf aan; dat maakt het vaak moeilijker. Gaat het pesten door, laat het ons dan meteen weten.
"""
    + INVITATION,
)

PESTEN_PESTENDE = personal(
    "pesten in {{ pupil.group }}",
    """\
Wij schrijven u omdat {{ pupil.child }} betrokken is bij het pesten van een andere leerling\
{% if incident %}; dat werd ons op {{ incident.date }} duidelijk{% endif %}.
% if incident
% for text in incident.paragraphs
{{ text }}
% endfor
% endif
Wij willen dat het pesten stopt, en daarbij hebben wij {{ pupil.first_name }} nodig. Het gaat ons niet om schuld, \
maar om een groep waarin iedereen zich weer veilig voelt.
"""
    + APPROACH
    + """\
# Wat u kunt doen
Praat er thuis met {{ pupil.first_name }} over, zonder te veroordelen. Vraag wat er in de groep gebeurt en wat \
{{ pupil.first_name }} zelf kan doen om het anders te laten gaan. Wij horen graag wat u thuis merkt.
"""
    + INVITATION,
)

UITNODIGING = personal(
    "uitnodiging voor een {{ talk_kind }}",
    """\
% for text in occasion
{{ text }}
% endfor
Wij nodigen u{% if talk_kind == 'herstelgesprek' %} en {{ pupil.child }}{% endif %} uit voor een \
{{ talk_kind }}{% if talk_kind != 'herstelgesprek' %} over {{ pupil.child }}{% endif %} op **{{ invitation.date }}** om **{{ invitation.time }}**{% if invitation.place %}, in \
{{ invitation.place }}{% endif %}.{% if invitation.participants %} Namens de school praten mee: \
{{ invitation.participants }}.{% endif %}
% if talk_kind == 'herstelgesprek'
In een herstelgesprek kijken we samen terug en vooruit: wat is er gebeurd, wie had er last van, en wat is er nodig \
om het weer goed te maken? Het doel is dat iedereen daarna weer met een goed gevoel naar school gaat.
% endif
Kunt u op dat moment niet? Laat het ons dan weten; dan zoeken we samen een ander moment.
""",
)

TIME_OUT = personal(
    "time-out van {{ pupil.first_name }} op {{ time_out.date }}",
    """\
% if time_out.phoned_at
Om {{ time_out.phoned_at }} hebben wij u al gebeld. In deze brief zetten wij op een rij wat er is gebeurd.
% endif
Op {{ time_out.date }} is {{ pupil.child }} van {{ time_out.start }} tot {{ time_out.end }} in time-out geweest, \
in de {{ time_out.room }}. Een time-out is bedoeld om tot rust te komen; {{ pupil.first_name }} bleef daarbij op \
school{% if check_in_minutes %} en een medewerker kwam elke {{ check_in_minutes }} minuten kijken{% endif %}.
# Wat eraan voorafging
% for text in occasion
{{ text }}
% endfor
% if registration
Wij hebben de time-out vastgelegd in {{ registration }}, zoals bij elke time-out.
% endif
"""
    + INVITATION,
)

LETTERS: dict[str, str] = {
    "schorsing": SCHORSING,
    "voornemen_verwijdering": VOORNEMEN,
    "definitieve_verwijdering": DEFINITIEF,
    "incident_eigen_groep": INCIDENT_EIGEN_GROEP,
    "incident_overige_groepen": INCIDENT_OVERIGE_GROEPEN,
    "incident_jonge_kinderen": INCIDENT_JONGE_KINDEREN,
    "pesten_gepeste_leerling": PESTEN_GEPESTE,
    "pesten_pestende_leerling": PESTEN_PESTENDE,
    "uitnodiging_gesprek": UITNODIGING,
    "time_out": TIME_OUT,
}
