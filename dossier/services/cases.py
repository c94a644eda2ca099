"""Cases per person, and the legal grounds (with their evidence) that come with each kind."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from dossier import legal_grounds, refs
from dossier.errors import DossierError, NotFound
from dossier.services.people import get_person
from storage.custody import utc_now
from storage.models import Case, Document, Event, Ground, GroundLink, Quote
from storage.vault import Vault


@dataclass(frozen=True)
class CaseView:
    id: int
    ref: str
    person_ref: str
    kind: str
    kind_title: str
    requesting_country: str | None
    notice_type: str | None
    notice_reference: str | None
    representative_name: str | None
    representative_firm: str | None
    representative_address: str | None
    representative_bar_number: str | None
    status: str
    summary: str
    arguments: str

    @classmethod
    def of(cls, case: Case) -> CaseView:
        return cls(
            case.id,
            refs.make("C", case.id),
            refs.make("P", case.person_id),
            case.kind,
            legal_grounds.CASE_KINDS[case.kind][0],
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
        )


@dataclass(frozen=True)
class GroundView:
    id: int
    ref: str
    code: str
    title: str
    explanation: str
    evidence: list[str]  # D3, Q2, E5

    @property
    def missing_evidence(self) -> bool:
        return not self.evidence


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
    if kind not in legal_grounds.CASE_KINDS:
        raise DossierError(
            f'"{kind}" is not a kind of case; choose one of: ' + ", ".join(legal_grounds.CASE_KINDS)
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
        vault.record_custody(session, "case added", refs.make("C", case.id), {"kind": kind})
        return CaseView.of(case)


def update_case(vault: Vault, case_id: int, **fields: str | None) -> CaseView:
    allowed = set(CaseView.__dataclass_fields__) - {"id", "ref", "person_ref", "kind_title"}
    with vault.transaction() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(refs.make("C", case_id))
        changed = {}
        for name, value in fields.items():
            if name not in allowed:
                raise DossierError(f'A case has no field "{name}".')
            if value is not None:
                setattr(case, name, value)
                changed[name] = value
        vault.record_custody(session, "case changed", refs.make("C", case_id), changed)
        return CaseView.of(case)


def list_cases(vault: Vault, person_id: int | None = None) -> list[CaseView]:
    with vault.session() as session:
        query = select(Case).order_by(Case.id)
        if person_id is not None:
            query = query.where(Case.person_id == person_id)
        return [CaseView.of(case) for case in session.scalars(query)]


def show_case(vault: Vault, case_id: int) -> CaseView:
    with vault.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(refs.make("C", case_id))
        return CaseView.of(case)


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
                )
            )
        return result


def link_evidence(vault: Vault, ground_id: int, target: str) -> GroundView:
    """Link a document (D3), quote (Q2) or event (E5) to the ground it supports."""
    kinds = {"D": ("document", Document), "Q": ("quote", Quote), "E": ("event", Event)}
    prefix = target.strip()[:1].upper()
    if prefix not in kinds:
        raise DossierError(f'"{target}" is not a document, quote or event reference.')
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
        vault.record_custody(
            session, "evidence linked", refs.make("G", ground_id), {"evidence": target}
        )
        case_id = ground.case_id
    return next(g for g in grounds(vault, case_id) if g.id == ground_id)
