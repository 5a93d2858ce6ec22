"""Exact BM25 on plain PostgreSQL: tables and functions shared by every searchable model.

Statistics live beside the data and are changed by triggers inside the writing transaction, so
a committed write is searchable at once and a rolled-back one never was:
  search_stats    idx -> n_docs, total_len       (live documents only: soft-deleted don't count)
  search_term     (idx, term) -> id, df
  search_posting  (term_id, scope, doc) -> tf, dl, plus an "impact" index ordered by
                  (tf desc, dl) so a term's best documents are read first (see search_term_top)
Every writer updates the stats row first; that row lock orders writers, so two transactions
never lock term rows in opposite orders (no deadlocks), at the price of serialising writes.
"""

K1, B = 1.2, 0.75

# Contribution of one posting: idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / avgdl)).
# float8 literals: a bare 0.75 is numeric, and numeric arithmetic per posting is slow.
CONTRIB = (
    "{idf} * {tf} * 2.2::float8"
    " / ({tf} + 1.2::float8 * (0.25::float8 + 0.75::float8 * {dl} / {avgdl}))"
)

TABLES = """
CREATE OR REPLACE FUNCTION search_tokens(t text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT x FROM regexp_split_to_table(lower(coalesce(t, '')), '[^[:alnum:]]+') AS x WHERE x <> ''
$$;
CREATE TABLE IF NOT EXISTS search_stats (
  idx text PRIMARY KEY, n_docs bigint NOT NULL DEFAULT 0, total_len bigint NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS search_term (
  id serial PRIMARY KEY, idx text NOT NULL, term text NOT NULL, df bigint NOT NULL DEFAULT 0,
  UNIQUE (idx, term));
CREATE TABLE IF NOT EXISTS search_posting (
  term_id int NOT NULL, scope bigint NOT NULL, doc uuid NOT NULL, tf float8 NOT NULL,
  dl int NOT NULL, PRIMARY KEY (term_id, scope, doc));
CREATE INDEX IF NOT EXISTS search_posting_impact
  ON search_posting (term_id, scope, tf DESC, dl) INCLUDE (doc);
DO $$ BEGIN
  CREATE TYPE search_doc AS (doc uuid, scope bigint, fields text[]);
  CREATE TYPE search_tf AS (term text, scope bigint, doc uuid, tf float8, dl int);
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
"""

APPLY = """
CREATE OR REPLACE FUNCTION search_doc_terms(p_weights float8[], p_docs search_doc[])
RETURNS SETOF search_tf LANGUAGE sql STABLE AS $$
  WITH toks AS (
    SELECT d.doc, d.scope, tok AS term, p_weights[f.i] AS w
    FROM unnest(p_docs) d, unnest(d.fields) WITH ORDINALITY f(txt, i), search_tokens(f.txt) tok
  ), lens AS (SELECT doc, count(*)::int AS dl FROM toks GROUP BY doc)
  SELECT t.term, t.scope, t.doc, t.tf, l.dl
    FROM (SELECT doc, scope, term, sum(w) AS tf FROM toks GROUP BY doc, scope, term) t
    JOIN lens l USING (doc)
$$;

CREATE OR REPLACE FUNCTION search_apply(p_idx text, p_weights float8[], p_docs search_doc[],
                                        p_sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_rows search_tf[];
  v_len bigint;
BEGIN
  IF coalesce(cardinality(p_docs), 0) = 0 THEN RETURN; END IF;
  v_rows := ARRAY(SELECT r FROM search_doc_terms(p_weights, p_docs) r ORDER BY r.term);
  SELECT coalesce(sum(dl), 0) INTO v_len FROM (SELECT DISTINCT r.doc, r.dl FROM unnest(v_rows) r) d;
  -- First lock: the stats row (see the module docstring).
  UPDATE search_stats SET n_docs = n_docs + p_sign * cardinality(p_docs),
                          total_len = total_len + p_sign * v_len
   WHERE idx = p_idx;
  IF cardinality(v_rows) = 0 THEN RETURN; END IF;
  INSERT INTO search_term (idx, term)
    SELECT DISTINCT p_idx, r.term FROM unnest(v_rows) r ORDER BY 2 ON CONFLICT DO NOTHING;
  UPDATE search_term t SET df = t.df + p_sign * c.n
    FROM (SELECT r.term, count(*) AS n FROM unnest(v_rows) r GROUP BY r.term ORDER BY 1) c
   WHERE t.idx = p_idx AND t.term = c.term;
  IF p_sign > 0 THEN
    INSERT INTO search_posting (term_id, scope, doc, tf, dl)
      SELECT t.id, r.scope, r.doc, r.tf, r.dl
        FROM unnest(v_rows) r JOIN search_term t ON t.idx = p_idx AND t.term = r.term;
  ELSE
    DELETE FROM search_posting p USING unnest(v_rows) r, search_term t
     WHERE t.idx = p_idx AND t.term = r.term
       AND p.term_id = t.id AND p.scope = r.scope AND p.doc = r.doc;
  END IF;
END $$;
"""

# One term's best `p_depth` postings in a scope. Contribution grows with tf and shrinks with dl,
# so within one tf value the shortest documents are best: a loose index scan finds the distinct
# tf values (few: small integers, times field weights) and each is read in dl order. Exact for
# any avgdl, so nothing needs re-sorting as the collection changes.
TERM_TOP = f"""
CREATE OR REPLACE FUNCTION search_term_top(p_term int, p_scope bigint, p_depth int,
                                           p_idf float8, p_avgdl float8)
RETURNS TABLE(doc uuid, c float8) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH RECURSIVE tfs(tf) AS (
    (SELECT p.tf FROM search_posting p WHERE p.term_id = p_term AND p.scope = p_scope
      ORDER BY p.tf DESC LIMIT 1)
    UNION ALL
    SELECT (SELECT p.tf FROM search_posting p
             WHERE p.term_id = p_term AND p.scope = p_scope AND p.tf < tfs.tf
             ORDER BY p.tf DESC LIMIT 1)
      FROM tfs WHERE tfs.tf IS NOT NULL
  )
  SELECT x.doc, {CONTRIB.format(idf="p_idf", tf="tfs.tf", dl="x.dl", avgdl="p_avgdl")} AS c
    FROM tfs, LATERAL (
      SELECT p.doc, p.dl FROM search_posting p
       WHERE p.term_id = p_term AND p.scope = p_scope AND p.tf = tfs.tf
       ORDER BY p.dl LIMIT p_depth) x
   WHERE tfs.tf IS NOT NULL
   ORDER BY c DESC, x.doc LIMIT p_depth;
END $$;
"""
