"""The tables :func:`reconcile.reconcile` returns: column names and types.

Column names are a contract with the notebooks and plots; change them together.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from extract.schema import BOUND_ENUM

_Types = dict[str, pl.DataType | type[pl.DataType]]

__all__ = [
    "ASSERTIONS_SCHEMA",
    "CHECKS_SCHEMA",
    "CLAIM_COLUMNS",
    "QUANTITIES_SCHEMA",
    "STANCES_SCHEMA",
    "VERDICTS",
    "VERDICT_ENUM",
    "Verdict",
]

Verdict = Literal["agree", "diverge", "single", "growth", "echo", "uncertain"]
#: ``echo``: one source's figure carried by several reports or outlets; ``uncertain``: the
#: figures differ but whether they measure the same thing is not sure ("possibly the same").
VERDICTS: tuple[Verdict, ...] = ("agree", "diverge", "single", "growth", "echo", "uncertain")
VERDICT_ENUM = pl.Enum(list(VERDICTS))
CHECK_KINDS = pl.Enum(
    ["parts_sum", "share_of_whole", "change_direction", "cumulative", "restatement", "input"]
)
#: ``derived``: a figure the check works out ("10% of the whole" implies the whole's size) with
#: no stated figure to hold it against: nothing was checked, so it neither holds nor fails.
CHECK_STATUS = pl.Enum(["holds", "fails", "warning", "derived"])

#: Columns added to the claims table (the input columns are kept as they were). Text that
#: takes few distinct values is a categorical (four bytes a row, each value held once; read
#: as text with ``.cast(pl.String)``): a million claims' added columns take some 140 MB less.
#: The ids stay text: they are joined with other tables' (``quantity_id``), or nearly every
#: assertion's is its own (``assertion_id``).
_CLAIM_COLUMNS: _Types = {
    "entity": pl.Categorical(),  # canonical subject ("Acme Group")
    "concept_key": pl.Categorical(),  # canonical measured concept ("personnel")
    "asserter": pl.Categorical(),  # canonical asserter ("US government")
    "as_of": pl.Date,  # the date the figure describes
    "norm_value": pl.Float64,  # value in norm_unit (money in the reporting currency)
    "norm_unit": pl.Categorical(),
    "norm_per": pl.Categorical(),  # rate period after normalisation (money rates: month)
    "interval_low": pl.Float64,  # documented reading of the hedge, in norm_unit
    "interval_high": pl.Float64,
    "quantity_id": pl.String,  # null: not grouped (furniture, unusable), see group_note
    "assertion_id": pl.String,
    "group_note": pl.Categorical(),
    "entity_source": pl.Categorical(),  # the words that chose the entity
    "concept_source": pl.Categorical(),  # the words that chose the measure
    "population": pl.Categorical(),  # a particular group counted ("worker"), else null
    "period": pl.Categorical(),  # a reference year named in the sentence ("in 2021"), else null
    "frame_sure": pl.Boolean,  # measure and place read from the figure's own words
    # what its own words say its measure is not ("another measure", "places counted", "where
    # counted"), else null; and the word that says it ("missing", "province", "clinic")
    "is_delta": pl.Boolean,  # a change ("rose by 900"), not a level reached ("fell to 900")
    "superseded": pl.Boolean,  # a figure its source has since replaced ("instead of 900")
    "frame_doubt": pl.Categorical(),
    "frame_doubt_word": pl.Categorical(),
}
CLAIM_COLUMNS = pl.Schema(_CLAIM_COLUMNS)

_QUANTITIES_SCHEMA: _Types = {
    "quantity_id": pl.String,
    "series_id": pl.String,  # the same quantity across time windows
    "label": pl.String,
    "subject": pl.String,
    "concept": pl.String,
    "noun": pl.String,  # the concept as a label words it ("people missing"); never pluralise it
    "dimension": pl.String,
    "unit": pl.String,
    "per": pl.String,
    "as_of_start": pl.Date,
    "as_of_end": pl.Date,
    "n_reports": pl.Int64,
    "n_assertions": pl.Int64,
    "low": pl.Float64,
    "best": pl.Float64,
    "high": pl.Float64,
    "spread": pl.Float64,
    "verdict": VERDICT_ENUM,
    "why": pl.String,
    "n_sources": pl.Int64,  # named independent sources among the assertions
    # figures grouped here but left out of the consensus, range and verdict because they may
    # be misprinted, as printed ("475,00"; the claims' ``doubt`` says why); empty when none
    "doubtful": pl.List(pl.String),
}
QUANTITIES_SCHEMA = pl.Schema(_QUANTITIES_SCHEMA)

#: One row for every few claims: the text of few distinct values (names, words, the
#: documents and outlets of each) is categorical, as in the claims (see ``_CLAIM_COLUMNS``).
_ASSERTIONS_SCHEMA: _Types = {
    "assertion_id": pl.String,
    "quantity_id": pl.String,
    "asserter": pl.Categorical(),  # canonical (camp) name
    "asserters": pl.List(pl.Categorical()),  # the names as written in the reports
    "as_of": pl.Date,
    "best": pl.Float64,
    "interval_low": pl.Float64,
    "interval_high": pl.Float64,
    "bound": BOUND_ENUM,
    "qualifier": pl.Categorical(),
    "surface": pl.String,  # one representative surface
    "n_reports": pl.Int64,
    "doc_ids": pl.List(pl.Categorical()),
    "outlets": pl.List(pl.Categorical()),
    "first_published": pl.Date,
    "claim_ids": pl.List(pl.String),
    "disputed_by": pl.List(pl.String),
    "weight": pl.Float64,  # asserter reliability used for the consensus (1.0 for median)
    "doubt": pl.Categorical(),  # why every report of the figure may be misprinted (claims' doubt)
}
ASSERTIONS_SCHEMA = pl.Schema(_ASSERTIONS_SCHEMA)

_CHECKS_SCHEMA: _Types = {
    "check_id": pl.String,
    "kind": CHECK_KINDS,
    "status": CHECK_STATUS,
    "description": pl.String,
    "expected": pl.Float64,
    "observed": pl.Float64,
    "claim_ids": pl.List(pl.String),
    "quantity_ids": pl.List(pl.String),
}
CHECKS_SCHEMA = pl.Schema(_CHECKS_SCHEMA)

_STANCES_SCHEMA: _Types = {
    "doc_id": pl.String,
    "who": pl.String,  # who denies or disputes
    "sentence": pl.String,
    "entities": pl.List(pl.String),  # whom the disputed reports are about
    "assertion_ids": pl.List(pl.String),
}
STANCES_SCHEMA = pl.Schema(_STANCES_SCHEMA)
