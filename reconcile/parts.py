"""What part of a whole a figure counts, read from its sentence: "350 of them out of control",
"20,000 of the displaced have returned home", "40% of the dead were women", the share or seats
a named party holds ("the Greens won 12 seats"), and a bound set on a measure ("within the
€7 million limit"). Each of these measures the part (or the bound), not the whole: two parties'
shares of one vote, or a spending limit and what was spent, are never rival figures of one
quantity. Steps of ``reconcile.identify.assign_keys``; the words are data
(``data/reading_words.yaml``).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from .columns import on_rows, per_distinct, sorted_by, where
from .dating import _HEDGE, MONTH_NAMES
from .frames import BEFELL, HEDGES, after_figure, alternation, before_figure, phrases
from .tables import reading_words

__all__ = ["POINTING", "holders", "limits", "share_parts", "subsets"]

#: The word lists read around a figure (``data/reading_words.yaml``).
_WORDS = reading_words()

#: "20,000 of the displaced have returned home", "12 of the missing had been found alive": a
#: count of those of a group named by its state (a participle or adjective used as a noun)
#: that did something since, a part named by the verb (group 1) and the word that goes with
#: it. ("27 of its soldiers had been killed" counts soldiers killed, no part of a group.)
_GROUP_DID = (
    r"(?i)^\s*of\s+the\s+(?:[a-z]+(?:ed|en|ing)|dead|homeless)\s+(?:have|has|had)\s+"
    r"(?:(?:now|already|since|so\s+far|been)\s+)*([a-z][a-z-]+(?:\s+(?:home|back|alive|dead))?)"
)
#: "600 fires, 350 of them out of control", "including 57 classed as arson": a part of
#: the figure before, named by the words after it (group 1).
_SUBSET_AFTER = (
    r"(?i)^\s*(?:of\s+(?:them|those|these|which|whom)\s+)?(?:(?:are|were|is|was)\s+)?"
    r"(?:(?:deemed|considered|classed\s+as|classified\s+as|listed\s+as|rated|described\s+as)\s+)?"
    r"(?:still\s+|now\s+)?((?:out\s+of|under|not|in|at)?\s*[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)"
    r"\s*(?:[,.;:()\u2013\u2014]|\s-\s|\s+(?:with|and|while|but|in|across)\b|$)"
)


#: "11 of the country's 14 regions", "3 of its 40 schools": the whole a part is of, a figure
#: with its noun right after "of" (the words after them name the part).
_OF_A_WHOLE = (
    r"(?i)^\s*of\s+(?:(?:the\s+)?[\w-]+['\u2019]s\s+|the\s+|its\s+|their\s+)[\d,.]+\s+[a-z-]+"
)


#: Words before "N of the M ..." that name no part: verbs of saying and prepositions.
_NO_PART_VERBS = sorted(
    {*_WORDS.source_verbs, "told", "tells", "with", "of", "to", "in", "at", "for", "by", "from"}
)


#: "Of the dead, 13 ...", "Of the evacuees, about 900 ...": the words before a figure, from
#: its sentence's start, naming the group it is a part of by its words alone (a group counted
#: there, "Of the 46 injured, 19 ...", is a figure the part is read against already).
_LED_BY_WHOLE = rf"(?i)^\s*of\s+the\s+[^,.;:\d]{{1,40}},\s*(?:{HEDGES}\s+)?$"


def subsets(frame: pl.DataFrame) -> pl.DataFrame:
    """A part of the figure before it ("900 fires, 500 of them out of control") measures
    the part: its concept is the whole's with the words that name the part."""
    # the whole is the figure just before it in its sentence, and the part is of its measure
    # ("1,000 fires burning, 600 of them out of control": a part of the active fires)
    frame = sorted_by(frame, "doc_id", "start")
    # (the words before and after each figure read once for each distinct text)
    frame = per_distinct(frame, before_figure().alias("_s_before"), _part_before)
    frame = per_distinct(frame, after_figure().alias("_s_after"), _part_after)
    of_them, led, introduced, stated = (
        pl.col(c) for c in ("_s_of_them", "_s_led", "_s_introduced", "_s_stated")
    )
    same_sentence = pl.col("sentence_start").shift(1).over("doc_id") == pl.col("sentence_start")
    # (the part's words are read only after the words that introduce one; "with 150,000
    # still in the dark" with no figure before it in its sentence is a part of nothing)
    part: pl.Expr = pl.when(
        of_them | led | (introduced & stated & same_sentence.fill_null(False))
    ).then(pl.col("_s_part"))
    whole = pl.coalesce(
        pl.when(same_sentence).then(pl.col("concept_key").shift(1).over("doc_id")),
        pl.col("concept_key"),
    )
    part = pl.coalesce(
        part,
        pl.col("_s_group_did"),
        # ("put 11 of the country's 14 regions on alert": a part of the figure after it)
        # (what befell such a part names it already: "40 of the 300 passengers were hurt")
        pl.when(pl.col("_s_of_whole") & ~pl.col("concept_source").str.starts_with(BEFELL))
        .then(pl.coalesce("_s_whole_part", "_s_verb", pl.lit("a part")))
        .str.to_lowercase(),
    )
    # (the part is read once for both columns: each use of an expression computes it again)
    # ("with 640,000 still in the dark": an adverb of time alone names no part)
    frame = frame.with_columns(
        _part=pl.when((part != "") & ~part.is_in(["still", "now"])).then(part)
    ).drop(*_S_READ_ONCE)
    part = pl.col("_part")
    return frame.with_columns(
        **where(
            part.is_not_null(),
            concept_key=pl.format("{}: {}", whole, part),
            concept_source=pl.format("{}, a part named '{}'", pl.col("concept_source"), part),
        )
    ).drop("_part")


