"""Links between the figures of a sentence: restatements, series and comparisons.

"$50 million (£40 million)": the pounds restate the dollars. "from X to Y": Y was
reached from X. "90 million of the 2.5 billion rupees": the part takes the whole's
unit. "$61 billion, down from $64 billion": the second measures what the first does.
Both functions work on the drafts of one document, in text order.
"""

from __future__ import annotations

import functools
import re

from .draft import Draft
from .lexicon import lexicon
from .pairs import CLAUSE_END

__all__ = ["link_restatements", "link_series", "shares_word"]


_WORD = re.compile(r"[\w'’-]+")


@functools.lru_cache(maxsize=4096)
def _content_words(phrase: str) -> frozenset[str]:
    """The words of ``phrase`` lower-cased, stopwords aside. A pure function of the phrase,
    cached: a document's concepts and sentence heads come back figure after figure."""
    stop = lexicon().stopwords
    return frozenset(w for w in _WORD.findall(phrase.lower()) if w not in stop)


def shares_word(a: str, b: str | None) -> bool:
    return bool(b) and bool(_content_words(a) & _content_words(b or ""))


_RESTATE_GAP = re.compile(r"^\s*[(\[]\s*(?:or|about|around|roughly|approximately|some|c\.)?\s*$")


#: Between a figure and the same measure said again in other terms after "or" ("over 10
#: million hectares, or 24.7 million acres", "around £40bn a year, or £800m a week").
_OR_GAP = re.compile(r"^(?:\s+(?:per|a|an|each|every)\s+\w+)?\s*,\s*or\s*$", re.IGNORECASE)


#: Between two figures in one bracket that both restate the figure before it
#: ("510 hp (380 kW / 517 PS)", "(£8m, €9m)").
_ALSO_GAP = re.compile(r"^\s*(?:[/,;]|or)\s*$")


def link_restatements(text: str, claims: list[Draft]) -> None:
    """Link "$50 million (£40 million)": the bracketed figure restates the first, and so does
    each further figure in the same bracket ("(30 kW / 41 PS)"). After ", or" a figure in
    another unit or per another period says the first again: it takes its hedge, and what
    the first measures when it names nothing of its own ("net income of $3.2bn, or $1.05 a
    share"); an alternative in the same terms, "£5bn, or £10bn with interest", is left
    alone. A bracket holding a figure alone says the one before it again even when the two
    were read as measures of different kinds ("400 Nm (295 lb-ft)", a unit the table has no
    name for; "2.4 billion (about $1.6bn)", a sign left out), unless it is a share ("52
    (48%)") or the bracket goes on past it ("4 reactors (1,000 MW each)")."""
    for i in range(1, len(claims)):
        a, b = claims[i - 1], claims[i]
        gap = text[a.end : b.start]
        if a.sentence is not b.sentence or a.dimension == b.dimension == "count":
            continue
        if a.dimension != b.dimension and (
            "ratio" in (a.dimension, b.dimension) or text[b.end : b.end + 1] not in (")", "]")
        ):
            continue  # "52 (48%)": a share; "4 reactors (1,000 MW each)": a figure of each
        if _OR_GAP.match(gap) and (a.unit, a.per) != (b.unit, b.per):
            _take_hedge(a, b)
            b.concept = b.concept or a.concept
            continue
        if a.restates is not None and _ALSO_GAP.match(gap) and a.unit != b.unit:
            _restate(claims[a.restates], b, a.restates)
        elif _RESTATE_GAP.match(gap):
            _restate(a, b, i - 1)


def _restate(a: Draft, b: Draft, i: int) -> None:
    """``b`` says ``a`` (the claim at index ``i``) again in other terms."""
    b.restates = i
    _take_hedge(a, b)
    a.per = a.per or b.per
    b.per = b.per or a.per
    b.change = b.change or a.change
    b.concept = a.concept or b.concept


def _take_hedge(a: Draft, b: Draft) -> None:
    """A bare figure that says ``a`` again takes its hedge ("more than $5m (£4m)")."""
    if b.bound == "exact" and a.bound not in ("exact", "range"):
        b.bound, b.qualifier = a.bound, a.qualifier
        b.low = b.value if a.low is not None else None
        b.high = b.value if a.high is not None else None


#: Between X and Y of "from X to Y": "to", after at most a short time phrase
#: ("from $412 at 9am on Monday to $398").
_SERIES_GAP = re.compile(r"(?:\s+[\w.]+){0,4}?\s+to\s+$", re.IGNORECASE)


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


