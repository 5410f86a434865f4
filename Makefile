# Two entry points for a fresh machine: `make demo` and `make test`.
# Both create .venv (Python 3.11+) and install the project with its dev tools first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## demo: report on the sample corpus (topic Veskaria, its names from notebooks/params/veskaria_mapping.yaml) into outputs/sample-veskaria/; prints report.html's path
demo: $(STAMP)
	$(BIN)/newsfigures report --topic Veskaria --mapping notebooks/params/veskaria_mapping.yaml --out outputs/sample-veskaria

## test: the whole test suite (unit tests, gold scores, lint and type checks)
test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/python -m ruff check extract reconcile newsfigures tests benchmarks
	$(BIN)/python -m mypy

## bench: scores and speed (not part of the tests)
bench: $(STAMP)
	$(BIN)/python benchmarks/newsquant.py
	$(BIN)/python benchmarks/throughput.py

## clean: remove .venv and everything under outputs/ (the demo's outputs/sample-veskaria among it)
clean:
	rm -rf $(VENV)
	find outputs -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
