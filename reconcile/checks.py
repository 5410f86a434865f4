"""Arithmetic consistency checks and stances (denials, disputes).

Checks, each a row that holds, fails or warns, naming the claims involved:

- ``parts_sum``: "12,000 staff, including 3,000 nurses and 9,000 carers":
  the parts after "including", "of whom", "of which", "comprising" add up to the total
  (within 2%);
- ``share_of_whole``: "more than 6,000 – around 15% of the whole workforce" implies a whole
  of about 40,000 (``expected``): a figure derived from the share, with status ``derived``,
  since no stated figure of the whole is held against it;
- ``change_direction``: in "from X to Y", Y is above X for an increase, below for a decrease;
- ``cumulative``: counts that only accumulate (deaths) do not fall from one window to the next;
- ``restatement``: a figure restated in other terms converts back to about the same amount;
- ``input``: claims that could not be compared (no exchange rate, no date, zero or negative
  values where a size is expected) as warnings.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from extract import segment

from .columns import in_series_order, is_ordered, kept_in_order, kept_rows, with_order
from .frames import HEDGES
from .identify import stable_id
from .schema import CHECKS_SCHEMA, STANCES_SCHEMA
from .tables import Tables, alias_pattern

__all__ = ["THRESHOLD_NOTE", "TIME_SPAN_NOTE", "arithmetic_checks", "stances"]

#: The note of a duration that dates its sentence ("during the two months to May"): it is no
#: figure to compare, and nothing is wrong with it, so it raises no warning.
TIME_SPAN_NOTE = "a span of time that dates the sentence, not a figure it measures"
#: The note of a bound that says which members belong to a group ("countries with more than
#: 100,000 refugees", "firms employing fewer than 50 staff"): nothing is measured, nothing wrong.
THRESHOLD_NOTE = "a threshold that defines a group, not a figure it measures"
#: The note of a plural magnitude written without a number ("hundreds of thousands", "millions
#: more"): an order of size, no figure to compare or to show as one ("550 thousands").
VAGUE_NOTE = "an order of size without a number (“hundreds of thousands”), not a figure"

_PARTS = re.compile(
    r"(?i)\b(?:including|of whom|of which|comprising|made up of|consisting of|split between)\b|:"
)
_SHARE_GAP = re.compile(rf"^\s*(?:[-–—,(]|or)\s*(?:{HEDGES})?\s*$")
_DENIAL = re.compile(
    r"(?i)\b(?:denied|denies|deny|denying|dismissed|reject|rejected|rejects|rejecting|refute|"
    r"refuted|refutes|disputed|"
    r"disputes|called (?:it|them|the reports?|the claims?) [\"“']?(?:gossip|speculation|groundless|"
    r"false|baseless|lies|fake))\b|\bgroundless\b|\bbaseless\b"
)


def _row(
    kind: str,
    status: str,
    description: str,
    expected: float | None,
    observed: float | None,
    claim_ids: list[str],
    quantity_ids: list[str | None],
) -> dict[str, Any]:
    return {
        "check_id": stable_id("check", kind, *claim_ids),
        "kind": kind,
        "status": status,
        "description": description,
        "expected": expected,
        "observed": observed,
        "claim_ids": claim_ids,
        "quantity_ids": [q for q in quantity_ids if q is not None],
    }


def arithmetic_checks(
    claims: pl.DataFrame, quantities: pl.DataFrame, tables: Tables
) -> pl.DataFrame:
    """All checks as one table (``CHECKS_SCHEMA``)."""
    out: list[dict[str, Any]] = []
    # only sentences holding two figures or more can give a check
    cols = [
        "claim_id",
        "doc_id",
        "start",
        "end",
        "sentence_start",
        "sentence",
        "value",
        "norm_value",
        "dimension",
        "unit",
        "change",
        "quantity_id",
        "concept",
        "restates",
        "bound",
    ]
    # a figure that may be misprinted ("doubt") takes part in no check
    keep = (
        ~pl.col("boilerplate").fill_null(False)
        & pl.col("doubt").is_null()
        & (pl.len().over("doc_id", "sentence_start") >= 2)
    )
    for article in _articles(claims, keep, cols):
        for rows in _by_sentence(article):
            out.extend(_sentence_checks(rows))
    out.extend(_cumulative(quantities, tables))
    out.extend(_cumulative_within(claims, quantities, tables))
    out.extend(_restatements(claims))
    notes = kept_in_order(
        claims,
        pl.col("group_note").is_not_null()
        & ~pl.col("group_note").is_in([TIME_SPAN_NOTE, THRESHOLD_NOTE])
        & ~pl.col("boilerplate").fill_null(False)
        & pl.col("restates").is_null(),
        "claim_id",
        "surface",
        "group_note",
        "quantity_id",
    )
    for row in notes.iter_rows(named=True):
        out.append(
            _row(
                "input",
                "warning",
                f"'{row['surface']}': {row['group_note']}",
                None,
                None,
                [row["claim_id"]],
                [row["quantity_id"]],
            )
        )
    if not out:
        return CHECKS_SCHEMA.to_frame()
    # built column by column: a frame built row by row makes a Series of every list
    columns: dict[str, Any] = {name: [row[name] for row in out] for name in CHECKS_SCHEMA.names()}
    for name in ("claim_ids", "quantity_ids"):
        columns[name] = _lists_of_text(name, columns[name])
    return pl.DataFrame(columns, schema=CHECKS_SCHEMA).unique("check_id", maintain_order=True)


def _lists_of_text(name: str, lists: list[list[str]]) -> pl.Series:
    """``lists`` as a column of lists of text, built from one column of all their items: a
    column made from the Python lists themselves is built one list at a time (~200 MB for
    the 40,000 checks of a million claims, where this takes ~30 MB).

    >>> _lists_of_text("ids", [["a", "b"], [], ["c"]]).to_list()
    [['a', 'b'], [], ['c']]
    """
    items = (
        pl.DataFrame(
            {
                "_row": [row for row, found in enumerate(lists) for _ in found],
                name: list(itertools.chain.from_iterable(lists)),
            },
            schema={"_row": pl.UInt32, name: pl.String},
        )
        .group_by("_row", maintain_order=True)
        .agg(name)
    )
    # (a row of no items is in no group: its list is empty)
    return (
        pl.DataFrame({"_row": pl.int_range(len(lists), dtype=pl.UInt32, eager=True)})
        .join(items, on="_row", how="left", maintain_order="left")
        .get_column(name)
        .fill_null(pl.lit([], dtype=pl.List(pl.String)))
    )


def _articles(claims: pl.DataFrame, keep: pl.Expr, columns: list[str]) -> Iterator[pl.DataFrame]:
    """``columns`` of the rows of ``claims`` that ``keep`` (which reads no other document's
    rows) holds for, sorted by document and offset, a few thousand whole documents at a
    time: all of them at once, held while the checks are read, are ~130 MB for a million
    claims, and ``keep`` read on all the rows at once as much again."""
    if is_ordered(claims, "doc_id", "start"):
        # (in that order already, as claims in the input's order are: read part by part)
        for start, end in _whole_documents(claims.get_column("doc_id")):
            part = claims.slice(start, end - start)
            yield part.select(*columns, _keep=keep).filter("_keep").drop("_keep")
        return
    # (the rows found and sorted on their keys alone, their columns gathered part by part)
    kept = kept_rows(claims, keep, ["doc_id", "start"])
    for start, end in _whole_documents(claims.get_column("doc_id").gather(kept)):
        yield claims.select(*columns)[kept.slice(start, end - start)]


#: Rows of claims whose checks are read at once (whole documents: a part ends where a
#: document does).
_PART_ROWS = 100_000


def _whole_documents(docs: pl.Series, size: int = _PART_ROWS) -> list[tuple[int, int]]:
    """Where each part of ``docs`` (the document of each row, its rows together) starts and
    ends: parts of ``size`` rows or more (but the last), each cut where a document starts.

    >>> _whole_documents(pl.Series(["a", "a", "b", "c", "c", "c"]), 2)
    [(0, 2), (2, 6)]
    >>> _whole_documents(pl.Series([], dtype=pl.String), 2)
    [(0, 0)]
    """
    cuts = [0]
    for start in docs.ne_missing(docs.shift(1)).arg_true().to_list():
        if start - cuts[-1] >= size:
            cuts.append(start)
    return list(zip(cuts, [*cuts[1:], docs.len()], strict=True))


def _by_sentence(article: pl.DataFrame) -> Iterator[list[dict[str, Any]]]:
    """The rows of each sentence (``doc_id``, ``sentence_start``), in the order the sentences
    first appear; read one sentence at a time when each sentence's rows are contiguous (as
    they are sorted by document and offset), so that the rows are never all held as dicts."""
    if article.height == 0:
        return
    key = pl.struct("doc_id", "sentence_start")
    runs, distinct = article.select(
        (key.rle_id().max() + 1).alias("runs"), key.n_unique().alias("distinct")
    ).row(0)
    rows = article.iter_rows(named=True)
    if runs == distinct:
        for _, group in itertools.groupby(rows, key=lambda r: (r["doc_id"], r["sentence_start"])):
            yield list(group)
        return
    by_sentence: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in rows:
        by_sentence.setdefault((row["doc_id"], row["sentence_start"]), []).append(row)
    yield from by_sentence.values()


def _offset(row: dict[str, Any], key: str) -> int:
    return int(row[key]) - int(row["sentence_start"])


def _sentence_checks(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    sentence = str(rows[0]["sentence"])
    for i, total in enumerate(rows):
        rest = [
            r
            for r in rows[i + 1 :]
            if r["dimension"] == total["dimension"] and r["restates"] is None
        ]
        # parts that should add up to a total
        if len(rest) >= 2:
            between = sentence[_offset(total, "end") : _offset(rest[0], "start")]
            if _PARTS.search(between):
                parts = rest
                expected = float(total["value"])
                observed = sum(float(p["value"]) for p in parts)
                holds = abs(observed - expected) <= 0.02 * abs(expected)
                names = " + ".join(f"{float(p['value']):,.0f}" for p in parts)
                out.append(
                    _row(
                        "parts_sum",
                        "holds" if holds else "fails",
                        f"{names} = {observed:,.0f} against a total of {expected:,.0f}",
                        expected,
                        observed,
                        [str(total["claim_id"])] + [str(p["claim_id"]) for p in parts],
                        [total["quantity_id"]] + [p["quantity_id"] for p in parts],
                    )
                )
        if i + 1 < len(rows):
            nxt = rows[i + 1]
            gap = sentence[_offset(total, "end") : _offset(nxt, "start")]
            # a share of a whole
            if nxt["unit"] == "percent" and total["unit"] != "percent" and _SHARE_GAP.match(gap):
                share = float(nxt["value"]) / 100
                if share > 0:
                    whole = float(total["value"]) / share
                    of = nxt["concept"] or "the whole"
                    out.append(
                        _row(
                            "share_of_whole",
                            "derived",
                            f"{float(total['value']):,.0f} being {float(nxt['value']):g}% of {of} "
                            f"implies {of} of about {whole:,.0f}",
                            whole,
                            float(total["value"]),
                            [str(total["claim_id"]), str(nxt["claim_id"])],
                            [total["quantity_id"], nxt["quantity_id"]],
                        )
                    )
            # "from X to Y"
            if (
                re.match(r"^\s*to\s*$", gap)
                and re.search(r"(?i)\bfrom\s*$", sentence[: _offset(total, "start")])
                and nxt["change"] is not None
                and nxt["dimension"] == total["dimension"]
            ):
                x, y = float(total["value"]), float(nxt["value"])
                holds = y > x if nxt["change"] == "increase" else y < x
                out.append(
                    _row(
                        "change_direction",
                        "holds" if holds else "fails",
                        f"from {x:,.0f} to {y:,.0f} is said to be an {nxt['change']}",
                        None,
                        y - x,
                        [str(total["claim_id"]), str(nxt["claim_id"])],
                        [total["quantity_id"], nxt["quantity_id"]],
                    )
                )
    return out


def _restatements(claims: pl.DataFrame) -> list[dict[str, Any]]:
    """A figure restated in other terms ("$50 million (£40 million)") should convert back to
    about the same amount (within 10%: exchange rates are monthly averages)."""
    out: list[dict[str, Any]] = []
    restating = kept_in_order(
        claims,
        pl.col("restates").is_not_null(),
        *("claim_id", "restates", "norm_value", "norm_unit", "surface", "quantity_id"),
    )
    # (only the figures restated are taken and sorted, not a copy of every claim's columns)
    restated = claims.filter(pl.col("claim_id").is_in(restating.get_column("restates").implode()))
    pairs = restating.join(
        in_series_order(
            with_order(
                restated,
                pl.col("claim_id").alias("restates"),
                pl.col("norm_value").alias("_orig"),
                pl.col("norm_unit").alias("_orig_unit"),
                pl.col("surface").alias("_orig_surface"),
            )
        ),
        on="restates",
        how="inner",
        maintain_order="right",  # (the restated figures' order, as a join of every claim gave)
    )
    for row in pairs.iter_rows(named=True):
        a, b = row["_orig"], row["norm_value"]
        if a is None or b is None or row["norm_unit"] != row["_orig_unit"]:
            continue
        holds = abs(a - b) <= 0.1 * abs(a)
        out.append(
            _row(
                "restatement",
                "holds" if holds else "fails",
                f"'{row['surface']}' restates '{row['_orig_surface']}': "
                f"{b:,.0f} against {a:,.0f} {row['norm_unit']}",
                a,
                b,
                [row["restates"], row["claim_id"]],
                [row["quantity_id"]],
            )
        )
    return out


def _cumulative(quantities: pl.DataFrame, tables: Tables) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    series = quantities.filter(
        pl.col("concept").is_in(list(tables.cumulative)) & pl.col("best").is_not_null()
    ).sort("as_of_start")
    for part in series.partition_by("series_id"):
        rows = part.to_dicts()
        for a, b in itertools.pairwise(rows):
            holds = b["best"] >= a["best"]
            out.append(
                _row(
                    "cumulative",
                    "holds" if holds else "fails",
                    f"{a['label']}: {a['best']:,.0f} then {b['label']}: {b['best']:,.0f}",
                    a["best"],
                    b["best"],
                    [],
                    [a["quantity_id"], b["quantity_id"]],
                )
            )
    return out


def _cumulative_within(
    claims: pl.DataFrame, quantities: pl.DataFrame, tables: Tables
) -> list[dict[str, Any]]:
    """Within one quantity of a cumulative measure, the figure of a later date is not lower
    than the figure of the date before it (medians per date)."""
    if "concept_key" not in claims.columns:
        return []
    dated = (
        claims.select("quantity_id", "as_of", "concept_key", "norm_value", "doubt")
        .filter(
            pl.col("quantity_id").is_not_null()
            & pl.col("doubt").is_null()
            & pl.col("as_of").is_not_null()
            & pl.col("concept_key").is_in(list(tables.cumulative))
        )
        .group_by("quantity_id", "as_of")
        .agg(pl.col("norm_value").median())
        .sort("quantity_id", "as_of")
    )
    labels = dict(quantities.select("quantity_id", "label").iter_rows())
    out: list[dict[str, Any]] = []
    for part in dated.partition_by("quantity_id", maintain_order=True):
        rows = part.to_dicts()
        for a, b in itertools.pairwise(rows):
            if b["norm_value"] >= a["norm_value"]:
                continue
            out.append(
                _row(
                    "cumulative",
                    "fails",
                    f"{labels.get(a['quantity_id'], '')}: {_count(a['norm_value'])} on "
                    f"{a['as_of']} then {_count(b['norm_value'])} on {b['as_of']}",
                    a["norm_value"],
                    b["norm_value"],
                    [],
                    [a["quantity_id"]],
                )
            )
    return out


def _count(value: float) -> str:
    return f"{value:,.0f}"


def stances(
    texts: Mapping[str, str], assertions: pl.DataFrame, claims: pl.DataFrame, tables: Tables
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Find denials in the documents and record them against the assertions they dispute.

    A denial sentence ("Both the port authority and Acme denied the claims") names who
    denies (see :func:`_deniers`) and whom the disputed reports are about (the entities it
    names). It disputes an assertion of the same document, by another camp and about those
    entities, only when it is tied to it as news writing ties a denial to a figure (see
    :func:`_tied`); a denial of something else ("denied supplying arms", "rejected the claim
    to have taken the town") is recorded with no assertion ids.
    Returns (stances, assertions with ``disputed_by`` filled).
    """
    if not texts:
        return STANCES_SCHEMA.to_frame(), assertions
    pattern, lookup = alias_pattern(tables.entities)
    entity_re = re.compile(pattern)
    speakers = _speaker_names(tables)
    # the denials first: the figures are read only in the documents that deny something
    found = {doc_id: denials for doc_id, text in texts.items() if (denials := _denials(text))}
    figures = _doc_figures(claims, tables.measure_forms, found)
    longest = max((k.count(" ") + 1 for k in tables.measure_forms), default=0)
    rows: list[dict[str, Any]] = []
    disputes: dict[str, list[str]] = {}
    for doc_id, denials in found.items():
        for sentence, nearby in denials:
            names = list(
                dict.fromkeys(
                    canonical
                    for hit in entity_re.finditer(sentence)
                    if (canonical := lookup.get(hit.group(1).lower()))
                )
            )
            if not names:
                continue
            deniers = _deniers(sentence, speakers) or names
            about = [
                f
                for f in figures.get(doc_id, [])
                if f.asserter not in names + deniers and (f.entity in names or len(names) > 1)
            ]
            named = _measures_named(sentence, tables.measure_forms, longest)
            targets = _tied(sentence, nearby, about, named)
            who = " and ".join(deniers)
            rows.append(
                {
                    "doc_id": doc_id,
                    "who": who,
                    "sentence": sentence,
                    "entities": names,
                    "assertion_ids": targets,
                }
            )
            for aid in targets:
                disputes.setdefault(aid, [])
                if who not in disputes[aid]:
                    disputes[aid].append(who)
    table = (
        pl.DataFrame(rows, schema=STANCES_SCHEMA, orient="row")
        if rows
        else STANCES_SCHEMA.to_frame()
    )
    if disputes:
        assertions = assertions.with_columns(
            disputed_by=pl.col("assertion_id").replace_strict(
                disputes, default=[], return_dtype=pl.List(pl.String)
            )
        )
    return table, assertions


