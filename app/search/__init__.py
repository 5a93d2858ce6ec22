"""Full-text BM25 search behind one API, on ParadeDB, plain PostgreSQL or SQLite FTS5.

A model opts in by declaring what is searchable (see `Searchable`); then
`Model.search.bm25("overdue invoice", scope=user)[:20]` returns objects carrying `score`
and `snippet`. Callers never write backend SQL.
"""

from app.search.declaration import Searchable

__all__ = ["Searchable"]
