# chartproof: `make run` lints the bundled example, `make test` runs every test.
# Both install the Debian packages they need first (scripts/install-deps.sh).

SHELL      := /bin/bash
.SHELLFLAGS := -o pipefail -c

BUILD      ?= build
SAN_BUILD  ?= build-sanitize
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=
BIN        := $(BUILD)/cli/chartproof

.PHONY: all deps deps-run configure cli build run test test-release san-configure test-sanitize test-python fuzz lint docs example bench clean dist dist-test release

all: build

deps:
	@scripts/install-deps.sh test

# What building and running the CLI needs, nothing of the tests (`make run` on a fresh machine).
deps-run:
	@scripts/install-deps.sh run

# One release tree for everything: the CLI, the test suite, the benchmarks and the Python modules
# (scripts/test-python.sh installs the package from this same tree, so nothing compiles twice).
configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCHARTPROOF_WERROR=ON -DCHARTPROOF_PYTHON=ON \
	  -DCHARTPROOF_TESTS=ON -DCHARTPROOF_BENCH=ON -DPython_EXECUTABLE=/usr/bin/python3 $(CMAKE_ARGS) >/dev/null

# Only the command-line tool (what `make run` needs). A tree `make test` configured is used as it
# is; a new one is configured without the tests, the benchmarks and the Python module, whose
# packages `make run` does not install.
cli: deps-run
	@test -f $(BUILD)/CMakeCache.txt || cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCHARTPROOF_WERROR=ON \
	  -DCHARTPROOF_TESTS=OFF -DCHARTPROOF_BENCH=OFF -DCHARTPROOF_PYTHON=OFF $(CMAKE_ARGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target chartproof_bin

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# Lints the bundled example chart's rendered output: the clean one, then one with realistic mistakes.
# Exits 0 when the linter ran (exit 0 or 1), whatever it found.
run: cli
	@echo "== chartproof lint examples/todo-app/rendered.yaml"
	@$(BIN) lint examples/todo-app/rendered.yaml; test $$? -le 1
	@echo
	@echo "== chartproof lint examples/todo-app/rendered-broken.yaml"
	@$(BIN) lint examples/todo-app/rendered-broken.yaml; test $$? -le 1

test-release: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) | tee ctest.log | grep -Ev '^ *(Start|[0-9]+/[0-9]+ Test)'

# The same suite built with clang, AddressSanitizer and UndefinedBehaviorSanitizer (at -O1, as the
# sanitizers recommend: -O0 made the fuzzers run at 6 inputs a second), plus the
# libFuzzer targets (tests/fuzz), each run for FUZZ_SMOKE seconds as part of the suite.
FUZZ_SMOKE   ?= 20
FUZZ_SECONDS ?= 60
san-configure: deps
	@grep -qs 'CMAKE_CXX_COMPILER:.*clang' $(SAN_BUILD)/CMakeCache.txt || rm -rf $(SAN_BUILD)
	@CC=clang-14 CXX=clang++-14 cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
	  -DCHARTPROOF_SANITIZE=ON \
	  -DCHARTPROOF_WERROR=ON -DCHARTPROOF_BENCH=OFF -DCHARTPROOF_FUZZ=ON \
	  -DCHARTPROOF_FUZZ_SMOKE_SECONDS=$(FUZZ_SMOKE) $(CMAKE_ARGS) >/dev/null

test-sanitize: san-configure
	@cmake --build $(SAN_BUILD) -j $(JOBS)
	@cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:suppressions=$(CURDIR)/tests/ubsan.supp \
	  ctest --output-on-failure -j $(JOBS) | tee ctest.log | grep -Ev '^ *(Start|[0-9]+/[0-9]+ Test)'

# The Python package: pip install into a venv of Debian's python3, pytest, and an import check
# under the default python3 (scripts/test-python.sh).
test-python: build
	@scripts/test-python.sh

test: test-release test-sanitize test-python
	@scripts/test-summary.sh $(BUILD)/ctest.log $(SAN_BUILD)/ctest.log build-python/pytest.log

# Each fuzz target for FUZZ_SECONDS (default 60), one after another; the corpus grows in
# $(SAN_BUILD)/fuzz/<target>/corpus, crashes land in .../artifacts (tests/fuzz/README.md).
fuzz: san-configure
	@cmake --build $(SAN_BUILD) -j $(JOBS) --target fuzz_lint fuzz_policy fuzz_chart fuzz_parse fuzz_schema fuzz_cel
	@for t in lint policy chart parse schema cel; do \
	  tests/fuzz/run_fuzz.sh $(SAN_BUILD)/tests/fuzz/fuzz_$$t $$t $(FUZZ_SECONDS) $(CURDIR) $(CURDIR)/../shared \
	    $(CURDIR)/$(SAN_BUILD)/fuzz/$$t 2>&1 | tail -n 12 || exit 1; \
	done

# clang-format (no change needed) and clang-tidy (.clang-tidy's checks) over lib/, cli/ and bindings/.
lint: configure
	@scripts/lint.sh $(BUILD)

# Regenerates docs/rules.md from the rule metadata (a test fails when it is stale).
docs: build
	@$(BIN) rules --format markdown > docs/rules.md

# Re-renders examples/todo-app/rendered.yaml with helm (scripts/get-helm.sh fetches one if needed)
# and derives rendered-broken.yaml from it.
example:
	@$$(scripts/get-helm.sh) template todo-app examples/todo-app --namespace todo-app > examples/todo-app/rendered.yaml
	@python3 scripts/make-broken-example.py

# Every release artifact in dist/ (static binary, .deb, wheel, Helm plugin archive, SHA256SUMS;
# docs/install.md), and their tests.
dist: deps
	@scripts/make-dist.sh

VERSION_NOW = $(shell scripts/version.sh)
dist-test: dist
	@bash tests/dist/static_binary_test.sh dist/chartproof-$(VERSION_NOW)-linux-x86_64 $(CURDIR)
	@bash tests/dist/deb_test.sh dist/chartproof_$(VERSION_NOW)_amd64.deb $(CURDIR)
	@bash tests/dist/artifacts_test.sh $(CURDIR)
	@bash tests/dist/release_test.sh $(CURDIR)

# A release: make release VERSION=x.y.z (scripts/release.sh: bump, commit, make dist-test, tag).
release:
	@scripts/release.sh $(VERSION)

bench: build
	@bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) build-python
