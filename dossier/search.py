"""Full-text search over documents, quotes, events and people, by any spelling of a name.

The index is an FTS5 table inside the encrypted database. It holds each text *folded* (see
``names.fold``), so Cyrillic and Latin spellings meet; query words are widened to the indexed
words within a small edit distance, and a query naming a person is widened to all their aliases.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from dossier import names
from storage.models import Document, Event, Person, Quote
from storage.vault import Vault

SNIPPET_CHARS = 80
_MIN_FUZZY_LENGTH = 5
_FUZZY_CUTOFF = 84.0


def index_text(session: Session, kind: str, ref_id: int, page: int | None, body: str) -> None:
    session.execute(
        text(
            "INSERT INTO search_index (kind, ref_id, page, text, folded) "
            "VALUES (:kind, :ref_id, :page, :text, :folded)"
        ),
        {"kind": kind, "ref_id": ref_id, "page": page, "text": body, "folded": names.fold(body)},
    )
    # RETURNING gives -1 for a full-text table: its rowid is read as the last one inserted.
    row = session.execute(text("SELECT last_insert_rowid()")).scalar_one()
    # Where the text is, in a table that can be searched by it (migration 0009).
    session.execute(
        text(
            "INSERT INTO search_rows (row, kind, ref_id, page) VALUES (:row, :kind, :ref_id, :page)"
        ),
        {"row": row, "kind": kind, "ref_id": ref_id, "page": page},
    )


# The rows of one item (or of one of its pages; the title's page is NULL) are found through
# search_rows, never by filtering the full-text index on its unindexed columns, which reads all
# of it: once per imported document, that made importing quadratic in the vault's size.
_ROWS_OF_ITEM = "SELECT row FROM search_rows WHERE kind = :kind AND ref_id = :ref_id"
_ROWS_OF_PAGE = _ROWS_OF_ITEM + " AND page IS :page"


def unindex(session: Session, kind: str, ref_id: int) -> None:
    """Every text of an item leaves the index."""
    _delete(session, _ROWS_OF_ITEM, {"kind": kind, "ref_id": ref_id})


def unindex_page(session: Session, kind: str, ref_id: int, page: int | None) -> None:
    """One page's text (``page`` None: the item's title) leaves the index."""
    _delete(session, _ROWS_OF_PAGE, {"kind": kind, "ref_id": ref_id, "page": page})


def _delete(session: Session, rows_sql: str, values: dict[str, object]) -> None:
    rows = list(session.scalars(text(rows_sql), values))
    for row in rows:  # by rowid: the index finds each at once
        session.execute(text("DELETE FROM search_index WHERE rowid = :row"), {"row": row})
    if rows:
        session.execute(text(rows_sql.replace("SELECT row FROM", "DELETE FROM")), values)


def index_person(session: Session, person: Person) -> None:
    unindex(session, "person", person.id)
    spellings = [person.name, person.native_name or "", *(a.alias for a in person.aliases)]
    index_text(session, "person", person.id, None, " · ".join(s for s in spellings if s))


@dataclass(frozen=True)
class SearchHit:
    kind: str  # document, quote, event, person
    ref: str  # D3, Q2, E5, P1
    title: str
    page: int | None
    snippet: str
    score: float


_SEARCH_SQL = (
    "SELECT kind, ref_id, page, text, rank FROM search_index "
    "WHERE search_index MATCH :match {person_filter} ORDER BY rank LIMIT :limit"
)
_PERSON_FILTER = """
 AND ((kind = 'document' AND ref_id IN
        (SELECT document_id FROM document_people WHERE person_id = :person))
   OR (kind = 'quote' AND ref_id IN
        (SELECT q.id FROM quotes q JOIN document_people dp ON dp.document_id = q.document_id
          WHERE dp.person_id = :person
         UNION SELECT quote_id FROM quote_people WHERE person_id = :person))
   OR (kind = 'event' AND ref_id IN
        (SELECT id FROM events WHERE person_id = :person
         UNION SELECT event_id FROM event_people WHERE person_id = :person))
   OR (kind = 'person' AND ref_id = :person))
