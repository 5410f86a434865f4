"""Bad input never crashes deep inside a library.

Each malformed input gets one of: a clear error naming the problem, a skipped record
with a reason, or an ordinary (possibly empty) claims table with the right schema whose
rows point back into the text exactly. All texts here are invented for these tests.
"""

from __future__ import annotations

import json
import math
import random
import string
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import CLAIMS_SCHEMA, DOCUMENTS_SCHEMA, SKIPPED_SCHEMA, extract_claims
from extract.corpus import extract_corpus_report
from extract.readers import CorpusError, ManifestError

ROOT = Path(__file__).resolve().parents[1]

# --- the invariants every claims table must satisfy -------------------------------------


def claim_problems(text: str, df: pl.DataFrame, doc_id: str = "doc") -> list[str]:
    """Every way ``df`` breaks the claims-table contract for ``text`` (empty when none)."""
    if df.schema != CLAIMS_SCHEMA:
        return [f"schema differs from CLAIMS_SCHEMA: {dict(df.schema)}"]
    problems: list[str] = []
    n = len(text)
    for row in df.iter_rows(named=True):
        start, end = row["start"], row["end"]
        s_start, s_end = row["sentence_start"], row["sentence_end"]
        value, low, high = row["value"], row["low"], row["high"]
        surface = row["surface"]
        shown = (
            repr(surface) if len(surface) <= 60 else f"{surface[:40]!r}...({len(surface)} chars)"
        )
        where = f"row {shown} [{start}:{end}] in sentence [{s_start}:{s_end}]"
        if row["doc_id"] != doc_id:
            problems.append(f"{where}: doc_id {row['doc_id']!r} != {doc_id!r}")
        if not (0 <= start < end <= n):
            problems.append(f"{where}: not 0 <= start < end <= len(text) = {n}")
        elif text[start:end] != row["surface"]:
            problems.append(f"{where}: text[start:end] is {text[start:end]!r}")
        if not (0 <= s_start <= start):
            problems.append(f"{where}: sentence_start > start")
        if not (end <= s_end <= n):
            problems.append(f"{where}: end > sentence_end (or sentence_end > len(text))")
        if text[s_start:s_end] != row["sentence"]:
            problems.append(f"{where}: sentence is not text[sentence_start:sentence_end]")
        if value is None or not math.isfinite(value):
            problems.append(f"{where}: value {value!r} is not finite")
        for name, bound in (("low", low), ("high", high)):
            if bound is not None and not math.isfinite(bound):
                problems.append(f"{where}: {name} {bound!r} is not finite")
        if low is not None and high is not None and value is not None and not low <= value <= high:
            problems.append(f"{where}: not low <= value <= high ({low}, {value}, {high})")
    duplicated = df.filter(pl.col("claim_id").is_duplicated())
    if duplicated.height:
        problems.append(f"claim_id repeated: {duplicated.select('claim_id', 'surface').rows()[:5]}")
    return problems


def assert_valid(text: str, df: pl.DataFrame, doc_id: str = "doc") -> None:
    problems = claim_problems(text, df, doc_id)
    shown = "\n".join(problems[:20])
    more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
    assert not problems, (
        f"{len(problems)} invariant violation(s) for text {text[:80]!r}:\n{shown}{more}"
    )


# --- single texts -----------------------------------------------------------------------


def _random_unicode(seed: int, length: int) -> str:
    """Code points from all planes, surrogates excluded (they cannot be encoded)."""
    rng = random.Random(seed)
    chars: list[str] = []
    while len(chars) < length:
        cp = rng.choice(
            [rng.randrange(0x20, 0x80), rng.randrange(0x80, 0x3000), rng.randrange(0x110000)]
        )
        if not 0xD800 <= cp <= 0xDFFF:
            chars.append(chr(cp))
    return "".join(chars)


HUNDRED_THOUSAND_DIGITS = "".join(str(i % 10) for i in range(1, 100_001))

# A sentence of over 1,000 characters with a claim near the 1,000th.
LONG_SENTENCE = (
    "Residents said  "
    + "the committee heard from residents about parking and noise " * 16
    + "and the council spent more than $5 million on 12 new buses last year"
)

