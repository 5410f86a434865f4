"""From one document's text to its numeric claims.

The work per number: read what stands to its left (currency sign, hedge, direction of
change, labels and dates that make it no claim) and to its right (scale word, range,
unit or counted noun, hedge, rate), then attach the sentence's asserter, the subject
and the measured concept. All offsets index into the original text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import re
import warnings
from dataclasses import dataclass, field
from typing import Any, Literal

import polars as pl

from .context import (
    AttributionTracker,
    Token,
    concept_left,
    prime_tokens,
    relative_phrase,
    sentence_head,
    subject_before,
    tokens,
)
from .inflection import singular
from .lexicon import Lexicon, lexicon
from .numbers import NumberMatch, find_numbers, non_quantity_spans
from .schema import CLAIMS_SCHEMA
from .segment import Sentence, guess_language, sentences
from .units import UnitInfo, unit_table

__all__ = ["claim_id", "extract_claims", "extract_rows"]

_ATTACHED = re.compile(r"%|[°º]\s?[CF]\b|[A-Za-zµμ²³/]+[23²³]?|\+|[€£]|″")
#: "×10−30", "x 10^23", "×10⁻³⁰": a power of ten after a number (an exponent is required).
_SCIENTIFIC = re.compile(
    r"\s?[×xX]\s?10(?:(?:\^|\*\*)([-−–]?)(\d+)|([-−–])(\d+)|(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
)
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_ORDINAL = frozenset(["st", "nd", "rd", "th", "s", "am", "pm", "a.m", "p.m"])
_RANGE_SEP = re.compile(r"[ \t]*(?:-|–|—|to|and|or)[ \t]*", re.IGNORECASE)
_SCALE_SPACED = re.compile(
    r"(?:[ \t]+|-)(hundred|thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn|lakh|crore)s?\b",
    re.IGNORECASE,
)
_SCALE_ATTACHED = re.compile(r"(bn|bln|mn|mln|tn|trn|m|b|k|M|B|K)(?![A-Za-z])")
_LAST_WORD = re.compile(r"[A-Za-z]+$")
_WORD_BEFORE = re.compile(r"\b[A-Za-z]+ ?$")
_WEIGHT_HINT = re.compile(r"\b(?:weigh\w*|heavy|heavier|lbs?)\b", re.IGNORECASE)
_DETERMINERS_BEFORE_WORD_NUMBER = frozenset(
    "the these those both its their all his her our my your this that any no every each".split()
)
_IRREGULAR_PLURALS = frozenset("people men women children staff personnel police cattle".split())
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_PREPOSITIONS_AFTER = frozenset(["of", "in", "on", "for", "to"])


#: Short names made of digits and capitals ("5G", "4K", "3D", "V10", "A2").
_TECH_NAME = re.compile(r"(?=\w*\d)(?=\w*[A-Z])[0-9A-Z]{2,3}")


def _singular(word: str) -> str:
    return singular(word)


#: A sentence with more figures than this is a table or a list: no concept or subject is read.
DENSE = 60


@functools.cache
def _attribution_hint() -> re.Pattern[str]:
    verbs = sorted(lexicon().attribution_verbs, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, verbs)) + r")\b", re.IGNORECASE)


def _at_line_start(text: str, pos: int) -> bool:
    """Only spaces or tabs between ``pos`` and the start of its line (a bounded look back)."""
    i = pos - 1
    while i >= 0 and pos - i < 64 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def claim_id(doc_id: str, start: int, end: int, surface: str) -> str:
    """A stable identifier: the same document, span and surface give the same id."""
    key = f"{doc_id}\x1f{start}\x1f{end}\x1f{surface}".encode()
    return hashlib.blake2b(key, digest_size=8).hexdigest()


@dataclass(slots=True)
class _Claim:
    start: int
    end: int
    sentence: Sentence
    value: float
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    qualifier: str | None = None
    unit: str | None = None
    dimension: str = "count"
    per: str | None = None
    change: str | None = None
    concept: str | None = None
    subject: str | None = None
    attribution: str | None = None
    restates: int | None = None
    from_index: int | None = None
    consumed: int = 0
    noun_tokens: list[Token] = field(default_factory=list)
    left: list[Token] | None = None  # the sentence's tokens before the claim, hedge excluded


def _phrase_at(
    words: list[str], table: dict[tuple[str, ...], str], longest: int
) -> tuple[str, int]:
    """Longest phrase from ``table`` at the start of ``words``: (label, length) or ("", 0)."""
    for k in range(min(longest, len(words)), 0, -1):
        label = table.get(tuple(words[:k]))
        if label is not None:
            return label, k
    return "", 0


def _phrase_ending(
    words: list[str], table: dict[tuple[str, ...], str], longest: int
) -> tuple[str, int]:
    """Longest phrase from ``table`` at the end of ``words``."""
    for k in range(min(longest, len(words)), 0, -1):
        label = table.get(tuple(words[-k:]))
        if label is not None:
            return label, k
    return "", 0


def _change_ending(words: list[str], lex: Lexicon, longest: int) -> tuple[str | None, int]:
    """The change a phrase at the end of ``words`` marks, and its length; ``None`` for the
    phrases listed as no change ("gave up", "boils down"), which outrank "up" and "down"."""
    label, k = _phrase_ending(words, lex.changes, longest)
    return (None if label in ("", "none") else label), k


class _DocumentReader:
    """Reads all claims of one document."""

    def __init__(self, text: str, doc_id: str, style: str) -> None:
        self.text = text
        self.doc_id = doc_id
        self.style = style
        self.lex = lexicon()
        self.units = unit_table()
        self.sents = sentences(text)
        self.sent_starts = [s.start for s in self.sents]
        self.excluded = non_quantity_spans(text)
        self.excluded_starts = [a for a, _ in self.excluded]
        #: starts of "sentences" holding more than DENSE figures: tables or lists, not prose;
        #: their figures get no concept or subject (which keeps junk input linear and fast)
        self.dense: set[int] = set()
        self.skip_to = -1  # numbers before this offset belong to a figure read as none
        self.prefixes = sorted(self.lex.currency_prefixes, key=len, reverse=True)

    # -- helpers -------------------------------------------------------------------------
    def _sentence_of(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0 or pos >= self.sents[i].end:
            return None
        return self.sents[i]

    def _is_excluded(self, start: int) -> bool:
        i = bisect.bisect_right(self.excluded_starts, start) - 1
        return i >= 0 and self.excluded[i][0] <= start < self.excluded[i][1]

    def _currency_before(self, start: int, floor: int) -> tuple[str, int] | None:
        text = self.text
        window = text[max(floor, start - 6) : start]
        stripped = window.rstrip(" \u00a0")
        gap = len(window) - len(stripped)
        if gap > 1:
            return None
        for prefix in self.prefixes:
            if not stripped.endswith(prefix):
                continue
            at = start - gap - len(prefix)
            if prefix[0].isalpha():
                if at > floor and text[at - 1].isalnum():
                    continue
                if len(prefix) == 1 and gap:
                    continue
            elif gap and prefix in ("$", "£", "€"):
                continue
            if gap and prefix in self.lex.currency_prefixes_amount_only:
                continue
            return self.lex.currency_prefixes[prefix], at
        return None

    # -- one number ----------------------------------------------------------------------
    def read(self, numbers: list[NumberMatch], index: int) -> _Claim | None:
        num = numbers[index]
        text, lex = self.text, self.lex
        sent = self._sentence_of(num.start)
        if sent is None or self._is_excluded(num.start):
            return None
        prime_tokens(text, sent.start, sent.end)
        claim = _Claim(num.start, num.end, sent, num.value)
        if num.kind == "vague" and num.high is not None:
            # "hundreds": one order of magnitude from the named one, its midpoint the value
            claim.low, claim.high, claim.bound = num.value, num.high, "range"
            claim.value = (num.value + num.high) / 2
        elif num.kind == "fraction":
            claim.unit, claim.dimension = "fraction", "ratio"  # "a third of", "one in five"
        # ---- left side
        if num.kind == "digits" and num.start > sent.start and text[num.start - 1] in "-−":
            if num.start - 2 >= sent.start and text[num.start - 2].isalnum():
                glued = _WORD_BEFORE.search(text, max(sent.start, num.start - 12), num.start - 1)
                word = glued.group().lower() if glued else ""
                if word in lex.negative_words:
                    claim.value, claim.start = -claim.value, glued.start()  # type: ignore[union-attr]
                elif word in lex.bound_prefixes:
                    claim.bound, claim.qualifier = lex.bound_prefixes[word], glued.group()  # type: ignore[union-attr]
                    claim.start = glued.start()  # type: ignore[union-attr]
                else:
                    return None  # a code such as F-16 or COVID-19
            else:
                claim.value, claim.start = -claim.value, num.start - 1
        elif num.kind == "digits" and claim.value > 0:
            spaced = _WORD_BEFORE.search(text, max(sent.start, num.start - 12), num.start)
            if spaced and spaced.group().lower().rstrip() in lex.negative_words:
                claim.value, claim.start = -claim.value, spaced.start()
        currency: str | None = None
        found = (
            self._currency_before(claim.start, sent.start)
            if num.kind in ("digits", "words")
            else None
        )
        if found:
            currency, claim.start = found
        left = tokens(text, max(sent.start, claim.start - 120), claim.start)
        words = [t.lower for t in left]
        label, k = _phrase_ending(words, lex.qualifiers_before, lex.max_before)
        if k:
            if num.kind != "vague":  # "more than hundreds of": the range stands
                claim.bound = label
            claim.qualifier = text[left[-k].start : left[-1].end]
            claim.start = left[-k].start
            left, words = left[:-k], words[:-k]
        claim.left = left
        between = bool(words) and words[-1] == "between"
        prev = left[-1] if left else None
        if prev is not None:
            bare = prev.lower.rstrip(".")
            if prev.text == "." and len(left) >= 2:  # "Oct. 31"
                bare = left[-2].lower
                prev = left[-2]
            if bare in lex.months and prev.text[:1].isupper():
                return None
            if bare in lex.label_words and (prev.text[:1].isupper() or prev.text in ("#", "No.")):
                return None
            if bare in lex.label_words_lowercase and num.kind == "digits":
                return None  # "a category 4 hurricane", "type 2 diabetes"
            if bare in lex.age_before or (bare == "of" and words[-2:-1] == ["age"]):
                claim.unit, claim.dimension, claim.concept = "year", "age", "age"  # "the age of 21"
        if (
            len(left) >= 2
            and left[-1].text == ","
            and left[-2].text[:1].isupper()
            and num.kind == "digits"
            and float(num.value).is_integer()
            and 0 < num.value < 120
            and text[num.end : num.end + 1] in (",", ")")
        ):
            claim.unit, claim.dimension, claim.concept = "year", "age", "age"  # "Haley, 51,"
        if text[num.end : num.end + 2] in (". ", ") ") and _at_line_start(text, num.start):
            return None  # list numbering
        claim.change = self._change_before(words)
        if (
            claim.change is None
            and claim.start > sent.start
            and text[claim.start - 1] == "+"
            and (claim.start - 1 == sent.start or not text[claim.start - 2].isalnum())
        ):
            claim.change, claim.start = "increase", claim.start - 1  # "Dow +0.2%"
        # ---- right side
        pos = num.end
        scale = 1.0
        scaled = self._spaced_scale(pos) if num.kind == "digits" else None
        if scaled:
            scale, pos = scaled
        attached = _ATTACHED.match(text, pos) if pos == num.end and num.kind == "digits" else None
        if attached:
            suffix = attached.group()
            small = suffix.lower().rstrip(".")
            sm = _SCALE_ATTACHED.match(text, pos)
            follows_noun = bool(
                re.match(r"\s+[a-z]{3,}", text[attached.end() : attached.end() + 20])
            )
            if suffix == "%":
                claim.unit, claim.dimension, pos = "percent", "ratio", attached.end()
            elif suffix in lex.currency_suffixes:
                if currency is None:
                    currency = lex.currency_suffixes[suffix]
                claim.unit, claim.dimension, pos = currency, "currency", attached.end()
            elif (small,) in lex.measure_nouns and not small.endswith("s"):
                claim.unit, pos = lex.measure_nouns[(small,)], attached.end()
                claim.dimension = "other" if claim.unit == "magnitude" else "ratio"
            elif suffix in lex.currency_subunits and currency is None and len(suffix) == 1:
                claim.unit, claim.dimension = lex.currency_subunits[suffix], "currency"
                pos = attached.end()
            elif (
                sm
                and sm.end() == attached.end()
                and (currency or len(sm.group()) > 1 or sm.group() in ("k", "K") or follows_noun)
            ):
                scale, pos = lex.scales[sm.group().lower()], sm.end()
            elif small in _ORDINAL:
                return None
            elif suffix == "+":
                claim.bound, claim.qualifier, pos = "lower", "+", attached.end()
            elif (info := self._attached_unit(suffix)) is not None:
                claim.unit, claim.dimension, pos = info.symbol, info.dimension, attached.end()
            elif small == "x":
                claim.unit, claim.dimension, pos = "times", "ratio", attached.end()
            else:
                return None  # 5G, 3D, B52: a name, not a quantity
        sci = _SCIENTIFIC.match(text, pos) if pos == num.end and num.kind == "digits" else None
        if sci:  # "1.99×10−30 kilograms", "6.02 x 10^23"
            sign = -1 if (sci.group(1) or sci.group(3) or sci.group(5)) else 1
            digits = (sci.group(2) or sci.group(4) or sci.group(6)).translate(_SUPERSCRIPT_DIGITS)
            if len(digits) <= 3:  # written out so that 1.99×10−30 is exactly 1.99e-30
                claim.value = float(f"{claim.value!r}e{sign * int(digits)}")
                if not 0 < abs(claim.value) < float("inf"):
                    self.skip_to = sci.end()  # beyond what a float holds: no figure at all
                    return None
                pos = claim.consumed = sci.end()
        value = claim.value * scale
        # ranges: "175,000-200,000", "between 10 and 20", "10 to 15 per cent"
        nxt = numbers[index + 1] if index + 1 < len(numbers) else None
        sep = _RANGE_SEP.match(text, pos)
        numeric = ("digits", "words")
        if nxt is not None and sep and num.kind in numeric and nxt.kind in numeric:
            joiner = sep.group().strip().lower()
            target = sep.end()
            cur2 = self._currency_before(nxt.start, sent.start)
            start2 = cur2[1] if cur2 else nxt.start
            ok = start2 == target
            if ok and cur2 and (currency or claim.unit) != cur2[0]:
                ok = False  # "7% to $2.3 billion", "$5 to £4": two figures
            if ok and joiner == "and" and not between:
                ok = False
            if ok and attached and claim.unit and not text.startswith(attached.group(), nxt.end):
                ok = False  # "fell 4% to 28,030": a unit on the first only, two figures
            if ok and num.kind != nxt.kind and joiner != "to":
                ok = False  # "seven to 10 years" is a range, "one-2" is not
            claim2 = self._scale_after(nxt) if ok else (1.0, nxt.end)
            # "from $89 to $93 billion", "5 to 10 million": the first shares the second's scale
            shared = claim2[0] != 1.0 and scale == 1.0 and num.value <= nxt.value
            if ok and joiner == "to" and self._from_before(words):
                ok = False  # "ballooned from 1,000 to 20,000": two figures
                if shared:
                    value = claim.value * claim2[0]
            unitless = currency is None and claim.unit is None and scale == 1.0
            if (
                ok
                and joiner == "to"
                and words[-1:] == ["by"]
                and not (unitless and num.value < nxt.value <= 3 * num.value)
            ):
                ok = False  # "rose by $4bn to $419bn"; "dropped by 1 to 1.5 degrees" is a range
            from_range = joiner == "to" and "from" in words[-4:]
            if ok and self._yearish(num) and (self._yearish(nxt) or nxt.integer_digits == 2):
                return None
            if ok and joiner == "or" and not (num.value < nxt.value <= 3 * num.value + 1):
                ok = False  # "three or four years" is a range, "1 or 100" two figures
            if ok:
                value2 = nxt.value * claim2[0]
                low = claim.value * claim2[0] if shared else value
                if value2 > low or (from_range and value2 < low):
                    claim.low, claim.high = min(low, value2), max(low, value2)
                    claim.bound = "range"
                    value = (low + value2) / 2
                    pos = claim2[1]
                    claim.consumed = nxt.end
                    glued = _ATTACHED.match(text, pos) if pos == nxt.end else None
                    info = self._attached_unit(glued.group()) if glued else None
                    if info is not None and claim.unit is None and currency is None:
                        claim.unit, claim.dimension, pos = info.symbol, info.dimension, glued.end()  # type: ignore[union-attr]
        claim.value = value
        # unit words, counted nouns, hedges and rates after the number
        right = tokens(text, pos, min(sent.end, pos + 160))
        hyphen = bool(right) and right[0].text == "-" and right[0].start == pos
        if hyphen:
            right = right[1:]
        rwords = [t.lower for t in right]
        if num.kind == "digits" and rwords[:1] and rwords[0] in lex.code_after:
            return None  # "the 90049 ZIP Code"
        used = 0
        if claim.unit is None:
            used = self._unit_after(claim, right, rwords, currency, hyphen, num)
            if used < 0:
                return None
        elif currency is not None:
            claim.unit, claim.dimension = currency, "currency"
        if currency is not None and claim.unit is None:
            claim.unit, claim.dimension = currency, "currency"
        if used:
            claim.end = right[used - 1].end
        else:
            claim.end = max(pos, claim.end)
        rest, rest_words = right[used:], rwords[used:]
        if (
            hyphen
            and claim.dimension == "duration"
            and rest
            and self._modifies_noun(claim, rest[0])
        ):
            return None  # "a five-year contract": the thing's term, not a figure
        if (
            currency is None
            and claim.noun_tokens
            and claim.qualifier is None
            and self._model_number(num, claim.noun_tokens, left)
        ):
            return None  # "the 787 Dreamliner", "two new 737 Max jets"
        if used and claim.bound == "exact" and nxt is not None and not claim.consumed:
            upper = self._range_with_unit(claim, nxt, right[0].start, rest, rest_words, words)
            if upper is not None:
                value2, end2 = upper
                claim.low, claim.high = min(claim.value, value2), max(claim.value, value2)
                claim.value, claim.bound = (claim.low + claim.high) / 2, "range"
                claim.end = claim.consumed = end2
                rest = [t for t in rest if t.start >= end2]
                rest_words = rwords[len(right) - len(rest) :]
        label, k = _phrase_at(rest_words, lex.qualifiers_after, lex.max_after)
        if k and not (
            rest_words[0] == "plus" and len(rest_words) > 1 and rest_words[1][:1].isdigit()
        ):
            claim.bound, claim.qualifier = label, " ".join(t.text for t in rest[:k])
            claim.end = rest[k - 1].end
            rest, rest_words = rest[k:], rest_words[k:]
        if rest_words and rest_words[0] in lex.label_after:
            return None
        if rest_words and rest_words[0].rstrip(".") in lex.clock_words:
            return None
        if rest_words and rest_words[0].rstrip(".") in lex.months and rest[0].text[:1].isupper():
            return None
        claim.per = self._period_after(rest, rest_words) or claim.per
        if claim.per is None and claim.unit and claim.dimension not in ("count", "ratio", "age"):
            item, k = self._item_after(rest, rest_words, claim.end)
            if item:  # "$58.24 per barrel" -> USD/barrel, "63 cents a share" -> cent/share
                claim.unit = f"{claim.unit}/{item}"
                claim.end = rest[k - 1].end
                rest, rest_words = rest[k:], rest_words[k:]
        if self._not_a_claim(claim, num, currency, prev):
            return None
        if currency is None and num.kind == "digits" and self._name_or_address(claim, prev, right):
            return None
        if claim.concept is None and sent.start not in self.dense:
            claim.concept = self._concept(claim, rest, rest_words, hyphen)
            purpose = self._purpose(rest, rest_words, claim.concept)
            if claim.concept and purpose and not _shares_word(purpose, claim.concept):
                claim.concept = f"{claim.concept} for {purpose}"
        if claim.bound in ("exact", "approx"):
            claim.low = claim.high = claim.value
        elif claim.bound == "lower":
            claim.low, claim.high = claim.value, None
        elif claim.bound == "upper":
            claim.low, claim.high = None, claim.value
        return claim

    def _modifies_noun(self, claim: _Claim, nxt: Token) -> bool:
        """The next word is the noun a hyphenated figure qualifies ("five-year $700,000 award")."""
        if nxt.start > claim.end + 1:
            return False
        first = nxt.text[:1]
        if first.isalpha():
            return first.islower() and nxt.lower not in self.lex.stopwords
        return first.isdigit() or nxt.text in self.lex.currency_prefixes

    def _model_number(self, num: NumberMatch, noun: list[Token], left: list[Token]) -> bool:
        """ "787 Dreamliner", "two new 737 Max jets": digits naming a model, not a count."""
        token = self.text[num.start : num.end]
        head = noun[0].text
        if (
            len(token) < 3
            or not token.isdigit()
            or not head[:1].isupper()
            or noun[0].start != num.end + 1
            or head.lower().endswith(("s", "an", "ese", "ish", "i", "ch"))
        ):
            return False
        if len(noun) == 1:
            return True  # nothing counted after the name
        words = self.lex.number_words
        return any(t.lower in words or t.text[:1].isdigit() for t in left[-2:])

    def _item_after(self, rest: list[Token], words: list[str], end: int) -> tuple[str, int]:
        """The item a price or measure is per: ("barrel", 2) for "per barrel", ("" , 0) if none."""
        if not words or rest[0].start > end + 1:
            return "", 0
        first = words[0]
        if first not in ("per", "a", "an", "/") or len(words) < 2:
            return "", 0
        if first == "/" and rest[1].start != rest[0].end:
            return "", 0
        units = self.units
        for k in range(min(3, len(words) - 1), 0, -1):
            info = units.words.get(" ".join(words[1 : 1 + k]))
            if info is None and k == 1:
                info = units.symbols.get(rest[1].text)
            if info is not None:
                if info.dimension == "duration":
                    return "", 0  # "11 feet per century": a rate in time, not per item
                return info.symbol, 1 + k
        word = rest[1].text
        low = words[1]
        if (
            not word.isalpha()
            or low in self.lex.stopwords
            or low in ("cent", "centum")
            or (first in ("a", "an") and low not in self.lex.rate_items)
            or (word[:1].isupper() and not word.isupper())
        ):
            return "", 0
        return (word if word.isupper() else _singular(low)), 2

    def _spaced_scale(self, pos: int) -> tuple[float, int] | None:
        """Scale words after a number, chained: "4 hundred million" -> 1e8."""
        scale, end = 1.0, pos
        for _ in range(2):
            m = _SCALE_SPACED.match(self.text, end)
            if m is None:
                break
            scale, end = scale * self.lex.scales[m.group(1).lower()], m.end()
        return (scale, end) if end > pos else None

    def _scale_after(self, num: NumberMatch) -> tuple[float, int]:
        spaced = self._spaced_scale(num.end)
        if spaced:
            return spaced
        sm = _SCALE_ATTACHED.match(self.text, num.end)
        if sm and (len(sm.group()) > 1 or sm.group() in "kKmMbB"):
            return self.lex.scales[sm.group().lower()], sm.end()
        return 1.0, num.end

    def _yearish(self, num: NumberMatch) -> bool:
        token = self.text[num.start : num.end]
        return (
            num.kind == "digits"
            and token.isdigit()
            and len(token) == 4
            and 1800 <= num.value <= 2100
        )

    def _attached_unit(self, suffix: str) -> UnitInfo | None:
        """The unit of a symbol written right after digits ("45g", "10W", "2.4μm")."""
        attached = self.units.attached
        return attached.get(suffix) or attached.get(suffix.replace("º", "°").replace("μ", "µ"))

    def _from_before(self, words: list[str]) -> bool:
        """A change verb governs "from X to Y": two figures (the second a change), no range."""
        if "from" not in words[-4:]:
            return False
        i = len(words) - 1 - words[::-1].index("from")
        return any((w,) in self.lex.changes for w in words[max(0, i - 6) : i])

    def _range_with_unit(
        self,
        claim: _Claim,
        nxt: NumberMatch,
        unit_start: int,
        rest: list[Token],
        rest_words: list[str],
        words: list[str],
    ) -> tuple[float, int] | None:
        """ "5 per cent to 20 per cent", "10 miles to 15 miles": the unit said twice."""
        if len(rest) < 2 or rest_words[0] not in ("to", "-", "–"):
            return None
        if rest_words[0] == "to" and self._from_before(words):
            return None
        cur2 = self._currency_before(nxt.start, claim.sentence.start)
        if (cur2[1] if cur2 else nxt.start) != rest[1].start or nxt.kind == "vague":
            return None
        unit_text = self.text[unit_start : claim.end].lower()
        scale2, end2 = self._scale_after(nxt) if nxt.kind == "digits" else (1.0, nxt.end)
        gap = len(self.text) - len(self.text[end2:].lstrip(" "))
        after = self.text[gap : gap + len(unit_text)].lower() if gap - end2 <= 1 else ""
        if after != unit_text:
            return None
        return nxt.value * scale2, gap + len(unit_text)

    def _change_before(self, words: list[str]) -> str | None:
        lex = self.lex
        trimmed = list(words)
        while trimmed and trimmed[-1] in ("by", "to", "of", "at", "some", "a", "an", "another"):
            trimmed.pop()
        label, k = _change_ending(trimmed, lex, 4)
        if k and len(trimmed) == len(words) and words[-1] in lex.changes_need_by:
            return None  # "raised $20 million": the amount raised, not a change
        if k:
            return label
        if words[-1:] == ["by"]:
            # "expected to grow sales by 35 per cent": the verb's object stands between
            for w in reversed(words[-4:-2]):
                label = lex.changes.get((w,), "")
                if label and w not in lex.stopwords:
                    return label
        # "ballooned from 1,000 to nearly 20,000": the verb governs the second figure
        if words and words[-1] == "to":
            window = words[-10:]
            if "from" in window:
                i = len(window) - 1 - window[::-1].index("from")
                label, _ = _change_ending(window[:i], lex, 3)
                if label:
                    return label
            # "rose 18 sen to RM23.50", "jumped 90 per cent to $7.2bn": the level after the change
            for i in range(len(words) - 2, max(-1, len(words) - 7), -1):
                if words[i][:1].isdigit():
                    head = words[:i]
                    while head and (
                        head[-1] in ("by", "some", "about", "a", "an") or not head[-1][:1].isalnum()
                    ):
                        head.pop()
                    label, _ = _change_ending(head, lex, 4)
                    if label and all(w.isalpha() or w in ("%", ".") for w in words[i + 1 : -1]):
                        return label
                    break
        return None

    def _unit_after(
        self,
        claim: _Claim,
        right: list[Token],
        rwords: list[str],
        currency: str | None,
        hyphen: bool,
        num: NumberMatch,
    ) -> int:
        """Read the unit after the number; return how many tokens it used (-1: no claim)."""
        lex, units = self.lex, self.units
        if not rwords:
            if currency:
                claim.unit, claim.dimension = currency, "currency"
            return 0
        first = rwords[0]
        if first.rstrip(".") in lex.months and right[0].text[:1].isupper():
            return -1  # "22 Dec": a date
        if first in lex.age_words or (first in ("year", "years") and rwords[1:2] == ["old"]):
            unit = first.split("-")[0].rstrip("s")  # "18 month-old" is in months
            claim.unit = unit if unit in ("month", "week", "day") else "year"
            used = 1 if first in lex.age_words else 2
            whose = self._content_run(right[used:], 3)  # "a 50 year-old man": the man's age
            claim.dimension = "age"
            claim.concept = f"age of {' '.join(whose)}" if whose else "age"
            return used
        label, k = _phrase_at(rwords, lex.measure_nouns, 2)
        if k:
            claim.unit = label
            claim.dimension = "other" if label == "magnitude" else "ratio"
            return k
        if "-" in first and not hyphen and self._hyphenated_unit(claim, first):
            return 1
        if currency is None:
            code, k = _phrase_at(rwords, lex.currency_words, 3)
            if k:
                if (
                    code == "GBP"
                    and first.startswith("pound")
                    and (
                        hyphen
                        or _WEIGHT_HINT.search(self.text, claim.sentence.start, claim.sentence.end)
                    )
                ):
                    claim.unit, claim.dimension = "lb", "mass"
                else:
                    claim.unit, claim.dimension = code, "currency"
                return k
            written = right[0].text
            if len(written) == 3 and written.isupper() and written in lex.currency_prefixes:
                claim.unit, claim.dimension = lex.currency_prefixes[written], "currency"
                return 1  # "110 JPY"
            sub = lex.currency_subunits.get(first)
            if sub and (right[0].text != "P" or right[0].start == num.end):
                claim.unit, claim.dimension = sub, "currency"
                return 1
        else:
            claim.unit, claim.dimension = currency, "currency"
            code, k = _phrase_at(rwords, lex.currency_words, 3)
            if k and code != "USD" and currency == "USD" and rwords[0] not in ("pounds", "pound"):
                claim.unit = code
                return k
            return 0
        info = units.words.get(rwords[1]) if len(rwords) > 1 else None
        if first in lex.span_adjectives and info is not None and info.dimension == "duration":
            claim.unit, claim.dimension = info.symbol, info.dimension
            return 2  # "the 50 previous years", "three consecutive months"
        for k in range(min(units.max_words, len(rwords), 4), 0, -1):
            info = units.words.get(" ".join(rwords[:k]))
            if info is None and k == 1 and right[0].text[:1].isalpha():
                info = units.symbols.get(right[0].text.replace("μ", "µ"))
            if (
                info is None
                and k == 1
                and right[0].text in lex.spaced_symbols
                and (len(right) == 1 or right[1].text[:1].islower() or "-" in right[1].text)
            ):
                info = units.attached.get(right[0].text)  # "a 65 W charger"
            if info is not None:
                claim.unit, claim.dimension = info.symbol, info.dimension
                return k
        return self._counted_noun(claim, right, rwords, num)

    def _hyphenated_unit(self, claim: _Claim, word: str) -> bool:
        """A unit joined to the word after it: "43.4 percent-owned", "52,000 barrel-a-day"."""
        head, _, tail = word.partition("-")
        label = self.lex.measure_nouns.get((head,))
        if label is not None and label != "magnitude":
            claim.unit, claim.dimension = label, "ratio"
            return True
        info = self.units.words.get(head)
        parts = tail.split("-")
        period, k = _phrase_at(parts, self.lex.periods, 2)
        if info is None or not k or k != len(parts):
            return False
        claim.unit, claim.dimension, claim.per = info.symbol, info.dimension, period
        return True

    def _counted_noun(
        self, claim: _Claim, right: list[Token], rwords: list[str], num: NumberMatch
    ) -> int:
        lex = self.lex
        i = 0
        vague_of = num.kind == "vague" and rwords[:1] == ["of"]
        if vague_of:
            i = 1
        if i < len(rwords) and rwords[i] in lex.changes_after and i + 1 < len(rwords):
            nxt = rwords[i + 1]
            if nxt.isalpha() and nxt not in lex.stopwords:
                claim.change = lex.changes_after[rwords[i]]
                i += 1
        run: list[Token] = []
        j = i
        while j < len(right) and len(run) < 3:
            tok = right[j]
            low = tok.lower
            if not tok.text[:1].isalpha() or low in lex.stopwords or low in lex.noun_phrase_stops:
                break
            if run and (low.endswith("ed") or low.endswith("ing")) and len(low) > 4:
                break
            if tok.text[:1].isupper() and not run and j > 0:
                if not (vague_of and j == 1 and not tok.text.isupper()):
                    break  # "millions of Americans" is read, "5 Pro" is not
            run.append(tok)
            j += 1
        if len(run) > 1:
            cut = self._noun_end(run, num.value == 1)
            j -= len(run) - cut
            run = run[:cut]
        if not run:
            return 0 if num.kind != "words" else -1
        head = run[-1].lower
        if head in lex.not_counted or not head.replace("-", "").replace("'", "").isalpha():
            return 0 if num.kind != "words" else -1
        if head.endswith(("ed", "ing")) and len(run) == 1 and head not in ("offspring", "building"):
            return 0 if num.kind != "words" else -1
        if num.kind == "words" and num.value == 1 and rwords[0] in ("of", "another"):
            return -1
        claim.unit = head if num.value == 1 and claim.bound != "range" else _singular(head)
        if len(run) > 1 and all(self._noun_modifier(t) for t in run[:-1]):
            # a noun-noun compound counts one kind of thing: "700 heart transplants"
            claim.unit = " ".join([*(t.lower for t in run[:-1]), claim.unit])
        claim.dimension = "count"
        claim.noun_tokens = run
        return j

    def _noun_modifier(self, tok: Token) -> bool:
        """A lower-case noun before the counted noun ("heart" of "heart transplants"), not an
        adjective ("new", "commercial", "eligible") or a participle ("recorded")."""
        low = tok.lower
        lex = self.lex
        if not tok.text.isalpha() or not tok.text.islower() or low in lex.common_adjectives:
            return False
        if low in lex.number_words or low in lex.stopwords or low in lex.concept_fillers:
            return False
        if low.endswith("ing"):
            return low in lex.ing_nouns
        return not low.endswith(lex.adjective_endings)

    @staticmethod
    def _noun_end(run: list[Token], single: bool) -> int:
        """Where a counted noun ends: "14 first-team players left" -> 2 words, not 3."""
        plural = [
            t.lower in _IRREGULAR_PLURALS
            or (t.lower.endswith("s") and not t.lower.endswith(("ss", "us", "is")))
            for t in run
        ]
        if single:
            # "one proposal asks": a singular noun, then a verb in -s
            for k in range(len(run) - 1):
                if not plural[k] and plural[k + 1] and run[k + 1].text.islower():
                    return k + 1
            return len(run)
        last = max((k for k, p in enumerate(plural) if p), default=-1)
        return last + 1 if last >= 0 else len(run)

    def _period_after(self, rest: list[Token], words: list[str]) -> str | None:
        lex = self.lex
        skip = 0
        if words[:1] == [")"]:
            skip = 1
        for offset in (skip, skip + 1, skip + 2, skip + 3):
            if offset > skip and (
                offset > len(words) or words[skip] not in ("in", "on", "for", "to")
            ):
                break
            if offset > skip and any(w in ",;.()" for w in words[skip:offset]):
                break
            tail = words[offset:]
            if tail[:1] == ["/"]:
                tail = tail[1:]
                label = next(
                    (p for p in ("hour", "day", "week", "month", "year") if tail[:1] == [p]), ""
                )
                if label:
                    return label
            label, k = _phrase_at(tail, lex.periods, 2)
            if k:
                if tail[k : k + 1] and tail[k] in lex.period_blockers:
                    return None
                return label
        return None

    def _name_or_address(self, claim: _Claim, prev: Token | None, right: list[Token]) -> bool:
        """ "iPhone 11 Pro", "Big 12", "Game 7"; "575 Wilbraham Road", "9 E 71st St"."""
        lex = self.lex
        for i, tok in enumerate(right[:4]):
            if not (
                tok.text[:1].isupper() or (i and (tok.text[:1].isdigit() or tok.lower in _ORDINAL))
            ):
                break
            if tok.lower.rstrip(".") in lex.street_words:
                return True
        if (
            prev is None
            or prev.start <= claim.sentence.start
            or prev.end != claim.start - 1
            or not prev.text[:1].isalpha()
            or prev.text.islower()
            or prev.lower in lex.stopwords
            or not float(claim.value).is_integer()
        ):
            return False
        if claim.unit is None:
            return True
        return (
            claim.dimension == "count"
            and bool(claim.noun_tokens)
            and (claim.noun_tokens[0].text[:1].isupper())
        )

    def _not_a_claim(
        self, claim: _Claim, num: NumberMatch, currency: str | None, before: Token | None
    ) -> bool:
        if num.kind == "words" and claim.unit is None:
            return True
        if (
            num.kind == "words"
            and claim.dimension == "count"
            and before is not None
            and before.lower in _DETERMINERS_BEFORE_WORD_NUMBER
        ):
            return True  # "the two countries": a definite set, not a figure
        if self._yearish(num) and currency is None and claim.bound != "range":
            owner = before is not None and (
                before.lower in self.lex.year_owners
                or before.text.endswith(("'s", "’s"))
                or (before.text[:1].isupper() and before.start > claim.sentence.start)
            )
            if owner and claim.qualifier is None:
                return True  # "Keytruda's 2018 sales", "its 2019 budget": a year, as a label
            if claim.unit is None or (
                claim.qualifier is None
                and not (
                    claim.dimension == "count"
                    and claim.noun_tokens
                    and claim.noun_tokens[-1].lower.endswith("s")
                )
            ):
                return True
        return False

    def _concept(
        self, claim: _Claim, rest: list[Token], words: list[str], hyphen: bool
    ) -> str | None:
        lex = self.lex
        if rest and rest[0].text == "(":
            # "8 miles (13 kilometers) of new tunnels": read on after the restatement
            close = next((k for k, t in enumerate(rest) if t.text == ")"), None)
            if close is not None and close < 12:
                rest, words = rest[close + 1 :], words[close + 1 :]
        before = claim.left or []
        # "a sharp 3 percent drop": an adjective between the article and the amount is the
        # noun's too
        adjective = (
            before[-1].text
            if len(before) > 1
            and before[-2].lower in ("a", "an")
            and self._noun_modified(before[-1], hyphens=True)
            and (before[-1].lower,) not in lex.qualifiers_before
            else None
        )
        article = bool(before) and (before[-1].lower in ("a", "an") or adjective is not None)
        if article and claim.dimension in ("currency", "ratio") and rest:
            # "a 5% pay rise", "a $3500 a month mortgage": the article is the noun's, and the
            # amount (with its rate) qualifies the noun after it
            skip = _phrase_at(words, lex.periods, 2)[1] if claim.per else 0
            head = rest[skip] if skip < len(rest) else None
            if head is not None and head.text.isalpha() and head.text.islower():
                if head.lower not in lex.stopwords and head.lower not in lex.noun_phrase_stops:
                    run = self._content_run(rest[skip:], 3)
                    if run:
                        run += self._attached_phrase(rest[skip:], run)
                        return " ".join(([adjective] if adjective else []) + run)
        if claim.noun_tokens:
            parts = [t.text for t in claim.noun_tokens]
            if words[:1] == ["of"] and len(words) > 1:
                more = self._content_run(rest[1:], 3)
                if more:
                    parts += ["of", *more]
            elif words[:1] and words[0].endswith("ed") and words[0] not in lex.stopwords:
                more = self._content_run(rest[1:], 3)
                parts += [rest[0].text, *more]
            # the counted thing and, before it, what it is counted for ("OHSU has performed")
            owner = concept_left(
                self.text, claim.sentence.start, claim.start, verbs_too=False, toks=claim.left
            )
            return " ".join(parts) + (f", {owner}" if owner else "")
        if (
            not hyphen
            and claim.value != 1
            and claim.dimension not in ("count", "currency", "ratio", "age")
            and rest
            and (rest[0].text.islower() or "-" in rest[0].text)  # "a 5 W USB-C charger"
            and words[0] not in lex.stopwords
            and (unit_word := _LAST_WORD.search(self.text, claim.start, claim.end)) is not None
            and not unit_word.group().endswith("s")
        ):
            hyphen = True  # "a 750 meter swim": a singular unit before a noun is a modifier
        if hyphen and claim.unit not in (None, "percent"):
            run = self._content_run(rest, 3)
            if run:
                return " ".join(run)
        if (
            claim.dimension in ("currency", "ratio")
            and rest
            and rest[0].start <= claim.end + 1
            and self._noun_modified(rest[0])
        ):
            run = self._content_run(rest, 3)  # "an $800 pizza oven", "a 5% pay rise"
            if run:
                return " ".join(run)
        left: str | None = None
        if (
            words[:1]
            and words[0] in _PREPOSITIONS_AFTER
            and (
                claim.dimension in ("ratio", "currency", "duration")
                or (words[0] == "of" and claim.dimension != "count")
            )
        ):
            if words[0] != "of" and claim.dimension != "duration":
                # "was up 19 per cent for the year": the phrase before names the thing, if any
                left = concept_left(
                    self.text, claim.sentence.start, claim.start, verbs_too=False, toks=claim.left
                )
                if left:
                    return left
            run = self._content_run(rest[1:], 4)
            if run:
                return " ".join(run)
        return concept_left(self.text, claim.sentence.start, claim.start, toks=claim.left)

    def _purpose(self, rest: list[Token], words: list[str], concept: str | None) -> str | None:
        """What a figure is for, right after it or the noun it qualifies: "a 5-10W laser for
        diffuse heating", "29 mpg in 2020 for mid-sized cars"; not a time ("for the year")."""
        k = 2 if words[:1] == ["in"] and len(rest) > 1 and rest[1].text.isdigit() else 0
        own = set((concept or "").lower().split())
        while k < min(len(words), 4) and words[k] in own:
            k += 1  # "laser" of "a 5-10W laser for ...": the concept itself
        if words[k : k + 1] != ["for"]:
            return None
        run = self._content_run(rest[k + 1 :], 4)
        if not run or run[0].lower() in self.lex.not_purposes or run[0].lower() in self.lex.months:
            return None
        return " ".join(run)

    def _attached_phrase(self, toks: list[Token], run: list[str]) -> list[str]:
        """The phrase a noun takes right after it: "a 25% tax on imported vehicles", "a 60
        basis point improvement in its retail gross margins" (not a time: "in January")."""
        k = next((n for n, t in enumerate(toks) if t.text == run[-1]), None)
        if k is None or k + 1 >= len(toks) or toks[k + 1].lower not in ("on", "in"):
            return []
        more = self._content_run(toks[k + 2 :], 3)
        lex = self.lex
        if not more or more[0][:1].isupper() or more[0].lower() in lex.months:
            return []  # "in Denmark", "in December": where or when, not what
        if more[0].lower() in lex.not_purposes:
            return []  # "in years"
        return [toks[k + 1].text, *more]

    def _noun_modified(self, tok: Token, *, hyphens: bool = False) -> bool:
        """A lower-case noun right after an amount, which the amount qualifies ("$5bn deal");
        with ``hyphens`` also a compound word ("a five-year $700,000 award")."""
        lex = self.lex
        low = tok.lower
        return (
            (tok.text.replace("-", "") if hyphens else tok.text).isalpha()
            and tok.text.islower()
            and low not in lex.stopwords
            and low not in lex.noun_phrase_stops
            and low not in lex.concept_verbs
            and low not in lex.attribution_verbs
            and low not in lex.changes_after
            and not (low.endswith("ed") and len(low) > 4)
        )

    def _content_run(self, toks: list[Token], limit: int) -> list[str]:
        lex = self.lex
        out: list[str] = []
        for tok in toks:
            low = tok.lower
            if tok.text in ',.;:()!?"“”' or low in lex.noun_phrase_stops:
                break
            if low in lex.stopwords:
                if out and low not in ("of", "the"):
                    break
                continue
            if _TECH_NAME.fullmatch(tok.text):
                pass  # "5G data", "4K video", "V10 engine": a name, not a figure
            elif not tok.text[:1].isalpha() or (
                not tok.text.isalpha() and any(ch.isdigit() for ch in tok.text)
            ):
                break  # "RM23.50": another figure
            if (
                out
                and tok.text.islower()
                and len(low) > 4
                and (low.endswith("ed") or (low.endswith("ing") and low not in lex.ing_nouns))
            ):
                break  # "new tunnels blasted out of", "students studying at": a clause follows
            out.append(tok.text)
            if len(out) >= limit:
                break
        return out


