"""Score ``reconcile`` against the hand-grouped claims of ``../shared/reconcile_dev``.

Usage (from the repository root)::

    .venv/bin/python benchmarks/reconcile_eval.py                  # extractor -> reconcile
    .venv/bin/python benchmarks/reconcile_eval.py --gold-claims    # gold claims -> reconcile
    .venv/bin/python benchmarks/reconcile_eval.py --topics canada_wildfires_2023
    .venv/bin/python benchmarks/reconcile_eval.py --rotation 1     # the next fit/check split
    .venv/bin/python benchmarks/reconcile_eval.py --gold-groups    # verdicts alone (see below)

What is scored, per topic and for the fit and check halves:

* **grouping**: extracted claims are matched to gold claims by offset overlap in the same
  document (each gold claim takes the extracted claim that overlaps it most). Over the
  gold claims found (with a ``quantity_key``), every pair is "same" in the key when the
  keys are equal and "same" in the output when the ``quantity_id`` is equal: pairwise
  precision, recall and F1.
* **verdicts**: for each key in two or more documents (``groups.md``), the *judged
  quantity* is the output quantity holding most of the key's found claims. The verdict is
  right when it equals the hand verdict; it is counted only when the judged quantity
  also holds every required found claim of the key ("right and held").
* **divergences found**: DIVERGE keys whose judged quantity is judged ``diverge``.
* **false divergences**: output quantities judged ``diverge`` whose matched gold claims do
  not all belong to one DIVERGE key of ``groups.md`` (a one-document key with two sources
  may be one) (quantities judged ``diverge`` holding no gold claim are counted apart, as
  "on unannotated figures").

With ``--gold-groups`` every claim matched to a keyed gold claim is grouped by that key
(the grouping is taken out of the account, so "held" is true by construction): the
verdicts then show what the verdict code makes of the claims it is given.

Two trivial groupers are scored in the same run, through the same verdict code: one
quantity per article, and one per dimension and unit.

Fit and check halves: ``_halves.split_topics`` (the one split of reconcile_dev, which
``extract_dev.py`` uses too): topics are ordered by a fixed hash (blake2b of the topic name);
rotation ``r`` holds out the topics at positions ``2r`` and ``2r + 1`` (mod 5) of that
order and fits on the other three. The held-out figures before the identity-model work
are written in the module constant ``BEFORE``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import re
import sys
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "benchmarks"):  # the packages, and the sibling helper _halves
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from _halves import split_topics  # noqa: E402
from _keyed import divergence_kind, judge_key, pair_scores  # noqa: E402

from extract import CLAIMS_SCHEMA, claim_id, extract_corpus_report, read_manifest  # noqa: E402
from extract.segment import sentences  # noqa: E402
from reconcile import reconcile  # noqa: E402
from reconcile.compare import assertions_table, quantities_table  # noqa: E402

DEV = ROOT.parent / "shared" / "reconcile_dev"
PERIODS = set(CLAIMS_SCHEMA["per"].categories)  # type: ignore[attr-defined]
DIMENSIONS = set(CLAIMS_SCHEMA["dimension"].categories)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Dev:
    """The development set: docs by topic, gold claims, verdicts of multi-doc keys."""

    folder: Path
    topics: dict[str, list[str]]  # topic -> doc file names
    gold: list[dict[str, Any]]  # claim lines only
    verdicts: dict[str, str]  # quantity_key -> AGREE/DIVERGE/GROWTH
    diverging: frozenset[str] = frozenset()  # every DIVERGE key, one-document ones too


def load_dev(folder: Path = DEV) -> Dev:
    """Read the manifest, gold lines and the verdict table of ``groups.md``."""
    topics: dict[str, list[str]] = defaultdict(list)
    with (folder / "manifest.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            topics[row["topic"]].append(row["doc"])
    gold = [
        g
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line and not (g := json.loads(line)).get("negative")
    ]
    verdicts: dict[str, str] = {}
    diverging: set[str] = set()
    verdict_row = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*([^|]+)\|\s*\*\*([A-Z]+)\*\*")
    for line in (folder / "groups.md").read_text(encoding="utf-8").splitlines():
        if m := verdict_row.match(line):
            if "," in m.group(2):  # keys in two or more docs
                verdicts[m.group(1)] = m.group(3)
            if m.group(3) == "DIVERGE":  # a one-document key with two sources may diverge
                diverging.add(m.group(1))
    return Dev(
        folder=folder,
        topics=dict(topics),
        gold=gold,
        verdicts=verdicts,
        diverging=frozenset(diverging),
    )


def gold_claims(dev: Dev, docs: list[str]) -> pl.DataFrame:
    """A claims table made of the gold annotations themselves (no extractor)."""
    meta = read_manifest(dev.folder / "manifest.csv")
    rows = []
    for g in dev.gold:
        doc = str(g["doc"])
        if doc not in docs:
            continue
        text = (dev.folder / "docs" / doc).read_text(encoding="utf-8")
        start, end = int(g["start"]), int(g["end"])
        sent = next(s for s in sentences(text) if s.start <= start < s.end)
        bound = str(g["bound"])
        entry = meta.get(doc)
        published = entry.published if entry else None
        if published is None and (m := re.match(r"\s*date (\d{4}-\d{2}-\d{2})", text)):
            published = dt.date.fromisoformat(m.group(1))
        units = [u for u in (g.get("unit") or []) if u is not None]
        rows.append(
            {
                "claim_id": claim_id(doc, start, end, text[start:end]),
                "doc_id": doc,
                "start": start,
                "end": end,
                "surface": text[start:end],
                "sentence_start": sent.start,
                "sentence_end": sent.end,
                "sentence": text[sent.start : sent.end],
                "value": g["value"],
                "low": g.get("low"),
                "high": g.get("high"),
                "bound": bound,
                "qualifier": None,
                "unit": units[0] if units else None,
                "dimension": g["dimension"] if g.get("dimension") in DIMENSIONS else "other",
                "per": g["per"] if g.get("per") in PERIODS else None,
                "change": g.get("change"),
                "concept": g.get("concept"),
                "subject": None,
                "attribution": g.get("attribution"),
                "restates": None,
                "from_claim": None,
                "boilerplate": bool(g.get("boilerplate")),
                "doubt": None,
                "outlet": entry.outlet if entry else None,
                "published": published,
                "url": None,
                "title": entry.title if entry else None,
            }
        )
    return pl.DataFrame(rows, schema=CLAIMS_SCHEMA, orient="row")


def match(claims: pl.DataFrame, dev: Dev, docs: list[str]) -> dict[int, str]:
    """Gold line index -> claim_id of the extracted claim overlapping it most."""
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc, start, end, cid in claims.select("doc_id", "start", "end", "claim_id").iter_rows():
        by_doc[doc].append((start, end, cid))
    found: dict[int, str] = {}
    for i, g in enumerate(dev.gold):
        if g["doc"] not in docs:
            continue
        best, best_len = None, 0
        for start, end, cid in by_doc.get(g["doc"], []):
            overlap = min(end, g["end"]) - max(start, g["start"])
            if overlap > best_len:
                best, best_len = cid, overlap
        if best is not None:
            found[i] = best
    return found


def regroup(result_claims: pl.DataFrame, by: pl.Expr) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(claims, quantities) with quantity ids replaced by ``by``, judged by the same code."""
    work = result_claims.with_columns(
        quantity_id=pl.when(pl.col("quantity_id").is_not_null()).then(by.cast(pl.String)),
        series_id=by.cast(pl.String),
        is_delta=pl.lit(False),
        concept_source=pl.lit("baseline"),
        entity_source=pl.lit("baseline"),
        scope=pl.lit(None, dtype=pl.String),
    ).drop("assertion_id")
    work, assertions = assertions_table(work)
    quantities, _ = quantities_table(work, assertions, threshold=0.25, consensus="median")
    return work, quantities


