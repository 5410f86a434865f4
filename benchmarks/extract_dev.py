"""Extraction scores on ``reconcile_dev`` (and the seed articles), by topic and by half.

Usage (from the repository root)::

    python benchmarks/extract_dev.py [--data DIR] [--seeds DIR] [--smallest] [--json OUT]
                                     [--show {attribution,misses,negatives}] [--half fit]

The documents of ``../shared/reconcile_dev/docs`` are extracted with their manifest and
scored against ``gold.jsonl`` through :func:`extract.evaluate.score_gold`, which pairs
claims with gold spans one-to-one, largest overlap first.

Fit half and check half
    The topics are split by ``_halves.split_topics`` (rotation 0), the one split of this
    set that ``reconcile_eval.py`` uses too: fit = derna_flood_2023,
    india_covid_excess_deaths, brexit_cost_uk_economy; check = ukrainian_refugees_europe,
    canada_wildfires_2023.

Metric definitions
    * Scored claims: extracted claims not flagged as page furniture and not paired with
      a gold furniture line. Gold lines: positive, not furniture; a line marked
      ``optional`` counts when found and costs nothing when missed.
    * detection, value, +unit, +bound, +concept: a paired gold line is correct at a level
      when its checks hold (found; value; value and unit; value and bound with its
      limits; value and a shared concept word). P = correct pairs / scored claims,
      R = correct required lines / required lines, F1 their harmonic mean. Unpaired
      claims count against precision, except those the set's README says a tool is not
      to be scored on and the extractor marks plainly: durations (dimension
      ``duration``: "three days") and vague magnitudes (no digit, a plural of a scale
      word: "thousands of families"). Column ``unsc`` counts them; ``--strict`` scores
      every unpaired claim against precision instead. A claim read as a share between 0 and 1 (unit
      ``fraction``) is compared as a percentage, as the set's README asks.
    * attribution: over every gold line (required and optional), a pair is a true
      positive when both sides name a source and they share a content word
      (:func:`extract.evaluate.shares_word`); a named source that does not match is a
      false positive; a gold source not matched (missed line, no source or the wrong one)
      is a false negative.
    * negatives hit: distinct negative spans that any extracted claim overlaps.

``--smallest`` scores the first document of each topic and skips the seeds (a test runs
it in seconds). ``--show`` lists the errors of one kind for the half given by ``--half``
(default fit: read the check half's errors only when the work is done).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
for _path in (REPO_ROOT, HERE):  # the packages, and the sibling helper _halves
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from _halves import split_topics  # noqa: E402

from extract.corpus import extract_corpus_report  # noqa: E402
from extract.evaluate import GoldReport, load_gold, score_gold, shares_word  # noqa: E402
from extract.lexicon import lexicon  # noqa: E402

SHARED = REPO_ROOT.parent / "shared"
DEFAULT_DATA = SHARED / "reconcile_dev"
DEFAULT_SEEDS = SHARED / "seeds"
LEVELS = ("detection", "value", "unit", "bound", "concept")
_LEVEL_CHECKS = {
    "detection": ("found",),
    "value": ("value_ok",),
    "unit": ("value_ok", "unit_ok"),
    "bound": ("value_ok", "bounds_ok"),
    "concept": ("value_ok", "concept_ok"),
}


@dataclass(frozen=True, slots=True)
class Scores:
    """F1 (in percent) of each level, attribution P/R/F1 and negatives hit, for one slice."""

    docs: int
    required: int
    claims: int
    detection: float
    value: float
    unit: float
    bound: float
    concept: float
    attribution_p: float
    attribution_r: float
    attribution_f1: float
    negatives_hit: int
    negatives: int
    unscored: int


#: A vague magnitude: a scale word in the plural, with no digit ("thousands", "hundreds of
#: thousands", "millions of people").
_VAGUE = r"(?i)^(?:tens|{})\b".format(
    "|".join(k[0] for k in lexicon().vague_magnitudes if len(k) == 1)
)  # a magnitude word, or "tens of ..."


def not_scored(unpaired: pl.DataFrame) -> pl.DataFrame:
    """The unpaired claims the set's README asks not to score: durations, vague magnitudes."""
    duration = pl.col("dimension").cast(pl.String) == "duration"
    vague = ~pl.col("surface").str.contains(r"\d") & pl.col("surface").str.contains(_VAGUE)
    return unpaired.filter(~pl.col("boilerplate") & (duration | vague))


