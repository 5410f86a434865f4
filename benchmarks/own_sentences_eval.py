"""Extraction scores on our own sentences (``tests/data/own_sentences``, issue 12).

Usage (from the repository root)::

    python benchmarks/own_sentences_eval.py [--limit N] [--json OUT]
                                            [--show {misses,attribution,negatives,extra}]
                                            [--half {fit,check}]

The sentences were written and annotated by us before the extractor was run on them, in
registers the development sets hold little of (see the set's README), so they measure how
the rules read text they were not fitted to. Each sentence is one document, read by
:func:`extract.extract_claims`; its expected claims go through
:func:`extract.evaluate.score_gold`, which pairs claims with expected spans one to one,
largest overlap first.

Fit half and check half
    Each sentence falls in one half by a fixed hash of its text (``_halves.half_of``). Rules
    are fitted to the fit half's errors only; the check half is scored, not read.

Metric definitions
    * Scored claims: extracted claims, less those on an ``unscored`` span (and on no
      expected one) and, unpaired, the durations and vague magnitudes that
      ``extract_dev.not_scored`` leaves out there too.
    * detection, value, +unit, +bound, +change, +rate: an expected claim is correct at a
      level when its checks hold (found; value; value and an accepted unit; value, bound and
      its limits; value and direction of change; value and rate period). P = correct pairs /
      scored claims, R = correct required claims / required claims, F1 their harmonic mean;
      an ``optional`` claim counts when found and costs nothing when missed.
    * attribution: as in ``extract_dev.py`` (a pair is right when both sides name a source
      sharing a content word, or neither names one).
    * negatives hit: negative spans that any claim overlaps.

``--limit N`` scores the first ``N`` sentences of each half (a test runs it in seconds).
``--show`` lists the errors of one kind in the half given by ``--half`` (default fit).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
for _path in (REPO_ROOT, HERE):  # the packages, and the sibling helpers
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from _halves import HALVES, half_of  # noqa: E402
from extract_dev import _attribution, _f1, _pct, not_scored  # noqa: E402

from extract import extract_claims  # noqa: E402
from extract.evaluate import GoldReport, score_gold  # noqa: E402

DEFAULT_GOLD = REPO_ROOT / "tests" / "data" / "own_sentences" / "gold.jsonl"
#: Level -> the checks of :func:`score_gold` that must hold for an expected claim.
LEVEL_CHECKS: dict[str, tuple[str, ...]] = {
    "detection": ("found",),
    "value": ("value_ok",),
    "unit": ("value_ok", "unit_ok"),
    "bound": ("value_ok", "bounds_ok"),
    "change": ("value_ok", "change_ok"),
    "rate": ("value_ok", "per_ok"),
}


@dataclass(frozen=True, slots=True)
class Scores:
    """For one slice: F1 (percent) of each level of ``LEVEL_CHECKS``, attribution P/R/F1
    (percent) and the negative spans hit."""

    sentences: int
    required: int
    claims: int
    levels: dict[str, float]
    attribution: tuple[float, float, float]
    negatives_hit: int
    negatives: int


def load_sentences(path: Path = DEFAULT_GOLD) -> list[dict[str, Any]]:
    """The sentences of the set, one dict each (see the set's README)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold_lines(sentences: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sentences' claims and negatives as ``score_gold`` lines (one document each)."""
    out: list[dict[str, Any]] = []
    for item in sentences:
        for claim in item["claims"]:
            out.append({**claim, "doc": item["id"], "boilerplate": False})
        for span in item["negatives"]:
            out.append({**span, "doc": item["id"], "negative": True})
    return out


def extract(sentences: Sequence[dict[str, Any]]) -> pl.DataFrame:
    """The claims of every sentence, each read as a document of its own."""
    frames = [extract_claims(item["text"], doc_id=item["id"]) for item in sentences]
    return pl.concat(frames, how="vertical") if frames else pl.DataFrame()


def _overlapping(claims: pl.DataFrame, spans: dict[str, list[tuple[int, int]]]) -> pl.Series:
    """Per claim, whether it overlaps one of its sentence's ``spans``."""
    return pl.Series(
        [
            any(s < end and start < e for s, e in spans.get(doc, []))
            for doc, start, end in claims.select("doc_id", "start", "end").iter_rows()
        ],
        dtype=pl.Boolean,
    )


def scored_claims(claims: pl.DataFrame, sentences: Sequence[dict[str, Any]]) -> pl.DataFrame:
    """The claims less those on an unscored span that touch no expected claim."""

    def spans(key: str) -> dict[str, list[tuple[int, int]]]:
        return {i["id"]: [(s["start"], s["end"]) for s in i[key]] for i in sentences}

    if not claims.height:
        return claims
    loose = _overlapping(claims, spans("unscored")) & ~_overlapping(claims, spans("claims"))
    return claims.filter(~loose)


def score(sentences: Sequence[dict[str, Any]], claims: pl.DataFrame) -> tuple[Scores, GoldReport]:
    """The scores of a slice of sentences, given the claims extracted from them."""
    ids = [item["id"] for item in sentences]
    claims = scored_claims(claims.filter(pl.col("doc_id").is_in(ids)), sentences)
    gold = gold_lines(sentences)
    report = score_gold(claims, gold)
    rows, required = report.rows, report.rows.filter(~pl.col("optional"))
    scored = claims.height - not_scored(report.unmatched_claims).height
    levels = {}
    for level, checks in LEVEL_CHECKS.items():
        ok = pl.all_horizontal(*checks)
        p = _pct(rows.filter(ok).height, scored)
        levels[level] = _f1(p, _pct(required.filter(ok).height, required.height))
    scores = Scores(
        sentences=len(sentences),
        required=required.height,
        claims=scored,
        levels=levels,
        attribution=_attribution(rows),
        negatives_hit=report.negatives_hit.unique(["doc", "quote"]).height,
        negatives=sum(len(item["negatives"]) for item in sentences),
    )
    return scores, report


def halves(
    sentences: Sequence[dict[str, Any]], limit: int | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The sentences of each half (the first ``limit`` of each, when given)."""
    out: dict[str, list[dict[str, Any]]] = {h: [] for h in HALVES}
    for item in sentences:
        out[half_of(item["text"])].append(item)
    return {h: items[:limit] if limit else items for h, items in out.items()}


def print_table(table: dict[str, Scores]) -> None:
    head = f"{'slice':6} {'sent':>4} {'req':>4} {'det':>6} {'value':>6} {'+unit':>6} {'+bound':>6}"
    print(head + f" {'+chg':>6} {'+rate':>6} {'attP':>6} {'attR':>6} {'attF1':>6} {'neg':>7}")
    for name, s in table.items():
        cells = [*s.levels.values(), *s.attribution]
        line = f"{name:6} {s.sentences:4d} {s.required:4d} " + " ".join(f"{c:6.1f}" for c in cells)
        print(line + f" {s.negatives_hit:3d}/{s.negatives:<3d}")


def show_errors(kind: str, report: GoldReport, claims: pl.DataFrame) -> None:
    """Print the errors of one kind of a slice: for reading the fit half while developing."""
    with pl.Config(tbl_rows=400, fmt_str_lengths=60, tbl_width_chars=240):
        if kind == "negatives":
            print(report.negatives_hit)
        elif kind == "extra":
            print(report.unmatched_claims.select("doc_id", "surface", "value", "unit", "sentence"))
        elif kind == "attribution":
            rows = report.rows.with_columns(
                ok=pl.struct("attribution", "gold_attribution", "found").map_elements(
                    lambda r: _attribution(pl.DataFrame([r]))[2] == 100.0, return_dtype=pl.Boolean
                )
            )
            print(
                rows.filter(~pl.col("ok")).select("doc", "quote", "attribution", "gold_attribution")
            )
        else:
            checks = ["found", "value_ok", "unit_ok", "bounds_ok", "change_ok", "per_ok"]
            bad = report.rows.filter(~pl.col("optional") & ~pl.all_horizontal(*checks))
            cols = ["doc", "quote", "surface", "unit", *checks[1:]]
            print(bad.select(cols))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the set's gold.jsonl")
    ap.add_argument("--limit", type=int, default=None, help="the first N sentences of each half")
    ap.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the scores here")
    ap.add_argument("--show", choices=("misses", "attribution", "negatives", "extra"))
    ap.add_argument("--half", choices=HALVES, default="fit")
    args = ap.parse_args(argv)
    parts = halves(load_sentences(args.gold), args.limit)
    everything = [item for items in parts.values() for item in items]
    claims = extract(everything)
    table: dict[str, Scores] = {}
    reports: dict[str, GoldReport] = {}
    for name, items in [*parts.items(), ("ALL", everything)]:
        table[name], reports[name] = score(items, claims)
    print_table(table)
    if args.show:
        show_errors(args.show, reports[args.half], claims)
    if args.json:
        args.json.write_text(json.dumps({k: asdict(v) for k, v in table.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
