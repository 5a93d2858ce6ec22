"""The query language and the reference itself (no database)."""

import math

import pytest

from app.search.query import MAX_TERMS, QueryError, parse
from app.search.reference import ReferenceBM25, check_topk, idf


def test_words_phrases_and_exclusions():
    q = parse('Overdue  invoice "pay NOW" -acme -"ignored phrase" e-mail')
    assert q.words == ("overdue", "invoice", "e", "mail")
    assert q.phrases == (("pay", "now"),)
    assert q.excluded == ("acme",)
    assert q.terms == ("overdue", "invoice", "e", "mail", "pay", "now")


@pytest.mark.parametrize("raw", ['"unbalanced quote', "-", '""', "- -", "!!!", "-x"])
def test_odd_syntax_never_raises(raw):
    parse(raw)


def test_operator_only_queries_are_empty():
    assert parse('- -- "" ').is_empty and parse("-only -excluded").is_empty


def test_unbalanced_quote_closes_at_the_end():
    assert parse('a "b c').phrases == (("b", "c"),)


def test_normalized_form_ignores_order_case_and_spacing():
    assert parse("B a  A").normalized() == parse("a b").normalized()
    assert parse('"a b"').normalized() != parse('"b a"').normalized()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("x" * 501, "at most 500"),
        ("a\x00b", "control"),
        (" ".join(f"w{i}" for i in range(MAX_TERMS + 1)), "at most 16"),
    ],
)
def test_limits(raw, message):
    with pytest.raises(QueryError, match=message) as info:
        parse(raw)
    assert info.value.param == "q"


def test_reference_idf_variants():
    assert idf(10, 2, "lucene") == pytest.approx(math.log(1 + 8.5 / 2.5))
    assert idf(10, 8, "fts5") == 1e-6  # more than half the documents: floored


def test_reference_weights_and_lengths():
    ref = ReferenceBM25([(1, ("a b", "a")), (2, ("b", "c c c"))], [2.0, 1.0])
    assert ref.tf[1]["a"] == 3.0 and ref.dl[1] == 3 and ref.avgdl == 3.5


def test_check_topk_is_tie_aware():
    reference = [("a", 3.0), ("b", 2.0), ("c", 2.0), ("d", 1.0)]
    assert check_topk([("a", 3.0), ("c", 2.0)], reference, 2) == []  # c ties with b
    assert check_topk([("a", 3.0), ("d", 1.0)], reference, 2)
    assert check_topk([("b", 2.0), ("a", 3.0)], reference, 2)  # scores rise down the list
    assert check_topk([("a", 3.0)], reference, 2)  # too short
