"""A pure-Python BM25 the backends are checked against; slow on purpose (obviously right).

Scoring, shared by every backend (FTS5's bm25() defines it; we hold the others to it):
  tf(t, d)  = sum over fields of weight(field) * occurrences of t in that field
  dl(d)     = number of tokens in all fields (unweighted);  avgdl = total dl / N
  score     = sum over query terms t of
              idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl))
idf variants: "lucene" ln(1 + (N - n + 0.5)/(n + 0.5)) (plain PostgreSQL, tantivy) and
"fts5" ln((N - n + 0.5)/(n + 0.5)) floored at 1e-6 (SQLite). N and n count live documents.
"""

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence

from app.search.tokenize import tokens

K1, B = 1.2, 0.75


def idf(n_docs: int, df: int, variant: str = "lucene") -> float:
    if variant == "lucene":
        return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
    if variant == "fts5":
        value = math.log((n_docs - df + 0.5) / (df + 0.5))
        return value if value > 0 else 1e-6
    raise ValueError(variant)


class ReferenceBM25:
    def __init__(
        self,
        docs: Iterable[tuple[object, Sequence[str]]],
        weights: Sequence[float],
        *,
        variant: str = "lucene",
        k1: float = K1,
        b: float = B,
    ) -> None:
        self.variant, self.k1, self.b = variant, k1, b
        self.tf: dict[object, dict[str, float]] = {}
        self.dl: dict[object, int] = {}
        for key, fields in docs:
            counts: dict[str, float] = {}
            length = 0
            for weight, text in zip(weights, fields, strict=True):
                toks = tokens(text)
                length += len(toks)
                for tok in toks:
                    counts[tok] = counts.get(tok, 0.0) + weight
            self.tf[key], self.dl[key] = counts, length
        self.n = len(self.tf)
        self.avgdl = sum(self.dl.values()) / self.n if self.n else 0.0
        self.df: Counter[str] = Counter()
        for counts in self.tf.values():
            self.df.update(counts.keys())

    def score(self, key: object, terms: Sequence[str]) -> float:
        total = 0.0
        counts, dl = self.tf[key], self.dl[key]
        for term in dict.fromkeys(terms):
            tf = counts.get(term, 0)
            if tf:
                norm = tf + self.k1 * (1 - self.b + self.b * dl / self.avgdl)
                total += idf(self.n, self.df[term], self.variant) * tf * (self.k1 + 1) / norm
        return total

    def search(
        self, terms: Sequence[str], *, keys: Iterable[object] | None = None
    ) -> list[tuple[object, float]]:
        """Every matching document (of `keys` if given) with its score, best first."""
        pool = self.tf.keys() if keys is None else keys
        hits = [(k, self.score(k, terms)) for k in pool if any(t in self.tf[k] for t in terms)]
        return sorted(hits, key=lambda h: -h[1])


def check_topk(
    returned: Sequence[tuple[object, float]],
    reference: Sequence[tuple[object, float]],
    k: int,
    *,
    rel: float = 1e-9,
) -> list[str]:
    """Tie-aware top-k check; returns the problems found (empty: the ranking is right).

    Returned documents may be any of several tied at the k-th place, so each one's reference
    score must reach the reference k-th best (minus tolerance); the list must not be shorter
    than min(k, matches); scores must not increase down the list.
    """
    problems = []
    ref = dict(reference)
    expected = min(k, len(reference))
    if len(returned) != expected:
        problems.append(f"returned {len(returned)} hits, expected {expected}")
    if not reference:
        return problems
    kth = reference[expected - 1][1]
    tolerance = rel * max(1.0, abs(kth))
    for key, _ in returned:
        if key not in ref:
            problems.append(f"{key} does not match the query")
        elif ref[key] < kth - tolerance:
            problems.append(f"{key} scores {ref[key]} below the k-th best {kth}")
    for (a, sa), (b, sb) in itertools.pairwise(returned):
        if sb > sa + rel * max(1.0, abs(sa)):
            problems.append(f"scores increase down the list at {a} -> {b}")
    return problems
