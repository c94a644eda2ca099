"""The chronology: dated events with pinpoint citations, and dates on which sources disagree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dossier import dates, refs, search
from dossier.errors import DossierError, NotFound
from dossier.i18n import t
from dossier.services.people import get_person
from dossier.views import CitationView as CitationView
from dossier.views import EventView as EventView
from dossier.vocabulary import EVENT_KINDS as EVENT_KINDS
from storage.custody import utc_now
from storage.models import Citation, Document, Event, EventPerson, GroundLink, Quote
from storage.vault import Vault

# Two accounts of the same event dated further apart than this are not treated as one.
CONFLICT_WINDOW_DAYS = 45
_SAME_EVENT_SIMILARITY = 60


@dataclass(frozen=True)
class DateConflict:
    first: EventView
    second: EventView

    @property
    def message(self) -> str:
        return t(
            "“{first}” ({first_date}; {first_sources}) and “{second}” ({second_date}; "
            "{second_sources}) may be one event dated differently by the sources. Check them "
            "and keep the date that is right.",
            first=self.first.title,
            first_date=self.first.date_display,
            first_sources=self._sources(self.first),
            second=self.second.title,
            second_date=self.second.date_display,
            second_sources=self._sources(self.second),
        )

    @staticmethod
    def _sources(event: EventView) -> str:
        return ", ".join(c.text for c in event.citations) or t("no source cited")


def _citation(session: Session, text: str) -> Citation:
    prefix, number, page = refs.parse_citation(text)
    if prefix == "Q":
        quote = session.get(Quote, number)
        if quote is None:
            raise NotFound(text)
        return Citation(document_id=quote.document_id, quote_id=quote.id, page=page or quote.page)
    document = session.get(Document, number)
    if document is None:
        raise NotFound(text)
    if page is not None and not 1 <= page <= document.page_count:
        raise DossierError(
            t(
                "{citation}: D{number} has {pages} page(s).",
                citation=text,
                number=number,
                pages=document.page_count,
            )
        )
    return Citation(document_id=number, page=page)


def add_event(
    vault: Vault,
    person_id: int,
    date_text: str,
    title: str,
    *,
    kind: str = "other",
    description: str = "",
    cite: list[str] | None = None,
    person_ids: list[int] | None = None,
) -> EventView:
    if kind not in EVENT_KINDS:
        raise DossierError(
            t('"{kind}" is not a kind of event: {kinds}', kind=kind, kinds=", ".join(EVENT_KINDS))
        )
    when = dates.to_edtf(date_text)
    with vault.transaction() as session:
        get_person(session, person_id)
        event = Event(
            person_id=person_id,
            date=when,
            sort_key=dates.sort_key(when),
            title=title,
            description=description,
            kind=kind,
            created_at=utc_now(),
        )
        event.citations = [_citation(session, text) for text in cite or []]
        session.add(event)
        session.flush()
        for other in person_ids or []:
            get_person(session, other)
            session.add(EventPerson(event_id=event.id, person_id=other))
        search.index_text(session, "event", event.id, None, f"{title}\n{description}")
        vault.record_custody(
            session, "event added", refs.make("E", event.id), {"date": when, "title": title}
        )
        return _view(event)


def _view(event: Event) -> EventView:
    return EventView(
        event.id,
        refs.make("E", event.id),
        refs.make("P", event.person_id),
        event.date,
        dates.shown(event.date),  # in the reader's language: the window's, or English
        dates.precision(event.date),
        event.title,
        event.description,
        event.kind,
        [
            CitationView(
                refs.make("D", c.document_id),
                refs.make("Q", c.quote_id) if c.quote_id else None,
                c.page,
            )
            for c in event.citations
        ],
        event.date_note,
    )


def merge_events(vault: Vault, chosen_id: int, other_id: int, *, note: str) -> EventView:
    """Two accounts of one event become one: the account chosen stands with its own words,
    date and sources; the other's sources join it, and its links to grounds and its mentions
    in the case's texts ([E5]) move to it. ``note`` says why the chosen date stands; the other
    account's date and sources are added to it as citations ([D14:1]), which the export
    prints as the bundle does ("Annex 7, p. 1"). The other account's words are kept in the
    custody log."""
    if chosen_id == other_id:
        raise DossierError(t("Choose two different events to merge."))
    if not note.strip():
        raise DossierError(t("Say why this date stands (which source is right, and why)."))
    with vault.transaction() as session:
        chosen, other = session.get(Event, chosen_id), session.get(Event, other_id)
        if chosen is None or other is None:
            raise NotFound(refs.make("E", other_id if chosen is not None else chosen_id))
        # "Also dated 27 October 2025 [D14:1]." prints "… (Annex 7, p. 1)." in the bundle.
        other_sources = "".join(
            "[" + refs.make("D", c.document_id) + (f":{c.page}" if c.page else "") + "]"
            for c in other.citations
        )
        record = f"{note.strip()} Also dated {dates.display(other.date)}"
        record += f" {other_sources}." if other_sources else "."
        chosen.date_note = record
        seen = {(c.document_id, c.quote_id, c.page) for c in chosen.citations}
        for citation in list(other.citations):
            if (citation.document_id, citation.quote_id, citation.page) not in seen:
                chosen.citations.append(
                    Citation(
                        document_id=citation.document_id,
                        quote_id=citation.quote_id,
                        page=citation.page,
                    )
                )
        involved = {row.person_id for row in session.scalars(
            select(EventPerson).where(EventPerson.event_id == chosen_id))}  # fmt: skip
        for row in session.scalars(select(EventPerson).where(EventPerson.event_id == other_id)):
            if row.person_id not in involved:
                session.add(EventPerson(event_id=chosen_id, person_id=row.person_id))
        for link in session.scalars(
            select(GroundLink).where(
                GroundLink.target_kind == "event", GroundLink.target_id == other_id
            )
        ):
            if session.get(GroundLink, (link.ground_id, "event", chosen_id)) is None:
                session.add(GroundLink(ground_id=link.ground_id, target_kind="event",
                                       target_id=chosen_id))  # fmt: skip
            session.delete(link)
        mentions = _move_mentions(session, other_id, chosen_id)
        search.unindex(session, "event", other_id)
        session.delete(other)
        vault.record_custody(
            session,
            "events merged",
            refs.make("E", chosen_id),
            {
                "merged": refs.make("E", other_id),
                "merged account": {
                    "date": other.date, "title": other.title,
                    "description": other.description or "",
                },
                "note": record,
                "mentions moved": mentions,
            },
        )  # fmt: skip
        session.flush()
        return _view(chosen)


def _move_mentions(session: Session, old_id: int, new_id: int) -> int:
    """[E5] written in a case's facts, relief or arguments now says [E3]; how many moved."""
    from storage.models import Case, Ground

    mention = re.compile(rf"\[E{old_id}\]", re.IGNORECASE)
    moved = 0
    fields = {Case: ("facts", "relief", "arguments", "summary"), Ground: ("argument",)}
    for model, names in fields.items():
        for row in session.scalars(select(model)):
            for name in names:
                value = getattr(row, name)
                if value and mention.search(value):
                    new_value, count = mention.subn(f"[E{new_id}]", value)
                    setattr(row, name, new_value)
                    moved += count
    return moved


