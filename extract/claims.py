"""From one document's text to its numeric claims.

The work per number: read what stands to its left (currency sign, hedge, direction of
change, labels and dates that make it no claim) and to its right (scale word, range,
unit or counted noun, hedge, rate), then attach the sentence's asserter, the subject
and the measured concept. All offsets index into the original text.

The reader is built in layers: :mod:`extract.phrases` reads concepts,
:mod:`extract.unit_reading` what stands beside a number, and this module the number
itself, whether it is a claim at all, and the rows; :mod:`extract.links` then links
restatements and series between the figures of a sentence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import math
import re
import string
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import polars as pl

from .context import (
    IRREGULAR_PLURALS,
    AttributionTracker,
    TextTokens,
    Token,
    asserter_owns,
    has_relative_word,
    heads_own_clause,
    relative_phrase,
    sentence_head,
    subject_before,
    tokens_before,
)
from .draft import Draft
from .lexicon import Lexicon, lexicon, phrase_at, phrase_ending
from .links import link_restatements, link_series, shares_word
from .numbers import NumberMatch, find_numbers, non_quantity_spans
from .pairs import carry_pair_units, join_bounds, join_subunits
from .schema import CLAIMS_SCHEMA
from .segment import Sentence, guess_language, sentences
from .sources import (
    agent_after,
    describes_a_name,
    holder,
    in_clause_of,
    may_name_reckoning,
    name_acronyms,
    official_source,
    own_source,
    paired_side,
    reckoned_by,
    set_aside_before,
    splits_sentence,
)
from .unit_reading import _SCALE_ATTACHED, UnitReader, accounting_negatives
from .units import unit_table

__all__ = ["claim_id", "extract_claims", "extract_rows"]

#: Currency signs (the Unicode block and those outside it that CLDR lists).
_SIGNS = "€£\u20a0-\u20cf֏؋৳฿៛￦"
#: A degree sign with its scale, by letter or by name ("°C", "° Celsius", "°fahrenheit").
_DEGREE = r"[°º](?:\s?(?:[Cc]elsius|[Ff]ahrenheit|[Cc]entigrade|[CF])\b)?"
_ATTACHED = re.compile(rf"%|{_DEGREE}|[A-Za-zµμ²³/]+[23²³]?|\+|[{_SIGNS}]|″")
#: "×10−30", "x 10^23", "×10⁻³⁰": a power of ten after a number (an exponent is required).
_SCIENTIFIC = re.compile(
    r"\s?[×xX]\s?10(?:(?:\^|\*\*)([-−–]?)(\d+)|([-−–])(\d+)|(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+))"
)
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TIMES_SIGNS = frozenset("×xX")


def _times_near(text: str, pos: int) -> bool:
    """Whether a times sign stands at ``pos`` or one character on: what a match of
    ``_SCIENTIFIC`` there needs (the cheap test first)."""
    return text[pos : pos + 1] in _TIMES_SIGNS or text[pos + 1 : pos + 2] in _TIMES_SIGNS


#: Years of age no one reaches: a figure at or above it is no human age.
_OLDEST = 120
#: Words before "13F" that make it a name (a determiner or a modal), not a temperature.
_BEFORE_A_NAME = frozenset("the a an this must can will should would may might could shall".split())
#: A head count a rate is given per, in digits ("100,000", "1000").
_HEAD_COUNT = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d*")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")
_FIGURE_AFTER = re.compile(r"\s+\d")
_WORDS_AFTER = re.compile(r"[A-Za-z](?:[A-Za-z]|-(?!-))*")
#: Dimensions of a physical measure: a four-digit figure in one of them is no year.
_PHYSICAL = frozenset("length area volume mass energy power speed temperature".split())
_IN_MILLIONS = re.compile(r"(?<![\d.,])(\d[\d.,]*)[ \u00a0]?(?:million|mn|mln)\b")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})*,000")
#: A percent, currency or degree sign one space after the number (or its scale word).
_SPACED_SIGN = re.compile(rf"(?<=[\w.][ \u00a0])(?:%|[{_SIGNS}]|{_DEGREE})(?![\w°])")
#: The characters a match of ``_ATTACHED`` and of ``_SPACED_SIGN`` can open with: a
#: figure with none of them after it (most are followed by a space) tries no match.
_SIGN_CHARS = frozenset("€£֏؋৳฿៛￦" + "".join(map(chr, range(0x20A0, 0x20D0))))
_ATTACHED_FIRST = frozenset(string.ascii_letters + "%°º+″/µμ²³") | _SIGN_CHARS
_SPACED_SIGN_FIRST = frozenset("%°º") | _SIGN_CHARS


def _attached_at(text: str, pos: int) -> re.Match[str] | None:
    """``_ATTACHED`` at ``pos``, tried only where its first character may stand."""
    return _ATTACHED.match(text, pos) if text[pos : pos + 1] in _ATTACHED_FIRST else None


def _spaced_sign_at(text: str, pos: int) -> re.Match[str] | None:
    """``_SPACED_SIGN`` at ``pos``, tried only where its first character may stand."""
    return _SPACED_SIGN.match(text, pos) if text[pos : pos + 1] in _SPACED_SIGN_FIRST else None


_ORDINAL = frozenset(["st", "nd", "rd", "th", "s", "am", "pm", "a.m", "p.m"])
_RANGE_SEP = re.compile(
    r"-[ \t]+(?:to|or)[ \t]+"  # "a 10- to 12-year term": the first hyphen left hanging
    r"|[ \t]*(?:-|–|—|to|through|thru|and|or)[ \t]*",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"\b[A-Za-z]+ ?$")
_DETERMINERS_BEFORE_WORD_NUMBER = frozenset(
    "the these those both its their all his her our my your this that any no every each".split()
)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


#: Prepositions after which a four-digit number in the years' range is a year ("in 2021").
_YEAR_PREPOSITIONS = frozenset(["in", "since", "until", "during"])
#: Words after "One reason is": what the one of several is (a noun phrase or a clause).
_WHAT_ONE_IS = frozenset("the a an that this these their its his her our how why what".split())
#: Words before a year of a projection ("by 2120"); a change ("rose by 2150") is no year.
_FUTURE_YEAR_PREPOSITIONS = frozenset(["by", "in", "until", "till", "before", "after", "from"])

#: A sentence with more figures than this is a table or a list: no concept or subject is read.
DENSE = 60


#: Every byte but the lower-case ASCII letters, as a space (see _names_an_asserter_verb).
_NOT_LOWER_ASCII = bytes(b if 97 <= b <= 122 else 32 for b in range(256))


@functools.cache
def _attribution_verbs_ascii() -> frozenset[bytes]:
    """The lexicon's attribution verbs as ASCII bytes (built once)."""
    return frozenset(v.encode("ascii") for v in lexicon().attribution_verbs if v.isascii())


def _names_an_asserter_verb(text: str, start: int, end: int, letters: bytes | None = None) -> bool:
    """Whether ``text[start:end]`` holds a word such as "said" or "according" (a cheap
    test before the asserter is read): a run of letters a-z of the lower-cased text that
    is one. The runs are cut with bytes methods (any other character, encoded as "?",
    becomes a space), several times faster than a regex's ``findall``. ``letters`` is
    :func:`_asserter_letters` of the whole text, when the caller has it: the sentence's
    bytes are then a cut of those."""
    if letters is None:
        letters = _letter_bytes(text[start:end].lower())
    else:
        letters = letters[start:end]
    return not _attribution_verbs_ascii().isdisjoint(letters.split())


def _letter_bytes(lowered: str) -> bytes:
    """``lowered`` as bytes, one a character, in which only the letters a-z are not spaces."""
    return lowered.encode("ascii", "replace").translate(_NOT_LOWER_ASCII)


def _asserter_letters(text: str) -> bytes | None:
    """:func:`_letter_bytes` of the whole of ``text`` lower-cased, made once a document; None
    where lower-casing changes the length ("İ" becomes two characters). Where it keeps it,
    each character is lower-cased alone (the contextual final sigma aside, beyond ASCII
    either way), so a cut of these bytes is the bytes of the cut lower-cased."""
    lowered = text.lower()
    return _letter_bytes(lowered) if len(lowered) == len(text) else None


def _may_head_with_source(text: str, start: int, end: int) -> bool:
    """Whether a sentence may name a source as a headline does: "AGENCY: 3,000 displaced"
    (a colon near its start) or, with no full stop, "3,000 displaced – AGENCY"."""
    if text.find(":", start, min(end, start + 80)) >= 0:
        return True
    if text[end - 1 : end] in ".!?":
        return False
    return any(text.find(mark, start, end) >= 0 for mark in ":–—")


