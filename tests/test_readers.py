"""Tests for extract.readers: every input becomes a Document or a Skipped record."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.documents import Document, Skipped
from extract.readers import (
    CorpusError,
    ManifestEntry,
    ManifestError,
    iter_documents,
    read_manifest,
    sample_corpus_path,
)

# Invented texts, written for these tests.
FERRY = "The island ferry carried 48,000 passengers in July, 6% more than last summer."
BAKERY = "A bakery in the old town sold 3,400 loaves during the two-day festival."
ACCENTED = "Le café du port a vendu 1 250 crêpes à Noël, soit 15 % de plus qu'en été."


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def records(*args: object, **kwargs: object) -> list[Document | Skipped]:
    return list(iter_documents(*args, **kwargs))  # type: ignore[arg-type]


def only(*args: object, **kwargs: object) -> Document | Skipped:
    found = records(*args, **kwargs)
    assert len(found) == 1, found
    return found[0]


# --- plain text files -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["note.txt", "note.md", "note.text", "NOTE.TXT"])
def test_text_file_is_one_document(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, FERRY + "\n")
    doc = only(path)
    assert doc == Document(doc_id=name, text=FERRY + "\n", source=str(path))


def test_folder_doc_ids_are_relative_paths(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", FERRY)
    write(tmp_path / "sub" / "b.md", BAKERY)
    docs = records(tmp_path)
    assert [d.doc_id for d in docs] == ["a.txt", "sub/b.md"]
    assert all(isinstance(d, Document) for d in docs)


def test_list_of_inputs_is_read_in_order(tmp_path: Path) -> None:
    first = write(tmp_path / "z.txt", FERRY)
    folder = tmp_path / "more"
    write(folder / "y.txt", BAKERY)
    assert [d.doc_id for d in records([first, folder])] == ["z.txt", "y.txt"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\r\ntwo\r\n", "one\ntwo\n"),
        ("one\rtwo\r", "one\ntwo\n"),
        ("one\r\n\r\ntwo\rthree\n", "one\n\ntwo\nthree\n"),
        ("  keeps  spacing\t\n", "  keeps  spacing\t\n"),
    ],
)
def test_line_ends_are_normalised_and_nothing_else(tmp_path: Path, raw: str, expected: str) -> None:
    doc = only(write(tmp_path / "a.txt", raw.encode("utf-8")))
    assert isinstance(doc, Document)
    assert doc.text == expected


# --- decoding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (FERRY.encode("utf-8"), FERRY),
        (b"\xef\xbb\xbf" + ACCENTED.encode("utf-8"), ACCENTED),
        (ACCENTED.encode("cp1252"), ACCENTED),
        (ACCENTED.encode("latin-1"), ACCENTED),
        ("Prices: 5 € — “up” 3%".encode("cp1252"), "Prices: 5 € — “up” 3%"),
        ("café".encode("latin-1"), "café"),
        (ACCENTED.encode("utf-16"), ACCENTED),
        (b"\xfe\xff" + ACCENTED.encode("utf-16-be"), ACCENTED),
        (b"\xff\xfe" + ACCENTED.encode("utf-16-le"), ACCENTED),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "latin1", "cp1252-quotes", "short", "utf16", "16be", "16le"],
)
def test_text_is_decoded(tmp_path: Path, data: bytes, expected: str) -> None:
    doc = only(write(tmp_path / "a.txt", data))
    assert isinstance(doc, Document)
    assert doc.text == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document"),
        (b"   \n\t\r\n ", "empty document"),
        (b"\xef\xbb\xbf\n", "empty document"),
        (b"\x00\x01\x02\x03PK\x00\x00", "binary file"),
        (b"text with a \x00 inside", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
    ],
    ids=["empty", "whitespace", "bom-only", "nul", "nul-in-text", "all-bytes"],
)
def test_unreadable_files_are_skipped(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path / "a.txt", data)
    assert only(path) == Skipped(source=str(path), doc_id="a.txt", reason=reason)


def test_undecodable_text_says_why(tmp_path: Path) -> None:
    skipped = only(write(tmp_path / "a.txt", b"\xff\xfe\x00"))  # odd-length UTF-16
    assert isinstance(skipped, Skipped)
    assert skipped.reason.startswith("could not decode:")


@pytest.mark.parametrize("name", ["big.txt", "big.html"])
def test_too_large_file_is_skipped(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, FERRY * 10)
    skipped = only(path, max_bytes=100)
    assert isinstance(skipped, Skipped)
    assert skipped.reason == f"too large: {len(FERRY) * 10} bytes > max_bytes (100)"
    assert isinstance(only(path, max_bytes=len(FERRY) * 10), Document | Skipped)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400))
def test_any_bytes_give_exactly_one_record(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "x.txt", data)
        found = list(iter_documents(path))
    assert len(found) == 1
    record = found[0]
    assert isinstance(record, Document | Skipped)
    if isinstance(record, Document):
        assert "\r" not in record.text
        assert record.text.strip()


# --- HTML -------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head>
<title>Ferry numbers rise</title>
<meta property="og:url" content="https://news.example.org/ferry">
<meta property="article:published_time" content="2022-08-02T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/sport">Sport</a></nav>
<article><h1>Ferry numbers rise</h1>
<p>{ferry}</p>
<p>{bakery}</p>
</article>
<footer>All rights reserved.</footer>
</body></html>
"""


