"""The submission, built once from the case and its template: parts, numbered paragraphs,
tables, citations and annex entries. The PDF and the DOCX writers render this and nothing else,
so the two formats say the same thing.

The lawyer's texts cite evidence as tokens — ``[D3:2]`` (a document's page), ``[D3]``, ``[Q4]``
(a quote), ``[E5]`` (an event) — rendered as "Annex 5, p. 2" and linked to that page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from dossier import forums, refs
from dossier.clean_text import without_controls
from dossier.export.content import DossierContent, Exhibit
from dossier.views import DocumentView, QuoteView
from dossier.vocabulary import LANGUAGES

CITATION = re.compile(r"\[([DQE])(\d+)(?::(\d+))?\]", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    document_ref: str
    page: int | None  # a page of the original; None: the annex's first page


@dataclass(frozen=True)
class Span:
    text: str
    link: Link | None = None
    bold: bool = False
    italic: bool = False
    url: str | None = None  # a web address it links to (checked by ``web_address``)
    # Words that depend on where the bundle's pages fall (an annex's pages, the bundle's
    # fingerprint), named as ``paginated`` knows them: the PDF lays out the text given and
    # prints what ``paginated`` says once the narrative's length is known.
    later: str | None = None

    def __post_init__(self) -> None:
        # Every word of the submission passes here, for both renderers: a control character
        # from an old import or a pasted text would stop the Word file (XML cannot hold it).
        object.__setattr__(self, "text", without_controls(self.text))


@dataclass(frozen=True)
class Para:
    spans: tuple[Span, ...]
    number: int | None = None  # numbered paragraphs run through the whole pleading
    style: str = "body"  # body, quote, cite, item, note, center, title, name, draft

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 0  # 0: a part (bookmarked, in the contents); 1: within a part

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", without_controls(self.text))


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...] | None
    rows: tuple[tuple[tuple[Span, ...], ...], ...]
    widths: tuple[float, ...]  # fractions of the text width
    mono_column: int | None = None  # fingerprints: small, monospace, wrapped in groups
    section_rows: frozenset[int] = frozenset()  # rows that head a section of the list


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Contents:
    pass


@dataclass(frozen=True)
class Chart:
    pass


@dataclass(frozen=True)
class SignatureSpace:
    """Where the signer signs: room kept in the signature block, where a signed export puts
    its visible signature (the PDF records where it fell)."""


@dataclass(frozen=True)
class Group:
    """Blocks kept on one page (a quote with its citation)."""

    blocks: tuple[Para | SignatureSpace, ...]


Block = Para | Heading | Table | PageBreak | Contents | Chart | Group | SignatureSpace


@dataclass
class Submission:
    content: DossierContent
    blocks: list[Block] = field(default_factory=list)
    # Citations that could not be resolved to an annex, as "[D9]" (reported by the preflight).
    unresolved: list[str] = field(default_factory=list)


def plain(text: str) -> tuple[Span, ...]:
    return (Span(text),)


class _Builder:
    def __init__(self, content: DossierContent, medium: str = "pdf") -> None:
        self.medium = medium  # "pdf" (the bundle) or "docx" (the submission alone, to edit)
        self.content = content
        self.t = content.template
        self.out = Submission(content)
        self.number = 0

    # ------------------------------------------------------------------ helpers
    def add(self, *blocks: Block) -> None:
        self.out.blocks.extend(blocks)

    def numbered(self, spans: tuple[Span, ...]) -> Para:
        self.number += 1
        return Para(spans, self.number)

    def cite(self, document_ref: str, page: int | None) -> Span:
        exhibit = self.content.exhibit_for(document_ref)
        if exhibit is None:
            self.out.unresolved.append(document_ref + (f":{page}" if page else ""))
            return Span(self.t.word("cite.not_annexed"))
        text = self.t.word("cite.page", label=exhibit.label, page=page) if page else exhibit.label
        return Span(text, Link(document_ref, page))

    def resolve(self, text: str) -> tuple[Span, ...]:
        """The lawyer's text (redacted) with its citation tokens rendered and linked, as a
        court prints them: in parentheses, tokens side by side joined by "; ", the same
        annex page said once — "[D3:1][D6:1] [Q2]" → "(Annex 3, p. 1; Annex 6, p. 1)"."""
        spans: list[Span] = []
        text = self.content.redact(text)
        position = 0
        for start, end, matches in _citation_groups(text):
            before = text[position:start]
            cited = self._group([self._token(match) for match in matches])
            # Already inside the lawyer's own parentheses ("(see [D2])"): none added.
            upto = text[:start]
            bracketed = upto.count("(") > upto.count(")") and text[end:].lstrip()[:1] == ")"
            if not bracketed:
                if before and before[-1].isalnum():
                    before += " "
                cited = [Span("("), *cited, Span(")")]
            if before:
                spans.append(Span(before))
            spans.extend(cited)
            position = end
        if position < len(text):
            spans.append(Span(text[position:]))
        return tuple(spans)

    @staticmethod
    def _group(cited: list[Span]) -> list[Span]:
        spans: list[Span] = []
        seen: set[tuple[str, Link | None]] = set()
        for span in cited:
            if (span.text, span.link) in seen:
                continue
            seen.add((span.text, span.link))
            if spans:
                spans.append(Span("; "))
            spans.append(span)
        return spans

    def _token(self, match: re.Match[str]) -> Span:
        kind, number = match.group(1).upper(), int(match.group(2))
        page = int(match.group(3)) if match.group(3) else None
        ref = refs.make(kind, number)
        if kind == "D":
            return self.cite(ref, page)
        if kind == "Q" and ref in self.content.quotes:
            quote = self.content.quotes[ref]
            return self.cite(quote.document_ref, quote.page)
        if kind == "E":
            event = next((e for e in self.content.chronology if e.ref == ref), None)
            if event is not None and event.citations:
                first = event.citations[0]
                return self.cite(first.document_ref, first.page)
        self.out.unresolved.append(ref)
        return Span(self.t.word("cite.not_annexed"))

    def paragraphs(self, text: str | None) -> None:
        """Each line the lawyer typed is its own numbered paragraph (blank lines between
        them change nothing): facts typed one per line ran together as one paragraph."""
        for line in split_paragraphs(text):
            self.add(self.numbered(self.resolve(line)))

    def rows(self, pairs: list[tuple[str, str | tuple[Span, ...] | None]]) -> Table | None:
        kept = [
            (plain(label), value if isinstance(value, tuple) else plain(self.content.redact(value)))
            for label, value in pairs
            if value
        ]
        if not kept:
            return None
        return Table(None, tuple(kept), (0.32, 0.68))

    def table(self, pairs: list[tuple[str, str | tuple[Span, ...] | None]]) -> None:
        table = self.rows(pairs)
        if table is not None:
            self.add(table)

    # ------------------------------------------------------------------ parts
    def cover(self) -> None:
        content, t, case, person = self.content, self.t, self.content.case, self.content.person
        declared = forums.particulars(t.forum, case.kind)
        for particular in declared:
            banner = particular.banner_for(case.particulars.get(particular.name), t.language)
            if banner:
                self.add(Para(plain(banner), style="banner"))
        self.add(Para(plain(t.title), style="title"))
        if content.draft:
            self.add(Para(plain(t.word("draft")), style="draft"))
        if t.addressee:
            self.add(Para(plain(f"{t.word('to')}: {t.addressee}"), style="center"))
        self.add(Para((Span(t.word("concerning"), bold=True),), style="center"))
        self.add(Para(plain(content.redact(person.name)), style="name"))
        if person.native_name:
            self.add(Para(plain(content.redact(person.native_name)), style="center"))
        role = t.labels.get("name_role")  # "Respondent — In Removal Proceedings"
        if isinstance(role, str) and role:
            self.add(Para((Span(role, italic=True),), style="center"))
        represented = ", ".join(
            x for x in (case.representative_name, case.representative_firm) if x
        )
        common = {
            "request": (t.word("field.request"), t.request_kind.get(case.kind, case.kind_title)),
            "requesting_country": (t.word("field.requesting_country"), case.requesting_country),
            "notice": (t.word("field.notice"), self._notice()),
            "representative": (t.word("field.representative"), represented),
        }
        self.table(
            [
                # Only the rows the template's forum files (a US brief has no notice row).
                *(common[name] for name in t.cover_fields if name in common),
                # The forum's own particulars (its data): appeal number, A-number, judge…
                *(
                    (particular.label(t.language), case.particulars.get(particular.name))
                    for particular in declared
                    if particular.printed == "cover"
                ),
                (t.word("field.annexes"), str(len(content.exhibits))),
                (t.word("field.prepared"), self._today()),
                (t.word("field.fingerprint"), (_paginated_span(content, FINGERPRINT),)),
            ]
        )
        self.add(PageBreak())

    def _notice(self) -> str | None:
        case = self.content.case
        if not case.notice_type:
            return None
        kind = self.t.word(f"notice.{case.notice_type}")
        return f"{kind}, {case.notice_reference}" if case.notice_reference else kind

    def _today(self) -> str:
        return self.content.date(self.content.export_time.date().isoformat())

    def contents(self) -> None:
        self.add(Para((Span(self.t.word("contents"), bold=True),), style="h1"), Contents())
        self.add(PageBreak())

    def particulars(self) -> None:
        t, person = self.t, self.content.person
        self.add(Heading(t.word("particulars")))
        self.table(
            [
                (t.word("field.name"), person.name),
                (t.word("field.native_name"), person.native_name),
                (t.word("field.other_spellings"), ", ".join(person.aliases)),
                (t.word("field.birth_date"), self._birth()),
                (t.word("field.birth_place"), person.birth_place),
                (t.word("field.nationality"), person.nationality),
                (t.word("field.identity_document"), person.identity_document),
                (t.word("field.correspondence_address"), person.correspondence_address),
            ]
        )

    def _birth(self) -> str | None:
        # In the template's language, whatever the window's (PersonView shows the window's).
        return self.content.date(self.content.person.birth_date_edtf) or None

    def representative(self) -> None:
        t, case = self.t, self.content.case
        if not case.represented:
            return
        self.add(Heading(t.word("representative")))
        self.table(
            [
                (t.word("field.representative"), case.representative_name),
                (t.word("field.firm"), case.representative_firm),
                (t.word("field.address"), case.representative_address),
                (t.word("field.phone"), case.representative_phone),
                (t.word("field.email"), case.representative_email),
                (t.word("field.bar_number"), case.representative_bar_number),
            ]
        )

    def data(self) -> None:
        t, case = self.t, self.content.case
        self.add(Heading(t.word("data")))
        self.table(
            [
                (t.word("field.request"), t.request_kind.get(case.kind, case.kind_title)),
                (t.word("field.notice"), self._notice()),
                (t.word("field.requesting_country"), case.requesting_country),
                (t.word("field.known_how"), case.notice_known_how),
            ]
        )

    def summary(self) -> None:
        case = self.content.case
        if not (case.summary or "").strip():
            return
        self.add(Heading(self.t.word("summary")))
        self.paragraphs(case.summary)

    def facts(self) -> None:
        case = self.content.case
        text = case.facts or ""
        if not text.strip() and not case.arguments.strip():
            return
        self.add(Heading(self.t.word("facts")))
        self.paragraphs(text)
        self.paragraphs(case.arguments)  # older cases kept their narrative here

    def chronology(self) -> None:
        t, content = self.t, self.content
        self.add(Heading(t.word("chronology")))
        if not content.chronology:
            self.add(Para(plain(t.word("no_events"))))
            return
        self.add(Chart())
        rows = []
        notes: list[str] = []
        for event in content.chronology:
            when = content.date(event.date)
            note = getattr(event, "date_note", "")
            if note:
                notes.append(note)
                when += f" ({len(notes)})"
            sources: list[Span] = []
            for citation in event.citations:
                if sources:
                    sources.append(Span("; "))
                sources.append(self.cite(citation.document_ref, citation.page))
            description = event.title + (f". {event.description}" if event.description else "")
            rows.append(
                (plain(when), plain(content.redact(description)), tuple(sources) or plain("—"))
            )
        header = (t.word("column.date"), t.word("column.event"), t.word("column.sources"))
        self.add(Table(header, tuple(rows), (0.2, 0.5, 0.3)))
        for index, note in enumerate(notes, start=1):
            # The sources a merged account gave are cited as the bundle cites ("Annex 7, p. 1").
            spans = self.resolve(f"({index}) " + t.word("date_note", note=note))
            self.add(Para(spans, style="note"))

    def grounds(self) -> None:
        kept = [g for g in self.content.grounds if g.argument.strip() or g.evidence]
        shown = self.content.grounds if self.content.draft else kept
        if not shown:
            return
        self.add(Heading(self.t.word("grounds")))
        for ground in shown:
            # A template in another language names the grounds in it ("ground.ccf-art3").
            title = str(self.t.labels.get(f"ground.{ground.code}", ground.title))
            self.add(Heading(title, 1))
            if ground.argument.strip():
                self.paragraphs(ground.argument)
            elif ground.evidence:
                explanation = self.t.labels.get(f"ground.{ground.code}.why", ground.explanation)
                self.add(self.numbered(plain(self.content.redact(str(explanation)))))
            else:  # only in a draft
                self.add(Para((Span(self.t.word("ground_empty"), italic=True),), style="note"))
            # In annex order, as the list of annexes runs (not the order they were linked).
            ordered = sorted(ground.evidence, key=self._annex_position)
            evidence = [block for ref in ordered for block in self._evidence(ref)]
            if evidence:
                self.add(self.numbered(plain(self.t.word("relies_on"))))
                self.add(*evidence)

    def _annex_position(self, ref: str) -> tuple[int, int]:
        """Where the evidence ``ref`` stands in the list of annexes (annex, then page)."""
        content = self.content
        document_ref, page = ref, 0
        if ref.startswith("Q") and ref in content.quotes:
            document_ref, page = content.quotes[ref].document_ref, content.quotes[ref].page or 0
        elif ref.startswith("E"):
            event = next((e for e in content.chronology if e.ref == ref), None)
            if event is not None and event.citations:
                document_ref, page = event.citations[0].document_ref, event.citations[0].page or 0
        exhibit = content.exhibit_for(document_ref)
        if exhibit is None:
            return (len(content.exhibits), 0)
        return (content.exhibits.index(exhibit), page)

    def _evidence(self, ref: str) -> list[Block]:
        content = self.content
        if ref.startswith("Q") and ref in content.quotes:
            quote = content.quotes[ref]
            if content.exhibit_for(quote.document_ref) is None:
                return []  # from a confidential or unannexed document: left out
            items = [Para(plain(content.redact(f"“{quote.text}”")), style="quote")]
            if quote.translation:
                text = self.t.word("quote_translation", text=quote.translation)
                items.append(Para(plain(content.redact(text)), style="quote"))
            speaker = f"— {content.redact(quote.speaker)}, " if quote.speaker else "— "
            cite = self.cite(quote.document_ref, quote.page)
            items.append(Para((Span(speaker), cite), style="cite"))
            return [Group(tuple(items))]
        if ref.startswith("E"):
            event = next((e for e in content.chronology if e.ref == ref), None)
            if event is None:
                return []
            spans = [Span(content.redact(f"{content.date(event.date)}: {event.title}"))]
            for citation in event.citations:
                spans += [Span(" ("), self.cite(citation.document_ref, citation.page), Span(")")]
            return [Para(tuple(spans), style="item")]
        if ref.startswith("D"):
            exhibit = content.exhibit_for(ref)
            if exhibit is not None:
                title = content.redact(self._index_title(exhibit.document))
                return [Para((self.cite(ref, None), Span(f": {title}")), style="item")]
        return []

    def relief(self) -> None:
        case, t = self.content.case, self.t
        items = [line.strip() for line in (case.relief or "").split("\n") if line.strip()]
        items = items or t.relief.get(case.kind, [])
        if not items:
            return
        self.add(Heading(t.word("relief")))
        if t.relief_intro:
            self.add(self.numbered(plain(t.relief_intro)))
            for index, item in enumerate(items):
                letter = chr(ord("a") + index % 26)
                self.add(Para((Span(f"({letter}) "), *self.resolve(item)), style="item"))
        else:
            for item in items:
                self.add(self.numbered(self.resolve(item)))

    def signature(self) -> None:
        t, case = self.t, self.content.case
        self.add(Heading(t.word("signature")))
        place = case.signed_place
        date = self.content.date(case.signed_date) if case.signed_date else self._today()
        lines = [
            t.word("signature_line"),
            case.signatory_name or case.representative_name,
            case.signatory_capacity,
            case.representative_firm,
            case.representative_address,
            case.representative_bar_number
            and f"{t.word('field.bar_number')}: {case.representative_bar_number}",
            t.word("signed_at", place=place, date=date) if place else date,
        ]
        signed = [Para(plain(line), style="signature") for line in lines if line]
        intro = [Para(plain(t.signature_intro))] if t.signature_intro else []
        # The intro, the space to sign in and the signature block on one page: a visible
        # signature once landed alone at the top of the next page.
        self.add(Group((*intro, SignatureSpace(), *signed)))

    def annex_index(self) -> None:
        t, content = self.t, self.content
        # No forced page break: a short last page of the pleading would be left near-blank.
        self.add(Heading(t.word("annex_index")))
        header = tuple(
            t.word(f"column.{name}")
            for name in ("number", "title", "date", "kind", "language", "pages")
        )
        rows: list[tuple[tuple[Span, ...], ...]] = []
        section_rows: set[int] = set()
        section: str | None = None
        for index, exhibit in enumerate(content.exhibits):
            if exhibit.section and exhibit.section != section:
                section_rows.add(len(rows))
                rows.append(((Span(exhibit.section, bold=True),), (), (), (), (), ()))
            section = exhibit.section
            document = exhibit.document
            link = Link(document.ref, None)
            rows.append(
                (
                    (Span(exhibit.label, link),),
                    (Span(content.redact(self._index_title(document)), link),),
                    plain(content.date(document.date_published) or "—"),
                    plain(self._kind(document.kind)),
                    plain(self._language(document.language)),
                    (_paginated_span(content, f"{ANNEX_PAGES}{index}"),),
                )
            )
        self.add(
            Table(header, tuple(rows), (0.11, 0.31, 0.14, 0.14, 0.14, 0.16), None,
                  frozenset(section_rows))
        )  # fmt: skip

    def _index_title(self, document: DocumentView) -> str:
        """A document in another language is named in the filing's, its own title after:
        "Decision of the Oktyabrsky District Court (Решение Октябрьского районного суда)"."""
        translated = (document.title_translated or "").strip()
        if not translated or document.language in (None, self.t.language):
            return document.title
        return f"{translated} ({document.title})"

    def _kind(self, kind: str) -> str:
        return str(self.t.labels.get(f"kind.{kind}", kind.replace("-", " ")))

    def _language(self, code: str | None) -> str:
        if not code:
            return "—"
        return str(self.t.labels.get(f"lang.{code}", LANGUAGES.get(code, code)))

    def country_schedule(self) -> None:
        """The schedule of country evidence (UK, PD 10.6): each passage relied on from the
        annexed country reports, its source linked to its web address and to the bundle's
        page. Built from the quotes of annexes of kind "country report"; none, no schedule."""
        t, content = self.t, self.content
        passages = country_passages(content)
        if not passages:
            return
        self.add(PageBreak())  # a schedule of its own, after the skeleton's signature
        self.add(Heading(t.word("country_schedule")))
        self.add(Para(plain(t.word("country_schedule_intro"))))
        header = tuple(
            t.word(f"column.{name}") for name in ("number", "source", "passage", "bundle_page")
        )
        rows = []
        for number, (exhibit, quote) in enumerate(passages, 1):
            document = exhibit.document
            said = ", ".join(
                x
                for x in (
                    content.redact(self._index_title(document)),
                    content.redact(document.outlet or document.author or ""),
                    content.date(document.date_published),
                )
                if x
            )
            address = web_address(document.url)
            where = (
                Span(address, url=address)
                if address
                else Span(t.word("country_schedule_no_address"), italic=True)
            )
            passage = [Span(f"“{content.redact(quote.text)}”")]
            if quote.translation and document.language not in (None, t.language):
                passage.append(Span(f"\n{content.redact(quote.translation)}", italic=True))
            rows.append(
                (
                    plain(str(number)),
                    (Span(said + "\n"), where),
                    tuple(passage),
                    (self.cite(document.ref, quote.page),),
                )
            )
        self.add(Table(header, tuple(rows), (0.07, 0.33, 0.44, 0.16)))

    def how_to_check(self) -> None:
        """One page telling the receiving clerk how to check the file with common tools."""
        t = self.t
        if self.medium == "docx":
            return  # it speaks of the PDF's attachments and signature: filed with the bundle
        self.add(PageBreak(), Heading(t.word("how_to_check")))
        for key in ("fingerprint", "annexes", "signature", "tool"):
            self.add(Para(plain(t.word(f"how_to_check.{key}"))))

    def certificate_of_service(self) -> None:
        t, case = self.t, self.content.case
        if not t.service_text:
            return
        self.add(Heading(t.word("certificate_of_service")))
        served = case.served_on or "______________________________"
        text = t.service_text.format(date=self._today(), served_on=served, method="ECAS")
        self.add(Para(plain(text)))
        for line in (t.word("signature_line"), case.signatory_name or case.representative_name):
            if line:
                self.add(Para(plain(line), style="signature"))

    def integrity(self) -> None:
        t, content = self.t, self.content
        self.add(Heading(t.word("integrity")))
        moment = content.export_time.strftime("%Y-%m-%d %H:%M:%S UTC")
        # The Word file is read alone: the manifest is attached to the PDF bundle, not to it.
        said = "integrity_text_docx" if self.medium == "docx" else "integrity_text"
        self.add(Para(plain(t.word(said, time=moment))))
        header = (t.word("column.number"), t.word("column.original_file"), t.word("column.sha256"))
        rows = tuple(
            (
                plain(exhibit.label),
                plain(content.redact(exhibit.document.original_name)),
                plain(exhibit.document.sha256),
            )
            for exhibit in content.exhibits
        )
        self.add(Table(header, rows, (0.14, 0.42, 0.44), mono_column=2))


def country_passages(content: DossierContent) -> list[tuple[Exhibit, QuoteView]]:
    """The passages quoted from annexed country reports, in annex then page order."""
    found = []
    for exhibit in content.exhibits:
        if exhibit.document.kind != "country-report":
            continue
        quoted = [q for q in content.quotes.values() if q.document_ref == exhibit.document.ref]
        found += [(exhibit, q) for q in sorted(quoted, key=lambda q: (q.page or 0, q.id))]
    return found


def web_address(url: str | None) -> str | None:
    """A document's web address if it is one a filing may link to (http or https, a host,
    no spaces or controls); anything else — a "javascript:" address from a hostile page —
    is never linked."""
    text = (url or "").strip()
    if not text or len(text) > 2000 or any(c.isspace() or ord(c) < 32 for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text


def split_paragraphs(text: str | None) -> list[str]:
    """The paragraphs of a long text the lawyer typed: one a line, empty lines skipped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _citation_groups(text: str) -> Iterator[tuple[int, int, list[re.Match[str]]]]:
    """Runs of citation tokens side by side (only spaces, commas or semicolons between)."""
    group: list[re.Match[str]] = []
    for match in CITATION.finditer(text):
        if group and not _BETWEEN_CITATIONS.fullmatch(text[group[-1].end() : match.start()]):
            yield group[0].start(), group[-1].end(), group
            group = []
        group.append(match)
    if group:
        yield group[0].start(), group[-1].end(), group


