"""Search latency at an organisation's scale: p50/p95 by kind of query, against an in-memory scan.

Texts mix English, Russian and Kyrgyz words; names are written in several romanisations and in
Cyrillic; a phrase ("Pervomaisky District Court") appears whole in a few texts while its words
are everywhere. The first 200 texts are imported as documents the way a user imports them; the
rest are indexed as further pages of those documents (written to the index as import writes a
page), so that building 100,000 texts takes minutes, not hours.

The reference, in the same run: a scan of the same folded texts in memory for the same words
(a phrase: the same words in a row) — what search would cost with no index at all.
Usage: python bench/search.py [number of texts, default 100000]
"""

from __future__ import annotations

import cProfile
import os
import pstats
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from sqlalchemy import insert, text

from dossier import names, search
from dossier.search import Searcher
from dossier.services.documents import import_files
from dossier.services.people import add_person
from storage.keys import KdfParams
from storage.models import DocumentPage
from storage.vault import Vault

IMPORTED = 200
# One person in many spellings: the app's search must find each from any other.
NAMES = ["Duulatov", "Dulatov", "Дуулатов", "Tukhvatshin", "Tuhvatshin", "Тухватшин",
         "Temirov", "Темиров", "Aleksandrov", "Alexandrov", "Александров", "Torobaev",
         "Торобаев", "Baimurzaeva", "Erkebaeva", "Sadygalieva", "Bekbolayeva", "Бекболаева",
         "Mukhammedkarim", "Мухаммедкарим", "Өмүрбеков", "Жаңыл", "Қасымов"]  # fmt: skip
_WORD_LIST = ("court ruling extremist journalist outlet capital prosecutor appeal hearing witness "
         "search detained charges unrest notice request rejected statement organisation rights "
         "liquidation supreme district investigation committee security national media freedom "
         "expression pervomaisky суд решение журналист прокурор обыск задержан свобода слова "
         "медиа ликвидация соттун өкүмү журналисттер")  # fmt: skip
WORDS = _WORD_LIST.split()
PHRASE = "Pervomaisky District Court"
QUERIES = {
    "word, common": ["court", "journalist", "прокурор", "liquidation"],
    "words, common": ["extremist ruling", "prosecutor appeal", "national security committee"],
    "name, any spelling": [
        "Dulatov",
        "Тухватшин",
        "Aleksandrov",
        "Bekbolaeva",
        "Omurbekov",
        "Mukhammedkarim",
    ],
    "word, rare (ranked)": ["77777", "Report 4242"],
    "phrase": [f'"{PHRASE}"', '"national security committee"', '"свобода слова"'],
}


def make_texts(count: int) -> Iterator[str]:
    """The same texts at every call, made one at a time (100,000 would hold 150 MB)."""
    rng = random.Random(11)
    for index in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(80, 240))]
        for _ in range(2):
            words.insert(rng.randrange(len(words)), rng.choice(NAMES))
        if index % 50 == 0:  # 2 %: the phrase itself; its words are in every text
            words.insert(rng.randrange(len(words)), PHRASE)
        yield f"Report {index}. " + " ".join(words)


def scan(folded_texts: list[str], query: str) -> int:
    """The reference: every text read for the query's folded words (a phrase: in a row)."""
    if query.startswith('"'):
        phrase = re.compile(r"\b" + re.escape(names.fold(query.strip('"'))) + r"\b")
        return sum(1 for text in folded_texts if phrase.search(text))
    wanted = names.fold(query).split()
    return sum(all(word in text for word in wanted) for text in folded_texts)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    texts = make_texts(count)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
        folder = Path(scratch) / "texts"
        folder.mkdir()
        for index, body in enumerate(islice(texts, IMPORTED)):
            (folder / f"report-{index:05d}.txt").write_text(body, encoding="utf-8")
        with Vault.create(Path(scratch) / "vault", "bench", kdf=KdfParams.floor()) as vault:
            add_person(vault, "Zhoomart Duulatov", native_name="Жоомарт Дуулатов")
            start = time.perf_counter()
            report = import_files(vault, [folder], kind="news-article")
            with vault.session() as session:
                document_ids = [int(i) for i in session.scalars(text("SELECT id FROM documents"))]
            assert len(report.imported) == len(document_ids) == min(count, IMPORTED)
            for begin in range(IMPORTED, count, 5_000):
                with vault.transaction() as session:
                    pages = []
                    for index in range(begin, min(count, begin + 5_000)):
                        document = document_ids[index % len(document_ids)]
                        body = next(texts)
                        # As an import stores a page: its text, and its words in the index.
                        pages.append({"document_id": document, "page": 2 + index, "text": body})
                        search.index_text(session, "document", document, 2 + index, body)
                    session.execute(insert(DocumentPage), pages)
            building = time.perf_counter() - start
            size = sum(f.stat().st_size for f in vault.folder.glob("vault.db*")) / 2**20
            searcher = Searcher(vault)
            searcher.search("warm up")  # loads the vocabulary once, as a session would
            ours: dict[str, list[float]] = {kind: [] for kind in QUERIES}
            hits: dict[str, str] = {}
            slowest: dict[str, float] = {}
            profile = cProfile.Profile() if os.environ.get("BENCH_PROFILE") else None
            for _ in range(5):
                for kind, queries in QUERIES.items():
                    for query in queries:
                        begin_at = time.perf_counter()
                        if profile:
                            profile.enable()
                        found = searcher.find(query)
                        if profile:
                            profile.disable()
                        ours[kind].append((time.perf_counter() - begin_at) * 1000)
                        slowest[query] = max(slowest.get(query, 0.0), ours[kind][-1])
                        hits[query] = f"{len(found.hits)}{'+' if found.many else ''}"
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    folded = [names.fold(text) for text in make_texts(count)]
    scans: list[float] = []
    for queries in QUERIES.values():
        for query in queries:
            begin_at = time.perf_counter()
            scan(folded, query)
            scans.append((time.perf_counter() - begin_at) * 1000)
    every = [value for values in ours.values() for value in values]
    print(f"texts:                {count} ({IMPORTED} imported, the rest indexed as their pages)")
    print(f"index built in:       {building:8.1f} s; database {size:.0f} MB")
    for kind, values in ours.items():
        print(f"  {kind:20s} p50 {statistics.median(values):7.2f} ms   "
              f"p95 {percentile(values, 0.95):7.2f} ms")  # fmt: skip
    worst = sorted(slowest.items(), key=lambda item: -item[1])[:3]
    print("slowest queries:      " + ", ".join(f"{q} {ms:.1f} ms" for q, ms in worst))
    print(f"search p50:           {statistics.median(every):8.2f} ms")
    print(f"search p95:           {percentile(every, 0.95):8.2f} ms (target < 50 ms)")
    print(f"in-memory scan p50:   {statistics.median(scans):8.2f} ms (already folded)")
    print(f"scan / search p50:    {statistics.median(scans) / statistics.median(every):8.2f}× "
          "(target ≥ 3)")  # fmt: skip
    print(f"peak RSS:             {rss:8.1f} MB while searching (target < 500 MB)")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    print(
        "hits (+: over 1,000 match, the newest shown): "
        + ", ".join(f"{q} {n}" for q, n in hits.items())
    )


if __name__ == "__main__":
    main()
