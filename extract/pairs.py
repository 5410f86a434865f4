"""Two figures side by side that state one thing between them.

"more than 100 and less than 300" bounds one quantity from both sides: one range.
"45 and 50 mg", "3 or 4 km": the unit written once, after the second figure, is the
first figure's too. "3 dollars 50 cents", "15 dollars and 50", "5 feet 2 inches": one
amount.
"""

from __future__ import annotations

import re

from .draft import Draft

__all__ = ["CLAUSE_END", "carry_pair_units", "join_bounds", "join_subunits"]

#: What stands between a lower and an upper bound of one quantity ("above 10 and below 20",
#: "at most 9, but at least 4").
_BOUNDS_GAP = re.compile(r",?\s+(?:and|but)\s+|\s*,\s*", re.IGNORECASE)
#: What stands between two figures sharing the unit written after the second.
_PAIR_GAP = re.compile(r",?\s+(?:and|or)\s+", re.IGNORECASE)
#: Between figures of a list whose last pair shares a unit ("20, 30 or 40 per cent"); a
#: comma alone ("20,000, around 10%") joins nothing.
_PAIR_GAP_OR_LIST = re.compile(r",?\s+(?:and|or)\s+|\s*,\s*", re.IGNORECASE)
#: Dimensions whose unit a bare first figure takes from the second (counted nouns and
#: ages are left alone: "two and 50 rooms" is rare and ambiguous).
_CARRIED = frozenset(
    "currency ratio length mass area volume duration speed energy power temperature".split()
)


def join_bounds(text: str, claims: list[Draft]) -> list[Draft]:
    """The claims with each lower bound and upper bound of one quantity joined in a range.

    Examples: "greater than 40 and smaller than 90" -> 40 to 90; "at most 100 and at
    least 20" -> 20 to 100. The two must be in one sentence, next to each other, with
    the same unit (or one of them none), and the lower below the upper.
    """
    out: list[Draft] = []
    for claim in claims:
        prev = out[-1] if out else None
        if prev is not None and _bounds_of_one(text, prev, claim):
            lower, upper = (prev, claim) if prev.bound == "lower" else (claim, prev)
            prev.low, prev.high = lower.value, upper.value
            prev.value, prev.bound = (lower.value + upper.value) / 2, "range"
            prev.unit = prev.unit or claim.unit
            if claim.unit is not None and prev.dimension == "count":
                prev.dimension = claim.dimension
            prev.qualifier = text[prev.start : claim.end]
            _absorb(prev, claim)
            continue
        out.append(claim)
    return out


def _absorb(into: Draft, other: Draft) -> None:
    """``into`` now reaches over ``other``, which is no row of its own."""
    into.end = max(into.end, other.end)
    into.consumed = max(into.consumed, other.consumed)


def _bounds_of_one(text: str, a: Draft, b: Draft) -> bool:
    if a.sentence is not b.sentence or {a.bound, b.bound} != {"lower", "upper"}:
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False
    if a.change is not None or b.change is not None:
        return False
    lower, upper = (a, b) if a.bound == "lower" else (b, a)
    return lower.value < upper.value and bool(_BOUNDS_GAP.fullmatch(text, a.end, b.start))


def carry_pair_units(text: str, claims: list[Draft]) -> None:
    """A bare figure takes the unit written after the figure it is paired with ("45 and
    50 mg", "3, 4 and 5 km"), read from the last pair back to the first."""
    carried_from = -1  # the figure that last gave its unit to the one before it
    for i in range(len(claims) - 2, -1, -1):
        a, b = claims[i], claims[i + 1]
        gap = _PAIR_GAP if carried_from != i + 1 else _PAIR_GAP_OR_LIST
        if (
            a.sentence is b.sentence
            and a.unit is None
            and a.dimension == "count"
            and b.unit is not None
            and b.dimension in _CARRIED
            and gap.fullmatch(text, a.end, b.start)
        ):
            a.unit, a.dimension = b.unit, b.dimension
            carried_from = i