#: The readings :func:`subsets` makes once for each distinct text, held while it reads.
_S_READ_ONCE = (
    "_s_led", "_s_introduced", "_s_verb", "_s_of_them", "_s_stated", "_s_part", "_s_group_did",
    "_s_of_whole", "_s_whole_part",
)  # fmt: skip


def _part_before(words: pl.DataFrame) -> pl.DataFrame:
    """``words`` (distinct ``_s_before``, a sentence up to its figure) with whether it is led
    by the group the figure is a part of (``_s_led``), whether its last words introduce a
    part (``_s_introduced``) and the verb right before the figure (``_s_verb``)."""
    before = pl.col("_s_before")
    verb = before.str.extract(rf"(?i)([a-z]+)\s+(?:{HEDGES}\s+)?$", 1)
    return words.with_columns(
        # "Of the dead, 13 lived in the town itself": a sentence led by the group it is a part of
        _s_led=before.str.contains(_LED_BY_WHOLE),
        _s_introduced=before.str.contains(r"(?i)\b(?:including|of\s+which|of\s+whom|with)\s*$"),
        # (the verb that leads to a part of a whole after it: "closed 3 of its 40 schools",
        # "closed about 3 of ...", a hedge between)
        # (a verb of saying or a preposition names no part: "said 31 of the 118 patients
        # ...", "with 71 of the 150 seats")
        _s_verb=pl.when(~verb.str.to_lowercase().is_in(_NO_PART_VERBS)).then(verb),
    )


def _part_after(words: pl.DataFrame) -> pl.DataFrame:
    """``words`` (distinct ``_s_after``, a sentence after its figure) with what
    :func:`subsets` reads in them: "of them" (``_s_of_them``), a state stated
    (``_s_stated``), the part's words (``_s_part``), a group's part named by what it did
    (``_s_group_did``), a whole after "of" (``_s_of_whole``) and the part's words after it
    (``_s_whole_part``)."""
    after = pl.col("_s_after")
    return words.with_columns(
        _s_of_them=after.str.contains(r"(?i)^\s*of\s+(?:them|those|these|which|whom)\b"),
        _s_stated=after.str.contains(
            r"(?i)^\s*(?:(?:are|were|is|was)\s+)?(?:deemed|considered|classed|classified|listed|"
            r"rated|described|still|now|out\s+of)\b"
        ),
        _s_part=after.str.extract(_SUBSET_AFTER, 1).str.to_lowercase().str.strip_chars(),
        _s_group_did=after.str.extract(_GROUP_DID, 1).str.to_lowercase(),
        _s_of_whole=after.str.contains(_OF_A_WHOLE),
        _s_whole_part=after.str.replace(_OF_A_WHOLE, "").str.extract(_SUBSET_AFTER, 1),
    )


