"""Finding numbers in text and reading their values.

Digits ("20,000", "1.2", "20.000" in German), number words ("six", "twenty-five",
"a million"), vague magnitudes ("hundreds", "tens of thousands") and fractions in words
("a third of", "two-thirds of", "one in five"). Spans that look
like numbers but are not quantities — ISO dates, clock times, phone numbers, web
addresses — are found here too so that the extractor can pass over them.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .chars import non_ascii_chars
from .lexicon import lexicon

__all__ = [
    "MAX_DIGITS",
    "MISGROUPED",
    "NumberMatch",
    "find_numbers",
    "non_quantity_spans",
    "parse_digits",
]

#: Integer parts longer than this are not read as quantities (a run of digits, an ID).
MAX_DIGITS = 16

#: Digits grouped by commas as English writes them: thousands ("20,000", "1,234.5") and
#: lakh and crore ("4,83,000", "12,34,567.89").
_COMMA_GROUPED = (
    r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![,\d])"  # lakh grouping: "4,83,000", "12,34,567.89"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)"
)
#: Digits with commas that follow neither grouping ("475,00", "1,2345", "3,5"): a digit
#: dropped or added in print, or a decimal comma in English text. The figure is read (its
#: last comma as a decimal mark) but flagged as possibly misprinted (``MISGROUPED``).
_MISGROUPED = r"\d{1,3}(?:,\d+)+(?![.,]?\d)"
_EN_DIGITS = (
    r"\d+(?:\.\d+)?[eE][-+]?\d{1,3}(?![\w.])"  # e-notation: "4e14", "9.83e-3"
    rf"|{_COMMA_GROUPED}"
    r"|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]?\d)"  # space-grouped: "10 000"
    rf"|{_MISGROUPED}"
    r"|\d+(?:\.\d+)?|\.\d+"
)
_GROUPED_WELL = re.compile(_COMMA_GROUPED)
#: The doubt a figure with malformed comma grouping carries (the claims' ``doubt`` column).
MISGROUPED = "malformed digit grouping"
# Continental style: "20.000", "1.234.567,5", "3,5", "20 000".
_EU_DIGITS = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?![.\d])|\d+(?:,\d+)?|,\d+"

_DIGITS = {
    "en": re.compile(rf"(?<![\w.,:/])(?:{_EN_DIGITS})(?!\d)"),
    "eu": re.compile(rf"(?<![\w.,:/])(?:{_EU_DIGITS})(?!\d)"),
}

#: Where a match of ``_DIGITS`` can start: a digit, or the mark a bare decimal opens with
#: (".5"; ",5" in continental style), with no character before it that the pattern's
#: look-behind refuses. A scan for these skips ahead the way ``_DIGITS`` cannot.
_DIGITS_STARTS = {
    "en": re.compile(r"[\d.](?<![\w.,:/][\d.])"),
    "eu": re.compile(r"[\d,](?<![\w.,:/][\d,])"),
}


def _digit_matches(text: str, start: int, stop: int, style: str) -> Iterator[re.Match[str]]:
    """The matches of ``_DIGITS[style]`` in ``text[start:stop]``, tried only where one can
    start (:data:`_DIGITS_STARTS`): the same matches as its ``finditer``, found faster."""
    starts = [m.start() for m in _DIGITS_STARTS[style].finditer(text, start, stop)]
    return _matches_from(_DIGITS[style], text, starts, stop)


_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d+\.\d+|\d+(?=[mkMK]|bn|mn)"


@functools.cache
def _prefixed_digits() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Digits glued to a lettered currency prefix ("USD25m", "RM14.20", "$US41,200,000"):
    the pattern, and the scan for where it can start (:func:`_prefix_starts`)."""
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
    pattern = re.compile("|".join(alternatives) or r"(?!x)x")
    return pattern, _prefix_starts((*glued, *amount_only))