def _at_line_start(text: str, pos: int) -> bool:
    """Only spaces or tabs between ``pos`` and the start of its line (a bounded look back)."""
    i = pos - 1
    while i >= 0 and pos - i < 64 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _finite(value: float, low: float | None, high: float | None) -> bool:
    """Whether the value and the bounds given are finite (no generator: one call a figure)."""
    return (
        math.isfinite(value)
        and (low is None or math.isfinite(low))
        and (high is None or math.isfinite(high))
    )


def _id_head(doc_id: str) -> hashlib.blake2b:
    """The hash of a claim id's first part, its document (see :func:`claim_id`)."""
    return hashlib.blake2b(f"{doc_id}\x1f".encode(), digest_size=8)


def _id_of(head: hashlib.blake2b, start: int, end: int, surface: str) -> str:
    """The id of a figure of the document ``head`` is of: a copy of it fed the figure's part
    of the key (a hash fed in two parts is that of the whole)."""
    h = head.copy()
    h.update(f"{start}\x1f{end}\x1f{surface}".encode())
    return h.hexdigest()


def claim_id(doc_id: str, start: int, end: int, surface: str) -> str:
    """A stable identifier: the same document, span and surface give the same id."""
    return _id_of(_id_head(doc_id), start, end, surface)


def _claim_ids(doc_id: str, text: str, claims: Sequence[Draft]) -> list[str]:
    """:func:`claim_id` of each draft, the document's part of the key hashed once."""
    head = _id_head(doc_id)
    return [_id_of(head, c.start, c.end, text[c.start : c.end]) for c in claims]


@dataclass(slots=True)
class _Reading:
    """One number while it is read: its draft and what each side of it has given so far."""

    num: NumberMatch
    nxt: NumberMatch | None  # the number after it, which may close a range
    sent: Sentence
    claim: Draft
    currency: str | None = None
    # The token lists are set by the steps that read them, and read only after: ``left``
    # and ``words`` by _hedge_before, the others by _unit_words. They have no default, so
    # that no list is made for each number only to be replaced.
    left: list[Token] = field(init=False)  # the tokens before, hedge excluded
    words: list[str] = field(init=False)  # their lowercase forms
    between: bool = False  # "between" right before the figure
    prev: Token | None = None  # the word before ("Oct" before "31" in "Oct. 31")
    pos: int = 0  # where the reading on the right goes on
    scale: float = 1.0
    attached: re.Match[str] | None = None  # a sign or suffix after the number
    value: float = 0.0  # the value with its scale, before the unit is read
    right: list[Token] = field(init=False)  # the tokens after, hyphen excluded
    rwords: list[str] = field(init=False)
    hyphen: bool = False  # a hyphen glued after the number ("five-year")
    used: int = 0  # how many right tokens the unit took
    rest: list[Token] = field(init=False)  # the right tokens not yet read
    rest_words: list[str] = field(init=False)


