# alignnet: articles in; co-mention network, centrality, alignment scores and figures out.

GO    ?= go
BIN   := bin/alignnet
IN    ?= seeds
OUT   ?= out
GOLD  ?= ../shared/gold

.PHONY: help build charts check-report test eval fmt clean

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

eval: charts ## score out/ against the gold annotations in ../shared/gold
	$(BIN) eval -gold $(GOLD) -run $(OUT)/data/articles.json

fmt: ## gofmt every file
	gofmt -w $$(git ls-files '*.go')

clean: ## remove the built binary
	rm -rf bin