_BETWEEN_CITATIONS = re.compile(r"\s*[,;]?\s*")
# What a vault reference looks like once printed (D14, D14:1, Q2, E5, P1): never in a filing.
VAULT_REFERENCE = re.compile(r"(?<![\w/.\-])[DQEP]\d+(?::\d+)?(?![\w/\-])")


def printed_references(submission: Submission) -> list[str]:
    """Vault references left in what the submission prints (a token typed without its
    brackets, an old note): the check names them. The tables of particulars (label and
    value, no header) are left out: their values are facts, and a Home Office reference
    (D1234567) or a passport number (P1234567) looks like a vault reference."""
    texts: list[str] = []
    for block in submission.blocks:
        if isinstance(block, Para):
            texts.append(block.text)
        elif isinstance(block, Group):
            texts.extend(para.text for para in block.blocks if isinstance(para, Para))
        elif isinstance(block, Heading):
            texts.append(block.text)
        elif isinstance(block, Table) and block.header is not None:
            texts.extend("".join(span.text for span in cell) for row in block.rows for cell in row)
    found = [match.group(0) for text in texts for match in VAULT_REFERENCE.finditer(text)]
    return list(dict.fromkeys(found))


def build(content: DossierContent, medium: str = "pdf") -> Submission:
    builder = _Builder(content, medium)
    for part in content.template.parts:
        getattr(builder, part)()
    return builder.out


