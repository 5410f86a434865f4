"""Time and peak memory of ``reconcile`` on large synthetic claims tables.

Usage (from the repository root)::

    .venv/bin/python benchmarks/reconcile_scale.py             # 1,000,000 claims
    .venv/bin/python benchmarks/reconcile_scale.py --quick     # 100,000 claims
    .venv/bin/python benchmarks/reconcile_scale.py --n 250000 --profile 30

Targets: ``reconcile`` on 1,000,000 claims in under 60 s of wall clock and under 4 GB
of peak resident memory. The exit status is 0 when both hold (for other sizes the
time target is scaled linearly, as an indication only).

The claims table is generated directly as a Polars DataFrame with exactly
``extract.schema.CLAIMS_SCHEMA`` (seeded, vectorised with numpy and Polars, no
text is parsed):

* about one document per 50 claims (20,000 documents for a million claims) from a
  few dozen outlets, published over two years (2022-2023);
* subjects: the names in ``reconcile/data/entities.yaml`` (or, as the package ships
  none, a few countries and their capitals; mostly the document's main entity), names
  reconcile does not know, and nulls;
* counted nouns from ``reconcile/data/concepts.yaml`` plus others; money in USD,
  GBP and EUR, some per month or per year; percentages; kilometres; each (subject,
  measure) has a true value drifting over the two years that reports scatter
  around, rounded as news rounds (5% far off);
* bounds exact/approx/lower/upper (and a few ranges) with ``low``/``high`` as the
  schema says (lower: low=value, high null; upper: high=value, low null;
  exact/approx: low=high=value; range: the two ends) and matching qualifiers;
* attributions from the aliases in ``reconcile/data/asserters.yaml`` (or made-up
  agencies when it is empty) and made-up names, or none;
* a sentence holding the subject and the surface at the recorded offsets
  (``sentence[start - sentence_start:end - sentence_start] == surface``), sometimes
  with an "in March 2023"-style date, "in 2022" or "last month"; about 12% of the
  claims are parts in their sentence's list (", including 3,000 nurses and
  9,000 carers") and about 3% restate the claim before them in brackets
  (``restates`` = its ``claim_id``; money converted to another currency);
* about 3% boilerplate.

The parent process generates the table and writes it to a temporary Parquet file;
a fresh child process (this script with ``--child``) reads it and does all the
measuring, so its peak RSS (``resource.getrusage``, which sees Polars' native
allocations) belongs to that size alone. The child measures, in order:

* a baseline: a plain Polars ``group_by`` over the same frame (subject, concept,
  unit, per -> count, median value, distinct documents, list of claim ids), best
  of three, so the reconcile time also reads as a ratio;
* ``reconcile(claims)``: wall clock and CPU time (user+sys; on a shared machine the
  wall clock depends on the load, which is printed too), cold (the first call also
  builds the pint unit registry); the wall and CPU time of each stage that
  ``reconcile.core`` calls, and the highest RSS sampled while it ran (the stages are
  wrapped at run time in the child only; the code is not changed);
* peak RSS after loading the input and at the end.

Memory against the claims frame (issue 14: "peak memory at most 4 times the claims
frame's size"). The figure held to the bar is the highest RSS while ``reconcile`` runs
minus the RSS the child had before it read the input (the interpreter and the libraries
imported), divided by the frame's ``estimated_size``. It counts the input frame (one of
the four), the result and everything reconcile holds at its peak, and not the fixed cost
of Python and its libraries, which does not grow with the claims. The peak is the
kernel's high-water mark (``VmHWM``), reset (``/proc/self/clear_refs``) just before the call
so that the reading of the input and the baseline do not count; where the kernel refuses the
reset, the process's peak so far (``ru_maxrss``) is used, which can only overstate. (After a
reset ``ru_maxrss`` is not read: the kernel folds into it the peak of the parent that
generated the claims, which the reset does not clear, so it read 4.8-4.9 times where the
child's own peak was 4.4.) Two other readings
are printed beside it and not judged: the whole process's peak over the frame, and the
memory reconcile adds over the RSS at the moment it is called (which a memory allocator
that keeps freed pages can understate).

Wall clock against CPU time: on a shared machine a process waits for a processor. The
child reads, for all its threads, the time spent waiting in the kernel's run queue
(``/proc/self/task/*/schedstat``) while reconcile ran; wall clock well above CPU time
with that wait about the difference is the machine's load, not reconcile sleeping or
reading files (the blocks read from disk are printed too).

``--profile K`` runs the reconcile under cProfile as well and prints the top ``K``
functions by cumulative and by own time (the times printed are then inflated by
the profiler).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import yaml

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from extract.schema import CLAIMS_SCHEMA, LATER_CLAIMS_COLUMNS  # noqa: E402

DATA = REPO_ROOT / "reconcile" / "data"
SEED = 20240917
DEFAULT_N = 1_000_000
QUICK_N = 100_000
CLAIMS_PER_DOC = 50
TARGET_N = 1_000_000
TARGET_SECONDS = 60.0
TARGET_GB = 4.0
#: Issue 14: the highest RSS while reconcile runs, over the RSS before the input was read,
#: at most this many times the claims frame's own size (``DataFrame.estimated_size``; see the
#: module docstring).
MEMORY_RATIO = 4.0
FIRST_DAY = np.datetime64("2022-01-01")
DAYS = 730  # two years of publication dates

# --------------------------------------------------------------------------- vocabulary

OUTLETS = [
    "BBC News", "Reuters", "Associated Press", "The Guardian", "The New York Times",
    "The Washington Post", "Financial Times", "Al Jazeera", "CNN", "Sky News",
    "The Times", "The Telegraph", "Bloomberg", "Politico", "Deutsche Welle", "France 24",
    "The Independent", "NPR", "ABC News", "CBS News", "NBC News", "The Economist",
    "Kyiv Independent", "Meduza", "Radio Free Europe", "Euronews", "Axios", "Newsweek",
    "The Hill", "Yonhap", "NK News", "The Moscow Times", "Le Monde", "El Pais",
    "Der Spiegel", "Voice of America",
]  # fmt: skip
OTHER_SUBJECTS = [
    "Atlas Mining", "the city council", "Kestrel Airlines", "the health ministry",
    "Meridian Foods", "the port authority", "Harbor Logistics", "the transport authority",
    "Northwind Energy", "the regional government", "Granite Telecom", "the UN",
    "the European Union", "Nato", "the IMF", "the World Bank", "Poland", "Germany",
    "France", "Japan",
]  # fmt: skip
EXTRA_COUNT_NOUNS = [
    "drone", "tank", "refugee", "vehicle", "home", "job", "worker", "student", "patient",
    "passenger", "vote", "artillery piece", "aircraft", "ship", "civilian", "child",
    "household", "visa", "arrest", "protester",
]  # fmt: skip
#: Counted nouns in concepts.yaml that read badly as "50,000 <noun>s".
#: Subjects and camps when reconcile/data ships none (the package holds no story's names):
#: countries from the gazetteer's world and made-up agencies.
FALLBACK_ENTITIES: dict[str, list[str]] = {
    "Chad": ["Chad", "N'Djamena"],
    "Peru": ["Peru", "Lima"],
    "Norway": ["Norway", "Oslo"],
    "Vietnam": ["Vietnam", "Hanoi"],
    "Kenya": ["Kenya", "Nairobi"],
    "Chile": ["Chile", "Santiago"],
}
FALLBACK_ASSERTERS: dict[str, list[str]] = {
    "Coast Bureau": ["Coast Bureau", "the bureau's director"],
    "Harbour Authority": ["Harbour Authority", "HA"],
    "Relief Council": ["Relief Council", "RC officials"],
    "Statistics Office": ["Statistics Office", "the statistics office"],
}
SKIP_NOUNS = {"strength", "army", "rank", "force", "staff", "dead", "killed", "man", "prison"}
COUNT_TAILS = ["", "", " deployed", " sent to the front", " in the east", " of munitions"]
BARE_COUNT_CONCEPTS = [
    "people",
    "residents",
    "jobs",
    "homes",
    "the total",
    "that figure",
    "the number",
]
MONEY_CONCEPTS_EXTRA = ["revenue", "aid", "profits", "payments", "salaries", "exports"]
PERCENT_CONCEPTS = [
    "inflation", "unemployment", "turnout", "of the forces", "growth", "of its budget",
    "of the territory", "support",
]  # fmt: skip
KM_CONCEPTS = [
    "of the front line",
    "of border",
    "of road",
    "of pipeline",
    "of the frontier",
    "of railway",
]
VERBS = {
    "count": ["has", "deployed", "sent", "lost", "recruited", "counted", "holds", "moved"],
    "currency": ["spent", "received", "pays", "budgeted", "raised", "paid", "earned"],
    "ratio": ["reported", "recorded", "saw", "expects"],
    "length": ["advanced", "built", "controls", "holds", "fortified"],
}
APPROX = ["about", "around", "some", "roughly", "an estimated", "approximately"]
LOWER = ["more than", "over", "at least", "just over", "upwards of"]
UPPER = ["nearly", "almost", "up to", "less than", "just under", "close to"]
FIRST_NAMES = [
    "Anna", "James", "Olga", "Mark", "Sun-hee", "Pavel", "Maria", "David", "Iryna", "Tom",
    "Lena", "Ahmed", "Chen", "Sofia", "Ben", "Yuki", "Oleksandr", "Grace", "Ivan", "Nadia",
]  # fmt: skip
SURNAMES = [
    "Kowalski", "Smith", "Petrova", "Lee", "Novak", "Garcia", "Brown", "Kim", "Shevchenko",
    "Miller", "Fischer", "Ivanov", "Park", "Rossi", "Dubois", "Jones", "Tanaka", "Moreau",
    "Bauer", "Horvat",
]  # fmt: skip
UNKNOWN_SOURCES = [
    "analysts", "a local official", "the Institute for the Study of War", "a spokesperson",
    "observers", "a senior commander", "the think tank", "residents", "the company",
]  # fmt: skip
HEADLINES = [
    "accused of supplying arms", "figures disputed", "what we know", "numbers rise",
    "officials deny reports", "new estimates", "the cost so far", "a timeline",
]  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def _yaml(name: str) -> dict[str, Any]:
    loaded = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "sh", "ch")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun in {"personnel", "aircraft", "servicemen", "artillery piece"}:
        return noun if noun != "artillery piece" else "artillery pieces"
    if noun == "child":
        return "children"
    return noun + "s"


@functools.cache
def vocabulary() -> dict[str, Any]:
    """Names from reconcile/data plus the made-up extras, as plain lists."""
    entities = _yaml("entities.yaml") or FALLBACK_ENTITIES
    asserters = _yaml("asserters.yaml") or FALLBACK_ASSERTERS
    concepts = _yaml("concepts.yaml")
    concepts.pop("placeholders", None)
    concepts.pop("cumulative", None)
    entity_names = [str(k) for k in entities]
    entity_aliases = [sorted({str(k), *map(str, v or [])}) for k, v in entities.items()]
    money_words = [
        str(w)
        for w in concepts.get("spending", [])
        if str(w).endswith(("ing", "get", "ost", "ure", "lay"))
    ]
    nouns: list[str] = []
    for key, words in concepts.items():
        if key in {"spending", "border"}:
            continue
        for word in [key, *(words or [])]:
            word = str(word)
            if " " not in word and word not in SKIP_NOUNS and word not in nouns:
                nouns.append(word)
    nouns += [w for w in EXTRA_COUNT_NOUNS if w not in nouns]
    attributions = sorted({str(a) for k, v in asserters.items() for a in [k, *(v or [])]})
    unknown = [f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES] + [f"Dr {s}" for s in SURNAMES]
    return {
        "entity_names": entity_names,
        "entity_aliases": entity_aliases,
        "count_nouns": nouns,
        "count_plurals": [_plural(n) for n in nouns],
        "money_concepts": money_words + MONEY_CONCEPTS_EXTRA,
        "attributions": attributions,
        "unknown_sources": unknown + UNKNOWN_SOURCES,
    }


# --------------------------------------------------------------------------- generation


def _take(options: Sequence[str | None], idx: np.ndarray) -> pl.Series:
    """options[idx] as a String series (vectorised gather)."""
    return pl.Series(list(options), dtype=pl.String).gather(pl.Series(idx.astype(np.int64)))


def _choice(
    rng: np.random.Generator, k: int, size: int, p: Sequence[float] | np.ndarray | None = None
) -> np.ndarray:
    return rng.choice(k, size=size, p=None if p is None else np.asarray(p) / np.sum(p))


def _hex_ids(n: int, salt: int) -> pl.Series:
    """Distinct 16-hex-digit ids (a bijective mix of the row number, like extract's hashes)."""
    with np.errstate(over="ignore"):
        x = (np.arange(n, dtype=np.uint64) + np.uint64(salt)) * np.uint64(0x9E3779B97F4A7C15)
        x ^= x >> np.uint64(29)
    nibbles = (x[:, None] >> np.arange(60, -1, -4, dtype=np.uint64)) & np.uint64(15)
    chars = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)[nibbles.astype(np.uint8)]
    return pl.Series(np.ascontiguousarray(chars).view("S16").ravel()).cast(pl.String)


