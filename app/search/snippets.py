"""Highlighted snippets, made in Python from the object's own fields, for every backend.

One implementation means one escaping rule: the text is HTML-escaped first, then matched words
are wrapped in <mark>; nothing from the document can inject markup.
"""

import re
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_WORD = re.compile(r"[^\W_]+")


def snippet(texts: Iterable[str], terms: Iterable[str], *, words: int = 24) -> SafeString:
    wanted = {t.lower() for t in terms}
    best, best_text = None, ""
    for text in texts:
        for match in _WORD.finditer(text or ""):
            if match.group().lower() in wanted:
                best, best_text = match, text
                break
        if best:
            break
    if best is None:
        first = next((t for t in texts if t), "") if not isinstance(texts, str) else texts
        return mark_safe(escape(" ".join(str(first).split()[:words])))  # noqa: S308
    spans = list(_WORD.finditer(best_text))
    index = next(i for i, m in enumerate(spans) if m.start() == best.start())
    lo = max(0, index - words // 3)
    hi = min(len(spans), lo + words)
    start, end = spans[lo].start(), spans[hi - 1].end()
    out, pos = [], start
    for m in spans[lo:hi]:
        out.append(escape(best_text[pos : m.start()]))
        word = escape(m.group())
        out.append(f"<mark>{word}</mark>" if m.group().lower() in wanted else word)
        pos = m.end()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(best_text.rstrip()) else ""
    return mark_safe(prefix + "".join(out) + suffix)  # noqa: S308  (escaped above)
