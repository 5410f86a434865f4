"""The phrase before a figure: what it measures, read leftwards within its clause.

:func:`read_left` walks from a figure to the start of its clause, one token a step (the
steps are the methods of :class:`_LeftWalk`), over the verb group ("have grown from") to
the content words of the phrase before it ("the number of inmates in Welsh jails").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from .context import (
    _AUX,
    _CLAUSE_BREAKS,
    _CONJUNCTIONS,
    _DASHES,
    _IMPERSONAL,
    _LOCATIVE,
    _MODALS,
    _PASSIVE,
    _POSSESSIVE_PRONOUNS,
    _POSSESSIVE_S,
    _RELATIVE,
    _SPEECH,
    TextTokens,
    Token,
    _antecedent_noun,
    _function_word,
    _verb_form,
    _verb_like,
    name_number,
)
from .inflection import may_be_verb, only_a_verb, particle_verb, past_participle
from .lexicon import Lexicon, lexicon

__all__ = ["LeftPhrase", "read_left"]

#: Particles of a phrasal verb right before a figure ("lay off 1,200").
_PARTICLES = frozenset("off up out down back".split())
_OF_LIKE = frozenset("of in on for from with into".split())
_OF_OR_PLACE = _OF_LIKE | _LOCATIVE
#: Words opening the complement of a participle after a noun ("permits issued to nurses").
_PARTICIPLE_LINKS = _OF_OR_PLACE | frozenset("by to under".split())
_PREPOSITIONS = _PARTICIPLE_LINKS | frozenset(
    "about over than like through against beneath below above behind beside between among"
    " upon without past along via".split()
)
#: Words opening a clause of their own inside a sentence ("it is vital to see where the
#: $2bn goes", "we will know if the 40% holds"): the phrase before them is another clause's.
_SUBORDINATORS = frozenset("where when whether if unless".split())
#: What ends the phrase as a token's lower-case form: a clause break, a subordinator or a
#: mark of punctuation (a mark is one character, its own lower-case form); a speech verb
#: ends it too, in lower case (see ``_LeftWalk.step``).
_PHRASE_BREAKS = _CLAUSE_BREAKS | _SUBORDINATORS | frozenset(',.;:!?"“”')
#: Pronouns that stand for a thing as the subject of a figure's verb.
_SUBJECT_PRONOUNS = frozenset(["it", "they"])
#: A one-digit figure joined to a word by a hyphen, read as one word ("5-year", "3-day").
_COMPOUND_NUMBER = re.compile(r"\d-[a-z]+")


class LeftPhrase(NamedTuple):
    """The phrase :func:`read_left` finds before a figure."""

    words: str | None
    #: where the phrase starts when it is the subject of a verb between it and the figure
    #: ("the average rent ... was $2,400"), else None
    subject_at: int | None = None
    #: the noun of the verb right before the figure, if it has one ("spends" -> "spending")
    nominal: str | None = None
    #: the figure's clause has a pronoun for subject ("it can reach 90 km/h"): what the
    #: figure measures is what the pronoun stands for, not the words before it
    pronoun: bool = False


def read_left(
    tokens: TextTokens,
    sent_start: int,
    start: int,
    *,
    limit: int = 5,
    toks: list[Token] | None = None,
) -> LeftPhrase:
    """Content words before a figure, within its clause.

    Walks left over the verb group ("have grown from", "is") and gathers the content
    words of the phrase before it: "the number of inmates in Welsh jails fell by"
    gives "number inmates Welsh jails". Verbs ("reached", "can reach") end the
    phrase; a spending or earning verb gives its noun as well ("the club is spending" gives
    the nominal "spending"). ``toks`` are the tokens before ``start`` when the caller has
    them already. The steps of the walk are the methods of :class:`_LeftWalk`.
    """
    if toks is None:
        toks = tokens.window(max(sent_start, start - 200), start)
    walk = _LeftWalk(toks, lexicon(), limit, len(toks))
    while walk.i > 0:
        walk.i -= 1
        if walk.step():
            break
    return walk.phrase()


@functools.cache
def _never_verbs() -> frozenset[str]:
    """The stopwords that :meth:`_LeftWalk._verb` reads as no verb wherever they stand
    (built once): each way it has of finding a verb needs a word that is an auxiliary, a
    verb form, only ever a verb, a verb of attribution or of range, or one in -s (a verb
    after its subject), or else no stopword. A walk meets these words at almost every
    figure ("the", "of", "in"), so they are told apart at once."""
    lex = lexicon()
    return frozenset(
        w
        for w in lex.stopwords
        if w not in _AUX
        and not _verb_form(w, lex)
        and not (only_a_verb(w) and (w,) not in lex.changes)
        and w not in lex.attribution_verbs
        and not w.endswith("s")
        and w not in lex.range_verbs
    )


def _participle(low: str) -> bool:
    """Whether a lower-case word reads as a past participle: in -ed ("valued"), or one that
    lemminflect knows, irregular ones included ("set", "paid", "sold")."""
    return (low.endswith("ed") and len(low) > 4) or past_participle(low)


@dataclass(slots=True)
class _LeftWalk:
    """The walk of :func:`read_left` from a figure leftwards, one token ``toks[i]`` a step.

    Each step reads one token and says whether the phrase ends there; the rules it tries,
    in order, are the methods below, each named for what it recognises. Those about a
    word right before the words picked (``_qualifies_noun``, ``_noun_before_noun``,
    ``_opens_phrase``) are tried only there.
    """

    toks: list[Token]
    lex: Lexicon
    limit: int
    i: int  # the token being read
    picked: list[str] = field(default_factory=list)  # the phrase's words, last word first
    last: int = -1  # index of the last word picked
    crossed: bool = False  # passed a verb: an earlier figure no longer owns the words
    changed: bool = False  # passed a change verb ("fell") before any word was picked
    finite: bool = False  # passed "is", "was", "has" ... before any word was picked
    infinitive: bool = False  # passed "to <verb>"
    parallel: bool = False  # the phrase follows "<figure> and": a clause of its own
    relative: bool = False  # passed "..., which" back to the phrase it stands for
    verbs: list[str] = field(default_factory=list)  # verbs passed, the phrase when no other
    object_nominal: str | None = None  # "has cost the economy £5m": the verb's noun (cost)
    pronoun: bool = False  # the verb's subject is "it" or "they"

    def step(self) -> bool:
        """Read ``toks[i]``: True when the phrase ends there, False to read on leftwards."""
        tok = self.toks[self.i]
        low = tok.lower
        if tok.text in ".)" and (self._abbreviation_dot(tok) or self._past_short_form(tok)):
            return False
        if low in _PHRASE_BREAKS or (tok.text.islower() and low in _SPEECH):
            return self._at_clause_break(tok)
        adjacent = bool(self.picked) and self.last == self.i + 1  # right before a word picked
        if adjacent and (self._qualifies_noun(tok) or self._noun_before_noun(tok)):
            return self._pick()
        if low in _SUBJECT_PRONOUNS and self._subject_pronoun(tok):
            self.pronoun = True  # "... until you see it can reach 90 km/h": another clause
            return True
        if self.picked and (self.crossed or self.changed) and self._reduced_relative(self.i):
            return self._pick()  # the participle and its noun are the phrase's
        # the cheap test first: "the", "of", "in" ... are no verb (see _never_verbs)
        if low not in _never_verbs() and self._verb(tok):
            return self._at_verb(tok)
        if self.relative and self.picked and low in self.lex.stopwords:
            return True  # "ties with Renwick, which is": the antecedent is the nearest phrase
        if low == "and" and self._coordinated_verb():
            return False
        if adjacent and self._opens_phrase(tok):
            # "the October heating oil contract": the article opens the phrase; after
            # "... 4% and 5% and", the phrase opens a clause of its own
            i = self.i
            self.parallel = (
                low in ("and", "or") and i > 0 and not self.toks[i - 1].text[:1].isalpha()
            )
            if low in self.lex.determiners and not self.verbs:
                self._object_of_nominal_verb()
            if self._rate_of_figure_before(i):
                self.picked.pop()  # "$2.15 a share on revenue of": "share" is that figure's
            return True
        if not self.picked and tok.text.islower() and (low,) in self.lex.changes:
            if self.i + 1 < len(self.toks) and self.toks[self.i + 1].text[:1].isdigit():
                return False  # "shed 0.7% to close at 2,815": another figure's change verb
            self.changed = True  # "sales fell 5%": the phrase before heads the change verb
        # "the March wheat contract": a month right before a word picked names the thing
        if not (adjacent and (low in self.lex.months or low in self.lex.weekdays)):
            if self._passed_over(tok):
                return False
        if low[:1].isdigit():
            if _COMPOUND_NUMBER.fullmatch(low):
                return self._pick()  # "the 5-year bond yield": an adjective, not a figure
            if not self._compound(tok):
                return self._at_number(tok)
            if self.picked:
                if self.last == self.i + 2 and len(self.picked) > 1:
                    self.picked.pop()  # "the 1.5-litre engine": the unit is the adjective's
                self.last = self.i  # "the 10-year average": the article opens the phrase
            return False
        if (
            not (low.isalpha() or any(ch.isalpha() for ch in low))
            or low in self.lex.currency_prefixes
        ):
            return False
        self._pick()
        return len(self.picked) >= self.limit

    def phrase(self) -> LeftPhrase:
        """The phrase the walk picked, where it starts if it heads a verb, and the nominal."""
        nominal = self.lex.verb_nominals.get(self.verbs[0].lower()) if self.verbs else None
        nominal = self.object_nominal or nominal
        last, toks = self.last, self.toks
        if not self.picked or _names_a_source(toks, last):
            return LeftPhrase(None, None, nominal, self.pronoun)
        heads_verb = (
            (self.crossed or self.changed or self.parallel)
            and not self.infinitive
            and not self.relative
            and 0 <= last < len(toks)
            # "its sales fell 5%": the owner is named before, in the clause "its" looks back to
            and not (last > 0 and toks[last - 1].lower in _POSSESSIVE_PRONOUNS)
        )
        words = " ".join(reversed(self.picked))
        return LeftPhrase(words, toks[last].start if heads_verb else None, nominal)

    def _rate_of_figure_before(self, i: int) -> bool:
        """ "earnings of $2.15 a share on revenue of": "a" at ``toks[i]`` right after another
        figure, with a word picked after it, opens that figure's rate ("a share"), not the
        phrase of this one; the words picked after the rate's noun are this one's."""
        toks = self.toks
        return (
            toks[i].lower in ("a", "an")
            and i > 0
            and toks[i - 1].text[-1:].isdigit()
            and len(self.picked) > 1
        )

    def _object_of_nominal_verb(self) -> None:
        """ "has cost the UK economy £600m": the article ``toks[i]`` opens the object of a
        verb with a noun of its own; what is measured is that noun (cost), as when the
        figure follows the verb ("spends $3m"); not "spent the budget of $3m", where the
        figure is the object's."""
        i, toks = self.i, self.toks
        verb = toks[i - 1] if i > 0 else None
        right_before = bool(self.picked) and toks[-1].text == self.picked[0]
        if right_before and verb and verb.text.islower():
            low = verb.lower
            self.object_nominal = self.lex.verb_nominals.get(low) or self.lex.object_nominals.get(
                low
            )

    def _pick(self) -> bool:
        """Take ``toks[i]`` into the phrase and read on."""
        self.picked.append(self.toks[self.i].text)
        self.last = self.i
        return False

    def _abbreviation_dot(self, tok: Token) -> bool:
        """ "the avg. of readings was 40 Hz": a dot ending a short word, not a sentence."""
        toks, i = self.toks, self.i
        return (
            tok.text == "."
            and 0 < i < len(toks) - 1
            and toks[i - 1].end == tok.start
            and toks[i - 1].text.isalpha()
            and toks[i - 1].text.islower()
            and toks[i + 1].text.islower()
        )

    def _past_short_form(self, tok: Token) -> bool:
        """ "Liquefied Natural Gas (LNG) traded at": go on before the bracketed short form."""
        if tok.text != ")" or self.picked or not (self.crossed or self.changed):
            return False
        opening = _abbreviation_before(self.toks, self.i)
        if opening is None:
            return False
        self.i = opening
        return True

    def _at_clause_break(self, tok: Token) -> bool:
        """At a comma, a relative pronoun, a conjunction or a speech verb: the phrase ends,
        unless an appositive or a relative clause's antecedent is the phrase."""
        toks, i, lex = self.toks, self.i, self.lex
        closing = tok.text == "," or tok.text in _DASHES
        if closing and not self.picked and not self.relative and i < len(toks) - 1:
            aside = _aside_before(toks, i, lex)
            if aside is not None:  # "The toll, as reported by X, stood at": past the aside
                self.i = aside
                return False
        if tok.text == "," and not self.picked and not self.relative and i < len(toks) - 1:
            name = _appositive_before(toks, i, lex)
            if name is not None:
                # "Exports to Peru, its top market, fell", "Acme, a chip maker, fell": the
                # appositive describes the name; the phrase of the name is read
                self.i = name + 1
                return False
        if tok.text == "," and self._predicate_after_comma(i):
            self.relative = True  # "The deal, worth $2bn, ...": as if "which is worth"
            return False
        comma = i > 1 and toks[i - 1].text == ","
        verb_slot = len(self.picked) == 1 and self.last == i + 1  # "rates which range from 2%"
        if (
            (not self.picked or verb_slot)
            and not self.relative
            and tok.lower in _RELATIVE
            and i > 1
            and (comma or self.crossed or verb_slot)
            and _antecedent_noun(toks[i - 2 if comma else i - 1], lex)
            and not any(lex.verb_nominals.get(v.lower()) for v in self.verbs)
        ):
            # "mining shares, which gained 1.9%", "a lake that is 40 miles long",
            # "riders who can climb a 9 km hill": the phrase before
            self.relative = True
            self.picked = []
            self.i -= 1 if comma else 0  # and the comma
            return False
        return True

    def _predicate_after_comma(self, i: int) -> bool:
        """ "The deal, worth $2.3bn, is", "The grant, valued at $5m, was": "worth" or a
        participle right after the comma ``toks[i]``, the only verb read, says of the phrase
        before the comma what "which is worth" or "which is valued at" would."""
        toks = self.toks
        if self.picked or self.relative or len(self.verbs) != 1 or not 0 < i < len(toks) - 1:
            return False
        low = toks[i + 1].lower
        return (
            toks[i + 1].text == self.verbs[0]
            and (low == "worth" or _participle(low))
            and _antecedent_noun(toks[i - 1], self.lex)
        )

    def _qualifies_noun(self, tok: Token) -> bool:
        """ "operating profit", "our baked loaves", "a heated pool": a word in -ing or -ed
        right before the noun qualifies it (after an article, "the renovated Odeon Cinema";
        not "falling short of")."""
        toks, i, lex, low = self.toks, self.i, self.lex, tok.lower
        return (
            tok.text.islower()
            and low not in _AUX
            and (
                (low.endswith("ing") and self.picked[-1].islower())
                or (
                    low.endswith("ed")
                    and i > 0
                    and (
                        toks[i - 1].lower in lex.phrase_openers
                        or toks[i - 1].lower in lex.common_adjectives  # "maximum sustained"
                        or toks[i - 1].lower in _PREPOSITIONS  # "demand for rented homes"
                    )
                )
            )
            and self.picked[-1].lower() not in lex.common_adjectives
        )

    def _noun_before_noun(self, tok: Token) -> bool:
        """ "UK house price figures": a word that is also a verb, as a noun before a noun."""
        toks, i, lex = self.toks, self.i, self.lex
        return (
            self.picked[-1].islower()
            and tok.lower in lex.verb_nouns
            and i > 0
            and toks[i - 1].lower not in _AUX
            and toks[i - 1].lower not in lex.attribution_pronouns
        )

    def _subject_pronoun(self, tok: Token) -> bool:
        """ "it" or "they" before the figure's verb, with no word picked: the subject of the
        figure's clause, which stands for a thing named before (not after a preposition,
        "the heat beneath it rose", nor the empty "it" of "it costs", "it takes")."""
        toks, i = self.toks, self.i
        return (
            not self.picked
            and (self.crossed or self.changed)
            and tok.lower in _SUBJECT_PRONOUNS
            and not (i > 0 and toks[i - 1].lower in _PREPOSITIONS)
            and not any(v.lower() in _IMPERSONAL for v in self.verbs)
        )

    def _reduced_relative(self, i: int) -> bool:
        """ "work permits issued to nurses rose to 4,100", "the energy stored in the cell
        was 60 kWh", "an engine tuned by its maker to give 300 hp": a past participle right
        after a noun, with its complement (a preposition and the words picked) after it,
        says which of the noun's things the figure's verb is about: the participle and the
        noun are the phrase's too, and the walk reads on to the noun."""
        toks, lex = self.toks, self.lex
        if not (self.picked and (self.crossed or self.changed) and 0 < i < len(toks) - 1):
            return False
        tok, noun = toks[i], toks[i - 1]
        low = tok.lower
        return (
            tok.text.islower()
            and toks[i + 1].lower in _PARTICIPLE_LINKS
            and _participle(low)
            and noun.text.replace("-", "").isalpha()
            and noun.lower not in lex.stopwords
            and noun.lower not in _AUX
            and noun.lower not in lex.phrase_openers
            and not (noun.text.islower() and _verb_form(noun.lower, lex))
        )

    def _verb(self, tok: Token) -> bool:
        """Whether ``toks[i]`` belongs to the verb group before the figure, a word not among
        :func:`_never_verbs` (which :meth:`step` leaves out first; a new way of finding a
        verb may need that set to leave out more words)."""
        toks, i, lex, low = self.toks, self.i, self.lex, tok.lower
        if low in _AUX:
            return True
        if not tok.text.islower():
            return False  # past the auxiliaries, only a word in lower case is a verb
        if (
            0 < i < len(toks) - 1
            and toks[i - 1].lower in lex.determiners
            and toks[i + 1].lower == "at"
        ):
            return False  # "put the cost at £40bn": a noun between an article and "at"
        if i > 0 and toks[i - 1].lower == "of" and low.endswith("ing"):
            return False  # "the cost of living rose 6%": a word in -ing after "of" is a noun
        if i > 0 and low in lex.verb_nouns and _determines(toks[i - 1], lex):
            return False  # "the cost of", "Acme's cost has": a verb's noun after an article
        if self._after_adjective(i):
            return False  # "a net worth of", "heavy losses of": a noun after an adjective
        return (
            _verb_form(low, lex)
            # "Acme expects sales of", "Acme sought funding of": a word only ever a verb
            or (bool(self.picked) and only_a_verb(low) and (low,) not in lex.changes)
            # "hire ten nurses", "lay off 1,200": a bare word right before a figure is its
            # verb (a noun would need "of" or a verb between)
            or (
                i >= len(toks) - 2  # (cheap test first: what _right_before needs)
                and self._right_before(tok)
                and low not in lex.stopwords
                and (low,) not in lex.changes
            )
            # "has been forecast to", "is expected to": a participle after "been"
            or (low in lex.attribution_verbs and i > 0 and toks[i - 1].lower in _PASSIVE)
            # "forecast to ease slightly from 3.1%": a bare word after "to" is a verb
            or (
                not self.picked
                and 0 < i < len(toks) - 1
                and toks[i - 1].lower == "to"
                and (toks[i + 1].lower in lex.stopwords or toks[i + 1].lower.endswith("ly"))
                and low not in lex.stopwords
            )
            # "The laptop starts at $999": a verb in -s after the subject, also before the
            # infinitive passed ("The firm plans to hire 500 staff")
            or (
                not self.picked
                and (not self.crossed or (self.infinitive and toks[i + 1].lower == "to"))
                and low.endswith("s")  # (cheap test first: what _verb_of_subject needs)
                and self._verb_of_subject(tok)
            )
            # "rents range from $900"
            or (
                low in lex.range_verbs
                and i + 1 < len(toks)
                and toks[i + 1].lower in ("from", "between")
            )
        )

    def _right_before(self, tok: Token) -> bool:
        """A plain word right before the figure (or before its verb's particle, "lay off
        1,200", or before an adverb after a word only ever a verb, "weighs just 249 grams");
        not a noun after an article ("dragged the energy index 1.3% lower"), unless the
        article and one word open the clause: then the word is its verb ("The gale felled
        300 trees", "Later, the club sold 4,000 tickets")."""
        toks, i, lex = self.toks, self.i, self.lex
        return (
            (
                i == len(toks) - 1
                or (
                    i == len(toks) - 2
                    and (
                        # "lay off 1,200"; not "with sales down 14%", "Brent crude up 2%":
                        # a plural noun or a word never a verb is what rose or fell
                        (toks[i + 1].lower in _PARTICLES and particle_verb(tok.lower))
                        # "weighs just 249 grams": an adverb between the figure and a word
                        # only ever a verb
                        or (
                            toks[i + 1].text.islower()
                            and toks[i + 1].lower in lex.concept_fillers
                            and only_a_verb(tok.lower)
                        )
                    )
                )
            )
            and tok.text.isalpha()
            and tok.text.islower()
            and not (
                tok.lower not in lex.span_adjectives  # "over the past two years": a time
                and (
                    (i > 0 and _determines(toks[i - 1], lex, lex.phrase_openers))
                    or (
                        i > 1
                        and toks[i - 2].lower in lex.phrase_openers
                        and toks[i - 1].text.isalpha()  # "the British economy"
                        and not self._verb_of_subject(tok)
                        and not _opens_clause(toks, i - 2)
                    )
                )
            )
        )

    def _after_adjective(self, i: int) -> bool:
        """ "will weigh new purchases over 20 MWh": a word after an adjective (one that is no
        adverb nor function word) is a noun it qualifies, not a verb; also after one
        capitalised as the sentence's first word ("Median pay for nurses rose 4%")."""
        if i < 1:
            return False
        before = self.toks[i - 1]
        low = before.lower
        return (
            (before.text.islower() or (i == 1 and before.text.istitle()))
            and low in self.lex.common_adjectives
            and low not in self.lex.stopwords
        )

    def _verb_of_subject(self, tok: Token) -> bool:
        """ "The satellite weighs 700 kg", "The laptop starts at $999 and weighs 1.2 kg": a
        word in -s after an article and a singular noun that open a clause, or after another
        figure and "and", is a verb, not a plural noun."""
        toks, i = self.toks, self.i
        low = tok.lower
        if i < 2 or not low.endswith("s") or low.endswith(("ss", "us", "is")):
            return False
        if toks[i - 1].lower == "and":
            return toks[i - 2].text[:1].isdigit() or toks[i - 2].text.isupper()
        if (
            toks[i - 1].text[:1].isupper()
            and i + 1 < len(toks)
            and toks[i + 1].lower in _PREPOSITIONS
            and toks[i + 1].lower != "of"
            and may_be_verb(low)
        ):
            return True  # "The Orbis X2 starts at $999": after a name, before "at", a verb
        opens = toks[i - 2].text[:1].isupper() or (i > 2 and toks[i - 3].text in ",;:")
        return (
            opens
            and toks[i - 2].lower in self.lex.determiners
            and toks[i - 1].text.islower()
            and not toks[i - 1].lower.endswith("s")
        )

    def _at_verb(self, tok: Token) -> bool:
        """A verb ends a phrase already picked; before any word, it is passed over and noted
        (the phrase before it heads it)."""
        toks, i, low, picked = self.toks, self.i, tok.lower, self.picked
        if picked and low in _MODALS and self.last == i + 1 and picked[-1].islower():
            # "may lift river levels by 3 metres": the word after a modal is a verb
            self.verbs.append(picked.pop())
            self.crossed = True
            if not picked:
                return False
        if picked:
            return True
        if low not in _AUX:
            self.verbs.append(tok.text)
        else:
            self.finite = True
        # "plans to lay off 1,200": the phrase before "to" is no subject, unless a verb
        # stands between ("prices expected to rise", "output has been forecast to ease")
        self.infinitive = i > 0 and toks[i - 1].lower == "to"
        self.crossed = True
        return False

    def _coordinated_verb(self) -> bool:
        """ "The phone has a 6.1-inch screen and costs $799": "and" right before the
        figure's verb joins it to a verb before, and the two share a subject; the words
        between that verb and "and" are its object, not the phrase of this figure. The walk
        goes on before that verb (True), when one stands before "and" in the clause."""
        toks, lex = self.toks, self.lex
        if self.picked or not self.crossed or not self.verbs or self.relative:
            return False
        for k in range(self.i - 1, max(-1, self.i - 10), -1):
            tok = toks[k]
            low = tok.lower
            if low in _CLAUSE_BREAKS or tok.text in ',.;:!?"“”' or low == "and":
                return False
            if tok.text.islower() and (
                low in _AUX or only_a_verb(low) or _verb_like(low, lex.concept_verbs)
            ):
                self.verbs.append(tok.text)  # the walk goes on before that verb
                self.i = k
                return True
        return False

    def _opens_phrase(self, tok: Token) -> bool:
        """An article or determiner right before the words picked (not after "of", "in", nor
        after a participle's preposition)."""
        i, toks = self.i, self.toks
        return tok.lower in self.lex.phrase_openers and not (
            (i > 0 and toks[i - 1].lower in _OF_LIKE)
            # "an engine tuned by its maker": the complement of a participle, read past
            or (i > 1 and toks[i - 1].lower in _PARTICIPLE_LINKS and self._reduced_relative(i - 2))
        )

    def _passed_over(self, tok: Token) -> bool:
        """A word read past: a function word, a qualifier, a date or a filler ("for the
        first quarter", "last year": a time); a change verb before any word or verb."""
        toks, i, lex, low = self.toks, self.i, self.lex, tok.lower
        return (
            _function_word(tok, lex)  # not "US" of "US crude", a name in capitals
            or (
                (low,) in lex.changes and not (self.picked or self.crossed)
            )  # "the wheat contract was"
            or (low,) in lex.qualifiers_before
            or low in lex.months
            or low in lex.weekdays
            or (tok.text.islower() and low in lex.concept_fillers)
            or (
                low in lex.not_purposes
                and i + 1 < len(toks)
                and toks[i + 1].lower in lex.concept_fillers
            )
        )

    def _compound(self, tok: Token) -> bool:
        """ "the 10-year average of": a figure joined by a hyphen to a word is part of an
        adjective, passed over (False) as the word was, not another figure."""
        toks, i = self.toks, self.i
        return (
            i + 2 < len(toks)
            and toks[i + 1].text == "-"
            and toks[i + 1].start == tok.end
            and toks[i + 2].start == toks[i + 1].end
            and toks[i + 2].text.isalpha()
        )

    def _at_number(self, tok: Token) -> bool:
        """Another figure: part of a name ("the Pixel 8 Pro deal", "Lumiva's 2019 sales"),
        else the end of a phrase a name heads, else the other figure's words are dropped."""
        i = self.i
        if name_number(self.toks, i, self.lex) and (not self.picked or self.last == i + 1):
            return self._pick()
        names = [k for k, w in enumerate(self.picked) if w[:1].isupper()]
        if names:  # "slid 3% to 1,450 yen as Mazda lost": the name owns this figure
            self.picked = self.picked[: names[-1] + 1]
            self.last = -1  # where the kept words start is not tracked: no subject span
            return True
        if not self.crossed:
            self.picked = []  # "up 12 cents at $71.40": the words were the other figure's unit
        return False


