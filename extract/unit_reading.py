"""What stands beside a number: currency signs, scale words, ranges, units, counted
nouns and rates."""

from __future__ import annotations

import functools
import re

from .context import IRREGULAR_PLURALS, Token
from .draft import Draft
from .inflection import (
    may_be_adjective,
    may_be_verb,
    never_a_noun,
    only_a_verb,
    past_participle,
    singular,
)
from .lexicon import change_ending, hedge_alternation, lexicon, phrase_at, phrase_ending
from .numbers import NumberMatch
from .phrases import PhraseReader
from .schema import PERIODS
from .units import UnitInfo, UnitTable

__all__ = ["UnitReader", "accounting_negatives"]

#: Auxiliaries that agree with a plural subject ("have been sent", "were hired").
_PLURAL_AUXILIARIES = frozenset({"have", "are", "were", "had", "do", "did"})

#: A word after spaces: a scale abbreviation read only after money ("Rs 40 cr", "$3 mil").
_SPACED_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b(?!-)")
#: Scale letters glued to digits: the abbreviations in any case ("1Mln", "2Bn"), the single
#: letters as written ("4m", "9K").
_SCALE_ATTACHED = re.compile(r"((?i:bn|bln|mn|mln|tn|trn)|m|b|k|M|B|K)(?![A-Za-z])")
_LETTERS_BEFORE_SIGN = re.compile(r"\b([A-Za-z]{2,}) $")
_DAY_HALVES = frozenset(("am", "pm", "a.m", "p.m"))
#: Words in a sentence that make its "pounds" weight: weighing, another unit of mass, or
#: the ways a body's weight is lost ("dropped 30 pounds by dieting", "slimmed to 180 pounds").
_WEIGHT_HINT = re.compile(
    r"\b(?:weigh\w*|heavy|heavier|lbs?|ounces?|oz|(?:metric\s)?tons?|tonnes?|kilo(?:gram)?s?|kg"
    r"|grams?|stones?|diet\w*|exercis\w*|slimm\w*|workouts?)\b",
    re.IGNORECASE,
)
#: Variant characters of unit symbols: the ordinal sign for the degree, the Greek mu for the
#: micro sign, superscript powers ("km²", "m³") for the digits the unit table writes.
_SYMBOL_VARIANTS = str.maketrans({"º": "°", "μ": "µ", "²": "2", "³": "3"})


def _symbol_form(word: str) -> str:
    """``word`` with the variants of ``_SYMBOL_VARIANTS`` written plain. They are all beyond
    ASCII, so an ASCII word (most are) is returned as it is, with no ``str.translate`` pass:
    with a table of code points that pass takes several times longer than the test."""
    return word if word.isascii() else word.translate(_SYMBOL_VARIANTS)


#: An acronym made plural with a small "s" ("MPs", "NGOs", "SUVs").
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,5}s")
#: The most words between a change verb and "to" ("cut the reservoir's level to 23%") or
#: "by" ("lift output by 12%"; with a longer object, "boost the old ferry's capacity by about
#: 40 cars", no change is read, as NewsQuant's annotators read such figures).
_OBJECT_WORDS = 4
_BY_OBJECT_WORDS = 2


#: Before an amount in brackets that is a negative in the accounts' style ("the net result
#: was ($4.2m)"): a copula or a colon, so that no other figure is being restated.
_BEFORE_ACCOUNTS_BRACKET = re.compile(r"(?:\b(?:is|was|were|are|be|been)|:)\s*\($", re.IGNORECASE)


def accounting_negatives(text: str, claims: list[Draft]) -> None:
    """An amount of money alone in brackets after a copula is a loss ("profit was ($0.40)"),
    as in financial statements; a bracket after another figure restates it ("€5m ($5.4m)")."""
    for claim in claims:
        if (
            claim.dimension == "currency"
            and claim.value > 0
            and claim.bound == "exact"
            and text[claim.end : claim.end + 1] == ")"
            and _BEFORE_ACCOUNTS_BRACKET.search(text, max(0, claim.start - 12), claim.start)
        ):
            claim.value = -claim.value
            claim.low = claim.high = None if claim.low is None else claim.value
            claim.start, claim.end = claim.start - 1, claim.end + 1


#: The word right after a number ("thirds" after "six million and two").
#: A temperature on a scale named by its sign or its name ("572 °F", "-196 °C", "30C",
#: "1200 degrees Celsius").
_TEMPERATURE = (
    r"[-−–]?\d[\d,.]*\s?(?:[°º]\s?[CF]|[CF](?![A-Za-z])"
    r"|degrees?\s+(?:[Cc]elsius|[Ff]ahrenheit|[Cc]entigrade))"
)
#: What parts two readings of one temperature on two scales: a bracket, a slash or an "or"
#: ("77K (-196 °C)", "4 K, or about -269 °C"); inside brackets a comma too ("900 °C
#: (1,652 °F, 1173.15K)"), the group ``list`` marking that gap.
_HEDGE = rf"(?:{hedge_alternation()})\s+"
_CONVERSION_GAP = (
    rf"(?:\s*[)\]]?\s*(?:,\s*)?(?:or\s+|/\s*|[(\[]\s*)|(?P<list>\s*[,;]\s*))(?:{_HEDGE})?"
)
_TEMPERATURE_BEFORE = re.compile(rf"{_TEMPERATURE}{_CONVERSION_GAP}\Z")
_TEMPERATURE_AFTER = re.compile(rf"{_CONVERSION_GAP}{_TEMPERATURE}")
_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")


