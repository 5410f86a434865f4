"""Scoring extracted claims against hand-annotated ones (the ``gold.jsonl`` format).

A gold line names a document, a span and what a correct extractor says about it:
value, bound, acceptable units, rate, change, concept, asserter, whether the span is page
furniture and whether finding it is optional. Lines with ``"negative": true`` are spans
that must not be extracted (years, dates, ordinals, product names).
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

__all__ = ["GoldReport", "load_gold", "score_gold", "shares_word"]

_WORD = re.compile(r"[a-z0-9]+")
_IGNORED_WORDS = frozenset("the a an of in on at to for by and or us uk".split())


def load_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a gold file: one JSON object per line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _stem(word: str) -> str:
    """A light stemmer: "spends", "spending" and "spend" meet; so do "forces" and "force"."""
    for suffix in ("ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word.rstrip("e")


def _words(phrase: str | None) -> set[str]:
    if not phrase:
        return set()
    return {_stem(w) for w in _WORD.findall(phrase.lower()) if w not in _IGNORED_WORDS}


def shares_word(ours: str | None, gold: str | None) -> bool:
    """True when two phrases share a content word (plural and case ignored).

    ``None`` in the gold means "nobody / nothing named": only ``None`` matches it.
    Country abbreviations ("US", "UK") do not count as shared words on their own.

    Examples
    --------
    >>> shares_word("Ms Okafor", "Ada Okafor (port board)"), shares_word("number", "force")
    (True, False)
    """
    if gold is None:
        return ours is None
    return bool(_words(ours) & _words(gold))


@dataclass(frozen=True, slots=True)
class GoldReport:
    """Per gold line: the matched claim and which checks hold."""

    rows: pl.DataFrame
    negatives_hit: pl.DataFrame
    unmatched_claims: pl.DataFrame

    def failures(self) -> pl.DataFrame:
        """Required, article (not furniture) gold claims that were missed or got a field wrong."""
        checks = ["found", "value_ok", "bounds_ok", "per_ok", "change_ok", "unit_ok"]
        required = self.rows.filter(~pl.col("optional") & ~pl.col("gold_boilerplate"))
        return required.filter(~pl.all_horizontal(*checks))

    def furniture_leaks(self) -> pl.DataFrame:
        """Furniture gold claims that were extracted without the boilerplate flag."""
        return self.rows.filter(
            pl.col("gold_boilerplate") & pl.col("found") & ~pl.col("boilerplate")
        )

    def share(self, column: str) -> float:
        """Share of required article claims whose ``column`` check holds."""
        required = self.rows.filter(~pl.col("optional") & ~pl.col("gold_boilerplate"))
        if not required.height:
            return 1.0
        return float(required[column].cast(pl.Float64).mean() or 0.0)  # type: ignore[arg-type]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _gold_bounds(line: dict[str, Any]) -> tuple[float | None, float | None]:
    value, bound = float(line["value"]), line["bound"]
    if bound == "range":
        return line.get("low"), line.get("high")
    if bound == "lower":
        return value, None
    if bound == "upper":
        return None, value
    return value, value


def score_gold(claims: pl.DataFrame, gold: list[dict[str, Any]]) -> GoldReport:
    """Match claims to gold spans one-to-one (largest overlap first) and check each field."""
    positives = [g for g in gold if not g.get("negative")]
    negatives = [g for g in gold if g.get("negative")]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for claim in claims.iter_rows(named=True):
        by_doc.setdefault(claim["doc_id"], []).append(claim)
    pairs: list[tuple[int, int, str]] = []  # overlap, gold index, claim id
    for gi, g in enumerate(positives):
        for cand in by_doc.get(g["doc"], []):
            overlap = min(cand["end"], g["end"]) - max(cand["start"], g["start"])
            if overlap > 0:
                pairs.append((overlap, gi, cand["claim_id"]))
    pairs.sort(key=lambda p: (-p[0], p[1]))
    taken_gold: dict[int, str] = {}
    taken_claims: set[str] = set()
    for _, gi, cid in pairs:
        if gi not in taken_gold and cid not in taken_claims:
            taken_gold[gi] = cid
            taken_claims.add(cid)
    claim_by_id = {c["claim_id"]: c for rows in by_doc.values() for c in rows}
    out: list[dict[str, Any]] = []
    for gi, g in enumerate(positives):
        row = claim_by_id.get(taken_gold.get(gi, ""))
        low, high = _gold_bounds(g)
        units = g.get("unit") or [None]
        out.append(
            {
                "doc": g["doc"],
                "quote": g["quote"],
                "optional": bool(g.get("optional")),
                "gold_boilerplate": bool(g.get("boilerplate")),
                "found": row is not None,
                "surface": row["surface"] if row else None,
                "boilerplate": bool(row["boilerplate"]) if row else False,
                "value_ok": row is not None and _close(row["value"], float(g["value"])),
                "bounds_ok": row is not None
                and row["bound"] == g["bound"]
                and _close(row["low"], low)
                and _close(row["high"], high),
                "per_ok": row is not None and row["per"] == g.get("per"),
                "change_ok": row is not None and row["change"] == g.get("change"),
                "unit_ok": row is not None and row["unit"] in units,
                "concept_ok": row is not None and shares_word(row["concept"], g.get("concept")),
                "attribution_ok": row is not None
                and shares_word(row["attribution"], g.get("attribution")),
                "unit": row["unit"] if row else None,
                "concept": row["concept"] if row else None,
                "gold_concept": g.get("concept"),
                "attribution": row["attribution"] if row else None,
                "gold_attribution": g.get("attribution"),
            }
        )
    hits: list[dict[str, Any]] = []
    for n in negatives:
        for row in by_doc.get(n["doc"], []):
            if min(row["end"], n["end"]) > max(row["start"], n["start"]):
                hits.append({"doc": n["doc"], "quote": n["quote"], "surface": row["surface"]})
    unmatched = claims.filter(~pl.col("claim_id").is_in(list(taken_claims)))
    return GoldReport(
        rows=pl.DataFrame(out),
        negatives_hit=pl.DataFrame(
            hits, schema={"doc": pl.String, "quote": pl.String, "surface": pl.String}
        ),
        unmatched_claims=unmatched,
    )