class _DocumentReader(UnitReader):
    """Reads all claims of one document."""

    def __init__(self, text: str, doc_id: str, style: str) -> None:
        self.text = text
        self.doc_id = doc_id
        self.style = style
        self.lex = lexicon()
        self.units = unit_table()
        self.sents = sentences(text)
        self.tokens = TextTokens(text, [(s.start, s.end) for s in self.sents])
        self.sent_starts = [s.start for s in self.sents]
        self.excluded = non_quantity_spans(text)
        self.excluded_starts = [a for a, _ in self.excluded]
        #: starts of "sentences" holding more than DENSE figures: tables or lists, not prose;
        #: their figures get no concept or subject (which keeps junk input linear and fast)
        self.dense: set[int] = set()
        self.skip_to = -1  # numbers before this offset belong to a figure read as none
        self.millions: set[str] | None = None  # see _spelled_as_millions
        self.prefixes = _prefix_index()
        self.negative_words = tuple(self.lex.negative_words)
        self.earlier: list[Draft] = []  # the figures read so far (see read_all)
        self.number_sentences: list[Sentence | None] = []  # each number's, by read_all

    # -- the document ----------------------------------------------------------------------
    def read_all(self) -> list[Draft]:
        """The drafts of the document's figures in order; a figure's parts are read once."""
        numbers = list(find_numbers(self.text, style=self.style))
        self.number_sentences = [self._sentence_of(num.start) for num in numbers]
        self._mark_dense()
        claims: list[Draft] = self.earlier
        consumed = -1
        for i, num in enumerate(numbers):
            if num.start < consumed:
                continue
            claim = self.read(numbers, i)
            if claim is None:
                consumed = max(consumed, self.skip_to)
                continue
            consumed = max(claim.end, claim.consumed)
            claims.append(claim)
        return claims

    def _mark_dense(self) -> None:
        """Note the sentences holding more than ``DENSE`` of the document's numbers."""
        per_sentence: dict[int, int] = {}
        for sent in self.number_sentences:
            if sent is not None:
                per_sentence[sent.start] = per_sentence.get(sent.start, 0) + 1
        self.dense = {start for start, n in per_sentence.items() if n > DENSE}

    # -- helpers -------------------------------------------------------------------------
    def _sentence_of(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i < 0 or pos >= self.sents[i].end:
            return None
        return self.sents[i]

    def _opens_sentence(self, pos: int) -> bool:
        """Whether ``pos`` is the first character of a sentence."""
        sent = self._sentence_of(pos)
        return sent is not None and sent.start == pos

    def _is_excluded(self, start: int) -> bool:
        i = bisect.bisect_right(self.excluded_starts, start) - 1
        return i >= 0 and self.excluded[i][0] <= start < self.excluded[i][1]

    # -- one number ----------------------------------------------------------------------
    def read(self, numbers: list[NumberMatch], index: int) -> Draft | None:
        """The claim ``numbers[index]`` makes, or None when it makes none."""
        r = self._start(numbers, index)
        if r is None or not self._sign_before(r):
            return None
        self._hedge_before(r)
        self._unit_before(r)
        if not self._labels_before(r):
            return None
        self._change_before_figure(r)
        if not self._suffix_after(r) or not self._power_of_ten(r) or not self._range_after(r):
            return None
        if not self._unit_words(r) or self._term_or_model(r):
            return None
        self._range_of_units(r)
        if not self._hedge_after(r):
            return None
        self._rate_after(r)
        self._change_after_figure(r)
        if not self._finish(r):
            return None
        return r.claim

    def _start(self, numbers: list[NumberMatch], index: int) -> _Reading | None:
        """The draft of ``numbers[index]``; None outside a sentence or in an excluded span."""
        num = numbers[index]
        sent = self.number_sentences[index]  # (found once for all numbers by read_all)
        if sent is None or self._is_excluded(num.start):
            return None
        claim = Draft(num.start, num.end, sent, num.value, doubt=num.doubt)
        if num.kind == "vague" and num.high is not None:
            # "hundreds": one order of magnitude from the named one, its midpoint the value
            claim.low, claim.high, claim.bound = num.value, num.high, "range"
            claim.value = (num.value + num.high) / 2
        elif num.kind == "fraction":
            claim.unit, claim.dimension = "fraction", "ratio"  # "a third of", "one in five"
        nxt = numbers[index + 1] if index + 1 < len(numbers) else None
        return _Reading(num, nxt, sent, claim)

    # ---- left side
    def _sign_before(self, r: _Reading) -> bool:
        """A minus, a negative word or a bound prefix before the figure; False for a code."""
        num, sent, claim = r.num, r.sent, r.claim
        text, lex = self.text, self.lex
        if num.kind == "digits" and num.start > sent.start and text[num.start - 1] in "-−":
            if num.start - 2 >= sent.start and text[num.start - 2].isalnum():
                glued = _WORD_BEFORE.search(text, max(sent.start, num.start - 12), num.start - 1)
                word = glued.group().lower() if glued else ""
                if word in lex.negative_words:
                    claim.value, claim.start = -claim.value, glued.start()  # type: ignore[union-attr]
                elif word in lex.hyphen_adverbs:
                    pass  # "now-18-month-old": the figure as it stands
                elif (word,) in lex.units_before:
                    claim.unit, claim.dimension = lex.units_before[(word,)]
                    claim.start = glued.start()  # type: ignore[union-attr]
                elif word in lex.bound_prefixes:
                    claim.bound, claim.qualifier = lex.bound_prefixes[word], glued.group()  # type: ignore[union-attr]
                    claim.start = glued.start()  # type: ignore[union-attr]
                else:
                    return False  # a code such as F-16 or COVID-19
            else:
                claim.value, claim.start = -claim.value, num.start - 1
        elif num.kind in ("digits", "words") and claim.value > 0 and self._negative_before(num):
            spaced = _WORD_BEFORE.search(text, max(sent.start, num.start - 12), num.start)
            if spaced and spaced.group().lower().rstrip() in lex.negative_words:
                claim.value, claim.start = -claim.value, spaced.start()
        return True

    def _unit_before(self, r: _Reading) -> None:
        """A unit named before the figure: "a magnitude 6.1 quake", "by a factor of four"
        (``units_before``)."""
        claim = r.claim
        _, k = phrase_ending(r.words, self.lex.units_before, 2)
        if claim.unit is None and k and len(r.left) >= k:
            claim.unit, claim.dimension = self.lex.units_before[tuple(r.words[-k:])]
            claim.start = r.left[-k].start  # the unit's name is part of the reading

    def _negative_before(self, num: NumberMatch) -> bool:
        """Whether the text before ``num`` ends with a negative word ("minus"), spaces and a
        line break after it aside: what a match of ``_WORD_BEFORE`` there needs to name one,
        tested without a regex search over each figure's last twelve characters."""
        before = self.text[max(0, num.start - 12) : num.start].rstrip(" \n").lower()
        return before.endswith(self.negative_words)

    def _hedge_before(self, r: _Reading) -> None:
        """A currency sign and a hedge before the figure ("more than $40"); the words left."""
        num, sent, claim = r.num, r.sent, r.claim
        text, lex = self.text, self.lex
        found = (
            self._currency_before(claim.start, sent.start)
            if num.kind in ("digits", "words")
            else None
        )
        if found:
            r.currency, claim.start = found
        elif num.kind == "digits" and (scaled := self._scaled_code_before(claim.start, sent.start)):
            r.currency, claim.start, r.scale = scaled
        left, words = self.tokens.window_words(max(sent.start, claim.start - 120), claim.start)
        label, k = phrase_ending(words, lex.qualifiers_before, lex.max_before)
        if k:
            if num.kind != "vague":  # "more than hundreds of": the range stands
                claim.bound = label
            claim.qualifier = text[left[-k].start : left[-1].end]
            if words[-k] not in lex.guess_modals:
                claim.start = left[-k].start
            left, words = left[:-k], words[:-k]
        claim.left = r.left = left
        r.words = words
        r.between = bool(words) and words[-1] == "between"

    def _scaled_code_before(self, start: int, floor: int) -> tuple[str, int, float] | None:
        """ "MSEK 250", "MEUR 12.5", "KUSD 40": a currency's code with "M" (millions) or "K"
        (thousands) glued before it, a space before the figure, as business reports write
        it (after the figure, "30 MUSD", the unit reader reads it): the code, where it
        begins and the scale."""
        at = start - 1 if start > floor and self.text[start - 1] in " \u00a0" else start
        word = self.text[max(floor, at - 4) : at]
        if len(word) != 4 or word[0] not in "MK" or not self._currency_code(word[1:]):
            return None
        if at - 4 > floor and self.text[at - 5].isalnum():
            return None
        return word[1:], at - 4, 1e6 if word[0] == "M" else 1e3

    def _labels_before(self, r: _Reading) -> bool:
        """An age read from the words before; False after a month or a label, or for list
        numbering."""
        num, claim, left, words = r.num, r.claim, r.left, r.words
        text, lex = self.text, self.lex
        prev = left[-1] if left else None
        if prev is not None:
            bare = prev.lower.rstrip(".")
            if prev.text == "." and len(left) >= 2:  # "Oct. 31"
                bare = left[-2].lower
                prev = left[-2]
            if bare in lex.months and prev.text[:1].isupper():
                return False
            if bare in lex.label_words and (prev.text[:1].isupper() or prev.text in ("#", "No.")):
                return False
            if bare in lex.label_words_lowercase and num.kind == "digits":
                return False  # "a level 3 lockdown", "type 2 diabetes"
            if bare in lex.age_before or (bare == "of" and words[-2:-1] == ["age"]):
                claim.unit, claim.dimension, claim.concept = "year", "age", "age"  # "the age of 70"
        r.prev = prev
        if (
            len(left) >= 2
            and left[-1].text == ","
            and num.kind == "digits"
            and float(num.value).is_integer()
            and 0 < num.value < _OLDEST
            and text[num.end : num.end + 1] in (",", ")")
            and _names_someone(left[:-1])
        ):
            # "Ortiz, 58,", "a steward, 58, said": a person's age set between commas
            claim.unit, claim.dimension, claim.concept = "year", "age", "age"
        # list numbering, also inside a line: "... as follows. 1. Prices"
        return not (
            text[num.end : num.end + 2] in (". ", ") ")
            and (_at_line_start(text, num.start) or self._opens_sentence(num.start))
        )

    def _change_before_figure(self, r: _Reading) -> None:
        """The direction of change the words before tell, or a plus sign ("Dow +0.4%")."""
        claim, text = r.claim, self.text
        claim.change = self._change_before(r.words)
        if (
            claim.change is None
            and claim.start > r.sent.start
            and text[claim.start - 1] == "+"
            and (claim.start - 1 == r.sent.start or not text[claim.start - 2].isalnum())
        ):
            claim.change, claim.start = "increase", claim.start - 1  # "Dow +0.4%"

    # ---- right side
    def _suffix_after(self, r: _Reading) -> bool:
        """A scale word, sign or suffix right after the number; False when it makes a name."""
        num, text = r.num, self.text
        pos = num.end
        scaled = self._spaced_scale(pos, r.currency) if num.kind == "digits" else None
        if scaled:
            r.scale, pos = scaled
        attached = _attached_at(text, pos) if pos == num.end and num.kind == "digits" else None
        if attached and attached.group() in ("x", "X") and _SCIENTIFIC.match(text, pos):
            attached = None  # "3.1x10-4": a power of ten glued on, no multiple
        if attached is None and num.kind == "digits":
            attached = _spaced_sign_at(text, pos + 1)  # "27 %", "500 €", "-18 °C"
        r.pos, r.attached = pos, attached
        return attached is None or self._read_suffix(r, attached)

    def _read_suffix(self, r: _Reading, attached: re.Match[str]) -> bool:
        """What a sign or suffix makes of the figure; False for a name ("5G", "3D", "B52")."""
        claim, text, lex = r.claim, self.text, self.lex
        pos, end = r.pos, attached.end()
        suffix = attached.group()
        small = suffix.lower().rstrip(".")
        sm = _SCALE_ATTACHED.match(text, pos)
        after = _NEXT_WORD.match(text, end, end + 20)
        word = after.group(1).lower() if after else ""
        # "4.9m deaths", "4.9m Syrians": millions; "1.8m tall", "the 400m final": metres
        follows_noun = (len(word) >= 3 and word not in lex.extent_words) or word == "of"
        if follows_noun and sm and sm.group() == "m" and not r.currency:
            follows_noun = not self._length_near(r, end)
        elif not word and sm and sm.group() == "m" and not r.currency:
            follows_noun = self._spelled_as_millions(r) and not self._length_near(r, end)
        if suffix == "%":
            claim.unit, claim.dimension, r.pos = "percent", "ratio", end
        elif suffix in lex.currency_suffixes or suffix in self.units.currency_signs:
            if r.currency is None:
                r.currency = lex.currency_suffixes.get(suffix) or self.units.currency_signs[suffix]
            claim.unit, claim.dimension, r.pos = r.currency, "currency", end
        elif (small,) in lex.measure_nouns and not small.endswith("s"):
            claim.unit, r.pos = lex.measure_nouns[(small,)], end
            claim.dimension = "other" if claim.unit == "magnitude" else "ratio"
        elif suffix in lex.currency_subunits and r.currency is None and len(suffix) == 1:
            claim.unit, claim.dimension = lex.currency_subunits[suffix], "currency"
            r.pos = end
        elif suffix == "K" and r.currency is None and self._beside_temperature(r.num.start, end):
            claim.unit, claim.dimension, r.pos = "K", "temperature", end  # "1173.15K (900 °C)"
        elif (
            sm
            and sm.end() == end
            and (r.currency or len(sm.group()) > 1 or sm.group() in ("k", "K") or follows_noun)
            and (
                r.currency
                or r.num.integer_digits < 4
                or sm.group() not in ("m", "b")
                or (word.lower(),) in lex.currency_words
            )
        ):  # "the 1500m final": 1.5 billion is no "1500m" without money, so metres
            r.scale, r.pos = lex.scales[sm.group().lower()], sm.end()
        elif small in _ORDINAL:
            return False
        elif suffix == "+":
            claim.bound, claim.qualifier, r.pos = "lower", "+", end
        elif (info := self._attached_unit(suffix)) is not None and not text[
            end : end + 1
        ].isdigit():  # "06F6" is a name
            if suffix in ("C", "F") and r.words[-1:] and r.words[-1] in _BEFORE_A_NAME:
                return False  # "the 13F filing", "must 4C be": a form's name, no temperature
            if suffix == "in" and _FIGURE_AFTER.match(text, end):
                return False  # "1in 5": "one in five" with its space lost, no inch
            claim.unit, claim.dimension, r.pos = info.symbol, info.dimension, end
        elif small == "x":
            claim.unit, claim.dimension, r.pos = "times", "ratio", end
        elif r.currency is None and self._currency_code(suffix):
            claim.unit, claim.dimension, r.pos = suffix, "currency", end  # "115USD"
        elif suffix == "T" and r.currency:
            r.scale, r.pos = 1e12, end  # "$2.1T": trillions of the currency
        elif suffix.startswith("/") and (
            text[pos + 1 : pos + 2].isalpha() or (suffix == "/" and _NEXT_WORD.match(text, end))
        ):
            pass  # "$15.4/hour", "345/ million people": the rate is read after the number
        else:
            return False  # 5G, 3D, B52: a name, not a quantity
        return True

    def _spelled_as_millions(self, r: _Reading) -> bool:
        """The text writes the figure out in millions elsewhere ("4.9m" in a headline, "4.9
        million" in the story): its bare "m" is millions too."""
        if self.millions is None:  # the figures written with "million", found once
            self.millions = {m.group(1) for m in _IN_MILLIONS.finditer(self.text)}
        return self.text[r.num.start : r.num.end] in self.millions

    def _length_near(self, r: _Reading, end: int) -> bool:
        """A word of size, reach, leap or race within a few words of a figure: its "m" is
        metres ("2.5m tall", "a 3m-deep pit", "jumped 2.1m", "the 400m final"), as does
        a length unit a few words on ("1m is 100 cm")."""
        lex = self.lex
        found = _WORDS_AFTER.findall(self.text, end, end + 40)
        after = [w.lower() for w in found[:3]]
        near = [*r.words[-5:], *after]
        if any(w in lex.extent_words or w in lex.length_words for w in near):
            return True
        # another length unit beside it ("1m is 100 cm", "2m by 30 ft")
        table = self.units
        units = (
            table.symbols.get(w) or table.words.get(w.lower())
            for w in found[:6]
            if w.lower() not in lex.stopwords
        )
        return any(u is not None and u.dimension == "length" for u in units)

    def _power_of_ten(self, r: _Reading) -> bool:
        """A power of ten glued on ("2.4×10−12"); False beyond what a float holds."""
        num, claim = r.num, r.claim
        sci = (
            _SCIENTIFIC.match(self.text, r.pos)
            if r.pos == num.end and num.kind == "digits" and _times_near(self.text, r.pos)
            else None
        )
        if sci:  # "2.4×10−12 kilograms", "6.02 x 10^23"
            sign = -1 if (sci.group(1) or sci.group(3) or sci.group(5)) else 1
            digits = (sci.group(2) or sci.group(4) or sci.group(6)).translate(_SUPERSCRIPT_DIGITS)
            if len(digits) <= 3:  # written out so that 1.99×10−30 is exactly 1.99e-30
                claim.value = float(f"{claim.value!r}e{sign * int(digits)}")
                if not 0 < abs(claim.value) < float("inf"):
                    self.skip_to = sci.end()  # beyond what a float holds: no figure at all
                    return False
                r.pos = claim.consumed = sci.end()
        return True

    def _range_after(self, r: _Reading) -> bool:
        """The scaled value, and a range the next number closes ("175,000-200,000", "between
        10 and 20", "10 to 15 per cent"); False for two years ("2019-20")."""
        num, nxt, claim, words = r.num, r.nxt, r.claim, r.words
        r.value = claim.value * r.scale
        numeric = ("digits", "words")
        sep = (
            _RANGE_SEP.match(self.text, r.pos)
            if nxt is not None and num.kind in numeric and nxt.kind in numeric
            else None
        )
        if nxt is not None and sep:  # (nxt given: a separator was looked for)
            joiner = sep.group().strip().lower()
            joiner = joiner.lstrip("-").strip() or joiner  # "10- to 12-year"
            joiner = "to" if joiner in ("through", "thru") else joiner  # "20 through 100"
            ok = self._may_join(r, nxt, joiner, sep.end())
            claim2 = self._scale_after(nxt, r.currency) if ok else (1.0, nxt.end)
            if claim.unit is not None and r.attached and claim2[0] != 1.0:
                # "2.5m to 3.1m": the letter the first read as a unit is no scale on the second
                claim2 = (1.0, nxt.end + len(r.attached.group()))
            # "from $61 to $64 billion", "5 to 10 million": the first shares the second's scale
            shared = claim2[0] != 1.0 and r.scale == 1.0 and num.value <= nxt.value
            if ok and joiner == "to" and self._from_before(words):
                ok = False  # "grew from 300 to 2,000": two figures
                if shared:
                    r.value = claim.value * claim2[0]
            unitless = r.currency is None and claim.unit is None and r.scale == 1.0
            if (
                ok
                and joiner == "to"
                and words[-1:] == ["by"]
                and not (unitless and num.value < nxt.value <= 3 * num.value)
            ):
                ok = False  # "rose by $3bn to $212bn"; "fell by 2 to 2.5 points" is a range
            from_range = joiner == "to" and "from" in words[-4:]
            if ok and self._yearish(num) and (self._yearish(nxt) or nxt.integer_digits == 2):
                return False
            if ok and joiner == "or" and not (num.value < nxt.value <= 3 * num.value + 1):
                ok = False  # "two or three weeks" is a range, "1 or 100" two figures
            if ok:
                self._take_range(r, nxt, claim2, shared=shared, from_range=from_range)
        claim.value = r.value
        return True

    def _may_join(self, r: _Reading, nxt: NumberMatch, joiner: str, target: int) -> bool:
        """Whether ``nxt``, its currency sign at ``target``, may close a range with the figure."""
        claim = r.claim
        cur2 = self._currency_before(nxt.start, r.sent.start)
        start2 = cur2[1] if cur2 else nxt.start
        if start2 != target:
            return False
        if cur2 and (r.currency or claim.unit) != cur2[0]:
            return False  # "4% to $1.8 billion", "$5 to £4": two figures
        if joiner == "and" and not r.between:
            return False
        if r.attached and claim.unit and not self.text.startswith(r.attached.group(), nxt.end):
            return False  # "fell 4% to 28,030": a unit on the first only, two figures
        return r.num.kind == nxt.kind or joiner == "to"  # "six to 12 months"; not "one-2"

    def _take_range(
        self,
        r: _Reading,
        nxt: NumberMatch,
        claim2: tuple[float, int],
        *,
        shared: bool,
        from_range: bool,
    ) -> None:
        """Make the figure a range up to ``nxt`` (scale and end ``claim2``) if it rises, or
        falls after "from"; a sign after the second is the range's unit ("20 to 30 %")."""
        claim, text = r.claim, self.text
        value2 = nxt.value * claim2[0]
        low = claim.value * claim2[0] if shared else r.value
        if r.scale == 1.0 and claim2[0] == 1.0 and self._thousands_carry(r.num, nxt):
            low = claim.value * 1000  # "15 to 30,000": fifteen thousand
        if not (value2 > low or (from_range and value2 < low)):
            return
        claim.low, claim.high = min(low, value2), max(low, value2)
        claim.bound = "range"
        r.value = (low + value2) / 2
        pos = r.pos = claim2[1]
        claim.consumed = nxt.end
        glued = _attached_at(text, pos) if pos == nxt.end else None
        if glued is None and pos == nxt.end:
            glued = _spaced_sign_at(text, pos + 1)  # "20 to 30 %"
        info = self._attached_unit(glued.group()) if glued else None
        if glued and glued.group() == "%" and claim.unit is None and not r.currency:
            claim.unit, claim.dimension, r.pos = "percent", "ratio", glued.end()
        elif glued and info and claim.unit is None and r.currency is None:
            claim.unit, claim.dimension, r.pos = info.symbol, info.dimension, glued.end()

    def _unit_words(self, r: _Reading) -> bool:
        """Unit words or a counted noun after the figure; False for a code or no quantity."""
        num, claim, currency = r.num, r.claim, r.currency
        pos = r.pos
        # unit words, counted nouns, hedges and rates after the number
        right, rwords = self.tokens.window_words(pos, min(r.sent.end, pos + 160))
        hyphen = bool(right) and right[0].text == "-" and right[0].start == pos
        if hyphen:
            right, rwords = right[1:], rwords[1:]
        if num.kind == "digits" and rwords[:1] and rwords[0] in self.lex.code_after:
            return False  # "the 10023 ZIP Code"
        used = 0
        if claim.unit is None:
            used = self._unit_after(claim, right, rwords, currency, hyphen, num)
            if used < 0:
                return False
        elif currency is not None:
            claim.unit, claim.dimension = currency, "currency"
        if used:
            claim.end = right[used - 1].end
        else:
            claim.end = max(pos, claim.end)
        r.right, r.rwords, r.hyphen, r.used = right, rwords, hyphen, used
        r.rest, r.rest_words = right[used:], rwords[used:]
        return True

    def _term_or_model(self, r: _Reading) -> bool:
        """Whether the figure is a thing's term ("a five-year contract") or a model's number."""
        claim = r.claim
        if (
            r.hyphen
            and claim.dimension == "duration"
            and r.rest
            and self._modifies_noun(claim, r.rest[0])
        ):
            return True  # "a five-year contract": the thing's term, not a figure
        return bool(
            r.currency is None
            and claim.noun_tokens
            and claim.qualifier is None
            and (
                self._model_number(r.num, claim.noun_tokens, r.left)
                or self._titled_after(r.num, claim.noun_tokens)
            )
        )  # "the 747 Jumbo", "three new 757 Cargo jets", "the 11 Pro Max"

    def _range_of_units(self, r: _Reading) -> None:
        """A range with its unit written twice: "10 miles to 15 miles", "20 °C to 25 °C"."""
        claim, attached, nxt = r.claim, r.attached, r.nxt
        signed = attached is not None and claim.unit is not None and attached.start() > r.num.end
        if (r.used or signed) and claim.bound == "exact" and nxt is not None and not claim.consumed:
            # "10 miles to 15 miles"; "20 °C to 25 °C", "5 % to 8 %": a sign set apart twice
            unit_start = r.right[0].start if r.used or attached is None else attached.start()
            upper = self._range_with_unit(claim, nxt, unit_start, r.rest, r.rest_words, r.words)
            if upper is not None:
                value2, end2 = upper
                claim.low, claim.high = min(claim.value, value2), max(claim.value, value2)
                claim.value, claim.bound = (claim.low + claim.high) / 2, "range"
                claim.end = claim.consumed = end2
                r.rest = [t for t in r.rest if t.start >= end2]
                r.rest_words = r.rwords[len(r.right) - len(r.rest) :]

    def _hedge_after(self, r: _Reading) -> bool:
        """A hedge after the figure ("or more"); False before a label, a clock word or a month."""
        claim, lex = r.claim, self.lex
        rest, rest_words = r.rest, r.rest_words
        label, k = phrase_at(rest_words, lex.qualifiers_after, lex.max_after)
        if k and not (
            (rest_words[0] == "plus" and len(rest_words) > 1 and rest_words[1][:1].isdigit())
            or rest_words[k : k + 1] == ["than"]  # "5000 or less than 6000": the next one's
        ):
            claim.bound, claim.qualifier = label, " ".join(t.text for t in rest[:k])
            claim.end = rest[k - 1].end
            rest, rest_words = r.rest, r.rest_words = rest[k:], rest_words[k:]
        if rest_words and rest_words[0] in lex.label_after:
            return False
        if rest_words and rest_words[0].rstrip(".") in lex.clock_words:
            return False
        return not (
            rest_words and rest_words[0].rstrip(".") in lex.months and rest[0].text[:1].isupper()
        )

    def _rate_after(self, r: _Reading) -> None:
        """The period or item the figure is per: "a year", "per barrel", "48 cents a share"."""
        claim, units = r.claim, self.units
        claim.per = (
            self._period_after(r.rest, r.rest_words) or self._period_after_of(r) or claim.per
        )
        if claim.per == "hour" and claim.unit in units.per_hour:
            claim.unit, claim.dimension, claim.per = units.per_hour[claim.unit], "speed", None
        if claim.per is None and claim.unit and claim.dimension not in ("count", "ratio", "age"):
            item, k = self._item_after(r.rest, r.rest_words, claim.end)
            if item:  # "$71.40 per barrel" -> USD/barrel, "48 cents a share" -> cent/share
                claim.unit = f"{claim.unit}/{item}"
                claim.end = r.rest[k - 1].end
                r.rest, r.rest_words = r.rest[k:], r.rest_words[k:]
        if claim.per is None:
            self._head_count_after(r)

    def _period_after_of(self, r: _Reading) -> str | None:
        """ "8,000 tonnes of sulphur dioxide a day", "300 barrels of oil per day": a measured
        figure's period after the "of" that names what is measured (one to three plain
        words)."""
        words = r.rest_words
        if r.claim.dimension in (None, "count", "ratio", "age") or words[:1] != ["of"]:
            return None
        for k in range(2, min(5, len(words))):
            if not (words[k - 1].isalpha() and r.rest[k - 1].text.islower()):
                return None
            if words[k] in self.lex.periods.firsts:
                return self._period_after(r.rest[k:], words[k:])
        return None

    def _change_after_figure(self, r: _Reading) -> None:
        """A comparative right after a measured figure and before "than" ("5% higher than a
        year ago", "cost £40 less than"): the figure is a change. A bare count is left as
        it is ("12 more in the box"), and so are a multiple of a base ("losses three times
        larger than first reported": so many times the base, which it is read against) and
        a gap from what would have been ("15% lower than if ...": a level of its own)."""
        claim, lex, words = r.claim, self.lex, r.rest_words
        if claim.change is not None or len(words) < 2 or not r.rest[0].text.islower():
            return
        if claim.unit in (None, "times") or (len(words) > 2 and words[2] in lex.counterfactuals):
            return
        label = lex.change_after_figure.get(words[0])
        if label and words[1] in lex.change_after_followers:
            claim.change = label

    def _head_count_after(self, r: _Reading) -> None:
        """ "31 per 100,000 residents", "8 arrests for each 1,000 inhabitants": the figure is a
        rate per a head count written in digits, which is part of the rate, not a figure of
        its own: it is read past (with the noun after it)."""
        _, k = phrase_at(r.rest_words, self.lex.rate_heads_before, 3)
        if not k or len(r.rest) <= k or not _HEAD_COUNT.fullmatch(r.rest[k].text):
            return
        end = r.rest[k].end
        after = r.rest[k + 1].text if len(r.rest) > k + 1 else ""
        if after.isalpha() and after.islower() and after not in self.lex.stopwords:
            end = r.rest[k + 1].end
        r.claim.consumed = max(r.claim.consumed or 0, end)

    def _finish(self, r: _Reading) -> bool:
        """The concept, purpose and bounds; False for a year, a label, a name or an address, and
        for a figure its scale word takes beyond what a float holds ("9e307 trillion")."""
        claim, num = r.claim, r.num
        if self._not_a_claim(claim, num, r.currency, r.prev) or self._one_of_several(r):
            return False
        if (
            r.currency is None
            and num.kind == "digits"
            and r.scale == 1.0  # "Germany 1 million": a label is written plain ("Stage 9")
            and "," not in self.text[num.start : num.end]  # "Czechia 500,000"
            and self._name_or_address(claim, r.prev, r.right)
        ):
            return False
        if claim.concept is None and r.sent.start not in self.dense:
            claim.concept = self._concept(claim, r.rest, r.rest_words, r.hyphen)
            claim.purpose = self._purpose(r.rest, r.rest_words, claim.concept)
            if self._names_an_age(claim):
                claim.unit, claim.dimension = "year", "age"  # "the retirement age is 67"
        if claim.bound in ("exact", "approx"):
            claim.low = claim.high = claim.value
        elif claim.bound == "lower":
            claim.low, claim.high = claim.value, None
        elif claim.bound == "upper":
            claim.low, claim.high = None, claim.value
        return _finite(claim.value, claim.low, claim.high)

    def _names_an_age(self, claim: Draft) -> bool:
        """A bare figure a human age could be, whose concept opens with a noun naming an age
        ("retirement age", "average life expectancy men"); not when that noun labels a figure
        of its own ("children under age 5 fell to 40")."""
        if claim.unit is not None or claim.noun_tokens or not 0 < claim.value:
            return False
        if (claim.high or claim.value) >= _OLDEST:
            return False
        opening = {w.lower() for w in (claim.concept or "").split()[:3]}
        left = claim.left or []
        return any(
            t.lower in self.lex.age_measures
            and t.lower in opening
            and not (k + 1 < len(left) and left[k + 1].text[:1].isdigit())
            for k, t in enumerate(left)
        )

    def _thousands_carry(self, num: NumberMatch, nxt: NumberMatch) -> bool:
        """ "15 to 30,000", "200 to 300,000": the first figure is in the thousands the second
        writes out (it is bare, below 1,000, and the second is 1 to 4 times its thousands)."""
        first = self.text[num.start : num.end]
        second = self.text[nxt.start : nxt.end]
        if not first.isdigit() or not _THOUSANDS.fullmatch(second) or num.value <= 0:
            return False
        return 1 < nxt.value / 1000 / num.value <= 4

    def _modifies_noun(self, claim: Draft, nxt: Token) -> bool:
        """The next word is the noun a hyphenated figure qualifies ("three-year $450,000 grant")."""
        if nxt.start > claim.end + 1:
            return False
        first = nxt.text[:1]
        if first.isalpha():
            return first.islower() and nxt.lower not in self.lex.stopwords
        return first.isdigit() or nxt.text in self.lex.currency_prefixes

    def _model_number(self, num: NumberMatch, noun: list[Token], left: list[Token]) -> bool:
        """ "747 Jumbo", "three new 757 Cargo jets": digits naming a model, not a count."""
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

    def _titled_after(self, num: NumberMatch, noun: list[Token]) -> bool:
        """ "the 11 Pro Max", "Apollo 13 Command Module": digits and two capitalised words
        or more, none of them a plural, make a name; a people or things counted are plural
        ("40 New Zealanders") or end on a lower-case noun ("40 New Zealand nurses")."""
        return (
            len(noun) > 1
            and self.text[num.start : num.end].isdigit()
            and noun[0].start == num.end + 1
            and all(t.text.isalpha() and t.text.istitle() for t in noun)
            and not any(t.lower.endswith("s") or t.lower in IRREGULAR_PLURALS for t in noun)
        )

    def _yearish(self, num: NumberMatch) -> bool:
        token = self.text[num.start : num.end]
        return (
            num.kind == "digits"
            and token.isdigit()
            and len(token) == 4
            and 1800 <= num.value <= 2100
        )

    def _one_of_several(self, r: _Reading) -> bool:
        """ "One reason is that ...", "One source was the budget": a sentence opening on
        "One" and a noun that "is" or "was" what follows names one of several, counts none
        ("One man was hurt" counts: a participle follows)."""
        claim, words = r.claim, r.rest_words
        return (
            r.num.kind == "words"
            and claim.dimension == "count"
            and self.text[r.num.start : r.num.end] == "One"
            and claim.start == r.num.start
            and self._opens_sentence(claim.start)
            and words[:1] in (["is"], ["was"])
            and len(words) > 1
            and words[1] in _WHAT_ONE_IS
        )

    def _far_year(self, num: NumberMatch) -> bool:
        """Four plain digits of a year beyond the century's end ("2120", "2300")."""
        token = self.text[num.start : num.end]
        return num.kind == "digits" and token.isdigit() and 2100 < num.value < 2500

    def _name_or_address(self, claim: Draft, prev: Token | None, right: list[Token]) -> bool:
        """ "Pixel 8 Pro", "Top 40", "Stage 9"; "212 Harbour Road", "14 W 52nd St"."""
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
        self, claim: Draft, num: NumberMatch, currency: str | None, before: Token | None
    ) -> bool:
        if (
            num.kind == "words"
            and claim.unit is None
            and claim.bound not in ("lower", "upper")
            and not self._scaled_words(num)
            and not self._reaches_level(claim)
        ):
            return True  # "one of them"; "more than thirty", "nine million", "stood at seven" stand
        if (
            num.kind == "words"
            and claim.dimension == "count"
            and before is not None
            and before.lower in _DETERMINERS_BEFORE_WORD_NUMBER
        ):
            return True  # "the two countries": a definite set, not a figure
        if (
            claim.unit is None
            and currency is None
            and claim.change is None
            and before is not None
            and before.lower in _FUTURE_YEAR_PREPOSITIONS
            and self._far_year(num)
        ):
            return True  # "flooded by 2120", "until 2150": a year of a projection, no count
        if self._yearish(num) and currency is None and claim.bound != "range":
            owner = before is not None and (
                before.lower in self.lex.year_owners
                or before.text.endswith(("'s", "’s"))
                or (before.text[:1].isupper() and before.start > claim.sentence.start)
            )
            if owner and claim.qualifier is None:
                return True  # "Lumiva's 2019 sales", "its 2019 budget": a year, as a label
            if (
                before is not None
                and before.lower in _YEAR_PREPOSITIONS
                and claim.qualifier is None
            ):
                return (
                    True  # "the rise in 2021 matches ...", "since 1998 prices": when, not how many
                )
            if claim.dimension in _PHYSICAL:
                return False  # "2100 megatonnes", "1900 km": a measure, no year
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


