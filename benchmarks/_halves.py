"""The fit half and the check half of a development set, by a fixed hash of each item.

Rules are developed on the fit half; the check half is scored before and after a change
and a change is kept only if the check half improves or holds. The split depends on the
text alone (SHA-1 of its UTF-8 bytes), so it is the same on every machine and in every run,
and adding an item to a set never moves another item between halves. Import this file by
path (``benchmarks/`` is not a package).
"""

from __future__ import annotations

import hashlib

__all__ = ["HALVES", "half_of"]

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
