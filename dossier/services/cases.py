"""Cases per person, and the legal grounds (with their evidence) that come with each kind."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import dates, forums, legal_grounds, refs
from dossier.clean_text import without_controls
from dossier.errors import DossierError, NotFound
from dossier.i18n import t
from dossier.services import exhibits
from dossier.services.people import get_person
from dossier.views import CaseView as CaseView
from dossier.views import GroundView as GroundView
from dossier.vocabulary import CASE_EDITABLE as EDITABLE
from dossier.vocabulary import CASE_STATUSES as STATUSES
from dossier.vocabulary import PLEADING_FIELDS as _PLEADING_FIELDS
from dossier.vocabulary import WORKING_LANGUAGES as WORKING_LANGUAGES
from storage.custody import utc_now
from storage.models import Case, Citation, Document, Event, Ground, GroundLink, Quote
from storage.vault import Vault


def _case_view(case: Case) -> CaseView:
    view = CaseView(
        case.id,
        refs.make("C", case.id),
        refs.make("P", case.person_id),
        case.kind,
        legal_grounds.case_kinds()[case.kind][0],
        case.requesting_country,
        case.notice_type,
        case.notice_reference,
        case.representative_name,
        case.representative_firm,
        case.representative_address,
        case.representative_bar_number,
        case.status,
        case.summary,
        case.arguments,
        *(getattr(case, name) for name in _PLEADING_FIELDS),
    )
    # Stored as JSON text; given out as a mapping.
    return replace(view, particulars=_stored_particulars(case))


def add_case(
    vault: Vault,
    person_id: int,
    kind: str,
    *,
    requesting_country: str | None = None,
    notice_type: str | None = None,
    notice_reference: str | None = None,
    representative_name: str | None = None,
    representative_firm: str | None = None,
    representative_address: str | None = None,
    representative_bar_number: str | None = None,
    summary: str = "",
    arguments: str = "",
) -> CaseView:
    if kind not in legal_grounds.case_kinds():
        raise DossierError(
            f'"{kind}" is not a kind of case; choose one of: '
            + ", ".join(legal_grounds.case_kinds())
        )
    if notice_type is not None and notice_type not in legal_grounds.NOTICE_TYPES:
        raise DossierError(
            f'"{notice_type}" is not a notice type; choose one of: '
            + ", ".join(legal_grounds.NOTICE_TYPES)
        )
    with vault.transaction() as session:
        get_person(session, person_id)
        case = Case(
            person_id=person_id,
            kind=kind,
            requesting_country=requesting_country,
            notice_type=notice_type,
            notice_reference=notice_reference,
            representative_name=representative_name,
            representative_firm=representative_firm,
            representative_address=representative_address,
            representative_bar_number=representative_bar_number,
            status="draft",
            summary=summary,
            arguments=arguments,
            created_at=utc_now(),
        )
        session.add(case)
        session.flush()
        for template in legal_grounds.grounds_for(kind):
            session.add(
                Ground(
                    case_id=case.id,
                    code=template.code,
                    title=template.title,
                    explanation=template.explanation,
                )
            )
        exhibits.start_with_cited(session, case.id, person_id)
        vault.record_custody(session, "case added", refs.make("C", case.id), {"kind": kind})
        return _case_view(case)


# What a case started as a copy of another takes with it: the facts and the people who file
# it. Not the relief (each forum's own words), the status, the dates, nor the signature.
_COPIED = (
    "summary", "facts", "requesting_country", "notice_type", "notice_reference",
    "notice_known_how", "representative_name", "representative_firm", "representative_address",
    "representative_phone", "representative_email", "representative_bar_number",
    "signatory_name", "signatory_capacity", "signed_place",
)  # fmt: skip


def copy_case(vault: Vault, case_id: int, kind: str) -> CaseView:
    """A new case of ``kind`` for the same person, started from another: its facts and
    particulars, the arguments and evidence of the grounds the two kinds share, and its
    annexes in their order and sections (their translations follow their documents)."""
    from storage.models import CaseExhibit

    source = show_case(vault, case_id)
    copy = add_case(vault, refs.parse(source.person_ref, "P"), kind)
    with vault.transaction() as session:
        old, new = session.get(Case, case_id), session.get(Case, copy.id)
        assert old is not None and new is not None
        for name in _COPIED:
            setattr(new, name, getattr(old, name))
        olds = {g.code: g for g in session.scalars(select(Ground).where(Ground.case_id == case_id))}
        for ground in session.scalars(select(Ground).where(Ground.case_id == copy.id)):
            if (before := olds.get(ground.code)) is None:
                continue
            ground.argument = before.argument
            for link in session.scalars(
                select(GroundLink).where(GroundLink.ground_id == before.id)
            ):
                session.add(GroundLink(ground_id=ground.id, target_kind=link.target_kind,
                                       target_id=link.target_id))  # fmt: skip
        for annex in session.scalars(
            select(CaseExhibit).where(CaseExhibit.case_id == copy.id)
        ):  # start_with_cited's guess: the source's own list replaces it
            session.delete(annex)
        session.flush()
        for annex in session.scalars(select(CaseExhibit).where(CaseExhibit.case_id == case_id)):
            session.add(CaseExhibit(case_id=copy.id, document_id=annex.document_id,
                                    position=annex.position, section=annex.section))  # fmt: skip
        vault.record_custody(
            session, "case copied", copy.ref, {"from": source.ref, "kind": kind}
        )  # fmt: skip
        session.flush()
        return _case_view(new)


def _stored_particulars(case: Case) -> dict[str, str]:
    try:
        stored = json.loads(case.particulars or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in stored.items()} if isinstance(stored, dict) else {}


def declared_particulars(case_kind: str) -> list[forums.Particular]:
    """What the forum of this kind of case asks for besides the common fields."""
    from dossier.export import templates

    return forums.particulars(templates.for_case(case_kind).forum, case_kind)


def dates_that_follow(case: CaseView) -> list[forums.FollowingDate]:
    """The dates the forum's rules set from those the case records (the CCF's notification
    step and decision time limits from the date it found the request admissible)."""
    from dossier.export import templates

    forum = templates.for_case(case.kind).forum
    return forums.dates_that_follow(forum, case.kind, case.particulars)


def set_particulars(vault: Vault, case_id: int, values: dict[str, str]) -> CaseView:
    """Set the forum's own particulars of a case by name ("" clears one). A name the forum
    does not declare is refused in words, naming those it does."""
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(refs.make("C", case_id))
        declared = {p.name: p for p in declared_particulars(case.kind)}
        unknown = [name for name in values if name not in declared]
        if unknown:
            known = ", ".join(f"{name} ({p.label('en')})" for name, p in declared.items())
            raise DossierError(
                t(
                    '"{names}" is not a particular of this forum. It asks for: {known}.',
                    names=", ".join(unknown),
                    known=known or t("nothing beyond the common fields"),
                )
            )
        kept = _stored_particulars(case)
        for name, value in values.items():
            value = without_controls(value).strip()
            if value:
                kept[name] = value
            else:
                kept.pop(name, None)
        case.particulars = json.dumps(kept, ensure_ascii=False, sort_keys=True)
        vault.record_custody(
            session, "case changed", refs.make("C", case_id), {"particulars": values}
        )
        session.flush()
        return _case_view(case)


def update_case(vault: Vault, case_id: int, **fields: str | None) -> CaseView:
    """Change a case's fields; None leaves a field as it is, "" clears it."""
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(refs.make("C", case_id))
        changed = {}
        for name, value in fields.items():
            if name not in EDITABLE:
                raise DossierError(f'A case has no detail called "{name}".')
            if value is None:
                continue
            setattr(case, name, _checked(name, value))
            changed[name] = value
        vault.record_custody(session, "case changed", refs.make("C", case_id), changed)
        return _case_view(case)