# (id, text, what the table must hold: "empty", "rows" or "any")
TEXT_CASES: list[tuple[str, str, str]] = [
    ("empty", "", "empty"),
    ("whitespace", "  \t\n\n \r\n\u00a0\u2003  \n", "empty"),
    ("newlines-only", "\n" * 1000, "empty"),
    ("punctuation-only", string.punctuation * 20, "empty"),
    ("unicode-punctuation", "«»‹›“”‘’—–…¡¿·•‰‱§¶†‡" * 30, "empty"),
    ("1e400", "1e400", "any"),
    ("1e400-in-prose", "The model predicts 1e400 grains of sand and -1e400 more.", "any"),
    ("100k-digits", HUNDRED_THOUSAND_DIGITS, "any"),
    (
        "100k-digits-with-unit",
        f"The vault holds ${HUNDRED_THOUSAND_DIGITS} million in bonds.",
        "any",
    ),
    ("100k-decimals", "A grain weighs 0." + "0" * 100_000 + "1 grams.", "any"),
    ("e-notation-scaled-past-float", "The debt was put at 9e307 trillion dollars.", "any"),
    ("e-notation-range-past-float", "Between 1e300 and 2e300 billion grains were counted.", "any"),
    ("400-nines-scaled", "Debt reached " + "9" * 400 + " trillion trillion dollars.", "any"),
    ("hundred-pileup", "The fund lost " + "hundred " * 160 + "dollars.", "any"),
    ("scale-word-pileup", "They counted 900 trillion" + " trillion" * 200 + " stars.", "any"),
    ("unbalanced-brackets", "((($5 million", "rows"),
    ("unbalanced-closers", "$5 million))) and ]]] 12% }}}", "rows"),
    ("unbalanced-quotes", '"The toll road cost $40 million, the mayor said (or more', "rows"),
    ("curly-quotes-open", "“The orchard yielded 3,000 apples ‘this season, she said", "rows"),
    (
        "nul-and-controls",
        "Harvest\x00 grew 12%\x01 to \x1b[31m$4 million\x1b[0m\x7f last\u2028year\u0085."
        " Staff\x0c numbered 300\x0b in\x08 total.\x00\x00",
        "rows",
    ),
    ("claim-across-1000th-char", LONG_SENTENCE, "rows"),
    ("carriage-returns", "Ferry trips rose 8%\rto 1,200 a week.\r\nFares fell $2.", "rows"),
    ("zero-width", "Sales\u200b rose\u200d 15%\ufeff to 2\u200b000 units\u2060.", "any"),
    ("rtl-and-combining", "الرقم 42 و\u0301 \u202e 17% \u202c e\u0301te\u0301 3 millions", "any"),
    ("random-unicode-1", _random_unicode(1, 5_000), "any"),
    ("random-unicode-2", _random_unicode(2, 5_000), "any"),
    (
        "random-unicode-digits",
        _random_unicode(3, 2_000) + " 7 million " + _random_unicode(4, 2_000),
        "any",
    ),
    ("fullwidth-digits", "The stall sold １２３ buns and ٣٤ pies for ５%.", "any"),
    ("lone-signs", "$ € £ % - + ( ) per month million billion more than", "any"),
]


@pytest.mark.parametrize(
    ("text", "expect"), [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES]
)
def test_odd_texts_give_a_valid_table(text: str, expect: str) -> None:
    df = extract_claims(text, doc_id="odd")
    assert_valid(text, df, "odd")
    if expect == "empty":
        assert df.height == 0, df.select("surface", "value").rows()
    elif expect == "rows":
        assert df.height > 0, f"no claim found in {text[:80]!r}"


@pytest.mark.parametrize(
    "bad",
    [b"Sales rose 5%.", bytearray(b"Sales rose 5%."), None, 42, 4.5, ["Sales rose 5%."]],
    ids=["bytes", "bytearray", "None", "int", "float", "list"],
)
def test_non_str_text_is_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError) as info:
        extract_claims(bad)  # type: ignore[arg-type]
    message = str(info.value)
    assert "str" in message and type(bad).__name__ in message, message
    # Raised by the extractor itself, not from deep inside a library.
    assert Path(info.traceback[-1].path).parent.name == "extract", info.traceback[-1]