#: "men accounted for 57% of ...": the subject of a verb of making up a whole is the part
#: the share measures (group 1); a pronoun ("which", "this") points back and names none.
_PART_BEFORE = (
    r"(?i)^\s*(?:(?:the|a|an)\s+)?((?:[\w'\u2019-]+\s+){0,5}?[\w'\u2019-]+)\s+"
    r"(?:accounted|accounts|account|made\s+up|make\s+up|makes\s+up|represented|represents|"
    r"comprised|comprises|formed|forms)\s+(?:for\s+)?"
    r"(?:only\s+|just\s+)?" + _HEDGE
)
POINTING = r"(?i)^(?:which|that|this|these|those|it|they|who|what)$"
#: "60% of the votes were cast by post", "70% of cases occurred in June": after the share's
#: whole, its verb and the words after it name the part (group 1: the verb unless it is a
#: bare copula, group 2: up to four words, to a punctuation mark or a conjunction).
_PART_AFTER = (
    r"(?i)^\s*of\s+(?:[\w'\u2019-]+\s+){1,5}?(?:(?:were|was|are|is)|"
    r"(took\s+place|occurred|happened|came|went|died|lived))\s+"
    r"([\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3})"
)


def share_parts(frame: pl.DataFrame) -> pl.DataFrame:
    """A share names its part: "men made up 60% of the dead" and "40% of the dead were
    women" measure two parts of one whole, and are two quantities (the concept takes the
    part's words); "60% male and 40% female" names each part after its figure. A part
    that names the measure itself ("emissions from X account for 25% of emissions") is the
    entity's share, not a part of its own."""
    share = (pl.col("dimension") == "ratio") & pl.col("unit").is_in(["percent", "fraction"])
    # (the words around a figure are read only for shares)
    before = pl.when(share).then(before_figure())
    after = pl.when(share).then(after_figure())
    # the clause before the figure, from its last conjunction or verb of saying ("... and
    # men made up 40%", "the bureau said exports make up 3%")
    clause = before.str.extract(r"([^,;:()]*)$", 1).str.replace(
        r"(?i)^.*(?-u:\b)(?:and|but|while|whereas|that|said|says|say|found|finds|shows?|"
        r"showed|estimated|estimates?|reported|reports|suggested|suggests?|noted|added)\s+",
        "",
    )
    subject = clause.str.extract(_PART_BEFORE, 1)
    found = after.str.extract_groups(_PART_AFTER)
    verb = found.struct.field("1")
    words = found.struct.field("2").str.replace(
        r"(?i)\s+(?:and|or|but|while|whereas|with|than)(?:\s.*)?$", ""
    )
    predicate = pl.when(words.is_not_null()).then(
        pl.concat_str(verb, words, separator=" ", ignore_nulls=True)
    )
    listed = pl.when(before.str.contains(r"(?i)\band\s*$")).then(
        after.str.extract(r"^\s*([a-z][\w-]*)\s*(?:[,.;:]|$)", 1)
    )
    part = (
        pl.coalesce(pl.when(~subject.str.contains(POINTING)).then(subject), predicate, listed)
        .str.to_lowercase()
        .str.strip_chars()
    )
    # "emissions from the fires account for 25% of all emissions": a part named by the
    # measure itself is the entity's share of the whole, which the entity already says
    named = (
        share
        & part.is_not_null()
        & (part != "")
        & ~pl.col("concept_key").str.contains(": ")
        & ~part.str.contains(pl.col("concept_key"), literal=True)
    )
    # (the part is read once for both columns: each use of an expression computes it again)
    frame = frame.with_columns(*on_rows(frame, share, pl.when(named).then(part).alias("_part")))
    part = pl.col("_part")
    return frame.with_columns(
        **where(
            part.is_not_null(),
            concept_key=pl.format("{}: {}", pl.col("concept_key"), part),
            concept_source=pl.format(
                "{}, a share of the part '{}'", pl.col("concept_source"), part
            ),
        )
    ).drop("_part")


