"""STAND-IN for ParadeDB: the `tantivy` PyPI package is the engine inside pg_search. It is
held to what ParadeDB promises: Lucene-idf BM25 within a few percent of exact (document length
is stored in one lossy byte), and a top-k that is right up to that tolerance."""

import tantivy

from app.search.reference import ReferenceBM25, check_topk
from app.search.tokenize import tokens
from tests.search import corpus

TOLERANCE = 0.05


def test_tantivy_is_bm25_within_a_few_percent():
    docs = [f"{t} {d}" for t, d in corpus.texts(400, seed=5)]
    ref = ReferenceBM25(list(enumerate((d,) for d in docs)), [1.0], variant="lucene")
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("key", stored=True, indexed=True)
    builder.add_text_field("body", stored=False)
    schema = builder.build()
    index = tantivy.Index(schema)
    writer = index.writer(heap_size=15_000_000, num_threads=1)
    for key, text in enumerate(docs):
        writer.add_document(tantivy.Document(key=key, body=text))
    writer.commit()
    index.reload()
    searcher = index.searcher()
    worst, problems = 0.0, []
    for q in corpus.queries(30):
        terms = tokens(q)
        hits = searcher.search(index.parse_query(" ".join(terms), ["body"]), 10).hits
        returned = [(searcher.doc(addr)["key"][0], score) for score, addr in hits]
        for key, score in returned:
            worst = max(worst, abs(score - ref.score(key, terms)) / ref.score(key, terms))
        problems += check_topk(returned, ref.search(terms), 10, rel=TOLERANCE)
    assert worst <= TOLERANCE, f"tantivy differs from exact BM25 by {worst:.1%}"
    assert worst > 1e-9, "suspiciously exact: is the length quantization gone?"
    assert not problems, problems[:5]
