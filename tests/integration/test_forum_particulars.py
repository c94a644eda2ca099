"""Each forum declares its own particulars as data (an appeal number, an A-number, the
Immigration Judge…); a case keeps them by name, the check asks for the required ones, and
the cover prints them — the UK skeleton no longer borrows the CCF's cover."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.export import preflight, templates
from dossier.export.gathering import gather
from dossier.export.submission import Table, build
from dossier.services import cases, people
from storage.vault import Vault


def _cover_rows(vault: Vault, case_id: int, kind: str) -> dict[str, str]:
    content = gather(vault, case_id, templates.for_case(kind), export_time=datetime.now(UTC),
                     draft=True)  # fmt: skip
    cover = next(b for b in build(content).blocks if isinstance(b, Table))
    return {"".join(s.text for s in row[0]): "".join(s.text for s in row[1]) for row in cover.rows}


def _item(vault: Vault, case_id: int, kind: str) -> preflight.Item:
    report = preflight.check(vault, case_id, templates.for_case(kind))
    return next(i for i in report.items if i.what == "the forum's own particulars")


def test_a_us_case_keeps_the_courts_particulars_asks_for_them_and_prints_them(
    vault: Vault, tmp_path: Path
) -> None:
    person = people.add_person(vault, "Zhoomart Duulatov")
    case = cases.add_case(vault, person.id, "asylum-us")
    missing = _item(vault, case.id, "asylum-us")
    assert missing.status == preflight.MISSING
    assert "not entered: A-Number, Immigration Judge, Individual hearing." in missing.detail
    cases.set_particulars(
        vault, case.id,
        {"a-number": "A123456789", "immigration-judge": "Hon. J. Smith",
         "hearing-date": "12 March 2027", "detained": "no"},
    )  # fmt: skip
    assert _item(vault, case.id, "asylum-us").status == preflight.MET
    rows = _cover_rows(vault, case.id, "asylum-us")
    assert rows["A-Number"] == "A123456789" and rows["Immigration Judge"] == "Hon. J. Smith"
    assert "Requesting country" not in rows and "Notice or diffusion" not in rows  # CCF rows
    # The caption a court expects: "In the Matter of:", the respondent in removal
    # proceedings, and DETAINED at the top right of a detained respondent's filing.
    from dossier.export.submission import Para

    def cover_paragraphs() -> list[tuple[str, str]]:
        content = gather(vault, case.id, templates.for_case("asylum-us"),
                         export_time=datetime.now(UTC), draft=False)  # fmt: skip
        blocks = build(content).blocks
        first_table = next(i for i, b in enumerate(blocks) if isinstance(b, Table))
        return [(b.style, b.text) for b in blocks[:first_table] if isinstance(b, Para)]

    shown = cover_paragraphs()
    assert ("center", "In the Matter of:") in shown
    assert [text for _style, text in shown][-1] == "Respondent — In Removal Proceedings"
    assert all(style != "banner" for style, _text in shown)  # "no": not detained
    cases.set_particulars(vault, case.id, {"detained": "Yes"})
    assert cover_paragraphs()[0] == ("banner", "DETAINED")
    cases.set_particulars(vault, case.id, {"detained": ""})  # cleared
    assert "detained" not in cases.show_case(vault, case.id).particulars
    with pytest.raises(DossierError, match='"appeal-number" is not a particular of this forum'):
        cases.set_particulars(vault, case.id, {"appeal-number": "PA/01234/2026"})


def test_a_uk_appeal_carries_its_appeal_number_and_home_office_reference(
    vault: Vault, tmp_path: Path
) -> None:
    person = people.add_person(vault, "Zhoomart Duulatov")
    case = cases.add_case(vault, person.id, "asylum-uk")
    cases.set_particulars(
        vault, case.id,
        {"appeal-number": "PA/01234/2026", "home-office-reference": "D1234567",
         "country-of-origin": "Kyrgyzstan"},
    )  # fmt: skip
    rows = _cover_rows(vault, case.id, "asylum-uk")
    assert list(rows)[1:4] == ["Country of origin", "Appeal number", "Home Office reference"]
    assert rows["Country of origin"] == "Kyrgyzstan"
    assert rows["Appeal number"] == "PA/01234/2026"
    assert rows["Home Office reference"] == "D1234567"
    assert _item(vault, case.id, "asylum-uk").status == preflight.MET
    # A Home Office reference (a letter, 7 digits) is a fact, not a vault reference left in
    # the text: the check once blocked the filing for printing "D1234567" on its cover.
    people.update_person(vault, person.id, identity_document="Passport P1234567")
    report = preflight.check(vault, case.id, templates.for_case("asylum-uk"))
    citations = next(i for i in report.items if i.what.startswith("citations"))
    assert citations.status == preflight.MET, citations.detail


def test_a_ccf_request_shows_the_dates_its_statute_sets_from_admissibility(
    vault: Vault,
) -> None:
    """Statute of the CCF as amended in November 2025: a 45-day notification step after
    admissibility (art. 33), a decision within 9 months for deletion, 4 for access (art. 40)."""
    person = people.add_person(vault, "Rinat Tukhvatshin")
    deletion = cases.add_case(vault, person.id, "ccf-deletion")
    access = cases.add_case(vault, person.id, "ccf-access")
    assert cases.dates_that_follow(cases.show_case(vault, deletion.id)) == []
    for case in (deletion, access):
        cases.set_particulars(
            vault, case.id, {"filed-on": "2 April 2026", "acknowledged-on": "31 May 2026"}
        )
    said = {
        d.label("en"): d.on.isoformat()
        for d in cases.dates_that_follow(cases.show_case(vault, deletion.id))
    }
    assert said == {
        "Notification step ends (Statute art. 33, 45 days)": "2026-07-15",
        "Decision due (Statute art. 40, 9 months)": "2027-02-28",  # no 31 February
    }
    access_dates = [
        d.on.isoformat() for d in cases.dates_that_follow(cases.show_case(vault, access.id))
    ]
    assert access_dates == ["2026-07-15", "2026-09-30"]
    cases.set_particulars(vault, deletion.id, {"acknowledged-on": "May 2026"})  # no day
    assert cases.dates_that_follow(cases.show_case(vault, deletion.id)) == []


def test_a_forum_added_as_a_folder_of_data_alone_is_filed_rule_39_at_the_european_court(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ECHR's Rule 39 forum is one folder of data (forum.json: kinds, grounds,
    particulars, requirements; its template beside it); no line of the program names it.
    Here the program runs without it, then the folder is added, and the forum is filed."""
    from dossier import resources
    from dossier.export.case_export import export_case, parse_time
    from tests.integration.pdf_tools import text as pdf_text

    program = resources.ROOT.parent
    for folder in ("dossier", "desktop", "storage"):
        for source in (program / folder).rglob("*.py"):
            said = source.read_text(encoding="utf-8").lower()
            assert "echr" not in said and "rule39" not in said, source
    shipped, forums = resources.FORUMS, tmp_path / "forums"
    shutil.copytree(shipped, forums, ignore=shutil.ignore_patterns("echr-rule39"))
    monkeypatch.setattr(resources, "FORUMS", forums)
    person = people.add_person(vault, "Rinat Tukhvatshin")
    with pytest.raises(DossierError):
        cases.add_case(vault, person.id, "echr-rule39")
    assert "echr-rule39" not in templates.available()
    shutil.copytree(shipped / "echr-rule39", forums / "echr-rule39")  # the forum's folder
    case = cases.add_case(vault, person.id, "echr-rule39")
    assert [g.code for g in cases.grounds(vault, case.id)] == [
        "echr-art3", "echr-art6", "echr-political",
    ]  # fmt: skip
    template = templates.for_case("echr-rule39")
    assert template.id == "echr-rule39"
    missing = next(
        i for i in preflight.check(vault, case.id, template).items
        if i.what.startswith("the removal's date")
    )  # fmt: skip
    assert missing.status == preflight.MISSING and "Date of removal" in missing.detail
    cases.set_particulars(vault, case.id, {
        "removal-date": "28 November 2026", "removal-time": "06:40",
        "removal-destination": "Bishkek, flight TK 348", "respondent-state": "Türkiye",
        "domestic-decisions": "Istanbul Court of Cassation, 20 November 2026",
    })  # fmt: skip
    cases.update_case(vault, case.id, facts="The applicant was arrested at Istanbul airport.")
    out = tmp_path / "rule39.pdf"
    export_case(vault, case.id, out, draft=True, at=parse_time("2026-11-25T10:00:00Z"))
    first = " ".join(pdf_text(out, 1, 1).split())
    for words in ("RULE 39 – URGENT", "never by e-mail", "Date of removal 28 November 2026",
                  "Time of removal 06:40", "Respondent State Türkiye"):  # fmt: skip
        assert words in first, words
    assert "Requesting country" not in first and "Notice or diffusion" not in first