def _prefix_starts(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """A scan for the places where one of ``prefixes`` stands before a digit ("USD25m",
    "USD.50"): every place the pattern of :func:`_prefixed_digits` can match.

    The scan takes in each prefix it finds and goes on after it. The places it passes over,
    inside that prefix, follow one of the prefix's characters before its last; when those
    are all word characters or "$", the pattern's look-behind refuses every such place, so
    the scan misses none it can start at. Prefixes with another character there get a scan
    that tries every place (several times slower).
    """
    if not prefixes:
        return re.compile(r"(?!x)x")
    alternation = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    if all(re.fullmatch(r"[\w$]*", p[:-1]) for p in prefixes):
        return re.compile(rf"(?:{alternation})(?=\.?\d)")
    return re.compile(rf"(?=(?:{alternation})\.?\d)")


def _prefixed_matches(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """The matches of :func:`_prefixed_digits` in ``text[start:stop]``, in order.

    The pattern is tried only where one of its prefixes stands before a digit (one scan of
    :func:`_prefix_starts`), which gives the same matches as trying every position, many
    times faster.
    """
    pattern, scan = _prefixed_digits()
    starts = [m.start() for m in scan.finditer(text, start, stop)]
    return _matches_from(pattern, text, starts, stop)


_UNITS_19 = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_WORD_NUM = (
    rf"(?:(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_UNITS_19})"
)
_SCALE = "hundred|thousand|lakh|million|crore|billion|trillion|dozen"
_WORDS = re.compile(
    rf"\b(?:(?:{_WORD_NUM})|(?:an?|one)\s+(?:{_SCALE})|half\s+an?\s+(?:{_SCALE}))"
    # "two hundred and forty-five thousand", "two hundred & five", "twelve lakh"
    rf"(?:\s+(?:(?:and|&)\s+)?(?:{_WORD_NUM}|{_SCALE})\b){{0,8}}\b"
    rf"(?:\s+and\s+an?\s+(?:half|quarter)\b(?:\s+(?:{_SCALE})\b)?)?",  # "two and a half (million)"
    re.IGNORECASE,
)
_AND_A_PART = re.compile(rf"^(.*?)\s+and\s+an?\s+(half|quarter)(?:\s+({_SCALE}))?$", re.IGNORECASE)
#: Words a number in words can start with, and the scale words "a"/"an" and "half a" take.
_WORD_STARTS = frozenset(f"{_UNITS_19}|{_TENS}".split("|"))
_SCALES = frozenset(_SCALE.split("|"))
_LETTER_RUN = re.compile(r"[A-Za-z]+")
# the lexicon's vague magnitudes: one word ("thousands"), or a lead "of" one ("tens of thousands")
_MAGNITUDES = "|".join(k[0] for k in lexicon().vague_magnitudes if len(k) == 1)
_VAGUE_LEADS = "|".join(dict.fromkeys(k[0] for k in lexicon().vague_magnitudes if len(k) == 3))
_VAGUE_STARTS = frozenset(f"{_VAGUE_LEADS}|{_MAGNITUDES}".split("|"))
# "thousands of people", "millions more", and a magnitude of a magnitude on its own, which
# needs no "of" after it ("the crowd ran to tens of thousands."): the last is a figure too
_VAGUE = re.compile(
    rf"\b(?:(?:{_VAGUE_LEADS})\s+of\s+(?:{_MAGNITUDES})(?![\w-])"
    rf"|(?:{_MAGNITUDES})(?=\s+(?:of|more|upon)\b))",
    re.IGNORECASE,
)

#: A figure written in two parts, each with its scale word, the second part smaller than
#: one unit of the first: "1 million 250 thousand", "2 crore 40 lakh", "3 billion and
#: 400 million". The parts are one figure (1,250,000), not two; the lexicon's scales
#: give each part's value.
_COMPOUND_SCALES = "thousand|lakh|million|crore|billion|trillion"
_COMPOUND = re.compile(  # from its first digit, the mark before it checked after (fast)
    rf"(\d(?<![\w.,]\d)\d{{0,2}})\s+({_COMPOUND_SCALES})\s+(?:and\s+)?"
    rf"(\d{{1,3}}(?:\.\d+)?)\s+({_COMPOUND_SCALES})(?![\w-])",
    re.IGNORECASE,
)

_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    "|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred|a thousand|one thousand"
)
#: "twenty-five", "thirty one": a ten and a unit, tried before the ten alone in a share.
_TENS_AND_UNIT = rf"(?:{_TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)"
# "one in five", "1 out of every 3": a share of a group, found from its "in"/"out of" (fast)
_IN_OF = re.compile(
    rf"\s(?:in|out\s+of)\s+(?:every\s+)?({_TENS_AND_UNIT}|{_SMALL}|\d{{1,3}}(?:,\d{{3}})*)\b"
    r"(?![.,]\d)(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b)",
    re.IGNORECASE,
)
_NUMERATOR = re.compile(rf"(?<![\w$£€¥.,])({_SMALL}|\d{{1,3}})$", re.IGNORECASE)
_FRACTION_NOUNS = ("half", "third", "quarter", "fourth", "fifth", "sixth", "eighth", "tenth")
_NOUN_OF = re.compile(r"(?:half|[a-z]+?s?)(?:\s+of\b|[.,;:!?)]|$)", re.IGNORECASE)
_SMALL_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
    "one thousand": 1000,
}  # fmt: skip


def _closing_pair(name: str) -> bool:
    """A fraction that may close a clause: a number word and its parts, but no quarter (a
    quarter is also a period: "profit fell for one quarter.")."""
    words = name.split()
    return len(words) == 2 and words[0] not in ("a", "an") and "quarter" not in words[1]


def _fraction_names() -> list[str]:
    """The lexicon's fractions in words ("three quarters", "half"), longest first."""
    return sorted((" ".join(k) for k in lexicon().fractions), key=len, reverse=True)


def _spaced(names: list[str]) -> str:
    """An alternation of ``names``, their words parted by spaces or hyphens."""
    return "|".join(r"[\s-]+".join(map(re.escape, n.split())) for n in names)


