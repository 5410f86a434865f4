"""The fit half and the check half of a development set, by a fixed hash of each item.

Rules are developed on the fit half; the check half is scored before and after a change
and a change is kept only if the check half improves or holds. The split depends on the
text alone (SHA-1 of its UTF-8 bytes), so it is the same on every machine and in every run,
and adding an item to a set never moves another item between halves. Import this file by
path (``benchmarks/`` is not a package).

A set whose items come in topics (``reconcile_dev``: articles on five stories) is split by
topic instead, with :func:`split_topics`, and every benchmark of that set uses it, so that
extraction and grouping hold out the same topics.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

__all__ = ["HALVES", "half_of", "split_topics"]

HALVES: tuple[str, str] = ("fit", "check")


def half_of(text: str) -> str:
    """``"fit"`` or ``"check"`` for an item, from the last bit of the SHA-1 of its text.

    Examples
    --------
    >>> half_of("The council spent 4 million euros on the bridge.") in HALVES
    True
    """
    digest = hashlib.sha1(text.encode("utf-8")).digest()
    return HALVES[digest[-1] & 1]


def split_topics(topics: Iterable[str], *, rotation: int = 0) -> tuple[list[str], list[str]]:
    """(fit, check) topics: a fixed hash (blake2b of the name) orders them, and rotation
    ``r`` holds out the two at positions ``2r`` and ``2r + 1`` (mod the number of topics).

    Examples
    --------
    >>> fit, check = split_topics(["a", "b", "c", "d", "e"])
    >>> len(fit), len(check), sorted(fit + check)
    (3, 2, ['a', 'b', 'c', 'd', 'e'])
    """
    order = sorted(
        set(topics), key=lambda t: hashlib.blake2b(t.encode(), digest_size=8).hexdigest()
    )
    n = len(order)
    if n < 3:
        return order, []
    held = {order[(2 * rotation) % n], order[(2 * rotation + 1) % n]}
    return [t for t in order if t not in held], [t for t in order if t in held]
