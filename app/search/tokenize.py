"""The one tokenizer every backend agrees on: maximal runs of letters and digits, lowercased.

PostgreSQL splits on `[^[:alnum:]]+` (search_tokens() in the migration), FTS5's unicode61
tokenizer does the same, and tantivy's default tokenizer nearly so; no stemming, no stop words
(ParadeDB's default `unicode_words` does neither). Keeping them equal is what lets one
pure-Python reference check all backends exactly.
"""

import re

_TOKEN = re.compile(r"[^\W_]+")
MAX_TOKEN_LEN = 64


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall((text or "").lower())
