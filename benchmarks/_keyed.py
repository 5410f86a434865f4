"""How ``reconcile``'s grouping is scored against hand-keyed claims: one definition for
``reconcile_eval.py`` (``../shared/reconcile_dev``) and ``own_topics_eval.py`` (our own
stories).

* pairwise precision, recall and F1 from the counts of pairs (:func:`pair_scores`);
* a key's verdict is read on its *judged quantity*, the output quantity holding most of the
  key's matched claims; it is *held* when that quantity holds every required one, and right
  when it is the verdict written by hand (``echo`` counts as ``agree``) (:func:`judge_key`);
* an output quantity judged ``diverge`` is a false divergence when its matched claims are not
  all of one key that may diverge, and "on unannotated figures" when it holds none
  (:func:`divergence_kind`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Literal


def pair_scores(c: Mapping[str, float]) -> tuple[float, float, float]:
    """Precision, recall and F1 from the counts ``tp``, ``fp`` and ``fn`` of pairs."""
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def judge_key(
    members: Iterable[tuple[str | None, bool]], want: str, verdict_of: Mapping[str, str]
) -> tuple[str | None, bool, bool]:
    """``(got, held, right)`` of one key from its matched claims' ``(quantity, required)``
    (quantity None: the claim was given none) and its verdict ``want`` (lower case)."""
    members = list(members)
    judged = Counter(q for q, _ in members if q is not None).most_common(1)
    q = judged[0][0] if judged else None
    got = verdict_of.get(q) if q else None
    held = q is not None and all(m == q for m, required in members if required)
    right = got == want or (want == "agree" and got == "echo")
    return got, held, right


def divergence_kind(
    keys: set[str], may_diverge: Iterable[str]
) -> Literal["false", "unannotated"] | None:
    """What a quantity judged ``diverge`` holding claims of ``keys`` is: a false divergence,
    one on unannotated figures (no key), or a divergence expected (None)."""
    if not keys:
        return "unannotated"
    if len(keys) > 1 or next(iter(keys)) not in set(may_diverge):
        return "false"
    return None