@functools.cache
def _fractions() -> re.Pattern[str]:
    """Fractions in words from the lexicon, followed by "of" ("two-thirds of"), or of two
    words closing a clause ("the odds are one sixth.", "it kept four fifths,")."""
    names = _fraction_names()
    alts = _spaced(names)
    pairs = _spaced([n for n in names if _closing_pair(n)])
    return re.compile(rf"\b(?:{alts})(?=\s+of\b)|\b(?:{pairs})(?=[.,;:!?)]|$)", re.IGNORECASE)


_FRACTION_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+$")

#: Web and mail addresses; each run is entered only at its start and never backtracked
#: (linear time). Only searched in texts that hold "@", "://" or "www.".
_ADDRESS = re.compile(r"https?://\S++|www\.\S++|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
_NON_QUANTITY = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"  # ISO dates
    r"|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"  # 12/25/2022, 25.12.2022
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # clock times
    r"|(?<![\w$£€])\+?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}\b(?![ .-]?\d)"  # phone numbers
    r"|\b\d+/\d+(?:/\d+)?\b(?!\s+of\b)"  # 24/7, dates; "1/8 of a mile" is a fraction
)
# "1/8 of a mile", "1⁄4 of a cup": a share written with a slash, before "of"
_SLASHED = re.compile(r"(?<![\w/⁄.,])(\d{1,3})\s?[/⁄]\s?(\d{1,4})(?![\w/⁄])(?=\s+of\b)")
# "10 1/2 miles", "1/4 mile", "2½ cups": a whole number and a fraction, or a fraction
# before a word; read as one number so that the unit after it is read
_MIXED = re.compile(
    r"(?<![\w/⁄.,:])(?:(\d{1,3})[ \u00a0-])?([1-9]\d?)\s?[/⁄]\s?([1-9]\d?)(?![\w/⁄.,]|\s?[/⁄])"
    r"(?=[ \u00a0]+[a-z])"
    r"|(?<![\w/⁄.,:])(\d{1,3})[ \u00a0-]([1-9]\d?)\s?[/⁄]\s?([1-9]\d?)(?![\w/⁄.,]|\s?[/⁄])"
)
_VULGAR = re.compile(r"(?<![\w.,])(?:(\d{1,3})[ \u00a0]?)?([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])")
_VULGAR_CHARS = frozenset("½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")


#: Not frozen (nothing changes a number once found), as :class:`~extract.segment.Sentence`
#: is not: a frozen dataclass is several times slower to build, and every number is one.
@dataclass(slots=True, unsafe_hash=True)
class NumberMatch:
    """A number in the text: its span, value and how it was written."""

    start: int
    end: int
    value: float
    kind: str  # "digits" | "words" | "vague" | "fraction"
    integer_digits: int
    high: float | None = None  # the top of a vague magnitude's range ("hundreds": 1,000)
    doubt: str | None = None  # why the figure may be misprinted (``MISGROUPED``), else None


def _ungrouped(token: str) -> str:
    """Digits without their grouping marks: commas, spaces ("4,83,000", "10 000")."""
    token = token.replace(",", "")
    if not token.isascii() or " " in token:
        token = token.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    return token


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
        cleaned = _ungrouped(token)
    integer = cleaned.split(".")[0]
    if len(integer) > MAX_DIGITS:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _whole_and_part(whole: float, share: float, words: str, scale: float | None) -> float:
    """A whole number in ``words`` and a part of one after "and": of the scale named after
    the part ("two and a half million"), else of the scale the whole ends on ("a million and
    a half": of the million), else of one ("two and three quarters")."""
    if scale is not None:
        return (whole + share) * scale
    last = words.lower().split()[-1]
    if last in _SCALES:
        return whole + share * (parse_words(f"one {last}") or 1.0)
    return whole + share


def parse_words(phrase: str) -> float | None:
    """Read a number written in words ("twenty-five", "a million", "half a billion",
    "two and a half million")."""
    part = _AND_A_PART.match(phrase)
    if part is not None:
        whole = parse_words(part.group(1))
        scale = parse_words(f"one {part.group(3)}") if part.group(3) else 1.0
        if whole is None or scale is None:
            return None
        share = 0.5 if part.group(2).lower() == "half" else 0.25
        return _whole_and_part(whole, share, part.group(1), scale if part.group(3) else None)
    lex = lexicon()
    total = 0.0
    current = 0.0
    half = False
    last = ""
    for raw in re.split(r"[\s-]+", phrase.lower()):
        if raw in ("and", "&", ""):
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
        elif raw in lex.scales and last in lex.scales and current == 0:
            total *= lex.scales[raw]  # "twelve lakh crore", "one thousand million": one scale
        elif raw in lex.scales:
            total += (current or 1.0) * lex.scales[raw]
            current = 0.0
        else:
            return None
        last = raw
    value = total + current
    value = value / 2 if half else value
    return value if math.isfinite(value) else None