def _amount(x: pl.Expr) -> pl.Expr:
    """News-style figure text: "1.2 billion", "45 million", "50,000", "7.5"."""

    def short(v: pl.Expr) -> pl.Expr:
        r = v.round(2)
        return (
            pl.when(r == r.floor())
            .then(r.cast(pl.Int64).cast(pl.String))
            .otherwise(r.cast(pl.String))
        )

    whole = x.round(0).cast(pl.Int64)
    comma = (
        pl.when(whole >= 1000)
        .then(
            pl.format(
                "{},{}",
                (whole // 1000).cast(pl.String),
                (whole % 1000).cast(pl.String).str.zfill(3),
            )
        )
        .otherwise(whole.cast(pl.String))
    )
    return (
        pl.when(x >= 1e9)
        .then(pl.format("{} billion", short(x / 1e9)))
        .when(x >= 1e6)
        .then(pl.format("{} million", short(x / 1e6)))
        .when(x == x.round(0))
        .then(comma)
        .otherwise(short(x))
    )


def _two_significant(x: np.ndarray) -> np.ndarray:
    step = 10.0 ** (np.floor(np.log10(np.maximum(x, 1e-9))) - 1)
    return np.round(np.round(x / step) * step, 6)


def generate_claims(n: int, *, seed: int = SEED, n_docs: int | None = None) -> pl.DataFrame:
    """``n`` synthetic claims with exactly ``CLAIMS_SCHEMA`` (same seed, same table)."""
    vocab = vocabulary()
    rng = np.random.default_rng(seed)
    n_docs = max(1, round(n / CLAIMS_PER_DOC)) if n_docs is None else max(1, n_docs)
    n_entities = len(vocab["entity_names"])

    # documents: outlet, date, main entity
    doc_outlet = _choice(rng, len(OUTLETS), n_docs, p=1.0 / np.arange(1, len(OUTLETS) + 1) ** 0.7)
    doc_day = rng.integers(0, DAYS, n_docs)
    doc_entity = _choice(rng, n_entities, n_docs, p=1.0 / np.arange(1, n_entities + 1))
    doc_headline = rng.integers(0, len(HEADLINES), n_docs)
    doc = np.sort(rng.integers(0, n_docs, n))
    row_in_doc = np.arange(n) - np.searchsorted(doc, doc, side="left")

    # sentences: a claim opens one (link 0), restates the one before it in brackets (1:
    # "$50 million (£40 million)") or is a part of it (2: ", including 3,000 nurses
    # and 9,000 carers")
    u = rng.random(n)
    link = np.where(row_in_doc == 0, 0, np.where(u < 0.03, 1, np.where(u < 0.15, 2, 0)))
    leader = np.maximum.accumulate(np.where(link == 0, np.arange(n), 0))

    # who: chosen per sentence
    # the document's main entity, another entity, a name reconcile does not know, none
    subject_mode = _choice(rng, 4, n, p=[0.5, 0.2, 0.15, 0.15])[leader]
    entity = np.where(subject_mode == 0, doc_entity[doc], rng.integers(0, n_entities, n))[leader]
    other = rng.integers(0, len(OTHER_SUBJECTS), n)[leader]
    alias_counts = np.array([len(a) for a in vocab["entity_aliases"]])
    alias_start = np.concatenate([[0], np.cumsum(alias_counts)[:-1]])
    alias = (alias_start[entity] + (rng.random(n) * alias_counts[entity]).astype(np.int64))[leader]

    # what each claim measures
    kinds = ["count", "currency", "ratio", "length"]
    kind = _choice(rng, 4, n, p=[0.50, 0.25, 0.15, 0.10])
    noun = rng.integers(0, len(vocab["count_nouns"]), n)
    has_noun = rng.random(n) < 0.7
    concept_pick = rng.random(n)
    currency = _choice(rng, 3, n, p=[0.55, 0.25, 0.20])  # USD GBP EUR
    per = np.where(kind == 1, _choice(rng, 3, n, p=[0.4, 0.3, 0.3]), 0)  # none, month, year
    bound = _choice(rng, 5, n, p=[0.50, 0.20, 0.15, 0.12, 0.03])  # exact approx lower upper range
    change = np.where(rng.random(n) < 0.07, rng.integers(1, 3, n), 0)  # none, increase, decrease
    # values: each (subject, measure) has a true value drifting over the two years; reports
    # scatter around it (and 5% are far off), rounded to two significant figures
    unknown_key = np.where(subject_mode == 2, n_entities + other, n_entities + len(OTHER_SUBJECTS))
    subject_key = np.where(subject_mode <= 1, entity, unknown_key)
    measure_key = np.where((kind == 0) & has_noun, noun, 64 + (concept_pick * 16).astype(np.int64))
    shape = (n_entities + len(OTHER_SUBJECTS) + 1, 4, 128, 3, 3)
    key = np.ravel_multi_index((subject_key, kind, measure_key, currency, per), shape)
    size = int(np.prod(shape))
    base = np.select(
        [np.arange(size) // (128 * 9) % 4 == k for k in range(3)],
        [
            rng.integers(10, 100, size) * 10.0 ** rng.integers(-1, 5, size),  # 1 .. 990,000
            rng.integers(10, 100, size) * 10.0 ** rng.integers(4, 9, size),  # 100,000 .. 9.9bn
            rng.integers(1, 100, size).astype(np.float64),  # 1 .. 99 %
        ],
        default=rng.integers(1, 300, size) * 5.0,  # 5 .. 1,495 km
    )
    drift = rng.normal(0.0, 0.3, size)
    when = doc_day[doc] / DAYS
    noise = np.exp(rng.normal(0.0, 0.08, n)) * np.where(
        rng.random(n) < 0.05, rng.uniform(0.3, 3.0, n), 1.0
    )
    trend = np.maximum(1.0 + drift[key] * when, 0.2)
    value = _two_significant(base[key] * trend * noise)

    # parts: the kind and rate of the sentence's first figure, and a share of its value
    parts = np.flatnonzero(link == 2)
    head = leader[parts]
    kind[parts], per[parts], currency[parts] = kind[head], per[head], currency[head]
    value[parts] = _two_significant(value[head] * rng.uniform(0.1, 0.6, parts.size))
    bound[parts] = np.where(bound[head] == 4, 0, bound[parts])
    change[parts] = 0
    # restatements: the previous claim's figure, money converted to another currency
    r = np.flatnonzero(link == 1)
    for arr in (kind, value, noun, has_noun, currency, per, bound, change):
        arr[r] = arr[r - 1]
    money = r[kind[r] == 1]
    currency[money] = (currency[money] + 1) % 3
    value[money] = _two_significant(value[money] * 0.8)
    value = np.where(kind == 2, np.clip(np.round(value * 2) / 2, 0.5, 99.5), value)
    value = np.where(kind == 0, np.maximum(np.round(value), 1.0), value)

    flat_aliases = [a for names in vocab["entity_aliases"] for a in names]
    attribution_mode = _choice(rng, 3, n, p=[0.6, 0.15, 0.25])[leader]  # known, unknown, none
    date_mode = _choice(rng, 4, n, p=[0.72, 0.20, 0.05, 0.03])  # none, month+year, year, last month
    mention = FIRST_DAY + doc_day[doc] - rng.integers(0, 180, n)
    mention_month = mention.astype("datetime64[M]")
    month_number = (mention_month.astype(np.int64) % 12).astype(np.int64)
    year = mention_month.astype("datetime64[Y]").astype(np.int64) + 1970

    frame = pl.DataFrame(
        {
            "_doc": doc,
            "_sentence": np.cumsum(link == 0),
            "_link": link,
            "_kind": _take(kinds, kind),
            "value": value,
            "_bound": bound,
            "_per": per,
            "_change": change,
            "_currency": currency,
            "_noun": np.where(has_noun, noun, -1),
            "_subject_mode": subject_mode,
            "_entity_alias": _take(flat_aliases, alias),
            "_other_subject": _take(OTHER_SUBJECTS, other),
            "_known": _take(
                vocab["attributions"], rng.integers(0, len(vocab["attributions"]), n)[leader]
            ),
            "_unknown": _take(
                vocab["unknown_sources"], rng.integers(0, len(vocab["unknown_sources"]), n)[leader]
            ),
            "_attribution_mode": attribution_mode,
            "_said": (rng.random(n) < 0.7)[leader],
            "_date_mode": date_mode[leader],
            "_month": _take(MONTHS, month_number[leader]),
            "_year": year[leader],
            "_verb_pick": rng.random(n),
            "_qualifier_pick": rng.random(n),
            "_concept_pick": concept_pick,
            "_tail": _take(COUNT_TAILS, rng.integers(0, len(COUNT_TAILS), n)),
            "boilerplate": (rng.random(n) < 0.03)[leader],
            "claim_id": _hex_ids(n, seed),
        }
    )

    def pick(options: Sequence[str], u: pl.Expr) -> pl.Expr:
        """options[floor(u * len)] for a uniform column u."""
        idx = (u * len(options)).floor().cast(pl.Int64).clip(0, len(options) - 1)
        return idx.replace_strict(dict(enumerate(options)), return_dtype=pl.String)

    kind_col = pl.col("_kind")
    b = pl.col("_bound")
    frame = frame.with_columns(
        bound=b.replace_strict(
            dict(enumerate(["exact", "approx", "lower", "upper", "range"])), return_dtype=pl.String
        ),
        qualifier=pl.when(b == 1)
        .then(pick(APPROX, pl.col("_qualifier_pick")))
        .when(b == 2)
        .then(pick(LOWER, pl.col("_qualifier_pick")))
        .when(b == 3)
        .then(pick(UPPER, pl.col("_qualifier_pick")))
        .otherwise(None),
        low=pl.when(b <= 2)
        .then(pl.col("value"))
        .when(b == 4)
        .then(pl.col("value") * 0.8)
        .otherwise(None),
        high=pl.when((b <= 1) | (b == 3))
        .then(pl.col("value"))
        .when(b == 4)
        .then(pl.col("value") * 1.2)
        .otherwise(None),
        unit=pl.when(kind_col == "count")
        .then(
            pl.when(pl.col("_noun") >= 0)
            .then(
                pl.col("_noun").replace_strict(
                    dict(enumerate(vocab["count_nouns"])), default=None, return_dtype=pl.String
                )
            )
            .otherwise(None)
        )
        .when(kind_col == "currency")
        .then(
            pl.col("_currency").replace_strict(
                {0: "USD", 1: "GBP", 2: "EUR"}, return_dtype=pl.String
            )
        )
        .when(kind_col == "ratio")
        .then(pl.lit("percent"))
        .otherwise(pl.lit("km")),
        _plural=pl.col("_noun").replace_strict(
            dict(enumerate(vocab["count_plurals"])), default=None, return_dtype=pl.String
        ),
        dimension=kind_col,
        per=pl.col("_per").replace_strict(
            {1: "month", 2: "year"}, default=None, return_dtype=pl.String
        ),
        change=pl.col("_change").replace_strict(
            {1: "increase", 2: "decrease"}, default=None, return_dtype=pl.String
        ),
        subject=pl.when(pl.col("_subject_mode") <= 1)
        .then(pl.col("_entity_alias"))
        .when(pl.col("_subject_mode") == 2)
        .then(pl.col("_other_subject"))
        .otherwise(None),
        attribution=pl.when(pl.col("_attribution_mode") == 0)
        .then(pl.col("_known"))
        .when(pl.col("_attribution_mode") == 1)
        .then(pl.col("_unknown"))
        .otherwise(None),
    )
    # the text: "<Subject> <verb> <surface> <concept>[ (<restated>)][, including <part>
    # and <part>]<date>, <attribution> said."
    symbol = pl.col("unit").replace_strict({"USD": "$", "GBP": "£", "EUR": "€"}, default="")
    number = (
        pl.when(pl.col("bound") == "range")
        .then(pl.format("{}{}-{}", symbol, _amount(pl.col("low")), _amount(pl.col("high"))))
        .otherwise(pl.format("{}{}", symbol, _amount(pl.col("value"))))
    )
    suffix = (
        pl.when(kind_col == "count")
        .then(
            pl.when(pl.col("_plural").is_not_null())
            .then(pl.format(" {}", pl.col("_plural")))
            .otherwise(pl.lit(""))
        )
        .when(kind_col == "ratio")
        .then(pl.lit("%"))
        .when(kind_col == "length")
        .then(pl.lit(" km"))
        .when(pl.col("per") == "month")
        .then(pl.lit(" a month"))
        .when(pl.col("per") == "year")
        .then(pl.lit(" a year"))
        .otherwise(pl.lit(""))
    )
    qualifier = pl.concat_str([pl.col("qualifier"), pl.lit(" ")]).fill_null("")
    frame = frame.with_columns(surface=pl.concat_str([qualifier, number, suffix]))
    concept = (
        pl.when(kind_col == "count")
        .then(
            pl.when(pl.col("_plural").is_not_null())
            .then(pl.concat_str([pl.col("_plural"), pl.col("_tail")]))
            .otherwise(pick(BARE_COUNT_CONCEPTS, pl.col("_concept_pick")))
        )
        .when(kind_col == "currency")
        .then(pick(vocab["money_concepts"], pl.col("_concept_pick")))
        .when(kind_col == "ratio")
        .then(pick(PERCENT_CONCEPTS, pl.col("_concept_pick")))
        .otherwise(pick(KM_CONCEPTS, pl.col("_concept_pick")))
    )
    verb = (
        pl.when(pl.col("change") == "increase")
        .then(pl.lit("rose by"))
        .when(pl.col("change") == "decrease")
        .then(pl.lit("fell by"))
    )
    for k, options in VERBS.items():
        verb = verb.when(kind_col == k).then(pick(options, pl.col("_verb_pick")))
    subject = pl.col("subject").fill_null("It")
    lead_in = (
        pl.when(pl.col("_link") == 0)
        .then(
            pl.concat_str(
                [
                    pl.when(pl.col("boilerplate"))
                    .then(pl.lit("Read more: "))
                    .otherwise(pl.lit("")),
                    subject.str.slice(0, 1).str.to_uppercase(),
                    subject.str.slice(1),
                    pl.lit(" "),
                    verb.otherwise(pl.lit("has")),
                    pl.lit(" "),
                ]
            )
        )
        .when(pl.col("_link") == 1)
        .then(pl.lit(" ("))
        .when(pl.col("_link").shift(1) == 2)
        .then(pl.lit(" and "))
        .otherwise(pl.lit(", including "))
    )
    # a counted noun is already in the surface: the concept goes on from there
    rest = (
        pl.when(pl.col("_link") == 1)
        .then(pl.lit(")"))
        .when((kind_col == "count") & pl.col("_plural").is_not_null())
        .then(pl.col("_tail"))
        .otherwise(pl.format(" {}", pl.col("concept")))
    )
    date = (
        pl.when(pl.col("_date_mode") == 1)
        .then(pl.format(" in {} {}", pl.col("_month"), pl.col("_year")))
        .when(pl.col("_date_mode") == 2)
        .then(pl.format(" in {}", pl.col("_year")))
        .when(pl.col("_date_mode") == 3)
        .then(pl.lit(" last month"))
        .otherwise(pl.lit(""))
    )
    ending = (
        pl.when(pl.col("attribution").is_null())
        .then(pl.lit("."))
        .when(pl.col("_said"))
        .then(pl.format(", {} said.", pl.col("attribution")))
        .otherwise(pl.format(", according to {}.", pl.col("attribution")))
    )
    frame = frame.with_columns(concept=concept, _lead_in=lead_in).with_columns(
        _segment=pl.concat_str([pl.col("_lead_in"), pl.col("surface"), rest]),
        _end_text=pl.concat_str([date, ending]),
    )
    segment_len = pl.col("_segment").str.len_chars().cast(pl.Int64)
    frame = frame.with_columns(
        _offset=segment_len.cum_sum().over("_sentence")
        - segment_len
        + pl.col("_lead_in").str.len_chars().cast(pl.Int64)
    )
    sentences = (
        frame.group_by("_sentence", maintain_order=True)
        .agg(
            pl.col("_doc").first(),
            pl.concat_str([pl.col("_segment").str.join(""), pl.col("_end_text").first()]).alias(
                "sentence"
            ),
        )
        .with_columns(_len=pl.col("sentence").str.len_chars().cast(pl.Int64))
        .with_columns(  # sentences follow each other in the document after a title line
            sentence_start=(pl.col("_len") + 1).cum_sum().over("_doc") - (pl.col("_len") + 1) + 80
        )
        .select(
            "_sentence",
            "sentence",
            "sentence_start",
            sentence_end=pl.col("sentence_start") + pl.col("_len"),
        )
    )
    frame = frame.join(sentences, on="_sentence", how="left", maintain_order="left").with_columns(
        start=pl.col("sentence_start") + pl.col("_offset"),
        doc_id=pl.format("doc-{}.txt", pl.col("_doc").cast(pl.String).str.zfill(5)),
        restates=pl.when(pl.col("_link") == 1).then(pl.col("claim_id").shift(1)).otherwise(None),
    )
    frame = frame.with_columns(
        end=pl.col("start") + pl.col("surface").str.len_chars().cast(pl.Int64)
    )
    # document metadata
    docs = pl.DataFrame(
        {
            "_doc": np.arange(n_docs),
            "outlet": _take(OUTLETS, doc_outlet),
            "published": (FIRST_DAY + doc_day).astype("datetime64[D]"),
            "_title_entity": _take(vocab["entity_names"], doc_entity),
            "_headline": _take(HEADLINES, doc_headline),
        }
    ).with_columns(
        title=pl.format("{}: {}", pl.col("_title_entity"), pl.col("_headline")),
        url=pl.format(
            "https://www.{}.example/news/{}",
            pl.col("outlet").str.to_lowercase().str.replace_all(r"[^a-z0-9]+", ""),
            pl.col("_doc"),
        ),
    )
    frame = frame.join(
        docs.select("_doc", "outlet", "published", "title", "url"),
        on="_doc",
        how="left",
        maintain_order="left",
    )
    # columns added to the schema after this generator ("from_claim", "doubt")
    frame = frame.with_columns(
        pl.lit(None, dtype=CLAIMS_SCHEMA[c]).alias(c)
        for c in LATER_CLAIMS_COLUMNS
        if c not in frame.columns
    )
    return frame.select(CLAIMS_SCHEMA.names()).cast(CLAIMS_SCHEMA)


# --------------------------------------------------------------------------- measuring


def _peak_rss_gb() -> float:
    """Peak resident set size of this process so far (Linux: kB, macOS: bytes)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024**3 if sys.platform == "darwin" else rss / 1024**2


def _current_rss_gb() -> float:
    """Resident set size of this process now (Linux ``/proc/self/statm``; else the peak)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024**3
    except (OSError, ValueError, IndexError, AttributeError):
        return _peak_rss_gb()


def _peak_since_reset_gb() -> float:
    """Peak RSS of this process since :func:`_reset_peak_rss` (Linux ``VmHWM``, the high-water
    mark the reset clears). ``ru_maxrss`` is not used after a reset: the kernel also folds
    into it the peak of the memory image the process replaced when it was started (the
    parent's, which generated the claims), and the reset does not clear that."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024**2
    except (OSError, ValueError, IndexError):
        pass
    return _peak_rss_gb()


def _reset_peak_rss() -> bool:
    """Reset the kernel's peak RSS of this process (Linux 4.0+); False where refused."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def _run_queue_seconds() -> float:
    """Seconds this process's threads have spent runnable but waiting for a processor."""
    total = 0
    for stat in Path("/proc/self/task").glob("*/schedstat"):
        try:
            total += int(stat.read_text(encoding="ascii").split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return total / 1e9


def _blocks_read() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_inblock


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def baseline_group_by(claims: pl.DataFrame, repeats: int = 3) -> tuple[float, int]:
    """Best-of-``repeats`` seconds of a plain group_by over the claims, and its group count."""
    best = float("inf")
    groups = 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = claims.group_by("subject", "concept", "unit", "per").agg(
            pl.len(),
            pl.col("value").median(),
            pl.col("doc_id").n_unique(),
            pl.col("claim_id"),
        )
        best = min(best, time.perf_counter() - t0)
        groups = out.height
        del out
    return best, groups


#: Stages that reconcile.core calls by name; each is wrapped with a timer in the child.
STAGES = [
    "_prepare",
    "load_mapping",
    "load_tables",
    "load_fx_rates",
    "assign_dates",
    "normalise",
    "assign_keys",
    "assign_asserters",
    "alias_pattern",
    "assign_windows",
    "assertions_table",
    "quantities_table",
    "arithmetic_checks",
    "stances",
    "_merge",
]


class RssSampler:
    """Samples the current RSS (Linux ``/proc/self/statm``) in a thread, keeping the highest
    value seen while each named stage runs (short spikes between samples can be missed;
    ``ru_maxrss`` stays the authoritative peak)."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.stage = "(outside reconcile)"
        self.peaks: dict[str, float] = {}
        self._page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _current_gb(self) -> float | None:
        try:
            with open("/proc/self/statm", encoding="ascii") as statm:
                return int(statm.read().split()[1]) * self._page / 1024**3
        except (OSError, ValueError, IndexError):
            return None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            rss = self._current_gb()
            if rss is None:
                return
            stage = self.stage
            if rss > self.peaks.get(stage, 0.0):
                self.peaks[stage] = rss

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _instrument(
    module: Any, names: Sequence[str], seconds: dict[str, list[float]], sampler: RssSampler
) -> None:
    """Replace ``module.<name>`` by a wrapper adding [wall, CPU] seconds to ``seconds[name]``
    and naming the stage for ``sampler``."""

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0, c0 = time.perf_counter(), _cpu_seconds()
            outer, sampler.stage = sampler.stage, name
            try:
                return fn(*args, **kwargs)
            finally:
                sampler.stage = outer
                spent = seconds.setdefault(name, [0.0, 0.0])
                spent[0] += time.perf_counter() - t0
                spent[1] += _cpu_seconds() - c0

        return timed

    for name in names:
        fn = getattr(module, name, None)
        if callable(fn):
            setattr(module, name, wrap(name, fn))


def child(input_path: Path, profile_top: int) -> dict[str, Any]:
    """Read the claims, measure the baseline and reconcile; return the numbers."""
    import reconcile.core as core
    from reconcile import reconcile

    rss_start = _current_rss_gb()
    claims = pl.read_parquet(input_path)
    rss_loaded = _current_rss_gb()
    frame_gb = claims.estimated_size("gb")
    baseline_s, baseline_groups = baseline_group_by(claims)
    peak_before = _peak_rss_gb()
    rss_called = _current_rss_gb()
    reset = _reset_peak_rss()
    stages: dict[str, list[float]] = {}
    profiler = cProfile.Profile() if profile_top > 0 else None
    with RssSampler() as sampler:
        _instrument(core, STAGES, stages, sampler)
        sampler.stage = "(rest of reconcile)"
        cpu0, wait0, blocks0 = _cpu_seconds(), _run_queue_seconds(), _blocks_read()
        t0 = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        result = reconcile(claims)
        if profiler is not None:
            profiler.disable()
        seconds = time.perf_counter() - t0
        cpu = _cpu_seconds() - cpu0
        waited, blocks = _run_queue_seconds() - wait0, _blocks_read() - blocks0
        peak_call = _peak_since_reset_gb() if reset else _peak_rss_gb()
        sampler.stage = "(outside reconcile)"
    report: dict[str, Any] = {
        "claims": claims.height,
        "documents": claims.get_column("doc_id").n_unique(),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "load_average": os.getloadavg()[0],
        "cpus": os.cpu_count(),
        "run_queue_seconds": waited,
        "blocks_read": blocks,
        "peak_rss_gb": max(peak_before, peak_call),
        "peak_rss_reconcile_gb": peak_call,
        "peak_reset": reset,
        "rss_start_gb": rss_start,
        "rss_after_load_gb": rss_loaded,
        "rss_called_gb": rss_called,
        "frame_gb": frame_gb,
        "baseline_seconds": baseline_s,
        "baseline_groups": baseline_groups,
        "quantities": result.quantities.height,
        "assertions": result.assertions.height,
        "checks": result.checks.height,
        "max_assertions_per_quantity": result.quantities.get_column("n_assertions").max(),
        "max_why_chars": result.quantities.get_column("why").str.len_chars().max(),
        "output_claims_mb": result.claims.estimated_size("mb"),
        "grouped_claims": result.claims.get_column("quantity_id").is_not_null().sum(),
        "verdicts": dict(
            result.quantities.group_by(pl.col("verdict").cast(pl.String))
            .len()
            .sort("verdict")
            .iter_rows()
        ),
        "stages": stages,
        "stage_rss_gb": sampler.peaks,
        "profiled": profiler is not None,
    }
    if profiler is not None:
        for key in ("cumulative", "tottime"):
            buffer = io.StringIO()
            pstats.Stats(profiler, stream=buffer).sort_stats(key).print_stats(profile_top)
            report[f"profile_{key}"] = buffer.getvalue()
    return report


def run_child(input_path: Path, profile_top: int, timeout: float) -> dict[str, Any]:
    """Run :func:`child` in a fresh interpreter so that its peak RSS is this size's alone."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--input", str(input_path)]
    if profile_top:
        cmd += ["--profile", str(profile_top)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"child failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    report: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return report


def _print_report(report: dict[str, Any], generation_s: float) -> bool:
    n = int(report["claims"])
    seconds = float(report["seconds"])
    gb = float(report["peak_rss_gb"])
    baseline = float(report["baseline_seconds"])
    at_target = n >= TARGET_N
    time_target = TARGET_SECONDS * (n / TARGET_N if not at_target else 1.0)
    rows = [
        ("claims", f"{n:,} ({report['documents']:,} documents)"),
        ("generation (parent)", f"{generation_s:.2f} s"),
        (
            "reconcile wall clock",
            f"{seconds:.2f} s" + (" (under cProfile)" if report["profiled"] else ""),
        ),
        (
            "CPU time (user+sys)",
            f"{report['cpu_seconds']:.2f} s on {report['cpus']} CPUs, load average {report['load_average']:.1f}",
        ),
        ("claims/s", f"{n / seconds:,.0f}"),
        (
            "waiting for a CPU",
            f"{report['run_queue_seconds']:.2f} s summed over threads (run queue);"
            f" {report['blocks_read']:,} blocks read from disk",
        ),
        (
            "peak RSS (child)",
            f"{gb:.2f} GB; while reconcile ran {report['peak_rss_reconcile_gb']:.2f} GB"
            + ("" if report["peak_reset"] else " (peak not reset: the process's peak)"),
        ),
        (
            "RSS before",
            f"reading {report['rss_start_gb']:.2f} GB, after reading"
            f" {report['rss_after_load_gb']:.2f} GB, at the call {report['rss_called_gb']:.2f} GB",
        ),
        ("baseline group_by", f"{baseline:.3f} s ({report['baseline_groups']:,} groups)"),
        ("reconcile / baseline", f"{seconds / baseline:,.0f}x"),
        ("quantities", f"{report['quantities']:,}"),
        ("assertions", f"{report['assertions']:,}"),
        ("grouped claims", f"{report['grouped_claims']:,}"),
        ("checks", f"{report['checks']:,}"),
        (
            "largest quantity",
            f"{report['max_assertions_per_quantity']:,} assertions, "
            f"'why' of {report['max_why_chars']:,} characters",
        ),
        ("result.claims size", f"{report['output_claims_mb']:,.0f} MB"),
        ("verdicts", ", ".join(f"{k} {v:,}" for k, v in report["verdicts"].items())),
    ]
    width = max(len(k) for k, _ in rows)
    for key, text in rows:
        print(f"{key:<{width}}  {text}")
    stages = sorted(report["stages"].items(), key=lambda kv: -kv[1][0])
    if stages:
        cpu = float(report["cpu_seconds"])
        rss = report.get("stage_rss_gb", {})
        print(
            f"\n  {'stage (reconcile.core)':<20} {'wall':>19} {'CPU (user+sys)':>19}"
            f" {'highest RSS seen':>17}"
        )
        for name, (wall, used) in [
            *stages,
            (
                "(rest of reconcile)",
                (seconds - sum(v[0] for _, v in stages), cpu - sum(v[1] for _, v in stages)),
            ),
        ]:
            seen = f"{rss[name]:8.2f} GB" if name in rss else ""
            print(
                f"  {name:<20} {wall:10.2f} s {100 * wall / seconds:5.1f}%"
                f" {used:10.2f} s {100 * used / max(cpu, 1e-9):5.1f}% {seen:>17}"
            )
    time_ok = seconds < time_target
    memory_ok = gb < TARGET_GB
    frame_gb = float(report.get("frame_gb", 0.0)) or 1e-9
    peak_call = float(report["peak_rss_reconcile_gb"])
    held = peak_call - float(report["rss_start_gb"])
    added = peak_call - float(report["rss_called_gb"])
    ratio_ok = held <= MEMORY_RATIO * frame_gb
    scope = "" if at_target else f" (time scaled linearly to {n:,} claims; indicative only)"
    print(
        f"\ntargets for {TARGET_N:,} claims: < {TARGET_SECONDS:.0f} s, < {TARGET_GB:.0f} GB{scope}"
    )
    print(f"  time   {seconds:.1f} s < {time_target:.1f} s: {'holds' if time_ok else 'FAILS'}")
    print(f"  memory {gb:.2f} GB < {TARGET_GB:.1f} GB: {'holds' if memory_ok else 'FAILS'}")
    print(
        f"  memory while reconcile ran, over the interpreter {held:.2f} GB"
        f" = {held / frame_gb:.1f} x the claims frame ({frame_gb:.2f} GB) <="
        f" {MEMORY_RATIO:.0f} x: {'holds' if ratio_ok else 'FAILS'}"
    )
    print(
        f"    (not judged: whole process {gb / frame_gb:.1f} x; added over the RSS at the call"
        f" {added:.2f} GB = {added / frame_gb:.1f} x)"
    )
    cpus = int(report["cpus"] or 1)
    if float(report["load_average"]) > cpus:
        print(
            f"  note: the machine was busy (load average {report['load_average']:.1f} on {cpus}"
            f" CPUs), so the wall clock is inflated; reconcile itself used"
            f" {report['cpu_seconds']:.1f} s of CPU and its threads waited"
            f" {report['run_queue_seconds']:.1f} s for a processor; on an idle machine the"
            f" wall clock is about the CPU time (less where Polars runs in parallel)"
        )
    for key in ("profile_cumulative", "profile_tottime"):
        if key in report:
            print(f"\n{key.replace('_', ' by ')}:\n{report[key]}")
    return time_ok and memory_ok and ratio_ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n", type=int, default=DEFAULT_N, help="number of claims (default 1,000,000)"
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_N:,} claims")
    parser.add_argument(
        "--docs", type=int, default=None, help=f"documents (default n / {CLAIMS_PER_DOC})"
    )
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--profile", type=int, default=0, metavar="K", help="cProfile, print top K")
    parser.add_argument(
        "--timeout", type=float, default=3600.0, help="give up on the child after this"
    )
    parser.add_argument(
        "--save", type=Path, default=None, help="also write the claims to this Parquet file"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        if args.input is None:
            parser.error("--child needs --input")
        print(json.dumps(child(args.input, args.profile), default=str))
        return 0

    n = QUICK_N if args.quick else args.n
    if n <= 0:
        parser.error("--n must be positive")
    t0 = time.perf_counter()
    claims = generate_claims(n, seed=args.seed, n_docs=args.docs)
    generation_s = time.perf_counter() - t0
    if args.save is not None:
        claims.write_parquet(args.save)
    with tempfile.TemporaryDirectory(prefix="reconcile_scale_") as tmp:
        path = Path(tmp) / "claims.parquet"
        claims.write_parquet(path)
        del claims
        try:
            report = run_child(path, args.profile, args.timeout)
        except subprocess.TimeoutExpired:
            print(f"reconcile on {n:,} claims did not finish within {args.timeout:.0f} s")
            return 1
    return 0 if _print_report(report, generation_s) else 1


if __name__ == "__main__":
    sys.exit(main())
