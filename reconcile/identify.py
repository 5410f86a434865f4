"""Which real-world quantity each claim measures, who asserts it and as of when.

A quantity is: an entity (whom it is about) + a concept (what is measured) + a dimension
and unit + a rate period + whether it is a level or a change, within a window of time.
Every step is a vectorised Polars expression so that millions of claims go through in
seconds, and every step leaves words behind that explain it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable

import polars as pl

from extract.lexicon import lexicon

from .columns import (
    SERIES_ORDER,
    at_rows,
    in_slices,
    join_beside,
    on_rows,
    per_distinct,
    read_on_rows,
    sorted_by,
    where,
)
from .dating import _CENTURY, _HEDGE, _YEAR, MONTH_NAMES, YEAR_NAMED, _last_sentence
from .frames import (
    BEFELL,
    GENERIC_NOUNS,
    HEDGES,
    OF_MEMBERS,
    ORIGIN_MEASURES,
    OWN_WORDS,
    PER_HEAD,
    WHOLE_COUNTRY,
    after_figure,
    alternation,
    before_figure,
    demonym_forms,
    document_places,
    drop_plural_s,
    inflections,
    local_apart,
    longest_first,
    nationality,
    over_the_border,
    phrases,
    place_forms,
    read_doubt,
    read_movement,
    read_place,
    span_average,
)
from .measures import POINTED_BACK, _concepts, _lends, _number_of, _read_measures
from .organisations import (
    DOCUMENT_ORGANISATION,
    ORGANISATION,
    document_organisations,
    read_organisation,
    text_organisations,
)
from .parts import holders, limits, share_parts, subsets
from .restated import OF_OUTPUT, OF_OUTPUT_WORDS, measure_again, period_again
from .tables import Tables, alias_pattern, month_readings, place_kinds, reading_words

__all__ = [
    "DISPLACEMENT_MEASURES",
    "HOLDING_STATUS",
    "SOURCE_KEY",
    "assign_keys",
    "assign_windows",
    "source_key",
    "stable_id",
    "stable_ids",
    "unspecified_filled",
]

#: The word lists read around a figure (``data/reading_words.yaml``).
_WORDS = reading_words()

_DESCRIPTOR = (
    r"(?i)\bthe (?:group|company|firm|organi[sz]ation|outfit|militia|movement|agency|party)\b"
)
_ECONOMY = r"(?i)\b(?:gdp|gross domestic product|economy|economic output|output|economic growth)\b"
#: Words that make a share of the economy, or money, a loss ("cost 2% of GDP", "4% smaller",
#: "haemorrhaging $60m a week"): the figure is the size of the loss, a level of its own.
_LOSS = rf"(?i)\b{phrases(longest_first(_WORDS.loss))}\b"
#: A comparative right after a share that says a place is poorer ("3% worse off").
_POORER = rf"(?i)^\s*({phrases(longest_first(_WORDS.poorer))})(?-u:\b)"
#: Words before a place that set it apart as where others are ("households in Peru").
_WHERE_OTHERS_ARE = ("in", "of", "from", "for", "to", "across", "within", "at", "on", "than")
#: Words before a figure that make it a projection, not a count ("could reach 20,000").
_PROJECTED = (
    rf"(?i)(?:\b{phrases(_WORDS.projection_modals)}\s+(?:\w+\s+)?"
    rf"{phrases(_WORDS.projection_verbs)}\w*|\b{phrases(_WORDS.projection_expected)}"
    r"\s+to\s+\w+)\s+(?:to\s+)?(?:\w+\s+){0,2}$"
)
#: "the plan to raise the retirement age from 62 to 64", "would cut the tax to 18%": a level a
#: plan, a wish or "would" sets (a verb of setting, then "to" right before the figure), a
#: projection of its own and not the level of now.
_PLANNED = (
    rf"(?i)(?:\b{phrases(_WORDS.projection_expected)}\s+to|\b(?:{phrases(_WORDS.projection_modals)}|wants?\s+to|"
    rf"proposals?\s+to|proposes?\s+to))\s+(?:\w+\s+)?{phrases(_WORDS.setting_verbs)}\w*\s+"
    r"[^,;:()]{0,60}\bto\s+(?:about\s+|around\s+)?$"
)
#: "As many as 900 are feared dead": a guess of what the toll may turn out to be, a figure
#: of its own (like a projection), not the count so far. "300 are believed missing" is not:
#: that is how a count of missing people is always worded (``_STILL_MISSING``).
_FEARED = (
    r"(?i)^\s*(?:[a-z]+\s+){0,2}?(?:are|were|is|was|remain|remained)\s+(?:now\s+|still\s+)?"
    rf"{phrases(_WORDS.belief_verbs)}\b"
)
_STILL_MISSING = r"\s+(?:to\s+be\s+)?(?:still\s+)?(?:missing|unaccounted)"
#: "highs of up to 41C possible on Friday", "a peak of 30 GW expected": a figure the words
#: right after call possible or expected is a projection too.
_FORESEEN_AFTER = (
    r"(?i)^\s*(?:(?:is|are|was|were)\s+)?(?:now\s+|also\s+)?"
    r"(?:possible|expected|forecast|predicted|projected|likely)(?-u:\b)"
    # ... or the words right after name it a forecast ("the EUR 347 million average forecast
    # of 14 analysts")
    r"|^\s*(?:average\s+|consensus\s+|mean\s+)?(?:forecast|expectation|prediction)s?(?-u:\b)"
)
#: "Analysts had expected a profit of EUR 350 million": a level foreseen for a period, set
#: against the one reported, a projection.
_EXPECTED_OF = (
    r"(?i)(?-u:\b)(?:expected|forecast|predicted|projected)\s+(?:an?\s+)?(?:[a-z-]+\s+){1,2}?of\s+"
    r"(?:about\s+|around\s+|some\s+)?$"
)
#: "long-run", "long term": said of a figure, or of a source's work (see ``long_run_sources``).
_LONG_TERM = r"(?i:long[- ](?:run|term))"
_LONG_RUN = rf"(?i)\b(?:{_LONG_TERM}|in the long\b|over the long|eventually|permanent(?:ly)?)"
#: The period of a figure of the long run.
LONG_RUN = "long run"
#: A rate per head of population after a figure ("12 deaths in each 10,000 residents").
_PER_HEAD = rf"(?i)^\s*(?:[a-z]+\s+){{0,3}}?{PER_HEAD}"
#: "each" or "apiece" right after a figure ("50,000 euros each"), or "each" or "every", a
#: noun and up to three words more right before it ("to pay each family €20,000", "each
#: household will get €400"), but not of a time ("each month", "every year"): an amount for
#: each one given it, which names its measure per :data:`_RECIPIENT`. (Group 1: the word or
#: words after "each".)
_EACH_AFTER = r"(?i)^\s*(?:each|apiece)(?-u:\b)\s*(\S*)"
_EACH_BEFORE = r"(?i)(?-u:\b)(?:each|every)\s+((?:[a-z-]+\s+){1,4})$"
_EVERY_TIME = r"(?i)^(?:day|week|month|year|hour|quarter|time)s?(?-u:\b)"
_RECIPIENT = "recipient"
#: "in 2020" right after a figure's phrase (group 2: "and 2021", a span).
_YEAR_AFTER = (
    rf"(?i)^\s*(?:[a-z-]+\s+){{0,3}}?(?:in|during|for)\s+({_YEAR})\b"
    # (a second year ends there: "in 2029 and 700,000 in 2030" names one year, then a figure)
    rf"(\s*(?:and|to|-|\u2013|/)\s*{_CENTURY}?\d{{2}}\b)?"
)
#: "to rise to 7.3% by the end of the year" (or "of 2032", group 1): a level foreseen for a
#: year's end.
_BY_YEAR_END = (
    r"(?i)^\s*(?:[a-z-]+\s+){0,3}?by\s+(?:the\s+)?end\s+of\s+(?:(?:the|this)\s+year|"
    rf"({_YEAR}))\b"
)
#: "rose 0.4% in the fourth quarter": the quarter a figure's own words name (group 1).
_QUARTER_AFTER = (
    r"(?i)^\s*(?:[a-z-]+\s+){0,3}?(?:in|during|for)\s+the\s+(first|second|third|fourth|final|"
    r"last)\s+quarter\b"
)
#: "170 died in May alone", "took place over two months, April and May 2030": a month (or
#: two) after the figure's phrase, after "in"/"during"/"over", is the span the figure counts,
#: not the date of a running total ("by May", "as of May" are dates). Month names are
#: matched with their capital ("may" is a verb). Groups: first month, last month, year.
_MONTH_AFTER = (
    r"^\s*(?:[\w-]+\s+){0,4}?(?:in|during|over|throughout)\s+(?:just\s+|only\s+)?"
    r"(?:(?:the\s+)?(?:[a-z]+\s+)?months?\s*(?:--|[,:\u2013\u2014-])?\s*(?:of\s+)?)?"
    rf"({MONTH_NAMES})(?:\s*(?:and|to|through|-|\u2013)\s*({MONTH_NAMES}))?"
    rf"(?:,?\s+({_YEAR}))?(?:\s+alone)?(?:[^\w]|$)"
)


def stable_id(*parts: object) -> str:
    """A short hash of the parts: the same inputs give the same id in every run."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def _canonical(column: pl.Expr, aliases: dict[str, list[str]]) -> tuple[pl.Expr, pl.Expr]:
    """(first canonical name found in ``column``, all canonical names found, as a list)."""
    pattern, lookup = alias_pattern(aliases)
    first = column.str.extract(pattern, 1).str.to_lowercase().replace_strict(lookup, default=None)
    # every mention, except places in a phrase ("in Ukraine"): those are scope, not actors
    located = (
        pattern.replace(
            "\\b(", "\\b((?:(?:in|into|across|at|throughout|inside)\\s+(?:the\\s+)?)?(?:", 1
        )
        + ")"
    )
    every = (
        column.str.extract_all(located)
        .list.eval(
            pl.element()
            .filter(~pl.element().str.contains(r"(?i)^(?:in|into|across|at|throughout|inside)\s"))
            .str.to_lowercase()
            .replace_strict(lookup, default=None)
        )
        .list.drop_nulls()
    )
    return first, every


#: "Veldara's economy": a name owning what only a country has (group 1).
_POLITY_OWNER = re.compile(
    r"\b([A-Z][a-z]{3,})['\u2019]s\s+(?i:" + phrases(longest_first(_WORDS.polity_nouns)) + r")\b"
)
#: Endings that make a place's adjective ("Veldara" -> "Veldaran", "Ostrel" -> "Ostrelian"),
#: and its people ("Veldarans").
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ese", "i", "ns", "ans", "ians", "is")


@functools.cache
def _neighbour() -> re.Pattern[str]:
    """ "in neighbouring Veldara": a name the text calls a neighbour, a country of its own
    (group 1); not one a kind of place follows ("neighbouring Ostrel province")."""
    kinds = phrases(longest_first(f"{kind}s" for kind in place_kinds()) + sorted(place_kinds()))
    return re.compile(rf"\b(?i:neighbou?ring)\s+([A-Z][a-z]{{3,}})\b(?!\s+(?i:{kinds})\b)")


@functools.cache
def _part_of() -> re.Pattern[str]:
    """ "in northern Veldara", "across south-western Ostrel": a name whose part a compass
    word names, a place of its own (group 1); the word written in lower case, as in running
    text ("Northern Rail" is a name), and no kind of place after the name ("central Ostrel
    province" names the province)."""
    kinds = phrases(longest_first(f"{kind}s" for kind in place_kinds()) + sorted(place_kinds()))
    return re.compile(rf"\b{_COMPASS}\s+([A-Z][a-z]{{3,}})\b(?!\s+(?i:{kinds})\b)")


#: A compass word that names a part of a place, in lower case ("northern", "south-western").
_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?ern|(?:east|west)ern|central)"


def text_places(
    texts: Iterable[str], *, repeated: bool = False
) -> tuple[dict[str, str], dict[str, str]]:
    """Places the texts themselves name, that no gazetteer knows: a name owning what only a
    country has (``polity_nouns``: "Veldara's economy"), called a neighbour ("neighbouring
    Veldara") or a part of which is named with its adjective written ("northern Veldara"
    and "the Veldaran Herald"), written twice or more -> itself; and its adjectives the texts write
    ("Veldaran") -> the name. The texts are held as one Series (never a list of Python
    strings); Python reads only those Polars finds may name such a place, and counts only
    the words of the names found. ``repeated``: the texts may repeat (a claims table's
    sentences), and each distinct text is read once."""
    texts = texts if isinstance(texts, pl.Series) else pl.Series(list(texts), dtype=pl.String)
    known = {**place_forms(), **demonym_forms()}
    # (a day or a month is no place: "Sunday's election", "March's budget")
    calendar = {*lexicon().weekdays, *lexicon().months}
    read = _distinct(texts.filter(texts.str.contains(_MAY_OWN)), repeated)
    found = {
        pattern: {m for text in read for m in pattern.findall(text) if m.lower() not in calendar}
        - set(known)
        for pattern in (_POLITY_OWNER, _neighbour(), _part_of())
    }
    owners = set().union(*found.values())
    words = _words_written(texts, _place_words(owners), repeated=repeated)
    written = {
        name: [
            stem + ending
            for stem in (name, name[:-1])
            for ending in _ADJECTIVE_ENDINGS
            if words[stem + ending] and stem + ending not in known
        ]
        for name in owners
    }
    # (a part named of a name makes it a country only with the country's adjective written:
    # "northern Veldara" and "the Veldaran Observer"; "southern England" names a region)
    parts = found[_part_of()] - found[_POLITY_OWNER] - found[_neighbour()]
    names = {
        name: name
        for name in sorted(owners)
        if words[name] >= 2 and (name not in parts or written[name])
    }
    adjectives = {adjective: name for name in names for adjective in written[name]}
    return names, adjectives


