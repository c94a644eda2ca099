"""Search latency over 10,000 documents: p50/p95, and the ratio to a linear scan.

The linear scan looks for the same folded query words in the same texts, in memory, in the
same run — what search would cost with no index at all.
Usage: python bench/search.py [number of documents, default 10000]
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from dossier import names
from dossier.search import Searcher
from dossier.services.documents import import_files
from dossier.services.people import add_person
from storage.keys import KdfParams
from storage.vault import Vault

SURNAMES = ["Duulatov", "Tukhvatshin", "Temirov", "Alexandrov", "Torobaev", "Baimurzaeva",
            "Erkebaeva", "Sadygalieva", "Bekbolayeva", "Mukhammedkarim"]  # fmt: skip
CYRILLIC = ["Дуулатов", "Тухватшин", "Темиров", "Александров", "Торобаев"]
WORDS = [
    "court",
    "ruling",
    "extremist",
    "journalist",
    "outlet",
    "capital",
    "prosecutor",
    "appeal",
    "hearing",
    "witness",
    "search",
    "detained",
    "charges",
    "unrest",
    "notice",
    "request",
    "rejected",
    "statement",
    "organisation",
    "rights",
    "liquidation",
    "supreme",
    "district",
    "investigation",
    "committee",
    "security",
    "national",
    "media",
    "freedom",
    "expression",
]
QUERIES = ["Dulatov", "Тухватшин", "Aleksandrov", "extremist ruling", "prosecutor appeal",
           "Temirov", "liquidation", "Mukhammedkarim", "national security committee",
           "Bekbolaeva"]  # fmt: skip


def make_texts(folder: Path, count: int) -> list[str]:
    rng = random.Random(11)
    texts = []
    for index in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(150, 450))]
        for _ in range(3):
            words.insert(rng.randrange(len(words)), rng.choice(SURNAMES + CYRILLIC))
        text = f"Report {index}. " + " ".join(words)
        (folder / f"report-{index:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def linear_scan(folded_texts: list[str], query: str) -> int:
    wanted = names.fold(query).split()
    return sum(all(word in text for word in wanted) for text in folded_texts)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as scratch:
        folder = Path(scratch) / "texts"
        folder.mkdir()
        texts = make_texts(folder, count)
        with Vault.create(Path(scratch) / "vault", "bench", kdf=KdfParams.floor()) as vault:
            add_person(vault, "Zhoomart Duulatov", native_name="Жоомарт Дуулатов")
            start = time.perf_counter()
            report = import_files(vault, [folder], kind="news-article")
            indexing = time.perf_counter() - start
            assert len(report.imported) == count
            searcher = Searcher(vault)
            searcher.search("warm up")  # loads the vocabulary once, as a session would
            ours: list[float] = []
            for _ in range(5):
                for query in QUERIES:
                    begin = time.perf_counter()
                    searcher.search(query)
                    ours.append((time.perf_counter() - begin) * 1000)
        folded = [names.fold(text) for text in texts]
        scans: list[float] = []
        for query in QUERIES:
            begin = time.perf_counter()
            linear_scan(folded, query)
            scans.append((time.perf_counter() - begin) * 1000)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"documents:            {count} (imported and indexed in {indexing:.1f} s)")
        print(f"search p50:           {statistics.median(ours):8.2f} ms")
        print(f"search p95:           {percentile(ours, 0.95):8.2f} ms (target < 50 ms)")
        print(
            f"linear scan p50:      {statistics.median(scans):8.2f} ms (already folded, in memory)"
        )
        print(f"ratio scan/search p50:{statistics.median(scans) / statistics.median(ours):8.2f}")
        print(f"peak RSS:             {rss:8.1f} MB")


if __name__ == "__main__":
    main()
