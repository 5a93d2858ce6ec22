"""The query language: words (OR, ranked), "quoted phrases" (required), -excluded words.

Parsing never fails on odd syntax (an unbalanced quote closes at the end, a lone `-` or `""`
means nothing); it fails only on input no one types by accident: control characters, an
over-long query or too many terms. Those raise QueryError naming the parameter, which the API
turns into a 400; everything else yields a ParsedQuery, possibly empty (an empty result).
"""

import re
from dataclasses import dataclass

from app.search.tokenize import tokens

MAX_QUERY_CHARS = 500
MAX_TERMS = 16  # positive terms: bounds the work any one query can ask of a backend
MAX_EXCLUDED = 8
_PART = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class QueryError(ValueError):
    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        """Every positive term, words first, each once: what BM25 scores."""
        seen: dict[str, None] = dict.fromkeys(self.words)
        for phrase in self.phrases:
            seen.update(dict.fromkeys(phrase))
        return tuple(t for t in seen if t not in self.excluded)

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def normalized(self) -> str:
        """A canonical form: equal for queries that must return equal results (cache key)."""
        phrases = sorted(" ".join(p) for p in self.phrases)
        return "|".join(
            [
                " ".join(sorted(set(self.words))),
                ",".join(phrases),
                " ".join(sorted(set(self.excluded))),
            ]
        )


def parse(raw: str, *, param: str = "q") -> ParsedQuery:
    if not isinstance(raw, str):
        raise QueryError(param, "must be text")
    if len(raw) > MAX_QUERY_CHARS:
        raise QueryError(param, f"must be at most {MAX_QUERY_CHARS} characters")
    if _CONTROL.search(raw):
        raise QueryError(param, "must not contain control characters")
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    excluded: list[str] = []
    for match in _PART.finditer(raw):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            if negated:
                continue  # excluded phrases are not supported; dropping beats guessing
            phrase = tuple(tokens(quoted))
            if len(phrase) == 1:
                phrases.append(phrase)  # a quoted single word is required, like a phrase
            elif phrase:
                phrases.append(phrase)
        elif bare.startswith("-") and len(bare) > 1:
            excluded.extend(tokens(bare[1:]))
        else:
            words.extend(tokens(bare))
    query = ParsedQuery(
        words=tuple(dict.fromkeys(words)),
        phrases=tuple(dict.fromkeys(phrases)),
        excluded=tuple(dict.fromkeys(excluded)),
    )
    if len(query.terms) > MAX_TERMS:
        raise QueryError(param, f"must have at most {MAX_TERMS} search terms")
    if len(query.excluded) > MAX_EXCLUDED:
        raise QueryError(param, f"must have at most {MAX_EXCLUDED} excluded terms")
    return query
