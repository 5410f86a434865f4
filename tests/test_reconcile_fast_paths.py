"""The quick ways reconcile judges large tables give what the plain ways give.

* ``compare._judge_all`` (counts and medians from Polars, only the rows a verdict turns on
  read into Python, conflicts looked for only where two named sources are) against
  ``verdicts._judge`` (every row of the quantity in Python);
* ``sources.SourceName`` and ``one_source_judge`` (each name read once) against the
  definition of ``may_be_one_source`` by ``one_body_names``;
* ``identify._previous_alike`` (one sort) against ``shift(1).over(keys)``;
* ``sources._one_people`` (names compared only with names of their word count and surname)
  against every pair through ``_one_person``;
* ``sources.candidate_pairs`` (only names sharing a key judged) and ``source_neighbours``
  with it against every pair judged.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re

import polars as pl
import pytest

from reconcile.compare import _groups, _judge_all
from reconcile.identify import _previous_alike
from reconcile.sources import (
    _bare_name,
    _name_forms,
    _one_people,
    _one_person,
    _proper_name,
    candidate_pairs,
    may_be_one_source,
    one_body_names,
    one_source_judge,
)
from reconcile.verdicts import _judge, source_neighbours

D1, D2, D3 = dt.date(2030, 5, 1), dt.date(2030, 5, 2), dt.date(2030, 11, 20)

#: One quantity per entry: (asserter, best, date, bound, documents, read from its own words).
CASES: dict[str, list[tuple[str, float, dt.date | None, str, list[str], bool]]] = {
    "one report": [("Lake Office", 120.0, D1, "exact", ["d1"], True)],
    "one source, many outlets": [
        ("Lake Office", 120.0, D1, "exact", ["d1", "d2"], True),
        ("Lake Office", 121.0, D1, "approx", ["d3"], True),
    ],
    "one source, far apart": [
        ("Lake Office", 120.0, D1, "exact", ["d1"], True),
        ("Lake Office", 300.0, D1, "exact", ["d2"], True),
    ],
    "two sources close": [
        ("Lake Office", 120.0, D1, "exact", ["d1"], True),
        ("Valley Trust", 123.0, D1, "exact", ["d2"], True),
    ],
    "two sources apart": [
        ("Lake Office", 120.0, D1, "exact", ["d1"], True),
        ("Valley Trust", 240.0, D1, "exact", ["d2"], True),
    ],
    "a body and its spokesman": [
        ("Lake Office", 120.0, D1, "exact", ["d1"], True),
        ("Lake Office spokesman Ron Teal", 240.0, D1, "exact", ["d2"], True),
    ],
    "one side not read from its words": [
        ("Lake Office", 120.0, D1, "exact", ["d1"], False),
        ("Valley Trust", 240.0, D1, "exact", ["d2"], True),
    ],
    "a later rise": [
        ("Lake Office", 120.0, D1, "exact", ["d1"], True),
        ("Valley Trust", 400.0, D3, "exact", ["d2"], True),
    ],
    "a later fall": [
        ("Lake Office", 400.0, D1, "exact", ["d1"], True),
        ("Valley Trust", 150.0, D3, "exact", ["d2"], True),
    ],
    "over five times apart": [
        ("Lake Office", 100.0, D1, "exact", ["d1"], True),
        ("Valley Trust", 900.0, D2, "exact", ["d2"], True),
    ],
    "a stray among four": [
        ("Lake Office", 100.0, D1, "exact", ["d1"], True),
        ("Valley Trust", 104.0, D1, "exact", ["d2"], True),
        ("Hill Council", 102.0, D1, "exact", ["d3"], True),
        ("Marsh Board", 9000.0, D1, "exact", ["d4"], True),
    ],
    "a lower bound under a figure": [
        ("Lake Office", 100.0, D1, "lower", ["d1"], True),
        ("Valley Trust", 180.0, D1, "exact", ["d2"], True),
    ],
    "unnamed only": [
        ("unattributed (Daily Gull)", 100.0, D1, "exact", ["d1"], True),
        ("unattributed (Evening Post)", 300.0, D1, "exact", ["d2"], True),
    ],
    "undated and dated": [
        ("Lake Office", 100.0, None, "exact", ["d1"], True),
        ("Valley Trust", 300.0, D1, "exact", ["d2"], True),
        ("Hill Council", 310.0, None, "exact", ["d3"], True),
    ],
    "more figures than the why spells out": [
        (name, 100.0 + 7 * i, (D1, D2, D3)[i % 3], "exact", [f"d{i}"], i % 4 != 0)
        for i, name in enumerate(
            ["Lake Office", "Valley Trust", "Hill Council", "Marsh Board", "Reed Union"] * 2
        )
    ],
}


#: The verdict each case of CASES gets (each judge must give it).
VERDICTS = {
    "one report": "single",
    "one source, many outlets": "echo",
    "one source, far apart": "uncertain",
    "two sources close": "agree",
    "two sources apart": "diverge",
    "a body and its spokesman": "uncertain",
    "one side not read from its words": "uncertain",
    "a later rise": "growth",
    "a later fall": "diverge",
    "over five times apart": "uncertain",
    "a stray among four": "agree",
    "a lower bound under a figure": "agree",
    "unnamed only": "agree",
    "undated and dated": "diverge",
    "more figures than the why spells out": "diverge",
}


def _ordered() -> pl.DataFrame:
    """CASES as the table ``quantities_table`` hands to the judges, in its order."""
    rows = []
    for qid, figures in CASES.items():
        for asserter, best, as_of, bound, docs, sure in figures:
            low = best if bound in ("exact", "approx", "lower") else None
            high = best if bound in ("exact", "approx") else None
            rows.append(
                {
                    "quantity_id": qid,
                    "asserter": asserter,
                    "as_of": as_of,
                    "best": best,
                    "interval_low": low,
                    "interval_high": high,
                    "qualifier": "more than" if bound == "lower" else None,
                    "bound": bound,
                    "n_reports": len(docs),
                    "weight": 1.0,
                    "doc_ids": docs,
                    "sure": sure,
                    "doubt": None,
                    "surface": f"{best:g}",
                }
            )
    return pl.DataFrame(rows, schema_overrides={"doubt": pl.String}).sort(
        "quantity_id", "as_of", "best", nulls_last=True
    )


def test_the_quick_judge_gives_the_verdicts_of_the_plain_one() -> None:
    ordered = _ordered()
    quick = _judge_all(ordered, threshold=0.25)
    plain = [_judge(group, threshold=0.25, weighted=False) for group in _groups(ordered)]
    assert quick == plain
    assert {str(row[0]): row[7] for row in quick} == VERDICTS


#: Names of sources, some of them one body written two ways (made up for these tests).
NAMES = [
    "Lake Office",
    "the Lake Office",
    "Lake Office (LO)",
    "LO",
    "Lake Office spokesman Ron Teal",
    "Teal",
    "Weir office",
    "Valley Trust",
    "Valley Trust (VT)",
    "Reed Union Office for Weirs",
    "Office for Weirs",
    "Bank of Marsh",
    "the lender Bank of Marsh",
    "Hill Watch relief group",
    "Hill Watch",
    "Ludmila Petrenko",
    "Lyudmila Petrenko",
    "Joan Fisher",
    "John Fisher",
    "WRA",
    "WRAB",
    "unattributed (Daily Gull)",
    "(XY)",
    "",
]


def _by_definition(a: str, b: str) -> bool:
    """``may_be_one_source`` as its docstring defines it, through ``one_body_names``."""
    if a == b or len(one_body_names({a, b})) == 2:
        return True
    (short_a, words_a), (short_b, words_b) = _name_forms(a), _name_forms(b)
    if short_a and short_b and (short_a.startswith(short_b) or short_b.startswith(short_a)):
        return True
    n = min(len(words_a), len(words_b))
    if n > 0 and words_a[:n] == words_b[:n]:
        return True
    ends_a, ends_b = (re.findall(r"[a-z0-9]+", _bare_name(x).lower()) for x in (a, b))
    n = min(len(ends_a), len(ends_b))
    if n > 0 and ends_a[-n:] == ends_b[-n:]:
        return True
    proper = _proper_name(a)
    return proper != "" and proper == _proper_name(b)


def test_names_read_once_answer_as_one_body_names_does() -> None:
    judge = one_source_judge()
    answers = set()
    for a, b in itertools.product(NAMES, repeat=2):
        expected = _by_definition(a, b)
        assert may_be_one_source(a, b) is expected, (a, b)
        assert judge(a, b) is expected, (a, b)
        answers.add(expected)
    assert answers == {True, False}


def test_the_pairs_judged_hold_every_pair_one_source_joins() -> None:
    names = sorted(set(NAMES) | set(PEOPLE))
    joined = {(a, b) for a, b in itertools.combinations(names, 2) if may_be_one_source(a, b)}
    candidates = set(candidate_pairs(names))
    assert joined <= candidates
    # (and not every pair: names that share nothing are never judged)
    assert len(candidates) < len(names) * (len(names) - 1) // 2
    sets = [names[i : i + 5] for i in range(0, len(names), 3)]
    judge = one_source_judge()
    assert source_neighbours(sets, judge, candidates=candidate_pairs) == source_neighbours(
        sets, judge
    )


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("Lake Office", "LO", True),
        ("Reed Union Office for Weirs", "Office for Weirs", True),
        ("Hill Watch relief group", "Hill Watch", True),
        ("Ludmila Petrenko", "Lyudmila Petrenko", True),
        ("Joan Fisher", "John Fisher", True),  # the same initials (one short form)
        ("Valley Trust", "Bank of Marsh", False),
        ("Valley Trust", "Hill Watch", False),
    ],
)
def test_a_judge_that_remembers_gives_the_same_answer_twice(a: str, b: str, one: bool) -> None:
    judge = one_source_judge()
    assert [judge(a, b), judge(b, a), judge(a, b)] == [one, one, one]


#: Person names: spellings of one name, namesakes, other surnames, and three-word names.
PEOPLE = sorted(
    [
        "Ludmila Petrenko",
        "Lyudmila Petrenko",
        "Lyudmyla Petrenko",
        "Oksana Petrenko",
        "Ludmila Petrenko Shaw",
        "Lyudmila Petrenko Shaw",
        "Ludmila Shaw",
        "Joan Fisher",
        "John Fisher",
        "Johann Fisher",
        "Johannes Fisher",
        "Marta Ilves",
        "Martta Ilves",
        "Marta Ilvess",
    ]
)


def test_people_compared_by_surname_pair_as_every_pair_does() -> None:
    every = [[a, b] for i, a in enumerate(PEOPLE) for b in PEOPLE[i + 1 :] if _one_person(a, b)]
    assert _one_people(PEOPLE) == every
    assert ["Ludmila Petrenko", "Lyudmila Petrenko"] in every
    assert ["Ludmila Petrenko Shaw", "Lyudmila Petrenko Shaw"] in every
    assert not any("Marta Ilvess" in pair for pair in every)


def test_the_previous_alike_row_is_the_windowed_shift() -> None:
    frame = pl.DataFrame(
        {
            "doc": ["a", "a", "a", "a", "b", "b", None, None, "a"],
            "value": [1.0, 2.0, 1.0, math.nan, 1.0, 1.0, 3.0, 3.0, math.nan],
            "kind": ["n", "n", "n", "n", "n", "m", "n", "n", "n"],
        }
    )
    keys = ["doc", "value", "kind"]
    expected = frame.with_row_index("row").select(pl.col("row").shift(1).over(keys)).to_series()
    found = _previous_alike(frame, keys)
    assert found.to_list() == expected.to_list()
    assert found.to_list() == [None, None, 0, None, None, None, None, 6, 3]


def test_documents_told_apart_by_number_find_the_same_previous_rows() -> None:
    # (_named_again sorts its table by document, then numbers the documents in that order)
    frame = pl.DataFrame(
        {
            "doc": [None, None, "a", "a", "a", "a", "a", "b", "b", "c"],
            "value": [3.0, 3.0, 1.0, 2.0, 1.0, math.nan, math.nan, 1.0, 1.0, 1.0],
            "kind": ["n", "n", "n", "n", "n", "n", "n", "n", "m", "n"],
        }
    )
    doc = pl.col("doc").ne_missing(pl.col("doc").shift(1)).cum_sum().alias("_doc")
    by_text = _previous_alike(frame, ["doc", "value", "kind"])
    by_number = _previous_alike(frame, [doc, pl.col("value"), pl.col("kind")])
    assert (
        by_number.to_list()
        == by_text.to_list()
        == [None, 0, None, None, 2, None, 5, None, None, None]
    )
