"""Quotes, checked against their document: found despite line breaks, hyphens and quote marks."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import dates, refs, search
from dossier.clean_text import without_controls
from dossier.errors import DossierError, NotFound
from dossier.i18n import t
from dossier.services.documents import _get as get_document
from dossier.services.people import get_person
from dossier.views import QuoteView as QuoteView
from storage.custody import utc_now
from storage.models import DocumentPerson, Quote, QuotePerson
from storage.vault import Vault

_QUOTE_MARKS = dict.fromkeys(map(ord, "\"'“”„‟«»‹›‘’‚‛`´"), None)
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")


def normalise(text: str) -> str:
    """Comparable form: NFKC, no quote marks, one kind of dash, hyphenation and spacing undone."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # words split across lines
    text = text.translate(_QUOTE_MARKS).translate(_DASHES)
    return " ".join(text.split()).casefold()


def locate(quote: str, pages: list[str]) -> int | None:
    """The 1-based page on which the quote appears, or None."""
    wanted = normalise(quote)
    if not wanted:
        return None
    for number, page in enumerate(pages, start=1):
        if wanted in normalise(page):
            return number
    # A quote may run over a page break.
    for number in range(1, len(pages)):
        if wanted in normalise(pages[number - 1] + " " + pages[number]):
            return number
    return None


_OCR_SIMILARITY = 90.0  # of 100: a quote read off a scan may differ by a few letters
_OCR_MIN_LENGTH = 12


def locate_in_scan(quote: str, pages: list[str], scanned: set[int]) -> int | None:
    """The page read by OCR on which the quote appears allowing for recognition errors (a
    letter misread here and there), or None. Only pages in ``scanned`` are searched."""
    from rapidfuzz import fuzz

    wanted = normalise(quote)
    if len(wanted) < _OCR_MIN_LENGTH:
        return None
    best, best_score = None, _OCR_SIMILARITY
    for number, page in enumerate(pages, start=1):
        if number not in scanned:
            continue
        score = fuzz.partial_ratio(wanted, normalise(page), score_cutoff=best_score)
        if score >= best_score:
            best, best_score = number, score
    return best


def add_quote(
    vault: Vault,
    document_id: int,
    quote_text: str,
    *,
    speaker: str | None = None,
    date_said: str | None = None,
    translation: str | None = None,
    page: int | None = None,
    person_ids: list[int] | None = None,
) -> QuoteView:
    said = dates.to_edtf(date_said) if date_said else None
    with vault.transaction() as session:
        document = get_document(session, document_id)
        pages = [p.text for p in document.pages]
        found_page = locate(quote_text, pages)
        scanned = {p.page for p in document.pages if p.origin == "ocr"}
        matched_ocr = False
        if found_page is None and scanned:
            found_page = locate_in_scan(quote_text, pages, scanned)
            matched_ocr = found_page is not None
        elif found_page in scanned:
            matched_ocr = True
        for person_id in person_ids or []:
            get_person(session, person_id)
        quote = Quote(
            document_id=document_id,
            text=quote_text.strip(),
            page=found_page or page,
            found_in_document=found_page is not None,
            matched_ocr=matched_ocr,
            speaker=speaker,
            date_said=said,
            translation=translation,
            created_at=utc_now(),
        )
        session.add(quote)
        session.flush()
        for person_id in person_ids or []:
            session.add(QuotePerson(quote_id=quote.id, person_id=person_id))
        search.index_text(session, "quote", quote.id, quote.page, quote.text)
        vault.record_custody(
            session,
            "quote added",
            refs.make("Q", quote.id),
            {
                "document": refs.make("D", document_id),
                "found": found_page is not None,
                "in_ocr_text": matched_ocr,
            },
        )
        return _view(quote, person_ids or [])


def _view(quote: Quote, people: list[int]) -> QuoteView:
    return QuoteView(
        quote.id,
        refs.make("Q", quote.id),
        refs.make("D", quote.document_id),
        quote.text,
        quote.page,
        quote.found_in_document,
        quote.speaker,
        quote.date_said,
        quote.translation,
        [refs.make("P", p) for p in people],
        quote.matched_ocr,
    )


def list_quotes(
    vault: Vault, document_id: int | None = None, *, person_id: int | None = None
) -> list[QuoteView]:
    """Quotes, all or one document's, or one person's: those about the person and those
    from the person's documents."""
    with vault.session() as session:
        query = select(Quote).order_by(Quote.id)
        if document_id is not None:
            query = query.where(Quote.document_id == document_id)
        if person_id is not None:
            about = select(QuotePerson.quote_id).where(QuotePerson.person_id == person_id)
            theirs = select(DocumentPerson.document_id).where(DocumentPerson.person_id == person_id)
            query = query.where(Quote.id.in_(about) | Quote.document_id.in_(theirs))
        found = session.scalars(query).all()
        # The people of every quote listed, in one statement (one a quote made an export's
        # gathering grow with every quote the vault ever held).
        people: dict[int, list[int]] = defaultdict(list)
        listed = query.with_only_columns(Quote.id).order_by(None).scalar_subquery()
        for quote_id, person in session.execute(
            select(QuotePerson.quote_id, QuotePerson.person_id)
            .where(QuotePerson.quote_id.in_(listed))
            .order_by(QuotePerson.quote_id, QuotePerson.person_id)
        ):
            people[quote_id].append(person)
        return [_view(quote, people[quote.id]) for quote in found]


def show_quote(vault: Vault, quote_id: int) -> QuoteView:
    with vault.session() as session:
        quote = session.get(Quote, quote_id)
        if quote is None:
            raise NotFound(refs.make("Q", quote_id))
        people = session.scalars(
            select(QuotePerson.person_id).where(QuotePerson.quote_id == quote_id)
        ).all()
        return _view(quote, list(people))


