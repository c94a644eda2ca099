"""The same evidence filed with three forums — a CCF request (in English and in French), a UK
appeal bundle and a US immigration court filing — checked as each receiving clerk's tools
would: text order, links to the cited pages, paper, bookmarks, the forum's own words."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from dossier.export import preflight, templates
from dossier.export.case_export import ExportResult, export_case, parse_time
from dossier.services import cases, documents, exhibits, ocr, people, quotes, translations
from storage.keys import KdfParams
from storage.vault import Vault
from tests.conftest import CORPUS, PASSPHRASE
from tests.integration.pdf_tools import manifest as _manifest
from tests.integration.pdf_tools import text as _text
from tests.integration.pdf_tools import tool as _tool

AT = parse_time("2025-11-20T10:00:00Z")
RULING = "Октябрьский районный суд города Бишкек признал материалы Kloop экстремистскими."
RULING_EN = "The Oktyabrsky District Court of Bishkek declared Kloop's materials extremist."
TRANSLATOR_ADDRESS = "2 Fleet Street, London EC4Y 1AA"


@dataclass
class Filings:
    vault: Vault
    folder: Path
    refs: dict[str, str]  # short name → D ref
    names: dict[str, str]  # short name → the original file's name (the manifest has no refs)
    ccf: int
    uk: int
    us: int


@pytest.fixture(scope="module")
def filings(tmp_path_factory: pytest.TempPathFactory) -> Filings:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    folder = tmp_path_factory.mktemp("forums")
    vault = Vault.create(folder / "vault", PASSPHRASE, kdf=KdfParams.floor())
    person = people.add_person(
        vault, "Rinat Tukhvatshin", native_name="Ринат Тухватшин", birth_date="1990",
        nationality="Kyrgyz Republic", role="journalist",
    )  # fmt: skip
    people.update_person(
        vault, person.id, birth_place="Bishkek", identity_document="Passport AC1234567",
    )  # fmt: skip
    ruling = folder / "решение суда.txt"
    ruling.write_text(RULING, encoding="utf-8")
    files = {
        "article": CORPUS / "articles" / "interpol-rejects-kyrgyz-request-tukhvatshin.txt",
        "hrw": CORPUS / "articles" / "hrw-joint-statement-kloop-liquidation-2024-09-05.txt",
        "passport": CORPUS / "images" / "Canon_40D.jpg",
        "power": CORPUS / "pdf" / "minimal-document.pdf",
        "four": CORPUS / "pdf" / "pdflatex-4-pages.pdf",
        "ruling": ruling,
    }
    kinds = {"passport": "identity-document", "power": "power-of-attorney",
             "ruling": "court-decision", "article": "news-article",
             "hrw": "ngo-statement"}  # fmt: skip
    report = documents.import_files(vault, list(files.values()), person_ids=[person.id])
    by_file = {d.original_name: d for d in report.imported}
    refs = {}
    for name, path in files.items():
        document = by_file[path.name]
        refs[name] = document.ref
        documents.update_document(
            vault, document.id, kind=kinds.get(name, "other"),
            language="ru" if name == "ruling" else "en",
        )  # fmt: skip
    ruling_id = int(refs["ruling"][1:])
    documents.update_document(
        vault, ruling_id, title_translated="Decision of the Oktyabrsky District Court"
    )
    translations.add_translation(
        vault, ruling_id, language="en", text=RULING_EN, translator="Anna Translator",
        translator_address=TRANSLATOR_ADDRESS, translator_phone="+44 20 7946 0000",
        qualifications="DipTrans IoLET, MCIL", date="19 November 2025",
    )  # fmt: skip
    quote = quotes.add_quote(vault, int(refs["article"][1:]), "so we rejected this request")
    facts = (
        f"INTERPOL's General Secretariat refused the request [{refs['article']}:1].\n\n"
        f"The Oktyabrsky District Court declared Kloop extremist [{refs['ruling']}]."
    )
    ids = {}
    for kind in ("ccf-deletion", "asylum-uk", "asylum-us"):
        case = cases.add_case(
            vault, person.id, kind, requesting_country="Kyrgyzstan", notice_type="red-notice",
            representative_name="Jane Advocate", representative_address="1 Chancery Lane",
            representative_bar_number="EOIR ZZ123456",
        )  # fmt: skip
        # The US filing also cites a document that is not among its exhibits.
        extra = f"\n\nA report confirms it [{refs['four']}:2]." if kind == "asylum-us" else ""
        cases.update_case(
            vault, case.id, facts=facts + extra, signatory_name="Jane Advocate",
            signed_place="London",
            signatory_capacity="Counsel", served_on="DHS OPLA, 26 Federal Plaza, New York",
            summary="The applicant is a journalist persecuted for his reporting.",
        )  # fmt: skip
        ground = cases.grounds(vault, case.id)[0]
        cases.set_argument(vault, ground.id, f"The request is political [{quote.ref}].")
        cases.link_evidence(vault, ground.id, quote.ref)
        ids[kind] = case.id
    cases.set_particulars(vault, ids["asylum-uk"], {
        "appeal-number": "PA/01234/2026", "home-office-reference": "D1234567",
        "country-of-origin": "Kyrgyzstan",
    })  # fmt: skip
    cases.set_particulars(vault, ids["asylum-us"], {
        "a-number": "A123456789", "immigration-judge": "Hon. J. Smith",
        "hearing-date": "12 March 2027",
    })  # fmt: skip
    for name in ("passport", "power", "ruling", "hrw", "four"):
        exhibits.add_exhibit(vault, ids["ccf-deletion"], int(refs[name][1:]))
    own, country = "A. The appellant's documents", "B. Country evidence"
    sections = {"ruling": own, "passport": own, "article": own, "hrw": country, "four": country}
    for name, section in sections.items():
        exhibits.add_exhibit(vault, ids["asylum-uk"], int(refs[name][1:]), section=section)
    for name in ("ruling", "hrw", "passport"):
        exhibits.add_exhibit(vault, ids["asylum-us"], int(refs[name][1:]))
    # What PM 25-28 makes a US application complete: the I-589, the respondent's
    # declaration, the protected ground, the nexus and the one-year deadline argued.
    for name, text, kind in (
        ("i-589.txt", "Form I-589, Application for Asylum, Part A.I", "asylum-application"),
        ("declaration.txt", "I, Rinat Tukhvatshin, declare as follows.", "witness-statement"),
    ):
        (folder / name).write_text(text, encoding="utf-8")
        added = documents.import_files(vault, [folder / name], person_ids=[person.id])
        document = added.imported[0]
        documents.update_document(vault, document.id, kind=kind, language="en")
        exhibits.add_exhibit(vault, ids["asylum-us"], document.id)
    us_grounds = {g.code: g for g in cases.grounds(vault, ids["asylum-us"])}
    for code, argument in (
        ("asylum-convention-reason", "He is persecuted for his political opinion."),
        ("us-nexus", "He was charged for his reporting, not for a crime."),
        ("us-one-year-bar", "He applied within a year of arriving."),
    ):
        cases.set_argument(vault, us_grounds[code].id, argument)
    names = {name: path.name for name, path in files.items()}
    return Filings(
        vault, folder, refs, names, ids["ccf-deletion"], ids["asylum-uk"], ids["asylum-us"]
    )


def _export(filings: Filings, case_id: int, name: str, **options: object) -> ExportResult:
    return export_case(filings.vault, case_id, filings.folder / name, at=AT, **options)  # type: ignore[arg-type]


def _links(path: Path) -> list[tuple[int, int]]:
    """(page the link is on, page it jumps to), 1-based, as qpdf's JSON shows them."""
    shown = subprocess.run([_tool("qpdf"), "--json=2", str(path)], capture_output=True,
                           text=True, check=True)  # fmt: skip
    dump = json.loads(shown.stdout)
    objects = dump["qpdf"][1]
    pages = [page["object"] for page in dump["pages"]]
    found = []
    for number, page in enumerate(pages, start=1):
        value = objects[f"obj:{page}"]["value"]
        for reference in value.get("/Annots", []):
            annotation = objects[f"obj:{reference}"]["value"]
            action = annotation.get("/A")
            if isinstance(action, str):
                action = objects[f"obj:{action}"]["value"]
            if action and action.get("/S") == "/GoTo":
                found.append((number, pages.index(action["/D"][0]) + 1))
    return found


