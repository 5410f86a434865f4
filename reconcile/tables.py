"""Reference tables for reconciliation: names, camps, concepts, units, exchange rates.

The defaults live in ``reconcile/data``; a user's mapping file (YAML) extends them and
adds merge/split/rename instructions for quantities.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import polars as pl

from .frames import DATA, default_measures, inflections, measure_forms, read_yaml
from .fx import BUILT

__all__ = ["Mapping", "Tables", "alias_pattern", "load_fx_rates", "load_mapping", "load_tables"]

StrPath = str | os.PathLike[str]


@functools.cache
def measure_nouns() -> dict[str, str]:
    """measure -> the words a label names it by ("missing" -> "people missing"); see
    ``data/measure_nouns.yaml``."""
    return {str(k): str(v) for k, v in read_yaml(DATA / "measure_nouns.yaml").items()}


@dataclass(frozen=True, slots=True)
class MonthReadings:
    """The words that tell a month after a figure as its span or its date (lower case); see
    ``data/month_readings.yaml``."""

    level_verbs: frozenset[str]
    level_after: frozenset[str]
    part_openers: frozenset[str]
    span_words: frozenset[str]


@functools.cache
def month_readings() -> MonthReadings:
    """``data/month_readings.yaml``, the level verbs expanded to all their forms."""
    raw = read_yaml(DATA / "month_readings.yaml")
    verbs: set[str] = set()
    for entry in raw["level_verbs"]:
        first, *rest = str(entry).lower().split()
        verbs.update(" ".join([form, *rest]) for form in inflections(first, classes=("VERB",)))
    verbs.update(str(w).lower() for w in raw["level_verbs_present"])
    return MonthReadings(
        level_verbs=frozenset(verbs),
        level_after=frozenset(str(w).lower() for w in raw["level_after"]),
        part_openers=frozenset(str(w).lower() for w in raw["part_openers"]),
        span_words=frozenset(str(w).lower() for w in raw["span_words"]),
    )


@dataclass(frozen=True, slots=True)
class ReadingWords:
    """Words read around a figure (lower case, in the file's order); see
    ``data/reading_words.yaml``."""

    government: tuple[str, ...]
    #: the government words that alone name the government of an article's country
    home_government: tuple[str, ...]
    #: government bodies named by a common noun ("the health ministry"), as the government
    home_bodies: tuple[str, ...]
    #: bodies named by a common noun that are sources however written ("police said")
    source_nouns: tuple[str, ...]
    #: nouns of a body that, after lower-case words saying which one, name a source
    body_nouns: tuple[str, ...]
    #: nouns of bodies and their people besides ``body_nouns``: before them a measure's word
    #: names who acts ("aid agencies")
    actor_nouns: tuple[str, ...]
    #: verbs by which such a body gives its figure in the figure's own clause
    source_verbs: tuple[str, ...]
    #: measures of one day's event: figures days apart are of two events
    event_measures: tuple[str, ...]
    #: measure -> the factor beyond which two of its figures count different things
    wide_estimates: dict[str, float]
    #: words right after a figure that call it what is left of a count ("still missing")
    remaining: tuple[str, ...]
    #: measure -> the rate a share's rise of it is ("the economy grew 2%": growth)
    rates_of_change: dict[str, str]
    #: verbs by which a count is cut right before its figure ("cut 4,000 jobs": job cuts)
    cutting_verbs: tuple[str, ...]
    #: measures given as a share of GDP that are no part of it
    scaled_by_output: tuple[str, ...]
    #: what only a country has: its owner in the possessive is a place
    polity_nouns: tuple[str, ...]
    #: words that set a count apart by how sure it is ("suspected", "confirmed")
    certainty: tuple[str, ...]
    #: measure -> the verbs that give a pay figure that stance ("demand": a pay claim)
    pay_stances: dict[str, tuple[str, ...]]
    #: words of pay, one of which a stance's sentence names
    pay_words: tuple[str, ...]
    work_nouns: tuple[str, ...]
    #: nouns of a count or a record cited as a speaker would be ("the latest toll")
    records: tuple[str, ...]
    work_people: tuple[str, ...]
    displacement_measures: tuple[str, ...]
    #: words of a state a counted noun may carry ("40 dead civilians"): its measure
    state_words: tuple[str, ...]
    #: measures that count people (no figure of a physical unit takes one from its sentence)
    people_measures: tuple[str, ...]
    harm_measures: tuple[str, ...]
    toll_groups: dict[str, str]
    #: measures of money (no bare count takes one from the words after it)
    money_measures: tuple[str, ...]
    #: measure of a physical quantity -> the dimensions of the figures that take it (only
    #: figures of a physical unit of one of them)
    physical_measures: dict[str, tuple[str, ...]]
    #: other measures such a figure takes besides them (it takes no others)
    physical_also: tuple[str, ...]
    #: words that name their measure only as nouns (their verbs name none)
    noun_measures: tuple[str, ...]
    #: words that, alone, name their measure only in the plural (dwellings: "300 homes")
    plural_measures: tuple[str, ...]
    #: words of a multiple or a part, none of which names what a figure measures
    multiple_words: tuple[str, ...]
    holding: tuple[str, ...]
    #: verbs whose subject holds the share or count after them ("the Greens won 12 seats")
    holder_verbs: tuple[str, ...]
    #: verbs whose object does ("the poll gave the Greens 20%")
    holder_giving: tuple[str, ...]
    #: nouns of a bound set on a measure ("a spending limit")
    limits: tuple[str, ...]
    ranking: tuple[str, ...]
    #: the share below which two counts of displaced people are apart
    holding_apart_share: float
    caused: tuple[str, ...]
    #: the years counted from the year named before -> the phrases that count them
    relative_years: dict[int, tuple[str, ...]]
    relative_year_against: tuple[str, ...]
    part_of_year_months: dict[str, int]
    season_months: dict[str, int]
    #: people a nationality names by their standing or work, who are all its people
    nationals_by_role: tuple[str, ...]
    #: words calling a count official, and nouns of a count (a multiple's official base)
    official_count_words: tuple[str, ...]
    count_nouns: tuple[str, ...]
    #: verbs of a report coming out, whose year is the report's, not its figures'
    released: tuple[str, ...]
    #: verbs by which something came to be, whose year is its start, not a figure's date
    founded: tuple[str, ...]
    #: words that make a share of the economy, or money, a loss
    loss: tuple[str, ...]
    #: comparatives after a share that say a place itself is poorer
    poorer: tuple[str, ...]
    #: nouns of a work that, called long-term, make its source's figures long-run ones
    long_run_works: tuple[str, ...]
    #: verbs by which a clause's subject reaches the level of the figure right after them
    level_verbs: tuple[str, ...]
    #: the words that make a figure a projection, and the verbs of belief that make it a guess
    projection_modals: tuple[str, ...]
    projection_verbs: tuple[str, ...]
    #: verbs of setting a level, whose 'to' figure under a plan is a planned level
    setting_verbs: tuple[str, ...]
    projection_expected: tuple[str, ...]
    belief_verbs: tuple[str, ...]
    #: comparatives leading from a multiple to its base
    comparatives: tuple[str, ...]
    #: determiners that open a sentence but name no source; small words initials leave out
    determiners: tuple[str, ...]
    name_connectors: tuple[str, ...]


def _words(entries: list[Any], name: str) -> tuple[str, ...]:
    """The words of a list, lower case; a word YAML read as another type (an unquoted "on" or
    "no" is a boolean) is an error, not the string of that value."""
    odd = [w for w in entries if not isinstance(w, str)]
    if odd:
        raise ValueError(f"{name}: {odd!r} are not words (quote them in the YAML)")
    return tuple(w.lower() for w in entries)


def _plural(noun: str) -> str:
    """The plural of ``noun`` (lemminflect; an "s" added where it knows none)."""
    import lemminflect

    return next(iter(lemminflect.getInflection(noun, tag="NNS")), noun + "s")


@functools.cache
def reading_words() -> ReadingWords:
    """``data/reading_words.yaml``."""
    raw = read_yaml(DATA / "reading_words.yaml")

    def words(name: str) -> tuple[str, ...]:
        return _words(raw[name], name)

    return ReadingWords(
        government=words("government"),
        home_government=words("home_government"),
        home_bodies=words("home_bodies"),
        source_nouns=words("source_nouns"),
        body_nouns=words("body_nouns"),
        actor_nouns=words("actor_nouns"),
        source_verbs=words("source_verbs"),
        event_measures=words("event_measures"),
        wide_estimates={str(k): float(v) for k, v in raw["wide_estimates"].items()},
        remaining=words("remaining"),
        rates_of_change={str(k): str(v) for k, v in raw["rates_of_change"].items()},
        cutting_verbs=words("cutting_verbs"),
        scaled_by_output=words("scaled_by_output"),
        polity_nouns=words("polity_nouns"),
        certainty=words("certainty"),
        pay_stances={str(k): _words(v, str(k)) for k, v in raw["pay_stances"].items()},
        pay_words=words("pay_words"),
        work_nouns=words("work_nouns"),
        records=words("records"),
        work_people=tuple(_plural(w) for w in words("work_people")),
        displacement_measures=words("displacement_measures"),
        state_words=words("state_words"),
        people_measures=words("people_measures"),
        harm_measures=words("harm_measures"),
        toll_groups={str(k).lower(): str(v) for k, v in raw["toll_groups"].items()},
        money_measures=words("money_measures"),
        physical_measures={str(k): _words(v, str(k)) for k, v in raw["physical_measures"].items()},
        physical_also=words("physical_also"),
        noun_measures=words("noun_measures"),
        plural_measures=words("plural_measures"),
        multiple_words=words("multiple_words"),
        holding=words("holding"),
        holder_verbs=words("holder_verbs"),
        holder_giving=words("holder_giving"),
        limits=words("limits"),
        ranking=words("ranking"),
        holding_apart_share=float(raw["holding_apart_share"]),
        caused=words("caused"),
        relative_years={
            int(step): _words(said, "relative_years")
            for step, said in raw["relative_years"].items()
        },
        relative_year_against=words("relative_year_against"),
        part_of_year_months={str(k).lower(): int(v) for k, v in raw["part_of_year_months"].items()},
        season_months={str(k).lower(): int(v) for k, v in raw["season_months"].items()},
        nationals_by_role=words("nationals_by_role"),
        official_count_words=words("official_count_words"),
        count_nouns=words("count_nouns"),
        released=words("released"),
        founded=words("founded"),
        loss=words("loss"),
        poorer=words("poorer"),
        long_run_works=words("long_run_works"),
        level_verbs=words("level_verbs"),
        projection_modals=words("projection_modals"),
        projection_verbs=words("projection_verbs"),
        setting_verbs=words("setting_verbs"),
        projection_expected=words("projection_expected"),
        belief_verbs=words("belief_verbs"),
        comparatives=words("comparatives"),
        determiners=words("determiners"),
        name_connectors=words("name_connectors"),
    )


def alias_pattern(aliases: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    """A case-insensitive regex matching any alias as whole words, and alias -> canonical.

    Longer aliases come first so that "UK Ministry of Defence" wins over "UK".
    """
    lookup: dict[str, str] = {}
    for canonical, names in aliases.items():
        for name in [canonical, *names]:
            lookup.setdefault(str(name).lower(), canonical)
    ordered = sorted(lookup, key=len, reverse=True)
    # zero-width boundaries only, so that neighbouring names ("Peru's Acme") both match
    body = "|".join(re.escape(a) + (r"\b" if a[-1:].isalnum() else "") for a in ordered)
    return rf"(?i)\b({body})", lookup


@dataclass(frozen=True, slots=True)
class Tables:
    """All reference tables, ready for vectorised lookups."""

    entities: dict[str, list[str]]
    asserters: dict[str, list[str]]
    concepts: dict[str, list[str]]
    placeholders: frozenset[str]
    cumulative: frozenset[str]
    pint_names: dict[str, str]
    targets: dict[str, str]
    period_days: dict[str, float]
    subunits: dict[str, tuple[str, float]]
    measure_forms: dict[str, str] = field(default_factory=dict)
    #: dimension -> the forms a figure of a physical unit of it is read against (the measures
    #: ``ReadingWords.physical_measures`` gives it, and ``physical_also``); ``measure_forms``
    #: holds no form of a physical measure
    physical_forms: dict[str, dict[str, str]] = field(default_factory=dict)
    #: a unit the bare word may mean in several systems -> (its readings, the usual one
    #: first; the word that names the unit's own system)
    loose_units: dict[str, tuple[list[str], str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Mapping:
    """A user's overrides: extra names and concepts, and quantity merges, splits, renames."""

    entities: dict[str, list[str]] = field(default_factory=dict)
    asserters: dict[str, list[str]] = field(default_factory=dict)
    concepts: dict[str, list[str]] = field(default_factory=dict)
    measures: dict[str, list[str]] = field(default_factory=dict)
    merge: list[dict[str, Any]] = field(default_factory=list)
    split: list[str] = field(default_factory=list)
    rename: dict[str, str] = field(default_factory=dict)


def load_mapping(source: StrPath | dict[str, Any] | Mapping | None) -> Mapping:
    """Read a mapping file (YAML) or dict.

    Keys (all optional): ``entities``, ``asserters``, ``concepts``, ``measures`` (name ->
    aliases or lemmas, added to the defaults), ``merge`` (list of ``{into: label, members: [label or quantity_id,
    ...]}``), ``split`` (claim ids to take out into quantities of their own), ``rename``
    (label or quantity_id -> new label).
    """
    if source is None:
        return Mapping()
    if isinstance(source, Mapping):
        return source
    raw = source if isinstance(source, dict) else read_yaml(Path(source))
    if raw is None:
        return Mapping()
    if not isinstance(raw, dict):
        raise ValueError(
            "a mapping must be a YAML mapping of entities/asserters/concepts/merge/split/rename"
        )
    known = {f.name for f in fields(Mapping)}
    unknown = set(raw) - known
    if unknown:
        raise ValueError(f"unknown mapping keys: {sorted(unknown)}")
    return Mapping(
        entities=_names_of(raw, "entities"),
        asserters=_names_of(raw, "asserters"),
        concepts=_names_of(raw, "concepts"),
        measures=_names_of(raw, "measures"),
        merge=list(raw.get("merge") or []),
        split=[str(x) for x in raw.get("split") or []],
        rename={str(k): str(v) for k, v in (raw.get("rename") or {}).items()},
    )


def _names_of(raw: dict[str, Any], key: str) -> dict[str, list[str]]:
    """A mapping's names under ``key`` (name -> its other names) as text; none when absent."""
    return {str(k): [str(x) for x in v or []] for k, v in (raw.get(key) or {}).items()}


def _merged(base: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, list[str]]:
    out = {k: list(v) for k, v in base.items()}
    for key, names in extra.items():
        out.setdefault(key, []).extend(names)
    return out


@functools.cache
def cumulative_concepts() -> frozenset[str]:
    """The concepts that only accumulate (``concepts.yaml``'s ``cumulative``: deaths, cases)."""
    return frozenset(read_yaml(DATA / "concepts.yaml")["cumulative"])


def load_tables(mapping: Mapping | None = None) -> Tables:
    """The default tables, extended by ``mapping``."""
    mapping = mapping or Mapping()
    concepts = read_yaml(DATA / "concepts.yaml")
    units = read_yaml(DATA / "units.yaml")
    placeholders = frozenset(concepts.pop("placeholders"))
    concepts.pop("cumulative")
    cumulative = cumulative_concepts()
    return Tables(
        entities=_merged(read_yaml(DATA / "entities.yaml"), mapping.entities),
        asserters=_merged(read_yaml(DATA / "asserters.yaml"), mapping.asserters),
        concepts=_merged(concepts, mapping.concepts),
        placeholders=placeholders,
        cumulative=cumulative,
        pint_names=units["pint_names"],
        targets=units["targets"],
        period_days={k: float(v) for k, v in units["period_days"].items()},
        subunits={k: (str(v[0]), float(v[1])) for k, v in units["subunits"].items()},
        loose_units={
            k: ([str(u) for u in v["readings"]], str(v["named"]))
            for k, v in units.get("loose_units", {}).items()
        },
        **_measure_forms(
            _merged({k: list(v) for k, v in default_measures().items()}, mapping.measures)
        ),
    )


def _measure_forms(vocabulary: dict[str, list[str]]) -> dict[str, Any]:
    """``measure_forms`` and ``physical_forms`` of :class:`Tables`: the forms of the measures
    other figures take, and for each physical dimension those its figures take (a word may
    name one of each: "affected" people, an area affected)."""
    words = reading_words()
    physical = words.physical_measures
    dimensions = sorted({d for ds in physical.values() for d in ds})
    return {
        "measure_forms": measure_forms(
            {k: v for k, v in vocabulary.items() if k not in physical}, nouns=words.noun_measures
        ),
        "physical_forms": {
            d: measure_forms(
                {
                    k: v
                    for k, v in vocabulary.items()
                    if d in physical.get(k, ()) or k in words.physical_also
                },
                nouns=words.noun_measures,
            )
            for d in dimensions
        },
    }


FX_SCHEMA = pl.Schema(
    {"currency": pl.String, "start": pl.Date, "end": pl.Date, "units_per_usd": pl.Float64}
)


def load_fx_rates(source: StrPath | pl.DataFrame | None = None) -> pl.DataFrame:
    """Exchange rates: currency, start, end, units_per_usd (see ``data/fx_rates.md``)."""
    if source is None:
        source = BUILT
    if isinstance(source, pl.DataFrame):
        frame = source
    else:
        path = Path(os.fspath(source))
        if not path.is_file():
            raise ValueError(f"exchange-rate table {path} does not exist")
        frame = pl.read_csv(path, try_parse_dates=True)
    missing = set(FX_SCHEMA) - set(frame.columns)
    if missing:
        raise ValueError(f"exchange-rate table lacks columns {sorted(missing)}")
    return frame.select(
        pl.col("currency").cast(pl.String),
        pl.col("start").cast(pl.Date),
        pl.col("end").cast(pl.Date),
        pl.col("units_per_usd").cast(pl.Float64),
    )


@functools.cache
def place_kinds() -> frozenset[str]:
    """Nouns of a kind of place, singular ("province", "village"); see
    ``data/place_kinds.yaml``."""
    return frozenset(str(w).lower() for w in read_yaml(DATA / "place_kinds.yaml"))
