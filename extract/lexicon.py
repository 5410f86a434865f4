"""The word lists of ``data/lexicon.yaml``, loaded once and shaped for fast lookup."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Lexicon", "LinePatterns", "PhraseTable", "lexicon", "phrase_index"]

_DATA = Path(__file__).parent / "data" / "lexicon.yaml"


class PhraseTable(dict[tuple[str, ...], Any]):
    """Phrases as word tuples and what they map to, with the words the phrases start and
    end with (so that a lookup can tell at once that no phrase starts or ends here)."""

    __slots__ = ("firsts", "lasts")

    def __init__(self, items: dict[tuple[str, ...], Any]) -> None:
        super().__init__(items)
        self.firsts = frozenset(k[0] for k in self if k)
        self.lasts = frozenset(k[-1] for k in self if k)


def phrase_index(mapping: dict[str, list[str]]) -> PhraseTable:
    """Invert ``{label: [phrase, ...]}`` into ``{(word, ...): label}``."""
    out: dict[tuple[str, ...], str] = {}
    for label, phrases in mapping.items():
        for phrase in phrases:
            out.setdefault(tuple(str(phrase).lower().split()), label)
    return PhraseTable(out)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All word lists, keyed for the lookups the extractor makes."""

    qualifiers_before: PhraseTable
    qualifiers_after: PhraseTable
    periods: PhraseTable
    period_blockers: frozenset[str]
    changes: PhraseTable
    changes_after: dict[str, str]
    changes_need_by: frozenset[str]
    span_adjectives: frozenset[str]
    not_purposes: frozenset[str]
    year_owners: frozenset[str]
    demonym_endings: tuple[str, ...]
    scales: dict[str, float]
    number_words: dict[str, int]
    vague_magnitudes: dict[tuple[str, ...], tuple[float, float]]
    fractions: dict[tuple[str, ...], float]
    denominators: dict[str, int]
    extent_words: frozenset[str]
    fraction_blockers: frozenset[str]
    rate_items: frozenset[str]
    currency_prefixes: dict[str, str]
    currency_prefixes_amount_only: dict[str, str]
    currency_words: PhraseTable
    currency_suffixes: dict[str, str]
    negative_words: frozenset[str]
    bound_prefixes: dict[str, str]
    currency_subunits: dict[str, str]
    dollar_nationality: dict[tuple[str, ...], str]
    measure_nouns: PhraseTable
    age_words: frozenset[str]
    age_before: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    label_words: frozenset[str]
    label_words_lowercase: frozenset[str]
    label_after: frozenset[str]
    code_after: frozenset[str]
    street_words: frozenset[str]
    clock_words: frozenset[str]
    attribution_verbs: frozenset[str]
    attribution_nouns: frozenset[str]
    attribution_pronouns: frozenset[str]
    non_asserters: frozenset[str]
    data_verbs: frozenset[str]
    source_carriers: frozenset[str]
    source_works: frozenset[str]
    source_anaphors: frozenset[str]
    source_adjectives: frozenset[str]
    headline_labels: frozenset[str]
    boilerplate_lines: LinePatterns
    end_markers: LinePatterns
    stopwords: frozenset[str]
    noun_phrase_stops: frozenset[str]
    not_counted: frozenset[str]
    concept_verbs: frozenset[str]
    determiners: frozenset[str]
    phrase_openers: frozenset[str]
    concept_fillers: frozenset[str]
    verb_nominals: dict[str, str]
    ing_nouns: frozenset[str]
    common_adjectives: frozenset[str]
    adjective_endings: tuple[str, ...]
    max_before: int
    max_after: int


@dataclass(frozen=True, slots=True)
class LinePatterns:
    """Patterns a line may match: those anchored at its start ("^read next") are tried there
    only, the others anywhere, which keeps a long list of alternatives fast."""

    starts: re.Pattern[str]
    anywhere: re.Pattern[str]

    @classmethod
    def compile(cls, patterns: list[str]) -> LinePatterns:
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        free = [p for p in patterns if not p.startswith("^")] or ["(?!)"]
        return cls(
            re.compile("|".join(f"(?:{p})" for p in anchored) or "(?!)", re.IGNORECASE),
            re.compile("|".join(f"(?:{p})" for p in free), re.IGNORECASE),
        )

    def search(self, line: str) -> bool:
        return bool(self.starts.match(line) or self.anywhere.search(line))


