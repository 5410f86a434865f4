"""Organisations the texts name, as entities a figure may be of (issue 11).

No list of names: an organisation is read from how news writes one (``data/organisations.yaml``):

- a capitalised name ending in a word of a kind of business ("Ostrel Motors", "Grey Harbour
  Bank") or in a legal form ("Brannock AG", "Tessel Holdings plc");
- a capitalised name after a noun of a kind of business ("rival Ostrel", "the data provider
  Brannock").

A public body (a word of state in its name, or a place: "the National Harbour Bank") speaks
of others' figures far more often than of its own, and is left to the sources. The forms of
a name are linked across the texts: the name without its kind's word where the texts write it
so ("Ostrel" for "Ostrel Motors"), and its initials where the texts write them.

A figure is of the organisation that owns its words ("Ostrel's net profit fell to"), that
says it of itself ("Ostrel said its profit fell", "Ostrel reported a net profit of"), or that
is the subject leading to it in its clause ("Ostrel delivered 41,000 cars"), where its
sentence names no place (a place it names wins: "the number of Ostrel staff in Peru" is a
count in Peru, as Peru's other counts of them are); a name that only
speaks ("Ostrel said 900 people marched"), whose work leads to the figure ("Ostrel cut its
growth forecast to 1.5%"), or after "by" or "according to", is a source, not what the figure
is of. A document's organisation is the one its headline names (and its text names most):
the frame of figures whose sentence names none, though not a sure one (a story's company is
not surely what each of its figures is of).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from extract.lexicon import lexicon

from .columns import join_beside, on_rows
from .frames import (
    DATA,
    alternation,
    before_figure,
    demonym_forms,
    phrases,
    place_forms,
    read_yaml,
)
from .lemmas import known_word
from .tables import reading_words

__all__ = [
    "DOCUMENT_ORGANISATION",
    "ORGANISATION",
    "OrganisationWords",
    "document_organisations",
    "read_organisation",
    "speaking_verbs",
    "text_organisations",
]

#: How every ``entity_source`` of an organisation opens (labels name it as an actor).
ORGANISATION = "the organisation"
#: The ``entity_source`` of a figure whose entity is its document's main organisation.
DOCUMENT_ORGANISATION = f"{ORGANISATION} the document is about"

#: A capitalised word of a name ("Ostrel", "Dockers'", "AG", "Smith-Jones").
_WORD = r"[A-Z][\w&-]*(?:['\u2019](?![st]\b))?"
#: Capitalised words that open a sentence or a name but are no part of one.
_NOT_NAME = frozenset(
    {
        "The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her",
        "In", "On", "At", "By", "For", "From", "With", "After", "Before", "But", "And", "Or",
        "As", "If", "When", "While", "Since", "Under", "Over", "According", "Shares", "Chief",
        "Mr", "Mrs", "Ms", "Dr", "Some", "About", "Nearly", "Almost", "Around", "Only",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class OrganisationWords:
    """The words of ``data/organisations.yaml``, lower case."""

    heads: tuple[str, ...]
    legal_forms: tuple[str, ...]
    kinds: tuple[str, ...]
    source_works: tuple[str, ...]
    public: tuple[str, ...]
    source_before: tuple[str, ...]


@functools.cache
def organisation_words() -> OrganisationWords:
    """The shipped words of ``data/organisations.yaml``."""
    raw = read_yaml(DATA / "organisations.yaml")
    return OrganisationWords(
        **{
            field: tuple(str(w).lower() for w in raw[field])
            for field in OrganisationWords.__slots__
        }
    )


@functools.cache
def speaking_verbs() -> tuple[str, ...]:
    """Verbs by which a body speaks: a name before one is a source, not what the figure is of
    (unless its own "it" or "its" follows: "Ostrel said its profit fell 20%"). The
    extractor's verbs of attribution (``attribution_verbs`` of its lexicon) and reconcile's
    verbs by which a body gives its figure (``source_verbs`` of ``reading_words.yaml``)."""
    return tuple(sorted({*lexicon().attribution_verbs, *reading_words().source_verbs}))


@functools.cache
def _heads() -> str:
    """The kinds' words as a name writes them ("Motors", "Asset Management"), longest first."""
    return phrases(sorted({h.title() for h in organisation_words().heads}, key=len, reverse=True))


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a capitalised name ending in a kind's word or a legal form, or opening with a kind's
    word and "of", a name after a kind's noun)."""
    words = organisation_words()
    kinds = phrases(words.kinds)
    heads = _heads()
    # ("Ostrel Holdings plc": a legal form in any case)
    legal = rf"(?i:{phrases(words.legal_forms)})(?![\w.])"
    name = (
        # (and no capitalised word after it: "Ostrel Insurance Association" is no insurer)
        rf"{_WORD}(?:\s+{_WORD}){{0,5}}?\s+(?:{heads}(?:\s+{legal})?|{legal})(?!\w|\s+[A-Z]\w)"
        # ("Bank of Tessel": a kind's word opening "X of Y")
        rf"|{heads}\s+(?:of|for)\s+{_WORD}(?:\s+{_WORD}){{0,3}}"
    )
    after_kind = re.compile(rf"(?i:\b(?:the\s+)?{kinds})\s+((?-i:{_WORD}(?:\s+{_WORD}){{0,2}}))")
    return re.compile(name), after_kind


