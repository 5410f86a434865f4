"""Throughput and memory of claim extraction on generated news-like text.

Usage (from the repository root)::

    python benchmarks/throughput.py [--mb 5] [--quick] [--q3-mb 0.5] [--tracemalloc] [--json OUT]

A seeded template-and-vocabulary generator writes English news paragraphs
full of numbers (money in several currencies, percentages, counted nouns,
measurements, dates, ranges, qualifiers such as "more than"/"nearly", rates
such as "a month", changes, attributions). The stream is cut into documents
of about 3,000 characters; "1 MB" below means 1,000,000 characters.

Measured in one run:

* our extractor (``extract.extract_claims``; ``--target module:function`` to
  time something else) over the whole corpus, in one process: chars/s,
  sentences/s, claims found. Only the extraction calls are timed.
* quantulum3's ``parser.parse`` on the first ``--q3-mb`` MB of the same documents
  (it is slow), with our extractor timed on each document in turn, so that a
  machine whose speed drifts during the run affects both alike. quantulum3's time
  grows faster than the length of one call's text, so it is timed both per
  document and per sentence (documents cut beforehand, outside the timing).
* the ratio of our rate to quantulum3's faster one on that same text (target: >= 10x).

Every timed call (ours, in both parts, and quantulum3's) starts right after a
full ``gc.collect()`` done outside the timing, so each tool pays only for the
collections its own allocations set off. Without it, quantulum3's heavy object
churn pushed Python's collector towards a full (generation-2) collection that
often fell inside our next call: in the in-turn part about 4-5% of our time went
to the collector, against about 1% when our extractor runs alone.
* peak memory (``resource.getrusage`` max RSS, which also sees Polars' native
  allocations; ``--tracemalloc`` adds the Python-heap peak) of our extraction
  over the first ``mb/5`` MB and over all ``mb`` MB, each in a fresh process
  that streams documents and keeps only counts, printed side by side: if
  memory stays flat the two peaks are about equal.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import inspect
import json
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
MB = 1_000_000  # characters
DOC_CHARS = 3_000
SEED = 20240601
TARGET_RATIO = 10.0

# --------------------------------------------------------------------------- vocabulary

ORGS = [
    "the central bank",
    "the health ministry",
    "Northwind Energy",
    "Harbor Logistics",
    "the city council",
    "the transport authority",
    "Meridian Foods",
    "the national statistics office",
    "Atlas Mining",
    "the regional government",
    "Kestrel Airlines",
    "the school board",
    "Bluewater Shipping",
    "the defence ministry",
    "Summit Pharmaceuticals",
    "the port authority",
    "the finance ministry",
    "Granite Telecom",
    "the farmers' union",
    "Silverline Rail",
    "the housing agency",
    "Orchid Retail Group",
    "the weather service",
    "Copperfield Bank",
]
PLACES = [
    "Lisbon",
    "Nairobi",
    "Ohio",
    "Queensland",
    "Manila",
    "Bavaria",
    "Ontario",
    "Chile",
    "Vietnam",
    "Scotland",
    "Texas",
    "Kerala",
    "Poland",
    "Morocco",
    "the northern provinces",
    "the capital",
    "the coastal region",
    "Patagonia",
]
FIRST = ["Maria", "James", "Chen", "Anna", "David", "Sofia", "Kwame", "Elena", "Rahul", "Grace"]
LAST = ["Lopez", "Okafor", "Wei", "Kowalski", "Mensah", "Rossi", "Haddad", "Novak", "Iyer", "Byrne"]
TITLES = [
    "finance minister",
    "chief executive",
    "company spokesperson",
    "senior economist at Greyline Capital",
    "mayor",
    "police chief",
    "head of research",
    "union leader",
    "chief financial officer",
]
COUNT_NOUNS = [
    "workers",
    "jobs",
    "homes",
    "vehicles",
    "students",
    "patients",
    "passengers",
    "flights",
    "containers",
    "soldiers",
    "tourists",
    "farmers",
    "schools",
    "hospital beds",
    "shops",
    "trees",
    "wind turbines",
    "cases",
    "subscribers",
    "households",
    "migrants",
    "teachers",
    "buses",
    "employees",
]
COMMODITIES = ["wheat", "copper", "coal", "rice", "steel", "coffee", "cotton", "soybeans", "timber"]
THINGS = ["salaries", "fuel", "security", "maintenance", "advertising", "research", "rent"]
QUALS = [
    "more than",
    "nearly",
    "about",
    "around",
    "almost",
    "at least",
    "up to",
    "roughly",
    "just over",
    "fewer than",
    "less than",
    "some",
    "an estimated",
    "close to",
    "over",
    "approximately",
]
RATES = ["a month", "per year", "each week", "a day", "per hour", "annually", "a year", "per month"]
UPS = ["rose", "climbed", "increased", "jumped", "grew", "surged", "gained", "edged up"]
DOWNS = ["fell", "dropped", "declined", "slipped", "tumbled", "shrank", "eased", "plunged"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
QUARTERS = ["first quarter", "second quarter", "third quarter", "fourth quarter"]
WORD_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen"]
VAGUE = ["dozens of", "hundreds of", "thousands of", "tens of thousands of", "millions of"]
PLAIN = [
    "The decision was welcomed by local residents.",
    "Critics said the plan did not go far enough.",
    "The talks are expected to resume next week.",
    "Opposition lawmakers called for an independent inquiry.",
    "The company declined to comment on the report.",
    "Officials have not said when the work will be finished.",
    "Analysts said the outlook remained uncertain.",
    "The announcement came after weeks of negotiations.",
    "Residents described scenes of chaos in the streets.",
    "The ministry said it was monitoring the situation closely.",
]


class Gen:
    """Seeded sentence generator; every method draws from one ``random.Random``."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def pick(self, seq: list[str]) -> str:
        return self.r.choice(seq)

    # numbers -----------------------------------------------------------------
    def count(self, lo: int = 2, hi: int = 90_000) -> str:
        n = int(10 ** self.r.uniform(len(str(lo)) - 1, len(str(hi)) - 1 + 0.95))
        n = max(lo, min(hi, n))
        if n >= 1000 and self.r.random() < 0.85:
            return f"{n:,}"
        return str(n)

    def small(self) -> str:
        return self.pick(WORD_NUMBERS) if self.r.random() < 0.4 else str(self.r.randint(2, 60))

    def pct(self) -> str:
        x = round(self.r.uniform(0.1, 45), self.r.choice([0, 1, 1, 2]))
        num = f"{x:g}"
        return self.r.choice([f"{num}%", f"{num} percent", f"{num} per cent", f"{num}%"])

    def money(self) -> str:
        cur = self.r.random()
        scale = self.r.choice(["", "", " million", " million", " billion", "bn", "m", " trillion"])
        if scale in ("", "m", "bn"):
            amount = f"{self.r.randint(1, 9_999):,}" if scale == "" else str(self.r.randint(1, 900))
        else:
            amount = f"{round(self.r.uniform(1, 950), self.r.choice([0, 1, 2])):g}"
        if cur < 0.45:
            return f"${amount}{scale}"
        if cur < 0.6:
            return f"£{amount}{scale}"
        if cur < 0.72:
            return f"€{amount}{scale}"
        if cur < 0.8:
            return f"US${amount}{scale}"
        word = self.pick(["dollars", "euros", "yen", "rupees", "pounds", "Australian dollars"])
        return f"{amount}{scale if scale not in ('m', 'bn') else ' million'} {word}"

    def price(self) -> str:
        return f"${self.r.uniform(1, 400):.2f}"

    def measure(self) -> str:
        unit = self.pick(
            [
                "km",
                "kilometres",
                "miles",
                "kilograms",
                "tonnes",
                "metres",
                "hectares",
                "square metres",
                "litres",
                "megawatts",
                "hours",
                "days",
                "feet",
                "acres",
            ]
        )
        return f"{self.count(2, 20_000)} {unit}"

    def year(self) -> str:
        return str(self.r.randint(1990, 2031))

    def date(self) -> str:
        k = self.r.random()
        if k < 0.4:
            return f"on {self.pick(WEEKDAYS)}"
        if k < 0.7:
            return f"on {self.pick(MONTHS)} {self.r.randint(1, 28)}"
        if k < 0.85:
            return f"in {self.pick(MONTHS)} {self.year()}"
        return f"in {self.year()}"

    def person(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(LAST)}"

    def attrib(self) -> str:
        k = self.r.randint(0, 6)
        if k == 0:
            return f"{self.pick(ORGS)} said"
        if k == 1:
            return "officials said"
        if k == 2:
            return f"according to {self.pick(ORGS)}"
        if k == 3:
            return f"{self.person()}, the {self.pick(TITLES)}, told reporters"
        if k == 4:
            return f"{self.person()} said in a statement"
        if k == 5:
            return "analysts estimate"
        return f"data released {self.date()} showed"

    # sentences ---------------------------------------------------------------
    def sentence(self) -> str:
        if self.r.random() < 0.12:
            return self.pick(PLAIN)
        template = self.r.choice(TEMPLATES)
        s = template(self)
        return s[0].upper() + s[1:]

    def paragraph(self) -> tuple[str, int]:
        n = self.r.randint(3, 6)
        return " ".join(self.sentence() for _ in range(n)), n


