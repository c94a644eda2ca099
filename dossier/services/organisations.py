"""Organisations (a newsroom such as Kloop, an NGO, a court, an agency) with their people and
the documents that concern them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import refs
from dossier.errors import DossierError, NotFound
from dossier.i18n import t
from dossier.services.people import get_person
from dossier.vocabulary import ORGANISATION_KINDS as KINDS
from storage.models import (
    Document,
    DocumentOrganisation,
    Organisation,
    OrganisationPerson,
    Person,
)
from storage.vault import Vault


@dataclass(frozen=True)
class Member:
    person_ref: str
    name: str
    role: str | None


@dataclass(frozen=True)
class OrganisationView:
    id: int
    ref: str
    name: str
    kind: str
    country: str | None
    notes: str
    people: list[Member]
    documents: list[str]  # D refs


def _get(session: Session, organisation_id: int) -> Organisation:
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        raise NotFound(refs.make("O", organisation_id))
    return organisation


def _view(session: Session, organisation: Organisation) -> OrganisationView:
    members = session.execute(
        select(OrganisationPerson, Person)
        .join(Person, Person.id == OrganisationPerson.person_id)
        .where(OrganisationPerson.organisation_id == organisation.id)
        .order_by(Person.name)
    ).all()
    documents = session.scalars(
        select(DocumentOrganisation.document_id)
        .where(DocumentOrganisation.organisation_id == organisation.id)
        .order_by(DocumentOrganisation.document_id)
    )
    return OrganisationView(
        organisation.id,
        refs.make("O", organisation.id),
        organisation.name,
        organisation.kind,
        organisation.country,
        organisation.notes,
        [Member(refs.make("P", p.id), p.name, link.role) for link, p in members],
        [refs.make("D", d) for d in documents],
    )


def add_organisation(
    vault: Vault, name: str, kind: str = "other", country: str | None = None, notes: str = ""
) -> OrganisationView:
    if not name.strip():
        raise DossierError(t("An organisation needs a name."))
    if kind not in KINDS:
        raise DossierError(f'"{kind}" is not a kind of organisation: {", ".join(KINDS)}.')
    with vault.transaction() as session:
        organisation = Organisation(
            name=name.strip(), kind=kind, country=country or None, notes=notes
        )
        session.add(organisation)
        session.flush()
        vault.record_custody(
            session, "organisation added", refs.make("O", organisation.id), {"name": name}
        )
        return _view(session, organisation)


def list_organisations(vault: Vault, person_id: int | None = None) -> list[OrganisationView]:
    """All organisations, or those a person belongs to."""
    with vault.session() as session:
        query = select(Organisation).order_by(Organisation.name)
        if person_id is not None:
            query = query.where(
                Organisation.id.in_(
                    select(OrganisationPerson.organisation_id).where(
                        OrganisationPerson.person_id == person_id
                    )
                )
            )
        return [_view(session, o) for o in session.scalars(query)]


def show_organisation(vault: Vault, organisation_id: int) -> OrganisationView:
    with vault.session() as session:
        return _view(session, _get(session, organisation_id))


def add_member(
    vault: Vault, organisation_id: int, person_id: int, role: str | None = None
) -> OrganisationView:
    with vault.transaction() as session:
        organisation = _get(session, organisation_id)
        get_person(session, person_id)
        link = session.get(OrganisationPerson, (organisation_id, person_id))
        if link is None:
            session.add(
                OrganisationPerson(organisation_id=organisation_id, person_id=person_id, role=role)
            )
        elif role is not None:
            link.role = role
        session.flush()
        vault.record_custody(
            session, "member added", refs.make("O", organisation_id),
            {"person": refs.make("P", person_id), "role": role},
        )  # fmt: skip
        return _view(session, organisation)


def link_document(vault: Vault, organisation_id: int, document_id: int) -> OrganisationView:
    with vault.transaction() as session:
        organisation = _get(session, organisation_id)
        if session.get(Document, document_id) is None:
            raise NotFound(refs.make("D", document_id))
        if session.get(DocumentOrganisation, (document_id, organisation_id)) is None:
            session.add(
                DocumentOrganisation(document_id=document_id, organisation_id=organisation_id)
            )
        session.flush()
        vault.record_custody(
            session, "document linked", refs.make("O", organisation_id),
            {"document": refs.make("D", document_id)},
        )  # fmt: skip
        return _view(session, organisation)
