"""The works a long document names are found in one pass over it: each generic source
("the study", "the researchers") reads as it does in the text before its own figure; on a
made-up document of thousands of figures, in our own words."""

from __future__ import annotations

import itertools

import polars as pl

from reconcile.sources import NamedWorks, _with_antecedents, antecedent_source

#: Ways an article names a work, with a name to fill in; the last ones name a place, not a body.
NAMINGS = [
    "A report by the {} appeared on Monday. ",
    "The report from the Lisbon-based {} was short. ",
    "The {}'s latest survey covers ferries. ",
    "Its authors called it the \u201c{} model\u201d. ",
    "They relied on the '{}' forecast of freight. ",
    "A study published in the {} says more. ",
    "A {} analysis gave a lower figure. ",
    "An analysis from economists at the {} was cited. ",
    "Then came a paper by {}. ",
    "A Chile study and a Peru report were quoted. ",
    "Nothing was named in this sentence. ",
]
NAMES = ["Harbour Institute", "Quay Trust", "Ferry Watch", "Journal of Tides", "Dock Board"]
GENERIC = [
    "the study", "the report", "the model", "a recent survey", "the analysis", "the forecast",
    "researchers", "the authors", "its own paper", "the economists", "the projection",
]  # fmt: skip


def long_document(figures: int) -> tuple[str, pl.DataFrame]:
    """A document of ``figures`` figures, each after a naming of a work; every third figure's
    offset falls inside the naming before it (a cut through a name), the others after it."""
    text = ""
    rows = []
    namings = itertools.cycle(NAMINGS)
    names = itertools.cycle(NAMES)
    for i in range(figures):
        naming = next(namings).format(next(names))
        at = len(text) + (len(naming) * 2 // 3 if i % 3 == 0 else len(naming))
        text += naming + f"Freight fell by {i % 90 + 5}%, {GENERIC[i % len(GENERIC)]} says. "
        rows.append(("doc", at, "", at, GENERIC[(i * 7) % len(GENERIC)]))
    claims = pl.DataFrame(
        rows, schema=["doc_id", "start", "sentence", "sentence_start", "attribution"], orient="row"
    )
    return text, claims


def test_one_pass_reads_as_the_text_before_each_figure() -> None:
    text, claims = long_document(2000)
    got = _with_antecedents(claims, {"doc": text}).get_column("_antecedent").to_list()
    # (reading the text before each figure is what is slow: all of the first 300 figures
    # are read so, and every 25th after them, to the end of the document)
    checked = [*range(300), *range(300, len(got), 25), len(got) - 1]
    rows = claims.select("start", "attribution").rows()
    want = {i: antecedent_source(rows[i][1], text[: rows[i][0]]) for i in checked}
    assert {i: got[i] for i in checked} == want
    # (the document names works of many kinds, and some figures find none)
    assert len(set(want.values())) > 10 and None in want.values()
    assert got.count(None) < len(got) / 2


def test_a_cut_inside_a_name_reads_the_name_as_far_as_the_cut() -> None:
    text = "A report by the Harbour Institute of Ports came out. "
    works = NamedWorks(text)
    for cut in range(len(text) + 3):
        assert works.source_before("the report", cut) == antecedent_source("the report", text[:cut])
    assert works.source_before("the report", text.index(" of Ports")) == "Harbour Institute"
