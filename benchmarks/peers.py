"""Score quantity extraction on other projects' own test suites, with quantulum3 alongside.

Usage (from the repository root)::

    python benchmarks/peers.py [--dir PATH] [--smallest N] [--show-errors FILE] [--json OUT]

The suites in ``../shared/benchmarks/peers/`` (quantulum3's English tests and Microsoft
Recognizers-Text's English specs, see that folder's README) were written by those projects,
not by us, so they show how the extractor reads text it was not tuned to. Every file is
scored for ours (``extract.extract_claims``) and quantulum3 (``benchmarks/_baselines.py``)
in the same run, each case split into a fit half and a check half by a fixed hash of its
input sentence (``benchmarks/_halves.py``); both halves are printed.

Metrics, per file (a file is one kind of quantity):

* Per sentence, expected and predicted quantities are paired one to one, pairs whose unit
  also agrees first. A value matches when it is within ``RTOL`` of the prediction's
  ``value``, ``low`` or ``high`` (a range's endpoint counts).
* value R/P: matched / expected, matched / predicted. Predictions paired with an excluded
  expectation (see ``EXCLUSIONS``) are left out of both counts.
* value+unit R/P: as above, the unit agreeing too (units are compared through
  :func:`unit_keys`, which knows our symbols, quantulum3's names, ISO currency names
  and Recognizers' generic names such as "Dollar" or "Degree").
* interval (NumberRange only): the share of expected intervals that a prediction gives
  with both ends right (an open side is infinite). Whether an end is closed is not
  compared: Recognizers writes "between 20 and 30" as ``[20,30)`` by its own convention,
  and the claims table records which sides are bounded, not their closedness.

What a news reader leaves out by design is listed once, in ``EXCLUSIONS``, with the reason;
those expectations are counted apart and printed, never scored.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import math
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
if str(HERE) not in sys.path:  # the sibling helpers _baselines and _halves
    sys.path.insert(0, str(HERE))
DEFAULT_DIR = REPO_ROOT.parent / "shared" / "benchmarks" / "peers"

#: The files scored, in the order printed: (label, path under the peers folder).
FILES: tuple[tuple[str, str], ...] = (
    ("q3 quantities", "quantulum3/quantities.json"),
    ("q3 ambiguity", "quantulum3/quantities.ambiguity.json"),
    ("currency", "recognizers/CurrencyModel.json"),
    ("dimension", "recognizers/DimensionModel.json"),
    ("age", "recognizers/AgeModel.json"),
    ("temperature", "recognizers/TemperatureModel.json"),
    ("percent", "recognizers/PercentModel.json"),
    ("number range", "recognizers/NumberRangeModel.json"),
    ("number", "recognizers/NumberModel.json"),
)
#: Files whose expectations carry no unit (value+unit is not scored there).
UNITLESS = frozenset({"number range", "number"})

RTOL = 1e-6

Row = Mapping[str, Any]


@dataclass(frozen=True)
class Expected:
    """One quantity a suite expects: value (or interval), unit name as the suite writes it."""

    value: float | None
    unit: str | None
    surface: str
    subtype: str | None = None
    interval: tuple[float, float] | None = None


@dataclass(frozen=True)
class Case:
    """One input sentence of a suite and what it expects."""

    file: str
    text: str
    expected: tuple[Expected, ...]
    not_supported: str = ""


# --------------------------------------------------------------------------- exclusions

_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth twentieth thirtieth hundredth thousandth millionth"
    " billionth trillionth".split()
)
_ORDINAL_DIGITS = re.compile(r"\d+\s*(?:st|nd|rd|th)\b", re.IGNORECASE)
_DOTTED_RUN = re.compile(r"\d+(?:\.\d+){2,}")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def _unitless(item: Expected) -> bool:
    return item.unit in (None, "dimensionless")


def _standing_at(surface: str, text: str) -> int:
    """Where ``surface`` first stands as a whole word in ``text`` (-1 if nowhere)."""
    m = re.search(rf"(?<![\w.]){re.escape(surface)}(?![\w.])", text)
    return m.start() if m else -1


def _is_year(item: Expected, case: Case) -> bool:
    if not _unitless(item) or item.interval is not None or not _YEAR.fullmatch(item.surface):
        return False
    at = _standing_at(item.surface, case.text)
    return at < 0 or not case.text[max(0, at - 2) : at].strip(" ").endswith(("$", "£", "€"))


def _is_ordinal(item: Expected, case: Case) -> bool:
    if item.subtype == "ordinal" or _ORDINAL_DIGITS.fullmatch(item.surface.strip()):
        return True
    words = re.split(r"[\s-]+", item.surface.lower().strip())
    if len(words) > 1 and words[-2] in _NUMBER_WORDS and 0 < (item.value or 0) < 1:
        return False  # "one sixth" is a share, no rank
    return _unitless(item) and words[-1] in _ORDINAL_WORDS  # "between the tenth and the 15th"


def _in_dotted_run(item: Expected, case: Case) -> bool:
    return any(
        item.surface in m.group() and m.group() != item.surface
        for m in _DOTTED_RUN.finditer(case.text)
    )


_NUMBER_WORDS = frozenset(
    "a an and zero one two three four five six seven eight nine ten eleven twelve thirteen"
    " fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty"
    " seventy eighty ninety hundred thousand million billion trillion &".split()
)
_SCALES = frozenset({"thousand", "million", "billion", "trillion"})
_SPELLED_NUMBER = re.compile(r"[a-z&]+(?:[\s,-]+[a-z&]+)*")


def _words_alone(item: Expected, case: Case) -> bool:
    if not _unitless(item) or case.file in ("number range",):
        return False
    if not _SPELLED_NUMBER.fullmatch(item.surface.lower().strip()):
        return False
    words = re.split(r"[\s,-]+", item.surface.lower().strip())
    if not all(w in _NUMBER_WORDS for w in words) or not _SCALES.isdisjoint(words):
        return False  # a whole number with a scale ("nine million") is read alone
    after = case.text.lower().split(item.surface.lower(), 1)[-1]
    noun = re.match(r"\s+([a-z]+)", after)
    return noun is None or noun.group(1) in ("in", "of", "is", "was", "and", "or", "to")


_DURATION_HYPHEN = re.compile(r"-(?:year|month|week|day|hour|minute)s?$", re.IGNORECASE)


def _term_of_a_thing(item: Expected, case: Case) -> bool:
    if not _DURATION_HYPHEN.search(item.surface):
        return False
    after = case.text.split(item.surface, 1)[-1]
    return bool(re.match(r"\s+[a-z]", after))


def _in_a_name(item: Expected, case: Case) -> bool:
    surface = item.surface.strip()
    at = _standing_at(surface, case.text)
    if not _unitless(item) or not surface.isdigit() or at < 0:
        return False
    before = re.findall(r"[\w&]+", case.text[:at])[-1:]
    after = re.findall(r"[\w&]+", case.text[at + len(surface) :])[:1]
    first = not re.search(r"\w", case.text[: at - len(before[0])]) if before else True
    named_before = bool(before) and before[0][:1].isupper() and not first
    return named_before or (bool(after) and after[0][:1].isupper())


_CHANGE_VERBS = frozenset(
    "rose risen fell fallen grew grown increased decreased reduced raised cut dropped"
    " climbed jumped slipped declined soared plunged went".split()
)


def _midpoint_of_a_change(item: Expected, case: Case) -> bool:
    if item.interval is not None or not re.search(r"\sto\s", item.surface):
        return False
    at = case.text.find(item.surface)
    before = re.findall(r"[\w$]+", case.text[:at].lower())[-6:] if at >= 0 else []
    if "from" not in before:
        return False
    i = len(before) - 1 - before[::-1].index("from")
    return any(w in _CHANGE_VERBS for w in before[max(0, i - 3) : i])


def _unit_alone(item: Expected, case: Case) -> bool:
    return item.value is None and item.interval is None


@dataclass(frozen=True)
class Exclusion:
    """A kind of expectation a news reader leaves out by design, and why."""

    name: str
    reason: str
    applies: Callable[[Expected, Case], bool] = field(compare=False)


#: The one place where what we leave out is listed. Each entry names a kind of expected
#: quantity, the reason it is no claim in news text, and the test that recognises it.
EXCLUSIONS: tuple[Exclusion, ...] = (
    Exclusion(
        "year",
        "a four-digit year without a unit is a date; the claims table gives dates no row",
        _is_year,
    ),
    Exclusion(
        "ordinal",
        "an ordinal ('the 3rd', 'twentieth', 'the tenth') ranks or dates; it counts nothing",
        _is_ordinal,
    ),
    Exclusion(
        "dotted run",
        "a number inside a run of dotted groups ('10.0.0.1', '2.4.1') is part of an address"
        " or version, not a quantity",
        _in_dotted_run,
    ),
    Exclusion(
        "term of a thing",
        "a duration hyphenated to the noun it qualifies ('a two-year contract') names the"
        " kind of thing; the claims table gives it no row (see the README)",
        _term_of_a_thing,
    ),
    Exclusion(
        "name",
        "digits inside a name, a capitalised word beside them ('English 101', 'South 32"
        " Ltd', 'Core i7 860 Processor'): a label, not a count (product names give no row)",
        _in_a_name,
    ),
    Exclusion(
        "words alone",
        "a number in words with nothing counted or measured after it ('there are two in"
        " the car', 'one of them') stands for a noun said elsewhere; the extractor reads a"
        " number in words only with its unit or counted noun (digits are always read), or"
        " when it is a whole number with a scale of a thousand or more ('nine million')",
        _words_alone,
    ),
    Exclusion(
        "midpoint of a change",
        "a change ('rose from 12 kg to 20 kg') is two figures, where it started and where it"
        " ended, and the claims table gives both; the midpoint a suite expects of it (16 kg)"
        " was never stated",
        _midpoint_of_a_change,
    ),
    Exclusion(
        "unit alone",
        "a unit named without a number ('convert it to fahrenheit') states no quantity",
        _unit_alone,
    ),
)


def exclusion_of(item: Expected, case: Case) -> str | None:
    """The name of the first exclusion that applies to ``item``, or None when it is scored."""
    return next((e.name for e in EXCLUSIONS if e.applies(item, case)), None)


# --------------------------------------------------------------------------- loading


def _parse_interval(text: str) -> tuple[float, float] | None:
    m = re.fullmatch(r"\s*[\[(]\s*([^,]*),\s*([^\])]*)[\])]\s*", text)
    if m is None:
        return None
    low = float(m.group(1)) if m.group(1).strip() else -math.inf
    high = float(m.group(2)) if m.group(2).strip() else math.inf
    return low, high


def _recognizers_item(result: Mapping[str, Any]) -> Expected:
    res = result.get("Resolution") or {}
    raw = str(res.get("value", "")).strip()
    surface = str(result.get("Text", ""))
    unit = res.get("unit")
    if raw.startswith(("[", "(")):
        interval = _parse_interval(raw)
        finite = [x for x in interval or () if math.isfinite(x)]
        return Expected(finite[0] if finite else None, None, surface, None, interval)
    if raw.endswith("%"):
        raw, unit = raw[:-1], "percent"
    try:
        value: float | None = float(raw.replace(",", ""))
    except ValueError:
        value = None
    return Expected(value, unit, surface, res.get("subtype"))


def load_file(path: Path, label: str) -> list[Case]:
    """The cases of one suite file, in the suite's order."""
    records = json.loads(path.read_text(encoding="utf-8"))
    cases = []
    for rec in records:
        if "req" in rec:  # quantulum3
            items = tuple(
                Expected(float(r["value"]), r.get("unit"), str(r.get("surface", "")))
                for r in rec["res"]
            )
            cases.append(Case(label, rec["req"], items))
        else:  # Recognizers-Text
            items = tuple(_recognizers_item(r) for r in rec.get("Results", []))
            cases.append(Case(label, rec["Input"], items, str(rec.get("NotSupported") or "")))
    return cases


