"""Events with partial dates, pinpoint citations, and dates on which sources disagree."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import BadReference, DossierError
from dossier.services import events, quotes
from dossier.services.documents import ImportReport
from dossier.services.people import PersonView
from storage.models import Event
from storage.vault import Vault
from tests.dossier.conftest import by_name

ARTICLE = "interpol-rejects-kyrgyz-request-tukhvatshin.txt"


def test_in_august_is_stored_with_month_precision(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    document = by_name(corpus_import, ARTICLE)
    event = events.add_event(
        vault, journalist.id, "In August 2025", "Four former Kloop staff tried",
        kind="charge", cite=[f"{document.ref}:1"],
    )  # fmt: skip
    assert event.date == "2025-08" and event.precision == "month"
    assert event.date_display == "August 2025"
    with vault.session() as session:
        stored = session.get(Event, event.id)
        assert stored is not None and stored.date == "2025-08"  # no invented day


def test_chronology_is_in_date_order_with_citations(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport
) -> None:
    document = by_name(corpus_import, ARTICLE)
    quote = quotes.add_quote(vault, document.id, "so we rejected this request")
    events.add_event(vault, journalist.id, "c. 2021", "Investigation opened")
    events.add_event(
        vault, journalist.id, "30 October 2025", "Court declares Kloop extremist",
        kind="court-ruling", cite=[f"{document.ref}:1"],
    )  # fmt: skip
    events.add_event(vault, journalist.id, "since 2020", "Surveillance of Kloop staff")
    events.add_event(
        vault, journalist.id, "November 2025", "INTERPOL refuses the request",
        kind="notice-refused", cite=[quote.ref],
    )  # fmt: skip
    chronology = events.chronology(vault, journalist.id)
    assert [e.date_display for e in chronology] == [
        "since 2020", "c. 2021", "30 October 2025", "November 2025",
    ]  # fmt: skip
    assert [c.text for c in chronology[2].citations] == [f"{document.ref}, p. 1"]
    assert [c.text for c in chronology[3].citations] == [f"{quote.ref}, p. 1"]


def test_differently_dated_accounts_of_one_event_are_flagged(
    vault: Vault, journalist: PersonView
) -> None:
    first = events.add_event(
        vault, journalist.id, "27 October 2025", "Court rules Kloop materials extremist",
        kind="court-ruling",
    )  # fmt: skip
    second = events.add_event(
        vault, journalist.id, "30 October 2025", "Court declares Kloop extremist",
        kind="court-ruling",
    )  # fmt: skip
    events.add_event(
        vault, journalist.id, "October 2025", "Kloop extremist ruling", kind="court-ruling"
    )
    events.add_event(vault, journalist.id, "29 May 2025", "Searches of staff homes", kind="search")
    conflicts = events.date_conflicts(vault, journalist.id)
    assert [(c.first.ref, c.second.ref) for c in conflicts] == [(first.ref, second.ref)]
    assert "27 October 2025" in conflicts[0].message and "30 October 2025" in conflicts[0].message


def test_bad_citations_and_kinds_are_refused(vault: Vault, journalist: PersonView) -> None:
    with pytest.raises(BadReference):
        events.add_event(vault, journalist.id, "2025", "x", cite=["P1"])
    with pytest.raises(DossierError, match="no record D99"):
        events.add_event(vault, journalist.id, "2025", "x", cite=["D99:1"])
    with pytest.raises(DossierError, match="not a kind of event"):
        events.add_event(vault, journalist.id, "2025", "x", kind="party")
    assert events.chronology(vault, journalist.id) == []


def test_merging_two_accounts_keeps_the_chosen_account_both_sources_and_says_why(
    vault: Vault, journalist: PersonView, corpus_import: ImportReport, tmp_path: Path
) -> None:
    """The account chosen stands with its own words, date and sources; the other's sources,
    links and mentions move to it; the footnote cites the other source as the bundle does."""
    from dossier.export.case_export import export_case
    from dossier.services import cases, exhibits
    from tests.integration.pdf_tools import text as pdf_text

    article = by_name(corpus_import, ARTICLE)
    hrw = by_name(corpus_import, "hrw-joint-statement-kloop-liquidation-2024-09-05.txt")
    first = events.add_event(
        vault, journalist.id, "27 October 2025", "Court rules Kloop materials extremist",
        kind="court-ruling", cite=[f"{hrw.ref}:1"], description="(OCCRP account)",
    )  # fmt: skip
    second = events.add_event(
        vault, journalist.id, "30 October 2025", "Court declares Kloop extremist",
        kind="court-ruling", cite=[f"{article.ref}:1"],
    )  # fmt: skip
    case = cases.add_case(vault, journalist.id, "ccf-deletion")
    ground = cases.grounds(vault, case.id)[0]
    cases.link_evidence(vault, ground.id, first.ref)
    cases.update_case(vault, case.id, facts=f"The court ruled [{first.ref}].")
    for document in (article, hrw):
        exhibits.add_exhibit(vault, case.id, document.id)
    merged = events.merge_events(
        vault, second.id, first.id, note="The court's own decision is dated 30 October."
    )
    assert merged.ref == second.ref and merged.date_display == "30 October 2025"
    assert (merged.title, merged.description) == ("Court declares Kloop extremist", "")
    assert [c.document_ref for c in merged.citations] == [article.ref, hrw.ref]
    assert merged.date_note == (
        f"The court's own decision is dated 30 October. Also dated 27 October 2025 [{hrw.ref}:1]."
    )
    assert events.date_conflicts(vault, journalist.id) == []
    assert [e.ref for e in events.chronology(vault, journalist.id)] == [second.ref]
    assert cases.grounds(vault, case.id)[0].evidence == [second.ref]
    assert cases.show_case(vault, case.id).facts == f"The court ruled [{second.ref}]."
    merge = vault.custody_log()[-1]
    assert merge.action == "events merged" and "(OCCRP account)" in str(merge.details)
    bundle = export_case(vault, case.id, tmp_path / "ccf.pdf", draft=True).path
    printed = " ".join(pdf_text(bundle).split())
    assert "Also dated 27 October 2025 (Annex 2, p. 1)." in printed
    assert f"{hrw.ref}:1" not in printed
    with pytest.raises(DossierError, match="why this date stands"):
        events.merge_events(vault, first.id, first.id + 99, note=" ")


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]  # fmt: skip


def test_date_conflicts_compare_only_events_near_in_time(
    vault: Vault, journalist: PersonView, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 300 events over 25 years, some told twice a few days apart: the same conflicts as
    # comparing every pair, found by comparing each event with those near it in time (every
    # pair was 44,850 comparisons at each check and each look at the Chronology tab).
    import random
    from itertools import combinations

    rng = random.Random(5)
    for number in range(300):
        year, month, day = 2000 + number // 12, 1 + number % 12, rng.randint(1, 20)
        precision = rng.choice(["day", "day", "month", "year"])
        when = {"day": f"{day} {MONTHS[month - 1]} {year}", "month": f"{MONTHS[month - 1]} {year}",
                "year": str(year)}[precision]  # fmt: skip
        title = rng.choice(["Search of the newsroom", "Court hearing", "Arrest of staff"])
        events.add_event(vault, journalist.id, when, f"{title} {number % 7}", kind="search")
        if number % 10 == 0:  # the same event as another source dates it
            events.add_event(
                vault, journalist.id, f"{day + 5} {MONTHS[month - 1]} {year}",
                f"{title} {number % 7}", kind="search",
            )  # fmt: skip
    compared: list[int] = []
    apart = events._days_apart

    def counted(a: str, b: str) -> int | None:
        compared.append(1)
        return apart(a, b)

    monkeypatch.setattr(events, "_days_apart", counted)
    found = [(c.first.ref, c.second.ref) for c in events.date_conflicts(vault, journalist.id)]
    chronology = events.chronology(vault, journalist.id)
    every_pair = [
        (a.ref, b.ref) for a, b in combinations(chronology, 2)
        if a.kind == b.kind and (gap := apart(a.date, b.date)) is not None
        and 0 < gap <= events.CONFLICT_WINDOW_DAYS
        and events.fuzz.token_set_ratio(a.title.lower(), b.title.lower()) >= 60
    ]  # fmt: skip
    assert found == every_pair and len(found) >= 30
    assert len(compared) < len(chronology) * 20  # not every pair (330 events: 54,285)