TEMPLATES: list[Callable[[Gen], str]] = [
    lambda g: (
        f"{g.pick(ORGS)} said revenue {g.pick(UPS)} {g.pct()} to {g.money()} in the "
        f"{g.pick(QUARTERS)}."
    ),
    lambda g: (
        f"{g.pick(QUALS)} {g.count()} {g.pick(COUNT_NOUNS)} were affected in {g.pick(PLACES)} "
        f"{g.date()}, {g.attrib()}."
    ),
    lambda g: (
        f"the project will cost {g.money()} and create {g.pick(QUALS)} {g.count(50, 20_000)} "
        f"jobs, {g.attrib()}."
    ),
    lambda g: (
        f"prices {g.pick(DOWNS)} by {g.pct()} in {g.pick(MONTHS)}, the "
        f"{g.pick(['third', 'fourth', 'fifth', 'sixth'])} consecutive monthly decline."
    ),
    lambda g: (
        f"{g.person()}, the {g.pick(TITLES)}, said the group spends {g.pick(QUALS)} {g.money()} "
        f"{g.pick(RATES)} on {g.pick(THINGS)}."
    ),
    lambda g: (
        f"temperatures reached {g.r.randint(28, 49)} degrees Celsius in {g.pick(PLACES)} "
        f"{g.date()}, the weather service said."
    ),
    lambda g: (
        f"the train travelled {g.count(20, 3_000)} km at speeds of up to {g.r.randint(80, 320)} "
        f"km/h during the trial."
    ),
    lambda g: (
        f"unemployment stood at {g.pct()} in {g.pick(MONTHS)}, down from {g.pct()} a year "
        f"earlier, {g.attrib()}."
    ),
    lambda g: (
        f"between {g.r.randint(2, 40)},000 and {g.r.randint(41, 90)},000 "
        f"{g.pick(COUNT_NOUNS)} are expected, organisers said."
    ),
    lambda g: (
        f"the benchmark index {g.pick(UPS + DOWNS)} {g.r.uniform(1, 400):.2f} points, or "
        f"{g.pct()}, to close at {g.r.uniform(1_000, 40_000):,.2f}."
    ),
    lambda g: (
        f"shares of {g.pick(ORGS)} {g.pick(UPS + DOWNS)} {g.r.randint(2, 95)} cents to "
        f"{g.price()} in early trading."
    ),
    lambda g: (
        f"the farm covers {g.count(10, 9_000)} hectares and employs {g.small()} "
        f"{g.pick(['people', 'workers', 'seasonal labourers'])}."
    ),
    lambda g: (
        f"{g.pick(ORGS)} plans to cut {g.count(100, 12_000)} jobs by {g.year()}, about "
        f"{g.pct()} of its workforce."
    ),
    lambda g: (
        f"inflation is forecast to slow from {g.r.randint(3, 9)} to {g.r.randint(1, 3)} percent "
        f"next year, {g.attrib()}."
    ),
    lambda g: (
        f"the storm left {g.pick(QUALS)} {g.count(1_000, 900_000)} homes without power and "
        f"caused an estimated {g.money()} in damage."
    ),
    lambda g: f"a {g.r.randint(16, 90)}-year-old man was arrested {g.date()}, police said.",
    lambda g: (
        f"the new plant will produce {g.r.randint(5, 900)} megawatts, enough to power "
        f"{g.pick(QUALS)} {g.count(1_000, 500_000)} homes."
    ),
    lambda g: (
        f"exports to {g.pick(PLACES)} totalled {g.money()} in {g.year()}, "
        f"{g.pick(['up', 'down'])} from {g.money()} the year before."
    ),
    lambda g: (
        f"police said {g.small()} people were injured and {g.r.randint(1, 9)} were killed "
        f"{g.date()}."
    ),
    lambda g: (
        f"the bill, which passed by {g.r.randint(200, 330)} votes to {g.r.randint(50, 199)}, "
        f"raises the minimum wage to {g.price()} an hour."
    ),
    lambda g: (
        f"{g.pick(ORGS)} shipped {g.pick(QUALS)} {g.count(100, 900_000)} tonnes of "
        f"{g.pick(COMMODITIES)} last month."
    ),
    lambda g: (
        f"the average house price in {g.pick(PLACES)} is now £{g.r.randint(90, 900)},"
        f"{g.r.randint(100, 999)}, {g.attrib()}."
    ),
    lambda g: (
        f"the company had {g.r.uniform(1, 300):.1f} million subscribers at the end of the "
        f"{g.pick(QUARTERS)}, compared with {g.r.uniform(1, 300):.1f} million a year ago."
    ),
    lambda g: (
        f"interest rates were raised by {g.pick(['25', '50', '75'])} basis points to {g.pct()}, "
        f"the highest level since {g.year()}."
    ),
    lambda g: (
        f"the tunnel is {g.r.randint(2, 60)} kilometres long and took {g.small()} years to "
        f"build at a cost of {g.money()}."
    ),
    lambda g: (
        f"oil {g.pick(UPS + DOWNS)} {g.pct()} to {g.price()} a barrel {g.date()}, its "
        f"{g.pick(['biggest', 'smallest', 'first'])} move in {g.small()} weeks."
    ),
    lambda g: (
        f"a survey of {g.count(500, 12_000)} adults found that {g.pct()} support the plan, "
        f"while {g.pct()} are opposed."
    ),
    lambda g: (
        f"{g.pick(ORGS)} said it would hire {g.pick(QUALS)} {g.count(20, 5_000)} staff over the "
        f"next {g.small()} months."
    ),
    lambda g: (
        f"{g.pick(VAGUE)} {g.pick(COUNT_NOUNS)} have been recorded since {g.pick(MONTHS)} "
        f"{g.r.randint(1, 28)}, {g.attrib()}."
    ),
    lambda g: (
        f"the fund manages {g.money()} in assets and charges fees of between {g.r.randint(1, 3)} "
        f"and {g.r.randint(4, 9)} percent."
    ),
    lambda g: (
        f"{g.person()} ran the {g.pick(['marathon', 'course', 'race'])} in {g.r.randint(2, 4)} "
        f"hours {g.r.randint(1, 59)} minutes, a record for {g.pick(PLACES)}."
    ),
    lambda g: (
        f"the ship, {g.r.randint(150, 400)} metres long, carries up to "
        f"{g.count(2_000, 24_000)} containers and weighs {g.count(20_000, 240_000)} tonnes."
    ),
    lambda g: (
        f"the government will spend {g.money()} over {g.small()} years on "
        f"{g.pick(['roads', 'hospitals', 'schools', 'broadband', 'flood defences'])}, "
        f"{g.attrib()}."
    ),
    lambda g: (
        f"turnout was {g.pct()}, {g.pick(['up', 'down'])} {g.r.uniform(0.5, 9):.1f} "
        f"percentage points from the previous election in {g.year()}."
    ),
    lambda g: (
        f"the wildfire has burned {g.pick(QUALS)} {g.count(1_000, 400_000)} acres and forced "
        f"{g.count(100, 60_000)} residents to flee."
    ),
    lambda g: f"subscriptions cost {g.price()} per month, or {g.price()} a year, the company said.",
    lambda g: (
        f"rainfall was {g.r.randint(10, 350)} mm in {g.pick(MONTHS)}, "
        f"{g.r.randint(20, 300)}% of the monthly average."
    ),
    lambda g: (
        f"the {g.pick(['pipeline', 'border fence', 'new reservoir', 'runway'])} will stretch "
        f"{g.measure()}, {g.attrib()}."
    ),
    lambda g: (
        f"{g.pick(QUALS)} {g.count(10, 5_000)} {g.pick(COUNT_NOUNS)} arrive {g.pick(RATES)}, "
        f"{g.pick(UPS)} from {g.count(10, 5_000)} {g.date()}."
    ),
    lambda g: (
        f"the car can go from 0 to {g.pick(['60 mph', '100 km/h'])} in "
        f"{g.r.uniform(2.5, 9.9):.1f} seconds and has a range of {g.r.randint(180, 520)} miles."
    ),
]


