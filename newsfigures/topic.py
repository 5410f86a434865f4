"""The topic report's pieces (``03_report``): the part of the results about a keyword, its
title and summary, the figures of each quantity, the sources, what was left out and how the
report was made.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from reconcile import ReconcileResult, load_mapping

from .cells import _figures_of, figure_cells, sources_shown, verdict_words
from .corpus import LENGTHS_OF_TIME, Corpus, sort_quantities
from .html import (
    MAX_ROWS,
    Html,
    _capped,
    _esc,
    _n,
    _note,
    _outlet,
    _pill,
    _source_names,
    _unnamed,
    safe_link,
)
from .params import (
    Settings,
)
from .prose import REPLACED, _earlier_levels
from .rows import not_headlined
from .tables import _marked_claim, skipped_table
from .words import _date


def select_topic(result: ReconcileResult, topic: str) -> ReconcileResult:
    """The part of ``result`` about ``topic``: quantities whose label, subject or concept, or one
    of whose claims' sentences, contains the keyword (case-insensitive); empty keeps all."""
    key = topic.strip().lower()
    if not key:
        return result

    by_sentence = result.claims.filter(_mentions("sentence", key) | _mentions("subject", key))
    ids = set(by_sentence.get_column("quantity_id").drop_nulls().to_list())
    ids |= set(
        result.quantities.filter(
            _mentions("label", key) | _mentions("subject", key) | _mentions("concept", key)
        )
        .get_column("quantity_id")
        .to_list()
    )
    keep = pl.Series(sorted(ids), dtype=pl.String).implode()
    assertions = result.assertions.filter(pl.col("quantity_id").is_in(keep))
    kept_assertions = assertions.get_column("assertion_id").implode()
    claims = result.claims.filter(
        pl.col("quantity_id").is_in(keep) | _mentions("sentence", key) | _mentions("subject", key)
    )
    return ReconcileResult(
        claims=claims,
        quantities=result.quantities.filter(pl.col("quantity_id").is_in(keep)),
        assertions=assertions,
        checks=result.checks.filter(
            pl.col("quantity_ids").list.eval(pl.element().is_in(keep)).list.any()
        ),
        stances=result.stances.filter(
            pl.col("assertion_ids").list.eval(pl.element().is_in(kept_assertions)).list.any()
            | _mentions("sentence", key)
        ),
    )


def _mentions(column: str, key: str) -> pl.Expr:
    return (
        pl.col(column)
        .cast(pl.String)
        .fill_null("")
        .str.to_lowercase()
        .str.contains(key, literal=True)
    )


def topic_found(topic: str, quantities: pl.DataFrame, claims: pl.LazyFrame | pl.DataFrame) -> bool:
    """Whether any quantity's label, subject or concept, or any claim's sentence or subject,
    contains ``topic`` (case-insensitive; an empty topic is every topic)."""
    key = topic.strip().lower()
    if not key:
        return True
    named = quantities.filter(
        _mentions("label", key) | _mentions("subject", key) | _mentions("concept", key)
    )
    if named.height:
        return True
    said = claims.lazy().filter(_mentions("sentence", key) | _mentions("subject", key))
    return said.select(pl.len()).collect().item() > 0


def unused_renames(mapping: Path, quantities: pl.DataFrame) -> list[str]:
    """One warning per ``rename`` of a mapping file that matched no quantity: its key is no
    quantity id, and the new label it would give is on no quantity."""
    renames = load_mapping(mapping).rename
    ids = set(quantities.get_column("quantity_id").to_list())
    labels = set(quantities.get_column("label").to_list())
    return [
        f"mapping {mapping.name}: rename {old!r} matches no quantity label or id, so "
        f"{new!r} is given to nothing (labels are in quantities.parquet)"
        for old, new in renames.items()
        if old not in ids and new not in labels
    ]


