"""Citations print as a court prints them — in parentheses, side by side joined by "; ", each
annex page once — the evidence a ground relies on runs in annex order, and no reference of
the program's own (D14:1, E5, Q2) ever reaches a filing unnoticed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from dossier.export import preflight, templates
from dossier.export.gathering import gather
from dossier.export.submission import Group, Para, build
from dossier.services import cases, documents, exhibits, people, quotes
from storage.vault import Vault


def _case(vault: Vault, folder: Path) -> tuple[int, list[str], str]:
    person = people.add_person(vault, "Rinat Tukhvatshin")
    paths = []
    for number in range(1, 4):
        path = folder / f"statement-{number}.txt"
        path.write_text(f"Statement number {number} of the witnesses, in English. " * 5)
        paths.append(path)
    imported = documents.import_files(vault, paths, person_ids=[person.id]).imported
    case = cases.add_case(vault, person.id, "ccf-deletion")
    for document in imported:
        exhibits.add_exhibit(vault, case.id, document.id)
    quote = quotes.add_quote(vault, imported[0].id, "Statement number 1")
    return case.id, [d.ref for d in imported], quote.ref


def _printed(vault: Vault, case_id: int) -> list[str]:
    content = gather(
        vault, case_id, templates.for_case("ccf-deletion"), export_time=datetime.now(UTC),
        draft=True,
    )  # fmt: skip
    printed: list[str] = []
    for block in build(content).blocks:
        if isinstance(block, Para):
            printed.append(block.text)
        elif isinstance(block, Group):
            printed.extend(para.text for para in block.blocks if isinstance(para, Para))
    return printed


def test_citations_side_by_side_print_once_in_parentheses(vault: Vault, tmp_path: Path) -> None:
    case_id, (d1, d2, _d3), q1 = _case(vault, tmp_path)
    cases.update_case(
        vault, case_id,
        facts=f"The court ruled [{d1}:1][{d2}:1], [{q1}].\n\n"
              f"The notice followed (see [{d2}]).",
    )  # fmt: skip
    printed = _printed(vault, case_id)
    assert any(text.endswith("The court ruled (Annex 1, p. 1; Annex 2, p. 1).") for text in printed)
    assert any(text.endswith("The notice followed (see Annex 2).") for text in printed)


def test_the_evidence_a_ground_relies_on_runs_in_annex_order(vault: Vault, tmp_path: Path) -> None:
    case_id, (_d1, d2, d3), q1 = _case(vault, tmp_path)
    ground = cases.grounds(vault, case_id)[0]
    for ref in (d3, q1, d2):  # linked in this order
        cases.link_evidence(vault, ground.id, ref)
    printed = _printed(vault, case_id)
    start = next(i for i, text in enumerate(printed) if "relies on" in text.lower())
    listed = printed[start + 1 : start + 5]
    assert [text.split(":")[0].split(",")[0] for text in listed if text.startswith("Annex")] == [
        "Annex 2", "Annex 3",
    ]  # fmt: skip
    quote_at = next(i for i, text in enumerate(listed) if "Statement number 1" in text)
    annex_2_at = next(i for i, text in enumerate(listed) if text.startswith("Annex 2"))
    assert quote_at < annex_2_at  # the quote from Annex 1 first


def test_a_reference_typed_without_brackets_is_named_by_the_check(
    vault: Vault, tmp_path: Path
) -> None:
    case_id, (d1, _d2, _d3), _q1 = _case(vault, tmp_path)
    cases.update_case(vault, case_id, facts=f"The court ruled, see {d1}:1 and E5.")
    report = preflight.check(vault, case_id, templates.for_case("ccf-deletion"))
    citations = next(i for i in report.items if i.what == "citations that point to annexes")
    assert citations.status == preflight.MISSING
    assert f"printed as they are: {d1}:1, E5" in citations.detail
    cases.update_case(vault, case_id, facts=f"The court ruled [{d1}:1].")
    report = preflight.check(vault, case_id, templates.for_case("ccf-deletion"))
    citations = next(i for i in report.items if i.what == "citations that point to annexes")
    assert citations.status == preflight.MET


def test_facts_typed_one_per_line_are_numbered_paragraphs(vault: Vault, tmp_path: Path) -> None:
    case_id, (d1, _d2, _d3), _q1 = _case(vault, tmp_path)
    cases.update_case(
        vault, case_id,
        facts=f"The search took place on 28 May [{d1}].\nThe staff were detained.\n\n"
              "  \nThe court ruled on 30 October.",
    )  # fmt: skip
    content = gather(
        vault, case_id, templates.for_case("ccf-deletion"), export_time=datetime.now(UTC),
        draft=True,
    )  # fmt: skip
    numbered = [b for b in build(content).blocks if isinstance(b, Para) and b.number]
    assert [(b.number, b.text) for b in numbered[:3]] == [
        (1, "The search took place on 28 May (Annex 1)."),
        (2, "The staff were detained."),
        (3, "The court ruled on 30 October."),
    ]
