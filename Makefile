# certready — build, test, benchmark, fuzz, lint.
# `make test` is what CI runs (.ci/run); it installs the few system tools
# the tests use (poppler-utils for pdftotext/pdftoppm, qpdf, libxml2-utils
# for xmllint, libreoffice-calc-nogui for soffice, chromium for the HTML
# report's browser test) when missing.

GO        ?= go
BIN       ?= bin/certready
PKGS      ?= ./...
FUZZTIME  ?= 20s
# Minimising each new interesting input of a slow target (a whole
# workbook, a bundle) can otherwise take the whole run.
FUZZMIN   ?= 5s
BENCHROWS ?= 1000000
STATICCHECK_VERSION ?= v0.8.2
# The commit being built, stamped with -ldflags -X: the go command records
# it by itself in a clone, but not in a linked worktree, nor where GOFLAGS
# says -buildvcs=false.
REVISION  ?= $(shell git rev-parse HEAD 2>/dev/null)
LDFLAGS   := $(if $(REVISION),-X github.com/certready/certready/internal/version.revision=$(REVISION))
# A release's version: the tag on this commit, else the latest tag plus the
# commits since, else v0.0.0-snapshot; dated the commit, not the build.
VERSION   ?= $(shell git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null || echo v0.0.0-snapshot-$$(git rev-parse --short=12 HEAD 2>/dev/null))
COMMITTED ?= $(shell git log -1 --format=%cI 2>/dev/null)

.PHONY: build install cross release-snapshot test test-tools bench fuzz lint schemas examples clean

build:
	$(GO) build -buildvcs=auto -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/certready

# certready on the PATH ($(shell go env GOBIN) or $$GOPATH/bin), with its
# version and revision recorded.
install:
	$(GO) install -buildvcs=auto -ldflags '$(LDFLAGS)' ./cmd/certready

# The platforms users run that CI does not: each must at least compile.
cross:
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -buildvcs=false -o /dev/null ./cmd/certready
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 $(GO) build -buildvcs=false -o /dev/null ./cmd/certready

# Release archives for linux, darwin and windows on amd64 and arm64, with
# SHA256SUMS, into dist/: offline and reproducible (see internal/gen/release).
release-snapshot:
	$(GO) run ./internal/gen/release -version '$(VERSION)' -revision '$(REVISION)' $(if $(COMMITTED),-mtime '$(COMMITTED)') -dist dist

# System tools the PDF, XML and HTML tests need. Installed through apt when absent and
# when we may (root); otherwise the tests say what is missing.
test-tools:
	@missing=""; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v qpdf >/dev/null 2>&1 || missing="$$missing qpdf"; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "warning: missing$$missing (install them to run the PDF tests)"; \
	  fi; \
	fi

test: test-tools lint cross
	$(GO) test -race -count=1 $(PKGS)

# Benchmarks: end-to-end audit of a generated $(BENCHROWS)-row log (xlsx
# and CSV) against bare reads of the same files, wall time and peak RSS side
# by side (see BENCHMARKS.md); then the Go micro-benchmarks.
bench:
	@command -v /usr/bin/time >/dev/null 2>&1 || ( [ "$$(id -u)" = 0 ] && apt-get install -y -qq time >/dev/null )
	mkdir -p .bench
	$(GO) run ./internal/gen/benchrun -rows $(BENCHROWS) -dir .bench
	$(GO) test -run '^$$' -bench . -benchmem ./internal/metrics/ ./internal/e2e/

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseDateTime -fuzztime $(FUZZTIME) ./internal/load/
	$(GO) test -run '^$$' -fuzz FuzzLoadYAML -fuzztime $(FUZZTIME) ./internal/load/
	$(GO) test -run '^$$' -fuzz FuzzLoadCSV -fuzztime $(FUZZTIME) ./internal/load/
	$(GO) test -run '^$$' -fuzz FuzzCSVSplitAsEncodingCSV -fuzztime $(FUZZTIME) ./internal/load/
	CERTREADY_CSV_CASES=200000 $(GO) test -count=1 -run TestCSVSplitterReadsWhatEncodingCSVReads ./internal/load/
	$(GO) test -run '^$$' -fuzz FuzzDayCache -fuzztime $(FUZZTIME) ./internal/load/
	$(GO) test -run '^$$' -fuzz FuzzUSCC -fuzztime $(FUZZTIME) ./internal/cn/
	$(GO) test -run '^$$' -fuzz FuzzResidentID -fuzztime $(FUZZTIME) ./internal/cn/
	$(GO) test -run '^$$' -fuzz FuzzOrgCode -fuzztime $(FUZZTIME) ./internal/cn/
	$(GO) test -run '^$$' -fuzz FuzzMask -fuzztime $(FUZZTIME) ./internal/cn/
	$(GO) test -run '^$$' -fuzz FuzzWrap -fuzztime $(FUZZTIME) ./internal/pdfdoc/
	$(GO) test -run '^$$' -fuzz FuzzPDFText -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/doctext/
	$(GO) test -run '^$$' -fuzz FuzzDOCXText -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/doctext/
	$(GO) test -run '^$$' -fuzz FuzzUnfilled -fuzztime $(FUZZTIME) ./internal/doctext/
	CERTREADY_XLSX_CASES=2000 $(GO) test -count=1 -run TestReadsGeneratedWorkbooksAsExcelizeDoes ./internal/xlsxstream/
	$(GO) test -run '^$$' -fuzz FuzzReadsGeneratedWorkbooksAsExcelizeDoes -fuzztime $(FUZZTIME) ./internal/xlsxstream/
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/config/
	$(GO) test -run '^$$' -fuzz FuzzLoadWorkbookSheets -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/load/
	$(GO) test -run '^$$' -fuzz FuzzVerify -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/pack/
	$(GO) test -run '^$$' -fuzz FuzzTerminalSafe -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMIN) ./internal/report/

# gofmt, vet and staticcheck (installed with go install, pinned).
lint:
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt: files above need formatting" && exit 1)
	$(GO) vet $(PKGS)
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	"$$($(GO) env GOPATH)/bin/staticcheck" $(PKGS)

# Regenerate derived files: JSON Schemas from the field table, examples.
schemas:
	$(GO) test ./internal/schemagen -update

examples:
	$(GO) run ./internal/gen/examples

clean:
	rm -rf bin .bench dist