def read_topics(manifest: Path) -> dict[str, str]:
    """Document name -> topic, from a manifest with a ``topic`` column."""
    with manifest.open(encoding="utf-8", newline="") as fh:
        return {row["doc"]: row.get("topic") or "" for row in csv.DictReader(fh)}


def _as_percent(claims: pl.DataFrame) -> pl.DataFrame:
    """Shares between 0 and 1 (unit ``fraction``) scaled to percentages, as the gold writes them."""
    share = pl.col("unit") == "fraction"
    return claims.with_columns(
        [
            pl.when(share).then(pl.col(c) * 100).otherwise(pl.col(c)).alias(c)
            for c in ("value", "low", "high")
        ]
    )


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _pct(num: int, den: int) -> float:
    return 100.0 * num / den if den else 100.0


def _overlaps(claims: pl.DataFrame, span: dict[str, Any]) -> bool:
    """Whether any claim of the span's document overlaps it."""
    doc = claims.filter(pl.col("doc_id") == span["doc"])
    return doc.filter((pl.col("start") < span["end"]) & (pl.col("end") > span["start"])).height > 0


def _attribution(rows: pl.DataFrame) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for row in rows.iter_rows(named=True):
        gold, ours = row["gold_attribution"], row["attribution"] if row["found"] else None
        if gold is not None and ours is not None and shares_word(ours, gold):
            tp += 1
            continue
        fp += ours is not None
        fn += gold is not None
    p, r = _pct(tp, tp + fp), _pct(tp, tp + fn)
    return p, r, _f1(p, r)


def score(
    report: GoldReport, gold: list[dict[str, Any]], claims: pl.DataFrame, *, strict: bool = False
) -> Scores:
    """The scores of one slice: its claims, its gold lines and their :func:`score_gold` report
    (``strict``: every unpaired claim counts against precision)."""
    rows = report.rows.with_columns(found=pl.col("found") & ~pl.col("boilerplate"))
    rows = rows.filter(~pl.col("gold_boilerplate"))
    required = rows.filter(~pl.col("optional"))
    furniture = pl.col("gold_boilerplate") & pl.col("found") & ~pl.col("boilerplate")
    furniture_pairs = report.rows.filter(furniture).height
    unscored = 0 if strict else not_scored(report.unmatched_claims).height
    scored = claims.filter(~pl.col("boilerplate")).height - furniture_pairs - unscored
    levels = {}
    for level, checks in _LEVEL_CHECKS.items():
        ok = pl.all_horizontal(*checks) & pl.col("found")
        p = _pct(rows.filter(ok).height, scored)
        r = _pct(required.filter(ok).height, required.height)
        levels[level] = _f1(p, r)
    negatives = [g for g in gold if g.get("negative")]
    hit = sum(_overlaps(claims, n) for n in negatives)
    ap, ar, af = _attribution(rows)
    return Scores(
        docs=claims["doc_id"].n_unique() if claims.height else 0,
        required=required.height,
        claims=scored,
        **levels,
        attribution_p=ap,
        attribution_r=ar,
        attribution_f1=af,
        negatives_hit=hit,
        negatives=len(negatives),
        unscored=unscored,
    )


def _slice(
    claims: pl.DataFrame, gold: list[dict[str, Any]], docs: set[str], *, strict: bool = False
) -> Scores:
    part_claims = claims.filter(pl.col("doc_id").is_in(sorted(docs)))
    part_gold = [g for g in gold if g["doc"] in docs]
    return score(score_gold(part_claims, part_gold), part_gold, part_claims, strict=strict)


def extract(folder: Path, docs: Sequence[str] | None = None) -> pl.DataFrame:
    """Claims of the ``.txt`` files of ``folder`` (only ``docs`` when given), with its manifest."""
    root = folder / "docs" if (folder / "docs").is_dir() else folder
    paths = sorted(root.glob("*.txt"))
    if docs is not None:
        paths = [p for p in paths if p.name in set(docs)]
    manifest = folder / "manifest.csv"
    result = extract_corpus_report(
        paths, manifest=manifest if manifest.exists() else None, progress=False, workers=1
    )
    return _as_percent(result.claims)


