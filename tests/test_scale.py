"""Large corpora: partitioned output, resume, local processes, Dask, the batch function."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest

import extract.corpus as corpus
from extract.__main__ import main
from extract.batch import CLAIMS_ARROW_SCHEMA, CLAIMS_SPARK_DDL, claims_for_batch
from extract.corpus import (
    CorpusResult,
    claims_for_documents,
    extract_corpus_report,
    extract_corpus_to,
    scan_output,
)
from extract.documents import Document
from extract.parallel import map_unordered
from extract.readers import sample_corpus_path
from extract.schema import CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, SKIPPED_SCHEMA

# --------------------------------------------------------------------------- corpora

_ORGS = ["the port authority", "Atlas Mining", "the health ministry", "Kestrel Airlines"]
_NOUNS = ["workers", "containers", "passengers", "homes", "flights"]
_TEMPLATES = [
    "{org} said revenue rose {pct}% to ${m} million in the first quarter.",
    "More than {n:,} {noun} were affected, officials said.",
    "Prices fell by {pct} percent in March, according to {org}.",
    "The project will cost {m} million euros and create nearly {n:,} jobs.",
    "{org} spends about ${m} million a month on fuel.",
    "Temperatures reached {t} degrees Celsius on Monday.",
]


def _documents(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """``n`` short news-like documents, the same for the same seed."""
    rng = random.Random(seed)
    for k in range(n):
        sentences = [
            rng.choice(_TEMPLATES).format(
                org=rng.choice(_ORGS),
                noun=rng.choice(_NOUNS),
                pct=rng.randint(2, 40),
                m=rng.randint(2, 900),
                n=rng.randint(100, 90_000),
                t=rng.randint(20, 45),
            )
            for _ in range(rng.randint(2, 4))
        ]
        yield {
            "id": f"doc-{k:04d}",
            "text": " ".join(sentences),
            "outlet": rng.choice(["Daily Bugle", "Harbour Gazette"]),
            "published": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        }


def _jsonl(path: Path, n: int, *, bad_lines: bool = True) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for k, doc in enumerate(_documents(n)):
            out.write(json.dumps(doc) + "\n")
            if bad_lines and k % 97 == 50:
                out.write("{not json\n")
    return path


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _jsonl(tmp_path_factory.mktemp("corpus") / "news.jsonl", 300)


@pytest.fixture(scope="module")
def expected(corpus_file: Path) -> CorpusResult:
    """The one-process, in-memory result everything else must equal."""
    return extract_corpus_report(corpus_file, workers=1, batch_size=1_000, progress=False)


def _sorted(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.sort("claim_id", "start")


def _assert_same(folder: Path, result: CorpusResult) -> None:
    claims = scan_output(folder).collect()
    assert claims.schema == CLAIMS_SCHEMA
    assert _sorted(claims).equals(_sorted(result.claims))
    assert claims.equals(result.claims)  # partition order is reading order
    assert scan_output(folder, "documents").collect().equals(result.documents)
    assert scan_output(folder, "skipped").collect().equals(result.skipped)


def _leftovers(folder: Path) -> list[str]:
    """Temporary files, and documents/skipped parts of unfinished partitions."""
    finished = {p.name for p in (folder / "claims").glob("part-*.parquet")}
    found = [p.name for p in folder.rglob("*.part")]
    for table in ("documents", "skipped"):
        found += [f"{table}/{p.name}" for p in (folder / table).glob("*") if p.name not in finished]
    return found


# --------------------------------------------------------------------------- streaming


def test_streaming_equals_in_memory_on_sample(tmp_path: Path) -> None:
    result = extract_corpus_report(sample_corpus_path(), progress=False)
    lazy = extract_corpus_to(sample_corpus_path(), tmp_path / "out", workers=1, progress=False)
    assert isinstance(lazy, pl.LazyFrame)
    assert lazy.collect().equals(result.claims)
    _assert_same(tmp_path / "out", result)
    streamed = extract_corpus_to(
        sample_corpus_path(), tmp_path / "small", batch_size=2, workers=1, progress=False
    )
    assert _sorted(streamed.collect()).equals(_sorted(result.claims))


def test_partition_layout(tmp_path: Path, corpus_file: Path, expected: CorpusResult) -> None:
    out = tmp_path / "out"
    with pytest.warns(UserWarning, match="skipped"):
        extract_corpus_to(corpus_file, out, batch_size=40, workers=1, progress=False)
    names = sorted(p.name for p in (out / "claims").iterdir())
    assert names == [f"part-{i:06d}.parquet" for i in range(8)]  # 300 documents / 40
    for table in ("documents", "skipped"):
        assert sorted(p.name for p in (out / table).iterdir()) == names
    assert not (out / "_tmp").exists()
    assert json.loads((out / "_complete.json").read_text()) == {
        "partitions": 8,
        "claims": expected.claims.height,
        "documents": 300,
        "skipped": expected.skipped.height,
        "reused": 0,
    }
    run = json.loads((out / "_run.json").read_text())
    assert run["batch_size"] == 40 and run["inputs"] == [str(corpus_file.resolve())]
    first = pl.read_parquet(out / "documents" / names[0])
    assert first["doc_id"].to_list() == [f"doc-{k:04d}" for k in range(40)]
    _assert_same(out, expected)


def test_batches_are_deterministic(corpus_file: Path) -> None:
    records = list(corpus.iter_documents(corpus_file))
    one = [(b.index, len(b.documents), len(b.skipped)) for b in corpus._batches(records, 64)]
    two = [(b.index, len(b.documents), len(b.skipped)) for b in corpus._batches(records, 64)]
    assert one == two == [(0, 64, 1), (1, 64, 0), (2, 64, 1), (3, 64, 1), (4, 44, 0)]


# --------------------------------------------------------------------------- resume


class _Stop(KeyboardInterrupt):
    """Ctrl-C, pressed after some partitions were written."""


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, n: int) -> None:
    put = corpus._DirectorySink.put
    done: list[int] = []

    def put_then_stop(self: corpus._DirectorySink, index: int, *tables: pl.DataFrame) -> None:
        if len(done) == n:
            raise _Stop
        put(self, index, *tables)
        done.append(index)

    monkeypatch.setattr(corpus._DirectorySink, "put", put_then_stop)


def _count_batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def counted(batch: pl.DataFrame) -> pl.DataFrame:
        calls.append(batch.height)
        return claims_for_batch(batch)

    monkeypatch.setattr(corpus, "claims_for_batch", counted)
    return calls


@pytest.mark.filterwarnings("ignore:.*skipped")
def test_resume_after_interruption(
    tmp_path: Path, corpus_file: Path, expected: CorpusResult
) -> None:
    out = tmp_path / "out"
    with pytest.MonkeyPatch.context() as patch:
        _interrupt_after(patch, 3)
        with pytest.raises(KeyboardInterrupt):
            extract_corpus_to(corpus_file, out, batch_size=40, workers=1, progress=False)
    assert sorted(p.name for p in (out / "claims").iterdir()) == [
        f"part-{i:06d}.parquet" for i in range(3)
    ]
    assert not _leftovers(out)
    assert not (out / "_complete.json").exists()
    with pytest.MonkeyPatch.context() as patch:
        calls = _count_batches(patch)
        extract_corpus_to(corpus_file, out, batch_size=40, workers=1, progress=False)
    assert calls == [40, 40, 40, 40, 20]  # only the five unfinished batches were extracted
    _assert_same(out, expected)
    assert not _leftovers(out)

    uninterrupted = tmp_path / "uninterrupted"
    extract_corpus_to(corpus_file, uninterrupted, batch_size=40, workers=1, progress=False)
    for table in ("claims", "documents", "skipped"):
        for part in sorted((uninterrupted / table).iterdir()):
            assert pl.read_parquet(part).equals(pl.read_parquet(out / table / part.name))


@pytest.mark.filterwarnings("ignore:.*skipped")
def test_resume_after_crash_leftovers(
    tmp_path: Path, corpus_file: Path, expected: CorpusResult
) -> None:
    out = tmp_path / "out"
    extract_corpus_to(corpus_file, out, batch_size=40, workers=1, progress=False)
    # A crash: the last two partitions never finished, one was mid-write.
    for index in (6, 7):
        (out / "claims" / f"part-{index:06d}.parquet").unlink()
    (out / "skipped" / "part-000007.parquet").unlink()
    (out / "_tmp").mkdir()
    (out / "_tmp" / "tmpabc123.part").write_bytes(b"PAR1 half a file")
    (out / "_complete.json").unlink()
    assert scan_output(out).collect().height < expected.claims.height  # only finished parts
    assert _leftovers(out)

    with pytest.MonkeyPatch.context() as patch:
        calls = _count_batches(patch)
        extract_corpus_to(corpus_file, out, batch_size=40, workers=1, progress=False)
    assert calls == [40, 20]
    _assert_same(out, expected)
    assert not _leftovers(out)
    assert not (out / "_tmp").exists()


@pytest.mark.filterwarnings("ignore:.*skipped")
def test_resume_redoes_changed_batches(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "news.jsonl", 120, bad_lines=False)
    out = tmp_path / "out"
    extract_corpus_to(source, out, batch_size=50, workers=1, progress=False)
    lines = source.read_text().splitlines()
    doc = json.loads(lines[60])
    doc["text"] += " Another 12 containers arrived."
    lines[60] = json.dumps(doc)
    source.write_text("\n".join(lines[:110]) + "\n")  # one document changed, ten gone
    with pytest.MonkeyPatch.context() as patch:
        calls = _count_batches(patch)
        extract_corpus_to(source, out, batch_size=50, workers=1, progress=False)
    assert calls == [50, 10]  # batch 0 reused; batch 1 changed; batch 2 now shorter
    fresh = extract_corpus_report(source, workers=1, progress=False)
    _assert_same(out, fresh)


def test_resume_refuses_other_settings(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "news.jsonl", 30, bad_lines=False)
    out = tmp_path / "out"
    extract_corpus_to(source, out, batch_size=10, workers=1, progress=False)
    with pytest.raises(ValueError, match="batch_size"):
        extract_corpus_to(source, out, batch_size=20, workers=1, progress=False)
    extract_corpus_to(source, out, batch_size=20, workers=1, resume=False, progress=False)
    assert len(list((out / "claims").iterdir())) == 2
    (out / "_run.json").unlink()
    with pytest.raises(ValueError, match=r"_run\.json"):
        extract_corpus_to(source, out, batch_size=20, workers=1, progress=False)


# --------------------------------------------------------------------------- engines


@pytest.mark.filterwarnings("ignore:.*skipped")
def test_two_processes_equal_one(tmp_path: Path, corpus_file: Path, expected: CorpusResult) -> None:
    in_memory = extract_corpus_report(corpus_file, workers=2, batch_size=40, progress=False)
    assert in_memory.claims.equals(expected.claims)
    assert in_memory.documents.equals(expected.documents)
    assert in_memory.skipped.equals(expected.skipped)

    out = tmp_path / "out"
    with pytest.MonkeyPatch.context() as patch:  # Ctrl-C with the pool busy
        _interrupt_after(patch, 2)
        with pytest.raises(KeyboardInterrupt):
            extract_corpus_to(corpus_file, out, batch_size=40, workers=2, progress=False)
    assert len(list((out / "claims").iterdir())) == 2
    assert not _leftovers(out)
    extract_corpus_to(corpus_file, out, batch_size=40, workers=1, progress=False)
    _assert_same(out, expected)


def test_map_unordered_runs_small_work_in_process() -> None:
    assert sorted(map_unordered(abs, [("a", -3)])) == [("a", 3)]
    assert sorted(map_unordered(abs, [("a", -3), ("b", 4)], workers=1)) == [("a", 3), ("b", 4)]
    with pytest.raises(ValueError, match="engine"):
        list(map_unordered(abs, [], engine="spark"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="dask"):
        list(map_unordered(abs, [], scheduler="tcp://127.0.0.1:8786"))


@pytest.mark.filterwarnings("ignore:.*skipped")
def test_dask_equals_local(tmp_path: Path, corpus_file: Path, expected: CorpusResult) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        out = tmp_path / "out"
        lazy = extract_corpus_to(
            corpus_file, out, batch_size=40, engine="dask", client=client, progress=False
        )
        assert _sorted(lazy.collect()).equals(_sorted(expected.claims))
        _assert_same(out, expected)
        report = extract_corpus_report(
            corpus_file,
            batch_size=60,
            engine="dask",
            scheduler=cluster.scheduler_address,
            progress=False,
        )
        assert report.claims.equals(expected.claims)
        assert client.status == "running"  # a client we were given is left open


def test_dask_client_keeps_short_message_logs() -> None:
    # Dask logs the last messages of every connection; ours carry whole batches of
    # documents, so the default log (1000 messages) grows memory on long runs.
    pytest.importorskip("distributed")
    from extract.parallel import DASK_CONFIG, dask_client

    length = DASK_CONFIG["distributed.admin.low-level-log-length"]
    with dask_client(workers=1) as client:
        assert client.scheduler_comm.recent_message_log.maxlen == length
        scheduler = client.cluster.scheduler
        streams = [*scheduler.stream_comms.values(), *scheduler.client_comms.values()]
        assert {s.recent_message_log.maxlen for s in streams} == {length}
        on_workers = client.run(
            lambda dask_worker: dask_worker.batched_stream.recent_message_log.maxlen
        )
        assert set(on_workers.values()) == {length}
        cluster = client.cluster
    assert cluster.status.name == "closed"  # the cluster it started closes with it


# --------------------------------------------------------------------------- batch function


def _doc_batch() -> dict[str, list[object]]:
    docs = list(_documents(12))
    return {
        "doc_id": [d["id"] for d in docs],
        "text": [d["text"] for d in docs],
        "outlet": [d["outlet"] for d in docs],
        "published": [d["published"] for d in docs],
        "extra": list(range(12)),
    }


def _reference() -> pl.DataFrame:
    from extract.batch import _date

    data = _doc_batch()
    docs = [
        Document(doc_id, text, doc_id, outlet, _date(published))  # type: ignore[arg-type]
        for doc_id, text, outlet, published in zip(
            data["doc_id"], data["text"], data["outlet"], data["published"], strict=True
        )
    ]
    return claims_for_documents(docs)


def test_batch_function_on_polars() -> None:
    reference = _reference()
    assert reference.height > 20
    frame = pl.DataFrame(_doc_batch()).with_columns(pl.col("published").str.to_date())
    claims = claims_for_batch(frame)
    assert isinstance(claims, pl.DataFrame) and claims.schema == CLAIMS_SCHEMA
    assert claims.equals(reference)
    strings = claims_for_batch(pl.DataFrame(_doc_batch()))  # dates as text
    assert strings.equals(reference)
    minimal = claims_for_batch(pl.DataFrame({"doc_id": ["a", "b"], "text": ["Up 5%.", None]}))
    assert minimal.select("doc_id", "value").rows() == [("a", 5.0)]
    assert claims_for_batch(pl.DataFrame(schema={"doc_id": pl.String, "text": pl.String})).equals(
        CLAIMS_SCHEMA.to_frame()
    )


def test_batch_function_on_arrow() -> None:
    reference = _reference()
    batch = pa.RecordBatch.from_pydict(_doc_batch())
    claims = claims_for_batch(batch)
    assert isinstance(claims, pa.RecordBatch)
    assert claims.schema == CLAIMS_ARROW_SCHEMA
    back = pl.from_arrow(claims)
    assert isinstance(back, pl.DataFrame)
    assert back.cast(CLAIMS_SCHEMA).equals(reference)
    table = claims_for_batch(pa.Table.from_batches([batch, batch]))
    assert isinstance(table, pa.Table) and table.num_rows == 2 * reference.height
    empty = claims_for_batch(
        pa.RecordBatch.from_pydict({"doc_id": ["x"], "text": ["No figures here."]})
    )
    assert isinstance(empty, pa.RecordBatch) and empty.num_rows == 0
    assert empty.schema == CLAIMS_ARROW_SCHEMA
    assert CLAIMS_SPARK_DDL.startswith("`claim_id` STRING, `doc_id` STRING, `start` BIGINT")
    assert CLAIMS_SPARK_DDL.count("`") == 2 * len(CLAIMS_SCHEMA)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ["Up 5%."]}, "doc_id"),
        ({"doc_id": [None], "text": ["Up 5%."]}, "null doc_id"),
        ({"doc_id": ["a"], "text": ["Up 5%."], "published": ["last Tuesday"]}, "not a date"),
    ],
)
def test_batch_function_rejects_bad_batches(data: dict[str, list[object]], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        claims_for_batch(pl.DataFrame(data))
    with pytest.raises(TypeError, match=r"polars\.DataFrame"):
        claims_for_batch(data)


# --------------------------------------------------------------------------- bad input, reconcile, CLI


def _messy_folder(root: Path) -> set[str]:
    """Good and bad inputs; returns the names every one of which must be accounted for."""
    root.mkdir()
    for doc in _documents(9):
        (root / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    (root / "empty.txt").write_bytes(b"")
    (root / "picture.png").write_bytes(b"\x89PNG")
    (root / "rows.jsonl").write_text(
        '{"id": "r1", "text": "Sales rose 4% to 12 units."}\n'
        "{broken\n"
        '{"id": "r2"}\n'
        '{"id": "r3", "text": "It cost $5 million."}\n',
        encoding="utf-8",
    )
    (root / "manifest.csv").write_text(
        "doc,outlet\ndoc-0000.txt,Daily Bugle\nmissing.txt,Nowhere\n", encoding="utf-8"
    )
    return {f"doc-{k:04d}.txt" for k in range(9)} | {
        "binary.txt",
        "empty.txt",
        "picture.png",
        "r1",
        "rows.jsonl:2",
        "r2",
        "r3",
        "missing.txt",
    }


@pytest.mark.filterwarnings("ignore:.*skipped")
def test_bad_input_is_reported_when_streaming(tmp_path: Path) -> None:
    expected_names = _messy_folder(tmp_path / "in")
    memory = extract_corpus_report(tmp_path / "in", workers=1, progress=False)
    out = tmp_path / "out"
    extract_corpus_to(tmp_path / "in", out, batch_size=2, workers=1, progress=False)
    _assert_same(out, memory)
    documents = scan_output(out, "documents").collect()
    skipped = scan_output(out, "skipped").collect()
    assert documents.schema == DOCUMENTS_SCHEMA and skipped.schema == SKIPPED_SCHEMA
    found = set(documents["doc_id"])
    for source, doc_id in skipped.select("source", "doc_id").iter_rows():
        found.add(doc_id or source.split("/")[-1])
    assert found == expected_names  # every input is a document or a skipped record
    reasons = dict(
        zip(skipped["source"].str.split("/").list.last(), skipped["reason"], strict=True)
    )
    assert "binary" in reasons["binary.txt"]
    assert "manifest" in reasons["manifest.csv"]
    assert "invalid JSON" in reasons["rows.jsonl:2"]
    assert "'text'" in reasons["rows.jsonl:3"]


def test_reconcile_reads_partitions(tmp_path: Path) -> None:
    from reconcile import reconcile

    lazy = extract_corpus_to(
        sample_corpus_path(), tmp_path / "out", batch_size=2, workers=1, progress=False
    )
    streamed = reconcile(lazy)
    in_memory = reconcile(extract_corpus_report(sample_corpus_path(), progress=False).claims)
    assert streamed.quantities.height > 0
    # "why" is left out: its wording can vary from run to run on the same input
    quantities = [r.quantities.drop("why").sort("quantity_id") for r in (streamed, in_memory)]
    assert quantities[0].equals(quantities[1])
    assert streamed.claims.sort("claim_id").equals(in_memory.claims.sort("claim_id"))


def test_cli_writes_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    _messy_folder(source)
    out = f"{tmp_path / 'out'}/"
    assert (
        main([str(source), "-o", out, "--workers", "1", "--batch-size", "3", "--no-progress"]) == 0
    )
    printed = capsys.readouterr().out
    assert "11 documents read, 6 skipped" in printed
    assert "claims written to" in printed
    skipped = pl.read_csv(tmp_path / "out" / "skipped.csv")
    assert skipped.height == 6
    assert main([str(source), "-o", out, "--batch-size", "4", "--no-progress"]) == 2
    assert "--no-resume" in capsys.readouterr().err
    assert main([str(source), "-o", out, "--batch-size", "4", "--no-resume", "--workers", "1"]) == 0
    assert main([str(source), "-o", out, "--format", "csv", "--no-progress"]) == 2


def test_document_count_for_the_eta(tmp_path: Path) -> None:
    _messy_folder(tmp_path / "in")
    # 9 .txt files + binary.txt + empty.txt + 4 JSON lines; the manifest and the .png count 0
    assert corpus._count_documents([tmp_path / "in"], None) == 15
    (tmp_path / "in" / "table.csv").write_text("text\nUp 5%.\n")
    assert corpus._count_documents([tmp_path / "in"], None) is None  # CSV: rate only


def test_progress_bar_shows_rate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _jsonl(tmp_path / "news.jsonl", 30, bad_lines=False)
    extract_corpus_to(source, tmp_path / "out", batch_size=10, workers=1, progress=True)
    err = capsys.readouterr().err
    assert "doc/s" in err and "30/30" in err