@functools.cache
def _prefix_index() -> dict[str, list[str]]:
    """The lexicon's currency prefixes by their last character, longest first (built once)."""
    index: dict[str, list[str]] = {}
    for prefix in sorted(lexicon().currency_prefixes, key=len, reverse=True):
        index.setdefault(prefix[-1], []).append(prefix)
    return index


def _asserters(
    tokens: TextTokens, sents: list[Sentence], wanted: set[int]
) -> tuple[
    dict[int, str | None],
    dict[int, list[tuple[int, str]]],
    dict[str, str],
    dict[int, list[tuple[int, str]]],
]:
    """Who asserts the figures of each sentence (keyed by ``id``) of those ``wanted``.

    Every sentence is read in order, so that "he said" finds the last named person and a
    data source carries on to the figures after it; figures before the first asserter of a
    text (its headline and lead) take that asserter when it is a source. Also returns, per
    sentence with an asserter, every asserter it names with the offset of its verb (for
    :func:`own_source`), the mapping of source names to "Name (INITIALS)", and per sentence
    the asserters of its relative clauses (", which says ..."), each with its verb's offset.
    """
    text = tokens.text
    letters = _asserter_letters(text)  # the cheap test of each sentence cuts these
    tracker = AttributionTracker()
    by_sentence: dict[int, str | None] = {}
    named_in: dict[int, list[tuple[int, str]]] = {}
    relative_in: dict[int, list[tuple[int, str]]] = {}
    lead: list[int] | None = []  # figures before any asserter; None once one is read
    last_paragraph = -1
    unread = len(wanted)  # wanted sentences not reached yet
    for sent in sents:
        if not unread and lead is None:
            break  # what follows the last figure's sentence changes no figure's asserter
        unread -= id(sent) in wanted
        if sent.paragraph != last_paragraph:
            tracker.new_paragraph()
            last_paragraph = sent.paragraph
        if sent.boilerplate:
            continue
        who = None
        tracker.relative = []  # read again below, or none in this sentence
        if (
            _names_an_asserter_verb(text, sent.start, sent.end, letters)
            or tracker.quote_open
            or text.find("“", sent.start, sent.end) >= 0
            or text.find('"', sent.start, sent.end) >= 0
            or _may_head_with_source(text, sent.start, sent.end)
        ):
            who = tracker.read(tokens, sent.start, sent.end)
        if who and lead is not None:
            for key in lead:  # a headline's figure is the lead's source's
                by_sentence[key] = tracker.last_source
            lead = None
        if id(sent) not in wanted:
            continue
        carried = tracker.last_source
        # no asserter, or data described ("the breakdown shows"): the source carried on;
        # but a body named in lower case ("the union counted") is a source of its own
        described = who is not None and who.islower() and tracker.data and not _body(who)
        by_sentence[id(sent)] = carried if not who or (carried and described) else who
        if lead is not None:
            lead.append(id(sent))
        # "X according to A, Y according to B", "A put it at X, while B said Y": each
        # figure its own source
        if who and tracker.named and splits_sentence(text, (sent.start, sent.end), tracker.named):
            named_in[id(sent)] = tracker.named
        if tracker.relative:  # "the union, which says ...": the figures of that clause
            relative_in[id(sent)] = list(tracker.relative)
    named = name_acronyms(text, {who for who in by_sentence.values() if who})
    if named:  # "World Health Organization" and "WHO" in one text: one source
        by_sentence = {k: named.get(who, who) if who else who for k, who in by_sentence.items()}
    return by_sentence, named_in, named, relative_in