def dev_scores(
    data: Path, *, smallest: bool = False, strict: bool = False
) -> tuple[dict[str, Scores], pl.DataFrame, list[dict[str, Any]], dict[str, str]]:
    """Scores per topic, per half and overall; also the claims, gold and doc -> topic."""
    topics = read_topics(data / "manifest.csv")
    if smallest:
        firsts: dict[str, str] = {}
        for doc, topic in sorted(topics.items()):
            firsts.setdefault(topic, doc)
        topics = {doc: topic for topic, doc in firsts.items()}
    claims = extract(data, sorted(topics))
    gold = [g for g in load_gold(data / "gold.jsonl") if g["doc"] in topics]
    fit, check = split_topics(topics.values())
    out: dict[str, Scores] = {}
    for topic in sorted(set(topics.values())):
        out[topic] = _slice(
            claims, gold, {d for d, t in topics.items() if t == topic}, strict=strict
        )
    out["FIT half"] = _slice(
        claims, gold, {d for d, t in topics.items() if t in fit}, strict=strict
    )
    out["CHECK half"] = _slice(
        claims, gold, {d for d, t in topics.items() if t in check}, strict=strict
    )
    out["ALL"] = _slice(claims, gold, set(topics), strict=strict)
    return out, claims, gold, topics


def seed_scores(seeds: Path, *, strict: bool = False) -> Scores:
    """The same scores on the seed articles."""
    claims = extract(seeds)
    gold = load_gold(seeds / "gold.jsonl")
    return score(score_gold(claims, gold), gold, claims, strict=strict)


def print_table(table: dict[str, Scores]) -> None:
    head = f"{'slice':28} {'docs':>4} {'req':>4} {'det':>6} {'value':>6} {'+unit':>6} {'+bound':>6}"
    print(head + f" {'+conc':>6} {'attP':>6} {'attR':>6} {'attF1':>6} {'neg':>7} {'unsc':>5}")
    for name, s in table.items():
        cells = [s.detection, s.value, s.unit, s.bound, s.concept]
        cells += [s.attribution_p, s.attribution_r, s.attribution_f1]
        line = f"{name:28} {s.docs:4d} {s.required:4d} " + " ".join(f"{c:6.1f}" for c in cells)
        print(line + f" {s.negatives_hit:3d}/{s.negatives:<3d} {s.unscored:5d}")


def show_errors(
    kind: str, claims: pl.DataFrame, gold: list[dict[str, Any]], docs: set[str]
) -> None:
    """Print the errors of one kind in ``docs``: for looking at the fit half while developing."""
    part = claims.filter(pl.col("doc_id").is_in(sorted(docs)))
    report = score_gold(part, [g for g in gold if g["doc"] in docs])
    with pl.Config(tbl_rows=400, fmt_str_lengths=70, tbl_width_chars=220):
        if kind == "negatives":
            print(report.negatives_hit)
            return
        rows = report.rows.filter(~pl.col("gold_boilerplate"))
        if kind == "attribution":
            bad = rows.filter(
                pl.struct("attribution", "gold_attribution", "found").map_elements(
                    lambda r: (
                        not (
                            r["found"]
                            and (r["attribution"] is None) == (r["gold_attribution"] is None)
                            and (
                                r["gold_attribution"] is None
                                or shares_word(r["attribution"], r["gold_attribution"])
                            )
                        )
                    ),
                    return_dtype=pl.Boolean,
                )
            )
            print(bad.select("doc", "quote", "attribution", "gold_attribution"))
        else:
            bad = rows.filter(
                ~pl.col("optional")
                & ~pl.all_horizontal("found", "value_ok", "unit_ok", "bounds_ok")
            )
            print(bad.select("doc", "quote", "surface", "unit", "value_ok", "unit_ok", "bounds_ok"))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the reconcile_dev folder")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="the seed articles folder")
    ap.add_argument("--smallest", action="store_true", help="one document per topic, no seeds")
    ap.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the scores here")
    ap.add_argument("--show", choices=("attribution", "misses", "negatives"), default=None)
    ap.add_argument("--half", choices=("fit", "check"), default="fit")
    ap.add_argument(
        "--strict", action="store_true", help="score every unpaired claim against precision"
    )
    args = ap.parse_args(argv)
    if not (args.data / "gold.jsonl").exists():
        print(f"no gold.jsonl in {args.data}", file=sys.stderr)
        return 2
    table, claims, gold, topics = dev_scores(args.data, smallest=args.smallest, strict=args.strict)
    fit, check = split_topics(topics.values())
    print(f"fit topics: {', '.join(fit)}\ncheck topics: {', '.join(check)}\n")
    if not args.smallest and (args.seeds / "gold.jsonl").exists():
        table["seeds"] = seed_scores(args.seeds, strict=args.strict)
    print_table(table)
    if args.show:
        half = fit if args.half == "fit" else check
        show_errors(args.show, claims, gold, {d for d, t in topics.items() if t in half})
    if args.json:
        args.json.write_text(json.dumps({k: asdict(v) for k, v in table.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
