"""The exact BM25 scorer on plain PostgreSQL (PL/pgSQL).

search_topk: exact top-k without summing long postings lists (see TOPK for the argument):
thresholds per term turn "could this document reach the top k?" into index range scans.
search_all: every matching document's score; the path for filtered or phrase queries, joined
to the model's table, and the benchmark's check that search_topk loses nothing.
All scores are computed in float8 from the exact statistics (no stored, stale impacts).
"""

from app.search.backends.pg_schema import CONTRIB

_SCORE_P = CONTRIB.format(
    idf="p_idfs[array_position(p_ids, p.term_id)]", tf="p.tf", dl="p.dl", avgdl="p_avgdl"
)

PREPARE = """
DROP FUNCTION IF EXISTS search_prepare(text, text[], text[]);
CREATE OR REPLACE FUNCTION search_prepare(p_idx text, p_terms text[], p_excluded text[],
  OUT avgdl float8, OUT ids int[], OUT idfs float8[], OUT dfs bigint[], OUT excl int[])
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE v_n bigint; v_len bigint;
BEGIN
  SELECT s.n_docs, s.total_len INTO v_n, v_len FROM search_stats s WHERE s.idx = p_idx;
  IF coalesce(v_n, 0) = 0 THEN RETURN; END IF;
  avgdl := v_len::float8 / v_n;
  SELECT array_agg(t.id ORDER BY t.id),
         array_agg(ln(1 + (v_n - t.df + 0.5) / (t.df + 0.5)) ORDER BY t.id),
         array_agg(t.df ORDER BY t.id)
    INTO ids, idfs, dfs
    FROM search_term t WHERE t.idx = p_idx AND t.term = ANY(p_terms) AND t.df > 0;
  SELECT coalesce(array_agg(t.id), '{}') INTO excl
    FROM search_term t WHERE t.idx = p_idx AND t.term = ANY(p_excluded) AND t.df > 0;
END $$;
"""

SCORES = f"""
CREATE OR REPLACE FUNCTION search_scores(p_ids int[], p_idfs float8[], p_avgdl float8,
  p_scope bigint, p_excl int[])
RETURNS TABLE(doc uuid, score float8) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT p.doc, sum({_SCORE_P}) AS score
    FROM search_posting p
   WHERE p.term_id = ANY(p_ids) AND p.scope = p_scope
     AND NOT EXISTS (SELECT 1 FROM search_posting e
                      WHERE e.term_id = ANY(p_excl) AND e.scope = p_scope AND e.doc = p.doc)
   GROUP BY p.doc;
END $$;

-- The same, for a candidate set only: primary-key probes instead of whole postings lists.
-- A join on the distinct candidates, not `doc = ANY(array)`: as a filter that is a linear
-- search of the array for every posting read.
CREATE OR REPLACE FUNCTION search_scores_of(p_ids int[], p_idfs float8[], p_avgdl float8,
  p_scope bigint, p_excl int[], p_docs uuid[])
RETURNS TABLE(doc uuid, score float8) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT c.doc, sum({_SCORE_P}) AS score
    FROM (SELECT DISTINCT d AS doc FROM unnest(p_docs) d) c
    JOIN search_posting p ON p.doc = c.doc AND p.scope = p_scope AND p.term_id = ANY(p_ids)
   WHERE NOT EXISTS (SELECT 1 FROM search_posting e
                      WHERE e.term_id = ANY(p_excl) AND e.scope = p_scope AND e.doc = c.doc)
   GROUP BY c.doc;
END $$;

CREATE OR REPLACE FUNCTION search_all(p_idx text, p_terms text[], p_scope bigint,
  p_excluded text[] DEFAULT '{{}}')
RETURNS TABLE(doc uuid, score float8) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE q record;
BEGIN
  q := search_prepare(p_idx, p_terms, p_excluded);
  IF q.ids IS NULL THEN RETURN; END IF;
  RETURN QUERY SELECT s.doc, s.score FROM search_scores(q.ids, q.idfs, q.avgdl, p_scope, q.excl) s;
END $$;
"""

