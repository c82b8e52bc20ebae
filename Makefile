# bedside: build, test and run on Debian. `make run` and `make test` install
# what is missing first (as root with apt-get; otherwise they print the command).

SWIFT        ?= swift
PREFIX       ?= /usr/local
CONTENT      ?= Content
DEB_PACKAGES := libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev libsqlite3-dev libcrypt-dev tmux sqlite3 valgrind less w3m wamerican
# Fuzzing needs its own scratch path: the sanitizer build cannot share .build.
FUZZ_SCRATCH := .build-fuzz
FUZZ_SECONDS ?= 600

.PHONY: all deps build release run test check bench search-eval fuzz fuzz-replay install clean startup-order triage-table strings \
        test-build test-content test-unit test-e2e test-monkey-build test-monkey test-monkey-seeds monkey deb test-package

all: build

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "bedside needs these Debian packages:$$missing"; \
	    echo "Install them with:  sudo apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build --product bedside

# Release binaries are fully static executables (Swift runtime, Foundation, glibc,
# ncursesw, cmark-gfm, libstemmer): no dynamic loader, no symbol look-ups and no
# relocation of a 80 MB image at start, so bedside starts in about a third of the time
# and maps less memory (first paint and RSS in `make bench`); it also runs without
# /opt/swift. The linker warns that getpwuid and dlopen in a static program need the
# build machine's glibc at run time: Foundation links them, bedside never calls them
# (it reads $HOME), so the warnings are expected.
#
# They are linked with lld in the order of build-support/startup.order: the functions
# run from exec to the first screen come first, side by side, so start-up maps a few
# compact pages of code instead of pages spread over 18 MB (most of bedside's memory;
# `make startup-order` regenerates the list, see build-support/startup-order.sh).
STARTUP_ORDER := $(CURDIR)/build-support/startup.order
RELEASE      := -c release --static-swift-stdlib -Xswiftc -static-executable \
                -Xswiftc -use-ld=lld -Xswiftc -Xfrontend -Xswiftc -function-sections \
                -Xlinker --symbol-ordering-file=$(STARTUP_ORDER) -Xlinker --no-warn-symbol-ordering

release: deps
	$(SWIFT) build $(RELEASE) --product bedside

run: release
	./.build/release/bedside --content $(CONTENT)

# make test builds once, optimised (release, with -enable-testing for the
# tests' @testable imports), in its own scratch folder so it never fights
# `make release` (static, ordered) over .build/release. The work is CPU-bound
# on two cores, and one optimised build costs what the debug build and the
# monkey's own release build cost together, while the tests then run about 3x
# faster (unit ~20 s instead of 63 s; end-to-end 26 s instead of 68 s). The
# test targets themselves are compiled -Onone (Package.swift, `testCode`): the
# code under test is optimised, the assertions need not be.
#  - bedside-monkey is built first, so its 1,000,000 events (seed 20261130),
#    the long pole, start as early as they can;
#  - the rest of the build (tests, bedside, the fuzz replayer) runs beside it,
#    then `bedside check`, the triage table, the fuzz seeds, the package test,
#    and the XCTest and Swift Testing suites in several processes at once (the
#    unit tests in two halves beside Swift Testing; the tmux end-to-end tests,
#    which mostly wait for a terminal, a process per class).
# The test bundle is run directly, not through `swift test`, which locks .build
# and so cannot run twice at once; the output is the same XCTest and Swift
# Testing output. `swift test` alone still runs everything in debug, the debug monkey too.
MONKEY_EVENTS  ?= 1000000
TEST_SCRATCH   := .build/test
TEST_BIN       := $(TEST_SCRATCH)/release
TEST_SWIFT     := $(SWIFT) build -c release -Xswiftc -enable-testing --scratch-path $(TEST_SCRATCH)
MONKEY         := $(TEST_BIN)/bedside-monkey
XCTEST         := $(TEST_BIN)/bedsidePackageTests.xctest
TEST_ENV       := BEDSIDE_BIN=$(CURDIR)/$(TEST_BIN)/bedside BEDSIDE_CONTENT=$(CURDIR)/$(CONTENT) BEDSIDE_MONKEY_IN_RELEASE=1
# Test classes, as Module.Class, from the bundle's own list.
test_classes    = $$($(XCTEST) --list-tests | sed -n 's|^\([A-Za-z0-9_]*\.[A-Za-z0-9_]*\)/.*|\1|p' | sort -u)

test: deps
	scripts/check-ui-literals
	$(SWIFT) package resolve
	@$(MAKE) --no-print-directory -j6 --output-sync=target test-content test-unit test-e2e test-monkey test-monkey-seeds test-package

# The parts of `make test`, for `make -j` above (each can run alone too).
# Only what the tests run: the test bundle (which builds `bedside` too) and
# the fuzz replayer. `--build-tests` would also build bedside-bench and the
# argument parser's plugin tools (twice), about 90 s of CPU nothing here uses.
test-build: test-monkey-build
	$(TEST_SWIFT) --product bedsidePackageTests
	$(TEST_SWIFT) --product bedside-fuzz