# --------------------------------------------------------------------------- units

#: Recognizers' generic unit names and our words for them: each stands for every unit
#: listed ("Dollar" is any dollar, "Degree" a temperature of either scale or an angle).
GENERIC_UNITS: dict[str, frozenset[str]] = {
    "c": frozenset({"°C"}),
    "f": frozenset({"°F"}),
    "degree": frozenset({"°", "°C", "°F", "degree", "deg"}),
    "pound": frozenset({"GBP", "lb"}),
    "cent": frozenset({"cent", "USc"}),
    "pence": frozenset({"penny", "GBp"}),
    "penny": frozenset({"penny", "GBp"}),
    "sen": frozenset({"sen"}),
    "age": frozenset({"year"}),
    "metric ton": frozenset({"t", "tonne"}),
    "ton": frozenset({"t", "ton", "tonne", "short ton", "long ton"}),
    "percentage": frozenset({"percent"}),
    "bitcoin": frozenset({"BTC"}),
    "netherlands guilder": frozenset({"NLG"}),
}
_GENERIC_CURRENCY_WORDS = ("dollar", "franc", "rupee", "peso", "pound", "krone", "krona")


@functools.cache
def _lookups() -> dict[str, dict[str, str]]:
    """Surface -> unit key tables: ours, quantulum3's names, ISO currency names."""
    tables: dict[str, dict[str, str]] = {"ours": {}, "symbols": {}, "q3": {}, "iso": {}}
    try:
        sys.path.insert(0, str(REPO_ROOT))
        from extract.lexicon import lexicon
        from extract.units import unit_table

        table, lex = unit_table(), lexicon()
        tables["ours"].update({k: v.symbol for k, v in table.words.items()})
        tables["symbols"].update({k: v.symbol for k, v in table.symbols.items()})
        tables["ours"].update({" ".join(k): v for k, v in lex.measure_nouns.items()})
        tables["ours"].update({" ".join(k): v for k, v in lex.currency_words.items()})
        tables["ours"].update(lex.currency_subunits)
        tables["ours"].update(table.currencies)
    except ImportError:
        pass
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load

        for name, unit in load.units("en_US").names.items():
            code = getattr(unit, "currency_code", None)
            tables["q3"][name.lower()] = code or tables["ours"].get(name.lower(), name)
    try:
        import pycountry

        for cur in pycountry.currencies:
            tables["iso"][cur.name.lower()] = cur.alpha_3
    except ImportError:
        pass
    return tables


