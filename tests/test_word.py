"""The Word writer, read back with python-docx: styles, lists, tables, links, cover, properties."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import re
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree
from support import load_yaml
from word_fixture import BOARD, MASTER, ROOT, SCHOOL, documents, meta

from schoolveiligheid.documents import Chapter, RenderedDocument
from schoolveiligheid.errors import BuildFailed
from schoolveiligheid.kept import Kept
from schoolveiligheid.writers import word
from schoolveiligheid.writers.markup import MARKDOWN_EXTENSIONS, plain_text, to_html
from schoolveiligheid.writers.word import WordWriter

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def write(
    tmp_path: Path, docs: list[RenderedDocument], writer: WordWriter | None = None
) -> list[DocxDocument]:
    paths = (writer or WordWriter()).write(docs, tmp_path / "uitvoer", MASTER)
    assert [path.name for path in paths] == [f"{doc.file_stem}.docx" for doc in docs]
    return [docx.Document(str(path)) for path in paths]


def body_items(document: DocxDocument) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def chapters_of(document: DocxDocument) -> list[list[Paragraph | Table]]:
    """Body blocks grouped per chapter: each group starts at a Heading 1."""
    groups: list[list[Paragraph | Table]] = []
    for item in body_items(document):
        if isinstance(item, Paragraph) and item.style is not None and item.style.name == "Heading 1":
            groups.append([])
        if groups:
            groups[-1].append(item)
    return groups


def text_of(items: list[Paragraph | Table]) -> str:
    parts: list[str] = []
    for item in items:
        if isinstance(item, Paragraph):
            parts.append(item.text)
        else:
            parts.extend(cell.text for row in item.rows for cell in row.cells)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def styled(document: DocxDocument, prefix: str) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name is not None and p.style.name.startswith(prefix)
    ]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[DocxDocument]:
    return write(
        tmp_path_factory.mktemp("word"), documents(meta(status="concept", adopted_on="", consent_on=""))
    )


def test_headings_follow_the_markdown_levels_in_order(written: list[DocxDocument]) -> None:
    assert styled(written[0], "Heading") == [
        ("Heading 1", "Inleiding"),
        ("Heading 2", "Waarom dit plan"),
        ("Heading 1", "Melden en aanpak"),
        ("Heading 2", "Stappen bij een melding"),
        ("Heading 3", "Bereikbaarheid"),
        ("Heading 1", "Afspraken en rollen"),
    ]


def test_lists_use_the_list_styles_with_a_nested_level(written: list[DocxDocument]) -> None:
    assert styled(written[1], "List") == [
        ("List Number", "De leerkracht luistert naar het kind."),
        ("List Number", "De leerkracht spreekt met de betrokken leerlingen."),
        ("List Number 2", "Eerst met ieder kind apart."),
        ("List Number 2", "Daarna samen."),
        ("List Number", "De leerkracht informeert de ouders."),
        ("List Number", "We bespreken of het pesten gestopt is."),
        ("List Number", "We leggen de afspraken vast."),
        ("List Bullet", "Aanspreekpunt: bel 030 765 43 21"),
        ("List Bullet", "Coördinator: mail coordinator@kiekendief.example"),
        ("List Bullet 2", "op maandag en dinsdag"),
        ("List Bullet 2", "via de schoolapp"),
        ("List Bullet", "De directie"),
    ]


def test_every_numbered_list_restarts_at_one(written: list[DocxDocument]) -> None:
    document = written[1]
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.xpath(".//w:numId/@w:val")[0]
    style_abstract = numbering.xpath(f'./w:num[@w:numId="{style_num}"]/w:abstractNumId/@w:val')[0]
    used: list[tuple[str, str]] = []
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name in ("List Number", "List Number 2"):
            used.append((paragraph._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0], paragraph.text))
    first_list, second_list = used[0][0], used[-1][0]
    assert first_list != second_list, "two separate lists must not share a w:num, or Word continues counting"
    assert {num for num, _ in used[:5]} == {first_list}  # the nested level belongs to the same list
    for num_id in (first_list, second_list):
        (num,) = numbering.xpath(f'./w:num[@w:numId="{num_id}"]')
        assert num.xpath("./w:abstractNumId/@w:val") == [style_abstract]
        assert num.xpath('./w:lvlOverride[@w:ilvl="0"]/w:startOverride/@w:val') == ["1"]
    nested = [p for p in document.paragraphs if p.text == "Eerst met ieder kind apart."][0]
    assert nested._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val") == ["1"]


def test_tables_use_the_named_style_with_a_repeated_bold_shaded_header(written: list[DocxDocument]) -> None:
    document = written[0]
    (table,) = document.tables
    assert table.style is not None and table.style.name == "Beleidstabel"
    assert [cell.text for cell in table.rows[0].cells] == ["Rol", "Taak", "Bereikbaar"]
    assert [cell.text for cell in table.rows[2].cells] == ["Coördinator", "Beleid en monitoring", "dinsdag"]
    assert table._tbl.xpath("./w:tr[1]/w:trPr/w:tblHeader"), "header row must repeat on every page"
    assert not table._tbl.xpath("./w:tr[2]/w:trPr/w:tblHeader")
    assert table._tbl.xpath("./w:tblPr/w:tblLook/@w:firstRow") == ["1"]
    first_row = table.style.element.xpath('./w:tblStylePr[@w:type="firstRow"]')[0]
    assert first_row.xpath("./w:rPr/w:b", namespaces=NS)
    assert first_row.xpath("./w:tcPr/w:shd/@w:fill", namespaces=NS)
    bold_runs = [run.text for run in table.rows[2].cells[2].paragraphs[0].runs if run.bold]
    assert bold_runs == ["dinsdag"]


def test_links_are_real_hyperlinks_with_visible_text(written: list[DocxDocument]) -> None:
    document = written[1]
    targets = {
        rel.rId: rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")
    }
    assert set(targets.values()) == {"tel:+31307654321", "mailto:coordinator@kiekendief.example"}
    assert all(rel.is_external for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink"))
    links = [
        (
            link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"),
            "".join(link.xpath(".//w:t/text()")),
        )
        for link in document.element.body.iter(f"{W}hyperlink")
    ]
    assert [(targets[rel_id], text) for rel_id, text in links] == [
        ("tel:+31307654321", "030 765 43 21"),
        ("mailto:coordinator@kiekendief.example", "coordinator@kiekendief.example"),
    ]
    link_runs = document.element.body.xpath(".//w:hyperlink/w:r/w:rPr/w:rStyle/@w:val")
    assert set(link_runs) == {document.styles["Hyperlink"].style_id}


def test_admonition_is_a_set_off_box_with_a_bold_title(written: list[DocxDocument]) -> None:
    document = written[0]
    assert styled(document, "Kader") == [
        ("Kadertitel", "Let op"),
        ("Kader", "Bij acuut gevaar belt u altijd eerst 112."),
        ("Kader", "Daarna informeert u de directie."),
    ]
    box = document.styles["Kader"].element
    assert box.xpath("./w:pPr/w:shd/@w:fill") and box.xpath("./w:pPr/w:pBdr/w:left")
    assert document.styles["Kadertitel"].font.bold is True


def test_each_chapter_says_exactly_what_its_markdown_says(written: list[DocxDocument]) -> None:
    for document, rendered in zip(written, documents(), strict=True):
        groups = chapters_of(document)
        assert len(groups) == len(rendered.chapters)
        for group, chapter in zip(groups, rendered.chapters, strict=True):
            assert text_of(group) == plain_text(chapter.markdown)


def test_no_markdown_syntax_or_empty_paragraphs_in_the_body(written: list[DocxDocument]) -> None:
    for document in written:
        body = [item for group in chapters_of(document) for item in group]
        text = text_of(body)
        for syntax in ("**", "*", "#", "|", "!!!", "](", "    "):
            assert syntax not in text
        assert all(item.text.strip() for item in body if isinstance(item, Paragraph))


def test_cover_shows_school_title_year_version_board_and_concept(written: list[DocxDocument]) -> None:
    cover = [p.text for p in written[0].paragraphs[:8]]
    assert cover == [
        "CONCEPT – nog niet vastgesteld",
        SCHOOL,
        "Sociaal veiligheidsplan",
        "Schooljaar 2026-2027",
        "Versie 1.2",
        "Vastgesteld: nog niet vastgesteld",
        f"Bevoegd gezag: {BOARD}",
        "Inhoud",
    ]
    assert written[0].paragraphs[1].style.name == "Voorblad school"
    assert written[0].paragraphs[2].style.name == "Title"


def test_adopted_document_has_no_concept_marking_and_shows_its_dates(tmp_path: Path) -> None:
    (document,) = write(tmp_path, documents()[:1])
    cover = [p.text for p in document.paragraphs[:6]]
    assert cover[0] == SCHOOL
    assert "Vastgesteld: 15 september 2026" in cover
    assert "Instemming medezeggenschapsraad: 8 september 2026" in cover
    section = document.sections[0]
    everything = [p.text for p in document.paragraphs] + [p.text for p in section.header.paragraphs]
    assert not any("CONCEPT" in text.upper() for text in everything)


def test_header_and_footer_carry_school_title_and_page_x_of_y(written: list[DocxDocument]) -> None:
    section = written[0].sections[0]
    assert section.different_first_page_header_footer, "the cover has its own header"
    header = [p.text for p in section.header.paragraphs]
    assert header == ["CONCEPT – nog niet vastgesteld", f"{SCHOOL}\tSociaal veiligheidsplan"]
    footer = section.footer._element
    assert [text.strip() for text in footer.xpath(".//w:instrText/text()")] == ["PAGE", "NUMPAGES"]
    assert "pagina" in section.footer.paragraphs[0].text and " van " in section.footer.paragraphs[0].text
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()


def test_table_of_contents_is_a_field_word_updates_on_opening(written: list[DocxDocument]) -> None:
    plan, _, gids = written
    instructions = [text.strip() for text in plan.element.body.xpath(".//w:instrText/text()")]
    # Two levels (issue 13): the contents of the example plan fit on one page.
    assert instructions == ['TOC \\o "1-2" \\h \\z \\u']
    entries = [(p.style.name, p.text) for p in plan.paragraphs if p.style.name.startswith("toc")]
    assert entries[0] == ("toc 1", "Inleiding") and ("toc 2", "Stappen bij een melding") in entries
    assert {style for style, _ in entries} == {"toc 1", "toc 2"}, "no third level (Bereikbaarheid)"
    assert plan.settings.element.xpath("./w:updateFields/@w:val") == ["true"]
    assert not gids.element.body.xpath(".//w:instrText") and "Inhoud" not in [p.text for p in gids.paragraphs]


def test_properties_and_language_are_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    (document,) = write(tmp_path, documents()[:1])
    properties = document.core_properties
    assert properties.title == "Sociaal veiligheidsplan"
    assert properties.subject == f"Sociaal veiligheidsplan van {SCHOOL}, schooljaar 2026-2027"
    assert properties.author == SCHOOL
    assert SCHOOL in properties.keywords and "sociale veiligheid" in properties.keywords
    assert properties.language == "nl-NL"
    assert properties.created == properties.modified == datetime(2026, 9, 21, 14, 13, 20, tzinfo=UTC)
    app = zipfile.ZipFile(tmp_path / "uitvoer" / "sociaal-veiligheidsplan.docx").read("docProps/app.xml")
    assert etree.fromstring(app).findtext("{*}Company") == SCHOOL
    defaults = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert defaults == ["nl-NL"]


def test_dates_come_from_the_adoption_date_without_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    adopted, concept = write(
        tmp_path,
        [documents()[0], documents(meta(status="concept", adopted_on="", adopted_date=None))[1]],
    )
    assert adopted.core_properties.created == datetime(2026, 9, 15, tzinfo=UTC)
    # Not adopted yet: the start of the school year.
    assert concept.core_properties.created == datetime(2026, 8, 1, tzinfo=UTC)


def test_same_input_gives_byte_identical_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(word, "_WRITTEN", Kept(0))  # every write fills the master: nothing kept
    first = WordWriter().write(documents(), tmp_path / "een", MASTER)
    writer = WordWriter()
    writer.write(documents(), tmp_path / "twee", MASTER)
    second = writer.write(documents(), tmp_path / "twee", MASTER)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert {info.date_time for info in zipfile.ZipFile(a).infolist()} == {(2026, 9, 15, 0, 0, 0)}


TRICKY_SCHOOL = 'Kindcentrum \'t "Hoekje" & <Zon> 😀'
TRICKY_BOARD = "Stichting A&B <Noord>"
TRICKY_MARKDOWN = """\
# Contact met &lt;naam&gt; & \\*ouders\\* 😀

