# Two entry points (see README.md): `make demo` runs the command on the shipped data,
# `make test` runs every check. Both create .venv on first use; nothing else is needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench clean messages

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/bosetting municipality Kinn
	$(BIN)/bosetting municipality 1401 --year 2019
	$(BIN)/bosetting history
	$(BIN)/bosetting show 2022

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

# The message catalogue (see src/bosetting/i18n.py): extract every marked message from src/,
# merge it into the bokmål .po (new ones untranslated, none fuzzy-guessed), compile the .mo.
LOCALE := src/bosetting/locale
messages: $(STAMP)
	$(BIN)/pybabel --quiet extract --project=bosetting --no-wrap --add-location=file --sort-by-file \
		--add-comments=TRANSLATORS: -k N_ -k lazy_gettext -k ngettext:1,2 --ignore-dirs='.* __pycache__' \
		-o $(LOCALE)/bosetting.pot src/bosetting
	$(BIN)/pybabel --quiet update --no-wrap --no-fuzzy-matching --ignore-obsolete \
		-D bosetting -l nb -i $(LOCALE)/bosetting.pot -d $(LOCALE)
	$(BIN)/pybabel compile --statistics -D bosetting -l nb -d $(LOCALE)

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
