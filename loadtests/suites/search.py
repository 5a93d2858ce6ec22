"""Search: BM25 queries drawn from the user's own corpus — rare and common words, 1-4 words,
phrases — by logged-in users, so results are scoped to their tasks."""

from __future__ import annotations

import os
import random
import re
from collections import Counter

from locust import task

from loadtests.suites.pacing import poisson_throughput
from loadtests.suites.session import LoggedInUser

_WORD = re.compile(r"[a-z]{3,}")


class Vocabulary:
    def __init__(self, tasks: list[dict]) -> None:
        docs = [f"{t['title']} {t.get('description', '')}".lower() for t in tasks]
        df = Counter(w for doc in docs for w in set(_WORD.findall(doc)))
        ranked = [w for w, _ in df.most_common()]
        self.common = ranked[: max(1, len(ranked) // 10)]
        self.rare = [w for w in ranked if df[w] <= 2] or ranked[-max(1, len(ranked) // 10) :]
        self.words = ranked
        # Phrases come from one field (a description), so they never span title and body.
        self.docs = [_WORD.findall(t.get("description", "").lower()) for t in tasks]

    def phrase(self, rng: random.Random) -> str:
        doc = rng.choice([d for d in self.docs if len(d) >= 3] or [self.words])
        start = rng.randrange(0, max(1, len(doc) - 2))
        return '"' + " ".join(doc[start : start + rng.randint(2, 3)]) + '"'


class SearchUser(LoggedInUser):
    """Only active when the search API exists on the target (the locustfile checks)."""

    wait_time = poisson_throughput(1)
    ids_wanted = 100
    vocabulary: Vocabulary | None = None

    def on_start(self) -> None:
        super().on_start()
        self.vocabulary = Vocabulary(self.own_tasks)

    def search(self, q: str, name: str, must_find: bool = True) -> None:
        """Every query here uses words of the user's own tasks, so an empty result is a bug
        (the index missed a document) — except a 2-4 word mix, which is ranked OR anyway."""
        if not self.vocabulary or not self.vocabulary.words:
            return
        limit = os.environ.get("LOADTEST_SEARCH_LIMIT", "10")
        with self.client.get(
            "/api/v1/search", params={"q": q, "limit": limit}, name=name, catch_response=True
        ) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code} for q={q!r}")
            elif not isinstance(r.json().get("data"), list):
                r.failure(f"no result list for q={q!r}")
            elif must_find and not r.json()["data"]:
                r.failure(f"no results for q={q!r}, words of the user's own tasks")

    @task(3)
    def rare_word(self) -> None:
        if self.vocabulary:
            self.search(self.rng.choice(self.vocabulary.rare), "search rare word")

    @task(3)
    def common_word(self) -> None:
        if self.vocabulary:
            self.search(self.rng.choice(self.vocabulary.common), "search common word")

    @task(3)
    def several_words(self) -> None:
        if self.vocabulary:
            words = self.rng.sample(
                self.vocabulary.words, min(len(self.vocabulary.words), self.rng.randint(2, 4))
            )
            self.search(" ".join(words), "search 2-4 words")

    @task(1)
    def phrase(self) -> None:
        if self.vocabulary:
            self.search(self.vocabulary.phrase(self.rng), "search phrase")
