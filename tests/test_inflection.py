"""Our singulariser against the inflect package on counted nouns seen in news."""

from __future__ import annotations

import pytest

from extract.inflection import singular

NOUNS = """containers convicts contractors fighters troops soldiers prisoners inmates people men
women children weapons shells rounds missiles rockets tanks jets planes ships boats homes
houses companies countries batteries cities families parties deaths casualties refugees
civilians workers jobs users customers votes seats points goals games matches wins losses
classes boxes taxes dishes churches buses viruses bonuses lives knives wolves halves heroes
potatoes tomatoes feet teeth mice crises analyses hospitals schools students teachers
doctors patients cases tests vaccines doses hours days weeks months years miles tonnes
barrels shares dollars euros pounds cents stores branches offices factories plants mines
wells farms acres hectares villages towns regions districts provinces states nations
members employees staffers officers officials pilots drones satellites vehicles trucks
cars trains flights passengers tourists visitors fans tickets buyers sellers""".split()


@pytest.mark.parametrize("word", NOUNS)
def test_agrees_with_inflect(word: str) -> None:
    inflect = pytest.importorskip("inflect")
    expected = inflect.engine().singular_noun(word) or word
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("personnel", "personnel"),
        ("status", "status"),
        ("series", "series"),
        ("first-team", "first-team"),
        ("munitions", "munitions"),
        ("staff", "staff"),
    ],
)
def test_words_that_stay(word: str, expected: str) -> None:
    assert singular(word) == expected
