"""A quantity's cells in the report's tables: its figures as the sources gave them (with
their ends and middle), its verdict in words and its count of independent sources.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from .words import format_amount


def _figures_of(
    quantities: pl.DataFrame, assertions: pl.DataFrame, claims: pl.DataFrame | None = None
) -> dict[str, list[dict]]:
    """The compared estimates of each of ``quantities`` (not those left out as possibly
    misprinted), by quantity; with ``claims``, each with the direction of the change its
    reports give (``change``: "increase", "decrease"), if any."""
    wanted = ["assertion_id", "quantity_id", "asserter", "best", "bound", "qualifier"]
    wanted += ["surface", "interval_low", "interval_high", "doubt"]
    if assertions.height == 0 or not set(wanted) <= set(assertions.columns):
        return {}
    rows = assertions.select(wanted).filter(
        pl.col("quantity_id").is_in(quantities.get_column("quantity_id").implode())
        & pl.col("doubt").is_null()
        & pl.col("best").is_not_null()
    )
    if claims is not None and {"assertion_id", "change"} <= set(claims.columns):
        # a level reached ("fell to 900") is no change by 900: only a change says "down by"
        delta = pl.col("is_delta").fill_null(True) if "is_delta" in claims.columns else True
        changes = (
            claims.filter(delta)
            .select("assertion_id", pl.col("change").cast(pl.String))
            .drop_nulls()
            .unique("assertion_id", keep="first")
        )
        rows = rows.join(changes, on="assertion_id", how="left")
        rows = _told_with_their_end(rows, claims)
    out: dict[str, list[dict]] = {}
    for a in rows.sort("best").iter_rows(named=True):
        out.setdefault(a["quantity_id"], []).append(a)
    return out


def _told_with_their_end(rows: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """``rows`` (estimates) with the starting level of a change stated with its end in the
    same row ("fell from 4,000 to 2,100") told with the end (``from_best``: 2,100 "down from
    4,000"), not as an estimate of its own beside it: a start is an earlier level, not a
    second figure for the row. A start that some report also gives on its own stays."""
    needed = {"claim_id", "assertion_id", "quantity_id", "from_claim"}
    if not needed <= set(claims.columns) or rows.height == 0:
        return rows.with_columns(from_best=pl.lit(None, dtype=pl.Float64))
    ids = claims.select("claim_id", "assertion_id", "quantity_id")
    pairs = (
        claims.filter(pl.col("from_claim").is_not_null())
        .select(pl.col("assertion_id").alias("_end"), "quantity_id", claim_id="from_claim")
        .join(ids, on=["claim_id", "quantity_id"], how="inner")
        .select("_end", _start="assertion_id")
        .filter(pl.col("_end") != pl.col("_start"))
    )
    # a start whose every claim starts a change ended in its own row
    starts_only = ids.filter(pl.col("assertion_id").is_in(pairs.get_column("_start").implode()))
    told = starts_only.group_by("assertion_id").agg(
        pl.col("claim_id").is_in(claims.get_column("from_claim").drop_nulls().implode()).all()
    )
    folded = told.filter("claim_id").get_column("assertion_id")
    start_best = rows.select(
        pl.col("assertion_id").alias("_start"), pl.col("best").alias("from_best")
    )
    ends = (
        pairs.filter(pl.col("_start").is_in(folded.implode()))
        .join(start_best, on="_start", how="inner")
        .unique("_end", keep="first")
        .select(pl.col("_end").alias("assertion_id"), "from_best")
    )
    return rows.filter(~pl.col("assertion_id").is_in(folded.implode())).join(
        ends, on="assertion_id", how="left"
    )


def figure_cells(q: Mapping[str, Any], estimates: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """The "middle estimate" and "range of estimates" cells of a quantity, each a figure a
    source gave, never one made up between two of them.

    One figure is shown as it was said (a range as its range, a hedge with it). One source's
    several figures are listed, without a middle: a middle of one voice's figures is
    nobody's estimate. Of several sources', the middle is the median when a source gave
    it; between two figures there is none, and for an even number more than two the two
    figures either side of it are named. The range runs from the lowest to the highest
    number written (a range's own ends, not its middle), "X and Y" when only two were given.

    >>> q = {"best": 63550.0, "unit": "refugee", "per": None, "verdict": "single"}
    >>> two = [{"best": 37320.0, "bound": "exact"}, {"best": 89780.0, "bound": "exact"}]
    >>> figure_cells(q, two)
    ('', '37,320 refugees and 89,780 refugees')
    >>> figure_cells({**q, "best": 75000.0}, [{"best": 75000.0, "bound": "range",
    ...     "interval_low": 50000.0, "interval_high": 100000.0}])
    ('between 50,000 and 100,000 refugees', '')
    """
    unit, per = q.get("unit"), q.get("per")
    distinct: dict[float, Mapping[str, Any]] = {}
    for a in sorted(estimates, key=lambda a: float(a["best"])):
        distinct.setdefault(float(a["best"]), a)
    given = list(distinct.values())
    if not given:
        return _middle(q), ""
    if len(given) == 1:
        return _as_said(given[0], unit, per), ""
    if str(q.get("verdict")) in ("single", "echo"):  # one voice: its figures, no middle
        if len(given) <= 3:
            return "", _listed([_as_said(a, unit, per) for a in given])
        return "", _span(given, unit, per)
    return _middle_given(q, given, unit, per), _span(given, unit, per)


def _as_said(a: Mapping[str, Any], unit: str | None, per: str | None) -> str:
    """One estimate as its source gave it: a range as the range, with its hedge; a range
    written in words without a number ("millions", "hundreds of thousands") as written."""
    ranged = a.get("bound") == "range"
    surface = str(a.get("surface") or "")
    if ranged and surface and not any(c.isdigit() for c in surface):
        return surface
    start = a.get("from_best")
    way = {"increase": "up by ", "decrease": "down by "}.get(str(a.get("change")), "")
    said = (way if start is None else "") + format_amount(
        a["best"],
        unit,
        per=per,
        qualifier=a.get("qualifier"),
        low=a.get("interval_low") if ranged else None,
        high=a.get("interval_high") if ranged else None,
    )
    if start is None:
        return said
    moved = "down" if float(start) > float(a["best"]) else "up"
    return f"{said}, {moved} from {format_amount(start, None, per=per)}"


def _listed(texts: Sequence[str]) -> str:
    """ "a and b", "a, b and c"; "; " between them when one is itself a range ("between ...
    and ...")."""
    if any(t.startswith("between ") for t in texts):
        return "; ".join(texts)
    return texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} and {texts[-1]}"


def _ends(a: Mapping[str, Any]) -> tuple[float, float]:
    """The lowest and highest numbers an estimate was written with (a range's ends)."""
    if a.get("bound") == "range" and a.get("interval_low") is not None:
        return float(a["interval_low"]), float(a.get("interval_high") or a["best"])
    return float(a["best"]), float(a["best"])


def _span(given: Sequence[Mapping[str, Any]], unit: str | None, per: str | None) -> str:
    lo = min(_ends(a)[0] for a in given)
    hi = max(_ends(a)[1] for a in given)
    if lo == hi:
        return ""
    word = "and" if len(given) == 2 and all(a.get("bound") != "range" for a in given) else "to"
    return f"{format_amount(lo, unit, per=per)} {word} {format_amount(hi, unit, per=per)}"


def _middle_given(
    q: Mapping[str, Any], given: Sequence[Mapping[str, Any]], unit: str | None, per: str | None
) -> str:
    """The middle of several sources' estimates when one of them gave it; else the two
    figures either side of it (none between only two)."""
    best = q.get("best")
    if best is None:
        return ""
    middle = format_amount(best, unit, per=per)
    points = [float(a["best"]) for a in given if a.get("bound") != "range"]
    if any(format_amount(v, unit, per=per) == middle for v in points):
        return middle  # a figure a source gave (as a reader sees it)
    for a in given:  # the middle of a range one source gave: that range
        if a.get("bound") == "range" and math.isclose(float(a["best"]), best, rel_tol=1e-6):
            return _as_said(a, unit, per)
    below = [v for v in points if v < best]
    above = [v for v in points if v > best]
    if len(given) <= 2 or not below or not above:
        return ""
    pair = [format_amount(max(below), unit, per=per), format_amount(min(above), unit, per=per)]
    return pair[0] if pair[0] == pair[1] else _listed(pair)


def _middle(q: Mapping[str, Any]) -> str:
    """A quantity's middle estimate for a reader; with only figures that may be misprinted,
    those figures as printed."""
    if q["best"] is None and q.get("doubtful"):
        return ", ".join(f"'{d}' as printed" for d in q["doubtful"])
    return format_amount(q["best"], q["unit"], per=q["per"])


def verdict_words(
    verdict: str,
    sources: int | None = None,
    reports: int | None = None,
    *,
    doubtful: Sequence[str] = (),
    estimates: int | None = None,
) -> str:
    """A verdict in words that count the independent sources (when known) it rests on; a
    verdict this module does not know is shown by its own name. Figures left out as possibly
    misprinted (``doubtful``, as printed) are named; when no more than one of the quantity's
    ``estimates`` was left to compare, they are the whole reason it is uncertain.

    >>> verdict_words("diverge", 3), verdict_words("agree", 2), verdict_words("echo", 1, 4)
    ('3 independent sources disagree', '2 independent sources agree', 'one source, repeated in 4 reports')
    >>> verdict_words("single", 1), verdict_words("possibly_same")
    ('one source only', 'possibly same')
    >>> verdict_words("uncertain", 1, 2, doubtful=["12,5"], estimates=2)
    "possibly misprinted: '12,5'; not compared"
    """
    if doubtful:
        note = f"possibly misprinted: {', '.join(repr(str(d)) for d in doubtful)}; not compared"
        alone = estimates is None or estimates - len(doubtful) <= 1
        if verdict == "uncertain" and alone:
            return note
        return f"{verdict_words(verdict, sources, reports)}; {note}"
    many = f"{sources} independent sources" if sources is not None and sources >= 2 else ""
    few = _few_named(sources)
    if verdict == "diverge":
        return f"{many} disagree" if many else f"the reports disagree{few}"
    if verdict == "agree":
        return f"{many} agree" if many else f"the reports agree{few}"
    if verdict == "growth":
        return f"changed over time ({many})" if many else f"changed over time{few}"
    if verdict == "uncertain":
        return "figures that may not measure the same thing; not compared"
    if verdict == "echo":
        told = f", repeated in {reports} reports" if reports and reports > 1 else ", repeated"
        return f"one source{told}"
    if verdict == "single":
        return "one source only"
    return verdict.replace("_", " ")


def _few_named(sources: int | None) -> str:
    """What a comparing verdict on fewer than two named sources rests on, in words: the
    figures of the outlets' own (no source given) are not independent sources.

    >>> _few_named(1), _few_named(0), _few_named(None)
    ('; one source named, the other figures unattributed', '; no source named', '')
    """
    if sources is None or sources >= 2:
        return ""
    if sources == 1:
        return "; one source named, the other figures unattributed"
    return "; no source named"


def sources_shown(sources: int | None) -> str:
    """The independent-sources cell: a count, or "none named" (never a bare 0 beside
    figures that some report gave).

    >>> sources_shown(3), sources_shown(0), sources_shown(None)
    ('3', 'none named', '')
    """
    if sources is None:
        return ""
    return str(sources) if sources > 0 else "none named"
