"""The verdict on one quantity: how many independent sources its figures rest on, which
pairs conflict or may measure different things, whether it changed over time, and the words
that say why (``agree``, ``diverge``, ``growth``, ``echo``, ``uncertain``, ``single``).
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import polars as pl

from .columns import on_rows
from .events import EVENT_APART_DAYS
from .frames import after_figure
from .identify import stable_ids
from .sources import joined_sets, may_be_one_source
from .tables import cumulative_concepts, reading_words

#: Whether two source names may stand for one body (``sources.may_be_one_source``).
OneSource = Callable[[str, str], bool]


#: Scale words for large figures, as news writes them ("4.7 million", "84 billion").
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _fmt(value: float | None) -> str:
    """A figure as a reader writes it: "4.7 million", "84 billion", "3,166", "0.033"."""
    if value is None or not math.isfinite(value):
        return "open"
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:,.3g} {word}"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.3g}"


def _shown(row: dict[str, Any]) -> str:
    """An assertion's figure in the unit its quantity's reports write (``_shown_factor``, set
    by :mod:`reconcile.compare`; the normalised unit where there is none)."""
    best, factor = row["best"], row.get("_shown_factor")
    return _fmt(best * factor if best is not None and factor is not None else best)


#: At most this many assertions are spelled out in a quantity's ``why``.
WHY_LIMIT = 8
#: A figure as printed stands for anything within this share of it (groups.md's rule 1,
#: "exact is value ±5%"): two exact figures agree while these reaches overlap, and figures of
#: different dates that stay within it are not growth.
TOLERANCE = 0.05
#: Figures dated this many days apart or fewer are "about the same time".
SAME_DAYS = 1
#: Two figures further apart than this factor are more likely counts of different things
#: (a city and a country, a year and a decade) than rival estimates: "uncertain", not "diverge".
SCOPE_RATIO = 5.0
#: Of a date's figures, this many lowest and highest are compared (see ``_candidates``).
EXTREMES = 3
#: Figures that only bound the quantity ("more than X", "up to X").
BOUNDS = ("lower", "upper")
#: The figures that set a date's level for growth: not its bounds when that date has a
#: figure that is not a bound (see :func:`_changed`).
_BOUND = pl.col("bound").is_in(list(BOUNDS)).fill_null(False)
_LEVEL = ~_BOUND | _BOUND.all().over("quantity_id", "as_of")
#: A stray is set aside only in a quantity of at least this many figures: with fewer, which
#: side is the odd one cannot be told.
STRAY_AMONG = 3


def _stray(value: pl.Expr, middle: pl.Expr, count: pl.Expr, ratio: pl.Expr) -> pl.Expr:
    """Whether a figure lies more than ``ratio`` (its measure's ``SCOPE_RATIO``) times from
    the median of its quantity's figures (of ``STRAY_AMONG`` or more): a misreading ("475"
    for "475,000") or a count of something else grouped with them, not a rival estimate nor
    an update."""
    x, m = value.abs(), middle.abs()
    far = (x > 0) & (m > 0) & ((x > m * ratio) | (m > x * ratio))
    return far & (count >= STRAY_AMONG)


#: The powers of ten a figure misprinted or misread is off by ("475,00", "475" for 475,000).
_SHIFTS = (-3, -2, -1, 1, 2, 3)


def strays_apart(claims: pl.DataFrame) -> pl.DataFrame:
    """``claims`` with each figure far from the rest of its quantity (:func:`_stray`: over
    its measure's ``SCOPE_RATIO`` from their median, in a quantity of ``STRAY_AMONG`` figures
    or more) in a quantity of its own, one for those above and one for those below: a count
    of something else that its words did not tell apart ("about 160 on the shift" among
    counts of some 25 trapped), not a rival estimate nor an update. A figure that is another
    of its quantity's with its digits shifted ("475,00" beside "476,025") is that figure
    misprinted or misread, and stays; so does a step of a count that only grows, dated
    before or after all the rest (:func:`_out_of_order`).

    >>> frame = pl.DataFrame({
    ...     "quantity_id": ["q"] * 4, "concept_key": ["trapped"] * 4,
    ...     "norm_value": [23.0, 31.0, 25.0, 160.0]})
    >>> moved = strays_apart(frame).get_column("quantity_id").to_list()
    >>> moved[:3], moved[3] != "q"
    (['q', 'q', 'q'], True)
    >>> strays_apart(frame.with_columns(norm_value=pl.Series([23.0, 31.0, 25.0, 2.5])))[
    ...     "quantity_id"].to_list()
    ['q', 'q', 'q', 'q']
    """
    wide = reading_words().wide_estimates
    # (the quantities held as hashes: a copy of their ids for every figure would be large)
    rows = claims.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"),
        pl.col("quantity_id").hash().alias("_q"),
        pl.col("norm_value").abs().alias("_v"),
        # (read from the categories as they are: their texts are not written out for each row)
        pl.col("concept_key")
        .replace_strict(wide, default=SCOPE_RATIO, return_dtype=pl.Float64)
        .alias("_r"),
    ).filter(claims.get_column("quantity_id").is_not_null() & pl.col("_v").is_not_null())
    rows = rows.with_columns(_m=pl.col("_v").median().over("_q"), _n=pl.len().over("_q"))
    far = rows.filter(_stray(pl.col("_v"), pl.col("_m"), pl.col("_n"), pl.col("_r")))
    # a figure that is another of its quantity's times a power of ten stays (both read to two
    # significant figures: the few far figures' shifts looked up among their quantities')
    factors = pl.DataFrame({"_f": [10.0**k for k in _SHIFTS]})
    misread = (
        far.select("_at", "_q", "_v")
        .join(factors, how="cross")
        .select("_at", "_q", (pl.col("_v") * pl.col("_f")).round_sig_figs(2))
        .join(
            rows.select("_q", pl.col("_v").round_sig_figs(2)).unique(), on=["_q", "_v"], how="semi"
        )
        .get_column("_at")
    )
    far = far.filter(~pl.col("_at").is_in(misread.implode()))
    far = _out_of_order(claims, rows, far)
    if far.is_empty():
        return claims
    at = far.get_column("_at")
    side = pl.when(pl.col("_v") > pl.col("_m")).then(pl.lit("above")).otherwise(pl.lit("below"))
    keys = far.select(
        pl.concat_str([pl.lit(claims.get_column("quantity_id").gather(at)), side], separator="|")
    ).to_series()
    return claims.with_columns(
        claims.get_column("quantity_id").scatter(at, stable_ids(keys, "quantity"))
    )


def _out_of_order(claims: pl.DataFrame, rows: pl.DataFrame, far: pl.DataFrame) -> pl.DataFrame:
    """The ``far`` figures that are no step of a count that only accumulates
    (``cumulative``): one below the rest of its quantity and dated before all of them, or
    above the rest and dated after all of them, is the count as it stood earlier or later
    ("nine dead" on Monday, some 60 by Thursday, "more than 400" a week on), an update of
    it, not a count of something else."""
    if "as_of" not in claims.columns or far.is_empty():
        return far
    # (read only in the quantities that hold a far figure, and of a measure that only grows)
    rows = rows.filter(pl.col("_q").is_in(far.get_column("_q").implode()))
    at = rows.get_column("_at")
    rising = (
        claims.get_column("concept_key")
        .gather(at)
        .cast(pl.String)
        .is_in(sorted(cumulative_concepts()))
    )
    # (the dates of the figures of a measure that only grows, in those quantities)
    dated = rows.select("_at", "_q", _d=claims.get_column("as_of").gather(at)).filter(rising)
    if dated.is_empty():
        return far
    rest = (
        dated.filter(~pl.col("_at").is_in(far.get_column("_at").implode()))
        .group_by("_q")
        .agg(_lo=pl.col("_d").min(), _hi=pl.col("_d").max())
    )
    step = far.join(dated.drop("_q"), on="_at", how="left").join(rest, on="_q", how="left")
    below = pl.col("_v") < pl.col("_m")
    in_order = (
        pl.when(below).then(pl.col("_d") < pl.col("_lo")).otherwise(pl.col("_d") > pl.col("_hi"))
    )
    return step.filter(~in_order.fill_null(False)).select(far.columns)


def _is_stray(
    value: float | None, middle: float | None, count: int, ratio: float = SCOPE_RATIO
) -> bool:
    """:func:`_stray` of one figure (an absent figure is none)."""
    if value is None or middle is None:
        return False
    x, m = abs(value), abs(middle)
    return count >= STRAY_AMONG and x > 0 and m > 0 and max(x / m, m / x) > ratio


#: The working column that says a figure's own words call it what is left of a count
#: (:func:`with_remaining`), read while the sentences are in the working table.
REMAINING = "_remaining"


def with_remaining(claims: pl.DataFrame) -> pl.DataFrame:
    """``claims`` with ``REMAINING``: whether the words right after a figure call it what is
    left of a count ("21 people were still missing", "46 remained in hospital"). Such a count
    falls as people are found or go home, so a lower figure of a later day is that count
    updated (``_falling``), not a rival."""
    remaining = reading_words().remaining
    words = "|".join(map(re.escape, remaining))
    # (read on the sentences that hold such a word, found by a literal search first)
    (said,) = on_rows(
        claims,
        pl.col("sentence").str.contains_any(list(remaining), ascii_case_insensitive=True),
        after_figure().str.contains(rf"(?i)^\s*(?:[\w'-]+\s+){{0,2}}?(?:{words})\b"),
    )
    return claims.with_columns(said.fill_null(False).alias(REMAINING))


def _by_measure(claims: pl.DataFrame) -> list[pl.Expr]:
    """What a quantity's measure says of its verdict, read once from its claims' measures:
    ``_scope``, its ``SCOPE_RATIO``, wider for a measure whose rival estimates run far apart
    by nature (``wide_estimates``: a crowd counted by police and organisers), and
    ``_rising``, whether it counts what only accumulates (``cumulative``: deaths, cases), so
    that a higher figure of a later day is the count updated, and ``_falling``, whether one
    of its figures is what is left of a count (``REMAINING``), so that a lower one is."""
    wide, rising = reading_words().wide_estimates, cumulative_concepts()
    # (the rows of those measures found before their names are written out as text: a
    # million rows' names would be made to keep a few)
    measures = (
        claims.select("quantity_id", "concept_key")
        .filter(pl.col("concept_key").is_in([*wide, *rising]))
        .with_columns(pl.col("concept_key").cast(pl.String))
        .unique()
    )
    ratios = {q: wide[c] for q, c in measures.iter_rows() if q is not None and c in wide}
    rises = measures.filter(pl.col("concept_key").is_in(list(rising))).get_column("quantity_id")
    falls = (
        claims.filter(pl.col(REMAINING)).get_column("quantity_id")
        if REMAINING in claims.columns
        else pl.Series("quantity_id", [], dtype=claims.schema["quantity_id"])
    )
    return [
        pl.col("quantity_id")
        .replace_strict(ratios, default=SCOPE_RATIO, return_dtype=pl.Float64)
        .alias("_scope"),
        pl.col("quantity_id").is_in(rises.implode()).alias("_rising"),
        pl.col("quantity_id").is_in(falls.implode()).alias("_falling"),
    ]


def _scope(row: dict[str, Any]) -> float:
    """The ``SCOPE_RATIO`` of a row's quantity (the default where the row does not say)."""
    return float(row.get("_scope") or SCOPE_RATIO)