#: A name: capitalised words, the last of them not a possessive (group 1).
_NAME = r"((?:[A-Z][\w'\u2019-]*\s+)*?[A-Z][\w-]*)"
#: "the Greens won 12 seats", "Labour had received 34%": the subject of a verb of holding,
#: right before the figure (group 1).
_HOLDER_SUBJECT = (
    rf"(?:^|\s)(?:[Tt]he\s+)?{_NAME}\s+(?:(?:had|has|have)\s+)?"
    rf"(?:{phrases(_WORDS.holder_verbs)})\s+{_HEDGE}"
)
#: "the poll gave the Greens 20%", "polls put Labour on 31%": the object of a verb of giving
#: (group 2), after the words of the giver (group 1).
_HOLDER_OBJECT = (
    rf"^(.*?)(?-u:\b)(?:{phrases(_WORDS.holder_giving)})\s+(?:the\s+)?{_NAME}\s+"
    rf"(?:on\s+)?{_HEDGE}"
)
#: "Labour had 34% and the Greens 20%": a name alone after "and", its verb left to the
#: figure before it in the clause.
_HOLDER_GAPPED = rf"\d[^,;:()]*\sand\s+(?:the\s+)?{_NAME}\s+{_HEDGE}"
#: "the Greens, with 12 seats, will ...": a name that opens its clause, set off by a comma,
#: then "with" (read in the words before the figure, across the comma; "said on Tuesday,
#: with 50 injured" names no holder).
_HOLDER_WITH = rf"(?:^|[,;:]\s*)(?:[Tt]he\s+)?{_NAME},\s+with\s+{_HEDGE}"
#: "talks with the Greens, which won 12 seats": a name, then "which" or "who" and a verb of
#: holding (read in the words before the figure, across the comma).
_HOLDER_WHICH = (
    rf"(?:^|[,;:]\s*|\s)(?:[Tt]he\s+)?{_NAME},\s+(?:which|who)\s+(?:(?:had|has|have)\s+)?"
    rf"(?:{phrases(_WORDS.holder_verbs)})\s+{_HEDGE}"
)
#: Names of days and months, which hold nothing ("on Tuesday had ...").
_NO_HOLDER = rf"^(?:{MONTH_NAMES}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$"


def holders(frame: pl.DataFrame, places: Iterable[str], forms: dict[str, str]) -> pl.DataFrame:
    """A share, count or sum held by a name before it ("Labour had 34% of the vote", "the
    poll gave the Greens 20%", "and the Greens 20%", "the Greens, with 12 seats,", "the
    Greens, which won 12 seats", "Labour spent $2m") measures that name's part: two
    parties' shares of one vote are two quantities. A place, or the figure's entity, holds the whole of it, not a part. A name
    that is the start or end of a longer one the texts give ("the Alliance", "Left
    Alliance") is that name. A giver that names a measure gives the share of that measure
    ("an exit poll gave the Greens 20% of the vote": a poll's share, not the count's), and a
    name alone after "and" holds a share of the measure of the figure before it ("... 20%,
    and Labour 31%")."""
    held = (pl.col("dimension").is_in(["ratio", "count", "currency"])) & ~pl.col(
        "concept_key"
    ).fill_null("").str.contains(": ")
    before = pl.col("_h_before")
    clause = before.str.extract(r"([^,;:()]*)$", 1)
    given = clause.str.extract_groups(_HOLDER_OBJECT)
    gapped = clause.str.extract(_HOLDER_GAPPED, 1)
    name = (
        pl.coalesce(
            before.str.extract(_HOLDER_WITH, 1),
            before.str.extract(_HOLDER_WHICH, 1),
            gapped,
            given.struct.field("2"),
            clause.str.extract(_HOLDER_SUBJECT, 1),
        )
        .str.replace(r"^.*['\u2019]s\s+", "")
        .str.strip_chars()
    )
    word = rf"(?i)(?-u:\b)({alternation(forms)})(?-u:\b)"
    giver = (
        given.struct.field("1")
        .str.extract(word, 1)
        .str.to_lowercase()
        .replace_strict(forms, default=None, return_dtype=pl.String)
    )
    # (read once for each distinct text of the figures that may be held)
    frame = per_distinct(
        frame,
        pl.when(held).then(before_figure()).alias("_h_before"),
        lambda texts: texts.with_columns(
            _holder=name,
            _giver=giver,
            _gapped=pl.when(before.is_not_null()).then(gapped.is_not_null()),
        ),
    )
    # the measure each holder's share is of: the giver's, else its own; after "and", the
    # figure's before it in its sentence
    frame = sorted_by(frame, "doc_id", "start")
    own = pl.coalesce("_giver", pl.col("concept_key").str.replace(r": .*$", ""))
    same_sentence = pl.col("sentence_start").shift(1).over("doc_id") == pl.col("sentence_start")
    frame = frame.with_columns(
        _base=pl.when(pl.col("_gapped").fill_null(False) & same_sentence)
        .then(own.shift(1).over("doc_id"))
        .otherwise(own)
    )
    # the figure's entity holds the whole of it ("Acme has 50,000 workers"): no part
    # (words within words: " acme " in " acme group ", not "peru" in "peruvian")
    entity = pl.format(" {} ", pl.col("entity").fill_null("").str.to_lowercase())
    holder = pl.format(" {} ", pl.col("_holder").str.to_lowercase())
    own = (entity != "  ") & (
        entity.str.contains(holder, literal=True) | holder.str.contains(entity, literal=True)
    )
    frame = frame.with_columns(
        _holder=pl.when(~pl.col("_holder").str.contains(_NO_HOLDER) & ~own).then(pl.col("_holder"))
    )
    known = {p.lower() for p in places}
    names = [n for n in frame.get_column("_holder").drop_nulls().unique() if n.lower() not in known]
    full = {n: _longest_form(n, names) for n in names}
    part = pl.col("_holder").replace_strict(full, default=None, return_dtype=pl.String)
    return frame.with_columns(
        **where(
            part.is_not_null(),
            concept_key=pl.format("{}: {}", pl.col("_base"), part.str.to_lowercase()),
            concept_source=pl.format("{}, held by '{}'", pl.col("concept_source"), part),
        )
    ).drop("_holder", "_giver", "_gapped", "_base")