def test_ccf_request_puts_each_translation_after_its_original_then_the_certificate(
    filings: Filings,
) -> None:
    result = _export(filings, filings.ccf, "ccf.pdf")
    text = _text(result.path)
    original = text.index("Октябрьский районный суд")
    translated = text.index(RULING_EN.split(" declared")[0])
    certificate = text.index("translator's certificate")
    assert original < translated < certificate < text.index(TRANSLATOR_ADDRESS)
    entry = next(
        e
        for e in _manifest(result.path)["exhibits"]
        if e["original_file"] == filings.names["ruling"]
    )
    assert "Russian" in text and "(translation" in text
    # The ruling's annex spans its original, its translation and the certificate.
    assert entry["last_page"] - entry["first_page"] == 2


def test_ccf_citations_and_index_entries_jump_to_the_cited_pages(filings: Filings) -> None:
    result = _export(filings, filings.ccf, "ccf-links.pdf")
    manifest = _manifest(result.path)
    assert "document" not in manifest["exhibits"][0] and "case" not in manifest  # no vault refs
    first_pages = {e["original_file"]: e["first_page"] for e in manifest["exhibits"]}
    narrative = min(first_pages.values()) - 1
    links = _links(result.path)
    assert links and all(source <= narrative for source, _ in links)
    targets = [target for _, target in links]
    for ref, page in first_pages.items():
        assert targets.count(page) >= 2, ref  # its number and its title in the list of annexes
    # "[D…:1]" in the facts: a jump to page 1 of the article's annex.
    article = first_pages[filings.names["article"]]
    facts_page = next(
        n for n in range(1, narrative + 1) if "refused the request" in _text(result.path, n, n)
    )
    assert (facts_page, article) in links


