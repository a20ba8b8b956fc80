# mk/bench.mk: the benchmark. Never part of `make test`: a test must give the
# same answer on a busy machine, and a timing cannot.
#
# Included by the top-level Makefile, which defines BUILD and CHAPTERS.
#
#   make bench                 chapter 13 and the trainers of chapters 04 and 05
#                              at a few sizes, beside NumPy, in one table; then
#                              chapter 12's layers beside PyTorch (bench-conv,
#                              mk/conv.mk)
#   make bench BENCH_LARGE=1   also the 10^8-point runs (a few minutes, 4 GB)

bench: $(CHAPTERS)
	@sh tools/bench/bench.sh $(BUILD)
	@$(MAKE) --no-print-directory bench-conv

.PHONY: bench
