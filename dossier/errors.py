"""Errors of the evidence layer, each carrying the sentence a lawyer sees."""

from __future__ import annotations

from dossier.i18n import t
from storage.errors import VaultError as VaultError


class DossierError(VaultError):
    """Base of evidence-layer errors; ``str(error)`` is shown to the user as it is."""


class BadDate(DossierError):
    def __init__(self, text: str) -> None:
        super().__init__(
            t(
                '"{text}" is not a date this app understands. Write it as the source gives it: '
                '"30 October 2025", "2025-10-30", "August 2025", "28–29 May 2025", "2024", '
                '"c. 2021", "since 2020", "2020–2022", or "August" with an unknown year as '
                '"XXXX-08".',
                text=text,
            )
        )


class NotFound(DossierError):
    def __init__(self, ref: str) -> None:
        super().__init__(t("There is no record {ref} in this vault.", ref=ref))


class BadReference(DossierError):
    def __init__(self, ref: str, expected: str) -> None:
        super().__init__(f'"{ref}" is not a {expected} reference (like {expected[0].upper()}1).')


class ImportRefused(DossierError):
    """A file that cannot be imported; the message says why, in plain words."""


class PasswordNeeded(ImportRefused):
    """A protected PDF: its password is asked for (again, when the one given was wrong)."""

    def __init__(self, name: str, *, wrong: bool = False) -> None:
        self.wrong = wrong
        if wrong:
            said = t(
                'The password given for "{name}" is not correct. Import it again with the right '
                "one, or import an unprotected copy.",
                name=name,
            )
        else:
            said = t(
                '"{name}" is a PDF protected by a password. Import it again and give its '
                "password (the bundle then uses it too), or import an unprotected copy.",
                name=name,
            )
        super().__init__(said)
