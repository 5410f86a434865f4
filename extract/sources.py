"""What names a source: trimming an asserter phrase to the source it names, and telling
which later mentions ("the agency", "WHO") stand for a source named before.

These work on the word tokens of :mod:`extract.context` (anything with ``text`` and
``lower``) and on plain strings; the word lists are in ``data/lexicon.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from .lexicon import Lexicon, hedge_alternation, lexicon

__all__ = [
    "REJECTED_BEFORE",
    "agent_after",
    "describes_a_name",
    "headline_source",
    "in_clause_of",
    "is_anaphor",
    "may_name_reckoning",
    "name_acronyms",
    "names_institution",
    "names_source",
    "official_source",
    "own_source",
    "owned_pair",
    "paired_side",
    "reckoned_by",
    "set_aside_before",
    "splits_sentence",
    "trim_source",
]

_PREPOSITIONS = frozenset(["from", "by", "of", "at"])
#: "figures from X", "a study by X": the preposition that names the carrier's source
#: ("a study of deaths" names its topic)
_SOURCE_PREPOSITIONS = frozenset(["from", "by"])
_NAME_LINKS = frozenset(["of", "for", "and", "the", "on", "de", "&"])
#: Between two capitalised words of a name: white space, linking words among it.
_LINKS_GAP = r"\s+(?:(?:" + "|".join(map(re.escape, sorted(_NAME_LINKS))) + r")\s+)*"
_AUXILIARIES = frozenset(
    "is are was were be been has have had will would can could may might".split()
)
#: What ends a clause inside a sentence, for telling whose figure is whose; "and" or "or"
#: right before a figure opens the next figure's clause ("48,000 by one count and 70,000 by
#: another").
_CLAUSE_MARK = re.compile(
    r",(?!\d)|[;:()—–]|\s(?:while|whereas|but)\s|\s(?:and|or)\s(?=(?:about |some )?[\d$£€])"
)
#: "48,000 for the police": after a figure, the side that counts it.
_FOR_SIDE = re.compile(
    r"\s+(?:for|by)\s+(?:the\s+)?([A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3})\s*$"
)
#: "the official toll of", "its official Covid-19 tally of": an official count names its
#: keepers as the source of the figure that follows.
_OFFICIAL = re.compile(
    r"\bofficial\s+(?:[\w-]+\s+){0,3}?(toll|tally|count|figure|total|estimate|record)s?\b"
    r"[^.;:!?]{0,60}?\s(?:of|is|was|at|stands at|stood at|reached)\s+"
    r"(?:about |around |nearly |more than |over )?$",
    re.IGNORECASE,
)
#: "the Harbour Board estimate for 2020 is": an estimate given as the figure that follows.
_ESTIMATE = re.compile(
    r"\b(?:estimate|projection)s?\b[^.;:!?]{0,60}?\s(?:is|was|stands at|stood at)\s+"
    r"(?:about |around |nearly |more than |over )?$",
    re.IGNORECASE,
)
#: A name right before a count or an estimate, possessive or not: who keeps it.
_KEEPER = re.compile(
    r"(?<![\w-])((?:[A-Z][\w&-]*\s+(?:of\s+(?:the\s+)?)?){0,4}[A-Z][\w&-]*)(?:['’]s)?\s+$"
)
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
#: A word in capitals (read over a whole text: the pattern opens with its first capital, so
#: that the regex engine skips ahead to one, and checks the word boundary before it after).
_CAPITAL_WORD = re.compile(r"[A-Z](?<=\b[A-Z])[A-Z&]{1,7}\b")


class _Word(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def lower(self) -> str: ...


_W = TypeVar("_W", bound=_Word)


def _is_number(word: _Word) -> bool:
    return word.text[:1].isdigit() or word.text in ("%", "per", "percent")


def _participle_at(words: Sequence[_Word], lex: Lexicon) -> int:
    """Where a past participle starts a clause after a noun ("data released on Monday",
    "a study published in a journal"): the phrase names its source before it."""
    for k in range(1, len(words)):
        word, prev = words[k], words[k - 1]
        if (
            word.text.isalpha()
            and word.text.islower()
            and word.lower.endswith("ed")
            and len(word.lower) > 4
            and prev.lower not in lex.stopwords
        ):
            return k
    return len(words)


_DASHES = frozenset({"-", "–", "—", "--"})


#: "calls itself", "calling themselves": the name a group gives itself comes after.
_CALL_FORMS = frozenset({"call", "calls", "calling", "called"})
_SELF_FORMS = frozenset({"itself", "themselves", "himself", "herself"})


def _after_last_dash(words: Sequence[_Word]) -> int:
    """Where the words after the last dash start (0 when there is none)."""
    for k in range(len(words) - 1, -1, -1):
        if words[k].text in _DASHES:
            return k + 1
    return 0


def _self_named_at(words: Sequence[_Word]) -> int:
    """Where the name a group gives itself starts ("a group that calls itself Grey Wolf":
    at "Grey"), 0 when none is given (a plain loop: no generator for the usual miss)."""
    for k in range(len(words) - 2):
        if words[k].lower in _CALL_FORMS and words[k + 1].lower in _SELF_FORMS:
            return k + 2
    return 0


def _by_after(words: Sequence[_Word], participle: int) -> int | None:
    """Where "by" stands within four words after the participle at ``participle``."""
    for k in range(participle + 1, min(participle + 5, len(words))):
        if words[k].lower == "by":
            return k
    return None


def _auxiliary_at(words: Sequence[_Word]) -> int:
    """Where the first auxiliary after the first word stands (the length when none does)."""
    for k in range(1, len(words)):
        if words[k].lower in _AUXILIARIES:
            return k
    return len(words)


def trim_source(words: Sequence[_W], lex: Lexicon) -> Sequence[_W] | None:
    """The words of an asserter phrase that name its source, or ``None`` when it names none.

    An asserter is a noun phrase naming who says a figure: never a number, a weekday or a
    month. The carrier of a source's figures gives way to the source ("figures from the
    agency" -> "the agency", "UNHCR data" -> "UNHCR"); a clause after a participle and an
    adjective of time before a name are dropped ("the latest HSB data released on Monday"
    -> "HSB"); a group "that calls itself" a name is that name.
    """
    words = words[_after_last_dash(words) :]  # "Toll rises - - The port authority"
    words = words[_self_named_at(words) :]  # "a group that calls itself Grey Wolf"
    words = words[_phrase_start(words, lex) :]
    if any(map(_is_number, words)):
        return None
    carriers = lex.source_nouns
    participle = _participle_at(words, lex)
    by = _by_after(words, participle)
    if (
        by is not None
        and by + 1 < len(words)
        and any(w.lower in carriers for w in words[:participle])
    ):
        words = words[by + 1 :]  # "data released (on Monday) by the agency": the agency's
        participle = _participle_at(words, lex)
    words = words[:participle]
    # "analysts have long": a clause, its subject names the source
    words = words[: _auxiliary_at(words)]
    while words and (words[-1].lower in lex.weekdays or words[-1].lower in lex.months):
        words = words[:-1]
    for j in range(min(4, len(words) - 2)):
        if words[j].lower in carriers and words[j + 1].lower in _SOURCE_PREPOSITIONS:
            words = words[j + 2 :]
            break
    owner = _last_owner(words) if len(words) > 1 and words[-1].lower in carriers else -1
    if owner >= 0:
        words = words[: owner + 1]  # "the ministry's figures", "the board's long-run forecast"
    elif len(words) > 1 and words[-1].lower in carriers:
        named = words[-2].text[:1].isupper() and words[-2].lower not in lex.determiners
        if named:
            words = words[:-1]  # "UNHCR data", "the WHO report"
        elif words[-1].lower in lex.source_carriers:
            return None  # "the Covid toll estimates", "government figures": data, no source
    lead = 0
    while lead < len(words) - 1 and (
        words[lead].lower in lex.determiners or words[lead].lower in lex.source_adjectives
    ):
        lead += 1
    if lead and words[lead - 1].lower in lex.source_adjectives and words[lead].text[:1].isupper():
        words = words[lead:]  # "the latest UNHCR" -> "UNHCR"
    return words or None


def _last_owner(words: Sequence[_Word]) -> int:
    """Where the last word in a possessive before the last word is ("the board's long-run
    forecast": 1), or -1."""
    return max((k for k, w in enumerate(words[:-1]) if w.text.endswith(("'s", "’s"))), default=-1)


def _phrase_start(words: Sequence[_W], lex: Lexicon) -> int:
    """Where the noun phrase of an asserter starts: at its article, when a word that links
    no name stands before it ("echoes a Bank of Avalon analysis" -> "a Bank of ...") or a
    year does ("in 2020 the treasury"), or at a capitalised article after a dateline ("date 2023-09-14 The port authority");
    "officials in the port" and "the head of the board" are one phrase."""
    for k in range(len(words) - 1, 0, -1):
        prev = words[k - 1]
        if words[k].text in ("The", "A", "An"):
            return k
        if words[k].lower in ("a", "an", "the") and (
            prev.text.isdigit()  # "in 2020 the treasury"
            or (
                prev.text.isalpha()
                and prev.text.islower()
                and prev.lower not in lex.stopwords
                and prev.lower not in _NAME_LINKS
            )
        ):
            return k
    return 0


def is_anaphor(phrase: str, lex: Lexicon) -> bool:
    """Whether ``phrase`` ("agency", "the ministry", "spokesman") is a common noun standing
    for an organisation or its spokesperson named before: lower case, ending in one of
    the lexicon's ``source_anaphors``, three words at most."""
    words = phrase.split()
    return (
        0 < len(words) <= 3
        and phrase.islower()
        and words[-1] in lex.source_anaphors
        and not any(w in _PREPOSITIONS for w in words)
    )


def _initial_parts(name: str) -> list[str]:
    """Each word's part of ``name``'s initials: its first letter when capitalised and no
    linking word ("of", "the"), else nothing."""
    return [w[0] if w[:1].isupper() and w.lower() not in _NAME_LINKS else "" for w in name.split()]


def _initials(name: str) -> str:
    return "".join(_initial_parts(name))


def _tail_initials(source: str) -> list[str]:
    """The initials of ``source`` and of each run of its last words but the last word alone
    ("Office of the Water Board": "OWB", "WB", "WB", "B"... less the last), those of two
    letters or more: :func:`_initials` of each, from each word's initial read once."""
    parts = _initial_parts(source)
    tails = ("".join(parts[k:]) for k in range(len(parts) - 1))
    return [initials for initials in tails if len(initials) > 1]


def _used_initials(capitals: set[str], tails: list[str]) -> str | None:
    """The first of ``tails`` (:func:`_tail_initials` of a source, "Office of the Water
    Board": "OWB", "WB") that the text uses as a word (``capitals``: its words in capitals)."""
    return next((initials for initials in tails if initials in capitals), None)


#: Two people's names joined by "and" ("Ana Lind and Jo Berg"): a pair of people, cited by
#: their names, not one institution cited by initials.
_TWO_PEOPLE = re.compile(
    r"[A-Z][a-z'\u2019-]+\s+[A-Z][a-z'\u2019-]+\s+and\s+[A-Z][a-z'\u2019-]+\s+[A-Z][a-z'\u2019-]+$"
)


def _is_institution(source: str) -> bool:
    """A name of an institution, of capitalised words and linking words only, with a linking
    word or an institution noun ("Office for Harbour Statistics", "Port Safety Agency"),
    and no abbreviation of its own ("UK Ministry of Defence" is cited otherwise); two
    people's names joined by "and" are not one."""
    words = source.split()
    return (
        not _TWO_PEOPLE.search(source)
        and all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words)
        and not any(w.isupper() for w in words)
        and (any(w in _NAME_LINKS for w in words) or words[-1].lower() in lexicon().source_anaphors)
    )