@dataclass(frozen=True)
class GeneratedDoc:
    """One generated document."""

    doc_id: str
    text: str
    n_sentences: int


def iter_documents(
    total_chars: int, seed: int = SEED, doc_chars: int = DOC_CHARS
) -> Iterator[GeneratedDoc]:
    """Yield documents of about ``doc_chars`` characters until ``total_chars`` are produced.

    The stream depends only on ``seed``: a shorter ``total_chars`` yields a
    prefix of a longer one.
    """
    gen = Gen(seed)
    produced = 0
    k = 0
    while produced < total_chars:
        paragraphs: list[str] = []
        size = 0
        n_sent = 0
        while size < doc_chars:
            para, n = gen.paragraph()
            paragraphs.append(para)
            size += len(para) + 2
            n_sent += n
        text = "\n\n".join(paragraphs)
        produced += len(text)
        yield GeneratedDoc(f"gen-{k:06d}", text, n_sent)
        k += 1


# --------------------------------------------------------------------------- measuring


def _max_rss_mb() -> float:
    # Linux reports kilobytes, macOS bytes.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def load_target(spec: str) -> Callable[[str, str], Any]:
    """``module:function`` -> callable(text, doc_id); doc_id is passed if accepted."""
    module_name, _, func_name = spec.partition(":")
    for p in (str(REPO_ROOT), str(HERE)):
        if p not in sys.path:
            sys.path.insert(0, p)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        module = importlib.import_module(module_name)
    fn = getattr(module, func_name or "extract_claims")
    try:
        takes_doc_id = "doc_id" in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        takes_doc_id = True
    if takes_doc_id:
        return lambda text, doc_id: fn(text, doc_id=doc_id)
    return lambda text, doc_id: fn(text)


