"""Which quantities a report headlines, and how their labels read.

Grouping (``reconcile``) keeps every figure; a report shows a reader only rows that say one
thing. Three patterns of news writing give rows a reader would call meaningless:

- **a figure whose own words name another measure** ("thousands of missing people" put under
  deaths because "believed dead" follows): a label names one measure;
- **a count of places** ("people in five provinces", "fires burning in 13 provinces"): the
  number of places is where something was counted, not a count of that thing;
- **a count after a preposition of a thing no measure names** ("deaths reported across
  200,000 hospitals", "one of 194 member states"): the row's measure was read only from the
  figure's own noun, which is in no measure vocabulary, and the preposition says the figure
  is where or among what something else was counted ("cost 4,000 jobs" stays a row).

  These three are read where the measure is read, by reconcile's frame reading (the claims
  table's ``frame_doubt`` and ``frame_doubt_word``, :func:`reconcile.frames.read_doubt`);
  this module only tells them.
- **the starting level of a stated change** ("from 24.2m to 24.1m") put in a row of its own
  when its end is dated and it is not: the change is one figure's story, told in its end's row.

Their figures are listed among the figures the report does not compare, with the reason.

A share names its whole: "a quarter of the global emissions" is labelled "(share of the
global emissions)", a fraction whose whole is not written "(share of an unnamed whole)".
"""

from __future__ import annotations

import re

import polars as pl

from reconcile import frames

__all__ = [
    "ANOTHER_MEASURE",
    "CHANGE_START",
    "PLACE_COUNT",
    "UNNAMED_THING",
    "not_headlined",
    "share_labels",
    "whole_after",
]

ANOTHER_MEASURE = "its own words name another measure (“{}”) than its row’s (“{}”)"
PLACE_COUNT = "a count of places (“{}”): where something was counted, not a count of “{}”"
CHANGE_START = (
    "the starting level of a change stated with its end (“from … to …”), shown in its end’s row"
)
UNNAMED_THING = (
    "where or among what something else was counted: its row is only its own noun (“{}”), "
    "which no measure of the report names"
)

#: Words that end the name of a share's whole ("25% of the global total for 2023", "60% of
#: deaths were male"): prepositions, conjunctions and the verbs that follow a subject.
_WHOLE_ENDS = frozenset(
    "for in on at since from to by during over as which that who whose while when where and "
    "but or than compared relative according said says is are was were be been has have had "
    "will would could may might took take takes occurred happened - – —".split()
)
_OF = re.compile(r"\s*of\s+(?:all\s+)?(?P<rest>[^,;:.()\u2013\u2014\"“”]+)", re.IGNORECASE)
_MAX_WHOLE_WORDS = 6


#: How each doubt of reconcile's frame reading (``frame_doubt``) is told: its template is
#: filled with the word that says it (``frame_doubt_word``) and the row's measure.
_TOLD = {
    frames.ANOTHER_MEASURE: ANOTHER_MEASURE,
    frames.PLACES_COUNTED: PLACE_COUNT,
    frames.WHERE_COUNTED: UNNAMED_THING,
}


def _why_not(claim: dict) -> str | None:
    """Why a grouped claim's row says nothing a reader can use, or None."""
    template = _TOLD.get(claim.get("frame_doubt") or "")
    if template is None:
        return None
    measure = (claim.get("concept_key") or "").split(":", 1)[0].strip()
    return template.format(claim.get("frame_doubt_word") or "", measure)


def _change_starts(grouped: pl.DataFrame) -> set[str]:
    """Claims that are the starting level of a change stated with its end ("fell from 24.2m
    in 2020 to 24.1m in 2021") when the end is in another row of the same measure and place:
    the start is told with its end, not as a row of its own."""
    if "from_claim" not in grouped.columns:
        return set()
    ends = grouped.filter(pl.col("from_claim").is_not_null()).select(
        pl.col("from_claim").cast(pl.String).alias("claim_id"),
        pl.col("quantity_id").alias("_end_q"),
        "concept_key",
        "entity",
    )
    starts = grouped.join(ends, on=["claim_id", "concept_key", "entity"], how="inner").filter(
        pl.col("_end_q") != pl.col("quantity_id")
    )
    return set(starts.get_column("claim_id").to_list())