def _weighted_median(items: list[tuple[float, float]]) -> float:
    ordered = sorted(items)
    half = sum(w for _, w in ordered) / 2
    acc = 0.0
    for value, w in ordered:
        acc += w
        if acc >= half:
            return value
    return ordered[-1][0]


def _judge(rows: list[dict[str, Any]], *, threshold: float, weighted: bool) -> tuple[object, ...]:
    """Verdict of one quantity from all its assertions (see the module docstring)."""
    bests = [r["best"] for r in rows if r["best"] is not None]
    if weighted:
        best = _weighted_median([(r["best"], r["weight"]) for r in rows if r["best"] is not None])
    else:
        ordered = sorted(bests)
        mid = len(ordered) // 2
        best = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    sources = {r["asserter"] for r in rows if _named(r)}
    mid = statistics.median(bests)
    usual = [
        r for r in rows if r["best"] is None or not _is_stray(r["best"], mid, len(bests), _scope(r))
    ]
    facts = {
        "_n_reports": sum(r["n_reports"] for r in rows),
        "_n_rows": len(rows),
        "_low": min(bests),
        "_best": best,
        "_high": max(bests),
        "_n_sources": independent_sources(sorted(sources), may_be_one_source),
        "_n_docs": len({d for r in rows for d in (r["doc_ids"] or [])}),
        "_named_docs": len({d for r in rows if _named(r) for d in (r["doc_ids"] or [])}),
        "_mid": mid,
        "_n_valued": len(bests),
        "_changed": _changed(usual, TOLERANCE),
    }
    return _verdict(rows, facts, threshold=threshold)


