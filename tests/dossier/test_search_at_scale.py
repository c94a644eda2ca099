"""Search in an organisation's vault: phrases in quotes, and a common word among very many texts
costs no more than among a thousand (issue 23). Work is counted by SQLite, never timed."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from dossier import names, search
from dossier.search import Searcher, parse_query
from dossier.services import documents
from storage.vault import Vault
from tests.sqlite_steps import counting


def _import(vault: Vault, folder: Path, texts: dict[str, str]) -> dict[str, str]:
    """Imports each text as a document; gives each name's reference (D1…)."""
    for name, body in texts.items():
        (folder / f"{name}.txt").write_text(body, encoding="utf-8")
    report = documents.import_files(vault, [folder / f"{name}.txt" for name in texts])
    return {d.original_name.removesuffix(".txt"): d.ref for d in report.imported}


def test_words_in_quotes_are_found_only_together_and_in_that_order(
    vault: Vault, tmp_path: Path
) -> None:
    refs = _import(
        vault,
        tmp_path,
        {
            "ruling": "The Pervomaisky District Court of Bishkek ordered the outlet closed.",
            "apart": "A district official in Pervomaisky spoke to the court reporters.",
            "reversed": "The court of the Pervomaisky district heard the appeal.",
            "cyrillic": "Первомайский районный суд Бишкека вынес решение.",
        },
    )
    searcher = Searcher(vault)
    found = searcher.find('"Pervomaisky District Court"')
    assert [hit.ref for hit in found.hits] == [refs["ruling"]]
    assert "[Pervomaisky District Court]" in found.hits[0].snippet
    # The same words without quotes find every text holding them all.
    assert {hit.ref for hit in searcher.search("Pervomaisky District Court")} == {
        refs["ruling"], refs["apart"], refs["reversed"]
    }  # fmt: skip
    # A phrase's words in another spelling (a misspelt word) or script (Cyrillic text, the
    # phrase in Latin letters, in Russian quotation marks).
    assert [hit.ref for hit in searcher.search('"Pervomaisky Distrikt Court"')] == [refs["ruling"]]
    assert [hit.ref for hit in searcher.search("«Pervomayskiy rayonnyy sud»")] == [refs["cyrillic"]]
    both = searcher.search('Bishkek "ordered the outlet"')
    assert [hit.ref for hit in both] == [refs["ruling"]]


def test_a_query_is_taken_apart_into_words_and_phrases() -> None:
    asked = parse_query('Duulatov „District Court“ “second phrase” «третья» "unclosed')
    folded = [tuple(names.fold(p).split()) for p in ("District Court", "second phrase", "третья")]
    assert asked.phrases == folded
    assert asked.words == names.fold("Duulatov unclosed").split()


def _index(vault: Vault, count: int, first: int) -> None:
    with vault.transaction() as session:
        for number in range(first, first + count):
            body = f"Page {number}: the newsroom in Bishkek was searched at dawn."
            search.index_text(session, "document", 100_000 + number, 1, body)
    with vault.transaction() as session:
        session.execute(text("INSERT INTO search_index (search_index) VALUES ('optimize')"))


def _search_cost(vault: Vault, query: str) -> tuple[int, search.Found]:
    searcher = Searcher(vault)
    searcher.search("warm up")  # the vocabulary, read once a session
    with counting(vault) as steps:
        found = searcher.find(query)
    return steps[0], found


def test_a_common_word_costs_the_same_among_two_and_eight_thousand_texts(vault: Vault) -> None:
    _index(vault, 2_000, first=0)
    small, found = _search_cost(vault, "newsroom")
    assert found.many and not found.ranked and len(found.hits) == 20
    _index(vault, 6_000, first=2_000)  # four times as many texts hold the word
    large, found = _search_cost(vault, "newsroom")
    # The most recently added come first when too many match to be ranked.
    assert [hit.ref for hit in found.hits[:2]] == ["D107999", "D107998"]
    # Before, every match was ranked: four times the work.
    assert large < small * 1.5, (small, large)


def test_a_rare_word_is_ranked_and_not_said_to_be_one_of_many(vault: Vault, tmp_path: Path) -> None:
    _index(vault, 1_500, first=0)
    refs = _import(
        vault,
        tmp_path,
        {"once": "Erkebaeva was detained.", "twice": "Erkebaeva, Erkebaeva: detained twice."},
    )
    found = Searcher(vault).find("Erkebaeva")
    assert found.ranked and not found.many
    assert [hit.ref for hit in found.hits] == [refs["twice"], refs["once"]]
