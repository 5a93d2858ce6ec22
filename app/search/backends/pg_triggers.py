"""Per-model triggers on PostgreSQL, generated from the model's Searchable declaration.

Statement-level with transition tables: one call per statement, so a 5,000-row bulk insert or
COPY updates the statistics once, not 5,000 times. An UPDATE re-indexes only rows whose indexed
text, scope or visibility changed. Every statement also bumps the per-scope version that keys
the result cache (that part alone is installed for the ParadeDB backend).
"""

from app.search.declaration import SearchSpec


def _docs(spec: SearchSpec, alias: str, where: str) -> str:
    fields = ", ".join(f"{alias}.{spec.column(f)}::text" for f in spec.fields)
    scope = f"coalesce({alias}.{spec.scope_column}, 0)" if spec.scope else "0"
    return (
        f"(SELECT array_agg(ROW({alias}.{spec.pk_column}, {scope}, ARRAY[{fields}])::search_doc)"
        f" {where})"
    )


def _alive(spec: SearchSpec, alias: str) -> str:
    return f"{alias}.{spec.soft_delete} IS NULL" if spec.soft_delete else "TRUE"


def _bump(spec: SearchSpec, sources: list[str]) -> str:
    scope = spec.scope_column or "0"
    union = " UNION ".join(f"SELECT {scope}::bigint AS s FROM {src}" for src in sources)
    return (
        f"INSERT INTO search_version (idx, scope, version) "
        f"SELECT DISTINCT '{spec.name}', coalesce(s, 0), 1 FROM ({union}) u ORDER BY 2 "
        f"ON CONFLICT (idx, scope) DO UPDATE SET version = search_version.version + 1;"
    )


def trigger_sql(spec: SearchSpec, *, exact: bool) -> list[str]:
    s, t, w = spec.slug, spec.table, f"ARRAY{spec.weights}::float8[]"
    key = spec.pk_column
    watched = [spec.column(f) for f in spec.fields] + ([spec.scope_column] if spec.scope else [])
    old_row = "ROW(" + ", ".join(f"o.{c}" for c in watched) + ")"
    new_row = "ROW(" + ", ".join(f"n.{c}" for c in watched) + ")"
    changed = f"{old_row} IS DISTINCT FROM {new_row}"
    join = f"FROM old_rows o JOIN new_rows n ON n.{key} = o.{key}"
    alive_o, alive_n = _alive(spec, "o"), _alive(spec, "n")
    # Leaving the index: was visible, and is now hidden or changed. Entering: the mirror image.
    gone = _docs(spec, "o", f"{join} WHERE {alive_o} AND (NOT {alive_n} OR {changed})")
    came = _docs(spec, "n", f"{join} WHERE {alive_n} AND (NOT {alive_o} OR {changed})")
    bodies = {
        "ins": [
            f"PERFORM search_apply('{spec.name}', {w}, "
            f"{_docs(spec, 'n', 'FROM new_rows n WHERE ' + _alive(spec, 'n'))}, 1);",
            _bump(spec, ["new_rows"]),
        ],
        "del": [
            f"PERFORM search_apply('{spec.name}', {w}, "
            f"{_docs(spec, 'o', 'FROM old_rows o WHERE ' + _alive(spec, 'o'))}, -1);",
            _bump(spec, ["old_rows"]),
        ],
        "upd": [
            f"PERFORM search_apply('{spec.name}', {w}, {gone}, -1);",
            f"PERFORM search_apply('{spec.name}', {w}, {came}, 1);",
            _bump(spec, ["old_rows", "new_rows"]),
        ],
        "trunc": [
            f"DELETE FROM search_posting WHERE term_id IN "
            f"(SELECT id FROM search_term WHERE idx = '{spec.name}');",
            f"DELETE FROM search_term WHERE idx = '{spec.name}';",
            f"UPDATE search_stats SET n_docs = 0, total_len = 0 WHERE idx = '{spec.name}';",
            f"UPDATE search_version SET version = version + 1 WHERE idx = '{spec.name}';",
        ],
    }
    events = {
        "ins": "AFTER INSERT ON {t} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT",
        "del": "AFTER DELETE ON {t} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT",
        "upd": "AFTER UPDATE ON {t} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
        "FOR EACH STATEMENT",
        "trunc": "AFTER TRUNCATE ON {t} FOR EACH STATEMENT",
    }
    sql = [
        f"INSERT INTO search_stats (idx) VALUES ('{spec.name}') ON CONFLICT DO NOTHING;"
        if exact
        else "SELECT 1;"
    ]
    for event, body in bodies.items():
        if not exact:
            body = [line for line in body if "search_apply" not in line and "search_" in line]
            if event == "trunc":
                body = body[-1:]
        fn = f"search_trg_{s}_{event}"
        sql.append(
            f"CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n  " + "\n  ".join(body) + "\n  RETURN NULL;\nEND $$;"
        )
        sql.append(f"DROP TRIGGER IF EXISTS search_{event} ON {t};")
        sql.append(
            f"CREATE TRIGGER search_{event} {events[event].format(t=t)} EXECUTE FUNCTION {fn}();"
        )
    return sql


def drop_sql(spec: SearchSpec) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS search_{e} ON {spec.table};"
        for e in ("ins", "del", "upd", "trunc")
    ]