_STYLE = """<style>
.nf-title h1 { margin-bottom: 0.2em; }
.nf-table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.92em; }
.nf-table th, .nf-table td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left;
  vertical-align: top; }
.nf-table th { background: #f3f3f3; }
.nf-table caption { caption-side: top; text-align: left; color: #555; padding-bottom: 4px; }
.nf-diverge { color: #fff; background: #c0392b; padding: 0 6px; border-radius: 3px; }
.nf-agree { color: #fff; background: #2e8b57; padding: 0 6px; border-radius: 3px; }
.nf-growth { color: #fff; background: #2c6fbb; padding: 0 6px; border-radius: 3px; }
.nf-single { color: #fff; background: #8c8c8c; padding: 0 6px; border-radius: 3px; }
.nf-holds { color: #2e8b57; font-weight: bold; }
.nf-fails { color: #c0392b; font-weight: bold; }
.nf-warning { color: #b35806; font-weight: bold; }
.nf-headline h3 { margin-bottom: 0.3em; }
.nf-headline p { font-size: 1.05em; line-height: 1.5; max-width: 60em; }
.nf-figure { margin: 0.5em 0 1.5em; }
.nf-figure figcaption { color: #555; font-size: 0.9em; }
mark { background: #ffe58a; padding: 0 2px; }
</style>"""


def title_block(settings: Settings, corpus: Corpus, topic: ReconcileResult) -> Html:
    """The report's title and a one-paragraph summary (with the report's CSS)."""
    name = settings.topic or "all topics"
    read = corpus.documents
    docs = read
    if settings.topic:  # the reports that give a figure about the topic
        used = topic.claims.filter(pl.col("quantity_id").is_not_null()).get_column("doc_id")
        docs = read.filter(pl.col("doc_id").is_in(used.unique().implode()))
    outlets = sorted({o for o in docs.get_column("outlet").to_list() if o})
    dates = [d for d in docs.get_column("published").to_list() if d is not None]
    span = f"published from {_date(min(dates))} to {_date(max(dates))}" if dates else "undated"
    if outlets:
        where = f"from {_n(len(outlets), 'named outlet')}"
    else:
        where = "none of them names its outlet (a manifest gives outlets: --manifest)"
    which = (
        f"{docs.height:,} of the {_n(read.height, 'news report')} read give figures about "
        f"{_esc(name)}"
        if settings.topic
        else _n(read.height, "news report")
    )
    verdicts = topic.quantities.get_column("verdict").cast(pl.String).to_list()
    n_div = verdicts.count("diverge")
    return Html(
        f'{_STYLE}<div class="nf-title"><h1>What the reports say about {_esc(name)}</h1>'
        f"<p>{which}, {_esc(where)}, {_esc(span)}. They give "
        f"<b>{_n(len(verdicts), 'figure')}</b> about {_esc(name)}; independent sources disagree "
        f"about <b>{n_div}</b> of them (estimates more than {settings.threshold:.0%} apart). "
        f"Money is shown in {_esc(settings.currency)}.</p></div>"
    )


def topic_summary(topic: ReconcileResult) -> Html:
    """Every figure on the topic, for a reader: what, how much, how many sources, verdict."""
    q = topic.quantities
    if q.height == 0:
        return _note("No figure on this topic.")
    rows = []
    shown = sort_quantities(q).head(MAX_ROWS)
    figures = _figures_of(shown, topic.assertions, topic.claims)
    for r in shown.iter_rows(named=True):
        verdict = str(r["verdict"])
        middle, span = figure_cells(r, figures.get(r["quantity_id"], []))
        doubtful = r.get("doubtful") or []
        words = verdict_words(
            verdict,
            r.get("n_sources"),
            r["n_reports"],
            doubtful=doubtful,
            estimates=r["n_assertions"],
        )
        rows.append(
            [
                _esc(r["label"]),
                _esc(middle),
                _esc(span),
                str(r["n_assertions"]),
                sources_shown(r.get("n_sources")),
                str(r["n_reports"]),
                f"{_pill(verdict)} {_esc(words)}",
            ]
        )
    return _capped(
        rows,
        [
            "what",
            "middle estimate",
            "range of estimates",
            "estimates",
            "independent sources",
            "reports",
            "verdict",
        ],
        total=q.height,
        what="figure",
        where="quantities.parquet",
        numeric=(1, 2, 3, 4, 5),
    )