def _longest_form(name: str, names: Iterable[str]) -> str:
    """The longest of ``names`` that starts or ends with ``name``'s words ("Alliance": "Left
    Alliance", "Civic": "Civic Party"), else ``name``.

    >>> _longest_form("Alliance", ["Alliance", "Left Alliance", "Civic Party"])
    'Left Alliance'
    >>> _longest_form("Civic", ["Civic Party", "Civic"])
    'Civic Party'
    """
    return max(
        (n for n in names if n.startswith(name + " ") or n.endswith(" " + name)),
        key=lambda n: (len(n.split()), n),
        default=name,
    )


#: A noun of a bound right after the figure, a word between ("a €7 million spending limit").
_LIMIT_AFTER = rf"(?i)^\s*(?:[a-z-]+\s+)?(?:{phrases(_WORDS.limits)})s?(?-u:\b)"
#: ... or before it, a few words and a verb or "of" between ("the legal limit for a party is
#: €7 million", "a cap of $5bn").
_LIMIT_BEFORE = (
    rf"(?i)(?-u:\b)(?:{phrases(_WORDS.limits)})s?\s+(?:[\w'\u2019-]+\s+){{0,6}}?"
    rf"(?:of|at|is|was|to|will\s+be)\s+{_HEDGE}"
)


def limits(frame: pl.DataFrame) -> pl.DataFrame:
    """A figure named as a bound set on its measure ("within the €7 million limit", "the
    legal limit for a party is €7 million") measures that bound: a spending limit is not
    what anyone spent."""
    # (the words around each figure read once for each distinct text, and once for the three
    # columns that take them)
    frame = per_distinct(
        frame,
        after_figure().alias("_lim_after"),
        lambda texts: texts.with_columns(
            _lim_named_after=pl.col("_lim_after").str.contains(_LIMIT_AFTER)
        ),
    )
    frame = per_distinct(
        frame,
        before_figure().alias("_lim_before"),
        lambda texts: texts.with_columns(
            _lim_named_before=pl.col("_lim_before").str.contains(_LIMIT_BEFORE)
        ),
    )
    bound = pl.col("concept_key").is_not_null() & (
        pl.col("_lim_named_after") | pl.col("_lim_named_before")
    )
    return frame.with_columns(
        **where(
            bound,
            # (a figure named by the limit's own word, "where the limit is 80 km/h", "a cap
            # of $5bn", is a limit of a measure its words do not name)
            concept_key=pl.when(pl.col("concept_key").cast(pl.String).is_in(list(_WORDS.limits)))
            .then(pl.lit("limit"))
            .otherwise(pl.format("{} limit", pl.col("concept_key"))),
            concept_source=pl.format("{}, a limit set on it", pl.col("concept_source")),
            is_delta=pl.lit(False),
        )
    ).drop("_lim_named_after", "_lim_named_before")
