"""Odd inputs a batch job meets: link loops, named pipes, UTF-16 without a BOM, bad CSV rows,
repeated and null document ids. Each is read or skipped with a reason, never a crash."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import polars as pl
import pytest

from extract.corpus import extract_corpus_report, extract_corpus_to, scan_output
from extract.documents import Document, Skipped
from extract.readers import CorpusError, iter_documents

HARBOUR = "The harbour handled 1,200 containers on Monday, up 5% on the week.\n"
BAKERY = "A bakery sold 3,400 loaves during the two-day fair.\n"


def records(*inputs: Path) -> tuple[list[Document], list[Skipped]]:
    found = list(iter_documents(list(inputs)))
    return (
        [r for r in found if isinstance(r, Document)],
        [r for r in found if isinstance(r, Skipped)],
    )


# --------------------------------------------------------------------------- link loops


@pytest.fixture
def looped(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(HARBOUR)
    (folder / "self").symlink_to("self")  # ln -s self news/self
    (folder / "z.txt").write_text(BAKERY)
    return folder


def test_a_link_to_itself_is_skipped_with_a_reason(looped: Path) -> None:
    documents, skipped = records(looped)
    assert [d.doc_id for d in documents] == ["a.txt", "z.txt"]
    assert [(s.doc_id, s.reason) for s in skipped] == [
        ("self", "symbolic link loop (the link leads back to itself)")
    ]
    result = extract_corpus_report(looped, workers=1, progress=False)
    assert result.documents.height == 2
    assert result.skipped["reason"].to_list() == [skipped[0].reason]


@pytest.mark.filterwarnings("ignore:.*skipped")
def test_a_link_loop_in_folder_mode_finishes_and_resumes(looped: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for _ in range(2):  # a rerun must not crash at the same point either
        extract_corpus_to(looped, out, workers=1, progress=False, batch_size=1)
        assert scan_output(out, "documents").collect().height == 2
        assert scan_output(out, "skipped").collect()["doc_id"].to_list() == ["self"]
        assert (out / "_complete.json").is_file()


def test_a_link_loop_given_directly_is_a_clear_error(looped: Path) -> None:
    with pytest.raises(CorpusError, match="symbolic link to nothing readable"):
        iter_documents(looped / "self")


# --------------------------------------------------------------------------- named pipes


def test_a_named_pipe_given_directly_is_not_an_empty_document(tmp_path: Path) -> None:
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    (tmp_path / "a.txt").write_text(HARBOUR)
    documents, skipped = records(pipe, tmp_path / "a.txt")  # must not block reading the pipe
    assert [d.doc_id for d in documents] == ["a.txt"]
    assert [s.reason for s in skipped] == ["not a regular file (a named pipe)"]
    _, in_folder = records(tmp_path)
    assert [s.reason for s in in_folder] == ["not a regular file (a named pipe)"]


# --------------------------------------------------------------------------- UTF-16


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_decoded(tmp_path: Path, codec: str) -> None:
    text = "Le port a traité 1 200 conteneurs, soit 5 % de plus.\n" + HARBOUR
    (tmp_path / "wide.txt").write_bytes(text.encode(codec))
    (tmp_path / "rows.csv").write_bytes(f'doc_id,text\nw1,"{HARBOUR.strip()}"\n'.encode(codec))
    documents, skipped = records(tmp_path)
    assert skipped == []
    assert [(d.doc_id, d.text) for d in documents] == [
        ("w1", HARBOUR.strip()),
        ("wide.txt", text),
    ]


def test_binary_with_zero_bytes_is_still_binary(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    _, skipped = records(tmp_path)
    assert [s.reason for s in skipped] == ["binary file"]


# --------------------------------------------------------------------------- CSV rows


def test_one_bad_csv_row_skips_that_row_not_the_file(tmp_path: Path) -> None:
    table = tmp_path / "rows.csv"
    table.write_text(
        "doc_id,text,outlet\n"
        f'r1,"{HARBOUR.strip()}",Harbour Times\n'
        f'r2,"{BAKERY.strip()}",Town Crier,an extra field\n'
        "\n"
        'r3,"Ferry fares rose 4% in May,\nthe operator said.",Harbour Times\n'
        "r4,Up 7% on the year.\n"
    )
    documents, skipped = records(table)
    assert [d.doc_id for d in documents] == ["r1", "r3", "r4"]
    assert documents[1].text == "Ferry fares rose 4% in May,\nthe operator said."
    assert (documents[0].outlet, documents[2].outlet) == ("Harbour Times", None)
    assert [(s.source, s.reason) for s in skipped] == [
        (f"{table}, line 3", "row has 4 fields, the header 3")
    ]


def test_csv_without_ids_keeps_row_numbers_and_a_bad_file_still_says_why(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f'text\n"{HARBOUR.strip()}"\n"{BAKERY.strip()}"\n')
    (tmp_path / "b.csv").write_text("body\nUp 5%.\n")
    documents, skipped = records(tmp_path)
    assert [d.doc_id for d in documents] == ["a.csv#1", "a.csv#2"]
    assert [(Path(s.source).name, s.reason) for s in skipped] == [("b.csv", "no 'text' column")]


def test_long_csv_fields_are_read(tmp_path: Path) -> None:
    long_text = (HARBOUR.strip() + " ") * 4000  # over the csv module's default 128 KiB
    pl.DataFrame({"doc_id": ["long"], "text": [long_text]}).write_csv(tmp_path / "long.csv")
    documents, skipped = records(tmp_path / "long.csv")
    assert skipped == [] and documents[0].text == long_text


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


# --------------------------------------------------------------------------- document ids


def test_repeated_document_ids_are_made_unique_and_reported(tmp_path: Path) -> None:
    rows = [
        {"doc_id": "a", "text": HARBOUR},
        {"doc_id": "a", "text": BAKERY},
        {"doc_id": "a~2", "text": "Ferry fares rose 4% in May."},
        {"doc_id": "b", "text": "Up 7% on the year."},
    ]
    source = _jsonl(tmp_path / "news.jsonl", rows)
    documents, notes = records(source)
    assert [d.doc_id for d in documents] == ["a", "a~2", "a~2~2", "b"]
    assert [n.reason for n in notes] == [
        "renamed: doc_id 'a' was already used; read as 'a~2'",
        "renamed: doc_id 'a~2' was already used; read as 'a~2~2'",
    ]
    result = extract_corpus_report(source, workers=1, progress=False)
    assert result.claims["claim_id"].is_unique().all()
    assert result.documents["doc_id"].to_list() == ["a", "a~2", "a~2~2", "b"]
    assert result.skipped.height == 2


def test_the_same_file_name_in_two_inputs_gets_two_ids(tmp_path: Path) -> None:
    for name in ("left", "right"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "story.txt").write_text(HARBOUR)
    documents, notes = records(tmp_path / "left", tmp_path / "right")
    assert [d.doc_id for d in documents] == ["story.txt", "story.txt~2"]
    assert len(notes) == 1 and notes[0].reason.startswith("renamed:")


def test_an_empty_doc_id_is_read_under_its_row_and_noted(tmp_path: Path) -> None:
    source = _jsonl(
        tmp_path / "news.jsonl",
        [{"doc_id": None, "text": HARBOUR}, {"doc_id": " ", "text": BAKERY}, {"text": "Up 7%."}],
    )
    documents, notes = records(source)
    assert [d.doc_id for d in documents] == ["news.jsonl#1", "news.jsonl#2", "news.jsonl#3"]
    assert [(n.source, n.reason) for n in notes] == [
        (f"{source}:1", "renamed: doc_id is empty; read as 'news.jsonl#1'"),
        (f"{source}:2", "renamed: doc_id is empty; read as 'news.jsonl#2'"),
    ]


def test_a_publication_date_as_text_is_read_or_refused_clearly() -> None:
    """``published`` as an ISO text is the date; a text of no date, or a number, is a clear
    error naming the argument, not a failure inside polars."""
    from extract import extract_claims

    text = "The council said 40 homes were flooded."
    as_text = extract_claims(text, published="2030-05-01")
    as_date = extract_claims(text, published=dt.date(2030, 5, 1))
    assert as_text.equals(as_date)
    assert extract_claims(text, published=dt.datetime(2030, 5, 1, 9, 30)).equals(as_date)
    with pytest.raises(ValueError, match="published"):
        extract_claims(text, published="1 May 2030")
    with pytest.raises(TypeError, match="published"):
        extract_claims(text, published=20300501)  # type: ignore[arg-type]
