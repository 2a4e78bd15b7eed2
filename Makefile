# ReportSite: `make site` installs what is needed and builds site/ from content/; `make test` runs the tests;
# `make bench` times ReportSite, libcmark-gfm alone and Hugo on N generated reports (scripts/bench/run.sh).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev poppler-utils python3-pip
REPORTSITE := .build/release/reportsite
BUILD_FLAGS ?=
# make bench N=100 RUNS=5 (defaults 1000 and 5); make bench-quick is the smoke test (N=20, one run).
N ?= 1000
RUNS ?= 5

.PHONY: site test deps check clean bench bench-quick

site: deps
	swift build -c release --product reportsite
	$(REPORTSITE) build $(BUILD_FLAGS)

check: deps
	swift build -c release --product reportsite
	$(REPORTSITE) check --strict

# XCTest only: the suite has no Swift Testing tests, and its empty run would otherwise print the last line
# ("Test run with 0 tests") after the XCTest summary.
test: deps
	swift test --disable-swift-testing

bench: deps
	scripts/bench/run.sh --n $(N) --runs $(RUNS)

bench-quick: deps
	scripts/bench/run.sh --quick

# Installs the C library, and pdftotext for `reportsite import` of a PDF, only when they are not found;
# fpdf2 (PyPI) writes the PDF that the import test reads.
deps:
	@{ pkg-config --exists libcmark-gfm && command -v pdftotext >/dev/null; } || { $(SUDO) apt-get update && $(SUDO) apt-get install -y $(APT_PACKAGES); }
	@python3 -c 'import fpdf' 2>/dev/null || python3 -m pip install fpdf2 || python3 -m pip install --user fpdf2 || python3 -m pip install --user --break-system-packages fpdf2

clean:
	rm -rf .build site .bench
