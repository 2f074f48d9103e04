# Lightbulb. `make run` gives a working site with demo data on embedded SQLite;
# `make test` runs every test (see scripts/test.sh for what it starts).
GO      ?= go
# Let go fetch the toolchain pinned in go.mod (machines may default to local).
export GOTOOLCHAIN ?= auto
BIN     := bin/lightbulb
DB      ?= sqlite:./lightbulb.db
ADDR    ?= 127.0.0.1:8080

.PHONY: run build assets test bench fmt vet clean

run: build
	./$(BIN) migrate --db $(DB)
	./$(BIN) demo --db $(DB)
	./$(BIN) serve --db $(DB) --addr $(ADDR)

build: assets
	$(GO) build -o $(BIN) ./cmd/lightbulb

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

assets: node_modules/.package-lock.json
	npm run --silent build

test: assets
	bash scripts/test.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	$(GO) vet ./...

clean:
	rm -rf bin internal/web/static/*.css internal/web/static/*.js