def score(
    dev: Dev, found: dict[int, str], claims: pl.DataFrame, quantities: pl.DataFrame
) -> dict[str, dict[str, Any]]:
    """Per-topic counts: pairs, verdicts, divergences."""
    qid = dict(claims.select("claim_id", "quantity_id").iter_rows())
    verdict = dict(quantities.select("quantity_id", pl.col("verdict").cast(pl.String)).iter_rows())
    topic_of = {d: t for t, ds in dev.topics.items() for d in ds}
    out: dict[str, dict[str, Any]] = defaultdict(lambda: Counter())
    items = [
        (i, dev.gold[i], qid.get(cid))
        for i, cid in found.items()
        if dev.gold[i].get("quantity_key") and not dev.gold[i].get("boilerplate")
    ]
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            (_, ga, qa), (_, gb, qb) = items[a], items[b]
            ta, tb = topic_of[ga["doc"]], topic_of[gb["doc"]]
            same_gold = ga["quantity_key"] == gb["quantity_key"]
            same_out = qa is not None and qa == qb
            for t in {ta, tb}:
                w = 1.0 if ta == tb else 0.5
                out[t]["tp"] += w * (same_gold and same_out)
                out[t]["fp"] += w * (same_out and not same_gold)
                out[t]["fn"] += w * (same_gold and not same_out)
    by_key: dict[str, list[tuple[dict[str, Any], str | None]]] = defaultdict(list)
    for _, g, q in items:
        by_key[g["quantity_key"]].append((g, q))
    for key, gold_verdict in dev.verdicts.items():
        members = by_key.get(key, [])
        if not members:
            continue
        t = topic_of[members[0][0]["doc"]]
        got, held, right = judge_key(
            ((m, not g.get("optional")) for g, m in members), gold_verdict.lower(), verdict
        )
        out[t]["keys"] += 1
        out[t]["right"] += right
        out[t]["right_held"] += held and right
        if gold_verdict == "DIVERGE":
            out[t]["diverge_keys"] += 1
            out[t]["diverge_found"] += got == "diverge"
        out[t].setdefault("verdicts", []).append((key, gold_verdict.lower(), got, held))
    keys_in = defaultdict(set)
    for _, g, q in items:
        if q is not None:
            keys_in[q].add(g["quantity_key"])
    doc_of = dict(claims.select("quantity_id", "doc_id").drop_nulls().iter_rows())
    for q, v in verdict.items():
        if v != "diverge":
            continue
        t = topic_of.get(doc_of.get(q, ""), "?")
        kind = divergence_kind(keys_in.get(q, set()), dev.diverging)
        if kind:
            out[t]["diverge_unannotated" if kind == "unannotated" else "false_diverge"] += 1
    return out