def _determines(tok: Token, lex: Lexicon, words: frozenset[str] | None = None) -> bool:
    """Whether ``tok`` is a determiner (or one of ``words``) or a possessive ("Acme's",
    "the insurer's"), which, as "the" does, makes the word after it a noun: "the insurer's
    payout topped $1bn", "the club's cost has risen" (not a verb)."""
    return tok.lower in (lex.determiners if words is None else words) or bool(
        _POSSESSIVE_S.search(tok.text)
    )


def _opens_clause(toks: list[Token], k: int) -> bool:
    """Whether ``toks[k]`` opens a sentence (a capital) or a clause (after ",", ";", ":")."""
    return toks[k].text[:1].isupper() or (k > 0 and toks[k - 1].text in ",;:")


def _names_a_source(toks: list[Token], last: int) -> bool:
    """ "... according to the police and 70,000": the words picked follow "according to", so
    they name who gives the figure before them, not what the next one measures."""
    if last <= 1:
        return False
    before = [t.lower for t in toks[max(0, last - 3) : last]]
    return "according" in before and before[-1] in ("to", "the")


def _aside_before(toks: list[Token], i: int, lex: Lexicon) -> int | None:
    """The comma opening an aside that ends at the comma ``toks[i]`` ("the toll, as reported
    by the ministry, stood at", "deaths, especially in the port, reached"): an aside opens
    with one of the lexicon's ``aside_openers`` and the phrase before it is what the figure
    measures; between dashes, any words are an aside ("excess deaths — those above the
    usual count — were"). ``None`` when the words before the mark are no such aside."""
    dash = toks[i].text in _DASHES
    j = i - 1
    while j > 0 and toks[j].text != toks[i].text and i - j <= 16:
        j -= 1
    if j < 1 or toks[j].text != toks[i].text:
        return None
    if not dash and toks[j + 1].lower not in lex.aside_openers:
        return None
    return j if toks[j - 1].text[:1].isalnum() else None