def test_the_us_filing_deadline_is_warned_from_the_hearing_date(vault: Vault) -> None:
    """EOIR: filings are due 30 days before the individual hearing unless the judge set
    another date. The check says so as the date comes near, and when it has passed."""
    person = people.add_person(vault, "Zhoomart Duulatov")
    case = cases.add_case(vault, person.id, "asylum-us")
    template = templates.for_case("asylum-us")

    def deadline(export_day: str) -> preflight.Item:
        moment = datetime.fromisoformat(export_day).replace(tzinfo=UTC)
        content = gather(vault, case.id, template, draft=True, export_time=moment)
        report = preflight.check_gathered(vault, content, "letter")
        return next(i for i in report.items if i.what == "the filing deadline")

    cases.set_particulars(vault, case.id, {"hearing-date": "12 March 2027"})
    assert deadline("2026-12-01").status == preflight.MET  # months ahead: nothing to say
    near = deadline("2027-02-01")
    assert near.status == preflight.WARN and "before the individual hearing" in near.detail
    assert "10 February 2027" in near.detail
    passed = deadline("2027-02-20")
    assert passed.status == preflight.WARN and "passed on 10 February 2027" in passed.detail


def _uk_item(vault: Vault, case_id: int, what: str, day: str = "2026-11-25") -> preflight.Item:
    moment = datetime.fromisoformat(day).replace(tzinfo=UTC)
    content = gather(vault, case_id, templates.for_case("asylum-uk"), draft=True,
                     export_time=moment)  # fmt: skip
    report = preflight.check_gathered(vault, content, "a4")
    return next(i for i in report.items if i.what == what)