def _n_rows(result: Any) -> int:
    height = getattr(result, "height", None)
    if isinstance(height, int):
        return height
    try:
        return len(result)
    except TypeError:
        return 0


def stream_measure(
    fn: Callable[[str, str], Any],
    total_chars: int,
    seed: int,
    *,
    trace: bool = False,
    budget_s: float = 0.0,
) -> dict[str, Any]:
    """Run ``fn`` over the generated stream, keeping only counts; time only the calls.

    With ``budget_s`` > 0 the stream stops early once that much extraction
    time is spent (``truncated`` is then true and the rates cover the prefix).
    """
    warm = next(iter_documents(DOC_CHARS, seed=seed + 1))
    t0 = time.perf_counter()
    fn(warm.text, warm.doc_id)
    warmup_s = time.perf_counter() - t0
    rss_before = _max_rss_mb()
    if trace:
        tracemalloc.start()
    n_docs = n_chars = n_sent = n_claims = 0
    elapsed = 0.0
    truncated = False
    for doc in iter_documents(total_chars, seed=seed):
        if budget_s and elapsed > budget_s:
            truncated = True
            break
        gc.collect()
        t = time.perf_counter()
        result = fn(doc.text, doc.doc_id)
        elapsed += time.perf_counter() - t
        n_claims += _n_rows(result)
        del result
        n_docs += 1
        n_chars += len(doc.text)
        n_sent += doc.n_sentences
    py_peak = None
    if trace:
        py_peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return {
        "docs": n_docs,
        "chars": n_chars,
        "sentences": n_sent,
        "claims": n_claims,
        "seconds": elapsed,
        "warmup_seconds": warmup_s,
        "chars_per_s": n_chars / elapsed if elapsed else 0.0,
        "sentences_per_s": n_sent / elapsed if elapsed else 0.0,
        "rss_before_mb": rss_before,
        "rss_peak_mb": _max_rss_mb(),
        "tracemalloc_peak_mb": py_peak,
        "traced": trace,
        "truncated": truncated,
    }