def _spelt_out(text: str, acronym: str) -> str | None:
    """The name that ``acronym`` abbreviates in ``text`` ("Office for Harbour Statistics
    (OHS)"): the capitalised words just before the acronym in brackets, whose initials it is."""
    at = text.find(f"({acronym})")
    if at < 0:
        return _written_out(text, acronym)
    words = text[max(0, at - 120) : at].split()
    for n in range(len(acronym), min(len(words), 2 * len(acronym) + 2) + 1):
        name = " ".join(words[-n:])
        if _initials(name.title()) == acronym and words[-n].lower() not in _NAME_LINKS:
            return name  # also "the national harbour register (NHR)", in lower case
    return None


def _written_out(text: str, acronym: str) -> str | None:
    """A name the text writes out in capitalised words whose initials are ``acronym``
    without putting the acronym in brackets ("the Harbour Safety Board ... HSB figures");
    only for acronyms of three letters or more."""
    if len(acronym) < 3 or not acronym.isalpha():
        return None
    found = re.search(r"\b" + _LINKS_GAP.join(f"{c}[a-z]+" for c in acronym) + r"\b", text)
    return found.group() if found else None


def name_acronyms(text: str, sources: Iterable[str]) -> dict[str, str]:
    """Each source named both in full and by its initials in ``text``, written as
    "Full Name (ACRONYM)", so that either mention reads as the same source.

    A spelt-out name ("World Health Organization") is joined with its initials when the
    text also uses them as a word; a bare acronym is joined with the source whose initials
    it is, or else with the name the text spells out for it in brackets. Other sources are
    left out of the mapping.

    Examples
    --------
    >>> text = "The Harbour Safety Board (HSB) said 40 ships ... HSB figures show 12."
    >>> name_acronyms(text, ["HSB", "Harbour Safety Board", "the port"])
    {'HSB': 'Harbour Safety Board (HSB)', 'Harbour Safety Board': 'Harbour Safety Board (HSB)'}
    """
    names = [s for s in dict.fromkeys(sources) if "(" not in s]
    acronyms = {s for s in names if _ACRONYM.fullmatch(s)}
    initials_of = {s: _initials(s) for s in names if s not in acronyms}
    tails = {s: _tail_initials(s) for s in initials_of}
    # the text's words in capitals, read only when one of the initials stands in it
    cited = any(" " in s for s in names) and any(
        initials in text for found in tails.values() for initials in found
    )
    capitals = set(_CAPITAL_WORD.findall(text)) if cited else set()
    full = {initials: s for s, initials in initials_of.items() if len(initials) > 1}
    out: dict[str, str] = {}
    for source in names:
        if source in acronyms:
            name = full.get(source) or _spelt_out(text, source)
            if name:
                out[source] = f"{name} ({source})"
            continue
        initials = _used_initials(capitals, tails[source])
        if initials:
            out[source] = f"{source} ({initials})"
            continue
        initials = initials_of[source]
        if len(initials) > 2 and _is_institution(source):
            out[source] = f"{source} ({initials})"  # long names are cited by initials too
    return out


