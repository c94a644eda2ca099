# Two commands do all set-up: `make run` starts the app, `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export PYTHON

.PHONY: run test lint typecheck pytest bench fuzz install-check deps-run deps-test clean translations screenshots package package-test lock

TS := $(wildcard resources/translations/*.ts)
QM := $(TS:.ts=.qm)

resources/translations/%.qm: resources/translations/%.ts $(VENV)/.installed-run
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(QM)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

deps-run:
	packaging/install-debian-deps.sh run

deps-test:
	packaging/install-debian-deps.sh test

run: deps-run $(VENV)/.installed-run translations
	$(BIN)/evidence-dossier

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

# Tests run on a private D-Bus session, where the tests start their own gnome-keyring.
pytest: deps-test $(VENV)/.installed-test translations
	QT_QPA_PLATFORM=offscreen DOSSIER_REQUIRE_KEYRING=1 \
		dbus-run-session -- $(BIN)/python -m pytest $(PYTEST_ARGS)

test: deps-test lint typecheck install-check pytest

# A plain `pip install .` with the pip that comes with Python (never upgraded), as a user's
# machine or a packager would run it, then the command must start: catches a dependency that
# is imported but not declared.
INSTALL_CHECK := .install-check
install-check: deps-test
	rm -rf $(INSTALL_CHECK)
	$(PYTHON) -m venv $(INSTALL_CHECK)
	$(INSTALL_CHECK)/bin/pip --version
	$(INSTALL_CHECK)/bin/pip install --quiet .
	$(INSTALL_CHECK)/bin/dossier --help > /dev/null
	cd / && $(CURDIR)/$(INSTALL_CHECK)/bin/python -c "import desktop.app, dossier.export.pdf.bundle, dossier.importers.html"
	rm -rf $(INSTALL_CHECK) build
	@echo "install-check: pip install . and dossier --help work"

bench: deps-test $(VENV)/.installed-test
	@for script in bench/*.py; do \
		[ "$$script" = bench/fuzz.py ] && continue; \
		echo "== $$script"; $(BIN)/python $$script || exit 1; done

# 2,000 mutated and hostile files imported and exported; prints its figures (make test runs a
# small deterministic sample of it).
fuzz: deps-test $(VENV)/.installed-test
	$(BIN)/python bench/fuzz.py --cases $(or $(CASES),2000)

# The Linux program folder, packed (PyInstaller; see packaging/build.sh). Not part of `test`.
package: deps-run
	packaging/build.sh

# Re-pins what the package is built from (after a change to pyproject.toml's dependencies or to
# packaging/build-requirements.in): every platform's wheels, with hashes.
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet uv==0.13.9
	.venv-lock/bin/uv pip compile --universal --generate-hashes --python-version 3.11 \
	  --no-header --quiet pyproject.toml packaging/build-requirements.in \
	  -o packaging/requirements-lock.txt

# Runs the built package with a clean environment and no network, on a virtual screen.
package-test: deps-test $(VENV)/.installed-test
	$(BIN)/python packaging/package_test.py

# PNGs of the main windows on a real X server (Xvfb), in screenshots/ (not committed).
screenshots: deps-test $(VENV)/.installed-test translations
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python packaging/screenshots.py screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info .install-check \
	  .venv-package .venv-lock build dist