#: How many sentences before a denial, in its paragraph, it may answer ("The ministry put
#: the toll at 300. Acme denied it.").
_CLOSE = 1
#: A figure as written, with its scale word: "20,000", "100 million", "2.5bn".
_FIGURE = re.compile(
    r"(?i)(?<![\d.,])(\d(?:[\d,.]*\d)?)(?:\s*(million|billion|trillion|thousand|bn|mn|m|k)\b)?"
)


_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class _Figure:
    """What a denial may be tied to: one claim of an assertion, where it stands in the text."""

    assertion_id: str
    entity: str | None
    asserter: str | None
    start: int
    figure: str | None
    measures: frozenset[str]


def _figures_in(text: str) -> set[str]:
    """The figures written in ``text``, each as digits without separators and its scale."""
    return {
        f"{m.group(1).replace(',', '')} {(m.group(2) or '').lower()}".strip()
        for m in _FIGURE.finditer(text)
    }


def _doc_figures(
    claims: pl.DataFrame, forms: Mapping[str, str], docs: Collection[str]
) -> dict[str, list[_Figure]]:
    """The claims of the documents ``docs`` that belong to an assertion, by document, with
    their figure and measures."""
    out: dict[str, list[_Figure]] = {}
    rows = kept_in_order(
        claims,
        pl.col("assertion_id").is_not_null() & pl.col("doc_id").is_in(list(docs)),
        "doc_id",
        "assertion_id",
        "entity",
        "asserter",
        "start",
        "surface",
        "concept_key",
        "unit",
    )
    for doc_id, aid, entity, asserter, start, surface, key, unit in rows.iter_rows():
        figure = max(_figures_in(surface or ""), key=lambda f: (len(f), f), default=None)
        named = {(key or "").split(":")[0].strip(), forms.get((unit or "").lower(), "")}
        out.setdefault(doc_id, []).append(
            _Figure(aid, entity, asserter, start, figure, frozenset(named - {""}))
        )
    return out