def summary(per_topic: dict[str, dict[str, Any]], topics: list[str]) -> dict[str, float]:
    """Totals over ``topics``."""
    total: Counter[str] = Counter()
    for t in topics:
        for k, v in per_topic.get(t, {}).items():
            if k != "verdicts":
                total[k] += v
    p, r, f = pair_scores(total)
    return {
        "P": p,
        "R": r,
        "F1": f,
        "keys": total["keys"],
        "right_held": total["right_held"],
        "right": total["right"],
        "div_found": total["diverge_found"],
        "div_keys": total["diverge_keys"],
        "false_div": total["false_diverge"],
        "div_unannotated": total["diverge_unannotated"],
    }


def _line(name: str, s: dict[str, float]) -> str:
    share = s["right_held"] / s["keys"] if s["keys"] else 0.0
    return (
        f"{name:<34} P {s['P']:.2f} R {s['R']:.2f} F1 {s['F1']:.3f} | verdicts right+held "
        f"{s['right_held']:.0f}/{s['keys']:.0f} ({share:.0%}), right {s['right']:.0f} | "
        f"divergences found {s['div_found']:.0f}/{s['div_keys']:.0f} | false divergences "
        f"{s['false_div']:.0f} (+{s['div_unannotated']:.0f} on unannotated figures)"
    )


