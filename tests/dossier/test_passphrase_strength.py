"""New passphrases are judged by zxcvbn, and the verdict is said in words."""

from __future__ import annotations

import pytest

from dossier.services.vault_access import passphrase_problem, passphrase_strength


@pytest.mark.parametrize(
    ("passphrase", "words"),
    [
        ("password12", "weak: one of the most common passwords"),
        ("P@ssw0rd2024", "a common word with letters swapped for symbols"),
        ("aaaaaaaaaaaa", "repeated characters"),
        ("abcdefghijk1", "a sequence like abc or 123"),
        ("Kloop2025", "too short"),
    ],
)
def test_a_guessable_passphrase_is_refused_with_the_reason_in_words(
    passphrase: str, words: str
) -> None:
    assert not passphrase_strength(passphrase).acceptable
    problem = passphrase_problem(passphrase)
    assert problem is not None and words in problem


def test_unrelated_words_make_an_accepted_passphrase() -> None:
    strength = passphrase_strength("tiger lamp orchard 77")
    assert strength.acceptable and strength.words in ("strong", "very strong")
    assert passphrase_problem("correct horse battery staple") is None


DICEWARE = (
    "ember vastly quiche tundra gallop siren oboe pinwheel lagoon muffin tractor willow zesty"
)


def test_a_long_diceware_passphrase_is_judged_not_refused() -> None:
    # zxcvbn raises for more than 72 characters; long diceware phrases are what we advise.
    assert len(DICEWARE) > 72
    assert passphrase_strength(DICEWARE).acceptable
    assert passphrase_problem(DICEWARE * 3) is None


def test_the_command_line_judges_a_new_passphrase_outside_its_own_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """zxcvbn's copies of the passphrase, which nothing can overwrite, end with the helper
    process: judging in this process (patched to fail here) must never happen."""
    from dossier.cli.common import UserError, prompt_new_passphrase
    from dossier.services import vault_access

    def judged_here(passphrase: str) -> vault_access.PassphraseStrength:
        raise AssertionError("the passphrase was judged in the command line's own process")

    monkeypatch.setattr(vault_access, "passphrase_strength", judged_here)
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "tiger lamp orchard 77")
    assert prompt_new_passphrase() == "tiger lamp orchard 77"
    monkeypatch.setenv("DOSSIER_PASSPHRASE", "password12")
    with pytest.raises(UserError, match="one of the most common passwords"):
        prompt_new_passphrase()
