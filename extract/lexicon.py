"""The word lists of ``data/lexicon.yaml``, loaded once and shaped for fast lookup."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .chars import uncased_beyond_ascii

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
    near_qualifiers: dict[str, frozenset[str]]
    periods: PhraseTable
    period_blockers: frozenset[str]
    changes: PhraseTable
    changes_after: dict[str, str]
    changes_need_by: frozenset[str]
    clause_openers: frozenset[str]
    adverbs_before_to: frozenset[str]
    level_carriers: frozenset[str]
    level_verbs: frozenset[str]
    level_verbs_at: frozenset[str]
    closing_verbs: frozenset[str]
    change_after_figure: dict[str, str]
    change_after_followers: frozenset[str]
    counterfactuals: frozenset[str]
    units_before: PhraseTable
    amount_leads: PhraseTable
    guess_modals: frozenset[str]
    span_adjectives: frozenset[str]
    not_purposes: frozenset[str]
    year_owners: frozenset[str]
    possessive_times: frozenset[str]
    figure_nouns: frozenset[str]
    demonym_endings: tuple[str, ...]
    scales: dict[str, float]
    spaced_scales: re.Pattern[str]
    currency_scales: dict[str, dict[str, float]]
    number_words: dict[str, int]
    vague_magnitudes: dict[tuple[str, ...], tuple[float, float]]
    fractions: dict[tuple[str, ...], float]
    denominators: dict[str, int]
    extent_words: frozenset[str]
    head_count_words: frozenset[str]
    length_words: frozenset[str]
    fraction_blockers: frozenset[str]
    rate_items: frozenset[str]
    rate_heads_before: PhraseTable
    currency_prefixes: dict[str, str]
    currency_prefixes_amount_only: dict[str, str]
    currency_words: PhraseTable
    currency_suffixes: dict[str, str]
    negative_words: frozenset[str]
    bound_prefixes: dict[str, str]
    hyphen_adverbs: frozenset[str]
    currency_subunits: dict[str, str]
    measure_nouns: PhraseTable
    age_words: frozenset[str]
    age_before: frozenset[str]
    age_measures: frozenset[str]
    range_verbs: frozenset[str]
    months: frozenset[str]
    weekdays: frozenset[str]
    label_words: frozenset[str]
    label_words_lowercase: frozenset[str]
    label_after: frozenset[str]
    code_after: frozenset[str]
    street_words: frozenset[str]
    clock_words: frozenset[str]
    gallery_words: frozenset[str]
    attribution_verbs: frozenset[str]
    attribution_nouns: frozenset[str]
    attribution_pronouns: frozenset[str]
    non_asserters: frozenset[str]
    data_verbs: frozenset[str]
    source_carriers: frozenset[str]
    source_works: frozenset[str]
    #: both of them: the words that carry or hold a source's figures (made once)
    source_nouns: frozenset[str]
    source_anaphors: frozenset[str]
    member_anaphors: frozenset[str]
    #: both of them: the nouns of a body that may speak ("the ministry", "the union")
    body_anaphors: frozenset[str]
    source_adjectives: frozenset[str]
    person_states: frozenset[str]
    asserter_adverbs: frozenset[str]
    source_authors: frozenset[str]
    aside_openers: frozenset[str]
    death_states: frozenset[str]
    state_links: frozenset[str]
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
    object_nominals: dict[str, str]
    ing_nouns: frozenset[str]
    verb_nouns: frozenset[str]
    common_adjectives: frozenset[str]
    adjective_endings: tuple[str, ...]
    max_before: int
    max_after: int


@dataclass(frozen=True, slots=True)
class LinePatterns:
    """Patterns a line may match: those anchored at its start ("^read next") are tried there
    only, the others anywhere, each on its own: a pattern that opens with a letter lets the
    regex engine skip ahead to where that letter is, which one long alternation (or one
    opening with ``\\b``) does not, so ``\\b`` before a letter is checked after it."""

    starts: re.Pattern[str]
    anywhere: tuple[re.Pattern[str], ...]
    #: the same patterns with no IGNORECASE, for a line in ASCII lower-cased (see
    #: ``search``); None when a pattern holds a capital letter, which that would change
    lowered: tuple[re.Pattern[str], tuple[re.Pattern[str], ...]] | None = None

    @classmethod
    def compile(cls, patterns: list[str]) -> LinePatterns:
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        free = [_boundary_after_letter(p) for p in patterns if not p.startswith("^")]
        starts = "|".join(f"(?:{p})" for p in anchored) or "(?!)"
        lowered = None
        if not any(ch.isupper() for p in patterns for ch in p):
            lowered = (re.compile(starts), tuple(re.compile(p) for p in free))
        return cls(
            re.compile(starts, re.IGNORECASE),
            tuple(re.compile(p, re.IGNORECASE) for p in free),
            lowered,
        )

    def search(self, line: str) -> bool:
        """Whether a pattern matches ``line``, case aside. A line whose characters outside
        ASCII are uncased (signs, dashes, curly quotes) is lower-cased and read with the
        patterns compiled without IGNORECASE (the same matches there, see
        :func:`~extract.chars.uncased_beyond_ascii`), whose letters let a search skip ahead:
        with IGNORECASE it tries every position."""
        if self.lowered is not None and uncased_beyond_ascii(line):
            starts, anywhere = self.lowered
            line = line.lower()
        else:
            starts, anywhere = self.starts, self.anywhere
        return bool(starts.match(line)) or any(p.search(line) for p in anywhere)


def _boundary_after_letter(pattern: str) -> str:
    r"""``\bcopyright`` as ``c(?<=\bc)opyright``: the same matches, found from the letter.

    >>> _boundary_after_letter(r"\ball rights\b"), _boundary_after_letter(r"\[in detail\]")
    ('a(?<=\\ba)ll rights\\b', '\\[in detail\\]')
    """
    if pattern.startswith(r"\b") and pattern[2:3].isalpha() and pattern[3:4] not in "*+?{":
        letter = pattern[2]
        return f"{letter}(?<=\\b{letter}){pattern[3:]}"
    return pattern


def _words(values: list[Any]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


@functools.cache
def hedge_alternation() -> str:
    """The hedges a figure may carry before it (``qualifiers_before``: "about", "more than",
    "at least"), as a regex alternation with no group, the longest first, spaces as
    ``\\s+``."""
    words = sorted((" ".join(k) for k in lexicon().qualifiers_before), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)


def _keyed(mapping: dict[str, Any]) -> PhraseTable:
    return PhraseTable({tuple(str(k).lower().split()): v for k, v in mapping.items()})


#: The lists of the YAML file read as sets of lower-case words, each into the field of its name.
_WORD_SETS = (
    "hyphen_adverbs period_blockers changes_need_by clause_openers level_carriers closing_verbs "
    "level_verbs level_verbs_at "
    "adverbs_before_to "
    "change_after_followers counterfactuals guess_modals span_adjectives not_purposes year_owners extent_words "
    "possessive_times figure_nouns "
    "head_count_words "
    "length_words "
    "fraction_blockers rate_items negative_words age_words age_before age_measures range_verbs months "
    "weekdays "
    "label_words label_words_lowercase label_after code_after street_words clock_words gallery_words "
    "attribution_verbs attribution_nouns attribution_pronouns non_asserters data_verbs "
    "source_carriers source_works source_anaphors member_anaphors source_adjectives "
    "headline_labels stopwords "
    "noun_phrase_stops not_counted concept_verbs verb_nouns determiners ing_nouns common_adjectives "
    "concept_fillers asserter_adverbs source_authors aside_openers person_states death_states state_links"
).split()
#: Mappings ``{label: [phrase, ...]}``, read as phrase tables (:func:`phrase_index`).
_PHRASE_INDEXES = (
    "qualifiers_before",
    "qualifiers_after",
    "periods",
    "changes",
    "rate_heads_before",
)
#: Mappings ``{label: [phrase, ...]}``, read as one set of lower-case phrases per label.
_LABELLED_SETS = ("near_qualifiers",)
#: Mappings ``{phrase: value}``, read as phrase tables keyed by the phrase's words.
_KEYED = ("currency_words", "measure_nouns")
#: Lists of word endings, read as lower-case tuples (for ``str.endswith``).
_ENDINGS = ("demonym_endings", "adjective_endings")
#: Lists of regular expressions a line may match.
_LINE_PATTERNS = ("boilerplate_lines", "end_markers")


@functools.cache
def lexicon() -> Lexicon:
    """Load (once per process) the lexicon: most lists by their shape (the tables above),
    the others by :func:`_numbers`, :func:`_currencies` and :func:`_words_of_phrases`."""
    raw = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    fields: dict[str, Any] = {name: _words(raw[name]) for name in _WORD_SETS}
    fields |= {name: phrase_index(raw[name]) for name in _PHRASE_INDEXES}
    fields |= {name: _keyed(raw[name]) for name in _KEYED}
    fields |= {name: {k: _words(v) for k, v in raw[name].items()} for name in _LABELLED_SETS}
    fields |= {name: tuple(str(e).lower() for e in raw[name]) for name in _ENDINGS}
    fields |= {name: LinePatterns.compile(raw[name]) for name in _LINE_PATTERNS}
    fields |= _numbers(raw) | _currencies(raw) | _words_of_phrases(raw)
    fields["max_before"] = max(len(k) for k in (*fields["qualifiers_before"], *fields["changes"]))
    fields["max_after"] = max(len(k) for k in fields["qualifiers_after"])
    return Lexicon(**fields)


def _spaced_scales(scales: dict[str, float], money_only: set[str]) -> re.Pattern[str]:
    """Scale words of a hundred or more written apart from the figure: after spaces, a
    hyphen, or a line break that wraps the sentence ("4.9\\nmillion", never a new line that
    opens with a capital). Single letters ("4m") count only glued to the digits, and the
    abbreviations of ``currency_scales`` only after money."""
    words = sorted(
        (w for w, v in scales.items() if v >= 100 and len(w) > 1 and w not in money_only),
        key=len,
    )
    alternation = "|".join(re.escape(w) for w in reversed(words))
    gap = r"[ \t]+|-|[ \t]*\n[ \t]*(?=[a-z])"
    return re.compile(rf"(?-i:{gap})({alternation})s?\b", re.IGNORECASE)


def _numbers(raw: dict[str, Any]) -> dict[str, Any]:
    """Scale words, number words, vague magnitudes ("dozens"), fractions and denominators."""
    scales = {str(k).lower(): float(v) for k, v in raw["scales"].items()}
    money_scales = {
        str(code): {str(k).lower(): scales[str(v)] for k, v in abbreviations.items()}
        for code, abbreviations in raw["currency_scales"].items()
    }
    return {
        "scales": scales,
        "spaced_scales": _spaced_scales(scales, {w for t in money_scales.values() for w in t}),
        "currency_scales": money_scales,
        "number_words": {str(k): int(v) for k, v in raw["number_words"].items()},
        "vague_magnitudes": {
            tuple(str(k).lower().split()): (float(v[0]), float(v[1]))
            for k, v in raw["vague_magnitudes"].items()
        },
        "fractions": {k: float(v) for k, v in _keyed(raw["fractions"]).items()},
        "denominators": {str(k).lower(): int(v) for k, v in raw["denominators"].items()},
    }


def _currencies(raw: dict[str, Any]) -> dict[str, Any]:
    """Currency signs and codes before an amount (with those before an amount only, and the
    codes of the currencies named in words), after it, and the subunits ("cents", "pence")."""
    amount_only = raw["currency_prefixes_amount_only"]
    # a currency read by its name ("kronor", "zloty") is read by its ISO code before an
    # amount too ("SEK 2.4 million", "PLN 300")
    codes = {str(c): str(c) for c in raw["currency_words"].values() if re.fullmatch("[A-Z]{3}", c)}
    return {
        "currency_prefixes": {
            str(k): str(v) for k, v in (codes | raw["currency_prefixes"] | amount_only).items()
        },
        "currency_prefixes_amount_only": {str(k): str(v) for k, v in amount_only.items()},
        "currency_suffixes": {str(k): str(v) for k, v in raw["currency_suffixes"].items()},
        "currency_subunits": {str(k).lower(): str(v) for k, v in raw["currency_subunits"].items()},
    }


def _words_of_phrases(raw: dict[str, Any]) -> dict[str, Any]:
    """Lookups by one word: changes after a figure, bound prefixes, the verbs of a noun
    ("spends" -> "spending"), the words that open a phrase (determiners among them), the
    nouns that carry or hold a source's figures and the nouns of a body that may speak."""
    return {
        "changes_after": {w: label for (w,), label in phrase_index(raw["changes_after"]).items()},
        "amount_leads": _keyed({w: True for w in raw["amount_leads"]}),
        "units_before": _keyed({w: (str(u), str(d)) for w, (u, d) in raw["units_before"].items()}),
        "change_after_figure": {
            w: label for (w,), label in phrase_index(raw["change_after_figure"]).items()
        },
        "bound_prefixes": {
            str(p).lower(): label for label, ps in raw["bound_prefixes"].items() for p in ps
        },
        **{
            key: {
                str(verb).lower(): str(noun) for noun, verbs in raw[key].items() for verb in verbs
            }
            for key in ("verb_nominals", "object_nominals")
        },
        "phrase_openers": _words(raw["phrase_openers"]) | _words(raw["determiners"]),
        "source_nouns": _words(raw["source_carriers"]) | _words(raw["source_works"]),
        "body_anaphors": _words(raw["source_anaphors"]) | _words(raw["member_anaphors"]),
    }


def phrase_at(words: list[str], table: PhraseTable, longest: int) -> tuple[Any, int]:
    """Longest phrase from ``table`` at the start of ``words``: (label, length) or ("", 0).
    A label is what the table holds: a string in most, ``True`` in ``amount_leads``, a unit
    and its dimension in ``units_before``."""
    if not words or words[0] not in table.firsts:
        return "", 0
    for k in range(min(longest, len(words)), 0, -1):
        label = table.get(tuple(words[:k]))
        if label is not None:
            return label, k
    return "", 0


def phrase_ending(words: list[str], table: PhraseTable, longest: int) -> tuple[Any, int]:
    """Longest phrase from ``table`` at the end of ``words`` (labels as :func:`phrase_at`)."""
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