@functools.cache
def unit_keys(name: str | None) -> frozenset[str]:
    """Every key a unit name can be compared by; two units agree when their keys meet.

    Examples
    --------
    >>> "m" in unit_keys("Meter") and "m" in unit_keys("metre")
    True
    """
    if not name:
        return frozenset()
    low = name.lower().strip()
    tables = _lookups()
    keys = {name, low}
    keys |= GENERIC_UNITS.get(low, frozenset())
    for table in ("ours", "q3", "iso"):
        if low in tables[table]:
            keys.add(tables[table][low])
    if name in tables["symbols"]:
        keys.add(tables["symbols"][name])
    for word in _GENERIC_CURRENCY_WORDS:
        if low in (word, word + "s"):
            keys |= {code for iso_name, code in tables["iso"].items() if iso_name.endswith(word)}
    return frozenset(keys)


#: quantulum3's name for a quantity with no physical unit: a bare number, a count of things
#: ("50 cars", our counted noun) or a share ("two thirds", our "fraction").
DIMENSIONLESS = "dimensionless"


def units_agree(expected: str | None, pred: Row) -> bool:
    """Whether a predicted row's unit names the expected one (no unit agrees with no unit)."""
    predicted = pred.get("unit")
    if not expected:
        return not predicted
    if expected == DIMENSIONLESS:
        return not predicted or pred.get("dimension") == "count" or predicted == "fraction"
    if unit_keys(expected) & unit_keys(predicted):
        return True
    if expected.lower() in COUNTING_UNITS and pred.get("dimension") == "count":
        return True  # "a dozen eggs": 12 eggs
    # an amount per item ("USD/share", "µg/g") is scored by its amount's unit
    base = str(predicted or "").split("/")[0]
    return (
        " per " not in expected.lower()
        and bool(base)
        and bool(unit_keys(expected) & unit_keys(base))
    )


