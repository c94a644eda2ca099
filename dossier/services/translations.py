"""Translations of documents, with the translator's particulars that forums require.

In a bundle a translation follows its original, then the translator's certificate in the
forum's words (US 8 CFR 1003.33; UK statement of accuracy; CCF working language).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from dossier import dates, refs
from dossier.errors import DossierError, NotFound
from dossier.i18n import t
from dossier.views import TranslationView as TranslationView
from dossier.vocabulary import LANGUAGES as LANGUAGES
from storage.models import Document, Translation
from storage.vault import Vault


def _translation_view(row: Translation) -> TranslationView:
    return TranslationView(
        row.id,
        refs.make("T", row.id),
        refs.make("D", row.document_id),
        row.language,
        row.text,
        row.translator,
        row.translator_address,
        row.translator_phone,
        row.qualifications,
        row.date,
        row.certification,
    )


def language_name(code: str | None) -> str:
    return LANGUAGES.get(code or "", code or "the original language")


def add_translation(
    vault: Vault,
    document_id: int,
    *,
    language: str,
    text: str,
    translator: str | None = None,
    translator_address: str | None = None,
    translator_phone: str | None = None,
    qualifications: str | None = None,
    date: str | None = None,
    certification: str | None = None,
) -> TranslationView:
    language = language.strip().lower()
    if language not in LANGUAGES:
        raise DossierError(
            f'"{language}" is not a language this app knows; use a two-letter code: '
            + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
            + "."
        )
    if not text.strip():
        raise DossierError(t("The translation is empty; nothing was saved."))
    with vault.transaction() as session:
        document = session.get(Document, document_id)
        if document is None:
            raise NotFound(refs.make("D", document_id))
        if document.language and document.language == language:
            raise DossierError(
                f"{refs.make('D', document_id)} is already in {language_name(language)}."
            )
        row = Translation(
            document_id=document_id,
            language=language,
            text=text.strip(),
            translator=_clean(translator),
            translator_address=_clean(translator_address),
            translator_phone=_clean(translator_phone),
            qualifications=_clean(qualifications),
            date=dates.to_edtf(date) if date else None,
            certification=_clean(certification),
        )
        session.add(row)
        session.flush()
        vault.record_custody(
            session,
            "translation added",
            refs.make("D", document_id),
            {"translation": refs.make("T", row.id), "language": language},
        )
        return _translation_view(row)


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None


def list_translations(vault: Vault, document_id: int) -> list[TranslationView]:
    with vault.session() as session:
        if session.get(Document, document_id) is None:
            raise NotFound(refs.make("D", document_id))
        rows = session.scalars(
            select(Translation)
            .where(Translation.document_id == document_id)
            .order_by(Translation.id)
        )
        return [_translation_view(row) for row in rows]


def translations_of(vault: Vault, document_ids: list[int]) -> dict[int, list[TranslationView]]:
    """The translations of many documents at once (an export's annexes), by document id."""
    found: dict[int, list[TranslationView]] = {document_id: [] for document_id in document_ids}
    with vault.session() as session:
        rows = session.scalars(
            select(Translation)
            .where(Translation.document_id.in_(document_ids))
            .order_by(Translation.id)
        )
        for row in rows:
            found[row.document_id].append(_translation_view(row))
    return found


def remove_translation(vault: Vault, translation_id: int) -> None:
    with vault.transaction() as session:
        row = session.get(Translation, translation_id)
        if row is None:
            raise NotFound(refs.make("T", translation_id))
        document_ref = refs.make("D", row.document_id)
        session.delete(row)
        vault.record_custody(
            session,
            "translation removed",
            document_ref,
            {"translation": refs.make("T", translation_id)},
        )


@dataclass(frozen=True)
class Translator:
    """A translator used before, with the particulars the forums want on a certificate."""

    translator: str
    translator_address: str | None
    translator_phone: str | None
    qualifications: str | None
    certification: str | None


def translators(vault: Vault) -> list[Translator]:
    """Each translator named in the vault once, with the particulars of their latest
    translation: picked instead of typed again for every document."""
    from sqlalchemy import select

    found: dict[str, Translator] = {}
    with vault.session() as session:
        for row in session.scalars(select(Translation).order_by(Translation.id)):
            if not row.translator:
                continue
            found[row.translator.casefold()] = Translator(
                row.translator, row.translator_address, row.translator_phone,
                row.qualifications, row.certification,
            )  # fmt: skip
    return sorted(found.values(), key=lambda item: item.translator.casefold())
