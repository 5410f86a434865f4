"""Cutting a document into sentences, telling article from page furniture, guessing language.

Everything here works on offsets into the original text, so that claims can point back
into it exactly; no function rewrites the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .chars import non_ascii_chars
from .lexicon import lexicon

__all__ = ["Sentence", "guess_language", "sentences"]

# A sentence ends at . ! or ? (possibly followed by closing quotes or brackets) and
# white space, when what follows can start a sentence.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•\-–])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jan feb mar apr jun jul aug sep sept oct nov dec no nos inc ltd co corp
    vs e.g i.e approx gen sen rep gov lt col sgt capt prof jr sr mt ft pp fig est dept univ
    u.s u.n u.k e.u a.m p.m etc cf al op rev hon adm maj cmdr brig rs""".split()
)
#: A label and an ISO date opening a line before its text ("date 2031-05-02 The port said",
#: "Published: 2031-05"): a dateline of a saved page, not the first sentence's words.
_DATELINE = re.compile(
    r"(?i)(?:date|dated|published|updated|posted)\s*:?\s*(?:19|20)\d\d-[01]\d(?:-[0-3]\d)?(?=\s+\S)"
)
#: The marks a sentence ends with: a line whose last character (white space aside) is one
#: is no headline.
_TERMINAL_MARKS = frozenset('.!?:"”’)')
_WORD = re.compile(r"[^\W\d_]+")

# Common words that identify a language; the extractor's word lists are English.
_LANGUAGE_WORDS = {
    "en": "the and of to in is that for was with said on as by are from has have".split(),
    "de": "der die das und ist nicht mit von den dem zu auf für sich auch eine einen wird".split(),
    "fr": "le la les et des est une dans pour qui que sur pas par au aux avec du sont".split(),
    "es": "el la los las y de que en por con para una del se es al lo como más".split(),
    "it": "il la di che è per una sono del della con non gli le nel alla anche".split(),
    "nl": "de het een en van is dat niet met voor op zijn er aan ook als bij".split(),
    "pt": "o a os as e de que em para com uma não do da dos das por se é".split(),
}
#: Each marker word and the languages it marks; a word English writes too ("as", "on")
#: marks English only, so that "as high as" makes no Portuguese of an English sentence.
_WORD_LANGUAGES = {
    word: ("en",)
    if word in _LANGUAGE_WORDS["en"]
    else tuple(lang for lang, marks in _LANGUAGE_WORDS.items() if word in marks)
    for words in _LANGUAGE_WORDS.values()
    for word in words
}


def _ascii_casings(word: str) -> list[str]:
    """Every way of writing an ASCII word in capitals and small letters ("of", "Of", "oF",
    "OF"); a one-letter word only as it is (see :func:`guess_language`)."""
    if len(word) == 1:
        return [word]
    casings = [""]
    for ch in word:
        casings = [done + case for done in casings for case in {ch.lower(), ch.upper()}]
    return casings


#: The ASCII words that :data:`_WORD_LANGUAGES` knows, however they are written, each with
#: the languages it marks (a one-letter word only as written: see :func:`guess_language`).
_ASCII_MARKERS = {
    form: _WORD_LANGUAGES[word]
    for word in _WORD_LANGUAGES
    if word.isascii()
    for form in _ascii_casings(word)
}


#: Not frozen (nothing changes a sentence once made): a frozen dataclass sets each field
#: through ``object.__setattr__``, which makes it several times slower to build; it
#: compares and hashes as a frozen one would.
@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    """A sentence's span, the paragraph it belongs to and whether it is page furniture."""

    start: int
    end: int
    paragraph: int
    boilerplate: bool


def guess_language(text: str, *, sample: int = 4000) -> str:
    """Guess a document's language from its commonest words (``"en"`` when unsure).

    Examples
    --------
    >>> guess_language("Die Zahl der Soldaten ist auf 20.000 gestiegen, sagt die Regierung.")
    'de'
    """
    # one-letter words count only as written in lower case: "$A45" and "14 E 52nd St" are not
    # Portuguese "a" and "e"
    head = text[:sample]
    words = _ascii_words(head)
    scores = dict.fromkeys(_LANGUAGE_WORDS, 0)
    if words is not None:
        # words all in ASCII: only those written as a marker can be one, each looked up as
        # it is written and the languages it marks counted, in one pass
        for langs, n in Counter(filter(None, map(_ASCII_MARKERS.get, words))).items():
            for lang in langs:
                scores[lang] += n
    else:
        counts = Counter(_WORD.findall(head))
        for word in counts:
            for lang in _WORD_LANGUAGES.get(word if len(word) == 1 else word.lower(), ()):
                scores[lang] += counts[word]
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 3 or scores[best] <= scores["en"]:
        return "en"
    return best


