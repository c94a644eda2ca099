"""What the core says reaches the window in Russian: every sentence the forum checks can
show, and every sentence the code passes through the translator, has its Russian."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from dossier import i18n
from dossier.resources import FORUMS

ROOT = Path(__file__).resolve().parents[2]


def _sentences() -> set[str]:
    from dossier import legal_grounds

    found = set()
    for title, grounds in legal_grounds.CASE_KINDS.values():  # shown in the window via t()
        found.add(title)
        found |= {g.title for g in grounds} | {g.explanation for g in grounds}
    for path in FORUMS.glob("*/forum.json"):
        rules = json.loads(path.read_text(encoding="utf-8"))
        found.add(rules["name"])
        for rule in rules["rules"]:
            found |= {rule["what"], rule["fix"]}
    for path in (ROOT / "dossier").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {  # module-level sentences passed to t() by name: t(_STOPPED)
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name) and isinstance(node.value.value, str)
        }
        for node in ast.walk(tree):
            # write_unpublished(target, owner, write, "sentence said if it fails")
            called = getattr(node.func, "id", None) if isinstance(node, ast.Call) else None
            if called == "write_unpublished" and len(node.args) > 3:  # type: ignore[attr-defined]
                failed = node.args[3]  # type: ignore[attr-defined]
                if isinstance(failed, ast.Constant):
                    found.add(failed.value)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "t" and node.args:
                argument = node.args[0]
                if isinstance(argument, ast.Constant):
                    found.add(argument.value)
                elif isinstance(argument, ast.Name):
                    assert argument.id in constants, f"{path.name}: t({argument.id}) is not found"
                    found.add(constants[argument.id])
    return found


def test_every_sentence_of_the_core_has_its_russian() -> None:
    russian = i18n.catalog("ru")
    sentences = _sentences()
    assert len(sentences) > 100
    assert sorted(sentences - set(russian)) == []
    for english, translated in russian.items():  # the same placeholders in both
        assert sorted(_fields(english)) == sorted(_fields(translated)), english


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


@pytest.fixture
def russian() -> object:
    i18n.use("ru")
    yield
    i18n.use("en")


def test_the_forum_check_speaks_russian_when_the_window_does(russian: object) -> None:
    from dossier.export.preflight import MISSING, Item

    item = Item(MISSING, True, "a power of attorney signed by the applicant",
                i18n.t("no annex of this kind."),
                "Import the signed power of attorney, set its kind to \"power of attorney\" "
                "and annex it to the case.")  # fmt: skip
    assert item.message.startswith("Доверенность, подписанная заявителем: нет приложения")


def test_a_refused_change_is_explained_in_russian(russian: object, tmp_path: Path) -> None:
    from dossier.errors import DossierError
    from dossier.services import events, people
    from storage.keys import KdfParams
    from storage.vault import Vault
    from tests.conftest import PASSPHRASE

    with Vault.create(tmp_path / "vault", PASSPHRASE, kdf=KdfParams.floor()) as vault:
        person = people.add_person(vault, "Rinat Tukhvatshin")
        with pytest.raises(DossierError, match=r"^У человека должно быть имя\.$"):
            people.update_person(vault, person.id, name="  ")
        first = events.add_event(vault, person.id, "27 October 2025", "Court rules")
        second = events.add_event(vault, person.id, "30 October 2025", "Court declares")
        with pytest.raises(DossierError, match=r"^Укажите, почему остаётся эта дата"):
            events.merge_events(vault, first.id, second.id, note="")
        assert people.show_person(vault, person.id).name == "Rinat Tukhvatshin"  # unchanged
        assert len(events.chronology(vault, person.id)) == 2


def test_dates_are_written_in_russian_when_the_window_is_and_read_back(
    russian: object, tmp_path: Path
) -> None:
    from dossier import dates
    from dossier.services import events, people
    from storage.keys import KdfParams
    from storage.vault import Vault
    from tests.conftest import PASSPHRASE

    with Vault.create(tmp_path / "vault", PASSPHRASE, kdf=KdfParams.floor()) as vault:
        person = people.add_person(vault, "Rinat Tukhvatshin")
        ruling = events.add_event(vault, person.id, "30 октября 2025", "Суд признал Kloop")
        trial = events.add_event(vault, person.id, "since August 2025", "Суд над сотрудниками")
        assert ruling.date_display == "30 октября 2025"
        assert trial.date_display == "с августа 2025"
        for shown in ("30 октября 2025", "с августа 2025", "ок. 2021", "28–29 мая 2025"):
            assert dates.shown(dates.to_edtf(shown)) == shown  # what is shown can be typed back
    i18n.use("en")
    assert dates.shown("2025-10-30") == "30 October 2025"
    assert dates.display("2025-10-30") == "30 October 2025"  # the export's: its template's words


def _storage_sentences() -> set[str]:
    """Every sentence storage can say: each error class's own, and each literal one a
    ``raise SomeVaultError("…")`` in storage/ gives."""
    import inspect

    import storage.errors as errors

    classes = {
        name: cls
        for name, cls in vars(errors).items()
        if inspect.isclass(cls) and issubclass(cls, errors.VaultError)
    }
    found = {cls.message for cls in classes.values()}
    found |= {
        str(v) for cls in classes.values() for k, v in vars(cls).items() if k == "with_detail"
    }
    for path in (ROOT / "storage").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Call)
                and getattr(node.exc.func, "id", None) in classes
                and node.exc.args
                and isinstance(node.exc.args[0], ast.Constant)
            ):
                found.add(node.exc.args[0].value)
    return found


def test_every_sentence_storage_can_say_has_its_russian() -> None:
    sentences = _storage_sentences()
    assert len(sentences) > 25
    assert sorted(sentences - set(i18n.catalog("ru"))) == []


def test_a_wrong_passphrase_is_said_in_russian_when_the_window_speaks_it(
    russian: object, tmp_path: Path
) -> None:
    from storage.errors import DatabaseRolledBack, WrongPassphrase
    from storage.keys import KdfParams
    from storage.vault import Vault

    Vault.create(tmp_path / "vault", "correct horse battery staple", kdf=KdfParams.floor()).lock()
    with pytest.raises(WrongPassphrase) as raised:
        Vault.unlock(tmp_path / "vault", "not the passphrase")
    assert i18n.say(raised.value) == "Пароль к этому хранилищу неверен. Ничего не изменено."
    older = i18n.say(DatabaseRolledBack(recorded=12, found=9))
    assert "изменением 9" in older and "12" in older


def test_verify_speaks_russian_when_the_window_does(russian: object, tmp_path: Path) -> None:
    from dossier.services import vault_admin
    from storage.keys import KdfParams
    from storage.vault import Vault

    vault = Vault.create(tmp_path / "vault", "correct horse battery staple", kdf=KdfParams.floor())
    stored = vault.store_bytes(b"the ruling", label="ruling.pdf")
    (tmp_path / "vault" / "blobs" / ".DS_Store").write_bytes(b"Finder")
    blob = next(
        p
        for p in (tmp_path / "vault" / "blobs").rglob("*")
        if p.is_file() and p.name != ".DS_Store"
    )
    blob.write_bytes(blob.read_bytes()[:-1])  # cut short
    problems, notes = vault_admin.verify_sentences(vault.verify())
    vault.lock()
    (problem,) = problems
    assert problem.startswith("«ruling.pdf»: Сохранённый файл «ruling.pdf» изменён или повреждён")
    assert problem.endswith("Восстановите его из резервной копии.")
    assert stored.record.id == 1
    assert "blobs/.DS_Store" in notes[0] and "оставлены как есть" in notes[0]