def _verdict(
    rows: list[dict[str, Any]],
    facts: dict[str, Any],
    *,
    threshold: float,
    one_source: OneSource = may_be_one_source,
) -> tuple[object, ...]:
    """The verdict of one quantity from the rows a verdict turns on and its counts."""
    qid = str(rows[0]["quantity_id"])
    n_reports, n_rows = int(facts["_n_reports"]), int(facts["_n_rows"])
    low, best, high = facts["_low"], facts["_best"], facts["_high"]
    spread = high / low if low > 0 else None
    sides = "; ".join(
        f"{r['asserter']} says {r['qualifier'] + ' ' if r['qualifier'] else ''}{_shown(r)}"
        f" ({r['n_reports']} report{'s' if r['n_reports'] != 1 else ''}"
        f"{', ' + r['as_of'].isoformat() if r['as_of'] else ''})"
        for r in rows[:WHY_LIMIT]
    )
    if n_rows > WHY_LIMIT:
        sides += f"; and {n_rows - WHY_LIMIT} more assertions"
    # (facts without a median and count, as a caller may give, find no stray)
    mid, count = facts.get("_mid"), int(facts.get("_n_valued") or 0)
    strays = [r for r in rows if _is_stray(r["best"], mid, count, _scope(r))]
    if strays:
        sides += " — set aside, over {:g} times from the others' middle: {}".format(
            _scope(strays[0]), ", ".join(f"{_shown(r)} from {r['asserter']}" for r in strays)
        )
    changed = bool(facts["_changed"])
    n_sources = int(facts["_n_sources"])  # independent sources (``independent_sources``)
    echoed = n_sources == 1 and facts["_named_docs"] > 1  # one named source, several reports
    single = n_reports <= 1 or (facts["_n_docs"] <= 1 and n_sources <= 1)
    # (a single report is compared with nothing: its conflicts are not looked for)
    conflicts, sure = ([], []) if single else _conflicts(rows, strays, threshold, one_source)
    # one voice whose figures are as far apart as a divergence: not one figure repeated
    split = _self_conflict(rows, threshold) if (single or echoed) and n_rows > 1 else None
    if single and not split:
        verdict = "single"
    elif sure:
        verdict = "diverge"
        a, b = sure[0]
        sides += f" — {_shown(a)} from {a['asserter']} against {_shown(b)}"
        sides += f" from {b['asserter']} ({_ratio(a, b)})"
    elif conflicts:
        verdict = "uncertain"
        a, b = conflicts[0]
        sides += f" — possibly the same quantity: {_shown(a)} from {a['asserter']}"
        sides += f" against {_shown(b)} from {b['asserter']}, but {_doubt(a, b, one_source)};"
        sides += " no divergence is claimed"
    elif changed and not single:
        verdict = "growth"
    elif split:
        verdict = "uncertain"
        a, b = sorted(split, key=lambda r: float(r["best"]))
        sides += f" — one source gives {_shown(a)} and {_shown(b)} ({_ratio(a, b)}):"
        sides += " possibly two measures, not one figure repeated; not compared"
    elif echoed:
        verdict = "echo"
        who = next((r["asserter"] for r in rows if _named(r)), "one named source")
        sides = f"one source ({who}) carried by {facts['_n_docs']} documents: " + sides
    else:
        verdict = "agree"
    return (qid, n_reports, n_rows, low, best, high, spread, verdict, n_sources, sides)


