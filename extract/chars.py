"""Which characters a text holds outside ASCII, read with bytes methods: several times faster
than a regex, which tries its class at every character of the text."""

from __future__ import annotations

__all__ = ["non_ascii_chars", "uncased_beyond_ascii"]

_ASCII_BYTES = bytes(range(128))


def non_ascii_chars(text: str) -> set[str]:
    """The characters of ``text`` outside ASCII: its UTF-8 bytes with those of ASCII deleted
    (a lone surrogate passes through as itself).

    >>> sorted(non_ascii_chars("costs €5 or £4"))
    ['£', '€']
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return set(rest.decode("utf-8", "surrogatepass"))


def uncased_beyond_ascii(text: str) -> bool:
    """Whether every character of ``text`` outside ASCII is uncased (a currency sign, a dash,
    a curly quote): then ``text.lower()`` changes its ASCII letters only, and a pattern of
    lower-case ASCII letters finds in it what the same pattern with IGNORECASE finds in
    ``text`` (the characters that IGNORECASE reads as an ASCII letter, "K" the kelvin sign
    or "ſ", are cased).

    >>> uncased_beyond_ascii("Up 5% to €40"), uncased_beyond_ascii("Tōkyō")
    (True, False)
    """
    return text.isascii() or all(ch.lower() == ch == ch.upper() for ch in non_ascii_chars(text))