def not_headlined(claims: pl.DataFrame) -> pl.DataFrame:
    """Claims of quantities a report does not headline: ``claim_id``, ``quantity_id`` and
    ``why``. A quantity is left out only when every one of its figures gives a reason (its
    first reason is shown for all of them); one figure that fits keeps the row."""
    needed = ["claim_id", "quantity_id", "concept_key"]
    optional = ("frame_doubt", "frame_doubt_word", "entity", "from_claim")
    needed += [c for c in optional if c in claims.columns]
    empty = pl.DataFrame(schema={"claim_id": pl.String, "quantity_id": pl.String, "why": pl.String})
    if any(c not in claims.columns for c in needed):
        return empty
    grouped = claims.filter(pl.col("quantity_id").is_not_null()).select(needed)
    starts = _change_starts(grouped) if "entity" in grouped.columns else set()
    # only a claim that starts a change or whose frame is doubted can give a reason; a
    # quantity with any other claim is kept, so only its claims are read one by one
    reasoned = pl.col("claim_id").is_in(list(starts))
    if "frame_doubt" in grouped.columns:
        reasoned = reasoned | pl.col("frame_doubt").cast(pl.String).is_in(list(_TOLD))
    kept = grouped.filter(~reasoned.fill_null(False)).get_column("quantity_id").unique()
    candidates = grouped.filter(~pl.col("quantity_id").is_in(kept.implode()))
    rows = [
        (c["claim_id"], c["quantity_id"], CHANGE_START if c["claim_id"] in starts else _why_not(c))
        for c in candidates.iter_rows(named=True)
    ]
    if not rows:
        return empty
    table = pl.DataFrame(rows, schema=empty.schema, orient="row")
    every = table.group_by("quantity_id").agg(
        pl.col("why").is_not_null().all().alias("_all"), pl.col("why").drop_nulls().first()
    )
    out = every.filter("_all").select("quantity_id", pl.col("why").alias("_first"))
    return (
        table.join(out, on="quantity_id", how="inner")
        .select("claim_id", "quantity_id", pl.col("_first").alias("why"))
        .sort("quantity_id", "claim_id")
    )


def whole_after(sentence: str, end: int) -> str | None:
    """The whole a share names right after it ("a quarter of the global emissions, ..." ->
    "the global emissions"), up to six words and before a clause or date word; None when
    "of" does not follow."""
    m = _OF.match(sentence, end)
    if not m:
        return None
    words: list[str] = []
    for word in m.group("rest").split():
        low = word.lower()
        if low in _WHOLE_ENDS or len(words) == _MAX_WHOLE_WORDS:
            break
        if words and low.endswith(("ed", "ing")) and len(low) > 4:
            break  # a verb or participle after the noun says something of it ("... turned out")
        words.append(word)
    while words and words[-1].lower() in ("the", "a", "an", "its", "their"):
        words.pop()
    return " ".join(words) or None


def _wholes(claims: pl.DataFrame) -> dict[str, list[str]]:
    """Each share quantity's wholes as written, most named first."""
    needed = ("quantity_id", "unit", "sentence", "sentence_start", "end")
    if any(c not in claims.columns for c in needed):
        return {}
    shares = claims.filter(
        pl.col("quantity_id").is_not_null() & pl.col("unit").is_in(["percent", "fraction"])
    ).select(*needed)
    counts: dict[str, dict[str, int]] = {}
    for r in shares.iter_rows(named=True):
        sentence = r["sentence"] or ""
        at = (r["end"] or 0) - (r["sentence_start"] or 0)
        whole = whole_after(sentence, at) if 0 <= at <= len(sentence) else None
        seen = counts.setdefault(r["quantity_id"], {})
        if whole:
            seen[whole] = seen.get(whole, 0) + 1
    return {q: sorted(c, key=lambda w: (-c[w], w)) for q, c in counts.items()}


def _share_words(wholes: list[str], unit: str) -> str | None:
    if not wholes:
        return "share of an unnamed whole" if unit == "fraction" else None
    if len(wholes) == 1:
        return f"share of {wholes[0]}"
    if len(wholes) == 2:
        return f"share of {wholes[0]} or of {wholes[1]}"
    return f"share of {wholes[0]} or of {len(wholes) - 1} other wholes"


def share_labels(quantities: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """``quantities`` with each share's "(percent)" or "(fraction)" in its label replaced by
    the whole its figures name ("(share of the global total)"); a fraction naming none says
    "(share of an unnamed whole)"; a percentage naming none (a change, a rate) is left as is."""
    if "label" not in quantities.columns or quantities.height == 0:
        return quantities
    wholes = _wholes(claims)
    labels = []
    for r in quantities.select("quantity_id", "unit", "label").iter_rows(named=True):
        label, unit = r["label"], r["unit"]
        words = (
            _share_words(wholes.get(r["quantity_id"], []), unit)
            if unit in ("percent", "fraction")
            else None
        )
        if words and label and f"({unit})" in label:
            label = label.replace(f"({unit})", f"({words})", 1)
        labels.append(label)
    return quantities.with_columns(pl.Series("label", labels, dtype=quantities.schema["label"]))
