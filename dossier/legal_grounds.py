"""The legal grounds each kind of case argues; evidence is linked to them one by one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GroundTemplate:
    code: str
    title: str
    explanation: str


_CCF = (
    GroundTemplate(
        "ccf-art3",
        "Article 3 of INTERPOL's Constitution: predominantly political character",
        "The request is of a predominantly political character: the nature of the offence, the "
        "status of the person (journalist, activist), the context of the proceedings and the "
        "requesting state's conduct (predominance test).",
    ),
    GroundTemplate(
        "ccf-art2",
        "Article 2 of INTERPOL's Constitution: human rights",
        "Processing the data would breach the Universal Declaration of Human Rights: freedom "
        "of expression, fair trial, protection from persecution.",
    ),
    GroundTemplate(
        "ccf-refugee",
        "Refugee status or asylum granted or sought",
        "INTERPOL's refugee policy: data about a recognised refugee, or one seeking protection, "
        "from the country he or she fled is not processed.",
    ),
    GroundTemplate(
        "ccf-minimum-criteria",
        "Minimum criteria for a notice not met (RPD Article 83)",
        "The offence is not serious ordinary crime, the facts are insufficient, or the judicial "
        "data required for a notice are missing.",
    ),
)
_ASYLUM = (
    GroundTemplate(
        "asylum-persecution",
        "Well-founded fear of persecution",
        "Serious harm the person has suffered or risks: arrest, prosecution, searches, threats.",
    ),
    GroundTemplate(
        "asylum-convention-reason",
        "Convention reason: political opinion (imputed or actual)",
        "The harm is for a reason in the 1951 Refugee Convention, here political opinion as a "
        "journalist critical of the authorities.",
    ),
    GroundTemplate(
        "asylum-state-protection",
        "No state protection",
        "The persecutor is the state itself; no protection or internal relocation is available.",
    ),
    GroundTemplate(
        "asylum-credibility",
        "Credibility and corroboration",
        "Independent sources (press, NGOs, international bodies) corroborate the account.",
    ),
)

CASE_KINDS: dict[str, tuple[str, tuple[GroundTemplate, ...]]] = {
    "ccf-access": ("CCF request for access to data", ()),
    "ccf-correction": ("CCF request for correction of data", _CCF),
    "ccf-deletion": ("CCF request for deletion of data", _CCF),
    "asylum-uk": ("Asylum claim (United Kingdom)", _ASYLUM),
    "asylum-us": ("Asylum claim (United States)", _ASYLUM),
    "asylum-other": ("Asylum claim", _ASYLUM),
    "general": ("General dossier", ()),
}

NOTICE_TYPES = ("red-notice", "diffusion", "other", "none")


def grounds_for(kind: str) -> tuple[GroundTemplate, ...]:
    return CASE_KINDS[kind][1]
