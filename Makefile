# SGD from scratch, in C — the front door.
#
#   make            install missing packages, build every chapter, run each one
#                   and render its figures into out/
#   make test       the Check suites and the end-to-end runs of every chapter
#   make figures    regenerate the book's figures in figures/ (.gp and images)
#   make help       every target
#
# Build products go to $(BUILD) (build/ by default); `make sanitize` reuses
# these rules with another BUILD and sanitizer flags.

BUILD ?= build
CC ?= cc
# -ffp-contract=off: never fuse a*b + c into one instruction, so results (and
# every printed digit) are the same whether or not the CPU has FMA.
# CFLAGS is yours to change (make CFLAGS=-O3); the language, the warnings
# and the rounding rule are not, so `override` keeps them even when CFLAGS
# comes from the command line.
CFLAGS ?= -O2 -g
REQUIRED_CFLAGS := -std=c11 -Wall -Wextra -Wpedantic -Werror -ffp-contract=off
override CFLAGS += $(REQUIRED_CFLAGS)
# -pthread: chapter 13 times a pass split across POSIX threads (code/fast.c).
LDLIBS = -lm -pthread
CHECK_FLAGS = $(shell pkg-config --cflags --libs check 2>/dev/null)

MODULES := status shown format number rng data csv linalg solve loss gradient sgd minibatch scale heavy_ball landscape contours tape polynomial network bent softmax layers labels images gnuplot plot figures render cli frame watch trace fast conv conv_fast optim init
LIBRARY := $(BUILD)/libsgd.a
OBJECTS := $(MODULES:%=$(BUILD)/code/%.o)

# chapters/04-sgd-loop/main.c, and the files beside it that show what the
# lesson does (show.c), become $(BUILD)/ch04.
CHAPTER_DIRS := $(sort $(wildcard chapters/[0-9][0-9]-*))
chapter_number = $(firstword $(subst -, ,$(notdir $(1))))
CHAPTERS := $(foreach d,$(CHAPTER_DIRS),$(BUILD)/ch$(call chapter_number,$d))

