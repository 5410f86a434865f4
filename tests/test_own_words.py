"""Our own words only: no text in the project repeats a sentence of other people's writing.

The shared material (``../shared``) holds other people's sentences: the NewsQuant development
half, the peer test suites (quantulum3, Recognizers-Text), the seed articles and the
``reconcile_dev`` articles. Facts and figures from them may be used; their wording may not.
This test reads every comment, docstring and string literal of the Python files, every cell of
the notebooks and every data file under the scanned folders, and fails on any run of
``RUN`` or more characters (after folding case, quotes and whitespace) that also occurs in one
of those texts. It skips when ``../shared`` is absent.

Exemptions live in ``EXEMPT_PATHS`` and ``EXEMPT_RUNS`` below, each with its reason; add to
them only what must stay (a fact, a name, a pattern that has to match other people's text).
"""

from __future__ import annotations

import io
import json
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN = 30
"""Shortest shared run of characters that counts as copying (after normalising)."""

SCANNED = ("extract", "reconcile", "tests", "benchmarks", "notebooks")
TEXT_SUFFIXES = {
    ".py",
    ".ipynb",
    ".yaml",
    ".yml",
    ".json",
    ".jsonl",
    ".md",
    ".txt",
    ".csv",
    ".toml",
}

EXEMPT_PATHS: dict[str, str] = {}

EXEMPT_RUNS = {
    # Facts, not wording: a figure with its hedge and counted noun, an example in a comment of
    # reconcile/frames.py (the project rule lets facts and figures carry over).
    "more than 1,000 containers of munitions": "a figure with its hedge and counted noun",
    # A body's name with the verb that attributes a figure to it, in our own invented story
    # (tests/data/own_topics/shipwreck): a name, not wording.
    "the international organization for migration said": "a body's name and 'said'",
    # (tests/data/own_topics/cholera) the same: a body's name, and its name with its verb.
    "the world health organization": "a body's name",
    "world health organization estimates": "a body's name and 'estimates'",
    # A furniture pattern in extract/data/lexicon.yaml: it must match the stock disclaimer
    # that financial sites print under articles, so it repeats that disclaimer's words.
    "does not provide investment advice": "a page-furniture pattern",
}
"""Normalised runs (or parts of them) allowed to repeat shared text, each with its reason."""

