"""Who asserts a figure and whom it is about; the tokens and word classes these read.

Fast, rule-based readings of a sentence's words: no parser, no model. Each function
takes the document text and offsets and returns a short phrase or ``None``. What a figure
measures, the phrase before it, is read by :mod:`extract.left_phrase`.
"""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from .inflection import known_word, only_a_verb
from .lexicon import Lexicon, lexicon
from .sources import (
    headline_source,
    is_anaphor,
    names_institution,
    names_source,
    trim_source,
)

__all__ = [
    "AttributionTracker",
    "TextTokens",
    "Token",
    "asserter_owns",
    "has_relative_word",
    "heads_own_clause",
    "name_number",
    "relative_phrase",
    "sentence_head",
    "subject_before",
    "tokens_before",
]

#: A number ("20,000"), a word (with inner apostrophes, dots, single hyphens: "U.S",
#: "Acme's", "drop-top"; its last character a letter or digit) or one other mark. A double
#: hyphen is a typed dash between words ("two weeks--March"), never inside one. A word is
#: written as runs of word characters joined by runs of those marks, so that the regex
#: engine never backtracks over a whole word to find its last letter. Its runs are
#: possessive ("*+", "++"): a word character given back could never be a mark, nor a mark
#: a word character, so they match as the plain runs would, with no backtracking kept.
_TOKEN = re.compile(r"\d[\d,.]*\d|[^\W_]\w*+(?:(?:['’.&/]|-(?!-))++\w++)*+|[^\w\s]")
_QUOTES = "\"“”‘’'"
_SPEECH = frozenset(
    "said says say told tells added adds according stated states wrote writes".split()
)
_LOCATIVE = frozenset(
    "in at into across inside near outside throughout around on onto within towards toward".split()
)
_RELATIVE = frozenset(["which", "that", "who"])
#: Words after "forecast", "estimates" ... that make it a noun ("the forecast of", "to").
_NOUN_FOLLOWERS = frozenset("of to for from at in on , . ; :".split())
#: The two words before a name that make it another name for something already named.
_ALIAS = re.compile(
    r"(?:\S+ (?:dubbed|called|named|nicknamed)|known as|(?:dubbed|called|named|nicknamed) the)$"
)
#: An asserter's verbs whose object is its own figure ("Acme expects a profit of $5m").
_OWN_OUTLOOK = frozenset("expects reported posted forecasts projects announced".split())
#: Verbs after "it" that make the pronoun impersonal ("it will cost", "it takes").
_IMPERSONAL = frozenset("cost costs takes took take".split())
_PASSIVE = frozenset("be been being was were is are".split())
_MODALS = frozenset("will would can could may might shall should must do does did".split())
_AUX = _PASSIVE | frozenset("has have had".split()) | _MODALS
#: Speech verbs whose object is the listener, not the speaker ("told reporters").
_TOLD = frozenset(["told", "tells", "tell"])
_CONJUNCTIONS = frozenset("while whilst whereas because but although though".split())
_DASHES = frozenset(["—", "–", "-"])
_CLAUSE_BREAKS = (
    frozenset([",", ";", ":", "(", ")", "—", "–", '"', "“", "”"]) | _RELATIVE | _CONJUNCTIONS
)


_POSSESSIVE_S = re.compile(r"['’]s$")


