"""What each figure measures: its ``concept_key`` and the words that chose it
(``concept_source``).

The measure read from the figure's words, else a concept word, else its head noun; a figure
that names none borrows the measure of the figure before it ("that number") or of the same
figure in another article; and what a bare count its clause calls "the number of" children
counts. Steps of :func:`reconcile.identify.assign_keys`.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from extract.inflection import singular
from extract.lexicon import lexicon

from .columns import join_beside, on_rows, per_distinct, sorted_by
from .dating import _HEDGE
from .frames import (
    GENERIC_NOUNS,
    HEDGES,
    MEASURE_READINGS,
    MEASURE_READS,
    PHYSICAL,
    REVERSED,
    after_figure,
    alternation,
    before_figure,
    drop_plural_s,
    read_measure,
)
from .parts import POINTING
from .tables import Tables, reading_words

__all__ = ["POINTED_BACK", "VAGUE"]

#: The word lists read around a figure (``data/reading_words.yaml``).
_WORDS = reading_words()
#: Dimensions of a physical quantity measured in a unit (``PHYSICAL`` but "other", which holds
#: magnitudes and degrees of no dimension): their figures are read against physical measures.
_MEASURED_DIMENSIONS = tuple(d for d in PHYSICAL if d != "other")
#: A figure written only as a plural magnitude ("thousands of", "tens of millions").
VAGUE = r"(?i)^[^0-9]*\b(?:dozens|scores|hundreds|thousands|millions|billions|trillions)\b[^0-9]*$"


def _lends() -> pl.Expr:
    """Whether a figure lends what it counts to a figure after it that points back or goes
    on from it: not an order of size with no number ("tens of thousands of families"), which
    no figure is set against."""
    return ~pl.col("surface").fill_null("").str.contains(VAGUE)


def _read_measures(claims: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """``claims`` with the measure read from each figure's words (:func:`read_measure`): a
    figure of a physical unit against the physical measures of its dimension
    (``Tables.physical_forms``), any other against the rest. Each part is read on its rows
    and the columns :func:`read_measure` reads alone, at most ``_MEASURE_BATCH`` rows at a
    time, and its readings set beside the claims (a copy of each part's rows of every column,
    put back in order, would copy the table)."""
    read = functools.partial(
        read_measure,
        people=_WORDS.people_measures,
        money=_WORDS.money_measures,
        level_verbs=_WORDS.level_verbs,
        actors=(*_WORDS.body_nouns, *_WORDS.actor_nouns),
        states=_WORDS.state_words,
        plurals=_WORDS.plural_measures,
    )
    dimension = pl.col("dimension").cast(pl.String)
    physical = dimension.is_in(list(tables.physical_forms)).fill_null(False)
    kinds = claims.select(dimension.filter(physical).unique().sort()).to_series()
    if kinds.is_empty() and claims.height <= _MEASURE_BATCH:
        return read(claims, tables.measure_forms)
    read_columns = claims.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"), *MEASURE_READS
    )
    parts = [(~physical, tables.measure_forms)]
    parts += [(dimension == kind, tables.physical_forms[kind]) for kind in kinds]
    found = pl.concat(
        [
            read(batch.filter(keep), forms).select("_row", *MEASURE_READINGS)
            for batch in read_columns.iter_slices(_MEASURE_BATCH)
            for keep, forms in parts
        ],
        how="vertical_relaxed",
    ).sort("_row")
    return claims.with_columns(found.drop("_row").get_columns())


#: Rows read at a time by :func:`read_measure`, whose readings of a row read that row alone:
#: the words it cuts and rewrites are held for one batch at a time.
_MEASURE_BATCH = 200_000


#: "the number of acutely malnourished children under five had risen to": the words after
#: "the number of" in a bare figure's clause before it (group 1), among them its noun.
_NUMBER_OF = r"(?i)\bthe\s+number\s+of\s+((?:[a-z-]+\s+){1,4})[^,;:.()]*$"


def _plural_noun(words: str) -> str | None:
    """The first plural noun of ``words``, made singular ("acutely malnourished children
    under" -> "child"), else None."""
    for word in words.lower().split():
        if (one := singular(word)) != word:
            return one
    return None


def _number_of(frame: pl.DataFrame) -> pl.DataFrame:
    """``_counted``: what a bare count its clause calls "the number of" a plural noun counts
    ("the number of acutely malnourished children under five had risen to 51,000": children),
    as a counted noun after the figure would say ("51,000 children"); else null."""
    bare = (pl.col("dimension") == "count") & pl.col("unit").is_null()
    phrase = pl.when(bare).then(before_figure()).str.extract(_NUMBER_OF, 1)
    frame = frame.with_columns(_counted=phrase)
    found = frame.get_column("_counted").drop_nulls().unique().to_list()
    nouns = {words: _plural_noun(words) for words in found}
    return frame.with_columns(
        _counted=pl.col("_counted").replace_strict(nouns, default=None, return_dtype=pl.String)
    )


#: Where a figure pointing back ("that number", "a lower figure") took its entity from.
POINTED_BACK = "the figure just before it ('that number')"
#: "..., and this has since fallen to 5%": a clause whose subject is a bare pronoun and
#: whose verb moves a figure continues the figure before it.
_IT_MOVED = (
    r"(?i)^\s*(?:and\s+|but\s+|since\s+then\s+)?(?:it|this|that)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:since\s+|now\s+|then\s+|also\s+)?(?:been\s+)?(?:rose|risen|fell|fallen|grew|grown|"
    r"climbed|dropped|increased|decreased|declined|jumped|reached|hit|stood|stands|revised|"
    r"raised|lowered|cut|edged|slipped)(?:\s+(?:up|down|back))?\s+(?:to|at)\s+" + _HEDGE
)

#: "The chamber put the cost at EUR 420 million, while the ministry estimated it at about EUR
#: 150 million": a figure a source puts "it" at is its estimate of what the figure before
#: measures, and takes that figure's measure.
_PUT_IT_AT = (
    r"(?i)\b(?:put|puts|putting|estimated|estimates|estimate|estimating|placed|places|place|"
    r"placing|pegged|pegs|peg|valued|values|value|valuing|reckoned|reckons|set|sets|setting)\s+"
    r"(?:it|them|that)\s+at\s+" + _HEDGE
)

#: "The ministry gave a much lower figure, saying about 18,000 tonnes had spoiled": a figure
#: its sentence calls a higher or lower one (than the figure before) is a rival estimate of
#: the same thing, and takes that figure's measure.
_RIVAL_FIGURE = (
    r"(?i)\b(?:an?|its|their|the)\s+(?:(?:much|far|slightly|still|even|very)\s+)?(?:lower|higher|"
    r"smaller|larger|bigger|rival|different)\s+(?:figure|estimate|number|count|toll|tally|total)"
    r"\b[^.;]*$"
)


#: Words that end a physical figure's phrase without naming what it measures: numbers and
#: multiples ("twice the 40 tonnes"), nouns of a count or record ("a record of 12 GW", "its
#: estimate of 9 km") and of a body that gave it ("the weather office confirmed 38.4C")
_NO_HEADS = frozenset(
    {
        *lexicon().number_words,
        *_WORDS.multiple_words,
        *_WORDS.records,
        *_WORDS.source_nouns,
        *_WORDS.body_nouns,
        *_WORDS.actor_nouns,
    }
)


def _own_head(head: pl.Expr) -> pl.Expr:
    """The last word of a figure's phrase (``head``) as what it measures; for a figure of a
    physical unit none that is a name ("Ostry reached 38.4C", "the Dunmore Belle's 600
    tonnes": ``_c_name``), a number or a record's noun (``_NO_HEADS``): such a figure is
    named by its dimension, as "temperature" or "mass"."""
    stray = pl.col("_c_name") | head.is_in(list(_NO_HEADS))
    physical = pl.col("dimension").is_in(_MEASURED_DIMENSIONS).fill_null(False)
    return pl.when(physical & stray).then(None).otherwise(head)


#: How a figure that takes the measure of the figure compared with it is explained.
COMPARED_AHEAD = "the figure after it in its sentence, which the words compare with it"
#: "..., far more than the crowd of 48,500 the federation gave": a figure the words before it
#: compare with another of its sentence (the comparison, then a few words).
_COMPARED = (
    r"(?i)(?-u:\b)(?:more|fewer|less|higher|lower|greater|larger|smaller|bigger)\s+than\s+"
    r"(?:[a-z]+\s+){0,4}$"
)


def _compared_ahead(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with ``_borrow`` and ``_prev_key`` set on a figure of no known measure that
    the next figure of its sentence is compared with ("about 61,000 people were inside,
    far more than the crowd of 48,500 the federation gave"): the writer compares two counts
    of one thing, so the first takes the measure the second names."""
    # (the next figure of each document and dimension found once, by its row number, and
    # what is read of it taken from that row: a window over the documents each time would
    # group the table again)
    by_dimension = ("doc_id", pl.col("dimension"))
    row = pl.int_range(pl.len(), dtype=pl.UInt32)
    frame = frame.with_columns(_next=row).with_columns(
        _next=pl.col("_next").shift(-1).over(*by_dimension)
    )
    ahead = pl.col("_key").gather(pl.col("_next"))
    # (the words before a figure are read only in a sentence that compares: "than")
    (compared,) = on_rows(
        frame,
        pl.col("sentence").str.contains(" than ", literal=True),
        before_figure().str.extract(r"([^,;:()]*)$", 1).str.contains(_COMPARED).alias("_than"),
    )
    frame = frame.with_columns(compared.fill_null(False))
    same = pl.col("sentence_start").gather(pl.col("_next")) == pl.col("sentence_start")
    takes = (
        pl.col("_key").is_null()
        & (pl.col("dimension") == "count")
        & (pl.col("unit").is_null() | pl.col("unit").is_in(list(GENERIC_NOUNS)))
        & pl.col("_than").gather(pl.col("_next")).fill_null(False)
        & same.fill_null(False)
        & ahead.is_not_null()
        & ~pl.col("_borrow")
    )
    # (read once each: an expression is computed anew at every use)
    frame = frame.with_columns(_ahead=takes, _ahead_key=ahead).drop("_next", "_than")
    takes, ahead = pl.col("_ahead"), pl.col("_ahead_key")
    return frame.with_columns(
        _borrow=pl.col("_borrow") | takes,
        _prev_key=pl.when(takes).then(ahead).otherwise(pl.col("_prev_key")),
    ).drop("_ahead_key")


def _concepts(frame: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """``concept_key``/``concept_source``: the measure, else a concept word, else the head noun."""
    words: dict[str, str] = {}
    for key, names in tables.concepts.items():
        for name in [key, *names]:
            words.setdefault(str(name).lower(), key)
    placeholder = alternation(tables.placeholders)
    # (a pronoun is no noun a determiner points with: "that this has cut output by 2%" is
    # "that" joining a clause, not "that figure")
    noun = alternation(p for p in tables.placeholders if not re.match(POINTING, p))
    pattern = r"(?i)\b(" + alternation(words) + r")(?:e?s)?\b"
    unit_key = pl.col("unit").str.to_lowercase().replace_strict(words, default=None)
    # (the concept's words are read once for each distinct concept, not for each figure)
    readings = frame.select(pl.col("concept").unique()).with_columns(
        _c_match=pl.col("concept").fill_null("").str.extract(pattern, 1),
        _c_head=pl.col("concept")
        .fill_null("")
        .str.to_lowercase()
        .str.extract(r"([a-z][a-z-]+)\s*$", 1)
        .pipe(drop_plural_s),
        _c_name=pl.col("concept").fill_null("").str.contains(r"[A-Z][\w'\u2019-]*\s*$"),
    )
    frame = join_beside(frame, readings, "concept")
    concept_match, head = pl.col("_c_match"), _own_head(pl.col("_c_head"))
    concept_key = concept_match.str.to_lowercase().replace_strict(words, default=None)
    bare = pl.col("concept").is_null() | pl.col("concept").str.to_lowercase().str.contains(
        rf"^\s*(?:{placeholder})?\s*$"
    )
    countable = pl.col("dimension").is_in(["count", "currency", "ratio"])
    frame = frame.with_columns(
        _key=pl.when(pl.col("dimension").is_in(["duration", "age"]))
        .then(None)  # a period or an age is named by its own words, not by a concept class
        .otherwise(pl.coalesce("_measure", unit_key, concept_key)),
        _head=pl.coalesce(
            pl.when(pl.col("dimension") == "count").then(pl.col("unit")).otherwise(None),
            pl.when(~bare).then(head).otherwise(None),
        ),
        concept_source=pl.coalesce(
            pl.col("_measure_source").cast(pl.String),
            pl.when(unit_key.is_not_null()).then(pl.format("counted noun '{}'", pl.col("unit"))),
            pl.when(concept_key.is_not_null()).then(pl.format("the word '{}'", concept_match)),
        ),
    ).drop("_c_match", "_c_head", "_c_name")
    frame = sorted_by(frame, "doc_id", "start")
    # a figure with no measure of its own borrows the one just before it ("that number ...")
    # the last figure before it with a measure of its own (a list goes on: "Poland (1.5m),
    # Germany (1m), ..."), or with a noun of its own that names no known measure ("the
    # register lists 410 residents ... the true number was about 600": residents, not the
    # missing of a figure farther back)
    # (an order of size with no number, "tens of thousands of families", is no figure another
    # is set against or goes on from: it lends no measure)
    # (whether each figure lends, read once for each distinct surface)
    frame = per_distinct(
        frame, "surface", lambda surfaces: surfaces.with_columns(_c_lends=_lends())
    )
    lender = pl.when(pl.col("_c_lends")).then(pl.coalesce("_key", "_head"))
    prev_key = lender.forward_fill().shift(1).over("doc_id", pl.col("dimension"))
    prev_start, prev_value = (
        pl.when(lender.is_not_null())
        .then(pl.col(column))
        .forward_fill()
        .shift(1)
        .over("doc_id", pl.col("dimension"))
        for column in ("start", "norm_value")
    )
    by_dimension = ("doc_id", pl.col("dimension"))
    # (each read once: an expression is computed anew at every use, a window over the
    # documents too; and all in one step, which groups the documents once for them all)
    frame = frame.with_columns(
        _c_prev_key=prev_key,
        _c_prev_start=prev_start,
        _c_prev_value=prev_value,
        _prev_entity=pl.col("entity").shift(1).over(*by_dimension),
    )
    prev_key, prev_start = pl.col("_c_prev_key"), pl.col("_c_prev_start")
    prev_value = pl.col("_c_prev_value")
    near = ((pl.col("start") - prev_start) < 700) & prev_key.is_not_null()
    # (the words before and after a figure read once for each distinct text)
    frame = per_distinct(
        frame,
        before_figure().alias("_c_raw_before"),
        functools.partial(_pointing_words, noun=noun),
    )
    frame = per_distinct(frame, after_figure().alias("_c_raw_after"), _reversed_after)
    # "that number has grown to ...", "raised its own figure to ...": the figure continues the
    # one before it
    # ("the number of missing people was ..." names its own measure: no pointer)
    # ("She said the figure came from its members at 38 hospitals": a count of things of its
    # own is no figure "the figure" points back to; a rival figure still answers one)
    counted_thing = (
        (pl.col("dimension") == "count")
        & pl.col("unit").is_not_null()
        & ~pl.col("unit").is_in([*GENERIC_NOUNS, "times"])
    )
    pointer = (
        (pl.col("_c_points") & ~counted_thing) | pl.col("_c_points_back") | pl.col("_c_reversed")
    )
    frame = frame.with_columns(
        _pointer=pointer,
        _prev_key=pl.when(near).then(prev_key),
        _near=near,
    )
    pointer, prev_key, prev_entity = pl.col("_pointer"), pl.col("_prev_key"), pl.col("_prev_entity")
    # (a figure of a physical dimension is named by it, unless its words point back: "a much
    # lower figure" of tonnes is the tonnes before it)
    # (a figure with a noun of its own, "26,000 people", takes a measure from the figure
    # before, "killed 40 people ... another 20 people", but not that figure's own noun: people
    # are no count of "95 ships")
    measures = list(set(tables.measure_forms.values()))
    lends = pl.col("unit").is_null() | prev_key.is_in(measures)
    # "growth of 1.5% this year, after 2.3% in 2026", "up from 2.3%": a figure set after
    # another of its sentence, whose measure only the whole sentence names, continues it
    from_sentence = pl.col("concept_source").str.ends_with("' in the sentence").fill_null(False)
    in_sentence = (prev_start >= pl.col("sentence_start")).fill_null(False)
    same_sentence = in_sentence & pl.col("_c_set_after").fill_null(False)
    # (a sum, a share or a count of things of its own, "38 hospitals", takes no measure from
    # a figure of an earlier sentence: news sets such figures one after another while each
    # counts something else; a count of no noun or of people, "14 were still missing", "another
    # 20 people", a multiple, "four times as many", and the same figure again go on from the
    # sentence before)
    # (but a count of people, "16,500 people", after a figure of another kind goes on from
    # nothing: "... 11,000 crossed on Wednesday. The UN appealed for $310 million. The camp
    # holds 16,500 people"; a bare figure still leans on the one of its kind)
    next_to = (prev_start >= pl.col("start").shift(1).over("doc_id")).fill_null(False)
    goes_on = (
        pl.col("unit").is_null()
        | pl.col("unit").is_in(["times"])
        | (pl.col("unit").is_in(list(GENERIC_NOUNS)) & next_to)
        | (pl.col("norm_value") == prev_value).fill_null(False)
    )
    frame = frame.with_columns(
        _borrow=(
            (
                pl.col("_key").is_null()
                & countable
                & pl.col("_near")
                & lends
                & (in_sentence | goes_on)
            )
            | pointer
            | (from_sentence & same_sentence & pl.col("_near"))
        )
        & prev_key.is_not_null()
    )
    frame = _compared_ahead(frame)
    borrow = pl.col("_borrow")
    # (each column made on its own: made side by side, the texts each builds for every row
    # are all held at once)
    frame = frame.with_columns(
        concept_source=pl.when(pl.col("_ahead"))
        .then(pl.lit(COMPARED_AHEAD))
        .when(borrow)
        .then(pl.lit("the figure just before it"))
        .when(pl.col("_key").is_null() & pl.col("_head").is_not_null())
        .then(pl.format("the word '{}' (not a known measure)", pl.col("_head")))
        .otherwise(pl.col("concept_source").fill_null("its dimension")),
    )
    frame = frame.with_columns(
        concept_key=pl.when(borrow)
        .then(prev_key)
        .otherwise(pl.col("_key"))
        .fill_null(pl.col("_head"))
        .fill_null(pl.col("dimension").cast(pl.String)),
        # the measure was read from the figure's own words or its neighbour's
        frame_sure=pl.col("_key").is_not_null() | borrow,
    ).drop("_key", "_head", "_prev_key", "_near", "_ahead")
    frame = frame.with_columns(
        entity=pl.when(borrow & pointer).then(prev_entity).otherwise(pl.col("entity")),
        entity_source=pl.when(borrow & pointer)
        .then(pl.lit(POINTED_BACK))
        .otherwise(pl.col("entity_source")),
    )
    return frame.drop(
        "_pointer",
        "_prev_entity",
        "_borrow",
        "_c_prev_key",
        "_c_prev_start",
        "_c_prev_value",
        *_C_READ_ONCE,
    )


#: The readings :func:`_concepts` makes once for each distinct text, held while it reads.
_C_READ_ONCE = ("_c_lends", "_c_points", "_c_points_back", "_c_reversed", "_c_set_after")


def _pointing_words(words: pl.DataFrame, *, noun: str) -> pl.DataFrame:
    """``words`` (distinct ``_c_raw_before``, a sentence up to its figure) with whether its
    clause points back with a noun of ``noun`` (an alternation: "that number", not "the
    number of ..."; ``_c_points``) or otherwise points back to the figure before
    (``_c_points_back``), and whether it sets the figure after another ("after", "from":
    ``_c_set_after``)."""
    words = words.with_columns(_c_before=pl.col("_c_raw_before").str.extract(r"([^,;:()]*)$", 1))
    before = pl.col("_c_before")
    return words.with_columns(
        _c_points=before.str.contains(
            rf"(?i)\b(?:that|this|the|its|their)\s+(?:own\s+)?(?:{noun})\b"
        )
        & ~before.str.contains(rf"(?i)\bthe\s+(?:{noun})\s+of\s+[a-z\u201c\"']"),
        # "... and 900 in the opposite direction", "900 went the other way": the movement
        # before it, the other way round (the words of its own clause, before or after it)
        _c_points_back=before.str.contains(_IT_MOVED)
        | before.str.contains(_PUT_IT_AT)
        | pl.col("_c_raw_before").str.contains(_RIVAL_FIGURE)
        | before.str.contains(REVERSED),
        _c_set_after=before.str.contains(
            rf"(?i)(?-u:\b)(?:after|from|against|versus|compared\s+(?:with|to))\s+"
            rf"(?:{HEDGES}\s+)?$"
        ),
    ).drop("_c_before")


def _reversed_after(words: pl.DataFrame) -> pl.DataFrame:
    """``words`` (distinct ``_c_raw_after``, a sentence after its figure) with whether its
    own clause says the movement before went the other way (``_c_reversed``)."""
    own_after = pl.col("_c_raw_after").str.extract(r"^([^,;:.()]*)", 1)
    return words.with_columns(_c_reversed=own_after.str.contains(REVERSED))