def find_numbers(
    text: str, start: int = 0, end: int | None = None, *, style: str = "en"
) -> Iterator[NumberMatch]:
    """Yield the numbers in ``text[start:end]`` in order of position (words only for English)."""
    stop = len(text) if end is None else end
    found: list[NumberMatch] = []
    for m in _digit_matches(text, start, stop, "eu" if style == "eu" else "en"):
        if (number := _digits_match(m.group(), m.start(), style)) is not None:
            found.append(number)
    if style == "en":
        lex = lexicon()
        for m in _prefixed_matches(text, start, stop):
            group = 1 if m.group(1) is not None else 2
            if (number := _digits_match(m.group(group), m.start(group), "en")) is not None:
                found.append(number)
        word_starts, vague_starts = _word_number_starts(text, start, stop)
        spelled = []
        for m in _matches_from(_WORDS, text, word_starts, stop):
            value = parse_words(m.group())
            if value is not None:
                spelled.append(NumberMatch(m.start(), m.end(), value, "words", 0))
        found += _joined_at_commas(text, spelled, stop) if len(spelled) > 1 else spelled
        for m in _matches_from(_VAGUE, text, vague_starts, stop):
            key = tuple(m.group().lower().split())
            if key in lex.vague_magnitudes:
                low, high = lex.vague_magnitudes[key]
                found.append(NumberMatch(m.start(), m.end(), low, "vague", 0, high))
        # words, "one in five", "1/8 of", "one-seventh"; "10 1/2", "1/4 mile", "2½"
        slashes = _slash_starts(text, start, stop)  # read by "1/8 of" and by "10 1/2"
        fractions = _find_fractions(text, start, stop, slashes) + _hyphenated_fractions(
            text, word_starts, stop
        )
        fractions += _mixed_numbers(text, start, stop, slashes)
        fractions += _parts_of_scales(text, start, stop)
        fractions += _and_fractions(text, spelled, stop)
        fractions += _compound_amounts(text, start, stop)
        found.sort(key=lambda n: (n.start, -n.end))
        if fractions:
            found = _covered_by(found, fractions)
    else:
        found.sort(key=lambda n: (n.start, -n.end))
    yield from found


#: The comma between two groups of a number in words ("four million, six hundred and
#: twelve"): a comma and spaces, nothing else.
_GROUP_COMMA = re.compile(r",[ \t]+")
#: After the second group, a word that makes it a count of its own ("of the two million,
#: three hundred of them"): the comma then closes a phrase, not a group.
_OF_AFTER = re.compile(r"[ \t]+of\b", re.IGNORECASE)


def _joined_at_commas(text: str, spelled: list[NumberMatch], stop: int) -> list[NumberMatch]:
    """Numbers in words, those written in groups parted by commas read as one, as cheques
    and formal prose write them: "one thousand, two hundred and fifty" is 1,250. A group
    joins the one before when that one ends on a scale of a thousand or more, it holds a
    scale word itself ("hundred", "thousand") and it is less than one of that scale; so
    "one thousand, two thousand" stays two numbers, and so does "nine million, twelve"."""
    scales = lexicon().scales
    out = [spelled[0]]
    for n in spelled[1:]:
        last = out[-1]
        gap = _GROUP_COMMA.fullmatch(text, last.end, n.start)
        head = text[last.start : last.end].lower().replace("-", " ").split()
        words = text[n.start : n.end].lower().replace("-", " ").split()
        scale = scales.get(head[-1], 0) if head[-1] in _SCALES else 0
        if (
            gap is not None
            and scale >= 1000
            and any(w in _SCALES for w in words)
            and n.value < scale
            and not _OF_AFTER.match(text, n.end, stop)
        ):
            out[-1] = NumberMatch(last.start, n.end, last.value + n.value, "words", 0)
        else:
            out.append(n)
    return out


def _digits_match(token: str, start: int, style: str) -> NumberMatch | None:
    """The number a digit token at ``start`` writes (see :func:`_digits_reading`)."""
    if token.isdigit() and token.isascii():  # "300", "2024": no marks, read at once
        if len(token) > MAX_DIGITS:
            return None
        return NumberMatch(start, start + len(token), float(token), "digits", len(token))
    reading = _digits_reading(token, style)
    if reading is None:
        return None
    value, digits, doubt = reading
    return NumberMatch(start, start + len(token), value, "digits", digits, doubt=doubt)


def _digits_reading(token: str, style: str) -> tuple[float, int, str | None] | None:
    """The value, digits before the decimal mark and doubt of a digit token; a token with
    malformed comma grouping in English text ("475,00") is read with its last comma as a
    decimal mark and flagged."""
    if style == "en" and "," in token and not _GROUPED_WELL.fullmatch(token):
        whole, _, decimals = token.rpartition(",")
        value = parse_digits(f"{whole}.{decimals}")
        if value is None:
            return None
        return value, len(_ungrouped(whole)), MISGROUPED
    value = parse_digits(token, style=style)
    if value is None:
        return None
    return value, _whole_digits(token, style), None


