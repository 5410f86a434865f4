"""Figures whose digit grouping is malformed ("612,00", "7,8901"): the extractor reads them but
flags them in the claims' ``doubt`` column, and reconcile groups them without building a
verdict, a consensus or a range on them; the report names them as possibly misprinted.
Made-up stories (a ferry operator, a harbour board), no real event's sentences."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from extract import extract_claims
from extract.numbers import MISGROUPED, find_numbers
from newsfigures.report import verdict_words
from reconcile import reconcile
from reconcile.misprints import Figure, copied_figure


def _digits(text: str) -> list[tuple[str, float, str | None]]:
    return [(text[n.start : n.end], n.value, n.doubt) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "printed", "value"),
    [
        ("The depot held 612,00 crates by noon.", "612,00", 612.0),  # a digit dropped
        ("Ticket sales reached 7,8901 on Friday.", "7,8901", 7.8901),  # a digit too many
        ("Fares rose 2,5 % in the spring.", "2,5", 2.5),  # a decimal comma in English text
        ("The fund paid out 1,204,75 pesos.", "1,204,75", 1204.75),  # the last group short
        ("Deckhands were paid $18,50 an hour.", "18,50", 18.5),  # after a currency sign
    ],
)
def test_a_malformed_grouping_is_read_and_flagged(text: str, printed: str, value: float) -> None:
    assert _digits(text) == [(printed, value, MISGROUPED)]


@pytest.mark.parametrize(
    ("text", "printed", "value"),
    [
        ("The port moved 12,500 containers.", "12,500", 12500.0),
        ("The board spent 1,234.5 tonnes of fuel.", "1,234.5", 1234.5),
        ("Repairs cost 3,21,000 rupees.", "3,21,000", 321000.0),  # lakh grouping
        ("The hall seats 40 000 people.", "40 000", 40000.0),  # grouped by a space
        ("The ferry carried 900 cars.", "900", 900.0),
    ],
)
def test_a_well_grouped_figure_carries_no_doubt(text: str, printed: str, value: float) -> None:
    assert _digits(text) == [(printed, value, None)]


def test_a_list_with_spaces_after_its_commas_is_three_figures() -> None:
    text = "The crews won 2, 3 and 4 medals."
    assert _digits(text) == [("2", 2.0, None), ("3", 3.0, None), ("4", 4.0, None)]


def test_the_claims_table_says_which_figure_is_in_doubt() -> None:
    claims = extract_claims(
        "The harbour board counted 4,31 ferries in May and 2,210 passengers in June."
    )
    doubts = dict(zip(claims["surface"], claims["doubt"], strict=True))
    assert [d for s, d in doubts.items() if s.startswith("4,31")] == [MISGROUPED]
    assert [d for s, d in doubts.items() if s.startswith("2,210")] == [None]


def _report(text: str, doc: str, outlet: str, day: int = 2) -> pl.DataFrame:
    return extract_claims(text, doc_id=doc, outlet=outlet, published=dt.date(2031, 5, day))


def _quantity(*reports: pl.DataFrame) -> dict[str, object]:
    quantities = reconcile(pl.concat(reports)).quantities
    assert quantities.height == 1, quantities
    return quantities.row(0, named=True)


_CLEAN = "The Ferry Office said 61,240 passengers used the island route in March."
_SLIPPED = "The Ferry Office said 61,24 passengers used the island route in March."


def test_a_misprinted_copy_of_one_figure_is_named_not_compared() -> None:
    q = _quantity(_report(_CLEAN, "a", "Coast Herald"), _report(_SLIPPED, "b", "Bay Times"))
    # two reports of one source, the second's digits slipped by three places: a copy of the
    # first (one more report of it), never a growth of 1,000x between 61.24 and 61,240
    assert q["verdict"] == "echo"
    assert q["doubtful"] == ["61,24"]
    assert "possibly misprinted: '61,24'" in str(q["why"])
    assert "the digits of 61,240 slipped" in str(q["why"])
    assert str(q["why"]).startswith("one source (Ferry Office) carried by 2 documents: ")
    assert (q["low"], q["best"], q["high"]) == (61240.0, 61240.0, 61240.0)
    assert q["spread"] is None
    assert (q["n_reports"], q["n_assertions"]) == (2, 2)


def test_clean_figures_keep_their_verdict_beside_a_misprinted_one() -> None:
    q = _quantity(
        _report(_CLEAN, "a", "Coast Herald"),
        _report(_CLEAN.replace("61,240", "61,300"), "b", "Bay Times"),
        _report(_SLIPPED, "c", "Island Daily"),
    )
    assert q["verdict"] == "echo"  # the two clean prints of one source, not 61.24
    assert q["doubtful"] == ["61,24"]
    assert (q["low"], q["high"]) == (61240.0, 61300.0)
    assert q["n_reports"] == 3


def test_a_misprinted_figure_alone_is_one_source_only() -> None:
    q = _quantity(_report(_SLIPPED, "b", "Bay Times"))
    assert q["verdict"] == "single"
    assert q["best"] is None and q["doubtful"] == ["61,24"]


def test_no_divergence_rests_on_a_misprinted_figure() -> None:
    said = "The Ferry Office said the storm displaced 61,240 people in Chile."
    rival = "The Harbour Union said the storm displaced 40,5 thousand people in Chile."
    reports = (_report(said, "a", "Coast Herald"), _report(rival, "b", "Bay Times"))
    # read as printed, 40,500 against 61,240 from another source would be a divergence
    trusted = [r.with_columns(doubt=pl.lit(None, dtype=pl.String)) for r in reports]
    assert _quantity(*trusted)["verdict"] == "diverge"
    q = _quantity(*reports)
    assert q["verdict"] == "uncertain" and q["doubtful"] == ["40,5"]
    assert q["n_sources"] == 1  # the one clean source compared; the other is only named


@pytest.mark.parametrize(
    ("verdict", "estimates", "words"),
    [
        ("uncertain", 2, "possibly misprinted: '61,24'; not compared"),
        (
            "echo",
            3,
            "one source, repeated in 3 reports; possibly misprinted: '61,24'; not compared",
        ),
        ("single", 1, "one source only; possibly misprinted: '61,24'; not compared"),
    ],
)
def test_the_report_names_the_misprinted_figure(verdict: str, estimates: int, words: str) -> None:
    assert verdict_words(verdict, 1, 3, doubtful=["61,24"], estimates=estimates) == words


def test_one_source_far_apart_with_itself_is_not_an_echo() -> None:
    # one office, two reports, figures 300 times apart: two measures, not one figure repeated
    few = _report("The Ferry Office said 14 passengers used the island route.", "a", "Coast Herald")
    many = _report(
        "The Ferry Office said 4,150 passengers used the island route.", "b", "Bay Times"
    )
    q = _quantity(few, many)
    assert q["verdict"] == "uncertain"
    assert "not one figure repeated" in str(q["why"])
    near = _report(
        "The Ferry Office said 4,100 passengers used the island route.", "c", "Island Daily"
    )
    assert _quantity(near, many)["verdict"] == "echo"  # within tolerance: one figure, repeated


@pytest.mark.parametrize(
    ("slipped", "day", "verdict"),
    [
        ("61,24", 2, "echo"),  # the clean figure's digits, three places off: a copy
        ("6,1240", 2, "echo"),  # a digit moved past the comma: a copy too
        ("47,9", 2, "uncertain"),  # other digits: a figure of its own, not compared
        ("61,24", 20, "uncertain"),  # the same digits, but of another time: not a copy
    ],
)
def test_a_misprint_is_a_copy_only_of_the_same_digits_of_its_time(
    slipped: str, day: int, verdict: str
) -> None:
    said = "The Ferry Office counted {} riders on the island route."
    clean = _report(said.format("61,240"), "a", "Coast Herald")
    copy = _report(said.format(slipped), "b", "Bay Times", day=day)
    assert _quantity(clean, copy)["verdict"] == verdict


_MAY = dt.date(2031, 5, 2)


@pytest.mark.parametrize(
    ("slipped", "copied"),
    [
        (Figure("Ferry Office", _MAY, 148.0), 148_451.0),  # a zero dropped: three places
        (Figure("Ferry Office", _MAY, 14.845), 148_451.0),  # four places
        (Figure("unattributed (Bay Times)", _MAY, 148.0), 148_451.0),  # unnamed: any source
        (Figure("Harbour Union", _MAY, 148.0), None),  # another source's figure
        (Figure("Ferry Office", _MAY, 1.48), None),  # five places: too far to be a slip
        (Figure("Ferry Office", _MAY, 139.0), None),  # other leading digits
        (Figure("Ferry Office", None, 148.0), None),  # undated beside a dated figure
        (Figure("Ferry Office", _MAY, None), None),  # no value read at all
    ],
)
def test_which_clean_figure_a_slipped_one_copies(slipped: Figure, copied: float | None) -> None:
    clean = [Figure("Ferry Office", _MAY, 148_451.0), Figure("Ferry Office", _MAY, 3_020.0)]
    found = copied_figure(slipped, clean, tolerance=0.05, days=1)
    assert (found.value if found else None) == copied