def _checked(name: str, value: str) -> str | None:
    value = value.strip()
    if name in ("summary", "arguments"):
        return value
    if not value:
        if name == "status":
            raise DossierError(
                t("A case always has a status: {statuses}.", statuses=", ".join(STATUSES))
            )
        return None
    choices: tuple[str, ...] | None = {
        "notice_type": legal_grounds.NOTICE_TYPES,
        "status": STATUSES,
        "working_language": tuple(WORKING_LANGUAGES),
    }.get(name)
    if choices is not None and value not in choices:
        raise DossierError(
            t('"{value}" is not one of: {choices}.', value=value, choices=", ".join(choices))
        )
    if name == "signed_date":
        return dates.to_edtf(value)
    return value


def list_cases(vault: Vault, person_id: int | None = None) -> list[CaseView]:
    with vault.session() as session:
        query = select(Case).order_by(Case.id)
        if person_id is not None:
            query = query.where(Case.person_id == person_id)
        return [_case_view(case) for case in session.scalars(query)]


def show_case(vault: Vault, case_id: int) -> CaseView:
    with vault.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(refs.make("C", case_id))
        return _case_view(case)


def grounds(vault: Vault, case_id: int) -> list[GroundView]:
    show_case(vault, case_id)
    with vault.session() as session:
        result = []
        for ground in session.scalars(
            select(Ground).where(Ground.case_id == case_id).order_by(Ground.id)
        ):
            links = session.scalars(
                select(GroundLink).where(GroundLink.ground_id == ground.id)
            ).all()
            prefix = {"document": "D", "quote": "Q", "event": "E"}
            evidence = [prefix[link.target_kind] + str(link.target_id) for link in links]
            result.append(
                GroundView(
                    ground.id,
                    refs.make("G", ground.id),
                    ground.code,
                    ground.title,
                    ground.explanation,
                    evidence,
                    ground.argument,
                )
            )
        return result


