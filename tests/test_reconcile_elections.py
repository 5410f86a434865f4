"""An election: shares, votes, seats and spending a party holds, polls, turnout, limits and
a rally's crowd.

Rules the invented stories of ``tests/data/own_topics`` showed missing (issue 11), on
made-up sentences of their own.
"""

from __future__ import annotations

import pytest
from reconcile_sentences import MARCH, _of, _on_one_day, _run, _verdict


def test_shares_held_by_two_parties_are_two_quantities() -> None:
    # the subject of "had"/"won", a name alone after "and", the object of "gave": whose share
    # it is; a short name ("the Harvest Bloc") is the long one the texts give
    result = _run(
        {
            "a": ("With half the votes counted in Peru, the Harvest Bloc had 41.0% and the "
                  "Liberal Compass Party 29.5%, the electoral office said.", MARCH),
            "b": ("The electoral office in Peru said the Peruvian Harvest Bloc had won 42.2% of "
                  "the vote, with the Liberal Compass Party on 30.1%.", MARCH.replace(day=6)),
            "c": ("A poll in Peru gave the Liberal Compass Party 35% on Friday.",
                  MARCH.replace(day=12)),
        }
    )  # fmt: skip
    bloc, compass = _of(result, "41.0%"), _of(result, "29.5%")
    assert bloc["concept_key"] == "vote: peruvian harvest bloc"
    assert compass["concept_key"] == "vote: liberal compass party"
    assert bloc["quantity_id"] != compass["quantity_id"]
    assert _of(result, "42.2%")["quantity_id"] == bloc["quantity_id"]
    assert _of(result, "35%")["concept_key"].endswith(": liberal compass party")


@pytest.mark.parametrize(
    ("text", "surface", "part"),
    [
        ("The Harvest Bloc won 61 seats in Peru.", "61", "harvest bloc"),
        ("The Harvest Bloc, with 61 seats, will form Peru's next government.", "61",
         "harvest bloc"),
        ("Talks began with the Harvest Bloc, which won 14 seats in Peru.", "14", "harvest bloc"),
        # a day after a comma names no holder, nor does a place
        ("Floods killed 40 people in Peru, officials said on Monday, with 12 missing.", "12",
         None),
        ("Peru has 61 seats in the assembly.", "61", None),
    ],
)  # fmt: skip
def test_the_name_that_holds_a_count(text: str, surface: str, part: str | None) -> None:
    key = _of(_run({"a": (text, MARCH)}), surface)["concept_key"]
    assert (key.split(": ", 1)[1] if ": " in key else None) == part


def test_a_turnout_in_percent_is_no_crowd() -> None:
    result = _on_one_day(
        "Turnout in Peru's election was 61%, the electoral office said.",
        "Police said the turnout at the march in Lima was 20,000.",
    )
    assert _of(result, "61%")["concept_key"] == "turnout"
    assert _of(result, "20,000")["concept_key"] == "crowd"


@pytest.mark.parametrize(
    ("text", "surface", "measure"),
    [
        ("About 4.2 million people in Peru are registered to vote.", "About 4.2", "registered voter"),
        # (narrower than the votes its noun counts, as "excess deaths" are than deaths)
        ("In Peru 51,000 ballots were spoiled, the electoral office said.", "51,000",
         "spoiled vote"),
        ("About 6.1 million people in Peru were entitled to vote.", "About 6.1",
         "registered voter"),
        # (the noun counted is "voter", whose measure is votes: the narrower one wins)
        ("Some 4.3 million registered voters in Peru can take part, officials said.", "Some 4.3",
         "registered voter"),
        ("A poll in Peru put the Harvest Bloc on 38%.", "38%", "poll"),
    ],
)  # fmt: skip
def test_an_election_s_counts_are_not_its_votes(text: str, surface: str, measure: str) -> None:
    key = _of(_run({"a": (text, MARCH)}), surface)["concept_key"]
    assert key.split(": ", 1)[0] == measure