_QUOTES = str.maketrans("", "", "'\"‘’“”`")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold case, drop quote marks (NewsQuant stripped them) and squeeze whitespace.

    >>> normalise("The  Cat's\\n“hat”")
    'the cats hat'
    """
    return _SPACE.sub(" ", text.translate(_QUOTES).lower()).strip()


# --- the shared texts -------------------------------------------------------------------


def _json_field(path: Path, field: str) -> list[str]:
    return [str(case[field]) for case in json.loads(path.read_text(encoding="utf-8"))]


def _titles(manifest: Path) -> list[str]:
    import csv

    with manifest.open(encoding="utf-8", newline="") as handle:
        return [row["title"] for row in csv.DictReader(handle) if row.get("title")]


def shared_texts(shared: Path) -> dict[str, list[str]]:
    """Every sentence or article of other people's writing in ``shared``, by source."""
    bench = shared / "benchmarks"
    peers = bench / "peers"
    return {
        "newsquant": _json_field(bench / "newsquant" / "newsquant_dev.json", "text"),
        "quantulum3": [
            text
            for path in sorted(peers.glob("quantulum3/*.json"))
            for text in _json_field(path, "req")
        ],
        "recognizers": [
            text
            for path in sorted(peers.glob("recognizers/*.json"))
            for text in _json_field(path, "Input")
        ],
        "seeds": [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
        + _titles(shared / "seeds" / "manifest.csv"),
        "reconcile_dev": [
            p.read_text(encoding="utf-8")
            for p in sorted((shared / "reconcile_dev" / "docs").glob("*.txt"))
        ]
        + _titles(shared / "reconcile_dev" / "manifest.csv"),
    }


def shingles(texts: dict[str, list[str]]) -> dict[str, str]:
    """Each normalised ``RUN``-character window of the texts, mapped to its source's name."""
    index: dict[str, str] = {}
    for source, items in texts.items():
        for text in items:
            norm = normalise(text)
            for start in range(len(norm) - RUN + 1):
                index.setdefault(norm[start : start + RUN], source)
    return index


# --- the project's own text -------------------------------------------------------------

_PREFIX = re.compile(r"^[rbuf]*", re.IGNORECASE)
_BETWEEN = {
    "comment": {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT},
    "string": {tokenize.NL},
}


def _literal_body(token: str) -> str:
    body = _PREFIX.sub("", token)
    quote = body[:3] if body[:3] in ('"""', "'''") else body[:1]
    return body[len(quote) : len(body) - len(quote)]


def python_fragments(source: str) -> Iterator[tuple[int, str]]:
    """(line, text) of each comment block and each string literal, adjacent pieces joined."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    kind, start, parts = "", 0, []
    last_line = 0
    for token in tokens:
        if kind and token.type in _BETWEEN.get(kind, ()):
            continue
        piece = ""
        if token.type == tokenize.COMMENT:
            piece = token.string.lstrip("#")
        elif token.type == tokenize.STRING:
            piece = _literal_body(token.string)
        this = {tokenize.COMMENT: "comment", tokenize.STRING: "string"}.get(token.type, "")
        adjacent = this == kind and (this == "string" or token.start[0] == last_line + 1)
        if parts and not adjacent:
            yield start, " ".join(parts) if kind == "comment" else "".join(parts)
            parts = []
        if this:
            if not parts:
                start = token.start[0]
            parts.append(piece)
            last_line = token.end[0]
        kind = this
    if parts:
        yield start, " ".join(parts) if kind == "comment" else "".join(parts)


def notebook_fragments(text: str) -> Iterator[tuple[int, str]]:
    """(cell number, text) for the notebook's markdown cells and the fragments of its code."""
    for number, cell in enumerate(json.loads(text)["cells"], start=1):
        source = "".join(cell["source"])
        if cell["cell_type"] != "code":
            yield number, source
            continue
        try:
            yield from ((number, piece) for _, piece in python_fragments(source))
        except (tokenize.TokenError, SyntaxError, IndentationError):
            yield number, source


def project_fragments(root: Path) -> Iterator[tuple[str, int, str]]:
    """(path, line, text) of every piece of writing in the scanned folders."""
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if path.suffix not in TEXT_SUFFIXES or not path.is_file():
                continue
            if any(rel.startswith(prefix) for prefix in EXEMPT_PATHS):
                continue
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".py":
                pieces: Iterator[tuple[int, str]] = python_fragments(text)
            elif path.suffix == ".ipynb":
                pieces = notebook_fragments(text)
            else:
                pieces = iter([(1, text)])
            for line, piece in pieces:
                yield rel, line, piece


def copied_runs(text: str, index: dict[str, str]) -> list[tuple[str, str]]:
    """The longest runs of ``text`` (normalised) made of indexed windows, with their source."""
    norm = normalise(text)
    runs: list[tuple[str, str]] = []
    start = end = -1
    source = ""
    for at in range(len(norm) - RUN + 1):
        found = index.get(norm[at : at + RUN])
        if found is None:
            continue
        if at <= end - RUN + 1:
            end = at + RUN
            continue
        if start >= 0:
            runs.append((norm[start:end], source))
        start, end, source = at, at + RUN, found
    if start >= 0:
        runs.append((norm[start:end], source))
    return [(run, src) for run, src in runs if not _exempt(run)]


def _exempt(run: str) -> bool:
    return any(run.strip(" .,;:") in phrase for phrase in EXEMPT_RUNS)


def find_copies(root: Path, shared: Path) -> list[str]:
    """One line per copied run: ``path:line [source] run``."""
    index = shingles(shared_texts(shared))
    return [
        f"{path}:{line} [{source}] {run}"
        for path, line, text in project_fragments(root)
        for run, source in copied_runs(text, index)
    ]


# --- tests ------------------------------------------------------------------------------


def test_fragments_cover_comments_docstrings_and_joined_strings() -> None:
    source = (
        '"""Module text."""\n'
        "x = 1  # a comment that\n"
        "# runs on\n"
        'y = ("one " "piece")\n'
        'z = ["two", "items"]\n'
    )
    assert list(python_fragments(source)) == [
        (1, "Module text."),
        (2, " a comment that  runs on"),
        (4, "one piece"),
        (5, "two"),
        (5, "items"),
    ]


def test_copied_runs_are_found_after_normalising() -> None:
    ours = "The harbour board said about   FIFTY-TWO ferries sailed"
    index = shingles(
        {"made-up": ["Officials: the harbour board said about fifty-two ferries sailed."]}
    )
    assert copied_runs(ours, index) == [
        ("the harbour board said about fifty-two ferries sailed", "made-up")
    ]
    assert copied_runs("The harbour board said nothing at all today", index) == []


def test_each_exempt_run_still_occurs_in_shared_text(shared_dir: Path) -> None:
    shared = " | ".join(normalise(t) for texts in shared_texts(shared_dir).values() for t in texts)
    stale = [phrase for phrase in EXEMPT_RUNS if phrase not in shared]
    assert not stale, f"exemptions no longer needed: {stale}"


def test_no_shared_sentence_is_copied(shared_dir: Path) -> None:
    copies = find_copies(ROOT, shared_dir)
    assert not copies, f"{len(copies)} runs copied from shared texts:\n" + "\n".join(copies)