def _clause(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The clause of ``text[lo:hi]`` holding ``text[start:end]``, cut at clause marks."""
    begin = lo
    for mark in _CLAUSE_MARK.finditer(text, lo, max(start, end)):  # a mark may look ahead
        if mark.start() >= start:
            break
        begin = mark.end()
    after = _CLAUSE_MARK.search(text, end, hi)
    return begin, after.start() if after else hi


#: "48,000 for the police": a figure and the side whose count it is, at the end of a clause.
_SIDE_AFTER = re.compile(
    r"\s+for\s+(?:the\s+)?(?P<side>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2})\s*[.,;:]?\s*$"
)
#: A figure with a side after it, anywhere in a sentence (counted to tell a pair).
_SIDED_FIGURE = re.compile(r"\d[\d,.]*(?:\s*%|\s+[a-z]+)?\s+for\s+(?:the\s+)?[A-Za-z]")
#: The start of ``_SIDE_AFTER``: "for" after the figure and a space.
_FOR_NEXT = re.compile(r"\s+for\s")
#: Sides that count without a noun of the lexicon's lists.
_SIDES = frozenset("police government organisers organizers unions protesters".split())


def paired_side(text: str, sentence: tuple[int, int], figure: tuple[int, int]) -> str | None:
    """The side a figure is counted for when a sentence sets two counts side by side ("put
    at 48,000 for the police and 300,000 for the unions"): the body after "for" ending the
    figure's clause, when another figure of the sentence has one too; else ``None``."""
    lo, hi = sentence
    # the cheap test first: "for" right after the figure, which the side needs
    if _FOR_NEXT.match(text, figure[1], hi) is None or len(_SIDED_FIGURE.findall(text, lo, hi)) < 2:
        return None
    _, stop = _clause(text, lo, hi, *figure)
    found = _SIDE_AFTER.match(text, figure[1], stop)
    if not found:
        return None
    side = found["side"]
    head = side.split()[-1].lower()
    lex = lexicon()
    body = head in lex.body_anaphors or head in _SIDES
    return side if body or (side[:1].isupper() and names_source(side)) else None


#: Before a figure that describes whom or what the writer names, no one's claim: a
#: person's age set off after the name ("Ann Ode, 71, said"), a place's size in an
#: appositive or after "home to" ("Tolberg, a town of about 48,000,", "Kalder, home to
#: 140,000 people"). "h(?<!\wh)ome" is "\bhome" written to open on a letter, so that a
#: search skips to a comma or an "h" (the regex engine scans for a pattern's first letters).
_AGE_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s*$")
_SIZE_BEFORE = re.compile(
    r"(?:,\s+(?:a|an)\s+(?:[a-z-]+\s+)?(?:town|city|country|village|nation|region|province"
    r"|island|state|district|community|port)(?:\s+of)?|h(?<!\wh)ome\s+to)\s+"
    r"(?:about\s+|some\s+|nearly\s+|around\s+|almost\s+|more\s+than\s+|over\s+)?$"
)


def describes_a_name(text: str, sentence_start: int, figure: tuple[int, int]) -> bool:
    """Whether the figure at ``figure`` describes what the writer names rather than being
    anyone's claim: a person's age set off by commas after the name ("Ann Ode, 71, said"),
    or a place's size ("Tolberg, a town of about 48,000, ...", "home to 140,000 people")."""
    start, end = figure
    lo = max(sentence_start, start - 60)
    if text[end : end + 1] == ",":  # the cheap test first
        words = text[start:end]
        if words.isdigit() and 0 < int(words) < 120 and _AGE_BEFORE.search(text, lo, start):
            return True
    window = text[lo:start]
    cheap = "," in window or "home" in window  # the cheap test first
    return cheap and _SIZE_BEFORE.search(text, lo, start) is not None


def in_clause_of(text: str, sentence: tuple[int, int], at: int, start: int) -> bool:
    """Whether the figure starting at ``start`` is in the clause of the verb at ``at``."""
    begin, stop = _clause(text, *sentence, at, at)
    return begin <= start < stop


def own_source(
    text: str, sentence: tuple[int, int], figure: tuple[int, int], named: Sequence[tuple[int, str]]
) -> str | None:
    """The asserter of one figure in a sentence that names more than one, or ``None`` when
    the sentence's asserter stands for all its figures.

    ``named`` holds each asserter of the sentence with the offset of its verb (see
    :func:`splits_sentence`, which says whether this is worth asking). A figure
    takes the asserter of its own clause ("X according to A, Y according to B"), else the
    nearest one before it. In a pair of counts with one "according to" ("48,000 for the
    police, 700,000 according to the organisers"), the other figure's "for the police" is
    its source.
    """
    lo, hi = sentence
    begin, stop = _clause(text, lo, hi, *figure)
    side = _FOR_SIDE.match(text, figure[1], stop)
    if side and any(_counts_by_report(text, lo, hi, at) for at, _ in named):
        return side.group(1)
    if len({who for _, who in named}) < 2:
        return None
    same = {who for at, who in named if begin <= at < stop}
    if len(same) > 1:
        # two in one clause: one source's words nest in the other's ("the union said its
        # members had counted 23"); a speaker named by a common noun alone ("members") is
        # the outer one's own people, and the outer one speaks; else the sentence's
        named_out = {who for who in same if not (who.islower() and " " not in who)}
        same = named_out if len(named_out) == 1 else same
    if same:
        return same.pop() if len(same) == 1 else None
    before = [who for at, who in named if at < figure[0]]
    return before[-1] if before else None


def splits_sentence(text: str, sentence: tuple[int, int], named: Sequence[tuple[int, str]]) -> bool:
    """Whether a sentence's figures may have asserters of their own: it names two or more,
    or an "according to", and no speaker's tag covers it all ("..., the official said."). A
    tag covers only the figures before it when another asserter gives one in a clause of
    its own after it ("9,000 came, unions said, while police put the figure at 4,000"); a
    tag after them all covers the others ("X estimates that ..., the official said.")."""
    lo, hi = sentence
    if len({who for _, who in named}) < 2 and not any(
        text[at : at + 9].lower() == "according" for at, _ in named
    ):
        return False
    tags = [at for at, _ in named if _tag(text, lo, hi, at)]
    return not tags or any(at > max(tags) for at, _ in named)


def _counts_by_report(text: str, lo: int, hi: int, at: int) -> bool:
    """Whether the clause of the verb at ``at`` is "<figure> according to <source>"."""
    begin, _ = _clause(text, lo, hi, at, at)
    return text[at : at + 9].lower() == "according" and any(ch.isdigit() for ch in text[begin:at])


def official_source(text: str, sentence_start: int, start: int) -> str | None:
    """ "official toll" when the figure at ``start`` is given as an official count ("the
    official toll of 3,000", "its official tally is 12,000"), else ``None``."""
    lo = max(sentence_start, start - 80)
    window = text[lo:start]
    if "fficial" in window and (found := _OFFICIAL.search(text, lo, start)):
        return _keeper(text, sentence_start, found.start()) or f"official {found[1].lower()}"
    if "stimate" in window or "rojection" in window:  # the cheap test first
        found = _ESTIMATE.search(text, lo, start)
        return _keeper(text, sentence_start, found.start()) if found else None
    return None


#: Right before a figure the sentence's speaker sets aside for its own ("the bill will be
#: €210 million, not €85 million", "9,000 rather than 4,000"): that figure is someone
#: else's, or nobody's, never the speaker's. ("Instead of" is left out: "now says 2,100,
#: instead of 4,000" is the speaker's own earlier figure, replaced.)
REJECTED_BEFORE = re.compile(r"(?i)(?:,\s*not|\brather\s+than)\s+(?:the\s+)?$")


def set_aside_before(text: str, lo: int, start: int) -> bool:
    """Whether :data:`REJECTED_BEFORE` ends ``text[lo:start]`` (a figure set aside right
    after it). The cheap test first: a match holds "not" or "than", in any case, which
    only those ASCII letters spell, so the lower-cased window holds them too."""
    window = text[lo:start].lower()
    if "not" not in window and "than" not in window:
        return False
    return REJECTED_BEFORE.search(text, lo, start) is not None


#: A possessive owner (group 1, its last words: capitalised ones before its head, "the
#: union's", "the organisers'"), and the hedge that may stand right before the figure.
_OWNER = r"(?<![\w'’-])({words}[A-Za-z][\w&-]*?)(?:['’]s|(?<=s)['’])\s+"
_HEDGE_BEFORE = rf"(?:(?:{hedge_alternation()})\s+)?$"
#: The nouns of a body's own reckoning of a figure, as its owner holds one ("the ministry's
#: count", "the firm's forecast").
_OWNED_RECKONING = (
    r"(?:count|figure|estimate|tally|total|forecast|projection|prediction|calculation)"
)
#: A possessive right before a figure, or before the count, figure or estimate the figure
#: is ("the ministry's count of 160", "the board's forecast of 9 million").
_HOLDER = re.compile(
    _OWNER.format(words=r"(?:[A-Z][\w&-]*\s+){0,3}")
    + rf"(?P<count>(?:own\s+)?{_OWNED_RECKONING}\s+of\s+)?"
    + _HEDGE_BEFORE
)
#: A body's count in the possessive, then a verb that gives its level ("the ministry's death
#: toll rose to 41", "the Board of Health's tally stood at 38").
_HOLDER_LEVEL = re.compile(
    _OWNER.format(words=r"(?:[A-Z][\w&-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,3}")
    + rf"(?:(?:death|official|own|latest)\s+)?(?:{_OWNED_RECKONING}|toll)\s+"
    + r"(?:has\s+|had\s+)?(?:now\s+)?"
    + r"(?:rose\s+to|risen\s+to|climbed\s+to|stood\s+at|stands\s+at|reached|was|is)\s+"
    + _HEDGE_BEFORE
)


def _level_holder(text: str, lo: int, start: int) -> str | None:
    """The body whose count the figure at ``start`` is the level of ("the ministry's toll
    stood at 38"): a body's noun or an institution's name, not a place ("Peru's death toll
    rose to 41" is Peru's toll, no one's word)."""
    found = _HOLDER_LEVEL.search(text, lo, start)
    if not found:
        return None
    words = _without_article(found[1])
    lex = lexicon()
    head = words[-1].lower() if words else ""
    body = head in lex.source_anaphors or head in lex.member_anaphors
    name = " ".join(words)
    return name if words and (body or names_institution(name)) else None


def holder(text: str, sentence: tuple[int, int], start: int, *, bare: bool) -> str | None:
    """Whose figure the one at ``start`` is when a possessive stands right before it: a
    figure that counts nothing of its own (``bare``: "against the company's 23", "the
    organisers' 700,000") or the count, figure or estimate it is ("Ostro's count of 23
    trapped men") is its owner's, and so is a bare figure a body's count rose to or stood at
    (:func:`_level_holder`). Another owned figure is the owner's thing, not its word
    ("the firm's 6,000 workers", "Peru's 3% growth"), unless the sentence sets two sides'
    figures side by side (:func:`owned_pair`), and a time owns no figure ("last year's
    3,000", "Monday's 48,000")."""
    lo = max(sentence[0], start - 80)
    window = text[lo:start]
    if "'" not in window and "’" not in window:  # the cheap test first
        return None
    found = _HOLDER.search(text, lo, start)
    if found is None:
        return _level_holder(text, lo, start) if bare else None
    sides = not (bare or found["count"])
    if sides and not owned_pair(text, sentence):
        return None
    words = _without_article(found[1])
    lex = lexicon()
    head = words[-1].lower() if words else ""
    if not head or head in lex.weekdays or head in lex.months or head in lex.possessive_times:
        return None
    name = " ".join(words)
    if sides:
        # a side's figure of a measure ("the ministry's €410 million"): a body's, not a place's
        return name if _names_a_body(head) or names_institution(name) else None
    return name


#: A figure right after a possessive ("the ministry's €410 million", "the organisers' 40,000").
_OWNED_FIGURE = re.compile(
    _OWNER.format(words=r"(?:[A-Z][\w&-]*\s+){0,3}")
    + r"(?:(?:about|around|some|nearly|almost|roughly)\s+)?[$€£¥]?\d"
)


def owned_pair(text: str, sentence: tuple[int, int]) -> bool:
    """Whether a sentence sets two figures side by side, each after a possessive ("the
    administrators' €640 million, or the ministry's €410 million", "the police's 12,000
    against the organisers' 40,000"): two sides' figures of one thing, each its owner's.

    Examples
    --------
    >>> s = "It is disputed: the union's €9 million, or the ministry's €4 million."
    >>> owned_pair(s, (0, len(s)))
    True
    """
    lo, hi = sentence
    if text.count("'", lo, hi) + text.count("’", lo, hi) < 2:  # the cheap test first
        return False
    return len(_OWNED_FIGURE.findall(text, lo, hi)) >= 2


def _without_article(name: str) -> list[str]:
    """The words of a name read before a figure, without the article it opens with."""
    words = name.split()
    return words[1:] if words[0] in ("The", "A", "An") else words


def _keeper(text: str, sentence_start: int, at: int) -> str | None:
    """The institution named right before ``text[at]``, possessive or not ("the Harbour
    Board's official tally", "the WHO estimate"): who keeps the count (not a place, "the
    country's", nor a person)."""
    found = _KEEPER.search(text, max(sentence_start, at - 80), at)
    if not found:
        return None
    words = _without_article(found[1])
    name = " ".join(words)
    return name if words and names_institution(name) else None


def names_source(phrase: str) -> bool:
    """Whether an asserter phrase is a name ("UNHCR", "the Port Authority", "Ms Lind"), not
    a description ("analysts", "Independent researchers" opening a sentence, "the agency's
    latest estimates"): a capitalised word after the first, or a single capitalised word
    that is not a plural ("Analysts" opening a sentence) unless all in capitals."""
    words = phrase.split()
    if len(words) == 1:
        return phrase[:1].isupper() and (phrase.isupper() or not phrase.endswith("s"))
    return any(w[:1].isupper() for w in words[1:])


def _name_run(words: Sequence[_W]) -> str | None:
    """The words as a name: one to five capitalised words (linking words inside), the
    first two letters or more; one word only in capitals ("IOM", not "Update" or "Q")."""
    if not 0 < len(words) <= 5 or words[0].text[:1].islower() or words[-1].text[:1].islower():
        return None
    if not all(w.text[:1].isupper() or w.lower in _NAME_LINKS for w in words):
        return None
    if len(words) == 1 and not (_ACRONYM.fullmatch(words[0].text) and len(words[0].text) > 1):
        return None
    return " ".join(w.text for w in words)


def headline_source(words: Sequence[_W], lex: Lexicon) -> str | None:
    """The source a headline names with a colon: "AGENCY: 36,000 displaced" or, in a
    headline (no full stop), "Floods cut off 40 villages: Regional Governor Ann Berg"."""
    colons = [k for k, w in enumerate(words) if w.text == ":"]
    if not colons:
        return _headline_tail(words, -1)
    first, last = colons[0], colons[-1]
    if first == 1 and words[0].lower in ("source", "sources"):  # "Source: the Water Board"
        named = trim_source(words[2:], lex)
        return " ".join(w.text for w in named if w.lower not in lex.determiners) if named else None
    if 0 < first <= 8:
        run: list[_W] = []
        for w in reversed(words[:first]):
            if not (w.text[:1].isupper() or w.lower in _NAME_LINKS):
                break
            run.insert(0, w)
        while run and run[0].lower in _NAME_LINKS:
            run = run[1:]
        name = _name_run(run)
        if name and name.lower() not in lex.stopwords and name.lower() not in lex.headline_labels:
            return name
    return _headline_tail(words, last)


def _headline_tail(words: Sequence[_W], last: int) -> str | None:
    """The name after a headline's last colon (at ``last``) or dash: "...: Dr Jane Roe",
    "... – UN" (a headline: no full stop at the end)."""
    dashes = [k for k, w in enumerate(words) if w.text in ("–", "—")]
    tail = words[max(last, *dashes) + 1 :] if dashes else words[last + 1 :]
    if last < 0 and not dashes:
        return None
    if tail and tail[-1].text not in (".", "!", "?"):
        return _name_run(tail)
    return None


def names_institution(name: str) -> bool:
    """Whether a name is an organisation's: initials ("IOM") or an institution's name."""
    return bool(_ACRONYM.fullmatch(name)) or _is_institution(name)


def _tag(text: str, lo: int, hi: int, at: int) -> bool:
    """Whether the verb at ``at`` is a speaker's in a clause with no figure of its own
    ("..., the official said.", "Officials said on Monday that ...")."""
    if text[at : at + 9].lower() == "according":
        return False
    begin, stop = _clause(text, lo, hi, at, at)
    return not any(ch.isdigit() for ch in text[begin:stop])


#: After a figure: a participle of giving or counting and its agent ("the 6,500 tonnes
#: given by the Coast Agency", "78 deaths recorded by the ministry", "the 9.6 billion put
#: forward by the treasury"): the agent's figure, whoever speaks in the sentence.
_GIVEN_BY = re.compile(
    r"\s*(?:[a-z][\w-]*\s+){0,3}?(?:given|put\s+forward|recorded|counted|compiled|published"
    r"|issued|cited|released|announced|claimed|registered|quoted|reported|estimated)\s+by\s+"
    r"(?:the\s+)?(?P<who>(?:[A-Z][\w&'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?(?=[A-Z]))?)+"
    r"|[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
    r"(?=\s*(?:[,.;:()]|$)|\s+(?:on|in|at|last|this|and|which|who|for|to|since|itself|has|have|had|is|are|was|were)\b)"
)


#: After a figure: a clause with no "that" whose subject gave it ("the 4,000 the company
#: announced", "the €900 million Acme has set aside", "the 5 billion the ministry had
#: given"): the subject's figure.
_THEY_GAVE = re.compile(
    r"\s+(?:(?!(?:and|or|but|while|as|than|to|for|of)\b)[a-z][\w-]*\s+){0,2}?(?:that\s+)?"
    r"(?:the\s+(?P<low>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
    r"|(?P<cap>[A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*){0,3}))"
    r"\s+(?:(?:has|had|have|first|earlier|itself)\s+){0,2}(?:gave|given|announced|put\s+forward"
    r"|reported|claimed|estimated|set\s+aside|forecast|offered|proposed|published|recorded"
    r"|counted|cited|quoted)\b"
)


def _names_a_body(head: str) -> bool:
    """Whether a lower-case head noun names who may give a figure: a body ("the union"),
    an author ("analysts"), a role ("the minister", "the police"), a side ("organisers")."""
    lex = lexicon()
    return head not in lex.stopwords and (
        head in lex.body_anaphors
        or head in lex.source_authors
        or head.endswith(("er", "or", "ers", "ors", "ment", "ice"))
        or head in _SIDES
    )


#: The nouns of a count or reckoning ("the union's count", "police estimates").
_RECKONING_NOUNS = (
    r"(?:counts?|tall(?:y|ies)|reckoning|estimates?|calculations?|figures|numbers|data)"
)
#: "by the union's count", "by police estimates", "on the ministry's own figures": whose
#: count or reckoning a figure is (group "who"; a possessive, then the count's noun).
_RECKONING = (
    r"(?:[Bb]y|[Oo]n)\s+(?:the\s+)?(?P<who>[A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*){0,3}?)"
    r"(?:['’]s?)?\s+(?:own\s+)?(?:(?:latest|official|initial|first|new|rough)\s+)?"
    + _RECKONING_NOUNS
    + r"\b"
)
#: A sentence that may say whose reckoning its figures are holds one of its nouns.
_RECKONING_NOUN = re.compile(_RECKONING_NOUNS)
#: The reckoning after its figure, no other figure between, closing a clause.
_RECKONED_AFTER = re.compile(
    r"[^\d;:()]{0,40}?\b" + _RECKONING + r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|but|while)\s)"
)
#: The reckoning opening the sentence or clause of its figure: "By police estimates, 12,000".
_RECKONED_BEFORE = re.compile(r"(?:^|[;:]\s*)" + _RECKONING + r"\s*,[^\d;:()]{0,40}$")