# --------------------------------------------------------------------------- matching


def _num(x: Any) -> float | None:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=RTOL, abs_tol=1e-9)


#: Units that are only a number of things: "a dozen eggs" is 1 dozen to quantulum3 and 12
#: eggs in the claims table, the same quantity.
COUNTING_UNITS: dict[str, int] = {"dozen": 12, "baker's dozen": 13, "gross": 144, "score": 20}


def _counted(item: Expected, pred: Row) -> bool:
    return str(item.unit or "").lower() in COUNTING_UNITS and pred.get("dimension") == "count"


def value_matches(item: Expected, pred: Row) -> bool:
    """The prediction's value, low or high is the expected value or an interval's end (a
    dozen of things is twelve of them)."""
    targets = [item.value] if item.interval is None else list(item.interval)
    if _counted(item, pred) and item.value is not None:
        targets = [item.value * COUNTING_UNITS[str(item.unit).lower()]]
    ends = [_num(pred.get(k)) for k in ("value", "low", "high")]
    return any(_close(t, e) for t in targets if t is not None and math.isfinite(t) for e in ends)


def interval_of(pred: Row) -> tuple[float, float] | None:
    """The interval a claims row states: an open side is infinite."""
    value, low, high = (_num(pred.get(k)) for k in ("value", "low", "high"))
    bound = pred.get("bound")
    if bound == "lower":
        start = low if low is not None else value
        return (start, math.inf) if start is not None else None
    if bound == "upper":
        stop = high if high is not None else value
        return (-math.inf, stop) if stop is not None else None
    if low is not None and high is not None:
        return low, high
    return (value, value) if value is not None else None