def _annex_text(vault: Vault, case_id: int, folder: Path, name: str, text: str, kind: str) -> int:
    from dossier.services import documents, exhibits

    path = folder / name
    path.write_text(text, encoding="utf-8")
    document = documents.import_files(vault, [path]).imported[0]
    documents.update_document(vault, document.id, kind=kind, language="en")
    exhibits.add_exhibit(vault, case_id, document.id)
    return document.id


def test_a_uk_appeal_asks_for_the_refusal_letter_the_witness_statement_and_a_dated_signature(
    vault: Vault, tmp_path: Path
) -> None:
    person = people.add_person(vault, "Zhoomart Duulatov")
    case = cases.add_case(vault, person.id, "asylum-uk")
    refusal = "the Home Office's refusal letter (the decision appealed against)"
    statement = "the Appellant's witness statement"
    signed = "the skeleton argument signed and dated"
    assert _uk_item(vault, case.id, refusal).status == preflight.MISSING
    assert _uk_item(vault, case.id, statement).status == preflight.MISSING
    _annex_text(vault, case.id, tmp_path, "refusal.txt", "Your protection claim is refused.",
                "refusal-letter")  # fmt: skip
    _annex_text(vault, case.id, tmp_path, "statement.txt", "I, Zhoomart Duulatov, say:",
                "witness-statement")  # fmt: skip
    assert _uk_item(vault, case.id, refusal).status == preflight.MET
    assert _uk_item(vault, case.id, statement).status == preflight.MET

    assert "no one is named to sign it." in _uk_item(vault, case.id, signed).detail
    cases.update_case(vault, case.id, signatory_name="A. Counsel", signed_date="2 December 2026")
    assert _uk_item(vault, case.id, signed).detail == (
        "it is dated 2 December 2026, after the day it is filed."
    )
    cases.update_case(vault, case.id, signed_date="November 2026")
    assert _uk_item(vault, case.id, signed).detail == "it is dated November 2026, without a day."
    cases.update_case(vault, case.id, signed_date="1 September 2026")
    assert "85 days before it is filed" in _uk_item(vault, case.id, signed).detail
    cases.update_case(vault, case.id, signed_date="24 November 2026")
    assert _uk_item(vault, case.id, signed).status == preflight.MET