def run_child(target: str, mb: float, seed: int, trace: bool, budget_s: float) -> dict[str, Any]:
    """Measure in a fresh process so that max RSS belongs to this input size alone."""
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        "--target",
        target,
        "--mb",
        str(mb),
        "--seed",
        str(seed),
        "--budget",
        str(budget_s),
    ]
    if trace:
        cmd.append("--tracemalloc")
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"child failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def corpus_stats(total_chars: int, seed: int, dump: Path | None) -> dict[str, Any]:
    """Generate the whole corpus once: size, sentences, a digest, generation time."""
    digest = hashlib.sha256()
    n_docs = n_chars = n_sent = 0
    t0 = time.perf_counter()
    out = open(dump, "w", encoding="utf-8") if dump else None
    try:
        for doc in iter_documents(total_chars, seed=seed):
            digest.update(doc.text.encode("utf-8"))
            n_docs += 1
            n_chars += len(doc.text)
            n_sent += doc.n_sentences
            if out:
                out.write(doc.text + "\n\n\n")
    finally:
        if out:
            out.close()
    return {
        "docs": n_docs,
        "chars": n_chars,
        "sentences": n_sent,
        "sha256": digest.hexdigest()[:16],
        "seconds": time.perf_counter() - t0,
    }


#: Where quantulum3's sentence mode cuts a document: after . ! ? and at line breaks.
_SENTENCE_CUT = re.compile(r"(?<=[.!?])\s+|\n+")