def _body(who: str) -> bool:
    """Whether an asserter's last word names a body ("union", "ministry"; the lexicon's
    ``body_anaphors``). (A source's people, "the analysts", stand for the source named
    last: ``source_authors``.)"""
    return who.rsplit(None, 1)[-1] in lexicon().body_anaphors


def _number_style(text: str, language: str) -> str:
    """ "eu" (continental separators, "20.000") for a language that writes them, else "en"."""
    lang = guess_language(text) if language == "auto" else language
    return "eu" if lang in ("de", "fr", "es", "it", "nl", "pt") else "en"


def _linked(text: str, claims: list[Draft]) -> list[Draft]:
    """Bounds and subunits joined, units carried across pairs, restatements and series linked."""
    claims = join_subunits(text, join_bounds(text, claims))
    carry_pair_units(text, claims)
    accounting_negatives(text, claims)
    link_restatements(text, claims)
    link_series(text, claims)
    return claims


def _concept_of(claim: Draft) -> str | None:
    """The claim's concept with its purpose ("mpg for compact cars"), possessives dropped."""
    concept = claim.concept
    if claim.purpose and not shares_word(claim.purpose, concept):
        # "41 mpg in 2022 for compact cars" (the concept may have changed since the
        # figure was read: a restatement or a series takes its first figure's)
        concept = f"{concept} for {claim.purpose}" if concept else claim.purpose
    if concept and ("'" in concept or "’" in concept):
        concept = _POSSESSIVE.sub("", concept)  # "Peru’s economy" -> "Peru economy"
    return concept


