"""A report's manifest: ``--manifest`` names the outlet, date, link and title of each document
when the corpus folder has no manifest of its own. A manifest that cannot be used stops the
run before any kernel starts, with one line that says what is wrong with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfigures import report
from newsfigures.cli import main
from newsfigures.run import RunSpec, _notebook_parameters

#: Three short made-up reports on a made-up storm; no manifest beside them.
TEXTS = {
    "a.txt": "Storm Perrin killed 14 people in the port of Lundmark on Monday, the coastguard "
    "said. About 3,000 homes lost power.\n",
    "b.txt": "The coastguard now says 19 people died when Storm Perrin hit Lundmark. Crews "
    "restored power to 2,500 homes overnight.\n",
    "c.txt": "A local relief group put the death toll from Storm Perrin at 31, well above the "
    "coastguard's count.\n",
}
MANIFEST = (
    "doc,outlet,published,url,title\n"
    "a.txt,The Lundmark Courier,2031-03-03,https://courier.example/storm,Storm hits the port\n"
    "b.txt,Coast Radio,2031-03-04,https://radio.example/perrin,Toll rises\n"
    "c.txt,The Courier Weekly,2031-03-05,,Relief group doubts count\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "storm"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _manifest(tmp_path: Path, text: str, name: str = "docs.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_manifest_outside_the_corpus_names_the_outlets(corpus: Path, tmp_path: Path) -> None:
    manifest = _manifest(tmp_path, MANIFEST)
    settings = report.check_parameters(corpus=corpus, manifest=manifest, out_dir=tmp_path / "o")
    assert settings.manifest == manifest
    documents = report.load_corpus(settings).documents
    outlets = dict(zip(documents["doc_id"], documents["outlet"], strict=True))
    assert outlets == {
        "a.txt": "The Lundmark Courier",
        "b.txt": "Coast Radio",
        "c.txt": "The Courier Weekly",
    }
    assert str(documents.filter(documents["doc_id"] == "b.txt")["published"][0]) == "2031-03-04"


def test_without_a_manifest_the_outlets_are_unknown(corpus: Path, tmp_path: Path) -> None:
    settings = report.check_parameters(corpus=corpus, out_dir=tmp_path / "o")
    assert settings.manifest is None
    assert report.load_corpus(settings).documents["outlet"].null_count() == len(TEXTS)


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("outlet,published\nCoast Radio,2031-03-04\n", "m.csv", "no 'doc' column"),
        ("doc,published\na.txt,the third of March\n", "m.csv", "is not a date"),
        ("doc,outlet\na.txt,One\na.txt,Two\n", "m.csv", "listed twice"),
        ("doc,outlet\n", "m.csv", "lists no document"),
        ("doc: [unclosed\n", "m.yaml", "not valid YAML"),
        ("doc,outlet\na.txt,One\n", "m.txt", "not a CSV or YAML file"),
        ("doc,outlet\nz1.txt,One\nz2.txt,Two\n", "m.csv", "names none of the corpus's documents"),
    ],
    ids=["no-doc-column", "bad-date", "twice", "empty", "bad-yaml", "wrong-kind", "other-corpus"],
)
def test_a_manifest_that_cannot_be_used_is_refused_in_plain_words(
    corpus: Path, tmp_path: Path, text: str, name: str, said: str
) -> None:
    manifest = _manifest(tmp_path, text, name)
    with pytest.raises(report.ParameterError) as caught:
        report.check_parameters(corpus=corpus, manifest=manifest)
    message = str(caught.value)
    assert said in message
    assert str(manifest) in message and "\n" not in message


def test_a_missing_manifest_is_refused(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(report.ParameterError, match=r"manifest .* does not exist"):
        report.check_parameters(corpus=corpus, manifest=tmp_path / "nowhere.csv")


def test_other_corpus_message_shows_the_corpus_document_names(corpus: Path, tmp_path: Path) -> None:
    manifest = _manifest(tmp_path, "doc,outlet\n01.txt,One\n")
    with pytest.raises(report.ParameterError) as caught:
        report.check_parameters(corpus=corpus, manifest=manifest)
    assert "'a.txt', 'b.txt', 'c.txt'" in str(caught.value)


def test_a_manifest_naming_some_documents_is_accepted(corpus: Path, tmp_path: Path) -> None:
    manifest = _manifest(tmp_path, "doc,outlet\na.txt,One\nzz.txt,Two\n")
    settings = report.check_parameters(corpus=corpus, manifest=manifest, out_dir=tmp_path / "o")
    loaded = report.load_corpus(settings)
    assert loaded.documents.filter(loaded.documents["doc_id"] == "a.txt")["outlet"][0] == "One"
    assert "zz.txt" in loaded.skipped["doc_id"].to_list()  # said where the skips are listed


def test_the_run_passes_the_manifest_to_every_notebook_as_an_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    spec = RunSpec.from_mapping({"corpus": "storm", "manifest": "docs.csv"})
    values = _notebook_parameters(spec, tmp_path / "out")
    assert values["manifest"] == str(tmp_path / "docs.csv")
    assert _notebook_parameters(RunSpec(), tmp_path / "out")["manifest"] == ""


def test_cli_refuses_a_bad_manifest_before_any_kernel_starts(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = _manifest(tmp_path, "title\nno doc column here\n")
    out = tmp_path / "run"
    args = ["report", "--corpus", str(corpus), "--manifest", str(manifest), "--topic", ""]
    code = main([*args, "--out", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert "no 'doc' column" in err and len(err.strip().splitlines()) == 1
    assert not (out / "01_extract.ipynb").exists()
    assert not (out / "report.html").exists()


def test_cli_report_with_a_manifest_names_its_outlets(corpus: Path, tmp_path: Path) -> None:
    """End to end (three kernels): the outlets of the manifest reach report.html."""
    pytest.importorskip("papermill")
    manifest = _manifest(tmp_path, MANIFEST)
    out = tmp_path / "run"
    args = ["report", "--corpus", str(corpus), "--manifest", str(manifest), "--topic", "storm"]
    assert main([*args, "--out", str(out), "--no-progress"]) == 0
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "3 named outlets" in html
    assert "Coast Radio" in html and "The Lundmark Courier" in html
