"""The parameters of the notebooks, checked: :func:`check_parameters` gives
:class:`Settings` or raises :class:`ParameterError` with a short message in plain words."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from extract import (
    CorpusError,
    Document,
    ManifestError,
    iter_documents,
    read_manifest,
    sample_corpus_path,
)
from reconcile import load_fx_rates, load_mapping

from .html import _esc, _table, no_math

__all__ = [
    "CONSENSUS",
    "NOTEBOOK_DIR",
    "ParameterError",
    "Settings",
    "check_parameters",
    "default_outputs",
    "is_sample_corpus",
]

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
CONSENSUS = ("median", "truth_discovery")


class ParameterError(ValueError):
    """A notebook or run parameter that cannot be used; the message says why in plain words."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: the message is all a reader needs.
        return [f"ParameterError: {self}"]


@dataclass(frozen=True, slots=True)
class Settings:
    """Checked parameters of a notebook (paths resolved, currency upper-cased)."""

    corpus: Path
    out_dir: Path
    claims: Path | None = None
    tables: Path | None = None
    topic: str = ""
    currency: str = "USD"
    window_days: int = 60
    threshold: float = 0.25
    consensus: str = "median"
    mapping: Path | None = None
    figures: bool = True
    manifest: Path | None = None

    @property
    def figures_dir(self) -> Path | None:
        """Where figures are saved; ``None`` when this notebook draws none (``figures=False``)."""
        return self.out_dir / "figures" if self.figures else None

    def _repr_html_(self) -> str:
        rows = [[_esc(f.name), _esc(getattr(self, f.name))] for f in fields(self)]
        return no_math(_table(rows, ["parameter", "value"]).text)


def is_sample_corpus(corpus: str | os.PathLike[str] | None) -> bool:
    if corpus is None or str(corpus).strip() == "":
        return True
    try:
        return Path(corpus).resolve() == sample_corpus_path().resolve()
    except OSError:
        return False


def _number(value: object, must: str) -> float:
    """``value`` (a number, or its text) as a number; else a :class:`ParameterError` that says
    what it ``must`` be."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ParameterError(f"{must}, not {value!r}")
    try:
        return float(value)
    except ValueError:
        raise ParameterError(f"{must}, not {value!r}") from None


def _given_file(value: str | os.PathLike[str] | None, missing: str) -> Path | None:
    """The file ``value`` names, ``None`` when none is given; a :class:`ParameterError` with
    the message ``missing`` when there is no such file."""
    if value is None or not str(value).strip():
        return None
    path = Path(str(value)).expanduser()
    if not path.is_file():
        raise ParameterError(missing)
    return path


def _whole(name: str, value: object, *, minimum: int) -> int:
    number = _number(value, f"{name} must be a whole number")
    if not number.is_integer() or number < minimum:
        raise ParameterError(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return int(number)


def default_outputs() -> Path:
    """The folder that runs and notebooks write into when no folder is given.

    ``$NEWSFIGURES_OUTPUTS`` when set; else ``outputs/`` of the project checkout (ignored by
    git), whatever folder a notebook runs in; else ``outputs/`` in the current folder.
    """
    given = os.environ.get("NEWSFIGURES_OUTPUTS", "").strip()
    if given:
        return Path(given).expanduser()
    if NOTEBOOK_DIR.is_dir() and (ROOT / "pyproject.toml").is_file():
        return ROOT / "outputs"
    return Path("outputs")


def check_parameters(
    *,
    corpus: str | os.PathLike[str] | None = "",
    out_dir: str | os.PathLike[str] | None = "",
    claims: str | os.PathLike[str] | None = "",
    tables: str | os.PathLike[str] | None = "",
    topic: str | None = "",
    currency: str = "USD",
    window_days: object = 60,
    threshold: object = 0.25,
    consensus: str = "median",
    mapping: str | os.PathLike[str] | None = "",
    figures: object = True,
    manifest: str | os.PathLike[str] | None = "",
) -> Settings:
    """Check the parameters a notebook was given; raise :class:`ParameterError` if one is bad.

    An empty ``corpus`` means the sample corpus shipped with the package; an empty ``out_dir``
    means ``notebooks/`` in :func:`default_outputs`; relative paths are read from the current
    folder. An empty ``manifest`` means the corpus folder's own ``manifest.csv`` (or
    ``.yaml``) when it has one; a given one must be readable and name at least one document
    of the corpus.

    Examples
    --------
    >>> check_parameters(currency="usd").currency
    'USD'
    >>> check_parameters(corpus="no/such/folder")
    Traceback (most recent call last):
    ...
    newsfigures.params.ParameterError: The corpus 'no/such/folder' does not exist. Give a folder or file of news reports, or leave corpus empty to use the sample corpus.
    """
    if is_sample_corpus(corpus):
        path = sample_corpus_path()
    else:
        path = Path(str(corpus)).expanduser()
        if not path.exists():
            raise ParameterError(
                f"The corpus '{corpus}' does not exist. Give a folder or file of news reports, "
                "or leave corpus empty to use the sample corpus."
            )
    manifest_path = _manifest(manifest)
    if not is_sample_corpus(corpus) or manifest_path is not None:
        _check_readable(path, str(corpus or path), manifest_path)
    if out_dir is None or not str(out_dir).strip():
        out = default_outputs() / "notebooks"
    else:
        out = Path(str(out_dir)).expanduser()
    if out.exists() and not out.is_dir():
        raise ParameterError(f"out_dir '{out}' is a file, not a folder.")
    tables_path = _tables(tables)
    claims_path = _given_file(
        claims,
        f"The claims table '{claims}' does not exist. Run 01_extract first, "
        "or leave claims empty to extract the corpus here.",
    )
    code = str(currency or "").strip().upper()
    known = sorted(set(load_fx_rates().get_column("currency").to_list()))
    if code not in known:
        raise ParameterError(
            f"Unknown reporting currency '{currency}'. Choose one of: {', '.join(known)}."
        )
    days = _whole("window_days", window_days, minimum=0)
    gap = _number(threshold, "threshold must be a number such as 0.25 (25%)")
    if not math.isfinite(gap) or gap <= 0:
        raise ParameterError(f"threshold must be above 0 (0.25 means 25%), not {threshold!r}")
    if consensus not in CONSENSUS:
        raise ParameterError(f"consensus must be one of {', '.join(CONSENSUS)}, not {consensus!r}")
    mapping_path = _given_file(
        mapping,
        f"The mapping file '{mapping}' does not exist. Give a YAML file of overrides "
        "(merge, split, rename, entities, asserters, concepts), or leave mapping empty.",
    )
    if mapping_path is not None:
        try:
            load_mapping(mapping_path)
        except (ValueError, yaml.YAMLError) as err:
            raise ParameterError(f"The mapping file '{mapping}' cannot be used: {err}") from None
    return Settings(
        corpus=path,
        out_dir=out,
        claims=claims_path,
        tables=tables_path,
        topic=str(topic or "").strip(),
        currency=code,
        window_days=days,
        threshold=gap,
        consensus=consensus,
        mapping=mapping_path,
        figures=_yes_no("figures", figures),
        manifest=manifest_path,
    )


def _yes_no(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ParameterError(f"{name} must be true or false, not {value!r}")
    return value


#: The tables 02_reconcile writes and 03_report can read instead of reconciling again.
RESULT_TABLES = ("grouped_claims", "quantities", "assertions", "checks", "stances")


def _tables(tables: str | os.PathLike[str] | None) -> Path | None:
    """The folder of ``02_reconcile``'s tables, checked; ``None`` when not given."""
    if tables is None or not str(tables).strip():
        return None
    folder = Path(str(tables)).expanduser()
    missing = [n for n in RESULT_TABLES if not (folder / f"{n}.parquet").is_file()]
    if missing:
        raise ParameterError(
            f"The tables folder '{tables}' lacks {', '.join(m + '.parquet' for m in missing)}. "
            "Run 02_reconcile into it first, or leave tables empty to reconcile here."
        )
    return folder


