# ReportSite: `make site` installs what is needed and builds site/ from content/; `make test` runs the tests.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev
REPORTSITE := .build/release/reportsite
BUILD_FLAGS ?=

.PHONY: site test deps check clean

site: deps
	swift build -c release --product reportsite
	$(REPORTSITE) build $(BUILD_FLAGS)

check: deps
	swift build -c release --product reportsite
	$(REPORTSITE) check --strict

test: deps
	swift test

# Installs the C library only when pkg-config does not find it.
deps:
	@pkg-config --exists libcmark-gfm || { $(SUDO) apt-get update && $(SUDO) apt-get install -y $(APT_PACKAGES); }

clean:
	rm -rf .build site
