# mk/sanitize.mk: run everything under AddressSanitizer + UBSan, and under
# valgrind, so that a memory error or undefined behaviour fails the build
# instead of lurking.
#
# Included by the top-level Makefile, which defines BUILD, CC, CFLAGS and
# CHAPTERS, and the targets build and unit-tests.
#
#   make sanitize   rebuild everything in build/sanitize with ASan + UBSan, run
#                   the unit tests and every chapter (defaults and bad inputs)
#   make valgrind   every chapter under valgrind memcheck, defaults and errors

SANITIZE_BUILD := build/sanitize
SANITIZE_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer
# The sub-make adds REQUIRED_CFLAGS (-std=c11 -Wall …) itself.
SANITIZE_CFLAGS = -O2 -g $(SANITIZE_FLAGS)

# Any report is fatal, and exits with 99: a chapter's own exit codes are 0, 1
# and 2, so a report can never pass for an expected failure. detect_leaks:
# every allocation freed, on error paths too.
ASAN_CHECKS := detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1
SANITIZE_ENV := ASAN_OPTIONS=$(ASAN_CHECKS):halt_on_error=1:exitcode=99 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=99

# The runs every checker repeats: "EXPECTED_EXIT PROGRAM ARGS...", one per
# line. The chapter name stands for the program in the build being checked.
# Makefile is a regular file, so Makefile/sub is an output folder that cannot
# be made, even by root.
define CHECKED_RUNS
0 ch01 --quiet --out OUT
0 ch02 --quiet --out OUT
0 ch03 --quiet --out OUT
0 ch04 --quiet --out OUT
0 ch05 --quiet --out OUT
0 ch06 --quiet --out OUT
0 ch06 --quiet --standardize --data data/mauna-loa-co2.csv --out OUT
0 ch07 --quiet --out OUT
0 ch07 --quiet --batch 3 --momentum 0.5 --decay 50 --epochs 5 --out OUT
0 ch08 --out OUT
0 ch08 --quiet --data tests/data/line.csv --out OUT
0 ch13 --n 3000 --epochs 1 --quiet --out OUT
0 ch03 --quiet --data fuzz/corpus/csv/header-bom-crlf.csv --out OUT
0 ch10 --quiet --epochs 10 --out OUT
0 ch10 --quiet --init zeros --hidden 3 --epochs 2 --out OUT
0 ch11 --quiet --epochs 2 --hidden 8 --out OUT
1 ch11 --lr 100 --epochs 2 --out OUT
1 ch11 --data tests/data/bad/not-a-number.csv
2 ch11 --wd -1
0 ch12 --quiet --epochs 1 --out OUT
2 ch12 --hidden 3
2 ch04 --lr abc
2 ch05 --batch 0
2 ch01 --bogus
2 ch07 --momentum 1
1 ch07 --lr 5 --out OUT
2 ch13 --lr 0.5
1 ch04 --lr 1e300 --out OUT
1 ch05 --batch 1 --lr 1e6 --out OUT
1 ch06 --data data/mauna-loa-co2.csv --out OUT
2 ch04 --standardize
1 ch01 --data tests/data/bad/not-a-number.csv
1 ch02 --data /dev/zero
1 ch05 --data tests/data
1 ch04 --quiet --out Makefile/sub
1 ch08 --lr 1.5 --out OUT
2 ch08 --batch 4
0 ch09 --quiet --epochs 2000 --out OUT
0 ch09 --quiet --data tests/data/line.csv --epochs 200 --out OUT
2 ch09 --degree 31
1 ch09 --lr 5 --out OUT
1 ch09 --data tests/data/line.csv --train 80
1 ch10 --lr 100 --out OUT
2 ch10 --init ones
1 ch06 --lr 1 --epochs 1000 --out OUT
0 ch06 --standardize --lr 1 --quiet --out OUT
0 ch07 --lr 0.85 --quiet --out OUT
1 ch07 --lr 1e308 --out OUT
2 ch07 --da tests/data/line.csv
2 ch07 --decay 1e-320
1 ch04 --data tests/data/bad/x-too-close.csv
1 ch08 --data tests/data/bad/hexadecimal.csv
0 ch05 --quiet --standardize --data data/mauna-loa-co2.csv --out OUT
0 ch07 --quiet --standardize --data data/mauna-loa-co2.csv --epochs 5 --out OUT
0 ch08 --quiet --standardize --data data/mauna-loa-co2.csv --out OUT
0 ch09 --quiet --standardize --data data/mauna-loa-co2.csv --epochs 200 --out OUT
0 ch07 --lr 1 --epochs 5 --out OUT
2 ch04 --out --quiet
endef
export CHECKED_RUNS

# $(call run_checked,BUILD_DIR,WRAPPER): runs each line of CHECKED_RUNS as
# WRAPPER BUILD_DIR/PROGRAM ARGS with OUT = BUILD_DIR/checked-out, and fails
# unless the exit code is the expected one and stderr holds no report.
define run_checked
	@rm -rf $(1)/checked-out
	@echo "$$CHECKED_RUNS" | while read -r expected program args; do \
	    args=$$(echo "$$args" | sed 's|OUT|$(1)/checked-out|g'); \
	    $(2) $(1)/$$program $$args >$(1)/checked.out 2>$(1)/checked.err; \
	    got=$$?; \
	    if [ $$got -ne $$expected ] || \
	       grep -q -E 'Sanitizer|runtime error|definitely lost|ERROR SUMMARY: [1-9]' $(1)/checked.err; then \
	        cat $(1)/checked.err; \
	        echo "FAILED: $$program $$args (exit $$got, expected $$expected)"; \
	        exit 1; \
	    fi; \
	    echo "ok  exit $$got  $$program $$args"; \
	done
endef

.PHONY: sanitize sanitize-chapters valgrind

sanitize:
	@$(SANITIZE_ENV) $(MAKE) --no-print-directory BUILD=$(SANITIZE_BUILD) \
	    CFLAGS='$(SANITIZE_CFLAGS)' build unit-tests
	@export $(SANITIZE_ENV); $(MAKE) --no-print-directory sanitize-chapters

# Separate, so that its recipe runs with the sanitizers' options exported.
sanitize-chapters:
	$(call run_checked,$(SANITIZE_BUILD),)
	@echo "sanitize: no reports"

# memcheck: any error, and any leak that is definitely or indirectly lost,
# makes valgrind exit with 99.
VALGRIND := valgrind --quiet --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect

valgrind: $(CHAPTERS)
	$(call run_checked,$(BUILD),$(VALGRIND))
	@echo "valgrind: no errors"