#: Between the whole units of an amount and its hundredths ("3 dollars 50 cents").
_SUBUNIT_GAP = re.compile(r",?\s+(?:and\s+)?", re.IGNORECASE)
_HUNDREDTHS = frozenset({"cent", "penny"})
#: Measures said in two units, the larger first: (larger, smaller) -> smaller ones in a larger.
_TWO_UNIT_MEASURES = {("ft", "in"): 12, ("lb", "oz"): 16}
#: The end of a clause right after a figure (a mark, or the end of the text).
CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")


def join_subunits(text: str, claims: list[Draft]) -> list[Draft]:
    """The claims with an amount and the hundredths said after it joined: "3 dollars 50
    cents" -> 3.50, "15 dollars and 50." -> 15.50 (a bare second figure only at the end
    of a clause, below 100)."""
    out: list[Draft] = []
    for claim in claims:
        prev = out[-1] if out else None
        parts = _TWO_UNIT_MEASURES.get((prev.unit or "", claim.unit or "")) if prev else None
        if prev is not None and parts and _second_unit_of(text, prev, claim, parts):
            prev.value = prev.low = prev.high = prev.value + claim.value / parts  # "5 ft 2 in"
            _absorb(prev, claim)
            continue
        inches = _spaced_inches(text, prev, claim) if prev is not None else None
        if prev is not None and inches is not None:
            prev.value = prev.low = prev.high = prev.value + claim.value / 12  # "5 ft 2 in"
            _absorb(prev, claim)
            prev.end = prev.consumed = inches
            continue
        if prev is not None and _hundredths_of(text, prev, claim):
            prev.value = prev.low = prev.high = prev.value + claim.value / 100
            _absorb(prev, claim)
            continue
        out.append(claim)
    return out


def _hundredths_of(text: str, whole: Draft, part: Draft) -> bool:
    if whole.sentence is not part.sentence or whole.dimension != "currency":
        return False
    if not whole.unit or len(whole.unit) != 3 or not whole.unit.isupper() or whole.per:
        return False
    if not float(whole.value).is_integer() or not float(part.value).is_integer():
        return False
    if not 0 < part.value < 100 or part.bound != "exact" or part.change is not None:
        return False
    if part.unit is None and part.dimension == "count":
        if not CLAUSE_END.match(text, part.end):
            return False
    elif part.unit not in _HUNDREDTHS:
        return False
    return bool(_SUBUNIT_GAP.fullmatch(text, whole.end, part.start))


#: "in" after the second figure of a height in feet ("5 ft 2 in"): set apart from its
#: figure the word is read as a preposition, but after feet it is the inches.
_IN_AFTER = re.compile(r"[ \t]+in\b\.?(?![ \t]*[A-Za-z\d])")


def _spaced_inches(text: str, feet: Draft, part: Draft) -> int | None:
    """Where "in" ends when ``part`` is a bare whole figure below 12 right after a measure
    in feet and an "in" closes the clause after it ("he is 5 ft 2 in.", "6 feet 1 in,"):
    the inches of one length; None otherwise ("6 ft 2 in the sand" is no height)."""
    if feet.unit != "ft" or part.unit is not None or part.dimension != "count":
        return None
    if not _second_unit_of(text, feet, part, 12) or not float(part.value).is_integer():
        return None
    m = _IN_AFTER.match(text, part.end)
    return m.end() if m is not None else None


def _second_unit_of(text: str, whole: Draft, part: Draft, parts: int) -> bool:
    """ "6 ft 2 in", "5 feet and 2 inches", "7 lb 3 oz": a measure said in two units."""
    return (
        whole.sentence is part.sentence
        and whole.bound == part.bound == "exact"
        and float(whole.value).is_integer()
        and 0 <= part.value < parts
        and bool(_SUBUNIT_GAP.fullmatch(text, whole.end, part.start))
    )
