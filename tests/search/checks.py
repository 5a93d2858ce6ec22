"""Assertions shared by the backend tests: exact scores and a tie-aware top-k."""

from app.search.query import parse
from app.search.reference import ReferenceBM25, check_topk
from app.tasks.models import Task

REL = 1e-9


def ranking_problems(ref: ReferenceBM25, owner, q: str, k: int = 10, **filters) -> list[str]:
    query = parse(q)
    hits = Task.search.bm25(query, owner=owner, **filters).hits(k)
    pool = Task.objects.filter(owner=owner, **filters).values_list("pk", flat=True)
    expected = ref.search(query.terms, keys=list(pool))
    problems = check_topk(hits, expected, k, rel=REL)
    for pk, score in hits:
        want = ref.score(pk, query.terms)
        if abs(score - want) > REL * max(abs(want), 1e-300):
            problems.append(f"{q!r}: {pk} scored {score!r}, reference {want!r}")
    return [f"{q!r}: {p}" for p in problems]


def assert_exact(ref: ReferenceBM25, owners, queries, k: int = 10, **filters) -> int:
    problems, checked = [], 0
    for owner in owners:
        for q in queries:
            problems += ranking_problems(ref, owner, q, k, **filters)
            checked += 1
    assert not problems, "\n".join(problems[:20])
    return checked
