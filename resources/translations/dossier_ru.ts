<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ChronologyTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="89" />
        <location filename="../../desktop/person_tabs.py" line="96" />
        <location filename="../../desktop/person_tabs.py" line="110" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="89" />
        <location filename="../../desktop/person_tabs.py" line="100" />
        <location filename="../../desktop/person_tabs.py" line="112" />
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="89" />
        <location filename="../../desktop/person_tabs.py" line="106" />
        <location filename="../../desktop/person_tabs.py" line="114" />
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="91" />
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="95" />
        <source>As the source says: "Aug 2025", "c. 2021"</source>
        <translation>Как в источнике: «авг. 2025», «ок. 2021»</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="103" />
        <source>Kind of event</source>
        <translation>Вид события</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="107" />
        <location filename="../../desktop/person_tabs.py" line="152" />
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="113" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="126" />
        <source>Not a date yet</source>
        <translation>Пока не дата</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="152" />
        <source>Give the event a title.</source>
        <translation>Дайте событию название.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../desktop/documents_tab.py" line="45" />
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="47" />
        <source>Import files…</source>
        <translation>Импорт файлов…</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="49" />
        <source>Or drag files and folders here.</source>
        <translation>Или перетащите сюда файлы и папки.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="52" />
        <source>Import report</source>
        <translation>Отчёт об импорте</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="63" />
        <source>Document text</source>
        <translation>Текст документа</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="67" />
        <source>Document page</source>
        <translation>Страница документа</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="74" />
        <location filename="../../desktop/documents_tab.py" line="80" />
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="77" />
        <source>Add quote from selection</source>
        <translation>Цитата из выделенного</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="87" />
        <source>Page text</source>
        <translation>Текст страницы</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="120" />
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="145" />
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/documents_tab.py" line="151" />
        <source>Imported: %n document(s).</source>
        <translation><numerusform>Импортировано документов: %n.</numerusform><numerusform>Импортировано документов: %n.</numerusform><numerusform>Импортировано документов: %n.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="211" />
        <source>Select the words of the quote first.</source>
        <translation>Сначала выделите слова цитаты.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="213" />
        <source>Add quote</source>
        <translation>Добавить цитату</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="213" />
        <source>Speaker:</source>
        <translation>Кто сказал:</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="230" />
        <source>Quote %1 added.</source>
        <translation>Цитата %1 добавлена.</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="236" />
        <location filename="../../desktop/person_tabs.py" line="258" />
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="238" />
        <source>Suited to the case</source>
        <translation>По виду дела</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="246" />
        <source>Names to hide, separated by ;</source>
        <translation>Имена для скрытия, через ;</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="247" />
        <source>Draft (marked DRAFT on every page)</source>
        <translation>Черновик (отметка DRAFT на каждой странице)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="249" />
        <location filename="../../desktop/person_tabs.py" line="264" />
        <location filename="../../desktop/person_tabs.py" line="278" />
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="250" />
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="255" />
        <location filename="../../desktop/person_tabs.py" line="284" />
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="259" />
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="260" />
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="261" />
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="262" />
        <source>Redact</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="284" />
        <source>Choose a case and where to save.</source>
        <translation>Выберите дело и место сохранения.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="305" />
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
</context>
<context>
    <name>GroundsTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="177" />
        <source>Grounds</source>
        <translation>Основания</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="179" />
        <source>Kind of case</source>
        <translation>Вид дела</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="183" />
        <location filename="../../desktop/person_tabs.py" line="184" />
        <source>Requesting country</source>
        <translation>Запрашивающая страна</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="185" />
        <source>Open a case</source>
        <translation>Открыть дело</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="224" />
        <source>MISSING: no evidence yet</source>
        <translation>НЕТ доказательств</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="64" />
        <source>Evidence Dossier</source>
        <translation>Evidence Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="66" />
        <source>Find a person by any spelling…</source>
        <translation>Поиск человека по любому написанию…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="67" />
        <source>Find a person</source>
        <translation>Найти человека</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="70" />
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="72" />
        <source>Add person…</source>
        <translation>Добавить человека…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="81" />
        <source>Choose or add a person.</source>
        <translation>Выберите или добавьте человека.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="95" />
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="97" />
        <location filename="../../desktop/main_window.py" line="167" />
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="98" />
        <source>Back up…</source>
        <translation>Резервная копия…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="99" />
        <source>Change passphrase…</source>
        <translation>Сменить пароль…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="100" />
        <source>Forget on this device</source>
        <translation>Забыть на этом устройстве</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="101" />
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="129" />
        <source>Add person</source>
        <translation>Добавить человека</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="129" />
        <source>Name as in filings:</source>
        <translation>Имя, как в документах:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="166" />
        <source>Everything is intact.</source>
        <translation>Всё в целости.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="170" />
        <source>Verifying…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="174" />
        <source>Back up to</source>
        <translation>Сохранить копию в</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="183" />
        <source>Back up</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="184" />
        <source>Backup written: %1</source>
        <translation>Копия сохранена: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="186" />
        <source>Backing up…</source>
        <translation>Создание копии…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="192" />
        <location filename="../../desktop/main_window.py" line="200" />
        <location filename="../../desktop/main_window.py" line="211" />
        <source>Change passphrase</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="193" />
        <source>Current passphrase:</source>
        <translation>Текущий пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="201" />
        <source>New passphrase:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="211" />
        <source>The passphrase was changed.</source>
        <translation>Пароль изменён.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="221" />
        <source>Forget</source>
        <translation>Забыть</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="221" />
        <source>This device no longer remembers the vault.</source>
        <translation>Это устройство больше не помнит хранилище.</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../desktop/main_window.py" line="44" />
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="45" />
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="46" />
        <source>Quotes</source>
        <translation>Цитаты</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="47" />
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="48" />
        <source>Grounds</source>
        <translation>Основания</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="49" />
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="45" />
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="46" />
        <source>Native script</source>
        <translation>Имя на родном языке</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="47" />
        <source>Other spellings</source>
        <translation>Другие написания</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="48" />
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="49" />
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="50" />
        <source>Nationality</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="51" />
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="64" />
        <source>Quotes</source>
        <translation>Цитаты</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="75" />
        <source> (not found in the document)</source>
        <translation> (не найдена в документе)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="55" />
        <source>Evidence Dossier</source>
        <translation>Evidence Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="57" />
        <location filename="../../desktop/unlock_dialog.py" line="78" />
        <location filename="../../desktop/unlock_dialog.py" line="104" />
        <source>Vault folder</source>
        <translation>Папка хранилища</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="58" />
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="65" />
        <location filename="../../desktop/unlock_dialog.py" line="79" />
        <source>Passphrase</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="68" />
        <source>Repeat the passphrase</source>
        <translation>Повторите пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="72" />
        <source>Passphrase strength</source>
        <translation>Надёжность пароля</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="73" />
        <source>Remember on this device</source>
        <translation>Запомнить на этом устройстве</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="76" />
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="80" />
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="82" />
        <source>Strength</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="113" />
        <source>Create vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="113" />
        <source>Unlock</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="122" />
        <source>The two passphrases differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="129" />
        <source>Creating the vault…</source>
        <translation>Создание хранилища…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="129" />
        <source>Unlocking…</source>
        <translation>Открытие…</translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <location filename="../../desktop/jobs.py" line="43" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/jobs.py" line="44" />
        <source>Working</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <location filename="../../desktop/jobs.py" line="71" />
        <source>Evidence Dossier</source>
        <translation>Evidence Dossier</translation>
    </message>
</context>
</TS>