def _words(values: list[Any]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def _keyed(mapping: dict[str, Any]) -> PhraseTable:
    return PhraseTable({tuple(str(k).lower().split()): v for k, v in mapping.items()})


@functools.cache
def lexicon() -> Lexicon:
    """Load (once per process) the lexicon."""
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    before = phrase_index(raw["qualifiers_before"])
    after = phrase_index(raw["qualifiers_after"])
    changes = phrase_index(raw["changes"])
    return Lexicon(
        qualifiers_before=before,
        qualifiers_after=after,
        periods=phrase_index(raw["periods"]),
        period_blockers=_words(raw["period_blockers"]),
        changes=changes,
        changes_after={w: label for (w,), label in phrase_index(raw["changes_after"]).items()},
        changes_need_by=_words(raw["changes_need_by"]),
        span_adjectives=_words(raw["span_adjectives"]),
        not_purposes=_words(raw["not_purposes"]),
        year_owners=_words(raw["year_owners"]),
        demonym_endings=tuple(str(e).lower() for e in raw["demonym_endings"]),
        scales={str(k).lower(): float(v) for k, v in raw["scales"].items()},
        number_words={str(k): int(v) for k, v in raw["number_words"].items()},
        vague_magnitudes={
            tuple(str(k).lower().split()): (float(v[0]), float(v[1]))
            for k, v in raw["vague_magnitudes"].items()
        },
        fractions={k: float(v) for k, v in _keyed(raw["fractions"]).items()},
        denominators={str(k).lower(): int(v) for k, v in raw["denominators"].items()},
        extent_words=_words(raw["extent_words"]),
        fraction_blockers=_words(raw["fraction_blockers"]),
        rate_items=_words(raw["rate_items"]),
        currency_prefixes={
            str(k): str(v)
            for k, v in (raw["currency_prefixes"] | raw["currency_prefixes_amount_only"]).items()
        },
        currency_prefixes_amount_only={
            str(k): str(v) for k, v in raw["currency_prefixes_amount_only"].items()
        },
        currency_words=_keyed(raw["currency_words"]),
        currency_suffixes={str(k): str(v) for k, v in raw["currency_suffixes"].items()},
        negative_words=_words(raw["negative_words"]),
        bound_prefixes={
            str(p).lower(): label for label, ps in raw["bound_prefixes"].items() for p in ps
        },
        currency_subunits={str(k).lower(): str(v) for k, v in raw["currency_subunits"].items()},
        dollar_nationality=_keyed(raw["dollar_nationality"]),
        measure_nouns=_keyed(raw["measure_nouns"]),
        age_words=_words(raw["age_words"]),
        age_before=_words(raw["age_before"]),
        months=_words(raw["months"]),
        weekdays=_words(raw["weekdays"]),
        label_words=_words(raw["label_words"]),
        label_words_lowercase=_words(raw["label_words_lowercase"]),
        label_after=_words(raw["label_after"]),
        code_after=_words(raw["code_after"]),
        street_words=_words(raw["street_words"]),
        clock_words=_words(raw["clock_words"]),
        attribution_verbs=_words(raw["attribution_verbs"]),
        attribution_nouns=_words(raw["attribution_nouns"]),
        attribution_pronouns=_words(raw["attribution_pronouns"]),
        non_asserters=_words(raw["non_asserters"]),
        data_verbs=_words(raw["data_verbs"]),
        source_carriers=_words(raw["source_carriers"]),
        source_works=_words(raw["source_works"]),
        source_anaphors=_words(raw["source_anaphors"]),
        source_adjectives=_words(raw["source_adjectives"]),
        headline_labels=_words(raw["headline_labels"]),
        boilerplate_lines=LinePatterns.compile(raw["boilerplate_lines"]),
        end_markers=LinePatterns.compile(raw["end_markers"]),
        stopwords=_words(raw["stopwords"]),
        noun_phrase_stops=_words(raw["noun_phrase_stops"]),
        not_counted=_words(raw["not_counted"]),
        concept_verbs=_words(raw["concept_verbs"]),
        determiners=_words(raw["determiners"]),
        phrase_openers=_words(raw["phrase_openers"]) | _words(raw["determiners"]),
        ing_nouns=_words(raw["ing_nouns"]),
        common_adjectives=_words(raw["common_adjectives"]),
        adjective_endings=tuple(str(e).lower() for e in raw["adjective_endings"]),
        concept_fillers=_words(raw["concept_fillers"]),
        verb_nominals={
            str(verb).lower(): str(noun)
            for noun, verbs in raw["verb_nominals"].items()
            for verb in verbs
        },
        max_before=max(len(k) for k in (*before, *changes)),
        max_after=max(len(k) for k in after),
    )


def phrase_at(words: list[str], table: PhraseTable, longest: int) -> tuple[str, int]:
    """Longest phrase from ``table`` at the start of ``words``: (label, length) or ("", 0)."""
    if not words or words[0] not in table.firsts:
        return "", 0
    for k in range(min(longest, len(words)), 0, -1):
        label = table.get(tuple(words[:k]))
        if label is not None:
            return label, k
    return "", 0


def phrase_ending(words: list[str], table: PhraseTable, longest: int) -> tuple[str, int]:
    """Longest phrase from ``table`` at the end of ``words``."""
    if not words or words[-1] not in table.lasts:
        return "", 0
    for k in range(min(longest, len(words)), 0, -1):
        label = table.get(tuple(words[-k:]))
        if label is not None:
            return label, k
    return "", 0


def change_ending(words: list[str], lex: Lexicon, longest: int) -> tuple[str | None, int]:
    """The change a phrase at the end of ``words`` marks, and its length; ``None`` for the
    phrases listed as no change ("gave up", "boils down"), which outrank "up" and "down"."""
    label, k = phrase_ending(words, lex.changes, longest)
    return (None if label in ("", "none") else label), k