#: Between "90 million" and "2.5 billion rupees" of "90 million of the 2.5 billion rupees"
#: (or of "11 of the country's 14 regions").
_PART_OF_GAP = re.compile(
    r"\s+of\s+(?:(?:the\s+)?[\w-]+['’]s\s+|the\s+|its\s+|their\s+|his\s+|her\s+)?",
    re.IGNORECASE,
)


#: Between "down 1.4%" and "3.1%" of "... were down 1.4%, Halden by 3.1%": a name, "by".
_GAPPED_BY = re.compile(r",\s+(?:and\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+by\s+")


#: Between a figure and the one it is compared with: "$61 billion, down from the $64
#: billion", "$27,450 versus last year's $26,900", "$2.4 million, down 6.5%", after the
#: first figure's place or time ("3% in May, compared with 2.5%").
_COMPARED_GAP = re.compile(
    r"(?:\s+(?:in|on|at|during|for|last|this)(?:\s+[\w'’-]+){1,2})?"
    r",?\s+(?:(?:down|up)(?:\s+from)?|versus|vs\.?|compared\s+(?:with|to))"
    r"(?:\s+(?:the|a|an|its|last|this|previous|year['’]?s?|US|U\.S\.))*\s*",
    re.IGNORECASE,
)


#: Between "12 degrees" and "14" of "12 degrees in May and 14 in June": a place or time
#: the first figure is set in (after a few words of what it measures), then "and".
_GAPPED_SETTING = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:in|on|at|during|for|last|this)(?:\s+[\w'’-]+){1,2}\s*,?\s+and\s+"
)
#: After the bare second figure of that pattern: its own place or time.
_SETTING_AFTER = re.compile(r"\s+(?:in|on|at|during|for|last|this)\s+[\w'’]")


#: Between "9 million litres a day" and "24 million" of "the firm gives 9 million litres a
#: day; the campaigners say 24 million": a break to a new clause, who speaks, and the verb
#: they speak by (with "put it at" and the like), right before the second figure.
_GAPPED_SPEAKER = re.compile(
    r"[^.;!?]{0,60}?(?:;|,?\s+(?:while|whereas|but))\s+"
    r"(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+)?[A-Za-z][\w'’&, -]{1,80}?"
    r"\s+(?P<verb>[a-z]+)(?:\s+(?:it|the\s+[a-z]+)\s+at)?\s+"
)


#: After a figure hyphened to its unit: a lower-case word, the noun it qualifies.
_NOUN_AFTER = re.compile(r"[ \t]+[a-z]")


def _qualifies_noun(text: str, claim: Draft) -> bool:
    """ "six of the two-ton boats": a figure hyphened to its unit before a noun says
    what kind of thing the noun is; it is no whole that a bare figure before it is part of."""
    return "-" in text[claim.start : claim.end] and bool(_NOUN_AFTER.match(text, claim.end))


def link_series(text: str, claims: list[Draft]) -> None:
    """Figures that lean on the one before them in the sentence.

    "from X to Y": Y points to X, the level it was reached from; a bare Y takes X's unit
    ("from 31 mpg to 34") and concept. "90 million of the 2.5 billion rupees": the bare
    part takes the whole's unit. "X were down 1.4%, Halden by 3.1%": the second takes
    the first's change and is about Halden. "$61 billion, down from $64 billion",
    "$2.4 million, down 6.5%": the second takes the first's concept.
    """
    for i in range(1, len(claims)):
        a, b = claims[i - 1], claims[i]
        if a.sentence is not b.sentence or b.restates is not None:
            continue
        if (
            a.unit is None
            and a.dimension == "count"
            and b.unit is not None
            and _PART_OF_GAP.fullmatch(text, a.end, b.start)
            and not _qualifies_noun(text, b)
        ):
            a.unit, a.dimension = b.unit, b.dimension
            continue
        if _gapped_setting(text, a, b) or _gapped_speaker(text, a, b):
            b.unit, b.dimension, b.per = a.unit, a.dimension, b.per or a.per
            b.change, b.concept = b.change or a.change, a.concept or b.concept
            continue
        gapped = (
            _GAPPED_BY.fullmatch(text, a.end, b.start)
            if b.change is None and a.change is not None
            else None
        )
        if gapped:
            b.change = a.change
            # the name before "by" is what this figure is about, not the first one's subject
            b.subject_at = gapped.start(1)
            continue
        gap = text[a.end : b.start].lower()
        compared = _COMPARED_GAP.fullmatch(text, a.end, b.start) if _may_compare(gap) else None
        series = (
            gap.rstrip().endswith("to")  # the cheap test first: what the gap needs
            and _SERIES_GAP.fullmatch(text, a.end, b.start)
            and _FROM_BEFORE.search(text, max(a.sentence.start, a.start - 12), a.start)
        )
        if compared or series:
            # "1.5m refugees, up from 1.3m", "from 1.3m to 1.5m refugees": millions both
            _millions_beside(text, b, a)
            _millions_beside(text, a, b)
        if a.concept and compared:
            # the figure it is compared with measures the same thing
            b.concept, b.subject_at = a.concept, a.subject_at
            if b.unit is None and b.dimension == "count":
                b.unit, b.dimension, b.per = a.unit, a.dimension, b.per or a.per
        bare = b.unit is None and b.dimension == "count"
        bare_start = a.unit is None and a.dimension == "count"
        if (a.dimension != b.dimension and not (bare or bare_start)) or not series:
            continue
        b.from_index = i - 1
        if bare or b.concept is None:
            b.concept = a.concept  # "sales grew from $5m to $7m", "from 31 mpg to 34"
        if bare:
            b.unit, b.dimension, b.per = a.unit, a.dimension, b.per or a.per
        elif bare_start:
            # "rose from 3 to 5 per cent", "from 300 to 2,000 people": the unit said once
            a.unit, a.dimension, a.per = b.unit, b.dimension, a.per or b.per


def _may_compare(gap: str) -> bool:
    """Whether the lower-cased text between two figures holds a word that a match of
    ``_COMPARED_GAP`` needs ("down", "up", "versus", "vs", "compared"): the cheap test first.
    A long s ("ſ") passes too, which that pattern's IGNORECASE reads as an "s"."""
    return (
        "down" in gap
        or "up" in gap
        or "vs" in gap
        or "versus" in gap
        or "compared" in gap
        or "ſ" in gap
    )


def _gapped_setting(text: str, a: Draft, b: Draft) -> bool:
    """ "12 degrees in May and 14 in June", "300 staff in Leeds and 40 in York", "4.1% in
    Spain and 5.3% in Italy": a bare figure, or one in the same unit, set in another place
    or time says the same measure as the one before it (the verb, and the unit, are left
    out the second time)."""
    return (
        a.unit is not None
        and ((b.unit is None and b.dimension == "count") or (b.unit, b.per) == (a.unit, a.per))
        and _GAPPED_SETTING.fullmatch(text, a.end, b.start) is not None
        and _SETTING_AFTER.match(text, b.end) is not None
    )


def _gapped_speaker(text: str, a: Draft, b: Draft) -> bool:
    """ "the firm gives 9 million litres a day; the campaigners say 24 million", "police
    counted 48,000 marchers, while the organisers said 700,000": a bare figure (or one in
    the same unit with no rate of its own: "royalties of $140 million a year; the council
    says $60 million") that closes its clause, given by a second source right after the
    first one's figure, states the same measure (the unit and the rest are left out the
    second time)."""
    bare = b.unit is None and b.dimension == "count"
    if a.unit is None or not (bare or (b.unit == a.unit and b.per is None)) or b.change:
        return False
    gap = _GAPPED_SPEAKER.fullmatch(text, a.end, b.start)
    return (
        gap is not None
        and gap["verb"] in lexicon().attribution_verbs
        and CLAUSE_END.match(text, b.end) is not None
    )


def _millions_beside(text: str, fig: Draft, other: Draft) -> None:
    """A glued "m" read as metres beside a figure of millions of something else, which it
    is compared with or reached from, is millions of that too ("1.5m refugees, up from
    1.3m")."""
    glued = text[fig.end - 1 : fig.end] == "m" and text[fig.end - 2 : fig.end - 1].isdigit()
    if fig.unit != "m" or not glued or other.dimension == "length" or abs(other.value) < 1e6:
        return
    if abs(fig.value) < 1e6:  # "up from 1.3m": not yet scaled
        fig.value *= 1e6
        fig.low = None if fig.low is None else fig.low * 1e6
        fig.high = None if fig.high is None else fig.high * 1e6
    fig.unit, fig.dimension, fig.per = other.unit, other.dimension, fig.per or other.per