def interval_exact(item: Expected, pred: Row) -> bool:
    """Both ends of the expected interval are the prediction's (closedness not compared)."""
    got = interval_of(pred)
    if item.interval is None or got is None:
        return False
    return all(
        (math.isinf(a) and a == b) or _close(a, b) for a, b in zip(item.interval, got, strict=True)
    )


@dataclass
class Tally:
    """Counts for one system on one file and half."""

    expected: int = 0
    predicted: int = 0
    value: int = 0
    unit: int = 0
    intervals: int = 0
    interval_exact: int = 0
    excluded: dict[str, int] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        for name in ("expected", "predicted", "value", "unit", "intervals", "interval_exact"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for k, n in other.excluded.items():
            self.excluded[k] = self.excluded.get(k, 0) + n


def _pairs(items: Sequence[Expected], preds: Sequence[Row]) -> list[tuple[int, int]]:
    """One-to-one pairs of expected and predicted, those whose unit agrees first."""
    taken_i: set[int] = set()
    taken_j: set[int] = set()
    out: list[tuple[int, int]] = []
    for need_unit in (True, False):
        for i, item in enumerate(items):
            if i in taken_i:
                continue
            for j, pred in enumerate(preds):
                if j in taken_j or not value_matches(item, pred):
                    continue
                if need_unit and not units_agree(item.unit, pred):
                    continue
                out.append((i, j))
                taken_i.add(i)
                taken_j.add(j)
                break
    return out


def score_case(case: Case, preds: Sequence[Row]) -> Tally:
    """Score one sentence's predictions against what the suite expects of it."""
    tally = Tally()
    reasons = [exclusion_of(item, case) for item in case.expected]
    for reason in reasons:
        if reason:
            tally.excluded[reason] = tally.excluded.get(reason, 0) + 1
    pairs = _pairs(case.expected, preds)
    dropped = {j for i, j in pairs if reasons[i]}
    tally.expected = sum(1 for r in reasons if r is None)
    tally.predicted = len(preds) - len(dropped)
    for i, j in pairs:
        if reasons[i]:
            continue
        tally.value += 1
        tally.unit += units_agree(case.expected[i].unit, preds[j])
    for i, item in enumerate(case.expected):
        if reasons[i] is None and item.interval is not None:
            tally.intervals += 1
            tally.interval_exact += any(interval_exact(item, p) for p in preds)
    return tally


# --------------------------------------------------------------------------- running


def _ours() -> Callable[[str], list[dict[str, Any]]]:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from extract import extract_claims

    cols = ("value", "low", "high", "bound", "unit", "dimension", "surface", "per")

    def run(text: str) -> list[dict[str, Any]]:
        return extract_claims(text, doc_id="peer").select(cols).to_dicts()

    return run


def systems() -> dict[str, Callable[[str], list[dict[str, Any]]]]:
    """The systems scored: ours and quantulum3, each text -> claims-like rows."""
    baselines = importlib.import_module("_baselines")
    return {"ours": _ours(), "quantulum3": baselines.quantulum_claims}


def load_cases(folder: Path, *, smallest: int = 0) -> list[Case]:
    """Every case of every file (the first ``smallest`` of each file when given)."""
    cases: list[Case] = []
    for label, rel in FILES:
        path = folder / rel
        if not path.is_file():
            raise FileNotFoundError(f"peer suite file missing: {path}")
        found = load_file(path, label)
        cases.extend(found[:smallest] if smallest else found)
    return cases


def run(
    cases: Sequence[Case], fns: Mapping[str, Callable[[str], list[dict[str, Any]]]]
) -> dict[str, dict[tuple[str, str], Tally]]:
    """Tallies by system, then by (file, half); the predictions of each case are scored once."""
    halves = importlib.import_module("_halves")
    out: dict[str, dict[tuple[str, str], Tally]] = {}
    for name, fn in fns.items():
        by_key: dict[tuple[str, str], Tally] = {}
        for case in cases:
            try:
                preds = fn(case.text)
            except Exception as exc:  # a system that raises predicts nothing for the case
                print(f"WARNING: {name} raised on {case.text[:40]!r}: {type(exc).__name__}")
                preds = []
            tally = score_case(case, preds)
            by_key.setdefault((case.file, halves.half_of(case.text)), Tally()).add(tally)
        out[name] = by_key
    return out


def _pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:5.1f}" if d else f"{'-':>5}"


