"""Dates as sources give them: stored faithfully (EDTF), sorted right, shown as a lawyer writes."""

from __future__ import annotations

import calendar
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier import dates
from dossier.errors import BadDate


@pytest.mark.parametrize(
    ("written", "stored", "shown", "precision"),
    [
        ("2025-10-30", "2025-10-30", "30 October 2025", "day"),
        ("On October 30, 2025", "2025-10-30", "30 October 2025", "day"),
        ("30.10.2025", "2025-10-30", "30 October 2025", "day"),
        ("30 октября 2025 г.", "2025-10-30", "30 October 2025", "day"),
        ("In August 2025", "2025-08", "August 2025", "month"),
        ("Aug 2025", "2025-08", "August 2025", "month"),
        ("In August", "XXXX-08", "August (year unknown)", "month"),
        ("in 2024", "2024", "2024", "year"),
        ("around 2021", "2021~", "c. 2021", "year"),
        ("c. 2021", "2021~", "c. 2021", "year"),
        ("2021?", "2021?", "2021 (uncertain)", "year"),
        ("since 2020", "2020/..", "since 2020", "interval"),
        ("2020–2022", "2020/2022", "2020 – 2022", "interval"),
        ("between May 2019 and 2021", "2019-05/2021", "May 2019 – 2021", "interval"),
    ],
)
def test_dates_are_stored_as_precise_as_the_source(
    written: str, stored: str, shown: str, precision: str
) -> None:
    assert dates.to_edtf(written) == stored
    assert dates.display(stored) == shown
    assert dates.precision(stored) == precision


@given(year=st.integers(1900, 2100), month=st.integers(1, 12))
def test_a_month_never_gains_a_day(year: int, month: int) -> None:
    stored = dates.to_edtf(f"{dates.MONTHS[month - 1]} {year}")
    assert stored == f"{year:04d}-{month:02d}"
    assert not any(char.isdigit() for char in dates.display(stored).split()[0])


def test_chronological_order_places_partial_dates_by_their_earliest_day() -> None:
    written = ["30 October 2025", "2025", "August 2025", "c. 2021", "since 2020", "In August"]
    ordered = sorted((dates.to_edtf(w) for w in written), key=dates.sort_key)
    # "2025" may be any day of 2025, so it comes before August 2025; unknown years come last.
    assert [dates.display(d) for d in ordered] == [
        "since 2020",
        "c. 2021",
        "2025",
        "August 2025",
        "30 October 2025",
        "August (year unknown)",
    ]


@pytest.mark.parametrize("nonsense", ["yesterday", "2025-02-30", "32 October 2025", ""])
def test_impossible_or_unreadable_dates_are_refused_with_examples(nonsense: str) -> None:
    with pytest.raises(BadDate, match="30 October 2025"):
        dates.to_edtf(nonsense)


def test_unknown_year_can_be_filled_from_the_source() -> None:
    assert dates.with_year(dates.to_edtf("In August"), 2025) == "2025-08"


@pytest.mark.parametrize(
    ("written", "edtf", "shown"),
    [
        ("28–29 May 2025", "2025-05-28/2025-05-29", "28–29 May 2025"),
        ("May 28-29, 2025", "2025-05-28/2025-05-29", "28–29 May 2025"),
        ("с 28 по 29 мая 2025", "2025-05-28/2025-05-29", "28–29 May 2025"),
        ("28 мая – 2 июня 2025", "2025-05-28/2025-06-02", "28 May – 2 June 2025"),
        ("28 December – 3 January 2026", "2025-12-28/2026-01-03",
         "28 December 2025 – 3 January 2026"),
        ("в августе 2025", "2025-08", "August 2025"),
        ("в августе 2025 года", "2025-08", "August 2025"),
        ("30 октября 2025", "2025-10-30", "30 October 2025"),
        ("между 2020 и 2022", "2020/2022", "2020 – 2022"),
    ],
)  # fmt: skip
def test_ranges_of_days_and_russian_dates_are_understood(
    written: str, edtf: str, shown: str
) -> None:
    assert dates.to_edtf(written) == edtf
    assert dates.display(edtf) == shown


@given(
    year=st.integers(0, 9999),
    month=st.integers(0, 13),
    day=st.integers(0, 32),
    form=st.sampled_from(["{y:04d}", "{y:04d}-{m:02d}", "{y:04d}-{m:02d}-{d:02d}"]),
)
def test_plain_dates_are_judged_as_the_edtf_grammar_judges_them(
    year: int, month: int, day: int, form: str
) -> None:
    """The calendar's shortcut for "2024-05-01" (import's dates) agrees with the grammar —
    but for the 29th of February of a common year, which the grammar lets through and the
    calendar does not (there is no such day)."""
    from edtf import parse_edtf

    written = form.format(y=year, m=month, d=day)
    try:
        parse_edtf(written)
        dates.bounds(written)
        valid = True
    except Exception:
        valid = False
    if form.endswith("{d:02d}") and (month, day) == (2, 29) and not calendar.isleap(year):
        valid = False
    shortcut = dates.is_calendar_date(written)
    assert shortcut is None or shortcut == valid, written
    if valid:
        assert dates.to_edtf(written) == written
    else:
        with pytest.raises(BadDate):
            dates.to_edtf(written)


def test_the_29th_of_february_of_a_common_year_is_no_date() -> None:
    # The EDTF grammar accepts "2023-02-29"; a court would not.
    with pytest.raises(BadDate):
        dates.to_edtf("2023-02-29")
    assert dates.to_edtf("2024-02-29") == "2024-02-29"


def test_plain_dates_are_bounded_as_the_edtf_parser_bounds_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A plain year, month or day is bounded without the parser (its grammar costs 0.04 s to
    # build in every process); the bounds must be the parser's, day for day.
    texts = ["0000", "9999", "2025-13", "2025-00", "2025-02-30", "2025-04-31", "2025-02-00"]
    for year in (1, 99, 1000, 1900, 2000, 2023, 2024, 2100, 9998):
        texts.append(f"{year:04d}")
        for month in range(1, 13):
            texts.append(f"{year:04d}-{month:02d}")
            texts += [f"{year:04d}-{month:02d}-{day:02d}" for day in (1, 28, 29, 30, 31)]
    fast = {text: dates._plain_bounds(text) for text in texts}
    monkeypatch.setattr(dates, "_plain_bounds", lambda text: None)
    for text, found in fast.items():
        dates.bounds.cache_clear()
        try:
            parsed: object = dates.bounds(text)
        except Exception:  # the parser refuses it: so must the plain way
            parsed = None
        assert found is None or found == parsed, text
    dates.bounds.cache_clear()
    assert sum(found is not None for found in fast.values()) > 500


def test_the_edtf_grammar_is_built_only_for_a_date_that_needs_it() -> None:
    """Building the EDTF parser's grammar (on import) took 0.025 s of every program start and
    every export's child; a plain date is bounded without it, so nothing loads it early."""
    script = (
        "import sys; import dossier.export.separate_process, dossier.services.cases; "
        "from dossier import dates; dates.bounds('2025-10'); dates.to_edtf('in 2024'); "
        "early = 'edtf' in sys.modules; dates.to_edtf('around 2021'); "
        "print(early, 'edtf' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "True"]
