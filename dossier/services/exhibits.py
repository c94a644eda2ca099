"""The annexes of a case: which documents, in which order, in which sections.

A case starts with the documents its chronology cites and its grounds use; the lawyer adds,
removes, moves and groups them. Only this list goes into the bundle.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dossier import refs
from dossier.errors import DossierError, NotFound
from dossier.i18n import t
from storage.models import Case, CaseExhibit, Citation, Document, Event
from storage.vault import Vault


@dataclass(frozen=True)
class ExhibitEntry:
    position: int  # 1-based, in the case's order
    document_ref: str
    title: str
    section: str | None
    confidential: bool


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound(refs.make("C", case_id))
    return case


def _rows(session: Session, case_id: int) -> list[CaseExhibit]:
    query = (
        select(CaseExhibit)
        .where(CaseExhibit.case_id == case_id)
        .order_by(CaseExhibit.position, CaseExhibit.document_id)
    )
    return list(session.scalars(query))


def _renumber(rows: list[CaseExhibit]) -> None:
    """Positions 1…n in list order; sections stay together where the first of each falls."""
    firsts: dict[str | None, int] = {}
    for index, row in enumerate(rows):
        firsts.setdefault(row.section, index)
    ordered = sorted(enumerate(rows), key=lambda pair: (firsts[pair[1].section], pair[0]))
    for position, (_, row) in enumerate(ordered, start=1):
        row.position = position


def append(session: Session, case_id: int, document_id: int) -> bool:
    """Put a document at the end of the case's annexes unless it is there; True if added."""
    if session.get(CaseExhibit, (case_id, document_id)) is not None:
        return False
    last = session.scalar(
        select(func.max(CaseExhibit.position)).where(CaseExhibit.case_id == case_id)
    )
    session.add(CaseExhibit(case_id=case_id, document_id=document_id, position=(last or 0) + 1))
    session.flush()
    return True


def start_with_cited(session: Session, case_id: int, person_id: int) -> None:
    """A new case's annexes: what the person's chronology cites, in date order."""
    cited = session.execute(
        select(Citation.document_id)
        .join(Event, Event.id == Citation.event_id)
        .join(Document, Document.id == Citation.document_id)
        .where(Event.person_id == person_id, Document.confidential.is_(False))
        .order_by(Event.sort_key, Event.id, Citation.id)
    ).scalars()
    for document_id in dict.fromkeys(cited):
        append(session, case_id, document_id)


def list_exhibits(vault: Vault, case_id: int) -> list[ExhibitEntry]:
    with vault.session() as session:
        _case(session, case_id)
        entries = []
        rows = _rows(session, case_id)
        ids = [row.document_id for row in rows]
        found = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_(ids)))}
        for row in rows:
            document = found[row.document_id]  # the foreign key cascades deletes
            entries.append(
                ExhibitEntry(
                    row.position,
                    refs.make("D", row.document_id),
                    document.title,
                    row.section,
                    document.confidential,
                )
            )
        return entries


def add_exhibit(
    vault: Vault,
    case_id: int,
    document_id: int,
    *,
    section: str | None = None,
    position: int | None = None,
) -> list[ExhibitEntry]:
    """Annex a document (or move it into ``section``); at ``position`` or at the section's end."""
    with vault.transaction() as session:
        _case(session, case_id)
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound(refs.make("D", document_id))
        if document.confidential:
            raise DossierError(
                t(
                    "{document} is marked confidential and cannot be annexed. Mark it as not "
                    "confidential first if it is to be filed.",
                    document=refs.make("D", document_id),
                )
            )
        rows = [r for r in _rows(session, case_id) if r.document_id != document_id]
        row = session.get(CaseExhibit, (case_id, document_id))
        if row is None:
            row = CaseExhibit(case_id=case_id, document_id=document_id, position=0)
            session.add(row)
        section = section.strip() if section else None
        if section is not None or row.section is None:
            row.section = section
        _place(rows, row, position, keep_section=section is not None)
        vault.record_custody(
            session,
            "annex added",
            refs.make("C", case_id),
            {"document": refs.make("D", document_id), "section": row.section},
        )
    return list_exhibits(vault, case_id)


def _place(
    rows: list[CaseExhibit], row: CaseExhibit, position: int | None, keep_section: bool
) -> None:
    """Insert ``row`` among the others; placed by position, it joins the section it lands in."""
    if position is None:
        same = [i for i, r in enumerate(rows) if r.section == row.section]
        index = same[-1] + 1 if same else len(rows)
    else:
        if position < 1:
            raise DossierError(t("Positions start at 1."))
        index = min(position - 1, len(rows))
        if not keep_section and rows:
            row.section = _section_landed_in(rows, index, row.section)
    rows.insert(index, row)
    _renumber(rows)


def _section_landed_in(rows: list[CaseExhibit], index: int, own: str | None) -> str | None:
    """The section of an annex placed before ``rows[index]``. A move never drops a section
    (it once did, silently, moved up from the first place of "B"): at the edge of its own
    section, or among annexes in no section, it keeps its own (and its section moves with
    it, sections staying together); placed among another section's annexes it joins that
    section, which the list then shows."""
    neighbours = [rows[i].section for i in (index - 1, index) if 0 <= i < len(rows)]
    if own in neighbours:
        return own
    landed = rows[index].section if index == 0 else rows[index - 1].section
    return own if landed is None else landed


def remove_exhibit(vault: Vault, case_id: int, document_id: int) -> list[ExhibitEntry]:
    """Take a document out of the case's annexes (the document itself stays in the vault)."""
    with vault.transaction() as session:
        _case(session, case_id)
        row = session.get(CaseExhibit, (case_id, document_id))
        if row is None:
            raise DossierError(
                t(
                    "{document} is not an annex of {case}.",
                    document=refs.make("D", document_id),
                    case=refs.make("C", case_id),
                )
            )
        session.delete(row)
        session.flush()
        _renumber(_rows(session, case_id))
        vault.record_custody(
            session,
            "annex removed",
            refs.make("C", case_id),
            {"document": refs.make("D", document_id)},
        )
    return list_exhibits(vault, case_id)


def move_exhibit(vault: Vault, case_id: int, document_id: int, position: int) -> list[ExhibitEntry]:
    with vault.transaction() as session:
        _case(session, case_id)
        row = session.get(CaseExhibit, (case_id, document_id))
        if row is None:
            raise DossierError(
                t(
                    "{document} is not an annex of {case}; add it first.",
                    document=refs.make("D", document_id),
                    case=refs.make("C", case_id),
                )
            )
        rows = [r for r in _rows(session, case_id) if r.document_id != document_id]
        _place(rows, row, position, keep_section=False)
        vault.record_custody(
            session,
            "annex moved",
            refs.make("C", case_id),
            {
                "document": refs.make("D", document_id),
                "position": row.position,
                "section": row.section,
            },
        )
    return list_exhibits(vault, case_id)


def annexed_documents(session: Session, case_id: int) -> list[CaseExhibit]:
    """The case's annex rows in order (for the export)."""
    return _rows(session, case_id)