def printed_text(content: DossierContent, text: str) -> str:
    """The lawyer's text as the filing prints it, paragraph by paragraph: redacted, its
    citations in words ("[D3:1]" → "(Annex 3, p. 1)")."""
    builder = _Builder(content)
    return "\n".join(
        "".join(span.text for span in builder.resolve(line)) for line in split_paragraphs(text)
    )


# What ``Span.later`` names: the bundle's fingerprint, and the pages of annex N (0-based).
FINGERPRINT = "fingerprint"
ANNEX_PAGES = "annex-pages:"


def paginated(content: DossierContent, key: str) -> str:
    """The words ``key`` names as the content is now paginated (``Exhibit.first_page`` and
    ``DossierContent.fingerprint`` set): "12–15 (16–18 translation)", or the fingerprint."""
    if key == FINGERPRINT:
        return " ".join(fingerprint_lines(content.fingerprint))
    exhibit = content.exhibits[int(key.removeprefix(ANNEX_PAGES))]
    first, original = exhibit.first_page, exhibit.original_pages or exhibit.page_count
    text = f"{first}–{first + original - 1}" if original > 1 else str(first)
    if exhibit.page_count > original:
        start, end = first + original, first + exhibit.page_count - 1
        pages = f"{start}–{end}" if end > start else str(start)
        text += " (" + content.template.word("cite.pages_translation", pages=pages) + ")"
    return text


def _paginated_span(content: DossierContent, key: str) -> Span:
    return Span(paginated(content, key), later=key)


def fingerprint_lines(digest: str) -> list[str]:
    """A SHA-256 in four groups of 16, two groups to a line: wraps cleanly, reads aloud."""
    groups = [digest[i : i + 16] for i in range(0, len(digest), 16)]
    return [" ".join(groups[i : i + 2]) for i in range(0, len(groups), 2)]
