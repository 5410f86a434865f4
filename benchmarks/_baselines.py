"""Baseline extractors wrapped to emit rows with the claims-table columns.

Only the columns the benchmarks score are filled (value, low, high, bound,
unit, dimension, per, change, concept); everything else the baseline cannot
know is left out. Import this file by path (``benchmarks/`` is not a package).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

__all__ = ["QUANTULUM_UNITS", "load_quantulum_parse", "quantulum_claims"]

#: quantulum3 unit name -> our unit convention. ``None`` means "no unit".
#: Names not listed pass through unchanged (quantulum3 already uses the CQE
#: spelling for most units: "kilometre", "mile per hour", ...). The few
#: renames below mirror the normalisation the CQE authors applied to
#: quantulum3's output in their own evaluation.
QUANTULUM_UNITS: dict[str, str | None] = {
    "dimensionless": None,
    "unk": None,
    "dollar": "USD",
    "united states dollar": "USD",
    "dollar dollar": "USD",
    "percentage": "percent",
    "per cent": "percent",
    "percentage drop": "percent",
    "degree celsius": "°C",
    "degree fahrenheit": "°F",
    "degree angle": "degree",
    "second of arc": "s",
    "minute of arc": "min",
    "yard yard": "yd",
    "cubic centimetre": "ml",
    "penny": "GBp",
}

#: quantulum3 entity name -> our dimension (only the ones that matter to scoring).
_QUANTULUM_DIMENSIONS: dict[str, str] = {
    "currency": "currency",
    "length": "length",
    "mass": "mass",
    "area": "area",
    "volume": "volume",
    "time": "duration",
    "speed": "speed",
    "energy": "energy",
    "power": "power",
    "temperature": "temperature",
}

_PARSE: Callable[[str], list[Any]] | None = None


def load_quantulum_parse() -> Callable[[str], list[Any]]:
    """Return ``quantulum3.parser.parse``, importing it with its warning silenced.

    quantulum3 warns at import time that its optional unit classifier is not
    installed; that is expected here (the CQE paper ran it the same way).
    """
    global _PARSE
    if _PARSE is None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser

        _PARSE = parser.parse
    return _PARSE


def _our_unit(unit: Any) -> str | None:
    name = str(getattr(unit, "name", "") or "").strip()
    key = name.lower()
    if key in QUANTULUM_UNITS:
        return QUANTULUM_UNITS[key]
    entity = getattr(getattr(unit, "entity", None), "name", None)
    code = getattr(unit, "currency_code", None)
    if entity == "currency" and code:
        return str(code)
    return name or None


def quantulum_claims(text: str) -> list[dict[str, Any]]:
    """Run quantulum3 on ``text`` and return one claims-like row per quantity.

    ``low``/``high`` come from quantulum3's ``uncertainty`` (it stores a range
    "5 to 7" as 6 ± 1), so ranges are scored as ranges; ``bound`` is "exact"
    (quantulum3 has no notion of approximate or open bounds) or "range" when an
    uncertainty was given; ``change``, ``per`` and ``concept`` are always null.
    """
    parse = load_quantulum_parse()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantities = parse(text)
    rows: list[dict[str, Any]] = []
    for q in quantities:
        value = float(q.value)
        unc = getattr(q, "uncertainty", None)
        low = high = None
        bound = "exact"
        if unc:
            low, high = value - float(unc), value + float(unc)
            bound = "range"
        entity = getattr(getattr(q.unit, "entity", None), "name", None)
        rows.append(
            {
                "value": value,
                "low": low,
                "high": high,
                "bound": bound,
                "unit": _our_unit(q.unit),
                "dimension": _QUANTULUM_DIMENSIONS.get(str(entity)),
                "per": None,
                "change": None,
                "concept": None,
                "surface": getattr(q, "surface", None),
            }
        )
    return rows