def may_name_reckoning(text: str, sentence: tuple[int, int]) -> bool:
    """Whether the sentence holds a noun of reckoning (the cheap test before
    :func:`reckoned_by`, made once for all the figures of a sentence)."""
    return _RECKONING_NOUN.search(text, *sentence) is not None


def reckoned_by(text: str, sentence: tuple[int, int], figure: tuple[int, int]) -> str | None:
    """Whose count or reckoning the figure is when the sentence says so beside it ("about
    9,000 marched, by the union's count", "By police estimates, 12,000 joined", "€300
    million by the minister's reckoning"), else ``None`` ("by some estimates" names no one).
    A caller reading many figures tests :func:`may_name_reckoning` once a sentence first.

    Examples
    --------
    >>> s = "About 9,000 people marched, by the union's count."
    >>> reckoned_by(s, (0, len(s)), (0, 18))
    'union'
    """
    lo, hi = sentence
    found = _RECKONED_AFTER.match(text, figure[1], hi) or _RECKONED_BEFORE.search(
        text[lo : figure[0]]
    )
    if found is None:
        return None
    who = found["who"]
    return who if _names_a_body(who.split()[-1].lower()) or names_source(who) else None


def agent_after(text: str, end: int, stop: int) -> str | None:
    """The agent of a participle of giving or counting right after the figure ending at
    ``end`` ("... 6,500 tonnes given by the Coast Agency"), or the subject of a clause
    that gave it ("the 4,000 the company announced"), within ``text[:stop]``."""
    # the cheap test first: the agent follows "by"
    found = _GIVEN_BY.match(text, end, stop) if text.find("by", end, stop) >= 0 else None
    if not found:
        gave = _THEY_GAVE.match(text, end, stop)
        if gave is None:
            return None
        low = gave["low"]
        if low is not None:
            return low if _names_a_body(low.split()[-1]) else None
        cap = gave["cap"]
        return None if cap.lower() in lexicon().stopwords else cap
    who = found["who"].strip()
    lex = lexicon()
    if who.islower() and (who.split()[0] in lex.stopwords or who.split()[-1] in lex.stopwords):
        return None
    return who