def _lead_in_before(between: str, head: str) -> bool:
    """Whether a figure ends a lead-in right before the sentence's head, ``between`` being
    the text from the figure's end to the head's ("At $1,199, the Orbis laptop is",
    "With a top speed of 350 km/h, the train is": ", the Orbis laptop")."""
    return _LEAD_IN_GAP.fullmatch(between.replace(head, "", 1)) is not None and head in between


#: Between a figure ending a lead-in and the head of the sentence: a comma and an article.
_LEAD_IN_GAP = re.compile(r",\s+(?:(?:the|a|an|its|their|his|her)\s+)?", re.IGNORECASE)


class _RowWriter:
    """Turns the linked drafts of one document into rows: asserter, subject and concept."""

    def __init__(
        self, reader: _DocumentReader, claims: list[Draft], meta: tuple[Any, ...] = ()
    ) -> None:
        text = self.text = reader.text
        self.meta = meta  # the document's metadata, ending each row (see _row_tuples)
        self.doc_id = reader.doc_id
        self.reader = reader
        self.claims = claims
        wanted = {id(c.sentence) for c in claims}
        self.by_sentence, self.named_in, self.named, self.relative_in = _asserters(
            reader.tokens, reader.sents, wanted
        )
        self.ids = _claim_ids(self.doc_id, text, claims)
        self.heads: dict[int, tuple[str, int]] = {}  # per sentence, the phrase it opens with
        #: per sentence, the phrase its reported clause opens with (see _reported_head)
        self.reported: dict[int, tuple[str, int]] = {}
        self.spans: dict[int, list[tuple[int, int]]] = {}  # per sentence, the figures read so far
        #: per sentence (by its start), whether it holds a relative pronoun (see _subject)
        self.relative_words: dict[int, bool] = {}
        self.reckoning: dict[int, bool] = {}  # sentence start -> may_name_reckoning
        self.rows: list[tuple[Any, ...]] = []
        self.subjects: list[str | None] = []  # each row's subject, read by later rows
        self.row_of = {id(c): k for k, c in enumerate(claims)}  # a draft's row, by identity

    def write(self) -> list[tuple[Any, ...]]:
        """One row per draft: the values of ``_ROW_COLUMNS`` (``CLAIMS_SCHEMA`` less metadata),
        then those of ``meta``."""
        for claim, cid in zip(self.claims, self.ids, strict=True):
            self.rows.append(self._row(claim, cid))
        return self.rows

    def _row(self, claim: Draft, cid: str) -> tuple[Any, ...]:
        """The row of one draft, in ``_ROW_COLUMNS`` order (a tuple: no dict per row)."""
        text, sent, ids = self.text, claim.sentence, self.ids
        attribution = self._attribution(claim)
        sent_end = self._sentence_end(claim)
        subject = self._subject(claim, attribution)
        self.subjects.append(subject)
        return (
            cid,
            self.doc_id,
            claim.start,
            claim.end,
            text[claim.start : claim.end],
            sent.start,
            sent_end,
            text[sent.start : sent_end],
            claim.value,
            claim.low,
            claim.high,
            claim.bound,
            claim.qualifier,
            claim.unit,
            claim.dimension,
            claim.per,
            claim.change,
            _concept_of(claim),
            subject,
            attribution,
            ids[claim.restates] if claim.restates is not None else None,
            ids[claim.from_index] if claim.from_index is not None else None,
            sent.boilerplate,
            claim.doubt,
            *self.meta,
        )

    def _attribution(self, claim: Draft) -> str | None:
        """Who asserts the figure (:meth:`_read_attribution`), never a noun of a figure itself
        ("1,300, a figure it said was too low", "the sum it said was written": ``None``)."""
        found = self._read_attribution(claim)
        if (
            found
            and found.lower().removeprefix("the ").removeprefix("a ") in lexicon().figure_nouns
        ):
            return None
        return found

    def _read_attribution(self, claim: Draft) -> str | None:
        """Who asserts the figure: the keepers of an official count, its own source when the
        sentence names several, else the sentence's asserter."""
        sent = claim.sentence
        attribution = self.by_sentence.get(id(sent))
        if describes_a_name(self.text, sent.start, (claim.start, claim.end)):
            return None  # "Ann Ode, 71, said", "Tolberg, a town of 48,000,": the writer's
        official = official_source(self.text, sent.start, claim.start)
        if official:  # "the official toll of 3,000": the count's keepers say it
            return official
        for at, who in self.relative_in.get(id(sent), ()):
            if in_clause_of(self.text, (sent.start, sent.end), at, claim.start):
                return self.named.get(who, who)  # "the union, which puts it at 40,"
        side = paired_side(self.text, (sent.start, sent.end), (claim.start, claim.end))
        if side:  # "put at 48,000 for the police and 300,000 for the unions"
            return side
        reckoning = self.reckoning.get(sent.start)
        if reckoning is None:  # read once a sentence
            reckoning = self.reckoning[sent.start] = may_name_reckoning(
                self.text, (sent.start, sent.end)
            )
        reckoner = (
            reckoned_by(self.text, (sent.start, sent.end), (claim.start, claim.end))
            if reckoning
            else None
        )
        if reckoner:  # "9,000 marched, by the union's count": the union's
            return self.named.get(reckoner, reckoner)
        owner = holder(self.text, (sent.start, sent.end), claim.start, bare=claim.unit is None)
        if owner:  # "31 men trapped against the company's 23": the company's
            return self.named.get(owner, owner)
        agent = agent_after(self.text, claim.end, sent.end)
        if agent:  # "well above the 9.6 billion put forward by the treasury": the treasury's
            # a body named in full, then by its initials: the name as the text cites it
            return self.named.get(agent) or name_acronyms(self.text, [agent]).get(agent, agent)
        if set_aside_before(self.text, max(sent.start, claim.start - 30), claim.start):
            return None  # "will cost €210 million, not €85 million": no figure of the speaker's
        if id(sent) in self.named_in:
            own = own_source(
                self.text, (sent.start, sent.end), (claim.start, claim.end), self.named_in[id(sent)]
            )
            return self.named.get(own, own) if own else attribution
        return attribution

    def _sentence_end(self, claim: Draft) -> int:
        """The end of the figure's sentence, or of the piece a figure running past it ends in."""
        sent_end = claim.sentence.end
        if claim.end > sent_end:
            # a figure running past a cut made in an over-long sentence: the sentence reaches
            # the end of the piece the figure ends in
            tail = self.reader._sentence_of(claim.end - 1)
            sent_end = tail.end if tail is not None else claim.end
        return sent_end

    def _subject(self, claim: Draft, attribution: str | None) -> str | None:
        """What the figure is of: a name before it, the asserter, the phrase a relative clause
        stands for, the phrase the sentence opens with, or the subject of what it restates."""
        text, sent = self.text, claim.sentence
        if claim.antecedent is not None:  # "... and it can boil 1.7 litres": the kettle's
            k = self.row_of.get(id(claim.antecedent), len(self.subjects))
            return self.subjects[k] if k < len(self.subjects) else None
        dense = sent.start in self.reader.dense
        figures = self.spans.setdefault(id(sent), [])
        # the phrase a relative clause holding the figure stands for: names before it
        # own nothing of the figure
        tokens = self.reader.tokens
        before = None if dense else tokens_before(tokens, sent.start, claim.start)
        relative = self.relative_words.get(sent.start)
        if relative is None:  # read once a sentence
            relative = self.relative_words[sent.start] = has_relative_word(
                text, sent.start, sent.end
            )
        phrase = (
            None
            if dense or not relative
            else relative_phrase(tokens, sent.start, claim.start, toks=before)
        )
        subject = (
            None
            if dense
            else subject_before(
                tokens,
                phrase[0] if phrase else sent.start,
                claim.start,
                skip=attribution,
                figures=figures,
                reaching=claim.subject_at,
                toks=None if phrase else before,
            )
        )
        figures.append((claim.start, claim.end))
        if (
            subject is None
            and attribution
            and not dense
            and asserter_owns(claim.left or [], attribution, self.reader.lex)
        ):
            subject = attribution  # "Acme said it has 1,000 customers": Acme has them
        if subject is None and phrase is not None:
            # "charity walks that include a 12 kilometre hike": the phrase the clause is about
            antecedent = text[phrase[0] : phrase[1]]
            if not shares_word(antecedent, claim.concept) and not any(
                ch.isdigit() for ch in antecedent
            ):  # not "a 6kW motor, which ...": that phrase has a figure of its own
                subject = antecedent
        elif subject is None and not dense and claim.subject_at is None:
            subject = self._head_subject(claim, attribution, figures)
        if subject is None and claim.restates is not None:
            subject = self.subjects[claim.restates]  # "$50 million (£40 million)"
        if subject and ("'" in subject or "’" in subject):
            subject = _POSSESSIVE.sub("", subject)  # "the van’s city rating" -> "van"
        return subject

    def _head_subject(
        self, claim: Draft, attribution: str | None, figures: list[tuple[int, int]]
    ) -> str | None:
        """The noun phrase the sentence opens with ("The ash cloud ..."), when it names the
        thing measured rather than an owner of a later clause."""
        sent = claim.sentence
        if id(sent) not in self.heads:
            self.heads[id(sent)] = sentence_head(self.reader.tokens, sent.start, sent.end)
        head, head_end = self.heads[id(sent)]
        if head and attribution and head in attribution:
            if id(sent) not in self.reported:  # read once a sentence
                self.reported[id(sent)] = self._reported_head(sent, head_end)
            head, head_end = self.reported[id(sent)]
        left = claim.left or []
        if head and _lead_in_before(self.text[claim.end : head_end], head):
            return head  # "At $1,199, the Orbis laptop is the cheapest": the laptop's price
        if (
            head
            and head_end <= claim.start
            # "Acme's plan is young; we hope to hire 400 staff"
            and not _own_clause_after(left, head_end, self.reader.lex)
            and not any(a < head_end <= b for a, b in figures)  # "Hundreds of fans ..."
            and not shares_word(head, claim.concept)
            and not (attribution and head in attribution)
        ):
            return head  # the head names the thing measured, not an owner, if shared
        return None

    def _reported_head(self, sent: Sentence, after: int) -> tuple[str, int]:
        """The phrase a reported clause opens with, when the sentence opens with its asserter
        and a verb of saying ("Acme said ticket sales could reach 40,000": "ticket sales";
        "", 0 when none)."""
        toks = self.reader.tokens.window(after, min(sent.end, after + 40))
        if not toks or toks[0].lower not in self.reader.lex.attribution_verbs:
            return "", 0
        k = 2 if len(toks) > 1 and toks[1].lower == "that" else 1
        if k >= len(toks):
            return "", 0
        return sentence_head(self.reader.tokens, toks[k].start, sent.end)


