"""The fast number scans give exactly what their patterns' plain scans give.

``find_numbers`` tries the patterns for numbers in words, vague magnitudes and digits glued
to a currency prefix only where such a number can start. These tests compare that with
``finditer`` over the whole text, on text made of the very pieces those numbers are built
from, in random order and spacing.
"""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract import numbers

PIECES = [
    "a", "an", "A", "one", "One", "half", "twenty", "Twenty", "five", "seventeen", "ninety",
    "hundred", "thousand", "million", "dozen", "tens", "hundreds", "thousands", "dozens",
    "scores", "of", "more", "upon", "and", "the", "USD", "RM", "US", "$US", "PS", "Y=", "HK$",
    "10", "10m", "23.50", "41,200,000", ".5", "5", "x", "-", ",", ".", "_", "é", "\n",
    "half a million", "a hundred", "an hundred", "tens of thousands", "twenty-five",
]  # fmt: skip
GLUE = ["", " ", "  ", "-", "\n"]


@st.composite
def pieces_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), max_size=40))
    return "".join(piece + glue for piece, glue in parts)


def spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


@settings(deadline=2000, max_examples=400)
@given(pieces_text())
def test_word_numbers_found_where_the_plain_scan_finds_them(text: str) -> None:
    words, vague = numbers._word_number_starts(text, 0, len(text))
    for pattern, starts in ((numbers._WORDS, words), (numbers._VAGUE, vague)):
        assert spans(numbers._matches_from(pattern, text, starts, len(text))) == spans(
            pattern.finditer(text)
        )


@settings(deadline=2000, max_examples=400)
@given(pieces_text())
def test_glued_prefixes_found_where_the_plain_scan_finds_them(text: str) -> None:
    pattern, _ = numbers._prefixed_digits()
    assert spans(numbers._prefixed_matches(text, 0, len(text))) == spans(pattern.finditer(text))


def test_the_scans_see_the_cases_they_exist_for() -> None:
    text = "Some 1.2 million, a hundred and twenty, half a million, tens of thousands of USD10m and RM23.50."
    words, vague = numbers._word_number_starts(text, 0, len(text))
    found = [m.group() for m in numbers._matches_from(numbers._WORDS, text, words, len(text))]
    assert found == ["a hundred and twenty", "half a million"]
    found = [m.group() for m in numbers._matches_from(numbers._VAGUE, text, vague, len(text))]
    assert found == ["tens of thousands"]
    assert [m.group() for m in numbers._prefixed_matches(text, 0, len(text))] == [
        "USD10",
        "RM23.50",
    ]


DATE_PIECES = [
    "1", "12", "2024", "555", "1234", "-", "/", ".", ":", " ", "(", ")", "+", "$", "£", "x",
    "²", "٣", "of", "\n", "2024-05-01", "12/25/2022", "9:30", "+44 20 7946 0958",
    "(555) 123-4567", "24/7", "1/8", "10 1/2", "4.5",
]  # fmt: skip


@st.composite
def dates_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.sampled_from(DATE_PIECES), max_size=30))
    return "".join(parts)


@settings(deadline=2000, max_examples=600)
@given(dates_text())
def test_dates_and_times_found_where_the_plain_scan_finds_them(text: str) -> None:
    starts = numbers._non_quantity_starts(text)
    found = numbers._matches_from(numbers._NON_QUANTITY, text, starts, len(text))
    assert spans(found) == spans(numbers._NON_QUANTITY.finditer(text))


def test_the_date_scan_sees_the_cases_it_exists_for() -> None:
    text = "On 2024-05-01 at 9:30, call 020 7946 0958 or (555) 123-4567; open 24/7, 4.5 km."
    assert [text[a:b] for a, b in numbers.non_quantity_spans(text)] == [
        "2024-05-01",
        "9:30",
        "020 7946 0958",
        "(555) 123-4567",
        "24/7",
    ]


SLASH_PIECES = [
    "1", "10", "3", "12", "123", "/", "⁄", " ", "\u00a0", "-", "\t", "km", "h", "of", ".",
    ",", "x", "٣", "1/2", "10 1/2", "3 /4", "1⁄4", "24/7", "9/11", "km/h",
]  # fmt: skip


@settings(deadline=2000, max_examples=600)
@given(st.lists(st.sampled_from(SLASH_PIECES), max_size=30).map("".join))
@example("add 123 12 /16 cups, then 3 /4 inch and 1⁄4 mile at 90 km/h, 1/8 of a mile")
def test_fractions_with_a_slash_found_where_the_plain_scan_finds_them(text: str) -> None:
    starts = numbers._slash_starts(text, 0, len(text))
    for pattern in (numbers._MIXED, numbers._SLASHED):
        found = numbers._matches_from(pattern, text, starts, len(text))
        assert spans(found) == spans(pattern.finditer(text))


def _values(text: str) -> list[tuple[str, float]]:
    return [(text[n.start : n.end], n.value) for n in numbers.find_numbers(text)]


def test_a_figure_in_two_scaled_parts_is_one_figure() -> None:
    assert _values("some 3 million 120.5 thousand voters") == [
        ("3 million 120.5 thousand", 3_120_500.0)
    ]
    assert _values("a bill of 4 crore 75 lakh") == [("4 crore 75 lakh", 47_500_000.0)]
    assert _values("near 6 billion and 20 million") == [("6 billion and 20 million", 6.02e9)]


def test_scaled_parts_that_cannot_add_up_stay_two_figures() -> None:
    # the second part is not smaller than one unit of the first: two figures side by side
    assert [v for _, v in _values("from 2 thousand 800 thousand")] == [2.0, 800.0]
    assert [v for _, v in _values("rose 4 million 7 million times")] == [4.0, 7.0]