def _manifest(manifest: str | os.PathLike[str] | None) -> Path | None:
    """The manifest file, read once to check it; ``None`` when not given."""
    path = _given_file(
        manifest,
        f"The manifest '{manifest}' does not exist. Give a CSV or YAML file with a 'doc' "
        "column (and outlet, published, url, title), or leave manifest empty.",
    )
    if path is None:
        return None
    try:
        entries = read_manifest(path)
    except ManifestError as err:
        raise ParameterError(f"The manifest '{manifest}' cannot be used: {err}.") from None
    if not entries:
        raise ParameterError(f"The manifest '{manifest}' lists no document.")
    return path


def _check_readable(path: Path, given: str, manifest: Path | None = None) -> None:
    """A corpus with at least one readable document; with ``manifest``, every document is
    read and the manifest must name at least one of them."""
    reasons: list[str] = []
    names: list[str] = []
    unmatched = 0
    own = manifest.resolve() if manifest is not None else None
    try:
        for record in iter_documents(path, manifest=manifest):
            if isinstance(record, Document):
                if manifest is None:
                    return
                names.append(record.doc_id)
            elif own is not None and Path(record.source).resolve() == own:
                unmatched += 1  # an entry of the manifest that names no document read
            else:
                reasons.append(f"{Path(record.source).name}: {record.reason}")
    except (CorpusError, ManifestError) as err:
        raise ParameterError(f"The corpus '{given}' cannot be read: {err}.") from None
    if names:
        if manifest is not None and unmatched == len(read_manifest(manifest)):
            raise ParameterError(
                f"The manifest '{manifest}' names none of the corpus's documents (the corpus "
                f"'{given}' has {_some_names(names)}): is it the manifest of another corpus?"
            )
        return
    why = f" ({'; '.join(reasons[:3])}{' …' if len(reasons) > 3 else ''})" if reasons else ""
    raise ParameterError(f"The corpus '{given}' holds no readable news reports{why}.")


def _some_names(names: list[str]) -> str:
    """ "a.txt, b.txt, c.txt and 4 more" """
    shown = ", ".join(repr(n) for n in names[:3])
    return f"{shown} and {len(names) - 3} more" if len(names) > 3 else shown
