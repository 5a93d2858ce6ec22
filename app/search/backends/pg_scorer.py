"""The exact BM25 scorer on plain PostgreSQL (PL/pgSQL), top-k by a threshold algorithm.

search_topk reads each query term's best `depth` postings (search_term_top), scores that
candidate set fully (primary-key lookups), and stops when no unseen document can beat the k-th
candidate: an unseen document scores at most the sum over terms of each list's last (lowest)
contribution, zero for lists that were read to the end. Otherwise the lists deepen 4x; past
MAX_DEPTH it sums every posting of the query's terms (search_all), which is always exact.
search_all is also the path for filtered or phrase queries, joined to the model's table.
"""

from app.search.backends.pg_schema import CONTRIB

MAX_DEPTH = 4096

_SCORE_P = CONTRIB.format(
    idf="p_idfs[array_position(p_ids, p.term_id)]", tf="p.tf", dl="p.dl", avgdl="p_avgdl"
)

PREPARE = """
CREATE OR REPLACE FUNCTION search_prepare(p_idx text, p_terms text[], p_excluded text[],
  OUT avgdl float8, OUT ids int[], OUT idfs float8[], OUT excl int[])
LANGUAGE plpgsql STABLE AS $$
DECLARE v_n bigint; v_len bigint;
BEGIN
  SELECT s.n_docs, s.total_len INTO v_n, v_len FROM search_stats s WHERE s.idx = p_idx;
  IF coalesce(v_n, 0) = 0 THEN RETURN; END IF;
  avgdl := v_len::float8 / v_n;
  SELECT array_agg(t.id ORDER BY t.id),
         array_agg(ln(1 + (v_n - t.df + 0.5) / (t.df + 0.5)) ORDER BY t.id)
    INTO ids, idfs
    FROM search_term t WHERE t.idx = p_idx AND t.term = ANY(p_terms) AND t.df > 0;
  SELECT coalesce(array_agg(t.id), '{}') INTO excl
    FROM search_term t WHERE t.idx = p_idx AND t.term = ANY(p_excluded) AND t.df > 0;
END $$;
"""

SCORES = f"""
CREATE OR REPLACE FUNCTION search_scores(p_ids int[], p_idfs float8[], p_avgdl float8,
  p_scope bigint, p_excl int[])
RETURNS TABLE(doc uuid, score float8) LANGUAGE sql STABLE AS $$
  SELECT p.doc, sum({_SCORE_P}) AS score
    FROM search_posting p
   WHERE p.term_id = ANY(p_ids) AND p.scope = p_scope
     AND NOT EXISTS (SELECT 1 FROM search_posting e
                      WHERE e.term_id = ANY(p_excl) AND e.scope = p_scope AND e.doc = p.doc)
   GROUP BY p.doc
$$;

-- The same, for a candidate set only: primary-key probes instead of whole postings lists.
CREATE OR REPLACE FUNCTION search_scores_of(p_ids int[], p_idfs float8[], p_avgdl float8,
  p_scope bigint, p_excl int[], p_docs uuid[])
RETURNS TABLE(doc uuid, score float8) LANGUAGE sql STABLE AS $$
  SELECT p.doc, sum({_SCORE_P}) AS score
    FROM search_posting p
   WHERE p.term_id = ANY(p_ids) AND p.scope = p_scope AND p.doc = ANY(p_docs)
     AND NOT EXISTS (SELECT 1 FROM search_posting e
                      WHERE e.term_id = ANY(p_excl) AND e.scope = p_scope AND e.doc = p.doc)
   GROUP BY p.doc
$$;

CREATE OR REPLACE FUNCTION search_all(p_idx text, p_terms text[], p_scope bigint,
  p_excluded text[] DEFAULT '{{}}')
RETURNS TABLE(doc uuid, score float8) LANGUAGE plpgsql STABLE AS $$
DECLARE q record;
BEGIN
  q := search_prepare(p_idx, p_terms, p_excluded);
  IF q.ids IS NULL THEN RETURN; END IF;
  RETURN QUERY SELECT s.doc, s.score FROM search_scores(q.ids, q.idfs, q.avgdl, p_scope, q.excl) s;
END $$;
"""

TOPK = f"""
CREATE OR REPLACE FUNCTION search_topk(p_idx text, p_terms text[], p_scope bigint, p_k int,
  p_excluded text[] DEFAULT '{{}}')
RETURNS TABLE(doc uuid, score float8) LANGUAGE plpgsql STABLE AS $$
DECLARE
  q record;
  v_depth int := greatest(p_k, 16);
  v_bound float8; v_cand uuid[]; v_docs uuid[]; v_min float8; v_cnt int;
  v_rdocs uuid[]; v_rscores float8[];
BEGIN
  q := search_prepare(p_idx, p_terms, p_excluded);
  IF q.ids IS NULL OR p_k <= 0 THEN RETURN; END IF;
  LOOP
    IF v_depth > {MAX_DEPTH} THEN
      RETURN QUERY SELECT s.doc, s.score
        FROM search_scores(q.ids, q.idfs, q.avgdl, p_scope, q.excl) s
       ORDER BY s.score DESC, s.doc LIMIT p_k;
      RETURN;
    END IF;
    v_bound := 0; v_cand := '{{}}';
    FOR i IN 1 .. cardinality(q.ids) LOOP
      SELECT array_agg(x.doc), min(x.c), count(*) INTO v_docs, v_min, v_cnt
        FROM search_term_top(q.ids[i], p_scope, v_depth, q.idfs[i], q.avgdl) x;
      IF v_cnt > 0 THEN v_cand := v_cand || v_docs; END IF;
      IF v_cnt >= v_depth THEN v_bound := v_bound + v_min; END IF;
    END LOOP;
    SELECT array_agg(s.doc ORDER BY s.score DESC, s.doc),
           array_agg(s.score ORDER BY s.score DESC, s.doc)
      INTO v_rdocs, v_rscores
      FROM search_scores_of(q.ids, q.idfs, q.avgdl, p_scope, q.excl, v_cand) s;
    v_cnt := coalesce(cardinality(v_rdocs), 0);
    IF v_bound = 0 OR (v_cnt >= p_k AND v_bound <= v_rscores[p_k]) THEN
      RETURN QUERY SELECT u.d, u.s FROM unnest(v_rdocs[1:p_k], v_rscores[1:p_k]) u(d, s);
      RETURN;
    END IF;
    v_depth := v_depth * 4;
  END LOOP;
END $$;
"""

ALL = [PREPARE, SCORES, TOPK]