def _measures_named(sentence: str, forms: Mapping[str, str], longest: int) -> set[str]:
    """The measures whose words (any inflected form, "death toll", "troops") ``sentence`` uses."""
    words = _WORD.findall(sentence.lower())
    return {
        forms[phrase]
        for n in range(1, longest + 1)
        for i in range(len(words) - n + 1)
        if (phrase := " ".join(words[i : i + n])) in forms
    }


def _speaker_names(tables: Tables) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern finding any name of an asserter or entity, and name -> canonical."""
    names: dict[str, list[str]] = {}
    for table in (tables.asserters, tables.entities):
        for canonical, aliases in table.items():
            names.setdefault(canonical, []).extend(aliases)
    pattern, lookup = alias_pattern(names)
    return re.compile(pattern), lookup


def _deniers(sentence: str, speakers: tuple[re.Pattern[str], dict[str, str]]) -> list[str]:
    """Who denies: the names before the denial verb in its clause ("..., a claim Ostland
    rejected"), else the names before it in the sentence ("Acme's owner, Jo Bell, denied").
    Empty when no name stands before the verb."""
    verb = _DENIAL.search(sentence)
    pattern, lookup = speakers
    before = sentence[: verb.start()] if verb else ""
    for stretch in (re.split(r"[,;:\u2013\u2014]", before)[-1], before):
        found = [lookup.get(m.group(1).lower()) for m in pattern.finditer(stretch)]
        if found := list(dict.fromkeys(n for n in found if n)):
            return found
    return []


def _denials(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Each denial sentence of ``text`` with the span it answers: itself and the ``_CLOSE``
    sentences before it in its paragraph. Page furniture denies nothing."""
    hits = [m.start() for m in _DENIAL.finditer(text)]
    if not hits:
        return []
    spans = segment.sentences(text)
    ends = [s.end for s in spans]
    out = []
    for i in sorted({bisect.bisect_right(ends, h) for h in hits}):
        if i >= len(spans) or spans[i].boilerplate:
            continue
        s = spans[i]
        first = i
        while first > max(0, i - _CLOSE) and spans[first - 1].paragraph == s.paragraph:
            first -= 1
        out.append((text[s.start : s.end].strip(), (spans[first].start, s.end)))
    return out


def _tied(
    sentence: str,
    nearby: tuple[int, int],
    figures: list[_Figure],
    named: set[str],
) -> list[str]:
    """The assertions a denial disputes, as news writing ties them: a figure in the denial's
    sentence or the sentence just before it in the paragraph, or one whose figure ("the
    20,000 figure") or measure word ("the death toll", "troop numbers") the denial repeats.
    A denial of something else names no figure and no measure, and is tied to none."""
    written = _figures_in(sentence)
    out = [
        f.assertion_id
        for f in figures
        if nearby[0] <= f.start < nearby[1]
        or (f.figure is not None and f.figure in written)
        or f.measures & named
    ]
    return list(dict.fromkeys(out))