# Docs whose contribution from one term reaches p_min: within each tf value, exactly those with
# dl <= D(tf), where D solves contribution(tf, D) = p_min; an index range scan per tf value.
ABOVE = """
CREATE OR REPLACE FUNCTION search_term_above(p_term int, p_scope bigint, p_min float8,
                                             p_idf float8, p_avgdl float8)
RETURNS SETOF uuid LANGUAGE plpgsql STABLE AS $$
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
  SELECT x.doc FROM tfs, LATERAL (
    SELECT p.doc FROM search_posting p
     WHERE p.term_id = p_term AND p.scope = p_scope AND p.tf = tfs.tf
       AND (p_min <= 0 OR p.dl <= ((p_idf * tfs.tf * 2.2 / p_min - tfs.tf) / 1.2 - 0.25)
                                    * p_avgdl / 0.75 * (1 + 1e-9) + 1e-6)) x
   WHERE tfs.tf IS NOT NULL;
END $$;
"""

# Exact top-k in two passes. (1) Each term's best k postings, scored in full: the k-th best
# score so far, theta, is a floor for the final k-th. (2) A document can reach theta only if,
# for some term, its contribution reaches that term's threshold tau, for any thresholds that
# sum to theta (otherwise its score is below the sum). Terms whose best contribution (ub)
# fits in the budget get tau above ub: their lists are skipped (MaxScore). The budget goes to
# the longest lists first, so rare terms (short lists) take the low thresholds. Every document
# that reaches some tau is scored in full; the top k of those is exact.
TOPK = """
CREATE OR REPLACE FUNCTION search_topk(p_idx text, p_terms text[], p_scope bigint, p_k int,
  p_excluded text[] DEFAULT '{}')
RETURNS TABLE(doc uuid, score float8) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  q record;
  v_ub float8[] := '{}'; v_cand uuid[] := '{}'; v_docs uuid[]; v_max float8;
  v_scores float8[]; v_theta float8; v_budget float8; v_tau float8; i int;
BEGIN
  q := search_prepare(p_idx, p_terms, p_excluded);
  IF q.ids IS NULL OR p_k <= 0 THEN RETURN; END IF;
  FOR i IN 1 .. cardinality(q.ids) LOOP
    SELECT array_agg(x.doc), max(x.c) INTO v_docs, v_max
      FROM search_term_top(q.ids[i], p_scope, p_k, q.idfs[i], q.avgdl) x;
    v_cand := v_cand || coalesce(v_docs, '{}');
    v_ub := v_ub || coalesce(v_max, 0);
  END LOOP;
  SELECT array_agg(s.score ORDER BY s.score DESC) INTO v_scores
    FROM search_scores_of(q.ids, q.idfs, q.avgdl, p_scope, q.excl, v_cand) s;
  v_theta := CASE WHEN cardinality(v_scores) >= p_k THEN v_scores[p_k] ELSE 0 END;
  v_budget := v_theta * (1 - 1e-9);
  FOR i IN SELECT o.i FROM unnest(q.dfs) WITH ORDINALITY o(df, i) ORDER BY o.df DESC LOOP
    v_tau := least(v_ub[i] * (1 + 1e-9) + 1e-12, v_budget);
    v_budget := v_budget - v_tau;
    IF v_tau <= v_ub[i] THEN
      v_cand := v_cand || ARRAY(SELECT search_term_above(q.ids[i], p_scope, v_tau, q.idfs[i],
                                                         q.avgdl));
    END IF;
  END LOOP;
  RETURN QUERY SELECT s.doc, s.score
    FROM search_scores_of(q.ids, q.idfs, q.avgdl, p_scope, q.excl, v_cand) s
   ORDER BY s.score DESC, s.doc LIMIT p_k;
END $$;
"""

ALL = [PREPARE, SCORES, ABOVE, TOPK]