test-content: test-build
	$(TEST_BIN)/bedside check --content $(CONTENT)
	@$(TEST_BIN)/bedside flow --table --format md --content $(CONTENT) | diff -u docs/triage-table.md - >/dev/null || \
	  { $(TEST_BIN)/bedside flow --table --format md --content $(CONTENT) | diff -u docs/triage-table.md - | head -40; \
	    echo "docs/triage-table.md is stale: the flows changed. Run 'make triage-table', review the diff, and commit it."; exit 1; }
	for target in content yaml nesting translation pack; do \
	  BEDSIDE_FUZZ_TARGET=$$target timeout 120 $(TEST_BIN)/bedside-fuzz fuzz-corpus/regressions/$$target || exit 1; \
	done

# Every XCTest class but the end-to-end ones, in two processes (alternate
# classes), beside the Swift Testing suites: when the monkey is done, both
# cores are free for them.
test-unit: test-build
	@classes=$$(echo "$(test_classes)" | grep -v '^EndToEndTests\.'); [ -n "$$classes" ] || exit 1; \
	  half1=$$(echo "$$classes" | awk 'NR % 2 == 1' | paste -sd, -); half2=$$(echo "$$classes" | awk 'NR % 2 == 0' | paste -sd, -); \
	  scripts/side-by-side "$(TEST_ENV) $(XCTEST) $$half1" "$(TEST_ENV) $(XCTEST) $$half2" "$(TEST_ENV) $(XCTEST) --testing-library swift-testing"

# One process per class, all at once: these tests mostly wait for a terminal
# (the kiosk's idle reset waits out real seconds), so side by side they take
# as long as the longest class, not the sum.
test-e2e: test-build
	@classes=$$(echo "$(test_classes)" | grep '^EndToEndTests\.'); [ -n "$$classes" ] || exit 1; \
	  eval scripts/side-by-side $$(for class in $$classes; do printf '"%s" ' "$(TEST_ENV) $(XCTEST) $$class"; done)

# The packaging, on the test build's binary (quick, uncompressed): the .deb's metadata and
# layout, installed into a clean root with dpkg --root, then check and search run
# from there. `make deb` does the same with the static release binary.
test-package: test-build
	scripts/make-deb $(TEST_BIN)/bedside $(VERSION) .build/package-test.deb none
	scripts/test-deb .build/package-test.deb

test-monkey-build:
	$(TEST_SWIFT) --product bedside-monkey

test-monkey: test-monkey-build
	$(MONKEY) --content $(CONTENT) --events $(MONKEY_EVENTS) --expect-every-kind

test-monkey-seeds: test-monkey-build
	for seed in 1 2 3; do $(MONKEY) --content $(CONTENT) --events 3000 --seed $$seed --expect-every-kind || exit 1; done

# A longer monkey run on its own: `make monkey MONKEY_EVENTS=10000000 MONKEY_SEED=7`
# (the summary lists what it reached; --progress prints it as it goes).
MONKEY_SEED ?= 20261130
monkey: deps test-monkey-build
	$(MONKEY) --content $(CONTENT) --events $(MONKEY_EVENTS) --seed $(MONKEY_SEED) --progress 100000 --expect-every-kind

# Needs valgrind and tmux (both in DEB_PACKAGES). SwiftPM does not see the list
# change, so the binary is removed to make it link again with the new order.
startup-order: release
	build-support/startup-order.sh .build/release/bedside
	rm -f .build/release/bedside
	$(SWIFT) build $(RELEASE) --product bedside

# The English catalogue compiled in as the fallback for a missing key (a test fails when it is stale).
strings:
	scripts/make-builtin-catalogue

# The table a nurse educator signs off: every answer path of every flow (make test fails when it is stale).
triage-table: build
	./.build/debug/bedside flow --table --format md --content $(CONTENT) > docs/triage-table.md

check: build
	./.build/debug/bedside check --content $(CONTENT)

bench: deps
	$(SWIFT) build $(RELEASE) --product bedside
	$(SWIFT) build $(RELEASE) --product bedside-bench
	./.build/release/bedside-bench --content $(CONTENT) --bin ./.build/release/bedside

search-eval: deps
	$(SWIFT) build $(RELEASE) --product bedside-bench
	./.build/release/bedside-bench --content $(CONTENT) --search-eval
	./.build/release/bedside-bench --content $(CONTENT) --search-eval --lang es

