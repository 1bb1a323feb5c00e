# alignnet: articles in; co-mention network, centrality, alignment scores and figures out.

GO    ?= go
BIN   := bin/alignnet
IN    ?= seeds
OUT   ?= out
GOLD  ?= ../shared/gold

.PHONY: help build charts check-report test fuzz eval reader quality fmt clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

build: ## build bin/alignnet
	$(GO) build -o $(BIN) ./cmd/alignnet

NEW   ?= testdata/heldout/articles

charts: build ## run alignnet over seeds/ into out/ (data, figures, report.html) and compare testdata/heldout against it
	$(BIN) run -in $(IN) -out $(OUT)
	$(BIN) compare -baseline $(IN) -out $(OUT)/compare $(NEW) > /dev/null

check-report: ## open out/report.html in headless Chromium and fail on a broken page
	scripts/check-report $(OUT)/report.html

test: ## go vet and every test
	$(GO) vet ./...
	$(GO) test ./...

FUZZTIME ?= 10s

fuzz: ## run every fuzz test for FUZZTIME each (default 10s)
	@set -e; for spec in $$(grep -rl --include='*_test.go' '^func Fuzz' . | sort); do \
	  dir=$$(dirname $$spec); \
	  for f in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$spec | sed 's/^func //'); do \
	    echo "fuzz $$dir $$f"; \
	    $(GO) test $$dir -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) > /tmp/alignnet-fuzz.log 2>&1 || { cat /tmp/alignnet-fuzz.log; exit 1; }; \
	    grep -o 'elapsed: [0-9a-z]*, execs: [0-9]*' /tmp/alignnet-fuzz.log | tail -1; \
	  done; \
	done

eval: charts ## score out/ against the gold annotations in ../shared/gold
	$(BIN) eval -gold $(GOLD) -run $(OUT)/data/articles.json

TRAIN ?= $(addprefix testdata/,$(shell grep -v '^\#' testdata/development))

reader: build ## retrain analysis/alignment/russia-west.reader from the annotated corpora in TRAIN (the seeds are not trained on)
	$(BIN) train -out analysis/alignment/russia-west.reader $(TRAIN)
	$(GO) build -o $(BIN) ./cmd/alignnet

quality: ## the quality table of README.md: every annotated corpus, and the unseen ones pooled
	scripts/quality.sh

fmt: ## gofmt every file
	gofmt -w $$(git ls-files '*.go')

clean: ## remove the built binary
	rm -rf bin
