"""Numbers, amounts, dates and gaps written in plain words for a reader.

>>> format_amount(50000), format_amount(1e8, "USD", per="month", qualifier="more than")
('50,000', 'more than $100 million a month')
>>> times_apart(50000, 20000)
'about 2.5 times apart'
"""

from __future__ import annotations

import datetime as dt
import math

__all__ = ["format_amount", "times_apart"]

_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "AUD": "A$", "CAD": "C$"}
_PLURAL_UNITS = {"day", "week", "month", "quarter", "year", "hour", "minute", "second"}
#: Hedges read from a verb or a sign ("toll topped 500", "> 500"), in the words a reader
#: expects before a figure ("more than 500").
_HEDGE_WORDS = {
    **dict.fromkeys(
        [
            *("exceed", "exceeds", "exceeded", "exceeding", "surpass", "surpasses", "surpassed"),
            *("surpassing", "top", "tops", "topped", "topping", "outstripped", ">"),
        ],
        "more than",
    ),
    **dict.fromkeys([">=", "≥", "> =", "=>"], "at least"),
    "<": "less than",
    **dict.fromkeys(["<=", "≤", "< =", "=<"], "at most"),
}
_UNCOUNTABLE = {
    "personnel",
    "staff",
    "spending",
    "equipment",
    "ammunition",
    "funding",
    "aid",
    "people",
}
# Nouns of a body of people counted in people: "a population of 24 million" is 24 million
# people, never "24 million populations".
_COUNTED_IN_PEOPLE = {"population", "workforce", "electorate"}
# Adjectives that stand for the people they describe ("the missing", "the injured") take no
# plural "-s": "9,550 missing", "250,000 affected".
_PEOPLE_ADJECTIVES = {
    "missing",
    "dead",
    "homeless",
    "wounded",
    "injured",
    "displaced",
    "affected",
    "evacuated",
    "unemployed",
    "disappeared",
    "detained",
}


def _number(value: float) -> str:
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size * 0.9995:
            return f"{float(f'{value / size:.3g}'):g} {word}"
    if magnitude >= 100:
        return f"{round(value):,}"
    return f"{float(f'{value:.3g}'):g}"


def _plural(word: str, value: float | None) -> str:
    """ "container" -> "containers"; uncountable nouns and adjectives standing for people stay,
    and so does a word lemminflect knows as no noun ("sheltered": the people sheltered); an
    irregular plural is lemminflect's ("child" -> "children").

    >>> _plural("container", 3), _plural("missing", 9550), _plural("city", None)
    ('containers', 'missing', 'cities')
    >>> _plural("child", 3000), _plural("sheltered", 7000), _plural("vaccine dose", 2)
    ('children', 'sheltered', 'vaccine doses')
    """
    import lemminflect

    last = word.split()[-1] if word.split() else word
    if (value is not None and abs(value) == 1) or last in _UNCOUNTABLE | _PEOPLE_ADJECTIVES:
        return word
    lemmas = lemminflect.getAllLemmas(last)
    if lemmas and "NOUN" not in lemmas:
        return word
    if word.endswith(("s", "x", "ch", "sh")):
        regular = word + "es" if not word.endswith("s") else word
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        regular = word[:-1] + "ies"
    else:
        regular = word + "s"
    known = lemminflect.getInflection(last, tag="NNS") if lemmas else ()
    if known and regular.split()[-1] not in known:
        return word[: len(word) - len(last)] + known[0]
    return regular


def _per_head(unit: str, value: float) -> str:
    """The words after a rate's number: its counted noun in the plural and the head count it
    is per (" deaths per million people"); a rate named as one ("birth rate") is said in its
    row's label and only its head count follows the number.

    >>> _per_head("death per million people", 345), _per_head("birth rate", 1.2)
    (' deaths per million people', '')
    >>> _per_head("death rate per million population", 120)
    ' per million population'
    """
    head, _, per = unit.partition(" per ")
    per = f" per {per}" if per else ""
    if head == "rate" or head.endswith(" rate"):
        return per
    return f" {_plural(head, value)}{per}"