def chronology(vault: Vault, person_id: int) -> list[EventView]:
    """The person's events in date order (partial dates placed by their earliest day)."""
    with vault.session() as session:
        get_person(session, person_id)
        involved = select(EventPerson.event_id).where(EventPerson.person_id == person_id)
        query = (
            select(Event)
            .where((Event.person_id == person_id) | Event.id.in_(involved))
            .order_by(Event.sort_key, Event.id)
            # Their sources with them, in one more statement (one an event, else).
            .options(selectinload(Event.citations))
        )
        return [_view(event) for event in session.scalars(query)]


def _days_apart(a: str, b: str) -> int | None:
    first, second = dates.bounds(a), dates.bounds(b)
    if not (first.earliest and second.earliest and first.latest and second.latest):
        return None
    if first.earliest <= second.latest and second.earliest <= first.latest:
        return 0  # the ranges overlap ("October 2025" and "30 October 2025" agree)
    gap = date.fromisoformat(max(first.earliest, second.earliest)) - date.fromisoformat(
        min(first.latest, second.latest)
    )
    return gap.days


def date_conflicts(vault: Vault, person_id: int) -> list[DateConflict]:
    """Pairs of events that look like one event that sources date differently."""
    events = chronology(vault, person_id)
    conflicts = []
    for first, second in _near_pairs(events):
        a, b = events[first], events[second]
        if a.kind != b.kind:
            continue
        gap = _days_apart(a.date, b.date)
        if gap is None or gap == 0 or gap > CONFLICT_WINDOW_DAYS:
            continue
        if fuzz.token_set_ratio(a.title.lower(), b.title.lower()) >= _SAME_EVENT_SIMILARITY:
            conflicts.append(DateConflict(a, b))
    return conflicts