@pytest.mark.parametrize("name", ["story.html", "story.htm"])
def test_html_main_text_and_metadata(tmp_path: Path, name: str) -> None:
    doc = only(write(tmp_path / name, HTML.format(ferry=FERRY, bakery=BAKERY)))
    assert isinstance(doc, Document)
    assert FERRY in doc.text
    assert BAKERY in doc.text
    assert "rights reserved" not in doc.text
    assert doc.title == "Ferry numbers rise"
    assert doc.url == "https://news.example.org/ferry"
    assert doc.published == dt.date(2022, 8, 2)


def test_html_without_text_is_skipped(tmp_path: Path) -> None:
    skipped = only(write(tmp_path / "blank.html", "<html><body><div></div></body></html>"))
    assert isinstance(skipped, Skipped)
    assert skipped.doc_id == "blank.html"


# --- JSON lines -------------------------------------------------------------------------


def test_jsonl_rows(tmp_path: Path) -> None:
    lines = [
        {"text": FERRY, "outlet": "Coast Times", "published": "2021-07-30", "title": "Ferry"},
        {"text": BAKERY, "doc_id": "bake-1", "url": "https://example.org/b"},
        {"text": "Line one\r\nline two", "id": 77},
    ]
    path = write(tmp_path / "feed.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    docs = records(path)
    assert docs == [
        Document(
            "feed.jsonl#1", FERRY, str(path), "Coast Times", dt.date(2021, 7, 30), None, "Ferry"
        ),
        Document("bake-1", BAKERY, str(path), url="https://example.org/b"),
        Document("77", "Line one\nline two", str(path)),
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "invalid JSON"),
        ('{"body": "no text key"}', "no 'text' field"),
        ('{"text": 12}', "'text' is not a string (int)"),
        ('{"text": null}', "empty document"),
        ('{"text": "   "}', "empty document"),
        ('["a", "list"]', "line is not a JSON object"),
        ('{"text": "ok", "published": "last week"}', "published 'last week' is not a date"),
    ],
)
def test_jsonl_bad_line_reported_with_line_number(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps({"text": FERRY})
    path = write(tmp_path / "feed.jsonl", f"{good}\n\n{good}\n{line}\n{good}\n")
    found = records(path)
    assert [type(r) for r in found] == [Document, Document, Skipped, Document]
    skipped = found[2]
    assert isinstance(skipped, Skipped)
    assert skipped.source == f"{path}:4"
    assert skipped.reason.startswith(reason)
    assert [r.doc_id for r in found if isinstance(r, Document)] == [
        "feed.jsonl#1",
        "feed.jsonl#3",
        "feed.jsonl#5",
    ]


def test_jsonl_long_line_skipped_and_rest_read(tmp_path: Path) -> None:
    lines = [{"text": "short"}, {"text": FERRY * 20}, {"text": "also short"}]
    path = write(tmp_path / "feed.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    found = records(path, max_bytes=200)
    assert [r.doc_id for r in found] == ["feed.jsonl#1", None, "feed.jsonl#3"]
    assert isinstance(found[1], Skipped)
    assert found[1].source == f"{path}:2"
    assert found[1].reason.startswith("too large: ")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_table_without_rows_is_reported(tmp_path: Path, suffix: str) -> None:
    content = "\n\n" if suffix == ".jsonl" else "text,outlet\n"
    skipped = only(write(tmp_path / f"t{suffix}", content))
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "no rows"


def test_custom_text_and_id_columns(tmp_path: Path) -> None:
    path = write(tmp_path / "f.jsonl", json.dumps({"body": FERRY, "key": "k1"}) + "\n")
    doc = only(path, text_column="body", id_column="key")
    assert isinstance(doc, Document)
    assert (doc.doc_id, doc.text) == ("k1", FERRY)


# --- CSV and Parquet --------------------------------------------------------------------


def test_csv_rows(tmp_path: Path) -> None:
    body = f'text,outlet,published\r\n"{FERRY}",Coast Times,2021-07-30\r\n"a\r\nb",,\r\n'
    path = write(tmp_path / "rows.csv", body.encode("utf-8"))
    assert records(path) == [
        Document("rows.csv#1", FERRY, str(path), "Coast Times", dt.date(2021, 7, 30)),
        Document("rows.csv#2", "a\nb", str(path)),
    ]


def test_csv_in_cp1252_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path / "rows.csv", f'text,outlet\n"{ACCENTED}",Gazette\n'.encode("cp1252"))
    doc = only(path)
    assert isinstance(doc, Document)
    assert (doc.text, doc.outlet) == (ACCENTED, "Gazette")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("body,outlet\nx,y\n", "no 'text' column"),
        ("text\n", "no rows"),
    ],
)
def test_csv_problems_are_reported(tmp_path: Path, body: str, reason: str) -> None:
    path = write(tmp_path / "rows.csv", body)
    assert only(path) == Skipped(str(path), "rows.csv", reason)