def format_amount(
    value: float | None,
    unit: str | None = None,
    *,
    per: str | None = None,
    qualifier: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> str:
    """A value written for a reader, with its hedge, unit and rate.

    Examples
    --------
    >>> format_amount(20000, qualifier="nearly"), format_amount(8.2e7, "GBP")
    ('nearly 20,000', '£82 million')
    >>> format_amount(10, "percent", qualifier="around"), format_amount(182.625, "day")
    ('around 10%', '183 days')
    >>> format_amount(1000, "container", qualifier="more than"), format_amount(17, "km")
    ('more than 1,000 containers', '17 km')
    >>> format_amount(None), format_amount(15, low=10, high=20)
    ('an unstated amount', 'between 10 and 20')
    >>> format_amount(0.25, "fraction"), format_amount(240, "month"), format_amount(18, "month")
    ('25%', '20 years', '18 months')
    >>> format_amount(565820, "border crossing")
    '565,820 border crossings'
    >>> format_amount(500, qualifier="topped"), format_amount(2e6, qualifier=">")
    ('more than 500', 'more than 2 million')
    >>> format_amount(2.4e7, "population"), format_amount(1, "workforce")
    ('24 million people', '1 person')
    """
    if value is None or not math.isfinite(value):
        return "an unstated amount"
    if unit in _COUNTED_IN_PEOPLE:
        unit = "people" if abs(value) != 1 else "person"

    def one(v: float) -> str:
        if unit in ("percent", "%"):
            return f"{_number(v)}%"
        if unit == "fraction":  # a share read as 0.25 is written 25%
            return f"{_number(v * 100)}%"
        if unit == "month" and v >= 24 and v % 12 == 0:  # "in 20 years", not "240 months"
            return f"{_number(v / 12)} years"
        if unit and len(unit) == 3 and unit.isupper():
            symbol = _SYMBOLS.get(unit)
            return f"{symbol}{_number(v)}" if symbol else f"{_number(v)} {unit}"
        if unit and (" per " in unit or unit.endswith(" rate")):
            return f"{_number(v)}{_per_head(unit, v)}"
        noun = (unit or "").replace(" ", "")  # "border crossing" counts like "crossing"
        if unit and (
            (noun.isalpha() and noun.islower() and len(noun) > 3) or unit in _PLURAL_UNITS
        ):
            return f"{_number(v)} {_plural(unit, v)}"
        return f"{_number(v)} {unit}" if unit else _number(v)

    if low is not None and high is not None and low != high:
        first = one(low)
        if " " in first and not (unit and unit.isupper()):
            first = first.split(" ")[0]  # "between 10 and 20 km", "between $10 and $20"
        text = f"between {first} and {one(high)}"
    else:
        text = one(value)
        if qualifier:  # "More than" as read at a sentence's start reads "more than" here
            qualifier = _HEDGE_WORDS.get(qualifier.lower(), qualifier)
            text = f"{qualifier[:1].lower()}{qualifier[1:]} {text}"
    if per:
        text += f" {'an' if per[0] in 'aeiouh' and per != 'year' else 'a'} {per}"
    return text


def times_apart(high: float | None, low: float | None) -> str:
    """How far apart two estimates are, in words.

    >>> times_apart(50000, 1000), times_apart(120, 100), times_apart(3, 3)
    ('about 50 times apart', 'the higher is 20% above the lower', 'the same')
    """
    if high is None or low is None or low <= 0 or high <= 0:
        return "not comparable as a ratio"
    hi, lo = max(high, low), min(high, low)
    ratio = hi / lo
    if ratio < 1.005:
        return "the same"
    if ratio < 1.5:
        return f"the higher is {round((ratio - 1) * 100)}% above the lower"
    shown = f"{ratio:.1f}".removesuffix(".0") if ratio < 10 else f"{round(ratio):,}"
    return f"about {shown} times apart"


def _date(value: dt.date | None) -> str:
    return "undated" if value is None else f"{value.day}\u00a0{value:%b}\u00a0{value:%Y}"