#: What every text that :data:`_POLITY_OWNER`, :func:`_neighbour` or :func:`_part_of` reads
#: holds (a Polars regex; the texts that hold none are not read further): an owner's "'s", a
#: neighbour's letters, none of which Python's ignoring of case takes for another letter, or a
#: compass word before a capital (:data:`_COMPASS`: "northern V", "central V").
_MAY_OWN = rf"['\u2019]s|(?i:ghbou?r)|{_COMPASS}\s+[A-Z]"


def _place_words(owners: Iterable[str]) -> set[str]:
    """The words :func:`text_places` counts for ``owners``: each and its adjectives."""
    adjectives = (
        stem + end for name in owners for stem in (name, name[:-1]) for end in _ADJECTIVE_ENDINGS
    )
    return {*owners, *adjectives}


def _distinct(texts: pl.Series, repeated: bool) -> pl.Series:
    """``texts`` each once when they may repeat (``repeated``), else as they are. (The
    distinct texts are taken of those a filter kept, not of them all: a million sentences'
    distinct texts would be a copy of them.)"""
    return texts.unique() if repeated else texts


def _words_written(texts: pl.Series, words: set[str], *, repeated: bool = False) -> Counter[str]:
    """How often ``texts`` write each of ``words`` (capitalised words, "Veldara") as a word
    of its own, as ``\\b[A-Z][a-z]+\\b`` reads them; only the texts holding one are read
    (each distinct text once when they may repeat: ``repeated``)."""
    if not words:
        return Counter()
    pattern = re.compile(rf"\b(?:{'|'.join(sorted(words))})\b")
    held = _distinct(texts.filter(texts.str.contains_any(sorted(words))), repeated)
    return Counter(w for text in held for w in pattern.findall(text))


#: Words after a figure that say what it counts or leaves out ("a figure that includes ...",
#: "a count it says excludes ...", "counting only ..."): its measure is its source's own.
_SCOPE_NOTE = (
    r"(?i)^[^.;]*?(?:(?-u:\b)(?:figure|count|number|tally|total|estimate)s?\s+(?:(?:that|which)\s+)?"
    r"(?:[a-z]+\s+(?:said|says)\s+)?(?:includes?|included|excludes?|excluded|leaves\s+out|"
    r"left\s+out)(?-u:\b)|(?-u:\b)(?:counting\s+only|only\s+counting|not\s+counting)(?-u:\b))"
)


def _document_places(
    docs: pl.DataFrame, found_in_text: tuple[dict[str, str], dict[str, str]] = ({}, {})
) -> pl.DataFrame:
    """doc_id -> ``_doc__place``: the place the document's text (``docs``, see
    :func:`_document_texts`) names most, places the texts name (``found_in_text``) among the
    gazetteer's, and ``_doc__place_n``, how often it names it."""
    names, adjectives = found_in_text
    places = document_places(docs, {**place_forms(), **names}, {**demonym_forms(), **adjectives})
    return places.select(
        "doc_id", pl.col("p").alias("_doc__place"), pl.col("n").alias("_doc__place_n")
    ).cast({"doc_id": pl.String, "_doc__place": pl.String, "_doc__place_n": pl.UInt32})


def _document_texts(claims: pl.DataFrame, texts: dict[str, str] | None) -> pl.DataFrame:
    """``doc_id`` and ``text``: each document's text, else its title and the sentences of
    its figures."""
    # (the title, then the distinct sentences in order, one a line)
    docs = (
        claims.group_by("doc_id")
        .agg(
            pl.col("title").drop_nulls().first().fill_null(""),
            pl.col("sentence").drop_nulls().unique().sort(),
        )
        .select("doc_id", text=pl.concat_list("title", "sentence").list.join("\n"))
    )
    given = {doc: text for doc, text in (texts or {}).items() if text}
    if given:
        docs = docs.with_columns(
            text=pl.col("doc_id")
            .replace_strict(given, default=None, return_dtype=pl.String)
            .fill_null(pl.col("text"))
        )
    return docs


def _organisations(
    frame: pl.DataFrame,
    claims: pl.DataFrame,
    texts: dict[str, str] | None,
    docs: pl.DataFrame,
    places: list[str],
) -> pl.DataFrame:
    """``frame`` with the organisation the texts name ("Ostrel Motors") that each figure is
    of (``_org``, ``_org_source``) and its document's (``_doc__org``, ``_doc__org_n``); see
    :mod:`reconcile.organisations`. ``docs``: :func:`_document_texts`; ``places``: place
    names the texts name beside the gazetteer's."""
    titles = claims.group_by("doc_id").agg(pl.col("title").drop_nulls().first())
    # (one Series of the texts and titles: a list of them all as Python strings would be held)
    read = (
        pl.Series(list(texts.values()), dtype=pl.String) if texts else claims.get_column("sentence")
    )
    orgs = text_organisations(
        pl.concat([read.drop_nulls().unique(), titles.get_column("title").drop_nulls()]), places
    )
    frame = read_organisation(frame, orgs)
    return join_beside(frame, document_organisations(docs, titles, orgs), "doc_id")


def _doc_default(frame: pl.DataFrame, column: str) -> pl.DataFrame:
    """The value of ``column`` most often read in each document, as ``_doc_<column>``."""
    votes = (
        frame.select("doc_id", column, "boilerplate")
        .filter(~pl.col("boilerplate").fill_null(False))
        .drop_nulls(column)
        .group_by("doc_id", column)
        .len()
        .sort(["doc_id", "len", column], descending=[False, True, False])
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col(column).first().alias(f"_doc_{column}"))
    )
    return join_beside(frame, votes, "doc_id")


def _ones(claims: pl.DataFrame) -> pl.DataFrame:
    """``claims`` with the counted noun "one" ("30,000 damaged homes and 4,100 destroyed
    ones") read as the noun of the count just before it in its sentence, which it stands
    for."""
    ones = (pl.col("unit") == "one") & (pl.col("dimension") == "count")
    if not claims.select(ones.any()).item():
        return claims
    claims = sorted_by(claims, "doc_id", "start")
    by_sentence = ("doc_id", "sentence_start")
    before = pl.col("unit").shift(1).over(*by_sentence)
    return claims.with_columns(
        unit=pl.when(ones & before.is_not_null() & (before != "one"))
        .then(before)
        .otherwise(pl.col("unit"))
    )


def _kind_restated(claims: pl.DataFrame) -> pl.DataFrame:
    """``claims`` with a counted noun of a kind ("cargo ship": lower-case words before a
    noun) read as that noun where its document gives the same figure with the noun alone
    ("60 ships" in the headline, "Sixty cargo ships" in the text): one count, written two
    ways. Elsewhere the kind stays: "member states" are not the "states" counted beside
    them."""
    head = pl.col("unit").str.extract(r"^[a-z][a-z -]*\s([a-z]+)$", 1)
    kinds = (pl.col("dimension") == "count") & head.is_not_null()
    if not claims.select(kinds.any()).item():
        return claims
    keys = ["doc_id", "value", "_head"]
    plain = (
        claims.filter(pl.col("dimension") == "count")
        .select("doc_id", "value", pl.col("unit").alias("_head"), _plain=pl.lit(True))
        .unique(keys)
    )
    frame = join_beside(claims.with_columns(_head=pl.when(kinds).then(head)), plain, keys)
    return frame.with_columns(
        unit=pl.when(pl.col("_plain")).then(pl.col("_head")).otherwise(pl.col("unit"))
    ).drop("_head", "_plain")