TEST_SOURCES := $(sort $(wildcard tests/*.c))
TEST_RUNNER := $(BUILD)/run-tests

.PHONY: all deps build run test unit-tests figures clean help makefile-check show

# make show FIG=out/ch04-loss.gp: any figure, drawn in the terminal (over SSH,
# with no image viewer) by gnuplot's dumb terminal.
show:
	@sh tools/show-figure.sh "$(FIG)"

# For clangd's jump-to-definition: every compile command of the chapters,
# the library, the tests and the weaver, recorded by Debian's bear (installed
# on first use) from a build of their own, so that build/ stays as it was.
compile_commands.json: Makefile $(wildcard mk/*.mk)
	@sh tools/install-deps.sh bear
	rm -rf $(BUILD)/compile-commands
	bear --output $@ -- $(MAKE) --no-print-directory BUILD=$(BUILD)/compile-commands \
	    build $(BUILD)/compile-commands/run-tests >/dev/null
	@echo "wrote $@: clangd (and editors that use it) now find every definition"

# Fragments for the book, the exercises, sanitizers and fuzzing. Each may add
# targets that `make test` runs to EXTRA_TESTS.
EXTRA_TESTS :=
include $(sort $(wildcard mk/*.mk))
EXTRA_TESTS += makefile-check
.DEFAULT_GOAL := all

all: deps build run

deps:
	@sh tools/install-deps.sh

build: $(CHAPTERS)

$(BUILD)/code/%.o: code/%.c code/*.h | $(BUILD)/code
	$(CC) $(CFLAGS) -c $< -o $@

$(LIBRARY): $(OBJECTS)
	rm -f $@
	ar rcs $@ $^

# A chapter may build on an earlier one's files: chapter 12 reads, splits and
# scores chapter 11's digits with chapter 11's show.c.
uses_12 := chapters/11-digits/show.c chapters/11-digits/show.h
define chapter_rule
$(BUILD)/ch$(call chapter_number,$(1)): $(wildcard $(1)/*.c $(1)/*.h) $(uses_$(call chapter_number,$(1))) $(LIBRARY) code/*.h
	$$(CC) $$(CFLAGS) -Icode $(wildcard $(1)/*.c) $(filter %.c,$(uses_$(call chapter_number,$(1)))) $(LIBRARY) $$(LDLIBS) -o $$@
endef
$(foreach d,$(CHAPTER_DIRS),$(eval $(call chapter_rule,$d)))

$(BUILD)/code:
	mkdir -p $@

# Every chapter with its defaults, figures into out/ (a reader's scratch space).
# Each run draws its own images with gnuplot (code/render.h).
run: $(CHAPTERS)
	@for program in $(CHAPTERS); do \
	    echo "== $$program"; $$program --out out || exit 1; \
	done
	@echo "Built and ran every chapter. Next: read book.md from chapter 01, and open"
	@echo "out/ch01-data.png beside it; run one chapter with build/ch04 --help."

# Chapter 06 also fits the real data in data/, into a folder of its own.
# Chapter 13's figure is a measurement: it differs on every run and machine,
# so `make figures` keeps the committed one, made by the command the book
# names (build/ch13 --n 100000000 --epochs 10 --out figures).
MEASURED_CHAPTERS := $(BUILD)/ch13

figures: $(CHAPTERS)
	@for program in $(filter-out $(MEASURED_CHAPTERS),$(CHAPTERS)); do \
	    $$program --quiet --out figures >/dev/null || exit 1; \
	done
	@$(BUILD)/ch06 --quiet --standardize --data data/mauna-loa-co2.csv \
	    --out figures/mauna-loa >/dev/null

# The tests run the chapter programs, so they need them built first.
# (The weaver's own tests run $(WEAVE), from mk/book.mk.)
$(TEST_RUNNER): $(TEST_SOURCES) $(wildcard tests/*.h) fuzz/fuzz_harness.h $(LIBRARY) $(CHAPTERS) $(WEAVE)
	$(CC) $(CFLAGS) -Icode -DBUILD_DIR='"$(BUILD)"' $(WEAVE_TEST_CFLAGS) $(TEST_SOURCES) \
	    $(LIBRARY) $(CHECK_FLAGS) $(LDLIBS) -o $@

# The Check runner goes last, so its summary is the last thing make test prints.
test: $(EXTRA_TESTS)
	@$(MAKE) --no-print-directory unit-tests

unit-tests: $(TEST_RUNNER)
	$(TEST_RUNNER)

# The build's own promises, checked without building anything: a CFLAGS of
# the reader's keeps the required flags, and the test runner is rebuilt when
# the fuzz harness it includes changes.
makefile-check:
	@$(MAKE) --no-print-directory -n -B CFLAGS=-O3 $(BUILD)/ch01 | \
	    grep -q -e '-O3 .*-std=c11 .*-Werror .*-ffp-contract=off' || \
	    { echo "makefile-check: make CFLAGS=-O3 drops the required flags"; exit 1; }
	@$(MAKE) --no-print-directory -n -W fuzz/fuzz_harness.h $(TEST_RUNNER) | \
	    grep -q -e '-o $(TEST_RUNNER)' || \
	    { echo "makefile-check: the test runner ignores fuzz/fuzz_harness.h"; exit 1; }
	@$(MAKE) --no-print-directory -n -B compile_commands.json | \
	    grep -q -e 'bear --output compile_commands.json -- ' || \
	    { echo "makefile-check: make compile_commands.json does not run bear"; exit 1; }
	@echo "makefile-check: ok"

clean:
	rm -rf $(BUILD) out book.html

help:
	@echo "make            install missing packages, build, run every chapter (figures into out/)"
	@echo "make build      build the chapter programs $(BUILD)/ch01 ... only"
	@echo "make test       run the Check suites and the end-to-end runs of every chapter"
	@echo "make figures    regenerate figures/ (.gp scripts and the images they draw)"
	@echo "make book       rewrite the listings and outputs in book.md from the code"
	@echo "make html       the book as one standalone page, book.html"
	@echo "make html-check build book.html and check it in headless chromium (images, links)"
	@echo "make show FIG=out/ch04-loss.gp   draw any figure in the terminal (no image viewer)"
	@echo "make compile_commands.json       for clangd: every compile command, recorded by bear"
	@echo "make exercises  your progress on the exercises (SOLUTIONS=1: the answers)"
	@echo "make sanitize   rebuild with ASan + UBSan, run the tests and every chapter"
	@echo "make valgrind   every chapter under valgrind memcheck"
	@echo "make fuzz       fuzz the CSV loader and the flag parser (FUZZ_SECONDS=60)"
	@echo "make reference  every chapter's run beside its PyTorch counterpart (reference/)"
	@echo "make bench      time chapter 13 and the trainers against NumPy (BENCH_LARGE=1: 10^8 points),"
	@echo "                and chapter 12's layers against PyTorch (make bench-conv: those alone)"
	@echo "make conv-reference  chapter 12's layers against PyTorch's, to 1e-12"
	@echo "make clean      remove $(BUILD)/, out/ and book.html"
	@echo "Run one chapter: $(BUILD)/ch04 --lr 0.5   (every program takes --help)"
