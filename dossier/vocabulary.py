"""The words records are made of (kinds, roles, statuses, languages, editable fields).

Kept apart from the services, with no imports, so that `dossier --help` can list the choices
without loading the database, the crypto and the PDF libraries (it starts in a fraction of
the time).
"""

from __future__ import annotations

PASSPHRASE_ENV = "DOSSIER_PASSPHRASE"  # noqa: S105 - the name of a variable, not a secret

# The kinds of document lawyers file (the forum check looks for some of them).
DOCUMENT_KINDS = (
    "identity-document", "power-of-attorney", "court-decision", "charge-sheet",
    "notice-extract", "news-article", "ngo-report", "ngo-statement", "official-letter",
    "witness-statement", "expert-report", "translation-certificate", "photo", "email", "other",
    # The decision appealed against (a Home Office refusal letter); a report on the country
    # of origin (the UK schedule of country evidence is built from passages quoted from it).
    "refusal-letter", "country-report",
    # The application itself (the US Form I-589, a UK SEF…), annexed to the brief.
    "asylum-application",
)  # fmt: skip
DOCUMENT_EDITABLE = ("title", "kind", "outlet", "author", "url", "date_published",
                     "date_accessed", "language", "title_translated")  # fmt: skip

EVENT_KINDS = (
    "arrest", "search", "detention", "charge", "court-ruling", "sentence", "notice-requested",
    "notice-refused", "notice-deleted", "extradition-request", "asylum-decision",
    "international-statement", "threat", "other",
)  # fmt: skip

ROLES = ("journalist", "activist", "lawyer", "relative", "witness", "official", "other")
# What can be changed after a person is added (the name in filings included).
PERSON_EDITABLE = ("name", "native_name", "role", "birth_date", "birth_place", "nationality",
                   "identity_document", "correspondence_address", "notes")  # fmt: skip

CASE_STATUSES = ("draft", "ready", "filed", "closed")
WORKING_LANGUAGES = {"en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic"}
# The pleading's fields, in CaseView's order after ``arguments``.
PLEADING_FIELDS = (
    "facts", "relief", "notice_known_how", "representative_phone", "representative_email",
    "signatory_name", "signatory_capacity", "signed_place", "signed_date", "served_on",
    "working_language",
)  # fmt: skip
# Every field `case set` and the pleading editor may change.
CASE_EDITABLE = (
    "status", "summary", "arguments", "requesting_country", "notice_type", "notice_reference",
    "representative_name", "representative_firm", "representative_address",
    "representative_bar_number", *PLEADING_FIELDS,
)  # fmt: skip

# The languages forums work in, and those of this app's sources (ISO 639-1).
LANGUAGES = {
    "en": "English", "fr": "French", "es": "Spanish", "ar": "Arabic", "ru": "Russian",
    "ky": "Kyrgyz", "kk": "Kazakh", "uz": "Uzbek", "tg": "Tajik", "de": "German",
}  # fmt: skip
# A document's language may also be "no words" (ISO 639-2 zxx): a photograph of a place, a
# wound, a car; it needs no translation. Only the lawyer says so.
DOCUMENT_LANGUAGES = {**LANGUAGES, "zxx": "No words (a picture)"}

# "portal": a folder of files for a forum's online portal (the request, each annex, the answers).
# "package": a ZIP of the originals, translations, bundle and manifest (the evidentiary copy).
EXPORT_FORMATS = ("pdf", "docx", "portal", "package")
ORGANISATION_KINDS = ("outlet", "ngo", "court", "agency", "other")

# Annexes that are pictures: each becomes a page of the bundle.
IMAGE_TYPES = ("image/jpeg", "image/png", "image/tiff", "image/heic", "image/heif")
