"""The paragraphs of a report in words: one headline per divergent quantity, naming who gives
which figure, when, and how far apart (at most a handful of sources named).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import polars as pl

from reconcile import ReconcileResult
from reconcile.tables import reading_words
from reconcile.verdicts import _fmt as _why_figure

from .corpus import sort_quantities
from .html import (
    Html,
    _esc,
    _n,
    _note,
    _pill,
    _unnamed,
)
from .words import _UNCOUNTABLE, _date, _plural, format_amount, times_apart

MAX_HEADLINES = 8  # paragraphs about divergent quantities
MAX_NAMES = 5  # asserters named in one paragraph
MAX_OUTLETS = 3  # outlets named for one estimate
_INSTITUTION = re.compile(
    r"\b(government|officials?|ministry|military|army|police|office|department|agency|"
    r"council|intelligence|authorities|commission|bank|service|forces|embassy|"
    r"administration|white house|pentagon|kremlin|un|nato|fund|institute|board)\b",
    re.IGNORECASE,
)
#: The mark :func:`_earlier_levels` gives a figure its own source has since replaced.
REPLACED = "replaced by its source"


def _earlier_levels(claims: pl.DataFrame) -> dict[str, str]:
    """Claims that are the starting level of a change ("from 300 to nearly 2,000") in
    the same quantity: ``{claim_id of 1,000: claim_id of nearly 20,000}``; and those reconcile
    read as replaced by their own source ("40 instead of 90": ``superseded``), marked
    :data:`REPLACED`."""
    grouped = claims.filter(pl.col("quantity_id").is_not_null())
    pairs = grouped.select("claim_id", "from_claim", "quantity_id").join(
        grouped.select(pl.col("claim_id").alias("from_claim"), "quantity_id"),
        on=["from_claim", "quantity_id"],
    )
    levels = dict(zip(pairs["from_claim"].to_list(), pairs["claim_id"].to_list(), strict=True))
    if "superseded" in grouped.columns:
        replaced = grouped.filter(pl.col("superseded").fill_null(False))["claim_id"].to_list()
        levels.update((c, REPLACED) for c in replaced if c not in levels)
    return levels


def _who(camp: str) -> str:
    """'UK government' -> 'the UK government'; 'unattributed (BBC News)' -> 'an unattributed
    report in BBC News'; a person's name unchanged; stray dashes before a name dropped."""
    camp = camp.strip(" -–—") or camp
    match = re.fullmatch(r"unattributed \((.*)\)", camp)
    if match:
        return f"an unattributed report in {match.group(1)}"
    if camp.lower().startswith("the "):
        return camp
    return f"the {camp}" if _INSTITUTION.search(camp) else camp


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _thing(q: Mapping[str, Any]) -> str:
    subject = q.get("subject") or ""
    noun = q.get("noun")
    if noun:  # reconcile's display noun for the measure ("people missing")
        placed = f"{noun} in {subject}"
        if subject and str(q.get("label") or "").lower().startswith(placed.lower()):
            return placed  # "deaths in Libya" as the label says, not "Libya deaths"
        return f"{subject} {noun}".strip()
    concept = str(q.get("concept") or "the figure")
    if q.get("dimension") == "count" and concept.isalpha() and concept not in _UNCOUNTABLE:
        concept = _plural(concept, None)
    return f"{subject} {concept}".strip()


def _some(names: Sequence[str], limit: int) -> str:
    """ "A, B, C and 14 more" (every name when there are at most ``limit``).

    >>> _some(["A", "B"], 3), _some(["A", "B", "C", "D", "E"], 3)
    ('A, B', 'A, B, C and 2 more')
    """
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit:,} more"


def _said_by(name: str) -> str:
    """Who a figure is said by, as its article wrote them: a name or a person as written, a
    count, a record or a work (reconcile's ``records`` and ``work_nouns``) after "according
    to the", as a count is no speaker.

    >>> _said_by("UN agency"), _said_by("official"), _said_by("latest official toll")
    ('said by UN agency', 'said by an official', 'according to the latest official toll')
    >>> _said_by("the new figures"), _said_by("recent study"), _said_by("the ministry")
    ('according to the new figures', 'according to the recent study', 'said by the ministry')
    """
    if not name.islower():
        return f"said by {name}"
    words = reading_words()
    record = name.split()[-1].removesuffix("s") in (*words.records, *words.work_nouns)
    if name.split(maxsplit=1)[0] in words.determiners:
        return f"{'according to' if record else 'said by'} {name}"
    if record:
        return f"according to the {name}"
    return f"said by {'an' if name[0] in 'aeiou' else 'a'} {name}"


def _source(a: Mapping[str, Any], camp: str) -> str:
    outlets = list(dict.fromkeys(o for o in (a.get("outlets") or []) if o))
    docs = a.get("doc_ids") or []
    if outlets:
        where = _some(outlets, MAX_OUTLETS)
    else:
        where = _some([_unnamed(d) for d in docs], 1) if docs else "unknown source"
    if where in camp and camp.startswith("unattributed ("):
        where = ""  # "an unattributed report in UPI" already names the outlet
    n = int(a.get("n_reports") or 0)
    reports = f"{n} reports: " if n > 1 else ""
    written = [w for w in (a.get("asserters") or []) if w and w.lower() != camp.lower()]
    said = f"{_said_by(written[0])}; " if written else ""
    when = _date(a.get("first_published") or a.get("as_of"))
    return f"{said}{reports}{where}, {when}" if where else f"{said}{reports}{when}"


def _at(amount: str) -> str:
    """ "at" before an amount, without "at at least".

    >>> _at("5,000"), _at("at least 2,300"), _at("at most $4 million")
    ('at 5,000', 'at 2,300 or more', 'at $4 million or less')
    >>> _at("as many as 600")
    'at up to 600'
    """
    for hedge, after in (("at least ", "or more"), ("at most ", "or less")):
        if amount.startswith(hedge):
            return f"at {amount.removeprefix(hedge)} {after}"
    if amount.startswith("as many as "):
        return f"at up to {amount.removeprefix('as many as ')}"
    return f"at {amount}"


#: The end of the pair reconcile writes into a divergent quantity's ``why``:
#: " — 5,500 from A against 11,300 from B (2.1 times apart)".
_PAIR_END = re.compile(r" \((?:[\d,.]+ times apart|apart)\)$")


def conflict_pair(
    quantity: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]
) -> tuple[Mapping[str, Any], Mapping[str, Any]] | None:
    """The two assertions a divergence verdict turns on, or None when ``why`` names none.

    reconcile records the pair only in words, at the end of the first sentence of ``why``
    (" — A from X against B from Y (N times apart)"). Each side is matched whole against the
    quantity's own assertions, written as reconcile writes them, so a name holding "from" or
    "against" is read right; of several rows with the same source and figure, the two closest
    in date are taken.
    """
    first = str(quantity.get("why") or "").split(". Grouped as ", 1)[0].rstrip(".")
    if " — " not in first:
        return None
    said = first.rsplit(" — ", 1)[1]
    end = _PAIR_END.search(said)
    if end is None:
        return None
    said = said[: end.start()]
    by_side: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        if r.get("best") is not None:
            by_side.setdefault(f"{_why_figure(r['best'])} from {r['asserter']}", []).append(r)
    pairs = [
        (a, b)
        for side, lefts in by_side.items()
        if said.startswith(f"{side} against ")
        for a in lefts
        for b in by_side.get(said.removeprefix(f"{side} against "), [])
    ]
    if not pairs:
        return None

    def days(pair: tuple[Mapping[str, Any], Mapping[str, Any]]) -> int:
        x, y = pair[0].get("as_of"), pair[1].get("as_of")
        return abs((x - y).days) if x and y else (0 if x is None and y is None else 1 << 30)

    return min(pairs, key=days)


def _on(a: Mapping[str, Any]) -> str:
    return f"on {_date(a['as_of'])}" if a.get("as_of") else "undated"


def _disagreement(pair: tuple[Mapping[str, Any], Mapping[str, Any]], amount: Any) -> str:
    """The divergence in words: who against whom, when, and how far apart.

    The pair reconcile judged, not the highest and lowest figures, which may be an early
    count that the figure later grew past."""
    high, low = sorted(pair, key=lambda r: -float(r["best"]))
    return (
        f"The disagreement is between {_who(str(high['asserter']))}, {amount(high)} "
        f"{_on(high)}, and {_who(str(low['asserter']))}, {amount(low)} {_on(low)}: "
        f"{times_apart(high['best'], low['best'])}."
    )


def _range(quantity: Mapping[str, Any], items: Sequence[Mapping[str, Any]], amount: Any) -> str:
    """All the figures as a range over the period, with their dates (a spread, not a
    disagreement: figures of different dates may be one count that grew)."""
    valued = [a for a in items if a.get("best") is not None]
    low = min(valued, key=lambda a: float(a["best"]))
    high = max(valued, key=lambda a: float(a["best"]))
    start, end = quantity.get("as_of_start"), quantity.get("as_of_end")
    over = f"From {_date(start)} to {_date(end)}, the" if start and end and start != end else "The"
    return (
        f"{over} figures range from {amount(low)} ({_date(low.get('as_of'))}) to "
        f"{amount(high)} ({_date(high.get('as_of'))})."
    )


def headline(
    quantity: Mapping[str, Any],
    assertions: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    *,
    earlier: Mapping[str, str] | None = None,
    stated: Mapping[str, str] | None = None,
) -> str:
    """A paragraph, in plain words, about who gave which figure for one quantity.

    A rate its source gave for another period than the one shown is followed by the words
    it was given in ("$41.6 billion a year, given as “£600m a week”"; ``stated``:
    :func:`_stated_periods`).

    One estimate per asserter (the latest; a figure that is only the starting point of a
    stated change, "from 300 to nearly 2,000", is mentioned as "up from 300"), largest
    first, with hedges, units and sources; for a divergence, the pair of figures reconcile
    judged in conflict (:func:`conflict_pair`) and how far apart they are; then the range of
    all figures with their dates, never called the disagreement.
    """
    qid = quantity.get("quantity_id")
    rows = assertions.filter(pl.col("quantity_id") == qid) if qid is not None else assertions
    if rows.height == 0:
        return f"{quantity.get('label')}: no estimate."
    if earlier is None:
        earlier = _earlier_levels(claims) if claims is not None else {}
    if stated is None:
        stated = _stated_periods(claims) if claims is not None else {}
    amount = _amount_words(quantity, stated)
    items = list(rows.iter_rows(named=True))
    entries = _camp_entries(items, earlier, amount)
    pair = conflict_pair(quantity, items) if quantity.get("verdict") == "diverge" else None
    entries, hidden = _shown_entries(entries, pair)
    sentence = _listing(_thing(quantity), entries, hidden)
    if pair is not None and len(items) == 2:  # the two figures just told, with their dates
        sentence = sentence[:-1] + f" — {times_apart(pair[0]['best'], pair[1]['best'])}."
    elif pair is not None:
        sentence += " " + _disagreement(pair, amount)
    values = sorted({float(a["best"]) for a in items if a.get("best") is not None})
    ends = [values[0], values[-1]] if values else []
    if len(values) >= 2 and (pair is None or ends != sorted(float(a["best"]) for a in pair)):
        sentence += " " + _range(quantity, items, amount)  # the spread, said as a range
    disputed = sorted({d for a in items for d in (a.get("disputed_by") or [])})
    if disputed:
        sentence += f" {_some(disputed, MAX_NAMES)} rejected the reports these figures appear in."
    return sentence


#: One headline entry: the best value (for the order), the asserter, the figure in words and
#: its notes ("also 3,958; OCHA, 17 Sep 2023").
_Entry = tuple[float, str, str, str]


def _amount_words(
    quantity: Mapping[str, Any], stated: Mapping[str, str]
) -> Callable[[Mapping[str, Any]], str]:
    """A function saying an assertion's figure in words, in the quantity's unit and period
    (with the words a rate was given in, :func:`_given_as`)."""
    unit, per = quantity.get("unit"), quantity.get("per")
    concept = str(quantity.get("concept") or "")
    if unit and quantity.get("dimension") == "count" and unit in (concept, _plural(concept, None)):
        unit = None  # "puts Ostland troops at 50,000", not "at 50,000 troops"

    def amount(a: Mapping[str, Any]) -> str:
        low = a["interval_low"] if a.get("bound") == "range" else None
        high = a["interval_high"] if a.get("bound") == "range" else None
        text = format_amount(
            a["best"], unit, per=per, qualifier=a.get("qualifier"), low=low, high=high
        )
        return text + _given_as(a, per, stated)

    return amount


def _camp_entries(
    items: list[dict[str, Any]],
    earlier: Mapping[str, str],
    amount: Callable[[Mapping[str, Any]], str],
) -> list[_Entry]:
    """One entry per asserter (one per report when a single voice speaks), largest first."""
    # a figure its source replaced, however many reports gave it before, is its earlier one
    replaced = {
        a["assertion_id"]: any(earlier.get(c) == REPLACED for c in a["claim_ids"] or ())
        for a in items
    }
    is_start = {
        a["assertion_id"]: replaced[a["assertion_id"]]
        or (bool(a["claim_ids"]) and all(c in earlier for c in a["claim_ids"]))
        for a in items
    }
    camps: dict[str, list[dict[str, Any]]] = {}
    for a in items:
        camps.setdefault(str(a["asserter"] or "unattributed"), []).append(a)
    if len(camps) == 1 and len(items) > 1:  # one voice: compare its reports one by one
        camps = {f"{next(iter(camps))} #{i}": [a] for i, a in enumerate(items, 1)}
    entries = []
    for camp, group in camps.items():
        group.sort(
            key=lambda a: (
                is_start[a["assertion_id"]],
                -(a["as_of"] or dt.date.min).toordinal(),
                -int(a["n_reports"] or 0),
                -(a["best"] or 0.0),
            )
        )
        main, rest = group[0], group[1:]
        notes = []
        text = amount(main)
        starts = [r for r in rest if is_start[r["assertion_id"]]]
        others = [r for r in rest if not is_start[r["assertion_id"]]]
        if starts and replaced[starts[0]["assertion_id"]]:
            text += f", revised from {amount(starts[0])}"  # the source replaced its figure
        elif starts:
            direction = "up" if (main["best"] or 0) >= (starts[0]["best"] or 0) else "down"
            text += f", {direction} from {amount(starts[0])}"
        # each other value once ("also 3,958", not "also at least 3,958 and 3,958")
        by_value: dict[float, str] = {}
        for other in others:
            if other["best"] != main["best"]:
                by_value.setdefault(other["best"], amount(other))
        said = list(by_value.values())
        if said:
            more = f" and {len(said) - 2:,} more" if len(said) > 2 else ""
            notes.append(f"also {' and '.join(said[:2])}{more}")
        name = camp.split(" #")[0]
        notes.append(_source(main, name))
        entries.append((main["best"] or 0.0, name, text, "; ".join(notes)))
    entries.sort(key=lambda e: -e[0])
    return entries


def _shown_entries(
    entries: list[_Entry], pair: Sequence[Mapping[str, Any]] | None
) -> tuple[list[_Entry], int]:
    """At most :data:`MAX_NAMES` entries: the highest, the pair in conflict, the next highest
    few and the lowest; and how many are left out."""
    if len(entries) <= MAX_NAMES:
        return entries, 0
    paired = {str(a["asserter"]) for a in pair or ()}
    inner = entries[1:-1]
    must = [e for e in inner if e[1] in paired]
    room = max(0, MAX_NAMES - 2 - len(must))
    shown = must + [e for e in inner if e[1] not in paired][:room]
    return [entries[0], *sorted(shown, key=lambda e: -e[0]), entries[-1]], len(inner) - len(shown)


def _listing(thing: str, entries: list[_Entry], hidden: int) -> str:
    """The sentence naming who puts ``thing`` at which figure, highest first."""
    first = entries[0]
    verb = "put" if first[1].lower().endswith(("officials", "authorities", "sources")) else "puts"
    parts = [f"{_capital(_who(first[1]))} {verb} {thing} {_at(first[2])} ({first[3]})"]
    for i, ((_, before, _, _), (_, camp, text, src)) in enumerate(itertools.pairwise(entries)):
        who = "elsewhere" if camp == before else _who(camp)
        if hidden and i == len(entries) - 2:  # before the lowest
            parts.append(f"{hidden:,} more in between (every estimate is in assertions.parquet)")
            who = "the lowest: " + who
        parts.append(f"{who} {_at(text)} ({src})")
    return "; ".join(parts) + "."


def _stated_periods(claims: pl.DataFrame) -> dict[str, str]:
    """The period each rate was given for by its source (``claim_id`` -> "week")."""
    if not {"claim_id", "per"} <= set(claims.columns):
        return {}
    rates = claims.select("claim_id", pl.col("per").cast(pl.String)).drop_nulls()
    return dict(zip(rates["claim_id"].to_list(), rates["per"].to_list(), strict=True))


def _given_as(a: Mapping[str, Any], per: str | None, stated: Mapping[str, str]) -> str:
    """The words a rate was given in (", given as “£600m a week”") when its source gave it
    for another period than ``per``, the one it is shown in; else "".

    >>> _given_as({"claim_ids": ["c1"], "surface": "£600m a week"}, "year", {"c1": "week"})
    ', given as “£600m a week”'
    >>> _given_as({"claim_ids": ["c1"], "surface": "£600m"}, "year", {"c1": "week"})
    ', given as “£600m a week”'
    >>> _given_as({"claim_ids": ["c1"], "surface": "£40bn a year"}, "year", {"c1": "year"})
    ''
    """
    periods = {stated[c] for c in a.get("claim_ids") or () if c in stated}
    surface = str(a.get("surface") or "")
    if not per or not periods or per in periods or not surface:
        return ""
    period = sorted(periods)[0]
    if period not in surface.lower():  # "£600m" read with "a week" after it
        surface += f" a {period}"
    return f", given as “{surface}”"


def headlines(result: ReconcileResult, *, verdict: str = "diverge") -> Html:
    """One headline paragraph per quantity with this verdict (divergent by default)."""
    if result.quantities.height == 0:
        return _note("No figure in the reports is about this topic.")
    chosen = result.quantities.filter(pl.col("verdict").cast(pl.String) == verdict)
    if chosen.height == 0:
        if verdict == "diverge":
            return _note("The sources do not disagree about any figure on this topic.")
        return _note(f"No figure on this topic has the verdict '{verdict}'.")
    parts = []
    earlier = _earlier_levels(result.claims)  # once for every paragraph
    stated = _stated_periods(result.claims)
    for q in sort_quantities(chosen).head(MAX_HEADLINES).iter_rows(named=True):
        text = headline(q, result.assertions, earlier=earlier, stated=stated)
        parts.append(
            f'<div class="nf-headline"><h3>{_esc(q["label"])} '
            f"{_pill(q['verdict'])}</h3><p>{_esc(text)}</p></div>"
        )
    if chosen.height > MAX_HEADLINES:
        parts.append(
            _note(
                f"The {MAX_HEADLINES} that matter most of {_n(chosen.height, 'quantity')} with "
                "this verdict (the largest spread across the most sources); the others are in "
                "the table below and in quantities.parquet."
            ).text
        )
    return Html("".join(parts))
