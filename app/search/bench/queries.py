"""The benchmark's fixed query mix, drawn from the corpus vocabulary by frequency rank.

common: the 100 most frequent words (long postings lists: where p95 comes from); mid: ranks
100-2,000; rare: ranks 2,000-20,000. Half the queries have one word, half 2-4 words mixing
classes. The same seed gives the same queries to every backend.
"""

import random

CLASSES = {"common": (0, 100), "mid": (100, 2000), "rare": (2000, 20000)}


def query_mix(vocabulary: list[str], count: int = 200, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, query) pairs; kind names the word classes used, e.g. "common" or "common+rare"."""
    rng = random.Random(seed)

    def word(kind: str) -> str:
        lo, hi = CLASSES[kind]
        return vocabulary[rng.randrange(lo, min(hi, len(vocabulary)))]

    out = []
    for i in range(count):
        if i % 2 == 0:
            kinds = [rng.choice(["common", "common", "mid", "rare", "rare"])]
        else:
            kinds = [rng.choice(list(CLASSES)) for _ in range(rng.randint(2, 4))]
        words = list(dict.fromkeys(word(k) for k in kinds))
        out.append(("+".join(sorted(set(kinds))), " ".join(words)))
    return out