def _appositive_before(toks: list[Token], i: int, lex: Lexicon) -> int | None:
    """Where the name stands that "Name, a noun phrase," ending at the comma ``toks[i]``
    describes (or the noun after "while", "but" ...: "while utilities, the weakest group,
    slipped"); None unless such a name opens the phrase's commas, no verb is inside them and
    a word is ("Ruiz, 34, has scored": an age)."""
    words = False
    j = i - 1
    while j >= 0 and toks[j].text != "," and i - j <= 7:
        tok = toks[j]
        if tok.lower in _AUX or (tok.text.islower() and _verb_like(tok.lower, lex.concept_verbs)):
            return None
        words = words or (tok.lower not in lex.stopwords and tok.text[:1].isalpha())
        j -= 1
    if j < 1 or toks[j].text != "," or not words:
        return None
    if toks[j + 1].text[:1].isupper():
        return None  # "Meanwhile, the mayor writes a blog, where": a clause, not a noun phrase
    if toks[j - 1].text[:1].isupper() or (
        j > 1 and toks[j - 2].lower in _CONJUNCTIONS and toks[j - 1].text.isalpha()
    ):
        return j - 1
    return None


def _abbreviation_before(toks: list[Token], close: int) -> int | None:
    """Where "(" opens when ``toks[close]`` closes a bracketed short form after a name
    ("(LNG)"), else None."""
    opening = close - 2
    if opening < 1 or toks[opening].text != "(":
        return None
    short = toks[close - 1].text
    if not (2 <= len(short) <= 8 and short.replace(".", "").isalnum() and short.isupper()):
        return None
    return opening if toks[opening - 1].text[:1].isalpha() else None