# A paragraph of ordinary prose; repeated without line breaks it makes one long line.
PROSE = (
    "Residents of the harbour district gathered on Saturday to talk about the old fish "
    "market, which has stood empty since the winter storm. Organisers said 240 people came "
    "to the meeting in the library hall. The council has set aside $1.2 million for "
    "repairs, though several speakers argued that the roof alone would cost more than "
    "that. A decision is expected after the summer recess, when the planning committee "
    "meets again. "
)


def test_fifty_megabyte_single_line() -> None:
    repeats = (50 * 2**20) // len(PROSE)
    text = PROSE * repeats
    assert "\n" not in text and len(text) >= 49 * 2**20
    df = extract_claims(text, doc_id="long")
    assert df.height >= repeats, f"{df.height} claims from {repeats} copies of a paragraph with 2"
    assert_valid(text, df, "long")


# --- adversarial inputs for the regular expressions -------------------------------------

_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path

    from extract import extract_claims

    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    began = time.process_time()
    df = extract_claims(text, doc_id="adv")
    seconds = time.process_time() - began
    df.write_parquet(sys.argv[2])
    print(json.dumps({"seconds": seconds, "rows": df.height}))
    """
)

WALL_LIMIT = 20.0  # CPU seconds for one extract_claims call (CPU, so a loaded machine does not
# fail it): a backtracking guard, not a speed test
HARD_LIMIT = 180.0  # wall seconds before the child is killed, so a hang fails instead of stalling
# (room for a loaded 2-core machine: the CPU limit above is the backtracking guard)
MEMORY_LIMIT = (
    4 << 30
)  # bytes of address space for the child, so a blow-up fails instead of swapping


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # not on POSIX: no limit
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


RUN_ON = (
    "the Harbour Trust counted 240 boats and 17 cranes while the Port Authority spent "
    "$3 million on 12 new moorings and Mayor Ellis promised 5% more berths "
)

# An inline image as scraped pages sometimes carry: one 200,000-character "word".
BLOB = "".join(random.Random(7).choices(string.ascii_letters + string.digits + "+/", k=200_000))

ADVERSARIAL: list[tuple[str, str]] = [
    ("thousands-groups", "1" + ",000" * 20_000),
    ("dollar-signs", "$" * 100_000),
    ("many-words-then-number", "a " * 200_000 + "5"),
    ("dashes-then-number", "-" * 100_000 + "5"),
    ("open-brackets", "(" * 50_000 + "5 million"),
    ("number-words", "one hundred and " * 20_000 + "five people"),
    ("scale-words", "5" + " million" * 50_000),
    ("abbreviations", "Mr. " * 50_000 + "5 people"),
    ("dotted-digits", "1." * 50_000 + "5%"),
    ("slashed-digits", "12/" * 30_000 + "5"),
    ("at-signs", "x@" * 50_000 + " 5"),
    ("web-prefix", "www." + "a" * 100_000 + " 5 million"),
    ("colons", "1:" * 50_000 + "5 tonnes"),
    ("percent-run", "%" * 100_000 + "5"),
    ("spaced-digits", "1 " * 100_000 + "5"),
    ("run-on-sentence", RUN_ON * (100_000 // len(RUN_ON))),
    ("inline-base64-image", f"The 2 photos: data:image/png;base64,{BLOB} cost $40."),
]


@pytest.mark.parametrize("text", [c[1] for c in ADVERSARIAL], ids=[c[0] for c in ADVERSARIAL])
def test_adversarial_input_finishes(tmp_path: Path, text: str) -> None:
    source = tmp_path / "input.txt"
    source.write_text(text, encoding="utf-8", newline="")
    table = tmp_path / "claims.parquet"
    command = [sys.executable, "-c", _CHILD, str(source), str(table)]
    began = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=HARD_LIMIT,
            check=False,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        done = None
    if done is None:  # failing outside the except block keeps the long command out of the report
        pytest.fail(
            f"extract_claims did not finish within {HARD_LIMIT:.0f} s on {text[:60]!r}... "
            f"({len(text)} chars): catastrophic backtracking or super-linear work"
        )
    wall = time.perf_counter() - began
    code = done.returncode
    if code < 0:
        cause = f"was killed by signal {-code} (over {MEMORY_LIMIT >> 30} GiB of memory?)"
    else:
        cause = f"exited {code}"
    assert code == 0, (
        f"extract_claims {cause} on {text[:60]!r}... ({len(text)} chars):\n{done.stderr[-4000:]}"
    )
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["seconds"] < WALL_LIMIT, (
        f"extract_claims took {report['seconds']:.1f} CPU s (process {wall:.1f} s wall) on "
        f"{text[:60]!r}... ({len(text)} chars)"
    )
    assert_valid(text, pl.read_parquet(table), "adv")


# --- property test ----------------------------------------------------------------------

PIECES = [
    "million",
    "billion",
    "thousand",
    "more than",
    "less than",
    "up to",
    "about",
    "between",
    "and",
    "to",
    "per month",
    "a year",
    "each week",
    "people",
    "troops",
    "said",
    "according to",
    "rose",
    "fell",
    "percent",
    "Mr.",
    "U.S.",
    "twenty-five",
    "a million",
    "hundreds of",
    "tens of thousands",
]
ALPHABET = string.digits * 3 + " \t\n.,;:!?()[]\"'“”-–—/+$€£¥₹%°kmMBKabcxyz"

fragments = st.one_of(
    st.sampled_from(PIECES),
    st.text(alphabet=ALPHABET, max_size=8),
    st.integers(min_value=0, max_value=10**20).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from([" ", " ", ", ", ". ", "\n", "$", "%", "(", ")"]),
)
news_like = st.lists(fragments, max_size=40).map("".join)
any_text = st.one_of(news_like, news_like, st.text(max_size=300))


@pytest.fixture(scope="module")
def warm_extractor() -> None:
    """Load word lists and lazy imports once, so the first example is not timed with them."""
    extract_claims("Mr. Smith said 25 people paid more than $3 million (£2.4 million) a year.")


@settings(deadline=2000, max_examples=300)
@given(text=any_text)
def test_arbitrary_text_keeps_invariants(warm_extractor: None, text: str) -> None:
    assert_valid(text, extract_claims(text, doc_id="prop"), "prop")


# --- corpus level -----------------------------------------------------------------------

HARBOUR = (
    "The harbour board said 1,200 boats used the marina in June, 8% more than a year earlier.\n"
    "Repairs to the breakwater will cost about $3.5 million.\n"
)
BAKERY = "A bakery in the old town sold 3,400 loaves during the two-day festival.\n"


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")


def test_corpus_reports_every_bad_input(tmp_path: Path) -> None:
    good: dict[str, str | bytes] = {"harbour.txt": HARBOUR, "news/bakery.md": BAKERY}
    must_skip: dict[str, str | bytes] = {
        "binary.txt": b"\x00\x01\x02\x03PK\x03\x04" + bytes(range(256)) * 8,
        "empty.txt": b"",
        "blank.txt": "  \n\n\t \n",
        "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    }
    # Either decoded by a guessed encoding or skipped with a reason; never lost.
    either: dict[str, str | bytes] = {
        "latin1.txt": "The café sold 320 crêpes and 45 éclairs on Sunday.\n".encode("cp1252"),
        "garbled.txt": bytes(range(0x80, 0x100)) * 16,
    }
    for name, data in {**good, **must_skip, **either}.items():
        _write(tmp_path / name, data)
    _write(
        tmp_path / "manifest.csv",
        "doc,outlet,published\n"
        "harbour.txt,Harbour Gazette,2024-06-30\n"
        "news/bakery.md,Old Town News,2024-05-01\n"
        "missing.txt,Nowhere Daily,2024-01-01\n",
    )

    result = extract_corpus_report(tmp_path, progress=False)

    assert result.claims.schema == CLAIMS_SCHEMA
    assert result.documents.schema == DOCUMENTS_SCHEMA
    assert result.skipped.schema == SKIPPED_SCHEMA
    documents = result.documents["doc_id"].to_list()
    skipped = dict(zip(result.skipped["doc_id"], result.skipped["reason"], strict=True))
    assert len(documents) == len(set(documents)), documents
    assert result.skipped.height == len(skipped), result.skipped.rows()
    assert not set(documents) & set(skipped), (documents, skipped)
    for row in result.skipped.iter_rows(named=True):
        assert row["source"] and row["reason"] and row["reason"].strip(), row

    # Nothing silently lost: every file is a document or a skipped record.
    files = {*good, *must_skip, *either}
    assert files <= set(documents) | set(skipped), files - set(documents) - set(skipped)
    assert set(good) <= set(documents)
    assert set(must_skip) <= set(skipped), {k: skipped.get(k) for k in must_skip}
    assert "missing.txt" in skipped and "manifest" in skipped["missing.txt"], skipped
    assert set(documents) | set(skipped) == files | {"missing.txt"}

    # The good documents still produce claims, with offsets into their text.
    texts = {
        row["doc_id"]: (tmp_path / row["doc_id"]).read_bytes().decode("utf-8", errors="replace")
        for row in result.documents.iter_rows(named=True)
    }
    for doc_id, text in texts.items():
        mine = result.claims.filter(pl.col("doc_id") == doc_id)
        if doc_id in good:
            assert_valid(text, mine, doc_id)
            assert mine.height > 0, f"no claims from {doc_id}"
    counts = dict(result.documents.select("doc_id", "n_claims").iter_rows())
    for doc_id in good:
        assert counts[doc_id] == result.claims.filter(pl.col("doc_id") == doc_id).height
    outlets = set(result.claims.filter(pl.col("doc_id") == "harbour.txt")["outlet"])
    assert outlets == {"Harbour Gazette"}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("manifest.csv", "file,outlet\nharbour.txt,Harbour Gazette\n"),
        ("manifest.csv", "doc,published\nharbour.txt,last Tuesday\n"),
        ("manifest.csv", "doc,outlet\nharbour.txt,A\nharbour.txt,B\n"),
        ("manifest.csv", "doc,outlet\nharbour.txt,Harbour Gazette,2024\n"),
        ("manifest.yaml", "- doc: harbour.txt\n  outlet: [unclosed\n"),
        ("manifest.yaml", "just a sentence, not a list\n"),
        ("manifest.yml", "- outlet: Harbour Gazette\n"),
    ],
    ids=[
        "no-doc-column",
        "bad-date",
        "repeated-doc",
        "extra-values",
        "bad-yaml",
        "yaml-not-a-list",
        "yaml-no-doc-key",
    ],
)
def test_malformed_manifest_is_a_clear_error(tmp_path: Path, name: str, content: str) -> None:
    _write(tmp_path / "harbour.txt", HARBOUR)
    _write(tmp_path / name, content)
    with pytest.raises(ManifestError, match=name.replace(".", r"\.")):
        extract_corpus_report(tmp_path, progress=False)


def test_explicit_malformed_manifest_is_a_clear_error(tmp_path: Path) -> None:
    _write(tmp_path / "docs" / "harbour.txt", HARBOUR)
    _write(tmp_path / "meta.csv", "title\nno doc column here\n")
    with pytest.raises(ManifestError, match="doc"):
        extract_corpus_report(tmp_path / "docs", manifest=tmp_path / "meta.csv", progress=False)


@pytest.mark.parametrize("kind", ["missing-folder", "missing-file", "empty-folder"])
def test_unreadable_corpus_path_is_a_corpus_error(tmp_path: Path, kind: str) -> None:
    target = {
        "missing-folder": tmp_path / "no such folder",
        "missing-file": tmp_path / "absent.txt",
        "empty-folder": tmp_path / "empty",
    }[kind]
    if kind == "empty-folder":
        target.mkdir()
    with pytest.raises(CorpusError, match=target.name):
        extract_corpus_report(target, progress=False)