def summary(t: Tally, file: str) -> dict[str, float | None]:
    """Recall and precision in percent (None when undefined) for one tally."""

    def pct(n: int, d: int) -> float | None:
        return round(100.0 * n / d, 1) if d else None

    unitless = file in UNITLESS
    return {
        "expected": t.expected,
        "predicted": t.predicted,
        "value_R": pct(t.value, t.expected),
        "value_P": pct(t.value, t.predicted),
        "unit_R": None if unitless else pct(t.unit, t.expected),
        "unit_P": None if unitless else pct(t.unit, t.predicted),
        "interval_exact": pct(t.interval_exact, t.intervals),
    }


def print_table(results: Mapping[str, Mapping[tuple[str, str], Tally]]) -> None:
    """One line per file and half (and both halves), ours beside quantulum3."""
    names = list(results)
    head = f"{'file':<14} {'half':<5} {'exp':>4}"
    for name in names:
        head += f" | {name[:10]:<10} vR    vP    uR    uP   int"
    print(head)
    print("-" * len(head))
    for label, _ in FILES:
        for half in ("fit", "check", "all"):
            line = ""
            for name in names:
                tally = Tally()
                for (file, h), t in results[name].items():
                    if file == label and half in (h, "all"):
                        tally.add(t)
                if not line:
                    line = f"{label:<14} {half:<5} {tally.expected:>4}"
                unitless = label in UNITLESS
                line += (
                    f" | {'':<10} {_pct(tally.value, tally.expected)} "
                    f"{_pct(tally.value, tally.predicted)} "
                    f"{_pct(0 if unitless else tally.unit, 0 if unitless else tally.expected)} "
                    f"{_pct(0 if unitless else tally.unit, 0 if unitless else tally.predicted)} "
                    f"{_pct(tally.interval_exact, tally.intervals)}"
                )
            print(line)
    print(
        "vR/vP value recall/precision, uR/uP value+unit, int NumberRange intervals with both"
        " ends right; '-' not defined."
    )


def print_exclusions(results: Mapping[str, Mapping[tuple[str, str], Tally]]) -> None:
    """What was left out by design, with the reason and how many expectations it took."""
    counts: dict[str, int] = {}
    first = next(iter(results.values()), {})
    for t in first.values():
        for k, n in t.excluded.items():
            counts[k] = counts.get(k, 0) + n
    print("\nLeft out by design (not scored):")
    for e in EXCLUSIONS:
        print(f"  {e.name:<18} {counts.get(e.name, 0):>4}  {e.reason}")


def _half(text: str) -> str:
    return str(importlib.import_module("_halves").half_of(text))


def show_errors(cases: Iterable[Case], fn: Callable[[str], list[dict[str, Any]]]) -> None:
    """Print each case's expectations beside our rows where a value or unit is missed."""
    for case in cases:
        preds = fn(case.text)
        t = score_case(case, preds)
        if t.unit == t.expected and t.value == t.expected and t.predicted == t.value:
            continue
        print(f"- [{_half(case.text)}] {case.text[:140]}")
        for item in case.expected:
            tag = exclusion_of(item, case) or ""
            print(f"    want {item.value} {item.interval or ''} [{item.unit}] {tag}")
        for p in preds:
            print(
                f"    got  {p.get('value')} ({p.get('low')}, {p.get('high')}) [{p.get('unit')}]"
                f" {p.get('bound')} «{p.get('surface')}»"
            )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="the peers folder")
    ap.add_argument(
        "--smallest", type=int, default=0, metavar="N", help="only the first N cases of each file"
    )
    ap.add_argument("--show-errors", default="", metavar="FILE", help="our errors on one file")
    ap.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the figures")
    args = ap.parse_args(argv)

    cases = load_cases(args.dir, smallest=args.smallest)
    fns = systems()
    results = run(cases, fns)
    print(f"Peer suites: {len(cases)} cases from {len(FILES)} files, ours and quantulum3\n")
    print_table(results)
    print_exclusions(results)
    if args.show_errors:
        print(f"\nOur errors on {args.show_errors}:")
        show_errors((c for c in cases if c.file == args.show_errors), fns["ours"])
    if args.json is not None:
        payload = {
            name: {f"{f}/{h}": summary(t, f) for (f, h), t in sorted(by.items())}
            for name, by in results.items()
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