def test_each_forum_gets_its_paper_and_its_words(filings: Filings) -> None:
    sizes = {}
    for case_id, name in ((filings.ccf, "ccf"), (filings.uk, "uk"), (filings.us, "us")):
        result = _export(filings, case_id, f"{name}-paper.pdf", draft=True)
        with pikepdf.open(result.path) as pdf:
            sizes[name] = [round(float(v)) for v in pdf.pages[0].mediabox][2:]
    assert sizes == {"ccf": [595, 842], "uk": [595, 842], "us": [612, 792]}
    uk = " ".join(_text(filings.folder / "uk-paper.pdf").split())
    assert "Skeleton argument on behalf of the Appellant" in uk and "Tab 1" in uk
    us = " ".join(_text(filings.folder / "us-paper.pdf").split())
    assert "Certificate of service" in us and "DHS OPLA, 26 Federal Plaza" in us and "Tab A" in us


def test_uk_bundle_bookmarks_nest_sections_then_documents(filings: Filings) -> None:
    result = _export(filings, filings.uk, "uk.pdf", draft=True)
    with pikepdf.open(result.path) as pdf, pdf.open_outline() as outline:
        annexes = next(item for item in outline.root if item.title == "Annexes")
        sections = {item.title: [c.title.split(":")[0] for c in item.children]
                    for item in annexes.children}  # fmt: skip
    assert sections == {
        "A. The appellant's documents": ["Tab 1", "Tab 2", "Tab 3"],
        "B. Country evidence": ["Tab 4", "Tab 5"],
    }


def test_the_forum_check_names_what_each_forum_still_needs(filings: Filings) -> None:
    uk = preflight.check(filings.vault, filings.uk, templates.for_case("asylum-uk"))
    skeleton = next(i for i in uk.items if "12 pages" in i.what)
    assert skeleton.status == preflight.MET
    ccf = preflight.check(filings.vault, filings.ccf, templates.for_case("ccf-deletion"))
    assert ccf.ready, [i.message for i in ccf.blocking]
    us = preflight.check(filings.vault, filings.us, templates.for_case("asylum-us"))
    [missing] = us.blocking
    assert missing.what == "citations that point to exhibits"
    assert f"not annexed: {filings.refs['four']}:2." in missing.message
    us_text = _text(_export(filings, filings.us, "us-draft.pdf", draft=True).path)
    assert "A report confirms it (not annexed)." in us_text