def update_quote(
    vault: Vault,
    quote_id: int,
    *,
    text: str | None = None,
    speaker: str | None = None,
    date_said: str | None = None,
    translation: str | None = None,
    page: int | None = None,
) -> QuoteView:
    """Change a quote; None leaves a field as it is, "" clears it (never the words). New
    words are looked for in the document again, as when the quote was added."""
    with vault.transaction() as session:
        quote = _get(session, quote_id)
        changed: dict[str, object] = {}
        if text is not None:
            text = without_controls(text).strip()
            if not text:
                raise DossierError(t("A quote needs its words; it was not changed."))
            if text != quote.text:
                changed["text"] = {"from": quote.text, "to": text}
                quote.text = text
                _locate_again(session, quote, page)
        elif page is not None:
            quote.page = page
            changed["page"] = page
        for name, value in (("speaker", speaker), ("translation", translation)):
            if value is not None:
                setattr(quote, name, without_controls(value).strip() or None)
                changed[name] = getattr(quote, name)
        if date_said is not None:
            quote.date_said = dates.to_edtf(date_said) if date_said.strip() else None
            changed["date_said"] = quote.date_said
        search.unindex(session, "quote", quote.id)
        search.index_text(session, "quote", quote.id, quote.page, quote.text)
        vault.record_custody(session, "quote changed", refs.make("Q", quote.id), changed)
        return _view(quote, _people(session, quote.id))


def _locate_again(session: Session, quote: Quote, page: int | None) -> None:
    document = get_document(session, quote.document_id)
    pages = [p.text for p in document.pages]
    scanned = {p.page for p in document.pages if p.origin == "ocr"}
    found = locate(quote.text, pages)
    matched_ocr = found in scanned if found is not None else False
    if found is None and scanned:
        found = locate_in_scan(quote.text, pages, scanned)
        matched_ocr = found is not None
    quote.page = found or page or quote.page
    quote.found_in_document = found is not None
    quote.matched_ocr = matched_ocr


@dataclass(frozen=True)
class QuoteUses:
    """Where a quote is used: said in the confirmation before it is deleted."""

    quote: QuoteView
    grounds: list[str]  # "G2" — grounds that rely on it
    events: list[str]  # events that cite it
    mentions: list[str]  # cases whose texts write [Q5]

    @property
    def sentence(self) -> str:
        said = t(
            "Delete the quote {ref} from {document}: “{text}”?",
            ref=self.quote.ref,
            document=self.quote.document_ref,
            text=self.quote.text if len(self.quote.text) <= 120 else self.quote.text[:117] + "…",
        )
        if self.grounds or self.events:
            said += " " + t(
                "Grounds and events that rely on it lose it: {uses}.",
                uses=", ".join(self.grounds + self.events),
            )
        if self.mentions:
            said += " " + t(
                "The texts of {cases} cite it: the check will name it there.",
                cases=", ".join(self.mentions),
            )
        return said + " " + t("The document stays.")


def quote_uses(vault: Vault, quote_id: int) -> QuoteUses:
    from storage.models import Case, Citation, Ground, GroundLink

    with vault.session() as session:
        quote = _get(session, quote_id)
        view = _view(quote, _people(session, quote_id))
        grounds = session.scalars(
            select(GroundLink.ground_id).where(
                GroundLink.target_kind == "quote", GroundLink.target_id == quote_id
            )
        ).all()
        events = session.scalars(
            select(Citation.event_id).where(Citation.quote_id == quote_id)
        ).all()
        token = f"[{view.ref}]"
        mentions = {
            case.id
            for case in session.scalars(select(Case))
            if any(token in (getattr(case, f) or "") for f in ("facts", "relief", "arguments"))
        }
        mentions |= {
            ground.case_id
            for ground in session.scalars(select(Ground).where(Ground.argument.contains(token)))
        }
    return QuoteUses(
        view,
        [refs.make("G", g) for g in sorted(set(grounds))],
        [refs.make("E", e) for e in sorted(set(events))],
        [refs.make("C", c) for c in sorted(mentions)],
    )


def delete_quote(vault: Vault, quote_id: int) -> QuoteUses:
    """Delete a quote at the user's word (asked with ``quote_uses(...).sentence``): its links
    from grounds and events go with it; the document stays. Recorded with its words."""
    from storage.models import Citation, GroundLink

    uses = quote_uses(vault, quote_id)
    with vault.transaction() as session:
        quote = _get(session, quote_id)
        for link in session.scalars(
            select(GroundLink).where(
                GroundLink.target_kind == "quote", GroundLink.target_id == quote_id
            )
        ):
            session.delete(link)
        for citation in session.scalars(select(Citation).where(Citation.quote_id == quote_id)):
            citation.quote_id = None  # the event still cites the document's page
        for row in session.scalars(select(QuotePerson).where(QuotePerson.quote_id == quote_id)):
            session.delete(row)
        search.unindex(session, "quote", quote_id)
        session.delete(quote)
        vault.record_custody(
            session,
            "quote deleted",
            uses.quote.ref,
            {"document": uses.quote.document_ref, "text": uses.quote.text,
             "grounds": uses.grounds, "events": uses.events},
        )  # fmt: skip
    return uses


def _get(session: Session, quote_id: int) -> Quote:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFound(refs.make("Q", quote_id))
    return quote


def _people(session: Session, quote_id: int) -> list[int]:
    return list(
        session.scalars(select(QuotePerson.person_id).where(QuotePerson.quote_id == quote_id))
    )