def measure_side_by_side(
    ours: Callable[[str, str], Any] | None, total_chars: int, seed: int
) -> dict[str, dict[str, Any]]:
    """Time quantulum3, and our extractor on the same text, document by document in turn.

    quantulum3's time grows faster than the length of the text of one call, so it is
    timed two ways on each document: one call for the whole document, and one call per
    sentence (the document cut beforehand with a plain regex, outside the timing). Our
    extractor (one call per document) is timed on the same document in between, so that
    a machine that speeds up or slows down during the run affects all three alike.
    Each timed call starts after a ``gc.collect()`` outside the timing (see the module
    docstring), the same for all three.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    def q3(text: str) -> list[Any]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parser.parse(text)

    warm = next(iter_documents(DOC_CHARS, seed=seed + 1))
    q3(warm.text)
    if ours is not None:
        ours(warm.text, warm.doc_id)
    names = ["quantulum3_by_document", "quantulum3_by_sentence"] + (["ours"] if ours else [])
    seconds = dict.fromkeys(names, 0.0)
    claims = dict.fromkeys(names, 0)
    n_chars = n_sent = 0
    for doc in iter_documents(total_chars, seed=seed):
        pieces = [p for p in _SENTENCE_CUT.split(doc.text) if p]
        gc.collect()
        t = time.perf_counter()
        claims["quantulum3_by_document"] += len(q3(doc.text))
        seconds["quantulum3_by_document"] += time.perf_counter() - t
        if ours is not None:
            gc.collect()
            t = time.perf_counter()
            claims["ours"] += _n_rows(ours(doc.text, doc.doc_id))
            seconds["ours"] += time.perf_counter() - t
        gc.collect()
        t = time.perf_counter()
        claims["quantulum3_by_sentence"] += sum(len(q3(piece)) for piece in pieces)
        seconds["quantulum3_by_sentence"] += time.perf_counter() - t
        n_chars += len(doc.text)
        n_sent += doc.n_sentences
    return {
        name: {
            "chars": n_chars,
            "sentences": n_sent,
            "claims": claims[name],
            "seconds": seconds[name],
            "chars_per_s": n_chars / seconds[name] if seconds[name] else 0.0,
            "sentences_per_s": n_sent / seconds[name] if seconds[name] else 0.0,
        }
        for name in names
    }


# --------------------------------------------------------------------------- main


def _rate(x: float) -> str:
    return f"{x / 1e3:10.1f} k"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (1e6 chars)")
    ap.add_argument(
        "--q3-mb", type=float, default=None, help="quantulum3 prefix in MB (default 0.5)"
    )
    ap.add_argument("--quick", action="store_true", help="1 MB corpus, 0.2 MB for quantulum3")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--target", default="extract:extract_claims", help="module:function to time")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace the Python heap")
    ap.add_argument("--dump", type=Path, default=None, help="write the generated corpus here")
    ap.add_argument("--json", type=Path, default=None, metavar="OUT", help="write the numbers")
    ap.add_argument(
        "--budget",
        type=float,
        default=120.0,
        help="stop our extraction after this many seconds per run (0: no limit)",
    )
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        fn = load_target(args.target)
        res = stream_measure(
            fn, int(args.mb * MB), args.seed, trace=args.tracemalloc, budget_s=args.budget
        )
        print(json.dumps(res))
        return 0

    mb = 1.0 if args.quick and args.mb == 5.0 else args.mb
    q3_mb = args.q3_mb if args.q3_mb is not None else (0.2 if args.quick else 0.5)
    q3_mb = min(q3_mb, mb)
    small_mb = round(mb / 5, 3)
    total = int(mb * MB)

    corpus = corpus_stats(total, args.seed, args.dump)
    print(
        f"Corpus: {corpus['chars']:,} chars, {corpus['docs']:,} documents of ~{DOC_CHARS:,} chars, "
        f"{corpus['sentences']:,} sentences (seed {args.seed}, sha256 {corpus['sha256']}, "
        f"generated in {corpus['seconds']:.2f} s)"
    )
    if args.dump:
        print(f"  written to {args.dump}")

    report: dict[str, Any] = {"corpus": corpus, "mb": mb, "q3_mb": q3_mb, "target": args.target}
    ours: dict[str, Any] | None = None
    small: dict[str, Any] | None = None
    try:
        load_target(args.target)
        available = True
    except Exception as exc:
        available = False
        print(
            f"NOTE: {args.target} is not available ({type(exc).__name__}: {exc}); "
            "measuring quantulum3 only."
        )
    if available:
        small = run_child(args.target, small_mb, args.seed, False, args.budget)
        ours = run_child(args.target, mb, args.seed, False, args.budget)
        if args.tracemalloc:  # separate runs: tracing slows extraction several times
            traced = [run_child(args.target, x, args.seed, True, 0.0) for x in (small_mb, mb)]
            small["tracemalloc_peak_mb"] = traced[0]["tracemalloc_peak_mb"]
            ours["tracemalloc_peak_mb"] = traced[1]["tracemalloc_peak_mb"]
        for res in (small, ours):
            if res["truncated"]:
                print(
                    f"WARNING: our extraction hit the {args.budget:g} s budget after "
                    f"{res['chars']:,} chars; rates and memory cover that prefix only."
                )
        report["ours"] = ours
        report["ours_small"] = small

    side = measure_side_by_side(
        load_target(args.target) if available else None, int(q3_mb * MB), args.seed
    )
    report["side_by_side"] = side
    q3_doc, q3_sent = side["quantulum3_by_document"], side["quantulum3_by_sentence"]
    print(f"\n{'system':<34} {'chars/s':>12} {'sentences/s':>12} {'claims':>9} {'seconds':>8}")
    if ours is not None:
        print(
            f"{f'ours, {mb:g} MB, one process':<34} {_rate(ours['chars_per_s'])}"
            f" {ours['sentences_per_s']:12.0f} {ours['claims']:9,} {ours['seconds']:8.1f}"
        )
    for label, res in (("per document", q3_doc), ("per sentence", q3_sent)):
        print(
            f"{f'quantulum3 {label}, first {q3_mb:g} MB':<34} {_rate(res['chars_per_s'])}"
            f" {res['sentences_per_s']:12.0f} {res['claims']:9,} {res['seconds']:8.1f}"
        )
    if "ours" in side:
        mine = side["ours"]
        print(
            f"{f'ours, same {q3_mb:g} MB, in turn':<34} {_rate(mine['chars_per_s'])}"
            f" {mine['sentences_per_s']:12.0f} {mine['claims']:9,} {mine['seconds']:8.1f}"
        )
        best = max(q3_doc["chars_per_s"], q3_sent["chars_per_s"])
        ratio = mine["chars_per_s"] / best
        report["ratio"] = ratio
        report["ratio_by_document"] = mine["chars_per_s"] / q3_doc["chars_per_s"]
        verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
        print(
            f"ratio ours/quantulum3 at its faster, same text timed in turn: {ratio:.1f}x"
            f"   target >= {TARGET_RATIO:g}x ({verdict})"
        )
        print(f"  (against quantulum3 per document: {report['ratio_by_document']:.1f}x)")
    if ours is not None and small is not None:
        print(
            "\nPeak memory of our extraction (fresh process each, documents streamed, counts kept):"
        )
        print(f"{'':<26} {small_mb:>10g} MB {mb:>10g} MB")
        print(
            f"{'max RSS after warm-up':<26} {small['rss_before_mb']:10.1f} MB {ours['rss_before_mb']:10.1f} MB"
        )
        print(
            f"{'max RSS at end':<26} {small['rss_peak_mb']:10.1f} MB {ours['rss_peak_mb']:10.1f} MB"
        )
        g1 = small["rss_peak_mb"] - small["rss_before_mb"]
        g5 = ours["rss_peak_mb"] - ours["rss_before_mb"]
        print(f"{'growth during the stream':<26} {g1:10.1f} MB {g5:10.1f} MB")
        if small["tracemalloc_peak_mb"] is not None:
            print(
                f"{'tracemalloc peak (Python)':<26} {small['tracemalloc_peak_mb']:10.1f} MB "
                f"{ours['tracemalloc_peak_mb']:10.1f} MB"
            )
        flat = ours["rss_peak_mb"] <= small["rss_peak_mb"] * 1.10 + 5
        report["memory_flat"] = flat
        print(f"memory {'stays flat' if flat else 'GROWS'} as the input grows {mb / small_mb:g}x")
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
