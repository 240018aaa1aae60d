# Two entry points (see README.md): `make demo` runs the command on the shipped data,
# `make test` runs every check. Both create .venv on first use; nothing else is needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NB_STAMP := $(VENV)/.installed-notebooks
NB_SETTINGS := $(CURDIR)/notebooks/.jupyter/lab/settings
# The notebooks, the docs and `make test` show the shipped figures, whatever `bosetting update`
# fetched into your cache: they read an empty cache folder (one that does not exist).
NO_CACHE := BOSETTING_CACHE_DIR=$(CURDIR)/$(VENV)/no-cache
# Jupyter refuses to run as root unless told; a root shell (a container, CI) says so here.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: demo test lint typecheck pytest nbval workshop notebooks bench clean messages docs docs-build chromium data

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,docs]"
	touch $(STAMP)

# JupyterLab, its Norwegian language pack and nbconvert, for the workshop and for re-running notebooks.
$(NB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,docs,notebooks]"
	touch $(NB_STAMP)

demo: $(STAMP)
	$(BIN)/bosetting municipality Kinn
	$(BIN)/bosetting municipality 1401 --year 2019
	$(BIN)/bosetting history
	$(BIN)/bosetting show 2022

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks docs notebooks
	$(BIN)/ruff format --check src tests scripts benchmarks docs
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) chromium
	$(BIN)/pytest

# The teaching notebooks: every cell runs and its stored output must match (nbval).
nbval: $(STAMP)
	$(NO_CACHE) $(BIN)/pytest --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval-sanitize.cfg notebooks/

# The docs test drives Debian's chromium (Playwright's own browser download does not work here).
chromium:
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# Serve the docs site at http://127.0.0.1:8000 (rebuilds on edits); `docs-build` writes site/.
docs: $(STAMP)
	$(NO_CACHE) NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve -a 127.0.0.1:8000

docs-build: $(STAMP)
	$(NO_CACHE) NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

test: lint typecheck pytest nbval

# JupyterLab on notebooks/ in Norwegian bokmål (notebooks/.jupyter/lab/settings/overrides.json),
# without the news popup, update checks or extension lookups: nothing needs the internet.
workshop: $(NB_STAMP)
	$(BIN)/jupyter lab $(AS_ROOT) --ServerApp.root_dir=notebooks \
		--LabApp.app_settings_dir=$(NB_SETTINGS) \
		--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
		--LabApp.extension_manager=readonly

# Re-run every notebook and store its outputs (after a change to the data or the code).
notebooks: $(NB_STAMP)
	for nb in notebooks/*.ipynb; do \
		$(NO_CACHE) $(BIN)/jupyter nbconvert --execute --to notebook --inplace \
			--ExecutePreprocessor.record_timing=False "$$nb" || exit 1; \
	done

# The message catalogues (see src/bosetting/i18n/__init__.py): extract every marked message from src/,
# merge it into every language's .po (new ones untranslated, none fuzzy-guessed), compile the .mo files.
LOCALE := src/bosetting/locale
messages: $(STAMP)
	$(BIN)/pybabel --quiet extract --project=bosetting --no-wrap --add-location=file --sort-by-file \
		--add-comments=TRANSLATORS: -k N_ -k lazy_gettext -k ngettext:1,2 --ignore-dirs='.* __pycache__' \
		-o $(LOCALE)/bosetting.pot src/bosetting
	$(BIN)/pybabel --quiet update --no-wrap --no-fuzzy-matching --ignore-obsolete \
		-D bosetting -i $(LOCALE)/bosetting.pot -d $(LOCALE)
	$(BIN)/pybabel compile --statistics -D bosetting -d $(LOCALE)

# Rebuild the tables of datasets/ that are made from the public files in data-raw/ (see the README
# there), then the hashes in datasets/datapackage.json. On a clean checkout it changes nothing.
data: $(STAMP)
	$(BIN)/python scripts/build_data.py

bench: $(STAMP)
	$(NO_CACHE) $(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist site .pytest_cache .mypy_cache .ruff_cache .hypothesis
