"""Finding numbers in text and reading their values.

Digits ("20,000", "1.2", "20.000" in German), number words ("six", "twenty-five",
"a million") and vague magnitudes ("hundreds", "tens of thousands"). Spans that look
like numbers but are not quantities — ISO dates, clock times, phone numbers, web
addresses — are found here too so that the extractor can pass over them.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .lexicon import lexicon

__all__ = ["MAX_DIGITS", "NumberMatch", "find_numbers", "non_quantity_spans", "parse_digits"]

#: Integer parts longer than this are not read as quantities (a run of digits, an ID).
MAX_DIGITS = 16

_EN_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d+(?:\.\d+)?|\.\d+"
# Continental style: "20.000", "1.234.567,5", "3,5", "20 000".
_EU_DIGITS = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?![.\d])|\d+(?:,\d+)?|,\d+"

_DIGITS = {
    "en": re.compile(rf"(?<![\w.,:/])(?:{_EN_DIGITS})(?!\d)"),
    "eu": re.compile(rf"(?<![\w.,:/])(?:{_EU_DIGITS})(?!\d)"),
}

_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d+\.\d+|\d+(?=[mkMK]|bn|mn)"


@functools.cache
def _prefixed_digits() -> re.Pattern[str]:
    """Digits glued to a lettered currency prefix ("USD10m", "RM23.50", "$US55,931,000")."""
    lex = lexicon()
    glued = sorted(
        (
            p
            for p in lex.currency_prefixes
            if len(p) > 1 and p[-1].isalpha() and p not in lex.currency_prefixes_amount_only
        ),
        key=len,
        reverse=True,
    )
    amount_only = sorted(lex.currency_prefixes_amount_only, key=len, reverse=True)
    alternatives = []
    if glued:
        alternatives.append(rf"(?<![\w$])(?:{'|'.join(map(re.escape, glued))})({_EN_DIGITS})(?!\d)")
    if amount_only:
        alternatives.append(
            rf"(?<![\w$])(?:{'|'.join(map(re.escape, amount_only))})({_AMOUNT})(?!\d)"
        )
    return re.compile("|".join(alternatives) or r"(?!x)x")


_UNITS_19 = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_NUM = (
    rf"(?:(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_UNITS_19})"
)
_SCALE = "hundred|thousand|million|billion|trillion|dozen"
_WORDS = re.compile(
    rf"\b(?:(?:{_WORD_NUM})|(?:an?|one)\s+(?:{_SCALE})|half\s+an?\s+(?:{_SCALE}))"
    rf"(?:\s+(?:and\s+)?(?:{_WORD_NUM}|{_SCALE})\b)*\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions|trillions)"
    r"(?=\s+(?:of|more|upon)\b)",
    re.IGNORECASE,
)

_NON_QUANTITY = re.compile(
    # addresses; each run is entered only at its start and never backtracked (linear time)
    r"https?://\S++|www\.\S++|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b"  # ISO dates
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 12/25/2022, 25.12.2022
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # clock times
    r"|(?<![\w$£€])\+?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}\b(?![ .-]?\d)"  # phone numbers
    r"|\b\d+/\d+(?:/\d+)?\b"  # 24/7, fractions written as dates
)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number in the text: its span, value and how it was written."""

    start: int
    end: int
    value: float
    kind: str  # "digits" | "words" | "vague"
    integer_digits: int


def parse_digits(token: str, *, style: str = "en") -> float | None:
    """Read a digit string; ``None`` when it is not a finite, sensible number.

    Examples
    --------
    >>> parse_digits("20,000"), parse_digits("20.000", style="eu"), parse_digits("1.5")
    (20000.0, 20000.0, 1.5)
    """
    if style == "eu":
        cleaned = re.sub(r"[.\u00a0\u202f ]", "", token).replace(",", ".")
    else:
        cleaned = token.replace(",", "")
    integer = cleaned.split(".")[0]
    if len(integer) > MAX_DIGITS:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_words(phrase: str) -> float | None:
    """Read a number written in words ("twenty-five", "a million", "half a billion")."""
    lex = lexicon()
    total = 0.0
    current = 0.0
    half = False
    for raw in re.split(r"[\s-]+", phrase.lower()):
        if raw in ("and", ""):
            continue
        if raw == "half":
            half = True
        elif raw in ("a", "an"):
            current = max(current, 1.0)
        elif raw in lex.number_words:
            current += lex.number_words[raw]
        elif raw == "hundred":
            current = (current or 1.0) * 100
        elif raw == "dozen":
            current = (current or 1.0) * 12
        elif raw in lex.scales:
            total += (current or 1.0) * lex.scales[raw]
            current = 0.0
        else:
            return None
    value = total + current
    return value / 2 if half else value


def find_numbers(
    text: str, start: int = 0, end: int | None = None, *, style: str = "en"
) -> Iterator[NumberMatch]:
    """Yield the numbers in ``text[start:end]`` in order of position (words only for English)."""
    stop = len(text) if end is None else end
    found: list[NumberMatch] = []
    for m in _DIGITS["eu" if style == "eu" else "en"].finditer(text, start, stop):
        token = m.group()
        value = parse_digits(token, style=style)
        digits = len(re.split(r"[.,]", token.replace(",", "") if style == "en" else token)[0])
        if value is None:
            continue
        found.append(NumberMatch(m.start(), m.end(), value, "digits", digits))
    if style == "en":
        lex = lexicon()
        for m in _prefixed_digits().finditer(text, start, stop):
            group = 1 if m.group(1) is not None else 2
            value = parse_digits(m.group(group))
            if value is not None:
                token = m.group(group).replace(",", "")
                digits = len(token.split(".")[0])
                found.append(NumberMatch(m.start(group), m.end(group), value, "digits", digits))
        for m in _WORDS.finditer(text, start, stop):
            value = parse_words(m.group())
            if value is not None:
                found.append(NumberMatch(m.start(), m.end(), value, "words", 0))
        for m in _VAGUE.finditer(text, start, stop):
            key = tuple(m.group().lower().split())
            if key in lex.vague_magnitudes:
                found.append(NumberMatch(m.start(), m.end(), lex.vague_magnitudes[key], "vague", 0))
        found.sort(key=lambda n: (n.start, -n.end))
    yield from found


def non_quantity_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates, clock times, phone numbers and addresses, in order."""
    return [(m.start(), m.end()) for m in _NON_QUANTITY.finditer(text)]