# The fuzzer is a release build (-O keeps Swift's bounds and overflow checks; several times the runs
# of debug) with -DBEDSIDE_FUZZ, which swaps the replay main for libFuzzer's entry point.
# swiftc keeps only the last -sanitize= flag, and SwiftPM passes "-sanitize=fuzzer -sanitize=address",
# so the Swift code would get ASan but no coverage counters: -Xswiftc -sanitize=fuzzer,address
# restores both. Allocation stacks are off (malloc_context_size=0) to halve ASan's cost; crash
# stacks are still complete.
# A crash is saved in fuzz-artifacts/; replay it with `swift run bedside-fuzz fuzz-artifacts/crash-...`.
fuzz: deps
	$(SWIFT) build -c release --product bedside-fuzz --sanitize=fuzzer --sanitize=address --scratch-path $(FUZZ_SCRATCH) \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DBEDSIDE_FUZZ
	mkdir -p fuzz-corpus/content fuzz-corpus/yaml fuzz-corpus/nesting fuzz-corpus/translation fuzz-corpus/pack fuzz-artifacts
	cp -n fuzz-corpus/regressions/pack/* fuzz-corpus/pack/
	for f in $(CONTENT)/topics/*/*.md $(CONTENT)/flows/*.md $(CONTENT)/walkthroughs/*.md $(CONTENT)/glossary/*.yaml $(CONTENT)/*.yaml $(CONTENT)/*.md; do \
	  [ -f "$$f" ] && cp -n "$$f" "fuzz-corpus/content/$$(echo "$$f" | tr / _)" || true; \
	done
	for f in $(CONTENT)/glossary/*.yaml $(CONTENT)/*.yaml deploy/site.yaml.example; do \
	  [ -f "$$f" ] && cp -n "$$f" "fuzz-corpus/yaml/$$(echo "$$f" | tr / _)" || true; \
	done
	for f in $(CONTENT)/*/*.es.md $(CONTENT)/*/*/*.es.md $(CONTENT)/*/*.es.yaml; do \
	  [ -f "$$f" ] && cp -n "$$f" "fuzz-corpus/translation/$$(echo "$$f" | tr / _)" || true; \
	done
	# Five targets share the time: every parser, the YAML paths (aliases, anchors), deep nesting,
	# translations laid over English items (the logic must come out unchanged), and content packs
	# (read with checksums off, so mutations reach the reader's own bounds checks; seeds are ~110 KB).
	# -timeout=5: an input that takes longer is a hang, reported like a crash.
	for target in content yaml nesting translation pack; do \
	  BEDSIDE_FUZZ_TARGET=$$target SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=malloc_context_size=0 \
	    $(FUZZ_SCRATCH)/release/bedside-fuzz fuzz-corpus/$$target fuzz-corpus/regressions/$$target \
	    -max_total_time=$$(( $(FUZZ_SECONDS) / 5 )) -max_len=$$([ $$target = pack ] && echo 262144 || echo 65536) -timeout=5 -rss_limit_mb=4096 \
	    -artifact_prefix=fuzz-artifacts/$$target- -print_final_stats=1 || exit 1; \
	done

# Replays the committed regression seeds through the normal build (no sanitizer); make test does it too.
fuzz-replay: build
	$(SWIFT) build --product bedside-fuzz
	for target in content yaml nesting translation pack; do \
	  BEDSIDE_FUZZ_TARGET=$$target timeout 120 ./.build/debug/bedside-fuzz fuzz-corpus/regressions/$$target || exit 1; \
	done

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/bedside $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 .build/release/bedside $(DESTDIR)$(PREFIX)/bin/bedside
	rm -rf $(DESTDIR)$(PREFIX)/share/bedside/Content
	cp -R $(CONTENT) $(DESTDIR)$(PREFIX)/share/bedside/Content
	# The content pack beside the installed content: every session maps it instead of parsing.
	$(DESTDIR)$(PREFIX)/bin/bedside pack --content $(DESTDIR)$(PREFIX)/share/bedside/Content
	[ -f docs/bedside.1 ] && install -m 644 docs/bedside.1 $(DESTDIR)$(PREFIX)/share/man/man1/bedside.1 || true
	[ -d deploy ] && cp -R deploy $(DESTDIR)$(PREFIX)/share/bedside/ || true

# The Debian package for fleets: bedside_VERSION-1_amd64.deb with the static binary,
# Content (every language), the man page and the deployment samples; installed into
# a clean root and tried there before it is called built. lintian is run on it too:
# three tags are expected, each for a reason (build-support/lintian-overrides.txt).
# The binary is static on purpose (statically-linked-binary: no Swift runtime on the
# kiosks, a third of the start-up time), so libyaml and ncurses are built in
# (embedded-library); and the package is not uploaded to Debian, so its changelog
# closes no bug. Any other error fails the build.
VERSION := $(shell sed -n 's/.*version: "\([0-9.]*\)".*/\1/p' Sources/bedside/Bedside.swift)
DEB     := bedside_$(VERSION)-1_amd64.deb
deb: release
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="lintian"
	scripts/make-deb .build/release/bedside $(VERSION) $(DEB)
	scripts/test-deb $(DEB)
	lintian --fail-on error --suppress-tags-from-file build-support/lintian-overrides.txt $(DEB)

clean:
	rm -rf .build $(FUZZ_SCRATCH) fuzz-artifacts
