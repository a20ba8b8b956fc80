# mk/fuzz.mk: libFuzzer targets for the two parsers that read what a reader
# types or feeds: csv_read() (fuzz/fuzz_csv.c) and cli_parse() (fuzz/fuzz_cli.c).
#
# Included by the top-level Makefile, which defines BUILD and MODULES.
#
#   make fuzz                    build both fuzzers and run each for FUZZ_SECONDS
#   make fuzz FUZZ_SECONDS=600   a longer hunt
#
# Needs clang and its fuzzer runtime (Debian: clang, libclang-rt-14-dev). Each
# fuzzer starts from a copy of the committed seed corpus (fuzz/corpus/NAME)
# plus every past crash (fuzz/regressions/NAME), in $(BUILD)/fuzz, so what it
# learns never pollutes the committed files; a crash is saved there as
# $(BUILD)/fuzz/crash-NAME-*. To keep one as a regression test, fix the bug and
# copy the file into fuzz/regressions/NAME/: tests/test_errors.c replays that
# folder on every `make test`.

FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_BUILD := $(BUILD)/fuzz
FUZZ_NAMES := csv cli
FUZZERS := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)

# The library is compiled into each fuzzer from source, so that libFuzzer sees
# (and steers by) the coverage of the code under test, not only the harness.
FUZZ_CFLAGS := -std=c11 -Wall -Wextra -Wpedantic -Werror -g -O1 \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -fno-omit-frame-pointer
FUZZ_LIBRARY_SOURCES := $(MODULES:%=code/%.c)

# Longest input tried: a CSV line may be 1024 characters, so go well past it.
FUZZ_MAX_LEN_csv := 4096
FUZZ_MAX_LEN_cli := 512

.PHONY: fuzz fuzzers $(FUZZ_NAMES:%=fuzz-%)

fuzzers: $(FUZZERS)

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_harness.h $(FUZZ_LIBRARY_SOURCES) code/*.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Icode $< $(FUZZ_LIBRARY_SOURCES) -lm -o $@

# fuzz-NAME: run one fuzzer. -max_total_time bounds the run; -timeout flags
# an input that takes over 5 s; -max_len is the longest input tried.
define fuzz_run_rule
fuzz-$(1): $(FUZZ_BUILD)/fuzz_$(1)
	@mkdir -p $(FUZZ_BUILD)/corpus-$(1)
	@cp fuzz/corpus/$(1)/* $(wildcard fuzz/regressions/$(1)/*) $(FUZZ_BUILD)/corpus-$(1)/
	@echo "== fuzz_$(1) for $(FUZZ_SECONDS) s (log: $(FUZZ_BUILD)/fuzz_$(1).log)"
	@$(FUZZ_BUILD)/fuzz_$(1) -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
	    -max_len=$(FUZZ_MAX_LEN_$(1)) -dict=fuzz/$(1).dict -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_BUILD)/crash-$(1)- $(FUZZ_BUILD)/corpus-$(1) \
	    >$(FUZZ_BUILD)/fuzz_$(1).log 2>&1 || { \
	    tail -n 40 $(FUZZ_BUILD)/fuzz_$(1).log; \
	    echo "fuzz_$(1) found a crash: see $(FUZZ_BUILD)/crash-$(1)-*"; exit 1; }
	@grep -E '^#[0-9]+[[:space:]]+DONE|^Done|^stat::(number_of_executed_units|average_exec_per_sec)' $(FUZZ_BUILD)/fuzz_$(1).log
endef
$(foreach name,$(FUZZ_NAMES),$(eval $(call fuzz_run_rule,$(name))))

fuzz: $(FUZZ_NAMES:%=fuzz-%)