def assign_keys(
    claims: pl.DataFrame, tables: Tables, *, texts: dict[str, str] | None = None
) -> pl.DataFrame:
    """``entity``, ``concept_key``, ``population`` and ``period`` with the words that chose them.

    The entity is a name the user's mapping knows when the sentence holds one, else the
    place closest to the figure (see :mod:`reconcile.frames`), else the place most often
    read in the document (its frame), else "unspecified". The concept is the measure read
    from the figure's words, else a concept of the concepts table, else the counted noun.
    ``claims`` holds each figure's source as a number (``SOURCE_KEY``, :func:`source_key`);
    its ``title`` is read and not given back.
    """
    known_entity, _ = _canonical(pl.col("sentence").fill_null(""), tables.entities)
    # "500-odd deaths": "odd" says the number is round, it is no part of the counted noun
    claims = claims.with_columns(unit=pl.col("unit").str.replace(r"(?i)^odd\s+", ""))
    claims = _kind_restated(_ones(claims))
    # a share lost from the economy is a share of output ("2% smaller", "cost 4% of GDP")
    of_economy = (pl.col("dimension") == "ratio") & pl.col("sentence").fill_null("").str.contains(
        _ECONOMY
    )
    # places the texts name that no gazetteer knows ("Veldara's economy")
    in_text = (
        text_places(texts.values())
        if texts
        else text_places(claims.get_column("sentence"), repeated=True)
    )
    frame = read_place(
        _read_measures(claims, tables),
        {**place_forms(), **in_text[0]},
        {**demonym_forms(), **in_text[1]},
    ).with_columns(
        _known=known_entity if tables.entities else pl.lit(None, dtype=pl.String),
    )
    frame = _economy_and_dimension(_share_of_output(frame, tables.measure_forms), of_economy)
    docs = _document_texts(claims, texts)
    frame = join_beside(frame, _document_places(docs, in_text), "doc_id")
    frame = _organisations(frame, claims, texts, docs, [*in_text[0], *in_text[1]])
    # (the documents' texts and the table as it came in are not read again, nor the titles,
    # read only for the documents' texts and organisations)
    del claims, docs
    frame = _doc_default(frame.drop("title"), "_known")
    # "250 Chadian workers" in a story about another country: the nationality is the scope
    # (in a story about that country it is its people, and the document's place stands)
    frame = frame.with_columns(_nation=nationality(demonym_forms()))
    nation = pl.col("_nation")
    foreign = (
        nation.is_not_null()
        & (nation != pl.col("_doc__place").fill_null(""))
        & ~pl.col("_measure").is_in(list(ORIGIN_MEASURES))
    )
    frame = frame.with_columns(
        **_read_over(
            foreign, _place=nation, _place_source=pl.lit("a nationality in the figure's words")
        )
    )
    # "Across the border, Tajik officials said three had died": the country next door's
    # figure, unless a place beside the figure says otherwise
    next_door = over_the_border(frame, pl.col("_doc__place"))
    beside = pl.col("_strong").fill_null(False)
    frame = (
        frame.with_columns(_next_door=pl.when(~beside).then(next_door))
        .with_columns(
            **_read_over(
                pl.col("_next_door").is_not_null(),
                _place=pl.col("_next_door"),
                _place_source=pl.format(
                    "'{}', over the border from the document's place", "_next_door"
                ),
            )
        )
        .drop("_next_door")
    )
    # "the group spends ...": a descriptor stands for the document's main named actor
    descriptor = pl.col("sentence").fill_null("").str.contains(_DESCRIPTOR)
    frame = frame.with_columns(
        _known=pl.coalesce("_known", pl.when(descriptor).then(pl.col("_doc__known")))
    )
    # the owner of the words leading to the figure ("Russia's prison population fell by")
    # wins over a known name elsewhere in the sentence and a place farther off
    owner = pl.col("_owner").is_not_null() & ~pl.col("_strong")
    frame = frame.with_columns(
        **_read_over(
            owner,
            _known=pl.lit(None),
            _place=pl.col("_owner"),
            _place_source=pl.format("'{}' owning the figure's words", pl.col("_owner")),
        ),
        _strong=pl.col("_strong") | owner,
    )
    # the document's place, named in the sentence too, wins over a name farther off in it
    frame_wins = ~pl.col("_strong") & pl.col("_named").list.contains(pl.col("_doc__place"))
    frame = frame.with_columns(
        **_read_over(
            frame_wins,
            _place=pl.col("_doc__place"),
            _place_source=pl.format(
                "'{}', the document's place, in the sentence", pl.col("_doc__place")
            ),
        )
    )
    # an organisation the figure's words are of is its entity where its sentence names no
    # place ("Harrow Group's strength in Peru" is of Peru, as "the number of Harrow Group
    # guards in Peru" is); the document's organisation over its place where the text names it more
    # (not for a toll of people: the dead and the hurt of a company's blast are the event's)
    doc_org = pl.when(
        (pl.col("_doc__org_n").fill_null(0) > pl.col("_doc__place_n").fill_null(0))
        & ~pl.col("_measure").is_in(list(_WORDS.harm_measures)).fill_null(False)
    ).then(pl.col("_doc__org"))
    entity = pl.coalesce(
        "_known",
        "_place",
        "_org",
        doc_org,
        "_doc__place",
        "_doc__known",
        pl.lit("unspecified"),
    )
    # (the entity and the words that chose it made one after the other: each builds a text
    # for every row, and made side by side both would be held at once; the words, a few
    # texts repeated over a million rows, held as categoricals through the steps that
    # follow, as the output gives them: a step that reads them as text casts them)
    frame = frame.with_columns(entity=entity)
    # (the words chosen among as categoricals too: each choice of the chain is a column of
    # every row, four bytes a row, where a text would be written out for each)
    frame = frame.with_columns(
        entity_source=pl.when(pl.col("_known").is_not_null())
        .then(_category("a name in the sentence"))
        .when(pl.col("_place").is_not_null())
        .then(pl.col("_place_source").cast(pl.Categorical))
        .when(pl.col("_org").is_not_null())
        .then(pl.col("_org_source").cast(pl.Categorical))
        .when(doc_org.is_not_null())
        .then(_category(DOCUMENT_ORGANISATION))
        .when(pl.col("_doc__place").is_not_null())
        .then(_category("the place the document is about"))
        .when(pl.col("_doc__known").is_not_null())
        .then(_category("the document's main subject"))
        .otherwise(_category("no place or name found"))
        .cast(pl.Categorical),
    ).drop(*_PLACE_READ)  # (let go before the steps of the measure, which do not read them)
    frame = _concepts(frame, tables).drop("_measure", "_measure_source")
    frame = _recorded(frame, tables)
    frame = _official(frame, tables)
    frame = _still_going(frame, tables)
    frame = subsets(frame)
    frame = _confirmed_alone(_certainty(frame, tables))
    frame = _pay_stance(frame, tables)
    frame = read_movement(frame)
    frame = share_parts(frame)
    places = [*place_forms(), *demonym_forms(), *in_text[0], *in_text[1]]
    frame = holders(frame, places, tables.measure_forms)
    frame = _rate_named(frame)
    frame = limits(frame)
    frame = _per_head(frame)
    frame = _against_base(frame)
    frame = _holding_status(frame)
    frame = _number_of(frame)
    # (a bare count's noun is the one its clause gives it: "the number of ... children", or
    # the group it is of where what befell them is said: "27 of its soldiers were killed")
    members = pl.when(
        pl.col("unit").is_null() & pl.col("concept_source").str.starts_with(BEFELL)
    ).then(after_figure().str.extract(OF_MEMBERS, 1))
    # ("its military death toll to 23": a toll's word of whose toll it is names its people;
    # read on the bare counts whose sentence writes such a word alone)
    groups = _WORDS.toll_groups
    (toll_word,) = on_rows(
        frame,
        pl.col("unit").is_null()
        & (pl.col("dimension") == "count")
        & pl.col("sentence").str.contains_any(list(groups), ascii_case_insensitive=True),
        before_figure().str.extract(_TOLL_OF, 1).str.to_lowercase().alias("_toll_of"),
    )
    toll_of = pl.lit(toll_word).replace_strict(groups, default=None)
    # (the counted noun, its key and the population read from them each written once as a
    # column: an expression is computed anew at every use, and these are used many times)
    frame = frame.with_columns(_k_counted=pl.coalesce("unit", "_counted", members))
    counted = pl.col("_k_counted")
    # ("40 dead civilians" are civilians, counted dead)
    frame = frame.with_columns(
        _k_unit=counted.str.to_lowercase()
        .str.replace(rf"^(?:{alternation(_WORDS.state_words)})\s+(\S)", "${1}")
        .pipe(drop_plural_s)
    )
    unit = pl.col("_k_unit")
    # "250,000 Libyans" are people of a place (read as its place), not a particular group
    # (the texts' own adjectives as written, "Veldarans", and as counted, "Veldaran")
    nationals = {form.lower() for form in demonym_forms()} | {
        form.lower().removesuffix("s") for form in in_text[1]
    }
    population = (
        pl.when(
            (pl.col("dimension") == "count")
            & unit.is_not_null()
            & ~unit.is_in(list(GENERIC_NOUNS))
            & ~counted.str.to_lowercase().is_in(list(nationals))
            & (
                unit.replace_strict(tables.measure_forms, default=None).is_null()
                # ("12 passengers died": passengers, of whom the deaths are counted)
                | pl.col("concept_source").str.starts_with(BEFELL)
            )
        )
        # ("14 soldiers were killed", "60 troops killed": people a fate befell whose noun
        # names a measure are named by that measure, one group however it is written)
        .then(pl.coalesce(unit.replace_strict(tables.measure_forms, default=None), unit))
        .otherwise(toll_of)
    )
    frame = frame.with_columns(_k_population=population).drop("_k_counted", "_k_unit")
    population = pl.col("_k_population")
    # a share is of what its own phrase says; a word farther off does not make it sure
    own_words = pl.col("concept_source").str.contains(rf"{OWN_WORDS}|borrow")
    share_sure = (pl.col("dimension") != "ratio") | own_words | of_economy
    # "250 Chadian workers" in a story about another country: the nationality is the scope
    # (its entity) and the people it names by their work are that nationality's people, to
    # be counted with its other figures ("145 were Chadian"), though not surely the same
    of_nation = pl.col("entity_source") == "a nationality in the figure's words"
    by_role = of_nation & population.is_in(list(_NATIONALS_BY_ROLE))
    population = pl.when(by_role).then(None).otherwise(population)
    # "95,000 homeless, a figure it says includes families staying with relatives": the
    # figure's own sentence says what it counts, so another count may not count the same
    scope_noted = after_figure().str.contains(_SCOPE_NOTE).fill_null(False)
    # (which figures are set against another source's, read before the words of the period
    # come into the table; and the period made on its own, its words then let go: made
    # beside the other columns, the words it reads around each figure and theirs would be
    # held at once)
    against = _set_against(frame)
    frame = _period_words(frame)
    # (read a slice of the rows at a time: the many readings it chains are each a column)
    frame = frame.with_columns(in_slices(frame, _period)).drop(*_PERIOD_WORDS)
    frame = frame.with_columns(
        population=pl.coalesce(population, "_status"),
        frame_sure=pl.col("frame_sure")
        & (
            (pl.col("entity") != "unspecified")
            # (an organisation the headline names is what a story is about, not surely what
            # each of its figures is of: "its 9.8 million customers" beside those affected)
            & (pl.col("entity_source") != DOCUMENT_ORGANISATION)
            | pl.lit(against)
        )
        & share_sure
        & ~by_role.fill_null(False)
        & ~scope_noted,
    ).drop("_status", "_doc__place", "_counted", "_k_population")
    frame = period_again(frame)
    # "... 11,000 workers walked out. The employers put the number at 4,000": a figure pointing
    # back counts the people the figure before it counted ("1.8 million cattle, goats and
    # sheep ... a much lower figure, 600,000 animals": its own wider noun too)
    # (the figure before that lends, an order of size with no number passed over as it is
    # when the measure is borrowed; "-" stands for a figure of no population)
    pointed = pl.col("entity_source") == POINTED_BACK
    lent = pl.when(_lends()).then(pl.col("population").fill_null("-")).forward_fill().shift(1)
    frame = frame.with_columns(
        population=pl.when(pointed)
        .then(lent.over("doc_id", pl.col("dimension")).replace("-", None))
        .otherwise(pl.col("population"))
    )
    frame = _rise_over_a_year(frame, tables)
    frame = _cuts_counted(_rate_of_change(frame))
    frame = _official_base(frame, texts)
    frame = local_apart(_loss_a_level(_named_again(frame), "concept_key"))
    # (the words that chose each measure, a phrase written out for each row, held as
    # categoricals from here on, as the output gives them)
    frame = measure_again(frame.with_columns(pl.col("concept_source").cast(pl.Categorical)))
    return read_doubt(frame, tables.measure_forms.values(), place_kinds())


def _category(text: str) -> pl.Expr:
    """``text`` as a categorical literal."""
    return pl.lit(text, dtype=pl.Categorical)


#: Nouns of people a nationality names by their standing or work ("Chadian nationals",
#: "Chadian workers"): that nationality's people, not a part of them apart.
_NATIONALS_BY_ROLE = frozenset(_WORDS.nationals_by_role)


#: The working columns of ``assign_keys`` that only the choice of the entity reads (the
#: document's place is read again by :func:`reconcile.frames.read_movement`).
_PLACE_READ = (
    "_known",
    "_org",
    "_org_source",
    "_doc__org",
    "_doc__org_n",
    "_doc__place_n",
    "_place",
    "_place_source",
    "_doc__known",
    "_strong",
    "_owner",
    "_named",
    "_nation",
)


#: The columns that say which quantity a figure measures, taken whole by a figure named again.
_IDENTITY = ("entity", "entity_source", "concept_key", "concept_source", "population", "period")


#: What two figures set against each other in one article share: their measure, kind and
#: period.
_RIVAL_KEYS = ("doc_id", "concept_key", "dimension", "per")


#: A working column of ``assign_keys``: each figure's source as a number
#: (:func:`source_key`), read by :func:`_set_against`.
SOURCE_KEY = "_source_key"


def source_key() -> pl.Expr:
    """Each figure's source, written in any case, as a number (null where none is named): the
    sources ``assign_keys`` compares, without a copy of their text in its working table."""
    by = pl.col("attribution")
    return pl.when(by.is_not_null()).then(by.str.to_lowercase().hash()).alias(SOURCE_KEY)


def _set_against(frame: pl.DataFrame) -> pl.Series:
    """Whether each figure is set against another source's figure of its measure in its own
    article, in its sentence or the next one that gives a figure ("The ministry said 18,500
    people had been evacuated. The governor put the number at about 26,000."): the writer
    says the two count one thing, though neither names the place or body it is of.

    >>> def run(frame):
    ...     return _set_against(frame.with_columns(source_key())).to_list()
    >>> frame = pl.DataFrame({
    ...     "doc_id": ["a"] * 4, "sentence_start": [0, 50, 90, 200],
    ...     "concept_key": ["evacuated", "evacuated", "evacuated", "evacuated"],
    ...     "dimension": ["count"] * 4, "per": [None, "day", None, None],
    ...     "attribution": ["ministry", "governor", "ministry", "governor"]})
    >>> run(frame)  # (a rate per day is no rival of a count)
    [False, False, True, True]
    >>> run(frame.with_columns(attribution=pl.lit(None, pl.String)))
    [False, False, False, False]
    >>> run(frame.with_columns(attribution=pl.lit("Ministry")))
    [False, False, False, False]
    """
    # (the keys held as hashes: a copy of their text for every figure would be large)
    named = frame.select(
        pl.int_range(pl.len(), dtype=pl.UInt32).alias("_i"),
        pl.struct(*_RIVAL_KEYS).hash().alias("_k"),
        pl.col("sentence_start").rank("dense").over("doc_id").cast(pl.Int64).alias("_s"),
        pl.when(pl.col("concept_key").is_not_null()).then(SOURCE_KEY).alias("_by"),
    ).filter(pl.col("_by").is_not_null())
    # (joined on the sentence and on the next one: each figure meets only its neighbours)
    after = named.with_columns(pl.col("_s") - 1)
    pairs = pl.concat(
        [
            joined.filter(pl.col("_by") != pl.col("_by_right")).select("_i", "_i_right")
            for joined in (
                named.join(named, on=["_k", "_s"]),
                named.join(after, on=["_k", "_s"]),
            )
        ]
    )
    rows = pl.concat([pairs.get_column("_i"), pairs.get_column("_i_right")]).unique()
    return pl.repeat(False, frame.height, eager=True).scatter(rows, True).alias("set_against")


def _read_over(condition: pl.Expr, **values: pl.Expr) -> dict[str, pl.Expr]:
    """:func:`~reconcile.columns.where` of a reading taking over from an earlier one, with
    the words that chose it (the columns ending in "_source") held as categoricals: a few
    phrases repeated over a million rows (see ``read_place``)."""
    return {
        name: value.cast(pl.Categorical) if name.endswith("_source") else value
        for name, value in where(condition, **values).items()
    }