def _documents_behind(session: Session, kind: str, target_id: int) -> list[int]:
    if kind == "document":
        found = [target_id]
    elif kind == "quote":
        quote = session.get(Quote, target_id)
        found = [quote.document_id] if quote else []
    else:
        found = list(
            session.scalars(select(Citation.document_id).where(Citation.event_id == target_id))
        )
    return [
        d for d in dict.fromkeys(found) if not getattr(session.get(Document, d), "confidential", 1)
    ]


def set_argument(vault: Vault, ground_id: int, argument: str) -> GroundView:
    """The lawyer's argument for one ground (citations written as [D3:2] or [Q4])."""
    with vault.transaction() as session:
        ground = session.get(Ground, ground_id)
        if ground is None:
            raise NotFound(refs.make("G", ground_id))
        ground.argument = argument.strip()
        case_id = ground.case_id
        vault.record_custody(
            session, "argument changed", refs.make("G", ground_id), {"length": len(argument)}
        )
    return next(g for g in grounds(vault, case_id) if g.id == ground_id)


def link_evidence(vault: Vault, ground_id: int, target: str) -> GroundView:
    """Link a document (D3), quote (Q2) or event (E5) to the ground it supports."""
    kinds = {"D": ("document", Document), "Q": ("quote", Quote), "E": ("event", Event)}
    prefix = target.strip()[:1].upper()
    if prefix not in kinds:
        raise DossierError(
            t('"{target}" is not a document, quote or event reference.', target=target)
        )
    kind, model = kinds[prefix]
    target_id = refs.parse(target, prefix)
    with vault.transaction() as session:
        ground = session.get(Ground, ground_id)
        if ground is None:
            raise NotFound(refs.make("G", ground_id))
        if session.get(model, target_id) is None:
            raise NotFound(target)
        if session.get(GroundLink, (ground_id, kind, target_id)) is None:
            session.add(GroundLink(ground_id=ground_id, target_kind=kind, target_id=target_id))
        # Evidence a ground relies on is annexed (the lawyer may take it out again).
        for document_id in _documents_behind(session, kind, target_id):
            exhibits.append(session, ground.case_id, document_id)
        vault.record_custody(
            session, "evidence linked", refs.make("G", ground_id), {"evidence": target}
        )
        case_id = ground.case_id
    return next(g for g in grounds(vault, case_id) if g.id == ground_id)


def delete_case(vault: Vault, case_id: int) -> CaseView:
    """Delete a case at the user's word: its grounds, arguments and annex list go; the
    documents, quotes and events it used stay in the vault."""
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(refs.make("C", case_id))
        view = _case_view(case)
        session.delete(case)  # grounds, their links and the annex list cascade
        vault.record_custody(session, "case deleted", view.ref, {"kind": view.kind})
        return view
