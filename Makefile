# certready — build, test, benchmark, fuzz, lint.
# `make test` is what CI runs (.ci/run); it installs the few system tools
# the tests use (poppler-utils for pdftotext/pdftoppm, qpdf, libxml2-utils
# for xmllint, libreoffice-calc-nogui for soffice) when missing.

GO        ?= go
BIN       ?= bin/certready
PKGS      ?= ./...
FUZZTIME  ?= 20s
# Minimising each new interesting input of a slow target (a whole
# workbook, a bundle) can otherwise take the whole run.
FUZZMIN   ?= 5s
BENCHROWS ?= 1000000
STATICCHECK_VERSION ?= v0.8.2

.PHONY: build test test-tools bench fuzz lint schemas examples clean

build:
	$(GO) build -o $(BIN) ./cmd/certready

# System tools the PDF tests need. Installed through apt when absent and
# when we may (root); otherwise the tests say what is missing.
test-tools:
	@missing=""; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	command -v qpdf >/dev/null 2>&1 || missing="$$missing qpdf"; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-calc-nogui"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "warning: missing$$missing (install them to run the PDF tests)"; \
	  fi; \
	fi

test: test-tools lint
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
	rm -rf bin .bench
