"""Full-text search over documents, quotes, events and people, by any spelling of a name.

The index is an FTS5 table inside the encrypted database. It holds each text *folded* (see
``names.fold``), so Cyrillic and Latin spellings meet; query words are widened to the indexed
words within a small edit distance, and a query naming a person is widened to all their aliases.
Words in quotes ("Pervomaisky District Court", «Первомайский районный суд») are a phrase: those
words in that order, each in any script, no spelling widened.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Row, select, text
from sqlalchemy.orm import Session

from dossier import names
from storage.models import Document, DocumentPage, Event, Person, Quote
from storage.vault import Vault

SNIPPET_CHARS = 80
_MIN_FUZZY_LENGTH = 5
_FUZZY_CUTOFF = 84.0


def index_text(
    session: Session,
    kind: str,
    ref_id: int,
    page: int | None,
    body: str,
    folded: str | None = None,  # names.fold(body), when it was folded already
) -> None:
    index_texts(session, kind, ref_id, [(page, body, folded)])


def index_texts(
    session: Session,
    kind: str,
    ref_id: int,
    texts: list[tuple[int | None, str, str | None]],  # (page, text, folded or None)
) -> None:
    """An item's texts into the index, two statements whatever their number (a document's
    pages: three statements a page were a fifth of storing an imported PDF)."""
    if not texts:
        return
    # Rowids are given, above the highest (read from the end of the index, not counted), so
    # that search_rows can say where each text is without asking after each insert.
    last = session.execute(
        text("SELECT rowid FROM search_index ORDER BY rowid DESC LIMIT 1")
    ).scalar_one_or_none()
    first = (last or 0) + 1
    rows = [
        {
            "row": first + offset,
            "kind": kind,
            "ref_id": ref_id,
            "page": page,
            "text": "" if _kept_in_pages(kind, page) else body,
            "folded": names.fold(body) if folded is None else folded,
        }
        for offset, (page, body, folded) in enumerate(texts)
    ]
    session.execute(
        text(
            "INSERT INTO search_index (rowid, kind, ref_id, page, text, folded) "
            "VALUES (:row, :kind, :ref_id, :page, :text, :folded)"
        ),
        rows,
    )
    # Where each text is, in a table that can be searched by it (migration 0009).
    session.execute(
        text(
            "INSERT INTO search_rows (row, kind, ref_id, page) VALUES (:row, :kind, :ref_id, :page)"
        ),
        [{key: row[key] for key in ("row", "kind", "ref_id", "page")} for row in rows],
    )


def _kept_in_pages(kind: str, page: int | None) -> bool:
    """A document's page keeps its text in document_pages: the index holds only its folded
    form, and a hit's snippet is cut from the page (a second copy of every page's text was a
    third of the database). Titles, quotes, events and people keep theirs in the index."""
    return kind == "document" and page is not None


def _with_page_texts(session: Session, rows: Sequence[Row[Any]]) -> list[tuple[Any, str]]:
    """Each hit with the text its snippet is cut from: its own, or its page's (a vault
    indexed before the pages kept it holds the text in the index too)."""
    wanted = {
        (row.ref_id, row.page)
        for row in rows
        if not row.text and _kept_in_pages(row.kind, row.page)
    }
    pages: dict[tuple[int, int], str] = {}
    if wanted:
        documents = sorted({document for document, _ in wanted})
        found = session.execute(
            select(DocumentPage.document_id, DocumentPage.page, DocumentPage.text).where(
                DocumentPage.document_id.in_(documents),
                DocumentPage.page.in_(sorted({page for _, page in wanted})),
            )
        )
        pages = {(document, page): body for document, page, body in found}
    return [(row, row.text or pages.get((row.ref_id, row.page), "")) for row in rows]


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


# Ranking (bm25) reads every matching text's word positions, and a phrase's positions in the
# whole index: a word found in most of 100,000 texts took 150–200 ms. So texts are ranked only
# when at most RANKED_AT_MOST match — always so for a name or a rare word. Whether more match
# is learnt by walking the index newest first, which stops once that many are seen (under a
# millisecond for one word); when more match, the most recently added are shown first, and
# the user is told so, to add words or put a phrase in quotes.
RANKED_AT_MOST = 1000
_MORE_THAN_RANKED_SQL = (
    "SELECT rowid FROM search_index WHERE search_index MATCH :match {person_filter} "
    "ORDER BY rowid DESC LIMIT 1 OFFSET :ranked"
)
_SEARCH_SQL = (
    "SELECT kind, ref_id, page, text, {score} AS score FROM search_index "
    "WHERE search_index MATCH :match {person_filter} ORDER BY {order} LIMIT :limit"
)
_RANKED = {"score": "rank", "order": "rank"}
_NEWEST_FIRST = {"score": "0", "order": "rowid DESC"}
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


@dataclass(frozen=True)
class Found:
    hits: list[SearchHit]
    # More than RANKED_AT_MOST texts matched (words only): the most recently added are shown.
    many: bool
    # Best first (bm25); else the most recently added first (too many, or a phrase).
    ranked: bool


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
        return self.find(query, person_id=person_id, case_id=case_id, limit=limit).hits

    def find(
        self,
        query: str,
        *,
        person_id: int | None = None,
        case_id: int | None = None,
        limit: int = 20,
    ) -> Found:
        """The best hits first; the most recently added first when more than
        ``RANKED_AT_MOST`` texts match (``Found.many``, for the user to add words) or the
        query has a phrase in quotes."""
        asked = parse_query(query)
        if not asked.words and not asked.phrases:
            return Found([], many=False, ranked=True)
        with self._vault.session() as session:
            if case_id is not None:
                person_id = session.execute(
                    text("SELECT person_id FROM cases WHERE id = :id"), {"id": case_id}
                ).scalar_one_or_none()
                if person_id is None:
                    return Found([], many=False, ranked=True)
            expression, wanted, phrases = self._match_expression(session, query, asked)
            # Only constant fragments are joined; every value is a bound parameter.
            person_filter = _PERSON_FILTER if person_id is not None else ""
            values = {"match": expression, "person": person_id, "limit": limit}
            # A phrase's hits all hold the phrase; they are listed newest first, as ranking
            # them would read the phrase's positions in the whole index again.
            many = not asked.phrases and (
                session.execute(
                    text(_MORE_THAN_RANKED_SQL.format(person_filter=person_filter)),
                    {**values, "ranked": max(RANKED_AT_MOST, limit)},
                ).scalar_one_or_none()
                is not None
            )
            ranked = not asked.phrases and not many
            how = _RANKED if ranked else _NEWEST_FIRST
            rows = session.execute(
                text(_SEARCH_SQL.format(person_filter=person_filter, **how)), values
            ).all()
            titles = _titles(session, [(row.kind, row.ref_id) for row in rows])
            hits = [
                SearchHit(
                    kind=row.kind,
                    ref=_REF_PREFIX[row.kind] + str(row.ref_id),
                    title=titles.get((row.kind, row.ref_id), ""),
                    page=row.page,
                    snippet=snippet(body, wanted, phrases),
                    score=-float(row.score),
                )
                for row, body in _with_page_texts(session, rows)
            ]
            return Found(hits, many=many, ranked=ranked)

    # --------------------------------------------------------------------- the query
    def _match_expression(
        self, session: Session, query: str, asked: AskedFor
    ) -> tuple[str, list[set[str]], list[tuple[str, ...]]]:
        """The FTS5 MATCH expression, the folded words to mark (the query's own first), and
        the phrases in each spelling looked for."""
        vocabulary = self._load_vocabulary(session)
        wanted: set[str] = set()
        aliases: set[str] = set()
        clauses = []
        phrases: list[tuple[str, ...]] = []
        for phrase in asked.phrases:
            spellings = _phrase_spellings([_variants(word, vocabulary) for word in phrase])
            phrases += spellings
            clauses.append("(" + " OR ".join(_quoted(" ".join(p)) for p in spellings) + ")")
        for word in asked.words:
            variants = _variants(word, vocabulary)
            wanted |= set(variants)
            clauses.append("(" + " OR ".join(_quoted(v) for v in sorted(variants)) + ")")
        expression = "(" + " AND ".join(clauses) + ")"
        if asked.phrases:  # words in quotes are meant as they are, a name included
            return expression, [wanted], phrases
        # A query that names a person also finds every other spelling of that person.
        for spelling in self._alias_spellings(session, query):
            alias_words = names.fold(spelling).split()
            if alias_words:
                aliases |= set(alias_words)
                expression += " OR " + _quoted(" ".join(alias_words))
        return expression, [wanted, aliases - wanted], phrases

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
# A phrase is looked for in at most this many spellings (its words' spellings combined).
_PHRASE_SPELLINGS = 16


def _variants(word: str, vocabulary: list[str]) -> list[str]:
    """The word, then the indexed words spelt nearly like it, closest first."""
    variants = [word]
    if len(word) >= _MIN_FUZZY_LENGTH and vocabulary:
        for term, _score, _index in process.extract(
            word, vocabulary, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF, limit=8
        ):
            if term != word:
                variants.append(term)
    return variants


def _phrase_spellings(options: list[list[str]]) -> list[tuple[str, ...]]:
    """Each word's spellings combined, the farthest spellings of the words with the most
    dropped until at most _PHRASE_SPELLINGS combinations are left (the query's own first)."""
    options = [list(o) for o in options]
    while math.prod(len(o) for o in options) > _PHRASE_SPELLINGS:
        max(options, key=len).pop()
    return list(itertools.product(*options))


# Straight, typographic and Russian quotation marks; each opening mark with its closing ones.
_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»|„([^“”]*)[“”]|“([^”]*)”')


@dataclass(frozen=True)
class AskedFor:
    """A query taken apart: single words, and phrases (each its words in order), all folded."""

    words: list[str]
    phrases: list[tuple[str, ...]]


def parse_query(query: str) -> AskedFor:
    phrases: list[tuple[str, ...]] = []
    for match in _PHRASE.finditer(query):
        inside = next(group for group in match.groups() if group is not None)
        folded = tuple(w for _, _, w in names.words_with_offsets(inside) if w)
        if folded:
            phrases.append(folded)
    rest = _PHRASE.sub(" ", query)
    words = [w for _, _, w in names.words_with_offsets(rest) if w]
    return AskedFor(words=words, phrases=phrases)


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


def snippet(
    original: str, wanted: list[set[str]], phrases: list[tuple[str, ...]] | None = None
) -> str:
    """An extract of the original around the first phrase, else the first matching word,
    marked [like this].

    ``wanted`` lists sets of folded words by priority: the query's own words before aliases.
    """
    match = _first_match(original, wanted, phrases or [])
    if match is not None:
        start, end = match
        left = max(0, start - SNIPPET_CHARS)
        right = min(len(original), end + SNIPPET_CHARS)
        text_before = original[left:start].split(None, 1)[-1] if left else original[:start]
        body = f"{text_before}[{original[start:end]}]{original[end:right]}"
        body = " ".join(body.split())
        return ("…" if left else "") + body + ("…" if right < len(original) else "")
    return " ".join(original[: 2 * SNIPPET_CHARS].split())


def _first_match(
    original: str, wanted: list[set[str]], phrases: list[tuple[str, ...]]
) -> tuple[int, int] | None:
    """Where the first phrase is, else the first word of the highest priority. Words are
    folded one at a time, and only until what is looked for is found: folding a whole page
    for each hit was a fifth of a search's time."""
    recent: deque[tuple[int, int, str]] = deque(maxlen=max(map(len, phrases), default=1))
    best: tuple[int, tuple[int, int]] | None = None  # (priority, span)
    for start, end, folded in names.iter_words_with_offsets(original):
        recent.append((start, end, folded))
        for phrase in phrases:
            if len(recent) >= len(phrase) and all(
                recent[len(recent) - len(phrase) + i][2] == word for i, word in enumerate(phrase)
            ):
                return recent[len(recent) - len(phrase)][0], end
        for priority, group in enumerate(wanted):
            if best is not None and priority >= best[0]:
                break
            if folded in group:
                best = (priority, (start, end))
                break
        if best is not None and best[0] == 0 and not phrases:
            break
    return best[1] if best is not None else None