def sources_table(documents: pl.DataFrame, claims: pl.DataFrame) -> Html:
    """The reports that give figures here, with outlet, date, title, link and how many; the
    reports read that give none are counted."""
    used = dict(
        claims.filter(pl.col("quantity_id").is_not_null()).group_by("doc_id").len().iter_rows()
    )
    ranked = documents.with_columns(
        _used=pl.col("doc_id").replace_strict(used, default=0, return_dtype=pl.Int64)
    ).filter(pl.col("_used") > 0)
    unused = documents.height - ranked.height
    idle = (
        _note(
            f"{_n(unused, 'other report')} read {'gives' if unused == 1 else 'give'} no figure "
            "used here (every report is in documents.parquet)."
        ).text
        if unused
        else ""
    )
    if ranked.height == 0:
        return Html(_note("No report gives a figure used here.").text + idle)
    if ranked.height > MAX_ROWS:  # the reports this topic uses most first
        ranked = ranked.sort(["_used", "published", "doc_id"], descending=[True, False, False])
    else:
        ranked = ranked.sort("published", "doc_id", nulls_last=True)
    rows = []
    for r in ranked.head(MAX_ROWS).iter_rows(named=True):
        rows.append(
            [
                _esc(_outlet(r["outlet"], r["doc_id"])),
                _esc(_date(r["published"])),
                # a file's name is no title: a report without one says so, as for its link
                _esc(r["title"] or "no title given"),
                safe_link(r["url"]),
                str(r["_used"]),
            ]
        )
    table = _capped(
        rows,
        ["outlet", "published", "title", "link", "figures used here"],
        total=ranked.height,
        what="report",
        where="documents.parquet",
        numeric=(4,),
        caption="the reports that give the most figures here first"
        if ranked.height > MAX_ROWS
        else None,
    )
    return Html(table.text + idle)


def _not_compared(claims: pl.DataFrame, grouped_here: set[str]) -> pl.DataFrame:
    """The claims a report does not compare, in their order, with why (``_why``)."""
    levels = _earlier_levels(claims)
    earlier = pl.Series(sorted(levels), dtype=pl.String).implode()
    replaced = pl.Series(sorted(c for c, v in levels.items() if v == REPLACED), dtype=pl.String)
    replaced = replaced.implode()
    here = pl.Series(sorted(grouped_here), dtype=pl.String).implode()
    unshown = not_headlined(claims).select("claim_id", pl.col("why").alias("_unshown"))
    claims = claims.join(unshown, on="claim_id", how="left")
    why = (
        pl.when(pl.col("boilerplate").fill_null(False))
        .then(pl.lit("page furniture (a list of other stories, a share prompt …), not the article"))
        .when(pl.col("restates").is_not_null())
        .then(pl.lit("restates another figure in the same sentence (counted once)"))
        .when(pl.col("quantity_id").is_null())
        .then(pl.col("group_note").fill_null("could not be grouped with other figures"))
        .when(pl.col("dimension").cast(pl.String).is_in(LENGTHS_OF_TIME))
        .then(pl.lit("a length of time, which frames the figures rather than being one reported"))
        .when(pl.col("_unshown").is_not_null())
        .then(pl.col("_unshown"))
        .when(pl.col("quantity_id").is_in(here) & pl.col("claim_id").is_in(replaced))
        .then(pl.lit("an earlier figure its source has since replaced; shown as “revised from …”"))
        .when(pl.col("quantity_id").is_in(here) & pl.col("claim_id").is_in(earlier))
        .then(pl.lit("starting point of a stated change; shown as “up from …”"))
    )
    return claims.with_columns(_why=why).filter(pl.col("_why").is_not_null()).drop("_unshown")


