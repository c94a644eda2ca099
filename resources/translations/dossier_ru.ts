<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name />
    <message>
        <source>1 file was stored but never recorded (the program stopped in between).</source>
        <translation type="vanished">Один файл был сохранён, но не записан в хранилище (программа остановилась посередине).</translation>
    </message>
    <message>
        <source>%1 files were stored but never recorded (the program stopped in between).</source>
        <translation type="vanished">Файлов сохранено, но не записано в хранилище (программа остановилась посередине): %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="36" />
        <source>1 file was stored but never recorded (the program stopped in between, or an older copy of the database was put back).</source>
        <translation>Один файл был сохранён, но не записан в хранилище (программа остановилась посередине или на место вернули старую копию базы данных).</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="41" />
        <source>%1 files were stored but never recorded (the program stopped in between, or an older copy of the database was put back).</source>
        <translation>Файлов сохранено, но не записано в хранилище (программа остановилась посередине или на место вернули старую копию базы данных): %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="45" />
        <location filename="../../desktop/unrecorded_files.py" line="91" />
        <source>Unrecorded files</source>
        <translation>Незаписанные файлы</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="48" />
        <source>They are kept, encrypted, until you recover or discard them.</source>
        <translation>Они хранятся в зашифрованном виде, пока вы их не восстановите или не удалите.</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="50" />
        <source>Recover</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="51" />
        <source>Discard…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="52" />
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="87" />
        <source>Recovered as documents: %1.</source>
        <translation>Восстановлено как документы: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="89" />
        <source>%1 could not be recovered (their keys were never written down); you may discard them.</source>
        <translation>Не удалось восстановить: %1 (их ключи не были записаны); их можно удалить.</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="99" />
        <source>Discard for good</source>
        <translation>Удалить навсегда</translation>
    </message>
    <message>
        <location filename="../../desktop/unrecorded_files.py" line="100" />
        <source>Delete these files for good? This cannot be undone.</source>
        <translation>Удалить эти файлы навсегда? Это нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/about_dialog.py" line="28" />
        <source>About Evidence Dossier</source>
        <translation>О программе Evidence Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="34" />
        <source>Keeps evidence about persecuted people in an encrypted vault on this computer and exports dossiers for courts and commissions. It never connects to the network and sends nothing anywhere.

Evidence Dossier is free software under the Apache License 2.0. It is built with the parts below, each under its own licence.</source>
        <translation>Хранит доказательства о преследуемых людях в зашифрованном хранилище на этом компьютере и выгружает досье для судов и комиссий. Программа никогда не подключается к сети и никуда ничего не отправляет.

Evidence Dossier — свободная программа под лицензией Apache 2.0. В её состав входят перечисленные ниже части, у каждой своя лицензия.</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="43" />
        <source>Bundled parts and their licences</source>
        <translation>Составные части и их лицензии</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="45" />
        <source>Part</source>
        <translation>Часть</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="45" />
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="45" />
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="45" />
        <source>Inside</source>
        <translation>В составе</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="58" />
        <source>Licence texts…</source>
        <translation>Тексты лицензий…</translation>
    </message>
    <message>
        <location filename="../../desktop/about_dialog.py" line="72" />
        <location filename="../../desktop/about_dialog.py" line="76" />
        <source>Licence texts</source>
        <translation>Тексты лицензий</translation>
    </message>
