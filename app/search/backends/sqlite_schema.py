"""SQLite FTS5: one FTS5 table per searchable model, kept in step by row triggers.

FTS5 keeps its own copy of the text (for snippets and exact statistics); a small map table
ties its integer rowid to the model's primary key and carries the scope, because Django's
tables have no stable integer key (VACUUM may renumber an implicit rowid). Soft-deleted rows are
removed from the index, so they count in no statistic; restoring re-inserts them.
"""

from app.search.declaration import SearchSpec

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS search_version (
  idx TEXT NOT NULL, scope INTEGER NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (idx, scope))
"""


def fts_table(spec: SearchSpec) -> str:
    return f"search_fts_{spec.slug}"


def map_table(spec: SearchSpec) -> str:
    return f"search_ftsmap_{spec.slug}"


def _bump(spec: SearchSpec, row: str) -> str:
    scope = f"coalesce({row}.{spec.scope_column}, 0)" if spec.scope else "0"
    return (
        f"INSERT INTO search_version (idx, scope, version) VALUES ('{spec.name}', {scope}, 1) "
        f"ON CONFLICT (idx, scope) DO UPDATE SET version = version + 1;"
    )


def _add(spec: SearchSpec, fts: str, mp: str) -> str:
    cols = ", ".join(spec.column(f) for f in spec.fields)
    vals = ", ".join(f"NEW.{spec.column(f)}" for f in spec.fields)
    scope = f"coalesce(NEW.{spec.scope_column}, 0)" if spec.scope else "0"
    alive = f"NEW.{spec.soft_delete} IS NULL" if spec.soft_delete else "1"
    return (
        f"INSERT INTO {mp} (doc, scope) SELECT NEW.{spec.pk_column}, {scope} WHERE {alive};\n"
        f"  INSERT INTO {fts} (rowid, {cols}) SELECT rowid, {vals} FROM {mp} "
        f"WHERE doc = NEW.{spec.pk_column} AND {alive};"
    )


def _remove(spec: SearchSpec, fts: str, mp: str) -> str:
    return (
        f"DELETE FROM {fts} WHERE rowid = "
        f"(SELECT rowid FROM {mp} WHERE doc = OLD.{spec.pk_column});\n"
        f"  DELETE FROM {mp} WHERE doc = OLD.{spec.pk_column};"
    )


def trigger_sql(spec: SearchSpec) -> list[str]:
    fts, mp, t, s = fts_table(spec), map_table(spec), spec.table, spec.slug
    cols = ", ".join(spec.column(f) for f in spec.fields)
    watched = [spec.column(f) for f in spec.fields] + ([spec.scope_column] if spec.scope else [])
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
    if spec.soft_delete:
        d = spec.soft_delete
        changed += f" OR (OLD.{d} IS NULL) <> (NEW.{d} IS NULL)"
    return [
        VERSION_TABLE,
        f"CREATE TABLE IF NOT EXISTS {mp} (rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL UNIQUE, "
        f"scope INTEGER NOT NULL)",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({cols}, "
        f"tokenize = 'unicode61 remove_diacritics 0')",
        *(f"DROP TRIGGER IF EXISTS search_{s}_{e}" for e in ("ai", "ad", "au", "av")),
        f"CREATE TRIGGER search_{s}_ai AFTER INSERT ON {t} BEGIN\n  {_add(spec, fts, mp)}\n"
        f"  {_bump(spec, 'NEW')}\nEND",
        f"CREATE TRIGGER search_{s}_ad AFTER DELETE ON {t} BEGIN\n  {_remove(spec, fts, mp)}\n"
        f"  {_bump(spec, 'OLD')}\nEND",
        f"CREATE TRIGGER search_{s}_au AFTER UPDATE ON {t} WHEN {changed} BEGIN\n"
        f"  {_remove(spec, fts, mp)}\n  {_add(spec, fts, mp)}\nEND",
        # Every update bumps the version (status changes alter filtered results too).
        f"CREATE TRIGGER search_{s}_av AFTER UPDATE ON {t} BEGIN\n  {_bump(spec, 'OLD')}\n"
        f"  {_bump(spec, 'NEW')}\nEND",
    ]


def rebuild_sql(spec: SearchSpec) -> list[str]:
    """Re-index every live row (for rows written before the triggers existed)."""
    fts, mp = fts_table(spec), map_table(spec)
    cols = ", ".join(spec.column(f) for f in spec.fields)
    src = ", ".join(f"t.{spec.column(f)}" for f in spec.fields)
    scope = f"coalesce(t.{spec.scope_column}, 0)" if spec.scope else "0"
    alive = f"t.{spec.soft_delete} IS NULL" if spec.soft_delete else "1"
    return [
        f"DELETE FROM {fts}",
        f"DELETE FROM {mp}",
        f"INSERT INTO {mp} (doc, scope) SELECT t.{spec.pk_column}, {scope} FROM {spec.table} t "
        f"WHERE {alive}",
        f"INSERT INTO {fts} (rowid, {cols}) SELECT m.rowid, {src} FROM {mp} m "
        f"JOIN {spec.table} t ON t.{spec.pk_column} = m.doc",
    ]
