"""A corpus of any size: the real Debian descriptions first, then synthetic documents whose
words are drawn Zipf-like (weight 1/rank) from the real vocabulary, with title and description
lengths drawn from the real ones. Document i is the same in every run and every backend: it is
generated from (seed, i's block) alone, so a corpus can grow from 10k to 1M without reloading.
"""

import random
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from itertools import accumulate
from pathlib import Path

from app.search.bench.debian import cached_descriptions
from app.search.tokenize import tokens

BLOCK = 1000
MAX_VOCAB = 50_000
MAX_DESCRIPTION_WORDS = 120  # keeps 1M documents within this machine's disk and time


class Corpus:
    def __init__(self, cache: Path, seed: int = 42) -> None:
        self.real = cached_descriptions(cache)
        self.seed = seed

    @cached_property
    def vocabulary(self) -> list[str]:
        """Words of the real corpus, most frequent first."""
        counts: Counter[str] = Counter()
        for title, description in self.real:
            counts.update(tokens(title))
            counts.update(tokens(description))
        return [w for w, _ in counts.most_common(MAX_VOCAB)]

    @cached_property
    def _cum_weights(self) -> list[float]:
        return list(accumulate(1 / (rank + 1) for rank in range(len(self.vocabulary))))

    @cached_property
    def _lengths(self) -> list[tuple[int, int]]:
        return [
            (max(1, len(tokens(t))), min(len(tokens(d)), MAX_DESCRIPTION_WORDS))
            for t, d in self.real
        ]

    def _block(self, block: int) -> list[tuple[str, str]]:
        rng = random.Random(self.seed * 1_000_003 + block)
        out = []
        for _ in range(BLOCK):
            n_title, n_desc = rng.choice(self._lengths)
            words = rng.choices(self.vocabulary, cum_weights=self._cum_weights, k=n_title + n_desc)
            title = " ".join(words[:n_title]).capitalize()
            out.append((title[:200], " ".join(words[n_title:])))
        return out

    def documents(self, start: int, stop: int) -> Iterator[tuple[str, str]]:
        """Documents start..stop-1: real ones first, synthetic after."""
        real = len(self.real)
        for i in range(start, min(stop, real)):
            yield self.real[i]
        i = max(start, real)
        while i < stop:
            block, offset = divmod(i - real, BLOCK)
            docs = self._block(block)[offset:]
            take = docs[: stop - i]
            yield from take
            i += len(take)
