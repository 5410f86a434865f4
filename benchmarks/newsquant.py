"""Score quantity extraction on NewsQuant (CQE, EMNLP 2023) with strict matching.

Usage (from the repository root)::

    python benchmarks/newsquant.py [--data PATH] [--json OUT] [--show-errors N] [--smallest N]

The table is printed for the fit half and the check half of the file (split by a fixed
hash of each sentence, ``benchmarks/_halves.py``), then for both together.

Two systems go through the same scorer in one run: ours
(``extract.extract_claims``, relying only on the claims-table columns) and
quantulum3 (through ``benchmarks/_baselines.py``). If ``extract`` cannot be
imported yet, only quantulum3 is scored and the script says so.

Metric definitions (after the CQE paper, with stricter matching):

* Per sentence, predictions and gold quantities are paired one-to-one by a
  maximum-weight bipartite matching. A pair is allowed only when the values
  match; among matchings with the most pairs, those with more correct units,
  then more correct changes, then better concepts are preferred.
* Values match when ``np.isclose(pred, gold, rtol=1e-5)`` (numpy's default
  ``atol=1e-8``, as in the paper). A gold range "lo-hi" matches a prediction
  whose ``low`` and ``high`` both match (compared as sorted pairs, since
  NewsQuant writes "from 36040 to 34935" as "36040.0-34935.0"). A scalar gold
  is compared with the prediction's ``value`` (falling back to ``low``, then
  ``high``, when ``value`` is null).
* value+unit: our ``unit`` (plus ``per`` and, for ages, ``dimension``) is mapped
  to NewsQuant's ``normalized_unit`` via ``benchmarks/newsquant_units.json``;
  both sides are lower-cased and singularised word by word. Gold "-" is
  correct only for a null unit.
* value+change: ``change`` increase/decrease -> up/down; otherwise ``bound``
  exact/approx/lower/upper/range -> = ~ > < =.
* concept partial/complete: the content words (lower-cased, punctuation and
  ``STOP_WORDS`` removed) of our ``concept`` and of gold ``referred_concepts``
  overlap / are the same set. Gold "-" is correct only for an empty concept.
* P = correct / predicted, R = correct / gold, F1 their harmonic mean.

The paper's own evaluation is looser (a prediction can count for several gold
quantities with the same value, and quantulum3 was scored against range
midpoints), so the published numbers printed beside ours are a guide, not a
target to reproduce exactly.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import re
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
if str(HERE) not in sys.path:  # the sibling helpers _baselines and _halves
    sys.path.insert(0, str(HERE))
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "benchmarks" / "newsquant" / "newsquant_dev.json"
DEFAULT_UNITS = HERE / "newsquant_units.json"

RTOL = 1e-5
ATOL = 1e-8  # numpy's default, kept as in the CQE evaluation

METRICS: tuple[str, ...] = (
    "value",
    "value+unit",
    "value+change",
    "concept_partial",
    "concept_complete",
)
#: Informative extra (no published counterpart): value+unit, also accepting a
#: one-word count unit equal to the head (last word) of a multi-word gold noun
#: phrase ("pensioner" for "eligible pensioner").
EXTRA_METRICS: tuple[str, ...] = ("value+unit_head",)

#: Published F1 on the full NewsQuant set (paper's looser matching).
PUBLISHED: dict[str, dict[str, float]] = {
    "CQE": {
        "value": 92.0,
        "value+unit": 85.6,
        "value+change": 88.1,
        "concept_partial": 76.1,
        "concept_complete": 57.0,
    },
    "quantulum3": {"value": 73.0, "value+unit": 47.2},
}

#: Words ignored when comparing concepts: articles, prepositions, conjunctions,
#: pronouns and auxiliaries that carry no meaning about *what* is measured.
STOP_WORDS: frozenset[str] = frozenset(
    """
    a an the of in on at to for from by with about as into over under than per
    and or but nor so yet
    this that these those it its it's they them their there he she his her him
    we our us you your i me my who whom which what
    is are was were be been being has have had do does did will would can could
    should may might must shall
    some any all each every no not more most less least very just also only
    """.split()
)

_WORD_RE = re.compile(r"[0-9a-z]+(?:['\-.][0-9a-z]+)*")
_NUM = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE_RE = re.compile(rf"^\s*({_NUM})\s*-\s*({_NUM})\s*$")

_BOUND_SYMBOL = {"exact": "=", "approx": "~", "lower": ">", "upper": "<", "range": "="}
_CHANGE_SYMBOL = {"increase": "up", "decrease": "down"}
_IRREGULAR = {
    "feet": "foot",
    "foot": "foot",
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "fishermen": "fisherman",
    "series": "series",
    "species": "species",
}
_AGE_UNITS = frozenset({"year", "month", "week", "day"})

GoldValue = float | tuple[float, float]
Row = Mapping[str, Any]


# --------------------------------------------------------------------------- values


def parse_gold_value(text: str) -> GoldValue:
    """Parse a NewsQuant value: a float ("-1.4", "1.99E-29") or a range "lo-hi".

    A leading minus and an exponent's minus are not range separators.
    """
    s = text.strip()
    try:
        return float(s)
    except ValueError:
        pass
    m = _RANGE_RE.match(s)
    if m is None:
        raise ValueError(f"cannot parse NewsQuant value {text!r}")
    return (float(m.group(1)), float(m.group(2)))


def _num(x: Any) -> float | None:
    if x is None:
        return None
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _close(a: float | None, b: float) -> bool:
    return a is not None and bool(np.isclose(a, b, rtol=RTOL, atol=ATOL))


def value_matches(gold: GoldValue, pred: Row) -> bool:
    """Whether a prediction's numbers match a gold value (scalar or range)."""
    if isinstance(gold, tuple):
        low, high = _num(pred.get("low")), _num(pred.get("high"))
        if low is None or high is None:
            return False
        g_lo, g_hi = sorted(gold)
        p_lo, p_hi = sorted((low, high))
        return _close(p_lo, g_lo) and _close(p_hi, g_hi)
    v = _num(pred.get("value"))
    if v is None:
        v = _num(pred.get("low"))
    if v is None:
        v = _num(pred.get("high"))
    return _close(v, gold)


