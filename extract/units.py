"""Physical units: a lookup table built once from quantulum3's unit database.

quantulum3 knows several hundred units with their names, plural surfaces and symbols.
We keep the physical ones (money and plain counts are handled by the extractor itself),
drop the surfaces that are ordinary English words far more often than units, rename the
common units to short canonical symbols (``data/units.yaml``) and file each under one of
our dimensions.
"""

from __future__ import annotations

import functools
import json
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["UnitInfo", "UnitTable", "build_unit_table", "table_as_json", "unit_table"]

_DATA = Path(__file__).parent / "data" / "units.yaml"


@dataclass(frozen=True, slots=True)
class UnitInfo:
    """A unit as the claims table names it."""

    symbol: str
    dimension: str


@dataclass(frozen=True, slots=True)
class UnitTable:
    """Surfaces to units.

    ``words`` maps lower-case surfaces (possibly several words) to units; ``symbols`` maps
    case-sensitive symbols; ``attached`` maps the symbols allowed right after digits, where
    even a symbol too ambiguous to read on its own is a unit ("45g", "3min", "10W").
    """

    words: dict[str, UnitInfo]
    symbols: dict[str, UnitInfo]
    attached: dict[str, UnitInfo]
    max_words: int
    #: English currency names (lower case, singular and plural) -> ISO 4217 code
    currencies: dict[str, str] = field(default_factory=dict)
    #: currency signs that name one currency in every CLDR locale ("₾" -> GEL, "₹" -> INR)
    currency_signs: dict[str, str] = field(default_factory=dict)
    #: a length's symbol -> the speed it makes per hour ("70 miles an hour" -> mph)
    per_hour: dict[str, str] = field(default_factory=dict)
    #: symbols read only on one side of a slash inside one word ("A" of "1.2 A/cm2")
    slashed: dict[str, UnitInfo] = field(default_factory=dict)
    #: the codes of the currencies named in ``currencies``
    currency_codes: frozenset[str] = frozenset()
    #: the first words of the keys of ``words`` and of ``currencies`` (a phrase of words
    #: whose first is in neither is no key: the lookups of longer phrases are skipped)
    first_words: frozenset[str] = frozenset()
    currency_first_words: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "currency_codes", frozenset(self.currencies.values()))
        object.__setattr__(self, "first_words", _first_words(self.words))
        object.__setattr__(self, "currency_first_words", _first_words(self.currencies))