#: Words that may open a verb's object before a period of a rate, and where the period may
#: then start: a pronoun ("used it each day") or a determiner and its noun ("cross the bridge
#: every day"); after any other word the period is read right after the verb only.
_OBJECT_SKIPS = {
    "it": (1, 2), "them": (1, 2), "the": (1, 3), "its": (1, 3), "their": (1, 3)
}  # fmt: skip


#: Words passed over between a change verb and its figure ("rose by", "fell to", "gained
#: some").
_SKIPPED_BEFORE_CHANGE = ("by", "to", "of", "at", "some", "another")
#: Words a period may follow a few words on after a figure ("in 2020 a year", "for now per
#: day"): the rate is read past them.
_PERIOD_LINKS = ("in", "on", "for", "to")


@functools.cache
def _change_lasts() -> frozenset[str]:
    """The last words before a figure that :meth:`UnitReader._change_before` can read a
    change from, or skip to one: an article, "a further", an amount's lead, the words
    skipped before a change verb, or the last word of a change (built once)."""
    lex = lexicon()
    skipped = {"a", "an", "further", "additional", "extra", "between", *_SKIPPED_BEFORE_CHANGE}
    return frozenset(skipped) | lex.amount_leads.lasts | lex.changes.lasts


class UnitReader(PhraseReader):
    """Reads units, scales and rates after a number: the document reader builds on this."""

    units: UnitTable
    prefixes: dict[str, list[str]]  # currency prefixes by their last character, longest first

    def _currency_before(self, start: int, floor: int) -> tuple[str, int] | None:
        """The currency of a prefix before ``start`` and where it begins ("$5", "US$ 5",
        "$ 75 million", "hk $ 10"): a sign may stand one space apart from its digits."""
        text = self.text
        last = start - 1 if start > floor and text[start - 1] not in " \u00a0" else start - 2
        if last < max(floor, start - 7) or (
            text[last] not in self.prefixes and text[last] not in self.units.currency_signs
        ):
            return None  # the cheap test first: no prefix nor sign ends at most a space before
        window = text[max(floor, start - 7) : start]
        stripped = window.rstrip(" \u00a0")
        gap = len(window) - len(stripped)
        if gap > 1:
            return None
        for prefix in self.prefixes.get(stripped[-1:], ()):
            if not stripped.endswith(prefix):
                continue
            at = start - gap - len(prefix)
            if prefix[0].isalpha():
                if at > floor and text[at - 1].isalnum():
                    continue
                if len(prefix) == 1 and gap:
                    continue
            if gap and prefix in self.lex.currency_prefixes_amount_only:
                continue
            return self._lettered_dollar(stripped, prefix, at, floor)
        sign = self.units.currency_signs.get(stripped[-1:])
        if sign is not None:
            return sign, start - gap - 1  # "₾40", "₭ 5,000"
        return None

    def _lettered_dollar(self, stripped: str, prefix: str, at: int, floor: int) -> tuple[str, int]:
        """ "us $ 5", "hk $ 5": a country's letters a space before a bare "$" name its dollar
        (two letters or more, in any case: a lone "a $" is the article)."""
        code = self.lex.currency_prefixes[prefix]
        if prefix != "$":
            return code, at
        m = _LETTERS_BEFORE_SIGN.search(stripped[:-1])
        if m is None:
            return code, at
        spaced = f"{m.group(1).upper()} $"
        begins = at - (len(stripped) - 1 - m.start())
        if spaced in self.lex.currency_prefixes and (
            begins <= floor or not self.text[begins - 1].isalnum()
        ):
            return self.lex.currency_prefixes[spaced], begins
        return code, at

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
                if info.dimension == "duration" and (first != "per" or info.symbol in PERIODS):
                    return "", 0  # "40 litres a minute": the period reader's, or no rate
                # "3 metres per decade", "40 litres per minute": a rate in a time the period
                # column holds none of is written in the unit ("m/decade"), as per an item
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
        return (word if word.isupper() else singular(low)), 2

    def _spaced_scale(self, pos: int, currency: str | None = None) -> tuple[float, int] | None:
        """Scale words after a number, chained: "6 hundred thousand" -> 6e5; after an amount
        of money, the abbreviations of its country too ("Rs 2,000 cr" -> 2e10 rupees)."""
        scale, end, lex = 1.0, pos, self.lex
        for _ in range(2):
            m = lex.spaced_scales.match(self.text, end)
            if m is None:
                break
            scale, end = scale * lex.scales[m.group(1).lower()], m.end()
        m = _SPACED_WORD.match(self.text, pos) if end == pos and currency else None
        if m is not None:
            word, table = m.group(1).lower(), lex.currency_scales
            factor = table.get(currency or "", {}).get(word) or table["any"].get(word)
            if factor:
                scale, end = factor, m.end()
        return (scale, end) if end > pos else None

    def _scale_after(self, num: NumberMatch, currency: str | None = None) -> tuple[float, int]:
        spaced = self._spaced_scale(num.end, currency)
        if spaced:
            return spaced
        sm = _SCALE_ATTACHED.match(self.text, num.end)
        if sm and (len(sm.group()) > 1 or sm.group() in "kKmMbB"):
            return self.lex.scales[sm.group().lower()], sm.end()
        return 1.0, num.end

    def _attached_unit(self, suffix: str) -> UnitInfo | None:
        """The unit of a symbol written right after digits ("45g", "10W", "2.4μm", "85m²")."""
        attached = self.units.attached
        plain = _symbol_form(suffix).replace(" ", "")
        if len(plain) > 2 and plain[0] == "°":  # "° Celsius": the scale by name
            return self.units.words.get("degrees " + plain[1:].lower())
        return attached.get(suffix) or attached.get(plain)

    def _from_before(self, words: list[str]) -> bool:
        """A change verb governs "from X to Y": two figures (the second a change), no range."""
        if "from" not in words[-4:]:
            return False
        i = len(words) - 1 - words[::-1].index("from")
        return any((w,) in self.lex.changes for w in words[max(0, i - 6) : i])

    def _range_with_unit(
        self,
        claim: Draft,
        nxt: NumberMatch,
        unit_start: int,
        rest: list[Token],
        rest_words: list[str],
        words: list[str],
    ) -> tuple[float, int] | None:
        """ "3 per cent to 8 per cent", "10 miles to 15 miles", "between 4 mg and 6 mg":
        the unit said twice."""
        joiners = ("to", "-", "–", "and") if words[-1:] == ["between"] else ("to", "-", "–")
        if len(rest) < 2 or rest_words[0] not in joiners:
            return None
        if rest_words[0] == "to" and self._from_before(words):
            return None
        cur2 = self._currency_before(nxt.start, claim.sentence.start)
        signed = nxt.start - 1 == rest[1].start and self.text[rest[1].start] in "-−"
        if (cur2[1] if cur2 else nxt.start - signed) != rest[1].start or nxt.kind == "vague":
            return None  # "-5 °C to -12 °C": the second sign is its own
        unit_text = self.text[unit_start : claim.end].lower()
        scale2, end2 = self._scale_after(nxt) if nxt.kind == "digits" else (1.0, nxt.end)
        gap = len(self.text) - len(self.text[end2:].lstrip(" "))
        after = self.text[gap : gap + len(unit_text)].lower() if gap - end2 <= 1 else ""
        if after != unit_text:
            return None
        return (-1 if signed else 1) * nxt.value * scale2, gap + len(unit_text)

    def _change_before(self, words: list[str]) -> str | None:
        """The change the words before a figure mark ("rose 5%", "cut prices by 3%"); a word
        this reads at their end must be one of :func:`_change_lasts`."""
        lex = self.lex
        if not words or words[-1] not in _change_lasts():
            return None  # the cheap test first: no word the reading below looks at ends them
        trimmed = list(words)
        if words[-1:] in (["a"], ["an"]):
            return None  # "added a 30-yard run": the figure describes a thing, not a change
        if words[-2:-1] in (["a"], ["an"]) and words[-1] in ("further", "additional", "extra"):
            trimmed = trimmed[:-2]  # "rose a further 6%": the change goes on
        _, k = phrase_ending(trimmed, lex.amount_leads, 3)
        if k:
            words = trimmed[:-k]  # "rose by a factor of four", "cut prices by an average of 3%"
            trimmed = list(words)
        if trimmed[-2:] == ["by", "between"]:
            trimmed.pop()  # "rose by between 30% and 40%": the change is the range
        while trimmed and trimmed[-1] in _SKIPPED_BEFORE_CHANGE:
            trimmed.pop()
        label, k = change_ending(trimmed, lex, 4)
        if k and len(trimmed) == len(words) and words[-1] in lex.changes_need_by:
            return None  # "raised $20 million": the amount raised, not a change
        if k:
            return label
        if words[-1:] == ["by"]:
            return self._change_by_object(words)
        if words and words[-1] == "to":
            return self._change_to_level(words)
        if words and words[-1] == "at":
            return self._change_at_close(words)
        return None

    def _change_by_object(self, words: list[str]) -> str | None:
        """ "expected to lift output by 12 per cent", "raised its main rate by 25 points": the
        verb's object stands between the change verb and "by" (``words`` end with "by")."""
        return self._verb_before_object(words[:-1], _BY_OBJECT_WORDS)

    def _verb_before_object(self, words: list[str], most: int = _OBJECT_WORDS) -> str | None:
        """The change a verb marks when ``words`` end with it and an object of at most
        ``most`` words ("cut the reservoir's level", "lift output"); the object holds no
        number, punctuation or word that opens a clause."""
        lex = self.lex
        for k, w in enumerate(reversed(words[-most - 1 :])):
            label = lex.changes.get((w,), "")
            if label and label != "none" and w not in lex.stopwords:
                return label if k else None  # no object: the verb right before is read apart
            if not w.replace("'s", "").replace("’s", "").isalpha() or w in lex.clause_openers:
                return None
            if k == 0 and w in lex.adverbs_before_to:
                return None  # "expected to rise only to 1.9%": an adverb, not an object
        return None

    def _change_to_level(self, words: list[str]) -> str | None:
        """The change a level reached after "to" ends ("grew from 300 to 2,000", "rose 12 sen
        to RM14.20", "cut its forecast by 0.5 points to 1.2%"): ``words`` end with "to"."""
        lex = self.lex
        window = words[-10:]
        if "from" in window:
            # "grew from 300 to nearly 2,000": the verb governs the second figure
            i = len(window) - 1 - window[::-1].index("from")
            label, _ = change_ending(window[:i], lex, 3)
            if label:
                return label
        for i in range(len(words) - 2, max(-1, len(words) - 9), -1):
            if words[i][:1].isdigit():
                if not all(w.isalpha() or w in ("%", ".") for w in words[i + 1 : -1]):
                    break  # "fell 3%, bringing the index to": the figure is another clause's
                head, popped = words[:i], []
                while head and (
                    head[-1] in ("by", "some", "about", "a", "an", "further", "additional", "extra")
                    or not head[-1][:1].isalnum()
                ):
                    popped.append(head.pop())
                label, _ = change_ending(head, lex, 4)
                if label is None and "by" in popped:
                    label = self._change_by_object([*head, "by"])
                return label
        return self._change_to_without_figure(words[:-1])

    def _change_at_close(self, words: list[str]) -> str | None:
        """The change of a level after "at" when a verb of closing and its change come before
        the figure ahead of it ("closed down 2% at 41.5", "finished down 3 cents at $1.20"): the
        level is reached by that change, as a level after "to" is (``words`` end with "at").
        Any other "at" ("rose 5% at 200 stores") marks no change, and neither does "fell 3%
        to end at 880", which annotators read both ways (a level alone, or a level reached)."""
        lex = self.lex
        for i in range(len(words) - 2, max(-1, len(words) - 5), -1):
            if words[i][:1].isdigit():
                head = words[:i]  # "ended down 1% at": the closing verb and its change
                if not any(w in lex.closing_verbs for w in head[-3:]):
                    return None
                if not all(w.isalpha() or w in ("%", ".") for w in words[i + 1 : -1]):
                    return None
                return change_ending(head, lex, 4)[0]
        return None

    def _change_to_without_figure(self, words: list[str]) -> str | None:
        """The change of a level after "to" with no figure before it in the clause: "has almost
        doubled, to", "fell by a fifth, to", "cut the reservoir's level to", "rose 2%
        in May, taking the average to" (``words`` stop before "to")."""
        lex = self.lex
        if words[-1:] == [","]:
            head = words[:-1]
            if "by" in head[-4:]:
                head = head[: len(head) - 1 - head[::-1].index("by")]
            return change_ending(head, lex, 4)[0]
        carrier = [i for i, w in enumerate(words[-4:]) if w in lex.level_carriers]
        if carrier:
            before = words[: len(words) - 4 + carrier[-1]]
            labels: list[str] = [
                lex.changes.get((w,), "") for w in before if w not in lex.stopwords
            ]
            return next((x for x in reversed(labels) if x and x != "none"), None)
        return self._verb_before_object(words)

    def _unit_after(
        self,
        claim: Draft,
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
        if first.rstrip(".") in _DAY_HALVES and self._clock_reading(num):
            return -1  # "2 pm", "9.30 a.m.": a time of day, not picometres
        if first in lex.age_words or (first in ("year", "years") and rwords[1:2] == ["old"]):
            unit = first.split("-")[0].rstrip("s")  # "9 month-old" is in months
            claim.unit = unit if unit in ("month", "week", "day") else "year"
            used = 1 if first in lex.age_words else 2
            # "a 42 year-old woman from Porto": the woman's age
            whose = self._qualified_noun(right[used:], places=True)
            claim.dimension = "age"
            claim.concept = f"age of {' '.join(whose)}" if whose else "age"
            return used
        label, k = phrase_at(rwords, lex.measure_nouns, 2)
        if k:
            claim.unit = label
            claim.dimension = "other" if label == "magnitude" else "ratio"
            return k
        if "-" in first and not hyphen and self._hyphenated_unit(claim, first):
            return 1
        if currency is None:
            k = self._currency_after(claim, right, rwords, hyphen, num)
            if k:
                return k
        else:
            claim.unit, claim.dimension = currency, "currency"
            code, k = phrase_at(rwords, lex.currency_words, 3)
            if k and code != "USD" and currency == "USD" and rwords[0] not in ("pounds", "pound"):
                claim.unit = code
                return k
            return 0
        info = units.words.get(rwords[1]) if len(rwords) > 1 else None
        if first in lex.span_adjectives and info is not None and info.dimension == "duration":
            if num.value != 1 and rwords[1] == info.symbol:
                return 0  # "lost 40 last year": a singular time after a plural figure dates it
            claim.unit, claim.dimension = info.symbol, info.dimension
            return 2  # "the 30 previous seasons", "three consecutive months"
        dot, words, longest = 0, [first], 1  # most words open no unit of several words
        if first in units.first_words:
            # "45,000 sq. km": an abbreviation's full stop inside the unit's name
            dot = int(len(rwords) > 2 and rwords[1] == "." and right[1].start == right[0].end)
            words = [first, *rwords[1 + dot : 4 + dot]]  # a unit has at most four words
            longest = min(units.max_words, len(words), 4)
        for k in range(longest, 0, -1):
            info = units.words.get(" ".join(words[:k]) if k > 1 else first)  # one word: itself
            if info is None and k == 1 and right[0].text[:1].isalpha():
                info = units.symbols.get(_symbol_form(right[0].text))
            if info is not None:
                claim.unit, claim.dimension = info.symbol, info.dimension
                return k + dot if k > 1 else k
        if right[0].text == "K" and self._beside_temperature(num.start, right[0].end):
            claim.unit, claim.dimension = "K", "temperature"  # "77 K (-196 °C)"
            return 1
        if self._letter_symbol(right):
            info = units.attached[right[0].text]
            claim.unit, claim.dimension = info.symbol, info.dimension
            return 1
        slashed = self._slashed_symbols(right[0].text)
        if slashed is not None:
            claim.unit, claim.dimension = slashed, "other"
            return 1
        return self._counted_after(claim, right, rwords, num, hyphen)

    def _slashed_symbols(self, word: str) -> str | None:
        """A unit written as one symbol over another, with no spaces: "5 mg/L", "20 W/m2",
        "1.2 A/cm2" (a rate or a concentration; symbols the table knows as one, "km/h", are
        read before). Either side may be a symbol too bare to read alone ("W", "L", "A")."""
        top, slash, bottom = _symbol_form(word).partition("/")
        if not slash or not top or not bottom or "/" in bottom:
            return None
        units = self.units
        upper = units.symbols.get(top) or units.attached.get(top) or units.slashed.get(top)
        lower = units.symbols.get(bottom) or units.attached.get(bottom) or units.slashed.get(bottom)
        if upper is None or lower is None:
            return None
        return f"{upper.symbol}/{lower.symbol}"

    def _counted_after(
        self, claim: Draft, right: list[Token], rwords: list[str], num: NumberMatch, hyphen: bool
    ) -> int:
        """The counted noun after a figure (:meth:`_counted_noun`), past a word hyphened to
        the figure that makes it a head count ("a 4,000-strong garrison": the garrison; "the
        crew is 40 strong": no noun), or the noun hyphened to it alone when another noun
        follows, which has the things counted ("a 12-member jury": members; the jury is what
        the figure measures)."""
        if rwords[0] in self.lex.head_count_words:
            if not hyphen:
                return 0
            k = self._counted_noun(claim, right[1:], rwords[1:], num)
            return k + 1 if k > 0 else k
        if (
            hyphen
            and len(right) > 1
            and right[0].text.islower()
            and self._opens_noun(right[0])
            and self._opens_noun(right[1])
            and not may_be_adjective(right[0].lower)  # "4,000-odd deaths": a hedge
        ):
            k = self._counted_noun(claim, right[:1], rwords[:1], num)
            if k > 0:
                claim.noun_tokens = []
                return k
        return self._counted_noun(claim, right, rwords, num)

    def _beside_temperature(self, start: int, end: int) -> bool:
        """The figure ``text[start:end]`` stands right beside a temperature on another scale,
        parted from it by a bracket, a slash or "or" (by a comma only inside brackets): the
        same reading given in two scales, so its "K" is kelvin ("900 °C (1,652 °F, 1173.15K)",
        "77K (-196 °C)"), not thousands ("a 10K run at 30C", "30C, 45K and more")."""
        text = self.text
        lo = max(0, start - 40)
        found = _TEMPERATURE_BEFORE.search(text, lo, start) or _TEMPERATURE_AFTER.match(
            text, end, end + 40
        )
        if found is None or found.group("list") is None:
            return found is not None
        opened, closed = text.rfind("(", lo, start), text.rfind(")", lo, start)
        return opened > closed

    def _letter_symbol(self, right: list[Token]) -> bool:
        """ "a 65 W charger", "a 12 V battery", "a 2 L engine": a capital letter that is a
        unit's symbol, set apart from the digits, is that unit when it qualifies a noun after
        it (a capital alone may be a grade, a compass point or a name's initial)."""
        if len(right) < 2:
            return False
        sign, noun = right[0], right[1]
        return (
            len(sign.text) == 1
            and sign.text.isupper()
            and sign.text in self.units.attached
            and noun.start == sign.end + 1
            and noun.text[:1].isalpha()
            and (noun.text.islower() or "-" in noun.text)
            and noun.lower not in self.lex.stopwords
        )

    def _clock_reading(self, num: NumberMatch) -> bool:
        """An hour of the clock ("2", "11") or hour and minutes ("9.30"), as before "pm"."""
        token = self.text[num.start : num.end]
        hour, _, minutes = token.partition(".")
        if not hour.isdigit() or int(hour) > 24:
            return False
        return not minutes or (len(minutes) == 2 and int(minutes) < 60)

    def _currency_after(
        self, claim: Draft, right: list[Token], rwords: list[str], hyphen: bool, num: NumberMatch
    ) -> int:
        """A currency after a bare amount: its name ("420 million finnish markka"), its code
        ("900 NOK", "30 MUSD") or a sub-unit ("50 cents"); how many tokens it takes (0: none).
        "Pounds" in a sentence about weight are pounds of mass."""
        lex = self.lex
        first = rwords[0]
        code, k = phrase_at(rwords, lex.currency_words, 3)
        if not k:
            code, k = self._named_currency(rwords)
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
            return 1  # "150 JPY"
        if (
            len(written) == 4
            and written[0] in "MK"
            and self._currency_code(written[1:])
            and claim.bound != "range"
        ):  # "30 MUSD", "120 MEUR": millions (thousands) of the currency, business style
            claim.value *= 1e6 if written[0] == "M" else 1e3
            claim.unit, claim.dimension = written[1:], "currency"
            return 1
        if self._currency_code(written):
            claim.unit, claim.dimension = written, "currency"
            return 1  # "6.25 BTC", "900 NOK": a currency's code
        sub = lex.currency_subunits.get(first)
        if sub and (right[0].text != "P" or right[0].start == num.end):
            claim.unit, claim.dimension = sub, "currency"
            return 1
        return 0

    def _currency_code(self, word: str) -> bool:
        """A currency's code as written ("NOK", "BTC"): three capitals the CLDR table or
        the lexicon give to a currency."""
        if len(word) != 3 or not word.isupper():
            return False
        return word in self.units.currency_codes or word in self.lex.currency_words.values()

    def _named_currency(self, rwords: list[str]) -> tuple[str, int]:
        """A currency named in full after the number ("420 million finnish markka",
        "10 us dollar"): its code and how many words the name takes."""
        names = self.units.currencies
        if not rwords or rwords[0] not in self.units.currency_first_words:
            return "", 0
        for k in range(min(4, len(rwords)), 0, -1):
            code = names.get(" ".join(rwords[:k]))
            if code is not None:
                return code, k
        return "", 0

    def _hyphenated_unit(self, claim: Draft, word: str) -> bool:
        """A unit joined to the word after it: "27.5 percent-owned", "80,000 barrel-a-day"."""
        head, _, tail = word.partition("-")
        label = self.lex.measure_nouns.get((head,))
        if label is not None and label != "magnitude":
            claim.unit, claim.dimension = label, "ratio"
            return True
        info = self.units.words.get(head)
        parts = tail.split("-")
        period, k = phrase_at(parts, self.lex.periods, 2)
        if info is None or not k or k != len(parts):
            return False
        claim.unit, claim.dimension, claim.per = info.symbol, info.dimension, period
        return True

    def _counted_noun(
        self, claim: Draft, right: list[Token], rwords: list[str], num: NumberMatch
    ) -> int:
        lex = self.lex
        i = 0
        vague_of = num.kind == "vague" and rwords[:1] == ["of"]
        if vague_of:
            i = 1
        i += self._hedge_before_noun(claim, right[i:], rwords[i:])
        if i < len(rwords) and rwords[i] in lex.changes_after and i + 1 < len(rwords):
            nxt = rwords[i + 1]
            # a comparative ("23,000 fewer prisoners") or a noun ("2,000 extra beds"); a verb's
            # plain form is the count's own verb ("86 fall ill", "40 drop out")
            word = rwords[i]
            if nxt.isalpha() and nxt not in lex.stopwords:
                if word not in lex.change_after_figure and may_be_verb(word):
                    return 0 if num.kind != "words" else -1
                claim.change = lex.changes_after[word]
                i += 1
        run: list[Token] = []
        j = i
        while j < len(right) and len(run) < 3:
            if self._joins_adjectives(run, right, j) or self._joins_names(run, right, j):
                run.append(right[j + 1])  # "4 million digital and print-only readers"
                j += 2
                continue
            tok = right[j]
            low = tok.lower
            if not tok.text[:1].isalpha() or low in lex.stopwords or low in lex.noun_phrase_stops:
                break
            if run and (low.endswith("ed") or low.endswith("ing")) and len(low) > 4:
                break
            if tok.text[:1].isupper() and not run and j > 0:
                if not (vague_of and j == 1 and self._titled_or_modifier(tok, right[j + 1 :])):
                    break  # "millions of Americans" is read, "5 Pro" is not
            if (
                never_a_noun(low)
                and (run or not low.endswith(("ed", "ing")))
                and not self._plural_subject(right, j)
            ):
                qualifies = low.endswith("ly") or (j > i and right[j - 1].lower.endswith("ly"))
                if run or j + 1 >= len(right) or not qualifies:
                    break  # "three struck", "two took place": the verb after the figure
                j += 1  # "12 internally displaced families": adverb and participle qualify
                continue
            run.append(tok)
            j += 1
        one = num.value == 1 and self._scale_after(num)[0] == 1.0  # "1 million" is plural
        if len(run) > 1:
            cut = self._noun_end(run, one)
            j -= len(run) - cut
            run = run[:cut]
        if not run:
            # "more than thirty", "five hundred or more": a hedge makes a bare number a figure
            bare = num.kind == "words" and not self._scaled_words(num)
            return -1 if bare and not self._bare_word_stands(claim, rwords) else 0
        head = run[-1].lower
        if head in lex.not_counted or not head.replace("-", "").replace("'", "").isalpha():
            return 0 if num.kind != "words" else -1
        participle = head.endswith("ing") or (head.endswith("ed") and past_participle(head))
        if participle and len(run) == 1 and head not in ("offspring", "building"):
            return 0 if num.kind != "words" else -1
        if len(run) == 1 and j < len(right) and right[j].lower == "by" and past_participle(head):
            return 0 if num.kind != "words" else -1  # "the 42 given by the agency": a passive
        info = self.units.words.get(head) if len(run) > 1 else None
        if info is not None and (head,) not in lex.currency_words:
            # "517 rushing yards", "ten working days": a unit qualified by the words before it
            claim.unit, claim.dimension, claim.noun_tokens = info.symbol, info.dimension, run
            return j
        claim.unit = head if one and claim.bound != "range" else singular(head)
        if run[-1].text.istitle():
            claim.unit = claim.unit.capitalize()  # "250,000 Libyans": a people, as written
        elif _ACRONYM_PLURAL.fullmatch(run[-1].text):
            claim.unit = run[-1].text[:-1]  # "326 MPs", "40 NGOs": the acronym as written
        if len(run) > 1 and all(self._noun_modifier(t) for t in run[:-1]):
            # a noun-noun compound counts one kind of thing: "300 kidney transplants"
            claim.unit = " ".join([*(t.lower for t in run[:-1]), claim.unit])
        claim.dimension = "count"
        claim.noun_tokens = run
        return j

    @staticmethod
    def _plural_subject(right: list[Token], j: int) -> bool:
        """ "Some 180 vets have been sent", "40 temps were hired": a word in -s after the
        figure, before an auxiliary of a plural subject, is a plural noun, though a lexicon
        knows it only as a verb ("vets" as in "she vets each claim")."""
        low = right[j].lower
        return (
            low.endswith("s")
            and not low.endswith("ss")
            and j + 1 < len(right)
            and right[j + 1].lower in _PLURAL_AUXILIARIES
        )

    def _titled_or_modifier(self, tok: Token, after: list[Token]) -> bool:
        """After "thousands of": a capitalised word ("Americans"), or an acronym or a code
        before a lower-case noun ("PCR tests", "HIV patients"), which it qualifies."""
        if not tok.text.isupper():
            return True
        nxt = after[0] if after else None
        return (
            nxt is not None
            and nxt.text.isalpha()
            and nxt.text.islower()
            and nxt.lower not in self.lex.stopwords
            and nxt.lower not in self.lex.noun_phrase_stops
        )

    def _joins_adjectives(self, run: list[Token], right: list[Token], j: int) -> bool:
        """ "300 new and used cars", "40 domestic or international flights": "and" or "or"
        at ``right[j]`` joins two adjectives before the noun counted, which follows them."""
        if not run or right[j].lower not in ("and", "or") or j + 2 >= len(right):
            return False
        words = [*run, right[j + 1], right[j + 2]]
        plain = all(
            t.text.replace("-", "").isalpha()
            and t.text.islower()
            and t.lower not in self.lex.stopwords
            and t.lower not in self.lex.noun_phrase_stops
            for t in words
        )
        return plain and all(may_be_adjective(t.lower) for t in words[:-1])

    def _joins_names(self, run: list[Token], right: list[Token], j: int) -> bool:
        """ "dozens of Ford and Honda cars", "40 BBC or ITV viewers": "and" or "or" at
        ``right[j]`` joins two names before a lower-case noun, the thing counted."""
        if len(run) != 1 or right[j].lower not in ("and", "or") or j + 2 >= len(right):
            return False
        first, second, noun = run[0], right[j + 1], right[j + 2]
        return (
            first.text[:1].isupper()
            and second.text[:1].isupper()
            and not first.lower.endswith("s")  # "12 Germans and Italians": names counted
            and not second.lower.endswith("s")
            and second.text.isalpha()
            and noun.text.isalpha()
            and noun.text.islower()
            and noun.lower not in self.lex.stopwords
            and noun.lower not in self.lex.noun_phrase_stops
        )

    def _scaled_words(self, num: NumberMatch) -> bool:
        """A whole number in words with a scale of a thousand or more ("nine million", "two
        thousand"); not one mixed with parts ("a million and a half", "six million and two
        thirds"), whose reading is less sure without the noun it counts."""
        lex = self.lex
        words = re.split(r"[\s,-]+", self.text[num.start : num.end].lower())
        after = _WORD_AFTER.match(self.text, num.end)
        parts = [*words, after.group(1).lower() if after else ""]
        if any(w in lex.denominators for w in parts):
            return False
        return any(lex.scales.get(w, 0) >= 1000 for w in words)

    def _hedge_before_noun(self, claim: Draft, right: list[Token], rwords: list[str]) -> int:
        """A hedge between the figure and the noun it counts ("1,000 or more people", "300-odd
        deaths"): it bounds the figure; how many words it takes (0 when none)."""
        lex = self.lex
        label, k = phrase_at(rwords, lex.qualifiers_after, lex.max_after)
        if not k or rwords[0] == "plus" or k >= len(rwords):
            return 0
        noun = right[k]
        if not noun.text[:1].isalpha() or noun.lower in lex.stopwords or noun.lower == "than":
            return 0
        if claim.qualifier is None:  # "some 40 or so boats": the first hedge stands
            claim.bound, claim.qualifier = label, " ".join(t.text for t in right[:k])
        return k

    def _bare_word_stands(self, claim: Draft, rwords: list[str]) -> bool:
        """A number word with no noun is a figure when a hedge bounds it ("more than thirty")
        or a verb of change or level reaches it (:meth:`_reaches_level`)."""
        return self._hedged(claim, rwords) or self._reaches_level(claim)

    def _reaches_level(self, claim: Draft) -> bool:
        """A verb of change moves a measure to the figure ("the toll rose to seven", "fell to
        four") or a verb of level sets it there ("stood at six", "deaths reach nine",
        ``level_verbs``): a figure even as a bare number word; not "one", as often a
        pronoun's ("cut to one")."""
        if claim.value < 2:
            return False
        if claim.change is not None:
            return True
        lex, left = self.lex, [t.lower for t in (claim.left or [])[-2:]]
        return bool(left) and (
            left[-1] in lex.level_verbs
            or (len(left) == 2 and left[1] == "at" and left[0] in lex.level_verbs_at)
        )

    def _hedged(self, claim: Draft, rwords: list[str]) -> bool:
        """A hedge bounds the figure: before it ("more than") or right after ("or more")."""
        if claim.qualifier is not None and claim.bound in ("lower", "upper"):
            return True
        _, k = phrase_at(rwords, self.lex.qualifiers_after, self.lex.max_after)
        return bool(k) and rwords[0] != "plus"

    def _opens_noun(self, tok: Token) -> bool:
        """A word that opens the noun a hyphened figure qualifies: a noun ("a 300-bed
        hospital"), or a name's first word ("the 150-seat National Assembly"); not a word
        that may be an adjective, only a verb, or a function word."""
        low = tok.lower
        if not tok.text.isalpha() or low in self.lex.stopwords:
            return False
        if tok.text[:1].isupper():
            return True
        return self._noun_modifier(tok) or not (may_be_adjective(low) or only_a_verb(low))

    def _noun_modifier(self, tok: Token) -> bool:
        """A lower-case noun before the counted noun ("kidney" of "kidney transplants"), not an
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
        """Where a counted noun ends: "12 part-time workers quit" -> 2 words, not 3."""
        plural = [
            t.lower in IRREGULAR_PLURALS
            or (t.lower.endswith("s") and not t.lower.endswith(("ss", "us", "is")))
            for t in run
        ]
        if single:
            # "one motion urges": a singular noun, then a verb in -s
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
        first = words[skip] if skip < len(words) else ""
        if first != "/" and first not in _PERIOD_LINKS and first not in lex.periods.firsts:
            # the cheap test first: no period (nor a slash) here, nor a word it may follow
            return self._period_after_verb(rest[skip:], words[skip:])
        for offset in (skip, skip + 1, skip + 2, skip + 3):
            if offset > skip and (offset > len(words) or first not in _PERIOD_LINKS):
                break
            if offset > skip and any(w in ",;.()" for w in words[skip:offset]):
                break
            tail = words[offset : offset + 4]  # a slash, two words, a blocker
            if tail[:1] == ["/"]:
                tail = tail[1:]
                label = next(
                    (p for p in ("hour", "day", "week", "month", "year") if tail[:1] == [p]), ""
                )
                if label:
                    return label
            label, k = phrase_at(tail, lex.periods, 3)
            if k:
                if tail[k : k + 1] and tail[k] in lex.period_blockers:
                    return None
                return label
        return self._period_after_verb(rest[skip:], words[skip:])

    def _period_after_verb(self, rest: list[Token], words: list[str]) -> str | None:
        """ "hundreds of people die each month", "300 arrive daily": a period after the verb
        the counted figure is subject of ("each"/"every"/"per" or an adverb, not "a month",
        which after a verb is a span: "spent a day"), or after the verb and its object ("48,000
        cars cross the bridge every day", "used it each day"), its auxiliaries and adverbs
        passed over ("40 are injured daily", "have been displaced every week")."""
        links = 0
        while links < 3 and links < len(words) - 1 and words[links] in self.lex.state_links:
            links += 1
        rest, words = rest[links:], words[links:]
        if len(words) < 2 or not rest[0].text.isalpha() or not rest[0].text.islower():
            return None
        if words[0] in self.lex.stopwords:
            return None
        for at in _OBJECT_SKIPS.get(words[1], (1,)):
            if words[at : at + 1] in (["a"], ["an"]):
                continue
            label, k = phrase_at(words[at:], self.lex.periods, 2)
            if k and not (words[at + k : at + k + 1] and words[at + k] in self.lex.period_blockers):
                return label
        return None