def independent_sources(
    names: Sequence[str] | None,
    one_source: OneSource,
    counted: int = 0,
    *,
    neighbours: Mapping[str, set[str]] | None = None,
) -> int:
    """How many independent sources ``names`` are: names that may be one source (a body
    and its spokesman, a name and its acronym; ``one_source``) count once, and so do names
    linked through such a pair; ``counted`` when no names are given. With ``neighbours``
    (:func:`source_neighbours` of a set of names holding these), the pairs are read from it
    instead of judged here."""
    if names is None:
        return counted
    names = list(dict.fromkeys(names))
    if neighbours is None:
        pairs: Iterable[tuple[str, str]] = (
            (a, b) for a, b in itertools.combinations(names, 2) if one_source(a, b)
        )
    else:
        present = set(names)
        pairs = ((a, b) for a in names for b in neighbours.get(a, ()) if b in present)
    return len(set(joined_sets(names, pairs).values()))


def source_neighbours(
    name_sets: Sequence[Sequence[str]],
    one_source: OneSource,
    *,
    candidates: Callable[[Sequence[str]], Sequence[tuple[str, str]]] | None = None,
) -> dict[str, set[str]] | None:
    """The names each name of ``name_sets`` may be one source with (``one_source``), each
    pair of the sets' distinct names judged once; None when that is more pairs than judging
    each set's own pairs (sets that share few names), which :func:`independent_sources` then
    does. Quantities of one table share their sources: their distinct names are far fewer
    than the pairs within each quantity (a 250,000-claim table: 454 names, 102,831 pairs,
    against 1,393,458 within its quantities). ``candidates`` gives the only pairs of the
    distinct names ``one_source`` may join (:func:`reconcile.sources.candidate_pairs`: a few
    thousand of those 102,831); without it every pair is judged."""
    distinct = sorted({n for names in name_sets for n in names})
    within = sum(len(names) * (len(names) - 1) // 2 for names in name_sets)
    # (every pair counted, not listed, when no candidates are given: they are walked once)
    if candidates is None:
        pairs: Iterable[tuple[str, str]] = itertools.combinations(distinct, 2)
        judged = len(distinct) * (len(distinct) - 1) // 2
    else:
        pairs = candidates(distinct)
        judged = len(pairs)
    if judged >= within:
        return None
    found: dict[str, set[str]] = {}
    for a, b in pairs:
        if one_source(a, b):
            found.setdefault(a, set()).add(b)
            found.setdefault(b, set()).add(a)
    return found


Pair = tuple[dict[str, Any], dict[str, Any]]


def _conflicts(
    rows: list[dict[str, Any]],
    strays: list[dict[str, Any]],
    threshold: float,
    one_source: OneSource,
) -> tuple[list[Pair], list[Pair]]:
    """The conflicting pairs of independent figures of a quantity's ``rows`` (its
    ``strays`` left out) up to the first sure one, and that sure one (if any). Only two
    named sources can conflict: with fewer among the figures, none is looked for."""
    usual = [r for r in rows if all(r is not x for x in strays)] if strays else rows
    if len({r["asserter"] for r in usual if r["best"] is not None and _named(r)}) < 2:
        return [], []
    conflicts: list[Pair] = []
    for a, b in _candidates(usual):
        if not (_independent(a, b) and _conflict(a, b, threshold) and _comparable(a, b)):
            continue
        # (names that may be one body are one voice, as ``independent_sources`` counts them:
        # its figures of two dates are its count updated, not two sides; of one date, two
        # figures of what may be one body stay in doubt; judged last, on conflicts alone)
        if a["as_of"] != b["as_of"] and one_source(str(a["asserter"]), str(b["asserter"])):
            continue
        conflicts.append((a, b))
        if _sure(a, b, one_source):
            return conflicts, [(a, b)]
    return conflicts, []


def _self_conflict(
    rows: list[dict[str, Any]], threshold: float
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Two named figures of a quantity that conflict at about the same time, whoever gives
    them (the first found). One source's figures of different times are its count updated,
    not two measures (:func:`_same_time`)."""
    return next(
        ((a, b) for a, b in _candidates(rows) if _same_time(a, b) and _conflict(a, b, threshold)),
        None,
    )


def _same_time(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Both of about the same date (``SAME_DAYS``), or both undated. A figure its source
    gives again for a later day (``_last``: "the company repeated on Monday that...") stands
    until then, so the days between two figures are counted from the nearer of its dates."""
    if a["as_of"] is None or b["as_of"] is None:
        return a["as_of"] is None and b["as_of"] is None
    a_last, b_last = a.get("_last") or a["as_of"], b.get("_last") or b["as_of"]
    return max((a["as_of"] - b_last).days, (b["as_of"] - a_last).days) <= SAME_DAYS


def _extremes(group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each source's lowest and highest figure, and of those the ``EXTREMES`` lowest and
    highest: the only figures a conflict can be found between."""
    per_source: dict[str, list[dict[str, Any]]] = {}
    for r in group:
        per_source.setdefault(str(r["asserter"]), []).append(r)
    out: list[dict[str, Any]] = []
    for figures in per_source.values():
        figures.sort(key=lambda r: float(r["best"]))
        out += figures[:1] if len(figures) == 1 else [figures[0], figures[-1]]
    out.sort(key=lambda r: float(r["best"]))
    return out if len(out) <= 2 * EXTREMES else out[:EXTREMES] + out[-EXTREMES:]


def _candidates(rows: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Pairs of named figures worth testing for a conflict, in a number that grows with the
    number of dates, not with its square: within each date the extremes, and each date's
    extremes against the extremes of the dates before it."""
    by_date: dict[object, list[dict[str, Any]]] = {}
    for r in rows:
        if _named(r) and r["best"] is not None:
            by_date.setdefault(r["as_of"], []).append(r)
    earlier: list[dict[str, Any]] = []
    for day in sorted(by_date, key=lambda d: (d is None, d)):
        now = _extremes(by_date[day])
        yield from itertools.combinations(now, 2)
        if day is not None:
            yield from ((a, b) for a in earlier for b in now)
            earlier = _extremes(earlier + now)


def _changed(rows: list[dict[str, Any]], share: float) -> bool:
    """Two figures of different dates (or one dated, one not) more than ``share`` apart,
    each date read at its level: its figures, leaving out its bounds when it has a figure
    that is not one ("more than 100,000" beside "105,205" of the same day is that figure
    rounded down, not a second level)."""
    valued = [r for r in rows if r["best"] is not None]
    pointed = {r["as_of"] for r in valued if r["bound"] not in BOUNDS}
    spans: dict[object, tuple[float, float]] = {}
    for r in valued:
        if r["as_of"] not in pointed or r["bound"] not in BOUNDS:
            low, high = spans.get(r["as_of"], (math.inf, -math.inf))
            spans[r["as_of"]] = (min(low, float(r["best"])), max(high, float(r["best"])))
    if len(spans) < 2:
        return False
    by_high = sorted(spans.items(), key=lambda kv: kv[1][1], reverse=True)
    by_low = sorted(spans.items(), key=lambda kv: kv[1][0])
    for day, (low, high) in spans.items():
        top = next(h for d, (_, h) in by_high if d != day)
        bottom = next(lo for d, (lo, _) in by_low if d != day)
        for x, y in ((low, top), (high, bottom)):
            if abs(x - y) > share * max(abs(x), abs(y)):
                return True
    return False


def _named(row: dict[str, Any]) -> bool:
    return not str(row["asserter"]).startswith("unattributed")


def _independent(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two named, different sources (an unnamed source may be either of them)."""
    return _named(a) and _named(b) and a["asserter"] != b["asserter"]


def _sure(a: dict[str, Any], b: dict[str, Any], one_source: OneSource = may_be_one_source) -> bool:
    """A conflict that can be shown as a divergence: both frames read from their own words
    (or one, where a sentence sets the two side by side), the figures within
    ``SCOPE_RATIO`` of each other, and the two names surely two bodies (not one body
    written two ways, nor an umbrella and one of its agencies)."""
    return _doubt(a, b, one_source) is None


def _doubt(
    a: dict[str, Any], b: dict[str, Any], one_source: OneSource = may_be_one_source
) -> str | None:
    """Why a conflict cannot be shown as a divergence, in a reader's words; None when it can."""
    if _ratio_of(a, b) > (limit := max(_scope(a), _scope(b))):
        return f"they are over {limit:g} times apart and likely count different things"
    if (days := _events_apart(a, b)) is not None:
        return f"their reports tell of events {days:,} days apart, possibly two events"
    if one_source(str(a["asserter"]), str(b["asserter"])):
        return "the two names may stand for one body, or a body and a part of it"
    # two figures a sentence sets side by side are of one measure by its own words: one
    # read from its own words vouches for the other ("X puts it at 81%, Y at 58%")
    if not (a["sure"] and b["sure"]) and not (_side_by_side(a, b) and (a["sure"] or b["sure"])):
        return "the measure, place or date of one was not read from its own words"
    return None


def _events_apart(a: dict[str, Any], b: dict[str, Any]) -> int | None:
    """The fewest days between the events the two figures' reports tell of (``_events``, see
    :mod:`reconcile.events`) when that is more than ``EVENT_APART_DAYS``; None when they may
    tell of one event, or when either's is not known."""
    x, y = a.get("_events") or (), b.get("_events") or ()
    if not x or not y:
        return None
    gap = min(abs((p - q).days) for p in x for q in y)
    return gap if gap > EVENT_APART_DAYS else None


def _apart(a: dict[str, Any], b: dict[str, Any], share: float) -> bool:
    x, y = float(a["best"]), float(b["best"])
    return abs(x - y) > share * max(abs(x), abs(y))


def _conflict(a: dict[str, Any], b: dict[str, Any], threshold: float) -> bool:
    """Intervals that do not overlap, or best values further apart than ``threshold`` of
    the larger; a lower bound is open upwards, so a larger figure does not conflict with it."""
    if a["best"] is None or b["best"] is None:
        return False
    small, large = sorted((a, b), key=lambda r: float(r["best"]))
    if small["bound"] == "lower":
        return False
    hi_s, lo_l = _reach(small, up=True), _reach(large, up=False)
    disjoint = hi_s is not None and lo_l is not None and lo_l > hi_s * (1 + 1e-9)
    return disjoint or _apart(a, b, threshold)


def _reach(row: dict[str, Any], *, up: bool) -> float | None:
    """The end of a figure's interval on one side: an exact figure reaches at least
    ``TOLERANCE`` of its value beyond its rounding ("7.3" reaches 7.665, not 7.35)."""
    end = row["interval_high" if up else "interval_low"]
    if row["bound"] != "exact" or end is None:
        return end
    best = float(row["best"])
    margin = TOLERANCE * abs(best)
    return max(float(end), best + margin) if up else min(float(end), best - margin)


def _comparable(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """About the same time, or a later figure lower than an earlier one; but of a count
    that only accumulates (``_rising``), a higher figure of a later day, even the next, is
    that count updated, not a rival, and so is a lower one of a count of what is left
    (``_falling``: "still missing")."""
    if _side_by_side(a, b):
        return True
    if a["as_of"] is None or b["as_of"] is None:
        return _same_time(a, b)
    early, late = sorted((a, b), key=lambda r: r["as_of"])
    fell = float(late["best"]) < float(early["best"])
    if a["as_of"] != b["as_of"] and (a.get("_falling") if fell else a.get("_rising")):
        return False
    return _same_time(a, b) or fell


def _side_by_side(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether a sentence sets the two figures side by side as levels of their own
    (``_sentences``, :mod:`reconcile.compare`): rivals of that sentence's time."""
    x, y = a.get("_sentences"), b.get("_sentences")
    return bool(x and y and set(x) & set(y))


def _ratio_of(a: dict[str, Any], b: dict[str, Any]) -> float:
    x, y = sorted((abs(float(a["best"])), abs(float(b["best"]))))
    return y / x if x > 0 else math.inf


def _ratio(a: dict[str, Any], b: dict[str, Any]) -> str:
    x, y = sorted((float(a["best"]), float(b["best"])))
    return f"{y / x:.1f} times apart" if x > 0 else "apart"
