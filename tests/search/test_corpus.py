"""The corpus loader: Debian description parsing, deterministic growth, batched loading."""

import json

from django.core.management import call_command

from app.search.bench import debian
from app.search.bench.corpus import BLOCK, Corpus
from app.search.bench.load import load_tasks
from app.search.bench.queries import query_mix
from app.tasks.models import Task

DUMP = """Package: zed
Version: 1
Description: A fast editor
Description-md5: 00aa

Package: alpha
Description: Alpha tool
 Does alpha things,
 .
 and more.
"""


def test_records_parse_stanzas_and_continuations():
    records = list(debian._records(DUMP))
    assert records[0]["Package"] == "zed" and records[0]["Description"] == "A fast editor"
    assert records[1]["Description"] == "Alpha tool\nDoes alpha things,\n\nand more."


def make_corpus(tmp_path) -> Corpus:
    cache = tmp_path / "debian.json"
    real = [
        [f"Real title {i}", f"the package provides tool {i} for the library"] for i in range(50)
    ]
    cache.write_text(json.dumps(real))
    return Corpus(cache, seed=1)


def test_documents_are_the_same_however_they_are_sliced(tmp_path):
    corpus = make_corpus(tmp_path)
    whole = list(corpus.documents(0, 50 + 2 * BLOCK + 7))
    parts = (
        list(corpus.documents(0, 30))
        + list(corpus.documents(30, 50 + BLOCK + 3))
        + list(corpus.documents(50 + BLOCK + 3, 50 + 2 * BLOCK + 7))
    )
    assert whole == parts and whole[:50] == [
        tuple(d) for d in json.loads((tmp_path / "debian.json").read_text())
    ]
    words = " ".join(t + " " + d for t, d in whole[50:]).lower().split()
    assert words.count("the") > words.count("library") > 0  # Zipf: rank 1 beats rank 4


def test_load_grows_without_reloading(tmp_path, db):
    corpus = make_corpus(tmp_path)
    assert load_tasks(corpus, owner_email="c@example.com", count=120, batch=50) == 120
    assert load_tasks(corpus, owner_email="c@example.com", count=300, batch=50) == 180
    assert Task.objects.filter(owner__email="c@example.com").count() == 300
    assert Task.search.bm25("package", owner=Task.objects.first().owner)[:5]


def test_loader_command_and_rebuild_command(tmp_path, db, capsys):
    make_corpus(tmp_path)
    call_command(
        "search_corpus", count=80, owner="cmd@example.com", cache=str(tmp_path / "debian.json")
    )
    call_command("search_index", "rebuild")
    call_command("search_index", "status")
    out = capsys.readouterr().out
    assert "added 80 tasks" in out and "indexed 80 rows" in out


def test_query_mix_is_fixed_and_mixed(tmp_path):
    vocabulary = [f"w{i}" for i in range(30000)]
    mix = query_mix(vocabulary, 40)
    assert mix == query_mix(vocabulary, 40)
    kinds = {k for k, _ in mix}
    assert {"common", "rare"} <= kinds and any("+" in k for k in kinds)