def _written(forms: Iterable[str], texts: pl.Series, before: str = "") -> set[str]:
    """Those of ``forms`` the texts write as whole words (after ``before``, a regex whose
    match is no part of the form's)."""
    forms = sorted(set(forms), key=len, reverse=True)
    if not forms:
        return set()
    alternatives = "|".join(map(re.escape, forms))
    found = texts.str.extract_all(rf"{before}\b(?:{alternatives})\b").explode().drop_nulls()
    return {m.group(0) for f in found.unique() if (m := re.search(rf"(?:{alternatives})$", f))}


@functools.cache
def _rough() -> str:
    """A regex (Polars') that every text holding an organisation's name matches: one of the
    kinds' words, legal forms or kind nouns before a capital (the texts that match none are
    not read further)."""
    words = organisation_words()
    return (
        rf"\b{_heads()}\b|(?i:\b{phrases(words.legal_forms)})(?:\s|$|[,;:)])"
        rf"|(?i:\b{phrases(words.kinds)})\s+[A-Z]"
    )


def _public(name: str, places: set[str]) -> bool:
    """Whether ``name`` is a public body's: a word of ``public`` or a place in it ("the
    National Harbour Bank", "Ostrelian Rail")."""
    public = organisation_words().public
    return any(w.lower() in public or w in places for w in name.split())


def _trimmed(name: str) -> str:
    """``name`` without the words that open a sentence or a name but are none of it, nor a
    kind's noun ("The Dockers' Federation", "Rival Ostrel")."""
    kinds = organisation_words().kinds
    words = name.split()
    # ("Bank of Tessel": a kind's word before "of" is the name's own)
    while words and (
        words[0] in _NOT_NAME or (words[0].lower() in kinds and words[1:2] not in (["of"], ["for"]))
    ):
        words = words[1:]
    while words and words[-1].lower() in {"of", "for", "and", "&", "de"}:
        words = words[:-1]
    return " ".join(words).rstrip(".,'\u2019")


def _named(name: str) -> str | None:
    """The organisation's name in the capitalised ``name``, by its words: one ending in a
    kind's word after other words or in a legal form ("Ostrel Motors"), or a kind's word
    opening "X of Y" ("Bank of Tessel"); of a person's "Ana Ruiz of Ostrel Motors"
    the part after "of". None when it names none."""
    words = organisation_words()
    head, _, tail = _split_of(name)
    if tail:
        if head.split()[-1].lower() in words.heads:
            return name
        return _named(tail)
    parts = head.split()
    if len(parts) < 2:
        return None
    last = parts[-1].lower()
    if last in words.legal_forms or (last in words.heads and parts[-2].lower() not in words.heads):
        return head
    return None


def _split_of(name: str) -> tuple[str, str, str]:
    """(the words before "of" or "for", the word, the words after); ("name", "", "")."""
    parts = re.split(r"\s+(of|for)\s+", name, maxsplit=1)
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else (name, "", "")


def _known_places() -> set[str]:
    """Place names and their adjectives (an organisation's name is never one)."""
    return {*place_forms(), *demonym_forms()}


