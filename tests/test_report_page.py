"""report.html is safe and self-contained: only http(s) links are clickable, nothing is loaded
from the network, dollar amounts are never typeset as math; run parameters of the wrong
kind are refused in one line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import polars as pl
import pytest

from extract import sample_corpus_path
from newsfigures import page, report
from newsfigures.cli import main
from newsfigures.run import RunSpec

MONEY = "Officials put it at $5 million; the company at $6 million."


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
        "//example.org/no-scheme",
    ],
)
def test_only_http_links_are_clickable(url: str) -> None:
    shown = report.safe_link(url)
    assert "<a " not in shown and "href" not in shown
    assert "<script" not in shown


@pytest.mark.parametrize("url", ["https://example.org/x", "http://example.org/y?a=1&b=2"])
def test_http_links_are_clickable(url: str) -> None:
    shown = report.safe_link(url)
    assert shown.startswith('<a href="http') and 'rel="noopener noreferrer"' in shown


def _documents(url: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": ["a.txt", "b.txt"],
            "outlet": ["The Daily Example", None],
            "published": [None, None],
            "title": ["One", "Two"],
            "url": [url, "https://example.org/b"],
        },
        schema_overrides={"published": pl.Date},
    )


def test_sources_table_shows_a_javascript_url_as_text() -> None:
    claims = pl.DataFrame({"doc_id": ["a.txt", "b.txt"], "quantity_id": ["q1", "q2"]})
    table = report.sources_table(_documents("javascript:alert(document.cookie)"), claims).text
    assert 'href="javascript' not in table.lower()
    assert "javascript:alert(document.cookie)" in table, "shown, as text"
    assert 'href="https://example.org/b"' in table


def test_a_report_without_a_title_is_not_titled_by_its_file_name() -> None:
    documents = _documents("https://example.org/a").with_columns(
        title=pl.Series([None, "Harbour fees rise again"], dtype=pl.String)
    )
    claims = pl.DataFrame({"doc_id": ["a.txt", "b.txt"], "quantity_id": ["q1", "q2"]})
    table = report.sources_table(documents, claims).text
    assert "no title given" in table and "Harbour fees rise again" in table
    assert ">a.txt<" not in table


def _notebook(tmp_path: Path, markup: str) -> Path:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("report.something()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": markup})]
    noisy = nbformat.v4.new_code_cell("1")
    noisy.outputs = [nbformat.v4.new_output("stream", name="stderr", text="a warning\n")]
    nb.cells = [nbformat.v4.new_markdown_cell("## Money"), cell, noisy]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    return path


def _external(html: str) -> list[str]:
    """Every reference to something outside the page: scripts, stylesheets, sources."""
    found = re.findall(r"<script\b[^>]*>", html, flags=re.I)
    found += re.findall(r"<link\b[^>]*>", html, flags=re.I)
    found += re.findall(r"""\bsrc\s*=\s*["']?(?!data:)[^"'\s>]+""", html, flags=re.I)
    found += re.findall(r"@import|url\(\s*['\"]?(?!data:)", html, flags=re.I)
    return found


def test_page_is_self_contained_and_never_typesets_money(tmp_path: Path) -> None:
    markup = report.Html(f"<p>{MONEY}</p>")._repr_html_()
    target = page.export_html(_notebook(tmp_path, markup), tmp_path / "report.html", title="T")
    html = target.read_text(encoding="utf-8")
    assert _external(html) == []
    assert "mathjax" not in html.lower().replace("mathjax_ignore", "")
    assert MONEY in html, "dollar amounts are plain text"
    assert "a warning" not in html, "stderr is not for readers"
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<h2" in html and "Money" in html


def test_display_objects_opt_out_of_math_typesetting() -> None:
    shown = report.Html(f"<p>{MONEY}</p>")._repr_html_()
    assert 'class="tex2jax_ignore mathjax_ignore"' in shown


def test_javascript_url_in_a_manifest_is_not_clickable_in_a_report(tmp_path: Path) -> None:
    """End to end: a manifest's javascript: URL reaches report.html as text only."""
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus_path(), corpus)
    manifest = corpus / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    head, first = lines[0].split(","), lines[1].split(",")
    first[head.index("url")] = "javascript:alert(1)"
    manifest.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n")
    out = tmp_path / "run"
    code = main(["report", "--corpus", str(corpus), "--out", str(out), "--no-progress"])
    assert code == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "javascript:alert(1)" in html
    assert 'href="javascript' not in html.lower()
    assert _external(html) == []
    assert "<script" not in html.lower()


@pytest.mark.parametrize(
    ("yaml_text", "said"),
    [
        ("corpus: 12345\n", "corpus must be text, not 12345"),
        ("topic: [1, 2]\n", "topic must be text, not [1, 2]"),
        ("window_days: [60]\n", "window_days must be a whole number"),
        ("threshold: {a: 1}\n", "threshold must be a number"),
    ],
)
def test_params_of_the_wrong_kind_are_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], yaml_text: str, said: str
) -> None:
    params = tmp_path / "run.yaml"
    params.write_text(yaml_text, encoding="utf-8")
    code = main(["report", "--params", str(params), "--outputs", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code != 0
    assert said in err
    assert len(err.strip().splitlines()) == 1, err
    assert not (tmp_path / "out").exists()


def test_runspec_keeps_good_values() -> None:
    spec = RunSpec.from_mapping({"corpus": "x", "window_days": 30, "threshold": 0.5})
    assert (spec.corpus, spec.window_days, spec.threshold) == ("x", 30, 0.5)