def _own_clause_after(left: list[Token], head_end: int, lex: Lexicon) -> bool:
    """Whether a word of ``left`` starting at or after ``head_end`` heads a clause of the
    writer's or the reader's (:func:`heads_own_clause`). The tokens are in order: the scan
    goes back from the last one and stops at the first that starts before ``head_end``."""
    for k in range(len(left) - 1, -1, -1):
        if left[k].start < head_end:
            return False
        if heads_own_clause(left, k, lex):
            return True
    return False


#: The claims schema with its enumerations as strings, and where they are with their types:
#: a frame is built with the first and its enumeration columns cast one by one.
_CLAIMS_AS_STRINGS = pl.Schema(
    {name: pl.String if isinstance(t, pl.Enum) else t for name, t in CLAIMS_SCHEMA.items()}
)
_ENUM_COLUMNS = tuple(
    (i, t) for i, t in enumerate(CLAIMS_SCHEMA.dtypes()) if isinstance(t, pl.Enum)
)

#: The columns of a row as the extractor writes it: ``CLAIMS_SCHEMA`` up to the document
#: metadata, which starts at "outlet" and is added to every row afterwards.
_ROW_COLUMNS = tuple(CLAIMS_SCHEMA.names()[: CLAIMS_SCHEMA.names().index("outlet")])

