# alignnet: articles in; co-mention network, centrality, alignment scores and figures out.

GO    ?= go
BIN   := bin/alignnet
IN    ?= seeds
OUT   ?= out
GOLD  ?= ../shared/gold

.PHONY: help build charts test eval fmt clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-8s %s\n", $$1, $$2}'

build: ## build bin/alignnet
	$(GO) build -o $(BIN) ./cmd/alignnet

charts: build ## run alignnet over seeds/ into out/: data files and every figure
	$(BIN) run -in $(IN) -out $(OUT)

test: ## go vet and every test
	$(GO) vet ./...
	$(GO) test ./...

eval: charts ## score out/ against the gold annotations in ../shared/gold
	$(BIN) eval -gold $(GOLD) -run $(OUT)/data/articles.json

fmt: ## gofmt every file
	gofmt -w $$(git ls-files '*.go')

clean: ## remove the built binary
	rm -rf bin