#: Every byte but the ASCII letters, as a space (see :func:`_ascii_words`).
_NOT_ASCII_LETTER = bytes(b if 65 <= b <= 90 or 97 <= b <= 122 else 32 for b in range(256))


def _ascii_words(text: str) -> list[str] | None:
    """``_WORD.findall(text)`` (the runs of letters) when no character outside ASCII is a
    letter (signs, dashes and curly quotes are none), else None. The runs are then those of
    ASCII letters, cut with bytes methods (each other character, encoded as "?", becomes a
    space): several times faster than the regex, whose Unicode classes it needs otherwise."""
    if not text.isascii() and any(_WORD.match(ch) for ch in non_ascii_chars(text)):
        return None
    return text.encode("ascii", "replace").translate(_NOT_ASCII_LETTER).decode("ascii").split()


def _split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        head = text[max(cursor, match.start() - 40) : match.start() + 1]  # bounded look back
        # its last word: head ends with the mark, so the run of non-space before it is one
        word = head.rsplit(None, 1)[-1].lower().rstrip(".").lstrip("(\"'“‘")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        stop = match.end()
        while stop > cursor and text[stop - 1].isspace():
            stop -= 1
        yield cursor, stop
        cursor = match.end()
    if cursor < end:
        yield cursor, end


def _is_headline(line: str) -> bool:
    words = len(line.split(None, 24))  # more than 24 words give 25 pieces
    return 0 < words <= 24 and line.rstrip()[-1:] not in _TERMINAL_MARKS


def sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each line break ends a sentence.

    Lines that are page furniture (lists of other stories, share prompts, copyright
    notices, and everything after an end-of-article marker) give sentences flagged
    ``boilerplate``.

    Examples
    --------
    >>> [text[s.start:s.end] for text in ["Mr. Smith left. Prices rose 5%."]
    ...  for s in sentences(text)]
    ['Mr. Smith left.', 'Prices rose 5%.']
    """
    lex = lexicon()
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        stop = pos + len(raw)
        left = pos + (len(raw) - len(raw.lstrip()))
        right = pos + len(raw.rstrip())
        if right > left:
            lines.append((left, right))
        pos = stop + 1

    flags = [False] * len(lines)
    ended = False
    for i, (a, b) in enumerate(lines):
        line = text[a:b].lstrip("-–•* \t")
        if ended or lex.boilerplate_lines.search(line):
            flags[i] = True
        if lex.end_markers.search(text[a:b]) and i > 0:
            ended = True
    # Runs of three or more short headline-like lines (lists of other stories). The
    # article's own headline, its first line of some words that is not furniture, is none.
    title = next(
        (
            k
            for k, (a, b) in enumerate(lines)
            if not flags[k] and len(text[a:b].split(None, 3)) >= 4
        ),
        -1,
    )
    i = 1
    while i < len(lines):
        j = i
        while j < len(lines) and j != title and _is_headline(text[lines[j][0] : lines[j][1]]):
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                flags[k] = True
        i = j + 1 if j == i else j

    out: list[Sentence] = []
    for index, ((a, b), flag) in enumerate(zip(lines, flags, strict=True)):
        if dateline := _DATELINE.match(text, a, b):  # "date 2031-05-02 The port said ..."
            out.append(Sentence(a, dateline.end(), index, flag))
            a = dateline.end() + (
                len(text[dateline.end() : b]) - len(text[dateline.end() : b].lstrip())
            )
        for s, e in _split_block(text, a, b):
            if 0 < e - s <= MAX_SENTENCE:  # what _bounded gives such a span: itself alone
                out.append(Sentence(s, e, index, flag))
                continue
            for cs, ce in _bounded(text, s, e):
                out.append(Sentence(cs, ce, index, flag))
    return out


#: No real sentence is longer; longer runs (tables, scraped blobs) are cut at white space.
MAX_SENTENCE = 1_000


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a span longer than ``MAX_SENTENCE`` at the last white space before each limit."""
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        space = max(text.rfind(" ", start + MAX_SENTENCE // 2, cut), text.rfind("\n", start, cut))
        cut = space if space > start else cut
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end