def test_parquet_rows(tmp_path: Path) -> None:
    path = tmp_path / "rows.parquet"
    pl.DataFrame(
        {
            "text": [FERRY, BAKERY, None],
            "doc_id": ["p1", None, "p3"],
            "published": [dt.date(2020, 5, 6), None, None],
        }
    ).write_parquet(path)
    assert records(path) == [
        Document("p1", FERRY, str(path), published=dt.date(2020, 5, 6)),
        Document("rows.parquet#2", BAKERY, str(path)),
        # a null doc_id is not taken silently (issue 14): the row's own id is used, and noted
        Skipped(
            f"{path}, row 2", "rows.parquet#2", "renamed: doc_id is empty; read as 'rows.parquet#2'"
        ),
        Skipped(f"{path}, row 3", "p3", "empty document"),
    ]


def test_parquet_with_non_text_column_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "nums.parquet"
    pl.DataFrame({"text": [1, 2]}).write_parquet(path)
    skipped = only(path)
    assert isinstance(skipped, Skipped)
    assert "not text" in skipped.reason


@pytest.mark.parametrize("name", ["data.xyz", "picture.PNG", "README"])
def test_unsupported_file_type(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, FERRY)
    skipped = only(path)
    assert isinstance(skipped, Skipped)
    assert skipped.doc_id == name
    assert skipped.reason.startswith("unsupported file type")
    if name == "data.xyz":
        assert skipped.reason == "unsupported file type .xyz"


# --- manifests --------------------------------------------------------------------------

MANIFEST_CSV = (
    "doc,outlet,published,url,title,note\n"
    "a.txt,Coast Times,2021-07-30,https://example.org/a,Ferry,checked by hand\n"
    "b.txt,Town Crier,,,,\n"
)
MANIFEST_YAML = """\
- doc: a.txt
  outlet: Coast Times
  published: 2021-07-30
  url: https://example.org/a
  title: Ferry
  note: checked by hand
- doc: b.txt
  outlet: Town Crier
"""
MANIFEST_YAML_MAPPING = """\
a.txt: {outlet: Coast Times, published: "2021-07-30", url: "https://example.org/a", title: Ferry}
b.txt: {outlet: Town Crier}
"""
EXPECTED_A = ManifestEntry("Coast Times", dt.date(2021, 7, 30), "https://example.org/a", "Ferry")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("manifest.csv", MANIFEST_CSV),
        ("manifest.yaml", MANIFEST_YAML),
        ("manifest.yml", MANIFEST_YAML_MAPPING),
    ],
)
def test_manifest_found_in_folder_sets_metadata(tmp_path: Path, name: str, content: str) -> None:
    write(tmp_path / name, content)
    write(tmp_path / "a.txt", FERRY)
    write(tmp_path / "b.txt", "date 2019-01-02\n" + BAKERY)
    assert read_manifest(tmp_path / name)["a.txt"] == EXPECTED_A
    docs = records(tmp_path)
    assert [d.doc_id for d in docs] == ["a.txt", "b.txt"]  # the manifest is no document
    a, b = docs
    assert isinstance(a, Document)
    assert isinstance(b, Document)
    assert (a.outlet, a.published, a.url, a.title) == (
        "Coast Times",
        dt.date(2021, 7, 30),
        "https://example.org/a",
        "Ferry",
    )
    assert (b.outlet, b.published) == ("Town Crier", dt.date(2019, 1, 2))


