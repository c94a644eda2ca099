"""Fills resources/translations/dossier_ru.ts from the Russian wording below.

Run after `pyside6-lupdate` has added new source texts; a translator can also edit the .ts file
in Qt Linguist directly. The compiled .qm files are built by `make`, not committed.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

RU = {
    "This is the vault as it was on %1: anything recorded after that is not in this copy.": (
        "Это хранилище в том виде, в каком оно было %1: всё, что записано позже, в эту копию "
        "не вошло."
    ),
    "1 file was stored but never recorded (the program stopped in between, or an older copy of "
    "the database was put back).": (
        "Один файл был сохранён, но не записан в хранилище (программа остановилась посередине "
        "или на место вернули старую копию базы данных)."
    ),
    "%1 files were stored but never recorded (the program stopped in between, or an older copy "
    "of the database was put back).": (
        "Файлов сохранено, но не записано в хранилище (программа остановилась посередине или на "
        "место вернули старую копию базы данных): %1."
    ),
    "Unrecorded files": "Незаписанные файлы",
    "No words (a picture)": "Без слов (изображение)",
    "The account that stands": "Версия, которая остаётся",
    "What the last move did": "Что изменило последнее перемещение",
    "%1 is now in the section “%2”.": "%1 теперь в разделе «%2».",
    "no section": "без раздела",
    "Every page": "Все страницы",
    "The exact words": "Точные слова",
    "Speaker": "Кто сказал",
    "When it was said": "Когда сказано",
    "Save quote": "Сохранить цитату",
    "Delete quote…": "Удалить цитату…",
    "Delete this quote?": "Удалить эту цитату?",
    "Translation": "Перевод",
    "Evidence to cite": "Что цитировать",
    "Already in the vault": "Уже в хранилище",
    "Quit": "Выход",
    "Dates that follow": "Сроки, которые из этого следуют",
    "The forum's own particulars": "Сведения, которые требует этот орган",
    "Select both rows and choose Merge: the account you choose stands, with its own words and "
    "date; the other's sources join it.": (
        "Выберите обе строки и нажмите «Объединить»: остаётся выбранная версия с её словами и "
        "датой, источники другой присоединяются к ней."
    ),
    "Start from": "Начать с",
    "Empty": "Пустого",
    "That password is not correct for %1. Try again:": "Пароль для %1 неверен. Попробуйте ещё раз:",
    "A translator used before": "Переводчик, с которым уже работали",
    "Someone new": "Новый переводчик",
    "Title in the working language": "Название на рабочем языке",
    "Make them evidence of this person too? Nothing is imported twice.": (
        "Сделать их доказательствами и этого человека? Ничего не импортируется дважды."
    ),
    "Linked to this person: %1.": "Связаны с этим человеком: %1.",
    "whole": "весь",
    "page": "стр.",
    "Each line is a numbered paragraph.": "Каждая строка — пронумерованный абзац.",
    "Each line is a numbered paragraph. Cite evidence as [D3:2] (a document's page), [D3], [Q4] "
    "(a quote) or [E5], or pick it below: it goes where you were typing.": (
        "Каждая строка — пронумерованный абзац. Ссылайтесь на доказательства так: [D3:2] "
        "(страница документа), [D3], [Q4] (цитата) или [E5] — или выберите ниже: ссылка "
        "встанет туда, где вы печатали."
    ),
    "arrest": "арест",
    "search": "обыск",
    "detention": "задержание",
    "charge": "обвинение",
    "court ruling": "решение суда",
    "sentence": "приговор",
    "notice requested": "запрошен циркуляр",
    "notice refused": "в циркуляре отказано",
    "notice deleted": "циркуляр удалён",
    "extradition request": "запрос об экстрадиции",
    "asylum decision": "решение об убежище",
    "international statement": "международное заявление",
    "threat": "угроза",
    "other": "другое",
    "%1 saved.": "%1: сохранено.",
    "%1 was deleted.": "%1 удалено.",
    "Also the pages with text of their own, which what is read replaces": (
        "И страницы со своим текстом: распознанный текст заменит его"
    ),
    "The vault that was open is not found at %1 now (a USB stick taken out?). Put it back, or "
    "choose another folder.": (
        "Хранилище, которое было открыто, сейчас не найдено в %1 (извлечена флешка?). Верните "
        "её или выберите другую папку."
    ),
    "Opening with the key remembered on this device…": (
        "Открываю ключом, сохранённым на этом устройстве…"
    ),
    "The key remembered on this device could not be used (%1). Enter the passphrase.": (
        "Ключ, сохранённый на этом устройстве, не удалось использовать (%1). Введите парольную "
        "фразу."
    ),
    "They are kept, encrypted, until you recover or discard them.": (
        "Они хранятся в зашифрованном виде, пока вы их не восстановите или не удалите."
    ),
    "Recover": "Восстановить",
    "Discard…": "Удалить…",
    "Later": "Позже",
    "Recovered as documents: %1.": "Восстановлено как документы: %1.",
    "%1 could not be recovered (their keys were never written down); you may discard them.": (
        "Не удалось восстановить: %1 (их ключи не были записаны); их можно удалить."
    ),
    "Discard for good": "Удалить навсегда",
    "Delete these files for good? This cannot be undone.": (
        "Удалить эти файлы навсегда? Это нельзя отменить."
    ),
    "An older database": "Более старая база данных",
    "The vault's database is older than its key file: it ends at change %1, but %2 changes "
    "had been recorded. An older copy may have been put back, or the most recent changes were "
    "lost. Restore your latest backup instead, unless you put back this older copy on purpose.": (
        "База данных хранилища старее его файла ключей: она заканчивается изменением %1, а "
        "записано было %2 изменений. Возможно, на место вернули старую копию или последние "
        "изменения потеряны. Восстановите последнюю резервную копию, если только вы не вернули "
        "эту старую копию намеренно."
    ),
    "Open this older copy": "Открыть эту старую копию",
    "Rotate keys…": "Сменить ключи…",
    "Rotate keys": "Смена ключей",
    "Rotating keys…": "Смена ключей…",
    "The vault has a new key (%1 file keys rewrapped).": (
        "У хранилища новый ключ (перешифровано ключей файлов: %1)."
    ),
    "A new key for the vault: old copies of its key file will open nothing. Passphrase:": (
        "Новый ключ хранилища: старые копии его файла ключей больше ничего не откроют. Пароль:"
    ),
    "This passphrase is too easy to guess. Use four or more unrelated words.": (
        "Этот пароль слишком легко угадать. Используйте четыре или больше не связанных слов."
    ),
    "The passphrase was changed. An old copy of the vault's key file, or a backup made before "
    "now, still opens with the old passphrase. To make such copies useless, choose Vault, then "
    "Rotate keys.": (
        "Пароль изменён. Старая копия файла ключей хранилища или резервная копия, сделанная "
        "раньше, по-прежнему открывается старым паролем. Чтобы такие копии стали бесполезны, "
        "выберите «Хранилище» → «Сменить ключи»."
    ),
    "Hidden in the narrative, bookmarks, index and file names; not inside the exhibits "
    "themselves (a PDF or photo is filed as it is).": (
        "Скрывается в тексте, закладках, перечне и именах файлов; не внутри самих "
        "приложений (PDF или фото подаются как есть)."
    ),
    "very weak": "очень слабый",
    "weak": "слабый",
    "fair": "средний",
    "strong": "надёжный",
    "very strong": "очень надёжный",
    "too short": "слишком короткий",
    "one of the most common passwords": "один из самых распространённых паролей",
    "a common word with digits": "обычное слово с цифрами",
    "a common word with letters swapped for symbols": "обычное слово, где буквы заменены символами",
    "a common word or name": "обычное слово или имя",
    "repeated characters": "повторяющиеся символы",
    "a sequence like abc or 123": "последовательность вроде abc или 123",
    "a row of keys on the keyboard": "ряд клавиш на клавиатуре",
    "a date or a year": "дата или год",
    "This passphrase is %1. Use four or more unrelated words.": (
        "Этот пароль — %1. Используйте четыре или больше не связанных между собой слов."
    ),
    "Pick a source": "Выберите источник",
    "no page": "без страницы",
    "Page of the source": "Страница источника",
    "Cite": "Сослаться",
    "Passphrase strength in words": "Надёжность пароля словами",
    " (not found in the document)": " (не найдена в документе)",
    "&Vault": "&Хранилище",
    "Add event": "Добавить событие",
    "Add person": "Добавить человека",
    "Add person…": "Добавить человека…",
    "Add quote": "Добавить цитату",
    "Add quote from selection": "Цитата из выделенного",
    'As the source says: "Aug 2025", "c. 2021"': "Как в источнике: «авг. 2025», «ок. 2021»",
    "Back up": "Резервная копия",
    "Back up to": "Сохранить копию в",
    "Back up…": "Резервная копия…",
    "Backing up…": "Создание копии…",
    "Backup written: %1": "Копия сохранена: %1",
    "Cancel": "Отмена",
    "Case": "Дело",
    "Change passphrase": "Сменить пароль",
    "Change passphrase…": "Сменить пароль…",
    "Choose a case and where to save.": "Выберите дело и место сохранения.",
    "Choose or add a person.": "Выберите или добавьте человека.",
    "Choose…": "Выбрать…",
    "Chronology": "Хронология",
    "Create vault": "Создать хранилище",
    "Creating the vault…": "Создание хранилища…",
    "Current passphrase:": "Текущий пароль:",
    "Date": "Дата",
    "Date of birth": "Дата рождения",
    "Document page": "Страница документа",
    "Document text": "Текст документа",
    "Documents": "Документы",
    "Draft (marked DRAFT on every page)": "Черновик (отметка DRAFT на каждой странице)",
    "Event": "Событие",
    "Everything is intact.": "Всё в целости.",
    "Evidence Dossier": "Evidence Dossier",
    "Export": "Экспорт",
    "Exporting…": "Экспорт…",
    "Find a person": "Найти человека",
    "Find a person by any spelling…": "Поиск человека по любому написанию…",
    "Forget": "Забыть",
    "Forget on this device": "Забыть на этом устройстве",
    "Format": "Формат",
    "Give the event a title.": "Дайте событию название.",
    "Grounds": "Основания",
    "Import files": "Импорт файлов",
    "Import files…": "Импорт файлов…",
    "Import report": "Отчёт об импорте",
    "Imported: %n document(s).": "Импортировано документов: %n.",
    "Importing…": "Импорт…",
    "Kind": "Вид",
    "Kind of case": "Вид дела",
    "Kind of event": "Вид события",
    "Lock": "Заблокировать",
    "MISSING: no evidence yet": "НЕТ доказательств",
    "Message": "Сообщение",
    "Name": "Имя",
    "Name as in filings:": "Имя, как в документах:",
    "Names to hide, separated by ;": "Имена для скрытия, через ;",
    "Nationality": "Гражданство",
    "Native script": "Имя на родном языке",
    "New passphrase:": "Новый пароль:",
    "Not a date yet": "Пока не дата",
    "Notes": "Заметки",
    "Open a case": "Открыть дело",
    "Or drag files and folders here.": "Или перетащите сюда файлы и папки.",
    "Other spellings": "Другие написания",
    "Page": "Страница",
    "Page text": "Текст страницы",
    "Paper": "Бумага",
    "Passphrase": "Пароль",
    "Passphrase strength": "Надёжность пароля",
    "People": "Люди",
    "Profile": "Профиль",
    "Quote %1 added.": "Цитата %1 добавлена.",
    "Quotes": "Цитаты",
    "Redact": "Скрыть",
    "Remember on this device": "Запомнить на этом устройстве",
    "Repeat": "Повтор",
    "Repeat the passphrase": "Повторите пароль",
    "Requesting country": "Запрашивающая страна",
    "Role": "Роль",
    "Save as": "Сохранить как",
    "Select the words of the quote first.": "Сначала выделите слова цитаты.",
    "Sources": "Источники",
    "Speaker:": "Кто сказал:",
    "Strength": "Надёжность",
    "Suited to the case": "По виду дела",
    "Template": "Шаблон",
    "The passphrase was changed.": "Пароль изменён.",
    "The two passphrases differ.": "Пароли не совпадают.",
    "This device no longer remembers the vault.": "Это устройство больше не помнит хранилище.",
    "Unlock": "Открыть",
    "Unlocking…": "Открытие…",
    "Vault folder": "Папка хранилища",
    "Verify": "Проверить",
    "Verifying…": "Проверка…",
    "Working": "Выполняется",
    "Timeline": "Шкала времени",
    "Title": "Название",
    "Author": "Автор",
    "Outlet": "Издание",
    "Published": "Опубликовано",
    "Address (URL)": "Адрес (URL)",
    "Language": "Язык",
    "Found in the file": "Найдено в файле",
    "Save details": "Сохранить сведения",
    "Use what was found in the file": "Взять найденное в файле",
    "nothing": "ничего",
    "Details of %1 saved.": "Сведения %1 сохранены.",
    "D3, Q2 or E5 for the selected ground": "D3, Q2 или E5 для выбранного основания",
    "Evidence to link": "Доказательство для связи",
    "Link evidence": "Связать доказательство",
    "Select a ground, then type D3, Q2 or E5.": "Выберите основание и введите D3, Q2 или E5.",
    "Restore from a backup…": "Восстановить из копии…",
    "&Language": "&Язык",
    "Backup file": "Файл копии",
    "An empty folder for the copy": "Пустая папка для копии",
    "Restore": "Восстановление",
    "Passphrase of the backup:": "Пароль копии:",
    "Restored into %1; verification: %2": "Восстановлено в %1; проверка: %2",
    "passed": "пройдена",
    "Restoring…": "Восстановление…",
    "Current passphrase": "Текущий пароль",
    "New passphrase": "Новый пароль",
    "Repeat the new passphrase": "Повторите новый пароль",
    "Enter the current passphrase.": "Введите текущий пароль.",
    "Changing the passphrase…": "Пароль меняется…",
    "The passphrase was changed. An old copy of the vault's key file, or a backup made before "
    "now, still opens with the old passphrase. Rotate the keys now to make such copies useless? "
    "(Later: Vault, then Rotate keys.)": (
        "Пароль изменён. Старая копия ключевого файла хранилища или резервная копия, сделанная "
        "раньше, по-прежнему открывается старым паролем. Сменить ключи сейчас, чтобы такие копии "
        "стали бесполезны? (Позже: Хранилище ▸ Сменить ключи.)"
    ),
    "Rotate keys now": "Сменить ключи сейчас",
    "Diagnostics": "Диагностика",
    "Diagnostics…": "Диагностика…",
    "Copy": "Копировать",
    "What went wrong since the program started: the kind of error and where in the program it "
    "arose, never what it was reading. It is kept in memory only and is gone when the program "
    "closes. Copy it into a bug report.": (
        "Что пошло не так с момента запуска программы: вид ошибки и место в программе, где она "
        "возникла, — но никогда не то, что программа читала. Это хранится только в памяти и "
        "исчезает, когда программа закрывается. Скопируйте это в сообщение об ошибке."
    ),
    "Where this vault is kept": "Где хранится это хранилище",
    "Files for the forum's online portal (a new folder)": (
        "Файлы для онлайн-портала органа (новая папка)"
    ),
    "Wrote %1 files for the portal in %2 (%3): upload them in the order of their numbers; the "
    "answers to the portal's form are in %4.": (
        "Записано файлов для портала: %1, в папку %2 (%3). Загружайте их в порядке номеров; "
        "ответы для формы портала — в файле %4."
    ),
    "refusal letter (the decision appealed)": "письмо об отказе (обжалуемое решение)",
    "country report": "доклад о стране",
    "As the forum takes them": "Как принимает орган",
    "asylum application (Form I-589…)": "заявление об убежище (форма I-589…)",
    "Sign": "Подпись",
    "Not signed": "Без подписи",
    "With this vault's certificate (self-signed)": "Сертификатом этого хранилища (самоподписанным)",
    "With a certificate file (.p12, .pfx)…": "Файлом сертификата (.p12, .pfx)…",
    "Put each annex's original file inside the PDF": (
        "Вложить в PDF исходный файл каждого приложения"
    ),
    "Signed offline, without a timestamp authority: the signing time is this computer's. "
    "Vault ▸ Signing certificate makes a certificate for you.": (
        "Подпись ставится без сети, без службы меток времени: время подписи — время этого "
        "компьютера. Хранилище ▸ Сертификат подписи создаст для вас сертификат."
    ),
    "Certificate to sign with": "Сертификат для подписи",
    "Certificates (*.p12 *.pfx)": "Сертификаты (*.p12 *.pfx)",
    "That certificate file could not be read.": "Этот файл сертификата не удалось прочитать.",
    "The certificate's password (empty if it has none):": (
        "Пароль сертификата (пусто, если его нет):"
    ),
    "Signing certificate…": "Сертификат подписи…",
    "Verify a bundle…": "Проверить комплект…",
    "Signing certificate": "Сертификат подписи",
    "Make a new one…": "Создать новый…",
    "The name your signature shows (as you sign filings). The program makes a key and a "
    "self-signed certificate for it and keeps them in this vault:": (
        "Имя, которое покажет ваша подпись (как вы подписываете обращения). Программа создаст "
        "ключ и самоподписанный сертификат на это имя и сохранит их в этом хранилище:"
    ),
    "Exports can now be signed as %1 (Export tab: Sign).": (
        "Теперь экспорт можно подписывать как %1 (вкладка «Экспорт»: Подпись)."
    ),
    "Making the key…": "Создание ключа…",
    "With a smart card or token…": "Смарт-картой или токеном…",
    "The token's driver (PKCS#11 library)": "Драйвер токена (библиотека PKCS#11)",
    "Libraries (*.so *.dylib *.dll)": "Библиотеки (*.so *.dylib *.dll)",
    "Smart card or token": "Смарт-карта или токен",
    "The label of the key to sign with:": "Метка ключа для подписи:",
    "The token's PIN:": "PIN-код токена:",
    "PDF/A (archival: renders the same for decades)": (
        "PDF/A (архивный: выглядит так же и через десятилетия)"
    ),
    "Evidence package (ZIP: originals, translations, bundle, manifest)": (
        "Пакет доказательств (ZIP: исходные файлы, переводы, комплект, манифест)"
    ),
    "Verify a bundle": "Проверка комплекта",
    "Exports are signed as %1 (certificate made %2, valid until %3).\n\nIt is self-signed: no "
    "authority vouches for it, and the signature says so. Signatures are made offline, "
    "without a timestamp authority: the signing time is this computer's.": (
        "Экспорт подписывается как %1 (сертификат создан %2, действует до %3).\n\n"
        "Он самоподписанный: ни один удостоверяющий центр за него не ручается, и подпись это "
        "показывает. Подписи ставятся без сети, без службы меток времени: время подписи — "
        "время этого компьютера."
    ),
    "Words from the evidence, in any script: Тухватшин, Tukhvatshin, Kloop… — a phrase in "
    'quotes: "Pervomaisky District Court"': (
        "Слова из материалов, в любом написании: Тухватшин, Tukhvatshin, Kloop… — фраза в "
        "кавычках: «Первомайский районный суд»"
    ),
    "Over %1 texts match: the %2 most recently added are shown, newest first. Add words, or "
    "put a phrase in quotes, to narrow the search.": (
        "Подходит более %1 текстов: показаны %2 добавленных последними, новые сначала. "
        "Добавьте слова или возьмите фразу в кавычки, чтобы сузить поиск."
    ),
    "%1 found, the most recently added first.": "Найдено: %1, сначала добавленные последними.",
    (
        "A verification begun on {began} was stopped after {intact} of {files} files. "
        "Continue it (the files it found intact are not read again), or check every file again?"
    ): (
        "Проверка, начатая {began}, была остановлена после {intact} из {files} файлов. "
        "Продолжить её (файлы, которые она признала целыми, не читаются снова) или проверить "
        "все файлы заново?"
    ),
    "Continue it": "Продолжить",
    "Check every file": "Проверить все файлы",
}


def main(path: Path) -> int:
    tree = ET.parse(path)  # noqa: S314 - our own translation file
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in RU:
            if message.get("numerus") == "yes":
                translation.text = None
                for child in list(translation):
                    translation.remove(child)
                for _ in range(3):  # Russian has three plural forms
                    ET.SubElement(translation, "numerusform").text = RU[source]
            else:
                translation.text = RU[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(
        main(
            Path(sys.argv[1])
            if len(sys.argv) > 1
            else Path(__file__).parents[1] / "resources/translations/dossier_ru.ts"
        )
    )
