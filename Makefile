# Concord: `make run` opens the app, `make test` runs the whole suite headless.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
QT_SYSTEM_PKGS := libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
X11_SYSTEM_PKGS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
# The bundle build (PyInstaller needs binutils; X11's libraries go into the bundle) and its checks.
PACKAGE_SYSTEM_PKGS := binutils desktop-file-utils appstream $(X11_SYSTEM_PKGS)
TEST_SYSTEM_PKGS := $(QT_SYSTEM_PKGS) libreoffice-writer-nogui poppler-utils fonts-liberation2 pandoc postgresql $(PACKAGE_SYSTEM_PKGS)

.PHONY: run test checks setup setup-dev system-qt system-test lint bench screenshots package package-test clean

run: setup system-qt
	$(BIN)/concord gui

test: setup-dev system-test checks
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Style, the import contracts (pyproject.toml) and the types: run by `make test` and `make lint`.
checks:
	$(BIN)/ruff check app ui tests packaging $(wildcard bench)
	$(BIN)/lint-imports
	$(BIN)/mypy --strict app
	$(BIN)/mypy ui

$(STAMP): pyproject.toml
	@echo "Setting up Concord in $(VENV): downloading and installing its Python packages (a minute or two the first time)..."
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar on -e .
	@echo "Concord is installed in $(VENV)."
	touch $@

$(DEVSTAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(STAMP)
setup-dev: $(DEVSTAMP)

# System libraries: installed only when missing and when we are root (apt-get available).
system-qt:
	@sh packaging/ensure-system-packages.sh $(QT_SYSTEM_PKGS) $(X11_SYSTEM_PKGS)

system-test:
	@sh packaging/ensure-system-packages.sh $(TEST_SYSTEM_PKGS)

lint: setup-dev checks

bench: setup
	$(BIN)/python -m bench

screenshots: setup-dev system-test
	CONCORD_SCREENSHOTS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/ui/test_screenshots.py tests/ui/test_comparison_findings.py tests/ui/drafting/test_drafts_menu.py tests/ui/drafting/test_unsaved.py tests/ui/test_provenance_view.py tests/ui/test_clause_history_view.py tests/app/export/test_export_libreoffice.py

# dist/concord/ and dist/concord-VERSION-linux-ARCH.tar.gz; package-test runs the frozen bundle.
package: setup-dev system-test
	$(BIN)/python packaging/bundle.py

package-test: package
	CONCORD_BUNDLE=dist/concord QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/packaging

clean:
	rm -rf $(VENV) build dist *.egg-info