def test_explicit_manifest_matches_file_name_in_subfolder(tmp_path: Path) -> None:
    manifest = write(tmp_path / "meta" / "list.csv", MANIFEST_CSV)
    write(tmp_path / "corpus" / "2021" / "a.txt", FERRY)
    write(tmp_path / "corpus" / "2021" / "b.txt", BAKERY)
    docs = records(tmp_path / "corpus", manifest=manifest)
    assert [(d.doc_id, getattr(d, "outlet", None)) for d in docs] == [
        ("2021/a.txt", "Coast Times"),
        ("2021/b.txt", "Town Crier"),
    ]


def test_single_file_uses_its_folders_manifest(tmp_path: Path) -> None:
    write(tmp_path / "manifest.csv", MANIFEST_CSV)
    doc = only(write(tmp_path / "a.txt", FERRY))  # b.txt is absent but out of scope
    assert isinstance(doc, Document)
    assert doc.outlet == "Coast Times"


def test_manifest_naming_missing_file_is_reported(tmp_path: Path) -> None:
    manifest = write(tmp_path / "manifest.csv", MANIFEST_CSV + "gone.txt,Nowhere News,,,,\n")
    write(tmp_path / "a.txt", FERRY)
    write(tmp_path / "b.txt", BAKERY)
    found = records(tmp_path)
    assert found[-1] == Skipped(str(manifest), "gone.txt", "listed in manifest but not found")
    assert [type(r) for r in found] == [Document, Document, Skipped]