def _first_words(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(phrase.split(" ", 1)[0] for phrase in phrases)


def _load_quantulum_units() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load

        return load.units("en_US")


_BUILT = Path(__file__).parent / "data" / "unit_table.json"


@functools.cache
def unit_table() -> UnitTable:
    """The unit lookup table (read once per process from ``data/unit_table.json``).

    That file is built from quantulum3's database by :func:`build_unit_table`
    (``python -m extract.units``); a test checks it is up to date, so importing
    quantulum3 (slow) is not needed at run time.
    """
    if _BUILT.is_file():
        raw = json.loads(_BUILT.read_text(encoding="utf-8"))
        return UnitTable(
            words={k: UnitInfo(*v) for k, v in raw["words"].items()},
            symbols={k: UnitInfo(*v) for k, v in raw["symbols"].items()},
            attached={k: UnitInfo(*v) for k, v in raw["attached"].items()},
            max_words=int(raw["max_words"]),
            currencies=dict(raw.get("currencies", {})),
            per_hour=dict(raw.get("per_hour", {})),
            currency_signs=dict(raw.get("currency_signs", {})),
            slashed={k: UnitInfo(*v) for k, v in raw.get("slashed", {}).items()},
        )
    return build_unit_table()


def table_as_json(table: UnitTable) -> str:
    """The table as stable JSON text (sorted keys)."""
    data = {
        "words": {k: [v.symbol, v.dimension] for k, v in sorted(table.words.items())},
        "symbols": {k: [v.symbol, v.dimension] for k, v in sorted(table.symbols.items())},
        "attached": {k: [v.symbol, v.dimension] for k, v in sorted(table.attached.items())},
        "max_words": table.max_words,
        "currencies": dict(sorted(table.currencies.items())),
        "per_hour": dict(sorted(table.per_hour.items())),
        "currency_signs": dict(sorted(table.currency_signs.items())),
        "slashed": {k: [v.symbol, v.dimension] for k, v in sorted(table.slashed.items())},
    }
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def build_unit_table() -> UnitTable:
    """Build the unit lookup table from quantulum3's database and ``data/units.yaml``."""
    config = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    entity_dims: dict[str, str] = config["entity_dimensions"]
    dropped = set(config["dropped_entities"])
    canonical: dict[str, str] = config["canonical"]
    ignored = set(config["ignored_surfaces"])
    qunits = _load_quantulum_units()

    by_name: dict[str, UnitInfo] = {}
    words: dict[str, UnitInfo] = {}
    symbols: dict[str, UnitInfo] = {}
    for name, unit in qunits.names.items():
        entity = unit.entity.name
        if entity in dropped:
            continue
        info = UnitInfo(canonical.get(name, name), entity_dims.get(entity, "other"))
        by_name[name] = info
        for surface in unit.surfaces:
            for form in (surface, surface + "s", surface + "es"):
                key = form.lower()
                if key not in ignored and form not in ignored:
                    words.setdefault(key, info)
        for symbol in unit.symbols:
            if symbol not in ignored:
                symbols.setdefault(symbol, info)
    # quantulum3's own plural table catches irregular plurals ("feet", "inches").
    for surface, units in qunits.surfaces.items():
        key = surface.lower()
        if key in ignored:
            continue
        for unit in units:
            if unit.name in by_name:
                words.setdefault(key, by_name[unit.name])
                break
    for surface, (symbol, dimension) in config["own_units"].items():
        info = UnitInfo(symbol, dimension)
        words[surface.lower()] = info
        by_name[surface] = info
        if surface != surface.lower():  # a case-sensitive surface is a symbol ("Mt")
            symbols[surface] = info
    for surface, name in config["extra_surfaces"].items():
        if name in by_name:
            words[surface.lower()] = by_name[name]
            symbols.setdefault(surface, by_name[name])
    for info in list(by_name.values()):
        symbols.setdefault(info.symbol, info)
    for surface in ignored:
        symbols.pop(surface, None)
    attached: dict[str, UnitInfo] = {}
    for s in config["attached_symbols"]:
        found = symbols.get(s) or words.get(s.lower())
        if found is None:  # an ignored symbol: quantulum3's first unit for it that we keep
            found = next(
                (
                    by_name[u.name]
                    for u in sorted(qunits.symbols.get(s, ()), key=lambda u: u.name)
                    if u.name in by_name
                ),
                None,
            )
        if found is not None:
            attached[s] = found
    for s, name in config["attached_only"].items():
        attached[s] = by_name[name]
    max_words = max(len(k.split()) for k in words)
    return UnitTable(
        words=words,
        symbols=symbols,
        attached=attached,
        max_words=max_words,
        currencies=currency_names(),
        per_hour={str(k): str(v) for k, v in config["per_hour"].items()},
        currency_signs=currency_signs(),
        slashed={k: UnitInfo(*v) for k, v in config["slashed_only"].items()},
    )


def currency_signs() -> dict[str, str]:
    """One-character currency signs (Unicode category Sc) that every CLDR locale using them
    gives to the same currency ("₾" GEL, "₭" LAK); shared signs ("$", "£", "¥") are left
    to the lexicon."""
    import unicodedata

    from babel import Locale, localedata

    codes: dict[str, set[str]] = {}
    for name in localedata.locale_identifiers():
        try:
            symbols = Locale.parse(name).currency_symbols
        except (ValueError, LookupError):
            continue
        for code, sign in symbols.items():
            if len(sign) == 1 and unicodedata.category(sign) == "Sc" and not code.startswith("X"):
                codes.setdefault(sign, set()).add(code)
    return {sign: next(iter(c)) for sign, c in sorted(codes.items()) if len(c) == 1}


def currency_names() -> dict[str, str]:
    """English names of the world's currencies, present and past, from the Unicode CLDR
    (through babel): "finnish markka", "dutch guilders", "georgian lari" -> ISO code.

    Full names only, plus a name's last word where that word belongs to one currency alone
    and is long enough not to be an everyday word ("markka", "forint"). Codes starting
    with X (gold, silver, drawing rights, test codes) are left out: their names are
    ordinary words. Bare words shared by several currencies ("dollar", "franc", "peseta")
    are the lexicon's to resolve (``currency_words``).
    """
    from babel.numbers import get_currency_name, list_currencies

    names: dict[str, str] = {}
    last: dict[str, set[str]] = {}
    for code in sorted(list_currencies()):
        if code.startswith("X"):
            continue
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if "(" in name or name == code.lower() or any(ch.isdigit() for ch in name):
                continue
            if " " in name:
                names.setdefault(name, code)
            last.setdefault(name.split()[-1], set()).add(code)
    for word, codes in last.items():
        if len(codes) == 1 and len(word) >= 6 and word.isalpha():
            names.setdefault(word, next(iter(codes)))
    return names


if __name__ == "__main__":
    _BUILT.write_text(table_as_json(build_unit_table()), encoding="utf-8")
    print(f"wrote {_BUILT}")
