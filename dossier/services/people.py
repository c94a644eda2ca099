"""People and organisations: add, find by any spelling, suggest likely duplicates."""

from __future__ import annotations

from itertools import combinations

from sqlalchemy import select
from sqlalchemy.orm import Session

from dossier import dates, names, refs, search
from dossier.errors import DossierError, NotFound
from dossier.i18n import t
from dossier.views import PersonView as PersonView
from dossier.vocabulary import PERSON_EDITABLE as EDITABLE
from dossier.vocabulary import ROLES as ROLES
from storage.custody import utc_now
from storage.models import Person, PersonAlias
from storage.vault import Vault


def _person_view(person: Person) -> PersonView:
    return PersonView(
        person.id,
        refs.make("P", person.id),
        person.name,
        person.native_name,
        [alias.alias for alias in person.aliases],
        person.role,
        dates.shown(person.birth_date) if person.birth_date else None,
        person.nationality,
        person.notes,
        person.birth_place,
        person.identity_document,
        person.correspondence_address,
        person.birth_date,
    )


def get_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(refs.make("P", person_id))
    return person


def add_person(
    vault: Vault,
    name: str,
    *,
    native_name: str | None = None,
    aliases: list[str] | None = None,
    role: str | None = None,
    birth_date: str | None = None,
    nationality: str | None = None,
    notes: str = "",
) -> PersonView:
    born = dates.to_edtf(birth_date) if birth_date else None
    with vault.transaction() as session:
        person = Person(
            name=name.strip(),
            native_name=native_name,
            role=role,
            birth_date=born,
            nationality=nationality,
            notes=notes,
            created_at=utc_now(),
        )
        person.aliases = [PersonAlias(alias=alias.strip()) for alias in aliases or []]
        session.add(person)
        session.flush()
        search.index_person(session, person)
        vault.record_custody(session, "person added", refs.make("P", person.id), {"name": name})
        return _person_view(person)


def update_person(vault: Vault, person_id: int, **fields: str | None) -> PersonView:
    """Change a person's particulars; None leaves a field as it is, "" clears it."""
    with vault.transaction() as session:
        person = get_person(session, person_id)
        changed: dict[str, str] = {}
        for name, value in fields.items():
            if name not in EDITABLE:
                raise DossierError(f'A person has no detail called "{name}".')
            if value is None:
                continue
            value = value.strip()
            if name == "name" and not value:
                raise DossierError(t("A person needs a name."))
            if name == "role" and value and value not in ROLES:
                raise DossierError(
                    t(
                        '"{value}" is not a role; choose one of: {roles}.',
                        value=value,
                        roles=", ".join(ROLES),
                    )
                )
            stored: str | None = value or None
            if name == "birth_date" and value:
                stored = dates.to_edtf(value)
            if name == "notes":
                stored = value
            setattr(person, name, stored)
            changed[name] = value
        session.flush()
        search.index_person(session, person)
        vault.record_custody(session, "person changed", refs.make("P", person_id), changed)
        return _person_view(person)


def add_alias(vault: Vault, person_id: int, alias: str) -> PersonView:
    with vault.transaction() as session:
        person = get_person(session, person_id)
        person.aliases.append(PersonAlias(alias=alias.strip()))
        session.flush()
        search.index_person(session, person)
        vault.record_custody(session, "alias added", refs.make("P", person_id), {"alias": alias})
        return _person_view(person)


def list_people(vault: Vault) -> list[PersonView]:
    with vault.session() as session:
        return [_person_view(p) for p in session.scalars(select(Person).order_by(Person.id))]


def show_person(vault: Vault, person_id: int) -> PersonView:
    with vault.session() as session:
        return _person_view(get_person(session, person_id))


def find_people(vault: Vault, query: str) -> list[tuple[PersonView, float]]:
    """People any of whose spellings resembles ``query``, best first."""
    found = []
    for person in list_people(vault):
        score = max(names.name_similarity(query, s) for s in person.spellings())
        # A single word ("Dulatov") may match one part of a full name.
        for spelling in person.spellings():
            for part in spelling.split():
                score = max(score, names.name_similarity(query, part))
        if score >= names.SAME_PERSON_THRESHOLD:
            found.append((person, score))
    return sorted(found, key=lambda pair: -pair[1])


def likely_duplicates(vault: Vault) -> list[tuple[PersonView, PersonView, float]]:
    people = list_people(vault)
    pairs = []
    for a, b in combinations(people, 2):
        score = max(names.name_similarity(x, y) for x in a.spellings() for y in b.spellings())
        if score >= names.SAME_PERSON_THRESHOLD:
            pairs.append((a, b, score))
    return sorted(pairs, key=lambda item: -item[2])