"""


class Searcher:
    """Searches one open vault; keeps the index's vocabulary in memory between queries."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._vocabulary: list[str] = []
        self._vocabulary_stamp: tuple[Any, ...] = ()

    def search(
        self,
        query: str,
        *,
        person_id: int | None = None,
        case_id: int | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        query_words = [w for _, _, w in names.words_with_offsets(query) if w]
        if not query_words:
            return []
        with self._vault.session() as session:
            if case_id is not None:
                person_id = session.execute(
                    text("SELECT person_id FROM cases WHERE id = :id"), {"id": case_id}
                ).scalar_one_or_none()
                if person_id is None:
                    return []
            expression, wanted = self._match_expression(session, query, query_words)
            # Only constant fragments are joined; every value is a bound parameter.
            person_filter = _PERSON_FILTER if person_id is not None else ""
            sql = _SEARCH_SQL.format(person_filter=person_filter)
            rows = session.execute(
                text(sql), {"match": expression, "person": person_id, "limit": limit}
            ).all()
            titles = _titles(session, [(row.kind, row.ref_id) for row in rows])
            return [
                SearchHit(
                    kind=row.kind,
                    ref=_REF_PREFIX[row.kind] + str(row.ref_id),
                    title=titles.get((row.kind, row.ref_id), ""),
                    page=row.page,
                    snippet=snippet(row.text, wanted),
                    score=-float(row.rank),
                )
                for row in rows
            ]

    # --------------------------------------------------------------------- the query
    def _match_expression(
        self, session: Session, query: str, query_words: list[str]
    ) -> tuple[str, list[set[str]]]:
        """The FTS5 MATCH expression, and the folded words to mark (the query's own first)."""
        vocabulary = self._load_vocabulary(session)
        wanted: set[str] = set()
        aliases: set[str] = set()
        clauses = []
        for word in query_words:
            variants = {word}
            if len(word) >= _MIN_FUZZY_LENGTH and vocabulary:
                for term, _score, _index in process.extract(
                    word, vocabulary, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=8
                ):
                    variants.add(term)
            wanted |= variants
            clauses.append("(" + " OR ".join(_quoted(v) for v in sorted(variants)) + ")")
        expression = "(" + " AND ".join(clauses) + ")"
        # A query that names a person also finds every other spelling of that person.
        for spelling in self._alias_spellings(session, query):
            alias_words = names.fold(spelling).split()
            if alias_words:
                aliases |= set(alias_words)
                expression += " OR " + _quoted(" ".join(alias_words))
        return expression, [wanted, aliases - wanted]

    def _alias_spellings(self, session: Session, query: str) -> list[str]:
        spellings: list[str] = []
        for person in session.scalars(select(Person)):
            candidates = [person.name, person.native_name or "", *(a.alias for a in person.aliases)]
            candidates = [c for c in candidates if c]
            if any(names.name_similarity(query, c) >= names.SAME_PERSON_THRESHOLD
                   for c in candidates):  # fmt: skip
                spellings += candidates
        return spellings

    def _load_vocabulary(self, session: Session) -> list[str]:
        # New entries always get a higher rowid (read from the end of the index, not counted);
        # a stale vocabulary after a deletion only costs a useless alternative term.
        stamp = tuple(
            session.execute(
                text("SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1")
            ).scalars()
        )
        if stamp != self._vocabulary_stamp:
            self._vocabulary = list(session.scalars(text("SELECT term FROM search_terms")))
            self._vocabulary_stamp = stamp
        return self._vocabulary


_REF_PREFIX = {"document": "D", "quote": "Q", "event": "E", "person": "P"}


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _titles(session: Session, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """Display titles of the hits, one query per kind."""
    titles: dict[tuple[str, int], str] = {}
    wanted: dict[str, set[int]] = {}
    for kind, ref_id in keys:
        wanted.setdefault(kind, set()).add(ref_id)
    for kind, ids in wanted.items():
        if kind == "document":
            rows = session.execute(select(Document.id, Document.title).where(Document.id.in_(ids)))
        elif kind == "event":
            rows = session.execute(select(Event.id, Event.title).where(Event.id.in_(ids)))
        elif kind == "person":
            rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(ids)))
        else:
            quotes = session.execute(
                select(Quote.id, Quote.document_id, Quote.speaker).where(Quote.id.in_(ids))
            )
            for quote_id, document_id, speaker in quotes:
                suffix = f" ({speaker})" if speaker else ""
                titles[(kind, quote_id)] = f"Quote from D{document_id}{suffix}"
            continue
        titles.update({(kind, record_id): title for record_id, title in rows})
    return titles


def snippet(original: str, wanted: list[set[str]]) -> str:
    """An extract of the original around the first matching word, marked [like this].

    ``wanted`` lists sets of folded words by priority: the query's own words before aliases.
    """
    words = names.words_with_offsets(original)
    match = next(
        ((start, end) for group in wanted for start, end, folded in words if folded in group),
        None,
    )
    if match is not None:
        start, end = match
        left = max(0, start - SNIPPET_CHARS)
        right = min(len(original), end + SNIPPET_CHARS)
        text_before = original[left:start].split(None, 1)[-1] if left else original[:start]
        body = f"{text_before}[{original[start:end]}]{original[end:right]}"
        body = " ".join(body.split())
        return ("…" if left else "") + body + ("…" if right < len(original) else "")
    return " ".join(original[: 2 * SNIPPET_CHARS].split())
