"""Patterns read over whole texts are written to open with a character the regex engine can
skip ahead to; each finds the same matches as its plain reading, kept here."""

from __future__ import annotations

import random
import re

from extract import claims, context, numbers, sources
from extract.lexicon import lexicon

_SCALES = "thousand|lakh|million|crore|billion|trillion"
_PLAIN_COMPOUND = re.compile(
    rf"(?<![\w.,])(\d{{1,3}})\s+({_SCALES})\s+(?:and\s+)?(\d{{1,3}}(?:\.\d+)?)\s+({_SCALES})(?![\w-])",
    re.IGNORECASE,
)
_PLAIN_CAPITAL_WORD = re.compile(r"\b[A-Z][A-Z&]{1,7}\b")
_PLAIN_SIZE_BEFORE = re.compile(sources._SIZE_BEFORE.pattern.replace(r"h(?<!\wh)ome", r"\bhome", 1))
#: The tokenizer's pattern with plain (backtracking) runs.
_PLAIN_TOKEN = re.compile(r"\d[\d,.]*\d|[^\W_]\w*(?:(?:['’.&/]|-(?!-))+\w+)*|[^\w\s]")
_PLAIN_NAME_OF_NUMBER = re.compile(
    numbers._NAME_OF_NUMBER.pattern.replace(r"[A-Z](?<=\b[A-Z])", r"\b[A-Z]", 1)
)

#: Pieces random texts are made of: digits, marks, letters and the words the patterns need.
_PIECES = [
    "1",
    "25",
    "400",
    "7",
    "0",
    ".",
    ",",
    ":",
    "/",
    "-",
    " ",
    "  ",
    "\n",
    "_",
    "é",
    "a",
    "Gang",
    "of",
    " of ",
    "Four",
    "Seven",
    "Seventy",
    "UN",
    "NATO",
    "A&B",
    "aB",
    "Ab",
    "million",
    "Million",
    "lakh",
    "crore",
    "and",
    "thousand",
    "½",
    "٣",
    "home to",
    "Home",
    ", a town of",
    "'",
    "’",
    "--",
    "&",
    "Read more",
    "ALL RIGHTS RESERVED",
    "Copyright",
]


#: The slots of a figure in two scaled parts ("2 million 400 thousand"), each filled with a
#: piece that keeps it or one that spoils it.
_COMPOUND_SLOTS = [
    ["", "x", ".", ",", " ", "é", "_"],
    ["2", "40", "400", "1000", "1.5", "٣"],
    [" ", "  ", "", "\n"],
    ["million", "Thousand", "lakh", "billions", "mile"],
    [" ", "", "\t"],
    ["and ", "", "AND  ", "or "],
    ["2", "40", "400", "1000", "1.5", "x"],
    [" ", "", "-"],
    ["million", "thousand", "crore", "trillion"],
    ["", "-", "x", " ", "s", "."],
]


def _compound_texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(slot) for slot in _COMPOUND_SLOTS) for _ in range(n)]


def _texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def _spans(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None):
    stop = len(text) if end is None else end
    return [(m.span(), m.groups()) for m in pattern.finditer(text, start, stop)]


def test_the_figure_patterns_find_what_their_plain_readings_find() -> None:
    for text in _compound_texts(6, 20_000):
        assert _spans(numbers._COMPOUND, text) == _spans(_PLAIN_COMPOUND, text), text
    for text in _texts(3, 20_000):
        assert _spans(numbers._NAME_OF_NUMBER, text) == _spans(_PLAIN_NAME_OF_NUMBER, text)
        assert _spans(sources._CAPITAL_WORD, text) == _spans(_PLAIN_CAPITAL_WORD, text), text


def test_digits_found_from_their_starts_are_those_the_pattern_finds() -> None:
    rnd = random.Random(5)
    for text in _texts(4, 20_000):
        end = rnd.randint(0, len(text))
        start = rnd.randint(0, end)
        for style in ("en", "eu"):
            fast = [m.span() for m in numbers._digit_matches(text, start, end, style)]
            plain = [m.span() for m in numbers._DIGITS[style].finditer(text, start, end)]
            assert fast == plain, (text, start, end, style)


def test_a_case_of_each() -> None:
    text = "The Group of Seven met; NATO and the UN said 2 million 400 thousand fled, .5 more."
    assert [m.group(1) for m in numbers._NAME_OF_NUMBER.finditer(text)] == ["Seven"]
    assert sources._CAPITAL_WORD.findall(text) == ["NATO", "UN"]
    assert [m.group() for m in numbers._COMPOUND.finditer(text)] == ["2 million 400 thousand"]
    assert [m.group() for m in numbers._digit_matches(text, 0, len(text), "en")] == [
        "2",
        "400",
        ".5",
    ]


def test_patterns_rewritten_for_speed_find_what_their_plain_readings_find() -> None:
    furniture = lexicon().boilerplate_lines
    for text in _texts(7, 20_000):
        assert _spans(sources._SIZE_BEFORE, text) == _spans(_PLAIN_SIZE_BEFORE, text), text
        assert _spans(context._TOKEN, text) == _spans(_PLAIN_TOKEN, text), text
        # a line in ASCII is read lower-cased, without IGNORECASE: the same answer
        plain = bool(furniture.starts.match(text)) or any(
            p.search(text) for p in furniture.anywhere
        )
        assert furniture.search(text) == plain, text
        # the cheap test before a name's number word holds wherever the name does
        if numbers._NAME_OF_NUMBER.search(text):
            assert numbers._OF_NUMBER_WORD.search(text), text


def test_the_first_characters_tested_before_a_sign_are_those_its_pattern_opens_with() -> None:
    every = [chr(k) for k in range(0x110000)]
    attached = {c for c in every if claims._ATTACHED.match(c + "  ")}
    spaced = {c for c in every if claims._SPACED_SIGN.match("5 " + c + " ", 2)}
    assert attached == claims._ATTACHED_FIRST
    assert spaced == claims._SPACED_SIGN_FIRST