def extract_rows(text: str, *, doc_id: str = "doc", language: str = "auto") -> list[dict[str, Any]]:
    """Claims of one document as a list of dicts in ``CLAIMS_SCHEMA`` order (no metadata)."""
    style = "en"
    if language == "auto":
        lang = guess_language(text)
    else:
        lang = language
    if lang in ("de", "fr", "es", "it", "nl", "pt"):
        style = "eu"
    reader = _DocumentReader(text, doc_id, style)
    numbers = list(find_numbers(text, style=style))
    per_sentence: dict[int, int] = {}
    for num in numbers:
        sent = reader._sentence_of(num.start)
        if sent is not None:
            per_sentence[sent.start] = per_sentence.get(sent.start, 0) + 1
    reader.dense = {start for start, n in per_sentence.items() if n > DENSE}
    claims: list[_Claim] = []
    consumed = -1
    for i, num in enumerate(numbers):
        if num.start < consumed:
            continue
        claim = reader.read(numbers, i)
        if claim is None:
            consumed = max(consumed, reader.skip_to)
            continue
        consumed = max(claim.end, claim.consumed)
        claims.append(claim)
    if not claims:
        return []
    _link_restatements(text, claims)
    _link_series(text, claims)
    # asserters: read every sentence in order so that "he said" finds the last named person
    tracker = AttributionTracker()
    wanted = {id(c.sentence) for c in claims}
    by_sentence: dict[int, str | None] = {}
    last_paragraph = -1
    for sent in reader.sents:
        if sent.paragraph != last_paragraph:
            tracker.new_paragraph()
            last_paragraph = sent.paragraph
        if sent.boilerplate:
            continue
        if (
            _attribution_hint().search(text, sent.start, sent.end)
            or tracker.quote_open
            or "“" in text[sent.start : sent.end]
            or '"' in text[sent.start : sent.end]
        ):
            who = tracker.read(text, sent.start, sent.end)
        else:
            who = None
        if id(sent) in wanted:
            by_sentence[id(sent)] = who
    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    for claim in claims:
        surface = text[claim.start : claim.end]
        ids.append(claim_id(doc_id, claim.start, claim.end, surface))
    heads: dict[int, tuple[str, int]] = {}
    spans: dict[int, list[tuple[int, int]]] = {}  # per sentence, the figures read so far
    for claim, cid in zip(claims, ids, strict=True):
        sent = claim.sentence
        attribution = by_sentence.get(id(sent))
        sent_end = sent.end
        if claim.end > sent_end:
            # a figure running past a cut made in an over-long sentence: the sentence reaches
            # the end of the piece the figure ends in
            tail = reader._sentence_of(claim.end - 1)
            sent_end = tail.end if tail is not None else claim.end
        dense = sent.start in reader.dense
        figures = spans.setdefault(id(sent), [])
        subject = (
            None
            if dense
            else subject_before(text, sent.start, claim.start, skip=attribution, figures=figures)
        )
        figures.append((claim.start, claim.end))
        phrase = (
            None if subject is not None or dense else relative_phrase(text, sent.start, claim.start)
        )
        if phrase is not None:
            # "sprint triathlons that entail a 750 meter swim": the phrase the clause is about
            antecedent = text[phrase[0] : phrase[1]]
            if not _shares_word(antecedent, claim.concept) and not any(
                ch.isdigit() for ch in antecedent
            ):  # not "a 6kW motor, which ...": that phrase has a figure of its own
                subject = antecedent
        elif subject is None and not dense:
            # no name: the noun phrase the sentence opens with ("The debris field ...")
            if id(sent) not in heads:
                heads[id(sent)] = sentence_head(text, sent.start, sent.end)
            head, head_end = heads[id(sent)]
            if (
                head
                and head_end <= claim.start
                and not any(a < head_end <= b for a, b in figures)  # "Dozens of people ..."
                and not _shares_word(head, claim.concept)
                and not (attribution and head in attribution)
            ):
                subject = head  # the head names the thing measured, not an owner, if shared
        concept = claim.concept
        if concept and ("'" in concept or "’" in concept):
            concept = _POSSESSIVE.sub("", concept)  # "China’s economy" -> "China economy"
        if subject and ("'" in subject or "’" in subject):
            subject = _POSSESSIVE.sub("", subject)  # "the SUV’s EPA rating" -> "SUV"
        rows.append(
            {
                "claim_id": cid,
                "doc_id": doc_id,
                "start": claim.start,
                "end": claim.end,
                "surface": text[claim.start : claim.end],
                "sentence_start": sent.start,
                "sentence_end": sent_end,
                "sentence": text[sent.start : sent_end],
                "value": claim.value,
                "low": claim.low,
                "high": claim.high,
                "bound": claim.bound,
                "qualifier": claim.qualifier,
                "unit": claim.unit,
                "dimension": claim.dimension,
                "per": claim.per,
                "change": claim.change,
                "concept": concept,
                "subject": subject,
                "attribution": attribution,
                "restates": ids[claim.restates] if claim.restates is not None else None,
                "from_claim": ids[claim.from_index] if claim.from_index is not None else None,
                "boilerplate": sent.boilerplate,
            }
        )
    return rows