# --------------------------------------------------------------------------- units


def singular(word: str) -> str:
    """Crude English singular of one lower-case word (applied to both sides)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def canonical_unit(name: str | None) -> str | None:
    """Lower-case, collapse spaces and singularise each word; "" / "-" -> None."""
    if name is None:
        return None
    s = " ".join(name.strip().lower().split())
    if s in ("", "-"):
        return None
    return " ".join(singular(w) for w in s.split(" "))


@dataclass(frozen=True)
class UnitAliases:
    """Our unit spellings -> NewsQuant ``normalized_unit`` names."""

    exact: dict[str, str]
    folded: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, aliases: Mapping[str, str]) -> UnitAliases:
        exact = dict(aliases)
        targets: dict[str, set[str]] = {}
        for k, v in aliases.items():
            targets.setdefault(k.casefold(), set()).add(v)
        # Case-insensitive fallback only where it is unambiguous (not MW / mW).
        folded = {k: next(iter(v)) for k, v in targets.items() if len(v) == 1}
        return cls(exact, folded)

    @classmethod
    def load(cls, path: Path = DEFAULT_UNITS) -> UnitAliases:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        return cls.from_mapping(data["aliases"])

    def lookup(self, unit: str) -> str | None:
        u = unit.strip()
        if u in self.exact:
            return self.exact[u]
        return self.folded.get(u.casefold())

    def to_newsquant(
        self, unit: str | None, per: str | None = None, dimension: str | None = None
    ) -> str | None:
        """Our (unit, per, dimension) -> canonical NewsQuant unit name, or None."""
        if unit is None or not str(unit).strip():
            return None
        unit = str(unit)
        name = self.lookup(unit)
        if name is None:
            parts = [p for p in re.split(r"\s*/\s*|\s+per\s+", unit.strip()) if p]
            if len(parts) > 1:
                name = " per ".join(self.lookup(p) or p for p in parts)
            else:
                name = unit
        if per:
            period = str(per)
            if not name.endswith(f" per {period}"):
                name = f"{name} per {period}"
        canon = canonical_unit(name)
        if canon is not None and dimension == "age" and canon in _AGE_UNITS:
            canon = f"{canon} of age"
        return canon


def unit_correct(gold: Mapping[str, Any], pred: Row, aliases: UnitAliases) -> bool:
    """Strict unit agreement after aliasing and singularising."""
    g = canonical_unit(str(gold.get("normalized_unit", "-")))
    p = aliases.to_newsquant(pred.get("unit"), pred.get("per"), pred.get("dimension"))
    return g == p


def unit_head_correct(gold: Mapping[str, Any], pred: Row, aliases: UnitAliases) -> bool:
    """Lenient unit agreement: strict, or our one-word unit is the gold phrase's head noun."""
    g = canonical_unit(str(gold.get("normalized_unit", "-")))
    p = aliases.to_newsquant(pred.get("unit"), pred.get("per"), pred.get("dimension"))
    if g == p:
        return True
    if g is None or p is None or " " in p or " per " in g:
        return False
    return g.split(" ")[-1] == p