def text_organisations(texts: Iterable[str], places: Iterable[str] = ()) -> dict[str, str]:
    """Organisation names the texts write -> the name shown (its longest form).

    Parameters
    ----------
    texts : iterable of str or pl.Series
        The documents (or, without them, the figures' sentences); a Series is read as it is.
    places : iterable of str
        Place names the texts name beside the gazetteer's (never an organisation's).

    Returns
    -------
    dict of str to str
        Every form found (as written: names match case-sensitively) -> its canonical name:
        the names themselves, each name without its kind's word where the texts write that
        alone ("Ostrel" for "Ostrel Motors"), and its initials where the texts write them.
    """
    every = (
        (texts if isinstance(texts, pl.Series) else pl.Series("text", list(texts), dtype=pl.String))
        .drop_nulls()
        .unique()
    )
    name, after_kind = _patterns()
    places = {*_known_places(), *places}
    # (the words matched, gathered first, are read once each: texts write a name many times)
    written: set[str] = set()
    after_words: set[str] = set()
    for text in every.filter(every.str.contains(_rough())):
        written.update(m.group(0) for m in name.finditer(text))
        after_words.update(m.group(1) for m in after_kind.finditer(text))
    found = {c for c in map(_named, map(_trimmed, written)) if c and c not in places}
    after = set(map(_trimmed, after_words))
    # a name after a kind's noun that is an English word must be one the texts capitalise
    # inside a sentence too (after a lower-case word or a comma), not only opening it
    plain = {c for c in after if _plain_name(c, places)}
    inside = _written((c for c in plain if _english(c)), every, r"[a-z,]\s+")
    found |= {c for c in plain if c in inside or not _english(c)}
    found = {n for n in found if not _public(n, places)}
    # a name inside a longer one found is that one ("Ostrel" of "Ostrel Motors")
    forms = {n: n for n in found}
    for n in sorted(found, key=len):
        longer = [o for o in found if o != n and o.startswith(n + " ")]
        if len(longer) == 1:
            forms[n] = longer[0]
    shorts = {
        short: n
        for n in sorted(found, reverse=True)
        for short in (_short_form(n), _initials(n))
        if short
        and short not in places
        and (short not in forms or (forms[short] == short and " " not in short))
        and (len(short) <= 4 or not _english(short))
    }
    for short in _written(shorts, every):
        forms[short] = forms[shorts[short]]
    return {form: _canonical(forms, form) for form in forms}


def _canonical(forms: dict[str, str], form: str) -> str:
    """The name ``form`` stands for, followed to its end."""
    seen = {form}
    while forms[form] != form and forms[form] not in seen:
        form = forms[form]
        seen.add(form)
    return forms[form]


def _plain_name(candidate: str, places: set[str]) -> bool:
    """Whether ``candidate`` (a name after a kind's noun) can be an organisation's: capitalised
    words of three letters or more, no place, no word that opens a sentence."""
    if not candidate or candidate in places or candidate.split()[0] in _NOT_NAME:
        return False
    return len(candidate) >= 3 and all(w[:1].isupper() for w in candidate.split())


def _english(word: str) -> bool:
    """Whether ``word`` (in any case) is a word of lemminflect's English lexicon."""
    return known_word(word.lower())


def _short_form(name: str) -> str | None:
    """``name`` without its kind's word or legal form ("Ostrel" for "Ostrel Motors"), when
    what is left is one word of four letters or more."""
    words = organisation_words()
    parts = name.split()
    if len(parts) != 2 or parts[1].lower().rstrip(".") not in {*words.heads, *words.legal_forms}:
        return None
    stem = parts[0].rstrip("'\u2019")
    return stem if len(stem) >= 4 and stem[1:].islower() else None


def _initials(name: str) -> str | None:
    """The initials of a name of three words or more ("World Harbour Office" -> "WHO")."""
    capitals = [w[0] for w in name.split() if w[:1].isupper()]
    return "".join(capitals) if len(capitals) >= 3 else None


def document_organisations(
    docs: pl.DataFrame, titles: pl.DataFrame, forms: dict[str, str]
) -> pl.DataFrame:
    """Each document's main organisation (``_doc__org``), the one its title names (a
    headline names what the story is about, a source seldom) and its text names most, and
    how often its text names it (``_doc__org_n``).

    Parameters
    ----------
    docs : polars.DataFrame
        ``doc_id`` and ``text``: each document's text (its title and figures' sentences
        where the text is not given).
    titles : polars.DataFrame
        ``doc_id`` and ``title`` (null where a document has none).
    forms : dict of str to str
        Organisation forms -> canonical names (:func:`text_organisations`).

    Returns
    -------
    polars.DataFrame
        ``doc_id``, ``_doc__org``, ``_doc__org_n``; documents whose title names none are
        left out.
    """
    schema = {"doc_id": pl.String, "_doc__org": pl.String, "_doc__org_n": pl.UInt32}
    if not forms:
        return pl.DataFrame(schema=schema)

    def named(text: str) -> pl.Expr:
        found = (
            pl.col(text).fill_null("").str.extract_all(rf"(?-u:\b)(?:{alternation(forms)})(?-u:\b)")
        )
        return found.list.eval(pl.element().replace_strict(forms, default=None)).alias("o")

    headline = titles.select("doc_id", named("title")).explode("o").drop_nulls("o").unique()
    # (the title counts with the text, which may not hold it)
    docs = join_beside(docs, titles, "doc_id").with_columns(
        text=pl.concat_str(pl.col("title").fill_null(""), pl.lit("\n"), pl.col("text"))
    )
    return (
        docs.select("doc_id", named("text"))
        .explode("o")
        .drop_nulls("o")
        .join(headline, on=["doc_id", "o"], how="semi")
        .group_by("doc_id", "o")
        .len()
        .sort(["doc_id", "len", "o"], descending=[False, True, False])
        .group_by("doc_id", maintain_order=True)
        .agg(pl.col("o").first().alias("_doc__org"), pl.col("len").first().alias("_doc__org_n"))
        .cast(schema)  # type: ignore[arg-type]
    )