def _content_words(phrase: str) -> set[str]:
    stop = lexicon().stopwords
    return {w for w in re.findall(r"[\w'’-]+", phrase.lower()) if w not in stop}


def _shares_word(a: str, b: str | None) -> bool:
    return bool(b) and bool(_content_words(a) & _content_words(b or ""))


_RESTATE_GAP = re.compile(r"^\s*[(\[]\s*(?:or|about|around|roughly|approximately|some|c\.)?\s*$")


def _link_restatements(text: str, claims: list[_Claim]) -> None:
    """Link "$100 million (£82 million)": the bracketed figure restates the first."""
    for i in range(1, len(claims)):
        a, b = claims[i - 1], claims[i]
        if a.sentence is not b.sentence or a.dimension != b.dimension or a.dimension == "count":
            continue
        if not _RESTATE_GAP.match(text[a.end : b.start]):
            continue
        b.restates = i - 1
        if b.bound == "exact" and a.bound != "exact":
            b.bound, b.qualifier = a.bound, a.qualifier
            b.low = b.value if a.low is not None else None
            b.high = b.value if a.high is not None else None
        a.per = a.per or b.per
        b.per = b.per or a.per
        b.change = b.change or a.change
        b.concept = a.concept or b.concept


#: Between X and Y of "from X to Y": "to", after at most a short time phrase
#: ("from $36,040 at 10.45pm last night to $34,935").
_SERIES_GAP = re.compile(r"(?:\s+[\w.]+){0,4}?\s+to\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


#: Between "280 million" and "1.5 billion shekels" of "280 million of the 1.5 billion shekels".
_PART_OF_GAP = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?", re.IGNORECASE)
#: Between "down 2.3%" and "2.6%" of "... were down 2.3%, Burlington by 2.6%": a name, "by".
_GAPPED_BY = re.compile(r",\s+(?:and\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s+by\s+")


def _link_series(text: str, claims: list[_Claim]) -> None:
    """Figures that lean on the one before them in the sentence.

    "from X to Y": Y points to X, the level it was reached from; a bare Y takes X's unit
    ("from 21 mpg to 23"). "280 million of the 1.5 billion shekels": the bare part takes
    the whole's unit. "X were down 2.3%, Burlington by 2.6%": the second takes the
    first's change.
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
        ):
            a.unit, a.dimension = b.unit, b.dimension
            continue
        if b.change is None and a.change is not None and _GAPPED_BY.fullmatch(text, a.end, b.start):
            b.change = a.change
            continue
        bare = b.unit is None and b.dimension == "count"
        if (a.dimension != b.dimension and not bare) or not _SERIES_GAP.fullmatch(
            text, a.end, b.start
        ):
            continue
        if not _FROM_BEFORE.search(text, max(a.sentence.start, a.start - 12), a.start):
            continue
        b.from_index = i - 1
        if bare:
            b.unit, b.dimension, b.per = a.unit, a.dimension, b.per or a.per


def extract_claims(
    text: str,
    *,
    doc_id: str = "doc",
    language: Literal["auto", "en", "de", "fr", "es", "it", "nl", "pt"] | str = "auto",
    outlet: str | None = None,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
) -> pl.DataFrame:
    """Every numeric claim in one document, one row per claim.

    Parameters
    ----------
    text
        The document text; ``start``/``end`` offsets index into it.
    doc_id
        The document's identifier, repeated on every row and part of each ``claim_id``.
    language
        ``"auto"`` guesses it; non-English documents get their numbers read with the
        continental separators ("20.000" is twenty thousand) and no English word lists.
    outlet, published, url, title
        Document metadata copied onto every row.

    Returns
    -------
    polars.DataFrame
        Columns and types of :data:`extract.CLAIMS_SCHEMA`.

    Examples
    --------
    >>> df = extract_claims("Officials said the group spends more than $100 million each month.")
    >>> df.select("value", "bound", "unit", "per", "attribution").row(0)
    (100000000.0, 'lower', 'USD', 'month', 'Officials')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = extract_rows(text, doc_id=doc_id, language=language)
    meta = {"outlet": outlet, "published": published, "url": url, "title": title}
    for row in rows:
        row.update(meta)
    return (
        pl.DataFrame(rows, schema=CLAIMS_SCHEMA, orient="row") if rows else CLAIMS_SCHEMA.to_frame()
    )
