"""What a figure measures: the words around it that name the measured thing."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import takewhile

from .context import (
    _AUX,
    _CONJUNCTIONS,
    TextTokens,
    Token,
    _function_word,
    _verb_form,
    name_number,
)
from .draft import Draft
from .inflection import only_a_verb, past_participle
from .left_phrase import LeftPhrase, read_left
from .lexicon import Lexicon, phrase_at
from .segment import Sentence

__all__ = ["PhraseReader"]

_LAST_WORD = re.compile(r"[A-Za-z]+$")
_PREPOSITIONS_AFTER = frozenset(["of", "in", "on", "for", "to"])
#: Short names made of digits and capitals ("5G", "4K", "3D", "V10", "A2").
#: What stands between an item's name and its figure: "Peru (210,800)", "Peru: 210,800",
#: "Peru – 210,800".
_ITEM_MARKS = frozenset(["(", ":", "–", "—"])
#: How many list lines before an item are passed over to find the heading naming the measure.
_LIST_LINES = 40
#: Words before a figure counting part of a set named earlier ("with 35 closed").
_PART_WORDS = frozenset(["including", "with", "among"])
#: Words that end the state of a part ("35 of them closed, while ...").
_STATE_ENDS = frozenset(["and", "with", "while", "but", "as", "after", "because"])
#: Words after which a list's lead-in names what is counted ("the most", "the number of").
_QUANTITY_MARKS = frozenset(["most", "of", "than"])
_TECH_NAME = re.compile(r"(?=\w*\d)(?=\w*[A-Z])[0-9A-Z]{2,3}")
#: Nouns that name a count of what follows their "of" ("the number of visitors").
_COUNT_NOUNS = frozenset(["number", "total", "count", "tally"])
#: Words after "<count> of" that make the count a part of the things named after them.
_PART_DETERMINERS = frozenset("the its their his her our my your".split())


def _name_start(left: list[Token], k: int) -> int:
    """Where the name ending right before ``left[k]`` starts (``k`` when there is none)."""
    n = k
    while n > 0 and (left[n - 1].text[:1].isupper() or (n < k and left[n - 1].lower == "the")):
        n -= 1
    return n


def list_item(left: list[Token], rest: list[Token]) -> int | None:
    """Where a list whose item the figure is starts, as an index of ``left``, or None.

    An item is a name with its figure in brackets ("Chile (4,100)", "the Netherlands
    (2,950 people)") or after a colon or a dash ("Chile: 4,100", "Chile – 4,100");
    items are joined by commas and "and". The list starts at the first item's name; the words before it name the measure.
    """
    if len(left) < 2 or left[-1].text not in _ITEM_MARKS:
        return None
    if left[-1].text == "(" and ")" not in [t.text for t in rest[:4]]:
        return None
    start = _name_start(left, len(left) - 1)
    if start == len(left) - 1 or (start > 0 and left[start - 1].text[:1].isdigit()):
        return None  # "450 Nm (332 lb-ft)": a unit restated, not a name
    while start > 2 and left[start - 1].lower in (",", "and"):
        mark = next(
            (j for j in range(start - 2, max(start - 10, -1), -1) if left[j].text in _ITEM_MARKS),
            None,
        )
        if mark is None or not any(t.text[:1].isdigit() for t in left[mark + 1 : start - 1]):
            break
        earlier = _name_start(left, mark)
        if earlier == mark:
            break
        start = earlier
    return start


def _past_restatement(rest: list[Token], words: list[str]) -> tuple[list[Token], list[str]]:
    """ "5 miles (8 kilometres) of new cables": the words after a restatement in brackets."""
    close = next((k for k, t in enumerate(rest) if t.text == ")"), None)
    if close is not None and close < 12:
        return rest[close + 1 :], words[close + 1 :]
    return rest, words


def _quantity_mark(tok: Token) -> bool:
    """A word or figure after which a list's lead-in names what is counted."""
    return tok.lower in _QUANTITY_MARKS or (tok.text[:1].isdigit() and tok.text[-1:].isdigit())


def _list_line(toks: list[Token]) -> bool:
    """A line that is itself a list item: a name, a colon or dash, a figure ("Leeds: 2,900")."""
    return (
        any(
            t.text in _ITEM_MARKS and toks[k + 1].text[:1].isdigit()
            for k, t in enumerate(toks[:-1])
        )
        and len(toks) <= 12
    )


class PhraseReader:
    """Reads the concept of a figure: the document reader builds on this."""

    text: str
    tokens: TextTokens  # the text's, read by this extraction call alone
    lex: Lexicon
    sents: list[Sentence]
    sent_starts: list[int]
    earlier: list[Draft]  # the document's figures read so far, in order

    def _concept(
        self, claim: Draft, rest: list[Token], words: list[str], hyphen: bool
    ) -> str | None:
        """What the figure measures; an item of a list ("Spain (164,700)") also takes the
        measure its lead-in names ("the most asylum seekers went to ...")."""
        own = self._own_concept(claim, rest, words, hyphen)
        left = claim.left or []
        part = self._part_of(left, rest, words, own) or self._gapped(left, claim, own)
        part = part or self._set_named_before(claim, left, words, own)
        if part:
            return part
        item = list_item(left, rest)
        if item is None:
            return own
        if left[0].start > claim.sentence.start:  # the window may cut the list or its lead-in
            left = self.tokens.window(claim.sentence.start, claim.start)
            item = list_item(left, rest)
            if item is None:
                return own
        lead = self._measure_before(claim.sentence.start, left[:item])
        if not lead:
            lead = self._measure_said_before(claim.sentence.start)
        if not lead:
            return own
        return lead if own is None else f"{own}, {lead}"

    def _part_of(
        self, left: list[Token], rest: list[Token], words: list[str], own: str | None
    ) -> str | None:
        """A part of a set counted before it: "400 schools, 35 of them closed", "90 cases,
        with 12 judged serious" give the set's noun and the part's state ("schools closed",
        "cases judged serious")."""
        of_them = words[:2] in (["of", "them"], ["of", "those"])
        if not of_them and not (left and left[-1].lower in _PART_WORDS):
            return None
        # a participle after the figure ("12 judged unsafe") states the part, not a noun
        if not of_them and not (own is None or own.split()[0].lower().endswith("ed")):
            return None
        digits = [k for k, t in enumerate(left) if t.text[:1].isdigit()]
        if not digits:
            return None
        whole = self._content_run(left[digits[-1] + 1 :], 3)
        if not whole:
            return None
        state: list[str] = []
        for tok in rest[2 if of_them else 0 :][:4]:
            if not tok.text.isalpha() or tok.lower in _STATE_ENDS:
                break
            state.append(tok.text)
        return " ".join(whole + state)

    def _set_named_before(
        self, claim: Draft, left: list[Token], words: list[str], own: str | None
    ) -> str | None:
        """ "... saw 3,900 floods last year. Of these, 230 struck in May" (or "230 of these
        struck in May"): a part of the set the sentence before counts takes the noun its last
        figure counts."""
        if own is not None:
            return None
        sets = ("these", "them", "those")
        opening = [t.lower for t in left[:3]]
        leading = (
            len(left) == 3
            and opening[0] == "of"
            and opening[2] == ","
            and opening[1] in sets
            and left[0].start == claim.sentence.start
        )
        after = words[:1] == ["of"] and words[1:2] in (["these"], ["them"], ["those"])
        if not (leading or after):
            return None
        if after and any(t.text[:1].isdigit() for t in left):
            return None  # "400 schools, 35 of them closed": the set is this sentence's
        k = bisect_left(self.sent_starts, claim.sentence.start)
        if k == 0:
            return None
        before = self.sents[k - 1]
        toks = self.tokens.window(before.start, min(before.end, before.start + 400))
        for d in reversed([j for j, t in enumerate(toks) if t.text[:1].isdigit()]):
            j = d + 1  # the last figure with a noun after it ("in 2021." has none)
            while j < len(toks) and toks[j].lower in self.lex.scales:
                j += 1
            run = self._content_run(toks[j:], 3)
            while len(run) > 1 and _verb_form(run[-1].lower(), self.lex):
                run.pop()  # "410 hikers set out": the noun, not its verb
            if run and run[0].islower():
                return " ".join(run)
        return None

    def _gapped(self, left: list[Token], claim: Draft, own: str | None) -> str | None:
        """The noun a bare figure joined to an earlier one leaves out: "17 million crossings
        into the country and 9.2 million out of it", "6 cases in May, as well as 4 in June"."""
        if own is not None or claim.unit is not None:
            return None  # "$2 million" has its own unit
        tail = [t.lower for t in left[-3:]]
        joined = tail[-1:] == ["and"] or tail == ["as", "well", "as"]
        if not joined:
            return None
        for d in reversed([k for k, t in enumerate(left[:-1]) if t.text[:1].isdigit()]):
            j = d + 1
            while j < len(left) and left[j].lower in self.lex.scales:
                j += 1
            if j < len(left) and left[j].text.isalpha() and left[j].text.islower():
                run = self._content_run(left[j:], 2)
                if run and left[j].lower not in self.lex.stopwords:
                    return " ".join(run)
        return None

    def _measure_said_before(self, sent_start: int) -> str | None:
        """The measure of a list whose lead-in names none ("This is followed by ...", a
        list under a heading): the one the sentence before names, after its first quantity
        word ("... took in the most students: 900 ...") or right at its end ("Students by
        town:")."""
        k = bisect_left(self.sent_starts, sent_start)
        for before in reversed(self.sents[max(0, k - _LIST_LINES) : k]):
            toks = self.tokens.window(before.start, min(before.end, before.start + 300))
            while toks and not toks[-1].text[:1].isalnum():
                toks = toks[:-1]
            if not _list_line(toks):  # the items before, "Leeds: 2,900", name no measure
                return self._measure_in(before.start, toks)
        return None

    def _measure_in(self, start: int, toks: list[Token]) -> str | None:
        """The measure a sentence names for a list after it (see :meth:`_measure_said_before`)."""
        for j, tok in enumerate(toks):
            if _quantity_mark(tok):
                run = self._content_run(toks[j + 1 :], 4)
                if run and not self._names_a_time(run[0]):
                    return " ".join(run)
        if not toks:
            return None
        return read_left(self.tokens, start, toks[-1].end + 1, toks=toks).words

    def _measure_before(self, sent_start: int, lead_in: list[Token]) -> str | None:
        """The measure a list's lead-in names: the noun after its last quantity word ("the
        most", "the number of", "more than 5,000"), else the phrase right before the list."""
        marks = [k for k, t in enumerate(lead_in) if _quantity_mark(t)]
        for k in reversed(marks):
            run = self._content_run(lead_in[k + 1 :], 4)
            if run and not self._names_a_time(run[0]):  # not "as of October"
                return " ".join(run)
        end = lead_in[-1].end if lead_in else sent_start
        return read_left(self.tokens, sent_start, end + 1, toks=lead_in).words

    def _own_concept(
        self, claim: Draft, rest: list[Token], words: list[str], hyphen: bool
    ) -> str | None:
        """What the figure itself names, by the first of these steps that finds it: none for
        a span of time; the noun an amount after an article qualifies; the counted noun; the
        noun a unit or an amount modifies; the phrase after a preposition; else the phrase
        before the figure, or the noun of its verb ("spends $3m": spending)."""
        if rest and rest[0].text == "(":
            rest, words = _past_restatement(rest, words)
        if self._names_a_span(claim):
            return None  # "over the past two years": when, not what is measured
        found = self._noun_after_article(claim, rest, words)
        if found:
            return found
        found = self._state_of_count(claim, rest)
        if found:
            return found
        if claim.noun_tokens:
            return self._counted_concept(claim, rest, words)
        found = self._modified_noun(claim, rest, hyphen or self._unit_modifies(claim, rest, words))
        found = found or self._after_preposition(claim, rest, words)
        found = found or self._part_of_named(claim, rest, words)
        if found:
            return found
        left = self._left(claim)
        if left.nominal:
            return left.nominal  # "the charity spends $3m": what is measured is its spending
        if left.pronoun:
            counted = self._count_before_pronoun(claim.left or [])
            if counted:
                return counted  # "the number of people it treated rose to 38": no look back
            claim.antecedent = self._antecedent(claim)
            return claim.antecedent.concept if claim.antecedent else None
        counted = self._count_heading_verb(claim.left or [], left.words)
        if counted:
            return counted
        claim.subject_at = left.subject_at
        return left.words

    def _antecedent(self, claim: Draft) -> Draft | None:
        """The figure whose thing "it" or "they", the subject of the figure's verb, stands
        for: the last figure before it with a concept, in its sentence or the one before
        ("The kettle costs $90, and it can boil 1.7 litres": the kettle)."""
        k = bisect_left(self.sent_starts, claim.sentence.start)
        floor = self.sents[k - 1].start if k > 0 else claim.sentence.start
        for before in reversed(self.earlier):
            if before.start < floor:
                break
            if before.concept:
                return before
        return None

    def _state_of_count(self, claim: Draft, rest: list[Token]) -> str | None:
        """What a count of people states after it: "2,300 people have died", "killed 40
        people" and "are dead" count deaths; "10,000 are believed missing", "300 people were
        injured" the noun (if any) and its state ("people injured")."""
        lex = self.lex
        if claim.unit is not None and not claim.noun_tokens:
            return None  # "$5m", "40%": not a count of people
        before = claim.left or []
        if claim.noun_tokens and before and before[-1].lower in lex.death_states:
            return "deaths"  # "the floods killed 3,000 people"
        k = 0
        while k < min(len(rest), 5) and rest[k].lower in lex.state_links:
            k += 1
        if k == len(rest) or not rest[k].text.islower():
            return None
        state = rest[k].lower
        if state in lex.death_states and (k or claim.noun_tokens):
            return "deaths"
        if state not in lex.person_states or not (k or claim.noun_tokens):
            return None  # "10,000 missing" alone may be a heading's label
        return " ".join([*(t.text for t in claim.noun_tokens), state])

    def _count_heading_verb(self, left: list[Token], words: str | None) -> str | None:
        """ "the number of guests who came (or wrote in) from abroad has reached 9,000": a
        count of something heads the figure's verb across the words that qualify it; the
        concept is the count and what it counts ("number guests"), not the words nearest the
        figure. None when the phrase before names the count already or another figure, a
        clause of its own, a sentence's end or a dash stands between."""
        for k in range(len(left) - 2, 0, -1):
            tok = left[k]
            if tok.text in ";:!?—–" or tok.lower in _CONJUNCTIONS or tok.text[:1].isdigit():
                return None
            if tok.lower not in _COUNT_NOUNS or left[k + 1].lower != "of":
                continue
            if words and tok.text in words.split():
                return None
            run = self._content_run(left[k + 2 :], 3)
            verb = any(self._verb_word(t) or self._change_verb(t) for t in left[k + 2 :])
            return " ".join([tok.text, *run]) if run and verb else None
        return None

    def _count_before_pronoun(self, left: list[Token]) -> str | None:
        """ "the number of people it had treated had risen to 38", "the total of claims they
        received reached 950": "it" or "they" right after "<count> of <noun phrase>" opens a
        clause that qualifies the noun phrase (as "that it had treated" would); the subject
        of the figure's verb is the count, not a thing named before. The count and what it
        counts, with the clause's verb ("number people treated"); None unless the pronoun
        follows such a phrase."""
        at = next((k for k in range(len(left) - 1, 1, -1) if left[k].lower in ("it", "they")), None)
        if at is None:
            return None
        k = at - 1
        while k > 1 and left[k].text[:1].isalpha() and not self._verb_word(left[k]):
            if left[k].lower == "of" and left[k - 1].lower in _COUNT_NOUNS:
                run = self._content_run(left[k + 1 : at], 3)
                if not run:
                    return None
                j = at + 1
                while j < len(left) and left[j].lower in _AUX:
                    j += 1  # "it had treated": the clause's own verb says which are counted
                if j < len(left) and self._verb_word(left[j]):
                    run.append(left[j].text)
                return " ".join([left[k - 1].text, *run])
            k -= 1
        return None

    def _verb_word(self, tok: Token) -> bool:
        """An auxiliary or a lower-case verb form: where a clause's verb group stands."""
        return tok.lower in _AUX or (tok.text.islower() and _verb_form(tok.lower, self.lex))

    def _change_verb(self, tok: Token) -> bool:
        """A change verb in lower case ("rose", "fell", "grew"): a figure's verb."""
        return tok.text.islower() and (tok.lower,) in self.lex.changes

    def _names_a_span(self, claim: Draft) -> bool:
        """ "over the past two years": a duration after a preposition, "the" and an adjective
        of time names when, not what is measured."""
        before = claim.left or []
        return (
            claim.dimension == "duration"
            and len(before) >= 3
            and before[-3].lower in ("over", "in", "during", "for", "within")
            and before[-2].lower == "the"
            and before[-1].lower in self.lex.span_adjectives
        )

    def _noun_after_article(self, claim: Draft, rest: list[Token], words: list[str]) -> str | None:
        """ "a 4% pay rise", "a $1200 a month lease": after an article, an amount of money or
        a share (with its rate) qualifies the noun after it; an adjective between the
        article and the amount is the noun's too ("a steep 4 percent fall")."""
        lex = self.lex
        before = claim.left or []
        adjective = (
            before[-1].text
            if len(before) > 1
            and before[-2].lower in ("a", "an")
            and self._noun_modified(before[-1], hyphens=True)
            and (before[-1].lower,) not in lex.qualifiers_before
            else None
        )
        article = bool(before) and (before[-1].lower in lex.determiners or adjective is not None)
        if not (article and claim.dimension in ("currency", "ratio") and rest):
            return None
        skip = phrase_at(words, lex.periods, 2)[1] if claim.per else 0
        head = rest[skip] if skip < len(rest) else None
        if head is None or not (head.text.isalpha() and head.text.islower()):
            return None
        if head.lower in lex.stopwords or head.lower in lex.noun_phrase_stops:
            return None
        if head.lower.endswith("ed") or (only_a_verb(head.lower) and past_participle(head.lower)):
            return None  # "the 5% owned by the state", "the 5% sold": a participle, no noun
        run = self._qualified_noun(rest[skip:])
        return " ".join(([adjective] if adjective else []) + run) if run else None

    def _counted_concept(self, claim: Draft, rest: list[Token], words: list[str]) -> str:
        """The counted noun, with the phrase of "of" or of a participle after it, and after a
        comma what it is counted for: the phrase before ("the clinic has performed")."""
        parts = [t.text for t in claim.noun_tokens]
        if words[:1] == ["of"] and len(words) > 1:
            more = self._content_run(rest[1:], 3)
            if more:
                parts += ["of", *more]
        elif words[:1] and self._participle(words[0]):
            more = self._content_run(rest[1:], 3)
            parts += [rest[0].text, *more]
        owner = self._left(claim)
        claim.subject_at = owner.subject_at
        return " ".join(parts) + (f", {owner.words}" if owner.words else "")

    def _participle(self, word: str) -> bool:
        """A participle opening a phrase that says which of the counted things are meant:
        past ("200 homes damaged by the storm") or present ("3,000 pupils studying in
        Leeds"); not a noun in -ing ("12 bays parking") nor a function word ("including",
        "according")."""
        lex = self.lex
        if word in lex.stopwords or word in lex.ing_nouns:
            return False
        return word.endswith("ed") or (word.endswith("ing") and len(word) > 4)

    def _unit_modifies(self, claim: Draft, rest: list[Token], words: list[str]) -> bool:
        """ "a 12 kilometre hike", "a 30 W plug-in heater": a singular unit right before a
        noun makes the figure a modifier, as a hyphen would ("a 12-kilometre hike")."""
        lex = self.lex
        return (
            claim.value != 1
            and claim.dimension not in ("count", "currency", "ratio", "age")
            and bool(rest)
            and (rest[0].text.islower() or "-" in rest[0].text)
            and words[0] not in lex.stopwords
            and words[0] not in lex.concept_fillers  # not "90mph late Sunday"
            and words[0] not in lex.extent_words  # "47 feet deep": how far, not what
            and (unit_word := _LAST_WORD.search(self.text, claim.start, claim.end)) is not None
            and not unit_word.group().endswith("s")
        )

    def _modified_noun(self, claim: Draft, rest: list[Token], modifier: bool) -> str | None:
        """The noun a figure modifies: one with a unit used as a modifier ("a 3-mpg gain in
        its city mileage"), or an amount of money or a share right before a noun ("a $600
        espresso machine", "85 per cent loan-to-value loans", "5% tax on cars")."""
        if (modifier and claim.unit not in (None, "percent")) or (
            claim.dimension in ("currency", "ratio")
            and rest
            and rest[0].start <= claim.end + 1
            and self._noun_modified(rest[0], hyphens=True)
        ):
            run = self._qualified_noun(rest)
            if run:
                return " ".join(run)
        return None

    def _part_of_named(self, claim: Draft, rest: list[Token], words: list[str]) -> str | None:
        """ "recalled 31,000 of its hatchbacks", "two of the victims": a bare count before
        "of" and an article or a possessive counts the noun after them ("of these" looks
        back to the sentence before, :meth:`_set_named_before`)."""
        if not (
            claim.dimension == "count"
            and claim.unit is None
            and words[:1] == ["of"]
            and len(words) > 2
            and words[1] in _PART_DETERMINERS
        ):
            return None
        run = self._content_run(rest[2:], 3)
        return " ".join(run) if run else None

    def _after_preposition(self, claim: Draft, rest: list[Token], words: list[str]) -> str | None:
        """ "$4 million in savings", "12% of the vote": the phrase after a
        preposition names what a share, an amount or a time is of, unless the phrase before
        names it ("was up 12 per cent for the year"); not a date ("rose 4% on Monday")."""
        dimension = claim.dimension
        if not (
            words[:1]
            and words[0] in _PREPOSITIONS_AFTER
            and (
                dimension in ("ratio", "currency", "duration")
                or (words[0] == "of" and dimension != "count")
            )
        ):
            return None
        money_in = (
            dimension == "currency"
            and words[0] == "in"
            and len(rest) > 1
            and self._noun_modified(rest[1])
        )
        if words[0] != "of" and dimension != "duration" and not money_in:
            left = self._left(claim)
            if left.words:
                claim.subject_at = left.subject_at
                return left.words
        run = self._content_run(rest[1:], 4)
        if run and not self._names_a_time(run[0]):
            return " ".join(run)
        return None

    def _left(self, claim: Draft) -> LeftPhrase:
        """The phrase before the figure (:func:`~extract.left_phrase.read_left`)."""
        return read_left(self.tokens, claim.sentence.start, claim.start, toks=claim.left)

    def _purpose(self, rest: list[Token], words: list[str], concept: str | None) -> str | None:
        """What a figure is for, right after it or the noun it qualifies: "a 2-4kW pump for
        floor heating", "41 mpg in 2022 for compact cars"; not a time ("for the year")."""
        k = 2 if words[:1] == ["in"] and len(rest) > 1 and rest[1].text.isdigit() else 0
        if "for" not in words[k : max(k, 4) + 1]:
            return None  # the words of the concept passed over below reach no "for"
        own = set((concept or "").lower().split())
        while k < min(len(words), 4) and words[k] in own:
            k += 1  # "pump" of "a 2-4kW pump for ...": the concept itself
        if words[k : k + 1] != ["for"]:
            return None
        run = self._content_run(rest[k + 1 :], 4)
        if not run or self._names_a_time(run[0]):
            return None
        return " ".join(run)

    def _qualified_noun(self, toks: list[Token], *, places: bool = False) -> list[str]:
        """The noun an amount qualifies, with the phrase it takes right after it: "a 15% levy
        on imported steel", "a 40 basis point rise in its online profit margins",
        "a $90,000 deal with Northwind Press" (not a time, "in January", nor unless
        ``places`` a place, "in Norway": "a 9,000 year-old canoe found in Lough Neagh")."""
        run = self._content_run(toks, 3)
        if not run:
            return run
        k = next((n for n, t in enumerate(toks) if t.text == run[-1]), None)
        if k is None or k + 1 >= len(toks) or toks[k + 1].lower not in ("on", "in", "with", "from"):
            return run
        more = self._content_run(toks[k + 2 :], 3)
        if not more or self._names_a_time(more[0]):
            return run
        name = list(takewhile(lambda w: w[:1].isupper(), more))
        qualifying = len(more) == len(name) + 1 and more[-1].islower()  # "its city mileage"
        if name and not qualifying:
            if toks[k + 1].lower != "with" and not places:
                return run  # not a place ("in Norway"); "a deal with Acme" names the party
            more = list(takewhile(lambda w: w[:1].isupper() or w == "of", more))  # the name
        return [*run, toks[k + 1].text, *more]

    def _names_a_time(self, word: str) -> bool:
        """A word naming when, not what: a month, a weekday, "year", "quarter"."""
        low = word.lower()
        lex = self.lex
        return low in lex.months or low in lex.weekdays or low in lex.not_purposes

    def _noun_modified(self, tok: Token, *, hyphens: bool = False) -> bool:
        """A lower-case noun right after an amount, which the amount qualifies ("$5bn deal");
        with ``hyphens`` also a compound word ("a three-year $450,000 grant")."""
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
            and low not in lex.concept_fillers  # "to $1.20 soon"
            and not (low.endswith("ed") and len(low) > 4)
            and not (low.endswith("er") and low in lex.common_adjectives)  # "5% smaller"
        )

    def _content_run(self, toks: list[Token], limit: int) -> list[str]:
        lex = self.lex
        out: list[str] = []
        for k, tok in enumerate(toks):
            low = tok.lower
            if tok.text in ',.;:()!?"“”' or low in lex.noun_phrase_stops:
                break
            if _function_word(tok, lex):  # not "US" of "US crude", a name in capitals
                if out and low not in ("of", "the"):
                    break
                continue
            if _TECH_NAME.fullmatch(tok.text) or (
                bool(out)
                and toks[k - 1].text == out[-1]
                and name_number(toks, k, lex, after_plural=False)
            ):
                pass  # "5G data", "V12 engine", "the FTSE 250": a name, not a figure
            elif not tok.text[:1].isalpha() or (
                not tok.text.isalpha() and any(ch.isdigit() for ch in tok.text)
            ):
                break  # "RM14.20": another figure
            if (
                out
                and tok.text.islower()
                and (
                    (
                        len(low) > 4
                        and (
                            low.endswith("ed") or (low.endswith("ing") and low not in lex.ing_nouns)
                        )
                    )
                    or (only_a_verb(low) and not past_participle(low))  # "an earthquake shook"
                )
            ):
                break  # "new cables laid under", "workers living in": a clause follows
            out.append(tok.text)
            if len(out) >= limit:
                break
        return out