def read_organisation(frame: pl.DataFrame, forms: dict[str, str]) -> pl.DataFrame:
    """``frame`` with ``_org`` (the organisation the figure is of, read from its sentence)
    and ``_org_source`` (the words that chose it); nulls where the sentence names none.

    In order: the owner of the words leading to the figure ("Ostrel's net profit fell
    to"); a name saying the figure of itself ("Ostrel said on Monday that its profit", or
    as the object of its verb: "Ostrel reported a net profit of"); the last name before the
    figure in its clause that neither only speaks ("Ostrel said 900 marched"), nor follows a
    source's word ("polled by Brannock"), nor leads to it through its work ("Ostrel cut its
    forecast to").
    """
    if not forms:
        return frame.with_columns(
            _org=pl.lit(None, dtype=pl.String), _org_source=pl.lit(None, dtype=pl.String)
        )
    words = organisation_words()
    body = rf"(?-u:\b)({alternation(forms)})(?-u:\b)"
    speaking = phrases(speaking_verbs())
    before = before_figure()
    owned = before.str.extract_groups(rf"{body}['\u2019]s\s+((?:[\w-]+\s+){{0,5}})$")
    works = rf"(?i)(?-u:\b){phrases(words.source_works)}(?-u:\b)"
    owner = pl.when(~owned.struct.field("2").str.contains(works)).then(owned.struct.field("1"))
    # ("Ostrel repeated its estimate of": "its" before a source's work is a source's)
    said = before.str.extract_groups(
        rf"{body}\s+(?:[\w-]+\s+){{0,3}}?(?i:{speaking})\s+(?:(?:[\w-]+\s+){{0,4}}?(?:that\s+)?"
        r"(?:it|its)\s+([^;]*)|(?:a|an)\s+(?:[\w-]+\s+){0,4}of\s+)$"
    )
    work = said.struct.field("2").str.contains(rf"^(?:[\w-]+\s+)?{works}")
    itself = pl.when(~work.fill_null(False)).then(said.struct.field("1"))
    # every name before the figure, with a source's word before it or a verb of speaking
    # after it (those are let go)
    source = phrases(words.source_before)
    # (in the figure's own clause: after the last "that" before it)
    mentions = before.str.replace(r"^.*(?-u:\b)that\s", "").str.extract_all(
        rf"(?:(?-u:\b)(?i:{source})\s+(?:the\s+)?(?:[a-z-]+\s+){{0,3}})?{body}"
        rf"(?:\s+(?:[\w-]+\s+){{0,3}}?(?i:{speaking})(?-u:\b))?"
    )
    # ("Ostrel cut its growth forecast to 1.5%": a name whose work leads to the figure is
    # its source)
    after_last = before.str.extract(rf"(?s)^.*{body}(.*)$", 2)
    sourced = after_last.str.contains(works).fill_null(False)
    subject = pl.when(~sourced).then(
        mentions.list.eval(
            pl.element().filter(
                ~pl.element().str.contains(rf"^(?i:{source})\s")
                & ~pl.element().str.contains(rf"\s(?i:{speaking})$")
            )
        ).list.last()
    )
    steps = [
        (owner, f"{ORGANISATION} '{{}}' owning the figure's words"),
        (itself, f"{ORGANISATION} '{{}}' saying it of itself ('it', 'its')"),
        (subject, f"{ORGANISATION} '{{}}' leading to the figure"),
    ]
    org = pl.coalesce(*(s.replace_strict(forms, default=None) for s, _ in steps))
    source_words = pl.coalesce(*(pl.when(s.is_not_null()).then(pl.format(w, s)) for s, w in steps))
    # (read on the rows whose sentence names a form alone: every reading needs one before the
    # figure, and the words before it are cut from each sentence anew for every reading)
    named = pl.col("sentence").fill_null("").str.contains(rf"(?-u:\b)(?:{alternation(forms)})")
    return frame.with_columns(
        *on_rows(frame, named, org.alias("_org"), source_words.alias("_org_source"))
    )