def test_a_share_a_poll_gives_is_the_poll_s() -> None:
    # "of the vote" is what the poll measures, not the count; the name after "and" holds a
    # share of the same poll
    result = _run(
        {
            "a": ("An exit poll in Peru gave the Harvest Bloc 44% of the vote and the Liberal "
                  "Compass Party 30%.", MARCH),
            "b": ("With all votes counted in Peru, the Harvest Bloc had 39.5%.",
                  MARCH.replace(day=8)),
        }
    )  # fmt: skip
    assert _of(result, "44%")["concept_key"] == "poll: harvest bloc"
    assert _of(result, "30%")["concept_key"] == "poll: liberal compass party"
    assert _of(result, "39.5%")["concept_key"] == "vote: harvest bloc"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("The Harvest Bloc kept its campaign spending in Peru within the $3 million limit.",
         "$3 million"),
        ("In Peru the legal limit on a party's campaign spending is $3 million.", "$3 million"),
        ("Peru set a cap of $3 million on campaign spending.", "$3 million"),
    ],
)  # fmt: skip
def test_a_limit_set_on_a_measure_is_no_level_of_it(text: str, surface: str) -> None:
    result = _on_one_day(text, "The Harvest Bloc in Peru spent $2.8 million on its campaign.")
    limit, spent = _of(result, surface, "a"), _of(result, "$2.8", "b")
    assert limit["concept_key"].endswith(" limit")
    assert limit["quantity_id"] != spent["quantity_id"]


@pytest.mark.parametrize(
    "text",
    [
        "The train entered a bend in Peru where the limit is 80 km/h.",
        "The train in Peru passed the bend at twice the 80 km/h limit.",
        "Peru's regulator set a cap of 80 km/h on the line.",
    ],
)
def test_a_limit_its_words_do_not_say_of_what_is_a_limit(text: str) -> None:
    # (the limit's own word is no measure it is set on: no "limit limit", no "cap limit")
    assert _of(_run({"a": (text, MARCH)}), "80 km/h")["concept_key"] == "limit"


def test_a_measured_maximum_is_no_limit() -> None:
    # "maximum" before a measure is most often the peak measured, not a bound set on it
    result = _on_one_day(
        "The storm reached Peru with maximum sustained winds of 190 km/h, the weather office said.",
        "The weather office said the storm's sustained winds reached 185 km/h in Peru.",
    )
    peak, later = _of(result, "190 km/h", "a"), _of(result, "185 km/h", "b")
    assert not peak["concept_key"].endswith(" limit")
    assert peak["concept_key"] == later["concept_key"]


def test_what_a_party_spent_is_its_own_spending() -> None:
    result = _on_one_day(
        "The Harvest Bloc spent $2.8 million on its campaign in Peru.",
        "The Liberal Compass Party spent $0.9 million in Peru.",
    )
    bloc, compass = _of(result, "$2.8"), _of(result, "$0.9")
    assert bloc["concept_key"] == "spending: harvest bloc"
    assert bloc["quantity_id"] != compass["quantity_id"]


def test_the_opposition_s_turnout_against_the_electoral_office_s_diverges() -> None:
    # "recorded turnout of about 45%": the share's measure is named right before it, as sure
    # as its own phrase; 61% against about 45% on one day, from two sources
    result = _on_one_day(
        "Turnout in Peru's election on Sunday was 61%, the electoral office said.",
        "The opposition in Peru said its own observers recorded turnout of about 45% on Sunday.",
    )
    assert _of(result, "61%")["quantity_id"] == _of(result, "of about 45%")["quantity_id"]
    assert _verdict(result, "61%") == "diverge"


def test_those_who_attend_a_rally_are_its_crowd() -> None:
    result = _on_one_day(
        "Police said about 8,000 people attended the rally in Lima on Saturday. The Harvest "
        "Bloc said at least 30,000 supporters had filled the square on Saturday."
    )
    police, party = _of(result, "about 8,000"), _of(result, "at least 30,000")
    assert police["concept_key"] == party["concept_key"] == "crowd"
    assert police["quantity_id"] == party["quantity_id"]
    assert _verdict(result, "about 8,000") == "diverge"


def test_the_seats_a_majority_needs_are_no_party_s_seats() -> None:
    result = _on_one_day(
        "The Greens won 71 seats in Peru's assembly, short of the 76 seats needed for a majority.",
        "With its partner, the Greens would hold 80 seats in Peru's assembly; 76 are needed for a "
        "majority.",
    )
    needed = _of(result, "76 seats")
    assert needed["concept_key"] != _of(result, "71 seats")["concept_key"]
    assert needed["quantity_id"] == _of(result, "76", "b")["quantity_id"]
    assert needed["quantity_id"] != _of(result, "80 seats")["quantity_id"]