def test_the_uk_schedule_of_country_evidence_links_each_passage_to_its_source(
    vault: Vault, tmp_path: Path
) -> None:
    """PD 10.6: a schedule of the country evidence relied on (at most 12 pages), each source
    hyperlinked — built from the quotes of annexes of kind "country report"."""
    import pikepdf

    from dossier.export.case_export import export_case, parse_time
    from dossier.services import documents, quotes
    from tests.integration.pdf_tools import text as pdf_text

    person = people.add_person(vault, "Zhoomart Duulatov")
    case = cases.add_case(vault, person.id, "asylum-uk")
    report = _annex_text(
        vault, case.id, tmp_path, "hrw.txt",
        "Journalists critical of the authorities face prosecution for false information.",
        "country-report",
    )  # fmt: skip
    address = "https://www.hrw.org/world-report/2026/country-chapters/kyrgyzstan"
    documents.update_document(vault, report, url=address, outlet="Human Rights Watch")
    quotes.add_quote(vault, report, "Journalists critical of the authorities face prosecution",
                     page=1)  # fmt: skip
    hostile = _annex_text(vault, case.id, tmp_path, "other.txt", "Bloggers are detained.",
                          "country-report")  # fmt: skip
    documents.update_document(vault, hostile, url="javascript:alert(1)")
    quotes.add_quote(vault, hostile, "Bloggers are detained", page=1)
    sources = "a web address for each source of the schedule of country evidence"
    assert _uk_item(vault, case.id, sources).detail == "no web address for Tab 2."

    out = tmp_path / "uk.pdf"
    export_case(vault, case.id, out, draft=True, at=parse_time("2026-11-25T10:00:00Z"))
    text = " ".join(pdf_text(out, mode="-raw").split())
    assert "Schedule of country evidence" in text
    assert "“Journalists critical of the authorities face prosecution”" in text
    assert "Human Rights Watch" in text and address in text.replace(" ", "")
    assert "no web address recorded" in text  # the javascript: address is neither printed…
    with pikepdf.open(out) as pdf:
        uris = {str(a.A.URI) for p in pdf.pages for a in p.obj.get("/Annots", [])
                if "/A" in a and a.A.get("/S") == "/URI"}  # fmt: skip
    assert uris == {address}  # …nor linked
    docx = tmp_path / "uk.docx"
    export_case(vault, case.id, docx, format="docx", draft=True,
                at=parse_time("2026-11-25T10:00:00Z"))  # fmt: skip
    import zipfile

    with zipfile.ZipFile(docx) as archive:
        relations = archive.read("word/_rels/document.xml.rels").decode()
    assert f'Target="{address}"' in relations and 'TargetMode="External"' in relations

    # Past 12 pages the check says so (the schedule alone, as laid out for filing).
    passage = "Journalists critical of the authorities face prosecution for false information. "
    for page in range(1, 90):
        quotes.add_quote(vault, report, passage * 6, page=page)
    length = "a schedule of country evidence of at most 12 pages"
    assert "the limit is 12" in _uk_item(vault, case.id, length).detail


