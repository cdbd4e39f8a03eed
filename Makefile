# glamwiki: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test lint bench install

$(BIN)/glamwiki: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $(BIN)/glamwiki

install: $(BIN)/glamwiki

demo: install
	$(BIN)/glamwiki demo --output glamwiki-demo

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy src

test: lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m benchmarks