def test_manifest_rows_match_table_ids(tmp_path: Path) -> None:
    manifest = write(
        tmp_path / "m.yaml", "- {doc: feed.jsonl, outlet: Wire}\n- {doc: r2, title: Two}\n"
    )
    rows = [{"text": FERRY, "id": "r1"}, {"text": BAKERY, "id": "r2", "outlet": "Own"}]
    path = write(tmp_path / "data" / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    docs = records(path, manifest=manifest)
    assert [(d.doc_id, getattr(d, "outlet", None), getattr(d, "title", None)) for d in docs] == [
        ("r1", "Wire", None),
        ("r2", "Own", "Two"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("m.csv", "file,outlet\na.txt,X\n", ["no 'doc' column"]),
        ("m.csv", "", ["no 'doc' column"]),
        ("m.csv", "doc,published\na.txt,2021-13-45\n", ["row 1", "'2021-13-45'", "not a date"]),
        ("m.csv", "doc,published\na.txt,yesterday\n", ["row 1", "not a date"]),
        ("m.csv", "doc,outlet\na.txt,X\nb.txt,Y\na.txt,Z\n", ["row 3", "'a.txt'", "twice"]),
        ("m.csv", "doc,outlet\n,X\n", ["row 1", "'doc' is empty"]),
        ("m.csv", "doc,outlet\na.txt,X,extra\n", ["row 1", "more values"]),
        ("m.yaml", "- doc: a.txt\n  published: soon\n", ["row 1", "not a date"]),
        ("m.yaml", "- outlet: X\n", ["row 1", "no 'doc'"]),
        ("m.yaml", "- doc: [unclosed\n", ["not valid YAML"]),
        ("m.yaml", "just a sentence\n", ["list of entries"]),
        ("m.json", '[{"doc": "a.txt"}]', ["not a CSV or YAML file"]),
        ("m.csv", b"doc\nvalue \xff\n", ["not UTF-8"]),
    ],
)
def test_malformed_manifest_raises(
    tmp_path: Path, name: str, content: str | bytes, words: list[str]
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(ManifestError) as raised:
        read_manifest(path)
    message = str(raised.value)
    assert str(path) in message
    for word in words:
        assert word in message
    write(tmp_path / "a.txt", FERRY)
    with pytest.raises(ManifestError):
        iter_documents(tmp_path / "a.txt", manifest=path)


def test_missing_manifest_raises(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", FERRY)
    with pytest.raises(ManifestError, match="does not exist"):
        iter_documents(tmp_path, manifest=tmp_path / "nope.csv")


def test_two_manifests_in_one_folder_raise(tmp_path: Path) -> None:
    write(tmp_path / "manifest.csv", MANIFEST_CSV)
    write(tmp_path / "manifest.yaml", MANIFEST_YAML)
    write(tmp_path / "a.txt", FERRY)
    with pytest.raises(ManifestError, match="keep one"):
        iter_documents(tmp_path)


# --- date line --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (f"date 2023-03-14\n{FERRY}", dt.date(2023, 3, 14)),
        (f"  date 2023-03-14 {FERRY}", dt.date(2023, 3, 14)),
        (f"Date: 2023-03-14\n{FERRY}", dt.date(2023, 3, 14)),
        (f"date 2023-02-30\n{FERRY}", None),
        (f"{FERRY}\ndate 2023-03-14\n", None),
        (f"dated 2023-03-14 {FERRY}", None),
        (f"date 2023-03-145 {FERRY}", None),
    ],
)
def test_date_line_sets_published_and_stays_in_text(
    tmp_path: Path, text: str, published: dt.date | None
) -> None:
    doc = only(write(tmp_path / "a.txt", text))
    assert isinstance(doc, Document)
    assert doc.published == published
    assert doc.text == text


def test_manifest_date_wins_over_date_line(tmp_path: Path) -> None:
    write(tmp_path / "manifest.csv", "doc,published\na.txt,2020-01-01\n")
    doc = only(write(tmp_path / "a.txt", f"date 2023-03-14\n{FERRY}"))
    assert isinstance(doc, Document)
    assert doc.published == dt.date(2020, 1, 1)


# --- paths and walking ------------------------------------------------------------------


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        iter_documents(tmp_path / "nothing-here")
    write(tmp_path / "a.txt", FERRY)
    with pytest.raises(CorpusError, match="does not exist"):
        iter_documents([tmp_path / "a.txt", tmp_path / "nothing-here"])


@pytest.mark.parametrize("hidden", [[], [".DS_Store"], [".git/config"], ["manifest.csv"]])
def test_folder_with_nothing_to_read_raises(tmp_path: Path, hidden: list[str]) -> None:
    for name in hidden:
        write(tmp_path / name, "doc\n" if name == "manifest.csv" else "x")
    with pytest.raises(CorpusError, match="holds no files"):
        iter_documents(tmp_path)


def test_no_inputs_raises() -> None:
    with pytest.raises(CorpusError):
        iter_documents([])


def test_walk_order_is_sorted_and_repeatable(tmp_path: Path) -> None:
    names = ["b/z.txt", "a.txt", "b/a/c.txt", "c.txt", "b/y.txt", "B.txt", "b/a/b.txt"]
    for name in names:
        write(tmp_path / name, FERRY)
    expected = ["B.txt", "a.txt", "b/a/b.txt", "b/a/c.txt", "b/y.txt", "b/z.txt", "c.txt"]
    assert [d.doc_id for d in records(tmp_path)] == expected
    assert [d.doc_id for d in records(str(tmp_path))] == expected


def test_hidden_files_and_folders_are_skipped(tmp_path: Path) -> None:
    write(tmp_path / "seen.txt", FERRY)
    write(tmp_path / ".hidden.txt", BAKERY)
    write(tmp_path / ".cache" / "inside.txt", BAKERY)
    write(tmp_path / "sub" / ".secret.md", BAKERY)
    assert [d.doc_id for d in records(tmp_path)] == ["seen.txt"]
    assert only(tmp_path / ".hidden.txt").doc_id == ".hidden.txt"  # named directly: read


def test_every_file_gives_a_record(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", FERRY)
    write(tmp_path / "b.bin", b"\x00\x00")
    write(tmp_path / "c.txt", b"")
    write(tmp_path / "d.pdf", b"%PDF-1.4")
    found = records(tmp_path)
    assert [(r.doc_id, type(r).__name__) for r in found] == [
        ("a.txt", "Document"),
        ("b.bin", "Skipped"),
        ("c.txt", "Skipped"),
        ("d.pdf", "Skipped"),
    ]


def test_sample_corpus_path() -> None:
    path = sample_corpus_path()
    assert path.parts[-3:] == ("extract", "data", "sample")