# --------------------------------------------------------------------------- change, concept


def change_symbol(pred: Row) -> str:
    """Our change/bound columns -> NewsQuant's change symbol."""
    change = pred.get("change")
    if change in _CHANGE_SYMBOL:
        return _CHANGE_SYMBOL[str(change)]
    return _BOUND_SYMBOL.get(str(pred.get("bound")), "=")


def concept_words(text: Any) -> frozenset[str]:
    """Content words of a concept string; "-" / null / "" give the empty set."""
    if text is None:
        return frozenset()
    s = str(text).strip().lower()
    if s in ("", "-"):
        return frozenset()
    return frozenset(w for w in _WORD_RE.findall(s) if w not in STOP_WORDS)


def concept_correct(gold_concepts: Any, pred_concept: Any) -> tuple[bool, bool]:
    """(partial, complete) concept agreement."""
    g = concept_words(gold_concepts)
    p = concept_words(pred_concept)
    if not g:
        return (not p, not p)
    return (bool(g & p), g == p)


# --------------------------------------------------------------------------- matching


def max_weight_assignment(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Maximum-weight matching of a rectangular non-negative integer matrix.

    Returns (row, col) pairs with positive weight. Hungarian algorithm with
    potentials, O(n^2 m); the matrices here are tiny (one sentence).
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    transposed = n > m
    w = (
        [list(col) for col in zip(*weights, strict=True)]
        if transposed
        else [list(r) for r in weights]
    )
    n, m = len(w), len(w[0])
    top = max(max(r) for r in w)
    cost = [[top - x for x in r] for r in w]
    inf = math.inf
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = p[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs: list[tuple[int, int]] = []
    for j in range(1, m + 1):
        i = p[j]
        if i and w[i - 1][j - 1] > 0:
            pairs.append((j - 1, i - 1) if transposed else (i - 1, j - 1))
    return sorted(pairs)


@dataclass(frozen=True)
class Pair:
    """One matched (gold, prediction) pair and what it got right."""

    gold: int
    pred: int
    unit: bool
    unit_head: bool
    change: bool
    concept_partial: bool
    concept_complete: bool


def match_sentence(
    gold: Sequence[Mapping[str, Any]], preds: Sequence[Row], aliases: UnitAliases
) -> list[Pair]:
    """Pair gold quantities and predictions of one sentence one-to-one."""
    if not gold or not preds:
        return []
    r = min(len(gold), len(preds)) + 1
    base = 4 * r  # lexicographic: pairs >> unit >> change >> concept
    info: dict[tuple[int, int], Pair] = {}
    weights = [[0] * len(preds) for _ in gold]
    for i, g in enumerate(gold):
        gv = parse_gold_value(str(g["value"]))
        for j, pr in enumerate(preds):
            if not value_matches(gv, pr):
                continue
            partial, complete = concept_correct(g.get("referred_concepts"), pr.get("concept"))
            pair = Pair(
                gold=i,
                pred=j,
                unit=unit_correct(g, pr, aliases),
                unit_head=unit_head_correct(g, pr, aliases),
                change=change_symbol(pr) == str(g.get("change", "")).strip(),
                concept_partial=partial,
                concept_complete=complete,
            )
            info[(i, j)] = pair
            weights[i][j] = base**3 + base**2 * pair.unit + base * pair.change + partial + complete
    return [info[ij] for ij in max_weight_assignment(weights)]


# --------------------------------------------------------------------------- scoring


def prf(correct: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 in percent (0 when undefined)."""
    p = 100.0 * correct / n_pred if n_pred else 0.0
    r = 100.0 * correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"correct": correct, "P": round(p, 2), "R": round(r, 2), "F1": round(f, 2)}


def score(
    gold_records: Sequence[Mapping[str, Any]],
    predictions: Sequence[Sequence[Row]],
    aliases: UnitAliases | None = None,
    *,
    keep_pairs: bool = False,
) -> dict[str, Any]:
    """Score predictions (one list of claim rows per record) against NewsQuant gold.

    Each record is ``{"text": ..., "quantities": [...]}`` in NewsQuant's format;
    each prediction row needs only the claims-table columns value, low, high,
    bound, unit, per, change, concept (dimension optional). Returns counts and
    per-metric P/R/F1; with ``keep_pairs`` also the per-sentence matchings.
    """
    if len(gold_records) != len(predictions):
        raise ValueError("one prediction list per gold record is required")
    aliases = aliases if aliases is not None else UnitAliases.load()
    n_gold = n_pred = 0
    correct = dict.fromkeys(METRICS + EXTRA_METRICS, 0)
    all_pairs: list[list[Pair]] = []
    for record, preds in zip(gold_records, predictions, strict=True):
        gold = record["quantities"]
        n_gold += len(gold)
        n_pred += len(preds)
        pairs = match_sentence(gold, preds, aliases)
        correct["value"] += len(pairs)
        correct["value+unit"] += sum(p.unit for p in pairs)
        correct["value+unit_head"] += sum(p.unit_head for p in pairs)
        correct["value+change"] += sum(p.change for p in pairs)
        correct["concept_partial"] += sum(p.concept_partial for p in pairs)
        correct["concept_complete"] += sum(p.concept_complete for p in pairs)
        if keep_pairs:
            all_pairs.append(pairs)
    out: dict[str, Any] = {
        "n_sentences": len(gold_records),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "metrics": {k: prf(c, n_pred, n_gold) for k, c in correct.items()},
    }
    if keep_pairs:
        out["pairs"] = all_pairs
    return out


# --------------------------------------------------------------------------- systems

_COLUMNS = (
    "value",
    "low",
    "high",
    "bound",
    "unit",
    "dimension",
    "per",
    "change",
    "concept",
    "surface",
)
_CONTEXT = ("subject", "claim_id", "from_claim")
_NUMBERISH = re.compile(
    r"[\d.,]*\d[\d.,/-]*[a-z%]*|tens|dozens?|scores?|hundreds?|thousands?|millions?|billions?|trillions?|half|halves|thirds?|quarters?|fourths?|fifths?"
)
_SURFACE_WORD = re.compile(r"[^\W_][\w'’.&/-]*|\S")


def _number_words() -> frozenset[str]:
    try:
        from extract.lexicon import lexicon
    except ImportError:  # scoring another system's file without our package
        return frozenset()
    lex = lexicon()
    return frozenset(lex.number_words) | frozenset(lex.scales)


def counted_phrase(surface: str | None, number_words: frozenset[str]) -> str | None:
    """The words a count's surface has after its number: "900,000 retired teachers" ->
    "retired teachers", "dozens of Fiat" -> "Fiat"; None when nothing follows."""
    if not surface:
        return None
    words = _SURFACE_WORD.findall(surface)
    last = -1
    for k, w in enumerate(words):
        low = w.lower()
        if low in number_words or _NUMBERISH.fullmatch(low) or low in ("-", "of"):
            last = k
    rest = [w for w in words[last + 1 :] if w.strip("-")]
    return " ".join(rest) if rest else None


def _with_lemma(phrase: str, unit: Any) -> str:
    """The counted phrase with our singular head noun: "viruses" + virus -> "virus"."""
    if not unit:
        return phrase
    words = phrase.split()
    head = str(unit).split()
    mods = [w for w in words[:-1] if w.lower() not in head]
    return " ".join([*mods, *head])


def frame_rows(frame: Any) -> list[dict[str, Any]]:
    """Claims DataFrame (or list of dicts) -> NewsQuant's view of them, one dict a quantity.

    Our table and NewsQuant write three things differently, and the view follows
    NewsQuant's convention for each:

    * a count's unit: ours is the counted noun ("teacher"), NewsQuant's is the noun
      phrase as written, modifiers included ("retired teacher"): the words of the
      surface after the number, the last one our singular noun;
    * the concept: ours names the measured thing, unit words included ("retired
      teachers, Winter Grant"); NewsQuant's leaves the unit out ("Winter Grant"):
      the surface's words are dropped from our concept and subject, and so is "age" from
      an age's ("Ortiz, 58": ours "age, Ortiz"), its unit being "year of age";
    * "from X to Y": ours is two claims, Y marked with the change's direction and
      pointing to X in ``from_claim``; NewsQuant's is one range X-Y. The view joins the
      two into that range, which, like any range, states no change of its own; its
      concept is what both ends measure ("from 31 mpg to 34 mpg for compact cars").
    """
    if isinstance(frame, list):
        rows = frame
    else:
        cols = [c for c in (*_COLUMNS, *_CONTEXT) if c in frame.columns]
        rows = frame.select(cols).to_dicts()
    numbers = _number_words()
    reached = {r["from_claim"]: r for r in rows if r.get("from_claim") is not None}
    rows_by_id = {r["claim_id"]: r for r in rows if r.get("claim_id") is not None}
    out = []
    for row in rows:
        start = rows_by_id.get(row["from_claim"]) if row.get("from_claim") is not None else None
        if start is not None and "range" not in (row.get("bound"), start.get("bound")):
            continue  # joined to the level it was reached from
        item = {c: row.get(c) for c in _COLUMNS}
        surface = str(row.get("surface") or "")
        other = reached.get(row.get("claim_id"))
        lo, hi = _num(row.get("value")), _num(other.get("value")) if other else None
        if other is not None and "range" in (row.get("bound"), other.get("bound")):
            other = None  # "from 5-7% to 3-5%": two ranges, as NewsQuant writes them
        ends = [row]
        if other is not None and lo is not None and hi is not None:
            # two levels: a range, with no change of its own, measuring what both ends do
            item.update(low=lo, high=hi, value=(lo + hi) / 2, bound="range", change=None)
            surface = f"{surface} {other.get('surface') or ''}"
            ends.append(other)
        if item.get("dimension") == "count":
            phrase = counted_phrase(surface, numbers)
            if phrase:
                item["unit"] = _with_lemma(phrase, item.get("unit"))
        unit_words = {w.lower() for w in _WORD_RE.findall(surface.lower())}
        if item.get("dimension") == "age":
            unit_words.add("age")  # NewsQuant's unit of an age is "year of age"
        # NewsQuant's referred concepts name what is measured and whose it is ("revenue",
        # "Acme"): our concept and subject columns together, less the unit's words.
        chunks = [
            " ".join(w for w in _SURFACE_WORD.findall(chunk) if w.lower() not in unit_words)
            for end in ends
            for part in (end.get("concept"), end.get("subject"))
            if part
            for chunk in str(part).split(",")
        ]
        chunks = [c for c in chunks if _WORD_RE.search(c.lower())]
        item["concept"] = ", ".join(chunks) if chunks else None
        out.append(item)
    return out


def load_ours() -> tuple[Callable[..., Any] | None, str]:
    """Return (extract.extract_claims or None, a note explaining why not)."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        import extract
    except Exception as exc:  # the package is being written by someone else
        return None, f"cannot import extract ({type(exc).__name__}: {exc})"
    fn = getattr(extract, "extract_claims", None)
    if fn is None:
        return None, "extract.extract_claims does not exist yet"
    return fn, ""


@dataclass
class SystemRun:
    """Predictions of one system on every sentence, with timing and failures."""

    name: str
    predictions: list[list[dict[str, Any]]]
    seconds: float
    failures: list[tuple[int, str]]


def run_system(name: str, fn: Callable[[int, str], Any], sentences: Sequence[str]) -> SystemRun:
    """Call ``fn(index, sentence)`` per sentence; an exception counts as no predictions."""
    preds: list[list[dict[str, Any]]] = []
    failures: list[tuple[int, str]] = []
    t0 = time.perf_counter()
    for i, s in enumerate(sentences):
        try:
            preds.append(frame_rows(fn(i, s)))
        except Exception as exc:
            failures.append((i, f"{type(exc).__name__}: {exc}"))
            preds.append([])
    return SystemRun(name, preds, time.perf_counter() - t0, failures)


# --------------------------------------------------------------------------- reporting


def _fmt_prf(m: Mapping[str, float] | None) -> str:
    if m is None:
        return f"{'-':>20}"
    return f"{m['P']:6.1f} {m['R']:6.1f} {m['F1']:6.1f}"


def _fmt_pub(x: float | None) -> str:
    return f"{x:7.1f}" if x is not None else f"{'-':>7}"


def print_table(n_sent: int, n_gold: int, results: Mapping[str, dict[str, Any]]) -> None:
    print(f"NewsQuant: {n_sent} sentences, {n_gold} gold quantities; strict one-to-one matching")
    for name, res in results.items():
        print(f"  {name}: {res['n_pred']} predictions")
    header = (
        f"{'metric':<17} {'ours  P      R      F1':>20}   {'quantulum3  P  R   F1':>20}"
        f"   {'CQE F1*':>7} {'q3 F1*':>7}"
    )
    print(header)
    print("-" * len(header))
    for metric in METRICS + EXTRA_METRICS:
        ours = results.get("ours", {}).get("metrics", {}).get(metric)
        q3 = results.get("quantulum3", {}).get("metrics", {}).get(metric)
        print(
            f"{metric:<17} {_fmt_prf(ours)}   {_fmt_prf(q3)}"
            f"   {_fmt_pub(PUBLISHED['CQE'].get(metric))} {_fmt_pub(PUBLISHED['quantulum3'].get(metric))}"
        )
    print(
        "* published F1 on the full 590-sentence set with the paper's looser matching;"
        " quantulum3 produces no change/concept, so its lines there only credit '='/'-' gold.\n"
        "  value+unit_head is informative only: it also accepts 'pensioner' for gold"
        " 'eligible pensioner'."
    )


def _describe_pred(p: Row, aliases: UnitAliases) -> str:
    value, low, high = _num(p.get("value")), _num(p.get("low")), _num(p.get("high"))
    num = "None" if value is None else f"{value:g}"
    if low is not None and high is not None and (value is None or low != high):
        num = f"{num} ({low:g}-{high:g})"
    unit = aliases.to_newsquant(p.get("unit"), p.get("per"), p.get("dimension")) or "-"
    surface = f" «{p['surface']}»" if p.get("surface") else ""
    return f"{num} [{unit}] {change_symbol(p)} concept={p.get('concept')!r}{surface}"


def _describe_gold(g: Mapping[str, Any]) -> str:
    return f"{g['value']} [{g['normalized_unit']}] {g['change']} concept={g['referred_concepts']!r}"


def show_errors(
    records: Sequence[Mapping[str, Any]],
    run: SystemRun,
    pairs: Sequence[Sequence[Pair]],
    aliases: UnitAliases,
    limit: int,
) -> None:
    """Print misses, false positives and unit errors, grouped by sentence."""
    print(
        f"\nErrors of {run.name} (up to {limit}): MISS gold not found, FP extra"
        " prediction, UNIT matched value with wrong unit"
    )
    shown = 0
    for k, (record, preds, sp) in enumerate(zip(records, run.predictions, pairs, strict=True)):
        if shown >= limit:
            break
        gold = record["quantities"]
        matched_g = {p.gold: p for p in sp}
        matched_p = {p.pred for p in sp}
        lines: list[str] = []
        for i, g in enumerate(gold):
            if i not in matched_g:
                lines.append(f"  MISS  {_describe_gold(g)}")
            elif not matched_g[i].unit:
                pr = preds[matched_g[i].pred]
                lines.append(f"  UNIT  {_describe_gold(g)}  <- {_describe_pred(pr, aliases)}")
        for j, pr in enumerate(preds):
            if j not in matched_p:
                lines.append(f"  FP    {_describe_pred(pr, aliases)}")
        if not lines:
            continue
        lines = lines[: limit - shown]
        shown += len(lines)
        print(f"[{k}] {record['text']}")
        print("\n".join(lines))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NewsQuant JSON file")
    ap.add_argument("--units", type=Path, default=DEFAULT_UNITS, help="unit alias table (JSON)")
    ap.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the numbers here")
    ap.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="print up to N errors of our system (quantulum3 if ours is unavailable)",
    )
    ap.add_argument(
        "--limit",
        "--smallest",
        dest="limit",
        type=int,
        default=None,
        metavar="N",
        help="score the first N sentences only",
    )
    args = ap.parse_args(argv)

    with open(args.data, encoding="utf-8") as f:
        records: list[dict[str, Any]] = json.load(f)
    if args.limit is not None:
        records = records[: max(args.limit, 0)]
    aliases = UnitAliases.load(args.units)
    sentences = [r["text"] for r in records]
    n_gold = sum(len(r["quantities"]) for r in records)

    baselines = importlib.import_module("_baselines")
    runs: list[SystemRun] = []
    ours_fn, why_not = load_ours()
    if ours_fn is None:
        print(f"NOTE: our extractor is not available ({why_not}); scoring quantulum3 alone.\n")
    else:
        fn = ours_fn
        runs.append(run_system("ours", lambda i, s: fn(s, doc_id=f"newsquant-{i}"), sentences))
    runs.append(run_system("quantulum3", lambda i, s: baselines.quantulum_claims(s), sentences))

    halves = importlib.import_module("_halves")
    by_half = {
        h: [i for i, s in enumerate(sentences) if halves.half_of(s) == h] for h in halves.HALVES
    }
    half_results: dict[str, dict[str, dict[str, Any]]] = {}
    for half, idx in by_half.items():
        half_results[half] = {
            run.name: score([records[i] for i in idx], [run.predictions[i] for i in idx], aliases)
            for run in runs
        }
    results: dict[str, dict[str, Any]] = {}
    pairs_by_system: dict[str, list[list[Pair]]] = {}
    for run in runs:
        res = score(records, run.predictions, aliases, keep_pairs=True)
        pairs_by_system[run.name] = res.pop("pairs")
        res["seconds"] = round(run.seconds, 3)
        res["failures"] = len(run.failures)
        results[run.name] = res
        if run.failures:
            print(
                f"WARNING: {run.name} raised on {len(run.failures)} sentences; first: "
                f"[{run.failures[0][0]}] {run.failures[0][1]}"
            )

    for half, idx in by_half.items():
        n_half = sum(len(records[i]["quantities"]) for i in idx)
        print(f"== {half} half (fixed hash of the sentence, benchmarks/_halves.py)")
        print_table(len(idx), n_half, half_results[half])
        print()
    print("== both halves")
    print_table(len(records), n_gold, results)
    for run in runs:
        print(f"  {run.name}: {run.seconds:.2f} s for {len(sentences)} sentences")

    if args.show_errors > 0:
        target = runs[0]
        show_errors(records, target, pairs_by_system[target.name], aliases, args.show_errors)

    if args.json is not None:
        payload = {
            "data": str(args.data),
            "n_sentences": len(records),
            "n_gold": n_gold,
            "matching": "strict one-to-one, max-weight bipartite (value required, unit preferred)",
            "ours_available": ours_fn is not None,
            "ours_note": why_not,
            "systems": results,
            "halves": half_results,
            "published_f1": PUBLISHED,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