def _named_again(frame: pl.DataFrame) -> pl.DataFrame:
    """ "The 8 million deaths ..." after "8 million deaths a year" earlier in the article: a
    figure named with "the" or "this" that the document gave before is that figure again (the
    nearest one before it), and measures what it measured (its place, measure and period)."""
    definite = before_figure().str.contains(r"(?i)\b(?:the|this|that|these|those)\s*$")
    frame = sorted_by(frame, "doc_id", "start")
    # (the documents, in order, told apart by a number: sorting on their ids' text would
    # write each row's id out again)
    doc = pl.col("doc_id").ne_missing(pl.col("doc_id").shift(1)).cum_sum().alias("_doc")
    keys = [doc, pl.col("value"), pl.col("dimension")]
    frame = frame.with_columns(_before=_previous_alike(frame, keys))
    before = pl.col("_before")
    frame = frame.with_columns(_again=definite & pl.col("start").gather(before).is_not_null())
    again = pl.col("_again")
    return (
        frame.with_columns(
            pl.when(again).then(pl.col(c).gather(before)).otherwise(pl.col(c)).alias(c)
            for c in _IDENTITY
        )
        .with_columns(
            concept_source=pl.when(again)
            .then(pl.format("{} (named again with 'the')", pl.col("concept_source")))
            .otherwise(pl.col("concept_source"))
        )
        .drop("_before", "_again")
    )


def _previous_alike(frame: pl.DataFrame, keys: list[str] | list[pl.Expr]) -> pl.Series:
    """For each row, the index of the nearest row before it with the same ``keys`` (columns
    or expressions; null for the first of its keys): ``shift(1).over(keys)`` of the row
    index, found by one stable sort of the keys (a window over many small groups is slow)."""
    names = [k if isinstance(k, str) else k.meta.output_name() for k in keys]
    same = pl.all_horizontal(pl.col(k).eq_missing(pl.col(k).shift(1)) for k in names)
    return (
        frame.select(*keys, pl.int_range(pl.len(), dtype=pl.UInt32).alias("_row"))
        .sort(names, maintain_order=True, nulls_last=True)
        .select("_row", pl.when(same).then(pl.col("_row").shift(1)).alias("_before"))
        .sort("_row")
        .get_column("_before")
    )


@functools.cache
def _place_before() -> str:
    """A place named right before a figure, a few words between ("make Britain", "Peru
    would be"); group 1 the word before the place, group 2 the place."""
    names = alternation(place_forms())
    return (
        rf"(?:(?-u:\b)([A-Za-z]+)\s+)?(?:[Tt]he\s+)?(?-u:\b)({names})"
        rf"\s+(?:[a-z]+\s+){{0,3}}(?:{HEDGES}\s+)?$"
    )


def _place_made_poorer(frame: pl.DataFrame) -> pl.DataFrame:
    """A share said of a place made poorer ("would make Britain 3% worse off", "Peru would
    be 2% poorer") measures the output the place loses, read from the figure's own words;
    a place after "in" or "of" is where others are ("households in Peru are 2% poorer")."""
    # (the words after a figure read only for shares, and those before it only where a
    # comparative follows: each read once, into a column, the place as whether one is named)
    (read,) = on_rows(
        frame,
        pl.col("dimension") == "ratio",
        after_figure().str.extract(_POORER, 1).str.to_lowercase().alias("_poorer"),
    )
    frame = frame.with_columns(read)
    comparative = pl.col("_poorer")
    before = before_figure()
    lead = before.str.extract(_place_before(), 1).str.to_lowercase()
    frame = frame.with_columns(
        on_rows(
            frame,
            comparative.is_not_null(),
            (
                before.str.extract(_place_before(), 2).is_not_null()
                & ~lead.is_in(list(_WHERE_OTHERS_ARE)).fill_null(False)
            ).alias("_poorer_place"),
        )
    )
    found = comparative.is_not_null() & pl.col("_poorer_place").fill_null(False)
    return frame.with_columns(
        **_read_over(
            found,
            _measure=pl.lit("gdp loss"),
            _measure_source=pl.format(
                "the words '{}' after the figure, said of a place", comparative
            ),
        )
    ).drop("_poorer", "_poorer_place")


def _share_of_output(frame: pl.DataFrame, forms: dict[str, str]) -> pl.DataFrame:
    """A share "of GDP" of a measure that is no part of it (``scaled_by_output``) measures
    what the words of its sentence last name before it ("cut the deficit to 3.1% of GDP,
    from 3.9% of GDP", "debt of 80% of GDP"): GDP is its scale, not its measure. Any other
    measure there ("cost 2% of GDP", "exports make up 3% of GDP") is left to the steps
    after."""
    word = rf"(?i)(?-u:\b)({alternation(forms)})(?-u:\b)"
    share = (
        (pl.col("dimension") == "ratio")
        & (pl.col("_measure") == "gdp")
        & after_figure().str.contains(OF_OUTPUT)
    )
    named = (
        pl.when(share)
        .then(before_figure().str.replace_all(rf"(?i)\s{OF_OUTPUT_WORDS}", " "))
        .str.extract_all(word)
        .list.last()
        .str.to_lowercase()
        .str.replace_all(r"\s+", " ")
    )
    measure = named.replace_strict(forms, default=None, return_dtype=pl.String)
    take = measure.is_in(list(_WORDS.scaled_by_output)).fill_null(False)
    return frame.with_columns(
        **_read_over(
            take,
            _measure=measure,
            _measure_source=pl.format(
                "the words '{}' earlier in the clause, a share of output", named
            ),
        )
    )


def _economy_and_dimension(frame: pl.DataFrame, of_economy: pl.Expr) -> pl.DataFrame:
    """The measure as the economy's wording and the figure's dimension settle it: a share
    or sum the economy loses, output, an area or a mass from fires; a loss is a level."""
    frame = _place_made_poorer(frame)
    measure = pl.col("_measure")
    economy = measure.is_in(["cost", "gdp", "gdp loss", "gdp growth"])
    # (read only in the sentences of those measures: every test of a loss asks for one); a
    # growth rate is lost only by words of its own clause ("pinned back growth, a reduction of
    # 5%"), not by "higher borrowing costs" elsewhere in its sentence
    clause = pl.concat_str(
        before_figure().str.extract(r"([^;:()]*)$", 1).fill_null(""),
        after_figure().str.extract(r"^([^,;:.()]*)", 1).fill_null(""),
    )
    words = pl.when(measure == "gdp growth").then(clause).otherwise(pl.col("sentence"))
    # (read once, on the rows of those measures alone: it is used twice)
    frame = frame.with_columns(
        on_rows(frame, economy, words.fill_null("").str.contains(_LOSS).alias("_loss"))
    )
    loss = pl.col("_loss")
    frame = frame.with_columns(
        _measure=pl.when(pl.col("dimension").is_in(["duration", "age"]))
        .then(None)
        .when(of_economy & economy & loss)
        .then(pl.lit("gdp loss"))
        .when(of_economy & economy & (measure != "gdp growth"))
        .then(pl.lit("gdp"))
        # an area is no count of fires: "fires have burned 8,000 hectares" measures area burned
        .when((pl.col("dimension") == "area") & (measure == "fire"))
        .then(pl.lit("area burned"))
        # and tonnes from fires are what they gave off
        .when((pl.col("dimension") == "mass") & (measure == "fire"))
        .then(pl.lit("emissions"))
        # a turnout in percent is a share of those entitled, who voted: no crowd, which is
        # counted in people ("turnout was 61%" against "the march's turnout of 20,000")
        .when((pl.col("dimension") == "ratio") & (measure == "crowd"))
        .then(pl.lit("turnout"))
        # money the economy loses is a cost ("costs the economy $2bn a year")
        .when((pl.col("dimension") == "currency") & economy & loss)
        .then(pl.lit("cost"))
        .otherwise(measure),
    ).drop("_loss")
    return _loss_a_level(frame, "_measure")


#: Measures of a loss, each figure of which is the size of the loss, a level.
_LOSSES = ("cost", "gdp loss")


def _loss_a_level(frame: pl.DataFrame, measure: str) -> pl.DataFrame:
    """A loss is measured as itself: "has lost 2% of GDP" and "costs 2% of GDP" are one
    figure, a level, whether the ``measure`` column was read from the figure's own words or
    from the figure it names again."""
    loss = pl.col(measure).is_in(list(_LOSSES)).fill_null(False)
    return frame.with_columns(is_delta=pl.col("is_delta") & ~loss)


#: People who left their homes, counted either as all who ever left or as those still away.
DISPLACEMENT_MEASURES = frozenset(_WORDS.displacement_measures)
#: Words that count people by a status they hold or by their being there now ("registered
#: for temporary protection", "with refugee status", "remain"), not everyone recorded since
#: the start.
_HOLDING = rf"(?i)(?-u:\b){phrases(_WORDS.holding)}(?-u:\b)"
#: A clause right after a figure saying its people are still away ("were still unable to go
#: home", "are still in shelters", "still cannot return").
_STILL_OUT = r"(?i)^\s*(?:(?:are|were|is|was|remain|remained|have|had)\s+)?still\b"
HOLDING_STATUS = "holding a status or still there"
#: Words that go on with a ranking begun before ("in second place", "followed by", "next
#: come"): the figure counts what the one before it counted.
_RANKING = rf"(?i)(?-u:\b){phrases(_WORDS.ranking)}(?-u:\b)"


def _holding_status(frame: pl.DataFrame) -> pl.DataFrame:
    """``_status``: people who left their homes are counted two ways, all who were recorded
    since the start and those who hold a status or are still there now. Where one article
    gives both for one place and measure and they differ by more than a quarter, the two are
    quantities of their own for that place and measure in every article: a figure whose
    sentence up to it, or its own clause after it, says status or presence counts those
    holding it (``HOLDING_STATUS``), and so does the next figure of a ranking that goes on
    ("... in second place with 900"); the others stay with the measure. A figure whose own
    clause says its people are still away ("7,000 evacuees were still unable to go home")
    counts those still there whatever else the article gives."""
    clause_after = after_figure().str.extract(r"^([^,;:.()\u2013\u2014]*)", 1)
    displaced = pl.col("concept_key").is_in(list(DISPLACEMENT_MEASURES))
    holding = pl.concat_str(before_figure(), clause_after).str.contains(_HOLDING) & displaced
    # "X is in second place with 900": a ranking goes on with what the figure before counted
    ranked = before_figure().str.contains(_RANKING)
    # (each reading of the words read on the rows where it can be other than False alone)
    frame = sorted_by(frame, "doc_id", "start")
    may_hold = displaced.fill_null(True)
    frame = frame.with_columns(_holding=_false_elsewhere(frame, may_hold, holding))
    frame = frame.with_columns(_before=pl.col("_holding").shift(1).over("doc_id"))
    before = pl.col("_before")
    frame = frame.with_columns(
        _holding=pl.col("_holding")
        | _false_elsewhere(frame, before.fill_null(True), ranked & before)
    ).drop("_before")
    # (the few columns read, then the rows: a filter of the whole table copies every column)
    level = frame.select("doc_id", "entity", "concept_key", "_holding", "value", "is_delta").filter(
        pl.col("_holding").is_not_null() & ~pl.col("is_delta")
    )
    sides = level.group_by("doc_id", "entity", "concept_key", "_holding").agg(
        pl.col("value").min().alias("_low"), pl.col("value").max().alias("_high")
    )
    held = sides.filter(pl.col("_holding")).drop("_holding")
    rest = sides.filter(~pl.col("_holding")).drop("_holding")
    apart = (
        held.join(rest, on=["doc_id", "entity", "concept_key"], suffix="_rest")
        .filter(
            (pl.col("_high") < _WORDS.holding_apart_share * pl.col("_low_rest"))
            | (pl.col("_high_rest") < _WORDS.holding_apart_share * pl.col("_low"))
        )
        .select("entity", "concept_key")
        .unique()
        .with_columns(_apart=pl.lit(True))
    )
    frame = join_beside(frame, apart, ["entity", "concept_key"])
    # "7,000 evacuees were still unable to go home": those the clause says are still out
    # are counted apart, whatever else the article gives
    still = clause_after.str.contains(_STILL_OUT).fill_null(False) & displaced
    still = _false_elsewhere(frame, may_hold, still)
    return frame.with_columns(
        _status=pl.when(pl.col("_holding") & pl.col("_apart").fill_null(False) | still).then(
            pl.lit(HOLDING_STATUS)
        )
    ).drop("_holding", "_apart")


def _false_elsewhere(frame: pl.DataFrame, keep: pl.Expr, value: pl.Expr) -> pl.Expr:
    """``value``, a reading of a figure's words that is False wherever ``keep`` does not
    hold, read on the rows ``keep`` holds for alone (:func:`~reconcile.columns.on_rows`):
    read on every row, the words it cuts out of each sentence would be held for every row
    at once."""
    (read,) = on_rows(frame, keep, value.alias("_read"))
    return pl.when(keep).then(pl.lit(read)).otherwise(pl.lit(False))


def _against_base(frame: pl.DataFrame) -> pl.DataFrame:
    """A multiple of an average over a span of years is a measure against that average: "9
    times the 10-year average" and "3 times the 20-year average" are two quantities. Other
    bases are left to the verdict (read as one, or "possibly the same")."""
    base = pl.when(pl.col("unit") == "times").then(span_average(lexicon().number_words))
    return frame.with_columns(
        **where(
            base.is_not_null(),
            concept_key=pl.format("{} against the {}", pl.col("concept_key"), base),
            concept_source=pl.format("{}, a multiple of the {}", pl.col("concept_source"), base),
        )
    )


