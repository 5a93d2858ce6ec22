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

# One term's documents whose contribution c satisfies p_lo < c <= p_hi. c falls as dl grows, so
# within one tf value that is a dl range: c > lo <=> dl < D(lo), c <= hi <=> dl >= D(hi), where
# D(x) solves c(tf, D) = x; for integer dl, "dl < D" is "dl < ceil(D)". Integer bounds keep the
# range an index condition (int vs float8 would be a filter over the whole list), and OFFSET 0
# keeps one index range per tf value (else the planner merges over the whole list).
BETWEEN = """
CREATE OR REPLACE FUNCTION search_dl_bound(p_x float8, p_tf float8, p_idf float8,
                                           p_avgdl float8) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_x <= 1e-12 THEN 2147483647  -- (tiny cuts: all; avoids float overflow)
              WHEN p_x = 'Infinity' THEN 0
              ELSE least(2147483647, greatest(0, ceil(
                ((p_idf * p_tf * 2.2 / p_x - p_tf) / 1.2 - 0.25) * p_avgdl / 0.75)))::int END
$$;

CREATE OR REPLACE FUNCTION search_term_between(p_term int, p_scope bigint, p_lo float8,
  p_hi float8, p_idf float8, p_avgdl float8)
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
       AND p.dl >= search_dl_bound(p_hi, tfs.tf, p_idf, p_avgdl)
       AND p.dl < search_dl_bound(p_lo, tfs.tf, p_idf, p_avgdl)
    OFFSET 0) x
   WHERE tfs.tf IS NOT NULL;
END $$;
"""

# The water level: thresholds min(ub_i, level) that sum to the budget.
WATER = """
CREATE OR REPLACE FUNCTION search_water(p_ub float8[], p_budget float8) RETURNS float8
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE v_sorted float8[]; v_below float8 := 0; m int; r int;
BEGIN
  v_sorted := ARRAY(SELECT u FROM unnest(p_ub) u ORDER BY u);
  m := cardinality(v_sorted);
  FOR r IN 1 .. m LOOP
    IF v_below + (m - r + 1) * v_sorted[r] >= p_budget THEN
      RETURN greatest(0, (p_budget - v_below) / (m - r + 1));
    END IF;
    v_below := v_below + v_sorted[r];
  END LOOP;
  RETURN 0;
END $$;
"""

# Exact top-k by lowering one cut, the level, over every term's list at once. Each round reads
# the documents whose contribution from some term lies between the new level and the previous
# one (index ranges, see BETWEEN), scores the new ones in full (primary-key probes) and updates
# theta, the k-th best score seen. A document never read has every contribution <= the level,
# so it scores at most sum(min(ub_i, level)), ub_i being term i's best contribution; once that
# is <= theta nothing unread can beat the top k, which is then exact. The next level is the
# lower of 0.6x the last and the level that sum would need (search_water), so the last round
# stops at about the lowest cut the final theta allows. Queries with few postings in all, or
# whose candidates outgrow the postings, sum every posting instead (search_scores). Terms with
# short lists (<= 500 postings) are read whole first and take no part in the cut.
TOPK = """
DROP FUNCTION IF EXISTS search_topk(text, text[], bigint, int, text[], bigint);
CREATE OR REPLACE FUNCTION search_topk(p_idx text, p_terms text[], p_scope bigint, p_k int,
  p_excluded text[] DEFAULT '{}', p_small bigint DEFAULT 20000)
RETURNS TABLE(doc uuid, score float8) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
DECLARE
  q record; n int; v_total bigint; v_seen bigint := 0;
  v_ub float8[] := '{}'; v_max float8; v_new uuid[]; v_seed uuid[];
  v_sdocs uuid[] := '{}'; v_sscores float8[] := '{}';
  v_theta float8 := 0; v_level float8; v_next float8; i int;
BEGIN
  q := search_prepare(p_idx, p_terms, p_excluded);
  IF q.ids IS NULL OR p_k <= 0 THEN RETURN; END IF;
  n := cardinality(q.ids);
  SELECT sum(d) INTO v_total FROM unnest(q.dfs) d;
  IF v_total > p_small THEN
    v_new := '{}';
    FOR i IN 1 .. n LOOP  -- seeds: each term's best 4k documents (and its best contribution)
      SELECT array_agg(x.doc), max(x.c) INTO v_seed, v_max
        FROM search_term_top(q.ids[i], p_scope, p_k * 4, q.idfs[i], q.avgdl) x;
      v_new := v_new || coalesce(v_seed, '{}');
      v_ub := v_ub || coalesce(v_max, 0);
    END LOOP;
    -- Short lists are read whole (cheap) and leave the cut: their every document is scored,
    -- so an unread document has no contribution from them (their ub counts as 0 below).
    FOR i IN 1 .. n LOOP
      IF q.dfs[i] <= 500 THEN
        v_new := v_new || ARRAY(SELECT search_term_between(q.ids[i], p_scope, 0, 'Infinity',
                                                           q.idfs[i], q.avgdl));
        v_ub[i] := 0;
      END IF;
    END LOOP;
    v_new := ARRAY(SELECT DISTINCT d FROM unnest(v_new) d);
    v_next := (SELECT max(u) FROM unnest(v_ub) u) * 1.000001;
    LOOP
      v_seen := v_seen + cardinality(v_new);
      EXIT WHEN v_seen * n > v_total;  -- probing all that would cost more than summing
      IF cardinality(v_new) > 0 THEN
        SELECT array_agg(u.d ORDER BY u.s DESC), array_agg(u.s ORDER BY u.s DESC)
          INTO v_sdocs, v_sscores
          FROM (SELECT unnest(v_sdocs) d, unnest(v_sscores) s UNION ALL
                SELECT s.doc, s.score FROM search_scores_of(q.ids, q.idfs, q.avgdl, p_scope,
                                                            q.excl, v_new) s) u;
        IF cardinality(v_sscores) >= p_k THEN v_theta := v_sscores[p_k]; END IF;
      END IF;
      v_level := v_next;
      EXIT WHEN v_level <= 0  -- everything read: fewer than k matches, or a full last round
             OR (SELECT sum(least(u, v_level)) FROM unnest(v_ub) u) <= v_theta;
      v_next := greatest(v_level * 0.6, search_water(v_ub, v_theta));
      -- At the water level the bound is theta itself, but float rounding can leave the sum a
      -- hair above it, and then the level never moved again (seen: a 4-word query looping
      -- until the statement timeout). Step just below it: the bound is then below theta.
      IF v_next >= v_level THEN v_next := v_level * (1 - 1e-6); END IF;
      IF v_next < 1e-9 * v_level OR v_next < 1e-12 THEN v_next := 0; END IF;
      v_new := ARRAY(
        SELECT DISTINCT b FROM generate_series(1, n) i,
               search_term_between(q.ids[i], p_scope, v_next, v_level, q.idfs[i], q.avgdl) b
        EXCEPT SELECT unnest(v_sdocs));
    END LOOP;
    IF v_seen * n <= v_total THEN
      RETURN QUERY SELECT u.d, u.s FROM unnest(v_sdocs[1:p_k], v_sscores[1:p_k]) u(d, s);
      RETURN;
    END IF;
  END IF;
  RETURN QUERY SELECT s.doc, s.score FROM search_scores(q.ids, q.idfs, q.avgdl, p_scope, q.excl) s
   ORDER BY s.score DESC, s.doc LIMIT p_k;
END $$;
"""

ALL = [PREPARE, SCORES, BETWEEN, WATER, TOPK]