#: The frame of a document with no claims, made once: building it from the schema takes
#: about 200 µs, a clone of it under a microsecond. Each caller gets a clone, since a polars
#: frame can be changed in place (``insert_column``) and this one is never handed out.
_NO_CLAIMS = CLAIMS_SCHEMA.to_frame()


def _row_tuples(
    text: str, doc_id: str, language: str, meta: tuple[Any, ...] = ()
) -> list[tuple[Any, ...]]:
    """Claims of one document, each the tuple of its ``_ROW_COLUMNS`` values and ``meta``."""
    reader = _DocumentReader(text, doc_id, _number_style(text, language))
    claims = reader.read_all()
    if not claims:
        return []
    return _RowWriter(reader, _linked(text, claims), meta).write()


def extract_rows(text: str, *, doc_id: str = "doc", language: str = "auto") -> list[dict[str, Any]]:
    """Claims of one document as a list of dicts in ``CLAIMS_SCHEMA`` order (no metadata)."""
    return [
        dict(zip(_ROW_COLUMNS, row, strict=True)) for row in _row_tuples(text, doc_id, language)
    ]


def extract_claims(
    text: str,
    *,
    doc_id: str = "doc",
    language: Literal["auto", "en", "de", "fr", "es", "it", "nl", "pt"] | str = "auto",
    outlet: str | None = None,
    published: dt.date | str | None = None,
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
        Document metadata copied onto every row; ``published`` is a date or an ISO date
        text ("2030-05-01").

    Returns
    -------
    polars.DataFrame
        Columns and types of :data:`extract.CLAIMS_SCHEMA`.

    Examples
    --------
    >>> df = extract_claims("Officials said the club spends more than $40 million each year.")
    >>> df.select("value", "bound", "unit", "per", "attribution").row(0)
    (40000000.0, 'lower', 'USD', 'year', 'Officials')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    published = _publication_date(published)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        meta = (outlet, published, url, title)  # the schema's last columns, in its order
        rows = _row_tuples(text, doc_id, language, meta)
    if not rows:
        return _NO_CLAIMS.clone()
    frame = pl.DataFrame(rows, schema=_CLAIMS_AS_STRINGS, orient="row")
    for i, dtype in _ENUM_COLUMNS:  # cast in place: no lazy query for a few small columns
        frame.replace_column(i, frame.to_series(i).cast(dtype))
    return frame


def _publication_date(published: object) -> dt.date | None:
    """``published`` as a date: a date, a datetime (its day), an ISO text ("2030-05-01") or
    None; anything else is a clear error rather than a failure deep in polars."""
    if published is None or type(published) is dt.date:
        return published
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip())
        except ValueError:
            message = f"published must be an ISO date (YYYY-MM-DD), not {published!r}"
            raise ValueError(message) from None
    raise TypeError(f"published must be a date, not {type(published).__name__}")


def _names_someone(left: Sequence[Token]) -> bool:
    """Whether the words before a comma name someone whose age may follow it in news style:
    a name ("Ortiz, 58,") or a noun led by an article ("a steward, 58,", "the lorry driver,
    47,"); not a number ("3, 4, 5") nor a clause ("In the end, 45 ...": no comma after)."""
    word = left[-1].text
    if word[:1].isupper():
        return True
    return word.isalpha() and any(t.lower in ("a", "an", "the") for t in left[-4:-1])