#: A count called official, as a multiple's base names it ("the official flu death tally
#: for 2030", "the confirmed number", "the recorded count"): a word of
#: ``official_count_words``, up to four words, a noun of a count, and a year it is of (group 1).
_OFFICIAL_COUNT = (
    r"(?i)\b(?:the|its|their|that|this)\s+"
    rf"{phrases(longest_first(_WORDS.official_count_words))}(?:\s+[\w'\u2019-]+){{0,4}}?\s+"
    rf"{phrases(longest_first(_WORDS.count_nouns))}s?\b(?:\s+(?:for|in|of)\s+({_YEAR})\b)?"
)
#: The words after a multiple that lead to its base ("higher than ...", "... the"), and the
#: comparatives among them.
_COMPARED = phrases(_WORDS.comparatives)
_TO_BASE = rf"(?i)^\s*(?:{_COMPARED}\s+)?(?:than\s+)?"
#: A multiple whose words name no base ("five times higher.", "three times more, ..."): its
#: base is the figure written before it.
_BARE_MULTIPLE = rf"(?i)^\s*(?:{_COMPARED}\b)?\s*(?:[.,;:!?)\u2014\u2013]|$)"
#: The base a concept names ("death against the official count"): the words after this.
AGAINST = " against the "


def _official_base(frame: pl.DataFrame, texts: dict[str, str] | None) -> pl.DataFrame:
    """ "Six times the official toll", or "4-12 times higher." after "the official count
    stood at 500": a multiple set against a count called official (or reported, recorded,
    confirmed) measures how far that count falls short, whichever estimate the writer sets
    against it (a modelled toll, or the excess over the usual): its concept is its measure
    (without "excess" or "official") against the official count, and a year the base names
    ("the official toll for 2030") is its period. The base is read in the words after the
    multiple; a multiple whose words name none is set against the last official count
    written before it, in its own sentence or the one before. A multiple whose own words
    name that base is read from its own words (``frame_sure``), whichever words of its
    sentence say what is counted."""
    # (read row by row on the multiples only, which are few)
    multiples = frame.select(
        pl.int_range(pl.len()).alias("_i"),
        "doc_id",
        "sentence_start",
        "concept_key",
        "concept_source",
        before_figure().alias("_before"),
        after_figure().alias("_after"),
        multiple=pl.col("unit").fill_null("").str.to_lowercase() == "times",
    ).filter("multiple")
    named = re.compile(_TO_BASE + "(" + _OFFICIAL_COUNT.removeprefix("(?i)") + ")")
    concepts: dict[int, str] = {}
    sources: dict[int, str] = {}
    years: dict[int, str] = {}
    own_base: dict[int, bool] = {}
    for i, doc, sentence_start, concept, source, before, after, _ in multiples.iter_rows():
        if found := named.match(after):
            year = found.group(2)
            own_base[i] = True
        elif re.match(_BARE_MULTIPLE, after):
            text = (texts or {}).get(doc) or ""
            previous = _last_sentence(text[: sentence_start or 0].rstrip()) if text else ""
            bases = list(re.finditer(_OFFICIAL_COUNT, previous + " " + before))
            if not bases:
                continue
            year = bases[-1].group(1)
        else:
            continue
        measure = re.sub(r"^(?:excess|official)\s+", "", concept or "")
        concepts[i] = f"{measure}{AGAINST}official count"
        if source is not None:
            sources[i] = f"{source}, a multiple of the official count"
        if year:
            years[i] = year
    if not concepts:
        return frame
    return frame.with_columns(
        pl.coalesce(at_rows("", frame.height, concepts, pl.String()), "concept_key").alias(
            "concept_key"
        ),
        pl.coalesce(at_rows("", frame.height, sources, pl.String()), "concept_source").alias(
            "concept_source"
        ),
        pl.coalesce(at_rows("", frame.height, years, pl.String()), "period").alias("period"),
        # a multiple whose own words name its base ("ten times the official figure") is
        # read from its own words: how far that count falls short of what the sentence counts
        (
            pl.col("frame_sure")
            | (
                pl.lit(at_rows("", frame.height, own_base, pl.Boolean()).fill_null(False))
                & (pl.col("entity") != "unspecified")
            )
        ).alias("frame_sure"),
    )


def _spaced_words(text: pl.Expr) -> pl.Expr:
    """The words of ``text``, lower-cased, one space between them and one at each end."""
    return pl.concat_str(
        pl.lit(" "), text.str.to_lowercase().str.replace_all(r"[^\w]+", " "), pl.lit(" ")
    )


def _rate_named(frame: pl.DataFrame) -> pl.DataFrame:
    """A figure given as a measure's rate ("the birth rate fell to 1.2", "a death rate of 345
    per million") measures that rate, not a count of the measure: "birth rate", not births.
    Only a figure with no counted noun of its own ("the death rate rose to 900 deaths" counts)."""
    # a literal search for "<measure>[s] rate[s]" among the words (a regex made from each
    # row's measure would be compiled once for every row), only where "rate" is written
    clause = _spaced_words(before_figure().str.extract(r"([^,;:()]*)$", 1).fill_null(""))
    measure = pl.col("concept_key").fill_null("").str.replace(r":.*$", "")
    named = _spaced_words(measure).str.strip_suffix(" ")
    said = pl.lit(False)
    for form in ("{} rate ", "{} rates ", "{}s rate ", "{}s rates "):
        said = said | clause.str.contains(pl.format(form, named), literal=True)
    maybe = pl.col("unit").is_null() & before_figure().str.contains(r"(?i)rate")
    rows = (
        frame.with_row_index("_row").filter(maybe).filter((measure != "") & said).get_column("_row")
    )
    rate = pl.int_range(pl.len(), dtype=pl.UInt32).is_in(rows.implode())
    return frame.with_columns(
        **where(
            rate,
            concept_key=pl.format("{} rate", pl.col("concept_key")),
            concept_source=pl.format("{}, a rate of it", pl.col("concept_source")),
        )
    )


def _per_head(frame: pl.DataFrame) -> pl.DataFrame:
    """A rate per head of population names its measure with the population."""
    # "12 deaths in each 10,000 residents" is a rate, not a count of deaths
    per_head = (
        pl.concat_str(
            pl.col("surface").fill_null("").str.extract(r"(?i)\s((?:per|for)\s.*)$", 1),
            after_figure(),
            ignore_nulls=True,
        )
        .str.extract(_PER_HEAD, 1)
        .str.to_lowercase()
        .str.replace_all(r"\s+", " ")
    )
    # "50,000 euros each", "pay each family €20,000": an amount for each one of those given it
    each_one = pl.coalesce(
        after_figure().str.extract(_EACH_AFTER, 1), before_figure().str.extract(_EACH_BEFORE, 1)
    )
    each = ~each_one.str.contains(_EVERY_TIME)
    per_head = pl.coalesce(per_head, pl.when(each.fill_null(False)).then(pl.lit(_RECIPIENT)))
    # (read once, as a column: it is used twice)
    frame = frame.with_columns(_per_head=per_head)
    per_head = pl.col("_per_head")
    return frame.with_columns(
        concept_key=pl.when(per_head.is_not_null())
        .then(pl.format("{} per {}", pl.col("concept_key"), per_head))
        .otherwise(pl.col("concept_key"))
    ).drop("_per_head")


#: The working columns :func:`_period` reads (see :func:`_period_words`).
_PERIOD_WORDS = ("_clause_before", "_own_months")