Juf O'Brien zegt: "samen & veilig" &lt;altijd&gt; \\# geen kop.

| Wie | Wat |
|---|---|
| Jansen &amp; Zn. &lt;b&gt; | 5 \\| 6 |

- Punt met 'quotes' & "meer"
"""


def test_special_characters_come_out_exactly_as_typed(tmp_path: Path) -> None:
    data = meta(school_name=TRICKY_SCHOOL, board_name=TRICKY_BOARD, status="concept", adopted_on="")
    rendered = RenderedDocument(
        kind="veiligheidsplan",
        title='Plan & "protocol" <2026>',
        file_stem="plan",
        meta=data,
        chapters=(Chapter("contact", "Contact", TRICKY_MARKDOWN),),
    )
    (document,) = write(tmp_path, [rendered])
    with zipfile.ZipFile(tmp_path / "uitvoer" / "plan.docx") as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # every part stays well-formed XML
    texts = [p.text for p in document.paragraphs]
    assert TRICKY_SCHOOL in texts and 'Plan & "protocol" <2026>' in texts
    assert f"Bevoegd gezag: {TRICKY_BOARD}" in texts
    assert "Contact met <naam> & *ouders* 😀" in texts
    assert 'Juf O\'Brien zegt: "samen & veilig" <altijd> # geen kop.' in texts
    assert "Punt met 'quotes' & \"meer\"" in texts
    assert [cell.text for cell in document.tables[0].rows[1].cells] == ["Jansen & Zn. <b>", "5 | 6"]
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header[-1] == f'{TRICKY_SCHOOL}\tPlan & "protocol" <2026>'
    assert document.core_properties.title == 'Plan & "protocol" <2026>'
    assert document.core_properties.author == TRICKY_SCHOOL
    assert text_of(chapters_of(document)[0]) == plain_text(TRICKY_MARKDOWN)


def test_templates_are_compiled_once_for_all_schools_and_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word, "_SHARED_COMPILED", Kept(256))  # as in a new process: nothing compiled yet
    monkeypatch.setattr(word, "_WRITTEN", Kept(24))  # nor written
    writer = WordWriter()
    schools = [meta(school_id=f"school{n}", school_name=f"Basisschool Nummer {n}") for n in range(5)]
    writer.write(documents(schools[0]), tmp_path / "school0", MASTER)
    after_first = writer.compilations
    requests_first = writer.template_requests
    for n, school in enumerate(schools[1:], start=1):
        paths = writer.write(documents(school), tmp_path / f"school{n}", MASTER)
        assert docx.Document(str(paths[0])).paragraphs[0].text == f"Basisschool Nummer {n}"
    assert 0 < after_first <= 20
    assert writer.compilations == after_first, "a new school or document must not compile templates again"
    assert writer.template_requests >= 5 * requests_first  # they were asked for, and reused


def test_master_is_read_once_per_run(tmp_path: Path) -> None:
    master = tmp_path / "master.docx"
    shutil.copyfile(MASTER, master)
    writer = WordWriter()
    writer.write(documents()[:1], tmp_path / "een", master)
    master.unlink()
    assert writer.write(documents()[1:2], tmp_path / "twee", master)[0].is_file()
    with pytest.raises(BuildFailed, match="bestaat niet"):
        WordWriter().write(documents()[:1], tmp_path / "drie", master)


def test_a_placeholder_without_value_fails_loudly(tmp_path: Path) -> None:
    document = docx.Document(str(MASTER))
    marker = [p for p in document.paragraphs if p.text == "[[HOOFDSTUKKEN]]"][0]
    marker.insert_paragraph_before("Logo: {{ logo_van_de_school }}")
    master = tmp_path / "eigen-master.docx"
    document.save(str(master))
    with pytest.raises(BuildFailed, match="logo_van_de_school") as caught:
        WordWriter().write(documents()[:1], tmp_path / "uit", master)
    assert "school_name" in caught.value.hint
    assert not (tmp_path / "uit" / "sociaal-veiligheidsplan.docx").exists()


def test_master_without_marker_or_not_a_docx_is_refused(tmp_path: Path) -> None:
    document = docx.Document(str(MASTER))
    marker = [p for p in document.paragraphs if p.text == "[[HOOFDSTUKKEN]]"][0]
    marker._p.getparent().remove(marker._p)
    document.save(str(tmp_path / "zonder.docx"))
    with pytest.raises(BuildFailed, match=r"precies één alinea met \[\[HOOFDSTUKKEN\]\]"):
        WordWriter().write(documents()[:1], tmp_path / "uit", tmp_path / "zonder.docx")
    (tmp_path / "tekst.docx").write_text("geen Word-bestand", encoding="utf-8")
    with pytest.raises(BuildFailed, match="geen geldig Word-bestand"):
        WordWriter().write(documents()[:1], tmp_path / "uit", tmp_path / "tekst.docx")


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("# Titel\n\n    ingesprongen tekst\n", "codeblok"),
        ("# Titel\n\nEen <naam> zonder escape.\n", "<naam>"),
        ("# Titel\n\n<dl><dt>a</dt></dl>\n", "<dl>"),
    ],
)
def test_markdown_the_document_cannot_show_fails_loudly(tmp_path: Path, markdown: str, message: str) -> None:
    rendered = dataclasses.replace(documents()[2], chapters=(Chapter("x", "Titel", markdown),))
    with pytest.raises(BuildFailed, match=re.escape(message)) as caught:
        WordWriter().write([rendered], tmp_path, MASTER)
    assert "Hoofdstuk 'Titel'" in caught.value.message


def test_a_failed_document_leaves_earlier_outputs_untouched(tmp_path: Path) -> None:
    writer = WordWriter()
    (path,) = writer.write(documents()[:1], tmp_path, MASTER)
    before = path.read_bytes()
    broken = dataclasses.replace(documents()[1], chapters=(Chapter("x", "X", "# X\n\n    code\n"),))
    with pytest.raises(BuildFailed):
        writer.write(
            [dataclasses.replace(documents()[0], meta=meta(version="9.9")), broken], tmp_path, MASTER
        )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sociaal-veiligheidsplan.docx"]


def test_committed_master_is_what_the_generator_makes() -> None:
    spec = importlib.util.spec_from_file_location("maak_master", ROOT / "tools" / "maak_master.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def parts(data: bytes) -> dict[str, bytes]:
        # Compare the parts, not the zip: another zlib may compress the same bytes differently.
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}

    assert parts(module.build()) == parts(MASTER.read_bytes()), "run: python tools/maak_master.py"


def test_markup_keeps_user_text_as_typed() -> None:
    assert (
        plain_text("Naam: &lt;naam&gt; &amp; co \\* 'x' \"y\" 😀 a & b")
        == "Naam: <naam> & co * 'x' \"y\" 😀 a & b"
    )
    assert plain_text("# Kop\n\n- een\n- twee\n\n| a | b |\n|---|---|\n| c | d |\n") == "Kop een twee a b c d"
    assert plain_text("") == ""
    convert = to_html.__wrapped__  # the conversion itself, past the per-process store
    first = convert("# Kop")
    convert("# Kop\n\n# Kop")  # an earlier conversion with the same heading
    assert convert("# Kop") == first == to_html("# Kop"), "ids must not depend on earlier conversions"


def test_site_uses_the_same_markdown_extensions() -> None:
    config = load_yaml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert names == list(MARKDOWN_EXTENSIONS)


def test_a_document_written_from_its_parts_is_the_bytes_of_a_save() -> None:
    """reproducible_docx writes python-docx's parts straight into the zip (compressed once): the
    bytes must be those of saving the document and rewriting the zip, as before."""
    when = datetime(2026, 9, 1, 12, 0)
    document = docx.Document()
    document.add_paragraph("Een alinea met een é en een <teken> & meer.")
    document.add_picture(str(ROOT / "policy" / "logo" / "vlinderboom.png"))
    saved = io.BytesIO()
    document.save(saved)
    expected = word.reproducible_zip(saved.getvalue(), when, {"docProps/app.xml": b"<Properties/>"})
    assert word.reproducible_docx(document, when, {"docProps/app.xml": b"<Properties/>"}) == expected
    with zipfile.ZipFile(io.BytesIO(expected)) as written:
        assert written.read("docProps/app.xml") == b"<Properties/>"
        assert {info.date_time for info in written.infolist()} == {(2026, 9, 1, 12, 0, 0)}


def test_the_same_document_is_filled_once_and_anything_it_depends_on_fills_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word, "_WRITTEN", Kept(24))
    fills: list[str] = []
    fill = WordWriter._fill

    def counted(self: WordWriter, document: RenderedDocument, *rest: object) -> bytes:
        fills.append(document.file_stem)
        return fill(self, document, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(WordWriter, "_fill", counted)
    logo = tmp_path / "logo.png"
    shutil.copyfile(ROOT / "policy" / "logo" / "vlinderboom.png", logo)
    master = tmp_path / "master.docx"
    shutil.copyfile(MASTER, master)
    document = documents()[:1]

    def bytes_of(folder: str) -> bytes:
        (path,) = WordWriter().write(document, tmp_path / folder, master, logo)
        return path.read_bytes()

    first = bytes_of("een")
    assert bytes_of("twee") == first and len(fills) == 1, "the same document, master and logo: kept"
    from PIL import Image  # noqa: PLC0415 - matplotlib's image library, only this test draws one

    Image.new("RGB", (40, 20), "#1f5f8b").save(logo)  # the same name, other contents
    other_logo = bytes_of("drie")
    assert other_logo != first and len(fills) == 2
    edited = docx.Document(str(master))
    edited.paragraphs[0].insert_paragraph_before("Eigen huisstijl")
    edited.save(str(master))
    other_master = bytes_of("vier")
    assert other_master != other_logo and len(fills) == 3
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # another document date
    other_date = bytes_of("vijf")
    assert other_date != other_master and len(fills) == 4
    renamed = logo.rename(logo.with_name("beeldmerk.png"))  # the same picture under another name
    (path,) = WordWriter().write(document, tmp_path / "zes", master, renamed)
    assert path.read_bytes() != other_date and len(fills) == 5
    document = [dataclasses.replace(document[0], title="Een ander plan")]
    (path,) = WordWriter().write(document, tmp_path / "zeven", master, renamed)
    assert len(fills) == 6 and docx.Document(str(path)).core_properties.title == "Een ander plan"
    logo = renamed
    logo.unlink()  # not served from what was kept: the missing logo is an error
    with pytest.raises(BuildFailed):
        bytes_of("acht")
