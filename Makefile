# Entry points (see README.md): `make demo` runs the command on the shipped data,
# `make test` runs every check, `make workshop` opens the teaching notebooks in JupyterLab.
# Each creates .venv on first use; nothing else is needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NB_STAMP := $(VENV)/.installed-notebooks
NB_SETTINGS := $(CURDIR)/notebooks/.jupyter/lab/settings
# Jupyter refuses to run as root unless told; a root shell (a container, CI) says so here.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: demo test lint typecheck pytest nbval workshop notebooks bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# JupyterLab, its Norwegian language pack and nbconvert, for the workshop and for re-running notebooks.
$(NB_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,notebooks]"
	touch $(NB_STAMP)

demo: $(STAMP)
	$(BIN)/bosetting municipality Kinn
	$(BIN)/bosetting municipality 1401 --year 2019
	$(BIN)/bosetting history
	$(BIN)/bosetting show 2022

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks notebooks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest

# The teaching notebooks: every cell runs and its stored output must match (nbval).
nbval: $(STAMP)
	$(BIN)/pytest --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval-sanitize.cfg notebooks/

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
		$(BIN)/jupyter nbconvert --execute --to notebook --inplace \
			--ExecutePreprocessor.record_timing=False "$$nb" || exit 1; \
	done

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