def gold_grouping(
    claims: pl.DataFrame, dev: Dev, docs: list[str]
) -> contextlib.AbstractContextManager[Any]:
    """While active, ``reconcile`` groups every claim matched to a keyed gold claim by that
    key (the others keep the quantity it gives them): the verdicts are then scored with
    the grouping taken out of the account (``--gold-groups``)."""
    keys = {
        cid: str(dev.gold[i]["quantity_key"])
        for i, cid in match(claims, dev, docs).items()
        if dev.gold[i].get("quantity_key") and not dev.gold[i].get("boilerplate")
    }
    key = pl.col("claim_id").replace_strict(keys, default=None, return_dtype=pl.String)
    grouped = pl.col("quantity_id").is_not_null() & key.is_not_null()

    def keyed(work: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
        work = work.with_columns(quantity_id=pl.when(grouped).then(key).otherwise("quantity_id"))
        return assertions_table(work)

    return mock.patch("reconcile.core.assertions_table", keyed)


def run(
    *,
    topics: list[str] | None = None,
    gold_input: bool = False,
    rotation: int = 0,
    gold_groups: bool = False,
) -> dict[str, dict[str, dict[str, float]]]:
    """Score reconcile and the two trivial groupers; print and return the summaries."""
    dev = load_dev()
    chosen = topics or sorted(dev.topics)
    unknown = set(chosen) - set(dev.topics)
    if unknown:
        raise SystemExit(f"unknown topics {sorted(unknown)}; known: {sorted(dev.topics)}")
    docs = [d for t in chosen for d in dev.topics[t]]
    if gold_input:
        claims = gold_claims(dev, docs)
    else:
        claims = extract_corpus_report(
            [dev.folder / "docs" / d for d in docs],
            manifest=dev.folder / "manifest.csv",
            progress=False,
        ).claims
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        texts = {d: (dev.folder / "docs" / d).read_text(encoding="utf-8") for d in docs}
        with gold_grouping(claims, dev, docs) if gold_groups else contextlib.nullcontext():
            result = reconcile(claims, texts=texts)
    found = match(result.claims, dev, docs)
    dim_unit = pl.concat_str(
        [pl.col("dimension").cast(pl.String), pl.col("norm_unit").fill_null("-")], separator="|"
    )
    groupers = {
        "reconcile": (result.claims, result.quantities),
        "baseline: one group per article": regroup(result.claims, pl.col("doc_id")),
        "baseline: one per dimension+unit": regroup(result.claims, dim_unit),
    }
    fit, check = split_topics(dev.topics, rotation=rotation)
    halves = {
        "fit": [t for t in fit if t in chosen],
        "check": [t for t in check if t in chosen],
        "all": chosen,
    }
    n_gold = sum(1 for g in dev.gold if g["doc"] in docs and g.get("quantity_key"))
    n_found = sum(1 for i in found if dev.gold[i].get("quantity_key"))
    mode = "gold claims" if gold_input else "extracted claims"
    mode += ", grouped by the gold keys" if gold_groups else ""
    print(f"reconcile_dev, {mode}: {n_found}/{n_gold} keyed gold claims found")
    print(f"rotation {rotation}: fit {halves['fit']}, check {halves['check']}")
    report: dict[str, dict[str, dict[str, float]]] = {}
    for name, (c, q) in groupers.items():
        per_topic = score(dev, found, c, q)
        report[name] = {h: summary(per_topic, ts) for h, ts in halves.items() if ts}
        print(f"\n== {name}")
        for half, s in report[name].items():
            print(_line(f"  [{half}]", s))
        for t in chosen:
            print(_line(f"    {t}", summary(per_topic, [t])))
        if name == "reconcile":
            for t in chosen:
                for key, want, got, held in per_topic.get(t, {}).get("verdicts", []):
                    mark = "ok " if got in (want, want == "agree" and "echo") and held else "-- "
                    print(f"      {mark}{key}: want {want}, got {got}, held {held}")
    return report


#: Held-out (check) figures of rotation 0 (ukrainian_refugees_europe, canada_wildfires_2023),
#: measured on e9a14f0 before the identity model changed (extracted / gold claims input).
BEFORE = {
    "extracted": "P 0.05 R 0.20 F1 0.086; right+held 1/28; divergences 1/1; false divergences 13",
    "gold claims": "P 0.07 R 0.36 F1 0.112; right+held 1/29; divergences 1/1; false divergences 13",
    "fit, extracted": "F1 0.084; right+held 0/17; divergences 5/9; false divergences 13",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", nargs="*", help="score only these topics (smallest: one)")
    parser.add_argument("--gold-claims", action="store_true", help="feed the gold claims")
    parser.add_argument("--rotation", type=int, default=0, help="which fit/check split")
    parser.add_argument(
        "--gold-groups", action="store_true", help="group by the gold keys: verdicts alone"
    )
    args = parser.parse_args(argv)
    if not DEV.is_dir():
        print(f"{DEV} is absent; nothing to score", file=sys.stderr)
        return 2
    run(
        topics=args.topics,
        gold_input=args.gold_claims,
        rotation=args.rotation,
        gold_groups=args.gold_groups,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
