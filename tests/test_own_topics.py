"""Reconciliation on stories nobody fitted the rules to (issue 11).

``tests/data/own_topics`` holds invented stories in our own words (an earthquake whose toll
rises while a rescue group gives a higher one; a protest on two days counted by the police, the
unions and the ministry; a shipwreck; a cholera outbreak; a dockworkers' strike; an economic
outlook; a hurricane; a national election and its count; a company's data breach; a week of
fighting on a border; a drought and a food appeal; a train derailment; a wildfire; a carmaker's
results and job cuts; an oil spill; a heatwave; a bank run; a dam giving way above a river
valley; a tunnel collapse in a copper mine; an airline stopping flying; an explosion at a
fertiliser plant; people fleeing a civil war into two neighbouring countries; a crush at a
football stadium; a road bridge falling into a river; a stomach-bug outbreak on a cruise ship;
bird flu on poultry farms; a city's water contaminated under a boil-water notice; desert locusts
over a country's farmland and its neighbour's; a carmaker's recall over a steering fault; a
landslide burying a hillside district; a central bank's rate rise and house prices; a two-day
teachers' strike over pay; a rebel-held city shelled and a humanitarian pause; a high-speed
railway's cost overrun found by state auditors; a listeria outbreak traced to a creamery's
cheeses; a fire on an island car ferry; a defaulted country's bond restructuring; a three-day
national transport strike; a ransomware attack on a hospital that turns ambulances away; fish
dying in a river below a pulp mill; a leaked school-leaving exam and its resits; hail over a
wine valley; a city marathon on a record hot day; a fake online trading ring's call centres
raided; a gas pipeline blowing apart beside a village; a nationwide phone network outage after a
faulty update; a crush of pilgrims on a footbridge at a river festival; a chemical tanker leaking
styrene in a port; a university funding cut and the protests against it; a cocoa harvest
forecast cut and the market after it; a wave of deaths from spirits laced with methanol; a
state pricing council refusing to pay for a costly medicine; a jail riot and its dead, escaped and
hostages; a coach crash; a shipping canal blocked; a fraud through a bank's app; a blizzard
stranding drivers on a motorway; a week of record demand at food banks; a week of winter smog
over a city; a shortage of nurses in public hospitals and a strike ballot; a lithium mine's water
beside a dry town; a fire in a council tower block; a grain silo blowing up in a port; a
sovereign wealth fund's loss on a bankrupt builder; a dengue outbreak short of vaccine) with the groups and verdicts written by hand
before the tool was first run on them
(``expected.yaml``). The corpora are scored as
``benchmarks/own_topics_eval.py`` scores them. What the output still gets wrong on a story is
written in its ``known.yaml`` (``wrong``, ``not_held``, ``notes`` on its first run and what
still fails, and ``false_divergence``, why a false divergence is still shown, which marks that
story's false-divergence test as an expected failure); a story without one is known to get
nothing wrong. The rules the stories showed
missing are tested on made-up sentences of their own in
``tests/test_reconcile_{places,sources,dates,tolls,counts,economy,disasters,elections}.py``,
``tests/test_reconcile_hunger.py``, ``tests/test_reconcile_accidents.py`` and
``tests/test_reconcile_rivals.py``. Nothing here reads ``../shared``.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
import yaml
from conftest import load_benchmark

SCORER = load_benchmark("own_topics_eval", "own_topics_eval.py")

#: What a story's ``known.yaml`` lists: its keys whose verdict is not as written ("wrong"),
#: and those whose claims are not held in one quantity ("not_held").
KNOWN_FIELDS = ("wrong", "not_held")


def known(name: str) -> dict[str, set[str]]:
    """The keys story ``name`` is known to get wrong, by field of ``KNOWN_FIELDS``.

    Parameters
    ----------
    name : str
        A story folder of ``tests/data/own_topics``.

    Returns
    -------
    dict of str to set of str
        Each field's keys, read from the story's ``known.yaml``; empty sets when it has none.

    Raises
    ------
    ValueError
        When ``known.yaml`` holds a field other than ``KNOWN_FIELDS``, ``notes`` and
        ``FALSE_DIVERGENCE``.
    """
    spec = _spec(name)
    return {field: {str(key) for key in spec.get(field) or ()} for field in KNOWN_FIELDS}


def _spec(name: str) -> dict[str, Any]:
    """Story ``name``'s ``known.yaml`` as read, its fields checked (see :func:`known`)."""
    path = SCORER.STORIES / name / "known.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    allowed = {*KNOWN_FIELDS, "notes", FALSE_DIVERGENCE}
    if not set(spec) <= allowed:
        raise ValueError(f"{path}: unknown fields {sorted(set(spec) - allowed)}")
    return dict(spec)


#: The field of a ``known.yaml`` that says why a story still shows a false divergence: its
#: :func:`test_no_false_divergence` is then expected to fail (strictly: once the divergence is
#: gone the test fails until the field is removed). A known defect, written where it is seen.
FALSE_DIVERGENCE = "false_divergence"


def _no_false_divergence_cases() -> list[Any]:
    """Every story, marked as an expected failure where its ``known.yaml`` says why."""
    cases = []
    for name in sorted(KNOWN):
        why = _spec(name).get(FALSE_DIVERGENCE)
        marks = [pytest.mark.xfail(strict=True, reason=str(why))] if why else []
        cases.append(pytest.param(name, marks=marks, id=name))
    return cases


#: The stories, each with its keys the output still gets wrong.
KNOWN: dict[str, dict[str, set[str]]] = {
    folder.name: known(folder.name) for folder in SCORER.story_folders()
}


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return SCORER


@pytest.fixture(scope="module")
def scores(scorer: ModuleType) -> dict[str, dict[str, Any]]:
    out = {}
    for name in KNOWN:
        folder = scorer.STORIES / name
        story = scorer.load_story(folder)
        out[name] = scorer.score(story, *scorer.run_story(story, folder))
    return out


@pytest.mark.parametrize("name", _no_false_divergence_cases())
def test_no_false_divergence(scores: dict[str, dict[str, Any]], name: str) -> None:
    assert scores[name]["false_div"] == 0
    assert scores[name]["div_unannotated"] == 0


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_every_verdict_as_written_before_the_run(
    scores: dict[str, dict[str, Any]], name: str
) -> None:
    lines = scores[name]["lines"]
    wrong = {
        key for key, want, got, _, _ in lines if got != want and (want, got) != ("agree", "echo")
    }
    assert wrong == KNOWN[name]["wrong"]
    assert {key for key, _, _, held, _ in lines if not held} == KNOWN[name]["not_held"]
    # every divergence written down is found, but those listed as wrong
    diverging = {key for key, want, _, _, _ in lines if want == "diverge"}
    assert scores[name]["div_found"] == len(diverging - KNOWN[name]["wrong"])
