# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test install lint eval bench bench-scale db-stop clean browser

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; install Python 3.11 or set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[embedded,test]'
	touch $(STAMP)

install: $(STAMP)

## Start the embedded graph server, make a local writer key, load the demo articles, serve http://127.0.0.1:8000
run: install
	$(BIN)/kg db start
	$(BIN)/kg keys local
	$(BIN)/kg ingest examples/articles
	@echo "newsgraph on http://127.0.0.1:8000 (API docs /docs, explorer /explore); Ctrl-C stops the service, 'make db-stop' the graph server"
	$(BIN)/kg serve

db-stop: install
	$(BIN)/kg db stop

## The whole suite: lint, types of loaders/, then unit, graph, HTTP and browser tests against
## a real embedded graph
test: install browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy loaders service graph_schema
	$(BIN)/python -m pytest -q

## Debian's Chromium drives the explorer test (no browser is downloaded)
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: Debian's chromium is not installed; the browser test will be skipped (sudo apt-get install chromium)"; fi; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy loaders service graph_schema

## Extraction quality: the shared dev corpus (tuned on), then the project's real-news corpus
## (331 articles; its batches' first, blind scores are in corpus/news/FIRST_SCORES.md); then
## resolution across documents, each corpus loaded into a fresh graph (bench/eval_resolution.py)
eval: install
	@echo "== dev corpus (../shared/corpus/dev) =="
	$(BIN)/kg eval ../shared/corpus/dev --scorer ../shared/eval/score.py
	@echo "== dev corpus: rules only beside with models =="
	$(BIN)/kg eval ../shared/corpus/dev --scorer ../shared/eval/score.py --models compare
	@echo "== real-news corpus (corpus/news, all batches, current code) =="
	$(BIN)/kg eval corpus/news --scorer ../shared/eval/score.py
	@echo "== real-news corpus: rules only beside with models =="
	$(BIN)/kg eval corpus/news --scorer ../shared/eval/score.py --models compare
	@echo "== first scores per batch (blind, before any rule used the batch) =="
	@cat corpus/news/FIRST_SCORES.md
	@echo "== cross-document resolution (score_graph.py): each corpus into a fresh graph, extracted and from gold =="
	$(BIN)/python bench/eval_resolution.py

bench: install
	$(BIN)/python bench/bench_extraction.py
	$(BIN)/python bench/bench_load.py
	$(BIN)/python bench/bench_api.py

## Every endpoint on synthetic graphs of 20k and 1M relations, p50/p95 side by side (long: each
## graph is generated and loaded by the project's writer first; --relations picks other sizes)
bench-scale: install
	$(BIN)/python bench/bench_api_scale.py

clean:
	rm -rf $(VENV) build *.egg-info test-output .pytest_cache .ruff_cache
