"""Who gives a figure: bodies named by a common noun or in lower case, ministries,
spokesmen, ministers and a headline's government.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run, _verdict

from extract import extract_claims
from reconcile.sources import source_names


def test_paired_counts_and_common_noun_sources() -> None:
    result = _run(
        {
            "a": ("Turnout in Lisbon was put at 12,000 for the police and 70,000 for the "
                  "organisers on Saturday.", MARCH),
            "b": ("Unions said 70,000 people marched in Lisbon on Saturday, although police "
                  "put the figure at 12,000.", MARCH),
        }
    )  # fmt: skip
    assert _of(result, "12,000", "a")["asserter"] == "Police"
    assert _of(result, "12,000", "b")["asserter"] == "Police"
    assert _of(result, "70,000", "a")["asserter"] == "Organisers"
    assert _of(result, "70,000", "b")["asserter"] == "Unions"
    # five to ten times apart is what a march's two sides usually claim: a divergence
    assert _verdict(result, "12,000") == "diverge"


@pytest.mark.parametrize("group", ["Relatives", "Residents", "Doctors", "Activists"])
def test_a_group_of_people_speaking_for_themselves_is_a_source(group: str) -> None:
    # those who were there give counts of their own against the officials' ("relatives say")
    result = _on_one_day(
        "Officials in Peru said 22 people died in the mine fire.",
        f"{group} in Peru said 40 people had died in the mine fire.",
    )
    assert _of(result, "40 people", "b")["asserter"] == group


def test_a_figure_first_given_by_another_source_is_that_source_s() -> None:
    result = _run(
        {
            "a": ("Charities said 8,000 families had lost their homes in Portugal, a figure "
                  "first given by the Civil Protection Agency.", MARCH),
        }
    )  # fmt: skip
    row = _of(result, "8,000")
    assert row["asserter"] == "Civil Protection Agency"
    assert row["concept_key"] == "displaced"


def test_the_minister_alone_speaks_for_the_article_s_government() -> None:
    # "the minister" with no name is a member of the government the article is about, as
    # "ministers" are: set against a body's own count, the two are rival sources
    result = _on_one_day(
        "Peru's government said repairing the dam would cost 120 million soles.",
        "Repairing the dam in Peru will cost 120 million soles by the minister's reckoning, "
        "at least 400 million soles according to the Builders' Guild.",
    )
    assert (
        _of(result, "120 million", "b")["asserter"] == _of(result, "120 million", "a")["asserter"]
    )
    assert _of(result, "at least 400 million", "b")["asserter"] == "Builders' Guild"


def test_the_opening_source_written_in_lower_case_still_gives_its_figures() -> None:
    # the attribution names the body the sentence opens with, in its own words
    result = _on_one_day(
        "The porters' union said it counted 310 patients on trolleys in Lima on Tuesday, up "
        "from 260 on Sunday."
    )
    assert _of(result, "310")["asserter"] == _of(result, "260")["asserter"] == "Porters' union"


def test_a_ministry_named_by_a_common_noun_is_the_article_s_government() -> None:
    ministry = (
        "Dengue cases rise in Peru\n\nDengue fever has killed 30 people in Peru this month, the "
        "health ministry said on Tuesday. The ministry said it had recorded 9,000 infections."
    )
    agency = (
        "Peru dengue toll undercounted, says UN\n\nThe United Nations said on Tuesday that "
        "about 120 people had died of dengue in Peru."
    )
    result = _run({"a": (ministry, MARCH), "b": (agency, MARCH)})
    assert _of(result, "30")["asserter"] == "Peru government"
    assert _of(result, "9,000")["asserter"] == "Peru government"
    # the ministry's toll and the UN's, four times apart on one day: two sources diverge
    assert _verdict(result, "30") == "diverge"


def test_a_body_named_in_lower_case_is_a_source_of_its_own() -> None:
    result = _on_one_day(
        "About 9,000 nurses in Peru stopped work on Tuesday, the nurses' federation said.",
        "On Tuesday 2,500 nurses in Peru stopped work, according to the hospitals' association.",
    )
    assert _of(result, "About 9,000")["asserter"] == "Nurses' federation"
    assert _of(result, "2,500")["asserter"] == "Hospitals' association"
    assert _verdict(result, "2,500") == "diverge"  # two sides, 3.6 times apart, one day


@pytest.mark.parametrize(
    ("written", "source"),
    [
        ("the maritime authority", "Maritime authority"),
        ("central bank", "Central bank"),
        ("analysts", None),  # people, no body
        ("its union", None),  # a body named before, not one of its own
        ("finance ministry", None),  # the article's government (read apart)
    ],
)
def test_which_lower_case_words_name_a_body(written: str, source: str | None) -> None:
    assert source_names([written]).get(written) == source


@pytest.mark.parametrize(
    ("names", "linked"),
    [
        (["Port Health Directorate", "directorate spokesman Ana Ruiz"], True),
        # two ministries: which one the spokesman speaks for is not known
        (["Health Ministry", "Interior Ministry", "ministry spokesman Ana Ruiz"], False),
    ],
)
def test_a_spokesman_named_after_his_body_s_noun_speaks_for_it(
    names: list[str], linked: bool
) -> None:
    found = source_names(names)
    assert (found[names[-1]] == names[0]) is linked


def test_a_body_named_in_lower_case_then_by_its_name() -> None:
    text = (
        "Winds reached 200 km/h, according to the Weather Office. About 900 homes were "
        "without power on Monday, according to the state utility, Grelco, which said "
        "repairs would take days."
    )
    rows = extract_claims(text, doc_id="a", published=MARCH)
    assert rows.filter(pl.col("surface").str.starts_with("About 900")).item(0, "attribution") == (
        "Grelco"
    )


def test_a_ministry_of_a_country_no_gazetteer_knows_is_its_government() -> None:
    result = _on_one_day(
        "Quenmark's finance minister said floods had left 9,000 people homeless in Quenmark. "
        "The housing ministry put the number at 8,800."
    )
    assert _of(result, "8,800")["asserter"] == "Quenmark government"


def test_a_ministry_of_a_country_no_report_names_is_still_a_government() -> None:
    result = _on_one_day(
        "The growers' federation said on Monday that the frost had cost its members about "
        "€70 million. The farm ministry put the losses at €25 million on the same day."
    )
    # one government, whose country no report names, against the growers: two sources
    assert _of(result, "€25 million")["asserter"] == "Government"
    assert _verdict(result, "€25 million") == "diverge"


@pytest.mark.parametrize(
    "body",
    [
        "Peru's finance minister, Ana Ruiz, said on Monday the floods had cost about $3 billion.",
        "Finance Minister Ana Ruiz said on Monday the floods in Peru had cost about $3 billion.",
    ],
)
def test_a_minister_named_with_the_office_and_a_headline_s_government_are_one_source(
    body: str,
) -> None:
    result = _on_one_day(f"Government puts flood damage at $3 billion\n\n{body}")
    assert _of(result, "$3 billion")["asserter"] == "Peru government"
    assert _of(result, "about $3 billion")["asserter"] == "Peru government"
    assert _verdict(result, "$3 billion") == "single"


def test_a_figure_a_headline_sets_aside_is_not_the_opening_name_s() -> None:
    """ "Port board says repairs will cost $40 million, not $12 million": the $12 million is
    the figure the board rejects; the name the headline opens with is not its source."""
    result = _run(
        {
            "a": (
                "Port board says repairs will cost $40 million, not $12 million\n\n"
                "The port board said on Monday that repairing the quay would cost $40 million.",
                dt.date(2031, 3, 4),
            )
        }
    )
    assert str(_of(result, "$12 million")["asserter"]).startswith("unattributed")
    assert _of(result, "$40 million")["asserter"] == "Port board"