def left_out(corpus: Corpus, result: ReconcileResult, topic: ReconcileResult, keyword: str) -> Html:
    """What the report does not use, and why: unreadable inputs, page furniture, restatements,
    figures that could not be grouped, and figures about other topics."""
    parts: list[str] = []
    if corpus.skipped.height:
        parts.append(f"<p><b>{_n(corpus.skipped.height, 'input')}</b> could not be read:</p>")
        parts.append(skipped_table(corpus.skipped).text)
    claims = result.claims
    if keyword:  # what the reports about the topic leave out, not every other story's
        here = topic.claims.get_column("doc_id").unique().implode()
        claims = claims.filter(pl.col("doc_id").is_in(here))
    rows: list[list[str]] = []
    names = _source_names(corpus.documents)
    grouped_here = set(topic.quantities.get_column("quantity_id").to_list())
    unused = _not_compared(claims, grouped_here)
    count = unused.height
    for r in unused.head(MAX_ROWS).iter_rows(named=True):
        rows.append(
            [
                _marked_claim(r),
                _esc(r["_why"]),
                _esc(names.get(r["doc_id"], _unnamed(r["doc_id"]))),
            ]
        )
    if rows:
        reports = "the reports about this topic" if keyword else "the reports"
        parts.append(f"<p><b>{_n(count, 'figure')}</b> in {reports} are not compared:</p>")
        parts.append(
            _capped(
                rows,
                ["figure in its sentence", "why", "source"],
                total=count,
                what="figure",
                where="grouped_claims.parquet (group_note says why)",
            ).text
        )
    if keyword:
        other = result.quantities.filter(
            ~pl.col("quantity_id").is_in(pl.Series(sorted(grouped_here), dtype=pl.String).implode())
        )
        if other.height:
            labels = ", ".join(other.get_column("label").head(12).to_list())
            more = f" and {other.height - 12} more" if other.height > 12 else ""
            parts.append(
                f"<p><b>{_n(other.height, 'figure')}</b> "
                f"{'does' if other.height == 1 else 'do'} not mention “{_esc(keyword)}” and "
                f"{'is' if other.height == 1 else 'are'} left out of this report: "
                f"{_esc(labels)}{_esc(more)}.</p>"
            )
    parts.extend(_noted(topic.claims))
    singles = topic.quantities.filter(pl.col("verdict").cast(pl.String) == "single")
    if singles.height:
        parts.append(
            f"<p><b>{_n(singles.height, 'figure')}</b> on this topic "
            f"{'comes' if singles.height == 1 else 'come'} from one source only, so there is "
            "nothing to compare with; they are listed above but not discussed.</p>"
        )
    return Html("".join(parts) or _note("Nothing was left out.").text)


def _noted(claims: pl.DataFrame) -> list[str]:
    """One line per note reconcile left on figures it still grouped ("no date: …"), counted."""
    grouped = claims.filter(
        pl.col("quantity_id").is_not_null()
        & pl.col("group_note").is_not_null()
        & ~pl.col("boilerplate").fill_null(False)
    )
    counts = (
        grouped.group_by("group_note").len().sort(["len", "group_note"], descending=[True, False])
    )
    return [
        f"<p><b>{_n(n, 'figure')}</b> on this topic: {_esc(note)}.</p>"
        for note, n in counts.iter_rows()
    ]


def method_note(settings: Settings) -> Html:
    return Html(
        '<p class="nf-note"><i>How this report was made.</i> Every number in the reports was '
        "read automatically with its hedge (“more than”, “nearly”), unit and who said it. "
        "Figures about the same thing in the same period were grouped; repeats of one source "
        "count once. A quantity is marked <i>diverge</i> when two independent sources give "
        "figures more than "
        f"{settings.threshold:.0%} apart for about the same time (or a later figure below an "
        "earlier one), and its paragraph names that pair; figures dated more than "
        f"{settings.window_days} days apart are compared as a change over time (<i>growth</i>). "
        f"Money is converted to {_esc(settings.currency)} at the month's average rate.</p>"
    )