</context>
<context>
    <name>AnnexesPanel</name>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="45" />
        <source>Annexes of the case, in order</source>
        <translation>Приложения к делу, по порядку</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="59" />
        <source>Document to annex</source>
        <translation>Документ для приложения</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="61" />
        <source>Section (optional), e.g. B. Country evidence</source>
        <translation>Раздел (необязательно), например «Б. Сведения о стране»</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="62" />
        <source>Section</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="63" />
        <source>Annex</source>
        <translation>Приложить</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="65" />
        <source>Move up</source>
        <translation>Выше</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="67" />
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="69" />
        <source>Remove from annexes</source>
        <translation>Убрать из приложений</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="72" />
        <location filename="../../desktop/annexes_panel.py" line="104" />
        <source>Check before filing</source>
        <translation>Проверка перед подачей</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="82" />
        <source>What the last move did</source>
        <translation>Что изменило последнее перемещение</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="99" />
        <source>Annexes (only these go into the bundle)</source>
        <translation>Приложения (в пакет войдут только они)</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="159" />
        <source>Ready to file.</source>
        <translation>Готово к подаче.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/annexes_panel.py" line="161" />
        <source>Not ready: %n requirement(s) missing.</source>
        <translation>
            <numerusform>Не готово: не выполнено %n требование.</numerusform>
            <numerusform>Не готово: не выполнено %n требования.</numerusform>
            <numerusform>Не готово: не выполнено %n требований.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="185" />
        <source>%1 is now in the section “%2”.</source>
        <translation>%1 теперь в разделе «%2».</translation>
    </message>
    <message>
        <location filename="../../desktop/annexes_panel.py" line="187" />
        <source>no section</source>
        <translation>без раздела</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <location filename="../../desktop/case_tab.py" line="68" />
        <location filename="../../desktop/case_tab.py" line="195" />
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="72" />
        <source>Requesting country</source>
        <translation>Запрашивающая страна</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="73" />
        <source>Notice reference</source>
        <translation>Номер уведомления</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="74" />
        <source>How the applicant knows of it</source>
        <translation>Откуда заявителю об этом известно</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="75" />
        <source>Representative</source>
        <translation>Представитель</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="76" />
        <source>Firm</source>
        <translation>Фирма</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="77" />
        <source>Representative's address</source>
        <translation>Адрес представителя</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="78" />
        <source>Telephone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="79" />
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="80" />
        <source>Bar number or EOIR ID</source>
        <translation>Номер в адвокатуре или EOIR ID</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="81" />
        <source>Signed by</source>
        <translation>Подписывает</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="82" />
        <source>In the capacity of</source>
        <translation>В качестве</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="83" />
        <source>Signed at (place)</source>
        <translation>Место подписания</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="84" />
        <source>Signed on (empty: the export day)</source>
        <translation>Дата подписания (пусто: день экспорта)</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="85" />
        <source>Served on (US filings)</source>
        <translation>Кому вручено (для США)</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="95" />
        <source>The forum's own particulars</source>
        <translation>Сведения, которые требует этот орган</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="98" />
        <location filename="../../desktop/case_tab.py" line="158" />
        <source>Notice type</source>
        <translation>Вид уведомления</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="99" />
        <source>Not known yet</source>
        <translation>Пока неизвестно</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="101" />
        <source>Red Notice</source>
        <translation>Красное уведомление</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="102" />
        <source>Diffusion</source>
        <translation>Диффузия</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="103" />
        <source>Other notice</source>
        <translation>Другое уведомление</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="104" />
        <source>No notice known</source>
        <translation>Уведомление неизвестно</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="110" />
        <location filename="../../desktop/case_tab.py" line="157" />
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="111" />
        <source>draft</source>
        <translation>черновик</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="111" />
        <source>ready</source>
        <translation>готово</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="112" />
        <source>filed</source>
        <translation>подано</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="112" />
        <source>closed</source>
        <translation>закрыто</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="117" />
        <location filename="../../desktop/case_tab.py" line="159" />
        <source>Language of the request</source>
        <translation>Язык запроса</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="118" />
        <source>The template's</source>
        <translation>Как в шаблоне</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="119" />
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="119" />
        <source>French</source>
        <translation>французский</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="120" />
        <source>Spanish</source>
        <translation>испанский</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="120" />
        <source>Arabic</source>
        <translation>арабский</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="125" />
        <source>Summary</source>
        <translation>Краткое изложение</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="126" />
        <source>Statement of facts</source>
        <translation>Изложение фактов</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="127" />
        <source>Relief sought (one per line; empty: the forum's usual words)</source>
        <translation>Просительная часть (по одному пункту в строке; пусто: обычная формулировка органа)</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="136" />
        <source>Grounds of the case</source>
        <translation>Основания по делу</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="139" />
        <location filename="../../desktop/case_tab.py" line="178" />
        <source>Argument for the selected ground</source>
        <translation>Доводы по выбранному основанию</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="146" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="148" />
        <source>Delete case…</source>
        <translation>Удалить дело…</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="167" />
        <source>Each line is a numbered paragraph.</source>
        <translation>Каждая строка — пронумерованный абзац.</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="176" />
        <source>Grounds</source>
        <translation>Основания</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="183" />
        <source>Each line is a numbered paragraph. Cite evidence as [D3:2] (a document's page), [D3], [Q4] (a quote) or [E5], or pick it below: it goes where you were typing.</source>
        <translation>Каждая строка — пронумерованный абзац. Ссылайтесь на доказательства так: [D3:2] (страница документа), [D3], [Q4] (цитата) или [E5] — или выберите ниже: ссылка встанет туда, где вы печатали.</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="309" />
        <source>Dates that follow</source>
        <translation>Сроки, которые из этого следуют</translation>
    </message>
    <message>
        <source>Cite evidence as [D3:2] (a document's page), [D3], [Q4] (a quote) or [E5].</source>
        <translation type="vanished">Ссылайтесь на доказательства так: [D3:2] (страница документа), [D3], [Q4] (цитата) или [E5].</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="374" />
        <source>Delete this case?</source>
        <translation>Удалить это дело?</translation>
    </message>
    <message>
        <location filename="../../desktop/case_tab.py" line="376" />
        <source>Delete %1? Its grounds, arguments, pleading and list of annexes go; the documents, quotes and events stay in the vault. This cannot be undone.</source>
        <translation>Удалить %1? Его основания, доводы, заявление и список приложений будут удалены; документы, цитаты и события останутся в хранилище. Это нельзя отменить.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="44" />
        <location filename="../../desktop/change_passphrase_dialog.py" line="62" />
        <source>Change passphrase</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="45" />
        <location filename="../../desktop/change_passphrase_dialog.py" line="54" />
        <source>Current passphrase</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="46" />
        <location filename="../../desktop/change_passphrase_dialog.py" line="55" />
        <source>New passphrase</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="47" />
        <source>Repeat the new passphrase</source>
        <translation>Повторите новый пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="52" />
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="56" />
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="57" />
        <source>Strength</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="75" />
        <source>Enter the current passphrase.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message>
        <location filename="../../desktop/change_passphrase_dialog.py" line="86" />
        <source>Changing the passphrase…</source>
        <translation>Пароль меняется…</translation>
    </message>
</context>
<context>
    <name>ChronologyTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="193" />
        <location filename="../../desktop/person_tabs.py" line="214" />
        <location filename="../../desktop/person_tabs.py" line="268" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="193" />
        <location filename="../../desktop/person_tabs.py" line="218" />
        <location filename="../../desktop/person_tabs.py" line="270" />
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="193" />
        <location filename="../../desktop/person_tabs.py" line="237" />
        <location filename="../../desktop/person_tabs.py" line="272" />
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="196" />
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="210" />
        <source>Timeline</source>
        <translation>Шкала времени</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="213" />
        <source>As the source says: "Aug 2025", "c. 2021"</source>
        <translation>Как в источнике: «авг. 2025», «ок. 2021»</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="221" />
        <source>arrest</source>
        <translation>арест</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="221" />
        <source>search</source>
        <translation>обыск</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="222" />
        <source>detention</source>
        <translation>задержание</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="222" />
        <source>charge</source>
        <translation>обвинение</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="223" />
        <source>court ruling</source>
        <translation>решение суда</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="223" />
        <source>sentence</source>
        <translation>приговор</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="224" />
        <source>notice requested</source>
        <translation>запрошен циркуляр</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="225" />
        <source>notice refused</source>
        <translation>в циркуляре отказано</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="226" />
        <source>notice deleted</source>
        <translation>циркуляр удалён</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="227" />
        <source>extradition request</source>
        <translation>запрос об экстрадиции</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="228" />
        <source>asylum decision</source>
        <translation>решение об убежище</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="229" />
        <source>international statement</source>
        <translation>международное заявление</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="230" />
        <source>threat</source>
        <translation>угроза</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="230" />
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="234" />
        <source>Kind of event</source>
        <translation>Вид события</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="240" />
        <source>Pick a source</source>
        <translation>Выберите источник</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="243" />
        <source>no page</source>
        <translation>без страницы</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="244" />
        <source>Page of the source</source>
        <translation>Страница источника</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="245" />
        <source>Cite</source>
        <translation>Сослаться</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="251" />
        <location filename="../../desktop/person_tabs.py" line="345" />
        <location filename="../../desktop/person_tabs.py" line="366" />
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="253" />
        <source>Edit selected</source>
        <translation>Изменить выбранное</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="255" />
        <source>Delete selected…</source>
        <translation>Удалить выбранное…</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="257" />
        <source>Merge the two selected…</source>
        <translation>Объединить два выбранных…</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="258" />
        <source>Two accounts of one event: keep one, with the date that stands</source>
        <translation>Два сообщения об одном событии: оставить одно, с верной датой</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="260" />
        <source>Cancel editing</source>
        <translation>Отменить правку</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="271" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="304" />
        <source>Not a date yet</source>
        <translation>Пока не дата</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="334" />
        <source>Select both rows and choose Merge: the account you choose stands, with its own words and date; the other's sources join it.</source>
        <translation>Выберите обе строки и нажмите «Объединить»: остаётся выбранная версия с её словами и датой, источники другой присоединяются к ней.</translation>
    </message>
    <message>
        <source>Select both rows and choose Merge to keep one with the date that stands.</source>
        <translation type="vanished">Выберите обе строки и нажмите «Объединить», чтобы оставить одну с верной датой.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="345" />
        <source>Give the event a title.</source>
        <translation>Дайте событию название.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="376" />
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="376" />
        <source>Select one event to edit.</source>
        <translation>Выберите одно событие для правки.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="387" />
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="394" />
        <source>Delete this event?</source>
        <translation>Удалить это событие?</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="395" />
        <source>Delete the event “%1” of %2 from the chronology? Its sources stay.</source>
        <translation>Удалить событие «%1» (%2) из хронологии? Его источники останутся.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="406" />
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="406" />
        <source>Select one event to delete.</source>
        <translation>Выберите одно событие для удаления.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="420" />
        <source>Merge two accounts of one event</source>
        <translation>Объединить два сообщения об одном событии</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="422" />
        <location filename="../../desktop/person_tabs.py" line="434" />
        <source>The account that stands</source>
        <translation>Версия, которая остаётся</translation>
    </message>
    <message>
        <source>The date that stands</source>
        <translation type="vanished">Верная дата</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="426" />
        <source>Why this date stands</source>
        <translation>Почему верна эта дата</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="435" />
        <source>Why (printed as a footnote)</source>
        <translation>Почему (печатается в сноске)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="444" />
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="444" />
        <source>Select the two accounts of the event.</source>
        <translation>Выберите два сообщения об этом событии.</translation>
    </message>
</context>
<context>
    <name>CitePicker</name>
    <message>
        <location filename="../../desktop/cite_picker.py" line="34" />
        <source>Evidence to cite</source>
        <translation>Что цитировать</translation>
    </message>
    <message>
        <location filename="../../desktop/cite_picker.py" line="41" />
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <location filename="../../desktop/cite_picker.py" line="42" />
        <source>whole</source>
        <translation>весь</translation>
    </message>
    <message>
        <location filename="../../desktop/cite_picker.py" line="43" />
        <location filename="../../desktop/cite_picker.py" line="47" />
        <source>Cite</source>
        <translation>Сослаться</translation>
    </message>
    <message>
        <location filename="../../desktop/cite_picker.py" line="49" />
        <source>page</source>
        <translation>стр.</translation>
    </message>
</context>
<context>
    <name>CustodyDialog</name>
    <message>
        <location filename="../../desktop/custody_dialog.py" line="81" />
        <location filename="../../desktop/custody_dialog.py" line="90" />
        <source>Custody log</source>
        <translation>Журнал хранения</translation>
    </message>
    <message>
        <location filename="../../desktop/custody_dialog.py" line="85" />
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../desktop/custody_dialog.py" line="85" />
        <source>When (UTC)</source>
        <translation>Когда (UTC)</translation>
    </message>
    <message>
        <location filename="../../desktop/custody_dialog.py" line="85" />
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../desktop/custody_dialog.py" line="85" />
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../desktop/custody_dialog.py" line="86" />
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../desktop/diagnostics_dialog.py" line="22" />
        <location filename="../../desktop/diagnostics_dialog.py" line="34" />
        <source>Diagnostics</source>
        <translation>Диагностика</translation>
    </message>
    <message>
        <location filename="../../desktop/diagnostics_dialog.py" line="26" />
        <source>What went wrong since the program started: the kind of error and where in the program it arose, never what it was reading. It is kept in memory only and is gone when the program closes. Copy it into a bug report.</source>
        <translation>Что пошло не так с момента запуска программы: вид ошибки и место в программе, где она возникла, — но никогда не то, что программа читала. Это хранится только в памяти и исчезает, когда программа закрывается. Скопируйте это в сообщение об ошибке.</translation>
    </message>
    <message>
        <location filename="../../desktop/diagnostics_dialog.py" line="36" />
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <location filename="../../desktop/documents_tab.py" line="64" />
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="66" />
        <source>Import files…</source>
        <translation>Импорт файлов…</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="68" />
        <source>Or drag files and folders here.</source>
        <translation>Или перетащите сюда файлы и папки.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="71" />
        <source>Import report</source>
        <translation>Отчёт об импорте</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="76" />
        <source>Reading scanned pages</source>
        <translation>Распознавание отсканированных страниц</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="77" />
        <source>Stop reading</source>
        <translation>Остановить распознавание</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="96" />
        <source>Document text</source>
        <translation>Текст документа</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="100" />
        <source>Document page</source>
        <translation>Страница документа</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="107" />
        <location filename="../../desktop/documents_tab.py" line="113" />
        <source>Page</source>
        <translation>Страница</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="110" />
        <source>Add quote from selection</source>
        <translation>Цитата из выделенного</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="120" />
        <source>Page text</source>
        <translation>Текст страницы</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="127" />
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="129" />
        <source>Title in the working language</source>
        <translation>Название на рабочем языке</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="130" />
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="131" />
        <source>Outlet</source>
        <translation>Издание</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="132" />
        <source>Published</source>
        <translation>Опубликовано</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="133" />
        <source>Address (URL)</source>
        <translation>Адрес (URL)</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="141" />
        <location filename="../../desktop/documents_tab.py" line="174" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="143" />
        <source>identity document</source>
        <translation>документ, удостоверяющий личность</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="144" />
        <source>power of attorney</source>
        <translation>доверенность</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="145" />
        <source>court decision</source>
        <translation>решение суда</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="145" />
        <source>charge sheet</source>
        <translation>обвинительное заключение</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="146" />
        <source>notice extract</source>
        <translation>выписка из уведомления</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="146" />
        <source>news article</source>
        <translation>новостная статья</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="147" />
        <source>NGO report</source>
        <translation>доклад НКО</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="147" />
        <source>NGO statement</source>
        <translation>заявление НКО</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="148" />
        <source>official letter</source>
        <translation>официальное письмо</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="149" />
        <source>witness statement</source>
        <translation>показания свидетеля</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="150" />
        <source>expert report</source>
        <translation>заключение эксперта</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="151" />
        <source>translation certificate</source>
        <translation>удостоверение перевода</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="152" />
        <source>photograph</source>
        <translation>фотография</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="152" />
        <source>email</source>
        <translation>электронное письмо</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="152" />
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="153" />
        <source>refusal letter (the decision appealed)</source>
        <translation>письмо об отказе (обжалуемое решение)</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="154" />
        <source>country report</source>
        <translation>доклад о стране</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="155" />
        <source>asylum application (Form I-589…)</source>
        <translation>заявление об убежище (форма I-589…)</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="161" />
        <location filename="../../desktop/documents_tab.py" line="175" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="162" />
        <source>Not set</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="164" />
        <location filename="../../desktop/documents_tab.py" line="212" />
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="164" />
        <source>French</source>
        <translation>французский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="164" />
        <source>Spanish</source>
        <translation>испанский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="165" />
        <source>Arabic</source>
        <translation>арабский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="165" />
        <location filename="../../desktop/documents_tab.py" line="211" />
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="165" />
        <location filename="../../desktop/documents_tab.py" line="211" />
        <source>Kyrgyz</source>
        <translation>кыргызский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="166" />
        <location filename="../../desktop/documents_tab.py" line="212" />
        <source>Kazakh</source>
        <translation>казахский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="166" />
        <source>Uzbek</source>
        <translation>узбекский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="166" />
        <source>Tajik</source>
        <translation>таджикский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="167" />
        <source>German</source>
        <translation>немецкий</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="167" />
        <source>No words (a picture)</source>
        <translation>Без слов (изображение)</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="172" />
        <source>Confidential (never annexed, never exported)</source>
        <translation>Конфиденциально (не прилагается и не экспортируется)</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="178" />
        <location filename="../../desktop/documents_tab.py" line="185" />
        <source>Translations</source>
        <translation>Переводы</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="180" />
        <source>Add translation…</source>
        <translation>Добавить перевод…</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="190" />
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="191" />
        <source>Link to organisation</source>
        <translation>Связать с организацией</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="197" />
        <source>Concerns</source>
        <translation>Касается</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="201" />
        <location filename="../../desktop/documents_tab.py" line="229" />
        <source>Text recognition</source>
        <translation>Распознавание текста</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="203" />
        <source>Languages to read in</source>
        <translation>Языки распознавания</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="209" />
        <source>The document's language (else detected)</source>
        <translation>Язык документа (иначе определяется)</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="213" />
        <source>Kyrgyz and Russian</source>
        <translation>Кыргызский и русский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="214" />
        <source>Kazakh and Russian</source>
        <translation>Казахский и русский</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="217" />
        <source>Read scanned pages</source>
        <translation>Распознать сканы</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="221" />
        <source>Every page</source>
        <translation>Все страницы</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="223" />
        <source>Also the pages with text of their own, which what is read replaces</source>
        <translation>И страницы со своим текстом: распознанный текст заменит его</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="233" />
        <location filename="../../desktop/documents_tab.py" line="248" />
        <source>Found in the file</source>
        <translation>Найдено в файле</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="234" />
        <source>Save details</source>
        <translation>Сохранить сведения</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="236" />
        <source>Use what was found in the file</source>
        <translation>Взять найденное в файле</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="238" />
        <source>Delete document…</source>
        <translation>Удалить документ…</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="308" />
        <source>Import files</source>
        <translation>Импорт файлов</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="338" />
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/documents_tab.py" line="345" />
        <source>Imported: %n document(s).</source>
        <translation><numerusform>Импортировано документов: %n.</numerusform><numerusform>Импортировано документов: %n.</numerusform><numerusform>Импортировано документов: %n.</numerusform></translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="361" />
        <source>Scans and photos to be read by text recognition (OCR): %1.</source>
        <translation>Сканы и фотографии, текст которых будет распознан (OCR): %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="380" />
        <source>Scanned pages are being read; wait for them to end.</source>
        <translation>Отсканированные страницы распознаются; дождитесь окончания.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="408" />
        <source>Reading scanned pages…</source>
        <translation>Распознаются отсканированные страницы…</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="423" />
        <source>Stopping…</source>
        <translation>Остановка…</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="445" />
        <source>Already in the vault</source>
        <translation>Уже в хранилище</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="448" />
        <source>Make them evidence of this person too? Nothing is imported twice.</source>
        <translation>Сделать их доказательствами и этого человека? Ничего не импортируется дважды.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="466" />
        <source>Linked to this person: %1.</source>
        <translation>Связаны с этим человеком: %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="476" />
        <source>That password is not correct for %1. Try again:</source>
        <translation>Пароль для %1 неверен. Попробуйте ещё раз:</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="482" />
        <source>Protected PDF</source>
        <translation>PDF с паролем</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="478" />
        <source>%1 is protected by a password. Enter it to import the file (it is kept in the vault, for the bundle):</source>
        <translation>%1 защищён паролем. Введите его, чтобы импортировать файл (пароль хранится в хранилище, для пакета):</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="558" />
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="569" />
        <source>Not needed: the text comes from the file.</source>
        <translation>Не нужно: текст взят из самого файла.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="571" />
        <source>Scanned pages not read yet.</source>
        <translation>Отсканированные страницы ещё не распознаны.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="573" />
        <source>Could not be read: %1</source>
        <translation>Не удалось распознать: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="576" />
        <source>Read.</source>
        <translation>Распознано.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/documents_tab.py" line="579" />
        <source>Read by OCR: %n page(s) (%1, %2), mean confidence %3%.</source>
        <translation>
            <numerusform>Распознано OCR: страниц — %n (%1, %2), средняя уверенность %3%.</numerusform>
            <numerusform>Распознано OCR: страниц — %n (%1, %2), средняя уверенность %3%.</numerusform>
            <numerusform>Распознано OCR: страниц — %n (%1, %2), средняя уверенность %3%.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="628" />
        <source>translator not named</source>
        <translation>переводчик не указан</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="686" />
        <source>no organisation yet</source>
        <translation>пока ни одной организации</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="713" />
        <source>Delete this document?</source>
        <translation>Удалить этот документ?</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="714" />
        <source>This cannot be undone.</source>
        <translation>Это нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="736" />
        <source>%1 was deleted.</source>
        <translation>%1 удалено.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="756" />
        <source>Details of %1 saved.</source>
        <translation>Сведения %1 сохранены.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="792" />
        <source>Select the words of the quote first.</source>
        <translation>Сначала выделите слова цитаты.</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="794" />
        <source>Add quote</source>
        <translation>Добавить цитату</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="794" />
        <source>Speaker:</source>
        <translation>Кто сказал:</translation>
    </message>
    <message>
        <location filename="../../desktop/documents_tab.py" line="811" />
        <source>Quote %1 added.</source>
        <translation>Цитата %1 добавлена.</translation>
    </message>
</context>
<context>
    <name>EditState</name>
    <message>
        <location filename="../../desktop/edit_state.py" line="44" />
        <source>Unsaved changes</source>
        <translation>Есть несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../desktop/edit_state.py" line="46" />
        <location filename="../../desktop/edit_state.py" line="49" />
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="576" />
        <location filename="../../desktop/person_tabs.py" line="638" />
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="578" />
        <source>Suited to the case</source>
        <translation>По виду дела</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="582" />
        <source>PDF bundle (submission and annexes)</source>
        <translation>Пакет PDF (заявление и приложения)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="583" />
        <source>Word document (the submission, to edit)</source>
        <translation>Документ Word (заявление, для правки)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="585" />
        <source>Files for the forum's online portal (a new folder)</source>
        <translation>Файлы для онлайн-портала органа (новая папка)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="591" />
        <source>The forum's paper</source>
        <translation>Формат, принятый органом</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="605" />
        <source>Names to hide, separated by ;</source>
        <translation>Имена для скрытия, через ;</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="606" />
        <source>Draft (marked DRAFT on every page)</source>
        <translation>Черновик (отметка DRAFT на каждой странице)</translation>
    </message>
    <message>
        <source>One file</source>
        <translation type="vanished">Одним файлом</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="612" />
        <location filename="../../desktop/person_tabs.py" line="653" />
        <source>Split into parts of at most</source>
        <translation>Разделить на части не более</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="614" />
        <location filename="../../desktop/person_tabs.py" line="654" />
        <source>Sign</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="615" />
        <source>Not signed</source>
        <translation>Без подписи</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="616" />
        <source>With this vault's certificate (self-signed)</source>
        <translation>Сертификатом этого хранилища (самоподписанным)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="617" />
        <source>With a certificate file (.p12, .pfx)…</source>
        <translation>Файлом сертификата (.p12, .pfx)…</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="618" />
        <source>With a smart card or token…</source>
        <translation>Смарт-картой или токеном…</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="619" />
        <source>Put each annex's original file inside the PDF</source>
        <translation>Вложить в PDF исходный файл каждого приложения</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="620" />
        <source>PDF/A (archival: renders the same for decades)</source>
        <translation>PDF/A (архивный: выглядит так же и через десятилетия)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="629" />
        <location filename="../../desktop/person_tabs.py" line="665" />
        <location filename="../../desktop/person_tabs.py" line="719" />
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="630" />
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="635" />
        <location filename="../../desktop/person_tabs.py" line="766" />
        <location filename="../../desktop/person_tabs.py" line="866" />
        <location filename="../../desktop/person_tabs.py" line="913" />
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="657" />
        <source>Signed offline, without a timestamp authority: the signing time is this computer's. Vault ▸ Signing certificate makes a certificate for you.</source>
        <translation>Подпись ставится без сети, без службы меток времени: время подписи — время этого компьютера. Хранилище ▸ Сертификат подписи создаст для вас сертификат.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="838" />
        <source>The token's driver (PKCS#11 library)</source>
        <translation>Драйвер токена (библиотека PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="839" />
        <source>Libraries (*.so *.dylib *.dll)</source>
        <translation>Библиотеки (*.so *.dylib *.dll)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="844" />
        <location filename="../../desktop/person_tabs.py" line="849" />
        <source>Smart card or token</source>
        <translation>Смарт-карта или токен</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="844" />
        <source>The label of the key to sign with:</source>
        <translation>Метка ключа для подписи:</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="849" />
        <source>The token's PIN:</source>
        <translation>PIN-код токена:</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="859" />
        <location filename="../../desktop/person_tabs.py" line="870" />
        <source>Certificate to sign with</source>
        <translation>Сертификат для подписи</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="859" />
        <source>Certificates (*.p12 *.pfx)</source>
        <translation>Сертификаты (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="866" />
        <source>That certificate file could not be read.</source>
        <translation>Этот файл сертификата не удалось прочитать.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="871" />
        <source>The certificate's password (empty if it has none):</source>
        <translation>Пароль сертификата (пусто, если его нет):</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="884" />
        <source>1 annex</source>
        <translation>1 приложение</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="886" />
        <source>%1 annexes</source>
        <translation>приложений: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="889" />
        <source>%1 pages, %2</source>
        <translation>страниц: %1, %2</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="895" />
        <source>Wrote %1 files for the portal in %2 (%3): upload them in the order of their numbers; the answers to the portal's form are in %4.</source>
        <translation>Записано файлов для портала: %1, в папку %2 (%3). Загружайте их в порядке номеров; ответы для формы портала — в файле %4.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="904" />
        <source>Wrote %1 in %2 (%3).</source>
        <translation>Записан %1 в папку %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="912" />
        <source>Draft — still missing:</source>
        <translation>Черновик — ещё не хватает:</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="914" />
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="622" />
        <location filename="../../desktop/person_tabs.py" line="640" />
        <source>Template</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="587" />
        <source>Evidence package (ZIP: originals, translations, bundle, manifest)</source>
        <translation>Пакет доказательств (ZIP: исходные файлы, переводы, комплект, манифест)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="611" />
        <source>As the forum takes them</source>
        <translation>Как принимает орган</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="623" />
        <location filename="../../desktop/person_tabs.py" line="641" />
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="624" />
        <location filename="../../desktop/person_tabs.py" line="642" />
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="625" />
        <location filename="../../desktop/person_tabs.py" line="643" />
        <source>Redact</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="646" />
        <source>Hidden in the narrative, bookmarks, index and file names; not inside the exhibits themselves (a PDF or photo is filed as it is).</source>
        <translation>Скрывается в тексте, закладках, перечне и именах файлов; не внутри самих приложений (PDF или фото подаются как есть).</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="755" />
        <source>Replace?</source>
        <translation>Заменить?</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="756" />
        <source>These files already exist in %1:
%2

Replace them?</source>
        <translation>Эти файлы уже есть в папке %1:
%2

Заменить их?</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="766" />
        <source>Choose a case and where to save.</source>
        <translation>Выберите дело и место сохранения.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="831" />
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
</context>
<context>
    <name>GroundsTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="463" />
        <source>Grounds</source>
        <translation>Основания</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="465" />
        <source>Kind of case</source>
        <translation>Вид дела</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="469" />
        <location filename="../../desktop/person_tabs.py" line="470" />
        <source>Requesting country</source>
        <translation>Запрашивающая страна</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="472" />
        <source>D3, Q2 or E5 for the selected ground</source>
        <translation>D3, Q2 или E5 для выбранного основания</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="473" />
        <source>Evidence to link</source>
        <translation>Доказательство для связи</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="474" />
        <location filename="../../desktop/person_tabs.py" line="502" />
        <source>Link evidence</source>
        <translation>Связать доказательство</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="482" />
        <location filename="../../desktop/person_tabs.py" line="489" />
        <source>Start from</source>
        <translation>Начать с</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="483" />
        <location filename="../../desktop/person_tabs.py" line="556" />
        <source>Empty</source>
        <translation>Пустого</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="484" />
        <source>Open a case</source>
        <translation>Открыть дело</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="502" />
        <source>Select a ground, then type D3, Q2 or E5.</source>
        <translation>Выберите основание и введите D3, Q2 или E5.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="562" />
        <source>MISSING: no evidence yet</source>
        <translation>НЕТ доказательств</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="127" />
        <source>Evidence Dossier</source>
        <translation>Evidence Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="129" />
        <source>Find a person by any spelling…</source>
        <translation>Поиск человека по любому написанию…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="130" />
        <location filename="../../desktop/main_window.py" line="192" />
        <source>Find a person</source>
        <translation>Найти человека</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="135" />
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="137" />
        <source>Add person…</source>
        <translation>Добавить человека…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="146" />
        <source>Choose or add a person.</source>
        <translation>Выберите или добавьте человека.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="169" />
        <source>&amp;Vault</source>
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="171" />
        <location filename="../../desktop/main_window.py" line="320" />
        <location filename="../../desktop/main_window.py" line="352" />
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="172" />
        <source>Custody log…</source>
        <translation>Журнал хранения…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="173" />
        <source>Back up…</source>
        <translation>Резервная копия…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="174" />
        <source>Restore from a backup…</source>
        <translation>Восстановить из копии…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="175" />
        <source>Change passphrase…</source>
        <translation>Сменить пароль…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="176" />
        <source>Rotate keys…</source>
        <translation>Сменить ключи…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="177" />
        <source>Signing certificate…</source>
        <translation>Сертификат подписи…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="178" />
        <source>Forget on this device</source>
        <translation>Забыть на этом устройстве</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="179" />
        <source>Lock after idle minutes…</source>
        <translation>Блокировать после простоя…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="180" />
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="182" />
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="190" />
        <source>&amp;Work</source>
        <translation>&amp;Работа</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="193" />
        <source>Add a person…</source>
        <translation>Добавить человека…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="194" />
        <source>Import files…</source>
        <translation>Импорт файлов…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="195" />
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="196" />
        <source>Verify a bundle…</source>
        <translation>Проверить комплект…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="197" />
        <source>Save what was typed</source>
        <translation>Сохранить введённое</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="203" />
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="208" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="209" />
        <source>About Evidence Dossier…</source>
        <translation>О программе Evidence Dossier…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="212" />
        <source>Diagnostics…</source>
        <translation>Диагностика…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="215" />
        <source>About Qt…</source>
        <translation>О Qt…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="222" />
        <source>Lock after idle minutes</source>
        <translation>Блокировать после простоя</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="223" />
        <source>Lock the vault after this many minutes without a key or mouse press:</source>
        <translation>Блокировать хранилище после стольких минут без нажатий клавиш и мыши:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="233" />
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="233" />
        <source>Choose a person first.</source>
        <translation>Сначала выберите человека.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="260" />
        <source>Add person</source>
        <translation>Добавить человека</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="260" />
        <source>Name as in filings:</source>
        <translation>Имя, как в документах:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="322" />
        <source>A verification begun on {began} was stopped after {intact} of {files} files. Continue it (the files it found intact are not read again), or check every file again?</source>
        <translation>Проверка, начатая {began}, была остановлена после {intact} из {files} файлов. Продолжить её (файлы, которые она признала целыми, не читаются снова) или проверить все файлы заново?</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="333" />
        <source>Continue it</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="334" />
        <source>Check every file</source>
        <translation>Проверить все файлы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="351" />
        <source>Everything is intact.</source>
        <translation>Всё в целости.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="358" />
        <source>Verifying…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="371" />
        <location filename="../../desktop/main_window.py" line="395" />
        <location filename="../../desktop/main_window.py" line="408" />
        <source>Signing certificate</source>
        <translation>Сертификат подписи</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="373" />
        <source>Exports are signed as %1 (certificate made %2, valid until %3).

It is self-signed: no authority vouches for it, and the signature says so. Signatures are made offline, without a timestamp authority: the signing time is this computer's.</source>
        <translation>Экспорт подписывается как %1 (сертификат создан %2, действует до %3).

Он самоподписанный: ни один удостоверяющий центр за него не ручается, и подпись это показывает. Подписи ставятся без сети, без службы меток времени: время подписи — время этого компьютера.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="384" />
        <source>Make a new one…</source>
        <translation>Создать новый…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="397" />
        <source>The name your signature shows (as you sign filings). The program makes a key and a self-signed certificate for it and keeps them in this vault:</source>
        <translation>Имя, которое покажет ваша подпись (как вы подписываете обращения). Программа создаст ключ и самоподписанный сертификат на это имя и сохранит их в этом хранилище:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="409" />
        <source>Exports can now be signed as %1 (Export tab: Sign).</source>
        <translation>Теперь экспорт можно подписывать как %1 (вкладка «Экспорт»: Подпись).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="416" />
        <source>Making the key…</source>
        <translation>Создание ключа…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="421" />
        <location filename="../../desktop/main_window.py" line="427" />
        <source>Verify a bundle</source>
        <translation>Проверка комплекта</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="446" />
        <source>Where this vault is kept</source>
        <translation>Где хранится это хранилище</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="468" />
        <source>Back up to</source>
        <translation>Сохранить копию в</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="479" />
        <source>Back up</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="480" />
        <source>Backup written: %1</source>
        <translation>Копия сохранена: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="482" />
        <source>Backing up…</source>
        <translation>Создание копии…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="487" />
        <source>Backup file</source>
        <translation>Файл копии</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="490" />
        <source>An empty folder for the copy</source>
        <translation>Пустая папка для копии</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="495" />
        <location filename="../../desktop/main_window.py" line="522" />
        <source>Restore</source>
        <translation>Восстановление</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="496" />
        <source>Passphrase of the backup:</source>
        <translation>Пароль копии:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="509" />
        <source>Restored into %1; verification: %2</source>
        <translation>Восстановлено в %1; проверка: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="511" />
        <source>passed</source>
        <translation>пройдена</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="514" />
        <source>This is the vault as it was on %1: anything recorded after that is not in this copy.</source>
        <translation>Это хранилище в том виде, в каком оно было %1: всё, что записано позже, в эту копию не вошло.</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="523" />
        <source>Restoring…</source>
        <translation>Восстановление…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="540" />
        <source>Change passphrase</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="542" />
        <source>The passphrase was changed. An old copy of the vault's key file, or a backup made before now, still opens with the old passphrase. Rotate the keys now to make such copies useless? (Later: Vault, then Rotate keys.)</source>
        <translation>Пароль изменён. Старая копия ключевого файла хранилища или резервная копия, сделанная раньше, по-прежнему открывается старым паролем. Сменить ключи сейчас, чтобы такие копии стали бесполезны? (Позже: Хранилище ▸ Сменить ключи.)</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="552" />
        <source>Rotate keys now</source>
        <translation>Сменить ключи сейчас</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="553" />
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>Текущий пароль:</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Новый пароль:</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. Use four or more unrelated words.</source>
        <translation>Этот пароль слишком легко угадать. Используйте четыре или больше не связанных слов.</translation>
    </message>
    <message>
        <source>The passphrase was changed. An old copy of the vault's key file, or a backup made before now, still opens with the old passphrase. To make such copies useless, choose Vault, then Rotate keys.</source>
        <translation>Пароль изменён. Старая копия файла ключей хранилища или резервная копия, сделанная раньше, по-прежнему открывается старым паролем. Чтобы такие копии стали бесполезны, выберите «Хранилище» → «Сменить ключи».</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="566" />
        <location filename="../../desktop/main_window.py" line="594" />
        <source>Rotate keys</source>
        <translation>Смена ключей</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="568" />
        <source>A new key for the vault: old copies of its key file will open nothing. Passphrase:</source>
        <translation>Новый ключ хранилища: старые копии его файла ключей больше ничего не откроют. Пароль:</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="595" />
        <source>The vault has a new key (%1 file keys rewrapped).</source>
        <translation>У хранилища новый ключ (перешифровано ключей файлов: %1).</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="599" />
        <source>Rotating keys…</source>
        <translation>Смена ключей…</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="608" />
        <source>Forget</source>
        <translation>Забыть</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="608" />
        <source>This device no longer remembers the vault.</source>
        <translation>Это устройство больше не помнит хранилище.</translation>
    </message>
</context>
<context>
    <name>PersonPage</name>
    <message>
        <location filename="../../desktop/main_window.py" line="65" />
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="66" />
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="67" />
        <source>Quotes</source>
        <translation>Цитаты</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="68" />
        <source>Chronology</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="69" />
        <source>Grounds</source>
        <translation>Основания</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="70" />
        <source>Pleading</source>
        <translation>Заявление</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="71" />
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../desktop/main_window.py" line="72" />
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <location filename="../../desktop/profile_tab.py" line="77" />
        <source>Other spellings</source>
        <translation>Другие написания</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="55" />
        <location filename="../../desktop/profile_tab.py" line="66" />
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="38" />
        <source>Name (as in filings)</source>
        <translation>Имя (как в документах)</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="39" />
        <source>Name in its own script</source>
        <translation>Имя в родной письменности</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="40" />
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="41" />
        <source>Place of birth</source>
        <translation>Место рождения</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="42" />
        <source>Nationality</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="43" />
        <source>Identity document</source>
        <translation>Документ, удостоверяющий личность</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="44" />
        <source>Address for correspondence</source>
        <translation>Адрес для переписки</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="56" />
        <source>Not said</source>
        <translation>Не указана</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="58" />
        <source>journalist</source>
        <translation>журналист</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="58" />
        <source>activist</source>
        <translation>активист</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="59" />
        <source>lawyer</source>
        <translation>юрист</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="59" />
        <source>relative</source>
        <translation>родственник</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="60" />
        <source>witness</source>
        <translation>свидетель</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="60" />
        <source>official</source>
        <translation>должностное лицо</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="61" />
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="70" />
        <source>Another spelling</source>
        <translation>Другое написание</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="71" />
        <source>Another spelling of the name</source>
        <translation>Другое написание имени</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="72" />
        <source>Add spelling</source>
        <translation>Добавить написание</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="80" />
        <location filename="../../desktop/profile_tab.py" line="95" />
        <source>Organisations</source>
        <translation>Организации</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="84" />
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="85" />
        <source>Kloop, Temirov Live…</source>
        <translation>Kloop, Temirov Live…</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="87" />
        <source>Role in the organisation</source>
        <translation>Роль в организации</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="88" />
        <source>Role (journalist, co-founder…)</source>
        <translation>Роль (журналист, сооснователь…)</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="89" />
        <source>Add to organisation</source>
        <translation>Добавить в организацию</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="98" />
        <location filename="../../desktop/profile_tab.py" line="101" />
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="102" />
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../desktop/profile_tab.py" line="167" />
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message>
        <location filename="../../desktop/person_tabs.py" line="59" />
        <source>Quotes</source>
        <translation>Цитаты</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="62" />
        <location filename="../../desktop/person_tabs.py" line="80" />
        <source>The exact words</source>
        <translation>Точные слова</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="65" />
        <location filename="../../desktop/person_tabs.py" line="81" />
        <source>Speaker</source>
        <translation>Кто сказал</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="67" />
        <location filename="../../desktop/person_tabs.py" line="82" />
        <source>When it was said</source>
        <translation>Когда сказано</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="69" />
        <location filename="../../desktop/person_tabs.py" line="83" />
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="75" />
        <source>Save quote</source>
        <translation>Сохранить цитату</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="77" />
        <source>Delete quote…</source>
        <translation>Удалить цитату…</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="113" />
        <source> (not found in the document)</source>
        <translation> (не найдена в документе)</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="137" />
        <source>%1 saved.</source>
        <translation>%1: сохранено.</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="159" />
        <source>Delete this quote?</source>
        <translation>Удалить эту цитату?</translation>
    </message>
    <message>
        <location filename="../../desktop/person_tabs.py" line="176" />
        <source>%1 was deleted.</source>
        <translation>%1 удалено.</translation>
    </message>
</context>
<context>
    <name>SearchTab</name>
    <message>
        <source>Words from the evidence, in any script: Тухватшин, Tukhvatshin, Kloop…</source>
        <translation type="vanished">Слова из материалов, в любом написании: Тухватшин, Tukhvatshin, Kloop…</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="32" />
        <source>Words from the evidence, in any script: Тухватшин, Tukhvatshin, Kloop… — a phrase in quotes: "Pervomaisky District Court"</source>
        <translation>Слова из материалов, в любом написании: Тухватшин, Tukhvatshin, Kloop… — фраза в кавычках: «Первомайский районный суд»</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="36" />
        <source>Search the evidence</source>
        <translation>Поиск по материалам</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="38" />
        <source>What was found</source>
        <translation>Найденное</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="56" />
        <source>Open a document found (double-click or Enter) at its page.</source>
        <translation>Откройте найденный документ (двойной щелчок или Enter) на его странице.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="82" />
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="82" />
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="83" />
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="83" />
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="86" />
        <source>%1, page %2</source>
        <translation>%1, с. %2</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="96" />
        <source>Nothing found.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="100" />
        <source>Over %1 texts match: the %2 most recently added are shown, newest first. Add words, or put a phrase in quotes, to narrow the search.</source>
        <translation>Подходит более %1 текстов: показаны %2 добавленных последними, новые сначала. Добавьте слова или возьмите фразу в кавычки, чтобы сузить поиск.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="107" />
        <source>%1 found, the most recently added first.</source>
        <translation>Найдено: %1, сначала добавленные последними.</translation>
    </message>
    <message>
        <location filename="../../desktop/search_tab.py" line="111" />
        <source>%1 found.</source>
        <translation>Найдено: %1.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="27" />
        <source>Passphrase strength</source>
        <translation>Надёжность пароля</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="29" />
        <source>Passphrase strength in words</source>
        <translation>Надёжность пароля словами</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="66" />
        <source>very weak</source>
        <translation>очень слабый</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="66" />
        <source>weak</source>
        <translation>слабый</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="66" />
        <source>fair</source>
        <translation>средний</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="66" />
        <source>strong</source>
        <translation>надёжный</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="67" />
        <source>very strong</source>
        <translation>очень надёжный</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="69" />
        <source>too short</source>
        <translation>слишком короткий</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="70" />
        <source>one of the most common passwords</source>
        <translation>один из самых распространённых паролей</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="71" />
        <source>a common word with digits</source>
        <translation>обычное слово с цифрами</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="72" />
        <source>a common word with letters swapped for symbols</source>
        <translation>обычное слово, где буквы заменены символами</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="73" />
        <source>a common word or name</source>
        <translation>обычное слово или имя</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="74" />
        <source>repeated characters</source>
        <translation>повторяющиеся символы</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="75" />
        <source>a sequence like abc or 123</source>
        <translation>последовательность вроде abc или 123</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="76" />
        <source>a row of keys on the keyboard</source>
        <translation>ряд клавиш на клавиатуре</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="77" />
        <source>a date or a year</source>
        <translation>дата или год</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="91" />
        <source>The two passphrases differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <location filename="../../desktop/passphrase_meter.py" line="86" />
        <source>This passphrase is %1. Use four or more unrelated words.</source>
        <translation>Этот пароль — %1. Используйте четыре или больше не связанных между собой слов.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../desktop/worker.py" line="69" />
        <source>Something went wrong and the operation was stopped. Nothing already stored was changed.</source>
        <translation>Что-то пошло не так, и операция остановлена. Ничего из уже сохранённого не изменено.</translation>
    </message>
</context>
<context>
    <name>TranslationDialog</name>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="32" />
        <source>Add a translation</source>
        <translation>Добавить перевод</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="35" />
        <location filename="../../desktop/translation_dialog.py" line="60" />
        <source>A translator used before</source>
        <translation>Переводчик, с которым уже работали</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="36" />
        <source>Someone new</source>
        <translation>Новый переводчик</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="41" />
        <source>Language of the translation</source>
        <translation>Язык перевода</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="43" />
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="43" />
        <source>French</source>
        <translation>французский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="43" />
        <source>Spanish</source>
        <translation>испанский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="44" />
        <source>Arabic</source>
        <translation>арабский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="44" />
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="44" />
        <source>Kyrgyz</source>
        <translation>кыргызский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="45" />
        <source>Kazakh</source>
        <translation>казахский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="45" />
        <source>Uzbek</source>
        <translation>узбекский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="45" />
        <source>Tajik</source>
        <translation>таджикский</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="46" />
        <source>German</source>
        <translation>немецкий</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="51" />
        <source>Text of the translation</source>
        <translation>Текст перевода</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="53" />
        <source>Take the text from a file…</source>
        <translation>Взять текст из файла…</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="57" />
        <source>Translation of: %1</source>
        <translation>Перевод документа: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="58" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="62" />
        <source>Translator's full name</source>
        <translation>Полное имя переводчика</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="63" />
        <source>Translator's address</source>
        <translation>Адрес переводчика</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="64" />
        <source>Translator's telephone</source>
        <translation>Телефон переводчика</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="65" />
        <source>Qualifications</source>
        <translation>Квалификация</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="66" />
        <source>Date of the translation</source>
        <translation>Дата перевода</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="67" />
        <source>Signature line, if certified</source>
        <translation>Строка подписи, если перевод заверен</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="73" />
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="97" />
        <source>Translation text</source>
        <translation>Текст перевода</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="103" />
        <source>That file could not be read as text (UTF-8).</source>
        <translation>Этот файл не удалось прочитать как текст (UTF-8).</translation>
    </message>
    <message>
        <location filename="../../desktop/translation_dialog.py" line="107" />
        <source>The translation has no text yet.</source>
        <translation>В переводе пока нет текста.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="59" />
        <source>Evidence Dossier</source>
        <translation>Evidence Dossier</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="61" />
        <location filename="../../desktop/unlock_dialog.py" line="82" />
        <location filename="../../desktop/unlock_dialog.py" line="123" />
        <source>Vault folder</source>
        <translation>Папка хранилища</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="62" />
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="69" />
        <location filename="../../desktop/unlock_dialog.py" line="83" />
        <source>Passphrase</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="72" />
        <source>Repeat the passphrase</source>
        <translation>Повторите пароль</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Надёжность пароля</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="75" />
        <source>Remember on this device</source>
        <translation>Запомнить на этом устройстве</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="76" />
        <source>Open with this device's key</source>
        <translation>Открыть ключом этого устройства</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="80" />
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="84" />
        <source>Repeat</source>
        <translation>Повтор</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="86" />
        <source>Strength</source>
        <translation>Надёжность</translation>
    </message>
    <message>
        <source>Passphrase strength in words</source>
        <translation>Надёжность пароля словами</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="98" />
        <source>A vault is an encrypted folder on this computer. Everything you collect for your clients — documents, quotes, the chronology, the cases — is kept in it and can be read only with its passphrase. Nothing leaves this computer.

The passphrase cannot be recovered: if it is forgotten, no one can open the vault, not even us. Choose four or more unrelated words, write them down somewhere safe, and make backups (Vault ▸ Back up).</source>
        <translation>Хранилище — это зашифрованная папка на этом компьютере. Всё, что вы собираете для своих клиентов, — документы, цитаты, хронология, дела — хранится в нём и может быть прочитано только с его парольной фразой. Ничто не покидает этот компьютер.

Парольную фразу нельзя восстановить: если её забыть, никто не сможет открыть хранилище, даже мы. Выберите четыре или больше не связанных между собой слова, запишите их в надёжном месте и делайте резервные копии (Хранилище ▸ Резервная копия).</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="107" />
        <source>What a vault is</source>
        <translation>Что такое хранилище</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="133" />
        <source>Create vault</source>
        <translation>Создать хранилище</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="133" />
        <source>Unlock</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="140" />
        <source>The vault that was open is not found at %1 now (a USB stick taken out?). Put it back, or choose another folder.</source>
        <translation>Хранилище, которое было открыто, сейчас не найдено в %1 (извлечена флешка?). Верните её или выберите другую папку.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="166" />
        <source>Opening with the key remembered on this device…</source>
        <translation>Открываю ключом, сохранённым на этом устройстве…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="179" />
        <source>The key remembered on this device could not be used (%1). Enter the passphrase.</source>
        <translation>Ключ, сохранённый на этом устройстве, не удалось использовать (%1). Введите парольную фразу.</translation>
    </message>
    <message>
        <source>very weak</source>
        <translation>очень слабый</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>слабый</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>средний</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>надёжный</translation>
    </message>
    <message>
        <source>very strong</source>
        <translation>очень надёжный</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>слишком короткий</translation>
    </message>
    <message>
        <source>one of the most common passwords</source>
        <translation>один из самых распространённых паролей</translation>
    </message>
    <message>
        <source>a common word with digits</source>
        <translation>обычное слово с цифрами</translation>
    </message>
    <message>
        <source>a common word with letters swapped for symbols</source>
        <translation>обычное слово, где буквы заменены символами</translation>
    </message>
    <message>
        <source>a common word or name</source>
        <translation>обычное слово или имя</translation>
    </message>
    <message>
        <source>repeated characters</source>
        <translation>повторяющиеся символы</translation>
    </message>
    <message>
        <source>a sequence like abc or 123</source>
        <translation>последовательность вроде abc или 123</translation>
    </message>
    <message>
        <source>a row of keys on the keyboard</source>
        <translation>ряд клавиш на клавиатуре</translation>
    </message>
    <message>
        <source>a date or a year</source>
        <translation>дата или год</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>This passphrase is %1. Use four or more unrelated words.</source>
        <translation>Этот пароль — %1. Используйте четыре или больше не связанных между собой слов.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="197" />
        <source>Creating the vault…</source>
        <translation>Создание хранилища…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="197" />
        <source>Unlocking…</source>
        <translation>Открытие…</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="242" />
        <source>An older database</source>
        <translation>Более старая база данных</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="232" />
        <source>The vault's database is older than its key file: it ends at change %1, but %2 changes had been recorded. An older copy may have been put back, or the most recent changes were lost. Restore your latest backup instead, unless you put back this older copy on purpose.</source>
        <translation>База данных хранилища старее его файла ключей: она заканчивается изменением %1, а записано было %2 изменений. Возможно, на место вернули старую копию или последние изменения потеряны. Восстановите последнюю резервную копию, если только вы не вернули эту старую копию намеренно.</translation>
    </message>
    <message>
        <location filename="../../desktop/unlock_dialog.py" line="249" />
        <source>Open this older copy</source>
        <translation>Открыть эту старую копию</translation>
    </message>
</context>
<context>
    <name>owner</name>
    <message>
        <location filename="../../desktop/jobs.py" line="118" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../desktop/jobs.py" line="119" />
        <source>Working</source>
        <translation>Выполняется</translation>
    </message>
    <message>
        <location filename="../../desktop/jobs.py" line="156" />
        <source>Evidence Dossier</source>
        <translation>Evidence Dossier</translation>
    </message>
</context>
</TS>