def _near_pairs(events: list[EventView]) -> list[tuple[int, int]]:
    """The pairs (in the chronology's order) of events whose dates may lie within the window
    of each other: each event is compared with those that begin before its end plus the window,
    not with every other (a chronology of 1,000 events was half a million comparisons at every
    check and every look at the Chronology tab)."""
    spans = []
    for index, event in enumerate(events):
        limits = dates.bounds(event.date)
        if limits.earliest and limits.latest:  # an open date is never in conflict
            spans.append(
                (date.fromisoformat(limits.earliest), date.fromisoformat(limits.latest), index)
            )
    spans.sort()
    pairs = []
    for position, (_start, end, index) in enumerate(spans):
        reach = end.toordinal() + CONFLICT_WINDOW_DAYS
        for start, _other_end, other in spans[position + 1 :]:
            if start.toordinal() > reach:
                break  # the rest begin later still
            pairs.append((min(index, other), max(index, other)))
    return sorted(pairs)


def update_event(
    vault: Vault,
    event_id: int,
    *,
    date_text: str | None = None,
    title: str | None = None,
    kind: str | None = None,
    description: str | None = None,
    cite: list[str] | None = None,
) -> EventView:
    """Change an event; None leaves a field as it is. ``cite`` replaces its citations."""
    with vault.transaction() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFound(refs.make("E", event_id))
        changed: dict[str, object] = {}
        if date_text is not None:
            event.date = dates.to_edtf(date_text)
            event.sort_key = dates.sort_key(event.date)
            changed["date"] = event.date
        if title is not None:
            if not title.strip():
                raise DossierError(t("An event needs a title; it was not changed."))
            event.title = changed["title"] = title.strip()
        if kind is not None:
            if kind not in EVENT_KINDS:
                raise DossierError(
                    t(
                        '"{kind}" is not a kind of event: {kinds}',
                        kind=kind,
                        kinds=", ".join(EVENT_KINDS),
                    )
                )
            event.kind = changed["kind"] = kind
        if description is not None:
            event.description = changed["description"] = description
        if cite is not None:
            event.citations = [_citation(session, text) for text in cite]
            changed["citations"] = cite
        session.flush()
        search.unindex(session, "event", event.id)
        search.index_text(session, "event", event.id, None, f"{event.title}\n{event.description}")
        vault.record_custody(session, "event changed", refs.make("E", event_id), changed)
        return _view(event)


def delete_event(vault: Vault, event_id: int) -> EventView:
    """Delete an event of the chronology (its sources stay); its links to grounds go."""
    with vault.transaction() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise NotFound(refs.make("E", event_id))
        view = _view(event)
        for link in session.scalars(
            select(GroundLink).where(
                GroundLink.target_kind == "event", GroundLink.target_id == event_id
            )
        ):
            session.delete(link)
        search.unindex(session, "event", event_id)
        session.delete(event)
        vault.record_custody(
            session, "event deleted", view.ref, {"date": view.date, "title": view.title}
        )
        return view