def _covered_by(found: list[NumberMatch], covers: list[NumberMatch]) -> list[NumberMatch]:
    """``found`` and ``covers`` in order, less the numbers inside a cover ("two" of
    "two-thirds", "10" of "10 1/2"); of two covers at one place the first listed stays."""
    spans = {(n.start, n.end) for n in covers}
    merged = sorted([*found, *covers], key=lambda n: (n.start, -n.end))
    kept: list[NumberMatch] = []
    cover = -1
    for n in merged:
        if n.start < cover:
            continue
        if (n.start, n.end) in spans:
            cover = n.end
        kept.append(n)
    return kept


def _whole_digits(token: str, style: str) -> int:
    """How many digits a written number has before its decimal mark ("20,000.5" -> 5)."""
    whole = _ungrouped(token) if style == "en" else token
    return len(whole.split(".", 1)[0].split(",", 1)[0])


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


def _by_first_letter(words: frozenset[str]) -> str:
    """:func:`_alternatives` grouped by their first letter ("t(?:hirteen|wenty|wo)|..."):
    the regex engine tries one group where a word starts, not every word (about twice as
    fast on news text). Plain words only (no regex syntax)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[:1], []).append(word[1:])
    return "|".join(
        f"{first}(?:{_alternatives(frozenset(rests[first]))})" for first in sorted(rests)
    )


#: In lower-cased text, the words :func:`_word_number_starts` keeps: a number word, "a"/"an"
#: before a scale word ("a hundred"), "half a"/"half an" before one ("half a million"), and
#: (group ``vague``) the words a vague magnitude starts with; each a whole run of letters,
#: and "the next run" is the next one whatever stands between them.
_WORD_NUMBER_START = re.compile(
    rf"(?<![A-Za-z])(?:{_by_first_letter(_WORD_STARTS)}"
    rf"|an?(?=[^A-Za-z]+(?:{_alternatives(_SCALES)})(?![A-Za-z]))"
    rf"|half(?=[^A-Za-z]+an?[^A-Za-z]+(?:{_alternatives(_SCALES)})(?![A-Za-z]))"
    rf"|(?P<vague>{_by_first_letter(_VAGUE_STARTS)}))(?![A-Za-z])"
)


def _word_number_starts(text: str, start: int, stop: int) -> tuple[list[int], list[int]]:
    """Where a number in words ("twenty-five", "a hundred") and a vague magnitude ("tens
    of thousands") can start: the only places their patterns need to be tried."""
    words: list[int] = []
    vague: list[int] = []
    lowered = text[start:stop].lower()
    if len(lowered) == stop - start:  # case folding kept the offsets: scan the folded text
        for m in _WORD_NUMBER_START.finditer(lowered):
            (words if m.lastgroup is None else vague).append(m.start() + start)
        return words, vague
    runs = [(m.start(), m.group().lower()) for m in _LETTER_RUN.finditer(text, start, stop)]
    for j, (at, word) in enumerate(runs):
        if word in _WORD_STARTS:
            words.append(at)
        elif word in ("a", "an") and j + 1 < len(runs) and runs[j + 1][1] in _SCALES:
            words.append(at)  # "a hundred"
        elif (
            word == "half"
            and j + 2 < len(runs)
            and runs[j + 1][1] in ("a", "an")
            and runs[j + 2][1] in _SCALES
        ):
            words.append(at)  # "half a million"
        if word in _VAGUE_STARTS:
            vague.append(at)
    return words, vague


def _matches_from(
    pattern: re.Pattern[str], text: str, starts: list[int], stop: int
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer`` would give, tried only at ``starts`` (in order)."""
    covered = -1
    for at in starts:
        if at < covered:
            continue
        m = pattern.match(text, at, stop)
        if m is not None:
            covered = m.end()
            yield m


def _find_fractions(text: str, start: int, stop: int, slashes: list[int]) -> list[NumberMatch]:
    """ "a third of", "two-thirds of", "one in five": ratios between 0 and 1; ``slashes``:
    where "1/8 of" can start (:func:`_slash_starts`)."""
    lex = lexicon()
    out: list[NumberMatch] = []
    lowered = text[start:stop].lower()
    if len(lowered) != stop - start:  # case folding changed the length: offsets would drift
        hits = [start] if any(n in lowered for n in _FRACTION_NOUNS) else []
        windows = [(start, stop)] if hits else []
    else:
        windows = []
        for noun in _FRACTION_NOUNS:
            at = lowered.find(noun)
            while at >= 0:
                if _NOUN_OF.match(text, start + at):  # "thirds of", not "third quarter"
                    windows.append((max(start, start + at - 16), min(stop, start + at + 20)))
                at = lowered.find(noun, at + len(noun))
    seen: set[int] = set()
    for lo, hi in windows:
        for m in _fractions().finditer(text, lo, hi):
            if m.start() in seen:
                continue
            seen.add(m.start())
            words = tuple(re.split(r"[\s-]+", m.group().lower()))
            if words == ("half",):
                before = _FRACTION_BEFORE.search(text, max(start, m.start() - 20), m.start())
                if before and before.group(1).lower() in lex.fraction_blockers:
                    continue  # "the first half of the year"
            out.append(NumberMatch(m.start(), m.end(), lex.fractions[words], "fraction", 0))
    for m in _IN_OF.finditer(text, start, stop):
        top = _NUMERATOR.search(text, max(start, m.start() - 14), m.start())
        if top is None:
            continue
        a, b = _small_value(top.group(1)), _small_value(m.group(1))
        if a is None or b is None or not 0 < a < b:
            continue
        out.append(NumberMatch(top.start(), m.end(), a / b, "fraction", 0))
    for m in _matches_from(_SLASHED, text, slashes, stop):
        a, b = float(m.group(1)), float(m.group(2))
        if 0 < a < b:
            out.append(NumberMatch(m.start(), m.end(), a / b, "fraction", 0))
    out.sort(key=lambda n: n.start)
    return out


@functools.cache
def _hyphenated() -> re.Pattern[str]:
    """A number word hyphenated to an ordinal that names parts ("one-seventh", "two-thirds")."""
    parts = "|".join(sorted(lexicon().denominators, key=len, reverse=True))
    return re.compile(rf"({_WORD_NUM})-({parts})\b", re.IGNORECASE)


def _hyphenated_fractions(text: str, word_starts: list[int], stop: int) -> list[NumberMatch]:
    """ "one-seventh", "three-quarters": a fraction, "of" after it or not (tried only where
    a number word starts)."""
    lex = lexicon()
    pattern = _hyphenated()
    out = []
    for at in word_starts:
        m = pattern.match(text, at, stop)
        if m is None:
            continue
        top = parse_words(m.group(1))
        bottom = lex.denominators[m.group(2).lower()]
        if top is not None and 0 < top < bottom:
            out.append(NumberMatch(m.start(), m.end(), top / bottom, "fraction", 0))
    return out


#: Denominators a fraction written with a slash has in prose ("1/4 mile", "7/8 inch"); others
#: ("9/11", "24/7") are names or dates.
_SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64})


def _mixed_value(m: re.Match[str]) -> float | None:
    """The value of a :data:`_MIXED` match, or None when it is no fraction ("24/7", "9/11")."""
    whole, top, bottom = (m.group(1), m.group(2), m.group(3)) if m.group(2) else m.group(4, 5, 6)
    a, b = int(top), int(bottom)
    if not a < b or b not in _SLASH_DENOMINATORS:
        return None
    return (int(whole) if whole else 0) + a / b


def _slash_starts(text: str, start: int, stop: int) -> list[int]:
    """Where a match of :data:`_MIXED` or :data:`_SLASHED` can start, in order: up to seven
    characters before a slash that a digit stands before, one white space between them at
    most ("10 1/2", "3 /4"; not the slash of "km/h")."""
    found: set[int] = set()
    for mark in "/⁄":
        at = text.find(mark, start, stop)
        while at >= 0:
            before = at - 1
            if before > start and text[before].isspace():
                before -= 1
            if before >= start and text[before].isdecimal():  # what \d matches
                found.update(range(max(start, at - 7), at))
            at = text.find(mark, at + 1, stop)
    return sorted(found)


def _mixed_numbers(text: str, start: int, stop: int, slashes: list[int]) -> list[NumberMatch]:
    """ "10 1/2", "1/4" before a word, "2½": one number each, read like digits (the unit
    after them is theirs); ``slashes``: where one with a slash can start."""
    out: list[NumberMatch] = []
    for m in _matches_from(_MIXED, text, slashes, stop):
        value = _mixed_value(m)
        if value is not None:
            whole = m.group(1) or m.group(4) or ""
            out.append(NumberMatch(m.start(), m.end(), value, "digits", len(whole)))
    # the cheap test first: a vulgar fraction is a character outside ASCII
    if not text.isascii() and not _VULGAR_CHARS.isdisjoint(non_ascii_chars(text[start:stop])):
        for m in _VULGAR.finditer(text, start, stop):
            value = (int(m.group(1)) if m.group(1) else 0) + unicodedata.numeric(m.group(2))
            out.append(NumberMatch(m.start(), m.end(), value, "digits", len(m.group(1) or "")))
    return out


def _compound_amounts(text: str, start: int, stop: int) -> list[NumberMatch]:
    """Figures in two scaled parts ("1 million 250 thousand" -> 1,250,000); see
    ``_COMPOUND``. Two parts whose second is not below one unit of the first stay apart."""
    scales = lexicon().scales
    found = []
    for m in _COMPOUND.finditer(text, start, stop):
        big, small = (scales[m.group(g).lower()] for g in (2, 4))
        rest = float(m.group(3)) * small
        if small < big and rest < big:
            value = float(m.group(1)) * big + rest
            found.append(NumberMatch(m.start(), m.end(), value, "digits", len(f"{value:.0f}")))
    return found


#: The scales a part of one is taken of: a thousand or more ("a quarter of a million").
_BIG_SCALES = "thousand|lakh|million|crore|billion|trillion"


@functools.cache
def _part_of_scale() -> re.Pattern[str]:
    """A fraction of a scale word: "a quarter of a million", "two thirds of a billion", and
    with a half or a quarter also without "of" ("half a million", "a half-million", "a
    quarter million", "quarter billion"); group ``of`` marks the form with "of"."""
    names = _fraction_names()
    alts = _spaced(names)
    halves = [n for n in names if n.split()[-1] in ("half", "quarter", "quarters")]
    bare = _spaced([*halves, "quarter"])
    return re.compile(
        rf"\b(?:(?:{alts})(?P<of>\s+of\s+an?\s+)|(?:{bare})(?:[\s-]+an?)?[\s-]+)"
        rf"({_BIG_SCALES})(?![A-Za-z])",
        re.IGNORECASE,
    )


def _parts_of_scales(text: str, start: int, stop: int) -> list[NumberMatch]:
    """ "a quarter of a million" is 250,000, "half million" 500,000: a fraction of a scale
    is one number (see :func:`_part_of_scale`), not a share and a scale apart. Searched for
    only in a text that holds a half, a quarter or one of the other parts' names."""
    lowered = text[start:stop].lower()
    if len(lowered) != stop - start:  # case folding changed the length: offsets would drift
        windows = [(start, stop)] if any(n in lowered for n in _FRACTION_NOUNS) else []
    else:
        windows = []
        for noun in _FRACTION_NOUNS:  # "three quarters of a trillion": the noun starts it
            at = lowered.find(noun)
            while at >= 0:
                windows.append((max(start, start + at - 8), min(stop, start + at + 30)))
                at = lowered.find(noun, at + len(noun))
    lex = lexicon()
    out: list[NumberMatch] = []
    seen: set[int] = set()
    for m in (m for lo, hi in sorted(windows) for m in _part_of_scale().finditer(text, lo, hi)):
        if m.start() in seen:
            continue
        seen.add(m.start())
        scale = m.group(m.lastindex or 0).lower()
        part = text[m.start() : m.start(m.lastindex or 0)].lower()
        part = part.split(" of ")[0] if m.group("of") else part
        words = tuple(w for w in re.split(r"[\s-]+", part) if w)
        if not m.group("of") and words[-1:] in (("a",), ("an",)):
            words = words[:-1]  # "half a million"
        if m.group("of") and text[m.end() : m.end() + 1] == "-":
            continue  # "half of a million-dollar deal": the deal's half, not 500,000
        if words == ("half",):
            before = _FRACTION_BEFORE.search(text, max(start, m.start() - 20), m.start())
            if before and before.group(1).lower() in lex.fraction_blockers:
                continue  # "the first half million": a part of a period or a match
        share = 0.25 if words == ("quarter",) else lex.fractions.get(words)
        if share is not None:
            out.append(NumberMatch(m.start(), m.end(), share * lex.scales[scale], "words", 0))
    return out


@functools.cache
def _and_fraction() -> re.Pattern[str]:
    """ " and three quarters", " and two thirds (million)": the part a whole number in
    words ends on, a fraction from the lexicon with its numerator in words (group ``part``),
    a scale after it (group ``scale``); none with "of" after it ("between two and three
    quarters of voters" is a range of shares)."""
    alts = _spaced([n for n in _fraction_names() if " " in n])
    return re.compile(
        rf"\s+and\s+(?P<part>{alts})(?:[\s-]+(?P<scale>{_SCALE}))?(?![\w-])(?!\s+of\b)",
        re.IGNORECASE,
    )


def _and_fractions(text: str, spelled: list[NumberMatch], stop: int) -> list[NumberMatch]:
    """A whole number in words and a fraction after "and": "two and three quarters" is
    2.75, "four million and two thirds" 4.67 million (the part is of the scale the
    whole ends on), "two and two thirds million" 2.67 million. The number-word pattern
    takes the numerator into the whole ("four million and two"); each "and" inside the
    words, from the last, and the end of the words are tried."""
    lex = lexicon()
    pattern = _and_fraction()
    out = []
    for n in spelled:
        words_end = min(stop, n.end + 40)
        ands = [n.start + m.start() for m in re.finditer(r"\s+and\s", text[n.start : n.end])]
        for at in [n.end, *reversed(ands)]:
            m = pattern.match(text, at, words_end)
            base = text[n.start : at]
            whole = parse_words(base) if m is not None else None
            if m is None or whole is None:
                continue
            share = lex.fractions[tuple(re.split(r"[\s-]+", m.group("part").lower()))]
            named = m.group("scale")
            scale = (lex.scales.get(named.lower()) or 1.0) if named else None
            value = _whole_and_part(whole, share, base, scale)
            out.append(NumberMatch(n.start, m.end(), value, "words", 0))
            break
    return out


def _small_value(word: str) -> float | None:
    low = " ".join(word.lower().split())
    if low in _SMALL_VALUES:
        return float(_SMALL_VALUES[low])
    if low[:1].isalpha():
        return parse_words(low)  # "twenty-five"
    return parse_digits(low)


@functools.cache
def _counter() -> re.Pattern[str]:
    """A picture's place in a gallery, on a line of its own or opening a caption: "1 of 3 |",
    "Photo 2 of 10:" (the counter of a slide show, no figure of the story)."""
    words = _alternatives(lexicon().gallery_words)
    return re.compile(
        rf"^[ \t]*(?:(?:{words})[ \t]+)?(\d{{1,3}})[ \t]+of[ \t]+(\d{{1,3}})"
        r"(?=[ \t]*(?:[|•·:–—-]|$))",
        re.IGNORECASE | re.MULTILINE,
    )


#: A capitalised number word closing a name after "Xxx of" ("the Group of Seven average",
#: "the Gang of Four"): part of the name, not a count. A capitalised word after it (a title
#: in capitals: "Deaths of Seven Climbers") leaves it a number.
_TITLED_NUMBER = _alternatives(frozenset(w.title() for w in _WORD_STARTS if w != "zero"))
_NAME_OF_NUMBER = re.compile(  # from its capital, the boundary before it checked after
    rf"[A-Z](?<=\b[A-Z])[a-z]+ of ({_TITLED_NUMBER})\b(?![ \t]+[A-Z])"
)
#: The end of such a name, searched for first: it opens with a literal " of ", which a
#: search finds fast.
_OF_NUMBER_WORD = re.compile(rf" of (?:{_TITLED_NUMBER})\b")
#: A figure the text ends on, with no mark nor line end after it, a lower-case word before
#: it (prose, not a list line "York: 1,100"): in a text of several lines (an article, not
#: one sentence), the excerpt was cut there and the figure may be cut too ("... of 8.1").
_CUT_AT_END = re.compile(r"(?<=[a-z] )\d[\d.,]*\Z")


def _named_spans(text: str) -> list[tuple[int, int]]:
    """Spans of gallery counters, number words closing a name, and a figure cut at the end."""
    spans: list[tuple[int, int]] = []
    if " of" in text:
        for m in _counter().finditer(text):
            if 1 <= int(m.group(1)) <= int(m.group(2)):
                spans.append((m.start(1), m.end(2)))
        if _OF_NUMBER_WORD.search(text):  # the cheap test first: what a name's end needs
            spans += [m.span(1) for m in _NAME_OF_NUMBER.finditer(text)]
    if "\n" in text and text[-1:].isdigit():
        cut = _CUT_AT_END.search(text, max(0, len(text) - 40))
        if cut is not None:
            spans.append(cut.span())
    return spans


#: A digit and the mark after it that every match of :data:`_NON_QUANTITY` holds right after
#: its first run of digits ("2024-", "12/", "9:", "(555) ", "1.5"), another digit following.
_NON_QUANTITY_MARK = re.compile(r"\d\)?[-/.: ](?=\d)")


def _non_quantity_starts(text: str) -> list[int]:
    """Where a match of :data:`_NON_QUANTITY` can start, in order: the start of each run of
    digits that a :data:`_NON_QUANTITY_MARK` follows, and a "+" or "(" just before it."""
    starts: list[int] = []
    last = -1
    for mark in _NON_QUANTITY_MARK.finditer(text):
        run = mark.start()
        while run > 0 and text[run - 1].isdecimal():  # what \d matches
            run -= 1
        for at in (run - 2, run - 1, run):
            if at > last and at >= 0 and (at == run or text[at] in "+("):
                starts.append(at)
                last = at
    return starts


def non_quantity_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates, clock times, phone numbers, addresses, gallery counters, names ending
    in a number word and a figure cut at the end, in order, not overlapping."""
    found = _matches_from(_NON_QUANTITY, text, _non_quantity_starts(text), len(text))
    spans = [(m.start(), m.end()) for m in found]
    if spans and ("/" in text or "⁄" in text):
        mixed = _matches_from(_MIXED, text, _slash_starts(text, 0, len(text)), len(text))
        shares = [(m.start(), m.end()) for m in mixed if _mixed_value(m)]
        if shares:  # "10 1/2 miles", "1/4 mile": a fraction, not a date
            spans = [sp for sp in spans if not any(a <= sp[0] and sp[1] <= b for a, b in shares)]
    more = _named_spans(text)
    if "@" in text or "://" in text or "www." in text:
        more += [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    if not more:
        return spans
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans + more):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))  # a date inside a URL
        else:
            merged.append((start, end))
    return merged
