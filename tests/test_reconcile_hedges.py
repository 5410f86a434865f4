"""A hedge of size ("nearly", "more than", "around", "up to") may stand between the words that
read a figure and the figure: the hedges are extract's ``qualifiers_before``, one list for
every such reading; cases in our own words (the words before a figure)."""

from __future__ import annotations

import polars as pl
import pytest

from reconcile.checks import _SHARE_GAP
from reconcile.dating import _CHANGE_BY, _SUPERSEDED_BEFORE
from reconcile.identify import _RECORDED_BEFORE
from reconcile.measures import _IT_MOVED
from reconcile.parts import _PART_BEFORE

READINGS = {"change": _CHANGE_BY, "replaced": _SUPERSEDED_BEFORE, "recorded": _RECORDED_BEFORE}


@pytest.mark.parametrize(
    ("reading", "before", "read"),
    [
        # a change: "rose by", "a fall of", with or without a hedge
        ("change", "Ferry fares rose by ", True),
        ("change", "Ferry fares rose by nearly ", True),
        ("change", "Ferry fares rose by around ", True),
        ("change", "Ferry fares went up by more  than ", True),
        ("change", "The harbour saw a fall of roughly ", True),
        ("change", "Cargo volumes dropped by up to ", True),
        ("change", "Ferry fares rose to nearly ", False),
        ("change", "Ferry fares rose by a lot, to around ", False),
        # a figure its source has since replaced
        ("replaced", "The port authority revised its count down from ", True),
        ("replaced", "The port authority revised its count down from about ", True),
        ("replaced", "The port authority had first put the loss at ", True),
        ("replaced", "The port authority had first put the loss at at least ", True),
        ("replaced", "The port authority had first put the loss at roughly ", True),
        ("replaced", "Its earlier estimate of as many as ", True),
        ("replaced", "The port authority now puts the loss at roughly ", False),
        # a count a verb of recording takes
        ("recorded", "The coast guard recorded ", True),
        ("recorded", "The coast guard recorded a total of ", True),
        ("recorded", "The coast guard logged more than ", True),
        ("recorded", "The coast guard registered an estimated ", True),
        ("recorded", "The coast guard recorded well over ", True),
        ("recorded", "The coast guard recorded in May some ", False),
        ("recorded", "The coast guard counted around ", False),
    ],
)
def test_a_hedge_between_the_reading_words_and_the_figure(
    reading: str, before: str, read: bool
) -> None:
    assert pl.Series([before]).str.contains(READINGS[reading]).to_list() == [read]


# (the words of the figure's clause before it, after the last comma)
@pytest.mark.parametrize(
    ("before", "read"),
    [
        (" and this has since fallen to ", True),
        (" and this has since fallen to roughly ", True),
        (" but it then rose to well over ", True),
        (" and it stood at about ", True),
        (" and the fleet has since fallen to roughly ", False),
        (" and this has since fallen to a ", False),
    ],
)
def test_a_pronoun_moving_a_figure_before_a_hedge(before: str, read: bool) -> None:
    assert pl.Series([before]).str.contains(_IT_MOVED).to_list() == [read]


@pytest.mark.parametrize(
    ("before", "part"),
    [
        ("Dock workers accounted for ", "Dock workers"),
        ("Dock workers accounted for only ", "Dock workers"),
        ("Dock workers accounted for roughly ", "Dock workers"),
        ("Dock workers made up just under ", "Dock workers"),
        ("Dock workers made up a share of ", None),
    ],
)
def test_the_part_a_share_measures_before_a_hedge(before: str, part: str | None) -> None:
    assert pl.Series([before]).str.extract(_PART_BEFORE, 1).to_list() == [part]


@pytest.mark.parametrize(
    ("gap", "read"),
    [(" or ", True), (" (about ", True), (" or more than ", True), (" - up to ", True),
     (", of whom ", False), (", or a third, ", False)],
)  # fmt: skip
def test_a_share_of_the_figure_before_after_a_hedge(gap: str, read: bool) -> None:
    assert (_SHARE_GAP.match(gap) is not None) == read
