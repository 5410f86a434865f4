"""Score ``reconcile`` on our own invented stories (``tests/data/own_topics``, issue 11).

Usage (from the repository root)::

    .venv/bin/python benchmarks/own_topics_eval.py            # every story
    .venv/bin/python benchmarks/own_topics_eval.py quake -v   # one story, every quantity

Each story folder holds ``docs/``, ``manifest.csv`` and ``expected.yaml``: the claims that
belong together (a quote, its occurrence in the document, a quantity key) and the verdict of
each key, written by hand before the tool was run on the texts. The texts are ours, so this is
a test of what the rules fitted to ``../shared/reconcile_dev`` make of stories they never saw.

Scored as in ``reconcile_eval.py``: extracted claims are matched to expected ones by offset
overlap; pairwise grouping precision, recall and F1 over the matched keyed claims; a key's
verdict is read on the output quantity holding most of its claims ("held" when that quantity
holds all of them; ``echo`` counts as ``agree``); a false divergence is an output quantity
judged ``diverge`` whose matched claims are not all of one key expected to diverge.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
import yaml

ROOT = Path(__file__).resolve().parents[1]
for _path in (ROOT, ROOT / "benchmarks"):  # the packages, and the sibling helper _keyed
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from _keyed import divergence_kind, judge_key, pair_scores  # noqa: E402

from extract import extract_corpus_report  # noqa: E402
from reconcile import reconcile  # noqa: E402

STORIES = ROOT / "tests" / "data" / "own_topics"


@dataclass(frozen=True, slots=True)
class Expected:
    """One expected claim: where it is and which quantity it measures."""

    doc: str
    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class Story:
    """A story folder read: its texts, expected claims and verdicts."""

    name: str
    texts: dict[str, str]
    claims: list[Expected]
    verdicts: dict[str, str]


def load_story(folder: Path) -> Story:
    """Read ``docs/``, ``expected.yaml``; place each quote at its n-th occurrence."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "docs").glob("*"))}
    spec = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    claims = []
    for row in spec["claims"]:
        text, quote = texts[row["doc"]], str(row["quote"])
        start = -1
        for _ in range(int(row.get("n", 1))):
            start = text.find(quote, start + 1)
            if start < 0:
                raise ValueError(f"{folder.name}/{row['doc']}: {quote!r} not found")
        claims.append(Expected(row["doc"], start, start + len(quote), str(row["key"])))
    return Story(folder.name, texts, claims, {str(k): str(v) for k, v in spec["verdicts"].items()})


def run_story(story: Story, folder: Path) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Extract and reconcile one story: (claims, quantities) of the result."""
    claims = extract_corpus_report(
        [folder / "docs" / d for d in story.texts],
        manifest=folder / "manifest.csv",
        progress=False,
    ).claims
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = reconcile(claims, texts=story.texts)
    return result.claims, result.quantities


def matched_quantities(story: Story, claims: pl.DataFrame) -> list[str | None]:
    """The quantity id of the extracted claim overlapping each expected claim most."""
    rows = claims.select("doc_id", "start", "end", "quantity_id").rows()
    out: list[str | None] = []
    for e in story.claims:
        best, best_len = None, 0
        for doc, start, end, qid in rows:
            overlap = min(end, e.end) - max(start, e.start)
            if doc == e.doc and overlap > best_len:
                best, best_len = qid or "", overlap
        out.append(best)
    return out


def score(story: Story, claims: pl.DataFrame, quantities: pl.DataFrame) -> dict[str, Any]:
    """Pairs, verdicts and divergences of one story."""
    qids = matched_quantities(story, claims)
    verdict = dict(quantities.select("quantity_id", pl.col("verdict").cast(pl.String)).rows())
    counts = ("tp", "fp", "fn", "keys", "right", "right_held", "div_keys", "div_found")
    c: Counter[str] = Counter(dict.fromkeys((*counts, "false_div", "div_unannotated"), 0))
    c.update(found=sum(q is not None for q in qids), claims=len(qids))
    items = [(e.key, q) for e, q in zip(story.claims, qids, strict=True) if q is not None]
    for i, (ka, qa) in enumerate(items):
        for kb, qb in items[i + 1 :]:
            same_out = bool(qa) and qa == qb
            c["tp"] += ka == kb and same_out
            c["fp"] += ka != kb and same_out
            c["fn"] += ka == kb and not same_out
    by_key: dict[str, list[str]] = defaultdict(list)
    for k, q in items:
        by_key[k].append(q)
    lines = []
    for key, want in story.verdicts.items():
        members = by_key.get(key, [])
        got, held, right = judge_key(((m or None, True) for m in members), want, verdict)
        c["keys"] += 1
        c["right"] += right
        c["right_held"] += right and held
        c["div_keys"] += want == "diverge"
        c["div_found"] += want == "diverge" and got == "diverge"
        lines.append(
            (key, want, got, held, f"{len(members)}/{sum(e.key == key for e in story.claims)}")
        )
    keys_in: dict[str, set[str]] = defaultdict(set)
    for k, q in items:
        if q:
            keys_in[q].add(k)
    diverging = [k for k, v in story.verdicts.items() if v == "diverge"]
    for q, v in verdict.items():
        if v != "diverge":
            continue
        kind = divergence_kind(keys_in.get(q, set()), diverging)
        if kind:
            c["div_unannotated" if kind == "unannotated" else "false_div"] += 1
    p, r, f = pair_scores(c)
    return {**c, "P": p, "R": r, "F1": f, "lines": lines}


def _line(name: str, s: dict[str, Any]) -> str:
    return (
        f"{name:<18} found {s['found']}/{s['claims']} | P {s['P']:.2f} R {s['R']:.2f} "
        f"F1 {s['F1']:.3f} | verdicts right+held {s['right_held']}/{s['keys']}, right "
        f"{s['right']} | divergences found {s['div_found']}/{s['div_keys']} | false divergences "
        f"{s['false_div']} (+{s['div_unannotated']} on unannotated figures)"
    )


def story_folders(names: list[str] | None = None) -> list[Path]:
    """The story folders of ``STORIES`` (those with an ``expected.yaml``), or of ``names``."""
    folders = [f for f in sorted(STORIES.iterdir()) if (f / "expected.yaml").is_file()]
    return [f for f in folders if not names or f.name in names]


def run(names: list[str] | None = None, *, verbose: bool = False) -> dict[str, dict[str, Any]]:
    """Score every story (or ``names``), print a line each and the total."""
    report: dict[str, dict[str, Any]] = {}
    total: Counter[str] = Counter()
    for folder in story_folders(names):
        story = load_story(folder)
        claims, quantities = run_story(story, folder)
        report[story.name] = s = score(story, claims, quantities)
        print(_line(story.name, s))
        for key, want, got, held, n in s["lines"]:
            ok = (got == want or (want == "agree" and got == "echo")) and held
            print(f"    {'ok ' if ok else '-- '}{key}: want {want}, got {got}, held {held} ({n})")
        if verbose:
            cols = ["label", "verdict", "n_assertions", "why"]
            with pl.Config(tbl_rows=-1, fmt_str_lengths=200, tbl_width_chars=250):
                print(quantities.select([c for c in cols if c in quantities.columns]))
        total.update({k: v for k, v in s.items() if isinstance(v, int)})
    p, r, f = pair_scores(total)
    all_ = {**total, "P": p, "R": r, "F1": f}
    print(_line("all", all_))
    report["all"] = all_
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", nargs="*", help="story folders to score (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every quantity")
    args = parser.parse_args(argv)
    run(args.stories, verbose=args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