def _less_possessive(word: str) -> str:
    """``word`` without a closing "'s" (as ``_POSSESSIVE_S.sub("", word)`` leaves a token,
    which holds no line break), cut without a regex."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


class Token:
    """A word or punctuation mark, its offsets and its lower-case form.

    Its fields are slots, which every reader reads many times a figure (a slot is read
    several times faster than a named tuple's field); it compares, hashes, unpacks and
    indexes as the tuple ``(text, start, end, lower)``.
    """

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int, lower: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = lower

    def _tuple(self) -> tuple[str, int, int, str]:
        return (self.text, self.start, self.end, self.lower)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Token):
            return (
                self.start == other.start
                and self.end == other.end
                and self.text == other.text
                and self.lower == other.lower
            )
        return self._tuple() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __lt__(self, other: Token) -> bool:
        return self._tuple() < other._tuple()

    def __iter__(self) -> Iterator[str | int]:
        return iter(self._tuple())

    def __getitem__(self, index: int) -> str | int:
        return self._tuple()[index]

    def __len__(self) -> int:
        return 4

    def __repr__(self) -> str:
        return (
            f"Token(text={self.text!r}, start={self.start}, end={self.end}, lower={self.lower!r})"
        )


_bisect_left, _bisect_right = bisect.bisect_left, bisect.bisect_right
_new_token = object.__new__


#: A token and the run before it that no token starts in: white space and underscores,
#: the only characters no alternative of ``_TOKEN`` matches. ``findall`` gives both as
#: strings, whose lengths give the offsets: faster than a match object per token.
_GAP_TOKEN = re.compile(rf"([\s_]*)({_TOKEN.pattern})")


def _tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, as ``_TOKEN.finditer`` finds them."""
    return _SpanTokens(text, start, end).toks


class TextTokens:
    """The tokens of one text, read a block of sentences at a time.

    The document reader makes one per extraction call and hands it to whatever reads
    tokens, so nothing is shared between calls or threads. ``spans`` (the sentences) are
    joined into blocks of about ``BLOCK`` characters (:func:`_blocks`), each read in one
    pass on first use (the last ``KEEP`` blocks are kept). A window inside a block is a
    slice of its tokens; any other window is read afresh. Either way the window has the
    tokens a fresh pass over it gives:

    >>> tokens = TextTokens("Sales rose 4%. Costs fell.", [(0, 14), (15, 26)])
    >>> [t.text for t in tokens.window(6, 14)]
    ['rose', '4', '%', '.']
    >>> tokens.window(2, 10) == _tokenize(tokens.text, 2, 10)  # cuts "Sales" and "rose"
    True
    """

    BLOCK = 4000
    KEEP = 16

    def __init__(self, text: str, spans: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.blocks = _blocks(sorted(spans), self.BLOCK)
        self.block_starts = [start for start, _ in self.blocks]
        self.kept: OrderedDict[tuple[int, int], _SpanTokens] = OrderedDict()
        #: the block read last (its start, end and tokens): most windows fall in it again
        self.last: tuple[int, int, _SpanTokens | None] = (0, -1, None)

    def window(self, start: int, end: int) -> list[Token]:
        """Word and punctuation tokens of ``text[start:end]`` with their offsets."""
        return self.window_words(start, end)[0]

    def window_words(self, start: int, end: int) -> tuple[list[Token], list[str]]:
        """The tokens of :meth:`window` and their lower-case forms, cut from those of the
        block holding ``text[start:end]`` (made once for all its windows): from the first
        token starting at ``start`` to the last ending by ``end``. Outside the blocks, or
        where a token straddles either edge, the window is read afresh."""
        first, last, found = self.last
        if not (first <= start and end <= last and found is not None):
            found = self._block_of(start, end)
        if found is not None:
            starts, ends = found.starts, found.ends
            j = _bisect_left(starts, start)
            if not (j > 0 and ends[j - 1] > start):
                k = _bisect_left(starts, end, j)
                if not (k > 0 and ends[k - 1] > end):
                    return found.toks[j:k], found.lowers[j:k]
        fresh = _SpanTokens(self.text, start, end)
        return fresh.toks, fresh.lowers

    def _block_of(self, start: int, end: int) -> _SpanTokens | None:
        """The tokens of the block that ``start`` falls in, if ``end`` does too (None else)."""
        i = _bisect_right(self.block_starts, start) - 1
        if i >= 0:
            block = self.blocks[i]
            if end <= block[1]:
                found = self.kept.get(block)
                if found is None:
                    found = self._read_block(block)
                self.last = (block[0], block[1], found)
                return found
        return None

    def _read_block(self, block: tuple[int, int]) -> _SpanTokens:
        """The tokens of a block not kept: read, kept, and the block read longest ago let go."""
        found = self.kept[block] = _SpanTokens(self.text, *block)
        if len(self.kept) > self.KEEP:
            self.kept.popitem(last=False)
        return found


def _blocks(spans: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Sorted ``spans`` joined into runs of whole spans, each ending at most ``size``
    characters after it starts (a longer span is a block alone): one pass over a block
    reads all its sentences, which one pass a sentence would do several times slower."""
    blocks: list[tuple[int, int]] = []
    for start, end in spans:
        if blocks and end - blocks[-1][0] <= size:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


class _SpanTokens:
    """The tokens of one span, and side by side their starts, ends and lower-case forms, to
    cut windows from (see ``window``): all made in one pass over the span's matches."""

    __slots__ = ("ends", "lowers", "starts", "toks")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.toks: list[Token] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.lowers: list[str] = []
        toks, starts, ends, lowers = self.toks, self.starts, self.ends, self.lowers
        pos = start
        for gap, word in _GAP_TOKEN.findall(text, start, end):
            at = pos + len(gap)
            pos = at + len(word)
            low = word.lower()
            # a Token made with no call of its __init__ (a Python frame a token): its slots
            # set here, as __init__ sets them; some 8% of the pass over a block
            tok = _new_token(Token)
            tok.text = word
            tok.start = at
            tok.end = pos
            tok.lower = low
            toks.append(tok)
            starts.append(at)
            ends.append(pos)
            lowers.append(low)


def name_number(toks: list[Token], k: int, lex: Lexicon, *, after_plural: bool = True) -> bool:
    """Whether the digits ``toks[k]`` are a name's number: right after a word with a capital
    in it ("the Fortune 500", "the Pixel 8", "iPhone 15"), not a month's or a weekday's ("May
    5"), nor a function word's that opens a sentence ("With 300 staff", "After 12 days"; a
    stopword in capitals, "WHO 2023", is a name), and with no word glued after them ("the
    Rover's 610hp": a measure). With ``after_plural`` False, not after a word ending in "s"
    either: in the phrase after a figure, digits after a plural are its age ("Britons 18 or
    older"); before a figure they may follow a name whose apostrophe is lost ("Acmes 2030
    sales")."""
    if k == 0 or not toks[k].text.isdigit():
        return False
    name, digits = toks[k - 1], toks[k]
    glued = k + 1 < len(toks) and toks[k + 1].start == digits.end and toks[k + 1].text.isalpha()
    return (
        any(ch.isupper() for ch in name.text)
        and name.lower not in lex.months
        and name.lower not in lex.weekdays
        and not _function_word(name, lex)
        and (after_plural or not name.text.endswith("s"))
        and not glued
    )


def _function_word(word: Token, lex: Lexicon) -> bool:
    """A stopword, unless written in capitals as a name ("WHO", "US")."""
    return word.lower in lex.stopwords and not (word.text.isupper() and len(word.text) > 1)


#: The mark of a plural possessive set apart by the tokens' join ("Teachers ' Union").
_SPACED_PLURAL_MARK = re.compile(r"(?<=s) ([’'])(?= )")


def _clean_np(words: list[Token]) -> str | None:
    lex = lexicon()
    trimmed = trim_source(words, lex)
    if trimmed is None:
        return None
    words = list(trimmed)
    if (
        len(words) > 1
        and words[0].lower in _POSSESSIVE_PRONOUNS
        and (words[-1].lower in lex.source_works or words[-1].lower in lex.source_carriers)
    ):
        return _POSSESSIVE_PRONOUNS[words[0].lower]  # "their model finds": theirs, resolved
    if _the_work(words, lex):
        return " ".join(w.lower for w in words)  # resolved by the caller
    while len(words) > 1 and words[-1].text.islower() and words[-1].lower in lex.asserter_adverbs:
        words = words[:-1]  # "health officials previously said"
    while words and (_function_word(words[-1], lex) or words[-1].text in _QUOTES):
        if words[-1].lower in lex.attribution_pronouns and (
            len(words) == 1 or words[-1].text.islower()
        ):
            # "he said", "they now put it", "the sum it said": the pronoun is the verb's
            # subject, resolved by the caller
            return words[-1].lower
        words = words[:-1]
    while words and (_function_word(words[0], lex) or words[0].text in _QUOTES):
        words = words[1:]
    if not words or len(words) > 9:
        return None
    phrase = " ".join(w.text for w in words)
    if " '" in phrase or " ’" in phrase:  # the cheap test first: what the mark needs
        phrase = _SPACED_PLURAL_MARK.sub(r"\1", phrase)  # "Teachers ' Union": one name
    phrase = _less_possessive(phrase).strip(" ,.")  # (tokens, joined: no line break)
    if not phrase or (phrase.lower() in lex.non_asserters and not phrase.isupper()):
        return None  # "who", "this"; "WHO" is a name
    return phrase


def _the_work(words: Sequence[Token], lex: Lexicon) -> bool:
    """ "the report", "the updated model", "the economists": a work named before, or its
    authors, with no name of their own."""
    return (
        1 < len(words) <= 3
        and words[0].lower == "the"
        and (words[-1].lower in lex.source_works or words[-1].lower in lex.source_authors)
        and all(w.text.isalpha() and w.text.islower() for w in words[1:])
    )


def _np_before(toks: list[Token], i: int) -> list[Token]:
    lex = lexicon()
    j = i
    while j > 0:
        prev = toks[j - 1]
        if _plural_possessive(toks, j - 1, lex):
            j -= 1  # "the Teachers' Union": the mark is part of the name, no quotation
            continue
        if (prev.lower in _CLAUSE_BREAKS and not prev.text.isupper()) or prev.text in _QUOTES:
            break  # "that", "who" end the phrase; "WHO" is a name
        if prev.text in ",.;:!?":
            break
        if prev.text.islower() and prev.lower in lex.attribution_verbs:
            if not _noun_use(toks, j - 1, lex):
                break  # "a new report published by X suggests": the report is a noun
        j -= 1
    return toks[j:i]


def _plural_possessive(toks: list[Token], k: int, lex: Lexicon) -> bool:
    """Whether the mark ``toks[k]`` closes a plural possessive inside a name ("the Teachers'
    Union", "the nurses' union"): an apostrophe right after a word ending in "s" and before
    a capitalised word or a noun of a body, not a quotation mark. Before any other noun the
    possessor is the name and the noun its thing ("the Refugees' site", "the Pilots' data")."""
    return (
        toks[k].text in ("'", "\u2019")
        and 0 < k < len(toks) - 1
        and toks[k - 1].end == toks[k].start
        and toks[k - 1].lower.endswith("s")
        and toks[k - 1].text.isalpha()
        and toks[k + 1].text.isalpha()
        and toks[k + 1].start == toks[k].end + 1
        and (
            toks[k + 1].text[0].isupper()
            or toks[k + 1].lower in lex.source_anaphors
            or toks[k + 1].lower in lex.member_anaphors
        )
    )


_POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}


def _noun_use(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether the attribution word ``toks[i]`` ("report", "forecast", "claims") is a noun
    here: after an owner ("the agency's forecast") or an adjective of time ("a new report"),
    before another such verb ("the forecast suggested", "the report that says"), or before a
    participle and "by"
    ("claims made by", "estimates compiled by")."""
    low = toks[i].lower
    if low not in lex.attribution_nouns and low not in lex.source_works:
        return False
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and (
        _POSSESSIVE_S.search(prev.text) or prev.lower in lex.source_adjectives
    ):
        return True
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.lower in ("that", "which") and i + 2 < len(toks):
        nxt = toks[i + 2]  # "the report that says"
    if nxt is not None and nxt.text.islower() and nxt.lower in lex.attribution_verbs:
        return True
    return (
        nxt is not None
        and i + 2 < len(toks)
        and nxt.lower.endswith(("ed", "de", "en"))
        and toks[i + 2].lower == "by"
    )


#: Words that end the noun phrase after a speech verb ("said Ann Ode on Monday").
_NP_AFTER_STOPS = frozenset(
    """on in at during after before when while who that last this speaking as to earlier
    later adding citing told said says""".split()
)


def _np_after(toks: list[Token], i: int) -> list[Token]:
    j = i
    while j < len(toks):
        tok = toks[j]
        if (
            tok.text in ",.;:!?()"
            or (tok.text in _QUOTES and not _plural_possessive(toks, j, lexicon()))
            or (tok.lower in _NP_AFTER_STOPS and j > i)
        ):
            break
        if tok.lower in ("and", "or") and any(t.text[:1].isdigit() for t in toks[j + 1 : j + 3]):
            break  # "according to the police and (about) 70,000 ...": the next figure
        j += 1
    return toks[i:j]


@dataclass(slots=True)
class AttributionTracker:
    """Reads asserters sentence by sentence, resolving "he said" to the last named one."""

    last_person: str | None = None
    last_any: str | None = None
    last_named: str | None = None
    #: the source of the last figures given as data ("according to X", "X estimates"),
    #: which a later figure with no asserter of its own is read as coming from (a speaker's
    #: "X said" is not carried: the writer's own figures often follow a quote)
    last_source: str | None = None
    #: whether the last sentence read gives its figures as data ("X estimates", "data show")
    data: bool = False
    #: every asserter the last sentence read names, with where its verb stands
    named: list[tuple[int, str]] = field(default_factory=list)
    #: the asserters of relative clauses in it ("the union, which says ..."), each with
    #: where its verb stands: they speak for the figures of their clause only
    relative: list[tuple[int, str]] = field(default_factory=list)
    #: the text being read and where its sentence being read starts (for what "the agency"
    #: stands for: a name written up to ``_LOOK_BACK`` characters before it)
    text: str = ""
    start: int = 0
    #: the sources named so far, the last last (at most ``_HISTORY``)
    history: list[str] = field(default_factory=list)
    quote_open: bool = False
    quote_owner: str | None = None
    cache: dict[int, str | None] = field(default_factory=dict)
    #: the words of each name in ``history`` (see ``_held_words``), read once a name
    held: dict[str, frozenset[str]] = field(default_factory=dict)

    def read(self, tokens: TextTokens, start: int, end: int) -> str | None:
        """The asserter of the sentence ``text[start:end]`` (``None`` when none is said)."""
        lex = lexicon()
        text = tokens.text
        self.text, self.start = text, start
        toks, lowers = tokens.window_words(start, end)
        found: str | None = None
        best_rank = 99
        data = False
        self.named = []
        self.relative = []
        verbs = lex.attribution_verbs
        # where the verbs are (none, in a sentence only a quote brings here: a set's test)
        at = () if verbs.isdisjoint(lowers) else [k for k, low in enumerate(lowers) if low in verbs]
        for i in at:
            tok = toks[i]
            low = tok.lower
            if self.last_named and best_rank > 1 and _impersonal(toks, i):
                # "It is noted that ...", "It was reported that ...": the source named last
                self.named.append((tok.start, self.last_named))
                found, best_rank, data = self.last_named, 1, True
                continue
            if not _asserting_verb(toks, i, lex):
                continue
            candidate = _candidate(toks, i)
            if candidate is None:
                continue
            if candidate.lower() == "it":
                # "The union's fund will pay €2,000 each, it said": the body owning what
                # the sentence opens with
                owner = _possessive_body(toks, i, lex)
                if owner is not None and owner.islower():
                    owner = self._holding(owner, lex) or owner  # "the federation's"
                candidate = owner or candidate
            if candidate.lower() in ("it", "they") and self.named:
                # "The ministry put the demand at $6m, the sum it said was in a note": a
                # body named earlier in the sentence is nearer than any before it
                candidate = self.named[-1][1]
            else:
                candidate = self._resolve(candidate)
            if candidate is not None and _in_relative_clause(toks, i, lex):
                # "the union, which says ...": the union's figures are those of its clause
                self.relative.append((tok.start, candidate))
                continue
            if candidate is not None:
                self.named.append((tok.start, candidate))
            rank = 0 if low in _SPEECH else 1
            if candidate is not None and rank < best_rank:
                found, best_rank = candidate, rank
                data = low in lex.data_verbs
        if found is None:
            found = headline_source(toks, lex)  # "AGENCY: 3,000 ..." or "...: Dr Jane Roe"
            data = found is not None and names_institution(found)  # an agency's runs on
        opens = (
            text.count("“", start, end) + text.count('"', start, end) - text.count("”", start, end)
        )
        in_quote = self.quote_open
        self.data = data
        if found:
            self._remember(found)
            # a speaker's words are theirs alone; a data source's figures run on
            # a description ("the breakdown shows") changes nothing; a body named in lower
            # case ("the finance ministry said") speaks for itself, as a name does
            if names_source(found) or is_anaphor(found, lex):
                self.last_source = found if data else None
            if in_quote or opens:
                self.quote_owner = found
        elif in_quote and self.quote_owner:
            found = self.quote_owner
        if opens % 2:
            self.quote_open = not self.quote_open
            if not self.quote_open:
                self.quote_owner = None
        return found

    def _resolve(self, candidate: str) -> str | None:
        lex = lexicon()
        low = candidate.lower()
        if low in lex.attribution_pronouns:
            return self.last_person if low in ("he", "she") else self.last_any
        if is_anaphor(candidate[:1].lower() + candidate[1:], lex):  # "the Border Service" is a name
            # "the agency said": the organisation named last (a spokesman: its speaker)
            role = low.split()[-1].startswith("spokes")
            if role:
                return self.last_any or candidate
            holder = self._holding(low, lex)
            if holder:  # "the bank said": the last source whose name holds "bank"
                return holder
            return self.last_named if _may_stand_for(low, self.last_named, lex) else candidate
        if low.removeprefix("the ") in lex.member_anaphors and candidate.islower():
            # "the union said": a union named before by a name that holds the word (alone,
            # the noun may be any other body: it stands for no name the text lacks)
            return self._holding(low.removeprefix("the "), lex) or candidate
        office = _OFFICE_OF.fullmatch(low)
        if office and office.group(1) in lex.body_anaphors:
            # "the treasurer of the alliance": an office of the organisation named last
            # speaks for it
            return self.last_named or candidate
        if low.startswith("the "):  # "the report said": the work of the source named last
            named = self.last_named if self.last_named and names_source(self.last_named) else None
            return named or candidate[4:]
        return candidate

    def _holding(self, anaphor: str, lex: Lexicon) -> str | None:
        """The last source named in this text whose name holds every word of ``anaphor``
        ("the authority": "Port Safety Authority"; "the ministry": "Health Minister Ann
        Ode" too, a minister speaking for her ministry); for a bare noun, failing that, the
        last name ending in it written before the sentence, whether or not it said anything
        ("divers from the Coast Guard Agency ..."); else ``None``."""
        words = {w for w in anaphor.split() if w not in lex.determiners}
        for name in reversed(self.history):
            held = self.held.get(name)
            if held is None:  # read once a name
                held = self.held[name] = _held_words(name)
            if words <= held and name.lower() != anaphor:
                return name
        if len(words) == 1:  # "the agency": a name ending in "Agency" written before
            noun = next(iter(words))
            lo = max(0, self.start - _LOOK_BACK)
            if noun.isalpha() and self.text.find(noun.capitalize(), lo, self.start) < 0:
                return None  # the cheap test first: the noun in capitals, which a name needs
            pattern = (
                # (a word of the name may be a plural possessive: "Farmers' Union")
                r"(?<![\w'’-])(?:[A-Z][\w-]*(?:s['’])?\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,5}"
                + noun.capitalize()
                + r"\b"
            )
            names = re.findall(pattern, self.text[lo : self.start])
            if names:
                return re.sub(r"^(?:The|A|An)\s+", "", names[-1])
        return None

    def _remember(self, who: str) -> None:
        self.last_any = who
        if who not in self.history[-1:]:
            self.history.append(who)
            del self.history[:-_HISTORY]
        if not who.islower():
            self.last_named = who
        surname = who.split()[-1].split("-")[-1]  # "Ana al-Rashid": the part after "al-"
        if surname[:1].isupper() and not who.lower().endswith(("house", "ministry")):
            if not surname.endswith("s") or _surname_in_s(who, surname):
                self.last_person = who

    def new_paragraph(self) -> None:
        self.quote_open = False
        self.quote_owner = None


#: How many sources named before a tracker keeps for "the bank" to stand for.
_HISTORY = 24
#: How far back (in characters) a name that "the agency" stands for is looked for.
_LOOK_BACK = 3000


def _held_words(name: str) -> frozenset[str]:
    """The lower-case words of a source's name, with "ministry" for a minister's ("Health
    Minister Ann Ode" speaks for the ministry)."""
    held = set(re.findall(r"\w+", name.lower()))
    if "minister" in held:
        held.add("ministry")
    return frozenset(held)


def _surname_in_s(who: str, surname: str) -> bool:
    """Whether a name ending in "s" is a person's: two words or more, the last no English
    word ("Mara Tallis", "Ann Jones"), not a plural or a noun ("Rail Workers", "Associated
    Press", "Reuters")."""
    return len(who.split()) > 1 and not known_word(surname.lower())


def _may_stand_for(anaphor: str, named: str | None, lex: Lexicon) -> bool:
    """Whether the lower-case ``anaphor`` ("the ministry", "the finance ministry") may stand
    for the organisation ``named`` last: a bare noun may stand for any ("the agency" after
    "UNHCR"), a noun with words that say which one ("the finance ministry", "the maritime
    authority") only for a name holding all of them ("Finance Ministry", "Ministry of
    Finance"), else it names a body of its own."""
    if named is None:
        return False
    words = [w for w in anaphor.split() if w not in lex.determiners]
    return len(words) < 2 or set(words) <= set(re.findall(r"\w+", named.lower()))


#: An office of an organisation named before: "(the) treasurer of the alliance", "a
#: spokesman for the union" (lower-cased; the last word is checked against the lexicon).
_OFFICE_OF = re.compile(
    r"(?:(?:the|a|an)\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}\s+(?:of|for|at)\s+the\s+([a-z]+)"
)


def _impersonal(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` reports with no one named: "It is noted that", "it was reported that"."""
    return (
        1 < i < len(toks) - 1
        and toks[i - 1].lower in ("is", "was", "been")
        and any(t.lower == "it" for t in toks[max(0, i - 4) : i - 1])
        and toks[i + 1].lower == "that"
    )


def _asserting_verb(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether ``toks[i]`` is a verb (or "according") that says who asserts something."""
    tok = toks[i]
    low = tok.lower
    if low not in lex.attribution_verbs or not (tok.text.islower() or low == "according"):
        return False
    agent = i + 1 < len(toks) and toks[i + 1].lower == "by"
    if i > 0 and toks[i - 1].lower in _PASSIVE and not agent:
        return False  # "they have been told": no one named ("was estimated by X" names X)
    if i > 0 and toks[i - 1].lower in lex.determiners:
        return False  # "the reported bid", "its estimated cost": an adjective
    if _noun_use(toks, i, lex):
        return False  # "the agency's forecast", "claims made by": a noun
    if _placed_figure(toks, i, lex):
        return False  # "Virus found on four farms": a participle, what was found before it
    if low in _GIVING and not _gives_a_figure(toks, i, lex):
        return False  # "a poll gave the party 66 seats": it shares out, it tells no figure
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    quoted = any(t.text in '”"' for t in toks[max(0, i - 4) : i])  # '”, the study states,'
    quoted = quoted or _speech_tag(toks, i) or _closing_tag(toks, i, lex)
    if (
        nxt is not None
        and low in lex.attribution_nouns
        and not quoted
        and (nxt.lower in _AUX or nxt.lower in _NOUN_FOLLOWERS)
    ):
        return False  # "its sales forecast to $84 billion", "the estimates were": nouns
    return not (
        nxt is not None
        and (low,) in lex.changes
        and (nxt.text[:1].isdigit() or nxt.text in lex.currency_prefixes)
    )  # "Hextar added 15 sen": a change, not speech


#: Verbs of giving that tell a figure only when no amount is their object ("the 40,000 the
#: organisers gave", "gave a toll of 40"; not "gave the party 66 seats").
_GIVING = frozenset(["gave", "gives"])


def _gives_a_figure(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether ``toks[i]`` (a verb of giving) tells a figure: its clause goes on with no
    amount, or with a work that holds one ("a toll of", "a figure of") before it."""
    for tok in toks[i + 1 : i + 8]:
        if tok.text in ",.;:":
            return True
        if tok.text[:1].isdigit() or tok.lower in lex.number_words:
            return False
        if tok.lower in lex.source_carriers or tok.lower in ("toll", "estimate", "total"):
            return True
    return True


#: Prepositions after a participle that place a figure ("found on four farms",
#: "confirmed in 30 villages", "estimated at 40,000").
_PLACING = frozenset("in on at across among".split())


def _placed_figure(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether ``toks[i]`` is a participle whose preposition takes a figure straight after it
    ("Virus found on four farms", "Losses estimated at $5 billion"): what goes before it is
    what was found or estimated, not who says so. A bound ("at least 40"), a year or a date
    ("said on 3 May") leaves it a verb."""
    if i + 2 >= len(toks) or toks[i + 1].lower not in _PLACING:
        return False
    word = toks[i + 2]
    after = toks[i + 3].lower if i + 3 < len(toks) else ""
    if after in lex.months or (word.text.isdigit() and len(word.text) == 4):
        return False
    return (
        word.text[:1].isdigit()
        or word.lower in lex.number_words
        or (word.text in lex.currency_prefixes and after[:1].isdigit())
    )


def _speech_tag(toks: list[Token], i: int) -> bool:
    """ "..., the Daily Courier reports, citing ...": between commas after a clause, a name
    and the word ``toks[i]`` are a speech tag, so the word is a verb (not "the reports,")."""
    if not (i + 1 < len(toks) and toks[i + 1].text in ",." and toks[i - 1].text[:1].isupper()):
        return False
    k = i - 1
    while k > 0 and (toks[k].text[:1].isupper() or toks[k].lower == "the") and i - k < 6:
        k -= 1
    return k > 0 and toks[k].text == ","


#: Plural nouns without an "s" ("300 people", "..., police believe.").
IRREGULAR_PLURALS = frozenset("people men women children staff personnel police cattle".split())
#: Prepositions after a tag subject's head ("economists at the bank", "staff of the firm").
_TAG_PREPOSITIONS = frozenset("at of for from in".split())
#: The most words of a subject in a closing tag ("..., economists at the bank estimate.").
_TAG_WORDS = 5


def _closing_tag(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """ "..., engineers estimate.", "..., hospital figures show.", "..., the ministry
    forecasts.": after a comma, a subject of common nouns and the word ``toks[i]`` closing the
    sentence (or the clause) are a tag, so the word is a verb. The subject opens with a
    determiner or a noun and ends with a noun: "..., above estimates." or "..., beating the
    forecasts." name no one; nor does a work ("..., a new study shows."), whose authors the
    sentences around it name."""
    if not (i + 1 < len(toks) and toks[i + 1].text in ",.;" and i > 1):
        return False
    k = i - 1
    while k > 0 and toks[k].text.isalpha() and i - k <= _TAG_WORDS:
        k -= 1
    if toks[k].text != "," or k >= i - 1:
        return False
    subject = [t.lower for t in toks[k + 1 : i]]
    first, last = subject[0], subject[-1]
    if not _tag_noun(last, lex) or last in lex.determiners:
        return False
    cut = [j for j, w in enumerate(subject) if w in _TAG_PREPOSITIONS]
    head = subject[cut[0] - 1] if cut and cut[0] > 0 else last  # "economists at the bank"
    if head in lex.source_works:
        return False  # "..., a new study shows": its authors are named around it
    if toks[i].lower.endswith("s"):  # "the ministry forecasts": a singular subject
        return first in lex.determiners or toks[k + 1].text[:1].isupper()
    # "engineers estimate", "hospital figures show": a plural subject
    opens = first in lex.determiners or _tag_noun(first, lex)
    return opens and (head.endswith("s") or head in IRREGULAR_PLURALS)


def _tag_noun(low: str, lex: Lexicon) -> bool:
    """Whether a word may be a noun of a tag's subject: no function word, no participle."""
    return (
        low not in lex.stopwords
        and low not in lex.noun_phrase_stops
        and not low.endswith(("ing", "ed", "ly"))
    )


def _candidate(toks: list[Token], i: int) -> str | None:
    """The asserter named around the verb ``toks[i]``, before pronouns are resolved.

    "According to X", "X said", "X, a spokesman, said", "said X"; a source that cites
    another gives way to it ("X reports, citing Y": the figure is Y's).
    """
    if toks[i].lower == "according" and i + 1 < len(toks) and toks[i + 1].lower == "to":
        np = _np_after(toks, i + 2)
        past = i + 2 + len(np)
        return _cited(toks, past) or _named_after(toks, np, past) or _clean_np(np)
    if i + 1 < len(toks) and toks[i + 1].lower == "by":
        return _clean_np(_np_after(toks, i + 2))  # "as reported by the ministry": its agent
    if toks[i].lower.endswith("ing"):
        return _participle_speaker(toks, i)
    end = i
    k = _past_adverbs(toks, i, lexicon())  # "which still puts"
    if k > 1 and toks[k - 1].lower == "and" and (opening := _opening_name(toks, k - 1)):
        # "The Reserve Bank kept its rate at 5% and said ...": the sentence's subject says it
        return _cited(toks, i + 1) or opening
    if _after_relative(toks, k):
        # "the union, which says ...": the phrase the clause hangs on says it
        return _cited(toks, i + 1) or _clean_np(_phrase_before_comma(toks, k - 2))
    if i > 1 and toks[i - 1].lower in ("that", "which") and toks[i - 1].text.islower():
        end = i - 1  # "the report that says": the report says it
    before = _np_before(toks, end)
    candidate = _clean_np(before)
    at = end - len(before)
    if candidate is None and at > 2 and toks[at - 1].text == ")" and toks[at - 3].text == "(":
        # "the statistics board (SB) data show": the initials in brackets name the source
        candidate = _clean_np([toks[at - 2], *before])
    if candidate is None and k > 1 and toks[k - 1].text == ",":
        # "The envoy, speaking after the talks, said ...", "X, a charity, still puts ..."
        commas = [c for c in range(k - 2, -1, -1) if toks[c].text == ","]
        between = toks[commas[0] + 1 : k - 1] if commas else []
        alias = [t.lower for t in between[:3]]
        if "known" in alias[:2] and "as" in alias:  # "The office, known as OCHA, said"
            between = between[alias.index("as") + 1 :]
        if between and all(t.text[:1].isupper() for t in between):
            candidate = _clean_np(between)  # "The mayor, Ann Ode, said": the name
        else:  # "The envoy, a former judge, said"; "His study, published in May, found"
            candidate = _clean_np(
                _np_before(toks, _past_initials(toks, commas[0] if commas else k - 1))
            )
    listener = toks[i].lower in _TOLD  # "Ann Ode, told Radio Nine that": Radio Nine listens
    if not listener and (candidate is None or (i > 0 and toks[i - 1].text in ',"”’')):
        after = _clean_np(_np_after(toks, i + 1))
        if after and (after[0].isupper() or after.lower().startswith(("the ", "a "))):
            candidate = after
    return _cited(toks, i + 1) or candidate


def _participle_speaker(toks: list[Token], i: int) -> str | None:
    """Who speaks by a participle after the sentence's first comma ("The union rejected the
    offer, saying ...", "Police shut the road, warning that ..."): the name the sentence
    opens with, the subject of its first clause; none otherwise."""
    first_comma = next((c for c, t in enumerate(toks) if t.text == ","), None)
    if first_comma is None or first_comma != i - 1:
        return None
    return _cited(toks, i + 1) or _opening_name(toks, first_comma)


def _possessive_body(toks: list[Token], i: int, lex: Lexicon) -> str | None:
    """The body a sentence opens with in the possessive before the verb ``toks[i]`` ("The
    union's fund will pay ..., it said": "union"), else ``None``."""
    for k in range(min(i, 6)):
        word = toks[k]
        if not _POSSESSIVE_S.search(word.text):
            continue
        phrase = [t for t in toks[:k] if t.lower not in lex.determiners] + [
            Token(_POSSESSIVE_S.sub("", word.text), word.start, word.end, word.lower[:-2])
        ]
        head = phrase[-1].lower
        named = phrase[-1].text[:1].isupper()
        if named or head in lex.body_anaphors:
            return " ".join(t.text for t in phrase)
        return None
    return None


def _past_adverbs(toks: list[Token], i: int, lex: Lexicon) -> int:
    """Where the adverbs before the verb ``toks[i]`` start ("which still puts": at "still")."""
    k = i
    while k > 0 and toks[k - 1].text.islower() and toks[k - 1].lower in lex.asserter_adverbs:
        k -= 1
    return k


def _in_relative_clause(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether the verb ``toks[i]`` opens a relative clause set off by a comma (", which
    says", ", who still puts")."""
    return _after_relative(toks, _past_adverbs(toks, i, lex))


def _after_relative(toks: list[Token], k: int) -> bool:
    """Whether ``toks[k]`` comes right after ", which" or ", who"."""
    return k > 2 and toks[k - 1].lower in ("which", "who") and toks[k - 2].text == ","


def _opening_name(toks: list[Token], k: int) -> str | None:
    """The name opening the sentence ``toks`` when its clause runs to ``toks[k]`` ("and")
    with no comma: "The Reserve Bank" of "The Reserve Bank kept its rate at 5% and"."""
    j = 0
    lex = lexicon()
    while j < k and (
        toks[j].text[:1].isupper()
        or (j and toks[j].lower in _NAME_WORDS_INSIDE)
        or _plural_possessive(toks, j, lex)  # "The Dockers' Union"
    ):
        j += 1
    while j > 1 and toks[j - 1].lower in _NAME_WORDS_INSIDE:
        j -= 1
    if j == 0 or j >= k or any(t.text in ",;:()—–" for t in toks[j:k]):
        return None
    if not toks[j].text.isalpha() or not toks[j].text.islower():
        return None  # the run of capitals must end at the verb: "The Bank kept"
    if _POSSESSIVE_S.search(toks[j - 1].text) or (j == 1 and toks[0].lower == "the"):
        # "Dravenia's defence ministry kept", "The central bank raised": the subject goes
        # on to a body's noun in lower case, else it is no name
        end = next(
            (
                n + 1
                for n in range(j, min(j + 3, k))
                if toks[n].lower in lex.body_anaphors or toks[n].lower in IRREGULAR_PLURALS
            ),
            None,
        )
        if end is None or not all(t.text.isalpha() and t.text.islower() for t in toks[j:end]):
            return None
        if end >= k or not toks[end].text.islower():
            return None
        j = end
    return _clean_np(toks[:j])


#: Lower-case words inside a name ("Bank of the North").
_NAME_WORDS_INSIDE = frozenset(["of", "for", "the", "and", "&"])


#: Words that end the noun phrase a relative clause hangs on, read backwards ("a sham by |
#: the ministry, which").
_PHRASE_STOPS = frozenset("by of to from with at in on for than as that and or".split())


def _phrase_before_comma(toks: list[Token], k: int) -> list[Token]:
    """The noun phrase ending at the comma ``toks[k]``, read back to its article, a
    preposition or a verb: "the herders' union", "the ministry" of "a sham by the ministry",
    "Acme Bank" of "officials at Acme Bank" (at most six words)."""
    j = k
    while j > 0 and k - j < 6:
        prev = toks[j - 1]
        if prev.text in _QUOTES and _plural_possessive(toks, j - 1, lexicon()):
            j -= 1
            continue
        if not _POSSESSIVE_S.sub("", prev.text).isalpha() or prev.lower in _PHRASE_STOPS:
            break  # a mark or a number; "Dravenia's" goes on
        if prev.lower in ("the", "a", "an"):
            j -= 1
            break
        if j < k and prev.text.islower() and prev.lower.endswith("ed"):
            break  # "has angered ministers, who": the verb before its object
        if prev.text.islower() and any(t.text[:1].isupper() for t in toks[j:k]):
            break  # "blamed Acme Bank": the verb before the name
        j -= 1
    return toks[j:k]


def _past_initials(toks: list[Token], k: int) -> int:
    """Where a name ends that stands before ``toks[k]`` with its initials in brackets between
    ("the Rail Union (RU), which represents drivers, said": the Rail Union's word), else k."""
    if k > 3 and toks[k - 1].text == ")" and toks[k - 3].text == "(" and toks[k - 2].text.isupper():
        return k - 3
    return k


def _named_after(toks: list[Token], np: list[Token], k: int) -> str | None:
    """The name set after a body named in lower case, past a comma ("according to the state
    utility, Grelco, ..."): the body's own name, else None."""
    if not np or any(t.text[:1].isupper() for t in np) or k >= len(toks) or toks[k].text != ",":
        return None
    name = _np_after(toks, k + 1)
    if not name or not all(t.text[:1].isupper() for t in name):
        return None
    return _clean_np(name)


def _cited(toks: list[Token], k: int) -> str | None:
    """The source after "citing" at ``toks[k]`` (past a comma): the primary source."""
    if k < len(toks) and toks[k].text == ",":
        k += 1
    if k + 1 < len(toks) and toks[k].lower == "citing":
        return _clean_np(_np_after(toks, k + 1))
    return None


#: How far back from a figure (in characters) its subject and relative clause are looked
#: for: bounded, so that the reading stays linear in long sentences.
_REACH = 300


def tokens_before(tokens: TextTokens, sent_start: int, start: int) -> list[Token]:
    """The tokens of the sentence from ``sent_start`` up to ``start``, at most ``_REACH``
    characters back (what :func:`subject_before` and :func:`relative_phrase` read)."""
    return tokens.window(max(sent_start, start - _REACH), start)


def subject_before(
    tokens: TextTokens,
    sent_start: int,
    start: int,
    *,
    skip: str | None,
    figures: Sequence[tuple[int, int]] = (),
    reaching: int | None = None,
    toks: list[Token] | None = None,
) -> str | None:
    """Whom a figure is about: a capitalised name before it in the sentence.

    Prefers the name that heads a verb ("Acme has", "the mayor is spending") or owns
    something ("Acme's"), then the last name not cut off by a comma. Words inside the
    spans of ``figures`` (other figures of the sentence, such as "4.2 million Swedish
    crowns") are never a name. With ``reaching``, where the figure's concept starts as
    the subject of its clause, only a name reaching into that phrase counts: one before
    it is another clause's ("Acme estimated that a strike would cost $30m"). ``toks`` are
    :func:`tokens_before` ``start`` when the caller has them already.
    """
    lex = lexicon()
    if toks is None:
        toks = tokens_before(tokens, sent_start, start)
    if not _may_name(tokens.text, toks, lex):
        return None  # the cheap test first: no capital that may open a name
    runs = [
        run
        for run in _name_runs(toks, figures, lex)
        if not run.agent
        and not _not_a_name(run.words, sent_start, run.adjectival)
        and (
            reaching is None
            or run.words[-1].end > reaching
            or run.heads_item(sent_start)  # "Acme — Shares of the ..."
        )
    ]
    if not runs:
        return None  # no name before the figure
    return _name_phrase(toks, _chosen_name(runs, sent_start, skip, lex), lex)


@dataclass(slots=True)
class _NameRun:
    """A run of capitalised words (a name) before a figure, and the word after it."""

    words: list[Token] = field(default_factory=list)
    #: the lower-case word after the run (its verb when it heads one); "" at the end
    after: str = ""
    #: another name for something named ("dubbed the HX-2") or a passive's agent ("built by
    #: Kessler"): not whom the figure is about
    agent: bool = False
    #: an adjective of the phrase a lower-case word follows ("Brazilian steel giant")
    adjectival: bool = False

    def heads_item(self, sent_start: int) -> bool:
        """ "Acme — Shares of the chip maker rose 4%": the name an item is about."""
        return self.words[0].start == sent_start and self.after in _DASHES

    def text(self) -> str:
        return " ".join(t.text for t in self.words)


def _may_name(text: str, toks: list[Token], lex: Lexicon) -> bool:
    """Whether :func:`_name_runs` may find a name among ``toks``: a capital stands in the text
    after the first token (a text equal to its lower-case form has none), or the first token
    is capitalised and no stopword ("Acme rose", not "The index rose")."""
    if not toks:
        return False
    first = toks[0]
    after = text[first.end : toks[-1].end]
    if after != after.lower():
        return True
    return _capital(first.text) and _less_possessive(first.lower) not in lex.stopwords


def _capital(word: str) -> bool:
    """The cheap part of :func:`_capitalised`: a capital first or second ("Acme", "iPhone");
    a word all in lower case has none (one test)."""
    return not word.islower() and (word[:1].isupper() or word[1:2].isupper())


def _name_runs(
    toks: list[Token], figures: Sequence[tuple[int, int]], lex: Lexicon
) -> list[_NameRun]:
    """The names among ``toks``, each with the word after it; a new clause (";", or one
    the writer or reader heads, "we hope to hire 400 staff") drops the names before it,
    and a capitalised run after "in", "at" ... is a place, not a name."""
    runs: list[_NameRun] = []
    words: list[Token] = []  # the run being read (a _NameRun once it closes)
    agent = False
    place = False  # inside a capitalised run that names a place ("in Salt Lake City")
    k = 0  # the first figure not ending before the token (tokens and figures are in order)
    for i, tok in enumerate(toks):
        word = tok.text
        # _capital(word), written out: the test every token before a figure takes
        capital = not word.islower() and (word[:1].isupper() or word[1:2].isupper())
        if not (capital or words or word == ";" or tok.lower in _OWN_CLAUSE_PRONOUNS):
            place = False  # a plain word outside a name: what the steps below come to
            continue
        while k < len(figures) and figures[k][1] <= tok.start:
            k += 1
        inside = k < len(figures) and figures[k][0] <= tok.start
        if word == ";" or (tok.lower in _OWN_CLAUSE_PRONOUNS and heads_own_clause(toks, i, lex)):
            runs, words = [], []
            continue
        if (
            not inside
            and capital
            and _capitalised(toks, i, lex)
            and not (i == 0 and _less_possessive(tok.lower) in lex.stopwords)
        ):
            place = place or (not words and i > 0 and toks[i - 1].lower in _LOCATIVE)
            if place:
                continue  # "in Ukraine", "in Salt Lake City": a place in a phrase
            if not words:
                agent = _agent_before(toks, i)
            words.append(tok)
            continue
        place = False
        if words and _continues_name(toks, i, inside):
            words.append(tok)
            continue
        if words:
            runs.append(_closed(_NameRun(words, agent=agent), toks, i, lex))
            words = []
    if words:
        runs.append(_NameRun(words, agent=agent))
    return runs


def _capitalised(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """A word written as a name ("Acme", "iPhone"): not a month or a weekday (nor a weekday's
    plural, or its possessive written without the apostrophe: "Sundays"), nor a letter
    ("W" of "14 W 52nd St"), nor a sign's prefix ("HK" of "HK $7.2m", "Y" of "Y=30 billion")."""
    tok = toks[i]
    word, low = tok.text, tok.lower
    return (
        (word[:1].isupper() or (word[:1].islower() and word[1:2].isupper()))
        and low not in lex.months
        and low not in lex.weekdays
        and not (low.endswith("s") and low[:-1] in lex.weekdays)  # "Sundays", "Sundays game"
        and len(word) > 1
        and not (i + 1 < len(toks) and toks[i + 1].start == tok.end and toks[i + 1].text in "$=")
    )


def _agent_before(toks: list[Token], i: int) -> bool:
    """Whether a name starting at ``toks[i]`` is a passive's agent ("a motor built by
    Kessler to deliver") or another name for a thing ("the rail link, dubbed the HX-2,")."""
    if i > 0 and toks[i - 1].lower == "by":
        return True
    return i > 1 and _ALIAS.match(" ".join(t.lower for t in toks[i - 2 : i])) is not None


def _continues_name(toks: list[Token], i: int, inside: bool) -> bool:
    """A word inside a name: "of" or "and" before a capital ("Bank of Nowhere"), or a short
    number that is no year ("Pixel 8 Pro", "Model 3 Long Range", "FTSE 100")."""
    word, low = toks[i].text, toks[i].lower
    if low in ("of", "and", "&"):
        return i + 1 < len(toks) and toks[i + 1].text[:1].isupper()
    return word.isdigit() and not inside and len(word) <= 4 and not 1800 <= int(word) <= 2100


def _closed(run: _NameRun, toks: list[Token], i: int, lex: Lexicon) -> _NameRun:
    """``run`` ended by ``toks[i]``, with the word after it: the verb past the nouns that
    complete it into a subject ("Acme shares have been") or past an adverb ("Zentro also
    sells")."""
    word, after = toks[i].text, toks[i].lower
    nouns = 0
    if not (
        (len(run.words) == 1 and run.words[0].lower.endswith(lex.demonym_endings))
        or _POSSESSIVE_S.search(run.words[-1].text)  # "Russia's prison population": Russia
    ):
        nouns = _nouns_heading_verb(toks, i, lex)
    if nouns:  # "Acme shares have been", "a Leeds midfield that conceded"
        run.words = run.words + toks[i : i + nouns]
        after = toks[i + nouns].lower
    elif after in lex.concept_fillers and i + 1 < len(toks):
        after = toks[i + 1].lower  # "Zentro also sells": the verb after the adverb
    run.after = after
    # "Brazilian steel giant": a lower-case word follows
    run.adjectival = (
        not nouns and word[:1].isalpha() and word[:1].islower() and after not in lex.stopwords
    )
    return run


def _chosen_name(
    runs: list[_NameRun], sent_start: int, skip: str | None, lex: Lexicon
) -> list[Token]:
    """The name an item is about, else the last heading a verb or owning something, else
    the last not cut off by a comma, else the last; none that ``skip`` holds."""
    item = next((run.words for run in runs if run.heads_item(sent_start)), None)
    if item:
        return item
    usable = [run for run in runs if not (skip and run.text() in skip)]
    for run in reversed(usable):
        after = run.after
        if (
            after in _AUX
            or after in ("'s", "’s")
            or run.text().endswith(("'s", "’s"))
            or (after,) in lex.changes
            or _verb_like(after, lex.concept_verbs)
        ):
            return run.words  # the name heading a verb: "Acme has", "the rover reached"
    spaced = [run for run in usable if run.after != ","]
    return (spaced or usable or [_NameRun()])[-1].words


def _name_phrase(toks: list[Token], chosen: list[Token], lex: Lexicon) -> str | None:
    """The name as a phrase: without trailing function words, with the word describing it
    ("the base Pixel 8"), without a possessive "'s"."""
    while chosen and chosen[-1].lower in lex.stopwords:
        chosen = chosen[:-1]  # "Sara Holm With 310 ...": a capitalised word of the text
    if chosen:
        chosen = _with_title(toks, chosen, lex)
    phrase = _less_possessive(" ".join(t.text for t in chosen)).strip()  # (no line break)
    if not phrase or phrase.lower() in lex.stopwords:
        return None  # also "There's"
    return phrase


def _with_title(toks: list[Token], name: list[Token], lex: Lexicon) -> list[Token]:
    """``name`` with the one lower-case word that describes it between an article and the
    name: "the base Pixel 8", "the self-styled Salmon Queen", "with broker Hale Lane"."""
    k = next((n for n, t in enumerate(toks) if t.start == name[0].start), 0)
    if k < 2 or toks[k - 2].lower not in ("the", "a", "an", "with"):
        return name
    word = toks[k - 1]
    low = word.lower
    if not (
        word.text.replace("-", "").isalpha()
        and word.text.islower()
        and low not in lex.stopwords
        and low not in _AUX
        and low not in lex.attribution_verbs
        and low not in lex.months
        and ("-" in low or not (_verb_form(low, lex) or low.endswith("ed")))  # "self-styled"
    ):
        return name
    return [word, *name]


def asserter_owns(left: list[Token], asserter: str, lex: Lexicon) -> bool:
    """Whether a figure after the tokens ``left`` is the asserter's own: its clause is
    "<asserter> said (that) it/they/he/she/we ..." or "... said its/their ...", the pronoun
    standing for the asserter, or the figure is what the asserter "expects" or "reported" of
    itself."""
    reported = False  # passed "that": what follows is reported, not the asserter's own
    for k in range(len(left) - 1, max(0, len(left) - 16), -1):  # the pronoun is near
        tok = left[k]
        if tok.text[:1].isupper() or tok.text in ",;:()":
            return False  # a name or a new clause between the pronoun and the figure
        reported = reported or tok.lower == "that"
        if tok.lower in _OWN_OUTLOOK and not reported:
            # "the retailer now forecasts a yearly profit of $2bn": its own profit, if it is
            # the asserter (not "Acme posted a loss, according to analysts")
            owner = next(
                (t for t in reversed(left[:k]) if t.lower not in lex.concept_fillers), None
            )
            return owner is not None and owner.text == asserter.split()[-1]
        if tok.lower in lex.attribution_pronouns or tok.lower in _POSSESSIVE_PRONOUNS:
            # "Acme said it has", "Acme said its sales rose": the pronoun stands for Acme
            verb = next((t.lower for t in left[k + 1 :] if t.lower not in _MODALS), "")
            if verb in _IMPERSONAL:
                return False  # "Acme says it will cost drivers $310 a year": "it" is no one
            before = left[k - 1].lower
            if before == "that" and k > 1:
                before = left[k - 2].lower
            return before in lex.attribution_verbs
    return False


_OWN_CLAUSE_PRONOUNS = frozenset(["we", "you", "i"])


def heads_own_clause(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """Whether ``toks[i]`` is "we", "you" or "I" heading a verb: a clause of the writer's or
    the reader's, which no name before it owns ("..., we hope to hire 400 staff")."""
    return (
        toks[i].lower in _OWN_CLAUSE_PRONOUNS
        and i + 1 < len(toks)
        and (toks[i + 1].lower in _AUX or _verb_like(toks[i + 1].lower, lex.concept_verbs))
    )


def _nouns_heading_verb(toks: list[Token], i: int, lex: Lexicon) -> int:
    """How many lower-case nouns at ``toks[i:]`` complete a name into a clause subject.

    "Acme shares have been", "Lisbon villa reportedly sold", "a Leeds midfield that
    conceded": one or two plain words after a name, then an auxiliary, a relative pronoun or
    a past-tense verb, make the name part of the subject phrase. A word that is also a verb
    (the lexicon's ``verb_nouns``) is a noun right after the name, before another word ("the
    US trade deficit hit"). Anything else (0) leaves the name alone ("Brazilian steel
    giant", "Mazda lost 3%").
    """
    for n in (1, 2):
        if i + n >= len(toks):
            return 0
        word = toks[i + n - 1]
        low = word.lower
        if not (
            word.text.isalpha()
            and word.text.islower()
            and low not in lex.stopwords
            and low not in _AUX
            and low not in _RELATIVE
            and (low,) not in lex.changes
            and ((n == 1 and low in lex.verb_nouns) or not _verb_like(low, lex.concept_verbs))
            and not low.endswith("ly")
        ):
            return 0
        following = toks[i + n]
        nxt = following.lower
        if following.text.islower() and (
            nxt in _AUX
            or nxt in ("that", "which")
            or nxt in lex.attribution_pronouns  # "the Lumo cycling brand it acquired"
            or (nxt.endswith("ly") and len(nxt) > 4)  # "reportedly", "officially"
            or _verb_like(nxt, lex.concept_verbs)
        ):
            return n
    return 0


def _not_a_name(run: list[Token], sent_start: int, next_lower: bool = False) -> bool:
    """A capitalised run that names nobody: a currency code ("HK", "JPY", "PS") or a common
    adjective capitalised only because it opens the sentence ("Typical journey times")."""
    lex = lexicon()
    if len(run) != 1:
        return False
    word = run[0].text
    if word in lex.currency_prefixes:
        return True
    if next_lower and run[0].lower.endswith(lex.demonym_endings):
        return True  # "The Brazilian steel giant": an adjective of the phrase, not a name
    return run[0].lower in lex.common_adjectives and (
        run[0].start == sent_start or not word.isupper()
    )


def has_relative_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a relative pronoun, as a word or inside one: what
    :func:`relative_phrase` needs in the tokens before a figure (a sentence without one
    needs no reading for each of its figures). Each is looked for with ``str.find``,
    several times faster than a search for all three with one regex."""
    return (
        text.find("that", start, end) >= 0
        or text.find("which", start, end) >= 0
        or text.find("who", start, end) >= 0
    )


def relative_phrase(
    tokens: TextTokens, sent_start: int, start: int, *, toks: list[Token] | None = None
) -> tuple[int, int] | None:
    """Offsets of the phrase a figure's relative clause stands for, if the figure is in one
    ("the long lake that is about 40 miles wide": the span of "long lake"). ``toks`` are
    :func:`tokens_before` ``start`` when the caller has them already."""
    if toks is None:
        toks = tokens_before(tokens, sent_start, start)
    if not toks or not has_relative_word(tokens.text, toks[0].start, toks[-1].end):
        return None  # the cheap test first: no relative pronoun, as a word or inside one
    k = _relative_clause_phrase(toks, lexicon())
    if not k:
        return None
    end = k
    while end + 1 < len(toks) and toks[end + 1].text != "," and toks[end + 1].text not in _RELATIVE:
        end += 1
    return toks[k].start, toks[end].end


def _relative_clause_phrase(toks: list[Token], lex: Lexicon) -> int:
    """Where the phrase a figure's relative clause stands for begins, or 0.

    In "... Ana Ruiz with a crew that included 12 divers" the figure belongs to "a
    crew", not to a name before it: the tokens from "squad" on are the ones to read.
    A "that" after a verb ("said that") opens no relative clause.
    """
    for k in range(len(toks) - 1, 0, -1):
        word = toks[k].text
        if word in _RELATIVE:
            j = k - 1 if toks[k - 1].text != "," else k - 2
            if j < 0 or not toks[j].text.islower() or not _antecedent_noun(toks[j], lex):
                return 0  # a name before it is the phrase ("Renwick, which is ...")
            while j > 0 and toks[j - 1].text[:1].isalnum() and _antecedent_noun(toks[j - 1], lex):
                j -= 1  # back to the article or the verb before the phrase
            return j
        if word in ";:" or word in _CONJUNCTIONS:
            return 0  # "a firm that makes chips, but sales fell 5%": another clause
    return 0


def _antecedent_noun(tok: Token, lex: Lexicon) -> bool:
    """A word that can end the phrase a relative pronoun stands for: not a verb or a
    function word ("announced that", "so that", "more than that")."""
    low = tok.lower
    return (
        (low.isalpha() or any(ch.isalpha() for ch in low))
        and low not in lex.stopwords
        and low not in _AUX
        and low not in _SPEECH
        and low not in lex.attribution_verbs
        and not (tok.text.islower() and _verb_form(low, lex))
    )


def _verb_form(word: str, lex: Lexicon) -> bool:
    """A verb form ending a phrase ("reached", "can reach") or a participle in -ing
    ("shooting"; not a noun such as "funding")."""
    return _verb_like(word, lex.concept_verbs) or (
        word.endswith("ing") and len(word) > 4 and word not in lex.ing_nouns
    )


def _verb_like(word: str, verbs: frozenset[str]) -> bool:
    """A verb form that ends a subject phrase: "reached", "can reach"."""
    return word in verbs or (len(word) > 5 and word.endswith("ed") and "-" not in word)


def _past_lead_in(toks: list[Token], lex: Lexicon) -> list[Token]:
    """``toks`` after a lead-in a comma closes within its first ten tokens, when it opens
    with a stopword ("Since opening the depot, the firm ..."); not "The bank, a lender,
    ...", whose opener starts a phrase."""
    comma = next((k for k, t in enumerate(toks[:10]) if t.text == ","), None)
    if comma is None or toks[0].lower not in lex.stopwords or toks[0].lower in lex.phrase_openers:
        return toks
    return toks[comma + 1 :]


def sentence_head(
    tokens: TextTokens, sent_start: int, sent_end: int, *, limit: int = 4
) -> tuple[str, int]:
    """The noun phrase a sentence opens with and where it ends ("", 0 when none).

    "The ash cloud spread for some forty miles" gives "ash cloud"; a lead-in
    cut off by a comma ("However, the company ...") is passed over.
    """
    lex = lexicon()
    toks = _past_lead_in(tokens.window(sent_start, min(sent_end, sent_start + 160)), lex)
    picked: list[str] = []
    end = 0
    for i, tok in enumerate(toks):
        low = tok.lower
        if tok.text == "," and i < 4:
            if _head_before_appositive(toks, picked, lex):
                break  # "The Halden Group, a haulier, ...": the head, then its appositive
            picked = []  # a lead-in: "However,", "In total,", "As of today,"
            continue
        if low in ("the", "a", "an") and not picked:
            continue
        if (
            low in ("and", "&")
            and picked
            and i + 1 < len(toks)
            and toks[i + 1].text.isalpha()
            and toks[i + 1].lower not in lex.stopwords
        ):
            picked.append(tok.text)  # "The food and drinks group"
            continue
        if (
            picked
            and tok.text.isdigit()
            and len(tok.text) <= 3
            and i + 1 < len(toks)
            and toks[i + 1].text.isalpha()
        ):
            picked.append(tok.text)  # "The level 3 alert was"
            end = tok.end
            continue
        if (
            low == "of"
            and picked
            and i + 1 < len(toks)
            and toks[i + 1].lower not in _AUX
            and toks[i + 1].text.isalpha()
        ):
            picked.append(tok.text)  # "The cost of the new stadium was"
            continue
        if low in ("the", "a", "an") and picked and picked[-1] == "of":
            continue
        if (
            not tok.text[:1].isalpha()
            or _less_possessive(low) in lex.stopwords  # "There's"
            or low in _AUX
            or (tok.text.islower() and _verb_like(low, lex.concept_verbs))
            or low in lex.attribution_verbs
            or low in lex.verb_nominals  # "The chain earns 40% of its sales"
        ):
            break
        words = [w for w in picked if w not in ("and", "&", "of")]
        if len(words) == limit - 1 and low.endswith("s") and not low.endswith("ss"):
            break  # "The Brazilian steel giant earns": a fourth word in -s is a verb
        if words and _verb_before_object(toks, i, lex):
            break  # "the mine employs 400", "the operator cut its": a verb before its object
        if words and tok.text.islower() and only_a_verb(low):
            break  # "The fund manages ...", "The striker threw ...": a word only ever a verb
        picked.append(tok.text)
        end = tok.end
        if len(words) + 1 >= limit:
            break
    while picked and picked[-1] in ("and", "&", "of"):
        picked.pop()
    return " ".join(picked), end


def _verb_before_object(toks: list[Token], i: int, lex: Lexicon) -> bool:
    """A lower-case word right before a determiner is a verb before its object, since no
    noun of a phrase stands there ("the scheme faces a shortfall", "the operator cut its
    forecast"); so is a word in -s right before a figure ("the mine employs 400 people"),
    not a plural noun of the phrase before it."""
    if not toks[i].text.islower() or i + 1 >= len(toks):
        return False
    low, after = toks[i].lower, toks[i + 1]
    return after.lower in lex.determiners or (
        after.text[:1].isdigit() and low.endswith("s") and not low.endswith("ss")
    )


def _head_before_appositive(toks: list[Token], picked: list[str], lex: Lexicon) -> bool:
    """Whether the words ``picked`` before a comma near a sentence's start are its head noun
    phrase, an article opening them ("The Halden Group, a haulier, said"), rather than a
    lead-in ("However,", "The next day,": a time)."""
    return (
        bool(picked)
        and toks[0].lower in ("the", "a", "an")
        and not any(
            w.lower() in lex.concept_fillers or w.lower() in lex.months or w.lower() in lex.weekdays
            for w in picked
        )
    )
