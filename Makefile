# The two commands of the README: `make demo` and `make test`. Both set up .venv when needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages interlock runs: tesseract reads scanned PDF pages (foia-pdf), chromium prints the PDF report (and the
# browser test drives it), pdftotext makes the text of a printed-mail PDF (a test reads a real one through it); the
# bench also runs readpst and GNU time.
DEBIAN_PACKAGES := tesseract-ocr tesseract-ocr-eng chromium poppler-utils
BENCH_DEBIAN_PACKAGES := time pst-utils

.PHONY: demo test lint typecheck unit bench clean debian engines-venv

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "interlock needs Python 3.11, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

# Installs whichever of $(DEBIAN_PACKAGES) (and for the bench $(BENCH_DEBIAN_PACKAGES)) dpkg does not list.
debian:
	@missing=""; for p in $(DEBIAN_PACKAGES) $(if $(filter bench,$(MAKECMDGOALS)),$(BENCH_DEBIAN_PACKAGES)); do \
		dpkg -s $$p 2>/dev/null | grep -q '^Status: install ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		echo "installing Debian packages:$$missing"; \
		$$sudo apt-get update -qq && $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

demo: $(STAMP) debian
	$(BIN)/interlock demo demo-case

lint: $(STAMP)
	$(BIN)/ruff check interlock tests bench

typecheck: $(STAMP)
	$(BIN)/mypy interlock

unit: $(STAMP) debian
	$(BIN)/python -m pytest -q

test: lint typecheck unit

bench: $(STAMP) debian engines-venv
	$(BIN)/python -m bench

# The venv of the other entity-resolution engines (bench/resolve_engines.py): nomenklatura needs duckdb<2.
engines-venv: .venv-engines/.installed

.venv-engines/.installed: bench/engines/requirements.txt
	$(PYTHON) -m venv .venv-engines
	.venv-engines/bin/pip install --quiet -r bench/engines/requirements.txt
	touch $@

clean:
	rm -rf $(VENV) demo-case