def test_the_us_brief_asks_for_what_pm_25_28_makes_an_application_complete(
    vault: Vault, tmp_path: Path
) -> None:
    person = people.add_person(vault, "Zhoomart Duulatov")
    case = cases.add_case(vault, person.id, "asylum-us")
    template = templates.for_case("asylum-us")

    def item(what: str) -> preflight.Item:
        report = preflight.check(vault, case.id, template)
        return next(i for i in report.items if i.what == what)

    form, declaration = "PM 25-28: the Form I-589 annexed", "PM 25-28: the respondent's declaration"
    nexus = "PM 25-28: the protected ground and the nexus argued"
    one_year = "PM 25-28: the one-year filing deadline addressed"
    for what in (form, declaration, nexus, one_year):
        assert item(what).status == preflight.MISSING, what
    assert item(nexus).detail == (
        "not argued: Convention reason: political opinion (imputed or actual); "
        "Nexus: the harm is on account of the protected ground."
    )
    _annex_text(vault, case.id, tmp_path, "i589.txt", "Form I-589, Part A.I", "asylum-application")
    _annex_text(vault, case.id, tmp_path, "declaration.txt", "I, Zhoomart Duulatov, declare",
                "witness-statement")  # fmt: skip
    by_code = {g.code: g for g in cases.grounds(vault, case.id)}
    cases.set_argument(vault, by_code["asylum-convention-reason"].id, "He is a journalist.")
    assert item(nexus).detail == (
        "not argued: Nexus: the harm is on account of the protected ground."
    )
    cases.set_argument(vault, by_code["us-nexus"].id, "He was charged for his reporting.")
    cases.set_argument(vault, by_code["us-one-year-bar"].id, "He arrived on 2 March 2026.")
    for what in (form, declaration, nexus, one_year):
        assert item(what).status == preflight.MET, what


def test_a_us_brief_is_written_in_ecas_parts_named_for_the_respondent_only_when_too_large(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ECAS takes files of at most 25 MB (the forum's data): a larger brief is written as
    Duulatov_Brief_Part1.pdf, _Part2…; a smaller one whole."""
    from dossier import resources
    from dossier.export.case_export import export_case, parse_time, suggested_name

    person = people.add_person(vault, "Zhoomart Duulatov")
    case = cases.add_case(vault, person.id, "asylum-us")
    for number in range(3):
        _annex_text(vault, case.id, tmp_path, f"exhibit{number}.txt",
                    f"Exhibit {number}: " + "evidence " * 3000, "news-article")  # fmt: skip
    assert suggested_name(vault, case.id) == "Duulatov_Brief"
    at = parse_time("2026-11-25T10:00:00Z")
    whole = tmp_path / "whole" / "Duulatov_Brief.pdf"
    whole.parent.mkdir()
    result = export_case(vault, case.id, whole, draft=True, at=at)
    assert [p.name for p in result.files] == ["Duulatov_Brief.pdf"]  # under 25 MB: one file
    size = whole.stat().st_size
    forums = tmp_path / "forums"
    shutil.copytree(resources.FORUMS, forums)
    data = forums / "us-eoir" / "forum.json"
    data.write_text(
        data.read_text(encoding="utf-8").replace(
            '"split_mb": 25,', f'"split_mb": {size * 0.7 / 1_000_000:.4f},'
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(resources, "FORUMS", forums)
    parts = tmp_path / "parts" / "Duulatov_Brief.pdf"
    parts.parent.mkdir()
    result = export_case(vault, case.id, parts, draft=True, at=at)
    names = [p.name for p in result.files]
    assert len(names) >= 2
    assert names == [f"Duulatov_Brief_Part{n}.pdf" for n in range(1, len(names) + 1)]
    assert all(p.stat().st_size <= size * 0.7 for p in result.files)