def test_the_ccf_request_in_french_needs_no_code_change(filings: Filings) -> None:
    result = _export(filings, filings.ccf, "ccf-fr.pdf", template="ccf-request-fr", draft=True)
    text = " ".join(_text(result.path).split())
    for words in ("Requête adressée à la Commission de contrôle des fichiers d'INTERPOL",
                  "Annexe 1", "Mesures demandées", "Exposé des faits", "Liste des annexes",
                  "20 novembre 2025", "Notice rouge", "PROJET — NE PAS DÉPOSER",
                  "Article 3 du Statut d'INTERPOL : caractère politique prédominant"):  # fmt: skip
        assert words in text, words
    assert "Relief sought" not in text and "Statement of facts" not in text
    assert "NOT FOR FILING" not in text and "predominantly political" not in text
    assert "DRAFT" not in text and "PROJET" in text  # the diagonal mark too


def test_a_quote_from_a_russian_source_needs_and_shows_its_translation(filings: Filings) -> None:
    person = people.add_person(filings.vault, "Quote Client")
    case = cases.add_case(filings.vault, person.id, "asylum-uk")
    ground = cases.grounds(filings.vault, case.id)[0]
    ruling = int(filings.refs["ruling"][1:])
    bare = quotes.add_quote(filings.vault, ruling, "признал материалы Kloop экстремистскими")
    cases.link_evidence(filings.vault, ground.id, bare.ref)
    report = preflight.check(filings.vault, case.id, templates.for_case("asylum-uk"))
    lacking = next(i for i in report.items if i.what.startswith("translations of the quotes"))
    assert lacking.status == preflight.MISSING and f"no translation: {bare.ref}." in lacking.detail
    other = cases.add_case(filings.vault, person.id, "asylum-uk")
    translated = quotes.add_quote(
        filings.vault, ruling, "Октябрьский районный суд",
        translation="The Oktyabrsky District Court",
    )  # fmt: skip
    cases.link_evidence(filings.vault, cases.grounds(filings.vault, other.id)[0].id, translated.ref)
    report = preflight.check(filings.vault, other.id, templates.for_case("asylum-uk"))
    assert (
        next(i for i in report.items if i.what.startswith("translations of the quotes")).status
        == preflight.MET
    )
    text = " ".join(_text(_export(filings, other.id, "quote.pdf", draft=True).path).split())
    assert "“Октябрьский районный суд”" in text
    assert "Translation: The Oktyabrsky District Court" in text


def test_the_check_warns_of_grounds_left_out_and_scans_without_text(filings: Filings) -> None:
    from reportlab.pdfgen.canvas import Canvas

    report = preflight.check(filings.vault, filings.uk, templates.for_case("asylum-uk"))
    left_out = next(i for i in report.items if i.what == "grounds without argument or evidence")
    assert left_out.status == preflight.WARN and "No state protection" in left_out.detail
    scan = filings.folder / "scanned-protocol.pdf"
    canvas = Canvas(str(scan))
    canvas.rect(100, 100, 300, 500, fill=1)  # a page with marks and no text, as a scan is
    canvas.save()
    person = people.add_person(filings.vault, "Scan Client")
    case = cases.add_case(filings.vault, person.id, "asylum-uk")
    imported = documents.import_files(filings.vault, [scan], person_ids=[person.id]).imported[0]
    exhibits.add_exhibit(filings.vault, case.id, imported.id)
    report = preflight.check(filings.vault, case.id, templates.for_case("asylum-uk"))
    text = next(i for i in report.items if i.what.startswith("machine-readable text"))
    assert text.status == preflight.WARN and "no text: Tab 1." in text.message
    ocr.read_scanned_pages(filings.vault, imported.id)  # read: what text it has is searchable
    report = preflight.check(filings.vault, case.id, templates.for_case("asylum-uk"))
    text = next(i for i in report.items if i.what.startswith("machine-readable text"))
    assert text.status == preflight.MET