def _period_words(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with the words :func:`_period` reads more than once, read once each (an
    expression used twice is computed twice): ``_clause_before``, the clause before the
    figure, and ``_own_months`` (:func:`_own_months`)."""
    return _own_months(frame).with_columns(
        _clause_before=before_figure().str.extract(r"([^,;:()]*)$", 1)
    )


#: Words that set a year's count against another time: "compared with 2020", "than in
#: 2019", "than expected", "the previous year", "the following year", "year on year".
_AGAINST_ANOTHER_TIME = (
    r"(?i)(?-u:\b)(?:compared\s+(?:to|with)|set\s+against|"
    rf"than\s+(?:in\s+|during\s+)?(?:{_YEAR}|the\s+(?:previous|prior|preceding|year|same)|"
    r"expected|usual|normal|average|before)|"
    r"(?:previous|prior|preceding|following|next)\s+year|a\s+year\s+(?:earlier|before)|"
    r"year[\s-]+(?:on|over)[\s-]+year)(?-u:\b)"
)


def _rise_over_a_year(frame: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """ "40,000 more people died in 2030 than in 2029": a year's rise in deaths
    over another year (or over what was expected) counts the deaths above a baseline, which
    is what an excess-death figure counts. Such a rise is read as the year's excess deaths
    (a level of that measure, not a change of the death count), where the vocabulary has
    that measure; a toll that rose over days, with no year set against another, stays a
    change of its own count."""
    measures = set(tables.measure_forms.values())
    if "excess death" not in measures:
        return frame
    # the death counts of the vocabulary ("death", "registered death", ...), excess aside
    deaths = sorted(m for m in measures if m.split()[-1] == "death" and m != "excess death")
    candidate = (
        pl.col("is_delta")
        & (pl.col("change") == "increase")
        & pl.col("concept_key").is_in(deaths)
        & pl.col("period").cast(pl.String).str.contains(rf"^{_YEAR}$")
    )
    # (the sentence is searched only on the few rises of deaths in a year)
    against = pl.col("sentence").fill_null("").str.contains(_AGAINST_ANOTHER_TIME)
    rows = frame.with_row_index("_row").filter(candidate).filter(against).get_column("_row")
    take = pl.int_range(pl.len(), dtype=pl.UInt32).is_in(rows.implode())
    return frame.with_columns(
        **where(
            take,
            concept_key=pl.lit("excess death"),
            is_delta=pl.lit(False),
            concept_source=pl.format(
                "{}, a year's rise over another time: excess", pl.col("concept_source")
            ),
        )
    )


def _cuts_counted(frame: pl.DataFrame) -> pl.DataFrame:
    """ "Will cut 4,000 jobs", "shed 900 roles": a count of things that a verb of cutting
    (``cutting_verbs``) leads, a hedge between, counts the cuts. It is one figure with
    "4,000 job cuts" (its measure the counted noun's, with "cut"), a level, not a change of
    the jobs there are."""
    verbs = phrases(_WORDS.cutting_verbs)
    counted = (pl.col("dimension") == "count") & pl.col("concept_source").cast(
        pl.String
    ).str.starts_with("counted noun")
    # (the words before the figure read only for counts of a counted noun in a sentence
    # that writes such a verb, found by a literal search first)
    written = (
        pl.col("sentence")
        .fill_null("")
        .str.contains_any(list(_WORDS.cutting_verbs), ascii_case_insensitive=True)
    )
    (led,) = on_rows(
        frame,
        counted & written,
        before_figure().str.contains(rf"(?i)(?-u:\b)(?:{verbs})\s+(?:{HEDGES}\s+)?$"),
    )
    take = pl.lit(led.fill_null(False)) & ~pl.col("concept_key").cast(pl.String).str.contains(
        r"(?:^|\s)cut$|:"
    )
    cut = pl.format("{} cut", pl.col("concept_key"))
    return frame.with_columns(
        **where(
            take,
            concept_key=cut,
            population=cut,
            is_delta=pl.lit(False),
            concept_source=pl.format("{}, cut", pl.col("concept_source")),
        )
    )


def _rate_of_change(frame: pl.DataFrame) -> pl.DataFrame:
    """A rise in percent of a level that has a rate of its own (``rates_of_change``) is that
    rate's level: "the economy grew 2.3%", "growth of 2.3%" and "growth was 2.3%" are one
    growth rate; "prices rose 5% from a year earlier" is the inflation rate. A fall is left
    alone (a loss of output is read apart)."""
    rates = _WORDS.rates_of_change
    take = (
        pl.col("is_delta")
        & (pl.col("unit") == "percent")
        & (pl.col("change") != "decrease").fill_null(True)
        & pl.col("concept_key").is_in(list(rates))
    )
    return frame.with_columns(
        concept_key=pl.when(take)
        .then(pl.col("concept_key").replace_strict(rates, default=None))
        .otherwise(pl.col("concept_key")),
        concept_source=pl.when(take)
        .then(pl.format("{}, a rise in percent: its rate", pl.col("concept_source")))
        .otherwise(pl.col("concept_source")),
        is_delta=pl.col("is_delta") & ~take,
    )


#: "set a new record of", "hits a heat record of": words before a figure that make it the
#: record set now, not an earlier one.
_NEW_RECORD = (
    r"(?i)\b(?:new|sets?|setting|hit|hits|hitting|reached|reaches|reaching)\s+"
    r"(?:[\w-]+\s+){0,2}record\s+of\s*$"
)


#: A word before a toll in the figure's clause ("its military death toll rose to"): group 1.
_TOLL_OF = (
    rf"(?i)(?-u:\b)({alternation(_WORDS.toll_groups)})\s+(?:death\s+)?"
    r"(?:toll|deaths?|dead|casualt(?:y|ies)|losses)(?-u:\b)[^,;:.()]*$"
)
#: A sentence whose subject is a thing of a year: "The 2019 floods ...", "A 2019 survey ...",
#: or set beside a first noun phrase, "The previous record, a 2019 fire in the hills, ..."
#: (group 1 the year; "Unlike the 2019 fire, ..." opens with no subject of that year).
_SUBJECT_YEAR = (
    rf"(?i)^\s*(?:(?:the|a|an)\s+|[^,;:]{{0,60}},\s+(?:the|a|an)\s+)({_YEAR})\s+(?-i:[a-z])"
)


#: "She recalled the 2012 collapse at the shaft, which killed 22 miners": a figure in a clause
#: that tells of a thing of a past year is of that year.
_RELATIVE_YEAR = (
    rf"(?i)(?-u:\b)the\s+({_YEAR})\s+(?-i:[a-z])[^,;:()]{{0,60}},\s+(?:which|that)\s+"
    r"(?:[a-z]+\s+){0,3}$"
)


def _period(frame: pl.DataFrame) -> pl.DataFrame:
    """The reference period a figure's words give (``period``), read on ``frame`` (a slice of
    the rows: see :func:`reconcile.columns.in_slices`): the words around each figure and the
    readings the choice takes more than once are read once each, as columns (an expression
    used twice is computed twice), and the choice made of them (:func:`_period_chosen`)."""
    frame = frame.with_columns(**{_P_AFTER: after_figure(), _P_BEFORE: before_figure()})
    after, before = pl.col(_P_AFTER), pl.col(_P_BEFORE)
    clause = pl.col("_clause_before")
    feared = after.str.contains(_FEARED) & ~after.str.contains(_FEARED + _STILL_MISSING)
    # "The 2019 floods cost €90 million", "The record, a 2019 fire in the hills, caused
    # €150 million": a subject that is a thing of a past year gives the figure that year
    subject_year = pl.coalesce(
        before.str.extract(_SUBJECT_YEAR, 1), before.str.extract(_RELATIVE_YEAR, 1)
    )
    frame = frame.with_columns(
        **{
            _P_LONG_RUN: pl.col("sentence").fill_null("").str.contains(_LONG_RUN),
            _P_PROJECTED: clause.str.contains(_PROJECTED)
            | feared
            | clause.str.contains(_PLANNED)
            | after.str.contains(_FORESEEN_AFTER)
            | clause.str.contains(_EXPECTED_OF),
            # "830,000 deaths in 2020": a year right after the figure's phrase is its period,
            # even when the sentence names other years; a span ("in 2020 and 2021") is not one
            _P_YEAR_AFTER: after.str.extract_groups(_YEAR_AFTER),
            _P_SUBJECT_YEAR: subject_year,
        }
    )
    return frame.select(_period_chosen().alias("period"))


#: The working columns of :func:`_period`: the words after and before the figure, and the
#: readings :func:`_period_chosen` takes more than once.
_P_AFTER, _P_BEFORE = "_p_after", "_p_before"
_P_LONG_RUN, _P_PROJECTED = "_p_long_run", "_p_projected"
_P_YEAR_AFTER, _P_SUBJECT_YEAR = "_p_year_after", "_p_subject_year"


def _period_chosen() -> pl.Expr:
    """The reference period a figure's words give: a record's year, its own year, an
    average, an earlier record, the long run, a projection, or the sentence's one year
    (read from the columns :func:`_period_words` and :func:`_period` add)."""
    long_run, projected = pl.col(_P_LONG_RUN), pl.col(_P_PROJECTED)
    before = pl.col("_clause_before")
    after = pl.col(_P_AFTER)
    # "the 2014 record of 138 megatonnes": a year right before names the figure's period
    record_year = before.str.extract(
        rf"\b({_YEAR})\s+(?:record|peak|high|level|total|season)\s+(?:of\s+)?$", 1
    )
    # "the previous record of 7.6 million", "the previous high of 9 GW": an earlier record is
    # a figure of its own time
    earlier_record = before.str.contains(
        r"(?i)\b(?:(?:previous|old|former|prior|earlier)\s+(?:\w+\s+){0,2}(?:record|high|peak)\b"
        r"|record\s+of\s*$)"
    )
    # "set a new record of 12 GW", "hits heat record of 40C": the record the figure sets is
    # of its own time ("beat the record of 39C" is the earlier one)
    new_record = before.str.contains(_NEW_RECORD)
    earlier_record = earlier_record & ~new_record
    # "short of the five-year average of 120": an average is a reference, not a count
    average = before.str.contains(r"(?i)\baverage\s+(?:of\s+|is\s+|was\s+)?$")
    # "up from last month's tally of 900": the count of the period before, not this one's
    previous = before.str.extract(
        r"(?i)\b(?:previous|last|prior|preceding|earlier)\s+(year|month|week|day|season|quarter)"
        r"(?:'s|\u2019s)?\s+(?:count|total|tally|figure|level|number)\s+(?:of|was|stood\s+at)\s*$",
        1,
    )
    # the last year named before the figure, the one "the previous year" is counted back from
    year_before = (
        pl.col(_P_BEFORE).str.extract_all(rf"\b{_YEAR}\b").list.last().cast(pl.Int32, strict=False)
    )
    year_after = pl.col(_P_YEAR_AFTER)
    one_year = pl.when(year_after.struct.field("2").is_null()).then(
        year_after.struct.field("1").cast(pl.Int32, strict=False)
    )
    own_year = pl.when(one_year < pl.col("published").dt.year().fill_null(9999)).then(
        year_after.struct.field("1")
    )
    subject_year = pl.col(_P_SUBJECT_YEAR)
    subject_year = pl.when(
        subject_year.cast(pl.Int32, strict=False) < pl.col("published").dt.year()
    ).then(subject_year)
    # "growth of 2% in 2032" written in 2031: a later year's forecast is of that year, not
    # this year's ("this year", or a year not named, is the year of publication)
    later_year = pl.when(one_year > pl.col("published").dt.year()).then(
        year_after.struct.field("1")
    )
    # "0.4% in the fourth quarter": a quarter's figure is not the year's
    quarter = after.str.extract(_QUARTER_AFTER, 1).str.to_lowercase()
    # "to rise to 7.3% by the end of the year": a level foreseen for then, not now's
    year_end = (
        pl.when(after.str.contains(_BY_YEAR_END))
        .then(
            pl.coalesce(
                after.str.extract(_BY_YEAR_END, 1),
                pl.col("published").dt.year().cast(pl.String),
            )
        )
        .str.replace(r"^", "end of ")
    )
    period = (
        pl.when(record_year.is_not_null())
        .then(record_year)
        .when(own_year.is_not_null() & ~long_run & ~projected)
        .then(own_year)
        .when(later_year.is_not_null() & ~long_run)
        .then(later_year)
        .when(subject_year.is_not_null())
        .then(subject_year)
        .when(quarter.is_not_null())
        .then(pl.format("{} quarter", quarter))
        .when(year_end.is_not_null() & ~long_run)
        .then(year_end)
        .when(pl.col("_own_months").is_not_null() & ~long_run & ~projected)
        .then(pl.col("_own_months"))
        .when(average)
        .then(pl.lit("average"))
        # "5 million births in 2030, above last year's total of 4 million": 2029
        .when((previous.str.to_lowercase() == "year") & year_before.is_not_null())
        .then((year_before - 1).cast(pl.String))
        .when(previous.is_not_null())
        .then(pl.format("previous {}", previous.str.to_lowercase()))
        .when(earlier_record)
        .then(pl.lit("earlier record"))
        .when(long_run)
        .then(pl.lit(LONG_RUN))
        .when(projected)
        .then(pl.lit("projected"))
        .when(pl.col("as_of_source") == YEAR_NAMED)
        .then(pl.col("as_of").dt.year().cast(pl.String))
        .otherwise(None)
    )
    return period


@functools.cache
def _month_reading_patterns() -> tuple[str, str, str]:
    """Regexes for ``_dates_a_level``: a level verb governing the figure (ending the words
    before it, a hedge aside, or governing the whole it is a listed part of), a present level
    verb after the figure's noun, a span word."""
    words = month_readings()
    verbs = alternation(words.level_verbs)
    # "hosts 40,000 refugees, including 9,000 children and 4,000 elderly": words of one
    # clause (a thousands comma inside a number aside), the whole, the parts before this one
    words_of_clause = r"(?:\d,\d|[^,;:()])*"
    opener = alternation(words.part_openers)
    part = rf",\s*(?:{opener})\s+(?:{words_of_clause}\s(?:and|or)\s+)?"
    verb = rf"(?i)(?:^|\s)(?:{verbs})\s+(?:{words_of_clause}{part})?{_HEDGE}"
    after = rf"(?i)^\s*(?:[\w-]+\s+){{0,3}}?(?:{alternation(words.level_after)})\s"
    span = rf"(?i)\b(?:{alternation(words.span_words)})\b"
    return verb, after, span


def _dates_a_level(gap: pl.Expr) -> pl.Expr:
    """Whether a month after the figure dates a level rather than spans a flow
    (``data/month_readings.yaml``): a level verb governs the figure ("hosts 1.5 million",
    "stood at 6%", "refugees are registered", "holds 700, including 300") and no span word
    ("during", "alone") stands in ``gap``, the words from the figure to the month (false
    where ``gap`` is null)."""
    verb, after, span = _month_reading_patterns()
    # (the clause is read only where a month follows: its verb pattern is long)
    clause = (
        pl.when(gap.is_not_null())
        .then(before_figure())
        .str.extract(r"([^;:()]*)$", 1)
        .fill_null("")
    )
    gap = gap.fill_null("")
    return (clause.str.contains(verb) | gap.str.contains(after)) & ~gap.str.contains(span)


def _own_months(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with ``_own_months``, the month or months a figure counts over
    (``_MONTH_AFTER``): "may 2030", "april-may 2030" (the year the words give, else the year
    of the figure's date); null where the month dates a level (``_dates_a_level``). The
    words after the figure are matched once (group 1 the whole match), and only in the
    sentences that name a month (the words after every figure would be written out)."""

    def read(rows: pl.DataFrame) -> pl.DataFrame:
        # (the match held as a column: each of its groups read from an expression would
        # match the words again)
        found = rows.with_columns(_found=after_figure().str.extract_groups(f"({_MONTH_AFTER})"))
        return found.select(_own_months_read(pl.col("_found")).alias("_own_months"))

    named = pl.col("sentence").str.contains(MONTH_NAMES)
    return frame.with_columns(read_on_rows(frame, named, _OWN_MONTHS_READS, read))


#: The columns :func:`_own_months` reads.
_OWN_MONTHS_READS = ("sentence", "sentence_start", "start", "end", "as_of")


def _own_months_read(found: pl.Expr) -> pl.Expr:
    """The month or months of :func:`_own_months` from ``found``, the groups of its match."""
    gap = found.struct.field("1")
    first = found.struct.field("2").str.to_lowercase()
    last = found.struct.field("3").str.to_lowercase()
    year = pl.coalesce(found.struct.field("4"), pl.col("as_of").dt.year().cast(pl.String))
    months = pl.when(last.is_not_null()).then(pl.format("{}-{}", first, last)).otherwise(first)
    return pl.when(first.is_not_null() & ~_dates_a_level(gap)).then(
        pl.concat_str(months, year, separator=" ", ignore_nulls=True)
    )


def _still_going(frame: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """ "900 fires burning across the country": a participle of going on after the counted
    noun makes the count of what is active now, where the vocabulary has an "active" form."""
    keys = set(tables.measure_forms.values())
    active_of = {m: f"active {m}" for m in keys if f"active {m}" in keys}
    after = after_figure()
    going = after.str.contains(
        r"(?i)^\s*(?:(?:are|were|is|was)\s+)?(?:still\s+)?(?:burning|raging|active|ongoing)\b"
    )
    active = pl.col("concept_key").replace_strict(active_of, default=None)
    return frame.with_columns(
        concept_key=pl.when(going & active.is_not_null())
        .then(active)
        .otherwise(pl.col("concept_key"))
    )


#: A verb of recording right before a figure ("the registry recorded 8.1 million deaths",
#: "hospitals logged nearly 900 deaths"), a qualifier of size between them allowed.
_RECORDED_BEFORE = r"(?i)(?-u:\b)(?:recorded|registered|logged)\s+(?:a\s+total\s+of\s+)?" + _HEDGE


#: Words after a recorded count that name what caused it ("since the storm", "from the
#: fever", "due to the floods", "from hunger"), or "such" before its noun ("400 such
#: deaths": of the kind just named): the toll of an event, recorded, not the register's count.
_CAUSED = (
    rf"(?i)(?-u:\b){phrases(_WORDS.caused)}\s+(?:(?:the|a|an|this|that|its|their)\s|"
    r"(?-i:[a-z]{3,})(?-u:\b))|^\s*such\s"
)
#: ... but "deaths from all causes" is what a register counts.
_ANY_CAUSE = rf"(?i)(?-u:\b){phrases(_WORDS.caused)}\s+(?:all|any|every)\s"


def _recorded(frame: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """ "The registry recorded 8.1 million deaths" says what "8.1 million recorded deaths"
    says: a count a verb of recording takes is the recorded count, where the vocabulary
    has a recorded form of the figure's measure (``registered death``); not where its
    clause names a cause ("recorded 500 deaths since the storm" is the storm's toll)."""
    measures = set(tables.measure_forms.values())
    recorded_of = {m: f"registered {m}" for m in measures if f"registered {m}" in measures}
    recorded = pl.col("concept_key").replace_strict(recorded_of, default=None)
    # (the words are read only where the measure has a recorded form)
    has_form = recorded.is_not_null()
    lead = pl.col("surface").fill_null("").str.extract(r"^([^0-9]*)", 1).fill_null("")
    clause = pl.when(has_form).then(after_figure()).str.extract(r"^([^,;:.()]*)", 1).fill_null("")
    said = pl.when(has_form).then(pl.concat_str(before_figure(), lead)).str.contains(
        _RECORDED_BEFORE
    ) & ~(clause.str.contains(_CAUSED) & ~clause.str.contains(_ANY_CAUSE))
    # (read once for both columns: each use of an expression computes it again)
    frame = frame.with_columns(_recorded=pl.when(said & has_form).then(recorded))
    take = pl.col("_recorded").is_not_null()
    return frame.with_columns(
        **where(
            take,
            concept_key=pl.col("_recorded"),
            concept_source=pl.format("{}, taken by a verb of recording", pl.col("concept_source")),
        )
    ).drop("_recorded")


#: "by" and a source: a name ("by the Health Agency") or a government or its body named by
#: a common noun ("by the ministry", "by the health ministry"); not "by hospitals".
_BY_SOURCE_NAMED = (
    r"\s+by\s+(?:the\s+|[Tt]he\s+)?(?:[A-Z]|(?:[a-z-]+\s+){0,2}"
    rf"(?i:{phrases([*_WORDS.home_government, *_WORDS.home_bodies])})\b)"
)


def _certainty(frame: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """ "1,200 suspected cases" and "300 confirmed cases" are two counts, where the vocabulary
    has such a form of the figure's measure (``suspected case``): the word of certainty
    (reading_words.yaml ``certainty``) in the figure's own phrase ("4,000 suspected cholera
    cases"), right after a bare figure ("85 suspected and 12 confirmed cases"), in the verb
    after it ("310 cases had been confirmed", "90 of them were confirmed", which is also a
    part of the figure before) or before it with the measure's noun ("the number of
    suspected cases at 85") gives the figure that form."""
    measures = set(tables.measure_forms.values())
    base_of = {
        form: m for m in measures for w in _WORDS.certainty if (form := f"{w} {m}") in measures
    }
    base_of |= {m: m for m in base_of.values()}
    # (a part of a figure, "case: had been confirmed", is read as its whole's measure)
    base = pl.col("concept_key").str.replace(r":\s.*$", "").replace_strict(base_of, default=None)
    if frame.select(base.is_null().all()).item():
        return frame
    words = phrases(_WORDS.certainty)
    nouns = alternation(f for f, m in tables.measure_forms.items() if m in base_of.values())
    has_form = base.is_not_null()
    # (the words of the figures that have such a form read once for each distinct text)
    lead = pl.col("_cs_lead").str.replace(r"^[^0-9]*", "")
    frame = per_distinct(
        frame,
        pl.when(has_form).then(pl.col("surface").fill_null("")).alias("_cs_lead"),
        lambda leads: leads.with_columns(
            _cs_own=lead.str.extract(rf"(?i)^\S*\s+(?:[a-z-]+\s+)?({words})\b", 1),
            _cs_one_word=~lead.str.contains(r"\s"),
        ),
    )
    after = pl.col("_cs_after")
    frame = per_distinct(
        frame,
        pl.when(has_form).then(after_figure()).alias("_cs_after"),
        lambda texts: texts.with_columns(
            _cs_right_after=after.str.extract(rf"(?i)^\s*({words})\b", 1),
            _cs_verb=after.str.extract(
                rf"(?i)^\s*(?:of\s+(?:them|those|these|which)\s+)?(?:(?:had|has|have|were|was|"
                rf"are|is)\s+)?(?:been\s+)?({words})\b",
                1,
            ),
        ),
    )
    before = pl.col("_cs_before").str.extract(r"([^,;:()]*)$", 1)
    frame = per_distinct(
        frame,
        pl.when(has_form).then(before_figure()).alias("_cs_before"),
        lambda texts: texts.with_columns(
            _cs_before_noun=before.str.extract(
                rf"(?i)\b({words})\s+(?:[a-z-]+\s+)?(?:{nouns})\b[^0-9]*$", 1
            )
        ),
    )
    said = pl.coalesce(
        "_cs_own",
        pl.when(pl.col("_cs_one_word")).then(pl.col("_cs_right_after")),
        "_cs_verb",
        "_cs_before_noun",
    ).str.to_lowercase()
    # (the word read once: an expression is computed anew at every use)
    frame = frame.with_columns(_c_said=said).drop(
        "_cs_own", "_cs_one_word", "_cs_right_after", "_cs_verb", "_cs_before_noun"
    )
    said = pl.col("_c_said")
    certain = pl.format("{} {}", said, base)
    frame = frame.with_columns(
        _certain=pl.when(certain.is_in(list(base_of))).then(certain),
        _base=pl.when(pl.col("concept_key") == base).then(base),
        _said=pl.format("called {}", said),
    ).drop("_c_said")
    frame = _certainty_restated(frame)
    take = pl.col("_certain").is_not_null()
    return frame.with_columns(
        **where(
            take,
            concept_key=pl.col("_certain"),
            concept_source=pl.format("{}, {}", pl.col("concept_source"), pl.col("_said")),
        )
    ).drop("_certain", "_base", "_said")


#: A plain count at most this many times a confirmed one in its document is that count again.
_SAME_SHARE = 1.25


def _confirmed_alone(frame: pl.DataFrame) -> pl.DataFrame:
    """ "689 confirmed cases" in one report, "412 cases" in another: where no count of the
    measure is called suspected or probable for the figure's entity, a confirmed count is the
    plain count (news calls the cases it counts "cases", and says "confirmed" only now and
    then). It stays a count of its own beside a suspected count, and where its document
    gives a plain count well above it ("2,000 cases, 650 of them confirmed": a part)."""
    key = pl.col("concept_key")
    base = key.str.extract(r"^confirmed (.+)$", 1)
    if frame.select(base.is_null().all()).item():
        return frame

    def of(column: str, measure: pl.Expr) -> pl.Expr:
        return pl.concat_str(
            pl.col(column).cast(pl.String).fill_null(""), measure, separator="\x1f"
        )

    doubted = frame.select(
        of("entity", key.str.extract(r"^(?:suspected|probable) (.+)$", 1)).drop_nulls().unique()
    ).to_series()
    # the largest plain count of each document and measure
    largest = frame.group_by(of("doc_id", key).alias("_k")).agg(pl.col("value").max())
    above = (
        frame.select(of("doc_id", base).alias("_k"))
        .join(largest, on="_k", how="left", maintain_order="left")
        .get_column("value")
    )
    take = (
        base.is_not_null()
        & ~of("entity", base).is_in(doubted.implode())
        & ~(pl.lit(above) > pl.col("value") * _SAME_SHARE).fill_null(False)
    )
    return frame.with_columns(
        **where(
            take,
            concept_key=base,
            concept_source=pl.format("{} (no count called suspected)", pl.col("concept_source")),
        )
    )


@functools.cache
def _stance_verbs() -> dict[str, str]:
    """Every form of the verbs of ``pay_stances`` (its first word inflected: "asking for")
    -> the measure of that stance."""
    forms: dict[str, str] = {}
    for measure, verbs in _WORDS.pay_stances.items():
        for verb in verbs:
            first, *rest = verb.split()
            for form in sorted(inflections(first, classes=("VERB",))):
                forms.setdefault(" ".join([form, *rest]), measure)
    return forms


#: The measure a stance narrows (or none known: "the union wants a 14% rise").
_STANCE_OF = "wage"


def _pay_stance(frame: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """A figure of pay, or of no known measure, in percent or money, that a verb of
    ``pay_stances`` leads to in its clause ("is demanding a 14% pay rise", "have offered 5%",
    "accepted a 9% rise", a few words at most between them) is a pay claim, offer or deal:
    what one side of a dispute asks for, what the other offers and what both agree are
    three figures, not one wage updated or disputed."""
    verbs = _stance_verbs()
    # (a stance the figure before lent it gives way to its own verb's)
    known = set(tables.measure_forms.values()) - {_STANCE_OF, *verbs.values()}
    open_measure = ~pl.col("concept_key").fill_null("").str.replace(r":\s.*$", "").is_in(known)
    # (the sentence read for words of pay only where the figure is a sum)
    of_pay = (
        pl.when(pl.col("dimension") == "currency")
        .then(pl.col("sentence").fill_null(""))
        .str.contains(rf"(?i)\b{phrases(_WORDS.pay_words)}\b")
    )
    wanted = ((pl.col("dimension") == "ratio") | ((pl.col("dimension") == "currency") & of_pay)) & (
        open_measure
    )
    before = pl.col("_ps_before").str.extract(r"([^,;:()]*)$", 1)
    said = before.str.extract(
        rf"(?i)\b({phrases(longest_first(verbs))})\s+(?:[a-z'-]+\s+){{0,2}}?{_HEDGE}", 1
    ).str.to_lowercase()
    # (the verb read once for each distinct text: an expression is computed anew at every use)
    frame = per_distinct(
        frame,
        pl.when(wanted).then(before_figure()).alias("_ps_before"),
        lambda texts: texts.with_columns(_stance_verb=said),
    )
    stance = pl.col("_stance_verb").replace_strict(verbs, default=None)
    frame = frame.with_columns(_stance=stance)
    take = pl.col("_stance").is_not_null()
    return frame.with_columns(
        **where(
            take,
            concept_key=pl.col("_stance"),
            concept_source=pl.format("the verb '{}' leading to it", pl.col("_stance_verb")),
        ),
        frame_sure=pl.col("frame_sure") | take,
    ).drop("_stance", "_stance_verb")


def _certainty_restated(frame: pl.DataFrame) -> pl.DataFrame:
    """A plain figure (``_base``) that its article gives again, for the same place, with one
    word of certainty ("Cases pass 4,000" in a headline, "more than 4,000 suspected cases" in
    the text) is that figure restated: it takes the form (``_certain``) too."""
    keys = ["doc_id", "entity", "value", "concept_key"]
    told = (
        frame.filter(pl.col("_certain").is_not_null())
        .select(*keys[:3], pl.col("_certain").str.replace(r"^\S+\s+", "").alias("concept_key"),
                pl.col("_certain").alias("_restated"))
        .unique()
        .filter(pl.len().over(keys) == 1)
    )  # fmt: skip
    if told.is_empty():
        return frame
    frame = join_beside(frame, told, keys)
    again = pl.col("_certain").is_null() & pl.col("_base").is_not_null()
    again = again & pl.col("_restated").is_not_null()
    return frame.with_columns(
        _certain=pl.when(again).then(pl.col("_restated")).otherwise(pl.col("_certain")),
        _said=pl.when(again).then(pl.lit("a figure its article calls so")).otherwise("_said"),
    ).drop("_restated")


def _official(frame: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """ "The official toll of 480": an official count is a measure of its own, apart from
    estimates of the same toll ("as many as 3,000 may have died"), where the vocabulary has
    an official form of the figure's measure (``official death``). "Official" must stand
    before the figure in its sentence with no other number between them (years and names
    such as "Storm-9" aside); or "confirmed", "recorded" or "reported" right after the
    figure and its counted noun ("480 deaths confirmed")."""
    measures = set(tables.measure_forms.values())
    official_of = {
        m: form
        for m in measures
        if (form := f"official {m.split()[-1]}") in measures and not m.startswith("official ")
    }
    official = pl.col("concept_key").replace_strict(official_of, default=None)
    # (the words are read only where the measure has an official form)
    has_form = official.is_not_null()
    before = pl.when(has_form).then(before_figure()).str.replace_all(rf"\b{_YEAR}\b|\w+-\d+\b", "")
    # "480 deaths confirmed since March", "deaths reported by hospitals": a count confirmed,
    # recorded or reported is the official one too; "78 deaths recorded by the Health
    # Agency" (or "by the ministry") names whose count it is, as "the agency's 78 deaths"
    # does, not its kind
    verb = r"^\s*(?i:(?:officially\s+)?(?:recorded|reported|confirmed))"
    after = pl.when(has_form).then(after_figure())
    counted = (
        pl.col("surface").fill_null("").str.contains(r"[A-Za-z]\s*$")
        & after.str.contains(verb + r"\b")
        & ~after.str.contains(verb + _BY_SOURCE_NAMED)
    )
    said = before.str.contains(r"(?i)\bofficial(?:ly)?\b[^0-9]{0,120}$") | counted
    # (read once for both columns: each use of an expression computes it again)
    frame = frame.with_columns(_official=pl.when(said & has_form).then(official))
    take = pl.col("_official").is_not_null()
    frame = frame.with_columns(
        **where(
            take,
            concept_key=pl.col("_official"),
            concept_source=pl.format("{}, called official", pl.col("concept_source")),
        )
    ).drop("_official")
    return _official_without_estimates(frame, official_of)


#: Words that make a figure an estimate of a toll rather than a count of it ("estimates
#: that 3,000 died", "excess deaths", "the true toll", "undercounted"): each word's start,
#: and the rest of its word or phrase. A sentence holding none of the starts is searched no
#: further.
_TOLL_NOUN = r"\s+(?:toll|number|figure|count)"
_ESTIMATE_WORDS = {
    "estimat": r"\w*",
    "excess": "",
    "model": r"(?:l)?ed",
    "under": r"-?(?:count|report)\w*",
    "true": _TOLL_NOUN,
    "actual": _TOLL_NOUN,
    "real": _TOLL_NOUN,
}
_ESTIMATE = (
    r"(?i)(?-u:\b)(?:"
    + "|".join(start + rest for start, rest in _ESTIMATE_WORDS.items())
    + r")(?-u:\b)"
)


def _official_without_estimates(frame: pl.DataFrame, official_of: dict[str, str]) -> pl.DataFrame:
    """ "Official" sets a count apart from estimates of the same toll; where nobody gives
    such an estimate for the place, the official toll is the toll every other source
    counts too ("the official toll from the floods reached 3,100" and "the floods killed
    3,300"), and it joins their measure. An estimate is a figure of the measure (or of
    another form of it, "excess death") whose own clause says it is one (``_ESTIMATE``)."""
    # "official death" is the official form of "death", the measure its last word names
    base_of = {o: o.split()[-1] for o in set(official_of.values()) if o.split()[-1] in official_of}
    key = pl.col("concept_key")
    if not base_of or frame.filter(key.is_in(list(base_of))).is_empty():
        return frame
    # the forms an estimate of the toll may take: the measure and its other forms
    forms = {m: m.split()[-1] for m in official_of if m.split()[-1] in base_of.values()}
    # the figure's own clause: the words before it and after it up to a mark of punctuation
    clause = pl.concat_str(
        before_figure().str.extract(r"([^,;:()\u2014]*)$", 1).fill_null(""),
        pl.col("surface").fill_null(""),
        after_figure().str.extract(r"^([^,;:()\u2014]*)", 1).fill_null(""),
        separator=" ",
    )
    # (searched only in the sentences of those forms that hold a word of an estimate)
    words = pl.col("sentence").fill_null("")
    estimates = (
        frame.filter(key.is_in(list(forms)))
        .filter(words.str.contains_any(list(_ESTIMATE_WORDS), ascii_case_insensitive=True))
        .filter(clause.str.contains(_ESTIMATE))
        .select("entity", _base=key.replace_strict(forms, default=None))
        .unique()
        .with_columns(_estimated=pl.lit(True))
    )
    frame = frame.with_columns(_base=key.replace_strict(base_of, default=None))
    frame = join_beside(frame, estimates, ["entity", "_base"])
    alone = pl.col("_base").is_not_null() & pl.col("_estimated").is_null()
    return frame.with_columns(
        concept_key=pl.when(alone).then(pl.col("_base")).otherwise(key),
        concept_source=pl.when(alone)
        .then(pl.format("{}, with no estimate of that toll beside it", pl.col("concept_source")))
        .otherwise(pl.col("concept_source")),
    ).drop("_base", "_estimated")


#: Figures of an event measure this many days apart or fewer are of one event (a report
#: of the day after counts the day before's march).
EVENT_DAYS = 1


ONLY_NAMED = "the only place or actor named for its measure"

#: What a figure measures, its entity aside: figures alike in all of these may be of one thing.
_MEASURED = (
    "concept_key",
    "population",
    "period",
    "dimension",
    "norm_unit",
    "norm_per",
    "is_delta",
)


def unspecified_filled(claims: pl.DataFrame) -> pl.DataFrame:
    """A figure of no place or actor ("unspecified") takes the one entity the other figures
    of its measure name, when they name exactly one: nothing in its words tells it apart
    from them. With two or more, which one it is of is not known, and it stays apart. A
    place is only taken, not an organisation: a body's figures are of its own affairs. The
    entity taken is a guess, and the frame stays as unsure as a figure of no place is
    (``frame_sure``): grouped with its measure's figures, never shown as their rival."""
    if not (claims.get_column("entity") == "unspecified").any():
        return claims  # (nothing to fill: no column of a million rows is made for it)
    place = ~pl.col("entity_source").cast(pl.String).str.starts_with(ORGANISATION)
    named = pl.when((pl.col("entity") != "unspecified") & place).then(pl.col("entity"))
    # (one pass over the measures' groups: how many entities each names, and the first)
    frame = claims.with_columns(
        _n=named.drop_nulls().n_unique().over(_MEASURED),
        _only=named.drop_nulls().first().over(_MEASURED),
    )
    fill = (
        (pl.col("entity") == "unspecified")
        & (pl.col("_n") == 1)
        & (pl.col("entity_source").cast(pl.String) != WHOLE_COUNTRY)
    )
    return frame.with_columns(
        entity=pl.when(fill).then(pl.col("_only")).otherwise(pl.col("entity")),
        entity_source=pl.when(fill)
        .then(pl.lit(ONLY_NAMED))
        .otherwise(pl.col("entity_source").cast(pl.String))
        .cast(pl.Categorical),
    ).drop("_n", "_only")


def assign_windows(claims: pl.DataFrame, *, window_days: int | None) -> pl.DataFrame:
    """``series_id`` (the quantity across time) and ``quantity_id`` (one time window of it),
    and ``SERIES_ORDER``: each claim's place in the order of series, date, document and
    offset (the frame itself keeps its row order).

    A series is one measure of one entity and reference period, in one unit. With
    ``window_days``, a gap of more than that many days between dated figures starts a new
    window and undated figures form a quantity of their own; without it, the whole series
    is one quantity whose verdict tells growth from conflict, and undated figures in it
    are compared with nothing in time (they never make a conflict or a change). The X of "from X to Y" joins the series' earliest window when that window is
    more than a month older than the report; otherwise it stays with the report's date.
    A measure of one day's event (``event_measures``: a march's crowd) starts a new window
    at any gap of more than a day, ``window_days`` or not: two marches are two quantities.
    """
    age = pl.col("dimension").cast(pl.String) == "age"
    series = pl.concat_str(
        [
            pl.col("entity"),
            # (an age is known by its number, below, whatever word its sentence gives it)
            pl.when(age).then(pl.lit("age")).otherwise(pl.col("concept_key")),
            # "5 provinces" affected are not 884,000 people affected
            pl.col("population").fill_null("-"),
            pl.col("period").fill_null("-"),
            pl.col("dimension").cast(pl.String),
            pl.col("norm_unit").fill_null("-"),
            pl.col("norm_per").fill_null("-"),
            pl.col("is_delta").cast(pl.String),
            # "1 of 3 | Crowds gather ...": a photo gallery's counter, page furniture
            pl.when(_gallery_counter()).then(pl.col("claim_id")),
            # an age is of one person or thing ("a 34-year-old nurse", "the 63-year-old
            # stadium"): two ages are one figure only when they are the same number
            pl.when(age).then(pl.col("norm_value").cast(pl.String)),
        ],
        separator="|",
        ignore_nulls=True,
    )
    frame = claims.with_columns(_series=series)
    # (the series' texts, some 100 bytes a row, let go once their ids are made)
    frame = frame.with_columns(series_id=_hashed(frame, "_series", "series")).drop("_series")
    dated = ~pl.col("starting_figure") & pl.col("as_of").is_not_null()
    earliest = (
        frame.select("series_id", "as_of", "starting_figure", "grouped")
        .filter(dated & pl.col("grouped"))
        .group_by("series_id")
        .agg(pl.col("as_of").min().alias("_earliest"))
    )
    moved = (
        pl.col("starting_figure")
        & pl.col("_earliest").is_not_null()
        & (pl.col("_earliest") < pl.col("as_of").dt.offset_by("-1mo"))
    )
    frame = join_beside(frame, earliest, "series_id").with_columns(
        as_of=pl.when(moved).then(pl.col("_earliest")).otherwise(pl.col("as_of")),
        as_of_source=pl.when(moved)
        .then(pl.lit("the start of a change, placed with the series' earliest figures"))
        .otherwise(pl.col("as_of_source")),
    )
    # the windows are read in the order of series and date, on the few columns they need;
    # the frame keeps its order (a sorted copy would copy every column) and that order is
    # kept as SERIES_ORDER for the steps that read the claims in it
    keys = ["series_id", "as_of", "doc_id", "start"]
    event = pl.col("concept_key").cast(pl.String).is_in(list(_WORDS.event_measures))
    ordered = (
        frame.select(
            *keys,
            "grouped",
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"),
            event.fill_null(False).alias("_event"),
        )
        .sort(keys, nulls_last=True)
        .with_columns(pl.int_range(pl.len(), dtype=pl.UInt32).alias(SERIES_ORDER))
    )
    # windows over the grouped figures only (furniture and unusable values take no part)
    # with windows, undated figures are a quantity of their own; without, they join their
    # series but never make a conflict or a change (see reconcile.compare)
    ordered = ordered.with_columns(
        _undated=pl.col("as_of").is_null() & pl.lit(window_days is not None)
    )
    part = ["series_id", "grouped", "_undated"]
    gap = pl.col("as_of").diff().over(part).dt.total_days()
    limit = window_days if window_days is not None else 10**9
    limit_of = pl.when(pl.col("_event")).then(min(limit, EVENT_DAYS)).otherwise(limit)
    ordered = ordered.with_columns(
        _window=(gap.fill_null(0) > limit_of).cast(pl.Int32).cum_sum().over(part)
    )
    first_date = pl.col("as_of").min().over(*part, "_window")
    ordered = ordered.with_columns(
        _quantity=pl.when(pl.col("grouped")).then(
            pl.concat_str(
                [pl.col("series_id"), first_date.cast(pl.String).fill_null("undated")],
                separator="@",
            )
        )
    )
    ordered = ordered.select(
        "_at", SERIES_ORDER, _hashed(ordered, "_quantity", "quantity").alias("quantity_id")
    ).sort("_at")
    frame = frame.with_columns(ordered.get_column("quantity_id"), ordered.get_column(SERIES_ORDER))
    return frame.drop("_earliest")


def _gallery_counter() -> pl.Expr:
    """Whether the figure is the "N of M" that opens a photo caption ("2 of 5 | ...")."""
    opening = pl.col("sentence").fill_null("").str.contains(r"^\s*\d{1,2}\s+of\s+\d{1,2}\s*\|")
    return opening & ((pl.col("start") - pl.col("sentence_start")) < 10)


def _hashed(frame: pl.DataFrame, column: str, kind: str) -> pl.Expr:
    """``stable_id`` of each distinct value of ``column`` (hashing each distinct value once)."""
    values = frame.get_column(column).drop_nulls().unique().to_list()
    ids = {v: stable_id(kind, v) for v in values}
    return pl.col(column).replace_strict(ids, default=None, return_dtype=pl.String)


#: How many distinct values :func:`stable_ids` hashes at a time.
_HASHED_AT_ONCE = 65_536


def stable_ids(values: pl.Series, kind: str) -> pl.Series:
    """``stable_id(kind, v)`` of each value (strings; null stays null), hashing each distinct
    value once and mapping back by a join rather than a Python dictionary."""
    distinct = values.drop_nulls().unique()
    prefix = f"{kind}\x1f"
    # (hashed a slice at a time: the Python texts of one slice are held, not of all; a
    # million distinct values would hold some 60 MB of them at once)
    hashed = pl.concat(
        [
            pl.Series(
                [
                    hashlib.blake2b((prefix + v).encode(), digest_size=8).hexdigest()
                    for v in distinct.slice(at, _HASHED_AT_ONCE)
                ],
                dtype=pl.String,
            )
            for at in range(0, max(len(distinct), 1), _HASHED_AT_ONCE)
        ]
    )
    lookup = pl.DataFrame({"_v": distinct, "_id": hashed})
    return (
        values.to_frame("_v")
        .join(lookup, on="_v", how="left", maintain_order="left")
        .get_column("_id")
        .alias(values.name)
    )
