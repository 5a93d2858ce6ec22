"""Seeded corpora for ranking tests: Zipf-like word draws, so some words are in most documents
(FTS5's idf floor applies to them), some in few, and term frequencies above 1 are common."""

import random

from app.search.reference import ReferenceBM25
from app.tasks.models import Task

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "su", "do", "fa"]


def vocabulary(size: int = 150, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choices(SYLLABLES, k=rng.randint(2, 3)))] = None
    return list(words)


def texts(n: int, *, seed: int = 1, vocab: list[str] | None = None) -> list[tuple[str, str]]:
    vocab = vocab or vocabulary()
    rng = random.Random(seed)
    weights = [1 / (i + 1) ** 1.1 for i in range(len(vocab))]
    out = []
    for _ in range(n):
        title = " ".join(rng.choices(vocab, weights, k=rng.randint(1, 6)))
        # Some punctuation and case, which every tokenizer must see past the same way.
        words = rng.choices(vocab, weights, k=rng.randint(0, 40))
        description = ", ".join(
            " ".join(words[i : i + 5]).capitalize() for i in range(0, len(words), 5)
        )
        out.append((title.capitalize()[:200], description))
    return out


def load(owners: list, n: int, *, seed: int = 1) -> list[Task]:
    """Tasks spread over owners, in one multi-row INSERT (statement triggers see them at once)."""
    rng = random.Random(seed)
    tasks = [
        Task(
            owner=rng.choice(owners),
            title=t,
            description=d,
            status=rng.choice(["todo", "in_progress", "done"]),
        )
        for t, d in texts(n, seed=seed)
    ]
    return Task.objects.bulk_create(tasks)


def reference(variant: str) -> ReferenceBM25:
    """BM25 over every live task (statistics are per index, not per owner)."""
    spec = Task.search.spec
    docs = [(t.pk, [getattr(t, f) for f in spec.fields]) for t in Task.objects.all()]
    return ReferenceBM25(docs, spec.weights, variant=variant)


def queries(count: int = 30, *, seed: int = 3) -> list[str]:
    vocab = vocabulary()
    rng = random.Random(seed)
    # Common words (head of the Zipf curve), rare ones (tail) and mixtures, 1 to 4 words.
    pools = [vocab[:5], vocab[5:40], vocab[40:], vocab]
    return [" ".join(rng.sample(rng.choice(pools), rng.randint(1, 4))) for _ in range(count)]
